"""The deck's outline: which slides a document makes and what text and tables each one holds.

Nothing here is measured: a `Slide` block becomes styled runs (`Run`), paragraphs of slide text
(`Item`) and layout units (`TextUnit`, `TableUnit`, `BreakUnit`) that `paginate` lays out. The
Markdown outline (slides.md) reads the deck from here alone, so it needs no font metrics and no
ReportLab.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ...blocks import (
    Block,
    Box,
    Document,
    Fields,
    Heading,
    Image,
    Inlines,
    ListBlock,
    PageBreak,
    Para,
    Quote,
    Slide,
    Table,
    Toc,
    assert_never,
)

# --- styled text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """Characters in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    muted: bool = False
    """Secondary text (¶ references, attributions), drawn in a lighter colour."""
    href: str | None = None



ItemKind = Literal["para", "bullet", "number", "quote", "attribution", "heading", "subtitle"]


@dataclass(frozen=True, slots=True)
class Item:
    """A paragraph of slide text before layout."""

    kind: ItemKind
    runs: tuple[Run, ...]
    number: int | None = None
    """Position in an ordered list."""
    scale: float = 1.0
    """Size relative to the body size."""
    continued: bool = False
    """The rest of an item split over pages: no bullet, no space before."""
    keep_with_next: bool = False
    """Keep on the same page as the next item (a quotation and its attribution)."""
    digits: int = 1
    """Digits of the widest number in the item's list: every item's text starts clear of it."""

    @property
    def indent(self) -> float:
        """Return the hanging indent in ems of the body size (bullets and numbers).

        Past nine items a list's labels ("10.") are wider than the 1.1 em that holds "9.": the
        indent then fits the widest label (digits 0.64 em, the period 0.32 em, in the wider of
        the deck's fonts) plus a gap, so no number touches its text.
        """
        if self.kind == "number" and self.digits > 1:
            return round(0.64 * self.digits + 0.32 + 0.3, 2)
        return 1.1 if self.kind in ("bullet", "number") else 0.0



def runs_of(inlines: Inlines, *, bold: bool = False, italic: bool = False,
            muted: bool = False) -> tuple[Run, ...]:
    """Return the inline content as styled runs; refs read `(¶n)`, line breaks `\\n`."""
    out: list[Run] = []
    for run in inlines:
        if run.newline:
            out.append(Run("\n", bold, italic, muted))
        elif run.ref is not None:
            label = run.text or f"¶{run.ref}"
            out.append(Run(f"({label})", bold or run.strong, italic or run.emphasis, True))
        else:
            out.append(Run(run.text, bold or run.strong, italic or run.emphasis, muted,
                           run.href))
    return merge_runs(out)


def merge_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Return `runs` without empty ones, neighbours in the same style joined into one."""
    out: list[Run] = []
    texts: list[list[str]] = []
    """The texts each run of `out` joins (joined once at the end: linear in the characters)."""
    for run in runs:
        if not run.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].muted, out[-1].href) == (
                run.bold, run.italic, run.muted, run.href):
            texts[-1].append(run.text)
        else:
            out.append(run)
            texts.append([run.text])
    return tuple(run if len(parts) == 1 else replace(run, text="".join(parts))
                 for run, parts in zip(out, texts, strict=True))


def plain_text(runs: Iterable[Run]) -> str:
    """Return the characters of `runs`."""
    return "".join(run.text for run in runs)


# --- units: what a slide's body becomes before pagination --------------------------------------


@dataclass(frozen=True, slots=True)
class TextUnit:
    """Items that flow in one text frame."""

    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class TableUnit:
    """A table (or key/value fields) with an optional header row repeated on continuations."""

    header: tuple[tuple[Run, ...], ...] | None
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    weights: tuple[float, ...]
    key_column: bool = False


@dataclass(frozen=True, slots=True)
class BreakUnit:
    """An explicit page break."""


@dataclass(frozen=True, slots=True)
class ImageUnit:
    """A picture (`<image>`): `width` is its share of the body width."""

    src: str
    alt: str
    width: float
    aspect: float = 16 / 9
    """Width over height, set from the picture when the slide is laid out."""


Unit = TextUnit | TableUnit | BreakUnit | ImageUnit


def _para_item(para: Para) -> Item:
    match para.style:
        case "subtitle" | "lead":
            return Item("subtitle", runs_of(para.content))
        case "meta" | "small" | "note":
            return Item("para", runs_of(para.content, muted=True), scale=0.8)
        case "title":
            return Item("heading", runs_of(para.content, bold=True), scale=1.15)
        case "body" | "summary":
            return Item("para", runs_of(para.content))
    assert_never(para.style)


def slide_units(children: Sequence[Block], agenda: Sequence[str] = ()) -> list[Unit]:
    """Return a slide's body blocks as layout units (consecutive text merged into one unit)."""
    units: list[Unit] = []
    pending: list[Item] = []

    def text(*items: Item) -> None:
        pending.extend(items)

    def cut(unit: Unit) -> None:
        if pending:
            units.append(TextUnit(tuple(pending)))
            pending.clear()
        units.append(unit)

    for block in children:
        match block:
            case Para():
                text(_para_item(block))
            case Heading():
                text(Item("heading", runs_of(block.content, bold=True)))
            case ListBlock():
                for n, entry in enumerate(block.items, start=1):
                    runs = runs_of(entry.content)
                    if entry.ref is not None:
                        runs = merge_runs((*_rstrip(runs), Run(f" (¶{entry.ref})", muted=True)))
                    text(Item("number" if block.ordered else "bullet", runs,
                              number=n if block.ordered else None,
                              digits=len(str(len(block.items)))))
            case Quote():
                quote = Item("quote", runs_of(block.content, italic=True), scale=1.1,
                             keep_with_next=bool(block.attribution or block.ref))
                text(quote)
                if block.attribution or block.ref is not None:
                    label = f"— {block.attribution}" if block.attribution else "—"
                    if block.ref is not None:
                        label += f" (¶{block.ref})"
                    text(Item("attribution", (Run(label, muted=True),), scale=0.85))
            case Table():
                weights = _weights(block.widths, block.header, block.rows)
                header = None if block.header is None else tuple(
                    runs_of(cell, bold=True) for cell in block.header)
                rows = tuple(tuple(runs_of(cell) for cell in row) for row in block.rows)
                if block.caption:
                    text(Item("heading", (Run(block.caption, bold=True),), scale=0.9))
                cut(TableUnit(header, rows, weights))
            case Fields():
                rows = tuple(((Run(name, bold=True),), runs_of(value))
                             for name, value in block.rows)
                cut(TableUnit(None, rows, (1.0, 3.0), key_column=True))
            case PageBreak():
                cut(BreakUnit())
            case Toc():
                for title in agenda:
                    text(Item("bullet", (Run(title),)))
            case Box():
                if block.title:
                    text(Item("heading", (Run(block.title, bold=True),)))
                inner = slide_units(block.children, agenda)
                for unit in inner:
                    if isinstance(unit, TextUnit):
                        text(*unit.items)
                    else:
                        cut(unit)
            case Image():
                cut(ImageUnit(block.src, block.alt, block.width))
            case Slide():
                # Slides do not nest; a nested one reads as a headed section of this one.
                text(Item("heading", (Run(block.title, bold=True),)))
                for unit in slide_units(block.children, agenda):
                    if isinstance(unit, TextUnit):
                        text(*unit.items)
                    else:
                        cut(unit)
            case _:
                assert_never(block)
    if pending:
        units.append(TextUnit(tuple(pending)))
    return units


def _rstrip(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    if runs and runs[-1].text != runs[-1].text.rstrip():
        return (*runs[:-1], replace(runs[-1], text=runs[-1].text.rstrip()))
    return runs


def _weights(widths: tuple[float, ...] | None, header: tuple[Inlines, ...] | None,
             rows: tuple[tuple[Inlines, ...], ...]) -> tuple[float, ...]:
    columns = max([len(header or ())] + [len(row) for row in rows] + [1])
    if widths and len(widths) == columns and all(w > 0 for w in widths):
        return widths
    return tuple(1.0 for _ in range(columns))



def deck_slides(doc: Document) -> Iterator[Slide]:
    """Yield the slides of `doc`; blocks outside any slide become slides of their own.

    A generator, so a pack's deck is laid out one slide at a time.
    """
    loose: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Slide):
            if loose:
                yield Slide(title=doc.meta.title, children=tuple(loose))
                loose = []
            yield block
        else:
            loose.append(block)
    if loose:
        yield Slide(title=doc.meta.title, children=tuple(loose))


def deck_survey(doc: Document) -> tuple[tuple[str, ...], int]:
    """Return the deck's agenda (its section titles) and its slide count, laying none out.

    A cheap pass over the blocks: a `<toc/>` on an early slide lists every section, so the
    agenda must be known before the first slide is laid out. The count is a lower bound of the
    number of deck pages (a long slide continues over several).
    """
    agenda: list[str] = []
    count = 0
    for slide in deck_slides(doc):
        count += 1
        if slide.layout == "section":
            agenda.append(slide.title)
    return tuple(agenda), count


def slide_text(slide: Slide, agenda: Sequence[str] = ()) -> str:
    """Return the slide's body as plain text, one line per item or table row (for notes)."""
    lines: list[str] = []
    for unit in slide_units(slide.children, agenda):
        if isinstance(unit, TextUnit):
            lines.extend(plain_text(item.runs) for item in unit.items)
        elif isinstance(unit, TableUnit):
            for row in ((unit.header,) if unit.header else ()) + unit.rows:
                lines.append(" — ".join(plain_text(cell) for cell in row))
    return "\n".join(line.strip() for line in lines if line.strip())


def inline_text(inlines: Inlines) -> str:
    """Return inline content as plain text with refs as `(¶n)` (for notes)."""
    return plain_text(runs_of(inlines))



__all__ = [
    "BreakUnit",
    "Item",
    "ItemKind",
    "Run",
    "TableUnit",
    "TextUnit",
    "Unit",
    "deck_slides",
    "deck_survey",
    "inline_text",
    "merge_runs",
    "plain_text",
    "runs_of",
    "slide_text",
    "slide_units",
]
