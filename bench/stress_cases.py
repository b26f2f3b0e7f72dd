"""The worst inputs of issue 10, as cases for `bench/stress.py`: files to generate, CLI arguments,
and a check of the folder afterwards (data kept, nothing leaked, nothing stale).

The hostile files themselves come from `bench/hostile.py`; this module arranges them into the
folders and command lines a careless user or an attacker would produce.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bench import hostile

_BODY = "Ordinary prose of a short article, written for the stress bench to read.\n\n"


@dataclass
class Case:
    """One worst input: files to write, then the CLI arguments that run it."""

    name: str
    files: Callable[[Path], None]
    args: list[str] = field(default_factory=lambda: ["build", "src", "-o", "out"])
    runs: int = 1
    """Runs one after the other in the same folder (time summed, worst outcome reported)."""
    parallel: int = 1
    """Runs started at once into the same folder."""
    cache: bool = False
    """Keep the build cache (otherwise every run passes `--no-cache`)."""
    between: Callable[[Path], None] | None = None
    """Called after each run but the last (e.g. to tamper with a cache record)."""
    check: Callable[[Path], str | None] | None = None
    """Called after the runs: what went wrong in the folder (data lost, a file leaked), or None."""
    tmpdir_bytes: int | None = None
    """Run with TMPDIR on a tmpfs of this size, all but 8 KB filled (needs `unshare -m`)."""
    file_limit: int | None = None
    """`ulimit -f` for the run, in bytes."""
    kill_after: float | None = None
    """`kill -9` the first run's CLI process after this many seconds (TMPDIR is then private to
    the case, so what the killed run left there can be checked)."""


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


_SECRET = "SECRET-7f3a9c"
"""Marker of a file outside the inputs: no output may contain it."""


def _article(folder: Path, where: str = "src") -> None:
    (folder / where).mkdir(parents=True, exist_ok=True)
    (folder / where / "article.txt").write_text("A title\n\n" + _BODY, encoding="utf-8")


def _leaked(folder: Path) -> str | None:
    """Name the output holding the secret marker (PDFs read through pdftotext), if any."""
    for path in sorted((folder / "out").rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()
        if path.suffix == ".pdf" and shutil.which("pdftotext"):
            data += subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   check=False).stdout
        if _SECRET.encode() in data:
            return f"{path.relative_to(folder)} holds a file from outside the inputs"
    return None


def _symlink_check(folder: Path) -> str | None:
    if (folder / "out" / "leak").exists():
        return "out/leak/ was built from a link out of the scanned folder"
    return _leaked(folder)


def _symlinked_sidecar(folder: Path) -> None:
    _article(folder)
    secret = folder / "secret.yaml"
    secret.write_text(f"title: {_SECRET}\n", encoding="utf-8")
    (folder / "src" / "article.meta.yaml").symlink_to(secret)


def _template_include_link(folder: Path) -> None:
    _article(folder)
    (folder / "secret.txt").write_text(_SECRET + "\n", encoding="utf-8")
    (folder / "tpl").mkdir()
    (folder / "tpl" / "key.txt").symlink_to(folder / "secret.txt")
    (folder / "tpl" / "briefing.xml.j2").write_text(
        '<document kind="briefing">\n<p>{% include "key.txt" %}</p>\n</document>\n',
        encoding="utf-8")


def _tmp_survives(folder: Path) -> str | None:
    if not (folder / "out" / ".thesis.docx.tmp").is_file():
        return "the user's out/.thesis.docx.tmp was deleted"
    if not (folder / "out" / ".x.tmp").is_dir():
        return "the user's out/.x.tmp/ was deleted"
    return None


def _cache_record(content: str) -> Callable[[Path], None]:
    def files(folder: Path) -> None:
        _article(folder)
        (folder / "out" / "article").mkdir(parents=True)
        (folder / "out" / "article" / ".exporter-cache.json").write_text(content)

    return files


def _record_naming_dev_zero(folder: Path) -> None:
    """A record naming /dev/zero outright, and `zero`, a link to it beside the record."""
    digest = "0" * 64
    _cache_record(json.dumps({"key": "0", "files": {"/dev/zero": digest, "zero": digest}}))(folder)
    (folder / "out" / "article" / "zero").symlink_to("/dev/zero")


def _outputs_rebuilt(folder: Path) -> str | None:
    names = ("briefing.pdf", "summary.docx", "slides.md", "slides.pptx")
    missing = [n for n in names if not (folder / "out" / "article" / n).is_file()
               or (folder / "out" / "article" / n).is_symlink()]
    return f"not rebuilt: {', '.join(missing)}" if missing else None


def _output_to_dev_zero(folder: Path) -> None:
    """Leave the (valid) record, but make one output it names a link to /dev/zero."""
    target = folder / "out" / "article" / "slides.md"
    target.unlink()
    target.symlink_to("/dev/zero")


def _edit_sidecar(folder: Path) -> None:
    (folder / "src" / "article.meta.yaml").write_text("title: A new title\n", encoding="utf-8")


def _sidecar_article(folder: Path) -> None:
    _article(folder)
    (folder / "src" / "article.meta.yaml").write_text("title: The old title\n", encoding="utf-8")


def _new_title_used(folder: Path) -> str | None:
    slides = folder / "out" / "article" / "slides.md"
    if not slides.is_file() or "A new title" not in slides.read_text(encoding="utf-8"):
        return "the sidecar's new title is not in out/article/slides.md (stale cache)"
    return None


def _one_folder(folder: Path) -> str | None:
    built = sorted(p.name for p in (folder / "out").iterdir() if p.is_dir()) \
        if (folder / "out").is_dir() else []
    return None if built == ["article"] else f"out/ holds {len(built)} folder(s): {built[:5]}"


def _long_name_built(folder: Path) -> str | None:
    built = [p for p in (folder / "out").iterdir() if p.is_dir()] \
        if (folder / "out").is_dir() else []
    return None if built else "nothing was built"


def _two_builds_check(folder: Path) -> str | None:
    return _outputs_rebuilt(folder) or _tmp_survives(folder)


def _two_builds(folder: Path) -> None:
    _article(folder)
    (folder / "src" / "long.txt").write_text(_paragraphs(400), encoding="utf-8")
    (folder / "out").mkdir()
    (folder / "out" / ".thesis.docx.tmp").write_text("a user's file", encoding="utf-8")
    (folder / "out" / ".x.tmp").mkdir()


def _no_pack_store_left(folder: Path) -> str | None:
    left = sorted(p.name for p in (folder / "tmp").glob("exporter-pack-*"))
    return f"TMPDIR still holds {left}" if left else None


def _no_controls(folder: Path) -> str | None:
    slides = folder / "out" / "bidi" / "slides.md"
    if not slides.is_file():
        return "out/bidi/slides.md was not written"
    text = slides.read_text(encoding="utf-8")
    found = sorted({f"U+{ord(c):04X}" for c in text if c in "\u202e\u200d\u009b"})
    return f"out/bidi/slides.md holds {', '.join(found)}" if found else None


def _template_with_include(folder: Path) -> None:
    _article(folder)
    (folder / "tpl" / "parts").mkdir(parents=True)
    (folder / "tpl" / "parts" / "note.txt").write_text("Included words before.\n", "utf-8")
    (folder / "tpl" / "briefing.xml.j2").write_text(
        '<document kind="briefing">\n<p>{% include "parts/note.txt" %}</p>\n</document>\n',
        encoding="utf-8")


def _edit_include(folder: Path) -> None:
    (folder / "tpl" / "parts" / "note.txt").write_text("Included words after.\n", "utf-8")


def _include_edit_used(folder: Path) -> str | None:
    pdf = folder / "out" / "article" / "briefing.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=False).stdout if pdf.is_file() else ""
    return None if "words after" in text else "the edited include is not in briefing.pdf (stale)"


def _pack_heavy(folder: Path) -> None:
    """Six long articles: a pack still running when it is killed, even on a quiet machine."""
    _article(folder)
    for n in range(5):
        (folder / "src" / f"long{n}.txt").write_text(_paragraphs(400), encoding="utf-8")


def _pack_twice(folder: Path) -> None:
    for n in range(3):
        (folder / f"article{n}.txt").write_text(f"Title {n}\n\n" + _BODY, encoding="utf-8")


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
        Case("yaml-int-5001-digits", _with_sidecar(".meta.yaml", "volume: " + "9" * 5_001)),
        Case("yaml-bomb-sidecar-date", _with_sidecar(".meta.yaml",
                                                     hostile.yaml_alias_bomb("date"))),
        Case("yaml-bomb-front-volume", _write("bomb.md", lambda: hostile.markdown_with_front(
            hostile.yaml_alias_bomb("volume")))),
        Case("toml-int-5001-digits", _with_sidecar(".meta.toml", "volume = " + "9" * 5_001)),
        Case("docx-empty-paragraphs-160k", _write("empty.docx",
                                                  lambda: hostile.docx_empty_paragraphs(160_000))),
        Case("docx-empty-paragraphs-3.4M", _write("empty.docx", lambda: hostile.
                                                  docx_empty_paragraphs(3_400_000))),
        Case("docx-2000-paras-20000-styles", _write("styles.docx", lambda: hostile.
                                                    docx_many_styles(2_000, 20_000))),
        Case("docx-49000-empty-paras-20000-styles", _write("empty.docx", lambda: hostile.
                                                           docx_empty_paragraphs(49_000, 20_000))),
        *(Case(f"html-charset-{name}", _write("page.html", partial(hostile.html_charset, name)))
          for name in ("rot13", "zlib", "hex", "uu", "undefined", "punycode")),
        Case("pptx-template-600MB-part", _pptx_template,
             ["build", "src", "-o", "out", "--format", "pptx", "--pptx-template", "big.pptx"]),
        *(Case(name, _with_template(source), [*pdf, "--templates", "tpl"])
          for name, source in _TEMPLATE_CASES.items()),
        Case("long-token-20000", _write("token.txt", _long_token), pdf),
        Case("controls-in-title", _write("bidi.txt", lambda: "Title \u202eevil\u200d\u009b\n\n"
                                         + _BODY), check=_no_controls),
        Case("article-8000-paragraphs", _write("long.txt", lambda: _paragraphs(8_000))),
        Case("one-paragraph-480KB-dates", _write("dates.txt", lambda: _dates(480_000))),
        Case("one-paragraph-512KB-names", _write("names.txt", lambda: _names(512_000))),
        Case("dev-zero-source", lambda folder: None, ["build", "/dev/zero", "-o", "out"]),
        Case("symlink-out-of-scanned-folder", _symlink_out, check=_symlink_check),
        Case("symlinked-sidecar", _symlinked_sidecar, ["build", "src", "-o", "out",
                                                       "--format", "md"], check=_leaked),
        Case("template-symlink-include", _template_include_link, [*pdf, "--templates", "tpl"],
             check=_leaked),
        Case("source-name-245-bytes", _long_name, check=_long_name_built),
        Case("pack-output-holds-tmp-folder", _pack_over_tmp_folder,
             ["pack", "src", "-o", "out", "--title", "Pack"], check=_tmp_survives),
        Case("two-builds-one-folder-x3", _two_builds, runs=3, parallel=2,
             check=_two_builds_check),
        Case("cache-record-list", _cache_record("[]"), cache=True, check=_outputs_rebuilt),
        Case("cache-record-string", _cache_record('"x"'), cache=True, check=_outputs_rebuilt),
        Case("cache-record-names-dev-zero", _record_naming_dev_zero, cache=True,
             check=_outputs_rebuilt),
        # An output replaced by a link to /dev/zero under a valid record: the record must not
        # be checked by reading it, and the writer refuses to write through the link (one line).
        Case("cache-output-linked-to-dev-zero", lambda f: _article(f), cache=True, runs=2,
             between=_output_to_dev_zero),
        Case("cache-sidecar-edited", _sidecar_article, cache=True, runs=2,
             between=_edit_sidecar, check=_new_title_used),
        Case("cache-template-include-edited", _template_with_include,
             [*pdf, "--templates", "tpl"], cache=True, runs=2, between=_edit_include,
             check=_include_edit_used),
        Case("build-dot-three-times", lambda f: _article(f, "."), ["build", ".", "-o", "out"],
             cache=True, runs=3, check=_one_folder),
        Case("pack-dot-twice", _pack_twice, ["pack", ".", "-o", "out", "--title", "Pack"],
             cache=True, runs=2),
        Case("pack-killed-9-then-rerun", _pack_heavy, ["pack", "src", "-o", "out", "--title",
                                                       "Pack"], runs=2, kill_after=3.0,
             check=_no_pack_store_left),
        Case("full-tmpdir-build", _article, tmpdir_bytes=64 << 10),
        Case("full-tmpdir-pack", _article, ["pack", "src", "-o", "out", "--title", "Pack"],
             tmpdir_bytes=64 << 10),
        Case("ulimit-f-64KB-build", _article, file_limit=64 << 10),
        Case("ulimit-f-64KB-pack", _article, ["pack", "src", "-o", "out", "--title", "Pack"],
             file_limit=64 << 10),
    ]
    return found
