"""Imported last by the fork server (`pool.preloaded`): freeze what it loaded, then collect
again.

`gc.freeze` moves every object alive now into a generation the collector never scans, so a
worker's full collections look only at what its articles made, not again at the tool's own
modules, fonts and templates (a full collection over them took 20-40 ms, and workers forked
from here ran several); and a collection no longer writes to the pages a worker shares with the
fork server, so they stay shared. This is the pattern the `gc` documentation gives for a process
that forks without exec: disable early, freeze before forking, collect normally after.
"""

from __future__ import annotations

import gc

gc.freeze()
gc.enable()
