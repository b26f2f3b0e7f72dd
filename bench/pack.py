"""Time and measure `exporter pack` on generated packs of 50 and 200 articles.

The articles are variations of the sample and the test articles (paragraphs rotated, a numbered
title line added, digits changed), so every one is distinct and the cache cannot help the first
build. Reports wall time, CPU time (user + system of every process of the run: the machine may
be shared, so wall time alone says little) and peak memory per size (of the largest process, and
of all the processes together, sampled every 50 ms), how both grow from the smallest to the
largest pack, and the time of a rebuild where nothing changed.

It also reports what the pack overview costs on its own (`overview_*`): story detection,
ordering, the overview and the actor index (`pack.pack_context`), timed in this process over the
articles' stored data. The variations share most of their text, so they form a few large
stories: the worst case for story detection, which compares every pair that shares a shingle.

    python bench/pack.py [--sizes 50 200] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
"""Runs a command and prints the peak RSS of its largest process (KiB), as the kernel counts it."""


def seeds() -> list[str]:
    """Return the texts variations are made from."""
    paths = [REPO / "source" / "pakistan-russia-relations.txt",
             *sorted((REPO / "tests" / "articles").glob("*.txt"))]
    texts = []
    for path in paths:
        data = path.read_bytes()
        for encoding in ("utf-8", "cp1252"):
            try:
                texts.append(data.decode(encoding).replace("\r\n", "\n"))
                break
            except UnicodeDecodeError:
                continue
    return texts


def variation(text: str, number: int, rng: random.Random) -> str:
    """Return a distinct article made from `text`."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    head, body = blocks[:1], blocks[1:]
    cut = rng.randrange(1, max(2, len(body)))
    body = body[cut:] + body[:cut]
    digits = str.maketrans("0123456789", "".join(rng.sample("0123456789", 10)))
    body = [b.translate(digits) if rng.random() < 0.3 else b for b in body]
    return "\n\n".join([*head, f"Briefing note {number}", *body]) + "\n"


def run(args: list[str]) -> tuple[float, int, int, float]:
    """Return (wall seconds, peak RSS of the largest process, peak RSS summed over the whole
    process tree (the pool's workers included), both in MiB, CPU seconds) of a command."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", _MEASURE, *args],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    tree_peak = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        rss, seen = _tree_sample(process.pid)
        tree_peak = max(tree_peak, rss)
        for pid, seconds in seen.items():
            cpu[pid] = max(cpu.get(pid, 0.0), seconds)
        time.sleep(0.05)
    out = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    return (time.perf_counter() - start, int(out.split()[-1]) // 1024, tree_peak // 1024,
            sum(cpu.values()))


def _tree_sample(root: int) -> tuple[int, dict[int, float]]:
    """Return the resident memory (KiB) of `root` and all its descendants now, and the CPU
    seconds each has used so far (Linux /proc). Workers start from a fork server and are not
    reaped by the command's own process, so `RUSAGE_CHILDREN` would miss their CPU time; this
    sampling sees it, less at most one 50 ms interval per process."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    ticks = os.sysconf("SC_CLK_TCK")
    cpu: dict[int, float] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:
            continue
        pid = int(status.parent.name)
        parents[pid] = int(fields.get("PPid", "0"))
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
        try:
            stat = (status.parent / "stat").read_text().rsplit(")", 1)[1].split()
            cpu[pid] = (int(stat[11]) + int(stat[12])) / ticks  # utime + stime
        except (OSError, IndexError, ValueError):
            pass
    total, wanted = 0, {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    for pid in wanted:
        total += rss.get(pid, 0)
    return total, {pid: cpu[pid] for pid in wanted if pid in cpu}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(2017)
    texts = seeds()
    work = Path(tempfile.mkdtemp(prefix="exporter-pack-bench-"))
    rows = []
    try:
        for size in args.sizes:
            src = work / f"in-{size}"
            src.mkdir()
            for i in range(size):
                text = variation(texts[i % len(texts)], i + 1, rng)
                (src / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")
            out = work / f"out-{size}"
            command = [sys.executable, "-m", "exporter.cli", "pack", str(src), "--title",
                       f"Bench pack of {size}", "-o", str(out), "--jobs", str(args.jobs)]
            wall, peak, tree, cpu = run(command)
            again, _, _, _ = run(command)
            pages = _pages(out / "pack.pdf")
            overview_wall, overview_cpu, stories = _overview_cost(src, work / f"data-{size}")
            rows.append({"articles": size, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
                         "overview_wall_s": round(overview_wall, 2),
                         "overview_cpu_s": round(overview_cpu, 2), "stories": stories,
                         "peak_mib_largest_process": peak, "peak_mib_all_processes": tree,
                         "pack_pdf_pages": pages, "no_change_rebuild_s": round(again, 2)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    first, last = rows[0], rows[-1]
    factor = last["articles"] / first["articles"]
    report = {
        "jobs": args.jobs,
        "runs": rows,
        "time_growth": f"{last['wall_s'] / first['wall_s']:.2f}x for {factor:.0f}x articles",
        "memory_growth_largest_process": _growth(first, last, "peak_mib_largest_process"),
        "memory_growth_all_processes": _growth(first, last, "peak_mib_all_processes"),
    }
    print(json.dumps(report, indent=1))
    return 0


def _overview_cost(src: Path, data: Path) -> tuple[float, float, int]:
    """Return (wall, CPU seconds) of the pack-level analysis over the articles in `src`, and
    the number of stories found (articles are analysed first, untimed)."""
    sys.path.insert(0, str(REPO))
    from exporter import analyse, load
    from exporter.build import ArticleResult, BuildConfig
    from exporter.model import to_data
    from exporter.packing import pack_context

    data.mkdir()
    results = []
    for path in sorted(src.iterdir()):
        target = data / f"{path.stem}.json"
        target.write_text(json.dumps(to_data(analyse(load(path)))), encoding="utf-8")
        results.append(ArticleResult(source=path.name, data_file=str(target)))
    wall, cpu = time.perf_counter(), time.process_time()
    context = pack_context("Bench", results, BuildConfig(out_dir=data))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    stories = len(context["groups"])
    return wall, cpu, stories


def _growth(first: dict[str, int], last: dict[str, int], key: str) -> str:
    factor = last["articles"] / first["articles"]
    return f"{last[key] / first[key]:.2f}x for {factor:.0f}x articles"


def _pages(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(pdf).pages) if pdf.exists() else None


if __name__ == "__main__":
    sys.exit(main())
