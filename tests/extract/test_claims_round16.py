"""Claim rules added in round 16 of issue #5, from the opened review13, review14 and review15 sets
(invented sentences)."""

from datetime import date

from helpers import claim_keys

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_a_number_joined_to_a_unit_is_a_size_not_a_count():
    assert _keys("Around 800 lorries were stuck on a 25-kilometre stretch of the motorway.") == [
        ("vehicles stranded", "Around 800")]
    assert _keys("Two people were killed when a 12-storey block collapsed.") == [("people killed", "Two")]


def test_a_known_group_ends_at_found_or_feared():
    assert _keys("Rescuers said three forestry workers found dead near the lake had been missing since Monday.")[0] == (
        "workers killed", "three")
    assert _keys("Five farm labourers feared dead after the flash flood.") == [("workers killed", "Five")]


def test_how_the_dead_died_is_no_second_toll():
    assert _keys("Four people died, three from the cold and one in a crash with a gritter.") == [
        ("people killed", "Four")]
    # a count with a verb of its own stays a claim
    assert _keys("Six people were killed and two from the next street were injured.") == [
        ("people killed", "Six"), ("people injured", "two")]
    assert _keys("The storm killed 12 people and forced more than 3,000 from their homes.") == [
        ("people killed", "12"), ("people displaced", "more than 3,000")]


def test_how_badly_a_part_of_a_hospital_count_is_hurt_is_no_second_count():
    assert _keys("The ambulance service says 27 people were taken to hospital, five of them seriously hurt.") == [
        ("people hospitalised", "27")]


def test_staff_of_a_service_take_the_service_s_group():
    assert _keys("The ministry sent 400 effectives of the police to the border.") == [
        ("security forces deployed", "400")]
    assert _keys("The region dispatched 150 effectives of the Army Engineering Unit.") == [("troops deployed", "150")]
    assert _keys("The district sent around 70 forces of the volunteer fire brigade.") == [
        ("rescue workers deployed", "around 70")]


def test_crew_named_by_their_trade_are_workers():
    assert _keys("Three ski instructors were injured by the slide.") == [("workers injured", "Three")]
    assert _keys("Four crewmates were winched from the water.") == [("workers rescued", "Four")]


def test_the_number_on_strike_put_at_a_figure_is_strike_turnout():
    assert _keys("The company put the number taking part in the strike at 2,450.") == [
        ("workers striking", "2,450")]
    assert _keys("The union puts the number on strike at about 14,000.") == [("workers striking", "about 14,000")]


def test_initiated_or_entered_a_strike_is_turnout_but_a_hunger_strike_is_not():
    assert _keys("Some 3,100 dockers initiated this Monday an indefinite strike.") == [
        ("workers striking", "Some 3,100")]
    assert _keys("About 1,700 workers of the steel plant entered in strike on Friday.") == [
        ("workers striking", "About 1,700")]
    assert _keys("Twelve prisoners launched a hunger strike on Friday.") == []


def test_a_part_of_a_whole_named_by_its_owner():
    assert _keys("The union says about 600 of the plant's 820 workers have joined the strike.") == [
        ("workers striking", "about 600")]


def test_a_bare_rival_figure_said_by_another_source():
    assert _keys("Police put the crowd at 18,000; the organisers claim more than 60,000.") == [
        ("crowd size", "18,000"), ("crowd size", "more than 60,000")]
    assert _keys("Organisers put the turnout at about 30,000, but the city said 9,000 took part.") == [
        ("crowd size", "about 30,000"), ("crowd size", "9,000")]


def test_a_gathering_attended_by_or_filling_the_boulevards_is_a_crowd():
    assert _keys("Hundreds of residents came to a vigil attended by about 2,000 people on Friday.")[-1] == (
        "crowd size", "about 2,000")
    assert _keys("Thousands of people filled the boulevards of the old town to protest.") == [("crowd size", "Thousands")]
    assert _keys("The board meeting was attended by 12 directors.") == []


def test_things_counted_by_a_toll_verb_keep_their_own_group():
    history = claim_keys("About 600 passengers were stuck on trains overnight.", REF)
    assert history == [("passengers stranded", "About 600")]
    from newsfuse.extract.claims import claims_in_sentence
    hist = claims_in_sentence("About 600 passengers were stuck on trains overnight.", "a", 0, REF)
    assert _keys("The number of lorries stuck has risen to about 1,300.", hist) == [("vehicles stranded", "about 1,300")]


def test_blocked_things_are_stranded_and_blocked_people_inside_are_trapped():
    assert _keys("Some 150 cars remained blocked on the pass for the night.") == [("vehicles stranded", "Some 150")]
    assert _keys("Nine miners remain blocked in the gallery after the roof gave way.") == [("workers trapped", "Nine")]
    assert _keys("Several roads were blocked by fallen trees.") == []


def test_people_held_by_inmates_or_held_hostage_and_freed_are_hostages_released():
    assert _keys("Two nurses held hostage with the patients were also freed on Sunday.") == [("hostages released", "Two")]
    assert _keys("The jail says four guards who had been held by inmates since Friday have been released.") == [
        ("hostages released", "four")]
    # freed after an arrest is no hostage-taking
    assert _keys("Police said 12 protesters held overnight were freed.") != [("hostages released", "12")]


def test_men_in_the_state_an_earlier_sentence_named_a_group_in_are_that_group():
    from helpers import make_article
    from newsfuse.extract.claims import rule_claims

    def keys(text):
        return [(c.quantity, c.value) for c in rule_claims(make_article(text, "2024-05-15"))]

    assert keys("Crews are still trying to reach miners trapped by a flood in the lower galleries. "
                "The operator says 11 men are trapped about 400 metres down.") == [("workers trapped", "11")]
    # not for arrests, and not without an earlier group in that state
    assert keys("Crews are still trying to reach miners trapped by a flood. Police said two men were arrested.") == [
        ("people detained", "two")]
    assert keys("A fishing boat capsized in a storm. Four men are missing, the coastguard said.") == [
        ("people missing", "Four")]


def test_people_moved_to_a_hotel_a_rest_centre_or_out_of_a_building_are_evacuated():
    assert _keys("Forty people were moved to a sports hall overnight.") == [("people evacuated", "Forty")]
    assert _keys("About 90 patients were carried out of the building by firefighters.") == [
        ("people evacuated", "About 90")]
    assert _keys("Some 75 patients had been moved to other hospitals in the region.") == [
        ("people evacuated", "Some 75")]
    # prisoners moved to other jails and people taken to hospital are not
    assert _keys("About 60 inmates have been moved to other jails.") == []
    assert _keys("Three people were taken to hospital.") == [("people hospitalised", "Three")]


def test_mothers_are_people():
    assert _keys("Some 30 mothers and babies were carried to safety.") == [("people evacuated", "Some 30")]


def test_a_part_in_the_total_s_own_group_is_no_second_figure():
    assert _keys("Nine people died, seven of them guests and two members of staff.") == [
        ("people killed", "Nine"), ("workers killed", "two")]
    assert _keys("Eight people were hurt, two of them firefighters.") == [
        ("people injured", "Eight"), ("rescue workers injured", "two")]


def test_a_whole_said_before_its_part_is_no_claim():
    assert _keys("Six of the eleven have been charged with arson.") == [("people charged", "Six")]
    assert _keys("Of the 35 dead, 14 are children.") == [("children killed", "14")]


def test_free_ordered_in_and_brought_up_alive():
    assert _keys("Police say all three hostages are now free.") == [("hostages released", "three")]
    assert _keys("The tickets are free for 20 pensioners.") == []
    assert _keys("About 300 soldiers have been ordered in to clear the roads.") == [("troops deployed", "About 300")]
    assert _keys("Seven miners have been brought up alive.") == [("workers rescued", "Seven")]


def test_more_ways_of_being_in_hospital():
    assert _keys("Nine persons were transported to the hospital with burns.") == [("people hospitalised", "Nine")]
    assert _keys("Four of the pupils are being cared for in the intensive care unit.") == [
        ("children hospitalised", "Four")]
    assert _keys("Three firefighters were checked in hospital and later discharged.") == [
        ("rescue workers hospitalised", "Three")]
    assert _keys("About 350 patients are currently in treatment centres, the ministry said.") == [
        ("people hospitalised", "About 350")]


def test_freeing_trapped_people_is_a_rescue():
    assert _keys("Neighbours dug with their hands to free three trapped children.") == [("children rescued", "three")]
    assert _keys("Rebels freed 12 captured soldiers.") == [("troops released", "12")]


def test_a_time_of_day_in_hours_is_no_duration():
    assert _keys("The blaze would have started around 22 hours in a storeroom.") == []
    assert _keys("The siege lasted at least 6 hours.") == [("duration hours", "at least 6")]


def test_responders_at_work_on_site_are_deployed_others_are_not():
    assert _keys("Fourteen firefighters worked through the night to shore up the wall.") == [
        ("rescue workers deployed", "Fourteen")]
    assert _keys("About 90 paramedics and ambulance crews remain on site.") == [("rescue workers deployed", "About 90")]
    assert _keys("Some 20 volunteers reached the wreckage at dawn.") == [("rescue workers deployed", "Some 20")]
    assert _keys("The ban is enforced by about 3,000 police officers.") == [("security forces deployed", "about 3,000")]
    assert _keys("About 300 residents remain on site.") == []


def test_received_injuries_and_a_night_passed_under_tents():
    assert _keys("Another 6 miners received traumas of different gravity.") == [("workers injured", "6")]
    assert _keys("Some 2,400 persons have passed the night under tents.") == [("people displaced", "Some 2,400")]
    assert _keys("Three people received medals.") == []
