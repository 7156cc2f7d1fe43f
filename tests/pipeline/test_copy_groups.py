"""Sentence copies are stored as groups (one row per copy), read back as the same copy pairs, and
an old store that kept a row per pair of copies is migrated on open."""

import sqlite3

from newsfuse.store import SCHEMA_VERSION, Store
from newsfuse.store.schema import MIGRATIONS, copy_groups


def _all_pairs(places):
    """What dedup reports for one wire sentence: every place with all places of other articles."""
    return {p: [q for q in places if q[0] != p[0]] for p in places}


def _rows(store):
    return store.conn.execute("SELECT count(*) FROM copy_groups").fetchone()[0]


def test_a_sentence_run_by_n_articles_takes_n_rows(tmp_path):
    places = sorted((f"art-{k:02d}", k % 3) for k in range(30))
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.set_duplicates(conn, {}, {}, _all_pairs(places))
        assert _rows(store) == 30  # a row per pair of copies would be 30 * 29
        got = store.sentence_copies([p[0] for p in places])
        assert got == _all_pairs(places) and list(got) == places


def test_ingesting_copies_one_by_one_keeps_one_group(tmp_path):
    places = [(f"art-{k:02d}", 4) for k in range(12)]
    with Store(tmp_path / "w.db") as store:
        for n in range(2, len(places) + 1):  # each new file's run sees it and all earlier copies
            with store.transaction() as conn:
                store.set_duplicates(conn, {}, {}, _all_pairs(places[:n]))
        with store.transaction() as conn:  # the same run again adds nothing
            store.set_duplicates(conn, {}, {}, _all_pairs(places[:5]))
        assert _rows(store) == 12
        assert store.sentence_copies([p[0] for p in places]) == _all_pairs(places)


def test_copies_written_by_runs_that_never_met_stay_apart():
    # A~B in one run, B~C in a later one whose window no longer held A: A and C are no copies
    pairs = [(("A", 0), ("B", 0)), (("B", 0), ("A", 0)), (("B", 0), ("C", 1)), (("C", 1), ("B", 0))]
    assert copy_groups(pairs) == [[("A", 0), ("B", 0)], [("B", 0), ("C", 1)]]
    assert copy_groups(pairs + [(("A", 0), ("C", 1))]) == [[("A", 0), ("B", 0), ("C", 1)]]
    assert copy_groups([(("A", 0), ("A", 3))]) == []  # one article: no copy


def test_removing_an_article_leaves_the_other_copies(tmp_path):
    places = [("a", 0), ("b", 2), ("c", 1)]
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.set_duplicates(conn, {}, {}, _all_pairs(places))
            store.remove_articles(conn, ["c"])
        assert store.sentence_copies(["a", "b", "c"]) == _all_pairs(places[:2])
        with store.transaction() as conn:
            store.remove_articles(conn, ["b"])
        assert store.sentence_copies(["a"]) == {} and _rows(store) == 0


def test_an_old_store_with_copy_pairs_is_migrated_on_open(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for version in (0, 1):
        for statement in MIGRATIONS[version]:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    wire = [(f"w{k}", 1) for k in range(6)] + [("w0", 5)]  # one article carries the sentence twice
    chain = [(("x", 0), ("y", 0)), (("y", 0), ("z", 0))]
    old = {p: sorted(q) for p, q in _all_pairs(wire).items()}
    for a, b in chain:
        old.setdefault(a, []).append(b)
        old.setdefault(b, []).append(a)
    conn.executemany("INSERT INTO articles(id, title, text, ingested_at) VALUES (?, ?, '', '2025-03-12')",
                     [(a, f"Title {a}") for a in sorted({p[0] for p in old})])
    conn.executemany("INSERT INTO sentence_copies VALUES (?,?,?,?)",
                     [(*p, *q) for p, qs in old.items() for q in qs])
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "sentence_copies" not in tables
        ids = ["w0", "w1", "w2", "w3", "w4", "w5", "x", "y", "z"]
        assert store.sentence_copies(ids) == {p: sorted(qs) for p, qs in sorted(old.items())}
        assert _rows(store) == 7 + 4  # the wire group, and the chain as two groups of two
        shared = {c["article_id"]: c["shared_sentences"] for c in store.copies_of("w0")}
        assert shared == {f"w{k}": 2 for k in range(1, 6)}  # both of w0's copies, once each


def test_the_fast_grouping_agrees_with_the_pairwise_one():
    from newsfuse.store.schema import groups_of_copies

    wire = [("c", 2), ("c", 5), ("a", 0), ("b", 0)]  # the first place's article carries it twice
    copies = _all_pairs(wire)
    copies[("x", 0)] = [("y", 0)]
    copies[("y", 0)] = [("x", 0), ("z", 0)]
    copies[("z", 0)] = [("y", 0)]
    pairs = [(p, q) for p, qs in copies.items() for q in qs]
    assert groups_of_copies(copies) == copy_groups(pairs) == [
        sorted(wire), [("x", 0), ("y", 0)], [("y", 0), ("z", 0)]]
