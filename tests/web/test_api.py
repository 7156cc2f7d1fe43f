"""The JSON API over a real SQLite store: listing, briefs, articles, errors."""

from __future__ import annotations

import pytest


def assert_error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    err = resp.json()["error"]
    assert isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


def test_list_stories_newest_first_with_total(client):
    body = client.get("/api/stories").json()
    assert body["total"] == 2 and body["limit"] == 50 and body["offset"] == 0
    assert [s["story_id"] for s in body["stories"]] == ["st-ferry", "st-vote"]
    ferry = body["stories"][0]
    assert ferry["n_articles"] == 3 and ferry["n_outlets"] == 3
    assert "Pellin Gazette" in ferry["outlets"]
    assert ferry["last_seen"].startswith("2025-04-03")


def test_list_stories_paginates(client):
    first = client.get("/api/stories", params={"limit": 1}).json()
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert [s["story_id"] for s in first["stories"]] == ["st-ferry"]
    assert [s["story_id"] for s in second["stories"]] == ["st-vote"]
    assert client.get("/api/stories", params={"offset": 5}).json()["stories"] == []


def test_list_stories_filters(client):
    by_q = client.get("/api/stories", params={"q": "tram"}).json()
    assert [s["story_id"] for s in by_q["stories"]] == ["st-vote"]
    by_outlet = client.get("/api/stories", params={"outlet": "Pellin Gazette"}).json()
    assert [s["story_id"] for s in by_outlet["stories"]] == ["st-ferry"]
    until = client.get("/api/stories", params={"until": "2025-03-31"}).json()
    assert [s["story_id"] for s in until["stories"]] == ["st-vote"]
    since = client.get("/api/stories", params={"since": "2025-04-01"}).json()
    assert [s["story_id"] for s in since["stories"]] == ["st-ferry"]


@pytest.mark.parametrize("params", [{"limit": "abc"}, {"limit": 0}, {"limit": 10_000},
                                    {"offset": -1}, {"since": "yesterday"}])
def test_bad_list_parameters_are_400(client, params):
    assert_error(client.get("/api/stories", params=params), 400, "bad_request")


def test_story_brief_follows_contract_v1(client, seeded):
    _, arts = seeded
    brief = client.get("/api/stories/st-ferry").json()
    from newsfuse.render.contract import validate_brief

    assert validate_brief(brief) == []
    assert brief["story_id"] == "st-ferry"
    cited = brief["summary"][0]["citations"][0]
    assert cited["article_id"] == arts["ferry-a"].id and cited["sentence"] == 0


def test_merged_story_id_redirects_to_the_survivor(client):
    resp = client.get("/api/stories/st-ferry-old", follow_redirects=False)
    assert resp.status_code == 308 and resp.headers["location"] == "/api/stories/st-ferry"
    assert client.get("/api/stories/st-ferry-old").json()["story_id"] == "st-ferry"


def test_story_without_brief_and_unknown_story(client):
    assert_error(client.get("/api/stories/st-vote"), 404, "brief_not_ready")
    assert_error(client.get("/api/stories/no-such-story"), 404, "not_found")
    assert_error(client.get("/api/stories/%2e%2e%2fetc"), 404)


def test_article_json_has_sentences_that_slice_the_text(client, seeded):
    _, arts = seeded
    b = arts["ferry-b"]
    body = client.get(f"/api/articles/{b.id}").json()
    assert body["article_id"] == b.id and body["outlet"] == "Pellin Gazette"
    assert body["story_id"] == "st-ferry"
    assert body["sentences"] and all(body["text"][s["start"]:s["end"]] == s["text"] for s in body["sentences"])
    assert [c["article_id"] for c in body["copies"]] == [arts["ferry-a"].id]
    assert_error(client.get("/api/articles/0000000000000000"), 404, "not_found")


def test_unknown_api_route_and_wrong_method_use_the_error_shape(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/stories"), 405, "method_not_allowed")


def test_search_api(client, seeded):
    _, arts = seeded
    hits = client.get("/api/search", params={"q": "Brightwater"}).json()["results"]
    assert [h["article_id"] for h in hits] == [arts["ferry-b"].id]
    assert_error(client.get("/api/search"), 400)


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/articles"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/stories/{story_id}" in docs.text
    # offline: nothing loaded from another host
    assert "cdn" not in docs.text.lower()
    assert 'src="http' not in docs.text and 'href="http' not in docs.text


def test_html_pages_render_and_404(client, seeded):
    _, arts = seeded
    assert client.get("/").status_code == 200
    assert client.get("/stories/st-vote").status_code == 200  # no brief yet: still a page
    page = client.get("/stories/st-ferry-old", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == "/stories/st-ferry"
    missing = client.get("/stories/nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    art = client.get(f"/articles/{arts['ferry-a'].id}", params={"hl": 1}).text
    assert '<span id="s1" class="sentence hl"' in art
    assert '<span id="s0" class="sentence"' in art


def test_story_page_links_every_citation_to_its_sentence(client, seeded):
    _, arts = seeded
    html = client.get("/stories/st-ferry").text
    a = arts["ferry-a"].id
    assert f'href="/articles/{a}?hl=0#s0"' in html
    assert f'href="/articles/{a}?hl=1#s1"' in html
    assert 'class="badge conflict"' in html
    assert "Coverage by outlet" in html and "<svg" in html


def test_version_changes_when_the_store_changes(client, seeded):
    from newsfuse.store import Store

    db, _ = seeded
    before = client.get("/api/version").json()["version"]
    assert client.get("/api/version").json()["version"] == before
    store = Store(db)
    try:
        store.save_brief("st-vote", {"story_id": "st-vote"})
    finally:
        store.close()
    assert client.get("/api/version").json()["version"] != before


def test_partial_list_is_just_the_list(client):
    html = client.get("/", params={"partial": 1, "q": "tram"}).text
    assert "<html" not in html and "st-vote" in html and "st-ferry" not in html


def test_write_token_defaults_to_environment(monkeypatch, seeded):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db, _ = seeded
    monkeypatch.setenv("NEWSFUSE_TOKEN", "from-env")
    app = create_app(str(db))
    assert app.state.token == "from-env"
    monkeypatch.delenv("NEWSFUSE_TOKEN")
    app = create_app(str(db))
    assert app.state.token_generated and len(app.state.token) >= 24
    with TestClient(app) as c:
        assert_error(c.post("/api/articles", json=[{"text": "x"}], headers={"X-Newsfuse-Token": "test-token-123"}),
                     403, "forbidden")


@pytest.mark.parametrize("path", ["/", "/api/stories", "/api/version", "/docs", "/api/stories/s-nope"])
def test_head_answers_like_get_without_a_body(client, path):
    """Uptime checks and `curl -I` ask with HEAD: same status and headers as GET, no body."""
    head, get = client.head(path), client.get(path)
    assert head.status_code == get.status_code != 405
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["x-frame-options"] == "DENY"


def test_head_of_a_post_only_route_is_still_refused(client):
    assert client.head("/api/articles").status_code == 405
