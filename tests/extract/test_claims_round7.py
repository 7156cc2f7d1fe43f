"""Claim, date and speaker rules added in round 7 of issue #5 (invented sentences)."""

from datetime import date

from newsfuse.eval.extract_eval import _articles
from newsfuse.extract.claims import claims_in_sentence

from helpers import claim_keys
from newsfuse.extract.dates import happening_phrase
from newsfuse.extract.numbers import find_numbers
from newsfuse.extract.quotes import extract_quotes

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def _when(text):
    hp = happening_phrase(text, REF)
    return hp and (hp.date.isoformat(), hp.precision)


def test_inverted_order_and_key_lines():
    assert _keys("Injured in the crash were six passengers and the driver.") == [("passengers injured", "six")]
    assert _keys("Were detained 40 persons, of whom five are minors.") == [
        ("people detained", "40"), ("children detained", "five")]
    assert _keys("• Death toll: 27 (up from 19 on Monday)") == [("people killed", "27"), ("people killed", "19")]


def test_a_comparison_figure_is_the_same_count_then():
    assert _keys("So far 40 people have died, compared with 25 in the whole of last year.") == [
        ("people killed", "40"), ("people killed", "25")]
    assert _when("So far 40 people have died, compared with 25 in the whole of last year.") is None


def test_wholes_parts_and_asides():
    assert _keys("Of the 40 passengers on the coach, 12 were injured.") == [("passengers injured", "12")]
    assert _keys("Of the 80 people treated in hospital, 9 were kept in.") == [("people hospitalised", "80")]
    assert _keys("Five of the 20 pupils on the trip were hurt.") == [("children injured", "Five")]
    assert _keys("Officials put the toll at 15 – 12 miners and three rescuers – but unions say 19 died.") == [
        ("people killed", "15"), ("workers killed", "12"), ("rescue workers killed", "three"), ("people killed", "19")]


def test_parentheses_split_by_group_not_by_sex_or_severity():
    assert _keys("Medics treated 30 wounded (18 soldiers, 12 civilians).") == [
        ("people injured", "30"), ("troops injured", "18"), ("civilians injured", "12")]
    assert _keys("Twenty were hospitalised (three in intensive care).") == [("people hospitalised", "Twenty")]
    assert _keys("Twelve of those detained (ten men and two women) were charged.") == [("people charged", "Twelve")]


def test_lists_and_things_that_are_no_groups():
    assert _keys("Three ambulances, a rescue team and two helicopters were sent.") == [
        ("ambulances deployed", "Three"), ("helicopters deployed", "two")]
    assert _keys("The ministry counted 2,100 suspected cases and 12 deaths.") == [("people killed", "12")]
    assert _keys("The fire forced the evacuation of four villages.") == []
    assert _keys("Police detained three men suspected of looting.") == [("suspects detained", "three")]


def test_a_part_freed_of_those_taken():
    assert _keys("Kidnappers who seized 30 pupils have freed 12 of them.") == [("children released", "12")]
    assert _keys("Nine of the freed hostages were taken to hospital.") == [("hostages hospitalised", "Nine")]


def test_a_spaced_dash_is_no_range():
    assert [n.text for n in find_numbers("at 15 – 12 of them")] == ["15", "12"]
    assert [n.text for n in find_numbers("5-10 people")] == ["5-10"]


def test_days_of_the_month_and_things_called_for_a_day():
    assert _when("The barrier was inspected on the 2nd of this month.") == ("2024-05-02", "day")
    assert _when("It was the third crash this month: on the 9th, a lorry overturned.") == ("2024-05-09", "day")
    assert _when("He lives on the 13th floor.") is None
    assert _when("Unions have called a strike for Friday.") == ("2024-05-17", "day")
    assert _when("PRESS STATEMENT No. 12/2019") is None
    assert _when("NEWS RELEASE | Harbour Rescue Centre | 2024-05-14") is None
    assert _when("Six dead in overnight clashes, hospital sources say.") == ("2024-05-15", "day")


def test_verbs_of_regret_and_asides_after_the_speaker():
    rows = [{"doc": "d", "ref_date": REF.isoformat(), "text": t} for t in [
        "“The road was closed in July, but drivers kept using it,” regretted the mayor, Ana Petrov.",
        "“I just ran in,” said Dot, who lives next door."]]
    arts, _ = _articles(rows)
    assert [q.speaker for q in extract_quotes(arts[0])] == ["Ana Petrov", "Dot"]


def test_rival_sources_in_one_sentence_each_keep_their_figure():
    c = claims_in_sentence("At least 20 miners were killed, state television reported, while the mining ministry "
                           "said 18 had died.", "a", 0, REF)
    assert [(x.value, x.attribution) for x in c] == [("At least 20", "state television"), ("18", "the mining ministry")]


def test_a_toll_that_rose_from_one_day_to_another():
    c = claims_in_sentence("The death toll rose from 9 on Monday to 14 on Tuesday, officials said.", "a", 0, REF)
    assert [(x.quantity, x.value, x.as_of.isoformat()) for x in c] == [
        ("people killed", "9", "2024-05-13"), ("people killed", "14", "2024-05-14")]


def test_can_with_a_day_looks_ahead():
    assert _when("Residents can return home on Friday, police said.") == ("2024-05-17", "day")
    assert _when("Police can confirm that on Monday a man was arrested.") == ("2024-05-13", "day")


def test_homes_left_and_strike_turnout():
    assert _keys("About 900 people have left their homes, officials said.") == [("people evacuated", "About 900")]
    c = claims_in_sentence("According to the union, 2,400 dockers took part in the strike, while the port put the "
                           "number at 1,500.", "a", 0, REF)
    assert [(x.quantity, x.value) for x in c] == [("workers striking", "2,400"), ("workers striking", "1,500")]
    assert _keys("Dockers went on strike on Monday.") == []


def test_saying_a_quote_on_its_own_and_a_second_source_after_reported_speech():
    rows = [{"doc": "d", "ref_date": REF.isoformat(), "text": t} for t in [
        "Health minister Ola Brandt praised the crews, saying: “They worked through the night.”",
        "“Nobody could have done more.”",
        "Police say the road is open again, the council said on Monday."]]
    arts, _ = _articles(rows)
    qs = extract_quotes(arts[0])
    assert [(q.speaker, q.direct) for q in qs] == [("Ola Brandt", True), ("Ola Brandt", True), ("Police", False)]
    assert qs[2].text == "the road is open again."


def test_reported_speech_in_a_later_clause():
    rows = [{"doc": "d", "ref_date": REF.isoformat(), "text": t} for t in [
        "The army said four soldiers had died, and the rebels said nine of their fighters were killed.",
        "Kell County Council opened 12 shelters, and said about 800 residents had used them."]]
    arts, _ = _articles(rows)
    qs = extract_quotes(arts[0])
    assert [(q.speaker, q.text) for q in qs] == [
        ("army", "four soldiers had died."), ("rebels", "nine of their fighters were killed."),
        ("Kell County Council", "about 800 residents had used them.")]
