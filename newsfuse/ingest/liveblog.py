"""Live blogs: detect them and cut them into timestamped entries.

A copied live blog carries each post's author and time as furniture, often glued to the text
around it ("...last sentence.Jane Doe6 January 2022 13:30"). We find those markers, split them off,
and take the text between markers as entries. Whether a marker opens or closes its post differs
by site; we decide per article: markers close their posts (time printed under the post) when text
comes before the first marker and nothing substantial follows the last one; otherwise they open
them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate

from .clean import looks_like_heading
from .meta import DATE_RE, MONTH_RE, TIME_RE, WEEKDAY_RE, parse_datetime

__all__ = ["Marker", "split_markers", "timed_paragraphs", "is_live_title", "plan_entries", "clock_markers",
           "lead_clock_end"]

_NAME = r"(?:[A-Z][a-zA-Z'’\-]+\.?\s){0,3}[A-Z][a-zA-Z'’\-]+"
_MARKER = re.compile(
    rf"(?P<author>{_NAME})?\s?(?P<ts>(?:\d{{1,2}}\s+{MONTH_RE},?\s+\d{{4}}|{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})"
    rf"(?:,|\s+at|\s*[•|-])?\s*{TIME_RE})"
)
# Every marker ends in TIME_RE, so it needs "d:dd" or "d.dd": most paragraphs skip _MARKER.
_HAS_TIME = re.compile(r"\d[:.]\d\d")
_TITLE_LIVE = re.compile(
    r"(?:\blive\b\s*[:|–—-])|(?:[:|–—-]\s*live\b)|\blive\s*(?:updates?|blog|coverage|news|report)\b"
    r"|\bas it happened\b|^live\b",
    re.IGNORECASE,
)


@dataclass
class Marker:
    time: datetime | None
    author: str | None
    bare: bool = False  # a line that is only a date and time: a post's stamp, or page furniture


def is_live_title(title: str | None) -> bool:
    return bool(title and _TITLE_LIVE.search(title))


def timed_paragraphs(paras: list[str]) -> set[int]:
    """Indices of the paragraphs that can hold a marker (``split_markers`` gives None for the
    others): one scan of the article instead of one per paragraph, as a time cannot span the line
    break between two."""
    joined = "\n".join(paras)
    hits = [m.start() for m in _HAS_TIME.finditer(joined)]
    if not hits:
        return set()
    starts = list(accumulate((len(p) + 1 for p in paras[:-1]), initial=0))
    return {bisect_right(starts, h) - 1 for h in hits}


def split_markers(para: str) -> list[str | Marker] | None:
    """Split a paragraph at author+timestamp markers; None when it has none.

    A marker counts when it stands alone or is glued to text (no space before the author or the
    timestamp), which is how the furniture looks after copy-paste; dates inside prose ("on 6
    January 2022 at 13:30 the") are left alone because prose surrounds them with spaces.
    """
    if not _HAS_TIME.search(para):
        return None
    pieces: list[str | Marker] = []
    pos = 0
    for m in _MARKER.finditer(para):
        author = m.group("author")
        if author and len(author.split()) < 2:
            author = None  # one capitalised word (a weekday, a sentence end) is not a byline
        start = m.start("author") if author else m.start("ts")
        if start < pos:
            continue
        head = para[:start]
        ok_before = start == 0 or not head[-1].isspace() or head.rstrip().endswith((".", "!", "?", "”", '"'))
        tail = para[m.end():]
        ok_after = not tail.strip() or not tail[0].isspace()
        if not (ok_before and ok_after):
            continue
        before = para[pos:start].strip()
        if before:
            pieces.append(before)
        ts = re.sub(r"\s*[•|]\s*", " ", m.group("ts"))
        pieces.append(Marker(time=parse_datetime(ts), author=author.strip() if author else None))
        pos = m.end()
    if not pieces:
        return None
    rest = para[pos:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def plan_entries(items: list[str | Marker], breaks: set[int], opening: bool = False) -> list[tuple[int, int, Marker]]:
    """Entries as (first paragraph, end paragraph, marker) over ``items`` (markers included).

    ``breaks`` are item indices preceded by a wide gap; in closing-marker mode the first entry
    starts at the last such gap before the first marker (the page's intro sits above it).
    ``opening``: the markers are known to open their posts (a clock leading the paragraph).
    """
    marks = [i for i, it in enumerate(items) if isinstance(it, Marker)]
    if not marks:
        return []
    tail = sum(len(it) for it in items[marks[-1] + 1:] if isinstance(it, str))
    first = max((b for b in breaks if 0 < b <= marks[0]), default=0)
    lead_in = any(isinstance(it, str) for it in items[first:marks[0]])
    closing = not opening and lead_in and tail < 200
    out: list[tuple[int, int, Marker]] = []
    if closing:
        prev = first
        for m in marks:
            out.append((prev, m, items[m]))
            prev = m + 1
    else:
        for j, m in enumerate(marks):
            end = marks[j + 1] if j + 1 < len(marks) else len(items)
            out.append((m + 1, end, items[m]))
    return [(a, b, mk) for a, b, mk in out if any(isinstance(x, str) for x in items[a:b])]


# a post opened by its clock alone ("10:22 Crews reach ...", "2.05 pm : The chairman ...", or "4.45pm"
# on a line of its own): live pages that print only the time, the day being the page's
_CLOCK_LEAD = re.compile(
    r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s*(?P<ap>[ap])\.?m\.?)?"
    r"(?:\s+(?:GMT|BST|UTC|CET|CEST|EET|EEST|EST|EDT|ET|PST|PDT|local time))?(?:\s*[:|–—-])?"
    r"(?:\s+(?=[A-Z0-9\"“‘'])|\s*$)")


def _clock_minutes(m: re.Match) -> int | None:
    h, mins, ap = int(m.group("h")), int(m.group("m")), (m.group("ap") or "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap == "p" else 0)
    return h * 60 + mins


# a page's date-and-time stamp run into the first sentence ("Wednesday 4 June 2031 15.39 BST Crews ...")
_STAMP_LEAD = re.compile(rf"^(?:{WEEKDAY_RE},?\s+)?{DATE_RE},?\s+(?:at\s+)?{TIME_RE}\s*[:|–—-]?\s+(?=[A-Z0-9\"“‘'])")


def lead_clock_end(sentence: str) -> int:
    """Length of the clock ("06:40 Crews reach ...") or date-and-time stamp opening ``sentence``,
    else 0 (also when nothing follows it): a post's time or the page's stamp, kept out of the
    sentence as a dateline is, so that a summary line, quote or title opens with the news even
    on a page not known to be live."""
    m = _STAMP_LEAD.match(sentence)
    if m:
        return m.end()
    m = _CLOCK_LEAD.match(sentence)
    if not m or _clock_minutes(m) is None or not sentence[m.end():].strip():
        return 0
    return m.end()


def clock_markers(items: list[str | Marker], published: datetime | None, live: bool) -> list[str | Marker] | None:
    """``items`` with each paragraph-leading clock split off as a Marker that opens its post, or
    None when the page is not one: at least three such paragraphs on a page that says it is live
    (its title, its markup). Without that signal a run of times is more often a schedule or a log,
    and taking the clocks out of those pages' text changed how T17's untitled pages group (the
    ingested T17 stream's storyline F 0.894 -> 0.890). A post's day is the page's; a clock that
    jumps back more than twelve hours (forwards, on a newest-first page) has crossed midnight."""
    if not live:
        return None
    found = ((k, _CLOCK_LEAD.match(it)) for k, it in enumerate(items) if isinstance(it, str))
    hits = {k: (m, mins) for k, m in found if m and (mins := _clock_minutes(m)) is not None}
    if len(hits) < 3:
        return None
    minutes = [hits[k][1] for k in sorted(hits)]
    steps = [b - a for a, b in zip(minutes, minutes[1:])]
    wrapped = [(d + 720) % 1440 - 720 for d in steps]  # 23:30 -> 00:05 is 35 minutes on, not 23 hours back
    newest_first = sum(d < 0 for d in wrapped) > sum(d > 0 for d in wrapped)
    days, day = [0], 0
    for d in steps:
        if not newest_first and d < -12 * 60:
            day += 1
        elif newest_first and d > 12 * 60:
            day -= 1
        days.append(day)
    when = {}
    for (k, mins), day in zip(zip(sorted(hits), minutes), days):
        when[k] = None if published is None else datetime(
            published.year, published.month, published.day, mins // 60, mins % 60, tzinfo=published.tzinfo
        ) + timedelta(days=day)
    out: list[str | Marker] = []
    for k, it in enumerate(items):
        if isinstance(it, Marker) and it.bare:
            continue  # date lines on a clock-led page are the page's own stamps
        if k not in hits:
            out.append(it)
            continue
        out.append(Marker(time=when[k], author=None))
        rest = it[hits[k][0].end():].strip()
        if rest:
            out.append(rest)
    return out


def entry_title(paras: list[str]) -> str | None:
    if len(paras) >= 2 and (looks_like_heading(paras[0]) or (len(paras[0].split()) <= 18 and paras[0].endswith("?"))):
        return paras[0]
    return None


DATE_ONLY = re.compile(rf"^{DATE_RE}$")
