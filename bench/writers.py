"""CPU time of each output per article, in one warm process: which writer an export's time goes to.

`bench/build.py` times whole builds against the library floor; this one splits an article's
rendering by output. Each article (the sample and tests/articles) is read and analysed once,
then `build.render_outputs` runs for one format at a time, as a build does it (the template,
the writer and, for the Word summary, the renderings again with shorter lists while the page
model finds it over its two pages). Reported per format: milliseconds of CPU per article, the
best of `--rounds` rounds (CPU time is steadier than wall time on a shared machine), and for
the Word summary how many renderings and page counts an article took.

    python bench/writers.py [--rounds 5] [--formats pdf docx pptx md]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import exporter  # noqa: E402
from exporter.build import BuildConfig, render_outputs  # noqa: E402
from exporter.writers.docx import DocxWriter  # noqa: E402

ARTICLES = sorted([REPO / "source" / "pakistan-russia-relations.txt",
                   *(REPO / "tests" / "articles").glob("*.txt"),
                   *(REPO / "tests" / "articles").glob("*.md")])


def best_cpu(work: Callable[[], object], rounds: int) -> float:
    """The least CPU seconds `work` took in `rounds` runs, after one run to warm up."""
    work()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def counted(calls: dict[str, int]) -> Callable[[], None]:
    """Count the Word writer's renderings and page counts into `calls`; return the undo."""
    draft, pages = DocxWriter.draft, DocxWriter.pages

    def counting_draft(self: DocxWriter, *args: Any, **kwargs: Any) -> Any:
        calls["renderings"] += 1  # `write` renders through `draft` too
        return draft(self, *args, **kwargs)

    def counting_pages(self: DocxWriter, *args: Any, **kwargs: Any) -> int:
        calls["page_counts"] += 1
        return pages(self, *args, **kwargs)

    DocxWriter.draft = counting_draft  # type: ignore[method-assign]
    DocxWriter.pages = counting_pages  # type: ignore[method-assign]

    def undo() -> None:
        DocxWriter.draft, DocxWriter.pages = draft, pages  # type: ignore[method-assign]

    return undo


def measure(formats: Sequence[str], rounds: int,
            articles: Sequence[Path] = ARTICLES) -> dict[str, object]:
    briefings = [exporter.analyse(exporter.load(path)) for path in articles]
    report: dict[str, object] = {"articles": len(briefings), "rounds": rounds}
    with tempfile.TemporaryDirectory() as out:
        for name in formats:
            config = BuildConfig(out_dir=Path(out), formats=(name,), use_cache=False)

            def export_all(config: BuildConfig = config) -> None:
                for briefing in briefings:
                    render_outputs(briefing, config)

            report[f"{name}_cpu_ms_per_article"] = round(
                best_cpu(export_all, rounds) / len(briefings) * 1000, 1)
        if "docx" in formats:
            calls = {"renderings": 0, "page_counts": 0}
            undo = counted(calls)
            try:
                render_outputs(briefings[0], BuildConfig(out_dir=Path(out), formats=("docx",),
                                                         use_cache=False))
            finally:
                undo()
            report["docx_sample_renderings"] = calls["renderings"]
            report["docx_sample_page_counts"] = calls["page_counts"]
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="the best round is reported")
    parser.add_argument("--formats", nargs="+", default=["pdf", "docx", "pptx", "md"])
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.formats, args.rounds), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
