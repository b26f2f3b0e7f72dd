"""Figures: money, percentages, measures and counts with what they measure."""

from __future__ import annotations

import time

import pytest

from exporter.analysis.figures import find_figures
from exporter.model import Article, Figure, Meta, Paragraph, Source

from . import _gold


def article(*texts: str) -> Article:
    return Article(
        title="",
        title_inferred=False,
        meta=Meta(date="2020-10"),
        authors=(),
        paragraphs=tuple(Paragraph(n=i, text=t) for i, t in enumerate(texts, start=1)),
        headings=(),
        source=Source(path="made-up.txt", format="text"),
    )


def figures(*texts: str) -> list[Figure]:
    return list(find_figures(article(*texts)))


def texts(*paragraphs: str) -> list[str]:
    return [f.text for f in figures(*paragraphs)]


@pytest.mark.parametrize(("name", "text_path", "gold_path"), _gold.cases())
def test_gold_articles(name: str, text_path: object, gold_path: object) -> None:
    gold = _gold.read_gold(gold_path)  # type: ignore[arg-type]
    found = find_figures(_gold.load(text_path, gold))  # type: ignore[arg-type]
    precision, recall = _gold.score_figures([(f.text, f.paragraph) for f in found],
                                            gold["figures"])
    assert precision >= 0.9, name
    assert recall >= 0.9, name


def test_sample_exactly() -> None:
    if not _gold.SAMPLE_GOLD.exists():
        pytest.skip("../shared is not present")
    found = find_figures(_gold.load(_gold.SAMPLE, _gold.read_gold(_gold.SAMPLE_GOLD)))
    assert [(f.text, f.paragraph, f.kind, f.value, f.unit) for f in found] == [
        ("four Mi 35 helicopters", 4, "count", 4.0, "helicopters"),
        ("30 percent of the Pakistani population", 4, "percent", 30.0, "%"),
        ("$9 billion", 7, "money", 9e9, "USD"),
    ]


def test_sample_speed() -> None:
    if not _gold.SAMPLE_GOLD.exists():
        pytest.skip("../shared is not present")
    sample = _gold.load(_gold.SAMPLE, _gold.read_gold(_gold.SAMPLE_GOLD))
    find_figures(sample)
    start = time.perf_counter()
    for _ in range(10):
        find_figures(sample)
    assert (time.perf_counter() - start) / 10 < 0.05


@pytest.mark.parametrize(("text", "expected", "value", "unit"), [
    ("They raised Rs 500 million.", "Rs 500 million", 5e8, "Rs"),
    ("They raised Rs. 2.5 billion.", "Rs. 2.5 billion", 2.5e9, "Rs"),
    ("Brussels gave €3.5bn.", "€3.5bn", 3.5e9, "EUR"),
    ("Washington gave US$ 2 million.", "US$ 2 million", 2e6, "USD"),
    ("It costs R$4.1 billion.", "R$4.1 billion", 4.1e9, "BRL"),
    ("It costs roughly 5 million dollars.", "roughly 5 million dollars", 5e6, "USD"),
    ("The bank offered a €300 million loan for it.", "€300 million loan", 3e8, "EUR"),
    ("Arms deals topped $9 billion.", "$9 billion", 9e9, "USD"),
])
def test_money(text: str, expected: str, value: float, unit: str) -> None:
    [found] = figures(text)
    assert (found.text, found.kind, found.value, found.unit) == (expected, "money", value, unit)


@pytest.mark.parametrize(("text", "expected"), [
    ("It could supply 30 percent of the Pakistani population and more.",
     "30 percent of the Pakistani population"),
    ("Prices rose by 40 percent since January.", "40 percent"),
    ("It takes 25% of its output.", "25% of its output"),
    ("Only 15 per cent were spent.", "15 per cent"),
    ("It can exchange less than 3 percent of its installed capacity.",
     "less than 3 percent of its installed capacity"),
])
def test_percentages(text: str, expected: str) -> None:
    [found] = figures(text)
    assert (found.text, found.kind) == (expected, "percent")


@pytest.mark.parametrize(("text", "expected", "kind", "unit"), [
    ("They approved a 285-kilometre canal to carry water.", "285-kilometre canal", "distance",
     "km"),
    ("The border runs for 1,200 km through the hills.", "1,200 km", "distance", "km"),
    ("A 5 MW plant opened.", "5 MW", "quantity", "MW"),
    ("They will release 60,000 tonnes of cereal from reserves.", "60,000 tonnes of cereal",
     "quantity", "t"),
    ("Operators lost 1.4 terawatt-hours of wind and solar output last year.",
     "1.4 terawatt-hours of wind and solar output", "quantity", "TWh"),
])
def test_measures(text: str, expected: str, kind: str, unit: str) -> None:
    [found] = figures(text)
    assert (found.text, found.kind, found.unit) == (expected, kind, unit)


@pytest.mark.parametrize(("text", "expected", "value"), [
    ("Moscow agreed to sell four Mi 35 helicopters to Pakistan.", "four Mi 35 helicopters", 4),
    ("Some 12,000 troops crossed.", "Some 12,000 troops", 12_000),
    ("Two dozen officers resigned.", "Two dozen officers", 24),
    ("Seven aid workers have been killed.", "Seven aid workers", 7),
    ("It supplies about 9 million people.", "about 9 million people", 9e6),
    ("The charity said 120 of its nutrition centres were short.",
     "120 of its nutrition centres", 120),
    ("More than 400,000 children under five are at risk.",
     "More than 400,000 children under five", 400_000),
    ("About 2000 troops stayed.", "About 2000 troops", 2000),
])
def test_counts(text: str, expected: str, value: float) -> None:
    [found] = figures(text)
    assert (found.text, found.kind, found.value) == (expected, "count", value)


@pytest.mark.parametrize("text", [
    "How can the two countries deal with it?",
    "Afghanistan is one country where Russia carries a historical baggage.",
    "Its one decade of military intervention ended.",
    "The 2013 elections were disputed, and in 1971 war broke out.",
    "On June 6, 14 May 2016 was recalled; see paragraph 4 and page 12.",
    "Two major changes took place; three reasons explain it.",
    "He spent 3 years in jail and was 45 years old.",
    "It was the 2nd attempt and the first failure.",
    "Two great rivers decide the fate of millions of farmers.",
    "The F-16 and the Boeing 747 flew under Article 370.",
    "A four-hour battery can earn money.",
])
def test_not_figures(text: str) -> None:
    assert texts(text) == []


def test_paragraphs_and_order() -> None:
    found = figures("Nothing here.", "It cost $5 million and killed 12 soldiers.")
    assert [(f.paragraph, f.kind) for f in found] == [(2, "money"), (2, "count")]


def test_deterministic() -> None:
    a = article("It cost $5 million, 30 percent of the budget, for 12 soldiers.")
    assert find_figures(a) == find_figures(a)


def test_the_number_gate_drops_no_match() -> None:
    """`_NUMBER_STARTS` only lets the engine skip positions no number starts at: the count and
    measure patterns find the same as without it, on the articles and on edge spellings."""
    import re
    from pathlib import Path

    from exporter.analysis import figures

    repo = Path(__file__).resolve().parents[2]
    texts = [p.read_text("utf-8", errors="replace")
             for p in sorted((repo / "tests" / "articles").glob("*.*"))]
    texts.append("Seventeen km, ſeventeen tonnes, A dozen 12-km roads, ٣ km, 1,200 m and an hour")
    for gated in (figures._COUNT, figures._MEASURE):
        plain = re.compile(gated.pattern.removeprefix(figures._NUMBER_STARTS), gated.flags)
        assert plain.pattern != gated.pattern
        for text in texts:
            assert [m.span() for m in gated.finditer(text)] == \
                [m.span() for m in plain.finditer(text)]
