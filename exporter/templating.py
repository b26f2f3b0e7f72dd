"""Templates: briefing data in, block document out. The only place Jinja2 is configured.

Templates run in Jinja2's immutable sandbox with `StrictUndefined` and XML autoescaping, because
users bring their own templates and article text must never become markup or template code. They
receive plain data (the `inspect --json` form of a briefing), never objects with methods.

Loader order: the user's `--templates DIR` first, then the built-in templates; the built-ins are
also reachable as `builtin/<name>` so a user template can extend one and replace a single block.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from .blocks import Document, parse, parse_stream
from .dates import human_date
from .errors import TemplateError
from .fs import TooLarge, os_error_message, read_bounded
from .sandbox import BoundedSandbox, SandboxLimit, Spending
from .shipped import builtin_template_dir
from .spool import SpooledBlocks
from .template_code import ShippedCode


def builtin_names() -> list[str]:
    """Return the names of the built-in templates, sorted."""
    return sorted(p.name for p in builtin_template_dir().glob("*.j2"))


def builtin_source(name: str) -> str:
    """Return built-in template `name`'s text; TemplateError when there is none."""
    if name not in builtin_names():
        raise TemplateError(name, "no built-in template of that name (exporter templates list)")
    return (builtin_template_dir() / name).read_text("utf-8")


def unknown_overrides(user_dir: str) -> list[str]:
    """Return the templates in `user_dir` whose names match no built-in template.

    Such a file overrides nothing: a misspelt override (`brefing.xml.j2`) would otherwise be
    ignored silently. A partial that the user's own templates include is named too.
    """
    known = set(builtin_names())
    return sorted(p.name for p in Path(user_dir).glob("*.j2") if p.name not in known)


# --- filters -----------------------------------------------------------------------------------

def join_paragraphs(numbers: Iterable[int]) -> str:
    """Return `1, 3–5, 9` for the paragraph numbers given."""
    values = sorted(set(numbers))
    parts: list[str] = []
    start = prev = None
    for n in [*values, None]:
        if start is None:
            start = prev = n
            continue
        if n is not None and prev is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    return ", ".join(parts)


def truncate_words(text: str, limit: int = 40) -> str:
    """Return `text` cut to at most `limit` words, with an ellipsis when cut."""
    words = text.split()
    if len(words) <= limit:
        return text
    return " ".join(words[:limit]).rstrip(",;:") + "…"


RUNNING_HEAD_WORDS = 7
"""Most words a running head shows."""
_HEAD_BREAK = re.compile(r"\s*(?::|\s[\u2014\u2013-]\s|\|)\s*")


def running_head(title: str, limit: int = RUNNING_HEAD_WORDS) -> str:
    """Return the short form of a title a page's running head shows: the part before a colon or
    a spaced dash when that is two words or more (`Thirsty city, thirsty farms: the politics of
    …` → `Thirsty city, thirsty farms`), at most `limit` words, with an ellipsis when cut.

    A running head is page furniture, tagged as an artifact that readers skip; a whole
    sentence-long title there reads to an accessibility checker as prose hidden from them."""
    head = _HEAD_BREAK.split(" ".join(title.split()), maxsplit=1)[0]
    if len(head.split()) < 2:
        head = " ".join(title.split())
    return truncate_words(head, limit)


NOTABLE_MIN_WORDS = 4
"""Fewest words an unattributed quotation needs to be shown as a quotation."""


def notable(quotes: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Return the quotations worth setting out as quotations: every one with a speaker, and
    those without one only when they run to a few words. A word or two in quotation marks that
    nobody is said to have spoken (`“severe”`, `“gas chamber.”`) is a term or a scare quote; it
    stays in the article's data, not in a briefing's list of what people said."""
    return [q for q in quotes
            if q["speaker"] or len(q["text"].split()) >= NOTABLE_MIN_WORDS]


def title_case_kind(kind: str) -> str:
    """Return an actor kind as a table label (`organisation` → `Organisation`)."""
    return kind[:1].upper() + kind[1:]


_HASHED = re.compile(r"[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", re.IGNORECASE)


def file_label(path: str) -> str:
    """Return a source's file name as readers may be shown it, or "" when its name is a hash
    or an id (`inbox/05a586a4….html`), which tells a reader nothing."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return "" if _HASHED.search(name.split(".", 1)[0]) else path


FILTERS: dict[str, Any] = {
    "file_label": file_label,
    "human_date": human_date,
    "notable": notable,
    "paragraph_list": join_paragraphs,
    "running_head": running_head,
    "truncate_words": truncate_words,
    "label": title_case_kind,
}


# --- environment -------------------------------------------------------------------------------


MAX_TEMPLATE_BYTES = 5_000_000
"""Largest template file read (a template is text a person wrote)."""


class FolderLoader(jinja2.FileSystemLoader):
    """A `FileSystemLoader` that reads only regular files that resolve inside its folder.

    The sandbox stops template code, not file reads: without this, a template folder holding a
    symbolic link (`key.txt -> ~/.ssh/id_rsa`) and `{% include "key.txt" %}` would put any
    local file into the outputs. A link that stays inside the folder is fine; one that leads
    out, a device or a FIFO is refused, and reads are bounded.
    """

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            root = os.path.realpath(searchpath)
            filename = os.path.normpath(os.path.join(searchpath, *pieces))
            if not os.path.lexists(filename):
                continue
            real = os.path.realpath(filename)
            if os.path.commonpath([root, real]) != root:
                raise TemplateError(template, "refused: it leads outside the templates folder "
                                              "(a symbolic link)")
            try:
                raw = read_bounded(Path(real), MAX_TEMPLATE_BYTES, regular_only=True)
                mtime = os.path.getmtime(real)
            except TooLarge as exc:
                raise TemplateError(template, f"is larger than {MAX_TEMPLATE_BYTES:,} "
                                              "bytes") from exc
            except OSError as exc:
                raise TemplateError(template, f"cannot be read: {os_error_message(exc)}") \
                    from exc
            try:
                text = raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                raise TemplateError(template, "is not UTF-8 text") from exc

            def uptodate(real: str = real, mtime: float = mtime) -> bool:
                try:
                    return os.path.getmtime(real) == mtime
                except OSError:
                    return False
            return text, filename, uptodate
        raise jinja2.TemplateNotFound(template)


@cache
def environment(user_dir: str | None = None) -> BoundedSandbox:
    """Return the sandboxed environment for `user_dir` (None: built-in templates only)."""
    builtin = FolderLoader(str(builtin_template_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(FolderLoader(user_dir))
    loaders.append(builtin)
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"builtin": builtin}, delimiter="/"),
        *loaders,
    ])
    env = BoundedSandbox(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        # The built-in templates' code shipped with the package, for a template whose source
        # and settings it was generated from; anything else is compiled (`template_code`).
        bytecode_cache=ShippedCode(),
    )
    env.filters.update(FILTERS)
    return env


def render(name: str, context: dict[str, Any], *, user_dir: str | None = None) -> Document:
    """Render template `name` with `context` and return the block document it produces."""
    return parse("".join(_generate(name, context, user_dir)), template=name)


def render_spooled(name: str, context: dict[str, Any], *,
                   user_dir: str | None = None) -> Document:
    """Render template `name` into a block document whose blocks are spooled to disk.

    For packs: the template's output is parsed as Jinja2 produces it, and each finished block
    goes to a temporary file, so neither the XML nor the blocks of the whole pack are ever in
    memory at once. The context's article list may itself load articles on demand.
    """
    return parse_stream(_generate(name, context, user_dir), template=name,
                        into=SpooledBlocks())


def _generate(name: str, context: dict[str, Any], user_dir: str | None) -> Iterator[str]:
    """Yield the output of template `name`, turning every template failure into a
    `TemplateError` that names the template file and line."""
    env = environment(user_dir)
    try:
        template = env.get_template(name)
        with Spending():
            yield from template.generate(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(exc.filename or exc.name or name, exc.message or str(exc),
                            line=exc.lineno) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(name, f"template not found: {exc.name}") from exc
    except RecursionError as exc:  # a macro calling itself without end
        where, line = _template_frame(exc, name)
        raise TemplateError(where, "macros or includes call themselves too deeply",
                            line=line) from exc
    except (jinja2.UndefinedError, SecurityError, TypeError, ValueError, AttributeError,
            KeyError, IndexError, ZeroDivisionError, OverflowError, MemoryError) as exc:
        where, line = _template_frame(exc, name)
        text = " ".join(str(exc).split())[:200]
        if not isinstance(exc, SandboxLimit):
            text = f"{type(exc).__name__}: {text}"
        raise TemplateError(where, text, line=line) from exc


def _template_frame(exc: BaseException, default: str) -> tuple[str, int | None]:
    """Return the template file and line where `exc` was raised, from the traceback."""
    tb = exc.__traceback__
    found: tuple[str, int | None] = (default, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return found
