"""Small text helpers shared by fusion, summary and checks: normalising, tokens, numbers.

Kept dependency-free so that ``checks`` can run on a brief loaded from JSON without the
fusion machinery.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those he she they them his her their we our you your i me my not no
    has have had do does did will would can could should may might than then there here which
    who whom whose what when where why how also after before over under into about up out said
    says say more most some such only other any all each both very just so""".split()
)


# words that turn a statement into its denial ("was not started deliberately"); TF-IDF drops
# them as stop words, so two such sentences look alike. Some languages' too, for translations.
NEGATIONS = frozenset(
    """not no never nor neither none nobody nothing nowhere cannot without nicht kein keine keinen
    nie niemals pas jamais aucun aucune nunca nada nadie ningún ninguna non nessuno
    niet geen nooit не нет никогда""".split()
)


def negations(text: str) -> int:
    """How many denials a sentence holds ("not", "never", "didn't", ...)."""
    return sum(1 for t in tokens(text) if t in NEGATIONS or t.endswith(("n't", "n’t")))


def normalise(text: str) -> str:
    """Fold case, Unicode form, quotes and whitespace so copies compare equal."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits)."""
    return [t.casefold().replace("’", "'") for t in _WORD.findall(text)]


def content_tokens(text: str) -> set[str]:
    """Tokens minus stopwords: the basis of cheap overlap comparisons."""
    return {t for t in tokens(text) if t not in STOPWORDS}


def overlap(a: str, b: str) -> float:
    """Token overlap relative to the shorter text (1.0 when one is contained in the other)."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


# --- numbers -------------------------------------------------------------------------------

# one number lexicon for the whole project: extraction owns it
from newsfuse.extract.language import unit_amounts  # noqa: E402
from newsfuse.extract.numbers import NUMBER_WORDS, _SCALES, _TENS, _UNITS, parse_number_words  # noqa: E402,F401

_NUMBER_WORDS = NUMBER_WORDS

_DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\w)")
_W = "(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b"
_NUMWORD_RUN = re.compile(r"\b" + _W + r"(?:[\s-]+(?:and[\s-]+)?" + _W + r")*", re.IGNORECASE)


def numbers_in(text: str) -> set[float]:
    """Every number a text states, digits and number words alike ("12", "twelve", "5,800").

    Digits followed by a scale word ("1.5 million") yield both the bare and the scaled value,
    so either spelling in a source matches the other. Amounts as other languages write them
    ("2 300 habitants", "1,5 Millionen Menschen", "12人") count as the extractor reads them.
    """
    found: set[float] = set()
    for m in _DIGITS.finditer(text):
        whole = m.group(1).replace(",", "")
        value = float(whole + ("." + m.group(2) if m.group(2) else ""))
        found.add(value)
        rest = text[m.end(): m.end() + 12].lower().split()
        if rest and rest[0].strip(".,;:") in _SCALES:
            found.add(value * _SCALES[rest[0].strip(".,;:")])
    for m in _NUMWORD_RUN.finditer(text):
        words = [w for w in re.split(r"[\s-]+", m.group(0).lower()) if w and w != "and"]
        # "a dozen" alone is a figure; a lone "hundred"/"thousand" (as in "hundreds") is not here
        if words == ["dozen"] or all(w in _SCALES for w in words):
            continue
        value = parse_number_words(" ".join(words))
        if value is not None:
            found.add(value)
    if not text.isascii() or re.search(r"\d[ .]\d{3}\b", text):
        found.update(value for *_, value, _unit in unit_amounts(text))
    return found


_SIMPLE_NUMBERS = {**{k: str(v) for k, v in _UNITS.items()}, **{k: str(v) for k, v in _TENS.items()}}


def index_form(text: str) -> str:
    """Normalised text for similarity: number words as digits, crude plural folding.

    "Twelve officers" and "12 officer" should look alike to TF-IDF; no stemmer dependency.
    """
    out = []
    for t in normalise(text).split():
        t = _SIMPLE_NUMBERS.get(t, t)
        if len(t) > 4 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
            t = t[:-1]
        out.append(t)
    return " ".join(out)


def number_mentions(text: str) -> list[str]:
    """The number expressions of a text as written, for messages."""
    out = [m.group(0) for m in _DIGITS.finditer(text)]
    for m in _NUMWORD_RUN.finditer(text):
        w = m.group(0).strip()
        if w.lower() not in ("dozen",) and not all(x in _SCALES for x in w.lower().split()):
            out.append(w)
    return out


_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PST|PDT))?"
_DMY = r"\d{1,2}\s+[A-Z][a-z]+\s*,?\s*\d{4}"
# a page's update stamp opening a sentence the page lost the line break after
_PAGE_STAMP = re.compile(
    r"^(?:[A-Z][A-Za-z .,'-]{0,40}\|\s*)?(?:"
    rf"(?:Page\s+)?[Ll]ast\s+updated\s+(?:at\s+)?{_CLOCK}\s*,?\s*(?:{_DAY}\s*,?\s*)?{_DMY}"  # BBC
    rf"|{_DMY}\s+[Ll]ast\s+updated\s+(?:at\s+)?{_CLOCK}(?:\s+Help\b)?"  # BBC
    rf"|(?:{_DAY}\s+)?{_DMY}\s+{_CLOCK}"  # Guardian: "Wednesday 16 June 2010 13.15 BST"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+[A-Z][a-z]{2}\s+\d{1,2}\s*,\s*\d{4}\s+" + _CLOCK +  # Reuters
    r")\s+(?=[A-Z0-9\"“‘'])")


# a live page's label before its closing recap or an entry: "Summary: the bill passed ..."
_LIVE_LABEL = re.compile(r"^(?:Summary|Recap|In summary|Latest|Update|UPDATE|Breaking|BREAKING)\s*:\s+(?=\S)")


def without_page_stamp(text: str) -> str:
    """``text`` without a page's update stamp at its start ("Page last updated at 09:41 GMT,
    Thursday, 3 March 2016 ..."), and the agency dateline it kept from the sentence: the stamp
    dates the page, it is not the news; nor a live page's label ("Summary: ..."). What is left is
    still a part of the cited sentence."""
    label = _LIVE_LABEL.match(text)
    if label:
        text = text[label.end():]
    m = _PAGE_STAMP.match(text)
    if not m:
        return text
    from newsfuse.ingest.meta import dateline_end  # the wire's dateline the stamp hid: "LONDON (Reuters) - "

    rest = text[m.end():]
    return rest[dateline_end(rest, plain=False):]
