"""Shared helpers for the robustness suite: rendering in memory, reading outputs back as text."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from exporter import templating, writers
from exporter.analysis import analyse
from exporter.build import BuildConfig, render_outputs, template_context
from exporter.model import Briefing
from exporter.options import RenderOptions
from exporter.readers import read_data

EPOCH = 1_500_000_000
OPTIONS = RenderOptions(timestamp=EPOCH)
CONFIG = BuildConfig(out_dir=Path("unused"), options=OPTIONS, use_cache=False)
"""Every registered format, a fixed timestamp; `out_dir` is never touched by render_outputs."""


def briefing_of(text: str, name: str) -> Briefing:
    """Return the analysed article read from `text` encoded as UTF-8 under file name `name`."""
    return analyse(read_data(text.encode("utf-8"), name))


def render_all(briefing: Briefing) -> dict[str, bytes]:
    """Return every registered writer's output for `briefing`.

    Writers made for packs (the handouts) are fed the article's own document of the same kind
    (`pack-slides.xml.j2` -> `slides.xml.j2`), so every writer sees hostile text.
    """
    outputs = render_outputs(briefing, CONFIG)
    context = template_context(briefing, OPTIONS)
    for name in writers.names():
        if name in CONFIG.formats:
            continue
        writer = writers.get(name)
        doc = templating.render(writer.template.removeprefix("pack-"), context)
        outputs[writer.output] = writer.write(doc, OPTIONS)
    return outputs


def pdf_text(data: bytes) -> str:
    """Return the text layer of a PDF (pdftotext when installed, else pypdf)."""
    tool = shutil.which("pdftotext")
    if tool is not None:
        return subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=data, check=True,
                              capture_output=True).stdout.decode("utf-8")
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    """Return the text of a DOCX's paragraphs and table cells, read back with python-docx."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_uncompressed(data: bytes) -> bytes:
    """Return the PDF with every stream decompressed and no object streams (for scanning)."""
    tool = shutil.which("qpdf")
    if tool is not None:
        with tempfile.TemporaryDirectory() as folder:
            src, dst = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
            src.write_bytes(data)
            # Exit status 3 means "succeeded with warnings"; anything else is a broken PDF.
            done = subprocess.run([tool, "--qdf", "--object-streams=disable",
                                   "--stream-data=uncompress", str(src), str(dst)],
                                  capture_output=True, check=False)
            assert done.returncode in (0, 3), done.stderr.decode(errors="replace")
            return dst.read_bytes()
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import StreamObject

    # The fallback when qpdf is absent: clone every object and inflate each stream.
    clone = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    streams = [obj.get_data() for obj in clone._objects if isinstance(obj, StreamObject)]
    return b"\n".join([data, *streams])


def output_blobs(name: str, data: bytes) -> dict[str, bytes]:
    """Return every scannable part of one output: zip members unpacked, PDF streams inflated."""
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {f"{name}!{member}": archive.read(member) for member in archive.namelist()}
    if data.startswith(b"%PDF-"):
        return {name: pdf_uncompressed(data)}
    return {name: data}
