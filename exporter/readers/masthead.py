"""Head matter of a raw text article: masthead, byline, dateline, and the dates inside them.

Dates are read by `exporter.dates` (`parse_date`, `search_date`), as everywhere in the tool.
Each parser takes one line (or the start of the first paragraph) and returns what it found, or None
when the text is not that kind of line, so the text reader can try them in turn. Dates are returned
as ISO 8601 at the precision the text gives (`2017`, `2017-07`, `2017-07-14`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..dates import DATE_SEARCH, parse_date, search_date
from ..model import Dateline

# ASCII only: under Unicode case folding `Auguſt` would match and miss the month table.
_FLAGS = re.IGNORECASE | re.ASCII


# --- masthead -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Masthead:
    """What a masthead line gives."""

    publication: str | None
    volume: int | None
    issue: int | None
    date: str | None
    series: str | None = None
    """A genre or series label beside the name (`Policy Brief`), not kept in the model."""
    certain: bool = True
    """False for `Name – date` alone, which a headline could also be; the caller decides."""


# The keyword is case-insensitive, the number is not: a roman volume must be upper case.
_VOLUME = re.compile(r"(?:\b(?i:vol(?:ume)?)\b\.?|\bV\.)\s*(\d{1,4}|[IVXLC]{1,8}\b)", re.ASCII)
_ISSUE = re.compile(r"(?:\b(?i:iss(?:ue)?)\b\.?\s*(?:(?i:no|number)\b\.?\s*|#\s*)?"
                    r"|\b(?i:no|nr|number)\b\.?\s*|#\s*)(\d{1,4})\b", re.ASCII)
_DATE_LABEL = re.compile(
    r"(?:\b(?:first\s+|last\s+|originally\s+)?(?P<label>published|posted|updated|modified|"
    r"dated?|issued|released|revised)(?:\s+(?:on|at|in))?\s*:?\s*)$", _FLAGS)
_TIME = re.compile(r"(?:\bat\s+)?\b\d{1,2}[:.]\d\d(?:\s*(?:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4})?\b"
                   r"|\b\d{1,2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?(?!\w)", re.IGNORECASE)
_SEPARATORS = " \t,;:|·•/—–-"
_PIECE_SPLIT = re.compile(r"\s*[|·•,;—–]\s*|\s+/\s+|\s+-+\s+|^-+\s*|\s*-+$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Labels for a kind of publication rather than its name: `Policy Brief`, `Working Paper`.
_SERIES_WORDS = frozenset({
    "policy", "brief", "briefs", "briefing", "paper", "papers", "working", "discussion",
    "occasional", "special", "report", "reports", "commentary", "analysis", "note", "notes",
    "newsletter", "bulletin", "edition", "series", "research", "insight", "insights",
    "backgrounder", "opinion", "op-ed", "feature", "features", "digest", "weekly", "monthly",
    "quarterly", "daily", "print", "online", "web", "exclusive", "explainer", "interview",
    "editorial", "column", "essay", "review", "dispatch", "update", "memo", "issue", "issues",
    "supplement", "magazine", "journal", "news", "comment", "perspective", "perspectives",
})


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


def _masthead_name(text: str) -> bool:
    """Return True for a name a masthead prints: each word capitalised but the small links."""
    if not _name_like(text):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LINKS
               for w in text.split())


_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "le", "des",
                         "di", "del", "der", "und", "&", "at", "to", "a", "an"})


def _is_series(text: str) -> bool:
    return all(w.lower().strip(".") in _SERIES_WORDS for w in text.split())


def parse_masthead(line: str) -> Masthead | None:
    """Return the masthead in `line` (`Vol. 9, No. 4 | April 2021`), or None if it is not one.

    Segments may come in any order, separated by dashes, bars, bullets, slashes or commas: names
    (the first is the publication, a genre label such as `Policy Brief` is the series), a volume,
    an issue, and dates at any precision, optionally labelled (`Published: …`, `Updated …`; the
    publication date wins over the update). A line of names and a date only, with no number and
    no label, is returned with `certain=False`.
    """
    if len(line) > 200 or not line.strip():
        return None
    spans: list[tuple[int, int]] = []
    volume = _VOLUME.search(line)
    issue = _ISSUE.search(line)
    for match in (volume, issue):
        if match is not None:
            spans.append(match.span())
    if len(spans) == 2 and max(s[0] for s in spans) < min(s[1] for s in spans):
        return None
    dates: dict[str, str] = {}
    # Blank the numbers out first, so that `Issue 7 July 2017` leaves `July 2017` to be found.
    masked = line
    for start, end in spans:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    for match in DATE_SEARCH.finditer(masked):
        start, end = match.span()
        found = parse_date(match.group(0))
        if found is None:
            return None
        label = _DATE_LABEL.search(masked, 0, start)
        kind = "plain"
        if label is not None:
            kind = "updated" if label["label"].lower() in ("updated", "modified", "revised") \
                else "published"
            start = label.start()
        dates.setdefault(kind, found)
        spans.append((start, end))
    spans.extend(m.span() for m in _TIME.finditer(line)
                 if not any(s < m.end() and m.start() < e for s, e in spans))
    if not spans:
        return None
    spans.sort()
    leftovers: list[str] = []
    position = 0
    for start, end in spans:
        leftovers.append(line[position:start])
        position = max(position, end)
    leftovers.append(line[position:])
    names: list[str] = []
    for chunk in leftovers:
        for piece in _PIECE_SPLIT.split(chunk):
            piece = piece.strip(_SEPARATORS)
            if not piece:
                continue
            if not _masthead_name(piece) or _BYLINE.match(piece):
                return None  # `By AFP, Updated Dec 4, 2023` is a byline
            names.append(piece)
    date = dates.get("published") or dates.get("plain") or dates.get("updated")
    labelled = "published" in dates or "updated" in dates
    if volume is None and issue is None and date is None:
        return None
    series = next((n for n in names if _is_series(n)), None)
    publication = next((n for n in names if n != series), None)
    if len(names) > 3 or (len(names) - (series is not None) > 1 and volume is None
                          and issue is None):
        return None
    return Masthead(
        publication=publication,
        volume=_number(volume.group(1)) if volume else None,
        issue=int(issue.group(1)) if issue else None,
        date=date,
        series=series,
        certain=volume is not None or issue is not None or labelled or not names,
    )


# --- byline -------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:(?:written|story|words|text|article|reporting|reported|interview|analysis|report)\s+)?"
    r"by\b\s*[:\-–—]?\s*(?P<names>\S.*)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\||·|•|\s[—–-]\s|\band\b|\bwith\b)\s*", re.IGNORECASE)
# `Jane Doe in Kabul`, `Jane Doe (@janedoe)`: where or how to reach the writer, not the name.
_NAME_TAIL = re.compile(r"\s*(?:\([^()]*\)|\s(?:in|from|at|for)\s+[A-Z].*)$")
_CONTACT = re.compile(r"\s*(?:\S+@\S+\.\w+|@\w+|https?://\S+)")
"""A writer's e-mail address, handle or link after the name (`Jane Doe jane.doe@paper.com`)."""
STAMP = re.compile(r"\b(?:last\s+)?(?:updated|modified|revised|edited)\b", re.IGNORECASE)
"""The label of an update stamp (`Updated Dec 4`): what follows dates a change, not the article."""
# `Jane Doe | Reuters`, `Jane Doe — Staff Writer`: a name, a bar or dash, then who they write for.
_SIGNATURE = re.compile(r"^(?P<name>[^|·•—–]+?)\s*[|·•—–]\s*(?P<org>[^|·•—–]+?)$")
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
        if not name_word(word):
            return False
    return True


def name_word(word: str) -> bool:
    """Return True for a word a name can hold: capitalised, or a particle (`van`, `al-Haddad`)."""
    # `al-Haddad`, `d'Estaing`: a lower-case particle joined to a capitalised name.
    return word[:1].isupper() or word.lower().strip(".") in _PARTICLES \
        or re.split(r"[-'’]", word)[-1][:1].isupper()


def strip_name_tail(text: str) -> str:
    """Return a byline name without where or how to reach the writer (`Jane Doe in Kabul`)."""
    return _NAME_TAIL.sub("", text)


def parse_byline(line: str) -> tuple[str, ...] | None:
    """Return the names in a `By …` line (possibly none, as in `By Our Correspondent`), or None."""
    match = _BYLINE.match(line)
    if match is None or len(line.split()) > 24 or line.endswith((".", "?", "!", ":")):
        return None
    # `By AFP, Updated Dec 4`: a stamp after the names is no name.
    names_text = _CONTACT.sub("", STAMP.split(match["names"])[0])
    parts = [_NAME_TAIL.sub("", p.strip(" .")) for p in _NAME_SPLIT.split(names_text)]
    names = tuple(dict.fromkeys(p for p in parts if p and is_name(p)))
    # `By the end of the year …` is a sentence: a byline starts with a name or a role.
    first = parts[0] if parts else ""
    if not first or not first[0].isupper():
        return None
    if names:
        return names
    if any(w.lower().strip(".") in _ROLE_WORDS for w in match["names"].split()):
        return ()
    return None


def byline_date(line: str) -> str | None:
    """Return the date a byline gives for the article: never one after `Updated`."""
    return find_date(STAMP.split(line)[0])


def parse_signature(line: str) -> str | None:
    """Return the name in a `Jane Doe | Reuters` line (a byline without `By`), or None.

    Both sides must be short capitalised names, and the name two to four words, so that a
    headline such as `Brexit | What happens next` is not taken for one.
    """
    match = _SIGNATURE.match(line.strip())
    if match is None or len(line) > 80:
        return None
    name, org = match["name"].strip(" ,"), match["org"].strip(" ,")
    name = _NAME_TAIL.sub("", name)
    if not 2 <= len(name.split()) <= 4 or not is_name(name):
        return None
    if find_date(org) is not None:
        return name
    if not (_masthead_name(org) or all(w.lower() in _ROLE_WORDS for w in org.split())) \
            or len(org.split()) > 5:
        return None
    return name


def find_date(line: str) -> str | None:
    """Return the first date with a year in `line` (`By Jane Doe, 3 March 2022`), or None."""
    return search_date(line)


# --- dateline -----------------------------------------------------------------------------------

_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]{1,2}[^\W\d_]+){0,3}\.?)"
    # `KABUL, Afghanistan (AP) —`, `WASHINGTON, D.C. —`: a region after a shouted place.
    r"(?:\s*,\s*(?P<region>[A-Z][\w.'’-]*\.?(?:\s+[A-Z][\w.'’-]*){0,2})(?=\s*[,(—–:/-]))?"
    r"(?:\s*,\s*(?P<date>[^,:;()—–\n]{3,30}?(?:,\s*\d{4})?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\)|\s*/(?P<wire>[^/\s][^/\n]{0,38})/)?"
    r"(?P<sep>\s*[—–:]|\s+--?)\s+"
)


def _place_case(place: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), place)


def parse_dateline(text: str, year: int | None = None,
                   loose: bool = False) -> tuple[Dateline, str] | None:
    """Return the dateline opening `text` and the text after it, or None if it has none.

    `KARACHI, 12 October 2020 —`, `LONDON (Reuters) -`, `Moscow, June 6:`. A place in title case
    counts only with a date after it, so that `However, …` and `Yesterday:` are not datelines.

    `loose` is for the opening of an article's first paragraph, where a title-case place before
    a dash (`Indianapolis — Several thousand…`, `New York, NY – The…`) or before a wire's name
    (`Washington (AFP) - The…`) is a dateline too; it is never for a line that might be a
    headline (`Brexit — What happens next`).
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
    region = match["region"]
    titled = all(w[0].isupper() for w in place.replace("-", " ").split())
    dashed = loose and titled and _titled_dateline(match, place, rest)
    if region is not None and ((not shouting and not dashed)
                               or parse_date(f"{region} 1", 2000) is not None
                               or parse_date(region, 2000) is not None):
        return None  # a month is a date, not a region; a titled place takes no region
    date_text = match["date"]
    date: str | None = None
    if date_text is not None:
        date = parse_date(date_text, year)
        if date is None and parse_date(date_text, 2000) is None:
            return None  # not a date at all, so the comma was part of a sentence
    if not (shouting or dashed or (titled and date_text is not None)):
        return None
    if (match["agency"] or match["wire"]) is not None and not shouting and date_text is None \
            and not dashed:
        return None
    dateline = Dateline(place=_place_case(place), date=date,
                        text=text[: match.end()].strip())
    return dateline, rest


@cache
def _agencies() -> frozenset[str]:
    raw = (resources.files(__package__) / "data" / "agencies.txt").read_text(encoding="utf-8")
    return frozenset(squash(line) for line in raw.splitlines()
                     if line.strip() and not line.startswith("#"))


def squash(text: str) -> str:
    """Return `text` reduced to lower-case letters and digits: the key two forms of a name share."""
    return re.sub(r"[\W_]+", "", html.unescape(text).lower())


def is_agency(name: str) -> bool:
    """Return True for a news agency or wire service (`data/agencies.txt`): `AFP`, `A.P.`."""
    return squash(name) in _agencies()


_KICKERS = frozenset({"exclusive", "update", "updated", "breaking", "analysis", "opinion",
                      "watch", "live", "editorial", "commentary", "review", "video", "photos",
                      "listen", "correction", "clarification", "editor's note", "note",
                      "advertisement", "sponsored", "explainer", "fact check", "podcast"})
"""Labels that open a paragraph before a dash (`Exclusive — …`) and are no place."""


def _titled_dateline(match: re.Match[str], place: str, rest: str) -> bool:
    """Return True when a title-case place opening a first paragraph is a dateline: at most
    three words and no label, then a dash or a wire's name, then a sentence."""
    if len(place.split()) > 3 or place.casefold().rstrip(".") in _KICKERS \
            or len(rest.split()) < 6:
        return False
    agency = match["agency"] or match["wire"]
    if agency is not None:
        return is_agency(agency) and match["date"] is None
    return match["sep"].strip() in ("—", "–") and match["date"] is None


def agency_of(dateline: Dateline) -> str | None:
    """Return the news agency a dateline names (`LONDON (Reuters) -` → `Reuters`), or None."""
    match = _DATELINE.match(dateline.text + " X")
    if match is None:
        return None
    agency = (match["agency"] or match["wire"] or "").strip()
    return agency if _masthead_name(agency) and parse_date(agency, 2000) is None else None
