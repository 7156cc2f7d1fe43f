"""Find numbers in news prose: digits, words, ranges, vague amounts and their qualifiers.

Claims are built on top of these mentions, so this module only answers "which spans are
amounts, and what do they say" and drops spans that are clearly not counts (years, clock
times, ages, phone numbers, money, percentages, measurements).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NumberMention", "find_numbers", "parse_number_words", "QUALIFIERS", "NUMBER_WORDS"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# every number word, for the rules that ask "is this token a count?" ("seven of the 12 boys")
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"dozen"}

# canonical qualifier for each written form (longest first when compiled)
QUALIFIERS = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "just over": "more than", "well over": "more than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "perhaps": "about", "an estimated": "about", "estimated": "about", "approx.": "about",
    "up to": "up to", "as many as": "up to", "at most": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}

_WORD = r"(?:" + "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True)) + r")"
# "two dozen" is 24, like "two hundred" is 200
_WORDNUM = (rf"{_WORD}(?:[- ]{_WORD})?(?:\s+(?:dozen|hundred|thousand|million|billion)"
            rf"(?:\s+(?:and\s+)?{_WORD}(?:[- ]{_WORD})?)?)*")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGNUM = rf"(?:{_DIGITS})(?:\s*(?:million|billion|thousand|m\b|bn\b))?"
_ONE = rf"(?:{_DIGNUM}|half\s+an?\s+dozen|an?\s+dozen|half\s+a\s+(?:million|billion)|{_WORDNUM}|an?(?=\s+hours?\b))"
# "several hundred thousand seabirds" is one vague amount, not "several hundred" of "thousand seabirds"
_VAGUE = (r"(?:(?:several|a\s+few)\s+hundred\s+(?:thousand|million)|tens\s+of\s+thousands|hundreds\s+of\s+thousands|several\s+(?:dozen|hundred|thousand)s?"
          r"|a\s+few\s+(?:dozen|hundred|thousand)|dozens|hundreds|thousands|scores|millions"
          # "several houses collapsed"; not a span of time or a manner ("several hours", "several times")
          r"|several(?!\s+(?:times|years|months|weeks|days|hours|minutes|seconds|occasions|ways|reasons|kilomet|metres|"
          r"meters|miles|rounds|attempts|questions|issues|points|of\s+(?:the|them|those|these)\b)))")
_QUAL = r"(?:" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")"

NUMBER_RE = re.compile(
    rf"(?<![\w.,£$€¥/:-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<between>between|from)\s+)?"
    rf"(?:(?P<vague>{_VAGUE})|(?P<a>{_ONE})(?:\s*(?:-|–|—|to|and|or)\s*(?P<b>{_ONE}))?)"
    rf"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)

# a verb whose "up" is a direction, so "up to" is no qualifier: "the toll was revised up to 63"
_UP_IS_ADVERB = re.compile(r"\b(?:revised|adjusted|corrected|gone|went|goes|moved|brought|bringing|pushed|pushing|"
                           r"pushes|shot|shoots|taken|took|taking|takes|"
                           # a total that creeps: "the toll ticked up to 44", "edged up to 12"
                           r"ticked|ticks|ticking|edged|edges|edging|crept|creeps|creeping|inched|inches|inching)\s+$", re.I)

# "11 hours", "a 48-hour strike", "36 more hours"
_HOUR_UNIT = re.compile(r"\s*(?:-\s*|(?:more|further|extra|additional|long)\s+)?hours?\b", re.I)
_RATE_OR_PART = re.compile(r"\b(?:half|quarter|kilomet(?:re|er)s?|km|miles?|metres?|meters?|knots?|litres?|liters?|"
                           r"times|cm|millimet(?:re|er)s?|mm|inches|feet)\s+$", re.I)
# things that look like numbers but are not counts
_SKIP_AFTER = re.compile(
    r"^(?:\s*(?:-|\s)?(?:year|month|week|day)s?[- ]old\b|\s*(?:%|per\s?cent|percent|pc\b)"
    # whole unit words only: "seven football fans" is not a measurement in feet
    r"|\s*(?:(?:km|kilomet\w*|met(?:re|er)s?|miles?|ft|feet|foot|inch(?:es)?|kg|kilo\w*|tons?|tonnes?|hectares?|acres?|"
    r"degrees?|mph|sq|square|bpm|magnitude|gmt|utc|bst|cet|cubic|litres?|liters?|gallons?|barrels?|megawatts?|"
    # money named after the amount: "20 million soms", "300,000 pesos"
    r"dollars?|euros?|pounds|roubles?|rubles?|tenge|soms?|hryvnias?|rupees?|yuan|yen|pesos?|naira|shillings?|"
    r"dinars?|dirhams?|riyals?|rand|baht|lira|liras|francs?|kronor|kroner|krona|zlotys?|forints?|manats?|lari|"
    r"somoni|taka|rupiah|ringgits?|cedis?|kwacha|birr)\b|°|km/h|p\.?m\.?(?![a-z])|a\.?m\.?(?![a-z])|o'clock)"
    # "a 13-hour shift" is no claim; "a 48-hour strike" is a duration of the story's event
    r"|-(?:metre|meter|km|mile|foot|storey|story|year|month|day|minute|magnitude|hour(?!s?\s+(?:strike|walkout|stoppage|siege|"
    r"stand-?off|blockade|search|operation|curfew|blackout|power\s+cut|ceasefire|truce|rescue|lockdown|shutdown|"
    r"closure|sit-in|battle|ordeal|hunger\s+strike)))"
    r"|\s*(?:st|nd|rd|th)\b|:\d\d|/\d|\s*\((?:AP|AFP|EFE|Reuters)\))",
    re.IGNORECASE,
)
_SKIP_BEFORE = re.compile(
    r"(?:[$€£¥]\s?|\b(?:aged|age|ages|ages?\s+of|magnitude|number|no\.|page|room|route|flight|platform|"
    r"channel|article|section|chapter|term|under-|minus|plus|version|level|category|grade|"
    r"tel\.?|phone|call|USD|EUR|GBP|US\$|rs\.?|rubles?|tenge|euros?)\s*|\d[:/.-])$",
    re.IGNORECASE,
)
# the rest of a list of ages: "aged 44, 52 and 60"
_AGE_LIST = re.compile(r"\b(?:aged|ages)\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|and|or)\s*$", re.IGNORECASE)
_NAME_AGE = re.compile(r"[A-Z][\w'’-]+,\s*$")  # "Kerry Dawes, 34," -> an age
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """One amount as written, with its parsed value and qualifier."""

    start: int
    end: int
    text: str  # as written, qualifier included: "at least 8"
    number: float | None  # point value or lower bound; None when vague
    low: float | None = None
    high: float | None = None
    vague: bool = False
    qualifier: str | None = None  # canonical: "at least", "about", ...
    unit_hour: bool = False  # the number counts hours ("nearly 11 hours")
    num_start: int = 0  # where the number itself starts (after the qualifier)


def parse_number_words(s: str) -> float | None:
    """Value of '2,000', '1.2 million', 'twenty-five', 'two hundred', 'a dozen', 'an' (hour)."""
    s = s.strip().lower().replace("–", "-")
    if not s:
        return None
    if re.fullmatch(r"an?", s):
        return 1.0
    if re.fullmatch(r"an?\s+dozen", s):
        return 12.0
    if re.fullmatch(r"half\s+an?\s+dozen", s):
        return 6.0  # "half a dozen stations were torched", not a dozen
    if re.fullmatch(r"half\s+a\s+(?:million|billion)", s):
        return 0.5 * _SCALES[s.split()[-1]]  # "nearly half a million people"
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(million|billion|thousand|m|bn)?", s)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        mult = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}.get(m.group(2) or "", 1)
        return v * mult
    total, current = 0.0, 0.0
    for tok in re.split(r"[\s-]+", s):
        if tok == "and":
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0.0
        else:
            return None
    return total + current


def _looks_like_year(raw: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", raw.strip()))


# "four and a half hours" (not "two and a half million": the multiplier after it is left to the usual reading)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b(?!\s+(?:million|billion|thousand|hundred|dozen)\b)", re.I)


def find_numbers(text: str) -> list[NumberMention]:
    """All count-like amounts in ``text``, left to right."""
    return list(_numbers(text))


@lru_cache(maxsize=1024)
def _numbers(text: str) -> tuple[NumberMention, ...]:
    """Memoised (immutable mentions): the rules and the learned reader read the same sentence."""
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8]
    out: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text):
        s, e = m.span()
        if any(ps <= s < pe for ps, pe in phones):
            continue
        core_start = m.start("between") if m.group("between") else (m.start("vague") if m.group("vague") else m.start("a"))
        before = text[max(0, core_start - 25):core_start]
        after = text[e:e + 20]
        if _SKIP_BEFORE.search(before) or _DATE_BEFORE.search(before) or _AGE_LIST.search(text[max(0, core_start - 40):core_start]):
            continue
        if _SKIP_AFTER.match(after) or _DATE_AFTER.match(after):
            continue
        qual_raw = m.group("qual")
        qual = QUALIFIERS.get(qual_raw.lower()) if qual_raw else None
        if qual_raw and qual_raw.lower() == "up to" and _UP_IS_ADVERB.search(text, 0, s):
            qual_raw, qual, s = None, None, core_start  # "revised up to 63" is 63, not at most 63
        if m.group("vague"):
            out.append(NumberMention(s, e, m.group(), None, vague=True, qualifier=qual, num_start=core_start))
            continue
        a_raw, b_raw = m.group("a"), m.group("b")
        if m.group("between") and not b_raw and not qual_raw:
            # "people from 11 villages": a lone "from" opens a phrase, not a range
            s = core_start = m.start("a")
        if a_raw.strip().lower() in ("a", "an") and (not re.match(r"\s*hours?\b", after, re.I)
                                                     or _RATE_OR_PART.search(text, 0, s)):
            continue  # "190 kilometres an hour" is a speed, "half an hour" not one hour
        if _looks_like_year(a_raw) and (not b_raw or _looks_like_year(b_raw)):
            continue
        # "Tom Reyes, 27," and a list of survivors "Tom Reyes, 27 - rescued after two days"
        if _NAME_AGE.search(text[max(0, s - 30):s]) and re.match(r"\s*[,.)]|\s+[-–—]\s", after) and not qual_raw:
            a_val = parse_number_words(a_raw)
            if a_val is not None and a_val < 120:
                continue  # "Tom Reyes, 27," is an age
        a = parse_number_words(a_raw)
        if a is None:
            continue
        half = _AND_A_HALF.match(text, m.end("a")) if float(a).is_integer() and not m.group("between") else None
        if half:
            # "after four and a half hours": one amount, not four and a second number "a"
            a, e = a + 0.5, half.end()
            out.append(NumberMention(s, e, text[s:e], a, low=a if qual in ("at least", "more than") else None,
                                     high=a if qual in ("up to", "fewer than", "nearly") else None, qualifier=qual,
                                     num_start=core_start, unit_hour=bool(_HOUR_UNIT.match(text, e))))
            continue
        if b_raw:
            b = parse_number_words(b_raw)
            sep = text[m.end("a"):m.start("b")].strip().lower()
            if b is None:
                continue
            if (sep == "and" and not m.group("between")) or (sep == "or" and b <= a):
                # "12 police and 20 civilians" is two numbers, not a range
                e = m.end("a")
                out.append(NumberMention(s, e, text[s:e], a, low=a if qual in ("at least", "more than") else None,
                                         qualifier=qual, num_start=core_start,
                                         unit_hour=bool(_HOUR_UNIT.match(text, e))))
                continue
            # ("two or three people": an uncertain amount, a range like "two to three")
            if b < a and b < 100 and a >= 100:  # "5,800 to 6,000" fine; "1998-99" style keeps b<a
                b = None
            if b is not None and b > a:
                out.append(NumberMention(s, e, m.group(), a, low=a, high=b, qualifier=qual, num_start=core_start,
                                         unit_hour=bool(_HOUR_UNIT.match(text, e))))
                continue
            if b is not None and re.fullmatch(r"\s+[–—-]\s+", text[m.end("a"):m.start("b")]):
                # "the toll at 23 – 21 prisoners and two guards": a spaced dash opens an aside, not a range
                ea = m.end("a")
                out.append(NumberMention(s, ea, text[s:ea], a, low=a if qual in ("at least", "more than") else None,
                                         qualifier=qual, num_start=core_start))
                sb = m.start("b")
                out.append(NumberMention(sb, e, text[sb:e], b, num_start=sb, unit_hour=bool(_HOUR_UNIT.match(text, e))))
            continue
        low = a if qual in ("at least", "more than") else None
        high = a if qual in ("up to", "fewer than", "nearly") else None
        out.append(NumberMention(s, e, text[s:e], a, low=low, high=high, qualifier=qual, num_start=core_start,
                                 unit_hour=bool(_HOUR_UNIT.match(text, e))))
    return tuple(out)
