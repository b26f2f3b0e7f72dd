"""Speakers: the words around a quotation in, who said it out (or silence).

Two parts. `Cast` is the explicit state of one article: the people and organisations
`actors.find_mentions` found, indexed by surname and first name, their genders where a title or
a common first name tells, and the speakers attributed so far. The phrase rules below read the
noun phrase next to a speech verb (`Sen. Tammy Baldwin (D-Wis.)`, `Flynn, a top Trump
surrogate,`, `the company's chief executive, John Hale`, `she`) and `Cast.resolve` turns it into a
speaker: a full name introduced in the article, or the name as written when it is introduced
only here. Anything doubtful gives no speaker: a place, a platform, a single letter, a surname two
people share with nothing in the paragraph to choose between them, a pronoun with no compatible
person before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal

from ..model import ActorKind
from .actors import (
    CONNECTORS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    STOP,
    Mention,
)
from .actors import lookup as gazetteer_lookup
from .lexicon import FIRST_NAMES, HONORIFICS, NOT_SPEAKERS, RELATIONS, TITLES, Gender

SpeakerKind = Literal["person", "organisation", "group", "unknown"]
Attribution = Literal["explicit", "resolved"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quotation, and how the text told us."""

    name: str
    kind: SpeakerKind
    role: str | None = None
    attribution: Attribution = "explicit"
    named: bool = True
    """False for a speaker described, not named (`one diplomat`, `analysts`)."""


AMBIGUOUS = Speaker(name="", kind="unknown")
"""The text names a speaker we cannot tell apart from another: the quotation stays silent."""

_PRONOUN_GENDER: dict[str, Gender] = {"he": "m", "she": "f"}
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
# Titles that make a one-word name whole (`Pope Francis`, `King Charles`).
_SOVEREIGNS = frozenset({"pope", "king", "queen", "prince", "princess", "emir", "sheikh",
                         "sheikha", "sultan", "shah", "emperor", "empress", "lady", "lord",
                         "dame", "sir", "baroness", "baron"})
_LOWER_CONNECTORS = frozenset({"de", "da", "del", "della", "der", "van", "von", "bin", "bint",
                               "ibn", "al", "el", "la", "le", "du", "di", "dos", "das", "ter"})
# Small words inside an organisation's name (`Chamber of Commerce`, `Bank of England`).
_JOINERS = frozenset({"of", "for", "the", "and", "&"})
# Words after which a name is an object, not the speaker (`a spokesman for Smith said`).
_PREPOSITIONS = frozenset({"from", "to", "with", "about", "for", "by", "of", "on", "at", "in",
                           "against", "than", "like", "toward", "towards", "under", "over",
                           "into", "onto", "upon", "via", "near", "behind", "after",
                           "before", "told", "asked", "and", "or", "nor", "&"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
                          "who", "which", "whose", "then", "now", "also", "himself", "herself"})
_PARTY_TAG = re.compile(r"\s*\((?:[DRIL](?:[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?|"
                        r"[A-Z]{1,3}[-–][A-Z][\w. ]{0,20}|Democrat|Republican|Independent|"
                        r"Conservative|Labour|Lab|Con|LD|Lib Dem|SNP|Green|Greens)\)"
                        # AP style between commas: `Rep. Adam Schiff, D-Calif., said`.
                        r"|(?<=,)\s*[DRI][-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?=,)")
_OF_PLACE = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?[\w\s.'\u2019&-]{2,60}$")
# Overlapping pairs (a look-ahead), so `CEO Tim Cook` gives `Tim Cook` too.
_PAIR = re.compile(r"(?=\b([A-ZÀ-Ý][^\W\d_][\w-]*)\s+([A-ZÀ-Ý][^\W\d_][\w-]*)\b"
                   r"(?![\u2019']s?\b\s+[A-Z]))")
# Generational suffixes: `James Kennedy Jr.` is still `Kennedy`.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words before a name that describe the person without being a role: `43-year-old`, `former`.
_MODIFIER = re.compile(r"\d+-year-old|former|retired|veteran|late|then|fellow|young|elderly")
_ROLE_THEN_NAME = re.compile(r"[\u2019']?s?\s+((?:[a-z][\w-]*\s+){1,4})(?=[A-Z])")
_AROUND = 200
"""How far before a name a mention covering it may start."""
_NEAREST = 30
"""Mentions looked at, nearest first, for a pronoun's antecedent."""
_MID_CAPITAL = re.compile(r"[a-z,;]\s+([A-Z][a-z][\w-]*)")
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
_OBJECT_VERBS = frozenset({"met", "meet", "meets", "told", "tell", "asked", "ask", "called",
                           "thanked", "praised", "accused", "blamed", "backed", "beat", "saw",
                           "sued", "fired", "hired", "replaced", "succeeded", "defeated",
                           "interviewed", "visited", "joined", "against", "than", "as"})
# Nouns for what someone does (`geologist`, `researcher`, `spokeswoman`).
_AGENT_NOUN = re.compile(r"[a-z-]{2,}(?:ist|er|or|ian|man|woman|person)")
_GENDERED = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_CLOSE = 300
"""A subject this close to a pronoun needs no known gender to be its person."""
_REACH = 1000
"""Characters a pronoun may reach back for its person (two or three news paragraphs)."""
_CLAUSE_OPENERS = frozenset({"while", "and", "but", "as", "when", "after", "because", "although",
                             "whereas", "then", "though", "since", "so", "that", "before"})
# Heads `the <head>` may use for an organisation whose name does not hold the word.
_GENERIC_HEADS = frozenset({"company", "firm"})
_NAME_FOLLOWS = re.compile(r"\s+[A-Z][a-z]")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w\u2019'-]*")
_TOKEN = re.compile(r"[^\s,;:()\u201c\u201d\"]+")
_POSSESSIVE = re.compile(r"[\u2019']s?$")
_INITIAL = re.compile(r"(?:[A-Z]\.?){1,3}")
_GROUP_NOUNS = re.compile(r"\b(?:analysts|observers|experts|officials|critics|diplomats|"
                          r"residents|people|economists|commentators|sources|scholars|"
                          r"historians|leaders|activists|witnesses|protesters|lawmakers|"
                          r"members|officers|soldiers|farmers|traders|businessmen|workers|"
                          r"researchers|scientists|investigators|prosecutors|doctors)\b", re.I)
_ANAPHOR = re.compile(r"^(?:the\s+)(agency|company|ministry|bank|court|organisation|organization|"
                      r"group|charity|council|commission|committee|government|regulator|"
                      r"institute|university|firm|fund|party|union|department|campaign|"
                      r"network|board|authority|office|association|embassy|hospital)$",
                      re.IGNORECASE)
_DOCUMENT = re.compile(r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|"
                       r"study|survey|letter|analysis|filing|document|release|post|transcript|"
                       r"assessment|memo|note|message|complaint|lawsuit|ruling|judgment|"
                       r"indictment|affidavit)\s+(?:by|from|of)\s+(?:the\s+)?", re.IGNORECASE)


def mask_party_tags(text: str) -> str:
    """Return `text` with party and state tags (`(D-Wis.)`, `(R)`) blanked, offsets kept."""
    return _PARTY_TAG.sub(lambda m: " " * len(m.group()), text)


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or bool(re.match(r"[dlDL]['\u2019][A-Z]", word))


def _is_title(word: str) -> bool:
    low = _bare(word)
    return low in TITLES or low in HONORIFICS or low in ROLE_WORDS


@dataclass(frozen=True, slots=True)
class Name:
    """A name as the text writes it next to a speech verb, split from its title."""

    words: tuple[str, ...]
    start: int
    end: int
    title: tuple[str, ...] = ()
    gender: Gender | None = None

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        word, a, b = m.group(), m.start(), m.end()
        # A full stop ends the word unless it makes an abbreviation or an initial.
        if word.endswith(".") and not (_bare(word) in HONORIFICS or _INITIAL.fullmatch(word)
                                       or re.fullmatch(r"(?:[A-Za-z]\.)+", word)):
            word, b = word[:-1], b - 1
        word = word.strip("\u2014\u2013-")
        if word:
            out.append((word, a, b))
    return out


def _name_word(word: str) -> bool:
    return _is_cap(word) or word in _LOWER_CONNECTORS


def _name_of(run: list[tuple[str, int, int]]) -> Name | None:
    """Return the name a run of capitalised words makes, its title split off."""
    while run and (_bare(run[0][0]) in STOP or run[0][0] in _LOWER_CONNECTORS):
        if run[0][0] in {"He", "She"} and len(run) > 1 and _bare(run[1][0]) not in STOP:
            break  # `He Jianxiong`: a surname, not a pronoun, before a capitalised name
        run = run[1:]
    while run and run[-1][0] in _LOWER_CONNECTORS:
        run = run[:-1]
    title: list[str] = []
    gender: Gender | None = None
    # Everything up to the last title word is the title (`Deputy Agriculture Minister`).
    last = max((i for i in range(len(run) - 1) if _is_title(run[i][0])), default=-1)
    for word, _, _ in run[:last + 1]:
        low = _bare(word)
        gender = HONORIFICS.get(low) or TITLES.get(low) or gender
        title.append(word)
    run = run[last + 1:]
    if run and run[0][0] in _JOINERS:
        return None  # `High Commissioner for Human Rights`, `CEO of Take-Two`: an office
    while run and run[0][0] in CONNECTORS:
        run = run[1:]
    if not run:
        return None
    words = [w for w, _, _ in run]
    joined = [i for i, w in enumerate(words) if w in _JOINERS]
    if joined and not any(_bare(w) in ORG_HEADS or _bare(w) in ORG_WORDS
                          for w in words[:joined[0]]):
        # `Martin Taylor of Aberdeenshire`: a person and where they are from.
        words, run = words[:joined[0]], run[:joined[0]]
        if not words:
            return None
    if any(w.lower() in {"and", "&"} for w in words) and _bare(words[-1]) not in ORG_HEADS:
        return None  # `Smith and Jones`: two speakers
    if any(_POSSESSIVE.search(w) and len(w) > 2 for w in words):
        return None  # `Smith's spokesman`: Smith owns, does not speak
    if len(words) == 1 and title and _bare(title[-1]) in _SOVEREIGNS:
        words = [title[-1], *words]
    if len(words) > 5:
        return None
    return Name(words=tuple(words), start=run[0][1], end=run[-1][2], title=tuple(title),
                gender=gender)


def name_at_end(text: str, start: int, end: int) -> Name | None:
    """Return the name that ends `text[start:end]` (`… press secretary Karine Jean-Pierre`),
    unless a preposition makes it an object (`a spokesman for Smith`)."""
    toks = _tokens(text, start, end)
    i = len(toks)
    while i > 0 and (_name_word(toks[i - 1][0]) or (
            i < len(toks) and toks[i - 1][0].lower() in _JOINERS and i > 1
            and _is_cap(toks[i - 2][0]))):
        i -= 1
    if i == len(toks):
        return None
    if i > 0 and toks[i - 1][0].lower() in _PREPOSITIONS:
        return None
    if i > 1 and toks[i - 1][0].lower() in {"the", "a", "an"} and any(
            _bare(w) not in STOP for w, _, _ in toks[:i - 1]):
        # `the U.S. attorney for the Southern District`: a name inside a description.
        return None
    prev = toks[i - 1][0] if i > 0 else ""
    if prev[:1].islower() and prev.lower() not in STOP and not _is_title(prev) and \
            "-" not in prev and not _MODIFIER.fullmatch(prev) and \
            _bare(prev) not in ROLE_NOUNS and _bare(prev) not in RELATIONS and \
            not prev.endswith("ly") and \
            not _POSSESSIVE.search(prev):
        # `the letter Mike wrote`: a name after a common noun is inside a clause.
        return None
    if toks[0][0].lower() in _DETERMINERS and any(
            w.lower() in _PREPOSITIONS or (w.endswith("ed") and "-" not in w)
            for w, _, _ in toks[1:i]):
        # `The authors of the research published in the journal JAMA Psychiatry`.
        return None
    return _name_of(toks[i:])


def name_at_start(text: str, start: int, end: int) -> Name | None:
    """Return the name that opens `text[start:end]` (`Dr. Anthony Fauci`, `Ana Lopez on …`,
    `43-year-old Martin Taylor of …`)."""
    toks = _tokens(text, start, end)
    while toks and _MODIFIER.fullmatch(toks[0][0]):
        toks = toks[1:]
    # `planetary geologist Rosaly Lopes`: a few lower-case words of role before the name.
    lead = 0
    while lead < min(len(toks), 5) and toks[lead][0][:1].islower() and \
            toks[lead][0].lower() not in _PREPOSITIONS and toks[lead][0].lower() not in STOP:
        lead += 1
    if 0 < lead < len(toks) and _is_cap(toks[lead][0]) and any(
            _bare(w) in ROLE_NOUNS or _bare(w) in TITLES or _bare(w) in RELATIONS
            or _AGENT_NOUN.fullmatch(w) for w, _, _ in toks[:lead]):
        toks = toks[lead:]
    j = 0
    while j < len(toks) and (_name_word(toks[j][0]) or (
            j > 0 and toks[j][0].lower() in _JOINERS and j + 1 < len(toks)
            and _is_cap(toks[j + 1][0]))):
        j += 1
    return _name_of(toks[:j]) if j else None


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the comma- or dash-separated parts of `text[start:end]`, stripped, brackets kept
    whole."""
    out: list[tuple[int, int]] = []
    depth, cursor = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",;\u2014\u2013" or (ch == "-" and text[i - 1:i] == " ")):
            out.append((cursor, i))
            cursor = i + 1
    out.append((cursor, end))
    stripped = []
    for a, b in out:
        while a < b and text[a] in " \u00a0":
            a += 1
        while b > a and text[b - 1] in " \u00a0.":
            b -= 1
        if a < b:
            stripped.append((a, b))
    return stripped


def _pronoun(text: str, start: int, end: int, at_end: bool) -> str | None:
    """Return the pronoun a short phrase is (`he`, `But she`), or None."""
    words = text[start:end].lower().split()
    if not words or len(words) > 3:
        return None
    word = words[-1] if at_end else words[0]
    if word not in _PRONOUNS:
        return None
    if any(w not in STOP and w not in _PRONOUNS for w in words):
        return None
    return word


def _clause_pronoun(text: str, start: int, end: int) -> str | None:
    """Return the pronoun that is the subject of a clause closing the phrase (`Audience
    members laughed when he`)."""
    words = text[start:end].lower().split()
    if len(words) >= 2 and words[-1] in _PRONOUN_GENDER and words[-2] in _CLAUSE_OPENERS:
        return words[-1]
    return None


def _appositive(text: str, start: int, end: int) -> bool:
    """Return True if a phrase describes rather than names (`a top Trump surrogate`)."""
    toks = _tokens(text, start, end)
    if not toks:
        return False
    first = toks[0][0]
    return first.lower() in _DETERMINERS or first[:1].islower() or _is_title(first) or \
        first.upper() == first or bool(_POSSESSIVE.search(first) and len(toks) > 1)


@dataclass(frozen=True, slots=True)
class Phrase:
    """What the words next to a speech verb are: a name, a pronoun, or a description."""

    name: Name | None = None
    pronoun: str | None = None
    description: str | None = None
    role: str | None = None
    """A role the phrase gives a name (`the company's chief executive`)."""


def subject_before(text: str, start: int, end: int) -> Phrase | None:
    """Return the subject of a speech verb standing right after `text[start:end]`
    (`Trump`, `Flynn, a top Trump surrogate,`, `Trump's attorney, Alan Garten,`, `she`)."""
    segs = segments(text, start, end)
    if not segs:
        return None
    a, b = segs[-1]
    other = name_at_end(text, a + 4, b) if re.match(r"(?:and|or)\s", text[a:b]) else None
    if len(segs) >= 2 and other is not None and len(other.words) >= 2:
        return Phrase(description=text[a:b])  # `X, and Y said`: two speakers, none chosen
    pronoun = _pronoun(text, a, b, at_end=True) or _clause_pronoun(text, a, b)
    if pronoun:
        return Phrase(pronoun=pronoun)
    if len(segs) >= 3 and _appositive(text, *segs[1]):
        # `Prince Andrew, the younger brother of the heir, Charles, has told`: a name that
        # opens the phrase and is followed by an appositive is the subject, whatever names
        # the appositive holds (`Kurinji Selvaraj, a research analyst at the Council on Energy,
        # Environment and Water`).
        lead = name_at_start(text, *segs[0])
        if lead is not None and lead.end >= segs[0][1] - 1:
            return Phrase(name=lead, role=text[segs[1][0]:segs[1][1]])
    first_word = text[a:b].split()[0]
    if len(segs) >= 2 and _is_cap(first_word) and _is_title(first_word):
        # `Rob Goldman, President Ascom North America,`: the name before the appositive speaks.
        whole = name_at_end(text, *segs[-2])
        if whole is not None and whole.start <= segs[-2][0] + 1:
            return Phrase(name=whole, role=text[a:b])
    name = name_at_end(text, a, b)
    if name is None:
        # `Capt. Maria Ruiz of the fire department`: a name with where it works.
        first = name_at_start(text, a, b)
        if first is not None and _OF_PLACE.match(text, first.end, b):
            return Phrase(name=first, role=text[first.end:b].strip())
    if name is not None:
        role = None
        if len(segs) >= 2 and _appositive(text, *segs[-2]):
            role = text[segs[-2][0]:segs[-2][1]]
        return Phrase(name=name, role=role)
    if len(segs) >= 3 and _appositive(text, *segs[1]):
        # `Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water`:
        # commas inside the appositive.
        first = name_at_end(text, *segs[0])
        if first is not None and first.start == segs[0][0]:
            return Phrase(name=first, role=text[segs[1][0]:b])
    if len(segs) >= 2 and _appositive(text, a, b):
        pa, pb = segs[-2]
        pronoun = _pronoun(text, pa, pb, at_end=True)
        if pronoun:
            return Phrase(pronoun=pronoun)
        name = name_at_end(text, pa, pb)
        if name is not None:
            return Phrase(name=name, role=text[a:b])
        if re.match(r"(?:who|which|whose)\b", text[a:b]):
            # `One senior official, who spoke on condition of anonymity,`.
            return Phrase(description=text[pa:pb])
    return Phrase(description=text[a:b])


def speaker_after(text: str, start: int, end: int) -> Phrase | None:
    """Return the speaker named after a speech verb (`said Dr. Anthony Fauci, the top …`,
    `said the company's chief executive, John Hale`, `said she`)."""
    segs = segments(text, start, end)
    if not segs:
        return None
    a, b = segs[0]
    pronoun = _pronoun(text, a, b, at_end=False)
    if pronoun:
        return Phrase(pronoun=pronoun)
    name = name_at_start(text, a, b)
    if name is not None:
        # `NASA administrator Jim Bridenstine`: the first name is whose role it is.
        owned = _ROLE_THEN_NAME.match(text, name.end, b)
        if owned and any(_bare(w) in ROLE_NOUNS or _bare(w) in TITLES
                         for w in owned.group(1).split()):
            person = name_at_start(text, owned.end(1), b)
            if person is not None:
                return Phrase(name=person, role=text[name.start:owned.end(1)].strip())
        role = text[segs[1][0]:segs[1][1]] if len(segs) >= 2 and _appositive(
            text, *segs[1]) else None
        return Phrase(name=name, role=role)
    if len(segs) >= 2 and any(_bare(w) in ROLE_NOUNS or _bare(w) in TITLES
                              or _bare(w) in RELATIONS for w in text[a:b].split()):
        na, nb = segs[1]
        name = name_at_start(text, na, nb)
        if name is not None and name.end >= nb - 1:
            return Phrase(name=name, role=text[a:b])
    doc = _DOCUMENT.match(text, a, b)
    if doc:
        name = name_at_start(text, doc.end(), b)
        if name is not None:
            return Phrase(name=name)
    return Phrase(description=text[a:b])


# --- the cast of one article ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Seen:
    """A person a pronoun may point at: where the text last named them (`start`: the end of
    the name), and whether there as the subject of a clause."""

    key: str
    kind: ActorKind
    paragraph: int
    start: int
    gender: Gender | None
    subject: bool = True


@dataclass
class Cast:
    """The people and organisations of one article, and the speakers attributed so far."""

    mentions: tuple[Mention, ...]
    roles: dict[str, str | None]
    quoted: dict[int, list[tuple[int, int]]]
    """Per paragraph, the quoted spans: a person named inside a quotation is no antecedent."""
    by_last: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)
    genders: dict[str, Gender | None] = field(default_factory=dict)
    by_paragraph: dict[int, list[Mention]] = field(default_factory=dict)
    starts: dict[int, list[int]] = field(default_factory=dict)
    said: list[_Seen] = field(default_factory=list)
    """Speakers attributed so far, in reading order (`find_quotes` adds them)."""
    display: dict[str, str] = field(default_factory=dict)
    """An actor's name as the actor list shows it (`FBI` when the article never spells out
    `Federal Bureau of Investigation`; `Kathleen Hawk Sawyer` for `Hawk Sawyer`), by each of
    its names."""
    texts: dict[int, str] = field(default_factory=dict)
    proper: set[str] = field(default_factory=set)
    """Words the article capitalises inside a sentence: names even where they open one."""
    pairs: dict[str, list[str]] = field(default_factory=dict)
    """Every `First Last` pair of capitalised words the article writes, by last word: people
    the mentions missed still keep a shared surname ambiguous."""

    @classmethod
    def of(cls, mentions: tuple[Mention, ...], roles: dict[str, str | None],
           texts: dict[int, str], quoted: dict[int, list[tuple[int, int]]]) -> Cast:
        cast = cls(mentions=mentions, roles=roles, quoted=quoted, texts=texts)
        for text in texts.values():
            cast.proper.update(m.group(1) for m in _MID_CAPITAL.finditer(text))
        for text in texts.values():
            for pair in _PAIR.finditer(text):
                first, last = pair.group(1), pair.group(2)
                low = _bare(first)
                if low in STOP or _is_title(first) or low in CONNECTORS or \
                        gazetteer_lookup([first], 0) or gazetteer_lookup([last], 0):
                    continue
                opener = text[:pair.start()].rstrip(" \u201c\u2018\"'(")
                if (not opener or opener[-1] in ".!?:") and low not in FIRST_NAMES and \
                        first not in cast.proper and (
                            low.endswith(("ing", "ly")) or (low.endswith("ed") and len(low) > 4)):
                    continue  # `Hosting Cook, …`: a sentence's first word, not a first name
                firsts = cast.pairs.setdefault(last, [])
                if first not in firsts:
                    firsts.append(first)
        for m in mentions:
            cast.by_paragraph.setdefault(m.paragraph, []).append(m)
            if m.kind is not ActorKind.PERSON:
                continue
            words = [w for w in m.key.split() if _bare(w) not in _SUFFIXES]
            if m.key not in cast.genders:
                cast.genders[m.key] = FIRST_NAMES.get(words[0].lower()) if len(words) > 1 \
                    else None
            before = texts.get(m.paragraph, "")[max(0, m.start - 14):m.start].split()
            if before:
                low = _bare(before[-1])
                told = HONORIFICS.get(low) or TITLES.get(low)
                if told and cast.genders.get(m.key) is None:
                    cast.genders[m.key] = told
            if len(words) > 1:
                for index, word in ((cast.by_last, words[-1]), (cast.by_first, words[0])):
                    keys = index.setdefault(word, [])
                    if m.key not in keys:
                        keys.append(m.key)
        cast.starts = {p: [m.start for m in ms] for p, ms in cast.by_paragraph.items()}
        cast._genders_from_pronouns()
        return cast

    def _genders_from_pronouns(self) -> None:
        """Learn the gender of people no title or first name tells from the pronoun that
        follows them in their sentence (`Volker disputed that he had …`) when no other person
        comes between; people the pronouns disagree about stay unknown."""
        told: dict[str, set[Gender]] = {}
        for p, ms in self.by_paragraph.items():
            text = self.texts.get(p, "")
            for i, m in enumerate(ms):
                if m.kind is not ActorKind.PERSON or self.gender(m.key) is not None:
                    continue
                stop = ms[i + 1].start if i + 1 < len(ms) else len(text)
                window = text[m.end:min(stop, m.end + 120)]
                window = re.split(r"[.!?;\u201c\"]", window, maxsplit=1)[0]
                hit = _GENDERED.search(window)
                if hit:
                    told.setdefault(m.key, set()).add(
                        "m" if hit.group().lower() in {"he", "his", "him", "himself"} else "f")
        for key, genders in told.items():
            if len(genders) == 1:
                self.genders[key] = next(iter(genders))

    def gender(self, key: str) -> Gender | None:
        """Return the gender a person's title or first name tells, if any."""
        return self.genders.get(key) or FIRST_NAMES.get(key.split()[0].lower())

    def _in_quote(self, paragraph: int, offset: int) -> bool:
        spans = self.quoted.get(paragraph, [])
        i = bisect_left(spans, (offset + 1, 0)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def _between(self, paragraph: int, start: int, end: int) -> list[Mention]:
        """Return the paragraph's mentions starting in `[start, end)` (by bisection: a long
        paragraph full of names stays linear)."""
        ms = self.by_paragraph.get(paragraph, [])
        starts = self.starts.get(paragraph, [])
        return ms[bisect_left(starts, start):bisect_left(starts, end)]

    def _choose(self, keys: list[str], paragraph: int, offset: int,
                gender: Gender | None) -> str | None:
        """Return the one of `keys` the context names: the only one, the only one of the
        title's gender, or the only one named in full in the paragraph before `offset`."""
        if gender is not None:
            fits = [k for k in keys if self.gender(k) in (gender, None)]
            keys = fits or keys
        if len(keys) == 1:
            return keys[0]
        before = self.texts.get(paragraph, "")[:offset]
        near = [k for k in keys if k in before]
        return near[0] if len(near) == 1 else None

    def resolve(self, name: Name, paragraph: int) -> Speaker | None:
        """Return the speaker a written name denotes, AMBIGUOUS when two people share it, or
        None when it cannot speak (a place, a platform, a letter)."""
        words = list(name.words)
        if not _can_speak(words):
            return None
        text = " ".join(words)
        at = [m for m in self._between(paragraph, name.start - _AROUND, name.end)
              if m.start <= name.start < m.end or name.start <= m.start < name.end]
        # `Jordan said` after `Chief Executive Bob Jordan`: a person's surname outranks the place.
        person_named = len(words) == 1 and bool(self.by_last.get(words[0]))
        for m in at:
            if m.kind in (ActorKind.COUNTRY, ActorKind.PLACE) and m.start <= name.start \
                    and m.end >= name.end and not person_named:
                return None
        hit = None if person_named else gazetteer_lookup(words, 0)
        if hit and hit[0] == len(words):
            entry = hit[1]
            if entry.kind is not ActorKind.ORGANISATION:
                return None
            return Speaker(self.display.get(entry.canonical, entry.canonical), "organisation")
        if len(words) > 1:
            for m in at:
                if m.kind is ActorKind.PERSON and m.key.endswith(words[-1]) and \
                        len(m.key.split()) >= len(words) and \
                        not any(_is_title(w) for w in m.key.split()[:-1]):
                    return self._person(m.key, "explicit")
                if m.kind is ActorKind.ORGANISATION and m.start == name.start and \
                        m.end <= name.end:
                    return Speaker(m.key, "organisation")
            full = [k for k in self.by_last.get(words[-1], ())
                    if k.split()[0] == words[0]]
            if len(full) == 1:
                return self._person(full[0], "explicit")
            low = [_bare(w) for w in words]
            if low[-1] in ORG_HEADS or any(w in ORG_WORDS for w in low):
                return Speaker(text, "organisation")
            return self._person(text, "explicit", name.title)
        word = words[0]
        if _is_acronym(word):
            org = next((m for m in at if m.kind is ActorKind.ORGANISATION), None)
            key = org.key if org else word
            return Speaker(self.display.get(key, key), "organisation")
        for index in (self.by_last, self.by_first):
            candidates = list(index.get(word, ()))
            if index is self.by_last:
                for first in self.pairs.get(word, ()):
                    # A middle name (`Owen John Dempsey`) is no other person.
                    if not any(first in k.split() for k in candidates):
                        candidates.append(f"{first} {word}")
            elif not candidates and word.lower() in FIRST_NAMES:
                # `Kate said` after `Kate Henderson and her husband`: a first name the text
                # wrote with one surname only.
                candidates = [f"{word} {last}" for last, firsts in self.pairs.items()
                              if word in firsts and _bare(last) not in _SUFFIXES]
            if candidates:
                chosen = self._choose(candidates, paragraph, name.start, name.gender)
                if chosen is None:
                    return AMBIGUOUS
                return self._person(chosen, "resolved")
        org = next((m for m in at if m.kind is ActorKind.ORGANISATION), None)
        if org is not None:
            return Speaker(org.key, "organisation")
        kind: SpeakerKind = "person" if name.title or word.lower() in FIRST_NAMES else "unknown"
        return Speaker(word, kind, _title_role(name.title), "explicit")

    def _person(self, key: str, how: Attribution, title: tuple[str, ...] = ()) -> Speaker:
        key = self.display.get(key, key)
        return Speaker(key, "person", self.roles.get(key) or _title_role(title), how)

    def antecedent(self, pronoun: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the nearest person before `offset` a pronoun can point at: named outside a
        quotation in this or the two paragraphs before, of a compatible gender, with no other
        name between them that the mentions could not place."""
        gender = _PRONOUN_GENDER.get(pronoun)
        if gender is None:
            return None
        seen: list[_Seen] = []
        for p in range(max(1, paragraph - 2), paragraph + 1):
            # The nearest few mentions are enough, and keep a long paragraph linear.
            for m in self._between(p, 0, offset if p == paragraph else 1 << 62)[-_NEAREST:]:
                if m.kind is ActorKind.PERSON and not self._in_quote(p, m.start) \
                        and not self._object(p, m.start):
                    seen.append(_Seen(m.key, m.kind, p, m.end, self.gender(m.key),
                                      self._subject(p, m.start)))
        seen += [s for s in self.said[-_NEAREST:] if s.kind is ActorKind.PERSON
                 and paragraph - 2 <= s.paragraph and (s.paragraph, s.start) < (paragraph, offset)]
        seen += self._speakers_named(paragraph, offset)
        seen.sort(key=lambda s: (s.paragraph, s.start))
        fits = [s for s in reversed(seen) if s.gender in (gender, None)
                and self._distance(s, paragraph, offset) <= _REACH]
        if not fits:
            return None
        nearest = fits[0]
        subject = next((s for s in fits if s.subject), None)
        if not nearest.subject and subject is not None:
            # `Figgins declined to say … on the night Epstein died. “…,” he said`: a name inside
            # a clause loses to the subject before it.
            nearest = subject
        close = nearest.subject and self._distance(nearest, paragraph, offset) <= _CLOSE
        if nearest.gender is None and not close and any(s.gender == gender and
                                                        s.key != nearest.key for s in fits):
            return None  # `she` after `Taylor Swift … Big Machine`: the gender does not settle it
        if self._unplaced_name(nearest, paragraph, offset):
            return None
        return self._person(nearest.key, "resolved")

    def _distance(self, seen: _Seen, paragraph: int, offset: int) -> int:
        """Return how many characters lie between where `seen` was named and `offset`."""
        if seen.paragraph == paragraph:
            return offset - seen.start
        between = sum(len(self.texts.get(p, "")) for p in range(seen.paragraph + 1, paragraph))
        return len(self.texts.get(seen.paragraph, "")) - seen.start + between + offset

    def _subject(self, paragraph: int, start: int) -> bool:
        """Return True if the name at `start` opens its clause (`Figgins declined …`, `while
        Central Bank governor Godwin Emefiele stayed`): only titles, roles, capitalised words
        and determiners stand between it and the clause's start."""
        text = self.texts.get(paragraph, "")
        before = text[max(0, start - 80):start]
        cut = max(before.rfind(c) for c in ".;:!?,\u201c\u201d\"(\u2014")
        words = before[cut + 1:].split()
        near = [w.lower() for w in words if w.lower() not in {"the", "a", "an"}][-2:]
        if near and near[-1] in _PREPOSITIONS and near[-1] != "by" and near != ["according", "to"]:
            return False  # `the general secretary of the Royal College`: inside a phrase
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in _CLAUSE_OPENERS:
                words = words[i + 1:]
                break
        # A noun for what someone does (`the singer`, `defenseman`) may stand before the name;
        # after `to` the same shape is a verb (`to bolster Stadia`).
        agents = "to" not in (w.lower() for w in words)
        return all(_is_cap(w) or _bare(w) in STOP or _bare(w) in ROLE_NOUNS or _is_title(w)
                   or _bare(w) in RELATIONS or "-" in w or (agents and _AGENT_NOUN.fullmatch(w))
                   for w in words)

    def _speakers_named(self, paragraph: int, offset: int) -> list[_Seen]:
        """Return where earlier one-word speakers (`Trump said` with no full name anywhere) are
        named again, as subjects, in this or the two paragraphs before `offset`: the mentions
        do not hold them."""
        keys = {s.key: s.gender for s in self.said[-_NEAREST:] if " " not in s.key}
        if not keys:
            return []
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, keys)) + r")\b(?![\u2019']s)")
        out: list[_Seen] = []
        for p in range(max(1, paragraph - 2), paragraph + 1):
            text = self.texts.get(p, "")
            for m in pattern.finditer(text, max(0, (offset if p == paragraph else len(text))
                                              - 2000), offset if p == paragraph else len(text)):
                if not self._in_quote(p, m.start()) and not self._object(p, m.start()):
                    out.append(_Seen(m.group(1), ActorKind.PERSON, p, m.end(), keys[m.group(1)],
                                     self._subject(p, m.start())))
        return out

    def _object(self, paragraph: int, start: int) -> bool:
        """Return True if the person named at `start` is an object (`asked about Trump`,
        `praised Smith`): a pronoun subject rarely points back at one."""
        before = _LAST_WORD.search(self.texts.get(paragraph, ""), max(0, start - 30), start)
        if before is None:
            return False
        word = before.group(1).lower()
        if word == "by" or (word == "to" and self.texts.get(paragraph, "")[
                max(0, start - 16):start].rstrip().lower().endswith("according to")):
            return False  # `brought by X`, `according to X`: the agent, not an object
        return word in _PREPOSITIONS or word in _OBJECT_VERBS or (
            word.endswith(("ed", "ing")) and word not in _DETERMINERS)

    def _unplaced_name(self, seen: _Seen, paragraph: int, offset: int) -> bool:
        """Return True if a capitalised word between an antecedent and its pronoun may name
        another person (`Carlineo` where only `James Kennedy Jr.` is known)."""
        own = set(seen.key.split())
        for p in range(seen.paragraph, paragraph + 1):
            text = self.texts.get(p, "")
            start = seen.start if p == seen.paragraph else 0
            end = offset if p == paragraph else len(text)
            spans = [(m.start, m.end) for m in self._between(p, start - _AROUND, end)]
            spans += self.quoted.get(p, [])
            for m in _CAPITALISED.finditer(text, start, end):
                word = _POSSESSIVE.sub("", m.group())
                if word in own or _bare(word) in STOP or _is_title(word) or \
                        _bare(word) in NOT_SPEAKERS or any(a <= m.start() < b for a, b in spans):
                    continue
                before = text[:m.start()].rstrip(" \u201c\u2018\"'(")
                if (not before or before[-1] in ".!?:\u2014") and word not in self.proper \
                        and not _NAME_FOLLOWS.match(text, m.end()):
                    continue  # a sentence opener, not a name (`Lakshiwnder Singh` would be)
                if gazetteer_lookup([word], 0):
                    continue
                if seen.subject and (not self._subject(p, m.start())
                                     or self._object(p, m.start())):
                    continue  # `on the night Anders Kolb died`, `asked about Pelosi`: no rival
                return True
        return False

    def titled(self, title: str) -> Speaker | None:
        """Return the one person the article gives `title` (`the president` → the only
        person called President), or None when nobody or several are."""
        holders = {m.key for m in self.mentions if m.kind is ActorKind.PERSON and m.role
                   and title in {_bare(w) for w in m.role.split()}}
        holders |= {key for key, role in self.roles.items()
                    if role and title in {_bare(w) for w in role.split()}}
        holders = {self.display.get(k, k) for k in holders}
        if len(holders) != 1:
            return None
        return self._person(next(iter(holders)), "resolved")

    def organisation(self, head: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the organisation `the <head>` points at: the last one named before, one whose
        name holds the head word first."""
        before = [m for p in range(1, paragraph + 1) for m in self.by_paragraph.get(p, ())
                  if m.kind is ActorKind.ORGANISATION and (p < paragraph or m.start < offset)]
        headed = [m for m in before if head.lower() in m.key.lower()]
        if headed:
            return Speaker(headed[-1].key, "organisation", attribution="resolved")
        # `the company` for a name without the word: only the one organisation of the last
        # two paragraphs will do.
        recent = {m.key for m in before if m.paragraph >= paragraph - 1}
        if len(recent) == 1 and head.lower() in _GENERIC_HEADS:
            return Speaker(recent.pop(), "organisation", attribution="resolved")
        return None

    def note(self, speaker: Speaker, paragraph: int, offset: int) -> None:
        """Record an attributed speaker, so a later `he`/`she` may point at it."""
        if speaker.kind not in ("person", "unknown") or not speaker.named or \
                speaker is AMBIGUOUS:
            return
        gender = self.gender(speaker.name)
        self.said.append(_Seen(speaker.name, ActorKind.PERSON, paragraph, offset, gender))


def _title_role(title: tuple[str, ...]) -> str | None:
    words = [w for w in title if _bare(w) not in HONORIFICS or _bare(w) not in
             {"mr", "mrs", "ms", "mme", "mlle", "messrs", "dr"}]
    if not words or all(_bare(w) in {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"}
                        for w in words):
        return None
    return " ".join(words)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha() and \
        letters not in NOT_ORG_ACRONYMS


def _can_speak(words: list[str]) -> bool:
    """Return True unless the words are a letter, an initial, a code, a web word or a
    platform."""
    if not words:
        return False
    low = [_bare(w) for w in words]
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    if all(w in NOT_SPEAKERS for w in low):
        return False
    if len(words) == 1:
        word = words[0]
        letters = word.replace(".", "")
        if len(letters) < 2 or (_INITIAL.fullmatch(word) and not _is_acronym(word)):
            return False
        if low[0] in STOP or low[0] in TITLES or low[0] in HONORIFICS or low[0] in _PRONOUNS:
            return False
        if letters.isupper() and len(letters) > 5:
            return False  # `WATCH`, `BREAKING`: shouted web words, not acronyms
    return all(_is_cap(w) or w in _LOWER_CONNECTORS or _bare(w) in CONNECTORS for w in words)


def description_speaker(phrase: str) -> Speaker | None:
    """Return an unnamed speaker a description gives (`one diplomat`, `analysts`)."""
    words = phrase.lower().split()
    if any(w.endswith("ed") and "-" not in w and w not in ROLE_NOUNS for w in words) or \
            any(w in _PRONOUNS for w in words):
        return None  # `Audience members laughed when …`: a clause, not a description
    group = _GROUP_NOUNS.search(phrase)
    if group and len(words) <= 8:
        return Speaker(_trim(phrase), "group", named=False)
    nouns = [w.strip(",.") for w in words]
    # `the president`, `the company's chief executive`: one person the article names elsewhere,
    # which the description alone does not tell; `a diplomat`, `one official` is all we know.
    if nouns and len(nouns) <= 6 and any(w in ROLE_NOUNS for w in nouns) and \
            nouns[0] in {"a", "an", "one", "another", "two", "three", "several"}:
        return Speaker(_trim(phrase), "group" if nouns[-1].endswith("s") else "person",
                       named=False)
    return None


def title_head(phrase: str) -> str | None:
    """Return the title of `the president`, `the senator`: a description that is only a
    definite article and one title word."""
    m = re.fullmatch(r"the\s+([a-z-]+)", phrase.strip(), re.IGNORECASE)
    if m and (m.group(1).lower() in TITLES or m.group(1).lower() in ROLE_NOUNS) and \
            m.group(1).lower() not in {"head", "chief", "leader", "member", "officer"}:
        return m.group(1).lower()
    return None


def anaphor_head(phrase: str) -> str | None:
    """Return the head of `the ministry`, `the company`: an organisation named before."""
    m = _ANAPHOR.match(phrase.strip())
    return m.group(1) if m else None


def _trim(np: str) -> str:
    np = np.strip(" ,.")
    return re.sub(r"^(?:the|a|an|some|many|several|most)\s+", "", np, flags=re.I)


__all__ = [
    "AMBIGUOUS",
    "Cast",
    "Name",
    "Phrase",
    "Speaker",
    "anaphor_head",
    "description_speaker",
    "mask_party_tags",
    "name_at_end",
    "name_at_start",
    "segments",
    "speaker_after",
    "subject_before",
    "title_head",
]
