"""Seconds per story brief (5, 25, 100, 400 articles), peak RSS, vs sumy LexRank on the same stories.

    nice .venv/bin/python benchmarks/bench_brief.py [--limit 100] [--repeats 3] [--json out.json]

Same as `newsfuse eval speed`; see newsfuse/eval/speed.py for the set-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import report  # noqa: E402

from newsfuse.eval.speed import format_report, run  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="largest story size to run")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--topics", default="bpoil")
    ap.add_argument("--sizes", default="5,25,100,400", help="story sizes, comma-separated")
    ap.add_argument("--lexrank-max-sentences", type=int, default=3000,
                    help="skip LexRank (pure Python, quadratic) above this many sentences")
    ap.add_argument("--json", dest="json_path", default=None)
    args = ap.parse_args()
    res = run(topics=args.topics.split(","), limit=args.limit, repeats=args.repeats,
              sizes=tuple(int(x) for x in args.sizes.split(",")),
              lexrank_max_sentences=args.lexrank_max_sentences)
    report(res, format_report, args.json_path)


if __name__ == "__main__":
    main()
