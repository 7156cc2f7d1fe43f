"""Who is speaking: names in a speaker phrase, pronoun resolution and claim attribution.

Shared by quotes (speaker of a quote) and claims (who a figure is attributed to). An
``ArticleContext`` remembers the people named so far in an article so that "he said" and
"Kowal said" resolve to the nearest preceding full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ArticleContext", "split_speaker", "find_attribution", "counted_by", "SPEECH_VERBS", "person_names", "undot_titles",
           "ROLE_WORDS", "person_role"]

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adding|stated|declared|affirmed|emphasized|emphasised|warned|"
    "sobbed|insisted|explained|noted|wrote|tweeted|replied|continued|stressed|admitted|claimed|"
    "announced|confirmed|denied|urged|recalled|cried|shouted|posted|remarked|reported|reports|"
    "informed|specified|estimated|denounced|assured|acknowledged|argued|pointed out|concluded|"
    # tabloid and translated copy colour the verb: "fumed", "wept", "expressed that"
    "fumed|raged|wept|expressed|vowed|pleaded|cautioned|commented|observed|revealed|recounted|"
    "whispered|gasped|screamed|yelled|shrieked|exclaimed|sighed|joked|conceded|boasted"
)
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her"}
# the pronouns that stand for one person named earlier; "they", "it" and "we" are mostly groups
# ("U.S. officials said ... They said"), so they resolve to no one rather than to the last name
PERSON_PRONOUNS = {"he", "she", "i", "his", "her"}

# words that precede a name but are not part of it
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "president", "minister", "prime", "mayor",
    "colonel", "col", "general", "gen", "chief", "detective", "inspector", "sergeant", "sgt",
    "secretary", "governor", "gov", "senator", "sen", "judge", "king", "queen", "prince", "princess", "premier", "councillor", "councilor", "sheriff", "prosecutor",
    "pope", "chancellor", "commissioner", "director", "chairman", "chairwoman", "spokesman",
    "spokeswoman", "spokesperson", "captain", "capt", "lieutenant", "major", "commander", "officer",
    "ambassador", "deputy", "foreign", "interior", "defence", "defense", "transport", "health",
    "finance", "eyewitness", "witness", "professor", "prof", "rev", "father", "bishop", "sheikh",
    "leader", "head", "union", "opposition", "police", "state", "vice", "acting", "former", "kazakh",
    "russian", "british", "american", "chinese", "french", "german", "un", "economy", "justice",
    "emergency", "emergencies", "labour", "labor", "education", "executive", "managing", "medical",
    # who someone is, capitalised in front of the name: "Grandad Ray Moss", "Farmer Rosa Alba"
    "mum", "mom", "dad", "mother", "grandad", "granddad", "grandma", "grandmother", "grandfather", "gran", "nan",
    "widow", "widower", "pensioner", "student", "teacher", "nurse", "farmer", "fisherman", "shopkeeper",
    "driver", "resident", "neighbour", "neighbor", "survivor", "businessman", "businesswoman", "teenager",
    "schoolboy", "schoolgirl", "tourist", "retiree", "miner", "worker", "volunteer", "passenger",
}
ORG_WORDS = {
    "ministry", "police", "agency", "council", "organization", "organisation", "office", "department",
    "service", "services", "commission", "party", "army", "forces", "force", "bank", "company", "corp",
    "inc", "ltd", "group", "university", "court", "parliament", "government", "union", "alliance",
    "treaty", "committee", "association", "news", "times", "post", "tv", "radio", "television",
    "airways", "airlines", "guard", "institute", "authority", "authorities", "federation", "fund",
    "church", "league", "embassy", "gazette", "herald", "heraldo", "press", "channel", "network", "assembly",
    "senate", "congress", "board", "bureau", "center", "centre", "foundation", "programme", "program",
    "nations", "states", "republic", "kingdom", "club", "team", "ministries", "cabinet", "presidency",
    "palace", "kremlin", "sun", "mail", "telegraph", "guardian", "independent", "express", "reuters",
    "tass", "interfax", "sputnik", "ria", "efe", "afp", "ap", "bbc", "cnn", "iom", "unhcr", "un", "eu",
    "nato", "csto", "who", "unicef", "kazinform", "khabar-24", "lufthansa", "administration",
}
# "Ministry of", "Institute of Allergy and": what follows is the rest of a body's name, not a person
_ORG_OF_BEFORE = re.compile(r"\b(?i:%s)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?$" % "|".join(
    sorted(w for w in ORG_WORDS if w.isalpha() and len(w) > 3)))
def _org_word_after(text: str, end: int) -> bool:
    """'State-run Nile TV', 'Lake Ossery Radio': a capitalised run that a body's word closes."""
    m = re.match(r"\s+([A-Za-z]+)\b", text[end:end + 20])
    if m and m.group(1)[0].isupper() and m.group(1).lower() in ORG_WORDS:
        return True
    # "National Oceanic and Atmospheric Administration": the first half of a body's name
    m = re.match(r"\s+(?:and|&)\s+(?:[A-Z][\w'’-]*\s+){0,3}([A-Z][\w'’-]*)(?!\s+[A-Z])", text[end:end + 80])
    return bool(m and m.group(1).lower() in ORG_WORDS)


# "MacAskill", "McBride", "DeLuca", "O'Neill": a capital inside a surname after its prefix
# A capital further in without such a prefix is a brand ("AlpLink", "TransCo"), not a name: the token
# may not stop in the middle of a word.
_NAME_TOKEN = (r"(?:(?:Mac|Mc|De|Di|La|Le|Van|O['’])?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-žƀ-ɏ'’]+"
               r"(?:-[A-ZĀ-Ž]?[a-zà-öø-ÿā-žƀ-ɏ]+)*(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž])|(?<![A-Za-z])[A-Z]\.)")  # "Ilić", "Łukasz"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:de|da|di|van|von|al|el|bin|le|la|du)\s+)?{_NAME_TOKEN})*")


# a capitalised run between "the" and a lower-case noun modifies that noun
_MODIFIER_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]+\b(?<!\bsaid)(?<!\bsays)(?<!\btold)(?<!\badded)(?<!\bwho)(?<!\band)")


# a rank or office cut short with a full stop ("Rear Adm.", "Gov.", "Lt."): part of the name run that
# follows, so that "Rear Adm" is never taken for a name (the dot is blanked, offsets are kept)
_TITLE_ABBREV = re.compile(r"\b(?:Adm|Gov|Sen|Rep|Lt|Gen|Col|Maj|Capt|Cmdr|Cdr|Sgt|Cpl|Pvt|Brig|Supt|Insp|Det|Atty|Amb|Cllr|Rev|Prof)\.(?=\s+[A-Z])")
_ABBREV_HEADS = {"adm", "gov", "sen", "rep", "lt", "gen", "col", "maj", "capt", "cmdr", "cdr", "sgt", "cpl", "pvt",
                 "brig", "supt", "insp", "det", "atty", "amb", "cllr", "rev", "prof"}


def undot_titles(text: str) -> str:
    """The text with the full stop of a title abbreviation before a name blanked (same length)."""
    return _TITLE_ABBREV.sub(lambda m: m.group()[:-1] + " ", text)


def person_names(text: str) -> list[tuple[int, int, str]]:
    """Spans of likely person names: two or three capitalised tokens after any titles."""
    out = []
    text = undot_titles(text)
    for m in _NAME_RUN.finditer(text):
        toks = m.group().split()
        # drop leading titles ("Transport Minister", "Detective Inspector")
        i = 0
        while i < len(toks) and (toks[i].lower().strip(".") in TITLES or toks[i].lower() in _ABBREV_HEADS
                                 or "-of-" in toks[i].lower()):
            i += 1  # titles and "Mum-of-three"
        # drop leading sentence words ("The", "But") that are capitalised only by position
        while i < len(toks) and toks[i].lower() in _FUNCTION_WORDS:
            i += 1
        # a role word further in ends the role: "Emergency Situations Minister Tomas Vreeland"
        for k in range(len(toks) - 2, i, -1):
            if toks[k].lower().strip(".") in _ROLE_HEADS or toks[k].lower() in _ABBREV_HEADS:
                i = k + 1
                break
        # a sentence word inside the run ends what came before: "Photo Handout By Ana Ruiz"
        for k in range(len(toks) - 2, i - 1, -1):
            if toks[k].lower() in _FUNCTION_WORDS:
                i = k + 1
                break
        end = m.end()
        if toks and re.search(r"['’]s$", toks[-1]):
            toks[-1], end = toks[-1][:-2], end - 2  # "Ana Ruiz's office": the name without the possessive
        name = toks[i:]
        if not (2 <= len(name) <= 4):
            continue
        if any(t.lower().strip(".") in ORG_WORDS or t.lower() in _NOT_NAME for t in name):
            continue
        start = m.start() + len(" ".join(toks[:i])) + (1 if i else 0)
        if _ORG_OF_BEFORE.search(text, 0, start) or _org_word_after(text, end):
            continue  # "the Institute of Allergy and Infectious Diseases": the end of a body's name
        if _MODIFIER_BEFORE.search(text, 0, start) and _NOUN_AFTER.match(text, end):
            continue  # "the Los Angeles district attorney": a place naming a body, no person
        out.append((start, end, " ".join(name)))
    return out


# heads of role phrases: whatever capitalised words come before them belong to the role
_ROLE_HEADS = {
    "minister", "president", "spokesman", "spokeswoman", "spokesperson", "secretary", "mayor", "governor",
    "chairman", "chairwoman", "director", "commissioner", "ambassador", "chancellor", "chief", "general",
    "colonel", "inspector", "commander", "senator", "judge", "leader", "head", "officer", "captain",
}


def _is_role(word: str) -> bool:
    return word.lower() in ROLE_WORDS


def _role_of(text: str, s: int, e: int) -> str | None:
    """The role head a name is introduced with, right before it or in apposition after it."""
    # (a courtesy title between role and name is skipped: "the prefect of Dougal, Mr. Ali Sow")
    m = _ROLE_BEFORE.search(re.sub(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*$", "", text[max(0, s - 60):s]))
    if m and _is_role(m.group("role")):
        return m.group("role").lower()
    m = _ROLE_AFTER.match(text[e:e + 60])
    if m:
        head = re.split(r"\s+(?:of|for|at|in)\s+", m.group("phrase"))[0].split()
        if head and _is_role(head[-1]):
            return head[-1].lower()  # "the town's mayor", "the head of the agency" -> head
    return None


_FUNCTION_WORDS = {
    "the", "a", "an", "but", "and", "in", "on", "at", "of", "for", "to", "by", "as", "after", "before",
    "when", "while", "earlier", "later", "meanwhile", "however", "one", "this", "that", "it", "he",
    "she", "they", "we", "if", "so", "yet", "among", "according", "with", "from", "asked", "with",
    "some", "many", "several", "most", "both", "other", "another",
}
_NOT_NAME = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "new", "year", "day", "eve", "christmas", "live", "updated", "photo", "read", "more",
    "central", "asia", "soviet", "north", "south", "east", "west", "western", "eastern", "northern",
    "southern", "city", "square", "street", "province", "region", "airport", "hospital",
    # streets and places a reporter stands on: "our reporter on Unity Boulevard says"
    "boulevard", "road", "avenue", "lane", "bridge", "quay", "embankment", "highway", "motorway", "station",
}


# the role a name is introduced with: "President Ana Ruiz", "the president, Ana Ruiz,", "Ana Ruiz, the mayor"
_ROLE_BEFORE = re.compile(r"\b(?P<role>[A-Za-z]+)(?:\s+of\s+(?:the\s+)?[\w'’ -]{1,40}?)?,?\s*$")
_ROLE_AFTER = re.compile(r"^,\s*(?:the|a|an)\s+(?P<phrase>[^,.;:“”\"]{1,50})")
# a definite role with no name: "the president", "the town's mayor", "the spokesperson of the OAS"
_BARE_ROLE = re.compile(r"^the\s+(?:[\w'’-]+\s+){0,3}?(?P<role>[a-z]+)(?:\s+(?:of|for|at)\s+.+)?$", re.I)
_EXTRA_ROLES = {"premier", "prosecutor", "coroner", "sheriff", "superintendent", "spokesperson", "chairperson", "prefect"}
# every word that names an office or role a speaker holds
ROLE_WORDS = frozenset(_ROLE_HEADS | _EXTRA_ROLES)
# people named by what they are: "a doctor in the city", "the defence lawyer", "one witness"
_PERSON_NOUNS = (ROLE_WORDS | {t for t in TITLES if len(t) > 4} | {
    "doctor", "lawyer", "attorney", "diplomat", "official", "analyst", "expert", "witness", "source", "man",
    "woman", "boy", "girl", "soldier", "activist", "organiser", "organizer", "correspondent", "reporter",
    "aide", "adviser", "advisor", "engineer", "pilot", "surgeon", "physician", "scientist", "researcher",
    "economist", "historian", "trader", "dealer", "owner", "manager", "paramedic", "firefighter", "rescuer",
    "relative", "friend", "neighbour", "neighbor", "resident", "protester", "protestor", "guard"})


def person_role(spk: str) -> bool:
    """Whether a phrase names one person by what they are ("a doctor in the city", "the defence lawyer")."""
    if not re.match(r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s|[a-z]", spk) or person_names(spk):
        return False
    # the head is the last word before any "of the agency", "in the city", "who ..."
    core = re.split(r"\s+(?:of|for|at|in|from|with|on|who|whose|near|[a-z]+ed)\s+|,", spk)[0].split()
    return len(core) <= 5 and core[-1].lower() in _PERSON_NOUNS and not any(w.lower() in ORG_WORDS for w in core)


def in_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation (more opening than closing curly quotes before it,
    or an odd number of straight ones)."""
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# a capitalised pair right after a preposition of place names a place, not a person
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|nearby|outside|inside|across|around|into|towards|toward|beyond)\s+$", re.I)


_SURNAME = re.compile(r"\b[A-Z][\w'’-]+\b")
# a reporter "has been speaking to the regional fire chief": the one interviewed, named by role, is
# who speaks next (never the reporter)
_INTERVIEWED = re.compile(r"\b(?:speaking|spoken|spoke|talking|talked)\s+(?:to|with)\s+(?:the|a|an)\s+"
                          r"(?P<who>[a-z][\w'’ -]{2,50}?)(?=\s*[,.;]|\s+(?:who|about|at|in|on|this|earlier)\b|\s*$)")


@dataclass
class ArticleContext:
    """People named so far in one article, most recent last, and the roles they came with."""

    people: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # "president" -> "Ana Ruiz"
    # the article's sentences seen so far: "14 men are trapped" after "miners trapped" are those miners
    sentences: list[str] = field(default_factory=list)

    def see(self, text: str) -> None:
        """Note the people a sentence names, in text order, so that the last one named is the
        one a following "he said" means. Names inside quotation marks are skipped (a quoted
        operation, song or slogan, or someone the speaker talks about, is not the speaker), and a
        bare surname of someone already named ("Gaddafi called it ...") names them again."""
        if not self.sentences or self.sentences[-1] != text:
            self.sentences.append(text)
        seen: list[tuple[int, str]] = []
        spans = []
        for s, e, name in person_names(text):
            spans.append((s, e))
            if _PLACE_BEFORE.search(text, max(0, s - 12), s) or in_quotation(text, s):
                continue  # "the community hall at nearby Lower Brisk": a place, never a pronoun's speaker
            seen.append((s, name))
            role = _role_of(text, s, e)
            if role:
                self.roles[role] = name
        for m in _SURNAME.finditer(text):
            if any(s <= m.start() < e for s, e in spans) or in_quotation(text, m.start()):
                continue
            full = next((p for p in reversed(self.people) if p != m.group() and p.split()[-1] == m.group()), None)
            if full:
                seen.append((m.start(), full))
        m = _AGED_FIRST_NAME.match(text)
        if m and not any(s <= m.start("name") < e for s, e in spans) and m.group("name").lower() not in _FUNCTION_WORDS:
            seen.append((m.start("name"), m.group("name")))
        for m in _KIN_SEEN.finditer(text):
            if not any(s <= m.start("name") < e for s, e in spans) and not in_quotation(text, m.start()):
                seen.append((m.start("name"), m.group("name")))  # "Jackson's sister Janet took the stage"
        m = _INTERVIEWED.search(text)
        interviewed = bool(m and not person_names(m.group("who")) and not in_quotation(text, m.start()))
        if interviewed:
            seen.append((m.start("who"), m.group("who")))  # the role is who the next "he says" means
        order = sorted(seen, key=lambda x: x[0])
        if (not interviewed and len(order) > 1 and _SUBJECT_START.match(text[:order[0][0]])
                and not _MEETS.search(text) and not _NAME_AS_MODIFIER.match(text, order[0][0])
                and order[0][1] != order[-1][1]):
            order.append(order[0])  # the sentence's subject, not a person named in its object, is "he" next
        for _, name in order:
            self.note(name)

    def resolve_role(self, phrase: str | None) -> str | None:
        """'the president' -> the person last introduced as president in this article, if any."""
        m = _BARE_ROLE.match((phrase or "").strip(" ,.")) if phrase else None
        return self.roles.get(m.group("role").lower()) if m else None

    def note(self, name: str) -> None:
        if name in self.people:
            self.people.remove(name)
        self.people.append(name)

    def resolve(self, speaker: str | None) -> str | None:
        """'he' -> last named person; 'Kowal' -> 'Ines Kowal' when that name was seen."""
        if not speaker:
            return speaker
        low = speaker.lower()
        if low in PRONOUNS:
            return self.people[-1] if self.people and low in PERSON_PRONOUNS else None
        toks = speaker.split()
        if len(toks) == 1 or (len(toks) == 2 and toks[0].lower().strip(".") in TITLES):
            last = toks[-1]
            for full in reversed(self.people):
                if full.split()[-1] == last and full != last:
                    return full
        return speaker


_WDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)"
_LEAD_ADV = re.compile(
    rf"^(?:(?:and|but|while|so)\s+|(?:on\s+)?{_WDAY}(?:\s+(?:morning|afternoon|evening|night))?(?:\s+in\s+[A-Z][\w ]+?)?\s*,?\s+"
    rf"|(?:overnight|earlier|later|meanwhile|separately|however|asked about [^,]+)\s*,\s*)+", re.I)
# the circumstance of the saying is no part of who said it: "a spokesperson when contacted by the Courier"
_TAIL_WHEN = re.compile(r",?\s+(?:when|while|after|before|upon)\s+(?:being\s+)?(?:[a-z]+(?:ed|ing)|asked|told|"
                        r"reached|shown)\b.*$")
_TAIL_ADV = re.compile(rf"(?:\s+(?:also|too|now|still|early|late|on|again|later|earlier|previously|initially|separately|repeatedly|reportedly|then|(?:on\s+)?{_WDAY}))+\s*$", re.I)


# a sentence that opens on someone named by one name and their age: "Dana, a 34-year-old nurse, said ...",
# "Omar, 19, said": the person a following "she said" means (a place or body is not given an age; at the
# start, so that children listed inside a sentence -- "his sons, Ali, 5, and Sami, 3" -- are not taken)
_AGED_FIRST_NAME = re.compile(r"^\W{0,2}(?P<name>[A-Z][a-zà-öø-ÿ'’-]+),\s+(?:(?:a|an)\s+\d{1,3}-year-old\b|\d{1,3},\s)")


# what may stand before a sentence's subject: nothing, a title or two ("Mr", "Prime Minister"), an opener
_SUBJECT_START = re.compile(r"^\W{0,2}(?:(?:[A-Z][a-z]*\.?|[a-z]+)\s+){0,2}$")


# "X talks to Y", "X met Y": the one met, as much as the subject, may be the next "he"
_MEETS = re.compile(r"\b(?:talk|speak|chat|meet|interview)(?:s|ed|ing)?\s+(?:to|with)\b|\b(?:spoke|met|interviewed)\b")


# "Jackson choreographer Kenny Ortega": a name that modifies a role before another name is no subject
_NAME_AS_MODIFIER = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+[a-z]+(?:er|or|ist|ian|man|woman|ent|ant|ee)\s+[A-Z]")


# relatives, named by a first name after the word: "his mum Lisa", "Ruiz's sister Lena"
_KIN = (r"mum|mom|mother|father|dad|wife|husband|son|daughter|brother|sister|partner|fianc[ée]e?|grandmother|"
        r"grandfather|uncle|aunt|cousin|niece|nephew")
# a relative named by a first name only, as a speaker phrase: "his mum Lisa", "the boy's grandfather Amir"
# (a friend or neighbour too, and the short forms)
_KIN_NAME = re.compile(rf"(?:his|her|their|our|my|the\s+[\w'’-]+['’]s)\s+(?P<role>(?:{_KIN}|friend|neighbour|neighbor|"
                       r"gran|grandson|granddaughter)s?)\s+(?P<name>[A-Z][\w'’-]+)", re.I)


# the same in running text, the kin of someone named too: "Ruiz's sister Lena", "his wife Maria"
_KIN_SEEN = re.compile(rf"(?:\b[A-Z][\w'’-]+['’]s|\b(?:his|her|their))\s+(?:{_KIN})\s+(?P<name>[A-Z][a-zà-ÿ'’-]+)\b(?!\s+[A-Z])")


def split_speaker(phrase: str) -> tuple[str | None, str | None, str | None]:
    """'police spokeswoman Saltanat Azirbek' -> (name, role, organisation).

    Without a person name the whole trimmed phrase is the speaker ("the Interior Ministry").
    """
    phrase = phrase.strip(" ,.;:“”\"'‘’")
    phrase = _LEAD_ADV.sub("", phrase)
    phrase = _TAIL_ADV.sub("", _TAIL_WHEN.sub("", phrase)).strip(" ,")
    if not phrase:
        return None, None, None
    names = person_names(phrase)
    if phrase.lower() in PRONOUNS:
        return phrase, None, None
    if names:
        s, e, name = _appositive(phrase, names) or (names[-1] if len(names) > 1 and names[-1][0] < 3 else names[0])
        rest = (phrase[:s] + " " + phrase[e:]).strip(" ,")
        rest = re.sub(r"\s+", " ", rest)
        rest = re.sub(r",?\s*\d{1,3}\s*,?$", "", rest).strip(" ,")
        role = rest or None
        if role and (_SPEECH_RE.search(role) or ", ," in role or len(role.split()) > 8):
            # "Police chief Arne Falk said he had spoken to the mayor, Lise Holm, who told him": the role is
            # what stands right before the name ("mayor"), not the clause around it
            pieces = [x for x in phrase[:s].split(",") if x.strip()]
            near = re.search(r"\b(?:the|a|an|its|their|his|her)\s+([\w'’ -]{1,40}?)\s*$", pieces[-1]) if pieces else None
            role = near.group(1) if near else None
        org = None
        if role:
            mo = re.search(r"\b(?:for|of|at)\s+(?:the\s+)?(.+)$", role)
            if mo:
                org = mo.group(1)
            else:
                caps = re.findall(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", role)
                org = caps[0] if caps and caps[0].lower() not in TITLES else None
        return name, role, org
    kin = _KIN_NAME.fullmatch(phrase)
    if kin:
        return kin.group("name"), kin.group("role"), None  # "His mum Lisa": Lisa, a relative
    named = _NAMED_BODY.fullmatch(phrase)
    if named:
        return named.group("name"), named.group("role"), named.group("name")  # "the union, RTW": RTW
    single = re.fullmatch(r"(?:(?:Mr|Mrs|Ms|Dr|President|Minister|Mayor)\.?\s+)?([A-Z][\w'’-]+)", phrase)
    if single:
        return single.group(1), None, None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    return phrase, None, None


# a body named in apposition after what it is: "the doctors' union, HMA", "the operator, Raillink"
_NAMED_BODY = re.compile(r"(?:[Tt]he\s+)?(?P<role>[a-z][\w'’ -]{1,40}?),\s*"
                         r"(?P<name>[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*){0,3})")


def _appositive(phrase: str, names: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """'The coordinator of Civil Protection, Ana Ruiz': of several names, the one set off by commas
    (with nothing but titles beside it) is the person; capitalised words in the role are an office."""
    if len(names) < 2 or "," not in phrase:
        return None
    for s, e, name in names:
        left = phrase[:s].rsplit(",", 1)
        right = phrase[e:].split(",", 1)[0]
        if len(left) < 2 or right.strip(" .;:"):
            continue
        if all(w.lower().strip(".") in TITLES for w in left[1].split()):
            return s, e, name
    return None


# counting bodies are sources too: "the ombudsman's office registered 17 people in hospital"
_COUNT_VERBS = "registered|recorded|counted|tallied|logged|documented|put the (?:figure|number|total|toll|death toll|count|tally) at|estimated the (?:figure|number|total|turnout|participation|attendance|crowd) at"
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?(?:data\s+of\s+(?:the\s+)?)?([^,;.“”\"]+)", re.I)
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(?:the\s+)?(.{3,80}?)\s+as\s+saying\b", re.I)
_VERB_AFTER = re.compile(rf"(?:^|[,;:“”\"]\s*|\bthat\s+)([^,;:“”\"]{{2,90}}?)\s+(?:{SPEECH_VERBS}|{_COUNT_VERBS})\b", re.I)
# "..., specified the report." / "..., informed the commission." (translated copy puts the verb first)
_INVERTED = re.compile(r",\s*(?:said|says|reported|reports|told|informed|announced|stated|specified|confirmed|added|"
                       r"indicated|explained|noted|detailed|assured|declared|affirmed|estimated|warned|stressed|"
                       r"claimed)\s+(?!that\b)(?:the\s+)?([^,;.]{3,80})[.]?\s*$", re.I)
# a live blog's time stamp ("13:10 – ") and a parenthetical aside (", for their part,") are not the source
_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*[–—-]\s*")
_ASIDE = re.compile(r",\s*(?:for (?:their|its|his|her|our) part|in turn|meanwhile|however|in a statement|"
                    r"in a separate statement|for now)\s*,", re.I)
_TRIM_TAIL = re.compile(
    r"\s+(?:on|early|late|in|at)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b.*$"
    r"|\s+in\s+a\s+statement.*$|\s+figures$|\s+data$"
    # an adverb before the verb is not part of the source: "Russia's Sputnik news service also reported"
    r"|\s+(?:also|too|separately|later|earlier|previously|initially|first|officially|now|then|had|has|have)$", re.I)
_BAD_SUBJ = re.compile(r"\d|\b(?:were|was|is|are|have|has|had|been|will|would)\b", re.I)


_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# a date phrase opening the subject chunk: "On Wednesday authorities reported ..."
_LEAD_DATE = re.compile(
    rf"^(?:(?:on|early|late|by|in|since|until|overnight|earlier|later)\s+)*"
    rf"(?:(?:{_WDAY}|last\s+night|overnight|tonight|this\s+(?:morning|afternoon|evening))"
    rf"(?:\s+(?:morning|afternoon|evening|night))?|(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?)"
    rf"\s*,?\s+", re.I)
# words that are capitalised only because they open a sentence, and date words: never a source
_NOT_SOURCE = {
    "on", "in", "at", "by", "the", "a", "an", "and", "but", "so", "then", "there", "this", "that", "it",
    "earlier", "later", "meanwhile", "however", "also", "yesterday", "today", "tonight", "overnight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "you", "who", "which", "what",
}


# a measure is no source: "the number of deaths recorded ..." reads its participle as a reporting verb,
# and "per the number of deaths" is worse than no attribution at all
_MEASURE_HEAD = re.compile(
    r"^(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\w'’-]+\s+)?(?:number|share|total|tally|count|majority|minority|"
    r"proportion|percentage|rate|amount|sum|bulk|half|third|quarter|fifth|rest|remainder|dozens|hundreds|"
    r"thousands|millions|scores|figure)s?\s+of\b", re.I)


# "Cases reported this week rose to 40", "Ballots counted overnight showed ...": the -ed word is a
# participle after its noun (the main verb follows), so the noun before it is what was counted, no source
# the main verb of a clause whose subject is a count: "... rose to 40", "... numbered 312", "... was 12"
_COUNT_IS = (r"rose|climbed|reached|stood|showed|gave|numbered|totall?ed|topped|exceeded|fell|dropped|doubled|tripled|"
                r"jumped|increased|decreased|was|were|is|are|remained|amounted|grew|surpassed")
_REDUCED_RELATIVE = re.compile(
    r"\s+(?:(?:by|in|with|since|during|across|so\s+far|overnight|this\s+(?:week|month|year)|last\s+(?:week|month|year))"
    rf"\b(?:(?!\bthat\b)[^,;:.“”\"]){{0,50}}?\s+)?(?:{_COUNT_IS})\b", re.I)


def _participle_subject(text: str, m: re.Match) -> bool:
    verb = text[m.start():m.end()].split()[-1].lower()
    return verb.endswith("ed") and bool(_REDUCED_RELATIVE.match(text, m.end()))


def _clean(src: str) -> str:
    src = src.strip()
    for _ in range(2):  # "Early on Wednesday, ..." peels in two steps
        src = _LEAD_DATE.sub("", src)
    src = _TRIM_TAIL.sub("", src)
    src = re.sub(r"^(?:and|but|while|earlier|later|so far|meanwhile)\s*,?\s+", "", src, flags=re.I)
    src = src.strip(" ,.")
    src = re.sub(r"^The\s+(?=\S)", "the ", src)  # capitalised only by its place: "per the Interior Ministry"
    if src.lower() in _NOT_SOURCE or _MEASURE_HEAD.match(src):
        return ""  # a sentence opener, a date word or a measure is nobody's attribution
    return src


def find_attribution(text: str, ctx: ArticleContext | None = None) -> str | None:
    """Who a sentence's figures come from: 'according to X', 'X quoted Y as saying', 'X said',
    'X registered ...', 'X put the figure at ...'."""
    text = _ASIDE.sub("", _STAMP.sub("", text, count=1))
    m = _QUOTED_AS.search(text)
    if m:
        return _resolve_src(_clean(m.group(1)), ctx)
    m = _ACCORDING.search(text)
    if m:
        return _resolve_src(_clean(m.group(1)), ctx)
    m = _INVERTED.search(text)
    if m and not _BAD_SUBJ.search(m.group(1)) and not re.search(r"\s[a-z]+ed\b", m.group(1)):
        # (", told CNN hundreds of demonstrators marched ...": a clause after the hearer, no source)
        return _resolve_src(_clean(m.group(1)), ctx)
    for m in _VERB_AFTER.finditer(text):
        subj = m.group(1).strip()
        # keep the last clause-like chunk: "... city police department" not "At least 300 people ..."
        subj = _clean(re.split(r"\b(?:that|when|as|after|while|and)\s+", subj)[-1])
        if not subj or _BAD_SUBJ.search(subj) or len(subj.split()) > 9 or re.search(r"\bto$", subj):
            continue  # "I just want to say ...": an infinitive names no source
        if _participle_subject(text, m):
            continue
        return _resolve_src(subj, ctx)
    return None


# a counter named in the passive: "the number of injured recorded by hospitals reached 40", "40 were counted
# by the Red Cross"; what follows "by" is the counter up to a verb, a preposition or a date (an "and" goes on
# only into a name: "the Ministry of Health and Social Affairs")
_COUNTED_BY = re.compile(r"\b(?:recorded|registered|counted|tallied|logged|documented|reported|confirmed|"
                         r"compiled|released|published|estimated)\s+(?:so\s+far\s+|overnight\s+)?by\s+"
                         rf"(?!\d|(?:{_WDAY}|{_MONTHS}|noon|midnight|dawn|dusk|nightfall|then|now|late|early|"
                         r"(?:the\s+)?(?:end|time|morning|afternoon|evening|weekend|night)s?)\b)"
                         r"(?P<src>[^,;:.“”\"()]{2,80})", re.I)
_COUNTER_END = re.compile(
    rf"\s+(?:(?:{_COUNT_IS}|had|has|have|put|on|in|at|since|until|"
    r"till|as|by|to|for|from|with|during|after|before|across|around|near|outside|inside|within|throughout|"
    r"over|under|via|(?:and|or)(?!\s+(?-i:[A-Z]))|who|which|that|so|this|last|early|late|overnight|yesterday|today|"
    rf"{_WDAY})\b|\s+\d).*$", re.I)


_OBJECT_PRONOUNS = {"them", "it", "him", "her", "us", "me", "you", "those", "these"}


def counted_by(text: str, ctx: ArticleContext | None = None) -> tuple[bool, str | None]:
    """Whether a clause names its own counter in the passive ("recorded by hospitals"), and who that is
    (None when the words after "by" name nobody usable): such a clause never borrows another's source."""
    m = _COUNTED_BY.search(text)
    if not m or in_quotation(text, m.start()):
        return False, None
    src = _clean(_COUNTER_END.sub("", m.group("src")))
    if not src or _BAD_SUBJ.search(src) or len(src.split()) > 8 or src.lower() in _OBJECT_PRONOUNS:
        return True, None
    return True, _resolve_src(src, ctx)


def _resolve_src(src: str, ctx: ArticleContext | None) -> str | None:
    if not src:
        return None
    name, role, _org = split_speaker(src)
    if ctx is not None and name and (name.lower() in PRONOUNS or len(name.split()) == 1):
        resolved = ctx.resolve(name)
        if resolved and resolved.lower() not in PRONOUNS:
            return resolved
        if name.lower() in PRONOUNS:
            return None
    if name and role and len(name.split()) >= 2:
        return name
    return src
