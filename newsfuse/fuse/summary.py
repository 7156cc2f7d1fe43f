"""Extractive summary and headline: pick central, non-redundant source sentences, cite all copies.

Salience = support from the other sources (TF-IDF cosine, see ``StoryCorpus.support``) plus
LexRank centrality over the story's sentences (``StoryCorpus.centrality``), a lead-position prior
and bonuses for stating a key claim or naming a top entity. Selection is
MMR (maximal marginal relevance) over copy groups, so a wire sentence run by five outlets is one
candidate that cites all five. Output order is chronological, then by position.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.fuse.text import without_page_stamp
from newsfuse.records import Article, Story, SummaryItem

MIN_WORDS = 6
MAX_WORDS = 55
LAMBDA = 0.6  # MMR: weight of salience against redundancy
PARAPHRASE = 0.5  # cosine above which a candidate repeats an already chosen sentence
CENTRALITY = 0.3  # weight of LexRank centrality (0..1) next to cross-source support (0..1)

_BOILERPLATE = re.compile(
    r"(click|tap) here|sign up|subscribe|newsletter|cookie|read more|expand\s*/\s*collapse|"
    r"back to top|all rights reserved|copyright|©|follow us|share this|advertisement|"
    r"\bcomments?\b.*\b(below|policy|guidelines)|log ?in to|register to|download (our|the) app|"
    r"getty images|\bphoto(graph)?:|\bimage:|\bfile photo\b|this story (has been|was) updated|"
    r"we'?ll bring you|welcome to (our|the)|live coverage|refresh (the|this) page|"
    r"our (live )?(blog|coverage)|javascript|browser",
    re.IGNORECASE,
)
_END = re.compile(r"[.!…][\"'”’)\]]*\s*$")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
_DANGLING = re.compile(
    r"^(he|she|they|it|this|these|those|his|her|their|its|but|and|also|however|meanwhile|"
    r"still|yet|so|that)\b",
    re.IGNORECASE,
)

# speech in the first or second person ("We know we'll get there.", "You will never leave!") with no
# one named as saying it: a transcript line, a reader's comment or a line of a speech
_FIRST_SECOND = re.compile(r"(?<!War )\bI\b|\b(?:me|my|we|We|us|our|Our|you|You|your|Your)\b")
_ATTRIBUTION = re.compile(
    r"(?<!I )(?<!we )(?<!We )(?<!you )(?<!to )"  # "I say", "we told", "want to say": still the speaker's own words
    r"\b(?:said|says|told|tells|according to|wrote|writes|added|adds|insisted|warned|stated|"
    r"declared|announced|reported|reports|explained|urged|recalled|claimed|quoted)\b")
_SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Z.'’ -]+)?(?:\s*\([^)]*\))?\s*:\s")  # "DOVRIN: ..."
# lines of the page around the report: a reader's comment stamp ("May 3, 2014 at 6:20 pm |",
# "kestrel77 wrote:") or a photo caption's position mark ("Ola Brenn, left, listens", "(R)")
_FURNITURE = re.compile(
    r"^.{0,40}\bat\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\||^.{0,60}\bwrote\s*:|\b\d{1,2}:\d{2}\b[^|]{0,40}\bwrote\s*:|"
    r",\s*(?:left|right|cent(?:re|er)|second (?:left|right)|(?:second |third )?from (?:left|right))\s*,|"
    r"\((?:L|R|C|left|right|centre|center)\)"
)
_QUOTED_ANY = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’|``.*?''")


def _unattributed_speech(text: str) -> bool:
    """Someone's words standing as the outlet's: a speaker label, a reader's comment, a photo
    caption, or "I"/"we"/"you" outside quotation marks in a sentence that names no one saying it."""
    if _SPEAKER_LABEL.match(text) or _FURNITURE.search(text):
        return True
    bare = _QUOTED_ANY.sub(" ", text)
    return bool(_FIRST_SECOND.search(bare)) and not _ATTRIBUTION.search(bare)


@lru_cache(maxsize=65536)
def is_candidate(text: str) -> bool:
    """Whether a sentence can stand alone in a summary (not boilerplate, question, fragment)."""
    t = text.strip()
    words = t.split()
    if not (MIN_WORDS <= len(words) <= MAX_WORDS):
        return False
    if t.endswith("?") or "?" in t[-3:]:
        return False
    if not _END.search(t):  # headings, captions, cut-off lines
        return False
    if _BOILERPLATE.search(t):
        return False
    if t[0].islower() or not (t[0].isalnum() or t[0] in "\"“‘'("):
        return False  # continuation, list item, table row, heading
    if t.count('"') % 2 or t.count("“") != t.count("”"):
        return False  # part of a quotation that runs over several sentences
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(t))
    if quoted > 0.7 * len(t):  # a bare quote with no one saying it
        return False
    return not _unattributed_speech(t)


def salience(corpus: StoryCorpus, key_sentences: set[tuple[str, int]] | None = None,
             entity_names: list[str] | None = None) -> np.ndarray:
    """Score every sentence: cross-source support + centrality + lead prior + key claims + top
    entities. Support alone favours what two outlets share; centrality adds what the story as a
    whole keeps returning to (on T17 day stories it brought ROUGE-1/L level with sumy's LexRank
    and ROUGE-2 above it, see BENCHMARKS.md)."""
    n = len(corpus.sents)
    if n == 0:
        return np.zeros(0)
    score = corpus.support() + CENTRALITY * corpus.centrality()
    key_sentences = key_sentences or set()
    names = [e.lower() for e in (entity_names or []) if len(e) > 2]
    for i, (a, s) in enumerate(corpus.sents):
        score[i] += 0.15 / np.sqrt(1 + s.index)
        if (a.id, s.index) in key_sentences:
            score[i] += 0.1
        if names:
            low = s.text.lower()
            score[i] += 0.03 * min(3, sum(1 for nm in names if nm in low))
        if _DANGLING.match(s.text.strip()):
            score[i] *= 0.6
    return score


def _representative(corpus: StoryCorpus, group: list[int]) -> int | None:
    """The copy to quote: from an original (not a duplicate) article, standing alone, earliest."""
    ok = [j for j in group if is_candidate(corpus.sents[j][1].text)]
    if not ok:
        return None
    originals = [j for j in ok if not corpus.is_duplicate(corpus.sents[j][0].id)]
    return min(originals or ok, key=corpus.when)


def summarize(corpus: StoryCorpus, scores: np.ndarray, max_sentences: int = 6,
              words: int | None = None, claims_of: dict[int, frozenset] | None = None) -> list[SummaryItem]:
    """Pick sentences by MMR until the sentence cap or word budget is reached. ``claims_of`` (sentence
    -> its key figures as (quantity, value)) marks a sentence whose every figure is already chosen
    as a repeat in other words ("dozens of protesters died" after "killed dozens of protesters")."""
    claims_of = claims_of or {}
    said: set = set()
    candidates: list[int] = []
    for g, members in corpus.members.items():
        if all(corpus.is_duplicate(corpus.sents[j][0].id) for j in members):
            continue
        rep = _representative(corpus, members)
        if rep is not None:
            candidates.append(rep)
    if not candidates:
        return []
    group_score = {i: max(scores[j] for j in corpus.copies(i)) for i in candidates}
    cap = max_sentences if words is None else max(max_sentences * 3, 1)
    chosen: list[int] = []
    used_words = 0
    pool = sorted(candidates, key=lambda i: (-group_score[i], corpus.when(i)))
    while pool and len(chosen) < cap:
        best, best_val = None, -np.inf
        for i in pool:
            # a denial of a chosen sentence ("was not started deliberately") is news, not a repeat
            redundancy = max((corpus.sim[i, j] for j in chosen if corpus.denials(i) == corpus.denials(j)),
                             default=0.0)
            if redundancy >= PARAPHRASE or (claims_of.get(i) and claims_of[i] <= said):
                continue
            val = LAMBDA * group_score[i] - (1 - LAMBDA) * redundancy
            if val > best_val:
                best, best_val = i, val
        if best is None:
            break
        pool.remove(best)
        n_words = len(corpus.sents[best][1].text.split())
        if words is not None and chosen and used_words + n_words > words:
            continue  # too long for what is left of the budget; a shorter one may fit
        chosen.append(best)
        said |= claims_of.get(best, frozenset())
        used_words += n_words
    chosen.sort(key=lambda i: min(corpus.when(j) for j in corpus.copies(i)))
    return [SummaryItem(without_page_stamp(corpus.sents[i][1].text), corpus.citations(i)) for i in chosen]


def choose_headline(articles: list[Article], story: Story, summary: list[SummaryItem]) -> str:
    """The most central article title; else the story title; else the first summary sentence, trimmed.
    A live page's title ("Live: ... - latest updates") is a headline only when no report has one:
    it names a page, not the news (the storylines list passes it over too)."""
    from newsfuse.ingest.liveblog import is_live_title

    titles, live = [], []
    for a in articles:
        t = (a.title or "").strip()
        if t and t not in titles and t not in live:
            (live if a.is_liveblog or is_live_title(t) else titles).append(t)
    titles = titles or live
    if len(titles) == 1:
        return titles[0]
    if titles:
        from sklearn.feature_extraction.text import TfidfVectorizer

        try:
            m = TfidfVectorizer(stop_words="english").fit_transform(titles)
            sim = (m @ m.T).toarray()
            central = sim.sum(axis=1)
            return titles[int(np.argmax(central))]
        except ValueError:
            return titles[0]
    if story.title and story.title.strip():
        return story.title.strip()
    if summary:
        return trim(summary[0].text)
    return story.id


def trim(text: str, limit: int = 110) -> str:
    """Cut a sentence to a headline length at a clause or word boundary (no words added)."""
    text = text.strip()
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text[:limit]
    for sep in (", ", "; ", " – ", " — "):
        k = cut.rfind(sep)
        if k > limit // 2:
            return cut[:k]
    return cut.rsplit(" ", 1)[0] + "…"
