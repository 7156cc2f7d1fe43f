"""The arithmetic under story clustering: sparse centroids, the pool's similarity blocks, the
products over relabelled columns, and the small numpy kernels the clusterer calls every batch.

Why a module of its own: these are exact, decision-free computations (the same sums in the same
order whatever calls them), tested for equality against plain numpy/scipy in
``tests/stories/test_speedups.py``; the clustering *decisions* stay in ``cluster.py``.
"""

from __future__ import annotations

import base64
import math
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from newsfuse.stories.products import csr, dense_gram, sparse_product
from newsfuse.stories.text import word_analyzer

if TYPE_CHECKING:
    from newsfuse.stories.cluster import ClusterConfig


def _pack(arr: np.ndarray) -> str:
    return base64.b64encode(zlib.compress(arr.tobytes(), 6)).decode("ascii")


def _unpack(s: str, dtype) -> np.ndarray:
    return np.frombuffer(zlib.decompress(base64.b64decode(s)), dtype=dtype).copy()


def _unique_inverse(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(a, return_inverse=True)`` by a stable sort: ``a`` is two sorted runs (a
    centroid's terms, then a row's), which the stable sort merges in about linear time where
    ``np.unique`` sorts from scratch. Both give the sorted distinct values and each element's
    position among them, which do not depend on how they were found."""
    order = np.argsort(a, kind="stable")
    s = a[order]
    first = np.empty(len(s), bool)
    first[:1] = True
    np.not_equal(s[1:], s[:-1], out=first[1:])
    inv = np.empty(len(s), np.intp)
    inv[order] = np.cumsum(first) - 1
    return s[first], inv


@dataclass
class _Centroid:
    """Sum of member vectors kept as its top terms; ``norm2`` is the squared norm of what is kept."""

    idx: np.ndarray
    val: np.ndarray
    norm2: float
    first: float
    last: float
    n: int = 0

    def copy(self) -> "_Centroid":
        return _Centroid(self.idx.copy(), self.val.copy(), self.norm2, self.first, self.last, self.n)

    @classmethod
    def empty(cls, t: float) -> "_Centroid":
        return cls(np.zeros(0, np.int32), np.zeros(0, np.float32), 0.0, t, t, 0)

    def add_rows(self, rows: sp.csr_matrix, dim: int, keep: int) -> None:
        self._combine(rows.indices, rows.data, keep)

    def add(self, other: "_Centroid", dim: int, keep: int) -> None:
        self._combine(other.idx, other.val, keep)
        self.first = min(self.first, other.first)
        self.last = max(self.last, other.last)
        self.n += other.n

    def _combine(self, idx: np.ndarray, val: np.ndarray, keep: int) -> None:
        """Sparse add then keep the ``keep`` largest terms (no dense vector of the hash space)."""
        if len(idx) == 0:
            return
        all_idx = np.concatenate([self.idx, idx.astype(np.int32)])
        all_val = np.concatenate([self.val.astype(np.float64), val.astype(np.float64)])
        uniq, inv = _unique_inverse(all_idx)
        sums = np.bincount(inv, weights=all_val, minlength=len(uniq))
        if len(uniq) > keep:
            top = np.argpartition(sums, -keep)[-keep:]
            top.sort()
            uniq, sums = uniq[top], sums[top]
        self.idx = uniq.astype(np.int32)
        self.val = sums.astype(np.float32)
        self.norm2 = float(np.dot(sums, sums))

    def to_json(self) -> dict:
        return {"idx": _pack(self.idx), "val": _pack(self.val), "first": self.first,
                "last": self.last, "n": self.n}

    @classmethod
    def from_json(cls, d: dict) -> "_Centroid":
        c = cls(_unpack(d["idx"], np.int32), _unpack(d["val"], np.float32), 0.0, d["first"], d["last"], d["n"])
        c.norm2 = float(np.dot(c.val.astype(np.float64), c.val))
        return c


def _hashed_counts(vec: HashingVectorizer, docs: list[str]) -> sp.csr_matrix:
    """``vec.transform(docs)`` for a count vectoriser (no norm, not binary), hashing each distinct
    token of a document once with its count: the same sums, about half the hashing."""
    if vec.norm is not None or vec.binary:
        return vec.transform(docs)
    analyze = word_analyzer(vec)
    hasher = FeatureHasher(n_features=vec.n_features, input_type="dict", dtype=vec.dtype,
                           alternate_sign=vec.alternate_sign)
    return hasher.transform(Counter(analyze(d)) for d in docs)


def _add_rows_grouped(cents: list[_Centroid], rows: list[list[int]], X: sp.csr_matrix, keep: int,
                      cols: _Columns) -> None:
    """``cents[g].add_rows(X[rows[g]], dim, keep)`` for every g (distinct centroids) in one pass.

    Why: a sparse row selection and an ``np.unique`` per column cost ~0.1 ms each and ran for
    every column of every re-clustering. Here one sparse product ``P @ Y`` sums them all: Y holds
    the centroids' own terms (float32 widened, as ``_combine`` does) above X's rows, and row g of
    the 0/1 matrix P picks centroid g's own row then its X rows in order. A product entry is
    accumulated in the order of P's row, from zero, and 1.0 * v is v, so each sum is the one
    ``_combine`` makes, added in the same order (own terms first, then the rows); no sum is zero
    (weights are positive), so the same terms are present. The top-``keep`` cut and the norm run
    on the same per-centroid arrays (terms in index order), so results are equal."""
    n = len(cents)
    nz = np.diff(X.indptr) > 0
    has = [g for g in range(n) if any(nz[r] for r in rows[g])]  # centroids whose rows add any term
    if not has:
        return
    own = [g for g in has if len(cents[g].idx)]
    no = len(own)
    if no:
        oi = np.zeros(no + 1, np.int64)
        oi[1:] = np.cumsum([len(cents[g].idx) for g in own])
        Y = csr(np.concatenate([cents[g].val.astype(np.float64) for g in own] + [X.data]),
                np.concatenate([cents[g].idx.astype(np.int32) for g in own] + [X.indices.astype(np.int32)]),
                np.concatenate([oi, X.indptr[1:].astype(np.int64) + oi[-1]]), (no + X.shape[0], X.shape[1]))
    else:
        Y = X
    slot = dict(zip(own, range(no)))
    pick: list[int] = []
    ptr = [0]
    for g in has:
        if g in slot:
            pick.append(slot[g])
        pick.extend(no + r for r in rows[g])
        ptr.append(len(pick))
    # 32-bit indices, as the constructor would make them
    P = csr(np.ones(len(pick)), np.array(pick, np.int32), np.array(ptr, np.int64), (len(has), Y.shape[0]))
    S = cols.product(P, Y)
    S.sort_indices()
    for r, g in enumerate(has):
        lo, hi = S.indptr[r], S.indptr[r + 1]
        if lo == hi:
            continue
        uniq, tot = S.indices[lo:hi], S.data[lo:hi]
        if len(uniq) > keep:
            top = np.argpartition(tot, -keep)[-keep:]
            top.sort()
            uniq, tot = uniq[top], tot[top]
        c = cents[g]
        c.idx = uniq.astype(np.int32)
        c.val = tot.astype(np.float32)
        c.norm2 = float(np.dot(tot, tot))


def _top_entities(c: _Centroid, wdim: int, k: int, idf: np.ndarray | None = None, power: float = 1.0,
                  exclude: np.ndarray | None = None) -> set[int]:
    """The k heaviest entity features; with ``idf`` the weight is divided by idf**power so that
    frequently named actors/places count, not the rarest names. ``exclude``: sorted feature ids
    that are never anchors (outlet names: "CNN" tied Egypt to Libya in T17)."""
    keep = c.idx >= wdim
    if exclude is not None and len(exclude):
        keep &= ~np.isin(c.idx, exclude, assume_unique=False)
    idx, val = c.idx[keep], c.val[keep]
    if idf is not None and len(idx):
        val = val / idf[idx] ** power
    if len(idx) > k:
        sel = np.argpartition(val, -k)[-k:]
        idx = idx[sel]
    return set(idx.tolist())


def _segment_order(val: np.ndarray, seg: np.ndarray, n: int, radix_below: int = 1 << 16) -> np.ndarray:
    """``np.lexsort((-val, seg))``: by segment (ids below ``n``), heaviest first, ties in order.
    Why: with fewer than 2**16 segments the same order comes from a stable sort by weight and
    then a stable sort of 16-bit segment ids, which numpy does by radix (a quarter less time).
    (From branch speed8.)"""
    if n >= radix_below:
        return np.lexsort((-val, seg))
    by_val = np.argsort(-val, kind="stable")
    return by_val[np.argsort(seg[by_val].astype(np.uint16), kind="stable")]


def _top_entities_many(cents: list[_Centroid], wdim: int, ks: tuple[int, ...], idf,
                       power: float = 1.0, exclude: np.ndarray | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """``_top_entities`` of every centroid for each k in ``ks``, as (centroid, feature) pairs (one
    pair of arrays per k), from one sort of all centroids' entity weights.

    Why: the per-centroid calls cost ~40 us each and ran twice per hot item and batch, and the
    sets they gave were only turned back into arrays. A centroid's features are distinct, so its
    pairs are its set. Where the k-th and (k+1)-th weights tie, which of them is kept is
    ``np.argpartition``'s choice, so there the same ``np.argpartition`` call decides; elsewhere the
    k heaviest are the first k of the centroid's sorted run (all of them when it has at most k).
    ``idf``: an array, or a function giving the values at some indices."""
    n = len(cents)
    lens = np.fromiter((len(c.idx) for c in cents), np.int64, count=n)
    if not n or not lens.sum():
        return [(np.zeros(0, np.int64), np.zeros(0, np.int64)) for _ in ks]
    idx = np.concatenate([c.idx for c in cents])
    val = np.concatenate([c.val for c in cents])
    seg = np.repeat(np.arange(n), lens)
    keep = idx >= wdim
    if exclude is not None and len(exclude):  # np.isin, by binary search in the few sorted ids
        ent = np.flatnonzero(keep)
        at = np.minimum(np.searchsorted(exclude, idx[ent]), len(exclude) - 1)
        keep[ent[exclude[at] == idx[ent]]] = False
    idx, val, seg = idx[keep], val[keep], seg[keep]
    if len(idx):
        val = val / (idf(idx) if callable(idf) else idf[idx]) ** power
    counts = np.bincount(seg, minlength=n)
    starts = np.concatenate([[0], np.cumsum(counts)])
    order = _segment_order(val, seg, n)  # by centroid, heaviest first (stable: ties keep their order)
    s_idx, s_val, s_seg = idx[order], val[order], seg[order]
    rank = np.arange(len(order)) - starts[s_seg]  # place in the centroid's run, heaviest first
    out = []
    for k in ks:
        big = np.flatnonzero(counts > k)
        tied = big[~(s_val[starts[big] + k - 1] > s_val[starts[big] + k])]
        take = rank < k
        if len(tied):
            is_tied = np.zeros(n, bool)
            is_tied[tied] = True
            take &= ~is_tied[s_seg]
        feat = [s_idx[take]]
        for a, b in zip(starts[tied].tolist(), starts[tied + 1].tolist()):
            # what _top_entities does with this centroid's (filtered, weighted) entities
            feat.append(idx[a:b][np.argpartition(val[a:b], -k)[-k:]])
        who = np.concatenate([s_seg[take], np.repeat(tied, k)])  # a tied centroid has more than k
        out.append((who.astype(np.int64), np.concatenate(feat).astype(np.int64)))
    return out


_CUTS = 24  # cuts in time tried per story at most


def _time_cut(S: np.ndarray, t: np.ndarray, m: int, ratio: float) -> tuple[list[int], list[int]] | None:
    """Two sides of at least ``m`` items (rows in publish order ``t``, ``S`` their similarities)
    whose cohesion ratio (mean similarity across / mean within the looser side) is lowest and below
    ``ratio``; None if there are none. Candidates: every cut between two publish times, after which
    each item moves twice to the side its other members are on average more similar to (so a late
    follow-up of the first event goes back to it). All cuts are scored at once with matrix products.

    Why cuts in time: a glued event starts later than the story it joined, as a block; the facets
    of one event (reports, victims, reactions, a live page) alternate in time, so no cut isolates
    them, while a cut by content alone split off facets as readily as events."""
    n = len(S)
    if n < 2 * m:
        return None
    off = S - np.diag(np.diag(S))
    row = off.sum(1)
    at = np.arange(m, n - m + 1)
    at = at[t[at] > t[at - 1]]  # a cut falls between two publish times
    if not len(at):
        return None
    if len(at) > _CUTS:  # a long story: evenly spaced cuts (the moves refine the sides)
        at = at[np.linspace(0, len(at) - 1, _CUTS).round().astype(int)]
    B = (np.arange(n)[:, None] >= at[None, :]).astype(np.float64)  # after the cut
    for _ in range(2):  # np.einsum, not @: small products, no BLAS threads
        nb = B.sum(0)
        to_b = np.einsum("ij,jk->ik", off, B)
        mean_b = to_b / np.maximum(nb[None, :] - B, 1.0)
        mean_a = (row[:, None] - to_b) / np.maximum((n - nb)[None, :] - (1.0 - B), 1.0)
        B = (mean_b > mean_a).astype(np.float64)
    nb = B.sum(0)
    na = n - nb
    OB = np.einsum("ij,jk->ik", off, B)
    sb = (OB * B).sum(0)
    cross = (OB * (1.0 - B)).sum(0)
    sa = row.sum() - sb - 2.0 * cross
    with np.errstate(divide="ignore", invalid="ignore"):
        r = (cross / (na * nb)) / np.maximum(np.minimum(sa / (na * (na - 1)), sb / (nb * (nb - 1))), 1e-12)
    r[(na < m) | (nb < m) | ~np.isfinite(r)] = np.inf
    k = int(np.argmin(r))
    if not r[k] < ratio:
        return None
    side = B[:, k] > 0
    if side[0]:  # the side holding the earliest article comes first
        side = ~side
    return np.flatnonzero(~side).tolist(), np.flatnonzero(side).tolist()


def _leader_rows(dot: np.ndarray, G: np.ndarray, norm2: np.ndarray, first: np.ndarray, last: np.ndarray,
                 times: np.ndarray, used: int, cfg: "ClusterConfig") -> dict[int, list[int]]:
    """The leader pass's row loop over one chunk (``_single_pass``): each row joins the column of
    highest time-decayed cosine, ``dot`` row over column norm times exp(-gap / decay days), if it
    is at least ``leader_threshold`` (-1 beyond the window), else opens column ``used``; the
    column's norm, products, and time span are updated in place. Returns column -> rows.

    Why a function of its own, written this way: it runs once per pool article and batch, so its
    dozen small numpy calls per row are much of the pass. Each column's norm is kept (recomputed
    only where its squared norm changed, the same sqrt of the same value), and ``gap / -decay``
    is ``-gap / decay`` (IEEE division rounds the magnitude alone), so every similarity is the
    number the per-row formula gives, compared the same way."""
    d, win, thr = cfg.story_decay_days, cfg.story_window_days, cfg.leader_threshold
    norms = np.sqrt(np.maximum(norm2, 1e-12))
    members: dict[int, list[int]] = {}
    for i in range(len(times)):
        t = times[i]
        col = -1
        if used:
            gap = np.maximum(first[:used] - t, t - last[:used])
            np.maximum(gap, 0.0, out=gap)
            sims = dot[i, :used] / norms[:used]
            sims *= np.exp(gap / -d)
            sims[gap > win] = -1.0
            j = int(sims.argmax())
            if sims[j] >= thr:
                col = j
        if col < 0:
            col = used
            used += 1
            first[col] = last[col] = t
        norm2[col] += 2.0 * dot[i, col] + G[i, i]
        norms[col] = math.sqrt(max(norm2[col], 1e-12))
        dot[:, col] += G[:, i]
        if t < first[col]:
            first[col] = t
        if t > last[col]:
            last[col] = t
        members.setdefault(col, []).append(i)
    return members


class _PoolSims:
    """Similarities of the pool's articles (and the hot stories' settled seeds) for the cohesion
    checks. Dense (``G``: article by article, ``D``: article by seed) when the leader pass had
    them, for a pool of one chunk; else sparse products on demand, each in the columns its rows
    use, so a large pool never needs a dense square of its size."""

    def __init__(self, seeds: list[_Centroid], dim: int, G: np.ndarray | None = None,
                 D: np.ndarray | None = None, X: sp.csr_matrix | None = None) -> None:
        self.seeds, self.dim, self.G, self.D, self.X = seeds, dim, G, D, X

    def blocks(self, groups: list[list[int]]) -> list[np.ndarray]:
        """The similarity matrix among each group's rows. Sparse: one product for all groups, each
        group's terms kept apart (a column per group and term), so the product is block diagonal."""
        if self.G is not None:
            return [self.G[np.ix_(rows, rows)] for rows in groups]
        sizes = [len(rows) for rows in groups]
        Z = _take_rows(self.X, np.concatenate([np.asarray(rows, np.int64) for rows in groups]))
        owner = np.repeat(np.repeat(np.arange(len(groups)), sizes), np.diff(Z.indptr))
        _, term = np.unique(owner * np.int64(Z.shape[1]) + Z.indices, return_inverse=True)
        Z = csr(Z.data, term.reshape(-1), Z.indptr, (Z.shape[0], int(term.max()) + 1))
        B = (Z @ Z.T).tocsr()
        out, lo = [], 0
        for n in sizes:
            a, b = B.indptr[lo], B.indptr[lo + n]
            dense = np.zeros((n, n))
            dense[np.repeat(np.arange(n), np.diff(B.indptr[lo : lo + n + 1])), B.indices[a:b] - lo] = B.data[a:b]
            out.append(dense)
            lo += n
        return out

    def to_seed(self, rows: list[int], c: int) -> float:
        """Summed similarity of ``rows`` to seed ``c`` (its summed vector)."""
        if self.D is not None:
            return float(self.D[rows, c].sum())
        seed = _matrix([self.seeds[c]], self.dim, False)
        return float((_take_rows(self.X, np.array(rows)) @ seed.T).sum())

    def to_groups(self, group: np.ndarray, seed_group: np.ndarray, ng: int) -> tuple[np.ndarray, np.ndarray]:
        """Summed similarities of every pool article to the articles of every group (pool rows in
        ``group``, seeds in ``seed_group``), and each article's self-similarity."""
        m, k0 = len(group), len(seed_group)
        if self.G is not None:  # by bincount: small arrays, no sparse set-up per batch
            out = np.bincount((np.arange(m)[:, None] * ng + group[None, :]).ravel(), weights=self.G.ravel(),
                              minlength=m * ng)
            if k0:
                out += np.bincount((np.arange(m)[:, None] * ng + seed_group[None, :]).ravel(),
                                   weights=self.D.ravel(), minlength=m * ng)
            return out.reshape(m, ng), np.diag(self.G).copy()
        P = sp.csr_matrix((np.ones(m), (np.arange(m), group)), shape=(m, ng))
        Q = sp.csr_matrix((np.ones(k0), (np.arange(k0), seed_group)), shape=(k0, ng))
        V = P.T @ self.X
        if k0:
            V = V + Q.T @ _matrix(self.seeds, self.dim, False)
        Z = _compact(sp.vstack([self.X, V]).tocsr())  # both in the columns they use
        return (Z[:m] @ Z[m:].T).toarray(), np.asarray(self.X.multiply(self.X).sum(1)).ravel()

    def sums_to(self, rows: np.ndarray, groups: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        """Summed similarity of each of ``rows`` to each group (its pool rows, its seeds), and each
        row's self-similarity. For the few rows of two groups (``_rests_on_one``)."""
        out = np.zeros((len(rows), len(groups)))
        if self.G is not None:
            for j, (gr, gs) in enumerate(groups):
                out[:, j] = self.G[np.ix_(rows, gr)].sum(1)
                if len(gs):
                    out[:, j] += self.D[np.ix_(rows, gs)].sum(1)
            return out, self.G[rows, rows].copy()
        Xr = _take_rows(self.X, np.asarray(rows, np.int64))
        for j, (gr, gs) in enumerate(groups):
            M = _take_rows(self.X, np.asarray(gr, np.int64))
            if len(gs):
                M = _stack(M, _matrix([self.seeds[i] for i in gs], self.dim, False))
            Z = _compact(_stack(Xr, M))  # both in the columns they use
            out[:, j] = np.asarray((Z[:len(rows)] @ Z[len(rows):].T).sum(1)).ravel()
        return out, np.asarray(Xr.multiply(Xr).sum(1)).ravel()

    def group_sums(self, rows: np.ndarray, group: np.ndarray, seeds: np.ndarray, seed_group: np.ndarray,
                   ng: int) -> tuple[np.ndarray, np.ndarray]:
        """Summed similarities between the articles of every two groups (pool ``rows`` in groups
        ``group``; ``seeds``, whose settled articles are unit vectors, in ``seed_group``) and
        each group's summed self-similarities."""
        k0 = len(seeds)
        sd = [self.seeds[i] for i in seeds]
        own = np.bincount(seed_group, weights=np.array([c.n for c in sd], np.float64), minlength=ng)
        own = own.astype(np.float64)
        if self.G is None:
            X = _take_rows(self.X, rows)
            own += np.bincount(group, weights=np.bincount(np.repeat(np.arange(X.shape[0]), np.diff(X.indptr)),
                                                          weights=X.data ** 2, minlength=X.shape[0]), minlength=ng)
            P = sp.csr_matrix((np.ones(len(group)), (group, np.arange(len(group)))), shape=(ng, len(group)))
            V = P @ X
            if k0:
                Q = sp.csr_matrix((np.ones(k0), (seed_group, np.arange(k0))), shape=(ng, k0))
                V = V + Q @ _matrix(sd, self.dim, False)
            V = _compact(V.tocsr())
            return (V @ V.T).toarray(), own
        G = self.G[np.ix_(rows, rows)]
        own += np.bincount(group, weights=np.diag(G), minlength=ng)
        # sums over group pairs by bincount: small arrays, and no BLAS threads woken for them
        A = _pair_sums(G, group, group, ng)
        if k0:
            Sc = _compact(_matrix(sd, self.dim, False))
            PD = _pair_sums(self.D[np.ix_(rows, seeds)], group, seed_group, ng)
            SS = dense_gram((Sc.data, Sc.indices, Sc.indptr), (Sc.data, Sc.indices, Sc.indptr), k0, k0, Sc.shape[1])
            SS = (Sc @ Sc.T).toarray() if SS is None else SS  # the same numbers either way
            A += PD + PD.T + _pair_sums(SS, seed_group, seed_group, ng)
        return A, own


def _unique_ints(a: np.ndarray, counts: bool = False):
    """``np.unique(a[, return_counts=True])`` for an integer array, by one sort: numpy 2's
    ``np.unique`` hashes first and then sorts, ~3x slower at the few thousand (group, name)
    keys of a batch. Integers have one sorted distinct list, so the values are the same."""
    s = np.sort(a)
    first = np.empty(len(s), bool)
    first[:1] = True
    np.not_equal(s[1:], s[:-1], out=first[1:])
    u = s[first]
    if not counts:
        return u
    return u, np.diff(np.append(np.flatnonzero(first), len(s)))


def _pair_sums(M: np.ndarray, rows: np.ndarray, cols: np.ndarray, ng: int) -> np.ndarray:
    """``out[g, h]``: the sum of ``M[i, j]`` over i in group g (``rows[i]``) and j in group h."""
    flat = (rows[:, None] * ng + cols[None, :]).ravel()
    return np.bincount(flat, weights=M.ravel(), minlength=ng * ng).reshape(ng, ng)


def _compact(M: sp.csr_matrix) -> sp.csr_matrix:
    """``M`` with only the columns it uses (numbered by first use): the same row products, without
    the hash space's width, which sparse products pay for when they transpose (~1 ms at 2**18
    columns). Numbered through one scratch array of the width: no sort of all the entries."""
    idx = M.indices
    pos = np.empty(M.shape[1], np.int64)
    at = np.arange(len(idx))
    pos[idx[::-1]] = at[::-1]  # each column's first entry
    first = pos[idx]
    is_first = first == at
    number = np.cumsum(is_first) - 1
    return csr(M.data, number[first].astype(np.int32), M.indptr, (M.shape[0], int(is_first.sum())))


def _matrix(cents: list[_Centroid], dim: int, normalise: bool) -> sp.csr_matrix:
    if not cents:
        return sp.csr_matrix((0, dim))
    indptr = np.zeros(len(cents) + 1, np.int64)
    indptr[1:] = np.cumsum([len(c.idx) for c in cents])
    idx = np.concatenate([c.idx for c in cents]) if indptr[-1] else np.zeros(0, np.int32)
    val = np.concatenate(
        [c.val / math.sqrt(c.norm2) if (normalise and c.norm2 > 0) else c.val for c in cents]
    ) if indptr[-1] else np.zeros(0, np.float32)
    return csr(val.astype(np.float64), idx, indptr, (len(cents), dim))


def _matrix2(raw: list[_Centroid], unit: list[_Centroid], dim: int) -> sp.csr_matrix:
    """``vstack([_matrix(raw, dim, False), _matrix(unit, dim, True)])`` built in one go."""
    cents = raw + unit
    if not cents:
        return sp.csr_matrix((0, dim))
    indptr = np.zeros(len(cents) + 1, np.int64)
    indptr[1:] = np.cumsum([len(c.idx) for c in cents])
    if not indptr[-1]:
        return csr(np.zeros(0), np.zeros(0, np.int32), indptr, (len(cents), dim))
    idx = np.concatenate([c.idx for c in cents])
    # each block as _matrix makes it: values divided in their own dtype, then widened
    val = np.concatenate([c.val for c in raw] + [c.val / math.sqrt(c.norm2) if c.norm2 > 0 else c.val
                                                 for c in unit]) if unit else np.concatenate([c.val for c in raw])
    return csr(val.astype(np.float64), idx, indptr, (len(cents), dim))


def _take_rows(M: sp.csr_matrix, rows: np.ndarray) -> sp.csr_matrix:
    """``M[rows]`` (rows with sorted indices stay sorted) from the arrays, without scipy's indexing."""
    lo, hi = M.indptr[rows], M.indptr[np.asarray(rows) + 1]
    lens = (hi - lo).astype(np.int64)
    indptr = np.zeros(len(lens) + 1, np.int64)
    np.cumsum(lens, out=indptr[1:])
    pos = np.repeat(lo.astype(np.int64) - indptr[:-1], lens) + np.arange(indptr[-1])
    return csr(M.data[pos], M.indices[pos], indptr, (len(lens), M.shape[1]))


def _from_column(M: sp.csr_matrix, start: int) -> sp.csr_matrix:
    """``M`` with its terms below column ``start`` left out (the same columns), from the arrays."""
    keep = M.indices >= start
    counts = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
    return csr(M.data[keep], M.indices[keep], counts[M.indptr], M.shape)


def _stack(A: sp.csr_matrix, B: sp.csr_matrix) -> sp.csr_matrix:
    """``vstack([A, B])`` (CSR, the same width) from the arrays."""
    indptr = np.concatenate([A.indptr.astype(np.int64), B.indptr[1:].astype(np.int64) + A.indptr[-1]])
    return csr(np.concatenate([A.data, B.data]), np.concatenate([A.indices, B.indices]), indptr,
               (A.shape[0] + B.shape[0], A.shape[1]))


class _Columns:
    """Sparse products over the columns the operands use, relabelled 0..k-1.

    Why: the hashed space has 2^18 + 2^16 columns and a batch's matrices use a few thousand.
    scipy computes ``A @ B.T`` by first turning ``B.T`` into CSR (row pointers over every column)
    and ``P @ Y`` with work arrays spanning Y's columns: each costs O(all columns), most of the
    time of the small per-batch products. Relabelling the columns changes no number: an entry of
    a CSR product is summed from zero in the order of A's row (positions, not labels) over the
    rows of the right operand, and a column of B lists its rows in order under any label, so every
    entry is the same sum in the same order; ``product`` also gives its entries in the same
    order (they are listed in order of first touch) before the labels are mapped back.
    One per clusterer: ``_lut`` is all -1 between calls."""

    def __init__(self, dim: int) -> None:
        self._lut = np.full(dim, -1, np.int32)

    def _labels(self, cols: np.ndarray, other: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """A label per entry of ``cols`` (one per distinct column, < len(cols)), and the labels of
        ``other``'s columns (-1: not among ``cols``)."""
        lut = self._lut
        cols = cols.astype(np.intp)  # once: numpy would convert int32 positions at every use
        lut[cols] = np.arange(len(cols), dtype=np.int32)
        try:
            return lut[cols], (lut[other.astype(np.intp)] if other is not None else None)
        finally:
            lut[cols] = -1

    def gram(self, A: sp.csr_matrix, B: sp.csr_matrix) -> np.ndarray:
        """``(A @ B.T).toarray()``, the same numbers."""
        if A is B:
            lb, la = self._labels(B.indices)[0], None
        else:
            lb, la = self._labels(B.indices, A.indices)
        k = max(len(lb), 1)
        a = (B.data, lb, B.indptr)  # A's arrays over the labels (plain arrays: a matrix object is
        if la is not None:           # built only if scipy's @ has to do the product; from speed8)
            keep = la >= 0  # A's terms in no row of B add nothing to any entry
            if keep.all():
                a = (A.data, la, A.indptr)
            else:
                ptr = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])[A.indptr]
                a = (A.data[keep], la[keep], ptr)
        out = dense_gram(a, (B.data, lb, B.indptr), A.shape[0], B.shape[0], k)  # scipy's C loop, called directly
        if out is not None:
            return out
        Ac = sp.csr_matrix(a, shape=(A.shape[0], k))
        Bc = sp.csr_matrix((B.data, lb, B.indptr), shape=(B.shape[0], k))
        return (Ac @ Bc.T).toarray()

    def product(self, P: sp.csr_matrix, Y: sp.csr_matrix) -> sp.csr_matrix:
        """``P @ Y`` (CSR, entries in the same order as scipy gives them)."""
        lb = self._labels(Y.indices)[0]
        got = sparse_product((P.data, P.indices, P.indptr), (Y.data, lb, Y.indptr), P.shape[0], Y.shape[0],
                             max(len(lb), 1))
        if got is not None:
            return csr(got[0], Y.indices[got[1]], got[2], (P.shape[0], Y.shape[1]))
        S = P @ sp.csr_matrix((Y.data, lb, Y.indptr), shape=(Y.shape[0], max(len(lb), 1)))
        return csr(S.data, Y.indices[S.indices], S.indptr, (P.shape[0], Y.shape[1]))


def _count_shared(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b.T`` of two boolean matrices as int32 counts. Small products go to BLAS in float32
    (whole numbers below 2**24 add up exactly in any order, and OpenBLAS keeps products under
    ``_ONE_THREAD`` multiply-adds on one thread); bigger ones AND packed bits and count them, so
    no BLAS threads are woken. numpy's integer ``@`` has no fast loop and cost ~5x either."""
    if a.shape[0] * a.shape[1] * b.shape[0] <= _ONE_THREAD:
        return (a.astype(np.float32) @ b.T.astype(np.float32)).astype(np.int32)
    if not hasattr(np, "bitwise_count"):  # numpy < 2.0
        return a.astype(np.int32) @ b.T.astype(np.int32)
    pa, pb = np.packbits(a, axis=1), np.packbits(b, axis=1)
    return np.bitwise_count(pa[:, None, :] & pb[None, :, :]).sum(2, dtype=np.int32)


_ONE_THREAD = 65536  # OpenBLAS's one-thread bound is 4x this (SMP_THRESHOLD_MIN x GEMM_MULTITHREAD_THRESHOLD)


def _squash(name: str) -> str:
    """An outlet or entity name reduced to letters and digits ("Fox News's" -> "foxnews")."""
    name = name.lower()
    for suffix in ("'s", "'"):
        name = name.removesuffix(suffix)
    name = name.removeprefix("the ").removeprefix("the_")
    return "".join(ch for ch in name if ch.isalnum())


def _shares_any(rows: tuple[np.ndarray, np.ndarray], cols: tuple[np.ndarray, np.ndarray], nr: int,
                nc: int) -> np.ndarray:
    """[i, j] is True when row i and column j share a feature, each given as (owner, feature)
    pairs (``_top_entities_many``): a join on the features (no matrices of the hash space)."""
    hit = np.zeros((nr, nc), bool)
    ri, rf = rows
    order = np.argsort(cols[1], kind="stable")
    ci, cf = cols[0][order], cols[1][order]
    lo, hi = np.searchsorted(cf, rf, "left"), np.searchsorted(cf, rf, "right")
    n = hi - lo
    if n.sum():
        at = np.repeat(lo - np.concatenate([[0], np.cumsum(n)[:-1]]), n) + np.arange(n.sum())
        hit[np.repeat(ri, n), ci[at]] = True
    return hit


def _row_keys(cents: list[_Centroid]) -> dict:
    """Position of each centroid's arrays, keeping the arrays alive (so their ids stay unique)."""
    return {(id(c.idx), id(c.val)): (i, c.idx, c.val) for i, c in enumerate(cents)}


def _cached_rows(where: dict, cents: list[_Centroid]) -> np.ndarray:
    """For each centroid, its position in the last ``_row_keys`` if its arrays are the very same
    objects (a product depends only on the two rows' arrays), else -1."""
    pos = np.full(len(cents), -1)
    for i, c in enumerate(cents):
        hit = where.get((id(c.idx), id(c.val)))
        if hit is not None and hit[1] is c.idx and hit[2] is c.val:
            pos[i] = hit[0]
    return pos


def _entity_part(c: _Centroid, wdim: int) -> _Centroid:
    keep = c.idx >= wdim
    e = _Centroid(c.idx[keep], c.val[keep], 0.0, c.first, c.last, c.n)
    e.norm2 = float(np.dot(e.val.astype(np.float64), e.val))
    return e
