"""Response models of the register API: directives, their duties, and figures."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.register import (
    DirectiveDetail,
    DirectiveEntry,
    Duty,
    DutyGroup,
    FigureEntry,
    Referrer,
)


class DirectiveOut(BaseModel):
    """A document of the register: who issued what, when, where, about what."""

    document: str = Field(description="File name of the document (its id in /v1/documents).")
    title: str
    kind: str | None = Field(None, description="chỉ thị, nghị quyết, kế hoạch, báo cáo...")
    number: str | None = Field(None, description='The document\'s own number, e.g. "07/CT-UBND".')
    issuer: str | None = Field(None, description='The issuing body, e.g. "UBND tỉnh Hà Giang".')
    issued_on: str | None = Field(None, description="ISO date, as precise as known.")
    year: int | None = None
    signer: str | None = None
    signer_title: str | None = Field(None, description='"Chủ tịch", "KT. CHỦ TỊCH ..."')
    subject: str | None = Field(None, description='What it is about: "Về tăng cường ...".')
    province: str | None = None
    district: str | None = None

    @classmethod
    def of(cls, entry: DirectiveEntry) -> DirectiveOut:
        return cls(
            document=entry.document, title=entry.title, kind=entry.kind, number=entry.number,
            issuer=entry.issuer, issued_on=entry.issued_on, year=entry.year,
            signer=entry.signer, signer_title=entry.signer_title, subject=entry.subject,
            province=entry.province, district=entry.district,
        )  # fmt: skip


class DirectiveList(BaseModel):
    count: int
    index_version: int = Field(description="The index version the list was read from.")
    directives: list[DirectiveOut]


class DutyOut(BaseModel):
    """A task the directive gives; cite it with `document`, `start` and `end`."""

    body: str = Field(description="The body that owns the item, as written.")
    text: str = Field(description="The duty as written in the directive.")
    document: str
    start: int = Field(description="Offset of `text` in the cleaned document.")
    end: int
    section: str = Field(description='The item\'s numbering, e.g. "2" or "II.3".')
    co_bodies: list[str] = Field(description="Further owners of the same item.")
    deadline: str | None = Field(None, description='As written: "trước ngày 31/3/2024".')

    @classmethod
    def of(cls, duty: Duty) -> DutyOut:
        return cls(
            body=duty.body, text=duty.text, document=duty.document, start=duty.start,
            end=duty.end, section=duty.section, co_bodies=list(duty.co_bodies),
            deadline=duty.deadline,
        )  # fmt: skip


class DutyGroupOut(BaseModel):
    """The duties of one body (an item with several owners is listed under each)."""

    body: str
    duties: list[DutyOut]

    @classmethod
    def of(cls, group: DutyGroup) -> DutyGroupOut:
        return cls(body=group.body, duties=[DutyOut.of(d) for d in group.duties])


class ReferrerOut(BaseModel):
    """A document naming this directive, e.g. a plan that carries it out."""

    directive: DirectiveOut
    relation: str = Field(description="implements, replaces or mentions.")
    start: int = Field(description="Where it names the directive, in its own cleaned text.")
    end: int

    @classmethod
    def of(cls, referrer: Referrer) -> ReferrerOut:
        return cls(
            directive=DirectiveOut.of(referrer.directive),
            relation=referrer.relation,
            start=referrer.start,
            end=referrer.end,
        )


class DirectiveDetailOut(BaseModel):
    """A directive with its duties grouped by body and the documents referring to it."""

    directive: DirectiveOut
    duties: list[DutyGroupOut]
    referenced_by: list[ReferrerOut]

    @classmethod
    def of(cls, detail: DirectiveDetail) -> DirectiveDetailOut:
        return cls(
            directive=DirectiveOut.of(detail.directive),
            duties=[DutyGroupOut.of(g) for g in detail.duties],
            referenced_by=[ReferrerOut.of(r) for r in detail.referenced_by],
        )


class DirectiveLookup(BaseModel):
    """Every document with the number asked for (numbers repeat across provinces)."""

    number: str
    count: int
    matches: list[DirectiveDetailOut]


class FigureOut(BaseModel):
    """A figure stated in a document; cite it with `document` and the sentence offsets."""

    document: str
    title: str
    value_text: str = Field(description='As written: "1.908", "80/80", "12,5%".')
    value: float
    noun: str = Field(description='What it counts, as written: "Đội Dân phòng".')
    unit: str | None = None
    total: float | None = Field(None, description='The denominator of "80/80 xã".')
    place: str | None = Field(None, description="As the figure says, else its document's.")
    period: str | None = Field(None, description='"6 tháng đầu năm 2024", "năm 2022".')
    comparison: str | None = Field(None, description='"tăng", "giảm", ...')
    compared_to: str | None = None
    start: int = Field(description="Offset of the value in the cleaned document.")
    end: int
    sentence: str = Field(description="The sentence the figure stands in.")
    sentence_start: int
    sentence_end: int

    @classmethod
    def of(cls, figure: FigureEntry) -> FigureOut:
        return cls.model_validate(figure, from_attributes=True)


class FigureList(BaseModel):
    count: int
    index_version: int
    figures: list[FigureOut]
