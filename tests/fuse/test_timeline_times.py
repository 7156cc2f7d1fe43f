"""A live blog's entries are stamped to the minute; a timeline item taken from one keeps that
time (shown "2026-03-04 14:05") and, within a day, items follow the order the entries were
posted. The live blog and the report here are invented."""

import json
from datetime import date, datetime, timedelta, timezone

from newsfuse import pipeline
from newsfuse.fuse.storyline import merged_timeline
from newsfuse.fuse.timeline import build_timeline
from newsfuse.ingest import read_paths
from newsfuse.records import Brief, Citation, StorylineBrief, TimelineItem
from newsfuse.render import from_json, storyline_to_json, to_html, to_json, to_markdown
from newsfuse.render.contract import validate_brief

CET = timezone(timedelta(hours=1))

# newest entry first, as live pages list them
LIVE = """<!doctype html><html><head><meta charset='utf-8'>
<title>Live: Brenmoor dam breach - latest updates</title>
<meta property='og:site_name' content='Valley Courier'>
<meta property='article:published_time' content='2026-03-04T07:30:00+01:00'></head><body><article>
<h1>Live: Brenmoor dam breach - latest updates</h1>
<div class='live-entry'><time datetime='2026-03-05T10:40:00+01:00'>10:40</time>
<p>The fire service said on Wednesday evening that the breach in the dam wall was twelve metres wide.</p></div>
<div class='live-entry'><time datetime='2026-03-05T09:30:00+01:00'>09:30</time>
<p>Engineers began pumping water out of the flooded Brenmoor pumping station on Thursday morning, the water authority said.</p></div>
<div class='live-entry'><time datetime='2026-03-04T14:05:00+01:00'>14:05</time>
<p>About 600 residents of lower Brenmoor were evacuated to the town sports hall after the dam wall gave way on Wednesday.</p></div>
<div class='live-entry'><time datetime='2026-03-04T08:10:00+01:00'>08:10</time>
<p>Water began pouring through a breach in the Brenmoor dam wall early on Wednesday, the fire service said.</p></div>
</article></body></html>"""


def _blog(tmp_path):
    (tmp_path / "live.html").write_text(LIVE)
    (blog,) = [a for a in read_paths([tmp_path / "live.html"])]
    assert blog.is_liveblog and len(blog.entries) == 4
    return blog


def test_items_from_live_entries_keep_their_time_and_follow_it_within_a_day(tmp_path):
    blog = _blog(tmp_path)
    items = build_timeline([blog], [], per_date=3, min_words=3)
    got = [(t.date.isoformat(), t.time and f"{t.time:%H:%M}", t.text.split()[0]) for t in items]
    # Wednesday's two entries in the order they were posted (the page lists them newest first);
    # the 10:40 entry of Thursday tells of Wednesday: dated Wednesday, with no hour of its own
    assert got == [("2026-03-04", None, "The"), ("2026-03-04", "08:10", "Water"), ("2026-03-04", "14:05", "About"),
                   ("2026-03-05", "09:30", "Engineers")]
    assert items[1].time == datetime(2026, 3, 4, 8, 10, tzinfo=CET)


def test_a_live_blogs_brief_shows_the_time_in_every_format(tmp_path):
    _blog(tmp_path)
    (brief,) = pipeline.brief([tmp_path / "live.html"])
    timed = [t for t in brief.timeline if t.time is not None]
    assert timed, [(t.date, t.text) for t in brief.timeline]
    t = timed[0]
    label = f"{t.date.isoformat()} {t.time:%H:%M}"
    assert f"- **{label}** — " in to_markdown(brief)
    assert f'<time datetime="{t.time.isoformat()}">{label}</time>' in to_html(brief)
    doc = json.loads(json.dumps(to_json(brief)))
    assert validate_brief(doc) == []
    item = next(i for i in doc["timeline"] if i["text"] == t.text)
    assert item["time"] == t.time.isoformat() and item["date"] == t.date.isoformat()
    assert from_json(doc).timeline == brief.timeline  # the store's cache keeps the time


def test_the_time_is_an_optional_field_of_the_contract():
    item = {"date": "2026-03-04", "text": "Water poured through the breach.",
            "citations": [{"article_id": "a1", "sentence": 0, "text": "Water poured through the breach."}]}
    brief = Brief("s-1", "Dam breach", datetime(2026, 3, 5, tzinfo=timezone.utc))
    doc = {**to_json(brief), "timeline": [item]}  # a brief written before the field existed
    assert validate_brief(doc) == [] and from_json(doc).timeline[0].time is None
    assert validate_brief({**doc, "timeline": [{**item, "time": None}]}) == []
    assert validate_brief({**doc, "timeline": [{**item, "time": "2026-03-04T14:05:00+01:00"}]}) == []
    assert validate_brief({**doc, "timeline": [{**item, "time": "14:05"}]}) == \
        ["timeline[0].time: expected an ISO-8601 datetime or null"]
    assert validate_brief({**doc, "timeline": [{**item, "time": "2026-03-05T09:30:00+01:00"}]}) == \
        ["timeline[0].time: not on the item's date '2026-03-04'"]


def test_a_storyline_orders_its_stories_items_of_one_day_by_time():
    def brief(sid, *items):
        return Brief(sid, sid, datetime(2026, 3, 5, tzinfo=timezone.utc), timeline=list(items))

    def item(text, hour=None):
        when = datetime(2026, 3, 4, hour, 0, tzinfo=CET) if hour is not None else None
        return TimelineItem(date(2026, 3, 4), text, [Citation("a", 0, text)], when)

    first = brief("s-1", item("Late entry of the first story.", 18))
    second = brief("s-2", item("A report's account of the day."), item("Early entry of the second story.", 8))
    line = merged_timeline([first, second])
    assert [e.item.text.split()[0] for e in line] == ["A", "Early", "Late"]
    doc = storyline_to_json(StorylineBrief("l-1", "Dam", first.generated_at, [first, second], line))
    assert [e["time"] for e in doc["timeline"]] == [None, "2026-03-04T08:00:00+01:00", "2026-03-04T18:00:00+01:00"]


def test_the_web_page_of_a_live_blogs_story_shows_the_time(tmp_path):
    from fastapi.testclient import TestClient

    from newsfuse.store import Store
    from newsfuse.web.app import create_app

    _blog(tmp_path)
    db = tmp_path / "w.db"
    with Store(db) as store:
        pipeline.ingest([tmp_path / "live.html"], store)
        (sid,) = store.story_ids()
        doc = store.get_brief(sid)
    timed = [t for t in doc["timeline"] if t.get("time")]
    assert timed
    with TestClient(create_app(str(db))) as client:
        page = client.get(f"/stories/{sid}").text
    t = timed[0]
    assert f'<time datetime="{t["time"]}">{t["date"]} {t["time"][11:16]}</time>' in page
