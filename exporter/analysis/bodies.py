"""Bodies: the organisation `the company`, `the ministry` or `the group` points back at, one a
name in a description denotes (`a spokesperson for the British Foreign Office`), and the
government seats that speak for their governments (`the White House`). A mixin of `cast.Cast`,
which holds the mentions and texts these read.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..model import ActorKind
from .actors import ORG_HEADS, Mention
from .actors import lookup as gazetteer_lookup
from .descriptions import OWNED_ORG
from .speakable import can_speak, is_acronym
from .speakers import Speaker, bare_word

# Heads that name an organisation by what it does, never in its name's words (`the label` for
# Tidewater Records): only the one organisation just named as a subject will do.
_GENERIC_HEADS = frozenset({"company", "firm", "agency", "label", "studio", "airline", "carrier",
                            "retailer", "automaker", "carmaker", "insurer", "publisher",
                            "broadcaster", "lender", "manufacturer", "utility", "startup"})
_BUSINESS_HEADS = _GENERIC_HEADS - {"agency", "utility"}
# Heads that say what kind of body it is (`the housing office` is no `Military Housing
# Privatization Initiative`): the body's name must hold the word.
_INSTITUTION_HEADS = frozenset({"office", "department", "ministry", "board", "committee", "council",
                                "court", "bureau", "commission", "authority"})
"""Heads that name a business, which no government body is (`the company` after the
Department of Homeland Security and a builder the mentions missed)."""
# Heads a group or body goes by (`The Bench Integrity Project, a conservative judicial group,
# … the group said`, `The DCCC … the committee said`): the same rule, no business.
_BODY_HEADS = frozenset({"group", "committee", "coalition", "organization", "organisation",
                         "association", "union", "caucus", "alliance", "nonprofit", "charity",
                         "foundation"})
_PUBLIC_BODY = re.compile(r"\b(?:Department|Ministry|Agency|Administration|Office|Bureau|"
                          r"Commission|Committee|Council|Congress|Senate|House|Court|Police|"
                          r"Government|Authority|Board|Service|Customs|Immigration)\b")
# A union, which is no business either (`the company` after `Machinists Local 2209` and a
# manufacturer the mentions missed).
_LABOR_BODY = re.compile(r"\b(?:Local|Union|Workers|Teamsters|Machinists|Brotherhood|Guild|"
                         r"AFL-CIO|SEIU|UAW|Federation\s+of\s+[A-Z]\w*\s+Employees)\b")
# A news outlet, which reports rather than acts in the story (`according to a copy seen by
# Bloomberg News`): no company the article left speaking beside the one it is about.
_OUTLET = re.compile(r"\b(?:News|Times|Post|Journal|Tribune|Herald|Gazette|Magazine|Chronicle|"
                     r"Inquirer|Examiner|Sentinel|Courier|Reuters|Associated\s+Press)$")
_CENTRAL_BANK = re.compile(r"\b(?:Central\s+Bank|Reserve(?:\s+Bank)?|Bundesbank|Bank\s+of\s+[A-Z])")


class _BodyParts(Protocol):
    """What the organisation rules read of the cast."""

    texts: dict[int, str]
    display: dict[str, str]
    mentions: tuple[Mention, ...]
    by_paragraph: dict[int, list[Mention]]

    def _in_quote(self, paragraph: int, offset: int) -> bool: ...

    def _subject(self, paragraph: int, start: int) -> bool: ...


class Bodies(_BodyParts):
    """The organisation rules of a `Cast`."""

    def organisation_named(self, name: str) -> Speaker | None:
        """Return the organisation a name written in a description denotes (`British Foreign
        Office`, `CBP`): one the gazetteer or the mentions know as an organisation, an acronym,
        or a name ending in an organisation's head word; None for anything else (a person's
        spokesperson speaks for them, which the text has not said)."""
        words = name.split()
        hit = gazetteer_lookup(words, 0)
        if hit and hit[0] == len(words):
            if hit[1].kind is not ActorKind.ORGANISATION and hit[1].form != "metonym":
                return None
            return Speaker(self.display.get(hit[1].canonical, hit[1].canonical), "organisation")
        if any(m.kind is ActorKind.ORGANISATION and m.text == name for m in self.mentions) or \
                (len(words) == 1 and is_acronym(words[0])) or \
                (len(words) > 1 and bare_word(words[-1]) in ORG_HEADS and can_speak(words)):
            return Speaker(self.display.get(name, name), "organisation")
        return None

    def seat(self, phrase: str) -> Speaker | None:
        """Return the government seat a phrase names (`the White House`, `the Kremlin`), which
        speaks for its government, or None."""
        words = [w for w in phrase.split() if w.lower() != "the"]
        seat = gazetteer_lookup(words, 0) if words else None
        if seat and seat[0] == len(words) and seat[1].form == "metonym":
            return Speaker(" ".join(words), "organisation")
        return None

    def organisation(self, head: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the organisation `the <head>` points at: the last one named before, one whose
        name holds the head word first."""
        before = [m for p in range(1, paragraph + 1) for m in self.by_paragraph.get(p, ())
                  if m.kind is ActorKind.ORGANISATION and (p < paragraph or m.start < offset)]
        words = head.lower().split()
        modifier = words[0] if len(words) == 2 and words != ["central", "bank"] else None
        if words == ["central", "bank"]:
            # `The Federal Reserve held rates … the central bank said`: a reserve bank counts.
            headed = [m for m in before if _CENTRAL_BANK.search(m.key)]
        elif modifier is not None:
            # `Dick Clark Productions … the production company said`, `Big Machine Records …
            # the record label`: the one whose name holds the word before the head.
            stem = modifier[:6]
            headed = [m for m in before if head.lower() in m.key.lower() or (any(
                w.lower().startswith(stem) for w in m.key.split()) and (
                    words[-1] not in _INSTITUTION_HEADS or words[-1] in m.key.lower()))]
        else:
            headed = [m for m in before if head.lower() in m.key.lower()]
        described = self._described_org(head, paragraph, offset)
        if described is not None and (not headed or described[0] > (headed[-1].paragraph,
                                                                     headed[-1].start)):
            # `China's commerce ministry said … “…,” the ministry said`.
            return Speaker(described[1], "organisation", attribution="resolved")
        if headed:
            return Speaker(headed[-1].key, "organisation", attribution="resolved")
        # `the company` for a name without the word: only the one organisation of the last
        # two paragraphs will do.
        here = [m for m in before if m.paragraph == paragraph]
        if len({m.key for m in here}) == 1 and head.lower() in _BODY_HEADS and \
                self._subject(paragraph, here[0].start) and not _PUBLIC_BODY.search(here[0].key):
            # `The Nebraska Farmers Union has asked …. “…,” the group wrote`: the one body
            # this paragraph names, as its subject, whatever the paragraph before named.
            return Speaker(here[0].key, "organisation", attribution="resolved")
        recent = [m for m in before if m.paragraph >= paragraph - 1]
        if head.lower() in _BUSINESS_HEADS and len({m.key for m in recent}) > 1:
            recent = [m for m in recent if not _OUTLET.search(m.key)]
        if len({m.key for m in recent}) == 1 and head.lower() in _GENERIC_HEADS | _BODY_HEADS and \
                any(self._subject(m.paragraph, m.start) for m in recent) and not (
                    head.lower() in _BUSINESS_HEADS and (_PUBLIC_BODY.search(recent[0].key) or
                                                         _LABOR_BODY.search(recent[0].key))):
            # … and named as a subject there: `with the Federal Aviation Administration's
            # review` is no company that `Boeing said …` left speaking.
            return Speaker(recent[0].key, "organisation", attribution="resolved")
        return None

    def _described_org(self, head: str, paragraph: int, offset: int,
                       ) -> tuple[tuple[int, int], str] | None:
        """Return where and how the text last described an organisation with `head` before
        `offset` (`China's commerce ministry`), outside quotations, or None."""
        last = None
        for p in range(max(1, paragraph - 3), paragraph + 1):
            text = self.texts.get(p, "")
            for m in OWNED_ORG.finditer(text, 0, offset if p == paragraph else len(text)):
                if m.group().lower().endswith(head.lower()) and not self._in_quote(p, m.start()):
                    # `Prairie Carbon Partners, the Iowa-based company whose …`: the description
                    # is an appositive to the organisation named right before it.
                    comma = text.rstrip().rfind(",", 0, m.start())
                    named = [o.key for o in self.by_paragraph.get(p, ()) if o.kind is
                             ActorKind.ORGANISATION and comma >= 0 and o.end == comma and
                             text[comma + 1:m.start()].strip() in ("", "the")]
                    last = ((p, m.start()), named[-1] if named else m.group("org"))
        return last


__all__ = ["Bodies"]
