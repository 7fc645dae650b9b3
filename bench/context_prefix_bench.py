"""Does prefixing a chunk's title, place and article heading help? Both ways on ALQAC.

    .venv/bin/python bench/context_prefix_bench.py

Builds a second ALQAC index without the prefix (embedding every chunk again: ~8 min the
first time; its vectors are cached beside the main index's) and compares retrieval.
"""

from __future__ import annotations

from common import ALQAC, ALQAC_DATA, REPO, alqac_settings

from assistant.evaluation import load_questions, retrieval_metrics, run_questions
from assistant.live_index import IndexService
from assistant.pipeline import build_assistant

VARIANTS = {"dense only": {"dense_weight": 1.0, "dense_skip_margin": 0.0}, "default": {}}


def main() -> None:
    questions = load_questions(ALQAC / "questions.jsonl")
    for prefix in (True, False):
        data_dir = ALQAC_DATA if prefix else REPO / "data" / "bench" / "alqac-no-prefix"
        base = alqac_settings(data_dir).with_overrides(
            index={"context_prefix": prefix, "embedding_cache_dir": ALQAC_DATA / "embeddings"}
        )
        service = IndexService(base)
        service.sync()
        for name, retrieval in VARIANTS.items():
            assistant = build_assistant(base.with_overrides(retrieval=retrieval), service)
            metrics = retrieval_metrics(run_questions(assistant, questions, False, 5))
            print(
                f"prefix {'on ' if prefix else 'off'}  {name:<11} r@1 {metrics['recall@1']:.3f}"
                f"  r@5 {metrics['recall@5']:.3f}  mrr@10 {metrics['mrr@10']:.3f}"
            )
        service.close()


if __name__ == "__main__":
    main()
