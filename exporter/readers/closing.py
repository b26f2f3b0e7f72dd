"""Closing matter of a raw text article: the author bio, the rights line and the credits.

These trail the body in magazine and wire dumps (`The writer is …`, `©2017 …`, `Reporting by …`).
`split_closing` peels them off the end of the body's blocks, so they reach the model as data and
never as numbered paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Author
from .masthead import is_name

_RIGHTS = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b|all rights reserved)", re.IGNORECASE)
_RIGHTS_ANYWHERE = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
_CREDITS = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|reported|written|edited|compiled|"
    r"photos?|photographs?|photography|illustrations?|graphics|translation|translated|research|"
    r"produced|production|fact-checking)\s+by\b",
    re.IGNORECASE,
)
# `Jane Doe contributed reporting from Kabul.`, `AP writers … contributed to this report.`
_CONTRIBUTED = re.compile(
    r"^[^\W\d_].{1,200}?\bcontributed\s+(?:reporting|research|writing|to\s+this\s+"
    r"(?:report|story|article))\b", re.IGNORECASE)
_BIO_NAMELESS = re.compile(
    r"^(?:the|this)\s+(?:writer|author|columnist|contributor|reviewer|blogger|essayist|"
    r"commentator)s?\s+(?:is|are|was|were|has|have|had|teaches|taught|works|worked|heads|"
    r"serves|served|lives|can|may)\b",
    re.IGNORECASE,
)
_BIO_NAMED = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,4}?)\s+"
    r"(?:(?:is|was)\s+(?:a|an|the)\b|(?:covers|writes|reports|teaches|heads|directs|edits|works|"
    r"leads|manages|researches)\b)"
)
_NOT_NAMES = frozenset({"the", "this", "that", "it", "he", "she", "they", "we", "our", "these",
                        "those", "such", "a", "an", "there", "here", "his", "her", "their"})
_ABOUT = re.compile(r"^about\s+the\s+(?:author|writer|contributor)s?\b\s*[:.—–-]?\s*(?P<rest>.*)$",
                    re.IGNORECASE)
# Where the piece was first printed: provenance, kept with the credits.
_PROVENANCE = re.compile(
    r"^(?:(?:this|the|a|an)\s+(?:(?:earlier|shorter|longer|edited|different)\s+)?"
    r"(?:article|story|piece|essay|column|version|report|commentary|op-ed|post|interview)"
    r"(?:\s+of\s+this\s+\w+)?\s+(?:was\s+|is\s+|has\s+been\s+)?"
    r"(?:(?:first|originally|previously|also)\s+)?(?:appeared|appears|published|ran|posted)"
    r"|(?:originally|first)\s+(?:published|appeared|posted)|republished\s+(?:with|by|from)"
    r"|reprinted\s+(?:with|by|from))\b",
    re.IGNORECASE,
)
# A dash before the closing bio (`— Jane Doe is a senior fellow …`) marks it as one.
_DASH = re.compile(r"^(?:[—–]|--?)\s*(?=\S)")
# A name opening a marked bio, then any lower-case word (`Jane Doe has reported from …`).
_LEAD_NAME = re.compile(r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,4}?)"
                        r"(?:\s+\([^()]{1,40}\))?,?\s+[a-z]")
_DOMAIN = re.compile(
    r"\b(?:www\.)?(?P<label>[^\W_][\w-]{0,62})\."
    r"(?:com|org|net|info|news|co|tv|media|biz|[a-z]{2})(?:\.[a-z]{2})?\b"
)
_MAX_BIO_WORDS = 80
_MAX_CLOSING_BLOCKS = 8


@dataclass(slots=True)
class Closing:
    """What the closing matter held, in reading order."""

    bios: list[tuple[str | None, str]] = field(default_factory=list)
    """(name or None, bio line) pairs."""
    rights: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    # Dumps of web pages keep emphasis markers around bios: `*The writer is …*`.
    return " ".join(text.split()).strip("*_ ")


def _bio(text: str) -> tuple[str | None, str] | None:
    """Return (the name it gives, the bio) if `text` is an author bio, else None."""
    marked = False
    if (dash := _DASH.match(text)) is not None:
        text, marked = text[dash.end():].strip("*_ "), True
    if (about := _ABOUT.match(text)) is not None and about["rest"]:
        text, marked = about["rest"], True
    if not text or len(text.split()) > _MAX_BIO_WORDS:
        return None
    if _BIO_NAMELESS.match(text):
        return None, text
    match = _BIO_NAMED.match(text) or (_LEAD_NAME.match(text) if marked else None)
    if match is not None:
        name = match["name"]
        if name.split()[0].lower() not in _NOT_NAMES and is_name(name):
            return name, text
    # Under `About the author` any text is the bio, named or not.
    return (None, text) if about is not None and about["rest"] else None


def _starts_segment(line: str, previous: str | None) -> bool:
    if previous is not None and previous.endswith((";", ",")):
        return False  # `Reporting by A;` wrapped before `Additional reporting by B`
    first = previous is None
    text = _clean(line)
    if _RIGHTS.match(text) or _CREDITS.match(text) or _BIO_NAMELESS.match(text) \
            or _PROVENANCE.match(text) or _ABOUT.match(text) or _CONTRIBUTED.match(text):
        return True
    return first and (_DASH.match(text) is not None or _bio(text) is not None)


def _kind(text: str) -> str | None:
    if (about := _ABOUT.match(text)) is not None and not about["rest"]:
        return "about"
    if _RIGHTS.match(text) or (_RIGHTS_ANYWHERE.search(text) and len(text.split()) <= 25):
        return "rights"
    if ((_CREDITS.match(text) or _CONTRIBUTED.match(text)) and len(text.split()) <= 60) \
            or (_PROVENANCE.match(text) and len(text.split()) <= 40):
        return "credits"
    if _bio(text) is not None:
        return "bio"
    return None


def _merge_about(blocks: list[list[str]]) -> list[list[str]]:
    """Join an `About the author` header to the bio blocks under it, so they read as one."""
    first = max(0, len(blocks) - _MAX_CLOSING_BLOCKS)
    for b in range(len(blocks) - 1, first - 1, -1):
        for i, line in enumerate(blocks[b]):
            about = _ABOUT.match(_clean(line))
            if about is None or about["rest"] or (b == 0 and i == 0):
                continue
            rest = blocks[b][i + 1:]
            after = b + 1
            # The bio runs on to the rights or credits that close the text, if any.
            while after < len(blocks) and _kind(_clean(blocks[after][0])) not in (
                    "rights", "credits"):
                rest = [*rest, *blocks[after]]
                after += 1
            if not rest:
                return blocks
            merged = [*blocks[b][:i], f"{_clean(line).rstrip(':.')}: {' '.join(rest)}"]
            return [*blocks[:b], merged, *blocks[after:]]
    return blocks


def split_closing(blocks: list[list[str]]) -> tuple[list[list[str]], Closing]:
    """Return the body blocks without their closing matter, and the closing matter.

    At least one block is always left as body: a text that is all "closing" is really body.
    """
    closing = Closing()
    blocks = _merge_about(blocks)
    found: list[tuple[str, str]] = []
    end = len(blocks)
    tail: list[str] | None = None
    for _ in range(_MAX_CLOSING_BLOCKS):
        if end <= 1:
            break
        lines = blocks[end - 1]
        # A new segment starts wherever a closing line starts; a bio naming its subject only
        # at the head of a block, since "Jane Doe is a …" is also an ordinary sentence.
        starts = [i for i, line in enumerate(lines)
                  if _starts_segment(line, lines[i - 1] if i else None)]
        cut = len(lines)
        taken: list[tuple[str, str]] = []
        for start in reversed(starts):
            text = _clean(" ".join(lines[start:cut]))
            kind = _kind(text)
            if kind is None:
                break
            taken.append((kind, text))
            cut = start
        found.extend(taken)
        if cut > 0:
            if taken:
                tail = lines[:cut]
            break
        end -= 1
    body = blocks[:end]
    if tail is not None:
        body = [*blocks[: end - 1], tail]
    for kind, text in reversed(found):
        if kind == "rights":
            closing.rights.append(text)
        elif kind == "credits":
            closing.credits.append(text)
        elif kind == "bio" and (bio := _bio(text)) is not None:
            closing.bios.append(bio)
    return body, closing


def publication_from_rights(rights: str) -> str | None:
    """Return the site a rights line names (`©2017 SouthAsia.com.pk` → `SouthAsia`), or None."""
    match = _DOMAIN.search(rights)
    if match is None:
        return None
    label = match["label"]
    return label if any(c.isalpha() for c in label) else None


def attach_bios(authors: tuple[Author, ...], closing: Closing) -> tuple[Author, ...]:
    """Return the byline's authors with the closing bios attached where they clearly belong."""
    found = list(authors)
    for name, bio in closing.bios:
        index = next((i for i, a in enumerate(found) if name is not None and a.name == name),
                     None)
        if index is None and name is None and len(found) == 1 and found[0].bio is None:
            index = 0  # `The writer is …` under a one-name byline is about that name
        if index is None:
            found.append(Author(name=name, bio=bio))
        elif found[index].bio is None:
            found[index] = Author(name=found[index].name, bio=bio)
    return tuple(found)
