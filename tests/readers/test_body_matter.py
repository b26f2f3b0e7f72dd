"""Head and closing matter in the body of structured formats: the text reader's rules, shared.

Each format gets the same treatment: a masthead, date line or byline at the top, a dateline on the
first paragraph, and a bio, rights or credits at the end leave the body and fill the fields that
the format's structure or metadata left empty. Metadata wins, and no author name is invented.
"""

from __future__ import annotations

import io

import docx
import pytest

from exporter.model import Article
from exporter.readers import ReadLimits
from exporter.readers import docx as docx_reader
from exporter.readers import html as html_reader
from exporter.readers import markdown as markdown_reader

HEAD = ["Harbour Times | Vol. 3, No. 9 | 4 March 2022", "By Jane Doe and John Roe in Rotterdam"]
BODY = ["ROTTERDAM (Reuters) — Dockers stayed out on Monday as talks between the union and the "
        "port authority stalled for a second time this week.",
        "The port handles a third of national trade, and shippers have begun to divert vessels "
        "to Antwerp and Hamburg."]
CLOSING = ["— Jane Doe covers shipping for the Harbour Times.",
           "This article first appeared in The Quarterly Gazette.",
           "© 2022 harbourtimes.com. All rights reserved."]
BODY_OUT = ["Dockers stayed out on Monday as talks between the union and the port authority "
            "stalled for a second time this week.", BODY[1]]
TITLE = "Port strike enters second week"


def _docx(paragraphs: list[str], author: str | None = None) -> bytes:
    document = docx.Document()
    document.core_properties.author = author or ""
    document.add_paragraph(TITLE, style="Title")
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _markdown(paragraphs: list[str], front: str = "") -> bytes:
    head = f"---\n{front}---\n\n" if front else ""
    return (head + f"# {TITLE}\n\n" + "\n\n".join(paragraphs) + "\n").encode()


def _html(paragraphs: list[str], author: str | None = None) -> bytes:
    meta = f'<meta name="author" content="{author}">' if author else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><title>{TITLE}</title>{meta}</head><body>'
            f"<article><h1>{TITLE}</h1>{body}</article></body></html>").encode()


def _read(kind: str, paragraphs: list[str], author: str | None = None) -> Article:
    limits = ReadLimits()
    if kind == "docx":
        return docx_reader.read(_docx(paragraphs, author), "a.docx", limits)
    if kind == "markdown":
        front = f"author: {author}\n" if author else ""
        return markdown_reader.read(_markdown(paragraphs, front), "a.md", limits)
    return html_reader.read(_html(paragraphs, author), "a.html", limits)


FORMATS = ["docx", "markdown", "html"]


@pytest.mark.parametrize("kind", FORMATS)
def test_head_and_closing_leave_the_body(kind: str) -> None:
    article = _read(kind, [*HEAD, *BODY, *CLOSING])
    assert [p.text for p in article.paragraphs] == BODY_OUT
    assert [p.n for p in article.paragraphs] == [1, 2]
    meta = article.meta
    assert (meta.publication, meta.volume, meta.issue, meta.date) == (
        "Harbour Times", 3, 9, "2022-03-04")
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.text) == ("Rotterdam", "ROTTERDAM (Reuters) —")
    assert meta.rights == "© 2022 harbourtimes.com. All rights reserved."
    assert meta.credits == ("This article first appeared in The Quarterly Gazette.",)
    assert [(a.name, a.bio) for a in article.authors] == [
        ("Jane Doe", "Jane Doe covers shipping for the Harbour Times."), ("John Roe", None)]
    assert article.title == TITLE


@pytest.mark.parametrize("kind", FORMATS)
def test_metadata_wins_over_the_body(kind: str) -> None:
    article = _read(kind, [*HEAD, *BODY], author="Amina Khan")
    assert [a.name for a in article.authors] == ["Amina Khan"]
    assert [p.text for p in article.paragraphs] == BODY_OUT  # the byline still leaves the body


@pytest.mark.parametrize("kind", FORMATS)
def test_a_nameless_bio_invents_no_author(kind: str) -> None:
    article = _read(kind, [*BODY, "The writer is a shipping analyst in Rotterdam."])
    assert [(a.name, a.bio) for a in article.authors] == [
        (None, "The writer is a shipping analyst in Rotterdam.")]
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize("kind", FORMATS)
def test_ordinary_body_is_left_alone(kind: str) -> None:
    paragraphs = ["The talks resumed on Monday after a week of stoppages at the port.",
                  "Jane Doe is a docker who joined the strike on its first day.",
                  "Neither side would say when the next round would be held."]
    article = _read(kind, paragraphs)
    assert [p.text for p in article.paragraphs] == paragraphs
    assert article.authors == ()
    assert article.meta.dateline is None


def test_a_heading_keeps_its_place_when_head_matter_leaves() -> None:
    data = (f"# {TITLE}\n\nBy Jane Doe\n\nFirst paragraph of the body text here.\n\n"
            "## Next steps\n\nSecond paragraph of the body text.\n\n"
            "© 2022 harbourtimes.com. All rights reserved.\n").encode()
    article = markdown_reader.read(data, "a.md", ReadLimits())
    assert [p.text for p in article.paragraphs] == [
        "First paragraph of the body text here.", "Second paragraph of the body text."]
    assert [(h.text, h.paragraph) for h in article.headings] == [("Next steps", 2)]


def test_dateline_keeps_the_formatting_after_it() -> None:
    data = f"# {TITLE}\n\nGENEVA — Aid agencies met on **Monday** in Geneva.\n\nMore.\n".encode()
    article = markdown_reader.read(data, "a.md", ReadLimits())
    first = article.paragraphs[0]
    assert first.text == "Aid agencies met on Monday in Geneva."
    assert "".join(s.text for s in first.spans) == first.text
    assert [s.text for s in first.spans if s.strong] == ["Monday"]
