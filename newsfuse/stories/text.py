"""Text folding and tokenising shared by dedup and clustering.

Kept tiny and regex-based on purpose: dedup and clustering run over every article, so these
functions sit on the hot path and must stay cheap (no NLP models here).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "fold",
    "words",
    "words_each",
    "shingles",
    "shingle_list",
    "sentence_texts",
    "capitalised_phrases",
    "name_key",
    "numbers",
    "word_analyzer",
    "STOPWORDS",
]

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
    }
)
_QUOTE_CHARS = re.compile("[" + re.escape("".join(map(chr, _QUOTES))) + "]")
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own said same says she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    mr mrs ms one two told say also year years new last first week would could may might since
    s t just like get got""".split()
)


def fold(text: str) -> str:
    """Normalise Unicode form, quotes, dashes, case and whitespace so trivial edits compare equal."""
    if text.isascii():  # NFKC is a no-op on ASCII, and "`" is the only ASCII key of _QUOTES
        text = text.replace("`", "'") if "`" in text else text
    else:
        text = unicodedata.normalize("NFKC", text)
        if _QUOTE_CHARS.search(text):  # translate() with a dict looks up every character: slow
            text = text.translate(_QUOTES)
    # str.split() splits on exactly the characters re's \s matches (str.isspace): same result
    # as re.sub(r"\s+", " ", text).strip(), several times faster on long bodies.
    return " ".join(text.casefold().split())


# _WORD on ASCII text ([^\W_] is [A-Za-z0-9] there): plain character sets scan ~1.5x faster
_WORD_ASCII = re.compile(r"[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*")
# the same, plus NUL as a token of its own: the mark between texts tokenised in one pass
_WORD_ASCII_SPLIT = re.compile(r"[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*|\x00")


def words(text: str, folded: bool = False) -> list[str]:
    """Word tokens of the folded text (punctuation dropped, inner apostrophes/dots kept)."""
    if not folded and text.isascii():
        # fold() on ASCII is casefold, "`" -> "'" and whitespace collapsing; tokens never hold
        # whitespace, so the collapsing (a split and a join) can be skipped.
        text = text.casefold()
        return _WORD_ASCII.findall(text.replace("`", "'") if "`" in text else text)
    if folded:
        return (_WORD_ASCII if text.isascii() else _WORD).findall(text)
    return _WORD.findall(fold(text))


def words_each(texts: list[str]) -> list[list[str]]:
    """``[words(t) for t in texts]``; when all are ASCII, with one regex pass over all of them
    (sentences are short, so a call per sentence cost more than the matching itself)."""
    joined = "\x00".join(texts)
    if len(texts) < 2 or not joined.isascii() or joined.count("\x00") != len(texts) - 1:
        return [words(t) for t in texts]
    # what words() does to ASCII text: casefold, "`" -> "'"; NUL never joins a token
    joined = joined.casefold()
    flat = _WORD_ASCII_SPLIT.findall(joined.replace("`", "'") if "`" in joined else joined)
    out, start = [], 0
    for _ in range(len(texts) - 1):
        end = flat.index("\x00", start)
        out.append(flat[start:end])
        start = end + 1
    out.append(flat[start:])
    return out


def shingles(tokens: list[str], k: int = 3) -> set[str]:
    """Word k-shingles; short texts fall back to their whole token run so they still hash."""
    return set(shingle_list(tokens, k))


def shingle_list(tokens: list[str], k: int = 3) -> list[str]:
    """``shingles`` in text order, repeats kept: what a MinHash needs (a min per permutation does
    not see order or repeats), without building the set."""
    if len(tokens) < k:
        return [" ".join(tokens)] if tokens else []
    if k == 3:  # the common case: zip avoids a slice per position
        return list(map(" ".join, zip(tokens, tokens[1:], tokens[2:])))
    return [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# what the fast analyser is checked on before it is used: case, quotes, dashes, ellipses, currency,
# accents, other scripts, digits, hyphens, apostrophes, underscores, a Kelvin sign (lower-cases to k)
_ANALYZER_PROBES = (
    "The Mayor\u2019s \u201cre-think\u201d \u2014 of 3 options\u2026 cost \u00a34.5m; it's the e-mail_list x2 a b.",
    "Caf\u00e9 owners in S\u00e3o Paulo and \u0130zmir met \u041c\u043e\u0441\u043a\u0432\u0430 "
    "officials \u5317\u4eac, 2\u00b2 \u212aelvin -- '' don't",
    "", "   ", "\u2026\u2026", "A\u0301 combining mark and ALL CAPS WORDS-WITH-HYPHENS___",
)


@lru_cache(maxsize=8)
def word_analyzer(vec):
    """``vec.build_analyzer()`` of a scikit-learn vectoriser, faster for plain word analysis
    (lower case, an ASCII token pattern, stop words, unigrams, no accent stripping).

    Why: the pattern's Unicode classes make it ~1.5x slower than ASCII ones, and news text is
    mostly ASCII. Non-ASCII characters that are not word characters (curly quotes, dashes,
    ellipses, currency signs; re's word characters are those ``str.isalnum`` accepts, and "_")
    only separate tokens, as "?" does, so they become "?" and the pattern runs with ASCII classes,
    which match ASCII text exactly as the Unicode ones do. Text with non-ASCII word characters
    (accents, other scripts) takes the pattern as it is. Used only after it gives sklearn's tokens
    on probe texts; otherwise sklearn's analyser is returned."""
    base = vec.build_analyzer()
    try:
        plain = (vec.analyzer == "word" and vec.lowercase and vec.preprocessor is None and vec.tokenizer is None
                 and vec.strip_accents is None and tuple(vec.ngram_range) == (1, 1) and vec.input == "content"
                 and vec.token_pattern.isascii())
        if not plain:
            return base
        pattern = re.compile(vec.token_pattern)
        fast = re.compile(vec.token_pattern.removeprefix("(?u)"), re.ASCII)
        if pattern.groups or fast.groups:
            return base
        stop = vec.get_stop_words() or frozenset()
    except Exception:  # another sklearn layout: keep its analyser
        return base

    def analyze(doc: str) -> list[str]:
        low = doc.lower()
        if not low.isascii():
            if any(c.isalnum() for c in _NON_ASCII.findall(low)):
                return [t for t in pattern.findall(low) if t not in stop]
            low = low.encode("ascii", "replace").decode("ascii")
        return [t for t in fast.findall(low) if t not in stop]

    return analyze if all(analyze(p) == base(p) for p in _ANALYZER_PROBES) else base


def sentence_texts(article) -> list[tuple[int, str]]:
    """(index, text) of an article's sentences: the ingest stage's split, so indices match citations."""
    from newsfuse.ingest.segment import ensure_sentences

    return [(s.index, s.text) for s in ensure_sentences(article).sentences]


# Capitalised phrases: runs of capitalised words (with short joiners like "of", "al-"),
# a cheap stand-in for named entities that needs no model.
# The leading "\b" is written as a look-behind after the first capital ("[A-Z](?<!\w[A-Z])": no
# word character before it), so the pattern starts with a character set and re can skip ahead to
# the next capital instead of trying every position (~2x faster, same matches).
_CAP = re.compile(
    r"[A-Z](?<!\w[A-Z])(?:[\w'\u2019.-]*[\w])?(?:\s+(?:(?:of|the|de|al|bin|van|von|du|la|el)\s+)?"
    r"(?:[A-Z][\w'\u2019.-]*[\w]|[A-Z]))*"
)
_LEADING_FUNCTION = frozenset(
    "the a an in on at but and as if it he she they we this that these those there when while "
    "after before for by from with of to meanwhile however mr mrs ms dr".split()
)
_NOT_ENTITY = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december today yesterday lrb rrb i".split()
)


def capitalised_phrases(text: str) -> list[str]:
    """Capitalised word runs (people, places, organisations), lowercased, joined by '_'.

    Sentence-initial function words ("The", "But") are trimmed, and a single capitalised word
    at a sentence start ("Crude", "Initially") is skipped: it is capitalised by position only.
    """
    out = []
    for m in _CAP.finditer(text):
        phrase, lone = _phrase(m.group(0))
        if phrase is None:
            continue
        if lone:
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\"'\u201c(")
            if not before or before[-1] in ".!?\n:":
                continue
        out.append(phrase)
    return out


@lru_cache(maxsize=1 << 16)
def _phrase(run: str) -> tuple[str | None, bool]:
    """The phrase a capitalised run stands for (None: nothing left, or too short) and whether it
    is one word that needs the sentence-start check. Cached: the same names recur all the time."""
    toks = run.replace("\u2019", "'").split()
    while toks and toks[0].lower() in _LEADING_FUNCTION:
        toks = toks[1:]
    toks = [t.strip(".'-").lower() for t in toks]
    toks = [t for t in toks if t and t not in _NOT_ENTITY]
    if not toks:
        return None, False
    phrase = "_".join(toks)
    return (phrase if len(phrase) >= 2 else None), len(toks) == 1 and len(run.split()) == 1


# "(?<![\w.])\d" written digit first (as above: re skips ahead to the next digit)
_NUM = re.compile(r"\d(?<![\w.]\d)[\d,]*(?:\.\d+)?(?![\w])")


def numbers(text: str) -> list[str]:
    """Numbers as written (commas dropped); years and counts help tell same-place events apart."""
    return [n.replace(",", "") for n in _NUM.findall(text)]


_SOUNDS = str.maketrans({"c": "k", "q": "k", "x": "ks", "z": "s"})
_QUIET = re.compile(r"[^b-df-gk-np-tv0-9]+")  # vowels, the glides and h that spellings move about; digits stay
_DOUBLE = re.compile(r"([a-z])\1+")  # letters only: "Route 66" is not "Route 6"


@lru_cache(maxsize=1 << 16)
def name_key(phrase: str, least: int = 4) -> str:
    """A name's consonant skeleton, so that one name spelt by different writers compares equal:
    marks folded ("Kelviš" -> "kelvis"), c/q/x as k and z as s, vowels, y, j, w and h dropped,
    doubled letters single ("Cadrevia" and "Kadrevija" -> "~kdrv", "Inchbray" and "Inčbrej" ->
    "~nkbr"). Skeletons of fewer than ``least`` consonants collide too easily ("Paris", "Perez"):
    such phrases stay as they are."""
    text = phrase
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    parts = [_QUIET.sub("", _DOUBLE.sub(r"\1", t.lower().replace("ph", "f").translate(_SOUNDS)))
             for t in text.split("_")]
    parts = [t for t in parts if t]
    return "~" + "_".join(parts) if sum(map(len, parts)) >= least else phrase
