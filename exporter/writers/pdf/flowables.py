"""The few flowables ReportLab lacks: margin ¶ numbers, outline entries, right-page breaks."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from reportlab.lib import rl_accel
from reportlab.lib.abag import ABag
from reportlab.lib.colors import toColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, paragraph
from reportlab.platypus import Image as PdfImage
from reportlab.platypus.doctemplate import BaseDocTemplate, FrameActionFlowable
from reportlab.platypus.flowables import PageBreak
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser, known_entities

from ... import fonts
from .markup import anchor_tag
from .tagging import BBox, LineEndText, Tag, Tagger


@dataclass(frozen=True, slots=True)
class Entry:
    """A heading's place in the bookmarks and the table of contents."""

    level: int
    """0 for a level-1 heading."""
    text: str
    """Plain text, for the bookmark."""
    markup: str
    """Escaped markup, for the table of contents (which parses it)."""
    key: str
    """Destination name the bookmark and contents line jump to."""


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that may carry a ¶ number in the left margin and an outline entry, and is
    tagged as the structure element `tag` (a list item's bullet as `label_tag`).

    Number, entry and bullet stay with the first fragment when ReportLab splits the paragraph
    across pages; both fragments keep the tag, so they are one element. `continues` says more
    of the element follows (the next fragment or layout piece), so its last line ends a word.
    """

    label: str | None = None
    label_look: tuple[str, Any] = (fonts.SANS, None)
    """(face, colour) of the ¶ label, from the theme."""
    entry: Entry | None = None
    anchor: str | None = None
    """Anchor name whose page <pageref> runs show."""
    destination: str | None = None
    """Destination name of the link target the paragraph is, placed by `draw` (see `_setup`)."""
    tag: Tag | None = None
    label_tag: Tag | None = None
    continues: bool = False
    _broken: tuple[list[float], Any, Any] | None = None
    """(wrap widths, frags, lines) of the last line breaking (see `breakLines`)."""

    def __init__(self, text: Any, style: Any = None, *args: Any,
                 destination: str | None = None, **kwargs: Any) -> None:
        self.destination = destination
        super().__init__(text, style, *args, **kwargs)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any,
               cleaner: Any) -> None:
        """Set up as ReportLab does; text without markup skips the markup parser (two thirds
        of a briefing's paragraphs: `plain_frags`), and so does most text with markup
        (`markup_frags`).

        Text whose only markup is the escaped characters `markup.escape` writes (a quotation's
        straight quotes, an ampersand) is set as the one fragment of the characters it shows,
        not one fragment per escape as the parser makes it; and a `destination` opens the text
        as an anchor (`<a name>`), as ReportLab places it, unless the text is otherwise plain
        (a briefing's body paragraphs), where `draw` places it. Several fragments put a
        paragraph on ReportLab's line breaking and drawing of several, 3.4 times the time of
        one fragment's (600 µs against 180 for a 100-word paragraph). The lines, the text and
        the destination are the same, but for a first word wider than the line: ReportLab never
        splits the word an anchor fragment opens, and it ran past the margin.
        """
        if frags is None and isinstance(text, str):
            if cleaner is cleanBlockQuotedText:
                cleaner = clean_text
            raw, shown = text, unescaped(text)
            if shown is not None:
                text = cleaner(text)
                # An escape holds no space: cleaning before or after unescaping is the same.
                shown = text if shown is raw else unescaped(text)
            if self.destination is not None and not (
                    shown is not None and self._places_destination(shown, style, bulletText)):
                text, shown = anchor_tag(self.destination) + raw, None
                self.destination = None
            if shown is not None:
                # Nothing left (an empty cell): the parser makes no fragment either.
                frags = plain_frags(shown, style) if shown else []
            else:
                cleaned = cleaner(text)
                made = markup_frags(cleaned, style)
                if made is not None:
                    text, frags = cleaned, made
        super()._setup(text, style, bulletText, frags, cleaner)

    @staticmethod
    def _places_destination(shown: str, style: Any, bullet: Any) -> bool:
        """Return whether `draw` places the destination of a paragraph showing `shown` (its
        cleaned text without markup) in `style`: text that leaves ReportLab a first line
        (`paragraph.strip` is what it drops), in a style whose first line `_place_destination`
        finds as ReportLab does (no bullet, no leading fitted to the line, no bidirectional
        text)."""
        return (bullet is None and getattr(style, "autoLeading", "") not in ("min", "max")
                and str(style.wordWrap or "").upper() not in ("RTL", "LTR")
                and bool(paragraph.strip(shown)))

    def _place_destination(self) -> None:
        """Make the first line the destination, where ReportLab puts an anchor fragment that
        opens the text: at the line's start as aligned, one leading above its top."""
        para = self.blPara
        if not para.lines:
            return
        first = para.lines[0]
        style = self.style
        if para.kind == 0:
            extra, top = first[0], para  # one fragment: the paragraph holds the line's sizes
        else:
            extra, top = first.extraSpace, first
        x = style.firstLineIndent + getattr(self, "_offsets", [0])[0]
        if extra > -1e-8 and style.alignment in (TA_CENTER, TA_RIGHT):
            x += 0.5 * extra if style.alignment == TA_CENTER else extra
        y = self.height - (top.fontSize if paragraph.paraFontSizeHeightOffset
                           else getattr(top, "ascent", top.fontSize))
        self.canv.bookmarkHorizontal(self.destination, x + style.leftIndent, y + style.leading)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            parts[0].label, parts[0].entry = self.label, self.entry
            parts[0].label_look = self.label_look
            parts[0].anchor, parts[0].destination = self.anchor, self.destination
            parts[1].label = parts[1].entry = parts[1].anchor = parts[1].destination = None
            parts[0].tag = parts[1].tag = self.tag
            parts[0].label_tag, parts[0].continues = self.label_tag, True
            parts[1].continues = self.continues
        return parts

    def breakLines(self, width: Any, *args: Any, **kwargs: Any) -> Any:
        """Break the lines once per width, not at every wrap.

        A table row taller than a page (a cell listing thousands of ¶ references, in many
        pieces) is split at each page, and ReportLab wraps every flowable left in the row again
        before each split: breaking their lines afresh each time would cost the cell's length
        times its pages. The lines depend only on the frags and the widths.
        """
        if args or kwargs:
            return super().breakLines(width, *args, **kwargs)
        widths = list(width)
        known = self._broken
        if known is not None and known[0] == widths and known[1] is self.frags:
            return known[2]
        lines = super().breakLines(width)
        self._broken = (widths, self.frags, lines)
        return lines

    def beginText(self, x: float, y: float) -> Any:
        return LineEndText(self.canv, x, y, lines=len(self.blPara.lines),
                           continues=self.continues)

    def draw(self) -> None:
        canv = self.canv
        if self.destination is not None:
            self._place_destination()
        tagger: Tagger | None = getattr(canv, "tagger", None)
        if tagger is None or self.tag is None or getattr(self, "_drawn_by", None) is tagger:
            # Untagged, or drawn again in the same pass (a table's header row repeated on
            # the next page): an artifact.
            self._draw()
            return
        self._drawn_by = tagger
        tag = self.tag
        if self.bulletText and self.label_tag is not None:
            # ReportLab draws the bullet as a text object of its own, before the text.
            tagger.begin(canv, self.label_tag)
            canv.after_next_text(lambda: tagger.begin(canv, tag))
        else:
            tagger.begin(canv, tag)
        super().draw()
        tagger.end(canv)
        self._draw_label()

    def _draw(self) -> None:
        super().draw()
        self._draw_label()

    def _draw_label(self) -> None:
        if self.label:
            canv = self.canv
            canv.saveState()
            face, color = self.label_look
            canv.setFont(face, 7.5)
            canv.setFillColor(color)
            # On the first line's baseline, just left of the text column.
            first_baseline = self.height - self.style.fontSize * 0.95
            canv.drawRightString(-7, first_baseline, self.label)
            canv.restoreState()


ESCAPED = re.compile("&(amp|lt|gt|quot);")
"""The characters `markup.escape` writes as entities."""


def unescaped(text: str) -> str | None:
    """Return the characters paragraph markup `text` shows, when its only markup is the
    entities `markup.escape` writes (no tag, no other `&`); else None."""
    if "<" in text:
        return None
    if "&" not in text:
        return text
    shown = ESCAPED.sub(_entity, text)
    return shown if shown.count("&") == text.count("&amp;") else None


def _entity(found: re.Match[str]) -> str:
    return known_entities[found[1]]  # type: ignore[no-any-return]


def clean_text(text: str) -> str:
    """Return ReportLab's `cleanBlockQuotedText(text)`: the words of every line, one space
    between them. Without a no-break space (which ReportLab does not split at) or a zero-width
    space (which it strips from a line's ends but does not split at), its words are those
    `str.split` finds: one split and one join instead of a strip, split and join per line
    (checked against ReportLab's in tests/writers/test_pdf_fast_paths.py)."""
    if "\xa0" in text or "\u200b" in text:
        cleaned: str = cleanBlockQuotedText(text)
        return cleaned
    return " ".join(text.split())


_COPYING = ("__copy__", "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__new__")
_PLAIN_COPY = frozenset(cls for cls in (ParaFrag, ABag)
                        if all(getattr(cls, name, None) is getattr(object, name, None)
                               for name in _COPYING))
"""ReportLab's fragment and bag classes, when they define no copying of their own."""


def shallow_copy(obj: Any) -> Any:
    """Return `copy.copy(obj)`: for a fragment or bag (`_PLAIN_COPY`), what copy.copy makes of
    an object whose class defines no copying, a new instance holding its dictionary's entries,
    made directly (0.3 µs, not 1.7: a briefing's paragraphs copy some 400 fragments)."""
    cls = type(obj)
    if cls not in _PLAIN_COPY:
        return copy.copy(obj)
    new = object.__new__(cls)
    new.__dict__.update(obj.__dict__)
    return new


_T = TypeVar("_T")


def _per_style(cache: dict[int, tuple[Any, _T]], style: Any, make: Callable[[], _T]) -> _T:
    """Return what `make` gives for `style`, kept by the style's identity (a style sheet's
    styles live as long as it does), at most 1,000 styles a cache."""
    known = cache.get(id(style))
    if known is None or known[0] is not style:
        if len(cache) >= 1000:
            cache.clear()
        known = cache[id(style)] = (style, make())
    return known[1]


_PLAIN: dict[int, tuple[Any, Any]] = {}
"""id(style) -> (style, the fragment ReportLab's parser makes of plain text in it)."""


def plain_frags(text: str, style: Any) -> list[Any]:
    """Return the fragments ReportLab's markup parser makes of `text`, which holds no markup
    (no `<`, no `&`) and is cleaned as `Paragraph` cleans it.

    The parser makes one fragment: the paragraph style's font, size and colour, with the text.
    It is made here by copying what the parser made of other plain text in the same style,
    with the text and its own empty link and underline lists; the parser itself (an HTML
    parser fed one paragraph at a time) cost 10 µs a paragraph. Checked fragment by fragment
    against the parser in tests/writers/test_pdf_fast_paths.py.
    """
    frag = shallow_copy(_per_style(_PLAIN, style, lambda: ParaParser().parse("x", style)[1][0]))
    frag.link, frag.us_lines, frag.text = [], [], text
    frags = [frag]
    textTransformFrags(frags, style)
    return frags


MARKUP_TOKEN = re.compile(
    r'([^<&]+)|&(amp|lt|gt|quot);|<a name="([^"<&]*)"/>'
    r'|<a href="([^"<&]*)" color="([^"<&]*)">([^<&]+)</a>')
"""One piece of the markup `markup.inline_markup` writes most: text, an escaped character, an
anchor (`markup.anchor_tag`), a link whose text holds no markup (a ¶ reference)."""

_MARKUP: dict[int, tuple[Any, tuple[Any, Any, Any] | None]] = {}
"""id(style) -> (style, the fragments the parser makes in it of text, an anchor and a link, or
None when its links are underlined: markup in that style goes to the parser)."""


def _markup_models(style: Any) -> tuple[Any, Any, Any] | None:
    def make() -> tuple[Any, Any, Any] | None:
        parser = ParaParser()
        parser.caseSensitive = 1  # as `Paragraph` parses
        _, made, _ = parser.parse('<a name="n"/>x<a href="#h" color="red">y</a>', style)
        anchor, plain, link = made
        underlined = plain.us_lines or link.us_lines or anchor.us_lines
        return None if underlined else (plain, anchor, link)

    return _per_style(_MARKUP, style, make)


def markup_frags(text: str, style: Any) -> list[Any] | None:
    """Return the fragments ReportLab's markup parser makes of `text` (cleaned as `Paragraph`
    cleans it), when it is only text, the four escaped characters `markup.escape` writes,
    anchors and links around plain text; else None (the parser reads it).

    A third of a briefing's paragraphs hold such markup (a body paragraph's anchor, the ¶
    references of key points and tables), and the parser, an HTML parser fed one paragraph at a
    time, took some 50 µs each, a seventh of the PDF's time. The fragments are copies of what
    the parser made of such pieces in the same style, shaped as its own are: every fragment
    shares the paragraph's empty underline list, text and anchors its link list, a link's text
    has a list of its own holding (the link's number in the paragraph, its target). Checked
    fragment by fragment against the parser in tests/writers/test_pdf_fast_paths.py.
    """
    models = _markup_models(style)
    if models is None:
        return None
    plain, anchor, link = models
    base = shallow_copy(plain)
    base.link, base.us_lines = [], []
    frags = []
    links, at, end = 0, 0, len(text)
    match = MARKUP_TOKEN.match
    while at < end:
        found = match(text, at)
        if found is None:
            return None
        data, entity, name, href, colour, label = found.groups()
        if data is not None or entity is not None:
            frag = shallow_copy(base)
            frag.text = data if data is not None else known_entities[entity]
        elif name is not None:
            if not name.strip():
                return None  # the parser's syntax error (it keeps the name unstripped)
            frag = shallow_copy(anchor)
            frag.link, frag.us_lines = base.link, base.us_lines
            frag.cbDefn = shallow_copy(anchor.cbDefn)
            frag.cbDefn.name = name
        else:
            try:
                colour = toColor(colour)
            except ValueError:
                return None  # the parser's error
            frag = shallow_copy(link)
            frag.link, frag.us_lines = [(links, href.strip())], base.us_lines
            frag.textColor, frag.text = colour, label
            links += 1
        frags.append(frag)
        at = found.end()
    textTransformFrags(frags, style)
    return frags


SAME_FRAG_KEYS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor",
                  "nobr")
"""What two fragments must share to be set as one run (ReportLab's `sameFrag`)."""


def same_frag(f: Any, g: Any) -> bool:
    """Return whether fragments `f` and `g` can be set as one run: ReportLab's own pure-Python
    `sameFrag`, which reads the fragments' dictionaries."""
    fdict, gdict = f.__dict__, g.__dict__
    if "cbDefn" in fdict or "lineBreak" in fdict or "cbDefn" in gdict or "lineBreak" in gdict:
        return False
    return [fdict.get(k) for k in SAME_FRAG_KEYS] == [gdict.get(k) for k in SAME_FRAG_KEYS]


def prefer_python_same_frag() -> bool:
    """Have ReportLab's line breaking compare fragments with `same_frag`; return whether it does.

    rl_accel's C `sameFrag` looks up each attribute, so every one a fragment lacks (most have
    no backColor, nobr, cbDefn or lineBreak) raises and clears an AttributeError: three times
    slower than the Python version, about a tenth of a briefing's PDF time. Done only while
    `paragraph.sameFrag` is that C function (ReportLab binds it at import); the two agree
    (tests/writers/test_pdf_fast_paths.py compares them on a briefing's fragments, and
    test_pdf_accel.py the whole file against ReportLab without rl_accel).
    """
    if paragraph.sameFrag is getattr(rl_accel, "_c_funcs", {}).get("sameFrag"):
        paragraph.sameFrag = same_frag
    return paragraph.sameFrag is same_frag


_WIDTHS: dict[tuple[Any, Any, float, str], float] = {}
"""Widths line breaking measured: (text, font, size, encoding) -> points."""
MAX_WIDTHS = 50_000
"""Widths kept before the table starts again (a few MB; a briefing measures ~1,500 words)."""


def memo_string_width(text: Any, font_name: str, font_size: float,
                      encoding: str = "utf8") -> float:
    """Return ReportLab's `pdfmetrics.stringWidth`, each text measured once per font and size.

    Line breaking measures every word of every paragraph again at each wrap (some 7,000 calls
    a briefing, 0.6 µs each), and most are words already measured: a lookup here costs a sixth
    of that. Keyed by the font object the name is registered to now, so a name registered again
    to another font is measured afresh.
    """
    font = pdfmetrics.getFont(font_name)
    key = (text, font, font_size, encoding)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) >= MAX_WIDTHS:
            _WIDTHS.clear()
        width = _WIDTHS[key] = font.stringWidth(text, font_size, encoding=encoding)
    return width


def prefer_memo_string_width() -> bool:
    """Have ReportLab's paragraphs measure words with `memo_string_width`; return whether they
    do. Done only while `paragraph.stringWidth` is ReportLab's own function (bound at import);
    tests/writers/test_pdf_fast_paths.py checks every width against it on the sample."""
    if paragraph.stringWidth is pdfmetrics.stringWidth:
        paragraph.stringWidth = memo_string_width
    return paragraph.stringWidth is memo_string_width


_REPORTLAB_ASCENT_DESCENT = pdfmetrics.getAscentDescent
_HEIGHTS: dict[tuple[Any, Any], tuple[float, float]] = {}
"""Ascent and descent line breaking and drawing asked for: (font, size) -> points."""


def memo_ascent_descent(font_name: str, font_size: float | None = None) -> tuple[Any, Any]:
    """Return ReportLab's `pdfmetrics.getAscentDescent`, worked out once per font and size.

    Paragraphs of several fragments ask for it for every fragment of every line they break and
    draw, those of one once a wrap (~500 times a briefing), and ReportLab's function first
    tries attributes an embedded TrueType face lacks, raising and catching an AttributeError
    each time (0.7 µs a call). Keyed by the font object the name is registered to now, as
    `memo_string_width` is; a font's ascent and descent never change, so a lookup gives what
    the function would work out.
    """
    key = (pdfmetrics.getFont(font_name), font_size)
    found = _HEIGHTS.get(key)
    if found is None:
        if len(_HEIGHTS) >= 1000:
            _HEIGHTS.clear()
        found = _HEIGHTS[key] = _REPORTLAB_ASCENT_DESCENT(font_name, font_size)
    return found


def prefer_memo_ascent_descent() -> bool:
    """Have ReportLab's paragraphs take a face's ascent and descent from `memo_ascent_descent`;
    return whether they do. Done only while `paragraph.getAscentDescent` is ReportLab's own
    function (bound at import); tests/writers/test_pdf_fast_paths.py compares every answer."""
    if paragraph.getAscentDescent is _REPORTLAB_ASCENT_DESCENT:
        paragraph.getAscentDescent = memo_ascent_descent
    return paragraph.getAscentDescent is memo_ascent_descent


class PageRefPara(Para):
    """A paragraph showing the pages anchors landed on, filled in when it is laid out.

    `make_text` reads the page numbers recorded so far in the current layout pass; the index
    that holds these paragraphs comes after every anchor it cites, so by the time it is laid
    out the numbers are this pass's own, and no extra layout of the whole document is needed.
    """

    def __init__(self, make_text: Callable[[], str] | str, style: Any, **kwargs: Any) -> None:
        # ReportLab's split() makes the pieces with the fragments' text: those stay as they are.
        self._make_text = make_text if callable(make_text) else None
        super().__init__(make_text() if callable(make_text) else make_text, style, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        text = self._make_text() if self._make_text is not None else self.text
        if text != self.text:
            self._setup(text, self.style, self.bulletText, None, cleanBlockQuotedText)
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        return result


class Figure(PdfImage):  # type: ignore[misc]
    """A template's picture (`<image>`), tagged as a Figure carrying its alt text."""

    def __init__(self, data: bytes, width: float, height: float, tag: Tag) -> None:
        super().__init__(io.BytesIO(data), width=width, height=height, mask="auto")
        self.tag = tag
        self.hAlign = "LEFT"

    def draw(self) -> None:
        tagger: Tagger | None = getattr(self.canv, "tagger", None)
        if tagger is None:
            super().draw()
            return
        # Where the picture lands on the page (the Layout attribute /BBox a Figure needs for
        # PDF/UA, as the logo has): its box through the canvas's transformation, known only
        # now that the frame has placed it. Set before the element is made from the tag.
        self.tag.bbox = _page_box(self.canv, getattr(self, "_offs_x", 0),
                                  getattr(self, "_offs_y", 0), self.drawWidth, self.drawHeight)
        tagger.begin(self.canv, self.tag)
        super().draw()
        tagger.end(self.canv)


def _page_box(canv: Any, x: float, y: float, width: float, height: float) -> BBox:
    """Return the rectangle (x, y, width, height) of the current drawing space in default
    user space (the page's), from the transformation ReportLab's canvas tracks."""
    a, b, c, d, e, f = canv._currentMatrix
    corners = [(a * px + c * py + e, b * px + d * py + f)
               for px, py in ((x, y), (x + width, y), (x, y + height), (x + width, y + height))]
    xs = [px for px, _ in corners]
    ys = [py for _, py in corners]
    return (round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2))


class TagMark(Flowable):  # type: ignore[misc]
    """Nothing drawn: makes the element of an empty table cell, so every row has its cells."""

    def __init__(self, tag: Tag) -> None:
        super().__init__()
        self.tag = tag
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        tagger: Tagger | None = getattr(self.canv, "tagger", None)
        if tagger is not None:
            tagger.element(self.tag)


class LazyChunk(Flowable):  # type: ignore[misc]
    """A stretch of the document (one pack article) turned into flowables only when reached.

    The document template expands it in `filterFlowables` just before layout gets to it, so
    the flowables of the stretches already drawn can be freed: the memory a pack needs no
    longer grows with the number of articles. Never wrapped or drawn itself.
    """

    def __init__(self, expand: Callable[[], list[Any]]) -> None:
        super().__init__()
        self.expand = expand


class RightPageGuard(FrameActionFlowable):  # type: ignore[misc]
    """After a page break, add a blank page when the new page is a left-hand (even) one."""

    def __init__(self, doc: BaseDocTemplate) -> None:
        self.doc = doc

    def frameAction(self, frame: Any) -> None:
        if self.doc.page % 2 == 0:
            frame.add_generated_content(PageBreak())
