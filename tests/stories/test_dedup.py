"""Duplicate detection: exact, near, contained, known, and sentence reuse."""

import random

from newsfuse.stories.dedup import find_duplicates

BASE = ("Fire crews fought a blaze at the Tannery Row warehouse for six hours. Two men died and five "
        "people were injured, the fire service said. The cause of the fire is not yet known. Residents "
        "were told to keep windows shut because of heavy smoke. Chief fire officer Dominic Heale said the "
        "roof collapsed within half an hour")
OTHER = ("The council approved a new budget for the harbour district on Tuesday. Spending on schools "
         "rises by four percent. Opposition members said the plan ignores housing. A final vote is due "
         "next month")


def test_exact_copy_with_case_and_space_changes_points_to_earlier(art):
    a = art(BASE, hours=0, outlet="A", aid="orig")
    b = art(BASE.upper().replace(" ", "  "), hours=3, outlet="B", aid="copy")
    d = find_duplicates([b, a])
    assert d.duplicate_of == {b.id: a.id}
    assert d.kind[b.id] == "exact"


def test_unrelated_articles_are_not_duplicates(art):
    d = find_duplicates([art(BASE), art(OTHER, hours=1)])
    assert d.duplicate_of == {}


def _vocab_doc(rng, vocab, n):
    return [rng.choice(vocab) for _ in range(n)]


def test_near_copies_at_jaccard_half_are_found(art):
    """Pairs whose 3-shingle Jaccard is 0.5-0.6 must be found (LSH banding choice)."""
    from newsfuse.stories.dedup import token_jaccard
    from newsfuse.stories.text import shingles

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(5000)]
    found = total = 0
    for k in range(60):
        words = _vocab_doc(rng, vocab, 300)
        copy = list(words)
        # replace scattered words until Jaccard falls into [0.5, 0.6]
        while token_jaccard(shingles(words), shingles(copy)) > 0.6:
            copy[rng.randrange(len(copy))] = rng.choice(vocab)
        j = token_jaccard(shingles(words), shingles(copy))
        if j < 0.5:
            continue
        a = art(" ".join(words), hours=0, aid=f"a{k}")
        b = art(" ".join(copy), hours=1, aid=f"b{k}")
        total += 1
        d = find_duplicates([a, b])
        if d.duplicate_of.get(b.id) == a.id and d.kind[b.id] == "near":
            found += 1
    assert total >= 40
    assert found / total >= 0.97


def test_new_article_can_copy_a_known_one(art):
    old = art(BASE, hours=0, outlet="A")
    new = art(BASE + ". Updated with new details", hours=5, outlet="B")
    d = find_duplicates([new], known=[old])
    assert d.duplicate_of == {new.id: old.id}
    assert d.kind[new.id] == "near"
    assert old.id not in d.duplicate_of  # known articles are never relabelled


def test_condensed_copy_from_same_outlet_is_contained(art):
    long = art(BASE + ". " + OTHER, hours=0, outlet="Ledger")
    short_text = ". ".join(BASE.split(". ")[:3])
    short = art(short_text, hours=2, outlet="Ledger")
    d = find_duplicates([long, short])
    assert d.duplicate_of.get(short.id) == long.id
    assert d.kind[short.id] == "contained"
    other_outlet = art(short_text, hours=2, outlet="Gazette")
    assert other_outlet.id not in find_duplicates([long, other_outlet]).duplicate_of


def test_wire_sentence_reuse_across_outlets(art):
    a = art("Police said the suspect was arrested near the station on Friday evening. The mayor praised the officers",
            outlet="A")
    b = art("In other news the zoo opened a new hall. POLICE SAID THE SUSPECT WAS ARRESTED  NEAR THE STATION ON "
            "\u201cFRIDAY\u201d EVENING", hours=1, outlet="B")
    c = art("Police said the suspect was detained near the station on Friday evening. Traffic was heavy",
            hours=2, outlet="C")
    d = find_duplicates([a, b, c])
    assert set(d.sentence_copies[(a.id, 0)]) == {(b.id, 1), (c.id, 0)}
    assert (a.id, 1) not in d.sentence_copies
    assert d.duplicate_of == {}


def _sentence_level_per_band(pool, feats, new_ids, cfg, result):
    """The band pass as it was before the buckets of all bands were found in one call (one
    ``argsort`` per band): the reference the faster code must match exactly."""
    from itertools import chain

    import numpy as np

    from newsfuse.stories.dedup import _fill_sentence_bands, _UnionFind, token_jaccard

    pool_feats = [feats[a.id] for a in pool]
    row_keys = list(chain.from_iterable(f.key_list for f in pool_feats))
    key_index = {k: i for i, k in enumerate(dict.fromkeys(row_keys))}
    keys = list(key_index)
    row_key = np.array([key_index[k] for k in row_keys], dtype=np.intp)
    has_new = np.zeros(len(keys), dtype=bool)
    row = 0
    for a, f in zip(pool, pool_feats):
        if a.id in new_ids:
            has_new[row_key[row : row + len(f.sent_keys)]] = True
        row += len(f.sent_keys)
    hn = has_new.tolist()
    _, key_row = np.unique(row_key, return_index=True)
    by_key = np.argsort(row_key, kind="stable")
    key_start = np.searchsorted(row_key[by_key], np.arange(len(keys) + 1))
    row_places = list(chain.from_iterable(f.places for f in pool_feats))
    uf, touched, seen = _UnionFind(), set(), set()
    _fill_sentence_bands(pool_feats, cfg)
    bands = np.concatenate([f.sent_bands for f in pool_feats])[key_row]
    for b in range(bands.shape[1]):
        order = np.argsort(bands[:, b], kind="stable")
        sorted_h = bands[:, b][order]
        starts = np.concatenate([[0], np.flatnonzero(np.diff(sorted_h)) + 1, [len(order)]])
        lens = np.diff(starts)
        news = np.add.reduceat(has_new[order].astype(np.int64), starts[:-1])
        for r in np.flatnonzero((lens >= 2) & (lens <= 200) & (news > 0)):
            run = order[starts[r] : starts[r + 1]].tolist()
            for x, i in enumerate(run):
                for j in run[x + 1 :]:
                    pair = (min(i, j), max(i, j))
                    if (hn[i] or hn[j]) and pair not in seen:
                        seen.add(pair)
                        if token_jaccard(set(keys[i].split(" ")), set(keys[j].split(" "))) >= cfg.sentence_threshold:
                            uf.union(i, j)
                            touched.update(pair)
    groups = [m for m in uf.groups(sorted(touched)).values() if any(hn[i] for i in m)]
    groups += [[i] for i in np.flatnonzero(has_new & (np.diff(key_start) > 1)).tolist() if i not in touched]
    groups.sort(key=lambda m: m[0])
    for members in groups:
        places = [row_places[r] for m in members for r in by_key[key_start[m] : key_start[m + 1]].tolist()]
        if len({p[0] for p in places}) >= 2:
            for p in places:
                others = [q for q in places if q[0] != p[0]]
                if others:
                    result.sentence_copies[p] = others


def test_sentence_buckets_of_all_bands_match_the_per_band_pass(art):
    """Pools full of reworded sentences (one or two words swapped, so they share some bands and
    not others): the same sentence copies, in the same order, as the band-by-band reference."""
    from newsfuse.stories import dedup

    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(60)]
    base = [" ".join(rng.choice(vocab) for _ in range(12)) for _ in range(25)]
    total = 0
    for trial in range(12):
        arts = []
        for n in range(rng.randint(3, 12)):
            sents = []
            for _ in range(rng.randint(2, 8)):
                toks = rng.choice(base).split()
                for _ in range(rng.randint(0, 2)):
                    toks[rng.randrange(len(toks))] = rng.choice(vocab)
                sents.append(" ".join(toks))
            arts.append(art(". ".join(sents), hours=n, outlet=f"O{n % 4}"))
        cfg = dedup.DedupConfig()
        feats = {a.id: dedup._features(a, cfg) for a in arts}
        new_ids = {a.id for a in arts[len(arts) // 2 :]}
        want, got = dedup.Duplicates(), dedup.Duplicates()
        _sentence_level_per_band(arts, feats, new_ids, cfg, want)
        dedup._sentence_level(arts, feats, new_ids, cfg, got)
        assert list(got.sentence_copies.items()) == list(want.sentence_copies.items())
        total += len(want.sentence_copies)
    assert total > 50  # the pools do hold copies


DENIED = (BASE.replace("The cause of the fire is not yet known", "The cause of the fire is known")
          .replace("Residents were told to keep", "Residents were not told to keep"))


def test_a_near_copy_that_denies_the_other_is_no_duplicate(art):
    """A version saying the opposite of the other ("were not told" against "were told") is a second
    report that disagrees, not a copy: as a duplicate its sentences would leave the brief."""
    a = art(BASE, hours=0, outlet="A", aid="first")
    b = art(DENIED, hours=2, outlet="B", aid="denies")
    assert find_duplicates([a, b]).duplicate_of == {}


def test_a_near_copy_with_the_same_denials_is_still_a_duplicate(art):
    a = art(BASE, hours=0, outlet="A", aid="first")
    b = art(BASE.replace("for six hours", "for almost six hours"), hours=2, outlet="B", aid="edited")
    assert find_duplicates([a, b]).duplicate_of == {b.id: a.id}
