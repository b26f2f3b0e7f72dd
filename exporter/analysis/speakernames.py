"""Names next to a speech verb: the capitalised words in, the `Name` they make out.

`name_at_end` and `name_at_start` read the name that closes or opens a phrase (`… press
secretary Karine Jean-Pierre`, `Dr. Anthony Fauci, the top …`), split from its title (`Deputy
Agriculture Minister`), and refuse one a preposition makes an object (`a spokesman for Smith`),
one inside a description or a clause, two people joined by `and`, and an owner (`Smith's
spokesman`). `speakers` reads the rest of the phrase around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import MONTHS, WEEKDAYS
from .actors import ADVOCATES, CONNECTORS, ORG_HEADS, ORG_WORDS, ROLE_NOUNS, ROLE_WORDS, STOP
from .actors import lookup as gazetteer_lookup
from .lexicon import FIRST_NAMES, HONORIFICS, RELATIONS, TITLES, Gender

# Titles that make a one-word name whole (`Pope Francis`, `King Charles`).
_SOVEREIGNS = frozenset({"pope", "king", "queen", "prince", "princess", "emir", "sheikh",
                         "sheikha", "sultan", "shah", "emperor", "empress", "lady", "lord",
                         "dame", "sir", "baroness", "baron"})
# Capitalised words that are names before another name and common words elsewhere.
_NAME_OR_WORD = frozenset({"He", "She", "Will", "May", "June", "April", "Per"})
LOWER_CONNECTORS = frozenset({"de", "da", "del", "della", "der", "van", "von", "bin", "bint",
                               "ibn", "al", "el", "la", "le", "du", "di", "dos", "das", "ter",
                               "los", "las", "oglu", "qizi"})
# Small words inside an organisation's name (`Chamber of Commerce`, `Bank of England`).
_JOINERS = frozenset({"of", "for", "the", "and", "&"})
# Words after which a name is an object, not the speaker (`a spokesman for Smith said`).
PREPOSITIONS = frozenset({"from", "to", "with", "about", "for", "by", "of", "on", "at", "in",
                           "against", "than", "like", "toward", "towards", "under", "over",
                           "into", "onto", "upon", "via", "near", "behind", "after", "beside",
                           "besides", "alongside", "among", "amid", "between", "unlike",
                           "before", "told", "asked", "and", "or", "nor", "&"})
DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
                          "who", "which", "whose", "then", "now", "also", "himself", "herself"})
# Words before a name that describe the person without being a role: `43-year-old`, `former`.
_MODIFIER = re.compile(r"\d+-year-old|former|retired|veteran|late|then|fellow|young|elderly")
# Nouns for what someone does (`geologist`, `researcher`, `spokeswoman`).
AGENT_NOUN = re.compile(r"[a-z-]{2,}(?:ist|er|or|ian|man|woman|person)")
_TOKEN = re.compile(r"[^\s,;:()\u201c\u201d\"]+")
POSSESSIVE = re.compile(r"[\u2019']s?$")
INITIAL = re.compile(r"(?:[A-Z]\.?){1,3}")


def bare_word(word: str) -> str:
    return word.lower().rstrip(".")


def is_capitalised(word: str) -> bool:
    # `d'Ivoire`, `al-Haddad`: an article joined to a capital is part of the name.
    return word[:1].isupper() or _JOINED_ARTICLE.match(word) is not None


_JOINED_ARTICLE = re.compile(r"[dlDL]['\u2019][A-Z]|(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|"
                             r"abu|abd)-[A-Z]")


def is_title(word: str) -> bool:
    low = bare_word(word)
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
        if word.endswith(".") and not (bare_word(word) in HONORIFICS or INITIAL.fullmatch(word)
                                       or re.fullmatch(r"(?:[A-Za-z]\.)+", word)):
            word, b = word[:-1], b - 1
        word = word.strip("\u2014\u2013-")
        if word:
            out.append((word, a, b))
    return out


def _name_word(word: str) -> bool:
    return is_capitalised(word) or word in LOWER_CONNECTORS


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,4}|[A-Z]{2,6}")


# Words that make `X of Y` a body's name: organisations' heads, and the meetings of members
# that are bodies in their own right (`Texas Conference of Urban Counties`).
BODY_BEFORE_OF = ORG_HEADS | {"conference", "convention"}


def _name_of(run: list[tuple[str, int, int]]) -> Name | None:
    """Return the name a run of capitalised words makes, its title split off."""
    while run and (bare_word(run[0][0]) in STOP or run[0][0] in LOWER_CONNECTORS):
        if run[0][0] in _NAME_OR_WORD and len(run) > 1 and bare_word(run[1][0]) not in STOP \
                and not is_title(run[1][0]):
            # `He Jianxiong`, `Will Moy`: a surname or first name, not a pronoun or a modal,
            # before a capitalised name.
            break
        run = run[1:]
    while run and run[-1][0] in LOWER_CONNECTORS:
        run = run[:-1]
    title: list[str] = []
    gender: Gender | None = None
    # Everything up to the last title word is the title (`Deputy Agriculture Minister`), unless
    # the words end in an organisation's head (`Justice Department`, `Foreign Ministry`).
    last = max((i for i in range(len(run) - 1) if is_title(run[i][0])), default=-1)
    if run and bare_word(run[-1][0]) in ORG_HEADS and bare_word(run[0][0]) not in HONORIFICS:
        last = -1
    if last >= 0 and any(run[k][0] == "of" and bare_word(run[k - 1][0]) in BODY_BEFORE_OF
                         for k in range(last + 2, len(run) - 1)):
        # `South Carolina State Conference of the NAACP`: a body's name after the title words
        # (but `Department of Health Secretary Ann Cole`: the title comes after the body).
        last = -1
    if len(run) > 2 and bare_word(run[0][0]) in ORG_HEADS and run[1][0] == "on" and \
            _joins(run, 1):
        # `Council on Foreign Relations`: a body's name, whatever title words it holds (but
        # `Department of Health Secretary Ann Cole`).
        last = -1
    lead = [w for w, _, _ in run[:last + 1]]
    if any(w in _JOINERS and i > 0 and not is_title(lead[i - 1]) and
           bare_word(lead[i - 1]) not in ORG_HEADS and bare_word(lead[i - 1]) not in ORG_WORDS
           and not (w in ("and", "&") and any(bare_word(x) in ORG_HEADS for x in lead[i + 1:]))
           for i, w in enumerate(lead)):
        # `Critics of Mayor Ann Cole`: the name is the object of `of` (but `Food and Drug
        # Administration Commissioner X`: an organisation's name before the title).
        return None
    for word, _, _ in run[:last + 1]:
        low = bare_word(word)
        gender = HONORIFICS.get(low) or TITLES.get(low) or gender
        title.append(word)
    run = run[last + 1:]
    if run and run[0][0] == "to":
        # `Ambassador to the United Nations Margaret Ellison`: the person is the common first
        # name and what follows it; with none, the office names nobody.
        first = [j for j in range(len(run) - 1) if bare_word(run[j][0]) in FIRST_NAMES
                 and 2 <= len(run) - j <= 3]
        if not first and len(run) >= 4 and _ACRONYM.fullmatch(run[1][0]) and len(run) <= 5:
            first = [2]  # `Ambassador to NATO Theodora Blackwood`: the body's initials, a name
        if not first:
            return None
        run = run[first[-1]:]
    if run and run[0][0] in _JOINERS:
        return None  # `High Commissioner for Human Rights`, `CEO of Take-Two`: an office
    while run and run[0][0] in CONNECTORS:
        run = run[1:]
    if not run:
        return None
    words = [w for w, _, _ in run]
    # (`Ford and Fry` is two people, never `Ford` from somewhere.)
    joined = [i for i, w in enumerate(words) if w in _JOINERS and w not in {"and", "&"}]
    if joined and not any(bare_word(w) in BODY_BEFORE_OF or bare_word(w) in ORG_WORDS
                          for w in words[:joined[0]]) and not (
            joined[0] == 1 and words[1] == "for" and bare_word(words[0]) in ADVOCATES):
        # `Martin Taylor of Aberdeenshire`: a person and where they are from (but `Americans
        # for Prosperity`: an advocacy group's name).
        words, run = words[:joined[0]], run[:joined[0]]
        if not words:
            return None
    if any(w.lower() in {"and", "&"} for w in words) and bare_word(words[-1]) not in ORG_HEADS:
        return None  # `Smith and Jones`: two speakers
    if len(words) == 1 and not title and bare_word(words[0]).endswith("s") and \
            bare_word(words[0])[:-1] in ROLE_NOUNS:
        return None  # `Lawyers for Quintrell said`, a sentence's first word: people, no name
    owner = max((k for k, w in enumerate(words[:-1]) if POSSESSIVE.search(w)), default=None)
    if owner is not None and not POSSESSIVE.search(words[-1]) and (
            (owner == 0 and len(words) >= 3) or
            (owner >= 1 and bare_word(words[-1]) not in ORG_HEADS)):
        # `Labour’s Yvette Cooper`, `Google’s Sundar Pichai`, `Pellham Gray's Carrington`: the
        # owner is her party or firm (not in a body's own name: `Legislative Analyst’s Office`).
        words, run = words[owner + 1:], run[owner + 1:]
    body = bare_word(words[-1]) in ORG_HEADS
    if any(POSSESSIVE.search(w) and len(w) > 2 and not (body and w.endswith(("s'", "s\u2019")))
           for w in words):
        # `Smith's spokesman`: Smith owns, does not speak (but `Cattle Growers' Association`,
        # `Teachers' Union`: a plural possessive inside a body's name).
        return None
    if len(words) == 1 and title and bare_word(title[-1]) in _SOVEREIGNS:
        words = [title[-1], *words]
    # (The particles of `María de los Ángeles Ruiz Beltrán` do not count, nor the small words
    # of `South Carolina State Conference of the NAACP`; a body's name may run longer.)
    longest = 8 if any(bare_word(w) in BODY_BEFORE_OF for w in words) else 5
    if sum(w not in LOWER_CONNECTORS and w not in _JOINERS for w in words) > longest:
        return None
    return Name(words=tuple(words), start=run[0][1], end=run[-1][2], title=tuple(title),
                gender=gender)


def _joins(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Return True if `toks[k]` is a small word inside a name (`Bank of England`, `Council on
    Foreign Relations`: `on` only after an organisation's head)."""
    word = toks[k][0].lower()
    return word in _JOINERS or (word == "on" and 0 < k < len(toks) - 1 and
                                bare_word(toks[k - 1][0]) in ORG_HEADS and
                                bare_word(toks[k + 1][0]) not in WEEKDAYS and
                                bare_word(toks[k + 1][0]) not in MONTHS)


def _office_to(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Return True if `toks[k]` is the `to` or `to the` of an office between a title and a
    capitalised name (`Ambassador to the United Nations`)."""
    word = toks[k][0].lower()
    if word == "to":
        return 0 < k < len(toks) - 1 and _capital_title(toks[k - 1][0]) and (
            is_capitalised(toks[k + 1][0]) or toks[k + 1][0].lower() == "the")
    if word == "the":
        return k > 1 and toks[k - 1][0].lower() == "to" and _capital_title(toks[k - 2][0])
    return False


def _capital_title(word: str) -> bool:
    """`Ambassador`, not `ambassador`: only a title written as part of a name opens an office."""
    return is_capitalised(word) and is_title(word)


# Verbs after which a name opens the clause they report (`said Ann Cole had told him …`), where
# after `told` or `asked` it is the listener.
_SAY_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "stated", "states",
                        "claimed", "claims", "argued", "argues", "insisted", "insists", "noted",
                        "notes", "testified", "testifies", "acknowledged", "acknowledges",
                        "suggested", "suggests", "recalled", "recalls", "explained", "explains"})


# When, fronted before a sentence's subject (`By Sunday morning Broadbeck had posted`).
_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "week", "weekend", "month",
                         "year", "day", "today", "tonight", "yesterday"})
# Prepositions that also open a clause, and a speech verb right after its subject.
_CONJUNCTIONS = frozenset({"after", "before", "since", "until"})
_SAY_AFTER = re.compile(r"\s*(?:said|says|told|tells|wrote|writes|posted|added)\b")


def name_at_end(text: str, start: int, end: int) -> Name | None:
    """Return the name that ends `text[start:end]` (`… press secretary Karine Jean-Pierre`),
    unless a preposition makes it an object (`a spokesman for Smith`)."""
    toks = _tokens(text, start, end)
    i = len(toks)
    while i > 0 and (_name_word(toks[i - 1][0]) or (
            i < len(toks) and _joins(toks, i - 1) and i > 1
            and is_capitalised(toks[i - 2][0])) or _office_to(toks, i - 1) or (
            # `Conference of the NAACP`: `of the` inside a body's name.
            i < len(toks) and i > 2 and toks[i - 1][0] == "the" and toks[i - 2][0] == "of"
            and bare_word(toks[i - 3][0]) in BODY_BEFORE_OF)):
        i -= 1
        if i > 0 and ":" in text[toks[i - 1][2]:toks[i][1]]:
            break  # `TRIBES WANT IN: The Intertribal … Council`: a label before the name
    if i == len(toks):
        return None
    posted = _posted_name(toks, i)
    if posted is not None:
        return posted
    if i > 0 and toks[i - 1][0].lower() in _CONJUNCTIONS and _SAY_AFTER.match(text, end):
        return _name_of(toks[i:])  # `after Sen. Ann Cole said …`: a clause's own subject
    if i > 0 and toks[i - 1][0].lower() in PREPOSITIONS:
        return None
    if i > 1 and toks[i - 1][0].lower() in {"the", "a", "an"} and any(
            bare_word(w) not in STOP for w, _, _ in toks[:i - 1]):
        # `the U.S. attorney for the Southern District`: a name inside a description.
        return None
    prev = toks[i - 1][0] if i > 0 else ""
    # `committee Chairman Curtis Lambeth`: a common noun may qualify a title that opens the run.
    titled = i + 1 < len(toks) and is_title(toks[i][0])
    if prev[:1].islower() and not titled and prev.lower() not in STOP and not is_title(prev) and \
            "-" not in prev and not _MODIFIER.fullmatch(prev) and \
            bare_word(prev) not in ROLE_NOUNS and bare_word(prev) not in RELATIONS and \
            not prev.endswith("ly") and \
            not POSSESSIVE.search(prev) and \
            not (AGENT_NOUN.fullmatch(prev) and len(toks) - i >= 2) and \
            not (AGENT_NOUN.fullmatch(prev) and i > 1 and is_capitalised(toks[i - 2][0])) and \
            not (is_title(toks[i][0]) and len(toks) - i >= 3) and \
            prev.lower() not in _SAY_VERBS and prev.lower() not in _TIME_NOUNS:
        # `the letter Mike wrote`: a name after a common noun is inside a clause (but a noun
        # for what someone does before a full name, `investor George Soros`, `New Media
        # investor Leon Cooperman`, is the name's role, `committee Chairman Curtis Lambeth` a
        # title with what it heads; `said Ann Cole had told him …` names the subject of the
        # clause reported).
        return None
    if toks[0][0].lower() in DETERMINERS and any(
            w.lower() in PREPOSITIONS or (w.endswith("ed") and "-" not in w)
            for w, _, _ in toks[1:i]):
        # `The authors of the research published in the journal JAMA Psychiatry`.
        return None
    return _name_of(toks[i:])


def _posted_name(toks: list[tuple[str, int, int]], i: int) -> Name | None:
    """Return the name after the place of a posting that `toks[i:]` runs on with (`ambassador
    to Britain Liu Xiaming`, `Ambassador to the United Nations Margaret Ellison`), or None."""
    j = i - 1
    if j >= 0 and toks[j][0].lower() == "the":
        j -= 1
    if j < 1 or toks[j][0].lower() not in {"to", "at", "in"} or not is_title(toks[j - 1][0]):
        return None
    hit = gazetteer_lookup([w for w, _, _ in toks[i:]], 0)
    rest = toks[i + hit[0]:] if hit else []
    if not 2 <= len(rest) <= 3 or not all(is_capitalised(w) for w, _, _ in rest):
        return None
    return _name_of(rest)


def person_noun(word: str) -> bool:
    """Return True if `word` names a person by a tie or a post (`wife`, `founder`, `lawyer`)."""
    low = bare_word(word)
    return low in ROLE_NOUNS or low in RELATIONS or is_title(low) or \
        AGENT_NOUN.fullmatch(low) is not None


def object_name(text: str, start: int, end: int) -> tuple[Name, str] | None:
    """Return the name that ends `text[start:end]` as the object of a verb or a preposition
    (`heard from Mayor Conrad Villiers`, `a motion from Councilman Russell Gaines`), with the
    lower-case word that governs it (`heard`, `motion`); None when no such word stands before
    the name."""
    toks = _tokens(text, start, end)
    i = len(toks)
    while i > 0 and (_name_word(toks[i - 1][0]) or (
            toks[i - 1][0] in ("and", "&") and i > 1 and i < len(toks)
            and is_capitalised(toks[i - 2][0]) and bare_word(toks[-1][0]) in ORG_HEADS)):
        i -= 1  # (`the Heating and Cooling Contractors Alliance`: one body's name)
    name = _name_of(toks[i:]) if i < len(toks) else None
    j = i - 1
    if j >= 0 and toks[j][0].lower() in PREPOSITIONS:
        j -= 1
    elif name is not None and j >= 0 and person_noun(toks[j][0]):
        return name, ""  # `came from board member X`: the name's own role, not another person
    if name is None or j < 0 or not toks[j][0][:1].islower():
        return None
    return name, toks[j][0]


def name_at_start(text: str, start: int, end: int) -> Name | None:
    """Return the name that opens `text[start:end]` (`Dr. Anthony Fauci`, `Ana Lopez on …`,
    `43-year-old Martin Taylor of …`)."""
    toks = _tokens(text, start, end)
    while toks and _MODIFIER.fullmatch(toks[0][0]):
        toks = toks[1:]
    # `planetary geologist Rosaly Lopes`: a few lower-case words of role before the name.
    lead = 0
    while lead < min(len(toks), 5) and toks[lead][0][:1].islower() and \
            toks[lead][0].lower() not in PREPOSITIONS and toks[lead][0].lower() not in STOP:
        lead += 1
    if 0 < lead < len(toks) and is_capitalised(toks[lead][0]) and (any(
            bare_word(w) in ROLE_NOUNS or bare_word(w) in TITLES or bare_word(w) in RELATIONS
            or AGENT_NOUN.fullmatch(w) for w, _, _ in toks[:lead]) or (
            lead == 1 and is_title(toks[1][0]) and len(toks) >= 4)):
        toks = toks[lead:]  # (`committee Chairman Curtis Lambeth`: what the title heads)
    j = 0
    while j < len(toks) and (_name_word(toks[j][0]) or (
            j > 0 and _joins(toks, j) and j + 1 < len(toks)
            and is_capitalised(toks[j + 1][0]))):
        j += 1
    return _name_of(toks[:j]) if j else None


# The nouns for a document whose author or owning body speaks through it.
_DOCUMENT_NOUNS = (r"(?:memo|memorandum|letter|ruling|opinion|order|decision|brief|email|report|"
                   r"declaration|filing|readout|study|audit|analysis|review|survey|statement|"
                   r"notice)")
DOCUMENT_AUTHORED_BY = re.compile(
    r"\s*(?:[Tt]he|[Aa]n?|Its|His|Her|Their)\s+(?:[\w'\u2019-]+\s+){0,3}?" + _DOCUMENT_NOUNS +
    r"\s*,?\s+(?:written|signed|authored|drafted|filed|released|issued|published|prepared|"
    r"compiled|submitted)\s+(?:[\w,]+\s+){0,2}?by\s+")
# `A Government Accountability Office report in 2024`: the body whose document it is.
DOCUMENT_OF_BODY = re.compile(
    r"\s*(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w.&'\u2019-]*\s+(?:(?:of|and|for|&)\s+)?){2,7}?)"
    + _DOCUMENT_NOUNS + r"\b(?!\s+(?:by|from)\b)")
# `NSF’s 9 October notice, which Science has seen,`: the body owning the document.
DOCUMENT_OF_OWNER = re.compile(r"\s*((?:[A-Z][\w.&-]*\s+){0,5}[A-Z][\w.&-]*)[\u2019']s\s+"
                               r"(?:[\w-]+\s+){0,3}?" + _DOCUMENT_NOUNS +
                               r"\b(?!\s+(?:by|from)\b)")
# `The watchdog group`, `the conservative think tank`: a kind of body before its name.
GROUP_BEFORE_NAME = re.compile(r"\s*(?:[Tt]he)\s+(?:[a-z-]+\s+){0,2}(?:group|organi[sz]ation|"
                               r"coalition|alliance|association|union|nonprofit|think\s+tank|"
                               r"watchdog|committee|PAC|super\s+PAC|institute|council)\s+"
                               r"(?=[A-Z])")
# `The local chapter of the American Association of University Professors said`: the body
# speaks through its part.
PART_OF_BODY = re.compile(r"\s*(?:[Tt]he|[Aa]n?|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?(?:chapter|branch|"
                          r"affiliate|arm|wing|division|bureau)\s+of\s+(?:the\s+)?(?=[A-Z])")
# Appositives that describe a subject without naming anyone who speaks: a participle
# (`The complaint, filed in district court by …,`), a setting (`…, in its review of the
# measure,`), an organisation (`…, a union,`, `…, Maine’s housing finance agency,`), a body
# ending a role (`a spokesperson for the authority`).
PARTICIPLE_APPOSITIVE = re.compile(r"(?:filed|released|signed|written|issued|published|"
                                   r"sent|obtained|reviewed|dated|submitted|posted)\b")
SETTING_APPOSITIVE = re.compile(r"(?:in|on|during|after|before|under|through)\s+(?:a|an|the|its|"
                                r"his|her|their|this|that|an?)\b")
# `…, a union,`: an indefinite description of an organisation named just before.
ORG_APPOSITIVE = re.compile(r"(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:union|group|organi[sz]ation|"
                            r"coalition|nonprofit|non-profit|association|company|firm|agency|"
                            r"lobby|think\s+tank|charity|federation|council)")
OWNED_ORG_APPOSITIVE = re.compile(r"(?:the|[A-Z][\w.-]*[\u2019']s)\s+(?:[\w\u2019'-]+\s+){0,3}?"
                                 r"(?:agency|department|ministry|office|company|firm|union|"
                                 r"association|authority|regulator|utility|bank|lender|group)")
BODY_AT_END = re.compile(r"\b(?:for|of|at)\s+(?:the\s+)?[\w-]+\s*$")
# Degrees and licences written after a name (`Amal Reyes, MD, MPH, said`): part of the name's
# appositives, never a subject of their own.
CREDENTIAL = re.compile(r"(?:M\.?D|Ph\.?D|D\.?O|R\.?N|J\.?D|Ed\.?D|DrPH|MPH|MSW|LCSW|DDS|DVM|DNP|"
                        r"NP|PA-C|FACS|FAAP|FACP|MBA|CPA|Esq)\.?")


__all__ = [
    "AGENT_NOUN",
    "BODY_AT_END",
    "BODY_BEFORE_OF",
    "DETERMINERS",
    "DOCUMENT_AUTHORED_BY",
    "DOCUMENT_OF_BODY",
    "DOCUMENT_OF_OWNER",
    "GROUP_BEFORE_NAME",
    "INITIAL",
    "LOWER_CONNECTORS",
    "ORG_APPOSITIVE",
    "OWNED_ORG_APPOSITIVE",
    "PARTICIPLE_APPOSITIVE",
    "PART_OF_BODY",
    "POSSESSIVE",
    "PREPOSITIONS",
    "SETTING_APPOSITIVE",
    "Name",
    "bare_word",
    "is_capitalised",
    "is_title",
    "name_at_end",
    "name_at_start",
    "object_name",
    "person_noun",
]
