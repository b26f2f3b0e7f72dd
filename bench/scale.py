"""Time each output format on one long generated article, at growing lengths, in one run.

Every writer should be linear in the article's length: doubling the paragraphs should about
double each format's time, and no format should take more than twice the PDF's time. For each
length (1,000, 4,000 and 8,000 paragraphs by default; 8,000 is about 367 KB) an article is made
from the words of `source/pakistan-russia-relations.txt`, and `exporter build --format F
--no-cache -j 1` runs once per format in a fresh process (reading and analysis included, as a
user would see it). Reported: seconds per format, each format's time over the PDF's, and how
each format's time grows from the smallest length to the largest over the length's own growth
(about 1 for a linear writer).

    python bench/scale.py [--sizes 1000 4000 8000] [--formats pdf docx md pptx]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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


def time_build(source: Path, fmt: str, out: Path) -> float:
    """Return the wall time of one `exporter build` of `source` in format `fmt`."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "exporter.cli", "build", str(source), "-o", str(out),
                    "--format", fmt, "--no-cache", "-j", "1"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 8000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="exporter-scale-") as tmp:
        work = Path(tmp)
        for size in args.sizes:
            source = work / f"long-{size}.txt"
            source.write_text(article(size), encoding="utf-8")
            results[size] = {fmt: round(time_build(source, fmt, work / f"out-{size}-{fmt}"), 2)
                             for fmt in args.formats}
            kib = source.stat().st_size / 1024
            row = "  ".join(f"{fmt} {secs:6.2f} s" for fmt, secs in results[size].items())
            total = sum(results[size].values())
            print(f"{size:6d} paragraphs ({kib:5.0f} KiB): {row}  all {total:.1f} s", flush=True)
    largest, smallest = max(args.sizes), min(args.sizes)
    pdf = results[largest].get("pdf")
    summary = {"seconds": results}
    if pdf:
        summary["over_pdf"] = {fmt: round(secs / pdf, 2) for fmt, secs in results[largest].items()}
    if largest > smallest:
        growth = largest / smallest
        summary["growth_over_linear"] = {
            fmt: round(results[largest][fmt] / results[smallest][fmt] / growth, 2)
            for fmt in args.formats}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
