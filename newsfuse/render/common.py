"""Helpers shared by the renderers: source numbering, safe links, short dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from newsfuse.records import Brief, Citation, StorylineBrief

_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) link, else None: nothing else becomes clickable.

    Shared by the renderers and the web pages. Control characters are refused before parsing,
    so ``java\tscript:`` cannot slip past the scheme check.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > 4096 or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def source_numbers(brief: Brief) -> dict[str, int]:
    """article_id -> footnote number (1-based, in the order of the source list)."""
    return numbers_for(brief.sources, all_citations(brief))


def numbers_for(sources, citations) -> dict[str, int]:
    """article_id -> footnote number: the sources in order, then any other cited article."""
    numbers = {s.article_id: n for n, s in enumerate(sources, 1)}
    extra = len(numbers)
    for c in citations:
        if c.article_id not in numbers:
            extra += 1
            numbers[c.article_id] = extra
    return numbers


def storyline_sources(sb: StorylineBrief) -> list:
    """A storyline's sources: each story's in turn (an article belongs to one story)."""
    seen: set[str] = set()
    out = []
    for b in sb.stories:
        for s in b.sources:
            if s.article_id not in seen:
                seen.add(s.article_id)
                out.append(s)
    return out


def published_span(sources) -> tuple[str | None, str | None]:
    """The first and last day its sources were published on (None, None when undated)."""
    days = sorted(day(s.published) for s in sources if s.published is not None)
    return (days[0], days[-1]) if days else (None, None)


def span_text(sources) -> str:
    first, last = published_span(sources)
    return "" if first is None else first if first == last else f"{first} to {last}"


def storyline_numbers(sb: StorylineBrief) -> dict[str, int]:
    """article_id -> footnote number across a storyline's stories."""
    cites = [c for b in sb.stories for c in all_citations(b)]
    return numbers_for(storyline_sources(sb), cites + [c for e in sb.timeline for c in e.item.citations])


def all_citations(brief: Brief) -> list[Citation]:
    out = [c for s in brief.summary for c in s.citations]
    out += [r.citation for f in brief.facts for r in f.reports]
    out += [c for q in brief.quotes for c in q.citations]
    out += [c for t in brief.timeline for c in t.citations]
    out += [u.citation for u in brief.unique]
    return out


def copy_words(kind: str | None) -> tuple[str, str]:
    """How a sources list names a duplicate: the words before its original's number, and after."""
    return {"exact": ("exact copy of", ""), "near": ("near copy of", " (lightly edited)"),
            "contained": ("shorter version of", " (same outlet)")}.get(kind or "", ("duplicate of", ""))


def cited_numbers(citations: list[Citation], numbers: dict[str, int]) -> list[tuple[int, Citation]]:
    """One (number, first citation) per cited source, in number order."""
    seen: dict[int, Citation] = {}
    for c in citations:
        n = numbers[c.article_id]
        seen.setdefault(n, c)
    return sorted(seen.items())


def reported(speaker: str | None, text: str, citations: list[Citation] = ()) -> str:
    """Indirect speech as reported speech, never in quotation marks: the words are the
    reporter's, not the speaker's ("Helena Brandt said the government would pay ...").
    A speaker that is no name ("company") keeps the article its cited sentence gives it
    ("The company said ...", not "Company said ...")."""
    text, speaker = text.strip(), (speaker or "").strip()
    if not speaker:
        return f"Reported (speaker not named): {text}"
    if speaker[:1].islower():
        pattern = re.compile(r"\b(the|a|an)\s+" + re.escape(speaker) + r"\b", re.IGNORECASE)
        # (a merged statement's first source may name the speaker shorter: "The board said")
        m = next(filter(None, (pattern.search(c.text) for c in citations)), None)
        if m:
            speaker = f"{m.group(1).lower()} {speaker}"
    return f"{speaker[:1].upper()}{speaker[1:]} said {text}"  # "civil protection agency" opens a sentence


# how a figure only the learned reader found is marked wherever the brief shows it
LEARNED_MARK = "learned reader, unconfirmed"


def report_extras(r) -> list[str]:
    """What the brief says next to one outlet's figure: a qualifier the value does not already
    show, the as-of day, who the outlet attributes it to, and whether only the learned reader read it."""
    return [x for x in (r.qualifier and r.qualifier.lower() not in (r.value or "").lower() and f"qualifier: {r.qualifier}",
                        r.as_of and f"as of {day(r.as_of)}",
                        r.attribution and f"per {r.attribution}",
                        getattr(r, "method", "rules") == "learned" and LEARNED_MARK) if x]


def day(d: date | datetime | None) -> str | None:
    if d is None:
        return None
    if isinstance(d, datetime):
        return d.date().isoformat()
    return d.isoformat()


def stamp(d: datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


def when(item) -> str:
    """A timeline item's day as a reader sees it: "2026-03-04", or "2026-03-04 14:05" when it comes
    from a live-blog entry stamped that day (the blog's own clock, as it wrote it)."""
    return day_and_hour(day(item.date), item.time)


def day_and_hour(day_text: str, time: datetime | None) -> str:
    """``when`` from a day already written out (the web pages read it from the brief's JSON)."""
    return f"{day_text} {time:%H:%M}" if time is not None else day_text


def source_label(outlet: str | None, path: str | None, article_id: str) -> str:
    """How to name a source: its outlet, else its file name, else its id (the label fusion's
    notes use too, so a reader can match "dornhavn-live.txt" in a note to its figures)."""
    if outlet:
        return outlet
    if path:
        return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or article_id
    return article_id


def headline_source(sources, headline: str | None) -> str | None:
    """The article whose own title the headline is (an original before a duplicate): the
    headline repeats that outlet's words and figures, so the brief says whose they are."""
    want = " ".join((headline or "").split())
    if not want:
        return None
    matches = [s for s in sources if " ".join((_get(s, "title") or "").split()) == want]
    matches.sort(key=lambda s: bool(_get(s, "duplicate_of")))
    return _get(matches[0], "article_id") if matches else None


def _get(obj, key: str):
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def source_labels(brief: Brief) -> dict[str, str]:
    """article_id -> how to name its source (``source_label``)."""
    return {s.article_id: source_label(s.outlet, s.path, s.article_id) for s in brief.sources}
