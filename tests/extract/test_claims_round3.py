"""Claim rules added or narrowed in round 3 of issue #5 (invented sentences)."""

from datetime import date

from newsfuse.extract.claims import claims_in_sentence

from helpers import claim_keys
from newsfuse.extract.lexicon import event_of
from newsfuse.extract.numbers import find_numbers

REF = date(2024, 5, 15)  # a Wednesday


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_progressive_forms_come_from_listed_participles():
    assert event_of("evacuating") == "evacuated"
    assert event_of("destroying") == "destroyed"
    assert event_of("treating") == "injured"
    assert event_of("fling") is None  # short irregular participles ("fled") get no -ing form
    assert _keys("Medics reported treating dozens of marchers.") == [("protesters injured", "dozens")]
    assert _keys("Clinics said they were treating “dozens” of shoppers.") == [("people injured", "dozens")]  # patients and shoppers are people (majority of the sets)


def test_any_manner_of_dying():
    assert _keys("Five pilgrims were trampled to death at the shrine.") == [("civilians killed", "Five")]
    assert _keys("Two hikers froze to death overnight.") == []  # 'froze' is no participle: not guessed
    assert _keys("Two climbers were frozen to death near the summit.") == [("civilians killed", "Two")]


def test_unit_words_are_whole_words():
    assert [m.text for m in find_numbers("Nine football fans were hurt.")] == ["Nine"]
    assert [m.text for m in find_numbers("The wall is 9 feet high.")] == []
    assert [m.text for m in find_numbers("Three tonnes of aid arrived.")] == []


def test_passive_admission_and_hospital_destinations():
    assert _keys("Officials say 18 people have been admitted, four in a serious condition.") == [
        ("people hospitalised", "18")]
    assert _keys("The driver admitted two counts of dangerous driving.") == []
    assert _keys("The fumes sent 30 pupils to hospital.") == [("children hospitalised", "30")]
    assert _keys("The army sent 300 soldiers to the border.") == [("troops deployed", "300")]
    assert _keys("Of those, 12 adults needed hospital treatment.") == [("people hospitalised", "12")]


def test_people_put_up_away_from_home_are_displaced():
    assert _keys("About 2,000 villagers are living in tents near the river.") == [
        ("civilians displaced", "About 2,000")]
    assert _keys("Some 600 people were sleeping in schools and sports halls.") == [
        ("people displaced", "Some 600")]


def test_new_event_words_round3():
    assert _keys("At least 12 homes had collapsed by the morning.") == [("homes destroyed", "At least 12")]
    assert _keys("Forty spectators collapsed in the heat.") == []  # people are not destroyed
    assert _keys("Crews cleared about 300 cars stuck on the pass.") == [("vehicles stranded", "about 300")]  # cars are counted as vehicles
    assert _keys("The ministry announced the deployment of 3 thousand soldiers.") == [("troops deployed", "3 thousand")]
    assert _keys("Four elderly climbers were airlifted off the glacier.") == [("civilians evacuated", "Four")]


def test_from_alone_is_not_a_range_and_modifiers_keep_the_subject():
    assert [m.text for m in find_numbers("people from 11 villages")] == ["11"]
    assert [m.text for m in find_numbers("from 20 to 30 people")] == ["from 20 to 30"]
    assert _keys("About 9,000 people from 14 hamlets on the northern slopes have been evacuated.") == [
        ("people evacuated", "About 9,000")]


def test_relative_clause_after_a_prepositional_count():
    assert _keys("Divers are searching for 12 fishermen who remain missing.") == [("workers missing", "12")]
    assert _keys("Pupils at two schools were sent home.") == []


def test_including_aside_lends_no_group():
    assert _keys("Officials say 40 people died, including six children, and more than 90 were hurt.") == [
        ("people killed", "40"), ("children killed", "six"), ("people injured", "more than 90")]


def test_unknown_heads_drop_adjectives_keep_compounds():
    assert _keys("The council sent 25 heavy diggers to the site.") == [("diggers deployed", "25")]
    assert _keys("The navy deployed six military helicopters.") == [("helicopters deployed", "six")]
    assert _keys("The brigade sent 12 fire engines to the blaze.") == [("fire engines deployed", "12")]


def test_hedged_generic_head_is_suspects():
    assert _keys("Police arrested 14 suspected members of a smuggling ring.") == [("suspects detained", "14")]
    assert _keys("Police arrested 14 suspected smugglers.") == [("smugglers detained", "14")]


def test_restated_toll_and_number_of():
    hist = claims_in_sentence("At least 20 people were killed in the blast.", "a", 0, REF)
    assert _keys("A rights group puts the death toll higher, at between 25 and 31.", history=hist) == [
        ("people killed", "between 25 and 31")]
    assert _keys("Police put the number of protesters in the square on Tuesday at 40,000.") == [
        ("crowd size", "40,000")]


def test_bodies_of_others_are_people():
    assert _keys("Crews pulled three miners out alive and recovered the bodies of four others.") == [
        ("workers rescued", "three"), ("people killed", "four")]


def test_of_them_without_antecedent_uses_the_article():
    hist = claims_in_sentence("The smoke sent 40 residents to hospital.", "a", 0, REF)
    assert hist[0].quantity == "civilians hospitalised"
    assert _keys("Fewer than ten of them were still in hospital on Friday.", history=hist) == [
        ("civilians hospitalised", "Fewer than ten")]
    assert _keys("Fewer than ten of them were still in hospital on Friday.") == [
        ("people hospitalised", "Fewer than ten")]


def test_crowd_at_a_venue():
    assert _keys("Some 30,000 fans were inside the stadium when the lights failed.") == [
        ("crowd size", "Some 30,000")]
    assert _keys("About 15,000 people were on the festival site on Friday.") == [("crowd size", "About 15,000")]
    assert _keys("Forty workers were on the building site.") == []


def test_taking_part_in_an_operation_is_a_deployment():
    assert _keys("Some 350 police officers took part in the raid.") == [("security forces deployed", "Some 350")]


def test_asked_for_release_is_no_event():
    assert _keys("The gunmen are demanding the release of 15 rebels held in the city jail.") == []
    assert _keys("The rebels freed 15 hostages.") == [("hostages released", "15")]


def test_a_part_of_the_same_group_is_not_a_rival_figure():
    # the two are among the 14, not a second death toll for the same group
    assert _keys("The toll rose to 14 miners, including two who were crushed by the roof.") == [
        ("workers killed", "14")]
    # a part with a group of its own is still counted
    assert ("children killed", "three") in _keys("Nine people died, including three children.")


def test_a_bare_count_inside_a_quote_borrows_no_group_from_earlier():
    earlier = claims_in_sentence("Police said 30 gunmen were killed in the raid.", "a", 0, REF)
    assert [c.quantity for c in earlier] == ["attackers killed"]
    quoted = claims_in_sentence("“We saw it all. About 10 were killed,” a shopkeeper said.", "a", 1, REF,
                                history=earlier)
    assert [(c.quantity, c.value) for c in quoted] == [("people killed", "About 10")]
    # outside a quote the bare count still continues the article's group
    plain = claims_in_sentence("Later another 10 were killed.", "a", 1, REF, history=earlier)
    assert [c.quantity for c in plain] == ["attackers killed"]
