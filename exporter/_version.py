"""The tool's version: the one place it is written (pyproject.toml reads it from here).

A constant, not `importlib.metadata.version("exporter")`: that import alone took about 25 ms of
every process's start-up (the command line's and the fork server's), and a source checkout
that was never installed knows its version too.
"""

from __future__ import annotations

__version__ = "0.1.0"
