"""Round 18: error classes found auditing claims on real coverage (invented sentences only)."""
from helpers import make_article

from newsfuse.extract.claims import extract_claims
from newsfuse.extract.speakers import ArticleContext


def _keys(*sentences: str) -> list[tuple[str, float | None]]:
    """(key, number) of each claim of an invented article, the learned reader included."""
    art = make_article(" ".join(sentences), published="2025-03-04")
    return [(c.quantity, c.number) for c in extract_claims(art, ArticleContext())]


def test_hours_into_is_a_time_not_a_length():
    assert ("duration hours", 3.0) not in _keys("About three hours into the march, the column was halted by police.")


def test_hours_before_is_a_time_unless_it_says_for_how_long():
    assert ("duration hours", 6.0) not in _keys("The crew left the platform six hours before the tank exploded.")
    assert ("duration hours", 6.0) not in _keys("The crew abandoned the platform; they left it some six hours before the tank blew up.")
    assert ("duration hours", 5.0) in _keys("The driver was pinned there for five hours before firefighters freed him.")


def test_an_hour_north_of_a_town_is_a_distance():
    assert not any(k == "duration hours" for k, _ in _keys(
        "The convoy stopped at a depot about an hour north of Marlow to refuel."))


def test_a_deadline_in_hours_is_no_length():
    assert ("duration hours", 48.0) not in _keys("Regulators said the operator had 48 hours to submit a repair plan.")


def test_the_learned_reader_does_not_add_back_a_window_or_a_time_since():
    assert not any(k == "duration hours" for k, _ in _keys(
        "Rescuers in Varn said 14 people had died over the last 24 hours."))
    assert not any(n == 6.0 for _, n in _keys(
        "A reporter for a weekly paper was killed six days after he was seized near the border."))


def test_ages_in_a_list_of_survivors():
    keys = _keys("Anna Brel, 31 - rescued after four days Tomas Vik, 72 - pulled out after six days.")
    assert not any(n in (31.0, 72.0) for _, n in keys)


def test_a_quake_magnitude_is_no_toll():
    keys = _keys("Aid planes landed in Dorvan, where officials fear a 6.4-magnitude tremor killed thousands of people.")
    assert not any(n == 6.4 for _, n in keys)
    assert any(k == "people killed" for k, _ in keys)


def test_a_length_said_with_for_or_lasted_keeps_its_after_or_before():
    assert ("duration hours", 4.0) in _keys("The shelling lasted about four hours before a truce took hold.")
    assert ("duration hours", 3.0) in _keys("Commuters were stuck for up to three hours after the line flooded.")


def test_hours_after_the_start_stay_a_length():
    assert ("duration hours", 10.0) in _keys("Families returned to the estate at dusk, about ten hours after they were moved out.")
    assert ("duration hours", 2.0) in _keys("Some 80 cars stayed blocked on the pass during more than two hours before they could turn back.")


def test_one_persons_age_without_aged_is_no_count():
    assert not any(n == 19.0 for _, n in _keys("The medic was from Tarrow. She was 19 and died when her ambulance was hit.",))
    assert not any(n == 31.0 for _, n in _keys("Though only 31 when he died, the volunteer had run the shelter for years."))


def test_a_nationality_after_a_plain_adjective_is_people():
    keys = _keys("The general is blamed for the killing of 250 innocent Moldavians during the crackdown.")
    assert ("people killed", 250.0) in keys


def test_hospitalisations_are_people_in_hospital():
    keys = _keys("Officials counted 9,100 cases of the fever, with 14 deaths and 430 hospitalisations.")
    assert ("people hospitalised", 430.0) in keys


def test_a_toll_that_ticks_up_to_a_figure_is_that_figure():
    from newsfuse.extract.numbers import find_numbers

    m = [n for n in find_numbers("The confirmed toll ticked up to 37 as tests came back.") if n.number == 37.0]
    assert m and m[0].qualifier is None


def test_an_age_after_at_the_age_of_or_aged_is_no_count():
    # the learned reader read a lone "died ... at the age of 50" as 50 people killed
    assert _keys("The poet died at her flat in Marrow on 3 May last year at the age of 58.") == []
    assert all(n != 64.0 for _, n in _keys("A man aged 64 was among the three people killed in the blast."))


def test_the_learned_reader_leaves_a_count_whose_event_word_has_its_own_number():
    # "infected N people ... and killed M": only M were killed
    assert _keys("Since March the fever has infected 640 people in nine districts and killed 31.") == [
        ("people killed", 31.0)]
    assert _keys("Health officials said the outbreak had sickened 500 villagers and killed 12.") == [
        ("civilians killed", 12.0)]
    assert _keys("In 1998 a fever outbreak in the delta made over 300 people sick for weeks and killed one.") == [
        ("people killed", 1.0)]
