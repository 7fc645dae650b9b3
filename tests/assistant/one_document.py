"""A library holding one invented document, for answerer tests that need the passages
retrieval did not bring or the text around a passage."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.extraction.records import Extraction
from index.records import DocumentMetadata


@dataclass
class OneDocument:
    """The library of one document: its passages and its whole text."""

    passages: list[Passage]
    text: str

    def passages_of(self, source: str) -> list[Passage]:
        return self.passages

    def extraction_of(self, source: str) -> Extraction:
        return Extraction()

    def text_of(self, source: str) -> str:
        return self.text


def document_in_parts(
    source: str, parts: list[str], metadata: DocumentMetadata, gap: str = ""
) -> OneDocument:
    """The document whose text is the parts joined by `gap`, one passage per part, each at
    its offset in that text (as chunking cuts a document)."""
    passages, start = [], 0
    for n, text in enumerate(parts):
        end = start + len(text)
        passages.append(Passage(f"{source}#{n}", source, text, start, end, 0.5, metadata))
        start = end + len(gap)
    return OneDocument(passages, gap.join(parts))


def invented_passage(text: str, source: str = "bc.md", **meta: object) -> Passage:
    """The one passage of an invented document of 2030 (a report unless `meta` says
    otherwise: any `DocumentMetadata` field)."""
    fields = {"year": 2030, "title": "Báo cáo năm 2030", **meta}
    metadata = DocumentMetadata(**fields)  # type: ignore[arg-type]
    return Passage(f"{source}#0", source, text, 0, len(text), 0.5, metadata)


def first_quote(question: str, *passages: Passage) -> str:
    """The answer's first quote, read from the passages; the question must be answered."""
    answer = ExtractiveAnswerer().build(question, list(passages))
    assert not answer.refused, (question, answer.answer)
    return answer.answer.split("[1]")[0]
