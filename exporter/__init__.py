"""exporter: turn articles into briefing PDFs, DOCX summaries and slide decks.

The pipeline: `load` (a source file → `Article`), `analyse` (→ `Briefing`), `export` (templates and
writers → files). The command line in `exporter.cli` is a thin layer over these.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .analysis import analyse
    from .build import ArticleResult
    from .model import Article, Briefing, to_data
    from .packing import PackResult
    from .readers import ReadLimits

# The pipeline's names are imported when first used: `exporter --version` and the command
# line's start-up must not pay for numpy, the analysis and the readers (bench/startup.py).
_LAZY = {"analyse": (".analysis", "analyse"), "Article": (".model", "Article"),
         "Briefing": (".model", "Briefing"), "to_data": (".model", "to_data")}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def load(path: Path | str, *, display: str | None = None,
         limits: ReadLimits | None = None) -> Article:
    """Return the article in the file at `path`, with its `<stem>.meta.yaml` / `.toml` sidecar
    applied as `exporter build` applies it (the sidecar's date is what relative dates such as
    "last year" are read against)."""
    from .readers import read_article, sidecar

    article = read_article(path, display=display, limits=limits)
    overrides = sidecar.load_sidecar(Path(path))
    return sidecar.apply_overrides(article, overrides) if overrides else article


def export(paths: list[str], out_dir: str = "out", **options: Any) -> list[ArticleResult]:
    """Export the articles in `paths` (files or folders) to `out_dir`, as `exporter build` does.

    A path may be a briefing JSON file (`inspect --json` output, perhaps corrected): it is
    rendered as it stands, without reading or analysing the article again.

    `options` are `RenderOptions` fields (`paper`, `classification`, …); the result holds one
    `ArticleResult` per source, with its outputs or its one-line error.
    """
    # Imported here: the build module needs `__version__`, set above.
    from .build import BuildConfig, build, collect_sources
    from .options import RenderOptions, build_timestamp

    render = RenderOptions(timestamp=build_timestamp(), **options)
    return build(collect_sources(paths), BuildConfig(out_dir=Path(out_dir), options=render))


def pack(paths: list[str], out_dir: str = "out", *, title: str,
         **options: Any) -> PackResult:
    """Bundle the articles in `paths` into one briefing pack in `out_dir`, as `exporter pack`.

    `paths` may hold sources, folders and briefing JSON files (`inspect --json` output, perhaps
    corrected); `options` are `RenderOptions` fields (`paper`, `per_page`, …). The result lists
    the outputs written, each article's result, and the pack's one-line error if it failed.
    """
    from .build import BuildConfig, collect_sources
    from .options import RenderOptions, build_timestamp
    from .packing import build_pack

    render = RenderOptions(timestamp=build_timestamp(), **options)
    config = BuildConfig(out_dir=Path(out_dir), options=render)
    return build_pack(collect_sources(paths, out_dir=Path(out_dir)), config, title)


__all__ = ["Article", "Briefing", "__version__", "analyse", "export", "load", "pack",
           "to_data"]
