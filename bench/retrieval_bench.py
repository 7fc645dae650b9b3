"""Retrieval quality and latency on ALQAC 2022, fusion methods side by side.

    .venv/bin/python bench/retrieval_bench.py

Reuses (or builds, ~8 min the first time) the ALQAC index `eval` keeps in data/eval/.
Prints recall@1, recall@5, mrr@10 and warm latency for accented and unaccented questions.
"""

from __future__ import annotations

from common import ALQAC, alqac_settings, percentiles

from assistant.evaluation import load_questions, retrieval_metrics, run_questions
from assistant.live_index import IndexService
from assistant.pipeline import build_assistant

# Every variant runs the dense side on every question (no skipping) except "default".
ALWAYS_DENSE = {"dense_skip_margin": 0.0}
VARIANTS: dict[str, dict[str, object]] = {
    "keyword only (BM25)": {"dense_weight": 0.0},
    "dense only (e5-small)": {"dense_weight": 1.0, **ALWAYS_DENSE},
    "RRF 0.5/0.5": {"fusion": "rrf", "dense_weight": 0.5, **ALWAYS_DENSE},
    "weighted 0.5/0.5": {"fusion": "weighted", "dense_weight": 0.5, **ALWAYS_DENSE},
    "weighted 0.3/0.7": {"fusion": "weighted", "dense_weight": 0.3, **ALWAYS_DENSE},
    "weighted 0.3/0.7, no restoration": {
        "dense_weight": 0.3,
        "restore_diacritics": False,
        **ALWAYS_DENSE,
    },
    "default (settings)": {},
}


def main() -> None:
    base = alqac_settings()
    service = IndexService(base)
    report = service.sync()
    print(f"index: {len(service.snapshot())} chunks, {report.chunks_indexed} newly embedded")
    columns = ("r@1", "r@5", "mrr@10", "p50 ms", "p95 ms")
    print(f"{'questions':<11} {'variant':<34} " + " ".join(f"{c:>7}" for c in columns))
    for name in ("questions.jsonl", "questions-unaccented.jsonl"):
        questions = load_questions(ALQAC / name)
        for variant, retrieval in VARIANTS.items():
            settings = base.with_overrides(retrieval=retrieval)
            assistant = build_assistant(settings, service)
            assistant.search(questions[0].question)  # warm
            # Cold query embeddings for every variant: latency as a new question sees it.
            service.embedder.clear_query_cache()  # type: ignore[attr-defined]
            outcomes = run_questions(assistant, questions, False, settings.retrieval.top_k)
            metrics = retrieval_metrics(outcomes)
            p50, p95 = percentiles([o.retrieval_ms for o in outcomes])
            label = "accented" if "unaccented" not in name else "unaccented"
            figures = (metrics["recall@1"], metrics["recall@5"], metrics["mrr@10"], p50, p95)
            print(f"{label:<11} {variant:<34} " + " ".join(f"{f:>7.3f}" for f in figures))
    service.close()


if __name__ == "__main__":
    main()
