"""Real headless Chromium against a real uvicorn server: the reader's path from list to source."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HIGHLIGHT = "rgb(255, 233, 122)"  # --hl in style.css


@pytest.fixture
def dialogs(page):
    """Any alert() that fires means some untrusted text ran as script."""
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
    return seen


def test_search_open_story_and_follow_a_citation(live_server, page, dialogs):
    base, arts, _ = live_server
    page.goto(base + "/")
    rows = page.locator("table.stories tbody tr")
    assert rows.count() == 2

    page.fill("input[name=q]", "Brightwater")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?q=Brightwater*")
    assert rows.count() == 1
    assert page.locator(".hits li").count() == 1
    page.click("a.story-link")
    page.wait_for_url("**/stories/st-ferry")

    assert page.locator("h1").inner_text() == "Ferry runs aground off Pellin Island"
    assert page.locator("#facts .badge.conflict").count() == 1
    assert page.locator("svg.timeline-chart circle").count() == 2  # two distinct dates
    assert page.locator("svg.coverage-chart rect").count() == 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)

    # the second summary line cites ferry-b, then ferry-a; they are listed in source order, so its
    # first citation is ferry-a's sentence 1
    cites = page.locator("#summary .summary-item").nth(1).locator("a.cite")
    assert cites.all_inner_texts() == ["[1]", "[2]"]
    cites.nth(0).click()
    page.wait_for_url(f"**/articles/{arts['ferry-a'].id}?hl=1#s1")
    target = page.locator("#s1")
    assert target.inner_text() == "At least 12 passengers were injured, the coastguard said."
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert page.locator("#s0").evaluate("e => getComputedStyle(e).backgroundColor") != HIGHLIGHT
    page.screenshot(path=str(ARTIFACTS / "article.png"))
    assert dialogs == []


def test_hostile_article_runs_no_script(live_server, page, dialogs):
    base, arts, _ = live_server
    hostile = arts["hostile"]
    page.goto(f"{base}/articles/{hostile.id}")
    page.goto(f"{base}/stories/st-ferry")
    page.goto(f"{base}/?q=salvage")
    assert dialogs == []
    page.goto(f"{base}/articles/{hostile.id}")
    # the markup is shown as text, not turned into elements
    assert "<script>alert('text')</script>" in page.locator("#s0").inner_text()
    assert page.locator(".article-text a, .article-text img, .article-text script").count() == 0
    # the javascript: URL is shown, never linked
    assert page.locator("a[href^='javascript']").count() == 0


def test_stories_list_refreshes_when_the_store_changes(live_server, page):
    """Another process (here: the test) adds a story; the open list shows it without a reload."""
    from datetime import datetime, timezone

    from playwright.sync_api import expect

    from newsfuse.records import Article, Sentence, Story, article_id_for
    from newsfuse.store import Store

    base, _, db = live_server
    page.goto(base + "/")
    rows = page.locator("table.stories tbody tr")
    expect(rows).to_have_count(2)

    text = "Harbour cranes stopped work on Friday after a power cut."
    aid = article_id_for(text)
    art = Article(id=aid, text=text, title="Power cut halts harbour cranes", outlet="Marlow Times",
                  published=datetime(2025, 4, 5, 9, tzinfo=timezone.utc), story_id="st-cranes",
                  sentences=[Sentence(aid, 0, text, 0, len(text))])
    store = Store(db)
    try:
        with store.transaction() as conn:
            store.add_articles(conn, [art])
            store.save_stories(conn, [Story(id="st-cranes", article_ids=[aid], title=art.title,
                                            first_seen=art.published, last_seen=art.published)])
    finally:
        store.close()

    expect(rows).to_have_count(3, timeout=15000)
    expect(page.locator("a.story-link").first).to_have_text("Power cut halts harbour cranes")
    expect(page.locator("#live-note")).to_be_visible()


def test_upload_page_adds_articles_and_links_the_story(live_server, page):
    """The JS upload path: token header, progress bar, result with links to the changed story."""
    from playwright.sync_api import expect

    base, _, _ = live_server
    page.goto(base + "/add")
    page.fill("#token", "wrong")
    page.set_input_files("#files", str(Path(__file__).parent / "fixtures" / "upload.jsonl"))
    page.click("#add-submit")
    expect(page.locator("#add-result .problems")).to_contain_text("wrong token")

    page.fill("#token", "test-token-123")
    page.click("#add-submit")
    expect(page.locator("#add-result .ok")).to_have_text("2 new, 0 already stored.", timeout=60000)
    expect(page.locator("#progress-text")).to_have_text("Done.")
    page.locator("#add-result a").first.click()
    page.wait_for_url("**/stories/*")
    expect(page.locator("h1")).to_contain_text("Ostra")
