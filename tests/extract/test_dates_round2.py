"""Date rules added in round 2 of issue #5 (invented sentences)."""

from datetime import date

from newsfuse.extract.dates import happening_phrase, resolve_date

REF = date(2024, 6, 12)


def test_month_of_year_keeps_the_year():
    assert resolve_date("in April of 2019", REF) == (date(2019, 4, 1), "month")
    assert resolve_date("September of 2020", REF) == (date(2020, 9, 1), "month")
    hp = happening_phrase("In May of 2018, a similar storm flooded the valley.", REF)
    assert (hp.date, hp.precision) == (date(2018, 5, 1), "month")


def test_a_year_after_in_without_since_is_still_a_happening():
    hp = happening_phrase("The bridge collapsed in 1998, killing four people.", REF)
    assert (hp.date, hp.precision) == (date(1998, 1, 1), "year")
