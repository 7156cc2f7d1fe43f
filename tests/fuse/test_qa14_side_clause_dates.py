"""A timeline dates a sentence by its main clause's happening, not by a side clause's date."""

from datetime import date, datetime, timezone

import pytest

from newsfuse.extract.dates import extract_happenings
from newsfuse.fuse.timeline import happenings_for

from .conftest import make_article

_PUB = datetime(2031, 6, 12, 9, tzinfo=timezone.utc)  # a Thursday


@pytest.mark.parametrize("resolve", [extract_happenings, happenings_for])
@pytest.mark.parametrize("sentence, day", [
    ("The harbour minister, who took office on 3 May, resigned on Tuesday.", date(2031, 6, 10)),
    ("The ferry operator's chief, appointed on 2 April, stepped down on Monday.", date(2031, 6, 9)),
    ("The bridge, which was closed to traffic on 3 May, reopened on Wednesday.", date(2031, 6, 11)),
    # the main clause comes first: its date already leads
    ("The minister resigned on Tuesday, five weeks after he took office on 3 May.", date(2031, 6, 10)),
    # a plan in the main clause is no happening yet: the side clause's day stays
    ("The footbridge, which buckled on Monday, will reopen on Friday.", date(2031, 6, 9)),
    # one date only: a side clause's date is still the sentence's date
    ("The minister, who took office on 3 May, has faced three inquiries.", date(2031, 5, 3)),
])
def test_sentence_dated_by_its_main_clause(resolve, sentence, day):
    art = make_article("Harbour Post", "Minister quits", _PUB, [[sentence]])
    (h,) = resolve(art)
    assert h.date == day, (h.date, h.date_text)
