"""The five real sample articles (read from ../shared at run time; skipped without it)."""

import pytest

from newsfuse.ingest import read_paths
from newsfuse.records import Article

pytestmark = pytest.mark.shared

BOILERPLATE = ("Expand / Collapse search", "Back to top button", "Join our commenting forum",
               "Powered by automated translation", "Related Articles")


def test_seeds(shared_dir):
    results = list(read_paths([shared_dir / "seeds"]))
    arts = [r for r in results if isinstance(r, Article)]
    assert len(arts) == 5 and len(results) == 5
    for a in arts:
        assert a.published is not None and a.published.date().isoformat() == "2022-01-06", a.path
        assert a.title and a.language == "en"
        for phrase in BOILERPLATE:
            assert phrase not in a.text, (a.path, phrase)
        assert a.sentences
        for s in a.sentences:
            assert a.text[s.start:s.end] == s.text
    # a title saying "live" makes a live blog; the blog with author+time furniture is split into entries
    assert all(a.is_liveblog for a in arts if "live" in a.title.lower())
    timed = [a for a in arts if len([e for e in a.entries if e.time]) >= 3]
    assert len(timed) == 1 and timed[0].is_liveblog
    blog = timed[0]
    assert all(blog.text[e.start:e.end] == e.text and e.author for e in blog.entries)
    assert not any(ch.isdigit() for ch in "".join(e.author for e in blog.entries))
    wires = {w for a in arts for w in a.wires}
    assert {"AP", "EFE"} <= wires
