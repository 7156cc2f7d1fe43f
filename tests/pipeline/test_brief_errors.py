"""One story whose brief fails must not cost the other stories theirs (a bug meeting odd text
once stopped ``ingest`` after storing the articles and before any brief was made)."""

import warnings

import newsfuse
from newsfuse import pipeline
from newsfuse.store import Store

FERRY = ("Title: Ferry runs aground off Kessel Point\nSource: Coast Courier\nDate: 2031-05-08\n\n"
         "The ferry Morning Tern ran aground off Kessel Point on Wednesday with 212 passengers on board.\n\n"
         "All passengers were taken off by lifeboat crews, the coastguard said.\n")
MINE = ("Title: Two miners trapped at Orlen colliery\nSource: Valley Post\nDate: 2031-05-08\n\n"
        "Two miners were trapped underground at the Orlen colliery after a roof fall on Wednesday.\n\n"
        "Rescue teams reached the men after nine hours, the mine operator said.\n")


def _failing_on(word, real):
    def brief_for(story, articles, *args, **kwargs):
        if any(word in a.text for a in articles):
            raise IndexError("list index out of range")
        return real(story, articles, *args, **kwargs)
    return brief_for


def test_ingest_briefs_the_other_stories_and_retries_the_failed_one(tmp_path, monkeypatch):
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "mine.txt").write_text(MINE, encoding="utf-8")
    db = tmp_path / "ws.db"
    monkeypatch.setattr(pipeline, "brief_for", _failing_on("colliery", pipeline.brief_for))
    with Store(db) as store:
        report = pipeline.ingest([tmp_path / "ferry.txt", tmp_path / "mine.txt"], store)
        assert len(report.brief_errors) == 1
        failed = next(iter(report.brief_errors))
        assert "IndexError" in report.brief_errors[failed]
        briefed = [s for s in report.stories_changed if s != failed]
        assert briefed and all(store.get_brief(s) for s in briefed)
        assert failed in store.stale_brief_ids()
    monkeypatch.undo()
    with Store(db) as store:  # the next run (nothing new to read) makes the missing brief
        again = pipeline.ingest([tmp_path / "mine.txt"], store)
        assert not again.brief_errors and failed not in store.stale_brief_ids()


def test_one_shot_brief_warns_and_keeps_the_other_briefs(tmp_path, monkeypatch):
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "mine.txt").write_text(MINE, encoding="utf-8")
    monkeypatch.setattr(pipeline, "brief_for", _failing_on("colliery", pipeline.brief_for))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefs = newsfuse.brief([tmp_path])
    assert [b.headline for b in briefs] and all("colliery" not in b.headline.lower() for b in briefs)
    assert any("could not brief story" in str(w.message) for w in caught)


def test_ingest_says_how_many_briefs_an_earlier_run_left_undone_it_made(tmp_path, monkeypatch):
    """After an interrupted or failed run, "0 stories updated" alone hid the briefs remade."""
    from typer.testing import CliRunner

    from newsfuse.cli import app

    (tmp_path / "mine.txt").write_text(MINE, encoding="utf-8")
    db = tmp_path / "ws.db"
    monkeypatch.setattr(pipeline, "brief_for", _failing_on("colliery", pipeline.brief_for))
    with Store(db) as store:
        assert pipeline.ingest([tmp_path / "mine.txt"], store).brief_errors
    monkeypatch.undo()
    out = CliRunner().invoke(app, ["ingest", str(tmp_path / "mine.txt"), "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "0 stories updated, 1 brief left undone by an earlier run made now" in " ".join(out.output.split())
