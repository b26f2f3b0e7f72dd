"""Timeline: an `Article` in, its dated events out, each with the paragraph it came from.

Dates are found with our own patterns (dateparser's `search_dates` reads "may", "march" and bare
numbers as dates), then normalised to ISO 8601 at the precision the text gives: `1950`, `195X`
(a decade), `1971-07`, `2017-06-06`. Relative expressions ("last year", "in March this year",
"on Monday", "On June 6") are resolved against a reference date: the article's own date, or, for
words inside a quotation, the date the text gives that quotation ("in his article on May 14,
2016 … He wrote, “This year …”"). Where there is no reference date a relative expression is
dropped: no date is ever invented.

Choices worth knowing:
- Centuries ("the 19th century") are skipped: a timeline entry a hundred years wide tells a reader
  nothing, and "19th-century" is more often description than event.
- "N years ago" and weeks ("last week") are skipped: speakers use them loosely, and a week has no
  ISO form at the precisions we use.
- `12/10/2020` is ambiguous (day-month or month-day): only the year is kept unless one field is
  above 12.
- A bare month ("in June") takes the year of another date in the same sentence ("Last year,
  during his visit in March" → March of last year); otherwise the nearest such month before the
  reference date, or after it when the clause speaks of the future ("until June", "would … in
  January").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..model import Article, Event, Paragraph
from .figures import COUNT_NOUNS, UNIT_WORDS
from .sentences import split_sentences

MAX_EVENT_WORDS = 30
"""Longest event text wanted, in words, when a sentence has to be cut at clause boundaries."""

WHOLE_SENTENCE_WORDS = 35
"""Sentences up to this long are kept whole: cutting one just over 30 words mostly loses its
subject or its verb."""


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
_OFFSETS = {"this": 0, "last": -1, "next": 1, "previous": -1, "past": -1, "coming": 1}

# Month names are matched case-sensitively: "may" and "march" in lower case are verbs.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October"
               r"|November|December)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Each pattern names its groups; `_Mention` building reads them. Order matters: earlier patterns
# claim their characters first, so full dates win over the month-year or year inside them.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx)) for name, rx in (
        ("iso", rf"\b(?P<y>{_YEAR})[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>[0-3]?\d)\b(?![-/]\d)"),
        ("numeric", rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{_YEAR})\b"),
        ("dmy", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
        ("mdy", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
        ("my", rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b(?![-–/]\d)"),
        ("month_rel",
         rf"\b(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+year\b"),
        ("dm", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH_FULL})\b"),
        ("md", rf"\b(?P<mon>{_MONTH_FULL})\s+(?P<d>{_DAY})\b(?![,.]?\d|\s*(?:%|per))"),
        ("decade", r"\b(?:(?:early|mid|late)[- ])?(?P<dec>1[5-9]\d|20\d)0[’']?s\b"),
        ("fiscal", r"\bFY\s?(?P<fy>\d{4}|\d{2})\b"),
        ("year", rf"(?<![\d.,$€£¥©#])\b(?P<y>{_YEAR})\b(?![.,]\d|\s*(?:%|per\s?cent))"),
        ("rel_period", r"\b(?:(?i:early|earlier|late|later|mid)[- ](?:in[- ])?)?"
                       r"(?P<rel>(?i:this|last|next|the\s+past|the\s+coming))\s+(?P<unit>year|month)\b"),
        ("season", r"\b(?P<rel>(?i:this|last|next))\s+(?:spring|summer|autumn|fall)\b"),
        ("bare_month", rf"\b(?P<prep>(?i:in|since|during|until|till|by|from|before|after|early"
                       rf"|late|mid-|last|next|this))\s+(?:early\s+|late\s+|mid-)?(?P<mon>{_MONTH_FULL})"
                       rf"\b(?!\s*\d)"),
        ("weekday", rf"\b(?:(?P<rel>(?i:last|next|this|on|from|since|by|until))\s+)?(?P<wd>{_WD})\b"
                    rf"(?!s\b|,?\s+(?:\d|{_MONTH}))"),
        ("deictic", r"\b(?P<deixis>(?i:yesterday|today|tonight|tomorrow))\b"),
    )
)

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
_FUTURE = re.compile(
    r"\b(?:will|would|shall|won’t|won't|going\s+to|due\s+to|expected\s+to|plans?\s+to"
    r"|planned|scheduled|set\s+to|next|upcoming|until|till)\b|’ll\b|'ll\b",
    re.IGNORECASE,
)
_FUTURE_PREPS = {"until", "till", "by", "next"}
_PAST_PREPS = {"since", "last", "from"}
_NOT_TODAY_BEFORE = re.compile(r"\b(?:till|until|to|of|from|up\s+to|even|still)\s+$", re.I)

# Words a quotation's date sits near: "in his article on May 14, 2016", "told reporters on …".
_QUOTE_DATE_CUE = re.compile(
    r"\b(?:article|wrote|writes|writing|written|said|says|told|tells|statement|speech|interview"
    r"|report|reported|published|column|op-ed|remarks|letter|blog|post|posted|tweet|tweeted"
    r"|press|conference|briefing|address|testimony|paper|essay|book|declared|announced)\b",
    re.IGNORECASE,
)
_QUOTE_PAIRS = {"“": "”", "\"": "\"", "«": "»"}

# Clause boundaries for trimming long sentences: punctuation first, then coordinators.
_STRONG_BREAK = re.compile(r"\s*[;:]\s+|\s+[—–]\s+|\s+-\s+")
# Only before a lower-case word: a capital after a comma is mostly a list item or a name.
_COMMA_BREAK = re.compile(r",\s+(?=[a-z])")
_WORD_BREAK = re.compile(
    r"\s+(?=(?:(?:in|of|to|for|by|with|from|on|at|during|under)\s+(?:which|whom)|until|till"
    r"|because|although|though|whereas|while|which|who|whom|unless|so\s+that|but)\b)"
)
# "and" before a capital is mostly a list ("Mali and Niger"), not a new clause.
_WEAK_BREAK = re.compile(
    r"\s+(?=(?:(?:and|or)\s+[a-z]|(?:following|with|as\s+well\s+as|thus|amid)\b))"
)
_DANGLING_START = re.compile(
    r"^(?:and|or|but|which|who|whom|whose|when|where|while|whereas|although|though|because"
    r"|until|till|unless|as|so|thus|following|with)\b",
    re.IGNORECASE,
)
# A clause may open with these; any other lower-case opening has lost its subject.
_CLAUSE_OPENER = re.compile(
    r"^(?:in|on|at|by|for|from|during|after|before|since|when|while|if|as|with|according"
    r"|following|including|despite|under|over|through|between|among|last|this|early|late)\b"
)
_TRAILING_FUNCTION_WORD = re.compile(
    r"\s+(?:in|of|on|at|by|for|from|to|with|the|a|an|and|or|but|that|which|who|as)$",
    re.IGNORECASE,
)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:however|yet|but|and|so|moreover|meanwhile|also|still|unfortunately|thus)\b,?\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class _When:
    """A partial date: a decade, a year, a month or a day."""

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


@dataclass(frozen=True, slots=True)
class _Mention:
    """A date expression found in a paragraph, resolved or awaiting its reference date."""

    start: int
    end: int
    kind: str
    when: _When | None = None
    """The date, for absolute expressions."""
    month: int | None = None
    day: int | None = None
    offset: int = 0
    unit: str = ""
    """For relative expressions: `year`, `month`, `monthday`, `bare_month`, `weekday`, `day`."""
    direction: str = ""
    """`past`, `future` or `` (decide from the clause) for expressions without a year."""


def parse_iso(value: str | None) -> _When | None:
    """Return the partial date of an ISO 8601 string (`2017`, `2017-07`, `2017-07-14`)."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    return _When(year, month, day)


def reference_date(article: Article) -> _When | None:
    """Return the date relative expressions are read against: the most precise of the
    article's date and its dateline's date, the article's date when they tie."""
    candidates = [parse_iso(article.meta.date)]
    if article.meta.dateline is not None:
        candidates.append(parse_iso(article.meta.dateline.date))
    found = [c for c in candidates if c is not None]
    if not found:
        return None
    return max(found, key=lambda w: (w.month is not None) + (w.day is not None))


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _is_year(text: str, start: int, end: int) -> bool:
    """Return False for a four-digit number that is a label, amount or count, not a year."""
    if _NOT_YEAR_BEFORE.search(text, max(0, start - 12), start):
        return False
    after = _WORD_AFTER.match(text, end)
    if after is not None:
        word = after.group(1).lower()
        gap = text[end:after.start(1)]
        if "\n" not in gap and (word in COUNT_NOUNS or word in UNIT_WORDS):
            return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = before.group(1)
        # "Vision 2030", "Euro 2024": a capitalised name, unless it opens the sentence.
        prefix = text[:before.start(1)].rstrip()
        opens_sentence = not prefix or prefix[-1] in ".!?“\"(:;"
        if (word[:1].isupper() and word not in _CAPITALISED_OK and word[:3].lower() not in _MONTHS
                and not opens_sentence):
            return False
    return True


def _mention(kind: str, m: re.Match[str], text: str) -> _Mention | None:
    """Return the mention a pattern match stands for, or None when it is not a date."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    if kind == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return _Mention(s, e, kind, _When(y, mo, d)) if _valid(y, mo, d) else None
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if a > 12 and _valid(y, b, a):
            return _Mention(s, e, kind, _When(y, b, a))
        if b > 12 and _valid(y, a, b):
            return _Mention(s, e, kind, _When(y, a, b))
        if a == b and _valid(y, a, a):
            return _Mention(s, e, kind, _When(y, a, a))
        # Day-month or month-day: the year is all the text settles.
        return _Mention(s, e, kind, _When(y)) if 1 <= a <= 31 and 1 <= b <= 31 else None
    if kind in ("dmy", "mdy"):
        y, mo, d = int(g["y"]), _month(g["mon"]), int(re.match(r"\d+", g["d"]).group())  # type: ignore[union-attr]
        return _Mention(s, e, kind, _When(y, mo, d)) if _valid(y, mo, d) else None
    if kind == "my":
        return _Mention(s, e, kind, _When(int(g["y"]), _month(g["mon"])))
    if kind == "month_rel":
        return _Mention(s, e, kind, month=_month(g["mon"]), offset=_OFFSETS[g["rel"].lower()],
                        unit="month_of_year")
    if kind in ("dm", "md"):
        d = int(re.match(r"\d+", g["d"]).group())  # type: ignore[union-attr]
        mo = _month(g["mon"])
        return _Mention(s, e, kind, month=mo, day=d, unit="monthday") if _valid(2000, mo, d) \
            else None
    if kind == "decade":
        return _Mention(s, e, kind, _When(int(g["dec"]) * 10, decade=True))
    if kind == "fiscal":
        fy = g["fy"]
        year = int(fy) if len(fy) == 4 else 2000 + int(fy)
        return _Mention(s, e, kind, _When(year))
    if kind == "year":
        if not _is_year(text, s, e):
            return None
        return _Mention(s, e, kind, _When(int(g["y"])))
    if kind == "rel_period":
        rel = g["rel"].split()[-1].lower()
        return _Mention(s, e, kind, offset=_OFFSETS[rel], unit=g["unit"])
    if kind == "season":
        return _Mention(s, e, kind, offset=_OFFSETS[g["rel"].lower()], unit="year")
    if kind == "bare_month":
        prep = g["prep"].lower()
        # "this March" / "last March" / "next March" fix the direction outright.
        direction = ("future" if prep in _FUTURE_PREPS else
                     "past" if prep in _PAST_PREPS else "this" if prep == "this" else "")
        start = s if prep in ("last", "next", "this", "early", "late", "mid-") else m.start("mon")
        return _Mention(start, e, kind, month=_month(g["mon"]), unit="bare_month",
                        direction=direction)
    if kind == "weekday":
        # "Black Friday", "Easter Sunday": a capitalised word before makes it a name.
        before = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if g["rel"] is None and before is not None and before.group(1)[:1].isupper():
            prefix = text[:before.start(1)].rstrip()
            if prefix and prefix[-1] not in ".!?“\"(:;":
                return None
        rel = (g["rel"] or "").lower()
        direction = ("future" if rel in ("next", "until", "by") else
                     "past" if rel in ("last", "since", "from") else "")
        return _Mention(s, e, kind, day=_WEEKDAYS[g["wd"].lower()], unit="weekday",
                        direction=direction, offset=-1 if rel == "last" else 0)
    if kind == "deictic":
        word = g["deixis"].lower()
        if word in ("today", "tonight") and _NOT_TODAY_BEFORE.search(text, max(0, s - 12), s):
            return None
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return _Mention(s, e, kind, offset=offset, unit="day")
    return None


def find_mentions(text: str) -> list[_Mention]:
    """Return the date expressions in `text`, non-overlapping, in order of position."""
    taken: list[tuple[int, int]] = []
    found: list[_Mention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            mention = _mention(kind, m, text)
            if mention is not None:
                taken.append((m.start(), m.end()))
                found.append(mention)
    found.sort(key=lambda x: x.start)
    return found


def _is_future(clause: str) -> bool:
    return _FUTURE.search(clause) is not None


def _resolve(mention: _Mention, ref: _When | None, clause: str) -> _When | None:
    """Return the date of a relative mention read against `ref`, or None if it cannot be."""
    if mention.when is not None:
        return mention.when
    if ref is None:
        return None
    direction = mention.direction or ("future" if _is_future(clause) else "past")
    unit = mention.unit
    if unit == "year":
        return _When(ref.year + mention.offset)
    if unit == "month_of_year":
        return _When(ref.year + mention.offset, mention.month)
    if unit == "month":
        if ref.month is None:
            return None
        total = ref.year * 12 + ref.month - 1 + mention.offset
        return _When(total // 12, total % 12 + 1)
    if unit in ("monthday", "bare_month"):
        assert mention.month is not None
        year = ref.year
        if ref.month is not None and direction != "this":
            same_month_day = (mention.month == ref.month and mention.day is not None
                              and ref.day is not None)
            if direction == "future":
                # The next such month or day after the reference date.
                if mention.month < ref.month or (same_month_day and mention.day <= ref.day):  # type: ignore[operator]
                    year += 1
            elif mention.month > ref.month or (same_month_day and mention.day > ref.day):  # type: ignore[operator]
                # The latest one not after it.
                year -= 1
        if mention.day is not None and not _valid(year, mention.month, mention.day):
            return None
        return _When(year, mention.month, mention.day)
    if ref.day is None or ref.month is None:
        return None
    base = dt.date(ref.year, ref.month, ref.day)
    if unit == "day":
        day = base + dt.timedelta(days=mention.offset)
    elif unit == "weekday":
        assert mention.day is not None
        if direction == "future":
            day = base + dt.timedelta(days=(mention.day - base.weekday()) % 7 or 7)
        else:
            back = (base.weekday() - mention.day) % 7
            # "last Monday" said on a Monday is a week ago; "on Monday" is the dateline's day.
            day = base - dt.timedelta(days=back or (7 if mention.offset < 0 else 0))
    else:
        return None
    return _When(day.year, day.month, day.day)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the (open, close) offsets of the quotations in a paragraph; an unclosed one runs
    to the end of the paragraph."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _QUOTE_PAIRS:
            close = text.find(_QUOTE_PAIRS[ch], i + 1)
            end = len(text) if close < 0 else close + 1
            spans.append((i, end))
            i = end
        else:
            i += 1
    return spans


def _quote_date(text: str, quote_start: int, mentions: list[_Mention]) -> _When | None:
    """Return the date the text gives a quotation: the last absolute date before it that sits
    next to a word such as "article", "wrote" or "told"."""
    for mention in reversed(mentions):
        if mention.when is None or mention.end > quote_start or mention.when.decade:
            continue
        if len(text[mention.end:quote_start].split()) > 40:
            break
        window = text[max(0, mention.start - 60):min(len(text), mention.end + 40)]
        if _QUOTE_DATE_CUE.search(window):
            return mention.when
    return None


def _segments(sentence: str, pattern: re.Pattern[str]) -> list[tuple[int, int, bool]]:
    """Split `sentence` at `pattern`; each segment says whether a strong break precedes it."""
    out: list[tuple[int, int, bool]] = []
    cursor, strong = 0, True
    for m in pattern.finditer(sentence):
        if m.start() > cursor:
            out.append((cursor, m.start(), strong))
        cursor, strong = m.end(), bool(_STRONG_BREAK.fullmatch(m.group()))
    if cursor < len(sentence):
        out.append((cursor, len(sentence), strong))
    return out


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _best_span(sentence: str, at: int) -> tuple[int, int] | None:
    """Return the best clause-bounded span of `sentence` that holds offset `at` and has at
    most `MAX_EVENT_WORDS` words, or None when every such span is a fragment."""
    segs = _segments(sentence, _BREAKS)
    home = next((i for i, (a, b, _) in enumerate(segs) if a <= at < b), None)
    if home is None:
        return None
    best: tuple[float, int, int] | None = None
    for i in range(home, -1, -1):
        for j in range(home, len(segs)):
            a, b = segs[i][0], segs[j][1]
            chunk = sentence[a:b].strip()
            count = _words(chunk)
            if count > MAX_EVENT_WORDS:
                break
            score = float(count)
            score += 8 if i == 0 else 5 if segs[i][2] else 0
            score += 4 if j == len(segs) - 1 or segs[j + 1][2] else 0
            if _DANGLING_START.match(chunk):
                score -= 10
            elif i > 0 and chunk[:1].islower() and not _CLAUSE_OPENER.match(chunk):
                score -= 6
            if count < 6:
                score -= 15
            if best is None or score > best[0]:
                best = (score, a, b)
    if best is None or _words(sentence[best[1]:best[2]]) < 6:
        return None
    return best[1], best[2]


_BREAKS = re.compile(
    f"{_STRONG_BREAK.pattern}|{_COMMA_BREAK.pattern}|{_WORD_BREAK.pattern}|{_WEAK_BREAK.pattern}"
)


def event_text(sentence: str, at: int) -> str:
    """Return the clause of `sentence` that tells what happened at the date found at offset
    `at`: the whole sentence when short, else a span cut at clause boundaries."""
    span: tuple[int, int] | None = (0, len(sentence))
    if _words(sentence) > WHOLE_SENTENCE_WORDS:
        span = _best_span(sentence, at)
    if span is None:
        # No clause fits: keep a window of words around the date.
        spans = [m.span() for m in _WORD.finditer(sentence)]
        k = next((i for i, (a, b) in enumerate(spans) if b > at), 0)
        lo = max(0, min(k - MAX_EVENT_WORDS // 2, len(spans) - MAX_EVENT_WORDS))
        hi = min(len(spans), lo + MAX_EVENT_WORDS)
        span = (spans[lo][0], spans[hi - 1][1])
    return _tidy(sentence[span[0]:span[1]])


def _tidy(text: str) -> str:
    """Return an event text without dangling punctuation, quotes or openers, capitalised."""
    text = text.strip().strip(",;:—–- ")
    text = _LEADING_CONNECTIVE.sub("", text)
    text = text.rstrip(".,;:")
    for open_, close in (("“", "”"), ("(", ")"), ("‘", "’")):
        if text.count(open_) > text.count(close):
            text = text.replace(open_, "", text.count(open_) - text.count(close))
        elif text.count(close) > text.count(open_) and close != "’":
            text = text[::-1].replace(close, "", text.count(close) - text.count(open_))[::-1]
    if text.count('"') % 2:
        text = text.replace('"', "", 1)
    text = text.strip().rstrip(".,;:")
    while _TRAILING_FUNCTION_WORD.search(text):
        text = _TRAILING_FUNCTION_WORD.sub("", text).rstrip(",;:")
    return text[:1].upper() + text[1:]


def _paragraph_events(para: Paragraph, ref: _When | None) -> Iterator[tuple[Event, int]]:
    """Yield the events of one paragraph with their offsets."""
    text = para.text
    mentions = find_mentions(text)
    if not mentions:
        return
    quotes = _quote_spans(text)
    sentences = split_sentences(text) or [(0, len(text))]
    for s_start, s_end in sentences:
        inside = [m for m in mentions if s_start <= m.start < s_end]
        inside = _anchor_bare_months(inside, ref)
        seen: set[tuple[str, str]] = set()
        for mention in inside:
            quote = next(((a, b) for a, b in quotes if a < mention.start < b), None)
            mref = ref
            if quote is not None:
                mref = _quote_date(text, quote[0], mentions) or ref
            clause = _clause_around(text, s_start, s_end, mention)
            when = _resolve(mention, mref, clause)
            if when is None:
                continue
            # Inside a quotation that opens within this sentence, the event is the quotation's.
            begin = quote[0] + 1 if quote is not None and quote[0] >= s_start else s_start
            sentence = text[begin:s_end]
            words = event_text(sentence, mention.start - begin)
            key = (when.iso(), words)
            if key in seen:
                continue
            seen.add(key)
            yield Event(
                date=when.iso(),
                text=words,
                paragraph=para.n,
                date_text=text[mention.start:mention.end],
                relative=mention.when is None,
            ), mention.start


def _clause_around(text: str, start: int, end: int, mention: _Mention) -> str:
    """Return the clause holding a mention, for judging its tense."""
    left = max((m.end() for m in re.finditer(r"[,;:]|\band\b", text[start:mention.start])),
               default=0)
    # A subordinate clause after the date has its own tense: "said on Friday that it would".
    right_match = re.search(r"[,;:.]|\b(?:and|that|which|who|when|if|unless|because)\b",
                            text[mention.end:end])
    right = mention.end + right_match.start() if right_match else end
    return text[start + left:right]


def _anchor_bare_months(mentions: list[_Mention], ref: _When | None) -> list[_Mention]:
    """Give a month without a year ("in March") the year of a year-level date in the same
    sentence ("Last year, … in March"), and drop that year-level date, now more precise."""
    years = [m for m in mentions
             if m.unit == "year" or (m.when is not None and m.when.month is None
                                     and not m.when.decade)]
    months = [m for m in mentions if m.unit in ("bare_month", "monthday")]
    if not years or not months:
        return mentions
    out = list(mentions)
    for month in months:
        # Only a year said before the month anchors it: in "In February … by 2030" the year
        # belongs to another clause.
        before = [y for y in years if y.start < month.start]
        if not before:
            continue
        anchor = before[-1]
        year = anchor.when.year if anchor.when is not None else (
            ref.year + anchor.offset if ref is not None else None)
        if year is None:
            continue
        index = out.index(month)
        out[index] = replace(month, when=_When(year, month.month, month.day))
        if anchor in out:
            out.remove(anchor)
    return out


def find_events(article: Article) -> tuple[Event, ...]:
    """Return every dated event of the article, sorted by date, then paragraph and position."""
    ref = reference_date(article)
    found: list[tuple[Event, int]] = []
    for para in article.paragraphs:
        found.extend(_paragraph_events(para, ref))
    found.sort(key=lambda item: (item[0].date, item[0].paragraph, item[1]))
    return tuple(event for event, _ in found)


__all__ = ["find_events", "find_mentions", "parse_iso", "reference_date"]
