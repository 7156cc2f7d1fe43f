"""The learned claim reader (extract.learned): what it adds to the rules, and what it never does.
Invented sentences only."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import make_article

import newsfuse.extract.learned as learned
from newsfuse.extract.claims import extract_claims, rule_claims

REF = date(2024, 3, 5)


def _claims(text: str, monkeypatch, on: bool = True):
    monkeypatch.setenv("NEWSFUSE_LEARNED_CLAIMS", "1" if on else "0")
    return [(c.quantity, c.value) for c in extract_claims(make_article(text, "2024-03-05"))]


@pytest.mark.parametrize("text, want", [
    ("About 30 firefighters were called to the warehouse shortly after midnight.",
     ("rescue workers deployed", "About 30")),
    ("Police held 25 people after the match.", ("people detained", "25")),
])
def test_adds_a_figure_the_rules_miss(text, want, monkeypatch):
    assert want not in [(c.quantity, c.value) for c in rule_claims(make_article(text, "2024-03-05"))]
    assert want in _claims(text, monkeypatch)


def test_switch_off_gives_the_rules_alone(monkeypatch):
    text = "About 30 firefighters were called to the warehouse shortly after midnight."
    assert _claims(text, monkeypatch)
    assert _claims(text, monkeypatch, on=False) == [
        (c.quantity, c.value) for c in rule_claims(make_article(text, "2024-03-05"))]


def test_keeps_every_rule_claim(monkeypatch):
    text = "At least 14 people were killed and 30 injured when the bus overturned, police said."
    rules = [(c.quantity, c.value) for c in rule_claims(make_article(text, "2024-03-05"))]
    assert rules and set(rules) <= set(_claims(text, monkeypatch))


@pytest.mark.parametrize("text", [
    "In 2019 the 54-year-old donated $4,000 and 30% of his savings to the clinic.",
    "The bridge, built in 1968, is 420 metres long and carries a speed limit of 40 mph.",
    "Jon Pell, 61, said he had paid £2,500 for the boat in March 2011.",
])
def test_never_fires_on_years_ages_money_or_measures(text, monkeypatch):
    assert _claims(text, monkeypatch) == []


def test_an_event_outside_the_list_is_not_keyed():
    """'suspended' is no listed event: even a confident 'is a claim' gets no key."""
    text = "Twelve students were suspended after the brawl, the school said."
    assert learned.added_claims(text, REF, []) == []


def test_a_number_the_rules_claimed_is_left_alone():
    text = "Police held 25 people after the match."
    assert learned.added_claims(text, REF, [])
    fake = [type("C", (), {"quantity": "people detained", "event": "detained", "number": 25.0, "low": None,
                           "high": None, "vague": False})()]
    assert learned.added_claims(text, REF, fake) == []


def test_training_is_deterministic():
    pairs = []
    for name in ("tune", "test"):
        pairs += learned.labelled_candidates(learned.load_rows(name))
    cands = learned.candidates("Coastguards brought 23 people to safety from the dinghy.", REF)
    a = learned.train(pairs).predict(cands)
    b = learned.train(pairs).predict(cands)
    assert a == b


def test_only_development_sets_train_it():
    assert "blind" not in learned.TRAIN_SETS
    with pytest.raises(ValueError):
        learned.load_rows("blind")


def test_a_number_too_big_for_a_float_is_no_candidate():
    from newsfuse.extract.learned import candidates

    text = "The ledger listed 1" + ",000" * 103 + " tokens and 12 people were hurt, officials said."
    assert all(c.mention.number is None or c.mention.number < 1e300 for c in candidates(text, None))


def test_concurrent_first_use_trains_one_model():
    import threading

    from newsfuse.extract import learned

    learned._trained.cache_clear()  # as in a fresh server process
    got = []
    threads = [threading.Thread(target=lambda: got.append(learned.default_model())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(m) for m in got}) == 1


def test_the_cached_weights_predict_exactly_what_the_trained_model_does(tmp_path):
    pairs = []
    for name in ("tune", "test"):
        pairs += learned.labelled_candidates(learned.load_rows(name))
    model = learned.train(pairs)
    learned._save(model, tmp_path / "m.npz")
    frozen = learned._load(tmp_path / "m.npz")
    cands = learned.candidates("Coastguards brought 23 people to safety and 4 were missing.", REF)
    cands += learned.candidates("Police held 25 people after the match.", REF)
    assert frozen.predict(cands) == model.predict(cands)


def test_the_cache_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("NEWSFUSE_CACHE_DIR", "off")
    assert learned._cache_path() is None
