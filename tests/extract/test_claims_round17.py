"""Claim and date rules added in round 17 of issue #5, from the opened review17 set, each counted
over all opened sets (invented sentences)."""

from datetime import date

from helpers import claim_keys

from newsfuse.extract.dates import happening_phrase

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_special_forces_and_guard_personnel_are_security_forces():
    assert _keys("To the prison were directed some 150 members of the special forces.") == [
        ("security forces deployed", "some 150")]
    assert _keys("Five members of the guard personnel have received trauma.") == [("security forces injured", "Five")]
    # soldiers of the special forces stay troops
    assert _keys("About 90 special forces soldiers were flown in.") == [("troops deployed", "About 90")]


def test_people_in_the_sun_are_people_and_a_heat_collapse_is_an_injury():
    assert _keys("THIRTY sunbathers collapsed with heatstroke on the promenade on Sunday.") == [
        ("people injured", "THIRTY")]
    assert _keys("HEAT HELL: 25 sun-seekers hurt in beach crush") == [("people injured", "25")]
    # a building that collapsed is still destroyed
    assert _keys("At least 30 houses collapsed in the old town.") == [("homes destroyed", "At least 30")]


def test_leaving_a_burning_ship_or_fleeing_to_shelters_is_an_evacuation():
    assert _keys("More than 200 passengers scrambled into lifeboats when fire broke out on the car deck.") == [
        ("passengers evacuated", "More than 200")]
    assert _keys("FERRY FEAR: 150 flee burning ferry") == [("people evacuated", "150")]
    assert _keys("The storm killed four people and forced more than 20,000 to flee to shelters, officials said.") == [
        ("people killed", "four"), ("people evacuated", "more than 20,000")]
    # people driven from a region by fighting stay displaced
    assert _keys("Some 3,000 villagers have fled to the provincial capital since the attack.") == [
        ("civilians displaced", "Some 3,000")]


def test_a_vehicle_s_own_drivers_are_workers():
    assert _keys("Police say the bus's two drivers were injured.") == [("workers injured", "two")]
    assert _keys("The two drivers were injured.") == [("people injured", "two")]


def test_a_craft_s_call_sign_counts_nothing():
    assert _keys("A lifeboat and the coastguard helicopter Rescue 118 were sent to the scene.") == []
    assert _keys("Coastguard helicopters winched 14 people to safety.") == [("people rescued", "14")]


def test_engaged_responders_are_deployed_but_not_fighters_or_negotiators():
    assert _keys("The civil protection has engaged 300 rescuers and two helicopters on the terrain.") == [
        ("rescue workers deployed", "300"), ("helicopters deployed", "two")]
    assert _keys("On the site are engaged more than 90 members of the rescue services.") == [
        ("rescue workers deployed", "more than 90")]
    assert _keys("Some 800 firemen are engaged on the different fronts.") == [("rescue workers deployed", "Some 800")]
    assert ("troops deployed", "200") not in _keys("Some 200 soldiers were engaged in fighting with the rebels.")


def test_translated_inverted_rescues_and_deployments():
    assert _keys("The firemen have extracted alive from the ruins four persons.") == [("people rescued", "four")]
    assert _keys("In the operations participate 120 rescuers.") == [("rescue workers deployed", "120")]
    # a number after "and" is not the rescued object of the earlier verb
    assert ("people rescued", "about 900") not in _keys(
        "He said 30 people had been rescued alive from the rubble and about 900 were sleeping in tents.")


def test_running_arrests_lost_and_found_and_headline_verbs():
    assert _keys("19:10 – Arrests now stand at 27, police say.") == [("people detained", "27")]
    assert _keys("About 700 residents pass the night under tents in the stadium.") == [
        ("civilians displaced", "About 700")]
    assert _keys("Three ramblers who went missing on Friday were found safe yesterday.") == [
        ("people rescued", "Three")]
    assert _keys("Four migrants have been found without life in the hold.") == [("migrants killed", "Four")]
    assert _keys("GAS HORROR: Blast flattens three homes") == [("homes destroyed", "three")]
    assert _keys("All five crew were lifted from the trawler by helicopter.") == [("workers rescued", "five")]


def test_a_witness_s_sense_of_time_is_no_duration():
    assert _keys("“We hid in the storeroom for what felt like an hour,” said a shop worker.") == []
    assert _keys("The siege lasted almost three hours.") == [("duration hours", "almost three")]


def test_the_speaker_s_today_in_a_quotation_dates_no_happening():
    assert happening_phrase("The chief said: “We have closed this network down today.”", REF) is None
    assert happening_phrase("“Tonight the town chose a new mayor,” she told the crowd.", REF) is None
    # a clock time or a forecast keeps the day; outside a quotation "today" dates the happening
    hp = happening_phrase("“My brother went in at six this morning,” said a relative.", REF)
    assert hp is not None and hp.date == REF
    hp = happening_phrase("The mayor said: “We expect the river to peak tonight.”", REF)
    assert hp is not None and hp.date == REF
    hp = happening_phrase("Police closed the network down today.", REF)
    assert hp is not None and hp.date == REF


def test_a_release_heading_is_page_furniture():
    assert happening_phrase("Harbour Police – Press Statement – Wexford, 12 May 2024", REF) is None
    assert happening_phrase("AIDNET – Press release – Dunmore, 9 May 2024", REF) is None
    assert happening_phrase("County Fire and Rescue Service – Incident update, 3 May 2024", REF) is None
    hp = happening_phrase("The ferry sank off Wexford, 12 May 2024", REF)
    assert hp is not None and hp.date == date(2024, 5, 12)
