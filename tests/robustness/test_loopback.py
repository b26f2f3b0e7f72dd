"""Loopback: articles that point at a local web server make the build send it no request."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from exporter.build import BuildConfig, build, collect_sources

from ._support import OPTIONS


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answer every request with a tiny PNG and remember the path asked for."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(b"\x89PNG\r\n\x1a\n")

    do_HEAD = do_GET
    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        del format, args  # keep the test output quiet


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    handler = type("Handler", (Recorder,), {"seen": seen})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.timeout = 1
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_server_sees_requests(server: tuple[str, list[str]]) -> None:
    """Check the probe itself: a real fetch is recorded."""
    import urllib.request

    base, seen = server
    with urllib.request.urlopen(f"{base}/probe.png", timeout=5) as reply:
        assert reply.status == 200
    assert seen == ["/probe.png"]


def test_build_fetches_nothing(server: tuple[str, list[str]], tmp_path: Path) -> None:
    base, seen = server
    url = f"{base}/x.png"
    prose = "An ordinary sentence of the article, here to make the paragraph long enough."
    refs = [f"<img src={url}>", f'<img src="{url}"/>', f"![x]({url})", f"[site]({url})",
            f'<link rel="stylesheet" href="{base}/style.css">', f"<{url}>", url,
            f'<iframe src="{base}/frame"></iframe>', f'<a href="{base}/page">link</a>',
            f'<para><img src="{url}" width="10" height="10"/></para>',
            f"@import url({base}/import.css);"]
    text = "\n\n".join(f"{prose} {ref} More words follow." for ref in refs)
    html = ("<!doctype html><html><head><title>Loopback page</title>"
            f'<link rel="stylesheet" href="{base}/head.css"><script src="{base}/s.js"></script>'
            f'<meta http-equiv="refresh" content="0; url={base}/refresh">'
            f'<style>@import url("{base}/style-import.css");</style>'
            '</head><body><article><h1>Loopback page</h1>'
            + "".join(f"<p>{prose} {ref} More words.</p>" for ref in refs)
            + f'<img src="{url}" srcset="{base}/2x.png 2x"><video poster="{base}/p.png"></video>'
            + f'<p style="background:url({base}/bg.png)">{prose}</p></article></body></html>')
    src = tmp_path / "src"
    src.mkdir()
    (src / "loop.txt").write_text(f"Loopback text\n\n{text}\n", encoding="utf-8")
    (src / "loop.md").write_text(f"# Loopback notes\n\n{text}\n", encoding="utf-8")
    (src / "loop.html").write_text(html, encoding="utf-8")
    config = BuildConfig(out_dir=tmp_path / "out", options=OPTIONS, use_cache=False)
    results = build(collect_sources([str(src)]), config)
    assert all(r.ok for r in results), [r.error or r.bug for r in results]
    assert len(results) == 3
    assert seen == [], f"the build fetched {seen}"
