"""Claim rules added or narrowed in round 2 of issue #5 (invented sentences)."""

from datetime import date

from newsfuse.extract.claims import claims_in_sentence

from helpers import claim_keys
from newsfuse.extract.numbers import find_numbers

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_groups_by_head_noun():
    assert _keys("At least 9 builders were trapped when the scaffold fell.") == [("workers trapped", "At least 9")]
    assert _keys("The embassy evacuated about 80 Dutch nationals by bus.") == [("foreign nationals evacuated", "about 80")]
    assert _keys("Officials sent 15 police divers to the lake.") == [("rescue workers deployed", "15")]
    assert _keys("Scores of mobile homes were flattened by the storm.") == [("homes destroyed", "Scores")]
    # divers who are not on duty keep their own name
    assert _keys("Four divers are missing off the reef.") == [("people missing", "Four")]


def test_new_event_words():
    assert _keys("The 14 hostages were liberated at dawn.") == [("hostages released", "14")]
    assert _keys("Officials say 30 people were killed and 8 were pulled alive from the rubble.") == [
        ("people killed", "30"), ("people rescued", "8")]
    assert _keys("The flood drove more than 5,000 from their homes.") == [("people displaced", "more than 5,000")]
    assert _keys("Around 40 people were treated in hospitals across the region.") == [("people hospitalised", "Around 40")]
    assert _keys("Two of the injured were taken to the regional trauma unit.")[0][0].endswith("hospitalised")
    assert _keys("Nine people were taken to Eastfield General.") == [("people hospitalised", "Nine")]
    assert _keys("Hundreds of commuters have been left stranded.") == [("passengers stranded", "Hundreds")]
    assert _keys("Three foreign tourists are among the dead.") == [("foreign nationals killed", "Three")]


def test_captured_counts_only_known_groups():
    assert _keys("The army says it is holding six rebels captured near the border.") == [("attackers detained", "six")]
    assert _keys("The rebels captured three villages overnight.") == []


def test_two_dozen_is_twenty_four():
    n = find_numbers("About two dozen firefighters were sent.")[0]
    assert (n.text, n.number, n.qualifier) == ("About two dozen", 24, "about")


def test_modal_ends_the_noun_phrase():
    assert _keys("Rescuers say between 10 and 14 people may still be trapped.") == [("people trapped", "between 10 and 14")]


def test_verb_before_an_additional_count():
    assert _keys("The ministry deployed an additional 2,500 riot police to the border.") == [
        ("security forces deployed", "2,500")]
    assert _keys("Volunteers used kayaks to rescue 11 people from the estate.") == [("people rescued", "11")]


def test_other_people_is_a_group_of_people():
    got = _keys("The blast destroyed three houses, killing a man and injuring five other people.")
    assert ("people injured", "five") in got and all(not k.startswith("homes injured") for k, _ in got)


def test_a_count_with_a_verb_of_its_own_is_not_a_list_item():
    got = _keys("Forty homes were destroyed and 90 more damaged, and some 3,000 customers remain without power.")
    assert got == [("homes destroyed", "Forty"), ("homes damaged", "90")]


def test_things_are_not_counted_from_people():
    assert _keys("The shelling killed five people and destroyed 20.") == [("people killed", "five")]


def test_an_aside_with_commas_and_ages():
    assert _keys("Two women, aged 31, 47 and 52, have been arrested.") == [("people detained", "Two")]
    got = _keys("Two of the injured, a pilot and a baggage handler, were taken to hospital.")
    assert [v for _, v in got] == ["Two"] and got[0][0].endswith("hospitalised")


def test_a_part_with_an_event_of_its_own():
    got = _keys("More than 50 pupils fell ill after lunch, and 19 of them were treated in hospital.")
    assert got == [("children hospitalised", "19")]
    # a part with the same event as the whole is not a new claim
    assert _keys("Twelve people were injured, four of them seriously.") == [("people injured", "Twelve")]


def test_duration_after_last_as_a_verb():
    got = _keys("The strike is due to last 48 hours.")
    assert got == [("duration hours", "48")]
    assert _keys("Police made 20 arrests in the last 24 hours.") == [("people detained", "20")]


def test_an_earlier_period_does_not_borrow_the_articles_group():
    history = claims_in_sentence("Nine inmates were killed in the riot on Monday.", "a", 0, REF)
    assert [c.quantity for c in history] == ["prisoners killed"]
    assert _keys("In March of 2021, another riot in the jail left 14 dead.", history) == [("people killed", "14")]
    assert _keys("The toll later rose to 11.", history) == [("prisoners killed", "11")]
