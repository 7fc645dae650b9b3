"""Hybrid retrieval: dense (Chroma) + keyword (BM25, accented and folded), fused.

A question typed without diacritics defeats the dense model (it was trained on accented
text) and the accented keyword index, so it is first restored from the corpus's own
vocabulary; the folded keyword index still sees the question as typed, as a net for
restoration mistakes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.filters import SearchFilters
from assistant.fusion import FUSIONS, Ranking
from assistant.passages import Passage
from assistant.rerank import Reranker
from assistant.settings import RetrievalSettings
from index.abbreviations import expand_abbreviations
from index.gazetteer import Locality, find_localities
from index.metadata import directive_key, find_directive_numbers
from index.snapshot import IndexSnapshot
from index.vietnamese import looks_unaccented, nfc


@dataclass
class SearchResult:
    query: str
    passages: list[Passage]
    restored_query: str | None = None  # shown as "hiểu là: ..." when set
    timings_ms: dict[str, float] = field(default_factory=dict)


class HybridSearcher:
    """Finds passages for a question in whatever snapshot is current when asked."""

    def __init__(
        self,
        snapshots: Callable[[], IndexSnapshot],
        embedder: Embeddings,
        settings: RetrievalSettings,
        reranker: Reranker | None = None,
    ) -> None:
        self._snapshots = snapshots
        self._embedder = embedder
        self.settings = settings
        self.reranker = reranker

    def search(
        self, query: str, filters: SearchFilters | None = None, top_k: int | None = None
    ) -> SearchResult:
        started = time.perf_counter()
        snapshot = self._snapshots()  # one snapshot for the whole search
        query = nfc(query).strip()
        top_k = top_k or self.settings.top_k
        unaccented = looks_unaccented(query)
        restored = None
        if unaccented and self.settings.restore_diacritics and snapshot.restorer is not None:
            restored = snapshot.restorer.restore(query)
        if len(snapshot) == 0:
            return SearchResult(query, [], restored)
        mask = filters.chunk_mask(snapshot) if filters and not filters.is_empty() else None
        timings: dict[str, float] = {}
        keyword = self._keyword(snapshot, query, restored, unaccented, mask)
        entities = NamedEntities.of(restored or query)
        dense: Ranking = {}
        # A question naming a place or a document number is one where a close call between
        # similar reports matters: it always gets both sides.
        decisive = not entities and self._decisive(snapshot, keyword[0][0])
        if self.settings.dense_weight > 0 and not decisive:
            dense = self._dense(snapshot, expand_abbreviations(restored or query), mask, timings)
        fused = FUSIONS[self.settings.fusion]([(dense, self.settings.dense_weight), *keyword])
        entities.favour(fused, snapshot)
        best = sorted(fused, key=fused.__getitem__, reverse=True)[: max(top_k, RERANK_DEPTH)]
        if self.reranker is not None:
            texts = [snapshot.chunk_text(row) for row in best]
            fused = dict(zip(best, self.reranker.scores(restored or query, texts), strict=True))
            best = sorted(best, key=fused.__getitem__, reverse=True)
        top_keyword = max(keyword[0][0].values(), default=0.0) or 1.0
        kept = entities.cover_places(best, fused, snapshot, top_k)
        passages = [
            _passage(snapshot, row, fused[row], dense.get(row), keyword[0][0].get(row), top_keyword)
            for row in kept
        ]
        timings["total"] = (time.perf_counter() - started) * 1000
        return SearchResult(query, passages, restored, timings)

    def _keyword(
        self,
        snapshot: IndexSnapshot,
        query: str,
        restored: str | None,
        unaccented: bool,
        mask: np.ndarray | None,
    ) -> list[tuple[Ranking, float]]:
        """The keyword rankings with their fusion weights, the most telling one first.

        A question typed without diacritics is matched twice: restored against the accented
        index, and as typed against the folded one, which cannot tell "bảo" from "báo" but
        does not depend on the restoration being right.
        """
        weight, k = 1 - self.settings.dense_weight, self.settings.candidates
        if not unaccented:
            return [(_top(snapshot.keyword.scores(expand_abbreviations(query)), mask, k), weight)]
        folded = _top(snapshot.keyword.scores(expand_abbreviations(query), folded=True), mask, k)
        if restored is None:
            return [(folded, weight)]
        accented = _top(snapshot.keyword.scores(expand_abbreviations(restored)), mask, k)
        return [(accented, weight / 2), (folded, weight / 2)]

    def _decisive(self, snapshot: IndexSnapshot, keyword: Ranking) -> bool:
        """Whether the keyword side alone has settled the question.

        When the best document scores far above every other, the dense side has never
        changed the winner on ALQAC (bench/retrieval_bench.py), and skipping it saves the
        query embedding: most of an ask's CPU time on these machines.
        """
        margin = self.settings.dense_skip_margin
        if margin <= 0 or not keyword:
            return False
        ordered = sorted(keyword.items(), key=lambda item: item[1], reverse=True)
        best_row, best = ordered[0]
        source = snapshot.chunks[best_row].source
        runner_up = next((v for r, v in ordered[1:] if snapshot.chunks[r].source != source), 0.0)
        # Only one document matching at all says little: the question may be worded
        # differently from every passage.
        return runner_up > 0 and best >= margin * runner_up

    def _dense(
        self,
        snapshot: IndexSnapshot,
        text: str,
        mask: np.ndarray | None,
        timings: dict[str, float],
    ) -> Ranking:
        if snapshot.store is None:
            return {}
        started = time.perf_counter()
        vector = self._embedder.embed_query(text)
        timings["embed"] = (time.perf_counter() - started) * 1000
        ids = None
        if mask is not None:
            ids = [snapshot.chunks[row].chunk_id for row in np.flatnonzero(mask)]
            if not ids:
                return {}
        # A few extra hits cover vectors of documents being indexed right now, which the
        # snapshot does not own yet and drops.
        hits = snapshot.store.query(vector, self.settings.candidates + 10, ids=ids)
        ranking = {
            snapshot.row_of[h.chunk_id]: h.similarity for h in hits if h.chunk_id in snapshot.row_of
        }
        return dict(list(ranking.items())[: self.settings.candidates])


RERANK_DEPTH = 20  # fused candidates a reranker re-scores

# How much naming a place or a document number moves a document: enough to settle a near
# tie (the province's own report against a district's), not enough to override the text.
ENTITY_BONUS = 0.25


@dataclass(frozen=True)
class NamedEntities:
    """The places and document numbers a question names."""

    places: tuple[Locality, ...] = ()
    numbers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, question: str) -> NamedEntities:
        numbers = frozenset(directive_key(n) for n in find_directive_numbers(question))
        return cls(tuple(find_localities(question)), numbers)

    def __bool__(self) -> bool:
        return bool(self.places or self.numbers)

    def favour(self, fused: Ranking, snapshot: IndexSnapshot) -> None:
        """Favour documents about the place named, or citing the number cited; disfavour
        documents about another province.

        "Tỉnh Điện Biên có bao nhiêu ...?" is about the province's figures, not those of
        one of its districts; a document about another province answers another question.
        """
        if not self:
            return
        named = {p.name for p in self.places}
        provinces = {p.province or p.name for p in self.places}
        for row in fused:
            meta = snapshot.documents[snapshot.chunks[row].source].metadata
            if self.numbers & {directive_key(n) for n in meta.directive_numbers}:
                fused[row] += ENTITY_BONUS
            if not self.places or meta.province is None:
                continue  # a law or a document with no place is neutral
            if (meta.district or meta.province) in named:
                fused[row] += ENTITY_BONUS
            elif meta.province not in provinces:
                fused[row] -= ENTITY_BONUS

    def cover_places(
        self, ordered: list[int], fused: Ranking, snapshot: IndexSnapshot, top_k: int
    ) -> list[int]:
        """The top k rows, holding for a question that names two or more places ("Mức hỗ
        trợ ở tỉnh A và ở tỉnh B") the best passage of each, which may rank below the k
        best of the other place's document."""
        kept = ordered[:top_k]
        if len(self.places) < 2:
            return kept
        needed: list[int] = []
        for place in self.places:
            if any(_speaks_of(place, row, snapshot) for row in kept):
                continue
            best = next((r for r in ordered[top_k:] if _speaks_of(place, r, snapshot)), None)
            if best is not None:
                needed.append(best)
        if not needed:
            return kept
        rest = [r for r in kept if r not in needed][: max(top_k - len(needed), 0)]
        return sorted([*rest, *needed], key=fused.__getitem__, reverse=True)


def _speaks_of(place: Locality, row: int, snapshot: IndexSnapshot) -> bool:
    """A passage of a document about the place, or naming it."""
    meta = snapshot.documents[snapshot.chunks[row].source].metadata
    return place.name in (meta.district, meta.province) or place.name in snapshot.chunk_text(row)


def _top(scores: np.ndarray, mask: np.ndarray | None, k: int) -> Ranking:
    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    if not len(scores):
        return {}
    k = min(k, len(scores))
    rows = np.argpartition(-scores, k - 1)[:k]
    return {int(row): float(scores[row]) for row in rows if scores[row] > 0}


def _passage(
    snapshot: IndexSnapshot,
    row: int,
    score: float,
    dense: float | None,
    keyword: float | None,
    top_keyword: float,
) -> Passage:
    chunk = snapshot.chunks[row]
    document = snapshot.documents[chunk.source]
    return Passage(
        chunk_id=chunk.chunk_id,
        source=chunk.source,
        text=snapshot.chunk_text(row),
        start=chunk.start,
        end=chunk.end,
        score=min(max(score, 0.0), 1.0),
        metadata=document.metadata,
        heading=chunk.heading,
        dense_score=dense,
        keyword_score=keyword / top_keyword if keyword is not None else None,
    )


class HybridRetriever(BaseRetriever):
    """The hybrid searcher as a LangChain retriever, for LangChain chains and agents."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: HybridSearcher
    filters: SearchFilters | None = None
    top_k: int | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        result = self.searcher.search(query, self.filters, self.top_k)
        return [
            Document(
                page_content=p.text,
                id=p.chunk_id,
                metadata={
                    "source": p.source,
                    "start": p.start,
                    "end": p.end,
                    "score": p.score,
                    **p.metadata.to_dict(),
                },
            )
            for p in result.passages
        ]
