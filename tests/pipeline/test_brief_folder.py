"""`newsfuse brief -o DIR` run again into the same folder: briefs of stories that no longer exist
(and formats no longer asked for) go, files the user put there or edited stay. `newsfuse export`
writes the same folder from a workspace, and `watch -o` keeps it current as articles arrive."""

import json
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app

runner = CliRunner()

# invented reports of two unrelated events
BRIDGE = (" date 2025-02-11 Footbridge closed after crack found in Tolvey\n"
          "Tolvey council closed the Wren Street footbridge on Tuesday after an engineer found a crack in its main beam.\n\n"
          "About 3,000 people cross the bridge each day, the council said.\n")
BAKERY = (" date 2025-02-11 Marlow bakery wins national bread prize\n"
          "A family bakery in Marlow Quay won the national sourdough prize on Tuesday, beating 240 entries.\n\n"
          "\"We still use my grandmother's starter,\" said owner Petra Lind.\n")


def brief(inputs: Path, out: Path, fmt: str = "md,html,json") -> dict:
    result = runner.invoke(app, ["brief", str(inputs), "-o", str(out), "--format", fmt, "-q"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "index.json").read_text())


def story_files(out: Path) -> set[str]:
    return {p.name for p in out.iterdir() if p.name not in ("index.json", "README.md")}


def test_a_rerun_removes_the_briefs_it_no_longer_makes_and_nothing_else(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "briefs"
    inputs.mkdir()
    (inputs / "tolvey.txt").write_text(BRIDGE)
    (inputs / "marlow.txt").write_text(BAKERY)
    first = brief(inputs, out)
    assert len(first["stories"]) == 2 and len(story_files(out)) == 6
    (out / "my-notes.txt").write_text("check the bridge figure")  # the user's own files
    (out / "old-story.md").write_text("# an older brief the user keeps\n")
    bakery = next(s["story_id"] for s in first["stories"] if "bakery" in s["headline"].lower()
                  or "bread" in s["headline"].lower() or "sourdough" in s["headline"].lower())
    (inputs / "marlow.txt").unlink()
    second = brief(inputs, out)
    (bridge,) = [s["story_id"] for s in second["stories"]]
    assert story_files(out) == {f"{bridge}.md", f"{bridge}.html", f"{bridge}.json", "my-notes.txt", "old-story.md"}
    assert bakery not in (out / "README.md").read_text()
    brief(inputs, out, fmt="json")  # md and html no longer asked for: last run's copies go
    assert story_files(out) == {f"{bridge}.json", "my-notes.txt", "old-story.md"}
    assert not (out / "README.md").exists()


def test_a_brief_the_user_edited_is_kept(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "briefs"
    inputs.mkdir()
    (inputs / "tolvey.txt").write_text(BRIDGE)
    (inputs / "marlow.txt").write_text(BAKERY)
    first = brief(inputs, out, fmt="md")
    edited = out / f"{first['stories'][0]['story_id']}.md"
    edited.write_text(edited.read_text() + "\nReviewed by the desk.\n")
    for f in inputs.iterdir():
        f.unlink()
    (inputs / "other.txt").write_text(BRIDGE.replace("Tolvey", "Ansby").replace("Wren", "Mill"))
    brief(inputs, out, fmt="md")
    assert edited.exists()  # changed since newsfuse wrote it: the user's now


def test_a_crafted_index_cannot_make_newsfuse_delete_outside_the_folder(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "briefs"
    inputs.mkdir()
    out.mkdir()
    (inputs / "tolvey.txt").write_text(BRIDGE)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    import hashlib
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    (out / "index.json").write_text(json.dumps({"stories": [], "articles": [],
                                                "written": {"../victim.txt": digest}}))
    brief(inputs, out)
    assert victim.read_text() == "keep me"


def test_storylines_of_several_stories_get_their_own_briefs(tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "events7" / "articles.jsonl"
    out = tmp_path / "out"
    index = brief(fixture, out)
    stories = {s["story_id"] for s in index["stories"]}
    lines = index["storylines"]
    assert lines, "the fixture has a strike and a pay deal in one storyline"
    readme = (out / "README.md").read_text()
    for line in lines:
        lid = line["storyline_id"]
        assert len(line["story_ids"]) >= 2 and set(line["story_ids"]) <= stories
        assert {f"{lid}.md", f"{lid}.html", f"{lid}.json"} <= set(index["written"])
        data = json.loads((out / f"{lid}.json").read_text())
        assert [b["story_id"] for b in data["stories"]] == line["story_ids"]
        assert f"[{lid}]({lid}.md)" in readme
    # every story is in at most one storyline, and its brief links that storyline's file
    listed = [sid for line in lines for sid in line["story_ids"]]
    assert len(listed) == len(set(listed))
    for line in lines:
        lid = line["storyline_id"]
        for sid in line["story_ids"]:
            assert f"part of storyline [{lid}]({lid}.md)" in (out / f"{sid}.md").read_text()
            assert f'<a href="{lid}.html">{lid}</a>' in (out / f"{sid}.html").read_text()
    alone = sorted(stories - set(listed))
    assert alone and "part of storyline" not in (out / f"{alone[0]}.md").read_text()


def test_files_of_a_run_killed_mid_write_are_still_tidied_later(tmp_path, monkeypatch):
    """A watch -o killed between writing briefs and writing index.json: the briefs it wrote
    are still newsfuse's, so a later run removes them when their story has gone."""
    from newsfuse.render import folder as fold

    out = tmp_path / "briefs"
    fold.write_folder(out, {"s-1.md": "one", "s-2.md": "two"}, {})
    real, calls = fold._write_atomic, []

    def dies_at_the_index(path, data):
        calls.append(path.name)
        if path.name == fold.INDEX and len(calls) > 1:
            raise KeyboardInterrupt  # killed after the briefs, before the final index
        real(path, data)

    monkeypatch.setattr(fold, "_write_atomic", dies_at_the_index)
    try:
        fold.write_folder(out, {"s-1.md": "one", "s-2.md": "two, updated", "s-3.md": "three"}, {})
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(fold, "_write_atomic", real)
    (out / "notes.md").write_text("mine")
    removed = fold.write_folder(out, {"s-1.md": "one"}, {})
    assert removed == ["s-2.md", "s-3.md"]
    assert sorted(p.name for p in out.iterdir()) == ["index.json", "notes.md", "s-1.md"]


def test_a_brief_is_replaced_in_one_step(tmp_path, monkeypatch):
    """A reader never finds half a brief: each file is written aside and renamed over the old."""
    import os

    from newsfuse.render import folder as fold

    out = tmp_path / "briefs"
    fold.write_folder(out, {"s-1.md": "old text"}, {})
    seen = []
    real = os.replace

    def watching(src, dst):
        seen.append((Path(dst).name, Path(dst).read_text()))  # what a reader sees just before
        real(src, dst)

    monkeypatch.setattr(os, "replace", watching)
    fold.write_folder(out, {"s-1.md": "new text " * 1000}, {})
    assert ("s-1.md", "old text") in seen
    assert (out / "s-1.md").read_text() == "new text " * 1000
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_a_folder_whose_first_run_was_killed_is_still_newsfuses(tmp_path, monkeypatch):
    from newsfuse.render import folder as fold

    out = tmp_path / "briefs"
    real = fold._write_atomic

    def dies_after_the_readme(path, data):
        real(path, data)
        if path.name == "README.md":
            raise KeyboardInterrupt

    monkeypatch.setattr(fold, "_write_atomic", dies_after_the_readme)
    try:
        fold.write_folder(out, {"README.md": "# Briefs", "s-1.md": "one"}, {})
    except KeyboardInterrupt:
        pass
    assert fold.foreign_files(out) == []
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "README.md").write_text("my notes")
    assert fold.foreign_files(tmp_path / "mine") == ["README.md"]


# a later report on the bridge
BRIDGE2 = (" date 2025-02-12 Tolvey footbridge to stay shut for a month\n"
           "The Wren Street footbridge in Tolvey will stay closed for at least a month while the cracked beam "
           "is replaced, the council said on Wednesday.\n\n"
           "Engineers said the crack in the main beam was 40 centimetres long.\n")


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_export_writes_what_brief_writes(tmp_path):
    inputs, db = tmp_path / "in", str(tmp_path / "w.db")
    inputs.mkdir()
    (inputs / "tolvey.txt").write_text(BRIDGE)
    (inputs / "marlow.txt").write_text(BAKERY)
    run("ingest", str(inputs), "--db", db, "-q")
    run("export", "--db", db, "-o", str(tmp_path / "exported"), "-q")
    run("brief", str(inputs), "-o", str(tmp_path / "oneshot"), "-q")
    exported = json.loads((tmp_path / "exported" / "index.json").read_text())
    oneshot = json.loads((tmp_path / "oneshot" / "index.json").read_text())
    assert story_files(tmp_path / "exported") == story_files(tmp_path / "oneshot")
    assert len(story_files(tmp_path / "exported")) == 6
    key = lambda idx: sorted((s["headline"], tuple(s["article_ids"])) for s in idx["stories"])  # noqa: E731
    assert key(exported) == key(oneshot)
    md = next((tmp_path / "exported").glob("s-*.md")).read_text()
    assert md.startswith("# ")


def test_export_needs_an_existing_store(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and not (tmp_path / "none.db").exists()


def test_watch_keeps_the_folder_of_briefs_current(tmp_path):
    inbox, out, db = tmp_path / "inbox", tmp_path / "briefs", str(tmp_path / "w.db")
    inbox.mkdir()
    (inbox / "tolvey.txt").write_text(BRIDGE)
    run("watch", str(inbox), "--once", "--interval", "0.2", "--db", db, "-o", str(out), "-f", "md")
    (bridge_md,) = story_files(out)
    assert "stay shut for a month" not in (out / bridge_md).read_text()
    (inbox / "tolvey-update.txt").write_text(BRIDGE2)
    (inbox / "marlow.txt").write_text(BAKERY)
    run("watch", str(inbox), "--once", "--interval", "0.2", "--db", db, "-o", str(out), "-f", "md")
    files = story_files(out)
    assert len(files) == 2 and bridge_md in files  # the later report joined its story: same id
    assert "stay shut for a month" in (out / bridge_md).read_text()  # the update is among its sources
    index = json.loads((out / "index.json").read_text())
    assert sorted(len(s["article_ids"]) for s in index["stories"]) == [1, 2]


def test_a_folder_with_the_users_own_readme_or_index_is_refused_before_any_work(tmp_path):
    inputs, db = tmp_path / "in", str(tmp_path / "w.db")
    inputs.mkdir()
    (inputs / "tolvey.txt").write_text(BRIDGE)
    run("ingest", str(inputs), "--db", db)
    project = tmp_path / "project"
    project.mkdir()
    (project / "README.md").write_text("# My project\nNotes I keep.\n")
    for args in (["export", "-o", str(project), "--db", db], ["brief", str(inputs), "-o", str(project)],
                 ["watch", str(inputs), "--once", "--interval", "0.1", "-o", str(project), "--db", db]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "README.md" in result.output, args
    assert (project / "README.md").read_text() == "# My project\nNotes I keep.\n"
    assert sorted(p.name for p in project.iterdir()) == ["README.md"]
    (project / "README.md").unlink()
    (project / "index.json").write_text('{"settings": "mine"}')
    assert runner.invoke(app, ["export", "-o", str(project), "--db", db]).exit_code == 2
    assert (project / "index.json").read_text() == '{"settings": "mine"}'
    # a folder newsfuse wrote is written again, and a user's other files there are fine
    (project / "index.json").unlink()
    (project / "notes.txt").write_text("mine")
    run("export", "-o", str(project), "--db", db)
    run("export", "-o", str(project), "--db", db)
    assert (project / "notes.txt").read_text() == "mine" and (project / "README.md").exists()


def _story_store(db: Path, *stories) -> None:
    """Save ``stories`` (records.Story) into the store at ``db`` as the clusterer records them,
    over two invented ferry reports a0 and a1."""
    from datetime import datetime, timezone

    from newsfuse.records import Article
    from newsfuse.store import Store

    with Store(db) as store:
        with store.transaction() as conn:
            if not store.count_articles():
                store.add_articles(conn, [
                    Article(id=f"a{k}", text=f"The Saint Alma ferry capsized off Calver Point, report {k}.",
                            outlet=o, published=datetime(2026, 3, 12, 9 + k, tzinfo=timezone.utc))
                    for k, o in enumerate(["Harbour Courier", "Northgate Daily"])])
            store.save_stories(conn, list(stories))


def test_a_merged_storys_old_files_become_links_to_the_story_it_joined(tmp_path):
    """A bookmark of <old-id>.html, or a link to it from elsewhere, found nothing once the story
    merged: the old id's md and html now lead to the story it joined, its json goes."""
    from newsfuse.records import Story

    db, out = tmp_path / "w.db", tmp_path / "briefs"
    _story_store(db, Story(id="s-old", article_ids=["a1"]), Story(id="s-new", article_ids=["a0"]))
    run("export", "--db", str(db), "-o", str(out), "-q")
    assert story_files(out) == {f"s-{n}.{f}" for n in ("old", "new") for f in ("md", "html", "json")}
    _story_store(db, Story(id="s-new", article_ids=["a0", "a1"], aliases=["s-old"]))
    result = run("export", "--db", str(db), "-o", str(out))
    assert "s-old.json" in result.stderr and "s-old.md" not in result.stderr  # removed; the others replaced
    assert story_files(out) == {"s-new.md", "s-new.html", "s-new.json", "s-old.md", "s-old.html"}
    assert (out / "s-old.md").read_text() == "Story s-old was merged into [s-new](s-new.md).\n"
    page = (out / "s-old.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=s-new.html">' in page and '<a href="s-new.html">s-new</a>' in page
    index = json.loads((out / "index.json").read_text())
    assert {"s-old.md", "s-old.html"} <= set(index["written"]) and "s-old.json" not in index["written"]
    assert [s["story_id"] for s in index["stories"]] == ["s-new"]  # the stubs are no stories
    assert "s-old" not in (out / "README.md").read_text()

    # the story merges again: the old id's links follow it to where it is now
    _story_store(db, Story(id="s-top", article_ids=["a0", "a1"], aliases=["s-new"]))
    run("export", "--db", str(db), "-o", str(out), "-q")
    assert story_files(out) == {"s-top.md", "s-top.html", "s-top.json", "s-old.md", "s-old.html",
                                "s-new.md", "s-new.html"}
    assert "[s-top](s-top.md)" in (out / "s-old.md").read_text()
    assert 'url=s-top.html' in (out / "s-new.html").read_text()
    # and they are newsfuse's files like the briefs: gone when their format is no longer asked for
    run("export", "--db", str(db), "-o", str(out), "-q", "-f", "json")
    assert story_files(out) == {"s-top.json"}


def test_an_old_brief_the_user_edited_is_not_replaced_by_a_link(tmp_path):
    from newsfuse.records import Story

    db, out = tmp_path / "w.db", tmp_path / "briefs"
    _story_store(db, Story(id="s-old", article_ids=["a1"]), Story(id="s-new", article_ids=["a0"]))
    run("export", "--db", str(db), "-o", str(out), "-q", "-f", "md,html")
    edited = (out / "s-old.html").read_text().replace("</main>", "<p>Checked by the desk.</p></main>")
    (out / "s-old.html").write_text(edited)
    _story_store(db, Story(id="s-new", article_ids=["a0", "a1"], aliases=["s-old"]))
    run("export", "--db", str(db), "-o", str(out), "-q", "-f", "md,html")
    assert (out / "s-old.html").read_text() == edited  # the user's now: neither replaced nor removed
    assert "[s-new](s-new.md)" in (out / "s-old.md").read_text()
    written = json.loads((out / "index.json").read_text())["written"]
    assert "s-old.html" not in written and "s-old.md" in written
    run("export", "--db", str(db), "-o", str(out), "-q", "-f", "md,html")
    assert (out / "s-old.html").read_text() == edited


def test_a_merged_stub_escapes_the_ids_it_names():
    from newsfuse.render.folder import merged_stub

    page = merged_stub('s-"a<b>', "s-x&y'z", "Ferry <b>capsizes</b>", "html")
    assert "<b>" not in page and 's-"a' not in page and "x&y" not in page
    assert "s-&quot;a&lt;b&gt;" in page and "Ferry &lt;b&gt;capsizes&lt;/b&gt;" in page
    assert 'url=s-x%26y%27z.html"' in page and 'href="s-x%26y%27z.html"' in page
    assert merged_stub("s-1", "s x", "", "md") == "Story s-1 was merged into [s x](s%20x.md).\n"
