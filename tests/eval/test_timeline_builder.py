"""build_timeline and the fast date resolver on hand-made articles."""

from __future__ import annotations

from datetime import date, datetime, timezone

from newsfuse.fuse.timeline import build_timeline, find_date_mentions, happenings_for
from newsfuse.records import Article, Sentence


def _article(aid: str, pub: date, sentences: list[str]) -> Article:
    sents, parts, pos = [], [], 0
    for i, t in enumerate(sentences):
        if parts:
            pos += 1
        sents.append(Sentence(aid, i, t, pos, pos + len(t), pub))
        parts.append(t)
        pos += len(t)
    return Article(id=aid, text=" ".join(parts), sentences=sents,
                   published=datetime(pub.year, pub.month, pub.day, tzinfo=timezone.utc))


THU = date(2011, 1, 27)  # a Thursday


def test_resolves_explicit_relative_and_weekday_dates():
    assert find_date_mentions("Thousands marched on 25 January 2011 in Cairo.", THU)[0][0] == date(2011, 1, 25)
    assert find_date_mentions("On Jan. 25, thousands marched.", THU)[0][0] == date(2011, 1, 25)
    assert find_date_mentions("Protests began on Tuesday.", THU)[0][0] == date(2011, 1, 25)
    assert find_date_mentions("He will speak on Friday.", THU)[0][0] == date(2011, 1, 28)
    assert find_date_mentions("Police fired tear gas yesterday.", THU)[0][0] == date(2011, 1, 26)
    assert find_date_mentions("Police fired tear gas last night.", THU)[0][0] == date(2011, 1, 26)


def test_year_is_inferred_near_the_publish_date():
    # Published in early January, "December 30" is last year's.
    assert find_date_mentions("The plan was agreed on December 30.", date(2011, 1, 3))[0][0] == date(2010, 12, 30)


def test_no_day_level_mention():
    assert find_date_mentions("The economy grew 5% in May 2010.", THU) == []
    assert find_date_mentions("Officials may 5 times a day review it.", THU) == []
    assert find_date_mentions("No dates in this sentence at all.", THU) == []


def _story():
    arts = [
        _article("a1", date(2011, 1, 26), [
            "Thousands of protesters clashed with police in Cairo on Tuesday demanding reform.",
            "The interior ministry said three protesters died in the clashes in Suez.",
            "Click here to subscribe.",
        ]),
        _article("a2", date(2011, 1, 27), [
            "Protesters clashed with police in Cairo on Tuesday in a day of anger against Mubarak.",
            "Opposition leader ElBaradei will return to Egypt on Thursday to join the protests.",
        ]),
        _article("a3", date(2011, 1, 29), [
            "Mubarak sacked his cabinet on Friday after days of protests in Cairo and Suez.",
            "Protesters in Cairo had clashed with police on January 25 in huge numbers.",
        ]),
    ]
    return arts


def test_timeline_picks_the_most_mentioned_day_and_cites_verbatim():
    arts = _story()
    happenings = [h for a in arts for h in happenings_for(a)]
    items = build_timeline(arts, happenings, max_dates=1, per_date=1)
    assert len(items) == 1
    assert items[0].date == date(2011, 1, 25)  # mentioned by all three articles
    texts = {(a.id, s.index): s.text for a in arts for s in a.sentences}
    for c in items[0].citations:
        assert texts[(c.article_id, c.sentence)] == c.text
        assert c.text in next(a for a in arts if a.id == c.article_id).text
    assert items[0].text == items[0].citations[0].text


def test_timeline_is_chronological_and_respects_limits():
    arts = _story()
    happenings = [h for a in arts for h in happenings_for(a)]
    items = build_timeline(arts, happenings, max_dates=3, per_date=1)
    dates = [it.date for it in items]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates) <= 3
    # The same sentence never appears on two days.
    cited = [(it.citations[0].article_id, it.citations[0].sentence) for it in items]
    assert len(cited) == len(set(cited))


def test_span_restricts_days():
    arts = _story()
    happenings = [h for a in arts for h in happenings_for(a)]
    span = (date(2011, 1, 27), date(2011, 1, 31))
    items = build_timeline(arts, happenings, max_dates=5, span=span)
    assert items and all(span[0] <= it.date <= span[1] for it in items)


def test_without_happenings_dates_are_resolved_here():
    items = build_timeline(_story(), [], max_dates=1)
    assert items and items[0].date == date(2011, 1, 25)


def test_copies_in_other_articles_are_cited():
    s = "Rescue teams pulled twelve survivors from the collapsed hotel on Monday evening."
    arts = [_article(f"w{i}", date(2010, 1, 19), [s, f"Local detail number {i} differs here today."])
            for i in range(3)]
    items = build_timeline(arts, [], max_dates=1)
    assert items[0].date == date(2010, 1, 18)
    assert {c.article_id for c in items[0].citations} == {"w0", "w1", "w2"}


def test_empty_input():
    assert build_timeline([], []) == []


def test_date_model_changes_which_day_ranks_first():
    from newsfuse.fuse.timeline import rank_dates

    arts = _story() + [_article("a4", date(2011, 1, 29), ["Another report on the new cabinet."])]
    hs = [h for a in arts for h in happenings_for(a)]
    assert rank_dates(arts, hs)[0][0] == date(2011, 1, 25)  # most mentioned
    assert rank_dates(arts, hs, {"published": 1.0})[0][0] == date(2011, 1, 29)  # most published
    items = build_timeline(arts, hs, max_dates=1, date_model={"published": 1.0})
    assert items[0].date == date(2011, 1, 29)


def _repeated_vs_widespread():
    """One article repeats Jan 20 eight times; three articles each name Jan 25 once."""
    rep = [f"Officials met on January 20 for talks round {w} about the border." for w in
           ("one", "two", "three", "four", "five", "six", "seven", "eight")]
    arts = [_article("r", date(2011, 1, 27), rep)]
    for i, src in enumerate(("b1", "b2", "b3")):
        arts.append(_article(src, date(2011, 1, 27), [
            f"Huge crowds marched through Cairo on January 25 in report {i} of the day.",
        ]))
    return arts


def test_default_ranker_prefers_days_many_articles_name():
    arts = _repeated_vs_widespread()
    hs = [h for a in arts for h in happenings_for(a)]
    assert build_timeline(arts, hs, max_dates=1)[0].date == date(2011, 1, 25)
    # The older hand-set score counts sentences, so one repetitive article wins there.
    assert build_timeline(arts, hs, max_dates=1, date_model="hand")[0].date == date(2011, 1, 20)


def test_rank_dates_span_and_mean_scaling():
    from newsfuse.fuse.timeline import DATE_MODEL, date_stats, feature_matrix, rank_dates

    arts = _story()
    hs = [h for a in arts for h in happenings_for(a)]
    span = (date(2011, 1, 27), date(2011, 1, 31))
    ranked = rank_dates(arts, hs, DATE_MODEL, span=span)
    assert ranked and all(span[0] <= d <= span[1] for d, _ in ranked)
    X = feature_matrix(list(date_stats(arts, hs).values()))
    means = X.mean(axis=0)
    assert all(abs(m - 1.0) < 1e-9 or m == 0.0 for m in means)
