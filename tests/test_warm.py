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
