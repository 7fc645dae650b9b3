"""Choose the learned-probability threshold below which the answerer refuses.

    .venv/bin/python bench/calibrate_refusal.py [--corpora seeds police-dev alqac] [--write]

Runs every corpus's FIT half with no threshold, records the learned probability
(`Answer.confidence`) of the clause each answer rests on, and picks the threshold that
maximises the mean over corpora of fit-half accuracy (an answerable question right when
answered correctly above the threshold; an unanswerable one right when refused or below
it). With `--write` it stores the threshold in `assistant/extractive/clause_weights.json`
as `min_confidence`, with how it was chosen. It then prints both halves at that threshold,
so the check half is measured, never used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from answer_types_bench import CORPORA, run_corpus  # noqa: E402

from assistant.evaluation import (  # noqa: E402
    QuestionOutcome,
    is_correct,
)
from assistant.extractive.answerer import ExtractiveAnswerer  # noqa: E402
from assistant.pipeline import Assistant  # noqa: E402
from assistant.split import half_of  # noqa: E402

WEIGHTS = REPO / "assistant" / "extractive" / "clause_weights.json"


def outcomes(name: str) -> list[QuestionOutcome]:
    """Every question of a corpus answered with no refusal threshold."""

    def no_threshold(assistant: Assistant) -> None:
        assert isinstance(assistant.answerer, ExtractiveAnswerer)
        assistant.answerer.min_confidence = 0.0

    return run_corpus(*CORPORA[name], prepare=no_threshold)


def accuracy(found: list[QuestionOutcome], threshold: float) -> float:
    """Answer and refusal accuracy together, with answers below the threshold refused."""
    right = 0
    for outcome in found:
        answer = outcome.answer
        assert answer is not None
        refused = answer.refused or (answer.confidence or 1.0) < threshold
        if outcome.question.answerable:
            right += not refused and is_correct(outcome.question, answer)
        else:
            right += refused
    return right / len(found) if found else 0.0


def half(found: list[QuestionOutcome], which: str) -> list[QuestionOutcome]:
    return [o for o in found if half_of(o.question.id, o.question.sources) == which]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpora", nargs="+", choices=sorted(CORPORA), default=list(CORPORA))
    parser.add_argument("--write", action="store_true", help="store the chosen threshold")
    args = parser.parse_args()
    found = {name: outcomes(name) for name in args.corpora}
    fit = {name: half(rows, "fit") for name, rows in found.items()}
    seen = [o.answer.confidence for rows in fit.values() for o in rows if o.answer]
    levels = sorted({0.0} | {c for c in seen if c is not None})

    def mean_fit(threshold: float) -> float:
        return sum(accuracy(rows, threshold) for rows in fit.values()) / len(fit)

    # Highest fit accuracy; among equals the lowest threshold (refuse no more than needed).
    best = max(levels, key=lambda t: (round(mean_fit(t), 6), -t))
    print(f"threshold {best:.4f}: fit-half mean accuracy {mean_fit(best):.4f}", end="")
    print(f" (no threshold: {mean_fit(0.0):.4f})")
    for name, rows in found.items():
        for which in ("fit", "check"):
            chosen = half(rows, which)
            none, at = accuracy(chosen, 0.0), accuracy(chosen, best)
            print(f"  {name:<10} {which:<5} {len(chosen):>3} questions", end="")
            print(f"  accuracy without {none:.4f}  with the threshold {at:.4f}")
    if args.write:
        data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        data["min_confidence"] = round(best, 4)
        data.setdefault("provenance", {})["refusal_calibration"] = (
            "bench/calibrate_refusal.py: the threshold maximising the mean fit-half accuracy "
            f"over {', '.join(sorted(found))} (answers and refusals together)"
        )
        WEIGHTS.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote min_confidence {best:.4f} to {WEIGHTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
