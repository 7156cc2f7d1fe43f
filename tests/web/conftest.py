"""Fixtures for the web tests: a real SQLite store seeded with invented (partly hostile) articles,
a TestClient over it, and for browser tests a real uvicorn server plus Debian's Chromium."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from newsfuse.records import Article, Sentence, Story, article_id_for
from newsfuse.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "test-token-123"
CHROMIUM = Path("/usr/bin/chromium")


def split_sentences(aid: str, text: str) -> list[Sentence]:
    """A plain splitter for fixtures: spans must index the text exactly, as records.py requires."""
    out = []
    for m in re.finditer(r"[^\s][^\n]*?(?:[.!?](?=\s|$)|$)", text, flags=re.M):
        s = m.group(0).strip()
        if not s:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(Sentence(article_id=aid, index=len(out), text=s, start=start, end=start + len(s)))
    return out


def load_fixture_articles() -> tuple[dict, dict[str, Article]]:
    data = json.loads((FIXTURES / "articles.json").read_text(encoding="utf-8"))
    arts = {}
    for rec in data["articles"]:
        aid = article_id_for(rec["text"])
        a = Article(
            id=aid, text=rec["text"], title=rec["title"], url=rec["url"], outlet=rec["outlet"],
            domain=rec["domain"], authors=rec["authors"], published=datetime.fromisoformat(rec["published"]),
            language="en", path=f"fixtures/{rec['key']}.json", format="json", story_id=rec["story"],
        )
        a.sentences = split_sentences(aid, a.text)
        arts[rec["key"]] = a
    return data, arts


def cite(a: Article, idx: int) -> dict:
    return {"article_id": a.id, "sentence": idx, "text": a.sentences[idx].text}


def ferry_brief(arts: dict[str, Article]) -> dict:
    """A contract-v1 brief written by hand so the page tests do not depend on fusion quality."""
    fa, fb, h = arts["ferry-a"], arts["ferry-b"], arts["hostile"]
    return {
        "story_id": "st-ferry",
        "headline": "Ferry runs aground off Pellin Island",
        "generated_at": "2025-04-03T13:00:00+00:00",
        "summary": [
            {"text": fa.sentences[0].text, "citations": [cite(fa, 0)]},
            {"text": fb.sentences[0].text, "citations": [cite(fb, 0), cite(fa, 1)]},
            {"text": h.sentences[0].text, "citations": [cite(h, 0)]},
        ],
        "facts": [
            {"quantity": "passengers injured", "status": "conflict", "reports": [
                {"article_id": fa.id, "outlet": fa.outlet, "value": "at least 12", "number": 12.0,
                 "qualifier": "at least", "as_of": "2025-04-01", "attribution": "coastguard",
                 "citation": cite(fa, 1)},
                {"article_id": fb.id, "outlet": fb.outlet, "value": "Fourteen", "number": 14.0,
                 "qualifier": None, "as_of": "2025-04-02", "attribution": "regional hospital",
                 "citation": cite(fb, 0)},
            ]},
            {"quantity": "hull breach length", "status": "single", "reports": [
                {"article_id": h.id, "outlet": h.outlet, "value": "about 3 metres", "number": 3.0,
                 "qualifier": "about", "as_of": None, "attribution": "<i>engineers</i>",
                 "citation": cite(h, 2)},
            ]},
        ],
        "quotes": [
            {"speaker": "Hana Moritz", "text": "The captain acted quickly and nobody is missing",
             "citations": [cite(fa, 3)]},
        ],
        "timeline": [
            {"date": "2025-04-01", "text": fa.sentences[0].text, "citations": [cite(fa, 0)]},
            {"date": "2025-04-02", "text": fb.sentences[1].text, "citations": [cite(fb, 1)]},
            {"date": "2025-04-02", "text": h.sentences[0].text, "citations": [cite(h, 0)]},
        ],
        "entities": [
            {"name": "Pellin Island", "type": "place", "mentions": 3},
            {"name": "Hana Moritz", "type": "person", "mentions": 1},
            {"name": "Brightwater Lines", "type": "organization", "mentions": 1},
            {"name": "<script>alert('entity')</script>", "type": "other", "mentions": 1},
        ],
        "unique": [
            {"article_id": fb.id, "text": fb.sentences[2].text, "citation": cite(fb, 2)},
            {"article_id": h.id, "text": h.sentences[1].text, "citation": cite(h, 1)},
        ],
        "sources": [
            {"article_id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published.isoformat(),
             "url": a.url, "path": a.path, "duplicate_of": None}
            for a in (fa, fb, h)
        ],
    }


def seed_store(path: Path) -> dict[str, Article]:
    """Write the fixture articles, two stories (one with a merge alias) and the ferry brief."""
    data, arts = load_fixture_articles()
    store = Store(path)
    try:
        stories = []
        for sid, meta in data["stories"].items():
            members = [a for a in arts.values() if a.story_id == sid]
            stories.append(Story(
                id=sid, article_ids=[a.id for a in members], title=meta["title"],
                first_seen=min(a.published for a in members), last_seen=max(a.published for a in members),
                aliases=meta["aliases"],
            ))
        with store.transaction() as conn:
            store.add_articles(conn, arts.values())
            # a pretend old story id that was merged into st-ferry
            for old in data["stories"]["st-ferry"]["aliases"]:
                conn.execute(
                    "INSERT INTO stories(id, title, updated_at) VALUES (?, ?, ?)",
                    (old, "old", "2025-04-01T00:00:00+00:00"),
                )
            store.save_stories(conn, stories)
            store.set_duplicates(conn, {}, {}, {
                (arts["ferry-b"].id, 0): [(arts["ferry-a"].id, 1)],
            })
        store.save_brief("st-ferry", ferry_brief(arts))
    finally:
        store.close()
    return arts


@pytest.fixture
def seeded(tmp_path):
    db = tmp_path / "web.db"
    arts = seed_store(db)
    return db, arts


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def client(seeded):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db, _ = seeded
    with TestClient(create_app(str(db), token=TOKEN)) as c:
        yield c


# --- browser tests -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, offline: pytest-playwright cannot point its channel at it."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        ],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path):
    """A real uvicorn on a free loopback port, in a background thread, over the store at ``db``."""
    import uvicorn

    from newsfuse.web.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(str(db), token=TOKEN), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def live_server(seeded):
    """The seeded store served by a real uvicorn."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    db, arts = seeded
    with serving(db) as base:
        yield base, arts, db
