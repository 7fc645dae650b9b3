"""The records that flow through indexing: file -> loaded text -> clean document -> chunks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class LoadedFile:
    """A source file read from disk: its extracted text and what it really is."""

    source: str  # file name relative to the documents folder, e.g. "000_cec6d9babd0036f1.txt"
    file_type: str  # "txt" | "md" | "html" | "pdf" | "docx", decided from the content
    text: str  # extracted text, NFC, before cleaning
    sha256: str  # of the file's bytes


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

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["directive_numbers"] = list(self.directive_numbers)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentMetadata:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["directive_numbers"] = tuple(known.get("directive_numbers") or ())
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
