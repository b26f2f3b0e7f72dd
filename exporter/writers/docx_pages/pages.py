"""Pagination of the DOCX page model: blocks (paragraphs, table rows) placed on pages with
the readers' spacing, keep-with-next, keep-lines, widow/orphan and page-break rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

WIDOW_LINES = 2
"""Lines LibreOffice keeps together at either end of a split paragraph under widow control."""


@dataclass(slots=True)
class Block:
    """One paragraph or one table row, as the paginator places it."""

    lines: list[int]
    """Height of each line, twips."""
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


def _gap(previous: Block | None, block: Block, *, top: bool) -> int:
    """Space between `previous` and `block`: both paragraphs' spacing, added (as Word does),
    none between two paragraphs of one style with contextual spacing."""
    if previous is None or top:
        return block.before
    if block.contextual and previous.style == block.style:
        return 0
    if previous.contextual and previous.style == block.style:
        return block.before
    return previous.after + block.before


@dataclass(slots=True)
class _Page:
    number: int = 1
    used: int = 0
    empty: bool = True


def paginate(blocks: Iterable[Block], height: int,
             trace: list[tuple[int, int, Block]] | None = None) -> dict[str, int]:
    """Place `blocks` on pages `height` twips tall; return the page of each bookmark.

    `trace` (for debugging the model) receives (page, twips from the page top, block) as
    each block is placed."""
    pages: dict[str, int] = {}
    page = _Page()
    previous: Block | None = None
    pending: list[Block] = []
    items = list(blocks)

    def new_page(odd: bool = False) -> None:
        page.number += 1
        if odd and page.number % 2 == 0:
            page.number += 1
        page.used = 0
        page.empty = True

    index = 0
    while index < len(items):
        block = items[index]
        if block.break_before and not (page.empty and previous is None):
            new_page(block.odd_page)
        elif block.odd_page:
            new_page(True)
        gap = _gap(previous, block, top=page.empty)
        # Keep with next: this block, its followers that keep with the next, and the first
        # lines of the one after must share a page. A table's repeated header row counts as
        # keeping with the next row: no reader leaves it alone at the foot of a page.
        need = gap + _first_lines(block)
        if _keeps_next(block):
            need = gap + sum(block.lines)
            prev = block
            for nxt in items[index + 1:]:
                if nxt.break_before:
                    break
                need += _gap(prev, nxt, top=False)
                if _keeps_next(nxt):
                    need += sum(nxt.lines)
                    prev = nxt
                    continue
                need += _first_lines(nxt)
                break
        if not page.empty and page.used + need > height:
            new_page()
            gap = _gap(previous, block, top=True)
        for name in block.bookmarks:
            pages.setdefault(name, page.number)
        if trace is not None:
            trace.append((page.number, page.used + gap, block))
        page.used += gap
        lines = list(block.lines)
        split = block.widow and not block.keep_lines
        while lines:
            room = height - page.used
            fit = 0
            total = 0
            for h in lines:
                if total + h > room:
                    break
                total += h
                fit += 1
            if fit == len(lines):
                page.used += total
                break
            if block.keep_lines or block.row:
                fit = 0 if not page.empty else max(fit, 1)
            elif split:
                if fit < WIDOW_LINES and len(lines) > 1:
                    fit = 0
                elif len(lines) - fit < WIDOW_LINES:
                    fit = max(len(lines) - WIDOW_LINES, 0)
                    if fit < WIDOW_LINES:
                        fit = 0
            if fit == 0 and page.empty:
                fit = max(1, min(len(lines), _count_fit(lines, room)))
            page.used += sum(lines[:fit])
            lines = lines[fit:]
            if lines:
                new_page()
                page.empty = False
        page.empty = False
        page.used += 0
        previous = block
        pending.clear()
        index += 1
    pages["#pages"] = page.number
    return pages


def _keeps_next(block: Block) -> bool:
    return block.header_row or (block.keep_next and not block.row)


def _count_fit(lines: list[int], room: int) -> int:
    total = 0
    for count, h in enumerate(lines):
        total += h
        if total > room:
            return count
    return len(lines)


def _first_lines(block: Block) -> int:
    if block.keep_lines or block.row or len(block.lines) <= WIDOW_LINES or not block.widow:
        return sum(block.lines) if (block.keep_lines or block.row) else sum(
            block.lines[:WIDOW_LINES if block.widow else 1])
    return sum(block.lines[:WIDOW_LINES])


