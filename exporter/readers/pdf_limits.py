"""PDF limits, checked before layout: page count, inflated stream size, XObject nesting.

A few kilobytes of PDF can describe gigabytes of work: a page tree of thousands of pages, a
content stream that inflates a thousandfold, form XObjects that each draw the next one twice
(2.6 KB became 2.9 GB in pdfminer). The page count and the inflated size of every stream
pdfminer would decode are measured first, from the cross-reference table and with a bounded
inflater, so nothing is laid out or held in memory before the document is known to fit. Form
nesting is counted as the page is interpreted (`FormBudget`), which stops at the limit, long
before a nested form's cost multiplies.
"""

from __future__ import annotations

import io
import zlib
from typing import TYPE_CHECKING, Any

from pdfminer.lzw import LZWDecoder
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import (
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    PDFObjectNotFound,
    PDFStream,
)
from pdfminer.psparser import LIT

from ..errors import LimitError

if TYPE_CHECKING:
    from pdfminer.pdfdocument import PDFDocument

    from . import ReadLimits

MAX_FORM_DEPTH = 12
"""Deepest nesting of form XObjects drawn (real documents nest a handful)."""
MAX_DRAWS_PER_PAGE = 20_000
"""Most XObjects (forms and images) one page may draw, nested draws included."""
_IMAGE = LIT("Image")
_CHUNK = 1 << 20


class FormBudget:
    """The XObject draws left to one page; running out is a `LimitError`."""

    def __init__(self, path: str, page: int = 0) -> None:
        self.path = path
        self.page = page
        self.draws = 0

    def spend(self, depth: int) -> None:
        """Count one XObject drawn at nesting `depth` (0: by the page itself)."""
        self.draws += 1
        if depth >= MAX_FORM_DEPTH:
            raise LimitError(self.path, f"page {self.page} nests form XObjects more than "
                                        f"{MAX_FORM_DEPTH} deep")
        if self.draws > MAX_DRAWS_PER_PAGE:
            raise LimitError(self.path, f"page {self.page} draws more than "
                                        f"{MAX_DRAWS_PER_PAGE:,} XObjects (nested forms)")


def check_document(document: PDFDocument, path: str, limits: ReadLimits, *,
                   max_pages: int) -> None:
    """Raise `LimitError` when the document has too many pages or inflates too far."""
    for count, _ in enumerate(PDFPage.create_pages(document), start=1):
        if count > max_pages:
            raise LimitError(path, f"has more than {max_pages:,} pages")
    budget = limits.max_unpacked_bytes
    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                obj = document.getobj(objid)
            except PDFObjectNotFound:
                continue
            if not isinstance(obj, PDFStream) or obj.get("Subtype") is _IMAGE:
                continue  # images are never decoded for text extraction
            budget -= _inflated_size(obj, budget)
            if budget < 0:
                raise LimitError(path, f"streams inflate to more than "
                                       f"{limits.max_unpacked_bytes:,} bytes")


def _inflated_size(stream: PDFStream, budget: int) -> int:
    """Return the size of `stream` after its first filter, or `budget + 1` once past `budget`.

    Inflating happens in bounded chunks and nothing is kept, so a bomb costs time in
    proportion to the budget, not memory in proportion to its inflated size.
    """
    data: bytes = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
    if stream.data is not None or not data:
        return len(stream.data or data)
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    filters: list[tuple[Any, Any]] = stream.get_filters()
    if not filters:
        return len(data)
    first = filters[0][0]
    if first in LITERALS_FLATE_DECODE:
        return _inflated_flate(data, budget)
    if first in LITERALS_LZW_DECODE:
        size = 0
        for piece in LZWDecoder(io.BytesIO(data)).run():
            size += len(piece)
            if size > budget:
                return budget + 1
        return size
    return len(data)  # ASCII85, hex and run-length grow little; images are not decoded


def _inflated_flate(data: bytes, budget: int) -> int:
    inflater = zlib.decompressobj()
    size = 0
    try:
        size += len(inflater.decompress(data, _CHUNK))
        while inflater.unconsumed_tail and size <= budget:
            size += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
    except zlib.error:
        pass  # damaged: pdfminer keeps what inflated before the damage
    return size if size <= budget else budget + 1

