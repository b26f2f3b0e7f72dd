"""Front-matter fields and sidecar files: metadata a person wrote down, over what a reader found.

Markdown front matter and a sidecar `<stem>.meta.yaml` / `<stem>.meta.yml` / `<stem>.meta.toml`
beside any source use the same keys: `title`, `subtitle`, `author` / `authors` (a name, a list of
names, or mappings with `name` and `bio`), `date`, `publication`, `volume`, `issue`, `source` /
`url`, `rights`, `classification`, `language`. A key given here wins over what the reader read or
inferred, and the field is no longer marked as inferred. A sidecar may also correct the analysis
(`speakers`, `drop_actors`, `key_points`, `drop_timeline`: see `exporter.corrections`).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import yaml

from ..dates import iso_date
from ..errors import SourceError
from ..model import Article, Author
from ..normalise import clean_inline
from .sidecar_files import read_sidecar

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CORRECTION_KEYS = frozenset({"speakers", "drop_actors", "key_points", "drop_timeline"})
"""Keys that correct the analysis rather than the article (applied by `exporter.corrections`
after analysis, from a sidecar file only)."""

KEYS = frozenset({"title", "subtitle", "author", "authors", "date", "publication", "volume",
                  "issue", "source", "url", "rights", "classification", "language",
                  *CORRECTION_KEYS})
"""Keys understood; others are reported in a warning and ignored."""

_MAX_DEPTH = 50
"""Deepest nesting of lists and mappings in metadata (the keys above need two levels)."""
_MAX_DIGITS = 30
"""Longest whole number kept in a string; a volume past this is not a number anyone wrote."""


def load_sidecar(path: Path, found: tuple[Path, bytes] | None = None) -> dict[str, Any] | None:
    """Return the overrides in the sidecar of the source at `path`, or None if it has none.

    `found` is what `read_sidecar(path)` returned, when the caller has read it already.
    """
    found = found or read_sidecar(path)
    if found is None:
        return None
    file, raw = found
    display = str(path.with_name(file.name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(display, "is not UTF-8 text") from exc
    if file.name.endswith(".toml"):
        return parse_toml(text, display)
    return parse_yaml(text, display)


class _MetadataLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases and with bounded nesting.

    An alias (`*name`) repeats a node without copying it, so 700 bytes can stand for billions of
    strings that anything walking the value (a warning's text, a cache record) expands;
    metadata never needs one. Nesting is bounded because the composer recurses per level.
    """

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in metadata", event.start_mark)
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {_MAX_DEPTH} levels deep",
                    self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def parse_yaml(text: str, display: str) -> dict[str, Any]:
    """Return the mapping in YAML `text` (safe loader only); raise `SourceError` otherwise."""
    try:
        data = yaml.load(text, Loader=_MetadataLoader)
    except yaml.YAMLError as exc:
        line = None
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = int(mark.line) + 1
        raise SourceError(display, f"invalid YAML metadata: {getattr(exc, 'problem', exc)}",
                          line=line) from exc
    except (ValueError, OverflowError) as exc:
        # A value that looks like a date or a number but is none (`2017-13-45`, 5,000 digits).
        raise SourceError(display, f"invalid YAML metadata: {_reason(exc)}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(display, "metadata must be a mapping of keys to values")
    return {str(k): v for k, v in data.items()}


def parse_toml(text: str, display: str) -> dict[str, Any]:
    """Return the table in TOML `text`; raise `SourceError` otherwise."""
    try:
        return dict(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(display, f"invalid TOML metadata: {exc}") from exc
    except RecursionError as exc:  # tomllib recurses once per level of nesting
        raise SourceError(display, "invalid TOML metadata: nested too deep") from exc
    except (ValueError, OverflowError) as exc:
        raise SourceError(display, f"invalid TOML metadata: {_reason(exc)}") from exc


def _reason(exc: Exception) -> str:
    """Return the first clause of a library's message, on one line and short."""
    text = " ".join(str(exc).split(";")[0].split())
    return text if len(text) <= 100 else text[:100] + "…"


def excerpt(value: object, limit: int = 40) -> str:
    """Return a short, one-line description of a metadata value for a message.

    Never `repr()` the value: a list or mapping may be huge, and a 5,000-digit number cannot
    even be turned into text.
    """
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 100:
        return "a very large number"
    text = " ".join(str(value).split())
    return repr(text if len(text) <= limit else text[:limit] + "…")


def text_value(value: object) -> str | None:
    """Return a scalar metadata value as one clean line of text (None for lists, mappings)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, int) and value.bit_length() > 100:
        return None  # str() refuses numbers past 4,300 digits; none is a title or a name
    text = clean_inline(str(value))
    return text or None


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value.bit_length() <= 100 else None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= _MAX_DIGITS:
        return int(value.strip())
    return None


def authors_of(value: object) -> tuple[Author, ...]:
    """Return the authors given as a name, a list of names, or mappings with `name` and `bio`."""
    items = value if isinstance(value, list) else [value]
    authors: list[Author] = []
    for item in items:
        if isinstance(item, dict):
            name, bio = text_value(item.get("name")), text_value(item.get("bio"))
            if name or bio:
                authors.append(Author(name=name, bio=bio))
        elif (name := text_value(item)) is not None:
            authors.append(Author(name=name))
    return tuple(authors)


def apply_overrides(article: Article, data: dict[str, Any]) -> Article:
    """Return `article` with the fields given in `data` (front matter or a sidecar) replaced."""
    meta: dict[str, Any] = {}
    overridden: set[str] = set()
    changes: dict[str, Any] = {}
    warnings: list[str] = []
    unknown = sorted(k for k in data if k not in KEYS)
    if unknown:
        warnings.append(f"ignored metadata key(s): {', '.join(unknown)}")
    if (title := text_value(data.get("title"))) is not None:
        changes["title"] = title
        changes["title_inferred"] = False
    for key in ("author", "authors"):
        if key in data and (authors := authors_of(data[key])):
            changes["authors"] = authors
    for key in ("subtitle", "publication", "rights", "classification", "language"):
        if (text := text_value(data.get(key))) is not None:
            meta[key] = text
    for key in ("source", "url"):
        if (text := text_value(data.get(key))) is not None:
            meta["url"] = text
    for key in ("volume", "issue"):
        if key in data:
            if (number := _number(data[key])) is not None:
                meta[key] = number
            else:
                warnings.append(f"ignored metadata {key}: {excerpt(data[key])} is not a whole "
                                "number")
    if "date" in data:
        if (date := iso_date(data["date"])) is not None:
            meta["date"] = date
        else:
            warnings.append(f"ignored metadata date: {excerpt(data['date'])} is not a date")
    overridden.update(meta)
    if meta or overridden:
        inferred = tuple(f for f in article.meta.inferred if f not in overridden)
        changes["meta"] = dataclasses.replace(article.meta, **meta, inferred=inferred)
    if warnings:
        changes["warnings"] = (*article.warnings, *warnings)
    return dataclasses.replace(article, **changes) if changes else article

