"""A short fuzz run of the readers: arbitrary bytes raise SourceError (or LimitError) or read."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.errors import SourceError
from exporter.readers import ReadLimits, read_data

PREFIXES = [b"", b"%PDF-", b"%PDF-1.7\n", b"PK\x03\x04", b"PK\x03\x04word/",
            b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<!doctype html><html><body>",
            b"---\ntitle: x\n---\n", b"<?xml version='1.0'?>"]
NAMES = ["x.txt", "x.md", "x.html", "x.docx", "x.pdf", "x"]
LIMITS = ReadLimits(max_bytes=1_000_000, max_unpacked_bytes=5_000_000)


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000),
       name=st.sampled_from(NAMES))
def test_arbitrary_bytes_only_raise_source_errors(prefix: bytes, body: bytes,
                                                  name: str) -> None:
    with contextlib.suppress(SourceError):  # LimitError is a SourceError
        read_data(prefix + body, name, LIMITS)


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    b'formats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>')


@settings(max_examples=40, deadline=None, derandomize=True)
@given(document=st.binary(max_size=3000), package=st.booleans())
def test_zip_that_claims_to_be_docx_only_raises_source_errors(document: bytes,
                                                               package: bool) -> None:
    members = {"word/document.xml": document}
    if package:
        members |= {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS}
    with contextlib.suppress(SourceError):
        read_data(_zip(members), "x.docx", LIMITS)


def test_docx_with_foreign_content_types_is_a_source_error() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b""})
    with contextlib.suppress(SourceError):
        read_data(data, "x.docx", LIMITS)


@pytest.mark.parametrize("name", ["x.docx", "x.pdf"])
def test_truncated_real_files_only_raise_source_errors(name: str) -> None:
    from exporter import templating, writers
    from exporter.build import template_context

    from ._support import OPTIONS, briefing_of

    briefing = briefing_of("Title\n\nA paragraph of text for the fuzzing seed.\n", "seed.txt")
    doc = templating.render("briefing.xml.j2", template_context(briefing, OPTIONS))
    data = writers.get(name[-4:].strip(".")).write(doc, OPTIONS)
    for cut in range(0, len(data), max(1, len(data) // 40)):
        with contextlib.suppress(SourceError):
            read_data(data[:cut], name, LIMITS)
