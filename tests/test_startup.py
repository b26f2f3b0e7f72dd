"""Start-up stays light: the command line imports no writer, reader or analysis library.

Timing is measured by `bench/startup.py`, not here; this checks the cause of a slow start.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_the_build_process_prepares_an_article_without_the_model() -> None:
    """The build's own process reads each source and checks the cache before any worker
    starts (serially, on every run): it loads neither the model, nor the analysis, nor YAML."""
    code = ("import sys, tempfile; from pathlib import Path; "
            "from exporter.build import BuildConfig, prepare_export; "
            "out = Path(tempfile.mkdtemp()); "
            "prepared = prepare_export(Path('source/pakistan-russia-relations.txt'), 'a', 'a', "
            "BuildConfig(out_dir=out)); assert prepared.key, prepared; "
            "print(' '.join(m for m in ('exporter.model', 'exporter.analysis', 'yaml') "
            "if m in sys.modules))")
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=repo)
    assert done.stdout.strip() == ""
