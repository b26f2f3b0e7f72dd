"""Where the per-article work runs: this machine's process pool, or a Dask cluster.

`build` (and through it `pack`) hands its article tasks to an `Executor` and receives each
article's result, tagged with its place in the input, as soon as it is done; it does not know
which executor it has. `open_executor` chooses from the configuration: `--scheduler ADDRESS`
opens a Dask client (`exporter.dask_cluster`, imported only then, so the base install needs no
Dask), anything else runs on this machine as `--jobs` says.

Both executors run an article worker split at the file system (`SplitTask`): this process
`prepare`s each article (reads its source and sidecar, consults the cache), so an article found
unchanged, or unreadable, never reaches a worker, and a rebuild with nothing changed starts none;
a worker `compute`s the rest, and this process then `finish`es it, writing the files (a local
worker has its next article by then, and computes it meanwhile).
"""

from __future__ import annotations

import contextlib
import functools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .build import ArticleResult, BuildConfig, Computed, Prepared, Worker

Item = tuple[Path, str, str]
"""One article task: (source path, display name, output folder name)."""


@dataclass(frozen=True, slots=True)
class SplitTask:
    """An article worker split at the file system: `prepare` and `finish` run where the files
    are, `compute` anywhere (bytes in, bytes out)."""

    prepare: Callable[[Path, str, str, BuildConfig], Prepared | ArticleResult]
    compute: Callable[[Prepared, BuildConfig], Computed]
    finish: Callable[[Prepared, Computed, BuildConfig], ArticleResult]


def split_task(worker: Any) -> SplitTask | None:
    """Return the split form of an article worker (None for one that has none)."""
    from .article_store import compute_store, finish_store, prepare_store, store_article
    from .build import compute_export, export_article, finish_export, prepare_export

    if worker is export_article:
        return SplitTask(prepare_export, compute_export, finish_export)
    if isinstance(worker, functools.partial) and worker.func is store_article:
        return SplitTask(prepare_store, compute_store,
                         functools.partial(finish_store, str(worker.args[0])))
    return None


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
        """Yield each item's result: those settled while preparing (cached, unreadable) as
        they are found, the workers' in input order. A worker with no split form runs whole
        in the workers."""
        from .build import ArticleResult, overrun
        from .fs import remove_stale_temporaries
        from .pool import Overrun, run_tasks

        task = split_task(worker)
        settled: deque[tuple[int, ArticleResult]] = deque()
        sent: deque[tuple[int, str, str, Prepared | None]] = deque()

        def to_compute() -> Iterator[tuple[Any, ...]]:
            # Consumed by the pool as workers come free, so only the sources in flight are
            # held here, however long the input.
            for index, (path, display, name) in enumerate(items):
                if task is None:
                    sent.append((index, display, name, None))
                    yield path, display, name, config
                    continue
                prepared = task.prepare(path, display, name, config)
                if isinstance(prepared, ArticleResult):
                    settled.append((index, prepared))
                else:
                    sent.append((index, display, name, prepared))
                    yield prepared, config

        jobs = max(1, min(config.jobs, len(items)))
        results = run_tasks(worker if task is None else task.compute, to_compute(),
                            jobs=jobs, budget=config.budget)
        for result in results:
            yield from _drain(settled)
            index, display, name, prepared = sent.popleft()
            if isinstance(result, Overrun):
                # A worker without a split form writes its own files: one stopped while
                # writing leaves a temporary file, and its process is gone.
                remove_stale_temporaries(config.out_dir / name)
                yield index, overrun(display, result.reason)
            elif task is not None and prepared is not None:
                # Written here, as on a cluster: the pool has already sent the worker its next
                # article, which it computes while this one's files are written and synced.
                yield index, task.finish(prepared, result, config)
            else:
                yield index, result
        yield from _drain(settled)


def _drain(queue: deque[tuple[int, ArticleResult]]) -> Iterator[tuple[int, ArticleResult]]:
    while queue:
        yield queue.popleft()


@contextlib.contextmanager
def open_executor(config: BuildConfig) -> Iterator[Executor]:
    """Yield the executor `config` asks for, closing its connections afterwards."""
    if not config.scheduler:
        yield LocalExecutor()
        return
    from .dask_cluster import DaskExecutor

    with DaskExecutor(config.scheduler) as executor:
        yield executor


__all__ = ["Executor", "Item", "LocalExecutor", "SplitTask", "open_executor", "split_task"]
