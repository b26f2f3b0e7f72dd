"""Wrapping: styled runs in, lines no wider than a box out, measured with `metrics`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .metrics import Metrics
from .outline import Item, Run, merge_runs

LEADING = 1.2
"""Line pitch as a multiple of the font size; decks set it as exact line spacing."""
WIDTH_SAFETY = 0.98
"""Fraction of a box's width used for wrapping: absorbs EMU and twip rounding in renderers."""

@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line."""

    runs: tuple[Run, ...]
    width: float
    hard: bool = False
    """Ended by a line break in the text (not by wrapping)."""

    @property
    def text(self) -> str:
        """Return the line's characters."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class PlacedItem:
    """An item wrapped at a size."""

    item: Item
    size: float
    lines: tuple[Line, ...]
    indent: float
    """Left margin of the text in points (bullet hangs in it)."""
    space_before: float

    @property
    def leading(self) -> float:
        """Return the line pitch in points."""
        return self.size * LEADING

    @property
    def height(self) -> float:
        """Return the height the item takes, including its space before."""
        return self.space_before + len(self.lines) * self.leading



# --- wrapping ----------------------------------------------------------------------------------


CACHED_CHARACTERS = 600
"""Longest text (characters) whose words and wrapped lines are cached: a slide's bullets and
cells, not a book-length paragraph, whose lines at every size tried would all stay in memory."""
CACHED_TEXTS = 1024
"""Most texts cached: one article's deck, whose Markdown outline reuses the PPTX's lines."""


def _cacheable(runs: tuple[Run, ...]) -> bool:
    return sum(len(run.text) for run in runs) <= CACHED_CHARACTERS


def _tokens(runs: Sequence[Run]) -> tuple[tuple[Run, ...], ...]:
    """Split runs into words (each word keeps its trailing spaces); `\\n` is its own token."""
    key = tuple(runs)
    return _cached_tokens(key) if _cacheable(key) else _split_words(key)


def _split_words(runs: tuple[Run, ...]) -> tuple[tuple[Run, ...], ...]:
    # Runs are built directly, as `dataclasses.replace` is slow.
    tokens: list[list[Run]] = [[]]
    for run in runs:
        start = 0
        text = run.text
        bold, italic, muted, href = run.bold, run.italic, run.muted, run.href
        end = len(text)
        i = 0
        while i < end:
            char = text[i]
            if char == "\n":
                if i > start:
                    tokens[-1].append(Run(text[start:i], bold, italic, muted, href))
                tokens.append([Run("\n", bold, italic, muted, href)])
                tokens.append([])
                start = i + 1
            elif char == " " and (i + 1 == end or text[i + 1] != " "):
                tokens[-1].append(Run(text[start:i + 1], bold, italic, muted, href))
                tokens.append([])
                start = i + 1
            i += 1
        if start < end:
            tokens[-1].append(Run(text[start:], bold, italic, muted, href))
    return tuple(tuple(t) for t in tokens if t)


def _width(runs: Iterable[Run], size: float, metrics: Metrics, *, trim: bool = False) -> float:
    parts = list(runs)
    total = 0.0
    for n, run in enumerate(parts):
        text = run.text.rstrip(" ") if trim and n == len(parts) - 1 else run.text
        total += metrics.width(text, size, run.bold)
    return total


def _word_widths(word: tuple[Run, ...], size: float, metrics: Metrics) -> tuple[float, float]:
    """Return `_width(word, trim=True)` and `_width(word)`, measured in one pass: the two sums
    share every term but the last, added in the same order, so each is the very float the
    other way gives."""
    total = 0.0
    for run in word[:-1]:
        total += metrics.width(run.text, size, run.bold)
    last = word[-1]
    full = metrics.width(last.text, size, last.bold)
    trimmed_text = last.text.rstrip(" ")
    trimmed = (full if trimmed_text == last.text
               else metrics.width(trimmed_text, size, last.bold))
    return total + trimmed, total + full


def _break_word(word: Sequence[Run], first: float, width: float, size: float,
                metrics: Metrics) -> list[list[Run]]:
    """Break a word wider than a line at characters (as renderers do), first piece `first` wide."""
    pieces: list[list[Run]] = [[]]
    room = first
    used = 0.0
    for run in word:
        buf = ""
        for char in run.text:
            w = metrics.width(char, size, run.bold)
            if used + w > room and (buf or pieces[-1]):
                if buf:
                    pieces[-1].append(replace(run, text=buf))
                pieces.append([])
                buf, used, room = "", 0.0, width
            buf += char
            used += w
        if buf:
            pieces[-1].append(replace(run, text=buf))
    return [p for p in pieces if p]


def wrap(runs: Sequence[Run], width: float, size: float, metrics: Metrics) -> tuple[Line, ...]:
    """Return `runs` wrapped greedily into lines at most `width` points wide."""
    key = tuple(runs)
    if _cacheable(key):
        return _cached_wrap(key, width, size, metrics)
    return _wrap(key, width, size, metrics)


def _wrap(runs: tuple[Run, ...], width: float, size: float,
          metrics: Metrics) -> tuple[Line, ...]:
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0
    """Width of `current` including its trailing spaces."""

    def flush(hard: bool = False) -> None:
        nonlocal used
        lines.append(Line(merge_runs(current), _width(current, size, metrics, trim=True), hard))
        current.clear()
        used = 0.0

    for word in _tokens(runs):
        if word[0].text == "\n":
            flush(hard=True)
            continue
        need, full = _word_widths(word, size, metrics)
        if used + need <= width:
            current.extend(word)
            used += full
            continue
        if current and need <= width:
            flush()
            current.extend(word)
            used = full
            continue
        # A word longer than a line: start it on a fresh line, then break it at characters.
        if current:
            flush()
        pieces = _break_word(word, width, width, size, metrics)
        for piece in pieces[:-1]:
            current.extend(piece)
            flush()
        current.extend(pieces[-1])
        used = _width(pieces[-1], size, metrics)
    if current or not lines:
        flush()
    return tuple(lines)


# Cached (lines are immutable): fitting a slide wraps its text at each size it tries, and the
# Markdown outline lays out exactly the slides the PPTX does.
_cached_tokens = lru_cache(maxsize=CACHED_TEXTS)(_split_words)
_cached_wrap = lru_cache(maxsize=CACHED_TEXTS)(_wrap)


def place(item: Item, width: float, size: float, metrics: Metrics, *, first: bool) -> PlacedItem:
    """Return `item` wrapped at body size `size` in a box `width` points wide."""
    item_size = round(size * item.scale, 1)
    indent = item.indent * size
    lines = wrap(item.runs, (width - indent) * WIDTH_SAFETY, item_size, metrics)
    space = 0.0 if first or item.continued else _space_before(item, size)
    return PlacedItem(item=item, size=item_size, lines=lines, indent=indent, space_before=space)


def _space_before(item: Item, size: float) -> float:
    if item.kind == "attribution":
        return round(0.3 * size, 1)
    if item.kind == "heading":
        return round(0.8 * size, 1)
    return round(0.5 * size, 1)


def place_all(items: Sequence[Item], width: float, size: float,
              metrics: Metrics) -> tuple[PlacedItem, ...]:
    """Return every item placed at `size`, the first without space before."""
    return tuple(place(item, width, size, metrics, first=n == 0) for n, item in enumerate(items))


def text_height(placed: Iterable[PlacedItem]) -> float:
    """Return the height of placed items stacked."""
    return sum(p.height for p in placed)



def runs_of_lines(lines: Sequence[Line]) -> tuple[Run, ...]:
    """Join wrapped lines back into the runs they came from (soft wraps keep their spaces)."""
    out: list[Run] = []
    for n, line in enumerate(lines):
        out.extend(line.runs)
        if line.hard and n < len(lines) - 1:
            out.append(Run("\n"))
    return merge_runs(out)




__all__ = ["LEADING", "WIDTH_SAFETY", "Line", "PlacedItem", "place", "place_all", "runs_of_lines",
           "text_height", "wrap"]
