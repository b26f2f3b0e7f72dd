"""Orchestration: source files in, output files out. The only module that writes files.

For each article: read → analyse → render every template → write every format, all in memory;
only when every output of an article has rendered are its files written, each atomically
(a temporary file in the same folder, then a rename), so a failure or a kill never leaves a
half-written file and never replaces a good one. Articles run in a process pool; one article's
failure is reported and the others carry on.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, templating, writers
from .analysis import analyse
from .errors import ConfigError, ExportError, OutputError, SourceError
from .model import Briefing, to_data
from .normalise import display_name
from .options import RenderOptions
from .readers import SUFFIXES, ReadLimits, read_bytes, read_data

DEFAULT_FORMATS = ("pdf", "docx", "md", "pptx")
CACHE_FILE = ".exporter-cache.json"
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


def collect_sources(paths: Iterable[str]) -> list[tuple[Path, str]]:
    """Return (path, display name) for each file given or found in each folder given.

    Folders are searched recursively for the readable suffixes, in sorted order; sidecar
    metadata files and hidden files are skipped. A missing path is kept so it is reported.
    Display names have control characters and undecodable bytes escaped (`display_name`).
    """
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") or part.endswith("_files") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in SUFFIXES \
                        and ".meta." not in child.name:
                    found.append((child, display_name(str(Path(raw) / rel))))
        else:
            found.append((path, display_name(raw)))
    return found


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
        base = safe_dir_name(path.stem)
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


# --- writing -----------------------------------------------------------------------------------


@functools.cache
def _file_mode() -> int:
    """Return the mode a new file gets under the process umask (mkstemp would give 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- rendering ---------------------------------------------------------------------------------


def shared_context(options: RenderOptions) -> dict[str, Any]:
    """Return the template data that does not depend on an article."""
    stamp = dt.datetime.fromtimestamp(options.timestamp, tz=dt.timezone.utc)
    return {
        "tool": {"name": "exporter", "version": __version__},
        "generated": f"{stamp.day} {stamp:%B %Y}",
        "options": {"paper": options.paper, "classification": options.classification,
                    "duplex": options.duplex},
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


def cache_key(data: bytes, config: BuildConfig) -> str:
    """Return a hash of everything an article's outputs depend on."""
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(_code_hash().encode())
    digest.update(data)
    options = asdict(config.options)
    # The timestamp is "now" unless SOURCE_DATE_EPOCH is set; outputs that are otherwise
    # identical are not rebuilt just to carry a newer date.
    options.pop("timestamp")
    if options.get("pptx_template"):
        options["pptx_template"] = _file_hash(Path(options["pptx_template"]))
    digest.update(json.dumps({"formats": config.formats, "options": options,
                              "limits": asdict(config.limits)}, sort_keys=True).encode())
    for folder in (config.templates, str(templating.builtin_template_dir())):
        if folder:
            digest.update(_templates_hash(folder, _stamps(folder)).encode())
    return digest.hexdigest()


@functools.cache
def _code_hash() -> str:
    """Return a hash of the package's own code and data files, read once per process.

    The version alone would let a checkout or an install from an unreleased commit serve
    outputs that older code made.
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".json"):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamps(folder: str) -> tuple[tuple[str, int, int], ...]:
    """Return (name, mtime, size) of each template in `folder`: what invalidates its hash."""
    out = []
    for template in sorted(Path(folder).glob("*.j2")):
        stat = template.stat()
        out.append((template.name, stat.st_mtime_ns, stat.st_size))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _templates_hash(folder: str, stamps: tuple[tuple[str, int, int], ...]) -> str:
    """Return a hash of the templates in `folder`, read once per process while unchanged."""
    digest = hashlib.sha256()
    for name, _, _ in stamps:
        digest.update(name.encode())
        digest.update((Path(folder) / name).read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _cached(folder: Path, key: str) -> tuple[str, ...] | None:
    """Return the outputs recorded for `key` when they are all still there, unchanged."""
    try:
        record = json.loads((folder / CACHE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("key") != key:
        return None
    files: dict[str, str] = record.get("files", {})
    for name, digest in files.items():
        if _file_hash(folder / name) != digest:
            return None
    return tuple(files)


def export_article(path: Path, display: str, dir_name: str,
                   config: BuildConfig) -> ArticleResult:
    """Read, analyse, render and write one article; never raise for a bad input."""
    try:
        data = read_bytes(path, display, config.limits)
        folder = inside(config.out_dir, config.out_dir / dir_name)
        key = cache_key(data, config)
        if config.use_cache:
            files = _cached(folder, key)
            if files is not None:
                return ArticleResult(source=display, out_dir=dir_name, outputs=files,
                                     cached=True)
        article = read_data(data, display, config.limits)
        article = _apply_sidecar(path, article)
        briefing = analyse(article)
        outputs = render_outputs(briefing, config)
        warnings = list(article.warnings) + _glyph_warnings(briefing)
        write_outputs(folder, outputs, key, config.out_dir)
        return ArticleResult(source=display, out_dir=dir_name, outputs=tuple(outputs),
                             warnings=tuple(warnings), title=article.title)
    except ExportError as exc:
        if exc.subject is None:
            exc.subject = display
        return ArticleResult(source=display, error=exc.one_line())
    except Exception:  # a bug: keep the other articles going, show the traceback at the end
        return ArticleResult(source=display, error=f"{display}: internal error (a bug)",
                             bug=traceback.format_exc())


def write_outputs(folder: Path, outputs: dict[str, bytes], key: str, base: Path) -> None:
    """Write every output of one article (or pack) and its cache record, atomically each."""
    _remove_stale_temporaries(folder)
    try:
        for name, blob in outputs.items():
            atomic_write(inside(base, folder / name), blob)
        record = {"key": key, "files": {n: hashlib.sha256(b).hexdigest()
                                        for n, b in outputs.items()}}
        atomic_write(folder / CACHE_FILE, json.dumps(record, indent=1).encode())
    except OSError as exc:
        where = exc.filename or folder
        raise OutputError(f"cannot write {where}: {exc.strerror or exc}") from exc


def _remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files a killed earlier run left (`.<name>.<random>.tmp`)."""
    if folder.is_dir():
        for stale in folder.glob(".*.tmp"):
            stale.unlink(missing_ok=True)


def _apply_sidecar(path: Path, article: Any) -> Any:
    """Apply `<stem>.meta.yaml` / `.toml` overrides beside the source, when present."""
    try:
        from .readers import sidecar
    except ImportError:
        return article
    overrides = sidecar.load_sidecar(path)
    return sidecar.apply_overrides(article, overrides) if overrides else article


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
    except ExportError as exc:
        if exc.subject is None:
            exc.subject = display
        return ArticleResult(source=display, error=exc.one_line())
    except Exception:
        return ArticleResult(source=display, error=f"{display}: internal error (a bug)",
                             bug=traceback.format_exc())
    return ArticleResult(source=display, title=briefing.article.title, briefing=briefing,
                         warnings=tuple(briefing.article.warnings) + tuple(
                             _glyph_warnings(briefing)))


Worker = Callable[[Path, str, str, BuildConfig], ArticleResult]


def build(sources: list[tuple[Path, str]], config: BuildConfig,
          on_done: Callable[[ArticleResult], None] | None = None,
          worker: Worker = export_article) -> list[ArticleResult]:
    """Run `worker` (by default: export) on every source; return results in input order.

    `on_done` sees each result as it comes back (in any order on a cluster).
    """
    from .executors import open_executor

    items = [(path, display, name)
             for (path, display), name in zip(sources, assign_dir_names(sources), strict=True)]
    results: dict[int, ArticleResult] = {}
    with open_executor(config) as executor:
        for index, result in executor.run(worker, items, config):
            if on_done is not None:
                on_done(result)
            results[index] = result
    return [results[index] for index in range(len(items))]


def _run(sources: list[tuple[Path, str]], names: list[str], config: BuildConfig, jobs: int,
         worker: Worker) -> Iterator[ArticleResult]:
    if jobs == 1:
        for (path, display), name in zip(sources, names, strict=True):
            yield worker(path, display, name, config)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(worker, path, display, name, config)
                   for (path, display), name in zip(sources, names, strict=True)]
        for future in futures:
            yield future.result()


def load_briefing(path: Path, display: str, limits: ReadLimits) -> Briefing:
    """Return the analysed article in `path` (for `inspect`)."""
    data = read_bytes(path, display, limits)
    article = _apply_sidecar(path, read_data(data, display, limits))
    return analyse(article)


__all__ = [
    "ArticleResult",
    "BuildConfig",
    "SourceError",
    "atomic_write",
    "build",
    "collect_sources",
    "load_briefing",
    "safe_dir_name",
]
