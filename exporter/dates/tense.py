"""The tense (and aspect) of the clause that holds a date expression: past, future, present."""

from __future__ import annotations

import re
from typing import Literal

from .wordlists import word_lists

Tense = Literal["past", "future", "present", "report", ""]

_WORDS = word_lists("tense")
"""The word lists of `words.toml` (future, past, present… forms), read once."""

_FUTURE_WORDS = _WORDS["future"]
_PAST_WORDS = _WORDS["past"]
_REPORT_WORDS = _WORDS["report"]
_PRESENT_WORDS = _WORDS["present"]
_BASE_FORMS = _WORDS["noun_too"]
_DETERMINERS = _WORDS["determiners"]
_AUXILIARIES = _WORDS["auxiliaries"]
_AUX_BEFORE_PARTICIPLE: dict[str, Tense] = {
    "is": "present", "are": "present", "am": "present", "has": "present", "have": "present",
    "was": "past", "were": "past", "had": "past"}
_MODALS = _WORDS["modals"]
_SKIPPED_ADVERBS = _WORDS["skipped_adverbs"]
_NOT_VERBS_ED = _WORDS["not_verbs_ed"]
_NOT_INFINITIVES = _WORDS["not_infinitives"]
_DIRECTIVES = _WORDS["directives"]
_WANTING = _WORDS["wanting"]
_CLAUSE_LEFT = re.compile(r"[;:—–]|,\s|\b(?:that|which|who|whom|because|while|although|but"
                          r"|when|whereas|unless|if|how|why|whether|what)\b")
_CLAUSE_RIGHT = re.compile(r"[;:,.—–]|\b(?:that|which|who|whom|because|while|although|but"
                           r"|when|and|whereas|unless|if|how|why|whether|what)\b")
_CLAUSE_WORD = re.compile(r"that|which|who|whom|because|while|although|but|when|and|whereas"
                          r"|unless|if|how|why|whether|what")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_WINDOW = 240
# A reporting clause set off by commas ("By December, the district says, every classroom will
# have"): it tells when the thing was said, not the tense of the date's own clause.
_ASIDE = re.compile(r",\s+(?:[A-Za-z.’'-]+\s+){1,4}?(?:says|said|say|reports|reported|adds"
                    r"|added|insists|insisted|notes|noted),")
"""Characters looked at either side of an expression when judging its tense."""


def _marker(word: str) -> Tense:
    if word[:1].isupper() and not word.endswith(("'ll", "’ll")):
        return ""  # "May 10", "Will Smith", "Said": a name or a month, not a verb
    low = word.lower().replace("’", "'")
    if low.endswith("'ll") or low in _FUTURE_WORDS:
        return "future"
    if low in _REPORT_WORDS:
        return "report"
    if low in _PAST_WORDS:
        return "past"
    if low in _PRESENT_WORDS:
        return "present"
    if low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS_ED and word[:1].islower():
        return "past"
    return ""


def _infinitive(word: str) -> bool:
    """Return True for a word after "to" that reads as a verb (`return`), not a noun phrase."""
    return (word.isalpha() and word.islower() and word not in _NOT_INFINITIVES
            and not word.endswith(("s", "ed", "ing", "ly")))


def _wanted_done(words: list[str], i: int) -> bool:
    """Return True for a participle that is the object's state a present "want", "need" or
    "expect" asks for ("want the bill passed", "expects the deal signed"), auxiliaries and
    clause words not between."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if words[j] in _WANTING:
            return j < i - 1
        if not words[j] or words[j] in _AUXILIARIES or _CLAUSE_WORD.fullmatch(words[j]):
            return False
    return False


def _aspect(words: list[str], markers: list[Tense]) -> list[Tense]:
    """Return the markers with each participle after a form of "be" or "have" given the tense
    of its auxiliary: "will be released" is future, "has been postponed" present, "had been
    closed" past."""
    out = list(markers)
    for i, marker in enumerate(markers):
        if i > 1 and words[i - 1] == "to" and _infinitive(words[i]) \
                and any(w in _DIRECTIVES for w in words[max(0, i - 6):i - 1]):
            out[i] = "future"  # "urged both sides to return on Tuesday": not yet done
            continue
        if not marker or i == 0:
            continue
        if marker == "past" and _wanted_done(words, i):
            out[i] = "future"  # "want the bill passed by Friday": not yet done
            continue
        before = words[i - 1]
        if words[i] not in _AUXILIARIES and (
                before in _DETERMINERS or (before.endswith("'s") and len(before) > 2)):
            out[i] = ""  # "towards the close", "its plans", "Trump's visit": a noun
            continue
        if marker != "past":
            j = i - 1
            while j >= 0 and words[j] in _SKIPPED_ADVERBS:
                j -= 1
            if j >= 0 and (words[j] in _MODALS or words[j].endswith("'ll")):
                out[i] = "future"  # "will return", "would meet"
            continue
        j = i - 1
        while j >= 0 and words[j] in _SKIPPED_ADVERBS:
            j -= 1
        if j < 0:
            continue
        aux = words[j]
        if aux in ("be", "been", "being"):
            k = j - 1
            while k >= 0 and words[k] in _SKIPPED_ADVERBS:
                k -= 1
            before = words[k] if k >= 0 else ""
            if before in _MODALS or before.endswith("'ll") or aux == "be":
                out[i] = "future" if before != "to" else ""
            elif before in _AUX_BEFORE_PARTICIPLE:
                out[i] = _AUX_BEFORE_PARTICIPLE[before]
        elif aux in _AUX_BEFORE_PARTICIPLE:
            out[i] = _AUX_BEFORE_PARTICIPLE[aux]
        elif aux in _MODALS:
            out[i] = "future"
    return out


def _nearest(tokens: list[tuple[int, Tense]], at: int) -> Tense:
    """Return the tense of the marker nearest (in words) to the token index `at`, the left one
    on a tie: auxiliaries come before the verb."""
    left = [(at - i, t) for i, (_, t) in enumerate(tokens[:at]) if t]
    right = [(i - at, t) for i, (_, t) in enumerate(tokens[at:], start=at) if t]
    best_left = min(left, default=None)
    best_right = min(right, default=None)
    if best_left is None:
        return best_right[1] if best_right else ""
    if best_right is None or best_left[0] <= best_right[0]:
        return best_left[1]
    return best_right[1]


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


def clause_tense(text: str, lo: int, hi: int, start: int, end: int) -> Tense:
    """Return the tense that governs the expression at `text[start:end]` inside the sentence
    `text[lo:hi]`: the nearest tense marker in its own clause, else in the sentence.

    "The FAA on Friday announced it will close 149 towers" is past (announced is nearer than
    will); "said Monday they will" is past; "which is expected in December" is future.
    """
    lo, hi = max(lo, start - _WINDOW), min(hi, end + _WINDOW)
    left = max((m.end() for m in _CLAUSE_LEFT.finditer(text, lo, start)), default=lo)
    right_match = _CLAUSE_RIGHT.search(text, end, hi)
    right = right_match.start() if right_match else hi
    asides: list[tuple[int, int]] = []
    for sentence_wide, (a, b) in enumerate(((left, right), (lo, hi))):
        if sentence_wide:
            # Only the sentence-wide pass reaches across an aside's commas; the asides looked
            # for are those next to the date's own clause, on either side.
            after_clause = _ASIDE.match(text, right, hi)
            before_clause = _ASIDE.search(text, max(lo, left - 60), left)
            asides = [(m.start(), m.end()) for m in (after_clause, before_clause)
                      if m is not None and (m is after_clause or m.end() >= left - 2)]
        before = [t.group() for t in _TOKEN.finditer(text, a, start)
                  if not asides or not _inside(t.start(), asides)]
        after = [t.group() for t in _TOKEN.finditer(text, end, b)
                 if not asides or not _inside(t.start(), asides)]
        words = [w.lower().replace("’", "'") for w in (*before, "", *after)]
        markers = _aspect(words, [_marker(w) if w else "" for w in (*before, "", *after)])
        tense = _nearest(list(enumerate(markers)), len(before))
        if tense:
            return tense
    return ""


__all__ = ["Tense", "clause_tense"]
