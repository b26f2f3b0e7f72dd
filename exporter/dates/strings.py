"""Calendar values (`PartialDate`, ISO forms) and dates given as whole strings: mastheads,
datelines, bylines, metadata values; and their display (`human_date`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
"""Month words (full, three-letter, `sept`), lower case, to their numbers."""
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

Anchor = Literal["absolute", "article-date", "text"]
"""What a date was read against: nothing (`absolute`), the article's or dateline's date, or
another date the text gives (a quotation's date, "In 1998 … the following year")."""


def month_number(word: str) -> int:
    """Return the number of a month word (`Sept.` → 9); KeyError for other words."""
    return MONTHS[word.lower().rstrip(".")]


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date at some precision: a decade, a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None
    decade: bool = False

    def iso(self) -> str:
        """Return the ISO 8601 form at this precision (`195X` for a decade)."""
        if self.decade:
            return f"{self.year // 10:03d}X"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def key(self) -> tuple[int, int, int]:
        """Return a comparable key; missing parts sort as 0."""
        return (self.year, self.month or 0, self.day or 0)

    def as_date(self) -> dt.date | None:
        """Return the day, when this is one."""
        if self.month is None or self.day is None or self.decade:
            return None
        return dt.date(self.year, self.month, self.day)


def valid(year: int, month: int, day: int) -> bool:
    """Return True when the three make a real calendar day."""
    try:
        dt.date(year, month, day)
    except (ValueError, OverflowError):
        return False
    return True


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """Return the ISO form of the parts given, or None when they are not a date."""
    if year is None or not 1 <= year <= 9999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if valid(year, month, day) else None


def parse_iso(value: str | None) -> PartialDate | None:
    """Return the partial date of an ISO 8601 string (`2017`, `2017-07`, `2017-07-14`)."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if iso(year, month, day) is None:
        return None
    return PartialDate(year, month, day)


# --- whole strings: mastheads, datelines, bylines -----------------------------------------------

_MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(1[6-9]\d\d|2[01]\d\d)"
# ASCII only: under Unicode case folding `Auguſt` would match and miss the month table.
_FLAGS = re.IGNORECASE | re.ASCII
_WEEKDAY_PREFIX = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", _FLAGS)
DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, _FLAGS), order) for pattern, order in (
        (rf"{_YEAR4}-(\d\d?)(?:-(\d\d?))?", "ymd"),
        (rf"{_YEAR4}/(\d\d?)/(\d\d?)", "ymd"),
        (rf"(\d\d?){_ORD}\s+(?:of\s+)?({_MONTH_WORD}),?\s+{_YEAR4}", "dmy"),
        (rf"({_MONTH_WORD})\s+(\d\d?){_ORD},?\s+{_YEAR4}", "mdy"),
        # `July-August 2017`: a double issue is dated by its first month.
        (rf"({_MONTH_WORD})(?:\s*[-/–]\s*{_MONTH_WORD})?,?\s+{_YEAR4}", "my"),
        (rf"(?:spring|summer|autumn|fall|winter)\s+{_YEAR4}", "y"),
        (_YEAR4, "y"),
        (rf"({_MONTH_WORD})\s+(\d\d?){_ORD}", "md"),
        (rf"(\d\d?){_ORD}\s+(?:of\s+)?({_MONTH_WORD})", "dm"),
    )
)
"""The forms a masthead, byline or dateline prints a date in, each with the order of its parts."""

DATE_SEARCH = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?:{p.pattern})" for p, order in DATE_FORMS if order not in ("md", "dm"))
    + r")(?![\w-])", _FLAGS)
"""A date with a year inside a longer line, in the forms of `DATE_FORMS`."""


def parse_date(text: str, year: int | None = None) -> str | None:
    """Return `text` (the whole of it) as an ISO date at its precision, or None.

    A date without a year (`June 6`) takes `year` when given, and is None otherwise.
    """
    text = _WEEKDAY_PREFIX.sub("", text.strip().strip(",").strip())
    for pattern, order in DATE_FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        g = match.groups()
        if order == "ymd":
            return iso(int(g[0]), int(g[1]), int(g[2]) if g[2] else None)
        if order == "dmy":
            return iso(int(g[2]), month_number(g[1]), int(g[0]))
        if order == "mdy":
            return iso(int(g[2]), month_number(g[0]), int(g[1]))
        if order == "my":
            return iso(int(g[1]), month_number(g[0]))
        if order == "y":
            return iso(int(g[0]))
        if order == "md":
            return iso(year, month_number(g[0]), int(g[1])) if year is not None else None
        return iso(year, month_number(g[1]), int(g[0])) if year is not None else None
    return None


def search_date(line: str) -> str | None:
    """Return the first date with a year in `line` (`By Jane Doe, 3 March 2022`), or None."""
    for match in DATE_SEARCH.finditer(line):
        found = parse_date(match.group(0))
        if found is not None:
            return found
    return None


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def iso_date(value: object) -> str | None:
    """Return a metadata value (YAML date, year number or text) as ISO at its precision."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()[:100]
    match = _ISO_PREFIX.match(text)
    if match:
        year, month, day = match.groups()
        return iso(int(year), int(month) if month else None, int(day) if day else None)
    return parse_date(text) or normalise(text)


@cache
def _date_parser() -> Any:
    # Imported on first use: dateparser takes most of a second to import. Its language data
    # ships inside the package; nothing is downloaded.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


def normalise(text: str) -> str | None:
    """Return a free-form date string (`the 3rd of March, 2021`) as ISO at the precision
    dateparser finds in it, or None. Only for strings known to be a date (metadata values):
    on running text dateparser reads words such as "may" as dates."""
    data = _date_parser().get_date_data(text[:100])
    if data.date_obj is None:
        return None
    found = data.date_obj
    if data.period == "year":
        return iso(found.year)
    if data.period == "month":
        return iso(found.year, found.month)
    return iso(found.year, found.month, found.day)


def human_date(value: str | None) -> str:
    """Return `2017-07` as `July 2017`, `2017-06-06` as `6 June 2017`, `195X` as `the 1950s`."""
    if not value:
        return ""
    match = re.fullmatch(r"(\d{3})X", value)
    if match:
        return f"the {match.group(1)}0s"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return value
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    name = MONTH_NAMES[int(month) - 1]
    if day is None:
        return f"{name} {year}"
    return f"{int(day)} {name} {year}"


__all__ = [
    "DATE_FORMS",
    "DATE_SEARCH",
    "MONTHS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "Anchor",
    "PartialDate",
    "human_date",
    "iso",
    "iso_date",
    "month_number",
    "normalise",
    "parse_date",
    "parse_iso",
    "search_date",
    "valid",
]
