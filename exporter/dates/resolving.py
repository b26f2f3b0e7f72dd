"""Date expressions placed in the calendar: against a reference date (the article's, the
dateline's or a quotation's), the tense of their clause and the anchors the text gives."""

from __future__ import annotations

import datetime as dt

from .holidays import holiday_date as _holiday
from .strings import Anchor, PartialDate, valid
from .tense import Tense
from .text import Mention


def _pick_year(month: int, day: int | None, ref: PartialDate, direction: str) -> int:
    """Return the year of a month (or month and day) said without one: the latest not after
    the reference date in the past, the next in the future, the nearest otherwise."""
    if ref.month is None or direction == "this":
        return ref.year
    here = (ref.month, ref.day or (day or 0))
    there = (month, day or here[1] if month == ref.month else day or 0)
    if direction == "past":
        return ref.year - 1 if there > here else ref.year
    if direction == "future":
        return ref.year + 1 if there < here else ref.year
    # Nearest: within six months either side.
    gap = (month - ref.month) % 12
    if gap == 0:
        return ref.year
    return ref.year + (1 if month < ref.month and gap <= 5 else 0) \
        - (1 if month > ref.month and gap >= 7 else 0)


_QUADRENNIAL_REACH = 366
"""Days from the reference date within which a four-yearly day (Inauguration Day) is read: a
governor's or another country's inauguration is named the same, and the nearer the president's,
the likelier it is meant."""


def _quadrennial(name: str, ref: PartialDate, direction: str) -> PartialDate | None:
    """Return the four-yearly holiday `name` the tense points to (the last in the past, the next
    in the future, else the nearest), or None when that one is over a year away."""
    base = ref.as_date()
    if base is None:
        return None
    days = [dt.date(*found) for year in range(ref.year - 4, ref.year + 5)
            if (found := _holiday(name, year)) is not None]
    if direction == "past":
        days = [d for d in days if d <= base]
    elif direction in ("future", "present"):
        days = [d for d in days if d >= base]
    elif direction == "this":
        days = [d for d in days if d.year == ref.year]
    near = [d for d in days if abs((d - base).days) <= _QUADRENNIAL_REACH]
    if not near:
        return None
    day = min(near, key=lambda d: abs((d - base).days))
    return PartialDate(day.year, day.month, day.day)


_SHORT_YEAR_AHEAD = 10
"""Years after the article within which a two-digit year ('29) may be one still to come."""


def _not_a_year_off(year: int, month: int, day: int, ref: PartialDate) -> int:
    """Return `year`, or the year next to it when the tense put a day almost a year away and
    the other reading is within a month: "planned for Oct. 15" in a November article is the
    October just gone, "Come November 19" said on 18 November the next day."""
    base = ref.as_date()
    if base is None or not valid(year, month, day):
        return year
    gap = (dt.date(year, month, day) - base).days
    other = year - 1 if gap > 0 else year + 1
    if abs(gap) > 320 and valid(other, month, day) \
            and abs((dt.date(other, month, day) - base).days) < 35:
        return other
    return year


def _direction(mention: Mention, tense: Tense) -> str:
    """Return `past`, `future`, `this` or `` for a mention said without its year or week."""
    if mention.direction == "onward":
        # "until", "through", "by": where a span ends or a deadline falls. Gone by in a past
        # clause ("talks ran through October"), else still to come ("is funded through
        # September", "want the bill on his desk by Friday").
        if tense in ("past", "report"):
            return "past"
        return "present" if tense == "present" and mention.unit == "weekday" else "future"
    if mention.direction and mention.direction != "nearest":
        return mention.direction
    if mention.direction == "nearest":
        return ""
    if tense == "future":
        return "future"
    if tense in ("past", "report"):
        return "past"
    if tense == "present" and mention.possessive:
        return "past"  # "Monday's announcement comes as lawmakers are debating …"
    if tense == "present" and mention.unit == "weekday":
        return "present"  # "The summit opens Tuesday": the coming one, or today
    return "past" if mention.unit == "weekday" else ""


def resolve(mention: Mention, ref: PartialDate | None, tense: Tense = "",
            anchor: PartialDate | None = None) -> tuple[PartialDate, Anchor] | None:
    """Return the date of `mention` and what it was read against, or None when it cannot be.

    `ref` is the article's (or a quotation's) date; `anchor` the latest date the text gave
    before the mention, for "the following year" and the like.
    """
    if mention.when is not None:
        return mention.when, "absolute"
    try:
        return _resolve(mention, ref, tense, anchor)
    except (OverflowError, ValueError):
        return None  # a reference date at the edge of the calendar (year 1 or 9999)


def _resolve(mention: Mention, ref: PartialDate | None, tense: Tense,
             anchor: PartialDate | None) -> tuple[PartialDate, Anchor] | None:
    unit = mention.unit
    if unit == "anchored":
        return _resolve_anchored(mention, anchor, ref)
    if ref is None or (mention.custom and tense == "present"):
        return None
    found = _resolve_relative(mention, ref, _direction(mention, tense))
    return (found, "article-date") if found is not None else None


def _resolve_anchored(mention: Mention, anchor: PartialDate | None, ref: PartialDate | None
                      ) -> tuple[PartialDate, Anchor] | None:
    if (anchor is None or anchor.decade) and mention.offset < 0 and ref is not None:
        # "from a year earlier" with no date before it: earlier than the article's date.
        found = _resolve_anchored(mention, ref, None)
        return (found[0], "article-date") if found else None
    if anchor is None or anchor.decade:
        return None
    if mention.grain == "year":
        return PartialDate(anchor.year + mention.offset), "text"
    if mention.grain == "month" and anchor.month is not None:
        total = anchor.year * 12 + anchor.month - 1 + mention.offset
        return PartialDate(total // 12, total % 12 + 1), "text"
    day = anchor.as_date()
    if mention.grain == "day" and day is not None:
        day += dt.timedelta(days=mention.offset)
        return PartialDate(day.year, day.month, day.day), "text"
    return None


def _resolve_relative(mention: Mention, ref: PartialDate, direction: str) -> PartialDate | None:
    unit = mention.unit
    if unit in ("year", "year_end"):
        return PartialDate(ref.year + mention.offset)
    if unit == "short_year":
        # "'97" is the latest such year not after the article, unless that is a century back
        # and the year this century is only a few years ahead ("the class of '29" in 2026).
        year = ref.year // 100 * 100 + mention.offset
        if year > ref.year:
            if year - ref.year <= _SHORT_YEAR_AHEAD:
                return None
            year -= 100
        return PartialDate(year)
    if unit == "decade2":
        year = (ref.year // 100) * 100 + mention.offset
        return PartialDate(year if year <= ref.year else year - 100, decade=True)
    if unit == "month_of_year":
        return PartialDate(ref.year + mention.offset, mention.month)
    if unit == "month":
        if ref.month is None:
            return None
        total = ref.year * 12 + ref.month - 1 + mention.offset
        return PartialDate(total // 12, total % 12 + 1)
    if unit in ("monthday", "bare_month"):
        assert mention.month is not None
        year = _pick_year(mention.month, mention.day, ref, direction)
        if mention.day is not None:
            year = _not_a_year_off(year, mention.month, mention.day, ref)
        if unit == "bare_month" and mention.offset < 0 and mention.month == ref.month:
            year = ref.year - 1  # "last June", said in June
        if mention.day is not None and not valid(year, mention.month, mention.day):
            return None
        return PartialDate(year, mention.month, mention.day)
    if unit == "holiday":
        if mention.name == "inauguration day":
            return _quadrennial(mention.name, ref, direction)
        this_year = _holiday(mention.name, ref.year)
        if this_year is None:
            return None
        year = _pick_year(this_year[1], this_year[2], ref, direction)
        if mention.name == "election day" and year % 2:
            # Said without a year, an odd year's Election Day (local votes) is as often next
            # year's federal one: only even years are read.
            return None
        found = _holiday(mention.name, year)
        return PartialDate(*found) if found else None
    if unit == "ago":
        if mention.grain == "year_today" and ref.day is not None and ref.month is not None:
            year = ref.year + mention.offset
            if valid(year, ref.month, ref.day):
                return PartialDate(year, ref.month, ref.day)
            return None
        if mention.grain == "year_month" and ref.month is not None:
            return PartialDate(ref.year + mention.offset, ref.month)
        if mention.grain in ("year", "year_month"):
            return PartialDate(ref.year + mention.offset)
        if mention.grain == "month" and ref.month is not None:
            total = ref.year * 12 + ref.month - 1 + mention.offset
            return PartialDate(total // 12, total % 12 + 1)
    base = ref.as_date()
    if base is None:
        return None
    if unit == "day" or (unit == "ago" and mention.grain == "day"):
        day = base + dt.timedelta(days=mention.offset)
    elif unit == "weekday":
        assert mention.day is not None
        if direction in ("present", "future") and mention.day == base.weekday() \
                and mention.direction != "future":
            # "The House is expected to vote Friday", said on a Friday: wire copy names today
            # by its weekday; a week ahead would be "next Friday".
            day = base
        elif direction in ("future", "present"):
            day = base + dt.timedelta(days=(mention.day - base.weekday()) % 7 or 7)
        else:
            back = (base.weekday() - mention.day) % 7
            # "last Monday" said on a Monday is a week ago; "on Monday" is the dateline's day.
            day = base - dt.timedelta(days=back or (7 if mention.offset < 0 else 0))
    else:
        return None
    return PartialDate(day.year, day.month, day.day)


__all__ = ["resolve"]
