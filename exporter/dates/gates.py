"""Gates: for each date pattern of `text`, a cheap test of a paragraph that every match of the
pattern passes, so the pattern's scan runs only where it may find something.

Most paragraphs hold no holiday, no "ago" and no weekday, and scanning for them was the cost of
finding dates; a gate is a word the pattern needs (in the lower-cased text, or as written for
the patterns that match case-sensitively), or a digit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .strings import MONTH_NAMES, WEEKDAYS

GATES: dict[str, tuple[str, ...]] = {
    # A year with a month after it (`2024-05-`), a year after a day and month (`5/3/2024`), a
    # decade's `0s` (`1990s`, `’90s`): what each digit pattern holds beside its digits.
    "iso": tuple(f"{sep}{d}" for sep in "-/" for d in "0123456789"),
    "numeric": ("/1", "/2", ".1", ".2"),
    "decade": ("0s", "0’s", "0's"),
    "month_rel": ("this year", "last year", "next year"),
    "holiday": ("christmas", "boxing", "new year", "valentine", "halloween", "patrick",
                "stephen", "anzac", "australia day",
                "bastille", "fourth of july", "july fourth", "veterans", "armistice", "remembrance",
                "may day",
                "thanksgiving", "labor day", "labour day", "memorial day", "easter", "good friday",
                "black friday", "cyber monday", "ash wednesday", "palm sunday", "election day",
                "inauguration day", "juneteenth", "columbus day", "luther king", "mlk day",
                "presidents", "president's day", "president’s day"),
    "spelled_year": ("nineteen", "eighteen", "twenty"), "spelled_2000": ("thousand",),
    "short_decade": ("0s", "0’s", "0's", "ties"), "fiscal": ("fy", "fiscal"), "ago": ("ago",),
    "anchored_n": ("later", "earlier", "afterward"), "anchored": ("year", "month", "day"),
    "year_end": ("year",), "month_end": ("month",), "in_the_day": ("in the day",),
    "rel_period": ("year", "month"),
    "season": ("spring", "summer", "autumn", "fall"),
    "deictic": ("yesterday", "today", "tonight", "tomorrow", "last night"),
    "short_year": ("'", "’"),
}
"""What each pattern needs in the lower-cased text (any one of the strings)."""
# Months and weekdays are matched case-sensitively, so their gates test the text as written:
# `Mar` opens every form of March, where the lower-cased `mar` is in `market` and `summary`.
_MONTH_GATE = tuple(name[:3] for name in MONTH_NAMES)
CASED_GATES: dict[str, tuple[str, ...]] = {
    "dmy": _MONTH_GATE, "mdy": _MONTH_GATE, "my": _MONTH_GATE, "md": _MONTH_GATE,
    "dm": _MONTH_GATE, "bare_month": _MONTH_GATE, "month_rel": _MONTH_GATE,
    "weekday": tuple(day.capitalize() for day in WEEKDAYS),
    # A word every holiday name of `text._HOLIDAY` holds as written (`Labo` of Labor and
    # Labour, `Fourth` of both Fourth of July forms, `Day` of the Presidents' and MLK days): with
    # the lower-case gate, which the names' common words pass, it spares that one its 35 tests.
    "holiday": ("Christmas", "Boxing", "Year", "Valentine", "Halloween", "St", "Bastille",
                "Anzac", "Australia", "Fourth", "Veterans", "Armistice", "Remembrance", "May",
                "Thanksgiving", "Labo", "Memorial", "Easter", "Good", "Black", "Cyber", "Ash",
                "Palm", "Election", "Inauguration", "Juneteenth", "Columbus", "Day"),
}
"""What each pattern needs in the text as written, tested before `GATES`."""
NEEDS_DIGITS = frozenset({"iso", "numeric", "decade", "year"})
"""The patterns that hold a year's digits."""

# The gates as one search each, where that beats a test per string: the ISO gate's twenty
# strings are one character class, and a cased gate's names open with capitals, which `re`
# skips to. Seven patterns share the month gate, so it is tested once a text.
_SEARCH: dict[str, re.Pattern[str]] = {"iso": re.compile(r"[-/][0-9]")}
_CASED_SEARCH: dict[tuple[str, ...], re.Pattern[str]] = {
    gate: re.compile("|".join(map(re.escape, gate))) for gate in set(CASED_GATES.values())}
_DIGIT = re.compile(r"[0-9]")
"""What a match of the digit patterns without a gate holds: a year's ASCII digits (a digit of
another script, which `str.isdigit` also knows, starts no year)."""


class Gates:
    """The gates of one text, each test made at most once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self.digits = _DIGIT.search(text) is not None
        self.cased: dict[tuple[str, ...], bool] = {}

    def open(self, kind: str) -> bool:
        """Return False if the pattern `kind` can match nowhere in the text."""
        gate = GATES.get(kind)
        if gate is None and not self.digits and kind in NEEDS_DIGITS:
            return False
        # (The cased gate first: one search, shared by the month patterns.)
        cased = CASED_GATES.get(kind)
        if cased is not None:
            hit = self.cased.get(cased)
            if hit is None:
                hit = self.cased[cased] = _CASED_SEARCH[cased].search(self.text) is not None
            if not hit:
                return False
        search = _SEARCH.get(kind)
        if search is not None:
            return search.search(self.lower) is not None
        return gate is None or any(map(self.lower.__contains__, gate))

    def opened(self, kinds: tuple[str, ...]) -> list[bool]:
        """Return `[self.open(kind) for kind in kinds]`, in one loop: `find_mentions` asks
        about all its patterns for each paragraph, and the calls and the three look-ups by kind
        cost more than most tests (which `_plan` makes once a list of kinds)."""
        text, lower, digits, cased_hits = self.text, self.lower, self.digits, self.cased
        out: list[bool] = []
        for without_digits, cased, search, gate in _plan(kinds):
            if without_digits and not digits:
                out.append(False)
                continue
            if cased is not None:
                hit = cased_hits.get(cased)
                if hit is None:
                    hit = cased_hits[cased] = _CASED_SEARCH[cased].search(text) is not None
                if not hit:
                    out.append(False)
                    continue
            if search is not None:
                out.append(search.search(lower) is not None)
            else:
                out.append(gate is None or any(map(lower.__contains__, gate)))
        return out


_Plan = tuple[bool, tuple[str, ...] | None, re.Pattern[str] | None, tuple[str, ...] | None]


@lru_cache(maxsize=4)
def _plan(kinds: tuple[str, ...]) -> tuple[_Plan, ...]:
    """Return, for each kind, what `Gates.open` looks up: whether it is closed to a text
    without digits, its cased gate, its search and its lower-case gate."""
    return tuple((GATES.get(kind) is None and kind in NEEDS_DIGITS, CASED_GATES.get(kind),
                  _SEARCH.get(kind), GATES.get(kind)) for kind in kinds)


__all__ = ["CASED_GATES", "GATES", "NEEDS_DIGITS", "Gates"]
