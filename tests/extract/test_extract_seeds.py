"""The seed articles from ../shared: police death tolls from different outlets share one key."""

from newsfuse.extract import extract


def _read(shared_dir):
    try:
        from newsfuse.ingest import read_paths
    except ImportError:  # pragma: no cover - ingest not there
        return []
    from newsfuse.records import Article

    return [a for a in read_paths([str(shared_dir / "seeds")]) if isinstance(a, Article)]


def test_seed_police_figures_group_together(shared_dir):
    arts = _read(shared_dir)
    assert len(arts) >= 4
    ex = extract(arts)
    police = [c for c in ex.claims if c.quantity == "security forces killed"]
    assert len({c.article_id for c in police}) >= 3
    assert {12, 13}.issubset({c.number for c in police})
    assert any(c.number == 8 and c.qualifier == "at least" for c in police)
    assert any(c.quantity == "protesters killed" and c.vague for c in ex.claims)
    assert any(c.quantity == "security forces injured" and c.number == 353 for c in ex.claims)
    assert any(q.speaker == "Saltanat Azirbek" for q in ex.quotes)
    names = {e.name: e for e in ex.entities}
    assert names["Kassym-Jomart Tokayev"].type == "person"
