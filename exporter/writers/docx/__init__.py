"""DOCX writer: block document in, an editable Word document (bytes) out, in Word's own styles.

Blocks map onto Word's built-in styles (Title, Subtitle, Heading 1-3, List Bullet, List Number,
Quote, Caption, TOC 1-3) so the result restyles like any Word document; the few looks Word has no
style for (lead, small print, ¶-numbered paragraphs, panels) get named custom styles. Fonts are
not embedded in DOCX, so the writer names fonts every Office install has (Calibri) and leaves East
Asian text to the theme's East Asian font.

Output is byte-reproducible: no wall-clock time, no random ids; python-docx's parts are zipped by
`ooxml.write_package` (python-docx's own `save` would zip them once more, with the clock's time).

Memory stays flat in the length of the document: blocks are read once per pass, one at a time,
and body content the renderer is done with leaves python-docx's tree for a temporary file
(`_BodySpool`) until the package is saved.

Modules: `look` (the theme's fonts and colours), `outline` (which blocks the contents list
names, bookmark names), `elements` (low-level OOXML), `styles` (the style sheet), `page` (page
set-up, headers and footers), `toc` (the contents lists filled in), `spool` (finished body XML
in a temporary file), `package` (the reference document, the package's members, its properties),
`draft` (a rendering measured and zipped) and `render` (one case per block type).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...blocks import Document
from ...options import RenderOptions
from ...theme import theme_of
from .. import docx_pages
from .draft import Draft
from .elements import clean
from .outline import TocEntry, toc_entries
from .render import _Renderer

__all__ = ["TOC_PASSES", "DocxWriter", "Draft", "TocEntry", "clean", "toc_entries"]

TOC_PASSES = 3
"""Renderings at most to settle the contents list's page numbers (a number's width can move
an entry to a second line, and that a later page)."""


class DocxWriter:
    """Render a block document as an editable DOCX in Word's own styles."""

    name = "docx"
    suffix = ".docx"
    template = "summary.xml.j2"
    output = "summary.docx"
    page_budget = 2
    """Pages the one-article summary should stay within: `build.render_outputs` renders its
    template again with `fit` raised (shorter lists) while `pages` says it runs over."""

    def pages(self, written: bytes | Draft, options: RenderOptions) -> int:
        """Return how many pages `written` (this writer's bytes, or a `draft` before it is
        zipped) fills, by the page model."""
        fonts = docx_pages.Fonts(docx_pages.brand_faces(theme_of(options.theme)))
        if isinstance(written, Draft):
            return written.pages(fonts)["#pages"]
        return docx_pages.bookmark_pages(written, fonts)["#pages"]

    def write(self, doc: Document, options: RenderOptions, *,
              toc_pages: Sequence[int | None] | None = None) -> bytes:
        """Return `doc` as DOCX bytes.

        A table of contents is written filled in, each entry with its page number, so it reads
        right in Word and LibreOffice before anyone updates its field. The numbers come from
        laying the written document out (`docx_pages`): the document is rendered, measured,
        and rendered again with the pages found (again if that moved a page). `toc_pages`
        gives them instead, for each entry of `toc_entries(doc)` (None: no number).
        """
        if toc_pages is not None:
            return _Renderer(doc, options, toc_pages).render()
        draft = self.draft(doc, options)
        try:
            return draft.package()
        finally:
            draft.close()

    def draft(self, doc: Document, options: RenderOptions) -> Draft:
        """Return what `write` zips, before it is zipped (the caller closes it): the build
        measures a summary against its `page_budget` from here, so a rendering over budget
        is never zipped, nor a fitting one zipped and read back to be measured."""
        renderer = _Renderer(doc, options, ())
        draft = renderer.draft()
        try:
            if renderer.toc_slots:
                fonts = docx_pages.Fonts(docx_pages.brand_faces(theme_of(options.theme)))
                pages: list[int | None] = []
                for _ in range(TOC_PASSES):
                    found = draft.pages(fonts)
                    wanted: list[int | None] = [found.get(name)
                                                for _, _, name in renderer.toc_entries]
                    if wanted == pages:
                        break
                    pages = wanted
                    renderer = _Renderer(doc, options, pages)
                    draft.close()
                    draft = renderer.draft()
        except BaseException:
            draft.close()
            raise
        return draft
