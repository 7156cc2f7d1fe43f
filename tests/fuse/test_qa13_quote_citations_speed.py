"""One quote copied word for word into many sentences (a page repeating it, a wire story run by
every outlet): its copies are one group, cited once, not once per copy (that was quadratic: a
1.3 MB page repeating one sentence had not been briefed after seven minutes)."""

from datetime import datetime, timezone

from newsfuse.fuse import parts
from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.records import Quote

from .conftest import make_article

WHEN = datetime(2031, 5, 2, 9, tzinfo=timezone.utc)
SENT = "“We will rebuild the pier before the summer,” harbour master Edda Voss said."


def test_copies_of_one_quote_are_cited_once_per_group(monkeypatch):
    arts = [make_article(f"Outlet {i}", "Pier", WHEN, [[SENT]]) for i in range(150)]
    quotes = [Quote(a.id, 0, "We will rebuild the pier before the summer,", speaker="Edda Voss",
                    direct=True, sentence_text=SENT) for a in arts]
    corpus = StoryCorpus(arts)
    asked = []
    citations = StoryCorpus.citations
    monkeypatch.setattr(StoryCorpus, "citations", lambda self, i: asked.append(i) or citations(self, i))
    (merged,) = parts.merge_quotes(quotes, corpus)
    assert len(merged.citations) == 150
    assert len({(c.article_id, c.sentence) for c in merged.citations}) == 150
    assert len(asked) <= 2
