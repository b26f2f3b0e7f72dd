"""Days from a web page's date statements: ISO timestamps and printed dates, at day precision.

Printed dates are read by the tool's one date module (`exporter.dates`); only the web's own
rule lives here: a timestamp keeps the day it was written in (`2019-11-20T04:31:13-06:00` is the
20th), since converting to UTC would move it.
"""

from __future__ import annotations

import datetime
import re

from ..dates import search_date

_ISO = re.compile(r"^\s*(\d{4})[-/]?(\d\d)[-/]?(\d\d)(?=$|[T\s_]|[+-]\d\d:?\d\d$|Z$)")
_TIME = re.compile(r"\d\d?:\d\d")
_EARLIEST = 1990


def day_of(value: str) -> str | None:
    """Return the day (`2019-11-20`) that a date statement gives, or None."""
    match = _ISO.match(value)
    if match is not None:
        return _valid("-".join(match.groups()))
    return printed_day(value)


def printed_day(text: str) -> str | None:
    """Return the first full date with a year written in `text` (`Nov 18, 2019 at 9:24 pm`)."""
    found = search_date(text)
    return _valid(found) if found is not None and len(found) == 10 else None


def has_time(value: str) -> bool:
    """Return True when a date statement also gives a time of day (so a time zone matters)."""
    return _TIME.search(value) is not None


def days_apart(a: str, b: str) -> int:
    """Return how many days lie between two ISO days."""
    return abs((datetime.date.fromisoformat(a) - datetime.date.fromisoformat(b)).days)


def _valid(day: str) -> str | None:
    try:
        parsed = datetime.date.fromisoformat(day)
    except ValueError:
        return None
    return day if parsed.year >= _EARLIEST else None
