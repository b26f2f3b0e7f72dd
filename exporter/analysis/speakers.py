"""Speakers: the words next to a speech verb in, the phrase they make out.

The rules read the noun phrase on either side of the verb (`Sen. Tammy Baldwin (D-Wis.)`,
`Flynn, a top Trump surrogate,`, `the company's chief executive, John Hale`, `she`, `one
diplomat`) into a `Phrase`: a `Name` split from its title, a pronoun, or a description. Party
and state tags are blanked first, honorifics and ranks stay with the name and become its role,
and a name inside a description, after a preposition or opening a clause about someone else is
not taken (`speakernames` reads the name itself). `cast.Cast` then says who the phrase denotes
(or that nobody can tell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..dates import WEEKDAYS
from .actors import (
    ORG_HEADS,
    ROLE_NOUNS,
    STOP,
)
from .descriptions import identity_description
from .lexicon import FIRST_NAMES, RELATIONS, TITLES
from .matching import last_match
from .phraseparts import (
    CLAUSE_OPENERS,
    PRONOUN_GENDER,
    PRONOUNS,
    _appositive,
    _clause_pronoun,
    _pronoun,
    segments,
)
from .speakernames import (
    AGENT_NOUN,
    BODY_AT_END,
    BODY_BEFORE_OF,
    CREDENTIAL,
    DETERMINERS,
    DOCUMENT_AUTHORED_BY,
    DOCUMENT_OF_BODY,
    DOCUMENT_OF_OWNER,
    GROUP_BEFORE_NAME,
    INITIAL,
    LOWER_CONNECTORS,
    ORG_APPOSITIVE,
    OWNED_ORG_APPOSITIVE,
    PART_OF_BODY,
    PARTICIPLE_APPOSITIVE,
    POSSESSIVE,
    PREPOSITIONS,
    SETTING_APPOSITIVE,
    Name,
    _tokens,
    bare_word,
    is_capitalised,
    is_title,
    name_at_end,
    name_at_start,
    object_name,
    person_noun,
)

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


def resolved(speaker: Speaker) -> Speaker:
    """Return `speaker` as found through an earlier mention, not named at the quotation."""
    return Speaker(speaker.name, speaker.kind, speaker.role, "resolved", speaker.named)

SUBJECT_PRONOUN = {"its": "it", "their": "they", "his": "he", "him": "he", "her": "she"}
"""The subject pronoun of a possessive or object one (`his office`, `recalled him saying`)."""
_OF_PLACE = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?[\w\s.'\u2019&-]{2,60}$")
_ROLE_THEN_NAME = re.compile(r"[\u2019']?s?\s+((?:[a-z][\w-]*\s+){1,4})(?=[A-Z])"
                             # `Local 2209 President Wendell Ostrowski`: a numbered branch's
                             # title.
                             r"|\s+\d+\s+((?:[A-Z][a-z]+\s+){1,3}?)(?=[A-Z])")
_GROUP_NOUNS = re.compile(r"\b(?:analysts|observers|experts|officials|critics|diplomats|"
                          r"residents|people|economists|commentators|sources|scholars|"
                          r"historians|leaders|activists|witnesses|protesters|lawmakers|"
                          r"members|officers|soldiers|farmers|traders|businessmen|workers|"
                          r"researchers|scientists|investigators|prosecutors|doctors|physicians|"
                          r"nurses|medics|lawyers|teachers|parents|signatories|authors)\b", re.I)
_DOCUMENT = re.compile(r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|"
                       r"study|survey|letter|analysis|filing|document|release|post|transcript|"
                       r"assessment|memo|note|message|complaint|lawsuit|ruling|judgment|"
                       r"indictment|affidavit)\s+(?:by|from|of)\s+(?:the\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Phrase:
    """What the words next to a speech verb are: a name, a pronoun, or a description."""

    name: Name | None = None
    pronoun: str | None = None
    description: str | None = None
    role: str | None = None
    """A role the phrase gives a name (`the company's chief executive`)."""


def _subject_before_participle(text: str, segs: list[tuple[int, int]]) -> Phrase | None:
    """Return the name that opens the clause when a participle phrase follows it and a name
    after that phrase stands next to the verb (`Trade minister Takeda Hiroshi, speaking after
    talks with his counterpart, Park Ji-hoon, said`): the later name is the phrase's object."""
    if len(segs) < 3:
        return None
    first = name_at_end(text, *segs[0])
    lead = text[segs[0][0]:first.start].split() if first is not None else []
    if first is None or (lead and not (is_title(lead[-1]) or bare_word(lead[-1]) in ROLE_NOUNS)):
        return None  # only a title or role may stand before the name (`Trade minister`)
    for x, y in segs[1:-1]:
        word = text[x:y].split(None, 1)[0] if text[x:y].strip() else ""
        if word.islower() and word.endswith("ing") and len(word) > 4:
            return Phrase(name=first)
    return None


def _role_noun(name: Name) -> bool:
    """Return True for a role noun capitalised because it opens the sentence (`Analysts at
    Keller Rowe Securities said`): a description, not a name."""
    word = name.words[0].lower()
    return len(name.words) == 1 and not name.title and (
        word in ROLE_NOUNS or word.removesuffix("s") in ROLE_NOUNS)


def document_owner(text: str, start: int, end: int) -> Phrase | None:
    """Return who a document opening `text[start:end]` speaks for: its author or issuer after
    `by` (`A memo signed by Garrick Hollenbeck, then …`, `a declaration filed by the Chief
    Officers of State Library Agencies`, `The court's ruling, written by Judge X,`), or the body
    whose name qualifies it (`A Government Accountability Office report in 2024`, `a State
    Department readout of the meeting`); None for any other words."""
    authored = DOCUMENT_AUTHORED_BY.match(text, start, end)
    if authored is not None:
        author = speaker_after(text, authored.end(), end)
        if author is not None and author.name is not None and (
                len(author.name.words) >= 2 or author.name.title):
            return author
        if author is not None and re.match(r"the\s+[A-Z]", author.description or ""):
            return author  # `filed by the Chief Officers of State Library Agencies`: a body
        return None
    possessed = DOCUMENT_OF_OWNER.match(text, start, end)
    if possessed is not None:
        body = name_at_start(text, possessed.start(1), possessed.end(1))
        if body is not None and body.end >= possessed.end(1) - 1 and (
                len(body.words) >= 2 or body.words[0].isupper()):
            return Phrase(name=body)
    owned = DOCUMENT_OF_BODY.match(text, start, end)
    if owned is not None:
        body = name_at_start(text, owned.start(1), owned.end(1))
        if body is not None and body.end >= owned.end(1) - 1 and len(body.words) >= 2 and \
                bare_word(body.words[-1]) in ORG_HEADS:
            return Phrase(name=body)
    return None


# A whole clause before `, and …`: a verb of its own after its first word, then a lower-case
# word to end it (`The maps would need Gov. X’s signature`).
_CLAUSE_BEFORE = re.compile(r"^\S+(?:\s+\S+)*?\s+(?:would|will|could|should|must|has|have|had|"
                            r"need|needs|is|are|was|were)\s+[^,]*\b[a-z]+$")
# An unnamed source and a relative clause on them (`An extension employee who attended …`).
_UNNAMED_WHO = re.compile(r"\s*(?:An?|One|Another)\s+(?:[\w-]+\s+){1,3}?[\w-]+\s+who\s")


def subject_before(text: str, start: int, end: int) -> Phrase | None:
    """Return the subject of a speech verb standing right after `text[start:end]`
    (`Trump`, `Flynn, a top Trump surrogate,`, `Trump's attorney, Alan Garten,`, `she`)."""
    generation = _GENERATION_SUBJECT.search(text, start, end)
    if generation is not None:
        # `the elder Mr. Ashby said`: one of two namesakes, which the cast tells apart.
        return Phrase(description=generation.group(1))
    where = _WHERE_AFTER_NAME.search(text, start, end)
    if where is not None:
        named = name_at_end(text, start, where.start())
        if named is not None and len(named.words) >= 2:
            end = where.start()  # `Judge Mercer Castellane in Amarillo wrote`: where, not who
    group = GROUP_BEFORE_NAME.match(text, start, end) or PART_OF_BODY.match(text, start, end)
    if group is not None:
        named = name_at_start(text, group.end(), end)
        if named is not None and named.end >= end - 1 and len(named.words) >= 2:
            # `The watchdog group Taxpayers for Open Books said`: the body the noun describes.
            return Phrase(name=named)
    owner = document_owner(text, start, end)
    if owner is not None:
        return owner
    segs = segments(text, start, end)
    if len(segs) >= 2 and text[slice(*segs[0])].split()[0] in _SETTING:
        segs = segs[1:]  # `In Michigan, the state health department said`: a setting, no name
    inverted = _SO_DID.match(text, *segs[0]) if segs else None
    if inverted is not None:
        # `So did Marcia Dunleavy, another board member, who said`: the subject after.
        segs = [(inverted.end(), segs[0][1]), *segs[1:]]
    if not segs:
        return None
    opening = _subject_before_participle(text, segs)
    if opening is not None:
        return opening
    while len(segs) >= 2 and CREDENTIAL.fullmatch(text, *segs[-1]):
        segs = segs[:-1]  # `Amal Reyes, MD, MPH, said`: the degrees after her name
    a, b = segs[-1]
    if len(segs) >= 2 and SETTING_APPOSITIVE.match(text, a, b) and segs[-2][0] < segs[-2][1]:
        # `The Legislative Analyst’s Office, in its review of the measure, said`: where or
        # when, between the subject and its verb.
        return subject_before(text, start, segs[-2][1])
    if len(segs) == 2 and re.match(r"and\s+(?:who|whom)\b", text[a:b]) and \
            _UNNAMED_WHO.match(text, *segs[0]):
        # `An extension employee who attended the hearing, and who asked not to be named …,
        # said`: a second relative clause on an unnamed source.
        return Phrase(description=text[slice(*segs[0])])
    if len(segs) >= 2 and PARTICIPLE_APPOSITIVE.match(text, a, b):
        # `The complaint, filed in district court by the association, says`: what describes
        # the subject, not who speaks.
        return subject_before(text, start, segs[-2][1])
    if len(segs) >= 3 and ORG_APPOSITIVE.fullmatch(text, a, b):
        # `Roderick Baptiste, Midwest president of the Rural Mail Carriers Alliance, a union,
        # said`: the appositive describes the body before it, not who speaks.
        return subject_before(text, start, segs[-2][1])
    if len(segs) >= 2 and (ORG_APPOSITIVE.fullmatch(text, a, b) or
                           OWNED_ORG_APPOSITIVE.fullmatch(text, a, b)) and \
            BODY_AT_END.search(text, *segs[-2]):
        # `A spokesperson for the authority, Maine’s housing finance agency, said`: the same.
        return subject_before(text, start, segs[-2][1])
    relative = _relative_subject(text, a, b)
    if relative is not None:
        return relative
    other = name_at_end(text, a + 4, b) if re.match(r"(?:and|or)\s", text[a:b]) else None
    if len(segs) >= 2 and other is not None and len(other.words) >= 2:
        return Phrase(description=text[a:b])  # `X, and Y said`: two speakers, none chosen
    joined = re.match(r"(?:and|but)\s+(?=the\s+[\w-]+(?:\s+[\w-]+)?\s*$)", text[a:b]) \
        if len(segs) == 2 else None
    if joined is not None and _CLAUSE_BEFORE.search(text, *segs[0]):
        # `The maps would need Gov. X’s signature, and the Democratic governor said`: a new
        # clause after a whole one, whose subject is the description.
        return Phrase(description=text[a + joined.end():b])
    if len(segs) >= 2 and re.match(r"(?:and|or)\s+(?:his|her|their|the|other|several|some)\s",
                                   text[a:b]):
        return Phrase(description=text[a:b])  # `Lena Farrow, the governor, and her aides`
    for x, y in segs[1:-1]:
        joined = re.match(r"(?:and|or)\s+", text[x:y])
        named = name_at_start(text, x + joined.end(), y) if joined else None
        if named is not None and (len(named.words) >= 2 or named.title):
            # `Sen. Ann Cole, a Democrat, and Sen. Ben Stroud, a Republican, said`.
            return Phrase(description=text[a:b])
    if len(segs) == 1 and other is not None and text[other.end:b].strip() == "":
        # `“…,” and Stroud called her “…”`: a new clause after a quotation, and its subject.
        return Phrase(name=other)
    for sa, sb in segs[1:]:
        joined = re.match(r"(?:and|or)\s", text[sa:sb])
        other = name_at_end(text, sa + joined.end(), sb) if joined else None
        if other is not None and len(other.words) >= 2:
            # `X, and Y said`, `X, a scientist at …, and her co-author Y, who …, said`: two
            # speakers, none chosen.
            return Phrase(description=text[a:b])
    pronoun = _pronoun(text, a, b, at_end=True) or _clause_pronoun(text, a, b)
    if pronoun:
        return Phrase(pronoun=pronoun)
    if identity_description(text[a:b]):
        named = name_at_end(text, *segs[-2]) if len(segs) >= 2 else None
        if named is not None and \
                tuple(text[segs[-2][0]:named.start].split()) == named.title:
            # `Rep. Yvonne Tate, the panel's top Democrat,`: the name the description follows.
            return Phrase(name=named, role=text[a:b])
        return Phrase(description=text[a:b])  # `the 30-year-old Kenyan`: no name
    reduced = _REDUCED_RELATIVE.match(text, a, b) if len(segs) >= 2 else None
    if reduced and not any(bare_word(w) in ROLE_NOUNS or is_title(w) or w in PREPOSITIONS or
                           person_noun(w) for w in reduced.group(1).split()):
        # (`Ann Moreau, a neurologist at Stanford University,` is a person and where she
        # works: no clause.)
        # `…, a step Halloran said would “never get 60 votes”`: a clause on a thing, whose
        # subject is the name right before the verb.
        named = name_at_end(text, reduced.end(1), b)
        if named is not None and not text[named.end:b].strip() and all(
                is_title(w) for w in text[reduced.end(1):named.start].split()):
            return Phrase(name=named)
    if len(segs) >= 3 and _appositive(text, *segs[1]):
        # `Prince Andrew, the younger brother of the heir, Charles, has told`: a name that
        # opens the phrase and is followed by an appositive is the subject, whatever names
        # the appositive holds (`Kurinji Selvaraj, a research analyst at the Council on Energy,
        # Environment and Water`).
        lead = name_at_start(text, *segs[0])
        if lead is not None and lead.end >= segs[0][1] - 1:
            return Phrase(name=lead, role=text[segs[1][0]:segs[1][1]])
    first_word, *rest = text[a:b].split()
    if len(segs) >= 2 and ((is_capitalised(first_word) and (is_title(first_word) or any(
            w in ROLE_NOUNS for w in rest[:2]))) or (
                # `Tomás Iturriaga, president of the university’s Faculty Senate,`.
                (is_title(first_word) or first_word in ROLE_NOUNS) and rest[:1] in (
                    ["of"], ["at"], ["for"]))):
        # `Rob Goldman, President Ascom North America,`, `Roderick Baptiste, Midwest president
        # of the Rural Mail Carriers Alliance,`: the name before the appositive speaks.
        whole = name_at_end(text, *segs[-2])
        if whole is not None and whole.start <= segs[-2][0] + 1:
            return Phrase(name=whole, role=text[a:b])
    if len(segs) >= 2 and re.match(r"(?:of|from|at|with)\s", text[a:b]):
        # `Deputy Caio Falcão, of the right-wing Liberal Party, wrote`: where the name before
        # belongs, not who speaks.
        whole = name_at_end(text, *segs[-2])
        if whole is not None:
            return Phrase(name=whole, role=text[a:b])
    # `Pillen, a Republican, added`: an indefinite appositive names nobody.
    indefinite = len(segs) >= 2 and re.match(r"(?:a|an)\s", text[a:b]) is not None
    # `Capt. Maria Ruiz of the fire department`, `Jocelyn Pryor of the Mississippi Center for
    # Justice`: a name with where it works (whose own name is not the speaker); but `The State
    # Conference of the NAACP` is one body's name.
    first = None if indefinite else name_at_start(text, a, b)
    if first is not None and not _role_noun(first) and (
            first.title or (len(first.words) > 1 and first.words[0].lower() in FIRST_NAMES)) \
            and _OF_PLACE.match(text, first.end, b) \
            and bare_word(first.words[-1]) not in BODY_BEFORE_OF:
        return Phrase(name=first, role=text[first.end:b].strip())
    # (`Maj. X, who leads the department’s Public Integrity Bureau,`: a relative clause's last
    # name is what it says of the subject, not the subject.)
    name = None if indefinite or _RELATIVE_LEAD.match(text, a, b) else name_at_end(text, a, b)
    if name is None:
        first = name_at_start(text, a, b)
        if first is not None and not _role_noun(first) and _OF_PLACE.match(text, first.end, b) \
                and bare_word(first.words[-1]) not in BODY_BEFORE_OF:
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
        who_clause = text[a:b].strip().lower() in ("who", "which")
        if who_clause and len(segs) >= 3 and _appositive(text, pa, pb) and \
                _DESCRIPTION_LEAD.match(text, pa, pb):
            # `filed by Brandon Oyelaran, a retired welder, who said`, `… Owen Whitcombe, a
            # Democrat, who called`: the name the description follows.
            return _relative_antecedent(text, *segs[-3])
        name = name_at_end(text, pa, pb)
        if name is not None:
            return Phrase(name=name, role=text[a:b])
        if who_clause:
            return _relative_antecedent(text, pa, pb)
        if re.match(r"(?:who|which|whose|speaking|citing|requesting|asking|declining)\b",
                    text[a:b]):
            # `One senior official, who spoke on condition of anonymity,`.
            return Phrase(description=text[pa:pb])
    return Phrase(description=text[a:b])


def _relative_antecedent(text: str, start: int, end: int) -> Phrase | None:
    """Return who `, who said` refers back to when `text[start:end]` ends in a name governed by
    a verb or a preposition: `The panel heard from Mayor Conrad Villiers, who called …`, `a
    motion from Councilman Russell Gaines, who said …`: that person. After a word for someone
    who holds a post or a tie (`a lawyer for Ben Stroud, who said`), either may be meant: None.
    Without a name, a description (`One senior official, who said`), unless a verb or a
    preposition governs it (`Residents heard from the mayor, who said`: None)."""
    held = object_name(text, start, end)
    if held is not None:
        name, head = held
        return Phrase(name=name) if (len(name.words) >= 2 or name.title) and \
            not person_noun(head) else None
    lead = [w for w, _, _ in _tokens(text, start, end)]
    governed = next((k for k, w in enumerate(lead) if k and w.lower() in PREPOSITIONS), None)
    if governed is not None and not (bare_word(lead[governed - 1]) in ROLE_NOUNS or
                                     AGENT_NOUN.fullmatch(lead[governed - 1])):
        return None
    return Phrase(description=text[start:end])


# `the younger Stiles`, `the elder Mr. Ashby`: one of two namesakes by generation (the word, then
# the surname).
GENERATION = r"(younger|elder|older)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][\w\u2019'-]+)"
_GENERATION_SUBJECT = re.compile(r"(?:^|(?<=[\s,]))([Tt]he\s+" + GENERATION + r")\s*,?\s*$")
# `a step Halloran said`, `a plan the mayor called`: a thing, then the subject of a relative
# clause without its `that`.
_REDUCED_RELATIVE = re.compile(r"(?:a|an|the)\s+([a-z]+(?:\s+[a-z]+)?)(?=\s+[A-Z])")
# `So did X`, `Neither did X`: an inverted subject.
_SO_DID = re.compile(r"(?:So|Neither|Nor)\s+(?:did|does|do|was|were|is|are|has|have|had|would|"
                     r"could)\s+(?=[A-Z])")
# Capitalised prepositions opening a sentence's setting (`In Michigan,`, `At the hearing,`).
_SETTING = frozenset({"In", "At", "On", "Across", "Outside", "Inside", "Near", "From"})
_DESCRIPTION_LEAD = re.compile(r"(?:a|an|the)\s")
_RELATIVE_LEAD = re.compile(r"(?:who|whose|which)\s+[a-z]")
# A place after a full name, before its verb.
_WHERE_AFTER_NAME = re.compile(r"\s+(?:(?:in|from)\s+[A-Z][\w.'\u2019-]*"
                               r"(?:\s+[A-Z][\w.'\u2019-]*)?"
                               # `Caspar Whitlow of the Lindell Institute told`: where he works.
                               r"|(?:of|at)\s+the\s+[A-Z][\w.&'\u2019-]*(?:\s+(?:(?:of|for|and|de|"
                               r"del|de\s+la|de\s+los|de\s+las)\s+(?:the\s+)?)?"
                               r"[A-Z][\w.&'\u2019-]*){0,4})\s*$")
# A relative clause closing the words before a speech verb: `… on a podcast in which the
# nominee said`, `… a memo that officials said`, `… a witness who said`.
_RELATIVE = re.compile(r"\b(?:(?:in|at|on|during|after|before|under|from|by|through)\s+which|"
                       r"where|whereby|whom|which|who|that)\b", re.IGNORECASE)


def _relative_subject(text: str, a: int, b: int) -> Phrase | None:
    """Return the subject of a speech verb that stands in a relative clause inside a predicate
    (`Calder pressed Marsh on an interview in which the nominee said`: the nominee, not
    Calder); a clause with no subject of its own (`quoted a witness who said`) gives the
    predicate as a description, which names nobody. None when the words hold no such clause."""
    last = last_match(_RELATIVE, text, a, b)
    if last is None or last.start() == a:
        return None  # `Tull, who …, said`: the relative clause describes the subject
    lead = text[a:last.start()].split()
    while lead and lead[0].lower() in {"and", "but", "or", "yet", "so", "then"}:
        lead = lead[1:]  # `…, but will leave with a payout that X blasted`
    # A predicate: a lower-case word that is no determiner, after a name at most (`pressed
    # Marsh on …`, `Calder quoted a witness`); `an expert at York who …` describes the subject.
    # (A determiner counts in either case: `An opposition strategist who …` opens a sentence.)
    verb = next((w for w in lead if not is_capitalised(w) or w.lower() in DETERMINERS or
                 w.lower() in {"a", "an", "one"}), "")
    if not verb or verb.lower() in DETERMINERS or verb.lower() in {"a", "an", "one"} or \
            bare_word(verb) in STOP:
        return None
    if not text[last.end():b].strip():
        return Phrase(description=text[a:b])
    return subject_before(text, last.end(), b)


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
    if identity_description(text[a:b]):
        return Phrase(description=text[a:b])
    name = name_at_start(text, a, b)
    if name is not None:
        # `NASA administrator Jim Bridenstine`: the first name is whose role it is.
        owned = _ROLE_THEN_NAME.match(text, name.end, b)
        role_words = (owned.group(1) or owned.group(2)) if owned else ""
        if owned and any(bare_word(w) in ROLE_NOUNS or bare_word(w) in TITLES
                         for w in role_words.split()):
            person = name_at_start(text, owned.end(), b)
            if person is not None:
                return Phrase(name=person, role=text[name.start:owned.end()].strip())
        role = text[segs[1][0]:segs[1][1]] if len(segs) >= 2 and _appositive(
            text, *segs[1]) else None
        return Phrase(name=name, role=role)
    if len(segs) >= 2 and any(bare_word(w) in ROLE_NOUNS or bare_word(w) in TITLES
                              or bare_word(w) in RELATIONS for w in text[a:b].split()):
        na, nb = segs[1]
        name = name_at_start(text, na, nb)
        # `said the director, Patricia Yoon of Tennessee`: the name, with where from.
        if name is not None and (name.end >= nb - 1 or _OF_PLACE.match(text, name.end, nb)):
            return Phrase(name=name, role=text[a:b])
    doc = _DOCUMENT.match(text, a, b)
    if doc:
        name = name_at_start(text, doc.end(), b)
        if name is not None:
            return Phrase(name=name)
    if len(segs) >= 2 and _ONE_OF.match(text, a, b) and _appositive(text, *segs[1]) and \
            re.match(r"(?:a|an)\s", text[segs[1][0]:segs[1][1]]):
        a, b = segs[1]  # `said one of those people, a Senate Republican aide`: what they are
    tail = _DESCRIPTION_TAIL.search(text, a, b)
    if tail is not None and tail.start() > a:
        b = tail.start()  # `said a company spokesperson when contacted by Reuters`
    return Phrase(description=text[a:b])


_ONE_OF = re.compile(r"(?:one|two|some|another)\s+of\s+(?:those|these|the|them)\b", re.IGNORECASE)
# What goes on after an unnamed speaker without a comma: when or how they spoke (`said a
# WeWork spokesperson when contacted by Reuters`, `… on Monday`, `… in a statement`, `… via
# email`), no part of who they are.
_DESCRIPTION_TAIL = re.compile(
    r"\s(?:(?:when|while|after|before|upon|via|during)\s"
    r"|(?:in|on|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|e-?mail|"
    r"text(?:\s+message)?|call|phone\s+call|post|video|letter|release|briefing|conference|"
    r"podcast|broadcast)\b"
    r"|(?:by|over\s+the)\s+(?:phone|telephone|e-?mail|text)\b"
    r"|(?:on|this|last|late|early)\s+(?:" + "|".join(WEEKDAYS) + r")\b"
    r"|(?:on|this|last)\s+(?:week|month|year|morning|afternoon|evening|night)\b"
    r"|(?:yesterday|today|tonight)\b)", re.IGNORECASE)


def _trim(np: str) -> str:
    np = np.strip(" ,.")
    np = re.sub(r"^(?:the|a|an|some|many|several|most)\s+", "", np, flags=re.I)
    # `One attendee asked` opening a sentence: `one attendee`, as elsewhere in a sentence.
    return re.sub(r"^(One|Another)(?=\s+[a-z])", lambda m: m.group(1).lower(), np)


__all__ = [
    "AGENT_NOUN",
    "AMBIGUOUS",
    "CLAUSE_OPENERS",
    "DETERMINERS",
    "GENERATION",
    "INITIAL",
    "LOWER_CONNECTORS",
    "POSSESSIVE",
    "PREPOSITIONS",
    "PRONOUNS",
    "PRONOUN_GENDER",
    "Attribution",
    "Name",
    "Phrase",
    "Speaker",
    "SpeakerKind",
    "bare_word",
    "is_capitalised",
    "is_title",
    "name_at_end",
    "name_at_start",
    "resolved",
    "segments",
    "speaker_after",
    "subject_before",
]
