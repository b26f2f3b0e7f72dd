"""Summary: the article's lead in its own words, at most 90 words, in source order, skipping
quotations, sentences that lean on the one before, and fragments."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import exporter
from exporter.analysis.summary import SUMMARY_WORDS, summarise

from . import load_yaml_cases, make_article
from ._gold import ARTICLES
from .test_keypoints import BODY


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


def test_summary_uses_only_the_article_words() -> None:
    summary = summarise(make_article(*BODY))
    assert summary
    assert _words(summary) <= _words(" ".join(BODY))
    assert len(summary.split()) <= SUMMARY_WORDS


def test_summary_is_the_lead_in_source_order() -> None:
    article = make_article("The council met in Leeds on Monday to vote on the budget plan.",
                           "The vote was delayed by a dispute over the cost of new housing.",
                           "Members of the council will meet again in March to try again.")
    assert summarise(article) == (
        "The council met in Leeds on Monday to vote on the budget plan. "
        "The vote was delayed by a dispute over the cost of new housing. "
        "Members of the council will meet again in March to try again.")


def test_summary_skips_quotations_fragments_and_leaning_sentences() -> None:
    article = make_article(
        "Breaking news.",
        "“We will not give up,” the mayor told a crowd outside the town hall on Friday.",
        "The city of Leeds will close three of its libraries next year to save money.",
        "But the plan must first pass a vote of the full council in March.",
        "Campaigners have collected twelve thousand signatures against the closures.")
    assert summarise(article) == (
        "The city of Leeds will close three of its libraries next year to save money. "
        "Campaigners have collected twelve thousand signatures against the closures.")


def test_summary_stops_at_the_word_budget_without_cutting_a_sentence() -> None:
    sentence = "The committee published its annual report on regional water supplies today."
    article = make_article(*[sentence.replace("annual", f"number {n}") for n in range(20)])
    summary = summarise(article)
    assert len(summary.split()) <= SUMMARY_WORDS
    assert summary.endswith("today.")
    assert len(summary.split()) > SUMMARY_WORDS - 2 * len(sentence.split())


def test_a_first_sentence_over_the_budget_is_passed_over() -> None:
    long = "The ministry said " + " ".join(["that the plan"] * 40) + " would work."
    article = make_article(long, "The agency will publish new figures on the harvest in May.")
    assert summarise(article) == "The agency will publish new figures on the harvest in May."


@pytest.mark.parametrize("source", sorted(p for p in ARTICLES.iterdir()
                                          if p.suffix in {".txt", ".md", ".html", ".docx"}),
                         ids=lambda p: p.name)
def test_every_summary_word_occurs_in_its_article(source: Path) -> None:
    article = exporter.load(source)
    summary = summarise(article)
    assert summary
    assert len(summary.split()) <= SUMMARY_WORDS
    assert _words(summary) <= _words(" ".join(p.text for p in article.paragraphs))


SUMMARY_CASES = load_yaml_cases(Path(__file__).parent / "cases" / "summary")


@pytest.mark.parametrize("case", SUMMARY_CASES, ids=lambda c: str(c["id"]))
def test_summary_case(case: dict[str, Any]) -> None:
    article = make_article(*[p for p in case["body"].split("\n\n") if p.strip()])
    assert summarise(article) == " ".join(case["expected"].split())
