"""exporter: turn articles into briefing PDFs, DOCX summaries and slide decks.

The pipeline: `load` (a source file → `Article`), `analyse` (→ `Briefing`), `export` (templates and
writers → files). The command line in `exporter.cli` is a thin layer over these.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .analysis import analyse
from .model import Article, Briefing, to_data
from .readers import read_article as load

try:
    __version__ = version("exporter")
except PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.0.0+source"

__all__ = ["Article", "Briefing", "__version__", "analyse", "load", "to_data"]
