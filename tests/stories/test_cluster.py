"""Story clustering: grouping, stable ids, merges, duplicates, persistence, memory, fixture corpus."""

import json
import random
from datetime import datetime
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


def test_same_event_together_different_events_apart(art):
    arts = [art(t, hours=i) for i, t in enumerate(FIRE)] + [art(t, hours=i) for i, t in enumerate(BUDGET)]
    sc = StoryClusterer()
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
    sc = StoryClusterer(ClusterConfig(story_threshold=1.01, story_merge_threshold=0.1))
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


def _run(recs, batch):
    arts = _articles(recs)
    sc = StoryClusterer()
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


@pytest.mark.xfail(reason="known gap: stories over-split some fixture events (B-cubed F ~0.82)", strict=False)
def test_fixture_stories_exactly_match_events():
    recs = _fixture()
    _, pred = _run(recs, 1000)
    assert bcubed(pred, {r["id"]: r["event"] for r in recs})[2] == 1.0


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
