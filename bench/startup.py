"""Time the command line's start-up: `exporter --version` in a fresh interpreter.

Target: under 0.3 s. Reports the median and the best wall time of `-n` runs and the median CPU
time (which a busy machine does not inflate), beside a bare `python -c pass` (the interpreter's
own start-up), and the modules `import exporter.cli` loads that take longest (from
`python -X importtime`).

    python bench/startup.py [-n 15]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time


def wall(args: list[str], runs: int) -> tuple[float, float, float]:
    """Return (median wall, best wall, median CPU) seconds of `runs` runs of `args`.

    CPU time (user + system) says what the start-up costs; wall time also says how busy the
    machine was.
    """
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), min(times), statistics.median(cpus)


def slowest_imports(count: int = 5) -> list[tuple[str, float]]:
    """Return the `count` top-level imports of `exporter.cli` with most cumulative time (ms)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import exporter.cli"],
                          check=True, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            if name.startswith("   ") and not name.startswith("    "):  # one level down
                rows.append((name.strip(), int(parts[1]) / 1000))
    return sorted(rows, key=lambda row: -row[1])[:count]


def measure(runs: int = 15) -> dict[str, object]:
    """Return the start-up figures."""
    version_median, version_best, version_cpu = wall(
        [sys.executable, "-m", "exporter.cli", "--version"], runs)
    bare_median, _, bare_cpu = wall([sys.executable, "-c", "pass"], runs)
    return {
        "version_s_median": round(version_median, 3),
        "version_s_best": round(version_best, 3),
        "version_cpu_s_median": round(version_cpu, 3),
        "python_bare_s_median": round(bare_median, 3),
        "python_bare_cpu_s_median": round(bare_cpu, 3),
        "target_s": 0.3,
        "slowest_imports_ms": {name: round(ms, 1) for name, ms in slowest_imports()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="runs (the median is reported)")
    args = parser.parse_args()
    print(json.dumps(measure(args.n), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
