"""Claim rules added in round 6 of issue #5 (invented sentences)."""

from datetime import date


from helpers import claim_keys
from newsfuse.extract.dates import happening_phrase
from newsfuse.extract.speakers import person_names

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_time_frames_are_no_durations_but_hyphenated_and_further_hours_are():
    assert _keys("The river rose a metre in less than an hour, residents said.") == []
    assert _keys("Some 200 mm of rain fell in 12 hours.") == []
    assert _keys("Drivers began a 72-hour strike on Monday.") == [("duration hours", "72")]
    assert _keys("The search could last up to 30 more hours.") == [("duration hours", "up to 30")]


def test_fates_tolls_taken_and_homes_swept_away():
    assert _keys("The fate of 21 fishermen remains unknown.") == [("workers missing", "21")]
    assert _keys("A 2015 blast took the lives of 19 miners.") == [("workers killed", "19")]
    assert _keys("About 60 homes were swept away by the torrent.") == [("homes destroyed", "About 60")]


def test_crowds_involved_packed_and_put_at():
    assert _keys("About 500 youths were involved in the disorder.") == [("crowd size", "About 500")]
    assert _keys("Some 3,000 fans were packed inside the stadium.") == [("crowd size", "Some 3,000")]
    assert _keys("Police put the crowd in the square at 8,000.") == [("crowd size", "8,000")]


def test_support_parts_of_which_and_groups_named_by_office():
    assert _keys("Some 90 firefighters were deployed, supported by three helicopters.") == [
        ("rescue workers deployed", "Some 90"), ("helicopters deployed", "three")]
    assert _keys("Police arrested 60 people, of whom 8 minors.") == [("people detained", "60"), ("children detained", "8")]
    assert _keys("Two election observers were hurt.") == [("people injured", "Two")]
    assert _keys("The navy sent four ships.") == [("boats deployed", "four")]  # ships are boats (round 14 count)
    assert _keys("Some 30 health agents have been deployed.") == [("rescue workers deployed", "Some 30")]


def test_intensive_care_is_a_stay_not_a_ward_name():
    assert _keys("Three of the injured remain in intensive care.") == [("people hospitalised", "Three")]
    assert _keys("Nurses ventilated 11 patients by hand in the intensive care unit.") == []


def test_since_a_time_or_since_records_began_is_no_happening():
    assert happening_phrase("Crews have fought the fire since 14:20 on Sunday 12 May.", REF) is None
    assert happening_phrase("It was the wettest day since records began in 1961.", REF) is None


def test_names_with_letters_beyond_latin_1():
    assert [n for _, _, n in person_names("Chief Marta Ilić and Łukasz Nowak spoke.")] == ["Marta Ilić", "Łukasz Nowak"]


def test_the_learned_reader_is_not_asked_about_a_part_of_a_whole():
    from newsfuse.extract.learned import unclaimed
    asked = [c.mention.text for c in unclaimed("Rescuers reached four of the six trapped miners.", REF, [])]
    assert "four" not in asked
