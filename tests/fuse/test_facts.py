"""Claim fusion: statuses, notes, duplicates and wire copies."""

import re
from datetime import date, datetime, timezone

from newsfuse.fuse import build_brief
from newsfuse.fuse.facts import fuse_claims
from newsfuse.records import Claim

from .conftest import claim, make_article


def _facts(ev):
    brief = build_brief(ev.story, ev.articles, ev.extraction, ev.duplicates)
    return {f.quantity: f for f in brief.facts}


def test_statuses_of_the_invented_event(event):
    facts = _facts(event)
    assert facts["people injured"].status == "conflict"
    assert facts["people killed"].status == "evolving"
    assert facts["cars on the bridge"].status == "agree"  # "at least 20" and "Twenty" state 20
    assert facts["rescuers deployed"].status == "single"


def test_conflict_note_names_the_outlet_that_disagrees(event):
    note = _facts(event)["people injured"].note
    assert note == "Harbour Post reports 45; the others report 30."


def test_evolving_note_orders_figures_by_time(event):
    note = _facts(event)["people killed"].note
    assert note.index("Eight") < note.index("12")
    assert "2031-03-04" in note and "Daily Ledger" in note


def test_duplicate_article_is_not_a_source_of_reports(event):
    killed = _facts(event)["people killed"]
    outlets = [r.outlet for r in killed.reports]
    assert "Northern Times" not in outlets
    assert sorted(outlets) == ["Coastal Wire", "Daily Ledger", "Meridian Herald"]


def test_reports_carry_who_when_and_the_exact_sentence(event):
    killed = _facts(event)["people killed"]
    ledger = next(r for r in killed.reports if r.outlet == "Daily Ledger")
    assert (ledger.value, ledger.number, ledger.as_of, ledger.attribution) == (
        "12", 12, date(2031, 3, 5), "emergency service")
    sent = event.ledger.sentences[ledger.citation.sentence]
    assert ledger.citation.text == sent.text and ledger.article_id == event.ledger.id
    herald = next(r for r in killed.reports if r.outlet == "Meridian Herald")
    assert herald.qualifier == "at least"


def _art(outlet, day, hour, sentence):
    return make_article(outlet, f"{outlet} title", datetime(2031, 3, day, hour, tzinfo=timezone.utc),
                        [[sentence]])


def _claim(a, value, number, as_of=None, qualifier=None, attribution=None, vague=False, low=None, high=None):
    return Claim(a.id, 0, "people missing", value, number=number, as_of=as_of, qualifier=qualifier,
                 attribution=attribution, vague=vague, low=low, high=high, text=a.sentences[0].text)


def test_same_time_different_authorities_is_conflict():
    a = _art("Outlet A", 4, 9, "Police said 10 people were missing.")
    b = _art("Outlet B", 4, 9, "The ministry said 16 people were missing.")
    facts = fuse_claims([_claim(a, "10", 10, date(2031, 3, 4), attribution="police"),
                         _claim(b, "16", 16, date(2031, 3, 4), attribution="ministry")],
                        {a.id: a, b.id: b})
    assert facts[0].status == "conflict"


def test_every_part_of_a_conflict_note_has_its_verb():
    a = _art("Outlet A", 4, 9, "Police said 10 people were missing.")
    b = _art("Outlet B", 4, 9, "The ministry said 16 people were missing.")
    c = _art("Outlet C", 4, 9, "Officials said 16 people were missing.")
    d = _art("Outlet D", 4, 9, "Rescuers said 16 people were missing.")
    e = _art("Outlet E", 4, 9, "Police said 10 people were missing.")
    arts = {x.id: x for x in (a, b, c, d, e)}
    day = date(2031, 3, 4)
    two = fuse_claims([_claim(a, "10", 10, day), _claim(b, "16", 16, day)], arts)
    assert two[0].note == "Outlet B reports 16; Outlet A reports 10."
    many = fuse_claims([_claim(x, v, n, day) for x, v, n in
                        [(a, "10", 10), (b, "16", 16), (c, "16", 16), (d, "16", 16), (e, "10", 10)]], arts)
    assert many[0].note == "Outlet A and Outlet E report 10; the others report 16."
    three = fuse_claims([_claim(x, v, n, day) for x, v, n in
                         [(a, "10", 10), (b, "16", 16), (c, "16", 16), (d, "16", 16), (e, "12", 12)]], arts)
    first, second, last = three[0].note.split("; ")
    assert (first, second) == ("Outlet A reports 10", "Outlet E reports 12")
    assert re.fullmatch(r"Outlet [BCD], Outlet [BCD] and Outlet [BCD] report 16\.", last)
    f = _art("Outlet F", 4, 9, "Police said 11 people were missing.")
    g = _art("Outlet G", 4, 9, "Police said 13 people were missing.")
    arts.update({f.id: f, g.id: g})
    five = fuse_claims([_claim(x, v, n, day) for x, v, n in
                        [(a, "10", 10), (b, "16", 16), (c, "16", 16), (d, "16", 16), (e, "12", 12),
                         (f, "11", 11), (g, "13", 13)]], arts)
    assert "; 1 more source reports another figure; " in five[0].note


def test_figures_written_at_a_sentence_start_read_in_lower_case_inside_the_note():
    a = _art("Outlet A", 4, 9, "About 150 people were missing, police said.")
    b = _art("Outlet B", 4, 9, "Fourteen thousand people were missing, officials said.")
    day = date(2031, 3, 4)
    facts = fuse_claims([_claim(a, "About 150", 150, day, qualifier="about"),
                         _claim(b, "Fourteen thousand", 14000, day)], {a.id: a, b.id: b})
    assert facts[0].note == "Outlet A reports about 150; Outlet B reports fourteen thousand."
    assert [r.value for r in facts[0].reports] == ["About 150", "Fourteen thousand"]  # reports keep the text


def test_publish_times_explain_a_rising_figure_without_as_of():
    a = _art("Outlet A", 4, 9, "Ten people were missing.")
    b = _art("Outlet B", 5, 9, "Sixteen people were missing.")
    facts = fuse_claims([_claim(a, "Ten", 10), _claim(b, "Sixteen", 16)], {a.id: a, b.id: b})
    assert facts[0].status == "evolving"
    assert facts[0].reports[0].as_of is None  # the brief never invents an as-of date


def test_a_figure_that_goes_back_and_forth_is_conflict():
    a = _art("Outlet A", 4, 9, "Ten people were missing.")
    b = _art("Outlet B", 5, 9, "Sixteen people were missing.")
    c = _art("Outlet C", 6, 9, "Ten people were missing, officials said.")
    facts = fuse_claims([_claim(a, "Ten", 10), _claim(b, "Sixteen", 16), _claim(c, "Ten", 10)],
                        {x.id: x for x in (a, b, c)})
    assert facts[0].status == "conflict"


def test_vague_amount_agrees_with_a_figure_inside_its_span_only():
    a = _art("Outlet A", 4, 9, "Dozens of people were missing.")
    b = _art("Outlet B", 4, 9, "Thirty people were missing.")
    c = _art("Outlet C", 4, 9, "Five people were missing.")
    arts = {x.id: x for x in (a, b, c)}
    d = date(2031, 3, 4)
    agree = fuse_claims([_claim(a, "dozens", None, d, vague=True), _claim(b, "Thirty", 30, d)], arts)
    assert agree[0].status == "agree"
    clash = fuse_claims([_claim(a, "dozens", None, d, vague=True), _claim(c, "Five", 5, d)], arts)
    assert clash[0].status == "conflict"


def test_one_outlet_alone_is_single_and_a_shared_wire_sentence_counts_once():
    text = "Rescuers said 7 people were missing after the flood."
    a = _art("Outlet A", 4, 9, text)
    b = _art("Outlet B", 4, 10, text)
    arts = {a.id: a, b.id: b}
    claims = [_claim(a, "7", 7), _claim(b, "7", 7)]
    roots = {(a.id, 0): (a.id, 0), (b.id, 0): (a.id, 0)}
    wire = fuse_claims(claims, arts, copy_root=roots)
    assert wire[0].status == "single"
    assert "Outlet A" in wire[0].note and "Outlet B" in wire[0].note
    independent = fuse_claims(claims, arts)
    assert independent[0].status == "agree"
    alone = fuse_claims(claims[:1], arts)
    assert alone[0].status == "single" and alone[0].note is None


def test_unbounded_vague_amount_is_no_disagreement():
    a = _art("Outlet A", 4, 9, "Many people were missing.")
    b = _art("Outlet B", 4, 9, "Thirty people were missing.")
    facts = fuse_claims([_claim(a, "many", None, vague=True), _claim(b, "Thirty", 30)], {a.id: a, b.id: b})
    assert facts[0].status == "agree"


def test_live_blog_entries_explain_a_toll_rising_within_one_day():
    from newsfuse.records import Entry

    blog = make_article("Live Desk", "Live", datetime(2031, 3, 4, 8, tzinfo=timezone.utc),
                        [["Police said 8 people were missing."], ["Police now say 12 people are missing."]])
    first, second = blog.sentences
    blog.entries = [Entry(first.text, first.start, first.end, time=datetime(2031, 3, 4, 10, tzinfo=timezone.utc)),
                    Entry(second.text, second.start, second.end, time=datetime(2031, 3, 4, 18, tzinfo=timezone.utc))]
    first.entry, second.entry = 0, 1
    claims = [Claim(blog.id, 0, "people missing", "8", number=8, text=first.text),
              Claim(blog.id, 1, "people missing", "12", number=12, text=second.text)]
    facts = fuse_claims(claims, {blog.id: blog})
    assert facts[0].status == "evolving"
    assert [r.value for r in facts[0].reports] == ["8", "12"]
    blog.entries[1].time = blog.entries[0].time  # same moment, two figures, but one source only
    alone = fuse_claims(claims, {blog.id: blog})[0]
    assert alone.status == "single" and "Varies within one source" in alone.note
    other = _art("Outlet B", 4, 10, "Police said 10 people were missing.")
    claims.append(_claim(other, "10", 10))  # a second source matching neither figure: a conflict
    assert fuse_claims(claims, {blog.id: blog, other.id: other})[0].status == "conflict"


def test_several_dozen_and_dozens_agree():
    a = _art("Outlet A", 4, 9, "Several dozen people were missing.")
    b = _art("Outlet B", 4, 9, "Dozens of people were missing.")
    d = date(2031, 3, 4)
    facts = fuse_claims([_claim(a, "Several dozen", None, d, vague=True),
                         _claim(b, "Dozens", None, d, vague=True)], {a.id: a, b.id: b})
    assert facts[0].status == "agree"


def test_one_outlet_stating_a_figure_twice_is_one_report():
    art = make_article("Outlet A", "t", datetime(2031, 3, 4, 9, tzinfo=timezone.utc),
                       [["Twelve people were missing on Tuesday.", "Police confirmed that 12 people were missing."]])
    d = date(2031, 3, 4)
    claims = [Claim(art.id, 0, "people missing", "Twelve", number=12, as_of=d, text=art.sentences[0].text),
              Claim(art.id, 1, "people missing", "12", number=12, as_of=d, text=art.sentences[1].text)]
    facts = fuse_claims(claims, {art.id: art})
    assert len(facts[0].reports) == 1 and facts[0].status == "single"


def test_unknown_outlet_is_named_by_its_file_not_invented():
    a = _art("Outlet A", 4, 9, "Ten people were missing.")
    b = _art("Outlet B", 4, 9, "Sixteen people were missing.")
    b.outlet = None
    b.path = "/in/feed/story_b.txt"
    d = date(2031, 3, 4)
    facts = fuse_claims([_claim(a, "Ten", 10, d), _claim(b, "Sixteen", 16, d)], {a.id: a, b.id: b})
    assert facts[0].status == "conflict"
    assert [r.outlet for r in facts[0].reports if r.article_id == b.id] == [None]
    assert "story_b.txt" in facts[0].note


def _figures(*rows):
    """(outlet, quantity, value, number, qualifier) rows -> claims and their articles."""
    arts, claims = {}, []
    for outlet, quantity, value, number, qualifier in rows:
        text = f"Officials gave {value} as the figure for {quantity}."
        art = make_article(outlet, "t", datetime(2031, 3, 4, 9, tzinfo=timezone.utc), [[text]])
        arts[art.id] = art
        claims.append(Claim(article_id=art.id, sentence=0, quantity=quantity, value=value, number=number,
                            qualifier=qualifier, as_of=date(2031, 3, 4), text=text))
    return claims, arts


def test_people_absorbs_one_specific_group_when_figures_agree():
    claims, arts = _figures(("Coastal Wire", "people detained", "2,000", 2000, None),
                            ("Daily Ledger", "people detained", "about 2,000", 2000, "about"),
                            ("Atlas News", "protesters detained", "around 2,000", 2000, "about"))
    facts = {f.quantity: f for f in fuse_claims(claims, arts)}
    assert list(facts) == ["people detained"]
    assert facts["people detained"].status == "agree"
    assert len(facts["people detained"].reports) == 3
    assert "Atlas News counts them as protesters." in facts["people detained"].note


def test_people_and_a_specific_group_stay_apart_when_figures_differ_or_groups_are_several():
    claims, arts = _figures(("Coastal Wire", "people killed", "50", 50, None),
                            ("Daily Ledger", "children killed", "12", 12, None))
    assert {f.quantity for f in fuse_claims(claims, arts)} == {"people killed", "children killed"}
    claims, arts = _figures(("Coastal Wire", "people killed", "dozens", None, None),
                            ("Daily Ledger", "protesters killed", "dozens", None, None),
                            ("Harbour Post", "attackers killed", "dozens", None, None))
    assert len(fuse_claims(claims, arts)) == 3


def test_a_death_toll_that_falls_later_is_disputed_but_a_falling_evacuee_count_evolves():
    from dataclasses import replace

    a = _art("Outlet A", 4, 9, "Several dozen people were killed, witnesses said.")
    b = _art("Outlet B", 5, 9, "About 10 people were killed, the ministry said.")
    arts = {a.id: a, b.id: b}
    killed = [replace(_claim(a, "Several dozen", None, vague=True), quantity="people killed"),
              replace(_claim(b, "About 10", 10, qualifier="about"), quantity="people killed")]
    assert fuse_claims(killed, arts)[0].status == "conflict"
    evacuated = [replace(c, quantity="people evacuated") for c in killed]  # people going home
    assert fuse_claims(evacuated, arts)[0].status == "evolving"
    rising = [replace(c, quantity="people killed") for c in
              (_claim(a, "10", 10), _claim(b, "Several dozen", None, vague=True))]
    assert fuse_claims(rising, arts)[0].status == "evolving"


def _blackout_story(lead_names_storm: bool):
    """Two reports of a substation fire; one recalls the storm of the week before in a clause."""
    storm_lead = "Storm Pellow cut power to the coast again on Friday." if lead_names_storm else \
        "A substation fire cut power to 90,000 homes on Friday."
    a = make_article("Coast Wire", "Storm Pellow: substation fire" if lead_names_storm else "Substation fire blacks out coast",
                     datetime(2031, 3, 7, 9, tzinfo=timezone.utc),
                     [[storm_lead, "Homes had only just got power back after Storm Pellow, which killed two people, "
                                   "swept the coast on Monday."]])
    b = make_article("Harbour Post", "Storm Pellow and the dark coast" if lead_names_storm else "Coast in the dark again",
                     datetime(2031, 3, 7, 10, tzinfo=timezone.utc),
                     [[storm_lead, "Engineers worked through the night at the Dunlin Road site."]])
    c = claim(a, "Storm Pellow, which killed", "people killed", "two", 2, as_of=date(2031, 3, 3))
    return fuse_claims([c], {a.id: a, b.id: b})


def test_a_named_other_event_in_a_clause_stays_out_of_the_key_facts():
    assert _blackout_story(lead_names_storm=False) == []


def test_the_story_that_leads_with_the_name_keeps_the_clause_figure():
    facts = _blackout_story(lead_names_storm=True)
    assert [(f.quantity, f.reports[0].value) for f in facts] == [("people killed", "two")]


def test_a_date_before_the_clause_is_no_other_event():
    a = _art("Coast Wire", 7, 9, "The quarry blast on 14 March, which killed six workers, shut the valley road.")
    b = _art("Harbour Post", 7, 10, "The valley road reopened on Friday.")
    c = claim(a, "which killed six", "workers killed", "six", 6)
    assert [f.reports[0].value for f in fuse_claims([c], {a.id: a, b.id: b})] == ["six"]
