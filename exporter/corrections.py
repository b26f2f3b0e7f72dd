"""Corrections a person writes in a sidecar, applied to a briefing after analysis.

A `<stem>.meta.yaml` beside a source may fix what analysis got wrong without touching JSON:

```yaml
speakers:                 # quote number (as listed, from 1) or the start of its text → name
  2: Grace Tembo
  "A long stoppage": Robert Siame
drop_actors: [Reuters]    # actor names (or aliases) that are not actors of the story
key_points:               # pinned: replace the ranked key points, in this order
  - The union rejected a 6% offer.
drop_timeline: ["2019"]   # events whose date, or the start of whose text, is given
```

This is the one place corrections happen: after `analyse`, before any template. Each entry that
matches nothing is reported as a warning on the article, so a typo never silently does nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from .model import Actor, Article, Briefing, Event, KeyPoint, Quote
from .readers.sidecar import CORRECTION_KEYS as KEYS


def _fold(text: str) -> str:
    """Return `text` for matching: case-folded, whitespace collapsed, curly quotes made plain."""
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    return " ".join(text.casefold().split())


def _names(value: object, key: str, warnings: list[str]) -> list[str]:
    """Return a list of non-empty strings given as one string or a list; warn on the rest."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) \
                and str(item).strip():
            out.append(str(item).strip())
        else:
            warnings.append(f"ignored {key} entry {item!r}: expected text")
    return out


def apply_corrections(briefing: Briefing, data: Mapping[str, Any]) -> Briefing:
    """Return `briefing` with the sidecar corrections in `data` applied (other keys ignored)."""
    warnings: list[str] = []
    changes: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[Briefing, Any, list[str]], dict[str, Any]]]] = [
        ("speakers", _speakers), ("drop_actors", _drop_actors),
        ("key_points", _key_points), ("drop_timeline", _drop_timeline)]
    for key, step in steps:
        if key in data and data[key] is not None:
            changes.update(step(dataclasses.replace(briefing, **changes), data[key], warnings))
    if warnings:
        article = briefing.article
        changes["article"] = dataclasses.replace(article, warnings=(*article.warnings, *warnings))
    return dataclasses.replace(briefing, **changes) if changes else briefing


def _speakers(briefing: Briefing, value: Any, warnings: list[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        warnings.append("ignored speakers: expected a mapping of quote number or text to name")
        return {}
    quotes = list(briefing.quotes)
    points = list(briefing.key_points)
    actors = {_fold(a.name): a for a in briefing.actors}
    for key, name in value.items():
        if not isinstance(name, str) or not name.strip():
            warnings.append(f"ignored speakers entry {key!r}: the speaker must be a name")
            continue
        hits = _quotes_matching(quotes, key)
        if not hits:
            warnings.append(f"speakers: {key!r} matches no quotation")
            continue
        name = " ".join(name.split())
        actor = actors.get(_fold(name))
        for i in hits:
            old = quotes[i]
            # A person named the speaker: it is explicit now, however analysis found it.
            quotes[i] = dataclasses.replace(
                old, speaker=name, attribution="explicit",
                speaker_role=actor.role if actor else None,
                speaker_kind=_speaker_kind(actor) if actor else "unknown")
            # A key point lifted from inside this quotation is said by the same person.
            for j, point in enumerate(points):
                if point.speaker == old.speaker and point.paragraph == old.paragraph \
                        and _fold(point.text).rstrip(".") in _fold(old.text):
                    points[j] = dataclasses.replace(point, speaker=name)
    return {"quotes": tuple(quotes), "key_points": tuple(points)}


def _quotes_matching(quotes: list[Quote], key: object) -> list[int]:
    """Return the indexes of the quotations `key` names: a number from 1, or a text prefix."""
    if isinstance(key, int) and not isinstance(key, bool):
        return [key - 1] if 1 <= key <= len(quotes) else []
    prefix = _fold(str(key))
    return [i for i, q in enumerate(quotes) if prefix and _fold(q.text).startswith(prefix)]


def _speaker_kind(actor: Actor) -> Any:
    kind = actor.kind.value
    return kind if kind in ("person", "organisation", "group") else "unknown"


def _drop_actors(briefing: Briefing, value: Any, warnings: list[str]) -> dict[str, Any]:
    names = _names(value, "drop_actors", warnings)
    kept: list[Actor] = list(briefing.actors)
    for name in names:
        wanted = _fold(name)
        remaining = [a for a in kept
                     if wanted != _fold(a.name) and wanted not in map(_fold, a.aliases)]
        if len(remaining) == len(kept):
            warnings.append(f"drop_actors: {name!r} matches no actor")
        kept = remaining
    return {"actors": tuple(kept)}


def _key_points(briefing: Briefing, value: Any, warnings: list[str]) -> dict[str, Any]:
    texts = _names(value, "key_points", warnings)
    points = []
    for n, text in enumerate(texts, 1):
        paragraph = _paragraph_of(briefing.article, text)
        if paragraph is None:
            paragraph = _closest_paragraph(briefing.article, text)
            warnings.append(f"key_points: point {n} is not in the article's text; it cites "
                            f"¶{paragraph}, the paragraph sharing most of its words")
        points.append(KeyPoint(text=" ".join(text.split()), paragraph=paragraph))
    return {"key_points": tuple(points)}


def _paragraph_of(article: Article, text: str) -> int | None:
    wanted = _fold(text).rstrip(".")
    for p in article.paragraphs:
        if wanted and wanted in _fold(p.text):
            return p.n
    return None


def _closest_paragraph(article: Article, text: str) -> int:
    words = set(_fold(text).split())
    best = max(article.paragraphs, key=lambda p: (len(words & set(_fold(p.text).split())), -p.n))
    return best.n


def _drop_timeline(briefing: Briefing, value: Any, warnings: list[str]) -> dict[str, Any]:
    entries = _names(value, "drop_timeline", warnings)
    kept: list[Event] = list(briefing.timeline)
    for entry in entries:
        wanted = _fold(entry)
        remaining = [e for e in kept
                     if wanted not in (_fold(e.date), _fold(e.date_text))
                     and not _fold(e.text).startswith(wanted)]
        if len(remaining) == len(kept):
            warnings.append(f"drop_timeline: {entry!r} matches no event")
        kept = remaining
    return {"timeline": tuple(kept)}


__all__ = ["KEYS", "apply_corrections"]
