"""The whole path from files to briefs, through the CLI and the Python API, as a user runs it."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse import pipeline
from newsfuse.cli import app
from newsfuse.fuse.checks import check_brief
from newsfuse.render.contract import validate_brief, validate_index
from newsfuse.store import Store

BOILERPLATE = ["Expand / Collapse search", "Back to top button", "Join our commenting forum",
               "Powered by automated translation", "Related Articles"]

runner = CliRunner()


def run_cli(*args: str):
    result = runner.invoke(app, list(args))
    return result


def load_briefs(outdir: Path) -> tuple[dict, dict[str, dict]]:
    index = json.loads((outdir / "index.json").read_text())
    briefs = {s["story_id"]: json.loads((outdir / f"{s['story_id']}.json").read_text()) for s in index["stories"]}
    return index, briefs


def assert_citations_verbatim(briefs: dict[str, dict], store_articles: dict[str, str]) -> None:
    for doc in briefs.values():
        cites = [c for s in doc["summary"] for c in s["citations"]]
        cites += [c for t in doc["timeline"] for c in t["citations"]]
        cites += [r["citation"] for f in doc["facts"] for r in f["reports"]]
        cites += [c for q in doc["quotes"] for c in q["citations"]]
        assert cites, f"no citations in {doc['story_id']}"
        for c in cites:
            assert c["text"] in store_articles[c["article_id"]], c


@pytest.mark.shared
def test_seeds_brief_follows_the_contract(shared_dir, tmp_path):
    out = tmp_path / "b"
    result = run_cli("brief", str(shared_dir / "seeds"), "-o", str(out), "--format", "json,md", "--quiet")
    assert result.exit_code == 0, result.output
    index, briefs = load_briefs(out)
    assert validate_index(index) == []
    assert len(index["articles"]) == 5
    for doc in briefs.values():
        assert validate_brief(doc) == [], validate_brief(doc)
        assert (out / f"{doc['story_id']}.md").read_text().strip()
    run = pipeline.brief_run([shared_dir / "seeds"])
    assert len(run.articles) == 5
    for a in run.articles:
        assert a.published is not None and a.published.date().isoformat() == "2022-01-06", (a.path, a.published)
        for phrase in BOILERPLATE:
            assert phrase not in a.text, (a.path, phrase)
    # one seed is a live blog with author+time entry lines; it is split into timed entries
    live = [a for a in run.articles if len(a.entries) >= 3]
    assert len(live) == 1 and live[0].is_liveblog and all(e.time for e in live[0].entries)
    assert_citations_verbatim(briefs, {a.id: a.text for a in run.articles})
    for b in run.briefs:
        story_articles = [a for a in run.articles if a.story_id == b.story_id or a.id in
                          {s.article_id for s in b.sources}]
        assert check_brief(b, story_articles) == []


def test_examples_make_two_or_more_faithful_briefs(examples_dir, tmp_path):
    out = tmp_path / "briefs"
    result = run_cli("brief", str(examples_dir), "-o", str(out), "--format", "md,html,json", "--quiet")
    assert result.exit_code == 0, result.output
    index, briefs = load_briefs(out)
    assert validate_index(index) == []
    assert len(briefs) >= 2
    paths = {a["path"].split("#")[0] for a in index["articles"]}
    assert len(paths) == len([p for p in examples_dir.iterdir() if p.suffix in {".txt", ".html", ".jsonl"}])
    for sid, doc in briefs.items():
        assert validate_brief(doc) == []
        html = (out / f"{sid}.html").read_text()
        assert html.lstrip().lower().startswith("<!doctype html")
        assert not re.search(r"""<(script|link)[^>]+(src|href)=["']https?:""", html)  # standalone page
    assert (out / "README.md").exists()
    run = pipeline.brief_run([examples_dir])
    assert_citations_verbatim(briefs, {a.id: a.text for a in run.articles})
    # the wire story reused by two outlets: at least one article is marked as a copy
    assert any(a["duplicate_of"] for a in index["articles"]) or any(
        len(s["citations"]) > 1 for d in briefs.values() for s in d["summary"])


def test_python_api_returns_briefs(examples_dir):
    briefs = newsfuse.brief(examples_dir)
    assert len(briefs) >= 2 and all(b.summary for b in briefs)
    assert all(c.text for b in briefs for s in b.summary for c in s.citations)


def test_ingest_is_idempotent_and_incremental(examples_dir, tmp_path):
    files = sorted(p for p in examples_dir.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    db = tmp_path / "w.db"
    first = run_cli("ingest", *map(str, files[:3]), "--db", str(db), "--quiet")
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        before = {a.id: a.story_id for a in store.all_articles()}
        assert before and all(before.values())
        assert all(store.get_brief(sid) for sid in set(before.values()))
    second = run_cli("ingest", str(examples_dir), "--db", str(db), "--quiet")
    assert second.exit_code == 0, second.output
    again = run_cli("ingest", str(examples_dir), "--db", str(db), "--quiet")
    assert again.exit_code == 0 and again.stdout.startswith("0 new"), again.output
    with Store(db) as store:
        after = {a.id: store.resolve_story_id(a.story_id) for a in store.all_articles()}
        # an existing article's story id still resolves to the story it is in now
        for aid, sid in before.items():
            assert store.resolve_story_id(sid) == after[aid]
        n = store.count_articles()
    listing = run_cli("stories", "--db", str(db), "--json")
    data = json.loads(listing.stdout)
    assert data["total"] >= 2 and sum(s["articles"] for s in data["stories"]) == n
    shown = run_cli("show", data["stories"][0]["story_id"], "--db", str(db), "--format", "json")
    assert shown.exit_code == 0 and validate_brief(json.loads(shown.stdout)) == []
    assert run_cli("show", "no-such-story", "--db", str(db)).exit_code == 1


def test_bad_files_are_named_and_the_run_goes_on(examples_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = next(p for p in examples_dir.iterdir() if p.suffix == ".txt")
    shutil.copy(good, inbox / good.name)
    (inbox / "empty.txt").write_text("")
    (inbox / "noise.txt").write_bytes(bytes(range(256)) * 40)
    (inbox / "slides.pptx").write_bytes(b"PK\x03\x04 not an article")
    db = tmp_path / "w.db"
    result = run_cli("ingest", str(inbox), "--db", str(db))
    assert result.exit_code == 0, result.output
    for name in ("empty.txt", "noise.txt", "slides.pptx"):
        assert name in result.stderr
    with Store(db) as store:
        assert store.count_articles() == 1
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_text("")
    result = run_cli("brief", str(only_bad), "-o", str(tmp_path / "o"))
    assert result.exit_code == 1 and "empty.txt" in result.stderr
    with Store(db) as store:  # a failed run elsewhere touched nothing stored
        assert store.count_articles() == 1


def test_watch_ingests_new_files_once(examples_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = sorted(p for p in examples_dir.iterdir() if p.suffix == ".txt")
    db = tmp_path / "w.db"
    shutil.copy(files[0], inbox / files[0].name)
    (inbox / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    with Store(db) as store:
        r1 = pipeline.watch_once(inbox, store)
        assert len(r1.new) == 1 and r1.problems
        assert pipeline.watch_once(inbox, store).new == []  # nothing new, bad file not retried
        assert pipeline.watch_once(inbox, store).problems == []
    shutil.copy(files[1], inbox / files[1].name)
    with Store(db) as store:  # a restart: a new process, the same store
        r3 = pipeline.watch_once(inbox, store)
        assert len(r3.new) == 1 and r3.stories_changed
    result = run_cli("watch", str(inbox), "--db", str(db), "--once")
    assert result.exit_code == 0
    (inbox / files[1].name).unlink()
    result = run_cli("watch", str(inbox), "--db", str(db), "--once", "--interval", "0.1")
    assert result.exit_code == 0 and "1 withdrawn (file deleted)" in result.stdout
    with Store(db) as store:
        assert store.count_articles() == 1


def test_dask_batch_gives_the_same_stories(examples_dir):
    pytest.importorskip("dask.distributed")
    from newsfuse.scale import brief_dask

    local = pipeline.brief_run([examples_dir])
    dist = brief_dask([examples_dir], npartitions=2)
    groups = lambda run: sorted(sorted(s.article_ids) for s in run.stories)  # noqa: E731
    assert groups(dist) == groups(local)
    assert sorted(b.headline for b in dist.briefs) == sorted(b.headline for b in local.briefs)


def test_console_script_runs(tmp_path, examples_dir):
    exe = Path(sys.executable).with_name("newsfuse")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    proc = subprocess.run([str(exe), "brief", str(examples_dir), "-o", str(tmp_path / "b"), "--quiet"],
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Briefs written to" in proc.stdout
