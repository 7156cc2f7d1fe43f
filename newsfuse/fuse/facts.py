"""Fuse numeric claims across sources into key facts: agree, evolving, conflict or single.

Decisions (documented here because readers of a brief rely on them):

* A claim's *stated figure* is what the sentence says, qualifier aside: "at least 8" and "8"
  agree (both state 8), "about 100" agrees with 95..105 (±10 %), a range agrees with a point
  inside it, and a vague amount ("dozens") agrees with any figure inside its span (24..99).
  "at least 8" and "12" do not agree: the sources state different figures.
* Differing figures are ``evolving`` when time explains them: each as-of moment carries one
  figure and the figures move in one direction as time passes (a death toll rising from 8 on
  one day to 12 the next). As-of is the claim's own as-of date, else the time of the live-blog
  entry or article it came from.
* Otherwise they are ``conflict``: different figures for the same moment (or a toll that goes
  back and forth), typically from different authorities.
* Background figures are left out: a claim whose as-of date lies more than 30 days before the
  sentence's own date (an earlier disaster quoted for comparison) is not part of this story.
* "People" absorbs one more specific group of people with the same event when every figure of
  the two agrees: "2,000 people detained" (two outlets) and "around 2,000 protesters detained"
  (a third) are one fact under the plainer name, with a note saying who named the group.
  Differing figures (50 people and 12 children killed) or several specific groups (officers,
  protesters and attackers killed) stay apart: one may be a part of the other.
* ``single``: one outlet only, all its figures alike. A duplicate article (``duplicate_of``)
  is not an independent source: its claims are dropped. Claims in sentences copied from
  another article (wire copy) still show the outlet that ran them, but count once when
  deciding whether more than one source stands behind a figure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timezone

from newsfuse.extract.lexicon import PERSON_CATEGORIES
from newsfuse.records import Article, Citation, Claim, Fact, Report

# spans for vague amounts when the extractor gave no low/high; first match wins
_VAGUE_SPANS = [
    ("hundreds of thousands", (200_000, 999_999)), ("tens of thousands", (20_000, 99_999)),
    ("millions", (2_000_000, 9_999_999)), ("thousands", (2000, 9999)), ("hundreds", (200, 999)),
    ("scores", (40, 99)), ("dozens", (24, 99)), ("several dozen", (24, 99)), ("a dozen", (10, 14)),
    ("dozen", (10, 14)), ("several", (3, 9)), ("a few", (2, 5)), ("few", (2, 5)),
]
_APPROX = {"about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to",
           "an estimated", "estimated"}

BACKGROUND_DAYS = 30  # a claim as of more than this before its sentence's date is background

STATUS_ORDER = {"conflict": 0, "evolving": 1, "agree": 2, "single": 3}


@dataclass
class _Item:
    """One claim with what fusion needs: its outlet, span, moment and source key."""

    claim: Claim
    outlet: str
    source_key: str  # the independent source behind it (copies share the original's key)
    low: float | None
    high: float | None
    day: date | None
    moment: datetime | None


def outlet_name(article: Article | None, fallback: str) -> str:
    """A label for an article's source: outlet, else domain, else its file name, else the id."""
    if article is None:
        return fallback
    if article.outlet or article.domain:
        return article.outlet or article.domain
    if article.path:
        return article.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return fallback


def _span(c: Claim) -> tuple[float | None, float | None]:
    """The figure a claim states, as an interval (see module docstring)."""
    q = (c.qualifier or "").lower().strip()
    if c.number is not None and c.low is not None and c.high is not None and c.low != c.high:
        return c.low, c.high
    if c.number is not None:
        n = c.number
        if q in _APPROX:
            return n * 0.9, n * 1.1
        return n, n
    if c.low is not None or c.high is not None:
        lo = c.low if c.low is not None else c.high
        hi = c.high if c.high is not None else c.low
        return lo, hi
    key = re.sub(r"\s+", " ", (c.value or "").lower()).strip()
    for phrase, span in _VAGUE_SPANS:
        if re.search(r"\b" + phrase + r"\b", key):
            return span
    return None, None


def _same_figure(a: _Item, b: _Item) -> bool:
    if a.low is None or b.low is None:
        # an unbounded vague amount ("many") is no evidence of disagreement
        return True
    return a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


def _aware(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _moment(claim: Claim, article: Article | None) -> tuple[date | None, datetime | None]:
    """When a figure held: its as-of date, else the entry or article time it was reported at."""
    moment = None
    day = claim.as_of
    if article is not None:
        sent = article.sentences[claim.sentence] if 0 <= claim.sentence < len(article.sentences) else None
        if sent is not None and sent.entry is not None and 0 <= sent.entry < len(article.entries):
            moment = _aware(article.entries[sent.entry].time)
        if moment is None:
            moment = _aware(article.published)
        if day is None:
            if moment is not None:
                day = moment.date()
            elif sent is not None:
                day = sent.ref_date
    if claim.as_of is not None and moment is not None and moment.date() != claim.as_of:
        moment = None  # the as-of phrase points elsewhere; the day is all we know
    return day, moment


def _same_time(a: _Item, b: _Item) -> bool:
    """Whether two figures are for the same moment (unknown time counts as the same)."""
    if a.day is None or b.day is None:
        return True
    if a.day != b.day:
        return False
    if a.moment is None or b.moment is None:
        return True
    return a.moment == b.moment


def _time_key(it: _Item) -> tuple:
    return (it.day or date.min, it.moment or datetime.min.replace(tzinfo=timezone.utc))


def _group_figures(items: list[_Item]) -> list[list[_Item]]:
    """Cluster items by stated figure, most specific (narrowest) first."""
    groups: list[list[_Item]] = []
    ordered = sorted(items, key=lambda i: (i.low is None, (i.high - i.low) if i.low is not None else 0))
    for it in ordered:
        for g in groups:
            if all(_same_figure(it, other) for other in g):
                g.append(it)
                break
        else:
            groups.append([it])
    return groups


def _centre(g: list[_Item]) -> float:
    vals = [(i.low + i.high) / 2 for i in g if i.low is not None]
    return sum(vals) / len(vals) if vals else 0.0


def _is_evolving(groups: list[list[_Item]]) -> bool:
    """Each moment has one figure and the figures move one way with time."""
    index = {id(it): gi for gi, g in enumerate(groups) for it in g}
    items = [it for g in groups for it in g]
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if index[id(a)] != index[id(b)] and _same_time(a, b):
                return False
    # order groups by their earliest time; their figures must be monotone
    spans = []
    for g in groups:
        keys = sorted(_time_key(i) for i in g)
        spans.append((keys[0], keys[-1], _centre(g)))
    spans.sort()
    for (s1, e1, _), (s2, _e2, _) in zip(spans, spans[1:]):
        if s2 < e1:  # an older figure reappears after a newer one
            return False
    centres = [c for _, _, c in spans]
    rising = all(x <= y for x, y in zip(centres, centres[1:]))
    falling = all(x >= y for x, y in zip(centres, centres[1:]))
    return rising or falling


def _describe(g: list[_Item]) -> str:
    values = Counter(i.claim.value for i in g)
    return values.most_common(1)[0][0]


def _outlets(g: list[_Item]) -> list[str]:
    seen: list[str] = []
    for i in g:
        if i.outlet not in seen:
            seen.append(i.outlet)
    return seen


def _majority_key(g: list[_Item]) -> tuple:
    latest = max((i.day for i in g if i.day), default=date.min)
    return (-len({i.source_key for i in g}), -len(_outlets(g)), -latest.toordinal())


def _note(status: str, groups: list[list[_Item]]) -> str | None:
    """A sentence for readers: who disagrees with whom, or how the figure moved."""
    if status == "conflict":
        # the majority: most independent sources, then most outlets, then the latest figure
        groups = sorted(groups, key=_majority_key)
        major, rest = groups[0], groups[1:]
        parts = []
        for g in rest[:3]:
            who = ", ".join(_outlets(g))
            parts.append(f"{who} report{'s' if len(_outlets(g)) == 1 else ''} {_describe(g)}")
        maj_who = _outlets(major)
        if len(rest) > 3:
            parts.append(f"{len(rest) - 3} more figure{'s' if len(rest) > 4 else ''}")
        tail = "the others" if len(maj_who) > 1 and len(rest) == 1 else ", ".join(maj_who)
        return "; ".join(parts) + f"; {tail} {_describe(major)}."
    if status == "evolving":
        ordered = sorted(groups, key=lambda g: min(_time_key(i) for i in g))
        steps = []
        for g in ordered:
            first = min(g, key=_time_key)
            if first.claim.as_of:
                when = f" as of {first.claim.as_of.isoformat()}"
            else:
                when = f" reported {first.day.isoformat()}" if first.day else ""
            steps.append(f"{_describe(g)}{when} ({', '.join(_outlets(g))})")
        return "Changed over time: " + " → ".join(steps) + "."
    if status == "single":
        outs = _outlets([i for g in groups for i in g])
        return f"One text, run by {', '.join(outs)}." if len(outs) > 1 else None
    if status == "agree":
        outs = _outlets([i for g in groups for i in g])
        if len(outs) <= 1:
            return None
        if len(outs) <= 3:
            return f"{' and '.join(outs)} agree."
        return f"{len(outs)} outlets agree."
    return None


def fuse_claims(
    claims: list[Claim],
    articles: dict[str, Article],
    duplicate_of: dict[str, str] | None = None,
    copy_root: dict[tuple[str, int], tuple[str, int]] | None = None,
) -> list[Fact]:
    """Group claims by quantity across sources and give each group a status and a note.

    ``copy_root`` maps every sentence that has copies (the original too) to the representative
    of its copy group, so that a wire sentence run by three outlets counts as one source for
    the single/agree decision.
    """
    duplicate_of = duplicate_of or {}
    copy_root = copy_root or {}
    by_quantity: dict[str, list[_Item]] = defaultdict(list)
    for c in claims:
        if c.article_id in duplicate_of or c.article_id not in articles:
            continue
        art = articles[c.article_id]
        if art.duplicate_of:
            continue
        if art.sentences and not 0 <= c.sentence < len(art.sentences):
            continue  # cannot be cited faithfully
        if _is_background(c, art):
            continue
        outlet = outlet_name(art, c.article_id)
        root = copy_root.get((c.article_id, c.sentence))
        source_key = f"copy:{root[0]}:{root[1]}" if root else outlet
        low, high = _span(c)
        day, moment = _moment(c, art)
        by_quantity[c.quantity.strip().lower()].append(
            _Item(c, outlet, source_key, low, high, day, moment)
        )

    named = _fold_generic(by_quantity)
    facts: list[Fact] = []
    for quantity, items in by_quantity.items():
        items = _one_per_outlet_figure(items)
        groups = _group_figures(items)
        outlets = {i.outlet for i in items}
        sources = {i.source_key for i in items}
        if len(groups) == 1:
            status = "single" if len(outlets) == 1 or len(sources) == 1 else "agree"
        elif _is_evolving(groups):
            status = "evolving"
        else:
            status = "conflict"
        items.sort(key=lambda i: (_time_key(i), i.outlet, i.claim.article_id, i.claim.sentence))
        reports = [_report(i, articles) for i in items]
        name = next((i.claim.quantity for i in items if i.claim.quantity.strip().lower() == quantity),
                    items[0].claim.quantity)  # a folded group keeps the plainer name
        fact = Fact(quantity=name, status=status, reports=reports)
        fact.note = _note(status, groups)
        if quantity in named:
            fact.note = " ".join(filter(None, [fact.note, named[quantity]]))
        facts.append(fact)
    facts.sort(key=lambda f: (-len({r.outlet for r in f.reports}), STATUS_ORDER[f.status], f.quantity))
    return facts


_PERSON_GROUPS = set(PERSON_CATEGORIES) - {"people"}


def _fold_generic(by_quantity: dict[str, list[_Item]]) -> dict[str, str]:
    """Fold a lone specific group into "people <event>" when all their figures agree (see module
    docstring); returns a note per folded quantity naming who used the specific group."""
    notes: dict[str, str] = {}
    for key in [k for k in by_quantity if k.startswith("people ")]:
        event = key[len("people "):]
        specific = [k for k in by_quantity
                    if k != key and k.endswith(" " + event) and k[: -len(event) - 1] in _PERSON_GROUPS]
        if len(specific) != 1:
            continue
        other = by_quantity[specific[0]]
        mine = by_quantity[key]
        if not all(_same_figure(a, b) for a in mine for b in other):
            continue
        group = specific[0][: -len(event) - 1]
        who = ", ".join(_outlets(other))
        notes[key] = f"{who} count{'s' if len(_outlets(other)) == 1 else ''} them as {group}."
        mine.extend(by_quantity.pop(specific[0]))
    return notes


def _is_background(claim: Claim, article: Article) -> bool:
    """A figure about an earlier, different event ("a 2011 mine collapse killed 22").

    Its as-of lies more than ``BACKGROUND_DAYS`` before the date the sentence was written (the
    sentence's ref_date, else the publish date): such history must not sit next to this week's
    toll in the story's key facts. Kept out here, in one place; extraction keeps the claim.
    """
    if claim.as_of is None:
        return False
    ref = None
    if 0 <= claim.sentence < len(article.sentences):
        ref = article.sentences[claim.sentence].ref_date
    ref = ref or article.published_date
    return ref is not None and (ref - claim.as_of).days > BACKGROUND_DAYS


def _one_per_outlet_figure(items: list[_Item]) -> list[_Item]:
    """An outlet repeating the same figure for the same moment is one report, not several."""
    kept: list[_Item] = []
    for it in sorted(items, key=lambda i: (i.claim.article_id, i.claim.sentence)):
        if any(k.outlet == it.outlet and k.low == it.low and k.high == it.high and k.day == it.day
               for k in kept):
            continue
        kept.append(it)
    return kept


def _report(it: _Item, articles: dict[str, Article]) -> Report:
    c = it.claim
    art = articles.get(c.article_id)
    text = c.text
    if art is not None and 0 <= c.sentence < len(art.sentences):
        text = art.sentences[c.sentence].text
    return Report(
        article_id=c.article_id,
        outlet=(art.outlet or art.domain) if art is not None else None,
        value=c.value,
        number=c.number,
        qualifier=c.qualifier,
        as_of=c.as_of,  # only what the source says; the inferred day stays internal
        attribution=c.attribution,
        citation=Citation(c.article_id, c.sentence, text),
    )
