"""`newsfuse eval ...`: quality and speed evaluations (the lead mounts ``app`` under the CLI).

Each command imports its evaluation module lazily, so the CLI starts fast and one missing
optional piece (tilse, sumy, another engineer's module) only breaks its own command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    help="Benchmarks and quality evaluations (T17 timelines and summaries, brief speed, "
    "extraction, clustering).",
    no_args_is_help=True,
)

LimitOpt = typer.Option(None, "--limit", help="At most this many articles (or items) per unit.")
TopicsOpt = typer.Option(
    None, "--topics", help="Comma-separated topic/folder names or prefixes (default: all)."
)
JsonOpt = typer.Option(False, "--json", help="Print the full result as JSON.")
DataOpt = typer.Option(None, "--data", help="Data folder (default: ../shared/data/...).")


def _topics(value: Optional[str]) -> Optional[list[str]]:
    return [t for t in value.split(",") if t.strip()] if value else None


def _emit(result, as_json: bool, fmt=None) -> None:
    if as_json or fmt is None:
        typer.echo(json.dumps(result, indent=2, default=str))
    else:
        typer.echo(fmt(result))


def _call_other(module: str, limit, topics, data, as_json: bool) -> None:
    """Run another engineer's evaluation module: its ``run(...)`` and optional ``format_report``."""
    import importlib
    import inspect

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        typer.echo(f"{module} is not available: {exc}", err=True)
        raise typer.Exit(2)
    fn = getattr(mod, "run", None) or getattr(mod, "main", None)
    if fn is None:
        typer.echo(f"{module} has no run() function", err=True)
        raise typer.Exit(2)
    params = inspect.signature(fn).parameters
    kwargs = {}
    for name, val in (("limit", limit), ("topics", topics), ("data_dir", data)):
        if name in params and val is not None:
            kwargs[name] = val
    result = fn(**kwargs)
    _emit(result, as_json, getattr(mod, "format_report", None))


@app.command()
def timelines(
    limit: Optional[int] = LimitOpt,
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
    dates: str = typer.Option("fast", help="Date mentions: fast (regex) | extract (extract stage)."),
    jobs: int = typer.Option(1, help="Processes over topics (2 cores are shared: keep 1)."),
) -> None:
    """Timeline17: Date-F1 and alignment ROUGE-1/2 of newsfuse timelines vs a baseline."""
    from newsfuse.eval import timelines as tl

    res = tl.run(data_dir=data, topics=_topics(topics), limit=limit, dates=dates, jobs=jobs)
    _emit(res, as_json, tl.format_report)


@app.command()
def summaries(
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many stories per topic."),
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
) -> None:
    """ROUGE of story summaries vs sumy LexRank and a lead baseline on T17 day stories."""
    from newsfuse.eval import summaries as sm

    res = sm.run(data_dir=data, topics=_topics(topics), limit=limit)
    _emit(res, as_json, sm.format_report)


@app.command()
def speed(
    limit: Optional[int] = typer.Option(
        None, "--limit", help="Largest story size to time (sizes 5, 25, 100, 400)."
    ),
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
    repeats: int = typer.Option(3, help="Timed repeats per size (median reported)."),
) -> None:
    """Seconds per brief for stories of 5-400 articles, peak RSS, vs LexRank on the same stories."""
    from newsfuse.eval import speed as sp

    res = sp.run(data_dir=data, topics=_topics(topics), limit=limit, repeats=repeats)
    _emit(res, as_json, sp.format_report)


@app.command()
def extraction(
    limit: Optional[int] = LimitOpt,
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
) -> None:
    """Article body extraction benchmark (newsfuse.eval.extraction)."""
    _call_other("newsfuse.eval.extraction", limit, _topics(topics), data, as_json)


@app.command()
def clustering(
    limit: Optional[int] = LimitOpt,
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
) -> None:
    """Story clustering quality and speed (newsfuse.eval.clustering)."""
    _call_other("newsfuse.eval.clustering", limit, _topics(topics), data, as_json)


@app.command()
def extract(
    limit: Optional[int] = LimitOpt,
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
) -> None:
    """Claim/quote/date extraction checks (newsfuse.eval.extract_eval)."""
    _call_other("newsfuse.eval.extract_eval", limit, _topics(topics), data, as_json)


if __name__ == "__main__":  # python -m newsfuse.eval.commands
    app()
