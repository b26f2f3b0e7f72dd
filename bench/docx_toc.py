"""How often the Word pack's contents list gives the page LibreOffice prints each heading on.

Builds packs of 3, 8 and 15 articles (tests/articles, source/ and, when ../shared is there, the
corpus web pages), each on A4 and letter, in the built-in look, with the test brand and with a
--reference-docx, converts each pack.docx with `soffice --headless --convert-to pdf` and
compares every contents entry's number with the page its heading lands on
(tests/docx_toc_check.py). Needs soffice, pdftotext and Carlito (fonts-crosextra-carlito).

    python bench/docx_toc.py [--packs N] [--seed S]

Prints one line per pack and the totals: entries whose number is right, packs wholly right,
and how far off the wrong ones are.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.build import BuildConfig, collect_sources, read_reference_docx  # noqa: E402
from exporter.options import RenderOptions  # noqa: E402
from exporter.packing import build_pack  # noqa: E402
from exporter.readers import ReadLimits  # noqa: E402
from exporter.theme.brand import load_brand  # noqa: E402
from tests import docx_toc_check as toc  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark" / "html"
BRAND = ROOT / "tests" / "brand" / "_brand.yml"
SIZES = (3, 8, 15)


def sources(folder: Path) -> list[Path]:
    found = sorted((ROOT / "tests" / "articles").glob("*.txt"))
    found += sorted((ROOT / "tests" / "articles").glob("*.md"))
    found += sorted((ROOT / "source").glob("*.txt"))
    if CORPUS.is_dir():
        pages = folder / "corpus"
        pages.mkdir(exist_ok=True)
        for page in sorted(CORPUS.glob("*.html.gz")):
            target = pages / page.name.removesuffix(".gz")
            target.write_bytes(gzip.decompress(page.read_bytes()))
            found.append(target)
    return found


def make_reference(path: Path) -> Path:
    """A house template: Heading 1 dark red 22 pt, Cambria body 11 pt, its own margins."""
    import docx
    from docx.shared import Cm, Pt, RGBColor

    word = docx.Document()
    heading = word.styles["Heading 1"]
    heading.font.size = Pt(22)
    heading.font.color.rgb = RGBColor(0x8B, 0, 0)
    normal = word.styles["Normal"]
    normal.font.name = "Cambria"
    normal.font.size = Pt(11)
    section = word.sections[0]
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(3)
    word.save(str(path))
    return path


def one_pack(files: list[Path], out: Path, paper: str, look: str, reference: Path
             ) -> BuildConfig:
    limits = ReadLimits()
    theme = load_brand(BRAND) if look == "brand" else None
    ref = read_reference_docx(str(reference), limits) if look == "reference" else None
    options = RenderOptions(timestamp=1_500_000_000, paper=paper,  # type: ignore[arg-type]
                            theme=theme, reference_docx=ref)
    return BuildConfig(out_dir=out, options=options, use_cache=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=18, help="packs to build (default 18)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", type=int, nargs="*", help="build only these pack numbers")
    parser.add_argument("--keep", type=Path, help="keep the packs in this folder")
    args = parser.parse_args()
    if toc.soffice() is None or not toc.has_carlito():
        print("needs soffice and the Carlito font (fonts-crosextra-carlito)", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    entries = right = packs_right = 0
    off: Counter[int] = Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="docx-toc-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pool = sources(folder)
        reference = make_reference(folder / "house.docx")
        env = toc.brand_fontconfig(folder)
        for n in range(args.packs):
            size = SIZES[n % len(SIZES)]
            paper = ("a4", "letter")[(n // len(SIZES)) % 2]
            look = ("builtin", "brand", "reference")[(n // (2 * len(SIZES))) % 3]
            files = rng.sample(pool, min(size, len(pool)))
            if args.only and n not in args.only:
                continue
            out = folder / f"pack{n}"
            config = one_pack(files, out, paper, look, reference)
            result = build_pack(collect_sources([str(f) for f in files], out_dir=out), config,
                                f"Pack {n}", ("pack.docx",))
            if result.error:
                print(f"pack {n}: {result.error}")
                continue
            rows = toc.check(out / "pack.docx", out, env)
            good = sum(1 for _, listed, page in rows if listed is not None
                       and page is not None and int(listed) == page)
            for text, listed, page in rows:
                if listed is None or page is None or int(listed) != page:
                    print(f"    listed {listed}, printed on {page}: {text[:60]}")
                if listed is not None and page is not None and int(listed) != page:
                    off[int(listed) - page] += 1
            entries += len(rows)
            right += good
            packs_right += good == len(rows)
            print(f"pack {n:3d}: {size:2d} articles, {paper:6s} {look:9s} "
                  f"{good}/{len(rows)} entries right")
    print(f"\n{right}/{entries} entries right ({100 * right / max(entries, 1):.1f}%), "
          f"{packs_right}/{args.packs} packs wholly right; wrong by (listed - actual): "
          f"{dict(sorted(off.items())) or 'none'}; {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
