"""Questions: explicit questions, run-together ones split and capitalised."""


from __future__ import annotations

import json

import pytest

from exporter.analysis.questions import find_questions
from exporter.model import Question

from . import SAMPLE_NAME, SHARED, make_article, sample_article


def test_sample_questions_match_gold() -> None:
    article = sample_article()
    if article is None:
        pytest.skip("../shared is not present")
    gold = json.loads((SHARED / "gold" / f"{SAMPLE_NAME}.json").read_text(encoding="utf-8"))
    found = [(q.paragraph, q.text) for q in find_questions(article)]
    assert found == [(g["paragraph"], g["text"]) for g in gold["questions"]]


def test_questions_run_together_after_colon_are_split_and_capitalised() -> None:
    article = make_article("The visit raised questions like: who pays for the dam? "
                           "how long will it take? Will farmers be compensated?")
    assert [q.text for q in find_questions(article)] == [
        "Who pays for the dam?", "How long will it take?", "Will farmers be compensated?"]


def test_questions_in_quotations_count() -> None:
    article = make_article(
        "The minister was blunt. \"Why should taxpayers foot the bill?\" she asked.",
        "“Is anyone listening to the farmers?” a union leader said at the rally.",
    )
    assert find_questions(article) == (
        Question(text="Why should taxpayers foot the bill?", paragraph=1),
        Question(text="Is anyone listening to the farmers?", paragraph=2),
    )


def test_question_after_dash() -> None:
    article = make_article("The harvest was poor — what if the rains fail again next year?")
    assert [q.text for q in find_questions(article)] == ["What if the rains fail again next year?"]


@pytest.mark.parametrize("text", [
    "The ministry asked whether the deal was legal.",
    "Really? Nobody knows.",
    "Prices rose 4 percent (?) in March.",
    "",
])
def test_no_question(text: str) -> None:
    assert find_questions(make_article(text)) == ()
