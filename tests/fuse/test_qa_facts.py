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


def _two_tolls(earlier_phrase):
    """A morning report of 15 dead, and an afternoon live post: "raised the toll to 16. <phrase>
    it said 15 people had died." """
    from newsfuse.records import Entry

    morning = make_article("Quarry Post", "Toll at 15", datetime(2031, 5, 3, 9, 40, tzinfo=timezone.utc),
                           [["The health office says 15 people have died."]])
    blog = make_article("Hill News", "Live", datetime(2031, 5, 3, 7, tzinfo=timezone.utc),
                        [["The health office has raised the death toll to 16.",
                          f"{earlier_phrase} it said 15 people had died."]])
    a, b = blog.sentences
    blog.entries = [Entry(blog.text, 0, len(blog.text), time=datetime(2031, 5, 3, 15, 30, tzinfo=timezone.utc))]
    a.entry = b.entry = 0
    day = date(2031, 5, 3)
    claims = [Claim(morning.id, 0, "people killed", "15", number=15, as_of=day, text=morning.sentences[0].text),
              Claim(blog.id, 0, "people killed", "16", number=16, as_of=day, text=a.text),
              Claim(blog.id, 1, "people killed", "15", number=15, as_of=day,
                    as_of_text=earlier_phrase if earlier_phrase != "Then" else None, text=b.text)]
    return fuse_claims(claims, {morning.id: morning, blog.id: blog})


def test_a_figure_said_earlier_that_day_is_an_older_figure_not_a_conflict():
    (fact,) = _two_tolls("Earlier today")
    assert fact.status == "evolving", fact.note
    assert fact.note.index("15") < fact.note.index("16")


def test_without_an_earlier_phrase_two_figures_of_one_post_still_are_not_ordered():
    facts = _two_tolls("Then")
    assert all(f.status != "evolving" for f in facts)
    # the outlets agree on 15 only: the post's 16 is a row of its own, not "agree"
    assert [(f.status, [r.value for r in f.reports]) for f in facts] == [("agree", ["15", "15"]), ("single", ["16"])]
    assert facts[1].quantity == f"{facts[0].quantity} (other figure)"  # not two rows of one name


def _wire_pair():
    """A wire story and a near-copy of it in which the second outlet changed the figure."""
    lead = "Floodwater forced {} people from their homes in the Kelby valley, the water board said."
    rest = ["The river was expected to peak overnight, the board said.",
            "Two schools in the valley were turned into shelters."]
    wire = make_article("Kelby Post", "Floods in Kelby", datetime(2031, 7, 2, 14, tzinfo=timezone.utc),
                        [[lead.format(310)] + rest])
    edit = make_article("Hill Times", "Floods in Kelby", datetime(2031, 7, 2, 15, tzinfo=timezone.utc),
                        [[lead.format(340)] + rest], duplicate_of=wire.id)
    return wire, edit


def test_a_near_copy_that_changed_a_figure_is_a_source_of_that_figure():
    wire, edit = _wire_pair()
    day = date(2031, 7, 2)
    claims = [Claim(a.id, 0, "people displaced", v, number=float(v), as_of=day, text=a.sentences[0].text)
              for a, v in ((wire, "310"), (edit, "340"))]
    facts = fuse_claims(claims, {wire.id: wire, edit.id: edit}, duplicate_of={edit.id: wire.id})
    (fact,) = facts
    assert sorted(r.value for r in fact.reports) == ["310", "340"]
    assert fact.status != "single"  # an hour apart: evolving by the design's rule, never one source


def test_an_exact_copys_figure_is_still_not_a_second_source():
    wire, edit = _wire_pair()
    same = make_article("Hill Times", "Floods in Kelby", edit.published,
                        [[s.text for s in wire.sentences]], duplicate_of=wire.id)
    claims = [Claim(a.id, 0, "people displaced", "310", number=310, text=a.sentences[0].text) for a in (wire, same)]
    (fact,) = fuse_claims(claims, {wire.id: wire, same.id: same}, duplicate_of={same.id: wire.id})
    assert [r.outlet for r in fact.reports] == ["Kelby Post"]


def test_a_sentence_is_not_cited_from_a_copy_that_states_another_figure():
    from newsfuse.fuse.corpus import StoryCorpus

    wire, edit = _wire_pair()
    copies = {(wire.id, i): [(edit.id, i)] for i in range(3)}  # dedup pairs every sentence
    corpus = StoryCorpus([wire, edit], {edit.id: wire.id}, copies)
    cited = {c.article_id for c in corpus.citations(corpus.pos[(wire.id, 0)])}
    assert cited == {wire.id}
    assert {c.article_id for c in corpus.citations(corpus.pos[(wire.id, 1)])} == {wire.id, edit.id}


def test_a_headline_with_a_figure_says_whose_title_it_is():
    """The headline is one outlet's title ("Twelve killed ..."): its figure needs its outlet too."""
    from newsfuse import render
    from newsfuse.fuse import build_brief
    from newsfuse.records import Extraction, Story

    a = make_article("Quarry Post", "Twelve killed in Brakka quarry collapse",
                     datetime(2031, 5, 2, 9, tzinfo=timezone.utc),
                     [["Twelve workers were killed when a quarry wall collapsed at Brakka, the operator said."]])
    b = make_article("Hill News", "Brakka quarry collapse kills at least nine",
                     datetime(2031, 5, 2, 10, tzinfo=timezone.utc),
                     [["At least nine workers died when a quarry wall collapsed at Brakka, police said."]])
    brief = build_brief(Story(id="s-q", article_ids=[a.id, b.id]), [a, b], Extraction())
    n = {s.article_id: i for i, s in enumerate(brief.sources, 1)}
    owner = a if brief.headline == a.title else b
    assert brief.headline == owner.title
    assert f"headline: the title of {owner.outlet} [{n[owner.id]}]" in render.to_markdown(brief)
    html = render.to_html(brief)
    assert f"headline: the title of {owner.outlet}" in html and f'href="#src-{n[owner.id]}"' in html


def test_a_sentence_and_its_denial_are_not_copies():
    """"was started deliberately" and "was not started deliberately": near-identical words, opposite
    claims. Neither may be cited for the other, and the two statements stay apart."""
    from newsfuse.fuse import build_brief
    from newsfuse.fuse.corpus import StoryCorpus
    from newsfuse.records import Extraction, Quote, Story

    said = "Investigators said the fire was {}started deliberately and asked witnesses to come forward."
    lead = "A fire destroyed a furniture warehouse in the Velmore docks on Monday night, the fire service said."
    a = make_article("Gale Tribune", "Velmore fire", datetime(2031, 9, 9, 8, tzinfo=timezone.utc),
                     [[lead, said.format("")]])
    b = make_article("Dock Echo", "Velmore fire", datetime(2031, 9, 9, 9, tzinfo=timezone.utc),
                     [[lead, said.format("not ")]])
    copies = {(a.id, 1): [(b.id, 1)], (b.id, 1): [(a.id, 1)]}  # as a word-overlap dedup pairs them
    corpus = StoryCorpus([a, b], {}, copies)
    assert {c.article_id for c in corpus.citations(corpus.pos[(a.id, 1)])} == {a.id}
    assert {c.article_id for c in corpus.citations(corpus.pos[(a.id, 0)])} == {a.id, b.id}

    quotes = [Quote(x.id, 1, x.sentences[1].text.split("said ", 1)[1], speaker="Investigators", direct=False,
                    sentence_text=x.sentences[1].text) for x in (a, b)]
    brief = build_brief(Story(id="s-f", article_ids=[a.id, b.id]), [a, b], Extraction(quotes=quotes))
    summary = [s.text for s in brief.summary]
    assert said.format("") in summary and said.format("not ") in summary  # both sides, each its own
    texts = sorted(q.text for q in brief.quotes)
    assert len(texts) == 2 and any("not started" in t for t in texts)
    for q in brief.quotes:
        assert all(("not started" in c.text) == ("not started" in q.text) for c in q.citations)


def test_a_timeline_line_is_not_cited_from_a_sentence_with_another_figure_or_a_denial():
    from newsfuse.fuse.timeline import build_timeline
    from newsfuse.records import Happening

    day = datetime(2031, 9, 9, 8, tzinfo=timezone.utc)
    line = "Floodwater forced {} people from their homes in the Kelby valley on Monday, the water board said."
    deny = "Investigators said on Monday the dam was {}damaged deliberately before the flood."
    arts = [make_article(o, "Kelby floods", day, [[line.format(n), deny.format(neg), extra]])
            for o, n, neg, extra in (
                ("Kelby Post", 310, "", "Schools stayed closed across the valley."),
                ("Hill Times", 340, "not ", "Rail services were cut between Kelby and the coast."),
                ("Rivers Daily", 310, "", "The army sent trucks to help."))]
    haps = [Happening(a.id, i, a.sentences[i].text, date(2031, 9, 8), "on Monday") for a in arts for i in (0, 1)]
    items = build_timeline(arts, haps, max_dates=5, per_date=3)
    assert items
    for it in items:
        for c in it.citations:
            assert ("310" in c.text) == ("310" in it.text) and ("340" in c.text) == ("340" in it.text), (it.text, c.text)
            assert ("not damaged" in c.text) == ("not damaged" in it.text), (it.text, c.text)


def test_three_agreeing_outlets_are_named_as_a_list():
    """"A, B and C agree." -- not "A and B and C agree."."""
    when = datetime(2031, 6, 1, 9, tzinfo=timezone.utc)
    arts = [make_article(name, "Ferry rescue", when, [[f"Crews rescued 40 passengers, the coastguard said ({n})."]])
            for n, name in enumerate(["Bay Tribune", "Cape Herald", "Dune Gazette"])]
    claims = [Claim(a.id, 0, "passengers rescued", "40", number=40, text=a.sentences[0].text,
                    attribution="the coastguard") for a in arts]
    (fact,) = fuse_claims(claims, {a.id: a for a in arts})
    assert fact.status == "agree" and fact.note == "Bay Tribune, Cape Herald and Dune Gazette agree.", fact.note
