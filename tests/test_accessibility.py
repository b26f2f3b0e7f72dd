"""Tagged PDF (PDF/UA-1) and PDF/A-2b, checked with the checkers the package registries offer.

- `pdfua` (PyPI, pikepdf-based; 16 of the 106 PDF/UA-1 rules): no ERROR finding on the sample
  briefing, a pack and its handouts.
- `outloud` (PyPI; it pulls in PyMuPDF under the AGPL, so it lives in a venv of its own, made by
  `.ci/run`): exit 0 at `--fail-on error`. Found through `$EXPORTER_OUTLOUD` or
  `.venv-outloud/bin/outloud`; skipped when absent.
- `pdfinfo -struct-text` of the sample briefing: a reviewed golden file.
- `pikepdf.pdfa` (pikepdf's PDF/A validator): the `--pdfa` outputs pass for 2b.
- Checks no checker makes: headings in order, link annotations in the tree, one paragraph over
  two pages is one P, no two words run together at a line end.

Not run here: veraPDF (the reference validator), PAC, and a screen reader.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from exporter.cli import main

from .conftest import REPO, SAMPLE

ARTICLES = sorted((REPO / "tests" / "articles").glob("*.txt"))[:2]
LONG_TITLE = REPO / "tests" / "articles" / "brazil-water-canal.txt"
EPOCH = "1500000000"


def run(*args: str) -> None:
    # From the checkout, with relative paths: the source path is printed in the output.
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": EPOCH})
    finally:
        os.chdir(cwd)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output


def build(out: Path, *extra: str) -> list[Path]:
    """Build the sample briefing, and a pack of it and two test articles, into `out`; and a
    briefing of a five-page article whose title is a sentence (its running head is furniture
    that a checker must not take for prose hidden from readers)."""
    sample = str(SAMPLE.relative_to(REPO))
    run("build", sample, "-o", str(out / "build"), "--format", "pdf", *extra)
    run("pack", sample, *(str(p.relative_to(REPO)) for p in ARTICLES), "--title", "Regional Pack",
        "-o", str(out / "pack"), "--jobs", "1", *extra)
    run("build", str(LONG_TITLE.relative_to(REPO)), "-o", str(out / "long"), "--format", "pdf",
        *extra)
    return [out / "build" / SAMPLE.stem / "briefing.pdf", out / "pack" / "pack.pdf",
            out / "pack" / "handouts.pdf", out / "long" / LONG_TITLE.stem / "briefing.pdf"]


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build(tmp_path_factory.mktemp("tagged"))


@pytest.fixture(scope="module")
def archival(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build(tmp_path_factory.mktemp("pdfa"), "--pdfa")


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def outloud() -> str:
    found = os.environ.get("EXPORTER_OUTLOUD") or str(REPO / ".venv-outloud" / "bin" / "outloud")
    if not Path(found).is_file():
        pytest.skip("outloud is not installed (.ci/run puts it in .venv-outloud)")
    return found


# --- the checkers ------------------------------------------------------------------------------


def test_pdfua_finds_no_error(tagged: list[Path]) -> None:
    pytest.importorskip("pdfua")
    for pdf in tagged:
        result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--min-severity",
                                 "error", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, f"{pdf.name}: {result.stdout}"


def test_outloud_finds_no_error(tagged: list[Path]) -> None:
    exe = outloud()
    for pdf in tagged:
        result = subprocess.run([exe, "--fail-on", "error", "--no-info", str(pdf)],
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{pdf.name}: {result.stdout}"


def test_structure_of_the_sample_is_the_reviewed_one(tagged: list[Path], golden: object) -> None:
    text = subprocess.run([tool("pdfinfo"), "-struct-text", str(tagged[0])],
                          capture_output=True, text=True, check=True).stdout
    # Object numbers follow every other object of the file: not part of the structure.
    text = re.sub(r"Object \d+ \d+", "Object", text)
    golden("pdf/pakistan-russia-relations.struct.txt", text)  # type: ignore[operator]


def test_pdfa_outputs_pass_pikepdfs_validator_and_stay_tagged(archival: list[Path]) -> None:
    pdfa = pytest.importorskip("pikepdf.pdfa")
    for pdf in archival:
        report = pdfa.validate_written(pdf, "2b")
        assert report.passed, f"{pdf.name}: {report.findings}"
        with pikepdf.open(pdf) as doc:
            assert "/StructTreeRoot" in doc.Root and doc.Root.MarkInfo.Marked
            assert "/Trans" not in doc.pages[0].obj


def test_branded_pdfa_passes_with_a_monospaced_brand_font(tmp_path: Path) -> None:
    """The test brand's headings are DejaVu Sans Mono Bold, a font whose glyphs share one
    advance width: ReportLab wrote that width into the embedded subset scaled to 1/1000 em,
    and the PDF's widths disagreed with its font program (rule 6.2.11.5-1)."""
    pdfa = pytest.importorskip("pikepdf.pdfa")
    brand = str((REPO / "tests" / "brand" / "_brand.yml").relative_to(REPO))
    run("build", str(SAMPLE.relative_to(REPO)), "-o", str(tmp_path), "--format", "pdf",
        "--pdfa", "--brand", brand)
    report = pdfa.validate_written(tmp_path / SAMPLE.stem / "briefing.pdf", "2b")
    assert report.passed, report.findings


def test_pdfa_is_byte_reproducible(archival: list[Path], tmp_path: Path) -> None:
    run("build", str(SAMPLE.relative_to(REPO)), "-o", str(tmp_path), "--format", "pdf", "--pdfa")
    again = tmp_path / SAMPLE.stem / "briefing.pdf"
    assert again.read_bytes() == archival[0].read_bytes()


# --- what no checker looks at ------------------------------------------------------------------


def elements(doc: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return the structure elements in reading order (depth first)."""
    out: list[pikepdf.Dictionary] = []

    def walk(node: pikepdf.Object) -> None:
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                out.append(kid)
                walk(kid)

    walk(doc.Root.StructTreeRoot)
    return out


def test_catalogue_and_pages_declare_what_pdfua_asks(tagged: list[Path]) -> None:
    for pdf in tagged:
        with pikepdf.open(pdf) as doc:
            root = doc.Root
            assert root.MarkInfo.Marked is True
            assert str(root.Lang) == "en"
            assert root.ViewerPreferences.DisplayDocTitle is True
            assert all(page.obj.Tabs == "/S" for page in doc.pages)
            assert [int(page.obj.StructParents) for page in doc.pages] == list(
                range(len(doc.pages)))
            meta = doc.open_metadata()
            assert meta["pdfuaid:part"] == "1"
            assert meta["dc:title"]


def test_template_pictures_are_figures_with_alt_text_and_a_bbox(tmp_path: Path) -> None:
    """A template's `<image>` is a Figure like the brand's logo: alt text, and the Layout
    /BBox of where it lies on its page (PDF/UA asks it of every Figure)."""
    run("build", str(SAMPLE.relative_to(REPO)), "-o", str(tmp_path), "--format", "pdf",
        "--templates", "tests/image_templates", "--brand", "tests/brand/_brand.yml", "-j", "1")
    pdf = tmp_path / SAMPLE.stem / "briefing.pdf"
    with pikepdf.open(pdf) as doc:
        figures = [e for e in elements(doc) if e.S == "/Figure"]
        assert len(figures) >= 2  # the logo and the template's picture
        for figure in figures:
            assert str(figure.Alt).strip()
            left, bottom, right, top = (float(v) for v in figure.A.BBox)
            page = [float(v) for v in doc.pages[0].MediaBox]
            assert page[0] <= left < right <= page[2] and page[1] <= bottom < top <= page[3]
    pytest.importorskip("pdfua")
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--min-severity", "error",
                             str(pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    result = subprocess.run([outloud(), "--fail-on", "error", "--no-info", str(pdf)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_headings_in_order_none_skipped(tagged: list[Path]) -> None:
    for pdf in tagged:
        with pikepdf.open(pdf) as doc:
            levels = [int(str(e.S)[2:]) for e in elements(doc) if re.fullmatch(r"/H\d", str(e.S))]
        assert levels and levels[0] == 1, pdf.name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), pdf.name


def test_every_link_annotation_is_a_described_link_element(tagged: list[Path]) -> None:
    with pikepdf.open(tagged[1]) as doc:
        links = {e.K.Obj.objgen: e for e in elements(doc) if e.S == "/Link"}
        annots = [a for page in doc.pages for a in page.obj.get("/Annots", [])]
        assert annots
        for annot in annots:
            assert str(annot.Contents), annot
            assert annot.objgen in links
            assert int(annot.StructParent) >= len(doc.pages)


def test_paragraph_over_two_pages_is_one_element(tagged: list[Path]) -> None:
    with pikepdf.open(tagged[0]) as doc:
        spanning = [e for e in elements(doc) if isinstance(e.get("/K"), pikepdf.Array)
                    and any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"
                            for k in e.K)]
        assert any(e.S == "/P" for e in spanning)


def test_table_header_cells_once_with_scope(tagged: list[Path]) -> None:
    with pikepdf.open(tagged[1]) as doc:
        for table in (e for e in elements(doc) if e.S == "/Table"):
            rows = [k for k in table.K if k.S == "/TR"] if isinstance(
                table.K, pikepdf.Array) else [table.K]
            widths = {len(r.K) if isinstance(r.K, pikepdf.Array) else 1 for r in rows}
            assert len(widths) == 1, "every row has the same cells"
            headers = [c for r in rows for c in (r.K if isinstance(r.K, pikepdf.Array)
                                                 else [r.K]) if c.S == "/TH"]
            assert all(str(c.A.Scope) in ("/Column", "/Row") for c in headers)


def test_no_words_run_together_at_line_ends(tagged: list[Path]) -> None:
    """A wrapped line's last word and the next line's first stay two words for a reader, in the
    briefing, the pack and the handouts alike (and no line end gets two spaces)."""
    source = set()  # the words of the articles and of the templates' own text
    for path in (SAMPLE, *ARTICLES, LONG_TITLE, *(REPO / "templates").glob("*.j2")):
        source |= set(re.findall(r"[a-z]+", path.read_bytes().decode("utf-8", "replace").lower()))
    for pdf in tagged:
        tree = subprocess.run([tool("pdfinfo"), "-struct-text", str(pdf)],
                              capture_output=True, text=True, check=True).stdout
        text = "\n".join(re.findall(r'^\s*"(.*)"$', tree, re.M))  # the content, not the roles
        joined = [w for w in set(re.findall(r"[a-z]+", text.lower())) if w not in source
                  and any(w[:i] in source and w[i:] in source for i in range(3, len(w) - 2))]
        assert not joined, (pdf.name, joined)
        assert not re.search(r"\S  \S", text), pdf.name
        if pdf.parent.name == SAMPLE.stem:
            assert "grown cautious lately" in text
