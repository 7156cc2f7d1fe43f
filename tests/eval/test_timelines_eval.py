"""Timeline metrics sanity, the T17 harness shape on a small slice, and the CLI wiring."""

from __future__ import annotations

import json
from datetime import date

import pytest

pytest.importorskip("tilse")

from newsfuse.eval.t17 import detokenise  # noqa: E402
from newsfuse.eval.timelines import evaluate_timeline, format_report, run  # noqa: E402


REF = {
    date(2010, 4, 20): ["An explosion on the Deepwater Horizon rig kills 11 workers ."],
    date(2010, 7, 15): ["BP says the leaking well has been capped ."],
}


def test_identical_timelines_score_one():
    s = evaluate_timeline(REF, REF)
    assert s["date"]["f_score"] == pytest.approx(1.0)
    assert s["rouge_1"]["f_score"] == pytest.approx(1.0)
    assert s["rouge_2"]["f_score"] == pytest.approx(1.0)


def test_disjoint_timelines_score_zero():
    pred = {
        date(2011, 1, 1): ["Completely unrelated words appear here ."],
        date(2011, 2, 1): ["Nothing overlaps with the reference text ."],
    }
    s = evaluate_timeline(pred, REF)
    assert s["date"]["f_score"] == 0.0
    assert s["rouge_1"]["f_score"] == 0.0
    assert s["rouge_2"]["f_score"] == 0.0


def test_half_the_dates_right():
    pred = {date(2010, 4, 20): REF[date(2010, 4, 20)], date(2010, 5, 1): ["Other text here ."]}
    s = evaluate_timeline(pred, REF)
    assert s["date"]["precision"] == pytest.approx(0.5)
    assert s["date"]["recall"] == pytest.approx(0.5)
    assert 0.0 < s["rouge_1"]["f_score"] < 1.0


def test_empty_prediction_scores_zero_instead_of_crashing():
    s = evaluate_timeline({}, REF)
    assert s["date"]["f_score"] == 0.0 and s["rouge_1"]["f_score"] == 0.0


def test_date_model_learns_which_feature_marks_reference_days():
    pytest.importorskip("sklearn")
    import numpy as np

    from newsfuse.eval.timelines import train_date_model
    from newsfuse.fuse.timeline import FEATURES

    rng = np.random.default_rng(0)
    examples = []
    for _ in range(5):
        X = rng.random((40, len(FEATURES)))
        y = (X[:, FEATURES.index("docs_after")] > 0.6).astype(int)  # only this feature matters
        examples.append((X, list(y)))
    model = train_date_model(examples)
    assert set(FEATURES) <= set(model)
    assert max(FEATURES, key=lambda f: model[f]) == "docs_after"


def test_detokenise_undoes_ptb_tokens():
    assert detokenise("Mexico 's `` full pandemic '' ( 5 % ) , he said .") == (
        'Mexico\'s "full pandemic" (5%), he said.'
    )
    assert detokenise("They do n't know .") == "They don't know."


@pytest.mark.shared
def test_t17_harness_on_small_topic(shared_dir):
    t17 = shared_dir / "data" / "t17"
    if not (t17 / "H1N1_guardian").is_dir():
        pytest.skip("T17 not present")
    res = run(data_dir=t17, topics=["H1N1_guardian"], limit=15, date_ranker="hand")
    assert res["timelines"] == 1
    row = res["rows"][0]
    assert row["topic"] == "H1N1_guardian" and row["articles"] <= 15
    for system in ("newsfuse", "baseline"):
        sc = row["systems"][system]
        assert 1 <= sc["pred_dates"] <= row["ref_dates"]
        for metric in ("rouge_1", "rouge_2", "date"):
            for k in ("precision", "recall", "f_score"):
                assert 0.0 <= sc[metric][k] <= 1.0
        for metric in ("rouge_1", "rouge_2", "date"):
            assert 0.0 <= res["average"][system][metric] <= 1.0
    assert set(res["ratio_to_baseline"]) == {"rouge_1", "rouge_2", "date"}
    text = format_report(res)
    assert "H1N1_guardian#0" in text and "Date-F1" in text
    json.dumps(res)  # the --json output must serialise


@pytest.mark.shared
def test_cli_timelines_json(shared_dir):
    typer_testing = pytest.importorskip("typer.testing")
    from newsfuse.eval.commands import app

    t17 = shared_dir / "data" / "t17"
    if not (t17 / "H1N1_guardian").is_dir():
        pytest.skip("T17 not present")
    out = typer_testing.CliRunner().invoke(
        app, ["timelines", "--topics", "H1N1_guardian", "--limit", "10", "--json",
              "--data", str(t17), "--date-ranker", "hand"]
    )
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert res["timelines"] == 1 and res["limit"] == 10


def test_cli_has_every_eval_command():
    typer_testing = pytest.importorskip("typer.testing")
    from newsfuse.eval.commands import app

    out = typer_testing.CliRunner().invoke(app, ["--help"])
    assert out.exit_code == 0
    for name in ("timelines", "summaries", "speed", "extraction", "clustering", "extract"):
        assert name in out.output
    for name in ("timelines", "summaries", "speed"):
        sub = typer_testing.CliRunner().invoke(app, [name, "--help"])
        assert sub.exit_code == 0 and "--limit" in sub.output and "--json" in sub.output


def test_date_model_weighs_each_timeline_equally():
    """One long timeline must not outvote several short ones."""
    pytest.importorskip("sklearn")
    import numpy as np

    from newsfuse.eval.timelines import train_date_model
    from newsfuse.fuse.timeline import FEATURES

    rng = np.random.default_rng(1)
    X = rng.random((600, len(FEATURES)))
    examples = [(X, list((X[:, FEATURES.index("docs")] > 0.6).astype(int)))]
    for _ in range(3):
        Xs = rng.random((20, len(FEATURES)))
        examples.append((Xs, list((Xs[:, FEATURES.index("published")] > 0.6).astype(int))))
    model = train_date_model(examples)
    assert max(FEATURES, key=lambda f: model[f]) == "published"
