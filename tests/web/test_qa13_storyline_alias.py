"""A storyline id seen once keeps leading to its topic after its line merged into another."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.pipeline import CLUSTER_STATE_KEY, ingest, resolve_storyline, storyline_brief
from newsfuse.store import Store
from newsfuse.web.app import create_app

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events7" / "articles.jsonl"
GONE = "l-0123456789ab"  # a line that merged into another one (as the clusterer records it)


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("line-alias")
    few = folder / "few.jsonl"  # a few articles are enough: any line can be a merge's survivor
    few.write_text("".join(FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    db = folder / "m.db"
    with Store(str(db)) as store:
        ingest([few], store)
        row = store.list_storylines(min_stories=1)[0][0]
        state = store.get_state(CLUSTER_STATE_KEY)
        state["line_alias"] = {**state.get("line_alias", {}), GONE: row.id}
        with store.transaction() as conn:
            store.set_state(conn, CLUSTER_STATE_KEY, state)
    return str(db), row


def test_merged_storyline_id_resolves_to_the_line_it_joined(merged):
    db, row = merged
    with Store(db) as store:
        assert resolve_storyline(store, row.id) == row.id
        assert resolve_storyline(store, GONE) == row.id
        assert resolve_storyline(store, "l-ffffffffffff") is None
        sb = storyline_brief(store, GONE)
    assert sb is not None and sb.storyline_id == row.id


def test_web_redirects_a_merged_storyline_id(merged):
    db, row = merged
    client = TestClient(create_app(db, token="t"))
    api = client.get(f"/api/storylines/{GONE}", follow_redirects=False)
    assert api.status_code == 308 and api.headers["location"] == f"/api/storylines/{row.id}"
    page = client.get(f"/storylines/{GONE}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/storylines/{row.id}"
    assert client.get(f"/api/storylines/{GONE}").json()["storyline_id"] == row.id
    assert client.get("/api/storylines/l-ffffffffffff").status_code == 404


def test_storyline_page_lists_the_sources_its_footnotes_number(merged):
    db, row = merged
    client = TestClient(create_app(db, token="t"))
    data = client.get(f"/api/storylines/{row.id}").json()
    page = client.get(f"/storylines/{row.id}").text
    ids = list(dict.fromkeys(s["article_id"] for b in data["stories"] for s in b["sources"]))
    assert ids and 'id="sources"' in page
    table = page[page.index('id="sources"'):]
    assert [table.index(f'href="/articles/{a}"') for a in ids] == sorted(table.index(f'href="/articles/{a}"') for a in ids)
    # the story page keeps its own sources table
    assert 'id="sources"' in client.get(f"/stories/{row.story_ids[0]}").text


def test_counts_on_pages_agree_with_their_number(merged):
    from newsfuse.web.views import counted

    assert [counted(1, "source"), counted(3, "source"), counted(1, "story"), counted(2, "story"),
            counted(1, "key fact")] == ["1 source", "3 sources", "1 story", "2 stories", "1 key fact"]
    db, row = merged
    client = TestClient(create_app(db, token="t"))
    pages = [client.get(f"/storylines/{row.id}").text] + [client.get(f"/stories/{s}").text for s in row.story_ids]
    assert not any(re.search(r"\b1 (?:sources|stories|key facts)\b", p) for p in pages)
