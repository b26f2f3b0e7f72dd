"""Pack-level analysis: many analysed articles in, stories and a pack overview out.

Works on the articles' template data (the `inspect --json` form, as a pack stores them), one
article at a time, so a long pack never holds every article in memory at once.

- **Stories.** Two articles report the same story when their *story similarity* reaches
  `SAME_STORY` (0.5). The similarity is `0.8 × C + 0.2 × J`, where `C` is the containment of
  their body texts' word 4-shingles (the share of the shorter text's shingles found in the
  other: 1.0 when one report is wholly inside the other, whatever their lengths) and `J` is the
  Jaccard index of the people and organisations they name. Stories are the connected
  components of that relation. Text dominates because wire copy reprinted by several outlets
  shares most of its shingles; actors lift a rewritten report of the same event over the line
  only when its wording also overlaps heavily.
- **Overview.** The pack's main developments (at most `MAX_DEVELOPMENTS` key points, taken in
  turn from the largest stories down, then from those whose actors recur most across the pack;
  none sharing `SAME_POINT` of its content words with one already taken), a merged timeline
  (events of the same date whose wording overlaps are one row listing every article that
  reports them), and the actors named by most articles.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .terms import STOP_WORDS

SHINGLE = 4
"""Words per shingle."""
SAME_STORY = 0.5
"""Story similarity at or above which two articles report the same story."""
TEXT_WEIGHT = 0.8
"""Weight of shingle containment in the story similarity (the actors' Jaccard gets the rest)."""
MAX_DEVELOPMENTS = 8
SAME_POINT = 0.5
"""Share of content words (Jaccard) at which two developments say the same thing."""
SAME_EVENT = 0.3
"""Share of content words (Jaccard) at which two events of the same date are one event."""
MAX_TIMELINE = 12
"""Rows of the merged timeline: the events most articles report, then shown by date."""
MAX_ACTORS = 10

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What story detection needs of one article."""

    shingles: frozenset[int]
    actors: frozenset[str]
    words: int


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> frozenset[str]:
    """Return the words of `text` that carry meaning (case-folded, no stop words or numbers)."""
    return frozenset(w for w in _words(text) if w not in STOP_WORDS and len(w) > 2
                     and not w.isdigit())


def fingerprint(article: dict[str, Any]) -> Fingerprint:
    """Return the shingles, named actors and length of one article's data."""
    words: list[str] = []
    for paragraph in article["paragraphs"]:
        words.extend(_words(paragraph["text"]))
    shingles = frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
                         for i in range(max(1, len(words) - SHINGLE + 1)))
    actors = frozenset(a["name"].casefold() for a in article["actors"]
                       if a["kind"] in ("person", "organisation"))
    return Fingerprint(shingles=shingles, actors=actors, words=len(words))


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def story_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Return how likely `a` and `b` report the same story, from 0 to 1 (see the module)."""
    small, large = (a.shingles, b.shingles) if len(a.shingles) <= len(b.shingles) \
        else (b.shingles, a.shingles)
    containment = len(small & large) / len(small) if small else 0.0
    return TEXT_WEIGHT * containment + (1 - TEXT_WEIGHT) * _jaccard(a.actors, b.actors)


def find_stories(prints: Sequence[Fingerprint]) -> list[list[int]]:
    """Return the articles (indexes into `prints`) grouped by story, each group in input order
    and the groups in order of their first article."""
    parent = list(range(len(prints)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(prints)):
        for j in range(i + 1, len(prints)):
            # Containment cannot reach the threshold unless the texts share a shingle at all;
            # `isdisjoint` stops at the first common one, which keeps 200 articles cheap.
            if prints[i].shingles.isdisjoint(prints[j].shingles):
                continue
            if story_similarity(prints[i], prints[j]) >= SAME_STORY:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(prints)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def fullest(group: Sequence[int], prints: Sequence[Fingerprint]) -> int:
    """Return the member of `group` with the most words (the first of equals)."""
    return max(group, key=lambda i: (prints[i].words, -i))


def overview(articles: Iterable[dict[str, Any]], story_of: dict[int, int],
             reports: dict[int, int], index: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Return the pack overview: `developments`, `timeline` and `actors` (plain data).

    `articles` are the pack's articles in order (each with `number` and `prefix`); `story_of`
    maps an article's number to its story (one id for every report of one story), `reports`
    a story to its number of reports (counting those `--dedupe` left out); `index` is the
    pack's actor index (`exporter.packing.actor_index`).
    """
    candidates: dict[int, list[dict[str, Any]]] = {}
    rows: list[dict[str, Any]] = []
    for a in articles:
        number, prefix = a["number"], a["prefix"]
        story = story_of.get(number, -number)
        candidates.setdefault(story, []).extend(
            {"text": k["text"], "article": number, "title": a["title"],
             "paragraph": k["paragraph"], "target": f"{prefix}p{k['paragraph']}",
             "anchor": a["anchor"],
             "reports": reports.get(story, 1), "score": k["score"]}
            for k in a["key_points"])
        for event in a["timeline"]:
            _merge_event(rows, event, number, prefix, a["anchor"])
    return {"developments": _developments(list(candidates.values()), _shared_actors(index)),
            "timeline": _timeline(rows), "actors": _common_actors(index)}


def _shared_actors(index: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Return, per article number, how many of its actors other articles name too."""
    shared: dict[int, int] = {}
    for entry in index:
        numbers = {e["article"] for e in entry["entries"]}
        if len(numbers) > 1:
            for n in numbers:
                shared[n] = shared.get(n, 0) + 1
    return shared


def _developments(candidates: list[list[dict[str, Any]]],
                  shared: dict[int, int]) -> list[dict[str, Any]]:
    """Take each story's best points in turn, skipping a point that says what one already
    taken says. Stories come most-reported first, then those whose actors recur most across
    the pack (the pack's common thread), then in pack order."""
    for points in candidates:
        points.sort(key=lambda p: -p["score"])  # stable: the fullest report wins ties

    def rank(i: int) -> tuple[int, int, int]:
        points = candidates[i]
        if not points:
            return (0, 0, i)
        centrality = max(shared.get(p["article"], 0) for p in points)
        return (-points[0]["reports"], -centrality, i)

    order = sorted(range(len(candidates)), key=rank)
    chosen: list[dict[str, Any]] = []
    seen: list[frozenset[str]] = []
    taken = [0] * len(candidates)
    for _ in range(3):  # at most three points from any one story
        for i in order:
            while taken[i] < len(candidates[i]) and len(chosen) < MAX_DEVELOPMENTS:
                point = candidates[i][taken[i]]
                taken[i] += 1
                words = content_words(point["text"])
                if not any(_jaccard(words, other) >= SAME_POINT for other in seen):
                    chosen.append({k: v for k, v in point.items() if k != "score"})
                    seen.append(words)
                    break
    return chosen


def _merge_event(rows: list[dict[str, Any]], event: dict[str, Any], number: int,
                 prefix: str, anchor: str) -> None:
    words = content_words(event["text"])
    report = {"article": number, "paragraph": event["paragraph"],
              "target": f"{prefix}p{event['paragraph']}", "anchor": anchor}
    for row in rows:
        if row["date"] == event["date"] and _jaccard(words, row["words"]) >= SAME_EVENT:
            if all(r["article"] != number for r in row["reports"]):
                row["reports"].append(report)
            return
    rank = sum(1 for row in rows if row["reports"][0]["article"] == number)
    rows.append({"date": event["date"], "text": event["text"], "words": words,
                 "reports": [report], "rank": rank})


def _timeline(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the rows most articles report (at most `MAX_TIMELINE`), by date.

    Among rows reported equally often, each article's first events come before any article's
    second, so a pack of unrelated articles does not fill the table from its first one.
    """
    ranked = sorted(range(len(rows)),
                    key=lambda i: (-len(rows[i]["reports"]), rows[i]["rank"], i))
    kept = sorted(ranked[:MAX_TIMELINE], key=lambda i: (rows[i]["date"], i))
    return [{k: v for k, v in rows[i].items() if k not in ("words", "rank")} for i in kept]


def _common_actors(index: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the actors named by most articles (by at least two when any are)."""
    counted = [(len({e["article"] for e in entry["entries"]}), entry) for entry in index]
    counted.sort(key=lambda c: (-c[0], c[1]["name"].casefold()))
    shared = [c for c in counted if c[0] >= 2] or counted
    return [{"name": e["name"], "kind": e["kind"], "articles": n}
            for n, e in shared[:MAX_ACTORS]]


__all__ = [
    "MAX_DEVELOPMENTS",
    "SAME_STORY",
    "Fingerprint",
    "find_stories",
    "fingerprint",
    "fullest",
    "overview",
    "story_similarity",
]
