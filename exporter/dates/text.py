"""Date expressions in running text, found with our own patterns; `resolving` places them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gates import Gates
from .holidays import holiday_date as _holiday
from .strings import MONTH_NAMES, MONTHS, WEEKDAYS, PartialDate, month_number, valid
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
            r"|Valentine[’']s\s+Day|Halloween|St\.?\s+(?:Patrick|Stephen)[’']s\s+Day|Bastille\s+Day"
            r"|Anzac\s+Day|Australia\s+Day"
            r"|(?:the\s+)?(?:Fourth\s+of\s+July|July\s+Fourth)|Veterans\s+Day|Armistice\s+Day|Remembrance\s+Day"
            r"|May\s+Day|Thanksgiving(?:\s+Day)?|Labou?r\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?"
            r"|Good\s+Friday|Easter\s+Monday|Black\s+Friday|Cyber\s+Monday|Ash\s+Wednesday"
            r"|Palm\s+Sunday|Election\s+Day|Inauguration\s+Day|Juneteenth|Columbus\s+Day"
            r"|(?:Martin\s+Luther\s+King(?:,?\s+Jr\.?)?|MLK)\s+Day|Presidents?[’']?s?\s+Day)")
_HOLIDAY_THINGS = _WORDS["holiday_things"]
_HOLIDAY_EVENTS = _WORDS["holiday_events"]
_BARE_HOLIDAYS = frozenset({
    "christmas", "thanksgiving", "easter", "may day", "good friday", "easter sunday",
    "easter monday", "black friday", "cyber monday", "ash wednesday", "palm sunday",
    "election day", "inauguration day", "juneteenth", "columbus day", "anzac day",
    "australia day"})
"""Holiday names that count only after a preposition, a determiner or a verb, or with a year."""
_HOLIDAY_PREP = (r"(?:on|at|by|before|after|since|until|till|over|around|for|during|of|from"
                 r"|through|throughout|to|past|ahead\s+of)")
# Verbs whose object is the day itself: "spent Thanksgiving at his estate". Not the habitual
# present ("families celebrate Christmas at home"), which names no one day.
_HOLIDAY_VERB = r"(?:spent|spend|spending|celebrated|celebrating)"
# Weekday names inside names of days, not dates of this week: "Black Friday", "Super Tuesday".
_NAMED_DAYS = _WORDS["named_days"]

_WEEKDAY_THINGS = _WORDS["weekday_things"]
_RELATIVE_WORD = r"(?i:this|last|next)"

_STARTS = {
    "year": "[12]", "dmy": "[0-9]", "dm": "[0-9]", "mdy": "[JFMASOND]", "my": "[JFMASOND]",
    "md": "[aAJFMSOND]", "anchored": "[TtAaOo]", "bare_month": "(?i:[isdutbfaelmno])",
    "rel_period": "(?i:[elmtn])", "year_end": "(?i:[abtu])",
    "weekday": "(?i:[lntofsbua])|[MTWFS]",
}
"""The characters a match of each pattern can start with (a day's or year's digit, a month's
or weekday's capital, the first letter of each word it may open with): looked for first, they
pass over every other position of a paragraph with one test, where the engine would try the
pattern's look-behind and alternatives there (each of these scans took two to three times as
long). Keep each beside its pattern's first words."""


def _compile(name: str, rx: str) -> re.Pattern[str]:
    start = _STARTS.get(name)
    return re.compile(rx if start is None else f"(?={start})(?:{rx})")


# Each pattern names its groups; `_mention` reads them. Order matters: earlier patterns claim
# their characters first, so full dates win over the month-year or year inside them.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, _compile(name, rx)) for name, rx in (
        ("iso", rf"\b(?P<y>{_YEAR})[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>[0-3]?\d)\b(?![-/]\d)"),
        ("numeric", rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{_YEAR})\b"),
        ("dmy", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
        ("mdy", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:\s*[-–]\s*\d\d?)?,?\s+(?P<y>{_YEAR})\b"),
        ("my", rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b(?![-–/]\d)"),
        ("month_rel",
         rf"\b(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?(?P<rel>{_RELATIVE_WORD})\s+year\b"),
        ("holiday", rf"(?:\b(?P<rel>{_RELATIVE_WORD}|(?i:{_HOLIDAY_PREP}|{_HOLIDAY_VERB}))\s+)?"
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
        # "the flood of '97", "since '08": a year by its last two digits, after a word that
        # takes a year; not "'90s" (a decade) nor a height or a score.
        ("short_year", r"[’'](?P<yy>\d\d)(?![\w’'-]|[.,]\d|\s*(?:%|per\b))"),
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
        ("deictic", r"\b(?P<deixis>(?i:yesterday|today|tonight|tomorrow|last\s+night))\b"),
    )
)

# Each pattern runs only where its gate (`gates.Gates`) finds what it needs.
_KINDS = tuple(kind for kind, _ in _PATTERNS)

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
_MEASURED_PERIODS = _WORDS["measured_periods"]
# A house number: one to three capitalised words, then a street word.
_STREET_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard"
    r"|Blvd|Drive|Dr|Lane|Ln|Place|Pl|Court|Ct|Parkway|Pkwy|Highway|Hwy|Terrace|Plaza"
    r"|Square|Sq|Way)\b")
# Words before a number that make it a year even then: "In 1968 Pennsylvania Avenue was shut",
# "the 1995 Main Street fire"; a house number follows "at", "to", "from" or a verb.
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:in|since|during|until|till|before|after|by|circa|of|the)\s+$", re.IGNORECASE)
# "the 2000 block of Lincoln Avenue": a block of house numbers, as police and courts give places.
_BLOCK_AFTER = re.compile(r"\s+block\s+(?:of|on)\b", re.IGNORECASE)
# "the last night of the festival", "their last night": a night of a stay, not yesterday's.
_LAST_NIGHT_NOT_DAY = re.compile(r"\s+(?:of|in|at|before)\b")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|my|your|that|this|whose)\s+$", re.IGNORECASE)
# A weekday that recurs: "every Tuesday", "each Monday", "the second Tuesday of the month".
_RECURRING_BEFORE = re.compile(
    r"\b(?:(?:every|each)(?:\s+other)?|alternate|the\s+(?:first|second|third|fourth|fifth|last"
    r"|final|1st|2nd|3rd|4th|5th))\s+$", re.IGNORECASE)
_SHORT_YEAR_BEFORE = re.compile(r"\b(?:of|in|since|from|until|till|by|through|the|circa)\s+$",
                                re.IGNORECASE)
_NOT_TODAY_BEFORE = re.compile(r"\b(?:till|until|to|of|from|up\s+to|even|still)\s+$", re.I)
_OFFSETS = {"this": 0, "last": -1, "next": 1}
# "a Tuesday" (any one, or a date's weekday in apposition: "On Aug. 22, a Tuesday"), "the
# following Tuesday" (counted from a narrative's moment the sentence does not name): no date.
_UNANCHORED_WEEKDAY_BEFORE = re.compile(
    r"\b(?:a|the\s+(?:following|previous|preceding|same))\s+$", re.IGNORECASE)
# "the senator's man Friday", "his girl Friday": an aide, not a day ("arrested a man Friday" is
# a day: only after a possessive).
_PERSON_DAY_BEFORE = re.compile(
    r"(?:['’]s|\b(?:his|her|their|my|your|our))\s+(?:man|girl|gal)\s+$", re.IGNORECASE)
# Before a holiday's event: any year's ("never missed an Easter service").
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|every|each|any|no)\s+$", re.IGNORECASE)

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
    custom: bool = False
    """For holidays named by what is held on them ("Easter services"): in a present clause the
    custom ("the cathedral holds Easter services in three languages"), no one day."""

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
    if _BLOCK_AFTER.match(text, end, min(len(text), end + 12)):
        return False  # "the 2000 block of Lincoln Avenue"
    if _STREET_AFTER.match(text, end, min(len(text), end + 60)) \
            and not _YEAR_WORD_BEFORE.search(text, max(0, start - 12), start):
        return False  # "1600 Pennsylvania Ave.": a street number; not "In 1968 Pennsylvania …"
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
        name = re.sub(r"^st\.? ", "st. ", name.removeprefix("the "))
        rel = " ".join((g["rel"] or "").lower().split())
        # Names that also name things ("the Good Friday agreement", "Easter eggs") count only
        # after a preposition or a determiner, or with a year.
        # So do the civic days: "Election Day should be a holiday" names no one day.
        bare = name in _BARE_HOLIDAYS or name.startswith(("martin luther", "mlk", "president"))
        after = _WORD_AFTER.match(text, e, min(len(text), e + 30))
        # "the cathedral's Easter services", "the Queen's Christmas message": held on the day.
        custom = after is not None and after.start(1) == e + 1 and not rel \
            and after.group(1).lower() in _HOLIDAY_EVENTS
        if custom and _INDEFINITE_BEFORE.search(text, max(0, s - 12), s):
            return None  # "never missed an Easter service": any year's, no one day
        if bare and not rel and g["y"] is None and not custom:
            return None
        if g["y"] is None and after is not None and after.group(1) in _HOLIDAY_THINGS:
            return None
        start = s if rel in _OFFSETS else m.start("name")
        if g["y"] is not None:
            day = _holiday(name, int(g["y"]))
            return Mention(start, e, kind, PartialDate(*day)) if day else None
        # "before Easter" in a past-tense sentence is still the coming Easter: the nearest.
        direction = {"last": "past", "next": "future", "this": "this", "since": "past",
                     "until": "onward", "till": "onward", "through": "onward", "by": "onward",
                     "before": "nearest", "ahead of": "nearest", "around": "nearest"}.get(rel, "")
        return Mention(start, e, kind, unit="holiday", name=name, direction=direction,
                       custom=custom)
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
    if kind == "short_year":
        if not _SHORT_YEAR_BEFORE.search(text, max(0, s - 12), s):
            return None
        # The century needs the article's date: `resolving` picks it.
        return Mention(s, e, kind, unit="short_year", offset=int(g["yy"]))
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
        tail = " ".join((g["tail"] or "").lower().split())
        if tail == "today":
            unit = "year_today"  # "a year ago today": the same day, N years back
        elif tail == "this month" and unit == "year":
            unit = "year_month"  # "forty years ago this month": the month, N years back
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
        direction = ("future" if prep == "next" else "past" if prep in ("since", "last")
                     else "this" if prep == "this"
                     else "onward" if prep in ("until", "till", "through", "by") else "")
        if prep == "for" and _word_before(text, s) not in _SCHEDULED:
            # "sales for March will be released": the month the figures cover, the nearest;
            # "scheduled for March" keeps the tense's reading.
            direction = "nearest"
        if prep == "through" and _word_before(text, s) in _MEASURED_PERIODS:
            # "the 12 months through March", "figures through June": a period measured up to
            # the month, which has mostly gone by; the nearest, as for "sales for March".
            direction = "nearest"
        start = s if prep in ("last", "next", "this", "early", "late", "mid-") \
            else m.start("mon")
        return Mention(start, e, kind, month=month_number(g["mon"]), unit="bare_month",
                       direction=direction, offset=-1 if prep == "last" else 0)
    if kind == "weekday":
        rel = " ".join((g["rel"] or "").lower().split())
        if _RECURRING_BEFORE.search(text, max(0, m.start("wd") - 30), m.start("wd")):
            return None  # "every Tuesday", "the second Tuesday of the month": no one day
        before = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if not rel and before is not None and before.group(1).lower() in _NAMED_DAYS:
            return None  # "Black Friday", "Super Tuesday": a named day
        if not rel and (_UNANCHORED_WEEKDAY_BEFORE.search(text, max(0, s - 20), s)
                        or _PERSON_DAY_BEFORE.search(text, max(0, s - 40), s)):
            return None  # "The following Tuesday", "Aug. 22, a Tuesday", "his man Friday"
        after = _WORD_AFTER.match(text, e, min(len(text), e + 30))
        if after is not None and after.start(1) == e + 1 and (
                after.group(1).lower() in _WEEKDAY_THINGS
                or (not rel and after.group(1)[:1].isupper()
                    and after.group(1)[:3].lower() not in MONTHS)):
            return None  # "the Sunday Times", "from Thursday Island": a name or a thing
        direction = ("future" if rel in ("next", "as early as", "as soon as") else
                     "past" if rel in ("last", "since") else
                     "onward" if rel in ("by", "until", "till") else "")
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
        if word.startswith("last"):
            word = "last night"
            if _LAST_NIGHT_NOT_DAY.match(text, e) or _DETERMINER_BEFORE.search(
                    text, max(0, s - 12), s):
                return None  # "the last night of the festival", "on their last night"
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}[word]
        return Mention(s, e, kind, offset=offset, unit="day")
    return None


def find_mentions(text: str) -> list[Mention]:
    """Return the date expressions in `text`, non-overlapping, in order of position.

    Linear in the text: a byte per character marks what earlier patterns claimed.
    """
    taken = bytearray(len(text) + 1)
    found: list[Mention] = []
    for (kind, pattern), is_open in zip(_PATTERNS, Gates(text).opened(_KINDS), strict=True):
        if not is_open:
            continue
        for m in pattern.finditer(text):
            if taken.find(1, m.start(), m.end()) >= 0:
                continue
            mention = _mention(kind, m, text)
            if mention is not None:
                taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
                found.append(mention)
    found.sort(key=lambda x: x.start)
    return _with_coordinated_months(text, found, taken)


# A month joined to a month before it: "in November and December", "between March and June",
# "in March, April or May". It shares the first one's preposition, so it is read as it is; not
# before a capitalised word ("in April, June Carter sang"), mostly a name.
_COORDINATED_MONTH = re.compile(
    rf"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:(?:early|late|mid)[- ])?"
    rf"(?P<mon>{_MONTH_FULL})\b(?!\s*\d|[’']s\b|\s+[A-Z][a-z])")
# "May" joined to a month is the month only before punctuation or a function word: not
# "met in March and May said", where May is a name.
_MAY_FOLLOWS = re.compile(r"\s*(?:$|[^\w\s]|(?:the|a|an|in|of|to|for|and|or|this|last|next"
                          r"|when|as|at|on|before|after|while|with|because|but|so|both"
                          r"|respectively|alone)\b)")


def _with_coordinated_months(text: str, found: list[Mention], taken: bytearray
                             ) -> list[Mention]:
    """Return `found` with the months joined to a month before them ("in November and
    December"), each read with the first one's direction."""
    if not any(m.unit == "bare_month" or m.kind == "my" for m in found):
        return found
    out: list[Mention] = []
    for mention in found:
        out.append(mention)
        head = mention
        while head.unit == "bare_month" or head.kind == "my":
            m = _COORDINATED_MONTH.match(text, head.end)
            if m is None or taken.find(1, m.start("mon"), m.end()) >= 0 \
                    or (m.group("mon") == "May" and not _MAY_FOLLOWS.match(text, m.end())):
                break
            month = month_number(m.group("mon"))
            if head.when is not None:
                # "in March 2019, April and May": a later month of the same year.
                if head.when.month is None or month <= head.when.month:
                    break
                head = Mention(m.start("mon"), m.end(), "my", PartialDate(head.when.year, month))
            else:
                head = Mention(m.start("mon"), m.end(), "bare_month", month=month,
                               unit="bare_month", direction=mention.direction,
                               offset=mention.offset)
            taken[head.start:head.end] = b"\x01" * (head.end - head.start)
            out.append(head)
    out.sort(key=lambda x: x.start)
    return out


__all__ = ["Mention", "find_mentions"]
