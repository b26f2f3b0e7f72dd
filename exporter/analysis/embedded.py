"""Quotations embedded in someone's sentence: rules that find a partial quotation's speaker
where the words around it are no plain `X said`.

`with X warning of “…”`, `X’s claim that … “…”`, `…, said another witness, X` or `…, X said`
closing the sentence, `“…” That was how X described it` and `“…” So said X`. Each rule takes
what can name a speaker (`attribution.Attributor`) and where the quotation stands
(`clauses.Place`), and answers a person or an organisation, or None; `attribution` tries them
among its other rules.
"""

from __future__ import annotations

import re
from typing import Protocol

from .clauses import (
    AND_PARTICIPLE,
    CLAUSE_BREAK,
    HOW_NAMED,
    OWNED_SPEECH,
    SO_SAID,
    VERB,
    WEEKDAY,
    WITH_PARTICIPLE,
    Place,
    previous_close,
)
from .matching import last_match
from .sentences import split_sentences
from .speakers import (
    AMBIGUOUS,
    Phrase,
    Speaker,
    name_at_end,
    segments,
    speaker_after,
    subject_before,
)


class Speaks(Protocol):
    """What turns a phrase next to a speech verb into a speaker (`attribution.Attributor`)."""

    def speaker(self, phrase: Phrase | None, paragraph: int, offset: int) -> Speaker | None: ...


def said_at_end(att: Speaks, place: Place) -> Speaker | None:
    """`Sondland was known for telling others “…” despite being the envoy in Brussels, said
    another witness, Fiona Hill.`: an inverted attribution closing the quotation's sentence."""
    text = place.text
    m = last_match(_SAID_AT_END, text, place.span.close, place.sentence_end)
    if m is None or any(c in text[place.span.close:m.start()] for c in "\u201c\"") or any(
            v.group().islower() for v in VERB.finditer(text, place.span.close, m.start())):
        return None
    phrase = speaker_after(text, m.end(), place.sentence_end)
    if phrase is not None and phrase.name is None:
        # `said another witness in the probe, former White House adviser Fiona Hill`.
        parts = segments(text, m.end(), place.sentence_end)
        named = name_at_end(text, *parts[1]) if len(parts) == 2 else None
        phrase = Phrase(name=named) if named is not None and named.end >= parts[1][1] - 1 \
            else None
    if phrase is None or phrase.name is None:
        return None
    found = att.speaker(phrase, place.paragraph, m.end())
    if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
        return None
    return found


_SAID_AT_END = re.compile(r",\s+(?:said|says|added|adds|wrote|writes)\s+(?=[a-zA-Z])")


def subject_said_at_end(att: Speaks, place: Place) -> Speaker | None:
    """`South Dakota's meth crisis is “growing at an alarming rate” and affects every community,
    Noem said in the campaign's announcement.`: a sentence of reported speech holding a partial
    quotation, its attribution (`X said`, `she said`) closing it after a comma."""
    text = place.text
    m = last_match(_SUBJECT_SAID_AT_END, text, place.span.close, place.sentence_end)
    if m is None:
        return _quoted_with_the_last(att, place)
    if not _SETTING_ONLY.fullmatch(text, m.end(), place.sentence_end) or \
            not re.search(r"\w", text[place.sentence_start:max(0, place.span.start - 1)]) or \
            re.match(r"(?:and|or|but|nor)\s", m.group("np")):
        # Only a quotation inside its sentence; one opening it (`“…,” X, and Y said`) is
        # `_subject_after`'s, which found no one speaker.
        return None
    if any(c in text[place.span.close:m.start()] for c in "\u201c\"") or any(
            v.group().islower() for v in VERB.finditer(text, place.sentence_start, m.start())):
        # Another quotation, or a speech verb in the sentence (`Cole called it “…”, Stroud
        # said`): whose words these are is not the closing verb's to say.
        return None
    return _closing_subject(att, place, m)


def _quoted_with_the_last(att: Speaks, place: Place) -> Speaker | None:
    """`The outages have been “terribly disruptive” and the utility is taking steps, but “we
    won’t roll the dice on public safety,” chief executive Dana Whitlow said.`: a partial
    quotation in a sentence whose last quotation closes on its attribution (`,” X said.`);
    the sentence is one speaker's reported speech, unless a speech verb outside the quotation
    marks gives some of it to someone else (`Critics called it “…,” and “…,” X said`)."""
    text = place.text
    m = last_match(_QUOTE_SAID_AT_END, text, place.span.close, place.sentence_end)
    if m is None or not _SETTING_ONLY.fullmatch(text, m.end(), place.sentence_end) or \
            re.match(r"(?:and|or|but|nor)\s", m.group("np")):
        return None
    outside = _QUOTED.sub(" ", text[place.sentence_start:m.start()])
    if any(v.group().islower() for v in VERB.finditer(outside)):
        return None
    return _closing_subject(att, place, m)


def _closing_subject(att: Speaks, place: Place, m: re.Match[str]) -> Speaker | None:
    """Return the person or organisation the subject `np` of a sentence's closing attribution
    (`, Noem said.`, `,” X said.`) names, or None."""
    phrase = subject_before(place.text, m.start("np"), m.end("np"))
    if phrase is None or (phrase.name is None and phrase.pronoun is None):
        return None
    found = att.speaker(phrase, place.paragraph, m.start("np"))
    if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
        return None
    return found


# `…,” chief executive Dana Whitlow said`: a quotation closing on a comma, then its subject and
# verb.
_QUOTE_SAID_AT_END = re.compile(r",[\u201d\"]\s+(?P<np>[^,;:\u201c\u201d\"]{2,60}?)\s+"
                                r"(?:said|says)(?=[\s.]|$)")
# A quotation's words, set aside when looking for a speech verb outside them.
_QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")


# `, Noem said`, `, the senator's spokesman, Ty Bell, said`: a short subject after a comma,
# its speech verb and the sentence's end, or only when, where or to whom it was said.
_SUBJECT_SAID_AT_END = re.compile(
    r",\s+(?P<np>[^,;:\u201c\u201d\"]{2,60}?)\s+(?:said|says|told\s+(?:[A-Z][\w.\u2019'-]*"
    r"(?:\s+[A-Z][\w.\u2019'-]*){0,3}|reporters|lawmakers|the\s+[a-z]+)|wrote|writes)(?=[\s.]|$)")
_SETTING_ONLY = re.compile(r"(?:\s+(?:on|in|at|during|after|before|late|early|this|last|"
                           r"yesterday|today|tonight|" + WEEKDAY +
                           r")\b[^,;:\u201c\u201d\"]{0,80})?\s*[.]?\s*")


def how_named(att: Speaks, paragraph: int, text: str, offset: int) -> Speaker | None:
    """Return the person or organisation `That was how X described it` or `So said X` names at
    the start of `text` (which starts at `offset` in the paragraph), or None."""
    m = HOW_NAMED.match(text)
    so = SO_SAID.match(text) if m is None else None
    if so is not None:
        # `“…” So said Frank Yazzie, a former state party chairman …`.
        end = next((b for _, b in split_sentences(text) if b > so.end()), len(text))
        phrase = speaker_after(text, so.end(), end)
        m = so
    elif m is not None:
        phrase = subject_before(text, m.start("np"), m.end("np"))
    else:
        return None
    if phrase is None or phrase.name is None:
        return None
    found = att.speaker(phrase, paragraph, offset + m.end())
    if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
        return None
    return found


def _speaking_subject(att: Speaks, place: Place, pattern: re.Pattern[str],
                      group: str) -> Speaker | None:
    """Return the person or organisation `group` of the last match of `pattern` in the
    quotation's sentence names, when nothing between it and the quotation (a speech verb, a
    clause joined after it, 150 characters) gives the words to someone else."""
    text = place.text
    start = previous_close(text, place.span.start, place.sentence_start)
    end = place.span.start - 1
    last = last_match(pattern, text, start, end)
    if last is None or end - last.end() > 150 or CLAUSE_BREAK.search(text, last.end(), end) \
            or any(v.group().islower() for v in VERB.finditer(text, last.end(), end)):
        return None  # (`United States` holds no speech verb)
    phrase = subject_before(text, last.start(group), last.end(group))
    if phrase is None or phrase.name is None:
        return None
    found = att.speaker(phrase, place.paragraph, last.start(group))
    if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
        return None
    return found


def with_participle(att: Speaks, place: Place) -> Speaker | None:
    """`…, with Foreign Minister Ayman Safadi warning of “…”`, and the clause's second
    subject (`… and its chief opponent, Ambrose Kitteridge, warning it would send a “…”`)."""
    # (Only the last 600 characters: a `with` clause further back does not reach the quotation,
    # and a sentence of many quotations stays linear.)
    opened = WITH_PARTICIPLE.search(place.text, max(place.sentence_start, place.span.start - 600),
                                    place.span.start)
    if opened is not None and AND_PARTICIPLE.search(place.text, opened.end(), place.span.start):
        return _speaking_subject(att, place, AND_PARTICIPLE, "np")
    return _speaking_subject(att, place, WITH_PARTICIPLE, "np")


def owned_speech(att: Speaks, place: Place) -> Speaker | None:
    """`Mr. Trump’s announcement that the two countries had reached a “historic” deal`."""
    return _speaking_subject(att, place, OWNED_SPEECH, "owner")


__all__ = ["Speaks", "how_named", "owned_speech", "said_at_end", "subject_said_at_end",
           "with_participle"]
