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
from typing import Any

from . import __version__, templating, writers
from .analysis import analyse
from .cache import CACHE_FILE, cache_key, cached_outputs, record_bytes
from .contract import looks_like_briefing, read_briefing
from .corrections import apply_corrections
from .errors import ConfigError, ExportError, LimitError, SourceError
from .fs import (
    LOCK_WAIT,
    atomic_write,
    folder_lock,
    os_error,
    remove_stale_temporaries,
    write_error,
)
from .model import Briefing, to_data
from .normalise import display_name
from .options import RenderOptions
from .pool import Budget, Overrun, run_tasks
from .readers import SUFFIXES, ReadLimits, read_bytes, read_data
from .readers.sidecar import apply_overrides, linked_sidecars, load_sidecar, read_sidecar

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
    data = to_data(briefing)
    return {**data, "article": data, **shared_context(options)}


def render_outputs(briefing: Briefing, config: BuildConfig) -> dict[str, bytes]:
    """Return file name → bytes for every requested format; raise on the first failure."""
    context = template_context(briefing, config.options)
    documents: dict[str, Any] = {}
    outputs: dict[str, bytes] = {}
    for name in config.formats:
        writer = writers.get(name)
        if writer.template not in documents:
            documents[writer.template] = templating.render(writer.template, context,
                                                           user_dir=config.templates)
        outputs[writer.output] = writer.write(documents[writer.template], config.options)
    return outputs


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


def export_article(path: Path, display: str, dir_name: str,
                   config: BuildConfig) -> ArticleResult:
    """Read, analyse, render and write one article; never raise for a bad input."""
    try:
        data = read_bytes(path, display, config.limits)
        folder = inside(config.out_dir, config.out_dir / dir_name)
        # A briefing JSON file is the corrected result of analysis: no sidecar applies to it.
        sidecar = None if looks_like_briefing(data) else read_sidecar(path)
        key = cache_key(data, config, display=display,
                        sidecar=None if sidecar is None else sidecar[1])
        if config.use_cache:
            files = cached_outputs(folder, key)
            if files is not None:
                return ArticleResult(source=display, out_dir=dir_name, outputs=files,
                                     cached=True)
        briefing = _briefing_of(path, display, data, config.limits, sidecar)
        outputs = render_outputs(briefing, config)
        warnings = list(briefing.article.warnings) + _glyph_warnings(briefing)
        write_outputs(folder, outputs, key, config.out_dir)
        return ArticleResult(source=display, out_dir=dir_name, outputs=tuple(outputs),
                             warnings=tuple(warnings), title=briefing.article.title)
    except Exception as exc:
        return failed(display, exc, config.budget)


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


def write_outputs(folder: Path, outputs: dict[str, bytes], key: str, base: Path) -> None:
    """Write every output of one article (or pack) and its cache record, atomically each."""
    remove_stale_temporaries(folder)
    try:
        for name, blob in outputs.items():
            atomic_write(inside(base, folder / name), blob)
        atomic_write(folder / CACHE_FILE, record_bytes(key, outputs))
    except OSError as exc:
        raise write_error(exc, exc.filename or folder) from exc


def _apply_sidecar(path: Path, article: Any, sidecar: tuple[Path, bytes] | None = None,
                   overrides: dict[str, Any] | None = None) -> Any:
    """Apply `<stem>.meta.yaml` / `.toml` overrides beside the source, when present.

    `overrides` is the sidecar as loaded, when the caller has loaded it. A sidecar that is a
    symbolic link is not followed (a warning says so).
    """
    if overrides is None:
        overrides = load_sidecar(path, sidecar)
    if overrides:
        article = apply_overrides(article, overrides)
    links = linked_sidecars(path)
    if links:
        note = f"ignored sidecar {', '.join(links)}: a symbolic link is not followed"
        article = dataclasses.replace(article, warnings=(*article.warnings, note))
    return article


def _glyph_warnings(briefing: Briefing) -> list[str]:
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
                             _glyph_warnings(briefing)))


Worker = Callable[[Path, str, str, BuildConfig], ArticleResult]


def build(sources: list[tuple[Path, str]], config: BuildConfig,
          on_done: Callable[[ArticleResult], None] | None = None,
          worker: Worker = export_article, *, lock: bool = True) -> list[ArticleResult]:
    """Run `worker` (by default: export) on every source; return results in input order.

    While it runs, no other run may write into `config.out_dir` (`folder_lock`); `lock=False`
    is for a caller that holds the lock already.
    """
    names = assign_dir_names(sources)
    jobs = max(1, min(config.jobs, len(sources)))
    results: list[ArticleResult] = []
    with folder_lock(config.out_dir, config.lock_wait) if lock else _nothing():
        for result in _run(sources, names, config, jobs, worker):
            if on_done is not None:
                on_done(result)
            results.append(result)
    return results


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


def _run(sources: list[tuple[Path, str]], names: list[str], config: BuildConfig, jobs: int,
         worker: Worker) -> Iterator[ArticleResult]:
    tasks = [(path, display, name, config)
             for (path, display), name in zip(sources, names, strict=True)]
    for (_, display, name, _), result in zip(tasks, run_tasks(worker, tasks, jobs=jobs,
                                                             budget=config.budget),
                                             strict=True):
        if isinstance(result, Overrun):
            # A worker stopped while writing leaves a temporary file; its process is gone.
            remove_stale_temporaries(config.out_dir / name)
            yield ArticleResult(source=display,
                                error=f"{display}: {LimitError.category}: {result.reason}")
        else:
            yield result


def load_briefing(path: Path, display: str, limits: ReadLimits) -> Briefing:
    """Return the analysed article in `path` (for `inspect` and packs)."""
    data = read_bytes(path, display, limits)
    return _briefing_of(path, display, data, limits)


def _briefing_of(path: Path, display: str, data: bytes, limits: ReadLimits,
                 sidecar: tuple[Path, bytes] | None = None) -> Briefing:
    """Return the briefing of a source's bytes: read from a briefing JSON file as it stands
    (a person's corrections are never analysed away), else read, overridden and analysed."""
    if looks_like_briefing(data):
        return read_briefing(data, display)
    overrides = load_sidecar(path, sidecar) or {}
    article = _apply_sidecar(path, read_data(data, display, limits), overrides=overrides)
    # The sidecar's corrections of the analysis, in one place, before any template.
    return apply_corrections(analyse(article), overrides)


__all__ = [
    "CACHE_FILE",
    "ArticleResult",
    "Budget",
    "BuildConfig",
    "SourceError",
    "atomic_write",
    "build",
    "cache_key",
    "collect_sources",
    "load_briefing",
    "safe_dir_name",
]
