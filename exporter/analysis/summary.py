"""Summary: key points in, one short extractive paragraph out.

The paragraph is made only of the key points' own words (which are the article's), joined in
source order; the highest-scoring points are kept until a word budget is spent, so the summary
stays a paragraph rather than a list read aloud.
"""

from __future__ import annotations

from ..model import Article, KeyPoint

SUMMARY_WORDS = 90
"""Aim for a paragraph of about this many words; the best point is always kept whole."""


def summarise(article: Article, key_points: tuple[KeyPoint, ...]) -> str:
    """Return a short paragraph built from the key points, with no words the article lacks."""
    if not key_points:
        return ""
    order = sorted(range(len(key_points)), key=lambda i: (-key_points[i].score, i))
    kept: set[int] = set()
    used = 0
    for i in order:
        size = len(key_points[i].text.split())
        if kept and used + size > SUMMARY_WORDS:
            continue
        kept.add(i)
        used += size
    # Key points arrive in source order; keeping that order keeps the argument's thread.
    parts = [_sentence(key_points[i].text) for i in sorted(kept)]
    return " ".join(p for p in parts if p)


def _sentence(text: str) -> str:
    """Return `text` as a sentence: trimmed, capitalised, closed with punctuation."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"', "’")) else text + "."


__all__ = ["SUMMARY_WORDS", "summarise"]
