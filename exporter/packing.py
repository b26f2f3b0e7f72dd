"""Briefing packs: many source files in, one pack (PDF, DOCX, deck, handouts) out.

Articles are read and analysed in a process pool; a failed article is listed on the cover and
the pack comes out with the rest. The pack's templates (`pack.xml.j2`, `pack-summary.xml.j2`,
`pack-slides.xml.j2`) receive every article's data, with anchors prefixed per article so links
stay apart, and an index of actors across the pack. A rebuild where nothing changed (same
sources, templates, options, title and tool version) writes nothing.

Memory hardly grows with the number of articles: analysed articles wait on disk
(`article_store`), each output's process renders its template as a stream of blocks spooled to
disk (`templating.render_spooled`), and the writers work through it an article at a time. (What
still grows is the PDF document ReportLab holds until it writes the file.)
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import templating, writers
from .analysis.pack import find_stories, fingerprint, fullest, overview
from .article_store import ArticleList, store_article
from .build import ArticleResult, BuildConfig, build, shared_context, write_outputs
from .cache import cache_key, cached_outputs
from .errors import ExportError, LimitError
from .fs import folder_lock, os_error, pack_store
from .pack_settings import PackSettings
from .pool import Overrun, preload, run_tasks
from .readers import read_bytes
from .readers.sidecar_files import read_sidecar

PACK_OUTPUTS: dict[str, tuple[str, str]] = {
    "pack.pdf": ("pack.xml.j2", "pdf"),
    "pack.docx": ("pack-summary.xml.j2", "docx"),
    "pack-slides.pptx": ("pack-slides.xml.j2", "pptx"),
    "pack-slides.md": ("pack-slides.xml.j2", "md"),
    "handouts.pdf": ("pack-slides.xml.j2", "handout"),
}
"""Output file → (template, writer name)."""
PACK_MODULES = ("exporter.packing", "exporter.writers.handout")
"""What a pack's workers need beyond an article's: the fork server imports them for a pack
(`pool.preload`), not for every build."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PackResult:
    """What a pack build did."""

    articles: list[ArticleResult]
    outputs: tuple[str, ...] = ()
    cached: bool = False
    error: str | None = None


def actor_index(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the actors across the pack in alphabetical order, each with the articles (and
    first ¶) they appear in and its `initial`, the letter it is filed under.

    One entity is one entry: actors are merged by case-folded name whatever kind each article
    gave them, when one's name is another's alias (an article that says only "Moscow" joins
    "Russia"), and a person named by one word joins the one person in the pack whose full name
    ends with it ("Trump" joins "Donald Trump"; with two such people it stays apart). Names
    one article's analysis would join are joined across articles too, by the same rules
    (`analysis.actors.variants`): spellings of one person (`Volodymyr Zelenskiy`, `Volodymyr
    Zelensky`; `Tim Morrison`, `Timothy Morrison`), organisations written with and without
    dots or `the` (`U.N. Security Council`, `UN Security Council`). Each article appears once
    in an entry.
    """
    merged: dict[str, dict[str, Any]] = {}
    alias_of: dict[str, str] = {}
    for a in articles:
        for actor in a["actors"]:
            key = actor["name"].casefold()
            key = alias_of.get(key, key)
            entry = merged.setdefault(key, {"name": actor["name"], "kind": actor["kind"],
                                            "initial": _initial(actor["name"]),
                                            "entries": []})
            for alias in actor.get("aliases", []):
                alias_of.setdefault(alias.casefold(), key)
            if any(e["article"] == a["number"] for e in entry["entries"]):
                continue
            first = actor["paragraphs"][0] if actor["paragraphs"] else None
            target = f"{a['prefix']}p{first}" if first else a["anchor"]
            entry["entries"].append({"article": a["number"], "title": a["title"],
                                     "paragraph": first, "target": target,
                                     "anchor": a["anchor"]})
    _merge_spellings(merged)
    _merge_surnames(merged)
    order = {"person": 0, "organisation": 1, "group": 2, "country": 3, "place": 4}
    return sorted(merged.values(), key=lambda e: (e["initial"], e["name"].casefold(),
                                                   order.get(e["kind"], 9)))


def _merge_spellings(merged: dict[str, dict[str, Any]]) -> None:
    """Fold entries that are one person's or one organisation's name spelled two ways into the
    one more articles name (the first of equals)."""
    # Imported here: the pack's command line starts without the analysis' word lists.
    from .analysis.actors.variants import org_key, people_clusters

    def fold(keys: list[str]) -> None:
        best = max(keys, key=lambda k: (len(merged[k]["entries"]), -keys.index(k)))
        for key in keys:
            if key != best:
                _fold_into(merged, key, best)

    people = [e["name"] for e in merged.values() if e["kind"] == "person"]
    for cluster in people_clusters(people):
        fold([n.casefold() for n in cluster])
    by_key: dict[tuple[str, ...], list[str]] = {}
    for key, entry in merged.items():
        if entry["kind"] == "organisation":
            by_key.setdefault(org_key(entry["name"]), []).append(key)
    for keys in by_key.values():
        if len(keys) > 1:
            fold(keys)


def _merge_surnames(merged: dict[str, dict[str, Any]]) -> None:
    """Fold one-word person entries into the only full name ending with that word, and a
    plural into its singular (`SUVs` into `SUV`)."""
    for key in [k for k in merged if k.endswith("s") and k[:-1] in merged]:
        _fold_into(merged, key, key[:-1])
    by_surname: dict[str, list[str]] = {}
    for key, entry in merged.items():
        words = key.split()
        if entry["kind"] == "person" and len(words) > 1:
            by_surname.setdefault(words[-1], []).append(key)
    for key in [k for k, e in merged.items() if e["kind"] == "person" and " " not in k]:
        fuller = by_surname.get(key, [])
        if len(fuller) == 1:
            _fold_into(merged, key, fuller[0])


def _fold_into(merged: dict[str, dict[str, Any]], key: str, into: str) -> None:
    target = merged[into]
    seen = {e["article"] for e in target["entries"]}
    target["entries"].extend(e for e in merged.pop(key)["entries"] if e["article"] not in seen)
    target["entries"].sort(key=lambda e: e["article"])


def _initial(name: str) -> str:
    """Return the letter an index files `name` under: its first letter without accents
    (Ö under O), or # for a name that starts with a digit or a sign."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalpha():
            return char.upper()
        if not unicodedata.combining(char) and not char.isspace():
            break
    return "#"


def pack_context(title: str, results: list[ArticleResult], config: BuildConfig,
                 settings: PackSettings | None = None) -> dict[str, Any]:
    """Return the plain data the pack templates receive.

    `articles` loads each article from the file its analysis left (`ArticleResult.data_file`)
    when a template reaches it, in the order the pack shows them: by section, and the reports
    of one story together (the fullest first; with `dedupe`, only the fullest). `groups` are
    the headings they sit under: the settings file's sections, else one per story of several
    reports. `overview` is the pack overview (`analysis.pack.overview`).
    """
    settings = settings or PackSettings()
    failed = [{"source": r.source, "error": (r.error or "").split(": ", 1)[-1]}
              for r in results if not r.ok]
    files, groups, story_of, reports = _arrange(results, settings,
                                                dedupe=config.options.dedupe)
    articles = ArticleList(files)
    index = actor_index(articles)
    return {
        **shared_context(config.options),
        "pack": {"title": title, "subtitle": settings.subtitle,
                 "organisation": settings.organisation, "meeting": settings.meeting},
        "articles": articles,
        "groups": groups,
        "overview": overview(articles, story_of, reports, index),
        "failed": failed,
        "index": index,
    }


def _arrange(results: list[ArticleResult], settings: PackSettings, *,
             dedupe: bool) -> tuple[list[str], list[dict[str, Any]], dict[int, int],
                                    dict[int, int]]:
    """Return the data files in pack order, the groups (heading, anchor, article numbers,
    reports), each article number's story (the number of its fullest report) and each
    story's number of reports (counting those `dedupe` leaves out)."""
    # The sections' share of `results` (which follow `settings.sources()`), or one section.
    sizes: list[tuple[str | None, int]] = [*settings.section_sizes()] or [(None, len(results))]
    files: list[str] = []
    groups: list[dict[str, Any]] = []
    story_of: dict[int, int] = {}
    reports: dict[int, int] = {}
    start = 0
    for s, (heading, size) in enumerate(sizes, 1):
        mine = [r.data_file for r in results[start:start + size] if r.ok and r.data_file]
        start += size
        titles: list[str] = []
        prints = []
        for file in mine:
            data = _load(file)
            titles.append(data["title"])
            prints.append(fingerprint(data))
        numbers: list[int] = []
        for story in find_stories(prints):
            best = fullest(story, prints)
            members = [best] if dedupe else [best, *(i for i in story if i != best)]
            first = len(files) + 1
            for i in members:
                files.append(mine[i])
                story_of[len(files)] = first
            reports[first] = len(story)
            story_numbers = list(range(first, len(files) + 1))
            if heading is None and len(members) > 1:
                groups.append({"heading": f"{titles[best]}: {len(story)} reports",
                               "anchor": f"story{first}", "numbers": story_numbers,
                               "reports": len(story)})
            elif heading is None:
                groups.append({"heading": None, "anchor": None, "numbers": story_numbers,
                               "reports": len(story)})
            numbers.extend(story_numbers)
        if heading is not None and numbers:
            groups.append({"heading": heading, "anchor": f"s{s}", "numbers": numbers,
                           "reports": len(numbers)})
    return files, groups, story_of, reports


def _load(file: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(file).read_text(encoding="utf-8"))
    return data


def _pack_key(sources: list[tuple[Path, str]], config: BuildConfig, title: str,
              formats: tuple[str, ...], settings: PackSettings | None) -> str:
    shape = None if settings is None else [
        settings.subtitle, settings.organisation, settings.meeting, settings.section_sizes()]
    digest = hashlib.sha256(json.dumps([title, formats, shape]).encode())
    for path, display in sources:
        digest.update(display.encode())
        try:
            sidecar = read_sidecar(path)
            digest.update(cache_key(read_bytes(path, display, config.limits), config,
                                    display=display,
                                    sidecar=None if sidecar is None else sidecar[1]).encode())
        except ExportError as exc:  # reported when the article is read; here: "not current"
            digest.update(exc.one_line().encode())
    return digest.hexdigest()


def _write_one(writer_name: str, template: str, context: dict[str, Any],
               config: BuildConfig) -> bytes:
    """Render one pack output (a process-pool task): its template streamed into spooled
    blocks, then the writer working through them."""
    try:
        document = templating.render_spooled(template, context, user_dir=config.templates)
        try:
            return writers.get(writer_name).write(document, config.options)
        finally:
            document.blocks.close()  # type: ignore[attr-defined]
    except OSError as exc:  # the spooled blocks' temporary file: a full TMPDIR, `ulimit -f`
        raise os_error(exc) from exc


def _write_all(formats: tuple[str, ...], context: dict[str, Any],
               config: BuildConfig) -> dict[str, bytes]:
    """Return every pack output, rendered side by side when more than one job is allowed.

    Each output renders its own template in its own worker (under the build's budget, like an
    article): the pack PDF of a large pack takes as long as all the other outputs together,
    so running them in parallel roughly halves the time on two cores, and no process ever
    holds more than one block document.
    """
    tasks = [(PACK_OUTPUTS[name][1], PACK_OUTPUTS[name][0], context, config)
             for name in formats]
    outputs: dict[str, bytes] = {}
    for name, result in zip(formats, run_tasks(_write_one, tasks, jobs=config.jobs,
                                               budget=config.budget), strict=True):
        if isinstance(result, Overrun):
            raise LimitError(name, result.reason)
        outputs[name] = result
    return outputs


def build_pack(sources: list[tuple[Path, str]], config: BuildConfig, title: str,
               formats: tuple[str, ...] = tuple(PACK_OUTPUTS),
               on_done: Callable[[ArticleResult], None] | None = None, *,
               settings: PackSettings | None = None) -> PackResult:
    """Analyse every source and write the pack outputs into `config.out_dir`.

    With `settings` that have sections, `sources` must be `settings.sources()`.

    The output folder is locked for the whole run (`folder_lock`): a second pack or build into
    it waits, or fails with one line.
    """
    try:
        with folder_lock(config.out_dir, config.lock_wait):
            return _build_pack(sources, config, title, formats, on_done, settings)
    except ExportError as exc:
        return PackResult(articles=[], error=exc.one_line())


def _build_pack(sources: list[tuple[Path, str]], config: BuildConfig, title: str,
                formats: tuple[str, ...],
                on_done: Callable[[ArticleResult], None] | None,
                settings: PackSettings | None) -> PackResult:
    folder = config.out_dir
    preload(*PACK_MODULES)
    key = _pack_key(sources, config, title, formats, settings)
    if config.use_cache:
        files = cached_outputs(folder, key)
        if files is not None:
            return PackResult(articles=[], outputs=files, cached=True)
    with pack_store() as store:
        results = build(sources, config, on_done=on_done,
                        worker=functools.partial(store_article, store), lock=False)
        if not any(r.ok for r in results):
            return PackResult(articles=results, error="no article could be read")
        context = pack_context(title, results, config, settings)
        try:
            outputs = _write_all(formats, context, config)
        except ExportError as exc:
            return PackResult(articles=results, error=exc.one_line())
    try:
        write_outputs(folder, outputs, key, folder)
    except ExportError as exc:
        return PackResult(articles=results, error=exc.one_line())
    return PackResult(articles=results, outputs=tuple(outputs))


__all__ = ["PACK_OUTPUTS", "PackResult", "actor_index", "build_pack", "pack_context"]
