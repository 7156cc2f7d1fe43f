"""People, organisations and places, merged across articles.

Rule based: capitalised runs (allowing "of"/"for"/"the" inside organisation names), typed by
a gazetteer of countries (pycountry when installed, else a short list) and cities, organisation
keywords (Ministry, Police, Agency...), acronyms, and person cues (titles, two or three name
tokens). Variants merge by surname ("Mr Tokayev", "Tokayev" -> "Kassym-Jomart Tokayev"), by
acronym ("CSTO" -> "Collective Security Treaty Organization") and by spelling
("Organisation"/"Organization"). spaCy is deliberately not used: it is optional and slow.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..ingest.meta import dateline_end
from ..records import Article, Entity
from .language import is_english
from .lexicon import CATEGORIES
from .speakers import _ABBREV_HEADS, ORG_WORDS, TITLES, person_names

__all__ = ["extract_entities", "entity_mentions", "PLACES"]

_CITIES = {
    "almaty", "nur-sultan", "astana", "moscow", "beijing", "london", "paris", "berlin", "new york",
    "washington", "tokyo", "delhi", "new delhi", "mumbai", "istanbul", "ankara", "tehran", "kyiv",
    "kiev", "tashkent", "bishkek", "minsk", "yerevan", "tbilisi", "baku", "cairo", "lagos", "nairobi",
    "johannesburg", "sydney", "melbourne", "toronto", "ottawa", "mexico city", "rome", "madrid",
    "lisbon", "brussels", "geneva", "vienna", "warsaw", "prague", "budapest", "athens", "dubai",
    "riyadh", "doha", "jerusalem", "gaza", "beirut", "damascus", "baghdad", "kabul", "islamabad",
    "karachi", "lahore", "dhaka", "bangkok", "jakarta", "manila", "seoul", "hong kong", "shanghai",
    "tripoli", "tunis", "algiers", "rabat", "khartoum", "addis ababa", "lampedusa", "zuwara",
    "los angeles", "chicago", "san francisco", "rio de janeiro", "sao paulo", "buenos aires", "lima",
    "bogota", "caracas", "santiago", "havana", "kazan", "st petersburg", "mangystau", "zhanaozen",
    "aktau", "kent", "ashford",
}
_REGIONS = {"central asia", "europe", "asia", "africa", "middle east", "latin america", "the west",
            "mediterranean", "north america", "south america", "the balkans", "caucasus", "siberia"}


def _load_countries() -> set[str]:
    names = {"russia", "china", "iran", "syria", "turkey", "kazakhstan", "uzbekistan", "kyrgyzstan",
             "belarus", "armenia", "ukraine", "britain", "uk", "us", "usa", "united states", "united kingdom",
             "south korea", "north korea", "vietnam", "bolivia", "venezuela", "tanzania", "moldova",
             "laos", "libya", "sudan", "eritrea", "italy", "germany", "france", "spain", "kuwait"}
    try:  # pycountry ships its data in the wheel; nothing downloads
        import pycountry

        for c in pycountry.countries:
            names.add(c.name.lower())
            for attr in ("common_name", "official_name"):
                v = getattr(c, attr, None)
                if v:
                    names.add(v.lower())
    except Exception:
        pass
    return names


PLACES = _load_countries() | _CITIES | _REGIONS
_DEMONYMS = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish|i|ic|an|ch))$")
_CAP = r"[A-Z](?:[\w&.-]|['’](?=[A-Z])|(?<=s)['’](?=\s+[A-Z]))*"  # "Workers' Federation" keeps its apostrophe
_RUN = re.compile(
    rf"(?<![\w’'])(?:{_CAP}|\d+[A-Za-z]+)"
    rf"(?:\s+(?:(?:of|for|the|de|du|al|and)\s+)?(?:{_CAP}))*"
)
# a run is an organisation when a word of it says so: publications, companies, bodies
_ORG_EXTRA = {
    "courier", "sentinel", "beacon", "ledger", "daily", "chronicle", "tribune", "journal", "observer",
    "vjesnik", "newsdesk", "gazeta", "zeitung", "rail", "railways", "airport authority", "works",
    "holdings", "industries", "motors", "group", "plc", "llc", "gmbh", "ag", "sa", "co", "corporation",
    "federation", "union", "hospital", "staff", "wire",
}
# seats of power and firms named by their trade: "White House", "Ocean Therapy Solutions" (only to
# type a name: "Costner and Ocean Therapy Solutions" is still two names, not one firm)
_TRADE_WORDS = {"house", "solutions", "systems", "technologies", "petroleum"}
_ORG_SUFFIX = re.compile(r"(?:chem|tech|pharma|soft|corp|com|gaz|prom|neft|trans)$")
_ORG_BEFORE = re.compile(
    r"\b(?:company|firm|operator|owner|manufacturer|maker|producer|insurer|carrier|broadcaster|newspaper|"
    r"operated\s+by|run\s+by|owned\s+by|managed\s+by|subsidiary\s+of|shares\s+in)\s*,?\s*$|\d\s*\(\s*$", re.I)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|across|around|from|to)|\b(?:town|city|village|port|region|province|district|"
    r"outskirts|edge|centre|center|suburb|streets|capital)\s+of(?:\s+the)?)\s*$", re.I)
_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# adjectives of nationality and the like: "Central Asian nation", "former Soviet republics"
_ADJECTIVES = {"soviet", "kazakh", "uzbek", "tajik", "kyrgyz", "turkmen", "arab", "thai", "swiss", "dutch",
               "greek", "french", "british", "english", "irish", "welsh", "scottish", "slav", "latin", "nordic"}
_ADJ_ENDING = re.compile(r"(?:ian|ese|ish|ean|ic|an|i)$")
_COMPASS = {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "pan", "sub-saharan", "former"}
_SENT_START_COMMON = {
    "the", "a", "an", "but", "and", "in", "on", "at", "of", "for", "to", "by", "as", "after", "before",
    "when", "while", "earlier", "later", "meanwhile", "however", "one", "this", "that", "it", "he",
    "she", "they", "we", "if", "so", "yet", "among", "according", "with", "from", "there", "his", "her",
    "their", "our", "its", "some", "many", "several", "dozens", "hundreds", "thousands", "police",
    "government", "protests", "protesters", "explosions", "soldiers", "troops", "kazakh", "russian",
    "last", "no", "all", "both", "several", "we", "i", "you", "what", "who", "why", "how", "asked",
    "read", "join", "thank", "please", "share", "related", "advertisement", "updated", "photo",
    "published", "reporting", "translated", "agencies", "overnight", "yesterday", "today", "tonight",
    "more", "most", "other", "another", "such", "these", "those", "each", "every", "not", "nobody",
    # a question or a letter opens with these: "Could Ana Ruiz win?", "Dear Voters"
    "could", "would", "should", "can", "will", "may", "might", "must", "did", "does", "do", "is", "are",
    "was", "were", "has", "have", "had", "dear",
    # prepositions opening a sentence: "Aboard the Saint Alma were ...", "Despite Monday's storm"
    "aboard", "despite", "during", "under", "inside", "outside", "near", "since", "until", "behind", "beyond",
    "across", "around", "through", "without", "within", "amid", "throughout", "towards", "toward",
}
_SKIP = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mr", "mrs", "ms", "dr", "gmt", "utc", "am", "pm", "new year", "christmas", "expand", "collapse",
    "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest", "eet",  # time zones
}
# common words that open a sentence (or a headline in title case): "Families Say ...", "Everyone Knew";
# the plural group nouns of the claims lexicon ("Residents", "Survivors") and indefinite pronouns
_COMMON_OPENERS = frozenset({t for ts in CATEGORIES.values() for t in ts if " " not in t and t.endswith("s")} | {
    "everyone", "everybody", "everything", "someone", "somebody", "something", "anyone", "anybody",
    "anything", "nobody", "nothing", "none", "families", "family", "people", "relatives", "witnesses",
    "officials", "authorities", "experts", "critics", "locals", "survivors", "victims", "parents",
})
# a headline's title case, not a name: no name holds a pronoun or an auxiliary ("Families Say They Were Not Told")
_CLAUSE_WORDS = {"they", "we", "he", "she", "you", "were", "was", "is", "are", "not", "been", "being", "did",
                 "does"}
# a ship is named after its kind or where people are: "the ferry Saint Alma", "aboard the Saint Alma"
_VESSEL_BEFORE = re.compile(
    r"(?:\b(?:ferry|ship|vessel|boat|tanker|freighter|trawler|yacht|liner|tug|tugboat|barge|ferryboat|"
    r"submarine|frigate|warship|schooner|catamaran|dinghy|lifeboat|(?-i:MV|MS|MT|HMS|USS|SS))|"
    r"\b(?:aboard|on\s+board|onboard)(?:\s+the)?)\s*$", re.I)
# a full stop after a word of three letters or more, then a capital: a sentence's end inside a run,
# unless the word is an abbreviation ("Capt. Rui Orta", "Sept. 4", "Acme Ltd. Chairman")
_STOP_IN_RUN = re.compile(r"\b([A-Za-z][a-z]{2,})\.\s+(?=[A-Z])")
_ABBREVS = _ABBREV_HEADS | _MONTH_ABBR | {"inc", "ltd", "corp", "bros", "ave", "blvd", "est", "dept", "univ", "sta"}
# words that start the next clause when a page lost its full stop: "... in Egypt They said"
_TRAILING_WORDS = {"they", "we", "he", "she", "it", "i", "you", "there", "this", "but", "and", "the", "a"}
# a lone word of nationality ("Egyptian", "Libyans", "Japanese") is neither person, organisation nor place
_DEMONYM_WORD = re.compile(r"^[a-z]{3,}(?:ians?|ans|ese|ish)$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Mx)\.?\s+")


def _norm_key(name: str) -> str:
    k = name.lower().replace("’", "'")
    k = re.sub(r"\borganisation\b", "organization", k)
    k = re.sub(r"^(?:the)\s+", "", k)
    k = re.sub(r"'s$", "", k)
    return k


def _is_adjective(toks: list[str]) -> bool:
    """'Soviet', 'Central Asian', 'English': adjectives of place or nationality, not entities."""
    low = [t.lower() for t in toks]
    if " ".join(low) in PLACES or len(low) > 2:
        return False
    if len(low) == 2 and low[0] not in _COMPASS:
        return False
    last = low[-1]
    return last in _ADJECTIVES or (bool(_ADJ_ENDING.search(last)) and len(last) > 4 and last not in PLACES
                                   and len(low) == 2)


_PLACE_HEADS = {"lake", "port", "mount", "cape", "fort", "loch", "glen", "isle", "river", "gulf", "bay"}
_VENUE_HEADS = {"café", "cafe", "hotel", "restaurant", "bar", "club", "hostel", "cinema", "theatre", "theater"}


def _type_of(name: str, prev: str, dateline: bool = False) -> str:
    """Type by the name itself (gazetteer, org words), then by the words just before it."""
    low = _norm_key(name)
    toks = low.split()
    if low in PLACES:
        return "place"
    if dateline:
        return "place"  # "LISK, March 14 (Meridian Press) —": a dateline names a place
    if re.fullmatch(r"[A-Z]{2,6}(?:-\d+)?", name):
        return "organization"
    if any(t.strip(".'’") in ORG_WORDS or t.strip(".'’") in _ORG_EXTRA or t in _TRADE_WORDS for t in toks):
        return "organization"
    if any(_ORG_SUFFIX.search(t) for t in toks[1:]) or _ORG_BEFORE.search(prev):
        return "organization"
    if toks and toks[-1] in ("city", "province", "region", "square", "street", "airport", "island", "river",
                             "valley", "county", "district", "bay", "point", "junction", "coast", "mountains",
                             "road", "avenue", "lane", "bridge", "harbour", "harbor", "estate", "ridge", "sands",
                             "heights", "hill", "park", "beach", "reservoir", "dam", "gorge", "pass", "strait",
                             "terrace", "crescent", "gardens", "drive", "embankment", "quay", "wharf", "hills",
                             "falls", "islands", "springs", "lakes"):
        return "place"
    if len(toks) >= 2 and toks[0] in _PLACE_HEADS:
        return "place"  # "Lake Tarrow", "Port Velden", "Mount Sava"
    if len(toks) >= 2 and toks[0] in _VENUE_HEADS:
        return "organization"  # "Café Brise", "Hotel Miramar": a business named by its kind
    if re.search(r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Mayor|Colonel|General|Governor|Senator)\.?\s*$", prev):
        return "person"
    if re.search(r"\b(?:spokes(?:man|woman|person)|leader|chairman|witness|resident|survivor|passenger|"
                 r"official|secretary|representative|head|minister|president|eyewitness|inspector|chief)\s*,?\s*$",
                 prev, re.I):
        return "person"
    if _PLACE_BEFORE.search(prev) and not person_names(name):
        return "place"
    if person_names(name) and person_names(name)[0][2] == name:
        return "person"
    return "other"


def entity_mentions(text: str) -> list[tuple[str, str]]:
    """(surface, type) of each capitalised run in a sentence worth counting."""
    out = []
    for m in _RUN.finditer(text):
        run = m.group()
        cut = next((c for c in _STOP_IN_RUN.finditer(run) if c.group(1).lower() not in _ABBREVS), None)
        if cut:
            # "said Lena Marsh. Aboard the Saint Alma ...": a full stop the segmenter kept ends the name
            out.extend(entity_mentions(run[cut.end():]))
            run = run[:cut.end(1)]
        surf = run.rstrip(".’'")
        surf = re.sub(r"[’']s$", "", surf)
        # a word cut at a hyphen ("-LRB- Reuters -RRB-" of tokenised text) is no part of a name
        toks = [t for t in surf.split() if not (t.endswith("-") or t.startswith("-"))]
        # a sentence's start, after any opening quote or bracket: '"Everyone was screaming," ...'
        initial = not text[:m.start()].strip(" \t\n\"'“‘([—–-")
        # peel leading sentence-start words, honorifics and titles
        is_org = any(t.lower().strip(".") in ORG_WORDS for t in toks[1:])
        while toks and (toks[0].lower() in _SENT_START_COMMON or toks[0].lower().strip(".") in TITLES
                        and len(toks) > 1 and not is_org
                        or initial and len(toks) > 1 and not is_org and toks[0].lower() in _COMMON_OPENERS):
            toks = toks[1:]
        if initial and len(toks) > 1 and toks[0].endswith("ing") and toks[0].lower() not in PLACES:
            toks = toks[1:]  # "Addressing Egypt", "Stepping Down": a sentence's first verb, not a name
        while toks and (toks[-1].lower() in ("of", "for", "the", "and", "de", "du", "al", "on")
                        or len(toks) > 1 and toks[-1].lower() in _SKIP | _TRAILING_WORDS):
            toks = toks[:-1]  # "Egypt Thursday", "Egypt They": the next word is not part of the name
        if len(toks) > 1 and any(t.lower() in _CLAUSE_WORDS for t in toks[1:]):
            continue  # "Families Say They Were Not Told": a headline's words, no name
        if not toks:
            continue
        if "and" in toks and not any(t.lower().strip("'’") in ORG_WORDS or t.lower().strip("'’") in _ORG_EXTRA
                                     for t in toks):
            # "Dolna, Ciglana and Rudnicka": a list, not one name; keep its first item here
            toks = toks[: toks.index("and")]
            if not toks:
                continue
            rest = run[run.rfind(" and ") + 5:]
            if rest and rest != run:
                out.extend((sf, "other" if t == "start-other" else t) for sf, t in entity_mentions(rest))
        toks[-1] = toks[-1].rstrip("'’")
        surf = " ".join(toks)
        if (len(toks) == 1 and toks[0].lower().strip(".") in _MONTH_ABBR) or re.fullmatch(r"\d+[A-Za-z]+", surf):
            continue  # "Jan 6", "10.40pm"
        if _is_adjective(toks):
            continue
        low = surf.lower()
        if low in _SKIP or any(t.lower() in _SKIP for t in toks if len(toks) == 1):
            continue
        if len(surf) < 2 or (surf.isupper() and len(surf) > 6 and low not in PLACES):
            continue  # tabloid shouting: "HORROR AT SEA"
        if _DEMONYMS.match(surf) and low not in PLACES and len(toks) == 1 and m.start() == 0:
            continue
        prev = text[max(0, m.start() - 40):m.start() + (len(run) - len(run.lstrip()))]
        # include a stripped title in the "prev" context so "President X" types as person
        lead = run[: run.find(toks[0])] if toks[0] in run else ""
        dateline = m.start() == 0 and bool(re.match(r"\s*,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]{2,}\.?\s+\d{1,2})\b",
                                                     text[m.start() + len(run):]))
        etype = _type_of(surf, prev + lead, dateline)
        if etype == "person" and _VESSEL_BEFORE.search(prev + lead):
            etype = "vessel"  # "the ferry Saint Alma": one such mention makes the name a ship's (see _best_type)
        elif etype == "other" and initial and len(toks) == 1:
            etype = "start-other"  # kept only if it merges into a known name (see extract_entities)
        out.append((surf, etype))
    return out


def extract_entities(articles: list[Article]) -> list[Entity]:
    """Entities over all sentences of all (English) articles, variants merged, most mentioned first."""
    counts: dict[str, dict] = {}
    for art in articles:
        if not is_english(art):
            continue
        # sentences start after a wire dateline; its place and agency are still mentions
        datelines = [p[:end] for p in art.text.split("\n\n")[:6] if (end := dateline_end(p))]
        for chunk in datelines + [s.text for s in art.sentences]:
            for surf, etype in entity_mentions(chunk):
                key = _norm_key(_HONORIFIC.sub("", surf))
                rec = counts.setdefault(key, {"variants": defaultdict(int), "types": defaultdict(int),
                                              "articles": {}})
                rec["variants"][surf] += 1
                rec["types"][etype] += 1
                rec["articles"][art.id] = None  # an ordered set
    # merge: surname / single token into the longest person containing it; acronyms into long forms
    # (indexes built once: the merge stays linear in the number of names, not quadratic)
    lower = _lowercase_words(articles)
    keys = sorted(counts, key=lambda k: -len(k.split()))
    parent: dict[str, str] = {}
    by_surname: dict[str, str] = {}
    by_last_two: dict[tuple[str, str], str] = {}
    by_initials: dict[str, str] = {}
    for k in keys:
        toks = k.split()
        if len(toks) >= 2:
            initials = "".join(w[0] for w in toks if w not in ("of", "for", "the", "and", "on"))
            by_initials.setdefault(initials, k)
            if _best_type(counts[k]) == "person":
                by_surname.setdefault(toks[-1], k)
                if len(toks) > 2:
                    by_last_two.setdefault((toks[-2], toks[-1]), k)
    for k in keys:
        toks = k.split()
        if len(toks) == 1:
            if k in by_surname and _best_type(counts[k]) not in ("place", "organization"):
                parent[k] = by_surname[k]  # "Tokayev" -> "Kassym-Jomart Tokayev", but "Egypt" stays a place
            elif k in by_surname and _surname_despite_cues(k, by_surname[k], counts, lower):
                parent[k] = by_surname[k]
                counts[k]["types"] = defaultdict(int, other=sum(counts[k]["types"].values()))  # its cues misled
            elif k.isalpha() and 2 <= len(k) <= 6 and k in by_initials:
                parent[k] = by_initials[k]
        elif len(toks) == 2 and _best_type(counts[k]) == "person":
            p = by_last_two.get((toks[-2], toks[-1]))
            if p is not None and p != k:
                parent[k] = p
    merged: dict[str, dict] = {}
    for k, rec in counts.items():
        if k not in parent and set(rec["types"]) == {"start-other"}:
            continue  # a capitalised first word we cannot type: most often an ordinary word
        root = k
        while root in parent:
            root = parent[root]
        m = merged.setdefault(root, {"variants": defaultdict(int), "types": defaultdict(int), "articles": {}})
        for v, n in rec["variants"].items():
            m["variants"][v] += n
        for t, n in rec["types"].items():
            m["types"][t] += n
        m["articles"].update(rec["articles"])
    out = []
    for root, rec in merged.items():
        if _ordinary_word(root, rec, lower):
            continue
        if _DEMONYM_WORD.match(root) and root not in PLACES and _best_type(rec) != "person":
            continue
        variants = sorted(rec["variants"], key=lambda v: (-len(v), v.isupper(), -rec["variants"][v]))
        name = _HONORIFIC.sub("", variants[0])
        if _best_type(rec) == "person":
            name = _without_description(name, lower)
        out.append(Entity(name=name, type=_best_type(rec), mentions=sum(rec["variants"].values()),
                          variants=variants, article_ids=list(rec["articles"])))
    out.sort(key=lambda e: (-e.mentions, e.name))
    return out


# institutions named by their kind alone: "Union leaders said", "Council workers" (a common noun
# capitalised at the start of a sentence or in a title, not one body that can be told apart)
_GENERIC_BODIES = {
    "union", "unions", "ministry", "police", "agency", "council", "office", "department", "service", "services",
    "commission", "party", "government", "court", "committee", "association", "authority", "authorities",
    "federation", "hospital", "company", "group", "board", "bureau", "university", "embassy", "church", "team",
    "club", "fund", "bank", "alliance", "institute", "foundation", "centre", "center", "staff", "guard", "force",
    "forces", "network", "organisation", "organization", "corporation", "works", "rail", "railways", "army",
}


def _lowercase_words(articles: list[Article]) -> set[str]:
    """Words the articles write in lower case: a capitalised one of them is an ordinary word."""
    return {w for a in articles if is_english(a) for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]", a.text)}


def _ordinary_word(key: str, rec: dict, lower: set[str]) -> bool:
    """A lone capitalised common word -- "Safety" opening a sentence or cut from "Police and Safety
    officials", "Union" for "the union" -- is no entity. Names of one word stay when the articles
    never write them in lower case (or they are known places, people, or acronyms)."""
    if " " in key or any(v.isupper() for v in rec["variants"]):
        return False
    if key in _GENERIC_BODIES:
        return True
    return key in lower and key not in PLACES and _best_type(rec) != "person"


def _without_description(name: str, lower: set[str]) -> str:
    """ "Actor Kevin Costner" -> "Kevin Costner": a leading word the articles also write in lower
    case describes the person; the name keeps two words at least."""
    toks = name.split()
    while len(toks) > 2 and toks[0].lower() in lower:
        toks = toks[1:]
    return " ".join(toks)


def _surname_despite_cues(key: str, person: str, counts: dict, lower: set[str]) -> bool:
    """A person's surname typed place or organisation only by a few cues ("pressure to Gaddafi",
    "a letter from Hayward") while most of its mentions carry none: still the person. A known
    place, a name mostly met as a place ("in Dunmore"), a word of nationality ("Libyan" beside
    "Libyans") or a "person" that is an ordinary word before a name ("Between Facebook") keeps
    its type."""
    if key in PLACES or (_ADJ_ENDING.search(key) and key + "s" in counts):
        return False
    if person.split()[-2] in lower:
        return False
    types = counts[key]["types"]
    typed = types.get("place", 0) + types.get("organization", 0)
    return 2 * typed < sum(types.values())


def _best_type(rec: dict) -> str:
    types = rec["types"]
    if types.get("vessel"):
        return "other"  # a name once called a ship is a ship's, however person-like ("Saint Alma")
    for t in ("place", "organization", "person"):
        if types.get(t, 0) and types[t] >= sum(v for k, v in types.items() if k not in ("other", "start-other", t)):
            return t
    return "other"
