"""List duplicate and junk actors on real news pages, with the totals.

Reads the web pages of `../shared/corpus/article-extraction-benchmark/html/` through
`exporter.load` (skipped, exit 0, when ../shared is absent), runs `find_actors` on each, and
reports two kinds of error in the actor index:

- **duplicates**: two actors of one page that name one entity. The judge is deliberately
  independent of the analysis code: the same name once accents, full stops, a leading `the`,
  titles and case are dropped (`U.N. Security Council` / `UN Security Council`); a person's name
  all of whose words are in exactly one other person's name (`Trump` / `Donald Trump`, not when
  `Mary Trump` is there too); two people with the same first name and surnames one or two
  letters apart (`Zelensky` / `Zelenskiy`), or the same first name and surname around
  compatible middle names (`John M. Ford` / `John Milo Ford`); a surname alone close to one
  other person's surname (`Zelensky` / `Volodymyr Zelenskiy`); an acronym made of another
  organisation's initials; an organisation whose name ends with another's (`House Intelligence
  Committee` / `U.S. House Intelligence Committee`).
- **junk**: names that are no actor: letters and initials (`X.`, `P.I.`), names with digits
  (`ES8`), web words (`WATCH`, `READ MORE`), day and month names, and words shouted in
  capitals that the same page writes in lower case (`VOTE` beside `vote`).

    python bench/actor_dups.py [--limit N] [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exporter.model import Actor, ActorKind, Article

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "article-extraction-benchmark" / "html"

_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "lt", "sgt", "capt",
           "adm", "gov", "sen", "rep", "rev", "president", "minister", "pope", "senator",
           "governor", "general", "colonel", "ambassador", "former", "the", "jr", "sr"}
_WEB_WORDS = {"watch", "read more", "read", "more", "advertisement", "share", "subscribe",
              "sign up", "newsletter", "related", "click here", "video", "photo", "comments",
              "follow", "log in", "login", "menu", "home", "search", "updated", "trending"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"}
_INITIALS = re.compile(r"[A-Za-z]\.?|(?:[A-Za-z]\.){2}")


@dataclass
class Page:
    """What one page's actor index gets wrong."""

    name: str
    actors: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def fold(name: str) -> list[str]:
    """Return the words of a name as the judge compares them."""
    words = re.findall(r"[\w'-]+", _plain(name).lower().replace(".", "").replace("’", "'"))
    words = [w.removesuffix("'s") for w in words]
    return [w for w in words if w not in _TITLES]


def _distance(a: str, b: str) -> int:
    """Return the Levenshtein distance of two short words."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _close(a: str, b: str) -> bool:
    """Return True if two surnames are spelling variants (`zelensky`, `zelenskyy`)."""
    if a == b or min(len(a), len(b)) < 5:
        return False
    return _distance(a, b) <= (1 if min(len(a), len(b)) < 8 else 2)


def _middles_fit(a: list[str], b: list[str]) -> bool:
    """Return True if middle names `a` and `b` may be the same (`m` and `milo`, or none)."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y)
                                    for x, y in zip(a, b, strict=True))


def _is(actor: Actor, kind: ActorKind) -> bool:
    return actor.kind == kind


def _person_pair(fa: list[str], fb: list[str], people: list[list[str]]) -> bool:
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if len(short) == 1:
        owners = [p for p in people
                  if len(p) > 1 and (short[0] in p or _close(short[0], p[-1]))]
        return len(owners) == 1 and long_ in owners
    if short[0] != long_[0]:
        return False
    if short[-1] == long_[-1]:
        return _middles_fit(short[1:-1], long_[1:-1])
    return len(short) == len(long_) and _close(short[-1], long_[-1])


def _org_pair(fa: list[str], fb: list[str]) -> bool:
    short, long_ = (fa, fb) if len(fa) < len(fb) else (fb, fa)
    initials = "".join(w[0] for w in long_ if w not in {"of", "for", "and", "the"})
    if len(short) == 1 and len(long_) > 1 and short[0] == initials:
        return True
    return len(short) >= 2 and long_[-len(short):] == short


def duplicates(actors: Sequence[Actor]) -> list[tuple[str, str]]:
    """Return the pairs of actors that name one entity."""
    folded = [(a, fold(a.name)) for a in actors]
    people = [f for a, f in folded if _is(a, ActorKind.PERSON)]
    pairs: list[tuple[str, str]] = []
    for i, (a, fa) in enumerate(folded):
        for b, fb in folded[i + 1:]:
            if not fa or not fb:
                continue
            same = fa == fb
            if not same and _is(a, ActorKind.PERSON) and _is(b, ActorKind.PERSON):
                same = _person_pair(fa, fb, people)
            elif not same and _is(a, ActorKind.ORGANISATION) and _is(b, ActorKind.ORGANISATION):
                same = _org_pair(fa, fb)
            if same:
                pairs.append((a.name, b.name))
    return pairs


def junk(actors: Sequence[Actor], article: Article) -> list[str]:
    """Return the names in the index that name no actor."""
    text = " ".join(p.text for p in article.paragraphs)
    lower_words = set(re.findall(r"(?<![\w./@-])[a-z]{3,}(?![\w/@-]|\.\w)", text))
    out: list[str] = []
    for actor in actors:
        name = actor.name
        low = name.lower()
        caps = re.findall(r"[A-Z]{3,}", name)
        shouted = name.isupper() and bool(caps) and all(w.lower() in lower_words for w in caps)
        if (_INITIALS.fullmatch(name) or any(c.isdigit() for c in name) or low in _WEB_WORDS
                or low in _CALENDAR or shouted):
            out.append(name)
    return out


def pages(limit: int | None) -> list[tuple[str, Article]]:
    """Return the corpus pages the HTML reader reads (up to `limit`)."""
    from bench.analysis_speed import corpus_pages
    return corpus_pages(limit)


def judge(limit: int | None) -> list[Page]:
    """Return the duplicates and junk of every page."""
    from exporter.analysis.actors import find_actors

    out: list[Page] = []
    for name, article in pages(limit):
        actors = find_actors(article)
        out.append(Page(name=name, actors=len(actors), duplicates=duplicates(actors),
                        junk=junk(actors, article)))
    return out


def report(results: Sequence[Page], verbose: bool) -> str:
    """Return the totals, then every page with a problem (all pages with `verbose`)."""
    dups = sum(len(r.duplicates) for r in results)
    bad = sum(len(r.junk) for r in results)
    actors = sum(r.actors for r in results)
    lines = [f"{len(results)} pages, {actors} actors: {dups} duplicate pairs "
             f"({sum(bool(r.duplicates) for r in results)} pages), {bad} junk actors "
             f"({sum(bool(r.junk) for r in results)} pages)", ""]
    for r in results:
        if verbose or r.duplicates or r.junk:
            shown = "; ".join(f"{a} = {b}" for a, b in r.duplicates)
            lines.append(f"{r.name}: duplicates [{shown}] junk {r.junk}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="pages to read")
    parser.add_argument("--verbose", action="store_true", help="list every page")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print("../shared/corpus/article-extraction-benchmark is absent: nothing to measure")
        return 0
    results = judge(args.limit)
    if args.json:
        print(json.dumps([r.__dict__ for r in results], indent=1, ensure_ascii=False))
    else:
        print(report(results, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
