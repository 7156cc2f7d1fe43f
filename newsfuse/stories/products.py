"""Sparse products of the clustering stage through scipy's own C routines, called directly.

Why: the per-batch products are small (a few dozen rows), and ``A @ B`` spends more time in
scipy's Python layer (format checks, index dtype scans, a conversion per operand, a result object)
than in the arithmetic; it also runs the C loop twice, once to size the result
(``csr_matmat_maxnnz``) and once to fill it. Here the same routines scipy's ``@`` calls
(``csr_tocsc`` for the transpose, ``csr_matmat``, ``csr_todense``) run on the arrays, and the
result is sized by a bound known in advance (a dense result has at most rows x columns entries; a
product with a 0/1 selector at most the summed lengths of the rows it picks), which leaves out the
sizing pass: ``csr_matmat`` writes the same entries whatever room it is given. Every number is
the one scipy's ``@`` gives (the same loop over the same arrays). Where an input is outside what
this path handles (other dtypes, sizes beyond 32-bit indices, a scipy without these routines),
the functions return None and the caller uses scipy's ``@``.
"""

from __future__ import annotations

import numpy as np

try:  # private to scipy: used only if present with the expected names
    from scipy.sparse._sparsetools import csr_matmat, csr_tocsc, csr_todense
except Exception:  # pragma: no cover - another scipy layout
    csr_matmat = csr_tocsc = csr_todense = None

__all__ = ["csr", "dense_gram", "sparse_product"]


def _self_check() -> bool:
    """The private routines take the arguments this module passes and give ``@``'s numbers (on a
    scipy whose routines changed, the module steps aside and ``@`` is used)."""
    try:
        from scipy.sparse import csr_matrix

        a = csr_matrix(np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]]))
        b = csr_matrix(np.array([[0.0, 1.0, 1.0], [4.0, 0.0, 0.0], [0.0, 0.0, 5.0]]))
        gram = dense_gram((a.data, a.indices, a.indptr), (b.data, b.indices, b.indptr), 2, 3, 3)
        prod = sparse_product((a.data, a.indices, a.indptr), (b.data, b.indices, b.indptr), 2, 3, 3)
        want = (a @ b).tocsr()
        return (np.array_equal(gram, (a @ b.T).toarray()) and prod is not None
                and np.array_equal(prod[0], want.data) and np.array_equal(prod[1], want.indices)
                and np.array_equal(prod[2], want.indptr))
    except Exception:  # pragma: no cover - another scipy
        return False

_I32 = np.iinfo(np.int32).max


def _ok(*arrays: np.ndarray) -> bool:
    return csr_matmat is not None and all(a.dtype == np.float64 for a in arrays)


def _i32(a: np.ndarray) -> np.ndarray:
    return a if a.dtype == np.int32 else a.astype(np.int32)


def _transpose(n_row: int, n_col: int, indptr, indices, data) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR arrays of the transpose (what scipy's ``M.T`` becomes before a product)."""
    tp = np.empty(n_col + 1, np.int32)
    ti = np.empty(len(indices), np.int32)
    tx = np.empty(len(indices), data.dtype)
    csr_tocsc(n_row, n_col, indptr, indices, data, tp, ti, tx)
    return tp, ti, tx


def dense_gram(a: tuple, b: tuple, n_a: int, n_b: int, k: int) -> np.ndarray | None:
    """``(A @ B.T).toarray()`` for CSR arrays ``a`` and ``b`` = (data, indices, indptr) with
    ``n_a`` and ``n_b`` rows over ``k`` columns (None: not handled here)."""
    (ax, aj, ap), (bx, bj, bp) = a, b
    if not _ok(ax, bx) or n_a * n_b >= _I32 or len(aj) >= _I32 or len(bj) >= _I32 or k >= _I32:
        return None
    out = np.zeros((n_a, n_b))
    if not n_a or not n_b:
        return out
    ap, aj, bp, bj = _i32(ap), _i32(aj), _i32(bp), _i32(bj)
    tp, ti, tx = _transpose(n_b, k, bp, bj, bx)
    cp = np.empty(n_a + 1, np.int32)
    cj = np.empty(n_a * n_b, np.int32)
    cx = np.empty(n_a * n_b, np.float64)
    csr_matmat(n_a, n_b, ap, aj, ax, tp, ti, tx, cp, cj, cx)
    csr_todense(n_a, n_b, cp, cj, cx, out)
    return out


def sparse_product(p: tuple, y: tuple, n_p: int, n_y: int, k: int) -> tuple | None:
    """CSR arrays (data, indices, indptr) of ``P @ Y`` (entries in the order scipy's ``@`` lists
    them, exact zeros left out as it does) for CSR arrays ``p`` (``n_p`` rows over ``n_y``
    columns) and ``y`` (``n_y`` rows over ``k`` columns); None: not handled here."""
    (px, pj, pp), (yx, yj, yp) = p, y
    if not _ok(px, yx) or len(pj) >= _I32 or len(yj) >= _I32 or max(n_y, k) >= _I32:
        return None
    pp, pj, yp, yj = _i32(pp), _i32(pj), _i32(yp), _i32(yj)
    bound = int(np.diff(yp)[pj].sum(dtype=np.int64)) if len(pj) else 0
    if bound >= _I32:
        return None
    cp = np.empty(n_p + 1, np.int32)
    cj = np.empty(max(bound, 1), np.int32)
    cx = np.empty(max(bound, 1), np.float64)
    csr_matmat(n_p, k, pp, pj, px, yp, yj, yx, cp, cj, cx)
    nnz = int(cp[-1])
    return cx[:nnz].copy(), cj[:nnz].copy(), cp


if csr_matmat is not None and not _self_check():  # pragma: no cover - another scipy
    csr_matmat = csr_tocsc = csr_todense = None


_I32_MIN = np.iinfo(np.int32).min


def _prune(a: np.ndarray) -> np.ndarray:
    """scipy's ``_prune_array``: a view of a much larger array becomes a copy (frees the rest)."""
    return a.copy() if a.base is not None and a.size < a.base.size // 2 else a


def _fast_csr(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]):
    """The matrix ``csr_matrix((data, indices, indptr), shape=shape)`` makes, built from its
    attributes, or None where scipy's constructor would do more than this (int64 indices,
    sizes beyond 32 bits, malformed input: it raises, so the caller uses it)."""
    n_row, n_col = int(shape[0]), int(shape[1])
    if (indices.dtype != np.int32 or indptr.dtype.kind != "i" or data.ndim != 1 or indices.ndim != 1
            or indptr.ndim != 1 or max(n_row, n_col) > _I32 or len(indptr) != n_row + 1 or n_row < 0
            or n_col < 0 or len(indices) != len(data) or data.dtype.kind not in "biuf"):
        return None
    if indptr.dtype != np.int32:  # scipy scans the values: int32 when they fit
        if len(indptr) and (int(indptr.max()) > _I32 or int(indptr.min()) < _I32_MIN):
            return None
        indptr = indptr.astype(np.int32)
    if indptr[0] != 0:
        return None
    nnz = int(indptr[-1])
    if nnz > len(indices):
        return None
    m = _CSR.__new__(_CSR)
    m.__dict__.update(_BLANK)
    m._shape = (n_row, n_col)
    m.indptr, m.indices, m.data = indptr, _prune(indices[:nnz]), _prune(data[:nnz])
    return m


def csr(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]):
    """``scipy.sparse.csr_matrix((data, indices, indptr), shape=shape)``: the same object (same
    arrays, same index dtype), without the constructor's Python layer (index dtype scans, format
    checks: ~40 us, and the clustering makes ~20 matrices a batch) where the inputs are plain
    32-bit CSR arrays. Anything else goes to scipy's constructor."""
    m = _fast_csr(data, indices, indptr, shape) if _BLANK is not None else None
    return m if m is not None else _CSR((data, indices, indptr), shape=shape)


def _csr_self_check() -> dict | None:
    """The attributes a fresh csr_matrix has besides its arrays and shape, if this scipy's
    constructor gives what ``_fast_csr`` builds (same attribute names, dtypes and values) on a
    few inputs; None (use the constructor) otherwise."""
    try:
        probe = _CSR((np.ones(2), np.array([0, 2], np.int32), np.array([0, 1, 2], np.int64)), shape=(2, 3))
        blank = {k: v for k, v in vars(probe).items() if k not in ("indptr", "indices", "data", "_shape")}
        cases = [(np.array([1.0, 2.0, 3.0]), np.array([4, 0, 2], np.int32), np.array([0, 2, 2, 3], np.int64), (3, 5)),
                 (np.zeros(0), np.zeros(0, np.int32), np.zeros(4, np.int32), (3, 7)),
                 (np.arange(6.0)[::2], np.arange(6, dtype=np.int32)[::2], np.array([0, 1, 3], np.int32), (2, 9)),
                 (np.ones(5, np.float32), np.arange(5, dtype=np.int32), np.array([0, 2, 3], np.int64), (2, 5))]
        global _BLANK
        _BLANK = blank
        for data, indices, indptr, shape in cases:
            want, got = _CSR((data, indices, indptr), shape=shape), _fast_csr(data, indices, indptr, shape)
            if got is None or set(vars(want)) != set(vars(got)) or want.shape != got.shape:
                return None
            for k in ("indptr", "indices", "data"):
                a, b = getattr(want, k), getattr(got, k)
                if a.dtype != b.dtype or not np.array_equal(a, b):
                    return None
            if (want != got).nnz or want.has_sorted_indices != got.has_sorted_indices:
                return None
        return blank
    except Exception:  # pragma: no cover - another scipy
        return None
    finally:
        _BLANK = None


from scipy.sparse import csr_matrix as _CSR  # noqa: E402

_BLANK: dict | None = None
_BLANK = _csr_self_check()
