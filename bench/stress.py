"""Stress: run every worst input of issue 10 through the CLI and report time, memory, outcome.

Each case (`bench/stress_cases.py`) is generated into a fresh folder, then `exporter build` (or
`pack`) runs on it in a child process under `/usr/bin/time -v`, with a wall-clock timeout and an
address-space cap so a runaway case cannot take the machine down. Peak memory is the largest
resident size of any one process of the run (the CLI, the fork server or a worker; see
`_Sampler`), total the largest sum of them at one time. The outcome is `ok`, the one-line error
the CLI printed, `traceback`, `timeout`, or `wrong: …` when the case's check of the folder
afterwards fails (a user's file deleted, a secret leaked, a stale output). Target: every case
ends in under 60 s and 1 GB (total), or with a one-line `too large`.

    python bench/stress.py [--only NAME ...] [--timeout 120] [--list]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stress_cases import Case, cases

_CAP = 4 << 30
"""Address-space cap for every child (bytes): a runaway case fails instead of swapping."""
_TIME = "/usr/bin/time"


@dataclass
class Result:
    name: str
    size: int
    seconds: float
    peak_mb: float
    """The largest peak resident size of any one process (the CLI or a worker)."""
    total_mb: float
    """The largest sampled sum of resident sizes of all the run's processes at once."""
    outcome: str


def _limits(file_limit: int | None) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (_CAP, _CAP))
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return apply


def _command(case: Case, folder: Path) -> list[str]:
    exporter = shutil.which("exporter") or "exporter"
    command = [_TIME, "-v", exporter, *case.args, *([] if case.cache else ["--no-cache"])]
    if case.tmpdir_bytes is None:
        return command
    # A private mount namespace: the full tmpfs is seen by this run only, and vanishes with it.
    tmp = folder / "full-tmp"
    tmp.mkdir()
    # Filled but for 8 KB: a TMPDIR with no byte free fails `tempfile`'s probe, which then
    # quietly falls back to /tmp; one that takes the probe but not an output is the real case.
    blocks = max(0, case.tmpdir_bytes // 4096 - 2)
    script = (f'mount -t tmpfs -o size={case.tmpdir_bytes} tmpfs "{tmp}" && '
              f'dd if=/dev/zero of="{tmp}/filler" bs=4096 count={blocks} 2>/dev/null && '
              'exec "$@"')
    return ["unshare", "-m", "sh", "-c", script, "sh", *command]


def _outcome(returncode: int, stderr: str) -> str:
    lines = [ln for ln in stderr.split("\tCommand being timed")[0].splitlines()
             if ln and not ln.startswith("Command exited with")]
    if "Traceback" in stderr:
        # The exception's own line (the first unindented one after the last traceback), not
        # `time`'s closing line: which process failed, and how, is what one needs to know.
        after = stderr.rsplit("Traceback", 1)[1].splitlines()[1:]
        raised = next((ln for ln in after if ln and not ln.startswith(" ")), "")
        return "traceback: " + raised[:100]
    if returncode == 0:
        return "ok" + (f" ({len(lines)} warning line(s))" if lines else "")
    errors = [ln for ln in lines if ln.startswith("exporter:")]
    return (errors[0] if errors else (lines[-1] if lines else f"exit {returncode}"))[:160]


def _start(case: Case, folder: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    # A session of its own, so a timeout ends the whole tree (`time`, the CLI, its workers).
    return subprocess.Popen(_command(case, folder), cwd=folder, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env,
                            preexec_fn=_limits(case.file_limit), start_new_session=True)


def _kill_cli(time_pid: int) -> None:
    """`kill -9` the CLI process that `time` (process `time_pid`) runs, and nothing else."""
    with contextlib.suppress(OSError, ValueError):
        for pid in Path(f"/proc/{time_pid}/task/{time_pid}/children").read_text().split():
            os.kill(int(pid), signal.SIGKILL)


def _worst(outcomes: list[str]) -> str:
    """The outcome to report for several runs: the first bad one, else the distinct ones."""
    for marker in ("timeout", "traceback", "internal error"):
        for outcome in outcomes:
            if marker in outcome:
                return outcome
    return " | ".join(dict.fromkeys(outcomes))


class _Sampler(threading.Thread):
    """Watch every process of the runs' sessions and keep the largest peak resident size.

    `time -v` alone misses the workers: they are children of the fork server, which is not
    waited for by the CLI, so their rusage never reaches `time`. Each process's own high-water
    mark (VmHWM) is exact; only a process that lives less than one interval can be missed.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.sessions: set[int] = set()
        self.peak_kb = 0
        self.total_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            total = 0
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    stat = (entry / "stat").read_text()
                    if int(stat.rsplit(")", 1)[1].split()[3]) not in self.sessions:
                        continue
                    status = (entry / "status").read_text()
                except (OSError, IndexError, ValueError):
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                self.peak_kb = max(self.peak_kb, int(fields.get("VmHWM", "0 kB").split()[0]))
                total += int(fields.get("VmRSS", "0 kB").split()[0])
            self.total_kb = max(self.total_kb, total)


def run(case: Case, timeout: float) -> Result:
    """Generate `case` in a fresh folder, run it, and return what it cost and how it ended."""
    folder = Path(tempfile.mkdtemp(prefix="exporter-stress-"))
    try:
        case.files(folder)
        size = sum(p.stat().st_size for p in folder.rglob("*")
                   if p.is_file() and not p.is_symlink())
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000"}
        if case.tmpdir_bytes is not None:
            env["TMPDIR"] = str(folder / "full-tmp")
        if case.kill_after is not None:
            (folder / "tmp").mkdir()
            env["TMPDIR"] = str(folder / "tmp")
        start = time.monotonic()
        outcomes: list[str] = []
        peak_mb = 0.0
        sampler = _Sampler()
        sampler.start()
        for index in range(case.runs):
            if index and case.between:
                case.between(folder)
            children = [_start(case, folder, env) for _ in range(case.parallel)]
            sampler.sessions.update(child.pid for child in children)
            if index == 0 and case.kill_after is not None:
                time.sleep(case.kill_after)
                for child in children:
                    _kill_cli(child.pid)
            for child in children:
                left = max(1.0, timeout - (time.monotonic() - start))
                try:
                    _, raw = child.communicate(timeout=left)
                except subprocess.TimeoutExpired:
                    for other in children:
                        with contextlib.suppress(ProcessLookupError):
                            os.killpg(other.pid, signal.SIGKILL)
                        other.communicate()
                    sampler.done.set()
                    return Result(case.name, size, time.monotonic() - start,
                                  max(peak_mb, sampler.peak_kb / 1024), sampler.total_kb / 1024,
                                  "timeout")
                stderr = raw.decode("utf-8", errors="replace")
                peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
                peak_mb = max(peak_mb, int(peak.group(1)) / 1024 if peak else 0.0)
                outcomes.append(_outcome(child.returncode, stderr))
        seconds = time.monotonic() - start
        sampler.done.set()
        sampler.join()
        peak_mb = max(peak_mb, sampler.peak_kb / 1024)
        outcome = _worst(outcomes)
        wrong = case.check(folder) if case.check else None
        if wrong:
            outcome = f"wrong: {wrong} [{outcome}]"
        return Result(case.name, size, seconds, peak_mb, sampler.total_kb / 1024, outcome[:200])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only the cases named")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per case")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    options = parser.parse_args()
    if not Path(_TIME).exists():
        parser.error(f"{_TIME} (GNU time) is needed to measure peak memory")
    selected = [c for c in cases() if not options.only or c.name in options.only]
    if options.list:
        print("\n".join(c.name for c in selected))
        return 0
    print(f"{'case':32} {'input':>10} {'wall s':>7} {'peak MB':>8} {'total MB':>8}  outcome")
    failed = 0
    for case in selected:
        result = run(case, options.timeout)
        over = result.seconds >= 60 or result.total_mb >= 1024 or result.outcome == "timeout" \
            or any(bad in result.outcome for bad in ("traceback", "internal error", "wrong:"))
        failed += over
        print(f"{result.name:32} {result.size:>10,} {result.seconds:>7.1f} "
              f"{result.peak_mb:>8.0f} {result.total_mb:>8.0f}  {'!! ' if over else ''}"
              f"{result.outcome}", flush=True)
    print(f"{failed} case(s) over 60 s, over 1 GB, a timeout, a traceback, an internal error "
          "or a wrong result")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
