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


WED = date(2024, 5, 15)  # a Wednesday


def _when(text, ref=WED):
    from newsfuse.extract.dates import happening_phrase

    dp = happening_phrase(text, ref)
    return (dp.date, dp.precision) if dp is not None and dp.date is not None else None


@pytest.mark.parametrize("text,expected", [
    # planned, expected or scheduled events look forward
    ("The town will observe a day of mourning on Friday.", date(2024, 5, 17)),
    ("The inquiry is due to publish its findings on Thursday.", date(2024, 5, 16)),
    ("The ruling is due on Monday.", date(2024, 5, 20)),
    ("Heavy rain is forecast for Saturday.", date(2024, 5, 18)),
    ("A candlelit vigil is planned for Sunday evening.", date(2024, 5, 19)),
    ("The accused is expected in court on Friday.", date(2024, 5, 17)),
    ("A memorial service will be held in the chapel on Sunday.", date(2024, 5, 19)),
    ("They'll meet the minister again on Thursday.", date(2024, 5, 16)),
    ("The ferry link resumes next Monday.", date(2024, 5, 20)),
    # the present tense of a scheduled event, and a date after a copula
    ("The regional final takes place on Saturday.", date(2024, 5, 18)),
    ("Voters go to the polls on Sunday.", date(2024, 5, 19)),
    ("Libraries reopen on Monday, the council said.", date(2024, 5, 20)),
    ("The funeral is on Friday.", date(2024, 5, 17)),
    # a leading phrase takes the verb of the clause after it
    ("On Friday, the city will switch off its street lights.", date(2024, 5, 17)),
    ("On Friday, officers searched the flat.", date(2024, 5, 10)),
    # past, and plans that were themselves in the past
    ("The funeral was on Friday.", date(2024, 5, 10)),
    ("The envoy was due to arrive on Friday but the trip was called off.", date(2024, 5, 10)),
    ("She would have turned 30 on Friday.", date(2024, 5, 10)),
    ("The ministry said on Monday that the border would reopen.", date(2024, 5, 13)),
    # a clause of its own decides: the relative clause is past, the main clause future
    ("The footbridge, which buckled on Monday, will reopen on Friday.", date(2024, 5, 13)),
    ("Two divers are missing after their boat failed to return on Tuesday.", date(2024, 5, 14)),
    # a noun that looks like a scheduled verb is not a tense
    ("The vote on Sunday was marred by clashes.", date(2024, 5, 12)),
    # translated copy: "this Monday" is the one of the current week, in the verb's direction
    ("The governor announced this Monday that taxes will rise.", date(2024, 5, 13)),
    ("The vote is this Sunday.", date(2024, 5, 19)),
])
def test_weekday_direction_follows_the_verb_of_its_clause(text, expected):
    assert _when(text) == (expected, "day")


def test_month_day_with_a_relative_year():
    assert _when("The derailment happened on June 3 last year.") == (date(2023, 6, 3), "day")
    assert _when("The mill shut down in March last year.") == (date(2023, 3, 1), "month")
    assert _when("The stadium opens in August next year.") == (date(2025, 8, 1), "month")


def test_habits_mastheads_and_the_running_year_are_not_happenings():
    assert _when("Rivers in the valley usually burst their banks in April.") is None
    assert _when("The square often fills with tourists on Saturday.") is None
    assert _when("One typically blunt post on Thursday read: \"Stay away.\"") == (date(2024, 5, 9), "day")
    assert _when("Police early on Monday raided a traditionally closed district.") == (date(2024, 5, 13), "day")
    assert _when("The river usually floods in spring, but on Monday it rose two metres.") == (date(2024, 5, 13), "day")
    assert _when("Harbour Gazette, Tuesday 14 May 2024") is None
    assert _when("Tuesday, 14 May") is None
    assert _when("By Lena Marsh | 14 May 2024") is None
    assert _when("KESTREL BAY, May 14 (Wire) - Police detained six men.") == (date(2024, 5, 14), "day")
    assert _when("The fair drew 40,000 visitors this year.") is None
    assert _when("The fair drew 40,000 visitors last year.") == (date(2023, 1, 1), "year")


def test_cues_outside_the_phrase_clause_move_it_forward_only_when_joined_to_it():
    # a present-tense headline verb elsewhere does not make a later phrase future
    assert _when("Envoy arrives in the capital; it is not clear late Monday who holds the port") == (
        date(2024, 5, 13), "day")
    # a leading phrase does not borrow the verb of a relative clause further on
    assert _when("On Tuesday his aides, who will travel with him, denied the report.") == (date(2024, 5, 14), "day")
    # "'ve been" is past; "planned to" is a past verb, "planned for" looks ahead
    assert _when("They've been through that on Friday and they are going to push on.") == (date(2024, 5, 10), "day")
    assert _when("A woman who planned to attend the Tuesday rally spoke to us.") == (date(2024, 5, 14), "day")
    # a possessive names an event: a cue after it is about something else
    assert _when("Monday's raid looks like a sign of what is to come.") == (date(2024, 5, 13), "day")
    assert _when("More protests may take place on Sunday's anniversary.") == (date(2024, 5, 19), "day")


def test_a_signed_quotation_date_and_the_running_year():
    assert _when("-- Mayor Rosa Vint, May 2, 2023.") == (date(2023, 5, 2), "day")
    assert _when("Exports fell in the first quarter of this year and rose in 2023.") is None


def test_names_and_adjectives_are_not_verbs():
    # "United" ends in -ed but is a name; "a televised address" is an adjective; "Open" a title
    assert _when("The mayor will meet United Nations envoys in Geneva on Monday.") == (date(2024, 5, 20), "day")
    assert _when("The premier is scheduled to give a televised address on Monday evening.") == (
        date(2024, 5, 20), "day")
    assert _when("She suffered a shock defeat at the Harbour Open on Tuesday.") == (date(2024, 5, 14), "day")
    # "1:30 p.m." is a clock time, not a clause break
    assert _when("He will be arraigned at 1:30 p.m. Thursday, his lawyer said.") == (date(2024, 5, 16), "day")


def test_until_at_least_bounds_a_state_like_until():
    art = make_article("The coast road will stay closed until at least Tuesday, the county said. "
                       "Repair crews arrived on Wednesday.", "2022-01-06")
    hs = {h.sentence: h for h in extract_happenings(art)}
    assert 0 not in hs  # how long a closure lasts is no happening
    assert hs[1].date == date(2022, 1, 5)


def test_a_year_after_a_spaced_comma_belongs_to_the_month_and_day():
    """Tokenised corpora write "June 25th , 2019": the year is still the date's, not the report's."""
    from newsfuse.extract.dates import find_date_phrases

    got = [(p.text, p.date) for p in find_date_phrases("The pier closed on June 25th , 2019 .", date(2021, 9, 29))]
    assert got == [("on June 25th , 2019", date(2019, 6, 25))]
