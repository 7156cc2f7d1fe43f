"""Wire copy carried word for word by two outlets: both are sources, the second a duplicate."""

import json

from newsfuse import pipeline
from newsfuse.ingest.meta import find_dateline
from newsfuse.store import Store

BODY = ("HALDEN, March 4 (Northern Wire Service) - At least nine people died when a footbridge collapsed "
        "over the Vess river on Monday, police said.\n\nRescuers pulled 14 people from the water, the fire "
        "service said.")


def test_the_same_text_from_two_outlets_is_two_sources(tmp_path):
    feed = tmp_path / "feed.jsonl"
    recs = [{"url": "https://www.first.example/bridge", "title": "Nine dead as footbridge collapses",
             "published": "2025-03-04T10:00:00", "text": BODY},
            {"url": "https://www.second.example/news/bridge", "title": "Footbridge collapse kills nine",
             "published": "2025-03-04T11:00:00", "text": BODY}]
    feed.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    with Store(tmp_path / "w.db") as store:
        report = pipeline.ingest([feed], store)
        assert len(report.new) == 2
        arts = sorted(store.all_articles(), key=lambda a: a.url)
        assert arts[0].duplicate_of is None and arts[1].duplicate_of == arts[0].id
        assert len(pipeline.ingest([feed], store).new) == 0  # the same file again: nothing new


def test_a_full_dateline_names_an_agency_we_do_not_know():
    assert find_dateline(BODY)["wire"] == "Northern Wire Service"
    assert find_dateline("The union said (AP) - talks failed.") is None
