"""Holidays: the day a holiday's name stands for in a given year, None in a year without it."""

from __future__ import annotations

import datetime as dt

# Holidays: fixed days, and the rules of the movable ones (US where the name is American).
FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31), "st. patrick's day": (3, 17),
    "bastille day": (7, 14), "fourth of july": (7, 4), "july fourth": (7, 4),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "may day": (5, 1), "juneteenth": (6, 19),
    # Irish, Australian: St Stephen's Day is Boxing Day's Irish name.
    "st. stephen's day": (12, 26), "anzac day": (4, 25), "australia day": (1, 26),
}

INAUGURATION_YEARS = 4
"""A US presidential inauguration falls every fourth year (1937 on: 20 January; before, 4 March)."""

def _easter(year: int) -> dt.date:
    """Return Easter Sunday (Gregorian, the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """Return the n-th (from 1; -1 for the last) weekday of a month."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday_date(name: str, year: int) -> tuple[int, int, int] | None:
    """Return the (year, month, day) of a holiday in `year`."""
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return (year, month, day)
    found: dt.date | None = None
    if name == "election day":
        found = _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)  # Tuesday after 1st Monday
    elif name == "inauguration day":
        if year % INAUGURATION_YEARS != 1 or year < 1789:
            return None
        return (year, 1, 20) if year >= 1937 else (year, 3, 4)
    elif name.startswith(("martin luther king", "mlk")):
        found = _nth_weekday(year, 1, 0, 3)
    elif name.startswith("president"):
        found = _nth_weekday(year, 2, 0, 3)
    elif name == "columbus day":
        found = _nth_weekday(year, 10, 0, 2)
    elif name.startswith("thanksgiving"):
        found = _nth_weekday(year, 11, 3, 4)
    elif name in ("labor day", "labour day"):
        found = _nth_weekday(year, 9, 0, 1)
    elif name == "memorial day":
        found = _nth_weekday(year, 5, 0, -1)
    elif name in ("easter", "easter sunday"):
        found = _easter(year)
    elif name == "good friday":
        found = _easter(year) - dt.timedelta(days=2)
    elif name == "easter monday":
        found = _easter(year) + dt.timedelta(days=1)
    elif name == "black friday":
        found = _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1)
    elif name == "cyber monday":
        found = _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=4)
    elif name == "ash wednesday":
        found = _easter(year) - dt.timedelta(days=46)
    elif name == "palm sunday":
        found = _easter(year) - dt.timedelta(days=7)
    return (found.year, found.month, found.day) if found else None


__all__ = ["FIXED_HOLIDAYS", "INAUGURATION_YEARS", "holiday_date"]
