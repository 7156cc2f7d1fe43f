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


# Live blogs time each post with <time datetime=...> in a short header (author, "4.45pm BST"),
# which trafilatura drops; without it the posts lose their times. Such a header is rewritten
# as a plain paragraph "Ana Lind 2 July 2031 16:45 +01:00" that the live-blog splitter reads
# (ingest.liveblog), taking the time from the machine-readable attribute.
_ENTRY_BLOCKS = {"p", "div", "header", "li", "section", "footer", "figcaption", "h2", "h3", "h4", "h5", "h6"}
_PAGE_CHROME = {"nav", "aside", "footer"}
_MAX_HEADER_WORDS = 14  # longer blocks are prose that mentions a time: left alone
_BYLINE = re.compile(r"^(?:[Bb]y\s+)?((?:[A-Z][\w'’\-]+\.?\s){0,3}[A-Z][\w'’\-]+)$")


def _marker_text(dt: datetime) -> str:
    text = f"{dt.day} {dt.strftime('%B %Y %H:%M')}"
    if dt.tzinfo is not None:
        off = dt.strftime("%z")
        text += f" {off[:3]}:{off[3:]}"
    return text


def _entry_times(tree) -> list[tuple[object, datetime, object]]:
    """(time element, its moment, the short block it heads) for timed posts outside page chrome."""
    from .liveblog import is_live_title

    found = []
    for el in tree.iter("time"):
        stamp = (el.get("datetime") or "").strip()
        dt = parse_datetime(stamp) if re.search(r"\d[T ]\d{1,2}:\d{2}", stamp) else None  # a time of day
        if dt is None:
            continue
        ancestors = list(el.iterancestors())
        if any(a.tag in _PAGE_CHROME for a in ancestors):
            continue
        if any(a.tag == "header" for a in ancestors) and not any(a.tag in ("article", "main") for a in ancestors):
            continue  # the site's own header
        block = next((a for a in ancestors if a.tag in _ENTRY_BLOCKS), None)
        if block is not None and (len(block.text_content().split()) <= _MAX_HEADER_WORDS or _opens(block, el)):
            found.append((el, dt, block))
    title = tree.findtext(".//title")
    # two stamps may be "published" and "updated"; a live title or a third post makes a live blog
    if len(found) < 2 or (len(found) < 3 and not is_live_title(title)):
        return []
    return found


def _opens(block, el) -> bool:
    """A time that opens a longer post ("<div><time>10:30</time><p>Officials now say ...</p>")
    stamps it, as a post header would: prose mentioning a time has words before it."""
    stamp = " ".join(el.text_content().split())
    return bool(stamp) and " ".join(block.text_content().split()).startswith(stamp)


def _mark_entry_times(tree) -> bool:
    """Rewrite each timed post header as a marker paragraph (see above); True when any was."""
    from lxml import html as lxml_html

    found = _entry_times(tree)
    for el, dt, block in found:
        if block.getparent() is None:
            continue
        rest = " ".join(" ".join(x.text_content().split()) for x in block if x is not el and x.tag != "time")
        m = _BYLINE.match(rest.strip())
        para = lxml_html.Element("p")
        para.text = (m.group(1) + " " if m else "") + _marker_text(dt)
        if m or not rest.strip():
            block.getparent().replace(block, para)  # a header of time and byline only
        else:
            _mark_post(el, para)
    return bool(found)


def _mark_post(el, para) -> None:
    """A short post holding its own time ("08:00 The bridge is closed."): the time alone gives
    way to the marker, where it stood, so the post's words stay."""
    para.tail = el.tail
    el.getparent().replace(el, para)


def extract_html(html: str | bytes, url: str | None = None) -> dict | None:
    """Body and metadata of one page as a plain dict; None when no article body is found."""
    import trafilatura
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html if isinstance(html, bytes) else html.encode("utf-8", "replace"))
    except Exception:
        tree = None
    published = published_from_html(tree) if tree is not None else None
    if tree is not None and _mark_entry_times(tree):
        html = lxml_html.tostring(tree, encoding="unicode")
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
