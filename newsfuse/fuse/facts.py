"""Fuse numeric claims across sources into key facts: agree, evolving, conflict or single.

Decisions (documented here because readers of a brief rely on them):

* A claim's *stated figure* is what the sentence says, qualifier aside: "at least 8" and "8"
  agree (both state 8), "about 100" agrees with 90..110 (±10 %, but never more than the figure's
  rounding step: "about 2,500" covers 2,400..2,600, so it disputes 2,300), a range agrees with a
  point inside it, and a vague amount ("dozens") agrees with any figure inside its span (24..99).
  "at least 8" and "12" do not agree: the sources state different figures.
* Differing figures are ``evolving`` when time explains them: each as-of moment carries one
  figure and the figures move in one direction as time passes (a death toll rising from 8 on
  one day to 12 the next). As-of is the claim's own as-of date, else the time of the live-blog
  entry or article it came from. Counts that only grow (killed, injured, detained, rescued) must
  rise: a later, lower death toll is a dispute until a source says it was revised.
* Otherwise they are ``conflict`` when at least two sources (outlets) disagree: no figure of the
  one matches a figure of the other (different authorities, or a toll that goes back and forth).
  Figures credited to two different authorities within one article are two sources ("TVH said
  20, while the ministry said 18"). Several figures from one source alone never make a conflict: the fact stays ``single`` (or
  ``agree`` when other sources share one of its figures) and the note says the figure varies
  within that source (a part and its whole, two different groups the extractor keyed alike).
* Increments are not totals: "two more bodies", "another 11", "a further 12", "rose by 5" state
  a change, so they are left out of key facts rather than compared with a toll, when their
  article gives a figure of the same quantity they add to (alone, "another 353 were injured"
  after "12 died" contrasts two events and is a total). A part named
  with its whole in one sentence ("reached four of the six trapped miners") is left out when
  the event word describes the whole ("six trapped"): the part did something else.
* Amounts read from articles in a language the extractors do not analyse ("es: personas") are
  only listed: one ``single`` row per unit word and outlet, never compared, since two amounts
  with the same unit word may count different things.
* Background figures are left out: a claim whose as-of date lies more than 30 days before the
  sentence's own date (an earlier disaster quoted for comparison) is not part of this story.
* "People" absorbs one more specific group of people with the same event when every figure of
  the two agrees: "2,000 people detained" (two outlets) and "around 2,000 protesters detained"
  (a third) are one fact under the plainer name, with a note saying who named the group.
  Differing figures (50 people and 12 children killed) or several specific groups (officers,
  protesters and attackers killed) stay apart: one may be a part of the other.
* ``agree`` is said of one figure only. When sources share a figure and one of them also gives
  another (a part and its whole, two things keyed alike), each figure is its own row: the shared
  one ``agree``, the other ``single``, both noting that the figure varies within that source.
* Durations measure different things (an earlier strike's 24 hours, the talks' seven hours): two
  readings are one fact only when they name the same thing ("24-hour strike", "the talks lasted")
  or state the same figure; a split part that names one thing is named after it.
* A figure in the quoted words of an eyewitness ("Straight away about 10 were killed around me,"
  a resident said; marked at extraction, see ``newsfuse.extract.witness``) counts what one person
  saw at one place, not the event's toll: such figures get their own row, "<quantity> (eyewitness
  account)", ``single`` or ``agree`` among themselves and never set against the reported totals.
  An official quoted in the first person ("We counted 40 bodies," the governor said) is a total.
* ``single``: one outlet only, all its figures alike. A duplicate article (``duplicate_of``)
  is not an independent source: its claims that repeat a figure of the original are dropped,
  but a figure the duplicate changed ("340" in a copy of wire text that says "310") is its
  outlet's own report. Claims in sentences copied from
  another article (wire copy) still show the outlet that ran them, but count once when
  deciding whether more than one source stands behind a figure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Iterable

from newsfuse.extract.lexicon import PERSON_CATEGORIES, split_key
from newsfuse.fuse.text import NUMBER_WORDS as _NUMBER_WORDS
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
    before: datetime | None = None  # "Earlier today it said 15": held at some time before this
    copies: list[Citation] = field(default_factory=list)  # the figure as duplicates of its article repeat it


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
            slack = min(abs(n) * 0.1, _rounding_step(n))
            return n - slack, n + slack
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


def _rounding_step(n: float) -> float:
    """The step a round figure was rounded to: 2,500 -> 100, 2,000 -> 1,000, 40 -> 10, 7 -> 1."""
    if n != int(n) or n == 0:
        return 1.0
    n, step = abs(int(n)), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


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
    for x, y in ((a, b), (b, a)):
        if x.before is not None and y.moment is not None and y.moment >= x.before:
            return False
    if a.moment is None or b.moment is None:
        return True
    return a.moment == b.moment


def _time_key(it: _Item) -> tuple:
    when = it.moment or (it.before - timedelta(microseconds=1) if it.before else None)
    return (it.day or date.min, when or datetime.min.replace(tzinfo=timezone.utc))


# an as-of phrase that puts the figure before the post that reports it
_EARLIER = re.compile(r"\b(?:earlier|previously)\b", re.IGNORECASE)


def _earlier(claim: Claim, moment: datetime | None) -> tuple[datetime | None, datetime | None]:
    """(moment, before): "Earlier today it said 15" in a post of 15:30 held before 15:30, at an
    unknown time; the post's later figure is then a newer one, not a second figure at 15:30."""
    if moment is not None and _EARLIER.search(claim.as_of_text or ""):
        return None, moment
    return moment, None


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


# counts that only grow as news comes in: a later, lower figure is a dispute, not a change
_ONLY_RISING = {"killed", "injured", "detained", "rescued"}


def _is_evolving(groups: list[list[_Item]], quantity: str = "") -> bool:
    """Each moment has one figure and the figures move one way with time (up only, for counts
    that cannot fall: a death toll that drops from "several dozen" to "about 10" is disputed)."""
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
    return rising or (falling and split_key(quantity)[1] not in _ONLY_RISING)


def _describe(g: list[_Item]) -> str:
    values = Counter(i.claim.value for i in g)
    return values.most_common(1)[0][0]


def _listing(names: list[str]) -> str:
    """Names as a reader writes them: "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _outlets(g: list[_Item]) -> list[str]:
    seen: list[str] = []
    for i in g:
        if i.outlet not in seen:
            seen.append(i.outlet)
    return seen


def _majority_key(g: list[_Item]) -> tuple:
    latest = max((i.day for i in g if i.day), default=date.min)
    return (-len({i.source_key for i in g}), -len(_outlets(g)), -latest.toordinal())


def _says(outlets: list[str], value: str) -> str:
    """"A reports 30", "A and B report 30", "A, B and C report 30": each figure with its verb."""
    who = outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]
    return f"{who} report{'s' * (len(outlets) == 1)} {_inside_sentence(value)}"


def _inside_sentence(value: str) -> str:
    """A figure that opened its source sentence ("About 150", "Fourteen thousand") in lower case
    inside the note; names and acronyms ("IS", "McDonald's") stay as written."""
    first = value.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].isalpha() and first[1:].islower():
        return value[0].lower() + value[1:]
    return value


def _note(status: str, groups: list[list[_Item]]) -> str | None:
    """A sentence for readers: who disagrees with whom, or how the figure moved."""
    if status == "conflict":
        # the majority: most independent sources, then most outlets, then the latest figure
        groups = sorted(groups, key=_majority_key)
        major, rest = groups[0], groups[1:]
        parts = [_says(_outlets(g), _describe(g)) for g in rest[:3]]
        if len(rest) > 3:
            n = len({o for g in rest[3:] for o in _outlets(g)})
            parts.append(f"{n} more source{'s' * (n != 1)} report{'s' * (n == 1)} "
                         + ("another figure" if len(rest) == 4 else "other figures"))
        maj_who = _outlets(major)
        tail = ("the others report " + _inside_sentence(_describe(major)) if len(maj_who) > 1 and len(rest) == 1
                else _says(maj_who, _describe(major)))
        return "; ".join(parts) + f"; {tail}."
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
            return f"{_listing(outs)} agree."
        return f"{len(outs)} outlets agree."
    return None


def fuse_claims(
    claims: list[Claim],
    articles: dict[str, Article],
    duplicate_of: dict[str, str] | None = None,
    copy_root: dict[tuple[str, int], tuple[str, int]] | None = None,
    not_analysed: Iterable[str] = (),
) -> list[Fact]:
    """Group claims by quantity across sources and give each group a status and a note.

    ``copy_root`` maps every sentence that has copies (the original too) to the representative
    of its copy group, so that a wire sentence run by three outlets counts as one source for
    the single/agree decision. ``not_analysed`` names articles whose language the extractors do
    not read: their amounts are listed, not compared (see module docstring).
    """
    duplicate_of = duplicate_of or {}
    copy_root = copy_root or {}
    not_analysed = set(not_analysed)
    by_quantity: dict[str, list[_Item]] = defaultdict(list)
    listed: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    claims = _totals_only(claims)
    copied = _copied_figures(claims, articles, duplicate_of)
    carried = _carriers(claims, copied, articles, duplicate_of, copy_root)
    leads = _story_leads(articles.values())
    for c in claims:
        if c.article_id not in articles or id(c) in copied:
            continue
        art = articles[c.article_id]
        if art.sentences and not 0 <= c.sentence < len(art.sentences):
            continue  # cannot be cited faithfully
        if _is_background(c, art) or _counts_a_named_other(c, art, leads):
            continue
        outlet = outlet_name(art, c.article_id)
        root = copy_root.get((c.article_id, c.sentence))
        source_key = f"copy:{root[0]}:{root[1]}" if root else outlet
        low, high = _span(c)
        day, moment = _moment(c, art)
        moment, before = _earlier(c, moment)
        item = _Item(c, outlet, source_key, low, high, day, moment, before, carried.get(id(c), []))
        if c.article_id in not_analysed or _is_foreign_amount(c):
            listed[(c.quantity.strip().lower(), outlet)].append(item)
        else:  # an eyewitness's count is its own fact from the start: never folded into, or set against, a total
            key = c.quantity.strip().lower()
            by_quantity[f"{key} {EYEWITNESS}" if c.eyewitness else key].append(item)

    named = _fold_generic(by_quantity)
    facts: list[Fact] = []
    for quantity, all_items in by_quantity.items():
        if quantity.endswith(EYEWITNESS):
            facts.extend(_facts_of(quantity, all_items, articles, EYEWITNESS_NOTE, accounts=True))
            continue
        for name, items in _lengths_of_things(quantity, all_items):
            facts.extend(_facts_of(name, items, articles, named.get(quantity)))
    for (quantity, _outlet), items in listed.items():
        items = _one_per_outlet_figure(items)
        facts.append(_fact(quantity, "single", items, articles, LISTED_NOTE))
    facts.sort(key=lambda f: (f.note == LISTED_NOTE, -reporting_outlets(f), STATUS_ORDER[f.status], f.quantity))
    return facts


def _status(items: list[_Item], groups: list[list[_Item]]) -> str:
    """agree / single when one figure (or figures within single sources), else evolving or conflict."""
    outlets = {i.outlet for i in items}
    sources = {i.source_key for i in items}
    if len(groups) > 1 and _is_evolving(groups, items[0].claim.quantity.strip().lower()):
        return "evolving"
    if len(groups) > 1 and _sources_disagree(items):
        return "conflict"
    return "single" if len(outlets) == 1 or len(sources) == 1 else "agree"


def _facts_of(quantity: str, items: list[_Item], articles: dict[str, Article], named: str | None,
              accounts: bool = False) -> list[Fact]:
    """The fact(s) of one quantity. Sources that share one figure while one of them also gives
    another (a part and its whole, two things keyed alike) agree on that figure only: each figure
    is then its own row, so "agree" is only said of one value. Eyewitness ``accounts`` count what
    each saw where they stood, so differing ones are rows of their own too, never a conflict."""
    items = _one_per_outlet_figure(_learned_where_rules_agree(items))
    groups = _group_figures(items)
    status = _status(items, groups)
    rows = [(status, items, groups)]
    if (status == "agree" or accounts) and len(groups) > 1:
        rows = [(_status(g, [g]), g, [g]) for g in sorted(groups, key=_majority_key)]
    out = []
    for k, (st, its, gs) in enumerate(rows):
        note = _note(st, gs)
        if len(groups) > 1 and status in ("single", "agree"):
            note = " ".join(filter(None, [note, _varies_note(groups)]))
        # a table with two rows of one name reads as a mistake: the split-off figure says what it is
        # ("people killed (another eyewitness account)" for a second witness's count, not "... (other figure)")
        label = quantity if k == 0 else (quantity.replace(EYEWITNESS, ANOTHER_EYEWITNESS) if accounts
                                         else f"{quantity} (other figure)")
        out.append(_fact(label, st, its, articles, " ".join(filter(None, [note, named])) or None))
    return out


# what a length in hours measures: "a 24-hour strike", "seven hours of talks", "the talks lasted
# seven hours"; a word after the unit that is no noun ("for 24 hours on Monday") names nothing
_HOURS_THEN_THING = re.compile(r"[\s-]*(?:hours?|hrs?)(?:-long)?\s+(?:of\s+)?([a-z][a-z-]+)\b")
_THING_THEN_LASTED = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:had\s+|has\s+|have\s+)?(?:lasted|lasting|took|continued|ran|went on|stretched on)"
    r"\s+(?:for\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|more than\s+|some\s+|over\s+)?$")
_NOT_A_THING = frozenset(
    "on in at for after before without with and or to ago later earlier a an the of since until by last this that "
    "when while as because but long each every per straight non-stop later before until into from than more then "
    "today yesterday tonight overnight".split())


def _thing_measured(c: Claim) -> str | None:
    """The noun a duration claim measures, as written, if its sentence says."""
    text = c.text or ""
    for m in re.finditer(r"(?<![\w.])" + re.escape(c.value) + r"(?![\w.])", text, re.IGNORECASE):
        after = _HOURS_THEN_THING.match(text, m.end())
        word = after.group(1) if after else None
        if word is None or word in _NOT_A_THING or word.endswith(("ed", "ly")):
            before = _THING_THEN_LASTED.search(text, max(0, m.start() - 60), m.start())
            word = before.group(1) if before and before.group(1) not in _NOT_A_THING else None
        if word:
            return word
    return None


def _stem(word: str | None) -> str | None:
    """"talks" and "talk" name one thing."""
    return word[:-1] if word and word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def _lengths_of_things(quantity: str, items: list[_Item]) -> list[tuple[str, list[_Item]]]:
    """Durations are of different things (an earlier strike's 24 hours, the talks' seven hours):
    two readings are one fact when they name the same thing or state the same figure. A part with
    one named thing is named after it ("strike duration hours"). Other quantities stay whole."""
    if split_key(quantity)[0] != "duration":
        return [(quantity, items)]
    shown = [_thing_measured(i.claim) for i in items]
    things = [_stem(w) for w in shown]
    parent = list(range(len(items)))

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for a in range(len(items)):
        for b in range(a):
            if (things[a] and things[a] == things[b]) or _same_figure(items[a], items[b]):
                parent[root(a)] = root(b)
    parts: dict[int, list[int]] = defaultdict(list)
    for k in range(len(items)):
        parts[root(k)].append(k)
    if len(parts) == 1:
        return [(quantity, items)]
    out = []
    for members in parts.values():
        named = Counter(shown[k] for k in members if shown[k])
        one = len({things[k] for k in members if things[k]}) == 1
        out.append((f"{named.most_common(1)[0][0]} {quantity}" if one else quantity, [items[k] for k in members]))
    return out


def reporting_outlets(fact: Fact) -> int:
    """How many outlets report a fact; an article of unknown outlet counts as one of its own
    (two files without an outlet are not one source)."""
    return len({r.outlet or r.article_id for r in fact.reports})


def _copied_figures(claims: list[Claim], articles: dict[str, Article], duplicate_of: dict[str, str]) -> set[int]:
    """Claims of duplicate articles that repeat a figure of their original (ids of the claims).

    A duplicate that states its own figure for a quantity (a near-copy of wire text in which the
    outlet changed "310" to "340") is that outlet's report, not a copy: it stays, so the
    disagreement shows instead of the original's figure alone."""
    def root_of(c: Claim) -> str | None:
        art = articles.get(c.article_id)
        return duplicate_of.get(c.article_id) or (art.duplicate_of if art is not None else None)

    figures: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for c in claims:
        if root_of(c) is None:
            figures[(c.article_id, c.quantity.strip().lower())].append(_span(c))
    out = set()
    for c in claims:
        root = root_of(c)
        if root is None:
            continue
        low, high = _span(c)
        theirs = figures.get((root, c.quantity.strip().lower()), [])
        if root not in articles or not theirs or any(
                lo is None or low is None or (lo <= high + 1e-9 and low <= hi + 1e-9) for lo, hi in theirs):
            out.add(id(c))
    return out


def _carriers(claims: list[Claim], copied: set[int], articles: dict[str, Article], duplicate_of: dict[str, str],
              copy_root: dict[tuple[str, int], tuple[str, int]]) -> dict[int, list[Citation]]:
    """id of an original's claim -> citations of the duplicates' claims that repeat it (``copied``):
    the same quantity and figure in an article that copies it, its copy of the same sentence first."""
    def root_of(c: Claim) -> str | None:
        art = articles.get(c.article_id)
        return duplicate_of.get(c.article_id) or (art.duplicate_of if art is not None else None)

    originals: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if id(c) not in copied and root_of(c) is None:
            originals[(c.article_id, c.quantity.strip().lower())].append(c)
    out: dict[int, list[Citation]] = defaultdict(list)
    for c in claims:
        art = articles.get(c.article_id)
        if id(c) not in copied or art is None or not 0 <= c.sentence < len(art.sentences):
            continue
        low, high = _span(c)
        same = [o for o in originals.get((root_of(c), c.quantity.strip().lower()), [])
                if low is None or _span(o)[0] is None or (_span(o)[0] <= high + 1e-9 and low <= _span(o)[1] + 1e-9)]
        group = copy_root.get((c.article_id, c.sentence))
        same.sort(key=lambda o: (group is None or copy_root.get((o.article_id, o.sentence)) != group, o.sentence))
        if same:
            cites = out[id(same[0])]
            if all(x.article_id != c.article_id for x in cites):  # one mark per outlet's copy
                cites.append(Citation(c.article_id, c.sentence, art.sentences[c.sentence].text))
    return out


EYEWITNESS = "(eyewitness account)"
ANOTHER_EYEWITNESS = "(another eyewitness account)"
EYEWITNESS_NOTE = ("A witness's count of what they saw, quoted first-hand: not the event's total, so not "
                   "compared with the reported figures.")
LISTED_NOTE = "Listed, not compared: language not analysed; the same unit word may count different things."


def _fact(quantity: str, status: str, items: list[_Item], articles: dict[str, Article],
          note: str | None) -> Fact:
    items.sort(key=lambda i: (_time_key(i), i.outlet, i.claim.article_id, i.claim.sentence))
    # a folded group keeps the plainer name; a duration split by what it measures is named after it
    name = next((i.claim.quantity for i in items if i.claim.quantity.strip().lower() == quantity), quantity)
    return Fact(quantity=name, status=status, reports=[_report(i, articles) for i in items], note=note)


def _disjoint(sets: list[list[_Item]]) -> bool:
    """Whether two of these sources have no figure in common."""
    return any(not any(_same_figure(a, b) for a in x for b in y)
               for i, x in enumerate(sets) for y in sets[i + 1:])


def _sources_disagree(items: list[_Item]) -> bool:
    """Two sources disagree when no figure of the one matches any figure of the other.

    A source is an outlet; within one outlet, figures credited to two different authorities
    ("TVH reported 20, while the ministry said 18") are two sources too. Unattributed figures
    of an outlet are its own voice and never stand against its attributed ones.
    """
    by_outlet: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_outlet[it.outlet].append(it)
    if _disjoint(list(by_outlet.values())):
        return True
    for own in by_outlet.values():
        authorities: list[tuple[frozenset, list[_Item]]] = []
        for it in own:
            who = _authority(it.claim.attribution)
            if not who:
                continue
            for known, members in authorities:
                if who <= known or known <= who:
                    members.append(it)
                    break
            else:
                authorities.append((who, [it]))
        if _disjoint([members for _, members in authorities]):
            return True
    return False


def _authority(attribution: str | None) -> frozenset:
    """Who a figure is credited to, as words ("The civil protection agency" = "civil protection agency")."""
    words = re.findall(r"[^\W_]+", (attribution or "").casefold())
    return frozenset(w for w in words if w not in ("the", "a", "an", "s", "of"))


def _varies_note(groups: list[list[_Item]]) -> str | None:
    """Say which source gives several figures for the quantity (so no conflict is claimed)."""
    parts = []
    for outlet in _outlets([i for g in groups for i in g]):
        values = [_describe([i for i in g if i.outlet == outlet]) for g in groups
                  if any(i.outlet == outlet for i in g)]
        if len(values) > 1:
            parts.append(f"{outlet} gives {', '.join(values[:-1])} and {values[-1]}")
        if len(parts) == 3:
            break
    if not parts:
        return None
    return "Varies within one source (not a conflict): " + "; ".join(parts) + "."


def _is_foreign_amount(c: Claim) -> bool:
    """An amount the not-English reader keyed by language and unit word ("es: personas")."""
    return c.event is None and bool(re.match(r"^[a-z]{2,3}: ", c.quantity or ""))


# a figure that states a change, not a total: "two more", "another 11", "a further 12", "rose by 5"
_INCREMENT_AFTER = re.compile(r"^\s+(?:more|additional|extra|further|new)\b", re.IGNORECASE)
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|further|additional|extra|(?:rose|risen|rising|increased|increasing|climbed|jumped|"
    r"grew|grown|fell|fallen|dropped)\s+by)\s+$", re.IGNORECASE)
_NUMBER = r"(?:\d[\d,.]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_PART_OF = re.compile(r"^\s+of\s+(?:the|those|these|all)?\s*(" + _NUMBER + r")\b\s*(\w+)?", re.IGNORECASE)


def _value_spots(c: Claim) -> list[tuple[int, int]]:
    """Where the claim's value stands in its sentence; those followed by its subject first."""
    value = (c.value or "").strip()
    if not value or not c.text:
        return []
    spots = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)",
                                                        c.text, re.IGNORECASE)]
    if c.subject and len(spots) > 1:
        near = [sp for sp in spots if c.subject.lower() in c.text[sp[1]:sp[1] + 40].lower()]
        spots = near or spots
    return spots


def _is_increment(c: Claim) -> bool:
    if re.match(r"(?:another|(?:a|an)?\s*(?:further|additional|extra))\s", (c.value or "").strip(), re.IGNORECASE):
        return True  # the increment word written as part of the value: "a further 5"
    return any(_INCREMENT_AFTER.match(c.text[end:]) or _INCREMENT_BEFORE.search(c.text[:start])
               for start, end in _value_spots(c))


def _is_part_of_described_whole(c: Claim) -> bool:
    """"four of the six trapped miners": the event word describes the whole, not this part."""
    event = (c.event or "").lower()
    if not event:
        return False
    for _start, end in _value_spots(c):
        m = _PART_OF.match(c.text[end:])
        if m and m.group(2) and m.group(2).lower() == event:
            return True
    return False


def _totals_only(claims: list[Claim]) -> list[Claim]:
    """Drop increments and parts whose event belongs to their whole (see module docstring).

    An increment word only marks a change of *this* quantity when its article also gives a
    figure of the same quantity it adds to ("two more bodies ... bringing the toll to 14");
    alone it usually contrasts with another event ("12 officers died and another 353 were
    injured") and the figure is a total.
    """
    claims = [c for c in claims if not _is_part_of_described_whole(c)]
    increments = [_is_increment(c) for c in claims]
    bases = {(c.article_id, c.quantity.strip().lower()) for c, inc in zip(claims, increments) if not inc}
    return [c for c, inc in zip(claims, increments)
            if not inc or not any((c.article_id, q) in bases for q in _totals_it_adds_to(c))]


def _totals_it_adds_to(c: Claim) -> list[str]:
    """Quantities whose figure an increment changes: its own, and for a group of people the
    people toll of the same event ("two more miners" were found, "the toll has risen to 14")."""
    own = c.quantity.strip().lower()
    group, event = split_key(own)
    return [own, f"people {event}"] if group in _PERSON_GROUPS else [own]


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


# ", which killed two people" after a name: the clause counts what the name names
_NAMED_THEN_CLAUSE = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)(?:\s+[a-z]+)?,\s+which\s+(?:has\s+|had\s+)?"
    r"(?:killed|left|claimed|injured|wounded|destroyed|damaged|displaced|cost|flooded|forced)\b[^,;()]*$")


_CALENDAR = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
                       r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
                       r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")


def _story_leads(articles: Iterable[Article]) -> list[str]:
    """Each article's title and first sentence, lower-cased: what the story is about."""
    out = []
    for a in articles:
        first = a.sentences[0].text if a.sentences else (a.text or "")[:300]
        out.append(f"{a.title or ''} {first}".lower())
    return out


def _counts_a_named_other(claim: Claim, article: Article, leads: list[str]) -> bool:
    """A figure in a relative clause about something named that the story's coverage does not
    lead with ("... back after Storm Corran, which killed two people, ..." in a blackout story):
    it counts that other event, not this one, so it stays out of the story's key facts. The
    storm's own story names it in most titles and first sentences, and keeps the figure."""
    if not 0 <= claim.sentence < len(article.sentences):
        return False
    text = article.sentences[claim.sentence].text
    at = text.find(claim.value)
    m = _NAMED_THEN_CLAUSE.search(text[:at]) if at > 0 else None
    if m is None:
        return False
    name = re.sub(r"^(?:the|a|an|this|that|its|their)\b\s*", "", m.group(1).lower())
    if not name or _CALENDAR.search(name):  # "on 20 April, which killed 11 workers": the day, no name
        return False
    return sum(name in lead for lead in leads) * 2 < len(leads)


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


def _learned_where_rules_agree(items: list[_Item]) -> list[_Item]:
    """The learned reader's figures of a quantity the rules also read, only where they match a rules'
    figure: on real pages its additions were right about a third of the time, so alone against the
    rules' readings one would make a conflict no rule reading supports (the seed's "two" beheaded
    officers as people killed against "about 10"). Where no rule reads the quantity its figures stay,
    marked in the brief."""
    ruled = [i for i in items if i.claim.method != "learned"]
    if not ruled or len(ruled) == len(items):
        return items
    return [i for i in items if i.claim.method != "learned" or any(_same_figure(i, r) for r in ruled)]


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
        method=c.method,
        copies=list(it.copies),
    )
