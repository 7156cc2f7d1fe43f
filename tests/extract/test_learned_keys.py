"""The learned second opinion on the rules' quantity keys (extract.learned.corrected_key), off by
default. Invented sentences only."""

from __future__ import annotations

import pytest
from helpers import make_article

import newsfuse.extract.learned as learned
from newsfuse.extract.claims import extract_claims

OFF = (None, None, None, None)


def _op(p=0.9, ev="killed", p_ev=0.5, grp="people", p_grp=0.5):
    return (p, ev, p_ev, grp, p_grp)


def test_off_keeps_the_rules_key():
    assert learned.corrected_key("civilians killed", _op(p=0.0, ev="injured", p_ev=1.0, grp="troops", p_grp=1.0),
                                 OFF) == "civilians killed"


def test_a_sure_group_replaces_the_rules_group_only():
    t = (None, None, 0.8)
    assert learned.corrected_key("civilians injured", _op(grp="people", p_grp=0.85), t) == "people injured"
    assert learned.corrected_key("civilians injured", _op(grp="people", p_grp=0.75), t) == "civilians injured"
    # the event model's opinion is not asked for here, however sure
    assert learned.corrected_key("civilians injured", _op(ev="killed", p_ev=0.99, grp="people", p_grp=0.85),
                                 t) == "people injured"


def test_a_head_word_the_lexicon_does_not_know_has_its_own_threshold():
    t = (None, None, None, 0.6)
    assert learned.corrected_key("skaters rescued", _op(grp="people", p_grp=0.65), t) == "people rescued"
    assert learned.corrected_key("skaters rescued", _op(grp="people", p_grp=0.55), t) == "skaters rescued"
    # a lexicon group is left alone at this setting, however sure the model
    assert learned.corrected_key("civilians rescued", _op(grp="people", p_grp=0.99), t) == "civilians rescued"


def test_a_sure_event_replaces_the_rules_event():
    t = (None, 0.8, None)
    assert learned.corrected_key("people killed", _op(ev="injured", p_ev=0.9), t) == "people injured"
    assert learned.corrected_key("people killed", _op(ev="injured", p_ev=0.7), t) == "people killed"


def test_a_sure_no_claim_is_dropped():
    t = (0.2, None, None)
    assert learned.corrected_key("people detained", _op(p=0.1), t) is None
    assert learned.corrected_key("people detained", _op(p=0.3), t) == "people detained"


@pytest.mark.parametrize("key", ["crowd size", "duration hours"])
def test_crowds_and_durations_are_left_alone(key):
    assert learned.corrected_key(key, _op(ev="killed", p_ev=1.0, grp="people", p_grp=1.0), (None, 0.5, 0.5)) == key


@pytest.mark.parametrize("raw, want", [
    (None, None), ("", None), (",,", None), ("0.2,,0.8", (0.2, None, 0.8, 0.8)), ("x,y", None),
    (",0.9", (None, 0.9, None, None)), (",,,0.6", (None, None, None, 0.6)), ("0.05,0.8,0.8,0.6", (0.05, 0.8, 0.8, 0.6)),
])
def test_the_switch(raw, want, monkeypatch):
    if raw is None:
        monkeypatch.delenv("NEWSFUSE_LEARNED_KEYS", raising=False)
    else:
        monkeypatch.setenv("NEWSFUSE_LEARNED_KEYS", raw)
    assert learned.correcting() == want


TEXT = ("At least 14 factory workers were killed and 30 injured when the roof gave way, police said. "
        "The owner said 200 staff had been on the night shift.")


def _keys(monkeypatch, keys: str | None):
    monkeypatch.setenv("NEWSFUSE_LEARNED_CLAIMS", "1")
    if keys is None:
        monkeypatch.delenv("NEWSFUSE_LEARNED_KEYS", raising=False)
    else:
        monkeypatch.setenv("NEWSFUSE_LEARNED_KEYS", keys)
    return [(c.quantity, c.event, c.value) for c in extract_claims(make_article(TEXT, "2024-03-05"))]


def test_default_is_off_and_an_unsure_corrector_changes_nothing(monkeypatch):
    default = _keys(monkeypatch, None)
    assert ("workers killed", "killed", "At least 14") in default
    # thresholds above any probability: the rules' claims come back unchanged
    assert _keys(monkeypatch, "0,1.01,1.01") == default


def test_a_corrector_that_is_always_sure_rewrites_keys_and_events_together(monkeypatch):
    got = _keys(monkeypatch, ",0,0")
    assert len(got) == len(_keys(monkeypatch, None))
    for quantity, event, _value in got:
        assert quantity.endswith(" " + event) or quantity in ("crowd size", "duration hours")


def test_a_corrector_that_drops_everything_leaves_the_learned_additions(monkeypatch):
    """Dropping applies to the rules' own claims only."""
    monkeypatch.setenv("NEWSFUSE_LEARNED_CLAIMS", "1")
    monkeypatch.delenv("NEWSFUSE_LEARNED_KEYS", raising=False)
    art = make_article(TEXT, "2024-03-05")
    from newsfuse.extract.claims import rule_claims
    n_rules = len(rule_claims(art))
    n_all = len(extract_claims(art))
    monkeypatch.setenv("NEWSFUSE_LEARNED_KEYS", "1.01,,")
    assert len(extract_claims(make_article(TEXT, "2024-03-05"))) == n_all - n_rules
