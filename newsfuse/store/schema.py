"""The SQLite schema and its migrations.

Each migration is a list of statements applied in one transaction; ``PRAGMA user_version`` records
how far a database has come, so an old workspace file is upgraded in place when it is opened.
Add a migration by appending to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[list[str]] = [
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
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
