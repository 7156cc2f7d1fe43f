"""The web UI and JSON API: ``create_app(db_path)`` returns a FastAPI app over one workspace store.

Pages are rendered on the server (Jinja2, autoescape on) so they work without JavaScript and
offline; a small same-origin script adds upload progress and live refresh of the stories list.
Everything that came from an article (text, title, outlet, url) is treated as hostile: it is
escaped, and only http(s) URLs ever become links.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import queue
import re
import secrets
import sqlite3
import threading
from contextlib import asynccontextmanager, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.store import Store, parse_when
from newsfuse.web import views
from newsfuse.web.head import HeadAsGetMiddleware
from newsfuse.web.security import (
    DEFAULT_MAX_BODY,
    BodyLimitMiddleware,
    SecurityHeadersMiddleware,
    token_from_headers,
    token_matches,
)

__all__ = ["create_app", "ApiError"]

log = logging.getLogger("newsfuse.web")

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50
MAX_API_LIMIT = 200
READ_POOL = 4
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")


class ApiError(Exception):
    """An error with a stable machine-readable code; rendered as JSON or as an HTML page."""

    def __init__(self, status: int, code: str, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "bad_request",
    500: "internal",
}


# --- store access ------------------------------------------------------------------------------


class Stores:
    """A small pool of read connections plus one serialised writer.

    The lead's Store is one SQLite connection behind a lock; sharing a single one would make every
    page wait behind an ingest. SQLite in WAL mode lets readers on other connections go on while
    the writer commits, and the pipeline's clusterer state is read-modify-write, so ingests take
    turns under ``write_lock``.
    """

    def __init__(self, db_path: str, size: int = READ_POOL):
        self.db_path = db_path
        self.writer = Store(db_path)  # creates/migrates the schema before readers open
        self.write_lock = threading.Lock()
        self._pool: queue.LifoQueue[Store] = queue.LifoQueue()
        self._all = [self.writer]
        for _ in range(size):
            s = Store(db_path)
            self._all.append(s)
            self._pool.put(s)
        # A private connection that only asks "did anyone commit?" for the live-refresh poll.
        self._watch = sqlite3.connect(db_path, check_same_thread=False)
        self._watch_lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[Store]:
        store = self._pool.get()
        try:
            yield store
        finally:
            self._pool.put(store)

    def version(self) -> str:
        """Changes whenever any connection (this server's writer, or a CLI ingest) commits."""
        with self._watch_lock:
            dv = self._watch.execute("PRAGMA data_version").fetchone()[0]
            n = self._watch.execute("SELECT count(*) FROM articles").fetchone()[0]
        return f"{dv}.{n}"

    def close(self) -> None:
        for s in self._all:
            try:
                s.close()
            except Exception:  # pragma: no cover - closing twice on shutdown is harmless
                pass
        self._watch.close()


# --- small helpers -------------------------------------------------------------------------------


def _surviving_story(store, story_id: str) -> str:
    """The id a story lives under now (merged ids resolve to the survivor), or a 404."""
    _check_id(story_id, "story")
    sid = store.resolve_story_id(story_id)
    if sid is None:
        raise ApiError(404, "not_found", f"no story with id {story_id!r}")
    return sid


def _check_id(value: str, what: str) -> str:
    if not _ID.match(value or ""):
        raise ApiError(404, "not_found", f"no {what} with id {value!r}")
    return value


def _parse_day(value: str | None, name: str) -> date | datetime | None:
    if value is None or value.strip() == "":
        return None
    try:
        return parse_when(value)
    except ValueError:
        raise ApiError(400, "bad_request", f"{name} must be a date like 2022-01-06, or a time like "
                                           "2022-01-06T14:00+01:00 (UTC without a zone)") from None


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    return value


def story_row_json(row: Any) -> dict:
    return {
        "story_id": row.id,
        "title": row.title,
        "n_articles": row.n_articles,
        "n_outlets": row.n_outlets,
        "outlets": list(row.outlets or []),
        "first_seen": views.iso(row.first_seen),
        "last_seen": views.iso(row.last_seen),
        "updated_at": views.iso(getattr(row, "updated_at", None)),
        "is_updated": bool(getattr(row, "is_updated", False)),
        "storyline_id": getattr(row, "storyline_id", None),
        "merged_ids": list(getattr(row, "merged_ids", None) or []),  # old ids that answer 308 to this one
        "url": f"/api/stories/{row.id}",
    }


def article_json(article: Any, copies: list[dict]) -> dict:
    return {
        "article_id": article.id,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "domain": article.domain,
        "authors": list(article.authors or []),
        "published": views.iso(article.published),
        "language": article.language,
        "format": article.format,
        "path": article.path,
        "wires": list(article.wires or []),
        "is_liveblog": bool(article.is_liveblog),
        "duplicate_of": article.duplicate_of,
        "story_id": article.story_id,
        "text": article.text,
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "ref_date": views.iso(s.ref_date),
                "entry": s.entry,
            }
            for s in article.sentences
        ],
        "entries": [
            {
                "time": views.iso(e.time),
                "title": e.title,
                "author": e.author,
                "start": e.start,
                "end": e.end,
            }
            for e in article.entries
        ],
        "copies": _jsonable(copies),
    }


def report_json(report: Any) -> dict:
    """The pipeline's IngestReport as JSON (problems become strings: they are messages)."""
    return {
        "new": list(getattr(report, "new", []) or []),
        "existing": list(getattr(report, "existing", []) or []),
        "stories_changed": list(getattr(report, "stories_changed", []) or []),
        "problems": [str(p) for p in (getattr(report, "problems", []) or [])],
    }


def merge_reports(reports: list[dict]) -> dict:
    out: dict[str, list] = {"new": [], "existing": [], "stories_changed": [], "problems": []}
    for r in reports:
        for key in out:
            for item in r[key]:
                if key == "problems" or item not in out[key]:
                    out[key].append(item)
    return out


def safe_upload_name(name: str | None, fallback: str) -> str:
    """Keep only a plain base name (the reader uses its extension to pick a format).

    The name is never joined to a directory or opened; stripping folders and odd characters just
    keeps what the store records (``Article.path``) readable and harmless.
    """
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9._ -]", "_", name).strip(" .")[:120]
    return f"upload:{name or fallback}"


def snippet_markup(snippet: str | None) -> Markup:
    """FTS5 snippets mark hits with [ and ]; escape the text, then turn the marks into <mark>."""
    text = str(escape(snippet or ""))
    text = re.sub(r"\[([^\[\]<>]{1,200})\]", r"<mark>\1</mark>", text)
    return Markup(text)


# --- the app -------------------------------------------------------------------------------------


def create_app(
    db_path: str,
    token: str | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """Build the app over the store at ``db_path``.

    Writes need ``token`` (default: env ``NEWSFUSE_TOKEN``). With neither, a random token is made
    and logged once, so a fresh ``newsfuse serve`` is never writable by anyone who can reach it.
    """
    if str(db_path) == ":memory:":
        raise ValueError("the web app needs a database file: each connection of ':memory:' is empty")
    token = token or os.environ.get("NEWSFUSE_TOKEN") or None
    generated = token is None
    if generated:
        token = secrets.token_urlsafe(24)
        log.warning("no NEWSFUSE_TOKEN set; write token for this run: %s", token)

    stores = Stores(str(db_path))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(
        title="newsfuse",
        version="1",
        description=(
            "Source-attributed briefs of news stories. Reads are open; `POST /api/articles` needs "
            "`Authorization: Bearer <token>` or `X-Newsfuse-Token`. Errors are "
            '`{"error": {"code", "message"}}`.'
        ),
        docs_url=None,  # the default Swagger UI loads from a CDN; /docs below works offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.token = token
    app.state.token_generated = generated

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its extension
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = views.safe_url
    env.filters["dt"] = views.fmt_dt
    env.filters["day"] = lambda v: views.fmt_dt(v, with_time=False)
    env.filters["when"] = views.timeline_when
    env.filters["snippet"] = snippet_markup
    env.filters["counted"] = views.counted
    env.filters["in_source_order"] = views.in_source_order
    env.globals["cite_href"] = lambda c: (
        f"/articles/{c.get('article_id')}?{urlencode({'hl': c.get('sentence')})}#s{c.get('sentence')}"
    )

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(**ctx)
        return HTMLResponse(html, status_code=status)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    def error_response(request: Request, status: int, code: str, message: str, **extra) -> Response:
        if is_api(request):
            err = {"code": code, "message": message, **extra}
            return JSONResponse({"error": err}, status_code=status)
        return page("error.html", status=status, status_code=status, code=code, message=message,
                    title=f"{status} {code.replace('_', ' ')}")

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        resp = error_response(request, exc.status_code, code, message)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{loc}: {e.get('msg')}" if loc else str(e.get("msg")))
        return error_response(request, 400, "bad_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal", "internal server error")

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    # Outermost first: security headers wrap everything, including 413 replies.
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(HeadAsGetMiddleware)

    # --- auth --------------------------------------------------------------------------------

    def require_token(given: str | None) -> None:
        if not given:
            raise ApiError(
                401, "unauthorized",
                "this endpoint needs a token: Authorization: Bearer <token> or X-Newsfuse-Token",
            )
        if not token_matches(token, given):
            raise ApiError(403, "forbidden", "wrong token")

    # --- ingest ------------------------------------------------------------------------------

    def run_ingest(files: list[tuple[str, bytes]], records: list[dict] | None) -> dict:
        """Feed uploads/records to the pipeline, one ingest at a time (sync: runs in a thread)."""
        from newsfuse import pipeline

        reports = []
        with stores.write_lock:
            if records:
                reports.append(report_json(pipeline.ingest_records(records, stores.writer, origin="api")))
            for name, data in files:
                reports.append(report_json(pipeline.ingest_upload(name, data, stores.writer)))
        return merge_reports(reports)

    def records_from_json(data: Any) -> list[dict]:
        if isinstance(data, dict):
            for key in ("articles", "records"):
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
            else:
                data = [data]
        if not isinstance(data, list) or not data:
            raise ApiError(400, "bad_request", "expected a JSON article record or a non-empty list of them")
        if not all(isinstance(r, dict) for r in data):
            raise ApiError(400, "bad_request", "every record must be a JSON object")
        return data

    async def collect_upload(request: Request) -> tuple[list[tuple[str, bytes]], list[dict] | None]:
        """Read a JSON body or a multipart form (files and/or a pasted ``json`` field)."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/json" or ctype.endswith("+json"):
            body = await request.body()
            try:
                data = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                raise ApiError(400, "bad_request", "body is not valid JSON") from None
            except RecursionError:
                raise ApiError(400, "bad_request", "body is not valid JSON: nested too deeply") from None
            return [], records_from_json(data)
        if ctype == "multipart/form-data":
            try:
                form = await request.form(max_files=1000, max_fields=50, max_part_size=max_body)
            except Exception as exc:  # malformed multipart
                raise ApiError(400, "bad_request", f"could not read the form: {exc}") from None
            files: list[tuple[str, bytes]] = []
            records = None
            for key, value in form.multi_items():
                if hasattr(value, "read"):  # UploadFile
                    data = await value.read()
                    if data or value.filename:  # a form without a chosen file sends an unnamed, empty part
                        files.append((safe_upload_name(value.filename, f"file{len(files)}"), data))
                elif key == "json" and value.strip():
                    try:
                        records = records_from_json(json.loads(value))
                    except (ValueError, RecursionError):
                        raise ApiError(400, "bad_request", "the pasted text is not valid JSON") from None
            if not files and not records:
                raise ApiError(400, "bad_request", "no files and no JSON records in the form")
            return files, records
        raise ApiError(415, "unsupported_media_type", "send application/json or multipart/form-data")

    # --- JSON API ----------------------------------------------------------------------------

    @app.get("/api/stories", tags=["api"], summary="List stories, newest first")
    def api_stories(
        q: str | None = Query(None, description="full-text search over article titles and text"),
        since: str | None = Query(None, description="YYYY-MM-DD, or a time (UTC without a zone): stories seen on or after"),
        until: str | None = Query(None, description="YYYY-MM-DD, or a time (UTC without a zone): stories seen on or before"),
        outlet: str | None = Query(None),
        limit: int = Query(PAGE_SIZE, ge=1, le=MAX_API_LIMIT),
        offset: int = Query(0, ge=0),
    ):
        s, u = _parse_day(since, "since"), _parse_day(until, "until")
        with stores.read() as store:
            rows, total = store.list_stories(q=q or None, since=s, until=u, outlet=outlet or None,
                                             limit=limit, offset=offset)
        return JSONResponse({"stories": [story_row_json(r) for r in rows], "total": total,
                             "limit": limit, "offset": offset})

    @app.get("/api/stories/{story_id}", tags=["api"], summary="The brief of one story (contract v1)")
    def api_story(story_id: str):
        with stores.read() as store:
            sid = _surviving_story(store, story_id)
            if sid != story_id:
                return RedirectResponse(f"/api/stories/{sid}", status_code=308)
            brief = store.get_brief(sid)
        if brief is None:
            raise ApiError(404, "brief_not_ready", f"story {sid!r} has no brief yet")
        return JSONResponse(brief)  # stored as contract-v1 JSON already: no re-validation

    def surviving_storyline(storyline_id: str) -> str:
        """The id a storyline lives under now (a merged line's id resolves to the line it joined)."""
        from newsfuse.pipeline import resolve_storyline

        _check_id(storyline_id, "storyline")
        with stores.read() as store:
            return resolve_storyline(store, storyline_id) or storyline_id

    def storyline_json(storyline_id: str) -> dict:
        """A storyline's brief from its stories' stored briefs, or a 404."""
        from newsfuse.pipeline import storyline_brief
        from newsfuse.render import storyline_to_json

        _check_id(storyline_id, "storyline")
        with stores.read() as store:
            sb = storyline_brief(store, storyline_id, make_missing=False)
        if sb is None:
            raise ApiError(404, "not_found", f"no storyline with id {storyline_id!r} (or none of its stories has a brief yet)")
        return storyline_to_json(sb)

    @app.get("/api/storylines/{storyline_id}", tags=["api"],
             summary="The brief of a storyline: its stories' briefs and one timeline across them")
    def api_storyline(storyline_id: str):
        lid = surviving_storyline(storyline_id)
        if lid != storyline_id:
            return RedirectResponse(f"/api/storylines/{lid}", status_code=308)
        return JSONResponse(storyline_json(storyline_id))

    @app.get("/api/articles/{article_id}", tags=["api"], summary="One cleaned article with sentences")
    def api_article(article_id: str):
        _check_id(article_id, "article")
        with stores.read() as store:
            article = store.get_article(article_id)
            if article is None:
                raise ApiError(404, "not_found", f"no article with id {article_id!r}")
            copies = store.copies_of(article_id)
        return JSONResponse(article_json(article, copies))

    @app.get("/api/search", tags=["api"], summary="Full-text search over articles")
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=MAX_API_LIMIT)):
        with stores.read() as store:
            return JSONResponse({"results": store.search(q, limit=limit)})

    @app.get("/api/version", tags=["api"], summary="Changes whenever the store changes (for polling)")
    def api_version():
        return {"version": stores.version()}

    upload_doc = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            {"type": "object", "description": "one article record"},
                            {"type": "array", "items": {"type": "object"}},
                        ]
                    }
                },
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                            "json": {"type": "string", "description": "pasted JSON records"},
                        },
                    }
                },
            },
        },
        "security": [{"bearer": []}],
    }

    @app.post(
        "/api/articles", tags=["api"], summary="Add articles (JSON records or file upload)",
        openapi_extra=upload_doc,
        responses={201: {"description": "new articles stored"}, 200: {"description": "nothing new"}},
    )
    async def api_add(request: Request):
        require_token(token_from_headers(request.headers))
        files, records = await collect_upload(request)
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(run_ingest, files, records)
        if not result["new"] and not result["existing"] and result["problems"]:
            raise ApiError(400, "no_articles", "no article could be read", problems=result["problems"])
        result["version"] = stores.version()
        return JSONResponse(result, status_code=201 if result["new"] else 200)

    # --- offline API docs ----------------------------------------------------------------------

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs():
        spec = app.openapi()
        ops = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                params = [
                    {
                        "name": p.get("name"),
                        "where": p.get("in"),
                        "required": p.get("required", False),
                        "type": (p.get("schema") or {}).get("type")
                        or " | ".join(x.get("type", "?") for x in (p.get("schema") or {}).get("anyOf", [])),
                        "description": p.get("description") or "",
                    }
                    for p in op.get("parameters", [])
                ]
                body = list(((op.get("requestBody") or {}).get("content") or {}).keys())
                ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                            "params": params, "body": body,
                            "responses": sorted((op.get("responses") or {}).keys())})
        return page("docs.html", title="API", ops=ops, description=spec["info"].get("description", ""))

    # --- pages ---------------------------------------------------------------------------------

    def list_context(request: Request) -> dict:
        qp = request.query_params
        q = (qp.get("q") or "").strip()
        outlet = (qp.get("outlet") or "").strip()
        since_s, until_s = qp.get("since") or "", qp.get("until") or ""
        try:
            offset = max(0, int(qp.get("offset") or 0))
        except ValueError:
            raise ApiError(400, "bad_request", "offset must be a whole number") from None
        since, until = _parse_day(since_s, "since"), _parse_day(until_s, "until")
        with stores.read() as store:
            rows, total = store.list_stories(q=q or None, since=since, until=until,
                                             outlet=outlet or None, limit=PAGE_SIZE, offset=offset)
            hits = store.search(q, limit=10) if q else []
            outlets = store.outlets()
        base = {k: v for k, v in (("q", q), ("since", since_s), ("until", until_s),
                                    ("outlet", outlet)) if v}

        def link(off: int) -> str:
            params = dict(base)
            if off:
                params["offset"] = off
            return "/?" + urlencode(params) if params else "/"

        return {
            "rows": rows, "total": total, "q": q, "outlet": outlet, "since": since_s,
            "until": until_s, "outlets": outlets, "hits": hits, "offset": offset,
            "prev_link": link(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
            "next_link": link(offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None,
            "version": stores.version(),
        }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request):
        ctx = list_context(request)
        if request.query_params.get("partial"):
            return page("_story_list.html", **ctx)
        return page("stories.html", title="Stories", **ctx)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        with stores.read() as store:
            sid = _surviving_story(store, story_id)
            if sid != story_id:
                return RedirectResponse(f"/stories/{sid}", status_code=301)
            story = store.get_story(sid)
            brief = store.get_brief(sid)
            articles = store.get_articles(story.article_ids) if brief is None and story else []
            line = store.storyline_story_ids(story.storyline_id) if story and story.storyline_id else []
        if story is None:
            raise ApiError(404, "not_found", f"no story with id {story_id!r}")
        view = views.brief_view(brief) if brief else None
        title = (brief or {}).get("headline") or story.title or sid
        return page("story.html", title=title, story=story, brief=brief, v=view, articles=articles,
                    line_stories=len(line))

    @app.get("/storylines/{storyline_id}", response_class=HTMLResponse, include_in_schema=False)
    def storyline_page(storyline_id: str):
        lid = surviving_storyline(storyline_id)
        if lid != storyline_id:
            return RedirectResponse(f"/storylines/{lid}", status_code=301)
        sl = storyline_json(storyline_id)
        return page("storyline.html", title=sl["headline"], sl=sl, v=views.storyline_view(sl))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, request: Request):
        _check_id(article_id, "article")
        hl_raw = request.query_params.get("hl")
        hl = int(hl_raw) if hl_raw and hl_raw.isdigit() else None
        with stores.read() as store:
            article = store.get_article(article_id)
            if article is None:
                raise ApiError(404, "not_found", f"no article with id {article_id!r}")
            copies = store.copies_of(article_id)
            story_title = None
            if article.story_id:
                st = store.get_story(article.story_id)
                story_title = st.title if st else None
        return page(
            "article.html", title=article.title or article.id, a=article,
            segments=views.article_segments(article), hl=hl, copies=copies,
            story_title=story_title,
        )

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page():
        return page("add.html", title="Add articles", max_mb=max_body // (1024 * 1024), result=None)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_form(request: Request):
        """The no-JavaScript path: the token comes in as a form field instead of a header."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        given = token_from_headers(request.headers)
        if not given and ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form(max_files=1000, max_fields=50, max_part_size=max_body)
            given = (form.get("token") or "").strip() if isinstance(form.get("token"), str) else None
        require_token(given)
        files, records = await collect_upload(request)
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(run_ingest, files, records)
        return page("add.html", title="Add articles", max_mb=max_body // (1024 * 1024), result=result)

    return app
