"""Leave-one-set-out cross-validation of the learned claim reader (newsfuse.extract.learned).

For each held-out development set: train on the other five, add learned claims for numbers the
rules did not claim when P(claim) >= threshold, and score with the harness' matching. The
threshold for each held-out set is chosen by an inner leave-one-set-out over its five training
sets only (nested), so the reported numbers never saw the held-out set; a fixed-threshold grid is
printed too. Never touches the ``blind`` set.

The current rules were tuned on every development set, so they leave almost nothing to learn
from or to add there. ``--historical`` replays what happened on unseen text instead: the rules as
they were when ``review`` (commit 52dbf12) and ``review2`` (commit 1bc9cb5) were still unseen are
extracted with ``git archive`` and run over all sets; the model is trained on the other sets with
those rules' readings and tested on the set those rules had not seen.

    PYTHONPATH=$PWD python scripts/learned_claims_cv.py [--historical] [--rule-feature] [-v]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import newsfuse.extract.learned as L
from newsfuse.eval.extract_eval import match_claims

GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
TARGET_P = 0.90
HISTORICAL = {"review": "52dbf12", "review2": "1bc9cb5"}
_DUMP = r'''
import json, sys
from collections import OrderedDict
from datetime import date
from newsfuse.extract.claims import extract_claims
from newsfuse.extract.speakers import ArticleContext
from newsfuse.records import Article, Sentence
out = {}
for name in sys.argv[2:]:
    rows = [json.loads(l) for l in open(f"{sys.argv[1]}/extract_{name}.jsonl") if l.strip()]
    docs = OrderedDict()
    for r in rows:
        docs.setdefault(r["doc"], []).append(r)
    res = {}
    for doc, items in docs.items():
        text, sents = "", []
        for i, r in enumerate(items):
            text += "\n\n" if text else ""
            s0 = len(text); text += r["text"]
            sents.append(Sentence(doc, i, r["text"], s0, len(text), date.fromisoformat(r["ref_date"])))
        art = Article(id=doc, text=text, language=items[0].get("lang", "en"), sentences=sents)
        for c in extract_claims(art, ArticleContext()):
            res.setdefault(f"{doc}|{c.sentence}", []).append({"quantity": c.quantity, "event": c.event,
                "number": c.number, "low": c.low, "high": c.high, "vague": c.vague})
    out[name] = res
print(json.dumps(out))
'''


def old_rules(commit: str) -> dict:
    """Claims of the rules at ``commit`` over the current development sets, per set and sentence."""
    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", commit, "newsfuse"], cwd=repo, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        res = subprocess.run([sys.executable, "-c", _DUMP, str(L.DATA_DIR), *L.TRAIN_SETS], cwd=tmp,
                             env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"}, check=True, capture_output=True, text=True)
    raw = json.loads(res.stdout)
    return {name: {(k.rsplit("|", 1)[0], int(k.rsplit("|", 1)[1])): [SimpleNamespace(**c) for c in cs]
                   for k, cs in per.items()} for name, per in raw.items()}


def _keys(rows):
    per_doc: dict[str, int] = {}
    for r in rows:
        i = per_doc.get(r["doc"], 0)
        per_doc[r["doc"]] = i + 1
        yield (r["doc"], i), r


def prepare(rules_by_set: dict | None) -> dict:
    """Rows, rule claims, training pairs and candidates per sentence for every development set."""
    data = {}
    for name in L.TRAIN_SETS:
        rows = L.load_rows(name)
        rules = rules_by_set[name] if rules_by_set else L.rule_claims_of(rows)
        by_row = {k: L.candidates(r["text"], date.fromisoformat(r["ref_date"]), rules.get(k, []))
                  for k, r in _keys(rows)}
        pairs = L.labelled_candidates(rows, rules)
        data[name] = (rows, rules, pairs, by_row)
    return data


def score(rows, rules, model, threshold, by_row, log=None):
    """(tp, predicted, labelled) for the rules plus learned claims at or above ``threshold``."""
    tp = npred = ngold = 0
    for k, r in _keys(rows):
        preds = [SimpleNamespace(quantity=c.quantity, number=c.number, low=c.low, high=c.high, vague=c.vague, learned=False)
                 for c in rules.get(k, [])]
        cands = by_row[k]
        if model is not None and cands:
            for c, (p, key, _pev) in zip(cands, model.predict(cands)):
                n = c.mention
                if c.rule_quantity is None and p >= threshold and not (L.gates_on() and L.untrusted(c, key, model.keys)):
                    preds.append(SimpleNamespace(quantity=key, number=n.number, low=n.low, high=n.high, vague=n.vague,
                                                 learned=True, p=p, text=n.text))
        golds = r.get("claims", [])
        npred += len(preds)
        ngold += len(golds)
        pairs, _missed, left = match_claims(preds, golds)
        tp += len(pairs)
        if log is not None:
            for hit, _g in pairs:
                if hit.learned:
                    log.append(f"  + {hit.p:.2f} {hit.quantity!r} {hit.text!r} | {r['text']}")
            for p in left:
                if p.learned:
                    log.append(f"  - {p.p:.2f} {p.quantity!r} {p.text!r} | {r['text']}")
    return tp, npred, ngold


def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def fmt(t):
    tp, npred, ngold = t
    return f"P={tp / npred if npred else 1:.3f} R={tp / ngold if ngold else 1:.3f} (tp={tp} pred={npred} gold={ngold})"


def nested_threshold(data, train_sets) -> float:
    """Lowest grid threshold whose pooled inner-CV precision stays >= TARGET_P."""
    inner = {t: (0, 0, 0) for t in GRID}
    for val in train_sets:
        m = L.train([p for s in train_sets if s != val for p in data[s][2]])
        vrows, vrules, _, vby = data[val]
        for t in GRID:
            inner[t] = add(inner[t], score(vrows, vrules, m, t, vby))
    ok = [t for t in GRID if inner[t][1] and inner[t][0] / inner[t][1] >= TARGET_P]
    return min(ok) if ok else max(GRID)


def run(data, held_sets, verbose=False):
    totals = {"rules": (0, 0, 0), "nested": (0, 0, 0), **{t: (0, 0, 0) for t in GRID}}
    for held in held_sets:
        train_sets = [s for s in L.TRAIN_SETS if s != held]
        model = L.train([p for s in train_sets for p in data[s][2]])
        rows, rules, _, by_row = data[held]
        base = score(rows, rules, None, 1.0, by_row)
        thr = nested_threshold(data, train_sets)
        log = [] if verbose else None
        res = score(rows, rules, model, thr, by_row, log)
        print(f"{held:9s} rules only {fmt(base)}  | +learned thr={thr:.2f} {fmt(res)}")
        for line in log or []:
            print(line)
        totals["rules"] = add(totals["rules"], base)
        totals["nested"] = add(totals["nested"], res)
        for t in GRID:
            totals[t] = add(totals[t], score(rows, rules, model, t, by_row))
    print(f"pooled rules only:              {fmt(totals['rules'])}")
    print(f"pooled rules+learned (nested):  {fmt(totals['nested'])}")
    for t in GRID:
        print(f"pooled rules+learned thr={t:.2f}:  {fmt(totals[t])}")


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    L.RULE_FEATURE = "--rule-feature" in args
    verbose = "-v" in args
    print(f"rule feature: {L.RULE_FEATURE}")
    if "--historical" in args:
        for held, commit in HISTORICAL.items():
            print(f"== rules at {commit} (before '{held}' was opened), all sets read by them")
            run(prepare(old_rules(commit)), [held], verbose)
    else:
        print("== current rules, leave one development set out")
        run(prepare(None), L.TRAIN_SETS, verbose)


if __name__ == "__main__":
    main()
