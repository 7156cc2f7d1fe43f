"""Summary and speed harnesses: the peer and baseline pieces on hand-made text, shapes on T17."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from newsfuse.eval.summaries import WordTokenizer, cut_to_words, lead_ranked
from newsfuse.records import Article, Sentence


def _article(aid: str, pub: date, sentences: list[str]) -> Article:
    sents, pos = [], 0
    for i, t in enumerate(sentences):
        sents.append(Sentence(aid, i, t, pos, pos + len(t), pub))
        pos += len(t) + 1
    return Article(id=aid, text=" ".join(sentences), sentences=sents,
                   published=datetime(pub.year, pub.month, pub.day, tzinfo=timezone.utc))


ARTS = [
    _article("a", date(2010, 5, 1), ["Oil reached the Louisiana coast on Friday.",
                                     "Fishermen worried about their catch this season."]),
    _article("b", date(2010, 5, 2), ["BP said oil from the leaking well reached the coast.",
                                     "The company promised to pay for the clean-up."]),
    _article("c", date(2010, 5, 2), ["Oil from the BP well reached the Louisiana coast.",
                                     "Birds covered in oil were found on the beaches."]),
]


def test_cut_to_words_gives_every_system_the_same_length():
    assert cut_to_words(["one two three.", "four five six."], 4) == "one two three. four"
    assert cut_to_words(["one two"], 10) == "one two"
    assert cut_to_words(["a b c"], 0) == ""


def test_tokenizer_for_sumy_needs_no_punkt():
    tok = WordTokenizer()
    assert tok.language == "english"
    assert tok.to_sentences("Oil spread. Birds died! Why? Nobody knows.") == [
        "Oil spread.", "Birds died!", "Why?", "Nobody knows."]
    assert tok.to_words("BP's well, capped.") == ["BP's", "well", "capped"]


def test_lead_takes_first_sentences_first():
    assert lead_ranked(ARTS)[:3] == [a.sentences[0].text for a in ARTS]


def test_lexrank_returns_every_sentence_ranked():
    pytest.importorskip("sumy")
    from newsfuse.eval.summaries import lexrank_ranked

    ranked = lexrank_ranked(ARTS)
    assert sorted(ranked) == sorted(s.text for a in ARTS for s in a.sentences)
    assert lexrank_ranked(ARTS, max_sentences=2) == ranked[:2]


@pytest.mark.shared
def test_summaries_harness_shape(shared_dir):
    pytest.importorskip("rouge_score")
    pytest.importorskip("sumy")
    from newsfuse.eval.summaries import format_report, run

    t17 = shared_dir / "data" / "t17"
    if not (t17 / "H1N1_guardian").is_dir():
        pytest.skip("T17 not present")
    res = run(data_dir=t17, topics=["H1N1_guardian"], limit=1, max_articles=4)
    assert res["stories"] == 1
    row = res["rows"][0]
    for name in ("newsfuse", "lexrank", "lead"):
        sc = row["systems"][name]
        assert sc["words_out"] <= row["words"]
        for m in ("rouge1", "rouge2", "rougeL"):
            assert 0.0 <= sc[m] <= 1.0
    assert res["citations_verbatim"] == res["citations_checked"]
    assert "lexrank" in format_report(res)
    json.dumps(res)


@pytest.mark.shared
def test_held_out_day_stories_avoid_the_benchmark_dates(shared_dir):
    from newsfuse.eval.summaries import _stories
    from newsfuse.eval.t17 import load_topic

    folder = shared_dir / "data" / "t17" / "H1N1_guardian"
    if not folder.is_dir():
        pytest.skip("T17 not present")
    topic = load_topic(folder)
    bench = {d for d, _, _ in _stories(topic, 3, 3, 10)}
    held = [d for d, _, _ in _stories(topic, 3, 3, 10, held_out=True)]
    assert held and len(held) <= 3
    assert not bench & set(held)


@pytest.mark.shared
def test_speed_story_articles_are_a_dense_cluster(shared_dir):
    from newsfuse.eval.speed import story_articles

    t17 = shared_dir / "data" / "t17"
    if not (t17 / "bpoil_bbc").is_dir():
        pytest.skip("T17 not present")
    from collections import Counter

    from newsfuse.eval.t17 import load_topic

    every = load_topic(t17 / "bpoil_bbc").articles
    busiest = Counter(a.published_date for a in every).most_common(1)[0][0]
    arts = story_articles(t17, ["bpoil_bbc"], 25)
    assert len(arts) == 25 and len({a.id for a in arts}) == 25
    # The chosen articles are the ones published closest to the busiest day.
    chosen = {a.id for a in arts}
    worst_in = max(abs((a.published_date - busiest).days) for a in arts)
    best_out = min(abs((a.published_date - busiest).days) for a in every if a.id not in chosen)
    assert worst_in <= best_out
