"""HTML pages -> raw documents, through trafilatura plus our own date/time reading.

trafilatura finds the body, title, authors and site name well, but keeps only the day of the
publish date; the time lives in ``article:published_time``, ``itemprop=datePublished`` or JSON-LD,
which we read here. Its ``deduplicate=True`` keeps a process-wide cache (a second extraction of
the same page comes back empty), so we never turn it on.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from .meta import parse_datetime

__all__ = ["extract_html", "published_from_html"]

_META_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publication_date", "sailthru.date",
    "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.created", "date", "article.published",
)


def _jsonld_dates(obj, out: list[str]) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("datePublished", "dateCreated") and isinstance(v, str):
                out.append(v)
            else:
                _jsonld_dates(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _jsonld_dates(v, out)


def published_from_html(tree) -> datetime | None:
    """Publish datetime from meta tags, microdata or JSON-LD (in that order of trust)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_KEYS and el.get("content") and key not in found:
            found[key] = el.get("content")
    for key in _META_KEYS:
        if key in found:
            dt = parse_datetime(found[key])
            if dt:
                return dt
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        dt = parse_datetime(el.get("datetime") or el.get("content") or (el.text or ""))
        if dt:
            return dt
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text or "")
        except (ValueError, TypeError):
            continue
        dates: list[str] = []
        _jsonld_dates(data, dates)
        for d in dates:
            dt = parse_datetime(d)
            if dt:
                return dt
    return None


_MIN_WORDS = 3  # a body shorter than this is page chrome, not an article (as in the fallback)
_SKIP = {"nav", "footer", "header", "aside", "script", "style", "noscript", "form", "button"}


def _paragraph_fallback(tree) -> str:
    """Short or odd pages that trafilatura declines: the text of <p>/<li> outside page chrome."""
    out: list[str] = []
    for el in tree.iter("p", "li", "h2", "h3", "blockquote"):
        if any(getattr(a, "tag", None) in _SKIP for a in el.iterancestors()):
            continue
        if el.tag != "p" and any(a.tag in ("p", "li") for a in el.iterancestors()):
            continue
        t = " ".join(el.text_content().split())
        if len(t.split()) >= _MIN_WORDS and t not in out:
            out.append(t)
    return "\n".join(out)


def extract_html(html: str | bytes, url: str | None = None) -> dict | None:
    """Body and metadata of one page as a plain dict; None when no article body is found."""
    import trafilatura
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html if isinstance(html, bytes) else html.encode("utf-8", "replace"))
    except Exception:
        tree = None
    published = published_from_html(tree) if tree is not None else None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=True, deduplicate=False,
        )
    except Exception:
        doc = None
    d = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    text = d.get("text") or ""
    if len(text.split()) < _MIN_WORDS:  # nothing, or only a menu item ("Home") trafilatura fell back to
        text = ""
    if not text.strip():
        text = _paragraph_fallback(tree) if tree is not None else ""
        if not text.strip():
            return None
        if not d.get("title") and tree is not None:
            t = tree.findtext(".//title") or tree.findtext(".//h1")
            d["title"] = t.strip() if t and t.strip() else None
    if published is None and d.get("date"):
        published = parse_datetime(d["date"])
    authors = [a.strip() for a in re.split(r";|\band\b", d.get("author") or "") if a.strip()]
    lang = None
    if tree is not None:
        lang = tree.get("lang") or tree.get("xml:lang")
    return {
        "text": text,
        "title": d.get("title"),
        "url": d.get("url") or url,
        "sitename": d.get("sitename"),
        "authors": authors,
        "published": published,
        "language": d.get("language") or lang,
    }
