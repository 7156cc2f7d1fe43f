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


def test_a_source_without_outlet_is_named_by_its_file_everywhere_on_the_story_page(client):
    """The fact note names a source by its file; its figures and unique lines must too, never by
    an article id or a bare 'unknown outlet' the reader cannot match to the note."""
    import re

    day1 = (" date 2031-07-01 Kelby dam spillway opened\n"
            "Engineers opened the Kelby dam spillway on Tuesday after heavy rain, and 120 people were evacuated from the valley.\n\n"
            "The reservoir rose by two metres overnight, the water board said.\n")
    day2 = (" date 2031-07-02 More evacuated below Kelby dam\n"
            "A total of 310 people had been evacuated from the valley below the Kelby dam by Wednesday, officials said.\n\n"
            "Schools in the lower valley will stay closed until Friday.\n")
    files = [("files", ("kelby-bulletin.txt", day1.encode(), "text/plain")),
             ("files", ("valley-notes.txt", day2.encode(), "text/plain"))]
    resp = client.post("/api/articles", files=files, headers=AUTH)
    assert resp.status_code == 201, resp.text
    sid = resp.json()["stories_changed"][0]
    brief = client.get(f"/api/stories/{sid}").json()
    ids = [s["article_id"] for s in brief["sources"]]
    page = client.get(f"/stories/{sid}").text
    body = re.sub(r"<[^>]+>", " ", page)
    assert "unknown outlet" not in body
    for aid in ids:  # ids appear in links, never as the visible name of a source
        assert not re.search(rf">\s*{aid}\s*<", page), aid
    assert "kelby-bulletin.txt" in body and "valley-notes.txt" in body


def test_an_error_page_has_a_title(client):
    resp = client.get("/stories/s-000000000000")
    assert resp.status_code == 404
    assert "<title>404 not found · newsfuse</title>" in resp.text


def test_the_story_page_says_whose_title_the_headline_is(client):
    recs = [{"title": "Nine rescued from Kelby river", "outlet": "Kelby Post", "published": "2031-07-03T09:00:00Z",
             "text": "Nine people were rescued from the Kelby river on Wednesday, the coastguard said."},
            {"title": "Coastguard saves nine in Kelby", "outlet": "Hill Times", "published": "2031-07-03T10:00:00Z",
             "text": "The coastguard rescued nine people from the Kelby river on Wednesday morning."}]
    resp = client.post("/api/articles", json=recs, headers=AUTH)
    sid = resp.json()["stories_changed"][0]
    brief = client.get(f"/api/stories/{sid}").json()
    owner = next(s for s in brief["sources"] if s["title"] == brief["headline"])
    assert f"headline: the title of {owner['outlet']}" in client.get(f"/stories/{sid}").text
