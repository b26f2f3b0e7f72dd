"""Time each output format on one long generated article, at growing lengths, in one run.

Every writer should be linear in the article's length: doubling the paragraphs should about
double each format's time, and no format should take more than twice the PDF's time. For each
length (1,000, 4,000 and 8,000 paragraphs by default; 8,000 is about 367 KB) an article is made
from the words of `source/pakistan-russia-relations.txt`, and `exporter build --format F
--no-cache -j 1` runs once per format in a fresh process (reading and analysis included, as a
user would see it). Reported: wall and CPU seconds per format (the CPU time of every process the
build started, its worker included: `bench/tree.py`), each format's CPU time over the PDF's,
and how each format's CPU time grows from the smallest length to the largest over the length's
own growth (about 1 for a linear writer; below 1 while start-up still dominates).

    python bench/scale.py [--sizes 1000 4000 8000] [--formats pdf docx md pptx]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.tree import measure  # noqa: E402

FORMATS = ("pdf", "docx", "md", "pptx")


def article(paragraphs: int) -> str:
    """Return a title and `paragraphs` short paragraphs (about 46 bytes each) of real words."""
    source = (REPO / "source" / "pakistan-russia-relations.txt").read_text(encoding="utf-8")
    words = source.split()
    out = ["A long briefing on Pakistan-Russia relations"]
    at = 0
    for n in range(paragraphs):
        take = 6 + n % 3
        chunk = [words[(at + k) % len(words)] for k in range(take)]
        at += take
        out.append(" ".join(chunk).rstrip(".,;:") + ".")
    return "\n\n".join(out) + "\n"


def time_build(source: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Return the wall time and the CPU time (user + system) of one `exporter build` of
    `source` in format `fmt`, the CPU time of every process it started included (its worker
    runs in a process forked by a fork server: `bench.tree`). On a shared machine the CPU time
    is the steadier figure."""
    run = measure([sys.executable, "-m", "exporter.cli", "build", str(source), "-o", str(out),
                   "--format", fmt, "--no-cache", "-j", "1"])
    if not run.whole_tree:
        print("warning: the CPU time of the fork server's workers cannot be seen here",
              file=sys.stderr)
    return run.wall, run.cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 8000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    cpu: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="exporter-scale-") as tmp:
        work = Path(tmp)
        for size in args.sizes:
            source = work / f"long-{size}.txt"
            source.write_text(article(size), encoding="utf-8")
            results[size], cpu[size] = {}, {}
            for fmt in args.formats:
                wall, used = time_build(source, fmt, work / f"out-{size}-{fmt}")
                results[size][fmt], cpu[size][fmt] = round(wall, 2), round(used, 2)
            kib = source.stat().st_size / 1024
            row = "  ".join(f"{fmt} {secs:6.2f} s" for fmt, secs in results[size].items())
            total = sum(results[size].values())
            print(f"{size:6d} paragraphs ({kib:5.0f} KiB): {row}  all {total:.1f} s "
                  f"(CPU {sum(cpu[size].values()):.1f} s)", flush=True)
    largest, smallest = max(args.sizes), min(args.sizes)
    summary: dict[str, object] = {"seconds": results, "cpu_seconds": cpu}
    if cpu[largest].get("pdf"):
        pdf = cpu[largest]["pdf"]
        summary["cpu_over_pdf"] = {fmt: round(secs / pdf, 2) for fmt, secs in cpu[largest].items()}
    if largest > smallest:
        growth = largest / smallest
        summary["cpu_growth_over_linear"] = {
            fmt: round(cpu[largest][fmt] / cpu[smallest][fmt] / growth, 2)
            for fmt in args.formats}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
