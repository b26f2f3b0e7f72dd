"""Shared assembly for the structured readers: cleaned blocks in, a numbered `Article` out.

The Markdown, HTML, DOCX and PDF readers each walk their own structure and hand the blocks they
find to a `Builder`, which normalises the text once (`normalise_text`), numbers the paragraphs in
reading order, anchors headings to the paragraph that follows them, merges inline runs, and keeps
only http, https and mailto links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Author, BlockKind, Heading, Meta, Paragraph, Source, Span
from ..normalise import normalise_text

_SAFE_HREF = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_ATTRIBUTION = re.compile(r"^\s*(?:[\u2014\u2015\u2013]|--?)\s*(?P<who>\S.*?)\s*$")


def safe_href(href: str | None) -> str | None:
    """Return `href` when it is an http, https or mailto address, else None."""
    if not href:
        return None
    href = href.strip()
    return href if _SAFE_HREF.match(href) else None


def attribution_of(line: str) -> str | None:
    """Return the speaker of a `— Name, role` / `-- Name` line, or None for any other line."""
    match = _ATTRIBUTION.match(line)
    if not match or len(line) > 200:
        return None
    return match.group("who")


@dataclass
class Builder:
    """Collect body blocks in reading order and turn them into an `Article`."""

    path: str
    """Source name used in the model and in messages."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _list_ids: int = 0

    def clean(self, text: str) -> str:
        """Return `text` normalised, on one line; warnings about removed characters are kept."""
        text, warnings = normalise_text(text)
        for warning in warnings:
            if warning not in self.warnings:
                self.warnings.append(warning)
        return _SPACES.sub(" ", text).strip()

    def new_list(self) -> int:
        """Return a fresh list id."""
        self._list_ids += 1
        return self._list_ids

    def spans(self, runs: list[Span]) -> tuple[Span, ...]:
        """Return `runs` cleaned and merged; empty when none carries any formatting."""
        merged: list[Span] = []
        for run in runs:
            text = normalise_text(run.text)[0]
            text = _SPACES.sub(" ", text)
            if merged and merged[-1].text.endswith(" "):
                text = text.lstrip()  # one space where dropped runs (images) left two
            if not text:
                continue
            href = safe_href(run.href)
            if merged and (merged[-1].strong, merged[-1].emphasis, merged[-1].href) == (
                    run.strong, run.emphasis, href):
                last = merged.pop()
                text = last.text + text
            merged.append(Span(text=text, strong=run.strong, emphasis=run.emphasis, href=href))
        # Trim the outer white space so the spans concatenate to exactly the paragraph text.
        while merged and not merged[0].text.strip():
            merged.pop(0)
        while merged and not merged[-1].text.strip():
            merged.pop()
        if merged:
            first, last = merged[0], merged[-1]
            merged[0] = Span(text=first.text.lstrip(), strong=first.strong,
                             emphasis=first.emphasis, href=first.href)
            last = merged[-1]
            merged[-1] = Span(text=last.text.rstrip(), strong=last.strong,
                              emphasis=last.emphasis, href=last.href)
        if not any(s.strong or s.emphasis or s.href for s in merged):
            return ()
        return tuple(merged)

    def add_paragraph(self, text: str, *, kind: BlockKind = "paragraph",
                      runs: list[Span] | None = None, list_id: int | None = None,
                      ordered: bool = False, attribution: str | None = None) -> None:
        """Append a body block unless its text is empty."""
        if runs is not None:
            text = "".join(r.text for r in runs)
        spans = self.spans(runs) if runs else ()
        text = "".join(s.text for s in spans) if spans else self.clean(text)
        if spans:
            self.clean(text)  # only for the warnings; the spans are already clean
        if not text:
            return
        self.paragraphs.append(Paragraph(
            n=len(self.paragraphs) + 1, text=text, kind=kind, spans=spans,
            list_id=list_id if kind == "list_item" else None,
            ordered=ordered if kind == "list_item" else False,
            attribution=self.clean(attribution) or None if attribution else None))

    def set_attribution(self, attribution: str) -> bool:
        """Attach `attribution` to the last block if it is a quotation; return True if it was."""
        if not self.paragraphs or self.paragraphs[-1].kind != "quote":
            return False
        last = self.paragraphs[-1]
        self.paragraphs[-1] = Paragraph(n=last.n, text=last.text, kind=last.kind,
                                        spans=last.spans, attribution=self.clean(attribution))
        return True

    def add_heading(self, text: str, level: int) -> None:
        """Append a body heading, anchored to the next paragraph."""
        text = self.clean(text)
        if text:
            self.headings.append(Heading(text=text, paragraph=len(self.paragraphs) + 1,
                                         level=level))

    def article(self, *, title: str | None, meta: Meta, authors: tuple[Author, ...],
                source: Source, warnings: tuple[str, ...] = ()) -> Article:
        """Return the article; without a title one is inferred from the body."""
        headings = _relevel(self.headings)
        clean_title = self.clean(title) if title else ""
        inferred = not clean_title
        if inferred:
            clean_title = infer(self.paragraphs, self.path)
        return Article(
            title=clean_title, title_inferred=inferred, meta=meta, authors=authors,
            paragraphs=tuple(self.paragraphs), headings=headings, source=source,
            warnings=tuple(dict.fromkeys((*self.warnings, *warnings))))


def _relevel(headings: list[Heading]) -> tuple[Heading, ...]:
    """Return headings with levels shifted so the highest one used in the body is 1."""
    if not headings:
        return ()
    top = min(h.level for h in headings)
    return tuple(Heading(text=h.text, paragraph=h.paragraph, level=h.level - top + 1)
                 for h in headings)


def infer(paragraphs: list[Paragraph], path: str) -> str:
    """Return a title made from the body, for sources that have none."""
    from .title import infer_title  # the text reader's inference, shared by every format

    return infer_title([p.text for p in paragraphs], path)
