"""Where the files shipped with the package are, found without importing what reads them.

The cache key hashes the built-in templates on every build, including a rebuild that finds
everything unchanged and never renders: naming their folder must not load Jinja2 (`templating`).
"""

from __future__ import annotations

from pathlib import Path


def builtin_template_dir() -> Path:
    """Return the folder of the built-in templates, installed or in a source checkout."""
    installed = Path(__file__).parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "templates"


__all__ = ["builtin_template_dir"]
