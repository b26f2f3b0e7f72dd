"""Command line: argument parsing and error display only.

`ExportError`s become `exporter: <file>: <category>: <message>` on standard error and exit status
1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__
from .build import (
    DEFAULT_FORMATS,
    ArticleResult,
    Budget,
    BuildConfig,
    analyse_article,
    build,
    collect_sources,
    read_reference_docx,
    template_images,
)
from .errors import ExportError, LimitError
from .normalise import display_name
from .options import RenderOptions, build_timestamp
from .pool import Overrun, run_tasks
from .readers import ReadLimits

_paper = click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4",
                      show_default=True, help="Page size of PDF and DOCX outputs.")
_classification = click.option("--classification", metavar="TEXT", default=None,
                               help="Protective marking printed at the top and bottom of "
                                    "every page (e.g. OFFICIAL-SENSITIVE).")
_templates = click.option("--templates", "templates", metavar="DIR",
                          type=click.Path(exists=True, file_okay=False),
                          help="Folder of templates that override the built-in ones by name.")
_brand = click.option("--brand", "brand", metavar="FILE",
                      type=click.Path(exists=True, dir_okay=False),
                      help="A brand.yml file (logo, colours, fonts) for every output "
                           "(default: _brand.yml in the working directory, when there is one).")
_reference_docx = click.option(
    "--reference-docx", "reference_docx", metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="A .docx or .dotx whose styles, page setup, headers and footers the Word outputs take "
         "(as Pandoc's --reference-doc).")
_md_flavour = click.option(
    "--md-flavour", type=click.Choice(["marp", "pandoc"]), default="marp", show_default=True,
    help="Speaker notes in the Markdown slides as Marp's comments or Pandoc's ::: notes divs.")
_watch_flag = click.option(
    "--watch", is_flag=True,
    help="After building, rebuild whenever a source, sidecar, template, brand, reference or "
         "configuration file changes (Ctrl-C stops).")
_pdfa = click.option("--pdfa", is_flag=True,
                     help="Make the PDFs PDF/A-2b (archival) as well as tagged (PDF/UA-1).")
_jobs = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Articles exported in parallel (default: all cores).")
_scheduler = click.option("--scheduler", metavar="ADDRESS", default=None,
                          help="Run the article work on the Dask cluster of this scheduler "
                               "(e.g. tcp://scheduler:8786); needs exporter[dask].")
_no_cache = click.option("--no-cache", is_flag=True,
                         help="Re-export even when nothing changed since the last build.")
_out = click.option("-o", "--output", "output", metavar="DIR", default="out",
                    show_default=True, help="Folder the outputs are written to.")


_DEFAULT_LIMITS = ReadLimits()
_DEFAULT_BUDGET = Budget()


def _limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the input limits (`ReadLimits`), one option each, collected into `limits`."""
    options = [
        ("--max-bytes", "max_bytes", click.IntRange(min=1), "Largest input file read."),
        ("--max-words", "max_words", click.IntRange(min=1), "Most words in one article."),
        ("--max-paragraphs", "max_paragraphs", click.IntRange(min=1),
         "Most body paragraphs in one article."),
        ("--max-archive-members", "max_archive_members", click.IntRange(min=1),
         "Most members in a DOCX archive."),
        ("--max-unpacked-bytes", "max_unpacked_bytes", click.IntRange(min=1),
         "Most bytes a DOCX archive may inflate to."),
        ("--max-compression-ratio", "max_compression_ratio", click.FloatRange(min=1),
         "Highest unpacked-to-packed ratio of a DOCX archive member."),
    ]
    for flag, field, kind, text in reversed(options):
        command = click.option(flag, field, type=kind, default=getattr(_DEFAULT_LIMITS, field),
                               show_default=True, help=text)(command)
    return command


def _limits(values: dict[str, Any]) -> ReadLimits:
    """Return the `ReadLimits` the limit options in `values` give (removing them)."""
    names = [f for f in ReadLimits.__dataclass_fields__ if f in values]
    return ReadLimits(**{name: values.pop(name) for name in names})


def _budget_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add `--max-seconds` and `--max-memory`: what one article or pack output may use."""
    command = click.option(
        "--max-memory", type=click.IntRange(min=50), metavar="MB",
        default=(_DEFAULT_BUDGET.memory or 0) // 1_000_000, show_default=True,
        help="Memory one article (or pack output) may use, in MB.")(command)
    return click.option(
        "--max-seconds", type=click.FloatRange(min=1), metavar="S",
        default=_DEFAULT_BUDGET.seconds, show_default=True,
        help="Seconds one article (or pack output) may take.")(command)


def _fail(message: str) -> None:
    click.echo(f"exporter: {message}", err=True)


def _config(output: str, templates: str | None, jobs: int | None, no_cache: bool,
            limits: ReadLimits, max_seconds: float, max_memory: int, *,
            formats: tuple[str, ...] = DEFAULT_FORMATS, brand: str | None = None,
            reference_docx: str | None = None, scheduler: str | None = None,
            **options: Any) -> BuildConfig:
    """Return the build configuration the options describe; exit 2 when they are invalid,
    1 when the brand, the reference document or a template-folder picture cannot be used."""
    from .theme.brand import find_brand, load_brand

    brand_file = find_brand(brand)
    try:
        theme = load_brand(brand_file) if brand_file is not None else None
        reference = (read_reference_docx(reference_docx, limits)
                     if reference_docx is not None else None)
        images = template_images(templates)
    except ExportError as exc:
        _fail(exc.one_line())
        sys.exit(1)
    try:
        render = RenderOptions(timestamp=build_timestamp(), theme=theme,
                               reference_docx=reference, images=images, **options)
    except ExportError as exc:
        _fail(exc.one_line())
        sys.exit(2)
    return BuildConfig(out_dir=Path(output), formats=formats, templates=templates,
                       options=render, limits=limits,
                       jobs=jobs or os.cpu_count() or 1, use_cache=not no_cache,
                       budget=Budget(seconds=max_seconds, memory=max_memory * 1_000_000),
                       scheduler=_scheduler_address(scheduler))


def _scheduler_address(address: str | None) -> str | None:
    """Return `address`; exit 2 when it is given but Dask is not installed."""
    if address is not None:
        try:
            from .dask_cluster import require_distributed

            require_distributed()
        except ExportError as exc:
            _fail(exc.one_line())
            sys.exit(2)
    return address


def _sources(paths: tuple[str, ...], output: str) -> list[tuple[Path, str]]:
    """Return the articles found in `paths` (never in `output`), printing what a scan
    skipped; exit 1 when there are none."""
    skipped: list[tuple[str, str]] = []
    sources = collect_sources(paths, out_dir=Path(output), warnings=skipped)
    for name, note in skipped:
        _fail(f"{name}: warning: {note}")
    if not sources:
        _fail("no articles found in " + ", ".join(display_name(p) for p in paths))
        sys.exit(1)
    return sources


def _report(results: list[ArticleResult]) -> None:
    """Print each article's warnings, errors and (for bugs) tracebacks to standard error."""
    for result in results:
        for warning in result.warnings:
            click.echo(f"exporter: {result.source}: warning: {warning}", err=True)
        if result.bug:
            click.echo(result.bug, err=True)
        if result.error:
            _fail(result.error)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exporter")
@click.option("--config", "config_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="A TOML file setting the default of any build or pack option "
                   "(default: exporter.toml in the working directory, when there is one).")
@click.pass_context
def main(ctx: click.Context, config_file: str | None) -> None:
    """Turn articles into briefing PDFs, DOCX summaries and slide decks."""
    from .config import find_config, load_config

    path = find_config(config_file)
    if path is None:
        return
    group = ctx.command
    assert isinstance(group, click.Group)
    commands = {name: {max(p.opts, key=len).lstrip("-").replace("-", "_"): p.name
                       for p in group.commands[name].params
                       if isinstance(p, click.Option) and p.name}
                for name in ("build", "pack")}
    try:
        ctx.default_map = load_config(path, commands)
    except ExportError as exc:
        _fail(exc.one_line())
        sys.exit(1)


def _watch(inputs: list[str | None], output: str) -> None:
    """Rebuild, with the same command line less `--watch`, each time a watched file changes.

    Each rebuild is a fresh run, so a changed configuration or brand file is read again; the
    build cache leaves every article whose inputs did not change alone. The output folder is
    not watched, even inside a watched one.
    """
    import subprocess

    from watchfiles import watch

    from .config import CONFIG_FILE
    from .theme.brand import BRAND_FILE

    watched = {Path(p).resolve() for p in inputs if p}
    watched |= {Path(name).resolve() for name in (CONFIG_FILE, BRAND_FILE) if Path(name).exists()}
    ctx = click.get_current_context()
    root = ctx.find_root()
    if root.params.get("config_file"):
        watched.add(Path(root.params["config_file"]).resolve())
    out = Path(output).resolve()
    args = [a for a in sys.argv[1:] if a != "--watch"]

    def relevant(_: object, path: str) -> bool:
        where = Path(path)
        return not (where.is_relative_to(out) or where.name.startswith(".")
                    or where.name.endswith("~"))

    click.echo("watching for changes (Ctrl-C stops)", err=True)
    try:
        for changes in watch(*sorted(watched), watch_filter=relevant, raise_interrupt=False):
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            click.echo(f"changed: {names}; rebuilding", err=True)
            subprocess.run([sys.executable, "-m", "exporter.cli", *args], check=False)
    except KeyboardInterrupt:  # pragma: no cover
        pass


def _warn_unknown_templates(templates: str | None) -> None:
    """Name each file in the user's template folder that overrides no built-in template."""
    if templates is None:
        return
    from .templating import unknown_overrides

    for name in unknown_overrides(templates):
        click.echo(f"exporter: {Path(templates) / name}: warning: overrides no built-in "
                   "template (exporter templates list names them)", err=True)


@main.command("build")
@click.argument("paths", nargs=-1, required=True)
@_out
@click.option("--format", "formats", multiple=True,
              type=click.Choice(["pdf", "docx", "md", "pptx"]),
              help="Output formats (repeatable; default: all).")
@_templates
@_brand
@_reference_docx
@_md_flavour
@_paper
@click.option("--duplex", is_flag=True, help="Mirror margins for double-sided printing.")
@_classification
@click.option("--pptx-template", type=click.Path(exists=True, dir_okay=False),
              help="A .pptx whose theme and layouts the slide deck uses.")
@_watch_flag
@_pdfa
@_jobs
@_scheduler
@_no_cache
@_budget_options
@_limit_options
def build_command(paths: tuple[str, ...], output: str, formats: tuple[str, ...],
                  templates: str | None, brand: str | None, reference_docx: str | None,
                  md_flavour: str, paper: str, duplex: bool, classification: str | None,
                  pptx_template: str | None, watch: bool, pdfa: bool, jobs: int | None,
                  scheduler: str | None, no_cache: bool, max_seconds: float, max_memory: int,
                  **limits: Any) -> None:
    """Export each article in PATHS (files or folders) to OUTPUT/<name>/.

    Writes briefing.pdf, summary.docx, slides.md and slides.pptx for every article.
    """
    config = _config(output, templates, jobs, no_cache, _limits(limits), max_seconds,
                     max_memory, formats=formats or DEFAULT_FORMATS, brand=brand,
                     reference_docx=reference_docx, md_flavour=md_flavour, paper=paper,
                     duplex=duplex, classification=classification, pptx_template=pptx_template,
                     pdfa=pdfa, scheduler=scheduler)
    _warn_unknown_templates(templates)
    sources = _sources(paths, output)
    with _progress(len(sources), "Exporting") as advance, _fatal():
        results = build(sources, config, on_done=advance)
    failed = [r for r in results if not r.ok]
    _report(results)
    done = len(results) - len(failed)
    cached = sum(1 for r in results if r.cached)
    note = f" ({cached} unchanged)" if cached else ""
    summary = f"{done} of {len(results)} article(s) exported to {output}{note}"
    if failed:
        summary += f"; {len(failed)} failed: " + ", ".join(r.source for r in failed)
    click.echo(summary, err=bool(failed))
    if watch:
        _watch([*paths, templates, brand, reference_docx, pptx_template], output)
    sys.exit(1 if failed else 0)


@contextlib.contextmanager
def _fatal() -> Iterator[None]:
    """Turn an error that stops the whole run (the output folder busy or not made, an
    unreachable cluster) into its one line and exit status 1."""
    try:
        yield
    except ExportError as exc:
        _fail(exc.one_line())
        sys.exit(1)


@contextlib.contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[ArticleResult], None] | None]:
    """Yield a callback advancing a progress bar on a terminal; None (quiet) otherwise."""
    if not sys.stderr.isatty() or total < 2:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda _: progress.advance(task)


@main.command("pack")
@click.argument("paths", nargs=-1, required=True)
@click.option("--title", default=None,
              help="Title of the pack (cover, headers, deck); required unless a settings "
                   "file gives one.")
@_out
@_templates
@_brand
@_reference_docx
@_md_flavour
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
              help="Page size of PDF and DOCX outputs (default: the settings file's, or a4).")
@click.option("--duplex", is_flag=True,
              help="Start each article on a right-hand page and mirror the margins.")
@click.option("--per-page", type=click.Choice(["1", "2", "3", "4", "6"]), default="3",
              show_default=True, help="Slides per handout page.")
@click.option("--dedupe", is_flag=True,
              help="Keep only the fullest report of each story (articles sharing most of "
                   "their text).")
@click.option("--briefings-only", is_flag=True,
              help="Leave the articles' full texts out of pack.pdf (short packs for print).")
@_classification
@click.option("--pptx-template", type=click.Path(exists=True, dir_okay=False),
              help="A .pptx whose theme and layouts the deck uses.")
@_watch_flag
@_pdfa
@_jobs
@_scheduler
@_no_cache
@_budget_options
@_limit_options
def pack_command(paths: tuple[str, ...], title: str | None, output: str,
                 templates: str | None, brand: str | None, reference_docx: str | None,
                 md_flavour: str, paper: str | None, duplex: bool, per_page: str,
                 dedupe: bool, briefings_only: bool, classification: str | None,
                 pptx_template: str | None, watch: bool, pdfa: bool, jobs: int | None,
                 scheduler: str | None, no_cache: bool, max_seconds: float, max_memory: int,
                 **limits: Any) -> None:
    """Bundle the articles in PATHS into one briefing pack in OUTPUT.

    PATHS may instead be one settings file (pack.yaml) giving the title, the sections and
    their articles; options given here win over it. Writes pack.pdf, pack.docx,
    pack-slides.pptx, pack-slides.md and handouts.pdf.
    """
    from .pack_settings import PackSettings, is_settings_file, load_settings
    from .packing import build_pack

    settings: PackSettings | None = None
    if len(paths) == 1 and is_settings_file(paths[0]):
        try:
            settings = load_settings(paths[0])
        except ExportError as exc:
            _fail(exc.one_line())
            sys.exit(1)
    elif any(is_settings_file(p) for p in paths):
        _fail("a pack settings file must be the only PATH")
        sys.exit(2)
    title = title or (settings.title if settings else None)
    if not title:
        _fail("the pack needs a title: --title TEXT, or `title:` in its settings file")
        sys.exit(2)
    config = _config(output, templates, jobs, no_cache, _limits(limits), max_seconds,
                     max_memory, brand=brand, reference_docx=reference_docx,
                     md_flavour=md_flavour,
                     paper=paper or (settings and settings.paper) or "a4", duplex=duplex,
                     classification=classification or (settings and settings.classification),
                     per_page=int(per_page), pptx_template=pptx_template, pdfa=pdfa,
                     dedupe=dedupe, briefings_only=briefings_only, scheduler=scheduler)
    _warn_unknown_templates(templates)
    sources = settings.sources() if settings is not None else _sources(paths, output)
    with _progress(len(sources), "Reading and analysing") as advance, _fatal():
        result = build_pack(sources, config, title, on_done=advance, settings=settings)
    _report(result.articles)
    if result.error:
        _fail(f"{title}: {result.error}")
        sys.exit(1)
    failed = [a for a in result.articles if not a.ok]
    if result.cached:
        click.echo(f"pack in {output} is up to date")
    else:
        included = len(result.articles) - len(failed)
        click.echo(f"pack of {included} article(s) written to {output}: "
                   + ", ".join(result.outputs), err=bool(failed))
    if watch:
        _watch([*paths, templates, brand, reference_docx, pptx_template], output)
    sys.exit(1 if failed else 0)


@main.command("inspect")
@click.argument("path", metavar="FILE")
@click.option("--json", "as_json", is_flag=True, help="Print the article model as JSON.")
@_budget_options
@_limit_options
def inspect_command(path: str, as_json: bool, max_seconds: float, max_memory: int,
                    **limits: Any) -> None:
    """Print what exporter reads and finds in FILE."""
    file = display_name(path)
    # Read and analysed in a worker under the budget, as `build` does: FILE may be hostile.
    budget = Budget(seconds=max_seconds, memory=max_memory * 1_000_000)
    config = BuildConfig(out_dir=Path("."), limits=_limits(limits), budget=budget)
    [result] = run_tasks(analyse_article, [(Path(path), file, "", config)], jobs=1,
                         budget=budget)
    if isinstance(result, Overrun):
        _fail(f"{file}: {LimitError.category}: {result.reason}")
        sys.exit(1)
    if result.briefing is None:
        _report([result])
        sys.exit(1)
    from .model import to_data

    briefing = result.briefing
    data = to_data(briefing)
    for warning in briefing.article.warnings:
        click.echo(f"exporter: {file}: warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    meta = data["meta"]
    click.echo(f"{data['title']}{'  (inferred title)' if data['title_inferred'] else ''}")
    details = [f"{k}: {meta[k]}" for k in ("publication", "volume", "issue", "date") if meta[k]]
    if details:
        click.echo("  " + ", ".join(details))
    click.echo(f"  {len(data['paragraphs'])} paragraphs, {len(data['headings'])} headings, "
               f"{len(data['quotes'])} quotations, {len(data['questions'])} questions, "
               f"{len(data['timeline'])} dated events, {len(data['actors'])} actors")
    for point in data["key_points"]:
        click.echo(f"  • {point['text']} (¶{point['paragraph']})")


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of `inspect --json` output (what `build` accepts as a .json)."""
    from .contract import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.group("templates")
def templates_group() -> None:
    """List, print or copy the built-in templates."""


@templates_group.command("list")
def templates_list() -> None:
    """Name every built-in template."""
    from .templating import builtin_names

    for name in builtin_names():
        click.echo(name)


@templates_group.command("show")
@click.argument("name")
def templates_show(name: str) -> None:
    """Print built-in template NAME."""
    from .templating import builtin_source

    try:
        click.echo(builtin_source(name), nl=False)
    except ExportError as exc:
        _fail(exc.one_line())
        sys.exit(1)


@templates_group.command("init")
@click.argument("folder", metavar="DIR")
def templates_init(folder: str) -> None:
    """Copy every built-in template into DIR (for --templates DIR); never overwrite a file."""
    from .build import atomic_write
    from .templating import builtin_names, builtin_source

    target = Path(folder)
    existing = [n for n in builtin_names() if (target / n).exists()]
    if existing:
        _fail(f"{target / existing[0]}: config: already exists; nothing was copied")
        sys.exit(1)
    for name in builtin_names():
        atomic_write(target / name, builtin_source(name).encode("utf-8"))
    click.echo(f"{len(builtin_names())} templates copied to {target}")


if __name__ == "__main__":  # pragma: no cover
    main()
