"""Render slides.md files with Marp and report every slide whose content overflows it.

Usage: python scripts/check_marp.py SLIDES.md...

Needs `npx @marp-team/marp-cli` (install it outside the repository, e.g. `npm install
@marp-team/marp-cli` in a temporary folder and run this from there or put its node_modules/.bin
on PATH) and a headless Chromium (`apt-get install chromium`). Each file is rendered to HTML with
Marp's bare template (every slide laid out at once); Chromium loads it and a script measures, for
every slide, how far its content reaches below the slide's padding box. Prints one line per file
(`none` or `slide:bottom/limit` in CSS pixels of the 1280 × 720 slide) and exits 1 if any slide
overflows. Not run by the test suite: neither tool is on the CI machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURE = """<script>
window.addEventListener('load', () => {
  const out = [];
  document.querySelectorAll('section').forEach((s, i) => {
    const top = s.getBoundingClientRect().top;
    let bottom = 0;
    for (const c of s.children) {
      if (c.tagName !== 'STYLE') bottom = Math.max(bottom, c.getBoundingClientRect().bottom - top);
    }
    const limit = s.clientHeight - parseFloat(getComputedStyle(s).paddingBottom) + 1;
    if (s.scrollHeight > s.clientHeight + 1 || bottom > limit)
      out.push((i + 1) + ':' + Math.round(bottom) + '/' + Math.round(limit));
  });
  document.body.setAttribute('data-overflow', out.join(' ') || 'none');
});
</script>
"""


def overflowing(markdown: Path, work: Path) -> str:
    """Return `none` or the overflowing slides of `markdown`."""
    html = work / (markdown.stem + ".html")
    subprocess.run(["npx", "marp", "--html", "--template", "bare", str(markdown), "-o",
                    str(html)], check=True, capture_output=True, timeout=300)
    html.write_text(html.read_text("utf-8") + MEASURE, encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--virtual-time-budget=3000",
                          "--dump-dom", html.as_uri()], check=True, capture_output=True,
                         text=True, timeout=300).stdout
    found = re.search(r'data-overflow="([^"]*)"', dom)
    return found.group(1) if found else "not measured"


def main(paths: list[str]) -> int:
    failed = False
    with tempfile.TemporaryDirectory(prefix="check-marp-") as work:
        for path in paths:
            result = overflowing(Path(path).resolve(), Path(work))
            print(f"{path}: {result}")
            failed = failed or result != "none"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
