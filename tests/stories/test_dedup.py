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
