"""Word lists that turn "12 police officers were killed" into the key "security forces killed".

Categories group the many ways news names the same kind of people (police, law-enforcement
officers, uniformed personnel...) so figures from different outlets land in one group; events
are canonical verbs (killed, injured, detained...). Keys are ``"<category> <event>"`` with two
special cases: crowds ("crowd size") and durations ("duration hours").
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["CATEGORIES", "THING_CATEGORIES", "UNITS_OF_MACHINES", "PERSON_CATEGORIES", "NOT_GROUPS", "EVENTS", "EVENT_RE", "category_of", "quantity_key", "split_key", "EVENT_NOUNS"]

CATEGORIES: dict[str, list[str]] = {
    "security forces": [
        "police", "police officers", "police officer", "policemen", "policeman", "policewomen",
        "police agents", "officers", "officer", "law enforcement officers", "law-enforcement officers",
        "law enforcement personnel", "law-enforcement personnel", "law enforcement", "security officers",
        "security forces", "security personnel", "security staff", "security guards", "guards",
        "uniformed personnel", "riot police", "gendarmes", "national guardsmen", "border guards",
        "agents", "cops", "police personnel", "officials of the police", "prison guards", "wardens", "warders",
        "jailers", "custodians", "troopers", "state troopers",
        # translated copy: "some 300 elements deployed" (Spanish "elementos", French "éléments")
        "elements", "police elements", "security elements",
        # "forces de l'ordre" in translated copy
        "forces of order", "forces of law and order", "law and order forces",
        # police special units ("300 police officers, including special forces units": review5, review7, variety;
        # "special forces soldiers" stay troops by their longer suffix) and translated "guard personnel"
        "special forces", "guard personnel", "personnel of guard",
    ],
    "troops": [
        "soldiers", "soldier", "troops", "servicemen", "servicewomen", "service members", "military personnel",
        "paratroopers", "peacekeepers", "marines", "reservists", "conscripts", "army personnel", "service personnel",
        # translated copy: "400 militaries were dispatched" (French "militaires", Spanish "militares")
        "militaries",
    ],
    "protesters": ["protesters", "protestors", "protester", "demonstrators", "rioters", "marchers"],
    "attackers": [
        "attackers", "assailants", "militants", "gunmen", "extremists", "insurgents", "terrorists",
        "fighters", "rebels", "bandits", "armed men", "looters", "provocateurs",
    ],
    # members of the public named by where they are or what they came for (fans at a match,
    # pilgrims, patients moved out of a hospital) are counted with civilians so outlets agree
    "civilians": [
        "civilians", "residents", "bystanders", "villagers", "locals", "inhabitants", "citizens", "townspeople", "townsfolk",
        "fans", "football fans", "supporters", "spectators", "visitors", "pilgrims", "worshippers",
        "worshipers", "onlookers", "concertgoers",
        "homeowners", "householders", "evacuees", "revellers", "revelers", "partygoers", "clubbers",
        "clubgoers", "churchgoers", "diners",
        "hikers", "climbers", "pedestrians",
        "cyclists", "passers-by", "passersby", "pensioners",
    ],
    # patients, shoppers, campers and skiers are labelled people by most of the sets
    "people": ["people", "persons", "individuals", "victims", "survivors", "adults", "men", "women", "person",
               "patients", "shoppers", "campers", "skiers", "festivalgoers", "festival-goers",
               "man", "woman", "elderly",
               # drivers are mostly motorists; "lorry drivers stranded" are people; bare divers are
               # the ones lost more often than the ones searching (those are "navy divers" etc.)
               "drivers", "motorists", "divers",
               # people on holiday or at the beach, officials and observers are labelled people, not civilians
               "holidaymakers", "holiday-makers", "vacationers", "beachgoers", "swimmers", "bathers", "sunbathers",
               "sunseekers", "sun-seekers", "surfers", "kitesurfers",
               "windsurfers", "kayakers", "paddleboarders", "anglers", "officials",
               "observers", "election observers", "pals", "friends", "relatives", "family members", "guests",
               "colleagues", "neighbours", "neighbors", "day-trippers", "daytrippers", "sightseers",
               "thrill-seekers", "thrillseekers",
               # walkers lost or cragfast on a hill are labelled people (hikers stay civilians)
               "walkers", "ramblers",
               # people on a ride or in a saddle
               "riders", "occupants",
               # people at an event (round 15: review12)
               "attendees", "attendee",
               # parents named as such ("46 mums and newborns were carried to safety": round 16, review15)
               "mothers", "mums", "moms"],
    "children": ["children", "kids", "minors", "pupils", "babies", "teenagers", "infants", "schoolchildren", "child",
                 "youngsters", "girls", "boys", "girl", "boy", "toddlers", "schoolgirls", "schoolboys",
                 # tabloid and family words ("two tots pulled alive", "her two grandkids": review16)
                 "teens", "tots", "grandkids", "grandchildren"],
    "students": ["students", "university students", "college students"],
    "workers": [
        "workers", "miners", "employees", "staff", "labourers", "laborers", "fishermen", "crew",
        "crew members", "sailors", "staff members", "coal miners", "dockers", "dock workers",
        "factory workers", "construction workers", "mine workers", "farmworkers", "teachers", "strikers", "dockworkers",
        "builders", "contractors", "engineers", "technicians", "electricians", "pickets", "panners",
        "gold panners", "artisanal miners", "managers", "supervisors", "foremen",
        # staff of a railway, a car park or a petrol station (round 15: review11, review12)
        "signallers", "attendants", "attendant", "porters", "conductors",
        # kitchen and hotel staff (review6, review12 label them workers)
        "chefs", "cooks", "kitchen staff", "kitchen assistants", "kitchen workers", "waiters", "waitresses",
        # drivers of public transport are at work (lorry drivers in a pile-up are motorists, so people)
        "train drivers", "tram drivers", "bus drivers", "train driver", "bus driver", "tram driver",
        # crew named by their trade at work (round 16: review14)
        "crewmates", "crewmen", "instructors", "ski instructors",
    ],
    "journalists": ["journalists", "reporters", "media workers"],
    "migrants": ["migrants", "refugees", "asylum seekers"],
    "passengers": ["passengers", "commuters", "travellers", "travelers"],
    "rescue workers": [
        "firefighters", "rescuers", "rescue workers", "medics", "paramedics", "medic", "paramedic", "doctors", "nurses",
        "health workers", "emergency workers", "lifeguards", "firemen", "mountain rescuers", "rescue personnel", "volunteers",
        "emergency personnel", "vaccinators", "responders", "first responders", "emergency responders", "health agents", "health personnel", "medical staff", "medical personnel",
        # bare "personnel" are the responders a rescue sends; police and military personnel have their own entries
        "personnel", "rescue officers", "coastguard officers", "coastguards", "fire officers",
        # divers on duty; bare "divers" may be the ones lost
        # translated copy names volunteers on a rescue "helpers" (German "Helfer")
        "helpers", "navy divers", "police divers", "rescue divers", "military divers", "army divers",
        # members of a rescue team sent out ("22 team members took part in the search": review10, review19)
        "team members", "rescue team members", "search team members",
    ],
    # "120 British nationals" are named by the country they are foreign to where they are counted
    "foreign nationals": ["foreigners", "tourists", "foreign nationals", "nationals", "expatriates", "expats",
                          "backpackers"],
    "prisoners": ["prisoners", "inmates", "detainees", "convicts", "fugitives", "escapees", "inmate"],
    "hostages": ["hostages"],
    "suspects": ["suspects"],
    # bare "buildings" and "properties" hit by a quake, flood or fire are labelled homes by most opened sets
    # (round 14 count: buildings 4 sets to 1, properties 2 to 0); named kinds (schools, shops) stay buildings
    "homes": ["homes", "houses", "dwellings", "habitations", "mobile homes", "flats", "apartments", "huts", "buildings", "properties",
              "residential buildings", "apartment buildings", "apartment blocks", "tower blocks", "blocks of flats"],
    # things sent or struck, named as the sets are labelled ("four army helicopters" -> helicopters)
    "buildings": ["structures", "premises", "outbuildings", "schools", "shops", "churches",
                  "mosques", "warehouses", "businesses", "stores", "factories", "offices"],
    "helicopters": ["helicopters", "choppers"],
    "aircraft": ["aircraft", "planes", "airplanes", "aeroplanes", "air tankers", "water bombers",
                 "firefighting aircraft", "drones"],
    # bare "engines" and "appliances" in a count of what was sent are a fire service's
    "fire engines": ["fire engines", "fire appliances", "fire trucks", "engines", "appliances", "fire tenders",
                     "fire vehicles", "firefighting vehicles", "fire-fighting vehicles"],
    "ambulances": ["ambulances"],
    "vehicles": ["vehicles", "cars", "lorries", "trucks", "vans", "buses", "tankers", "water tankers",
                 "snowploughs", "snowplows", "snow ploughs", "snow plows", "gritters", "gritting lorries"],
    # ships and navy ships sent to a search are labelled boats by most opened sets (round 14 count: review8,
    # review9, review10, variety2 to review4, review5); "vessels" stay vessels
    "boats": ["boats", "lifeboats", "dinghies", "tugs", "tugboats", "rafts", "canoes", "speedboats",
              "ships", "warships", "navy ships"],
    "search dogs": ["search dogs", "sniffer dogs", "avalanche dogs", "rescue dogs", "tracker dogs", "search-and-rescue dogs"],
    "vessels": ["vessels"],
}
# translated copy counts machines sent as "units": "48 units of special technique" are vehicles
UNITS_OF_MACHINES = re.compile(r"\s+of\s+(?:(?:special|heavy|fire-?fighting|rescue|emergency)\s+)?"
                               r"(?:technique|technics|equipment|machinery|vehicles)\b", re.I)
# heads that are never the counted group of a claim: parts of a body ("lost two fingers"), cases and
# calls ("3,412 suspected cases"), and places ("the evacuation of eleven villages")
NOT_GROUPS = frozenset({
    # spans of time ("a baby of four months") and military units ("sent two battalions")
    "months", "weeks", "days", "years", "minutes", "seconds", "decades", "battalions", "brigades", "regiments",
    "platoons", "companies", "group", "groups", "things", "thing",  # "two things saved him": no group
    # teams are units of people, counted by their members where it matters ("14 teams of vaccinators")
    "teams", "team", "squads",
    "fingers", "finger", "toes", "toe", "legs", "leg", "arms", "arm", "eyes", "eye", "teeth", "ribs", "hands", "feet",
    "limbs", "cases", "infections", "calls", "incidents", "call-outs", "villages", "towns", "districts",
    "neighbourhoods", "neighborhoods", "areas", "regions", "communities", "provinces", "counties", "streets",
    "municipalities", "localities", "settlements", "hamlets",
    # places people are moved from or to ("the evacuation of two campsites", "moved to two hotels")
    "campsites", "campgrounds", "hotels", "halls",
    # units of measure: "millions of cubic metres of water were released"
    # supplies sent: "sent 40,000 doses of vaccine", "12,000 food parcels"
    "doses", "parcels", "meals", "rations", "sandbags", "blankets", "kits",
    # media and messages ("about 30 video clips were sent", "released four albums"): sent or released, never people
    "clips", "images", "photos", "photographs", "pictures", "videos", "albums", "songs", "singles", "emails",
    "e-mails", "messages", "texts", "tweets",
    "metres", "meters", "litres", "liters", "tonnes", "tons", "gallons", "kilometres", "kilometers", "miles",
})
# categories of things: never borrow or lend a group of people, and may be destroyed or damaged
THING_CATEGORIES = frozenset({"homes", "buildings", "helicopters", "aircraft", "fire engines", "ambulances",
                              "vehicles", "boats", "vessels", "search dogs"})
PERSON_CATEGORIES = frozenset(CATEGORIES) - THING_CATEGORIES


def _singulars(terms: list[str]) -> list[str]:
    """'firefighters' -> 'firefighter': "one firefighter was hurt" counts in the same group."""
    out = []
    for t in terms:
        if t.endswith("men"):
            out.append(t[:-3] + "man")
        elif t.endswith("ies"):
            out.append(t[:-3] + "y")
        elif t.endswith("s") and not t.endswith(("ss", "ics")):
            out.append(t[:-1])
    return [w for w in out if w not in _ADJECTIVE_SINGULARS]


_ADJECTIVE_SINGULARS = {"local", "national", "individual", "official"}


for _cat, _terms in CATEGORIES.items():
    if _cat not in THING_CATEGORIES:
        _terms.extend(w for w in _singulars(_terms) if w not in _terms)

_CAT_LOOKUP = {term: cat for cat, terms in CATEGORIES.items() for term in terms}
_MAX_TERM = max(len(t.split()) for t in _CAT_LOOKUP)

EVENTS: dict[str, list[str]] = {
    "killed": [
        "killed", "killing", "kills", "dead", "died", "die", "deaths", "death toll", "toll",
        "fatalities", "lost their lives", "lost his life", "lost her life", "perished", "liquidated", "eliminated",
        "slain", "drowned", "murdered", "massacred", "lives lost", "deceased", "lost the life", "lost life",
        # translated copy: "three migrants have been found without life"
        "found without life", "found lifeless",
        "claimed the lives of", "claimed the life of", "took the lives of", "cost the lives of",
        "shot dead", "gunned down", "shot and killed", "suffocated", "asphyxiated", "electrocuted",
        "lost their life", "martyred",
        # translated copy: "about twenty terrorists were neutralised"
        "neutralised", "neutralized",
    ],
    "injured": ["injured", "injuring", "injures", "wounded", "wounding", "hurt", "injuries", "injury",
                "treated", "treated for", "light injuries", "minor injuries", "needed treatment",
                "required treatment", "needed medical treatment", "stabbed", "slashed", "shot and wounded",
                "knifed",
                # translated copy: "12 resulted with burns", "30 resulted wounded"
                "resulted injured", "resulted wounded", "resulted with burns", "resulted with injuries"],
    "hospitalised": ["hospitalised", "hospitalized", "in hospital", "in hospitals", "taken to hospital",
                     "treated in hospital", "admitted to hospital", "rushed to hospital",
                     "hospitalisation", "hospitalization", "hospital treatment", "hospital care",
                     "kept in hospital", "still being treated", "still receiving treatment", "under observation",
                     "in surgery", "undergoing surgery", "underwent surgery",
                     # translated copy: "where 17 remain interned"
                     "remain interned", "remains interned", "remained interned", "are interned", "were interned",
                     "under medical observation",
                     # round 15: "Nine of the injured remained on hospital wards", "two cooks ended up on a ward"
                     "on hospital wards", "ended up on a ward", "ended up in hospital"],
    "detained": [
        "detained", "detaining", "arrested", "arresting", "arrests", "detentions", "held", "in custody",
        "taken into custody", "rounded up", "apprehended", "jailed", "detained", "recaptured", "rearrested",
        "captured", "arrest", "detention",
        # translated copy (French "interpellés", Spanish "interpelados"): "19 persons were interpellated"
        "interpellated", "interpelled",
    ],
    "missing": ["missing", "unaccounted for", "fate", "whereabouts", "swept away", "disappeared", "failed to return",
                "not been heard from", "lost at sea"],
    "evacuated": ["evacuated", "evacuating", "evacuations", "ordered to leave", "moved to safety", "relocated",
                  "moved to shelters", "moved to temporary shelters", "moved to emergency shelters",
                  "taken to shelters", "moved to evacuation centres", "moved to evacuation centers",
                  "moved out", "told to leave", "ordered out", "airlifted", "evacuation", "left their homes",
                  "left their houses", "removed from their homes", "removed from areas of risk",
                  "removed from risk areas", "removed from the risk area", "removed from the risk zone",
                  # translated copy: "were removed preventively", "removed from their residences"
                  "removed preventively", "removed as a precaution", "removed from their residences",
                  "removed from their houses", "removed from their dwellings",
                  # round 15: "were asked to leave their homes", "moved to a safe distance"
                  "asked to leave", "moved to a safe distance"],
    "displaced": ["displaced", "flee", "fled", "fleeing", "homeless", "forced from their homes", "evicted",
                  "spent the night", "sheltering", "from their homes", "lost their homes",
                  "without a roof", "without shelter", "sleeping rough", "sleeping in the open",
                  "sleeping outdoors", "without housing", "without homes"],
    "deployed": ["deployed", "deploying", "sent", "sending", "dispatched", "mobilised", "mobilized",
                 "stationed", "flown in", "deployment", "resumed the search", "joined the search",
                 "called to the scene", "called out", "drafted in", "brought in to help",
                 # round 15: a passive call-in of forces ("200 riot police were called in")
                 "were called in", "been called in",
                 # round 16 (review13): "200 police officers have been ordered in"
                 "were ordered in", "been ordered in",
                 # translated copy: "has engaged 420 rescuers", "1,300 firemen are engaged on the fronts" (round 17:
                 # review15, review16, review17); fighting and talks are no deployment (NOT_EVENTS)
                 "engaged"],
    "rescued": ["rescued", "rescuing", "alive", "ashore", "pulled out", "to the surface", "to safety", "saved",
                "save", "plucked", "picked up", "winched", "airlifted to safety", "pulled alive", "pulled out alive",
                "brought out alive", "brought up alive", "dug out alive", "found alive", "lifted off",
                # people lost and then found ("were found safe yesterday"); fishermen "lifted from the vessel" by a
                # helicopter (round 17: review5, review7, review17 label lifts rescued)
                "found safe", "found safe and well", "found unharmed", "lifted from",
                "off rooftops", "off roofs", "from rooftops", "from roofs"],
    "released": ["released", "freed", "freeing", "liberated", "release", "walked free"],
    "trapped": ["trapped"],
    # "the bridge was swept away, cutting off 600 villagers"
    "stranded": ["stranded", "stuck", "cutting off"],
    "destroyed": ["destroyed", "razed", "burned down", "gutted", "flattened", "levelled", "leveled",
                  # headlines speak in the present: "Gas blast flattens two homes"
                  "flattens", "destroys", "razes",
                  "reduced to rubble", "burned to the ground", "burnt to the ground", "collapsed",
                  "burnt", "burned", "burnt out", "burned out", "torched", "set ablaze", "set on fire",
                  "brought down", "buried", "burying", "set fire to"],
    "damaged": ["damaged", "wrecked", "wrecking", "declared unsafe", "condemned", "received damage", "received damages",
                "sustained damage", "suffered damage",
                # homes no one can live in: "43 flats are now uninhabitable"
                "uninhabitable", "declared uninhabitable"],
    # water in homes is damage to them; flooded fields, roads or villages are not a count of losses
    "flooded": ["flooded", "flooding", "inundated", "under water", "underwater"],
    "charged": ["charged"],
    # how many stopped work: "1,800 workers took part in the strike", "joined the walkout"
    "striking": ["joined the strike", "joined the walkout", "took part in the strike", "taken part in the strike",
                 "took part in the walkout", "taken part in the walkout", "joined the stoppage", "went on strike",
                 "gone on strike", "going on strike", "staged a walkout"],
    "crowd": ["protesting", "protested", "took to the streets", "taken to the streets", "rallied",
              "marched", "gathered", "demonstrated", "crowd", "turned out", "assembled", "congregated", "massed",
              "queued", "lined the streets", "lined the route",
              # a crowd named by what it does as one: "200,000 pilgrims converged on the bridge"
              "converged", "converging", "stampeding", "stampeded"],
}


# "surrounding villages" is where people come from, not a cordon
_NO_PROGRESSIVE = {"surrounded"}


def _progressive(word: str) -> str | None:
    """'evacuated' -> 'evacuating', 'trapped' -> 'trapping': the -ing form of a regular participle,
    so the word lists need not spell out every inflection. Short words are irregular too often
    ('fled' is not 'fl-ing')."""
    if " " in word or not word.endswith("ed") or len(word) < 6 or word.endswith("eed") or word in _NO_PROGRESSIVE:
        return None
    return word[:-2] + "ing"


_EV_LOOKUP = {p: ev for ev, ps in EVENTS.items() for p in ps}
for _ev, _ps in EVENTS.items():
    for _p in _ps:
        _ing = _progressive(_p)
        if _ing and _ing not in _EV_LOOKUP:
            _EV_LOOKUP[_ing] = _ev
# heads that are themselves the event: "1,147 detentions"
EVENT_NOUNS = {"detentions": "detained", "arrests": "detained", "deaths": "killed", "fatalities": "killed",
               "injuries": "injured", "evacuations": "evacuated",
               # "12 deaths and 507 hospitalisations"
               "hospitalisations": "hospitalised", "hospitalizations": "hospitalised"}


# flexible event phrases that a word list cannot spell out: "taken to Westbrook General Hospital"
_EV_PATTERNS: list[tuple[str, str]] = [
    # "treated in hospitals in two towns", "taken to the regional burns unit", "taken to Saltley General"
    (r"(?:(?:taken|rushed|transferred|transported|admitted|brought|evacuated|airlifted|flown|helicoptered)\s+to|"
     # "taken by air ambulance to Kellsbridge General" (patients evacuated by ambulance are moved, not admitted)
     r"(?:taken|rushed|brought|flown)\s+by\s+(?:air\s+ambulance|ambulance|helicopter|road|boat)\s+to|"
     r"(?:treated|receiving\s+treatment|being\s+treated)\s+(?:in|at)|"
     # "are being cared for in the intensive care unit", "were checked in hospital", "in a serious condition in
     # the district hospital" (round 16: review13, review14, review15)
     r"(?:cared\s+for|checked|condition)\s+(?:in|at)|"
     # "are still fighting for their lives in hospital"
     r"fighting\s+for\s+(?:their|his|her)\s+li(?:fe|ves)\s+(?:in|at))\s+"
     r"(?:a\s+|the\s+|an\s+)?(?:[\w'-]+\s+){0,3}?(?:hospitals?|Hospital|General\b|clinics?|infirmary|Infirmary|"
     r"(?:burns?|trauma|intensive\s+care|critical\s+care|isolation|treatment)\s+(?:units?|wards?|cent(?:re|er)s?|tents?))",
     "hospitalised"),
    # "moved to schools and mosques on higher ground", "bused to evacuation centres"
    (r"(?:moved|taken|relocated|transferred|bused|bussed|ferried|shifted)\s+to\s+(?:[\w'-]+\s+){0,5}?"
     r"(?:shelters|(?:evacuation|leisure|sports|community|reception|rest)\s+(?:cent(?:re|er)s?|halls?)|higher\s+ground|"
     r"schools?|churches|church|mosques?|gyms?|sports\s+halls?|stadiums?)\b",
     "evacuated"),
    # forces taking part in an operation: "600 agents took part in the raid"
    (r"(?:took\s+part|taking\s+part|participated|participating)\s+in\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,2}?"
     r"(?:operations?|raids?|search(?:es)?|manhunts?|deployments?)\b", "deployed"),
    # forces at their posts: "600 officers were on duty for the match", "300 riot police remain posted along the quay"
    (r"(?<!\bwho\s)(?<!\bthat\s)(?:were|was|are|is|been|will\s+be|would\s+be|remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:still\s+)?(?:on\s+duty|posted(?!\s+(?:online|on\s+(?:social|the\s+internet|"
     r"line|x|twitter|facebook|instagram|tiktok|youtube))))\b", "deployed"),
    # people carried away from danger: "were moved by boat from the beaches"
    (r"(?:moved|ferried|bused|bussed|shuttled)\s+(?:by\s+\w+\s+)?(?:away\s+from|out\s+of|from)", "evacuated"),
    # a night stuck on the way: "spent the night in their cars", "spent Sunday night at the airport"
    (r"spen(?:t|d|ds|ding)\s+(?:the|last|a|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+night\s+(?:in|at|on|aboard|on\s+board)\s+"
     r"(?:their\s+|the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:cars|vehicles|airports?|terminals?|stations?|trains?|buses|coaches|"
     r"planes?|motorways?|roads?|ferry|ferries|ship|vessel|boat)\b", "stranded"),
    # a night away from home: "spent Saturday night in the village hall"
    # (translated copy "passed the night under tents")
    (r"(?:spen(?:t|d|ds|ding)|pass(?:ed|es|ing)?)\s+(?:the|last|a|another|(?:a\s+)?(?:second|third|fourth|fifth)|"
     r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+night"
     # a night without power or air conditioning is spent at home
     r"(?!\s+without\s+(?:power|electricity|air\s+conditioning|heating|running\s+water|water|gas|light))", "displaced"),
    # "suffered smoke inhalation", "sustained serious burns"
    (r"(?:suffer(?:ed|ing|s)?|sustain(?:ed|ing|s)?|escaped\s+with|got\s+away\s+with|received)\s+(?:[\w'-]+\s+){0,2}?"
     r"(?:injuries|injury|burns|wounds|traumas?|"
     r"fractures|smoke\s+inhalation|concussions?|cuts|bruises|gunshot\s+wounds|sprain(?:s|ed\s+\w+)|"
     r"(?:broken|fractured)\s+(?:bones?|legs?|arms?|ribs?|wrists?|ankles?|noses?|hips?|collarbones?|jaws?))\b", "injured"),
    # people put up away from home: "moved into temporary accommodation", "rehoused in hotels"
    (r"(?:moved|put|placed|rehoused|housed|taken)\s+(?:in|into|to)\s+(?:[\w'-]+\s+){0,2}?(?:(?:temporary|emergency)\s+"
     r"(?:accommodation|housing|shelters?|homes)|hotels|hostels|guesthouses)\b", "displaced"),
    # passengers leaving a ship on fire or sinking: "300 holidaymakers scrambled into lifeboats", "took to the lifeboats"
    (r"(?:scrambled|clambered|climbed|piled|crowded|fled|jumped|got)\s+(?:in)?to\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
     r"(?:lifeboats|life\s+rafts|liferafts|life-rafts)\b|took\s+to\s+the\s+(?:lifeboats|life\s*rafts)\b|abandoned\s+ship\b",
     "evacuated"),
    # people fleeing to safe places: "forcing 40,000 to flee to shelters" (like "moved to shelters": evacuated)
    (r"(?:flee|fled|fleeing|flees)\s+to\s+(?:[\w'-]+\s+){0,3}?(?:shelters|evacuation\s+cent(?:re|er)s?|higher\s+ground)\b",
     "evacuated"),
    # a collapse with a named condition is an injury: "40 sunbathers collapsed with heatstroke" (review17); a bare
    # "collapsed in the heat" stays no claim (round 3)
    (r"collapsed\s+(?:with|from)\s+(?:heatstroke|heat\s+stroke|heat\s+exhaustion|exhaustion|dehydration|"
     r"smoke\s+inhalation)\b", "injured"),
    # "pulled from the rubble alive", "pulled out of the water"
    (r"pulled\s+(?:alive\s+)?(?:from|out\s+of)\s+(?:the\s+)?(?:rubble|wreckage|debris|water|sea|river|mud|ruins|"
     r"collapsed\s+\w+|burning\s+\w+|flood\s*waters?|rough\s+seas?)\b", "rescued"),
    # forces given to an incident: "900 firefighters are assigned to the blaze"
    (r"assigned\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:fires?|blazes?|wildfires?|search|operation|incident|scene|"
     r"rescue|response|clean-?up)\b", "deployed"),
    # "were led out safely", "led along the track to safety": taken out of danger on foot
    (r"led\s+out\s+(?:safely|unharmed|unhurt|through|of|onto|into|to)|led\s+(?:[\w'’-]+\s+){0,4}?to\s+safety", "evacuated"),
    # tabloid and eyewitness arrests: "were nicked at the scene", "led away in handcuffs"
    (r"(?:were|was|been|being|got)\s+nicked\b|led\s+away\s+in\s+handcuffs|"
     # a headline drops the verb "were": "41 fans nicked as thugs run riot" (not "nicked a car")
     r"nicked(?=\s+(?:as|after|at|in|for|over|during|following|outside|near)\b|\s*[.,;:]|\s*$)", "detained"),
    # "dragged three people from the rubble", "brought back to shore"
    (r"(?:dragged|hauled)\s+(?:alive\s+)?(?:from|out\s+of)\s+(?:the\s+)?(?:rubble|wreckage|debris|water|sea|river|mud|"
     r"ruins|flames|burning\s+\w+|collapsed\s+\w+)\b|brought\s+back\s+(?:to\s+(?:the\s+)?(?:shore|land|safety|surface)|ashore)",
     "rescued"),
    # evacuation orders that name people: "evacuation orders now cover 9,500 residents"
    (r"evacuation\s+orders?\s+(?:now\s+)?(?:cover(?:s|ed|ing)?|appl(?:y|ies|ied)\s+to|affect(?:s|ed)?)", "evacuated"),
    # a quake or storm that flattens buildings: "bringing down several buildings"
    (r"bringing\s+down", "destroyed"),
    # hostages set free: "walked out of the bank unharmed"
    (r"walked\s+out(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?)?\s*(?:unharmed|unhurt|uninjured|safely|free|"
     r"with\s+their\s+hands\s+(?:raised|up|in\s+the\s+air|on\s+their\s+heads))\b", "released"),
    # people put up by family: "are staying with relatives", "sleeping at friends' houses"
    (r"(?:staying|living|sleeping|sheltering)\s+with\s+(?:relatives|friends|family|families|neighbours|neighbors)\b",
     "displaced"),
    # water in homes: "412 homes were affected by the floodwaters" (damage to homes only, see "flooded")
    (r"affected\s+by\s+(?:the\s+)?(?:flood\s*waters?|floods?|flooding|waters?|water|inundations?)\b", "flooded"),
    # a crowd named by where it stood: "in front of 41,000 spectators", "rammed with 14,500 people"
    (r"in\s+front\s+of\s+(?:a\s+(?:crowd|capacity\s+crowd|sell-out\s+crowd)\s+of\s+)?(?=(?:an\s+estimated\s+|some\s+|about\s+|"
     r"around\s+|more\s+than\s+|nearly\s+|almost\s+|over\s+)?\d)|"
     r"(?:rammed|packed|crammed|filled|heaving)\s+with(?=\s+(?:an\s+estimated\s+|some\s+|about\s+|around\s+|more\s+than\s+|"
     r"nearly\s+|almost\s+|over\s+)?\d)", "crowd"),
    # "were freed by the fire service": a rescue by responders, not a release from captivity
    (r"freed\s+by\s+(?:the\s+)?(?:fire\s+(?:service|brigade|crews?|fighters)|firefighters|firemen|rescuers|"
     r"rescue\s+(?:teams?|workers|crews?)|emergency\s+services|coastguards?|lifeboat\s+crews?)\b", "rescued"),
    # translated copy: "8 persons were attended for respiratory problems"; patients "brought in with injuries"
    (r"(?:were|was|been|being)\s+attended\s+(?:to\s+)?(?:for|by\s+(?:paramedics|medics|doctors|ambulance\s+crews))\b", "injured"),
    (r"(?:were|was|been|being)\s+brought\s+in\s+(?:with|suffering\s+from)\s+(?:[\w'’-]+\s+){0,2}?(?:injuries|wounds|burns)\b",
     "hospitalised"),
    # "were freed from the wreckage": a rescue, not a release from captivity
    (r"freed\s+(?:alive\s+)?from\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:rubble|wreckage|debris|ruins|mud|snow|rocks|cars?|"
     r"vehicles?|carriages?|bus|buses|trains?|lifts?|mines?|caves?)\b", "rescued"),
    # still in hospital: "remained at Carnford Royal Infirmary"
    (r"(?:remain(?:s|ed)?|stay(?:s|ed)?|(?:were|was|are|is)\s+still)\s+(?:still\s+)?(?:at|in)\s+(?:[\w'-]+\s+){0,3}?"
     r"(?:hospitals?|Hospital|Infirmary|General|"
     r"infirmary|clinics?)\b", "hospitalised"),
    # "About 600 patients are currently in treatment centres" (an outbreak's clinics)
    (r"(?:are|were|is|was)\s+(?:currently\s+|now\s+|still\s+|at\s+present\s+)?(?:in|taken\s+in\s+charge\s+in)\s+"
     r"(?:the\s+)?(?:treatment|isolation|cholera|ebola)\s+cent(?:re|er)s?|(?:are|were|is|was)\s+(?:currently\s+|now\s+|still\s+|"
     r"at\s+present\s+)?(?:taken\s+in\s+charge\s+)?in\s+the\s+cent(?:re|er)s\s+of\s+treatment", "hospitalised"),
    # "four were still in intensive care" (not "ventilated in the intensive care unit")
    (r"in\s+(?:intensive|critical)\s+care\b(?!\s+units?)", "hospitalised"),
    # any manner of dying: "crushed to death", "burnt to death", "beaten to death"
    (r"[a-z]+(?:ed|en|t)\s+to\s+death", "killed"),
    # a passive admission is a hospital's ("27 people have been admitted"); "admitted two counts" is not
    (r"(?:been|were|was|being)\s+admitted\b(?!\s+(?:that|to\s+(?:the\s+)?(?:country|school|university|bar|college)))",
     "hospitalised"),
    # people put up away from home: "living in tents", "sleeping in schools and sports halls"
    (r"(?:living|sleeping|staying|sheltering|housed|camping|lodged|lodging|accommodated|put\s+up)\s+(?:in|at)\s+(?:[\w'-]+\s+){0,3}?"
     r"(?:tents|shelters|schools|camps|sports\s+halls|halls|gyms|gymnasiums|churches|mosques|"
     r"(?:evacuation|community|relief)\s+cent(?:re|er)s|temporary\s+accommodation)\b", "displaced"),
    # people present at a venue: "22,000 people were on the festival site", "were inside the stadium"
    (r"(?:were|was)\s+inside(?=\s*[,;.])|(?:were|was)\s+watching\s+(?:the\s+)?(?:stage|band|show|concert|match|game|"
     r"parade|fireworks|procession|race)\b|"
     r"(?:were|was)\s+(?:inside|in|at|on|outside)\s+(?:the\s+)?(?:stadium|arena|venue|festival\s+(?:site|grounds?)|"
     r"showground|fan\s+zone|club|nightclub|bar|pub|theatre|theater|cinema|concert\s+hall)\b|(?:were|was)\s+inside\s+the\s+ground\b|"
     # a named venue: "were inside the Neon Palace club"
     r"(?:were|was)\s+(?:inside|in|at)\s+the\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:stadium|arena|club|nightclub|bar|pub|theatre|theater|"
     r"cinema|concert\s+hall)\b|"
     # present for a public event: "90,000 people were on the seafront for the fireworks"
     r"(?:were|was)\s+(?:in|on|at)\s+(?:the\s+)?(?!duty\b|standby\b|patrol\b|guard\b)(?:[\w'’-]+\s+){1,3}?for\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
     r"(?:fireworks|festival|concert|parade|carnival|celebrations?|procession|pilgrimage|ceremony|match|final)\b",
     "crowd"),
    # "took part in the blockade", "participated in Sunday's march" (a strike is not a crowd)
    (r"(?:took\s+part|taking\s+part|participated|participating)\s+in\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?"
     r"(?:protests?|rall(?:y|ies)|march(?:es)?|demonstrations?|blockades?|sit-ins?|vigils?|processions?|"
     r"mobili[sz]ations?)\b", "crowd"),
    # "around 300 people were involved in the disorder"
    (r"involved\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,1}?(?:disorder|clash(?:es)?|riots?|violence|protests?|march(?:es)?|"
     r"demonstrations?|brawl|fighting|unrest)\b", "crowd"),
    # "were packed inside the venue"
    (r"(?:packed|crammed|squeezed|crowded)\s+(?:inside|into|onto|in|on)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,1}?"
     r"(?:venue|stadium|arena|hall|club|square|balcony|ground|church|mosque|streets?|terraces?|tent|house|flat|bar|pub|"
     r"nightclub|lounge|room|basement|resort|seafront|beach|town\s+cent(?:re|er)|park)\b", "crowd"),
    # a crowd that fills a public place: "20,000 people filled the main square", "flocked to the beach"
    (r"(?:filled|thronged|jammed|crowded)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:square|streets|stadium|arena|venue|park|"
     r"beach|beaches|seafront|promenade|route|avenues?|boulevards?|piazza|plaza)\b|"
     r"(?:flocked|poured|streamed)\s+(?:in)?to\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:square|streets|stadium|arena|venue|"
     r"park|beach|beaches|coast|seafront|promenade|resort|plaza|piazza|festival|concert|rally)\b|"
     r"held\s+(?:a\s+)?(?:[\w'’-]+\s+)?(?:vigil|rally|march|demonstration|protest|sit-in|picket)\b", "crowd"),
    # "joined marches across the country", "joined the protests"
    (r"joined\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’]+\s+)?(?:march(?:es)?|protests?|rall(?:y|ies)|demonstrations?|vigils?|"
     r"processions?|pickets?)", "crowd"),  # a strike is not a crowd
    # vehicles caught up in a crash are damaged ones: "34 vehicles were involved in a pile-up"
    (r"involved\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:pile-?ups?|crash(?:es)?|collisions?|smash(?:es)?|"
     r"accidents?)\b", "damaged"),
    # "took part in a 24-hour walkout", "joined Monday's strike"
    (r"(?:took|taken|taking)\s+part\s+in\s+(?:a|the|an|this|last|\w+'s)\s+(?:[\w'’-]+\s+){0,2}?(?:strike|walkout|stoppage)s?\b|"
     r"joined\s+(?:a|the|an|this|\w+'s)\s+(?:[\w'’-]+\s+){0,2}?(?:strike|walkout|stoppage)s?\b|"
     # translated copy: "adhered this Tuesday to the national strike"
     r"adhered\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:strike|walkout|stoppage)s?\b|"
     # "4,000 miners initiated this Tuesday an indefinite strike", "2,300 workers entered in strike" (round 16:
     # review13, review14; a hunger strike is no walkout)
     r"(?:initiated|launched|entered(?:\s+in(?:to)?)?)\s+(?:(?:this|last|on)\s+\w+\s+)?(?!(?:an?\s+|the\s+|their\s+)?hunger\b)"
     r"(?:an?\s+|the\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:strike|walkout|stoppage)s?\b", "striking"),
    # responders at work on a site: "240 persons are engaged at the site"
    (r"(?:are|were|is|was|been)\s+engaged\s+(?:at|in|on)\s+(?:the\s+)?(?:site|scene|search|operation|rescue|"
     r"liquidation|clean-?up|works?)\b", "deployed"),
    # "around 28,000 people attended on Saturday"
    (r"attended(?=\s+(?:on\s+\w+day|yesterday|today|over\s+the|during|in\s+total|each\s+day))", "crowd"),
    # people at a public gathering; not delegates at a meeting or pupils at a school
    (r"attend(?:ed|ing|s)?\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}?(?:funerals?|rall(?:y|ies)|vigils?|concerts?|"
     r"memorials?|ceremon(?:y|ies)|processions?|festivals?|protests?|demonstrations?|marches|march|parades?|mass|"
     r"events?|matche?s?|games?|finals?)\b", "crowd"),
    # people moved out of harm's way: "were moved to a hotel", "carried out of the building", "carried to safety"
    # (round 16: review, review4, review11, review12, review13, review14, review15 label these evacuated; prisoners
    # moved to other jails and people taken to hospital are not)
    (r"(?:moved|brought|taken|led|carried|bussed|ferried|escorted|relocated)\s+(?:"
     r"out\s+of\s+(?:the\s+|their\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:building|buildings|hospital|wards?|school|hotel|"
     r"cent(?:re|er)|block|tower|homes?|nightclub|club|venue|stadium|arena|station|terminal)\b|"
     r"to\s+(?:safety|a\s+safe\s+distance)\b|to\s+(?:other|nearby|neighbouring|neighboring)\s+hospitals\b|"
     r"to\s+(?:a\s+|an\s+|the\s+|two\s+|several\s+)?(?:[\w'’-]+\s+){0,3}?(?:shelters?|rest\s+cent(?:re|er)s?|"
     r"evacuation\s+cent(?:re|er)s?|reception\s+cent(?:re|er)s?|hotels?|leisure\s+cent(?:re|er)s?|sports\s+halls?|"
     r"village\s+halls?|church\s+halls?|community\s+cent(?:re|er)s?|gyms?|schools?)\b)", "evacuated"),
    # "all five hostages are now free" (round 16: review13); not "free to go", "free of charge"
    (r"(?:are|were)\s+(?:now\s+|all\s+|safely\s+)?free\b(?!\s+(?:to|of|from|for|and)\b)", "released"),
    # translated copy: "300 vehicles remained blocked in the tunnel" (people blocked inside are trapped: claims.py)
    (r"(?:remain(?:s|ed)?|were|are)\s+(?:still\s+)?blocked\b(?!\s+by)", "stranded"),
    # "a vigil attended by some 5,000 people" (round 16: review15)
    (r"(?:rall(?:y|ies)|vigils?|march(?:es)?|protests?|demonstrations?|funerals?|concerts?|memorials?|ceremon(?:y|ies)|"
     r"processions?|parades?)\s+(?:[\w'’-]+\s+){0,2}?attended\s+by", "crowd"),
    # a crowd at an event, not an audience at home
    (r"watched\s+(?:the\s+)?(?:match|game|final|race|parade|procession|fireworks)\b(?!\s+(?:on|at\s+home|online|live))",
     "crowd"),
]
_EV_PATTERN_RES = [(re.compile(p, re.I), ev) for p, ev in _EV_PATTERNS]
# phrases that contain an event word but are not that event ("sent home" is not a deployment)
NOT_EVENTS = {"sent home", "held talks", "held a", "held on", "treated as", "treated with", "save for",
              "crowd crush", "crowd surge", "crowd control", "crowd disaster", "crowd safety", "crowd trouble",
              "dead end", "deadline", "hurt feelings", "engaged in talks", "engaged in negotiations", "engaged in fighting",
              "engaged in clashes", "engaged in combat", "engaged in battle", "engaged in a", "engaged to"}
# flexible patterns first, then non-events, then word-list phrases longest first, so the
# longest reading at a position wins ("treated in hospital" over "treated", "sent home" over "sent")
EVENT_RE = re.compile(
    r"\b(" + "|".join([p for p, _ in _EV_PATTERNS]
                      + [re.escape(p) for p in sorted(NOT_EVENTS | set(_EV_LOOKUP), key=len, reverse=True)])
    + r")\b", re.I
)


@lru_cache(maxsize=8192)
def event_of(phrase: str) -> str | None:
    low = phrase.lower()
    if low in NOT_EVENTS:
        return None
    ev = _EV_LOOKUP.get(low)
    if ev is None:
        for rx, e in _EV_PATTERN_RES:
            if rx.fullmatch(phrase):
                return e
    return ev


def category_of(words: list[str]) -> tuple[str | None, int]:
    """Category of a noun phrase by its longest known suffix; (None, 0) when unknown.

    When no suffix is known the phrase may carry a post-modifier after its head ("people living
    near the plant", "journalists covering the protest"): then the longest known opening counts.
    """
    low = [w.lower().replace("’", "'") for w in words]
    for k in range(min(_MAX_TERM, len(low)), 0, -1):
        cat = _CAT_LOOKUP.get(" ".join(low[-k:]))
        if cat:
            return cat, k
    for k in range(min(_MAX_TERM, len(low) - 1), 0, -1):
        cat = _CAT_LOOKUP.get(" ".join(low[:k]))
        # only a participle opens a post-modifier; "people smugglers" is a compound, not people
        if cat and (low[k].endswith(("ing", "ed")) or low[k] in _POSTMOD_VERBS):
            return cat, k
    return None, 0


_POSTMOD_VERBS = {"cut", "caught", "left", "stuck", "hit", "swept", "shot", "taken", "held", "seen", "who"}


def quantity_key(category: str, event: str) -> str:
    """'security forces' + 'killed' -> 'security forces killed'; crowds are 'crowd size'."""
    if event == "crowd":
        return "crowd size"
    return f"{category} {event}"


def split_key(quantity: str) -> tuple[str, str]:
    """The inverse: ('people', 'killed') from 'people killed'; crowds and durations are their
    own events ('crowd size' -> ('crowd', 'crowd'), 'duration hours' -> ('duration', 'hours'))."""
    if quantity == "crowd size":
        return "crowd", "crowd"
    cat, _, ev = quantity.rpartition(" ")
    return cat, ev
