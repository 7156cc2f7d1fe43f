"""Faithfulness checks: a brief must only say what its sources say.

``check_brief`` returns a list of problems (empty = faithful):
* every Citation is to a known article, its text appears verbatim in the article's cleaned text
  and equals the cited sentence (when the article carries sentences);
* summary and timeline lines are contained in one of the sentences they cite (extractive);
* every number in the headline, summary and timeline appears in some source of the
  story (digits and number words compared as values: "12" matches "twelve");
* every key-fact report states an outlet or article and a figure found in its cited sentence.
"""

from __future__ import annotations

from newsfuse.fuse.text import numbers_in, number_mentions
from newsfuse.records import Article, Brief, Citation


def _where(c: Citation) -> str:
    return f"{c.article_id}#{c.sentence}"


def _check_citation(c: Citation, by_id: dict[str, Article], context: str) -> list[str]:
    art = by_id.get(c.article_id)
    if art is None:
        return [f"{context}: cites unknown article {c.article_id}"]
    problems = []
    if not c.text or c.text not in art.text:
        problems.append(f"{context}: cited text is not in article {c.article_id}: {c.text[:80]!r}")
    if art.sentences:
        sent = next((s for s in art.sentences if s.index == c.sentence), None)
        if sent is None:
            problems.append(f"{context}: {_where(c)} is not a sentence of the article")
        elif sent.text != c.text:
            problems.append(f"{context}: {_where(c)} text differs from the sentence: {c.text[:80]!r}")
    return problems


def _strip_ellipsis(text: str) -> str:
    return text.strip().rstrip("…").rstrip(".").strip()


def check_brief(brief: Brief, articles: list[Article]) -> list[str]:
    """Problems that make a brief unfaithful to its articles; an empty list means faithful."""
    by_id = {a.id: a for a in articles}
    problems: list[str] = []

    # summary and timeline lines: each must be cited, and its text must stand in a cited sentence
    lines = [(f"summary {n}", s) for n, s in enumerate(brief.summary, 1)]
    lines += [(f"timeline {n} ({t.date})", t) for n, t in enumerate(brief.timeline, 1)]
    for where, item in lines:
        if not item.citations:
            problems.append(f"{where}: no citation")
        for c in item.citations:
            problems += _check_citation(c, by_id, where)
        if item.citations and not any(_strip_ellipsis(item.text) in c.text for c in item.citations):
            problems.append(f"{where}: text is in none of its cited sentences: {item.text[:80]!r}")
    for f in brief.facts:
        for r in f.reports:
            problems += _check_citation(r.citation, by_id, f"fact {f.quantity!r}")
            for c in r.copies:  # a copy's sentence must be as verbatim as the report's own
                problems += _check_citation(c, by_id, f"fact {f.quantity!r} (copy)")
            if not (r.outlet or r.article_id):
                problems.append(f"fact {f.quantity!r}: a report says nobody reported it")
            if r.number is not None and r.number not in numbers_in(r.citation.text):
                problems.append(f"fact {f.quantity!r}: {r.value!r} is not in the cited sentence")
    for n, q in enumerate(brief.quotes, 1):
        for c in q.citations:
            problems += _check_citation(c, by_id, f"quote {n}")
    for u in brief.unique:
        problems += _check_citation(u.citation, by_id, "unique")
        if u.text not in u.citation.text:
            problems.append(f"unique: text is not the cited sentence: {u.text[:80]!r}")

    story_ids = {s.article_id for s in brief.sources} or set(by_id)
    known: set[float] = set()
    for aid in story_ids:
        a = by_id.get(aid)
        if a is not None:
            known |= numbers_in(a.text)
            if a.title:
                known |= numbers_in(a.title)
    shown = [("headline", brief.headline)]
    shown += [(f"summary {n}", s.text) for n, s in enumerate(brief.summary, 1)]
    shown += [(f"timeline {n}", t.text) for n, t in enumerate(brief.timeline, 1)]
    for where, text in shown:
        missing = numbers_in(text) - known
        if missing:
            said = [m for m in number_mentions(text) if numbers_in(m) & missing]
            problems.append(f"{where}: number(s) {', '.join(said) or sorted(missing)} in no source")
    return problems
