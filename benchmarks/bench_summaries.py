"""ROUGE of newsfuse story summaries vs sumy LexRank and lead on T17 day stories.

    nice .venv/bin/python benchmarks/bench_summaries.py [--limit 5] [--json out.json]

Same as `newsfuse eval summaries`; see newsfuse/eval/summaries.py for the set-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import report  # noqa: E402

from newsfuse.eval.summaries import format_report, run  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", default=None)
    ap.add_argument("--limit", type=int, default=5, help="stories per topic")
    ap.add_argument("--json", dest="json_path", default=None)
    ap.add_argument("--held-out", action="store_true",
                    help="day stories outside the default selection")
    args = ap.parse_args()
    res = run(topics=args.topics.split(",") if args.topics else None, limit=args.limit,
              held_out=args.held_out)
    report(res, format_report, args.json_path)


if __name__ == "__main__":
    main()
