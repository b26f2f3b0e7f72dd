"""DOCX writer package; see `render`."""

from __future__ import annotations

from .render import (
    _STYLED,
    DocxWriter,
    TocEntry,
    _BodySpool,
    _package_members,
    _Renderer,
    toc_entries,
)

__all__ = ["_STYLED", "DocxWriter", "TocEntry", "_BodySpool", "_Renderer", "_package_members",
           "toc_entries"]
