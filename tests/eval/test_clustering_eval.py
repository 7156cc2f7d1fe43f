"""Clustering metrics on hand-made cases, and a small T17 smoke run."""

import pytest

from newsfuse.eval.clustering import bcubed, detokenise, evaluate_t17_clustering, pairwise


def test_bcubed_and_pairwise_hand_cases():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": "x", "b": "y", "c": "y"}, gold) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert pairwise({"a": "x", "b": "y", "c": "y"}, gold) == pytest.approx((0.0, 0.0, 0.0))
    one = {"a": "x", "b": "x", "c": "x"}
    assert bcubed(one, gold) == pytest.approx((5 / 9, 1.0, 5 / 7))
    assert pairwise(one, gold) == pytest.approx((1 / 3, 1.0, 0.5))
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)


def test_detokenise():
    assert detokenise("Mexico 's flu , `` bad '' -LRB- WHO -RRB- .") == 'Mexico\'s flu, "bad" (WHO).'


def test_t17_small_subset(shared_dir):
    res = evaluate_t17_clustering(shared_dir / "data" / "t17", limit_per_topic=15, seed=1)
    assert res["articles"] == 15 * res["topics"]
    for key in ("story_bcubed", "storyline_bcubed", "storyline_pairwise"):
        assert all(0.0 <= v <= 1.0 for v in res[key].values())
    assert res["storylines"] <= res["stories"]
