"""Brief -> one standalone HTML page (inline CSS, no scripts, no external resources).

Everything article-derived goes through Jinja2 autoescaping; only http(s) source URLs become
links; a Content-Security-Policy meta tag forbids scripts and remote loads as a second line of
defence.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader

from newsfuse.records import Brief
from newsfuse.render.common import cited_numbers, day, report_extras, headline_source, reported, safe_url, source_labels, source_numbers


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("newsfuse.render", "templates"),
        autoescape=True,
        trim_blocks=False,
    )


def _extras(r) -> str:
    return "; ".join(report_extras(r))


def to_html(brief: Brief) -> str:
    """The whole brief as a standalone page."""
    numbers = source_numbers(brief)
    outlet_of = source_labels(brief)
    head = headline_source(brief.sources, brief.headline)
    ctx = {
        "b": brief,
        "headline_from": (outlet_of.get(head, head), numbers[head]) if head in numbers else None,
        "generated": brief.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "summary": [(s.text, cited_numbers(s.citations, numbers)) for s in brief.summary],
        "facts": [
            {
                "quantity": f.quantity,
                "status": f.status if f.status in ("agree", "conflict", "evolving", "single") else "single",
                "note": f.note,
                "reports": [
                    {"outlet": r.outlet or outlet_of.get(r.article_id, r.article_id), "value": r.value, "extras": _extras(r),
                     "cite": cited_numbers([r.citation], numbers)}
                    for r in f.reports
                ],
            }
            for f in brief.facts
        ],
        "timeline": [(day(t.date), t.text, cited_numbers(t.citations, numbers)) for t in brief.timeline],
        "quotes": [(q.speaker, q.text if q.direct else reported(q.speaker, q.text, q.citations), q.direct,
                    cited_numbers(q.citations, numbers)) for q in brief.quotes],
        "unique": [(outlet_of.get(u.article_id, u.article_id), u.text, cited_numbers([u.citation], numbers))
                   for u in brief.unique],
        "sources": [
            {
                "n": n,
                "outlet": outlet_of.get(s.article_id) or "unknown outlet",
                "title": s.title,
                "url": safe_url(s.url),
                "raw_url": s.url if s.url and not safe_url(s.url) else None,
                "published": day(s.published),
                "path": s.path,
                "dup": s.duplicate_of,
                "dup_n": numbers.get(s.duplicate_of) if s.duplicate_of else None,
                "not_analysed": s.not_analysed,
            }
            for n, s in enumerate(brief.sources, 1)
        ],
    }
    return _env().get_template("brief.html.j2").render(**ctx)
