"""What tagging (PDF/UA structure) costs the PDF writers: tagged against untagged, in one run.

Untagged is the same writer with the tagger's marked-content calls made no-ops and the
structure tree not added (`structure.attach` does nothing), so the difference is all the
tagging does: the operators and records while drawing, and the tree ReportLab writes.
Measured on the sample briefing, and on the PDF and handouts of a generated pack of `--size`
articles (as `bench/pack.py` makes them). Each writer runs `--repeat` times each way,
alternating; the minimum CPU time of the process is reported (the machine may be busy: wall
time would measure the neighbours). Target: tagging costs at most 15% of the writer's time.

    python bench/tagging.py [--size 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pack import seeds, variation

import exporter
from exporter import packing as packs
from exporter import templating, writers
from exporter.article_store import store_article
from exporter.build import BuildConfig, build, collect_sources, template_context
from exporter.options import RenderOptions
from exporter.writers import handout
from exporter.writers import pdf as pdf_writer
from exporter.writers.pdf import tagging

REPO = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def untagged() -> Iterator[None]:
    """Run the writers with tagging switched off (no marked content, no structure tree)."""
    saved: list[tuple[Any, str, Any]] = []

    def patch(owner: Any, name: str, value: Any) -> None:
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def nothing(*args: Any, **kwargs: Any) -> None:
        return None

    def next_page(self: tagging.Tagger, canv: Any) -> None:
        self.page += 1
        self.marked.append([])
        self.links.append([])

    for name in ("begin", "end", "link"):
        patch(tagging.Tagger, name, nothing)
    patch(tagging.Tagger, "finish_page", next_page)
    for module in (pdf_writer, handout):
        patch(module, "attach", nothing)
    try:
        yield
    finally:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)


def fastest(write: Callable[[], bytes], repeat: int) -> tuple[float, float, int, int]:
    """Return (tagged s, untagged s, tagged bytes, untagged bytes), CPU seconds each the best
    of `repeat`."""
    tagged: list[float] = []
    plain: list[float] = []
    sizes = [0, 0]
    for _ in range(repeat):
        start = time.process_time()
        sizes[0] = len(write())
        tagged.append(time.process_time() - start)
        with untagged():
            start = time.process_time()
            sizes[1] = len(write())
            plain.append(time.process_time() - start)
    return min(tagged), min(plain), sizes[0], sizes[1]


def pack_context(size: int, work: Path) -> dict[str, Any]:
    src = work / "in"
    src.mkdir()
    rng = random.Random(2017)
    texts = seeds()
    for i in range(size):
        (src / f"article-{i:04d}.txt").write_text(variation(texts[i % len(texts)], i + 1, rng),
                                                  encoding="utf-8")
    store = work / "store"
    store.mkdir()
    config = BuildConfig(out_dir=work / "out", jobs=2, use_cache=False)
    results = build(collect_sources([str(src)]), config,
                    worker=functools.partial(store_article, str(store)))
    return packs.pack_context(f"Bench pack of {size}", results, config)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20, help="articles in the generated pack")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    options = RenderOptions(timestamp=1500000000)
    briefing = exporter.analyse(exporter.load(REPO / "source" / "pakistan-russia-relations.txt"))
    sample = templating.render("briefing.xml.j2", template_context(briefing, options))
    work = Path(tempfile.mkdtemp(prefix="exporter-tagging-bench-"))
    try:
        context = pack_context(args.size, work)
        runs = {
            "briefing.pdf": lambda: writers.get("pdf").write(sample, options),
            "pack.pdf": lambda: writers.get("pdf").write(
                templating.render_spooled("pack.xml.j2", context), options),
            "handouts.pdf": lambda: writers.get("handout").write(
                templating.render_spooled("pack-slides.xml.j2", context), options),
        }
        report = {}
        for name, write in runs.items():
            tagged, plain, tagged_size, plain_size = fastest(write, args.repeat)
            report[name] = {"tagged_s": round(tagged, 3), "untagged_s": round(plain, 3),
                            "tagging_cost": f"{(tagged - plain) / plain:+.1%}",
                            "tagged_kib": tagged_size // 1024, "untagged_kib": plain_size // 1024}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"pack_size": args.size, "repeat": args.repeat, **report}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
