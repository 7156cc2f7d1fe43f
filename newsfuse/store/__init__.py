"""The workspace store: one SQLite file (``newsfuse.db`` by default), no server to start.

Everything a run learns lands here: articles with their sentences and live-blog entries, which
files were read, duplicates, stories (with merge aliases), the clusterer's state and the latest
brief of each story. Writes happen in short explicit transactions, so a crash mid-ingest leaves
the file as it was after the last whole file, and a re-run continues where it stopped.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator

from newsfuse.ingest.meta import YEARS
from newsfuse.ingest.liveblog import is_live_title
from newsfuse.records import Article, Entry, Sentence, Story
from newsfuse.store.schema import SCHEMA_VERSION, Place, groups_of_copies, migrate

__all__ = ["Store", "StoryRow", "StorylineRow", "SCHEMA_VERSION", "parse_when"]


def _group_members(conn, gids: list[int]) -> dict[int, list[Place]]:
    """The (article, sentence) places of each copy group, in (article, sentence) order."""
    members: dict[int, list[Place]] = {}
    for chunk, marks in _chunks(gids):
        for gid, aid, idx in conn.execute(f"SELECT group_id, article_id, idx FROM copy_groups WHERE group_id IN"
                                          f" ({marks}) ORDER BY group_id, article_id, idx", chunk):
            members.setdefault(gid, []).append((aid, idx))
    return members


def _chunks(seq: list, size: int = 500):
    """``seq`` in pieces of at most ``size`` (SQLite caps the parameters of one statement), each
    with its "?,?,..." placeholders for an ``IN (...)``."""
    for k in range(0, len(seq), size):
        chunk = seq[k:k + size]
        yield chunk, ",".join("?" * len(chunk))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


LIVE_SPAN = timedelta(days=14)  # entries of a live page later than this after it opened are stray stamps

# the columns of an article that come from its metadata, not its text (the id hashes the text)
_META = ("url", "outlet", "domain", "title", "authors", "published", "language", "format", "wires", "is_liveblog")


def _meta_values(a: Article) -> tuple:
    """An article's ``_META`` columns as stored."""
    return (a.url, a.outlet, a.domain, a.title, json.dumps(a.authors), _iso(a.published), a.language, a.format,
            json.dumps(a.wires), int(a.is_liveblog))


def parse_when(text: str) -> date | datetime:
    """A day ("2025-03-10") or a time ("2025-03-10T14:00+01:00", "2025-03-10 14:00", "...Z") as a
    stories filter takes it; ValueError for anything else."""
    text = text.strip()
    return date.fromisoformat(text) if len(text) <= 10 else datetime.fromisoformat(text)


def _utc(t: datetime) -> datetime:
    """The same instant in UTC; a time stored without a zone is taken as UTC (ingest's convention)."""
    return t.astimezone(timezone.utc) if t.tzinfo else t.replace(tzinfo=timezone.utc)


def _bound(value: date | datetime, end: bool = False) -> str:
    """A date or time limit written as stories' first/last seen are (ISO text in UTC), so that
    comparing the text compares instants; a time without a zone is UTC, a day ``end`` its last second."""
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    return value.isoformat() + ("T23:59:59" if end else "")


def _match(q: str) -> str | None:
    """An FTS5 query for the plain words of ``q`` (all of them, each quoted), None without words."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in q).split() if w]
    return " ".join(f'"{w}"' for w in words) if words else None


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _published(value: str | None) -> datetime | None:
    """An article's stored date; a placeholder year an older newsfuse kept (0001-01-01) is none."""
    dt = _parse_dt(value)
    return dt if dt is not None and dt.year in YEARS else None


def _parse_date(value: str | None) -> date | None:
    """A stored day; a placeholder year (as dated an article's sentences in older stores) is none."""
    d = date.fromisoformat(value) if value else None
    return d if d is not None and d.year in YEARS else None


@dataclass
class StoryRow:
    """One line of the stories list: what a reader scans before opening a brief."""

    id: str
    title: str | None
    n_articles: int
    n_outlets: int  # distinct outlets, each article of unknown outlet counted as its own
    outlets: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    updated_at: datetime | None
    brief_at: datetime | None
    storyline_id: str | None = None
    is_updated: bool = False  # articles arrived after the stored brief was made
    article_ids: list[str] = field(default_factory=list)
    merged_ids: list[str] = field(default_factory=list)  # ids of stories merged into this one (they resolve to it)


@dataclass
class StorylineRow:
    """One line of the storylines list: a long-running topic and its stories."""

    id: str
    title: str | None  # the title of its story with the most articles that are not copies
    n_stories: int
    n_articles: int
    first_seen: datetime | None
    last_seen: datetime | None
    story_ids: list[str] = field(default_factory=list)  # the first seen first


class Store:
    """A newsfuse workspace in one SQLite file. Safe to share between threads of one process."""

    def __init__(self, path: str | Path = "newsfuse.db"):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        with self._lock:
            start = migrate(self.conn)
            if 0 < start < 3 and self.path != ":memory:":
                self.conn.execute("VACUUM")  # give back the pages of the dropped copy-pair table

    # -- plumbing -----------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: what runs inside lands together or not at all."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _query(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    # -- files --------------------------------------------------------------------------------

    def file_done(self, path: str, sha256: str) -> bool:
        """Was this exact file content already read from this path (so a re-run can skip it)?"""
        rows = self._query(
            "SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND status = 'ok'", (path, sha256)
        )
        return bool(rows)

    def file_seen(self, path: str, sha256: str) -> bool:
        """Was this exact content at this path already handled (read, or refused with a problem)?"""
        return bool(self._query("SELECT 1 FROM files WHERE path = ? AND sha256 = ?", (path, sha256)))

    def record_file(
        self, conn: sqlite3.Connection, path: str, sha256: str, size: int | None,
        status: str, message: str | None = None, n_articles: int = 0,
    ) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO files(path, sha256, size, status, message, n_articles, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (path, sha256, size, status, message, n_articles, _now()),
        )

    def recorded_files(self) -> dict[str, set[str]]:
        """Every path read so far, with the content hashes it was read with."""
        out: dict[str, set[str]] = {}
        for r in self._query("SELECT path, sha256 FROM files"):
            out.setdefault(r[0], set()).add(r[1])
        return out

    def forget_file(self, conn: sqlite3.Connection, path: str) -> None:
        """Drop a deleted file's rows, so a file put back at that path is read again."""
        conn.execute("DELETE FROM files WHERE path = ?", (path,))

    def move_file_articles(self, conn: sqlite3.Connection, old: str, new: str) -> None:
        """A file now lives at ``new``: its articles (and a feed's ``old#n`` records) say so."""
        conn.execute("UPDATE articles SET path = ? || substr(path, ?) WHERE path = ?"
                     " OR (path >= ? || '#' AND path < ? || '$')", (new, len(old) + 1, old, old, old))

    # -- articles -----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_articles(self, conn: sqlite3.Connection, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        """Insert articles not stored yet (inside the caller's transaction).

        Returns (new ids, ids already stored). The same article twice is one row: ingest is
        idempotent by content.
        """
        new, existing = [], []
        for a in articles:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
                existing.append(a.id)
                continue
            conn.execute(
                f"INSERT INTO articles(id, {', '.join(_META)}, path, text, duplicate_of, story_id, ingested_at)"
                f" VALUES (?, {', '.join('?' * len(_META))}, ?, ?, ?, ?, ?)",
                (a.id, *_meta_values(a), a.path, a.text, a.duplicate_of, a.story_id, _now()),
            )
            self._add_parts(conn, a)
            new.append(a.id)
        return new, existing

    @staticmethod
    def _add_parts(conn: sqlite3.Connection, a: Article) -> None:
        """An article's live-blog entries and sentences (spans into its text, with their dates)."""
        conn.executemany(
            'INSERT INTO entries(article_id, idx, time, author, title, start, "end")'
            " VALUES (?,?,?,?,?,?,?)",
            [(a.id, i, _iso(e.time), e.author, e.title, e.start, e.end) for i, e in enumerate(a.entries)],
        )
        conn.executemany(
            'INSERT INTO sentences(article_id, idx, start, "end", ref_date, entry) VALUES (?,?,?,?,?,?)',
            [(a.id, s.index, s.start, s.end, _iso(s.ref_date), s.entry) for s in a.sentences],
        )

    def update_article(self, conn: sqlite3.Connection, a: Article) -> bool:
        """Give a stored article the metadata of a new reading of the same text (its file was
        edited only in its title, date, authors...: the body, and so the id, did not change).
        Returns whether anything differed; its story, duplicates and copies stay."""
        row = conn.execute(f"SELECT {', '.join(_META)} FROM articles WHERE id = ?", (a.id,)).fetchone()
        if row is None:
            return False
        parts = [tuple(r) for r in conn.execute('SELECT idx, time, author, title, start, "end" FROM entries'
                                                " WHERE article_id = ? ORDER BY idx", (a.id,))]
        parts += [tuple(r) for r in conn.execute('SELECT idx, start, "end", ref_date, entry FROM sentences'
                                                 " WHERE article_id = ? ORDER BY idx", (a.id,))]
        fresh = [(i, _iso(e.time), e.author, e.title, e.start, e.end) for i, e in enumerate(a.entries)]
        fresh += [(s.index, s.start, s.end, _iso(s.ref_date), s.entry) for s in a.sentences]
        if tuple(row) == _meta_values(a) and parts == fresh:
            return False
        conn.execute(f"UPDATE articles SET {', '.join(c + ' = ?' for c in _META)} WHERE id = ?",
                     (*_meta_values(a), a.id))
        conn.execute("DELETE FROM entries WHERE article_id = ?", (a.id,))
        conn.execute("DELETE FROM sentences WHERE article_id = ?", (a.id,))
        self._add_parts(conn, a)
        return True

    @staticmethod
    def stories_of(conn: sqlite3.Connection, article_ids: list[str]) -> set[str]:
        """The stories these articles are in."""
        out: set[str] = set()
        for chunk, marks in _chunks(article_ids):
            out |= {r[0] for r in conn.execute(
                f"SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL", chunk)}
        return out

    def refresh_spans(self, conn: sqlite3.Connection, story_ids: Iterable[str]) -> None:
        """Recompute the first/last seen of stories from their remaining or re-dated articles."""
        for sid in story_ids:
            left = [r[0] for r in conn.execute("SELECT id FROM articles WHERE story_id = ?", (sid,))]
            first, last = self._dated_span(conn, Story(id=sid, article_ids=left))
            conn.execute("UPDATE stories SET first_seen = ?, last_seen = ? WHERE id = ?",
                         (_iso(first), _iso(last), sid))

    def _article_from_row(self, row: sqlite3.Row, entries=None, sentences=None) -> Article:
        """An Article from its row; entries and sentences are queried unless given (as rows)."""
        text = row["text"]
        a = Article(
            id=row["id"], text=text, title=row["title"], url=row["url"], outlet=row["outlet"],
            domain=row["domain"], authors=json.loads(row["authors"]), published=_published(row["published"]),
            language=row["language"], path=row["path"], format=row["format"], wires=json.loads(row["wires"]),
            is_liveblog=bool(row["is_liveblog"]), duplicate_of=row["duplicate_of"], story_id=row["story_id"],
            duplicate_kind=row["duplicate_kind"] if row["duplicate_of"] else None,
        )
        if entries is None:
            entries = self._query('SELECT * FROM entries WHERE article_id = ? ORDER BY idx', (a.id,))
        if sentences is None:
            sentences = self._query('SELECT * FROM sentences WHERE article_id = ? ORDER BY idx', (a.id,))
        a.entries = [
            Entry(text=text[e["start"]:e["end"]], start=e["start"], end=e["end"], time=_parse_dt(e["time"]),
                  author=e["author"], title=e["title"])
            for e in entries
        ]
        a.sentences = [
            Sentence(article_id=a.id, index=s["idx"], text=text[s["start"]:s["end"]], start=s["start"],
                     end=s["end"], ref_date=_parse_date(s["ref_date"]), entry=s["entry"])
            for s in sentences
        ]
        return a

    def _articles_from_rows(self, rows: list[sqlite3.Row]) -> list[Article]:
        """Articles for these rows, with entries and sentences fetched per chunk of 500 articles
        rather than two queries per article (ingest re-reads its whole dedup window)."""
        ids = list(dict.fromkeys(r["id"] for r in rows))
        entries: dict[str, list] = {i: [] for i in ids}
        sentences: dict[str, list] = {i: [] for i in ids}
        for chunk, marks in _chunks(ids):
            for e in self._query(f"SELECT * FROM entries WHERE article_id IN ({marks}) ORDER BY article_id, idx", chunk):
                entries[e["article_id"]].append(e)
            for s in self._query(f"SELECT * FROM sentences WHERE article_id IN ({marks}) ORDER BY article_id, idx", chunk):
                sentences[s["article_id"]].append(s)
        return [self._article_from_row(r, entries[r["id"]], sentences[r["id"]]) for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        rows = self._query("SELECT * FROM articles WHERE id = ?", (article_id,))
        return self._article_from_row(rows[0]) if rows else None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        """The stored ones of ``ids``, in that order (unknown ids are skipped)."""
        ids = list(ids)
        by_id: dict[str, sqlite3.Row] = {}
        uniq = list(dict.fromkeys(ids))
        for chunk, marks in _chunks(uniq):
            for r in self._query(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
                by_id[r["id"]] = r
        return self._articles_from_rows([by_id[i] for i in ids if i in by_id])

    def all_articles(self, since: datetime | None = None) -> list[Article]:
        """Every stored article (optionally published since a time), oldest first."""
        if since is not None:
            rows = self._query(
                "SELECT * FROM articles WHERE published >= ? OR published IS NULL ORDER BY published, rowid", (since.isoformat(),)
            )
        else:
            rows = self._query("SELECT * FROM articles ORDER BY published, rowid")
        return self._articles_from_rows(rows)

    def article_ids_from_file(self, path: str) -> list[str]:
        """Articles read from this file (a JSON/WARC file's records carry ``path#n``). The
        prefix is a range ('#' < '$'), so the path index answers it on a large store."""
        return [r[0] for r in self._query(
            "SELECT id FROM articles WHERE path = ? OR (path >= ? || '#' AND path < ? || '$')",
            (path, path, path))]

    def remove_articles(self, conn: sqlite3.Connection, ids: Iterable[str]) -> list[str]:
        """Delete articles (a file's earlier version) inside the caller's transaction; returns the
        stories they were in. Copies of them become originals again, and a story left with no
        article is dropped (its id stays known to the clusterer, which may fill it again)."""
        ids = list(dict.fromkeys(ids))
        stories = self.stories_of(conn, ids)
        for chunk, marks in _chunks(ids):
            conn.execute(f"UPDATE articles SET duplicate_of = NULL, duplicate_kind = NULL"
                         f" WHERE duplicate_of IN ({marks})", chunk)
            gids = [r[0] for r in conn.execute(
                f"SELECT DISTINCT group_id FROM copy_groups WHERE article_id IN ({marks})", chunk)]
            conn.execute(f"DELETE FROM copy_groups WHERE article_id IN ({marks})", chunk)
            for part, gm in _chunks(gids):  # a group left in one article holds no copy
                conn.execute(f"DELETE FROM copy_groups WHERE group_id IN (SELECT group_id FROM copy_groups"
                             f" WHERE group_id IN ({gm}) GROUP BY group_id HAVING count(DISTINCT article_id) < 2)", part)
            conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)  # entries, sentences cascade
        for sid in stories:
            left = [r[0] for r in conn.execute("SELECT id FROM articles WHERE story_id = ?", (sid,))]
            if not left:
                conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
                conn.execute("DELETE FROM story_aliases WHERE story_id = ?", (sid,))
                continue
            # the span shown in lists and filtered by --since must be the remaining articles'
            self.refresh_spans(conn, [sid])
        return sorted(stories)

    def count_articles(self) -> int:
        return self._query("SELECT count(*) FROM articles")[0][0]

    def article_paths(self) -> dict[str, str | None]:
        return {r["id"]: r["path"] for r in self._query("SELECT id, path FROM articles")}

    def set_duplicates(self, conn: sqlite3.Connection, duplicate_of: dict[str, str], kind: dict[str, str],
                       sentence_copies: dict[tuple[str, int], list[tuple[str, int]]]) -> None:
        for aid, original in duplicate_of.items():
            conn.execute(
                "UPDATE articles SET duplicate_of = ?, duplicate_kind = ? WHERE id = ?",
                (original, kind.get(aid), aid),
            )
        groups = groups_of_copies(sentence_copies)
        if groups:
            self._add_copy_groups(conn, groups)

    def _add_copy_groups(self, conn: sqlite3.Connection, groups: list[list[Place]]) -> None:
        """Store copy groups (see store.schema.copy_groups). A group holding all of an older one
        replaces it, and one inside an older group adds nothing: a story ingested file by file
        keeps one group per wire sentence, and a re-run writes nothing new."""
        places = {p for g in groups for p in g}
        group_of: dict[Place, set[int]] = {}
        members: dict[int, set[Place]] = {}
        arts = sorted({aid for aid, _ in places})
        for chunk, marks in _chunks(arts):
            for gid, aid, idx in conn.execute(
                    f"SELECT group_id, article_id, idx FROM copy_groups WHERE article_id IN ({marks})", chunk):
                if (aid, idx) in places:
                    members[gid] = set()
        for gid, places_g in _group_members(conn, sorted(members)).items():
            members[gid] = set(places_g)
            for place in places_g:
                group_of.setdefault(place, set()).add(gid)
        next_id = (conn.execute("SELECT max(group_id) FROM copy_groups").fetchone()[0] or 0) + 1
        for g in groups:
            new = set(g)
            near = {h for p in g for h in group_of.get(p, ())}
            if any(new <= members[h] for h in near):
                continue
            for h in near:
                if members[h] <= new:
                    conn.execute("DELETE FROM copy_groups WHERE group_id = ?", (h,))
                    for p in members.pop(h):
                        group_of[p].discard(h)
            conn.executemany("INSERT INTO copy_groups(group_id, article_id, idx) VALUES (?,?,?)",
                             [(next_id, aid, idx) for aid, idx in g])
            members[next_id] = new
            for p in g:
                group_of.setdefault(p, set()).add(next_id)
            next_id += 1

    def sentence_copies(self, article_ids: Iterable[str]) -> dict[tuple[str, int], list[tuple[str, int]]]:
        """Each sentence's copies in other articles, in (article, sentence) order: every place
        sharing a copy group with it. Stored as groups (linear in the copies), the answer is still
        quadratic for a wire sentence run by every outlet of a big story, so rows come as plain
        tuples, not Rows."""
        ids = list(article_ids)
        out: dict[tuple[str, int], list[tuple[str, int]]] = {}
        with self._lock:
            cur = self.conn.cursor()
            cur.row_factory = None
            for chunk, marks in _chunks(ids):
                groups_of: dict[Place, list[int]] = {}
                for aid, idx, gid in cur.execute(
                        f"SELECT article_id, idx, group_id FROM copy_groups WHERE article_id IN ({marks})", chunk):
                    groups_of.setdefault((aid, idx), []).append(gid)
                members = _group_members(cur, sorted({g for gs in groups_of.values() for g in gs}))
                for place in sorted(groups_of):
                    gs = groups_of[place]
                    aid = place[0]
                    if len(gs) == 1:
                        copies = [q for q in members[gs[0]] if q[0] != aid]
                    else:
                        copies = sorted({q for g in gs for q in members[g] if q[0] != aid})
                    if copies:
                        out[place] = copies
        return out

    def copies_of(self, article_id: str) -> list[dict]:
        """Articles that duplicate this one, the one it duplicates, and articles sharing sentences."""
        out: dict[str, dict] = {}
        row = self._query("SELECT duplicate_of, duplicate_kind FROM articles WHERE id = ?", (article_id,))
        if row and row[0]["duplicate_of"]:
            out[row[0]["duplicate_of"]] = {"relation": "original", "kind": row[0]["duplicate_kind"]}
        for r in self._query("SELECT id, duplicate_kind FROM articles WHERE duplicate_of = ?", (article_id,)):
            out[r["id"]] = {"relation": "duplicate", "kind": r["duplicate_kind"]}
        shared: dict[str, int] = {}
        for copies in self.sentence_copies([article_id]).values():
            for other, _ in copies:
                shared[other] = shared.get(other, 0) + 1
        for other in sorted(shared):
            out.setdefault(other, {"relation": "shares sentences", "kind": None})["shared_sentences"] = shared[other]
        result = []
        for aid, info in out.items():
            meta = self._query("SELECT title, outlet FROM articles WHERE id = ?", (aid,))
            if meta:
                result.append({"article_id": aid, "title": meta[0]["title"], "outlet": meta[0]["outlet"], **info})
        return result

    def search(self, q: str, limit: int = 20) -> list[dict]:
        """Full-text search (FTS5) over titles and bodies; the query is taken as plain words."""
        match = _match(q)
        if match is None:
            return []
        rows = self._query(
            "SELECT a.id, a.title, a.story_id, a.outlet,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [
            {"article_id": r["id"], "title": r["title"], "story_id": r["story_id"], "outlet": r["outlet"],
             "snippet": r["snippet"]}
            for r in rows
        ]

    def outlets(self) -> list[str]:
        return [r[0] for r in self._query("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]

    # -- stories ------------------------------------------------------------------------------

    def save_stories(self, conn: sqlite3.Connection, stories: Iterable[Story]) -> None:
        """Write stories and their membership; ids never change, merged ids become aliases."""
        now = _now()
        for s in stories:
            first_seen, last_seen = self._dated_span(conn, s)
            conn.execute(
                "INSERT INTO stories(id, title, first_seen, last_seen, storyline_id, updated_at)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
                " first_seen=excluded.first_seen, last_seen=excluded.last_seen,"
                " storyline_id=excluded.storyline_id, updated_at=excluded.updated_at",
                (s.id, s.title, _iso(first_seen), _iso(last_seen), s.storyline_id, now),
            )
            for aid in s.article_ids:
                conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (s.id, aid))
            for alias in s.aliases:
                if alias == s.id:
                    continue
                conn.execute(
                    "INSERT INTO story_aliases(alias, story_id) VALUES (?, ?)"
                    " ON CONFLICT(alias) DO UPDATE SET story_id = excluded.story_id", (alias, s.id)
                )
                conn.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?", (s.id, alias))
                conn.execute("DELETE FROM stories WHERE id = ?", (alias,))

    @staticmethod
    def _dated_span(conn: sqlite3.Connection, s: Story) -> tuple[datetime | None, datetime | None]:
        """First and last publication time over the story's dated articles only: the clusterer
        gives an undated article its latest time for its windows, which is no date to show
        (an undated-only story has none). A dated live page's entries count for the last time
        (it is published when it opens and written all day), those within LIVE_SPAN of its
        opening. Stored dates may mix offsets, so they are compared as instants."""
        rows, entries = [], []
        for part, marks in _chunks(s.article_ids):
            rows += conn.execute(f"SELECT published FROM articles WHERE id IN ({marks})", part).fetchall()
            entries += conn.execute(f"SELECT a.published, e.time FROM entries e JOIN articles a ON a.id = e.article_id"
                                    f" WHERE a.id IN ({marks}) AND a.is_liveblog AND a.published IS NOT NULL"
                                    f" AND e.time IS NOT NULL", part).fetchall()
        if not rows:  # articles not stored here: keep the clusterer's span
            return s.first_seen, s.last_seen
        times = [_utc(_parse_dt(r[0])) for r in rows if r[0]]
        if not times:
            return None, None
        later = [t for opened, t in ((_utc(_parse_dt(o)), _utc(_parse_dt(e))) for o, e in entries)
                 if opened <= t <= opened + LIVE_SPAN]
        return min(times), max(times + later)

    def resolve_story_id(self, story_id: str) -> str | None:
        """The surviving id of a story (following merge aliases), or None if unknown."""
        if self._query("SELECT 1 FROM stories WHERE id = ?", (story_id,)):
            return story_id
        rows = self._query("SELECT story_id FROM story_aliases WHERE alias = ?", (story_id,))
        return rows[0][0] if rows else None

    def list_storylines(self, min_stories: int = 2, limit: int = 50,
                        offset: int = 0) -> tuple[list[StorylineRow], int]:
        """Storylines of at least ``min_stories`` stories, the most recently seen first."""
        grouped = ("FROM stories WHERE storyline_id IS NOT NULL GROUP BY storyline_id"
                   " HAVING count(*) >= ?")
        total = self._query(f"SELECT count(*) FROM (SELECT storyline_id {grouped})", (min_stories,))[0][0]
        lines = self._query(
            f"SELECT storyline_id, min(first_seen) AS first, max(last_seen) AS last {grouped}"
            " ORDER BY last IS NULL, last DESC, storyline_id LIMIT ? OFFSET ?", (min_stories, limit, offset))
        out = []
        for line in lines:
            stories = self._query(
                "SELECT s.id, s.title, count(a.id) AS n, count(a.id) - count(a.duplicate_of) AS originals"
                " FROM stories s LEFT JOIN articles a ON a.story_id = s.id"
                " WHERE s.storyline_id = ? GROUP BY s.id ORDER BY s.first_seen, s.id", (line["storyline_id"],))
            # titled as its brief is (build_storyline_brief): the story with the most sources that are
            # not copies, the first seen on a tie (max keeps the first), a live page's title last
            biggest = max(stories, key=lambda r: (not is_live_title(r["title"]), r["originals"]))
            out.append(StorylineRow(
                id=line["storyline_id"], title=biggest["title"], n_stories=len(stories),
                n_articles=sum(r["n"] for r in stories), first_seen=_parse_dt(line["first"]),
                last_seen=_parse_dt(line["last"]), story_ids=[r["id"] for r in stories]))
        return out, total

    def storyline_story_ids(self, storyline_id: str) -> list[str]:
        """The stories of a storyline, the first seen first (empty for an unknown id)."""
        return [r[0] for r in self._query(
            "SELECT id FROM stories WHERE storyline_id = ? ORDER BY first_seen, id", (storyline_id,))]

    def merged_ids(self, story_id: str) -> list[str]:
        """The ids of stories merged into this one (each still resolves to it), in id order."""
        return [x[0] for x in self._query("SELECT alias FROM story_aliases WHERE story_id = ? ORDER BY alias", (story_id,))]

    def get_story(self, story_id: str) -> Story | None:
        sid = self.resolve_story_id(story_id)
        if sid is None:
            return None
        r = self._query("SELECT * FROM stories WHERE id = ?", (sid,))[0]
        ids = [x[0] for x in self._query("SELECT id FROM articles WHERE story_id = ? ORDER BY published, rowid", (sid,))]
        aliases = self.merged_ids(sid)
        return Story(id=sid, article_ids=ids, title=r["title"], first_seen=_parse_dt(r["first_seen"]),
                     last_seen=_parse_dt(r["last_seen"]), storyline_id=r["storyline_id"], aliases=aliases)

    def list_stories(
        self, q: str | None = None, since: date | datetime | None = None, until: date | datetime | None = None,
        outlet: str | None = None, limit: int = 50, offset: int = 0,
    ) -> tuple[list[StoryRow], int]:
        """Stories newest first, filtered by full-text query, date range and outlet."""
        where, params = [], []
        if q:  # every matching article counts, however many (a common word on a big store)
            match = _match(q)
            if match is None:
                return [], 0
            where.append("s.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                         " WHERE articles_fts MATCH ?)")
            params.append(match)
        if since:
            where.append("s.last_seen >= ?")
            params.append(_bound(since))
        if until:
            where.append("s.first_seen <= ?")
            params.append(_bound(until, end=True))
        if outlet:
            where.append("EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = ?)")
            params.append(outlet)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        total = self._query(f"SELECT count(*) FROM stories s {clause}", params)[0][0]
        rows = self._query(
            # most recent first; stories none of whose articles has a date go after the dated ones
            f"SELECT s.* FROM stories s {clause} ORDER BY s.last_seen IS NULL, s.last_seen DESC, s.updated_at DESC, s.id"
            " LIMIT ? OFFSET ?", [*params, limit, offset],
        )
        out = []
        for r in rows:
            arts = self._query(
                "SELECT id, outlet, ingested_at FROM articles WHERE story_id = ? ORDER BY published, rowid", (r["id"],)
            )
            outlets = sorted({a["outlet"] for a in arts if a["outlet"]})
            unknown = sum(1 for a in arts if not a["outlet"])  # each its own source, as in the brief
            brief_at = _parse_dt(r["brief_at"])
            newest = max((a["ingested_at"] for a in arts), default=None)
            out.append(StoryRow(
                id=r["id"], title=r["title"], n_articles=len(arts), n_outlets=len(outlets) + unknown, outlets=outlets,
                first_seen=_parse_dt(r["first_seen"]), last_seen=_parse_dt(r["last_seen"]),
                updated_at=_parse_dt(r["updated_at"]), brief_at=brief_at, storyline_id=r["storyline_id"],
                is_updated=bool(brief_at is None or (newest and newest > r["brief_at"])),
                article_ids=[a["id"] for a in arts],
                merged_ids=self.merged_ids(r["id"]),
            ))
        return out, total

    def unclustered_ids(self) -> list[str]:
        """Stored articles in no story yet: a run stopped between storing and grouping them."""
        return [r[0] for r in self._query("SELECT id FROM articles WHERE story_id IS NULL ORDER BY published, rowid")]

    def stale_brief_ids(self) -> list[str]:
        """Stories whose stored brief is missing or older than their last change (a run stopped
        while briefing, or a one-shot run into this store that made no stored briefs)."""
        return [r[0] for r in self._query(
            "SELECT id FROM stories WHERE brief IS NULL OR brief_at < updated_at ORDER BY first_seen, id")]

    def story_ids(self) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM stories ORDER BY first_seen, id")]

    def save_brief(self, story_id: str, brief: dict) -> None:
        """Keep the latest brief; its headline becomes the story's title in lists."""
        with self.transaction() as conn:
            conn.execute("UPDATE stories SET brief = ?, brief_at = ?, title = coalesce(?, title) WHERE id = ?",
                         (json.dumps(brief, ensure_ascii=False), _now(), brief.get("headline") or None, story_id))

    def get_brief(self, story_id: str) -> dict | None:
        sid = self.resolve_story_id(story_id)
        if sid is None:
            return None
        rows = self._query("SELECT brief FROM stories WHERE id = ?", (sid,))
        return json.loads(rows[0][0]) if rows and rows[0][0] else None

    # -- state (the clusterer's memory between runs) --------------------------------------------

    def state_text(self, key: str, conn: sqlite3.Connection | None = None) -> str | None:
        """A state value as stored (JSON text), read inside ``conn``'s transaction when given:
        comparing it tells whether another process changed the state meanwhile."""
        if conn is not None:
            row = conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        else:
            rows = self._query("SELECT value FROM state WHERE key = ?", (key,))
            row = rows[0] if rows else None
        return row[0] if row else None

    def get_state(self, key: str) -> dict | None:
        rows = self._query("SELECT value FROM state WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else None

    def set_state(self, conn: sqlite3.Connection, key: str, value: dict) -> None:
        conn.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)", (key, json.dumps(value)))
