"""Round 20: error classes found auditing claims on real coverage (invented sentences only)."""
from helpers import make_article

from newsfuse.extract.claims import extract_claims
from newsfuse.extract.speakers import ArticleContext


def _keys(*sentences: str) -> list[tuple[str, float | None]]:
    """(key, number) of each claim of an invented article, the learned reader included."""
    art = make_article(" ".join(sentences), published="2025-03-04")
    return [(c.quantity, c.number) for c in extract_claims(art, ArticleContext())]


def _durations(*sentences: str) -> list[float | None]:
    return [n for k, n in _keys(*sentences) if k == "duration hours"]


def test_a_journey_is_no_duration_of_the_event():
    assert _durations("Marta said she and her cousins drove five hours across the hills to join the vigil.") == []
    assert _durations("Relief teams reached Dunmore, a village about two hours from Keldon, on Monday.") == []
    assert _durations("It took the convoy over six hours to get through the flooded valley.") == []
    assert _durations("The fire in the depot burned for nine hours before crews put it out.") == [9.0]


def test_the_hours_someone_watched_are_a_frame():
    assert _durations("In the three hours I spent at the clinic, nurses treated dozens of burns.") == []
    assert _durations("In the four hours that followed the blast, rumours spread across the city.") == []
    assert _durations("Rescuers dug in the rubble for four hours that night.") == [4.0]


def test_a_ratio_is_no_count():
    keys = _keys("The cholera toll in the valley is almost 40 times the number of people killed by the storm.")
    assert not any(n == 40.0 for _, n in keys)
    assert not any(n == 3.0 for _, n in _keys("Three times as many people died in the second wave, officials said."))
