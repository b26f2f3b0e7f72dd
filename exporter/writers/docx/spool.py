"""Body spooling: finished content waits in a temporary file, not in python-docx's tree."""

from __future__ import annotations

import os
import tempfile
import weakref
from collections.abc import Iterator, Sequence

from docx.oxml.ns import qn
from lxml import etree

SPOOL_EVERY = 64
"""Top-level blocks between two spoolings when no page break comes first (one long article)."""

_MARKER = "exporter-spooled-body"
_MARKER_XML = f"<!--{_MARKER}-->".encode()


class _BodySpool:
    """Body XML the renderer is done with, kept in an anonymous temporary file until save.

    python-docx holds the whole body as an lxml tree until `save`; for a pack of hundreds of
    articles that is tens of megabytes. `spool` serializes a run of finished body children to
    the file and leaves one comment (a marker) where they stood; `chunks` puts the XML back in
    place of each marker in the serialized part. A comment is a safe marker: the body has none
    of its own, and `<!--` never comes out of text or attribute values, which are escaped.
    """

    def __init__(self, body: etree._Element) -> None:
        # Deleted by the OS when closed or when the process ends, whatever happens.
        self._file = tempfile.TemporaryFile(prefix="exporter-docx-")  # noqa: SIM115
        self._closer = weakref.finalize(self, self._file.close)
        # Serialized under the same namespace declarations as in the part, the children come
        # out byte for byte as python-docx would have written them.
        self._nsmap = body.nsmap
        self._size = 0
        self._ranges: list[list[int]] = []
        """[start, end] in the file, for each marker in document order."""
        self._last_marker: etree._Element | None = None

    def spool(self, run: Sequence[etree._Element]) -> None:
        """Move `run`, adjacent children of the body, to the file and mark where they stood."""
        first = run[0]
        if first.getprevious() is not None and first.getprevious() is self._last_marker:
            # Straight after the previous run: its marker and its stretch of the file grow.
            self._ranges[-1][1] += self._write(run)
            return
        marker = etree.Comment(_MARKER)
        first.addprevious(marker)
        self._last_marker = marker
        start = self._size
        self._ranges.append([start, start + self._write(run)])

    def _write(self, run: Sequence[etree._Element]) -> int:
        wrapper = etree.Element(qn("w:body"), nsmap=self._nsmap)
        for element in run:
            wrapper.append(element)  # moves it out of the document
        xml = etree.tostring(wrapper, encoding="UTF-8", xml_declaration=False)
        end_tag = b"</w:body>"
        if not xml.endswith(end_tag):
            raise AssertionError("spooled body XML has no closing tag")
        content = memoryview(xml)[xml.index(b">") + 1: len(xml) - len(end_tag)]
        self._file.write(content)
        self._size += len(content)
        return len(content)

    @property
    def spooled(self) -> bool:
        """Whether any of the body went to the file."""
        return bool(self._ranges)

    def chunks(self, part_xml: bytes) -> Iterator[bytes]:
        """Yield `part_xml` with the spooled XML back in, a slice at a time."""
        pieces = part_xml.split(_MARKER_XML)
        if len(pieces) != len(self._ranges) + 1:
            raise AssertionError("a spooled-body marker is missing from the document part")
        self._file.flush()  # read back through the descriptor, past the file's buffer
        for piece, (start, end) in zip(pieces, self._ranges, strict=False):
            yield piece
            while start < end:
                # In slices: the whole stretch read at once would be a second copy of the body.
                chunk = os.pread(self._file.fileno(), min(end - start, 1 << 20), start)
                if not chunk:
                    raise AssertionError("the body spool file is shorter than written")
                yield chunk
                start += len(chunk)
        yield pieces[-1]

    def close(self) -> None:
        """Delete the temporary file now rather than when the object is collected."""
        self._closer()
