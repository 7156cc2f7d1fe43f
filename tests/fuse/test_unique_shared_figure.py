"""'Only in one source' must not list a happening that other outlets report in their own words:
when another outlet's sentence gives the same distinctive figure about the same thing, the item
is shared, however differently it is worded."""

from datetime import date, datetime, timezone

import numpy as np

from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.fuse.parts import unique_items
from newsfuse.records import Happening

from .conftest import make_article

WED = datetime(2026, 9, 16, 12, tzinfo=timezone.utc)
HERALD = [
    "The long-awaited showdown at the shipping ministry on Wednesday turned into a brisk session in which "
    "Halvor Shipping agreed to pay $4 billion into an escrow account for claims from the Drennock oil spill.",
    "Fishermen in Drennock said the slick had reached the northern beaches by Tuesday night.",
    "Divers found a second crack in the hull of the Aurel Star on Wednesday, the coast guard said.",
]
LEDGER = [
    "Halvor Shipping's announcement on Wednesday that it will pay $4 billion into an escrow account may "
    "sound like a win for the coast and victims of the Drennock spill.",
    "Lawyers for the fishermen said the claims could reach far more than the account holds.",
    "Tourism offices along the coast reported cancellations for the autumn season.",
]
POST = [
    "Minister Ilse Varn pressed the company on Wednesday until it set aside $4 billion for spill claims, "
    "officials said.",
    "Halvor Shipping shares fell 6 percent on Wednesday after the announcement in the capital.",
]


def _happenings(art):
    return [Happening(art.id, s.index, s.text, date(2026, 9, 16), "on Wednesday")
            for s in art.sentences if "Wednesday" in s.text]


def test_a_figure_other_outlets_report_is_not_unique():
    arts = [make_article("Coastal Herald", "Spill fund", WED, [HERALD]),
            make_article("Valley Ledger", "Spill fund", WED, [LEDGER]),
            make_article("Harbour Post", "Spill fund", WED, [POST])]
    corpus = StoryCorpus(arts)
    happenings = [h for a in arts for h in _happenings(a)]
    items = unique_items(corpus, [], happenings, np.ones(len(corpus.sents)), set())
    texts = [u.text for u in items]
    assert not [t for t in texts if "$4 billion" in t]
    assert any("second crack" in t for t in texts) and any("6 percent" in t for t in texts)
