"""Who a document speaks for: the issuer of `the statement` a quotation cites, the sender of a
letter whose participle reports words (`sent the city a letter calling …`), and the author of a
document whose relative clause does (`a post by X that called …`). A mixin of
`attribution.Attributor`, which supplies how a phrase names a speaker (`_IssuerParts`).
"""

from __future__ import annotations

import re
from typing import Protocol

from .cast import Cast
from .clauses import alternatives, previous_close
from .documents import ISSUER_REACH, SENT_DOCUMENT, document_sent, issuer_patterns
from .lexicon import SPEECH_VERBS
from .matching import last_match
from .sentences import split_sentences
from .speakers import (
    AMBIGUOUS,
    Phrase,
    Speaker,
    name_at_end,
    name_at_start,
    resolved,
    speaker_after,
    subject_before,
)

# A speech verb, or `thanked`, of a clause that a statement's opening phrase leads into.
_ISSUING_VERB = re.compile(r"\b(?-i:" + alternatives([*SPEECH_VERBS, "thanked", "thanks"]) +
                           r")\b")

# A document, then a relative clause whose verb it is the subject of (`a post on X by Treasury
# Secretary Conrad Ellery on Tuesday that`, `Ellery’s letter, which`).
_DOCUMENT_THAT = re.compile(r"\b(?:(?:a|an|the)\s+|(?P<owner>[A-Z][\w.\u2019'-]*)[\u2019']s\s+)"
                            r"(?:[\w-]+\s+){0,2}?(?:post|tweet|letter|memo|email|report|"
                            r"statement|op-ed|column|essay|ad|advertisement|video|message|"
                            r"editorial|filing|brief|ruling|release)\b"
                            r"(?P<mid>[^\u201c\u201d\";:]{0,120}?)\s*,?\s*(?:that|which)\s+$")
_BY = re.compile(r"\bby\s+")


class _IssuerParts(Protocol):
    """What the issuer rules use of an `attribution.Attributor`."""

    cast: Cast

    def speaker(self, phrase: Phrase | None, paragraph: int, offset: int) -> Speaker | None: ...


class Issuers(_IssuerParts):
    """The rules of an `attribution.Attributor` that find who a document speaks for."""

    def issuer(self, noun: str, paragraph: int, offset: int) -> Speaker | None:
        """Return who issued `the statement` a quotation cites: the person or organisation
        that `said in a statement` (`issued a statement`, `The letter, written by X`) last, in
        this paragraph before `offset` or in the three before; else None."""
        pattern, passive = issuer_patterns(noun)
        # A statement quoted over several paragraphs names its issuer once, at its start.
        for p in range(paragraph, paragraph - ISSUER_REACH - 1, -1):
            text = self.cast.texts.get(p, "")
            end = offset if p == paragraph else len(text)
            hits = list(pattern.finditer(text, 0, end))
            by = list(passive.finditer(text, 0, end))
            if by and (not hits or by[-1].start() > hits[-1].start()):
                # `according to a report released Thursday by the Government Accountability
                # Office`: the agent after `by`.
                stop = next((b for a, b in split_sentences(text) if b > by[-1].end()), len(text))
                found = self._opening_issuer(text, by[-1].end(), stop, p) or \
                    self.speaker(speaker_after(text, by[-1].end(), stop), p, by[-1].end())
                if found is None or found is AMBIGUOUS or \
                        found.kind not in ("person", "organisation"):
                    return None
                return resolved(found)
            if not hits:
                continue
            verb = hits[-1].start()
            start = max((a for a, _ in split_sentences(text) if a <= verb), default=0)
            start = previous_close(text, verb + 1, start)
            if verb <= start:
                return None
            found = self.speaker(subject_before(text, start, verb), p, verb)
            # A name the article does not tell a person or a body (`Airbnb, in a statement, …,
            # said`) issued it all the same.
            if found is None or found is AMBIGUOUS or \
                    found.kind not in ("person", "organisation", "unknown"):
                return None
            return resolved(found)
        return None

    def _opening_issuer(self, text: str, start: int, end: int, paragraph: int) -> Speaker | None:
        """Return the subject of the clause an opening leads into: right after it (`In a
        statement afterward, she said`), or after the agent of `In a statement released by X,`
        (`…, she thanked members for “…”`: whose statement it is, X only having put it out);
        None when no such clause follows."""
        verb = _ISSUING_VERB.search(text, start, min(end, start + 60))
        if verb is not None and "," not in text[start:verb.start()]:
            # `In a statement afterward, she said …`: the subject right after the opening.
            found = _person_or_body(
                self.speaker(subject_before(text, start, verb.start()), paragraph, start))
            if found is not None:
                return found
        comma = text.find(", ", start, end)
        verb = _ISSUING_VERB.search(text, comma + 2, end) if comma >= 0 else None
        if verb is None or verb.start() - comma > 60:
            return None
        return _person_or_body(
            self.speaker(subject_before(text, comma + 2, verb.start()), paragraph, comma + 2))

    def document_author(self, paragraph: int, text: str, start: int,
                        end: int) -> tuple[bool, Speaker | None]:
        """For a speech verb right after `text[start:end]` whose subject is a document's
        relative clause (`a post on X by X that`, `Ellery’s letter, which`, `X released a
        report that`), return (True, its author: a person or body, or None when the text names
        none for sure); for any other subject, (False, None)."""
        written = _DOCUMENT_THAT.search(text, start, end)
        if written is None:
            return False, None
        by = last_match(_BY, text, written.start("mid"), written.end("mid"))
        if by is not None:
            name = name_at_start(text, by.end(), written.end("mid"))
            if name is not None and (text.startswith(("'s", "\u2019s"), name.end) or
                                     (len(name.words) < 2 and not name.title)):
                name = None  # `by Ben Stroud’s office`, `by Ellery`: no author to be sure of
            phrase = Phrase(name=name) if name is not None else None
        elif written.group("owner") is not None:
            name = name_at_end(text, max(start, written.start() - 60), written.end("owner"))
            phrase = Phrase(name=name) if name is not None else None
        else:
            sent = SENT_DOCUMENT.search(text, start, written.end("mid"))
            if sent is None:
                # `She said a report that called …`: a document of no author the text names
                # here, whose words the speaker before may still be reporting.
                return False, None
            phrase = subject_before(text, start, sent.start())
        return True, _person_or_body(self.speaker(phrase, paragraph, written.start())
                                     if phrase is not None else None)

    def _document_sender(self, paragraph: int, text: str, start: int, end: int,
                         max_tail: int) -> Speaker | None:
        """Return who sent the document whose participle reports the words (`The ACLU of Idaho
        sent the city a letter Tuesday calling the denial “…”`), when a person or a body."""
        sent = document_sent(text, start, end, max_tail)
        return _person_or_body(self.speaker(subject_before(text, start, sent), paragraph, sent)
                               if sent is not None else None)


def _person_or_body(found: Speaker | None) -> Speaker | None:
    """Return `found` when it is one person or body; None for nobody, two namesakes or a name
    of no known kind (a document speaks for its issuer only when we know who that is)."""
    return found if found is not None and found is not AMBIGUOUS and \
        found.kind in ("person", "organisation") else None
