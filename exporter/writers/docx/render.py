"""The DOCX renderer: one rendering of one block document into python-docx's document, block by
block, with the contents lists filled in, then zipped (`render`)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from ...blocks import (
    SAFE_LINK_SCHEMES,
    Block,
    Box,
    Document,
    Fields,
    Heading,
    Image,
    Inline,
    Inlines,
    ListBlock,
    PageBreak,
    Para,
    Quote,
    Slide,
    Table,
    Toc,
    assert_never,
    iter_walk,
    paragraph_anchor,
)
from ...options import RenderOptions
from ...theme import theme_of
from ..images import picture
from .draft import Draft
from .elements import (
    _bookmark,
    _border,
    _clip,
    _el,
    _last_block_element,
    _last_child,
    _run,
    _shade,
    _w,
    clean,
    new_element,
    set_flag,
    set_style,
)
from .look import _Look
from .outline import _anchor_of, _block_text, _bookmark_name, _Outline
from .package import _open_reference, _package_members, app_xml, set_core_properties
from .page import (
    HeaderLinks,
    add_header_parts,
    add_logo,
    drop_thumbnail,
    setup_page,
    setup_settings,
    text_width_twips,
)
from .spool import SPOOL_EVERY, _BodySpool
from .styles import STYLES_PART, setup_styles, styled_template, whole_sheet
from .toc import _TocSlot, fill_tocs


def _cells(row: _Row, table: WordTable) -> list[_Cell]:
    """`row.cells` of a table the writer made (no merged cells): python-docx works each cell's
    place in the grid out."""
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


class _Renderer:
    """One rendering of one document; holds the python-docx document while it is built."""

    def __init__(self, doc: Document, options: RenderOptions,
                 toc_pages: Sequence[int | None]) -> None:
        self.doc = doc
        self.options = options
        self.toc_pages = toc_pages
        self.look = _Look.of(theme_of(options.theme))
        self.muted = RGBColor.from_string(self.look.muted)
        self.reference = options.reference_docx is not None
        """True when styles, page setup, headers and footers are the user's (--reference-docx)."""
        self.styled = styled_template(self.look, self._text_width_twips()) \
            if not self.reference else None
        """python-docx's template with the writer's styles made for an earlier document with
        the same look, and the names of those styles (see `styles.setup_styles`)."""
        if options.reference_docx is not None:
            self.word: WordDocument = _open_reference(options.reference_docx)
        else:
            self.word = self.styled.document() if self.styled else docx.Document()
        self.outline = _Outline()
        self.bookmark_id = 0
        self.has_toc = False
        self.toc_entries: list[tuple[int, str, str]] = []
        self.toc_slots: list[_TocSlot] = []
        self.anchors = self._collect_anchors()
        self.spool = _BodySpool(self.word.element.body)
        self.headers = HeaderLinks()
        self.break_before = False
        self.numbering_abstract: int | None = None
        self.styles: dict[str, ParagraphStyle] = {}
        self.style_ids: dict[str, str] = {}
        self.link_style_id: str | None = None
        self.bookmarked: set[str] = set()
        self.last_heading = 0
        """Level of the latest listed heading: the next may go at most one level deeper."""

    # --- document set-up --------------------------------------------------------------------

    def render(self) -> bytes:
        draft = self.draft()
        try:
            return draft.package()
        finally:
            draft.close()

    def draft(self) -> Draft:
        """Render the document; return it before it is zipped (to be closed)."""
        try:
            members, document = self._build()
            if "docProps/app.xml" not in members:
                raise KeyError("docProps/app.xml is not a member of the package")
            members["docProps/app.xml"] = app_xml(self.options)
        except BaseException:
            self.spool.close()
            raise
        return Draft(members, self.word.part.partname.membername, document, self.spool,
                     self.options.timestamp,
                     None if self.spool.spooled else self.word.element)

    def _build(self) -> tuple[dict[str, bytes], bytes]:
        """Render the document; return python-docx's package members but the main part, and
        the main part's XML with a marker where each spooled stretch goes."""
        drop_thumbnail(self.word)
        if not self.reference:
            add_header_parts(self.word.sections[0])
        self.styles, self.link_style_id = setup_styles(
            self.word, self.look, self._text_width_twips(), self.doc.meta.lang,
            reference=self.reference, styled=self.styled)
        self.style_ids = {name: style.style_id for name, style in self.styles.items()}
        section = self.word.sections[0]
        setup_page(section, self.options, self.look, self.doc.meta.header,
                   reference=self.reference)
        setup_settings(self.word, self.options)
        body = self.word._body
        add_logo(self.word, self.options)
        since_spooled = 0
        for block in self.doc.blocks:
            self.block(body, block)
            since_spooled += 1
            # A top-level page break ends an article of a pack: what came before is finished.
            if isinstance(block, PageBreak) or since_spooled >= SPOOL_EVERY:
                self._spool_body()
                since_spooled = 0
        fill_tocs(self.toc_slots, self.toc_pages, self.styles, self.word._body)
        self.headers.link(self.word.element.body)
        set_core_properties(self.word, self.doc.meta, self.options)
        members = _package_members(self.word)
        if self.styled is not None:
            members[STYLES_PART] = whole_sheet(self.styled, members[STYLES_PART],
                                               self.doc.meta.lang)
        return members, serialize_part_xml(self.word.element)


    def _spool_body(self) -> None:
        """Move the body children the renderer is done with to the spool.

        Kept in the tree: the last paragraph or table (the next block looks at it), the
        section mark, and whatever holds a TOC placeholder (`toc.fill_tocs` replaces it at the end).
        """
        body = self.word.element.body
        keep = {_last_block_element(self.word._body)}
        for slot in self.toc_slots:
            holder = slot.placeholder
            while holder.getparent() is not body:
                holder = holder.getparent()
            keep.add(holder)
        run: list[etree._Element] = []
        for child in list(body):
            if child in keep or child.tag in (etree.Comment, _w("sectPr")):
                self._spool_run(run)
                run = []
            else:
                run.append(child)
        self._spool_run(run)

    def _spool_run(self, run: list[etree._Element]) -> None:
        if run:
            for element in run:
                self.headers.link(element)  # sections in document order, before they leave
            self.spool.spool(run)

    def _text_width_twips(self) -> int:
        return text_width_twips(self.options, self.word if self.reference else None)

    # --- anchors and bookmarks ----------------------------------------------------------------

    def _collect_anchors(self) -> dict[tuple[int, str], str]:
        """Map (article segment, anchor) to a unique bookmark name, in document order.

        The one pass before rendering (a pack's blocks are read from disk on each pass), so it
        also notes whether the document has a table of contents.
        """
        outline = _Outline()
        found: dict[tuple[int, str], str] = {}
        used: set[str] = set()
        for block in iter_walk(self.doc.blocks):
            self.has_toc = self.has_toc or isinstance(block, Toc)
            outline.level(block)
            anchor = _anchor_of(block)
            if anchor is None or (outline.segment, anchor) in found:
                continue
            base = _bookmark_name(anchor)
            name, k = base, 1
            while name in used:
                k += 1
                suffix = f"_{k}"
                name = base[: 40 - len(suffix)] + suffix
            used.add(name)
            found[(outline.segment, anchor)] = name
        return found

    def _next_bookmark(self) -> int:
        self.bookmark_id += 1
        return self.bookmark_id

    # --- blocks -------------------------------------------------------------------------------

    def bare_paragraph(self, container: BlockItemContainer, style: str) -> Paragraph:
        """Add an empty paragraph in `style` at the end of `container`.

        Bypasses python-docx's `add_paragraph`: it scans every body child for the section mark
        and every style for the default on each call, which made book-length input quadratic.
        """
        p = new_element("w:p")
        set_style(p, self.style_ids[style])
        parent = container._element
        last = _last_child(parent)
        if last is not None and last.tag == _w("sectPr"):
            last.addprevious(p)
        else:
            parent.append(p)
        return Paragraph(p, container)

    def paragraph(self, container: BlockItemContainer, style: str) -> Paragraph:
        """Add a paragraph in `style`, honouring a pending page break."""
        last = _last_block_element(container)
        paragraph = self.bare_paragraph(container, style)
        if last is not None and last.tag == _w("tbl") and not style.startswith("Heading"):
            # Tables have no space after them; give the text below room to breathe.
            paragraph.paragraph_format.space_before = Pt(8)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        return paragraph

    def block(self, container: BlockItemContainer, block: Block) -> None:
        level = self.outline.level(block)
        match block:
            case Heading():
                word_level = self.outline.heading_level(block)
                style = (f"Heading {self._in_order(word_level)}" if block.toc
                         else f"Heading {word_level} Unlisted")
                p = self.paragraph(container, style)
                self.inlines(p, block.content)
                self._mark(p, block, level)
            case Para():
                self.para(container, block, level)
            case ListBlock():
                self.list_block(container, block)
            case Quote():
                self.quote(container, block)
            case Table():
                self.table(container, block)
            case Fields():
                self.fields(container, block)
            case PageBreak():
                self.page_break(container, block)
            case Toc():
                self.toc(container, block)
            case Box():
                self.box(container, block)
            case Slide():
                self.slide(container, block, level)
            case Image():
                self.image(container, block)
            case _:
                assert_never(block)

    def image(self, container: BlockItemContainer, block: Image) -> None:
        """Add the picture at its share of the text width, described by its alt text."""
        found = picture(block.src, self.options)
        paragraph = self.paragraph(container, "Normal")
        run = paragraph.add_run()
        width = Twips(int(self._text_width_twips() * block.width))
        run.add_picture(io.BytesIO(found.data), width=width)
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", block.alt)

    def _in_order(self, level: int) -> int:
        """Return `level` for a listed heading, raised so that no level is skipped (a reader
        navigating by headings finds Heading 2 under a Heading 1)."""
        level = min(level, self.last_heading + 1)
        self.last_heading = level
        return level

    def _mark(self, p: Paragraph, block: Block, level: int | None) -> None:
        """Add the bookmarks `block` needs: its anchor, and its TOC entry."""
        anchor = _anchor_of(block)
        if anchor is not None:
            name = self.anchors.get((self.outline.segment, anchor))
            # An anchor repeated within one article (a template slip) keeps its first target.
            if name is not None and name not in self.bookmarked:
                self.bookmarked.add(name)
                _bookmark(p._p, name, self._next_bookmark())
        if level is not None:
            ident = self._next_bookmark()
            name = f"_Toc{len(self.toc_entries) + 1:08d}"
            if self.has_toc:
                _bookmark(p._p, name, ident)
            self.toc_entries.append((level, _clip(_block_text(block), 1000), name))

    def para(self, container: BlockItemContainer, block: Para, level: int | None) -> None:
        if block.style == "title":
            style = "Title" if level is None else f"Heading {self._in_order(1)}"
        else:
            style = {"body": "Normal", "lead": "Lead", "summary": "Summary", "small": "Small",
                     "meta": "Meta", "subtitle": "Subtitle", "note": "Note"}[block.style]
        if block.number is not None and block.style == "body":
            style = "Numbered Paragraph"
        p = self.paragraph(container, style)
        if block.number is not None:
            run = p.add_run(str(block.number))
            run.font.size = Pt(8)
            run.font.color.rgb = self.muted
            run.add_tab()
        self.inlines(p, block.content)
        self._mark(p, block, level)

    def list_block(self, container: BlockItemContainer, block: ListBlock) -> None:
        style = "List Number" if block.ordered else "List Bullet"
        num_id = self._restart_numbering() if block.ordered else None
        for item in block.items:
            p = self.paragraph(container, style)
            if num_id is not None:
                numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                numpr.get_or_add_ilvl().val = 0
                numpr.get_or_add_numId().val = num_id
            self.inlines(p, item.content)
            if item.ref is not None:
                self._cite(p, item.ref)

    def _restart_numbering(self) -> int:
        """Return a new numbering instance of List Number that starts again at 1.

        Every List Number paragraph shares one counter in Word, so a second numbered list would
        go on from where the first stopped.
        """
        numbering = self.word.part.numbering_part.element
        if self.numbering_abstract is None:
            style_num = self.styles["List Number"].element.pPr
            num_id = int(style_num.numPr.numId.val)
            num = numbering.num_having_numId(num_id)
            self.numbering_abstract = int(num.abstractNumId.val)
        num = numbering.add_num(self.numbering_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def quote(self, container: BlockItemContainer, block: Quote) -> None:
        p = self.paragraph(container, "Quote")
        self.inlines(p, block.content)
        if block.attribution or block.ref is not None:
            credit = self.paragraph(container, "Quote Attribution")
            if block.attribution:
                credit.add_run("— " + clean(block.attribution))
            if block.ref is not None:
                self._cite(credit, block.ref)
        else:
            p.paragraph_format.keep_with_next = False

    def _cite(self, p: Paragraph, n: int) -> None:
        """Append a citation of body paragraph `n`, linked when that paragraph is here."""
        p.add_run(" ")
        self.inlines(p, (Inline(text=f"¶{n}", ref=n),), small=True)

    def page_break(self, container: BlockItemContainer, block: PageBreak) -> None:
        if block.parity == "right" and self.options.duplex and container is self.word._body:
            # A section that starts on an odd page; headers and footers carry over unchanged.
            self.word.add_section(WD_SECTION.ODD_PAGE)
            self.break_before = False
        else:
            self.break_before = True

    def _before_table(self, container: BlockItemContainer) -> None:
        """Keep tables apart and honour a pending page break before a table."""
        last = _last_block_element(container)
        if self.break_before:
            p = self.bare_paragraph(container, "Table Text")
            p.add_run().add_break(WD_BREAK.PAGE)
            self.break_before = False
        elif last is not None and last.tag == _w("tbl"):
            # Word merges two tables that touch into one.
            self.bare_paragraph(container, "Table Text")

    def _new_table(self, container: BlockItemContainer, rows: int, widths: Sequence[float],
                   *, borders: dict[str, etree._Element], first_row: bool = False,
                   first_column: bool = False) -> WordTable:
        """Add a table with column widths in proportion to `widths`, filling the text width.

        `first_row` and `first_column` declare a header row or a key column (`w:tblLook`, what
        screen readers and Word's accessibility checker read; the look is drawn by hand).
        """
        self._before_table(container)
        total_width = self._container_width(container)
        # NaN, infinite or non-positive widths from a template fall back to an equal share.
        weights = [w if 0 < w < 1e6 else 1.0 for w in widths]
        cols = [int(total_width * w / sum(weights)) for w in weights]
        # BlockItemContainer.add_table directly: _Cell.add_table appends a paragraph we manage.
        table = BlockItemContainer.add_table(container, rows, len(cols), Twips(sum(cols)))
        tbl = table._tbl
        tblpr = tbl.tblPr
        for child in list(tblpr):
            if child.tag != _w("tblStyle"):
                tblpr.remove(child)
        tblpr.append(_el("w:tblW", w=str(sum(cols)), type="dxa"))
        border_el = _el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border_el.append(borders.get(side, _el(f"w:{side}", val="nil")))
        tblpr.append(border_el)
        # Fixed layout: a 20,000-character token wraps inside its column instead of widening it.
        tblpr.append(_el("w:tblLayout", type="fixed"))
        margins = _el("w:tblCellMar")
        for side, size in (("top", 50), ("left", 100), ("bottom", 50), ("right", 100)):
            margins.append(_el(f"w:{side}", w=str(size), type="dxa"))
        tblpr.append(margins)
        # The hex value repeats the flags for readers of the 2006 schema: noHBand 0x0200,
        # noVBand 0x0400, firstRow 0x0020, firstColumn 0x0080.
        look = 0x0600 | (0x0020 if first_row else 0) | (0x0080 if first_column else 0)
        tblpr.append(_el("w:tblLook", val=f"{look:04X}", firstRow=str(int(first_row)),
                         lastRow="0", firstColumn=str(int(first_column)), lastColumn="0",
                         noHBand="1", noVBand="1"))
        # python-docx's `gridCol.w = Twips(width)` and `tc.width = Twips(width)`, written
        # straight into the elements its new table already has.
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, cols, strict=True):
            grid_col.set(_w("w"), str(width))
        for tr in tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, cols, strict=True):
                tc_width = tc.find(f"{_w('tcPr')}/{_w('tcW')}")
                if tc_width is None:
                    tc.width = Twips(width)
                    continue
                tc_width.set(_w("type"), "dxa")
                tc_width.set(_w("w"), str(width))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        return table

    def _container_width(self, container: BlockItemContainer) -> int:
        if isinstance(container, _Cell):
            width = container.width
            return max(int(width) // 635 - 400, 1000) if width is not None else 4000
        return self._text_width_twips()

    def _cell(self, cell: _Cell, content: Inlines, *, fill: str | None = None,
              bold: bool = False) -> None:
        # `cell.paragraphs[0]`, without a Paragraph made for each (a new cell has one).
        p = Paragraph(cell._tc.find(_w("p")), cell)
        set_style(p._p, self.style_ids["Table Text"])
        self.inlines(p, content, bold=bold)
        if fill is not None:
            cell._tc.get_or_add_tcPr().append(_shade(fill))

    def table(self, container: BlockItemContainer, block: Table) -> None:
        ncols = max([len(r) for r in block.rows] + [len(block.header or ())] + [1])
        widths = list(block.widths or ())[:ncols]
        widths += [sum(widths) / len(widths) if widths else 1.0] * (ncols - len(widths))
        if block.caption:
            caption = self.paragraph(container, "Caption")
            caption.add_run(clean(block.caption))
        rows = ([block.header] if block.header is not None else []) + list(block.rows)
        if not rows:
            return
        grid = {side: _border(f"w:{side}", color=self.look.rule) for side in
                ("top", "left", "bottom", "right", "insideH", "insideV")}
        table = self._new_table(container, len(rows), widths, borders=grid,
                                first_row=block.header is not None)
        for index, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            header = block.header is not None and index == 0
            if header:
                # Repeat the header row at the top of every page the table runs onto.
                row._tr.get_or_add_trPr().append(_el("w:tblHeader"))
            banded = not header and (index - (block.header is not None)) % 2 == 1
            fill = (self.look.header_fill if header
                    else (self.look.band_fill if banded else None))
            for cell, content in zip(_cells(row, table), list(cells) + [()] * (ncols - len(cells)),
                                     strict=True):
                self._cell(cell, content, fill=fill, bold=header)

    def fields(self, container: BlockItemContainer, block: Fields) -> None:
        if not block.rows:
            return
        grid = {side: _border(f"w:{side}", color=self.look.rule) for side in
                ("top", "bottom", "insideH")}
        table = self._new_table(container, len(block.rows), (1.0, 3.0), borders=grid,
                                first_column=True)
        for row, (name, value) in zip(table.rows, block.rows, strict=True):
            key, val = _cells(row, table)
            self._cell(key, (Inline(text=name),), fill=self.look.key_fill, bold=True)
            self._cell(val, value)

    def box(self, container: BlockItemContainer, block: Box) -> None:
        accent = {"left": _border("w:left", size=24, color=self.look.accent)}
        table = self._new_table(container, 1, (1.0,), borders=accent)
        cell = table.cell(0, 0)
        cell._tc.get_or_add_tcPr().append(_shade(self.look.box_fill))
        margins = _el("w:tcMar")
        for side, size in (("top", 120), ("left", 200), ("bottom", 60), ("right", 200)):
            margins.append(_el(f"w:{side}", w=str(size), type="dxa"))
        cell._tc.get_or_add_tcPr().append(margins)
        first = cell.paragraphs[0]
        first_p = first._p
        if block.title:
            set_style(first._p, self.style_ids["Box Title"])
            first.add_run(clean(block.title))
        for child in block.children:
            self.block(cell, child)
        if not block.title and len(cell._tc.xpath("./w:p | ./w:tbl")) > 1:
            cell._tc.remove(first_p)
        last = _last_block_element(cell)
        if last is None or last.tag != _w("p"):
            self.bare_paragraph(cell, "Table Text")
        else:
            Paragraph(last, cell).paragraph_format.space_after = Pt(2)

    def slide(self, container: BlockItemContainer, block: Slide, level: int | None) -> None:
        if block.title.strip():
            level_of_title = 1 if block.layout in ("title", "section") else 2
            p = self.paragraph(container, f"Heading {self._in_order(level_of_title)}")
            p.add_run(clean(block.title))
            self._mark(p, block, level)
        for child in block.children:
            self.block(container, child)
        if block.notes:
            note = self.paragraph(container, "Note")
            lead = note.add_run("Speaker notes: ")
            lead.bold = True
            self.inlines(note, block.notes)

    def toc(self, container: BlockItemContainer, block: Toc) -> None:
        heading = self.paragraph(container, "TOC Heading")
        heading.add_run(clean(block.title))
        placeholder = self.bare_paragraph(container, "toc 1")
        self.toc_slots.append(_TocSlot(placeholder._p, self.toc_entries, block.depth))


    # --- inline -------------------------------------------------------------------------------

    def inlines(self, p: Paragraph, content: Inlines, *, bold: bool = False,
                small: bool = False) -> None:
        """Append `content` to `p` as runs, links and line breaks."""
        for item in content:
            if item.newline:
                p.add_run().add_break()
                continue
            text = clean(item.text)
            if not text:
                continue
            target: etree._Element | None = None
            if item.ref is not None:
                bookmark = self.anchors.get((self.outline.segment, paragraph_anchor(item.ref)))
                if bookmark is not None:
                    target = _el("w:hyperlink", anchor=bookmark, history="1")
            elif item.href is not None and item.href.lower().startswith(SAFE_LINK_SCHEMES):
                rid = p.part.relate_to(item.href, RT.HYPERLINK, is_external=True)
                target = _el("w:hyperlink", history="1")
                target.set(qn("r:id"), rid)
            if target is not None:
                p._p.append(target)
            run = _run(p, text)
            if item.strong or bold:
                set_flag(run, "b")
            if item.emphasis:
                set_flag(run, "i")
            if small:
                run.font.size = Pt(8.5)
                run.font.color.rgb = self.muted
            if target is not None:
                run._r.style = self.link_style_id
                target.append(run._r)
