"""Claim rules added in round 4 of issue #5 (invented sentences)."""

from datetime import date


from helpers import claim_keys
from newsfuse.extract.learned import unclaimed

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_public_named_by_activity_and_plain_nouns_join_their_groups():
    assert _keys("Some 90 hikers were stuck on the ridge overnight.") == [("civilians stranded", "Some 90")]
    assert _keys("One of the lorry drivers died at the scene.") == [("people killed", "One")]  # mostly motorists
    assert _keys("Nine youngsters were taken to hospital after the ride stalled.") == [("children hospitalised", "Nine")]
    assert _keys("An elderly woman and two men are missing.") == [("people missing", "two")]


def test_an_event_participle_before_the_group():
    assert _keys("The agency is feeding about 700 displaced villagers.") == [("civilians displaced", "about 700")]


def test_a_preposition_ends_the_counted_phrase():
    assert _keys("Hundreds of families along the river were evacuated.") == [("families evacuated", "Hundreds")]


def test_a_further_group_and_its_part():
    assert _keys("Four further miners were hurt, two of whom remain in hospital.") == [
        ("workers injured", "Four"), ("workers hospitalised", "two")]


def test_listed_as_and_an_aside_before_the_verb():
    assert _keys("The other six crew are listed as missing.") == [("workers missing", "six")]
    assert _keys("Three climbers, among them a guide, lost their lives.") == [("civilians killed", "Three")]


def test_after_for_a_state_of_its_own():
    assert _keys("Divers are looking for 20 to 25 people reported missing.") == [("people missing", "20 to 25")]
    assert _keys("The fund pays for 20 teachers in the district.") == []


def test_a_revised_count_and_a_count_that_included():
    assert _keys("The number of wounded was revised up to 63 on Tuesday.") == [("people injured", "63")]
    assert _keys("The dead included three nurses.") == [("rescue workers killed", "three")]


def test_admissions_injuries_and_crowds_in_other_words():
    assert _keys("Clinics have admitted 340 patients since the spill.") == [("people hospitalised", "340")]
    assert _keys("Three police officers suffered minor burns.") == [("security forces injured", "Three")]
    assert _keys("About 8,000 people took part in the march.") == [("crowd size", "About 8,000")]
    assert _keys("Some 30,000 fans are attending the final.") == [("crowd size", "Some 30,000")]


def test_homes_burnt_boats_lost_and_people_without_a_roof():
    assert _keys("Twelve houses were burnt in the blaze.") == [("homes destroyed", "Twelve")]
    assert _keys("Two trawlers failed to return to port.") == [("trawlers missing", "Two")]
    assert _keys("The quake left 900 people without a roof.") == [("people displaced", "900")]
    assert _keys("About 80 people have been moved into emergency accommodation.") == [("people displaced", "About 80")]
    assert _keys("Dozens of drivers spent the night in their cars on the pass.") == [("people stranded", "Dozens")]


def test_forces_at_work_are_deployed_but_not_everyone_at_work():
    assert _keys("About 400 firefighters are working at the scene.") == [("rescue workers deployed", "About 400")]
    assert _keys("Some 200 builders were working on the site.") == []
    assert _keys("Two guards who were on duty that night were suspended.") == []


def test_a_fronted_partitive_names_the_group_and_escapes_are_not_displacement():
    assert _keys("Of the escaped inmates, four were recaptured on Monday.") == [("prisoners detained", "four")]
    assert _keys("In 2019, 14 prisoners fled through a tunnel.") == []


def test_an_hours_worth_is_no_duration():
    assert _keys("They had an hour's warning before the levee broke.") == []


def test_the_learned_reader_is_not_asked_about_parts_of_a_counted_figure():
    asked = [c.mention.text for c in unclaimed("Six of the injured are in a serious condition.", REF, [])]
    assert asked == []
