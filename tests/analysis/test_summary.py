"""Summary: extractive, short, in source order, empty without key points."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import exporter
from exporter.analysis.actors import find_actors
from exporter.analysis.keypoints import find_key_points
from exporter.analysis.summary import SUMMARY_WORDS, summarise
from exporter.model import KeyPoint

from . import make_article
from ._gold import ARTICLES
from .test_keypoints import BODY

JOINING = {"and", "but", "while", "also", "the", "a", "of", "in", "to", "so", "then", "as"}
"""Words a summary may add to join points although the article lacks them."""


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


@pytest.mark.parametrize("source", sorted(p for p in ARTICLES.iterdir()
                                          if p.suffix in {".txt", ".md", ".html", ".docx"}),
                         ids=lambda p: p.name)
def test_every_summary_word_occurs_in_its_article(source: Path) -> None:
    article = exporter.load(source)
    summary = summarise(article, find_key_points(article, find_actors(article)))
    assert summary
    body = _words(" ".join(p.text for p in article.paragraphs))
    assert _words(summary) - JOINING <= body
