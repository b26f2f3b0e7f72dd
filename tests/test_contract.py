"""The briefing JSON contract: `inspect --json` → edit → `build x.briefing.json`.

Building from the JSON must render exactly what building the article did (byte for byte, with
`SOURCE_DATE_EPOCH`), an edit must show in every format, every `inspect --json` output must
validate against the published schema, and an invalid file is one line naming its JSON path.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import exporter
from exporter.cli import main
from exporter.contract import from_data, json_schema
from exporter.model import to_data

HERE = Path(__file__).parent
ARTICLES = [*sorted(p for p in (HERE / "articles").iterdir() if p.suffix in (".txt", ".md")),
            HERE.parent / "source" / "pakistan-russia-relations.txt"]
CASES = json.loads((HERE / "contract" / "invalid-briefings.json").read_text(encoding="utf-8"))
FORMATS = ("briefing.pdf", "summary.docx", "slides.md", "slides.pptx")


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _inspect(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["inspect", str(path), "--json", "--max-seconds", "120"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FORMATS}


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    """Return each format's text as a reader sees it: PDF text, DOCX XML, slides."""
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(files["briefing.pdf"])).pages)
    with zipfile.ZipFile(io.BytesIO(files["summary.docx"])) as z:
        docx = z.read("word/document.xml").decode()
    with zipfile.ZipFile(io.BytesIO(files["slides.pptx"])) as z:
        pptx = "".join(z.read(n).decode() for n in sorted(z.namelist())
                       if n.startswith("ppt/slides/slide") and n.endswith(".xml"))
    return {"pdf": pdf, "docx": docx, "md": files["slides.md"].decode(), "pptx": pptx}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_build_from_inspect_json_renders_the_same(article: Path, tmp_path: Path) -> None:
    data = _inspect(article)
    jsonschema.validate(data, json_schema())
    # The display name recorded in the JSON is the path as given, so build it the same way.
    source = tmp_path / article.name
    source.write_bytes(article.read_bytes())
    corrected = tmp_path / f"{article.stem}.briefing.json"
    data["source"]["path"] = str(source)
    corrected.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [direct] = exporter.export([str(source)], str(tmp_path / "direct"))
    [rebuilt] = exporter.export([str(corrected)], str(tmp_path / "rebuilt"))
    assert direct.ok and rebuilt.ok, (direct.error, rebuilt.error)
    assert rebuilt.out_dir == direct.out_dir == article.stem
    before = _outputs(tmp_path / "direct" / article.stem)
    after = _outputs(tmp_path / "rebuilt" / article.stem)
    assert _texts(after) == _texts(before)
    assert after == before  # with SOURCE_DATE_EPOCH, even the bytes


def test_from_data_inverts_to_data() -> None:
    for article in ARTICLES:
        briefing = exporter.analyse(exporter.load(article))
        assert from_data(json.loads(json.dumps(to_data(briefing)))) == briefing


def test_an_edited_speaker_shows_in_every_format(tmp_path: Path) -> None:
    article = HERE / "articles" / "zambia-copper-strike.txt"
    data = to_data(exporter.analyse(exporter.load(article)))
    old = data["quotes"][0]["speaker"]
    for quote in data["quotes"]:
        if quote["speaker"] == old:
            quote["speaker"] = "Zelda Okonkwo-Birch"
    corrected = tmp_path / "zambia.briefing.json"
    corrected.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corrected), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    texts = _texts(_outputs(tmp_path / "out" / "zambia"))
    for kind, text in texts.items():
        assert "Zelda Okonkwo-Birch" in " ".join(text.split()), kind


def _edit(data: dict[str, Any], case: dict[str, Any]) -> None:
    *where, last = case.get("set") or case["delete"]
    target: Any = data
    for key in where:
        target = target[key]
    if "set" in case:
        target[last] = case["value"]
    else:
        del target[last]


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["why"]))
def test_an_invalid_briefing_is_one_line_naming_its_path(case: dict[str, Any],
                                                         tmp_path: Path) -> None:
    data = to_data(exporter.analyse(exporter.load(HERE / "articles" / "zambia-copper-strike.txt")))
    _edit(data, case)
    bad = tmp_path / "bad.briefing.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("exporter: ")]
    assert len(errors) == 1, result.stderr
    assert case["error"] in errors[0]
    assert "Traceback" not in result.stderr
    assert not (out / "bad").exists()


def test_malformed_json_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "x.briefing.json"
    bad.write_text('{"schema": 1,\n "title": }', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "x.briefing.json:2: unreadable: invalid JSON" in result.stderr


def test_schema_command_prints_the_shipped_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(printed)
    shipped = Path(exporter.__file__).parent / "briefing.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == printed, (
        "exporter/briefing.schema.json is stale: exporter schema > exporter/briefing.schema.json")


def test_pack_api_accepts_briefing_json(tmp_path: Path) -> None:
    article = HERE / "articles" / "zambia-copper-strike.txt"
    data = to_data(exporter.analyse(exporter.load(article)))
    data["title"] = "A corrected title for the pack"
    corrected = tmp_path / "z.briefing.json"
    corrected.write_text(json.dumps(data), encoding="utf-8")
    result = exporter.pack([str(corrected), str(HERE / "articles" / "sahel-hunger-appeal.txt")],
                           str(tmp_path / "pack"), title="Two")
    assert result.error is None and "pack.pdf" in result.outputs
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "pack" / "pack.pdf").pages)
    assert "A corrected title for the pack" in " ".join(text.split())
