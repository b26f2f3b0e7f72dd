"""Time `exporter build` against the raw library floor, in one run.

The floor is the least work any tool must do for the same outputs: the same paragraphs poured
straight into ReportLab (one Paragraph per body paragraph, DejaVu fonts embedded) and python-docx
(one paragraph each), with no model, analysis or templates. The ratio says what the pipeline
costs on top of the libraries. Peak memory is the maximum resident size of each measured child.

    python bench/build.py [-n 20] [--source source/pakistan-russia-relations.txt]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def floor_job(folder: Path) -> None:
    """Write a PDF and a DOCX per article with the libraries alone."""
    from xml.sax.saxutils import escape

    import docx
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    fonts = REPO / "exporter" / "fonts"
    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(fonts / "DejaVuSerif.ttf")))
    style = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=10.5, leading=14)
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=A4).build(
            [Paragraph(escape(p), style) for p in paragraphs])
        document = docx.Document()
        for p in paragraphs:
            document.add_paragraph(p)
        document.save(io.BytesIO())


_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_child(args: list[str]) -> tuple[float, int]:
    """Return (wall seconds, peak RSS in KiB) of a command, measured in a fresh wrapper."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *args], check=True,
                          capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="articles (copies of the source)")
    parser.add_argument("--source", default=str(REPO / "source" / "pakistan-russia-relations.txt"))
    parser.add_argument("--jobs", type=int, default=1, help="exporter --jobs")
    parser.add_argument("--floor-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_only:
        floor_job(Path(args.folder))
        return 0
    work = Path(tempfile.mkdtemp(prefix="exporter-bench-"))
    try:
        src = work / "in"
        src.mkdir()
        data = Path(args.source).read_bytes()
        for i in range(args.n):
            (src / f"article-{i:03d}.txt").write_bytes(data)
        floor_s, floor_kib = run_child([sys.executable, __file__, "--floor-only",
                                        "--folder", str(src)])
        tool_s, tool_kib = run_child([sys.executable, "-m", "exporter.cli", "build", str(src),
                                      "-o", str(work / "out"), "--no-cache", "--format", "pdf",
                                      "--format", "docx", "--jobs", str(args.jobs)])
        full_s, _ = run_child([sys.executable, "-m", "exporter.cli", "build", str(src),
                               "-o", str(work / "out-all"), "--no-cache",
                               "--jobs", str(args.jobs)])
        cached_s, _ = run_child([sys.executable, "-m", "exporter.cli", "build", str(src),
                                 "-o", str(work / "out-all"), "--jobs", str(args.jobs)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = {
        "articles": args.n,
        "jobs": args.jobs,
        "floor_pdf_docx_s": round(floor_s, 2),
        "exporter_pdf_docx_s": round(tool_s, 2),
        "ratio": round(tool_s / floor_s, 2),
        "exporter_all_formats_s": round(full_s, 2),
        "no_change_rebuild_s": round(cached_s, 2),
        "peak_rss_mib": round(tool_kib / 1024, 1),
        "floor_peak_rss_mib": round(floor_kib / 1024, 1),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
