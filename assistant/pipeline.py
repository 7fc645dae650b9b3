"""`Assistant.ask`: question (+ history, filters) -> standalone question -> passages -> answer.

The one object the CLI, the HTTP API and the chat page all call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace

from assistant.answers import Answer, AnswerBuilder, AnswerDelta, AnswerEvent
from assistant.conversation import Condenser, History, LLMCondenser, RuleCondenser
from assistant.extractive.answerer import ExtractiveAnswerer, searched_parts
from assistant.extractive.asks import split_places
from assistant.extractive.documents import DocumentLibrary
from assistant.filters import SearchFilters
from assistant.library import SnapshotLibrary
from assistant.live_index import IndexService
from assistant.rerank import make_reranker
from assistant.retrieval import HybridSearcher, SearchResult
from assistant.scan_notes import scan_note
from assistant.settings import LLMSettings, Settings

PER_PART = 3  # passages each place of a question asked of several adds, at most


class Assistant:
    def __init__(
        self, searcher: HybridSearcher, answerer: AnswerBuilder, condenser: Condenser
    ) -> None:
        self.searcher = searcher
        self.answerer = answerer
        self.condenser = condenser

    def _prepare(
        self,
        question: str,
        history: History | None,
        filters: SearchFilters | None,
        top_k: int | None,
    ) -> tuple[str, SearchResult]:
        standalone = self.condenser.condense(question, history) if history else question
        result = self.searcher.search(standalone, filters, top_k)
        return standalone, self.with_each_part(standalone, result, filters, top_k)

    def with_each_part(
        self,
        question: str,
        result: SearchResult,
        filters: SearchFilters | None = None,
        top_k: int | None = None,
    ) -> SearchResult:
        """The passages found, and for a question asked of several places ("Huyện A và xã
        B mỗi nơi có bao nhiêu X?") the first few each place's part finds alone: one
        place's passages may fill the whole list. So for a question asking two things of
        their own subjects ("huyện A: năm 2023 bao nhiêu vụ X, 9 tháng 2024 bao nhiêu vụ
        Y"), each part as the answerer reads it: the second may lie in another document."""
        asked = result.restored_query or question
        parts = split_places(asked)
        if len(parts) < 2:
            parts = searched_parts(asked)
        if len(parts) < 2:
            return result
        seen = {p.chunk_id for p in result.passages}
        extra = []
        for part in parts:
            # ... those the whole question did not find: a place whose document shares
            # fewer of the question's words than another place's is found further down.
            found = self.searcher.search(part, filters, top_k).passages
            unseen = [p for p in found if p.chunk_id not in seen][:PER_PART]
            seen.update(p.chunk_id for p in unseen)
            extra += unseen
        return replace(result, passages=[*result.passages, *extra])

    def ask(
        self,
        question: str,
        history: History | None = None,
        filters: SearchFilters | None = None,
        top_k: int | None = None,
    ) -> Answer:
        """Answer one question; a follow-up is first rewritten to stand alone."""
        final: Answer | None = None
        for event in self.stream(question, history, filters, top_k):
            if isinstance(event, Answer):
                final = event
        assert final is not None, "an answer builder must end its stream with an Answer"
        return final

    def stream(
        self,
        question: str,
        history: History | None = None,
        filters: SearchFilters | None = None,
        top_k: int | None = None,
    ) -> Iterator[AnswerEvent]:
        """Answer text as it is written, then the complete `Answer`."""
        started = time.perf_counter()
        standalone, result = self._prepare(question, history, filters, top_k)
        yield from self.respond(question, result, standalone, started)

    def respond(
        self,
        question: str,
        result: SearchResult,
        standalone: str | None = None,
        started: float | None = None,
    ) -> Iterator[AnswerEvent]:
        """Write the answer to a question from passages already found for it."""
        started = time.perf_counter() if started is None else started
        standalone = standalone or question
        # The answer builder reads the restored question: its entities and units are
        # written with diacritics, as the documents are.
        asked = result.restored_query or standalone
        for event in self.answerer.stream(asked, result.passages):
            if isinstance(event, AnswerDelta):
                yield event
                continue
            # Quoting words OCR was unsure of, the answer says so in its own text.
            if note := scan_note(event):
                yield AnswerDelta(note)
            yield event.model_copy(
                update={
                    "answer": event.answer + note,
                    "question": question,
                    "standalone_question": standalone if standalone != question else None,
                    "restored_question": result.restored_query,
                    "elapsed_ms": round((time.perf_counter() - started) * 1000, 1),
                }
            )

    def search(
        self, query: str, filters: SearchFilters | None = None, top_k: int | None = None
    ) -> SearchResult:
        return self.searcher.search(query, filters, top_k)


def _extractive(settings: LLMSettings, library: DocumentLibrary) -> tuple[AnswerBuilder, Condenser]:
    return ExtractiveAnswerer(library=library), RuleCondenser()


def _chat_model_backed(
    settings: LLMSettings, library: DocumentLibrary
) -> tuple[AnswerBuilder, Condenser]:
    from assistant.llm import make_chat_model
    from assistant.llm_answerer import LLMAnswerer, limits_of

    chat_model = make_chat_model(settings)
    # When nothing the model wrote holds against its citations, the extractive answer stands.
    fallback = ExtractiveAnswerer(library=library)
    answerer = LLMAnswerer(chat_model, settings.backend, limits_of(settings), fallback)
    return answerer, LLMCondenser(chat_model)


ANSWER_BACKENDS: dict[
    str, Callable[[LLMSettings, DocumentLibrary], tuple[AnswerBuilder, Condenser]]
] = {
    "extractive": _extractive,
    "openai": _chat_model_backed,
    "ollama": _chat_model_backed,
    "llamacpp": _chat_model_backed,
}


def _restored(index: IndexService, text: str) -> str:
    restorer = index.snapshot().restorer
    return restorer.restore(text) if restorer is not None else text


def build_assistant(settings: Settings, index: IndexService) -> Assistant:
    """The assistant the settings describe, reading from `index`'s current snapshot."""
    library = SnapshotLibrary(index.snapshot)
    answerer, condenser = ANSWER_BACKENDS[settings.llm.backend](settings.llm, library)
    if isinstance(condenser, RuleCondenser) and settings.retrieval.restore_diacritics:
        # A follow-up typed without marks is written whole in the restored form, never a mix.
        condenser.restore = lambda text: _restored(index, text)
    searcher = HybridSearcher(
        index.snapshot,
        index.embedder,
        settings.retrieval,
        make_reranker(settings.retrieval.reranker_model),
    )
    return Assistant(searcher, answerer, condenser)
