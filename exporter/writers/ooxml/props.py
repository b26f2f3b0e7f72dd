"""The properties parts: `docProps/core.xml` (title, author, dates) and `docProps/app.xml`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...xmltext import escape
from .parts import XML_HEADER

MAX_CORE_PROPERTY = 255
"""python-docx and python-pptx refuse longer core-property values (title, subject, keywords)."""

CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
RT_APP = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          "extended-properties")


def core_property(text: str, limit: int = MAX_CORE_PROPERTY) -> str:
    """Return `text` on one line, cut with an ellipsis to fit a core property."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class CoreProperties:
    """What `docProps/core.xml` says about a document."""

    title: str
    subject: str
    keywords: str
    author: str
    language: str
    timestamp: int
    """Created and modified, in seconds since the epoch (`SOURCE_DATE_EPOCH`)."""

    def xml(self) -> bytes:
        """Return `docProps/core.xml`; the texts are cut to fit as `core_property` does."""
        stamp = dt.datetime.fromtimestamp(self.timestamp, tz=dt.timezone.utc)
        when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")

        def text(tag: str, value: str) -> str:
            return f"<{tag}>{escape(core_property(value))}</{tag}>" if value.strip() else ""

        return XML_HEADER + (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
            'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + text("dc:title", self.title) + text("dc:subject", self.subject)
            + text("dc:creator", self.author) + text("cp:keywords", self.keywords)
            + text("cp:lastModifiedBy", self.author) + "<cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
            + text("dc:language", self.language) + "</cp:coreProperties>"
        ).encode("utf-8")


def app_xml(fields: list[tuple[str, str]]) -> bytes:
    """Return `docProps/app.xml` with the extended properties `fields` (element, text) in order."""
    body = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields)
    return XML_HEADER + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{body}</Properties>').encode()


__all__ = ["APP_TYPE", "CORE_TYPE", "MAX_CORE_PROPERTY", "RT_APP", "CoreProperties",
           "app_xml", "core_property"]
