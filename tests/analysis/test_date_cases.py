"""The date cases of tests/dates/*.tsv: each sentence, read as a one-paragraph article with its
date, gives exactly the expected timeline dates (or none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.analysis.timeline import find_events
from exporter.model import Article, Meta, Paragraph, Source

CASES = Path(__file__).resolve().parents[1] / "dates"


def read_cases() -> list[tuple[str, str, str | None, frozenset[str], str]]:
    """Return (id, class, article date, expected dates, sentence) for every case."""
    found = []
    for path in sorted(CASES.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, date, expected, sentence = line.split("\t")
            dates = frozenset() if expected == "no date" else frozenset(expected.split())
            found.append((f"{path.stem}:{number}", kind, None if date == "-" else date, dates,
                          sentence))
    return found


def timeline_dates(sentence: str, date: str | None) -> set[str]:
    article = Article(title="", title_inferred=False, meta=Meta(date=date), authors=(),
                      paragraphs=(Paragraph(n=1, text=sentence),), headings=(),
                      source=Source(path="case.txt", format="text"))
    return {e.date for e in find_events(article)}


def test_enough_cases_of_every_class() -> None:
    cases = read_cases()
    assert len(cases) >= 150
    kinds = {c[1] for c in cases}
    assert {"month-day", "weekday", "weekday-name", "year-choice", "last-month", "ago",
            "month-prep", "spelled-year", "holiday", "fiscal", "range", "vague", "absolute",
            "no-date"} <= kinds


@pytest.mark.parametrize(("case", "kind", "date", "expected", "sentence"), read_cases(),
                         ids=[c[0] for c in read_cases()])
def test_date_case(case: str, kind: str, date: str | None, expected: frozenset[str],
                   sentence: str) -> None:
    assert timeline_dates(sentence, date) == set(expected), f"{case} ({kind}): {sentence}"
