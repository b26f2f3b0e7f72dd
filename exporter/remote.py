"""Article tasks run on a worker that cannot see this machine's files (a Dask cluster).

An article's work is split at the file system in `build` (and `article_store` for packs;
`executors.SplitTask`): `prepare` reads the source and its sidecar and consults the cache,
`compute` turns those bytes into output bytes, `finish` writes them. On a cluster the client
runs `prepare` and `finish` (every write is the client's, atomic, under its lock on the output
folder) and a Dask worker runs `compute` through `run_remote`, under the
same `Budget` as a local worker: in a child process of the Dask worker (`pool.StandingPool`,
kept from one task to the next so an article does not pay a new child's start-up), so a
runaway article is killed after `--max-seconds` and its address space capped by `--max-memory`
without touching the Dask worker itself, and an overrun is the same one-line `too large` error.

The user's files a worker needs (`--templates DIR`, `--pptx-template FILE`) travel once per run
as `ClientFiles` and are laid out once in each worker process's own temporary folder.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import multiprocessing
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .build import BuildConfig, Computed, Prepared, overrun
from .cache import code_hash, templates_hash
from .errors import ConfigError
from .pool import Budget, Overrun, StandingPool
from .shipped import builtin_template_dir

MAX_SHIPPED_BYTES = 50_000_000
"""Most bytes of user templates and PPTX template sent to the workers (they go to every one)."""

Fingerprint = tuple[str, str, str]


# Without a budget the work runs in the Dask worker's thread. Writers and fonts keep
# process-wide state (ReportLab's font registry, cached template environments) and the work is
# pure Python under the GIL: a worker started with several threads gains nothing from running
# two articles at once in one process, so it runs one at a time.
_ONE_AT_A_TIME = threading.Lock()


def run_remote(compute: Callable[[Prepared, BuildConfig], Computed], source: Prepared,
               config: BuildConfig, files: ClientFiles) -> tuple[Fingerprint, Computed]:
    """Run `compute` on a Dask worker under `config.budget`; return it with the worker's
    `fingerprint()` (a worker that joined after the check could run other code)."""
    config = files.localise(config)
    if config.budget is None:
        with _ONE_AT_A_TIME:
            return fingerprint(), compute(source, config)
    _allow_children()
    result = _standing_pool(config.budget).run(compute, (source, config))
    if isinstance(result, Overrun):
        result = Computed(failed=overrun(source.display, result.reason))
    return fingerprint(), result


@functools.lru_cache(maxsize=4)
def _standing_pool(budget: Budget) -> StandingPool:
    """Return this Dask worker process's pool for `budget`, kept across its tasks."""
    return StandingPool(budget)


def _allow_children() -> None:
    """Let this Dask worker process start the budget's child processes.

    A worker under a nanny is a daemonic `multiprocessing` process, and those may not start
    children, so that a killed parent leaves no orphans. The budget's children guard against
    that themselves: each ends the moment its parent does (`pool._die_with_run`).

    Not RLIMIT_AS on the Dask worker itself: it would cap the whole worker (its event loop,
    its comms, the data it holds for other tasks), so an article over budget could break the
    worker instead of failing alone, and the limit outlives the task.
    """
    process = multiprocessing.current_process()
    if process.daemon:
        process.daemon = False


# --- the user's files, sent to the workers ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClientFiles:
    """The files named by options that a worker must read: user templates, a PPTX template."""

    templates: tuple[tuple[str, bytes], ...] | None = None
    """(path relative to the templates folder, bytes) of every file in it."""
    pptx_template: tuple[str, bytes] | None = None
    """(file name, bytes)."""

    @classmethod
    def collect(cls, config: BuildConfig) -> ClientFiles:
        """Read the files `config` names (on the client)."""
        templates = None
        if config.templates:
            root = Path(config.templates)
            templates = tuple((p.relative_to(root).as_posix(), p.read_bytes())
                              for p in sorted(root.rglob("*")) if p.is_file())
        pptx = None
        if config.options.pptx_template:
            path = Path(config.options.pptx_template)
            pptx = (path.name, path.read_bytes())
        files = cls(templates, pptx)
        if files.size() > MAX_SHIPPED_BYTES:
            raise ConfigError(f"the templates to send to the workers take {files.size():,} "
                              f"bytes; the limit is {MAX_SHIPPED_BYTES:,}")
        return files

    def size(self) -> int:
        """Return the bytes these files take."""
        total = sum(len(data) for _, data in self.templates or ())
        return total + (len(self.pptx_template[1]) if self.pptx_template else 0)

    def localise(self, config: BuildConfig) -> BuildConfig:
        """Return `config` naming this worker's copies of the files (laid out once)."""
        if self.templates is None and self.pptx_template is None:
            return config
        folder = _lay_out(self)
        if self.templates is not None:
            config = dataclasses.replace(config, templates=str(folder / "templates"))
        if self.pptx_template is not None:
            deck = folder / "pptx" / self.pptx_template[0]
            options = dataclasses.replace(config.options, pptx_template=str(deck))
            config = dataclasses.replace(config, options=options)
        return config


@functools.lru_cache(maxsize=8)
def _lay_out(files: ClientFiles) -> Path:
    """Write `files` into a private temporary folder of this process, once per run's files.

    Private (mkdtemp, mode 0700) rather than shared between a machine's workers: a folder
    with a predictable name in a shared temporary directory could be planted by another user.
    """
    folder = Path(tempfile.mkdtemp(prefix="exporter-files-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "templates").mkdir()
    for name, data in files.templates or ():
        target = folder / "templates" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if files.pptx_template is not None:
        (folder / "pptx").mkdir()
        (folder / "pptx" / files.pptx_template[0]).write_bytes(files.pptx_template[1])
    return folder


@functools.cache
def fingerprint() -> Fingerprint:
    """Return what must match between client and workers for identical bytes: the version,
    the package's code and the built-in templates (read once per process)."""
    return __version__, code_hash(), templates_hash(str(builtin_template_dir()))


__all__ = ["ClientFiles", "fingerprint", "run_remote"]
