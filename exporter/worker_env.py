"""One thread per numerical library in worker processes; imported first by the fork server.

NumPy's OpenBLAS (and OpenMP, MKL, Accelerate where they are used) start a thread per core the
first time they compute. A worker under a small `--max-memory` cannot map those threads' stacks
within its address-space limit, and OpenBLAS retries thread creation until the article's time
budget runs out. The analysis does small matrix work on one article: one thread is as fast, and
workers already share the cores between articles (`--jobs`). Set only where the user has not
chosen: an explicit setting in the environment wins. Leaves `OPENBLAS_CORETYPE` alone.
"""

from __future__ import annotations

import os

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def one_thread_each() -> None:
    """Ask each numerical library for one thread, unless the environment says otherwise."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


one_thread_each()  # at import: the fork server imports this module before NumPy


__all__ = ["THREAD_VARIABLES", "one_thread_each"]
