"""A story that loses its earliest (or latest) article to a deleted or edited file is listed,
and filtered by --since, over the articles it still has."""

from datetime import datetime, timezone

from newsfuse.records import Story
from newsfuse.store import Store

from .test_store import make_article


def test_removing_an_article_narrows_its_storys_span(tmp_path):
    early = make_article("Crews began clearing the Vell landslide on Monday. The road stays shut.")
    late = make_article("The Vell road reopened on Thursday after the landslide was cleared. Buses run again.")
    late.path, late.published = "/tmp/late.txt", datetime(2025, 3, 15, 8, 0, tzinfo=timezone.utc)
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, [early, late])
            store.save_stories(conn, [Story(id="s-vell", article_ids=[early.id, late.id], title="Vell landslide")])
        assert store.get_story("s-vell").first_seen.day == 12
        with store.transaction() as conn:
            assert store.remove_articles(conn, [early.id]) == ["s-vell"]
        story = store.get_story("s-vell")
        assert story.first_seen == story.last_seen == late.published
        rows, total = store.list_stories(since=datetime(2025, 3, 14, tzinfo=timezone.utc))
        assert total == 1 and rows[0].first_seen == late.published


def test_storyline_is_listed_under_the_story_with_most_original_sources(tmp_path):
    """The list names a storyline as its brief does: copies of one report are not more sources."""
    wire = make_article("The Osk ferry ran aground off Lern on Monday. All 40 passengers were taken off.")
    copies = [make_article(wire.text + f" Edition {k} of the wire story.", outlet=f"Paper {k}") for k in range(3)]
    others = [make_article(f"Salvage crews refloated the Osk ferry on Friday, report {k}. It was towed to Lern.",
                           title="Osk ferry refloated", outlet=f"Daily {k}") for k in range(3)]
    for k, a in enumerate(copies + others):
        a.path = f"/tmp/osk{k}.txt"
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, [wire, *copies, *others])
            store.set_duplicates(conn, {c.id: wire.id for c in copies}, {c.id: "near" for c in copies}, {})
            store.save_stories(conn, [
                Story(id="s-aground", article_ids=[wire.id, *(c.id for c in copies)], title="Osk ferry aground",
                      storyline_id="l-osk"),
                Story(id="s-refloat", article_ids=[a.id for a in others], title="Osk ferry refloated",
                      storyline_id="l-osk")])
        (row,), _ = store.list_storylines()
    assert row.n_articles == 7 and row.title == "Osk ferry refloated"
