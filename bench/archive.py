"""Time an archive export on a local 2-worker Dask cluster against `--jobs 2`, in one run.

Generates N distinct articles (variations of the sample and the test articles, as
`bench/pack.py` makes them), starts a Dask scheduler and two single-threaded worker processes
on 127.0.0.1, and times `exporter build --scheduler ADDRESS` and `exporter build --jobs 2` on
the same folder, each from scratch (`--no-cache`), with `SOURCE_DATE_EPOCH` set so the two
output trees can be compared byte for byte. Needs the `dask` extra. The cluster's start-up is
reported apart: an archive run uses a cluster that is already up. CPU seconds (user + system,
of every process involved, the cluster's start-up included) are reported beside wall time,
which on a shared machine depends on what else runs.

    python bench/archive.py [-n 2000] [--format pdf ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.pack import seeds, variation  # noqa: E402
from bench.tree import measure  # noqa: E402


def generate(folder: Path, count: int) -> None:
    """Write `count` distinct articles into `folder`."""
    rng = random.Random(2017)
    texts = seeds()
    for i in range(count):
        text = variation(texts[i % len(texts)], i + 1, rng)
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")


def timed(args: list[str]) -> float:
    """Return the wall seconds of `exporter` with `args`; fail loudly if it fails."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "exporter.cli", *args], capture_output=True,
                          text=True, env=ENV)
    if done.returncode != 0:
        raise SystemExit(f"exporter {' '.join(args[:1])} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000"}


def children_cpu() -> float:
    """Return the CPU seconds (user + system) of every child process reaped so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def differing(left: Path, right: Path) -> list[str]:
    """Return the files that differ (or exist on one side only) between two trees."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()} | \
        {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(str(name) for name in names
                  if not (left / name).is_file() or not (right / name).is_file()
                  or (left / name).read_bytes() != (right / name).read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--format", dest="formats", action="append", default=[],
                        choices=["pdf", "docx", "md", "pptx"], help="default: all four")
    args = parser.parse_args()
    try:
        from distributed import LocalCluster
    except ImportError:
        print("skipped: needs the dask extra (pip install 'exporter[dask]')")
        return 0
    formats = [f"--format={name}" for name in args.formats]
    work = Path(tempfile.mkdtemp(prefix="exporter-archive-bench-"))
    try:
        src = work / "in"
        src.mkdir()
        generate(src, args.n)
        start, cpu = time.perf_counter(), children_cpu()
        # No dashboard; the scheduler's HTTP server on a free loopback port, not 8787.
        with LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None,
                          scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
            cluster_up = time.perf_counter() - start
            on_cluster = timed(["build", str(src), "-o", str(work / "cluster"), "--no-cache",
                                "--scheduler", cluster.scheduler_address, *formats])
        cluster_cpu = children_cpu() - cpu  # the workers are reaped when the cluster closes
        # The local build under bench/tree.py: its fork server's workers are not our children,
        # so only a subreaper sees their CPU.
        os.environ["SOURCE_DATE_EPOCH"] = ENV["SOURCE_DATE_EPOCH"]
        run = measure([sys.executable, "-m", "exporter.cli", "build", str(src), "-o",
                       str(work / "local"), "--no-cache", "--jobs", "2", *formats])
        local, local_cpu = run.wall, run.cpu
        different = differing(work / "cluster", work / "local")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = {
        "articles": args.n,
        "formats": args.formats or ["pdf", "docx", "md", "pptx"],
        "cores": os.cpu_count(),
        "cluster_start_s": round(cluster_up, 2),
        "dask_2_workers_s": round(on_cluster, 1),
        "jobs_2_s": round(local, 1),
        "dask_ms_per_article": round(1000 * on_cluster / args.n, 1),
        "jobs_2_ms_per_article": round(1000 * local / args.n, 1),
        "dask_over_jobs_2": round(on_cluster / local, 2),
        "dask_cpu_s": round(cluster_cpu, 1),
        "jobs_2_cpu_s": round(local_cpu, 1),
        "files_that_differ": len(different),
        "differing_examples": different[:5],
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
