"""bench/ab.py: two checkouts timed alternately; here the same one twice, one short run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_checkout_against_itself_reports_both_and_their_ratio() -> None:
    done = subprocess.run([sys.executable, str(REPO / "bench" / "ab.py"), "--base", str(REPO),
                           "-n", "1", "--repeat", "1", "--no-floor"],
                          capture_output=True, text=True, check=True, timeout=300)
    report = json.loads(done.stdout)
    assert report["base_s"] > 0 and report["head_s"] > 0
    assert report["head_over_base"] > 0 and report["head_over_base_cpu"] > 0
    assert "floor_s" not in report
