"""Claim rules added in round 21 of issue #5, from the opened review18 and review19 sets (the sealed
blind20 and blind21), each a general rule for unseen news text (invented sentences)."""

from datetime import date

from helpers import claim_keys

REF = date(2025, 6, 11)


def _keys(text, history=None):
    return claim_keys(text, REF, history)


def test_translated_and_family_heads_join_their_groups():
    # translated copy names soldiers "militaries" and homes "habitations"
    assert _keys("The ministry sent 250 militaries to the flooded valley.") == [("troops deployed", "250")]
    assert _keys("About 300 habitations were destroyed by the landslide.") == [("homes destroyed", "About 300")]
    # tabloid and family words for children
    assert _keys("Three tots were pulled alive from the wreckage.") == [("children rescued", "Three")]
    assert _keys("Her four grandkids were injured in the blast.") == [("children injured", "four")]


def test_members_of_a_rescue_team_are_rescue_workers():
    assert _keys("Eighteen team members and a helicopter joined the search for the climber.")[0] == (
        "rescue workers deployed", "Eighteen")


def test_places_people_leave_are_no_counted_group():
    # the campsites and hotels are places, not what was counted
    assert _keys("Police ordered the evacuation of three campsites on the shore.") == []
    assert ("hotels evacuated", "two") not in _keys("About 90 guests were evacuated from two hotels near the fire.")


def test_a_bare_toll_among_a_group_counts_that_group():
    assert _keys("The shelling left at least four dead among the border guards, doctors said.") == [
        ("security forces killed", "at least four")]
    # each toll takes the group it is placed among, not the one before it
    assert _keys("The riot left 9 dead among the police and 40 injured among the protesters.") == [
        ("security forces killed", "9"), ("protesters injured", "40")]
    # a place is no group: the toll stays people
    assert _keys("Eleven were killed among the ruins of the old market.") == [("people killed", "Eleven")]


def _article_keys(text, published="2025-06-11"):
    from helpers import make_article

    from newsfuse.extract.claims import rule_claims
    from newsfuse.extract.speakers import ArticleContext

    return [(c.quantity, c.value) for c in rule_claims(make_article(text, published), ArticleContext())]


def test_a_named_group_released_in_a_hostage_story_are_hostages():
    story = ("Armed robbers took staff at a Lenmore jewellery shop hostage on Monday. "
             "All six shop workers were released unharmed late on Monday, police said.")
    assert ("hostages released", "six") in _article_keys(story)
    # without hostages in the story, released workers stay workers
    plain = ("A strike at the Lenmore depot ended on Monday. "
             "All six shop workers were released unharmed late on Monday, police said.")
    assert ("hostages released", "six") not in _article_keys(plain)


def test_an_earlier_captivity_keeps_its_group():
    story = ("Gunmen are holding 12 hostages at a ranch near Orvel, the army said on Tuesday. "
             "In March, another five engineers of the same firm were freed after two weeks of captivity.")
    assert ("hostages released", "five") not in _article_keys(story)


def test_the_hurt_sent_to_hospital_are_admissions():
    assert _keys("Nine people with burns were rushed to the district hospital.") == [("people hospitalised", "Nine")]
    # hurt and treated where they were: an injury count
    assert _keys("Nine people with burns were treated at the scene.") == [("people injured", "Nine")]


def test_people_blocked_below_ground_in_inverted_order_are_trapped():
    assert _keys("After the collapse under the ground were blocked 40 miners.") == [("workers trapped", "40")]
    # blocked on a road in the same order stays stranded
    assert _keys("On the mountain pass remain blocked 300 drivers.") == [("people stranded", "300")]


def test_the_learned_reader_keys_units_of_technique_as_vehicles():
    import numpy as np

    from newsfuse.extract import learned

    model = learned.default_model()
    text = "In the search take part 90 rescuers and 12 units of technique."
    cand = next(c for c in learned.candidates(text, REF) if c.mention.number == 12)
    assert model._key(cand, "deployed", np.zeros(len(model.group.classes_))) == "vehicles deployed"


def test_and_a_half_is_one_amount():
    from newsfuse.extract.numbers import find_numbers

    assert [(n.text, n.number) for n in find_numbers("The stand-off lasted nearly three and a half hours.")] == [
        ("nearly three and a half", 3.5)]
    assert _keys("The stand-off lasted nearly three and a half hours.") == [("duration hours", "nearly three and a half")]
    # a multiplier after it is not read as a half of a small number
    assert all(n.number != 2.5 for n in find_numbers("Some two and a half million people lost power."))
