"""A rendering before it is zipped (`Draft`): measured by the page model from its members and
spooled body, then zipped, with no zip written and read back in between."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .. import docx_pages, ooxml
from .spool import _BodySpool


class Draft:
    """One rendering before it is zipped: the package's members, and the main part with its
    spooled body. Measured (`pages`) and zipped (`package`) from here, so the contents
    list's page numbers cost no zip written and read back per rendering."""

    def __init__(self, members: dict[str, bytes], main: str, document: bytes,
                 spool: _BodySpool, timestamp: int, tree: etree._Element | None = None) -> None:
        self.members = members
        self.main = main
        self._document = document
        self._spool = spool
        self._timestamp = timestamp
        self._tree = tree
        """The main part's tree as `document` was serialized from it, when none of it was
        spooled: measured as it stands, not parsed back (a summary's ~0.2 ms a rendering)."""

    def document(self) -> Iterator[bytes]:
        """The main part's XML, the spooled body back in, a slice at a time."""
        return self._spool.chunks(self._document)

    def pages(self, fonts: docx_pages.Fonts) -> dict[str, int]:
        """The page each bookmark starts on, by the page model (`docx_pages.part_pages`)."""
        return docx_pages.part_pages(
            lambda name: self.members.get(name) if name != self.main else None,
            lambda: io.BufferedReader(_ChunkStream(self.document())), fonts, parsed=self._tree)

    def package(self) -> bytes:
        """The DOCX package's bytes."""
        def content(name: str) -> bytes | Iterator[bytes]:
            return self.document() if name == self.main else self.members[name]

        return ooxml.write_package([*self.members, self.main], content, self._timestamp)

    def same_as(self, other: Draft) -> bool:
        """Whether `package` would zip the same bytes as `other`'s (a template that ignores
        the build's `fit` renders the same document again)."""
        return (self.main == other.main and self._timestamp == other._timestamp
                and list(self.members.items()) == list(other.members.items())
                and b"".join(self.document()) == b"".join(other.document()))

    def close(self) -> None:
        self._spool.close()


class _ChunkStream(io.RawIOBase):
    """A binary stream over byte chunks (the parser reads the main part through it)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._rest = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._rest:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._rest = memoryview(chunk)
        size = min(len(buffer), len(self._rest))
        buffer[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size
