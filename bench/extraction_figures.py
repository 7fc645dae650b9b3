"""Figure extraction against the hand-checked gold of the police documents; prints figures.

Gold: tests/fixtures/extraction/figures.json, every figure of each annotated document
(rules: tests/fixtures/extraction/GUIDE-figures.md). An extracted figure matches a gold
one when the value is written the same and the nouns share their head (the first two
words, or the first when one noun has a single word) after normalisation; each gold
figure matches at most once. Place, period and comparison are scored on matched pairs.

    .venv/bin/python bench/extraction_figures.py [--show] [--speed]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.split import HALVES, Half, half_of_key  # noqa: E402
from index.extraction.figures import read_figures  # noqa: E402
from index.extraction.identity import read_identity  # noqa: E402
from index.extraction.records import Figure  # noqa: E402
from index.loaders import load_file  # noqa: E402
from index.metadata import prepare_document  # noqa: E402
from index.vietnamese import canonical  # noqa: E402

DOCUMENTS = REPO.parent / "shared" / "bench" / "police-dev" / "documents"
GOLD = REPO / "tests" / "fixtures" / "extraction" / "figures.json"
ALQAC_DOCUMENTS = REPO.parent / "shared" / "bench" / "alqac2022" / "documents"
_HEAD_WORDS = 2


def noun_head(noun: str) -> tuple[str, ...]:
    """The first words of a noun in canonical form ("%" counts as a word)."""
    return tuple(re.findall(r"[^\W\d_]+|%", canonical(noun)))[:_HEAD_WORDS]


def nouns_match(gold: str, extracted: str) -> bool:
    """Same head: "người bị thương" ~ "người"; "hộ nghèo" !~ "hộ cận nghèo"."""
    a, b = noun_head(gold), noun_head(extracted)
    k = min(len(a), len(b))
    return k > 0 and a[:k] == b[:k]


def _same(gold: str | None, extracted: str | None) -> bool:
    def norm(value: str | None) -> str:
        return " ".join(canonical(value or "").split())

    return norm(gold) == norm(extracted)


def _figures_of(source: str) -> tuple[Figure, ...]:
    document = prepare_document(load_file(DOCUMENTS / source, source))
    identity = read_identity(document.text, document.metadata, document.file_type)
    return read_figures(document.text, identity)


def _match(gold: list[dict[str, Any]], found: tuple[Figure, ...]) -> list[tuple[int, int]]:
    """(gold index, found index) pairs, each used once, in reading order."""
    used: set[int] = set()
    pairs = []
    for j, figure in enumerate(found):
        for i, item in enumerate(gold):
            if i in used or item["value_text"] != figure.value_text:
                continue
            if nouns_match(item["noun"], figure.noun):
                used.add(i)
                pairs.append((i, j))
                break
    return pairs


def _score_document(
    gold: list[dict[str, Any]], found: tuple[Figure, ...], counts: dict[str, int]
) -> list[str]:
    """Adds one document's counts; returns its misses and false alarms for --show."""
    pairs = _match(gold, found)
    counts["gold"] += len(gold)
    counts["found"] += len(found)
    counts["matched"] += len(pairs)
    for i, j in pairs:
        item, figure = gold[i], found[j]
        counts["value_ok"] += item["value"] == figure.value and item.get("total") == figure.total
        for name in ("place", "period", "comparison"):
            counts[f"{name}_ok"] += _same(item.get(name), getattr(figure, name))
    matched_gold = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    lines = [
        f"  miss  {g['value_text']!r} {g['noun']!r}"
        for i, g in enumerate(gold)
        if i not in matched_gold
    ]
    lines += [
        f"  extra {f.value_text!r} {f.noun!r}"
        for j, f in enumerate(found)
        if j not in matched_found
    ]
    return lines


def figure_scores(half: Half, show: bool = False) -> dict[str, float]:
    """Precision, recall and attribute agreement of figure extraction on one half."""
    gold_by_document: dict[str, list[dict[str, Any]]] = json.loads(GOLD.read_text())
    counts = dict.fromkeys(
        (
            "documents",
            "gold",
            "found",
            "matched",
            "value_ok",
            "place_ok",
            "period_ok",
            "comparison_ok",
        ),
        0,
    )
    for source, gold in sorted(gold_by_document.items()):
        if half_of_key(source) != half:
            continue
        counts["documents"] += 1
        lines = _score_document(gold, _figures_of(source), counts)
        if show and lines:
            print(source, *lines, sep="\n")
    matched = counts["matched"] or 1
    return {
        **counts,
        "precision": counts["matched"] / counts["found"] if counts["found"] else 0.0,
        "recall": counts["matched"] / counts["gold"] if counts["gold"] else 0.0,
        **{
            f"{name}_agreement": counts[f"{name}_ok"] / matched
            for name in ("value", "place", "period", "comparison")
        },
    }


def speed_on_law_articles() -> tuple[int, float]:
    """(articles, seconds) to read the figures of every ALQAC law article."""
    paths = sorted(ALQAC_DOCUMENTS.rglob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    started = time.perf_counter()
    for text in texts:
        read_figures(text)
    return len(texts), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--speed", action="store_true", help="also time the ALQAC law articles")
    args = parser.parse_args()
    columns = "half docs gold found matched precision recall value place period comparison"
    print("| " + " | ".join(columns.split()) + " |")
    print("|---" * len(columns.split()) + "|")
    for half in HALVES:
        s = figure_scores(half, show=args.show)
        print(
            f"| {half} | {s['documents']} | {s['gold']} | {s['found']} | {s['matched']} "
            f"| {s['precision']:.3f} | {s['recall']:.3f} | {s['value_agreement']:.3f} "
            f"| {s['place_agreement']:.3f} | {s['period_agreement']:.3f} "
            f"| {s['comparison_agreement']:.3f} |"
        )
    if args.speed:
        articles, seconds = speed_on_law_articles()
        each = 1000 * seconds / max(articles, 1)
        print(f"ALQAC: {articles} articles in {seconds:.2f} s ({each:.2f} ms each)")


if __name__ == "__main__":
    main()
