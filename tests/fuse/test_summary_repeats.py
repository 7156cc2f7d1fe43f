"""A summary should not say the same figure twice in other words: a sentence whose every key
figure a chosen sentence already gives ("dozens of protesters killed") is a repeat, unless it
gives another figure too."""

from datetime import datetime, timezone

import numpy as np

from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.fuse.summary import summarize

from .conftest import make_article

DAY = datetime(2026, 1, 6, 12, tzinfo=timezone.utc)
FIRST = "Police in Orlan killed dozens of protesters overnight as they tried to storm the mayor's office, officials said."
REPEAT = "Earlier, city officials said that dozens of demonstrators died during attacks on government buildings."
MORE = "Dozens of protesters and 12 officers were killed in the unrest, the interior ministry said on Thursday."
OTHER = "Flights to Orlan were suspended until further notice, the airport operator said on Thursday."


def test_a_sentence_repeating_a_chosen_figure_is_left_out():
    a = make_article("Coastal Wire", "Unrest", DAY, [[FIRST, OTHER]])
    b = make_article("Valley Ledger", "Unrest", DAY, [[REPEAT, MORE]])
    corpus = StoryCorpus([a, b])
    killed = ("protesters killed", "dozens")
    claims = {corpus.pos[(a.id, 0)]: frozenset({killed}), corpus.pos[(b.id, 0)]: frozenset({killed}),
              corpus.pos[(b.id, 1)]: frozenset({killed, ("security forces killed", "12")})}
    scores = np.array([1.0, 0.5, 0.9, 0.6])
    texts = [s.text for s in summarize(corpus, scores, claims_of=claims)]
    assert FIRST in texts and REPEAT not in texts
    assert MORE in texts and OTHER in texts  # a new figure, or no figure: not a repeat
