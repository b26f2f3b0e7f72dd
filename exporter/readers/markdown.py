"""Markdown reader: CommonMark (+ YAML front matter, tables) in, an `Article` out.

Front matter gives the metadata (see `sidecar` for the keys). The first `# H1` is the title when
the front matter has none; other headings become body headings. Paragraphs, list items and block
quotations become numbered blocks; a quotation's last line `— Name, role` (or `-- Name`) becomes
its attribution. Emphasis, strong text and http/https/mailto links are kept as spans; code is
plain text; images are dropped (their alt text describes a picture, it is not the article's
prose). Raw HTML is never interpreted: with CommonMark's `html` option off it stays literal text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..model import Article, Meta, Source, Span
from . import source_hash
from .assemble import Builder, attribution_of
from .decode import decode
from .sidecar import apply_overrides, parse_yaml, text_value

if TYPE_CHECKING:
    from . import ReadLimits


def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark", {"html": False})
            .use(front_matter_plugin).enable(["table", "strikethrough"]))


def inline_runs(token: Token) -> list[Span]:
    """Return the runs of an inline token; line breaks become `\\n` (split on by quotations)."""
    runs: list[Span] = []
    strong = emphasis = 0
    hrefs: list[str | None] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            runs.append(Span(text=child.content, strong=strong > 0, emphasis=emphasis > 0,
                             href=next((h for h in reversed(hrefs) if h), None)))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Span(text="\n"))
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong = max(0, strong - 1)
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis = max(0, emphasis - 1)
        elif kind == "link_open":
            href = child.attrs.get("href")
            hrefs.append(str(href) if href is not None else None)
        elif kind == "link_close" and hrefs:
            hrefs.pop()
    return runs


def split_attribution(runs: list[Span]) -> tuple[list[Span], str | None]:
    """Return the runs without a final `— Name` line, and that line's speaker if there was one."""
    text = "".join(r.text for r in runs)
    head, sep, last = text.rpartition("\n")
    if not sep or not head.strip() or (who := attribution_of(last)) is None:
        return runs, None
    keep = len(head)
    kept: list[Span] = []
    used = 0
    for run in runs:
        if used >= keep:
            break
        part = run.text[: keep - used]
        kept.append(Span(text=part, strong=run.strong, emphasis=run.emphasis, href=run.href))
        used += len(run.text)
    return kept, who


def read(data: bytes, path: str, limits: ReadLimits) -> Article:
    """Return the article in the Markdown `data`."""
    text, encoding = decode(data, path)
    tokens = _parser().parse(text)
    front: dict[str, object] = {}
    if tokens and tokens[0].type == "front_matter":
        front = parse_yaml(tokens[0].content, path)
    builder = Builder(path)
    title: str | None = None
    lists: list[tuple[int, bool]] = []
    quote_depth = 0
    row: list[str] | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append((builder.new_list(), kind == "ordered_list_open"))
        elif kind in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth = max(0, quote_depth - 1)
        elif kind == "heading_open":
            inline = tokens[i + 1]
            heading = "".join(r.text for r in inline_runs(inline))
            level = int(token.tag[1:])
            if level == 1 and title is None and "title" not in front and not builder.headings \
                    and not builder.paragraphs:
                title = heading
            else:
                builder.add_heading(heading, level)
            i += 2
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            builder.add_paragraph(" | ".join(c for c in row if c))
            row = None
        elif kind == "inline" and row is not None:
            row.append(builder.clean(token.content))
        elif kind == "paragraph_open":
            runs = inline_runs(tokens[i + 1])
            i += 2
            if quote_depth:
                runs, who = split_attribution(runs)
                builder.add_paragraph("", kind="quote", runs=runs, attribution=who)
            elif (who := attribution_of("".join(r.text for r in runs))) is not None \
                    and builder.set_attribution(who):
                pass  # an attribution line just after the quotation it belongs to
            elif lists:
                list_id, ordered = lists[-1]
                builder.add_paragraph("", kind="list_item", runs=runs, list_id=list_id,
                                      ordered=ordered)
            else:
                builder.add_paragraph("", runs=runs)
        elif kind in ("fence", "code_block"):
            builder.add_paragraph(token.content, kind="quote" if quote_depth else "paragraph")
        i += 1
    meta = Meta()
    if isinstance(front.get("title"), (str, int, float)):
        title = text_value(front["title"])
    article = builder.article(
        title=title, meta=meta, authors=(),
        source=Source(path=path, format="markdown", encoding=encoding, sha256=source_hash(data)))
    return apply_overrides(article, front) if front else article
