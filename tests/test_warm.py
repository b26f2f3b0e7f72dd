"""The fork server's warm-up (`exporter.warm`) exports its article without an error: it runs
with every error suppressed (the fork server must start), so a break would only show as slower
first articles."""

from __future__ import annotations

from exporter import warm
from exporter.pool import PRELOAD, WARM


def test_the_warm_up_article_exports_to_every_format() -> None:
    assert set(warm.warm()) == {"briefing.pdf", "summary.docx", "slides.md", "slides.pptx"}


def test_the_warm_up_is_a_module_the_fork_server_can_import() -> None:
    assert PRELOAD[0] == "exporter.worker_env"
    assert warm.__name__ == WARM


def test_a_build_does_not_preload_the_pack_modules_and_a_pack_asks_for_them() -> None:
    from exporter import pool
    from exporter.packing import PACK_MODULES

    assert not set(PACK_MODULES) & set(PRELOAD)
    pool.preload(*PACK_MODULES)
    pool.preload(*PACK_MODULES)  # asked twice, imported once
    names = pool.preloaded(warm=True)
    assert names[-2] == WARM
    assert all(names.count(module) == 1 for module in PACK_MODULES)


def test_the_fork_server_collects_garbage_again_once_it_has_loaded_the_tool() -> None:
    import subprocess
    import sys

    from exporter.pool import PRELOAD_BEGIN, PRELOAD_END, preloaded

    names = preloaded()
    assert (names[0], names[-1]) == (PRELOAD_BEGIN, PRELOAD_END)
    code = (f"import gc, {PRELOAD_BEGIN}; off = not gc.isenabled(); import {PRELOAD_END}; "
            "print(off, gc.isenabled(), gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True)
    assert done.stdout.split() == ["True", "True", "True"]
