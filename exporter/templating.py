"""Templates: briefing data in, block document out. The only place Jinja2 is configured.

Templates run in Jinja2's immutable sandbox with `StrictUndefined` and XML autoescaping, because
users bring their own templates and article text must never become markup or template code. They
receive plain data (the `inspect --json` form of a briefing), never objects with methods.

Loader order: the user's `--templates DIR` first, then the built-in templates; the built-ins are
also reachable as `builtin/<name>` so a user template can extend one and replace a single block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .blocks import Document, parse, parse_stream
from .errors import TemplateError
from .spool import SpooledBlocks


def builtin_template_dir() -> Path:
    """Return the folder of the built-in templates, installed or in a source checkout."""
    installed = Path(__file__).parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "templates"


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

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def human_date(iso: str | None) -> str:
    """Return `2017-07` as `July 2017`, `2017-06-06` as `6 June 2017`, `195X` as `the 1950s`."""
    if not iso:
        return ""
    match = re.fullmatch(r"(\d{3})X", iso)
    if match:
        return f"the {match.group(1)}0s"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not match:
        return iso
    year, month, day = match.groups()
    if month is None:
        return year
    name = _MONTHS[int(month) - 1]
    if day is None:
        return f"{name} {year}"
    return f"{int(day)} {name} {year}"


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


def title_case_kind(kind: str) -> str:
    """Return an actor kind as a table label (`organisation` → `Organisation`)."""
    return kind[:1].upper() + kind[1:]


FILTERS: dict[str, Any] = {
    "human_date": human_date,
    "paragraph_list": join_paragraphs,
    "truncate_words": truncate_words,
    "label": title_case_kind,
}


# --- environment -------------------------------------------------------------------------------


@cache
def environment(user_dir: str | None = None) -> ImmutableSandboxedEnvironment:
    """Return the sandboxed environment for `user_dir` (None: built-in templates only)."""
    builtin = jinja2.FileSystemLoader(str(builtin_template_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(builtin)
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"builtin": builtin}, delimiter="/"),
        *loaders,
    ])
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
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
        yield from template.generate(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(exc.filename or exc.name or name, exc.message or str(exc),
                            line=exc.lineno) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(name, f"template not found: {exc.name}") from exc
    except (jinja2.UndefinedError, SecurityError, TypeError, ValueError, AttributeError,
            KeyError, IndexError, ZeroDivisionError) as exc:
        where, line = _template_frame(exc, name)
        raise TemplateError(where, f"{type(exc).__name__}: {exc}", line=line) from exc


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
