"""Word lists the actor rules read: titles and roles, role nouns, organisation heads, words that
are never names, and the acronyms that name things rather than actors."""

from __future__ import annotations

import re

from .. import lexicon

# A wire dateline opening a paragraph: `WASHINGTON (AP) —`, `BEIJING, May 14 (Reuters) -`,
# `RAFAH, Gaza Strip (AP) —`, `DES MOINES, Iowa —`; and as news sites print them, a place in
# title case with the outlet's initials or a wire in brackets: `Washington CNN —`,
# `Washington (AFP) -`.
DATELINE = re.compile(r"^(?:[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+)*"
                      r"(?:,[^()\u201c\"\u2014\u2013]{1,40}?)?"
                      r"\s*(?:\([^()]{1,30}\))?"
                      r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?:\s+[A-Z]{2,5}|\s*\([A-Z][A-Za-z.]{1,15}\)))"
                      r"\s*[\u2014\u2013-]+\s")


def blank_dateline(text: str) -> str:
    """Return `text` with an opening dateline blanked, offsets kept: the place it names is
    where the reporter filed from, and the dash after it does not join the next name to it."""
    return DATELINE.sub(lambda m: " " * len(m.group()), text, count=1)

# A nickname in quotation marks between a first name and a surname: `Robert “Bobby” Fenwick
# III`, `James "Whitey" Bulger`.
_QUOTED_NICKNAME = re.compile(r"\b([A-Z][a-z][\w'-]*) ([\u201c\"][A-Z][\w.\u2019'-]*"
                              r"(?: [A-Z][\w.\u2019'-]*)?[\u201d\"]) (?=[A-Z][a-z])")


def blank_nicknames(text: str) -> str:
    """Return `text` with quoted nicknames inside a name blanked, offsets kept: the name around
    them is one person's (`Robert “Bobby” Fenwick III` is `Robert Fenwick III`)."""
    if "\u201c" not in text and '"' not in text:
        return text  # no quotation mark, no nickname: every paragraph is asked, few hold one
    return _QUOTED_NICKNAME.sub(lambda m: f"{m.group(1)} {' ' * len(m.group(2))}", text)


# A party tag naming a council or legislative district instead of a state, as local papers write
# it: `Councilwoman Keisha Danforth, D-5th District,`, `(R-District 7)`. Neither a person nor a
# place, and the words before it are the name.
DISTRICT_TAG = (r"[DRI][-\u2013](?:\d{1,3}(?:st|nd|rd|th)\s+(?:District|Ward)"
                r"|(?:District|Ward)\s+\d{1,3})")
_DISTRICT_TAG_BETWEEN = re.compile(rf"(?<=,)\s*{DISTRICT_TAG}(?=,)|\s*\({DISTRICT_TAG}\)")


def blank_district_tags(text: str) -> str:
    """Return `text` with district party tags (`, D-5th District,`) blanked, offsets kept."""
    if "District" not in text and "Ward" not in text:
        return text  # every tag names one (the scan's look-behind is tried at each character)
    return _DISTRICT_TAG_BETWEEN.sub(lambda m: " " * len(m.group()), text)


# Capitalised words that start titles or roles (`Prime Minister`, `Army Commander-in-Chief`).
ROLE_WORDS = frozenset([
    "president", "vice", "prime", "minister", "ministers", "premier", "chancellor", "king", "queen",
    "prince", "princess", "emir", "sheikh", "sultan", "shah", "crown", "ambassador", "envoy",
    "consul", "secretary", "secretary-general", "general", "director", "director-general",
    "chairman", "chairwoman", "chairperson", "chair", "chief", "commander", "commander-in-chief",
    "governor", "senator", "congressman", "congresswoman", "mayor", "judge", "justice",
    "commissioner", "spokesman", "spokeswoman", "spokesperson", "head", "leader", "lieutenant",
    "colonel", "major", "captain", "admiral", "marshal", "brigadier", "sergeant", "deputy",
    "undersecretary", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "lord", "lady",
    "dame", "pope", "cardinal", "bishop", "archbishop", "imam", "ayatollah", "mufti", "speaker",
    "representative", "attorney-general", "treasurer", "ceo", "founder", "president-elect",
    "foreign", "defence", "defense", "interior", "finance", "planning", "trade", "commerce",
    "information", "army", "naval", "navy", "chief-of-staff"
])
# Words that can only be part of a role, never the person's name.
TITLE_HEADS = frozenset([
    "president", "premier", "chancellor", "king", "queen", "prince", "princess", "emir", "sheikh",
    "sultan", "shah", "ambassador", "envoy", "consul", "secretary", "secretary-general", "general",
    "director", "director-general", "chairman", "chairwoman", "chairperson", "chair", "chief",
    "commander", "commander-in-chief", "governor", "senator", "congressman", "congresswoman",
    "mayor", "judge", "justice", "commissioner", "spokesman", "spokeswoman", "spokesperson", "head",
    "leader", "lieutenant", "colonel", "major", "captain", "admiral", "marshal", "brigadier",
    "sergeant", "deputy", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "lord",
    "lady", "dame", "pope", "cardinal", "bishop", "archbishop", "imam", "ayatollah", "mufti",
    "speaker", "representative", "minister", "attorney-general", "treasurer", "ceo", "founder",
    "president-elect"
])
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
# Abbreviated ranks and honorifics (`Col.`, `Sen.`, `Lt.`) head a title like the words they stand
# for; `St.`, `Jr.` and `Sr.` are parts of names.
TITLE_HEADS = TITLE_HEADS | (frozenset(lexicon.HONORIFICS) - {"st", "jr", "sr"}) | {
    "mp", "mep", "attorney", "executive", "administrator", "coach", "manager", "officer",
    "employee", "principal", "superintendent", "dean", "provost", "headteacher", "rector",
    # Local offices (`Cochise County Sheriff Thaddeus Brannigan`) and the occupations written
    # capitalised before a name opening a sentence (`Singer Ally Brooke said`).
    "sheriff", "alderman", "alderwoman", "assemblyman", "assemblywoman", "assemblymember",
    "tem", "tempore", "undersheriff", "councilmember", "member", "assessor", "auditor",
    "comptroller", "coroner", "corporal", "councillor", "councilman", "councilwoman",
    "detective", "inspector", "prosecutor", "registrar", "clerk", "chaplain", "pastor", "rabbi",
    "reverend", "actor", "actress", "comedian", "musician", "podcaster", "rapper", "singer",
    "rancher", "farmer", "supervisor", "councilor", "selectman", "selectwoman", "selectperson",
    "freeholder", "trustee", "regent", "controller", "magistrate", "ombudsman", "counsel",
    # A party's vote counter in a chamber (`House Minority Whip Imani Sotherland`).
    "whip",
    # Job titles a body capitalises (`Regional Transit Coordinator X`; `titles.tsv` too).
    "educator", "coordinator", "specialist", "liaison", "planner", "engineer",
    # A union's or a religious order's form of address (`Brother Whitlock`, `Sister
    # Abernathy-Cole`, `Father Okafor`).
    "brother", "sister", "father"}
# Lower-case nouns that describe a person (`a Moscow-based political analyst and writer`).
ROLE_NOUNS = frozenset([
    "analyst", "analysts", "writer", "writers", "journalist", "journalists", "author", "scholar",
    "professor", "lecturer", "researcher", "economist", "expert", "experts", "diplomat",
    "diplomats", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister",
    "president", "adviser", "advisor", "advisers", "advisors", "director", "chairman", "chairwoman",
    "chief", "commander", "general", "ambassador", "envoy", "editor", "correspondent", "columnist",
    "commentator", "historian", "strategist", "politician", "lawmaker", "senator", "governor",
    "mayor", "activist", "lawyer", "founder", "executive", "head", "leader", "secretary", "officer",
    "fellow", "student", "teacher", "doctor", "engineer", "scientist", "member", "representative",
    "negotiator", "observer", "consultant", "economist", "mp", "candidate", "nominee",
    "challenger", "incumbent", "investor", "entrepreneur", "philanthropist"
])
# Capitalised words that end an organisation's name.
TRADE_ENDINGS = frozenset({"productions", "strategies", "solutions", "consulting", "associates",
                           "ventures", "enterprises", "homes", "builders", "properties",
                           "advisors", "advisers", "therapeutics", "biologics", "biosciences",
                           "genomics", "diagnostics", "robotics", "logistics", "aerospace",
                           "analytics", "semiconductor", "semiconductors", "electronics"})
"""Last words of a firm's name that say its trade (`Dick Clark Productions`, `Haverford
Homes`): an organisation's head, and a company's ending (`cues.CORPORATE_ENDINGS`)."""
ORG_HEADS = frozenset([
    "organization", "organisation", "council", "chamber", "group", "ministry", "bank", "fund",
    "agency", "association", "institute", "institution", "university", "college", "school",
    "commission", "committee", "party", "corporation", "company", "co", "inc", "ltd", "plc",
    "forum", "alliance", "assembly", "parliament", "senate", "congress", "court", "office",
    "department", "bureau", "service", "services", "foundation", "centre", "center", "authority",
    "board", "federation", "league", "movement", "front", "network", "society", "trust", "union",
    "army", "navy", "police", "guard", "guards", "embassy", "consulate", "secretariat", "cabinet",
    "programme", "program", "initiative", "coalition", "club", "times", "post", "tribune", "herald",
    "journal", "gazette", "magazine", "review", "news", "express", "telegraph", "observer",
    "monitor", "press", "daily", "dawn", "diplomat", "brigade", "corps", "force", "forces",
    "command", "academy", "laboratory", "lab", "hospital", "federation", "exchange",
    "directorate", "administration", "ministries", "agencies", "institutes", "records",
    "guild", "caucus", "airlines", "airways", "roundtable", "project", "fed", "federal", "networks",
    # A union's branch, written before its number (`UAW Local 12`, `Teamsters Local 727`).
    "local",
    "observatory", "studio", "studios", "media", "partners", "capital", "design", "insider",
    "securities", "equities", "chronicle", "inquirer", "examiner", "sentinel", "courier",
    # Company names end in their trade as often as in a legal form.
    "resources", "holdings", "mining", "minerals", "petroleum", "airlines", "airways", "motors",
    "industries", "investments", "telecom", "utilities", "technologies", "pharmaceuticals",
    "energía", "energie", "cooperative", "co-operative", "ag", "sa", "gmbh", "llc", "nv", "bv",
    "consultants", "consortium", "partnership", "collaborative", "clinic",
    "elementary",  # `Linwood Elementary`: a school
    # Houses of worship and their bodies (`First United Methodist Church`).
    "church", "cathedral", "diocese", "archdiocese", "synagogue", "mosque", "presbytery",
    "synod", "parish",
]) | TRADE_ENDINGS
# A single capitalised word that an appositive or a preceding noun calls a company (`Iberdrola,
# Spain's largest utility`; `the utility Iberdrola`) is an organisation too.
COMPANY_NOUN = (r"(?:company|companies|firm|utility|operator|developer|miner|producer|lender|"
                 r"insurer|consultancy|start-?up|manufacturer|retailer|cooperative|co-operative|"
                 r"broker|supplier|carrier|conglomerate|giant|bank|group|agency|app|platform|"
                 r"(?:research|analytics|data|consulting) (?:firm|group|company|provider))")
# (No article among the words before the noun: `Nate Brandtner, handles the company’s installs`
# is a person doing something for a company.)
COMPANY_AFTER = re.compile(r",\s+(?:(?:a|an|the|its|[A-Z][\w-]*['’]s)\s+)?"
                            r"(?:(?!(?:a|an|the)\s)[\w-]+\s+){0,3}?" + COMPANY_NOUN + r"\b")
COMPANY_BEFORE = re.compile(r"\b(?:the|a|an|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
                             + COMPANY_NOUN + r",?\s+$")
COMPANY_FOLLOWS = re.compile(r"\s+" + COMPANY_NOUN + r"\b")
_COMPANY_NOUN_ENDS = ("company", "companies", "firm", "utility", "operator", "developer", "miner",
                      "producer", "lender", "insurer", "consultancy", "startup", "start-up",
                      "manufacturer", "retailer", "cooperative", "co-operative", "broker",
                      "supplier", "carrier", "conglomerate", "giant", "bank", "group", "agency",
                      "provider", "app", "platform")
"""The last word of every `COMPANY_NOUN`."""


def company_noun_before(text: str, start: int, end: int) -> bool:
    """Return True if `text[start:end]` ends with a company noun after an article or an owner
    (`COMPANY_BEFORE`: `the Denver firm, `), whitespace after it."""
    # Asked about most unexplained words of an article, and the pattern is tried at every
    # character of the window: first the test that the window ends as a match must.
    head = text[start:end].rstrip()
    if len(head) == end - start or not head.removesuffix(",").endswith(_COMPANY_NOUN_ENDS):
        return False
    return COMPANY_BEFORE.search(text, start, end) is not None
# Institutional words that make a phrase an organisation wherever they stand.
ORG_WORDS = frozenset({"ministry", "bank", "council", "chamber", "university", "institute",
                       "commission", "committee", "agency", "organization", "organisation",
                       "office", "college", "school", "association", "society", "academy"})
# The people an advocacy group's name says it speaks for, before `for` (`Americans for
# Prosperity`, `Taxpayers for Common Sense`, `Physicians for Human Rights`, `Moms for Liberty`);
# not those who serve someone (`Lawyers for Epstein`, `Doctors for the team`).
ADVOCATES = frozenset({"americans", "citizens", "taxpayers", "parents", "physicians",
                       "scientists", "veterans", "families", "mothers", "moms", "fathers", "dads",
                       "students", "patients", "voters", "workers", "teachers", "educators",
                       "women", "neighbors", "neighbours", "residents", "conservatives",
                       "progressives", "democrats", "republicans", "christians", "catholics",
                       "evangelicals", "jews", "muslims", "farmers", "ranchers", "hunters",
                       "sportsmen", "economists", "engineers", "pastors", "communities",
                       "survivors", "victims", "consumers", "investors", "homeowners", "tenants",
                       "renters", "seniors", "businesses", "advocates", "latinos", "texans",
                       "californians", "floridians", "ohioans", "iowans", "marylanders",
                       "virginians"})
# Heads that make a capitalised phrase an event, document or period rather than an actor.
NOT_ACTOR_HEADS = frozenset([
    "treaty", "agreement", "accord", "act", "war", "wars", "conflict", "crisis", "summit",
    "conference", "declaration", "doctrine", "strategy", "plan", "policy", "charter", "convention",
    "protocol", "resolution", "revolution", "movement", "day", "week", "month", "year", "era",
    "age", "period", "dynasty", "empire", "province", "state", "region", "valley", "river",
    "mountains", "sea", "ocean", "lake", "island", "islands", "street", "road", "canal", "pipeline",
    "corridor", "project", "award", "prize", "index", "renaissance"
]) - ORG_HEADS
PUBLICATION_NOUNS = ("magazine", "newspaper", "journal", "daily", "weekly", "website", "paper",
                     "news agency", "broadcaster", "television", "radio")
SPEECH_VERBS = frozenset([
    "said", "says", "told", "tells", "wrote", "writes", "added", "adds", "warned", "warns", "noted",
    "notes", "argued", "argues", "stated", "states", "declared", "declares", "explained",
    "explains", "insisted", "insists", "announced", "announces", "asked", "asks", "claimed",
    "claims", "stressed", "stresses", "observed", "observes", "remarked", "remarks", "believes",
    "believed", "according", "replied", "replies", "suggested", "suggests", "acknowledged",
    "acknowledges", "admitted", "admits", "emphasised", "emphasized", "emphasises", "emphasizes",
    "urged", "urges", "recalled", "recalls", "concluded", "concludes", "continued", "continues",
    "visited", "visits", "met", "meets", "called", "calls"
])
# Capitalised words that are never names on their own: function words, sentence openers,
# months and days, and common nouns that titles capitalise.
STOP = frozenset([
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "my", "your", "there", "here", "but", "and", "or", "nor",
    "so", "yet", "however", "although", "though", "since", "because", "while", "when", "whenever",
    "where", "whereas", "after", "before", "during", "until", "unless", "if", "then", "now",
    "still", "also", "moreover", "furthermore", "meanwhile", "nevertheless", "nonetheless", "thus",
    "hence", "therefore", "indeed", "instead", "otherwise", "besides", "unfortunately",
    "fortunately", "finally", "firstly", "secondly", "thirdly", "first", "second", "third", "last",
    "next", "earlier", "later", "today", "yesterday", "tomorrow", "tonight", "recently",
    "currently", "already", "again", "perhaps", "maybe", "both", "either", "neither", "each",
    "every", "all", "some", "many", "most", "much", "more", "less", "few", "several", "any", "no",
    "not", "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "as", "at", "by", "for", "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to",
    "under", "up", "upon", "with", "within", "without", "about", "above", "across", "against",
    "along", "among", "around", "behind", "below", "beneath", "beside", "between", "beyond",
    "despite", "down", "except", "inside", "like", "near", "past", "per", "through", "throughout",
    "toward", "towards", "via", "what", "which", "who", "whom", "whose", "why", "how", "yes",
    "according", "convergence", "selling", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "let",
    "such", "same", "other", "another", "let's", "just", "only", "even", "ever", "never", "always",
    "often", "sometimes", "usually", "especially", "particularly", "chapter", "section", "part",
    "figure", "table", "page", "note", "notes", "source", "sources", "photo", "image"
])
# Acronyms that name things, measures or times, not actors (data/not_org_acronyms.txt).
NOT_ORG_ACRONYMS = frozenset(r[0] for r in lexicon.rows("not_org_acronyms.txt"))
# Words that may precede a title in `Russian Foreign Minister` (but not `Russian Army …`).
TITLE_MODIFIERS = frozenset({"prime", "vice", "foreign", "defence", "defense", "interior",
                              "finance", "deputy", "crown", "planning", "trade", "chief"})
CONNECTORS = frozenset({"of", "of the", "for", "for the", "and", "&", "de", "da", "del", "der",
                        "van", "von", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "the",
                        "dos", "das", "di", "della", "den", "ter", "ten", "zu"})


def leading_connectors(words: list[str]) -> int:
    """Return how many words opening a run of capitals are function words or particles to drop
    (`of the United Nations`, `Van Der Beek`, `De Niro`): not one capitalised particle that is
    a common first name before a plain word, which is the name's own (`Della Okorafor`)."""
    count = 0
    while count < len(words) and words[count].lower() in CONNECTORS:
        count += 1
    if count == 1 and len(words) > 1 and words[0].lower() in lexicon.FIRST_NAMES and \
            words[0].lower() not in _ARTICLES and not words[0].islower():
        return 0
    return count


# Also Arabic articles (`Al Kafi`, a book), though `Al` is a first name too.
_ARTICLES = frozenset({"al", "el"})
# Prepositions that open a run of capitals as a setting (`Outside City Hall, he said`).
SETTING_WORDS = frozenset({"outside", "inside", "near", "behind", "beyond", "across", "along",
                           "throughout", "within", "beside", "around"})
# Capitalised words that open a run without belonging to the name after them: web page words
# (`Visit Business Insider`, `Watch Reuters`) and time adjectives (`Former National Security
# Council official`).
LEADS = frozenset({"visit", "watch", "read", "share", "subscribe", "follow", "click", "listen",
                   "download", "advertisement", "sponsored", "related", "former", "late"})
# A class year before a student's name (`Senior Kaylee Brandenburg`): no part of it.
CLASS_YEARS = frozenset({"senior", "junior", "sophomore", "freshman"})
# Titles that take `to` before whom they serve (`Ambassador to the European Union Gordon
# Sondland`): the run of capitals goes on through `to`.
TITLES_TO = frozenset({"ambassador", "envoy", "adviser", "advisor", "representative", "consul",
                       "delegate", "emissary", "counsellor", "counselor"})
