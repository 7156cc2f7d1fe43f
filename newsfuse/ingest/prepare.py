"""Raw documents -> finished Articles: clean, find metadata, split live blogs, segment.

Two steps so that a batch can be cleaned together: ``preclean`` works on one document;
``finish_batch`` removes lines that recur across one outlet's articles, fills in years that only
the batch can give (an agency dateline "Jan 6" with no year), then assembles text, id and
sentences. The id is computed last, from the cleaned text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterator

from ..records import Article, Entry, ReadProblem, article_id_for
from . import clean, meta
from .liveblog import (Marker, clock_markers, entry_title, is_live_title, lead_clock_end, plan_entries, split_markers,
                       timed_paragraphs)
from .readers import RawDoc
from .segment import split_sentences

__all__ = ["Work", "preclean", "finish_batch", "prepare_docs", "iter_prepared"]

_DATE_LINE = re.compile(r"^\s?date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
# the same without the word "date": "2026-03-17 Headline" (or "2026-03-17 – Headline")
_BARE_DATE_LINE = re.compile(r"^\s?(\d{4}-\d{2}-\d{2})(?:[ \t]+[–—|:-])?[ \t]+(\S.*)$")
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(.{3,120})$", re.IGNORECASE)
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’\-]+\.?\s){1,3}[A-Z][\w'’\-]+$")
_WELCOME = re.compile(r"\b(?:welcome to|this is)\s+((?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})['’]s?\s+(?:live\s+)?(?:coverage|live blog|blog|rolling)", re.IGNORECASE)
# Cheap necessary conditions for _WELCOME on lower-cased text: one scan of the article instead of
# a case-insensitive search per paragraph. For ASCII, matching without IGNORECASE on the
# lower-cased text is the same test. Any text: the match ends in one of _WELCOME_TAIL, whose
# letters IGNORECASE matches only in their ASCII forms (no i or s, which also match "ı", "İ", "ſ"),
# so the lower-cased text holds it too.
_WELCOME_HINT = re.compile(r"(?:welcome to|this is)\s")
_WELCOME_TAIL = ("coverage", "blog", "roll")


def _may_welcome(paras: list[str]) -> bool:
    text = "\n".join(paras)
    low = text.lower()
    if not any(t in low for t in _WELCOME_TAIL):
        return False
    return not text.isascii() or _WELCOME_HINT.search(low) is not None


_CREDIT_LINE = re.compile(r"^([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})\s+(?:Newsroom|news agency|News Agency|Wire)$")
_LIVE_FURNITURE = re.compile(r"^\s*as it happened", re.IGNORECASE)


_PROSE_END = re.compile(r"[.!?”\"’)]\s*$")


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_PROSE_END.search(line))


@dataclass
class Work:
    """A document between the per-article and the per-batch step."""

    raw: RawDoc
    items: list = field(default_factory=list)  # paragraphs (str) and live-blog Markers
    breaks: set[int] = field(default_factory=set)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    day: date | None = None  # from a " date YYYY-MM-DD" line
    header_dates: list[tuple[datetime, bool]] = field(default_factory=list)
    other_dates: list[tuple[datetime, bool]] = field(default_factory=list)
    epoch: datetime | None = None
    dateline: dict | None = None
    wires: list[str] = field(default_factory=list)
    outlet: str | None = None
    domain: str | None = None
    live_hint: bool = False
    published: datetime | None = None

    @property
    def key(self) -> str | None:
        """Grouping key for cross-article cleaning: the outlet's domain or name."""
        return self.domain or (self.outlet.casefold() if self.outlet else None)


def _one_line(value: str | None) -> str | None:
    """A title, outlet or author is one line: a line break from a feed would split the stories
    list's rows and the briefs index's table."""
    return " ".join(value.split()) or None if value else None


def _iso_day(value: str) -> date | None:
    """The day of "2026-03-17", None for a date that does not exist ("2026-13-40")."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def preclean(raw: RawDoc) -> Work:
    raw.title, raw.outlet = _one_line(raw.title), _one_line(raw.outlet)
    w = Work(raw=raw, title=raw.title, authors=[a for a in map(_one_line, raw.authors) if a])
    body = raw.body
    headline = None
    first, sep, rest = body.partition("\n")
    m = _DATE_LINE.match(first)
    if m:
        w.day = _iso_day(m.group(1))
        headline = m.group(2).strip() or None
        body = rest
    elif raw.format == "txt" and (m := _BARE_DATE_LINE.match(first)) and (day := _iso_day(m.group(1))):
        # a bare date opening a text file is its date; what follows is its headline only when it
        # reads as one ("2026-03-17 12:40 Crews said ...": a stamped first sentence stays body)
        w.day = day
        if clean.looks_like_title(m.group(2)) and not m.group(2)[:1].isdigit():
            headline, body = m.group(2).strip(), rest
        else:
            body = m.group(2) + sep + rest
    body, w.epoch = meta.find_epoch(body)
    paras, breaks = clean.split_paragraphs(body)

    # credits and outlets, read before furniture is removed
    w.wires = meta.find_wires(paras)
    w.domain = meta.domain_of(raw.url)
    w.outlet = meta.outlet_for_domain(w.domain) or (raw.outlet.strip() if raw.outlet else None)
    text_outlet = None
    for p in paras if _may_welcome(paras) else ():
        mm = _WELCOME.search(p)
        if mm:
            # "welcome to the Harbour Courier's live coverage": a name, so its "The" is capitalised
            text_outlet = re.sub(r"^the\s", "The ", mm.group(1).strip())
            break
    for i, p in enumerate(paras[:8]):
        dl = meta.find_dateline(p)
        if dl:
            w.dateline = dl
            text_outlet = text_outlet or meta.WIRE_OUTLET_NAMES.get(dl["wire"], dl["wire"])
            break
    if text_outlet is None:
        for p in paras:
            mm = _CREDIT_LINE.match(p)
            if mm and meta.canonical_wire(mm.group(1)):
                wire = meta.canonical_wire(mm.group(1))
                text_outlet = meta.WIRE_OUTLET_NAMES.get(wire, wire)
                break
    # no outlet given: the site that ran the page (its URL), else the agency whose copy it is
    # (dateline, credit line). A file's folder is no outlet: it groups by topic or date as often.
    w.outlet = w.outlet or w.domain or text_outlet

    keep = [True] * len(paras)
    first_prose = next((i for i, p in enumerate(paras) if _is_prose(p)), len(paras))
    header_end = min(first_prose, 12)
    # dates and bylines
    body_dates: list[int] = []
    bare: dict[int, Marker] = {}  # date-and-time lines: furniture, or the stamps of live posts
    for i, p in enumerate(paras):
        got = meta.date_furniture(p)
        if got:
            keep[i] = False
            stamp = split_markers(p) if got[1] else None
            if stamp and len(stamp) == 1 and isinstance(stamp[0], Marker):
                bare[i] = Marker(time=stamp[0].time, author=None, bare=True)
            if i < header_end:
                w.header_dates.append(got)
                if i > 0 and keep[i - 1] and _NAME_LINE.match(paras[i - 1]) and not clean.is_boilerplate(paras[i - 1]):
                    w.authors.append(paras[i - 1])
                    keep[i - 1] = False
            else:
                body_dates.append(i)
                w.other_dates.append(got)
            continue
        if i < header_end + 2:
            bm = _BYLINE.match(p)
            if bm and len(p.split()) <= 12:
                names = re.split(r",\s*|\s+and\s+|\s*&\s*", re.sub(r"\s*[|,]\s*(?:[A-Z][a-z]+ )?(?:Correspondent|Reporter|Editor).*$", "", bm.group(1)))
                w.authors.extend(n.strip() for n in names if n.strip())
                keep[i] = False
        if _LIVE_FURNITURE.match(p) and len(p) < 40:
            w.live_hint = True
            keep[i] = False
    # furniture; a reader comment thread under the article, and a call for readers' input
    for i in range(clean.comments_start(paras), len(paras)):
        keep[i] = False
    for i in clean.reader_call_lines(paras):
        keep[i] = False
    for i, p in enumerate(paras):
        if keep[i] and (clean.is_boilerplate(p) or clean.is_caps_teaser(p)):
            keep[i] = False
        if keep[i] and _CREDIT_LINE.match(p) and meta.canonical_wire(_CREDIT_LINE.match(p).group(1)):
            keep[i] = False
    rep = clean.drop_repeated(paras)
    keep = [k and r for k, r in zip(keep, rep)]
    # a photo credit (and the caption before it) run into a paragraph's opening sentence
    for i, p in enumerate(paras):
        if keep[i] and (cut := clean.glued_credit_end(p)):
            paras[i] = p[cut:]

    # title
    title_idx = None
    if not w.title:
        if headline and not clean.is_boilerplate(headline) and len(headline.split()) >= 3:
            w.title = headline
        else:
            for i in range(min(len(paras), 10)):
                if keep[i] and clean.looks_like_title(paras[i]) and i < first_prose + 1:
                    w.title, title_idx = paras[i], i
                    break
    if title_idx is None and w.title:
        tnorm = clean.norm_line(w.title)
        for i in range(min(len(paras), 5)):
            if keep[i] and clean.norm_line(paras[i]) == tnorm:
                title_idx = i
                break
    if title_idx is not None:
        keep[title_idx] = False
    # lone section labels above the title / first paragraph
    top = title_idx if title_idx is not None else (first_prose if raw.format == "txt" else 0)
    for i in range(min(top, len(paras))):
        if keep[i] and len(paras[i].split()) <= 3 and clean.looks_like_heading(paras[i]):
            keep[i] = False

    # assemble items, splitting live-blog markers out of paragraphs
    items: list = []
    new_breaks: set[int] = set()
    timed = timed_paragraphs(paras)
    for i, p in enumerate(paras):
        if i in breaks:
            new_breaks.add(len(items))
        if not keep[i]:
            if i in bare:
                items.append(bare[i])
            continue
        pieces = split_markers(p) if i in timed else None
        if pieces is None:
            items.append(p)
        else:
            items.extend(x for x in pieces if not isinstance(x, str) or not clean.is_boilerplate(x))
    if bare and sum(isinstance(it, Marker) and not it.bare for it in items) >= 2:
        # bylined stamps mark the posts; bare date lines are then page furniture, as they were
        kept = [k for k, it in enumerate(items) if not (isinstance(it, Marker) and it.bare)]
        new_breaks = {bisect.bisect_left(kept, b) for b in new_breaks}
        items = [items[k] for k in kept]
    w.items = items
    w.breaks = new_breaks
    return w


def _choose_published(w: Work) -> datetime | None:
    raw_pub = w.raw.published
    timed = [dt for dt, has_time in w.header_dates + w.other_dates if has_time]
    if w.epoch:
        timed.append(w.epoch)
    if raw_pub is not None:
        if raw_pub.hour or raw_pub.minute or raw_pub.tzinfo:
            return raw_pub
        return meta.same_day_refine(raw_pub.date(), timed)
    if w.day:
        return meta.same_day_refine(w.day, timed)
    if w.header_dates:
        best = max(w.header_dates, key=lambda x: (x[1], x[0].tzinfo is not None))
        return best[0]
    if w.epoch:
        return w.epoch
    if w.other_dates:
        best = max(w.other_dates, key=lambda x: (x[1], x[0].tzinfo is not None))
        return best[0]
    return None


def _assemble(w: Work) -> tuple[str, list[Entry]]:
    items = w.items
    markers = [it for it in items if isinstance(it, Marker)]
    live = w.live_hint or is_live_title(w.title) or sum(not m.bare for m in markers) >= 2
    clocked = None if any(not m.bare for m in markers) else clock_markers(items, w.published, live)
    if clocked is not None:  # posts opened by their clock alone ("10:22 Crews reach ...")
        items, live = clocked, True
        markers = [it for it in items if isinstance(it, Marker)]
    plan = plan_entries(items, w.breaks, opening=clocked is not None) if markers else []
    # bare date lines alone make a live blog only when they time two posts with text between
    # them (a "published" and an "updated" line on top of an article time nothing)
    live = live or len(plan) >= 2 and sum(m.bare for m in markers) >= 2
    plan = plan if live else []
    offsets: dict[int, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    for i, it in enumerate(items):
        if not isinstance(it, str):
            continue
        if parts:
            pos += 2
        offsets[i] = (pos, pos + len(it))
        parts.append(it)
        pos += len(it)
    text = "\n\n".join(parts)
    tz = w.published.tzinfo if w.published and w.published.tzinfo else None
    entries: list[Entry] = []
    for a, b, mk in plan:
        idx = [i for i in range(a, b) if i in offsets]
        if not idx:
            continue
        start, end = offsets[idx[0]][0], offsets[idx[-1]][1]
        t = mk.time
        if t is not None and t.tzinfo is None and tz is not None:
            t = t.replace(tzinfo=tz)
        entries.append(Entry(text=text[start:end], start=start, end=end, time=t, author=mk.author,
                             title=entry_title([items[i] for i in idx])))
    w.live_hint = live
    return text, entries


_ROLE = re.compile(r"\b(?:writer|correspondent|editor|reporter|staff|bureau chief)\b", re.IGNORECASE)


def _split_authors(names: list[str], wires: list[str]) -> tuple[list[str], list[str]]:
    """People stay authors; a wire as author ("Associated Press") becomes a wire credit and
    job titles picked up as names ("AP Auto Writer") are dropped."""
    authors: list[str] = []
    for a in names:
        a = (a or "").strip()
        if not a:
            continue
        wire = meta.canonical_wire(a)
        if wire:
            if wire not in wires:
                wires.append(wire)
            continue
        if _ROLE.search(a) or a in authors:
            continue
        authors.append(a)
    return authors, wires


def _fallback_title(text: str) -> str:
    """No headline anywhere: the first sentence (cut at a word) stands in; the body keeps it."""
    first = text.split("\n\n", 1)[0]
    first = first[lead_clock_end(first):]  # nor is the page's "Wednesday 4 June 2031 15.39 BST"
    first = first[meta.dateline_end(first):]  # "LISK (Reuters) - " is no part of a title
    m = re.match(r"(.{20,}?[.!?])(?:\s|$)", first)
    first = m.group(1) if m else first
    if len(first) > 120:
        first = first[:120].rsplit(" ", 1)[0] + "…"
    return first


def _batch_context(works: list[Work]) -> None:
    """The batch-wide steps: lines repeated across one outlet's articles, publish dates, and the
    years an agency dateline leaves out (from the batch's other dates)."""
    by_outlet: dict[str, list[Work]] = defaultdict(list)
    for w in works:
        if w.key:
            by_outlet[w.key].append(w)
    for group in by_outlet.values():
        texts = [[x for x in g.items if isinstance(x, str)] for g in group]
        common = clean.cross_article_boilerplate(texts) | clean.cross_article_strays(texts)
        if common:
            for g in group:
                g.items = [x for x in g.items if not isinstance(x, str) or clean.norm_line(x) not in common]
    for w in works:
        w.published = _choose_published(w)
    context = [w.published.date() for w in works if w.published]
    for w in works:
        if w.published is None and w.dateline and w.dateline.get("month"):
            dl = w.dateline
            text = " ".join(x for x in w.items if isinstance(x, str))
            if dl.get("year"):
                try:
                    d = date(dl["year"], dl["month"], dl["day"])
                except ValueError:
                    d = None
            else:
                d = meta.resolve_year(dl["month"], dl["day"], text, context)
            if d:
                w.published = datetime(d.year, d.month, d.day)


def _finish_one(w: Work) -> Article | ReadProblem:
    """One article's own last steps: text and live-blog entries, id, language, sentences."""
    text, entries = _assemble(w)
    if not text.strip():
        return ReadProblem(w.raw.path, "no article text left after cleaning")
    if not w.title:
        w.title = _fallback_title(text)
    authors, wires = _split_authors(w.authors, list(w.wires))
    art = Article(
        id=article_id_for(text, w.raw.url or w.outlet), text=text, title=w.title, url=w.raw.url, outlet=w.outlet,
        domain=w.domain, authors=authors, published=w.published,
        language=meta.detect_language(text, w.raw.language), path=w.raw.path, format=w.raw.format,
        wires=wires, is_liveblog=w.live_hint, entries=entries,
    )
    return split_sentences(art)


def finish_batch(works: list[Work]) -> list[Article | ReadProblem]:
    """Cross-article cleaning, batch date context, then the finished Articles."""
    _batch_context(works)
    return [_finish_one(w) for w in works]


def _alone(w: Work) -> list[Article | ReadProblem]:
    try:
        return finish_batch([w])
    except Exception as e:
        return [ReadProblem(w.raw.path, f"could not prepare article: {type(e).__name__}: {e}"[:200])]


def iter_prepared(raws: list[RawDoc]) -> Iterator[Article | ReadProblem]:
    """``prepare_docs`` one result at a time: the batch-wide steps first, then each article as it
    is finished, so a worker can hand articles on while it finishes the rest. A failure in one
    article's own steps affects that article only (it is finished alone, else reported)."""
    works: list[Work] = []
    for r in raws:
        try:
            works.append(preclean(r))
        except Exception as e:  # a cleaning bug must not stop the run
            yield ReadProblem(r.path, f"could not clean article: {type(e).__name__}: {e}"[:200])
    try:
        _batch_context(works)
    except Exception:
        for w in works:
            yield from _alone(w)
        return
    for w in works:
        try:
            got = _finish_one(w)
        except Exception:
            yield from _alone(w)
            continue
        yield got


def prepare_docs(raws: list[RawDoc]) -> list[Article | ReadProblem]:
    """Clean and finish one batch of raw documents; a failure in one becomes a ReadProblem."""
    return list(iter_prepared(raws))
