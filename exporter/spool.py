"""Spooled blocks: a block document kept in a temporary file instead of in memory.

A pack of hundreds of articles makes a block document of tens of thousands of blocks; as frozen
dataclasses they take far more memory than the PDF they become. `SpooledBlocks` pickles each
top-level block into an anonymous temporary file as the template's output is parsed, and reads
blocks back one at a time whenever a writer iterates, so a writer holds about one article's
blocks at once, however long the pack.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from array import array
from collections.abc import Iterator, MutableSequence
from typing import overload

from .blocks import Block


class SpooledBlocks(MutableSequence[Block]):
    """An append-only sequence of blocks stored in an anonymous temporary file.

    Reads use `os.pread`, so iterations may overlap (a writer can look ahead inside a loop).
    Only `append` (and so `extend`) may change it. It cannot be pickled: a process that needs
    the document renders its own.
    """

    def __init__(self) -> None:
        # Deleted by the OS when closed or when the process ends, whatever happens.
        self._file = tempfile.TemporaryFile(prefix="exporter-blocks-")  # noqa: SIM115
        self._offsets = array("q", [0])
        # Closed when the spool is collected too (after a template error, say), quietly.
        self._closer = weakref.finalize(self, self._file.close)

    def append(self, value: Block) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._offsets[-1])
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _load(self, index: int) -> Block:
        start, end = self._offsets[index], self._offsets[index + 1]
        self._file.flush()
        block: Block = pickle.loads(os.pread(self._file.fileno(), end - start, start))
        return block

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> list[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | list[Block]:
        if isinstance(index, slice):
            return [self._load(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("block index out of range")
        return self._load(index)

    def __iter__(self) -> Iterator[Block]:
        return self.between(0, len(self))

    def between(self, start: int, end: int) -> Iterator[Block]:
        """Yield blocks `start` to `end - 1`, one at a time (the lazy form of a slice)."""
        for index in range(max(start, 0), min(end, len(self))):
            yield self._load(index)

    def close(self) -> None:
        """Delete the temporary file now rather than when the object is collected."""
        self._closer()

    def __setitem__(self, index: object, value: object) -> None:
        raise TypeError("spooled blocks are append-only")

    def __delitem__(self, index: object) -> None:
        raise TypeError("spooled blocks are append-only")

    def insert(self, index: int, value: Block) -> None:
        raise TypeError("spooled blocks are append-only")

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("spooled blocks stay in the process that made them")


__all__ = ["SpooledBlocks"]
