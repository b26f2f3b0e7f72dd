"""The configuration file: `exporter.toml` in the working directory, or `--config FILE`.

Its keys are the long options of `exporter build` and `exporter pack` (`paper`, `classification`,
`brand`, `templates`, `jobs`, `pptx-template`, …; `-` or `_` alike) and set their defaults:
the command line still wins, and an option neither sets keeps its built-in default. A key that
no command has is an error naming the key and the file. Paths are relative to the file's folder.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = "exporter.toml"
PATH_KEYS = frozenset({"output", "templates", "brand", "pptx_template", "reference_docx"})
"""Keys whose values are paths, resolved against the configuration file's folder."""


def find_config(option: str | None, cwd: Path | None = None) -> Path | None:
    """Return the configuration file to read: `option`, else `exporter.toml` in `cwd`."""
    if option:
        return Path(option)
    default = (cwd or Path.cwd()) / CONFIG_FILE
    return default if default.is_file() else None


def load_config(path: Path, commands: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, Any]]:
    """Return click's `default_map` from the TOML file `path`; ConfigError naming the file for
    an unreadable file or an unknown key.

    `commands` maps each command to its options: key (the long option without `--`, with `_`
    for `-`) -> the parameter it sets.
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read it: {exc.strerror or exc}", subject=str(path)) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"not valid TOML: {exc}", subject=str(path)) from exc
    known = {key for options in commands.values() for key in options}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown key {key!r} (known: "
                              f"{', '.join(sorted(k.replace('_', '-') for k in known))})",
                              subject=str(path))
        if name in PATH_KEYS and isinstance(value, str):
            value = str(path.parent / value)
        values[name] = value
    return {command: {param: values[key] for key, param in options.items() if key in values}
            for command, options in commands.items()}


__all__ = ["CONFIG_FILE", "find_config", "load_config"]
