"""Speed-ups of the stories stage give exactly what they replace: the clusterer's relabelled sparse
products (scipy's numbers) and the fast word analyser (sklearn's tokens)."""

import json
import math
import random

import numpy as np
import scipy.sparse as sp

from newsfuse.stories.cluster import ClusterConfig, StoryClusterer, _vectorisers
from newsfuse.stories.vectors import (_Centroid, _Columns, _leader_rows, _segment_order, _shares_any, _top_entities,
                                      _top_entities_many)
from newsfuse.stories.products import csr, dense_gram, sparse_product
from newsfuse.stories.text import word_analyzer

DIM = (1 << 18) + (1 << 16)


def _random_rows(rng, n_rows: int, max_terms: int, n_cols: int = DIM) -> sp.csr_matrix:
    rows = [np.sort(rng.choice(2000, rng.integers(0, max_terms + 1), replace=False)) for _ in range(n_rows)]
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows], dtype=np.int64)])
    idx = (np.concatenate(rows + [np.zeros(0, np.int64)]) * 163) % n_cols  # spread over the space
    order = np.concatenate([np.argsort(idx[a:b]) + a for a, b in zip(indptr[:-1], indptr[1:])] + [np.zeros(0, int)])
    return sp.csr_matrix((rng.random(len(idx)) * 3.0, idx[order].astype(np.int32), indptr), shape=(n_rows, n_cols))


def test_gram_and_product_equal_scipy_bit_for_bit():
    rng = np.random.default_rng(7)
    cols = _Columns(DIM)
    for _ in range(60):
        A = _random_rows(rng, int(rng.integers(0, 30)), 200)
        B = _random_rows(rng, int(rng.integers(0, 30)), 200)
        assert np.array_equal(cols.gram(A, B), (A @ B.T).toarray())
        assert np.array_equal(cols.gram(A, A), (A @ A.T).toarray())
        n = B.shape[0]
        picks = [np.sort(rng.choice(n, int(rng.integers(0, n + 1)), replace=False)) for _ in range(5)] if n else [[]] * 5
        ptr = np.concatenate([[0], np.cumsum([len(p) for p in picks], dtype=np.int64)])
        P = sp.csr_matrix((np.ones(ptr[-1]), np.concatenate([np.asarray(p, np.int64) for p in picks]), ptr),
                          shape=(5, n))
        want, got = P @ B, cols.product(P, B)
        for a, b in ((want.indptr, got.indptr), (want.indices, got.indices), (want.data, got.data)):
            assert np.array_equal(a, b)
        assert (cols._lut == -1).all()  # left clean for the next product


def _arrays(M: sp.csr_matrix) -> tuple:
    return M.data, M.indices, M.indptr


def test_direct_products_equal_scipys_bytes_for_bytes():
    """dense_gram / sparse_product call scipy's C loop without its sizing pass: same bytes, also
    with signed values whose sums cancel to exact zeros (left out of a sparse result, as scipy does)."""
    rng = np.random.default_rng(11)
    for trial in range(80):
        k = int(rng.integers(1, 60))
        A = _random_rows(rng, int(rng.integers(0, 12)), 40, k)
        B = _random_rows(rng, int(rng.integers(0, 12)), 40, k)
        if trial % 2:  # signed values from a few levels: many exact cancellations
            for M in (A, B):
                M.data = rng.choice([-1.0, -0.5, 0.5, 1.0], len(M.data))
        want = (A @ B.T).toarray()
        got = dense_gram(_arrays(A), _arrays(B), A.shape[0], B.shape[0], k)
        assert got.shape == want.shape and got.tobytes() == want.tobytes()
        n = B.shape[0]
        P = sp.csr_matrix(rng.random((4, n)) < 0.5).astype(np.float64) if n else sp.csr_matrix((4, 0))
        want = P @ B
        got = sparse_product(_arrays(P), _arrays(B), 4, n, k)
        assert got is not None
        for a, b in zip((want.data, want.indices, want.indptr), got):
            assert a.tobytes() == b.astype(a.dtype).tobytes()


def test_direct_products_leave_other_dtypes_to_scipy():
    A = sp.csr_matrix(np.eye(3, dtype=np.float32))
    assert dense_gram(_arrays(A), _arrays(A), 3, 3, 3) is None
    assert sparse_product(_arrays(A), _arrays(A), 3, 3, 3) is None
    assert np.array_equal(_Columns(8).gram(A, A), np.eye(3))  # the caller falls back to scipy's @


def test_fast_word_analyzer_gives_sklearns_tokens():
    cfg = ClusterConfig()
    words, ents = _vectorisers(cfg.word_bits, cfg.entity_bits)
    fast, base = word_analyzer(words), words.build_analyzer()
    assert fast is not base  # the clusterer's word vectoriser takes the fast path
    rng = random.Random(3)
    alphabet = list("abQZ07_'- .,;\n\t") + ["\u2019", "\u201d", "\u2013", "\u2026", "\u00e9", "\u0130", "\u212a",
                                            "\u00a3", "\u00a0", "\u0301", "\u00b2", "\u0661", "\u6771"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60))) for _ in range(3000)]
    texts += ["Officials said the \u201cre-opened\u201d bridge\u2019s toll \u2014 \u00a32.50\u2026 rose 4%.",
              "Les habitants de Bel\u00e9m ont \u00e9t\u00e9 \u00e9vacu\u00e9s mardi.", "\u6771\u4eac 2024", ""]
    for t in texts:
        assert fast(t) == base(t), t
    assert word_analyzer(ents)("Reuters Lisk_Bay x") == ents.build_analyzer()("Reuters Lisk_Bay x")  # not word analysis


def _stream(n: int, seed: int = 3):
    """Invented articles on a few rotating topics, ~12 a day over several weeks (old ones settle)."""
    from datetime import datetime, timedelta, timezone

    from newsfuse.records import Article, article_id_for

    rng = random.Random(seed)
    topics = [([f"t{t}w{i}" for i in range(30)], [f"Name{t}x{j}" for j in range(4)]) for t in range(9)]
    t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        words, names = topics[(i // 40 + rng.randrange(3)) % len(topics)]
        body = " ".join(rng.choice(words) for _ in range(40)) + ". " + " ".join(rng.sample(names, 2)) + " said."
        out.append(Article(id=article_id_for(body + str(i)), text=body, published=t0 + timedelta(hours=2 * i)))
    return out


def test_settling_reuses_the_reclustered_rows_with_the_same_result(monkeypatch):
    """Articles settling into their story's base take their weighted rows from the re-clustering
    of the same batch; recomputing them instead gives the same state, byte for byte."""
    from newsfuse.stories.cluster import StoryClusterer

    def run(fresh: bool) -> tuple[str, int]:
        sc = StoryClusterer()
        reused = 0
        orig = sc._weight_rows

        def counted(ids):
            nonlocal reused
            if fresh:
                sc._weighted = (-1, {}, None)
            X, at = orig(ids)
            reused += X is sc._weighted[2]
            return X, at

        monkeypatch.setattr(sc, "_weight_rows", counted)
        arts = _stream(400)
        for i in range(0, len(arts), 12):
            sc.add(arts[i : i + 12])
        return json.dumps(sc.state(), sort_keys=True), reused

    (a, reused), (b, none) = run(False), run(True)
    assert a == b
    assert reused > 5 and none == 0


def test_csr_is_the_constructors_matrix():
    """``products.csr`` gives what ``csr_matrix((data, indices, indptr), shape=...)`` gives: the
    same attributes, index dtypes, values, pruned views; other inputs go to the constructor."""
    rng = np.random.default_rng(2)
    for trial in range(60):
        n_row, n_col = int(rng.integers(0, 8)), int(rng.integers(1, DIM))
        lens = rng.integers(0, 6, n_row)
        indptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64 if trial % 2 else np.int32)
        nnz = int(indptr[-1])
        spare = int(rng.integers(0, 3)) * (nnz + 1)  # arrays longer than nnz: scipy keeps a (pruned) view
        indices = rng.integers(0, n_col, nnz + spare).astype(np.int64 if trial % 7 == 0 else np.int32)
        data = rng.random(nnz + spare).astype(np.float32 if trial % 3 == 0 else np.float64)
        want = sp.csr_matrix((data, indices, indptr), shape=(n_row, n_col))
        got = csr(data, indices, indptr, (n_row, n_col))
        assert type(got) is type(want) and got.shape == want.shape and set(vars(got)) == set(vars(want))
        for k in ("indptr", "indices", "data"):
            a, b = getattr(want, k), getattr(got, k)
            assert a.dtype == b.dtype and np.array_equal(a, b)
            assert (a.base is None) == (b.base is None)
        assert np.array_equal(got.toarray() if n_col < 5000 else got.sum(0), want.toarray() if n_col < 5000 else want.sum(0))


def _leader_rows_reference(dot, G, norm2, first, last, times, used, cfg):
    """The leader pass's row loop as it was written before ``_leader_rows``."""
    members = {}
    for i in range(len(times)):
        t = times[i]
        col = None
        if used:
            norms = np.sqrt(np.maximum(norm2[:used], 1e-12))
            gap = np.maximum(np.maximum(first[:used] - t, t - last[:used]), 0.0)
            sims = dot[i, :used] / norms * np.exp(-gap / cfg.story_decay_days)
            sims[gap > cfg.story_window_days] = -1.0
            j = int(np.argmax(sims))
            if sims[j] >= cfg.leader_threshold:
                col = j
        if col is None:
            col = used
            used += 1
            first[col] = last[col] = t
        norm2[col] += 2.0 * dot[i, col] + G[i, i]
        dot[:, col] += G[:, i]
        first[col] = min(first[col], t)
        last[col] = max(last[col], t)
        members.setdefault(col, []).append(i)
    return members


def test_leader_rows_equal_the_per_row_formula():
    """The leader loop with its kept column norms makes the same choices and leaves the same
    products, norms and spans as the loop that recomputed every norm per row."""
    rng = np.random.default_rng(4)
    cfg = ClusterConfig()
    for _ in range(40):
        k0, m = int(rng.integers(0, 12)), int(rng.integers(1, 40))
        X = _random_rows(rng, m + k0, 30, 300)
        X.data = np.round(X.data, 1)  # repeated values: ties and equal sums
        F = (X @ X.T).toarray()
        G, dot0 = F[k0:, k0:].copy(), np.zeros((m, k0 + m))
        dot0[:, :k0] = F[k0:, :k0] * rng.choice([1.0, 3.0], k0)  # seeds of several articles
        norm0 = np.zeros(k0 + m)
        norm0[:k0] = np.diag(F)[:k0] * rng.choice([1.0, 2.0, 5.0], k0)
        times = np.sort(rng.choice(np.arange(0.0, 40.0, 0.25), m))
        first0, last0 = np.zeros(k0 + m), np.zeros(k0 + m)
        first0[:k0] = rng.choice(np.arange(-20.0, 30.0, 0.5), k0)
        last0[:k0] = first0[:k0] + rng.choice([0.0, 1.0, 4.0], k0)
        runs = []
        for fn in (_leader_rows_reference, _leader_rows):
            dot, norm2, first, last = dot0.copy(), norm0.copy(), first0.copy(), last0.copy()
            members = fn(dot, G, norm2, first, last, times, k0, cfg)
            runs.append((members, dot, norm2, first, last))
        (ma, *a), (mb, *b) = runs
        assert ma == mb and list(ma) == list(mb)
        assert all(np.array_equal(x, y) for x, y in zip(a, b))


def test_segment_order_is_lexsorts_order_with_ties():
    """Both ways (radix of 16-bit segment ids, and lexsort beyond) give ``np.lexsort((-val, seg))``,
    also where weights tie within and across segments (speed8's test)."""
    rng = np.random.default_rng(3)
    for _ in range(50):
        n = int(rng.integers(1, 40))
        seg = np.repeat(np.arange(n), rng.integers(0, 30, n))
        val = rng.choice([0.25, 0.5, 1.0, 2.0], len(seg)) if rng.random() < 0.5 else rng.random(len(seg))
        want = np.lexsort((-val, seg))
        assert np.array_equal(_segment_order(val, seg, n), want)
        assert np.array_equal(_segment_order(val, seg, n, radix_below=1), want)


def test_top_entity_pairs_are_the_per_centroid_sets_with_ties():
    """The (centroid, feature) pairs of ``_top_entities_many`` are ``_top_entities``'s sets for each
    k, where weights tie at the cut too (there ``np.argpartition`` picks), with excluded outlet
    ids and an idf given as an array or a function; ``_shares_any`` on them is the set test."""
    rng = np.random.default_rng(5)
    wdim = 100
    for _ in range(60):
        cents = []
        for _ in range(int(rng.integers(1, 25))):
            idx = np.sort(rng.choice(300, int(rng.integers(0, 40)), replace=False)).astype(np.int32)
            val = rng.choice([1.0, 2.0, 3.0], len(idx)) if rng.random() < 0.6 else rng.random(len(idx)) * 4
            cents.append(_Centroid(idx, val.astype(np.float32), 1.0, 0.0, 0.0, 1))
        idf = 1.0 + rng.choice([0.0, 0.5, 1.0], 300)
        exclude = np.sort(rng.choice(np.arange(wdim, 300), 5, replace=False))
        ks = (int(rng.integers(1, 6)), int(rng.integers(3, 30)))
        for how in (idf, lambda i: idf[i]):
            got = _top_entities_many(cents, wdim, ks, how, 0.7, exclude)
            want = [[_top_entities(c, wdim, k, idf, 0.7, exclude) for c in cents] for k in ks]
            for (who, feat), sets in zip(got, want):
                pairs = sorted(zip(who.tolist(), feat.tolist()))
                assert pairs == sorted((i, f) for i, s in enumerate(sets) for f in s)
            n = len(cents)
            hit = _shares_any(got[0], got[1], n, n)
            assert hit.tolist() == [[bool(a & b) for b in want[1]] for a in want[0]]


def test_line_grams_are_scipys_products_with_cached_seeds():
    """``_line_grams`` gives ``M @ M.T`` and the entity block's own product bit for bit (M: the
    seeds as they are, the rest as unit vectors), on a first call and again after some seeds
    changed (the unchanged seed pairs come from its cache)."""
    rng = np.random.default_rng(9)
    sc = StoryClusterer()
    wdim = sc._wdim

    def cent():
        idx = np.sort(rng.choice(sc.dim, int(rng.integers(0, 60)), replace=False))
        idx = np.where(rng.random(len(idx)) < 0.4, wdim + idx % (sc.dim - wdim), idx % 3000)
        idx = np.unique(idx).astype(np.int32)
        val = (rng.random(len(idx)) * 3).astype(np.float32)
        return _Centroid(idx, val, float(np.dot(val.astype(np.float64), val)), 0.0, 0.0, 1)

    seeds = [cent() for _ in range(12)]
    for _ in range(3):
        hot = [cent() for _ in range(int(rng.integers(1, 15)))]
        G, Ge = sc._line_grams(seeds + hot, len(seeds))
        rows = [c.val.astype(np.float64) for c in seeds] + [c.val / math.sqrt(c.norm2) if c.norm2 > 0 else c.val
                                                             for c in hot]
        M = sp.csr_matrix((np.concatenate(rows).astype(np.float64), np.concatenate([c.idx for c in seeds + hot]),
                           np.concatenate([[0], np.cumsum([len(c.idx) for c in seeds + hot])])), shape=(len(rows), sc.dim))
        Me = M[:, wdim:]
        assert G.tobytes() == (M @ M.T).toarray().tobytes()
        assert Ge.tobytes() == (Me @ Me.T).toarray().tobytes()
        seeds[int(rng.integers(0, len(seeds)))] = cent()


def test_float32_document_frequencies_equal_the_python_float_adds():
    """``np.add.at`` with a float32 one gives the float32 sums the Python float gave."""
    rng = np.random.default_rng(9)
    a = rng.integers(0, 1 << 25, 5000).astype(np.float32)
    b = a.copy()
    idx = rng.integers(0, 5000, 20000)
    np.add.at(a, idx, 1.0)
    np.add.at(b, idx, np.float32(1.0))
    assert np.array_equal(a, b)


def test_unique_ints_is_numpys_unique():
    from newsfuse.stories.vectors import _unique_ints

    rng = np.random.default_rng(6)
    for n in (0, 1, 2, 7, 300, 5000):
        a = rng.integers(-50, 1 << 40, n) if n % 2 else rng.integers(0, 20, n)
        u, c = np.unique(a, return_counts=True)
        gu, gc = _unique_ints(a, counts=True)
        assert np.array_equal(u, gu) and u.dtype == gu.dtype and np.array_equal(c, gc)
        assert np.array_equal(_unique_ints(a), u)


def test_gram_of_two_matrices_falls_back_to_scipy_with_the_same_numbers():
    """Other dtypes go to scipy's @ also when A and B differ and A has terms B lacks (speed8's test)."""
    rng = np.random.default_rng(5)
    cols = _Columns(DIM)
    for _ in range(20):
        A = _random_rows(rng, int(rng.integers(1, 12)), 60).astype(np.float32)
        B = _random_rows(rng, int(rng.integers(1, 12)), 60).astype(np.float32)
        assert np.array_equal(cols.gram(A, B), (A @ B.T).toarray())
        assert (cols._lut == -1).all()


def test_count_shared_is_the_integer_product_on_both_paths():
    from newsfuse.stories import vectors

    rng = np.random.default_rng(3)
    for r, k, g in [(1, 1, 1), (18, 80, 24), (5, 0, 4), (74, 571, 79), (40, 9, 300)]:
        a, b = rng.random((r, k)) < 0.2, rng.random((g, k)) < 0.3
        got = vectors._count_shared(a, b)
        assert got.dtype == np.int32 and got.shape == (r, g)
        assert (got == a.astype(np.int32) @ b.T.astype(np.int32)).all()
    assert 74 * 571 * 79 > vectors._ONE_THREAD >= 18 * 80 * 24  # both paths ran above
