"""The story page shows reported (indirect) speech without quotation marks (invented text)."""

from newsfuse.store import Store

from .conftest import TOKEN, cite, ferry_brief, load_fixture_articles


def test_story_page_shows_reported_speech_as_such(seeded):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db, _ = seeded
    _, arts = load_fixture_articles()
    brief = ferry_brief(arts)
    fb = arts["ferry-b"]
    brief["quotes"].append({"speaker": "Ola Brenn", "text": "the ferry would be towed to port on Friday.",
                            "citations": [cite(fb, 1)], "direct": False})
    store = Store(db)
    try:
        store.save_brief("st-ferry", brief)
    finally:
        store.close()
    with TestClient(create_app(str(db), token=TOKEN)) as client:
        page = client.get("/stories/st-ferry").text
    assert "“The captain acted quickly and nobody is missing”" in page  # direct, no "direct" key
    assert "Ola Brenn said the ferry would be towed to port on Friday." in page
    assert "“the ferry would be towed" not in page


def test_story_page_marks_a_figure_only_the_learned_reader_found(seeded):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db, _ = seeded
    _, arts = load_fixture_articles()
    brief = ferry_brief(arts)
    reports = brief["facts"][0]["reports"]
    reports[0]["method"] = "learned"
    store = Store(db)
    try:
        store.save_brief("st-ferry", brief)
    finally:
        store.close()
    with TestClient(create_app(str(db), token=TOKEN)) as client:
        page = client.get("/stories/st-ferry").text
    assert page.count("learned reader, unconfirmed") == 1
