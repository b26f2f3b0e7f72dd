"""The Dask executor: article work on an existing Dask distributed cluster (`--scheduler`).

The client (this process) reads each source, sends its bytes to the cluster, and writes each
article's files (in a few threads, under `build`'s lock on the output folder) as its result
comes back; `remote` says how the work is split at the file system. At most a few tasks per
worker thread are in flight, so the client never holds the whole archive's inputs or outputs at
once. Needs the `dask` extra (`pip install 'exporter[dask]'`), imported only when a scheduler is
given; workers need the same exporter installed, which is checked before any work is sent.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .errors import ClusterError, ConfigError

if TYPE_CHECKING:
    from .build import ArticleResult, BuildConfig, Worker
    from .executors import Item

IN_FLIGHT_PER_THREAD = 2
"""Tasks queued per worker thread: enough to keep every thread busy while results travel."""
WRITERS = 4
"""Threads writing results on the client: each article's files are flushed to disk one by one
(about 50 ms an article here), which alone would cap the client at some 20 articles a second."""


def require_distributed() -> Any:
    """Return the `distributed` module; raise a one-line `ConfigError` when it is missing."""
    try:
        import distributed
    except ImportError:
        raise ConfigError("--scheduler needs Dask: pip install 'exporter[dask]'") from None
    return distributed


class DaskExecutor:
    """A connection to a Dask scheduler; runs article tasks on its workers."""

    def __init__(self, address: str) -> None:
        distributed = require_distributed()
        self._distributed = distributed
        try:
            # The connect timeout is Dask's own setting (distributed.comm.timeouts.connect).
            self.client = distributed.Client(address, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            self._check_workers()
        except BaseException:
            self.client.close()
            raise

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.client.close()

    def _check_workers(self) -> None:
        """Refuse a cluster whose workers run other exporter code: their bytes would differ."""
        from .remote import fingerprint

        ours = fingerprint()
        theirs = self.client.run(fingerprint, on_error="return")
        for worker, answer in sorted(theirs.items()):
            if isinstance(answer, BaseException) or tuple(answer) != ours:
                got = "no exporter" if isinstance(answer, BaseException) else \
                    f"exporter {answer[0]}" + (" (other code)" if answer[0] == ours[0] else "")
                raise ClusterError(f"Dask worker {worker} runs {got}; install exporter "
                                  f"{ours[0]} from the same code on every worker")

    def _in_flight(self) -> int:
        threads = int(sum(self.client.nthreads().values()))
        return max(4, IN_FLIGHT_PER_THREAD * threads)

    def run(self, worker: Worker, items: Sequence[Item],
            config: BuildConfig) -> Iterator[tuple[int, ArticleResult]]:
        """Yield (index, result) for every item as its result comes back from the cluster."""
        from .build import ArticleResult, Prepared, failed
        from .executors import split_task
        from .fs import _file_mode
        from .remote import ClientFiles, fingerprint, run_remote

        task = split_task(worker)
        if task is None:
            raise ConfigError(f"{getattr(worker, '__name__', worker)!r} cannot run on a cluster")
        ours = fingerprint()
        config_future, files_future = self.client.scatter(
            [config, ClientFiles.collect(config)], broadcast=True, hash=False)
        run_id = uuid.uuid4().hex[:12]
        waiting = self._distributed.as_completed(loop=self.client.loop)
        pending: dict[Any, tuple[int, Prepared]] = {}
        writes: deque[tuple[int, Future[ArticleResult]]] = deque()
        queue = iter(enumerate(items))
        limit = self._in_flight()
        _file_mode()  # read once here: it flips the umask, which writer threads must not race
        try:
            with ThreadPoolExecutor(WRITERS, thread_name_prefix="exporter-write") as writer:
                while True:
                    # Top the cluster up; what needs no worker (cached, unreadable) is done now.
                    for index, (path, display, name) in queue:
                        prepared = task.prepare(path, display, name, config)
                        if isinstance(prepared, ArticleResult):
                            yield index, prepared
                            continue
                        future = self.client.submit(
                            run_remote, task.compute, prepared, config_future, files_future,
                            key=f"exporter-{run_id}-{index}", pure=False)
                        pending[future] = (index, prepared)
                        waiting.add(future)
                        if len(pending) >= limit:
                            break
                    while writes and (writes[0][1].done() or len(writes) > 2 * WRITERS):
                        index, written = writes.popleft()
                        yield index, written.result()
                    if not pending:
                        break
                    future = next(waiting)
                    index, prepared = pending.pop(future)
                    try:
                        code, computed = future.result()
                    except Exception as exc:  # the cluster lost the task (a worker died…)
                        yield index, failed(prepared.display, ClusterError(
                            f"the Dask cluster could not run it: {type(exc).__name__}: {exc}"))
                        continue
                    finally:
                        future.release()
                    if tuple(code) != ours:
                        yield index, failed(prepared.display, ClusterError(
                            "a Dask worker running other exporter code computed it; install "
                            f"exporter {ours[0]} from the same code on every worker"))
                    elif computed.failed is not None:
                        yield index, computed.failed
                    else:
                        writes.append((index, writer.submit(task.finish, prepared, computed,
                                                            config)))
                for index, written in writes:
                    yield index, written.result()
        finally:
            if pending:
                self.client.cancel(list(pending))


__all__ = ["DaskExecutor", "require_distributed"]
