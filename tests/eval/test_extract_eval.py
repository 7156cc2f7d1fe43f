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


def test_tune_and_test_sets_are_separate_and_large_enough():
    from newsfuse.eval.extract_eval import SETS

    tune, test = load(SETS["tune"]), load(SETS["test"])
    assert len(tune) >= 80 and len(test) >= 80
    assert len({r["style"] for r in test}) >= 4
    assert not {r["text"] for r in tune} & {r["text"] for r in test}


def test_former_blind_test_set_stays_above_floors():
    """Regression guard on the test set (a development set since a fresh blind set replaced it):
    floors sit well below the measured scores."""
    res = evaluate("test")
    # the issue #5 targets (measured after tuning on it: claims P 1.00 / R 0.98, speakers 1.00, dates 1.00)
    assert res["claims"]["precision"] >= 0.90 and res["claims"]["recall"] >= 0.85
    assert res["quotes"]["recall"] >= 0.90 and res["quotes"]["speaker_accuracy"] >= 0.90
    assert res["dates"]["recall"] >= 0.90


def test_several_files_print_a_per_file_table(capsys):
    from newsfuse.eval.extract_eval import main

    main(["labelled", "tune"])
    out = capsys.readouterr().out
    rows = [ln.split()[0] for ln in out.splitlines() if " | " in ln and not ln.startswith("set ")]
    assert rows == ["labelled", "tune"]


def test_blind_set_is_accepted_by_name_without_existing_yet():
    """The lead adds data/extract_blind.jsonl later; the name must already resolve to it."""
    from newsfuse.eval.extract_eval import DATA_DIR, SETS, _resolve

    assert SETS["blind"] == DATA_DIR / "extract_blind.jsonl"
    assert _resolve("blind") == DATA_DIR / "extract_blind.jsonl"


def test_cli_extract_takes_set_names_and_clustering_takes_a_fixture():
    import json
    from pathlib import Path

    typer_testing = __import__("pytest").importorskip("typer.testing")
    from newsfuse.eval.commands import app

    out = typer_testing.CliRunner().invoke(app, ["extract", "heldout", "tune", "--json"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert sorted(res) == ["heldout", "tune"] and res["tune"]["sentences"] == 114
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "events2" / "articles.jsonl"
    out = typer_testing.CliRunner().invoke(app, ["clustering", "--fixture", str(fixture), "--json"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert res["articles"] == 53 and 0 < res["batch_1000"]["story"]["F"] <= 1
