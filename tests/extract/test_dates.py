from datetime import date

import pytest

from newsfuse.extract.dates import extract_happenings, resolve_date

from helpers import make_article

THU = date(2022, 1, 6)  # a Thursday


@pytest.mark.parametrize("phrase,expected", [
    ("on Wednesday", (date(2022, 1, 5), "day")),
    ("Thursday", (THU, "day")),  # same weekday as the publish day means that day
    ("Sunday", (date(2022, 1, 2), "day")),
    ("overnight", (THU, "day")),
    ("by the afternoon on Thursday", (THU, "day")),
    ("yesterday", (date(2022, 1, 5), "day")),
    ("on January 2", (date(2022, 1, 2), "day")),
    ("Jan. 2", (date(2022, 1, 2), "day")),
    ("2 January 2022", (date(2022, 1, 2), "day")),
    ("Wednesday, Jan. 5, 2022", (date(2022, 1, 5), "day")),
    ("last year", (date(2021, 1, 1), "year")),
    ("in December", (date(2021, 12, 1), "month")),
    ("last Thursday", (date(2021, 12, 30), "day")),
    ("earlier this week", (None, "vague")),
    ("on New Year's Day", (date(2022, 1, 1), "day")),
])
def test_resolve_date(phrase, expected):
    assert resolve_date(phrase, THU) == expected


def test_month_day_without_year_picks_nearest_year():
    assert resolve_date("Dec. 30", date(2022, 1, 6)) == (date(2021, 12, 30), "day")


def test_overnight_adjective_is_not_a_date():
    assert resolve_date("an overnight curfew", THU) == (None, "vague")


def test_happenings_from_article_and_future_weekday():
    art = make_article("The protests began on Sunday over fuel prices. The state of emergency lasts until "
                       "January 19. Navy divers will resume the search on Monday. Officials met the families of the victims.", "2022-01-06")
    hs = {h.sentence: h for h in extract_happenings(art)}
    assert hs[0].date == date(2022, 1, 2) and hs[0].date_text == "on Sunday"
    assert 1 not in hs  # "until" is not when something happened
    assert hs[2].date == date(2022, 1, 10)  # future tense looks forward
    assert 3 not in hs  # undated: no happening by default
    assert any(h.sentence == 3 and h.date == THU for h in extract_happenings(art, assume_ref_date=True))


def test_live_blog_entry_date_is_the_reference():
    art = make_article("Two firefighters were injured overnight.", "2024-12-30")
    art.sentences[0].ref_date = date(2024, 12, 31)
    assert extract_happenings(art)[0].date == date(2024, 12, 31)
