"""Pure helpers that turn store rows and contract-v1 briefs into what the templates draw.

Kept apart from the FastAPI wiring so the fiddly parts (which URLs may become links, how an
article's text is cut into addressable sentences, chart geometry) can be tested without a server.
Everything here returns plain data; escaping is left to Jinja's autoescape.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable

from newsfuse.render.common import day_and_hour, headline_source, safe_url, source_label  # noqa: F401  (one link check for every page)



def as_datetime(value: Any) -> datetime | date | None:
    """Accept datetimes, dates or ISO strings (the store may hand back either)."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        return value
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                return None
    return None


def counted(n: int, noun: str) -> str:
    """"1 source", "2 sources": a page reading "1 sources" looks careless about its counts too."""
    if noun.endswith("y") and n != 1:
        return f"{n} {noun[:-1]}ies"
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def in_source_order(citations: list | None, number: dict[str, int]) -> list:
    """Citations by their source's number ("[1][2][4]", as the Markdown brief lists them); a
    source the list does not number goes last, and equal numbers keep their order."""
    return sorted(citations or [], key=lambda c: number.get(c.get("article_id"), len(number) + 1))


def fmt_dt(value: Any, with_time: bool = True) -> str:
    """Human date for tables: ``2022-01-06 14:05`` (or just the date); unknown -> empty."""
    d = as_datetime(value)
    if d is None:
        return "" if value is None else str(value)
    if isinstance(d, datetime):
        if with_time and (d.hour or d.minute):
            return d.strftime("%Y-%m-%d %H:%M")
        return d.strftime("%Y-%m-%d")
    return d.isoformat()


def timeline_when(item: dict) -> str:
    """A timeline entry's day, with the hour of the live-blog entry it comes from ("2026-03-04
    14:05", midnight included) as the rendered briefs show it."""
    t = as_datetime(item.get("time"))
    return day_and_hour(str(item.get("date") or ""), t if isinstance(t, datetime) else None)


def iso(value: Any) -> str | None:
    """ISO string for JSON, whatever the store handed back."""
    d = as_datetime(value)
    return d.isoformat() if d is not None else (None if value is None else str(value))


@dataclass
class Segment:
    """A run of article text: either a sentence (``index`` set) or the gap between sentences."""

    text: str
    index: int | None = None
    entry_header: str | None = None  # shown before the first sentence of a live-blog entry


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def article_segments(article: Any) -> list[Segment]:
    """Cut ``article.text`` into sentence spans and the text between them.

    Sentence spans index the cleaned text (records.py guarantees ``text[start:end]``); spans that
    are out of range or overlap are skipped rather than trusted, and the remaining text is still
    shown so nothing the reader should see is lost.
    """
    text = _get(article, "text") or ""
    sentences = sorted(_get(article, "sentences") or [], key=lambda s: (_get(s, "start") or 0))
    entries = _get(article, "entries") or []
    headers: dict[int, str] = {}
    for i, e in enumerate(entries):
        parts = [fmt_dt(_get(e, "time")), _get(e, "title") or ""]
        label = " · ".join(p for p in parts if p)
        if label:
            headers[i] = label
    seen_entries: set[int] = set()
    out: list[Segment] = []
    pos = 0
    for s in sentences:
        start, end = _get(s, "start"), _get(s, "end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if start < pos or end > len(text) or end <= start:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        entry = _get(s, "entry")
        header = None
        if entry is not None and entry not in seen_entries:
            seen_entries.add(entry)
            header = headers.get(entry)
        out.append(Segment(text[start:end], index=_get(s, "index"), entry_header=header))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


# --- charts (inline SVG geometry; the template only draws what is computed here) ---


@dataclass
class Bar:
    label: str
    count: int
    y: float
    width: float


def coverage_bars(sources: Iterable[dict], width: float = 260.0, row: float = 22.0) -> dict:
    """Horizontal bars: how many of the story's articles each outlet published."""
    counts = Counter((s.get("outlet") or "unknown") for s in sources)
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    top = max(counts.values(), default=1)
    bars = [
        Bar(label=name, count=n, y=i * row, width=max(4.0, width * n / top))
        for i, (name, n) in enumerate(items)
    ]
    return {"bars": bars, "height": max(row, len(bars) * row), "width": width, "row": row}


@dataclass
class Dot:
    x: float
    y: float
    date: str
    count: int
    anchor: str


def timeline_dots(items: list[dict], width: float = 640.0, height: float = 70.0) -> dict | None:
    """Place one dot per timeline date on a linear day axis; dot size grows with the count."""
    by_day: dict[date, list[int]] = {}
    for i, item in enumerate(items):
        d = as_datetime(item.get("date"))
        if d is None:
            continue
        day = d.date() if isinstance(d, datetime) else d
        by_day.setdefault(day, []).append(i)
    if not by_day:
        return None
    days = sorted(by_day)
    first, last = days[0], days[-1]
    span = max(1, (last - first).days)
    pad = 24.0
    dots = []
    for day in days:
        frac = (day - first).days / span if last != first else 0.5
        idx = by_day[day]
        dots.append(
            Dot(
                x=round(pad + frac * (width - 2 * pad), 1),
                y=height / 2,
                date=day.isoformat(),
                count=len(idx),
                anchor=f"t{idx[0]}",
            )
        )
    return {
        "dots": dots,
        "width": width,
        "height": height,
        "pad": pad,
        "first": first.isoformat(),
        "last": last.isoformat(),
    }


# --- the brief as the page shows it ---


def brief_view(brief: dict) -> dict:
    """Number the sources like footnotes so every citation link can say ``[2]`` compactly."""
    sources = list(brief.get("sources") or [])
    number, outlet_of = _numbering(sources)
    entities: dict[str, list[dict]] = {}
    for e in brief.get("entities") or []:
        entities.setdefault(e.get("type") or "other", []).append(e)
    for group in entities.values():
        group.sort(key=lambda e: -(e.get("mentions") or 0))
    head = headline_source(sources, brief.get("headline"))
    return {
        "number": number,
        "outlet_of": outlet_of,
        "headline_from": (outlet_of.get(head), number[head]) if head in number else None,
        "entities": entities,
        "coverage": coverage_bars(sources),
        "timeline_chart": timeline_dots(list(brief.get("timeline") or [])),
    }


def _numbering(sources: list[dict]) -> tuple[dict[str, int], dict[str, str]]:
    """article_id -> footnote number and -> how to name its source, in the order of ``sources``."""
    number: dict[str, int] = {}
    outlet_of: dict[str, str] = {}
    for i, s in enumerate(sources, 1):
        aid = s.get("article_id")
        if aid and aid not in number:
            number[aid] = i
            outlet_of[aid] = source_label(s.get("outlet"), s.get("path"), aid)
    return number, outlet_of


def storyline_view(storyline: dict) -> dict:
    """Footnote numbers across a storyline's stories (a storyline's JSON), and each story's place."""
    stories = list(storyline.get("stories") or [])
    sources, seen = [], set()
    for s in (s for b in stories for s in b.get("sources") or []):
        if s.get("article_id") not in seen:  # the footnotes' list, as in the Markdown and HTML briefs
            seen.add(s.get("article_id"))
            sources.append(s)
    number, outlet_of = _numbering(sources)
    return {"number": number, "outlet_of": outlet_of, "sources": sources,
            "story_n": {b.get("story_id"): k for k, b in enumerate(stories, 1)}}
