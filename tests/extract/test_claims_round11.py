"""Claim rules added in round 11 of issue #5, tuned on the opened review8 set (invented sentences)."""

from datetime import date

from newsfuse.extract.claims import claims_in_sentence

from helpers import claim_keys

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def _as_of(text):
    return [(c.value, c.as_of) for c in claims_in_sentence(text, "a", 0, REF)]


def test_a_running_total_is_as_of_the_day_it_was_given_not_the_day_of_the_event():
    monday, tuesday = date(2024, 5, 13), date(2024, 5, 14)
    assert _as_of("The death toll from Monday's landslide has risen to 14, the government said on Tuesday.") == [
        ("14", tuesday)]
    assert _as_of("The number of dead from the landslide on Monday has climbed to 14, officials said on Tuesday.") == [
        ("14", tuesday)]
    # no day of its own: the count is the article's
    assert _as_of("The toll from Monday's landslide has risen to 14.") == [("14", REF)]
    # the event itself keeps its day, and so does a total dated where it stands
    assert _as_of("Monday's landslide killed 14 people, the government said on Tuesday.") == [("14", monday)]
    assert _as_of("By Tuesday evening, the number of dead had risen to 14.") == [("14", tuesday)]


def test_new_totals_and_tolls_with_more_words_in_between():
    assert _keys("Police detained 40 more people overnight, bringing the total since Friday to more than 300.") == [
        ("people detained", "40"), ("people detained", "more than 300")]
    assert _keys("The death toll has risen again to 23, the ministry said.") == [("people killed", "23")]
    assert _keys("By noon the number of bodies recovered from the river had risen to 17.") == [
        ("people killed", "17")]
    # translated copy
    assert _keys("The cipher of deceased by the floods ascended to 12, informed the civil defence.") == [
        ("people killed", "12")]


def test_crowds_at_venues_and_public_events():
    assert _keys("Around 400 fans were inside the Blue Anchor club when the fire alarm went off.") == [
        ("crowd size", "Around 400")]
    assert _keys("Organisers say 60,000 people were in the old town for the carnival parade.") == [
        ("crowd size", "60,000")]
    assert _keys("Some 5,000 people joined a torchlit march through the city on Tuesday.") == [
        ("crowd size", "Some 5,000")]
    assert _keys("More than 8,000 visitors had packed into the resort by mid-afternoon.") == [
        ("crowd size", "More than 8,000")]
    assert _keys("Riot police fired water cannon to disperse about 500 of them.") == [("crowd size", "about 500")]
    # not a crowd: people in a vehicle
    assert _keys("Four people were in the car when it left the road.") == []


def test_who_strikes_works():
    assert _keys("About 600 bin collectors went on strike on Monday.") == [("workers striking", "About 600")]
    assert _keys("Some 4,000 nurses at the region's five hospitals went on strike.") == [
        ("workers striking", "Some 4,000")]
    # translated copy
    assert _keys("More than 9,000 teachers adhered on Monday to the general strike.") == [
        ("workers striking", "More than 9,000")]


def test_a_part_never_names_the_whole():
    assert _keys("Nine people were pulled from the water, including 3 children; 5 of them were taken to hospital.") == [
        ("people rescued", "Nine"), ("children rescued", "3"), ("people hospitalised", "5")]
    history = claims_in_sentence("Of these, 80 were admitted to hospital, 35 of them children.", "a", 0, REF)
    assert _keys("Fewer than ten of them remain in hospital.", history) == [("people hospitalised", "Fewer than ten")]
    assert _keys("A father and three children among 6 dead as fire sweeps through flats") == [
        ("children killed", "three"), ("people killed", "6")]
    assert _keys("Police reported 40 injured, of whom 11 are officers, and 20 detained.") == [
        ("people injured", "40"), ("security forces injured", "11"), ("people detained", "20")]
    assert _keys("Eight persons including two children were killed and five others injured.") == [
        ("people killed", "Eight"), ("children killed", "two"), ("people injured", "five")]


def test_a_part_of_the_injured_counts_people():
    history = claims_in_sentence("Three miners died and 14 were injured.", "a", 0, REF)
    assert _keys("Four of the injured were still in hospital on Tuesday.", history) == [
        ("people hospitalised", "Four")]


def test_more_ways_of_being_hurt_evacuated_rescued_and_sent():
    assert _keys("One paramedic suffered a broken wrist and two were treated for smoke inhalation.") == [
        ("rescue workers injured", "One"), ("rescue workers injured", "two")]
    assert _keys("Doctors said six of the injured were in surgery on Tuesday night.") == [
        ("people hospitalised", "six")]
    assert _keys("About 1,500 residents of the valley and three nearby villages were told to leave.") == [
        ("civilians evacuated", "About 1,500")]
    assert _keys("Firefighters have taken 85 people off rooftops since dawn.") == [("people rescued", "85")]
    assert _keys("Three persons are considered missing after the boat capsized.") == [("people missing", "Three")]
    # translated copy
    assert _keys("At the site work 90 rescuers and 14 units of equipment.") == [
        ("rescue workers deployed", "90"), ("vehicles deployed", "14")]
    assert _keys("At least 9 persons died and 15 resulted with burns.") == [
        ("people killed", "At least 9"), ("people injured", "15")]
    assert _keys("1,200 villagers were removed from areas of risk.") == [("civilians evacuated", "1,200")]
    assert _keys("The navy said 12 boats and more than 400 personnel had been sent.") == [
        ("boats deployed", "12"), ("rescue workers deployed", "more than 400")]
    assert _keys("Two fire engines responded.") == [("fire engines deployed", "Two")]


def test_rates_and_measures_are_no_claims():
    assert _keys("Volunteers have worked 16 hours a day since the flood.") == []
    assert _keys("The dam released thousands of cubic metres of water into the valley.") == []
    assert _keys("SIXTEEN day-trippers were hurt when the pier railing gave way.") == [("people injured", "SIXTEEN")]


def test_an_average_is_no_count():
    assert _keys("Some 300 messages carrying an average of four photos were sent in.") == []


def test_crowds_that_fill_a_place_or_hold_a_vigil():
    assert _keys("Some 15,000 people filled the cathedral square on Sunday.") == [("crowd size", "Some 15,000")]
    assert _keys("About 3,000 people flocked to the seafront to watch the air show.") == [("crowd size", "About 3,000")]
    assert _keys("Around 800 people held a candlelit vigil outside the school.") == [("crowd size", "Around 800")]
    # filling things is no crowd
    assert _keys("Volunteers filled more than 2,000 sandbags overnight.") == []
    # translated copy, the total first
    assert _keys("In total at the scene are working 70 persons and 12 units of equipment.") == [
        ("rescue workers deployed", "70"), ("vehicles deployed", "12")]


def test_freed_from_danger_is_a_rescue():
    assert _keys("Firefighters freed 6 people trapped under the collapsed roof.") == [("people rescued", "6")]
    assert _keys("Three miners were freed from the flooded mine on Monday.") == [("workers rescued", "Three")]
    # freed from captivity stays a release
    assert _keys("The kidnappers freed 14 hostages on Monday.") == [("hostages released", "14")]


def test_a_group_among_a_larger_count_shares_its_event():
    assert _keys("Three nurses were among 20 people taken to hospital.") == [
        ("rescue workers hospitalised", "Three"), ("people hospitalised", "20")]
    assert _keys("Two pupils were among the 9 people who died.") == [("children killed", "Two"), ("people killed", "9")]
    assert _keys("The number of people evacuated has doubled to 6,000.") == [("people evacuated", "6,000")]


def test_of_the_trapped_men_are_the_group_counted_trapped():
    history = claims_in_sentence("The collapse killed 6 miners and trapped 14 more.", "a", 0, REF)
    assert _keys("Rescuers reached five of the trapped men overnight and brought them out alive.", history) == [
        ("workers rescued", "five")]
    # no such state counted before: the men are people
    assert _keys("Rescuers reached five of the trapped men overnight and brought them out alive.") == [
        ("people rescued", "five")]


def test_a_count_so_far_of_an_event_named_by_its_day():
    tuesday = date(2024, 5, 14)
    assert _as_of("Sunday's storm has now killed 31 people, officials said on Tuesday.") == [("31", tuesday)]
    assert _as_of("The toll from Sunday's storm reached 31, officials said on Tuesday.") == [("31", tuesday)]
    assert _as_of("Sunday's storm killed 31 people, officials said on Tuesday.") == [("31", date(2024, 5, 12))]


def test_a_family_size_is_no_count():
    assert _keys("The 52-year-old father of four was killed when the scaffolding fell.") == []


def test_a_count_of_places_inside_the_phrase_is_no_claim():
    assert _keys("Four people in the two cars were killed.") == [("people killed", "Four")]
    assert _keys("Workers at the company's three plants went on strike.") == []


def test_pulled_out_or_extracted_is_a_rescue():
    assert _keys("BRAVE TEEN: Schoolboy, 15, pulls THREE from sinking car") == [("people rescued", "THREE")]
    assert _keys("Under the ruins the rescuers extracted 7 persons, among them 3 children.") == [
        ("people rescued", "7"), ("children rescued", "3")]
    assert _keys("Divers pulled two bodies from the harbour.") == [("people killed", "two")]


def test_a_verb_governs_the_count_listed_after_its_first_object():
    assert _keys("Detectives arrested the club's manager and three doormen on Friday.") == [("doormen detained", "three")]
    assert _keys("Police detained the factory's director and two engineers.") == [("workers detained", "two")]
    assert _keys("The crash killed the driver and four passengers.") == [("passengers killed", "four")]
    # a count with a verb of its own keeps it
    assert _keys("Troops shot the gunman and two bystanders were hurt.") == [("civilians injured", "two")]
    assert _keys("Nine guests were treated for burns and two, including a child, were taken to hospital.") == [
        ("people injured", "Nine"), ("people hospitalised", "two")]


def test_more_translated_phrasings():
    assert _keys("To the place arrived 35 firefighters and 8 ambulances.") == [
        ("rescue workers deployed", "35"), ("ambulances deployed", "8")]
    assert _keys("The injured were moved to the clinic, where 9 remain interned.") == [("people hospitalised", "9")]
    assert _keys("The police, with some 200 elements deployed, retook the square.") == [
        ("security forces deployed", "some 200")]


def test_forced_from_home_by_a_hazard_is_an_evacuation():
    assert _keys("THIRTY residents were forced from their homes after a gas leak in their street.") == [
        ("civilians evacuated", "THIRTY")]
    assert _keys("Fighting has forced 20,000 villagers from their homes.") == [("civilians displaced", "20,000")]


def test_responders_at_work_were_sent():
    assert _keys("Two lifeboats, a helicopter and three fishing boats took part in the search.") == [
        ("boats deployed", "Two"), ("boats deployed", "three")]
    assert _keys("About 80 firefighters spent the night at the warehouse.") == [("rescue workers deployed", "About 80")]
    assert _keys("There are 45 rescuers underground working in shifts.") == [("rescue workers deployed", "45")]
    # residents who spend the night away are displaced
    assert _keys("About 90 residents spent the night in the school gym.") == [("civilians displaced", "About 90")]
    assert _keys("Two of the injured were taken by air ambulance to Harwick General.") == [("people hospitalised", "Two")]


def test_hostages_who_walk_out_unharmed_are_released():
    assert _keys("The last four hostages walked out of the post office unharmed.") == [("hostages released", "four")]
    assert _keys("About 300 workers walked out on Monday.") == []
