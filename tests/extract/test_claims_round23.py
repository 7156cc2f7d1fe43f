"""Claim rules added in round 23: precision on real news text (judged Timeline17 samples), each a general
rule for unseen news text (invented sentences)."""

from datetime import date

from helpers import claim_keys

REF = date(2025, 6, 11)


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_hours_of_a_speakers_own_doings_are_no_length_of_the_event():
    assert _keys('"I managed to post updates for about an hour before the signal died," she said.') == []
    assert _keys("I sat on the harbour wall for three hours yesterday, a tourist said.") == []
    assert _keys("After two hours you start to lose track of which siren is which.") == []


def test_a_speakers_ordeal_and_others_work_stay_lengths():
    assert _keys('"I was trapped under the slab for nine hours," the survivor said.') == [("duration hours", "nine")]
    assert _keys("I hid with two colleagues in a cellar for about four hours.") == [("duration hours", "about four")]
    assert _keys('"I thank everyone who worked for more than 14 hours in the heat," the chief said.') == [
        ("duration hours", "more than 14")]
    assert _keys('"The wind howled for six hours and I held the door shut," he said.') == [("duration hours", "six")]


def test_several_hundred_thousand_is_one_vague_amount():
    assert _keys("A few hundred thousand people fled the capital.") == [("people displaced", "A few hundred thousand")]
    assert _keys("Several hundred protesters gathered outside the ministry.") == [("crowd size", "Several hundred")]


def test_a_count_after_a_non_event_verb_leaves_the_chain():
    # "infected" governs the 300 and the 12 after it; the toll's verb does not reach past it
    assert _keys("The fever has killed up to 40 people in the north, infected 300 in the capital and 12 "
                 "in the ports.") == [("people killed", "up to 40")]
    assert _keys("The agency estimates 2,000-3,000 people are dead and up to 1m affected.") == [
        ("people killed", "2,000-3,000")]


def test_a_chain_of_event_verbs_still_carries_its_event():
    assert _keys("The storm killed 30 people in the east, injured 200 in the capital and 40 in the hills.") == [
        ("people killed", "30"), ("people injured", "200"), ("people injured", "40")]
    assert _keys("Floods killed 12 people in the valley and 4 in the town.") == [
        ("people killed", "12"), ("people killed", "4")]


def test_members_of_staff_are_workers_whoever_employs_them():
    assert _keys("Two charity members of staff were killed when the building collapsed.") == [("workers killed", "Two")]
    assert _keys("Six party members were detained.") == [("party members detained", "Six")]
