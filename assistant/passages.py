"""A retrieved passage: what retrieval hands to the answer builders."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.records import DocumentMetadata


@dataclass(frozen=True)
class Passage:
    """One chunk found for a question, with where it sits in its cleaned document."""

    chunk_id: str
    source: str  # document file name, relative to the documents folder
    text: str  # the chunk's text == cleaned_document[start:end]
    start: int
    end: int
    score: float  # fused relevance in [0, 1], higher is better
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    heading: str = ""  # "Điều 12. ..." or section heading the chunk belongs to
    dense_score: float | None = None  # cosine similarity, when the dense side found it
    keyword_score: float | None = None  # normalised BM25, when the keyword side found it

    @property
    def title(self) -> str:
        return self.metadata.title
