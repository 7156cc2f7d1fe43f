"""Claim rules added in round 14 of issue #5, from the opened review11 set (invented sentences)."""

from datetime import date

from helpers import claim_keys

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_a_duration_spelled_in_words_before_a_hyphen():
    assert ("duration hours", "nine") in _keys("Crews brought the blaze under control after a nine-hour battle.")
    # a stoppage still to come is no duration of what happened
    assert _keys("The union said its members would hold a three-hour stoppage on Friday.") == []
    assert _keys("Cleaners will stage a 12-hour strike next week.") == []


def test_forces_on_duty_or_posted_and_taking_part_in_raids():
    assert _keys("Some 450 officers were on duty for the derby.") == [("security forces deployed", "Some 450")]
    assert _keys("About 200 gendarmes remain posted around the port.") == [("security forces deployed", "About 200")]
    assert _keys("Nearly 300 officers took part in dawn raids on 20 addresses.") == [
        ("security forces deployed", "Nearly 300")]
    # a relative clause about who was on duty is not a deployment
    assert _keys("Four guards who were on duty that night have been suspended.") == []


def test_people_removed_from_danger_lodged_or_interpellated():
    assert _keys("About 350 villagers were removed preventively from the valley.") == [
        ("civilians evacuated", "About 350")]
    assert _keys("Some 1,200 persons were removed from their residences by civil protection teams.") == [
        ("people evacuated", "Some 1,200")]
    assert _keys("Around 700 of them remain lodged in gymnasiums and schools.") == [("people displaced", "Around 700")]
    assert _keys("After the match 23 persons were interpellated, the prefecture said.") == [
        ("people detained", "23")]


def test_members_of_a_force_named_in_several_words():
    assert _keys("Five members of the forces of order were slightly injured.") == [
        ("security forces injured", "Five")]


def test_supplies_sent_are_no_group():
    assert _keys("The agency said it had sent 25,000 doses of measles vaccine to the camps.") == []
    assert _keys("Volunteers handed out 3,000 food parcels in the town.") == []


def test_bare_buildings_and_properties_are_homes():
    assert _keys("At least 30 buildings collapsed in the old town.") == [("homes destroyed", "At least 30")]
    assert _keys("Firefighters said 45 properties had been flooded in the village.") == [("homes damaged", "45")]
    assert _keys("Two schools and a church were burned out.") == [("buildings destroyed", "Two")]


def test_as_well_as_continues_a_list_of_what_was_sent():
    assert _keys("The prefecture sent 200 firefighters as well as three water bombers.") == [
        ("rescue workers deployed", "200"), ("aircraft deployed", "three")]


def test_fighting_for_their_lives_in_hospital():
    assert _keys("Four of the injured were still fighting for their lives in hospital on Tuesday.") == [
        ("people hospitalised", "Four")]


def test_a_part_of_a_freed_group_said_to_be_of_another_group():
    assert _keys("Six of the released hostages were foreign nationals, the ministry said.") == [
        ("foreign nationals released", "Six")]
    assert _keys("Three of the freed hostages were flown home on Thursday.") == []


def test_a_groups_share_of_a_toll():
    assert _keys("Children account for 14 of the deaths, the health ministry said.") == [("children killed", "14")]
    assert _keys("Women under 30 accounted for 11 of the injured.") == [("people injured", "11")]


def test_the_main_verb_after_a_relative_clause_or_participle_phrase():
    assert _keys("About 20 fishermen who set out before the storm were still missing on Friday.") == [
        ("workers missing", "About 20")]
    assert _keys("The four hostages held by the gang in a farmhouse have walked out unharmed.") == [
        ("hostages released", "four")]
    assert _keys("Eleven inmates who escaped during the riot have been recaptured.") == [
        ("prisoners detained", "Eleven")]


def test_a_recurring_slot_is_no_duration():
    assert _keys("The envoy proposed a daily three-hour pause in the shelling.") == []
    assert _keys("The envoy proposed a daily 3-hour ceasefire in the north.") == []


def test_people_taken_off_a_vessel_or_pulled_out_are_rescued():
    assert _keys("A lifeboat crew took 14 people off the grounded yacht overnight.") == [("people rescued", "14")]
    assert _keys("My brother helped pull three children out of the river.") == [("children rescued", "three")]
    assert _keys("Forty passengers got off the bus at the border.") == []


def test_homes_lost_forces_provided_and_responders_with_a_service():
    assert _keys("“We have lost more than 40 homes on this street,” the mayor said.") == [
        ("homes destroyed", "more than 40")]
    assert _keys("The navy said it would provide two patrol boats and a helicopter.") == [("boats deployed", "two")]
    assert _keys("Six engines attended, with about 40 firefighters on site at the height of the blaze.") == [
        ("fire engines deployed", "Six"), ("rescue workers deployed", "about 40")]
    assert _keys("He travelled to the coast with three friends.") == []


def test_strikers_restated_by_a_figure_are_workers():
    assert _keys("The company put the number of drivers taking part in the strike at about 2,300.") == [
        ("workers striking", "about 2,300")]


def test_a_rival_figure_with_its_verb_left_out_or_named_an_estimate():
    assert _keys("Police counted 4,500 marchers, the organisers about 12,000.") == [
        ("crowd size", "4,500"), ("crowd size", "about 12,000")]
    assert _keys("The union put Saturday's turnout at 25,000, well above the police estimate of 7,000.") == [
        ("crowd size", "25,000"), ("crowd size", "7,000")]
    # a contrast is no rival source
    assert _keys("The arrest of four generals may topple not one minister, but two.") == [("generals detained", "four")]


def test_machines_that_worked_on_an_incident_were_sent():
    assert ("fire engines deployed", "Nine") in _keys("Nine fire engines worked through the night to contain the fire.")


def test_a_count_in_an_including_aside_takes_the_main_verb():
    assert _keys("Extra units, including about 150 riot police, were deployed to the port.") == [
        ("security forces deployed", "about 150")]
    # an age in such an aside is no count
    assert _keys("Four people, including a girl of nine, were taken to hospital.") == [("people hospitalised", "Four")]


def test_their_colleagues_are_of_the_group_that_speaks():
    assert _keys("Paramedics say two of their colleagues were hurt overnight.") == [
        ("rescue workers injured", "two")]
    assert _keys("She said four of her colleagues were arrested.") == [("people detained", "four")]


def test_drivers_of_public_transport_are_workers_unless_stuck_on_the_road():
    assert _keys("Among the dead were three tram drivers, the operator said.") == [("workers killed", "three")]
    assert _keys("About 90 bus drivers were stranded at the depot by the snow.") == [("people stranded", "About 90")]
    assert _keys("One of the lorry drivers died at the scene.") == [("people killed", "One")]


def test_a_second_verb_after_a_verb_of_the_counts_own():
    assert _keys("The three suspects surrendered shortly after dawn and were taken into custody.") == [
        ("suspects detained", "three")]


def test_a_group_named_in_an_earlier_sentence_and_taken_up_by_them():
    from newsfuse.extract.claims import claims_in_sentence

    before = claims_in_sentence("About 60 miners were trapped underground by the flood.", "a", 0, REF)
    assert [(c.quantity, c.value) for c in claims_in_sentence(
        "Most of them were brought up by cage, but three were killed and nine injured.", "a", 1, REF,
        history=before)] == [("workers killed", "three"), ("workers injured", "nine")]


def test_more_groups_and_crowds_named_by_what_they_do():
    assert _keys("Around 90,000 pilgrims converged on the shrine at dawn.") == [("crowd size", "Around 90,000")]
    assert _keys("Up to 300 fans were stampeding towards the gates.") == [("crowd size", "Up to 300")]
    assert _keys("Thousands of people joined Sunday's march through the capital.") == [("crowd size", "Thousands")]
    assert _keys("The state has sent 80 troopers to the border town.") == [("security forces deployed", "80")]
    assert _keys("About 600 riot police will be on duty for the final.") == [("security forces deployed", "About 600")]
    assert _keys("Some 200 vaccinators were sent to the camps.") == [("rescue workers deployed", "Some 200")]
    assert _keys("Health officials sent 30 teams of vaccinators to the camps.") == []
    assert _keys("Twenty vehicles were involved in a pile-up on the motorway.") == [("vehicles damaged", "Twenty")]
    assert _keys("Eight homes below the dam were evacuated.") == [("homes evacuated", "Eight")]
    assert _keys("Three of the riders were treated in hospital.") == [("people hospitalised", "Three")]
    assert _keys("Twenty snowploughs were sent out overnight.") == [("vehicles deployed", "Twenty")]


def test_what_is_no_relative_clause_of_the_count():
    # "that" opening what was said, a clause of speech, or another clause's subject
    assert _keys("The refugees told one of us that villagers were shot by soldiers.") == []
    assert _keys("A nurse passed a note to one of the reporters that said the boy was injured in a fall.") == []
    assert _keys("Only one officer who escaped after his car was destroyed made it back.") == []
    # a burial after a death is no loss of things
    assert _keys("At least 900 people who died in the quake have already been buried.") == [
        ("people killed", "At least 900")]
    # members of an organisation named with "the" are not the group in its name
    assert _keys("Rescuers are searching for 12 members of the Friends of the Children charity.") == [
        ("people missing", "12")]


def test_responders_ordered_out_and_people_taken_to_a_rest_centre():
    assert _keys("Crews from three counties, about 150 responders in all, are searching the rubble.") == [
        ("rescue workers deployed", "about 150")]
    assert _keys("The mayor has ordered 400 police officers to guard the polling stations.") == [
        ("security forces deployed", "400")]
    assert _keys("Volunteers have taken 60 people, including a baby, to a rest centre in the town hall.") == [
        ("people evacuated", "60")]
    assert _keys("The 230 pupils were led out onto the playground.") == [("children evacuated", "230")]


def test_rescues_by_hand_or_by_the_fire_service():
    assert _keys("A fisherman helped pull five people onto his boat.") == [("people rescued", "five")]
    assert _keys("Neighbours watched firefighters carry 12 residents out of the block.") == [
        ("civilians rescued", "12")]
    assert _keys("The car's two occupants were freed by the fire brigade.") == [("people rescued", "two")]


def test_patients_attended_or_brought_in_and_homes_left_uninhabitable():
    assert _keys("Eleven persons were attended for smoke inhalation, the institute said.") == [
        ("people injured", "Eleven")]
    assert _keys("A surgeon said 20 people had been brought in with gunshot wounds.") == [
        ("people hospitalised", "20")]
    assert _keys("Officials say 75 homes are now uninhabitable.") == [("homes damaged", "75")]


def test_crowds_named_by_a_picket_or_by_tear_gas_and_totals_released_today():
    assert _keys("About 60 nurses held a picket outside the hospital.") == [("crowd size", "About 60")]
    assert _keys("Police fired tear gas at several thousand students near the parliament.") == [
        ("crowd size", "several thousand")]
    assert _keys("Three more hostages were freed, bringing the total released today to eight.") == [
        ("hostages released", "Three"), ("hostages released", "eight")]


def test_a_part_of_a_hospital_count_in_the_same_key_is_no_second_count():
    assert _keys("Forty people were admitted to hospital, of whom nine are in intensive care.") == [
        ("people hospitalised", "Forty")]


def test_a_courts_sentence_is_no_arrest_count_nor_a_crowd():
    assert _keys("A court has jailed six men for their part in the riots.") == []
    assert _keys("A judge sentenced four protesters to two years in prison.") == []
    assert _keys("Police arrested 14 people after the match.") == [("people detained", "14")]


def test_a_tabloid_headline_arrest_without_its_verb():
    assert _keys("RIOT SHAME: 23 fans nicked after derby brawl") == [("civilians detained", "23")]
    assert _keys("Thieves nicked 3 cars from the car park.") == []


def test_ships_sent_to_a_search_are_boats_and_vessels_stay_vessels():
    assert _keys("The navy sent four ships and two helicopters to the search area.") == [
        ("boats deployed", "four"), ("helicopters deployed", "two")]
    assert _keys("Three vessels joined the search.") == [("vessels deployed", "Three")]


def test_an_event_still_being_weighed_is_no_claim():
    assert _keys("The company must decide whether to evacuate dozens of ships from the spill site.") == []
    assert _keys("The company decided to evacuate 40 workers from the platform.") == [("workers evacuated", "40")]
