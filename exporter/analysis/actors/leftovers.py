"""Leftovers: the words no run explained, read once every run of the article has been.

A lone capitalised word is a surname, an acronym or a company only in the light of the whole
article: a surname needs the full names found anywhere in it (and stays silent when two people
share it), an acronym its expansion in brackets, a short company name the full name with its
corporate ending. `mentions` therefore keeps these words aside while it reads the runs and hands
them here at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...model import ActorKind
from .. import lexicon
from .cues import CORPORATE_ENDINGS, REGION_CODE
from .gazetteer import lookup
from .names import SUFFIXES, firsts, looks_acronym, shouted
from .variants import same_person
from .words import COMPANY_AFTER, CONNECTORS, STOP, company_noun_before

if TYPE_CHECKING:
    from .mention import Mention

Record = Callable[[str, ActorKind, int, int, int, str, str], None]
"""Records a mention: key, kind, paragraph, start, end, paragraph text, form."""

Word = tuple[str, int, int]
"""A word of a paragraph with its start and end offsets."""

# A possessive and a family noun after a surname: `Tolliver's wife`.
_RELATIVE_AFTER = re.compile(r"[\u2019']s\s+([a-z]+)\b")
_BEHIND = 200
# `Slatewing, based in San Mateo, California, said`: a lone word with a seat is a firm or body
# (a person is `a San Mateo-based analyst`, or lives somewhere).
_SEATED_AFTER = re.compile(r",\s+(?:(?:which|that)\s+is\s+)?(?:based|headquartered)\s+in\s+[A-Z]")
"""Characters the company look-behind reads: enough for a phrase, bounded for linear time."""


class Leftovers:
    """Resolve the words no run explained, against everything the runs found."""

    def __init__(self, mentions: list[Mention], persons: dict[str, str | None],
                 acronyms: dict[str, str], terms: set[str],
                 lower_words: Callable[[], frozenset[str]], body: str, record: Record) -> None:
        """Take the finder's state after its runs: `mentions` is read live (the organisations
        named in full are collected when first needed), `record` adds a mention to it."""
        self.mentions = mentions
        self.persons = persons
        """People named in full, with the role the text gave them."""
        self.acronyms = acronyms
        """Acronyms defined in brackets, with their expansion."""
        self.terms = terms
        """Acronyms defined for lower-case words (`GDP`): terms, not organisations."""
        self.lower_words = lower_words
        self.body = body
        self.record = record
        self.companies: set[str] = set()
        """Single-word names a text has called a company once; later mentions need no cue."""
        self._firsts: dict[str, set[str]] | None = None  # see _corporate_firsts
        self.surnames = self._surnames()
        self.named: dict[int, set[str]] = {}
        """The people each paragraph names in full, by paragraph."""
        for m in mentions:
            if m.kind is ActorKind.PERSON and m.form == "name":
                self.named.setdefault(m.paragraph, set()).add(m.key)

    def _surnames(self) -> dict[str, list[str]]:
        """Return the people known by full name, by surname (generational suffixes skipped),
        with the other `First Surname` pairs the text writes (people the runs did not take for
        people) so that a shared surname stays ambiguous."""
        out: dict[str, list[str]] = {}
        firsts_of = {p.split()[0] for p in self.persons if len(p.split()) > 1}
        singles: list[str] = []
        for person in self.persons:
            words = [w for w in person.split() if w.lower().rstrip(".") not in SUFFIXES]
            if len(words) > 1:
                out.setdefault(words[-1], []).append(person)
            elif len(words) == 1 and words[0] not in firsts_of:
                singles.append(person)
        for person in singles:
            # `Prince Andrew`, `Pope Leo`, `a woman who asked to be identified only as Yadira`:
            # one name, later named alone (unless it is another person's first name or
            # surname: `President Biden`, `Joe Biden`).
            out.setdefault(person, [person])
        for surname, owners in out.items():
            known = {w for o in owners for w in o.split()}
            # (`Angela Oduya-Freeman` shares no surname with `Vernice Oduya`: a double name is
            # written whole.)
            out[surname] = owners + sorted(f"{f} {surname}" for f in firsts(
                self.body, surname, parts=False) if f not in known)
        return out

    def read(self, n: int, text: str, words: list[Word]) -> None:
        """Record the surnames, acronyms and company names among words no run explained.

        A surname two people share (Mary Trump, Donald Trump) goes to the one the paragraph
        names in full, or to nobody. Look-behinds are bounded, so a paragraph of any length is
        read in linear time.
        """
        surnames = self.surnames
        named_here = self.named.get(n, set())
        for i, (w, a, b) in enumerate(words):
            if w in surnames:
                owners = surnames[w]
                if len(owners) > 1 and all(same_person(owners[0], o) for o in owners[1:]):
                    owners = owners[:1]  # `Patrick W. Carlineo`, `Patrick Carlineo Jr.`
                if len(owners) > 1:
                    relative = _RELATIVE_AFTER.match(text, b)
                    if relative and relative.group(1).lower() in lexicon.RELATIONS:
                        # `Tolliver's wife, Dana Tolliver,`: the one not named as the relative.
                        owners = [p for p in owners if p not in named_here]
                    else:
                        owners = [p for p in owners if p in named_here]
                suffix = words[i + 1][0] if i + 1 < len(words) else ""
                if suffix.lower().rstrip(".") in SUFFIXES and owners \
                        and not owners[0].endswith(suffix):
                    continue  # `Cal Ripken Jr.` is not `Cal Ripken Sr.`
                before = words[i - 1][0] if i > 0 and words[i - 1][2] + 1 == a else ""
                if before[:1].isupper() and before.lower() not in CONNECTORS and owners \
                        and before not in owners[0].split():
                    continue  # `Corwin Ashgrove` is not `Dale Ashgrove`: another first name
                if len(owners) == 1:
                    self.record(owners[0], ActorKind.PERSON, n, a, b, text, "surname")
            elif w in self.acronyms:
                self.record(self.acronyms[w], ActorKind.ORGANISATION, n, a, b, text, "acronym")
            elif looks_acronym(w) and w not in self.terms and w.lower() not in STOP \
                    and w.lower() not in SUFFIXES \
                    and not shouted(text, a, b) and w.lower() not in self.lower_words() \
                    and not (len(w) == 2 and REGION_CODE.search(text, max(0, a - 30), a)):
                self.record(w, ActorKind.ORGANISATION, n, a, b, text, "acronym")
            elif (org := self._short_org(w)) is not None:
                # Before the company cues: `Tidewater, a New York firm,` after `Tidewater
                # Infrastructure Partners` is that firm, not another.
                self.record(org, ActorKind.ORGANISATION, n, a, b, text, "short")
            elif w in self.companies or (w.lower() not in STOP and (
                    COMPANY_AFTER.match(text, b) or (_SEATED_AFTER.match(text, b) and
                                                     w.lower() not in lexicon.FIRST_NAMES)
                    or company_noun_before(text, max(0, a - _BEHIND), a))):
                self.companies.add(w)
                self.record(w, ActorKind.ORGANISATION, n, a, b, text, "company")

    def _short_org(self, word: str) -> str | None:
        """Return the organisation a lone word names by its first word (`Velmora` after
        `Velmora Technologies`): the one organisation named in full so far whose name starts
        with it, where the word is no common word, first name or place."""
        if word.lower() in STOP or word.lower() in self.lower_words() or \
                word.lower() in lexicon.FIRST_NAMES or lookup([word], 0) is not None:
            return None
        owners = self._corporate_firsts().get(word, set())
        return next(iter(owners)) if len(owners) == 1 else None

    def _corporate_firsts(self) -> dict[str, set[str]]:
        """Return the organisations named in full with a corporate ending, by first word: built
        once, when the leftovers are read (every run has been by then), so a long article stays
        linear."""
        if self._firsts is None:
            self._firsts = {}
            for m in self.mentions:
                words = m.key.split()
                if m.kind is ActorKind.ORGANISATION and len(words) > 1 and \
                        words[-1].lower().rstrip(".") in CORPORATE_ENDINGS:
                    self._firsts.setdefault(words[0], set()).add(m.key)
        return self._firsts
