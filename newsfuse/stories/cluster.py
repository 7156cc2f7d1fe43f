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
  matrix products instead of per-article Python loops. Merges after each batch repair splits that
  an unlucky arrival order created (order independence).
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
    cold_after_days: float = 8.0  # a story idle this long (behind the newest article) goes cold
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

    # ------------------------------------------------------------------ features
    def _vectorise(self, arts: list[Article]) -> sp.csr_matrix:
        """Rows are L2-normalised: words block and entity block each unit, then weighted."""
        cfg = self.config
        docs, ents = [], []
        for a in arts:
            title = a.title or ""
            docs.append((title + "\n") * cfg.title_repeat + a.text)
            ent = capitalised_phrases(title + ".\n" + a.text)
            nums = ["#" + n for n in numbers(a.text) if len(n) >= 2]
            ents.append((ent, nums))
        xw = self._words.transform(docs).tocsr().astype(np.float64)
        ent_docs = [" ".join(e) for e, _ in ents]
        num_docs = [" ".join(n) for _, n in ents]
        xe = self._ents.transform(ent_docs).tocsr().astype(np.float64)
        xn = self._ents.transform(num_docs).tocsr().astype(np.float64)
        xn.data *= cfg.number_weight
        xe = (xe + xn).tocsr()
        x = sp.hstack([xw, xe], format="csr")
        x.sum_duplicates()
        # document frequency counted as we go: hashing keeps it a fixed-size array
        self._df += np.bincount(x.indices, minlength=self.dim).astype(np.float32)
        self._ndocs += len(arts)
        idf = np.log((self._ndocs + 1.0) / (self._df[x.indices] + 1.0)) + 1.0
        ent_cols = x.indices >= self._wdim
        tf = 1.0 + np.log(np.maximum(x.data, 1e-9))
        if cfg.entity_tf == "sqrt":
            tf[ent_cols] = np.sqrt(x.data[ent_cols])
        elif cfg.entity_tf == "linear":
            tf[ent_cols] = x.data[ent_cols]
        x.data = tf * idf
        x.data[x.data < 0] = 0.0
        # per-block normalisation then weighting, so entity mass does not depend on article length
        nrows = x.shape[0]
        row_of = np.repeat(np.arange(nrows), np.diff(x.indptr))
        ent_mask = x.indices >= self._wdim
        sq = x.data * x.data
        wn = np.sqrt(np.bincount(row_of[~ent_mask], weights=sq[~ent_mask], minlength=nrows))
        en = np.sqrt(np.bincount(row_of[ent_mask], weights=sq[ent_mask], minlength=nrows))
        w_ent = math.sqrt(cfg.entity_weight)
        w_word = math.sqrt(1.0 - cfg.entity_weight)
        # rows without entities put all weight on words (and vice versa)
        has_e, has_w = en > 0, wn > 0
        scale_w = np.where(has_e, w_word, 1.0) / np.maximum(wn, 1e-12)
        scale_e = np.where(has_w, w_ent, 1.0) / np.maximum(en, 1e-12)
        x.data *= np.where(ent_mask, scale_e[row_of], scale_w[row_of])
        x.eliminate_zeros()
        return x

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
        """Assign each new article to a story (sets ``article.story_id``); return changed stories."""
        fresh, seen = [], set()
        changed: set[str] = set()
        for a in articles:
            if a.id in seen:
                continue
            seen.add(a.id)
            if a.id in self._article_story:  # already placed (re-delivery): keep its story
                a.story_id = self.resolve(self._article_story[a.id])
                continue
            fresh.append(a)
        # publish order within a batch; undated articles go last at the current clock
        fresh.sort(key=lambda a: (_ts(a.published) is None, _ts(a.published) or 0.0, a.id))
        # originals before their copies so a copy can follow its original
        order = {a.id: i for i, a in enumerate(fresh)}
        fresh.sort(key=lambda a: (order.get(a.duplicate_of, -1) >= order[a.id] if a.duplicate_of else False,
                                  order[a.id]))
        cs = self.config.chunk_size
        for start in range(0, len(fresh), cs):
            changed |= self._add_chunk(fresh[start : start + cs])
        for a in articles:
            if a.story_id:
                a.story_id = self.resolve(a.story_id)
        self._evict()
        out = []
        for sid in sorted({self.resolve(s) for s in changed}):
            if sid in self.stories:
                out.append(self.stories[sid])
        return out

    # ------------------------------------------------------------------ internals
    def _add_chunk(self, chunk: list[Article]) -> set[str]:
        cfg = self.config
        n = len(chunk)
        times = []
        for a in chunk:
            t = _ts(a.published)
            if t is not None and (self.clock is None or t > self.clock):
                self.clock = t
            times.append(t)
        now = self.clock if self.clock is not None else 0.0
        times = np.array([now if t is None else t for t in times], np.float64)

        X = self._vectorise(chunk)
        hot_ids = list(self._hot)
        hot = [self._hot[s] for s in hot_ids]
        n_hot = len(hot_ids)
        G = (X @ X.T).toarray()
        cols = n_hot + n
        dot = np.zeros((n, cols))
        norm2 = np.zeros(cols)
        first = np.zeros(cols)
        last = np.zeros(cols)
        if n_hot:
            dot[:, :n_hot] = (X @ _matrix(hot, self.dim, normalise=False).T).toarray()
            norm2[:n_hot] = [c.norm2 for c in hot]
            first[:n_hot] = [c.first for c in hot]
            last[:n_hot] = [c.last for c in hot]
        col_ids: list[str | None] = list(hot_ids) + [None] * n
        members: dict[int, list[int]] = {}
        vec_members: dict[int, list[int]] = {}
        col_of_article: dict[str, int] = {}
        copies: set[int] = set()  # copies join their original's story but add no vector
        used = n_hot
        for i, a in enumerate(chunk):
            t = times[i]
            col = None
            orig = a.duplicate_of
            if orig:
                if orig in col_of_article:
                    col = col_of_article[orig]
                elif orig in self._article_story:
                    sid = self.resolve(self._article_story[orig])
                    if sid in self._hot:
                        col = hot_ids.index(sid) if sid in hot_ids else None
                    if col is None and sid in self.stories:  # cold story: join without a vector
                        self._append_cold(sid, a)
                        continue
            is_copy = col is not None
            if col is None and used:
                k = used
                norms = np.sqrt(np.maximum(norm2[:k], 1e-12))
                sims = dot[i, :k] / norms
                gap = np.maximum(np.maximum(first[:k] - t, t - last[:k]), 0.0)
                sims = sims * np.exp(-gap / cfg.story_decay_days)
                sims[gap > cfg.story_window_days] = -1.0
                j = int(np.argmax(sims))
                if sims[j] >= cfg.story_threshold:
                    col = j
            if col is None:
                col = used
                used += 1
                first[col] = last[col] = t
            if is_copy:
                copies.add(i)
            else:
                norm2[col] += 2.0 * dot[i, col] + G[i, i]
                dot[:, col] += G[:, i]
                vec_members.setdefault(col, []).append(i)
            first[col] = min(first[col], t)
            last[col] = max(last[col], t)
            members.setdefault(col, []).append(i)
            col_of_article[a.id] = col

        changed: set[str] = set()
        new_story_ids: list[str] = []
        for col, idxs in members.items():
            rows = X[vec_members.get(col, [])]
            if col < n_hot:
                sid = col_ids[col]
                cent = self._hot[sid]
            else:
                sid = story_id_for(chunk[idxs[0]].id)
                while sid in self.stories or sid in self._alias:  # practically never
                    sid = story_id_for(sid)
                col_ids[col] = sid
                cent = _Centroid.empty(times[idxs[0]])
                self._hot[sid] = cent
                self.stories[sid] = Story(id=sid, title=_title(chunk[idxs[0]]))
                new_story_ids.append(sid)
            cent.add_rows(rows, self.dim, cfg.story_terms)
            cent.n += len(idxs)
            cent.first = min(cent.first, float(first[col]))
            cent.last = max(cent.last, float(last[col]))
            story = self.stories[sid]
            for i in idxs:
                a = chunk[i]
                a.story_id = sid
                story.article_ids.append(a.id)
                self._article_story[a.id] = sid
            story.first_seen = _dt(cent.first)
            story.last_seen = _dt(cent.last)
            changed.add(sid)

        self._link_storylines(new_story_ids, X, chunk, copies)
        changed |= self._merge_stories(changed)
        self._merge_storylines({self.stories[s].storyline_id for s in changed if s in self.stories})
        return changed

    def _append_cold(self, sid: str, a: Article) -> None:
        story = self.stories[sid]
        story.article_ids.append(a.id)
        a.story_id = sid

    def _link_storylines(self, new_story_ids, X, chunk, copies) -> None:
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
        for i, a in enumerate(chunk):
            sid = a.story_id
            if sid is not None and i not in copies:
                rows_of_story.setdefault(sid, []).append(i)
        created: list[tuple[str, _Centroid]] = []
        for sid in new_story_ids:
            story = self.stories[sid]
            rows = rows_of_story.get(sid, [])
            t = self._hot[sid].first
            v = _Centroid.empty(t)
            if rows:
                sub = X[rows]
                v.add_rows(sub, self.dim, 1 << 30)
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
                cent = self._lines[lid] = _Centroid.empty(float(min(_ts(chunk[r].published) or 0 for r in rows)))
            cent.add_rows(X[rows], self.dim, cfg.storyline_terms)
            cent.n += len(rows)
            for r in rows:
                t = _ts(chunk[r].published)
                if t is not None:
                    cent.first = min(cent.first, t)
                    cent.last = max(cent.last, t)

    def _merge_stories(self, touched: set[str]) -> set[str]:
        """Merge a touched story into a similar hot one (older id survives, the other is an alias)."""
        cfg = self.config
        touched = [s for s in touched if s in self._hot]
        if not touched or len(self._hot) < 2:
            return set()
        hot_ids = list(self._hot)
        H = _matrix([self._hot[s] for s in hot_ids], self.dim, normalise=True)
        T = _matrix([self._hot[s] for s in touched], self.dim, normalise=True)
        sims = (T @ H.T).toarray()
        pairs = []
        pos = {s: k for k, s in enumerate(hot_ids)}
        for a_i, sid in enumerate(touched):
            sims[a_i, pos[sid]] = -1.0
            for j in np.flatnonzero(sims[a_i] >= cfg.story_merge_threshold):
                other = hot_ids[j]
                ca, cb = self._hot[sid], self._hot[other]
                gap = max(ca.first - cb.last, cb.first - ca.last, 0.0)
                if gap <= cfg.story_window_days:
                    pairs.append((float(sims[a_i, j]), sid, other))
        result = set()
        for _, s1, s2 in sorted(pairs, reverse=True):
            s1, s2 = self.resolve(s1), self.resolve(s2)
            if s1 == s2 or s1 not in self._hot or s2 not in self._hot:
                continue
            keep, drop = sorted([s1, s2], key=lambda s: (self._hot[s].first, s))
            self._merge_story_into(keep, drop)
            result.add(keep)
        return result

    def _merge_story_into(self, keep: str, drop: str) -> None:
        cfg = self.config
        ks, ds = self.stories[keep], self.stories[drop]
        self._hot[keep].add(self._hot.pop(drop), self.dim, cfg.story_terms)
        ks.article_ids.extend(ds.article_ids)
        ks.aliases.extend([drop] + ds.aliases)
        ks.first_seen = _dt(self._hot[keep].first)
        ks.last_seen = _dt(self._hot[keep].last)
        self._alias[drop] = keep
        del self.stories[drop]
        if ds.storyline_id in self._line_stories:
            lst = self._line_stories[ds.storyline_id]
            if drop in lst:
                lst.remove(drop)
        if ds.storyline_id and ks.storyline_id and ds.storyline_id != ks.storyline_id:
            self._merge_lines(ks.storyline_id, ds.storyline_id)

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

    def _evict(self) -> None:
        """Stories idle beyond the hot window lose their vectors (ids stay resolvable)."""
        cfg = self.config
        if self.clock is None:
            return
        cold = [s for s, c in self._hot.items() if c.last < self.clock - cfg.cold_after_days]
        if len(self._hot) - len(cold) > cfg.max_hot_stories:
            rest = sorted((c.last, s) for s, c in self._hot.items() if s not in set(cold))
            cold += [s for _, s in rest[: len(rest) - cfg.max_hot_stories]]
        for sid in cold:
            self._hot.pop(sid, None)
            story = self.stories.get(sid)
            if story is None:
                continue
            for aid in story.article_ids:
                self._article_story.pop(aid, None)
            if not cfg.keep_cold_stories:
                del self.stories[sid]
                lst = self._line_stories.get(story.storyline_id or "")
                if lst is not None and sid in lst:
                    lst.remove(sid)
        cold_lines = [l for l, c in self._lines.items() if c.last < self.clock - cfg.storyline_window_days]
        if len(self._lines) - len(cold_lines) > cfg.max_hot_storylines:
            rest = sorted((c.last, l) for l, c in self._lines.items() if l not in set(cold_lines))
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
            "version": 1,
            "config": asdict(self.config),
            "clock": self.clock,
            "ndocs": self._ndocs,
            "df_idx": _pack(nz.astype(np.int32)),
            "df_val": _pack(self._df[nz]),
            "stories": [_story_json(s) for s in self.stories.values()],
            "hot": {s: c.to_json() for s, c in self._hot.items()},
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
