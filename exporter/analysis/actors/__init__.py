"""Actors: an article in, the people, organisations, countries and places it names out.

No language model is available offline, so names are found from capitalisation, a lexicon of
titles and roles, organisation head words, and a gazetteer shipped with the package
(`data/places.tsv`: countries with their capitals, demonyms and government metonyms, regions and
cities, well-known organisations). The work is done in steps, one module each: `runs` finds
the candidate runs of capitalised words, `mentions` decides what each names (with `roles`,
`names`, `gazetteer` and the word lists of `words`), `leftovers` then resolves the words no run
explained (a surname alone, an acronym, a company's short name) against everything the runs
found, `merge` groups one entity's mentions into one actor, joining the spellings `variants`
says are one entity's (`Zelenskiy` and `Zelensky`, `U.N. Security Council` and `UN Security
Council`) and keeping apart people who share a surname. `find_mentions` exposes every mention
with its offsets for the quotation module.
"""

from __future__ import annotations

from .cues import HOMETOWN_OF
from .gazetteer import Gazetteer, gazetteer, lookup
from .mention import Mention
from .mentions import find_mentions
from .merge import find_actors
from .words import (
    ADVOCATES,
    CONNECTORS,
    NOT_ACTOR_HEADS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SETTING_WORDS,
    STOP,
    blank_dateline,
    blank_district_tags,
    blank_nicknames,
    leading_connectors,
)

__all__ = [
    "ADVOCATES",
    "CONNECTORS",
    "HOMETOWN_OF",
    "NOT_ACTOR_HEADS",
    "NOT_ORG_ACRONYMS",
    "ORG_HEADS",
    "ORG_WORDS",
    "ROLE_NOUNS",
    "ROLE_WORDS",
    "SETTING_WORDS",
    "STOP",
    "Gazetteer",
    "Mention",
    "blank_dateline",
    "blank_district_tags",
    "blank_nicknames",
    "find_actors",
    "find_mentions",
    "gazetteer",
    "leading_connectors",
    "lookup",
]
