"""End to end on ../shared/seeds: read -> (dedup) -> (extract) -> brief -> check, render, contract."""

import pytest

from newsfuse.fuse import build_brief
from newsfuse.fuse.checks import check_brief
from newsfuse.records import Article, Extraction, Story
from newsfuse.render import from_json, to_html, to_json, to_markdown
from newsfuse.render.contract import validate_brief

pytestmark = pytest.mark.shared


def _read(shared_dir):
    ingest = pytest.importorskip("newsfuse.ingest")
    if not hasattr(ingest, "read_paths"):
        pytest.skip("newsfuse.ingest.read_paths not written yet")
    arts = [a for a in ingest.read_paths([shared_dir / "seeds"]) if isinstance(a, Article)]
    assert arts
    return arts


def _duplicates(arts):
    try:
        from newsfuse.stories.dedup import find_duplicates
    except ImportError:
        return None
    return find_duplicates(arts)


def _brief(arts, extraction):
    story = Story("seeds", [a.id for a in arts])
    return build_brief(story, arts, extraction, _duplicates(arts))


def test_seed_brief_without_extraction_is_faithful(shared_dir):
    """The summary side alone (no claims/quotes yet) must already be grounded."""
    arts = _read(shared_dir)
    brief = _brief(arts, Extraction())
    assert 4 <= len(brief.summary) <= 8
    assert check_brief(brief, arts) == []
    assert brief.headline in {a.title for a in arts}
    texts = " ".join(s.text for s in brief.summary)
    assert "Back to top" not in texts and "Expand" not in texts


def test_seed_brief_with_extraction_is_faithful_and_renders(shared_dir):
    extract_mod = pytest.importorskip("newsfuse.extract")
    if not hasattr(extract_mod, "extract"):
        pytest.skip("newsfuse.extract.extract not written yet")
    arts = _read(shared_dir)
    brief = _brief(arts, extract_mod.extract(arts))
    assert check_brief(brief, arts) == []
    doc = to_json(brief)
    assert validate_brief(doc) == []
    assert to_json(from_json(doc)) == doc
    assert to_markdown(brief).startswith("# ")
    assert "<script" not in to_html(brief).lower()
