"""Colon introductions: the speaker a clause ending in a colon introduces for the quotation
after it, with a speech verb (`She added:`, `The letter continued:`) or without one (`Rachel
Reeves put it more bluntly:`, `Biden, in a statement:`, `His closing argument was short:`).

`ColonIntros` holds these rules for `attribution.Attributor`, which supplies what they read
(`_AttributorParts`): how a phrase names a speaker, the speech verb before a point, and who
issued a document or was described as a source before.
"""

from __future__ import annotations

import re
from typing import Protocol

from .actors import ROLE_NOUNS
from .cast import Cast
from .clauses import DETERMINER_BEFORE, VERB, lead_name, previous_close
from .documents import DOCUMENT_GOES_ON, DOCUMENT_NOUN, DOCUMENT_SUBJECT, IT_READS
from .matching import last_match
from .partytags import mask_party_tags
from .sentences import split_sentences
from .speakers import (
    AMBIGUOUS,
    SUBJECT_PRONOUN,
    Phrase,
    Speaker,
    bare_word,
    is_title,
    name_at_start,
    subject_before,
)

# `Asked whether …, Halvorsen shrugged:`: the question put to a colon introduction's subject.
_ASKED_LEAD = re.compile(r"\s*(?:Asked|Pressed|Questioned)\b[^,:\u201c\"]{0,100},\s*")
# `Progressive Caucus chair Rep. …`: lower-case words for a post between a body and a name.
_ROLE_BEFORE_NAME = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})(?=[A-Z])")
# `A White House aide …:`, `One GOP senator …:`: a clause opening on an unnamed person.
_UNNAMED_LEAD = re.compile(r"\s*(?:An?|One|Another)\s+((?:[\w\u2019'-]+\s+){0,3}[\w\u2019'-]+)")
# `That same aide`, `The official` opening a clause before a colon: a source named again.
_SOURCE_AGAIN = re.compile(r"\s*(?:the|that|this)\s+(?:same\s+)?([a-z]+)\s+(?:was|is|had|has|"
                           r"put|went|added|offered|sounded)\b", re.IGNORECASE)
# `opened with a reading from the order itself:`, `quoting the ruling:`: a text read out.
_READ_FROM = re.compile(r"\b(?:read(?:ing|s)?\s+(?:aloud\s+)?(?:from\s+)?|quot(?:ing|ed)\s+|"
                        r"cit(?:ing|ed)\s+)(?:a|an|the|his|her|its|their)\b", re.IGNORECASE)
# `She read from a letter:`, `read from a prepared statement:`: the reader's own text (not `read
# from the order itself:`, a document's words).
_READS_OWN = re.compile(r"\s+read\s+(?:aloud\s+)?from\s+(?:a|her|his|their)\s+(?:prepared\s+|"
                        r"written\s+|short\s+)?(?:statement|remarks|letter|notes|speech|"
                        r"testimony)\s*$")
_AND_PRONOUN = re.compile(r",\s+and\s+(?=(?:he|she)\s+[a-z])")
# A list's bullet inside a paragraph (lines joined): `What they're saying: - Rep. X (R-Ohio):`.
_BULLET = re.compile(r"(?:^|\s)[-\u2022*\u2013]\s+(?=[A-Z])")
# A heading in capitals with its small words in capitals too (`QUOTE OF THE DAY`, `WHAT THEY'RE
# SAYING`, `BY THE NUMBERS`), which a newsletter puts before a colon: no speaker's name.
_SECTION_LABEL = re.compile(r"(?=[^a-z]*\b(?:OF|THE|AND|FOR|TO|IN|ON|BY|WHAT|WHY|HOW|WHO)\b)"
                            r"[A-Z][A-Z\u2019' ]+")
# What follows the name of a colon introduction's subject: a lower-case word, after a comma or not.
_NAME_THEN_WORD = r"\s*,?\s+[a-z]"
# Words that may open a colon introduction before its subject (`As X put it:`, `But X:`).
_COLON_LEAD = re.compile(r"\s*(?:[-\u2022*\u2013\u2014]\s+)?"  # a list's bullet
                         r"(?:(?:as|but|and|so|still|yet|then|now|later|instead)\b,?\s*)*",
                         re.IGNORECASE)
# `His closing argument to the committee was short`, `Her answer was blunt`: what he said is
# described, then given after the colon.
_HIS_WORDS_WERE = re.compile(r"\s*(his|her)\s+(?:[a-z-]+\s+){0,2}(?:argument|answer|reply|response|"
                             r"message|advice|verdict|explanation|pitch|plea|warning|"
                             r"retort|statement|remarks?|words?|comment|assessment|view|take)"
                             r"(?:\s+(?:[a-z-]+\s+){0,4}?[a-z-]+)?\s+(?:was|were|is|are)"
                             r"(?:\s+(?:more\s+|even\s+|very\s+)?[a-z-]+){1,2}\s*", re.IGNORECASE)


class _AttributorParts(Protocol):
    """What the colon rules use of an `attribution.Attributor`."""

    cast: Cast

    def speaker(self, phrase: Phrase | None, paragraph: int, offset: int) -> Speaker | None: ...

    def issuer(self, noun: str, paragraph: int, offset: int) -> Speaker | None: ...

    def _earlier_source(self, description: str, paragraph: int,
                        offset: int) -> Speaker | None: ...

    def _before(self, paragraph: int, text: str, start: int, end: int,
                max_tail: int) -> Speaker | None: ...


class ColonIntros(_AttributorParts):
    """The colon-introduction rules of an `attribution.Attributor`."""

    def intro(self, paragraph: int, text: str) -> Speaker | None:
        """Return the speaker a paragraph ending `She added:` introduces for the next one."""
        body = text.rstrip()
        if not body.endswith(":"):
            return None
        masked = mask_party_tags(body[:-1])
        start = max((a for a, _ in split_sentences(masked) if a < len(masked)), default=0)
        start = previous_close(masked, len(masked) + 1, start)
        found = self._before(paragraph, masked, start, len(masked), max_tail=40)
        reads = _READS_OWN.search(masked, start) if found is None else None
        if reads is not None:
            # `Kayla Brockmeier, who keeps the books, read from a prepared statement:`: her
            # own words, read out.
            found = self.speaker(subject_before(masked, start, reads.start()), paragraph,
                                 reads.start())
            return found if found is not AMBIGUOUS else None
        if found is None and (document := DOCUMENT_GOES_ON.match(masked, start)) is not None:
            # `In a letter to staff, Grierson wrote that … The letter continued:`: its issuer.
            return self.issuer(document.group(1).lower(), paragraph, start)
        if found is None and (joined := last_match(_AND_PRONOUN, masked, start,
                                                    len(masked))) is not None:
            # `Its president, X, said the union would press …, and she put it bluntly in a
            # message to members:`: the clause joined last introduces the words.
            start = joined.end()
        return found or self.colon_subject(paragraph, masked, start, len(masked))

    def colon_subject(self, paragraph: int, text: str, start: int, end: int,
                      gap: str = _NAME_THEN_WORD) -> Speaker | None:
        """Return the speaker a clause ending in a colon introduces without a speech verb
        (`Rachel Reeves put it more bluntly:`, `Biden, in a statement:`, `She was blunt:`):
        the person or organisation that opens the clause, or None. `gap` is what must follow
        the name (a comma and a lower-case word, or just the word)."""
        bullet = last_match(_BULLET, text, start, end)
        start = bullet.end() if bullet is not None else start
        m = _COLON_LEAD.match(text, start, end)
        start = m.end() if m else start
        asked = _ASKED_LEAD.match(text, start, end)
        if asked is not None:
            start = asked.end()  # `Asked whether …, Halvorsen shrugged:`: the question put to him
        clause = text[start:end]
        it_reads = IT_READS.match(clause)
        if it_reads:
            # `The letter, written by X, was sent on Monday. It reads in part:`.
            named = last_match(DOCUMENT_NOUN, text, 0, start)
            return self.issuer(named.group(1).lower(), paragraph, start) if named else None
        if len(clause) > 120 or any(
                not DETERMINER_BEFORE.search(text, max(start, start + v.start() - 6),
                                              start + v.start())
                for v in VERB.finditer(clause)):
            # (`closed his remarks with a promise:`: after a determiner, a noun, no verb.)
            return None
        if _READ_FROM.search(clause):
            # `X opened with a reading from the order itself:`, `X, quoting the ruling:`: the
            # words are the text's that is read, not the reader's.
            return None
        document = DOCUMENT_SUBJECT.match(clause)
        if document:
            # `The report was blunt about the causes:` after `a report released by the GAO`.
            return self.issuer(document.group(1).lower(), paragraph, start)
        pronoun = re.match(r"\s*(he|she)\s+[a-z]", clause, re.IGNORECASE)
        if pronoun:
            return self.speaker(Phrase(pronoun=pronoun.group(1).lower()), paragraph, start)
        owned = _HIS_WORDS_WERE.fullmatch(clause)
        if owned:
            # `His closing argument to the committee was short:`: his words follow.
            return self.speaker(Phrase(pronoun=SUBJECT_PRONOUN[owned.group(1).lower()]),
                                paragraph, start)
        again = _SOURCE_AGAIN.match(clause)
        if again:
            # `That same aide was blunt about the calendar:`: the unnamed source just described.
            found = self._earlier_source(f"the {again.group(1)}", paragraph, start)
            return found if found is not None and found is not AMBIGUOUS else None
        unnamed = _UNNAMED_LEAD.match(clause)
        if unnamed:
            # `A White House aide pushed back when I asked:`, `One Republican senator put it
            # bluntly:`: the unnamed source the clause opens on, as `the aide said` names it.
            for word in unnamed.group(1).split():
                found = self._earlier_source(f"the {word.lower()}", paragraph, end)
                if found is not None:
                    return found if found is not AMBIGUOUS else None
            return None
        name = lead_name(text, start, end)  # `Senate Majority Leader X`, `Her aide, X,`
        role = _ROLE_BEFORE_NAME.match(text, name.end, end) if name is not None else None
        if role is not None and any(bare_word(w) in ROLE_NOUNS or is_title(w)
                                    for w in role.group(1).split()):
            # `Progressive Caucus chair Rep. Benedikt Saavedra endorsed …:`: the body, then
            # the post and the person who holds it.
            holder = name_at_start(text, role.end(), end)
            if holder is not None and len(holder.words) >= 2:
                name = holder
        if name is None or not (re.match(gap, text[name.end:end]) or (
                gap == _NAME_THEN_WORD and not text[name.end:end].strip())):
            # (A name alone before the colon is a label: `- Rep. X (R-Pa.): “…”`.)
            return None
        if _SECTION_LABEL.fullmatch(text, name.start, name.end):
            return None  # `QUOTE OF THE DAY: “…” — Rep. X`: a newsletter's heading, no one
        found = self.speaker(Phrase(name=name), paragraph, name.start)
        if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
            return None
        return found


__all__ = ["ColonIntros"]
