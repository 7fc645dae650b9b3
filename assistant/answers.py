"""What an answer is, and the interface every answer builder implements.

Citations are data, never pre-formatted text: the API returns them as they are and the
chat page decides how to show them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import BaseModel, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from assistant.passages import Passage
from index.pages import confidence_of, page_at
from index.records import PageSpan


class SourceRef(BaseModel):
    """Where a quoted passage comes from."""

    document: str = Field(description="File name of the document in the documents folder.")
    title: str = Field("", description="Document title.")
    date: str | None = Field(
        None, description="Issue or publication date (ISO, as precise as known)."
    )
    locality: str | None = Field(None, description="Province, and district where named.")
    kind: str | None = Field(None, description="Document kind: chỉ thị, nghị quyết, báo cáo...")
    passage: str = Field(description="The retrieved passage the citation points into.")
    passage_start: int = Field(description="Offset of the passage in the cleaned document.")
    passage_end: int = Field(description="End offset of the passage in the cleaned document.")
    score: float = Field(description="Retrieval relevance of the passage, 0..1.")
    page: int | None = Field(
        None, description="Page of the file the quoted text starts on (scans, paged files)."
    )
    last_page: int | None = Field(
        None, description="Page the quoted text ends on (the same as `page` unless it runs on)."
    )
    ocr_confidence: float | None = Field(
        None,
        description="For text read from a scan: the OCR engine's confidence in it, 0..1. "
        "Set only for scans; low values mean the words may be misread.",
    )
    # A scan's line spans, from which `page` and `ocr_confidence` are read; not sent out.
    page_spans: SkipJsonSchema[tuple[PageSpan, ...]] = Field(default=(), exclude=True, repr=False)

    @property
    def scanned(self) -> bool:
        return self.ocr_confidence is not None

    @property
    def pages_label(self) -> str:
        """ "trang 2", or "trang 1-2" for text running over a page break ("" if unknown)."""
        if self.page is None:
            return ""
        if self.last_page is None or self.last_page == self.page:
            return f"trang {self.page}"
        return f"trang {self.page}-{self.last_page}"

    def _quoted_span(self) -> tuple[int, int]:
        return self.passage_start, self.passage_end

    @model_validator(mode="after")
    def _place_on_page(self) -> SourceRef:
        if self.page_spans:
            start, end = self._quoted_span()
            self.page = page_at(self.page_spans, start)
            self.last_page = page_at(self.page_spans, max(start, end - 1))
            self.ocr_confidence = confidence_of(self.page_spans, start, end)
        return self


class Citation(SourceRef):
    """A numbered source of an answer: [n] in the answer text points here."""

    n: int = Field(description="The number used as [n] in the answer text.")
    quote: str = Field(description="The cited sentence or clause, exactly as in the document.")
    start: int = Field(description="Offset of the cited sentence in the cleaned document.")
    end: int = Field(description="End offset of the cited sentence in the cleaned document.")

    def _quoted_span(self) -> tuple[int, int]:
        return self.start, self.end  # the page of the sentence, not of its passage


class RelatedPassage(SourceRef):
    """A passage close to the question that is not cited (shown on refusals)."""


class Answer(BaseModel):
    """The assistant's reply to one question."""

    question: str = Field(description="The question as asked.")
    answer: str = Field(description="Answer text in Vietnamese with [n] citation markers.")
    refused: bool = Field(description="True when the documents do not answer the question.")
    citations: list[Citation] = Field(default_factory=list)
    related: list[RelatedPassage] = Field(default_factory=list)
    standalone_question: str | None = Field(
        None, description="The follow-up question rewritten to stand alone, when it was."
    )
    restored_question: str | None = Field(
        None, description="The question with diacritics restored, when typed without them."
    )
    question_type: str | None = Field(
        None,
        description="What the answerer read the question as asking: count, time, person, "
        "duty, lookup, list, comparison, reason, yes_no, ...",
    )
    confidence: float | None = Field(
        None,
        description="Learned probability (0..1) that the first quoted clause answers the "
        "question; extractive answers chosen by score only.",
    )
    backend: str = Field("extractive", description="Which answer builder wrote the answer.")
    grounding: Literal["verified", "partly", "fallback"] | None = Field(
        None,
        description="How a language model's answer was checked against the passages it cites: "
        "`verified` (every figure, date, document number and proper name of every sentence is "
        "in its cited passage), `partly` (sentences that failed were left out), `fallback` "
        "(nothing held: the extractive answer is given instead). None for extractive answers, "
        "which quote the documents, and for refusals.",
    )
    unsupported: list[str] = Field(
        default_factory=list,
        description="Sentences the language model wrote that were left out: uncited, or "
        "naming a figure or name their citation does not hold.",
    )
    elapsed_ms: float | None = Field(None, description="Time taken to answer, milliseconds.")


def source_ref_fields(passage: Passage) -> dict[str, object]:
    """The `SourceRef` fields of a passage."""
    meta = passage.metadata
    locality = ", ".join(part for part in (meta.district, meta.province) if part) or None
    return {
        "document": passage.source,
        "title": meta.title,
        "date": meta.issued_on,
        "locality": locality,
        "kind": meta.kind,
        "passage": passage.text,
        "passage_start": passage.start,
        "passage_end": passage.end,
        "score": round(passage.score, 4),
        "page_spans": meta.pages,
    }


@dataclass(frozen=True)
class AnswerDelta:
    """A piece of answer text, streamed before the final `Answer`."""

    text: str


AnswerEvent = AnswerDelta | Answer


class AnswerBuilder(Protocol):
    """Writes an answer to a (standalone) question from retrieved passages."""

    name: str

    def build(self, question: str, passages: Sequence[Passage]) -> Answer:
        """The complete answer."""
        ...

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[AnswerEvent]:
        """Text deltas as they are written, then the complete `Answer` last."""
        ...
