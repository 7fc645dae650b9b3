"""Answer accuracy by the question type the answerer detects, per corpus and per half.

    .venv/bin/python bench/answer_types_bench.py [--corpora seeds police-dev alqac] [--half check]

For each corpus (the seeds with `dev.jsonl`, `police-dev`, ALQAC 2022) it runs the same
evaluation as `policy-assistant eval` (one kept index per documents folder under data/eval,
reused) and prints, for the fit and the check half of the one split `assistant.split`
declares, accuracy per detected type and the headline metrics. Rules and weights are
developed on the fit half; the check half is the figure to quote.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.commands import sync_index  # noqa: E402
from assistant.evaluation import (  # noqa: E402
    QuestionOutcome,
    answer_metrics,
    eval_data_dir,
    is_correct,
    load_questions,
    run_questions,
)
from assistant.live_index import IndexService  # noqa: E402
from assistant.pipeline import Assistant, build_assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.split import HALVES, half_of  # noqa: E402

SHARED = REPO.parent / "shared"
CORPORA = {
    "seeds": (REPO / "documents", SHARED / "eval" / "dev.jsonl"),
    "police-dev": (
        SHARED / "bench/police-dev/documents",
        SHARED / "bench/police-dev/questions.jsonl",
    ),
    # Questions written afresh on the fit half's documents (bench/police-fit-extra/README.md).
    "police-fit-extra": (
        SHARED / "bench/police-dev/documents",
        REPO / "bench/police-fit-extra/questions.jsonl",
    ),
    "alqac": (SHARED / "bench/alqac2022/documents", SHARED / "bench/alqac2022/questions.jsonl"),
}


def run_corpus(
    documents: Path,
    questions_file: Path,
    prepare: Callable[[Assistant], None] | None = None,
) -> list[QuestionOutcome]:
    """Every question of a set answered as `eval` answers it (`prepare` may adjust the
    assistant first, e.g. lift the answerer's refusal threshold)."""
    settings = Settings().with_overrides(
        documents={"documents_dir": documents},
        index={"data_dir": eval_data_dir(documents, REPO / "data")},
    )
    service = IndexService(settings)
    sync_index(service, quiet=True)
    assistant = build_assistant(settings, service)
    if prepare is not None:
        prepare(assistant)
    questions = load_questions(questions_file)
    return run_questions(assistant, questions, True, settings.retrieval.top_k)


def report(name: str, outcomes: list[QuestionOutcome], halves: tuple[str, ...]) -> None:
    for half in halves:
        chosen = [o for o in outcomes if half_of(o.question.id, o.question.sources) == half]
        if not chosen:
            continue
        by_type: dict[str, list[bool]] = defaultdict(list)
        for o in chosen:
            if o.answer is not None:
                by_type[o.answer.question_type or "?"].append(is_correct(o.question, o.answer))
        metrics = answer_metrics(chosen)
        keys = ("answer_accuracy", "answer_accuracy_first", "refusal_accuracy")
        headline = "  ".join(f"{k} {metrics[k]}" for k in keys)
        print(f"{name} {half} ({len(chosen)} questions): {headline}")
        print(f"    false_refusal_rate {metrics['false_refusal_rate']}", end="")
        print(f"  answer_chars_mean {metrics['answer_chars_mean']}")
        for kind, marks in sorted(by_type.items()):
            print(f"    {kind:<12} {sum(marks):>4}/{len(marks):<4} {sum(marks) / len(marks):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", choices=sorted(CORPORA), default=list(CORPORA))
    parser.add_argument("--half", choices=HALVES, action="append", help="default: both")
    args = parser.parse_args()
    halves = tuple(args.half or HALVES)
    for name in args.corpora:
        documents, questions = CORPORA[name]
        report(name, run_corpus(documents, questions), halves)


if __name__ == "__main__":
    main()
