"""Time `exporter build` against the library floor and the chain a user would script, in one run.

- **Floor**: the least work any tool must do for the same outputs: the same paragraphs poured
  straight into ReportLab (one Paragraph each, DejaVu embedded), python-docx (one paragraph each)
  and python-pptx (12 slides: a title and 11 of bullets), with no model, analysis or templates.
- **Chain**: what a user would script without exporter: for each article, pandoc → DOCX,
  pandoc → PPTX and pandoc → standalone HTML → WeasyPrint PDF, every step a command as a shell
  script runs it (`chain_s`); and, its most favourable reading, WeasyPrint called through its
  Python API in one process so its start-up is paid once (`chain_weasyprint_in_process_s`).
  WeasyPrint is not a dependency: `pip install weasyprint` in the bench environment; without it
  (or pandoc) the chain reports what it could time.
- **Long article**: one article of `--long` paragraphs (default 4,000), exporter vs floor.
- **Start-up**: `exporter --version` (`bench/startup.py`).

Targets (issue 12): all formats ≤ 3× the floor, ≤ 0.1 of the chain's time, the long article
≤ 10× its floor, start-up < 0.3 s. Every figure is a fresh process's wall time; exporter runs
with `--jobs 1` unless `--jobs` says otherwise, as the floor and the chain use one core. CPU
times (`*_cpu_*`, steadier on a shared machine) and peak memory cover every process a command
started, the fork server's workers included (`bench/tree.py`).

On a shared machine one run of each can be 30 % off either way: `--repeat N` runs the floor and
the all-format export N times each, alternately, and reports the least wall and CPU time of each
(`*_runs` lists them all); the chain and the long article are timed N times too, so every ratio
compares the least of N with the least of N. `--bytecode` compiles exporter's modules before
timing, as pip does when it installs the wheel: an editable checkout run with
PYTHONDONTWRITEBYTECODE set otherwise compiles every module from source in every process
(`exporter_bytecode` says which was timed); the files it wrote are removed afterwards.

    python bench/build.py [-n 20] [--long 4000] [--jobs 1] [--chain-sample N] [--repeat N]
                          [--bytecode]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.pack import seeds  # noqa: E402
from bench.startup import measure as measure_startup  # noqa: E402
from bench.tree import Measured, measure  # noqa: E402

SLIDES = 12


def paragraphs_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def floor_job(folder: Path) -> None:
    """Write a PDF, a DOCX and a 12-slide PPTX per article with the libraries alone."""
    from xml.sax.saxutils import escape

    import docx
    import pptx
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    fonts = REPO / "exporter" / "fonts"
    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(fonts / "DejaVuSerif.ttf")))
    style = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=10.5, leading=14)
    for path in sorted(folder.glob("*.txt")):
        paragraphs = paragraphs_of(path)
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=A4).build(
            [Paragraph(escape(p), style) for p in paragraphs])
        document = docx.Document()
        for p in paragraphs:
            document.add_paragraph(p)
        document.save(io.BytesIO())
        deck = pptx.Presentation()
        title = deck.slides.add_slide(deck.slide_layouts[0])
        title.shapes.title.text = paragraphs[0]
        per_slide = max(1, -(-len(paragraphs[1:]) // (SLIDES - 1)))
        for start in range(1, len(paragraphs), per_slide):
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            slide.shapes.title.text = paragraphs[start][:60]
            body = slide.placeholders[1].text_frame
            for i, p in enumerate(paragraphs[start:start + min(per_slide, 5)]):
                line = body.paragraphs[0] if i == 0 else body.add_paragraph()
                line.text = p[:160]
        deck.save(io.BytesIO())


def chain_job(folder: Path, out: Path, in_process: bool) -> None:
    """Run pandoc → DOCX, → PPTX and → HTML → WeasyPrint on every article in `folder`."""
    HTML = None  # WeasyPrint's class, when it is called in this process
    if in_process:
        from weasyprint import HTML
    weasyprint = shutil.which("weasyprint") or str(Path(sys.executable).with_name("weasyprint"))
    for path in sorted(folder.glob("*.txt")):
        base = out / path.stem
        for suffix in ("docx", "pptx"):
            subprocess.run(["pandoc", str(path), "-f", "markdown", "-o",
                            f"{base}.{suffix}"], check=True)
        subprocess.run(["pandoc", str(path), "-f", "markdown", "-s", "--metadata",
                        f"title={path.stem}", "-o", f"{base}.html"], check=True)
        if HTML is not None:
            HTML(filename=f"{base}.html").write_pdf(f"{base}.pdf")
        elif Path(weasyprint).exists():
            subprocess.run([weasyprint, f"{base}.html", f"{base}.pdf"], check=True)


def run_child(args: list[str]) -> Measured:
    """Return the wall time of a command, and the CPU time and peak RSS of every process it
    started, the fork server's workers included (`bench.tree`)."""
    return measure(args)


def exporter(src: Path, out: Path, jobs: int, *extra: str) -> Measured:
    return run_child([sys.executable, "-m", "exporter.cli", "build", str(src), "-o",
                      str(out), "--jobs", str(jobs), *extra])


def long_article(count: int) -> str:
    """Return an article of `count` paragraphs, cycled from the sample and test articles."""
    pool = [p for text in seeds() for p in text.split("\n\n")[1:] if len(p.split()) > 8]
    rng = random.Random(4000)
    body = [" ".join(pool[i % len(pool)].split()) + f" ({rng.randrange(10**6)})"
            for i in range(count)]
    return "\n\n".join([f"A long briefing of {count} paragraphs", *body]) + "\n"


def bytecode() -> str:
    """Say whether exporter's modules load from cached bytecode in the processes timed.

    An installed wheel's do (pip compiles them); an editable checkout run with
    PYTHONDONTWRITEBYTECODE set compiles every exporter module from source in every process,
    about 0.15 s of a build's fixed cost on the bench machine, which an installed copy never pays.
    """
    import importlib.util

    sources = list((REPO / "exporter").rglob("*.py"))
    cached = sum(1 for path in sources
                 if Path(importlib.util.cache_from_source(str(path))).exists())
    if cached == len(sources):
        return "cached"
    how = " (PYTHONDONTWRITEBYTECODE)" if sys.flags.dont_write_bytecode else ""
    return f"{len(sources) - cached} of {len(sources)} modules compiled from source{how}"


@contextlib.contextmanager
def compiled(wanted: bool) -> Iterator[None]:
    """Compile exporter's modules to bytecode while timing, as an installed wheel has them;
    remove the files compiled here afterwards (a checkout kept without bytecode stays so)."""
    if not wanted:
        yield
        return
    import importlib.util

    sources = list((REPO / "exporter").rglob("*.py"))
    missing = [Path(importlib.util.cache_from_source(str(path))) for path in sources]
    missing = [path for path in missing if not path.exists()]
    compileall.compile_dir(str(REPO / "exporter"), quiet=1)
    try:
        yield
    finally:
        for path in missing:
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.parent.rmdir()  # only when empty: a __pycache__ made here


def least(runs: list[Measured]) -> Measured:
    """The run with least wall time, with the least CPU time of all runs."""
    best = min(runs, key=lambda run: run.wall)
    return Measured(wall=best.wall, cpu=min(run.cpu for run in runs),
                    peak_kib=max(run.peak_kib for run in runs), whole_tree=best.whole_tree)


def chain_available() -> dict[str, bool]:
    try:
        import weasyprint  # noqa: F401
        weasy = True
    except ImportError:
        weasy = False
    return {"pandoc": shutil.which("pandoc") is not None, "weasyprint": weasy}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="articles (copies of the source)")
    parser.add_argument("--source", default=str(REPO / "source" / "pakistan-russia-relations.txt"))
    parser.add_argument("--jobs", type=int, default=1, help="exporter --jobs")
    parser.add_argument("--long", type=int, default=4000,
                        help="paragraphs of the long article (0: skip it)")
    parser.add_argument("--chain-sample", type=int, default=0,
                        help="time the chain on this many articles and scale (0: all)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time the floor and the all-format export this many times each, "
                             "alternately, and report the least")
    parser.add_argument("--bytecode", action="store_true",
                        help="compile exporter's modules before timing, as an install does")
    parser.add_argument("--floor-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--chain-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_only:
        floor_job(Path(args.folder))
        return 0
    if args.chain_only:
        chain_job(Path(args.folder), Path(args.out), args.in_process)
        return 0
    report: dict[str, object] = {"articles": args.n, "jobs": args.jobs}
    work = Path(tempfile.mkdtemp(prefix="exporter-bench-"))
    with compiled(args.bytecode):
        try:
            report.update(timed(args, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        report["startup"] = measure_startup(7)
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


def timed(args: argparse.Namespace, work: Path) -> dict[str, object]:
    """Return every figure but start-up, timed in `work`."""
    report: dict[str, object] = {}
    src = work / "in"
    src.mkdir()
    data = Path(args.source).read_bytes()
    for i in range(args.n):
        (src / f"article-{i:03d}.txt").write_bytes(data)
    floors, fulls = [], []
    for _ in range(max(1, args.repeat)):
        floors.append(run_child([sys.executable, __file__, "--floor-only", "--folder",
                                 str(src)]))
        fulls.append(exporter(src, work / "out-all", args.jobs, "--no-cache"))
    floor, full = least(floors), least(fulls)
    cached = exporter(src, work / "out-all", args.jobs)
    if args.repeat > 1:
        report.update({
            "floor_runs_s": [round(run.wall, 2) for run in floors],
            "exporter_runs_s": [round(run.wall, 2) for run in fulls],
        })
    report.update({
        "floor_pdf_docx_pptx_s": round(floor.wall, 2),
        "exporter_all_formats_s": round(full.wall, 2),
        "all_formats_over_floor": round(full.wall / floor.wall, 2),
        "target_over_floor": 3.0,
        "floor_cpu_s": round(floor.cpu, 2),
        "exporter_cpu_s": round(full.cpu, 2),
        "cpu_over_floor": round(full.cpu / floor.cpu, 2),
        "no_change_rebuild_s": round(cached.wall, 2),
        "peak_rss_mib": round(full.peak_kib / 1024, 1),
        "floor_peak_rss_mib": round(floor.peak_kib / 1024, 1),
        "exporter_bytecode": bytecode(),
    })
    repeat = max(1, args.repeat)
    report.update(chain(src, work, args.n, args.chain_sample, full.wall, repeat))
    if args.long:
        report.update(long_run(work, args.long, args.jobs, repeat))
    return report


def chain(src: Path, work: Path, count: int, sample: int, exporter_s: float,
          repeat: int = 1) -> dict[str, object]:
    """Time the pandoc + WeasyPrint chain (on `sample` articles, scaled, when given), the
    least of `repeat` runs, as the export it is compared with."""
    tools = chain_available()
    if not tools["pandoc"]:
        return {"chain": "skipped: pandoc is not installed"}
    folder = src
    if sample and sample < count:
        folder = work / "chain-in"
        folder.mkdir()
        for path in sorted(src.glob("*.txt"))[:sample]:
            shutil.copy(path, folder / path.name)
    timed = len(list(folder.glob("*.txt")))
    seconds = {}
    for label, extra in (("script", []), ("in_process", ["--in-process"])):
        if extra and not tools["weasyprint"]:
            continue
        runs = []
        for n in range(repeat):
            out = work / f"chain-{label}-{n}"
            out.mkdir()
            runs.append(run_child([sys.executable, __file__, "--chain-only", "--folder",
                                   str(folder), "--out", str(out), *extra]))
        seconds[label] = least(runs).wall * count / timed
    what = "pandoc → DOCX, PPTX, HTML" + (" → WeasyPrint PDF" if tools["weasyprint"] else
                                         " (WeasyPrint not installed: no PDF timed)")
    report: dict[str, object] = {
        "chain": what,
        "chain_s": round(seconds["script"], 2),
        "chain_estimated_from": timed if timed < count else None,
        "exporter_over_chain": round(exporter_s / seconds["script"], 3),
        "target_over_chain": 0.1,
    }
    if "in_process" in seconds:
        report["chain_weasyprint_in_process_s"] = round(seconds["in_process"], 2)
        report["exporter_over_chain_in_process"] = round(exporter_s / seconds["in_process"], 3)
    return report


def long_run(work: Path, paragraphs: int, jobs: int, repeat: int = 1) -> dict[str, object]:
    """Time the long article: exporter, all formats, against its floor (the least of
    `repeat` runs of each, alternately)."""
    folder = work / "long"
    folder.mkdir()
    (folder / "long.txt").write_text(long_article(paragraphs), encoding="utf-8")
    floors, tools = [], []
    for _ in range(repeat):
        floors.append(run_child([sys.executable, __file__, "--floor-only", "--folder",
                                 str(folder)]))
        tools.append(exporter(folder, work / "long-out", jobs, "--no-cache"))
    floor, tool = least(floors), least(tools)
    return {
        "long_paragraphs": paragraphs,
        "long_floor_s": round(floor.wall, 2),
        "long_exporter_all_formats_s": round(tool.wall, 2),
        "long_over_floor": round(tool.wall / floor.wall, 2),
        "long_cpu_over_floor": round(tool.cpu / floor.cpu, 2),
        "long_target_over_floor": 10.0,
    }


if __name__ == "__main__":
    sys.exit(main())
