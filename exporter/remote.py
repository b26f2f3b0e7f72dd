"""Article tasks split for a worker that cannot see this machine's files.

A local pool worker reads its source, renders it and writes the outputs itself
(`build.export_article`, `article_store.store_article`). A cluster worker may be on another
machine, so the client does the file work at both ends and the worker only turns bytes into
bytes: `prepare` (client) reads the source and its sidecar and consults the cache; `compute`
(worker) reads the article out of those bytes, analyses and renders it; `finish` (client) writes
what came back, atomically, as a local build does. Each step uses the same functions as the local
worker and reports a failure the same way, so the files and the one-line errors do not depend on
where an article ran.

The user's files a worker needs (`--templates DIR`, `--pptx-template FILE`) travel once per run
as `ClientFiles` and are laid out once in each worker process's own temporary folder.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import json
import shutil
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import __version__
from .analysis import analyse
from .article_store import store_article
from .build import (
    ArticleResult,
    BuildConfig,
    _cached,
    _code_hash,
    _glyph_warnings,
    _stamps,
    _templates_hash,
    cache_key,
    export_article,
    inside,
    render_outputs,
    write_outputs,
)
from .errors import ConfigError, ExportError
from .model import Article, to_data
from .readers import read_bytes, read_data
from .templating import builtin_template_dir

MAX_SHIPPED_BYTES = 50_000_000
"""Most bytes of user templates and PPTX template sent to the workers (they go to every one)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """What the client read for one article, ready to send to a worker."""

    display: str
    dir_name: str
    data: bytes
    key: str
    """The article's cache key (written with its outputs)."""
    overrides: dict[str, Any] | None = None
    """The sidecar's metadata overrides."""
    sidecar_error: ExportError | None = None
    """Why the sidecar could not be read: raised on the worker after the article is read, so
    an unreadable article is reported first, as `export_article` does."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Computed:
    """What a worker sends back for one article: files (export) or its template data (pack),
    or the article's failure."""

    code: tuple[str, str, str]
    """The worker's `fingerprint()`: a worker that joined after the check could run other code,
    whose files (or errors) would not be a local build's."""
    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    title: str | None = None
    failed: ArticleResult | None = None


class RemoteTask(Protocol):
    """An article worker split at the file system (see the module docstring)."""

    def prepare(self, path: Path, display: str, dir_name: str,
                config: BuildConfig) -> Prepared | ArticleResult: ...

    def compute(self, prepared: Prepared, config: BuildConfig,
                files: ClientFiles) -> Computed: ...

    def finish(self, prepared: Prepared, computed: Computed,
               config: BuildConfig) -> ArticleResult: ...


def failure(display: str, exc: BaseException) -> ArticleResult:
    """Return the result `export_article` gives for `exc` (call inside the `except`)."""
    if isinstance(exc, ExportError):
        if exc.subject is None:
            exc.subject = display
        return ArticleResult(source=display, error=exc.one_line())
    return ArticleResult(source=display, error=f"{display}: internal error (a bug)",
                         bug=traceback.format_exc())


def _read_sidecar(path: Path) -> tuple[dict[str, Any] | None, ExportError | None]:
    try:
        from .readers import sidecar
    except ImportError:
        return None, None
    try:
        return sidecar.load_sidecar(path), None
    except ExportError as exc:
        return None, exc


def _prepare(path: Path, display: str, dir_name: str, data: bytes, key: str = "") -> Prepared:
    overrides, error = _read_sidecar(path)
    return Prepared(display=display, dir_name=dir_name, data=data, key=key,
                    overrides=overrides, sidecar_error=error)


# Writers and fonts keep process-wide state (ReportLab's font registry, cached template
# environments) and the work is pure Python under the GIL: a worker started with several
# threads gains nothing from running two articles at once, so it runs one at a time.
_ONE_AT_A_TIME = threading.Lock()


def _read_article(prepared: Prepared, config: BuildConfig) -> Article:
    article = read_data(prepared.data, prepared.display, config.limits)
    if prepared.sidecar_error is not None:
        raise prepared.sidecar_error
    if prepared.overrides:
        from .readers import sidecar

        article = sidecar.apply_overrides(article, prepared.overrides)
    return article


def compute_export(prepared: Prepared, config: BuildConfig,
                   files: ClientFiles) -> Computed:
    """Read, analyse and render one article to bytes (runs on a worker)."""
    with _ONE_AT_A_TIME:
        try:
            config = files.localise(config)
            article = _read_article(prepared, config)
            briefing = analyse(article)
            outputs = render_outputs(briefing, config)
            warnings = tuple(article.warnings) + tuple(_glyph_warnings(briefing))
            return Computed(outputs=outputs, warnings=warnings, title=article.title,
                            code=fingerprint())
        except Exception as exc:
            return Computed(failed=failure(prepared.display, exc), code=fingerprint())


def compute_store(prepared: Prepared, config: BuildConfig,
                  files: ClientFiles) -> Computed:
    """Read and analyse one article; return its template data as JSON (runs on a worker)."""
    del files  # analysis reads no user file
    with _ONE_AT_A_TIME:
        try:
            article = _read_article(prepared, config)
            briefing = analyse(article)
            data = json.dumps(to_data(briefing), ensure_ascii=False).encode("utf-8")
            warnings = tuple(article.warnings) + tuple(_glyph_warnings(briefing))
            return Computed(outputs={f"{prepared.dir_name}.json": data}, warnings=warnings,
                            title=briefing.article.title, code=fingerprint())
        except Exception as exc:
            return Computed(failed=failure(prepared.display, exc), code=fingerprint())


@dataclass(frozen=True, slots=True)
class ExportTask:
    """`build.export_article`, split: the outputs are written by the client."""

    def prepare(self, path: Path, display: str, dir_name: str,
                config: BuildConfig) -> Prepared | ArticleResult:
        try:
            data = read_bytes(path, display, config.limits)
            folder = inside(config.out_dir, config.out_dir / dir_name)
            key = cache_key(data, config)
            if config.use_cache:
                files = _cached(folder, key)
                if files is not None:
                    return ArticleResult(source=display, out_dir=dir_name, outputs=files,
                                         cached=True)
            return _prepare(path, display, dir_name, data, key)
        except Exception as exc:
            return failure(display, exc)

    def compute(self, prepared: Prepared, config: BuildConfig,
                files: ClientFiles) -> Computed:
        return compute_export(prepared, config, files)

    def finish(self, prepared: Prepared, computed: Computed,
               config: BuildConfig) -> ArticleResult:
        try:
            folder = config.out_dir / prepared.dir_name
            write_outputs(folder, computed.outputs, prepared.key, config.out_dir)
        except Exception as exc:
            return failure(prepared.display, exc)
        return ArticleResult(source=prepared.display, out_dir=prepared.dir_name,
                             outputs=tuple(computed.outputs), warnings=computed.warnings,
                             title=computed.title)


@dataclass(frozen=True, slots=True)
class StoreTask:
    """`article_store.store_article`, split: the client writes the data into its store."""

    folder: str

    def prepare(self, path: Path, display: str, dir_name: str,
                config: BuildConfig) -> Prepared | ArticleResult:
        try:
            return _prepare(path, display, dir_name, read_bytes(path, display, config.limits))
        except Exception as exc:
            return failure(display, exc)

    def compute(self, prepared: Prepared, config: BuildConfig,
                files: ClientFiles) -> Computed:
        return compute_store(prepared, config, files)

    def finish(self, prepared: Prepared, computed: Computed,
               config: BuildConfig) -> ArticleResult:
        ((name, data),) = computed.outputs.items()
        target = Path(self.folder) / name
        try:
            target.write_bytes(data)
        except Exception as exc:
            return failure(prepared.display, exc)
        return ArticleResult(source=prepared.display, title=computed.title,
                             warnings=computed.warnings, data_file=str(target))


def task_for(worker: Any) -> RemoteTask:
    """Return the split form of a local article worker; refuse one that has none."""
    if worker is export_article:
        return ExportTask()
    if isinstance(worker, functools.partial) and worker.func is store_article:
        return StoreTask(folder=str(worker.args[0]))
    raise ConfigError(f"{getattr(worker, '__name__', worker)!r} cannot run on a cluster")


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
def fingerprint() -> tuple[str, str, str]:
    """Return what must match between client and workers for identical bytes: the version,
    the package's code and the built-in templates (read once per process)."""
    builtin = str(builtin_template_dir())
    return __version__, _code_hash(), _templates_hash(builtin, _stamps(builtin))


__all__ = ["ClientFiles", "Computed", "ExportTask", "Prepared", "StoreTask", "fingerprint",
           "task_for"]
