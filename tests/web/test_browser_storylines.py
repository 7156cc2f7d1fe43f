"""Real headless Chromium: from a story to its storyline, and from the storyline to a cited sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.pipeline import ingest
from newsfuse.store import Store

from .conftest import CHROMIUM, serving

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events7" / "articles.jsonl"
HIGHLIGHT = "rgb(255, 233, 122)"  # --hl in style.css


@pytest.fixture
def lines_server(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    db = tmp_path / "lines.db"
    with Store(str(db)) as store:
        ingest([FIXTURE], store)
        rows, _ = store.list_storylines()
    with serving(db) as base:
        yield base, rows


def test_story_page_leads_to_its_storyline_and_on_to_a_cited_sentence(lines_server, page):
    base, rows = lines_server
    line = max(rows, key=lambda r: r.n_stories)
    page.goto(f"{base}/stories/{line.story_ids[-1]}")
    page.click("a.storyline-link")
    page.wait_for_url(f"**/storylines/{line.id}")
    stories = page.locator("section.story")
    assert stories.count() == line.n_stories
    assert [stories.nth(k).locator("h2 a").get_attribute("href") for k in range(stories.count())] == \
        [f"/stories/{sid}" for sid in line.story_ids]
    days = page.locator("#timeline time").all_inner_texts()
    assert days == sorted(days)
    cite = page.locator("section.story .summary-item a.cite").first
    cited = cite.get_attribute("title").split(": ", 1)[1]
    cite.click()
    page.wait_for_url("**/articles/*?hl=*")
    hl = page.locator(".article-text [id^=s]").filter(has_text=cited[:40]).first
    assert hl.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
