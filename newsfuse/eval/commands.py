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

LimitOpt = typer.Option(None, "--limit", help="At most this many articles per timeline.")
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


def _missing(module: str, exc: Exception) -> None:
    typer.echo(f"{module} is not available: {exc}", err=True)
    raise typer.Exit(2)


@app.command()
def timelines(
    limit: Optional[int] = LimitOpt,
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
    dates: str = typer.Option("fast", help="Date mentions: fast (regex) | extract (extract stage)."),
    jobs: int = typer.Option(1, help="Scoring processes (2 cores are shared: keep 1)."),
    date_ranker: str = typer.Option(
        "learned", help="learned (leave-one-topic-out model: held-out figures) | fixed "
        "(build_timeline's DATE_MODEL, trained on all T17) | hand (older hand-set weights)."
    ),
) -> None:
    """Timeline17: Date-F1 and alignment ROUGE-1/2 of newsfuse timelines vs a baseline."""
    from newsfuse.eval import timelines as tl

    res = tl.run(data_dir=data, topics=_topics(topics), limit=limit, dates=dates, jobs=jobs,
                 date_ranker=date_ranker)
    _emit(res, as_json, tl.format_report)


@app.command()
def summaries(
    limit: int = typer.Option(5, "--limit", help="Stories per topic (LexRank is slow: keep small)."),
    max_articles: int = typer.Option(10, help="Articles per story (the closest to its date)."),
    topics: Optional[str] = TopicsOpt,
    as_json: bool = JsonOpt,
    data: Optional[Path] = DataOpt,
    held_out: bool = typer.Option(
        False, "--held-out", help="Day stories outside the default selection (a held-out check)."
    ),
) -> None:
    """ROUGE of story summaries vs sumy LexRank and a lead baseline on T17 day stories."""
    from newsfuse.eval import summaries as sm

    res = sm.run(data_dir=data, topics=_topics(topics), limit=limit, max_articles=max_articles,
                 held_out=held_out)
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
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N pages."),
    topics: Optional[str] = typer.Option(None, "--topics", help="(unused: one benchmark)"),
    as_json: bool = JsonOpt,
    data: Optional[Path] = typer.Option(None, "--data", help="Benchmark folder (html/, ground-truth.json)."),
) -> None:
    """Article body extraction benchmark: shingle F1 vs trafilatura (newsfuse.eval.extraction)."""
    try:
        from newsfuse.eval import extraction as ex
    except ImportError as exc:
        _missing("newsfuse.eval.extraction", exc)
    if as_json:
        kwargs = {"limit": limit}
        if data:
            kwargs["bench_dir"] = data
        _emit(ex.evaluate_extraction(**kwargs), True)
        return
    argv = (["--limit", str(limit)] if limit else []) + (["--bench", str(data)] if data else [])
    raise typer.Exit(ex.main(argv) or 0)


@app.command()
def clustering(
    limit: Optional[int] = typer.Option(None, "--limit", help="Articles per topic (sampled)."),
    topics: Optional[str] = typer.Option(None, "--topics", help="(unused: all topics are mixed)"),
    as_json: bool = JsonOpt,
    data: Optional[Path] = typer.Option(None, "--data", help="T17 folder."),
    fixture: Optional[Path] = typer.Option(None, "--fixture", help="Score an invented JSONL fixture instead of T17."),
) -> None:
    """Story clustering of a mixed T17 stream or a fixture: B-cubed, speed (newsfuse.eval.clustering)."""
    try:
        from newsfuse.eval import clustering as cl
    except ImportError as exc:
        _missing("newsfuse.eval.clustering", exc)
    if as_json:
        from newsfuse.eval.t17 import default_t17_dir

        res = cl.evaluate_fixture(fixture) if fixture else cl.evaluate_t17_clustering(data or default_t17_dir(), limit)
        _emit(res, True)
        return
    cl.main(([str(data)] if data else []) + (["--limit", str(limit)] if limit else [])
            + (["--fixture", str(fixture)] if fixture else []))


@app.command()
def extract(
    sets: Optional[list[str]] = typer.Argument(
        None, help="Set names (labelled heldout tune test review review2 review3 variety review4 variety2 review5 review6 review7 review8 review9 review10 review11 review12 review13 review14 review15 review16 review17 review18 review19 blind) or JSONL files; "
                   "several print a table. Default: labelled."),
    limit: Optional[int] = typer.Option(None, "--limit", help="(unused: small labelled sets)"),
    topics: Optional[str] = typer.Option(None, "--topics", help="(unused)"),
    as_json: bool = JsonOpt,
    data: Optional[Path] = typer.Option(None, "--data", help="Labelled sentences (jsonl), as one more set."),
) -> None:
    """Claims, quotes and dates vs hand-labelled sentences (newsfuse.eval.extract_eval)."""
    try:
        from newsfuse.eval import extract_eval as ee
    except ImportError as exc:
        _missing("newsfuse.eval.extract_eval", exc)
    names = list(sets or []) + ([str(data)] if data else [])
    if as_json:
        _emit({n: ee.evaluate(ee._resolve(n)) for n in names or ["labelled"]}, True)
        return
    ee.main(names)


if __name__ == "__main__":  # python -m newsfuse.eval.commands
    app()
