"""HTML reader: body structure, page metadata with fallbacks, and no network access ever."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from exporter.errors import SourceError
from exporter.model import Briefing, to_data
from exporter.readers import read_article, read_data
from exporter.readers.bylines import credit_names, is_organisation
from exporter.readers.webclutter import classify
from exporter.readers.webmeta import strip_site

from .casecheck import check_case, match

BODY = """
<p>Pakistan and Russia have moved closer over the last decade, analysts in Islamabad say,
with joint military exercises, a gas pipeline agreement and regular high-level visits.</p>
<p>The relationship was <b>frosty</b> for most of the Cold War, when Pakistan sided with the
<i>United States</i>; see <a href="https://example.org/history">the history</a> and
<a href="javascript:alert(1)">this</a>.</p>
<h2>Energy</h2>
<p>The North-South gas pipeline from Karachi to Lahore is the largest project under
discussion, and officials expect construction to begin within two years of signing.</p>
<ul><li>Pipeline agreement signed in 2015 after long talks.</li>
<li>Military exercises held every year since 2016.</li></ul>
<blockquote><p>Our relations have never been better than they are today.</p></blockquote>
<p>Trade between the two countries remains small, at under one billion dollars a year, which
economists in both capitals describe as far below its potential.</p>
<p>&lt;b&gt;literal&lt;/b&gt; and {{ 7*7 }} stay text.</p>
"""

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Pakistan and Russia grow closer | The Daily Review</title>
<meta property="og:title" content="Pakistan and Russia grow closer">
<meta property="og:site_name" content="The Daily Review">
<meta property="og:url" content="https://review.example.com/2021/pakistan-russia">
<link rel="canonical" href="https://review.example.com/2021/pakistan-russia">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Pakistan and Russia grow closer",
  "author": [{{"@type": "Person", "name": "Amina Khan"}}],
  "datePublished": "2021-03-04T08:00:00Z",
  "publisher": {{"@type": "Organization", "name": "The Daily Review"}}}}
</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Pakistan and Russia grow closer</h1>
<img src="http://127.0.0.1:9/photo.jpg" alt="photo">
{BODY}
</article>
<footer>Copyright The Daily Review. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to open a connection while the HTML reader runs."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_metadata_from_json_ld_and_opengraph() -> None:
    article = read_data(PAGE.encode(), "page.html")
    assert article.title == "Pakistan and Russia grow closer"
    assert not article.title_inferred
    assert [a.name for a in article.authors] == ["Amina Khan"]
    assert article.meta.date == "2021-03-04"
    assert article.meta.publication == "The Daily Review"
    assert article.meta.url == "https://review.example.com/2021/pakistan-russia"
    assert article.meta.language == "en-GB"
    assert article.source.format == "html"


def test_body_structure() -> None:
    article = read_data(PAGE.encode(), "page.html")
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("Pakistan and Russia have moved closer")
    assert not any("Home" in t or "Subscribe" in t for t in texts)
    assert [h.text for h in article.headings] == ["Energy"]
    items = [p for p in article.paragraphs if p.kind == "list_item"]
    assert len(items) == 2 and items[0].list_id == items[1].list_id
    assert [p.kind for p in article.paragraphs].count("quote") == 1
    second = article.paragraphs[1]
    assert any(s.strong and s.text == "frosty" for s in second.spans)
    assert any(s.emphasis and s.text == "United States" for s in second.spans)
    hrefs = {s.href for s in second.spans if s.href}
    assert hrefs == {"https://example.org/history"}
    assert texts[-1] == "<b>literal</b> and {{ 7*7 }} stay text."


@pytest.mark.parametrize(("title", "site", "url", "expected"), [
    ("Grow closer | The Daily Review", "The Daily Review", None, "Grow closer"),
    ("Grow closer - Daily Review", None, "https://www.dailyreview.com/x", "Grow closer"),
    ("Grow closer \u2014 The Daily Review", "The Daily Review", None, "Grow closer"),
    ("The Daily Review | Grow closer", "The Daily Review", None, "Grow closer"),
    ("Part one - Part two", "The Daily Review", None, "Part one - Part two"),
    ("No separator here", "Site", None, "No separator here"),
])
def test_site_name_suffix(title: str, site: str | None, url: str | None, expected: str) -> None:
    names = [n for n in (site,) if n]
    if url:
        host = url.split("//")[1].split("/")[0].removeprefix("www.")
        names += [host, host.rsplit(".", 1)[0]]
    assert strip_site(title, names) == expected


def test_fallback_to_h1_without_metadata() -> None:
    page = ("<html><head></head><body><h1>A plain heading title</h1>"
            + BODY + "</body></html>")
    article = read_data(page.encode(), "bare.html")
    assert article.title == "A plain heading title"


def test_saved_page_with_files_folder(tmp_path: Path) -> None:
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "style.css").write_text("body { color: red }", encoding="utf-8")
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    article = read_article(tmp_path / "story.html", display="story.html")
    assert article.title == "Pakistan and Russia grow closer"


def test_legacy_charset_declared_in_meta() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"><title>Caf\xe9</title></head><body>'
            + BODY.replace("Lahore", "S\xe3o Paulo \x93quoted\x94") + "</body></html>")
    article = read_data(page.encode("latin-1"), "legacy.html")
    assert any("S\u00e3o Paulo \u201cquoted\u201d" in p.text for p in article.paragraphs)


def test_page_without_article_text() -> None:
    with pytest.raises(SourceError, match="no article text found"):
        read_data(b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
                  "empty.html")


def test_loopback_server_gets_no_request() -> None:
    import http.server
    import threading

    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page = PAGE.replace("http://127.0.0.1:9", base).replace(
            "</head>", f'<script src="{base}/app.js"></script>'
                       f'<link rel="icon" href="{base}/favicon.ico"></head>')
        read_data(page.encode(), "remote.html")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert hits == []


# --- data cases: page metadata and web clutter in the styles of common publishing systems -------

HTML_CASES = Path(__file__).resolve().parent / "cases" / "html"


@pytest.mark.parametrize("case", sorted(p.stem for p in HTML_CASES.glob("*.json")))
def test_html_case(case: str) -> None:
    expected = json.loads((HTML_CASES / f"{case}.json").read_text(encoding="utf-8"))
    article = read_data((HTML_CASES / f"{case}.html").read_bytes(), f"{case}.html")
    data = to_data(Briefing(article=article))
    check_case(expected.pop("_checks", {}), data)
    match(expected, data, case)


def test_every_html_case_has_expectations() -> None:
    pages = {p.stem for p in HTML_CASES.glob("*.html")}
    assert pages and pages == {p.stem for p in HTML_CASES.glob("*.json")}


@pytest.mark.parametrize("head", [
    '<script type="application/ld+json">{"@type": ["NewsArticle"], "author": {"@id": ["x"]},'
    ' "headline": 7, "datePublished": "0001-01-01T00:00:00Z"}</script>',
    '<script type="application/ld+json">{"@graph": [{"@graph": [null, 3, "x"]}], }</script>',
    '<script type="application/ld+json">[{"@type": "Article", "author": [null, {"name": []}]}]'
    '</script>',
    '<meta name="author" content="By , and ; | —"><meta property="article:published_time" '
    'content="yesterday">',
    '<meta name="author" content="RAFAH, Gaza Strip (AP) —"><link rel="canonical" href="/x">',
])
def test_odd_metadata_never_breaks_reading(head: str) -> None:
    page = f"<html><head><title>T</title>{head}</head><body><article>{BODY}</article></body></html>"
    article = read_data(page.encode(), "odd.html")
    assert article.paragraphs
    assert all(a.name and "RAFAH" not in a.name for a in article.authors)
    assert article.meta.url is None or article.meta.url.startswith("http")


WEB_CASES = Path(__file__).resolve().parent / "cases" / "web"


def _web_cases(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((WEB_CASES / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("credit", "names"), _web_cases("credits.json")["cases"])
def test_credit_names(credit: str, names: list[str]) -> None:
    assert credit_names(credit) == names


@pytest.mark.parametrize(("name", "organisation"), _web_cases("organisations.json")["cases"])
def test_organisations(name: str, organisation: bool) -> None:
    assert is_organisation(name, _web_cases("organisations.json")["sites"]) is organisation


@pytest.mark.parametrize(("text", "kind"), _web_cases("clutter.json")["cases"])
def test_clutter_kinds(text: str, kind: str | None) -> None:
    assert classify(text) == kind
