"""Storylines: linking the hot stories of one long-running topic (a strike, then the deal that ends
it; a crime, then its trial) into a storyline with its own stable id.

Why a module of its own: story decisions (``cluster.py``) and storyline decisions are two levels
with their own bars; keeping the relinking here lets each be read alone. ``StorylineLinker`` is a
mixin of ``StoryClusterer``: it works on the clusterer's state (``stories``, ``_hot``, ``_lines``,
``_line_stories``, ``_line_alias``, ``_line_base``, ``_line_art``, ``_line_emb``, ``_line_moved``,
``_core``, the gram caches, ``_cols``, ``config``, ``dim``, ``_wdim``, ``_outlet_feats``,
``_semantic``) and calls its ``_idf``, ``_story_emb`` and ``resolve_storyline``.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np

from newsfuse.semantic import DIM as _EMB_DIM
from newsfuse.stories.vectors import (
    _Centroid, _cached_rows, _from_column, _matrix, _matrix2, _row_keys, _shares_any, _stack, _take_rows,
    _top_entities_many,
)

__all__ = ["StorylineLinker", "storyline_id_for"]


def storyline_id_for(first_story_id: str) -> str:
    return "l-" + hashlib.sha1(first_story_id.encode("utf-8")).hexdigest()[:12]


class StorylineLinker:
    """Re-clusters the hot stories into storylines at every ``add`` (see ``_relink_storylines``)."""

    def _relink_storylines(self) -> set[str]:
        """Re-cluster all hot stories into storylines; return the stories whose storyline changed.

        Why: a greedy pass in arrival order glued a new topic onto whichever older line it first
        resembled and never undid it (Libya swallowed Egypt in T17). Here the hot stories, plus one
        *seed* per hot storyline (the summed vectors of its stories that went cold), are merged
        agglomeratively by centroid cosine, best pair first, so the result depends on the hot
        window, not on arrival order. Merges also need the entity block to agree, a time gap within
        ``storyline_window_days``, and distinctive entities in common (IDF-weighted anchors, agreed
        on by most item pairs). Ids: a seed keeps its line's id (two seeds joining: the older
        wins, the other becomes an alias); otherwise a cluster takes the line of its oldest story,
        else a new id from that story."""
        cfg = self.config
        sids = sorted((s for s in self._hot if s in self.stories), key=lambda s: (self._hot[s].first, s))
        if not sids:
            return set()
        seeds = sorted((l for l, b in self._line_base.items() if b.n > 0 and l in self._lines),
                       key=lambda l: (self._line_base[l].first, l))
        ns = len(seeds)
        cents = [self._line_base[l] for l in seeds] + [self._core.get(s, self._hot[s]) for s in sids]
        n = len(cents)
        G, Ge = self._line_grams(cents, ns)
        # article-level sums: a hot story's row is its unit centroid times its norm; seeds need
        # their own product (their summed article vectors differ from their summed unit vectors)
        hn = np.array([math.sqrt(max(c.norm2, 0.0)) for c in cents[ns:]])
        Ga = np.zeros_like(G)
        Ga[ns:, ns:] = G[ns:, ns:] * np.outer(hn, hn)
        arts = [self._line_art.get(l) or _Centroid.empty(0.0) for l in seeds]
        if ns:
            Ga[:ns] = self._art_rows(arts, cents[ns:])
            Ga[ns:, :ns] = Ga[:ns, ns:].T
        na = np.array([float(c.n) for c in arts + cents[ns:]])  # articles per group
        GL = None  # the bag-of-words part alone, when embeddings share the cosine (see ``lexical``)
        if self._semantic:
            w = self.config.semantic_weight
            if cfg.semantic_guard:
                GL = G.copy()
            E = np.stack([self._line_emb.get(l, np.zeros(_EMB_DIM, np.float32)) for l in seeds]
                         + [self._story_emb(s) for s in sids]).astype(np.float64)
            G = (1.0 - w) * G + w * (E @ E.T)
        # anchors: an item's few most telling entities must be among the other's main ones, both ways
        idf = self._idf  # called for the entity features the anchors need, not the whole space
        outlets = np.array(sorted(self._outlet_feats), np.int64)
        anc_rows, top_rows = _top_entities_many(cents, self._wdim, (cfg.storyline_anchor_k, cfg.storyline_anchor_top),
                                                idf, cfg.anchor_idf_power, outlets)
        hit = _shares_any(anc_rows, top_rows, n, n)
        no_ent = np.bincount(anc_rows[0], minlength=n) == 0
        ok = (hit & hit.T) | no_ent[:, None] | no_ent[None, :]
        # pairs are weighted by stories, so a long line's seed outvotes a few bridging stories
        nst = np.array([float(c.n) for c in cents[:ns]] + [1.0] * (n - ns))  # stories per group
        w = np.outer(nst, nst)
        agree = ok * w
        agree1 = (hit | no_ent[:, None] | no_ent[None, :]) * w  # row's anchors among column's
        seeded = np.zeros(n, bool)
        seeded[:ns] = True
        first = np.array([c.first for c in cents])
        last = np.array([c.last for c in cents])
        active = np.ones(n, bool)
        members = [[i] for i in range(n)]

        def set_inner(i) -> None:
            if isinstance(i, slice):
                with np.errstate(divide="ignore", invalid="ignore"):
                    inner[i] = np.where(na[i] >= 2, (np.diagonal(Ga)[i] - na[i]) / (na[i] * (na[i] - 1)), np.inf)
            else:  # one group (after a merge): the same float64 operations on scalars
                inner[i] = (Ga[i, i] - na[i]) / (na[i] * (na[i] - 1)) if na[i] >= 2 else np.inf

        inner = np.zeros(n)
        set_inner(slice(None))
        sinner = inner.copy()  # the loosest member story's own inner mean (glue does not lower it)

        def terms(ix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            """Rows ``ix`` against every group (an index gives 1-d rows, an array 2-d ones):
            centroid cosine, entity cosine and time gap (``near`` adds the cohesion bar). Element
            by element, so a row is the same whether it is computed alone or with others."""
            return cosine(ix), *entity_gap(ix)

        def cosine(ix) -> np.ndarray:
            return G[ix] / (dg[ix][..., None] * dg)

        def entity_gap(ix) -> tuple[np.ndarray, np.ndarray]:
            de = deg[ix][..., None] * deg
            ecos = np.where(de > 0, Ge[ix] / np.maximum(de, 1e-12), 1.0)
            gap = np.maximum(np.maximum(first[ix][..., None] - last, first - last[ix][..., None]), 0.0)
            return ecos, gap

        def lexical(ix, thr) -> np.ndarray | bool:
            """With the guard, the bag-of-words cosine alone must pass the bar too: embeddings rank
            merges but supply no link on their own (two uprisings, two quakes read alike)."""
            if GL is None:
                return True
            return GL[ix] / (dgl[ix][..., None] * dgl) >= thr

        def near(ix) -> np.ndarray:
            """Cohesion of rows ``ix`` with every group: the mean article similarity across the two
            groups against the mean within the looser one less the margin (groups of one article
            have no inner pairs, set no bar). Only ANDed into the other bars, so callers skip it
            when those already rule out every pair."""
            with np.errstate(divide="ignore", invalid="ignore"):
                nn = na[ix][..., None] * na
                bar = np.minimum(inner[ix][..., None], inner)
                one = seeded[ix][..., None] | seeded
                share = np.where(seeded[ix][..., None] & seeded, cfg.storyline_settled_ratio,
                                 np.where(one & (nst[ix][..., None] > 1) & (nst > 1), cfg.storyline_seed_ratio, -np.inf))
                need = np.maximum(bar - cfg.storyline_cohesion_margin, share * bar)
                # two groups of 2+ articles each (hot, or with ``storyline_ratio_seeded`` either
                # seeded): a share of their looser *story's* own mean
                sin = sinner[ix][..., None]
                both = np.isfinite(np.minimum(sin, sinner) if cfg.storyline_ratio_single else np.maximum(sin, sinner))
                hot = both if cfg.storyline_ratio_seeded else ~one & both
                lo = np.minimum(sin, sinner)
                share = np.where(lo >= cfg.storyline_tight_inner, max(cfg.storyline_hot_ratio, cfg.storyline_tight_ratio),
                                 cfg.storyline_hot_ratio)
                need = np.where(hot, np.maximum(need, share * lo), need)
                return ~np.isfinite(bar) | (nn == 0) | (Ga[ix] / nn >= need)

        def not_self(good: np.ndarray, ix) -> np.ndarray:
            if np.ndim(ix):
                good[np.arange(len(ix)), ix] = False
            else:
                good[ix] = False
            return good

        def scores(ix) -> np.ndarray:
            """Merge scores of rows ``ix``: the cosine where every bar is passed, else -inf."""
            cos = cosine(ix)
            thr = np.where(seeded[ix][..., None] & seeded, cfg.storyline_merge_threshold, cfg.storyline_threshold)
            good = not_self(active & (cos >= thr), ix)
            if not good.any():  # no group past the cosine bar (1 row in 10 on T17): no other bar is needed
                return np.full(cos.shape, -np.inf)
            ecos, gap = entity_gap(ix)
            good &= (lexical(ix, thr) & (ecos >= cfg.storyline_entity_threshold) & (gap <= cfg.storyline_window_days)
                     & (agree[ix] >= (cfg.storyline_anchor_agree * nst[ix])[..., None] * nst))
            if good.any():
                good &= near(ix)
            return np.where(good, cos, -np.inf)

        def young_joins(ix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            """For young rows ``ix``: which groups each may join (bigger, close enough, its anchors
            among theirs) and the cosines to rank them."""
            cos, ecos, gap = terms(ix)
            good = ((active & (nst > nst[ix][:, None]) & (cos >= cfg.storyline_young_threshold)
                     & lexical(ix, cfg.storyline_young_threshold)
                     & (ecos >= cfg.storyline_entity_threshold) & (gap <= cfg.storyline_window_days)
                     & (agree1[ix] >= (cfg.storyline_anchor_agree * nst[ix])[:, None] * nst)))
            good = not_self(good, ix)
            if good.any():
                good &= near(ix)
            return good, cos

        def nearest_join(a: int) -> int | None:
            """The long line (``storyline_nearest_line`` stories or more) that young row ``a``, a
            lone article, is clearly nearest to: cosine at least ``storyline_nearest_min`` and
            ``storyline_nearest_ratio`` times that of any other group, with the entity, time,
            lexical and cohesion bars passed; else None.

            Why: a long crisis moves on to new places and people (a country's first case, a coast
            the spill reaches), and a long line's top names are spread over its many stories, so a
            lone piece's few main names are often not among them: the anchors kept such pieces
            out although their words pointed to that line and no other (T17). Short lines keep
            the anchors (their main names are few and telling), and so do groups of several
            articles (an event of its own, which may begin a line of its own)."""
            if na[a] > cfg.storyline_nearest_articles:
                return None
            cos = cosine(a)
            others = active.copy()
            others[a] = False
            c = np.where(others, cos, -np.inf)
            b = int(np.argmax(c))
            if not others[b] or nst[b] < cfg.storyline_nearest_line or nst[b] <= nst[a] or cos[b] < cfg.storyline_nearest_min:
                return None
            c[b] = -np.inf
            if cos[b] < cfg.storyline_nearest_ratio * max(float(c.max()), 0.0):
                return None
            ecos, gap = entity_gap(a)
            lex = lexical(a, cfg.storyline_nearest_min)
            if (ecos[b] < cfg.storyline_entity_threshold or gap[b] > cfg.storyline_window_days
                    or not (lex is True or lex[b]) or not near(a)[b]):
                return None
            return b

        def join_young(a: int, b: int) -> None:
            Ga[b, :] += Ga[a, :]
            Ga[:, b] += Ga[:, a]
            na[b] += na[a]
            sinner[b] = min(sinner[a], sinner[b])
            set_inner(b)
            members[b] += members[a]
            active[a] = False
            seeded[b] |= seeded[a]
            first[b] = min(first[a], first[b])
            last[b] = max(last[a], last[b])
            nst[b] += nst[a]

        def merge_rows(a: int, b: int) -> None:
            Q[:, a, :] += Q[:, b, :]
            Q[:, :, a] += Q[:, :, b]
            if GL is not None:
                dgl[a] = np.sqrt(np.maximum(GL[a, a], 1e-12))
            nst[a] += nst[b]
            na[a] += na[b]
            sinner[a] = min(sinner[a], sinner[b])
            set_inner(a)
            dg[a] = np.sqrt(np.maximum(G[a, a], 1e-12))
            deg[a] = np.sqrt(np.maximum(Ge[a, a], 0.0))

        # diagonal norms, kept up to date as groups merge (only the merged row's entry changes)
        dg = np.sqrt(np.maximum(np.diag(G), 1e-12))
        dgl = np.sqrt(np.maximum(np.diag(GL), 1e-12)) if GL is not None else None
        deg = np.sqrt(np.maximum(np.diag(Ge), 0.0))
        # the matrices a merge adds up, as views of one array: two calls add all their rows and
        # columns (each the same sum as it was on its own)
        Q = np.stack((G, Ge, Ga, agree, agree1) + (() if GL is None else (GL,)))
        G, Ge, Ga, agree, agree1 = Q[:5]
        GL = Q[5] if GL is not None else None
        S = scores(np.arange(n)) if n > 1 else np.full((1, 1), -np.inf)
        while n > 1:
            flat = int(np.argmax(S))
            a, b = divmod(flat, n)
            if not np.isfinite(S[a, b]):
                break
            a, b = min(a, b), max(a, b)
            merge_rows(a, b)
            seeded[a] |= seeded[b]
            first[a] = min(first[a], first[b])
            last[a] = max(last[a], last[b])
            members[a] += members[b]
            active[b] = False
            S[b, :] = S[:, b] = -np.inf
            r = scores(a)
            S[a, :] = r
            S[:, a] = r
        # young groups join their best bigger neighbour (smallest first; one pass, no chains).
        # Their rows are computed together and again only after a join (the one thing that
        # changes what the later rows see)
        young = sorted((i for i in range(n) if active[i] and nst[i] <= cfg.storyline_young),
                       key=lambda i: (nst[i], first[i], i))
        k, at, rows = 0, 0, None
        while k < len(young):
            a = young[k]
            if not active[a]:
                k += 1
                continue
            if rows is None:
                at = k
                rows = young_joins(np.array(young[k:]))
                can = rows[0].any(axis=1)
            if not can[k - at]:
                k += 1
                continue
            good, cos = rows[0][k - at], rows[1][k - at]
            join_young(a, int(np.argmax(np.where(good, cos, -np.inf))))
            rows = None
            k += 1
        # ... and those still alone the one bigger group they are clearly nearest to
        if cfg.storyline_nearest_ratio > 0:
            for a in young:
                b = nearest_join(a) if active[a] else None
                if b is not None:
                    join_young(a, b)
        clusters = [sorted(members[i]) for i in range(n) if active[i]]
        # ---- naming
        line: list[str | None] = [None] * len(clusters)
        claimed: set[str] = set()
        merges = []
        for ci, mem in enumerate(clusters):
            sl = [seeds[i] for i in mem if i < ns]
            if sl:
                line[ci] = sl[0]  # seeds are sorted oldest first
                claimed.update(sl)
                merges += [(sl[0], o) for o in sl[1:]]
        cand = []
        for ci, mem in enumerate(clusters):
            if line[ci] is None:
                for i in mem:
                    s = sids[i - ns]
                    prev = self.stories[s].storyline_id
                    if prev is not None:
                        cand.append((self._hot[s].first, s, self.resolve_storyline(prev), ci))
        for _, s, prev, ci in sorted(cand):
            if line[ci] is None and prev not in claimed:
                line[ci] = prev
                claimed.add(prev)
        for ci, mem in enumerate(clusters):
            if line[ci] is None:
                lid = storyline_id_for(sids[mem[0] - ns])
                while lid in self._line_stories or lid in self._line_alias or lid in claimed:
                    lid = storyline_id_for(lid)
                line[ci] = lid
                claimed.add(lid)
        for keep, drop in merges:
            self._merge_lines(keep, drop)
        # ``_merge_lines`` keeps the older line by its whole span, which need not be the seed named
        # first (seeds are ordered by their settled part): stories go to the line that survived,
        # never to an alias (a live alias splits one line's stories from its settled part)
        line = [self.resolve_storyline(l) for l in line]
        moved: set[str] = set()
        left: dict[str, dict[str, int]] = {}  # old line -> new line -> stories that went there
        for ci, mem in enumerate(clusters):
            lid = line[ci]
            lst = self._line_stories.setdefault(lid, [])
            span = self._lines.get(lid)
            if span is None:  # not built for every cluster only to be dropped
                span = self._lines[lid] = _Centroid.empty(float(first[mem[0]]))
            base = self._line_base.get(lid)
            span.first = base.first if base is not None and base.n else math.inf
            span.last = base.last if base is not None and base.n else -math.inf
            span.n = base.n if base is not None else 0
            for i in mem:
                if i < ns:
                    continue
                s = sids[i - ns]
                st = self.stories[s]
                old = self.resolve_storyline(st.storyline_id) if st.storyline_id is not None else None
                if old != lid:
                    if old is not None:
                        olst = self._line_stories.get(old)
                        if olst is not None and s in olst:
                            olst.remove(s)
                        left.setdefault(old, {})
                        left[old][lid] = left[old].get(lid, 0) + 1
                    lst.append(s)
                    moved.add(s)
                elif s not in lst:
                    lst.append(s)
                st.storyline_id = lid
                hc = self._hot[s]
                span.first = min(span.first, hc.first)
                span.last = max(span.last, hc.last)
                span.n += 1
        # lines left with no story at all become aliases of where most of their stories went
        for old, where in left.items():
            if self._line_stories.get(old) or old in claimed:
                continue
            target = max(sorted(where), key=lambda x: where[x])
            self._line_alias[old] = target
            self._line_stories.pop(old, None)
            self._lines.pop(old, None)
            self._line_base.pop(old, None)
            self._line_art.pop(old, None)
            self._line_emb.pop(old, None)
        return moved

    def _line_grams(self, cents: list[_Centroid], ns: int) -> tuple[np.ndarray, np.ndarray]:
        """``M @ M.T`` and the same over the entity block, M holding the ``ns`` seeds as they are
        and the other centroids as unit vectors (what storyline relinking compares).

        Why: the seeds are the largest rows and mostly unchanged from one batch to the next. An
        entry of a sparse product depends only on its two rows (terms in index order), and the
        product is symmetric, so seed pairs whose vectors are the same arrays as last time are
        copied and only the other rows are multiplied: the same numbers, a fraction of the work."""
        n = len(cents)
        M = _matrix2(cents[:ns], cents[ns:], self.dim)
        where, G_old, Ge_old = self._gram_cache
        pos = _cached_rows(where, cents[:ns])
        kept = np.flatnonzero(pos >= 0)
        rows = np.concatenate([np.flatnonzero(pos < 0), np.arange(ns, n)])
        G = np.empty((n, n))
        Ge = np.empty((n, n))
        if len(kept):
            G[np.ix_(kept, kept)] = G_old[np.ix_(pos[kept], pos[kept])]
            Ge[np.ix_(kept, kept)] = Ge_old[np.ix_(pos[kept], pos[kept])]
        if len(rows):
            # (M @ M[rows].T) holds the same sums (a pair's common terms, in index order either
            # way) and transposes only the rows multiplied. One product gives both: a row against
            # another's entity terms alone meets only entity terms, in index order, each the same
            # product, so its sum is the entity block's, added in the same order from zero
            R = _take_rows(M, rows)
            part = self._cols.gram(M, _stack(R, _from_column(R, self._wdim)))
            r = len(rows)
            G[:, rows] = part[:, :r]
            G[rows, :] = part[:, :r].T
            Ge[:, rows] = part[:, r:]
            Ge[rows, :] = part[:, r:].T
        self._gram_cache = (_row_keys(cents[:ns]), G[:ns, :ns].copy(), Ge[:ns, :ns].copy())
        return G, Ge

    def _art_rows(self, arts: list[_Centroid], hot: list[_Centroid]) -> np.ndarray:
        """``La @ [La; H].T`` (dense): the seeds' summed article vectors against themselves and
        against the hot stories' centroids as they are. Seed pairs whose arrays are unchanged
        since the last relinking are copied (as in ``_line_grams``); one product does the rest."""
        ns = len(arts)
        where, old = self._art_gram_cache
        pos = _cached_rows(where, arts)
        kept = np.flatnonzero(pos >= 0)
        redo = np.flatnonzero(pos < 0)
        out = np.empty((ns, ns + len(hot)))
        if len(kept):
            out[np.ix_(kept, kept)] = old[np.ix_(pos[kept], pos[kept])]
        if len(redo) or hot:
            La = _matrix(arts, self.dim, False)
            part = self._cols.gram(La, _matrix2([arts[i] for i in redo] + hot, [], self.dim))
            out[:, redo] = part[:, : len(redo)]
            out[redo, :ns] = part[:, : len(redo)].T
            out[:, ns:] = part[:, len(redo):]
        self._art_gram_cache = (_row_keys(arts), out[:, :ns].copy())
        return out

    def _merge_lines(self, l1: str, l2: str) -> None:
        l1, l2 = self.resolve_storyline(l1), self.resolve_storyline(l2)
        if l1 == l2:
            return
        def age(l):
            c = self._lines.get(l)
            return (c.first if c else -math.inf, l)
        keep, drop = sorted([l1, l2], key=age)
        if drop in self._line_emb:
            self._line_emb[keep] = self._line_emb.get(keep, 0.0) + self._line_emb.pop(drop)
        if drop in self._line_art:
            if keep in self._line_art:
                self._line_art[keep].add(self._line_art.pop(drop), self.dim, self.config.storyline_terms)
            else:
                self._line_art[keep] = self._line_art.pop(drop)
        if drop in self._line_base:
            if keep in self._line_base:
                self._line_base[keep].add(self._line_base.pop(drop), self.dim, self.config.storyline_terms)
            else:
                self._line_base[keep] = self._line_base.pop(drop)
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
                self._line_moved.add(sid)
