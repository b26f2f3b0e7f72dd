"""bench/tree.py counts the CPU time of every process a command starts, fork-server workers
included (they are not children the command's own process waits for)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench.tree import measure

SPIN = """
import multiprocessing, time

def spin():
    start = time.process_time()
    while time.process_time() - start < 0.6:
        pass

if __name__ == "__main__":
    context = multiprocessing.get_context("forkserver")
    worker = context.Process(target=spin)
    worker.start()
    worker.join()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="child subreapers are Linux's")
def test_the_cpu_of_a_fork_server_worker_is_counted(tmp_path: Path) -> None:
    script = tmp_path / "spin.py"
    script.write_text(SPIN, encoding="utf-8")
    run = measure([sys.executable, str(script)])
    assert run.whole_tree
    assert run.cpu >= 0.6  # the worker's own 0.6 s of CPU, which the command never reaps
