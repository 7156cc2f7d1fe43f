"""Bad uploads get a clear 4xx naming what was wrong, never a 500."""

from __future__ import annotations

AUTH = {"Authorization": "Bearer test-token-123"}


def test_deeply_nested_json_body_is_a_400_not_a_500(client):
    body = "[" * 100_000 + "]" * 100_000
    resp = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert resp.status_code == 400, resp.text
    assert resp.json()["error"]["code"] == "bad_request"


def test_deeply_nested_pasted_json_is_a_400(client):
    resp = client.post("/api/articles", files={"json": (None, "[" * 100_000 + "]" * 100_000)}, headers=AUTH)
    assert resp.status_code == 400, resp.text


def test_an_empty_uploaded_file_is_named_as_empty(client):
    files = [("files", ("harbour-note.txt", b"", "text/plain"))]
    resp = client.post("/api/articles", files=files, headers=AUTH)
    assert resp.status_code == 400, resp.text
    err = resp.json()["error"]
    assert any("harbour-note.txt" in p and "empty" in p for p in err.get("problems", [])), err
