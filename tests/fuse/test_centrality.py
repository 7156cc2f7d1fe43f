"""StoryCorpus.centrality: LexRank over a story's sentences."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np

from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.ingest.segment import split_sentences
from newsfuse.records import Article, article_id_for


def _article(text: str, outlet: str) -> Article:
    a = Article(id=article_id_for(outlet + text), text=text, outlet=outlet,
                published=datetime(2025, 5, 2, 12, 0, tzinfo=timezone.utc), language="en")
    return split_sentences(a)


def test_sentence_echoed_across_the_story_is_most_central():
    a = _article("The landslide in Orla destroyed twelve houses on Monday. "
                 "A local bakery reopened after the holidays.", "Valley Post")
    b = _article("Rescuers searched the landslide site in Orla where houses were destroyed. "
                 "The football club signed a new goalkeeper.", "Ridge Herald")
    c = _article("Residents of Orla described the landslide that destroyed their houses. "
                 "Tickets for the spring concert went on sale.", "Lake Times")
    corpus = StoryCorpus([a, b, c])
    cent = corpus.centrality()
    assert cent.shape == (len(corpus.sents),)
    assert np.all(cent >= 0) and cent.max() == 1.0
    on_topic = [corpus.pos[(x.id, 0)] for x in (a, b, c)]
    asides = [corpus.pos[(x.id, 1)] for x in (a, b, c)]
    assert min(cent[on_topic]) > max(cent[asides])


def test_centrality_of_tiny_story_is_defined():
    one = _article("Only one sentence here about the flood.", "Valley Post")
    assert StoryCorpus([one]).centrality().tolist() == [0.0]
    assert StoryCorpus([]).centrality().shape == (0,)
