"""The sentences of one story, with copy groups and cross-source similarity.

Summary, unique items, quotes and the timeline fallback all need the same three things: which
sentences are copies of each other (wire copy, near-identical paraphrase), how similar any two
sentences are, and how strongly the *other* sources back a sentence. Computing them once here
keeps a 25-article brief well under a second.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timezone

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse import semantic
from newsfuse.fuse.text import index_form, negations, normalise, numbers_in
from newsfuse.records import Article, Citation, Sentence

PARAPHRASE_COPY = 0.9  # MiniLM cosine above which two sentences state the same thing (semantic extra)
NEAR_IDENTICAL = 0.85  # cosine above which two sentences count as one (wire copy, light edit)
_FAR = datetime.max.replace(tzinfo=timezone.utc)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _aware(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


class _Block:
    """Similarities of a run of rows against every sentence: lexical (TF-IDF), semantic, combined."""

    def __init__(self, lexical: np.ndarray | None, semantic_: np.ndarray | None, n_rows: int, n: int,
                 start: int) -> None:
        self.lexical = lexical
        self.semantic = semantic_
        if lexical is None and semantic_ is None:
            eye = np.zeros((n_rows, n), dtype=np.float32)
            eye[np.arange(n_rows), np.arange(start, start + n_rows)] = 1.0
            self.combined = eye
        elif semantic_ is None:
            self.combined = lexical
        else:  # MiniLM cosines of unrelated sentences sit at 0.2-0.5: rescale 0.5 -> 0, 1 -> 1
            rescaled = np.clip((semantic_ - 0.5) / 0.5, 0.0, 1.0)
            self.combined = rescaled if lexical is None else np.maximum(lexical, rescaled)


class _Similarity:
    """Sentence-by-sentence similarity, computed in row blocks and single rows on demand.

    A dense n x n matrix of a 400-article story (~16,000 sentences) would take gigabytes, so
    nothing here holds more than BLOCK rows at a time, plus a few cached rows for the summary's
    redundancy checks. ``sim[i, j]`` and ``sim[i, columns]`` read like the matrix they replace.
    """

    BLOCK = 512

    def __init__(self, matrix, embeddings: np.ndarray | None, n: int) -> None:
        self.matrix, self.embeddings, self.n = matrix, embeddings, n
        self._mt = matrix.T.tocsr() if matrix is not None else None  # converted once, not per block
        self._rows: dict[int, np.ndarray] = {}

    def _block(self, start: int, stop: int) -> _Block:
        lexical = None
        if self.matrix is not None:
            lexical = (self.matrix[start:stop] @ self._mt).toarray().astype(np.float32, copy=False)
        sem = self.embeddings[start:stop] @ self.embeddings.T if self.embeddings is not None else None
        return _Block(lexical, sem, stop - start, self.n, start)

    def blocks(self):
        """(first row, block) over all rows, BLOCK rows at a time."""
        for start in range(0, self.n, self.BLOCK):
            yield start, self._block(start, min(self.n, start + self.BLOCK))

    def row(self, i: int) -> np.ndarray:
        if i not in self._rows:
            if len(self._rows) > 256:
                self._rows.clear()
            self._rows[i] = self._block(i, i + 1).combined[0]
        return self._rows[i]

    def __getitem__(self, key):
        i, j = key
        if isinstance(j, (int, np.integer)) and int(i) not in self._rows:
            return self.row(int(j))[i]  # symmetric: the summary asks many i against few chosen j
        return self.row(int(i))[j]


class StoryCorpus:
    """All sentences of a story's articles, indexed 0..n-1 in article order."""

    def __init__(self, articles: list[Article], duplicate_of: dict[str, str] | None = None,
                 sentence_copies: dict | None = None) -> None:
        self.articles = {a.id: a for a in articles}
        self.duplicate_of = dict(duplicate_of or {})
        for a in articles:
            if a.duplicate_of and a.id not in self.duplicate_of:
                self.duplicate_of[a.id] = a.duplicate_of
        self.sents: list[tuple[Article, Sentence]] = [(a, s) for a in articles for s in a.sentences]
        self.pos = {(a.id, s.index): i for i, (a, s) in enumerate(self.sents)}
        self.outlet_of = [self._outlet_key(a) for a, _ in self.sents]
        n = len(self.sents)
        if n:
            vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", token_pattern=r"(?u)\b\w+\b")
            try:
                self.matrix = vec.fit_transform([index_form(s.text) for _, s in self.sents])
            except ValueError:  # only stop words everywhere
                self.matrix = None
        else:
            self.matrix = None
        self.embeddings = semantic.embed([s.text for _, s in self.sents]) if n > 1 and semantic.enabled() else None
        self.sim = _Similarity(self.matrix, self.embeddings, n)
        self._denials: dict[int, int] = {}
        self._group(sentence_copies or {})

    # --- identity ---------------------------------------------------------------------------

    def _outlet_key(self, a: Article) -> str:
        """Independent-source key: the outlet, and a duplicate counts as what it copies."""
        root = self.duplicate_of.get(a.id)
        if root and root in self.articles:
            a = self.articles[root]
        return (a.outlet or a.domain or a.id).strip().lower()

    def is_duplicate(self, article_id: str) -> bool:
        return article_id in self.duplicate_of

    def _group(self, sentence_copies: dict) -> None:
        """Union sentences that are copies: given by dedup, equal when normalised, or near-identical."""
        n = len(self.sents)
        uf = _UnionFind(n)
        nums: dict[int, set] = {}

        def same_numbers(i: int, j: int) -> bool:
            """Copies state the same figures and the same denials ("was not started ...")."""
            for k in (i, j):
                if k not in nums:
                    nums[k] = numbers_in(self.sents[k][1].text)
            return nums[i] == nums[j] and self.denials(i) == self.denials(j)

        for key, copies in sentence_copies.items():
            i = self.pos.get(tuple(key))
            if i is None:
                continue
            for other in copies:
                j = self.pos.get(tuple(other))
                # dedup's pairs, like ours below; a pair already joined (dedup lists every copy of
                # a wire sentence with every other, quadratic in a big story) needs no check
                if j is not None and uf.find(i) != uf.find(j) and same_numbers(i, j):
                    uf.union(i, j)
        seen: dict[str, int] = {}
        for i, (_, s) in enumerate(self.sents):
            k = normalise(s.text)
            if not k:
                continue
            if k in seen:
                uf.union(seen[k], i)
            else:
                seen[k] = i
        # a light edit is a copy; a changed figure ("12 killed" -> "13 killed") or a denial is not. With the
        # semantic extra, a close paraphrase (MiniLM cosine >= PARAPHRASE_COPY) is a copy too.
        reps = self._distinct_texts()
        sim = self.sim if len(reps) == n else _Similarity(
            self.matrix[reps] if self.matrix is not None else None,
            self.embeddings[reps] if self.embeddings is not None else None, len(reps))
        for start, block in sim.blocks():
            for threshold, part in ((NEAR_IDENTICAL, block.lexical), (PARAPHRASE_COPY, block.semantic)):
                if part is None:
                    continue
                rows, cols = np.nonzero(part >= threshold)
                for r, c in zip(rows.tolist(), cols.tolist()):
                    i, j = reps[start + r], reps[c]
                    if j <= i:
                        continue
                    if uf.find(i) != uf.find(j) and same_numbers(i, j):
                        uf.union(i, j)
        self.group = [uf.find(i) for i in range(n)]
        members: dict[int, list[int]] = defaultdict(list)
        for i, g in enumerate(self.group):
            members[g].append(i)
        self.members = dict(members)

    def _distinct_texts(self) -> list[int]:
        """The first sentence of each distinct text, in order (and every one with no words). Copies
        of one text have the same similarities, figures and denials and are joined already (equal
        when normalised), so the near-copy pass compares these alone: a page of one sentence
        repeated is one row, where all pairs of its sentences took time quadratic in its length."""
        first: dict[str, int] = {}
        out = []
        for i, (_, s) in enumerate(self.sents):
            if not normalise(s.text):  # never joined as equal: compared like any other
                out.append(i)
            elif first.setdefault(s.text, i) == i:
                out.append(i)
        return out

    def denials(self, i: int) -> int:
        """How many denials sentence i holds ("not", "never", ...): a sentence and its denial look
        alike to TF-IDF (stop words), so copy and redundancy checks ask this too."""
        if i not in self._denials:
            self._denials[i] = negations(self.sents[i][1].text)
        return self._denials[i]

    def copies(self, i: int) -> list[int]:
        """Sentence i and every copy of it, in article order."""
        return self.members.get(self.group[i], [i])

    def citations(self, i: int) -> list[Citation]:
        """Citations for every source sentence that states what sentence i states."""
        out = []
        for j in self.copies(i):
            a, s = self.sents[j]
            out.append(Citation(a.id, s.index, s.text))
        return out

    def copy_roots(self) -> dict[tuple[str, int], tuple[str, int]]:
        """(article, sentence) -> group representative, for sentences that have copies in other articles."""
        out = {}
        for g, mem in self.members.items():
            arts = {self.sents[j][0].id for j in mem}
            if len(arts) < 2:
                continue
            a0, s0 = self.sents[g]
            for j in mem:
                a, s = self.sents[j]
                out[(a.id, s.index)] = (a0.id, s0.index)
        return out

    def outlets_of_group(self, i: int) -> set[str]:
        return {self.outlet_of[j] for j in self.copies(i)}

    # --- salience ---------------------------------------------------------------------------

    def support(self) -> np.ndarray:
        """How strongly the other sources back each sentence (0..1).

        For every other independent outlet take its best-matching sentence (copies of this very
        sentence count at most 0.5: wire copy is reuse, not confirmation) and average over the
        outlets. With one outlet only, fall back to the mean similarity inside it.
        """
        n = len(self.sents)
        if n == 0:
            return np.zeros(0)
        outlet_arr = np.array(self.outlet_of)
        outlets = sorted(set(self.outlet_of))
        group = np.array(self.group)
        out = np.zeros(n)
        for start, block in self.sim.blocks():
            sim = block.combined
            rows = slice(start, start + sim.shape[0])
            if len(outlets) == 1:
                out[rows] = (sim.sum(axis=1) - 1.0) / max(1, n - 1)
                continue
            total = np.zeros(sim.shape[0])
            for o in outlets:
                cols = np.nonzero(outlet_arr == o)[0]
                part = sim[:, cols].copy()
                same = group[rows][:, None] == group[cols][None, :]
                part[same] = 0.0
                best = part.max(axis=1)
                best = np.where(same.any(axis=1), np.maximum(best, 0.5), best)
                total += np.where(outlet_arr[rows] == o, 0.0, best)
            out[rows] = total / (len(outlets) - 1)
        return out

    def centrality(self, damping: float = 0.15, iters: int = 50) -> np.ndarray:
        """LexRank centrality of each sentence (0..1, the most central is 1).

        Continuous LexRank (Erkan & Radev 2004): the stationary distribution of a random walk
        whose steps follow TF-IDF cosine similarity to *other* sentences (no self-loops: a
        sentence that shares nothing with the story ends near 0, not level with the rest). Unlike
        ``support`` it rewards sentences that are similar to *many* sentences that are themselves
        central, across and within sources. Computed with sparse products (S p = M (M^T p)), so
        it stays linear in the story's size instead of building the n x n matrix. Lexical only
        (the semantic extra's embeddings are not used here).
        """
        n = len(self.sents)
        M = self.matrix
        if M is None or n < 2:
            return np.zeros(n)
        self_sim = np.asarray(M.multiply(M).sum(axis=1)).ravel()  # 1, or 0 for empty rows
        degree = np.asarray(M @ (M.T @ np.ones(n))).ravel() - self_sim
        degree[degree <= 1e-12] = 1.0  # no edges: its mass leaks (dangling), it ends low
        p = np.full(n, 1.0 / n)
        for _ in range(iters):
            q = p / degree
            nxt = damping / n + (1 - damping) * (np.asarray(M @ (M.T @ q)).ravel() - self_sim * q)
            done = np.abs(nxt - p).sum() < 1e-9
            p = nxt
            if done:
                break
        top = p.max()
        return p / top if top > 0 else p

    def when(self, i: int) -> tuple:
        """Chronological sort key of a sentence: reference day, position, entry/publish time.

        Position before time within a day: leads (what happened) come before background, and
        two articles of the same day interleave by where they say things.
        """
        a, s = self.sents[i]
        moment = None
        if s.entry is not None and 0 <= s.entry < len(a.entries):
            moment = _aware(a.entries[s.entry].time)
        moment = moment or _aware(a.published)
        day = s.ref_date or (moment.date() if moment else None)
        return (day or date.max, s.index, moment or _FAR)
