"""Which articles the English rules may read, and what is left to read in the others.

The extract rules are English word lists and grammar. Run on other languages they invent
speakers and entities ("Die Polizei" as a person), so an article is analysed in full only when
it is English; the rest get what needs no English: amounts followed by a unit word (or a CJK
counter) with the qualifier written before them ("al menos", "au moins"), and numeric dates (ISO, day.month.year, CJK year-month-day). An article whose language
is not declared is detected as ingest does; one too short to tell counts as English unless most
of its letters are in another script.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from ..records import Article

__all__ = ["is_english", "language_of", "numeric_dates", "unit_amounts", "amount_qualifier"]


def _script_share(text: str) -> tuple[int, int]:
    """(letters, letters outside the Latin script) in the first 2,000 characters."""
    letters = other = 0
    for ch in text[:2000]:
        if ch.isalpha():
            letters += 1
            if not unicodedata.name(ch, "").startswith("LATIN"):
                other += 1
    return letters, other


def language_of(article: Article) -> str:
    """The article's ISO 639-1 code. An undeclared one is detected (as ingest does); when the text
    is too short to tell, it is 'en' unless most letters are in another script ('und' then)."""
    if article.language and article.language.strip():
        code = article.language.strip().lower().replace("_", "-").split("-")[0]
        return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else "und"
    from ..ingest.meta import detect_language

    found = detect_language(article.text)
    if found:
        return found
    letters, other = _script_share(article.text)
    return "und" if letters and other * 2 > letters else "en"  # "und": undetermined (ISO 639-2)


def is_english(article: Article) -> bool:
    """True when the English rules may analyse the article (see module docstring)."""
    return language_of(article) == "en"


# --- numeric dates -----------------------------------------------------------------------------

_NUM_DATES = [
    # 2024-05-14 (also glued to CJK text, where \b does not separate digits from letters)
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")),
    # 2024年5月14日
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*[日号]")),
    # 14.05.2024: dots mean day first wherever they are used
    ("dmy", re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)")),
]


def numeric_dates(text: str) -> list[tuple[int, int, str, date]]:
    """(start, end, text, date) of each numeric date in ``text``, left to right."""
    out, taken = [], []
    for _, rx in _NUM_DATES:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                d = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            taken.append(m.span())
            out.append((m.start(), m.end(), m.group(), d))
    return sorted(out)


# --- amounts with a unit word ------------------------------------------------------------------

# scale words: "1,5 Millionen Euro", "2,5 millions de personnes", "3 тыс. человек"
_SCALES = {
    "million": 1e6, "millions": 1e6, "millionen": 1e6, "mio": 1e6, "millones": 1e6, "millón": 1e6,
    "milioni": 1e6, "milione": 1e6, "milhões": 1e6, "milhão": 1e6, "miljoen": 1e6, "miljoenen": 1e6,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "mln": 1e6,
    "milliard": 1e9, "milliards": 1e9, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "миллиард": 1e9,
    "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
    "tausend": 1e3, "mil": 1e3, "mille": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "тыс": 1e3,
}
# words after a number that are not what it counts: percentages, clock times, months (a date)
_NOT_UNITS = {
    "prozent", "procent", "pourcent", "por", "per", "процент", "процента", "процентов", "uhr", "heures",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "januar", "jänner", "februar", "märz", "april", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "gennaio",
    "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "janeiro",
    "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro", "januari",
    "februari", "maart", "mei", "augustus", "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель",
    "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
}
# abbreviated months of datelines and dates ("12 mar (EFE)", "3 janv.", "5 Okt."): a date, not a count
_NOT_UNITS |= {
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "sept", "set", "oct", "nov", "dic",
    "janv", "févr", "fév", "avr", "juil", "déc", "jan", "jän", "mär", "apr", "aug", "okt", "dez",
    "gen", "mag", "giu", "lug", "ott", "fev", "out", "mrt", "янв", "фев", "мар", "апр", "июн", "июл",
    "авг", "сен", "сент", "окт", "ноя", "дек",
}
_OF = {"de", "d", "di", "of", "van"}  # "millions de personnes"
_AMOUNT = re.compile(
    r"(?<![\d.,:/-])(?P<num>\d{1,3}(?:(?:[.,]|\s|\u00a0|\u202f)\d{3})+|\d+)(?:[.,](?P<dec>\d{1,2}))?(?![\d:/]|[.,]\d)"
    r"(?:\s*%|\s+(?P<unit>[^\W\d_]{3,})|(?P<cjk>[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]))?")
# CJK counters that are times or dates, not things: 年 year, 月 month, 日/号 day, 时/点 hour, 分 minute,
# 秒 second, 岁 age
_CJK_NOT_COUNTERS = set("年月日号时時点點分秒岁歲")
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]")


# qualifiers written before an amount, by the English label the key facts use ("at least"...)
_FOREIGN_QUALIFIERS = {
    "at least": "al menos|por lo menos|como mínimo|au moins|au minimum|mindestens|wenigstens|almeno|"
                "pelo menos|ao menos|co najmniej|przynajmniej|minstens|ten minste|не менее|по меньшей мере",
    "more than": "más de|plus de|mehr als|über|più di|oltre|mais de|ponad|więcej niż|meer dan|более|свыше",
    "about": "unos|unas|alrededor de|aproximadamente|cerca de|environ|quelque|rund|etwa|ungefähr|circa|ca.|"
             "około|ok.|ongeveer|около|примерно",
    "nearly": "casi|près de|presque|quasiment|fast|beinahe|knapp|quasi|quase|prawie|blisko|bijna|почти",
    "up to": "hasta|jusqu'à|jusqu’à|bis zu|fino a|até|aż do|до",
    "fewer than": "menos de|moins de|weniger als|meno di|mniej niż|minder dan|менее",
}
_QUALIFIER_OF = {form: label for label, forms in _FOREIGN_QUALIFIERS.items() for form in forms.split("|")}
_QUALIFIER_FORMS = sorted(_QUALIFIER_OF, key=len, reverse=True)
_QUALIFIER_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<q>" + "|".join(map(re.escape, _QUALIFIER_FORMS)) + r")\s+$", re.I)


def amount_qualifier(written: str) -> str | None:
    """The English label ("at least", "more than"...) of the qualifier an amount opens with
    ("al menos 9 personas"), as the key facts name qualifiers in every language."""
    low = written.lower()
    return next((_QUALIFIER_OF[f] for f in _QUALIFIER_FORMS if re.match(re.escape(f) + r"\s", low)), None)


def _number(raw: str, dec: str | None) -> float | None:
    digits = re.sub(r"[.,\s\u00a0\u202f]", "", raw)
    try:
        return float(digits + ("." + dec if dec else ""))
    except ValueError:
        return None


def unit_amounts(text: str) -> list[tuple[int, int, str, float, str]]:
    """Amounts written in digits and followed by a unit word or a CJK counter, in any language.

    Years, percentages, clock times, dates and money scales without a counted noun are skipped;
    a scale word multiplies ("1,5 Millionen Menschen" -> 1,500,000 'menschen').
    """
    out = []
    dates = [(s, e) for s, e, _, _ in numeric_dates(text)]
    for m in _AMOUNT.finditer(text):
        if any(s <= m.start() < e for s, e in dates) or not (m["unit"] or m["cjk"]):
            continue
        prev = text[m.start() - 1] if m.start() else " "
        if prev.isalpha() and not _CJK.match(prev) or prev == "_":
            continue  # part of a word or code ("A320", "COVID19"); CJK text has no spaces to wait for
        raw, dec = m["num"], m["dec"]
        if not dec and not m["cjk"] and re.fullmatch(r"(?:19|20)\d\d", raw):
            continue  # a year (in CJK text a year takes the counter 年, skipped below)
        value = _number(raw, dec)
        if value is None:
            continue
        if m["cjk"]:
            if m["cjk"] in _CJK_NOT_COUNTERS:
                continue
            out.append((m.start(), m.end(), m.group().strip(), value, m["cjk"]))
            continue
        unit = m["unit"].lower()
        end = m.end()
        if unit in _SCALES:
            value *= _SCALES[unit]
            nxt = re.match(r"\.?\s+(?:(?:de|d'|d’|di|of|van)\s*)?([^\W\d_]{3,})", text[end:])
            if nxt is None:
                continue
            unit, end = nxt.group(1).lower(), end + nxt.end()
        elif dec:
            continue  # "1,5 Kilometer" is a measure, "1,5" people is not a count
        if unit in _NOT_UNITS or unit in _OF:
            continue
        start = m.start()
        qual = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
        if qual:  # "al menos 9 personas" is not "9 personas": the qualifier is part of the figure
            start = qual.start()
        out.append((start, end, text[start:end], value, unit))
    return out
