"""Reader for markdown sources (not written yet)."""

from __future__ import annotations

from ..errors import SourceError
from ..model import Article


def read(data: bytes, path: str, limits: object) -> Article:
    """Return the article in `data`."""
    raise SourceError(path, "markdown input is not supported yet")
