"""The fork server's warm-up (`exporter.warm`) exports its article without an error: it runs
with every error suppressed (the fork server must start), so a break would only show as slower
first articles."""

from __future__ import annotations

from exporter import warm
from exporter.pool import PRELOAD


def test_the_warm_up_article_exports_to_every_format() -> None:
    assert set(warm.warm()) == {"briefing.pdf", "summary.docx", "slides.md", "slides.pptx"}


def test_the_fork_server_warms_up_last() -> None:
    assert PRELOAD[0] == "exporter.worker_env"
    assert PRELOAD[-1] == "exporter.warm"
