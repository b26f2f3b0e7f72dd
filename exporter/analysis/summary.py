"""Summary: an article's sentences in, a short paragraph of prose out that adds to its key points.

The summary answers what happened, who, when and where, in at most `SUMMARY_WORDS` words of
the article's own sentences, none of which is a key point: the reader of a briefing sees the key
points right above it, so repeating them would tell nothing new. Sentences are taken from the
article's opening (where news reports put the who, when and where) and preferred when they add
a facet the summary still lacks: a person or organisation (who), a date (when), a country or
place (where). Quotations are left out (the summary is the briefing's own voice), and so are
sentences that lean on the one before (`This is how…`, `But…`), which read wrongly alone. When every
opening sentence is already a key point, the summary is empty rather than a repetition.
"""

from __future__ import annotations

import re

from ..dates import find_mentions
from ..model import Actor, ActorKind, Article, KeyPoint
from .sentences import Sentence, article_sentences

SUMMARY_WORDS = 90
"""At most this many words."""
OPENING = 12
"""Sentences of the body the summary is drawn from."""
SAME_AS_POINT = 0.5
"""Share of a sentence's words (Jaccard) at which it says what a key point says."""

_WORD = re.compile(r"[^\W_]+")
_QUOTE_MARKS = ("“", "”", '"')
_LEANS_BACK = frozenset({"this", "that", "these", "those", "it", "its", "he", "she", "they",
                         "their", "his", "her", "but", "however", "such", "also", "and", "so",
                         "yet", "still", "then", "there"})
"""First words of a sentence that needs the one before it."""
WHO = (ActorKind.PERSON, ActorKind.ORGANISATION, ActorKind.GROUP)
WHERE = (ActorKind.COUNTRY, ActorKind.PLACE)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def repeats_point(text: str, points: tuple[KeyPoint, ...]) -> bool:
    """Return True when `text` says what one of `points` says (contains it, is contained in
    it, or shares `SAME_AS_POINT` of its words)."""
    words = _words(text)
    flat = " ".join(text.split()).casefold()
    for point in points:
        other = " ".join(point.text.split()).casefold().rstrip(".")
        if other in flat or flat.rstrip(".") in other:
            return True
        theirs = _words(point.text)
        if words and theirs and len(words & theirs) / len(words | theirs) >= SAME_AS_POINT:
            return True
    return False


def _facets(sentence: Sentence, actors: tuple[Actor, ...]) -> set[str]:
    """Return which of who, when and where `sentence` gives."""
    found: set[str] = set()
    for actor in actors:
        if sentence.paragraph not in actor.paragraphs:
            continue
        names = (actor.name, *actor.aliases)
        if any(name and name in sentence.text for name in names):
            found.add("who" if actor.kind in WHO else "where" if actor.kind in WHERE else "")
    if find_mentions(sentence.text):
        found.add("when")
    found.discard("")
    return found


def summarise(article: Article, key_points: tuple[KeyPoint, ...],
              actors: tuple[Actor, ...] = ()) -> str:
    """Return a paragraph of at most `SUMMARY_WORDS` words, made of the article's opening
    sentences that no key point repeats, preferring those that add who, when or where."""
    candidates = [s for s in article_sentences(article)[:OPENING]
                  if not any(mark in s.text for mark in _QUOTE_MARKS)
                  and len(s.text.split()) >= 6
                  and s.text.split()[0].strip(",").casefold() not in _LEANS_BACK
                  and not repeats_point(s.text, key_points)]
    facets = {i: _facets(s, actors) for i, s in enumerate(candidates)}
    chosen: list[int] = []
    covered: set[str] = set()
    used = 0
    while True:
        best: tuple[int, int] | None = None
        for i, sentence in enumerate(candidates):
            size = len(sentence.text.split())
            if i in chosen or used + size > SUMMARY_WORDS:
                continue
            if repeats_point(sentence.text, _as_points(candidates, chosen)):
                continue
            gain = len(facets[i] - covered)
            # A new facet first; among equals, the earlier sentence (the report's own order).
            if best is None or gain > best[1]:
                best = (i, gain)
        if best is None or (chosen and best[1] == 0 and used >= SUMMARY_WORDS // 2):
            break
        chosen.append(best[0])
        covered |= facets[best[0]]
        used += len(candidates[best[0]].text.split())
    return " ".join(" ".join(candidates[i].text.split()) for i in sorted(chosen))


def _as_points(candidates: list[Sentence], chosen: list[int]) -> tuple[KeyPoint, ...]:
    """Return the chosen sentences as points, so a near-repeat of one is not taken twice."""
    return tuple(KeyPoint(text=candidates[i].text, paragraph=candidates[i].paragraph)
                 for i in chosen)


__all__ = ["SUMMARY_WORDS", "repeats_point", "summarise"]
