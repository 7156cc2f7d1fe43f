"""Storylines a user can list and read: `newsfuse storylines`, `newsfuse show l-...`, the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.pipeline import storyline_brief

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events7" / "articles.jsonl"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("lines") / "w.db"
    assert run("ingest", str(FIXTURE), "--db", str(db), "-q").exit_code == 0
    return db


def _gold() -> dict[str, str]:
    """url -> gold event of the fixture."""
    return {r["url"]: r["event"] for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}


def test_storylines_lists_lines_of_two_or_more_stories(workspace):
    data = json.loads(run("storylines", "--db", str(workspace), "--json").stdout)
    assert data["total"] == len(data["storylines"]) >= 1
    for line in data["storylines"]:
        assert line["stories"] == len(line["story_ids"]) >= 2
        assert line["storyline_id"].startswith("l-")
    every = json.loads(run("storylines", "--db", str(workspace), "--json", "--all").stdout)
    stories = json.loads(run("stories", "--db", str(workspace), "--json").stdout)
    assert sum(line["stories"] for line in every["storylines"]) == stories["total"]  # each story in one line
    piped = run("storylines", "--db", str(workspace)).stdout.splitlines()
    assert piped[0].split("\t") == ["id", "title", "stories", "articles", "first_seen", "last_seen"]
    assert len(piped) == 1 + data["total"]


def test_show_prints_a_storyline_in_each_format(workspace):
    data = json.loads(run("storylines", "--db", str(workspace), "--json").stdout)
    # the teachers' strike and the pay deal two weeks later: different stories of one storyline
    gold = _gold()
    from newsfuse.store import Store
    with Store(str(workspace)) as store:
        def events(line):
            arts = [a for sid in line["story_ids"] for a in store.get_articles(store.get_story(sid).article_ids)]
            return {gold[a.url] for a in arts}
        line = next(x for x in data["storylines"]
                    if {"teachers-national-strike", "teachers-pay-deal"} <= events(x))
        sb = storyline_brief(store, line["storyline_id"])
    assert [b.story_id for b in sb.stories] == line["story_ids"]  # first seen first
    lid = line["storyline_id"]
    md = run("show", lid, "--db", str(workspace)).stdout
    assert md.startswith("# ") and f"Storyline `{lid}`" in md
    for k, sid in enumerate(line["story_ids"], 1):
        assert f"## {k}. " in md and f"Story `{sid}`" in md
    dates = [row.split("**")[1] for row in md.split("## Timeline across the stories")[1].split("## Sources")[0].splitlines()
             if row.startswith("- **")]
    assert dates == sorted(dates) and len(dates) >= 2
    js = json.loads(run("show", lid, "--db", str(workspace), "-f", "json").stdout)
    assert js["storyline_id"] == lid and [b["story_id"] for b in js["stories"]] == line["story_ids"]
    html = run("show", lid, "--db", str(workspace), "-f", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and html.count('class="story"') == len(line["story_ids"])


def test_show_of_an_unknown_id_names_it(workspace):
    result = run("show", "l-000000000000", "--db", str(workspace))
    assert result.exit_code == 1 and "l-000000000000" in result.output


def test_show_of_a_story_names_its_storyline_on_stderr(workspace):
    line = json.loads(run("storylines", "--db", str(workspace), "--json").stdout)["storylines"][0]
    result = runner.invoke(app, ["show", line["story_ids"][0], "--db", str(workspace)])
    assert result.exit_code == 0
    assert f"newsfuse show {line['storyline_id']}" in result.stderr
    assert line["storyline_id"] not in result.stdout.splitlines()[0]  # the brief itself is unchanged
