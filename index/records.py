"""The records that flow through indexing: file -> loaded text -> clean document -> chunks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSpan:
    """A stretch of text that lies on one page of a paged file (a line, for a scan)."""

    page: int  # 1-based page of the file
    start: int
    end: int
    confidence: float | None = None  # OCR's mean word confidence 0..1; None: a text layer

    def to_list(self) -> list[int | float | None]:
        return [self.page, self.start, self.end, self.confidence]

    @classmethod
    def from_list(cls, values: list[Any]) -> PageSpan:
        page, start, end, confidence = values
        return cls(int(page), int(start), int(end), confidence)


@dataclass(frozen=True)
class LoadedFile:
    """A source file read from disk: its extracted text and what it really is."""

    source: str  # file name relative to the documents folder, e.g. "000_cec6d9babd0036f1.txt"
    file_type: str  # "txt" | "md" | "html" | "pdf" | "docx" | "png" | ..., from the content
    text: str  # extracted text, NFC, before cleaning
    sha256: str  # of the file's bytes
    # For a file read by OCR: where each line of `text` lies, its page and confidence.
    pages: tuple[PageSpan, ...] = ()


@dataclass(frozen=True)
class DocumentMetadata:
    """What can be told about a document; copied onto every one of its chunks."""

    title: str = ""
    issued_on: str | None = None  # ISO date as precise as known: "2019-04-23", "2023-03", "2021"
    year: int | None = None
    province: str | None = None  # "Điện Biên", "Hà Tĩnh", ...
    district: str | None = None  # "Điện Biên Đông", "Tuyên Hóa", ...
    kind: str | None = None  # "chỉ thị" | "nghị quyết" | "kế hoạch" | "báo cáo" | "tin bài" | ...
    directive_numbers: tuple[str, ...] = ()  # "31-CT/TU", "12-NQ/TW", "23/2012/TT-BCA", ...
    # A scanned document's lines in the cleaned text, each with its page and OCR
    # confidence (`index.scanned`); empty for a document that was never scanned.
    pages: tuple[PageSpan, ...] = ()

    @property
    def scanned(self) -> bool:
        return any(span.confidence is not None for span in self.pages)

    def to_dict(self, with_pages: bool = False) -> dict[str, Any]:
        """The fields as JSON values; a scan's line spans only when asked (the catalog keeps
        them; a passage's own page is what its readers want, see `index.scanned`)."""
        data = asdict(self)
        data["directive_numbers"] = list(self.directive_numbers)
        data.pop("pages")
        if with_pages and self.pages:  # compact lists: a 20-page scan has ~800 lines
            data["pages"] = [span.to_list() for span in self.pages]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentMetadata:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["directive_numbers"] = tuple(known.get("directive_numbers") or ())
        known["pages"] = tuple(PageSpan.from_list(span) for span in known.get("pages") or ())
        return cls(**known)


@dataclass(frozen=True)
class CleanDocument:
    """A document ready to chunk: clutter removed, metadata read."""

    source: str
    sha256: str
    file_type: str
    text: str  # the cleaned text; chunk offsets point into it
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)


@dataclass(frozen=True)
class Chunk:
    """A passage of a clean document, with its exact place in it."""

    source: str
    ordinal: int  # position of the chunk in its document, from 0
    text: str  # == document.text[start:end]
    start: int
    end: int
    heading: str = ""  # the nearest "Điều N. ..." or section heading, if any
