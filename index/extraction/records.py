"""What extraction reads out of one clean document: its identity, its duties, its figures.

These records are the contract between the extractors (pure functions over a document's
cleaned text), the catalog (which keeps them per document version) and their readers
(the register and figures API, the answerer). Every span is a pair of character offsets
into the cleaned text the chunks point into, so that anything shown can be cited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class DocumentReference:
    """Another document this one names: "thực hiện Chỉ thị số 31-CT/TU ngày ...".

    `relation` is "implements" when this document carries the other out ("thực hiện",
    "triển khai", "căn cứ"), "replaces" when it replaces or repeals it, else "mentions".
    """

    kind: str | None  # "chỉ thị", "nghị quyết", ... as written before the number
    number: str  # canonical number: "31-CT/TU", "06/CT-UBND"
    relation: str  # "implements" | "replaces" | "mentions"
    start: int
    end: int


@dataclass(frozen=True)
class DocumentIdentity:
    """Who issued what, when, about what. A news page that carries a directive's full
    text describes that directive (kind and number are the directive's)."""

    kind: str | None = None  # "chỉ thị" | "nghị quyết" | "kế hoạch" | "quyết định" | "báo cáo"
    # | "công văn" | "thông báo" | "tin bài" | ...
    number: str | None = None  # "13/CT-UBND"
    issuer: str | None = None  # "UBND tỉnh Thanh Hóa", "Ban Thường vụ Thành ủy Hà Nội"
    issued_on: str | None = None  # ISO date as precise as known: signing date (news: published)
    signer: str | None = None  # "Nguyễn Văn A"
    signer_title: str | None = None  # "Chủ tịch", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Bí thư"
    subject: str | None = None  # "về tăng cường bảo đảm an ninh, trật tự dịp Tết ..."
    province: str | None = None
    district: str | None = None
    references: tuple[DocumentReference, ...] = ()


@dataclass(frozen=True)
class DutyItem:
    """A numbered item (or sentence) of a directive or plan that gives a body a task.

    `body` is the body the item addresses, as written ("Công an tỉnh", "Sở Y tế");
    `co_bodies` are further bodies named as owners of the same item ("Sở Y tế, Công an
    tỉnh" -> body "Sở Y tế", co_bodies ("Công an tỉnh",)); bodies only asked to help
    ("phối hợp với") are not owners. `section` is the item's numbering path ("II.3", "2.a").
    """

    body: str
    text: str  # the duty as written, the body's name included
    start: int
    end: int
    section: str = ""
    co_bodies: tuple[str, ...] = ()
    deadline: str | None = None  # as written: "trước ngày 15/01/2025", "hằng tháng"


@dataclass(frozen=True)
class Figure:
    """A number stated in the text with what it counts.

    "Toàn tỉnh có 1.908 Đội Dân phòng với 11.239 thành viên" gives two figures:
    value_text "1.908", value 1908.0, noun "Đội Dân phòng"; value_text "11.239", noun
    "thành viên". "80/80 xã" is value_text "80/80", value 80, total 80, noun "xã".
    "hàng trăm" or "nhiều" are not figures.
    """

    value_text: str  # exactly as written: "1.908", "1.050.000", "12,5", "80/80", "100%"
    value: float  # as a number: 1908, 1050000, 12.5, 80, 100
    noun: str  # the counted noun phrase as written: "Đội Dân phòng", "vụ", "đồng"
    start: int  # offsets of the value (and unit) in the text
    end: int
    unit: str | None = None  # "%", "đồng", "km", "triệu đồng" when the value carries one
    total: float | None = None  # "80/80 xã": the denominator
    place: str | None = None  # the province or district the figure is about, if stated
    period: str | None = None  # "6 tháng đầu năm 2024", "năm 2022", "2019-2023"
    comparison: str | None = None  # "giảm 12 vụ so với cùng kỳ": "giảm" | "tăng" | ...
    compared_to: str | None = None  # "cùng kỳ năm 2023"
    sentence_start: int = 0  # the sentence the figure stands in, for quoting
    sentence_end: int = 0


@dataclass(frozen=True)
class Extraction:
    """Everything extraction reads out of one document version."""

    identity: DocumentIdentity = field(default_factory=DocumentIdentity)
    duties: tuple[DutyItem, ...] = ()
    figures: tuple[Figure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        identity = dict(data.get("identity") or {})
        identity["references"] = tuple(
            DocumentReference(**r) for r in identity.get("references") or ()
        )
        return cls(
            identity=DocumentIdentity(**identity),
            duties=tuple(
                DutyItem(**{**d, "co_bodies": tuple(d.get("co_bodies") or ())})
                for d in data.get("duties") or ()
            ),
            figures=tuple(Figure(**f) for f in data.get("figures") or ()),
        )
