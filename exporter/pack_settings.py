"""Pack settings files: `exporter pack pack.yaml` reads what a pack is and how it is ordered.

```yaml
title: Sahel and southern Africa
subtitle: Situation update
organisation: Regional desk
meeting: 2026-12-01
classification: OFFICIAL
paper: a4
sections:
  - heading: Food security
    articles: [inbox/sahel-*.html, notes/appeal.md]
  - heading: Mining
    articles: [inbox/zambia.briefing.json]
```

Article paths and globs are relative to the settings file, and may not lead out of its folder
(`..`, an absolute path, or a symbolic link resolving elsewhere): a settings file received from
someone else names only files beside it. Options given on the command line win over the file.
Every error is one line naming the file and the key (`sections[1].articles[0]: …`).
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dates import iso_date
from .errors import ConfigError, SourceError
from .fs import TooLarge, read_bounded
from .normalise import clean_inline, display_name
from .readers import SUFFIXES
from .readers.sidecar import parse_yaml

SETTINGS_SUFFIXES = (".yaml", ".yml")
"""A single pack PATH with one of these suffixes is a settings file, not an article."""

_KEYS = ("title", "subtitle", "organisation", "meeting", "classification", "paper", "sections")
_ARTICLE_SUFFIXES = (*SUFFIXES, ".json")
_MAX_SETTINGS = 1_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A heading of the pack and the articles under it, in order."""

    heading: str
    sources: tuple[tuple[Path, str], ...]
    """(path, display name) of each article."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PackSettings:
    """What a settings file gives; None where it gives nothing."""

    title: str | None = None
    subtitle: str | None = None
    organisation: str | None = None
    meeting: str | None = None
    """The meeting's date, ISO 8601."""
    classification: str | None = None
    paper: str | None = None
    sections: tuple[Section, ...] = ()

    def sources(self) -> list[tuple[Path, str]]:
        """Return every section's articles in order (an article named twice comes once)."""
        seen: set[Path] = set()
        out = []
        for section in self.sections:
            for path, display in section.sources:
                if path not in seen:
                    seen.add(path)
                    out.append((path, display))
        return out

    def section_sizes(self) -> list[tuple[str, int]]:
        """Return (heading, number of sources) per section, counting as `sources` does."""
        seen: set[Path] = set()
        sizes = []
        for section in self.sections:
            fresh = [p for p, _ in section.sources if p not in seen]
            seen.update(fresh)
            sizes.append((section.heading, len(fresh)))
        return sizes


def is_settings_file(path: str) -> bool:
    """Return True when the pack PATH `path` is a settings file (by its suffix)."""
    return path.lower().endswith(SETTINGS_SUFFIXES) and ".meta." not in Path(path).name


def load_settings(path: str) -> PackSettings:
    """Return the settings in the YAML file at `path`; raise `ConfigError` naming file and key."""
    shown = display_name(path)
    try:
        raw = read_bounded(Path(path), _MAX_SETTINGS)
    except TooLarge as exc:
        raise ConfigError(f"is larger than {_MAX_SETTINGS:,} bytes", subject=shown) from exc
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror or exc}", subject=shown) from exc
    try:
        data = parse_yaml(raw.decode("utf-8-sig"), shown)
    except UnicodeDecodeError as exc:
        raise ConfigError("is not UTF-8 text", subject=shown) from exc
    except SourceError as exc:
        raise ConfigError(exc.message, subject=exc.subject) from exc
    return _settings(data, Path(path).parent, shown)


def _fail(shown: str, key: str, message: str) -> ConfigError:
    return ConfigError(f"{key}: {message}", subject=shown)


def _text(data: dict[str, Any], key: str, shown: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list, bool)):
        raise _fail(shown, key, "expected text")
    return clean_inline(str(value)) or None


def _settings(data: dict[str, Any], base: Path, shown: str) -> PackSettings:
    for key in data:
        if key not in _KEYS:
            raise _fail(shown, key, "unknown key (expected one of " + ", ".join(_KEYS) + ")")
    meeting = None
    if data.get("meeting") is not None:
        meeting = iso_date(data["meeting"])
        if meeting is None:
            raise _fail(shown, "meeting", f"{data['meeting']!r} is not a date")
    paper = _text(data, "paper", shown)
    if paper is not None and paper.lower() not in ("a4", "letter"):
        raise _fail(shown, "paper", f"{paper!r} is not a4 or letter")
    sections = data.get("sections")
    if not sections:
        raise _fail(shown, "sections", "missing: list the articles under headings")
    if not isinstance(sections, list):
        raise _fail(shown, "sections", "expected a list of {heading, articles}")
    return PackSettings(
        title=_text(data, "title", shown), subtitle=_text(data, "subtitle", shown),
        organisation=_text(data, "organisation", shown), meeting=meeting,
        classification=_text(data, "classification", shown),
        paper=paper.lower() if paper else None,
        sections=tuple(_section(s, f"sections[{i}]", base, shown)
                       for i, s in enumerate(sections)))


def _section(value: Any, key: str, base: Path, shown: str) -> Section:
    if not isinstance(value, dict):
        raise _fail(shown, key, "expected a mapping with heading and articles")
    for name in value:
        if name not in ("heading", "articles"):
            raise _fail(shown, f"{key}.{name}", "unknown key (expected heading, articles)")
    heading = _text(value, "heading", shown) if "heading" in value else None
    if not heading:
        raise _fail(shown, f"{key}.heading", "missing")
    articles = value.get("articles")
    if isinstance(articles, str):
        articles = [articles]
    if not isinstance(articles, list) or not articles:
        raise _fail(shown, f"{key}.articles", "expected a list of paths or globs")
    found: list[tuple[Path, str]] = []
    for i, pattern in enumerate(articles):
        found.extend(_expand(pattern, f"{key}.articles[{i}]", base, shown))
    return Section(heading=heading, sources=tuple(found))


def _expand(pattern: Any, key: str, base: Path, shown: str) -> list[tuple[Path, str]]:
    """Return the articles a path or glob names, relative to `base` and never outside it."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise _fail(shown, key, "expected a path or glob")
    relative = Path(pattern)
    if relative.is_absolute() or ".." in relative.parts:
        raise _fail(shown, key, f"{pattern!r} leads out of the settings file's folder")
    root = base.resolve()
    if glob.has_magic(pattern):
        matches = sorted(Path(m) for m in glob.glob(pattern, root_dir=base, recursive=True))
        matches = [m for m in matches
                   if m.suffix.lower() in _ARTICLE_SUFFIXES and ".meta." not in m.name]
    else:
        matches = [relative]
    if not matches:
        raise _fail(shown, key, f"{pattern!r} matches no article")
    out = []
    for match in matches:
        path = base / match
        if not path.resolve().is_relative_to(root):
            raise _fail(shown, key, f"{str(match)!r} leads out of the settings file's folder")
        if not path.exists():
            raise _fail(shown, key, f"{str(match)!r}: no such file")
        if path.is_dir():
            raise _fail(shown, key, f"{str(match)!r} is a folder: name its files or a glob "
                                    "such as folder/*.html")
        out.append((path, display_name(str(path))))
    return out


__all__ = ["PackSettings", "Section", "is_settings_file", "load_settings"]
