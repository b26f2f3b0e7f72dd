"""Orchestration: source files in, output files out; the only module that writes outputs.

For each article: read → analyse → render every template → write every format, all in memory;
only when every output of an article has rendered are its files written, each atomically
(a temporary file in the same folder, then a rename), so a failure or a kill never leaves a
half-written file and never replaces a good one. Articles run in worker processes, each under a
time and memory budget (`pool`); one article's failure or overrun is reported and the others
carry on. One run at a time writes into an output folder (`fs.folder_lock`), and only the cache
record's own shape and files are trusted (`cache`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import stat
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from . import __version__, writers
from .cache import CACHE_FILE, cache_key, cached_outputs, record_bytes
from .errors import ConfigError, ExportError, LimitError, SourceError
from .fs import (
    LOCK_WAIT,
    atomic_write,
    folder_lock,
    os_error,
    remove_stale_temporaries,
    write_error,
)
from .normalise import display_name
from .options import RenderOptions
from .pool import Budget
from .readers import SUFFIXES, ReadLimits, read_bytes, read_data

if TYPE_CHECKING:
    from .blocks import Document
    from .model import Article, Briefing

DEFAULT_FORMATS = ("pdf", "docx", "md", "pptx")
MAX_NAME_BYTES = 255


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildConfig:
    """Everything that decides what a build writes (and so goes into the cache key)."""

    out_dir: Path
    formats: tuple[str, ...] = DEFAULT_FORMATS
    templates: str | None = None
    """A user's template folder, searched before the built-ins."""
    options: RenderOptions = field(default_factory=RenderOptions)
    limits: ReadLimits = field(default_factory=ReadLimits)
    jobs: int = 1
    use_cache: bool = True
    budget: Budget | None = None
    """Time and memory per article (and pack output), each run in a worker process; None runs
    articles in this process when `jobs` is 1 (the command line always sets one)."""
    lock_wait: float = LOCK_WAIT
    """Seconds to wait for another run writing into `out_dir`."""
    scheduler: str | None = None
    """A Dask scheduler's address: run the article work on its cluster (`executors`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """What happened to one source file."""

    source: str
    """The file as named on the command line."""
    out_dir: str | None = None
    """Folder its outputs went to, relative to the output directory."""
    outputs: tuple[str, ...] = ()
    """Files written (or found current in the cache)."""
    error: str | None = None
    """One-line error (`<file>: <category>: <message>`) when it failed."""
    bug: str | None = None
    """Traceback of an unexpected exception: a bug in the tool, not in the input."""
    warnings: tuple[str, ...] = ()
    """Things repaired or missing (control characters removed, glyphs the fonts lack)."""
    cached: bool = False
    """True when nothing changed since the last build and no file was rewritten."""
    title: str | None = None
    briefing: Briefing | None = None
    """The analysed article, from `analyse_article` (None from an export or a failure)."""
    data_file: str | None = None
    """For packs: the JSON file holding the article's template data (see `article_store`)."""

    @property
    def ok(self) -> bool:
        """Return True when the article exported."""
        return self.error is None and self.bug is None


# --- sources and names -------------------------------------------------------------------------


def collect_sources(paths: Iterable[str], *, out_dir: Path | None = None,
                    warnings: list[tuple[str, str]] | None = None) -> list[tuple[Path, str]]:
    """Return (path, display name) for each file given or found in each folder given.

    Folders are searched recursively for the readable suffixes, in sorted order; sidecar
    metadata files and hidden files are skipped. A folder is an untrusted tree: a symbolic link
    found in it is not followed (a warning in `warnings` says so), and the output folder
    `out_dir` and any folder holding an exporter cache record (outputs of an earlier run) are
    never read as input. A file named directly may be a link. A missing path is kept so it is
    reported. `warnings` receives (display name, message) for what a scan skipped. Display
    names have control characters and undecodable bytes escaped.
    """
    notes = warnings if warnings is not None else []
    skip = _identity(out_dir) if out_dir is not None else None
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append((path, display_name(raw)))
            continue
        if _identity(path) == skip or (path / CACHE_FILE).exists():
            notes.append((display_name(raw), "skipped: it is the output folder or holds "
                                              "exporter outputs (use another -o folder)"))
            continue
        in_folder: list[tuple[Path, str]] = []
        for root, dirs, files in os.walk(path, followlinks=False):
            here = Path(root)
            kept = []
            for name in dirs:
                child = here / name
                if name.startswith(".") or name.endswith("_files"):
                    continue
                if child.is_symlink():
                    notes.append(_link_note(raw, path, child))
                elif _identity(child) != skip and not (child / CACHE_FILE).exists():
                    kept.append(name)
            dirs[:] = kept
            for name in files:
                child = here / name
                if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES \
                        or ".meta." in name:
                    continue
                try:
                    mode = child.lstat().st_mode
                except OSError:
                    continue
                if stat.S_ISLNK(mode):
                    notes.append(_link_note(raw, path, child))
                elif stat.S_ISREG(mode):
                    in_folder.append((child, display_name(str(Path(raw) /
                                                              child.relative_to(path)))))
        found.extend(sorted(in_folder))
    return found


def _identity(path: Path) -> tuple[int, int] | None:
    """Return (device, inode) of the folder at `path`, or None when there is none."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _link_note(raw: str, top: Path, link: Path) -> tuple[str, str]:
    shown = display_name(str(Path(raw) / link.relative_to(top)))
    return shown, ("skipped: a symbolic link inside a folder is not followed "
                   "(name the file itself to export it)")


def safe_dir_name(stem: str) -> str:
    """Return `stem` made safe as one folder name: no separators, `..`, leading `-`/`.`."""
    text = unicodedata.normalize("NFC", stem)
    text = "".join("_" if (unicodedata.category(c)[0] == "C" or c in '/\\:*?"<>|') else c
                   for c in text)
    text = " ".join(text.split()).strip(" .-_") or "article"
    encoded = text.encode("utf-8")[: MAX_NAME_BYTES - 8]  # room for a collision suffix
    return encoded.decode("utf-8", "ignore").rstrip(" .") or "article"


def assign_dir_names(sources: list[tuple[Path, str]]) -> list[str]:
    """Return one distinct folder name per source; collisions get `-2`, `-3` in input order."""
    taken: set[str] = set()
    names = []
    for path, _ in sources:
        # `x.briefing.json` (a corrected `inspect --json`) writes where `x.txt` did.
        stem = path.stem.removesuffix(".briefing") if path.suffix == ".json" else path.stem
        base = safe_dir_name(stem)
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.casefold())
        names.append(name)
    return names


def inside(base: Path, target: Path) -> Path:
    """Return `target`, refusing any path that would resolve outside `base`."""
    resolved = target.resolve()
    if not resolved.is_relative_to(base.resolve()):
        raise ConfigError(f"refusing to write outside the output folder: {target.name}")
    return target


# --- rendering ---------------------------------------------------------------------------------


def shared_context(options: RenderOptions) -> dict[str, Any]:
    """Return the template data that does not depend on an article."""
    stamp = dt.datetime.fromtimestamp(options.timestamp, tz=dt.timezone.utc)
    return {
        "tool": {"name": "exporter", "version": __version__},
        "generated": f"{stamp.day} {stamp:%B %Y}",
        "options": {"paper": options.paper, "classification": options.classification,
                    "duplex": options.duplex, "briefings_only": options.briefings_only},
    }


def template_context(briefing: Briefing, options: RenderOptions) -> dict[str, Any]:
    """Return the plain data every article template receives (also as `article`)."""
    from .model import to_data

    data = to_data(briefing)
    return {**data, "article": data, **shared_context(options)}


def render_outputs(briefing: Briefing, config: BuildConfig) -> dict[str, bytes]:
    """Return file name → bytes for every requested format; raise on the first failure."""
    # Imported on first use, as the sidecar reader below: the command line imports this module
    # at start-up, and `exporter --version` should not load Jinja2, YAML and the date words.
    from . import templating

    context = template_context(briefing, config.options)
    documents: dict[str, Any] = {}
    outputs: dict[str, bytes] = {}
    for name in config.formats:
        writer = writers.get(name)
        if writer.template not in documents:
            documents[writer.template] = templating.render(writer.template, context,
                                                           user_dir=config.templates)
        outputs[writer.output] = _fitted(writer, documents[writer.template], context, config)
    return outputs


MAX_FIT = 3
"""How many times a document over its page budget is rendered again with shorter lists."""


def _fitted(writer: Any, doc: Document, context: dict[str, Any], config: BuildConfig) -> bytes:
    """Return `doc` written, or, for a writer with a `page_budget` that it runs over, its
    template rendered again with `fit` = 1, 2… (the built-in summary cuts its lists shorter at
    each step) until it fits or `MAX_FIT` is reached: a long article's summary stays a summary.
    A template that ignores `fit` renders the same draft, and the first of those is kept.

    Such a writer is measured on its `draft` (what it would zip): a rendering over budget is
    never zipped, and the one kept is not zipped and read back to be measured (the sample's
    summary, fitted at the second rendering: ~4 ms of its ~25)."""
    from . import templating

    budget = getattr(writer, "page_budget", None)
    if not budget:
        return cast(bytes, writer.write(doc, config.options))
    draft = writer.draft(doc, config.options)
    try:
        fit = 0
        while fit < MAX_FIT and writer.pages(draft, config.options) > budget:
            fit += 1
            doc = templating.render(writer.template, {**context, "fit": fit},
                                    user_dir=config.templates)
            again = writer.draft(doc, config.options)
            if again.same_as(draft):
                again.close()
                break
            draft.close()
            draft = again
        return cast(bytes, draft.package())
    finally:
        draft.close()


def read_reference_docx(path: str, limits: ReadLimits) -> bytes:
    """Return the bytes of a `--reference-docx` file, once its archive is within `limits`.

    The writers never read files: the Word writer is handed these bytes.
    """
    from .readers.archive import open_zip

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the reference document: {exc.strerror or exc}",
                          subject=path) from exc
    if len(data) > limits.max_bytes:
        raise ConfigError(f"the reference document is larger than {limits.max_bytes:,} bytes",
                          subject=path)
    with open_zip(data, path, limits) as archive:  # a bomb is refused as an input's is
        names = set(archive.namelist())
    if "word/document.xml" not in names or "word/styles.xml" not in names:
        raise ConfigError("not a Word document or template (.docx, .dotx): it has no "
                          "word/document.xml and word/styles.xml", subject=path)
    return data


MAX_IMAGE = 20_000_000
"""Largest template-folder image read (bytes)."""


def template_images(folder: str | None) -> tuple[tuple[str, bytes], ...]:
    """Return (name, bytes) of every PNG and JPEG file in the template folder, for `<image>`."""
    if folder is None:
        return ()
    out = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() in (".png", ".jpg", ".jpeg") and path.is_file():
            if path.stat().st_size > MAX_IMAGE:
                raise ConfigError(f"larger than {MAX_IMAGE:,} bytes", subject=str(path))
            out.append((path.name, path.read_bytes()))
    return tuple(out)


# --- one article, in three steps -----------------------------------------------------------------
# prepare (where the files are: read the source and its sidecar, consult the cache) → compute
# (anywhere: bytes in, bytes out) → finish (where the files are: write). The build's own process
# runs the first, so an article found unchanged starts no worker; a local worker runs the other
# two, while on a cluster a Dask worker runs the middle one and the client the last (`executors`,
# `remote`). One implementation, so the files and the one-line errors do not depend on where an
# article ran.


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """One article as read where its files are: everything `compute` needs, nothing to read."""

    path: Path
    """The source (its name words the sidecar's errors; never opened by `compute`)."""
    display: str
    dir_name: str
    data: bytes
    sidecar: tuple[Path, bytes] | None = None
    """The sidecar's path and bytes (parsed by `compute`, under the budget)."""
    linked: tuple[str, ...] = ()
    """Sidecars beside the source that are symbolic links (ignored, with a warning)."""
    key: str = ""
    """The cache key its outputs are recorded under."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Computed:
    """What `compute` made of one article: files (or template data), or its failure."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    title: str | None = None
    failed: ArticleResult | None = None


def read_source(path: Path, display: str, dir_name: str, limits: ReadLimits) -> Prepared:
    """Return the source's bytes and its sidecar's (raise when either cannot be read)."""
    from .readers import looks_like_briefing
    from .readers.sidecar_files import linked_sidecars, read_sidecar

    data = read_bytes(path, display, limits)
    if looks_like_briefing(data):
        # A briefing JSON file is the corrected result of analysis: no sidecar applies to it.
        return Prepared(path=path, display=display, dir_name=dir_name, data=data)
    return Prepared(path=path, display=display, dir_name=dir_name, data=data,
                    sidecar=read_sidecar(path), linked=tuple(linked_sidecars(path)))


def prepare_export(path: Path, display: str, dir_name: str,
                   config: BuildConfig) -> Prepared | ArticleResult:
    """Read one article and its sidecar; return the cached result when nothing changed."""
    try:
        source = read_source(path, display, dir_name, config.limits)
        folder = inside(config.out_dir, config.out_dir / dir_name)
        key = cache_key(source.data, config, display=display,
                        sidecar=None if source.sidecar is None else source.sidecar[1])
        if config.use_cache:
            files = cached_outputs(folder, key)
            if files is not None:
                return ArticleResult(source=display, out_dir=dir_name, outputs=files,
                                     cached=True)
        return dataclasses.replace(source, key=key)
    except Exception as exc:
        return failed(display, exc, config.budget)


def read_prepared(source: Prepared, limits: ReadLimits,
                  overrides: dict[str, Any] | None = None) -> Article:
    """Return the article in `source`'s bytes with its sidecar applied (reads no file).

    `overrides` is the sidecar as loaded, when the caller has loaded it.
    """
    from .readers.sidecar import apply_overrides, load_sidecar

    article = read_data(source.data, source.display, limits)
    if overrides is None and source.sidecar is not None:
        overrides = load_sidecar(source.path, source.sidecar)
    if overrides:
        article = apply_overrides(article, overrides)
    if source.linked:
        note = f"ignored sidecar {', '.join(source.linked)}: a symbolic link is not followed"
        article = dataclasses.replace(article, warnings=(*article.warnings, note))
    return article


def briefing_of(source: Prepared, limits: ReadLimits) -> Briefing:
    """Return the briefing of a prepared source (reads no file): a briefing JSON file as it
    stands (a person's corrections are never analysed away), else the article read with its
    sidecar, analysed, and corrected by the sidecar's corrections before any template."""
    from .analysis import analyse
    from .contract import read_briefing
    from .corrections import apply_corrections
    from .readers import looks_like_briefing
    from .readers.sidecar import load_sidecar

    if looks_like_briefing(source.data):
        return read_briefing(source.data, source.display)
    overrides = (load_sidecar(source.path, source.sidecar) if source.sidecar is not None
                 else None) or {}
    article = read_prepared(source, limits, overrides)
    return apply_corrections(analyse(article), overrides)


def compute_export(source: Prepared, config: BuildConfig) -> Computed:
    """Read, analyse and render one article to bytes; never raise for a bad input."""
    try:
        briefing = briefing_of(source, config.limits)
        article = briefing.article
        outputs = render_outputs(briefing, config)
        warnings = tuple(article.warnings) + tuple(glyph_warnings(briefing))
        return Computed(outputs=outputs, warnings=warnings, title=article.title)
    except Exception as exc:
        return Computed(failed=failed(source.display, exc, config.budget))


def finish_export(source: Prepared, computed: Computed, config: BuildConfig) -> ArticleResult:
    """Write one article's outputs and cache record, atomically each."""
    if computed.failed is not None:
        return computed.failed
    try:
        write_outputs(config.out_dir / source.dir_name, computed.outputs, source.key,
                      config.out_dir)
    except Exception as exc:
        return failed(source.display, exc, config.budget)
    return ArticleResult(source=source.display, out_dir=source.dir_name,
                         outputs=tuple(computed.outputs), warnings=computed.warnings,
                         title=computed.title)


def export_article(path: Path, display: str, dir_name: str,
                   config: BuildConfig) -> ArticleResult:
    """Read, analyse, render and write one article; never raise for a bad input."""
    source = prepare_export(path, display, dir_name, config)
    if isinstance(source, ArticleResult):
        return source
    return finish_export(source, compute_export(source, config), config)


def failed(display: str, exc: Exception, budget: Budget | None = None) -> ArticleResult:
    """Return the result of an article that raised `exc`: a one-line error, categorised.

    Expected failures carry their category; an `OSError` at the file-system boundary (a full
    temporary folder, `ulimit -f`) is a `cannot write`, running out of memory is `too large`;
    anything else is a bug and keeps its traceback.
    """
    if isinstance(exc, MemoryError):
        exc = LimitError(display, budget.describe("memory") if budget and budget.memory
                         else "ran out of memory")
    elif isinstance(exc, OSError):
        exc = os_error(exc)
    if isinstance(exc, ExportError):
        if exc.subject is None:
            exc.subject = display
        return ArticleResult(source=display, error=exc.one_line())
    return ArticleResult(source=display, error=f"{display}: internal error (a bug)",
                         bug="".join(traceback.format_exception(exc)))


def overrun(display: str, reason: str) -> ArticleResult:
    """Return the result of an article stopped for going over its budget (`pool.Overrun`)."""
    return ArticleResult(source=display, error=f"{display}: {LimitError.category}: {reason}")


def write_outputs(folder: Path, outputs: dict[str, bytes], key: str, base: Path) -> None:
    """Write every output of one article (or pack) and its cache record, atomically each."""
    remove_stale_temporaries(folder)
    try:
        for name, blob in outputs.items():
            atomic_write(inside(base, folder / name), blob)
        atomic_write(folder / CACHE_FILE, record_bytes(key, outputs))
    except OSError as exc:
        raise write_error(exc, exc.filename or folder) from exc


def glyph_warnings(briefing: Briefing) -> list[str]:
    """Return a warning naming the characters the embedded fonts cannot draw."""
    try:
        from .fonts import uncovered_characters
    except ImportError:
        return []
    texts = [briefing.article.title, *(p.text for p in briefing.article.paragraphs)]
    missing = uncovered_characters(texts)
    if not missing:
        return []
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in sorted(missing)[:12])
    more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
    return [f"the PDF fonts have no glyph for {len(missing)} character(s): {shown}{more}; "
            "the PDF shows them as \ufffd (the text stays searchable in the other formats)"]


def analyse_article(path: Path, display: str, dir_name: str,
                    config: BuildConfig) -> ArticleResult:
    """Read and analyse one article without writing anything (for packs)."""
    del dir_name
    try:
        briefing = load_briefing(path, display, config.limits)
    except Exception as exc:
        return failed(display, exc, config.budget)
    return ArticleResult(source=display, title=briefing.article.title, briefing=briefing,
                         warnings=tuple(briefing.article.warnings) + tuple(
                             glyph_warnings(briefing)))


Worker = Callable[[Path, str, str, BuildConfig], ArticleResult]


def build(sources: list[tuple[Path, str]], config: BuildConfig,
          on_done: Callable[[ArticleResult], None] | None = None,
          worker: Worker = export_article, *, lock: bool = True) -> list[ArticleResult]:
    """Run `worker` (by default: export) on every source; return results in input order.

    While it runs, no other run may write into `config.out_dir` (`folder_lock`); `lock=False`
    is for a caller that holds the lock already. `on_done` sees each result as it comes back
    (in any order on a cluster, where this process still does every write, under the lock).
    """
    from .executors import open_executor

    items = [(path, display, name)
             for (path, display), name in zip(sources, assign_dir_names(sources), strict=True)]
    results: dict[int, ArticleResult] = {}
    with folder_lock(config.out_dir, config.lock_wait) if lock else _nothing(), \
            open_executor(config) as executor:
        for index, result in executor.run(worker, items, config):
            if on_done is not None:
                on_done(result)
            results[index] = result
    return [results[index] for index in range(len(items))]


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


def load_briefing(path: Path, display: str, limits: ReadLimits) -> Briefing:
    """Return the analysed article in `path` (for `inspect` and packs)."""
    return briefing_of(read_source(path, display, "", limits), limits)


__all__ = [
    "CACHE_FILE",
    "ArticleResult",
    "Budget",
    "BuildConfig",
    "Computed",
    "Prepared",
    "SourceError",
    "atomic_write",
    "build",
    "cache_key",
    "collect_sources",
    "load_briefing",
    "safe_dir_name",
]
