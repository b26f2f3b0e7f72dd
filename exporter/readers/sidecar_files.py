"""Sidecar files: find the one beside a source and read its bytes (`sidecar` parses them).

Apart from the parsing so that the build's own process, which reads every source and its
sidecar to check the cache, loads neither YAML nor the date words to do it.
"""

from __future__ import annotations

import contextlib
import stat
from pathlib import Path

from ..errors import SourceError
from ..fs import TooLarge, read_bounded

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.toml")
"""Sidecar names tried, in this order, beside `<stem>.<suffix>`."""

_MAX_SIDECAR = 1_000_000


def sidecar_path(path: Path) -> Path | None:
    """Return the sidecar beside the source at `path`, or None when there is none.

    Only a regular file counts: a symbolic link (which could lead anywhere), a folder or a
    device is not a sidecar. A source whose name leaves no room for a sidecar's longer name
    simply has none.
    """
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        try:
            if stat.S_ISREG(candidate.lstat().st_mode):
                return candidate
        except (OSError, ValueError):
            continue
    return None


def linked_sidecars(path: Path) -> list[str]:
    """Return the names of sidecars beside `path` that are symbolic links (ignored)."""
    found = []
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        with contextlib.suppress(OSError, ValueError):
            if candidate.is_symlink():
                found.append(candidate.name)
    return found


def read_sidecar(path: Path) -> tuple[Path, bytes] | None:
    """Return the sidecar of the source at `path` and its bytes, or None if it has none.

    Read without following a link and at most `_MAX_SIDECAR` + 1 bytes.
    """
    found = sidecar_path(path)
    if found is None:
        return None
    display = str(path.with_name(found.name))
    try:
        raw = read_bounded(found, _MAX_SIDECAR, follow=False, regular_only=True)
    except TooLarge as exc:
        raise SourceError(display, f"is larger than {_MAX_SIDECAR:,} bytes") from exc
    except OSError as exc:
        raise SourceError(display, f"cannot be read: {exc.strerror or exc}") from exc
    return found, raw


__all__ = ["SIDECAR_SUFFIXES", "linked_sidecars", "read_sidecar", "sidecar_path"]
