"""Files and bytes -> raw documents (not yet cleaned), or ReadProblems.

Every failure becomes a ``ReadProblem`` with a one-line message; nothing here raises for bad
input. Size policy: a single text/HTML/JSON file (after gunzip) above ``max_bytes()`` (5 MB, or
``NEWSFUSE_MAX_BYTES``) is refused with a clear message rather than read: later stages take tens of
seconds per megabyte of one article (and its sentence similarities grow with the square of its
length), so one huge file would stall a whole run. WARC files are streamed record by record from
disk, so they may be large, but each record is held to the same limit.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import re
import stat
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..records import ReadProblem
from .meta import parse_datetime

__all__ = ["RawDoc", "MAX_BYTES", "MAX_BYTES_ENV", "max_bytes", "parse_size", "iter_files", "read_file", "read_bytes_raw", "records_to_raw", "decode_text"]

MAX_BYTES = 5 * 1024 * 1024  # the default input limit per file (or WARC record)
MAX_BYTES_ENV = "NEWSFUSE_MAX_BYTES"
TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
WARC_EXT = {".warc"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT | WARC_EXT


@dataclass
class RawDoc:
    """What a reader found before cleaning: body text plus whatever metadata the format gave."""

    path: str
    format: str
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    language: str | None = None


Result = RawDoc | ReadProblem


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 100 * 1024 else f"{n:,} bytes"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.I)


def parse_size(text: str) -> int:
    """Bytes from '5000000', '500K', '5M', '5MB' or '1G' (binary units); ValueError otherwise."""
    m = _SIZE.match(str(text))
    if not m:
        raise ValueError(f"not a size: {text!r} (use bytes, or a number with K, M or G, e.g. 5M)")
    n = int(float(m.group(1)) * 1024 ** " KMG".index((m.group(2) or " ").upper()))
    if n < 1:
        raise ValueError(f"the size limit must be at least 1 byte, not {text!r}")
    return n


def max_bytes() -> int:
    """The input limit per file, read at each use so ``NEWSFUSE_MAX_BYTES`` (or the CLI's
    ``--max-bytes``, which sets it) also reaches Dask workers."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return MAX_BYTES
    try:
        return parse_size(value)
    except ValueError as e:
        raise ValueError(f"{MAX_BYTES_ENV}: {e}") from None


def _too_large(size: str, limit: int) -> str:
    return (f"file too large: {size} exceeds the {_mb(limit)} limit "
            f"(raise it with --max-bytes or {MAX_BYTES_ENV})")


FOLDER_DOCS = re.compile(r"^(readme|license|licence|changelog|contributing)(\.[a-z]+)?$", re.I)


def iter_files(paths) -> Iterator[Path | ReadProblem]:
    """Expand the inputs: directories recursively (sorted, hidden entries skipped).

    Inside a directory, a README/LICENSE file describes the folder rather than reporting news,
    so it is passed over; named explicitly, it is read like any other file.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        p = Path(p)
        if p.is_dir():
            errors: list[OSError] = []
            for root, dirs, files in os.walk(p, onerror=errors.append):
                while errors:
                    e = errors.pop(0)
                    yield ReadProblem(str(e.filename or root), f"cannot list directory: {e.strerror or e}")
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not FOLDER_DOCS.match(name):
                        yield Path(root) / name
            for e in errors:
                yield ReadProblem(str(e.filename or p), f"cannot list directory: {e.strerror or e}")
        elif p.is_symlink() and not p.exists():
            yield ReadProblem(str(p), "broken symbolic link: its target does not exist")
        elif not p.exists():
            yield ReadProblem(str(p), "no such file or directory")
        else:
            yield p


def _ext_and_gz(name: str) -> tuple[str, bool]:
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return os.path.splitext(lower)[1], gz


def decode_text(data: bytes, declared: str | None = None) -> str | None:
    """Decode text: BOMs first, then UTF-8, then the ``declared`` charset (an HTML page's), then
    cp1252 (curly quotes) or latin-1, unless that reads a non-Latin script as accented Latin or
    Central European letters as symbols (then cp1250 / ISO-8859-2, see ``_central_european``).

    Returns None for binary data (NUL bytes or many control characters in the first 8 kB).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    head = data[:8192]
    if b"\x00" in head:
        return None
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and ctrl / len(head) > 0.05:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared, "replace")
        except LookupError:  # a charset name Python does not know
            pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = data.decode("latin-1")
    return _other_script(data, western) or _central_european(data, western) or western


# Central European text (Polish, Czech...) in cp1250 or ISO-8859-2 read as cp1252 puts symbols
# inside words ("mo¿e", "w³adze", "zwi¹zek" for "może", "władze", "związek"); Western text has
# none there but apostrophes and the like ("l’école"), and units end a word ("m³").
_CENTRAL_EUROPEAN = ("cp1250", "iso8859_2")
_WORD_PUNCT = set("’‘'·-–—.")


def _odd_in_words(text: str) -> int:
    """Symbols standing between two letters of a word (in the first 64 kB, enough to tell): the
    mark of text read in the wrong charset."""
    text = text[:65536]
    return sum(1 for i in range(1, len(text) - 1)
               if not text[i].isascii() and not text[i].isalpha() and not text[i].isspace()
               and text[i] not in _WORD_PUNCT and text[i - 1].isalpha() and text[i + 1].isalpha())


def _central_european(data: bytes, western: str) -> str | None:
    """The cp1250 or ISO-8859-2 reading when it leaves fewer symbols inside words than the
    cp1252 one (which must have at least two); None to keep the cp1252 reading."""
    odd = _odd_in_words(western)
    if odd < 2:
        return None
    readings = []
    for enc in _CENTRAL_EUROPEAN:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        readings.append((_odd_in_words(text), text))
    best = min(readings, key=lambda r: r[0], default=None)  # the first of equals: cp1250
    return best[1] if best is not None and best[0] < odd else None


_MOJIBAKE_SHARE = 0.3  # Western languages write most letters in ASCII; cp1251, KOI8, GBK... do not


def _other_script(data: bytes, western: str) -> str | None:
    """The text in its own legacy encoding when, read as cp1252, most of its letters would be
    accented Latin ("Ïðîòåñòû" for Cyrillic): then charset-normalizer's guess is taken. Western
    text (French, German in cp1252/latin-1) keeps the cp1252 reading, which such short texts
    are often misjudged from (cp1250 for cp1252)."""
    letters = [c for c in western if c.isalpha()]
    if not letters or sum(not c.isascii() for c in letters) / len(letters) < _MOJIBAKE_SHARE:
        return None
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # comes with trafilatura; without it, keep the cp1252 reading
        return None
    best = from_bytes(data).best()
    return str(best) if best is not None else None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _gunzip(data: bytes) -> bytes | str:
    """Decompress with a cap so that a zip bomb cannot fill memory; str means a problem."""
    limit = max_bytes()
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit + 1)
        if len(out) > limit:
            return _too_large(f"more than {_mb(limit)} after decompression", limit)
        return out
    except zlib.error as e:
        return f"corrupt gzip data ({e})"


def read_file(path: Path) -> list[Result]:
    """Read one file from disk into raw documents."""
    name = str(path)
    ext, gz = _ext_and_gz(path.name)
    if ext not in KNOWN_EXT:
        return [ReadProblem(name, f"unknown file type '{path.suffix or path.name}' (expected .txt, .html, .json, .jsonl, .warc, or .gz of these)")]
    try:
        st = path.stat()
    except OSError as e:
        return [ReadProblem(name, f"cannot read file: {e.strerror or e}")]
    if not stat.S_ISREG(st.st_mode):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) else "not a regular file"
        return [ReadProblem(name, f"cannot read: {kind}, not a regular file")]
    if ext in WARC_EXT:
        return list(_read_warc_path(path))
    limit = max_bytes()
    if st.st_size > limit:
        return [ReadProblem(name, _too_large(_mb(st.st_size), limit))]
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        return [ReadProblem(name, f"cannot read file: {e.strerror or e}")]
    return read_bytes_raw(name, data)


def read_bytes_raw(name: str, data: bytes) -> list[Result]:
    """Dispatch bytes by file name (and by content when the name says nothing)."""
    if not data or not data.strip():
        return [ReadProblem(name, "empty file")]
    ext, gz = _ext_and_gz(os.path.basename(name))
    if gz or data[:2] == b"\x1f\x8b":
        if ext in WARC_EXT:
            return list(_read_warc_stream(io.BytesIO(data), name))
        out = _gunzip(data)
        if isinstance(out, str):
            return [ReadProblem(name, out)]
        data = out
        if not data.strip():
            return [ReadProblem(name, "empty file (after decompression)")]
    if len(data) > max_bytes():
        return [ReadProblem(name, _too_large(_mb(len(data)), max_bytes()))]
    if ext not in KNOWN_EXT:
        ext = _sniff(data)
        if ext is None:
            return [ReadProblem(name, "unknown file type: neither text, HTML, JSON nor WARC")]
    if ext in WARC_EXT:
        return list(_read_warc_stream(io.BytesIO(data), name))
    text = decode_text(data, declared_charset(data) if ext in HTML_EXT else None)
    if text is None:
        return [ReadProblem(name, "binary file: not text (cannot decode)")]
    if not text.strip():
        return [ReadProblem(name, "empty file")]
    if ext in HTML_EXT:
        return [_html_doc(name, text)]
    if ext in JSON_EXT:
        return _read_json(name, text)
    if ext in JSONL_EXT:
        return _read_jsonl(name, text)
    doc = text_doc(name, text)
    return [doc, *_bad_header_date(name, text, doc)]


def _sniff(data: bytes) -> str | None:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return ".warc"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<?xml")) or b"<p>" in head:
        return ".html"
    if head.startswith((b"{", b"[")):
        first = data.lstrip().split(b"\n", 1)[0].strip()
        try:
            json.loads(first)
            if data.strip().count(b"\n") and first.startswith(b"{"):
                return ".jsonl"
        except (ValueError, RecursionError):
            pass
        return ".json"
    if decode_text(data) is not None:
        return ".txt"
    return None


def _html_doc(name: str, html: str | bytes, url: str | None = None, fmt: str = "html") -> Result:
    from .html import extract_html

    try:
        got = extract_html(html, url=url)
    except Exception as e:  # lxml/trafilatura on very broken markup
        return ReadProblem(name, f"malformed HTML: {type(e).__name__}: {e}"[:200])
    if got is None:
        return ReadProblem(name, "no article text found in HTML")
    return RawDoc(path=name, format=fmt, body=got["text"], title=got["title"], url=got["url"],
                  outlet=got["sitename"], authors=got["authors"], published=got["published"],
                  language=got["language"])


# --- JSON -------------------------------------------------------------------------------------

_TEXT_KEYS = ("text", "content", "body", "articleBody", "article_body", "maintext", "full_text", "description")
_HTML_KEYS = ("html", "raw_html", "content_html")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "datePublished", "pubDate", "date_publish", "time", "created_at")
_OUTLET_KEYS = ("outlet", "source", "site_name", "sitename", "publisher", "domain")
_AUTHOR_KEYS = ("authors", "author", "byline", "creator")
_URL_KEYS = ("url", "link", "canonical_url", "source_url")


def _first(rec: dict, keys) -> object:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return v
    return None


def _as_name(v) -> str | None:
    if isinstance(v, dict):
        v = v.get("name") or v.get("title") or v.get("id")
    return str(v).strip() if v not in (None, "") else None


def _name_word(w: str) -> bool:
    """One capitalised word such as "Penn" or "O'Hara" (not an acronym such as "AP")."""
    core = w.replace("'", "").replace("-", "")
    return core.isalpha() and w[0].isupper() and any(c.islower() for c in core) and " " not in w


def _author_names(text: str) -> list[str]:
    """An author string -> names: ";", ",", "and", "&" separate people, except that a lone
    "Last, First" is one person (read as "First Last")."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 2 and all(_name_word(p) for p in parts):
        return [f"{parts[1]} {parts[0]}"]
    return [a.strip() for a in re.split(r";|,|\s+and\s+|\s*&\s*", text) if a.strip()]


def _record_meta(rec: dict, url: str | None) -> dict:
    """A record's metadata fields (JSON keys, or a text file's header lines) -> RawDoc keywords."""
    authors = _first(rec, _AUTHOR_KEYS)
    if isinstance(authors, str):
        authors = _author_names(authors)
    elif isinstance(authors, list):
        authors = [n for n in (_as_name(a) for a in authors) if n]
    else:
        authors = []
    date_v = _first(rec, _DATE_KEYS)
    published = None
    if isinstance(date_v, (int, float)) and 1e11 < date_v < 4e12:
        date_v = date_v / 1000  # epoch milliseconds, as JavaScript's Date.now() writes them
    if isinstance(date_v, (int, float)) and 1e8 < date_v < 4e9:
        published = datetime.fromtimestamp(date_v, tz=timezone.utc)
    elif isinstance(date_v, str):
        published = parse_datetime(date_v)
    title = _rendered(rec.get("title") or rec.get("headline"))
    return dict(title=title.strip() or None if isinstance(title, str) else None, url=url,
                outlet=_as_name(_first(rec, _OUTLET_KEYS)), authors=authors, published=published,
                language=_as_name(rec.get("language") or rec.get("lang")))


def _rendered(v) -> object:
    """A field given as {"rendered": "..."} (WordPress's REST API) is its rendered text."""
    return v["rendered"] if isinstance(v, dict) and isinstance(v.get("rendered"), str) else v


def _with_record_meta(doc: Result, rec: dict, url: str | None) -> Result:
    """An HTML body from a feed record carries no metadata of its own: the record's title, date,
    outlet, authors and language, where it gives them, win over what the HTML yields."""
    if isinstance(doc, RawDoc):
        for key, value in _record_meta(rec, url).items():
            if value not in (None, "", []):
                setattr(doc, key, value)
    return doc


def records_to_raw(records, origin: str) -> list[Result]:
    """JSON dicts -> raw documents; each bad record is a ReadProblem named ``origin#i``."""
    out: list[Result] = []
    if not isinstance(records, list):
        return [ReadProblem(origin, "expected a list of JSON records")]
    for i, rec in enumerate(records):
        name = f"{origin}#{i}"
        if not isinstance(rec, dict):
            out.append(ReadProblem(name, f"record {i} is not a JSON object"))
            continue
        text = _rendered(_first(rec, _TEXT_KEYS))
        url = _as_name(_first(rec, _URL_KEYS))
        if not isinstance(text, str) or not text.strip():
            html = _first(rec, _HTML_KEYS)
            if isinstance(html, str) and html.strip():
                out.append(_with_record_meta(_html_doc(name, html, url=url, fmt="json"), rec, url))
            else:
                out.append(ReadProblem(name, f"record {i} has no text (looked for {', '.join(_TEXT_KEYS[:3])})"))
            continue
        if "<p" in text[:2000] and "</p>" in text:
            doc = _html_doc(name, text, url=url, fmt="json")
            if isinstance(doc, RawDoc):
                out.append(_with_record_meta(doc, rec, url))
                continue
        out.append(RawDoc(path=name, format="json", body=text, **_record_meta(rec, url)))
    return [p for doc in out for p in (doc, *_bad_record_date(doc, records))]


def _bad_record_date(doc: Result, records: list) -> list[ReadProblem]:
    """A record's date that does not parse is said, as a text header's is (the record is kept)."""
    if not isinstance(doc, RawDoc) or doc.published is not None:
        return []
    i = int(doc.path.rsplit("#", 1)[1])
    value = _first(records[i], _DATE_KEYS)
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    return [ReadProblem(doc.path, f"record {i}: ignored the unreadable date {value!r}", kept=True)]


# --- plain text -------------------------------------------------------------------------------

# "Title: ...", "Date: ...", "Source: ..." lines at the top of a text file, with the JSON keys'
# names in any case (spaces and hyphens read as "_"), plus "By" for the byline: lower case -> the key
_HEADER_KEYS = {k.lower(): k for k in ("title", "headline", "language", "lang") + _URL_KEYS + _DATE_KEYS
                + _OUTLET_KEYS + _AUTHOR_KEYS} | {"by": "byline"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,24}):[ \t]*(\S.*?)\s*$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """A text file's metadata block -> (fields, the rest of the text).

    Two common shapes: front matter between two ``---`` lines (keys it does not know are
    skipped), or known "Key: value" lines at the very top, at least two of them, up to the first
    other line (so that a first line such as "Update: ..." stays body text)."""
    lines = text.lstrip("\ufeff").split("\n")
    fields: dict[str, str] = {}
    fenced = lines[0].strip() == "---"
    end = None
    for i in range(1 if fenced else 0, min(len(lines), 60)):
        line = lines[i].strip()
        if fenced and line == "---":
            end = i + 1
            break
        m = _HEADER_LINE.match(line)
        key = _HEADER_KEYS.get(re.sub(r"[ -]+", "_", m.group(1).strip()).lower()) if m else None
        if key:  # "PublishedAt:", "pubDate:" -> the JSON key the record reader looks for
            fields.setdefault(key, m.group(2).strip("\"'"))
        elif not fenced:
            end = i if not line or fields else None
            break
    if end is None or (not fenced and len(fields) < 2):
        return {}, text
    return fields, "\n".join(lines[end:])


# a page saved as text often keeps its address on the first line: "https://...", "Source: https://..."
_URL_LINE = re.compile(r"^\s*(?:(?:url|link|source)\s*:\s*)?<?(https?://[^\s<>]+)>?\s*$", re.IGNORECASE)


def _url_line(text: str) -> tuple[str | None, str]:
    """(the URL on the first non-blank line, the text after it), or (None, text)."""
    stripped = text.lstrip("\ufeff")
    first, _, rest = stripped.lstrip("\n\r\t ").partition("\n")
    m = _URL_LINE.match(first)
    if not m or not rest.strip():
        return None, text
    return m.group(1), rest.lstrip("\n")


def text_doc(name: str, text: str) -> RawDoc:
    """A plain-text document, its header block (if any) read as metadata, else the URL line
    opening it (which names the outlet)."""
    fields, body = split_header(text)
    if not fields or not body.strip():
        url, body = _url_line(text)
        if url:
            return RawDoc(path=name, format="txt", body=body, url=url)
        return RawDoc(path=name, format="txt", body=text)
    return RawDoc(path=name, format="txt", body=body.lstrip("\n"),
                  **_record_meta(fields, _as_name(_first(fields, _URL_KEYS))))


def _bad_header_date(name: str, text: str, doc: RawDoc) -> list[ReadProblem]:
    """A header date that does not parse is said, not dropped silently: the user may fix it
    (the article is still read, undated or dated from its text)."""
    if doc.published is not None:
        return []
    fields, _ = split_header(text)
    value = _first(fields, _DATE_KEYS)
    if not isinstance(value, str) or not value.strip():
        return []
    return [ReadProblem(name, f"ignored the unreadable date {value!r} in its header", kept=True)]


TOO_DEEP = "malformed JSON: nested too deeply (arrays or objects inside each other beyond Python's limit)"


def _read_json(name: str, text: str) -> list[Result]:
    try:
        data = json.loads(text)
    except ValueError as e:
        return [ReadProblem(name, f"malformed JSON: {e}")]
    except RecursionError:
        return [ReadProblem(name, TOO_DEEP)]
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "records", "results", "documents"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        return [ReadProblem(name, "JSON is neither an object nor a list of objects")]
    if not data:
        return [ReadProblem(name, "empty JSON list: no records")]
    return records_to_raw(data, name)


def _read_jsonl(name: str, text: str) -> list[Result]:
    out: list[Result] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            out.append(ReadProblem(f"{name}:{lineno}", f"malformed JSON on line {lineno}: {e.msg}"))
            continue
        except RecursionError:
            out.append(ReadProblem(f"{name}:{lineno}", f"{TOO_DEEP} (line {lineno})"))
            continue
        for doc in records_to_raw([rec], name):
            if isinstance(doc, ReadProblem):
                doc.path = f"{name}:{lineno}"
                doc.message = doc.message.replace("record 0", f"line {lineno}")
            else:
                doc.path = f"{name}#{lineno}"
            out.append(doc)
    if not out:
        return [ReadProblem(name, "empty file: no JSON lines")]
    return out


# --- WARC -------------------------------------------------------------------------------------


def _read_warc_path(path: Path) -> Iterator[Result]:
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield ReadProblem(str(path), f"cannot read file: {e.strerror or e}")
        return
    with fh:
        if not fh.read(1):
            yield ReadProblem(str(path), "empty file")
            return
        fh.seek(0)
        yield from _read_warc_stream(fh, str(path))


def _read_warc_stream(fh, name: str) -> Iterator[Result]:
    """HTML response records of a WARC, gzipped per record (warcio reads it) or as a whole.

    `gzip crawl.warc` makes one gzip member that warcio refuses after its first record; such a
    file is read again through a plain gunzip stream, dropping what the first attempt had read.
    Only the first records are held back for that: the rest streams, so a large WARC is never
    held in memory whole.
    """
    records = _warc_records(fh, name)
    head = list(itertools.islice(records, _WARC_HELD))
    failed = head and isinstance(head[-1], ReadProblem) and head[-1].message.startswith("malformed WARC")
    if failed and fh.seekable():
        fh.seek(0)
        if fh.read(2) == b"\x1f\x8b":
            fh.seek(0)
            yield from _warc_records(gzip.GzipFile(fileobj=fh), name)
            return
    yield from head
    yield from records


_WARC_HELD = 3  # records held back until a WARC is known to read (whole-file gzip fails at the second)


def _warc_records(fh, name: str) -> Iterator[Result]:
    """HTML response records of a WARC stream that warcio can read."""
    from warcio.archiveiterator import ArchiveIterator

    n = found = 0
    try:
        for rec in ArchiveIterator(fh):
            n += 1
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            limit = max_bytes()
            data = rec.content_stream().read(limit + 1)
            rname = f"{name}#{url or n}"
            if len(data) > limit:
                yield ReadProblem(rname, f"WARC record too large: more than {_mb(limit)} "
                                         f"(raise the limit with --max-bytes or {MAX_BYTES_ENV})")
                continue
            found += 1
            yield _html_doc(rname, data, url=url, fmt="warc")
    except Exception as e:  # warcio raises ArchiveLoadFailed and friends on junk
        yield ReadProblem(name, f"malformed WARC: {type(e).__name__}: {e}"[:200])
        return
    if not found and n == 0:
        yield ReadProblem(name, "malformed WARC: no records found")
    elif not found:
        yield ReadProblem(name, "WARC has no HTML response records")
