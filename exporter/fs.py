"""The file-system boundary: atomic writes, our own temporary files, the output-folder lock and
bounded reads of files a user (or a hostile input) names.

Rules kept here so every caller gets them:
- A temporary file or folder we make carries our name and process id (`.<file>.exporter-<pid>-
  <random>.tmp`, `$TMPDIR/exporter-pack-<pid>-<random>`), so a clean-up removes only what an
  exporter process made, and only when that process is gone (or the file is a day old).
- One run at a time writes into an output folder: `folder_lock` holds an exclusive `flock` on the
  folder itself (nothing is left behind in it), waiting a bounded time for another run.
- Reads are bounded and never follow a symbolic link where a link is not expected
  (`read_bounded`, `hash_file`): a name may point at `/dev/zero` or a FIFO.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import ExportError, OutputError

TEMP_TAG = "exporter"
"""Word every temporary name we make carries, with our process id after it."""
_TEMP_FILE = re.compile(rf"^\..+\.{TEMP_TAG}-(\d+)-[A-Za-z0-9_]+\.tmp$")
PACK_STORE_PREFIX = f"{TEMP_TAG}-pack-"
_PACK_STORE = re.compile(rf"^{PACK_STORE_PREFIX}(?:(\d+)-[A-Za-z0-9_]+|[a-z0-9_]{{8}})$")
"""`exporter-pack-<pid>-<random>`, or `exporter-pack-<random>` as releases before the process id
named them (stale only once a day old)."""
STALE_AFTER = 24 * 3600
"""Seconds after which a temporary file of ours is stale even if its process id is in use
(process ids are reused, and a folder may be shared between machines)."""
LOCK_WAIT = 60.0
"""Seconds a run waits for another run writing into the same output folder."""

WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})
"""Errors that mean "the disk refused a write" wherever they are raised."""
_HINTS = {errno.EFBIG: " (the file-size limit, ulimit -f?)",
          errno.ENOSPC: " (the output folder or TMPDIR)"}


def os_error_message(exc: OSError) -> str:
    """Return a short, plain reason for `exc` (no traceback, no errno number)."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return reason + _HINTS.get(exc.errno or 0, "")


def write_error(exc: OSError, where: str | os.PathLike[str]) -> OutputError:
    """Return the one-line `cannot write` error for an `OSError` raised while writing `where`."""
    return OutputError(f"{where}: {os_error_message(exc)}")


def os_error(exc: OSError) -> ExportError:
    """Return the categorised error for an `OSError` raised somewhere inside a task: a disk
    that refused a write (full TMPDIR, `ulimit -f`) is `cannot write`, anything else is a
    file-system error; never a traceback."""
    if exc.errno in WRITE_ERRNOS:
        return OutputError(f"a temporary or output file: {os_error_message(exc)}")
    return ExportError(f"file system: {os_error_message(exc)}")


# --- atomic writes -----------------------------------------------------------------------------


@functools.cache
def _file_mode() -> int:
    """Return the mode a new file gets under the process umask (mkstemp would give 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file of ours in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{TEMP_TAG}-{os.getpid()}-", suffix=".tmp",
                               dir=path.parent)
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


def _process_gone(pid: int) -> bool:
    """Return True when no process `pid` exists (one we may not signal still exists)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _stale(entry: os.DirEntry[str], pid: int, now: float) -> bool:
    """Return True when `entry` (one of our temporaries) belongs to no running exporter."""
    if pid == os.getpid():
        return False
    try:
        age = now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return _process_gone(pid) or age > STALE_AFTER


def remove_stale_temporaries(folder: Path) -> None:
    """Delete the temporary files a killed earlier run of ours left in `folder`.

    Only regular files named like ours (`.<name>.exporter-<pid>-<random>.tmp`) whose process
    is gone (or which are a day old) go; a user's `.thesis.docx.tmp`, a folder or a link with
    such a name, and another live run's files stay.
    """
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _TEMP_FILE.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        if _stale(entry, int(match.group(1)), now):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


@contextlib.contextmanager
def pack_store() -> Iterator[str]:
    """Yield a new private temporary folder for a pack's analysed articles, removed after.

    Folders a killed earlier pack left in the temporary folder (`exporter-pack-<pid>-…`, ours,
    its process gone) are removed first.
    """
    remove_stale_pack_stores(Path(tempfile.gettempdir()))
    try:
        store = tempfile.mkdtemp(prefix=f"{PACK_STORE_PREFIX}{os.getpid()}-")
    except OSError as exc:
        raise write_error(exc, "a temporary folder") from exc
    try:
        yield store
    finally:
        shutil.rmtree(store, ignore_errors=True)


def remove_stale_pack_stores(tmp: Path) -> None:
    """Remove pack folders in `tmp` that a killed exporter process of this user left."""
    now = time.time()
    try:
        entries = list(os.scandir(tmp))
    except OSError:
        return
    for entry in entries:
        match = _PACK_STORE.match(entry.name)
        if match is None or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            owner = entry.stat(follow_symlinks=False).st_uid
        except OSError:
            continue
        pid = int(match.group(1)) if match.group(1) else 0
        if owner == os.getuid() and _stale(entry, pid, now):
            shutil.rmtree(entry.path, ignore_errors=True)


# --- the output-folder lock --------------------------------------------------------------------


class FolderBusyError(OutputError):
    """Another run holds the output folder's lock for longer than we wait."""


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (created if missing) while the body runs.

    The lock is an `flock` on the folder itself, so nothing is written into it for the lock and
    nothing is left behind (a folder made only for the lock is removed again if still empty).
    A second run into the same folder waits up to `wait` seconds and then fails with one line.
    File systems without `flock` run unlocked. Temporary names carry the process id, so even
    unlocked, runs never delete each other's files.
    """
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise write_error(exc, folder) from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise FolderBusyError(
                        f"another exporter run is writing to this folder (waited {wait:g} s)",
                        subject=str(folder)) from None
                time.sleep(0.1)
            except OSError:
                break  # no flock on this file system
        yield
    finally:
        if created:  # a run that wrote nothing leaves no empty output folder behind
            with contextlib.suppress(OSError):
                folder.rmdir()
        os.close(fd)


# --- bounded reads -----------------------------------------------------------------------------


class TooLarge(Exception):
    """A file is larger than the bound its reader allows."""


def read_bounded(path: Path, limit: int, *, follow: bool = True,
                 regular_only: bool = False) -> bytes:
    """Return the bytes of `path`, reading at most `limit + 1` whatever kind of file it is.

    Raise `TooLarge` past `limit` (a device like `/dev/zero` has no size to check first);
    `follow=False` refuses a symbolic link (ELOOP) and `regular_only` anything but a regular
    file (a FIFO, a device), both as `OSError`.
    """
    flags = os.O_RDONLY | (0 if follow else os.O_NOFOLLOW)
    if regular_only:
        flags |= os.O_NONBLOCK  # opening a FIFO must not wait for a writer
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if regular_only and not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = handle.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        raise TooLarge(str(path))
    return b"".join(chunks)


def hash_file(path: Path, *, limit: int = 1 << 32) -> str | None:
    """Return the SHA-256 of the regular file `path` (not through a link), or None when it is
    missing, not a regular file or larger than `limit`. Memory stays bounded whatever it is."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        digest = hashlib.sha256()
        read = 0
        while chunk := handle.read(1 << 20):
            read += len(chunk)
            if read > limit:
                return None
            digest.update(chunk)
    return digest.hexdigest()


__all__ = [
    "FolderBusyError",
    "TooLarge",
    "atomic_write",
    "folder_lock",
    "hash_file",
    "os_error_message",
    "pack_store",
    "read_bounded",
    "remove_stale_temporaries",
    "write_error",
]
