"""Where one article's time goes, in process and warm: reading and analysis, each template, each
writer, and all of `render_outputs` (which adds the DOCX page-budget fit), as CPU milliseconds.

`bench/build.py` times whole commands against the floor; this one says which stage to work on
(`bench/writers.py` splits the same by output over several articles).
Each stage runs once to warm up, then `--reps` times; the minimum is the steadiest figure on a
shared machine (the median is printed too). The warm-up's own time is printed first: what the
stage costs the first article a worker process exports (fonts read, templates compiled, the
Word style sheet made…, and the modules the stage imports on first use), in the order listed,
so a cache two stages share is counted in the first of them. `--profile pdf` (or docx, md,
pptx) then profiles that writer's `write` over the same repetitions and prints the functions
with most own time.

    python bench/stages.py [--source FILE] [--reps 15] [--profile WRITER] [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exporter import templating, writers  # noqa: E402
from exporter.build import BuildConfig, load_briefing, render_outputs, template_context  # noqa: E402
from exporter.options import RenderOptions  # noqa: E402
from exporter.readers import ReadLimits  # noqa: E402

FORMATS = ("pdf", "docx", "md", "pptx")


def cpu_ms(fn: Callable[[], Any], reps: int) -> tuple[float, float, float]:
    """Return the CPU milliseconds of `fn`'s first run, and the minimum and median of `reps`
    warm runs after it."""
    start = time.process_time()
    fn()
    first = (time.process_time() - start) * 1000
    spent = []
    for _ in range(reps):
        start = time.process_time()
        fn()
        spent.append((time.process_time() - start) * 1000)
    spent.sort()
    return round(first, 1), round(spent[0], 1), round(spent[len(spent) // 2], 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(REPO / "source" / "pakistan-russia-relations.txt"))
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--profile", choices=FORMATS)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    path = Path(args.source)
    options = RenderOptions(timestamp=1500000000)
    figures: dict[str, tuple[float, float, float]] = {
        "read+analyse": cpu_ms(lambda: load_briefing(path, path.name, ReadLimits()), args.reps)}
    briefing = load_briefing(path, path.name, ReadLimits())
    context = template_context(briefing, options)
    docs = {}
    for name in FORMATS:
        writer = writers.get(name)
        figures[f"{name} template"] = cpu_ms(
            lambda w=writer: templating.render(w.template, context), args.reps)
        docs[name] = templating.render(writer.template, context)
        figures[f"{name} write"] = cpu_ms(
            lambda w=writer, d=docs[name]: w.write(d, options), args.reps)
    config = BuildConfig(out_dir=Path("unused"), options=options)
    figures["render_outputs (all)"] = cpu_ms(lambda: render_outputs(briefing, config),
                                             max(3, args.reps // 2))
    print(f"{path.name}: CPU ms, first run, then min / median of {args.reps}")
    for stage, (first, low, median) in figures.items():
        print(f"  {stage:<22} {first:7.1f}   {low:7.1f} / {median:7.1f}")
    if args.profile:
        writer, doc = writers.get(args.profile), docs[args.profile]
        profile = cProfile.Profile()
        for _ in range(args.reps):
            profile.runcall(writer.write, doc, options)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
