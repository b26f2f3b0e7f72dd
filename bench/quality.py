"""Score the analysis against gold files: quotations, questions, timeline, actors, figures, ROUGE.

Cases are `../shared/gold/pakistan-russia-relations.json` with
`../shared/articles/pakistan-russia-relations.txt` (skipped when ../shared is absent) and every
`tests/articles/NAME.json` with its article `tests/articles/NAME.*`. For each case it runs
`exporter.analysis.analyse(exporter.load(path))` and reports precision and recall per kind of
fact, ROUGE-1/2/L of the key points beside LEAD-3 and sumy's LexRank (fed our own sentence
splitter and tokenizer), and the analysis time. The timeline is also reported apart: its
precision and recall on the development and on the held-out articles, and on the date cases of
`tests/dates/*.tsv` (a sentence, its article's date, the dates expected), overall and per class.

Matching rules (gold items marked `"optional": true` count when found, never against recall):
quotations and questions match on token F1 >= 0.8; a speaker is right when its name tokens
match the gold speaker's; timeline events need the same date and paragraph; people match on
their normalised name, their role on token overlap >= 0.5 (or a shorter role all of whose words
are in the gold one); organisations on their name, acronym or expansion; figures on paragraph
and the numbers they contain.

Speakers are also reported as right / wrong / none over the gold quotations (a quotation the
analysis missed counts as none), and actors as duplicates: two actors of one article that name
the same entity (`U.N.` and `United Nations`, `Trump` and `Donald Trump`, `Col. Moshe Tetro` and
`Moshe Tetro`). `--cases` scores the attribution cases under
`tests/analysis/cases/attribution/` (or another folder, or one file) the same way: a case
expecting silence is right when the analysis gives no speaker and wrong when it gives one;
`--baseline` scores a 20-line regex beside it (a quotation, then a capitalised name next to
`said`, a surname taken to the last `First Last` written with it), the baseline the issue
measured us against. `--real-pages` scores the hand-annotated quotations of real news pages of
`../shared/corpus/article-extraction-benchmark/`, read through our own HTML reader (see
`bench/real_pages.py`; skipped with a message when ../shared is absent). `--date-cases` scores
only the timeline on the date cases of another file or folder (a held-out set under
`bench/data/dates-holdout/`): cases per class, precision and recall overall and per class, and
the cases not exactly right only with `--misses`, so a held-out set is scored unread.

    python bench/quality.py [--only NAME] [--json] [--cases [DIR|FILE] [--baseline]]
                            [--real-pages [FILE]] [--date-cases FILE_OR_DIR [--misses]]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.rouge import Score, rouge_l, rouge_n
from bench.rouge import tokens as rouge_tokens
from exporter.model import Actor, ActorKind, Article, Briefing, Meta, Paragraph, Source

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
ARTICLES = REPO / "tests" / "articles"
MATCH_F1 = 0.8
ROLE_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Case:
    """A gold file and the article it describes."""

    name: str
    gold: Path
    article: Path
    held_out: bool = False
    """The gold file says `"held_out": true`: never used to tune, reported apart."""


@dataclass
class Tally:
    """Counts for precision and recall of one kind of fact."""

    found: int = 0
    """Items the analysis produced."""
    correct: int = 0
    """Produced items matching a gold item (optional ones included)."""
    gold: int = 0
    """Required gold items."""
    recalled: int = 0
    """Required gold items matched."""

    def add(self, other: Tally) -> None:
        """Add `other`'s counts to these."""
        self.found += other.found
        self.correct += other.correct
        self.gold += other.gold
        self.recalled += other.recalled

    @property
    def precision(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None


@dataclass
class Speakers:
    """How the speakers of gold quotations came out."""

    right: int = 0
    wrong: int = 0
    none: int = 0
    """No speaker given, or the quotation not found."""

    def add(self, other: Speakers) -> None:
        """Add `other`'s counts to these."""
        self.right += other.right
        self.wrong += other.wrong
        self.none += other.none

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.none

    def shares(self) -> str:
        """Return `right/wrong/none` as shares of the total."""
        n = self.total or 1
        return f"{self.right / n:.2f}/{self.wrong / n:.2f}/{self.none / n:.2f}"


@dataclass
class Result:
    """Everything measured on one case."""

    name: str
    held_out: bool = False
    tallies: dict[str, Tally] = field(default_factory=dict)
    speakers: Speakers = field(default_factory=Speakers)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    """Pairs of actors that name one entity."""
    rouge: dict[str, dict[str, Score]] = field(default_factory=dict)
    ms: float = 0.0
    notes: list[str] = field(default_factory=list)


# --- text matching ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "hundred", "thousand", "million", "billion", "half", "third", "quarter",
    "fifth", "dozen",
}


def _fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _tokens(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def token_f1(a: str, b: str) -> float:
    """Return the F1 of the token multisets of `a` and `b`."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _overlap(gold: str, found: str) -> float:
    """Return the share of `gold`'s content tokens present in `found`."""
    stop = {"the", "a", "an", "of", "in", "at", "for", "and", "s", "its", "his", "her"}
    g = [t for t in _tokens(gold) if t not in stop]
    f = set(_tokens(found))
    return sum(t in f for t in g) / len(g) if g else 0.0


def _norm_name(name: str) -> str:
    """Return a person's or body's name reduced for comparison (`Z.A. Bhutto` → `za bhutto`)."""
    # Determiners are no part of a description (`another official` is `official`).
    words = [w for w in _tokens(name.replace(".", "")) if w not in {
        "the", "a", "an", "one", "another", "mr", "mrs", "ms", "dr", "prof"}]
    return " ".join(words)


def _same_name(gold: str, found: str) -> bool:
    """Return True if two names denote the same speaker or person."""
    g, f = _norm_name(gold), _norm_name(found)
    if not g or not f:
        return False
    if g == f:
        return True
    gs, fs = set(g.split()), set(f.split())
    return gs <= fs or (len(fs) >= 2 and fs <= gs)


def _match(gold: Sequence[dict[str, Any]], found: Sequence[Any],
           similar: Callable[[dict[str, Any], Any], float], threshold: float,
           ) -> tuple[Tally, list[tuple[dict[str, Any], Any]]]:
    """Return the tally and the one-to-one pairs of a greedy best-first matching."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(found):
            value = similar(g, f)
            if value >= threshold:
                pairs.append((value, gi, fi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_f: set[int] = set()
    matched: list[tuple[dict[str, Any], Any]] = []
    for _, gi, fi in pairs:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        matched.append((gold[gi], found[fi]))
    tally = Tally(found=len(found), correct=len(matched),
                  gold=sum(not g.get("optional") for g in gold),
                  recalled=sum(not g.get("optional") for g, _ in matched))
    return tally, matched


# --- scoring of each kind of fact ------------------------------------------------------------


def score_quotes(gold: dict[str, Any], briefing: Briefing) -> dict[str, Tally]:
    """Return tallies for quotations and for quotations with the right speaker."""
    items = gold.get("quotations", [])
    tally, matched = _match(items, briefing.quotes,
                            lambda g, f: token_f1(g["text"], f.text), MATCH_F1)
    right = [(g, f) for g, f in matched if f.speaker and _same_name(g["speaker"], f.speaker)]
    speakers = Tally(found=tally.found, correct=len(right), gold=tally.gold,
                     recalled=sum(not g.get("optional") for g, _ in right))
    return {"quotes": tally, "speakers": speakers}


def score_speakers(gold: dict[str, Any], briefing: Briefing) -> Speakers:
    """Return right / wrong / none over the required gold quotations."""
    items = [g for g in gold.get("quotations", []) if not g.get("optional")]
    _, matched = _match(items, briefing.quotes, lambda g, f: token_f1(g["text"], f.text),
                        MATCH_F1)
    found = {id(g): f for g, f in matched}
    out = Speakers()
    for g in items:
        f = found.get(id(g))
        out.add(judge_speaker(g.get("speaker"), f.speaker if f is not None else None))
    return out


def judge_speaker(expected: str | Sequence[str] | None, got: str | None) -> Speakers:
    """Return one count: right (the same name, or silence where silence is expected), wrong (a
    speaker where none is expected, or another name), or none (no speaker where one is).
    `expected` may list several names the article uses for one speaker: any of them is right."""
    if got is None:
        return Speakers(right=1) if expected is None else Speakers(none=1)
    names = [expected] if isinstance(expected, str) or expected is None else list(expected)
    if any(name is not None and _same_name(name, got) for name in names):
        return Speakers(right=1)
    return Speakers(wrong=1)


_TITLE_WORDS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "lt", "sgt", "capt",
                "adm", "gov", "sen", "rep", "rev", "president", "minister", "pope", "king",
                "queen", "prince", "senator", "governor", "general", "colonel", "ambassador"}


def _fold_name(name: str) -> list[str]:
    return [w for w in _tokens(name.replace(".", "")) if w not in _TITLE_WORDS | {"the"}]


def actor_duplicates(actors: Sequence[Actor]) -> list[tuple[str, str]]:
    """Return pairs of actors that name one entity: the same name once full stops, titles and
    case are dropped; a person's name all of whose words are in another's (`Trump`, `Donald
    Trump`); an organisation's acronym made of another's initials (`UN`, `United Nations`)."""
    pairs: list[tuple[str, str]] = []
    folded = [(a, _fold_name(a.name)) for a in actors]
    for i, (a, fa) in enumerate(folded):
        for b, fb in folded[i + 1:]:
            if not fa or not fb:
                continue
            same = fa == fb
            if not same and _kind(a, ActorKind.PERSON) and _kind(b, ActorKind.PERSON):
                same = set(fa) <= set(fb) or set(fb) <= set(fa)
            if not same and not _kind(a, ActorKind.PERSON) and not _kind(b, ActorKind.PERSON):
                short, long_ = (fa, fb) if len(fa) < len(fb) else (fb, fa)
                initials = "".join(w[0] for w in long_ if w not in {"of", "for", "and"})
                same = len(short) == 1 and len(long_) > 1 and short[0] == initials
            if same:
                pairs.append((a.name, b.name))
    return pairs


def score_questions(gold: dict[str, Any], briefing: Briefing) -> Tally:
    """Return the tally for questions."""
    tally, _ = _match(gold.get("questions", []), briefing.questions,
                      lambda g, f: token_f1(g["text"], f.text), MATCH_F1)
    return tally


def score_timeline(gold: dict[str, Any], briefing: Briefing) -> Tally:
    """Return the tally for timeline events (same date and paragraph)."""
    def same(g: dict[str, Any], f: Any) -> float:
        return 1.0 if g["date"] == f.date and g["paragraph"] == f.paragraph else 0.0
    tally, _ = _match(gold.get("timeline", []), briefing.timeline, same, 1.0)
    return tally


def _kind(actor: Actor, kind: ActorKind) -> bool:
    return actor.kind == kind or getattr(actor.kind, "value", None) == kind.value


def _role_ok(gold: str, found: str) -> bool:
    """Return True if `found` gives the gold role: most of its words, or a shorter true form.

    `cooperative's president` is right for `president of the Café Serra Azul cooperative`.
    """
    if _overlap(gold, found) >= ROLE_OVERLAP:
        return True
    return _overlap(found, gold) == 1.0 and len(set(_tokens(found)) - {"the", "s", "of"}) >= 2


def score_people(gold: dict[str, Any], briefing: Briefing) -> dict[str, Tally]:
    """Return tallies for people and for people with the right role."""
    people = [a for a in briefing.actors if _kind(a, ActorKind.PERSON)]
    items = gold.get("actors", {}).get("people", [])
    tally, matched = _match(items, people,
                            lambda g, f: 1.0 if _same_name(g["name"], f.name) else 0.0, 1.0)
    right = [(g, f) for g, f in matched if g.get("role") and f.role and _role_ok(g["role"], f.role)]
    roles = Tally(found=len(people), correct=len(right),
                  gold=sum(bool(g.get("role")) and not g.get("optional") for g in items),
                  recalled=sum(not g.get("optional") for g, _ in right))
    return {"people": tally, "roles": roles}


_ACRONYM = re.compile(r"^(?P<long>.*?)\s*\((?P<short>[^)]+)\)\s*$")


def _org_forms(name: str) -> set[str]:
    """Return the forms an organisation may be named by: full, expansion and acronym."""
    forms = {_norm_name(name)}
    match = _ACRONYM.match(name)
    if match:
        forms |= {_norm_name(match["long"]), _norm_name(match["short"])}
    return {f for f in forms if f}


def score_organisations(gold: dict[str, Any], briefing: Briefing) -> Tally:
    """Return the tally for organisations (name, acronym or expansion)."""
    orgs = [a for a in briefing.actors if _kind(a, ActorKind.ORGANISATION)]

    def same(g: dict[str, Any], f: Actor) -> float:
        gold_forms = _org_forms(g["name"])
        found_forms = set().union(*(_org_forms(n) for n in (f.name, *f.aliases)))
        if gold_forms & found_forms:
            return 1.0
        return max((token_f1(a, b) for a in gold_forms for b in found_forms), default=0.0)

    items = [{"name": o} if isinstance(o, str) else o
             for o in gold.get("actors", {}).get("organisations", [])]
    tally, _ = _match(items, orgs, same, MATCH_F1)
    return tally


def _numbers(text: str) -> set[str]:
    """Return the numeric tokens of a figure (`$9 billion` → {'9', 'billion'})."""
    return {t for t in _tokens(text.replace(",", "")) if any(c.isdigit() for c in t)
            or t in _NUMBER_WORDS}


def score_figures(gold: dict[str, Any], briefing: Briefing) -> Tally:
    """Return the tally for figures (same paragraph, same numbers)."""
    def same(g: dict[str, Any], f: Any) -> float:
        if g["paragraph"] != f.paragraph:
            return 0.0
        wanted = _numbers(g["text"])
        if wanted and wanted <= _numbers(f.text):
            return 0.5 + 0.5 * token_f1(g["text"], f.text)
        return token_f1(g["text"], f.text) if not wanted else 0.0
    tally, _ = _match(gold.get("figures", []), briefing.figures, same, 0.5)
    return tally


# --- key point baselines ----------------------------------------------------------------------


def lead3(article: Article) -> list[str]:
    """Return the first three sentences of the body."""
    from exporter.analysis.sentences import article_sentences
    return [s.text for s in article_sentences(article)[:3]]


def lead_words(article: Article, budget: int) -> list[str]:
    """Return the body's first sentences within `budget` words (at least one): the summary's
    baseline, the lead taken blindly."""
    from exporter.analysis.sentences import article_sentences
    taken: list[str] = []
    used = 0
    for sentence in article_sentences(article):
        size = len(sentence.text.split())
        if taken and used + size > budget:
            break
        taken.append(sentence.text)
        used += size
    return taken


def lexrank_sumy(article: Article, count: int) -> list[str]:
    """Return `count` sentences chosen by sumy's LexRank over our sentences and tokens."""
    from sumy.nlp.stemmers import null_stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from exporter.analysis.sentences import split_sentences
    from exporter.analysis.terms import STOP_WORDS, words

    class Tokenizer:
        """sumy's tokenizer interface, backed by our splitter (sumy's needs NLTK data)."""

        language = "english"

        def to_sentences(self, paragraph: str) -> tuple[str, ...]:
            return tuple(paragraph[a:b] for a, b in split_sentences(paragraph))

        def to_words(self, sentence: str) -> tuple[str, ...]:
            return tuple(words(sentence))

    text = "\n\n".join(p.text for p in article.paragraphs)
    parser = PlaintextParser.from_string(text, Tokenizer())
    summarizer = LexRankSummarizer(null_stemmer)
    summarizer.stop_words = STOP_WORDS
    return [str(s) for s in summarizer(parser.document, count)]


def _rouge(candidate: Sequence[str], reference: Sequence[str]) -> dict[str, Score]:
    return {"R1": rouge_n(candidate, reference, 1), "R2": rouge_n(candidate, reference, 2),
            "RL": rouge_l(candidate, reference)}


# --- running the analysis ---------------------------------------------------------------------


def _try(module: str, names: Iterable[str]) -> Callable[..., Any] | None:
    """Return the first of `names` defined in `exporter.analysis.<module>`, if it imports."""
    try:
        mod = importlib.import_module(f"exporter.analysis.{module}")
    except ImportError:
        return None
    for name in names:
        if callable(getattr(mod, name, None)):
            return getattr(mod, name)  # type: ignore[no-any-return]
    return None


def _call(fn: Callable[..., Any] | None, *args: Any) -> tuple[Any, ...]:
    """Call `fn` with as many leading `args` as it takes; () when it is missing or fails."""
    if fn is None:
        return ()
    for n in range(len(args), 0, -1):
        try:
            return tuple(fn(*args[:n]))
        except TypeError:
            continue
    return ()


def analyse(article: Article) -> Briefing:
    """Return `exporter.analysis.analyse(article)`, filling fields it leaves empty from the modules.

    Until every analysis module is wired in, the bench assembles what imports, so each part can
    be measured on its own.
    """
    from exporter.analysis import analyse as wired
    briefing = wired(article)
    fill: dict[str, Any] = {}
    actors = briefing.actors or _call(_try("actors", ["find_actors"]), article)
    if not briefing.actors and actors:
        fill["actors"] = actors
    if not briefing.quotes:
        fill["quotes"] = _call(_try("quotes", ["find_quotes", "find_quotations"]), article, actors)
    if not briefing.questions:
        fill["questions"] = _call(_try("questions", ["find_questions"]), article)
    if not briefing.timeline:
        fill["timeline"] = _call(_try("timeline", ["find_events"]), article)
    if not briefing.figures:
        fill["figures"] = _call(_try("figures", ["find_figures"]), article)
    if not briefing.key_points:
        fill["key_points"] = _call(_try("keypoints", ["find_key_points"]), article, actors)
    if not briefing.summary:
        from exporter.analysis.summary import summarise
        fill["summary"] = summarise(article)
    if not briefing.keywords:
        fill["keywords"] = _call(_try("keywords", ["find_keywords"]), article, actors)
    return dataclasses.replace(briefing, **{k: v for k, v in fill.items() if v})


def load(case: Case, gold: dict[str, Any], notes: list[str]) -> Article:
    """Return the case's article as `exporter.load` reads it, or as the gold file lays it out.

    The fallback (blocks matched to the gold paragraphs' first words) only lets the analysis be
    measured while a reader is unfinished; the report says when it was used.
    """
    import exporter
    from exporter.errors import ExportError
    try:
        return exporter.load(case.article, display=case.article.name)
    except ExportError as exc:
        notes.append(f"reader failed ({exc}); gold-guided paragraphs used")
    return gold_article(case.article, gold)


def gold_article(path: Path, gold: dict[str, Any]) -> Article:
    """Return an article whose paragraphs are the source's blocks that the gold file numbers."""

    from exporter.normalise import normalise_text
    from exporter.readers.decode import decode

    text, encoding = decode(path.read_bytes(), path.name)
    text, _ = normalise_text(text)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    joined: list[str] = []
    for block in blocks:
        # A page break leaves a paragraph in two blocks, the second starting in lower case.
        if joined and block[:1].islower():
            prev = joined.pop()
            block = prev[:-1] + block if prev.endswith("-") else prev + " " + block
        joined.append(" ".join(block.split()))
    starts = [_fold(w) for w in gold["paragraphs"]["first_words"]]
    paragraphs: list[Paragraph] = []
    for block in joined:
        body = re.sub(r"^[A-Z][A-Z .'-]+, [^—]{4,40}—\s*", "", block).lstrip("•-* ")
        if len(paragraphs) < len(starts) and _fold(body).startswith(starts[len(paragraphs)]):
            paragraphs.append(Paragraph(n=len(paragraphs) + 1, text=body))
    title = gold.get("title", {})
    meta = gold.get("meta", {})
    return Article(
        title=title.get("text") or "", title_inferred=not title.get("in_source", False),
        meta=Meta(date=meta.get("date"), volume=meta.get("volume"), issue=meta.get("issue"),
                  publication=meta.get("publication")),
        authors=(), paragraphs=tuple(paragraphs), headings=(),
        source=Source(path=path.name, format="text", encoding=encoding))


def run_case(case: Case, repeat: int = 3) -> Result:
    """Return the measurements of one case."""
    gold = json.loads(case.gold.read_text(encoding="utf-8"))
    result = Result(name=case.name, held_out=case.held_out or bool(gold.get("held_out")))
    article = load(case, gold, result.notes)
    times: list[float] = []
    briefing = analyse(article)
    for _ in range(repeat):
        start = time.perf_counter()
        briefing = analyse(article)
        times.append((time.perf_counter() - start) * 1000)
    result.ms = statistics.median(times)
    tallies = result.tallies
    tallies.update(score_quotes(gold, briefing))
    result.speakers = score_speakers(gold, briefing)
    result.duplicates = actor_duplicates(briefing.actors)
    tallies["questions"] = score_questions(gold, briefing)
    tallies["timeline"] = score_timeline(gold, briefing)
    tallies.update(score_people(gold, briefing))
    tallies["orgs"] = score_organisations(gold, briefing)
    tallies["figures"] = score_figures(gold, briefing)
    reference = gold.get("key_points", [])
    ours = [k.text for k in briefing.key_points]
    if reference:
        result.rouge["ours"] = _rouge(ours, reference)
        result.rouge["LEAD-3"] = _rouge(lead3(article), reference)
        result.rouge["LexRank"] = _rouge(lexrank_sumy(article, max(len(ours), 3)), reference)
        result.rouge["summary"] = _rouge([briefing.summary], reference)
        result.rouge["LEAD-90"] = _rouge(lead_words(article, 90), reference)
    return result


def cases(only: str | None = None) -> list[Case]:
    """Return the cases to score: the shared sample (if present) and tests/articles."""
    found: list[Case] = []
    gold = SHARED / "gold" / "pakistan-russia-relations.json"
    source = next((p for p in (SHARED / "articles" / "pakistan-russia-relations.txt",
                               REPO / "source" / "pakistan-russia-relations.txt") if p.is_file()),
                  None)
    if gold.is_file() and source is not None:
        found.append(Case("pakistan-russia-relations", gold, source))
    for path in sorted(ARTICLES.glob("*.json")):
        # Any format the readers take (.txt, .md, .html, .docx, ...); sidecars are not articles.
        article = next((p for p in sorted(ARTICLES.glob(path.stem + ".*"))
                        if p != path and not p.name.startswith(f"{path.stem}.meta.")), None)
        if article is not None:
            held_out = bool(json.loads(path.read_text(encoding="utf-8")).get("held_out"))
            found.append(Case(path.stem, path, article, held_out))
    return [c for c in found if only is None or only in c.name]


# --- report -----------------------------------------------------------------------------------

KINDS = ("quotes", "speakers", "questions", "timeline", "people", "roles", "orgs", "figures")


def _pct(value: float | None) -> str:
    return "  – " if value is None else f"{value:.2f}"


def report(results: Sequence[Result]) -> str:
    """Return the Markdown tables of the results, per article and overall."""
    total = {k: Tally() for k in KINDS}
    for r in results:
        for k in KINDS:
            total[k].add(r.tallies.get(k, Tally()))
    lines = ["| article | " + " | ".join(f"{k} P/R" for k in KINDS) + " | ms |",
             "|---" * (len(KINDS) + 2) + "|"]
    for name, tallies, ms in [*((r.name, r.tallies, f"{r.ms:.0f}") for r in results),
                              ("**overall**", total,
                               f"{statistics.mean(r.ms for r in results):.0f}" if results
                               else "–")]:
        cells = [f"{_pct(tallies[k].precision)}/{_pct(tallies[k].recall)}" for k in KINDS]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ms} |")
    lines += ["", *speaker_table(results), "", *rouge_table(results),
              "", *rouge_table(results, SUMMARY_SYSTEMS)]
    for r in results:
        lines += [f"- {r.name}: {note}" for note in r.notes]
    return "\n".join(lines)


def speaker_table(results: Sequence[Result]) -> list[str]:
    """Return the table of speakers (right / wrong / none) and actor duplicates per article."""
    lines = ["| article | quotations | speaker right/wrong/none | actor duplicates |",
             "|---|---|---|---|"]
    total = Speakers()
    dups = 0
    for r in results:
        total.add(r.speakers)
        dups += len(r.duplicates)
        shown = "; ".join(f"{a} = {b}" for a, b in r.duplicates[:3])
        lines.append(f"| {r.name} | {r.speakers.total} | {r.speakers.shares()} | "
                     f"{len(r.duplicates)}{' (' + shown + ')' if shown else ''} |")
    lines.append(f"| **overall** | {total.total} | {total.shares()} | {dups} |")
    return lines


# --- attribution cases ------------------------------------------------------------------------

CASES = REPO / "tests" / "analysis" / "cases" / "attribution"


def score_attribution_cases(folder: Path = CASES, found_count: list[int] | None = None,
                            baseline: bool = False) -> tuple[Speakers, list[str]]:
    """Return right / wrong / none over every expected quotation of the attribution cases (a
    folder of them or one file), and a line for each one that came out wrong or silent;
    `found_count`, when given, receives the number of expected quotations found at all;
    `baseline` scores the 20-line regex (`regex_quotes`) instead of the analysis."""
    import yaml

    from bench.real_pages import plain, quote_start
    from exporter.analysis.quotes import find_quotes
    from exporter.model import Meta

    total = Speakers()
    misses: list[str] = []
    # A folder's case files, or one file; files of other shapes beside them (the real pages'
    # annotations, which name pages instead of holding text) are not cases.
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder]:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if "text" not in case:
                continue
            paragraphs = [" ".join(p.split()) for p in case["text"].split("\n\n") if p.strip()]
            article = Article(title="", title_inferred=False, meta=Meta(), authors=(),
                              paragraphs=tuple(Paragraph(n=i, text=t)
                                               for i, t in enumerate(paragraphs, start=1)),
                              headings=(), source=Source(path=path.name, format="text"))
            if baseline:
                pairs = regex_quotes(paragraphs)
            else:
                pairs = [(q.text, q.speaker) for q in find_quotes(article)]
            for start, speaker, _ in case["quotes"]:
                want = quote_start(start)
                got = next((who for words, who in pairs if plain(words).startswith(want)), None)
                if found_count is not None and any(plain(w).startswith(want) for w, _ in pairs):
                    found_count[0] += 1
                one = judge_speaker(speaker, got)
                total.add(one)
                if not one.right:
                    misses.append(f"{path.name}:{case['id']}: expected {speaker!r}, got {got!r}")
    return total, misses


# --- the 20-line regex baseline ----------------------------------------------------------------
# What the issue measured us against: a quotation, then a capitalised name right next to `said`
# (`“…,” Smith said`, `“…,” said Jane Smith`), or before it (`Jane Smith said: “…”`).

_RX_QUOTE = re.compile(r"[\u201c\"\u2018](?P<q>[^\u201d\"]{8,}?)[\u201d\"\u2019]")
_RX_NAME = r"(?P<n>(?:[A-Z][\w.\u2019'-]+\s){0,3}[A-Z][\w\u2019'-]+)"
_RX_SAID = r"(?:said|says|told|added|wrote)"
_RX_AFTER = (re.compile(r"\s*,?\s*" + _RX_SAID + r"\s+" + _RX_NAME),
             re.compile(r"\s*,?\s*" + _RX_NAME + r"\s+" + _RX_SAID + r"\b"))
_RX_BEFORE = re.compile(_RX_NAME + r"\s+" + _RX_SAID + r"[,:]?\s*$")


def regex_quotes(paragraphs: Sequence[str]) -> list[tuple[str, str | None]]:
    """Return (quoted words, speaker or None) as the 20-line regex baseline reads them."""
    out: list[tuple[str, str | None]] = []
    full: dict[str, str] = {}  # a surname → the last `First Last` written with it
    for text in paragraphs:
        for m in _RX_QUOTE.finditer(text):
            after = text[m.end():m.end() + 80]
            hit = next((h for rx in _RX_AFTER if (h := rx.match(after))), None)
            hit = hit or _RX_BEFORE.search(text[max(0, m.start() - 80):m.start()])
            name = hit.group("n") if hit else None
            out.append((m.group("q").strip(), full.get(name, name) if name else None))
        full.update((p[-1], " ".join(p)) for p in (n.split() for n in
                    re.findall(r"[A-Z][a-z]+ [A-Z][a-z]+", text)))
    return out


SYSTEMS = ("ours", "LEAD-3", "LexRank")
SUMMARY_SYSTEMS = ("summary", "LEAD-90")
"""The summary paragraph against the same gold points, beside the lead cut at its length."""


def rouge_table(results: Sequence[Result], systems: Sequence[str] = SYSTEMS) -> list[str]:
    """Return the ROUGE table: development articles and their mean, then held-out ones apart.

    Held-out articles were never used to tune the ranking, so their mean is the honest estimate
    of how the key points do on articles nobody has seen.
    """
    lines = ["| article | " + " | ".join(f"{s} R1/R2/RL" for s in systems) + " |",
             "|---" * (len(systems) + 1) + "|"]
    for held_out, label in ((False, "**dev mean**"), (True, "**held-out mean**")):
        scored = [r for r in results if r.rouge and r.held_out == held_out]
        for r in scored:
            cells = ["/".join(f"{r.rouge[s][m].f1:.3f}" for m in ("R1", "R2", "RL"))
                     for s in systems]
            tag = " (held out)" if held_out else ""
            lines.append(f"| {r.name}{tag} | " + " | ".join(cells) + " |")
        if scored:
            cells = ["/".join(f"{statistics.mean(r.rouge[s][m].f1 for r in scored):.3f}"
                              for m in ("R1", "R2", "RL")) for s in systems]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


DATE_CASES = REPO / "tests" / "dates"


@dataclass(frozen=True, slots=True)
class DateCase:
    """One line of the date cases: a sentence, its article's date and the dates expected."""

    kind: str
    """The error class the case stands for (`month-day`, `weekday`, `no-date`, ...)."""
    date: str | None
    """The article's date, ISO, or None for an article without one."""
    expected: frozenset[str]
    """Every date the timeline should give the sentence; empty for `no date`."""
    sentence: str
    where: str
    """`file.tsv:line`, to name the case in a list of misses."""


def read_date_cases(source: Path = DATE_CASES) -> list[DateCase]:
    """Return the date cases of `source`: every `*.tsv` of a folder, or one file."""
    found = []
    for path in sorted(source.glob("*.tsv")) if source.is_dir() else [source]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, date, expected, sentence = line.split("\t")
            found.append(DateCase(kind, None if date == "-" else date,
                                  frozenset() if expected == "no date"
                                  else frozenset(expected.split()),
                                  sentence, f"{path.name}:{n}"))
    return found


def score_date_cases(source: Path = DATE_CASES,
                     misses: list[str] | None = None) -> dict[str, Tally]:
    """Return the timeline's tallies on the date cases of `source` (a folder or one file), per
    class and `all`: each distinct date found in a case is one item found, each expected date
    one gold item. `misses`, when given, receives a line for each case not exactly right."""
    from exporter.analysis.timeline import find_events
    tallies: dict[str, Tally] = {"all": Tally()}
    for case in read_date_cases(source):
        article = Article(title="", title_inferred=False, meta=Meta(date=case.date), authors=(),
                          paragraphs=(Paragraph(n=1, text=case.sentence),), headings=(),
                          source=Source(path="case.txt", format="text"))
        found = {e.date for e in find_events(article)}
        right = len(found & case.expected)
        tally = Tally(found=len(found), correct=right, gold=len(case.expected), recalled=right)
        tallies.setdefault(case.kind, Tally()).add(tally)
        tallies["all"].add(tally)
        if misses is not None and found != case.expected:
            misses.append(f"{case.where}: {case.kind}: expected "
                          f"{' '.join(sorted(case.expected)) or 'no date'}, got "
                          f"{' '.join(sorted(found)) or 'no date'}: {case.sentence}")
    return tallies


def timeline_table(results: Sequence[Result], dated: dict[str, Tally]) -> list[str]:
    """Return the timeline's own table: articles (development, held out) and date cases."""
    lines = ["| timeline on | precision | recall | items |", "|---|---|---|---|"]
    for held_out, label in ((False, "development articles"), (True, "held-out articles")):
        total = Tally()
        for r in results:
            if r.held_out == held_out:
                total.add(r.tallies.get("timeline", Tally()))
        if total.found or total.gold:
            lines.append(f"| {label} | {_pct(total.precision)} | {_pct(total.recall)} | "
                         f"{total.gold} |")
    for kind, tally in sorted(dated.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        name = "**date cases**" if kind == "all" else f"date cases: {kind}"
        lines.append(f"| {name} | {_pct(tally.precision)} | {_pct(tally.recall)} | "
                     f"{tally.gold} |")
    return lines


def report_date_cases(source: Path, show_misses: bool = False, as_json: bool = False) -> int:
    """Print the timeline's summary on the date cases of `source` (a file or a folder): the
    number of cases per class, then precision and recall overall and per class; the cases not
    exactly right only when `show_misses`, so a held-out set can be scored without being read."""
    misses: list[str] = []
    dated = score_date_cases(source, misses)
    counts = Counter(case.kind for case in read_date_cases(source))
    if as_json:
        print(json.dumps({"cases": dict(sorted(counts.items())),
                          "date_cases": {k: dataclasses.asdict(t) for k, t in dated.items()},
                          **({"misses": misses} if show_misses else {})}, indent=1))
        return 0
    print(f"date cases: {sum(counts.values())} in {source.name} ("
          + ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items())) + ")")
    print("\n".join(timeline_table([], dated)))
    if show_misses:
        print("\n".join(f"- {m}" for m in misses))
    return 0


def to_json(results: Sequence[Result]) -> list[dict[str, Any]]:
    """Return the results as plain data."""
    return [{"name": r.name, "held_out": r.held_out, "ms": round(r.ms, 2), "notes": r.notes,
             "speakers": dataclasses.asdict(r.speakers), "actor_duplicates": r.duplicates,
             "tallies": {k: dataclasses.asdict(t) for k, t in r.tallies.items()},
             "rouge": {s: {m: dataclasses.asdict(v) for m, v in ms.items()}
                       for s, ms in r.rouge.items()}} for r in results]


def main(argv: Sequence[str] | None = None) -> int:
    """Score every case and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="score only cases whose name contains this")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--cases", nargs="?", const=str(CASES), metavar="DIR",
                        help="score attribution cases (a folder of case files, or one file) "
                             "instead (default: the test cases under "
                             "tests/analysis/cases/attribution)")
    parser.add_argument("--baseline", action="store_true",
                        help="with --cases: score the 20-line regex baseline too")
    parser.add_argument("--real-pages", nargs="?", const="", metavar="FILE",
                        help="score the hand-annotated quotations of real news pages instead "
                             "(default: bench/data/attribution-holdout/realpages.yaml)")
    parser.add_argument("--date-cases", metavar="FILE_OR_DIR",
                        help="score only the timeline on the date cases of this file or folder "
                             "(e.g. a held-out set under bench/data/dates-holdout)")
    parser.add_argument("--misses", action="store_true",
                        help="with --date-cases: list every case not exactly right (never on "
                             "a held-out set before its first score is written down)")
    args = parser.parse_args(argv)
    if args.date_cases:
        return report_date_cases(Path(args.date_cases), args.misses, args.json)
    if args.real_pages is not None:
        from bench import real_pages
        if not (real_pages.CORPUS / "html").is_dir():
            print(f"real pages: skipped, no corpus at {real_pages.CORPUS.resolve()}")
            return 0
        print(real_pages.report(real_pages.score_real_pages(
            Path(args.real_pages) if args.real_pages else real_pages.REAL_PAGES)))
        return 0
    if args.cases:
        found = [0]
        total, misses = score_attribution_cases(Path(args.cases), found)
        print(f"attribution cases: {total.total} quotations, found {found[0]}, speaker "
              f"right/wrong/none {total.shares()} ({total.right}/{total.wrong}/{total.none})")
        if args.baseline:
            regex, _ = score_attribution_cases(Path(args.cases), baseline=True)
            print(f"20-line regex baseline: speaker right/wrong/none {regex.shares()} "
                  f"({regex.right}/{regex.wrong}/{regex.none})")
        print("\n".join(f"- {m}" for m in misses))
        return 0
    results = [run_case(c) for c in cases(args.only)]
    dated = score_date_cases()
    if args.json:
        print(json.dumps({"articles": to_json(results),
                          "date_cases": {k: dataclasses.asdict(t) for k, t in dated.items()}},
                         indent=1))
    else:
        print(report(results))
        print()
        print("\n".join(timeline_table(results, dated)))
    return 0


__all__ = ["Case", "DateCase", "Result", "Speakers", "Tally", "actor_duplicates", "cases",
           "judge_speaker", "read_date_cases", "report", "report_date_cases", "rouge_table",
           "rouge_tokens", "run_case", "score_attribution_cases", "score_date_cases",
           "speaker_table", "token_f1"]

if __name__ == "__main__":
    sys.exit(main())
