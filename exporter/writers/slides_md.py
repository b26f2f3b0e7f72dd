"""The slide outline: a slide document in, Markdown that Marp presents and Pandoc reads (bytes).

Marp front matter (valid YAML, which Pandoc reads as metadata), `---` between slides, `# Title`
on each, speaker notes as Marp's HTML comments after the content. Article text is escaped so it
can never become Markdown, HTML, math, a citation or a Marp directive, in either tool.
"""

from __future__ import annotations

import base64
import io
import json
import re
from collections.abc import Callable, Sequence

from ..blocks import (
    Document,
    Inline,
    Inlines,
    Slide,
)
from ..options import MdFlavour, RenderOptions
from . import images
from .deck import decor
from .deck.metrics import CONSERVATIVE
from .deck.outline import Run, deck_slides, deck_survey, inline_text, slide_text
from .deck.paginate import (
    Cell,
    ImageFrame,
    Page,
    TableFrame,
    TextFrame,
    layout_slide,
    page_notes,
)
from .deck.shape import deck_shape
from .images import Picture


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
        shape = deck_shape(options)

        def pictures(src: str) -> Picture:
            return images.picture(src, options)

        out = io.BytesIO()
        out.write((front_matter(doc, options) + "\n").encode("utf-8"))
        n = 0
        for slide in deck_slides(doc):
            # Split exactly as the PPTX is: the deck's pages, measured with the deck's metrics.
            pages = layout_slide(slide, shape.width, shape.height, metrics=CONSERVATIVE,
                                 geometry=shape.geometry(slide.layout), agenda=agenda,
                                 aspects=images.aspects(options))
            notes = inline_text(slide.notes).strip() or slide_text(slide, agenda)
            for page in pages:
                text = page_markdown(slide, page, page_notes(slide, page, notes),
                                     options.md_flavour, pictures)
                out.write((("\n---\n\n" if n else "") + text).encode("utf-8"))
                n += 1
        return out.getvalue().rstrip(b"\n") + b"\n"


# --- escaping ----------------------------------------------------------------------------------

# Characters with a meaning somewhere in CommonMark, Marp or Pandoc's Markdown: emphasis, code,
# links, raw HTML, math, sub/superscript, tables and line blocks, attributes and templates.
# Each is escaped by a translation table: a substitution with a template called back into
# Python for every character escaped (a deck's ~200 texts took ~40% of the Markdown write).
_SIGNIFICANT = "\\`*_[]<>|~^$#{}"
_ESCAPED = str.maketrans({c: "\\" + c for c in _SIGNIFICANT})
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_CITATION = re.compile(r"(?<![A-Za-z0-9])@")
_EMOJI = re.compile(r":([A-Za-z_+-][A-Za-z0-9_+-]*|100|1234):")
# At the start of a line: list markers, ordered-list numbers, setext/thematic rules, definitions.
_LINE_START = re.compile(r"^(\s*)(\d{1,9})([.)])|^(\s*)([-+=:])")


def escape_inline(text: str) -> str:
    """Return `text` with every Markdown-significant character backslash-escaped."""
    text = text.translate(_ESCAPED)
    # The patterns below are tried only on text holding the character each needs.
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if "@" in text:
        text = _CITATION.sub(r"\\@", text)
    if ":" in text:
        # Marp turns `:name:` into an emoji image even when escaped; an empty comment splits it.
        text = _EMOJI.sub(r":\1<!-- -->:", text)
    return text


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
    lines.append("style: |")
    lines.extend("  " + rule for rule in marp_style(options))
    lines.append("---")
    return "\n".join(lines) + "\n"


def marp_style(options: RenderOptions) -> list[str]:
    """Return the CSS that gives Marp's slides the deck's look (`deck.decor`): its colours,
    the band under title and section slides, the bar and rule of content slides, the brand's
    typefaces and, on the title slide, its logo. (Pandoc keeps the `style` as metadata.)"""
    lk = decor.look(options.theme)
    pal, size = lk.builtin, lk.sizes
    rules = [
        # The deck's geometry in points (Marp's 1280 × 720 px slide is 960 × 540 pt), so text
        # set at the deck's sizes (each slide's scoped style) fits where the deck's fits.
        "section { padding: 40pt 48pt 48pt 48pt; line-height: 1.2; justify-content: "
        "flex-start; }",
        "section h1 { margin: 0 0 22pt; line-height: 1.2; }",
        "section p, section ul, section ol, section blockquote, section table, section h2 "
        "{ margin: 0.5em 0 0; }",
        "section li { margin: 0.5em 0 0; } section ul, section ol { padding-left: 1.1em; }",
        "section th, section td { padding: 3pt 6pt; }",
        "section.lead { padding: 0 64pt; justify-content: center; }",
        f"section {{ color: #{pal.ink}; border-left: {size.side_bar:g}pt solid #{lk.accent}; }}",
        f"section h1 {{ color: #{pal.title}; border-bottom: 1.5pt solid #{lk.rule}; }}",
        f"section.lead {{ background: #{lk.accent}; color: #{pal.dark_body}; border-left: 0; "
        f"border-bottom: {size.band:g}pt solid #{lk.band}; }}",
        f"section.lead h1 {{ color: #{pal.dark_title}; border-bottom: 0; }}",
        f"section th {{ background: #{pal.header_fill}; color: #{lk.light}; }}",
        f"header, footer, section::after {{ color: #{pal.muted}; }}",
    ]
    if lk.fonts is not None:
        heading, body = lk.fonts
        rules.append(f"section {{ font-family: {json.dumps(body)}, sans-serif; }}")
        rules.append(f"section h1, section h2 {{ font-family: {json.dumps(heading)}, "
                     "sans-serif; }")
    logo = options.theme.logo if options.theme else None
    if logo is not None:
        data = base64.b64encode(logo.data).decode("ascii")
        rules.append(f"section.lead {{ background-image: url('data:{logo.mime};base64,{data}'); "
                     f"background-repeat: no-repeat; background-size: auto "
                     f"{size.logo_height:g}pt; background-position: right "
                     f"{size.footer_margin:g}pt top {size.footer_margin * 0.75:g}pt; }}")
    return rules


# --- slides ------------------------------------------------------------------------------------


def page_markdown(slide: Slide, page: Page, notes: str, flavour: MdFlavour = "marp",
                  pictures: Callable[[str], Picture] | None = None) -> str:
    """Return one page of the deck as a slide: directives, `# Title`, the page's text at the
    sizes the deck sets it (a scoped style), then the notes."""
    parts: list[str] = []
    title = escape_line_start(escape_inline(" ".join(page.title_text.split())))
    parts.append(f"# {title}" if title else "# \\-")
    directives = []
    if slide.layout in ("title", "section"):
        # Marp's default theme centres a `lead` slide; the title slide drops the running head.
        # After the heading, not before: Pandoc would make a slide of anything preceding it.
        directives = ["<!-- _class: lead -->"]
        if slide.layout == "title":
            directives += ["<!-- _paginate: false -->", '<!-- _header: "" -->']
    body_size = next((f.size for f in page.body if not isinstance(f, ImageFrame)),
                     page.title.size)
    directives.append(f"<style scoped>section {{ font-size: {body_size:g}pt; }} "
                      f"h1 {{ font-size: {page.title.size:g}pt; }}</style>")
    parts.append("\n".join(directives))
    for frame in page.body:
        if isinstance(frame, TableFrame):
            parts.append(_frame_table(frame))
        elif isinstance(frame, ImageFrame):
            parts.append(_frame_image(frame, pictures))
        else:
            parts.extend(_frame_text(frame))
    parts.append(notes_markdown(notes, flavour))
    return "\n\n".join(p for p in parts if p) + "\n"


def notes_markdown(notes: str, flavour: MdFlavour) -> str:
    """Return speaker notes as Marp reads them (a comment) or as Pandoc does (a notes div)."""
    if flavour == "marp":
        return notes_comment(notes)
    lines = [escape_line_start(escape_inline(line.strip())) for line in notes.split("\n")]
    body = "\n\n".join(line for line in lines if line)
    return f"::: notes\n{body}\n:::"


def runs_markdown(runs: Sequence[Run]) -> str:
    """Return laid-out runs (deck text) as Markdown lines joined by `\\n`."""
    return inline_markdown(tuple(Inline(text=run.text, strong=run.bold, emphasis=run.italic,
                                        href=run.href) for run in runs))


_MARKERS = {"bullet": "- ", "quote": "> ", "attribution": "> ", "heading": "## "}


def _frame_text(frame: TextFrame) -> list[str]:
    """Return a text frame's items as Markdown blocks (a list's items as one block)."""
    out: list[str] = []
    for placed in frame.items:
        item = placed.item
        text = runs_markdown(item.runs)
        kind = "para" if item.continued and item.kind in ("bullet", "number") else item.kind
        marker = f"{item.number or 1}. " if kind == "number" else _MARKERS.get(kind, "")
        if kind == "heading":
            block = marker + text.replace("\n", " ")
        elif kind in ("quote", "attribution"):
            block = _lines(text, marker, marker)
        else:
            block = _lines(text, marker, " " * len(marker))
        joins = out and ((kind in ("bullet", "number") and out[-1][:1] in "-0123456789")
                         or (kind == "attribution" and out[-1].startswith("> ")))
        if joins:
            out[-1] += ("\n>\n" if kind == "attribution" else "\n") + block
        else:
            out.append(block)
    return out


def _frame_image(frame: ImageFrame, pictures: Callable[[str], Picture] | None) -> str:
    """Return the picture as Markdown with its bytes inline (a data URI), at the deck's size."""
    assert pictures is not None, "a page with a picture needs `pictures`"
    found = pictures(frame.src)
    data = base64.b64encode(found.data).decode("ascii")
    alt = escape_inline(frame.alt)
    return (f"<style scoped>img {{ width: {frame.rect.w:g}pt; }}</style>\n\n"
            f"![{alt}](data:{found.mime};base64,{data})")


def _frame_table(frame: TableFrame) -> str:
    # A header row is bold in both tools already; a key column's cells are set bold.
    rows = [[_cell_text(cell, plain=frame.header and n == 0) for cell in row]
            for n, row in enumerate(frame.rows)]
    columns = max((len(r) for r in rows), default=1)

    def row(cells: Sequence[str]) -> str:
        padded = list(cells) + [" "] * (columns - len(cells))
        return "| " + " | ".join(padded) + " |"

    header, body = (rows[0], rows[1:]) if frame.header and rows else ([" "] * columns, rows)
    lines = [f"<style scoped>table {{ font-size: {frame.size:g}pt; }}</style>", "",
             row(header), "|" + "|".join("---" for _ in range(columns)) + "|"]
    lines.extend(row(cells) for cells in body)
    return "\n".join(lines)


def _cell_text(cell: Cell, *, plain: bool = False) -> str:
    runs = [Run(run.text, bold=not plain and (run.bold or cell.bold), italic=run.italic,
                href=run.href) for line in cell.lines for run in (*line.runs, Run(" "))]
    return runs_markdown(runs).replace("\n", " ").strip() or " "


__all__ = ["MarkdownSlidesWriter", "escape_inline", "notes_comment"]
