"""Summary: an article's sentences in, its lead out, as a short paragraph of prose.

The summary is the article's opening, in the article's own words and order, cut at
`SUMMARY_WORDS` words: news and briefing texts put the who, what, when and where first (the
inverted pyramid), and a reader's summary of a report is mostly its lead. Scored against the
points people wrote for our gold articles (`bench/quality.py`, summary table), this filtered
lead scores well above sentences picked for facets beyond the lead, and above the lead taken
blindly. Three kinds of opening sentence are skipped because they read wrongly as a summary:
quotations (the summary is the briefing's own voice), sentences that lean on the one before
(`This is how…`, `But…`), and fragments under six words (a dateline, a kicker). The key
points are chosen apart, for importance, so a lead sentence may be both a key point and part
of the summary.
"""

from __future__ import annotations

from ..model import Article
from .sentences import article_sentences

SUMMARY_WORDS = 90
"""At most this many words."""
OPENING = 12
"""Sentences of the body the summary is drawn from."""
MIN_WORDS = 6
"""A shorter sentence is a dateline, a kicker or a fragment, not a statement."""

_QUOTE_MARKS = ("“", "”", '"')
_LEANS_BACK = frozenset({"this", "that", "these", "those", "it", "its", "he", "she", "they",
                         "their", "his", "her", "but", "however", "such", "also", "and", "so",
                         "yet", "still", "then", "there"})
"""First words of a sentence that needs the one before it."""


def _stands_alone(text: str) -> bool:
    """Return True when `text` can open a summary: a whole statement in the article's voice."""
    words = text.split()
    return (len(words) >= MIN_WORDS
            and not any(mark in text for mark in _QUOTE_MARKS)
            and words[0].strip(",").casefold() not in _LEANS_BACK)


def summarise(article: Article) -> str:
    """Return the article's lead: its first sentences that stand alone, in order, within
    `SUMMARY_WORDS` words (a first sentence longer than that is passed over)."""
    chosen: list[str] = []
    used = 0
    for sentence in article_sentences(article)[:OPENING]:
        text = " ".join(sentence.text.split())
        if not _stands_alone(text):
            continue
        size = len(text.split())
        if used + size > SUMMARY_WORDS:
            if chosen:
                break
            continue
        chosen.append(text)
        used += size
    return " ".join(chosen)


__all__ = ["SUMMARY_WORDS", "summarise"]
