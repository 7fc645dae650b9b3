"""How often the keyword side settles a question alone, and what skipping dense costs.

    .venv/bin/python bench/dense_skip_bench.py [--margins 0,1.1,1.15,1.2,1.3,1.5]

For each `dense_skip_margin`, on ALQAC (accented and unaccented) and the police-dev set:
recall@1 / mrr@10 and the share of questions whose query embedding is skipped. The index
`eval` keeps is read as it is (nothing is re-indexed); each question is embedded once and
its vector reused across margins, so the run measures quality, not latency.
"""

from __future__ import annotations

import argparse

from common import ALQAC, ALQAC_DOCUMENTS, REPO

from assistant.evaluation import eval_data_dir, load_questions, retrieval_metrics, run_questions
from assistant.live_index import IndexService
from assistant.pipeline import build_assistant
from assistant.settings import Settings

POLICE = REPO.parent / "shared" / "bench" / "police-dev"
SETS = {
    "alqac accented": (ALQAC_DOCUMENTS, ALQAC / "questions.jsonl"),
    "alqac unaccented": (ALQAC_DOCUMENTS, ALQAC / "questions-unaccented.jsonl"),
    "police-dev": (POLICE / "documents", POLICE / "questions.jsonl"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margins", default="0,1.1,1.15,1.2,1.3,1.5")
    margins = [float(m) for m in parser.parse_args().margins.split(",")]
    print(f"{'questions':<18} {'margin':>6} {'r@1':>6} {'mrr@10':>7} {'dense skipped':>14}")
    for label, (documents, questions_file) in SETS.items():
        base = Settings().with_overrides(
            documents={"documents_dir": documents},
            index={"data_dir": eval_data_dir(documents, REPO / "data")},
        )
        service = IndexService(base)
        questions = [q for q in load_questions(questions_file) if q.answerable]
        for margin in margins:
            settings = base.with_overrides(retrieval={"dense_skip_margin": margin})
            assistant = build_assistant(settings, service)
            outcomes = run_questions(assistant, questions, False, settings.retrieval.top_k)
            metrics = retrieval_metrics(outcomes)
            skipped = sum(
                1 for q in questions if "embed" not in assistant.search(q.question).timings_ms
            )
            print(f"{label:<18} {margin:>6.2f} {metrics['recall@1']:>6.3f} "
                  f"{metrics['mrr@10']:>7.3f} {skipped / len(questions):>14.2f}")  # fmt: skip
        service.close()


if __name__ == "__main__":
    main()
