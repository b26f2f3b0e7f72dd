"""Worker processes with a time and memory budget per task, for articles and pack outputs.

`run_tasks` runs each task in a worker process of its own pool and yields the results in input
order. A task that outlives `Budget.seconds` has its worker killed; a worker's address space
may grow by at most `Budget.memory` bytes (RLIMIT_AS, so a large allocation fails with
`MemoryError` instead of taking the machine down); either way the task comes back as an
`Overrun` and a fresh worker takes the next task, so one hostile input never stops the others
(a killed `ProcessPoolExecutor` worker would break the whole pool).

Workers start from a fork server that has imported the tool once, so replacing one costs
milliseconds, and the parent (which may run a progress-bar thread) never forks itself. Without a
budget and with one job, tasks run in the calling process, as a library user expects.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import resource
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from .errors import ExportError
from .fs import os_error_message

PRELOAD = ["exporter.worker_env", "exporter.build", "numpy",
           "exporter.readers.text", "exporter.analysis.quotes", "exporter.analysis.actors",
           "exporter.analysis.summary", "exporter.analysis.figures", "exporter.analysis.timeline",
           "exporter.corrections", "exporter.contract", "exporter.templating",
           "exporter.writers.pdf", "exporter.writers.docx", "exporter.writers.slides"]
"""Modules the fork server imports once, so each new worker starts with them loaded: what
nearly every task needs, the analysis and every writer of an article (a reader for another
format than text is imported by the worker that needs it). Imported in each worker instead, they
took about 0.4 s of every worker's first article. `worker_env` comes first: it limits NumPy's
threads before NumPy is loaded. python-pptx is not among them: only a `--pptx-template` is read
with it (the built-in deck's layouts are known), and the worker that needs it imports it. A
command that needs more asks for it (`preload`): a pack its own modules, which `build` would
import for nothing (~50 ms)."""

_also: list[str] = []


def preload(*modules: str) -> None:
    """Have the fork server import `modules` too, when it has not started yet (it starts with
    this process's first worker; a later call only means the workers import them)."""
    _also.extend(m for m in modules if m not in PRELOAD and m not in _also)


def preloaded(*, warm: bool = False) -> list[str]:
    """Return the modules a fork server started now imports (`WARM` after the others, when
    `warm`), between `PRELOAD_BEGIN` and `PRELOAD_END`."""
    return [PRELOAD_BEGIN, *PRELOAD, *_also, *([WARM] if warm else []), PRELOAD_END]


PRELOAD_BEGIN = "exporter.preload_begin"
PRELOAD_END = "exporter.preload_end"
"""Imported first and last by the fork server: the garbage collector is off while it loads the
tool, and what it loaded is then frozen, out of every later collection's way (about 0.1 s of a
one-article build, 0.2 s of twenty)."""


WARM = "exporter.warm"
"""Imported after the rest by a fork server that will fork several workers at once: it exports
a small article in memory, so fonts, templates and compiled patterns are loaded once for all of
them (another 0.15-0.3 s of each worker's first article). One worker would only pay its ~50 ms
export on top of the same warm-up, so a run with one job does without."""


@dataclass(frozen=True, slots=True)
class Budget:
    """What one task (an article, a pack output) may use. None: no limit."""

    seconds: float | None = 300.0
    """Wall-clock seconds for one task (`--max-seconds`)."""
    memory: int | None = 1_000_000_000
    """Bytes a worker's address space may grow by while running tasks (`--max-memory`)."""

    def describe(self, kind: str) -> str:
        """Return the one-line reason a task overran, naming the option that raises it."""
        if kind == "time":
            return f"took longer than {self.seconds:g} s, the limit (--max-seconds)"
        if kind == "memory":
            mb = (self.memory or 0) // 1_000_000
            return f"needs more than {mb:,} MB of memory, the limit (--max-memory)"
        limit = " (--max-memory)" if self.memory else ""
        return f"its worker process stopped ({kind}), most likely out of memory{limit}"


@dataclass(frozen=True, slots=True)
class Overrun:
    """A task stopped for going over its budget; `reason` is one line for the user."""

    reason: str


def run_tasks(fn: Callable[..., Any], tasks: Iterable[tuple[Any, ...]], *, jobs: int,
              budget: Budget | None) -> Iterator[Any]:
    """Yield `fn(*task)` for each task, in input order, or an `Overrun` for a task over budget.

    `tasks` is read as workers come free, so a generator's next task is made only when it can
    start, and a run whose generator makes none starts no worker process. An exception the
    task raises is raised here (after the worker reported it).
    """
    if budget is None and jobs <= 1:
        for task in tasks:
            yield fn(*task)
        return
    if isinstance(tasks, Sized):
        jobs = min(jobs, len(tasks))
    yield from _Pool(fn, tasks, max(1, jobs), budget or Budget(None, None))


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    index: int = -1
    deadline: float = float("inf")


class StandingPool:
    """Workers kept from one call to the next, for a caller whose tasks come one at a time (a
    Dask worker process runs one article per Dask task): a worker that finished its task in
    budget takes the next, with its fonts, templates and reference deck already loaded, instead
    of a fresh one paying that first-article cost for every article. Each call is otherwise
    `run_tasks` with one job: same budget, same `Overrun`, a fresh worker after an overrun.
    Workers end with the process that holds the pool (its lifeline)."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.context = _context()
        self.lifeline = self.context.Pipe(duplex=False)
        self.idle: list[_Worker] = []
        self._lock = threading.Lock()

    def run(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        """Return `fn(*args)` run in one of the pool's workers, or an `Overrun`."""
        with self._lock:
            [result] = _Pool(fn, [args], 1, self.budget, standing=self)
            return result


class _Pool:
    """The parent's side: hand out tasks, watch deadlines and deaths, replace workers."""

    def __init__(self, fn: Callable[..., Any], tasks: Iterable[tuple[Any, ...]], jobs: int,
                 budget: Budget, standing: StandingPool | None = None) -> None:
        self.fn, self.tasks, self.jobs, self.budget = fn, tasks, jobs, budget
        self.standing = standing
        self.context = standing.context if standing else _context(warm=jobs > 1)
        self.lifeline = standing.lifeline if standing else self.context.Pipe(duplex=False)

    def __iter__(self) -> Iterator[Any]:
        pending = enumerate(self.tasks)
        done: dict[int, tuple[str, Any]] = {}
        # A standing pool lends its idle workers and takes back those still fit to work.
        idle: list[_Worker] = self.standing.idle if self.standing else []
        busy: list[_Worker] = []
        following = 0
        try:
            self._hand_out(pending, idle, busy)
            while busy:  # when none is busy, every task taken has been yielded, none is left
                self._wait(busy)
                for worker in list(busy):
                    outcome = self._poll(worker)
                    if outcome is None:
                        continue
                    busy.remove(worker)
                    done[worker.index] = outcome
                    if outcome[0] == "ok" and worker.process.is_alive():
                        idle.append(worker)
                    else:
                        self._stop(worker)
                # The next tasks go out before the results are handed on: a worker computes
                # while the caller deals with a result (a build writes an article's files).
                self._hand_out(pending, idle, busy)
                while following in done:
                    kind, value = done.pop(following)
                    following += 1
                    if kind == "raise":
                        raise value
                    yield value if kind == "ok" else Overrun(self.budget.describe(value))
        finally:
            for worker in busy if self.standing else idle + busy:
                self._stop(worker)
            if not self.standing:
                for end in self.lifeline:
                    end.close()

    def _hand_out(self, pending: Iterator[tuple[int, Any]], idle: list[_Worker],
                  busy: list[_Worker]) -> None:
        """Send the next tasks to workers (idle ones first) until `jobs` are busy."""
        while len(busy) < self.jobs:
            index, task = next(pending, (-1, None))
            if task is None:
                return
            worker = self._idle_worker(idle) or self._start()
            worker.index = index
            worker.deadline = (time.monotonic() + self.budget.seconds
                               if self.budget.seconds else float("inf"))
            busy.append(worker)
            with contextlib.suppress(OSError):  # a worker that died at once: polled
                worker.conn.send((self.fn, task))

    def _idle_worker(self, idle: list[_Worker]) -> _Worker | None:
        """Return an idle worker still alive (a standing pool's may have died between calls:
        killed by the system, say, which must not count against the next article)."""
        while idle:
            worker = idle.pop()
            if worker.process.is_alive():
                return worker
            self._stop(worker)
        return None

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker_main,
                                       args=(child, self.lifeline[0], self.budget.memory),
                                       daemon=True, name="exporter-worker")
        try:
            process.start()
        except OSError as exc:  # out of processes or memory before any task ran
            raise ExportError(f"cannot start a worker process: {os_error_message(exc)}") \
                from exc
        finally:
            child.close()
        return _Worker(process=process, conn=parent)

    def _wait(self, busy: list[_Worker]) -> None:
        deadline = min(w.deadline for w in busy)
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)

    def _poll(self, worker: _Worker) -> tuple[str, Any] | None:
        """Return ("ok", result), ("raise", exc) or ("overrun", kind) once the task ended."""
        try:
            if worker.conn.poll():
                kind, value = worker.conn.recv()
                return (kind, value) if kind in ("ok", "raise") else ("overrun", value)
        except (EOFError, OSError):
            pass
        else:
            if worker.process.is_alive():
                if time.monotonic() < worker.deadline:
                    return None
                return ("overrun", "time")
        worker.process.join(1)
        code = worker.process.exitcode
        return ("overrun", f"signal {-code}" if code and code < 0 else f"exit status {code}")

    @staticmethod
    def _stop(worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)


def _context(*, warm: bool = False) -> Any:
    """Return the fork-server context (with the tool preloaded, and `WARM` if `warm`) where
    there is one. (The fork server is started once per process, with the preload of the first
    pool that starts a worker.)"""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preloaded(warm=warm))
        return context
    return multiprocessing.get_context("spawn")


def _limit_memory(extra: int) -> None:
    """Let this process's address space grow by at most `extra` bytes from now on."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            current = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return  # no way to know the current size: no memory budget on this system
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


REGEX_CACHE = 2048
"""Patterns the `re` module keeps compiled in a worker (Python's default: 512). The sentence
splitter (pysbd) passes `re` a pattern made for each abbreviation it meets, and the actor finder
one for each surname, so an article brings dozens of new patterns; the cache drops its oldest
when full, however often it is used, and on real pages the splitter's own fixed rules were
compiled again every few articles: some 55 compilations an article on the 181 corpus pages
(about 4 ms), 10 with this cache, for well under 1 MB. Only the cache's size changes: a
pattern compiles to the same thing whenever it is compiled."""


def _widen_regex_cache() -> None:
    """Let `re` keep `REGEX_CACHE` compiled patterns, where it has the setting (CPython's `re`
    does; the size is a private name, so any other leaves its cache as it is)."""
    size = getattr(re, "_MAXCACHE", None)
    if isinstance(size, int) and size < REGEX_CACHE:
        setattr(re, "_MAXCACHE", REGEX_CACHE)  # noqa: B010 (a private name: typeshed lacks it)


def _die_with_run(lifeline: Connection) -> None:
    """End this worker the moment the run that started it ends, however it ends.

    A run killed with `kill -9` must not leave workers writing into a folder it no longer
    locks. Only the run holds the other end of `lifeline` and never writes to it, so a read
    returns (end of file) exactly when the run is gone.
    """
    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv_bytes()
        os._exit(1)
    threading.Thread(target=watch, daemon=True, name="exporter-lifeline").start()


def _worker_main(conn: Connection, lifeline: Connection, memory: int | None) -> None:
    """A worker's loop: run each task sent, send back its result, its exception or `memory`."""
    from .worker_env import one_thread_each

    one_thread_each()  # a spawned worker (no fork server) has not imported NumPy yet either
    _widen_regex_cache()
    _die_with_run(lifeline)
    if memory:
        _limit_memory(memory)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        fn, args = message
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            reply = ("overrun", "memory")
        except BaseException as exc:
            reply = ("raise", exc)
        try:
            try:
                conn.send(reply)
            except (EOFError, OSError):
                raise  # the run is gone: nothing to tell it
            except MemoryError:
                conn.send(("overrun", "memory"))
            except Exception:  # an unpicklable result or exception: a bug, keep its traceback
                conn.send(("raise", RuntimeError(traceback.format_exc())))
        except (EOFError, OSError):
            # The run was killed while this task ran; the lifeline usually ends the worker
            # first, but when the reply loses that race it must end quietly too, not print a
            # traceback into the terminal of a run that no longer exists.
            return
        if reply[0] == "overrun":
            return  # start the next task in a fresh process, not a fragmented heap


__all__ = ["Budget", "Overrun", "StandingPool", "preload", "preloaded", "run_tasks"]
