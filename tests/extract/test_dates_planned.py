"""A day named for an event that is called for, planned or threatened lies ahead of the call
(invented sentences; the reference date is a Tuesday)."""

from datetime import date

import pytest

from newsfuse.extract.dates import dates_earlier_figure, extract_happenings, find_date_phrases

from .helpers import make_article

TUESDAY = date(2025, 3, 4)
COMING_THURSDAY, LAST_THURSDAY = date(2025, 3, 6), date(2025, 2, 27)


def day_of(text: str) -> date:
    (phrase,) = find_date_phrases(text, TUESDAY)
    return phrase.date


@pytest.mark.parametrize("text", [
    "Dock unions called for a strike on Thursday.",
    "The nurses' union has called for a 24-hour walkout on Thursday.",
    "Transport workers are calling for a general strike on Thursday over pensions.",
    "The union plans a protest march on Thursday outside parliament.",
    "Farmers planned a tractor rally on Thursday in the capital.",
    "Students threatened a boycott of classes on Thursday.",
    "Residents will protest on Thursday.",
])
def test_an_event_called_for_or_planned_is_the_coming_day(text):
    assert day_of(text) == COMING_THURSDAY


@pytest.mark.parametrize("text", [
    "Dock unions called on Thursday for a strike.",  # the day of the call
    "Opposition leaders called for calm on Thursday.",  # calm is no event: the call was on Thursday
    "Police arrested two protesters on Thursday.",
    "Thousands joined a protest march on Thursday.",
])
def test_the_day_of_a_call_or_a_past_event_stays_behind(text):
    assert day_of(text) == LAST_THURSDAY


def test_the_timeline_dates_the_called_strike_ahead():
    art = make_article("Port unions called for a strike on Thursday after pay talks with the harbour board failed.",
                       published=TUESDAY.isoformat())
    (h,) = extract_happenings(art)
    assert h.date == COMING_THURSDAY



@pytest.mark.parametrize("text, phrase, expected", [
    ("About 3,400 residents have now been evacuated, up from roughly 1,200 on Wednesday, the agency said.",
     "on Wednesday", True),
    ("The toll rose to 14 on Wednesday, up from nine on Tuesday.", "on Wednesday", False),
    ("The toll rose to 14 on Wednesday, up from nine on Tuesday.", "on Tuesday", True),
    ("Rescuers came down from the mountain on Tuesday.", "on Tuesday", False),
])
def test_the_day_of_an_earlier_figure_is_told_apart(text, phrase, expected):
    assert dates_earlier_figure(text, phrase) is expected
