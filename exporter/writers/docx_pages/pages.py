"""Pagination of the DOCX page model: blocks (paragraphs, table rows) placed on pages with
the readers' spacing, keep-with-next, keep-lines, widow/orphan and page-break rules."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

WIDOW_LINES = 2
"""Lines LibreOffice keeps together at either end of a split paragraph under widow control."""


@dataclass(slots=True)
class Block:
    """One paragraph or one table row, as the paginator places it."""

    lines: list[int]
    """Height of each line, twips."""
    slack: int = 0
    """Of each line's height, what may run past the foot of a page (spacing under the text)."""
    before: int = 0
    after: int = 0
    keep_next: bool = False
    keep_lines: bool = False
    widow: bool = False
    break_before: bool = False
    odd_page: bool = False
    style: str = ""
    contextual: bool = False
    bookmarks: tuple[str, ...] = ()
    row: bool = False
    header_row: bool = False
    split_extra: int = 0
    """What a table row gains when it breaks across pages (its cells' margins again)."""
    repeat: int = 0
    """Height of its table's header rows, repeated at the top of each page the table runs
    onto (on the rows after them)."""


def copy_block(block: Block) -> Block:
    """A copy of `block` to change (its lines too)."""
    made = copy.copy(block)
    made.lines = list(block.lines)
    return made


def gap(previous: Block | None, block: Block, *, additive: bool) -> int:
    """Space between two paragraphs: the larger of the one's space after and the other's
    space before (ISO/IEC 29500-1 17.3.1.33; Word and LibreOffice), or both added under the
    compatibility setting `doNotUseHTMLParagraphAutoSpacing`. Between two paragraphs of one
    style, a side with contextual spacing counts for nothing."""
    if previous is None:
        return block.before
    after, before = previous.after, block.before
    if previous.style == block.style:
        after = 0 if previous.contextual else after
        before = 0 if block.contextual else before
    return after + before if additive else max(after, before)


@dataclass(slots=True)
class _Page:
    number: int = 1
    used: int = 0
    empty: bool = True
    hard: bool = True
    """Begun by a page or section break (or the document), not by the text running over."""


def _top_gap(previous: Block | None, block: Block, page: _Page, additive: bool) -> int:
    """The gap above `block`; at the top of a page only after a break: where the text ran
    over from the page before, the readers drop a paragraph's space before."""
    if page.empty:
        return block.before if page.hard else 0
    return gap(previous, block, additive=additive)


def paginate(blocks: Iterable[Block], height: int,
             trace: list[tuple[int, int, Block]] | None = None, *,
             additive: bool = False) -> dict[str, int]:
    """Place `blocks` on pages `height` twips tall; return the page of each bookmark.

    `trace` (for debugging the model) receives (page, twips from the page top, block) as
    each block is placed."""
    pages: dict[str, int] = {}
    page = _Page()
    previous: Block | None = None
    items = list(blocks)

    def new_page(odd: bool = False, hard: bool = False) -> None:
        page.number += 1
        page.hard = hard
        if odd and page.number % 2 == 0:
            page.number += 1
        page.used = 0
        page.empty = True

    index = 0
    while index < len(items):
        block = items[index]
        if block.break_before and not (page.empty and previous is None):
            new_page(block.odd_page, hard=True)
        elif block.odd_page:
            new_page(True, hard=True)
        space = _top_gap(previous, block, page, additive)
        # Keep with next: this block, its followers that keep with the next, and the first
        # lines of the one after must share a page. A table's repeated header row counts as
        # keeping with the next row: no reader leaves it alone at the foot of a page.
        need = space + _first_lines(block)
        last = block
        if _keeps_next(block):
            need = space + sum(block.lines)
            prev = block
            for nxt in items[index + 1:]:
                if nxt.break_before:
                    break
                need += gap(prev, nxt, additive=additive)
                last = nxt
                if _keeps_next(nxt):
                    need += sum(nxt.lines)
                    prev = nxt
                    continue
                need += _first_lines(nxt)
                break
        if not page.empty and page.used + need - last.slack > height:
            new_page()
            space = _top_gap(previous, block, page, additive) + block.repeat
        for name in block.bookmarks:
            pages.setdefault(name, page.number)
        if trace is not None:
            trace.append((page.number, page.used + space, block))
        page.used += space
        lines = list(block.lines)
        while lines:
            room = height - page.used
            fit = _count_fit(lines, room, block.slack)
            if fit == len(lines):
                page.used += sum(lines)
                break
            if block.keep_lines:
                fit = 0
            elif block.widow and not block.row:
                # Rows split anywhere; a paragraph keeps two lines at either end.
                if fit < WIDOW_LINES and len(lines) > 1:
                    fit = 0
                elif len(lines) - fit < WIDOW_LINES:
                    fit = len(lines) - WIDOW_LINES
                    if fit < WIDOW_LINES:
                        fit = 0
            if fit == 0 and page.empty:
                fit = max(1, min(len(lines), _count_fit(lines, room, block.slack)))
            page.used += sum(lines[:fit])
            split = 0 < fit < len(lines)
            lines = lines[fit:]
            if lines:
                new_page()
                page.used += block.repeat
                if split and block.row:
                    lines[0] += block.split_extra
                page.empty = False
        page.empty = False
        previous = block
        index += 1
    pages["#pages"] = page.number
    return pages


def _keeps_next(block: Block) -> bool:
    return block.header_row or (block.keep_next and not block.row)


def _count_fit(lines: list[int], room: int, slack: int) -> int:
    """How many of `lines` fit in `room` (the last one without its slack)."""
    total = 0
    for count, h in enumerate(lines):
        if total + h - slack > room:
            return count
        total += h
    return len(lines)


def _first_lines(block: Block) -> int:
    """Height of what must come first on a page of `block`: all of it when it cannot split,
    else its first line (a table row), or two lines under widow control."""
    if block.keep_lines:
        return sum(block.lines)
    if block.row:
        return block.lines[0]
    return sum(block.lines[:WIDOW_LINES if block.widow else 1])
