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
Everything here is rule-based and deterministic; the README lists the rules.
"""

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


# --- dates in running text ---------------------------------------------------------------------

# Month names are matched case-sensitively: "may" and "march" in lower case are verbs.
# A full name takes no dot: "… on 24 November." ends the sentence.
_MONTH = ("(?:" + "|".join(MONTH_NAMES)
          + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)")
_MONTH_FULL = "(?:" + "|".join(MONTH_NAMES) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = {w: i for i, w in enumerate(_ONES, start=1)} | {
    w: i for i, w in enumerate(_TEENS, start=10)} | {
    w: 10 * i for i, w in enumerate(_TENS, start=2)} | {"a": 1, "an": 1}
_TENS_VALUE = {w: 10 * i for i, w in enumerate(_TENS, start=2)}
_ONE = "|".join(_ONES)
_SPELLED_TAIL = (rf"(?:{'|'.join(_TENS)})(?:[- ](?:{_ONE}))?|{'|'.join(_TEENS)}"
                 rf"|(?:oh|o)[- ](?:{_ONE})|hundred")
_COUNT = rf"(?:\d{{1,3}}|a|an|{_ONE}|{'|'.join(_TEENS)}|{'|'.join(_TENS)})"

# Holidays: fixed days, and the rules of the movable ones (US where the name is American).
_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31), "st. patrick's day": (3, 17),
    "bastille day": (7, 14), "fourth of july": (7, 4), "veterans day": (11, 11),
    "armistice day": (11, 11), "remembrance day": (11, 11), "may day": (5, 1),
}
_HOLIDAY = (r"(?:Christmas(?:\s+(?:Eve|Day))?|Boxing\s+Day|New\s+Year[’']s\s+(?:Eve|Day)"
            r"|Valentine[’']s\s+Day|Halloween|St\.?\s+Patrick[’']s\s+Day|Bastille\s+Day"
            r"|(?:the\s+)?Fourth\s+of\s+July|Veterans\s+Day|Armistice\s+Day|Remembrance\s+Day"
            r"|May\s+Day|Thanksgiving(?:\s+Day)?|Labou?r\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?"
            r"|Good\s+Friday|Easter\s+Monday)")
_HOLIDAY_THINGS = frozenset({
    "egg", "eggs", "shopping", "tree", "trees", "card", "cards", "dinner", "lunch", "party",
    "parties", "present", "presents", "gift", "gifts", "decorations", "lights", "market",
    "markets", "pudding", "carol", "carols", "songs", "spirit", "bonus", "sales", "special",
    "number", "album", "film", "movie", "story", "bunny", "rising", "offensive", "agreement",
    "accord", "deal", "parade"})
"""Words after a holiday's name that make it a thing, not a day: "Christmas shopping"."""
_HOLIDAY_PREP = (r"(?:on|at|by|before|after|since|until|till|over|around|for|during|of|from"
                 r"|ahead\s+of)")
# Weekday names inside names of days, not dates of this week: "Black Friday", "Super Tuesday".
_NAMED_DAYS = frozenset({"black", "good", "holy", "easter", "palm", "ash", "super", "cyber",
                         "bloody", "maundy", "shrove", "whit", "giving", "ruby", "man"})

_WEEKDAY_THINGS = frozenset({"prayers", "prayer", "school", "edition", "editions", "newspaper",
                             "publication", "supplement", "magazine", "paper", "papers"})
_RELATIVE_WORD = r"(?i:this|last|next)"

# Each pattern names its groups; `_mention` reads them. Order matters: earlier patterns claim
# their characters first, so full dates win over the month-year or year inside them.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx)) for name, rx in (
        ("iso", rf"\b(?P<y>{_YEAR})[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>[0-3]?\d)\b(?![-/]\d)"),
        ("numeric", rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{_YEAR})\b"),
        ("dmy", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
        ("mdy", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:\s*[-–]\s*\d\d?)?,?\s+(?P<y>{_YEAR})\b"),
        ("my", rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b(?![-–/]\d)"),
        ("month_rel",
         rf"\b(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?(?P<rel>{_RELATIVE_WORD})\s+year\b"),
        ("holiday", rf"(?:\b(?P<rel>{_RELATIVE_WORD}|(?i:{_HOLIDAY_PREP}))\s+)?"
                    rf"\b(?P<name>{_HOLIDAY})\b(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})\b)?"),
        ("spelled_year", rf"\b(?P<c>(?i:nineteen|eighteen|twenty))[- ](?P<r>(?i:{_SPELLED_TAIL}))\b"
                         rf"(?![- ](?i:{_ONE}|percent|per|years?|times))"),
        ("spelled_2000", r"\b(?P<prep>(?i:in|since|of|by|until|from|year))\s+(?i:two\s+thousand)"
                         rf"(?:\s+(?:and\s+)?(?P<r>(?i:{_ONE}|{'|'.join(_TEENS)})))?\b"),
        ("decade", r"\b(?:(?:early|mid|late)[- ])?(?P<dec>1[5-9]\d|20\d)0[’']?s\b"),
        # "the '90s", "the nineties"; not "the 90s", which is mostly a temperature or an age.
        ("short_decade", r"\b(?i:the)\s+(?:(?i:early|mid|late)[- ])?(?:[’'](?P<d2>[1-9])0[’']?s\b"
                         r"|(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies"
                         r"|eighties|nineties))\b)"),
        ("fiscal", rf"\b(?:FY\s?|(?i:fiscal)(?:[- ]year)?[- ])(?P<fy>{_YEAR}|\d{{2}})\b"
                   r"(?:[-–/]\d{2,4}\b)?"),
        ("ago", rf"\b(?P<n>(?i:{_COUNT}|a\s+few|several|some))\s+(?P<unit>(?i:years?|decades?"
                r"|months?|days?))\s+(?i:ago)\b(?P<tail>\s+(?i:today|this\s+(?:spring|summer|autumn"
                r"|fall|winter|month|week)))?"),
        ("anchored_n", rf"\b(?P<n>(?i:{_COUNT}))\s+(?P<unit>(?i:years?|months?|days?))\s+"
                       r"(?P<tail>(?i:later|earlier|afterwards))\b"),
        ("anchored", r"\b(?P<phrase>(?i:the\s+(?:following|next|previous|preceding|same)"
                     r"|that|(?:a|one)|the)\s+(?P<unit>(?i:year|month|day))"
                     r"(?P<tail>\s+(?i:before|after|later|earlier))?)\b"),
        ("year_end", r"\b(?i:(?:at|by|before|until|till|towards?)\s+(?:the\s+)?)"
                     r"(?:(?i:year[- ]end)|(?i:end\s+of\s+(?:the|this)\s+year))\b"),
        ("month_end", r"\b(?i:(?:at|by|before|until|till|towards?)\s+(?:the\s+)?end\s+of\s+"
                      r"(?:the|this)\s+month)\b"),
        ("in_the_day", r"\b(?i:(?:earlier|later)\s+in\s+the\s+day)\b"),
        ("md", rf"\b(?P<asof>(?i:as\s+of)\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b"
               r"(?![,.]?\d|\s*(?:%|per|[ap]\.?m\b))"),
        # "18-24 November": the first day.
        ("dm", rf"\b(?:(?P<d0>{_DAY})\s*[-–]\s*)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})"
               r"(?![\w.]\w)"),
        ("year", rf"(?<![\d.,$€£¥©#])\b(?P<y>{_YEAR})\b(?![.,]\d|\s*(?:%|per\s?cent))"),
        # Not after "the": "over the last year", "in the next month" are spans of time.
        ("rel_period", r"(?<![Tt]he\s)\b(?:(?i:early|earlier|late|later|mid)[- ](?:in[- ])?)?"
                       rf"(?P<rel>{_RELATIVE_WORD})\s+(?:(?i:fiscal|calendar)\s+)?"
                       r"(?P<unit>(?i:year|month))\b"),
        ("season", rf"\b(?P<rel>{_RELATIVE_WORD})\s+(?:spring|summer|autumn|fall)\b"),
        ("bare_month", r"\b(?P<prep>(?i:in|since|during|until|till|by|from|before|after|early"
                       r"|late|mid-|last|next|this|for|through|throughout|of|to|between))(?:\s+|(?<=-))"
                       rf"(?:(?i:early|late|mid)[- ])?(?P<mon>{_MONTH_FULL})\b(?!\s*\d)"),
        ("weekday", r"\b(?:(?P<rel>(?i:last|next|this|on|from|since|by|until|till|before"
                    rf"|as\s+early\s+as|as\s+soon\s+as))\s+)?(?P<wd>{_WD})\b"
                    rf"(?!s\b|,?\s+(?:\d|{_MONTH}\s*\d))"),
        ("deictic", r"\b(?P<deixis>(?i:yesterday|today|tonight|tomorrow))\b"),
    )
)

# A pattern runs only where a cheap test finds the word it needs in the lower-cased text:
# most paragraphs hold no holiday, no "ago" and no weekday, and scanning for them is the cost.
_MONTH_GATE = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_GATES: dict[str, tuple[str, ...]] = {
    "dmy": _MONTH_GATE, "mdy": _MONTH_GATE, "my": _MONTH_GATE, "md": _MONTH_GATE,
    "dm": _MONTH_GATE, "bare_month": _MONTH_GATE,
    "month_rel": ("this year", "last year", "next year"),
    "holiday": ("christmas", "boxing", "new year", "valentine", "halloween", "patrick",
                "bastille", "fourth of july", "veterans", "armistice", "remembrance", "may day",
                "thanksgiving", "labor day", "labour day", "memorial day", "easter", "good friday"),
    "spelled_year": ("nineteen", "eighteen", "twenty"), "spelled_2000": ("thousand",),
    "short_decade": ("0s", "0’s", "0's", "ties"), "fiscal": ("fy", "fiscal"), "ago": ("ago",),
    "anchored_n": ("later", "earlier", "afterward"), "anchored": ("year", "month", "day"),
    "year_end": ("year",), "month_end": ("month",), "in_the_day": ("in the day",),
    "rel_period": ("year", "month"),
    "season": ("spring", "summer", "autumn", "fall"), "weekday": ("day",),
    "deictic": ("yesterday", "today", "tonight", "tomorrow"),
}

# Words before a four-digit number that make it a label, not a year.
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|nos|page|pages|p|pp|vol|volume|issue|number|section|article|resolution|room"
    r"|flight|route|code|model|chapter|rs|pkr|inr|usd|eur|gbp|rupees?|dollars?|euros?)\.?"
    r"|[$€£¥#§¶])\s*$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[\s-]*([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s+$")
_CAPITALISED_OK = {
    "In", "Since", "By", "Until", "Till", "From", "Before", "After", "During", "Circa", "Early",
    "Late", "Mid", "Spring", "Summer", "Autumn", "Fall", "Winter", "Of", "And", "Or", "To", "On",
    "Around", "About", "Between", "Through", "Throughout", "The", "Christmas", "Easter",
}
_MORE_COUNT_NOUNS = frozenset({"staff", "crore", "lakh", "rupees", "shares", "barrels",
                               "tonnes", "acres", "metres", "feet", "cars", "flights",
                               # "at 1530 GMT": a clock time in wire copy
                               "gmt", "utc", "est", "edt", "cet", "bst", "ist", "hrs", "hours",
                               "local"})
_NOT_TODAY_BEFORE = re.compile(r"\b(?:till|until|to|of|from|up\s+to|even|still)\s+$", re.I)
_OFFSETS = {"this": 0, "last": -1, "next": 1}

@dataclass(frozen=True, slots=True)
class Mention:
    """A date expression found in a text, resolved or awaiting its reference date."""

    start: int
    end: int
    kind: str
    when: PartialDate | None = None
    """The date, for absolute expressions."""
    month: int | None = None
    day: int | None = None
    offset: int = 0
    unit: str = ""
    """What a relative expression counts in (`year`, `monthday`, `weekday`, `ago`…)."""
    grain: str = ""
    """For `ago` and `anchored`: `year`, `month` or `day`."""
    direction: str = ""
    """`past`, `future`, `this`, or `` (decide from the clause) without a year."""
    name: str = ""
    """For holidays: the holiday's name, lower case."""

    @property
    def absolute(self) -> bool:
        return self.when is not None


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _is_year(text: str, start: int, end: int) -> bool:
    """Return False for a four-digit number that is a label, amount or count, not a year."""
    if _NOT_YEAR_BEFORE.search(text, max(0, start - 12), start):
        return False
    after = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    if after is not None:
        word = after.group(1).lower()
        gap = text[end:after.start(1)]
        if "\n" not in gap and (word in _measure_words() or word in _MORE_COUNT_NOUNS):
            return False
    if re.match(r" [A-Z]{1,3}\d", text[end:end + 5]):
        return False  # "2012 DA14": a designation
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = before.group(1)
        # "Vision 2030", "Euro 2024": a capitalised name, unless it opens the sentence.
        prefix = text[max(0, before.start(1) - 4):before.start(1)].rstrip()
        opens_sentence = not prefix or prefix[-1] in ".!?“\"(:;"
        if (word[:1].isupper() and word not in _CAPITALISED_OK
                and word[:3].lower() not in MONTHS and not opens_sentence):
            return False
    return True


@cache
def _measure_words() -> frozenset[str]:
    # Imported late: analysis imports this module.
    from .analysis.figures import COUNT_NOUNS, UNIT_WORDS

    return frozenset(COUNT_NOUNS) | frozenset(UNIT_WORDS)


def _opens_sentence(text: str, at: int) -> bool:
    prefix = text[max(0, at - 4):at].rstrip()
    return not prefix or prefix[-1] in ".!?“\"(:;"


def _mention(kind: str, m: re.Match[str], text: str) -> Mention | None:
    """Return the mention a pattern match stands for, or None when it is not a date."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    if kind == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return Mention(s, e, kind, PartialDate(y, mo, d)) if valid(y, mo, d) else None
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if a > 12 and valid(y, b, a):
            return Mention(s, e, kind, PartialDate(y, b, a))
        if b > 12 and valid(y, a, b):
            return Mention(s, e, kind, PartialDate(y, a, b))
        if a == b and valid(y, a, a):
            return Mention(s, e, kind, PartialDate(y, a, a))
        # Day-month or month-day: the year is all the text settles.
        return Mention(s, e, kind, PartialDate(y)) if 1 <= a <= 31 and 1 <= b <= 31 else None
    if kind in ("dmy", "mdy"):
        y, mo, d = int(g["y"]), month_number(g["mon"]), int(re.sub(r"\D", "", g["d"]))
        return Mention(s, e, kind, PartialDate(y, mo, d)) if valid(y, mo, d) else None
    if kind == "my":
        return Mention(s, e, kind, PartialDate(int(g["y"]), month_number(g["mon"])))
    if kind == "month_rel":
        return Mention(s, e, kind, month=month_number(g["mon"]),
                       offset=_OFFSETS[g["rel"].lower()], unit="month_of_year")
    if kind == "holiday":
        name = " ".join(g["name"].lower().replace("’", "'").split())
        name = name.removeprefix("the ")
        rel = " ".join((g["rel"] or "").lower().split())
        # Names that also name things ("the Good Friday agreement", "Easter eggs") count only
        # after a preposition or a determiner, or with a year.
        bare = name in ("christmas", "thanksgiving", "easter", "may day", "good friday",
                        "easter sunday", "easter monday")
        if bare and not rel and g["y"] is None:
            return None
        after = _WORD_AFTER.match(text, e, min(len(text), e + 30))
        if g["y"] is None and after is not None and after.group(1) in _HOLIDAY_THINGS:
            return None
        start = s if rel in _OFFSETS else m.start("name")
        if g["y"] is not None:
            day = _holiday(name, int(g["y"]))
            return Mention(start, e, kind, PartialDate(*day)) if day else None
        # "before Easter" in a past-tense sentence is still the coming Easter: the nearest.
        direction = {"last": "past", "next": "future", "this": "this", "since": "past",
                     "until": "future", "till": "future", "before": "nearest",
                     "ahead of": "nearest", "around": "nearest"}.get(rel, "")
        return Mention(start, e, kind, unit="holiday", name=name, direction=direction)
    if kind == "spelled_year":
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[g["c"].lower()]
        rest = g["r"].lower().replace("-", " ").split()
        if rest == ["hundred"]:
            value = 0
        elif rest[0] in ("oh", "o"):
            value = _ONES.index(rest[1]) + 1
        elif rest[0] in _TEENS:
            value = _TEENS.index(rest[0]) + 10
        else:
            value = _TENS_VALUE[rest[0]] + (_ONES.index(rest[1]) + 1 if len(rest) > 1 else 0)
        if century == 2000 and value < 10 and rest[0] not in ("oh", "o"):
            return None
        return Mention(s, e, kind, PartialDate(century + value))
    if kind == "spelled_2000":
        tail = (g["r"] or "").lower()
        value = (_ONES.index(tail) + 1 if tail in _ONES else
                 _TEENS.index(tail) + 10 if tail in _TEENS else 0)
        return Mention(m.start() + len(g["prep"]) + 1, e, kind, PartialDate(2000 + value))
    if kind == "decade":
        return Mention(s, e, kind, PartialDate(int(g["dec"]) * 10, decade=True))
    if kind == "short_decade":
        words = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties")
        tens = int(g["d2"]) if g["d2"] else words.index(g["word"].lower()) + 2
        return Mention(s, e, kind, unit="decade2", offset=tens * 10)
    if kind == "fiscal":
        fy = g["fy"]
        year = int(fy) if len(fy) == 4 else 2000 + int(fy)
        return Mention(s, e, kind, PartialDate(year))
    if kind == "ago":
        n = _count(g["n"].split()[0]) if len(g["n"].split()) == 1 else None
        if n is None or n > 200:
            return None  # "a few years ago": no date to give
        unit = g["unit"].lower().rstrip("s")
        if unit == "decade":
            unit, n = "year", n * 10
        if (g["tail"] or "").strip().lower() == "today":
            unit = "year_today"  # "a year ago today": the same day, N years back
        return Mention(s, e, kind, unit="ago", grain=unit, offset=-n)
    if kind == "anchored_n":
        n = _count(g["n"])
        if n is None or n > 200:
            return None
        sign = -1 if g["tail"].lower() == "earlier" else 1
        return Mention(s, e, kind, unit="anchored", grain=g["unit"].lower().rstrip("s"),
                       offset=sign * n)
    if kind == "anchored":
        phrase = " ".join(g["phrase"].lower().split())
        tail = (g["tail"] or "").strip().lower()
        first = phrase.split()[0] if phrase.split() else ""
        # "a year later", "the day before": only with a direction word.
        if first in ("a", "one", "the") and phrase.split()[1:2] == [g["unit"].lower()] \
                and not tail:
            return None
        offset = 0
        if "following" in phrase or "next" in phrase or tail in ("after", "later"):
            offset = 1
        elif "previous" in phrase or "preceding" in phrase or tail in ("before", "earlier"):
            offset = -1
        return Mention(s, e, kind, unit="anchored", grain=g["unit"].lower(), offset=offset)
    if kind == "year_end":
        return Mention(s, e, kind, unit="year_end")
    if kind == "month_end":
        return Mention(s, e, kind, unit="month")
    if kind == "in_the_day":
        return Mention(s, e, kind, unit="day")
    if kind in ("dm", "md"):
        d = int(re.sub(r"\D", "", g.get("d0") or g["d"]))
        mo = month_number(g["mon"])
        if not valid(2000, mo, d):
            return None
        # "as of March 20" is a date passed: a count or a stake held then.
        return Mention(m.start("mon"), e, kind, month=mo, day=d, unit="monthday",
                       direction="past" if g.get("asof") else "")
    if kind == "year":
        if not _is_year(text, s, e):
            return None
        return Mention(s, e, kind, PartialDate(int(g["y"])))
    if kind == "rel_period":
        return Mention(s, e, kind, offset=_OFFSETS[g["rel"].lower()], unit=g["unit"].lower())
    if kind == "season":
        return Mention(s, e, kind, offset=_OFFSETS[g["rel"].lower()], unit="year")
    if kind == "bare_month":
        prep = g["prep"].lower()
        if g["mon"] == "May" and prep in ("to", "of", "for", "between"):
            return None  # "spoke to May", "the resignation of May": a name
        # "this March" / "last March" / "next March" fix the direction outright.
        direction = ("future" if prep in ("next", "until", "till") else
                     "past" if prep in ("since", "last") else "this" if prep == "this" else "")
        start = s if prep in ("last", "next", "this", "early", "late", "mid-") \
            else m.start("mon")
        return Mention(start, e, kind, month=month_number(g["mon"]), unit="bare_month",
                       direction=direction, offset=-1 if prep == "last" else 0)
    if kind == "weekday":
        rel = " ".join((g["rel"] or "").lower().split())
        before = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if not rel and before is not None and before.group(1).lower() in _NAMED_DAYS:
            return None  # "Black Friday", "Super Tuesday": a named day
        after = _WORD_AFTER.match(text, e, min(len(text), e + 30))
        if not rel and after is not None and after.start(1) == e + 1 and (
                after.group(1) in _WEEKDAY_THINGS
                or (after.group(1)[:1].isupper() and after.group(1)[:3].lower() not in MONTHS)):
            return None  # "the Sunday Times", "Friday prayers": a name or a thing
        direction = ("future" if rel in ("next", "as early as", "as soon as") else
                     "past" if rel in ("last", "since") else "")
        start = s if rel in ("last", "next", "this") else m.start("wd")
        return Mention(start, e, kind, day=WEEKDAYS[g["wd"].lower()], unit="weekday",
                       direction=direction, offset=-1 if rel == "last" else 0)
    if kind == "deictic":
        word = g["deixis"].lower()
        if word in ("today", "tonight") and _NOT_TODAY_BEFORE.search(text, max(0, s - 12), s):
            return None
        if g["deixis"][0].isupper() and not _opens_sentence(text, s):
            return None  # "USA Today", "the Today programme": a name
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return Mention(s, e, kind, offset=offset, unit="day")
    return None


_NEEDS_DIGITS = frozenset({"iso", "numeric", "decade", "year"})


def find_mentions(text: str) -> list[Mention]:
    """Return the date expressions in `text`, non-overlapping, in order of position.

    Linear in the text: a byte per character marks what earlier patterns claimed.
    """
    taken = bytearray(len(text) + 1)
    found: list[Mention] = []
    lower = text.lower()
    digits = any(c.isdigit() for c in text)
    for kind, pattern in _PATTERNS:
        gate = _GATES.get(kind)
        if gate is None and not digits and kind in _NEEDS_DIGITS:
            continue
        if gate is not None and not any(word in lower for word in gate):
            continue
        for m in pattern.finditer(text):
            if taken.find(1, m.start(), m.end()) >= 0:
                continue
            mention = _mention(kind, m, text)
            if mention is not None:
                taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
                found.append(mention)
    found.sort(key=lambda x: x.start)
    return found


# --- tense of the clause ------------------------------------------------------------------------

Tense = Literal["past", "future", "present", "report", ""]

_FUTURE_WORDS = frozenset({
    "will", "shall", "would", "wo", "could", "may", "might", "going", "plans", "plan",
    "planned", "planning", "scheduled", "expected", "expects", "due", "aims", "intends",
    "hopes", "upcoming", "next", "proposed"})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "said", "told", "ago", "met", "left", "came", "went", "took",
    "gave", "made", "began", "became", "held", "won", "lost", "sent", "found", "saw", "fell",
    "rose", "brought", "bought", "sold", "spoke", "wrote", "ran", "led", "paid", "kept",
    "struck", "fled", "got", "built", "broke", "chose", "drew", "drove", "fought", "flew",
    "forgot", "froze", "grew", "heard", "hid", "knew", "laid", "lay", "lent", "meant", "rode",
    "rang", "sank", "sat", "shook", "shot", "shut", "slid", "spent", "spread", "stood", "stole",
    "swore", "taught", "thought", "threw", "understood", "woke", "wore", "withdrew", "overtook",
    "sought", "sprang", "swam", "tore", "upheld", "undertook", "felt", "announced", "died",
    "killed"})
"""Past forms; those that are also present or base forms (cut, hit, put, set) are left out."""
_REPORT_WORDS = frozenset({"says", "tells", "announces", "reports", "confirms", "insists",
                           "warns", "admits", "denies"})
_PRESENT_WORDS = frozenset({
    "is", "are", "am", "has", "have", "does", "do", "remains", "stays", "runs", "begins",
    "starts", "opens", "ends", "closes", "meets", "takes", "expires", "comes", "goes", "lasts",
    "continues", "meet", "begin", "start", "open", "close", "resume", "vote", "return",
    "gather", "arrive", "resumes", "votes", "returns", "arrives", "gathers"})
"""Present forms; scheduled events in news take them: "The summit opens Tuesday"."""
_BASE_FORMS = frozenset({"meet", "begin", "start", "open", "close", "resume", "vote", "return",
                         "gather", "arrive"})
"""Present forms that are also nouns ("the close", "a vote"): verbs only after no determiner."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
                          "of", "to", "for", "my", "your", "early", "late"})
_AUX_BEFORE_PARTICIPLE: dict[str, Tense] = {
    "is": "present", "are": "present", "am": "present", "has": "present", "have": "present",
    "was": "past", "were": "past", "had": "past"}
_MODALS = frozenset({"will", "would", "shall", "could", "may", "might", "should", "must",
                     "can", "wo"})
_SKIPPED_ADVERBS = frozenset({"not", "also", "already", "just", "still", "now", "since",
                              "then", "later", "first", "n't", "yet", "never"})
_NOT_VERBS_ED = frozenset({
    "red", "bed", "need", "speed", "feed", "hundred", "seed", "proceed", "exceed", "indeed",
    "shed", "united", "based", "concerned", "limited", "related", "alleged", "detailed",
    "advanced", "experienced", "armed", "embattled", "troubled", "so-called", "supposed",
    "interested", "skilled", "talented", "aged", "bred", "sacred", "wicked", "naked",
    "deed", "creed", "greed", "breed", "weed", "reed", "fled", "led", "wed", "bled"})
_CLAUSE_LEFT = re.compile(r"[;:—–]|,\s|\b(?:that|which|who|whom|because|while|although|but"
                          r"|when|whereas|unless|if|how|why|whether|what)\b")
_CLAUSE_RIGHT = re.compile(r"[;:,.—–]|\b(?:that|which|who|whom|because|while|although|but"
                           r"|when|and|whereas|unless|if|how|why|whether|what)\b")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_WINDOW = 240
"""Characters looked at either side of an expression when judging its tense."""


def _marker(word: str) -> Tense:
    low = word.lower().replace("’", "'")
    if low.endswith("'ll") or low in _FUTURE_WORDS:
        return "future"
    if low in _REPORT_WORDS:
        return "report"
    if low in _PAST_WORDS:
        return "past"
    if low in _PRESENT_WORDS:
        return "present"
    if low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS_ED and word[:1].islower():
        return "past"
    return ""


_NOT_INFINITIVES = frozenset({
    "school", "work", "court", "church", "bed", "war", "power", "office", "market", "trial",
    "jail", "prison", "date", "town", "sea", "hospital", "college", "parliament", "congress",
    "home", "be", "have", "a", "an", "the", "this", "that", "his", "her", "its", "their", "our",
    "my", "your", "them", "him", "me", "us", "it", "what", "which", "whom", "about", "around",
    "all", "some", "each", "every", "one", "two", "three", "more", "less", "zero", "nearly"})


_DIRECTIVES = frozenset({
    "urge", "urged", "urges", "ask", "asked", "asks", "want", "wanted", "wants", "agree",
    "agreed", "agrees", "promise", "promised", "promises", "vow", "vowed", "vows", "pledge",
    "pledged", "pledges", "intend", "intended", "intends", "seek", "sought", "seeks",
    "threaten", "threatened", "threatens", "order", "ordered", "orders", "invite", "invited",
    "invites", "plan", "plans", "planned", "expect", "expected", "expects", "aim", "aims",
    "hope", "hoped", "hopes", "prepare", "prepared", "prepares", "told", "tell", "tells"})
"""Verbs whose "to" complement is still to come: "urged both sides to return on Tuesday"."""


def _infinitive(word: str) -> bool:
    """Return True for a word after "to" that reads as a verb (`return`), not a noun phrase."""
    return (word.isalpha() and word.islower() and word not in _NOT_INFINITIVES
            and not word.endswith(("s", "ed", "ing", "ly")))


def _aspect(words: list[str], markers: list[Tense]) -> list[Tense]:
    """Return the markers with each participle after a form of "be" or "have" given the tense
    of its auxiliary: "will be released" is future, "has been postponed" present, "had been
    closed" past."""
    out = list(markers)
    for i, marker in enumerate(markers):
        if i > 1 and words[i - 1] == "to" and _infinitive(words[i]) \
                and any(w in _DIRECTIVES for w in words[max(0, i - 6):i - 1]):
            out[i] = "future"  # "urged both sides to return on Tuesday": not yet done
            continue
        if not marker or i == 0:
            continue
        if words[i] in _BASE_FORMS and words[i - 1] in _DETERMINERS:
            out[i] = ""  # "towards the close", "to vote": no finite verb
            continue
        if marker != "past":
            j = i - 1
            while j >= 0 and words[j] in _SKIPPED_ADVERBS:
                j -= 1
            if j >= 0 and (words[j] in _MODALS or words[j].endswith("'ll")):
                out[i] = "future"  # "will return", "would meet"
            continue
        j = i - 1
        while j >= 0 and words[j] in _SKIPPED_ADVERBS:
            j -= 1
        if j < 0:
            continue
        aux = words[j]
        if aux in ("be", "been", "being"):
            k = j - 1
            while k >= 0 and words[k] in _SKIPPED_ADVERBS:
                k -= 1
            before = words[k] if k >= 0 else ""
            if before in _MODALS or before.endswith("'ll") or aux == "be":
                out[i] = "future" if before != "to" else ""
            elif before in _AUX_BEFORE_PARTICIPLE:
                out[i] = _AUX_BEFORE_PARTICIPLE[before]
        elif aux in _AUX_BEFORE_PARTICIPLE:
            out[i] = _AUX_BEFORE_PARTICIPLE[aux]
        elif aux in _MODALS:
            out[i] = "future"
    return out


def _nearest(tokens: list[tuple[int, Tense]], at: int) -> Tense:
    """Return the tense of the marker nearest (in words) to the token index `at`, the left one
    on a tie: auxiliaries come before the verb."""
    left = [(at - i, t) for i, (_, t) in enumerate(tokens[:at]) if t]
    right = [(i - at, t) for i, (_, t) in enumerate(tokens[at:], start=at) if t]
    best_left = min(left, default=None)
    best_right = min(right, default=None)
    if best_left is None:
        return best_right[1] if best_right else ""
    if best_right is None or best_left[0] <= best_right[0]:
        return best_left[1]
    return best_right[1]


def clause_tense(text: str, lo: int, hi: int, start: int, end: int) -> Tense:
    """Return the tense that governs the expression at `text[start:end]` inside the sentence
    `text[lo:hi]`: the nearest tense marker in its own clause, else in the sentence.

    "The FAA on Friday announced it will close 149 towers" is past (announced is nearer than
    will); "said Monday they will" is past; "which is expected in December" is future.
    """
    lo, hi = max(lo, start - _WINDOW), min(hi, end + _WINDOW)
    left = max((m.end() for m in _CLAUSE_LEFT.finditer(text, lo, start)), default=lo)
    right_match = _CLAUSE_RIGHT.search(text, end, hi)
    right = right_match.start() if right_match else hi
    for a, b in ((left, right), (lo, hi)):
        before = [t.group() for t in _TOKEN.finditer(text, a, start)]
        after = [t.group() for t in _TOKEN.finditer(text, end, b)]
        words = [w.lower().replace("’", "'") for w in (*before, "", *after)]
        markers = _aspect(words, [_marker(w) if w else "" for w in (*before, "", *after)])
        tense = _nearest(list(enumerate(markers)), len(before))
        if tense:
            return tense
    return ""


# --- resolving ----------------------------------------------------------------------------------


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


def _holiday(name: str, year: int) -> tuple[int, int, int] | None:
    """Return the (year, month, day) of a holiday in `year`."""
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return (year, month, day)
    found: dt.date | None = None
    if name.startswith("thanksgiving"):
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
    return (found.year, found.month, found.day) if found else None


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
    if mention.direction and mention.direction != "nearest":
        return mention.direction
    if mention.direction == "nearest":
        return ""
    if tense == "future":
        return "future"
    if tense in ("past", "report"):
        return "past"
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
    unit = mention.unit
    if unit == "anchored":
        return _resolve_anchored(mention, anchor, ref)
    if ref is None:
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
        this_year = _holiday(mention.name, ref.year)
        if this_year is None:
            return None
        year = _pick_year(this_year[1], this_year[2], ref, direction)
        found = _holiday(mention.name, year)
        return PartialDate(*found) if found else None
    if unit == "ago":
        if mention.grain == "year_today" and ref.day is not None and ref.month is not None:
            year = ref.year + mention.offset
            if valid(year, ref.month, ref.day):
                return PartialDate(year, ref.month, ref.day)
            return None
        if mention.grain == "year":
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


__all__ = [
    "DATE_FORMS",
    "DATE_SEARCH",
    "MONTHS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "Anchor",
    "Mention",
    "PartialDate",
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
