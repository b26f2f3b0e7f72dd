"""The PDF writer's shortcuts give the bytes of the longer way round."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.lib import colors, rl_accel
from reportlab.platypus import paragraph

from exporter.build import load_briefing, template_context
from exporter.options import RenderOptions
from exporter.readers import ReadLimits
from exporter.templating import render
from exporter.writers.pdf import PdfWriter, encoding, flowables, page, tagging
from exporter.writers.pdf.flowables import same_frag
from exporter.writers.pdf.styles import markup_colour

from ..conftest import REPO, SAMPLE


def test_markup_colours_read_as_their_hex_colour() -> None:
    # Channels are read one by one: every channel value, in each position.
    for value in range(256):
        for hex_rgb in (f"{value:02X}0000", f"00{value:02x}00", f"0000{value:02X}"):
            ours = colors.toColor(markup_colour(hex_rgb))
            assert vars(ours) == vars(colors.HexColor("#" + hex_rgb))
            assert type(ours) is colors.Color


def sample_pdf() -> bytes:
    briefing = load_briefing(SAMPLE, SAMPLE.name, ReadLimits())
    options = RenderOptions(timestamp=1500000000)
    return PdfWriter().write(render(PdfWriter.template, template_context(briefing, options)),
                             options)


def test_python_same_frag_agrees_with_reportlabs_c_one(monkeypatch: pytest.MonkeyPatch) -> None:
    c_same_frag = getattr(rl_accel, "_c_funcs", {}).get("sameFrag")
    if c_same_frag is None:
        pytest.skip("rl_accel is not installed")
    verdicts: list[tuple[bool, bool]] = []

    def both(f: Any, g: Any) -> bool:
        verdicts.append((same_frag(f, g), bool(c_same_frag(f, g))))
        return verdicts[-1][1]

    monkeypatch.setattr(paragraph, "sameFrag", both)  # every pair line breaking compares
    sample_pdf()
    assert {theirs for _, theirs in verdicts} == {True, False}
    assert all(ours == theirs for ours, theirs in verdicts)


def test_remembered_widths_are_reportlabs_and_give_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    assert flowables.prefer_memo_string_width()
    remembered = sample_pdf()
    widths: list[tuple[float, float]] = []

    def both(*args: Any) -> float:
        widths.append((flowables.memo_string_width(*args), pdfmetrics.stringWidth(*args)))
        return widths[-1][1]

    monkeypatch.setattr(paragraph, "stringWidth", both)  # every width line breaking asks for
    assert sample_pdf() == remembered
    assert len(widths) > 1000
    assert all(ours == theirs for ours, theirs in widths)


def test_plain_paragraphs_get_the_parsers_fragments_and_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus.paraparser import ParaParser

    fast = sample_pdf()
    compared: list[str] = []
    plain_frags = flowables.plain_frags

    def both(text: str, style: Any) -> list[Any]:
        ours = plain_frags(text, style)
        _, parsed, _ = ParaParser().parse(text, style)
        paragraph.textTransformFrags(parsed, style)
        assert [vars(f) for f in ours] == [vars(f) for f in parsed]
        assert all(f.link is not g.link and f.us_lines is not g.us_lines
                   for f, g in zip(ours, parsed, strict=True))
        compared.append(text)
        return ours

    monkeypatch.setattr(flowables, "plain_frags", both)
    assert sample_pdf() == fast
    assert len(compared) > 100  # the sample's plain paragraphs
    monkeypatch.setattr(flowables.Para, "_setup", paragraph.Paragraph._setup)  # the parser's
    assert sample_pdf() == fast


def _shape(frags: list[Any]) -> list[Any]:
    """Each fragment's attributes in order (an anchor's definition by value) and which link and
    underline lists it shares with the others."""
    lists: dict[int, int] = {}
    shape = []
    for frag in frags:
        attrs = dict(vars(frag))
        if "cbDefn" in attrs:
            attrs["cbDefn"] = list(vars(attrs["cbDefn"]).items())
        shape.append((type(frag), list(attrs.items()), lists.setdefault(id(frag.link), len(lists)),
                      lists.setdefault(id(frag.us_lines), len(lists))))
    return shape


def _parsed(text: str, style: Any) -> list[Any]:
    from reportlab.platypus.paraparser import ParaParser

    parser = ParaParser()
    parser.caseSensitive = 1
    _, frags, _ = parser.parse(text, style)
    paragraph.textTransformFrags(frags, style)
    return list(frags)


def test_anchors_and_links_get_the_parsers_fragments_and_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    fast = sample_pdf()
    compared: list[str] = []
    markup_frags = flowables.markup_frags

    def both(text: str, style: Any) -> list[Any] | None:
        ours = markup_frags(text, style)
        if ours is not None:
            assert _shape(ours) == _shape(_parsed(text, style))
            compared.append(text)
        return ours

    monkeypatch.setattr(flowables, "markup_frags", both)
    assert sample_pdf() == fast
    assert len(compared) > 50  # the sample's anchored paragraphs and ¶ references
    monkeypatch.setattr(flowables.Para, "_setup", paragraph.Paragraph._setup)  # the parser's
    assert sample_pdf() == fast


def test_markup_fragments_match_the_parser_or_are_left_to_it() -> None:
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, textTransform="uppercase")
    link = '<a href="#p2" color="rgb(31,78,140)">'
    made = ['<a name="p1"/>He said &quot;no&quot; &amp; left &lt;here&gt;.',
            f'{link}2</a>, {link}¶3</a> and {link} 4 </a>', '<a name=" p1 "/>x', "&amp;",
            '<a href=" #p2 " color="red">y</a>z']
    for text in made:
        ours = flowables.markup_frags(text, style)
        assert ours is not None, text
        assert _shape(ours) == _shape(_parsed(text, style)), text
    left = ["<b>bold</b>", "&#169;", "&nbsp;", '<a name=" "/>x', f"{link}</a>",
            f"{link}a &amp; b</a>", '<a href="#p2" color="nocolour">y</a>', "a < b"]
    for text in left:
        assert flowables.markup_frags(text, style) is None, text
    underlined = ParagraphStyle("u", fontName="Helvetica", linkUnderline=1)
    assert flowables.markup_frags(f"{link}2</a>", underlined) is None


def test_text_is_cleaned_as_reportlab_cleans_it() -> None:
    import random

    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()] + ["\u200b", "\xa0"]
    pieces = [*spaces, "a", "bc", "é", "\n", "\n\n", " "]
    rng = random.Random(12)
    texts = ["", " ", "\n", "one two", "  lead and trail  ", "\u200b edge \u200b",
             "no\xa0break here", *("".join(rng.choices(pieces, k=rng.randrange(1, 30)))
                                     for _ in range(5000))]
    for text in texts:
        assert flowables.clean_text(text) == paragraph.cleanBlockQuotedText(text), repr(text)


def test_fragments_and_bags_are_copied_as_copy_copies_them() -> None:
    import copy

    from reportlab.lib.abag import ABag
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("body", fontName="Helvetica")
    frags = _parsed('<a name="n"/>x <a href="#p2" color="red">2</a>', style)
    assert {type(f) for f in frags} <= flowables._PLAIN_COPY  # the fast way is taken
    for obj in [*frags, frags[0].cbDefn, ABag(a=1, b=[2])]:
        ours, theirs = flowables.shallow_copy(obj), copy.copy(obj)
        assert type(ours) is type(theirs) and ours is not obj
        assert list(vars(ours).items()) == list(vars(theirs).items())
        assert all(vars(ours)[k] is v for k, v in vars(obj).items())


def test_pages_held_compressed_or_plain_give_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    briefing = load_briefing(SAMPLE, SAMPLE.name, ReadLimits())
    options = RenderOptions(timestamp=1500000000)
    doc = render(PdfWriter.template, template_context(briefing, options))
    plain = PdfWriter().write(doc, options)
    monkeypatch.setattr(page, "HOLD_PLAIN", 0)  # every page compressed while held
    assert PdfWriter().write(doc, options) == plain


def test_links_are_written_as_reportlab_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[tuple[bytes, bytes]] = []
    fast = tagging.Link.format

    def both(link: tagging.Link, document: Any) -> bytes:
        written.append((fast(link, document), link.annotation.format(document)))
        return written[-1][0]

    monkeypatch.setattr(tagging.Link, "format", both)
    sample_pdf()
    assert len(written) > 50  # the sample's ¶ references
    assert all(ours == theirs for ours, theirs in written)


def test_links_of_any_text_and_border_are_written_as_reportlab_writes_them() -> None:
    import io

    from reportlab.pdfbase.pdfdoc import LinkAnnotation
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    canvas.bookmarkPage("there")
    printable = "".join(map(chr, range(32, 127)))
    texts = ["Paragraph 3", printable, printable.translate({40: None, 41: None, 92: None}),
             "é ü", "a (b) c\\d", "tab\there", ""]
    for i, text in enumerate(texts):
        canvas.linkRect(text, "there", (10.123456, 20, 30.5, 40 + i))
        canvas.linkRect(text, "there", (1, 2, 3, 4), Border=None)
    canvas.showPage()
    document = canvas._doc
    links = [o for o in document.idToObject.values() if type(o) is LinkAnnotation]
    assert len(links) == 2 * len(texts)
    for link in links:
        link.permitted = (*link.permitted, "StructParent")
        link.otherkw = {"F": 4, "StructParent": 100000}
        assert tagging.Link(link).format(document) == link.format(document)


def test_a_link_with_other_entries_is_written_by_reportlab() -> None:
    class Coloured:
        def __init__(self) -> None:
            self.otherkw = {"F": 4, "StructParent": 0, "C": [0, 0, 1]}
            self.Rect = (0, 0, 1, 1)

        def format(self, document: Any) -> bytes:
            return b"ReportLab's"

    assert tagging.Link(Coloured()).format(None) == b"ReportLab's"  # type: ignore[arg-type]


def test_ascii_pdfdoc_pieces_are_reportlabs_and_give_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfdoc

    assert encoding.prefer_ascii_pdfdoc()
    fast = sample_pdf()
    pieces: list[tuple[Any, Any]] = []
    reportlabs = encoding._REPORTLAB_PDFDOC_ENC

    def both(x: Any) -> Any:
        pieces.append((encoding.pdfdoc_enc(x), reportlabs(x)))
        return pieces[-1][1]

    monkeypatch.setattr(pdfdoc, "pdfdocEnc", both)  # every piece the file is written from
    assert sample_pdf() == fast
    assert len(pieces) > 1000
    assert all(ours == theirs for ours, theirs in pieces)
    for text in ("é ü", "\x18", "tab\tnew\nline"):  # past ASCII, an unmapped code, controls
        try:
            theirs = reportlabs(text)
        except UnicodeEncodeError:
            with pytest.raises(UnicodeEncodeError):
                encoding.pdfdoc_enc(text)
        else:
            assert encoding.pdfdoc_enc(text) == theirs


def test_translated_lines_are_reportlabs_codes_and_give_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    assert encoding.prefer_translated_split()
    fast = sample_pdf()
    lines: list[tuple[Any, Any]] = []
    reportlabs = encoding._REPORTLAB_SPLIT

    def both(font: TTFont, text: Any, doc: Any, encoding_: str = "utf-8") -> Any:
        # ReportLab's first, as drawing does: it gives a new character its code.
        theirs = reportlabs(font, text, doc, encoding_)
        lines.append((encoding.split_string(font, text, doc, encoding_), theirs))
        return theirs

    monkeypatch.setattr(TTFont, "splitString", both)  # every line of text drawn
    assert sample_pdf() == fast
    assert len(lines) > 300
    assert all(ours == theirs for ours, theirs in lines)
    monkeypatch.setattr(TTFont, "splitString", reportlabs)
    assert sample_pdf() == fast


def test_a_line_with_new_or_late_characters_goes_to_reportlab() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    from exporter import fonts

    font = fonts.shipped_face(fonts.SERIF)

    class Doc:  # a document as a face's state is keyed: any object a weak reference can hold
        pass

    doc, same = Doc(), Doc()
    texts = ["plain ASCII", "no\u00a0break", "first é", "é again", "Ωμέγα", "", "plain again",
             *(chr(0x400 + n) * 3 for n in range(300))]  # past the first subset's 256 codes
    ours = [encoding.split_string(font, text, doc) for text in texts]
    theirs = [encoding._REPORTLAB_SPLIT(font, text, same) for text in texts]
    assert ours == theirs
    assert any(subset > 0 for runs in theirs for subset, _ in runs)
    assert isinstance(font, TTFont)


def test_remembered_ascents_are_reportlabs_and_give_the_same_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    assert flowables.prefer_memo_ascent_descent()
    remembered = sample_pdf()
    answers: list[tuple[Any, Any]] = []

    def both(*args: Any) -> Any:
        answers.append((flowables.memo_ascent_descent(*args),
                        pdfmetrics.getAscentDescent(*args)))
        return answers[-1][1]

    monkeypatch.setattr(paragraph, "getAscentDescent", both)  # every line's fragments
    assert sample_pdf() == remembered
    assert len(answers) > 300
    assert all(ours == theirs for ours, theirs in answers)
    assert flowables.memo_ascent_descent("Helvetica") == pdfmetrics.getAscentDescent("Helvetica")


def _destinations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Record every destination the canvas is given: (name, page, fit, left, top)."""
    from reportlab.pdfgen.canvas import Canvas

    placed: list[tuple[Any, ...]] = []
    bookmark_page = Canvas.bookmarkPage

    def recording(canv: Canvas, key: str, fit: str = "Fit", left: Any = None, top: Any = None,
                  **kwargs: Any) -> None:
        placed.append((key, canv._doc.pageCounter, fit, left, top))
        bookmark_page(canv, key, fit, left, top, **kwargs)

    monkeypatch.setattr(Canvas, "bookmarkPage", recording)
    return placed


def _pdf_of(source: Path) -> bytes:
    briefing = load_briefing(source, source.name, ReadLimits())
    options = RenderOptions(timestamp=1500000000)
    return PdfWriter().write(render(PdfWriter.template, template_context(briefing, options)),
                             options)


@pytest.mark.parametrize("source", [SAMPLE, REPO / "tests/articles/sahel-hunger-appeal.txt"])
def test_one_fragment_paragraphs_keep_reportlabs_text_and_destinations(
        source: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil
    import subprocess

    placed = _destinations(monkeypatch)
    ours = _pdf_of(source)
    by_us = list(placed)
    assert sum(key.startswith("p") for key, *_ in by_us) >= 10  # the body's ¶ anchors
    placed.clear()
    # As ReportLab's parser sets them: each escaped character (the second article quotes
    # with straight quotes) a fragment of its own, and every destination an anchor fragment
    # opening the text. The same names, pages and coordinates, in the same order.
    monkeypatch.setattr(flowables, "unescaped",
                        lambda text: None if "<" in text or "&" in text else text)
    monkeypatch.setattr(flowables.Para, "_places_destination", staticmethod(lambda *_: False))
    theirs = _pdf_of(source)
    assert placed == by_us
    assert theirs != ours  # one fragment's lines are drawn with fewer operators
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    texts = []
    for name, pdf in (("ours", ours), ("theirs", theirs)):
        (tmp_path / name).write_bytes(pdf)
        texts.append(subprocess.run(["pdftotext", "-layout", str(tmp_path / name), "-"],
                                    capture_output=True, check=True).stdout)
    assert texts[0] == texts[1]


def test_escaped_text_is_one_fragment_of_the_characters_the_parser_shows() -> None:
    from reportlab.lib.styles import ParagraphStyle

    assert flowables.unescaped('He said &quot;no&quot; &amp; left &lt;here&gt;.') == (
        'He said "no" & left <here>.')
    assert flowables.unescaped("&amp;lt; and &amp;quot;") == "&lt; and &quot;"
    assert flowables.unescaped("plain") == "plain"
    for markup in ("<b>x</b>", "&#169;", "&nbsp;", "a & b", "&amp; &copy;"):
        assert flowables.unescaped(markup) is None
    style = ParagraphStyle("s", fontName="Helvetica", fontSize=10.5, leading=15.5)
    text = "He said &quot;no&quot; &amp;   left &lt;here&gt;."
    parsed = _parsed(flowables.clean_text(text), style)  # cleaned, as `Paragraph` cleans it
    assert len(parsed) > 1
    (ours,) = flowables.Para(text, style).frags
    assert ours.text == "".join(f.text for f in parsed) == 'He said "no" & left <here>.'
    assert {k: v for k, v in vars(ours).items() if k != "text"} == {
        k: v for k, v in vars(parsed[0]).items() if k != "text"}


@pytest.mark.parametrize("alignment", [0, 1, 2, 4])  # left, centre, right, justified
@pytest.mark.parametrize("indents", [(0, 0), (18, 0), (6, 14), (0, -8)])
def test_a_paragraphs_destination_is_its_anchors_in_every_alignment(
        alignment: int, indents: tuple[float, float]) -> None:
    from reportlab.lib.styles import ParagraphStyle

    left, first = indents
    style = ParagraphStyle("s", fontName="Helvetica", fontSize=10.5, leading=15.5,
                           alignment=alignment, leftIndent=left, firstLineIndent=first)
    for words in ("The talks resumed on Monday after a pause of three weeks " * 4, "Short."):
        ours = flowables.Para(words, style, destination="p7")
        theirs = paragraph.Paragraph('<a name="p7"/>' + words, style)
        assert _drawn_destinations(ours) == _drawn_destinations(theirs)
        assert ours.blPara.kind == 0 and theirs.blPara.kind == 1


def _drawn_destinations(para: Any) -> list[tuple[str, float, float]]:
    """Return the destinations `para` places, laid out 240 points wide: (name, x, y)."""
    from reportlab.pdfgen.canvas import Canvas

    placed: list[tuple[str, float, float]] = []
    canv = Canvas(None)
    canv.bookmarkHorizontal = (  # type: ignore[method-assign]
        lambda key, x, y, **_: placed.append((key, x, y)))
    para.wrapOn(canv, 240, 800)
    para.drawOn(canv, 72, 300)
    return placed


def test_an_anchored_paragraphs_overlong_first_word_is_split_as_in_any_other() -> None:
    from reportlab.lib.styles import ParagraphStyle

    # ReportLab never splits the word an anchor fragment opens (it would overrun the margin);
    # a paragraph placing its own destination breaks its lines as one without an anchor.
    style = ParagraphStyle("s", fontName="Helvetica", fontSize=10.5, leading=15.5)
    words = "https://example.org/" + "a-very-long-path" * 12 + " and a few words after it"
    ours = flowables.Para(words, style, destination="p7")
    plain = flowables.Para(words, style)
    assert _drawn_destinations(ours) == [("p7", 0, ours.height - 10.5 + 15.5)]
    plain.wrap(240, 800)
    assert ours.blPara.lines == plain.blPara.lines
    assert len(ours.blPara.lines) > 2
