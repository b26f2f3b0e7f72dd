"""Check a DOCX contents list against a real reader: LibreOffice's own layout of the file.

Used by tests/test_docx_toc_pages.py and bench/docx_toc.py. Each contents entry's cached page
number is compared with the page of the PDF (`soffice --headless --convert-to pdf`) on which
its heading is printed, found by its text, in order, after the contents pages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BRAND_FONTS = Path(__file__).parent / "brand" / "fonts"
BRAND_FAMILIES = {"Acme Text": "DejaVu Serif Condensed", "Acme Display": "DejaVu Sans Mono"}
"""The test brand's family names -> the family names inside its font files."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def has_carlito() -> bool:
    """Whether fontconfig sets Calibri in Carlito (its metric-compatible face), as the model
    assumes a reader without Calibri does."""
    if shutil.which("fc-match") is None:
        return False
    found = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True, check=False)
    return "Carlito" in found.stdout


def brand_fontconfig(folder: Path) -> dict[str, str]:
    """Environment under which LibreOffice finds the test brand's families by their brand
    names (as an organisation that installed its house fonts would)."""
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{name}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{real}</string></edit>'
        "</match>" for name, real in BRAND_FAMILIES.items())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{BRAND_FONTS}</dir>"
        f"<cachedir>{folder / 'fc-cache'}</cachedir>{rules}</fontconfig>", encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


def to_pdf(docx: Path, folder: Path, env: dict[str, str] | None = None) -> Path:
    """Convert `docx` with LibreOffice (a private profile: other instances may be running)."""
    profile = folder / "lo-profile"
    command = [soffice() or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder), str(docx)]
    subprocess.run(command, capture_output=True, check=True, timeout=300,
                   env={**os.environ, **(env or {})})
    pdf = folder / (docx.stem + ".pdf")
    if not pdf.exists():
        raise AssertionError(f"LibreOffice wrote no PDF for {docx}")
    return pdf


def contents_entries(docx: bytes) -> list[tuple[str, str | None]]:
    """Each contents entry's text and its cached page number, in order."""
    with zipfile.ZipFile(_bytes_io(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    entries = []
    for link in root.iter(f"{W}hyperlink"):
        if not (link.get(f"{W}anchor") or "").startswith("_Toc"):
            continue
        text: list[str] = []
        number: list[str] = []
        state = "text"
        for el in link.iter(f"{W}t", f"{W}fldChar", f"{W}tab"):
            if el.tag == f"{W}fldChar":
                kind = el.get(f"{W}fldCharType")
                state = {"begin": "instr", "separate": "result", "end": "done"}.get(kind, state)
            elif el.tag == f"{W}t":
                (text if state == "text" else number if state == "result" else []).append(
                    el.text or "")
            elif state == "text":
                state = "tab"
        entries.append(("".join(text), "".join(number) or None))
    return entries


def _bytes_io(data: bytes) -> object:
    import io

    return io.BytesIO(data)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _starts(lines: list[str]) -> list[str]:
    """Each line that starts at the left margin, squashed, with the line after it."""
    return [_squash(line) + _squash(after)
            for line, after in zip(lines, [*lines[1:], ""], strict=False) if line[:1].strip()]


def heading_pages(pdf: Path, titles: list[str]) -> list[int | None]:
    """The page each title is printed on as a heading, looked for in order after the
    contents pages (the pages with dot leaders at the start of the document)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    # A heading starts a line at the left margin (a list item or a table cell quoting the
    # same title is indented); its text may run onto a second line.
    pages = [_starts(page.splitlines()) for page in out.split("\f")]
    leader = [i for i, page in enumerate(pages[:40]) if any("......" in ln for ln in page)]
    start = leader[-1] + 1 if leader else 0
    found: list[int | None] = []
    at = start
    for title in titles:
        key = _squash(title)[:40]
        page = next((i for i in range(at, len(pages))
                     if any(line.startswith(key) for line in pages[i])), None)
        if page is not None:
            at = page
        found.append(None if page is None else page + 1)
    return found


def check(docx: Path, folder: Path, env: dict[str, str] | None = None
          ) -> list[tuple[str, str | None, int | None]]:
    """(entry text, page number listed, page LibreOffice prints the heading on) per entry."""
    entries = contents_entries(docx.read_bytes())
    actual = heading_pages(to_pdf(docx, folder, env), [text for text, _ in entries])
    return [(text, listed, page) for (text, listed), page in zip(entries, actual, strict=True)]
