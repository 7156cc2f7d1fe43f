"""Timeline builder: dated, cited happenings per day for one story.

Model: the date-wise approach of Gholipour Ghalandari & Ifrim (ACL 2020). First rank days by how
much the collection talks about them (sentences and articles that mention the day, articles
published on or right after it), then summarise each chosen day by picking the sentences most
central to that day's candidate set (TF-IDF centroid). Every item cites its sentence verbatim, plus
near-identical copies of it in other articles (wire reuse), so a reader can check each line.

Dates come from ``Happening`` records (the extract stage). ``find_date_mentions`` is a fast regex
resolver kept here for callers without happenings and for benchmark-scale runs (thousands of
articles), where a general date parser per sentence would dominate the run time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

import numpy as np

from newsfuse.extract.dates import in_side_clause
from newsfuse.ingest.meta import MONTHS
from newsfuse.fuse.text import negations, numbers_in, without_page_stamp
from newsfuse.ingest.segment import ensure_sentences
from newsfuse.records import Article, Citation, Happening, TimelineItem

__all__ = [
    "build_timeline",
    "timeline_order",
    "find_date_mentions",
    "happenings_for",
    "rank_dates",
    "date_stats",
    "feature_matrix",
    "FEATURES",
    "DATE_MODEL",
    "DateStats",
]

# ---------------------------------------------------------------------------------------------
# Fast date mentions
# ---------------------------------------------------------------------------------------------

_MONTH_RE = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June?|July?|Aug(?:ust)?"
    r"|Sept(?:ember)?|Sep|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}

_DATE_RE = re.compile(
    "|".join([
        r"\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b",
        # "January 5, 2011", "Jan. 5", "May 3rd 2009"
        _MONTH_RE.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|per|,\d))"
        r"(?:,?\s+(?P<y1>(?:19|20)\d{2})\b)?",
        # "5 January 2011", "5th of May"
        r"\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE.format(g="m2")
        + r"(?:,?\s+(?P<y2>(?:19|20)\d{2})\b)?",
        # "last Tuesday", "on Friday", "Friday"
        r"\b(?:(?P<wmod>last|next|this|on|since|until|by|from)\s+)?"
        r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        r"\b(?P<rel>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)"
        r"|earlier today)\b",
    ]),
    re.IGNORECASE,
)
# Cheap gate: a day-level mention needs a digit, a "...day", "night" or "tomorrow".
_GATE_RE = re.compile(r"\d|day\b|night\b|tomorrow", re.IGNORECASE)
_FUTURE_RE = re.compile(r"\b(?:will|shall|'ll|is due|are due|is expected|plans? to|scheduled)\b",
                        re.IGNORECASE)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, ref: date | None) -> date | None:
    """A day-month without a year: the candidate year closest to the reference date."""
    if ref is None:
        return None
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = _safe_date(y, m, d)
        if cand is None:
            continue
        # News mostly reports the past: a future date costs double its distance.
        delta = (cand - ref).days
        cost = delta * 2 if delta > 0 else -delta
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def find_date_mentions(text: str, ref_date: date | None) -> list[tuple[date, str]]:
    """Day-level dates a sentence mentions, resolved against ``ref_date``: [(date, phrase)].

    Explicit dates ("5 January 2011", "Jan. 5", "2011-01-05"), weekdays (past by default, future
    when the sentence is in the future tense or says "next"), and "yesterday/today/tomorrow/last
    night". Months or years alone are not day-level and are skipped.
    """
    out: list[tuple[date, str]] = []
    if not _GATE_RE.search(text):
        return out
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        found: date | None = None
        if g["iy"]:
            found = _safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
        elif g["m1"] or g["m2"]:
            mon_txt = (g["m1"] or g["m2"])
            # "may" lower-case is the verb; month names must be capitalised.
            if not mon_txt[0].isupper():
                continue
            mon = MONTHS[mon_txt.lower().rstrip(".")]
            day = int(g["d1"] or g["d2"])
            year = g["y1"] or g["y2"]
            if year:
                found = _safe_date(int(year), mon, day)
            else:
                found = _infer_year(mon, day, ref_date)
        elif g["wd"]:
            if ref_date is None or not g["wd"][0].isupper():
                continue
            wd = _WEEKDAYS[g["wd"].lower()]
            mod = (g["wmod"] or "").lower()
            back = (ref_date.weekday() - wd) % 7
            future = mod == "next" or (mod != "last" and _FUTURE_RE.search(text, 0, m.start()))
            if future:
                fwd = (wd - ref_date.weekday()) % 7 or 7
                found = ref_date + timedelta(days=fwd)
            else:
                if mod == "last" and back == 0:
                    back = 7
                found = ref_date - timedelta(days=back)
        elif g["rel"]:
            if ref_date is None:
                continue
            rel = g["rel"].lower()
            if rel == "yesterday" or rel == "last night":
                found = ref_date - timedelta(days=1)
            elif rel == "tomorrow":
                found = ref_date + timedelta(days=1)
            else:
                found = ref_date
        if found is not None:
            out.append((found, m.group(0)))
    return out


def _main_clause_mention(text: str, ments: list[tuple[date, str]]) -> tuple[date, str]:
    """The first mention outside a side clause ("The minister, who took office on 3 May, resigned
    on Tuesday" is dated Tuesday), else the first."""
    if len(ments) == 1:
        return ments[0]
    spans, at = [], 0
    for _d, phrase in ments:
        at = text.find(phrase, at)
        spans.append((at, at + len(phrase)))
        at += len(phrase)
    return next((m for m, (s, e) in zip(ments, spans) if s < 0 or not in_side_clause(text, s, e, spans)), ments[0])


def happenings_for(article: Article) -> list[Happening]:
    """One Happening per sentence that mentions a day (its first such day), via the fast resolver."""
    ref_default = article.published_date
    out: list[Happening] = []
    for s in article.sentences:
        ref = s.ref_date or ref_default
        ments = find_date_mentions(s.text, ref)
        if ments:
            d, phrase = _main_clause_mention(s.text, ments)
            out.append(Happening(article.id, s.index, s.text, d, phrase, "day"))
    return out


# ---------------------------------------------------------------------------------------------
# Date ranking
# ---------------------------------------------------------------------------------------------


# Weights of the hand-set date score (see DateStats.score; ``date_model="hand"``).
DATE_WEIGHTS = {"sents": 1.0, "docs": 0.0, "docs_after": 2.0, "published": 0.5}

# The date ranker briefs use: ``newsfuse.eval.timelines.train_date_model`` on all 18 Timeline17
# timelines (mean-scaled features, see ``feature_matrix``). Trained leave-one-topic-out, the same
# recipe gives nearly the same weights in every fold and the held-out scores in BENCHMARKS.md.
# Days that many articles mention, and that later articles still refer back to, are the days
# editors put in timelines; raw sentence counts add nothing once article counts are known.
DATE_MODEL = {"sents": -0.021, "docs": 0.281, "docs_before": 0.013, "docs_after": 0.317,
              "sents_after": -0.051, "published": 0.155, "published_next": 0.016}

FEATURES = ("sents", "docs", "docs_before", "docs_after", "sents_after", "published",
            "published_next")


@dataclass
class DateStats:
    """How much a collection points at one day (features of the Datewise date ranker)."""

    sents: int = 0  # sentences mentioning the day
    docs: int = 0  # articles mentioning the day
    docs_before: int = 0  # articles published earlier that mention it (announced, expected)
    docs_after: int = 0  # articles published later that still mention the day
    sents_after: int = 0  # sentences in later articles mentioning the day
    published: int = 0  # articles published that day
    published_next: int = 0  # articles published the day after (reports of the day)

    def score(self) -> float:
        """Hand-set score: mentions, being referred back to later, publication volume.

        Weights were set on Timeline17 (see BENCHMARKS.md); the features are those of
        Gholipour Ghalandari & Ifrim's supervised ranker.
        """
        w = DATE_WEIGHTS
        return (w["sents"] * self.sents + w["docs"] * self.docs + w["docs_after"] * self.docs_after
                + w["published"] * self.published)

    def vector(self) -> list[float]:
        return [float(getattr(self, f)) for f in FEATURES]


def date_stats(articles: Iterable[Article], happenings: Iterable[Happening]) -> dict[date, DateStats]:
    """Per-day counts of mentions and publications over a collection."""
    stats: dict[date, DateStats] = defaultdict(DateStats)
    pub = {a.id: a.published_date for a in articles}
    for d in pub.values():
        if d is not None:
            stats[d].published += 1
            stats[d - timedelta(days=1)].published_next += 1
    seen_docs: set[tuple[str, date]] = set()
    for h in happenings:
        if h.date is None or h.precision != "day":
            continue
        st = stats[h.date]
        st.sents += 1
        p = pub.get(h.article_id)
        later = p is not None and p > h.date
        if later:
            st.sents_after += 1
        key = (h.article_id, h.date)
        if key not in seen_docs:
            seen_docs.add(key)
            st.docs += 1
            if later:
                st.docs_after += 1
            elif p is not None and p < h.date:
                st.docs_before += 1
    # Days only named as "the day before" a publication carry no signal of their own.
    return {d: st for d, st in stats.items() if st.sents or st.published}


def feature_matrix(stats: list[DateStats]) -> np.ndarray:
    """Features divided by their mean over the collection's candidate days.

    Relative to the average day, so one model's weights carry across collections of 20 or 400
    articles; the mean is steadier than the maximum, which a single outlier day sets (on T17
    mean scaling ranked held-out topics' days better than max or log scaling, BENCHMARKS.md).
    """
    X = np.array([st.vector() for st in stats], dtype=float).reshape(len(stats), len(FEATURES))
    if len(stats):
        mean = X.mean(axis=0)
        mean[mean == 0] = 1.0
        X = X / mean
    return X


def rank_dates(
    articles: Iterable[Article], happenings: Iterable[Happening],
    model: dict[str, float] | str | None = None,
    span: tuple[date, date] | None = None,
) -> list[tuple[date, DateStats]]:
    """Days ordered by salience, most salient first.

    model: linear weights over ``FEATURES`` (scaled per collection, see ``feature_matrix``) plus
    an optional "bias", e.g. learned by ``newsfuse.eval.timelines.train_date_model``; None or
    "hand" uses the hand-set ``DateStats.score``.
    span:  rank only days in [start, end] (the features are then scaled over those days, as in
           training).
    """
    stats = date_stats(articles, happenings)
    days = sorted(stats)
    if span is not None:
        days = [d for d in days if span[0] <= d <= span[1]]
    if model is None or model == "hand":
        scores = [stats[d].score() for d in days]
    else:
        X = feature_matrix([stats[d] for d in days])
        w = np.array([model.get(f, 0.0) for f in FEATURES])
        scores = list(X @ w) if len(days) else []
    order = sorted(range(len(days)), key=lambda i: (-scores[i], days[i]))
    return [(days[i], stats[days[i]]) for i in order]


# ---------------------------------------------------------------------------------------------
# Sentence selection
# ---------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d[\d,.]*")


def _vectorise(texts: list[str]):
    """Row-normalised TF-IDF vectors (sparse) over the story's sentences."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", lowercase=True, sublinear_tf=True,
                          token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b|\b\d[\d,.]*\b")
    try:
        return vec.fit_transform(texts)
    except ValueError:  # empty vocabulary (all stop words)
        return None


def build_timeline(
    articles: list[Article],
    happenings: list[Happening],
    max_dates: int | None = None,
    per_date: int = 1,
    *,
    span: tuple[date, date] | None = None,
    clip: int = 5,
    pub_window: int = 2,
    min_words: int = 5,
    max_words: int = 40,
    relevance: float = 1.0,
    intersect: bool = False,
    date_model: dict[str, float] | str | None = None,
    standalone: bool = True,
    spread: int = 0,
    mention_bonus: float = 0.0,
) -> list[TimelineItem]:
    """Dated entries, most salient happenings per day, each citing its sentence(s) verbatim.

    articles:   the story's articles (with sentences; split here if missing).
    happenings: dated sentences from the extract stage (``newsfuse.extract.dates``); when
                empty, dates are resolved here with ``happenings_for``.
    max_dates:  how many days to keep; None keeps days that at least two articles point at
                (every dated day when the story has fewer than three articles), at most 20.
    per_date:   sentences per day (each becomes its own TimelineItem, same date).
    span:       keep only days in [start, end] (the evaluation restricts to the reference span).
    clip, pub_window: the first ``clip`` undated sentences of an article published on day p are
                candidates for days p, p-1, ... (``pub_window`` days): news of day p reports p or
                the day before.
    min_words, max_words: candidate sentence length (long sentences bury the happening).
    relevance:  weight of a sentence's similarity to the whole story (keeps off-topic asides
                out; a soft form of Datewise's topic-keyword filter).
    intersect:  centroid from words shared by the day's mentions and leads only (PM-Mean style).
    date_model: linear weights over ``FEATURES`` for ranking days (see ``rank_dates``); None
                uses ``DATE_MODEL``, "hand" the hand-set ``DATE_WEIGHTS``.
    standalone: also require fusion's ``is_candidate`` (no boilerplate, questions, fragments).
    spread:     days within this distance of a chosen day are taken only after all others.
    mention_bonus: added to the score of sentences that name the day themselves.
    Defaults were chosen on Timeline17 (BENCHMARKS.md: the honest, held-out figures are the
    leave-one-topic-out ones).
    """
    if not articles:
        return []
    for a in articles:
        ensure_sentences(a)
    by_id = {a.id: a for a in articles}
    if not happenings:  # no extract stage output: resolve dates here
        happenings = [h for a in articles for h in happenings_for(a)]
    happenings = [h for h in happenings if h.article_id in by_id and h.date is not None
                  and h.precision == "day"]

    # Index every sentence; one row per sentence in the TF-IDF matrix.
    keys: list[tuple[str, int]] = []
    texts: list[str] = []
    row_of: dict[tuple[str, int], int] = {}
    for a in articles:
        for s in a.sentences:
            row_of[(a.id, s.index)] = len(keys)
            keys.append((a.id, s.index))
            texts.append(s.text)
    sent_obj = {(a.id, s.index): s for a in articles for s in a.sentences}
    if not keys:
        return []

    # Candidates: sentences that mention the day, and lead sentences of articles published then.
    ment: dict[date, list[int]] = defaultdict(list)
    dated_rows: set[int] = set()
    for h in happenings:
        r = row_of.get((h.article_id, h.sentence))
        if r is None or r in dated_rows:  # a sentence belongs to its first day only
            continue
        dated_rows.add(r)
        ment[h.date].append(r)
    pubc: dict[date, list[int]] = defaultdict(list)
    for a in articles:
        p = a.published_date
        if p is None:
            continue
        for s in a.sentences[: clip + 1]:
            r = row_of[(a.id, s.index)]
            if r in dated_rows:
                continue
            for k in range(pub_window):
                pubc[p - timedelta(days=k)].append(r)

    ranked = rank_dates(articles, happenings, DATE_MODEL if date_model is None else date_model,
                        span=span)
    if max_dates is None:
        if len(articles) >= 3:
            ranked = [(d, st) for d, st in ranked if st.docs >= 2] or ranked
        max_dates = 20

    X = _vectorise(texts)
    if X is None:
        return []
    n_words = np.array([len(_WORD_RE.findall(t)) for t in texts])
    allowed = (n_words >= min_words) & (n_words <= max_words)
    if standalone:
        ok = _standalone_filter()
        if ok is not None:
            allowed &= np.array([ok(t) for t in texts], dtype=bool)
    g = _centroid(X, list(range(len(keys))))  # what the whole story is about
    used_rows: set[int] = set()
    items: list[TimelineItem] = []
    chosen_days: list[date] = []
    deferred: list[date] = []
    # Two passes: days next to an already chosen day (reports of d also talk about d-1) wait
    # until the first pass has run out of days, so the timeline spreads over the story.
    for pass_days, may_defer in (([d for d, _ in ranked], spread > 0), (deferred, False)):
        for d in pass_days:
            if len(chosen_days) >= max_dates:
                break
            if may_defer and any(abs((d - c).days) <= spread for c in chosen_days):
                deferred.append(d)
                continue
            cand = list(dict.fromkeys(ment.get(d, []) + pubc.get(d, [])))
            cand = [r for r in cand if allowed[r] and r not in used_rows]
            if not cand:
                continue
            chosen = _central_sentences(X, cand, ment.get(d, []), pubc.get(d, []), per_date,
                                        sorted(used_rows), g if relevance else None, relevance,
                                        intersect, mention_bonus)
            if not chosen:
                continue
            chosen_days.append(d)
            for r in chosen:
                used_rows.add(r)
                aid, idx = keys[r]
                s = sent_obj[(aid, idx)]
                cites = [Citation(aid, idx, s.text)]
                cites += _copies(X, r, cand, keys, sent_obj, aid)
                items.append(TimelineItem(date=d, text=without_page_stamp(s.text), citations=cites,
                                          time=_entry_time(by_id[aid], s, d)))
    items.sort(key=timeline_order)  # stable: within a day, most central first, then by the hour
    return items


def _entry_time(article: Article, s, d: date) -> datetime | None:
    """When the live-blog entry holding sentence ``s`` was posted, if on day ``d``: an entry posted
    on Tuesday that tells of Monday dates Monday's item, whose hour it does not know."""
    if s.entry is None or not 0 <= s.entry < len(article.entries):
        return None
    t = article.entries[s.entry].time
    return t if t is not None and t.date() == d else None


def timeline_order(item: TimelineItem) -> tuple:
    """Sort key of timeline items: by day; within a day those without a time first (a report's
    account of the day), then live-blog entries in the order they were posted (offsets compared
    as instants; a time without an offset is taken as written)."""
    t = item.time
    if t is None:
        return (item.date, 0, datetime.min)
    off = t.utcoffset()
    return (item.date, 1, t.replace(tzinfo=None) - off if off is not None else t.replace(tzinfo=None))


def _standalone_filter():
    """Fusion's test for a sentence that stands alone (no boilerplate, question or fragment)."""
    try:
        from newsfuse.fuse.summary import is_candidate
    except ImportError:
        return None
    return is_candidate


def _centroid(X, rows: list[int]):
    v = np.asarray(X[rows].sum(axis=0)).ravel()
    n = np.linalg.norm(v)
    return v / n if n else v


def _central_sentences(X, cand: list[int], ment_rows: list[int], pub_rows: list[int], k: int,
                       used_rows: list[int], g=None, relevance: float = 0.0,
                       intersect: bool = False, mention_bonus: float = 0.0) -> list[int]:
    """Greedy centroid-optimal choice of ``k`` rows: each pick moves the summary closest to the
    day's centroid (mention and publication candidates weighted equally, as in PM-Mean).

    Works on the small candidate-by-candidate similarity matrix, so a day with hundreds of
    candidates costs milliseconds. Skips near-repeats of sentences already chosen (this day or
    an earlier one).
    """
    parts = [rows for rows in (ment_rows, pub_rows) if rows]
    cents = [_centroid(X, rows) for rows in parts]
    c = sum(cents)
    if intersect and len(cents) == 2:
        # Words both the dated mentions and that day's leads use: what happened that day.
        c = np.where((cents[0] > 0) & (cents[1] > 0), c, 0.0)
        if not np.linalg.norm(c):
            c = sum(cents)
    n = np.linalg.norm(c)
    if not n:
        return []
    c = c / n
    Xc = X[cand]
    sims = np.asarray(Xc @ c).ravel()  # rows are unit vectors
    S = (Xc @ Xc.T).toarray()
    rel = np.asarray(Xc @ g).ravel() if g is not None else None
    ment_set = set(ment_rows)
    is_ment = np.array([r in ment_set for r in cand], dtype=float)
    blocked = np.zeros(len(cand), dtype=bool)
    if used_rows:
        prev = (Xc @ X[used_rows].T).toarray()
        blocked |= (prev > 0.8).any(axis=1)
    blocked |= sims <= 0
    chosen: list[int] = []
    s_dot_c = 0.0
    s_norm2 = 0.0
    s_dot_x = np.zeros(len(cand))
    for _ in range(k):
        ok = ~blocked
        if not ok.any():
            break
        vals = (s_dot_c + sims) / np.sqrt(s_norm2 + 2 * s_dot_x + 1.0)
        if g is not None:
            vals = vals + relevance * rel
        if mention_bonus:
            vals = vals + mention_bonus * is_ment
        vals[~ok] = -np.inf
        j = int(np.argmax(vals))
        chosen.append(j)
        s_dot_c += sims[j]
        s_norm2 += 2 * s_dot_x[j] + 1.0
        s_dot_x += S[j]
        blocked[j] = True
        blocked |= S[j] > 0.6
    return [cand[j] for j in chosen]


def _says_the_same(a: str, b: str) -> bool:
    """Alike words are one happening only with the same figures and no denial in one alone."""
    return numbers_in(a) == numbers_in(b) and negations(a) == negations(b)


def _copies(X, r: int, cand: list[int], keys, sent_obj, aid: str, limit: int = 5) -> list[Citation]:
    """Near-identical sentences in other articles: the same happening told by other sources."""
    if len(cand) < 2:
        return []
    sims = (X[cand] @ X[r].T).toarray().ravel()
    out: list[Citation] = []
    seen = {aid}
    said = sent_obj[keys[r]].text
    for j in np.argsort(-sims):
        if sims[j] < 0.9 or len(out) >= limit:
            break
        a2, i2 = keys[cand[j]]
        if a2 in seen or not _says_the_same(said, sent_obj[(a2, i2)].text):
            continue
        seen.add(a2)
        out.append(Citation(a2, i2, sent_obj[(a2, i2)].text))
    return out
