"""URLs -> raw documents: an article page, or a news feed (RSS/Atom) whose entries' pages are read.

Anything given to ``read_paths`` that starts with ``http://`` or ``https://`` is fetched instead of
opened, and so is each line of a text file that lists only URLs (``feeds.txt``). A page is read like an HTML file, with its (final, after redirects) address as its URL, so
its outlet comes from its site as for a saved page. A feed is parsed with feedparser and each
entry's page fetched (a few at a time); the entry fills what the page leaves out (title, time of
day, authors), and when the page cannot be fetched or holds no article, the entry's own full text
stands in if the feed carries one (many feeds do, in ``content:encoded``). A feed of summaries
only gives a problem per unreadable entry, never a one-line "article".

Each document is named by its URL, as a file is by its path: fetching a page again after it changed
replaces the version read before (``newsfuse ingest``), and unchanged content is "already stored".
Without a network every URL becomes one ``ReadProblem`` saying why, and the run goes on; the same
size limit as for files applies (``max_bytes``), and nothing larger is downloaded.
"""

from __future__ import annotations

import re
import stat
import threading
from datetime import datetime, timezone
from email.message import Message
from typing import Callable

from ..records import ReadProblem
from .readers import TEXT_EXT, RawDoc, Result, _author_names, _html_doc, _mb, _too_large, decode_text, max_bytes, read_bytes_raw

__all__ = ["is_url", "read_url", "url_list", "entry_stamp", "FetchError", "fetch"]

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
USER_AGENT = "newsfuse/0.1 (news brief builder; +https://pypi.org/project/newsfuse/)"
TIMEOUT = (10.0, 30.0)  # seconds to connect, seconds between bytes
FEED_FETCHES = 4  # entry pages fetched at once: polite to one site, and most of the wait is network
_FEED_TYPES = ("rss", "atom", "rdf", "/xml", "+xml")
# the document's first element, after an XML declaration, processing instructions, comments, a DOCTYPE
_ROOT = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->|<!(?i:doctype)[^>]*>)*<([A-Za-z][\w:.-]*)", re.DOTALL)
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf"}
_MIN_FEED_WORDS = 40  # an entry's own text stands in for its page only when it is a body, not a teaser

_pool = None


class FetchError(Exception):
    """A URL could not be fetched; the message says why in a few words."""


def is_url(text: object) -> bool:
    return isinstance(text, str) and bool(_URL.match(text.strip()))


def url_list(path) -> list[str] | None:
    """The URLs of a text file that lists only URLs (one per line; blank lines and ``#`` comments
    allowed), as in ``newsfuse ingest feeds.txt``; None for any other file (an article may open
    with its own URL, but text follows it)."""
    from pathlib import Path

    path = Path(path)
    if path.suffix.lower() not in TEXT_EXT:
        return None
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > 1 << 20:  # a FIFO would block the read
            return None
        text = decode_text(path.read_bytes())
    except OSError:
        return None
    lines = [ln.strip() for ln in (text or "").lstrip("\ufeff").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return lines if lines and all(is_url(ln) for ln in lines) else None


def _manager():
    global _pool
    if _pool is None:
        import urllib3

        _pool = urllib3.PoolManager(
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
            timeout=urllib3.Timeout(connect=TIMEOUT[0], read=TIMEOUT[1]),
            retries=urllib3.Retry(total=2, connect=1, read=1, redirect=5, status=0, backoff_factor=0.5,
                                  raise_on_status=False),
            num_pools=16, maxsize=FEED_FETCHES)
    return _pool


def _reason(e: Exception) -> str:
    """A short why for a failed request (urllib3 wraps the cause in MaxRetryError)."""
    cause = getattr(e, "reason", None) or e
    text = str(cause)
    if "Name or service not known" in text or "getaddrinfo" in text or "Temporary failure in name resolution" in text:
        return "cannot resolve the host name (no network, or a mistyped address)"
    if "Connection refused" in text:
        return "connection refused"
    if "timed out" in text.lower():
        return "timed out"
    return f"{type(cause).__name__}: {text}"[:160]


def fetch(url: str, limit: int | None = None) -> tuple[str, str, bytes]:
    """(final URL, content type, body) of a GET, the body at most ``limit`` bytes
    (default ``max_bytes()``); FetchError on a network failure, an HTTP error or a larger body."""
    import urllib3

    limit = max_bytes() if limit is None else limit
    try:
        resp = _manager().request("GET", url, preload_content=False, decode_content=True)
    except urllib3.exceptions.HTTPError as e:
        raise FetchError(f"cannot fetch: {_reason(e)}") from None
    try:
        if resp.status >= 400:
            raise FetchError(f"cannot fetch: HTTP {resp.status} {resp.reason or ''}".rstrip())
        size = resp.headers.get("Content-Length")
        if size and size.isdigit() and int(size) > limit:
            raise FetchError(_too_large(_mb(int(size)), limit))
        chunks, got = [], 0
        for chunk in resp.stream(1 << 16):
            chunks.append(chunk)
            got += len(chunk)
            if got > limit:
                raise FetchError(_too_large(f"more than {_mb(limit)}", limit))
        final = resp.geturl() or url
        if not final.lower().startswith(("http://", "https://")):  # a relative redirect target
            from urllib.parse import urljoin

            final = urljoin(url, final)
        return final, resp.headers.get("Content-Type", ""), b"".join(chunks)
    except urllib3.exceptions.HTTPError as e:
        raise FetchError(f"cannot fetch: {_reason(e)}") from None
    finally:
        resp.release_conn()


def _charset(content_type: str) -> str | None:
    m = Message()
    m["content-type"] = content_type
    return m.get_param("charset")


def _is_feed(content_type: str, data: bytes) -> bool:
    """A feed by its root element (<rss>, <feed>, <rdf:RDF>) whatever the server calls it: sites
    serve feeds as text/html or text/plain, and XHTML pages as XML. The content type decides only
    when the body has no recognisable first element."""
    m = _ROOT.match(data[:8192])
    if m:
        return m.group(1).lower() in _FEED_ROOTS
    ct = content_type.lower()
    return "html" not in ct and any(t in ct for t in _FEED_TYPES)


def entry_stamp(entry) -> str:
    """What changes when a feed says an entry changed (its updated or published time, else its id)."""
    # dict.get: feedparser's own get maps a missing "updated" to "published" with a warning
    return str(dict.get(entry, "updated") or dict.get(entry, "published") or dict.get(entry, "id") or "")


def read_url(url: str, skip: Callable[[str, str], bool] | None = None) -> list[Result]:
    """The documents at ``url``: one page, or a feed's entries (see the module docstring).
    ``skip(link, stamp)``: True for a feed entry not to fetch (``watch --feed`` passes the entries
    it has read at that stamp)."""
    url = url.strip()
    try:
        final, ctype, data = fetch(url)
    except FetchError as e:
        return [ReadProblem(url, str(e))]
    if not data.strip():
        return [ReadProblem(url, "empty response")]
    if _is_feed(ctype, data):
        return _read_feed(url, data, skip, final)
    return _read_page(url, final, ctype, data)


def _read_page(name: str, final: str, ctype: str, data: bytes) -> list[Result]:
    ct = ctype.lower()
    if "html" in ct or (not ct.startswith(("text/plain", "application/json")) and data.lstrip()[:1] == b"<"):
        text = decode_text(data, _charset(ctype))
        if text is None:
            return [ReadProblem(name, "binary response: not text (cannot decode)")]
        doc = _html_doc(name, text, url=final)
        if isinstance(doc, RawDoc) and not doc.url:
            doc.url = final
        return [doc]
    if not ct.startswith(("text/", "application/json", "application/x-ndjson")) and ct:
        return [ReadProblem(name, f"not an article page or a feed (content type {ctype.split(';')[0]})")]
    out = read_bytes_raw(name, data)
    for doc in out:
        if isinstance(doc, RawDoc) and not doc.url and doc.format == "txt":
            doc.url = final
    return out


def _entry_time(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = dict.get(entry, key)
        if t:
            return datetime(*t[:6], tzinfo=timezone.utc)
    return None


def _entry_text(entry) -> str:
    """The entry's own HTML body (full content first, then the summary)."""
    for c in entry.get("content") or []:
        if c.get("value"):
            return c["value"]
    return entry.get("summary") or ""


def _from_entry(link: str, entry) -> Result:
    """The entry's own text as a document (its page could not be read)."""
    body = _entry_text(entry)
    doc = _html_doc(link, f"<html><body><article>{body}</article></body></html>", url=link) if body.strip() else None
    if not isinstance(doc, RawDoc) or len(doc.body.split()) < _MIN_FEED_WORDS:
        return ReadProblem(link, "")
    return doc


def _fill(doc: RawDoc, entry) -> RawDoc:
    """What the page leaves out, from its feed entry: title, authors, and the time of day (a page
    dated only by its day, at midnight, gets the entry's time on that day)."""
    if not doc.title and entry.get("title"):
        doc.title = entry["title"].strip()
    if not doc.authors:
        doc.authors = _entry_authors(entry)
    t = _entry_time(entry)
    if t is not None:
        p = doc.published
        if p is None:
            doc.published = t
        elif (p.hour, p.minute, p.second) == (0, 0, 0) and p.date() == t.date():
            doc.published = t
    return doc


_RSS_AUTHOR = re.compile(r"\s*\S+@\S+\s*\(([^()]+)\)\s*")  # RSS 2.0: "jane@example.org (Jane Doe)"


def _entry_authors(entry) -> list[str]:
    """People named by a feed entry: RSS's "jane@example.org (Jane Doe)" gives its name (read here:
    feedparser cuts addresses with long top-level domains), a bare e-mail address no one, and
    "Jane Doe and John Roe" (one dc:creator) two."""
    raw = entry.get("author") or ""
    if re.match(r"\s*[^\s@()]+@", raw):  # an RSS address first (Atom names and addresses come apart)
        m = _RSS_AUTHOR.fullmatch(raw)
        given = [m.group(1)] if m else []
    else:
        given = [a.get("name") or "" for a in entry.get("authors") or []] or [raw]
    names = [n for g in given if "@" not in g for n in _author_names(g.strip())]
    return list(dict.fromkeys(names))


def _read_entry(feed_url: str, i: int, entry) -> Result:
    link = _entry_link(entry)
    name = link or f"{feed_url}#{i + 1}"
    why = "the entry has no link"
    if link:
        try:
            final, ctype, data = fetch(link)
            got = _read_page(link, final, ctype, data) if data.strip() else [ReadProblem(link, "empty response")]
        except FetchError as e:
            got = [ReadProblem(link, str(e))]
        docs = [d for d in got if isinstance(d, RawDoc)]
        if docs:
            return _fill(docs[0], entry)
        why = "; ".join(p.message for p in got if isinstance(p, ReadProblem)) or "no article text found"
    doc = _from_entry(name, entry)
    if isinstance(doc, RawDoc):
        return _fill(doc, entry)
    return ReadProblem(name, f"feed entry unreadable: {why}, and the feed gives no full text for it")


def _entry_link(entry) -> str:
    link = (entry.get("link") or "").strip()
    return link if is_url(link) else ""


def _distinct(entries: list) -> list:
    """The first of entries that link to one page (a feed may list a story twice, in two
    sections): its page is fetched once and any problem with it named once."""
    seen, out = set(), []
    for i, e in entries:
        link = _entry_link(e)
        if link and link in seen:
            continue
        seen.add(link)
        out.append((i, e))
    return out


def _read_feed(url: str, data: bytes, skip: Callable[[str, str], bool] | None = None,
               final: str | None = None) -> list[Result]:
    """The feed's entries, each read (see ``_read_entry``). Relative entry links ("/news/a.html")
    are resolved against the feed's own address after redirects (``final``), or its xml:base."""
    import feedparser

    # the base for relative links; the charset stays the XML declaration's, as without headers
    headers = {"content-location": final or url, "content-type": "application/xml"}
    parsed = feedparser.parse(data, response_headers=headers)
    entries = _distinct(list(enumerate(parsed.entries)))
    if not entries:
        if parsed.get("bozo"):
            return [ReadProblem(url, f"malformed feed: {parsed.get('bozo_exception')}"[:200])]
        return [ReadProblem(url, "feed has no entries")]
    if skip is not None:
        entries = [(i, e) for i, e in entries if not skip(_entry_link(e) or f"{url}#{i + 1}", entry_stamp(e))]
    return _in_threads(lambda ie: _read_entry(url, *ie), entries)


def _in_threads(fn: Callable, items: list, workers: int = FEED_FETCHES) -> list:
    """``fn`` of each item, in order, run in a few daemon threads. Not an executor: on Ctrl-C an
    executor still fetches every queued page before the program can end (minutes for a big feed
    on a slow site); daemon threads take no new item once the caller stops and end with it."""
    out: list = [None] * len(items)
    todo = iter(range(len(items)))
    lock, stop, failed = threading.Lock(), threading.Event(), []

    def work() -> None:
        while not stop.is_set():
            with lock:
                i = next(todo, None)
            if i is None:
                return
            try:
                out[i] = fn(items[i])
            except Exception as e:  # a bug: raised again in the caller
                failed.append(e)
                stop.set()

    threads = [threading.Thread(target=work, name="newsfuse-fetch", daemon=True) for _ in range(min(workers, len(items)))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        stop.set()
    if failed:
        raise failed[0]
    return out
