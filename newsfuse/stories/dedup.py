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
from itertools import chain
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

import numpy as np
from rensa import RMinHash, RMinHashLSH

from newsfuse.fuse.text import negations
from newsfuse.records import Article
from newsfuse.stories.features import put_bounded
from newsfuse.stories.text import fold, sentence_texts, shingle_list, shingles, words, words_each

__all__ = ["Duplicates", "DedupConfig", "find_duplicates", "sentence_key", "token_jaccard", "export_features",
           "remember_features"]


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


@dataclass
class _Feats:
    """Per-article features that do not depend on the rest of the pool (computed once, cached)."""

    folded_hash: str  # blake2b of the folded body: exact copies
    shingles: set[str] | None  # word k-shingles of the body: near copies (None: not made yet, see _shingles_of)
    sent_keys: list[tuple[int, str]]  # (index, folded word sequence) of sentences long enough to count
    key_list: list[str] = field(default_factory=list)  # the keys of sent_keys alone
    minhash: object = None  # RMinHash of ``shingles`` (None: filled when first needed)
    sent_bands: np.ndarray | None = None  # (len(sent_keys), bands) uint64 band hashes
    places: list[tuple[str, int]] = field(default_factory=list)  # (article id, index) per sent_keys entry


_CACHE: "OrderedDict[tuple, _Feats]" = OrderedDict()
_CACHE_MAX = 20000  # articles; dedup is called per batch with a recent window as `known`


def _key(a: Article, cfg: DedupConfig) -> tuple:
    return (a.id, hash(a.text), len(a.text), len(a.sentences), cfg.shingle, cfg.sentence_min_tokens,
            cfg.num_perm, cfg.seed, cfg.sentence_num_perm, cfg.sentence_band_rows)


def _features(a: Article, cfg: DedupConfig) -> _Feats:
    """Features of an article, cached: known articles recur in every batch of their window, so
    folding, shingling and MinHashing them again per batch was most of dedup's time. The MinHash
    is made from the shingles in text order; their set, needed only to confirm near-copy
    candidates, is made then (``_shingles_of``): building it for every article cost more than
    the hashing."""
    key = _key(a, cfg)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    folded = fold(a.text)
    sent_keys = []
    sent_toks = []
    texts = sentence_texts(a)
    sent_words = words_each([t for _, t in texts])
    for (i, _), toks in zip(texts, sent_words):
        if len(toks) >= cfg.sentence_min_tokens:
            sent_keys.append((i, " ".join(toks)))
            sent_toks.append(toks)
    body = _joined_words(a, sent_words)
    feats = _Feats(
        folded_hash=hashlib.blake2b(folded.encode("utf-8"), digest_size=12).hexdigest(),
        shingles=None,
        sent_keys=sent_keys,
        key_list=[k for _, k in sent_keys],
        minhash=_minhash(shingle_list(words(folded, folded=True) if body is None else body, cfg.shingle),
                         cfg.num_perm, cfg.seed),
        sent_bands=_bands(sent_toks, cfg),  # now, while the tokens are at hand
        places=[(a.id, i) for i, _ in sent_keys],
    )
    put_bounded(_CACHE, [(key, feats)], _CACHE_MAX)
    return feats


def _shingles_of(a: Article, f: _Feats, cfg: DedupConfig) -> set[str]:
    """The article's shingle set (the shingles ``_features`` hashes), made when first needed:
    only near-copy candidates need it once their MinHash is known."""
    if f.shingles is None:
        sent_words = words_each([t for _, t in sentence_texts(a)])
        body = _joined_words(a, sent_words)
        f.shingles = shingles(words(fold(a.text), folded=True) if body is None else body, cfg.shingle)
    return f.shingles


def export_features(articles: list[Article], config: DedupConfig | None = None) -> list[_Feats]:
    """Per article, the features ``find_duplicates`` computes when it meets it (MinHash included,
    shingle set left out: large to send, rarely needed): a process that prepared the articles
    hands them over with these."""
    cfg = config or DedupConfig()
    feats = [_features(a, cfg) for a in articles]
    _fill_minhashes(feats, cfg)
    return [_Feats(f.folded_hash, None, f.sent_keys, f.key_list, f.minhash, f.sent_bands, f.places) for f in feats]


def remember_features(articles: list[Article], feats: list[_Feats], config: DedupConfig | None = None) -> None:
    """Put ``export_features`` results in this process's cache, under these article objects."""
    cfg = config or DedupConfig()
    put_bounded(_CACHE, ((_key(a, cfg), f) for a, f in zip(articles, feats)), _CACHE_MAX)


def _joined_words(a: Article, sent_words: list[list[str]]) -> list[str] | None:
    """``words(fold(a.text))`` as its sentences' words one after another, where that is certain:
    an ASCII body (folding only changes case and spacing) whose sentences are its exact slices in
    order with only whitespace around and between them (no token spans whitespace). None: unsure."""
    text = a.text
    if not text.isascii() or len(sent_words) != len(a.sentences):
        return None
    pos = 0
    for s in a.sentences:
        gap = text[pos : s.start]
        if s.start < pos or (gap and not gap.isspace()) or (pos and not gap) or text[s.start : s.end] != s.text:
            return None
        pos = s.end
    tail = text[pos:]
    if tail and not tail.isspace():
        return None
    return list(chain.from_iterable(sent_words))


def _minhash(tokens, num_perm: int, seed: int) -> RMinHash:
    """One MinHash, built on this thread. rensa's batch helpers (``from_token_sets``,
    ``digests_from_token_sets``) give the same digests but start a thread pool per call, which
    on small per-day batches and a busy machine cost ~10x the hashing itself. A MinHash is a min
    per permutation, so token order and repeats do not matter (no set/sort needed)."""
    m = RMinHash(num_perm, seed)
    m.update(tokens)
    return m


def _fill_minhashes(feats: list[_Feats], cfg: DedupConfig, articles: list[Article] | None = None) -> None:
    """Document MinHashes for the articles that have none yet."""
    for i, f in enumerate(feats):
        if f.minhash is None:
            sh = f.shingles if f.shingles is not None else _shingles_of(articles[i], f, cfg)
            f.minhash = _minhash(list(sh), cfg.num_perm, cfg.seed)


def _band_mult(rows: int) -> np.ndarray:
    return np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93]
                    * (rows // 4 + 1), dtype=np.uint64)[:rows]


def _bands(sets: list[list[str]], cfg: DedupConfig) -> np.ndarray:
    """(len(sets), bands) uint64 band hashes of the sentence MinHashes of these token lists."""
    rows = cfg.sentence_band_rows
    n_bands = cfg.sentence_num_perm // rows
    if not sets:
        return np.zeros((0, n_bands), dtype=np.uint64)
    perm = cfg.sentence_num_perm
    digests = np.fromiter(chain.from_iterable(_minhash(t, perm, cfg.seed).digest() for t in sets), np.uint64,
                          count=len(sets) * perm).reshape(len(sets), perm)
    with np.errstate(over="ignore"):
        return np.bitwise_xor.reduce(
            digests[:, : n_bands * rows].reshape(len(sets), n_bands, rows) * _band_mult(rows), axis=2)


def _fill_sentence_bands(feats: list[_Feats], cfg: DedupConfig) -> None:
    """Sentence MinHash band hashes for the articles that have none yet."""
    todo = [f for f in feats if f.sent_bands is None]
    if not todo:
        return
    bands = _bands([k.split(" ") for f in todo for _, k in f.sent_keys], cfg)
    pos = 0
    for f in todo:
        n = len(f.sent_keys)
        f.sent_bands = bands[pos : pos + n]
        pos += n


def _denies(a: Article, fa: _Feats, b: Article, fb: _Feats, cfg: DedupConfig) -> bool:
    """True when a sentence of one is a near copy of a sentence of the other that denies it
    ("were not told" against "were told"): two such versions disagree, and a duplicate's
    sentences leave the brief, so the disagreement would vanish with them."""
    sa, sb = _denial_counts(a, fa), _denial_counts(b, fb)
    for toks, n in sa:
        for other, m in sb:
            if (n or m) and n != m and token_jaccard(toks, other) >= cfg.sentence_threshold:
                return True
    return False


def _denial_counts(a: Article, f: _Feats) -> list[tuple[set, int]]:
    """(word set, denials) of each sentence long enough to count as a copy."""
    texts = dict(sentence_texts(a))
    return [(set(key.split()), negations(texts.get(i, ""))) for i, key in f.sent_keys]


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
    feats = {a.id: _features(a, cfg) for a in pool}
    result = Duplicates()

    # Same Article.id twice in the input: the later records are exact copies of the first.
    # They cannot get a separate duplicate_of entry (same key), so only `kind` is not set.
    def rank(a: Article):
        return (0 if a.id in known_ids else 1, _published_key(a), -len(a.text), a.id)

    uf = _UnionFind()
    folded_hash: dict[str, str] = {}
    first_by_hash: dict[str, str] = {}
    for a in pool:
        h = feats[a.id].folded_hash
        folded_hash[a.id] = h
        if h in first_by_hash:
            uf.union(first_by_hash[h], a.id)
        else:
            first_by_hash[h] = a.id

    # Near copies: MinHash LSH candidates, confirmed with the exact shingle Jaccard.
    reps = [by_id[i] for i in first_by_hash.values()]
    rep_feats = [feats[a.id] for a in reps]
    has_new = [a.id not in known_ids for a in reps]
    if len(reps) > 1 and any(has_new):
        _fill_minhashes(rep_feats, cfg, reps)
        hashes = [f.minhash for f in rep_feats]
        lsh = RMinHashLSH(cfg.near_threshold, cfg.num_perm, cfg.num_bands)
        lsh.insert_pairs(list(enumerate(hashes)))
        # Only pairs with a new article count, so only new articles are queried (LSH candidates
        # are symmetric: a known-new pair is found from the new side).
        new_idx = [i for i, n in enumerate(has_new) if n]
        for i, cands in zip(new_idx, lsh.query_all([hashes[i] for i in new_idx])):
            for j in cands:
                if j == i or (has_new[j] and j < i):  # a new-new pair is checked once, from the smaller
                    continue
                if (token_jaccard(_shingles_of(reps[i], rep_feats[i], cfg),
                                  _shingles_of(reps[j], rep_feats[j], cfg)) >= cfg.near_threshold
                        and not _denies(reps[i], rep_feats[i], reps[j], rep_feats[j], cfg)):
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

    _sentence_level(pool, feats, new_ids, cfg, result)
    _containment(pool, by_id, feats, new_ids, known_ids, cfg, result)
    return result


def _run_pairs(order: np.ndarray, starts: np.ndarray, lens: np.ndarray, has_new: np.ndarray, nk: int) -> np.ndarray:
    """Every pair of keys sharing a bucket (a run ``order[start:start + len]``) with a new key in
    it, once each, as ``lo * nk + hi`` in ascending order.

    Why: the buckets are expanded on every batch, and a Python loop over their pairs (seen-pair
    set, tuples) cost more than the Jaccard tests it led to. The pairs tested are the same set, and
    grouping by union-find depends only on which pairs join, not on their order."""
    if not len(starts):
        return np.zeros(0, np.int64)
    pos = np.repeat(starts, lens) + (np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens))
    after = np.repeat(starts + lens, lens) - pos - 1  # partners after each position in its run
    left = np.repeat(pos, after)
    right = left + 1 + (np.arange(int(after.sum())) - np.repeat(np.cumsum(after) - after, after))
    a, b = order[left].astype(np.int64), order[right].astype(np.int64)
    keep = has_new[a] | has_new[b]
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    return np.unique(lo * nk + hi)


def _sentence_level(pool, feats: dict[str, _Feats], new_ids, cfg: DedupConfig, result: Duplicates) -> None:
    """Group sentences that are the same after folding, or nearly the same (token Jaccard).

    Exact: a dict on the folded word sequence. Near: MinHash band buckets (cached per article),
    and only buckets holding a sentence of a new article are expanded into candidate pairs.
    """
    pool_feats = [feats[a.id] for a in pool]
    # One row per eligible sentence of the pool, in pool order. Built with C-level helpers:
    # this runs for the whole recent window on every batch.
    row_keys = list(chain.from_iterable(f.key_list for f in pool_feats))
    if not row_keys:
        return
    key_index = dict(zip(dict.fromkeys(row_keys), range(len(row_keys))))  # first-seen order
    keys = list(key_index)
    row_key = np.fromiter(map(key_index.__getitem__, row_keys), dtype=np.intp, count=len(row_keys))
    new_rows = []
    row = 0
    for a, f in zip(pool, pool_feats):
        n = len(f.sent_keys)
        if a.id in new_ids and n:
            new_rows.append(row_key[row : row + n])
        row += n
    if not new_rows:
        return
    has_new = np.zeros(len(keys), dtype=bool)
    has_new[np.concatenate(new_rows)] = True
    hn = has_new.tolist()
    # rows of each key, in pool order: places are built only for keys that end up in a group
    by_key = np.argsort(row_key, kind="stable")
    key_start = np.searchsorted(row_key[by_key], np.arange(len(keys) + 1))
    key_row = by_key[key_start[:-1]]  # first row of each key (keys are 0..n-1)
    row_places = list(chain.from_iterable(f.places for f in pool_feats))

    def places_of(k: int) -> list[tuple[str, int]]:
        return [row_places[r] for r in by_key[key_start[k] : key_start[k + 1]].tolist()]

    uf = _UnionFind()
    touched: set[int] = set()
    if len(keys) > 1:
        _fill_sentence_bands(pool_feats, cfg)
        bands = np.concatenate([f.sent_bands for f in pool_feats])[key_row].T  # (band, key)
        token_sets: dict[int, set] = {}

        def toks(i: int) -> set:
            t = token_sets.get(i)
            if t is None:
                t = token_sets[i] = set(keys[i].split(" "))
            return t

        # the buckets of every band at once, band by band in hash order: one stable sort per band
        # (a row of ``bands``), runs of equal hashes never crossing a band's end
        nb, nk = bands.shape
        # any sort gives the same runs of equal hashes, and the pairs come out sorted
        # (``_run_pairs``): numpy's default (SIMD) sort, ~1.8x faster than a stable one here
        order = np.argsort(bands, axis=1)
        sorted_h = np.take_along_axis(bands, order, axis=1)
        first = np.ones((nb, nk), dtype=bool)
        first[:, 1:] = sorted_h[:, 1:] != sorted_h[:, :-1]
        starts = np.append(np.flatnonzero(first), nb * nk)
        lens = np.diff(starts)
        order = order.ravel()
        news = np.add.reduceat(has_new[order].astype(np.int64), starts[:-1])
        runs = np.flatnonzero((lens >= 2) & (lens <= 200) & (news > 0))  # huge runs: boilerplate/junk
        thr = cfg.sentence_threshold
        for code in _run_pairs(order, starts[runs], lens[runs], has_new, nk).tolist():
            i, j = divmod(code, nk)
            if token_jaccard(toks(i), toks(j)) >= thr:
                uf.union(i, j)
                touched.add(i)
                touched.add(j)
    # Groups holding a new sentence, in the order the full union-find grouping would give
    # (by smallest key index), members ascending.
    # A lone key needs two places (in two articles) to be a copy: most new sentences have one.
    groups = [m for m in uf.groups(sorted(touched)).values() if any(hn[i] for i in m)]
    n_places = np.diff(key_start)
    groups += [[i] for i in np.flatnonzero(has_new & (n_places > 1)).tolist() if i not in touched]
    groups.sort(key=lambda m: m[0])
    for members in groups:
        places = [p for m in members for p in places_of(m)]
        if len({p[0] for p in places}) < 2:
            continue
        for p in places:
            others = [q for q in places if q[0] != p[0]]
            if others:
                result.sentence_copies[p] = others


def _containment(pool, by_id, feats, new_ids, known_ids, cfg: DedupConfig, result: Duplicates) -> None:
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
        eligible = len(feats[aid].sent_keys)
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
