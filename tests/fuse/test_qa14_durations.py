"""Key facts: lengths of different things are not one fact, and "agree" is said of one value."""

from datetime import date, datetime, timezone

from newsfuse.fuse.facts import fuse_claims
from newsfuse.records import Claim

from .conftest import make_article

_THU = datetime(2031, 4, 10, 18, tzinfo=timezone.utc)


def _hours(art, i, value, number, day):
    return Claim(art.id, i, "duration hours", value, number=number, event="hours", as_of=day,
                 text=art.sentences[i].text)


def _dock_reports():
    a = make_article("Harbour Post", "Dock talks end", _THU, [[
        "Talks between the dockers and the port owners ended without a deal on Thursday after seven hours.",
        "The dockers staged a 24-hour strike on Monday that halted all cargo traffic."]])
    b = make_article("Coast Courier", "No deal at port", _THU, [[
        "Negotiators failed to reach agreement on Thursday after the talks lasted seven hours."]])
    c = make_article("Valley Times", "Port strike", _THU, [[
        "Cargo traffic stopped during Monday's 24-hour strike at the port."]])
    mon, thu = date(2031, 4, 7), date(2031, 4, 10)
    claims = [_hours(a, 0, "seven", 7, thu), _hours(a, 1, "24", 24, mon), _hours(b, 0, "seven", 7, thu),
              _hours(c, 0, "24", 24, mon)]
    return fuse_claims(claims, {x.id: x for x in (a, b, c)})


def test_lengths_of_a_strike_and_of_talks_are_separate_facts():
    facts = _dock_reports()
    rows = {f.quantity: (f.status, sorted({r.value for r in f.reports})) for f in facts}
    assert rows == {"strike duration hours": ("agree", ["24"]), "talks duration hours": ("agree", ["seven"])}, rows


def test_the_same_thing_with_two_lengths_stays_one_fact():
    a = make_article("Harbour Post", "Strike", _THU, [["The dockers held a 24-hour strike on Monday."]])
    b = make_article("Coast Courier", "Strike", _THU, [["The dockers held a 48-hour strike on Monday."]])
    mon = date(2031, 4, 7)
    facts = fuse_claims([_hours(a, 0, "24", 24, mon), _hours(b, 0, "48", 48, mon)], {a.id: a, b.id: b})
    assert [(f.quantity, f.status) for f in facts] == [("duration hours", "conflict")]


def test_agree_is_only_said_of_one_value():
    a = make_article("Vale Courier", "Storm", _THU, [[
        "Twelve people were killed in the storm on Thursday, police said.",
        "Officials said 30 people were killed in the region's storms this month."]])
    b = make_article("Ridge Post", "Storm", _THU, [["Police said 12 people had been killed on Thursday."]])
    day = date(2031, 4, 10)
    claims = [Claim(a.id, 0, "people killed", "Twelve", number=12, event="killed", as_of=day, text=a.sentences[0].text),
              Claim(a.id, 1, "people killed", "30", number=30, event="killed", as_of=day, text=a.sentences[1].text),
              Claim(b.id, 0, "people killed", "12", number=12, event="killed", as_of=day, text=b.sentences[0].text)]
    facts = fuse_claims(claims, {a.id: a, b.id: b})
    assert [(f.status, sorted(r.value for r in f.reports)) for f in facts] == [("agree", ["12", "Twelve"]),
                                                                             ("single", ["30"])]
    assert "Varies within one source" in facts[0].note
