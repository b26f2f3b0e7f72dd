"""Analysis: an `Article` in, a `Briefing` out (key points, summary, quotations, questions,
timeline, actors, figures, keywords), every item carrying the paragraph it came from.

Deterministic and offline: the same article always gives the same briefing.
"""

from __future__ import annotations

from ..model import Article, Briefing


def analyse(article: Article) -> Briefing:
    """Return the briefing for `article`."""
    return Briefing(article=article)
