"""The smaller parts of a brief: merged quotes, entities, what only one source has, sources,
and a stop-gap timeline used until ``newsfuse.fuse.timeline`` exists."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.fuse.summary import is_candidate
from newsfuse.fuse.text import negations
from newsfuse.extract.numbers import find_numbers
from newsfuse.extract.quotes import SAME_QUOTE, QuoteSignature, quote_signature, signature_similarity
from newsfuse.records import (
    Article,
    BriefQuote,
    Citation,
    Entity,
    Fact,
    Happening,
    Quote,
    Source,
    UniqueItem,
)

UNIQUE_SIMILARITY = 0.35  # a sentence this close to another outlet's is not unique to one source
SHARED_FIGURE_SIMILARITY = 0.1  # ...nor one this close that gives the same distinctive figure


_COMMON = frozenset("that this with have will would been were they their there what from about said "
                   "also into than them then when which where while your very just".split())


def merge_quotes(quotes: list[Quote], corpus: StoryCorpus, limit: int = 8,
                 people: list[Entity] | tuple = ()) -> list[BriefQuote]:
    """One entry per statement, however many sources carry it (and in whichever wording).

    Two quotes are one statement only when their words match *and* their speakers are
    compatible (see ``_compatible``): the same words from two different people stay two
    entries, each with its own speaker and citations. ``people`` (person entities) lets an
    unattributed quote whose sentence names someone else stay apart from a named speaker.
    Only substantial statements are shown (>= MIN_QUOTE_WORDS words, or a shorter direct quote
    that is a whole utterance with a speaker, see ``_whole_statement``): direct quotes with a
    speaker first, then direct quotes without one, then reported (indirect) speech; within
    each, statements carried by more outlets first.
    """
    usable = [q for q in quotes if q.article_id in corpus.articles and q.text.strip()]
    usable.sort(key=lambda q: (not q.direct, corpus.is_duplicate(q.article_id),
                               corpus.when(corpus.pos[(q.article_id, q.sentence)])
                               if (q.article_id, q.sentence) in corpus.pos else (date.max,)))
    names = _People(people)
    groups: list[list[_Said]] = []
    heads: list[QuoteSignature] = []
    # per group: one member per distinct way of naming the speaker (members named alike answer
    # _compatible alike, so a quote carried by hundreds of outlets is not checked against each copy),
    # and whether its quotes deny something (all members agree on that)
    kinds: list[dict[tuple, _Said]] = []
    denies: list[bool] = []
    figures: list[set[frozenset]] = []  # per group: the distinct sets of amounts its quotes give
    by_word: dict[str, list[int]] = defaultdict(list)  # word -> groups whose first quote has it
    for q in usable:
        said = _Said(q, _labels(q), _named_in_sentence(q, names) if not _labels(q) else frozenset())
        kind = (said.labels, said.named, _name_tokens(q.speaker))
        denial = bool(negations(q.text))
        sig = quote_signature(q.text)
        amounts = _amounts(q.text)
        # a match needs shared words (similarity is half word overlap), so only groups sharing
        # a word are compared: this keeps merging near-linear instead of all-pairs
        keys = [w for w in sig.words if len(w) > 3 and w not in _COMMON]
        candidates = sorted({g for w in keys for g in by_word.get(w, ())})
        for g in candidates:
            if (signature_similarity(heads[g], sig) >= SAME_QUOTE and denies[g] == denial
                    and all(_same_figures(amounts, other) for other in figures[g])
                    and all(_compatible(said, other) for other in kinds[g].values())):
                groups[g].append(said)
                kinds[g].setdefault(kind, said)
                figures[g].add(amounts)
                break
        else:
            groups.append([said])
            heads.append(sig)
            kinds.append({kind: said})
            denies.append(denial)
            figures.append({amounts})
            for w in keys:
                by_word[w].append(len(groups) - 1)
    merged = []
    for members in groups:
        g = [m.quote for m in members]
        direct = any(q.direct for q in g)
        # a direct quote shows only quoted words, never a reported clause in quotation marks
        texts = Counter(q.text.strip().rstrip(",;:").strip() for q in g if q.direct == direct)
        text = max(texts, key=lambda t: (texts[t], t[-1:] in ".!?…", len(t)))
        speakers = Counter(q.speaker or q.role or q.organization for q in g
                           if q.speaker or q.role or q.organization)
        speaker = max(speakers, key=lambda s: (speakers[s], len(s))) if speakers else None
        cites: list[Citation] = []
        seen: set[tuple[str, int]] = set()
        for q in _carrying(g, text):
            if (q.article_id, q.sentence) in seen:
                continue  # cited with its copies already: asking again costs O(copies) per copy
            i = corpus.pos.get((q.article_id, q.sentence))
            found = corpus.citations(i) if i is not None else [
                Citation(q.article_id, q.sentence, q.sentence_text or q.text)]
            for c in found:
                if (c.article_id, c.sentence) not in seen:
                    seen.add((c.article_id, c.sentence))
                    cites.append(c)
        outlets = {corpus.outlet_of[corpus.pos[(c.article_id, c.sentence)]]
                   for c in cites if (c.article_id, c.sentence) in corpus.pos}
        if _words(text) < MIN_QUOTE_WORDS and not (direct and speaker and any(map(_whole_statement, g))):
            continue  # "dozens", "terrorist groups": fragments, not statements
        tier = 0 if direct and speaker else 1 if direct else 2
        merged.append((tier, -(len(outlets)), len(merged), BriefQuote(speaker, text, cites, direct)))
    merged.sort(key=lambda t: t[:3])
    return [m[3] for m in merged[:limit]]


PART_OF_QUOTE = 0.7  # a version with fewer words than this share of the shown text's carried only part of it


def _carrying(g: list[Quote], text: str) -> list[Quote]:
    """The versions of one statement that carry the shown text: a much shorter one (an outlet that
    quoted only the first clause) is the same statement, but citing it for the whole would credit
    that outlet with words it never ran. Other wordings of about the same length (translations,
    reported speech) carry it."""
    need = PART_OF_QUOTE * _words(text)
    return [q for q in g if _words(q.text) >= need]


def _amounts(text: str) -> frozenset:
    """The figures a statement gives: "said 11 were hurt" and "said 12 were hurt" are two
    statements, however alike their words, or one source would be cited for another's figure."""
    return frozenset(m.number for m in find_numbers(text) if m.number is not None)


def _same_figures(a: frozenset, b: frozenset) -> bool:
    """One statement may be quoted in part (fewer figures), never with a different figure."""
    return a <= b or b <= a


# --- who said it: speakers must be compatible for two quotes to be one statement ---------------

_NOT_NAME = frozenset("the a an of mr mrs ms miss dr prof sir s".split())


@dataclass(frozen=True)
class _Said:
    """A quote with who it is attributed to: speaker name (or role/organisation) and, for an
    unattributed quote, the people its sentence names outside the quotation marks."""

    quote: Quote
    labels: tuple[frozenset, ...]  # name first when there is one, then role, organisation
    named: frozenset  # person names (token sets) in an unattributed quote's sentence


def _name_tokens(label: str | None) -> frozenset:
    """A name or role as comparable tokens: case, accents, titles and possessives folded."""
    if not label:
        return frozenset()
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()
    return frozenset(t for t in re.findall(r"[a-z0-9]+", folded) if t not in _NOT_NAME)


def _same_label(a: frozenset, b: frozenset) -> bool:
    """Same person or body after name resolution: one name contained in the other
    ("Kovac" and "Marta Kovac", "police" and "police spokeswoman"), never two full names."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _labels(q: Quote) -> tuple[frozenset, ...]:
    out = [_name_tokens(x) for x in (q.speaker, q.role, q.organization)]
    return tuple(x for x in out if x)


def _compatible(a: _Said, b: _Said) -> bool:
    """Speakers that may be the same: the same name, or one side unattributed (a pronoun, no
    speaker found) unless its sentence names a different person than the other side's speaker."""
    if not a.labels or not b.labels:
        known, blank = (a, b) if a.labels else (b, a)
        if not blank.named:
            return True
        if not known.labels:
            return not known.named or bool(blank.named & known.named)
        return any(_same_label(n, lab) for n in blank.named for lab in known.labels)
    name_a, name_b = _name_tokens(a.quote.speaker), _name_tokens(b.quote.speaker)
    if name_a and name_b:
        return _same_label(name_a, name_b)
    return any(_same_label(x, y) for x in a.labels for y in b.labels)


class _People:
    """Every person's name and its variants, found in a sentence with one pattern (a big story
    has thousands of names and quotes, so not one search per name)."""

    def __init__(self, people) -> None:
        self.tokens_of: dict[str, frozenset] = {}
        for e in people:
            if getattr(e, "type", None) != "person" or not _name_tokens(e.name):
                continue
            for form in {e.name, *e.variants}:
                if form and len(form) > 2:
                    self.tokens_of.setdefault(form, _name_tokens(e.name))
        forms = sorted(self.tokens_of, key=len, reverse=True)
        self.pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
                        if forms else None)

    def named_in(self, text: str) -> frozenset:
        if self.pattern is None:
            return frozenset()
        return frozenset(self.tokens_of[m.group(0)] for m in self.pattern.finditer(text))


_QUOTED = re.compile(r"[\"“”„«»][^\"“”„«»]*[\"“”„«»]")


def _named_in_sentence(q: Quote, people: _People) -> frozenset:
    """People an unattributed quote's sentence names outside the quoted words."""
    return people.named_in(_QUOTED.sub(" ", q.sentence_text or ""))


MIN_QUOTE_WORDS = 6  # shorter quoted spans are partial quotes: kept in extraction, not shown


MIN_STATEMENT_WORDS = 3  # a short quote must still say something ("Dozens," said a rescuer does not)
_OPENING = re.compile(r"[\"“„«‘']\s*$")
_CLOSING = re.compile(r"^\s*[\"”»’']")


def _whole_statement(q: Quote) -> bool:
    """A short direct quote that is a whole utterance of its own -- it opens the sentence or follows
    "said:" / "said,", starts with a capital and closes with punctuation ("We are devastated," the
    mayor said) -- rather than a few words woven into the reporter's sentence (called it "a disgrace")."""
    inner = q.text.strip()
    if not q.direct or _words(inner) < MIN_STATEMENT_WORDS or not inner[:1].isupper():
        return False
    text = q.sentence_text or ""
    at = text.find(inner)
    if at < 0:
        return False
    after = _CLOSING.sub("", text[at + len(inner):]).lstrip()
    if inner[-1:] not in ",.!?…" and after[:1] not in ("", ",", ".", "!", "?", "…"):
        return False  # "Nobody saw it coming". (British style) closes too; "a disgrace" on Monday does not
    before = _OPENING.sub("", text[:at]).rstrip()
    return before == "" or before[-1] in ":,"


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def top_entities(entities: list[Entity], article_ids: set[str], limit: int = 12) -> list[Entity]:
    """The most mentioned people, organisations and places of this story."""
    ok = [e for e in entities if not e.article_ids or set(e.article_ids) & article_ids]
    ok.sort(key=lambda e: (-e.mentions, e.name))
    return ok[:limit]


def unique_items(corpus: StoryCorpus, facts: list[Fact], happenings: list[Happening],
                 scores: np.ndarray, exclude: set[tuple[str, int]], per_article: int = 2,
                 limit: int = 10) -> list[UniqueItem]:
    """Claims and dated happenings that only one outlet reports (no copy, no close paraphrase)."""
    single_claims = {(r.article_id, r.citation.sentence) for f in facts if f.status == "single"
                     for r in f.reports}
    wanted: dict[tuple[str, int], float] = {}
    for key in single_claims:
        wanted[key] = 0.2
    for h in happenings:
        if h.date is not None:
            wanted.setdefault((h.article_id, h.sentence), 0.0)
    picks: list[tuple[float, int]] = []
    figures = [_figures(s.text) for _, s in corpus.sents]
    outlet_arr = np.array(corpus.outlet_of) if corpus.sents else np.array([])
    for key, bonus in wanted.items():
        i = corpus.pos.get(key)
        if i is None or key in exclude or corpus.is_duplicate(key[0]):
            continue
        if not is_candidate(corpus.sents[i][1].text):
            continue
        if len(corpus.outlets_of_group(i)) > 1:
            continue
        others = outlet_arr != corpus.outlet_of[i]
        if others.any() and float(corpus.sim[i, others].max()) >= UNIQUE_SIMILARITY:
            continue
        if not others.any():
            continue  # with a single outlet everything is "unique"; say nothing
        if _figure_elsewhere(corpus, i, others, figures):
            continue
        picks.append((float(scores[i]) + bonus, i))
    picks.sort(key=lambda t: (-t[0], t[1]))
    per: Counter = Counter()
    out: list[UniqueItem] = []
    seen_groups: set[int] = set()
    for _, i in picks:
        a, s = corpus.sents[i]
        if per[a.id] >= per_article or corpus.group[i] in seen_groups:
            continue
        per[a.id] += 1
        seen_groups.add(corpus.group[i])
        out.append(UniqueItem(a.id, s.text, Citation(a.id, s.index, s.text)))
        if len(out) >= limit:
            break
    return out


_FIGURE = re.compile(
    r"[$£€]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn)\b)?"  # "$4 billion", "£ 20m"
    r"|\b\d[\d,.]*\s*(?:%|percent\b|per cent\b)"  # "6 percent"
    r"|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b",  # "27,000", "353"
    re.I)


def _figures(text: str) -> frozenset:
    """The distinctive figures of a sentence (money, percentages, numbers of three digits and
    more), spelled alike; a year is left out, as many unrelated sentences share one."""
    out = set()
    for m in _FIGURE.finditer(text):
        f = re.sub(r"[\s,]", "", m.group()).lower().replace("percent", "%")  # "per cent" lost its space
        if not re.fullmatch(r"(?:19|20)\d\d", f):
            out.add(f)
    return frozenset(out)


def _figure_elsewhere(corpus: StoryCorpus, i: int, others: np.ndarray, figures: list[frozenset]) -> bool:
    """Another outlet gives the same distinctive figure in a sentence about the same thing
    ("agreed to put $4 billion into a claims fund" / "the $4 billion fund"): the
    item is not one outlet's alone, however differently the two are worded."""
    if not figures[i]:
        return False
    same = [j for j in np.flatnonzero(others) if figures[j] & figures[i]]
    return bool(same) and float(corpus.sim.row(i)[same].max()) >= SHARED_FIGURE_SIMILARITY


def sources(articles: list[Article], duplicate_of: dict[str, str],
            not_analysed: dict[str, str] | None = None, kind: dict[str, str] | None = None) -> list[Source]:
    """The source list, oldest first; duplicates say what they copy and how (``kind``: exact, near,
    contained); articles in a language the extractors do not read carry its code, so readers know
    their quotes and facts are missing."""
    not_analysed, kind = not_analysed or {}, kind or {}
    def key(a: Article):
        p = a.published
        return (p is None, p.isoformat() if p else "", a.outlet or "", a.id)

    out = []
    for a in sorted(articles, key=key):
        original = duplicate_of.get(a.id) or a.duplicate_of
        out.append(Source(a.id, a.outlet or a.domain, a.title, a.published, a.url, a.path, original,
                          not_analysed.get(a.id), (kind.get(a.id) or a.duplicate_kind) if original else None))
    return out
