"""Incremental, time-aware story clustering with stable ids, merges and storylines.

Why this shape:
- Articles arrive in batches for ever, so clustering is single-pass over a *hot window*: only
  stories seen recently keep a centroid; older ones go cold (their vectors are dropped, their ids
  stay resolvable). Memory depends on the window, not on the history.
- Vectors come from hashing (no vocabulary to grow): sublinear TF-IDF over words (document
  frequencies counted as we go) plus a block of capitalised phrases (a cheap stand-in for named
  entities) and numbers, which separate two similar events in the same place.
- Two levels: a *story* is one event (tight threshold, days-long window); a *storyline* links the
  stories of one long-running topic (looser threshold, months-long window).
- Ids never change once given: a story is "s-" + hash of its first article id; when two stories
  turn out to be one, the older keeps its id and the other becomes an alias (``resolve``).
- Within a batch, articles are taken in publish order and compared with exact centroid cosines
  computed from two sparse products (batch x hot centroids, batch x batch), so a batch costs a few
  matrix products instead of per-article Python loops.
- Order independence: the unsettled articles of the hot window (the *pool*, raw counts only) are
  re-clustered in publish order at every ``add`` with current IDF weights, then mapped back onto
  existing ids (seeded by settled centroids; oldest id wins; merged ids become aliases). Articles
  may move between hot stories; the caller's Article objects are updated in place.
"""

from __future__ import annotations

import base64
import hashlib
import math
import zlib
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from newsfuse.records import Article, Story
from newsfuse.stories.text import capitalised_phrases, numbers

__all__ = ["ClusterConfig", "StoryClusterer", "story_id_for", "storyline_id_for"]

_DAY = 86400.0


@dataclass
class ClusterConfig:
    word_bits: int = 18
    entity_bits: int = 16
    entity_weight: float = 0.45  # share of the cosine that comes from the entity/number block
    number_weight: float = 0.3  # weight of a number feature relative to an entity phrase
    title_repeat: int = 2  # the headline counts this many times
    entity_tf: str = "sqrt"  # "log" | "sqrt" | "linear": the main actors/places should dominate
    # story level: one event
    story_threshold: float = 0.17  # 0.20 split the sample's Lisk story in three; 0.16 glued the two Brackwater fires
    story_window_days: float = 2.5  # an article may join a story active within this gap
    story_decay_days: float = 6.0  # similarity *= exp(-gap / decay)
    story_merge_threshold: float = 0.55
    story_terms: int = 400  # centroid kept as its top terms (bounded memory)
    # storyline level: a long-running topic
    storyline_threshold: float = 0.10
    storyline_entity_threshold: float = 0.10  # the entity block alone must agree too
    storyline_anchor_top: int = 50  # one of a story's top entities must be among the line's top ones
    storyline_anchor_k: int = 3
    anchor_idf_power: float = 1.0  # 0.5 separates Egypt/Libya in T17 but fragments more
    storyline_young: int = 3  # a storyline this small is re-linked to a bigger one if similar
    storyline_window_days: float = 120.0
    storyline_merge_threshold: float = 0.45
    storyline_terms: int = 1200
    # memory bounds
    cold_after_days: float = 12.0  # hot window: late articles up to this old still re-cluster with their peers
    max_hot_stories: int = 3000
    max_hot_storylines: int = 300
    keep_cold_stories: bool = True  # False: cold Story records leave .stories (caller persists)
    chunk_size: int = 256


def story_id_for(first_article_id: str) -> str:
    return "s-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def storyline_id_for(first_story_id: str) -> str:
    return "l-" + hashlib.sha1(first_story_id.encode("utf-8")).hexdigest()[:12]


def _ts(dt: datetime | None) -> float | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp() / _DAY


def _dt(days: float | None) -> datetime | None:
    return None if days is None else datetime.fromtimestamp(days * _DAY, tz=timezone.utc)


def _pack(arr: np.ndarray) -> str:
    return base64.b64encode(zlib.compress(arr.tobytes(), 6)).decode("ascii")


def _unpack(s: str, dtype) -> np.ndarray:
    return np.frombuffer(zlib.decompress(base64.b64decode(s)), dtype=dtype).copy()


@dataclass
class _Centroid:
    """Sum of member vectors kept as its top terms; ``norm2`` is the squared norm of what is kept."""

    idx: np.ndarray
    val: np.ndarray
    norm2: float
    first: float
    last: float
    n: int = 0

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
        uniq, inv = np.unique(all_idx, return_inverse=True)
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


def _top_entities(c: _Centroid, wdim: int, k: int, idf: np.ndarray | None = None, power: float = 1.0) -> set[int]:
    """The k heaviest entity features; with ``idf`` the weight is divided by idf**power so that
    frequently named actors/places count, not the rarest names."""
    keep = c.idx >= wdim
    idx, val = c.idx[keep], c.val[keep]
    if idf is not None and len(idx):
        val = val / idf[idx] ** power
    if len(idx) > k:
        sel = np.argpartition(val, -k)[-k:]
        idx = idx[sel]
    return set(idx.tolist())


def _matrix(cents: list[_Centroid], dim: int, normalise: bool) -> sp.csr_matrix:
    if not cents:
        return sp.csr_matrix((0, dim))
    indptr = np.zeros(len(cents) + 1, np.int64)
    indptr[1:] = np.cumsum([len(c.idx) for c in cents])
    idx = np.concatenate([c.idx for c in cents]) if indptr[-1] else np.zeros(0, np.int32)
    val = np.concatenate(
        [c.val / math.sqrt(c.norm2) if (normalise and c.norm2 > 0) else c.val for c in cents]
    ) if indptr[-1] else np.zeros(0, np.float32)
    return sp.csr_matrix((val.astype(np.float64), idx, indptr), shape=(len(cents), dim))


def _entity_part(c: _Centroid, wdim: int) -> _Centroid:
    keep = c.idx >= wdim
    e = _Centroid(c.idx[keep], c.val[keep], 0.0, c.first, c.last, c.n)
    e.norm2 = float(np.dot(e.val.astype(np.float64), e.val))
    return e


class StoryClusterer:
    """Assigns articles to stories (and stories to storylines) as they arrive.

    >>> sc = StoryClusterer(); changed = sc.add(articles); sc.resolve(old_id)
    """

    def __init__(self, config: ClusterConfig | dict | None = None) -> None:
        if isinstance(config, dict):
            config = ClusterConfig(**{k: v for k, v in config.items() if k in {f.name for f in fields(ClusterConfig)}})
        self.config = cfg = config or ClusterConfig()
        self._wdim = 1 << cfg.word_bits
        self._edim = 1 << cfg.entity_bits
        self.dim = self._wdim + self._edim
        self._words = HashingVectorizer(
            n_features=self._wdim, alternate_sign=False, norm=None, stop_words="english",
            token_pattern=r"(?u)\b[^\W\d_][\w'-]*\w\b",
        )
        self._ents = HashingVectorizer(
            n_features=self._edim, alternate_sign=False, norm=None, lowercase=False,
            analyzer=str.split,
        )
        self._df = np.zeros(self.dim, np.float32)
        self._ndocs = 0
        self.clock: float | None = None  # newest publish time seen (days since epoch)
        self.stories: dict[str, Story] = {}
        self._hot: dict[str, _Centroid] = {}  # story id -> centroid (hot window only)
        self._lines: dict[str, _Centroid] = {}  # storyline id -> centroid (hot only)
        self._line_stories: dict[str, list[str]] = {}  # storyline id -> story ids
        self._alias: dict[str, str] = {}  # merged story id -> the story it went into
        self._line_alias: dict[str, str] = {}
        self._article_story: dict[str, str] = {}  # article id -> story id, hot stories only
        self._pool: dict[str, dict] = {}  # unsettled hot articles: time, copy-of, title, raw counts
        self._base: dict[str, _Centroid] = {}  # hot story -> centroid of its settled articles
        # the caller's Article objects of the pool (not persisted): a re-clustering that moves an
        # article updates its ``story_id`` in place, so callers holding it see the current story
        self._refs: dict[str, Article] = {}

    # ------------------------------------------------------------------ features
    def _counts(self, arts: list[Article]) -> sp.csr_matrix:
        """Raw feature counts (words, capitalised phrases, numbers); also updates document frequencies.

        Counts, not weights, are what the hot pool keeps: weights are recomputed from the current
        document frequencies at every re-clustering, so early articles are not frozen with the
        poor IDF of a young clusterer (a main source of arrival-order dependence)."""
        cfg = self.config
        docs, ent_docs, num_docs = [], [], []
        for a in arts:
            title = a.title or ""
            docs.append((title + "\n") * cfg.title_repeat + a.text)
            ent_docs.append(" ".join(capitalised_phrases(title + ".\n" + a.text)))
            num_docs.append(" ".join("#" + n for n in numbers(a.text) if len(n) >= 2))
        xw = self._words.transform(docs).tocsr().astype(np.float64)
        xe = self._ents.transform(ent_docs).tocsr().astype(np.float64)
        xn = self._ents.transform(num_docs).tocsr().astype(np.float64)
        xn.data *= cfg.number_weight
        x = sp.hstack([xw, (xe + xn).tocsr()], format="csr")
        x.sum_duplicates()
        self._df += np.bincount(x.indices, minlength=self.dim).astype(np.float32)
        self._ndocs += len(arts)
        return x

    def _weight(self, x: sp.csr_matrix) -> sp.csr_matrix:
        """Rows are L2-normalised: words block and entity block each unit, then weighted."""
        cfg = self.config
        x = x.copy()
        idf = np.log((self._ndocs + 1.0) / (self._df[x.indices] + 1.0)) + 1.0
        ent_cols = x.indices >= self._wdim
        tf = 1.0 + np.log(np.maximum(x.data, 1e-9))
        if cfg.entity_tf == "sqrt":
            tf[ent_cols] = np.sqrt(x.data[ent_cols])
        elif cfg.entity_tf == "linear":
            tf[ent_cols] = x.data[ent_cols]
        x.data = tf * idf
        x.data[x.data < 0] = 0.0
        nrows = x.shape[0]
        row_of = np.repeat(np.arange(nrows), np.diff(x.indptr))
        sq = x.data * x.data
        wn = np.sqrt(np.bincount(row_of[~ent_cols], weights=sq[~ent_cols], minlength=nrows))
        en = np.sqrt(np.bincount(row_of[ent_cols], weights=sq[ent_cols], minlength=nrows))
        w_ent = math.sqrt(cfg.entity_weight)
        w_word = math.sqrt(1.0 - cfg.entity_weight)
        has_e, has_w = en > 0, wn > 0
        scale_w = np.where(has_e, w_word, 1.0) / np.maximum(wn, 1e-12)
        scale_e = np.where(has_w, w_ent, 1.0) / np.maximum(en, 1e-12)
        x.data *= np.where(ent_cols, scale_e[row_of], scale_w[row_of])
        x.eliminate_zeros()
        return x

    def _vectorise(self, arts: list[Article]) -> sp.csr_matrix:
        return self._weight(self._counts(arts))

    def _idf(self) -> np.ndarray:
        return np.log((self._ndocs + 1.0) / (self._df + 1.0)) + 1.0

    # ------------------------------------------------------------------ public API
    def resolve(self, story_id: str) -> str:
        """The current id of a story (follows merges); unknown ids come back unchanged."""
        seen = set()
        while story_id in self._alias and story_id not in seen:
            seen.add(story_id)
            story_id = self._alias[story_id]
        return story_id

    def resolve_storyline(self, storyline_id: str) -> str:
        seen = set()
        while storyline_id in self._line_alias and storyline_id not in seen:
            seen.add(storyline_id)
            storyline_id = self._line_alias[storyline_id]
        return storyline_id

    def storylines(self) -> dict[str, list[str]]:
        """Storyline id -> ids of its stories (current ids, in order of creation)."""
        return {k: list(v) for k, v in self._line_stories.items() if v}

    def add(self, articles: list[Article]) -> list[Story]:
        """Assign each new article to a story (sets ``article.story_id``); return changed stories.

        New articles enter the *pool* (the unsettled articles of the hot window), and the whole
        pool is re-clustered in publish order with current weights. The result therefore depends
        on which articles are in the window, hardly on the order or batching they came in."""
        fresh, seen = [], set()
        for a in articles:
            if a.id in seen:
                continue
            seen.add(a.id)
            if a.id in self._article_story or a.id in self._pool:  # re-delivery: keep its story
                a.story_id = self.resolve(self._article_story.get(a.id) or a.story_id or "")
                continue
            fresh.append(a)
        changed: set[str] = set()
        for a in fresh:
            t = _ts(a.published)
            if t is not None and (self.clock is None or t > self.clock):
                self.clock = t
        now = self.clock if self.clock is not None else 0.0
        fresh_ids = {a.id for a in fresh}
        vec_arts = []
        for a in fresh:
            orig = a.duplicate_of
            if orig and orig not in fresh_ids and orig not in self._pool:
                sid = self.resolve(self._article_story.get(orig, "")) if orig in self._article_story else None
                if sid is None:
                    sid = self._settled_story(orig)
                if sid is not None and sid in self.stories:  # copy of a settled article
                    self.stories[sid].article_ids.append(a.id)
                    a.story_id = sid
                    self._article_story[a.id] = sid
                    changed.add(sid)
                    continue
                orig = None
            t = _ts(a.published)
            entry = {"t": now if t is None else t, "dup": orig if orig else None, "title": _title(a),
                     "idx": np.zeros(0, np.int32), "val": np.zeros(0, np.float32)}
            self._pool[a.id] = entry
            self._refs[a.id] = a
            if not entry["dup"]:
                vec_arts.append(a)
        cs = self.config.chunk_size
        for start in range(0, len(vec_arts), cs):
            part = vec_arts[start : start + cs]
            x = self._counts(part)
            for r, a in enumerate(part):
                lo, hi = x.indptr[r], x.indptr[r + 1]
                self._pool[a.id]["idx"] = x.indices[lo:hi].astype(np.int32)
                self._pool[a.id]["val"] = x.data[lo:hi].astype(np.float32)
        if fresh:
            changed |= self._recluster(fresh_ids)
        for a in fresh:
            sid = self._article_story.get(a.id)
            if sid is not None:
                a.story_id = self.resolve(sid)
        self._settle_and_evict()
        out = []
        for sid in sorted({self.resolve(s) for s in changed}):
            if sid in self.stories:
                out.append(self.stories[sid])
        return out

    # ------------------------------------------------------------------ internals
    def _settled_story(self, aid: str) -> str | None:
        for sid, st in self.stories.items():  # rare path: a copy of an article no longer hot
            if aid in st.article_ids:
                return sid
        return None

    def _single_pass(self, X: sp.csr_matrix, times: np.ndarray, seeds: list[_Centroid]):
        """Leader clustering in publish order: each row joins the most similar column (seed or
        earlier row's column) above ``story_threshold`` (time-decayed, windowed), else opens one.
        Exact centroid cosines via sparse products, chunk by chunk. Returns labels and centroids."""
        cfg = self.config
        cents = [_Centroid(c.idx.copy(), c.val.copy(), c.norm2, c.first, c.last, c.n) for c in seeds]
        labels = np.zeros(X.shape[0], np.int64)
        cs = cfg.chunk_size
        for start in range(0, X.shape[0], cs):
            Xc = X[start : start + cs]
            m = Xc.shape[0]
            k0 = len(cents)
            G = (Xc @ Xc.T).toarray()
            cols = k0 + m
            dot = np.zeros((m, cols))
            norm2 = np.zeros(cols)
            first = np.zeros(cols)
            last = np.zeros(cols)
            if k0:
                dot[:, :k0] = (Xc @ _matrix(cents, self.dim, normalise=False).T).toarray()
                norm2[:k0] = [c.norm2 for c in cents]
                first[:k0] = [c.first for c in cents]
                last[:k0] = [c.last for c in cents]
            used = k0
            members: dict[int, list[int]] = {}
            for i in range(m):
                t = times[start + i]
                col = None
                if used:
                    norms = np.sqrt(np.maximum(norm2[:used], 1e-12))
                    gap = np.maximum(np.maximum(first[:used] - t, t - last[:used]), 0.0)
                    sims = dot[i, :used] / norms * np.exp(-gap / cfg.story_decay_days)
                    sims[gap > cfg.story_window_days] = -1.0
                    j = int(np.argmax(sims))
                    if sims[j] >= cfg.story_threshold:
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
                labels[start + i] = col
            for col, idxs in members.items():
                if col >= k0:
                    cents.append(_Centroid.empty(float(first[col])))
                c = cents[col]
                c.add_rows(Xc[idxs], self.dim, cfg.story_terms)
                c.n += len(idxs)
                c.first = min(c.first, float(first[col]))
                c.last = max(c.last, float(last[col]))
        return labels, cents

    def _recluster(self, fresh_ids: set[str]) -> set[str]:
        """Re-cluster the pool, then give the clusters ids: a hot story with settled articles
        seeds its own column; otherwise a cluster takes the id of the (oldest) story that held
        its articles before; merged clusters keep the older id and record the other as alias."""
        cfg = self.config
        order = sorted(self._pool, key=lambda k: (self._pool[k]["t"], k))
        vec_ids = [k for k in order if not self._pool[k]["dup"]]
        X = self._weight(self._pool_matrix(vec_ids))
        times = np.array([self._pool[k]["t"] for k in vec_ids], np.float64)
        seed_ids = [s for s in self._hot if s in self._base and self._base[s].n > 0]
        labels, cents = self._single_pass(X, times, [self._base[s] for s in seed_ids])
        ncol = len(cents)
        # merge pass over the columns (deterministic: by similarity, then index)
        parent = list(range(ncol))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        if ncol > 1:
            M = _matrix(cents, self.dim, normalise=True)
            S = (M @ M.T).toarray()
            fst = np.array([c.first for c in cents])
            lst = np.array([c.last for c in cents])
            gap = np.maximum(np.maximum(fst[:, None] - lst[None, :], fst[None, :] - lst[:, None]), 0.0)
            S[gap > cfg.story_window_days] = -1.0
            iu = np.triu_indices(ncol, 1)
            ok = S[iu] >= cfg.story_merge_threshold
            pairs = sorted(zip(-S[iu][ok], iu[0][ok], iu[1][ok]))
            for _, i, j in pairs:
                ri, rj = find(int(i)), find(int(j))
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
        col_members: dict[int, list[str]] = {}
        for k, lab in zip(vec_ids, labels):
            col_members.setdefault(int(lab), []).append(k)
        # copies follow their original's column
        col_of = {k: int(lab) for k, lab in zip(vec_ids, labels)}
        for k in order:
            d = self._pool[k]["dup"]
            if d:
                seen = set()
                while d in self._pool and self._pool[d]["dup"] and d not in seen:
                    seen.add(d)
                    d = self._pool[d]["dup"]
                if d in col_of:
                    col_of[k] = col_of[d]
                    col_members.setdefault(col_of[d], []).append(k)
                else:  # original vanished: treat as its own column
                    col_members[ncol] = [k]
                    col_of[k] = ncol
                    cents.append(_Centroid.empty(self._pool[k]["t"]))
                    cents[-1].n = 1
                    parent.append(ncol)
                    ncol += 1
        # ---- naming
        name: dict[int, str] = {}
        for c, sid in enumerate(seed_ids):
            name[c] = sid
        claimed = set(seed_ids)
        prev_first = {}
        cand = []
        for c, mem in col_members.items():
            if c in name:
                continue
            cnt: dict[str, int] = {}
            for k in mem:
                s = self._article_story.get(k)
                if s is not None:
                    s = self.resolve(s)
                    if s in self.stories:
                        cnt[s] = cnt.get(s, 0) + 1
            for s, n_ in cnt.items():
                st = self.stories[s]
                prev_first[s] = _ts(st.first_seen) or 0.0
                cand.append((prev_first[s], s, -n_, c))
        for _, s, _, c in sorted(cand):
            if s in claimed or c in name:
                continue
            name[c] = s
            claimed.add(s)
        groups: dict[int, list[int]] = {}
        for c in col_members:
            groups.setdefault(find(c), []).append(c)
        for c in range(len(seed_ids)):  # seeds with no new members still exist
            groups.setdefault(find(c), [])
            if c not in groups[find(c)]:
                groups[find(c)].append(c)
        prev_sets = {}
        touched_prev = set()
        for k in order:
            s = self._article_story.get(k)
            if s is not None:
                touched_prev.add(self.resolve(s))
        for s in touched_prev | set(seed_ids):
            if s in self.stories:
                prev_sets[s] = set(self.stories[s].article_ids)
        changed: set[str] = set()
        new_story_ids: list[str] = []
        pool_set = set(self._pool)
        survivors = set()
        for root, cols in sorted(groups.items()):
            cols.sort()
            named = sorted((c for c in cols if c in name), key=lambda c: (prev_first.get(name[c], _ts(self.stories[name[c]].first_seen) or 0.0), name[c]))
            mem = sorted((k for c in cols for k in col_members.get(c, [])), key=lambda k: (self._pool[k]["t"], k))
            if named:
                sid = name[named[0]]
            else:
                first_mem = min((k for c in cols for k in col_members.get(c, []) if not self._pool[k]["dup"]),
                                key=lambda k: (self._pool[k]["t"], k), default=mem[0])
                sid = story_id_for(first_mem)
                while sid in self.stories or sid in self._alias or sid in survivors:
                    sid = story_id_for(sid)
                self.stories[sid] = Story(id=sid, title=self._pool[first_mem]["title"])
                new_story_ids.append(sid)
            survivors.add(sid)
            story = self.stories[sid]
            # other named parts: real merges of live stories into the older one
            for c in named[1:]:
                self._absorb(sid, name[c])
            for c in cols:  # unnamed parts of a merged cluster: a resolvable alias, once
                if c in name or len(cols) == 1 or not col_members.get(c):
                    continue
                alias = story_id_for(col_members[c][0])
                if alias not in self.stories and alias not in self._alias and alias != sid:
                    self._alias[alias] = sid
                    story.aliases.append(alias)
            cent = _Centroid(cents[cols[0]].idx, cents[cols[0]].val, cents[cols[0]].norm2,
                             cents[cols[0]].first, cents[cols[0]].last, cents[cols[0]].n)
            for c in cols[1:]:
                cent.add(cents[c], self.dim, cfg.story_terms)
            self._hot[sid] = cent
            kept = [k for k in story.article_ids if k not in pool_set]
            story.article_ids = kept + mem
            for k in mem:
                self._article_story[k] = sid
                ref = self._refs.get(k)
                if ref is not None:
                    ref.story_id = sid
            story.first_seen = _dt(cent.first)
            story.last_seen = _dt(cent.last)
            if set(story.article_ids) != prev_sets.get(sid):
                changed.add(sid)
        # previous stories that lost every article: alias to where most of them went
        for s in touched_prev:
            if s in survivors or s not in self.stories or s in self._base:
                continue
            where: dict[str, int] = {}
            for k in prev_sets.get(s, ()):
                t_ = self._article_story.get(k)
                if t_ in survivors:
                    where[t_] = where.get(t_, 0) + 1
            if where:
                target = max(sorted(where), key=lambda x: where[x])
                self._absorb(target, s, move_articles=False)
                changed.add(target)
        for s in list(prev_sets):
            if s in self.stories and s not in survivors and s in self._hot:
                st = self.stories[s]
                st.article_ids = [k for k in st.article_ids if k not in pool_set]
                changed.add(s)
        self._link_storylines(new_story_ids, X, vec_ids, fresh_ids)
        self._merge_storylines({self.stories[s].storyline_id for s in changed if s in self.stories})
        return changed

    def _pool_matrix(self, ids: list[str]) -> sp.csr_matrix:
        if not ids:
            return sp.csr_matrix((0, self.dim))
        indptr = np.zeros(len(ids) + 1, np.int64)
        indptr[1:] = np.cumsum([len(self._pool[k]["idx"]) for k in ids])
        idx = np.concatenate([self._pool[k]["idx"] for k in ids])
        val = np.concatenate([self._pool[k]["val"] for k in ids]).astype(np.float64)
        return sp.csr_matrix((val, idx, indptr), shape=(len(ids), self.dim))

    def _absorb(self, keep: str, drop: str, move_articles: bool = True) -> None:
        """Story ``drop`` becomes an alias of ``keep`` (settled articles and base move over)."""
        if drop == keep or drop not in self.stories:
            return
        ks, ds = self.stories[keep], self.stories.pop(drop)
        pool_set = self._pool
        moved = [k for k in ds.article_ids if k not in pool_set and k not in ks.article_ids]
        ks.article_ids = moved + ks.article_ids if moved else ks.article_ids
        for k in moved:
            if k in self._article_story:
                self._article_story[k] = keep
        ks.aliases.extend([drop] + ds.aliases)
        self._alias[drop] = keep
        self._hot.pop(drop, None)
        if drop in self._base:
            if keep in self._base:
                self._base[keep].add(self._base.pop(drop), self.dim, self.config.story_terms)
            else:
                self._base[keep] = self._base.pop(drop)
        if ds.storyline_id in self._line_stories:
            lst = self._line_stories[ds.storyline_id]
            if drop in lst:
                lst.remove(drop)
        if ks.storyline_id is not None:
            pass  # one event's stories joining is no evidence that their whole storylines are one
        elif ks.storyline_id is None and ds.storyline_id is not None:
            ks.storyline_id = self.resolve_storyline(ds.storyline_id)
            self._line_stories.setdefault(ks.storyline_id, []).append(keep)

    def _link_storylines(self, new_story_ids, X, row_ids, fresh_ids) -> None:
        """New stories join the most similar hot storyline, else start their own; lines absorb
        the vectors of all their stories' new articles."""
        cfg = self.config
        line_ids = list(self._lines)
        Lf = _matrix([self._lines[l] for l in line_ids], self.dim, True)
        le = [_entity_part(self._lines[l], self._wdim) for l in line_ids]
        Le = _matrix(le, self.dim, True)
        line_no_ent = np.array([c.norm2 == 0 for c in le], bool)
        idf = self._idf()
        line_top = [_top_entities(c, self._wdim, cfg.storyline_anchor_top, idf, cfg.anchor_idf_power) for c in le]
        line_last = np.array([self._lines[l].last for l in line_ids]) if line_ids else np.zeros(0)
        line_first = np.array([self._lines[l].first for l in line_ids]) if line_ids else np.zeros(0)
        rows_of_story: dict[str, list[int]] = {}
        for i, k in enumerate(row_ids):
            if k in fresh_ids:
                sid = self._article_story.get(k)
                if sid is not None:
                    rows_of_story.setdefault(self.resolve(sid), []).append(i)
        created: list[tuple[str, _Centroid]] = []
        for sid in new_story_ids:
            if sid not in self.stories or self.stories[sid].storyline_id is not None:
                continue
            story = self.stories[sid]
            hc = self._hot[sid]
            t = hc.first
            v = _Centroid(hc.idx, hc.val, hc.norm2, hc.first, hc.last, hc.n)
            best, best_sim = None, cfg.storyline_threshold
            if line_ids:
                ve = _entity_part(v, self._wdim)
                sims = (Lf @ _matrix([v], self.dim, True).T).toarray().ravel()
                if ve.norm2 > 0:
                    ents = (Le @ _matrix([ve], self.dim, True).T).toarray().ravel()
                    sims[(ents < cfg.storyline_entity_threshold) & ~line_no_ent] = -1.0
                gap = np.maximum(np.maximum(line_first - t, t - line_last), 0.0)
                sims[gap > cfg.storyline_window_days] = -1.0
                anchor = _top_entities(v, self._wdim, cfg.storyline_anchor_k, idf, cfg.anchor_idf_power)
                if anchor:
                    for j in np.flatnonzero(sims >= best_sim):
                        if not anchor & line_top[j]:
                            sims[j] = -1.0
                j = int(np.argmax(sims))
                if sims[j] >= best_sim:
                    best, best_sim = line_ids[j], sims[j]
            if created:
                sims, ents = self._line_sims([v], [c for _, c in created])
                sims = np.where(ents[0] >= cfg.storyline_entity_threshold, sims[0], -1.0)
                anchor = _top_entities(v, self._wdim, cfg.storyline_anchor_k, idf, cfg.anchor_idf_power)
                for j, (_, c) in enumerate(created):
                    if anchor and not anchor & _top_entities(c, self._wdim, cfg.storyline_anchor_top, idf, cfg.anchor_idf_power):
                        sims[j] = -1.0
                j = int(np.argmax(sims))
                if sims[j] >= best_sim:
                    best, best_sim = created[j][0], sims[j]
            if best is None:
                best = storyline_id_for(sid)
                while best in self._line_stories or best in self._line_alias:
                    best = storyline_id_for(best)
                self._lines[best] = _Centroid.empty(t)
                self._line_stories[best] = []
                created.append((best, v))
            else:
                for lid, c in created:
                    if lid == best:
                        c.add(v, self.dim, cfg.storyline_terms)
            story.storyline_id = best
            self._line_stories[best].append(sid)
        # every storyline absorbs its new articles' vectors
        rows_by_line: dict[str, list[int]] = {}
        for sid, rows in rows_of_story.items():
            lid = self.stories[sid].storyline_id
            if lid is None:
                continue
            rows_by_line.setdefault(lid, []).extend(rows)
        for lid, rows in rows_by_line.items():
            cent = self._lines.get(lid)
            if cent is None:  # storyline went cold but one of its stories is still hot
                cent = self._lines[lid] = _Centroid.empty(float(min(self._pool[row_ids[r]]["t"] for r in rows)))
            cent.add_rows(X[rows], self.dim, cfg.storyline_terms)
            cent.n += len(rows)
            for r in rows:
                t = self._pool[row_ids[r]]["t"]
                if t is not None:
                    cent.first = min(cent.first, t)
                    cent.last = max(cent.last, t)

    def _line_sims(self, rows: list[_Centroid], cols: list[_Centroid]) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of whole vectors and of the entity block alone (rows x cols); an empty entity
        block on either side does not veto (entity sim reported as 1)."""
        full = (_matrix(rows, self.dim, True) @ _matrix(cols, self.dim, True).T).toarray()
        er = [_entity_part(c, self._wdim) for c in rows]
        ec = [_entity_part(c, self._wdim) for c in cols]
        ent = (_matrix(er, self.dim, True) @ _matrix(ec, self.dim, True).T).toarray()
        no_r = np.array([c.norm2 == 0 for c in er])
        no_c = np.array([c.norm2 == 0 for c in ec])
        ent[no_r, :] = 1.0
        ent[:, no_c] = 1.0
        return full, ent

    def _merge_storylines(self, touched: set) -> None:
        cfg = self.config
        touched = [l for l in touched if l in self._lines]
        if not touched or len(self._lines) < 2:
            return
        line_ids = list(self._lines)
        sims, ents = self._line_sims([self._lines[l] for l in touched], [self._lines[l] for l in line_ids])
        pos = {l: k for k, l in enumerate(line_ids)}
        pairs = []
        for a_i, lid in enumerate(touched):
            sims[a_i, pos[lid]] = -1.0
            c = self._lines[lid]
            ok = (sims[a_i] >= cfg.storyline_merge_threshold) & (ents[a_i] >= cfg.storyline_entity_threshold)
            for j in np.flatnonzero(ok):
                pairs.append((float(sims[a_i, j]), lid, line_ids[j]))
            if c.n <= cfg.storyline_young:
                idf = self._idf()
                # a young storyline joins its best, bigger neighbour at the linking threshold
                cand = np.where(ents[a_i] >= cfg.storyline_entity_threshold, sims[a_i], -1.0)
                anchor = _top_entities(c, self._wdim, cfg.storyline_anchor_k, idf, cfg.anchor_idf_power)
                for j in np.flatnonzero(cand >= cfg.storyline_threshold):
                    o = self._lines[line_ids[j]]
                    gap = max(c.first - o.last, o.first - c.last, 0.0)
                    if o.n < c.n or gap > cfg.storyline_window_days or (
                        anchor and not anchor & _top_entities(o, self._wdim, cfg.storyline_anchor_top, idf, cfg.anchor_idf_power)
                    ):
                        cand[j] = -1.0
                j = int(np.argmax(cand))
                if cand[j] >= cfg.storyline_threshold:
                    pairs.append((float(cand[j]), lid, line_ids[j]))
        for _, l1, l2 in sorted(pairs, reverse=True):
            self._merge_lines(l1, l2)

    def _merge_lines(self, l1: str, l2: str) -> None:
        l1, l2 = self.resolve_storyline(l1), self.resolve_storyline(l2)
        if l1 == l2:
            return
        def age(l):
            c = self._lines.get(l)
            return (c.first if c else -math.inf, l)
        keep, drop = sorted([l1, l2], key=age)
        if drop in self._lines:
            if keep in self._lines:
                self._lines[keep].add(self._lines.pop(drop), self.dim, self.config.storyline_terms)
            else:
                self._lines[keep] = self._lines.pop(drop)
        self._line_alias[drop] = keep
        moved = self._line_stories.pop(drop, [])
        self._line_stories.setdefault(keep, []).extend(moved)
        for sid in moved:
            if sid in self.stories:
                self.stories[sid].storyline_id = keep

    def _settle_and_evict(self) -> None:
        """Stories idle beyond the hot window go cold (vectors dropped, ids stay resolvable); pool
        articles older than the window are folded into their story's settled base centroid."""
        cfg = self.config
        if self.clock is None:
            return
        horizon = self.clock - cfg.cold_after_days
        cold = [s for s, c in self._hot.items() if c.last < horizon]
        if len(self._hot) - len(cold) > cfg.max_hot_stories:
            cs = set(cold)
            rest = sorted((c.last, s) for s, c in self._hot.items() if s not in cs)
            cold += [s for _, s in rest[: len(rest) - cfg.max_hot_stories]]
        for sid in cold:
            self._hot.pop(sid, None)
            self._base.pop(sid, None)
            story = self.stories.get(sid)
            if story is None:
                continue
            for aid in story.article_ids:
                self._article_story.pop(aid, None)
                self._pool.pop(aid, None)
                self._refs.pop(aid, None)
            if not cfg.keep_cold_stories:
                del self.stories[sid]
                lst = self._line_stories.get(story.storyline_id or "")
                if lst is not None and sid in lst:
                    lst.remove(sid)
        old = sorted(k for k, e in self._pool.items() if e["t"] < horizon)
        if old:
            vec = [k for k in old if not self._pool[k]["dup"]]
            X = self._weight(self._pool_matrix(vec))
            for r, k in enumerate(vec):
                sid = self.resolve(self._article_story.get(k, ""))
                if sid not in self._hot:
                    continue
                b = self._base.setdefault(sid, _Centroid.empty(self._pool[k]["t"]))
                b.add_rows(X[r], self.dim, cfg.story_terms)
                b.n += 1
                b.first = min(b.first, self._pool[k]["t"])
                b.last = max(b.last, self._pool[k]["t"])
            for k in old:
                self._pool.pop(k, None)
                self._refs.pop(k, None)
        cold_lines = [l for l, c in self._lines.items() if c.last < self.clock - cfg.storyline_window_days]
        if len(self._lines) - len(cold_lines) > cfg.max_hot_storylines:
            cl = set(cold_lines)
            rest = sorted((c.last, l) for l, c in self._lines.items() if l not in cl)
            cold_lines += [l for _, l in rest[: len(rest) - cfg.max_hot_storylines]]
        for lid in cold_lines:
            self._lines.pop(lid, None)
            if not cfg.keep_cold_stories and not self._line_stories.get(lid):
                self._line_stories.pop(lid, None)

    # ------------------------------------------------------------------ persistence
    def state(self) -> dict:
        """Everything needed to continue later, as plain JSON types (arrays base64+zlib)."""
        nz = np.flatnonzero(self._df)
        return {
            "version": 2,
            "config": asdict(self.config),
            "clock": self.clock,
            "ndocs": self._ndocs,
            "df_idx": _pack(nz.astype(np.int32)),
            "df_val": _pack(self._df[nz]),
            "stories": [_story_json(s) for s in self.stories.values()],
            "hot": {s: c.to_json() for s, c in self._hot.items()},
            "base": {s: c.to_json() for s, c in self._base.items()},
            "pool": {k: {"t": e["t"], "dup": e["dup"], "title": e["title"], "idx": _pack(e["idx"]),
                         "val": _pack(e["val"])} for k, e in self._pool.items()},
            "lines": {l: c.to_json() for l, c in self._lines.items()},
            "line_stories": self._line_stories,
            "alias": self._alias,
            "line_alias": self._line_alias,
            "article_story": self._article_story,
        }

    @classmethod
    def from_state(cls, d: dict) -> "StoryClusterer":
        sc = cls(d.get("config"))
        sc.clock = d["clock"]
        sc._ndocs = d["ndocs"]
        sc._df[_unpack(d["df_idx"], np.int32)] = _unpack(d["df_val"], np.float32)
        sc.stories = {s["id"]: _story_from_json(s) for s in d["stories"]}
        sc._hot = {s: _Centroid.from_json(c) for s, c in d["hot"].items()}
        sc._base = {s: _Centroid.from_json(c) for s, c in d.get("base", {}).items()}
        sc._pool = {k: {"t": e["t"], "dup": e["dup"], "title": e["title"], "idx": _unpack(e["idx"], np.int32),
                        "val": _unpack(e["val"], np.float32)} for k, e in d.get("pool", {}).items()}
        sc._lines = {l: _Centroid.from_json(c) for l, c in d["lines"].items()}
        sc._line_stories = {k: list(v) for k, v in d["line_stories"].items()}
        sc._alias = dict(d["alias"])
        sc._line_alias = dict(d["line_alias"])
        sc._article_story = dict(d["article_story"])
        return sc


def _title(a: Article) -> str | None:
    if a.title:
        return a.title
    first = a.text.strip().split("\n", 1)[0]
    return first[:120] if first else None


def _story_json(s: Story) -> dict:
    return {
        "id": s.id, "article_ids": s.article_ids, "title": s.title,
        "first_seen": s.first_seen.isoformat() if s.first_seen else None,
        "last_seen": s.last_seen.isoformat() if s.last_seen else None,
        "storyline_id": s.storyline_id, "aliases": s.aliases,
    }


def _story_from_json(d: dict) -> Story:
    return Story(
        id=d["id"], article_ids=list(d["article_ids"]), title=d["title"],
        first_seen=datetime.fromisoformat(d["first_seen"]) if d["first_seen"] else None,
        last_seen=datetime.fromisoformat(d["last_seen"]) if d["last_seen"] else None,
        storyline_id=d["storyline_id"], aliases=list(d["aliases"]),
    )
