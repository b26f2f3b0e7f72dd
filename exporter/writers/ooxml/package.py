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
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping

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
    kept on disk are read back one at a time.
    """
    names = list(names)
    order = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
    date_time = zip_time(timestamp)
    # Written to a file and read back once: a growing BytesIO would hold the package twice.
    with tempfile.TemporaryFile(prefix="exporter-package-") as out:
        with zipfile.ZipFile(out, "w") as target:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                # ZipInfo defaults these from the host OS; pin them so Linux and Windows agree.
                info.create_system = 0
                info.external_attr = 0
                # Left unset, the compression level is zlib's default, 6: the level the
                # packages have always been written with.
                with target.open(info, "w") as dest:
                    data = content(name)
                    for chunk in ((data,) if isinstance(data, bytes) else data):
                        dest.write(chunk)
        out.seek(0)
        package: bytes = out.read()
    return package


def _read_in_slices(source: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with source.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


_CHUNK = 1 << 20


__all__ = ["reproducible_zip", "write_package", "zip_time"]
