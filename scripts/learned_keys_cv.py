"""Leave-one-set-out cross-validation of a learned second opinion on the rules' quantity keys.

For each held-out development set: train the learned reader (``newsfuse.extract.learned``) on the
other sets, ask it about every number the rules claimed in the held-out set, and replace the
rules' event and/or group where the model is sure of another (or drop the claim when it is sure it
is none), per ``learned.corrected_key``. Scores are pooled over all held-out sets with the
harness' matching (right key and amount), before (rules alone) and after, for a grid of
thresholds. Only the rules' claims are scored (the learned additions are left out on both sides,
so the difference is the corrector's alone).

The current rules were tuned on every development set, so their keys there are in-sample and
this under-states what a corrector could fix on unseen text. ``--historical`` replays the rules
as they were before each later set was opened (``HISTORICAL``: the parent of the commit that
opened it): the model is trained on the gold labels of the other sets (it never reads the rules'
output) and scored on what those rules read in the held-out set, unseen. Pooled over those sets.

    PYTHONPATH=$PWD python scripts/learned_keys_cv.py [--historical] [-v]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import newsfuse.extract.learned as L
from newsfuse.eval.extract_eval import match_claims

sys.path.insert(0, str(Path(__file__).resolve().parent))
from learned_claims_cv import _DUMP, _keys, add, fmt, prepare  # noqa: E402

# each set opened after the first rounds, with the commit that opened it: the rules of its parent
# had never been tuned on it (some of these commits tuned the rules on the set as they opened it)
HISTORICAL = {"review": "ef9dad4", "review2": "b9c75a3", "review3": "9026599", "variety": "65b736c",
              "review4": "93ae099", "variety2": "5390de8", "review5": "c400725", "review6": "acd7879",
              "review7": "93ed85f", "review8": "e8aeae8", "review9": "d8c7bfb", "review10": "cde631c"}
DROP = (None, 0.05, 0.2)
EV = (None, 0.7, 0.8, 0.9)
GRP = (None, 0.6, 0.8, 0.9)
# (drop, event, lexicon group, other group): learned.corrected_key
GRID = [(d, e, g, o) for d in DROP for e in EV for g in GRP for o in GRP]
OFF = (None, None, None, None)


def old_rules(commit: str, sets=L.TRAIN_SETS) -> dict:
    """The rules alone (learned reader off) at ``commit`` over development ``sets`` as labelled now."""
    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", f"{commit}^", "newsfuse"], cwd=repo, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin", "NEWSFUSE_LEARNED_CLAIMS": "0", "NEWSFUSE_CACHE_DIR": "off"}
        res = subprocess.run([sys.executable, "-c", _DUMP, str(L.DATA_DIR), *sets], cwd=tmp,
                             env=env, check=True, capture_output=True, text=True)
    raw = json.loads(res.stdout)
    return {name: {(k.rsplit("|", 1)[0], int(k.rsplit("|", 1)[1])): [SimpleNamespace(**c) for c in cs]
                   for k, cs in per.items()} for name, per in raw.items()}


def opinions(rows, rules, by_row, model):
    """Per row key: [(rule claim, opinion)] for every rule claim tied to a candidate number."""
    out = {}
    for k, _r in _keys(rows):
        cands = [c for c in by_row[k] if c.rule_quantity is not None]
        ops = model.opinions(cands) if cands else []
        left = list(rules.get(k, []))
        tied = []
        for c, op in zip(cands, ops):
            hit = next((rc for rc in left if rc.quantity == c.rule_quantity and L.amount_equal(c.mention, rc)), None)
            if hit is not None:
                left.remove(hit)
                tied.append((hit, op))
        out[k] = tied
    return out


def score(rows, rules, ops, thresholds, log=None):
    """(tp, predicted, labelled) of the rules' claims with keys corrected at ``thresholds``."""
    tp = npred = ngold = 0
    for k, r in _keys(rows):
        new = {id(rc): L.corrected_key(rc.quantity, op, thresholds) for rc, op in ops[k]}
        preds = []
        for rc in rules.get(k, []):
            q = new.get(id(rc), rc.quantity)
            if q is None:
                if log is not None:
                    log.append(f"  drop {rc.quantity!r} {rc.number} | {r['text']} | gold {[g['quantity'] for g in r.get('claims', [])]}")
                continue
            if log is not None and q != rc.quantity:
                ok = any(g["quantity"] == q and L.amount_equal(rc, g) for g in r.get("claims", []))
                was = any(g["quantity"] == rc.quantity and L.amount_equal(rc, g) for g in r.get("claims", []))
                log.append(f"  {'+' if ok else '-'}{'(was right)' if was else ''} {rc.quantity!r} -> {q!r} {rc.number} | {r['text']}")
            preds.append(SimpleNamespace(quantity=q, number=rc.number, low=rc.low, high=rc.high, vague=rc.vague))
        golds = r.get("claims", [])
        npred += len(preds)
        ngold += len(golds)
        tp += len(match_claims(preds, golds)[0])
    return tp, npred, ngold


def run(data, held_sets, verbose=False, pick=None):
    totals = {t: (0, 0, 0) for t in GRID}
    per_set = {}
    for held in held_sets:
        model = L.train([p for s in L.TRAIN_SETS if s != held for p in data[s][2]])
        rows, rules, _, by_row = data[held]
        ops = opinions(rows, rules, by_row, model)
        per_set[held] = {t: score(rows, rules, ops, t) for t in GRID}
        for t in GRID:
            totals[t] = add(totals[t], per_set[held][t])
        if verbose and pick is not None:
            log = []
            score(rows, rules, ops, pick, log)
            print(f"== {held}")
            print("\n".join(log))
    base = totals[OFF]
    print(f"pooled rules alone: {fmt(base)}")
    best = sorted(GRID, key=lambda t: -(totals[t][0] / totals[t][2] + totals[t][0] / max(totals[t][1], 1)))[:15]
    for t in best:
        print(f"pooled drop<{t[0]} ev>={t[1]} grp>={t[2]} other>={t[3]}: {fmt(totals[t])}")
    return per_set, totals


def inner_pick(per_set: dict) -> tuple:
    """The setting with the most right claims pooled over ``per_set`` among those whose pooled
    precision is no lower than the rules' alone (the rules' own setting when none gains)."""
    base = OFF
    tot = {t: (0, 0, 0) for t in GRID}
    for res in per_set.values():
        for t in GRID:
            tot[t] = add(tot[t], res[t])
    ok = [t for t in GRID if tot[t][1] and tot[t][0] / tot[t][1] >= tot[base][0] / max(tot[base][1], 1)]
    return max(ok, key=lambda t: (tot[t][0], -tot[t][1], t == base)) if ok else base


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    pick = None
    for a in args:
        if a.startswith("--pick="):
            pick = tuple(None if x == "None" else float(x) for x in a[7:].split(","))
    if "--historical" in args:
        current = prepare(None)  # training pairs: gold labels only, the same whatever the rules
        totals, per_set = {t: (0, 0, 0) for t in GRID}, {}
        for held, commit in HISTORICAL.items():
            try:
                rules = old_rules(commit, [held])[held]
            except subprocess.CalledProcessError as e:
                print(f"{held}: rules at {commit}^ did not run ({e.stderr.strip().splitlines()[-1:]}); skipped")
                continue
            rows, _, pairs, _ = current[held]
            by_row = {k: L.candidates(r["text"], date.fromisoformat(r["ref_date"]), rules.get(k, [])) for k, r in _keys(rows)}
            data = dict(current)
            data[held] = (rows, rules, pairs, by_row)
            print(f"== rules at {commit}^ (before '{held}' was opened), learned reader off")
            ps, _ = run(data, [held], verbose, pick)
            per_set[held] = ps[held]
            for t in GRID:
                totals[t] = add(totals[t], ps[held][t])
        print("== pooled over the replayed sets")
        for t in sorted(GRID, key=lambda t: -(totals[t][0] / totals[t][2] + totals[t][0] / max(totals[t][1], 1)))[:15]:
            print(f"pooled drop<{t[0]} ev>={t[1]} grp>={t[2]} other>={t[3]}: {fmt(totals[t])}")
        nested = (0, 0, 0)
        for held in per_set:
            t = inner_pick({s: v for s, v in per_set.items() if s != held})
            nested = add(nested, per_set[held][t])
            print(f"{held:9s} nested pick drop<{t[0]} ev>={t[1]} grp>={t[2]} other>={t[3]}: before {fmt(per_set[held][OFF])}"
                  f"  after {fmt(per_set[held][t])}")
        print(f"pooled    nested picks: before {fmt(totals[OFF])}  after {fmt(nested)}")
        if pick:
            for s in per_set:
                print(f"{s:9s} before {fmt(per_set[s][OFF])}  after {fmt(per_set[s][pick])}")
            print(f"pooled    before {fmt(totals[OFF])}  after {fmt(totals[pick])}")
    else:
        os.environ["NEWSFUSE_LEARNED_CLAIMS"] = "0"
        per_set, totals = run(prepare(None), L.TRAIN_SETS, verbose, pick)
        nested = (0, 0, 0)
        for held in per_set:
            t = inner_pick({s: v for s, v in per_set.items() if s != held})
            nested = add(nested, per_set[held][t])
            print(f"{held:9s} nested pick drop<{t[0]} ev>={t[1]} grp>={t[2]} other>={t[3]}: after {fmt(per_set[held][t])}")
        print(f"pooled    nested picks: before {fmt(totals[OFF])}  after {fmt(nested)}")
        if pick:
            for s in L.TRAIN_SETS:
                print(f"{s:9s} before {fmt(per_set[s][OFF])}  after {fmt(per_set[s][pick])}")
            print(f"pooled    before {fmt(totals[OFF])}  after {fmt(totals[pick])}")


if __name__ == "__main__":
    main()
