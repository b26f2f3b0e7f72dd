"""ZIP safety checks, made from the central directory before any member is inflated.

A 0.2 MB DOCX can inflate to gigabytes (a zip bomb). The sizes checked are the ones the archive
declares; that is enough because Python's `zipfile` stops inflating a member at its declared size
and then fails its CRC check, so a member that lies about its size cannot grow past the limit.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from ..errors import LimitError, SourceError

if TYPE_CHECKING:
    from . import ReadLimits

_RATIO_FLOOR = 1_000_000
"""Members smaller than this when inflated are not ratio-checked: tiny XML parts of plain Office
files compress by large factors without being a danger."""


def open_zip(data: bytes, path: str, limits: ReadLimits) -> zipfile.ZipFile:
    """Return the archive in `data` once its member count, total and ratios are within limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise SourceError(path, f"is not a readable ZIP archive ({exc})") from exc
    if len(members) > limits.max_archive_members:
        raise LimitError(path, f"archive has {len(members):,} members; the limit is "
                               f"{limits.max_archive_members:,} (--max-archive-members)")
    total = 0
    for member in members:
        total += member.file_size
        if total > limits.max_unpacked_bytes:
            raise LimitError(path, f"archive inflates to more than {limits.max_unpacked_bytes:,} "
                                   "bytes (--max-unpacked-bytes)")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > limits.max_compression_ratio:
            raise LimitError(path, f"archive member {member.filename!r} inflates {ratio:,.0f} "
                                   f"times; the limit is {limits.max_compression_ratio:,.0f} "
                                   "(--max-compression-ratio)")
    return archive
