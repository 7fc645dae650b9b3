"""The typed results of the register (`assistant.register`): plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.register_match import year_of


@dataclass(frozen=True)
class DirectiveEntry:
    """One document of the register: who issued what, when, where, about what."""

    document: str  # file name of the document (its id in /v1/documents)
    title: str
    kind: str | None  # "chỉ thị", "kế hoạch", "báo cáo", "tin bài", ...
    number: str | None  # "07/CT-UBND", as the document gives its own number
    issuer: str | None
    issued_on: str | None  # ISO date, as precise as known
    signer: str | None
    signer_title: str | None
    subject: str | None
    province: str | None
    district: str | None

    @property
    def year(self) -> int | None:
        return year_of(self.issued_on)

    @property
    def place(self) -> str | None:
        """District and province as one line ("Mường Nhé, Điện Biên"), if known."""
        return ", ".join(p for p in (self.district, self.province) if p) or None


@dataclass(frozen=True)
class Duty:
    """A task a directive gives a body, with where to cite it."""

    body: str  # the owner the item addresses, as written
    text: str  # the duty as written
    document: str
    start: int  # offsets of `text` in the cleaned document
    end: int
    section: str = ""  # the item's numbering ("II.3")
    co_bodies: tuple[str, ...] = ()  # further owners of the same item
    deadline: str | None = None


@dataclass(frozen=True)
class DutyGroup:
    """The duties of one body (an item with several owners is under each of them)."""

    body: str
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class Referrer:
    """A document that names a directive, e.g. a plan "thực hiện Chỉ thị số ..."."""

    directive: DirectiveEntry  # the document doing the naming
    relation: str  # "implements" | "replaces" | "mentions"
    start: int  # where it names it, in its own cleaned text
    end: int


@dataclass(frozen=True)
class DirectiveDetail:
    """A directive found by number: its identity, its duties by body, who refers to it."""

    directive: DirectiveEntry
    duties: tuple[DutyGroup, ...]
    referenced_by: tuple[Referrer, ...]


@dataclass(frozen=True)
class FigureEntry:
    """A figure stated in a document, with what it counts and the sentence to quote."""

    document: str
    title: str
    value_text: str  # as written: "1.908", "80/80", "12,5%"
    value: float
    noun: str  # what it counts, as written
    unit: str | None
    total: float | None
    place: str | None  # as the figure states it, else the document's place
    period: str | None
    comparison: str | None
    compared_to: str | None
    start: int  # offsets of the value in the cleaned document
    end: int
    sentence: str  # the sentence the figure stands in
    sentence_start: int
    sentence_end: int
