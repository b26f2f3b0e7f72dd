"""Dates: every date the tool reads, in one place, at the precision the text gives.

- Whole strings (a masthead's `Vol. 9 | April 2021`, a dateline's `Moscow, June 6`, a sidecar's
  `date:`): `parse_date` reads the forms news prints with our own patterns; `iso_date` takes a
  YAML/TOML value and hands free-form text our patterns do not read to dateparser.
- Dates in running text (the timeline): `find_mentions` finds the expressions with our own
  patterns (dateparser's `search_dates` reads "may", "march" and bare numbers as dates), and
  `resolve` places the relative ones against a reference date (the article's, the dateline's or a
  quotation's) using the tense of the clause that holds them (`clause_tense`) and the anchors the
  text gives ("In 1998 … the following year").
- Display: `human_date` (`2017-07` → `July 2017`), the templates' filter.

ISO 8601 at the text's precision throughout: `1950`, `195X` (a decade), `1971-07`, `2017-06-06`.
Everything here is rule-based and deterministic; the README lists the rules. The package is the
one place every part of the tool reads dates from (readers, sidecar, timeline, templates); inside,
each module has one job: `strings` (calendar values and whole strings), `text` (finding
expressions in running text), `resolving` (placing them in the calendar), `holidays`, `tense` (the
tense of a clause).
"""

from __future__ import annotations

from .resolving import resolve
from .strings import (
    DATE_FORMS,
    DATE_SEARCH,
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    Anchor,
    PartialDate,
    human_date,
    iso,
    iso_date,
    month_number,
    normalise,
    parse_date,
    parse_iso,
    search_date,
    valid,
)
from .tense import Tense, clause_tense
from .text import Mention, find_mentions

__all__ = [
    "DATE_FORMS",
    "DATE_SEARCH",
    "MONTHS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "Anchor",
    "Mention",
    "PartialDate",
    "Tense",
    "clause_tense",
    "find_mentions",
    "human_date",
    "iso",
    "iso_date",
    "month_number",
    "normalise",
    "parse_date",
    "parse_iso",
    "resolve",
    "search_date",
    "valid",
]
