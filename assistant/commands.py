"""What each CLI command does, given parsed arguments and settings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.answers import Answer, AnswerDelta
from assistant.backup import BackupSummary, backup, restore
from assistant.evaluation import (
    answer_metrics,
    load_questions,
    outcome_row,
    retrieval_metrics,
    run_questions,
)
from assistant.filters import SearchFilters
from assistant.grounding import grounding_label
from assistant.live_index import IndexService
from assistant.passages import Passage
from assistant.pipeline import build_assistant
from assistant.settings import Settings
from index.builder import SyncReport


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _filters(args: argparse.Namespace) -> SearchFilters | None:
    names = ("locality", "kind", "year_from", "year_to", "directive", "document")
    values = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    return SearchFilters(**values) if values else None


def _progress_bar(enabled: bool) -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """A tqdm bar driven by the builder's (done, total) callback, on stderr."""
    if not enabled:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=0, unit="doc", desc="indexing", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    return update, bar.close


def sync_index(service: IndexService, full: bool = False, quiet: bool = False) -> SyncReport:
    update, close = _progress_bar(not quiet and sys.stderr.isatty())
    try:
        report = service.sync(full=full, progress=update)
    finally:
        close()
    for source, reason in report.failed.items():
        print(f"skipped {source}: {reason}", file=sys.stderr)
    return report


def describe(report: SyncReport) -> str:
    return (
        f"generation {report.generation}{' (rebuilt)' if report.rebuilt else ''}: "
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {report.unchanged} unchanged, "
        f"{len(report.failed)} failed; {report.chunks_indexed} chunks indexed, "
        f"{report.chunks_embedded} embedded (the rest from the cache) in {report.seconds:.2f} s"
    )


def run_index(args: argparse.Namespace, settings: Settings) -> int:
    service = IndexService(settings)
    report = sync_index(service, full=args.full, quiet=args.quiet)
    print(describe(report))
    return 0


def _ready_service(settings: Settings) -> IndexService:
    """An index service whose index exists: built on first use of a data dir."""
    service = IndexService(settings)
    if service.data.active_generation() is None:
        print(f"indexing {settings.documents.documents_dir} first...", file=sys.stderr)
        sync_index(service)
    return service


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    service = _ready_service(settings)
    result = build_assistant(settings, service).search(args.query, _filters(args), args.top_k)
    if args.json:
        print_json(
            {
                "query": result.query,
                "restored_query": result.restored_query,
                "passages": [_passage_json(p) for p in result.passages],
            }
        )
        return 0
    if result.restored_query:
        print(f"hiểu là: {result.restored_query}")
    for rank, p in enumerate(result.passages, start=1):
        snippet = " ".join(p.text.split())[:160]
        print(f"{rank:>2}. {p.score:.3f}  {p.source}  {p.metadata.title[:60]}\n    {snippet}")
    if not result.passages:
        print("no passages found")
    return 0


def _passage_json(passage: Passage) -> dict[str, Any]:
    return {
        "chunk_id": passage.chunk_id,
        "document": passage.source,
        "score": round(passage.score, 4),
        "start": passage.start,
        "end": passage.end,
        "heading": passage.heading,
        "text": passage.text,
        **passage.metadata.to_dict(),
    }


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    history = _history(args.history) if args.history else None
    assistant = build_assistant(settings, _ready_service(settings))
    if args.json:
        answer = assistant.ask(args.question, history, _filters(args))
        print_json(answer.model_dump())
        return 0
    final = None
    for event in assistant.stream(args.question, history, _filters(args)):
        if isinstance(event, AnswerDelta):
            print(event.text, end="", flush=True)
        else:
            final = event
    print()
    if final is not None:
        _print_sources(final)
    return 0


def _history(path: Path) -> list[Any]:
    try:
        turns = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"cannot read history {path}: {error}") from None
    if not isinstance(turns, list):
        raise ValueError(f"history {path} must be a JSON list of turns")
    return turns


def _print_sources(answer: Answer) -> None:
    if label := grounding_label(answer.grounding):
        print(f"({label})")
    if answer.restored_question:
        print(f"(hiểu là: {answer.restored_question})")
    for citation in answer.citations:
        scan = f"văn bản quét, {citation.pages_label}" if citation.scanned else ""
        where = ", ".join(p for p in (citation.locality, citation.date, scan) if p)
        print(f"[{citation.n}] {citation.document} — {citation.title} ({where})")
        print(f"    «{citation.quote}»")
    if answer.refused and answer.related:
        print("Đoạn gần nhất:")
        for related in answer.related[:3]:
            print(f"  - {related.document}: {' '.join(related.passage.split())[:150]}")


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    questions = load_questions(args.questions)
    service = IndexService(settings)
    report = sync_index(service)
    print(describe(report), file=sys.stderr)
    assistant = build_assistant(settings, service)
    assistant.ask(questions[0].question)  # warm up: loads the model and the snapshot
    outcomes = run_questions(
        assistant, questions, not args.retrieval_only, settings.retrieval.top_k
    )
    metrics: dict[str, Any] = retrieval_metrics(outcomes)
    if not args.retrieval_only:
        metrics.update(answer_metrics(outcomes))
    if args.details:
        _write_details(args.details, outcomes)
    if args.json:
        print_json(metrics)
    else:
        _print_table(metrics)
    return 0


def _write_details(path: Path, outcomes: list[Any]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for outcome in outcomes:
            handle.write(json.dumps(outcome_row(outcome), ensure_ascii=False) + "\n")


def _print_table(metrics: dict[str, Any]) -> None:
    width = max(len(name) for name in metrics)
    for name, value in metrics.items():
        if isinstance(value, dict):
            value = "  ".join(f"{k} {v}" for k, v in value.items())
        print(f"{name:<{width}}  {value}")


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    """The API and chat page under uvicorn until interrupted (Ctrl+C)."""
    import uvicorn

    from assistant.allocator import limit_arenas
    from assistant.api.app import create_app
    from index.data_dir import DataDir

    limit_arenas()  # before the server's threads start, each with an arena of its own

    # Say plainly, before anything starts, that another process is writing this index.
    with DataDir(settings.index.data_dir).writer_lock():
        pass
    app = create_app(settings)
    print(
        f"serving {settings.documents.documents_dir} on "
        f"http://{settings.api.host}:{settings.api.port} (API docs at /docs)"
        + (", watching the folder" if settings.documents.watch else ""),
        file=sys.stderr,
    )
    uvicorn.run(app, host=settings.api.host, port=settings.api.port, log_level="info")
    return 0


def _summary(summary: BackupSummary) -> str:
    databases = ", ".join(summary.databases) or "no databases"
    return f"{summary.documents} documents, {databases}, {summary.vector_caches} vector cache(s)"


def run_backup(args: argparse.Namespace, settings: Settings) -> int:
    summary = backup(settings, args.file)
    print(f"wrote {summary.path}: {_summary(summary)}")
    return 0


def run_restore(args: argparse.Namespace, settings: Settings) -> int:
    summary = restore(settings, args.file)
    print(f"restored {_summary(summary)}; indexing...", file=sys.stderr)
    print(describe(sync_index(IndexService(settings))))
    return 0
