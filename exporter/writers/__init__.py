"""Writers: block document in, bytes out. They never touch the file system.

A writer is a class with `name`, `suffix`, `template` (the template that produces its block
document) and `write(doc, options) -> bytes`. The built-ins are registered explicitly below; a
duplicate name is an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..errors import ConfigError
from ..options import RenderOptions

if TYPE_CHECKING:  # the block model and lxml: not at the command line's start-up
    from ..blocks import Document


class Writer(Protocol):
    """What every output format provides."""

    name: str
    """Short name used on the command line (`pdf`, `docx`, `md`, `pptx`)."""
    suffix: str
    """File suffix including the dot."""
    template: str
    """Name of the template whose block document this writer renders."""
    output: str
    """File name written per article (`briefing.pdf`)."""

    def write(self, doc: Document, options: RenderOptions) -> bytes:
        """Return the document rendered in this format."""
        ...


_REGISTRY: dict[str, Writer] = {}


def register(writer: Writer) -> None:
    """Add `writer` to the registry; refuse a second writer of the same name."""
    if writer.name in _REGISTRY:
        raise ConfigError(f"a writer named {writer.name!r} is already registered")
    _REGISTRY[writer.name] = writer


def get(name: str) -> Writer:
    """Return the registered writer called `name`."""
    _ensure_builtins()
    try:
        return _REGISTRY[name]
    except KeyError as exc:
        raise ConfigError(f"no writer named {name!r} (have: {', '.join(sorted(_REGISTRY))})") \
            from exc


def names() -> list[str]:
    """Return the registered writer names in registration order."""
    _ensure_builtins()
    return list(_REGISTRY)


def _ensure_builtins() -> None:
    # Imported lazily: ReportLab and python-pptx cost start-up time `inspect` does not need.
    if _REGISTRY:
        return
    from .docx import DocxWriter
    from .handout import HandoutWriter
    from .pdf import PdfWriter
    from .slides import MarkdownSlidesWriter, PptxWriter

    for writer in (PdfWriter(), DocxWriter(), MarkdownSlidesWriter(), PptxWriter(),
                   HandoutWriter()):
        register(writer)
