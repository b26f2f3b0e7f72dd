"""`exporter pack pack.yaml`: sections in the contents, bookmarks, agenda and DOCX headings;
every settings error is one line naming the file and the key (cases: tests/pack_settings/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from exporter.cli import main

HERE = Path(__file__).parent
ARTICLES = HERE / "articles"
CASES = json.loads((HERE / "pack_settings" / "invalid.json").read_text(encoding="utf-8"))

SETTINGS = """\
title: Morning pack
subtitle: Situation update
organisation: Regional desk
meeting: 2026-12-01
classification: OFFICIAL
paper: letter
sections:
  - heading: Food and water
    articles: [inbox/sahel-*.txt, inbox/tajik-uzbek-water.txt]
  - heading: Mining and industry
    articles: [inbox/zambia-copper-strike.txt]
"""


def _titles(outline: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            out.extend(_titles(item, depth + 1))
        else:
            out.append((depth, item.title))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("settings")
    (root / "inbox").mkdir()
    for name in ("sahel-hunger-appeal.txt", "tajik-uzbek-water.txt", "zambia-copper-strike.txt"):
        shutil.copy(ARTICLES / name, root / "inbox" / name)
    (root / "pack.yaml").write_text(SETTINGS, encoding="utf-8")
    result = CliRunner().invoke(main, ["pack", str(root / "pack.yaml"), "-o", str(root / "out"),
                                       "--classification", "OFFICIAL-SENSITIVE"])
    assert result.exit_code == 0, result.output
    return root / "out"


def test_sections_are_bookmarks_above_their_articles(built: Path) -> None:
    titles = _titles(PdfReader(built / "pack.pdf").outline)
    tops = [t for depth, t in titles if depth == 0]
    assert tops[:3] == ["Overview", "Food and water", "Mining and industry"]
    food = titles.index((0, "Food and water"))
    assert titles[food + 1][0] == 1 and titles[food + 1][1].startswith("Aid agencies")


def test_sections_are_in_the_contents_and_cover(built: Path) -> None:
    reader = PdfReader(built / "pack.pdf")
    cover = reader.pages[0].extract_text()
    assert "Situation update" in cover and "Regional desk" in cover
    assert "1 December 2026" in cover
    assert "OFFICIAL-SENSITIVE" in cover  # the command line wins over the file
    assert reader.pages[0].mediabox.width == 612  # paper: letter, from the file
    contents = reader.pages[1].extract_text()
    assert contents.index("Food and water") < contents.index("Mining and industry")


def test_sections_are_docx_headings(built: Path) -> None:
    document = docx.Document(str(built / "pack.docx"))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Food and water") in headings
    assert ("Heading 1", "Mining and industry") in headings
    first = headings.index(("Heading 1", "Food and water"))
    assert headings[first + 1][0] == "Heading 2"


def test_sections_are_on_the_agenda(built: Path) -> None:
    deck = Presentation(str(built / "pack-slides.pptx"))
    agenda = next(s for s in deck.slides
                  if s.shapes.title is not None and s.shapes.title.text == "Agenda")
    text = " ".join(sh.text_frame.text for sh in agenda.shapes if sh.has_text_frame)
    assert text.index("Food and water") < text.index("Mining and industry")
    assert "Food and water" in (built / "pack-slides.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["error"])[:60])
def test_settings_errors_are_one_line(case: dict[str, str], tmp_path: Path) -> None:
    shutil.copy(ARTICLES / "zambia-copper-strike.txt", tmp_path / "a.txt")
    (tmp_path / "pack.yaml").write_text(case["yaml"], encoding="utf-8")
    result = CliRunner().invoke(main, ["pack", str(tmp_path / "pack.yaml"), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code in (1, 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert case["error"].replace("pack.yaml", str(tmp_path / "pack.yaml")) in lines[0]
    assert not (tmp_path / "out" / "pack.pdf").exists()
