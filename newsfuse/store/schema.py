"""The SQLite schema and its migrations.

Each migration is a list of steps applied in one transaction -- SQL statements, or a Python
function of the connection where SQL alone cannot move the data; ``PRAGMA user_version`` records
how far a database has come, so an old workspace file is upgraded in place when it is opened.
Add a migration by appending to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Callable, Iterable

Place = tuple[str, int]  # (article id, sentence index)


def copy_groups(pairs: Iterable[tuple[Place, Place]]) -> list[list[Place]]:
    """Copy groups that give back exactly these copy pairs, each group as its sorted places.

    A group stands for every pair of its places in different articles. Dedup's pairs come as such
    groups (a wire sentence and all its copies), so a connected set of places is one group when
    every cross-article pair in it is present; otherwise (pairs written by separate runs that
    never met) each pair becomes a group of two, so no pair is gained or lost. Pairs are undirected.
    """
    parent: dict[Place, Place] = {}

    def find(x: Place) -> Place:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges: set[tuple[Place, Place]] = set()
    for a, b in pairs:
        a, b = tuple(a), tuple(b)
        if a[0] == b[0]:
            continue  # a sentence is no copy of one in its own article
        edges.add((a, b) if a < b else (b, a))
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[Place, list[Place]] = defaultdict(list)
    for x in parent:
        members[find(x)].append(x)
    edges_of: dict[Place, list[tuple[Place, Place]]] = defaultdict(list)
    for e in edges:
        edges_of[find(e[0])].append(e)
    out: list[list[Place]] = []
    for root, mem in members.items():
        mem.sort()
        per_article: dict[str, int] = defaultdict(int)
        for aid, _ in mem:
            per_article[aid] += 1
        n = len(mem)
        complete = (n * n - sum(k * k for k in per_article.values())) // 2
        if len(edges_of[root]) == complete:
            out.append(mem)
        else:
            out.extend(list(e) for e in edges_of[root])
    out.sort()
    return out


def groups_of_copies(copies: dict[Place, Iterable[Place]]) -> list[list[Place]]:
    """``copy_groups`` for dedup's answer (each place with all its copies in other articles), fast:
    a place whose copies, with it, form a group in which every member lists exactly the others'
    places is that group, found with set operations instead of pair by pair (a wire sentence in
    800 articles is 640,000 pairs); whatever is left goes through ``copy_groups``."""
    adj = {tuple(p): {tuple(q) for q in qs if q[0] != p[0]} for p, qs in copies.items()}
    out: list[list[Place]] = []
    rest: list[tuple[Place, Place]] = []
    done: set[Place] = set()
    for p, qs in adj.items():
        if p in done or not qs:
            continue
        group = qs | {p} | adj.get(next(iter(qs)), set())  # the last term: p's article's other copies
        by_article: dict[str, set[Place]] = defaultdict(set)
        for q in group:
            by_article[q[0]].add(q)
        if all(adj.get(q) == group - by_article[q[0]] for q in group):
            out.append(sorted(group))
            done |= group
        else:
            rest += [(p, q) for q in qs]
            done.add(p)
    out += copy_groups(rest)
    out.sort()
    return out


def _copies_as_groups(conn: sqlite3.Connection) -> None:
    """Migration 3: one row per copy (group, place) instead of one per ordered pair of copies (a
    wire sentence run by n articles took n*(n-1) rows); the pairs read back are the same."""
    copies: dict[Place, set[Place]] = defaultdict(set)
    for a, i, b, j in conn.execute("SELECT article_id, idx, copy_article_id, copy_idx FROM sentence_copies"):
        if a != b:  # pairs are undirected: one stored one way only counts both ways
            copies[(a, i)].add((b, j))
            copies[(b, j)].add((a, i))
    groups = groups_of_copies(copies)
    conn.executemany("INSERT INTO copy_groups(group_id, article_id, idx) VALUES (?,?,?)",
                     ((g, aid, idx) for g, mem in enumerate(groups, 1) for aid, idx in mem))
    conn.execute("DROP TABLE sentence_copies")


MIGRATIONS: list[list[str | Callable[[sqlite3.Connection], None]]] = [
    # 1: articles, sentences, stories, files
    [
        """CREATE TABLE files (
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER,
            status TEXT NOT NULL,          -- ok | problem
            message TEXT,
            n_articles INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (path, sha256)
        )""",
        """CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT, outlet TEXT, domain TEXT, title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',   -- JSON list
            published TEXT,                       -- ISO-8601
            language TEXT, path TEXT, format TEXT,
            wires TEXT NOT NULL DEFAULT '[]',     -- JSON list
            is_liveblog INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            duplicate_of TEXT,
            duplicate_kind TEXT,
            story_id TEXT,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_story ON articles(story_id)",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE TABLE entries (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            time TEXT, author TEXT, title TEXT,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            ref_date TEXT, entry INTEGER,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE sentence_copies (
            article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            copy_article_id TEXT NOT NULL, copy_idx INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx, copy_article_id, copy_idx)
        )""",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_seen TEXT, last_seen TEXT,
            storyline_id TEXT,
            updated_at TEXT NOT NULL,
            brief TEXT,            -- contract-v1 JSON of the latest brief
            brief_at TEXT
        )""",
        """CREATE TABLE story_aliases (
            alias TEXT PRIMARY KEY,
            story_id TEXT NOT NULL
        )""",
        """CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid'
        )""",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
    ],
    # 2: ingest looks up a file's earlier articles by path (an edited file replaces them)
    ["CREATE INDEX articles_path ON articles(path)"],
    # 3: sentence copies as groups: storage linear in the number of copies, not quadratic
    [
        """CREATE TABLE copy_groups (
            group_id INTEGER NOT NULL,
            article_id TEXT NOT NULL, idx INTEGER NOT NULL,
            PRIMARY KEY (group_id, article_id, idx)
        ) WITHOUT ROWID""",
        "CREATE INDEX copy_groups_place ON copy_groups(article_id, idx)",
        _copies_as_groups,
    ],
    # 4: a storyline's brief looks up its stories
    ["CREATE INDEX stories_storyline ON stories(storyline_id)"],
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """(conn must be in autocommit mode, isolation_level=None.) Bring ``conn`` up to SCHEMA_VERSION; returns the version it started from."""
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    if start > SCHEMA_VERSION:
        raise RuntimeError(
            f"this database has schema version {start}, newer than this newsfuse ({SCHEMA_VERSION})"
        )
    for version in range(start, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for step in MIGRATIONS[version]:
                if callable(step):
                    step(conn)
                else:
                    conn.execute(step)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
