"""Watching a folder: a file is read once it stops changing, and an edited file replaces the
version read before instead of becoming a second source that confirms the first."""

import json
import types

import pytest

from newsfuse import pipeline
from newsfuse.store import Store

# invented reports
PART_1 = (" date 2024-10-14 Grain silo collapses at Harwick docks\n"
          "A grain silo collapsed at Harwick docks on Monday afternoon, the port authority said.\n\n"
          "Three dock workers were injured and taken to St Aldric hospital.\n\n")
PART_2 = ("Firefighters searched the rubble for two hours and found no one else trapped.\n\n"
          "\"The structure had been inspected in March,\" said port director Oona Saltash.\n")
OTHER = (" date 2024-10-14 Orchestra cancels winter tour\n"
         "The Pellmore Chamber Orchestra cancelled its winter tour of six cities on Monday.\n\n"
         "The orchestra said rising hall fees made 14 of its 20 concerts unaffordable.\n")


def sources_of_stories(store: Store) -> dict[str, int]:
    rows, _ = store.list_stories(limit=100)
    return {r.id: r.n_articles for r in rows}


def herald_inbox(tmp_path, text=PART_1 + PART_2):
    """An inbox folder holding one report (``harwick-herald.txt``), and the store's path."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    f = inbox / "harwick-herald.txt"
    f.write_text(text)
    return inbox, f, tmp_path / "w.db"


def test_a_file_still_being_written_is_read_once_it_is_complete(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    f = inbox / "harwick-herald.txt"
    with Store(tmp_path / "w.db") as store:
        watcher = pipeline.Watcher(inbox, store)
        f.write_text(PART_1)
        assert watcher.poll().new == []  # first sight: not yet known to be complete
        with open(f, "a") as fh:
            fh.write(PART_2)
        assert watcher.poll().new == []  # it changed since the last poll: still being written
        report = watcher.poll()  # unchanged across two polls: read now, once
        assert len(report.new) == 1 and report.stories_changed
        assert watcher.poll().new == []
        (article,) = store.all_articles()
        assert "Oona Saltash" in article.text and "Three dock workers" in article.text
        assert list(sources_of_stories(store).values()) == [1]


def test_watch_once_skips_a_file_that_changes_while_it_settles(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    f = inbox / "harwick-herald.txt"
    f.write_text(PART_1)

    def append_instead_of_sleeping(seconds):
        with open(f, "a") as fh:
            fh.write(PART_2)

    monkeypatch.setattr(pipeline, "time", types.SimpleNamespace(sleep=append_instead_of_sleeping))
    with Store(tmp_path / "w.db") as store:
        assert pipeline.watch_once(inbox, store).new == []
        assert store.count_articles() == 0
    monkeypatch.undo()
    with Store(tmp_path / "w.db") as store:  # the next run finds it settled
        assert len(pipeline.watch_once(inbox, store, settle=0.01).new) == 1


def test_an_edited_file_replaces_its_earlier_version(tmp_path):
    inbox, f, db = herald_inbox(tmp_path, PART_1)
    (inbox / "pellmore-news.txt").write_text(OTHER)
    with Store(db) as store:
        first = pipeline.watch_once(inbox, store, settle=0.01)
        assert len(first.new) == 2
        old_id = next(a.id for a in store.all_articles() if "Harwick" in a.text)
    f.write_text(PART_1 + PART_2)  # the outlet updated its report
    with Store(db) as store:
        second = pipeline.watch_once(inbox, store, settle=0.01)
        assert len(second.new) == 1 and second.replaced == [old_id]
        arts = store.all_articles()
        assert len(arts) == 2 and old_id not in {a.id for a in arts}
        harwick = next(a for a in arts if "Harwick" in a.text)
        assert "Oona Saltash" in harwick.text
        assert sorted(sources_of_stories(store).values()) == [1, 1]  # no story confirms itself
        story = store.get_story(harwick.story_id)
        brief = store.get_brief(story.id)
        assert brief and {s["article_id"] for s in brief["sources"]} == {harwick.id}
        assert [h["article_id"] for h in store.search("dock workers")] == [harwick.id]  # search forgot it too


def test_an_edited_feed_keeps_unchanged_records_and_drops_removed_ones(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    feed = inbox / "wire.jsonl"
    silo = {"title": "Silo collapse at Harwick", "text": PART_1.split("\n", 1)[1], "published": "2024-10-14",
            "outlet": "Coast Wire"}
    tour = {"title": "Orchestra cancels tour", "text": OTHER.split("\n", 1)[1], "published": "2024-10-14",
            "outlet": "Coast Wire"}
    feed.write_text(json.dumps(silo) + "\n" + json.dumps(tour) + "\n")
    db = tmp_path / "w.db"
    with Store(db) as store:
        assert len(pipeline.watch_once(inbox, store, settle=0.01).new) == 2
        ids = {a.title: a.id for a in store.all_articles()}
    silo["text"] += PART_2
    feed.write_text(json.dumps(silo) + "\n")  # the tour record was withdrawn, the silo one updated
    with Store(db) as store:
        report = pipeline.watch_once(inbox, store, settle=0.01)
        assert len(report.new) == 1 and sorted(report.replaced) == sorted(ids.values())
        (left,) = store.all_articles()
        assert "Oona Saltash" in left.text
        (only,) = sources_of_stories(store)  # the withdrawn record's story is gone
        assert store.get_story(only).article_ids == [left.id]
        assert all(n >= 1 for n in sources_of_stories(store).values())  # no story is left empty
        for sid in store.story_ids():
            assert pipeline.story_brief(store, sid) is not None


def test_an_unreadable_new_version_keeps_the_old_one(tmp_path):
    inbox, f, db = herald_inbox(tmp_path)
    with Store(db) as store:
        assert len(pipeline.watch_once(inbox, store, settle=0.01).new) == 1
    f.write_bytes(b"\x00\x01\x02" * 50)  # overwritten by something that is no article
    with Store(db) as store:
        report = pipeline.watch_once(inbox, store, settle=0.01)
        assert report.problems and report.replaced == []
        assert store.count_articles() == 1


def test_watcher_needs_an_existing_folder(tmp_path):
    with Store(tmp_path / "w.db") as store:
        with pytest.raises(NotADirectoryError, match="no such folder"):
            pipeline.Watcher(tmp_path / "missing", store)


def test_a_deleted_file_is_withdrawn_and_its_story_rebriefed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = inbox / "harwick-herald.txt"
    first.write_text(PART_1 + PART_2)
    second = inbox / "harwick-post.txt"
    second.write_text(" date 2024-10-14 Dock silo falls in Harwick\n"
                      "A silo full of grain fell at the Harwick docks on Monday, injuring three workers.\n\n"
                      "Port director Oona Saltash said the silo had passed an inspection in March.\n")
    (inbox / "pellmore-news.txt").write_text(OTHER)
    db = tmp_path / "w.db"
    with Store(db) as store:
        assert len(pipeline.watch_once(inbox, store, settle=0.01).new) == 3
        gone = next(a.id for a in store.all_articles() if a.path == str(second))
    second.unlink()
    with Store(db) as store:
        watcher = pipeline.Watcher(inbox, store)
        assert watcher.poll().withdrawn == []  # first sight of the gap: it may be a save in progress
        report = watcher.poll()
        assert report.withdrawn == [gone] and report.stories_changed
        arts = store.all_articles()
        assert gone not in {a.id for a in arts} and len(arts) == 2
        harwick = next(a for a in arts if "Harwick" in a.text)
        brief = store.get_brief(harwick.story_id)
        assert {s["article_id"] for s in brief["sources"]} == {harwick.id}
        assert store.search("injuring") == []
        assert watcher.poll().withdrawn == []  # said once
    second.write_text("A silo full of grain fell at the Harwick docks on Monday, injuring three workers.\n")
    with Store(db) as store:  # a file put back is read again
        assert len(pipeline.watch_once(inbox, store, settle=0.01).new) == 1


def test_a_file_moved_within_the_folder_keeps_its_articles(tmp_path):
    inbox, f, db = herald_inbox(tmp_path)
    with Store(db) as store:
        assert len(pipeline.watch_once(inbox, store, settle=0.01).new) == 1
        (before,) = store.all_articles()
    (inbox / "done").mkdir()
    f.rename(inbox / "done" / f.name)
    with Store(db) as store:
        report = pipeline.watch_once(inbox, store, settle=0.01)
        assert report.withdrawn == [] and report.new == []
        (after,) = store.all_articles()
        assert after.id == before.id and after.path == str(inbox / "done" / f.name)
    (inbox / "done" / f.name).unlink()  # and deleting it from its new place withdraws it
    with Store(db) as store:
        assert pipeline.watch_once(inbox, store, settle=0.01).withdrawn == [before.id]
        assert store.count_articles() == 0 and store.story_ids() == []


def test_a_vanished_watched_folder_withdraws_nothing(tmp_path):
    inbox, _, db = herald_inbox(tmp_path)
    with Store(db) as store:
        watcher = pipeline.Watcher(inbox, store)
        watcher.poll()
        assert len(watcher.poll().new) == 1
        (inbox / "harwick-herald.txt").unlink()
        inbox.rmdir()  # e.g. an unmounted share: not the same as every file deleted
        watcher.poll()
        assert watcher.poll().withdrawn == [] and store.count_articles() == 1


def test_records_that_never_were_files_are_not_withdrawn(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.chdir(inbox)  # `newsfuse watch .` beside the store
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest_records([{"title": "Orchestra cancels tour", "text": OTHER.split("\n", 1)[1],
                                  "published": "2024-10-14", "outlet": "Coast Wire"}], store, origin="api")
        pipeline.ingest_upload("upload:harwick.txt", (PART_1 + PART_2).encode(), store)
        assert store.count_articles() == 2
        watcher = pipeline.Watcher(".", store)
        watcher.poll()
        assert watcher.poll().withdrawn == [] and store.count_articles() == 2


def test_keep_deleted_leaves_the_articles_of_a_deleted_file(tmp_path):
    from typer.testing import CliRunner

    from newsfuse.cli import app

    inbox, report, db = herald_inbox(tmp_path)
    args = ["watch", str(inbox), "--db", str(db), "--once", "--interval", "0.1", "--keep-deleted"]
    assert CliRunner().invoke(app, args).exit_code == 0
    with Store(db) as store:
        kept = {a.id for a in store.all_articles()}
    assert len(kept) == 1
    report.unlink()
    for _ in range(2):  # missing at two polls in a row would withdraw it without the option
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0 and "withdrawn" not in result.output
    with Store(db) as store:
        assert {a.id for a in store.all_articles()} == kept
        watcher = pipeline.Watcher(inbox, store, keep_deleted=True)
        assert watcher.poll().withdrawn == [] and watcher.poll().withdrawn == []
        assert {a.id for a in store.all_articles()} == kept


def test_the_store_kept_in_the_watched_folder_is_no_input(tmp_path):
    """`newsfuse watch .` with the default --db: the store and its journal are not reported as
    unreadable files at every poll, nor by `ingest .`."""
    inbox, _, _ = herald_inbox(tmp_path)
    with Store(inbox / "newsfuse.db") as store:
        watcher = pipeline.Watcher(inbox, store)
        reports = [watcher.poll() for _ in range(3)]
        assert sum(len(r.new) for r in reports) == 1
        assert not any(r.problems for r in reports), [r.problems for r in reports]
        assert not pipeline.ingest([inbox], store).problems
        assert list(pipeline.pending_files(inbox, store)) == []
