"""The article model: what a reader turns a source file into, and what analysis adds to it.

Everything here is a frozen dataclass with tuple children, so a model can be shared between
threads and processes and hashed for the cache. The model imports nothing from readers, analysis
or writers; it only knows how to turn itself into plain JSON-ready data (`to_data`), which is both
the `exporter inspect --json` contract and what templates receive.

Paragraph numbers (`paragraph`, `paragraphs`) always refer to `Paragraph.n`, counted from 1 over the
numbered body blocks in reading order.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from typing import Any, Literal

BlockKind = Literal["paragraph", "list_item", "quote"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A run of inline text with the formatting the source gave it."""

    text: str
    """The characters, already normalised."""
    strong: bool = False
    """Bold in the source."""
    emphasis: bool = False
    """Italic in the source."""
    href: str | None = None
    """Link target; only http, https and mailto survive reading."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A numbered body block: a paragraph, a list item or a block quotation."""

    n: int
    """Number in reading order, from 1."""
    text: str
    """Plain text of the block (the concatenation of `spans`)."""
    kind: BlockKind = "paragraph"
    """What the source made of it."""
    spans: tuple[Span, ...] = ()
    """Inline formatting, when the source had any; empty means `text` is plain."""
    list_id: int | None = None
    """For list items: items sharing this id belong to the same list."""
    ordered: bool = False
    """For list items: numbered rather than bulleted."""
    attribution: str | None = None
    """For block quotations: the `— Name, role` line that followed it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """A heading inside the body; not numbered."""

    text: str
    """Heading text."""
    paragraph: int
    """Number of the first paragraph after the heading (one past the last if at the end)."""
    level: int = 2
    """1 is the highest level inside the body (the article title is above all of them)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """`KARACHI, 12 October 2020 —`: where and when the article was filed."""

    place: str | None = None
    """Place as written, title-cased."""
    date: str | None = None
    """ISO 8601 at the precision given."""
    text: str = ""
    """The dateline as it stood in the source."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """Publication data read from the source (masthead, front matter, page metadata)."""

    publication: str | None = None
    """Name of the magazine, newspaper or site."""
    volume: int | None = None
    """Volume number from the masthead."""
    issue: int | None = None
    """Issue number from the masthead."""
    date: str | None = None
    """Publication date, ISO 8601 at the precision given (`2017`, `2017-07`, `2017-07-14`)."""
    rights: str | None = None
    """Copyright or rights line, as written."""
    dateline: Dateline | None = None
    """Dateline at the head of the body, if any."""
    credits: tuple[str, ...] = ()
    """Closing credits such as `Reporting by …`, as written."""
    notes: tuple[str, ...] = ()
    """Corrections, clarifications and editor's notes the source carries beside the article
    (`Correction: An earlier version …`), as written; never part of the body."""
    subtitle: str | None = None
    """Standfirst or subtitle."""
    url: str | None = None
    """Canonical address of the article, when known."""
    classification: str | None = None
    """Protective marking from the source's metadata."""
    language: str | None = None
    """BCP 47 language tag, when the source states one."""
    inferred: tuple[str, ...] = ()
    """Names of the fields above that were inferred rather than read."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Author:
    """A writer of the article. `name` is None when the source gives only a bio."""

    name: str | None = None
    """Name as written; never invented."""
    bio: str | None = None
    """The closing `The writer is …` line, as written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where the article came from."""

    path: str
    """File name as given on the command line (never resolved to an absolute path)."""
    format: str
    """Reader that read it: `text`, `markdown`, `html`, `docx`, `pdf`."""
    encoding: str | None = None
    """Character encoding detected, for text formats."""
    sha256: str = ""
    """Hash of the source bytes."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article as read, before analysis."""

    title: str
    """Title read from the source, or inferred (see `title_inferred`)."""
    title_inferred: bool
    """True when the source had no title and one was made from its key phrases."""
    meta: Meta
    """Publication data."""
    authors: tuple[Author, ...]
    """Authors; may hold one nameless author carrying only a bio."""
    paragraphs: tuple[Paragraph, ...]
    """Numbered body blocks in reading order."""
    headings: tuple[Heading, ...]
    """Headings inside the body."""
    source: Source
    """Where it came from."""
    warnings: tuple[str, ...] = ()
    """What reading repaired or dropped (control characters, encoding guesses)."""


# --- analysis results -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A quotation with its speaker, found in a paragraph."""

    text: str
    """The quoted words, without the quotation marks; multi-sentence quotations kept whole."""
    speaker: str | None
    """Who said or wrote it, as resolved from the attribution; None when the text does not say."""
    paragraph: int
    """Paragraph it is in."""
    speaker_role: str | None = None
    """Role the text gives the speaker (`Moscow-based political analyst and writer`)."""
    speaker_kind: Literal["person", "organisation", "group", "unknown"] = "unknown"
    """What kind of speaker."""
    attribution: Literal["explicit", "resolved", "none"] = "none"
    """How the speaker was found: `explicit` when the text names it at the quotation, `resolved`
    through a pronoun, a surname or title alone, an organisation's head word (`the ministry`) or
    an earlier paragraph (a reviewer should check these), `none` when there is no speaker."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A question the article or one of its speakers poses."""

    text: str
    """The question, capitalised, ending with `?`."""
    paragraph: int
    """Paragraph it is in."""


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyPoint:
    """A key point: a sentence, or a clean span of one, taken from the text."""

    text: str
    """The point's wording, taken from the source."""
    paragraph: int
    """Paragraph it came from."""
    trimmed: bool = False
    """True when the wording was cut from a longer sentence."""
    score: float = 0.0
    """Ranking score (higher is more important), for inspection."""
    speaker: str | None = None
    """Who says it, when the point is taken from inside a quotation."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A dated event for the timeline."""

    date: str
    """ISO 8601 at the text's precision; `195X` for a decade."""
    text: str
    """The clause or sentence that tells what happened."""
    paragraph: int
    """Paragraph it came from."""
    date_text: str = ""
    """The words that gave the date (`in March this year`)."""
    relative: bool = False
    """True when the date was not written out in full (`anchor` is not `absolute`); kept for
    readers of the first contract, `anchor` says more."""
    anchor: Literal["absolute", "article-date", "text"] = "absolute"
    """What the date was read against: nothing (`absolute`: `14 May 2016`), the article's or
    its dateline's date (`article-date`: `on Monday`, `last year`), or another date the text
    gives (`text`: a quotation's date, `the following year` after `In 1998`)."""


class ActorKind(str, enum.Enum):
    """What an actor is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    PLACE = "place"
    GROUP = "group"


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A person, organisation, country or place the article names."""

    name: str
    """Canonical name (the fullest form, or the country for its aliases)."""
    kind: ActorKind
    """What it is."""
    role: str | None = None
    """Role the text gives it (people)."""
    aliases: tuple[str, ...] = ()
    """Other names merged into this one (acronyms, capitals, surnames)."""
    paragraphs: tuple[int, ...] = ()
    """Paragraphs it appears in, ascending."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number with what it measures."""

    text: str
    """The span as written (`30 percent of the Pakistani population`)."""
    paragraph: int
    """Paragraph it came from."""
    kind: Literal["money", "percent", "count", "distance", "quantity"] = "quantity"
    """What kind of figure."""
    value: float | None = None
    """Numeric value, when it parses."""
    unit: str | None = None
    """Unit or currency (`USD`, `%`, `km`, `helicopters`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Briefing:
    """An article with everything analysis found in it."""

    article: Article
    """The article as read."""
    key_points: tuple[KeyPoint, ...] = ()
    """3 to 6 key points in a useful order."""
    summary: str = ""
    """A short extractive paragraph built from the key points."""
    quotes: tuple[Quote, ...] = ()
    """Quotations with speakers."""
    questions: tuple[Question, ...] = ()
    """Questions posed."""
    timeline: tuple[Event, ...] = ()
    """Dated events, sorted by date."""
    actors: tuple[Actor, ...] = ()
    """People, organisations, countries and places."""
    figures: tuple[Figure, ...] = ()
    """Money, percentages, counts and distances."""
    keywords: tuple[str, ...] = ()
    """5 to 10 key phrases."""


# --- serialisation ------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Return `value` as JSON-ready data (dicts, lists, str, int, float, bool, None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def to_data(briefing: Briefing) -> dict[str, Any]:
    """Return the public JSON form of a briefing: the article's fields flattened at the top level.

    This is the `exporter inspect --json` contract and the context every template receives.
    """
    article = _plain(briefing.article)
    analysis = {
        f.name: _plain(getattr(briefing, f.name))
        for f in dataclasses.fields(briefing)
        if f.name != "article"
    }
    return {"schema": SCHEMA_VERSION, **article, **analysis}


SCHEMA_VERSION = 2
"""Bumped whenever a field of `to_data` changes meaning or disappears.

2: quotations say how their speaker was found (`attribution`), and a quotation's speaker is
only given when the text names it or a pronoun, surname or earlier paragraph points at it."""

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Article",
    "Author",
    "BlockKind",
    "Briefing",
    "Dateline",
    "Event",
    "Figure",
    "Heading",
    "KeyPoint",
    "Meta",
    "Paragraph",
    "Question",
    "Quote",
    "Source",
    "Span",
    "to_data",
]
