"""Date and speaker rules added in round 4 of issue #5 (invented sentences)."""

from datetime import date

from newsfuse.eval.extract_eval import _articles
from newsfuse.extract.dates import happening_phrase
from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import split_speaker

REF = date(2024, 5, 15)  # a Wednesday


def _when(text):
    hp = happening_phrase(text, REF)
    return hp and (hp.date.isoformat(), hp.precision)


def test_a_dated_aside_about_the_subject_is_background():
    assert _when("The stadium, which opened in 1996, was closed by inspectors last year.") == ("2023-01-01", "year")
    assert _when("The ferry, built in 1988, sank on Monday.") == ("2024-05-13", "day")
    assert _when("The ferry sank in 1988.") == ("1988-01-01", "year")


def test_a_month_of_last_year():
    assert _when("In June of last year the river burst its banks.") == ("2023-06-01", "month")


def test_expected_and_continuing_states_look_forward():
    assert _when("Officials expect the road to reopen on Friday.") == ("2024-05-17", "day")
    assert _when("The border will stay closed on Saturday.") == ("2024-05-18", "day")
    assert _when("The border closed on Saturday.") == ("2024-05-11", "day")


def test_a_dateline_with_a_region_is_not_the_happening():
    assert _when("PORTO ALTO (Varena), May 15 (XYZ).- Two bridges collapsed on Monday near the town.") == (
        "2024-05-13", "day")


def _speakers(*sentences):
    rows = [{"doc": "d", "ref_date": REF.isoformat(), "text": t} for t in sentences]
    arts, _ = _articles(rows)
    return [q.speaker for q in extract_quotes(arts[0])]


def test_relative_clauses_and_ages_between_speaker_and_verb():
    assert _speakers("A porter, who did not give his name, told the paper: “Nobody warned us.”") == ["porter"]
    assert _speakers("Her brother Omar, 35, said: “She phoned me from the roof.”") == ["Omar"]


def test_a_relative_named_by_first_name():
    assert split_speaker("her husband Piotr") == ("Piotr", "husband", None)


def test_round5_stamps_names_since_and_nights():
    assert _when("Thu 16 May 2024, 18:05") is None
    assert _when("Tuesday 06:50") is None
    assert _when("A witness told the Sunday Courier she heard two bangs.") is None
    assert _when("Ash has been falling since yesterday morning.") is None
    assert _when("Crews worked through the night on Monday to reach the village.") == ("2024-05-13", "day")
    assert _when("Forecasters expect more rain on Friday.") == ("2024-05-17", "day")


def test_surnames_with_an_inner_capital():
    assert _speakers("“We moved fast,” said coxswain Ewan MacLeod.") == ["Ewan MacLeod"]
