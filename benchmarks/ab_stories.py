"""CPU of the stories stage's per-batch work (dedup + clustering of each T17 day) for this checkout
against another commit, both codes in one process, taking turns batch by batch.

Why: on a shared machine wall times (and even one process's CPU time) swing with other jobs' load;
two codes measured in turn in the same process see the same conditions, so their ratio is what
can be compared across runs. The other commit's ``newsfuse`` is exported with ``git archive`` and
imported as ``newsfuse_ref`` (its absolute imports renamed). Outputs are compared too: every
batch's duplicates, kinds and sentence copies, and the clusterer's state JSON at the end.

Run: ``nice python benchmarks/ab_stories.py [--ref COMMIT] [--t17 DIR] [--features]``
(``--features``: per-article features computed first and handed over, as an ingest worker does;
without it each code computes its own inside the timed batches).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

_IMPORT = re.compile(r"\b(from|import) newsfuse(?=[. \n])")


def export_ref(commit: str, into: Path) -> None:
    """``newsfuse`` of ``commit`` as the package ``newsfuse_ref`` under ``into``."""
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "newsfuse"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=tar, check=True)
    (into / "newsfuse").rename(into / "newsfuse_ref")
    for py in (into / "newsfuse_ref").rglob("*.py"):
        py.write_text(_IMPORT.sub(r"\1 newsfuse_ref", py.read_text()))


class _RefUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "newsfuse" or module.startswith("newsfuse."):
            module = "newsfuse_ref" + module[len("newsfuse"):]
        return super().find_class(module, name)


def runner(arts, pkg: str):
    """A step function running day batch i of ``arts`` with package ``pkg``'s dedup and clusterer."""
    import importlib

    from bench_cluster import day_batches

    cluster = importlib.import_module(pkg + ".stories.cluster")
    dedup = importlib.import_module(pkg + ".stories.dedup")
    sc = cluster.StoryClusterer()
    batches = list(day_batches(arts))
    recent: list = []
    out = {"cpu": 0.0, "dups": [], "sc": sc, "n": len(batches)}

    def step(i: int) -> None:
        day, batch = batches[i]
        c0 = time.process_time()
        known = [a for d, a in recent if day is None or d is None or (day - d).days <= 3]
        dups = dedup.find_duplicates(batch, known=known)
        for a in batch:
            a.duplicate_of = dups.duplicate_of.get(a.id)
        sc.add(batch)
        out["cpu"] += time.process_time() - c0
        out["dups"].append((sorted(dups.duplicate_of.items()), sorted(dups.kind.items()),
                            sorted(dups.sentence_copies.items())))
        recent[:] = [(d, a) for d, a in recent if day is None or d is None or (day - d).days <= 3]
        recent.extend((day, a) for a in batch)

    return step, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", default="main")
    ap.add_argument("--t17", default=str(ROOT.parent / "shared" / "data" / "t17"))
    ap.add_argument("--features", action="store_true")
    args = ap.parse_args()
    from bench_cluster import detokenised

    from newsfuse.eval.clustering import load_t17
    from newsfuse.ingest import read_records
    from newsfuse.records import Article

    tmp = Path(tempfile.mkdtemp(prefix="newsfuse-ref-"))
    export_ref(args.ref, tmp)
    sys.path.insert(0, str(tmp))
    records, _ = load_t17(args.t17)
    records.sort(key=lambda r: r["time"])
    arts = [a for a in read_records(detokenised(records), "t17") if isinstance(a, Article)]
    blob = pickle.dumps(arts)
    mine, ref = pickle.loads(blob), _RefUnpickler(__import__("io").BytesIO(blob)).load()
    if args.features:
        import importlib

        for pkg, group in (("newsfuse", mine), ("newsfuse_ref", ref)):
            features = importlib.import_module(pkg + ".stories.features")
            for i in range(0, len(group), 64):
                features.install(group[i:i + 64], features.export(group[i:i + 64]))
    step_new, new = runner(mine, "newsfuse")
    step_ref, old = runner(ref, "newsfuse_ref")
    for i in range(new["n"]):
        first, second = (step_new, step_ref) if i % 2 else (step_ref, step_new)
        first(i)
        second(i)
    same_state = json.dumps(new["sc"].state(), sort_keys=True) == json.dumps(old["sc"].state(), sort_keys=True)
    print(f"T17 {len(arts)} articles, {new['n']} day batches, features {'handed over' if args.features else 'computed per batch'}")
    print(f"  CPU {args.ref}: {old['cpu']:.2f}s  this checkout: {new['cpu']:.2f}s  ratio {old['cpu'] / new['cpu']:.3f}")
    print(f"  identical: state JSON {same_state}, duplicates/kinds/sentence copies {new['dups'] == old['dups']}")


if __name__ == "__main__":
    main()
