"""Write exporter/fonts/office-metrics.json.gz: advance widths and line heights of the faces
LibreOffice and Word set the common Office fonts in, for the DOCX page model
(`exporter/writers/docx_pages.py`).

The faces are the metric-compatible free ones (Carlito for Calibri, Caladea for Cambria,
Liberation for Arial, Times New Roman and Courier New; exporter/fonts/office-metrics.txt gives
versions and licences): their advance widths equal the Microsoft fonts', which the tool cannot
ship. Only numbers are kept (about 20 kB), not the fonts. Run on a machine with Debian's
fonts-crosextra-carlito, fonts-crosextra-caladea and fonts-liberation (or fonts-liberation2):

    python scripts/office_metrics.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.writers.docx_pages.fonts import vertical_metrics  # noqa: E402

OUT = ROOT / "exporter" / "fonts" / "office-metrics.json.gz"
DIRS = (Path("/usr/share/fonts/truetype/crosextra"), Path("/usr/share/fonts/truetype/liberation"),
        Path("/usr/share/fonts/truetype/liberation2"))
FACES = {
    "Calibri": "Carlito",
    "Cambria": "Caladea",
    "Arial": "LiberationSans",
    "Times New Roman": "LiberationSerif",
    "Courier New": "LiberationMono",
}
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}


def face(path: Path) -> dict[str, object]:
    font = TTFontFile(str(path))
    upem = font.unitsPerEm
    widths = {cp: round(w * upem / 1000) for cp, w in font.charWidths.items()
              if 32 <= cp < 0x10000 and cp != 0xFFFF}
    # Runs of consecutive code points: [first, width, width, ...].
    runs: list[list[int]] = []
    for cp in sorted(widths):
        if runs and runs[-1][0] + len(runs[-1]) - 1 == cp:
            runs[-1].append(widths[cp])
        else:
            runs.append([cp, widths[cp]])
    return {"upem": upem, "vertical": list(vertical_metrics(font)),
            "default": round(font.defaultWidth * upem / 1000),
            "widths": runs}


def main() -> int:
    table: dict[str, dict[str, object]] = {}
    for family, stem in FACES.items():
        for style, suffix in STYLES.items():
            name = f"{stem}-{suffix}.ttf"
            found = [d / name for d in DIRS if (d / name).exists()]
            if not found:
                print(f"missing {stem}-{suffix}.ttf", file=sys.stderr)
                return 1
            table.setdefault(family, {})[style] = face(found[0])
    data = json.dumps(table, separators=(",", ":"), sort_keys=True).encode()
    OUT.write_bytes(gzip.compress(data, mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
