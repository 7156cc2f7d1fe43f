"""The ``newsfuse`` command: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsfuse import pipeline
from newsfuse.ingest.fetch import is_url
from newsfuse.ingest.readers import MAX_BYTES_ENV, parse_size
from newsfuse.store import Store, parse_when
from newsfuse.records import StorylineBrief

app = typer.Typer(
    help="Turn many news articles about one event into one source-attributed brief per story.",
    no_args_is_help=True,
    rich_markup_mode="markdown",  # docstring paragraphs reflow to the terminal width
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

FORMATS = ("md", "html", "json")
DB_OPTION = typer.Option("newsfuse.db", "--db", help="Workspace store (SQLite file).")
WORDS_OPTION = typer.Option(None, "--words", min=1, help="Word budget for each summary (at least one sentence is kept).")


def _max_bytes(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


MAX_BYTES_OPTION = typer.Option(
    None, "--max-bytes", envvar=MAX_BYTES_ENV, callback=_max_bytes, metavar="SIZE",
    help="Refuse input files larger than this (bytes, or e.g. 500K, 5M, 1G; default 5M).")


@contextmanager
def _input_limit(limit: int | None) -> Iterator[None]:
    """Make --max-bytes the readers' limit for this command (the environment also reaches the
    Dask workers a run starts), and put the environment back afterwards."""
    if limit is None:
        yield
        return
    before = os.environ.get(MAX_BYTES_ENV)
    os.environ[MAX_BYTES_ENV] = str(limit)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(MAX_BYTES_ENV, None)
        else:
            os.environ[MAX_BYTES_ENV] = before


def _open_store(db: Path, create: bool) -> Store:
    """Open the workspace. Commands that only read refuse a missing store: a mistyped --db would
    otherwise quietly make (and show) an empty one."""
    if db.is_dir():
        raise typer.BadParameter(f"{db} is a directory, not a workspace store file", param_hint="'--db'")
    if not create and (not db.is_file() or db.stat().st_size == 0):  # SQLite would take an empty file
        raise typer.BadParameter(f"no workspace store at {db} (check the path, or make one with "
                                 f"`newsfuse ingest PATHS --db {db}`)", param_hint="'--db'")
    try:
        return Store(db)
    except (sqlite3.DatabaseError, RuntimeError) as e:
        raise typer.BadParameter(f"{db} is not a usable newsfuse store: {e}", param_hint="'--db'") from None


@contextmanager
def _workspace(db: Path, create: bool) -> Iterator[Store]:
    """The open workspace for one command; a store that is busy or damaged is reported in one
    line naming it (exit 1), not as a traceback."""
    store = _open_store(db, create)
    try:
        yield store
    except sqlite3.OperationalError as e:
        if "locked" not in str(e) and "busy" not in str(e):
            raise
        err.print(f"[red]The workspace store {db} is busy[/red]: another process kept it locked too long "
                  f"({e}). Try again once the other newsfuse command has finished.", highlight=False)
        raise typer.Exit(1) from None
    except sqlite3.DatabaseError as e:
        err.print(f"[red]The workspace store {db} is damaged[/red] ({e}). Restore it from a copy, or rescue "
                  f"what is left with `sqlite3 {db} .recover | sqlite3 recovered.db`.", highlight=False)
        raise typer.Exit(1) from None
    finally:
        store.close()


def _since(value: Optional[str]) -> Optional[date | datetime]:
    """A day, or a time with or without a zone (without one it is UTC, as the listed times are)."""
    if value is None:
        return None
    try:
        return parse_when(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-03-10, or a time "
                                 "such as 2025-03-10T14:00+01:00 (UTC when no zone is given)") from None


def _output_dir(value: Optional[Path]) -> Optional[Path]:
    """Checked before any work is done: the briefs folder must be (or become) a writable folder."""
    if value is None:
        return None
    if os.path.lexists(value) and not value.is_dir():
        raise typer.BadParameter(f"{value} exists and is not a folder")
    base = value
    while not os.path.lexists(base) and base.parent != base:
        base = base.parent
    if not base.is_dir():
        raise typer.BadParameter(f"cannot make the folder {value}: {base} is not a folder")
    if not os.access(base, os.W_OK | os.X_OK):
        raise typer.BadParameter(f"cannot write into {base}")
    if value.is_dir():
        from newsfuse.render.folder import foreign_files

        theirs = foreign_files(value)
        if theirs:
            raise typer.BadParameter(f"{value} holds {' and '.join(theirs)} that newsfuse did not write, and a folder of "
                                     "briefs has its own: choose a new or empty folder (or move those files)")
    return value


# the names people type for the formats: "-f markdown" is "-f md"
_FORMAT_NAMES = {"markdown": "md", "htm": "html"}


def _formats(value: str) -> list[str]:
    fmts = [f.strip().lower() for f in value.split(",") if f.strip()]
    fmts = list(dict.fromkeys(_FORMAT_NAMES.get(f, f) for f in fmts))
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise typer.BadParameter(f"unknown format(s) {', '.join(bad) or value!r}; choose from md, html, json")
    return fmts


@contextmanager
def _progress(quiet: bool, label: str) -> Iterator[pipeline.ProgressFn | None]:
    """A Rich progress bar on stderr for long runs; nothing at all with --quiet or no terminal."""
    if quiet or not err.is_terminal:
        yield None
        return
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _report_problems(problems, quiet: bool, brief_errors: dict | None = None) -> None:
    """One line per unreadable file, and per story whose brief failed, on stderr (also with
    --quiet: scripts need to know)."""
    for p in problems:
        print(f"{'warning' if p.kept else 'skipped'} {p.path}: {p.message}", file=sys.stderr)
    for sid, message in (brief_errors or {}).items():
        print(f"could not brief story {sid}: {message}", file=sys.stderr)


@app.command()
def brief(
    paths: List[str] = typer.Argument(..., metavar="PATH_OR_URL", help="Files or folders of articles (txt, html, json, jsonl, warc, .gz), or URLs of pages or RSS/Atom feeds."),
    output: Path = typer.Option(Path("briefs"), "-o", "--output", callback=_output_dir, help="Folder for the briefs."),
    format: str = typer.Option("md,html,json", "--format", "-f", callback=_formats, help="Comma list of md, html, json."),
    words: Optional[int] = WORDS_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems and the output folder."),
    dask: bool = typer.Option(False, "--dask", help="Read and brief in parallel on Dask (needs the scale extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    max_bytes: Optional[str] = MAX_BYTES_OPTION,
    workers: int = typer.Option(0, "--workers", min=0, help="Processes that read and clean articles (0: this one)."),
) -> None:
    """Read, group and brief every story in PATHS; write one brief per story into OUTPUT.

    Briefs an earlier run wrote into OUTPUT that this run does not make (stories merged or gone,
    formats dropped) are removed if unchanged since; other files in OUTPUT are never touched.
    """
    fmts = format  # a list once the callback has checked it
    with _input_limit(max_bytes):
        if dask or scheduler:
            from newsfuse.scale import brief_dask

            run = brief_dask(paths, scheduler=scheduler, words=words)
        else:
            with _progress(quiet, "reading") as progress:
                run = pipeline.brief_run(paths, words=words, progress=progress, workers=workers)
    _report_problems(run.problems, quiet, run.brief_errors)
    if not run.articles:
        err.print("[red]No article could be read[/red] from " + ", ".join(map(str, paths)))
        raise typer.Exit(1)
    from newsfuse.render.folder import write_briefs

    _said_removed(write_briefs(output, run, fmts), output, quiet)
    if not quiet:
        table = Table(title=f"{len(run.briefs)} stories from {len(run.articles)} articles")
        table.add_column("story", no_wrap=True)
        table.add_column("articles", justify="right")
        table.add_column("headline")
        for s, b in zip(run.stories, run.briefs):
            table.add_row(b.story_id, str(len(s.article_ids)), b.headline)
        out.print(table)
    out.print(f"Briefs written to {output.resolve()}", highlight=False)


def _said_removed(removed: list[str], output: Path, quiet: bool) -> None:
    if removed and not quiet:
        err.print(f"removed {len(removed)} file(s) an earlier run wrote to {output} that this run does not make: "
                  + ", ".join(removed), highlight=False)


@app.command()
def export(
    output: Path = typer.Option(Path("briefs"), "-o", "--output", callback=_output_dir, help="Folder for the briefs."),
    db: Path = DB_OPTION,
    format: str = typer.Option("md,html,json", "--format", "-f", callback=_formats, help="Comma list of md, html, json."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems and the output folder."),
) -> None:
    """Write the workspace's briefs into OUTPUT, as `brief -o` does for a one-shot run.

    One file per story and per storyline of two or more stories, README.md and index.json. Briefs an
    earlier export wrote that this one does not make (stories merged or gone) are removed if unchanged
    since; other files in OUTPUT are never touched.
    """
    from newsfuse.render.folder import write_briefs

    with _workspace(db, create=False) as store:
        run = pipeline.workspace_run(store)
    _report_problems([], quiet, run.brief_errors)
    _said_removed(write_briefs(output, run, format), output, quiet)
    out.print(f"{len(run.briefs)} briefs written to {output.resolve()}", highlight=False)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., metavar="PATH_OR_URL", help="Files or folders to add to the workspace, or URLs of pages or RSS/Atom feeds."),
    db: Path = DB_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems and the result line."),
    max_bytes: Optional[str] = MAX_BYTES_OPTION,
    workers: int = typer.Option(0, "--workers", min=0, help="Processes that read and clean articles (0: this one)."),
) -> None:
    """Add articles to the workspace store; stories and their briefs update."""
    existed = db.exists()
    made = [d for d in db.absolute().parents if not d.exists()]  # folders the store will need, deepest first
    with _input_limit(max_bytes), _workspace(db, create=True) as store:
        with _progress(quiet, "ingesting") as progress:
            report = pipeline.ingest(paths, store, progress=progress, workers=workers)
    _report_problems(report.problems, quiet, report.brief_errors)
    out.print(f"{len(report.new)} new{_replacing(report)}, {_updated(report)}{len(report.existing)} already stored, "
              f"{sum(not p.kept for p in report.problems)} skipped; {len(report.stories_changed)} stories updated{_rebriefed(report)}", highlight=False)
    if not report.read_any:
        if not existed:  # a mistyped input path must not leave an empty store to be found later
            _remove_store(db, made)
        raise typer.Exit(1)


def _remove_store(db: Path, made: list[Path] = ()) -> None:
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)
    for d in made:  # and the folders made for it, if still empty
        try:
            d.rmdir()
        except OSError:
            break


@app.command()
def stories(
    db: Path = DB_OPTION,
    since: Optional[str] = typer.Option(None, "--since", callback=_since,
                                        help="Only stories seen since this date (YYYY-MM-DD) or time (2025-03-10T14:00+01:00; UTC without a zone)."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Full-text query."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    limit: int = typer.Option(100, "--limit", min=1),
) -> None:
    """List the stories in the workspace, newest first (tab-separated lines when piped)."""
    with _workspace(db, create=False) as store:
        rows, total = store.list_stories(q=search, since=since, limit=limit)
    if as_json:
        print(json.dumps({"total": total, "stories": [
            {"story_id": r.id, "title": r.title, "articles": r.n_articles, "outlets": r.outlets, "n_outlets": r.n_outlets,
             "merged_ids": r.merged_ids,
             "first_seen": r.first_seen.isoformat() if r.first_seen else None,
             "last_seen": r.last_seen.isoformat() if r.last_seen else None,
             "storyline_id": r.storyline_id, "updated": r.is_updated} for r in rows]}, indent=2))
        return
    if total > len(rows):  # on stderr: the lines on stdout stay one per story
        err.print(f"showing {len(rows)} of {total} stories; see more with --limit {total}", highlight=False)
    if not out.is_terminal:
        print(_stories_tsv(rows), end="")
        return
    out.print(_stories_table(rows, total, out.width))


@app.command()
def storylines(
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    single: bool = typer.Option(False, "--all", help="Also storylines of one story."),
    limit: int = typer.Option(100, "--limit", min=1),
) -> None:
    """List storylines (the stories of one long-running topic), newest first; `show l-...` prints one."""
    with _workspace(db, create=False) as store:
        rows, total = store.list_storylines(min_stories=1 if single else 2, limit=limit)
    if as_json:
        print(json.dumps({"total": total, "storylines": [
            {"storyline_id": r.id, "title": r.title, "stories": r.n_stories, "articles": r.n_articles,
             "story_ids": r.story_ids, "first_seen": r.first_seen.isoformat() if r.first_seen else None,
             "last_seen": r.last_seen.isoformat() if r.last_seen else None} for r in rows]}, indent=2))
        return
    if not out.is_terminal:  # tab-separated with a header, for grep, cut and scripts
        print("id\ttitle\tstories\tarticles\tfirst_seen\tlast_seen")
        for r in rows:
            print("\t".join([r.id, " ".join((r.title or "").split()), str(r.n_stories), str(r.n_articles),
                             _when(r.first_seen), _when(r.last_seen)]))
        return
    wide = out.width >= 110
    heads = ["id", "title", "stories", "art"] + (["first seen", "last seen"] if wide else ["last seen"])
    cells = [[r.id, r.title or "", str(r.n_stories), str(r.n_articles)]
             + ([_when(r.first_seen), _when(r.last_seen)] if wide else [_when(r.last_seen, "%Y-%m-%d")]) for r in rows]
    out.print(_one_line_table(f"{total} storylines", heads, cells, out.width, right=("stories", "art")))


def _when(t, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return t.strftime(fmt) if t else ""


def _stories_tsv(rows) -> str:
    """One story per line, tab-separated with a header: for grep, cut and scripts."""
    lines = ["id\ttitle\tarticles\toutlets\tfirst_seen\tlast_seen\tupdated"]
    for r in rows:
        title = " ".join((r.title or "").split())
        lines.append("\t".join([r.id, title, str(r.n_articles), str(r.n_outlets), _when(r.first_seen),
                                _when(r.last_seen), "yes" if r.is_updated else ""]))
    return "\n".join(lines) + "\n"


def _stories_table(rows, total: int, width: int) -> Table:
    """One line per story at any width: ids never wrap or shrink (users copy them into
    `newsfuse show`), titles end in an ellipsis, first-seen times only on wide terminals."""
    wide = width >= 110
    heads = ["id", "title", "art", "out"] + (["first seen", "last seen"] if wide else ["last seen"]) + ["upd"]
    cells = [[r.id, r.title or "", str(r.n_articles), str(r.n_outlets)]
             + ([_when(r.first_seen), _when(r.last_seen)] if wide else [_when(r.last_seen, "%Y-%m-%d")])
             + ["yes" if r.is_updated else ""] for r in rows]
    return _one_line_table(f"{total} stories", heads, cells, width, right=("art", "out"))


def _one_line_table(title: str, heads: list[str], cells: list[list[str]], width: int, right=()) -> Table:
    """A table of one line per row: every column as wide as its widest cell, but the second
    (a title), which gets what the others leave and ends in an ellipsis."""
    from rich import box

    fixed = [max([len(head)] + [len(c[k]) for c in cells]) for k, head in enumerate(heads)]
    # each column is padded by one space a side, and the simple box separates columns by one more
    fixed[1] = max(10, min(fixed[1], width - (sum(fixed) - fixed[1]) - 3 * len(heads) - 1))
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for head, w in zip(heads, fixed):
        table.add_column(head, no_wrap=True, overflow="ellipsis", width=w,
                         justify="right" if head in right else "left")
    for c in cells:
        table.add_row(*c)
    return table


@app.command()
def show(
    story_id: str = typer.Argument(..., help="A story id (merged ids still resolve), or a storyline id (l-...)."),
    db: Path = DB_OPTION,
    format: str = typer.Option("md", "--format", "-f", callback=_formats, help="md, html or json."),
    words: Optional[int] = WORDS_OPTION,
) -> None:
    """Print the brief of one story, or of a storyline (its stories side by side, one timeline)."""
    if len(format) > 1:
        raise typer.BadParameter(f"show prints one format, not {', '.join(format)}; choose md, html or json",
                                 param_hint="'--format'")
    fmt = format[0]
    with _workspace(db, create=False) as store:
        sid = store.resolve_story_id(story_id)
        if sid is not None and sid != story_id:  # on stderr, as the storyline note below
            err.print(f"{story_id} was merged into {sid}: showing {sid}", highlight=False)
        if sid is not None:
            b = pipeline.story_brief(store, sid, words=words)
            line = store.storyline_story_ids(b.storyline_id) if b is not None and b.storyline_id else []
            if len(line) > 1:  # on stderr: the brief on stdout stays the brief alone
                err.print(f"Part of storyline {b.storyline_id} ({len(line)} stories): newsfuse show {b.storyline_id}",
                          highlight=False)
        else:
            b = pipeline.storyline_brief(store, story_id, words=words, fresh=True)
        if b is None:
            err.print(f"No story or storyline {story_id!r} in {db}")
            raise typer.Exit(1)
    from newsfuse.render.folder import render_brief

    print(render_brief(b, fmt))


@app.command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    create: bool = typer.Option(False, "--create", help="Start a new, empty store when --db does not exist."),
    max_bytes: Optional[str] = MAX_BYTES_OPTION,
) -> None:
    """Start the web UI and JSON API over the workspace store."""
    import uvicorn

    from newsfuse.web.app import create_app

    _open_store(db, create=create).close()
    _check_port(host, port)
    web = create_app(str(db))
    out.print(f"Serving {db} on http://{host}:{port}", highlight=False)
    with _input_limit(max_bytes):
        uvicorn.run(web, host=host, port=port, log_level="info")


def _check_port(host: str, port: int) -> None:
    """Fail with a clear message before announcing the address when the port cannot be bound
    (another server on it), instead of uvicorn's error after a "Serving ..." line."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, addr = infos[0]
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            s.bind(addr)
    except OSError as e:
        err.print(f"[red]Cannot serve on {host}:{port}[/red]: {e.strerror or e}. "
                  "Is another server using this port? Choose another with --port.")
        raise typer.Exit(2) from None


def _feed_urls(value: List[str]) -> List[str]:
    bad = [u for u in value if not is_url(u)]
    if bad:
        raise typer.BadParameter(f"not an http(s) URL: {bad[0]}")
    return value


@app.command()
def watch(
    folder: Optional[Path] = typer.Argument(None, exists=True, file_okay=False, dir_okay=True,
                                            help="Folder to poll for new article files."),
    db: Path = DB_OPTION,
    interval: float = typer.Option(5.0, "--interval", min=0.1, help="Seconds between polls."),
    once: bool = typer.Option(False, "--once", help="Look twice, --interval seconds apart, ingest and exit."),
    keep_deleted: bool = typer.Option(False, "--keep-deleted",
                                      help="Keep the articles of files deleted from FOLDER (an inbox emptied once read)."),
    feed: List[str] = typer.Option([], "--feed", metavar="URL", callback=_feed_urls,
                                   help="URL of an RSS/Atom feed to poll too (repeat for several)."),
    feed_every: float = typer.Option(300.0, "--feed-every", min=1.0, help="Seconds between polls of the feeds."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", callback=_output_dir,
                                          help="Also keep a folder of briefs current (as `export`)."),
    format: str = typer.Option("md,html,json", "--format", "-f", callback=_formats, help="Formats for --output."),
    max_bytes: Optional[str] = MAX_BYTES_OPTION,
) -> None:
    """Keep ingesting new files from FOLDER (and new entries of --feed URLs); the briefs of touched
    stories update.

    A file is read once it is the same at two polls in a row (so not while it is still being
    written); a file edited later replaces the version read before, and the articles of a file
    deleted from FOLDER are withdrawn unless --keep-deleted (a file moved or renamed inside
    FOLDER keeps them). A feed is fetched every --feed-every seconds; only its new or changed
    entries' pages are fetched.
    """
    if folder is None and not feed:
        raise typer.BadParameter("give a FOLDER to watch, or --feed URL, or both")
    with _input_limit(max_bytes), _workspace(db, create=True) as store:
        feeds = pipeline.FeedWatcher(feed, store) if feed else None
        briefs = pipeline.BriefsFolder(output, store, format) if output is not None else None

        def report(r: pipeline.IngestReport) -> None:
            _watch_report(r)
            removed = briefs.sync() if briefs is not None else None
            _said_removed(removed or [], output, False)

        try:
            if once:
                if folder is not None:
                    report(pipeline.watch_once(folder, store, settle=interval, keep_deleted=keep_deleted))
                if feeds is not None:
                    report(feeds.poll())
                return
            watcher = pipeline.Watcher(folder, store, keep_deleted=keep_deleted) if folder is not None else None
            next_feeds = 0.0
            while True:
                if watcher is not None:
                    report(watcher.poll())
                if feeds is not None and time.monotonic() >= next_feeds:
                    report(feeds.poll())
                    next_feeds = time.monotonic() + feed_every
                time.sleep(interval)
        finally:
            if briefs is not None:
                briefs.close()


def _rebriefed(report: pipeline.IngestReport) -> str:
    """Briefs an interrupted or failed earlier run left undone, made by this one."""
    n = len(report.rebriefed)
    return f", {n} brief{'s' if n != 1 else ''} left undone by an earlier run made now" if n else ""


def _updated(report: pipeline.IngestReport) -> str:
    """Stored articles whose file was edited only in its title, date or other metadata."""
    return f"{len(report.updated)} updated, " if report.updated else ""


def _replacing(report: pipeline.IngestReport) -> str:
    n = len(report.replaced)
    return f" (replacing {n} earlier version{'s' * (n != 1)})" if n else ""


def _watch_report(report: pipeline.IngestReport) -> None:
    _report_problems(report.problems, quiet=False, brief_errors=report.brief_errors)
    if report.new or report.existing or report.replaced or report.withdrawn or report.updated or report.stories_changed \
            or report.rebriefed:  # the last two: what a killed earlier run left undone, done now
        n = len(report.withdrawn)
        gone = f", {n} withdrawn (file deleted)" if n else ""
        fixed = f", {len(report.updated)} updated" if report.updated else ""
        removed = (f"; stories removed (no article left): {', '.join(report.stories_removed)}"
                   if report.stories_removed else "")
        out.print(f"{time.strftime('%H:%M:%S')} {len(report.new)} new articles{_replacing(report)}{fixed}{gone}; stories updated: "
                  + (", ".join(report.stories_changed) or "none") + removed + _rebriefed(report),
                  highlight=False, soft_wrap=True)


def _mount_eval() -> None:
    try:
        from newsfuse.eval.commands import app as eval_app
    except ImportError:  # the evaluation extras are not installed
        return
    app.add_typer(eval_app, name="eval", help="Benchmarks and quality evaluations.")


_mount_eval()

if __name__ == "__main__":
    app()
