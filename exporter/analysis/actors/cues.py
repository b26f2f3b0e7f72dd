"""Cues in the text that tell what a run of capitalised words names: a person (an age, a
title, `who`, a he or she that follows), a company called by its first word, a surname that
ends in `s`; `mentions` weighs them."""

from __future__ import annotations

import re

from ...model import ActorKind
from .. import lexicon
from .gazetteer import lookup
from .words import NOT_ACTOR_HEADS, ORG_HEADS, ORG_WORDS, TRADE_ENDINGS

# `Gov. `, `Rear Adm. ` right before a run: its dot ends the run, but the name is a person's.
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]{1,4})\.\s+$")
# `X said Tuesday it would close its plant`: the subject is a thing, not a person.
SAID_IT = re.compile(r"\s+(?:said|says|announced|announces)\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+)?"
                      r"(?:that\s+)?it\s+[^.;\u201c\"]{0,80}?\bits\b")
# `Darlene Pruitt, 71, a retired nurse`: an age in commas after a name is a person's.
AGE_AFTER = re.compile(r",\s+\d{1,3},\s")
# `Huda bin Saleh stood on a milk crate and explained why she should be …`: a name opening its
# sentence, then he or she with no other name or quotation between.
SUBJECT_PRONOUN_AFTER = re.compile(r"[^A-Z.!?;:\u201c\u201d\"]{1,100}?\b(?:he|she)\b")
# `Jörg van der Meulen, who chairs the works council,`: `who` is said of people.
WHO_AFTER = re.compile(r",\s+who\s+[a-z]")
# `State Sen. Otto Krajicek of Grand Island`: a person's name, then `of` and the place they are
# from (a run after it is no second person).
HOMETOWN_OF = re.compile(r"[A-Z][\w\u2019'-]+\s+of\s+$")
# `the Harlan campaign`, `the Miss Evangeline`: a name after `the` is a thing's or a modifier.
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# `17-year-old Virginia Giuffre`: an age before a name makes it a person's, even one whose first
# word is a place.
AGE_BEFORE = re.compile(r"\b\d{1,3}[-\s]year[-\s]old\s+$")
# The last words of names a company or institution is also called by its first word alone
# (`Velmora Technologies`, `Carlyle Group`, `Harvard University`); not a party, a council or a
# department, whose first word is an adjective or a place (`Democratic`, `Columbus`).
CORPORATE_ENDINGS = frozenset({
    "technologies", "technology", "group", "inc", "corp", "corporation", "holdings", "capital",
    "studios", "systems", "media", "airlines", "airways", "records", "partners", "industries",
    "motors", "pharmaceuticals", "labs", "international", "university", "services",
    "entertainment", "co", "company", "ltd", "llc", "plc", "ag", "foods", "brands", "networks",
    "software", "therapeutics", "biosciences", "logistics", "petroleum", "communications",
}) | TRADE_ENDINGS
# `Sen. Dominic Ferraro, a New Jersey Democrat,`: a party member described, never a name.
PARTY_NOUNS = frozenset({"democrat", "democrats", "republican", "republicans", "independent",
                         "independents", "conservative", "conservatives", "liberal", "liberals",
                         "libertarian", "libertarians", "progressive", "progressives"})
# `a 35-year-old Fort Worth man`: the place describes the person the noun after it names.
PERSON_NOUNS = frozenset({"man", "woman", "men", "women", "boy", "girl", "boys", "girls",
                           "resident", "residents", "native", "student", "mother", "father",
                           "son", "daughter", "teen", "teenager", "driver", "worker", "nurse",
                           "teacher", "officer", "soldier", "player", "veteran", "retiree"})
# `Yulisa, a 29-year-old mother from Honduras`, `Amara, 16,`, `Luis, who asked that his last
# name not be used`: what says a lone given name is a person's (a source named by first name).
LONE_NAME_PERSON = re.compile(
    r",\s+(?:\d{1,3},\s|(?:a|an)\s+(?:\d{1,3}-year-old\b|(?:[a-z][\w-]*\s+){0,2}?(?:"
    + "|".join(sorted(PERSON_NOUNS | {"migrant", "asylum-seeker", "farmworker", "senior",
                                       "junior", "sophomore", "freshman", "grandmother",
                                       "grandfather", "parent", "mom", "dad"}))
    + r")\b)|who\s+(?:asked|requested|spoke|declined|did\s+not|gave)\b[^.;]{0,60}?\bnames?\b)"
    # `Dani asked that CT Public not use her last name`: the name's own subject says so.
    r"|\s+(?:asked|requested)\b[^.;]{0,60}?\b(?:last|full|family)\s+names?\b")
# `who gave only her first name, Rachel,`, `identified himself only as Walt`: the same, said
# before the name.
LONE_NAME_GIVEN = re.compile(r"\b(?:first\s+name|only\s+as|name\s+as)\s*,?\s+$")
# A surname may end in `s` (`Davis`, `Maitlis`, `Ross`); a plural after a first name is a
# company's (`Jordan Brands`), so only these endings, and not these words, count as a surname.
_SURNAME_S = re.compile(r"[a-z](?:is|us|ss)")
_NOT_SURNAMES_S = frozenset({"express", "business", "progress", "access", "success", "congress",
                             "princess", "crisis", "analysis", "genius", "campus", "census",
                             "focus", "status", "virus", "chorus", "bonus", "plus", "class",
                             "glass", "grass", "press", "cross", "boss", "loss", "mass", "pass",
                             "chess", "dress", "fitness", "wellness", "wilderness", "kiss",
                             "miss", "bus", "nexus", "lotus", "cactus", "circus", "corpus",
                             "opus", "basis", "thesis", "tennis", "axis", "oasis"})
_NAME_PARTS = frozenset({"st", "jr", "sr"})  # `St. Louis`, `Jr. High`


# (`oglu`, `qizi`: an Azerbaijani patronymic's `son of`, `daughter of`: `Elchin Rashid oglu
# Mammadov`.)
PARTICLES = frozenset({"bin", "de", "van", "von", "der", "la", "al", "da", "dos", "di", "del",
                        "le", "du", "den", "ter", "ten", "los", "las", "oglu", "qizi"})


def surname_in_s(word: str) -> bool:
    """Return True if `word`, ending in `s`, reads as a surname (`Davis`) not a plural."""
    return bool(_SURNAME_S.fullmatch(word, len(word) - 3)) and word.lower() not in _NOT_SURNAMES_S


def given_name_pair(names: list[str], lower_words: frozenset[str]) -> bool:
    """Return True if `names` are a given name the census lists, which the article never
    writes as a word in lower case, and a surname (`Brenna Stuckey`): a person, once the
    article also writes the surname alone (the caller counts that). The short list of first
    names (`lexicon.FIRST_NAMES`) tells a name from a word on its own; this longer one does
    only with that second sign."""
    first, last = names[0].lower(), names[-1].lower()
    return len(names) == 2 and not names[0].isupper() and \
        first in lexicon.census_first_names() and \
        first not in lower_words and last not in ORG_HEADS and last not in NOT_ACTOR_HEADS and \
        (not last.endswith("s") or surname_in_s(names[-1])) and \
        lookup(names, 0) is None and lookup(names, 1) is None


def honorific_before(before: str) -> bool:
    m = _HONORIFIC_BEFORE.search(before)
    return m is not None and m.group(1).lower() in lexicon.HONORIFICS and \
        m.group(1).lower() not in _NAME_PARTS


# A model or product code inside a name makes it a product's (`Audio-Technica ATH-G1WL Review`).
MODEL_CODE = re.compile(r"(?=\w*\d)(?=\w*[A-Z]\w*[A-Z])\w{4,}")
# `Gladstone, NJ`: two capitals after a place and a comma are a state or region's code.
REGION_CODE = re.compile(r"[A-Z][a-z]+,\s*$")


def known_pair(names: list[str]) -> int | None:
    """Return the index of the `and` that joins two names in a run (`United Nations and
    European Union`): each side a whole gazetteer name, or one side an institution's name
    (`Ministry of Health and the World Bank`)."""
    for i, word in enumerate(names[1:-1], 1):
        if word.lower() not in {"and", "&"}:
            continue
        left, right = names[:i], names[i + 1:]
        known = [whole_name(left), whole_name(right)]
        institution = [len(side) >= 2 and side[-1].lower() in ORG_WORDS for side in (left, right)]
        if any(known) and all(k or o for k, o in zip(known, institution, strict=True)):
            return i
    return None


def whole_name(words: list[str]) -> bool:
    hit = lookup(words, 0)
    return hit is not None and hit[0] == len(words)


# A town's government (`the City of Halvard`), or its port (`the Port of Salish Bay`), not the
# place alone.
MUNICIPAL = frozenset({"city", "town", "village", "county", "borough", "township", "port"})
# A party and hometown tag (`D-Orrington Falls`) the words after it may make look like a name.
PARTY_TAG_NAME = re.compile(r"(?:[DRI]|DFL)[-\u2013][A-Z]")


def affiliate(names: list[str], of: int) -> bool:
    """Return True if the words before `of` are one organisation the gazetteer knows, or an
    acronym, and the words after it one place (`ACLU` `of` `Mississippi`)."""
    body, place = lookup(names[:of], 0), lookup(names[of + 1:], 0)
    acronym = of == 1 and names[0].isalpha() and names[0].isupper() and len(names[0]) >= 3
    return (acronym or (body is not None and body[0] == of and
                        body[1].kind is ActorKind.ORGANISATION)) \
        and place is not None and place[0] == len(names) - of - 1 \
        and place[1].kind is ActorKind.PLACE


# A phrase followed by its acronym in brackets: `Shanghai Cooperation Organization (SCO)`.
# The lookbehind anchors each try at a word start: without it a 20,000-character token
# is retried from every offset (quadratic time).
ACRONYM_DEFINITION = re.compile(r"(?<![\w\u2019'-])((?:[\w\u2019'-]+\s+){1,8}?)"
                                r"\(([A-Z][A-Za-z.&]{1,9})\)")
ACRONYM_BRACKETS = re.compile(r"[\w\u2019'-]\s+\([A-Z][A-Za-z.&]{1,9}\)")
"""What every match of `ACRONYM_DEFINITION` holds, looked for first: it is one scan for a
bracket, where that pattern tries up to eight words from each word, and most brackets hold no
acronym (`(AP)` does; `(R-Texas)`, `(pictured)`, `(2019)` do not)."""

SECOND_WORD = re.compile(r"(?<![\w\u2019'-])(?!(?:For|In|At|On|To|With|From|By|The|A|An|And|"
                         r"But|As|When|After|Before|If|Like|Unlike|Dear|Thanks|Meet)[ \t])"
                         r"[A-Z][\w\u2019'-]*(?=[ \t]+([A-Z][\w\u2019'-]*))")
"""A capitalised word before another, which the lookahead captures (so `Ann Marie Hutchings`
gives `Marie` and `Hutchings`; `For Yadira, …` gives nothing: a sentence's first word)."""


__all__ = [
    "ACRONYM_BRACKETS",
    "ACRONYM_DEFINITION",
    "AGE_AFTER",
    "AGE_BEFORE",
    "CORPORATE_ENDINGS",
    "LONE_NAME_GIVEN",
    "LONE_NAME_PERSON",
    "MODEL_CODE",
    "MUNICIPAL",
    "PARTICLES",
    "PARTY_NOUNS",
    "PARTY_TAG_NAME",
    "PERSON_NOUNS",
    "REGION_CODE",
    "SAID_IT",
    "SECOND_WORD",
    "SUBJECT_PRONOUN_AFTER",
    "THE_BEFORE",
    "WHO_AFTER",
    "affiliate",
    "honorific_before",
    "known_pair",
    "surname_in_s",
    "whole_name",
]
