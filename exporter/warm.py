"""Warm the caches every article needs, once, in a fork server that forks several workers
(`pool.WARM`).

An article's first export in a process paid about 0.4 s beyond the others: the DejaVu faces
parsed and registered with ReportLab, the templates compiled, the sentence splitter's and the
readers' patterns compiled, the PDF styles and the deck's font metrics built. The fork server
imports this module once, which exports a small article held here in memory to bytes (nothing
is written); every worker it forks then starts with those caches filled, so `--jobs N` pays
the warm-up once rather than N times, and each fresh worker after an overrun starts warm.

Only caches are left behind: outputs do not depend on what a process exported before (a worker
exports many articles in a row), so the bytes are the same. A failure here only means a cold
first article: the fork server must start whatever happens.
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

SAMPLE = """\
Miners strike over pay

Published Oct. 9, 2023

LUSAKA (Wire) — Workers at a copper mine walked off the job on Monday to demand a 25 percent \
rise. "We will not go back," said Joseph Banda, the union's leader.
"""


def warm() -> tuple[str, ...]:
    """Export `SAMPLE` to every format in memory; return the outputs' names (the bytes are
    thrown away)."""
    from .analysis import analyse
    from .build import BuildConfig, render_outputs
    from .readers import read_data

    briefing = analyse(read_data(SAMPLE.encode("utf-8"), "warm-up.txt"))
    return tuple(render_outputs(briefing, BuildConfig(out_dir=Path("unused"))))


with warnings.catch_warnings(), contextlib.suppress(Exception):
    warnings.simplefilter("ignore")
    warm()
