"""The page: size, margins, running headers and footers, page numbers, protective marking, the
brand's logo, and the document settings that go with them."""

from __future__ import annotations

import copy
import io

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from ...options import RenderOptions
from ...theme import theme_of
from .elements import _add_field, _border, _clip, _el, _set_ppr
from .look import _Look

MAX_HEADER = 110
"""Longest running header; a 3,000-character title would fill the page top."""
LOGO_HEIGHT_CM = 1.4
"""Height of the brand's logo above the first title."""
MARGIN_TOP = Cm(2.2)
MARGIN_BOTTOM = Cm(2.2)
MARGIN_SIDE = Cm(2.3)
MARGIN_INSIDE = Cm(2.6)
"""With duplex (mirrored margins) the binding side gets more room."""
MARGIN_OUTSIDE = Cm(2.0)


def text_width_twips(options: RenderOptions, reference: WordDocument | None) -> int:
    """Return the width between the margins, in twips: the reference document's own, if any."""
    if reference is not None:
        section = reference.sections[0]
        width = (section.page_width or 0) - (section.left_margin or 0) \
            - (section.right_margin or 0)
        return int(width) // 635
    width = round(options.page_size[0] * 20)
    side = (MARGIN_INSIDE + MARGIN_OUTSIDE) if options.duplex else 2 * MARGIN_SIDE
    return width - int(side) // 635


def setup_page(section: Section, options: RenderOptions, look: _Look, header: str, *,
               reference: bool) -> None:
    """Set the page size and margins, the running header, page numbers and any marking; with
    a reference document, only add the marking to its own headers and footers."""
    if reference:
        # The reference's page setup, headers and footers stay; a protective marking is
        # still printed, above its header and below its footer.
        marking = _clip(options.classification or "", 200)
        if marking:
            for part in (section.header, section.footer):
                paragraph = (part.paragraphs[0].insert_paragraph_before()
                             if part is section.header and part.paragraphs
                             else part.add_paragraph())
                _marking(look, paragraph, marking)
        return
    width, height = options.page_size
    section.page_width = Twips(round(width * 20))
    section.page_height = Twips(round(height * 20))
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    if options.duplex:
        section.left_margin, section.right_margin = MARGIN_INSIDE, MARGIN_OUTSIDE
    else:
        section.left_margin = section.right_margin = MARGIN_SIDE
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True
    marking = _clip(options.classification or "", 200)
    header_text = _clip(header, MAX_HEADER)

    # First page: the title block already names the document, so no running header.
    _marking(look, section.first_page_header.paragraphs[0], marking)
    running = section.header.paragraphs[0]
    if marking:
        _marking(look, running, marking)
        running = section.header.add_paragraph()
    if header_text:
        running.add_run(header_text)
        running.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _set_ppr(running._p.get_or_add_pPr(), _bottom_rule(look))
    for footer in (section.footer, section.first_page_footer):
        _page_numbers(footer.paragraphs[0])
        if marking:
            _marking(look, footer.add_paragraph(), marking)


def add_header_parts(section: Section) -> None:
    """Give `section` its four header and footer parts, empty, in the order `setup_page` first
    uses them (so with the same part names and relationship ids).

    Made before the writer's styles, they are part of the styled template that later
    documents are copied from (`styles.Styled`): python-docx made each from a file read and
    parsed, with a look through every part for a free name (~0.35 ms a rendering)."""
    for part in (section.first_page_header, section.header, section.footer,
                 section.first_page_footer):
        part.is_linked_to_previous = False  # python-docx adds an empty definition


def _bottom_rule(look: _Look) -> etree._Element:
    borders = _el("w:pBdr")
    borders.append(_border("w:bottom", size=4, color=look.rule, space=4))
    return borders


def _marking(look: _Look, paragraph: Paragraph, marking: str) -> None:
    if not marking:
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = RGBColor.from_string(look.marking)


def _page_numbers(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _add_field(paragraph, "NUMPAGES", "1")


def setup_settings(word: WordDocument, options: RenderOptions) -> None:
    settings = word.settings.element
    if options.duplex:
        mirror = _el("w:mirrorMargins")
        anchor = settings.find(qn("w:proofState"))
        if anchor is not None:
            anchor.addprevious(mirror)
        else:
            settings.insert(0, mirror)
    # Compatibility mode 14 makes Word 2013+ show "[Compatibility Mode]" in the title bar.
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def add_logo(word: WordDocument, options: RenderOptions) -> None:
    """Put the brand's logo, right-aligned, above the first page's title."""
    logo = theme_of(options.theme).logo
    if logo is None:
        return
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(logo.data), height=Cm(LOGO_HEIGHT_CM))
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", logo.alt)
        doc_pr.set("name", "Logo")


def drop_thumbnail(word: WordDocument) -> None:
    # python-docx's template carries a picture of a blank page as the file-browser preview.
    rels = word.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rid)


class HeaderLinks:
    """Links each section's headers and footers to the first section's, in document order."""

    def __init__(self) -> None:
        self.section_refs: list[etree._Element] | None = None
        self.sections_linked = 0

    def link(self, element: etree._Element) -> None:
        """Point every section in `element` at the first section's headers and footers.

        Word inherits them from the previous section, LibreOffice does not, and python-docx's
        new sections carry no references. Only the first section gets a distinct first page:
        in a pack the running header names the pack, not the article, and LibreOffice shows
        the first-page header on every page of a later section that asks for one.

        Called for each stretch of the body in document order (as it is spooled, then for the
        rest at the end), so every section is seen once. The first section always has the
        references (`setup_page` made them before any section break copied its mark).
        """
        kinds = (qn("w:headerReference"), qn("w:footerReference"))
        for sect in element.iter(qn("w:sectPr")):
            own = [r for r in sect if r.tag in kinds]
            if self.section_refs is None and own:
                self.section_refs = [copy.deepcopy(r) for r in own]
            if not own:
                for index, ref in enumerate(self.section_refs or ()):
                    sect.insert(index, copy.deepcopy(ref))
            if self.sections_linked > 0:
                for title_page in sect.findall(qn("w:titlePg")):
                    sect.remove(title_page)
            self.sections_linked += 1
