from newsfuse.eval.extract_eval import evaluate, load


def test_labelled_set_is_large_enough():
    rows = load()
    assert len(rows) >= 150
    assert len({r["style"] for r in rows}) >= 4


def test_extract_eval_metrics_in_range_and_above_floors():
    res = evaluate()
    for name in ("claims", "quotes", "dates"):
        for k in ("precision", "recall"):
            assert 0.0 <= res[name][k] <= 1.0
    assert res["claims"]["precision"] >= 0.8 and res["claims"]["recall"] >= 0.75
    assert res["quotes"]["speaker_accuracy"] >= 0.8
    assert res["dates"]["recall"] >= 0.8
