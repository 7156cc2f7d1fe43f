"""Writes through the real pipeline: new articles join stories and show up without a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
AUTH = {"Authorization": "Bearer test-token-123"}


def records() -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / "upload.jsonl").read_text().splitlines() if line.strip()]


def test_post_json_records_creates_a_story_with_a_brief(client):
    before = client.get("/api/version").json()["version"]
    resp = client.post("/api/articles", json=records(), headers=AUTH)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert len(body["new"]) == 2 and body["existing"] == [] and body["problems"] == []
    assert len(body["stories_changed"]) == 1
    assert body["version"] != before

    sid = body["stories_changed"][0]
    listed = client.get("/api/stories").json()
    assert listed["total"] == 3
    row = next(s for s in listed["stories"] if s["story_id"] == sid)
    assert row["n_articles"] == 2 and set(row["outlets"]) == {"The River Post", "Valley Observer"}

    brief = client.get(f"/api/stories/{sid}").json()
    from newsfuse.render.contract import validate_brief

    assert validate_brief(brief) == []
    assert {s["article_id"] for s in brief["sources"]} == set(body["new"])
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200 and "Ostra" in page.text

    again = client.post("/api/articles", json=records(), headers=AUTH)
    assert again.status_code == 200
    assert again.json()["new"] == [] and sorted(again.json()["existing"]) == sorted(body["new"])


def test_a_single_record_object_is_accepted(client):
    resp = client.post("/api/articles", json={"articles": records()[:1]},
                       headers={"X-Newsfuse-Token": "test-token-123"})
    assert resp.status_code == 201, resp.text
    aid = resp.json()["new"][0]
    art = client.get(f"/api/articles/{aid}").json()
    assert art["outlet"] == "The River Post" and "spillway" in art["text"]


def test_multipart_upload_with_a_hostile_file_name(client, examples_dir):
    data = (FIXTURES / "upload.jsonl").read_bytes()
    files = [("files", ("../../../../tmp/evil/feed.jsonl", data, "application/octet-stream"))]
    resp = client.post("/api/articles", files=files, headers=AUTH)
    assert resp.status_code == 201, resp.text
    for aid in resp.json()["new"]:
        path = client.get(f"/api/articles/{aid}").json()["path"]
        assert path.startswith("upload:feed.jsonl") and ".." not in path
    assert not Path("/tmp/evil/feed.jsonl").exists()


def test_upload_form_without_javascript(client):
    resp = client.post("/add", data={"token": "test-token-123", "json": json.dumps(records())},
                       files={"files": ("", b"", "application/octet-stream")})
    assert resp.status_code == 200, resp.text
    assert "2 new, 0 already stored." in resp.text
    assert resp.headers["content-type"].startswith("text/html")


def test_upload_with_nothing_readable_is_400_with_problems(client):
    files = [("files", ("blob.bin", bytes(range(256)) * 4, "application/octet-stream"))]
    resp = client.post("/api/articles", files=files, headers=AUTH)
    assert resp.status_code == 400, resp.text
    err = resp.json()["error"]
    assert err["code"] == "no_articles" and err["problems"]


@pytest.mark.parametrize("name", ["daily-beacon-lisk-blast.txt", "valley-sentinel-lisk-toll.html"])
def test_example_files_upload(client, examples_dir, name):
    path = examples_dir / name
    if not path.exists():
        pytest.skip(f"examples/{name} not written yet")
    resp = client.post("/api/articles", files={"files": (name, path.read_bytes(), "text/plain")}, headers=AUTH)
    assert resp.status_code == 201, resp.text
    assert len(resp.json()["new"]) == 1
