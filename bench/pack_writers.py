"""How much memory and time each pack writer takes, for generated packs of 50 and 200 articles.

`bench/pack.py` times the whole `exporter pack` command; this one tells which output the memory
goes to. For each size, the articles are generated as in `bench/pack.py` and analysed once, then
each writer runs in a fresh process on its template's document, rendered and spooled to disk as
a pack build does it. Reported per writer: the peak resident memory the writer added above what
the process held before it started, its time, and how both grow from the smallest size to the
largest.

    python bench/pack_writers.py [--sizes 50 200]
"""

from __future__ import annotations

import argparse
import functools
import json
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pack import seeds, variation

from exporter import packing as packs
from exporter.article_store import store_article
from exporter.build import BuildConfig, build, collect_sources

WRITERS = {"pdf": "pack.xml.j2", "docx": "pack-summary.xml.j2", "pptx": "pack-slides.xml.j2",
           "handout": "pack-slides.xml.j2", "md": "pack-slides.xml.j2"}

_CHILD = """
import pickle, sys, time
from exporter import templating, writers
name, template, context_file = sys.argv[1:4]
context = pickle.loads(open(context_file, "rb").read())
doc = templating.render_spooled(template, context)
writer = writers.get(name)
def status(field):
    text = open("/proc/self/status").read()
    return int(text.split(field + ":")[1].split()[0]) // 1024
before = status("VmRSS")
open("/proc/self/clear_refs", "w").write("5")  # restart the high-water mark from here
start = time.perf_counter()
writer.write(doc, context["options_object"])
print(status("VmHWM") - before, round(time.perf_counter() - start, 2))
"""


def measure(size: int, work: Path, rng: random.Random) -> dict[str, dict[str, float]]:
    """Return {writer: {"mib": added peak memory, "s": seconds}} for a pack of `size`."""
    src = work / f"in-{size}"
    src.mkdir()
    texts = seeds()
    for i in range(size):
        (src / f"article-{i:04d}.txt").write_text(variation(texts[i % len(texts)], i + 1, rng),
                                                  encoding="utf-8")
    store = work / f"store-{size}"
    store.mkdir()
    config = BuildConfig(out_dir=work / "out", jobs=2, use_cache=False)
    results = build(collect_sources([str(src)]), config,
                    worker=functools.partial(store_article, str(store)))
    context = packs.pack_context(f"Bench pack of {size}", results, config)
    context["options_object"] = config.options
    context_file = work / f"context-{size}.pickle"
    context_file.write_bytes(pickle.dumps(context))
    report = {}
    for name, template in WRITERS.items():
        done = subprocess.run([sys.executable, "-c", _CHILD, name, template, str(context_file)],
                              check=True, capture_output=True, text=True)
        mib, seconds = done.stdout.split()
        report[name] = {"mib": int(mib), "s": float(seconds)}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    args = parser.parse_args()
    rng = random.Random(2017)
    work = Path(tempfile.mkdtemp(prefix="exporter-writers-bench-"))
    try:
        runs = {size: measure(size, work, rng) for size in args.sizes}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    first, last = runs[args.sizes[0]], runs[args.sizes[-1]]
    report = {
        "added_peak_mib": {w: [runs[s][w]["mib"] for s in args.sizes] for w in WRITERS},
        "seconds": {w: [runs[s][w]["s"] for s in args.sizes] for w in WRITERS},
        "memory_growth": {w: f"{last[w]['mib'] / max(first[w]['mib'], 1):.2f}x"
                          for w in WRITERS},
        "sizes": args.sizes,
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
