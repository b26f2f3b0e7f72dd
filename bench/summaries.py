"""Score the article summary against summaries people wrote for real news pages, with ROUGE.

`bench/data/summaries-holdout/` holds, for English news pages of
`../shared/corpus/article-extraction-benchmark/`, a summary of each written as an analyst would
(two to four sentences, from the benchmark's human-extracted body, without seeing ours; see the
README there). Each page is read as a user reads it (`exporter.load` on the HTML: what the reader
keeps or drops is part of the measurement) and analysed; its `summary` is scored with ROUGE-1,
ROUGE-2 and ROUGE-L F1 (`bench/rouge.py`) beside three baselines:

- `LEAD-3`: the first three sentences of the body as we read it;
- `LEAD-90`: the body's first sentences within the summary's 90 words, taken blindly;
- `LEAD-3 gold`: the first three sentences of the benchmark's human-extracted body, i.e. what a
  lead would score were the page read perfectly.

    python bench/summaries.py [--gold FILE] [--pages]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.real_pages import CORPUS, unpack  # noqa: E402
from bench.rouge import Score, rouge_l, rouge_n  # noqa: E402

DATA = REPO / "bench" / "data" / "summaries-holdout"
SYSTEMS = ("summary", "LEAD-90", "LEAD-3", "LEAD-3 gold")
MEASURES = ("R1", "R2", "RL")


def rouge(candidate: Sequence[str], reference: Sequence[str]) -> dict[str, Score]:
    """Return ROUGE-1, -2 and -L of `candidate` sentences against `reference` sentences."""
    return {"R1": rouge_n(candidate, reference, 1), "R2": rouge_n(candidate, reference, 2),
            "RL": rouge_l(candidate, reference)}


def sentences_of(text: str) -> list[str]:
    """Return the sentences of a plain text (a reference summary, a body), by our splitter."""
    from exporter.analysis.sentences import split_sentences

    return [text[a:b] for paragraph in text.split("\n") if paragraph.strip()
            for a, b in split_sentences(paragraph)]


def score_page(page: dict[str, str], html: Path, body: str) -> dict[str, dict[str, Score]]:
    """Return each system's ROUGE on one page."""
    import exporter
    from bench.quality import analyse, lead3, lead_words

    article = exporter.load(html, display=html.name)
    briefing = analyse(article)
    reference = sentences_of(page["summary"])
    return {
        "summary": rouge(sentences_of(briefing.summary), reference),
        "LEAD-90": rouge(lead_words(article, 90), reference),
        "LEAD-3": rouge(lead3(article), reference),
        "LEAD-3 gold": rouge(sentences_of(body)[:3], reference),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DATA / "dev.yaml"),
                        help="a summaries file (default: the dev set)")
    parser.add_argument("--pages", action="store_true", help="print each page's ROUGE too")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: no corpus at {CORPUS.resolve()}")
        return 0
    import yaml

    pages = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    results: dict[str, dict[str, dict[str, Score]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            html = unpack(page["id"], Path(tmp))
            results[page["id"]] = score_page(page, html, truth[page["id"]]["articleBody"])
    means = {s: {m: statistics.mean(r[s][m].f1 for r in results.values()) for m in MEASURES}
             for s in SYSTEMS}
    if args.json:
        print(json.dumps({"pages": len(results), "mean_f1": means}, indent=1))
        return 0
    print(f"summaries of {len(results)} pages of {Path(args.gold).name}: ROUGE F1 R1/R2/RL")
    if args.pages:
        print("| page | " + " | ".join(SYSTEMS) + " |")
        print("|---" * (len(SYSTEMS) + 1) + "|")
        for page_id, r in results.items():
            print(f"| {page_id[:8]} | " + " | ".join(
                "/".join(f"{r[s][m].f1:.2f}" for m in MEASURES) for s in SYSTEMS) + " |")
    for system in SYSTEMS:
        print(f"{system:12} " + " / ".join(f"{means[system][m]:.3f}" for m in MEASURES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
