"""Where the learned claim reader may not add a figure whatever its probability (learned.untrusted).
Invented sentences only."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import make_article

import newsfuse.extract.learned as learned
from newsfuse.extract.claims import extract_claims

REF = date(2024, 3, 5)


def _cand(text: str, value: str) -> learned.Candidate:
    return next(c for c in learned.candidates(text, REF) if c.mention.text == value)


@pytest.mark.parametrize("text, value, why", [
    ("Two of the nurses stayed behind to help the injured.", "Two", "part"),
    ("The charity filed 30 complaints, 12 of which concern the camp.", "12", "part"),
    ("Seven out of ten of the dead were over 80.", "Seven", "part"),
    ("One aid worker said the road was still blocked.", "One", "one"),
    ("About 4,000 soldiers will guard the summit next week.", "About 4,000", "unreal"),
    ("If the dam fails, hundreds of villagers could be cut off.", "hundreds", "unreal"),
    ("A fisherman and his three sons were buried on Friday.", "three", "family"),
    ("She lost her home and two cousins in the storm.", "two", "family"),
    ("A cyclist, 61, was hurt when a lorry hit him.", "61", "age"),
])
def test_untrusted_readings(text, value, why):
    assert learned.untrusted(_cand(text, value), "people killed") == why


def test_key_no_label_taught():
    c = _cand("Rangers seized 14 crates at the border post.", "14")
    assert learned.untrusted(c, "crates rescued", keys={"people rescued"}) == "key"
    assert learned.untrusted(c, "people rescued", keys={"people rescued"}) is None
    assert learned.untrusted(c, "crates rescued", keys=None) is None  # a model without its keys: no gate


@pytest.mark.parametrize("text, value", [
    ("About 30 firefighters were called to the warehouse shortly after midnight.", "About 30"),
    ("Police held 25 people after the match.", "25"),
    ("Some 200 residents were moved out of the valley on Tuesday.", "Some 200"),
])
def test_trusted_readings(text, value):
    assert learned.untrusted(_cand(text, value), "people evacuated") is None


def test_model_knows_its_keys():
    assert "people killed" in learned.default_model().keys


def test_gates_switch(monkeypatch):
    text = "About 4,000 soldiers will guard the summit next week, officials said."
    monkeypatch.setenv("NEWSFUSE_LEARNED_CLAIMS", "1")
    cands = learned.unclaimed(text, REF, [])
    p = [x[0] for x in learned.default_model().predict(cands)]
    monkeypatch.setenv("NEWSFUSE_LEARNED_GATES", "0")
    ungated = learned.accepted(cands, threshold=0.0)
    monkeypatch.setenv("NEWSFUSE_LEARNED_GATES", "1")
    assert learned.accepted(cands, threshold=0.0) == []
    assert len(ungated) == sum(x >= 0.0 for x in p) > 0


def test_no_addition_in_a_forecast(monkeypatch):
    monkeypatch.setenv("NEWSFUSE_LEARNED_CLAIMS", "1")
    text = "Organisers said about 30 firefighters would be called to the warehouse if the fire spread."
    art = make_article(text, "2024-03-05")
    assert all(c.value != "about 30" for c in extract_claims(art))


@pytest.mark.parametrize("text, value, key, why", [
    ("Of the 40 people hurt in the crash, 12 were pupils.", "12", "children injured", "part"),
    ("The flood wrecked thousands of farmers' fields along the river.", "thousands", "people displaced", "part"),
    ("The reporter was chased by three armed guards outside the depot.", "three", "security forces injured", "agent"),
    ("The fans came on seven old lorries from the north.", "seven", "crowd size", "key"),
])
def test_more_untrusted_readings(text, value, key, why):
    assert learned.untrusted(_cand(text, value), key) == why


def test_crowd_of_people_is_trusted():
    c = _cand("Some 9,000 supporters filled the square before noon.", "Some 9,000")
    assert learned.untrusted(c, "crowd size") is None
