"""Where the per-article work runs: this machine's process pool, or a Dask cluster.

`build` (and through it `pack`) hands its article tasks to an `Executor` and receives each
article's result, tagged with its place in the input, as soon as it is done; it does not know
which executor it has. `open_executor` chooses from the configuration: `--scheduler ADDRESS`
opens a Dask client (`exporter.dask_cluster`, imported only then, so the base install needs no
Dask), anything else runs on this machine as `--jobs` says.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .build import ArticleResult, BuildConfig, Worker

Item = tuple[Path, str, str]
"""One article task: (source path, display name, output folder name)."""


class Executor(Protocol):
    """Runs an article worker over many sources."""

    def run(self, worker: Worker, items: Sequence[Item],
            config: BuildConfig) -> Iterator[tuple[int, ArticleResult]]:
        """Yield (index into `items`, result) for every item, in the order they finish."""
        ...


class LocalExecutor:
    """This machine: `config.jobs` worker processes, each article under `config.budget`
    (`pool`); with no budget and one job, in this process."""

    def run(self, worker: Worker, items: Sequence[Item],
            config: BuildConfig) -> Iterator[tuple[int, ArticleResult]]:
        """Yield each item's result, in input order."""
        from .build import overrun
        from .fs import remove_stale_temporaries
        from .pool import Overrun, run_tasks

        jobs = max(1, min(config.jobs, len(items)))
        tasks = [(path, display, name, config) for path, display, name in items]
        results = run_tasks(worker, tasks, jobs=jobs, budget=config.budget)
        for index, ((_, display, name, _), result) in enumerate(zip(tasks, results,
                                                                    strict=True)):
            if isinstance(result, Overrun):
                # A worker stopped while writing leaves a temporary file; its process is gone.
                remove_stale_temporaries(config.out_dir / name)
                yield index, overrun(display, result.reason)
            else:
                yield index, result


@contextlib.contextmanager
def open_executor(config: BuildConfig) -> Iterator[Executor]:
    """Yield the executor `config` asks for, closing its connections afterwards."""
    if not config.scheduler:
        yield LocalExecutor()
        return
    from .dask_cluster import DaskExecutor

    with DaskExecutor(config.scheduler) as executor:
        yield executor


__all__ = ["Executor", "Item", "LocalExecutor", "open_executor"]
