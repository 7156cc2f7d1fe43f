"""Brief -> Markdown that reads well in a terminal and renders well in a repository.

Citation markers are ``[n]`` footnotes numbered by the source list at the end. Sources with an
http(s) URL also get a link reference definition, so ``[n]`` becomes a link when rendered; the
markers are separated by a space (``[1] [3]``) because ``[1][3]`` is a single reference link in
CommonMark. Article-derived text is escaped so that it cannot inject HTML or break tables.
"""

from __future__ import annotations

import re

from newsfuse.records import Brief, Citation, StorylineBrief
from newsfuse.render.common import (cited_numbers, copy_words, day, report_extras, headline_source, reported, safe_url, source_label,
                                    source_labels, source_numbers, span_text, storyline_numbers, storyline_sources, when)

_MD_SPECIAL = re.compile(r"([\\`*\[\]<>]|(?<!\w)_|_(?!\w))")  # intraword _ is harmless

STATUS_LABEL = {"agree": "agree", "conflict": "**CONFLICT**", "evolving": "*evolving*", "single": "single source"}


def md_escape(text: str | None, table: bool = False) -> str:
    """Escape Markdown/HTML specials in article text; in tables also pipes and newlines."""
    text = _MD_SPECIAL.sub(r"\\\1", (text or "").strip())
    text = re.sub(r"\s*\n\s*", " ", text)
    if table:
        text = text.replace("|", "\\|")
    return text


def _marks(citations: list[Citation], numbers: dict[str, int]) -> str:
    return " ".join(f"[{n}]" for n, _ in cited_numbers(citations, numbers))


def _report(r, numbers: dict[str, int], labels: dict[str, str]) -> str:
    extras = report_extras(r)
    tail = f" ({md_escape('; '.join(extras), True)})" if extras else ""
    who = r.outlet or labels.get(r.article_id, r.article_id)
    return f"{md_escape(who, True)}: **{md_escape(r.value, True)}**{tail} {_marks([r.citation, *r.copies], numbers)}"


def to_markdown(brief: Brief, storyline_link: str | None = None) -> str:
    """The whole brief as one Markdown document; ``storyline_link`` (a relative link to the brief of
    the storyline the story belongs to, in a folder of briefs) is named in the header."""
    numbers = source_numbers(brief)
    labels = source_labels(brief)
    out: list[str] = [f"# {md_escape(brief.headline)}", ""]
    n_src = len(brief.sources)
    n_dup = sum(1 for s in brief.sources if s.duplicate_of)
    meta = f"Story `{brief.story_id}` · {n_src} source{'s' if n_src != 1 else ''}"
    if n_dup:
        meta += f" ({n_dup} duplicate{'s' if n_dup != 1 else ''})"
    head = headline_source(brief.sources, brief.headline)
    if head in numbers:
        meta += f" · headline: the title of {md_escape(labels.get(head, head))} [{numbers[head]}]"
    if storyline_link and brief.storyline_id:
        meta += f" · part of storyline [{brief.storyline_id}]({storyline_link})"
    meta += f" · generated {brief.generated_at.strftime('%Y-%m-%d %H:%M %Z').strip()}"
    out += [f"_{meta}_", ""]

    out += _summary(brief, numbers, "##")
    out += _facts(brief, numbers, labels, "##")

    if brief.quotes:
        out += ["## Quotes", ""]
        for q in brief.quotes:
            if not q.direct:  # reported speech: no quotation marks, no blockquote
                out += [f"{md_escape(reported(q.speaker, q.text, q.citations))} {_marks(q.citations, numbers)}", ""]
                continue
            who = f" — {md_escape(q.speaker)}" if q.speaker else ""
            out += [f"> “{md_escape(q.text)}”{who} {_marks(q.citations, numbers)}", ""]

    if brief.timeline:
        out += ["## Timeline", ""]
        out += [_happening(t, numbers) for t in brief.timeline]
        out.append("")

    if brief.entities:
        out += ["## People, organisations, places", ""]
        out.append(", ".join(f"{md_escape(e.name)} ({e.type}, {e.mentions})" for e in brief.entities))
        out.append("")

    if brief.unique:
        out += ["## Only in one source", ""]
        for u in brief.unique:
            who = md_escape(labels.get(u.article_id, u.article_id))
            out.append(f"- **{who}**: {md_escape(u.text)} [{numbers[u.article_id]}]")
        out.append("")

    out += _sources(brief.sources, numbers, labels)
    return "\n".join(out)


def storyline_to_markdown(sb: StorylineBrief) -> str:
    """A storyline as one Markdown document: each story's summary and key facts under its own
    heading (figures stay with the event they count), one timeline across the stories, one
    source list numbered across them."""
    sources = storyline_sources(sb)
    numbers = storyline_numbers(sb)
    labels = {s.article_id: source_label(s.outlet, s.path, s.article_id) for s in sources}
    n = len(sb.stories)
    meta = f"Storyline `{sb.storyline_id}` · {n} stor{'ies' if n != 1 else 'y'} · {len(sources)} sources"
    if span_text(sources):
        meta += f" · {span_text(sources)}"
    meta += f" · generated {sb.generated_at.strftime('%Y-%m-%d %H:%M %Z').strip()}"
    out = [f"# {md_escape(sb.headline)}", "", f"_{meta}_", ""]
    for k, b in enumerate(sb.stories, 1):
        when = f" · {span_text(b.sources)}" if span_text(b.sources) else ""
        out += [f"## {k}. {md_escape(b.headline)}", "",
                f"_Story `{b.story_id}` · {len(b.sources)} source{'s' if len(b.sources) != 1 else ''}{when}_", ""]
        out += _summary(b, numbers, "###")
        out += _facts(b, numbers, labels, "###")
    if sb.timeline:
        order = {b.story_id: k for k, b in enumerate(sb.stories, 1)}
        out += ["## Timeline across the stories", ""]
        out += [_happening(e.item, numbers, f" (story {order[e.story_id]})") for e in sb.timeline]
        out.append("")
    out += _sources(sources, numbers, labels)
    return "\n".join(out)


def _summary(brief: Brief, numbers: dict[str, int], level: str) -> list[str]:
    if not brief.summary:
        return []
    out = [f"{level} Summary", ""]
    out += [f"- {md_escape(s.text)} {_marks(s.citations, numbers)}" for s in brief.summary]
    return out + [""]


def _facts(brief: Brief, numbers: dict[str, int], labels: dict[str, str], level: str) -> list[str]:
    if not brief.facts:
        return []
    out = [f"{level} Key facts", "", "| Quantity | Status | Reports | Note |", "|---|---|---|---|"]
    for f in brief.facts:
        reports = " · ".join(_report(r, numbers, labels) for r in f.reports)
        out.append(f"| {md_escape(f.quantity, True)} | {STATUS_LABEL.get(f.status, f.status)} | "
                   f"{reports} | {md_escape(f.note, True)} |")
    return out + [""]


def _happening(t, numbers: dict[str, int], tail: str = "") -> str:
    return f"- **{when(t)}** — {md_escape(t.text)} {_marks(t.citations, numbers)}{tail}"


def _sources(sources, numbers: dict[str, int], labels: dict[str, str]) -> list[str]:
    if not sources:
        return []
    out = ["## Sources", ""]
    refs = []
    for n, s in enumerate(sources, 1):
        # named as the key facts and notes name it (its file when the outlet is unknown)
        parts = [f"**{md_escape(labels.get(s.article_id, s.outlet or 'unknown outlet'))}**"]
        if s.title:
            parts.append(f"_{md_escape(s.title)}_")
        if s.published:
            parts.append(day(s.published))
        url = safe_url(s.url)
        if url:
            parts.append(f"<{url}>")
            refs.append(f"[{n}]: {url}")
        elif s.url:
            parts.append(f"`{s.url.replace('`', '')}` (not linked)")
        if s.path:
            parts.append(f"`{s.path.replace('`', '')}`")
        if s.duplicate_of:
            ref = numbers.get(s.duplicate_of)
            words, tail = copy_words(s.duplicate_kind)
            parts.append(f"{words} [{ref}]{tail}" if ref else f"{words} `{s.duplicate_of}`{tail}")
        if s.not_analysed:
            parts.append(f"not analysed (language: {md_escape(s.not_analysed)}; only figures with a unit word and numeric dates were read)")
        out.append(f"{n}. " + " — ".join(parts))
    if refs:
        out += [""] + refs
    out.append("")
    return out
