"""exporter.toml / --config, `exporter templates`, unknown overrides, and --watch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from exporter.cli import main
from exporter.templating import builtin_names

from .conftest import SAMPLE


def front(md: Path) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(md.read_text("utf-8").split("---\n")[1])
    return data


def test_config_sets_defaults_and_the_command_line_wins(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("exporter.toml").write_text('classification = "OFFICIAL"\nformat = ["md"]\njobs = 1\n'
                                     'output = "built"\n')
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    (md,) = Path("built").rglob("slides.md")
    assert front(md)["header"] == "OFFICIAL"
    assert [p.name for p in md.parent.iterdir() if not p.name.startswith(".")] == ["slides.md"]
    result = runner.invoke(main, ["build", str(SAMPLE), "--classification", "SECRET"])
    assert result.exit_code == 0, result.output
    assert front(md)["header"] == "SECRET"


def test_config_option_and_unknown_key(tmp_path: Path) -> None:
    config = tmp_path / "house.toml"
    config.write_text('papr = "letter"\n')
    result = CliRunner().invoke(main, ["--config", str(config), "build", str(SAMPLE)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"exporter: {config}: config: unknown key 'papr'")


def test_config_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    shutil.copytree(Path(__file__).parent / "brand", tmp_path / "house" / "brand")
    config = tmp_path / "house" / "exporter.toml"
    config.write_text('brand = "brand/_brand.yml"\nformat = ["md"]\njobs = 1\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--config", str(config), "build", str(SAMPLE),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "#7A1F2B" in next(out.rglob("slides.md")).read_text("utf-8")


def test_templates_list_show_init(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["templates", "list"]).output.split()
    assert listed == builtin_names() and "briefing.xml.j2" in listed
    shown = runner.invoke(main, ["templates", "show", "briefing.xml.j2"])
    assert shown.exit_code == 0 and "{%" in shown.output
    missing = runner.invoke(main, ["templates", "show", "brefing.xml.j2"])
    assert missing.exit_code == 1 and "no built-in template" in missing.output
    made = runner.invoke(main, ["templates", "init", str(tmp_path / "t")])
    assert made.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == builtin_names()
    again = runner.invoke(main, ["templates", "init", str(tmp_path / "t")])
    assert again.exit_code == 1 and "already exists" in again.output


def test_a_template_that_overrides_nothing_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "brefing.xml.j2").write_text("misspelt")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "o"),
                                       "--templates", str(folder), "--format", "md", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert (f"exporter: {folder / 'brefing.xml.j2'}: warning: overrides no built-in template"
            in result.output)


def _wait(condition: object, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def test_watch_rebuilds_when_a_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "src" / "a.txt"
    source.parent.mkdir()
    shutil.copy(SAMPLE, source)
    md = tmp_path / "out" / "a" / "slides.md"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.Popen([sys.executable, "-m", "exporter.cli", "build", str(source.parent),
                             "-o", str(tmp_path / "out"), "--format", "md", "-j", "1",
                             "--watch"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        assert _wait(md.exists, 60)
        time.sleep(1.0)  # the watcher starts after the first build
        source.write_text(source.read_text("utf-8") + "\nA new paragraph on Zanzibar.\n",
                          encoding="utf-8")
        assert _wait(lambda: "Zanzibar" in md.read_text("utf-8"), 60)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
