"""Copy groups of a story: a page of one sentence repeated costs one row of the near-copy pass,
and the groups are those of comparing every pair of sentences."""

from datetime import datetime, timezone

import numpy as np

from newsfuse.fuse import corpus as corpus_mod
from newsfuse.fuse.corpus import NEAR_IDENTICAL, PARAPHRASE_COPY, StoryCorpus

from .conftest import make_article

_T = datetime(2031, 2, 3, 9, tzinfo=timezone.utc)


def _all_pairs_groups(c: StoryCorpus) -> list[int]:
    """Groups by comparing every pair through the full similarity (the pass before the fix)."""
    n = len(c.sents)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    def join(i, j):
        a, b = find(i), find(j)
        parent[max(a, b)] = min(a, b)

    for i, j in ((i, j) for i in range(n) for j in range(i + 1, n)
                 if corpus_mod.normalise(c.sents[i][1].text)
                 and corpus_mod.normalise(c.sents[i][1].text) == corpus_mod.normalise(c.sents[j][1].text)):
        join(i, j)
    for start, block in c.sim.blocks():
        for threshold, part in ((NEAR_IDENTICAL, block.lexical), (PARAPHRASE_COPY, block.semantic)):
            if part is None:
                continue
            for r, j in zip(*np.nonzero(part >= threshold)):
                i = start + int(r)
                if int(j) > i and corpus_mod.numbers_in(c.sents[i][1].text) == corpus_mod.numbers_in(c.sents[int(j)][1].text) \
                        and c.denials(i) == c.denials(int(j)):
                    join(i, int(j))
    return [find(i) for i in range(n)]


def _story():
    a = make_article("Harbour Post", "Pier closed", _T, [[
        "The harbour council voted on Tuesday to close the old ferry pier for repairs.",
        "Twelve boats were moved to the north quay.", "Twelve boats were moved to the north quay.",
        "The pier was not damaged in the storm, the council said."]])
    b = make_article("Coast Courier", "Pier shut", _T, [[
        "The harbour council voted on Tuesday to close the old ferry pier for repairs!",
        "Thirteen boats were moved to the north quay.",
        "The pier was damaged in the storm, the council said.",
        "The harbour council voted on Tuesday to close the old ferry pier for repairs."]])
    return [a, b]


def test_groups_equal_those_of_comparing_every_pair():
    c = StoryCorpus(_story())
    assert c.group == _all_pairs_groups(c)
    assert len(set(c.group)) < len(c.group)  # the story has copies


def test_a_repeated_sentence_is_compared_once(monkeypatch):
    line = "The harbour council voted on Tuesday to close the old ferry pier for repairs."
    page = make_article("Harbour Post", "Pier", _T, [[line] * 300 + ["Boats moved to the north quay."]])
    rows = []
    real = corpus_mod._Similarity.blocks

    def counting(self):
        for start, block in real(self):
            rows.append(block.combined.shape[0])
            yield start, block

    monkeypatch.setattr(corpus_mod._Similarity, "blocks", counting)
    c = StoryCorpus([page])
    assert sum(rows) == 2
    assert len(set(c.group)) == 2
