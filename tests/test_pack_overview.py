"""The pack overview, stories grouped, `--dedupe` and `--briefings-only`.

The pack holds one story three times (an article, a shorter reprint under another headline,
a wire copy with one paragraph rewritten) and one other story.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from exporter.cli import main
from exporter.packing import actor_index

ARTICLES = Path(__file__).parent / "articles"
STORY = "Zambian copper miners strike over pay as government counts on output"


def _sources(folder: Path) -> Path:
    folder.mkdir()
    text = (ARTICLES / "zambia-copper-strike.txt").read_text(encoding="utf-8")
    parts = text.split("\n\n")
    (folder / "a-zambia.txt").write_text(text, encoding="utf-8")
    reprint = "\n\n".join(["Copper strike halts Zambian mine", *parts[1:8]])
    (folder / "b-reprint.txt").write_text(reprint, encoding="utf-8")
    parts[2] = "Union leaders said the walkout would go on until the company improved its offer."
    (folder / "c-wire.txt").write_text("\n\n".join(parts), encoding="utf-8")
    shutil.copy(ARTICLES / "sahel-hunger-appeal.txt", folder / "d-sahel.txt")
    return folder


def _pack(tmp: Path, *options: str) -> Path:
    out = tmp / "out"
    result = CliRunner().invoke(main, ["pack", str(tmp / "in"), "--title", "Stories",
                                       "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("overview")
    _sources(tmp / "in")
    return _pack(tmp)


def _pages(pdf: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]


def test_overview_follows_the_contents(built: Path) -> None:
    pages = _pages(built / "pack.pdf")
    contents = next(i for i, t in enumerate(pages) if "Contents" in t[:200])
    after = [i for i, t in enumerate(pages) if "Overview Main developments" in t]
    assert after and after[0] in (contents + 1, contents + 2)  # contents may take two pages
    overview = pages[after[0]]
    bullets = overview.split("Timeline across the pack")[0].count("•")
    assert 1 <= bullets <= 8
    assert "3 reports" in overview
    assert re.search(r"\(No\. \d+, ¶\d+", overview), "each development cites article and ¶"


def test_merged_timeline_lists_every_report(built: Path) -> None:
    pages = _pages(built / "pack.pdf")
    overview = next(t for t in pages if "Timeline across the pack" in t)
    # The strike's events are in several reports: one row naming each of them.
    assert re.search(r"No\. \d, ¶\d+; No\. \d, ¶\d+", overview)
    assert overview.count("The last major strike at the mine") == 1


def test_reports_of_one_story_sit_under_one_heading(built: Path) -> None:
    outline = PdfReader(built / "pack.pdf").outline
    tops = [item.title for item in outline if not isinstance(item, list)]
    story = [t for t in tops if t.endswith("3 reports")]
    assert story == [f"{STORY}: 3 reports"]
    at = outline.index(next(i for i in outline if getattr(i, "title", "") == story[0]))
    children = [c.title for c in outline[at + 1] if not isinstance(c, list)]
    assert len(children) == 3 and children[0] == STORY  # the fullest report first


def test_deck_second_slide_is_the_overview(built: Path) -> None:
    deck = Presentation(str(built / "pack-slides.pptx"))
    second = deck.slides[1]
    assert second.shapes.title is not None and second.shapes.title.text == "Overview"


def test_dedupe_keeps_the_fullest_report(tmp_path: Path) -> None:
    _sources(tmp_path / "in")
    out = _pack(tmp_path, "--dedupe", "--briefings-only")
    outline = PdfReader(out / "pack.pdf").outline
    tops = [item.title for item in outline if not isinstance(item, list)]
    assert tops.count(STORY) == 1 and "Copper strike halts Zambian mine" not in tops
    text = " ".join(_pages(out / "pack.pdf"))
    assert "3 reports" in text  # the overview still says how often it was reported
    nested = [c.title for item in outline if isinstance(item, list) for c in item
              if not isinstance(c, list)]
    assert "Full text" not in nested  # --briefings-only


def test_index_has_each_entity_once() -> None:
    def article(n: int, *actors: tuple[str, str]) -> dict[str, object]:
        return {"number": n, "anchor": f"a{n}", "prefix": f"a{n}-", "title": f"T{n}",
                "actors": [{"name": name, "kind": kind, "aliases": [], "paragraphs": [1, 4]}
                           for name, kind in actors]}

    index = actor_index([
        article(1, ("Donald Trump", "person"), ("Reuters", "organisation"), ("SUV", "group")),
        article(2, ("Trump", "person"), ("Reuters", "person"), ("SUVs", "group")),
        article(3, ("Lee", "person"), ("Ann Lee", "person"), ("Bo Lee", "person")),
    ])
    names = [e["name"] for e in index]
    assert len({n.casefold() for n in names}) == len(names)
    by_name = {e["name"]: [x["article"] for x in e["entries"]] for e in index}
    assert by_name["Donald Trump"] == [1, 2] and "Trump" not in by_name
    assert by_name["Reuters"] == [1, 2]  # one entity whatever kind an article gave it
    assert by_name["SUV"] == [1, 2]
    assert "Lee" in by_name  # two people named Lee: the surname alone stays apart


def test_index_joins_spellings_across_articles_and_keeps_namesakes_apart() -> None:
    def article(n: int, *actors: tuple[str, str]) -> dict[str, object]:
        return {"number": n, "anchor": f"a{n}", "prefix": f"a{n}-", "title": f"T{n}",
                "actors": [{"name": name, "kind": kind, "aliases": [], "paragraphs": [2]}
                           for name, kind in actors]}

    index = actor_index([
        article(1, ("Volodymyr Zelenskiy", "person"), ("Timothy Morrison", "person"),
                ("U.N. Security Council", "organisation"), ("Mary Trump", "person")),
        article(2, ("Volodymyr Zelensky", "person"), ("Tim Morrison", "person"),
                ("UN Security Council", "organisation"), ("Donald Trump", "person")),
        article(3, ("Volodymyr Zelenskiy", "person"), ("Bill Morrison", "person")),
    ])
    by_name = {e["name"]: [x["article"] for x in e["entries"]] for e in index}
    assert by_name["Volodymyr Zelenskiy"] == [1, 2, 3] and "Volodymyr Zelensky" not in by_name
    assert by_name["Timothy Morrison"] == [1, 2] and "Tim Morrison" not in by_name
    assert by_name["Bill Morrison"] == [3]  # another formal name: another person
    assert by_name["U.N. Security Council"] == [1, 2]
    assert by_name["Mary Trump"] == [1] and by_name["Donald Trump"] == [2]


def test_corpus_pack_overview_and_index(shared_dir: Path) -> None:
    """25 real web pages: the overview has content and the index no entity twice."""
    import gzip
    import json

    from exporter import analyse
    from exporter.analysis.pack import find_stories, fingerprint, overview
    from exporter.model import to_data
    from exporter.readers import read_data

    pages = sorted((shared_dir / "corpus" / "article-extraction-benchmark" / "html").glob("*"))
    articles = []
    for n, page in enumerate(pages[:25], 1):
        with gzip.open(page) as raw:  # the corpus is stored gzipped
            html = raw.read()
        data = json.loads(json.dumps(to_data(analyse(read_data(html, page.stem)))))
        data.update(number=n, anchor=f"a{n}", prefix=f"a{n}-")
        articles.append(data)
    index = actor_index(articles)
    names = [e["name"].casefold() for e in index]
    assert len(set(names)) == len(names)
    stories = find_stories([fingerprint(a) for a in articles])
    assert sum(len(s) for s in stories) == len(articles)
    result = overview(articles, {a["number"]: a["number"] for a in articles},
                      {a["number"]: 1 for a in articles}, index)
    assert 1 <= len(result["developments"]) <= 8
    assert result["timeline"] and result["actors"]
