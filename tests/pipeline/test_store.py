"""The SQLite store: schema versioning, idempotent writes, all-or-nothing transactions, search."""

import sqlite3
from datetime import date, datetime, timezone

import pytest

from newsfuse.records import Article, Entry, Sentence, Story, article_id_for
from newsfuse.store import SCHEMA_VERSION, Store
from newsfuse.store.schema import migrate


def make_article(text: str, title: str = "Ferry fire", outlet: str = "The Harbour Courier") -> Article:
    aid = article_id_for(text)
    first = text.split(". ")[0] + "."
    return Article(
        id=aid, text=text, title=title, outlet=outlet, url="https://harbourcourier.example/a",
        authors=["Ines Patel"], published=datetime(2025, 3, 12, 9, 30, tzinfo=timezone.utc),
        language="en", path="/tmp/a.txt", format="txt",
        entries=[Entry(text=first, start=0, end=len(first), time=datetime(2025, 3, 12, 9, 30), author="Ines Patel")],
        sentences=[Sentence(article_id=aid, index=0, text=first, start=0, end=len(first), ref_date=date(2025, 3, 12), entry=0)],
    )


TEXT = "A ferry caught fire off Port Ellery on Tuesday. Nine crew members were rescued, the coastguard said."


def test_new_store_has_current_schema(tmp_path):
    with Store(tmp_path / "w.db") as store:
        assert store.schema_version == SCHEMA_VERSION
    # reopening does not migrate again or fail
    with Store(tmp_path / "w.db") as store:
        assert store.schema_version == SCHEMA_VERSION


def test_refuses_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


def test_migration_is_all_or_nothing():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE articles (x)")  # clashes with migration 1
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'files'").fetchone()[0] == 0


def test_round_trip_keeps_sentences_entries_and_metadata(tmp_path):
    a = make_article(TEXT)
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            new, existing = store.add_articles(conn, [a])
        assert new == [a.id] and existing == []
        b = store.get_article(a.id)
    assert b.text == a.text and b.title == a.title and b.authors == ["Ines Patel"]
    assert b.published == a.published
    assert b.sentences[0].text == b.text[b.sentences[0].start:b.sentences[0].end] == a.sentences[0].text
    assert b.sentences[0].ref_date == date(2025, 3, 12)
    assert b.entries[0].author == "Ines Patel" and b.entries[0].time == datetime(2025, 3, 12, 9, 30)


def test_same_article_twice_is_one_row(tmp_path):
    a = make_article(TEXT)
    with Store(tmp_path / "w.db") as store:
        for _ in range(2):
            with store.transaction() as conn:
                store.add_articles(conn, [a])
        with store.transaction() as conn:
            new, existing = store.add_articles(conn, [make_article(TEXT, title="Another title")])
        assert new == [] and existing == [a.id]
        assert store.count_articles() == 1


def test_crash_inside_transaction_leaves_store_as_it_was(tmp_path):
    path = tmp_path / "w.db"
    first = make_article(TEXT)
    second = make_article("Rail workers walked out in Dunmore on Monday. Trains were cancelled.")
    with Store(path) as store:
        with store.transaction() as conn:
            store.add_articles(conn, [first])
        with pytest.raises(KeyboardInterrupt):
            with store.transaction() as conn:
                store.add_articles(conn, [second])
                raise KeyboardInterrupt  # e.g. Ctrl-C mid-file
    with Store(path) as store:
        assert store.count_articles() == 1
        assert store.get_article(first.id) is not None and store.get_article(second.id) is None
        assert store.search("Dunmore") == []


def test_full_text_search_finds_words_and_ignores_syntax(tmp_path):
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, [make_article(TEXT)])
        hits = store.search("coastguard")
        assert len(hits) == 1 and "[coastguard]" in hits[0]["snippet"]
        assert store.search('coastguard" (') and store.search("ferry rescued") and store.search("ferry zebra") == [] and store.search("***") == []


def test_story_ids_survive_merges_as_aliases(tmp_path):
    a = make_article(TEXT)
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, [a])
            store.save_stories(conn, [Story(id="s-b", article_ids=[]), Story(id="s-a", article_ids=[a.id])])
        with store.transaction() as conn:
            store.save_stories(conn, [Story(id="s-a", article_ids=[a.id], aliases=["s-b"])])
        assert store.resolve_story_id("s-b") == "s-a"
        assert store.get_story("s-b").id == "s-a"
        assert store.story_ids() == ["s-a"]
        assert store.resolve_story_id("nope") is None
        rows, total = store.list_stories()
        assert total == 1 and rows[0].n_articles == 1 and rows[0].outlets == ["The Harbour Courier"]
        assert rows[0].is_updated  # no brief stored yet
        store.save_brief("s-a", {"story_id": "s-a"})
        assert store.get_brief("s-b") == {"story_id": "s-a"}
        assert not store.list_stories()[0][0].is_updated


def test_removing_a_file_version_cleans_up_after_it(tmp_path):
    old = make_article(TEXT)
    copy = make_article(TEXT + " Two of them were treated for smoke.", outlet="Bay Wire")
    copy.path = "/tmp/b.txt"
    jsonl = make_article("A second ferry was towed to Port Ellery on Wednesday. No one was hurt.")
    jsonl.path = "/tmp/a.txt.more#3"  # another file whose name starts the same
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, [old, copy, jsonl])
            store.set_duplicates(conn, {copy.id: old.id}, {copy.id: "near"}, {(copy.id, 0): [(old.id, 0)]})
            store.save_stories(conn, [Story(id="s-a", article_ids=[old.id], title="Ferry fire", aliases=["s-old"]),
                                      Story(id="s-b", article_ids=[copy.id, jsonl.id], title="Ferry fire")])
        assert store.article_ids_from_file("/tmp/a.txt") == [old.id]
        with store.transaction() as conn:
            assert store.remove_articles(conn, [old.id]) == ["s-a"]
        assert store.get_article(old.id) is None and store.count_articles() == 2
        assert store.get_article(copy.id).duplicate_of is None  # the copy is an original now
        assert store.sentence_copies([copy.id]) == {}
        assert store.story_ids() == ["s-b"]  # the emptied story is gone, and so is its alias
        assert store.resolve_story_id("s-a") is None and store.resolve_story_id("s-old") is None
        assert store.search("Port Ellery") and all(h["article_id"] != old.id for h in store.search("Port Ellery"))
        assert store.conn.execute("SELECT count(*) FROM sentences WHERE article_id = ?", (old.id,)).fetchone()[0] == 0


def test_sentence_copies_read_back_as_written_in_order(tmp_path):
    arts = [make_article(TEXT + f" Report {k}.", outlet=f"Outlet {k}") for k in range(4)]
    pairs = {(a.id, i): [(b.id, i) for b in sorted(arts, key=lambda x: x.id) if b.id != a.id]
             for a in arts for i in (0, 1)}
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, arts)
            store.set_duplicates(conn, {}, {}, pairs)
        got = store.sentence_copies([a.id for a in arts])
        assert got == pairs and list(got) == sorted(pairs)
        assert store.sentence_copies([arts[0].id]) == {k: v for k, v in pairs.items() if k[0] == arts[0].id}
