"""The extractive answerer on dumped production retrieval output; prints figures.

    .venv/bin/python bench/dump_passages.py    # once: what retrieval hands the answerer
    .venv/bin/python bench/answer_dump_bench.py [--dump FILE ...] [--failures N]
        [--half even|odd] [--save FILE] [--compare FILE] [--seeds]

A dump holds one JSON line per question: id, question, restored_query (the question with
its diacritics restored, for one typed without them: what the answerer receives), sources,
answer_contains and passages (the top-5 passages production hands the answerer, with
chunk_id, source, text, start, end, score, heading, dense_score, keyword_score, metadata).
No retrieval or embedding runs here: the loop is the answerer alone, so it takes seconds.

Questions are split by the parity of their position in the dump: develop on one half and
report both, so that a rule fitted to the questions seen shows as a gap between the halves.
`--save` writes each question's verdict, `--compare` prints the questions whose verdict
changed since a saved run. `--seeds` adds the seed report of `answer_picker_bench`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answers import Answer
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from bench.answer_picker_bench import contains_all, report_seeds
from index.records import DocumentMetadata

# Written by bench/dump_passages.py.
_DUMP_DIR = Path(__file__).resolve().parents[1] / "data" / "bench"
DUMPS = (
    _DUMP_DIR / "passages-questions.jsonl",
    _DUMP_DIR / "passages-questions-unaccented.jsonl",
)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def passages_of(item: dict) -> list[Passage]:
    return [
        Passage(
            chunk_id=p["chunk_id"],
            source=p["source"],
            text=p["text"],
            start=p["start"],
            end=p["end"],
            score=p["score"],
            metadata=DocumentMetadata.from_dict(p.get("metadata") or {}),
            heading=p.get("heading") or "",
            dense_score=p.get("dense_score"),
            keyword_score=p.get("keyword_score"),
        )
        for p in item["passages"]
    ]


def gold_rank(item: dict) -> int | None:
    """Rank (0-based) of the first passage from a gold source, None when none is retrieved."""
    for rank, passage in enumerate(item["passages"]):
        if passage["source"] in item["sources"]:
            return rank
    return None


def verdict(item: dict, answer: Answer) -> bool:
    return not answer.refused and contains_all(answer.answer, item["answer_contains"])


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else float("nan")


def report(label: str, results: list[tuple[dict, Answer]]) -> None:
    print(f"{label}:")
    for half, parity in (("even", 0), ("odd", 1), ("all", None)):
        part = [r for i, r in enumerate(results) if parity is None or i % 2 == parity]
        answered = [a for _, a in part if not a.refused]
        first_gold = [(q, a) for q, a in part if gold_rank(q) == 0]
        print(
            f"  {half:4s} n={len(part):3d}"
            f"  answer_accuracy={_share(verdict(q, a) for q, a in part):.3f}"
            f"  refused={_share(a.refused for _, a in part):.3f}"
            f"  mean_chars={statistics.mean(len(a.answer) for a in answered):.0f}"
            f"  gold@1: {_share(verdict(q, a) for q, a in first_gold):.3f}"
            f" (n={len(first_gold)})"
            f"  cites gold first={_share(_cites_gold(q, a) for q, a in part if not a.refused):.3f}"
        )


def _cites_gold(item: dict, answer: Answer) -> bool:
    return bool(answer.citations) and answer.citations[0].document in item["sources"]


def show_failures(results: list[tuple[dict, Answer]], limit: int, parity: int | None) -> None:
    shown = 0
    for i, (item, answer) in enumerate(results):
        if (parity is not None and i % 2 != parity) or verdict(item, answer) or shown >= limit:
            continue
        shown += 1
        cited = [c.document for c in answer.citations]
        print(f"- {item['id']} (gold rank {gold_rank(item)}, cites {cited}):")
        print(f"  Q: {item.get('restored_query') or item['question']}")
        print(f"  gold: {item['answer_contains']}")
        print(f"  got:  {answer.answer!r}")


def compare(results: dict[str, bool], path: Path) -> None:
    before = json.loads(path.read_text(encoding="utf-8"))
    for key in sorted(results):
        if key in before and before[key] != results[key]:
            print(f"  {'fixed' if results[key] else 'BROKE'}: {key}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, nargs="*", default=list(DUMPS))
    parser.add_argument("--failures", type=int, default=0, help="print this many failures")
    parser.add_argument("--half", choices=("even", "odd"), help="failures of this half only")
    parser.add_argument("--save", type=Path, help="write each question's verdict here")
    parser.add_argument("--compare", type=Path, help="print verdicts changed since this file")
    parser.add_argument("--seeds", action="store_true", help="also report the seed dev set")
    args = parser.parse_args()
    answerer = ExtractiveAnswerer()
    verdicts: dict[str, bool] = {}
    for path in args.dump:
        if not path.exists():
            print(f"{path}: no such dump (one JSON line per question, see this script's help)")
            continue
        items = load(path)
        results = [
            (
                item,
                answerer.build(item.get("restored_query") or item["question"], passages_of(item)),
            )
            for item in items
        ]
        report(path.name, results)
        verdicts |= {f"{path.stem}:{q['id']}": verdict(q, a) for q, a in results}
        parity = {"even": 0, "odd": 1}.get(args.half or "")
        show_failures(results, args.failures, parity)
    if args.compare:
        compare(verdicts, args.compare)
    if args.save:
        args.save.write_text(json.dumps(verdicts, indent=0), encoding="utf-8")
    if args.seeds:
        report_seeds(answerer, 0)


if __name__ == "__main__":
    main()
