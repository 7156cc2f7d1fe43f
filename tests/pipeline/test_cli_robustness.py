"""The command line refuses bad input up front, with a clear message and exit code 2, and never
leaves a traceback or a stray empty store behind."""

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsfuse import pipeline
from newsfuse.cli import app
from newsfuse.store import Store, StoryRow

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

# invented articles: two reports of one ferry grounding, and one unrelated piece
FERRY_A = (" date 2024-09-03 Ferry runs aground off Quillon Point\n"
           "The passenger ferry Merrow Star ran aground off Quillon Point on Tuesday morning, the coastguard said.\n\n"
           "All 112 passengers were taken ashore by lifeboat and four people were treated for mild hypothermia.\n\n"
           "\"The hull is holding and there is no fuel leak,\" said harbour master Ilse Vantongeren.\n")
FERRY_B = (" date 2024-09-03 Merrow Star passengers rescued after grounding\n"
           "Lifeboat crews brought 112 passengers from the grounded ferry Merrow Star to Quillon harbour on Tuesday.\n\n"
           "Four passengers were treated for hypothermia, the coastguard said, and the ferry will be towed at high tide.\n")


def run(*args: str, **kw):
    return runner.invoke(app, list(args), **kw)


def said(result, text: str) -> bool:
    """Does the output contain ``text``? (Rich boxes and wraps error messages.)"""
    squash = lambda t: re.sub(r"[\s│╭╮╰╯─]+", "", t)  # noqa: E731
    return squash(text) in squash(result.output)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@pytest.fixture
def inbox(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "coast-post.txt").write_text(FERRY_A)
    (d / "bay-times.txt").write_text(FERRY_B)
    return d


def test_python_dash_m_runs_the_cli():
    proc = subprocess.run([sys.executable, "-m", "newsfuse", "--help"], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Usage" in proc.stdout and "brief" in proc.stdout


def test_oversized_file_is_refused_and_the_others_proceed(inbox, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSFUSE_MAX_BYTES", raising=False)
    big = inbox / "annex.txt"
    big.write_text(FERRY_A * 40)  # some 14 kB
    out = tmp_path / "out"
    result = run("brief", str(inbox), "-o", str(out), "--max-bytes", "8K", "--quiet")
    assert result.exit_code == 0, result.output
    assert f"skipped {big}: file too large" in result.stderr and "8,192 bytes limit" in result.stderr
    index = json.loads((out / "index.json").read_text())
    assert sorted(Path(a["path"]).name for a in index["articles"]) == ["bay-times.txt", "coast-post.txt"]
    assert "NEWSFUSE_MAX_BYTES" not in os.environ  # the option does not leak past the command

    db = tmp_path / "w.db"
    assert run("ingest", str(inbox / "coast-post.txt"), "--db", str(db), "-q").exit_code == 0
    with Store(db) as store:
        before = (store.count_articles(), store.story_ids())
    result = run("ingest", str(big), "--db", str(db), "-q", env={"NEWSFUSE_MAX_BYTES": "8K"})
    assert result.exit_code == 1 and str(big) in result.stderr and "too large" in result.stderr
    with Store(db) as store:  # nothing stored changed
        assert (store.count_articles(), store.story_ids()) == before


def test_bad_size_option_is_a_usage_error(inbox, tmp_path):
    for args, env in ((["--max-bytes", "lots"], {}), ([], {"NEWSFUSE_MAX_BYTES": "-3"})):
        result = run("brief", str(inbox), "-o", str(tmp_path / "o"), *args, env=env)
        assert result.exit_code == 2 and said(result, "--max-bytes"), result.output
        no_traceback(result)


@pytest.mark.parametrize("command", [["stories"], ["stories", "--json"], ["show", "s-0123456789ab"], ["serve"]])
def test_read_only_commands_refuse_a_missing_store(command, tmp_path):
    db = tmp_path / "typo.db"
    result = run(*command, "--db", str(db))
    assert result.exit_code == 2, result.output
    assert said(result, "no workspace store") and said(result, "typo.db")
    assert not db.exists()
    no_traceback(result)


def test_read_only_commands_refuse_a_file_that_is_no_store(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, only some notes about the ferry\n" * 20)
    result = run("stories", "--db", str(notes))
    assert result.exit_code == 2 and said(result, "not a usable newsfuse store")
    assert notes.read_text().startswith("not a database")


def test_writing_commands_create_the_store(inbox, tmp_path):
    db = tmp_path / "sub" / "new.db"
    assert run("ingest", str(inbox), "--db", str(db), "-q").exit_code == 0
    listing = run("stories", "--db", str(db), "--json")
    assert listing.exit_code == 0 and json.loads(listing.stdout)["total"] >= 1


def test_since_must_be_a_date(inbox, tmp_path):
    db = tmp_path / "w.db"
    run("ingest", str(inbox), "--db", str(db), "-q")
    result = run("stories", "--db", str(db), "--since", "yesterday")
    assert result.exit_code == 2 and said(result, "'yesterday' is not a date")
    no_traceback(result)
    assert run("stories", "--db", str(db), "--since", "2024-09-01", "--json").exit_code == 0


def test_output_that_is_a_file_is_refused_before_any_work(inbox, tmp_path, monkeypatch):
    def no_work(*a, **k):
        raise AssertionError("the run started before the options were checked")

    monkeypatch.setattr(pipeline, "brief_run", no_work)
    afile = tmp_path / "afile"
    afile.write_text("keep me")
    for target in (afile, afile / "briefs"):
        result = run("brief", str(inbox), "-o", str(target))
        assert result.exit_code == 2 and said(result, "is not a folder"), result.output
        no_traceback(result)
    assert afile.read_text() == "keep me"


@pytest.mark.parametrize("words", ["0", "-5"])
def test_word_budget_must_be_positive(inbox, tmp_path, words):
    result = run("brief", str(inbox), "-o", str(tmp_path / "o"), "--words", words)
    assert result.exit_code == 2 and said(result, "--words")
    result = run("show", "s-0123456789ab", "--db", str(tmp_path / "w.db"), "--words", words)
    assert result.exit_code == 2 and said(result, "--words")


@pytest.mark.parametrize("args", [[], ["--once"]])
def test_watch_of_a_missing_folder_fails(args, tmp_path):
    db = tmp_path / "w.db"
    result = run("watch", str(tmp_path / "nonexist_dir"), "--db", str(db), *args)
    assert result.exit_code == 2 and said(result, "nonexist_dir") and said(result, "does not exist")
    assert not db.exists()


def _row(i: int, title: str) -> StoryRow:
    t = datetime(2024, 9, 3, 8, i)
    return StoryRow(id=f"s-{i:012x}", title=title, n_articles=i + 1, n_outlets=1, outlets=["x"],
                    first_seen=t, last_seen=t, updated_at=t, brief_at=t, is_updated=bool(i % 2))


def test_stories_table_is_one_line_per_story_at_80_columns():
    from newsfuse.cli import _stories_table

    long_title = ("Ferry Merrow Star runs aground off Quillon Point; all 112 passengers taken ashore by "
                  "lifeboat as the coastguard checks the hull")
    rows = [_row(i, long_title if i % 2 else "Short title") for i in range(4)]
    console = Console(width=80, record=True, force_terminal=True, color_system=None)
    console.print(_stories_table(rows, 4, 80))
    lines = console.export_text().splitlines()
    body = [line for line in lines if "s-0000000000" in line]
    assert len(body) == 4  # each story on one line, ids whole
    assert all(len(line.rstrip()) <= 80 for line in lines)
    for line, r in zip(body, rows):
        assert r.id in line and "2024-09-03" in line
        title_part = line.split(r.id, 1)[1]
        if r.title == long_title:
            assert "Ferry Merrow Star runs" in title_part and "…" in title_part
        else:
            assert "Short title" in title_part


def test_stories_piped_are_tab_separated(inbox, tmp_path):
    db = tmp_path / "w.db"
    run("ingest", str(inbox), "--db", str(db), "-q")
    result = run("stories", "--db", str(db))  # CliRunner's output is not a terminal
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["id", "title", "articles", "outlets", "first_seen", "last_seen", "updated"]
    data = json.loads(run("stories", "--db", str(db), "--json").stdout)
    assert len(lines) == 1 + data["total"]
    for line, s in zip(lines[1:], data["stories"]):
        fields = line.split("\t")
        assert len(fields) == 7 and fields[0] == s["story_id"] and fields[1] == s["title"]
        # outlets counts each article of unknown outlet as its own source; JSON lists the named ones
        assert fields[2] == str(s["articles"]) and int(fields[3]) >= len(s["outlets"])
