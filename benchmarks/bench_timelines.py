"""Timeline17: Date-F1 and alignment ROUGE-1/2 of newsfuse timelines vs the in-run baseline.

    nice .venv/bin/python benchmarks/bench_timelines.py [--topics bpoil,H1N1] [--limit N] [--json out.json]

Same as `newsfuse eval timelines`; see newsfuse/eval/timelines.py for the set-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import report  # noqa: E402

from newsfuse.eval.timelines import format_report, run  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--dates", default="fast", choices=["fast", "extract"])
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", dest="json_path", default=None)
    args = ap.parse_args()
    res = run(topics=args.topics.split(",") if args.topics else None, limit=args.limit,
              dates=args.dates, jobs=args.jobs)
    report(res, format_report, args.json_path)


if __name__ == "__main__":
    main()
