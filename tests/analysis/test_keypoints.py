"""Key points: count, provenance, trimming, no redundancy, determinism, and the ROUGE bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import exporter
from exporter.analysis.keypoints import MAX_POINTS, MIN_POINTS, find_key_points, lexrank, trim
from exporter.analysis.terms import tfidf

from . import make_article
from ._gold import ARTICLES

BODY = (
    "The government announced on Monday a plan to build 40 new dams across the northern "
    "provinces, the largest water programme in the country's history.",
    "Officials said the dams would store water for irrigation and generate electricity for "
    "two million households. Farmers in the region welcomed the plan.",
    "Critics warned that the dams could displace 12,000 families and damage river ecosystems "
    "downstream. They said no environmental study had been published.",
    "The programme will cost $4 billion, most of it borrowed from the World Bank, and the first "
    "dams should be finished by 2026.",
    "The government must now convince parliament and the provinces that the benefits outweigh "
    "the costs, or the plan will stall.",
)


def test_points_come_from_the_text_with_their_paragraphs() -> None:
    article = make_article(*BODY)
    points = find_key_points(article, ())
    assert MIN_POINTS <= len(points) <= MAX_POINTS
    for point in points:
        source = article.paragraphs[point.paragraph - 1].text
        if not point.trimmed:
            assert point.text in source
        else:
            assert point.text.rstrip(".")[:30] in source or point.text[1:30] in source
    assert [p.paragraph for p in points] == sorted(p.paragraph for p in points)


def test_deterministic() -> None:
    article = make_article(*BODY)
    assert find_key_points(article, ()) == find_key_points(article, ())


def test_no_two_points_repeat_a_sentence() -> None:
    body = (*BODY, BODY[0])  # a repeated paragraph must not give a repeated point
    points = find_key_points(make_article(*body), ())
    assert len({p.text for p in points}) == len(points)


def test_empty_article_gives_no_points() -> None:
    assert find_key_points(make_article("Too short."), ()) == ()


def test_trim_cuts_trailing_clause_and_connective() -> None:
    long = ("However, the ministry said on Tuesday that the new canal would carry water from the "
            "river to the city and its farms for at least the next forty years of operation, "
            "which critics say ignores the needs of the towns downstream that depend on it.")
    text, trimmed = trim(long)
    assert trimmed
    assert text.startswith("The ministry said")
    assert text.endswith("operation.")


def test_trim_leaves_short_sentences_and_lists_alone() -> None:
    assert trim("The plan was approved in March.") == ("The plan was approved in March.", False)
    listy = ("Still large; a member of the council; a military power and a country rich in "
             "resources, the federation is a major player in global affairs and in the region "
             "and beyond, as everybody in the capital and the provinces knows very well indeed.")
    assert not trim(listy)[0].startswith("Still large.")


def test_lexrank_is_a_distribution() -> None:
    ranks = lexrank(tfidf([["dam", "water"], ["water", "canal"], ["election"]]))
    assert ranks.sum() == pytest.approx(1.0)
    assert ranks[1] > ranks[2]


@pytest.mark.parametrize("name", sorted(p.stem for p in ARTICLES.glob("*.json")))
def test_each_test_article_gives_three_to_six_points(name: str) -> None:
    gold = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    source: Path = next(p for p in ARTICLES.glob(f"{name}.*") if p.suffix != ".json")
    article = exporter.load(source)
    points = find_key_points(article, ())
    assert MIN_POINTS <= len(points) <= MAX_POINTS
    assert all(1 <= p.paragraph <= len(article.paragraphs) for p in points)
    assert gold["key_points"]


def test_trim_cuts_a_leading_subordinate_clause() -> None:
    long = ("Since 1950, when the prime minister chose to visit Washington instead of accepting "
            "the invitation to Moscow, relations between the two countries remained cold and "
            "distant for most of the following four decades of the Cold War.")
    text, trimmed = trim(long)
    assert trimmed
    assert text.startswith("Relations between the two countries remained cold")


def test_dateline_is_not_part_of_a_point() -> None:
    article = make_article(
        "LUSAKA, Zambia (Wire) — Thousands of miners at the country's largest copper mine went "
        "on strike on Monday to demand a 25 percent pay rise from the mine's owners.",
        *BODY[1:])
    points = find_key_points(article, ())
    assert not any("LUSAKA" in p.text for p in points)


def test_quoted_argument_is_a_candidate_with_its_speaker() -> None:
    quote = ("He wrote, “A renaissance in relations between the two countries started in 2014 "
             "when the embargo on arms sales was lifted by the government. In 2015 the two "
             "countries agreed to hold joint military drills in the mountains for the first "
             "time. The rapprochement has surprised many observers in the region.”")
    article = make_article(
        "According to Anna Petrova, a Moscow-based analyst, relations between the two "
        "countries have changed beyond recognition since the end of the arms embargo.",
        quote, *BODY)
    cut, trimmed = trim(quote)
    assert not trimmed and cut.startswith("He wrote")
    points = find_key_points(article, ())
    quoted = [p for p in points if p.paragraph == 2]
    for point in quoted:
        assert not point.text.startswith("He wrote")
        assert point.trimmed


def test_more_points_for_longer_articles() -> None:
    short = find_key_points(make_article(*BODY), ())
    long = find_key_points(make_article(*BODY, *(b.replace("dams", "canals") for b in BODY),
                                        *(b.replace("dams", "wells") for b in BODY)), ())
    assert len(short) <= len(long)
