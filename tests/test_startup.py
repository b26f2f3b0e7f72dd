"""Start-up stays light: the command line imports no writer, reader or analysis library.

Timing is measured by `bench/startup.py`, not here; this checks the cause of a slow start.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("reportlab", "docx", "pptx", "trafilatura", "pdfminer", "numpy", "pysbd",
         "charset_normalizer", "markdown_it", "distributed", "rich")


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    code = ("import sys, exporter.cli; "
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""


def test_the_package_names_still_resolve() -> None:
    import exporter

    assert callable(exporter.analyse)
    assert callable(exporter.load)
    assert exporter.Article.__name__ == "Article"
