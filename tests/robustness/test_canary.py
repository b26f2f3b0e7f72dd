"""Canary: a local file referenced from article text never finds its way into any output.

The secret is a text file and a PNG image; the articles point at both in every way a reader or a
writer might follow (HTML, Markdown, ReportLab paragraph markup, file: URLs). Every output is then
scanned with its zip members unpacked and its PDF streams inflated.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from exporter.build import BuildConfig, build, collect_sources

from ._support import OPTIONS, output_blobs

SECRET = b"CANARY-7f3a9c1e-do-not-leak"


def png(payload: bytes) -> bytes:
    """Return a valid 1x1 PNG that also carries `payload` in a text chunk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tEXt", b"c\x00" + payload)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def references(secret: Path, image: Path) -> list[str]:
    refs = []
    for target in (secret, image):
        p = target.as_posix()
        refs += [f"<img src={p}>", f'<img src="{p}"/>', f"file://{p}", f"![x]({p})",
                 f"![x](file://{p})", f'<link rel="stylesheet" href="{p}">',
                 f'<iframe src="file://{p}"></iframe>', f'<a href="file://{p}">see</a>',
                 f'<img src="{p}" width="100" height="100" valign="top"/>',
                 f'<para><img src="{p}"/></para>', f"[link](file://{p})",
                 f'<object data="{p}"></object>', f'<embed src="{p}">',
                 f'<svg><image href="{p}"/></svg>', f"<<{p}>>", f"<file://{p}>"]
    return refs


def articles(secret: Path, image: Path) -> dict[str, str]:
    refs = references(secret, image)
    prose = "This paragraph is ordinary prose about the matter at hand, long enough to keep."
    text = "\n\n".join(f"{prose} {ref} And more words follow here." for ref in refs)
    html_body = "".join(f"<p>{prose} {ref} And more words follow.</p>" for ref in refs)
    html = ('<!doctype html><html><head><title>Canary page</title>'
            f'<link rel="stylesheet" href="file://{secret.as_posix()}">'
            f'<link rel="icon" href="{image.as_posix()}"></head>'
            f'<body><article><h1>Canary page</h1>{html_body}'
            f'<figure><img src="{image.as_posix()}" alt="x"><figcaption>{prose}</figcaption>'
            "</figure></article></body></html>")
    return {"canary.txt": f"Canary text\n\n{text}\n", "canary.md": f"# Canary notes\n\n{text}\n",
            "canary.html": html}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    base = tmp_path_factory.mktemp("canary")
    secret, image = base / "secret.txt", base / "secret.png"
    secret.write_bytes(SECRET + b"\n")
    image.write_bytes(png(SECRET))
    src, out = base / "src", base / "out"
    src.mkdir()
    for name, text in articles(secret, image).items():
        (src / name).write_text(text, encoding="utf-8")
    config = BuildConfig(out_dir=out, options=OPTIONS, use_cache=False)
    results = build(collect_sources([str(src)]), config)
    assert all(r.ok for r in results), [r.error or r.bug for r in results]
    blobs: dict[str, bytes] = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            blobs.update(output_blobs(str(path.relative_to(out)), path.read_bytes()))
    assert len([n for n in blobs if "!" not in n]) >= 3 * 2  # PDFs and slides.md per article
    return blobs


def test_secret_appears_in_no_output(outputs: dict[str, bytes]) -> None:
    leaked = [name for name, blob in outputs.items() if SECRET in blob]
    assert not leaked, f"the secret file's content is in {leaked}"


def test_no_output_embeds_an_image(outputs: dict[str, bytes]) -> None:
    media = [n for n in outputs if re.search(r"!(word|ppt)/media/", n)]
    assert not media, media
    pdf_images = [n for n, blob in outputs.items()
                  if n.endswith(".pdf") and re.search(rb"/Subtype\s*/Image", blob)]
    assert not pdf_images, pdf_images


def markdown_targets(data: bytes) -> list[bytes]:
    """Return the link and image targets a Markdown reader finds (pandoc, else a regex)."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        live = re.sub(rb"<!--.*?-->", b"", data, flags=re.DOTALL)
        return re.findall(rb"(?<!\\)\]\(([^)\s]+)", live)
    ast = json.loads(subprocess.run([pandoc, "-f", "markdown", "-t", "json"], input=data,
                                    capture_output=True, check=True).stdout)
    found: list[bytes] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") in ("Link", "Image"):
                found.append(node["c"][2][0].encode())
            walk(node.get("c"))
        elif isinstance(node, list):
            for child in node:
                walk(child)
        if isinstance(node, dict) and node.get("t") in ("RawInline", "RawBlock"):
            # Raw HTML outside a comment would be passed through to the slides.
            raw = node["c"][1]
            if not raw.lstrip().startswith("<!--"):
                found.extend(m.encode() for m in re.findall(r'(?:src|href)="?([^"\s>]+)', raw))

    walk(ast["blocks"])
    return found


def test_links_are_http_https_or_mailto_only(outputs: dict[str, bytes]) -> None:
    bad: list[str] = []
    for name, blob in outputs.items():
        if name.endswith(".pdf"):
            targets = re.findall(rb"/URI\s*\(([^)]*)\)", blob)
        elif name.endswith(".rels"):
            targets = re.findall(rb'Target="([^"]*)"[^>]*TargetMode="External"', blob)
        elif name.endswith(".md"):
            targets = markdown_targets(blob)
        else:
            continue
        bad += [f"{name}: {t.decode(errors='replace')}" for t in targets
                if not re.match(rb"(https?:|mailto:|#)", t.strip(), re.IGNORECASE)]
    assert not bad, bad
