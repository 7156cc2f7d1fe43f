"""Figures only the learned reader found: marked wherever the brief shows them, and never the
cause of a conflict the rules' readings do not show; and one source named alike in every section."""
import json
from datetime import date, datetime, timezone

from newsfuse.fuse.facts import fuse_claims
from newsfuse.records import Brief, Citation, Fact, Report, Source
from newsfuse.render import from_json, to_html, to_json, to_markdown
from newsfuse.render.contract import validate_brief

from .test_facts import _art, _claim


def test_a_learned_figure_against_the_rules_readings_is_left_out_of_the_row():
    a = _art("Outlet A", 4, 9, "Police said 10 people were missing.")
    b = _art("Outlet B", 4, 9, "Ten people were missing, including two children from one family.")
    rule_a, rule_b = _claim(a, "10", 10, date(2031, 3, 4)), _claim(b, "Ten", 10, date(2031, 3, 4))
    learned = _claim(b, "two", 2, date(2031, 3, 4))
    learned.method = "learned"
    facts = fuse_claims([rule_a, rule_b, learned], {a.id: a, b.id: b})
    assert facts[0].status == "agree"
    assert [r.value for r in facts[0].reports] == ["10", "Ten"]


def test_a_learned_figure_that_matches_the_rules_or_stands_alone_is_kept_and_marked():
    a = _art("Outlet A", 4, 9, "Police said 10 people were missing.")
    b = _art("Outlet B", 4, 9, "Searchers were still looking for 10 people.")
    learned = _claim(b, "10", 10, date(2031, 3, 4))
    learned.method = "learned"
    facts = fuse_claims([_claim(a, "10", 10, date(2031, 3, 4)), learned], {a.id: a, b.id: b})
    assert facts[0].status == "agree"
    assert sorted(r.method for r in facts[0].reports) == ["learned", "rules"]
    alone = fuse_claims([learned], {b.id: b})
    assert alone[0].status == "single" and alone[0].reports[0].method == "learned"


def _brief_with(method: str) -> Brief:
    cite = Citation("a1", 0, "Crews found 7 people in the rubble.")
    report = Report("a1", "Outlet A", "7", 7, None, None, None, cite, method=method)
    src = Source("a1", "Outlet A", "Rubble search", datetime(2031, 3, 4, 9, tzinfo=timezone.utc), None, None, None)
    return Brief(story_id="s-000000000001", headline="Rubble search", generated_at=datetime(2031, 3, 4, 10, tzinfo=timezone.utc),
                 facts=[Fact("people rescued", "single", [report])], sources=[src])


def test_every_format_shows_that_only_the_learned_reader_read_it():
    b = _brief_with("learned")
    assert "learned reader" in to_markdown(b)
    assert "learned reader" in to_html(b)
    doc = json.loads(json.dumps(to_json(b)))
    assert doc["facts"][0]["reports"][0]["method"] == "learned" and not validate_brief(doc)
    assert from_json(doc).facts[0].reports[0].method == "learned"
    assert "learned reader" not in to_markdown(_brief_with("rules"))


def test_markdown_sources_name_an_outlet_less_source_by_its_file_as_the_key_facts_do():
    b = _brief_with("rules")
    b.sources[0].outlet = None
    b.sources[0].path = "/data/kelby-bulletin.txt"
    b.facts[0].reports[0].outlet = None
    md = to_markdown(b)
    assert "unknown outlet" not in md
    assert md.count("kelby-bulletin.txt") >= 3  # key facts, sources (name and path)
