"""Imported first by the fork server (`pool.preloaded`): no garbage collection while it loads.

Importing the tool makes some 70,000 long-lived objects (modules, classes, compiled patterns,
word lists) and almost no garbage (under a thousand unreachable objects), yet the collector ran
about 150 times while they were made, once over all of them: some 40 ms of every command that
starts workers. `preload_end` turns it back on, with what was loaded frozen.
"""

from __future__ import annotations

import gc

gc.disable()
