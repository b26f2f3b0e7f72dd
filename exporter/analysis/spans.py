"""Spans: a paragraph's taken (start, end) spans, asked whether they hold an offset or meet a
range, by bisection.

The rules ask this for every capitalised run or surname of a paragraph against every mention and
quotation of it; read span by span, a long paragraph full of names took quadratic time (a 64 KB
one, 3 of the 6 s its quotations took). The spans may overlap (a mention inside a quotation).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate


class SpanIndex:
    """Half-open spans `[start, end)`, sorted by start, with the furthest end reached so far."""

    __slots__ = ("_reach", "_spans", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]
        self._reach = list(accumulate((b for _, b in self._spans), max))

    def holds(self, offset: int) -> bool:
        """Return True if a span holds `offset` (`start <= offset < end`)."""
        i = bisect_right(self._starts, offset)
        return i > 0 and self._reach[i - 1] > offset

    def meets(self, start: int, end: int) -> bool:
        """Return True if a span overlaps `[start, end)` (`a < end and start < b`)."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start

    def meeting(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Yield the spans that overlap `[start, end)`, the last to start first."""
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._reach[i] > start:  # none before reaches past `start`
            if self._spans[i][1] > start:
                yield self._spans[i]
            i -= 1


__all__ = ["SpanIndex"]
