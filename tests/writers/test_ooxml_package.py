"""The package writer lays a zip out byte for byte as Python's `zipfile` did when it wrote the
packages (so outputs did not change when it took over), and a member it compressed before is
reused, not compressed again, with the same bytes out."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterable

from exporter.writers.ooxml import package
from exporter.writers.ooxml.package import write_package, zip_time

TIMESTAMP = 1_700_000_000


def zipfile_package(members: dict[str, bytes | list[bytes]], timestamp: int) -> bytes:
    """What `write_package` wrote with `zipfile` (its code before it wrote the zip itself)."""
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in members]
    order = first + sorted(n for n in members if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=zip_time(timestamp))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            with target.open(info, "w") as dest:
                data = members[name]
                for chunk in ((data,) if isinstance(data, bytes) else data):
                    dest.write(chunk)
    return out.getvalue()


def content_of(members: dict[str, bytes | list[bytes]]
               ) -> Callable[[str], bytes | Iterable[bytes]]:
    return lambda name: members[name] if isinstance(members[name], bytes) \
        else iter(members[name])


def sample_members() -> dict[str, bytes | list[bytes]]:
    styles = b"<w:styles>" + b"<w:style w:styleId='S'/>" * 2000 + b"</w:styles>"
    return {
        "word/document.xml": [b"<w:document>", os.urandom(70_000), b"x" * 200_000,
                              b"</w:document>"],
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b"<Relationships/>",
        "word/styles.xml": styles,
        "word/media/image1.png": os.urandom(9_000),
        "docProps/app.xml": b"",
        "word/m\u00e9dia.xml": b"<x>non-ASCII name</x>",
    }


def test_the_zip_is_laid_out_as_zipfile_wrote_it() -> None:
    members = sample_members()
    for timestamp in (0, TIMESTAMP, 2 ** 32):
        assert write_package(members, content_of(members), timestamp) == \
            zipfile_package(members, timestamp)


def test_a_member_compressed_before_is_reused_with_the_same_bytes_out() -> None:
    members = sample_members()
    first = write_package(members, content_of(members), TIMESTAMP)
    styles = members["word/styles.xml"]
    assert isinstance(styles, bytes)
    assert bytes(styles) in package._DEFLATED  # kept, by its bytes
    again = dict(members, **{"word/styles.xml": bytes(bytearray(styles))})  # equal, not same
    assert write_package(again, content_of(again), TIMESTAMP) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        assert archive.read("word/styles.xml") == styles
        assert archive.read("word/document.xml") == b"".join(
            members["word/document.xml"])  # type: ignore[arg-type]
