"""Closing matter of a raw text article: the author bio, the rights line and the credits.

These trail the body in magazine and wire dumps (`The writer is …`, `©2017 …`, `Reporting by …`).
`split_closing` peels them off the end of the body's blocks, so they reach the model as data and
never as numbered paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .masthead import is_name

_RIGHTS = re.compile(r"^(?:©|\(c\)\s*\d|copyright\b|all rights reserved)", re.IGNORECASE)
_RIGHTS_ANYWHERE = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
_CREDITS = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|reported|written|edited|compiled|"
    r"photos?|photographs?|photography|illustrations?|graphics|translation|translated|research|"
    r"produced|production|fact-checking)\s+by\b",
    re.IGNORECASE,
)
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
_ABOUT = re.compile(r"^about\s+the\s+(?:author|writer)s?\s*:?\s*$", re.IGNORECASE)
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


def _bio_name(text: str) -> tuple[bool, str | None]:
    """Return (is a bio, the name it gives) for one closing segment."""
    if len(text.split()) > _MAX_BIO_WORDS:
        return False, None
    if _BIO_NAMELESS.match(text):
        return True, None
    match = _BIO_NAMED.match(text)
    if match is None:
        return False, None
    name = match["name"]
    if name.split()[0].lower() in _NOT_NAMES or not is_name(name):
        return False, None
    return True, name


def _starts_segment(line: str, previous: str | None) -> bool:
    if previous is not None and previous.endswith((";", ",")):
        return False  # `Reporting by A;` wrapped before `Additional reporting by B`
    first = previous is None
    text = _clean(line)
    if _RIGHTS.match(text) or _CREDITS.match(text) or _BIO_NAMELESS.match(text):
        return True
    return first and (bool(_ABOUT.match(text)) or _bio_name(text)[0])


def _kind(text: str) -> str | None:
    if _ABOUT.match(text):
        return "about"
    if _RIGHTS.match(text) or (_RIGHTS_ANYWHERE.search(text) and len(text.split()) <= 25):
        return "rights"
    if _CREDITS.match(text) and len(text.split()) <= 60:
        return "credits"
    if _bio_name(text)[0]:
        return "bio"
    return None


def split_closing(blocks: list[list[str]]) -> tuple[list[list[str]], Closing]:
    """Return the body blocks without their closing matter, and the closing matter.

    At least one block is always left as body: a text that is all "closing" is really body.
    """
    closing = Closing()
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
        elif kind == "bio":
            closing.bios.append((_bio_name(text)[1], text))
    return body, closing


def publication_from_rights(rights: str) -> str | None:
    """Return the site a rights line names (`©2017 SouthAsia.com.pk` → `SouthAsia`), or None."""
    match = _DOMAIN.search(rights)
    if match is None:
        return None
    label = match["label"]
    return label if any(c.isalpha() for c in label) else None
