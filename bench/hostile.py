"""Hostile inputs, generated: the worst cases of issue 10, small to store and cheap to make.

Each function returns the bytes of one source (or of a template or sidecar). The stress script
(`bench/stress.py`) runs the full-size ones through the CLI; the regression tests call the same
functions with small sizes, so a test and the bench exercise the same shape of input.
"""

from __future__ import annotations

import io
import zipfile
import zlib

# --- PDF ---------------------------------------------------------------------------------------

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_file(objects: list[bytes], *, root: int = 1, prev_loop: bool = False) -> bytes:
    """Return a PDF whose object `n` (1-based) is `objects[n - 1]` (a stream written whole).

    `prev_loop` makes the trailer's `/Prev` point back at its own cross-reference table, the
    looping chain a careless (or hostile) incremental update leaves.
    """
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    prev = b" /Prev %d" % xref if prev_loop else b""
    out.write(b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, prev, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"", *, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_ops(text: str, y: int = 700) -> bytes:
    return b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (y, text.encode("latin-1"))


def pdf_pages(count: int, *, lines: int = 1) -> bytes:
    """Return a PDF of `count` pages, each with `lines` short lines of text."""
    content = b"".join(_text_ops(f"Line {i} of a page of text.", 700 - 14 * i)
                       for i in range(lines))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, _stream(content)]
    kids = []
    for _ in range(count):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), count)
    return pdf_file(objects)


def pdf_nested_forms(depth: int, fanout: int = 2) -> bytes:
    """Return a one-page PDF whose form XObjects each draw the next one `fanout` times.

    A page of 2.6 KB draws `fanout ** depth` leaves; a reader that expands every form runs out
    of memory.
    """
    first = 5
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 4 0 R >> /XObject << /X 5 0 R >> >> "
               b"/Contents %d 0 R >>" % (first + depth + 1),
               _FONT]
    for level in range(depth + 1):
        if level < depth:
            ops = b"/X Do " * fanout
            res = b"/XObject << /X %d 0 R >>" % (first + level + 1)
        else:
            ops, res = _text_ops("leaf"), b""
        objects.append(_stream(ops, b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                    b"/Resources << /Font << /F1 4 0 R >> %s >>" % res))
    objects.append(_stream(_text_ops("A page of nested forms.") + b"/X Do\n"))
    return pdf_file(objects)


def pdf_self_form() -> bytes:
    """Return a one-page PDF whose form XObject draws itself."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 4 0 R >> /XObject << /X 5 0 R >> >> "
               b"/Contents 6 0 R >>",
               _FONT,
               _stream(b"/X Do", b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                 b"/Resources << /XObject << /X 5 0 R >> >>"),
               _stream(_text_ops("A form that draws itself.") + b"/X Do\n")]
    return pdf_file(objects)


def pdf_deflate_bomb(inflated: int, streams: int = 1) -> bytes:
    """Return a PDF whose page content streams inflate to `inflated` bytes each (white space)."""
    packer = zlib.compressobj(9)
    block = b" " * min(inflated, 1 << 20)
    pieces = [packer.compress(block) for _ in range(inflated // len(block))]
    packed = b"".join(pieces) + packer.compress(b" " * (inflated % len(block))) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT]
    contents = []
    for _ in range(streams):
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
                       + packed + b"\nendstream")
        contents.append(b"%d 0 R" % len(objects))
    objects.append(_stream(_text_ops("A page of compressed white space.")))
    contents.append(b"%d 0 R" % len(objects))
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                   b"/Resources << /Font << /F1 3 0 R >> >> /Contents [%s] >>"
                   % b" ".join(contents))
    objects[1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % len(objects)
    return pdf_file(objects)


def pdf_self_length() -> bytes:
    """Return a PDF whose content stream's `/Length` is a reference to the stream itself."""
    content = _text_ops("A stream that measures itself.")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               _FONT,
               b"<< /Length 5 0 R >>\nstream\n" + content + b"\nendstream"]
    return pdf_file(objects)


def pdf_prev_loop() -> bytes:
    """Return a PDF whose cross-reference `/Prev` chain loops back on itself."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               _FONT,
               _stream(_text_ops("A document whose history loops."))]
    return pdf_file(objects, prev_loop=True)


# --- metadata ----------------------------------------------------------------------------------


def yaml_alias_bomb(key: str = "volume", levels: int = 9) -> str:
    """Return YAML whose `key` expands to 9**levels strings through aliases (700 bytes)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"{key}: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def yaml_deep(depth: int) -> str:
    """Return YAML nesting flow lists `depth` deep under `title`."""
    return "title: " + "[" * depth + "]" * depth + "\n"


def toml_deep(depth: int) -> str:
    """Return TOML nesting inline arrays `depth` deep under `title`."""
    return "title = " + "[" * depth + "]" * depth + "\n"


def markdown_with_front(front: str, body: str = "Body text of the article.") -> bytes:
    """Return a Markdown article with `front` as its YAML front matter."""
    return f"---\n{front}---\n\n# A title\n\n{body}\n".encode()


# --- DOCX --------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>')


def docx_file(body: str, styles: str = "") -> bytes:
    """Return a minimal DOCX whose `w:body` holds `body` and `w:styles` holds `styles`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        archive.writestr("word/document.xml",
                         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
        archive.writestr("word/styles.xml",
                         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         f'<w:styles xmlns:w="{_W}">{styles}</w:styles>')
    return out.getvalue()


def _para(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _styles(count: int) -> str:
    return "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Style {i}"/>'
                   f"</w:style>" for i in range(count))


def docx_empty_paragraphs(count: int, styles: int = 200) -> bytes:
    """Return a DOCX of one line of text followed by `count` empty `<w:p/>` paragraphs.

    Under a megabyte of XML (below the archive's ratio check) holds 160,000 of them.
    """
    return docx_file(_para("The only words in this document.") + "<w:p/>" * count,
                     _styles(styles))


def docx_many_styles(paragraphs: int, styles: int) -> bytes:
    """Return a DOCX of `paragraphs` paragraphs, each naming one of `styles` paragraph styles."""
    body = "".join(_para(f"Paragraph {i} of a document with many styles.", f"S{styles - 1 - i}")
                   for i in range(paragraphs))
    return docx_file(body, _styles(styles))


def pptx_template_bomb(inflated: int) -> bytes:
    """Return python-pptx's default template with an extra member inflating to `inflated` bytes."""
    from pptx import Presentation

    base = io.BytesIO()
    Presentation().save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        with archive.open("ppt/media/padding.bin", "w", force_zip64=True) as member:
            block = b"\0" * 1_000_000
            for _ in range(inflated // len(block)):
                member.write(block)
    return out.getvalue()


# --- text ---------------------------------------------------------------------------------------


def html_charset(name: str) -> bytes:
    """Return an HTML page declaring `<meta charset=name>`."""
    return (f'<!doctype html><html><head><meta charset="{name}"><title>Charset test</title>'
            f"</head><body><article><h1>Charset test</h1><p>This page declares the {name} "
            f"encoding, which is not a text encoding at all, and should still be read.</p>"
            f"<p>A second paragraph of ordinary prose for the extractor.</p></article>"
            f"</body></html>").encode("ascii")
