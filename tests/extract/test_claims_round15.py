"""Claim rules added in round 15 of issue #5, from the opened review12 set and slips found in real
text (invented sentences)."""

from datetime import date

from helpers import claim_keys

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_a_number_before_a_time_unit_and_ago_or_later_is_a_time():
    assert _keys("A ship seized by raiders three weeks ago has been freed.") == []
    assert _keys("The informant is shot dead four years later.") == []
    assert _keys("Posted 5 hrs ago: Miners Trapped In Collapse") == []
    # a duration in hours before another event is still a duration
    assert ("duration hours", "nearly 30") in _keys("The fire burned for nearly 30 hours before crews contained it.")


def test_the_group_is_a_noun_not_an_adjective_a_verb_or_a_pronoun():
    assert _keys("Scores of lorries full of families fled the shelling.") == []
    assert _keys("The burnt bodies of at least 20 soldiers lay across the road.") == [("troops killed", "at least 20")]
    assert _keys("Three prison officers needed hospital treatment after the riot.") == [
        ("security forces hospitalised", "Three")]
    assert _keys("Guerrillas released 9 geologists they had held captive for a week.") == [("geologists released", "9")]
    assert _keys("The army is sending 3,000 troops and 1,500 marines but aid workers say supplies are short.") == [
        ("troops deployed", "3,000"), ("troops deployed", "1,500")]
    # a known group before a verb in -ed keeps its own count: the verb ends the phrase
    assert _keys("Several hundred protesters braved the snow outside parliament.") == [("crowd size", "Several hundred")]


def test_idioms_codes_and_names_with_numbers_are_no_counts():
    assert _keys("She could teach them a thing or two about fighting.") == []
    assert _keys("Calls to 0845 numbers will be charged at a local rate.") == []
    assert _keys("Gate 4 was evacuated at noon after a bag was found.") == []
    assert _keys("Thousands upon thousands of flood victims were left homeless.") == [("people displaced", "thousands")]


def test_nationality_plurals_are_people():
    assert _keys("About 40 Hungarians have died in the coach crash.") == [("people killed", "About 40")]
    assert _keys("Some 5,000 Afghans have fled across the border.") == [("people displaced", "Some 5,000")]
    assert _keys("At least 19 Yemenis were killed in the strike.") == [("people killed", "At least 19")]


def test_parts_by_town_after_a_total_are_no_rival_figures():
    assert _keys("In all 210 people were killed -- 150 in Osh, 40 in Talas and 20 in Naryn.") == [
        ("people killed", "210")]
    assert _keys("Police arrested 60 people: 45 in Osh and 15 in Talas.") == [("people detained", "60")]
    # a first figure placed itself makes the next one a toll of its own
    assert _keys("Five people died in Osh, and 40 in Talas.") == [("people killed", "Five"), ("people killed", "40")]


def test_staff_and_attendees():
    assert _keys("Two signalmen and one attendant were hurt.")[-1] == ("workers injured", "one")
    assert _keys("One elderly attendee has died.") == [("people killed", "One")]
    assert _keys("The city sent 14 fire vehicles to the depot.") == [("fire engines deployed", "14")]


def test_an_event_word_inside_a_capitalised_name_is_no_event():
    assert _keys("About 300 members of the Save Our Meadow campaign gathered at the gate.") == [
        ("crowd size", "About 300")]
    assert _keys("Some 150 volunteers from the Centre for Missing Persons joined the search.") == [
        ("rescue workers deployed", "Some 150")]


def test_the_group_after_a_missing_or_held_hostage():
    assert _keys("The bodies of three of the missing miners have been recovered.") == [("workers killed", "three")]
    assert _keys("Rebels released 7 nurses they had held hostage since May.") == [("hostages released", "7")]


def test_called_in_asked_to_leave_and_wards():
    assert _keys("About 200 riot police were called in.") == [("security forces deployed", "About 200")]
    assert _keys("About 90 residents were asked to leave their homes.") == [("civilians evacuated", "About 90")]
    assert _keys("Seven of the injured remained on hospital wards last night.") == [("people hospitalised", "Seven")]
    assert _keys("Three cooks ended up on a ward.") == [("workers hospitalised", "Three")]


def test_what_things_were_sent_to_help_with_is_no_event_of_theirs():
    assert _keys("The army has sent 300 soldiers and 9 amphibious trucks to help with evacuations.") == [
        ("troops deployed", "300"), ("vehicles deployed", "9")]


def test_where_or_how_often_is_no_group():
    assert _keys("The new strain has killed 212 worldwide.") == [("people killed", "212")]
    # (a yearly rate, "flu kills 300,000 people globally every year", is no event since round 24)
    assert _keys("The strain has killed about 300 people globally since April.") == [("people killed", "about 300")]
    assert _keys("As many as 600 New Caledonians died on the first day.") == [("people killed", "As many as 600")]


def test_a_number_in_an_idiom_is_no_count():
    assert _keys("The old warlord could have taught the colonel a thing or two about killing civilians.") == []
    assert ("people killed", "Two") in _keys("Two people were killed in the shelling, medics said.")


def test_parts_by_town_after_a_total_placed_in_an_event_not_a_town():
    """"killed in the autumn protests -- 120 in Varno, 40 in Kessel": the total's "in" names no town."""
    assert _keys("The rights group said 180 people had been killed in the autumn protests -- 120 in Varno, "
                 "40 in Kessel and 20 in Lisk.") == [("people killed", "180")]


def test_an_hour_is_shown_as_an_hour():
    """Key facts show the value as written: "about an" alone would read as nothing."""
    assert _keys("The siege lasted about an hour before officers stormed the bank.") == [("duration hours", "about an hour")]


def test_a_place_adverb_or_a_tabloid_verb_is_no_part_of_the_group():
    assert _keys("The sheriff's office says more than 120 homes here have been damaged.") == [("homes damaged", "more than 120")]
    assert _keys("Crews were called to 58 properties where roofs had been damaged.") == [("homes damaged", "58")]
    assert _keys("BUG HELL: Stomach bug sweeps school as 12 kids land in hospital") == [("children hospitalised", "12")]
