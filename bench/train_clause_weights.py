"""Learn the weights that rank candidate clauses, and check them.

For each benchmark question set, every question is retrieved for as `policy-assistant eval`
does (same index folder, same settings). Every clause the answerer would score gets its
features (`assistant.extractive.scoring.ClauseFeatures`) and a label: positive when the clause,
quoted with the lead-in or heading it would be quoted with, holds every gold `answer_contains`
string. A logistic regression is fitted on the questions of the fit half only; the temperature
of the score (how far apart in odds a second quote may be) is chosen on the fit half too. Both
go to `assistant/extractive/clause_weights.json`; then the whole answerer, reading that file,
answers both halves and its answer and refusal accuracy are printed per half.

Run from the repository root (needs the `dev` extra, for scikit-learn):

    .venv/bin/python bench/train_clause_weights.py [--corpora seeds police-dev alqac2022 ...]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from assistant.answers import Answer
from assistant.cli import build_parser, settings_from
from assistant.commands import sync_index
from assistant.evaluation import (
    EvalQuestion,
    QuestionOutcome,
    answer_metrics,
    contains_all,
    load_questions,
)
from assistant.extractive import scoring
from assistant.extractive.candidates import score_candidates
from assistant.extractive.documents import pinned_document, whole_document
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import analyse
from assistant.extractive.quotes import merge_clauses, render, with_context, with_heading
from assistant.extractive.scoring import PARAMETERS, ClauseFeatures, ClauseWeights
from assistant.live_index import IndexService
from assistant.pipeline import Assistant, build_assistant
from assistant.retrieval import SearchResult
from assistant.split import half_of
from index.data_dir import IndexBusyError

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
CORPORA = {
    "seeds": (ROOT / "documents", ROOT.parent / "shared" / "eval" / "dev.jsonl"),
    "police-dev": (BENCH / "police-dev" / "documents", BENCH / "police-dev" / "questions.jsonl"),
    "alqac2022": (BENCH / "alqac2022" / "documents", BENCH / "alqac2022" / "questions.jsonl"),
    # Questions written afresh on police-dev's fit-half documents (its README says how).
    "police-fit-extra": (
        BENCH / "police-dev" / "documents",
        ROOT / "bench" / "police-fit-extra" / "questions.jsonl",
    ),
}
WEIGHTS_PATH = ROOT / "assistant" / "extractive" / scoring.WEIGHTS_FILE
SEED = 0
REGULARISATION = 1.0  # scikit-learn's C: inverse strength of the L2 penalty
TEMPERATURES = (1.0, 2.0, 3.0, 4.0, 5.0, 6.0)  # tried on the fit half, the lowest best kept
NAMES = ClauseFeatures.names()
COVERAGE = NAMES.index("coverage")
ZERO = ClauseWeights(dict.fromkeys(NAMES, 0.0), 0.0, 1.0, {})  # features need no weights


@dataclass
class Corpus:
    """A question set, the assistant `eval` builds for its documents, and what it retrieved."""

    name: str
    assistant: Assistant
    questions: list[EvalQuestion]
    shown: list[SearchResult]  # per question: the passages the answerer is given


@dataclass
class QuestionClauses:
    """The features and labels of the clauses scored for one question."""

    corpus: str
    half: str
    features: np.ndarray  # clauses x features
    labels: np.ndarray  # clauses, 1 = the clause (as quoted) holds every gold string


def open_corpus(name: str) -> Corpus:
    """Open the index `eval` uses for the corpus's documents and retrieve every question."""
    documents, questions_path = CORPORA[name]
    args = build_parser().parse_args(
        ["eval", "--documents", str(documents), "--questions", str(questions_path)]
    )
    settings = settings_from(args)
    service = IndexService(settings)
    try:
        sync_index(service, quiet=True)
    except IndexBusyError as busy:  # another process writes it: read what it holds now
        print(f"  not synced: {busy}", file=sys.stderr)
    assistant = build_assistant(settings, service)
    questions = load_questions(questions_path)
    top_k = settings.retrieval.top_k
    shown = []
    for question in questions:  # as `evaluation.run_questions` does
        result = assistant.search(question.question, top_k=max(20, top_k))
        shown.append(replace(result, passages=result.passages[:top_k]))
    return Corpus(name, assistant, questions, shown)


def clauses_of(corpus: Corpus, question: EvalQuestion, shown: SearchResult) -> QuestionClauses:
    """Every clause the answerer scores for the question, described and labelled."""
    analysis = analyse(shown.restored_query or question.question)
    passages = shown.passages
    library = getattr(corpus.assistant.answerer, "library", None)
    pinned = pinned_document(analysis, passages, library)
    if pinned is not None:
        passages = whole_document(pinned, passages, library)
    views = read_passages(analysis, passages)
    rows, labels = [], []
    for candidate in score_candidates(analysis, views, ZERO).candidates:
        assert candidate.features is not None
        rows.append([candidate.features.as_dict()[name] for name in NAMES])
        context = with_context(analysis, candidate)
        first, *rest = merge_clauses([(candidate.view, i) for i in context])
        quoted = " ".join(render([with_heading(analysis, first), *rest]))
        labels.append(contains_all(quoted, question.answer_contains))
    return QuestionClauses(
        corpus.name,
        half_of(question.id, question.sources),
        np.array(rows, dtype=float).reshape(-1, len(NAMES)),
        np.array(labels, dtype=int),
    )


def gather(corpus: Corpus) -> list[QuestionClauses]:
    """The clauses of every answerable, graded question of a corpus (both halves)."""
    return [
        clauses_of(corpus, question, shown)
        for question, shown in zip(corpus.questions, corpus.shown, strict=True)
        if question.answerable and question.answer_contains
    ]


def eligible(question: QuestionClauses) -> QuestionClauses:
    """Only the clauses the answerer may quote: those covering enough of the question."""
    covered = question.features[:, COVERAGE] >= PARAMETERS.min_coverage
    return replace(question, features=question.features[covered], labels=question.labels[covered])


def teaching(fit: list[QuestionClauses]) -> list[QuestionClauses]:
    """The fit questions that can teach a ranking: an eligible clause answers, one does not."""
    return [q for q in map(eligible, fit) if 0 < q.labels.sum() < len(q.labels)]


def sample_weights(
    useful: list[QuestionClauses], balance: str = "median"
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stacked features, labels and weights. Within a question the answering clauses weigh
    as much as the others; a question weighs 1, but with `balance="median"` a corpus counts at
    most as many questions as the median corpus, so that the law questions (5 times as many)
    do not drown the others; with `balance="questions"` every question weighs the same."""
    counts = Counter(q.corpus for q in useful)
    cap = float(np.median(list(counts.values()))) if balance == "median" else float("inf")
    xs, ys, ws = [], [], []
    for q in useful:
        positives = q.labels.sum()
        per_clause = np.where(q.labels == 1, 0.5 / positives, 0.5 / (len(q.labels) - positives))
        xs.append(q.features)
        ys.append(q.labels)
        ws.append(per_clause * min(1.0, cap / counts[q.corpus]))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def fit(gathered: list[QuestionClauses], balance: str = "median") -> dict[str, object]:
    """The logistic regression on the fit half, as the data file's content."""
    useful = teaching([q for q in gathered if q.half == "fit"])
    x, y, w = sample_weights(useful, balance)
    model = LogisticRegression(C=REGULARISATION, max_iter=5000, random_state=SEED)
    model.fit(x, y, sample_weight=w * len(w) / w.sum())
    return {
        "weights": {n: round(float(c), 6) for n, c in zip(NAMES, model.coef_[0], strict=True)},
        "intercept": round(float(model.intercept_[0]), 6),
        "temperature": 1.0,
        "provenance": {
            "script": "bench/train_clause_weights.py",
            "trained_on": datetime.date.today().isoformat(),
            "model": f"sklearn LogisticRegression(C={REGULARISATION}), L2, unscaled features",
            "half": "fit",
            "corpora": sorted({q.corpus for q in gathered}),
            "questions": dict(sorted(Counter(q.corpus for q in useful).items())),
            "clauses": len(y),
            "positive_clauses": int(y.sum()),
            "clauses_used": f"coverage >= min_coverage ({PARAMETERS.min_coverage})",
            "label": "the clause, quoted with its context, holds every answer_contains string",
            "weighting": "per question: answering clauses 1/2, others 1/2; "
            + (
                "corpora capped at the median corpus's question count"
                if balance == "median"
                else "every question weighs the same"
            ),
        },
    }


def install(data: dict[str, object]) -> ClauseWeights:
    """Write the data file and make the answerer read it."""
    WEIGHTS_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    scoring.clause_weights.cache_clear()
    return scoring.clause_weights()


def top_clause_accuracy(gathered: list[QuestionClauses], weights: ClauseWeights) -> str:
    """Questions whose best-scored eligible clause holds the answer, per corpus and half (the
    answerer then refines it and adds context, so this is a proxy)."""
    coef = np.array([weights.weights[n] for n in NAMES])
    parts = []
    for corpus in dict.fromkeys(q.corpus for q in gathered):
        for half in ("fit", "check"):
            chosen = [eligible(q) for q in gathered if (q.corpus, q.half) == (corpus, half)]
            hits = sum(int(q.labels[np.argmax(q.features @ coef)]) for q in chosen if len(q.labels))
            parts.append(f"{corpus} {half} {hits}/{len(chosen)}")
    return "best eligible clause holds the answer: " + ", ".join(parts)


def outcomes(corpus: Corpus, half: str) -> list[QuestionOutcome]:
    """The answerer's answers to one half, from the passages retrieved before."""
    found = []
    for question, shown in zip(corpus.questions, corpus.shown, strict=True):
        if half_of(question.id, question.sources) != half:
            continue
        outcome = QuestionOutcome(question, None, 0.0)
        for event in corpus.assistant.respond(question.question, shown):
            if isinstance(event, Answer):
                outcome.answer = event
        found.append(outcome)
    return found


def choose_temperature(data: dict[str, object], corpora: list[Corpus]) -> float:
    """The lowest temperature with the best mean answer accuracy over the corpora's fit halves."""
    best, best_accuracy = TEMPERATURES[0], -1.0
    for temperature in TEMPERATURES:
        install({**data, "temperature": temperature})
        accuracies = [answer_metrics(outcomes(c, "fit"))["answer_accuracy"] for c in corpora]
        mean = float(np.mean([a for a in accuracies if isinstance(a, float)]))
        print(f"  temperature {temperature}: fit-half answer accuracy {accuracies} mean {mean:.4f}")
        if mean > best_accuracy:
            best, best_accuracy = temperature, mean
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument(
        "--balance",
        choices=("median", "questions"),
        default="questions",  # measured: ALQAC 0.888 vs 0.875 over all 520, police fit 0.92 vs 0.87
        help="how corpora of different sizes weigh (see sample_weights)",
    )
    args = parser.parse_args()
    corpora, gathered = [], []
    for name in args.corpora:
        print(f"retrieving and describing clauses: {name}", file=sys.stderr)
        corpora.append(open_corpus(name))
        gathered += gather(corpora[-1])
    data = fit(gathered, args.balance)
    print("choosing the temperature on the fit half:")
    data["temperature"] = choose_temperature(data, corpora)
    weights = install(data)
    print(f"wrote {WEIGHTS_PATH.relative_to(ROOT)}: {json.dumps(data['provenance'])}")
    for name, value in sorted(weights.weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:<18} {value:+.3f}")
    print(f"  {'(intercept)':<18} {weights.intercept:+.3f}  temperature {weights.temperature}")
    print(top_clause_accuracy(gathered, weights))
    print("the answerer with these weights:")
    for corpus in corpora:
        for half in ("fit", "check"):
            found = outcomes(corpus, half)
            metrics = answer_metrics(found)
            print(
                f"  {corpus.name:<10} {half:<5} questions {len(found):>3}  "
                f"answer_accuracy {metrics['answer_accuracy']}  "
                f"refusal_accuracy {metrics['refusal_accuracy']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
