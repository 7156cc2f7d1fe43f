"""The optional semantic extra: off switch always; paraphrase grouping when the model is installed."""

from datetime import datetime, timezone

import pytest

from newsfuse import semantic
from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.ingest.segment import split_sentences
from newsfuse.records import Article, article_id_for


def article(text: str, outlet: str) -> Article:
    a = Article(id=article_id_for(text), text=text, outlet=outlet,
                published=datetime(2025, 5, 2, 12, 0, tzinfo=timezone.utc), language="en")
    return split_sentences(a)


def test_switch_turns_the_extra_off(monkeypatch):
    monkeypatch.setenv("NEWSFUSE_SEMANTIC", "0")
    assert semantic.enabled() is False


needs_model = pytest.mark.skipif(not semantic.enabled(), reason="semantic extra not installed")


@needs_model
def test_paraphrases_are_one_statement_but_different_numbers_are_not():
    a = article("The mayor promised that every family would be rehoused before winter. "
                "Twelve houses were destroyed by the landslide. "
                "Police arrested two men near the station.", "Valley Post")
    b = article("The mayor pledged that all families would be rehoused before the winter. "
                "Thirteen houses were destroyed by the landslide. "
                "Police released two men near the station.", "Ridge Herald")
    c = StoryCorpus([a, b])
    same = lambda i: c.group[c.pos[(a.id, i)]] == c.group[c.pos[(b.id, i)]]  # noqa: E731
    assert same(0)  # a paraphrase: one statement, both outlets cited
    assert {x.article_id for x in c.citations(c.pos[(a.id, 0)])} == {a.id, b.id}
    assert not same(1)  # near-identical words, different numbers
    assert not same(2)  # arrested is not released


@needs_model
def test_embeddings_are_unit_length_and_deterministic():
    v1 = semantic.embed(["Floodwater reached the town hall.", "A court adjourned the trial."])
    v2 = semantic.embed(["Floodwater reached the town hall.", "A court adjourned the trial."])
    assert v1.shape == (2, 384)
    assert abs(float((v1[0] ** 2).sum()) - 1.0) < 1e-4
    assert float(abs(v1 - v2).max()) < 1e-5


def test_a_changed_figure_is_not_a_copy(monkeypatch):
    """Near-identical wording with another number states another claim: never cited together."""
    monkeypatch.setenv("NEWSFUSE_SEMANTIC", "0")
    a = article("Twelve houses were destroyed by the landslide in Orla on Monday.", "Valley Post")
    b = article("Thirteen houses were destroyed by the landslide in Orla on Monday.", "Ridge Herald")
    c = article("Twelve houses were destroyed by the landslide in Orla on Monday .", "Lake Times")
    corpus = StoryCorpus([a, b, c])
    group = lambda art: corpus.group[corpus.pos[(art.id, 0)]]  # noqa: E731
    assert group(a) != group(b)
    assert group(a) == group(c)
