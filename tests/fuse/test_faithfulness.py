"""Faithfulness of the brief (invented text): whose words a quote is, reported speech, and when a
difference between figures is a conflict at all."""

from datetime import date, datetime, timezone

from newsfuse.fuse import build_brief
from newsfuse.fuse.facts import fuse_claims
from newsfuse.records import Claim, Entity, Extraction, Quote, Story

from .conftest import make_article, sent_idx

_TUE = datetime(2031, 5, 6, 9, tzinfo=timezone.utc)
_WED = datetime(2031, 5, 7, 9, tzinfo=timezone.utc)


def _quote(art, fragment, text, speaker=None, role=None, direct=True):
    i = sent_idx(art, fragment)
    return Quote(art.id, i, text, speaker=speaker, role=role, direct=direct,
                 sentence_text=art.sentences[i].text)


def _brief(arts, quotes=(), claims=(), people=(), not_analysed=None):
    ext = Extraction(claims=list(claims), quotes=list(quotes),
                     entities=[Entity(n, "person", 1, variants=[n, n.split()[-1]]) for n in people],
                     not_analysed=dict(not_analysed or {}))
    return build_brief(Story("s-t", [a.id for a in arts]), arts, ext)


# --- 1. quotes of different speakers are never merged ---------------------------------------------

def _school_articles():
    a = make_article("Vale Courier", "Schools to reopen", _TUE, [[
        "“We will rebuild every school before the winter,” mayor Ada Ferrin told a meeting on Monday.",
        "The council has set aside funds for the work."]])
    b = make_article("Ridge Post", "Minister backs rebuilding", _WED, [[
        "Education minister Tomas Quell backed the plan, saying: “We will rebuild every school before "
        "the winter in the whole province.”",
        "The ministry did not say how much the work would cost."]])
    return a, b


def test_same_words_from_two_named_speakers_stay_two_quotes():
    a, b = _school_articles()
    quotes = [_quote(a, "Ada Ferrin", "We will rebuild every school before the winter,", "Ada Ferrin"),
              _quote(b, "Tomas Quell", "We will rebuild every school before the winter in the whole "
                     "province.", "Tomas Quell")]
    shown = _brief([a, b], quotes, people=["Ada Ferrin", "Tomas Quell"]).quotes
    assert sorted((q.speaker, [c.article_id for c in q.citations]) for q in shown) == sorted(
        [("Ada Ferrin", [a.id]), ("Tomas Quell", [b.id])])
    assert next(q.text for q in shown if q.speaker == "Ada Ferrin").startswith("We will rebuild every school before the winter")
    assert "province" not in next(q.text for q in shown if q.speaker == "Ada Ferrin")


def test_unattributed_quote_whose_sentence_names_someone_else_is_not_merged():
    """The extractor found no speaker for b's quote, but its sentence names another person."""
    a, b = _school_articles()
    quotes = [_quote(a, "Ada Ferrin", "We will rebuild every school before the winter,", "Ada Ferrin"),
              _quote(b, "Tomas Quell", "We will rebuild every school before the winter in the whole "
                     "province.")]
    shown = _brief([a, b], quotes, people=["Ada Ferrin", "Tomas Quell"]).quotes
    assert len(shown) == 2
    ferrin = next(q for q in shown if q.speaker == "Ada Ferrin")
    assert [c.article_id for c in ferrin.citations] == [a.id]
    assert "province" not in ferrin.text


def test_same_person_or_an_unnamed_side_still_merges():
    a, b = _school_articles()
    c = make_article("Hill Times", "Mayor repeats pledge", _WED, [[
        "“We will rebuild every school before the winter,” Ferrin said again on Tuesday."]])
    d = make_article("Bay Herald", "Pledge", _WED, [[
        "“We will rebuild every school before the winter,” she said."]])
    quotes = [_quote(a, "Ada Ferrin", "We will rebuild every school before the winter,", "Ada Ferrin"),
              _quote(c, "Ferrin said", "We will rebuild every school before the winter,", "Ferrin"),
              _quote(d, "she said", "We will rebuild every school before the winter,")]
    shown = _brief([a, c, d], quotes, people=["Ada Ferrin"]).quotes
    assert len(shown) == 1
    assert shown[0].speaker == "Ada Ferrin"
    assert {x.article_id for x in shown[0].citations} == {a.id, c.id, d.id}


def test_a_statement_quoted_and_reported_shows_only_the_quoted_words_in_quotation_marks():
    a = make_article("Vale Courier", "Port", _TUE, [[
        "“The port will stay closed until the inspection is finished,” harbour master Ines Dorn said."]])
    b = make_article("Ridge Post", "Port", _WED, [[
        "Harbour master Ines Dorn said the port would stay closed until the inspection is finished "
        "next week."]])
    quotes = [_quote(b, "Ines Dorn", "the port would stay closed until the inspection is finished next week.",
                     "Ines Dorn", direct=False),
              _quote(a, "Ines Dorn", "The port will stay closed until the inspection is finished,", "Ines Dorn")]
    shown = _brief([a, b], quotes, people=["Ines Dorn"]).quotes
    assert len(shown) == 1 and shown[0].direct
    assert shown[0].text == "The port will stay closed until the inspection is finished"


def test_indirect_speech_is_marked_as_such_in_the_brief():
    b = make_article("Ridge Post", "Port", _WED, [[
        "Harbour master Ines Dorn said the port would stay closed until the inspection is finished."]])
    quotes = [_quote(b, "Ines Dorn", "the port would stay closed until the inspection is finished.",
                     "Ines Dorn", direct=False)]
    shown = _brief([b], quotes, people=["Ines Dorn"]).quotes
    assert [(q.speaker, q.direct) for q in shown] == [("Ines Dorn", False)]


# --- 3a. several figures from one source are no conflict ------------------------------------------

def _claims(art, rows, day=date(2031, 5, 6)):
    """(fragment, quantity, value, number[, event]) rows -> claims of one article."""
    out = []
    for fragment, quantity, value, number, *event in rows:
        i = sent_idx(art, fragment)
        out.append(Claim(art.id, i, quantity, value, number=number, as_of=day,
                         event=event[0] if event else "killed", text=art.sentences[i].text))
    return out


def test_two_figures_from_one_source_are_single_with_a_note_not_a_conflict():
    art = make_article("Vale Courier", "Storm", _TUE, [[
        "Twelve people were killed in the storm on Tuesday, police said.",
        "Officials said 30 people were killed in the region's storms this month."]])
    claims = _claims(art, [("Twelve", "people killed", "Twelve", 12), ("30 people", "people killed", "30", 30)])
    fact = fuse_claims(claims, {art.id: art})[0]
    assert fact.status == "single"
    assert "Varies within one source" in fact.note and "Vale Courier" in fact.note


def test_a_conflict_needs_two_sources_whose_figures_do_not_match():
    a = make_article("Vale Courier", "Storm", _TUE, [[
        "Twelve people were killed in the storm on Tuesday, police said.",
        "Officials said 30 people were killed in the region's storms this month."]])
    b = make_article("Ridge Post", "Storm", _TUE, [["Police said 12 people had been killed on Tuesday."]])
    c = make_article("Hill Times", "Storm", _TUE, [["Hospital staff said 15 people had died on Tuesday."]])
    arts = {x.id: x for x in (a, b, c)}
    base = _claims(a, [("Twelve", "people killed", "Twelve", 12), ("30 people", "people killed", "30", 30)])
    shares = fuse_claims(base + _claims(b, [("12 people", "people killed", "12", 12)]), arts)[0]
    assert shares.status == "agree"  # Ridge Post matches one of Vale Courier's figures
    assert "Varies within one source" in shares.note
    clash = fuse_claims(base + _claims(c, [("15 people", "people killed", "15", 15)]), arts)[0]
    assert clash.status == "conflict"


def test_one_article_reporting_two_authorities_that_disagree_is_a_conflict():
    art = make_article("Vale Courier", "Toll disputed", _TUE, [[
        "State radio said 20 miners were killed, while the ministry said 18 had died.",
        "Police said 18 people were killed."]])
    claims = _claims(art, [("State radio", "people killed", "20", 20), ("State radio", "people killed", "18", 18)])
    claims[0].attribution, claims[1].attribution = "state radio", "the ministry"
    assert fuse_claims(claims, {art.id: art})[0].status == "conflict"
    claims[1].attribution = "State Radio"  # one authority giving two figures: no conflict
    assert fuse_claims(claims, {art.id: art})[0].status == "single"


def test_amounts_of_a_language_not_analysed_are_listed_not_compared():
    art = make_article("Diario Sur", "Tormenta", _TUE, [[
        "Al menos 9 personas murieron en la tormenta.", "El autobús llevaba 40 personas."]])
    claims = [Claim(art.id, i, "es: personas", v, number=n, subject="personas", as_of=date(2031, 5, 6),
                    text=art.sentences[i].text) for i, v, n in ((0, "9 personas", 9), (1, "40 personas", 40))]
    for facts in (fuse_claims(claims, {art.id: art}, not_analysed=[art.id]),
                  fuse_claims(claims, {art.id: art})):  # known by its key alone too
        assert [f.status for f in facts] == ["single"]
        assert "not compared" in facts[0].note and len(facts[0].reports) == 2
    other = make_article("Diario Norte", "Tormenta", _TUE, [["Murieron 11 personas en la tormenta."]])
    claims.append(Claim(other.id, 0, "es: personas", "11 personas", number=11, subject="personas",
                        text=other.sentences[0].text))
    facts = fuse_claims(claims, {art.id: art, other.id: other}, not_analysed=[art.id, other.id])
    assert [f.status for f in facts] == ["single", "single"]  # one row per outlet, never a conflict
    brief = _brief([art], claims=claims[:2], not_analysed={art.id: "es"})
    assert [f.status for f in brief.facts] == ["single"]


# --- 3b. increments and parts are not totals ----------------------------------------------------

def test_increments_are_not_compared_with_a_toll():
    blog = make_article("Lake Live", "Live", _TUE, [[
        "Divers recover two more bodies",
        "Divers recovered two more bodies from the wreck, bringing the toll to 14.",
        "Rescuers found another 3 victims near the pier.",
        "A further 5 people were killed in the second landslide, police said.",
        "The toll rose by 4 overnight."]])
    claims = _claims(blog, [("Divers recover two", "people killed", "two", 2),
                            ("Divers recovered two", "people killed", "two", 2),
                            ("Divers recovered two", "people killed", "14", 14),
                            ("another 3", "people killed", "3", 3),
                            ("A further 5", "people killed", "A further 5", 5),
                            ("rose by 4", "people killed", "4", 4)])
    facts = fuse_claims(claims, {blog.id: blog})
    assert [(f.quantity, [r.value for r in f.reports], f.status) for f in facts] == [
        ("people killed", ["14"], "single")]


def test_another_contrasting_two_events_is_a_total():
    art = make_article("Vale Courier", "Clashes", _TUE, [[
        "Twelve police officers were killed and another 140 officers were injured, the ministry said."]])
    claims = _claims(art, [("Twelve", "security forces killed", "Twelve", 12),
                           ("another 140", "security forces injured", "140", 140, "injured")])
    facts = {f.quantity: f for f in fuse_claims(claims, {art.id: art})}
    assert [r.value for r in facts["security forces injured"].reports] == ["140"]


def test_a_part_is_not_compared_with_its_whole_when_the_event_describes_the_whole():
    art = make_article("Moor Echo", "Mine", _TUE, [[
        "Rescuers reached three of the five trapped miners early on Tuesday, officials said.",
        "Seven of the 20 passengers were killed, police said."]])
    claims = _claims(art, [("three of the five", "workers trapped", "five", 5, "trapped"),
                           ("three of the five", "workers trapped", "three", 3, "trapped"),
                           ("Seven of the 20", "people killed", "Seven", 7, "killed")])
    facts = {f.quantity: f for f in fuse_claims(claims, {art.id: art})}
    assert [r.value for r in facts["workers trapped"].reports] == ["five"]
    assert facts["workers trapped"].status == "single"
    assert [r.value for r in facts["people killed"].reports] == ["Seven"]  # the part did the event


# --- 4. a rounded "about" figure does not swallow a different count --------------------------------

def test_about_a_round_figure_disputes_a_different_count():
    a = make_article("Fen Observer", "Flood", _TUE, [["About 2,500 people were evacuated, officials said."]])
    b = make_article("Vale Courier", "Flood", _TUE, [["Officials said 2,300 people were evacuated."]])
    c = make_article("Ridge Post", "Flood", _TUE, [["Some 2,480 people were evacuated."]])
    arts = {x.id: x for x in (a, b, c)}

    def status(x, xv, xn, xq, y, yv, yn):
        return fuse_claims([Claim(x.id, 0, "people evacuated", xv, number=xn, qualifier=xq,
                                  as_of=date(2031, 5, 6), text=x.sentences[0].text),
                            Claim(y.id, 0, "people evacuated", yv, number=yn,
                                  as_of=date(2031, 5, 6), text=y.sentences[0].text)], arts)[0].status

    assert status(a, "About 2,500", 2500, "about", b, "2,300", 2300) == "conflict"
    assert status(a, "About 2,500", 2500, "about", c, "2,480", 2480) == "agree"
    assert status(a, "about 100", 100, "about", b, "95", 95) == "agree"


# --- 1b. reported statements giving different figures are never one statement --------------------

def test_reported_statements_with_different_figures_stay_apart():
    """Three outlets report the same office's words but with 11, 12 and 13 hurt: merging them
    would cite the 12 and 13 sentences for "11 people were hurt"."""
    arts = [make_article(outlet, "Storm", _TUE, [[f"The harbour board said {n} people were hurt and three "
                                                   "boats were lost in the storm."]])
            for outlet, n in (("Vale Courier", 11), ("Ridge Post", 12), ("Lake Ledger", 13))]
    quotes = [_quote(a, "harbour board", a.text.split("said ", 1)[1], role="harbour board", direct=False)
              for a in arts]
    shown = _brief(arts, quotes).quotes
    assert len(shown) == 3
    for q in shown:
        figure = q.text.split()[0]
        assert all(f" {figure} people" in c.text for c in q.citations), (q.text, [c.text for c in q.citations])


def test_reported_statement_and_its_shorter_report_with_the_same_figure_are_one():
    a = make_article("Vale Courier", "Storm", _TUE, [[
        "The harbour board said 11 people were hurt and three boats were lost in the storm."]])
    b = make_article("Ridge Post", "Storm", _WED, [[
        "The harbour board said 11 people were hurt in the storm on the coast."]])
    quotes = [_quote(x, "harbour board", x.text.split("said ", 1)[1], role="harbour board", direct=False)
              for x in (a, b)]
    shown = _brief([a, b], quotes).quotes
    assert len(shown) == 1 and {c.article_id for c in shown[0].citations} == {a.id, b.id}


def test_an_outlet_that_ran_only_the_first_clause_is_not_cited_for_the_whole_statement():
    a = make_article("Vale Courier", "Depot fire", _TUE, [[
        "Halden Stone said the company “deeply regrets the fire at the depot”."]])
    b = make_article("Ridge Post", "Depot fire", _WED, [[
        "“The company deeply regrets the fire at the depot and is cooperating fully with the "
        "investigators from the regional board,” Halden Stone said."]])
    quotes = [_quote(a, "Halden Stone", "deeply regrets the fire at the depot", speaker="Halden Stone"),
              _quote(b, "Halden Stone", "The company deeply regrets the fire at the depot and is cooperating fully "
                     "with the investigators from the regional board,", speaker="Halden Stone")]
    shown = _brief([a, b], quotes).quotes
    assert len(shown) == 1 and "cooperating" in shown[0].text
    assert {c.article_id for c in shown[0].citations} == {b.id}
