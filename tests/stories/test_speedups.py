"""Speed-ups of the stories stage give exactly what they replace: the clusterer's relabelled sparse
products (scipy's numbers) and the fast word analyser (sklearn's tokens)."""

import json
import random

import numpy as np
import scipy.sparse as sp

from newsfuse.stories.cluster import ClusterConfig, _Columns, _vectorisers
from newsfuse.stories.products import dense_gram, sparse_product
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
