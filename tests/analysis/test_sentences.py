"""Sentence splitting: pysbd plus the quotation and run-on-question repairs."""


from __future__ import annotations

import pytest

from exporter.analysis.sentences import (
    PYSBD_MAX_CHARS,
    Sentence,
    article_sentences,
    regex_spans,
    split_sentences,
)

from . import make_article, sample_article


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("  Leading space. And trailing.  ", ["Leading space.", "And trailing."]),
        ("Z.A. Bhutto’s government tried. It failed.",
         ["Z.A. Bhutto’s government tried.", "It failed."]),
        ("Support to the U.S sponsored Jihad grew. Then it stopped.",
         ["Support to the U.S sponsored Jihad grew.", "Then it stopped."]),
        ("Moscow agreed to sell four Mi 35 helicopters. Talks went on.",
         ["Moscow agreed to sell four Mi 35 helicopters.", "Talks went on."]),
        ("Dr. Ahmed Khan spoke. Mr. Lee did not.", ["Dr. Ahmed Khan spoke.", "Mr. Lee did not."]),
        ("questions like: why is it so? What are the risks? Who pays?",
         ["questions like: why is it so?", "What are the risks?", "Who pays?"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_long_quotation_is_split_inside() -> None:
    text = ("He wrote, “Trade between the two countries grew by a third last year. Exports of "
            "grain led the rise, followed by machinery and fertiliser. Officials expect the "
            "trend to continue through the next decade.” The ministry did not comment.")
    assert texts(text) == [
        "He wrote, “Trade between the two countries grew by a third last year.",
        "Exports of grain led the rise, followed by machinery and fertiliser.",
        "Officials expect the trend to continue through the next decade.”",
        "The ministry did not comment.",
    ]


def test_short_quotation_stays_whole() -> None:
    text = "“Russia is down but not out.” This is what analysts said."
    assert texts(text) == ["“Russia is down but not out.”", "This is what analysts said."]


def test_spans_cover_every_word() -> None:
    text = "First one. Second, with U.S. troops. Third! Fourth? “Fifth.” Sixth"
    joined = " ".join(text[a:b] for a, b in split_sentences(text))
    assert joined.split() == text.split()


def test_very_long_paragraph_uses_linear_splitter() -> None:
    text = "The delegation met officials in Karachi. " * (PYSBD_MAX_CHARS // 40 + 50)
    spans = split_sentences(text)
    assert spans == regex_spans(text)
    assert len(spans) == text.count(".")


def test_article_sentences_carry_paragraph_and_offsets() -> None:
    article = make_article("Alpha one. Alpha two.", "Beta one.")
    sentences = article_sentences(article)
    assert sentences == (
        Sentence(text="Alpha one.", paragraph=1, start=0, end=10),
        Sentence(text="Alpha two.", paragraph=1, start=11, end=21),
        Sentence(text="Beta one.", paragraph=2, start=0, end=9),
    )
    for s in sentences:
        assert article.paragraphs[s.paragraph - 1].text[s.start:s.end] == s.text


def test_sample_sentences() -> None:
    article = sample_article()
    if article is None:
        pytest.skip("../shared is not present")
    sentences = article_sentences(article)
    by_para = [s for s in sentences if s.paragraph == 4]
    assert by_para[1].text.startswith("He wrote, “A Russian-Pakistani renaissance")
    assert by_para[2].text.startswith("In 2015, Moscow agreed to sell four Mi 35")
    assert any(s.text.startswith("Z.A. Bhutto’s government") for s in sentences)
    assert sum(1 for s in sentences if s.paragraph == 2 and s.text.endswith("?")) == 3
