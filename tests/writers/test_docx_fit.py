"""The one-article Word summary stays within two pages: when the page model finds more, the
build renders the template again with shorter lists (`fit`), and a template that ignores `fit`
is rendered once more at most, never in a loop."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import exporter
from exporter.build import BuildConfig, render_outputs
from exporter.writers.docx import DocxWriter
from exporter.writers.docx_pages import bookmark_pages

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted([REPO / "source" / "pakistan-russia-relations.txt",
                  *(REPO / "tests" / "articles").glob("*.txt"),
                  *(REPO / "tests" / "articles").glob("*.md")])


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("fit")
    config = BuildConfig(out_dir=out, formats=("docx",))
    return {p.stem: render_outputs(exporter.analyse(exporter.load(p)), config)["summary.docx"]
            for p in SOURCES}


def test_every_summary_is_within_its_page_budget(summaries: dict[str, bytes]) -> None:
    assert len(summaries) == len(SOURCES)
    for name, data in summaries.items():
        assert bookmark_pages(data)["#pages"] <= DocxWriter.page_budget, name


def test_the_sample_needed_shorter_lists_and_says_how_many_it_left_out(
        summaries: dict[str, bytes]) -> None:
    import docx

    document = docx.Document(io.BytesIO(summaries["pakistan-russia-relations"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "more dated events" in text and "more actors" in text


def test_a_template_that_ignores_fit_is_not_rendered_in_a_loop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    body = "".join(f"<p>Paragraph {n} of a summary that never gets shorter.</p>"
                   for n in range(400))
    (templates / "summary.xml.j2").write_text(
        f'<document kind="summary" title="{{{{ title }}}}">{body}</document>', encoding="utf-8")
    calls: list[int] = []
    original = DocxWriter.pages

    def counted(self: DocxWriter, data: bytes, options: object) -> int:
        calls.append(1)
        return original(self, data, options)  # type: ignore[arg-type]

    monkeypatch.setattr(DocxWriter, "pages", counted)
    config = BuildConfig(out_dir=tmp_path, formats=("docx",), templates=str(templates))
    data = render_outputs(exporter.analyse(exporter.load(SOURCES[0])), config)["summary.docx"]
    assert bookmark_pages(data)["#pages"] > DocxWriter.page_budget
    assert len(calls) == 1  # over budget, rendered again, same bytes: kept, no more tries
