"""The helpers that keep a long paragraph linear answer exactly what the plain scans they
replace answered: `spans.SpanIndex` (any span holding an offset or meeting a range),
`quotemarks._MarkFinder` (`str.find` remembered) and `quotes._outside_quotes` (quoted spans
blanked one by one)."""

from __future__ import annotations

import random

from exporter.analysis.quotemarks import Span, _MarkFinder
from exporter.analysis.quotes import _outside_quotes
from exporter.analysis.spans import SpanIndex


def _random_spans(rng: random.Random, count: int, size: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        a = rng.randrange(size)
        spans.append((a, a + rng.randrange(0, 12)))
    return spans


def test_span_index_answers_as_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = _random_spans(rng, rng.randrange(0, 8), 60)
        index = SpanIndex(spans)
        for x in range(-2, 75):
            assert index.holds(x) == any(a <= x < b for a, b in spans)
            end = x + rng.randrange(0, 10)
            assert index.meets(x, end) == any(a < end and x < b for a, b in spans)
            assert sorted(index.meeting(x, end)) == sorted(
                (a, b) for a, b in spans if a < end and x < b)


def test_mark_finder_answers_as_str_find() -> None:
    rng = random.Random(11)
    for _ in range(200):
        text = "".join(rng.choice("ab“”\"’ ") for _ in range(rng.randrange(0, 40)))
        finder = _MarkFinder(text)
        for _ in range(60):
            mark = rng.choice(["“", "”", '"', "’’", "x"])
            start = rng.randrange(0, len(text) + 2)
            assert finder.find(mark, start) == text.find(mark, start)


def _blanked_one_by_one(text: str, spans: list[Span]) -> str:
    for span in spans:
        text = text[:span.start] + " " * (span.close - span.start) + text[span.close:]
    return text


def test_outside_quotes_blanks_as_span_by_span() -> None:
    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice("abc “”.") for _ in range(rng.randrange(1, 50)))
        spans = []
        for a, b in _random_spans(rng, rng.randrange(0, 6), len(text)):
            close = min(b, len(text))
            spans.append(Span(a, min(a + rng.randrange(0, 3), close), close))
        assert _outside_quotes(text, spans) == _blanked_one_by_one(text, spans)
