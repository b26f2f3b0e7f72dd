"""Tasks for the worker-budget tests; module-level so worker processes can import them."""

from __future__ import annotations

import os
import signal
import time


def echo(value: int) -> int:
    return value


def sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def allocate(size: int) -> int:
    return len(bytearray(size))


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def fail(message: str) -> None:
    raise ValueError(message)


def environment(name: str) -> str | None:
    return os.environ.get(name)


def pid() -> int:
    return os.getpid()


def pattern_cache() -> int | None:
    import re

    return getattr(re, "_MAXCACHE", None)
