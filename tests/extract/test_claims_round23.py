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
