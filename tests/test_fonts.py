"""The shipped faces are read when ReportLab first asks for one (`fonts._on_demand`): the same
PDF bytes and the same family mappings as with every face registered up front."""

from __future__ import annotations

import subprocess
import sys

from reportlab.lib import fonts as rl_fonts
from reportlab.pdfbase import pdfmetrics

from exporter import fonts

from .conftest import REPO, SAMPLE

WRITE_PDFS = """
import hashlib, sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from exporter import fonts
from exporter.analysis import analyse
from exporter.build import load_briefing, template_context
from exporter.options import RenderOptions
from exporter.readers import ReadLimits, read_data
from exporter.templating import render
from exporter.writers.pdf import PdfWriter

if sys.argv[1] == "all-first":
    fonts.register()
    for name in fonts._SHIPPED:
        pdfmetrics.getFont(name)
# Greek, Cyrillic, and symbols DejaVu Serif lacks (drawn in Sans), in plain, bold and italic.
odd = ("Symbols \\u2713 \\u2264 \\u2192 \\u2600\\n\\n"
       "Athens (\\u0391\\u03b8\\u03ae\\u03bd\\u03b1) and "
       "Moscow (\\u041c\\u043e\\u0441\\u043a\\u0432\\u0430) "
       "signed \\u2713 a **bold \\u2713 \\u2600 deal** and an *italic \\u2192 \\u2600 one* "
       "on 3 May 2021, the minister said.\\n")
options = RenderOptions(timestamp=1500000000)
for briefing in (load_briefing(Path(sys.argv[2]), "sample.txt", ReadLimits()),
                 analyse(read_data(odd.encode(), "odd.md"))):
    data = PdfWriter().write(render(PdfWriter.template, template_context(briefing, options)),
                             options)
    print(hashlib.sha256(data).hexdigest())
print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n in fonts._SHIPPED))
"""


def pdf_hashes(order: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", WRITE_PDFS, order, str(SAMPLE)], cwd=REPO,
                          capture_output=True, text=True, timeout=300, check=True)
    return done.stdout.splitlines()


def test_faces_read_on_demand_give_the_bytes_of_faces_registered_first() -> None:
    lazy, eager = pdf_hashes("on-demand"), pdf_hashes("all-first")
    assert lazy[:2] == eager[:2]
    assert eager[2] == repr(sorted(fonts._SHIPPED))
    assert lazy[2] != eager[2]  # the sample and the odd article leave some faces unread


def dejavu_mappings() -> tuple[dict[object, object], dict[object, object]]:
    def ours(name: object) -> bool:
        return isinstance(name, str) and name.lower().startswith("dejavu")

    tt2ps = {k: v for k, v in rl_fonts._tt2ps_map.items() if ours(k[0])}
    ps2tt = {k: v for k, v in rl_fonts._ps2tt_map.items() if ours(k)}
    return tt2ps, ps2tt


def test_reading_a_face_leaves_the_family_mappings_as_registering_all_first_did() -> None:
    fonts.register()
    before = dejavu_mappings()
    for name in fonts._SHIPPED:
        pdfmetrics.getFont(name)
    assert dejavu_mappings() == before
    assert rl_fonts.tt2ps(fonts.SERIF, 1, 1) == "DejaVuSerif-BoldItalic"
    assert rl_fonts.ps2tt("DejaVuSans-Oblique") == ("dejavusans", 0, 1)
