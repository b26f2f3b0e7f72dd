"""The slide outline: a slide document in, Markdown that Marp presents and Pandoc reads (bytes).

Marp front matter (valid YAML, which Pandoc reads as metadata), `---` between slides, `# Title`
on each, speaker notes as Marp's HTML comments after the content. Article text is escaped so it
can never become Markdown, HTML, math, a citation or a Marp directive, in either tool.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence

from ..blocks import (
    Block,
    Box,
    Document,
    Fields,
    Heading,
    Inlines,
    ListBlock,
    PageBreak,
    Para,
    Quote,
    Slide,
    Table,
    Toc,
    assert_never,
)
from ..options import RenderOptions
from .deck.outline import deck_slides, deck_survey, inline_text, slide_text


class MarkdownSlidesWriter:
    """Render a slide document as Marp / Pandoc Markdown."""

    name = "md"
    suffix = ".md"
    template = "slides.xml.j2"
    output = "slides.md"

    def write(self, doc: Document, options: RenderOptions) -> bytes:
        """Return the slide outline for `doc` as UTF-8 Markdown."""
        # Two passes over the slides, never all of them at once: the section titles first
        # (an agenda slide lists them), then the Markdown, encoded slide by slide.
        agenda, _ = deck_survey(doc)
        out = io.BytesIO()
        out.write((front_matter(doc, options) + "\n").encode("utf-8"))
        for n, slide in enumerate(deck_slides(doc)):
            out.write((("\n---\n\n" if n else "") + slide_markdown(slide, agenda)).encode("utf-8"))
        return out.getvalue().rstrip(b"\n") + b"\n"


# --- escaping ----------------------------------------------------------------------------------

# Characters with a meaning somewhere in CommonMark, Marp or Pandoc's Markdown: emphasis, code,
# links, raw HTML, math, sub/superscript, tables and line blocks, attributes and templates.
_ALWAYS = re.compile(r"([\\`*_\[\]<>|~^$#{}])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_CITATION = re.compile(r"(?<![A-Za-z0-9])@")
_EMOJI = re.compile(r":([A-Za-z_+-][A-Za-z0-9_+-]*|100|1234):")
# At the start of a line: list markers, ordered-list numbers, setext/thematic rules, definitions.
_LINE_START = re.compile(r"^(\s*)(\d{1,9})([.)])|^(\s*)([-+=:])")


def escape_inline(text: str) -> str:
    """Return `text` with every Markdown-significant character backslash-escaped."""
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _CITATION.sub(r"\\@", text)
    # Marp turns `:name:` into an emoji image even when escaped; an empty comment splits it.
    return _EMOJI.sub(r":\1<!-- -->:", text)


def escape_line_start(text: str) -> str:
    """Escape what would make a line a list item, rule, heading underline or definition."""

    def fix(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
        return f"{match.group(4)}\\{match.group(5)}"

    return _LINE_START.sub(fix, text, count=1)


def inline_markdown(inlines: Inlines) -> str:
    """Return inline content as Markdown lines joined by `\\n` (hard breaks added by callers)."""
    out: list[str] = []
    for run in inlines:
        if run.newline:
            out.append("\n")
            continue
        if run.ref is not None:
            out.append(f"({escape_inline(run.text or f'¶{run.ref}')})")
            continue
        text = escape_inline(run.text)
        core = text.strip(" ")
        if core and (run.strong or run.emphasis):
            # Delimiters must hug the text or CommonMark ignores them.
            lead = text[: len(text) - len(text.lstrip(" "))]
            trail = text[len(text.rstrip(" ")):]
            mark = "**" if run.strong else ""
            mark += "*" if run.emphasis else ""
            core = f"{mark}{core}{mark[::-1]}"
            text = f"{lead}{core}{trail}"
        if run.href and core:
            target = _safe_url(run.href)
            text = f"[{text.strip(' ')}]({target})"
        out.append(text)
    joined = "".join(out)
    return "\n".join(escape_line_start(line.strip(" ")) for line in joined.split("\n"))


def _safe_url(url: str) -> str:
    """Return `url` with the characters that would end a Markdown link target percent-encoded."""
    table = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C",
             "`": "%60", "\n": ""}
    return "".join(table.get(c, c) for c in url)


def _lines(text: str, prefix: str, follow: str) -> str:
    """Return text with line breaks as hard breaks, the first line after `prefix`."""
    parts = text.split("\n")
    out = [prefix + parts[0]]
    out.extend(follow + part for part in parts[1:])
    return "\\\n".join(out)


def _yaml_string(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar; both tools read the value as Markdown.
    return json.dumps(escape_inline(" ".join(text.split())), ensure_ascii=False)


def notes_comment(text: str) -> str:
    """Return speaker notes as a Marp note comment that nothing in `text` can end or subvert."""
    # A hyphen pair could close the comment ("-->", "--!>"); a zero-width space keeps them apart.
    body = text.replace("--", "-\u200b-").replace("--", "-\u200b-")
    lines = [line.rstrip() for line in body.split("\n")]
    body = "\n".join(line for line in lines if line.strip())
    # Marp reads a comment that parses as a YAML mapping as directives (`class: x`, `header:`).
    # A first line without a colon, followed by other lines, is never a mapping; alone, a scalar.
    return f"<!--\nSpeaker notes\n{body}\n-->"


def front_matter(doc: Document, options: RenderOptions) -> str:
    """Return the Marp front matter: global directives, valid YAML for Pandoc as well."""
    header = doc.meta.header or doc.meta.title
    footer = doc.meta.title
    lines = ["---", "marp: true", "theme: default", "paginate: true"]
    if options.classification:
        # The marking goes at the top and the bottom of every slide.
        header = options.classification
        footer = " · ".join(p for p in (options.classification, doc.meta.title) if p)
    if header:
        lines.append(f"header: {_yaml_string(header)}")
    if footer:
        lines.append(f"footer: {_yaml_string(footer)}")
    # No `title:`: Pandoc would add a title slide of its own before ours.
    if doc.meta.lang:
        lines.append(f"lang: {json.dumps(doc.meta.lang)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


# --- slides ------------------------------------------------------------------------------------


def slide_markdown(slide: Slide, agenda: Sequence[str] = ()) -> str:
    """Return one slide: spot directives, `# Title`, the body, then the notes."""
    parts: list[str] = []
    title = escape_line_start(escape_inline(" ".join(slide.title.split())))
    parts.append(f"# {title}" if title else "# \\-")
    if slide.layout in ("title", "section"):
        # Marp's default theme centres a `lead` slide; the title slide drops the running head.
        # After the heading, not before: Pandoc would make a slide of anything preceding it.
        directives = ["<!-- _class: lead -->"]
        if slide.layout == "title":
            directives += ["<!-- _paginate: false -->", '<!-- _header: "" -->']
        parts.append("\n".join(directives))
    parts.extend(block_markdown(block, agenda) for block in slide.children)
    notes = inline_text(slide.notes).strip() or slide_text(slide, agenda)
    # Every slide has notes, as in the deck: the slide's own text when the template gave none.
    parts.append(notes_comment(notes or slide.title.strip() or "(no notes)"))
    return "\n\n".join(p for p in parts if p) + "\n"


def block_markdown(block: Block, agenda: Sequence[str] = ()) -> str:
    """Return one block of a slide's body as Markdown."""
    match block:
        case Para():
            text = inline_markdown(block.content)
            plain_run = all(not (r.strong or r.emphasis or r.href) for r in block.content)
            if block.style in ("meta", "small", "note") and text and plain_run:
                # Secondary lines (bylines, sources) in italics, line by line.
                text = "\n".join(f"*{line}*" if line else line for line in text.split("\n"))
            return _lines(text, "", "")
        case Heading():
            return "## " + inline_markdown(block.content).replace("\n", " ")
        case ListBlock():
            items = []
            for n, item in enumerate(block.items, start=1):
                marker = f"{n}. " if block.ordered else "- "
                text = inline_markdown(item.content).rstrip()
                if item.ref is not None:
                    text += f" (¶{item.ref})"
                items.append(_lines(text, marker, " " * len(marker)))
            return "\n".join(items)
        case Quote():
            text = _lines(inline_markdown(block.content), "> ", "> ")
            if block.attribution or block.ref is not None:
                who = f"— {escape_inline(block.attribution)}" if block.attribution else "—"
                if block.ref is not None:
                    who += f" (¶{block.ref})"
                text += f"\n>\n> {who}"
            return text
        case Table():
            return _table(block)
        case Fields():
            return "\n".join(
                f"- **{escape_inline(name)}:** " + inline_markdown(value).replace("\n", " ")
                for name, value in block.rows)
        case PageBreak():
            return ""
        case Toc():
            return "\n".join(f"- {escape_inline(title)}" for title in agenda)
        case Box():
            inner = [f"**{escape_inline(block.title)}**"] if block.title else []
            inner.extend(block_markdown(child, agenda) for child in block.children)
            return "\n\n".join(p for p in inner if p)
        case Slide():
            # Slides do not nest; a nested one reads as a headed section of this one.
            inner = [f"## {escape_inline(block.title)}"]
            inner.extend(block_markdown(child, agenda) for child in block.children)
            return "\n\n".join(p for p in inner if p)
        case _:
            assert_never(block)


def _cell(inlines: Inlines) -> str:
    text = inline_markdown(inlines).replace("\n", " ").strip()
    return text or " "


def _table(table: Table) -> str:
    columns = max([len(table.header or ())] + [len(row) for row in table.rows] + [1])

    def row(cells: Sequence[str]) -> str:
        padded = list(cells) + [" "] * (columns - len(cells))
        return "| " + " | ".join(padded) + " |"

    # Pipe tables need a header row in both tools; a blank one stands in when there is none.
    header = [_cell(c) for c in table.header] if table.header else [" "] * columns
    lines = [row(header), "|" + "|".join("---" for _ in range(columns)) + "|"]
    lines.extend(row([_cell(c) for c in cells]) for cells in table.rows)
    if table.caption:
        lines.append("")
        lines.append(f"*{escape_inline(table.caption)}*")
    return "\n".join(lines)


__all__ = ["MarkdownSlidesWriter", "escape_inline", "notes_comment"]
