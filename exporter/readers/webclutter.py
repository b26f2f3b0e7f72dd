"""Web furniture left in an article's body: prompts, cross-links, stamps, captions, notes.

Extraction keeps what sits inside the article's container, and pages put more there than the
article: newsletter and app prompts, `READ MORE: …` and `(MORE: …)` cross-links, lists of related
stories, "Updated …" stamps, picture credits, and correction notes. `Clutter` classifies each
block as the HTML reader walks them; the patterns are data (`data/web_clutter.txt`), each naming a
kind of text, never a site.

- `drop`: the block goes (prompts, cross-links, stamps, furniture lines);
- `lead`: a label opening a list of links (`Related stories`): it goes, and so do the short
  link lines after it, up to the next real paragraph;
- `note`: a correction, clarification or editor's note: it leaves the body for `Meta.notes`;
- `strip`: a piece cut out of a block that stays (a tweet button);
- a headline in capitals that is wholly a link goes too: a cross-link to another story;
- `credit`: a picture credit, cut out of a block, which goes whole when it ends with one (a
  caption: `Workers at the site. (Photo: Jane Doe/Reuters)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

Kind = Literal["drop", "lead", "note"]

_MAX_DROP_WORDS = 60
"""A prompt or stamp is short; a longer block that happens to match is article text."""
_MAX_NOTE_WORDS = 150
_MAX_LINK_LINE_WORDS = 20
_MIN_SHOUTED_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    raw = (resources.files(__package__) / "data" / "web_clutter.txt").read_text(encoding="utf-8")
    sections: dict[str, list[re.Pattern[str]]] = {}
    current = ""
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(re.compile(line, re.IGNORECASE))
    return {kind: tuple(found) for kind, found in sections.items()}


def classify(text: str) -> Kind | None:
    """Return what kind of furniture the block `text` is, or None for article text."""
    text = text.strip()
    words = len(text.split())
    patterns = _patterns()
    if words <= _MAX_NOTE_WORDS and any(p.fullmatch(text) for p in patterns["note"]):
        return "note"
    if words > _MAX_DROP_WORDS:
        return None
    if any(p.fullmatch(text) for p in patterns["lead"]):
        return "lead"
    if any(p.fullmatch(text) for p in patterns["drop"]):
        return "drop"
    return None


def strip_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) ranges of `text` to cut out: tweet buttons, picture credits."""
    patterns = _patterns()
    merged: list[tuple[int, int]] = []
    for start, end in sorted(m.span() for p in (*patterns["strip"], *patterns["credit"])
                             for m in p.finditer(text)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # overlapping matches: one cut
        else:
            merged.append((start, end))
    return merged


def is_caption(text: str) -> bool:
    """Return True for a short block that ends with a picture's credit: a caption."""
    text = text.rstrip()
    return len(text.split()) <= _MAX_DROP_WORDS and any(
        m.end() == len(text) and m.start() > 0
        for p in _patterns()["credit"] for m in p.finditer(text))


def is_link_line(text: str, linked: bool) -> bool:
    """Return True for a headline-like line in a list of links: short, no full stop, or a link."""
    words = len(text.split())
    return 0 < words <= _MAX_LINK_LINE_WORDS and (linked or not _SENTENCE_END.search(text))


def is_shouted_link(text: str) -> bool:
    """Return True for a headline in capitals that is wholly a link: a cross-link to another
    story (`SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'`), never the article's text."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= _MIN_SHOUTED_WORDS and bool(letters) \
        and all(c.isupper() for c in letters) and any(c.isascii() for c in letters)


@dataclass
class Clutter:
    """The state of one page's walk: inside a related-links run or not, and the notes found."""

    notes: list[str] = field(default_factory=list)
    in_links: bool = False

    def keep(self, text: str, linked: bool) -> bool:
        """Return True when the block `text` is article text; file notes on the way.

        `linked` says the whole block is one link, as the items of a related-stories list are.
        """
        if linked and is_shouted_link(text):
            return False
        kind = classify(text)
        if kind == "note":
            self.notes.append(" ".join(text.split()))
            return False
        if kind == "lead":
            self.in_links = True
            return False
        if kind == "drop":
            return False
        if self.in_links and is_link_line(text, linked):
            return False
        self.in_links = False
        return True

    def heading(self, text: str) -> bool:
        """Return True when the heading `text` is the article's; a related-links label is not."""
        if classify(text) == "lead":
            self.in_links = True
            return False
        self.in_links = False
        return True
