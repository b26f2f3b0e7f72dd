"""Inline runs -> ReportLab paragraph markup, built by hand so article text stays text.

ReportLab's paragraph parser reads `<`, `&` and attributes such as `color=` and `<img src=>`;
every character of content therefore goes through `escape` here and the only tags emitted are
the ones this module writes: <b>, <i>, <br/>, <font face> for glyph fallback, <a name> anchors
and <a href> links (http, https and mailto, or `#anchor` inside the document).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from reportlab.lib.fonts import ps2tt

from ... import fonts
from ...blocks import SAFE_LINK_SCHEMES, Inline, Inlines, paragraph_anchor

PIECE_CHARS = 3000
"""Paragraphs longer than this are laid out as several flowables: ReportLab's paragraph layout
grows quadratically with length, so a 120,000-word paragraph would otherwise take hours."""

REPLACEMENT = "\ufffd"
"""Drawn for a character no shipped face can set (see `exporter.fonts`)."""

MAX_LINK = 2048
"""Longest URL made into a link (the practical limit of browsers and servers)."""


def escape(text: str) -> str:
    """Return `text` safe inside paragraph markup, attribute values included."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def glyph_safe(text: str, face: str) -> str:
    """Return escaped `text`, with characters `face` lacks set in the other family's face.

    A character no face can set is drawn as U+FFFD, visibly and in the text layer alike
    (ReportLab would draw an empty box and drop it from the text layer, or, for an emoji Sans
    has, write a malformed text-layer entry); `fonts.uncovered_characters` names the originals.
    Invisible format characters the face lacks (zero-width joiners, BOM) are dropped.
    """
    odd = fonts.lacking(face, text)
    if not odd:
        return escape(text)
    out: list[str] = []
    run: list[str] = []
    run_face = face
    for char in text:
        target = face
        if char in odd:
            if unicodedata.category(char) == "Cf":
                continue
            found = fonts.face_for(char, face)
            if found is None:
                target, char = face, REPLACEMENT
            else:
                target = found
        if target != run_face and run:
            out.append(_in_face("".join(run), run_face, face))
            run = []
        run_face = target
        run.append(char)
    if run:
        out.append(_in_face("".join(run), run_face, face))
    return "".join(out)


def drawable(text: str, face: str) -> str:
    """Return `text` for a canvas string in `face`: what the face lacks becomes U+FFFD."""
    if not fonts.lacking(face, text):
        return text
    return "".join(c if fonts.covers(face, c) else REPLACEMENT for c in text
                   if fonts.covers(face, c) or unicodedata.category(c) != "Cf")


def _in_face(text: str, face: str, base: str) -> str:
    return escape(text) if face == base else f'<font face="{face}">{escape(text)}</font>'


class Anchors:
    """Unique PDF destination names for the anchors of one document, and ref resolution.

    A pack holds several articles, each with its own ¶1, ¶2, …, so an anchor name can occur
    more than once. Each occurrence gets its own destination; a ref resolves to the nearest
    occurrence after it (key points cite the full text that follows them), else the nearest
    before it.
    """

    def __init__(self) -> None:
        self._seen: dict[str, list[int]] = defaultdict(list)
        self._fallback: dict[str, list[int]] = defaultdict(list)

    def add(self, name: str, position: int, *, weak: bool = False) -> None:
        """Record anchor `name` at block `position`; weak anchors are used only if no other."""
        (self._fallback if weak else self._seen)[name].append(position)

    def _positions(self, name: str) -> list[int]:
        return self._seen.get(name) or self._fallback.get(name) or []

    def destination(self, name: str, position: int) -> str | None:
        """Return the destination of the anchor `name` defined at `position`, if it is one."""
        found = self._positions(name)
        if position not in found:
            return None
        index = found.index(position)
        return name if index == 0 else f"{name}~{index + 1}"

    def resolve(self, n: int, position: int, name: str | None = None) -> str | None:
        """Return the destination a ref to paragraph `n` (or anchor `name`) at `position`."""
        name = name or paragraph_anchor(n)
        found = self._positions(name)
        if not found:
            return None
        after = [p for p in found if p >= position]
        target = after[0] if after else found[-1]
        return self.destination(name, target)


def inline_markup(runs: Iterable[Inline], face: str, *, anchors: Anchors,
                  position: int, link: str, pages: Mapping[str, int] | None = None) -> str:
    """Return markup for `runs` set in `face` (its weight and slant are the base); links in
    the `link` colour (as markup writes it: `styles.markup_colour`)."""
    family, bold, italic = ps2tt(face)
    parts: list[str] = []
    for run in runs:
        if run.newline:
            parts.append("<br/>")
            continue
        run_face = fonts.face_name(fonts.family_of(family), bold=bool(bold) or run.strong,
                                   italic=bool(italic) or run.emphasis)
        if run.pageref is not None:
            # Until a layout pass has placed the anchor, reserve the width of a page number.
            page = (pages or {}).get(run.pageref)
            target = anchors.resolve(0, position, run.pageref)
            label = escape(str(page) if page is not None else "000")
            parts.append(f'<a href="#{escape(target)}" color="{link}">{label}</a>'
                         if target is not None and page is not None else label)
            continue
        text = glyph_safe(run.text, run_face)
        if run.strong:
            text = f"<b>{text}</b>"
        if run.emphasis:
            text = f"<i>{text}</i>"
        if run.ref is not None:
            target = anchors.resolve(run.ref, position, run.target)
            if target is not None:
                text = f'<a href="#{escape(target)}" color="{link}">{text}</a>'
        elif _linkable(run.href):
            assert run.href is not None
            text = f'<a href="{escape(run.href.strip())}" color="{link}">{text}</a>'
        parts.append(text)
    return "".join(parts)


def _linkable(href: str | None) -> bool:
    """Return whether `href` may become a link: a safe scheme and a sane length.

    ReportLab repeats the target in an annotation on every line the link text covers, so a
    20,000-character URL would add megabytes; such a URL stays visible as plain text.
    """
    return (href is not None and len(href) <= MAX_LINK
            and href.strip().lower().startswith(SAFE_LINK_SCHEMES))


def anchor_tag(destination: str | None) -> str:
    """Return the markup that makes a paragraph a link target."""
    return f'<a name="{escape(destination)}"/>' if destination else ""


def pieces(runs: Inlines, limit: int = PIECE_CHARS) -> list[Inlines]:
    """Split `runs` into pieces of at most about `limit` characters for layout.

    Cuts fall at a sentence end when there is one in the second half of the piece, else at a
    space, else (one enormous token) anywhere; no character is lost or duplicated.
    """
    if sum(len(r.text) for r in runs) <= limit:
        return [runs]
    out: list[Inlines] = []
    current: list[Inline] = []
    size = 0
    for run in runs:
        if run.newline or run.ref is not None:
            current.append(run)
            size += len(run.text)
            continue
        text = run.text
        while size + len(text) > limit:
            cut = _cut(text, limit - size)
            if cut == 0 and not current:
                cut = limit
            if cut:
                current.append(_with_text(run, text[:cut]))
                text = text[cut:]
            out.append(tuple(current))
            current, size = [], 0
        if text:
            current.append(_with_text(run, text))
            size += len(text)
    if current:
        out.append(tuple(current))
    return [p for p in out if any(r.text.strip() or r.newline for r in p)]


def _cut(text: str, room: int) -> int:
    """Return where to cut `text` to fill at most `room` characters (0: cut nothing)."""
    if room <= 0:
        return 0
    low = room // 2
    for mark in (". ", "? ", "! ", "; "):
        at = text.rfind(mark, low, room)
        if at >= 0:
            return at + len(mark)
    at = text.rfind(" ", low, room)
    return at + 1 if at >= 0 else 0


def _with_text(run: Inline, text: str) -> Inline:
    return Inline(text=text, strong=run.strong, emphasis=run.emphasis, href=run.href)


def plain_text(runs: Sequence[Inline]) -> str:
    """Return the runs' text on one line (bookmarks, running header)."""
    return " ".join("".join(" " if r.newline else r.text for r in runs).split())
