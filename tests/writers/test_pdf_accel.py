"""ReportLab's C accelerator (rl_accel, installed through `reportlab[accel]`) is only faster:
every output of the sample article has the same bytes as with ReportLab's pure-Python
functions (string widths feed line breaking in the PDF, the DOCX page model and the deck)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import REPO, SAMPLE

RENDER = """
import hashlib, json, sys
from pathlib import Path
if sys.argv[1] == "python":
    sys.modules["_rl_accel"] = None  # ReportLab falls back to its pure-Python functions
from reportlab.lib import rl_accel
from exporter.build import BuildConfig, load_briefing, render_outputs
from exporter.options import RenderOptions
from exporter.readers import ReadLimits
path = Path(sys.argv[2])
briefing = load_briefing(path, path.name, ReadLimits())
config = BuildConfig(out_dir=Path("."), options=RenderOptions(timestamp=1500000000))
outputs = render_outputs(briefing, config)
print(json.dumps({"accelerated": bool(rl_accel._c_funcs),
                  "outputs": {n: hashlib.sha256(b).hexdigest() for n, b in outputs.items()}}))
"""


def outputs(functions: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", RENDER, functions, str(SAMPLE)], cwd=REPO,
                          capture_output=True, text=True, check=True, timeout=300)
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_the_accelerator_changes_no_byte() -> None:
    pytest.importorskip("_rl_accel")
    fast, slow = outputs("c"), outputs("python")
    assert fast["accelerated"] and not slow["accelerated"]
    assert fast["outputs"] == slow["outputs"]
    assert set(fast["outputs"]) == {"briefing.pdf", "summary.docx", "slides.md", "slides.pptx"}
