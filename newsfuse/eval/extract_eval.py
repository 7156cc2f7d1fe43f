"""Precision/recall of the extract stage against the hand-labelled sentences.

The labelled set (``data/extract_labelled.jsonl``) holds invented news sentences in several house
styles, one per line, grouped into documents by ``doc`` so that "he said" and bare death tolls can
lean on earlier sentences. Each line gives ``ref_date`` and the expected claims, quotes and the
happening date. Run ``python -m newsfuse.eval.extract_eval [FILE|SET ...]`` to print the numbers (several
files or set names -- labelled, heldout, tune, test, review, review2, review3, variety, review4, variety2,
review5, review6, review7, review8, review9, review10, review11, review12, review13, review14, review15, review16, review17, review18, review19, blind -- add a per-file table). All but ``blind`` may be used to improve the rules; ``test``,
``review`` and ``review2`` to ``review19`` were each written as a blind set by someone
who had not seen the rules (``variety`` and ``variety2`` too, written to stress unusual phrasings),
scored once, and only then opened (BENCHMARKS.md keeps their first, unseen scores). ``blind``
(``data/extract_blind.jsonl``) is the current unseen set: for measuring only -- never read its
sentences, never tune on its errors, run it without ``-v``.

Scoring:
- claims: a prediction matches a label in the same sentence when the quantity key is equal and the
  amount agrees (number, or range bounds, or both vague). P = matched/predicted, R = matched/labelled.
  Qualifier, as-of and attribution accuracy are reported over matched pairs.
- quotes: detection P/R per sentence (count overlap); speaker accuracy over detected quotes, and
  speaker recall over all labelled quotes (a missed quote counts as wrong).
- dates: a sentence's happening is right when date and precision equal the label. P over sentences
  where a dated happening was predicted, R (= exact-resolution accuracy) over labelled sentences.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from datetime import date
from pathlib import Path

from ..extract import claims_and_quotes
from ..extract.dates import extract_happenings
from ..extract.learned import amount_equal
from ..records import Article, Sentence

__all__ = ["evaluate", "load", "table", "DEFAULT_PATH", "SETS"]

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "extract_labelled.jsonl"


def load(path: str | Path | None = None) -> list[dict]:
    with open(path or DEFAULT_PATH, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _articles(rows: list[dict]) -> tuple[list[Article], dict[tuple[str, int], dict]]:
    docs: OrderedDict[str, list[dict]] = OrderedDict()
    for r in rows:
        docs.setdefault(r["doc"], []).append(r)
    arts, index = [], {}
    for doc, items in docs.items():
        text, sents = "", []
        for i, r in enumerate(items):
            if text:
                text += "\n\n"
            start = len(text)
            text += r["text"]
            sents.append(Sentence(doc, i, r["text"], start, len(text), date.fromisoformat(r["ref_date"])))
            index[(doc, i)] = r
        arts.append(Article(id=doc, text=text, language=items[0].get("lang", "en"), sentences=sents))
    return arts, index


def _norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = s.lower().replace("’", "'")
    s = re.sub(r"^(?:the|a|an)\s+", "", s.strip())
    s = re.sub(r"'s\b", "", s)
    return re.sub(r"[^\w\s]", " ", s).split() and " ".join(re.sub(r"[^\w\s]", " ", s).split())


def names_match(a: str | None, b: str | None) -> bool:
    """Lenient: equal, one contains the other, or same last word ("Kowal" ~ "Ines Kowal")."""
    na, nb = _norm_name(a), _norm_name(b)
    if not na or not nb:
        return not na and not nb
    if na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return True
    return na.split()[-1] == nb.split()[-1]


def match_claims(preds: list, golds: list[dict]) -> tuple[list[tuple], list[tuple[dict, bool]], list]:
    """Match labels in order to the first prediction with the same quantity key and an agreeing
    amount (``extract.learned.amount_equal``). Returns (prediction, label) pairs, the missed labels each with whether an unmatched
    prediction had its amount under another key, and the predictions left over."""
    left, pairs, missed = list(preds), [], []
    for g in golds:
        hit = next((p for p in left if p.quantity == g["quantity"] and amount_equal(p, g)), None)
        if hit is None:
            missed.append((g, any(amount_equal(p, g) for p in left)))
            continue
        left.remove(hit)
        pairs.append((hit, g))
    return pairs, missed, left


def _pr(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp,
            "predicted": npred, "labelled": ngold}


def evaluate(path: str | Path | None = None) -> dict:
    """Run the extractors over a labelled file or set name ("tune") and score them (see module docstring)."""
    rows = load(_resolve(path) if isinstance(path, str) else path)
    arts, index = _articles(rows)
    claims_by, quotes_by, dates_by = {}, {}, {}
    for art in arts:
        claims, quotes = claims_and_quotes(art)  # as ``extract`` reads them
        for c in claims:
            claims_by.setdefault((art.id, c.sentence), []).append(c)
        for q in quotes:
            quotes_by.setdefault((art.id, q.sentence), []).append(q)
        for h in extract_happenings(art):
            if h.date is not None:
                dates_by.setdefault((art.id, h.sentence), h)

    c_tp = c_pred = c_gold = 0
    loose_tp = 0
    qual_ok = asof_ok = attr_ok = 0
    errors: list[dict] = []
    q_tp = q_pred = q_gold = spk_ok = 0
    d_tp = d_pred = d_gold = 0
    for key, r in index.items():
        preds = list(claims_by.get(key, []))
        golds = r.get("claims", [])
        c_pred += len(preds)
        c_gold += len(golds)
        pairs, missed, unmatched = match_claims(preds, golds)
        for g, amount_found in missed:
            loose_tp += amount_found
            errors.append({"kind": "claim-missed", "text": r["text"], "label": g})
        for hit, g in pairs:
            c_tp += 1
            loose_tp += 1
            qual_ok += (hit.qualifier or None) == (g.get("qualifier") or None)
            asof_ok += (hit.as_of.isoformat() if hit.as_of else None) == g.get("as_of")
            attr_ok += names_match(hit.attribution, g.get("attribution"))
        for p in unmatched:
            errors.append({"kind": "claim-spurious", "text": r["text"], "got": [p.quantity, p.value]})

        pq = quotes_by.get(key, [])
        gq = r.get("quotes", [])
        q_pred += len(pq)
        q_gold += len(gq)
        q_tp += min(len(pq), len(gq))
        left = list(pq)
        for g in gq:
            hit = next((p for p in left if names_match(p.speaker, g["speaker"])), None)
            if hit is not None:
                left.remove(hit)
                spk_ok += 1
            elif pq:
                errors.append({"kind": "speaker-wrong", "text": r["text"], "label": g["speaker"],
                               "got": [p.speaker for p in pq]})

        gd = r.get("date")
        ph = dates_by.get(key)
        if gd:
            d_gold += 1
        if ph is not None:
            d_pred += 1
        if gd and ph is not None and ph.date.isoformat() == gd["date"] and ph.precision == gd["precision"]:
            d_tp += 1
        elif gd or ph is not None:
            errors.append({"kind": "date", "text": r["text"], "label": gd,
                           "got": [ph.date.isoformat(), ph.precision, ph.date_text] if ph else None})

    claims = _pr(c_tp, c_pred, c_gold)
    claims["recall_any_group"] = round(loose_tp / c_gold, 4) if c_gold else 1.0
    claims["qualifier_accuracy"] = round(qual_ok / c_tp, 4) if c_tp else 0.0
    claims["as_of_accuracy"] = round(asof_ok / c_tp, 4) if c_tp else 0.0
    claims["attribution_accuracy"] = round(attr_ok / c_tp, 4) if c_tp else 0.0
    quotes = _pr(q_tp, q_pred, q_gold)
    quotes["speaker_accuracy"] = round(spk_ok / q_tp, 4) if q_tp else 0.0
    quotes["speaker_recall"] = round(spk_ok / q_gold, 4) if q_gold else 1.0
    dates = _pr(d_tp, d_pred, d_gold)
    return {"sentences": len(rows), "claims": claims, "quotes": quotes, "dates": dates, "errors": errors}


DATA_DIR = DEFAULT_PATH.parent
# named sets under data/: all but "blind" are development sets; "blind" is for measuring only
SETS = {name: DATA_DIR / f"extract_{name}.jsonl"
        for name in ("labelled", "heldout", "tune", "test", "review", "review2", "review3", "variety", "review4", "variety2", "review5", "review6", "review7", "review8", "review9", "review10", "review11", "review12", "review13", "review14", "review15", "review16", "review17", "review18", "review19", "blind")}


def _resolve(arg: str) -> Path:
    """Accept a path or a set name ("tune" -> data/extract_tune.jsonl)."""
    return SETS[arg] if arg in SETS and not Path(arg).exists() else Path(arg)


def table(results: dict[str, dict]) -> str:
    """One row per file so several sets can be compared at a glance."""
    head = (f"{'set':10s} {'n':>4s} | {'claimP':>6s} {'claimR':>6s} {'anyGrpR':>7s} | "
            f"{'quoteP':>6s} {'quoteR':>6s} {'spkAcc':>6s} {'spkRec':>6s} | {'dateP':>6s} {'dateR':>6s}")
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        c, q, d = r["claims"], r["quotes"], r["dates"]
        lines.append(f"{name[:10]:10s} {r['sentences']:4d} | {c['precision']:6.3f} {c['recall']:6.3f} "
                     f"{c['recall_any_group']:7.3f} | {q['precision']:6.3f} {q['recall']:6.3f} "
                     f"{q['speaker_accuracy']:6.3f} {q['speaker_recall']:6.3f} | "
                     f"{d['precision']:6.3f} {d['recall']:6.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """``extract_eval [FILE|SET ...] [-v]``: details per file, then a per-file table when several."""
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args or "--errors" in args
    files = [a for a in args if not a.startswith("-")] or [str(DEFAULT_PATH)]
    results: dict[str, dict] = {}
    for f in files:
        path = _resolve(f)
        res = evaluate(path)
        name = path.stem.removeprefix("extract_")
        results[name] = res
        print(f"== {path}")
        print(f"labelled sentences: {res['sentences']}")
        for key in ("claims", "quotes", "dates"):
            m = res[key]
            extra = {k: v for k, v in m.items() if k not in ("precision", "recall", "f1", "tp", "predicted", "labelled")}
            print(f"{key:7s} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
                  f"(tp={m['tp']} pred={m['predicted']} gold={m['labelled']}) " +
                  " ".join(f"{k}={v:.3f}" for k, v in extra.items()))
        if verbose:
            for e in res["errors"]:
                print(json.dumps(e, ensure_ascii=False, default=str))
    if len(results) > 1:
        print()
        print(table(results))


if __name__ == "__main__":
    main()
