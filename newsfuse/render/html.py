"""Brief -> one standalone HTML page (inline CSS, no scripts, no external resources).

Everything article-derived goes through Jinja2 autoescaping; only http(s) source URLs become
links; a Content-Security-Policy meta tag forbids scripts and remote loads as a second line of
defence.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader

from newsfuse.records import Brief, StorylineBrief
from newsfuse.render.common import (cited_numbers, copy_words, day, headline_source, report_extras, reported, safe_url, source_label,
                                    source_labels, source_numbers, span_text, stamp, storyline_numbers, storyline_sources, when)


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("newsfuse.render", "templates"),
        autoescape=True,
        trim_blocks=False,
    )


def _extras(r) -> str:
    return "; ".join(report_extras(r))


def to_html(brief: Brief, storyline_link: str | None = None) -> str:
    """The whole brief as a standalone page (``storyline_link``: as in ``to_markdown``)."""
    numbers = source_numbers(brief)
    outlet_of = source_labels(brief)
    head = headline_source(brief.sources, brief.headline)
    ctx = {
        "b": brief,
        "storyline_link": storyline_link if brief.storyline_id else None,
        "headline_from": (outlet_of.get(head, head), numbers[head]) if head in numbers else None,
        "generated": brief.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "summary": _summary(brief, numbers),
        "facts": _facts(brief, numbers, outlet_of),
        "timeline": [(stamp(t.time) or day(t.date), when(t), t.text, cited_numbers(t.citations, numbers))
                     for t in brief.timeline],
        "quotes": [(q.speaker, q.text if q.direct else reported(q.speaker, q.text, q.citations), q.direct,
                    cited_numbers(q.citations, numbers)) for q in brief.quotes],
        "unique": [(outlet_of.get(u.article_id, u.article_id), u.text, cited_numbers([u.citation], numbers))
                   for u in brief.unique],
        "sources": _sources(brief.sources, numbers, outlet_of),
    }
    return _env().get_template("brief.html.j2").render(**ctx)


def storyline_to_html(sb: StorylineBrief) -> str:
    """A storyline as a standalone page: each story's summary and key facts, one timeline across
    the stories, one source list numbered across them."""
    sources = storyline_sources(sb)
    numbers = storyline_numbers(sb)
    outlet_of = {s.article_id: source_label(s.outlet, s.path, s.article_id) for s in sources}
    order = {b.story_id: k for k, b in enumerate(sb.stories, 1)}
    ctx = {
        "sb": sb,
        "span": span_text(sources),
        "n_sources": len(sources),
        "generated": sb.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "stories": [{"n": order[b.story_id], "id": b.story_id, "headline": b.headline, "n_sources": len(b.sources),
                     "span": span_text(b.sources), "summary": _summary(b, numbers),
                     "facts": _facts(b, numbers, outlet_of)} for b in sb.stories],
        "timeline": [(stamp(e.item.time) or day(e.item.date), when(e.item), e.item.text,
                      cited_numbers(e.item.citations, numbers), order[e.story_id])
                     for e in sb.timeline],
        "sources": _sources(sources, numbers, outlet_of),
    }
    return _env().get_template("storyline.html.j2").render(**ctx)


def _summary(brief: Brief, numbers: dict[str, int]) -> list:
    return [(s.text, cited_numbers(s.citations, numbers)) for s in brief.summary]


def _facts(brief: Brief, numbers: dict[str, int], outlet_of: dict[str, str]) -> list[dict]:
    return [
        {
            "quantity": f.quantity,
            "status": f.status if f.status in ("agree", "conflict", "evolving", "single") else "single",
            "note": f.note,
            "reports": [
                {"outlet": r.outlet or outlet_of.get(r.article_id, r.article_id), "value": r.value, "extras": _extras(r),
                 "cite": cited_numbers([r.citation, *r.copies], numbers)}
                for r in f.reports
            ],
        }
        for f in brief.facts
    ]


def _sources(sources, numbers: dict[str, int], outlet_of: dict[str, str]) -> list[dict]:
    return [
        {
            "n": n,
            "outlet": outlet_of.get(s.article_id) or "unknown outlet",
            "title": s.title,
            "url": safe_url(s.url),
            "raw_url": s.url if s.url and not safe_url(s.url) else None,
            "published": day(s.published),
            "path": s.path,
            "dup": s.duplicate_of,
            "dup_words": copy_words(s.duplicate_kind),
            "dup_n": numbers.get(s.duplicate_of) if s.duplicate_of else None,
            "not_analysed": s.not_analysed,
        }
        for n, s in enumerate(sources, 1)
    ]
