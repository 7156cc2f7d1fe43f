"""Claim rules added in round 5 of issue #5 (invented sentences)."""

from datetime import date


from helpers import claim_keys
from newsfuse.extract.lexicon import category_of
from newsfuse.extract.numbers import find_numbers

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_things_sent_have_groups_and_singular_people_join_theirs():
    assert category_of(["three", "army", "helicopters"])[0] == "helicopters"
    assert category_of(["firefighter"])[0] == "rescue workers"
    assert category_of(["local"])[0] is None  # a singular that is an adjective is not a group
    assert _keys("Six army helicopters and 200 firefighters are working at the scene.") == [
        ("helicopters deployed", "Six"), ("rescue workers deployed", "200")]


def test_a_verb_with_its_own_count_is_not_the_earlier_counts_event():
    assert _keys("Lifeboat crews answered 23 calls and rescued 51 people.") == [("people rescued", "51")]


def test_a_list_of_counts_shares_its_verb():
    assert _keys("Three soldiers, two nurses and a boy were among those wounded.") == [
        ("troops injured", "Three"), ("rescue workers injured", "two")]


def test_nominal_events_and_new_totals():
    assert _keys("Police confirmed the arrest of 140 demonstrators.") == [("protesters detained", "140")]
    assert _keys("The order forced the evacuation of 2,000 residents.") == [("civilians evacuated", "2,000")]
    assert _keys("Crews found two more bodies, bringing the total to 19.") == [
        ("people killed", "two"), ("people killed", "19")]
    assert _keys("Officials raised the death toll from the landslide to 31.") == [("people killed", "31")]


def test_water_in_homes_is_damage_but_a_flooded_road_is_not():
    assert _keys("About 300 homes were flooded overnight.") == [("homes damaged", "About 300")]
    assert _keys("Some 40 roads were flooded.") == []


def test_parts_and_their_descriptions():
    assert _keys("Nine were hospitalised, three of them with burns.") == [("people hospitalised", "Nine")]
    assert _keys("Police detained 30 marchers and dozens of students, of whom 12 were later charged.") == [
        ("protesters detained", "30"), ("students detained", "dozens"), ("students charged", "12")]
    assert _keys("Six of those detained have since been released.") == [("people released", "Six")]


def test_no_one_and_body_parts_are_no_counts():
    assert _keys("No one was injured in the blast.") == []
    assert _keys("A farmer lost three fingers and was taken to hospital.") == []


def test_crowds_estimated_and_pickets():
    assert _keys("The crowd was estimated at 12,000.") == [("crowd size", "12,000")]
    assert _keys("A picket of some 300 nurses blocked the entrance.") == [("crowd size", "some 300")]


def test_speeds_and_half_hours_are_no_durations():
    assert "an" not in [n.text for n in find_numbers("gusts of 150 kilometres an hour")]
    assert [n.text for n in find_numbers("within half an hour")] == []


def test_forces_at_the_scene_and_a_fronted_event():
    assert _keys("About 60 firefighters were at the scene.") == [("rescue workers deployed", "About 60")]
    assert _keys("Of those evacuated, about 900 are children.") == [("children evacuated", "about 900")]
    assert _keys("Of the injured, four remain in hospital.") == [("people hospitalised", "four")]
