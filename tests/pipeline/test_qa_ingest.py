"""Ingest as an analyst uses it: a file path identifies a document, so reading an edited file
again replaces the version read before (as `watch` does) instead of adding a second source."""

from pathlib import Path

from typer.testing import CliRunner

from newsfuse import pipeline
from newsfuse.cli import app
from newsfuse.store import Store

runner = CliRunner()

# invented reports of one bridge closure
FIRST = (" date 2024-11-05 Corran bridge closed after crack found\n"
         "Engineers closed the Corran river bridge on Tuesday after finding a crack in its main span, the city said.\n\n"
         "About 9,000 vehicles cross the bridge each day.\n")
EDITED = FIRST.replace("About 9,000 vehicles", "About 11,000 vehicles") + (
    "\n\"We will not reopen it until it is safe,\" said city engineer Maren Holt.\n")
OTHER = (" date 2024-11-05 Ferry service added while Corran bridge is shut\n"
         "A temporary ferry will carry commuters across the Corran river while the bridge is closed, the city said on Tuesday.\n")


def sources(store: Store) -> list[int]:
    rows, _ = store.list_stories(limit=100)
    return sorted(r.n_articles for r in rows)


def test_ingest_of_an_edited_file_replaces_its_earlier_version(tmp_path):
    f = tmp_path / "in" / "corran-courier.txt"
    f.parent.mkdir()
    f.write_text(FIRST)
    (tmp_path / "in" / "river-gazette.txt").write_text(OTHER)
    with Store(tmp_path / "w.db") as store:
        first = pipeline.ingest([f.parent], store)
        assert len(first.new) == 2
        old = next(a.id for a in store.all_articles() if a.path == str(f))
        f.write_text(EDITED)  # the outlet corrected its report
        second = pipeline.ingest([f.parent], store)
        assert len(second.new) == 1 and second.replaced == [old]
        texts = [a.text for a in store.all_articles() if a.path == str(f)]
        assert len(texts) == 1 and "11,000" in texts[0] and "9,000" not in texts[0]
        assert store.count_articles() == 2
        # the story's stored brief no longer cites the old figure
        (sid,) = {a.story_id for a in store.all_articles() if a.path == str(f)}
        assert "9,000" not in str(store.get_brief(sid))
        assert "11,000" in str(store.get_brief(sid))


def test_cli_ingest_says_an_earlier_version_was_replaced(tmp_path):
    f = tmp_path / "corran-courier.txt"
    f.write_text(FIRST)
    db = str(tmp_path / "w.db")
    assert runner.invoke(app, ["ingest", str(f), "--db", db]).exit_code == 0
    f.write_text(EDITED)
    result = runner.invoke(app, ["ingest", str(f), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output and "replac" in result.output
    with Store(db) as store:
        assert store.count_articles() == 1 and sources(store) == [1]


def test_an_edited_file_that_cannot_be_read_keeps_the_old_version(tmp_path):
    f = tmp_path / "corran-courier.txt"
    f.write_text(FIRST)
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest([f], store)
        f.write_bytes(b"")  # truncated by a failed copy
        report = pipeline.ingest([f], store)
        assert report.problems and report.replaced == []
        assert store.count_articles() == 1


def test_a_workspace_of_the_first_schema_is_upgraded_and_keeps_its_articles(tmp_path):
    import sqlite3

    from newsfuse.store.schema import MIGRATIONS

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    f = tmp_path / "corran-courier.txt"
    f.write_text(FIRST)
    with Store(db) as store:
        pipeline.ingest([f], store)
        f.write_text(EDITED)
        assert len(pipeline.ingest([f], store).replaced) == 1
        plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE path = ?", ("x",)).fetchall()
        assert "articles_path" in str([tuple(r) for r in plan])


def test_a_path_that_only_starts_like_another_is_another_file(tmp_path):
    """'feed.jsonl' must not claim the records of 'feed.jsonl.gz'."""
    import gzip
    import json

    a, b = tmp_path / "feed.jsonl", tmp_path / "feed.jsonl.gz"
    rec = {"title": "Corran bridge closed", "text": FIRST.split("\n", 1)[1], "outlet": "Corran Courier"}
    a.write_text(json.dumps(rec) + "\n")
    b.write_bytes(gzip.compress((json.dumps({**rec, "outlet": "River Gazette"}) + "\n").encode()))
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest([a, b], store)
        assert len(store.article_ids_from_file(str(a))) == 1
        a.write_text(json.dumps({**rec, "text": EDITED.split("\n", 1)[1]}) + "\n")
        assert len(pipeline.ingest([a], store).replaced) == 1
        assert store.count_articles() == 2


def test_a_hash_sign_in_a_file_name_does_not_join_files(tmp_path):
    """'update#1.txt' and 'update#2.txt' are two documents, not records of a file 'update'."""
    d = tmp_path / "in"
    d.mkdir()
    one, two = d / "update#1.txt", d / "update#2.txt"
    one.write_text(FIRST)
    two.write_text(OTHER)
    with Store(tmp_path / "w.db") as store:
        assert len(pipeline.ingest([d], store).new) == 2
        two.write_text(OTHER.replace("temporary ferry", "temporary ferry and a bus"))
        report = pipeline.ingest([two], store)
        assert len(report.new) == 1 and len(report.replaced) == 1
        assert sorted(a.path for a in store.all_articles()) == [str(one), str(two)]
        assert store.file_seen(str(two), pipeline.file_sha256(two))


def test_an_absolute_and_a_relative_path_are_one_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f = Path("in") / "corran-courier.txt"
    f.parent.mkdir()
    f.write_text(FIRST)
    with Store("w.db") as store:
        pipeline.ingest([Path("in")], store)
        f.write_text(EDITED)
        report = pipeline.ingest([f.resolve()], store)
        assert len(report.new) == 1 and len(report.replaced) == 1
        assert store.count_articles() == 1


def _interrupted_ingest(monkeypatch, folder, db, name) -> None:
    """Ingest ``folder`` into ``db`` with the pipeline step ``name`` stopped as by Ctrl-C or a crash;
    the step works again afterwards."""

    def boom(*args, **kwargs):
        raise KeyboardInterrupt  # the user pressed Ctrl-C, or the machine went down, at this step

    monkeypatch.setattr(pipeline, name, boom)
    with Store(db) as store:
        try:
            pipeline.ingest([folder], store)
        except KeyboardInterrupt:
            pass
    monkeypatch.undo()


def test_a_rerun_after_an_interrupted_ingest_puts_the_stored_articles_into_stories(tmp_path, monkeypatch):
    """Articles are stored file by file before they are grouped: a run stopped in between must
    not leave articles that no later run ever puts into a story."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "corran-courier.txt").write_text(FIRST)
    (d / "river-gazette.txt").write_text(OTHER)
    db = tmp_path / "w.db"
    _interrupted_ingest(monkeypatch, d, db, "_group_new")
    with Store(db) as store:
        assert store.count_articles() == 2 and store.list_stories()[1] == 0
    with Store(db) as store:
        report = pipeline.ingest([d], store)
        assert report.new == [] and len(report.existing) == 2
        assert report.stories_changed
        rows, total = store.list_stories()
        assert total >= 1 and sum(r.n_articles for r in rows) == 2
        assert all(store.get_brief(r.id) for r in rows)


def test_a_rerun_after_an_ingest_interrupted_while_briefing_makes_the_missing_briefs(tmp_path, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    (d / "corran-courier.txt").write_text(FIRST)
    db = tmp_path / "w.db"
    _interrupted_ingest(monkeypatch, d, db, "story_brief")
    with Store(db) as store:
        (row,), _ = store.list_stories()
        assert store.get_brief(row.id) is None
    with Store(db) as store:
        pipeline.ingest([d], store)
        assert store.get_brief(row.id) is not None


def test_a_bad_line_of_a_feed_does_not_mark_the_file_as_unread(tmp_path):
    import json

    feed = tmp_path / "feed.jsonl"
    good = {"title": "Corran bridge closed", "text": FIRST.split("\n", 1)[1], "outlet": "Corran Courier"}
    feed.write_text(json.dumps(good) + "\n{broken\n")
    with Store(tmp_path / "w.db") as store:
        report = pipeline.ingest([feed], store)
        assert len(report.new) == 1 and len(report.problems) == 1
        rows = store.conn.execute("SELECT path, status, n_articles FROM files").fetchall()
        assert [tuple(r) for r in rows] == [(str(feed), "ok", 1)]


def test_two_ingests_at_once_do_not_lose_each_others_grouping(tmp_path, monkeypatch):
    """A CLI ingest while the web server stores an upload: the clusterer's memory is read, updated
    and written back by each run; neither may overwrite what the other added."""
    import threading

    from newsfuse.stories.cluster import StoryClusterer

    real_add = StoryClusterer.add
    first_grouping, second_done = threading.Event(), threading.Event()

    def add(self, articles, **kw):
        if threading.current_thread().name != "first":
            return real_add(self, articles, **kw)
        first_grouping.set()
        out = real_add(self, articles, **kw)
        second_done.wait(timeout=3)  # the other run stores and groups meanwhile (if it may)
        return out

    monkeypatch.setattr(StoryClusterer, "add", add)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "corran-courier.txt").write_text(FIRST)
    (tmp_path / "b" / "river-gazette.txt").write_text(OTHER)
    db = tmp_path / "w.db"
    Store(db).close()
    errors = []

    def run(folder):
        try:
            with Store(db) as store:
                pipeline.ingest([folder], store, refresh=False)
        except Exception as e:  # pragma: no cover - shown by the assert below
            errors.append(e)
        finally:
            if threading.current_thread().name == "second":
                second_done.set()

    first = threading.Thread(target=run, args=(tmp_path / "a",), name="first")
    second = threading.Thread(target=run, args=(tmp_path / "b",), name="second")
    first.start()
    assert first_grouping.wait(timeout=60)
    second.start()
    first.join()
    second.join()
    assert not errors
    with Store(db) as store:
        known = str(store.get_state(pipeline.CLUSTER_STATE_KEY))
        ids = [a.id for a in store.all_articles()]
        assert len(ids) == 2 and all(i in known for i in ids), "a run's grouping was overwritten"
        assert all(a.story_id for a in store.all_articles())
