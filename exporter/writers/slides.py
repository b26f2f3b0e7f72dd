"""Slide writers: the slide document as Marp/Pandoc Markdown (`md`) and as a PPTX deck (`pptx`).

The Markdown writer lives in `slides_md`, the deck in `slides_pptx`, and the text measuring and
pagination both the deck and the handouts use in `deck`.
"""

from __future__ import annotations

from .slides_md import MarkdownSlidesWriter
from .slides_pptx import PptxWriter

__all__ = ["MarkdownSlidesWriter", "PptxWriter"]
