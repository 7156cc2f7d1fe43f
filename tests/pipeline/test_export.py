"""`newsfuse export` writes the workspace's briefs into a folder, and `watch -o` keeps that folder
current as articles arrive: the same files `brief -o` writes for a one-shot run."""

import json
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app

runner = CliRunner()

# invented reports of two unrelated events, and a later report on the first
BRIDGE = (" date 2025-02-11 Footbridge closed after crack found in Tolvey\n"
          "Tolvey council closed the Wren Street footbridge on Tuesday after an engineer found a crack in its main beam.\n\n"
          "About 3,000 people cross the bridge each day, the council said.\n")
BAKERY = (" date 2025-02-11 Marlow bakery wins national bread prize\n"
          "A family bakery in Marlow Quay won the national sourdough prize on Tuesday, beating 240 entries.\n\n"
          "\"We still use my grandmother's starter,\" said owner Petra Lind.\n")
BRIDGE2 = (" date 2025-02-12 Tolvey footbridge to stay shut for a month\n"
           "The Wren Street footbridge in Tolvey will stay closed for at least a month while the cracked beam "
           "is replaced, the council said on Wednesday.\n\n"
           "Engineers said the crack in the main beam was 40 centimetres long.\n")


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def story_files(out: Path) -> set[str]:
    return {p.name for p in out.iterdir() if p.name not in ("index.json", "README.md")}


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
