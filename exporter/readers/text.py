"""Raw text reader: a magazine or wire dump's bytes in, an `Article` out.

The text is decoded and normalised, cut into blocks at blank lines, and page breaks are mended
(a block that ends mid-sentence, then two or more blank lines or a form feed, then a block that
starts in lower case, is one paragraph). The head (masthead, title, subtitle, byline) and the
closing matter (bio, rights, credits) are taken off both ends; what is left is the body, read as
paragraphs, headings and list items, with a dateline taken off the first paragraph.

Hyphenation at a line end or a page break (`irri-` + `gation`) is joined without the hyphen when
the next fragment starts in lower case, unless the document itself writes the hyphenated form
(`long-term`) and never the closed one, the left part is an acronym (`US-`), or the pair is a
usual compound (`Moscow-` + `based`, `self-` + `reliance`). A break before a capital (`anti-` +
`American`) keeps the hyphen.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from ..dates import parse_date
from ..errors import LimitError
from ..model import Article, Author, Dateline, Heading, Meta, Paragraph, Source
from ..normalise import normalise_text
from . import ReadLimits, source_hash
from .closing import Closing, attach_bios, publication_from_rights, split_closing
from .decode import decode
from .masthead import (
    Masthead,
    agency_of,
    byline_date,
    parse_byline,
    parse_dateline,
    parse_masthead,
    parse_signature,
)
from .title import infer_title, is_generic_heading
from .webclutter import Clutter, classify, is_caption

_UNICODE = ("utf-8", "utf-16", "utf-32")
_CLOSED = re.compile(r"[.!?…][\"'”’»)\]]*$")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
                          r"(?:\s*[-–—])?$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:(?P<bullet>[•▪●◦‣■*–-])|(?P<number>\d{1,3})[.)])\s+(?=\S)")
_STRONG_BULLETS = frozenset("•▪●◦‣■")
_HASH_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*$")
_WORDS = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_LEFT_PART = re.compile(r"([^\W\d_]+)[-‐]$")
_RIGHT_PART = re.compile(r"[^\W\d_]+")
_SMALL = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs",
    "via", "nor", "with", "from"
))
# Second halves that make compounds rather than broken words (`decade-long`, `US-led`).
_COMPOUND_TAILS = frozenset((
    "based", "led", "backed", "run", "owned", "term", "old", "level", "scale", "wide", "year",
    "years", "month", "week", "style", "related", "oriented", "sponsored", "funded", "free",
    "driven", "building", "keeping", "making", "ranging", "minded", "born", "friendly", "speaking",
))
# Only prefixes that are not also common first syllables (`ex-ample`, `pro-vince`, `with-out`).
_COMPOUND_HEADS = frozenset(("self", "well", "half", "quasi", "cross", "vice", "non"))
_DATE_LINE = re.compile(r"^(?:(?:(?:first\s+)?published|posted|updated|dated?)(?:\s+on)?\s*:?\s*)?"
                        r"(?P<date>.{4,40})$", re.IGNORECASE)
_MAX_HEAD_BLOCKS = 6
_MAX_HEADING_WORDS = 12


@dataclass(slots=True)
class _Block:
    """Lines between blank lines, and whether a page break came before them."""

    lines: list[str]
    page_break: bool = False


@dataclass(slots=True)
class _Head:
    masthead: Masthead | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: tuple[str, ...] | None = None
    date: str | None = None
    """From a head line that is only a date (`Posted on March 3, 2022`)."""
    lines: list[str] = field(default_factory=list)
    """Title and subtitle lines as read, to give back to the body if nothing else is left."""


@dataclass(slots=True)
class _Segment:
    kind: str  # "paragraph", "item", "heading" (certain) or "candidate" (if a paragraph follows)
    lines: list[str]
    ordered: bool = False
    level: int = 2


def read(data: bytes, path: str, limits: ReadLimits) -> Article:
    """Return the article in the raw text `data` (named `path` in messages and the model)."""
    if len(data) > limits.max_bytes:
        raise LimitError(path, f"is {len(data):,} bytes; the limit is {limits.max_bytes:,} "
                               "(--max-bytes)")
    decoded, encoding = decode(data, path)
    # A form feed is a page break in old dumps; say so before normalising strips it.
    decoded = decoded.replace("\x0c", "\n\n\n")
    text, normalised = normalise_text(decoded)
    warnings = list(normalised)
    if not encoding.replace("_", "-").startswith(_UNICODE):
        warnings.append(f"no Unicode encoding found; read as {encoding}")
    vocabulary = frozenset(w.lower() for w in _WORDS.findall(text))

    blocks = _join_page_breaks(_blocks(text))
    head, body_lines = _split_head(blocks)
    body_lines, closing = split_closing(body_lines)
    body_lines, notes = _without_furniture(body_lines)
    if not body_lines and head.lines:
        # A lone short line is a paragraph, not a title over nothing.
        body_lines, head.title, head.subtitle = [[line] for line in head.lines], None, None
    paragraphs, headings = _body(body_lines, vocabulary)

    year = _year(head.masthead.date) if head.masthead and head.masthead.date else None
    dateline: Dateline | None = None
    if paragraphs and paragraphs[0].kind == "paragraph" and paragraphs[0].n == 1:
        found = parse_dateline(paragraphs[0].text, year, loose=True)
        if found is not None:
            dateline = found[0]
            paragraphs[0] = Paragraph(n=1, text=found[1])

    meta = dataclasses.replace(_meta(head, closing, dateline), notes=tuple(notes))
    title = head.title
    if title is None:
        openings = [p.text for p in paragraphs if p.kind == "paragraph"][:3]
        title = infer_title(openings, path)
    return Article(
        title=title,
        title_inferred=head.title is None,
        meta=meta,
        authors=attach_bios(tuple(Author(name=n) for n in head.byline or ()), closing),
        paragraphs=tuple(paragraphs),
        headings=tuple(headings),
        source=Source(path=path, format="text", encoding=encoding, sha256=source_hash(data)),
        warnings=tuple(warnings),
    )


def _without_furniture(blocks: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Return the body's blocks without the furniture a web page copied as text brings along,
    and the correction notes found among them (for `Meta.notes`).

    The patterns are the HTML reader's (`webclutter`): `Advertisement`, `READ MORE: …`,
    sign-up prompts, stamps, a caption ending with its picture's credit (`… (AP Photo/Jane
    Doe)`, `… Credit: Newsday/Jane Doe`), a list of related links after its label.
    """
    clutter = Clutter()
    kept: list[list[str]] = []
    for lines in blocks:
        text = " ".join(lines)
        if is_caption(text) or not clutter.keep(text, linked=False):
            continue
        kept.append(lines)
    return kept, clutter.notes


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


# --- blocks and page breaks ---------------------------------------------------------------------


def _blocks(text: str) -> list[_Block]:
    """Cut `text` at blank lines, dropping page numbers and separator rules."""
    blocks: list[_Block] = []
    lines: list[str] = []
    blank = 0
    page_break = False

    def flush() -> None:
        nonlocal page_break
        if not lines:
            return
        if len(lines) == 1 and _PAGE_NUMBER.match(lines[0]):
            page_break = True  # a page number stands where the page broke
        elif any(c.isalnum() for line in lines for c in line):
            blocks.append(_Block(lines=lines.copy(), page_break=page_break))
            page_break = False
        lines.clear()

    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            blank += 1
            continue
        if blank:
            flush()
            page_break = page_break or blank >= 2
            blank = 0
        lines.append(line)
    flush()
    return blocks


def _ends_open(line: str) -> bool:
    return not _CLOSED.search(line)


def _join_page_breaks(blocks: list[_Block]) -> list[_Block]:
    """Join the two halves of a paragraph that a page break split."""
    out: list[_Block] = []
    for block in blocks:
        if out:
            prev = out[-1].lines[-1]
            start = block.lines[0]
            hyphenated = len(prev) > 1 and prev[-1] in "-‐" and prev[-2].isalpha()
            if start[:1].islower() and (hyphenated or (block.page_break and _ends_open(prev))):
                out[-1].lines.extend(block.lines)
                continue
        out.append(block)
    return out


def _join_lines(lines: list[str], vocabulary: frozenset[str]) -> str:
    """Return hard-wrapped lines as one line, mending words hyphenated at a line end."""
    parts = [lines[0]]
    prev = lines[0]
    for line in lines[1:]:
        if len(prev) > 1 and prev[-1] in "-‐" and prev[-2].isalnum():
            if line[:1].islower() and not _keep_hyphen(prev, line, vocabulary):
                parts[-1] = parts[-1][:-1]
            parts.append(line)
        elif prev.endswith(("—", "/")) and not prev[-2:-1].isspace():
            parts.append(line)
        else:
            parts.append(" " + line)
        prev = line
    return "".join(parts)


def _keep_hyphen(prev: str, line: str, vocabulary: frozenset[str]) -> bool:
    left = _LEFT_PART.search(prev)
    right = _RIGHT_PART.match(line)
    if left is None or right is None:
        return True
    head, tail = left.group(1), right.group(0)
    closed = (head + tail).lower()
    if f"{head}-{tail}".lower() in vocabulary and closed not in vocabulary:
        return True
    if closed in vocabulary:
        return False
    if len(head) > 1 and head.isupper():
        return True
    return tail.lower() in _COMPOUND_TAILS or head.lower() in _COMPOUND_HEADS


# --- head ---------------------------------------------------------------------------------------


def _head_block(lines: list[str]) -> bool:
    """Return True if `lines` can be head lines rather than a hard-wrapped paragraph."""
    if len(lines) > 4 or any(len(line.split()) > 40 for line in lines):
        return False
    return all((not line[:1].islower() or classify(line) == "drop") and not prev.endswith("-")
               for prev, line in itertools.pairwise(lines))


def _title_like(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= 20 and len(line) <= 160
            and not line.endswith((".", ",", ";", ":", "…"))
            and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'#")
            and sum(c.isalpha() for c in line) >= 2
            and not is_generic_heading(line) and not _LIST_ITEM.match(line)
            and parse_dateline(line + " X") is None)


def _split_head(blocks: list[_Block]) -> tuple[_Head, list[list[str]]]:
    """Return the head lines' meaning and the remaining blocks' lines."""
    head = _Head()
    for b, block in enumerate(blocks[:_MAX_HEAD_BLOCKS]):
        joined = " ".join(block.lines)
        if head.title is None and 1 < len(block.lines) <= 3 and _title_like(joined) \
                and any(line[:1].islower() for line in block.lines[1:]) and b + 1 < len(blocks):
            block = _Block(lines=[joined])  # a title hard-wrapped like the body under it
        if not _head_block(block.lines):
            return head, [b.lines for b in blocks[b:]]
        for i, line in enumerate(block.lines):
            if i + 1 < len(block.lines):
                following: str | None = block.lines[i + 1]
            else:
                following = blocks[b + 1].lines[0] if b + 1 < len(blocks) else None
            if not _take_head_line(head, line, following, same_block=i > 0):
                return head, [block.lines[i:], *(b.lines for b in blocks[b + 1:])]
    return head, [b.lines for b in blocks[_MAX_HEAD_BLOCKS:]]


def _take_head_line(head: _Head, line: str, following: str | None, *, same_block: bool) -> bool:
    """Record `line` in `head` if it is head matter; return False where the body starts."""
    masthead = parse_masthead(line)
    # `Name – date` alone could be a headline: it is a masthead only as the first line, with
    # a title under it.
    if masthead is not None and (masthead.certain or (
            head.masthead is None and not head.lines and head.byline is None
            and following is not None and _title_like(following))):
        merged = _merge_masthead(head.masthead, masthead)
        if merged is not None:
            head.masthead = merged
            return True
    if head.date is None and (dated := _DATE_LINE.match(line)) is not None:
        head.date = parse_date(dated["date"])
        if head.date is not None:
            return True
    if head.byline is None:
        names = parse_byline(line)
        if names is None and head.title is not None and (signed := parse_signature(line)):
            names = (signed,)
        if names is not None:
            head.byline = names
            head.date = head.date or byline_date(line)
            return True
    if head.byline is not None and classify(line) == "drop":
        # `jane.doe@paper.com`, `Updated May 11, 2027 10:52 pm` under the byline: how to reach
        # the writer and when the page changed, neither of them the story.
        return True
    if head.byline is not None or following is None:
        return False
    if head.title is None and _title_like(line):
        head.title = line.lstrip("#").strip()
        head.lines.append(line)
        return True
    if head.title is not None and head.subtitle is None and len(line.split()) <= 40 \
            and not _LIST_ITEM.match(line) and not is_generic_heading(line) \
            and (same_block or parse_byline(following) is not None
                 or (_ends_open(line) and len(line.split()) <= 25)):
        head.subtitle = line
        head.lines.append(line)
        return True
    return False


def _merge_masthead(old: Masthead | None, new: Masthead) -> Masthead | None:
    """Return `old` completed by `new` (a date line under `Vol. 3, No. 2`), or None on a clash."""
    if old is None:
        return new
    pairs = ((old.publication, new.publication), (old.volume, new.volume),
             (old.issue, new.issue), (old.date, new.date))
    if any(a is not None and b is not None for a, b in pairs):
        return None
    return Masthead(publication=old.publication or new.publication,
                    volume=old.volume if old.volume is not None else new.volume,
                    issue=old.issue if old.issue is not None else new.issue,
                    date=old.date or new.date, series=old.series or new.series)


# --- body ---------------------------------------------------------------------------------------


def _heading_like(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= _MAX_HEADING_WORDS and len(line) <= 100
            and not line.endswith((".", ",", ";", ":", "!", "…", "”", "\"", "’", "'"))
            and (line[0].isupper() or line[0].isdigit())
            and sum(c.isalpha() for c in line) >= 2 and not _LIST_ITEM.match(line))


def _title_cased(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or (i > 0 and w.lower() in _SMALL)
                               for i, w in enumerate(words))


def _segments(lines: list[str]) -> list[_Segment]:
    """Split one block into headings, paragraphs and list items."""
    segments: list[_Segment] = []
    first = lines[0]
    hashed = _HASH_HEADING.match(first)
    if hashed and hashed["text"]:
        segments.append(_Segment("heading", [hashed["text"]], level=min(len(hashed["marks"]), 6)))
        lines = lines[1:]
    elif len(lines) == 1 and _heading_like(first):
        return [_Segment("candidate", lines)]
    elif len(lines) > 1 and _heading_like(first) and len(first.split()) <= 8 \
            and lines[1][:1].isupper() and not first.endswith(("-", "—")) \
            and ((first.isupper() and sum(c.isalpha() for c in first) >= 3)
                 or (_title_cased(first)
                     and 5 * len(first) <= 3 * max(len(x) for x in lines[1:]))):
        # A heading run into its paragraph: only when its form leaves no doubt, since the first
        # line of a hard-wrapped paragraph is also short and unpunctuated.
        segments.append(_Segment("heading", [first]))
        lines = lines[1:]
    current: _Segment | None = None
    in_list = False
    for i, line in enumerate(lines):
        marker = _LIST_ITEM.match(line)
        if marker is not None and (
                i == 0 or in_list or marker["bullet"] in _STRONG_BULLETS
                or lines[i - 1].endswith(":")):
            current = _Segment("item", [line[marker.end():]], ordered=bool(marker["number"]))
            segments.append(current)
            in_list = True
        elif current is None:
            current = _Segment("paragraph", [line])
            segments.append(current)
        else:
            current.lines.append(line)
    return segments


def _body(blocks: list[list[str]], vocabulary: frozenset[str]
          ) -> tuple[list[Paragraph], list[Heading]]:
    """Return the numbered body blocks and the headings between them."""
    segments = [s for lines in blocks for s in _segments(lines)]
    # A heading-like line is a heading only if body text follows it somewhere.
    last_text = max((i for i, s in enumerate(segments) if s.kind in ("paragraph", "item")),
                    default=-1)
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    list_id = 0
    previous_item: _Segment | None = None
    for i, segment in enumerate(segments):
        text = _join_lines(segment.lines, vocabulary)
        if segment.kind == "heading" or (segment.kind == "candidate" and i < last_text):
            headings.append(Heading(text=text, paragraph=len(paragraphs) + 1,
                                    level=segment.level))
            previous_item = None
            continue
        n = len(paragraphs) + 1
        if segment.kind == "item":
            if previous_item is None or previous_item.ordered != segment.ordered:
                list_id += 1
            paragraphs.append(Paragraph(n=n, text=text, kind="list_item", list_id=list_id,
                                        ordered=segment.ordered))
            previous_item = segment
        else:
            paragraphs.append(Paragraph(n=n, text=text))
            previous_item = None
    return paragraphs, headings


# --- meta ---------------------------------------------------------------------------------------


def _meta(head: _Head, closing: Closing, dateline: Dateline | None) -> Meta:
    masthead = head.masthead
    rights = " ".join(closing.rights) or None
    publication = masthead.publication if masthead else None
    inferred: list[str] = []
    if publication is None and rights is not None:
        publication = publication_from_rights(rights)
    if publication is None and dateline is not None:
        publication = agency_of(dateline)  # a wire story is published by its agency
    if publication is not None and (masthead is None or masthead.publication is None):
        inferred.append("publication")
    date = masthead.date if masthead else None
    if date is None:
        date = head.date
    if date is None and dateline is not None:
        date = dateline.date
    return Meta(
        publication=publication,
        volume=masthead.volume if masthead else None,
        issue=masthead.issue if masthead else None,
        date=date,
        rights=rights,
        dateline=dateline,
        credits=tuple(closing.credits),
        subtitle=head.subtitle,
        inferred=tuple(inferred),
    )
