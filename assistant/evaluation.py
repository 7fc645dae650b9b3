"""The evaluation command's core: run a question set against an index and score it.

Question-set format (JSON Lines) as in the shared README: id, question, answerable,
sources (document file names), answer_contains (strings a correct answer holds).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from assistant.answers import Answer
from assistant.citations import MARKER_RE
from assistant.pipeline import Assistant
from assistant.retrieval import SearchResult
from assistant.split import half_of
from index.vietnamese import NUMBER_RE, nfc


def eval_data_dir(documents: Path, data_root: Path) -> Path:
    """The index folder `eval` uses for a documents folder unless told otherwise: one per
    folder, kept and reused (incrementally) across runs."""
    resolved = documents.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    return data_root / "eval" / f"{resolved.name}-{digest}"


class QuestionSetError(ValueError):
    """The question file is missing or not in the expected format."""


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    answerable: bool
    sources: tuple[str, ...] = ()
    answer_contains: tuple[str, ...] = ()


@dataclass
class QuestionOutcome:
    question: EvalQuestion
    rank: int | None  # of the first distinct document among the sources, from 1
    retrieval_ms: float
    answer: Answer | None = None
    answer_ms: float = 0.0
    documents: list[str] = field(default_factory=list)


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a question set, failing with the line number on the first malformed line."""
    if not path.is_file():
        raise QuestionSetError(f"question file not found: {path}")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            questions.append(
                EvalQuestion(
                    id=str(raw.get("id", number)),
                    question=str(raw["question"]),
                    answerable=bool(raw.get("answerable", True)),
                    sources=tuple(raw.get("sources") or ()),
                    answer_contains=tuple(raw.get("answer_contains") or ()),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise QuestionSetError(f"{path}:{number}: not a question line ({error})") from None
    if not questions:
        raise QuestionSetError(f"{path}: no questions")
    return questions


def distinct_documents(result: SearchResult, limit: int = 10) -> list[str]:
    return list(dict.fromkeys(p.source for p in result.passages))[:limit]


def document_rank(documents: list[str], sources: tuple[str, ...]) -> int | None:
    return next((i for i, doc in enumerate(documents, start=1) if doc in sources), None)


def run_questions(
    assistant: Assistant, questions: list[EvalQuestion], with_answers: bool, answer_top_k: int
) -> list[QuestionOutcome]:
    """Search every question (20 passages, enough for 10 distinct documents) and, if asked,
    answer it from the first `answer_top_k` passages, as `Assistant.ask` would."""
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        result = assistant.search(question.question, top_k=max(20, answer_top_k))
        retrieval_ms = (time.perf_counter() - started) * 1000
        documents = distinct_documents(result)
        outcome = QuestionOutcome(
            question, document_rank(documents, question.sources), retrieval_ms, documents=documents
        )
        if with_answers:
            shown = replace(result, passages=result.passages[:answer_top_k])
            shown = assistant.with_each_part(question.question, shown, top_k=answer_top_k)
            for event in assistant.respond(question.question, shown, started=started):
                if isinstance(event, Answer):
                    outcome.answer = event
            outcome.answer_ms = (time.perf_counter() - started) * 1000
        outcomes.append(outcome)
    return outcomes


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0}
    return {
        "p50": round(float(np.percentile(values, 50)), 2),
        "p95": round(float(np.percentile(values, 95)), 2),
    }


def retrieval_metrics(outcomes: list[QuestionOutcome]) -> dict[str, object]:
    """recall@1, recall@5 and mrr@10 over answerable questions; latency over all."""
    ranked = [o.rank for o in outcomes if o.question.answerable and o.question.sources]
    count = len(ranked) or 1
    return {
        "questions": len(outcomes),
        "answerable": len(ranked),
        "recall@1": round(sum(1 for r in ranked if r == 1) / count, 4),
        "recall@5": round(sum(1 for r in ranked if r and r <= 5) / count, 4),
        "mrr@10": round(sum(1 / r for r in ranked if r and r <= 10) / count, 4),
        "latency_ms": _percentiles([o.retrieval_ms for o in outcomes]),
    }


def contains_all(answer: str, expected: tuple[str, ...]) -> bool:
    text = nfc(answer).casefold()
    return all(nfc(e).casefold() in text for e in expected)


def is_correct(question: EvalQuestion, answer: Answer) -> bool:
    """An answerable question answered (not refused) with every gold string in the answer
    text; an unanswerable one refused."""
    if not question.answerable:
        return answer.refused
    return not answer.refused and contains_all(answer.answer, question.answer_contains)


def is_correct_first(question: EvalQuestion, answer: Answer) -> bool:
    """Every gold string inside the first cited sentence: an answer cannot earn this by
    quoting a lot."""
    if not question.answerable:
        return answer.refused
    return (
        not answer.refused
        and bool(answer.citations)
        and contains_all(answer.citations[0].quote, question.answer_contains)
    )


def outcome_row(outcome: QuestionOutcome) -> dict[str, object]:
    """One line of `eval --details`: what was asked, which half it falls in, what the
    answerer read it as, and whether the answer (or refusal) was right."""
    question, answer = outcome.question, outcome.answer
    row: dict[str, object] = {
        "id": question.id,
        "half": half_of(question.id, question.sources),
        "question": question.question,
        "answerable": question.answerable,
        "sources": list(question.sources),
        "rank": outcome.rank,
        "documents": outcome.documents[:5],
        "retrieval_ms": round(outcome.retrieval_ms, 2),
    }
    if answer is not None:
        row.update(
            question_type=answer.question_type,
            correct=is_correct(question, answer),
            correct_first=is_correct_first(question, answer),
            refused=answer.refused,
            answer=answer.answer,
            restored_question=answer.restored_question,
            cited=[c.document for c in answer.citations],
            answer_ms=round(outcome.answer_ms, 2),
            grounding=answer.grounding,
            unsupported=answer.unsupported,
            figures_outside_citations=figures_outside_citations(answer),
        )
    return row


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def answer_metrics(outcomes: list[QuestionOutcome]) -> dict[str, object]:
    """Answer quality of the outcomes that carry an answer."""
    pairs = [(o.question, o.answer) for o in outcomes if o.answer is not None]
    answerable = [(q, a) for q, a in pairs if q.answerable]
    unanswerable = [a for q, a in pairs if not q.answerable]
    graded = [(q, a) for q, a in answerable if q.answer_contains]
    cited = [(q, a) for q, a in answerable if q.sources]
    return {
        "answer_accuracy": _share(sum(is_correct(q, a) for q, a in graded), len(graded)),
        "answer_accuracy_first": _share(
            sum(is_correct_first(q, a) for q, a in graded), len(graded)
        ),
        "refusal_accuracy": _share(sum(a.refused for a in unanswerable), len(unanswerable)),
        "false_refusal_rate": _share(sum(a.refused for _, a in answerable), len(answerable)),
        "citation_accuracy": _share(
            sum(bool(a.citations) and a.citations[0].document in q.sources for q, a in cited),
            len(cited),
        ),
        "answer_chars_mean": round(float(np.mean([len(a.answer) for _, a in pairs])), 1)
        if pairs
        else 0.0,
        "ask_latency_ms": _percentiles([o.answer_ms for o in outcomes if o.answer is not None]),
        **grounding_metrics([a for _, a in pairs]),
    }


def _figure_parts(text: str) -> set[str]:
    """The digits of every number in a text, separators dropped, "3/2019" as "3" and "2019"."""
    return {
        part.replace(".", "").replace(",", "").lstrip("0") or "0"
        for number in NUMBER_RE.findall(MARKER_RE.sub(" ", text))
        for part in number.split("/")
    }


def figures_outside_citations(answer: Answer) -> list[str]:
    """Numbers in an answer that none of its cited passages (with their title and date)
    holds. Deliberately simpler than the guard, so it can audit it."""
    cited = set().union(
        *(_figure_parts(f"{c.title} {c.date or ''} {c.passage}") for c in answer.citations)
    )
    return sorted(_figure_parts(answer.answer) - cited)


def grounding_metrics(answers: list[Answer]) -> dict[str, object]:
    """How a language model's answers were checked; empty for the extractive answerer.

    `shown_checked_with_unknown_figure` counts answers shown as verified or partly verified
    with a number their citations do not hold: the guard's target is 0.
    """
    if not any(a.grounding is not None or a.backend != "extractive" for a in answers):
        return {}
    total = len(answers)
    checked = [a for a in answers if a.grounding in ("verified", "partly")]
    return {
        "grounding_verified": _share(sum(a.grounding == "verified" for a in answers), total),
        "grounding_partly": _share(sum(a.grounding == "partly" for a in answers), total),
        "grounding_fallback": _share(sum(a.grounding == "fallback" for a in answers), total),
        "model_refusals": _share(sum(a.grounding is None for a in answers), total),
        "shown_checked_with_unknown_figure": sum(
            bool(figures_outside_citations(a)) for a in checked
        ),
    }
