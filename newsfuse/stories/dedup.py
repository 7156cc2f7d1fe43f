"""Document- and sentence-level duplicate detection.

Why: the same wire story reaches us many times (syndicated copies, re-publications, a condensed
version of a live blog from the same outlet). Counting those as independent sources would make one
outlet look like a consensus, so fuse needs to know which articles copy which, and which sentences
are reused verbatim (or nearly) across outlets.

Levels:
- exact: same ``Article.id`` or the same folded text;
- near: word 3-shingle Jaccard >= ``near_threshold`` (MinHash LSH with rensa finds candidates,
  exact Jaccard on the shingle sets confirms them);
- contained: a shorter article from the same outlet whose sentences mostly appear in a longer one;
- sentence copies: the same folded sentence, or token Jaccard >= ``sentence_threshold``.

The canonical article of a group is a ``known`` one (already stored, maybe already briefed) if
any, else the earliest published, then the longest, then the smallest id; for containment it is
the longer article.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

import numpy as np
from rensa import RMinHash, RMinHashLSH

from newsfuse.records import Article
from newsfuse.stories.text import fold, sentence_texts, shingles, words

__all__ = ["Duplicates", "DedupConfig", "find_duplicates", "sentence_key", "token_jaccard"]


@dataclass
class DedupConfig:
    shingle: int = 3
    # 64 bands of 3 rows: a pair at Jaccard 0.5 becomes a candidate with p = 1-(1-0.5**3)**64
    # = 0.9998 (32 bands of 4 rows would give only 0.87 there).
    num_perm: int = 192
    num_bands: int = 64
    near_threshold: float = 0.5
    sentence_threshold: float = 0.8  # token Jaccard for "nearly the same sentence"
    sentence_min_tokens: int = 4  # shorter sentences ("Read more.") are not evidence of copying
    sentence_num_perm: int = 32
    sentence_band_rows: int = 4  # 8 bands of 4: p(candidate) = 0.985 at Jaccard 0.8
    containment: float = 0.7  # share of the shorter article's sentences found in the longer one
    containment_min_sentences: int = 2
    containment_same_outlet: bool = True
    seed: int = 1234


@dataclass
class Duplicates:
    """Result of :func:`find_duplicates`; keys of ``duplicate_of`` are only new articles."""

    duplicate_of: dict[str, str] = field(default_factory=dict)
    sentence_copies: dict[tuple[str, int], list[tuple[str, int]]] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)

    def canonical(self, article_id: str) -> str:
        """The original an article copies (itself when it is not a copy)."""
        return self.duplicate_of.get(article_id, article_id)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def groups(self, items) -> dict:
        out = defaultdict(list)
        for x in items:
            out[self.find(x)].append(x)
        return out


_FAR_FUTURE = datetime.max.replace(tzinfo=timezone.utc)


def _published_key(a: Article) -> datetime:
    p = a.published
    if p is None:
        return _FAR_FUTURE
    return p if p.tzinfo else p.replace(tzinfo=timezone.utc)


def sentence_key(text: str) -> str:
    """Folded word sequence of a sentence: quotes, case, punctuation and spacing do not matter."""
    return " ".join(words(text))


def token_jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


_CACHE: "OrderedDict[tuple, tuple]" = OrderedDict()
_CACHE_MAX = 20000  # articles; dedup is called per batch with a recent window as `known`


def _features(a: Article, cfg: DedupConfig) -> tuple[set, list[tuple[int, list[str]]]]:
    """Shingle set and tokenised sentences of an article, cached (known articles recur per batch)."""
    key = (a.id, len(a.text), len(a.sentences), cfg.shingle)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    feats = (shingles(words(a.text), cfg.shingle), [(i, words(t)) for i, t in sentence_texts(a)])
    _CACHE[key] = feats
    if len(_CACHE) > _CACHE_MAX:
        _CACHE.popitem(last=False)
    return feats


def find_duplicates(
    articles: list[Article], known: Iterable[Article] = (), config: DedupConfig | None = None
) -> Duplicates:
    """Find which of ``articles`` copy each other or a ``known`` article, and reused sentences.

    ``known`` is what the store already holds (pass the recent window, not the whole history:
    cost is linear in it). Known articles are never re-labelled as copies of new ones.
    """
    cfg = config or DedupConfig()
    new = list(articles)
    new_ids = {a.id for a in new}
    known_list = [a for a in known if a.id not in new_ids]
    known_ids = {a.id for a in known_list}
    # One record per id (exact copies share the id); keep the first seen.
    by_id: dict[str, Article] = {}
    for a in known_list + new:
        by_id.setdefault(a.id, a)
    pool = list(by_id.values())
    result = Duplicates()

    # Same Article.id twice in the input: the later records are exact copies of the first.
    # They cannot get a separate duplicate_of entry (same key), so only `kind` is not set.
    def rank(a: Article):
        return (0 if a.id in known_ids else 1, _published_key(a), -len(a.text), a.id)

    uf = _UnionFind()
    folded_hash: dict[str, str] = {}
    first_by_hash: dict[str, str] = {}
    for a in pool:
        h = hashlib.blake2b(fold(a.text).encode("utf-8"), digest_size=12).hexdigest()
        folded_hash[a.id] = h
        if h in first_by_hash:
            uf.union(first_by_hash[h], a.id)
        else:
            first_by_hash[h] = a.id

    # Near copies: MinHash LSH candidates, confirmed with the exact shingle Jaccard.
    reps = [by_id[i] for i in first_by_hash.values()]
    shingle_sets = [_features(a, cfg)[0] for a in reps]
    has_new = [a.id not in known_ids for a in reps]
    if len(reps) > 1:
        hashes = RMinHash.from_token_sets([sorted(s) for s in shingle_sets], cfg.num_perm, cfg.seed)
        lsh = RMinHashLSH(cfg.near_threshold, cfg.num_perm, cfg.num_bands)
        lsh.insert_pairs(list(enumerate(hashes)))
        for i, cands in enumerate(lsh.query_all(hashes)):
            for j in cands:
                if j <= i or not (has_new[i] or has_new[j]):
                    continue
                if token_jaccard(shingle_sets[i], shingle_sets[j]) >= cfg.near_threshold:
                    uf.union(reps[i].id, reps[j].id)

    for members in uf.groups([a.id for a in pool]).values():
        if len(members) < 2:
            continue
        canon = min((by_id[m] for m in members), key=rank).id
        for m in members:
            if m == canon or m not in new_ids:
                continue
            result.duplicate_of[m] = canon
            result.kind[m] = "exact" if folded_hash[m] == folded_hash[canon] else "near"

    _sentence_level(pool, new_ids, cfg, result)
    _containment(pool, by_id, new_ids, known_ids, cfg, result)
    return result


def _sentence_level(pool, new_ids, cfg: DedupConfig, result: Duplicates) -> None:
    """Group sentences that are the same after folding, or nearly the same (token Jaccard)."""
    places_by_key: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for a in pool:
        for idx, toks in _features(a, cfg)[1]:
            if len(toks) < cfg.sentence_min_tokens:
                continue
            places_by_key[" ".join(toks)].append((a.id, idx))
    keys = list(places_by_key)
    uf = _UnionFind()
    if len(keys) > 1:
        token_sets = [set(k.split(" ")) for k in keys]
        rows = cfg.sentence_band_rows
        digests = np.asarray(
            RMinHash.digests_from_token_sets([sorted(s) for s in token_sets], cfg.sentence_num_perm, cfg.seed),
            dtype=np.uint64,
        )
        mult = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93]
                        * (rows // 4 + 1), dtype=np.uint64)[:rows]
        key_has_new = np.array([any(p[0] in new_ids for p in places_by_key[k]) for k in keys])
        seen_pairs = set()
        for b in range(cfg.sentence_num_perm // rows):
            band = digests[:, b * rows : (b + 1) * rows]
            with np.errstate(over="ignore"):
                bh = np.bitwise_xor.reduce(band * mult, axis=1)
            order = np.argsort(bh, kind="stable")
            sorted_h = bh[order]
            starts = np.concatenate([[0], np.flatnonzero(np.diff(sorted_h)) + 1, [len(order)]])
            lens = np.diff(starts)
            for r in np.flatnonzero((lens >= 2) & (lens <= 200)):  # huge runs: boilerplate/junk
                run = order[starts[r] : starts[r + 1]].tolist()
                for x in range(len(run)):
                    i = run[x]
                    for j in run[x + 1 :]:
                        if not (key_has_new[i] or key_has_new[j]):
                            continue
                        pair = (i, j) if i < j else (j, i)
                        if pair in seen_pairs:
                            continue
                        seen_pairs.add(pair)
                        if token_jaccard(token_sets[i], token_sets[j]) >= cfg.sentence_threshold:
                            uf.union(i, j)
    groups = uf.groups(range(len(keys)))
    for members in groups.values():
        places = [p for m in members for p in places_by_key[keys[m]]]
        if len({p[0] for p in places}) < 2 or not any(p[0] in new_ids for p in places):
            continue
        for p in places:
            others = [q for q in places if q[0] != p[0]]
            if others:
                result.sentence_copies[p] = others


def _containment(pool, by_id, new_ids, known_ids, cfg: DedupConfig, result: Duplicates) -> None:
    """A shorter article (same outlet) whose sentences are mostly in a longer one is a condensed copy."""
    overlap: dict[tuple[str, str], set[int]] = defaultdict(set)
    for (aid, idx), others in result.sentence_copies.items():
        for oid, _ in others:
            overlap[(aid, oid)].add(idx)
    best: dict[str, tuple[float, str]] = {}
    for (aid, oid), idxs in overlap.items():
        if aid not in new_ids or aid in result.duplicate_of:
            continue
        a, o = by_id[aid], by_id[oid]
        if len(o.text) <= len(a.text):
            continue
        if cfg.containment_same_outlet and (a.outlet or a.domain or o.outlet or o.domain):
            if (a.outlet, a.domain) != (o.outlet, o.domain) and not (
                (a.outlet and a.outlet == o.outlet) or (a.domain and a.domain == o.domain)
            ):
                continue
        eligible = sum(1 for _, t in _features(a, cfg)[1] if len(t) >= cfg.sentence_min_tokens)
        if len(idxs) < cfg.containment_min_sentences or eligible == 0:
            continue
        share = len(idxs) / eligible
        if share >= cfg.containment and share > best.get(aid, (0.0, ""))[0]:
            best[aid] = (share, oid)
    for aid, (_, oid) in best.items():
        canon = result.duplicate_of.get(oid, oid)
        if canon == aid:
            continue
        result.duplicate_of[aid] = canon
        result.kind[aid] = "contained"
