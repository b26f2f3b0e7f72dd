"""What the per-article budgets cost and how fast they stop a hostile input.

Runs, each in a fresh process:
- `start`: one small article exported by the command line (a worker under a budget) and by
  the library in the calling process (no budget): the difference is the cost of the worker
  processes (a fork server importing the tool once per run);
- `over_time`: an article far larger than `--max-seconds 2` allows: seconds until the run ends
  with its one-line `too large`;
- `over_memory`: a 500-byte YAML alias bomb as a sidecar's `volume:` under `--max-memory 300`;
- `dev_zero`: `/dev/zero` named as a source (`--max-bytes` 1 MB).

    python bench/workers.py [-n 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"
SENTENCE = "The minister said on 12 March 2017 that Moscow and Islamabad would talk. "
INLINE = ("import sys; from pathlib import Path; from exporter.build import BuildConfig, build; "
          "from exporter.options import RenderOptions; "
          "r = build([(Path(sys.argv[1]), sys.argv[1])], BuildConfig(out_dir=Path(sys.argv[2]), "
          "formats=('md', 'pdf'), options=RenderOptions(timestamp=0), use_cache=False)); "
          "assert r[0].ok")


def timed(command: list[str]) -> tuple[float, str]:
    """Return (wall seconds, last line of standard error) of `command`."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000"}
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    lines = done.stderr.strip().splitlines() or [""]
    return time.perf_counter() - start, lines[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=3, help="Runs of the start-up measurement.")
    args = parser.parse_args()
    cli = [sys.executable, "-m", "exporter.cli", "build"]
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        small = root / "small.txt"
        small.write_text("Small\n\n" + BODY * 3, encoding="utf-8")
        worker = [timed([*cli, str(small), "-o", str(root / "a"), "--no-cache", "--jobs", "1",
                         "--format", "md", "--format", "pdf"])[0] for _ in range(args.n)]
        inline = [timed([sys.executable, "-c", INLINE, str(small), str(root / "b")])[0]
                  for _ in range(args.n)]
        report["start"] = {"worker_s": round(statistics.median(worker), 2),
                           "in_process_s": round(statistics.median(inline), 2)}
        big = root / "big.txt"
        big.write_text("Big\n\n" + (SENTENCE * 8 + "\n\n") * 8000, encoding="utf-8")
        seconds, line = timed([*cli, str(big), "-o", str(root / "c"), "--format", "md",
                               "--max-seconds", "2"])
        report["over_time"] = {"s": round(seconds, 2), "message": line}
        bomb = root / "bomb"
        bomb.mkdir()
        (bomb / "story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
        aliases = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        aliases += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
        (bomb / "story.meta.yaml").write_text("\n".join([*aliases, "volume: *a9"]) + "\n",
                                              encoding="utf-8")
        seconds, line = timed([*cli, str(bomb), "-o", str(root / "d"), "--format", "md",
                               "--max-memory", "300"])
        report["over_memory"] = {"s": round(seconds, 2), "message": line}
        seconds, line = timed([*cli, "/dev/zero", "-o", str(root / "e"), "--max-bytes",
                               "1000000"])
        report["dev_zero"] = {"s": round(seconds, 2), "message": line}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
