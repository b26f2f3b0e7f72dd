"""Readers: a source file's bytes in, an `Article` out.

The format is picked by content, not only by extension: a PDF by its `%PDF-` header, a DOCX by the
members of its ZIP archive, HTML by its markup, Markdown by its suffix or front matter, anything
else that decodes as text is a raw text dump. Each reader module exposes
`read(data: bytes, path: str, limits: ReadLimits) -> Article`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LimitError, SourceError
from ..fs import TooLarge, os_error_message, read_bounded

if TYPE_CHECKING:
    # Annotations only: the build's own process (which reads sources' bytes and checks the
    # cache) then never loads the model; the workers do.
    from ..model import Article

SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf")
"""File suffixes a folder given on the command line is searched for."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadLimits:
    """Input limits; each is documented in the README and settable from the CLI."""

    max_bytes: int = 50_000_000
    """Largest source file read."""
    max_paragraphs: int = 50_000
    """Most body paragraphs in one article."""
    max_words: int = 2_000_000
    """Most words in one article."""
    max_archive_members: int = 2_000
    """Most members in a DOCX archive."""
    max_unpacked_bytes: int = 200_000_000
    """Most bytes a DOCX archive may inflate to."""
    max_compression_ratio: float = 200.0
    """Highest ratio of unpacked to packed size for any archive member."""


_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_FRONT_MATTER = re.compile(rb"^(\xef\xbb\xbf)?---\s*\r?\n")


def sniff(data: bytes, path: str) -> str:
    """Return the reader name for `data`: `pdf`, `docx`, `html`, `markdown` or `text`."""
    suffix = Path(path).suffix.lower()
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:200_000] or b"[Content_Types].xml" in data[:200_000]:
            return "docx"
        raise SourceError(path, "is a ZIP archive but not a Word document")
    if suffix in (".docx", ".pdf"):
        kind = "Word document" if suffix == ".docx" else "PDF"
        raise SourceError(path, f"is named {suffix} but is not a {kind}")
    if _HTML_START.match(head) or suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown") or _FRONT_MATTER.match(head):
        return "markdown"
    return "text"


def looks_like_briefing(data: bytes) -> bool:
    """Return True when `data` is (meant to be) a briefing JSON file: a JSON object whose
    first key is `schema`, or any JSON object with a `schema` key (`contract.read_briefing`
    reads it). Here rather than in `contract`, which loads the model: the build's own process
    asks this of every source before any worker runs."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    return b'"schema"' in data[:4096]


def read_bytes(path: Path, display: str, limits: ReadLimits) -> bytes:
    """Return the bytes of `path`, refusing what is missing, empty or over the size limit.

    At most `max_bytes + 1` bytes are read whatever the file is: a device such as `/dev/zero`
    or a pipe reports no size to check first.
    """
    too_large = f"is larger than {limits.max_bytes:,} bytes, the limit (--max-bytes)"
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise LimitError(display, f"is {size:,} bytes; the limit is {limits.max_bytes:,} "
                                      "(--max-bytes)")
        data = read_bounded(path, limits.max_bytes)
    except TooLarge as exc:
        raise LimitError(display, too_large) from exc
    except IsADirectoryError as exc:
        raise SourceError(display, "is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise SourceError(display, "no such file") from exc
    except PermissionError as exc:
        raise SourceError(display, "permission denied") from exc
    except OSError as exc:
        raise SourceError(display, f"cannot be read: {os_error_message(exc)}") from exc
    except ValueError as exc:  # a NUL byte in a name given through the Python API
        raise SourceError(display, f"cannot be read: {exc}") from exc
    if not data.strip():
        raise SourceError(display, "is empty")
    return data


def read_article(path: Path | str, *, display: str | None = None,
                 limits: ReadLimits | None = None) -> Article:
    """Return the article in the file at `path` (named `display` in messages and the model)."""
    limits = limits or ReadLimits()
    name = display if display is not None else str(path)
    data = read_bytes(Path(path), name, limits)
    return read_data(data, name, limits)


def read_data(data: bytes, name: str, limits: ReadLimits | None = None) -> Article:
    """Return the article in `data`, read by the reader its content calls for."""
    limits = limits or ReadLimits()
    kind = sniff(data, name)
    if kind == "pdf":
        from . import pdf as reader
    elif kind == "docx":
        from . import docx as reader  # type: ignore[no-redef]
    elif kind == "html":
        from . import html as reader  # type: ignore[no-redef]
    elif kind == "markdown":
        from . import markdown as reader  # type: ignore[no-redef]
    else:
        from . import text as reader  # type: ignore[no-redef]
    from .assemble import without_controls

    article = without_controls(reader.read(data, name, limits))
    if not article.paragraphs:
        raise SourceError(name, "has no body text")
    if len(article.paragraphs) > limits.max_paragraphs:
        raise LimitError(name, f"has {len(article.paragraphs):,} paragraphs; the limit is "
                               f"{limits.max_paragraphs:,} (--max-paragraphs)")
    words = sum(len(p.text.split()) for p in article.paragraphs)
    if words > limits.max_words:
        raise LimitError(name, f"has {words:,} words; the limit is {limits.max_words:,} "
                               "(--max-words)")
    return article


def source_hash(data: bytes) -> str:
    """Return the SHA-256 of a source's bytes (recorded in the model and the cache key)."""
    return hashlib.sha256(data).hexdigest()
