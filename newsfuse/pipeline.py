"""Wires the stages together: read -> store -> dedup -> cluster -> extract -> fuse -> brief.

Nothing here decides anything about articles; each step is a stage function from its own folder.
The one-shot ``brief(paths)`` uses the same path as a workspace ingest, into a throw-away
in-memory store, so there is one way through the system, not two.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

from newsfuse.records import Article, Brief, ReadProblem, Story, StorylineBrief
from newsfuse.store import Store

__all__ = ["IngestReport", "ingest", "ingest_articles", "ingest_records", "ingest_upload",
           "refresh_briefs", "story_brief", "brief_for", "story_inputs", "brief", "brief_run", "BriefRun", "NewsfuseWarning", "workspace_run", "watch_once", "pending_files", "Watcher", "FeedWatcher", "withdraw_files", "BriefsFolder", "finish_earlier_run"]

CLUSTER_STATE_KEY = "clusterer"
DEDUP_WINDOW = timedelta(days=14)  # an arrival is compared with stored articles this close in time

ProgressFn = Callable[[int, int | None], None]


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)  # article ids stored by this run
    existing: list[str] = field(default_factory=list)  # already stored: nothing changed
    # already stored, but their file was edited in the metadata only (title, date, authors): updated
    updated: list[str] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    stories_changed: list[str] = field(default_factory=list)
    stories_removed: list[str] = field(default_factory=list)  # left with no article (their files went)
    replaced: list[str] = field(default_factory=list)  # ids of earlier versions of changed files, removed
    withdrawn: list[str] = field(default_factory=list)  # ids of articles whose file was deleted, removed
    # story id -> why its brief could not be made (the story keeps no current brief; the next
    # ingest or watch poll tries again)
    brief_errors: dict[str, str] = field(default_factory=dict)
    # stories an interrupted or failed earlier run left without a current brief, briefed by this one
    rebriefed: list[str] = field(default_factory=list)

    @property
    def read_any(self) -> bool:
        return bool(self.new or self.existing or self.updated)


def _file_key(article: Article) -> str:
    return origin_file(article.path or "")


def origin_file(path: str) -> str:
    """The file an article or problem came from: a JSON or WARC file's records are named
    ``file#n`` (or ``file#url``; a bad JSONL line ``file:n``), but a file's own name may hold
    '#' too ("update#2.txt"), so the key is the shortest such prefix that is a file, else
    everything before the first '#'."""
    if "#" not in path and ":" not in path or os.path.isfile(path):
        return path
    line = re.match(r"(.+):\d+$", path)  # a JSONL file's bad line: "feed.jsonl:7"
    if line and os.path.isfile(line.group(1)):
        return line.group(1)
    cut = path.find("#")
    while cut != -1:
        if os.path.isfile(path[:cut]):
            return path[:cut]
        cut = path.find("#", cut + 1)
    return path.split("#", 1)[0]


def _spellings(path: str) -> list[str]:
    """The ways an earlier run may have named this file on disk: as given, absolute, and relative
    to the current folder (where the default ``newsfuse.db`` lives), so `ingest in/a.txt` and
    `ingest /work/in/a.txt` are one document."""
    if not os.path.isfile(path):  # "api", "upload:name": not a file on disk
        return [path]
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full)
    except ValueError:  # another drive (Windows)
        rel = full
    return list(dict.fromkeys([path, full, rel]))


def file_sha256(path: str | Path) -> str:
    """Content hash of a file ("-" when it cannot be read): the files table keys on it."""
    h = hashlib.sha256()
    if not Path(path).is_file():  # e.g. "upload:name" or "api": not a file on disk
        return "-"
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return "-"
    return h.hexdigest()


def ingest_articles(
    articles: Sequence[Article], store: Store, problems: Iterable[ReadProblem] = (),
    refresh: bool = True, progress: ProgressFn | None = None, replace: bool = False,
) -> IngestReport:
    """Store articles (one transaction per origin file), then dedup, cluster and re-brief.

    With ``replace`` (``ingest`` and ``watch`` pass it), a file's articles that its current content no longer
    holds are removed first: an edited file replaces its earlier version instead of adding a
    second source that would confirm the first. (The clusterer keeps what it learned from the
    old text; only its vocabulary statistics and story centroids are slightly off.)
    """
    report = IngestReport(problems=list(problems))
    for a in articles:  # one convention for times: a time without a zone is taken as UTC
        if a.published is not None and a.published.tzinfo is None:
            a.published = a.published.replace(tzinfo=timezone.utc)
    by_file: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_file[_file_key(a)].append(a)
    done = 0
    emptied: set[str] = set()
    versions: dict[str, str] = {}  # new article id -> id of the earlier version it replaces
    for path, group in by_file.items():
        digest = file_sha256(path) if path else "-"
        with store.transaction() as conn:
            earlier: dict[str, None] = {}
            if replace and path:
                keep = {a.id for a in group}
                earlier = dict.fromkeys(i for p in _spellings(path) for i in store.article_ids_from_file(p))
                stale = [i for i in earlier if i not in keep]
                if stale:
                    versions.update(_earlier_versions(group, store.get_articles(stale)))
                    emptied.update(store.remove_articles(conn, stale))
                    report.replaced += stale
            new, existing = store.add_articles(conn, group)
            if replace and path:  # the same text under a corrected title or date line
                fixed = [a.id for a in group if a.id in existing and a.id in earlier and store.update_article(conn, a)]
                if fixed:
                    touched = store.stories_of(conn, fixed)
                    store.refresh_spans(conn, touched)
                    emptied.update(touched)
                    existing = [i for i in existing if i not in fixed]
                    report.updated += fixed
            if path:
                store.record_file(conn, path, digest, None, "ok", n_articles=len(group))
        report.new += new
        report.existing += existing
        done += len(group)
        if progress:
            progress(done, len(articles))
    for n, p in enumerate(report.problems):
        path = origin_file(p.path)
        if path in by_file:  # one bad record of a file that was read: the file's row stays "ok"
            continue
        if not p.kept and any(store.article_ids_from_file(s) for s in _spellings(path)):
            # an edit that broke a file read before: say that its earlier version still counts
            report.problems[n] = p = ReadProblem(p.path, f"{p.message}; the version read before is kept", p.kept)
        with store.transaction() as conn:
            store.record_file(conn, path, file_sha256(path), None, "problem", p.message)
    if emptied:  # stories that lost an old version (and still have articles) or whose article was updated get a new brief too
        report.stories_changed += [s for s in sorted(emptied) if store.resolve_story_id(s) == s]
        report.stories_removed = [s for s in sorted(emptied) if store.resolve_story_id(s) is None]
    return _group_and_brief(store, report, group=bool(report.new or report.existing), versions=versions,
                            refresh=refresh)


def _group_and_brief(store: Store, report: IngestReport, group: bool = True, versions: dict[str, str] | None = None,
                     refresh: bool = True) -> IngestReport:
    """Put the stored articles that are in no story yet (this run's, and any an interrupted earlier
    run stored but never grouped) into stories, then brief the changed stories and those an
    interrupted run left without a current brief."""
    ungrouped = store.unclustered_ids() if group else []
    if ungrouped:
        grouped = _group_new(store, ungrouped, versions)
        report.stories_changed = grouped + [s for s in report.stories_changed if s not in grouped]
    if refresh:
        stale = [s for s in store.stale_brief_ids() if s not in report.stories_changed]
        if report.stories_changed or stale:
            refresh_briefs(store, report.stories_changed + stale, errors=report.brief_errors)
            report.rebriefed = [s for s in stale if s not in report.brief_errors]
    return report


def finish_earlier_run(store: Store) -> IngestReport:
    """What a run killed mid-ingest left undone, done now: its stored articles grouped, its briefs
    made. ``ingest`` does this with whatever it reads; a restarted ``watch`` calls it at its first
    poll, as the files that run recorded are not read again."""
    return _group_and_brief(store, IngestReport())


def _earlier_versions(group: list[Article], old: list[Article]) -> dict[str, str]:
    """New article id -> the earlier version it replaces: the one read from the same place (the
    file, or its record), when the two are one report (a correction or an update keeps most of its
    words; a file rewritten with another story does not). The clusterer puts such a version in
    its predecessor's story even after that story left the hot window."""
    from newsfuse.stories.dedup import token_jaccard

    def words(a: Article) -> set[str]:
        return set(re.findall(r"\w+", f"{a.title or ''} {a.text}".casefold()))

    by_place = {o.path: o for o in old if o.path}
    out = {}
    for a in group:
        prev = by_place.get(a.path)
        if prev is not None and token_jaccard(words(prev), words(a)) >= SAME_REPORT_WORDS:
            out[a.id] = prev.id
    return out


SAME_REPORT_WORDS = 0.5  # word-set Jaccard of two versions of one file above which they are one report


def _group_new(store: Store, new_ids: list[str], versions: dict[str, str] | None = None,
               attempts: int = 5) -> list[str]:
    """Find duplicates of the new articles and put them into stories; returns changed story ids.

    Another process (the web server storing an upload, a second ingest) may group articles at
    the same time. The clusterer's memory is written only if it is still the one this run read;
    otherwise the run starts over from the newer memory with whatever is still ungrouped, so
    neither run overwrites the other's stories (without holding the store locked while
    clustering)."""
    ids = list(new_ids)
    for attempt in range(attempts):
        seen = store.state_text(CLUSTER_STATE_KEY)
        done = _group_once(store, ids, seen, last=attempt == attempts - 1, versions=versions)
        if done is not None:
            return done
        ids = store.unclustered_ids()  # what the other run left (it may have taken ours too)
        if not ids:
            break
    return []


def _group_once(store: Store, ids: list[str], seen: str | None, last: bool,
                versions: dict[str, str] | None = None) -> list[str] | None:
    """One grouping of ``ids`` from the clusterer memory ``seen``; None if it changed meanwhile."""
    from newsfuse.stories.cluster import StoryClusterer
    from newsfuse.stories.dedup import find_duplicates

    new = store.get_articles(ids)
    new_set = set(ids)
    dates = [a.published for a in new if a.published]
    since = (min(dates) - DEDUP_WINDOW) if dates else None
    known = [a for a in store.all_articles(since=since) if a.id not in new_set]
    dups = find_duplicates(new, known=known)
    for a in new:
        a.duplicate_of = dups.duplicate_of.get(a.id)
        a.duplicate_kind = dups.kind.get(a.id) if a.duplicate_of else None

    clusterer = StoryClusterer.from_state(json.loads(seen)) if seen else StoryClusterer()
    changed = clusterer.add(new, earlier=versions)
    with store.transaction() as conn:
        if not last and store.state_text(CLUSTER_STATE_KEY, conn) != seen:
            return None  # another run grouped articles since we read the memory: redo on top of it
        store.set_duplicates(conn, dups.duplicate_of, dups.kind, dups.sentence_copies)
        store.save_stories(conn, changed)
        store.set_state(conn, CLUSTER_STATE_KEY, clusterer.state())
    return [s.id for s in changed]


def brief_for(story: Story, articles: list[Article],
              copies: dict[tuple[str, int], list[tuple[str, int]]], words: int | None = None) -> Brief:
    """The brief of one story from its articles (extract -> fuse): a pure function, so Dask can map it."""
    from newsfuse.extract import extract
    from newsfuse.fuse import build_brief
    from newsfuse.stories.dedup import Duplicates

    duplicate_of = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
    kind = {a.id: a.duplicate_kind for a in articles if a.duplicate_of and a.duplicate_kind}
    dups = Duplicates(duplicate_of=duplicate_of, sentence_copies=copies, kind=kind)
    return build_brief(story, articles, extract(articles), duplicates=dups, words=words)


def story_inputs(store: Store, story_id: str) -> tuple[Story, list[Article], dict] | None:
    """What brief_for needs for one stored story."""
    story = store.get_story(story_id)
    if story is None:
        return None
    return story, store.get_articles(story.article_ids), store.sentence_copies(story.article_ids)


def story_brief(store: Store, story_id: str, words: int | None = None) -> Brief | None:
    """Build the brief of one stored story."""
    inputs = story_inputs(store, story_id)
    return brief_for(*inputs, words=words) if inputs else None


def resolve_storyline(store: Store, storyline_id: str) -> str | None:
    """The id a storyline lives under now, or None if unknown. Storylines merge as stories
    arrive; the clusterer remembers where each merged line went, so an id a user saw in an
    earlier listing or brief keeps leading to its topic (as a merged story's id does)."""
    from newsfuse.stories.cluster import follow_aliases

    if store.storyline_story_ids(storyline_id):
        return storyline_id
    state = store.get_state(CLUSTER_STATE_KEY) or {}
    storyline_id = follow_aliases(state.get("line_alias") or {}, storyline_id)
    return storyline_id if store.storyline_story_ids(storyline_id) else None


def storyline_brief(store: Store, storyline_id: str, words: int | None = None,
                    fresh: bool = False, make_missing: bool = True) -> StorylineBrief | None:
    """The brief of a stored storyline from its stories' briefs (the stored ones where made,
    else made now; ``fresh`` or ``words`` re-makes them; ``make_missing=False`` leaves out a story
    with no stored brief, for readers that must not wait), or None for an unknown id. A merged
    line's old id gives the brief of the line it joined, under that line's id."""
    from newsfuse.fuse import build_storyline_brief
    from newsfuse.render import from_json

    storyline_id = resolve_storyline(store, storyline_id)
    if storyline_id is None:
        return None
    briefs = []
    for sid in store.storyline_story_ids(storyline_id):
        stored = store.get_brief(sid) if words is None and not fresh else None
        if stored is None and not make_missing:
            continue
        brief = from_json(stored) if stored else story_brief(store, sid, words=words)
        if brief is not None:
            briefs.append(brief)
    return build_storyline_brief(storyline_id, briefs) if briefs else None


def refresh_briefs(store: Store, story_ids: Iterable[str], words: int | None = None,
                   errors: dict[str, str] | None = None) -> list[Brief]:
    """Re-make and store the briefs of these stories (new articles update the brief).

    One story whose brief fails (a bug meeting odd text) must not cost the others theirs: the
    failure goes into ``errors`` (story id -> message; a ``NewsfuseWarning`` when not given), the
    story is left without a current brief, and the next ingest tries it again."""
    from newsfuse.render import to_json

    briefs = []
    for sid in story_ids:
        try:
            b = story_brief(store, sid, words=words)
        except Exception as exc:  # noqa: BLE001 -- reported, never swallowed
            _brief_failed(sid, exc, errors)
            continue
        if b is not None:
            store.save_brief(b.story_id, to_json(b))
            briefs.append(b)
    return briefs


def _brief_failed(story_id: str, exc: Exception, errors: dict[str, str] | None) -> None:
    message = f"{type(exc).__name__}: {exc}"
    if errors is None:
        warnings.warn(f"could not brief story {story_id}: {message}", NewsfuseWarning, stacklevel=3)
    else:
        errors[story_id] = message


def _read(paths: Iterable[str | Path], workers: int = 0) -> tuple[list[Article], list[ReadProblem]]:
    from newsfuse.ingest import read_paths

    articles, problems = [], []
    for item in read_paths([str(p) for p in paths], workers=workers):
        (problems if isinstance(item, ReadProblem) else articles).append(item)
    return articles, problems


def ingest(paths: Iterable[str | Path], store: Store, refresh: bool = True,
           progress: ProgressFn | None = None, replace: bool = True, workers: int = 0) -> IngestReport:
    """Read files and directories into the workspace store; briefs of touched stories update.

    A file path identifies a document: a file read again after it was edited replaces the
    version read before (as in a watched folder), so a corrected report does not become a
    second source that confirms the first. ``replace=False`` keeps every version.
    ``workers``: processes that prepare the articles (0: this one; see ``newsfuse.ingest``)."""
    articles, problems = _read(paths, workers)
    problems = [p for p in problems if not _store_file(p.path, store)]
    return ingest_articles(articles, store, problems, refresh=refresh, progress=progress, replace=replace)


def _store_file(path: str | Path, store: Store) -> bool:
    """Is this the workspace store itself (or its journal)? `newsfuse watch .` keeps the store in
    the folder it watches: the store is no input, to be named as unreadable at every poll."""
    if store.path == ":memory:":
        return False
    own = os.path.abspath(store.path)
    return os.path.abspath(str(path)) in {own, own + "-wal", own + "-shm", own + "-journal"}


def pending_files(folder: str | Path, store: Store) -> dict[Path, str]:
    """Files under ``folder`` whose current content has not been read yet, with that content's
    hash (whether or not they are still being written: ``Watcher`` waits for that)."""
    from newsfuse.ingest.readers import iter_files

    out = {}
    for p in iter_files([folder]):
        if isinstance(p, Path) and p.is_file() and not _store_file(p, store):
            digest = file_sha256(p)
            if not store.file_seen(str(p), digest):
                out[p] = digest
    return out


def withdraw_files(store: Store, paths: Iterable[str], refresh: bool = True) -> IngestReport:
    """Remove the articles of files that were deleted and re-brief the stories they were in: a
    report its outlet took down must stop confirming (or contradicting) the others. A story
    left with no article is dropped; the file is forgotten, so putting it back reads it again."""
    report = IngestReport()
    emptied: set[str] = set()
    with store.transaction() as conn:
        for path in paths:
            ids = store.article_ids_from_file(path)
            if ids:
                emptied.update(store.remove_articles(conn, ids))
                report.withdrawn += ids
            store.forget_file(conn, path)
    report.stories_changed = [s for s in sorted(emptied) if store.resolve_story_id(s) == s]
    report.stories_removed = [s for s in sorted(emptied) if store.resolve_story_id(s) is None]
    if refresh and report.stories_changed:
        refresh_briefs(store, report.stories_changed, errors=report.brief_errors)
    return report


FileLook = tuple[int, int, str]  # size, mtime in ns, content hash


class Watcher:
    """A watched folder. A file is ingested only once it looked the same (size, mtime and content)
    at two polls in a row, so a file still being written is not read half-way; a file changed
    after it was read replaces its earlier version. Files already read (also by an earlier run)
    are recognised by path and content hash and are not read again. A file read from the folder
    that is missing at two polls in a row was deleted: its articles are withdrawn (``withdraw_files``),
    unless the same content now sits at another path in the folder (it was moved or renamed).
    ``keep_deleted``: never withdraw (for an inbox whose files are deleted once read)."""

    def __init__(self, folder: str | Path, store: Store, keep_deleted: bool = False) -> None:
        self.folder, self.store, self.keep_deleted = Path(folder), store, keep_deleted
        if not self.folder.is_dir():
            raise NotADirectoryError(f"not a folder: {self.folder}" if self.folder.exists()
                                     else f"no such folder: {self.folder}")
        self._last: dict[Path, FileLook] = {}  # files not read yet, as the previous poll saw them
        self._done: dict[Path, tuple[int, int]] = {}  # size and mtime at which a file was handled
        self._said: set[tuple[str, str]] = set()  # listing problems already reported
        self._missing: set[str] = set()  # files read before that the previous poll did not find
        self._started = False  # the first poll also finishes what a killed earlier run left undone

    def _look(self) -> tuple[dict[Path, FileLook], list[ReadProblem]]:
        """Files not read yet (hashed only when their size or mtime moved since handled)."""
        from newsfuse.ingest.readers import iter_files

        looks, problems = {}, []
        for p in iter_files([self.folder]):
            if isinstance(p, ReadProblem):
                problems.append(p)
                continue
            if _store_file(p, self.store):
                continue
            try:
                st = p.stat()
            except OSError:
                continue  # gone since the listing
            sig = (st.st_size, st.st_mtime_ns)
            if not p.is_file() or self._done.get(p) == sig:
                continue
            digest = file_sha256(p)
            if self.store.file_seen(str(p), digest):
                self._done[p] = sig
            else:
                looks[p] = (*sig, digest)
        return looks, problems

    def _gone(self) -> dict[str, set[str]]:
        """Files read from this folder before (by any run) that are no longer there, with the
        content hashes they were read with. Nothing is gone while the folder itself is missing
        (an unmounted share is not every file deleted); records that never were a file on disk
        (API posts, uploads: hash "-") are never gone."""
        if self.keep_deleted or not self.folder.is_dir():
            return {}
        root = os.path.abspath(self.folder)
        return {path: shas for path, shas in self.store.recorded_files().items()
                if shas - {"-"} and os.path.abspath(path).startswith(root + os.sep) and not os.path.lexists(path)}

    def pending(self) -> list[Path]:
        """Look at the folder; the files that are new or changed (ready or not)."""
        looks, _ = self._look()
        self._last = looks
        self._missing = set(self._gone())
        return list(looks)

    def has_missing(self) -> bool:
        """Did the last look miss files read before (to be withdrawn if still missing next time)?"""
        return bool(self._missing)

    def _withdraw(self, waiting: set[str]) -> IngestReport:
        """Withdraw the files missing at this poll and the previous one. A file whose content
        was read at a path that exists now was moved: its articles follow it; one whose content
        is still settling at a new path is left for a later poll."""
        gone = self._gone()
        confirmed = {p: shas for p, shas in gone.items() if p in self._missing}
        self._missing = set(gone)
        if not confirmed:
            return IngestReport()
        wanted = set().union(*confirmed.values()) - {"-"}
        by_sha: dict[str, str] = {}  # content of a confirmed file -> a path holding it now
        for path, shas in self.store.recorded_files().items():
            if path not in gone and shas & wanted and os.path.isfile(path):  # only these are hashed
                for sha in shas & wanted & {file_sha256(path)}:
                    by_sha.setdefault(sha, path)
        dropped = []
        for path, shas in confirmed.items():
            self._done.pop(Path(path), None)
            moved = next((by_sha[s] for s in sorted(shas) if s in by_sha), None)
            if moved:
                with self.store.transaction() as conn:
                    self.store.move_file_articles(conn, path, moved)
                    self.store.forget_file(conn, path)
            elif not shas & waiting:
                dropped.append(path)
        return withdraw_files(self.store, dropped) if dropped else IngestReport()

    def poll(self) -> IngestReport:
        """Ingest the files that have not changed since the previous poll."""
        looks, problems = self._look()
        ready = {p: look for p, look in looks.items() if self._last.get(p) == look}
        self._last = {p: look for p, look in looks.items() if p not in ready}
        fresh = [p for p in problems if (p.path, p.message) not in self._said]
        self._said = {(p.path, p.message) for p in problems}
        if ready:
            report = ingest(list(ready), self.store, replace=True)
        else:
            report = finish_earlier_run(self.store) if not self._started else IngestReport()
        self._started = True
        report.problems = fresh + report.problems
        with self.store.transaction() as conn:  # a file that yielded nothing new is still "seen"
            for f, (size, mtime, digest) in ready.items():
                if not self.store.file_seen(str(f), digest):
                    self.store.record_file(conn, str(f), digest, None, "ok", n_articles=0)
                self._done[f] = (size, mtime)
        gone = self._withdraw({digest for _, _, digest in self._last.values()})
        report.withdrawn = gone.withdrawn
        report.stories_changed += [s for s in gone.stories_changed if s not in report.stories_changed]
        report.stories_removed += [s for s in gone.stories_removed if s not in report.stories_removed]
        report.brief_errors.update(gone.brief_errors)
        return report


def watch_once(folder: str | Path, store: Store, settle: float = 1.0, keep_deleted: bool = False) -> IngestReport:
    """One poll of a watched folder for ``watch --once``: look, wait ``settle`` seconds if
    anything is new, look again, and ingest what did not change in between."""
    watcher = Watcher(folder, store, keep_deleted=keep_deleted)
    if not watcher.pending() and not watcher.has_missing():
        return finish_earlier_run(store)
    time.sleep(settle)
    return watcher.poll()


class FeedWatcher:
    """Polls RSS/Atom feeds for ``watch --feed``: each poll fetches every feed and reads only the
    entries it has not read at their current stamp (updated or published time), so a feed polled
    every few minutes costs one request per feed plus one per new or changed entry. An entry whose
    page could not be fetched is tried again at the next poll. Entries whose page the store already
    holds (from an earlier run) are not fetched again until the feed says they changed. A page read
    again replaces its earlier version, as an edited file does. A problem is named once, not at
    every poll while it lasts."""

    def __init__(self, urls: Iterable[str], store: Store) -> None:
        self.urls, self.store = [u.strip() for u in urls], store
        self._stamps: dict[str, str] = {}  # entry link -> the stamp it was read at
        self._said: set[tuple[str, str]] = set()

    def _skip(self, asked: dict[str, str]):
        def skip(link: str, stamp: str) -> bool:
            if link not in self._stamps and self.store.article_ids_from_file(link):
                self._stamps[link] = stamp  # read by an earlier run: fetched again once it changes
            if self._stamps.get(link) == stamp:
                return True
            asked[link] = stamp
            return False
        return skip

    def poll(self) -> IngestReport:
        from newsfuse.ingest import read_urls

        asked: dict[str, str] = {}
        articles, problems = [], []
        for item in read_urls(self.urls, self._skip(asked)):
            (problems if isinstance(item, ReadProblem) else articles).append(item)
        report = ingest_articles(articles, self.store, replace=True) if articles else IngestReport()
        for a in articles:
            link = origin_file(a.path or "")
            if link in asked:
                self._stamps[link] = asked[link]
        said = {(p.path, p.message) for p in problems}
        report.problems = [p for p in problems if (p.path, p.message) not in self._said]
        self._said = said
        return report


def ingest_records(records: list[dict], store: Store, origin: str = "api") -> IngestReport:
    """Ingest JSON records (the HTTP API's POST body)."""
    from newsfuse.ingest import read_records

    items = list(read_records(records, origin))
    return ingest_articles([i for i in items if isinstance(i, Article)], store,
                           [i for i in items if isinstance(i, ReadProblem)])


def ingest_upload(name: str, data: bytes, store: Store) -> IngestReport:
    """Ingest one uploaded file (the web UI's upload form)."""
    from newsfuse.ingest import read_bytes

    items = list(read_bytes(name, data))
    return ingest_articles([i for i in items if isinstance(i, Article)], store,
                           [i for i in items if isinstance(i, ReadProblem)])


@dataclass
class BriefRun:
    """What a one-shot run produced: the briefs plus what index.json needs."""

    briefs: list[Brief]
    stories: list[Story]
    articles: list[Article]
    problems: list[ReadProblem]
    brief_errors: dict[str, str] = field(default_factory=dict)  # story id -> why it has no brief

    def storylines(self) -> list[StorylineBrief]:
        """Briefs of the storylines of two or more briefed stories (a strike, then the deal), made
        from the stories' briefs, in the order their first briefed story comes in ``briefs``."""
        from newsfuse.fuse import build_storyline_brief

        line_of = {s.id: s.storyline_id for s in self.stories}
        by_line: dict[str, list[Brief]] = {}
        for b in self.briefs:
            lid = line_of.get(b.story_id) or b.storyline_id
            if lid:
                by_line.setdefault(lid, []).append(b)
        return [build_storyline_brief(lid, bs) for lid, bs in by_line.items() if len(bs) >= 2]


def workspace_run(store: Store) -> BriefRun:
    """The workspace's stories with their stored briefs (made now for a story without a current
    one), as a BriefRun to write a folder of briefs from (``newsfuse export``, ``watch -o``)."""
    from newsfuse.render import from_json

    stale = set(store.stale_brief_ids())
    briefs, stories, errors = [], [], {}
    for sid in store.story_ids():
        story = store.get_story(sid)
        if story is None or not story.article_ids:
            continue
        stored = None if sid in stale else store.get_brief(sid)
        try:
            brief = from_json(stored) if stored else story_brief(store, sid)
        except Exception as exc:  # noqa: BLE001 -- one story's failure is reported, the rest go on
            _brief_failed(sid, exc, errors)
            continue
        if brief is not None:
            briefs.append(brief)
            stories.append(story)
    return BriefRun(briefs=briefs, stories=stories, articles=store.all_articles(), problems=[], brief_errors=errors)


class BriefsFolder:
    """A folder of briefs kept as the workspace is (``watch -o``). It is rewritten whenever the
    store changed since the last write, whoever changed it: this watcher, a second watcher, an
    ``ingest`` in another terminal, an upload through the web UI. (Rewriting only after one's own
    polls changed a story left the others' stories out of the folder until then.)"""

    def __init__(self, folder: str | Path, store: Store, formats: Sequence[str] = ("md", "html", "json")) -> None:
        import sqlite3

        self.folder, self.store, self.formats = Path(folder), store, list(formats)
        # a connection of its own: SQLite's data_version moves on every commit of any other connection
        self._probe = sqlite3.connect(store.path) if store.path != ":memory:" else None
        self._written: int | None = None

    def _version(self) -> int | None:
        return self._probe.execute("PRAGMA data_version").fetchone()[0] if self._probe is not None else None

    def sync(self) -> list[str] | None:
        """Rewrite the folder if the store changed since the last write (always the first time):
        the names of earlier files removed, or None when nothing needed writing."""
        from newsfuse.render.folder import write_briefs

        version = self._version()  # read first: a change made while writing is caught next time
        if version is not None and version == self._written:
            return None
        removed = write_briefs(self.folder, workspace_run(self.store), self.formats)
        self._written = version
        return removed

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()


def brief_run(paths: Iterable[str | Path], words: int | None = None, db: str | Path = ":memory:",
              progress: ProgressFn | None = None, read=None, map_briefs=None, workers: int = 0) -> BriefRun:
    """Read, group and brief every story in ``paths`` (a throw-away store unless ``db`` is given).

    ``read`` and ``map_briefs`` let newsfuse.scale swap in Dask for the two parallel steps
    (reading files, briefing stories); grouping stays here, in one place.
    """
    articles, problems = read(paths) if read is not None else _read(paths, workers)
    with Store(db) as store:
        report = ingest_articles(articles, store, problems, refresh=False, progress=progress, replace=True)
        inputs = [x for x in (story_inputs(store, i) for i in store.story_ids()) if x is not None]
        errors: dict[str, str] = {}
        if map_briefs is None:
            briefs, made = [], []
            for x in inputs:
                try:
                    briefs.append(brief_for(*x, words=words))
                    made.append(x)
                except Exception as exc:  # noqa: BLE001 -- one story's failure is reported, the rest go on
                    _brief_failed(x[0].id, exc, errors)
            inputs = made
        else:
            briefs = map_briefs(inputs, words)
        stored = store.all_articles()
    return BriefRun(briefs=briefs, stories=[x[0] for x in inputs], articles=stored, problems=report.problems,
                    brief_errors=errors)


def brief(paths: Iterable[str | Path] | str | Path, words: int | None = None) -> list[Brief]:
    """``newsfuse.brief(["./articles"])``: one brief per story found in these files. A file that
    cannot be read (or a path that does not exist) is named in a ``NewsfuseWarning``, as the
    command line names it on stderr; use ``brief_run`` for the problems as records."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    run = brief_run(paths, words=words)
    for p in run.problems:
        warnings.warn(f"{'warning' if p.kept else 'skipped'} {p.path}: {p.message}", NewsfuseWarning, stacklevel=3)
    for sid, message in run.brief_errors.items():
        warnings.warn(f"could not brief story {sid}: {message}", NewsfuseWarning, stacklevel=3)
    return run.briefs


class NewsfuseWarning(UserWarning):
    """An input newsfuse could not read (the run went on without it)."""
