"""Quotations: statements in quotation marks with their speakers; terms left out."""


from __future__ import annotations

import json

import pytest

from exporter.analysis.quotes import find_quotes
from exporter.model import Quote

from . import SAMPLE_NAME, SHARED, make_article, sample_article


def test_sample_quotes_match_gold() -> None:
    article = sample_article()
    if article is None:
        pytest.skip("../shared is not present")
    gold = json.loads((SHARED / "gold" / f"{SAMPLE_NAME}.json").read_text(encoding="utf-8"))
    found = find_quotes(article)
    assert [(q.paragraph, q.text, q.speaker) for q in found] == [
        (g["paragraph"], g["text"], g["speaker"]) for g in gold["quotations"]]
    assert [q.speaker_role for q in found] == [g.get("speaker_role") for g in gold["quotations"]]
    assert found[0].speaker_kind == "group"
    assert found[1].speaker_kind == found[2].speaker_kind == "person"


def one(*texts: str) -> Quote:
    quotes = find_quotes(make_article(*texts))
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_said_x_with_title_and_straight_quotes() -> None:
    q = one('"We will not back down," said Foreign Minister Ana Lopez on Tuesday.')
    assert (q.text, q.speaker, q.speaker_role, q.speaker_kind) == (
        "We will not back down", "Ana Lopez", "Foreign Minister", "person")


def test_x_said_with_surname_and_run_on_quotation() -> None:
    quotes = find_quotes(make_article(
        "Foreign Minister Ana Lopez arrived in Lima on Monday.",
        '"The deal is done," Lopez told reporters. "There is nothing left to negotiate."'))
    assert [(q.text, q.speaker, q.paragraph) for q in quotes] == [
        ("The deal is done", "Ana Lopez", 2),
        ("There is nothing left to negotiate.", "Ana Lopez", 2)]


def test_institutional_speakers() -> None:
    q = one("Last week, the Karachi Chamber of Commerce warned that “rising energy costs will "
            "force hundreds of factories to close before the winter.”")
    assert (q.speaker, q.speaker_kind) == ("Karachi Chamber of Commerce", "organisation")
    q = one("According to a report by the International Crisis Group, “the ceasefire remains "
            "fragile and could collapse at any moment.”")
    assert (q.speaker, q.speaker_kind) == ("International Crisis Group", "organisation")


def test_pronoun_resolves_to_last_person_and_role_from_earlier_paragraph() -> None:
    quotes = find_quotes(make_article(
        "Maria Okafor, a senior economist at the Central Bank of Nigeria, expects inflation to "
        "ease by spring.",
        "Food prices rose again in May.",
        "“Prices have peaked and will fall slowly,” she said."))
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in quotes] == [
        (3, "Maria Okafor", "senior economist at the Central Bank of Nigeria")]


def test_interrupted_quotation_is_merged() -> None:
    q = one("Minister Ana Lopez spoke first. “We are ready,” she said, “and we will sign soon.”")
    assert q.text == "We are ready, and we will sign soon."
    assert q.speaker == "Ana Lopez"


def test_single_curly_quotes_and_appositive_name() -> None:
    q = one("‘It was a mistake we won’t repeat,’ said the company’s chief executive, John Hale.")
    assert (q.text, q.speaker, q.speaker_kind) == (
        "It was a mistake we won’t repeat", "John Hale", "person")


def test_unnamed_speakers() -> None:
    q = one('"Nobody wants another war in the region," one diplomat said.')
    assert (q.speaker, q.speaker_kind) == ("one diplomat", "person")
    q = one("“The border will stay closed for weeks.” That was the view of officials in the "
            "capital on Friday.")
    assert (q.speaker, q.speaker_kind) == ("officials", "group")


def test_unattributed_quotation_has_no_speaker() -> None:
    q = one("“The road to peace is long and full of potholes.”")
    assert q.speaker is None and q.speaker_kind == "unknown"


@pytest.mark.parametrize("text", [
    "Relations may revert to their “allied” type with Russia.",
    "He used an interesting term “Russian-Pakistani Renaissance” which meant revival.",
    "The army used a tactic called “salami slicing” along the border.",
    'Critics used the word "betrayal" to describe the so-called "peace for our time" deal.',
    "The so-called “war on terror and its many costs” dominated the decade.",
    "The pipe was 12\" wide and 3\" deep.",
    "The countries’ leaders met; the farmers’ union did not.",
])
def test_terms_and_scare_quotes_are_not_quotations(text: str) -> None:
    assert find_quotes(make_article(text)) == ()


def test_this_is_how_and_anaphoric_organisation() -> None:
    q = one("“Water is the oil of the region.” This is how a former planner once described it.")
    assert (q.speaker, q.speaker_kind) == ("a former planner", "person")
    quotes = find_quotes(make_article(
        "The National Water Agency (ANA) has tried to reassure both sides.",
        "In a statement, the agency said that “the transfer will respect minimum flows at all "
        "times.”"))
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("National Water Agency", "organisation")]
