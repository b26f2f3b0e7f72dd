"""Questions: an article in, the explicit questions it or its speakers pose out.

A question is the stretch of a sentence that ends with `?`, starting at the sentence's start, an
opening quotation mark, a colon (`…raised questions like: why …?`) or the previous question mark.
Questions run together after such a colon are split, and each is capitalised. Indirect questions
(`asked whether …`) are not explicit and are left out.
"""

from __future__ import annotations

from ..model import Article, Question
from .sentences import article_sentences

MIN_WORDS = 3
"""Shorter stretches ending in `?` (`(?)`, `Really?`) are not worth listing."""

_OPENERS = "\u201c\u2018\"("
_CLOSERS = "\u201d\u2019\"')"


def _question_starts(sentence: str, qmark: int, floor: int) -> int:
    """Return where the question ending at `qmark` starts in `sentence`."""
    start = floor
    for i in range(qmark - 1, floor - 1, -1):
        ch = sentence[i]
        if ch in _OPENERS or ch in "?!":
            start = i + 1
            break
        if ch == ":" and (i + 1 == len(sentence) or sentence[i + 1] == " "):
            start = i + 1
            break
        if ch == "\u2014" or (ch == "-" and sentence[i - 1:i] == " " and sentence[i + 1:i + 2]
                              == " "):
            # A question after a dash (`— why now?`) stands on its own only if it opens with a
            # question word; otherwise the dash is part of the sentence.
            tail = sentence[i + 1:qmark].lstrip().lower()
            if tail.split(" ", 1)[0] in _QUESTION_WORDS:
                start = i + 1
                break
    return start


_QUESTION_WORDS = frozenset([
    "what", "why", "how", "when", "where", "who", "whom", "whose", "which", "is", "are", "was",
    "were", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might",
    "must", "has", "have", "had", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
    "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't"
])


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def find_questions(article: Article) -> tuple[Question, ...]:
    """Return the explicit questions of the article, in reading order."""
    found: list[Question] = []
    for sentence in article_sentences(article):
        text = sentence.text
        floor = 0
        i = text.find("?")
        while i >= 0:  # each question mark, found by `find` rather than a look at every character
            at, i = i, text.find("?", i + 1)
            start = _question_starts(text, at, floor)
            floor = at + 1
            question = text[start:at + 1].strip().lstrip(_OPENERS + _CLOSERS + " ")
            question = question.strip()
            if len(question.split()) < MIN_WORDS:
                continue
            found.append(Question(text=_capitalise(question), paragraph=sentence.paragraph))
    return tuple(found)


__all__ = ["find_questions"]
