"""Write what retrieval hands the answerer for every ALQAC question, for answer_dump_bench.

    .venv/bin/python bench/dump_passages.py      # -> data/bench/passages-<question file>

Reuses (or builds) the ALQAC index `eval` keeps in data/eval/.
"""

from __future__ import annotations

import json

from common import ALQAC, REPO, alqac_settings

from assistant.evaluation import load_questions
from assistant.live_index import IndexService
from assistant.pipeline import build_assistant

DUMP_DIR = REPO / "data" / "bench"
QUESTION_FILES = ("questions.jsonl", "questions-unaccented.jsonl")


def main() -> None:
    settings = alqac_settings()
    service = IndexService(settings)
    service.sync()
    assistant = build_assistant(settings, service)
    DUMP_DIR.mkdir(parents=True, exist_ok=True)
    for name in QUESTION_FILES:
        target = DUMP_DIR / f"passages-{name}"
        with open(target, "w", encoding="utf-8") as out:
            for question in load_questions(ALQAC / name):
                result = assistant.search(question.question)
                row = {
                    "id": question.id, "question": question.question,
                    "restored_query": result.restored_query, "sources": list(question.sources),
                    "answer_contains": list(question.answer_contains),
                    "passages": [
                        {"chunk_id": p.chunk_id, "source": p.source, "text": p.text,
                         "start": p.start, "end": p.end, "score": p.score, "heading": p.heading,
                         "dense_score": p.dense_score, "keyword_score": p.keyword_score,
                         "metadata": p.metadata.to_dict()}
                        for p in result.passages
                    ],
                }  # fmt: skip
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {target}")
    service.close()


if __name__ == "__main__":
    main()
