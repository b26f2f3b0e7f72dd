"""Zip packages written the reproducible way: parts in, one archive out.

`write_package` writes any set of parts (the PPTX deck hands it the parts it generated);
`reproducible_zip` rewrites a package a library saved (python-docx stamps every zip entry with
the wall-clock time and the host's operating system, so two runs never give the same bytes).
Both write one fixed entry time, a fixed member order and fixed compression, so the same document
and options give byte-identical output (issue 6, `SOURCE_DATE_EPOCH`).
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import tempfile
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any

_CONTENT_TYPES = "[Content_Types].xml"
_FIRST = (_CONTENT_TYPES, "_rels/.rels")
"""Members written first: readers that stream the package expect the content types up front."""

_DOS_EPOCH = (1980, 1, 1, 0, 0, 0)
_DOS_LAST = (2107, 12, 31, 23, 59, 58)


def zip_time(timestamp: int) -> tuple[int, int, int, int, int, int]:
    """Return `timestamp` (seconds since the epoch) as a UTC zip entry time within DOS range."""
    stamp = dt.datetime.fromtimestamp(timestamp, tz=dt.timezone.utc)
    fields = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    return max(_DOS_EPOCH, min(_DOS_LAST, fields))


def reproducible_zip(data: bytes, timestamp: int, *,
                     replace: Mapping[str, bytes | Iterable[bytes]] | None = None) -> bytes:
    """Return the zip archive `data` rewritten byte-reproducibly, with entries dated `timestamp`.

    `replace` maps member names to new contents (e.g. a rewritten `docProps/app.xml`), as bytes
    or as an iterable of byte chunks (a long part streamed, never whole in memory); a name not
    already in the archive is an error, since adding a part also needs a content type. Members
    are copied a slice at a time, so no whole uncompressed part is held at once.
    """
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = {info.filename: info for info in source.infolist() if not info.is_dir()}
        for name in replace:
            if name not in infos:
                raise KeyError(f"{name} is not a member of the package")

        def content(name: str) -> bytes | Iterable[bytes]:
            if name in replace:
                return replace[name]
            return _read_in_slices(source, infos[name])

        return write_package(infos, content, timestamp)


def write_package(names: Iterable[str], content: Callable[[str], bytes | Iterable[bytes]],
                  timestamp: int) -> bytes:
    """Return a zip of the members `names`, written the reproducible way: content types and
    package relationships first, the rest in the order given, entries dated `timestamp`, the
    host's operating system left out, deflate at level 6.

    `content(name)` gives a member's bytes, whole or in chunks, when it is written, so members
    kept on disk are read back one at a time. A member given whole that an earlier package
    had too (a style sheet, a theme, a slide layout: the same in every document of one look)
    is not compressed again (`_deflated`).

    The archive is laid out as Python's `zipfile` writes it to a file (the packages have always
    been written that way, and stay byte for byte the same): a local header with the sizes
    and CRC filled in, no extra fields or data descriptors, permissions rw-------, version 2.0.
    """
    names = list(names)
    order = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
    year, month, day, hour, minute, second = zip_time(timestamp)
    dos_date = (year - 1980) << 9 | month << 5 | day
    dos_time = hour << 11 | minute << 5 | second // 2
    central: list[bytes] = []
    # Written to a file and read back once: a growing BytesIO would hold the package twice.
    with tempfile.TemporaryFile(prefix="exporter-package-") as out:
        for name in order:
            filename, flags = _encoded(name)
            offset = out.tell()
            data = content(name)
            if isinstance(data, bytes):
                crc, size, packed = _deflated(data)
                out.write(_LOCAL.pack(_LOCAL_SIG, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
                                      dos_time, dos_date, crc, len(packed), size,
                                      len(filename), 0))
                out.write(filename)
                out.write(packed)
                packed_size = len(packed)
            else:
                out.write(_LOCAL.pack(_LOCAL_SIG, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
                                      dos_time, dos_date, 0, 0, 0, len(filename), 0))
                out.write(filename)
                crc, size, packed_size = _deflate_into(out, data)
                end = out.tell()
                out.seek(offset)
                out.write(_LOCAL.pack(_LOCAL_SIG, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
                                      dos_time, dos_date, crc, packed_size, size,
                                      len(filename), 0))
                out.seek(end)
            if max(size, packed_size, offset) > _ZIP32_LIMIT:
                raise ValueError(f"{name}: too large for a package without zip64")
            central.append(_CENTRAL.pack(
                _CENTRAL_SIG, _VERSION, 0, _VERSION, 0, flags, zipfile.ZIP_DEFLATED,
                dos_time, dos_date, crc, packed_size, size, len(filename), 0, 0, 0, 0,
                _ATTRIBUTES, offset) + filename)
        start = out.tell()
        for record in central:
            out.write(record)
        directory = out.tell() - start
        if len(central) > 0xFFFF or start > _ZIP32_LIMIT or directory > _ZIP32_LIMIT:
            raise ValueError("too many or too large members for a package without zip64")
        out.write(_END.pack(_END_SIG, 0, 0, len(central), len(central), directory, start, 0))
        out.seek(0)
        package: bytes = out.read()
    return package


_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
_VERSION = 20
"""Version made by and needed to extract: 2.0, deflate."""
_ATTRIBUTES = 0o600 << 16
"""rw-------, what `zipfile` gives a member written with no attributes."""
_ZIP32_LIMIT = (1 << 31) - 1
"""`zipfile`'s limit before it needs zip64 records (which this writer does not make)."""
_UTF8_FLAG = 0x800


def _encoded(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_FLAG


def _compressor() -> Any:
    # Level 6 (zlib's default), raw deflate: what `zipfile` uses when given no level.
    return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)


def _deflate_into(out: IO[bytes], chunks: Iterable[bytes]) -> tuple[int, int, int]:
    """Compress `chunks` into `out`; return the CRC, the size and the compressed size."""
    compressor = _compressor()
    crc = size = packed = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
        data = compressor.compress(chunk)
        packed += len(data)
        out.write(data)
    data = compressor.flush()
    out.write(data)
    return crc, size, packed + len(data)


_DEFLATED: OrderedDict[bytes, tuple[int, int, bytes]] = OrderedDict()
"""Members compressed lately, by their bytes (least recently used first)."""
_DEFLATED_LOCK = threading.Lock()
DEFLATED_KEPT = 32 << 20
"""Bytes of members kept compressed (a DOCX's style sheets are 0.8 MB)."""
CACHED_FROM, CACHED_UP_TO = 4096, 4 << 20
"""Smaller members are compressed each time (looking them up would cost about as much), and
larger ones too (a document's own text or pictures, not what documents share)."""
_deflated_size = 0


def _deflated(data: bytes) -> tuple[int, int, bytes]:
    """Return (CRC, size, compressed bytes) of a whole member, from `_DEFLATED` when the same
    bytes were compressed lately."""
    global _deflated_size
    if not CACHED_FROM <= len(data) <= CACHED_UP_TO:
        compressor = _compressor()
        return zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush()
    with _DEFLATED_LOCK:
        found = _DEFLATED.get(data)
        if found is not None:
            _DEFLATED.move_to_end(data)
            return found
    compressor = _compressor()
    found = (zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())
    with _DEFLATED_LOCK:
        if data not in _DEFLATED:
            _DEFLATED[data] = found
            _deflated_size += len(data)
        while _deflated_size > DEFLATED_KEPT:
            old, _ = _DEFLATED.popitem(last=False)
            _deflated_size -= len(old)
    return found


def _read_in_slices(source: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with source.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


_CHUNK = 1 << 20


__all__ = ["reproducible_zip", "write_package", "zip_time"]
