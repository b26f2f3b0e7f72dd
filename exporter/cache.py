"""The build cache: a key over everything an output depends on, and the record beside outputs.

Each output folder holds `.exporter-cache.json`, `{"key": <hex>, "files": {name: sha256}}`. A
record is trusted only as far as its shape: a key, and plain file names of this folder with
their hashes; anything else (a list, a string, a name with a separator, a link, a device) means
"rebuild", and no file a record names is followed out of its folder or read without bound.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import stat
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import ConfigError
from .fs import TooLarge, hash_file, read_bounded
from .shipped import builtin_template_dir

if TYPE_CHECKING:
    from .build import BuildConfig

CACHE_FILE = ".exporter-cache.json"
MAX_RECORD_BYTES = 1_000_000
"""A record lists a handful of files; anything larger is not ours."""
MAX_OUTPUT_BYTES = 1 << 32
"""Largest output file hashed to check a record (bigger: rebuild)."""
MAX_TEMPLATE_FILES = 5_000
MAX_TEMPLATE_BYTES = 200_000_000
"""A `--templates` folder larger than this is refused (it is hashed into every cache key)."""

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def cache_key(data: bytes, config: BuildConfig, *, display: str = "",
              sidecar: bytes | None = None) -> str:
    """Return a hash of everything an article's outputs depend on: the tool, the source's bytes
    and the name it is shown under, its sidecar's bytes, the options and every template file."""
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(code_hash().encode())
    digest.update(hashlib.sha256(data).digest())
    options = asdict(config.options)
    # The timestamp is "now" unless SOURCE_DATE_EPOCH is set; outputs that are otherwise
    # identical are not rebuilt just to carry a newer date.
    options.pop("timestamp")
    # The theme carries its logo's and fonts' bytes: its digest hashes them and the brand file.
    options["theme"] = config.options.theme.digest if config.options.theme else None
    options["images"] = [[name, hashlib.sha256(blob).hexdigest()]
                         for name, blob in config.options.images]
    if options.get("reference_docx"):
        options["reference_docx"] = hashlib.sha256(options["reference_docx"]).hexdigest()
    if options.get("pptx_template"):
        options["pptx_template"] = hash_file(Path(options["pptx_template"])) or "unreadable"
    digest.update(json.dumps({"formats": config.formats, "options": options,
                              "limits": asdict(config.limits), "display": display,
                              "sidecar": None if sidecar is None
                              else hashlib.sha256(sidecar).hexdigest()},
                             sort_keys=True).encode())
    for folder in (config.templates, str(builtin_template_dir())):
        if folder:
            digest.update(templates_hash(folder).encode())
    return digest.hexdigest()


@functools.cache
def code_hash() -> str:
    """Return a hash of the package's own code and data files, read once per process.

    The version alone would let a checkout or an install from an unreleased commit serve
    outputs that older code made.
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    # Names first, then the file system: bytecode folders are skipped and only files with a
    # code or data suffix are looked at (a stat of each of ~400 entries was most of the
    # ~25 ms this took on the build's serial path, before any worker starts).
    for path in sorted(_code_files(package)):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_CODE_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".yml")


def _code_files(package: Path) -> list[Path]:
    """Return the files under `package` that `code_hash` reads (what `rglob` finds, bytecode
    folders aside, with a code or data suffix)."""
    found = []
    for root, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        here = Path(root)
        for name in files:
            if name.endswith(_CODE_SUFFIXES):
                path = here / name
                if path.suffix in _CODE_SUFFIXES and path.is_file():
                    found.append(path)
    return found


def templates_hash(folder: str) -> str:
    """Return a hash of every file under `folder` (sub-folders and includes of any suffix).

    Links are hashed by where they point, never followed: the loader refuses one that leads
    out of the folder, and one that stays inside points at a file hashed here anyway.
    """
    return _hash_entries(folder, _entries(folder))


def _entries(folder: str) -> tuple[tuple[str, str, int, int], ...]:
    """Return (relative name, kind, mtime, size) of every entry under `folder`."""
    found: list[tuple[str, str, int, int]] = []
    total = 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = os.path.join(root, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            rel = os.path.relpath(path, folder)
            kind = "link" if stat.S_ISLNK(info.st_mode) else \
                "file" if stat.S_ISREG(info.st_mode) else "other"
            found.append((rel, kind, info.st_mtime_ns, info.st_size))
            total += info.st_size if kind == "file" else 0
            if len(found) > MAX_TEMPLATE_FILES or total > MAX_TEMPLATE_BYTES:
                raise ConfigError(f"the templates folder {folder} holds more than "
                                  f"{MAX_TEMPLATE_FILES:,} files or "
                                  f"{MAX_TEMPLATE_BYTES // 1_000_000} MB")
    return tuple(found)


@functools.lru_cache(maxsize=16)
def _hash_entries(folder: str, entries: tuple[tuple[str, str, int, int], ...]) -> str:
    """Return the hash of `entries`, read once per process while their stamps are unchanged."""
    digest = hashlib.sha256()
    for rel, kind, _, _ in entries:
        digest.update(f"{kind}:{rel}\0".encode())
        path = os.path.join(folder, rel)
        if kind == "link":
            try:
                digest.update(os.readlink(path).encode("utf-8", "surrogateescape"))
            except OSError:
                digest.update(b"?")
        elif kind == "file":
            digest.update((hash_file(Path(path), limit=MAX_TEMPLATE_BYTES) or "?").encode())
    return digest.hexdigest()


def valid_record(record: object) -> dict[str, str] | None:
    """Return the record's files (name → SHA-256) when `record` has the shape we write."""
    if not isinstance(record, dict) or not isinstance(record.get("key"), str):
        return None
    files = record.get("files")
    if not isinstance(files, dict) or not files:
        return None
    for name, digest in files.items():
        if not (isinstance(name, str) and _NAME.match(name) and name != CACHE_FILE
                and isinstance(digest, str) and _DIGEST.match(digest)):
            return None
    return files


def cached_outputs(folder: Path, key: str) -> tuple[str, ...] | None:
    """Return the outputs recorded in `folder` for `key` when they are all still there,
    unchanged; None (rebuild) for any other record, whatever it holds."""
    try:
        raw = read_bounded(folder / CACHE_FILE, MAX_RECORD_BYTES, follow=False,
                           regular_only=True)
        record = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, TooLarge, RecursionError):
        return None
    files = valid_record(record)
    if files is None or record["key"] != key:
        return None
    for name, digest in files.items():
        if hash_file(folder / name, limit=MAX_OUTPUT_BYTES) != digest:
            return None
    return tuple(files)


def record_bytes(key: str, outputs: dict[str, bytes]) -> bytes:
    """Return the cache record for `outputs` written under `key`."""
    record = {"key": key, "files": {n: hashlib.sha256(b).hexdigest() for n, b in outputs.items()}}
    return json.dumps(record, indent=1).encode()


__all__ = ["CACHE_FILE", "cache_key", "cached_outputs", "code_hash", "record_bytes",
           "templates_hash", "valid_record"]
