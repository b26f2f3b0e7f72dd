"""Check the speakers and the actor index of a pack of real news pages, as a new user builds it.

Builds a pack (`exporter pack`, the command line in a subprocess) of the pages of
`bench/data/attribution-holdout/realpages.yaml` (from `../shared/corpus/article-extraction-
benchmark/`, unpacked into a temporary folder), then computes the pack's own data in this process
the way `exporter pack` does (`exporter.packing.pack_context` over the stored analyses: every
article's quotations and the actor index the pack prints) and reports:

- speakers that cannot speak: a place or country (pycountry's countries and subdivisions, a few
  capitals, or an index entry the pack itself files as a place or country), a platform or
  website, a single letter or initial, a product or model code (a word with digits), a unit, or a
  common noun (no capital letter: `officer`);
- duplicate actors in the index: two entries for one entity: the same name once full stops,
  case, possessives and titles are dropped (`U.N.` / `UN`, `Sen. X` / `X`); an acronym of the
  other's words (`UN Security Council` / `United Nations Security Council`); a person's name all
  of whose words are in another person's (`Carlineo` / `Patrick W. Carlineo Jr.`: with several
  fuller names it is listed as ambiguous, not counted); spelling variants (`Zelensky` /
  `Zelenskiy`, similarity >= 0.85);
- index entries that are not actors: a single letter or initial, a word with digits, a web word,
  a platform.

Skipped with a message when ../shared is absent. Nothing here decides what the tool does: it is a
measurement, and a finding is a lead to check, not a verdict.

    python bench/pack_check.py [--pages FILE] [--jobs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import difflib
import functools
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.real_pages import CORPUS, REAL_PAGES, load_pages, unpack

TITLE = "Real news pack check"
PLATFORMS = {"x", "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "telegram",
             "reddit", "linkedin", "snapchat", "truth social", "threads", "weibo", "wechat",
             "bluesky", "mastodon", "substack", "medium", "google", "google news", "apple news",
             "msn", "yahoo", "yahoo news", "spotify", "twitch", "discord", "pinterest"}
"""Platforms and websites; a pack may rightly have e.g. Twitter the company as an actor, so an
index entry is only listed, and a speaker only when the quotation is not the company's."""
UNITS = {"c", "f", "k", "km", "kg", "g", "mg", "mph", "kph", "km/h", "m", "cm", "mm", "ft", "lb",
         "lbs", "oz", "mi", "percent", "per cent", "%", "°", "°c", "°f", "kwh", "mw", "gw", "gb",
         "mb", "tb", "hz", "ghz", "bpd", "ppm", "usd", "eur", "gbp", "dollars", "euros",
         "pounds", "miles", "kilometres", "kilometers", "degrees", "celsius", "fahrenheit"}
WEB_WORDS = {"watch", "read more", "advertisement", "share", "subscribe", "sign up", "more",
             "related", "click here", "listen", "video", "photo", "gallery", "updated",
             "newsletter", "follow", "comments", "menu", "home", "log in", "sign in", "ad"}
CAPITALS = {"washington", "london", "paris", "berlin", "moscow", "beijing", "tokyo", "kyiv",
            "kiev", "brussels", "islamabad", "new delhi", "delhi", "tehran", "jerusalem",
            "tel aviv", "ramallah", "gaza", "cairo", "ankara", "riyadh", "doha", "kabul",
            "baghdad", "damascus", "beirut", "ottawa", "canberra", "pretoria", "nairobi",
            "brasilia", "mexico city", "madrid", "rome", "warsaw", "vienna", "stockholm",
            "hong kong", "taipei", "seoul", "pyongyang", "manila", "jakarta", "bangkok", "hanoi",
            "minsk", "tbilisi", "baku", "yerevan", "geneva", "the hague", "westminster",
            "downing street", "capitol hill", "wall street", "silicon valley", "hollywood"}
"""Capitals and places used for the institutions in them (`Islamabad said`): a place is still
not a speaker; the quotation belongs to the government or office the article names."""
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "gen", "col", "lt", "sgt",
          "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "president", "minister", "pope",
          "king", "queen", "prince", "princess", "senator", "governor", "general", "colonel",
          "ambassador", "secretary", "judge", "justice", "chairman", "chairwoman", "mayor",
          "lieutenant", "sergeant", "captain", "commander", "admiral", "representative",
          "congressman", "congresswoman", "chancellor", "premier", "sheikh", "lord", "lady"}
LINKS = {"of", "for", "and", "the", "on", "de", "du", "des", "la", "le", "&"}
NAME_TAILS = {"jr", "sr", "ii", "iii", "iv"}


@dataclass
class Findings:
    """What the check found."""

    articles: int = 0
    quotes: int = 0
    attributed: int = 0
    index_entries: int = 0
    bad_speakers: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(class, speaker, article, quotation start)."""
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    """(reason, name, other name)."""
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    """A one-word entry and the several fuller people it could be."""
    not_actors: list[tuple[str, str]] = field(default_factory=list)
    """(class, index entry)."""


# --- names ------------------------------------------------------------------------------------


def fold(name: str) -> str:
    """Return `name` without accents, full stops, possessive, case and surplus white space."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text).replace(".", "").replace("'", "")
    return " ".join(re.findall(r"[\w&/%°-]+", text))


def words(name: str) -> list[str]:
    """Return the folded words of `name` without titles and a leading `the`."""
    out = fold(name).split()
    while out and (out[0] in TITLES or out[0] == "the"):
        out.pop(0)
    return out


def _place_names() -> set[str]:
    names = {fold(c) for c in CAPITALS}
    try:
        import pycountry
    except ImportError:  # the check still runs on the pack's own place kinds and the capitals
        return names
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    names |= {fold(s.name) for s in pycountry.subdivisions}
    names |= {"us", "usa", "uk", "america", "britain", "great britain", "england", "scotland",
              "wales", "northern ireland", "the united states", "the west bank", "west bank",
              "gaza strip", "crimea", "europe", "asia", "africa", "middle east", "latin america"}
    return names


def speaker_class(name: str, places: set[str]) -> str | None:
    """Return why `name` cannot be a speaker, or None when it may be one."""
    folded = fold(name)
    if not folded:
        return "empty"
    if len(name.replace(".", "").strip()) == 1:
        return "letter or initial"
    if folded in places:
        return "place or country"
    if folded in PLATFORMS or re.search(r"\.(?:com|org|net|co\.uk|gov|io|tv)\b", name.lower()):
        return "platform or website"
    if folded in UNITS:
        return "unit"
    if any(ch.isdigit() for ch in name):
        return "product or code"
    if name == name.lower():
        return "common noun (check: a group may speak)"
    return None


# --- the pack ---------------------------------------------------------------------------------


def build_pack(pages: Path, out: Path, jobs: int) -> None:
    """Run `exporter pack` on the pages as a user would; raise when it fails."""
    sources = sorted(str(p) for p in pages.glob("*.html"))
    command = [sys.executable, "-m", "exporter.cli", "pack", *sources, "--title", TITLE,
               "-o", str(out), "--jobs", str(jobs), "--no-cache"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"exporter pack failed ({done.returncode}): {done.stderr.strip()}")
    print(done.stdout.strip() or done.stderr.strip())


def pack_data(pages: Path, jobs: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the pack's articles (stored analyses, as the templates get them) and its actor
    index, computed as `exporter pack` computes them."""
    from exporter.article_store import store_article
    from exporter.build import BuildConfig, build
    from exporter.fs import pack_store
    from exporter.packing import pack_context

    sources = [(p, p.name) for p in sorted(pages.glob("*.html"))]
    config = BuildConfig(out_dir=pages.parent / "unused", jobs=jobs)
    with pack_store() as store:
        results = build(sources, config, worker=functools.partial(store_article, store),
                        lock=False)
        context = pack_context(TITLE, results, config)
        articles = [dict(a) for a in context["articles"]]
        return articles, list(context["index"])


# --- checks -----------------------------------------------------------------------------------


def check_speakers(articles: Iterable[dict[str, Any]], index: Sequence[dict[str, Any]],
                   findings: Findings) -> None:
    """Add the speakers that are no speakers to `findings`."""
    places = _place_names() | {fold(e["name"]) for e in index
                               if e["kind"] in {"place", "country"}}
    for article in articles:
        findings.articles += 1
        for quote in article["quotes"]:
            findings.quotes += 1
            speaker = quote.get("speaker")
            if not speaker:
                continue
            findings.attributed += 1
            why = speaker_class(speaker, places)
            if why:
                findings.bad_speakers.append((why, speaker, article["title"][:60],
                                              quote["text"][:60]))


def _initials(tokens: Sequence[str]) -> str:
    return "".join(t[0] for t in tokens if t not in LINKS)


def _collapses(short: list[str], long_: list[str]) -> bool:
    """Return True when `short` is `long_` with one run of two or more words written as their
    initials (`un security council` from `united nations security council`)."""
    for i in range(len(long_)):
        for j in range(i + 2, len(long_) + 1):
            run = long_[i:j]
            if run[0] in LINKS or run[-1] in LINKS:
                continue
            if [*long_[:i], _initials(run), *long_[j:]] == short:
                return True
    return False


def _person_core(tokens: Sequence[str]) -> list[str]:
    """Return a person's words without name tails (`jr`) and single-letter initials."""
    return [t for t in tokens if t not in NAME_TAILS and len(t) > 1]


def _alike(a: str, b: str) -> bool:
    """Return True for one word spelled two ways (`zelensky`, `zelenskyy`, `zelenskiy`)."""
    return a == b or (min(len(a), len(b)) >= 5 and a[0] == b[0] and b not in (a + "s", a + "es")
                      and a not in (b + "s", b + "es")
                      and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85)


def _fuller_people(word: str, people: Sequence[tuple[dict[str, Any], list[str]]]) -> list[str]:
    """Return the distinct people of several words whose first or last word is `word` (or
    spelled like it); two spellings of one name (`Volodymyr Zelensky`, `Volodymyr Zelenskiy`)
    count once."""
    found: list[tuple[dict[str, Any], list[str]]] = []
    for p, pw in people:
        if len(pw) > 1 and (_alike(word, pw[-1]) or word == pw[0]) and \
                not any(_same_person(p, pw, q, qw) for q, qw in found):
            found.append((p, pw))
    return [p["name"] for p, _ in found]


def check_duplicates(index: Sequence[dict[str, Any]], findings: Findings) -> None:
    """Add the pairs of index entries that name one entity to `findings`."""
    entries = [(e, words(e["name"])) for e in index]
    people = [(e, _person_core(w)) for e, w in entries if e["kind"] == "person"]
    # A one-word entry beside several fuller people it could be: not a duplicate the index
    # could resolve (`Biden`: Joe or Hunter); listed apart and left out of the pairs.
    ambiguous: set[str] = set()
    for e, w in entries:
        if len(w) == 1 and e["kind"] not in {"place", "country"}:
            fuller = _fuller_people(w[0], people)
            if len(fuller) > 1:
                ambiguous.add(e["name"])
                findings.ambiguous.append((e["name"], fuller))
    seen: set[tuple[str, str]] = set()
    for i, (a, wa) in enumerate(entries):
        for b, wb in entries[i + 1:]:
            if not wa or not wb or {a["name"], b["name"]} & ambiguous:
                continue
            reason = _same_entity(a, wa, b, wb)
            key = (min(a["name"], b["name"]), max(a["name"], b["name"]))
            if reason and key not in seen:
                seen.add(key)
                findings.duplicates.append((reason, a["name"], b["name"]))


def _same_entity(a: dict[str, Any], wa: list[str], b: dict[str, Any],
                 wb: list[str]) -> str | None:
    """Return why entries `a` and `b` (with their folded words) name one entity, or None."""
    if wa == wb:
        return "same name (stops, case, titles)"
    people = "person" in (a["kind"], b["kind"])
    if people:
        return "person: one name inside the other" if _same_person(a, wa, b, wb) else None
    short, long_ = sorted((wa, wb), key=len)
    if _collapses(short, long_) or (len(short) == 1 and len(long_) > 1
                                    and short[0] == _initials(long_)):
        return "acronym"
    if len(short) >= 2 and long_[-len(short):] == short and "and" not in long_:
        return "organisation: one name ends the other"
    joined_a, joined_b = " ".join(wa), " ".join(wb)
    if min(len(joined_a), len(joined_b)) >= 5 and difflib.SequenceMatcher(
            None, joined_a, joined_b).ratio() >= 0.85:
        return "similar spelling (check)"
    return None


def _same_person(a: dict[str, Any], wa: list[str], b: dict[str, Any], wb: list[str]) -> bool:
    """Return True when one name's words are all in the other's (a word spelled two ways
    counts as one), sharing the surname, and the shorter is not a place or country (`Jordan`
    is not `Bob Jordan`)."""
    ca, cb = _person_core(wa), _person_core(wb)
    (short, s_entry), (long_, l_entry) = sorted([(ca, a), (cb, b)], key=lambda x: len(x[0]))
    if not short or s_entry["kind"] in {"place", "country"} or l_entry["kind"] != "person":
        return False
    if len(short) == 1:
        # Surname alone, or first name alone (`Melanie`), of a fuller person; spelled another
        # way only when both are people (`Doctors` the group is not `Ken Doctor`).
        alike = _alike(short[0], long_[-1]) if s_entry["kind"] == "person" else \
            short[0] == long_[-1]
        return len(long_) > 1 and (alike or short[0] == long_[0])
    if not _alike(short[-1], long_[-1]):
        return False
    rest = long_[:-1]
    return all(any(_alike(w, r) or r.startswith(w) or w.startswith(r) for r in rest)
               for w in short[:-1])


def check_not_actors(index: Sequence[dict[str, Any]], findings: Findings) -> None:
    """Add the index entries that are no actors to `findings`."""
    names = {e["name"].casefold() for e in index}
    for e in index:
        name = e["name"]
        folded = fold(name)
        if len(name.replace(".", "").strip()) == 1:
            findings.not_actors.append(("letter or initial", name))
        elif folded in WEB_WORDS:
            findings.not_actors.append(("web word", name))
        elif folded in PLATFORMS:
            findings.not_actors.append(("platform (check: the company may be meant)", name))
        elif any(ch.isdigit() for ch in name):
            findings.not_actors.append(("product or code", name))
        elif any(side.strip().casefold() in names and side.strip()
                 for side in re.split(r"\s+and\s+", name)[:2]) and " and " in name:
            findings.not_actors.append(("two actors joined by 'and'", name))


def report(findings: Findings) -> str:
    """Return the findings as text: counts, then every finding."""
    f = findings
    lines = [f"pack: {f.articles} articles, {f.quotes} quotations, {f.attributed} with a speaker, "
             f"{f.index_entries} index entries",
             f"speakers that cannot speak: {len(f.bad_speakers)}"]
    lines += [f"  - [{why}] {speaker!r}: “{quote}…” ({title})"
              for why, speaker, title, quote in f.bad_speakers]
    lines.append(f"duplicate actors in the index: {len(f.duplicates)}")
    lines += [f"  - [{reason}] {a!r} = {b!r}" for reason, a, b in f.duplicates]
    lines.append(f"ambiguous one-word names (not counted): {len(f.ambiguous)}")
    lines += [f"  - {name!r}: {', '.join(map(repr, fuller))}" for name, fuller in f.ambiguous]
    lines.append(f"index entries that are not actors: {len(f.not_actors)}")
    lines += [f"  - [{why}] {name!r}" for why, name in f.not_actors]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the pack, check it, print the findings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=REAL_PAGES,
                        help="the annotated pages file whose pages make the pack")
    parser.add_argument("--jobs", type=int, default=2, help="articles analysed in parallel")
    parser.add_argument("--keep", type=Path, help="also copy the pack's outputs into DIR")
    args = parser.parse_args(argv)
    if not (CORPUS / "html").is_dir():
        print(f"pack check: skipped, no corpus at {CORPUS.resolve()}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for page in load_pages(args.pages):
            unpack(page["id"], pages)
        out = Path(tmp) / "pack"
        build_pack(pages, out, args.jobs)
        if args.keep:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
        articles, index = pack_data(pages, args.jobs)
    findings = Findings(index_entries=len(index))
    check_speakers(articles, index, findings)
    check_duplicates(index, findings)
    check_not_actors(index, findings)
    print(report(findings))
    return 0


__all__ = ["Findings", "check_duplicates", "check_not_actors", "check_speakers", "fold",
           "main", "report", "speaker_class", "words"]

if __name__ == "__main__":
    sys.exit(main())
