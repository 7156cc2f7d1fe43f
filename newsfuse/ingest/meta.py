"""Metadata found in the text itself: dates, outlets, wire credits, language.

Pages copied as plain text lose their markup, so the publish time, the outlet and the agency that
wrote the copy survive only as furniture lines ("Updated: ...", "Nur-Sultan, Jan 6 (EFE).-",
"AP Newsroom"). These helpers read that furniture; the cleaner decides what to drop.
"""

from __future__ import annotations

import os
import re
import threading
from datetime import date, datetime, timezone
from functools import lru_cache
from urllib.parse import urlsplit

__all__ = [
    "WIRES",
    "OUTLETS_BY_DOMAIN",
    "parse_datetime",
    "date_furniture",
    "find_epoch",
    "find_dateline",
    "dateline_end",
    "resolve_year",
    "find_wires",
    "outlet_for_domain",
    "domain_of",
    "detect_language",
]

# month names and abbreviations -> number; the one table ingest, extract and the timeline use
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY_RE = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
TIME_RE = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?"
DATE_RE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE},?\s+\d{{4}}"  # 6 January 2022
    rf"|{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # January 06, 2022
    r"|\d{4}-\d{2}-\d{2})"  # 2022-01-06
)
# A line that is nothing but a (labelled) date and optional time: page furniture.
_DATE_FURNITURE = re.compile(
    rf"^\s*(?:(?:last\s+)?(?:updated|published|posted|first published|modified)"
    rf"(?:\s+(?:on|at))?\s*:?\s*)?(?:{WEEKDAY_RE},?\s+)?(?P<date>{DATE_RE})"
    rf"(?:\s*(?:,|at|-|\||•)?\s*(?P<time>{TIME_RE}))?\s*$",
    re.IGNORECASE,
)
# "Nur-Sultan, Jan 6 (EFE).-" / "MOSCOW, Jan. 6 (Reuters) -" / "ALMATY (AP) —" / "Kadris, 3 June (NWA).-"
# / "GRAND HAVEN, Mich. (AP) —"
_DL_DATE = (
    rf"(?:(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_RE}))"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_DATELINE = re.compile(  # the place may name its region: "SELBROOK, Lorvania, Feb 1 (Reuters) -"
    rf"^(?P<place>[A-Z][\w'’.\- ]{{1,40}}?(?:,\s+[A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){{0,2}})?),?\s+(?:{_DL_DATE},?\s+)?"
    r"\((?P<wire>[A-Za-z][\w/ &.-]{1,40}?)\)\s*\.?\s*[-–—:]+\s*"
)
# no agency, US style: "WASHINGTON —", "KYIV, Ukraine —", "NEW YORK, March 3 -". The place is in
# capitals, so "Paris — a city of ..." (a feature's own words) is no dateline; the dash is spaced.
_PLAIN_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){{0,3}}(?:, [A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){{0,2}})?)"
    rf"(?:,?\s+{_DL_DATE})?\s+[–—-]{{1,2}}\s+(?=\S)"
)
# "(?<=[A-Za-z])1..." written with the look-behind after the "1", so re can jump from "1" to "1"
_EPOCH = re.compile(r"(1(?<=[A-Za-z]1)[0-9]{9})(?!\d)")

DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past"}


# a CMS without a date writes a placeholder ("0001-01-01T00:00:00Z", "9999-12-31"): no news date
YEARS = range(1800, 2201)


def parse_datetime(value: str | None) -> datetime | None:
    """Parse an ISO or free-form date string; never raises; a placeholder year is no date."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            import dateparser

            dt = dateparser.parse(value, settings=DATEPARSER_SETTINGS)
        except Exception:  # dateparser raises odd errors on odd input
            return None
    return dt if dt is not None and dt.year in YEARS else None


def date_furniture(line: str) -> tuple[datetime, bool] | None:
    """If ``line`` is only a date (and time), return (datetime, has_time)."""
    if len(line) > 80:
        return None
    m = _DATE_FURNITURE.match(line)
    if not m:
        return None
    text = m.group("date") + (" " + m.group("time") if m.group("time") else "")
    dt = parse_datetime(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text))
    if dt is None:
        return None
    return dt, bool(m.group("time"))


def find_epoch(text: str) -> tuple[str, datetime | None]:
    """Strip Unix timestamps glued to words ("happened1641496820"); return text and the first."""
    found: list[datetime] = []

    def repl(m: re.Match) -> str:
        found.append(datetime.fromtimestamp(int(m.group(1)), tz=timezone.utc))
        return ""

    text = _EPOCH.sub(repl, text)
    return text, (found[0] if found else None)


# lower-case words a place name may hold ("Rio de Janeiro", "Stratford-upon-Avon" is one word)
_PLACE_PARTICLES = {"de", "da", "do", "dos", "das", "del", "la", "le", "el", "al", "of", "on", "am", "an",
                    "der", "di", "du", "van", "von"}


def find_dateline(paragraph: str) -> dict | None:
    """An agency dateline at the start of a paragraph: place, month/day (maybe), wire."""
    found = _dateline(paragraph)
    return found[0] if found else None


def dateline_end(sentence: str, plain: bool = True) -> int:
    """Length of the dateline(s) opening ``sentence`` ("MOSCOW, Jan. 6 (Reuters) - ", a doubled
    "NEW ORLEANS -- NEW ORLEANS (AP) -- "), else 0 (also 0 when nothing follows). ``plain=False``
    takes agency datelines only: a paragraph inside the body may open with one (a page of wire
    items), but "PARIS — ..." there is the writer's own prose."""
    end = 0
    for _ in range(2):
        found = _dateline(sentence[end:], plain)
        if not found or end + found[1] >= len(sentence):
            break
        end += found[1]
    return end


def _dateline(paragraph: str, plain: bool = True) -> tuple[dict, int] | None:
    """The dateline's fields and where it ends. The place must be a name (capitalised words and
    particles), not a clause: "The union said (AP) - ..." is no dateline. Without an agency
    ("WASHINGTON —") the wire is None."""
    found = _agency_dateline(paragraph) if "(" in paragraph else None
    return found or (_plain_dateline(paragraph) if plain else None)


def _dateline_fields(m: re.Match, place: str, wire: str | None) -> dict:
    month = m.group("month") or m.group("month2")
    out = {"place": place, "wire": wire, "month": None, "day": None,
           "year": int(m.group("year")) if m.group("year") else None}
    if month:
        out["month"] = MONTHS[month.rstrip(".")[:3].lower()]
        out["day"] = int(m.group("day") or m.group("day2"))
    return out


def _agency_dateline(paragraph: str) -> tuple[dict, int] | None:
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    dated = bool(m.group("month") or m.group("month2"))
    wire = canonical_wire(m.group("wire"))
    if wire is None and dated and re.fullmatch(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5}", m.group("wire").strip()):
        wire = m.group("wire").strip()  # an agency we do not know, in a full dateline: "(Continental News Agency)"
    if wire is None:
        return None
    place = m.group("place").strip()
    if not all(w[:1].isupper() or w.lower() in _PLACE_PARTICLES for w in place.split()):
        return None
    return _dateline_fields(m, place, wire), m.end()


# capitals that open a sentence with a dash but name no place: kickers and abbreviations
_NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION",
               "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "NOTE", "VIDEO", "PHOTOS", "FILE", "I"}


def _plain_dateline(paragraph: str) -> tuple[dict, int] | None:
    if not paragraph[:2].isupper():
        return None  # most paragraphs fail here, before the regex
    m = _PLAIN_DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip()
    if place.split(",")[0] in _NOT_PLACES or len(place.split(",")[0]) < 3:
        return None  # "US —", "UK —": an abbreviation opening a clause, not a dateline
    rest = paragraph[m.end():]
    word = re.match(r"[\w'’]+", rest)
    if word and len(word.group()) > 1 and word.group().isupper() and not _dateline(rest):
        return None  # "EDGAR HALL - FIRST CASE ...": a heading in capitals, not a place before prose
    return _dateline_fields(m, place, None), m.end()


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def nearest_year(month: int, day: int, ref: date) -> date | None:
    """Month/day without a year: the candidate closest to ref (a story rarely spans > 6 months);
    None when the day does not exist in any nearby year."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def resolve_year(month: int, day: int, text: str, context: list[date] | None = None,
                 today: date | None = None) -> date | None:
    """Pick the year for a month/day without one.

    Prefer the year of nearby dates in the batch; else the most recent past year whose weekday
    matches the weekday the text mentions most ("said Thursday"); else the most recent past one.
    """
    today = today or date.today()
    if context:
        best = None
        for ref in context:
            cand = nearest_year(month, day, ref)
            if cand is not None and (best is None or abs((cand - ref).days) < best[0]):
                best = (abs((cand - ref).days), cand)
        if best and best[0] <= 200:
            return best[1]
    counts = {i: len(re.findall(rf"\b{w}\b", text, re.IGNORECASE)) for i, w in enumerate(_WEEKDAYS)}
    wanted = max(counts, key=counts.get) if any(counts.values()) else None
    for y in range(today.year, today.year - 40, -1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if cand > today:
            continue
        if wanted is None or cand.weekday() == wanted:
            return cand
    return None


# --- wires and outlets ------------------------------------------------------------------------

# canonical wire name -> spellings seen in credits
WIRES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press", "AP Newsroom"),
    "Reuters": ("Reuters", "REUTERS"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "EFE": ("EFE", "Agencia EFE"),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax", "Interfax-Kazakhstan", "Interfax-Ukraine"),
    "Xinhua": ("Xinhua",),
    "DPA": ("DPA", "dpa"),
    "ANI": ("ANI",),
    "PTI": ("PTI",),
    "UPI": ("UPI",),
    "IANS": ("IANS",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "Anadolu": ("Anadolu", "AA"),
    "RIA Novosti": ("RIA", "RIA Novosti"),
    "Sputnik": ("Sputnik",),
    "Bloomberg": ("Bloomberg",),
}
_WIRE_LOOKUP = {s.lower(): k for k, v in WIRES.items() for s in v}
WIRE_OUTLET_NAMES = {"AP": "Associated Press", "AFP": "Agence France-Presse"}

OUTLETS_BY_DOMAIN: dict[str, str] = {
    "apnews.com": "Associated Press", "reuters.com": "Reuters", "afp.com": "Agence France-Presse",
    "efe.com": "EFE", "tass.com": "TASS", "tass.ru": "TASS", "interfax.com": "Interfax",
    "interfax.ru": "Interfax", "interfax.kz": "Interfax-Kazakhstan", "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua", "dpa.com": "DPA", "aninews.in": "ANI", "ptinews.com": "PTI",
    "upi.com": "UPI", "bbc.co.uk": "BBC", "bbc.com": "BBC", "independent.co.uk": "The Independent",
    "foxnews.com": "Fox News", "thenationalnews.com": "The National",
    "theguardian.com": "The Guardian", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "cnn.com": "CNN", "aljazeera.com": "Al Jazeera",
    "sputniknews.com": "Sputnik", "ria.ru": "RIA Novosti", "rferl.org": "RFE/RL",
    "euronews.com": "Euronews", "dw.com": "Deutsche Welle", "france24.com": "France 24",
    "wsj.com": "The Wall Street Journal", "ft.com": "Financial Times", "npr.org": "NPR",
    "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
    "telegraph.co.uk": "The Telegraph", "dailymail.co.uk": "Daily Mail", "bloomberg.com": "Bloomberg",
    "inform.kz": "Kazinform", "theconversation.com": "The Conversation", "news.sky.com": "Sky News",
}


def canonical_wire(name: str) -> str | None:
    name = name.strip().strip(".")
    if name.lower() in _WIRE_LOOKUP:
        return _WIRE_LOOKUP[name.lower()]
    # "AP Photo/...", "Reuters/..." are photo credits, not copy credits
    return None


# "javascript:", "mailto:", "data:" ... (but not "example.com:8080/", a host and its port)
_OTHER_SCHEME = re.compile(r"^(?!https?:)[a-z][a-z0-9+.\-]*:(?!\d)", re.IGNORECASE)


def domain_of(url: str | None) -> str | None:
    """The web host of a URL (without "www."); None for other schemes, which name no outlet."""
    if not url:
        return None
    url = url.strip()
    if _OTHER_SCHEME.match(url):
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def outlet_for_domain(domain: str | None) -> str | None:
    """Known outlet name for a domain or any of its parent domains."""
    if not domain:
        return None
    parts = domain.lower().split(".")
    for i in range(len(parts) - 1):
        hit = OUTLETS_BY_DOMAIN.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


_WIRE_ALT = "|".join(sorted((re.escape(s) for v in WIRES.values() for s in v), key=len, reverse=True))
_CREDIT_PATTERNS = [
    re.compile(rf"\((?P<w>{_WIRE_ALT})\)"),  # "(AP)", "(EFE)"
    re.compile(rf"(?:^|\s)[—–-]\s*(?P<w>{_WIRE_ALT})\s*$"),  # "... — Reuters"
    re.compile(rf"(?:[.!?”\"]\s+|^)(?P<w>{_WIRE_ALT})\s*$"),  # "... vandalism. EFE" sign-off
    re.compile(rf"\b(?:with|from|by|via)\s+(?P<w>{_WIRE_ALT})\s*$"),
    re.compile(rf"(?P<w>{_WIRE_ALT})\s+(?:contributed to this report|Newsroom)\b"),
    re.compile(rf"^(?:Additional\s+)?[Rr]eporting by .*?\b(?P<w>{_WIRE_ALT})\b"),
    re.compile(rf"^(?:Source|Credit)s?:\s*(?P<w>{_WIRE_ALT})\s*$"),
]


_WIRE_SPELLINGS = tuple(s for v in WIRES.values() for s in v)


def _credit_patterns_possible(para: str) -> list[bool]:
    """Cheap necessary conditions for each of _CREDIT_PATTERNS (same order), so that the
    alternation-heavy regexes only run on paragraphs that could match."""
    ends_with_wire = para.rstrip().endswith(_WIRE_SPELLINGS)
    return [
        "(" in para,
        ends_with_wire,
        ends_with_wire,
        ends_with_wire,
        "contributed to this report" in para or "Newsroom" in para,
        para.startswith(("Additional", "Reporting", "reporting")),
        para.startswith(("Source", "Credit")),
    ]


def find_wires(paragraphs: list[str]) -> list[str]:
    """Wire credits from datelines, sign-offs and credit lines (not from mere mentions)."""
    found: list[str] = []

    def add(name: str | None) -> None:
        if name and name not in found:
            found.append(name)

    for i, para in enumerate(paragraphs):
        dl = find_dateline(para) if i < 6 else None
        if dl:
            add(dl["wire"])
        short = len(para) < 200
        possible = _credit_patterns_possible(para)
        for j, pat in enumerate(_CREDIT_PATTERNS):
            if not possible[j]:
                continue
            if j == 0 and not (i < 6 or short):
                continue  # "(AP)" inside a long late paragraph is usually a photo or aside
            for m in pat.finditer(para if j != 2 else para[-60:]):
                if j == 0 and para[m.end():m.end() + 6].startswith(" Photo"):
                    continue
                add(canonical_wire(m.group("w")))
    return found


_LANG_CODES_OK = re.compile(r"^[a-z]{2}$")


_LANGID_LOCK = threading.Lock()
os.register_at_fork(after_in_child=lambda: globals().update(_LANGID_LOCK=threading.Lock()))


def _langid():
    """The language identifier, loaded once (thread-safe: ``preload_language_model`` may be
    loading it in the background)."""
    with _LANGID_LOCK:
        return _load_langid()


@lru_cache(maxsize=1)
def _load_langid():
    """py3langid's identifier, with its byte-by-byte DFA walk vectorised when that is exact."""
    from py3langid import langid

    base = langid._get_identifier()
    try:
        return _vectorised_identifier(base)
    except Exception:  # another py3langid layout: use it as it is
        return base


def preload_language_model() -> threading.Thread:
    """Load the language identifier (~0.8 s: decompressing the model, mapping its automaton) in a
    background thread, so that a process about to clean articles does it while it does other
    work; the first ``detect_language`` waits for it if needed."""
    t = threading.Thread(target=_langid, name="newsfuse-langid", daemon=True)
    t.start()
    return t


def _dfa_depth(nm, rowbase) -> int:
    """Deepest state of the n-gram automaton (BFS distance from the start state 0).

    A state of this Aho-Corasick automaton stands for the longest suffix of the input that is a
    prefix of some feature, so it depends only on the last ``depth`` bytes.
    """
    import numpy as np

    n = len(rowbase)
    depth = np.full(n, -1, dtype=np.int64)
    depth[0] = 0
    frontier = np.zeros(1, dtype=np.int64)
    level = 0
    byte = np.arange(256, dtype=np.int64)
    while frontier.size:
        seen = np.zeros(n, dtype=bool)
        for k in range(0, frontier.size, 4096):
            seen[nm[(rowbase[frontier[k:k + 4096]][:, None] + byte).ravel()]] = True
        frontier = np.flatnonzero(seen & (depth < 0))
        if frontier.size:
            level += 1
            depth[frontier] = level
    return level


def _vectorised_identifier(base):
    """A copy of py3langid's identifier whose feature walk is done with numpy, giving the same
    counts in the same order (so the same scores): the state at each byte is found by walking
    only the last ``depth`` bytes from the start state, for all positions at once. py3langid's
    pure-Python walk was the largest per-article cost of ingest (~3 ms for 3,000 characters)."""
    import numpy as np

    nm = np.frombuffer(base.tk_nextmove, dtype=np.dtype(base.tk_nextmove.typecode))
    rowbase = np.asarray(base._rowbase, dtype=np.int64)
    out = np.asarray(base.tk_output, dtype=np.int64)
    depth = _dfa_depth(nm, rowbase)
    # The class-per-feature table is stored as float16; gathering its rows and multiplying them
    # in float32 converted each row again per document. A float32 copy (~60 MB) gives the same
    # products (the rows are converted exactly) at half the cost.
    table = np.ascontiguousarray(base.nb_ptc, dtype=np.float32)

    class Vectorised(type(base)):
        __slots__ = ()

        def _raw_score(self, text):
            b = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
            n = len(b)
            state = np.zeros(n, dtype=np.int64)
            for k in range(min(depth, n) - 1, -1, -1):
                state[k:] = nm[rowbase[state[k:]] + b[: n - k]]
            feats = out[state]
            feats = feats[feats >= 0]
            if not feats.size:
                return super()._raw_score(text)
            # py3langid's _sparse_score on Counter(feats) (features in order of first occurrence,
            # which fixes the summation order), with the float32 table. Each feature's first
            # position comes from one unbuffered minimum (no sort), its count from a bincount
            # of those positions
            n = len(feats)
            pos = np.arange(n, dtype=np.int32)
            first = np.full(len(table), n, np.int32)
            np.minimum.at(first, feats, pos)
            at = first[feats]
            new = at == pos
            idx = feats[new].astype(np.intp)
            counts = np.bincount(at, minlength=n)[new].astype(np.float32)
            # np.take gathers the same rows as table[idx] in about half the time (no
            # fancy-indexing set-up), so the product is the same
            return np.log1p(counts) @ np.take(table, idx, axis=0) + self.nb_pc

    fast = Vectorised(base.nb_ptc, base.nb_pc, base.nb_classes, base.tk_nextmove, base.tk_output,
                      norm_probs=base._norm_probs, min_confidence=base.min_confidence, tk_row=base.tk_row)
    checks = ["The council approved a new budget on Tuesday.", "Der Rat hat am Dienstag einen Haushalt beschlossen.",
              "Совет утвердил новый бюджет во вторник.", "理事会周二批准了新预算。", "x", "\u00e9t\u00e9 \u2014 \U0001F600"]
    for t in checks:
        enc = base._encode(t)
        if not np.array_equal(fast._raw_score(enc), base._raw_score(enc)):
            return base
    return fast


_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # kana, CJK ideographs, hangul


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code: a declared language (html lang, metadata) wins, else py3langid."""
    if hint:
        code = hint.strip().lower().replace("_", "-").split("-")[0]
        if _LANG_CODES_OK.match(code):
            return code
    sample = text[:3000]
    if len(sample.strip()) < 50 and len(_DENSE.findall(sample)) < 10:
        return None  # too short for a reliable guess (ten CJK characters say as much as fifty Latin)
    try:
        code, _ = _langid().classify(sample)
    except Exception:
        return None
    return code


def same_day_refine(day: date, candidates: list[datetime]) -> datetime:
    """The date line gives the day; a same-day datetime from the text adds the time."""
    for dt in candidates:
        if dt.date() == day and (dt.hour or dt.minute or dt.tzinfo):
            return dt
    return datetime(day.year, day.month, day.day)
