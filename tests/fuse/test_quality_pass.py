"""Quality pass on fusion: background figures and which quotes a brief shows (invented text)."""

from datetime import date, datetime, timezone

from newsfuse.fuse import build_brief
from newsfuse.fuse.facts import fuse_claims
from newsfuse.records import Extraction, Quote, Story

from .conftest import claim, make_article, sent_idx

_WED = datetime(2031, 3, 5, 12, tzinfo=timezone.utc)


def _article():
    return make_article("Dale Gazette", "Tunnel flood", _WED, [[
        "Nine workers were killed when the Orren tunnel flooded on Tuesday, officials said.",
        "A 2019 flood in the same tunnel killed 14 people.",
        "“Dozens,” said one rescuer.",
        "“We pumped water all night and we are still not through,” site manager Ada Kell said.",
        "“The water came in faster than anyone had planned for,” one worker told the paper.",
        "The operator said that it had inspected the pumps in February and found no fault.",
        "The union called it “terrorist negligence” in a statement.",
    ]])


def test_figure_about_an_earlier_event_is_not_a_key_fact():
    art = _article()
    claims = [
        claim(art, "Nine workers", "people killed", "Nine", 9, as_of=date(2031, 3, 4)),
        claim(art, "A 2019 flood", "people killed", "14", 14, as_of=date(2019, 1, 1)),
    ]
    facts = fuse_claims(claims, {art.id: art})
    assert [(f.quantity, f.status, [r.value for r in f.reports]) for f in facts] == [
        ("people killed", "single", ["Nine"])]


def test_recent_figure_a_few_days_old_is_kept():
    art = _article()
    claims = [claim(art, "Nine workers", "people killed", "Nine", 9, as_of=date(2031, 2, 20))]
    assert len(fuse_claims(claims, {art.id: art})[0].reports) == 1


def test_brief_quotes_are_substantial_speaker_first():
    art = _article()

    def q(fragment, text, speaker, direct=True):
        i = sent_idx(art, fragment)
        return Quote(art.id, i, text, speaker=speaker, direct=direct, sentence_text=art.sentences[i].text)

    quotes = [
        q("Dozens", "Dozens,", "rescuer"),
        q("The union", "terrorist negligence", "union"),
        q("The operator", "it had inspected the pumps in February and found no fault.", "operator", direct=False),
        q("The water came", "The water came in faster than anyone had planned for,", None),
        q("We pumped", "We pumped water all night and we are still not through,", "Ada Kell"),
    ]
    brief = build_brief(Story("s-orren", [art.id]), [art], Extraction(quotes=quotes))
    assert [(b.speaker, b.text.split()[0]) for b in brief.quotes] == [
        ("Ada Kell", "We"), (None, "The"), ("operator", "it")]


def test_short_whole_statements_with_a_speaker_are_shown_fragments_are_not():
    from newsfuse.extract import extract

    art = make_article("Vell Courier", "Ferry sinks in Vell harbour", _WED, [[
        "A ferry sank in Vell harbour on Tuesday night, the coastguard said.",
        "“We are devastated,” mayor Lotte Brandt said.",
        "Harbour master Ivo Santer said: “Nobody saw it coming.”",
        "“Dozens,” said one rescuer.",
        "The union called the timetable “a disgrace” on Wednesday.",
        "“It happened so fast,” a passenger said.",
        "Brandt described the crew as “Heroic beyond words” in a statement.",
        "“The pumps failed”, chief engineer Mara Olt said.",
    ]])
    brief = build_brief(Story("s-vell", [art.id]), [art], extract([art]))
    shown = {b.text.rstrip(",.”") for b in brief.quotes}
    assert {"We are devastated", "Nobody saw it coming", "The pumps failed"} <= shown
    assert not shown & {"Dozens", "a disgrace", "Heroic beyond words"}
    assert all(b.speaker for b in brief.quotes if len(b.text.split()) < 6)
