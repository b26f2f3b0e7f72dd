"""The style sheet: the writer's paragraph and character styles, made in python-docx's template
(kept per look and text width, `_STYLED`) or over a reference document's own, which win.

python-docx's template has a third of a megabyte of styles. A document made from a kept
template opens a light copy holding only the styles the writer uses (python-docx parsed and
wrote the whole sheet for each rendering before), and its package gets the whole sheet back,
made once per language (`whole_sheet`)."""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import CharacterStyle, ParagraphStyle, StyleFactory
from docx.styles.styles import Styles
from lxml import etree

from .elements import _LANG, _border, _el, _set_fonts, _set_ppr
from .look import _Look

STYLES_PART = "word/styles.xml"


@dataclass(frozen=True, slots=True, eq=False)
class Styled:
    """python-docx's template with the writer's styles made, for documents to start from."""

    package: bytes
    """The template with a light style sheet: only the styles in `names` and the link's."""
    names: tuple[tuple[str, str], ...]
    """(name, style id) of each paragraph style made."""
    link_id: str | None
    """The hyperlink style's id as a run names it (`link_style_id`)."""
    light: bytes
    """The light sheet's XML, as python-docx writes it back unchanged."""
    sheet: bytes
    """The whole sheet's XML, as python-docx wrote it."""
    by_lang: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    """Language -> the light sheet and the whole sheet with it set (`whole_sheet`)."""
    opened: list[WordDocument] = field(default_factory=list)
    """`package` as python-docx opened it, once (never changed: see `document`)."""

    def document(self) -> WordDocument:
        """Return a new python-docx document of `package`, to be rendered into.

        A deep copy of the one opened the first time: opening the package (unzipping it and
        parsing its parts) took 1.2 ms of every rendering, a copy of the parsed parts 0.3 ms."""
        if not self.opened:
            self.opened.append(docx.Document(io.BytesIO(self.package)))
        return copy.deepcopy(self.opened[0])
StyleSheet = tuple[dict[str, ParagraphStyle], str | None]
"""The paragraph styles the writer uses, by name, and the id a link's run names its hyperlink
character style by."""

_STYLED: dict[tuple[_Look, int], Styled] = {}
"""python-docx's template with the writer's styles made (before any content, and of the page
set-up only the empty header and footer parts: `page.add_header_parts`),
and (name, style id) of each paragraph style made, by what the styles depend on: the look and
the text width (the contents' tab stops). Not for a --reference-docx, whose styles are kept."""
_STYLED_KEPT = 8

_HEADING_STYLES = frozenset({"Title", "Subtitle", "TOC Heading", "Box Title"})
"""Styles set in the theme's heading font (with every "Heading N")."""


def styled_template(look: _Look, text_width: int) -> Styled | None:
    """Return the styled template an earlier document with this look and text width made
    (its package has a light sheet: see `whole_sheet`)."""
    return _STYLED.get((look, text_width))


def setup_styles(word: WordDocument, look: _Look, text_width: int, lang: str | None, *,
                 reference: bool, styled: Styled | None) -> StyleSheet:
    """Make or find the writer's styles in `word`; `styled` is `word`'s template, when it was
    opened from `styled_template`."""
    if not reference:
        return _built_in_styles(word, look, text_width, lang, styled)
    # The reference's own styles (and document defaults) are kept exactly: the writer's
    # styles are made as usual, then every style the reference defined is put back.
    root = word.styles.element
    kept = {el.get(qn("w:styleId")): copy.deepcopy(el) for el in root.iter(qn("w:style"))}
    defaults = root.find(qn("w:docDefaults"))
    kept_defaults = copy.deepcopy(defaults) if defaults is not None else None
    made, _ = _make_styles(word, look, text_width)
    for el in list(root.iter(qn("w:style"))):
        original = kept.get(el.get(qn("w:styleId")))
        if original is not None:
            el.getparent().replace(el, copy.deepcopy(original))
    new_defaults = root.find(qn("w:docDefaults"))
    if new_defaults is not None and kept_defaults is not None:
        root.replace(new_defaults, kept_defaults)
    return ({name: word.styles[name] for name in made},
            link_style_id(word, word.styles["Hyperlink"]))


def link_style_id(word: WordDocument, link: CharacterStyle) -> str | None:
    """The id python-docx's `run.style = link` would write (None when `link` is the default
    character style). Found once per style sheet: python-docx looks through every style."""
    found: str | None = word.part.get_style_id(  # type: ignore[no-untyped-call]
        link, WD_STYLE_TYPE.CHARACTER)
    return found


def _built_in_styles(word: WordDocument, look: _Look, text_width: int, lang: str | None,
                     styled: Styled | None) -> StyleSheet:
    """Make the writer's styles in python-docx's template, once per look and text width:
    the package as it then stands is kept (`_STYLED`) and later documents start from it,
    only finding their styles (making them took a third of a short document's time, as
    python-docx finds a style by scanning them all)."""
    made: dict[str, ParagraphStyle] = {}
    if styled is None:
        made, link = _make_styles(word, look, text_width)
        link_id = link_style_id(word, link)
        if len(_STYLED) >= _STYLED_KEPT:
            _STYLED.clear()
        package = io.BytesIO()
        word.save(package)
        names = tuple((name, style.style_id) for name, style in made.items())
        _STYLED[(look, text_width)] = _light_template(package.getvalue(), names, link.style_id,
                                                      link_id)
    else:
        style_id_attribute = qn("w:styleId")
        by_id = {el.get(style_id_attribute): el
                 for el in word.styles.element.iterchildren(qn("w:style"))}
        for name, style_id in styled.names:
            style = StyleFactory(by_id[style_id])
            assert isinstance(style, ParagraphStyle)
            made[name] = style
        link_id = styled.link_id
    _set_lang(made["Normal"].element, lang)
    return made, link_id


def _set_lang(normal: etree._Element, lang: str | None) -> None:
    """The document's language comes last in the Normal style's run properties."""
    if lang and _LANG.fullmatch(lang):
        normal.get_or_add_rPr().append(_el("w:lang", val=lang))


def _light_template(package: bytes, names: tuple[tuple[str, str], ...], link: str,
                    link_id: str | None) -> Styled:
    """`package` (saved by python-docx) with only the styles `names` and `link` in its sheet."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        sheet = source.read(STYLES_PART)
        whole = parse_xml(sheet)
        light = etree.Element(whole.tag, nsmap=whole.nsmap)
        for attr, value in whole.attrib.items():
            light.set(attr, value)
        wanted = {style_id for _, style_id in names} | {link}
        for el in whole.iterchildren(qn("w:style")):
            if el.get(qn("w:styleId")) in wanted:
                light.append(copy.deepcopy(el))
        light_xml: bytes = serialize_part_xml(parse_xml(etree.tostring(light)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info, light_xml if info.filename == STYLES_PART
                                else source.read(info))
    return Styled(out.getvalue(), names, link_id, light_xml, sheet)


def whole_sheet(styled: Styled, light: bytes, lang: str | None) -> bytes:
    """The whole style sheet for a document opened from `styled` whose light sheet came out as
    `light`: the kept sheet with the document's language set, as python-docx would have
    written it had it opened the whole sheet. The light sheet may have changed only by its
    language: anything else would be lost, and is an error."""
    key = lang or ""
    if key not in styled.by_lang:
        made = []
        normal = dict(styled.names)["Normal"]
        for xml in (styled.light, styled.sheet):
            root = parse_xml(xml)
            for el in root.iterchildren(qn("w:style")):
                if el.get(qn("w:styleId")) == normal:
                    _set_lang(el, lang)
            made.append(serialize_part_xml(root))
        styled.by_lang[key] = (made[0], made[1])
    expected, sheet = styled.by_lang[key]
    if light != expected:
        raise AssertionError("the style sheet changed after its styles were set up; "
                             "make the change in `_make_styles`")
    return sheet


class _ByName:
    """python-docx's `styles[name]` and `styles.add_style`, with the sheet's styles indexed by
    name once.

    python-docx finds a style by name with an XPath search of the whole sheet, and checks a new
    name against every style in Python first: its template has some 270 styles, and making the
    writer's ~30 took 40-50 ms, most of a worker's first summary's style set-up (later ones
    start from the styled template). Found here: the same element (the first of that name, as
    the search finds), the same new element (`add_style_of_type`, as `add_style` makes it).
    A name not in the index goes to python-docx, which looks it up by style id (with its
    deprecation warning) or raises KeyError."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.by_name: dict[str, Any] = {}
        for el in styles.element.iterchildren(qn("w:style")):
            self.by_name.setdefault(el.name_val, el)

    def __getitem__(self, name: str) -> Any:
        """The style called `name` (Any, as python-docx's own lookup is typed)."""
        el = self.by_name.get(BabelFish.ui2internal(name))
        if el is None:
            return self.styles[name]
        return StyleFactory(el)

    def add_style(self, name: str, style_type: WD_STYLE_TYPE, *, builtin: bool) -> Any:
        """Add a style called `name` (the caller found none: `add_style` would refuse one)."""
        internal = BabelFish.ui2internal(name)
        el = self.styles.element.add_style_of_type(internal, style_type, builtin)
        self.by_name.setdefault(internal, el)
        return StyleFactory(el)


def _make_styles(word: WordDocument, look: _Look, text_width: int
                 ) -> tuple[dict[str, ParagraphStyle], CharacterStyle]:
    ink, accent, muted = (RGBColor.from_string(c) for c in (look.ink, look.accent,
                                                             look.muted))
    styles = _ByName(word.styles)
    made: dict[str, ParagraphStyle] = {}
    root = word.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            _set_fonts(rpr, look.body_font)

    def para(name: str, *, base: str | None = None, size: float | None = None,
             bold: bool | None = None, italic: bool | None = None,
             color: RGBColor | None = None, before: float | None = None,
             after: float | None = None, keep: bool | None = None) -> ParagraphStyle:
        try:
            style = styles[name]
        except KeyError:
            # Word's own names (toc 1) must not be flagged as custom styles.
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH,
                                     builtin=name.startswith("toc "))
            style.base_style = styles[base or "Normal"]
            style.quick_style = True
        assert isinstance(style, ParagraphStyle)
        heading = name in _HEADING_STYLES or name.startswith("Heading ")
        _set_fonts(style.element.get_or_add_rPr(),
                   look.heading_font if heading else look.body_font)
        font, fmt = style.font, style.paragraph_format
        if size is not None:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold
        if italic is not None:
            font.italic = italic
        if color is not None:
            font.color.rgb = color
        if before is not None:
            fmt.space_before = Pt(before)
        if after is not None:
            fmt.space_after = Pt(after)
        if keep is not None:
            fmt.keep_with_next = keep
        made[name] = style
        return style

    normal = para("Normal", size=10.5, color=ink, after=6)
    normal.paragraph_format.line_spacing = 1.12

    title = para("Title", size=24, color=accent, after=4)
    title.font.bold = True
    title.paragraph_format.keep_with_next = True
    subtitle = para("Subtitle", size=13, italic=False, color=muted, after=6, keep=True)
    for style in (title, subtitle):
        # The template's letter-spacing and kerning look dated; plain set type reads better.
        rpr = style.element.get_or_add_rPr()
        for tag in ("w:spacing", "w:kern"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
    for rule in title.element.iter(qn("w:bottom")):
        rule.set(qn("w:color"), look.accent)
        for attr in ("themeColor", "themeShade"):
            rule.attrib.pop(qn(f"w:{attr}"), None)
    numpr = subtitle.element.pPr.find(qn("w:numPr")) if subtitle.element.pPr is not None \
        else None
    if numpr is not None:
        numpr.getparent().remove(numpr)  # a numbering level with no list: confuses LibreOffice
    for level, size, before in ((1, 15, 16), (2, 12.5, 12), (3, 11, 10)):
        para(f"Heading {level}", size=size, bold=True, color=accent, before=before, after=4,
             keep=True)
        # The same look, kept out of the navigation pane and the table of contents.
        unlisted = para(f"Heading {level} Unlisted", base=f"Heading {level}")
        unlisted.paragraph_format.keep_with_next = True
        _set_ppr(unlisted.element.get_or_add_pPr(), _el("w:outlineLvl", val="9"))
    para("TOC Heading", size=15, bold=True, color=accent, before=0, after=10)

    para("List Bullet", after=3)
    para("List Number", after=3)
    quote = para("Quote", size=10.5, italic=True, color=ink, before=4, after=2, keep=True)
    qfmt = quote.paragraph_format
    qfmt.left_indent = qfmt.right_indent = Cm(0.7)
    borders = _el("w:pBdr")
    borders.append(_border("w:left", size=18, color=look.accent, space=8))
    _set_ppr(quote.element.get_or_add_pPr(), borders)
    attribution = para("Quote Attribution", base="Normal", size=9.5, italic=True,
                       color=muted, after=8)
    attribution.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    attribution.paragraph_format.right_indent = Cm(0.7)

    para("Lead", size=12, color=ink, after=8)
    para("Summary", size=10.5, after=6)
    para("Meta", size=10, color=muted, after=10)
    para("Small", size=8.5, color=muted, before=10, after=2)
    para("Note", size=9.5, italic=True, color=muted)
    para("Caption", size=9, bold=True, color=accent, before=6, after=3, keep=True)
    para("Table Text", size=9.5, before=0, after=0).paragraph_format.line_spacing = 1.0
    para("Box Title", size=11, bold=True, color=accent, before=0, after=4, keep=True)
    numbered = para("Numbered Paragraph")
    nfmt = numbered.paragraph_format
    nfmt.left_indent = Cm(0.8)
    nfmt.first_line_indent = Cm(-0.8)
    nfmt.tab_stops.add_tab_stop(Cm(0.8))
    for name in ("Header", "Footer"):
        para(name, size=8.5, color=muted)

    for level in (1, 2, 3):
        toc = para(f"toc {level}", base="Normal", after=2 if level > 1 else 4,
                   bold=level == 1)
        # Word knows the TOC styles by these built-in names and ids.
        toc.style_id = f"TOC{level}"
        toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        tabs = _el("w:tabs")
        tabs.append(_el("w:tab", val="right", leader="dot", pos=str(text_width)))
        _set_ppr(toc.element.get_or_add_pPr(), tabs)

    try:
        link = styles["Hyperlink"]
    except KeyError:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
    assert isinstance(link, CharacterStyle)
    link.font.color.rgb = RGBColor.from_string(look.link)
    link.font.underline = True
    return made, link
