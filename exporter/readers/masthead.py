"""Head matter of a raw text article: masthead, byline, dateline, and the dates inside them.

Each parser takes one line (or the start of the first paragraph) and returns what it found, or None
when the text is not that kind of line, so the text reader can try them in turn. Dates are returned
as ISO 8601 at the precision the text gives (`2017`, `2017-07`, `2017-07-14`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import Dateline

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(1[6-9]\d\d|2[01]\d\d)"
# ASCII only: under Unicode case folding `Auguſt` would match and miss the month table.
_FLAGS = re.IGNORECASE | re.ASCII
_WEEKDAY = re.compile(r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+",
                      _FLAGS)
_DATE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, _FLAGS), order) for pattern, order in (
        (rf"{_YEAR}-(\d\d?)(?:-(\d\d?))?", "ymd"),
        (rf"{_YEAR}/(\d\d?)/(\d\d?)", "ymd"),
        (rf"(\d\d?){_ORD}\s+(?:of\s+)?({_MONTH}),?\s+{_YEAR}", "dmy"),
        (rf"({_MONTH})\s+(\d\d?){_ORD},?\s+{_YEAR}", "mdy"),
        # `July-August 2017`: a double issue is dated by its first month.
        (rf"({_MONTH})(?:\s*[-/–]\s*{_MONTH})?,?\s+{_YEAR}", "my"),
        (rf"(?:spring|summer|autumn|fall|winter)\s+{_YEAR}", "y"),
        (_YEAR, "y"),
        (rf"({_MONTH})\s+(\d\d?){_ORD}", "md"),
        (rf"(\d\d?){_ORD}\s+(?:of\s+)?({_MONTH})", "dm"),
    )
)


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def parse_date(text: str, year: int | None = None) -> str | None:
    """Return `text` (the whole of it) as an ISO date at its precision, or None.

    A date without a year (`June 6`) takes `year` when given, and is None otherwise.
    """
    text = _WEEKDAY.sub("", text.strip().strip(",").strip())
    for pattern, order in _DATE_FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groups()
        y: int | None
        m: int | None = None
        d: int | None = None
        if order == "ymd":
            y, m = int(groups[0]), int(groups[1])
            d = int(groups[2]) if groups[2] else None
        elif order == "dmy":
            d, m, y = int(groups[0]), _month(groups[1]), int(groups[2])
        elif order == "mdy":
            m, d, y = _month(groups[0]), int(groups[1]), int(groups[2])
        elif order == "my":
            m, y = _month(groups[0]), int(groups[1])
        elif order == "y":
            y = int(groups[0])
        elif order == "md":
            m, d, y = _month(groups[0]), int(groups[1]), year
        else:
            d, m, y = int(groups[0]), _month(groups[1]), year
        return _iso(y, m, d)
    return None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- masthead -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Masthead:
    """What a masthead line gives."""

    publication: str | None
    volume: int | None
    issue: int | None
    date: str | None


# The keyword is case-insensitive, the number is not: a roman volume must be upper case.
_VOLUME = re.compile(r"\b(?i:vol(?:ume)?)\b\.?\s*(\d{1,4}|[IVXLC]{1,8}\b)", re.ASCII)
_ISSUE = re.compile(r"(?:\b(?i:issue|iss|no|nr|number)\b\.?|#)\s*(\d{1,4})\b", re.ASCII)
_SEPARATORS = " \t,;:|·•/—–-"
_PIECE_SPLIT = re.compile(r"\s*[|·•]\s*|\s+[—–-]\s+")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int | None:
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN[char]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total or None


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else _roman(text)


def _name_like(text: str) -> bool:
    """Return True for a short capitalised name such as `The Monthly Review`."""
    words = text.split()
    return (0 < len(words) <= 8 and text[0].isupper() and not text.endswith((".", "?", "!"))
            and sum(c.isalpha() for c in text) >= 2)


def parse_masthead(line: str) -> Masthead | None:
    """Return the masthead in `line` (`Vol. 9, No. 4 | April 2021`), or None if it is not one."""
    if len(line) > 160:
        return None
    volume = _VOLUME.search(line)
    issue = _ISSUE.search(line)
    if volume is None and issue is None:
        return None
    spans = sorted(m.span() for m in (volume, issue) if m is not None)
    if len(spans) == 2 and spans[0][1] > spans[1][0]:
        return None
    # Everything outside the volume and issue must be a date, a name, or separators.
    pieces = [line[: spans[0][0]]]
    if len(spans) == 2:
        pieces.append(line[spans[0][1]: spans[1][0]])
    pieces.append(line[spans[-1][1]:])
    publication: str | None = None
    date: str | None = None
    for position, chunk in enumerate(pieces):
        for piece in _PIECE_SPLIT.split(chunk):
            piece = piece.strip(_SEPARATORS)
            if not piece:
                continue
            found = parse_date(piece)
            if found is not None and date is None:
                date = found
            elif position == 0 and publication is None and _name_like(piece):
                publication = piece
            elif date is None and (split := _name_then_date(piece)) is not None:
                publication = publication or split[0]
                date = split[1]
            else:
                return None
    return Masthead(
        publication=publication,
        volume=_number(volume.group(1)) if volume else None,
        issue=int(issue.group(1)) if issue else None,
        date=date,
    )


def _name_then_date(piece: str) -> tuple[str | None, str] | None:
    """Split `The Review, March 2019` into a name and a date."""
    head, sep, tail = piece.rpartition(",")
    if not sep:
        return None
    found = parse_date(tail)
    if found is None:
        return None
    head = head.strip(_SEPARATORS)
    return (head if _name_like(head) else None), found


# --- byline -------------------------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:written\s+)?by\b\s*[:\-–—]?\s*(?P<names>\S.*)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\||\band\b|\bwith\b)\s*", re.IGNORECASE)
_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "del", "der", "la", "le", "ibn",
                        "el", "di", "du", "dos", "das", "ter", "den", "y"})
_ROLE_WORDS = frozenset({
    "reporter", "reporters", "correspondent", "correspondents", "staff", "editor", "editors",
    "desk", "bureau", "agencies", "agency", "news", "service", "writer", "contributor", "team",
    "our", "wire", "wires", "report", "monitoring", "online",
})
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")


def is_name(text: str) -> bool:
    """Return True for a person's name as bylines write it (`Jane M. Doe`, `Omar al-Haddad`)."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not words[0][0].isupper():
        return False
    for word in words:
        if not _NAME_WORD.match(word):
            return False
        lower = word.lower().strip(".")
        if lower in _ROLE_WORDS:
            return False
        # `al-Haddad`, `d'Estaing`: a lower-case particle joined to a capitalised name.
        if not word[0].isupper() and lower not in _PARTICLES \
                and not re.split(r"[-'’]", word)[-1][:1].isupper():
            return False
    return True


def parse_byline(line: str) -> tuple[str, ...] | None:
    """Return the names in a `By …` line (possibly none, as in `By Our Correspondent`), or None."""
    match = _BYLINE.match(line)
    if match is None or len(line.split()) > 16 or line.endswith((".", "?", "!", ":")):
        return None
    parts = [p.strip(" .") for p in _NAME_SPLIT.split(match["names"])]
    names = tuple(p for p in parts if p and is_name(p))
    # `By the end of the year …` is a sentence: a byline starts with a name or a role.
    first = parts[0] if parts else ""
    if not first or not first[0].isupper():
        return None
    if names:
        return names
    if any(w.lower().strip(".") in _ROLE_WORDS for w in match["names"].split()):
        return ()
    return None


# --- dateline -----------------------------------------------------------------------------------

_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]{1,2}[^\W\d_]+){0,3}\.?)"
    r"(?:\s*,\s*(?P<date>[^,:;()—–\n]{3,30}?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"(?P<sep>\s*[—–:]|\s+--?)\s+"
)


def _place_case(place: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), place)


def parse_dateline(text: str, year: int | None = None) -> tuple[Dateline, str] | None:
    """Return the dateline opening `text` and the text after it, or None if it has none.

    `KARACHI, 12 October 2020 —`, `LONDON (Reuters) -`, `Moscow, June 6:`. A place in title case
    counts only with a date after it, so that `However, …` and `Yesterday:` are not datelines.
    """
    match = _DATELINE.match(text[:160])
    if match is None:
        return None
    rest = text[match.end():]
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'"):
        return None
    place = match["place"].rstrip(".")
    letters = [c for c in place if c.isalpha()]
    shouting = len(letters) >= 3 and place.isupper()
    date_text = match["date"]
    date: str | None = None
    if date_text is not None:
        date = parse_date(date_text, year)
        if date is None and parse_date(date_text, 2000) is None:
            return None  # not a date at all, so the comma was part of a sentence
    titled = all(w[0].isupper() for w in place.replace("-", " ").split())
    if not (shouting or (titled and date_text is not None)):
        return None
    if match["agency"] is not None and not shouting and date_text is None:
        return None
    dateline = Dateline(place=_place_case(place), date=date,
                        text=text[: match.end()].strip())
    return dateline, rest
