"""The outline: which blocks are headings of the table of contents, and bookmark names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...blocks import Block, Document, Heading, Para, Slide, iter_walk, paragraph_anchor, plain
from .elements import _clip


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the table of contents, in document order."""

    level: int
    text: str


class _Outline:
    """Decide which blocks are listed headings; shared by `toc_entries` and the renderer.

    The first title-style paragraph is the document's Title; later ones (each article of a pack)
    become Heading 1, so they are listed, and the headings after them move one level down, so
    an article's sections nest under its title. `segment` counts title paragraphs so that the
    same ¶ anchor in two articles of a pack gets two bookmarks and each citation finds its own.
    """

    def __init__(self) -> None:
        self.titles = 0

    @property
    def segment(self) -> int:
        return self.titles

    def level(self, block: Block) -> int | None:
        """Return the outline level of `block` (None: not listed); call once per block, in order."""
        match block:
            case Heading():
                return self.heading_level(block) if block.toc else None
            case Para(style="title"):
                self.titles += 1
                return 1 if self.titles > 1 else None
            case Slide():
                if not block.title.strip():
                    return None
                return 1 if block.layout in ("title", "section") else 2
            case _:
                return None


    def heading_level(self, block: Heading) -> int:
        """Return the Word heading level of `block`, one down inside a pack's articles."""
        return min(block.level + 1, 3) if self.titles > 1 else block.level


def _block_text(block: Block) -> str:
    if isinstance(block, Slide):
        return block.title
    if isinstance(block, (Heading, Para)):
        return plain(block.content)
    return ""


def toc_entries(doc: Document) -> list[TocEntry]:
    """Return the entries the DOCX table of contents lists, so a caller can supply their pages."""
    outline = _Outline()
    entries = []
    for block in iter_walk(doc.blocks):
        level = outline.level(block)
        if level is not None:
            entries.append(TocEntry(level, _clip(_block_text(block), 1000)))
    return entries


_BOOKMARK_BAD = re.compile(r"[^A-Za-z0-9_]")


def _bookmark_name(anchor: str) -> str:
    """Return `anchor` as a valid Word bookmark name: a letter first, at most 40 characters."""
    name = _BOOKMARK_BAD.sub("_", anchor)
    if not name[:1].isalpha():
        name = "a" + name
    return name[:40]


def _anchor_of(block: Block) -> str | None:
    """Return the anchor `block` is the target of, if any."""
    if isinstance(block, Para):
        if block.anchor:
            return block.anchor
        return paragraph_anchor(block.number) if block.number is not None else None
    if isinstance(block, Heading):
        return block.anchor
    return None
