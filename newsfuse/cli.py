"""The ``newsfuse`` command: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsfuse import pipeline
from newsfuse.store import Store

app = typer.Typer(
    help="Turn many news articles about one event into one source-attributed brief per story.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

FORMATS = ("md", "html", "json")
DB_OPTION = typer.Option("newsfuse.db", "--db", help="Workspace store (SQLite file).")


def _formats(value: str) -> list[str]:
    fmts = [f.strip().lower() for f in value.split(",") if f.strip()]
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


def _report_problems(problems, quiet: bool) -> None:
    """One line per unreadable file on stderr (also with --quiet: scripts need to know)."""
    for p in problems:
        print(f"skipped {p.path}: {p.message}", file=sys.stderr)


def _render(brief, fmt: str) -> str:
    from newsfuse import render

    if fmt == "md":
        return render.to_markdown(brief)
    if fmt == "html":
        return render.to_html(brief)
    return json.dumps(render.to_json(brief), ensure_ascii=False, indent=2)


@app.command()
def brief(
    paths: List[Path] = typer.Argument(..., help="Files or folders of articles (txt, html, json, jsonl, warc, .gz)."),
    output: Path = typer.Option(Path("briefs"), "-o", "--output", help="Folder for the briefs."),
    format: str = typer.Option("md,html,json", "--format", "-f", help="Comma list of md, html, json."),
    words: Optional[int] = typer.Option(None, "--words", help="Word budget for each summary."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems and the output folder."),
    dask: bool = typer.Option(False, "--dask", help="Read and brief in parallel on Dask (needs the scale extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    workers: int = typer.Option(0, "--workers", help="Processes that read and clean articles (0: this one)."),
) -> None:
    """Read, group and brief every story in PATHS; write one brief per story into OUTPUT."""
    from newsfuse import render

    fmts = _formats(format)
    if dask or scheduler:
        from newsfuse.scale import brief_dask

        run = brief_dask(paths, scheduler=scheduler, words=words)
    else:
        with _progress(quiet, "reading") as progress:
            run = pipeline.brief_run(paths, words=words, progress=progress, workers=workers)
    _report_problems(run.problems, quiet)
    if not run.articles:
        err.print("[red]No article could be read[/red] from " + ", ".join(map(str, paths)))
        raise typer.Exit(1)
    output.mkdir(parents=True, exist_ok=True)
    for b in run.briefs:
        for fmt in fmts:
            (output / f"{b.story_id}.{fmt}").write_text(_render(b, fmt), encoding="utf-8")
    index = render.index_json(run.stories, run.articles, briefs=run.briefs)
    (output / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2), encoding="utf-8")
    if "md" in fmts:
        from newsfuse.render.index import index_markdown

        (output / "README.md").write_text(index_markdown(run.briefs, run.stories), encoding="utf-8")
    if not quiet:
        table = Table(title=f"{len(run.briefs)} stories from {len(run.articles)} articles")
        table.add_column("story", no_wrap=True)
        table.add_column("sources", justify="right")
        table.add_column("headline")
        for s, b in zip(run.stories, run.briefs):
            table.add_row(b.story_id, str(len(s.article_ids)), b.headline)
        out.print(table)
    out.print(f"Briefs written to {output.resolve()}", highlight=False)


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Files or folders to add to the workspace."),
    db: Path = DB_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q"),
    workers: int = typer.Option(0, "--workers", help="Processes that read and clean articles (0: this one)."),
) -> None:
    """Add articles to the workspace store; stories and their briefs update."""
    with Store(db) as store:
        with _progress(quiet, "ingesting") as progress:
            report = pipeline.ingest(paths, store, progress=progress, workers=workers)
    _report_problems(report.problems, quiet)
    out.print(f"{len(report.new)} new, {len(report.existing)} already stored, "
              f"{len(report.problems)} skipped; {len(report.stories_changed)} stories updated", highlight=False)
    if not report.read_any:
        raise typer.Exit(1)


@app.command()
def stories(
    db: Path = DB_OPTION,
    since: Optional[str] = typer.Option(None, "--since", help="Only stories seen since this date (YYYY-MM-DD)."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Full-text query."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    limit: int = typer.Option(100, "--limit"),
) -> None:
    """List the stories in the workspace, newest first."""
    from datetime import date

    since_d = date.fromisoformat(since) if since else None
    with Store(db) as store:
        rows, total = store.list_stories(q=search, since=since_d, limit=limit)
    if as_json:
        print(json.dumps({"total": total, "stories": [
            {"story_id": r.id, "title": r.title, "articles": r.n_articles, "outlets": r.outlets,
             "first_seen": r.first_seen.isoformat() if r.first_seen else None,
             "last_seen": r.last_seen.isoformat() if r.last_seen else None,
             "storyline_id": r.storyline_id, "updated": r.is_updated} for r in rows]}, indent=2))
        return
    table = Table(title=f"{total} stories")
    table.add_column("id", no_wrap=True)  # the handle users copy into `newsfuse show`
    table.add_column("title", ratio=1)
    for col in ("sources", "first seen", "last seen", "updated"):
        table.add_column(col, no_wrap=True)
    for r in rows:
        table.add_row(r.id, r.title or "", str(r.n_articles),
                      r.first_seen.strftime("%Y-%m-%d %H:%M") if r.first_seen else "",
                      r.last_seen.strftime("%Y-%m-%d %H:%M") if r.last_seen else "", "yes" if r.is_updated else "")
    out.print(table)


@app.command()
def show(
    story_id: str = typer.Argument(..., help="A story id (merged ids still resolve)."),
    db: Path = DB_OPTION,
    format: str = typer.Option("md", "--format", "-f", help="md, html or json."),
    words: Optional[int] = typer.Option(None, "--words"),
) -> None:
    """Print the brief of one story."""
    fmt = _formats(format)[0]
    with Store(db) as store:
        sid = store.resolve_story_id(story_id)
        if sid is None:
            err.print(f"No story {story_id!r} in {db}")
            raise typer.Exit(1)
        b = pipeline.story_brief(store, sid, words=words)
    print(_render(b, fmt))


@app.command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Start the web UI and JSON API over the workspace store."""
    import uvicorn

    from newsfuse.web.app import create_app

    web = create_app(str(db))
    out.print(f"Serving {db} on http://{host}:{port}", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="info")


@app.command()
def watch(
    folder: Path = typer.Argument(..., help="Folder to poll for new article files."),
    db: Path = DB_OPTION,
    interval: float = typer.Option(5.0, "--interval", help="Seconds between polls."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit."),
) -> None:
    """Keep ingesting new files from FOLDER; the briefs of touched stories update."""
    with Store(db) as store:
        while True:
            report = pipeline.watch_once(folder, store)
            _report_problems(report.problems, quiet=False)
            if report.new or report.existing:
                out.print(f"{time.strftime('%H:%M:%S')} {len(report.new)} new articles; stories updated: "
                          + (", ".join(report.stories_changed) or "none"), highlight=False)
            if once:
                return
            time.sleep(interval)


def _mount_eval() -> None:
    try:
        from newsfuse.eval.commands import app as eval_app
    except ImportError:  # the evaluation extras are not installed
        return
    app.add_typer(eval_app, name="eval", help="Benchmarks and quality evaluations.")


_mount_eval()

if __name__ == "__main__":
    app()
