"""A big story repeats one quote in hundreds of articles: merging them must compare each quote with
a group's distinct speakers, not with every copy already in the group (that was quadratic)."""

from datetime import datetime, timezone

from newsfuse.fuse import parts
from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.records import Quote

from .conftest import make_article

WHEN = datetime(2031, 3, 5, 9, tzinfo=timezone.utc)


def test_merging_repeated_quotes_is_linear_in_the_quotes(monkeypatch):
    arts, quotes = [], []
    for i in range(120):
        sent = f"“The water rose faster than any of us had planned for,” {['Mara Olt', 'site manager Mara Olt', 'she'][i % 3]} said in report {i}."
        a = make_article(f"Outlet {i}", "Flood", WHEN, [[sent]])
        arts.append(a)
        speaker = None if i % 3 == 2 else "Mara Olt"
        quotes.append(Quote(a.id, 0, "The water rose faster than any of us had planned for,", speaker=speaker,
                            direct=True, sentence_text=sent))
    calls = {"compatible": 0, "negations": 0}
    compatible, negations = parts._compatible, parts.negations

    def counting_compatible(a, b):
        calls["compatible"] += 1
        return compatible(a, b)

    def counting_negations(text):
        calls["negations"] += 1
        return negations(text)

    monkeypatch.setattr(parts, "_compatible", counting_compatible)
    monkeypatch.setattr(parts, "negations", counting_negations)
    (merged,) = parts.merge_quotes(quotes, StoryCorpus(arts))
    assert merged.speaker == "Mara Olt" and len(merged.citations) == 120
    assert calls["compatible"] <= 3 * len(quotes) and calls["negations"] <= 2 * len(quotes)


def test_a_sentence_copied_by_every_outlet_is_grouped_without_comparing_all_pairs(monkeypatch):
    arts = [make_article(f"Outlet {i}", "Flood", WHEN, [["The Corvel dam breached on Monday night, officials said."]])
            for i in range(150)]
    places = [(a.id, 0) for a in arts]
    copies = {p: [q for q in places if q != p] for p in places}  # dedup's pairs: every copy with every other
    asked = []
    denials = StoryCorpus.denials
    monkeypatch.setattr(StoryCorpus, "denials", lambda self, i: asked.append(i) or denials(self, i))
    corpus = StoryCorpus(arts, {}, copies)
    assert len(set(corpus.group)) == 1
    assert len(asked) <= 4 * len(arts)
