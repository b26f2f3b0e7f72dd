"""Time two checkouts' `exporter build` against each other and the library floor, alternately.

On a shared machine one run of `bench/build.py` per checkout can differ by 30 % or more from
the load alone, so a base and a head timed minutes apart say little. Here every repetition runs
the base's export, the head's and the floor (`bench/build.py --floor-only`) one after the
other, on the same copies of one article, and the least wall and CPU time of each is reported
with the ratios. CPU times cover every process a command started (`bench/tree.py`). Both
checkouts run with this interpreter (their own code first on the path, each from its own
folder); `--bytecode` compiles their modules first, as an install does.

    git worktree add ../base <commit>
    python bench/ab.py --base ../base [--head .] [-n 20] [--repeat 5] [--no-floor] [--bytecode]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.tree import Measured, measure  # noqa: E402


def export(tree: Path, src: Path, out: Path, jobs: int) -> Measured:
    """Return the measured `exporter build` of `src` by the checkout in `tree` (run from it)."""
    return measure(["env", f"PYTHONPATH={tree}", sys.executable, "-m", "exporter.cli", "build",
                    str(src), "-o", str(out), "--jobs", str(jobs), "--no-cache"])


def least(runs: list[Measured]) -> tuple[float, float]:
    return min(run.wall for run in runs), min(run.cpu for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the checkout to compare against")
    parser.add_argument("--head", default=str(REPO), help="the checkout measured (default: this)")
    parser.add_argument("-n", type=int, default=20, help="articles (copies of the source)")
    parser.add_argument("--source", default=str(REPO / "source" / "pakistan-russia-relations.txt"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-floor", action="store_true", help="time the two exports only")
    parser.add_argument("--bytecode", action="store_true",
                        help="compile both checkouts' modules first (the files are kept)")
    args = parser.parse_args()
    trees = {"base": Path(args.base).resolve(), "head": Path(args.head).resolve()}
    if args.bytecode:
        for tree in trees.values():
            compileall.compile_dir(str(tree / "exporter"), quiet=1)
    runs: dict[str, list[Measured]] = {"base": [], "head": [], "floor": []}
    work = Path(tempfile.mkdtemp(prefix="exporter-ab-"))
    try:
        src = work / "in"
        src.mkdir()
        data = Path(args.source).read_bytes()
        for i in range(args.n):
            (src / f"article-{i:03d}.txt").write_bytes(data)
        for _ in range(max(1, args.repeat)):
            for name, tree in trees.items():
                out = work / f"out-{name}"
                os.chdir(tree)  # `-m` puts the working folder first on the path
                runs[name].append(export(tree, src, out, args.jobs))
                shutil.rmtree(out, ignore_errors=True)
            if not args.no_floor:
                runs["floor"].append(measure([sys.executable, str(REPO / "bench" / "build.py"),
                                              "--floor-only", "--folder", str(src)]))
    finally:
        os.chdir(REPO)
        shutil.rmtree(work, ignore_errors=True)
    report: dict[str, object] = {"articles": args.n, "jobs": args.jobs, "repeat": args.repeat}
    for name, measured in runs.items():
        if measured:
            wall, cpu = least(measured)
            report[f"{name}_s"] = round(wall, 2)
            report[f"{name}_cpu_s"] = round(cpu, 2)
            report[f"{name}_runs_s"] = [round(run.wall, 2) for run in measured]
    (bw, bc), (hw, hc) = least(runs["base"]), least(runs["head"])
    report["head_over_base"] = round(hw / bw, 3)
    report["head_over_base_cpu"] = round(hc / bc, 3)
    if runs["floor"]:
        fw, fc = least(runs["floor"])
        for name, (wall, cpu) in (("base", (bw, bc)), ("head", (hw, hc))):
            report[f"{name}_over_floor"] = round(wall / fw, 2)
            report[f"{name}_cpu_over_floor"] = round(cpu / fc, 2)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
