"""Actors: an article in, the people, organisations, countries and places it names out.

No language model is available offline, so names are found from capitalisation, a lexicon of
titles and roles, organisation head words, and a gazetteer shipped with the package
(`data/places.tsv`: countries with their capitals, demonyms and government metonyms, regions and
cities, well-known organisations). A person needs evidence to be one: a title or role before the
name, an appositive after it (`X, a Moscow-based analyst,`), initials, `according to X`, or a
speech verb. Countries absorb their aliases (Kremlin, Moscow, USSR → Russia); a capital is merged
only when its country is named too, otherwise it stays a place. Surnames alone resolve to the full
name. `find_mentions` exposes every mention with its offsets for the quotation module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Actor, ActorKind, Article
from . import lexicon
from .sentences import split_sentences

# --- gazetteer ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """A gazetteer name: what it refers to and how."""

    canonical: str
    kind: ActorKind
    form: str
    """`name`, `alias`, `capital`, `demonym` or `metonym`."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known names, keyed by their lower-cased word tuples."""

    entries: dict[tuple[str, ...], _Entry]
    longest: int


def _fold(word: str) -> str:
    """Return a word as the gazetteer keys it: lower case, full stops dropped (`U.N.` = `UN`)."""
    return word.lower().replace(".", "")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_fold(w) for w, _, _ in _tokens(text))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the gazetteer read from the package's data file."""
    raw = (resources.files(__package__) / "data" / "places.tsv").read_text(encoding="utf-8")
    entries: dict[tuple[str, ...], _Entry] = {}
    kinds = {"country": ActorKind.COUNTRY, "place": ActorKind.PLACE, "org": ActorKind.ORGANISATION}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [*line.split("\t"), "", "", "", "", ""]
        kind = kinds[cols[0]]
        name = cols[1]
        forms = [("name", [name]), ("alias", cols[2].split("|"))]
        if kind is ActorKind.COUNTRY:
            forms += [("capital", cols[3].split("|")), ("demonym", cols[4].split("|")),
                      ("metonym", cols[5].split("|"))]
        for form, names in forms:
            for n in names:
                key = _words(n)
                if key and key not in entries:
                    entries[key] = _Entry(canonical=name, kind=kind, form=form)
    return Gazetteer(entries=entries, longest=max(len(k) for k in entries))


# --- lexicons -----------------------------------------------------------------------------------

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
    "employee", "principal", "superintendent", "dean", "provost", "headteacher", "rector"}
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
    "negotiator", "observer", "consultant", "economist", "mp"
])
# Capitalised words that end an organisation's name.
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
    "observatory", "studio", "studios", "media", "partners", "capital", "design", "insider",
    "securities", "equities", "chronicle", "inquirer", "examiner", "sentinel", "courier",
    # Company names end in their trade as often as in a legal form.
    "resources", "holdings", "mining", "minerals", "petroleum", "airlines", "airways", "motors",
    "industries", "investments", "telecom", "utilities", "technologies", "pharmaceuticals",
    "energía", "energie", "cooperative", "co-operative", "ag", "sa", "gmbh", "llc", "nv", "bv"
])
# A single capitalised word that an appositive or a preceding noun calls a company (`Iberdrola,
# Spain's largest utility`; `the utility Iberdrola`) is an organisation too.
_COMPANY_NOUN = (r"(?:company|companies|firm|utility|operator|developer|miner|producer|lender|"
                 r"insurer|consultancy|start-?up|manufacturer|retailer|cooperative|co-operative|"
                 r"broker|supplier|carrier|conglomerate|giant|bank|group|agency|"
                 r"(?:research|analytics|data|consulting) (?:firm|group|company|provider))")
_COMPANY_AFTER = re.compile(r",\s+(?:(?:a|an|the|its|[A-Z][\w-]*['’]s)\s+)?"
                            r"(?:[\w-]+\s+){0,3}?" + _COMPANY_NOUN + r"\b")
_COMPANY_BEFORE = re.compile(r"\b(?:the|a|an|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
                             + _COMPANY_NOUN + r",?\s+$")
_COMPANY_FOLLOWS = re.compile(r"\s+" + _COMPANY_NOUN + r"\b")
# Institutional words that make a phrase an organisation wherever they stand.
ORG_WORDS = frozenset({"ministry", "bank", "council", "chamber", "university", "institute",
                       "commission", "committee", "agency", "organization", "organisation",
                       "office", "college", "school", "association", "society", "academy"})
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
_TITLE_MODIFIERS = frozenset({"prime", "vice", "foreign", "defence", "defense", "interior",
                              "finance", "deputy", "crown", "planning", "trade", "chief"})
CONNECTORS = frozenset({"of", "of the", "for", "for the", "and", "de", "da", "del", "der", "van",
                        "von", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "the"})

_TOKEN = re.compile(r"\w+(?:[\u2019'.\-&]\w+)*\.?")
_ABBREV_DOT = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Lt|Col|Jr|Sr)\.")
_POSSESSIVE = re.compile(r"(?:[\u2019']s|(?<=s)[\u2019'])$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]?\.?")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?|[A-Z][A-Z0-9&]{1,7}s?|[A-Z]\.[A-Z]")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Return words of `text` as `(word, start, end)`, possessive endings and stray full stops
    removed."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and not _ABBREV_DOT.fullmatch(word):
            word, end = word[:-1], end - 1
        poss = _POSSESSIVE.search(word)
        if poss and len(word) > 2:
            word, end = word[: poss.start()], end - (poss.end() - poss.start())
        if word:
            out.append((word, start, end))
    return out


# --- mentions -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the article names an actor."""

    key: str
    """Canonical name of the actor."""
    kind: ActorKind
    paragraph: int
    start: int
    end: int
    text: str
    """The words as written."""
    form: str = "name"
    """`name`, `alias`, `capital`, `demonym`, `metonym`, `surname`, `acronym`."""
    role: str | None = None
    """Role the text gives at this mention."""


@dataclass(slots=True)
class _Run:
    """A run of capitalised words (with connectors) inside one paragraph."""

    words: list[tuple[str, int, int]]
    sentence_start: bool


def _is_cap(word: str) -> bool:
    # `d'Ivoire`, `l'Aquila`: an elided article before a capital is part of the name.
    return word[:1].isupper() or bool(re.match(r"[dl]['\u2019][A-Z]", word))


def _runs(text: str, whole: bool = True) -> list[_Run]:
    """Return the runs of capitalised words of a paragraph (or, `whole` False, of a piece of
    one, whose sentence starts are not looked for)."""
    starts = {a for a, _ in split_sentences(text)} if whole else {0}
    toks = _tokens(text)
    runs: list[_Run] = []
    i = 0
    while i < len(toks):
        word, start, _ = toks[i]
        if not _is_cap(word) or word.isdigit():
            i += 1
            continue
        sentence_start = start in starts or _opens_sentence(text, start, starts)
        run = [toks[i]]
        j = i + 1
        while j < len(toks):
            prev_end = run[-1][2]
            gap = text[prev_end:toks[j][1]]
            if gap.strip() not in ("", "-"):
                break
            w = toks[j][0]
            if _is_cap(w) and not w.isdigit():
                run.append(toks[j])
                j += 1
                continue
            # Connectors join capitalised words (`Chamber of Commerce`, `Office of the …`).
            k = j
            while k < len(toks) and toks[k][0].lower() in CONNECTORS and k - j < 2:
                k += 1
            if [t[0].lower() for t in toks[j:k]] in (["and", "the"], ["or", "the"]):
                break  # `the Council and the United Nations`: two names
            if k > j and k < len(toks) and _is_cap(toks[k][0]) and all(
                text[toks[m][2]:toks[m + 1][1]].strip() == "" for m in range(j - 1, k)
            ):
                run.extend(toks[j:k])
                j = k
                continue
            break
        runs.append(_Run(words=run, sentence_start=sentence_start))
        i = j
    return runs


def _split_at_titles(run: _Run) -> list[_Run]:
    """Return a run cut before each `and` that a title follows: `Ambassador Gordon Sondland and
    Energy Secretary Rick Perry` names two people, each with a role."""
    parts: list[_Run] = []
    words = run.words
    start = 0
    for i in range(1, len(words) - 1):
        if words[i][0].lower() in {"and", "&"} and (
                words[i + 1][0].lower().rstrip(".") in TITLE_HEADS
                or any(w[0].lower().rstrip(".") in TITLE_HEADS for w in words[i + 1:i + 4])):
            if i > start:
                parts.append(_Run(words=words[start:i],
                                  sentence_start=run.sentence_start if not parts else False))
            start = i + 1
    if not parts:
        return [run]
    parts.append(_Run(words=words[start:], sentence_start=False))
    return parts


def _opens_sentence(text: str, start: int, starts: set[int]) -> bool:
    """Return True if only quotation marks or brackets stand between a sentence start and
    `start`."""
    k = start
    while k > 0 and text[k - 1] in "\"\u201c\u2018'([ ":
        k -= 1
    return k in starts or k == 0


def _lookup(words: list[str], i: int) -> tuple[int, _Entry] | None:
    """Return the longest gazetteer match at `words[i]` as (length, entry)."""
    gaz = gazetteer()
    for n in range(min(gaz.longest, len(words) - i), 0, -1):
        entry = gaz.entries.get(tuple(_fold(w) for w in words[i:i + n]))
        if entry is not None:
            return n, entry
    return None


_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the|its|his|her|their|then|current|former)\s+)*"
                         r"([^,.;:\u201c\u201d\"]{3,90}?)\s*(?=[,.;:]|\s+(?:said|says|wrote)\b)")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|wrote|argued|noted)\s+$")
_OWNER = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}[\u2019']s)\s+$")
_ACCORDING = re.compile(r"according\s+to\s+$", re.IGNORECASE)
# `Central Bank governor Godwin Emefiele`: a lower-case role noun right before the name.
_ROLE_NOUN_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\s+$")
_PRE_ROLE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their)\s+|^|[,;:]\s+)"
                       r"((?:[\w\u2019'-]+\s+){0,4}?"
                       r"(?:" + "|".join(sorted(ROLE_NOUNS)) + r")"
                       r"(?:\s+(?:for|of|at)\s+[\w\u2019' -]{2,40}?(?=,))?),?\s+$",
                       re.IGNORECASE)


# Words before a role that belong to the sentence, not the role: `Last week State Department
# official`, `who is the White House … expert`.
_ROLE_LEAD = re.compile(r"^(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|\w+day)\s+|"
                        r"(?:on\s+)?\w+day\s+|(?:earlier|later|yesterday|today)\s+|"
                        r"who\s+(?:is|was)\s+(?:also\s+)?)+", re.IGNORECASE)


def _role_from_appositive(text: str, end: int) -> str | None:
    """Return the role in an appositive right after a name (`, a political analyst,`)."""
    m = _APPOSITIVE.match(text, end)
    if not m:
        return None
    role = _ROLE_LEAD.sub("", m.group(1).strip())
    words = [w.lower() for w in re.findall(r"[\w-]+", role)]
    if not words or not any(w in ROLE_NOUNS or w in TITLE_HEADS for w in words):
        return None
    if words[0].endswith(("ing", "ed")) and "-" not in words[0] and words[0] not in ROLE_NOUNS:
        return None  # `, hitting him in the head,`: a clause, not a role
    return role


def _clean_role(words: list[str]) -> str:
    """Return the role text, with a leading article or time (`Last week`) dropped and `Russian
    President` turned into `President of Russia`."""
    words = _ROLE_LEAD.sub("", " ".join(words)).split()
    while words and words[0].lower() in {"the", "a", "an", "then", "current", "former"}:
        words = words[1:]
    if len(words) >= 2:
        hit = _lookup(words, 0)
        rest = words[hit[0]:] if hit else []
        if hit and hit[1].kind is ActorKind.COUNTRY and rest and rest[-1].lower() in TITLE_HEADS \
                and all(w.lower() in TITLE_HEADS or w.lower() in _TITLE_MODIFIERS for w in rest):
            return f"{' '.join(rest)} of {hit[1].canonical}"
    return " ".join(words)


def _first_country(text: str) -> str | None:
    """Return the first country `text` names (by name or alias, hyphenated compounds split)."""
    for word, _, _ in _tokens(text):
        for part in word.split("-"):
            hit = _lookup([part], 0) if part[:1].isupper() else None
            if hit and hit[1].kind is ActorKind.COUNTRY and hit[1].form in {"name", "alias"}:
                return hit[1].canonical
    return None


def _name_ok(words: list[str]) -> bool:
    """Return True if `words` can be a person's name."""
    if not words or len(words) > 5:
        return False
    if any(w.lower() in STOP or w.lower() in TITLE_HEADS or w.lower() in ORG_HEADS
           for w in words if w[:1].isupper()):
        return False
    if not _is_cap(words[0]) or not _is_cap(words[-1]):
        return False
    if any(w.lower() in {"the", "of", "for", "and"} for w in words):
        return False
    # A known place or organisation is not a name, unless it only opens one (`Victoria Atkins`).
    hit = _lookup(words, 0)
    return hit is None or hit[0] < len(words)


def _looks_acronym(word: str) -> bool:
    """Return True if a word may be an organisation's acronym: not a plural common noun
    (`EVs`, `SUVs`), not a product code or model (`ES8`, `RS-25`), not a web word (`WATCH`),
    not a shouted word (`VIZZION`, `CRUISES`: undefined acronyms past four letters are rare and
    the long ones that matter are in the gazetteer)."""
    if not _ACRONYM.fullmatch(word) or word in NOT_ORG_ACRONYMS:
        return False
    if word.endswith("s") or any(c.isdigit() for c in word):
        return False
    if len(word.replace(".", "")) > 4:
        return False
    return word.lower() not in lexicon.NOT_SPEAKERS


def _shouted(text: str, start: int, end: int) -> bool:
    """Return True if the capitals at `text[start:end]` stand next to other capitals: a
    headline or a slogan (`GET OUT and VOTE`, `VW ID. SPACE VIZZION`), not an acronym."""
    before = re.search(r"([A-Z]{2,})[.:!]?\s+$", text[max(0, start - 20):start])
    after = re.match(r"[.:!]?\s+([A-Z]{2,})\b", text[end:end + 20])
    return before is not None or after is not None


def _acronym_matches(acronym: str, words: list[str]) -> bool:
    """Return True if `acronym` is made of the initials of `words` (minor words optional)."""
    letters = acronym.replace(".", "").rstrip("s").upper()
    initials = [w[0].upper() for w in words if w.lower() not in CONNECTORS]
    all_initials = [w[0].upper() for w in words]
    parts = [p[0].upper() for w in words for p in w.split("-") if p]
    return letters in ("".join(initials), "".join(all_initials), "".join(parts))


_AHEAD = 200
"""Characters a look-ahead or look-behind reads: enough for a phrase, bounded for linear time."""
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


class _Finder:
    """Collect the mentions of one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.mentions: list[Mention] = []
        self.persons: dict[str, str | None] = {}
        self.acronyms: dict[str, str] = {}
        self.companies: set[str] = set()
        """Single-word names a text has called a company once; later mentions need no cue."""
        self.terms: set[str] = set()
        self.consumed: set[tuple[int, int]] = set()
        """(paragraph, offset) of words already explained by an earlier look-ahead."""

    def add(self, key: str, kind: ActorKind, para: int, start: int, end: int, text: str,
            form: str = "name", role: str | None = None) -> None:
        if len(key.replace(".", "").strip()) < 2:
            return  # a letter or an initial (`X.`, `C.`) names nobody
        self.mentions.append(Mention(key=key, kind=kind, paragraph=para, start=start, end=end,
                                     text=text[start:end], form=form, role=role))
        self.consumed.add((para, start))

    def run(self) -> list[Mention]:
        paras = [(p.n, p.text) for p in self.article.paragraphs]
        for n, text in paras:
            self._acronym_definitions(n, text)
        deferred: list[tuple[int, str, list[tuple[str, int, int]], bool]] = []
        for n, text in paras:
            for whole in _runs(text):
                for run in _split_at_titles(whole):
                    rest = self._run(n, text, run)
                    if rest:
                        deferred.append((n, text, rest, run.sentence_start))
        # Surnames and acronyms are resolved once every full name and expansion is known.
        surnames = self._surnames()
        named: dict[int, set[str]] = {}
        for m in self.mentions:
            if m.kind is ActorKind.PERSON and m.form == "name":
                named.setdefault(m.paragraph, set()).add(m.key)
        for n, text, words, _ in deferred:
            self._leftover(n, text, words, surnames, named.get(n, set()))
        return self._merge_capitals(sorted(self.mentions, key=lambda m: (m.paragraph, m.start)))

    # A phrase followed by its acronym in brackets: `Shanghai Cooperation Organization (SCO)`.
    # The lookbehind anchors each try at a word start: without it a 20,000-character token
    # is retried from every offset (quadratic time).
    _DEFINITION = re.compile(r"(?<![\w\u2019'-])((?:[\w\u2019'-]+\s+){1,8}?)"
                             r"\(([A-Z][A-Za-z.&]{1,9})\)")

    def _acronym_definitions(self, n: int, text: str) -> None:
        for m in self._DEFINITION.finditer(text):
            acronym = m.group(2)
            words = m.group(1).split()
            for k in range(len(words)):
                cand = words[k:]
                while cand and cand[0].lower() in CONNECTORS:
                    cand = cand[1:]
                if cand and _acronym_matches(acronym, cand):
                    if all(_is_cap(w) or w.lower() in CONNECTORS for w in cand):
                        self.acronyms[acronym] = " ".join(cand)
                    else:
                        self.terms.add(acronym)
                    break
            else:
                # An acronym from another language ("Supreme Federal Court (STF)") does not
                # match the English initials; right after an organisation's name it is still
                # that organisation's.
                name: list[str] = []
                for w in reversed(words):
                    if not (_is_cap(w) or (name and w.lower() in CONNECTORS)):
                        break
                    name.insert(0, w)
                while name and name[0].lower() in CONNECTORS:
                    name = name[1:]
                if len(name) >= 2 and name[-1].lower() in ORG_HEADS:
                    self.acronyms[acronym] = " ".join(name)

    def _run(self, n: int, text: str, run: _Run) -> list[tuple[str, int, int]]:
        """Record what a run names; return its words that are still unexplained."""
        if (n, run.words[0][1]) in self.consumed:
            return []
        words = list(run.words)
        # Sentence openers and articles are not part of names.
        while words and (words[0][0].lower() in STOP or words[0][0].lower() in CONNECTORS) \
                and not self._is_publication(text, words):
            if words[0][0] == "The" and len(words) > 1 and self._is_publication(text, words):
                break
            words = words[1:]
        while words and (words[-1][0].lower() in CONNECTORS or words[-1][0].lower() in STOP):
            words = words[:-1]
        if not words:
            return []
        names = [w for w, _, _ in words]
        low = [w.lower().rstrip(".") for w in names]
        start, end = words[0][1], words[-1][2]

        if self._is_publication(text, words):
            self.add(" ".join(names), ActorKind.ORGANISATION, n, start, end, text)
            return []
        # The expansion of an acronym defined in brackets, maybe with a prefix (`UN Office …`).
        full = " ".join(names)
        for acronym, expansion in self.acronyms.items():
            if full.endswith(expansion) and full != acronym:
                self.acronyms[acronym] = full
                self.add(full, ActorKind.ORGANISATION, n, start, end, text)
                return []

        # Title or role words followed by a name: `Russian Army Commander-in-Chief Oleg Salyukov`.
        title_idx = [i for i, w in enumerate(low) if w in TITLE_HEADS]
        if title_idx:
            r = title_idx[-1]
            # `Minister of Pakistan` belongs to the role too.
            while r + 2 < len(low) and low[r + 1] in {"of", "for"} and _lookup(names, r + 2):
                r += 1 + _lookup(names, r + 2)[0]  # type: ignore[index]
            name_words = words[r + 1:]
            role_words = names[:r + 1]
            self._role_mentions(n, text, words[:r + 1])
            if name_words and _name_ok([w for w, _, _ in name_words]):
                role = _clean_role(role_words)
                # An honorific alone (`Dr.`, `Mr`) is not a role.
                self._person(n, text, name_words,
                             None if role.lower().rstrip(".") in HONORIFICS else role)
                return []
            if name_words and name_words[0][0].lower() in {"of", "for"}:
                # `Minister of Energy and Water Resources`: the whole run is the role.
                role_words, name_words = names, []
            if not name_words:
                # A role alone, maybe followed by `, Name`: `the Prime Minister of Pakistan, X`.
                follow = re.match(r",\s+", text[end:])
                if follow:
                    # A bounded look-ahead: the next run is all we need (linear time).
                    nxt = _runs(text[end + follow.end():end + follow.end() + _AHEAD],
                                whole=False)[:1]
                    if nxt and nxt[0].words[0][1] == 0:
                        # Offsets of the look-ahead are relative to the text after the comma.
                        off = end + follow.end()
                        cand = [(w, a + off, b + off) for w, a, b in nxt[0].words]
                        if _name_ok([w for w, _, _ in cand]) and len(cand) >= 2:
                            role = _clean_role(role_words)
                            owner = _OWNER.search(text, 0, words[0][1])
                            if owner:
                                # `Tajikistan's Minister of Energy, X`: keep whose minister.
                                role = f"{owner.group(1)} {role}"
                            self._person(n, text, cand, role)
                return []
            return []

        # `Farmer Robert Hale`: a capitalised word opening the sentence before a first name
        # is a role.
        if len(names) >= 3 and names[1].lower() in lexicon.FIRST_NAMES and \
                names[0].lower() not in lexicon.FIRST_NAMES and run.sentence_start and \
                _name_ok(names[1:]):
            self._person(n, text, words[1:], names[0].lower())
            return []
        # Persons without a title: evidence from the context.
        if _name_ok(names) and (len(names) >= 2 or (
                _INITIALS.fullmatch(names[0]) and len(names[0].replace(".", "")) >= 2)):
            found_role = _role_from_appositive(text, end)
            before = text[max(0, start - 120):start]
            pre = _PRE_ROLE.search(before)
            after = text[end:end + 40].lower().lstrip(" ,")
            next_word = re.match(r"[a-z]+", after)
            evidence = (
                found_role is not None
                or pre is not None
                or bool(_ACCORDING.search(before))
                or bool(_SAID_BEFORE.search(before))
                or (bool(_INITIALS.match(names[0])) and _lookup(names[:1], 0) is None)
                or bool(_ROLE_NOUN_BEFORE.search(before))
                or (names[0].lower() in lexicon.FIRST_NAMES and len(names) <= 3
                    and low[-1] not in ORG_HEADS and low[-1] not in NOT_ACTOR_HEADS
                    and not names[-1].endswith("s") and _lookup(names[:1], 0) is None)
                or (next_word is not None and next_word.group() in SPEECH_VERBS)
                or text[end:end + 14].lstrip("\u2019'").lstrip("s ").startswith("government")
            )
            if evidence:
                if found_role is None and pre is not None:
                    found_role = pre.group(1).strip()
                if found_role is None and re.match(r"(?:[\u2019']s)?\s+government", text[end:]):
                    # `X's government tried to normalise Pakistan-Soviet relations`: the first
                    # country the sentence names is taken as the one governed.
                    stop = min((b for _, b in split_sentences(text) if b > end), default=len(text))
                    country = _first_country(text[end:stop])
                    found_role = f"head of {country}\u2019s government" if country else \
                        "head of government"
                self._person(n, text, words, found_role)
                return []

        return self._gazetteer_and_orgs(n, text, words, run.sentence_start)

    def _role_mentions(self, n: int, text: str, words: list[tuple[str, int, int]]) -> None:
        """Record countries and organisations named inside a role (`Russian`, `of Pakistan`)."""
        names = [w for w, _, _ in words]
        i = 0
        while i < len(names):
            i += self._add_known(n, text, words, names, i) or 1

    def _add_known(self, n: int, text: str, words: list[tuple[str, int, int]],
                   names: list[str], i: int) -> int:
        """Record the gazetteer name starting at word `i`; return its length (0: none)."""
        hit = _lookup(names, i)
        if not hit:
            return 0
        size, entry = hit
        self.add(entry.canonical, entry.kind, n, words[i][1], words[i + size - 1][2], text,
                 entry.form)
        return size

    def _person(self, n: int, text: str, words: list[tuple[str, int, int]],
                role: str | None) -> None:
        name = " ".join(w for w, _, _ in words)
        start = words[0][1]
        if role and " of " not in role and re.search(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$",
                                                     text[max(0, start - 60):start]
                                                     .removesuffix(role + " ")):
            owner = self._its_owner(n, text, start)
            if owner:
                role = f"{role} of {owner}"
        if role is None:
            role = _role_from_appositive(text, words[-1][2])
        self.add(name, ActorKind.PERSON, n, start, words[-1][2], text, "name", role)
        self.persons.setdefault(name, role)

    def _its_owner(self, n: int, text: str, start: int) -> str | None:
        """Return the country or organisation `its` refers to: the last one named before it in the
        same sentence, as written."""
        sentence_start = max([a for a, _ in split_sentences(text) if a <= start] + [0])
        sentence_start = max(sentence_start, start - _AHEAD)
        best: tuple[int, str] | None = None
        for run in _runs(text[sentence_start:start], whole=False):
            names = [w for w, _, _ in run.words]
            for i in range(len(names)):
                hit = _lookup(names, i)
                if hit and hit[1].form in {"name", "alias"}:
                    a = run.words[i][1]
                    b = run.words[i + hit[0] - 1][2]
                    written = text[sentence_start + a:sentence_start + b]
                    the = text[max(0, sentence_start + a - 4):sentence_start + a].lower()
                    best = (a, ("the " if the == "the " else "") + written)
        return best[1] if best else None

    def _is_publication(self, text: str, words: list[tuple[str, int, int]]) -> bool:
        after = text[words[-1][2]:words[-1][2] + 14].lower().lstrip()
        return words[0][0] == "The" and len(words) >= 2 and after.startswith(PUBLICATION_NOUNS)

    def _gazetteer_and_orgs(self, n: int, text: str, words: list[tuple[str, int, int]],
                            sentence_start: bool) -> list[tuple[str, int, int]]:
        names = [w for w, _, _ in words]
        low = [w.lower() for w in names]
        start, end = words[0][1], words[-1][2]
        whole = _lookup(names, 0)
        if whole and whole[0] == len(names):
            entry = whole[1]
            self.add(entry.canonical, entry.kind, n, start, end, text, entry.form)
            return []
        # Organisations: a head word at the end (or an institutional word anywhere), or a
        # name the text calls a company (`the Café Serra Azul cooperative`).
        if ((low[-1] in ORG_HEADS or any(w in ORG_WORDS for w in low)
             or _COMPANY_FOLLOWS.match(text, end) or _COMPANY_AFTER.match(text, end))
                and low[-1] not in NOT_ACTOR_HEADS and len(names) >= 2):
            key = " ".join(names)
            self.add(key, ActorKind.ORGANISATION, n, start, end, text)
            return []
        if any(w in NOT_ACTOR_HEADS for w in low):
            # An event or document (`Treaty of Friendship`): note only the places inside it.
            self._role_mentions(n, text, words)
            return []
        # Otherwise split into known names and leftovers.
        leftover: list[tuple[str, int, int]] = []
        i = 0
        while i < len(names):
            size = self._add_known(n, text, words, names, i)
            if size:
                i += size
                continue
            # Hyphenated compounds: `Pakistan-Russia`, `Sino-Russian`, `US-backed`.
            parts = names[i].split("-")
            if len(parts) > 1:
                off = words[i][1]
                for part in parts:
                    hit = _lookup([part], 0)
                    if hit:
                        e = hit[1]
                        self.add(e.canonical, e.kind, n, off, off + len(part), text, e.form)
                    off += len(part) + 1
                i += 1
                continue
            leftover.append(words[i])
            i += 1
        return leftover

    def _surnames(self) -> dict[str, list[str]]:
        """Return the people known by full name, by surname (generational suffixes skipped),
        with the other `First Surname` pairs the text writes (people the runs did not take for
        people) so that a shared surname stays ambiguous."""
        out: dict[str, list[str]] = {}
        for person in self.persons:
            words = [w for w in person.split() if w.lower().rstrip(".") not in _SUFFIXES]
            if len(words) > 1:
                out.setdefault(words[-1], []).append(person)
        text = "\n".join(p.text for p in self.article.paragraphs)
        for surname, owners in out.items():
            firsts = {w for o in owners for w in o.split()}
            out[surname] = owners + sorted(f"{f} {surname}" for f in _firsts(text, surname)
                                           if f not in firsts)
        return out

    def _leftover(self, n: int, text: str, words: list[tuple[str, int, int]],
                  surnames: dict[str, list[str]], named_here: set[str]) -> None:
        """Record the surnames, acronyms and company names among words no run explained.

        A surname two people share (Mary Trump, Donald Trump) goes to the one the paragraph
        names in full, or to nobody. Look-behinds are bounded, so a paragraph of any length is
        read in linear time.
        """
        for w, a, b in words:
            if w in surnames:
                owners = surnames[w]
                if len(owners) > 1:
                    owners = [p for p in owners if p in named_here]
                if len(owners) == 1:
                    self.add(owners[0], ActorKind.PERSON, n, a, b, text, "surname")
            elif w in self.acronyms:
                self.add(self.acronyms[w], ActorKind.ORGANISATION, n, a, b, text, "acronym")
            elif _looks_acronym(w) and w not in self.terms and w.lower() not in STOP \
                    and not _shouted(text, a, b):
                self.add(w, ActorKind.ORGANISATION, n, a, b, text, "acronym")
            elif w in self.companies or (w.lower() not in STOP and (
                    _COMPANY_AFTER.match(text, b)
                    or _COMPANY_BEFORE.search(text, max(0, a - _AHEAD), a))):
                self.companies.add(w)
                self.add(w, ActorKind.ORGANISATION, n, a, b, text, "company")

    def _merge_capitals(self, mentions: list[Mention]) -> list[Mention]:
        """Turn a capital into its country when the country is named (a demonym will do);
        otherwise into a place."""
        named = {m.key for m in mentions if m.kind is ActorKind.COUNTRY and m.form != "capital"}
        out: list[Mention] = []
        for m in mentions:
            if m.form == "capital" and m.key not in named:
                m = Mention(key=m.text, kind=ActorKind.PLACE, paragraph=m.paragraph,
                            start=m.start, end=m.end, text=m.text)
            out.append(m)
        # Organisations spelled out and also used by acronym collapse to the expansion.
        for i, m in enumerate(out):
            if m.kind is ActorKind.ORGANISATION and m.key in self.acronyms:
                out[i] = Mention(key=self.acronyms[m.key], kind=m.kind, paragraph=m.paragraph,
                                 start=m.start, end=m.end, text=m.text, form="acronym")
        return out


@lru_cache(maxsize=16)
def find_mentions(article: Article) -> tuple[Mention, ...]:
    """Return every mention of an actor in the article, in reading order."""
    return tuple(_Finder(article).run())


_KIND_ORDER = {ActorKind.PERSON: 0, ActorKind.ORGANISATION: 1, ActorKind.GROUP: 2,
               ActorKind.COUNTRY: 3, ActorKind.PLACE: 4}


_THE = re.compile(r"^[Tt]he\s+")


def _best_role(roles: list[str]) -> str | None:
    """Return the most informative role: the first with `of`, else the first given."""
    for role in roles:
        if " of " in role:
            return role
    return roles[0] if roles else None


def find_actors(article: Article) -> tuple[Actor, ...]:
    """Return the people, organisations, countries and places the article names, people first,
    each kind in order of first appearance."""
    groups: dict[tuple[ActorKind, str], list[Mention]] = {}
    for m in find_mentions(article):
        groups.setdefault((m.kind, m.key), []).append(m)
    groups = _merge_variants(groups, "\n".join(p.text for p in article.paragraphs))
    actors: list[tuple[tuple[int, int, int], Actor]] = []
    for (kind, key), ms in groups.items():
        aliases: list[str] = []
        for m in ms:
            alias = _THE.sub("", m.text)
            if m.form != "demonym" and alias != _THE.sub("", key) and alias not in aliases \
                    and not (kind is ActorKind.PERSON and m.form == "name"):
                aliases.append(alias)
        role = _best_role([m.role for m in ms if m.role]) if kind is ActorKind.PERSON else None
        name = key
        if kind is ActorKind.ORGANISATION and all(m.form in {"alias", "acronym"} for m in ms) \
                and _ACRONYM.fullmatch(ms[0].text):
            # Only the acronym is written (`CENTO`): show it, with the expansion as an alias.
            name = ms[0].text
            aliases = [key, *(x for x in aliases if x != name)]
        actor = Actor(name=name, kind=kind, role=role, aliases=tuple(aliases),
                      paragraphs=tuple(sorted({m.paragraph for m in ms})))
        actors.append(((_KIND_ORDER[kind], ms[0].paragraph, ms[0].start), actor))
    return tuple(a for _, a in sorted(actors, key=lambda x: x[0]))


def _merge_variants(groups: dict[tuple[ActorKind, str], list[Mention]], text: str,
                    ) -> dict[tuple[ActorKind, str], list[Mention]]:
    """Return the groups with one entity's variants joined: a person named by part of one other
    person's full name (`Trump` by title, `Xi`, `Hawk Sawyer`) and an undefined acronym made of
    the initials of one other name (`JPL`, `NY`). A part two people share stays apart, also
    when the text (`text`, the whole body) writes the other person's full name without the
    mentions knowing them (`Vice President Biden` next to `Hunter Biden` and `Joe Biden`)."""
    people = [key for kind, key in groups if kind is ActorKind.PERSON and len(key.split()) > 1]
    for kind, key in groups:
        if kind is ActorKind.PERSON and len(key.split()) == 1:
            people += [f"{first} {key}" for first in _firsts(text, key)
                       if f"{first} {key}" not in people]
    roles = {key: {m.role for m in ms if m.role} for (_, key), ms in groups.items()}
    named = [(kind, key) for kind, key in groups
             if kind is not ActorKind.PERSON and len(key.split()) > 1]
    target: dict[tuple[ActorKind, str], tuple[ActorKind, str]] = {}
    for kind, key in groups:
        words = key.split()
        if kind is ActorKind.PERSON:
            owners = [p for p in people if p != key and _part_of(words, p.split())]
            if len(owners) == 1 and roles.get(key) and not _same_title(
                    roles[key], roles.get(owners[0], set())):
                continue  # `Vice President Biden` is not `Hunter Biden`, who holds no such title
            if len(owners) == 1 and (ActorKind.PERSON, owners[0]) in groups:
                target[(kind, key)] = (ActorKind.PERSON, owners[0])
        elif kind is ActorKind.ORGANISATION and len(words) == 1 and _ACRONYM.fullmatch(key):
            expansions = [(k, n) for k, n in named if _acronym_matches(key, n.split())]
            if len(expansions) == 1:
                target[(kind, key)] = expansions[0]
    merged: dict[tuple[ActorKind, str], list[Mention]] = {}
    for group, ms in groups.items():
        kind, key = target.get(group, group)
        merged.setdefault((kind, key), []).extend(
            ms if group not in target else
            [Mention(key=key, kind=kind, paragraph=m.paragraph, start=m.start, end=m.end,
                     text=m.text, form="surname" if kind is ActorKind.PERSON else "acronym",
                     role=m.role) for m in ms])
    return {k: sorted(v, key=lambda m: (m.paragraph, m.start)) for k, v in merged.items()}


def _same_title(part: set[str], whole: set[str]) -> bool:
    """Return True if a title the part was given is among the full name's roles (`President`
    in `President of the United States`)."""
    titles = {w.lower().rstrip(".") for role in part for w in role.split()} & TITLE_HEADS
    held = {w.lower().rstrip(".") for role in whole for w in role.split()}
    return not titles or bool(titles & held)


def _firsts(text: str, surname: str) -> set[str]:
    """Return the capitalised words the text writes right before `surname` that may be first
    names (not titles, roles, function words, places, or a sentence's first word that reads
    as a verb or adverb: `Hosting Cook, …`)."""
    out: set[str] = set()
    for m in re.finditer(r"\b([A-Z][a-z][\w'-]*)\s+" + re.escape(surname) + r"\b", text):
        word = m.group(1)
        low = word.lower()
        if low in STOP or low in TITLE_HEADS or low in ROLE_WORDS or re.search(r"-[a-z]", word) \
                or _lookup([word], 0) is not None:
            continue
        opener = text[:m.start()].rstrip(" \u201c\u2018\"'(")
        if (not opener or opener[-1] in ".!?:\n") and low not in lexicon.FIRST_NAMES and (
                low.endswith(("ing", "ly")) or (low.endswith("ed") and len(low) > 4)):
            continue
        out.add(word)
    return out


def _part_of(part: list[str], whole: list[str]) -> bool:
    """Return True if `part` opens or closes `whole` (`Trump`, `Xi`, `Hawk Sawyer`)."""
    n = len(part)
    return n < len(whole) and (whole[:n] == part or whole[-n:] == part)


lookup = _lookup

__all__ = ["Gazetteer", "Mention", "find_actors", "find_mentions", "gazetteer", "lookup"]
