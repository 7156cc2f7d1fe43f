"""The story page shows reported (indirect) speech without quotation marks (invented text)."""

from newsfuse.store import Store

from .conftest import TOKEN, cite, ferry_brief, load_fixture_articles


def _story_page(db, brief) -> str:
    """The story page of ``brief``, saved into the seeded store as story st-ferry."""
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    store = Store(db)
    try:
        store.save_brief("st-ferry", brief)
    finally:
        store.close()
    with TestClient(create_app(str(db), token=TOKEN)) as client:
        return client.get("/stories/st-ferry").text


def test_story_page_shows_reported_speech_as_such(seeded):
    db, _ = seeded
    _, arts = load_fixture_articles()
    brief = ferry_brief(arts)
    fb = arts["ferry-b"]
    brief["quotes"].append({"speaker": "Ola Brenn", "text": "the ferry would be towed to port on Friday.",
                            "citations": [cite(fb, 1)], "direct": False})
    page = _story_page(db, brief)
    assert "“The captain acted quickly and nobody is missing”" in page  # direct, no "direct" key
    assert "Ola Brenn said the ferry would be towed to port on Friday." in page
    assert "“the ferry would be towed" not in page


def test_story_page_marks_a_figure_only_the_learned_reader_found(seeded):
    db, _ = seeded
    _, arts = load_fixture_articles()
    brief = ferry_brief(arts)
    reports = brief["facts"][0]["reports"]
    reports[0]["method"] = "learned"
    page = _story_page(db, brief)
    assert page.count("learned reader, unconfirmed") == 1
