"""Shared assembly for the structured readers: cleaned blocks in, a numbered `Article` out.

The Markdown, HTML, DOCX and PDF readers each walk their own structure and hand the blocks they
find to a `Builder`, which normalises the text once (`normalise_text`), numbers the paragraphs in
reading order, anchors headings to the paragraph that follows them, merges inline runs, and keeps
only http, https and mailto links.

The body is then read for what the text reader finds in a raw dump (`front_and_closing`): a
masthead, date line or byline at the top, a dateline opening the first paragraph, and the bio,
rights and credits at the end. They leave the body and fill the fields the format's own
structure or metadata left empty: metadata wins, and an author's name is only ever one the
text gives.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Author, BlockKind, Dateline, Heading, Meta, Paragraph, Source, Span
from ..normalise import normalise_text, strip_controls
from .closing import Closing, attach_bios, publication_from_rights, split_closing
from .masthead import (
    Masthead,
    agency_of,
    byline_date,
    parse_byline,
    parse_dateline,
    parse_masthead,
    parse_signature,
)

_SAFE_HREF = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_ATTRIBUTION = re.compile(r"^\s*(?:[\u2014\u2015\u2013]|--?)\s*(?P<who>\S.*?)\s*$")
_MAX_HEAD_PARAGRAPHS = 4
_MAX_HEAD_CHARS = 200
# Stands for the last block that is not a plain paragraph, which closing matter never is.
_SENTINEL = ["\x00"]


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


def without_controls(article: Article) -> Article:
    """Return `article` with invisible controls removed from its title, authors and metadata.

    Every reader's result passes here once (see `normalise.strip_controls` for why); the body
    keeps its text as written.
    """
    changes: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    for item in dataclasses.fields(article.meta):
        value = getattr(article.meta, item.name)
        if isinstance(value, str) and (clean := strip_controls(value)) != value:
            meta[item.name] = clean
    if any(strip_controls(c) != c for c in article.meta.credits):
        meta["credits"] = tuple(strip_controls(c) for c in article.meta.credits)
    if meta:
        changes["meta"] = dataclasses.replace(article.meta, **meta)
    if (title := strip_controls(article.title)) != article.title:
        changes["title"] = " ".join(title.split())
    authors = tuple(Author(name=_strip(a.name), bio=_strip(a.bio)) for a in article.authors)
    if authors != article.authors:
        changes["authors"] = authors
    return dataclasses.replace(article, **changes) if changes else article


def _strip(text: str | None) -> str | None:
    return " ".join(strip_controls(text).split()) or None if text is not None else None


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
        meta, authors = self.front_and_closing(meta, authors, titled=bool(title))
        headings = _relevel(self.headings)
        clean_title = self.clean(title) if title else ""
        inferred = not clean_title
        if inferred:
            clean_title = infer(self.paragraphs, self.path)
        return Article(
            title=clean_title, title_inferred=inferred, meta=meta, authors=authors,
            paragraphs=tuple(self.paragraphs), headings=headings, source=source,
            warnings=tuple(dict.fromkeys((*self.warnings, *warnings))))


    def front_and_closing(self, meta: Meta, authors: tuple[Author, ...], *, titled: bool
                          ) -> tuple[Meta, tuple[Author, ...]]:
        """Take head and closing matter out of the body; return the metadata it completes."""
        masthead, byline, dated = self._take_head(titled)
        year_from = meta.date or (masthead.date if masthead else None) or dated
        dateline = self._take_dateline(int(year_from[:4]) if year_from else None) \
            if meta.dateline is None else None
        closing = self._take_closing()
        if not any((masthead, byline, dated, dateline, closing.rights, closing.credits,
                    closing.bios)):
            return meta, authors
        self._renumber()
        fill: dict[str, Any] = {}
        inferred = list(meta.inferred)
        if masthead is not None:
            for key in ("publication", "volume", "issue"):
                if getattr(meta, key) is None and getattr(masthead, key) is not None:
                    fill[key] = getattr(masthead, key)
        date = (masthead.date if masthead else None) or dated or (dateline.date if dateline
                                                                   else None)
        if meta.date is None and date is not None:
            fill["date"] = date
        rights = " ".join(closing.rights) or None
        if meta.rights is None and rights is not None:
            fill["rights"] = rights
        if not meta.credits and closing.credits:
            fill["credits"] = tuple(closing.credits)
        if dateline is not None:
            fill["dateline"] = dateline
        if meta.publication is None and "publication" not in fill:
            guess = (publication_from_rights(rights) if rights else None) \
                or (agency_of(dateline) if dateline else None)
            if guess is not None:
                fill["publication"] = guess
                inferred.append("publication")
        if not authors and byline:
            authors = tuple(Author(name=n) for n in byline)
        authors = attach_bios(authors, closing)
        return dataclasses.replace(meta, **fill, inferred=tuple(inferred)), authors

    def _take_head(self, titled: bool) -> tuple[Masthead | None, tuple[str, ...] | None,
                                                  str | None]:
        """Remove leading masthead, date and byline paragraphs; return what they gave."""
        masthead: Masthead | None = None
        byline: tuple[str, ...] | None = None
        dated: str | None = None
        taken = 0
        for paragraph in self.paragraphs[:_MAX_HEAD_PARAGRAPHS]:
            text = paragraph.text
            if paragraph.kind != "paragraph" or len(text) > _MAX_HEAD_CHARS:
                break
            found = parse_masthead(text)
            if found is not None and (found.certain or (titled and taken == 0)):
                if found.volume is None and found.issue is None and not found.publication:
                    if dated is not None:
                        break
                    dated = found.date
                elif masthead is None:
                    masthead = found
                else:
                    break
            elif byline is None and (names := parse_byline(text)) is not None:
                byline, dated = names, dated or byline_date(text)
            elif byline is None and (titled or masthead) and (name := parse_signature(text)):
                byline, dated = (name,), dated or byline_date(text)
            else:
                break
            taken += 1
        if taken == len(self.paragraphs):
            return None, None, None  # a text that is all head matter is really body
        del self.paragraphs[:taken]
        return masthead, byline, dated

    def _take_dateline(self, year: int | None) -> Dateline | None:
        """Remove a dateline opening the first paragraph and return it."""
        if not self.paragraphs or self.paragraphs[0].kind != "paragraph":
            return None
        first = self.paragraphs[0]
        # `SHANGHAI:` standing alone, the story in the next paragraph (a page's markup split them).
        if len(self.paragraphs) > 1 and len(first.text) <= 60 \
                and (alone := parse_dateline(first.text + " X", year)) is not None \
                and alone[1] == "X":
            del self.paragraphs[0]
            return alone[0]
        found = parse_dateline(first.text, year, loose=True)
        if found is None:
            return None
        dateline, rest = found
        cut = len(first.text) - len(rest)
        self.paragraphs[0] = dataclasses.replace(first, text=rest,
                                                 spans=_cut_spans(first.spans, cut))
        return dateline

    def _take_closing(self) -> Closing:
        """Remove the bio, rights and credits paragraphs that end the body, and return them."""
        start = len(self.paragraphs)
        while start > 0 and self.paragraphs[start - 1].kind == "paragraph":
            start -= 1
        run = [[p.text] for p in self.paragraphs[start:]]
        blocks = [_SENTINEL, *run] if start > 0 else run
        body, closing = split_closing(blocks)
        del self.paragraphs[len(self.paragraphs) - (len(blocks) - len(body)):]
        return closing

    def _renumber(self) -> None:
        """Number the paragraphs from 1 again and keep each heading before its paragraph."""
        old = [p.n for p in self.paragraphs]
        self.paragraphs = [dataclasses.replace(p, n=i) for i, p in enumerate(self.paragraphs, 1)]
        after = len(self.paragraphs) + 1
        self.headings = [dataclasses.replace(
            h, paragraph=next((i for i, n in enumerate(old, 1) if n >= h.paragraph), after))
            for h in self.headings]


def _cut_spans(spans: tuple[Span, ...], cut: int) -> tuple[Span, ...]:
    """Return `spans` without their first `cut` characters (and the space after them)."""
    out: list[Span] = []
    for span in spans:
        if cut >= len(span.text):
            cut -= len(span.text)
            continue
        text = span.text[cut:]
        cut = 0
        if not out:
            text = text.lstrip()
        if text:
            out.append(dataclasses.replace(span, text=text))
    return tuple(out) if any(s.strong or s.emphasis or s.href for s in out) else ()


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


PLACEHOLDER_AUTHORS = frozenset({
    "python-docx", "microsoft office user", "administrator", "user", "author", "unknown",
    "anonymous", "(anonymous)", "reportlab", "(unspecified)", "unspecified",
})
"""Author names that tools write by default; they name no one and are never taken."""


def real_author(name: str) -> bool:
    """Return True when `name` (from file metadata) is a person's name, not a tool default."""
    return bool(name.strip()) and name.strip().lower() not in PLACEHOLDER_AUTHORS

