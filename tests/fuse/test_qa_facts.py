"""Key facts on invented reports: an increment of a specific group is not a total when its
article gives the toll of people it adds to."""

from datetime import date, datetime, timezone

from newsfuse.fuse.facts import fuse_claims
from newsfuse.records import Claim

from .conftest import make_article


def test_more_bodies_of_a_group_are_not_a_total_beside_the_peoples_toll():
    day1 = make_article("Quarry Post", "Quarry collapse", datetime(2031, 5, 2, 9, tzinfo=timezone.utc),
                        [["Nine quarry workers were killed in the collapse, the operator said."]])
    day2 = make_article("Hill News", "Toll rises", datetime(2031, 5, 3, 9, tzinfo=timezone.utc),
                        [["The death toll has risen to 11, officials said.",
                          "The bodies of two more workers were recovered overnight."]])
    t1, (t2, t3) = day1.sentences[0].text, [s.text for s in day2.sentences]
    claims = [Claim(day1.id, 0, "workers killed", "Nine", number=9, text=t1, attribution="the operator"),
              Claim(day2.id, 0, "people killed", "11", number=11, text=t2, attribution="officials"),
              Claim(day2.id, 1, "workers killed", "two", number=2, text=t3, subject="workers")]
    facts = fuse_claims(claims, {day1.id: day1, day2.id: day2})
    values = {f.quantity: [r.value for r in f.reports] for f in facts}
    assert "two" not in values.get("workers killed", []), values
    assert all(f.status != "conflict" for f in facts), [(f.quantity, f.status, f.note) for f in facts]


def test_an_increment_with_no_toll_beside_it_is_still_a_total():
    """"another 40 workers were injured" after "3 killed": a different event, so a total."""
    a = make_article("Quarry Post", "Quarry collapse", datetime(2031, 5, 2, 9, tzinfo=timezone.utc),
                     [["Three people were killed and another 40 workers were injured."]])
    t = a.sentences[0].text
    claims = [Claim(a.id, 0, "people killed", "Three", number=3, text=t),
              Claim(a.id, 0, "workers injured", "40", number=40, text=t, subject="workers")]
    facts = {f.quantity: f for f in fuse_claims(claims, {a.id: a})}
    assert [r.value for r in facts["workers injured"].reports] == ["40"]
