"""Untrusted article text, tokens, upload limits and uploaded names."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

TOKEN = "test-token-123"


class TagAudit(HTMLParser):
    """Collects what a browser would treat as live: scripts, on* handlers, link targets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str | None] = []
        self.handlers: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                self.links.append(value or "")
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))


def audit(html: str) -> TagAudit:
    a = TagAudit()
    a.feed(html)
    return a


def assert_inert(html: str) -> None:
    a = audit(html)
    assert a.scripts == ["/static/app.js"], a.scripts  # ours only, no inline script
    assert a.handlers == []
    assert "img" not in a.tags and "iframe" not in a.tags
    for link in a.links:
        assert link.startswith(("/", "#", "https://", "http://")), link
        assert not link.startswith("//")


def pages(client, arts):
    hostile = arts["hostile"].id
    return {
        "list": client.get("/").text,
        "search": client.get("/", params={"q": "salvage"}).text,
        "story": client.get("/stories/st-ferry").text,
        "article": client.get(f"/articles/{hostile}", params={"hl": 0}).text,
    }


def test_hostile_fields_are_escaped_everywhere(client, seeded):
    _, arts = seeded
    for name, html in pages(client, arts).items():
        assert_inert(html)
        assert "<script>alert" not in html, name
    story = pages(client, arts)["story"]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in story
    assert "&lt;img src=x onerror=alert(&#39;outlet&#39;)&gt;Evil Outlet" in story
    assert "&lt;i&gt;engineers&lt;/i&gt;" in story
    article = pages(client, arts)["article"]
    assert "&lt;a href=&#34;javascript:alert(&#39;link&#39;)&#34;&gt;click here&lt;/a&gt;" in article
    assert "&lt;svg onload=alert(&#39;author&#39;)&gt;" in article


def test_only_http_urls_become_links(client, seeded):
    _, arts = seeded
    story = pages(client, arts)["story"]
    links = audit(story).links
    assert "https://coastalherald.example/news/aurelia-aground" in links
    assert not any("javascript" in link.lower() for link in links)
    assert 'class="url-text"' in story  # the javascript: URL is shown as text
    art = client.get(f"/articles/{arts['hostile'].id}").text
    assert not any("javascript" in link.lower() for link in audit(art).links)


def test_security_headers(client):
    resp = client.get("/")
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/stories").headers["x-frame-options"] == "DENY"


def assert_error(resp, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    assert resp.json()["error"]["code"] == code


def test_writes_need_the_token(client):
    rec = [{"title": "T", "text": "Some text here."}]
    assert_error(client.post("/api/articles", json=rec), 401, "unauthorized")
    assert_error(client.post("/api/articles", json=rec, headers={"X-Newsfuse-Token": "wrong"}), 403, "forbidden")
    assert_error(client.post("/api/articles", json=rec, headers={"Authorization": "Bearer wrong"}), 403, "forbidden")
    assert_error(client.post("/api/articles", json=rec, headers={"Authorization": "Basic dGVzdA=="}),
                 401, "unauthorized")
    files = {"files": ("a.txt", b"Some text.", "text/plain")}
    assert_error(client.post("/api/articles", files=files), 401, "unauthorized")
    form = client.post("/add", data={"token": "wrong", "json": '[{"text": "x"}]'}, files=files)
    assert form.status_code == 403 and "wrong token" in form.text


def test_bodies_over_the_limit_are_413(client):
    big = b"x" * (20 * 1024 * 1024 + 1)
    resp = client.post("/api/articles", content=big, headers={
        "X-Newsfuse-Token": TOKEN, "Content-Type": "application/json"})
    assert_error(resp, 413, "payload_too_large")
    # without a usable Content-Length the limit is counted while reading (chunked upload)
    def chunks():
        for _ in range(21):
            yield b"y" * (1024 * 1024)
    resp = client.post("/api/articles", content=chunks(), headers={
        "X-Newsfuse-Token": TOKEN, "Content-Type": "application/json"})
    assert_error(resp, 413, "payload_too_large")


def test_limit_is_configurable(seeded):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db, _ = seeded
    with TestClient(create_app(str(db), token=TOKEN, max_body=1000)) as c:
        files = {"files": ("a.txt", b"z" * 2000, "text/plain")}
        assert_error(c.post("/api/articles", files=files, headers={"X-Newsfuse-Token": TOKEN}),
                     413, "payload_too_large")


@pytest.mark.parametrize("body,ctype,status,code", [
    (b"{not json", "application/json", 400, "bad_request"),
    (b"[]", "application/json", 400, "bad_request"),
    (b"[1, 2]", "application/json", 400, "bad_request"),
    (b'"just a string"', "application/json", 400, "bad_request"),
    (b"title=x", "text/plain", 415, "unsupported_media_type"),
])
def test_malformed_writes_are_rejected(client, body, ctype, status, code):
    resp = client.post("/api/articles", content=body,
                       headers={"X-Newsfuse-Token": TOKEN, "Content-Type": ctype})
    assert_error(resp, status, code)


def test_upload_names_are_never_paths():
    from newsfuse.web.app import safe_upload_name

    assert safe_upload_name("../../etc/passwd.json", "f") == "upload:passwd.json"
    assert safe_upload_name("..\\..\\win.ini", "f") == "upload:win.ini"
    assert safe_upload_name("/abs/path/feed.jsonl", "f") == "upload:feed.jsonl"
    assert safe_upload_name("..", "f0") == "upload:f0"
    assert safe_upload_name("a<b>\x00.txt", "f") == "upload:a_b__.txt"
    assert safe_upload_name(None, "file3") == "upload:file3"
