"""Command-line slips an analyst makes: a mistyped input path, two formats for one brief, a
negative worker count."""

import json

from typer.testing import CliRunner

from newsfuse.cli import app

runner = CliRunner()

REPORT = (" date 2024-11-05 Corran bridge closed after crack found\n"
          "Engineers closed the Corran river bridge on Tuesday after finding a crack in its main span, the city said.\n")


def test_ingest_that_reads_nothing_leaves_no_new_store_behind(tmp_path):
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "typo.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert not db.exists() and not list(tmp_path.glob("new.db*"))


def test_ingest_that_reads_nothing_keeps_an_existing_store(tmp_path):
    f = tmp_path / "corran.txt"
    f.write_text(REPORT)
    db = tmp_path / "w.db"
    assert runner.invoke(app, ["ingest", str(f), "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(tmp_path / "typo.txt"), "--db", str(db)]).exit_code == 1
    listing = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert listing.exit_code == 0 and '"total": 1' in listing.stdout


def test_show_refuses_more_than_one_format(tmp_path):
    f = tmp_path / "corran.txt"
    f.write_text(REPORT)
    db = tmp_path / "w.db"
    runner.invoke(app, ["ingest", str(f), "--db", str(db)])
    result = runner.invoke(app, ["show", "s-0123456789ab", "--db", str(db), "--format", "md,json"])
    assert result.exit_code == 2 and "one format" in result.output


def test_negative_workers_is_a_usage_error(tmp_path):
    f = tmp_path / "corran.txt"
    f.write_text(REPORT)
    for cmd in (["brief", str(f), "-o", str(tmp_path / "o")], ["ingest", str(f), "--db", str(tmp_path / "w.db")]):
        result = runner.invoke(app, [*cmd, "--workers", "-1"])
        assert result.exit_code == 2 and "--workers" in result.output, result.output


def test_python_brief_names_what_it_could_not_read(tmp_path):
    import warnings

    import newsfuse
    from newsfuse.pipeline import NewsfuseWarning

    f = tmp_path / "corran.txt"
    f.write_text(REPORT)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefs = newsfuse.brief([f, tmp_path / "typo-folder"])
    assert len(briefs) == 1
    said = [str(w.message) for w in caught if issubclass(w.category, NewsfuseWarning)]
    assert len(said) == 1 and "typo-folder" in said[0]


def test_a_busy_store_is_one_clear_line_not_a_traceback(tmp_path, monkeypatch):
    import sqlite3

    from newsfuse import pipeline

    f = tmp_path / "corran.txt"
    f.write_text(REPORT)

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")  # what SQLite says after its busy timeout

    monkeypatch.setattr(pipeline, "ingest", locked)
    result = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 1 and "w.db is busy" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_damaged_store_is_named_not_a_traceback(tmp_path):
    import os

    f = tmp_path / "corran.txt"
    f.write_text(REPORT)
    db = tmp_path / "w.db"
    assert runner.invoke(app, ["ingest", str(f), "--db", str(db)]).exit_code == 0
    size = db.stat().st_size
    with open(db, "r+b") as fh:  # a disk error scribbled over the middle half of the file (wide
        fh.seek(size // 4)        # enough to hit the stories table whatever the schema's page layout)
        fh.write(os.urandom(size // 2))
    for args in (["ingest", str(f)], ["stories"], ["show", "s-0123456789ab"]):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code in (1, 2), (args, result.output)
        assert "w.db" in result.output and "Traceback" not in result.output, (args, result.output)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), args


def test_show_takes_markdown_spelled_out(tmp_path):
    f = tmp_path / "corran.txt"
    f.write_text(REPORT)
    db = tmp_path / "w.db"
    runner.invoke(app, ["ingest", str(f), "--db", str(db)])
    sid = runner.invoke(app, ["stories", "--db", str(db), "--json"]).stdout
    story = json.loads(sid)["stories"][0]["story_id"]
    result = runner.invoke(app, ["show", story, "--db", str(db), "--format", "markdown"])
    assert result.exit_code == 0 and result.stdout.lstrip().startswith("# ")
