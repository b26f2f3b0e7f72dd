"""The PDF writer: block document in, briefing PDF bytes out (ReportLab platypus).

Modules: `styles` (the look), `markup` (inline runs to escaped paragraph markup, glyph fallback,
long-paragraph pieces), `flowables` (margin ¶ numbers, right-page breaks), `page` (page
templates, bookmarks, deferred "Page N of M" decorations), `render` (one case per block type),
`tagging` (marked content while drawing, and the ReportLab hooks it needs), `structure` (the
structure tree written as the file is saved; PDF/A-2b with `--pdfa`) and `encoding` (faster
string-to-bytes steps for ReportLab's text and file writing).

Every PDF is tagged (PDF/UA-1): the renderer gives each flowable a `tagging.Tag`, and whatever
is drawn without one is an artifact.

Output is reproducible: ReportLab's invariant mode, and the creation date taken from
`RenderOptions.timestamp`, so the same input and SOURCE_DATE_EPOCH give the same bytes.
"""

from __future__ import annotations

import io

from reportlab.platypus import Spacer
from reportlab.platypus.doctemplate import LayoutError

from ... import fonts
from ...blocks import Document, Toc
from ...errors import RenderError
from ...options import RenderOptions
from .encoding import prefer_ascii_pdfdoc, prefer_translated_split
from .flowables import (
    prefer_memo_ascent_descent,
    prefer_memo_string_width,
    prefer_python_same_frag,
)
from .page import BriefingDocTemplate, Decor, DeferredCanvas, canvas_maker
from .render import Renderer
from .structure import attach, make_pdfa
from .styles import styles

__all__ = ["PdfWriter"]

MAX_PASSES = 6
"""Layout passes allowed for the table of contents to settle (two is usual)."""


class PdfWriter:
    """Render a block document as a paginated, bookmarked PDF with embedded fonts."""

    name = "pdf"
    suffix = ".pdf"
    template = "briefing.xml.j2"
    output = "briefing.pdf"

    def write(self, doc: Document, options: RenderOptions) -> bytes:
        """Return `doc` rendered as PDF bytes."""
        fonts.register()
        prefer_python_same_frag()
        prefer_memo_string_width()
        prefer_memo_ascent_descent()
        prefer_ascii_pdfdoc()
        prefer_translated_split()
        decor = Decor(page_size=options.page_size, duplex=options.duplex,
                      header=doc.meta.header, classification=options.classification or None,
                      look=styles(options.theme).look,
                      logo=options.theme.logo if options.theme else None)
        return self._layout(doc, options, decor)

    def _layout(self, doc: Document, options: RenderOptions, decor: Decor) -> bytes:
        meta = doc.meta
        out = io.BytesIO()
        template = BriefingDocTemplate(
            out, decor=decor, title=meta.title, author=meta.author or options.generator,
            subject=meta.subject, keywords=list(meta.keywords), creator=options.generator,
            producer=options.generator, lang=meta.lang or "en", invariant=1,
            pageCompression=1, initialFontName=decor.look.serif, initialFontSize=10,
            initialLeading=12, displayDocTitle=1,
        )
        renderer = Renderer(doc, template, styles(options.theme), duplex=options.duplex,
                            options=options)
        story = renderer.lazy_story(doc.blocks)
        if not story:
            story = [Spacer(1, 1)]  # A PDF needs a page even for an empty document.

        def finish(canv: DeferredCanvas) -> None:
            attach(canv, canv.tagger, title=meta.title, timestamp=options.timestamp,
                   generator=options.generator, claim_pdfua=not options.pdfa)

        maker = canvas_maker(decor, options.timestamp, renderer.describe, finish)
        try:
            if any(isinstance(block, Toc) for block in doc.blocks):
                # A table of contents needs passes until its page numbers settle.
                template.multiBuild(story, maxPasses=MAX_PASSES, canvasmaker=maker)
            else:
                # "Page N of M" is drawn when the file is saved, so one pass is enough.
                template.build(story, canvasmaker=maker)
        except (LayoutError, IndexError) as exc:
            raise RenderError("pdf", f"layout failed: {exc}") from exc
        if options.pdfa:
            return make_pdfa(out.getvalue(), timestamp=options.timestamp,
                             generator=options.generator)
        return out.getvalue()
