"""QA pass: a figure in a contrastive or separate clause that names its own counter in the passive
("recorded by hospitals") is credited to that counter or to no one, never to the other clause's source.
Invented sentences."""

from datetime import date

import pytest

from newsfuse.extract.claims import claims_in_sentence
from newsfuse.extract.speakers import counted_by

REF = date(2031, 4, 2)


def _sources(text: str) -> dict[str, str | None]:
    return {c.value: c.attribution for c in claims_in_sentence(text, "a", 0, REF)}


@pytest.mark.parametrize("text, counter", [
    ("Kanal Nord reported 20 killed, while the number of injured recorded by hospitals reached 40.", "hospitals"),
    ("Kanal Nord reported 20 killed, whereas 40 injured were recorded by hospitals.", "hospitals"),
    ("Kanal Nord reported 20 killed; 40 injured were counted by clinics in the valley.", "clinics"),
    ("The number of injured recorded by hospitals reached 40, while Kanal Nord reported 20 killed.", "hospitals"),
    ("Kanal Nord reported 20 killed, while 40 injured were registered by the Ministry of Health and Social Affairs "
     "on Monday.", "the Ministry of Health and Social Affairs"),
])
def test_a_clause_naming_its_counter_takes_that_counter(text, counter):
    got = _sources(text)
    assert got["20"] == "Kanal Nord", got
    assert got["40"] == counter, got


def test_a_counter_that_names_nobody_leaves_the_figure_unattributed():
    got = _sources("Kanal Nord reported 20 killed, while 40 injured were counted by them.")
    assert got == {"20": "Kanal Nord", "40": None}, got


@pytest.mark.parametrize("text", [
    "Police said 20 were killed and 40 injured.",
    "Police said 20 were killed, while 40 were injured.",  # no counter of its own: the sentence's source
    "Police said 20 were killed, while 40 injured were recorded by 3 pm.",  # "by" a time names no one
    "Police said 20 were killed, while 40 injured were recorded by Monday evening.",
])
def test_without_a_counter_of_its_own_the_clause_keeps_the_sentence_source(text):
    got = _sources(text)
    assert set(got.values()) == {"Police"}, got


def test_a_speaker_in_the_clause_still_comes_first():
    got = _sources("Kanal Nord reported 20 killed, while the ministry said 40 injured were recorded by hospitals.")
    assert got == {"20": "Kanal Nord", "40": "the ministry"}, got


@pytest.mark.parametrize("text, expected", [
    ("40 were killed by police", (False, None)),  # the doer of the deed, no counter
    ("\u201c40 were counted by us,\u201d she said", (False, None)),  # inside a quotation
    ("40 injured were recorded by the coast guard overnight", (True, "the coast guard")),
])
def test_counted_by(text, expected):
    assert counted_by(text) == expected
