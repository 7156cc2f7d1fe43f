"""Storylines on the web: a page and an API route per storyline, linked from its stories' pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.pipeline import ingest
from newsfuse.store import Store
from newsfuse.web.app import create_app

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events7" / "articles.jsonl"


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-lines") / "w.db"
    with Store(str(db)) as store:
        ingest([FIXTURE], store)
        rows, _ = store.list_storylines()
        single = store.list_storylines(min_stories=1, limit=1000)[0]
    lone = next(r for r in single if r.n_stories == 1)
    return TestClient(create_app(str(db), token="t")), rows, lone


def test_api_storyline_has_every_story_brief_and_one_timeline(lines):
    client, rows, _ = lines
    row = rows[0]
    data = client.get(f"/api/storylines/{row.id}").json()
    assert data["storyline_id"] == row.id
    assert [b["story_id"] for b in data["stories"]] == row.story_ids
    assert {t["story_id"] for t in data["timeline"]} <= set(row.story_ids)
    assert [t["date"] for t in data["timeline"]] == sorted(t["date"] for t in data["timeline"])


def test_storyline_page_links_its_stories_and_story_pages_link_back(lines):
    client, rows, lone = lines
    row = rows[0]
    page = client.get(f"/storylines/{row.id}")
    assert page.status_code == 200
    for sid in row.story_ids:
        assert f'href="/stories/{sid}"' in page.text
        story = client.get(f"/stories/{sid}").text
        assert f'href="/storylines/{row.id}"' in story and f"storyline of {row.n_stories} stories" in story
    # every citation on the page points at a numbered source of one of the stories
    assert re.findall(r'class="cite"[^>]*>\[src\]', page.text) == []
    # a story alone in its storyline has no storyline link
    assert "storyline-link" not in client.get(f"/stories/{lone.story_ids[0]}").text


def test_unknown_or_malformed_storyline_is_404(lines):
    client, _, _ = lines
    assert client.get("/api/storylines/l-000000000000").status_code == 404
    assert client.get("/storylines/l-000000000000").status_code == 404
    assert client.get("/api/storylines/%3Cscript%3E").status_code == 404
