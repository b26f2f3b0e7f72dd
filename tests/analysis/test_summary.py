"""Summary: extractive, at most 90 words, in source order, never repeating a key point."""

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


def test_summary_is_short_and_repeats_no_key_point() -> None:
    article = make_article(*BODY)
    points = find_key_points(article, ())
    summary = summarise(article, points)
    assert len(summary.split()) <= SUMMARY_WORDS
    for point in points:
        assert point.text.rstrip(".") not in summary


def test_summary_follows_source_order_and_skips_points() -> None:
    article = make_article("The council met in Leeds on Monday to vote on the budget plan.",
                           "The vote was delayed by a dispute over the cost of new housing.",
                           "Members of the council will meet again in March to try again.")
    points = (KeyPoint(text="The vote was delayed by a dispute over the cost of new housing.",
                       paragraph=2, score=1.0),)
    assert summarise(article, points) == (
        "The council met in Leeds on Monday to vote on the budget plan. "
        "Members of the council will meet again in March to try again.")


def test_summary_is_empty_when_every_sentence_is_a_point() -> None:
    text = "The council met in Leeds on Monday to vote on the budget plan."
    article = make_article(text)
    assert summarise(article, (KeyPoint(text=text, paragraph=1),)) == ""


@pytest.mark.parametrize("source", sorted(p for p in ARTICLES.iterdir()
                                          if p.suffix in {".txt", ".md", ".html", ".docx"}),
                         ids=lambda p: p.name)
def test_every_summary_word_occurs_in_its_article(source: Path) -> None:
    article = exporter.load(source)
    actors = find_actors(article)
    points = find_key_points(article, actors)
    summary = summarise(article, points, actors)
    assert summary
    assert len(summary.split()) <= SUMMARY_WORDS
    assert not any(point.text.rstrip(".") in summary for point in points)
    body = _words(" ".join(p.text for p in article.paragraphs))
    assert _words(summary) - JOINING <= body
