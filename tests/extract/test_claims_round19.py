"""Round 19: error classes found auditing claims on real coverage (invented sentences only)."""
from helpers import make_article

from newsfuse.extract.claims import extract_claims
from newsfuse.extract.numbers import find_numbers
from newsfuse.extract.speakers import ArticleContext


def _keys(*sentences: str) -> list[tuple[str, float | None]]:
    """(key, number) of each claim of an invented article, the learned reader included."""
    art = make_article(" ".join(sentences), published="2025-03-04")
    return [(c.quantity, c.number) for c in extract_claims(art, ArticleContext())]


def test_half_a_dozen_is_six():
    assert [n.number for n in find_numbers("Rioters torched half a dozen police posts and a dozen cars.")] == [6.0, 12.0]


def test_servicewomen_are_troops():
    keys = _keys("A total of 12 servicewomen have died in the campaign and 90 have been wounded.")
    assert ("troops killed", 12.0) in keys and ("troops injured", 90.0) in keys


def test_a_group_after_missing_is_kept():
    assert ("workers missing", 9.0) in _keys("Divers resumed the search for nine missing miners near Tolvik.")
    assert ("children missing", 4.0) in _keys("Four missing children were found in the woods near Tolvik.")


def test_a_population_is_no_count_of_the_event():
    assert not any(n == 40000.0 for _, n in _keys("Much of the town's 40,000-strong population has been fleeing east."))


def test_an_hour_before_a_noun_describes_it():
    assert not any(k == "duration hours" for k, _ in _keys("The council opened a 24 hour helpline for flooded families."))
    assert ("duration hours", 24.0) in _keys("Crews fought the blaze for 24 hours before it was out.")


def test_online_members_and_posts_are_no_crowd():
    assert not any(k == "crowd size" for k, _ in _keys("The campaign's Facebook page has attracted over 6,000 members."))
    assert not any(k == "crowd size" for k, _ in _keys("The forum attracted hundreds of posts within a day."))
    assert ("crowd size", 3000.0) in _keys("The union drew 3,000 members to a rally in the park.")


def test_a_count_that_did_not_happen_is_no_claim():
    assert not any(k == "people killed" for k, _ in _keys("An assault on the port would have killed thousands, the colonel said."))
    assert not any(k == "people killed" for k, _ in _keys("Aid groups warned the final toll could run into thousands."))
    assert ("people trapped", 40.0) in _keys("Police said 40 people could be trapped under the rubble.")
