"""Analysed articles parked on disk while a pack is built, and read back one at a time.

A pack's templates walk the articles several times (cover, contents, body, index). Keeping
every analysed article in memory would make a pack's memory grow with its length, so each
analysis worker writes its article's template data (the `inspect --json` form) to a JSON file
in a temporary folder, and the templates receive an `ArticleList`: a sequence that loads an
article when it is reached and forgets it when the template moves on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from .build import (
    ArticleResult,
    BuildConfig,
    Computed,
    Prepared,
    briefing_of,
    failed,
    glyph_warnings,
    read_source,
)


def prepare_store(path: Path, display: str, dir_name: str,
                  config: BuildConfig) -> Prepared | ArticleResult:
    """Read one article and its sidecar (the pack's own cache is its outputs')."""
    try:
        return read_source(path, display, dir_name, config.limits)
    except Exception as exc:
        return failed(display, exc, config.budget)


def compute_store(source: Prepared, config: BuildConfig) -> Computed:
    """Read and analyse one article; return its template data as JSON bytes."""
    from .model import to_data  # here, in the worker: the build's own process never needs it

    try:
        briefing = briefing_of(source, config.limits)
        article = briefing.article
        data = json.dumps(to_data(briefing), ensure_ascii=False).encode("utf-8")
        warnings = tuple(article.warnings) + tuple(glyph_warnings(briefing))
        return Computed(outputs={f"{source.dir_name}.json": data}, warnings=warnings,
                        title=article.title)
    except Exception as exc:
        return Computed(failed=failed(source.display, exc, config.budget))


def finish_store(folder: str, source: Prepared, computed: Computed,
                 config: BuildConfig) -> ArticleResult:
    """Write the article's template data into the pack's store `folder`."""
    if computed.failed is not None:
        return computed.failed
    ((name, data),) = computed.outputs.items()
    target = Path(folder) / name
    try:
        target.write_bytes(data)
    except OSError as exc:  # a full temporary folder, `ulimit -f`
        target.unlink(missing_ok=True)
        return failed(source.display, exc, config.budget)
    return ArticleResult(source=source.display, title=computed.title,
                         warnings=computed.warnings, data_file=str(target))


def store_article(folder: str, path: Path, display: str, dir_name: str,
                  config: BuildConfig) -> ArticleResult:
    """Analyse one article and write its template data to `folder` (a process-pool task).

    The result carries the file's path in `data_file` and no briefing, so nothing but a
    title and a path travels back to the parent process.
    """
    source = prepare_store(path, display, dir_name, config)
    if isinstance(source, ArticleResult):
        return source
    return finish_store(folder, source, compute_store(source, config), config)


class ArticleList(Sequence[dict[str, Any]]):
    """The pack's articles as templates see them: plain dicts, loaded from disk on access.

    Each article gets its place in the pack: `number` (1-based), `anchor` (its title's link
    target) and `prefix` (put before its paragraph anchors so articles' links stay apart).
    Picklable (it holds only file names), so writer processes can render the templates too.
    """

    def __init__(self, files: Sequence[str]) -> None:
        self._files = tuple(files)
        self._last: tuple[int, dict[str, Any]] | None = None

    def __len__(self) -> int:
        return len(self._files)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("article index out of range")
        # A template often asks for the same article twice in a row (`articles[0]` in a
        # heading, then its fields): keep the last one.
        if self._last is None or self._last[0] != index:
            data = json.loads(Path(self._files[index]).read_text(encoding="utf-8"))
            number = index + 1
            data.update(number=number, anchor=f"a{number}", prefix=f"a{number}-")
            self._last = (index, data)
        return self._last[1]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for index in range(len(self)):
            yield self[index]

    def __getstate__(self) -> dict[str, Any]:
        return {"files": self._files}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._files = state["files"]
        self._last = None


__all__ = ["ArticleList", "compute_store", "finish_store", "prepare_store", "store_article"]
