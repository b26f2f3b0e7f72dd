"""Summary: extractive, short, in source order, empty without key points."""

from __future__ import annotations

import re

from exporter.analysis.keypoints import find_key_points
from exporter.analysis.summary import SUMMARY_WORDS, summarise
from exporter.model import KeyPoint

from . import make_article
from .test_keypoints import BODY


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


def test_summary_uses_only_the_article_words() -> None:
    article = make_article(*BODY)
    summary = summarise(article, find_key_points(article, ()))
    assert summary
    assert _words(summary) <= _words(" ".join(BODY))


def test_summary_is_short_and_keeps_the_best_point() -> None:
    points = tuple(KeyPoint(text=f"Point {i} " + "word " * 30, paragraph=i, score=float(i))
                   for i in range(1, 6))
    summary = summarise(make_article("x"), points)
    assert "Point 5" in summary
    assert len(summary.split()) <= SUMMARY_WORDS + 35


def test_summary_follows_source_order() -> None:
    points = (KeyPoint(text="first point here", paragraph=1, score=0.1),
              KeyPoint(text="second point here", paragraph=2, score=0.9))
    assert summarise(make_article("x"), points) == "First point here. Second point here."


def test_no_points_no_summary() -> None:
    assert summarise(make_article("x"), ()) == ""
