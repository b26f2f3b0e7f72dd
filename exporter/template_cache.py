"""The built-in templates' compiled code, kept between processes (Jinja2's bytecode cache).

Compiling the built-in templates (parse, generate Python, compile) took about 60 ms of every
fresh process's first article (`bench/stages.py` cold vs warm): a build of a few articles
paid it once per worker. Jinja2 can keep the compiled code on disk; loading it takes ~3 ms.

Only the built-in templates, never a user's `--templates` folder. What makes a cached entry
safe to use:
- Jinja2 checks each entry against a hash of the template's source and its own bytecode
  format and Python version, so an edited template is compiled again;
- the compiled code also depends on the environment (the sandbox, whitespace and escaping
  settings) and the Jinja2 release, which Jinja2 does not check: the entries of one version of
  this tool's code (`cache.code_hash`) and of Jinja2 carry a prefix of their own; entries
  with another prefix are removed when a new one is written, once an hour old (two checkouts
  of different code in use side by side keep theirs);
- the folder is private: `$XDG_CACHE_HOME/exporter/templates` (or `~/.cache/…`), made
  0700, used only when it is a real folder owned by this user that no one else may write
  (loading an entry runs its code).
A folder that cannot be made or written only means compiling as before: the cache never fails
an export, and the outputs are the same bytes either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import time
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

STALE_AFTER = 3600
"""Seconds after which another code version's entry is removed."""


def cache_folder() -> Path | None:
    """Return the private folder for the compiled templates, made if needed; None when there
    is no safe one."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    folder = Path(base) / "exporter" / "templates"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() \
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return folder


def _prefix() -> str:
    """Return the prefix of this code's entries: the tool's code, Jinja2's release, Python's."""
    from .cache import code_hash

    key = "\0".join((code_hash(), jinja2.__version__, sys.implementation.cache_tag or ""))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's file bytecode cache that never raises for the file system and removes the
    entries an older version of the code left behind."""

    def __init__(self, folder: Path) -> None:
        self.prefix = _prefix()
        super().__init__(str(folder), f"{self.prefix}-%s.cache")

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)  # a temporary file and a rename: readers see whole files
        except OSError:
            return
        self._remove_stale()

    def _remove_stale(self) -> None:
        """Remove the entries of other code versions written over `STALE_AFTER` seconds ago
        (looked for only when something was compiled)."""
        now = time.time()
        with contextlib.suppress(OSError), os.scandir(self.directory) as entries:
            for entry in entries:
                if not entry.name.endswith(".cache") or entry.name.startswith(self.prefix):
                    continue
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER:
                        os.unlink(entry.path)


def template_cache() -> TemplateCache | None:
    """Return the bytecode cache for the built-in templates, or None when there is no safe
    folder for it."""
    folder = cache_folder()
    return TemplateCache(folder) if folder is not None else None


__all__ = ["TemplateCache", "cache_folder", "template_cache"]
