"""Stress: run every worst input of issue 10 through the CLI and report time, memory, outcome.

Each case is generated into a fresh folder (`bench/hostile.py` makes the hostile files), then
`exporter build` (or `pack`) runs on it in a child process under `/usr/bin/time -v`, with a
wall-clock timeout and an address-space cap so a runaway case cannot take the machine down.
Peak memory is the largest resident size among the processes `time` waited for. The outcome is
`ok`, the one-line error the CLI printed, `traceback`, or `timeout`. Target: every case ends in
under 60 s and 1 GB, or with a one-line `too large`.

    python bench/stress.py [--only NAME ...] [--timeout 120] [--list]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import hostile

_CAP = 4 << 30
"""Address-space cap for every child (bytes): a runaway case fails instead of swapping."""
_TIME = "/usr/bin/time"
_BODY = "Ordinary prose of a short article, written for the stress bench to read.\n\n"


@dataclass
class Case:
    """One worst input: files to write, then the CLI arguments that run it."""

    name: str
    files: Callable[[Path], None]
    args: list[str] = field(default_factory=lambda: ["build", "src", "-o", "out"])


@dataclass
class Result:
    name: str
    size: int
    seconds: float
    peak_mb: float
    outcome: str


def _write(name: str, make: Callable[[], bytes | str]) -> Callable[[Path], None]:
    def files(folder: Path) -> None:
        data = make()
        target = folder / "src" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return files


def _with_sidecar(sidecar: str, text: str) -> Callable[[Path], None]:
    def files(folder: Path) -> None:
        (folder / "src").mkdir()
        (folder / "src" / "article.txt").write_text("A title\n\n" + _BODY, encoding="utf-8")
        (folder / "src" / f"article{sidecar}").write_text(text, encoding="utf-8")

    return files


def _with_template(source: str) -> Callable[[Path], None]:
    def files(folder: Path) -> None:
        (folder / "src").mkdir()
        (folder / "src" / "article.txt").write_text("A title\n\n" + _BODY, encoding="utf-8")
        (folder / "tpl").mkdir()
        (folder / "tpl" / "briefing.xml.j2").write_text(
            f'<document kind="briefing">\n<p>{source}</p>\n</document>\n', encoding="utf-8")

    return files


def _words(count: int, seed: int) -> str:
    rng = random.Random(seed)
    vocabulary = ("policy", "minister", "trade", "accord", "border", "energy", "talks", "the",
                  "of", "and", "a", "said", "on", "in", "government", "officials")
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def _paragraphs(count: int) -> str:
    return "Eight thousand paragraphs\n\n" + "\n\n".join(
        f"{_words(40, n).capitalize()}." for n in range(count)) + "\n"


def _dates(size: int) -> str:
    months = ("January", "March", "May", "July", "September", "November")
    parts, total, n = [], 0, 0
    while total < size:
        part = f"On {n % 28 + 1} {months[n % 6]} {1990 + n % 30} the talks resumed,"
        parts.append(part)
        total += len(part) + 1
        n += 1
    return "Dates\n\n" + " ".join(parts) + " officials said.\n"


def _names(size: int) -> str:
    names = ("Ana Test", "Rosa Quispe", "John Smith", "Li Wei", "Omar Farouk")
    parts, total, n = [], 0, 0
    while total < size:
        parts.append(f"{names[n % 5]} met {names[(n + 2) % 5]}.")
        total += len(parts[-1]) + 1
        n += 1
    return "Names\n\n" + " ".join(parts) + "\n"


def _long_token() -> str:
    rng = random.Random(7)
    url = "https://example.com/" + "".join(
        rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-_.?=&%/") for _ in range(20_000))
    return f"Long token\n\nSome words before the token {url} and after it.\n\nMore text.\n"


def _symlink_out(folder: Path) -> None:
    (folder / "src").mkdir()
    (folder / "src" / "article.txt").write_text("A title\n\n" + _BODY, encoding="utf-8")
    secret = folder / "secret.txt"
    secret.write_text("Secret\n\nA file outside the scanned folder.\n", encoding="utf-8")
    (folder / "src" / "leak.txt").symlink_to(secret)


def _long_name(folder: Path) -> None:
    (folder / "src").mkdir()
    (folder / "src" / ("n" * 245 + ".txt")).write_text("A title\n\n" + _BODY, encoding="utf-8")


def _pack_over_tmp_folder(folder: Path) -> None:
    (folder / "src").mkdir()
    (folder / "src" / "article.txt").write_text("A title\n\n" + _BODY, encoding="utf-8")
    (folder / "out" / ".x.tmp").mkdir(parents=True)
    (folder / "out" / ".thesis.docx.tmp").write_text("a user's file", encoding="utf-8")


def _pptx_template(folder: Path) -> None:
    (folder / "src").mkdir()
    (folder / "src" / "article.txt").write_text("A title\n\n" + _BODY, encoding="utf-8")
    (folder / "big.pptx").write_bytes(hostile.pptx_template_bomb(600_000_000))


_TEMPLATE_CASES = {
    "template-nested-range": "{% for i in range(100000) %}{% for j in range(100000) %}"
                             "{% endfor %}{% endfor %}",
    "template-power": "{{ 9**(9**9) }}",
    "template-lipsum": "{{ lipsum(10**6) }}",
    "template-repeat": "{{ 'x' * 10**10 }}",
    "template-range-1e9": "{% for i in range(10**9) %}{% endfor %}",
    "template-recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{{ f(n + 1) }}{% endmacro %}"
                                "{{ f(0) }}",
}


def cases() -> list[Case]:
    """Return every case of the issue that can be generated here."""
    pdf = ["build", "src", "-o", "out", "--format", "pdf"]
    found = [
        Case("pdf-nested-forms", _write("forms.pdf", lambda: hostile.pdf_nested_forms(25))),
        Case("pdf-deflate-bomb", _write("bomb.pdf",
                                        lambda: hostile.pdf_deflate_bomb(1_400_000_000))),
        Case("pdf-self-length", _write("length.pdf", hostile.pdf_self_length)),
        Case("pdf-prev-loop", _write("prev.pdf", hostile.pdf_prev_loop)),
        Case("pdf-2001-pages", _write("pages.pdf", lambda: hostile.pdf_pages(2_001))),
        Case("yaml-bomb-sidecar-volume", _with_sidecar(".meta.yaml",
                                                       hostile.yaml_alias_bomb("volume"))),
        Case("yaml-bomb-front-date", _write("bomb.md", lambda: hostile.markdown_with_front(
            hostile.yaml_alias_bomb("date")))),
        Case("yaml-date-2017-13-45", _write("date.md", lambda: hostile.markdown_with_front(
            "date: 2017-13-45\n"))),
        Case("yaml-deep-5000", _with_sidecar(".meta.yaml", hostile.yaml_deep(5_000))),
        Case("toml-deep-5000", _with_sidecar(".meta.toml", hostile.toml_deep(5_000))),
        Case("toml-int-5001-digits", _with_sidecar(".meta.toml", "volume = " + "9" * 5_001)),
        Case("docx-empty-paragraphs-160k", _write("empty.docx",
                                                  lambda: hostile.docx_empty_paragraphs(160_000))),
        Case("docx-empty-paragraphs-3.4M", _write("empty.docx", lambda: hostile.
                                                  docx_empty_paragraphs(3_400_000))),
        Case("docx-2000-paras-20000-styles", _write("styles.docx", lambda: hostile.
                                                    docx_many_styles(2_000, 20_000))),
        Case("html-charset-rot13", _write("page.html", lambda: hostile.html_charset("rot13"))),
        Case("html-charset-zlib", _write("page.html", lambda: hostile.html_charset("zlib"))),
        Case("pptx-template-600MB-part", _pptx_template,
             ["build", "src", "-o", "out", "--format", "pptx", "--pptx-template", "big.pptx"]),
        *(Case(name, _with_template(source), [*pdf, "--templates", "tpl"])
          for name, source in _TEMPLATE_CASES.items()),
        Case("long-token-20000", _write("token.txt", _long_token), pdf),
        Case("controls-in-title", _write("bidi.txt", lambda: "Title \u202eevil\u200d\u009b\n\n"
                                         + _BODY), pdf),
        Case("article-8000-paragraphs", _write("long.txt", lambda: _paragraphs(8_000))),
        Case("one-paragraph-480KB-dates", _write("dates.txt", lambda: _dates(480_000))),
        Case("one-paragraph-512KB-names", _write("names.txt", lambda: _names(512_000))),
        Case("dev-zero-source", lambda folder: None, ["build", "/dev/zero", "-o", "out"]),
        Case("symlink-out-of-scanned-folder", _symlink_out),
        Case("source-name-245-bytes", _long_name),
        Case("pack-output-holds-tmp-folder", _pack_over_tmp_folder,
             ["pack", "src", "-o", "out", "--title", "Pack"]),
    ]
    return found


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_CAP, _CAP))


def run(case: Case, timeout: float) -> Result:
    """Generate `case` in a fresh folder, run it, and return what it cost and how it ended."""
    folder = Path(tempfile.mkdtemp(prefix="exporter-stress-"))
    try:
        case.files(folder)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        exporter = shutil.which("exporter") or "exporter"
        command = [_TIME, "-v", exporter, *case.args, "--no-cache"]
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000"}
        start = time.monotonic()
        # A session of its own, so a timeout ends the whole tree (`time`, the CLI, its workers).
        child = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=env, preexec_fn=_cap,
                                 start_new_session=True)
        try:
            _, raw = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return Result(case.name, size, time.monotonic() - start, 0.0, "timeout")
        seconds = time.monotonic() - start
        stderr = raw.decode("utf-8", errors="replace")
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
        lines = [ln for ln in stderr.split("\tCommand being timed")[0].splitlines()
                 if ln and not ln.startswith("Command exited with")]
        if "Traceback" in stderr:
            outcome = "traceback: " + (lines[-1] if lines else "")[:100]
        elif child.returncode == 0:
            outcome = "ok" + (f" ({len(lines)} warning line(s))" if lines else "")
        else:
            errors = [ln for ln in lines if ln.startswith("exporter:")]
            outcome = (errors[0] if errors else f"exit {child.returncode}")[:160]
        return Result(case.name, size, seconds, int(peak.group(1)) / 1024 if peak else 0.0,
                      outcome)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only the cases named")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per case")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    options = parser.parse_args()
    if not Path(_TIME).exists():
        parser.error(f"{_TIME} (GNU time) is needed to measure peak memory")
    selected = [c for c in cases() if not options.only or c.name in options.only]
    if options.list:
        print("\n".join(c.name for c in selected))
        return 0
    print(f"{'case':32} {'input':>10} {'wall s':>7} {'peak MB':>8}  outcome")
    failed = 0
    for case in selected:
        result = run(case, options.timeout)
        over = result.seconds >= 60 or result.peak_mb >= 1024 or "traceback" in result.outcome \
            or result.outcome == "timeout"
        failed += over
        print(f"{result.name:32} {result.size:>10,} {result.seconds:>7.1f} "
              f"{result.peak_mb:>8.0f}  {'!! ' if over else ''}{result.outcome}", flush=True)
    print(f"{failed} case(s) over 60 s, over 1 GB, a traceback or a timeout")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
