"""Word lists that turn "12 police officers were killed" into the key "security forces killed".

Categories group the many ways news names the same kind of people (police, law-enforcement
officers, uniformed personnel...) so figures from different outlets land in one group; events
are canonical verbs (killed, injured, detained...). Keys are ``"<category> <event>"`` with two
special cases: crowds ("crowd size") and durations ("duration hours").
"""

from __future__ import annotations

import re

__all__ = ["CATEGORIES", "EVENTS", "EVENT_RE", "category_of", "quantity_key", "EVENT_NOUNS"]

CATEGORIES: dict[str, list[str]] = {
    "security forces": [
        "police", "police officers", "police officer", "policemen", "policeman", "policewomen",
        "police agents", "officers", "officer", "law enforcement officers", "law-enforcement officers",
        "law enforcement personnel", "law-enforcement personnel", "law enforcement", "security officers",
        "security forces", "security personnel", "security staff", "security guards", "guards",
        "uniformed personnel", "riot police", "gendarmes", "national guardsmen", "border guards",
        "agents", "cops", "police personnel", "officials of the police",
    ],
    "troops": [
        "soldiers", "soldier", "troops", "servicemen", "service members", "military personnel",
        "paratroopers", "peacekeepers", "marines", "reservists", "conscripts", "army personnel",
    ],
    "protesters": ["protesters", "protestors", "protester", "demonstrators", "rioters", "marchers"],
    "attackers": [
        "attackers", "assailants", "militants", "gunmen", "extremists", "insurgents", "terrorists",
        "fighters", "rebels", "bandits", "armed men", "looters", "provocateurs",
    ],
    "civilians": ["civilians", "residents", "bystanders", "villagers", "locals", "inhabitants", "citizens"],
    "people": ["people", "persons", "individuals", "victims", "survivors", "adults", "men", "women", "person"],
    "children": ["children", "kids", "minors", "pupils", "babies", "teenagers", "infants", "schoolchildren", "child"],
    "students": ["students"],
    "workers": [
        "workers", "miners", "employees", "staff", "labourers", "laborers", "fishermen", "crew",
        "crew members", "sailors", "staff members",
    ],
    "journalists": ["journalists", "reporters", "media workers"],
    "migrants": ["migrants", "refugees", "asylum seekers"],
    "passengers": ["passengers", "commuters", "travellers", "travelers"],
    "rescue workers": [
        "firefighters", "rescuers", "rescue workers", "medics", "paramedics", "doctors", "nurses",
        "health workers", "emergency workers",
    ],
    "foreign nationals": ["foreigners", "tourists", "foreign nationals"],
    "prisoners": ["prisoners", "inmates"],
    "hostages": ["hostages"],
    "suspects": ["suspects"],
}

_CAT_LOOKUP = {term: cat for cat, terms in CATEGORIES.items() for term in terms}
_MAX_TERM = max(len(t.split()) for t in _CAT_LOOKUP)

EVENTS: dict[str, list[str]] = {
    "killed": [
        "killed", "killing", "kills", "dead", "died", "die", "deaths", "death toll", "toll",
        "fatalities", "lost their lives", "lost his life", "perished", "liquidated", "eliminated",
        "slain", "drowned", "murdered", "massacred", "lives lost",
    ],
    "injured": ["injured", "injuring", "injures", "wounded", "wounding", "hurt", "injuries", "injury"],
    "hospitalised": ["hospitalised", "hospitalized", "in hospital", "in hospitals", "taken to hospital",
                     "treated in hospital"],
    "detained": [
        "detained", "detaining", "arrested", "arresting", "arrests", "detentions", "held", "in custody",
        "taken into custody", "rounded up", "apprehended", "jailed", "detained",
    ],
    "missing": ["missing", "unaccounted for", "swept away", "disappeared"],
    "evacuated": ["evacuated", "evacuating", "evacuations", "ordered to leave", "moved to safety", "relocated"],
    "displaced": ["displaced", "flee", "fled", "fleeing", "homeless", "forced from their homes",
                  "spent the night", "sheltering"],
    "deployed": ["deployed", "deploying", "sent", "sending", "dispatched", "mobilised", "mobilized",
                 "stationed", "flown in"],
    "rescued": ["rescued", "rescuing", "alive", "ashore", "pulled out"],
    "released": ["released", "freed", "freeing"],
    "trapped": ["trapped"],
    "stranded": ["stranded"],
    "destroyed": ["destroyed", "razed", "burned down", "gutted"],
    "damaged": ["damaged"],
    "charged": ["charged"],
    "crowd": ["protesting", "protested", "took to the streets", "taken to the streets", "rallied",
              "marched", "gathered", "demonstrated", "crowd", "turned out"],
}
_EV_LOOKUP = {p: ev for ev, ps in EVENTS.items() for p in ps}
EVENT_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(_EV_LOOKUP, key=len, reverse=True)) + r")\b", re.I
)
# heads that are themselves the event: "1,147 detentions"
EVENT_NOUNS = {"detentions": "detained", "arrests": "detained", "deaths": "killed", "fatalities": "killed",
               "injuries": "injured", "evacuations": "evacuated"}


def event_of(phrase: str) -> str | None:
    return _EV_LOOKUP.get(phrase.lower())


def category_of(words: list[str]) -> tuple[str | None, int]:
    """Category of a noun phrase by its longest known suffix; (None, 0) when unknown."""
    low = [w.lower().replace("’", "'") for w in words]
    for k in range(min(_MAX_TERM, len(low)), 0, -1):
        cat = _CAT_LOOKUP.get(" ".join(low[-k:]))
        if cat:
            return cat, k
    return None, 0


def quantity_key(category: str, event: str) -> str:
    """'security forces' + 'killed' -> 'security forces killed'; crowds are 'crowd size'."""
    if event == "crowd":
        return "crowd size"
    return f"{category} {event}"
