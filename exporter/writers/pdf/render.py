"""Blocks -> ReportLab flowables: how each block of the block document looks in the PDF."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import NotAtTopPageBreak
from reportlab.platypus.flowables import HRFlowable

from ... import blocks as b
from ...options import RenderOptions
from ..images import picture
from .flowables import Entry, Figure, LazyChunk, PageRefPara, Para, RightPageGuard, TagMark
from .markup import Anchors, glyph_safe, inline_markup, pieces, plain_text
from .page import BriefingDocTemplate, contents
from .styles import Styles, continued, markup_colour, unkept
from .tagging import Tag, default_description

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable



TITLE_BLOCK = frozenset({"title", "subtitle", "meta", "note"})
"""Paragraph styles that make up a title block; a rule closes the block after the title."""


def _cell_font(family: str) -> tuple[Any, ...]:
    """Tables set their cells' default font on the canvas even when every cell holds
    paragraphs; without this ReportLab's Helvetica would be referenced, unembedded."""
    return ("FONTNAME", (0, 0), (-1, -1), family)


TABLE_START = 110
"""Points a table's heading needs below it (the heading, the header row, two rows)."""
SHORT_LIST = 1500
"""Lists up to this many characters (and 8 items) are kept together on one page."""
SHORT_QUOTE = 600
"""Quotations up to this many characters are kept on one page with their attribution."""
HEADING_CHARS = 1_000
"""Longer headings are laid out as paragraphs in the heading's type, not kept with the next."""


def collect_anchors(blocks: Iterable[b.Block]) -> Anchors:
    """Return the anchors of `blocks` by position in `blocks.walk` order."""
    anchors = Anchors()
    for position, block in enumerate(b.iter_walk(blocks)):
        if isinstance(block, (b.Para, b.Heading)) and block.anchor:
            anchors.add(block.anchor, position)
        elif isinstance(block, b.Quote) and block.ref is not None:
            # A quotation in the full text is the paragraph it cites; used when that
            # paragraph has no anchor of its own.
            anchors.add(b.paragraph_anchor(block.ref), position, weak=True)
    return anchors


class Renderer:
    """Turn one document's blocks into flowables, in `blocks.walk` order."""

    def __init__(self, doc: b.Document, template: BriefingDocTemplate, styles: Styles,
                 *, duplex: bool, options: RenderOptions | None = None) -> None:
        self.doc = doc
        self.options = options or RenderOptions()
        self.template = template
        self.styles = styles
        self.duplex = duplex
        self.anchors = collect_anchors(doc.blocks)
        self.position = -1
        self.headings = 0
        self.title_open = False
        self.look = styles.look
        self.cell_font = _cell_font(styles.look.serif)
        self.container: Tag | None = None
        """The structure element the blocks being made belong to (None: the document)."""
        self.heading_shift = _heading_shift(doc.blocks)
        self.link_labels: dict[str, str] = {}
        """What a link to a heading's destination or contents key says (its text)."""

    # --- helpers -------------------------------------------------------------------------------

    def markup(self, runs: b.Inlines, style: ParagraphStyle) -> str:
        return inline_markup(runs, style.fontName, anchors=self.anchors, position=self.position,
                             link=self.look.link)

    def tag(self, role: str, **kwargs: Any) -> Tag:
        """Return a new structure element of `role` in the current container."""
        return Tag(role, self.container, **kwargs)

    def describe(self, destination: str) -> str:
        """Return what a link to `destination` says (a heading's text, "Paragraph 12", a URL)."""
        return self.link_labels.get(destination) or default_description(destination)

    def paragraphs(self, runs: b.Inlines, style: ParagraphStyle, *,
                   destination: str | None = None, suffix: str = "",
                   label: str | None = None, bullet: str | None = None,
                   anchor: str | None = None, tag: Tag | None = None) -> list[Flowable]:
        """Return `runs` as one paragraph, or several pieces when it is very long.

        `destination` (the link target it is), `label` (the margin ¶ number) and `bullet` go
        on the first piece, `suffix` (a ¶ citation) on the last. Every piece is the one element
        `tag` (a new P when not given); a bullet makes it a list item (LI: Lbl and LBody).
        """
        parts = pieces(runs) or [()]
        if tag is None:
            tag = self.tag("P")
        label_tag = None
        if bullet is not None:
            label_tag, tag = Tag("Lbl", tag), Tag("LBody", tag)
        out: list[Flowable] = []
        for i, part in enumerate(parts):
            first, last = i == 0, i == len(parts) - 1
            text = self.markup(part, style)
            if last:
                text += suffix
            para = Para(text, continued(style, first=first, last=last),
                        bulletText=bullet if first else None,
                        destination=destination if first else None)
            if first:
                para.label = label
                para.label_look = (self.look.sans, self.look.muted)
                para.anchor = anchor
                para.label_tag = label_tag
            para.tag, para.continues = tag, not last
            out.append(para)
        return out

    def destination(self, name: str | None) -> str | None:
        """Return the destination of the anchor `name` the current block defines, if any."""
        return self.anchors.destination(name, self.position) if name else None

    # --- blocks --------------------------------------------------------------------------------

    def lazy_story(self, blocks: Sequence[b.Block]) -> list[Flowable]:
        """Return the document's flowables: the opening made now, the rest a `LazyChunk` that
        makes them a block at a time as layout reaches them, so long documents and packs lay
        out in flat memory.

        The blocks too are read only then (a pack's come back from disk), and both blocks and
        flowables are dropped once drawn. Everything up to the table of contents is made at
        once: multiBuild finds the contents among the flowables it is given, and each layout
        pass reuses them; the lazy rest is made afresh on every pass.
        """
        restarts: set[int] = set()
        last_toc = -1
        for index, block in enumerate(blocks):
            if isinstance(block, b.Toc):
                last_toc = index
            elif isinstance(block, b.PageBreak):
                restarts.add(index)
        first = min(last_toc + 1 if last_toc >= 0 else 1, len(blocks))
        upcoming = blocks[first] if first < len(blocks) else None
        out: list[Flowable] = self.story(tuple(blocks[i] for i in range(first)), after=upcoming)
        if first < len(blocks):
            out.append(LazyChunk(self._expander(blocks, first, restarts)))
        return out

    def _expander(self, blocks: Sequence[b.Block], first: int,
                  restarts: set[int]) -> Callable[[], list[Flowable]]:
        position, headings, title_open = self.position, self.headings, self.title_open

        def expand() -> list[Flowable]:
            # Each layout pass starts the rest afresh, from the state the opening left.
            self.position, self.headings, self.title_open = position, headings, title_open
            return _pull(self._steps(blocks, first, restarts))

        return expand

    def _steps(self, blocks: Sequence[b.Block], first: int,
               restarts: set[int]) -> Iterator[list[Flowable]]:
        """Yield the flowables of each block from `first` on, with one block of lookahead.

        A page break starts a fresh stretch, as if the stretch were a story of its own: the
        title rule is not carried over it, and the block before it has nothing following.
        """
        upcoming = (blocks[i] for i in range(first, len(blocks)))
        index, block = first, next(upcoming, None)
        while block is not None:
            following = next(upcoming, None)
            if index in restarts:
                self.title_open = False
            yield self.step(block, None if index + 1 in restarts else following, top=True)
            index, block = index + 1, following

    def story(self, blocks: tuple[b.Block, ...], *, top: bool = True,
              after: b.Block | None = None) -> list[Flowable]:
        """Return the flowables of `blocks`; `after` is the block that follows the last one."""
        out: list[Flowable] = []
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else after
            out.extend(self.step(block, following, top=top))
        return out

    def step(self, block: b.Block, following: b.Block | None, *, top: bool) -> list[Flowable]:
        """Return the flowables of one block of a story, given the block after it."""
        out: list[Flowable] = []
        in_title = isinstance(block, b.Para) and block.style in TITLE_BLOCK
        if top and self.title_open and not in_title:
            # A rule closes the title block, as on a printed briefing's first page.
            out.append(HRFlowable(width="100%", thickness=1.2, color=self.look.heading,
                                  spaceBefore=8, spaceAfter=2))
            self.title_open = False
        if top and isinstance(block, b.Para) and block.style == "title":
            self.title_open = True
        if isinstance(block, b.Heading) and isinstance(following, b.Table):
            # keepWithNext would move a heading and a long table to the next page whole,
            # leaving half a page empty: ask instead for room for the heading and a few
            # rows, and let the table split (its header row repeats).
            out.append(CondPageBreak(TABLE_START))
            flowables = self.block(block, top=top)
            for flowable in flowables:
                flowable.keepWithNext = 0
            out.extend(flowables)
            return out
        out.extend(self.block(block, top=top))
        return out

    def block(self, block: b.Block, *, top: bool) -> list[Flowable]:
        self.position += 1
        s = self.styles
        match block:
            case b.Heading():
                return self.heading(block.level, block.content, block.anchor, toc=block.toc)
            case b.Para():
                style = s.para[block.style]
                label = str(block.number) if block.number is not None else None
                # The title is the document's first-level heading.
                tag = self.tag("H", level=1) if block.style == "title" else None
                return self.paragraphs(block.content, style, label=label,
                                       destination=self.destination(block.anchor),
                                       anchor=block.anchor, tag=tag)
            case b.ListBlock():
                return self.list_block(block, top=top)
            case b.Quote():
                return self.quote(block)
            case b.Table():
                return self.table(block)
            case b.Fields():
                return self.fields(block)
            case b.PageBreak():
                if not top:
                    return []
                out: list[Flowable] = [NotAtTopPageBreak()]
                if block.parity == "right" and self.duplex:
                    out.append(RightPageGuard(self.template))
                return out
            case b.Toc():
                self.template.toc_depth = block.depth
                title = Para(glyph_safe(block.title, s.toc_title.fontName), s.toc_title)
                title.tag = self.tag("P")
                return [title, contents(s.toc_levels, self.tag("TOC")), Spacer(1, 0.4 * cm)]
            case b.Box():
                return self.box(block)
            case b.Image():
                return [self.image(block)]
            case b.Slide():
                # Not expected in a briefing; shown as a section so nothing is lost.
                flow = self.heading(2, (b.Inline(text=block.title),), None, toc=True)
                flow.extend(self.story(block.children, top=False))
                if block.notes:
                    flow.extend(self.paragraphs(block.notes, s.para["note"]))
                return flow
            case _:
                b.assert_never(block)

    def image(self, block: b.Image) -> Flowable:
        """Return the picture at its share of the text width (never taller than the frame)."""
        found = picture(block.src, self.options)
        width = self.template.width * block.width
        height = width / found.aspect
        if height > self.template.height * 0.8:
            height = self.template.height * 0.8
            width = height * found.aspect
        return Figure(found.data, width, height, Tag("Figure", self.container, alt=block.alt))

    def heading(self, level: int, content: b.Inlines, anchor: str | None, *,
                toc: bool) -> list[Flowable]:
        style = self.styles.heading[level]
        destination = self.anchors.destination(anchor, self.position) if anchor else None
        tag = self.tag("H", level=level + self.heading_shift)
        text = plain_text(content)[:200]
        if destination:
            self.link_labels[destination] = text
        if sum(len(run.text) for run in content) > HEADING_CHARS:
            # A heading taller than a page cannot be kept with what follows: ReportLab moves
            # it to a fresh page again and again, splitting its long words each time (a
            # 4,000-character token never finished). Lay it out as a long paragraph instead.
            flow = self.paragraphs(content, unkept(style), destination=destination,
                                   anchor=anchor, tag=tag)
        else:
            para = Para(self.markup(content, style), style, destination=destination)
            para.anchor = anchor
            para.tag = tag
            flow = [para]
        if toc:
            self.headings += 1
            toc_face = self.styles.toc_levels[min(level, 2) - 1].fontName
            flow[0].entry = Entry(level=level - 1, text=text, markup=glyph_safe(text, toc_face),
                                  key=f"_h{self.headings}")
            self.link_labels[flow[0].entry.key] = text
        return flow

    def ref_tag(self, n: int | None) -> str:
        """Return the small ¶ citation appended to list items and attributions."""
        if n is None:
            return ""
        label = self.markup((b.Inline(text=f"¶{n}", ref=n),), self.styles.attribution)
        return (f'&#160;<font face="{self.look.sans}" size="7.5" '
                f'color="{markup_colour(self.look.muted.hexval()[2:])}">{label}</font>')

    def list_block(self, block: b.ListBlock, *, top: bool = True) -> list[Flowable]:
        out: list[Flowable] = []
        items = self.tag("L")
        for number, item in enumerate(block.items, start=1):
            out.extend(self.paragraphs(item.content, self.styles.list_item,
                                       bullet=f"{number}." if block.ordered else "•",
                                       suffix=self.ref_tag(item.ref), tag=Tag("LI", items)))
        # A short list is kept on one page, so no item is stranded alone on the next one.
        chars = sum(len(r.text) for item in block.items for r in item.content)
        # (Only at the top level: inside a box's table cell there is no page to keep to.)
        short = len(block.items) <= 8 and chars <= SHORT_LIST
        return [KeepTogether(out)] if top and short else out

    def quote(self, block: b.Quote) -> list[Flowable]:
        s = self.styles
        quote = self.tag("BlockQuote")
        body = self.paragraphs(block.content, s.quote, tag=Tag("P", quote))
        who = f"— {glyph_safe(block.attribution, s.attribution.fontName)}" \
            if block.attribution else ""
        ref = self.ref_tag(block.ref)
        flow = list(body)
        if who or ref:
            attribution = Para(who + ref, s.attribution)
            attribution.tag = Tag("P", quote)
            flow.append(attribution)
        else:
            flow.append(Spacer(1, s.attribution.spaceAfter))
        chars = sum(len(r.text) for r in block.content)
        return [KeepTogether(flow)] if chars <= SHORT_QUOTE else flow

    def cell(self, runs: b.Inlines, style: ParagraphStyle, tag: Tag) -> list[Flowable]:
        """Return a table cell's flowables, tagged as the cell `tag` (TH or TD)."""
        if any(run.pageref for run in runs):
            position, pages = self.position, self.template.anchor_pages

            def make_text() -> str:
                return inline_markup(runs, style.fontName, anchors=self.anchors,
                                     position=position, link=self.look.link, pages=pages)

            para = PageRefPara(make_text, style)
            para.tag = tag
            return [para]
        return self.paragraphs(runs, style, tag=tag)

    def table(self, block: b.Table) -> list[Flowable]:
        s = self.styles
        columns = max([len(block.header or ())] + [len(row) for row in block.rows])
        if columns == 0:
            return []
        table_tag = self.tag("Table")

        def row_of(cells: Sequence[b.Inlines], style: ParagraphStyle, role: str) -> list[Any]:
            row = Tag("TR", table_tag)
            scope = "Column" if role == "TH" else None
            out = [self.cell(c, style, Tag(role, row, scope=scope)) for c in cells]
            # A short row is padded with empty cells (elements all the same).
            out.extend([TagMark(Tag(role, row, scope=scope))]
                       for _ in range(columns - len(cells)))
            return out

        rows: list[list[Any]] = []
        if block.header is not None:
            rows.append(row_of(block.header, s.header_cell, "TH"))
        rows.extend(row_of(row, s.cell, "TD") for row in block.rows)
        widths = _widths(block.widths, columns, self.template.width)
        header = 1 if block.header is not None else 0
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"), self.cell_font,
            ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, self.look.heading),
            ("ROWBACKGROUNDS", (0, header), (-1, -1), ["white", self.look.zebra]),
        ]
        if header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), self.look.heading)]
        table = Table(rows, colWidths=widths, repeatRows=header, splitInRow=1,
                      style=TableStyle(commands), hAlign="LEFT", spaceBefore=4, spaceAfter=10)
        if block.caption:
            caption = Para(glyph_safe(block.caption, s.caption.fontName), s.caption)
            caption.tag = Tag("Caption", table_tag)
            return [caption, table]
        return [table]

    def fields(self, block: b.Fields) -> list[Flowable]:
        s = self.styles
        if not block.rows:
            return []
        # A key-value table: each row's first cell heads the row.
        table_tag = self.tag("Table")
        rows = []
        for name, value in block.rows:
            row = Tag("TR", table_tag)
            key = Para(glyph_safe(name, s.field_name.fontName), s.field_name)
            key.tag = Tag("TH", row, scope="Row")
            rows.append([key, self.cell(value, s.field_value, Tag("TD", row))])
        width = self.template.width
        table = Table(rows, colWidths=[0.26 * width, 0.74 * width], splitInRow=1,
                      hAlign="LEFT", spaceBefore=2, spaceAfter=10, style=TableStyle([
                          ("VALIGN", (0, 0), (-1, -1), "TOP"), self.cell_font, self.cell_font,
                          ("LEFTPADDING", (0, 0), (-1, -1), 0),
                          ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                          ("TOPPADDING", (0, 0), (-1, -1), 4),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                          ("LINEBELOW", (0, 0), (-1, -1), 0.4, self.look.rule),
                      ]))
        return [table]

    def box(self, block: b.Box) -> list[Flowable]:
        s = self.styles
        rows: list[list[Any]] = []
        # A panel is a layout table: its structure is a division holding its blocks.
        panel = self.tag("Div")
        if block.title:
            title = Para(glyph_safe(block.title.upper(), s.box_title.fontName), s.box_title)
            title.tag = Tag("P", panel)
            rows.append([title])
        outer, self.container = self.container, panel
        try:
            children = self.story(block.children, top=False)
        finally:
            self.container = outer
        # One row per child flowable, so a long panel can break between its items.
        rows.extend([flowable] for flowable in children)
        if not rows:
            return []
        table = Table(rows, colWidths=[self.template.width], splitInRow=1, hAlign="LEFT",
                      spaceBefore=2, spaceAfter=12, style=TableStyle([
                          ("BACKGROUND", (0, 0), (-1, -1), self.look.panel), self.cell_font,
                          ("LINEBEFORE", (0, 0), (0, -1), 3, self.look.heading),
                          ("LEFTPADDING", (0, 0), (-1, -1), 12),
                          ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                          ("TOPPADDING", (0, 0), (-1, -1), 1),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                          ("TOPPADDING", (0, 0), (-1, 0), 9),
                          ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                      ]))
        return [table]


def _pull(steps: Iterator[list[Flowable]], pending: list[Flowable] | None = None
          ) -> list[Flowable]:
    """Return the next block's flowables and a `LazyChunk` for the rest of `steps`.

    One more block is looked at: a placeholder is left only when something does follow,
    because a flowable still queued after a page break makes ReportLab begin another page.
    (A placeholder after a keepWithNext run is expanded by the document template's
    `filterFlowables` before ReportLab groups the run.)
    """
    made: list[Flowable] = list(pending or ())
    for step in steps:
        if made and step:
            return [*made, LazyChunk(functools.partial(_pull, steps, step))]
        made.extend(step)
    return made


def _heading_shift(blocks: Sequence[b.Block]) -> int:
    """Return how many levels headings go down in the structure tree: one when a title (an
    H1) opens the document and the first heading is level 1, so its sections become H2."""
    titled = False
    for block in blocks:
        if isinstance(block, b.Para) and block.style == "title":
            titled = True
        elif isinstance(block, b.Heading):
            return 1 if titled and block.level == 1 else 0
    return 0


def _widths(relative: tuple[float, ...] | None, columns: int, total: float) -> list[float]:
    """Return column widths in points from relative widths (equal when absent or unusable)."""
    if relative is None or len(relative) != columns or any(w <= 0 for w in relative):
        relative = (1.0,) * columns
    scale = total / sum(relative)
    return [w * scale for w in relative]

