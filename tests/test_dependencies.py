"""Every package the code imports is declared, and every limit a message names is an option."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

from .conftest import REPO

PACKAGE = REPO / "exporter"


def declared() -> set[str]:
    """Return the normalised names of the runtime dependencies in pyproject.toml, with the
    extras a user installs for a feature (`exporter[dask]`; not the test and dev tools)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    names = set()
    extras = project.get("optional-dependencies", {})
    features = [spec for extra, specs in extras.items() if extra not in ("test", "dev")
                for spec in specs]
    for spec in [*project["dependencies"], *features]:
        name = re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]
        names.add(re.sub(r"[-_.]+", "-", name).lower())
    return names


def imported_modules() -> dict[str, str]:
    """Return top-level module → a file importing it, for every absolute import in the code."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(REPO)))
    return found


def test_every_imported_package_is_declared() -> None:
    owners = packages_distributions()
    wanted = declared()
    missing = []
    for module, where in imported_modules().items():
        if module in sys.stdlib_module_names or module in ("exporter", "__future__"):
            continue
        dists = {re.sub(r"[-_.]+", "-", d).lower() for d in owners.get(module, [])}
        if module == "tomli":  # the Python 3.10 fallback, declared with a marker
            dists = {"tomli"}
        if not dists & wanted:
            missing.append(f"{module} (imported in {where})")
    assert missing == [], "imported but not declared in pyproject.toml: " + ", ".join(missing)


def test_html_reading_has_what_trafilatura_imports() -> None:
    import lxml.html.clean  # noqa: F401 - the import a fresh install once lacked

    from exporter.readers import read_data

    html = b"<!doctype html><html><body><article><p>" + b"Words of an article. " * 20 + \
        b"</p></article></body></html>"
    assert read_data(html, "page.html").paragraphs


def test_limit_messages_name_options_that_exist() -> None:
    named = set()
    for path in PACKAGE.rglob("*.py"):
        named |= set(re.findall(r"\((--max-[a-z-]+)\)", path.read_text("utf-8")))
    assert named, "no limit message found: has the message format changed?"
    for command in ("build", "pack"):
        text = CliRunner().invoke(main, [command, "--help"], terminal_width=200).output
        missing = sorted(option for option in named if option not in text)
        assert missing == [], f"`exporter {command}` lacks {missing}"


@pytest.mark.parametrize("option", ["--max-paragraphs", "--max-seconds", "--max-memory"])
def test_new_options_reach_the_build(option: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing.txt"), "-o",
                                       str(tmp_path / "out"), option, "100"])
    assert result.exit_code == 1 and "no such file" in result.output, result.output
