"""Measure a command with every process it starts: wall time, CPU time and peak memory.

`resource.getrusage(RUSAGE_CHILDREN)` in the measuring process only counts children it reaped
itself. `exporter` runs its articles in workers forked by a fork server, and the fork server is
not a child the command's own process waits for: when the command exits it is re-parented (to
init), and its CPU time and its workers' are counted nowhere we can see. So the command runs
under a small wrapper that makes itself a *child subreaper* (Linux `prctl`): every orphaned
descendant is re-parented to the wrapper, which reaps them all before it reports. The wrapper's
`RUSAGE_CHILDREN` then covers the whole process tree: the fork server reaps its workers, the
wrapper reaps the fork server (or the workers it outlived).

Where `prctl` is not available the figures cover the command's own process only, and
`tree_cpu` says so (`whole_tree` False).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

_WRAPPER = r"""
import ctypes, json, os, resource, subprocess, sys, time
PR_SET_CHILD_SUBREAPER = 36
try:
    libc = ctypes.CDLL(None, use_errno=True)
    whole = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
except (OSError, AttributeError):
    whole = False
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
while True:  # reap the re-parented descendants (the fork server ends once the command has)
    try:
        os.wait()
    except ChildProcessError:
        break
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_kib": usage.ru_maxrss, "whole_tree": whole}))
"""


@dataclass(frozen=True, slots=True)
class Measured:
    """One run of a command and all the processes it started."""

    wall: float
    """Seconds from start until the command's own process exited."""
    cpu: float
    """User + system seconds of the command and every descendant (`whole_tree`)."""
    peak_kib: int
    """Peak resident memory of the largest process in the tree, KiB."""
    whole_tree: bool
    """False where descendants re-parented away could not be counted (no `prctl`)."""


def measure(args: list[str], *, check: bool = True) -> Measured:
    """Run `args` (output discarded) and return its wall time and its whole tree's CPU time."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *args], check=True,
                          capture_output=True, text=True)
    report = json.loads(done.stdout.splitlines()[-1])
    if check and report["code"]:
        raise subprocess.CalledProcessError(report["code"], args)
    return Measured(wall=report["wall"], cpu=report["cpu"], peak_kib=report["peak_kib"],
                    whole_tree=report["whole_tree"])


__all__ = ["Measured", "measure"]
