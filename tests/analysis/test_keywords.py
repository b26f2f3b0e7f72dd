"""Keywords: 5 to 10 phrases, near-duplicates merged, deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

import exporter
from exporter.analysis.actors import find_actors
from exporter.analysis.keywords import find_keywords
from exporter.analysis.terms import stem
from exporter.model import Actor, ActorKind

from . import make_article, sample_article
from ._gold import ARTICLES
from .test_keypoints import BODY

RUSSIA_TEXT = (
    "Russia and Pakistan have held joint military exercises. The Russian Federation sold "
    "helicopters to Pakistan, and Russian officials praised the Pakistani army.",
    "Moscow says its ties with Pakistan are not at India's expense. Russia and India remain "
    "partners, and Russian arms still flow to India.",
    "Pakistani officials visited Moscow in March. Pakistan hopes for Russian investment in "
    "energy and Russian support at the Shanghai Cooperation Organization.",
)
RUSSIA = Actor(name="Russia", kind=ActorKind.COUNTRY,
               aliases=("Russian Federation", "Moscow"))


def test_between_five_and_ten_keywords() -> None:
    keywords = find_keywords(make_article(*BODY), ())
    assert 5 <= len(keywords) <= 10


def test_near_duplicates_merge() -> None:
    keywords = find_keywords(make_article(*RUSSIA_TEXT), (RUSSIA,))
    assert "Russia" in keywords
    lowered = [k.lower() for k in keywords]
    for variant in ("russian", "russian federation", "moscow", "pakistani"):
        assert variant not in lowered
    assert keywords[:2] in (("Russia", "Pakistan"), ("Pakistan", "Russia"))


def test_deterministic() -> None:
    article = make_article(*RUSSIA_TEXT)
    assert find_keywords(article, (RUSSIA,)) == find_keywords(article, (RUSSIA,))


def test_sample_keywords_name_the_topic() -> None:
    article = sample_article()
    if article is None:
        pytest.skip("../shared is not present")
    keywords = find_keywords(article, ())
    assert {"Russia", "Pakistan"} <= set(keywords)


@pytest.mark.parametrize("source", sorted(p for p in ARTICLES.iterdir()
                                          if p.suffix in {".txt", ".md", ".html", ".docx"}),
                         ids=lambda p: p.name)
def test_test_articles_give_five_to_ten_distinct_keywords(source: Path) -> None:
    article = exporter.load(source)
    keywords = find_keywords(article, find_actors(article))
    assert 5 <= len(keywords) <= 10
    heads = [stem(k.lower().split()[-1]) for k in keywords]
    assert len(set(heads)) == len(heads), keywords  # no `dam` beside `dams`
