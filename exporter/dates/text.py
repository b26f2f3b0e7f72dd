"""Date expressions in running text: found with our own patterns, resolved against a reference
date, the tense of their clause and the anchors the text gives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .holidays import holiday_date as _holiday
from .strings import MONTH_NAMES, MONTHS, WEEKDAYS, Anchor, PartialDate, month_number, valid
from .tense import Tense
from .wordlists import word_lists

_WORDS = word_lists("text")
"""The word lists of `words.toml` that make a date-like expression something else."""

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

_HOLIDAY = (r"(?:Christmas(?:\s+(?:Eve|Day))?|Boxing\s+Day|New\s+Year[’']s\s+(?:Eve|Day)"
            r"|Valentine[’']s\s+Day|Halloween|St\.?\s+Patrick[’']s\s+Day|Bastille\s+Day"
            r"|(?:the\s+)?Fourth\s+of\s+July|Veterans\s+Day|Armistice\s+Day|Remembrance\s+Day"
            r"|May\s+Day|Thanksgiving(?:\s+Day)?|Labou?r\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?"
            r"|Good\s+Friday|Easter\s+Monday|Black\s+Friday|Cyber\s+Monday|Ash\s+Wednesday"
            r"|Palm\s+Sunday)")
_HOLIDAY_THINGS = _WORDS["holiday_things"]
_HOLIDAY_PREP = (r"(?:on|at|by|before|after|since|until|till|over|around|for|during|of|from"
                 r"|through|throughout|to|past|ahead\s+of)")
# Weekday names inside names of days, not dates of this week: "Black Friday", "Super Tuesday".
_NAMED_DAYS = _WORDS["named_days"]

_WEEKDAY_THINGS = _WORDS["weekday_things"]
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
                "thanksgiving", "labor day", "labour day", "memorial day", "easter", "good friday",
                "black friday", "cyber monday", "ash wednesday", "palm sunday"),
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
_MORE_COUNT_NOUNS = _WORDS["count_nouns"]
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
    possessive: bool = False
    """For weekdays: "Monday's announcement", which a present tense elsewhere does not date."""

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
    from ..analysis.figures import COUNT_NOUNS, UNIT_WORDS

    return frozenset(COUNT_NOUNS) | frozenset(UNIT_WORDS)


def _word_before(text: str, at: int) -> str:
    before = _WORD_BEFORE.search(text, max(0, at - 30), at)
    return before.group(1).lower() if before is not None else ""


_SCHEDULED = frozenset({"scheduled", "planned", "set", "slated", "due", "expected", "pencilled",
                        "penciled", "booked", "proposed", "earmarked", "targeted"})


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
                        "easter sunday", "easter monday", "black friday", "cyber monday",
                        "ash wednesday", "palm sunday")
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
        if prep == "for" and _word_before(text, s) not in _SCHEDULED:
            # "sales for March will be released": the month the figures cover, the nearest;
            # "scheduled for March" keeps the tense's reading.
            direction = "nearest"
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
                       direction=direction, offset=-1 if rel == "last" else 0,
                       possessive=text[e:e + 2] in ("'s", "’s"))
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
    digits = any(map(str.isdigit, text))
    for kind, pattern in _PATTERNS:
        gate = _GATES.get(kind)
        if gate is None and not digits and kind in _NEEDS_DIGITS:
            continue
        if gate is not None and not any(map(lower.__contains__, gate)):
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


# --- resolving ----------------------------------------------------------------------------------


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


__all__ = ["Mention", "find_mentions", "resolve"]
