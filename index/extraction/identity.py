"""A document's identity: kind, number, issuer, date, signer, subject, place, references.

An official document's header gives most of it: the issuing body's block ("ỦY BAN NHÂN DÂN
TỈNH X"), the number line with the place and date ("Số: 06/CT-UBND  X, ngày 23 tháng 3 năm
2021"), the kind's heading ("CHỈ THỊ") and the subject under it; the signing block at the end
gives the signer. A news page that carries such a document's full text is that document. A
page without a header is a news article when it names its source ("Nguồn: ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.document_kinds import MOTTO_RE
from index.extraction.records import DocumentIdentity
from index.extraction.references import read_references
from index.metadata import find_date, find_directive_numbers
from index.records import DocumentMetadata
from index.signatures import NAME_RE, RANK_RE, SIGNED_MARK_RE
from index.vietnamese import canonical, fold

_HEAD_PARAGRAPHS = 30  # an official header sits within the first paragraphs
_NUMBER_LINE_RE = re.compile(r"(?:Số|SỐ)\s*:?\s*(\S+)")
_PLACE_DATE_RE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_KINDS = frozenset(
    {
        "chỉ thị",
        "nghị quyết",
        "quyết định",
        "kế hoạch",
        "báo cáo",
        "thông báo",
        "công văn",
        "tờ trình",
        "chương trình",
        "hướng dẫn",
        "thông tư",
        "quy định",
        "kết luận",
        "đề án",
    }
)
# The kind a number's code stands for: "06/CT-UBND" is a directive.
_KIND_OF_CODE = {
    "CT": "chỉ thị",
    "KH": "kế hoạch",
    "BC": "báo cáo",
    "NQ": "nghị quyết",
    "QĐ": "quyết định",
    "TB": "thông báo",
    "HD": "hướng dẫn",
    "CTr": "chương trình",
    "TTr": "tờ trình",
    "KL": "kết luận",
    "TT": "thông tư",
}
_SOURCE_RE = re.compile(r"^Nguồn\s*:\s*(.+?)\.?$")
_UNIT_WORD_RE = re.compile(
    r"\b(?:thành ủy|tỉnh ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|tỉnh|thành phố|huyện|quận|thị xã|xã"
    r"|phường|thị trấn)\b"
)
_SIGNING_TITLE_RE = re.compile(
    r"\b(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG|THỦ TRƯỞNG|TỔNG|CHÁNH|TM\.|T/M|KT\.|TL\.|TUQ\.|Q\.)"
)
_COMMITTEE_RE = re.compile(r"(?:Thành|Tỉnh|Huyện|Quận|Thị|Đảng) ủy\b")


def _is_motto(paragraph: str) -> bool:
    """ "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc" and nothing else."""
    return bool(MOTTO_RE.search(paragraph)) and not MOTTO_RE.sub("", paragraph).strip(" -_")


def _is_upper(paragraph: str) -> bool:
    letters = [ch for ch in paragraph if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _sentence_case(organ: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" -> "UBND tỉnh Lai Châu"."""
    lower = organ.lower().strip()
    lower = re.sub(r"^ủy ban nhân dân\b", "UBND", lower)
    lower = re.sub(r"^hội đồng nhân dân\b", "HĐND", lower)
    unit = _UNIT_WORD_RE.search(lower)
    if unit is None:
        return lower[:1].upper() + lower[1:]
    place = " ".join(word.capitalize() for word in lower[unit.end() :].split())
    head = lower[: unit.end()]
    return f"{head[:1].upper()}{head[1:]} {place}".strip()


# Where a header's two columns were joined on one line (a converted page): "ỦY BAN NHÂN
# DÂN TỈNH A — Số: 41/KH-UBND", "CỘNG HÒA ... — Độc lập - Tự do - Hạnh phúc".
_COLUMN_JOIN_RE = re.compile(r"\s+[—–]\s+")


def _header_columns_apart(paragraphs: list[str]) -> list[str]:
    """The header's lines whose left column is an organ or the motto in capitals, with the
    right column joined by a long dash, read one after the other (as a header read column
    by column is); every other paragraph as it is."""
    head: list[str] = []
    for paragraph in paragraphs[:_HEAD_PARAGRAPHS]:
        parts = _COLUMN_JOIN_RE.split(paragraph)
        head += parts if len(parts) > 1 and _is_upper(parts[0]) else [paragraph]
    return head + paragraphs[_HEAD_PARAGRAPHS:]


def _header(paragraphs: list[str]) -> tuple[int, str, str | None] | None:
    """(index, number, signing date) of the header's number line."""
    for i, paragraph in enumerate(paragraphs[:_HEAD_PARAGRAPHS]):
        line = _NUMBER_LINE_RE.match(paragraph)
        if line is None:
            continue
        numbers = find_directive_numbers(paragraph[: line.end()])
        if not numbers:
            continue  # "Số vụ tai nạn ...": a sentence, not a number line
        number = numbers[0]
        # The dateline may follow the motto when the header's columns were read one after
        # the other ("Số: 06/CT-UBND", "CỘNG HÒA ...", "Độc lập ...", "X, ngày ...").
        near = [p for p in paragraphs[i : i + 5] if not _is_motto(p)][:3]
        dated = next((p for p in near if _PLACE_DATE_RE.search(p)), "")
        match = _PLACE_DATE_RE.search(dated)
        return i, number, find_date(match.group()) if match else None
    return None


def _issuer(paragraphs: list[str], number_at: int, signing_title: str | None) -> str | None:
    """The issuing body: the last organ line of the header block above the number line."""
    organs = []
    for paragraph in reversed(paragraphs[:number_at]):
        if _is_motto(paragraph):  # the right column read after the left one
            continue
        # ... or beside it, on one line: "CÔNG AN XÃ A Độc lập - Tự do - Hạnh phúc"
        organ = MOTTO_RE.sub("", paragraph).strip(" -")
        if not _is_upper(organ):
            break
        organs.append(organ)
    if not organs:
        return None
    issuer = _sentence_case(organs[0])
    if len(organs) > 1 and _UNIT_WORD_RE.match(issuer.lower()):  # "ỦY BAN NHÂN DÂN / TỈNH X"
        issuer = _sentence_case(f"{organs[1]} {organs[0]}")
    # A party committee's documents are issued by its standing committee ("T/M BAN THƯỜNG VỤ").
    if signing_title and "BAN THƯỜNG VỤ" in signing_title and _COMMITTEE_RE.match(issuer):
        return f"Ban Thường vụ {issuer}"
    return issuer


def _kind_and_subject(paragraphs: list[str], number: str) -> tuple[str | None, str | None]:
    """The kind's heading under the number line ("CHỈ THỊ") and the subject that follows it."""
    for i, paragraph in enumerate(paragraphs[:4]):
        words = paragraph.split()
        heading = []
        for word in words:
            if not _is_upper(word):
                break
            heading.append(word)
        kind = canonical(" ".join(heading))
        if kind in _KINDS:
            rest = " ".join(words[len(heading) :])
            if rest.startswith("của ") and " về " in rest:  # "của Ban Thường vụ ... về ..."
                rest = rest[rest.index(" về ") + 1 :]
            subject = rest or (paragraphs[i + 1] if i + 1 < len(paragraphs) else "")
            return kind, subject[:300] or None
    code = re.search(r"[-/]([^\W\d_]+)", number)
    return (_KIND_OF_CODE.get(code.group(1)) if code else None), None


SIGNING_TAIL = 8  # paragraphs from the end where the signature stands, appendices aside


def _signing_block(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """(signer, signer's title) from the block of capitalised titles near the end; else,
    where an appendix follows the signature ("PHỤ LỤC ..."), the last such block above it
    that a name signs."""
    tail = paragraphs[-SIGNING_TAIL:]
    for i in range(len(tail) - 1, -1, -1):
        if _is_upper(tail[i]) and _SIGNING_TITLE_RE.search(tail[i]):
            return _signed(tail, i)
    for i in range(len(paragraphs) - SIGNING_TAIL - 1, -1, -1):
        if _is_upper(paragraphs[i]) and _SIGNING_TITLE_RE.search(paragraphs[i]):
            signer, title = _signed(paragraphs, i)
            if signer is not None:
                return signer, title
    return None, None


def _right_column(rows: list[str]) -> list[str]:
    """The last cell of each table row, marks of emphasis dropped, empty ones left out:
    "| - Các sở; | **Nguyễn Văn A** |" -> "Nguyễn Văn A"; rows only."""
    cells = [row.strip().strip("|").split("|")[-1] for row in rows if row.startswith("|")]
    return [c.strip().strip("*_ ") for c in cells if c.strip().strip("*_ ")]


MAX_TITLE_LINE_CHARS = 60  # a signing title's line in capitals, not a heading's


def _signed(paragraphs: list[str], at: int) -> tuple[str | None, str | None]:
    """The name under the signing title at `at` (the title's lines above it included)."""
    first = at
    while (
        first > 0
        and _is_upper(paragraphs[first - 1])
        and len(paragraphs[first - 1]) < MAX_TITLE_LINE_CHARS
    ):
        first -= 1
    # ... and the title's lines below it, in capitals ("TRƯỞNG CÔNG AN HUYỆN" / "CẦN GIỜ")
    last = at
    while (
        last + 1 < len(paragraphs)
        and _is_upper(paragraphs[last + 1])
        and len(paragraphs[last + 1]) < MAX_TITLE_LINE_CHARS
    ):
        last += 1
    title = " ".join(paragraphs[first : last + 1])
    # The name follows the title, after "(Đã ký)" on a copy, often with a rank ("Thiếu tá").
    below = [
        p.strip()
        for p in paragraphs[last + 1 : last + 4]
        if not SIGNED_MARK_RE.fullmatch(p.strip())
    ]
    name = RANK_RE.sub("", below[0]) if below else ""
    return (name if NAME_RE.fullmatch(name) else None), title


def _news_identity(paragraphs: list[str], metadata: DocumentMetadata) -> DocumentIdentity:
    """A page without an official header: a news article when it names its source."""
    # "Nguồn: Báo X" on its own line, or a field of the meta line "Cập nhật: ... | Nguồn: Báo X".
    fields = [field.strip() for p in paragraphs[:3] for field in p.split("|")]
    source = next((m.group(1) for f in fields if (m := _SOURCE_RE.match(f))), None)
    return DocumentIdentity(
        kind="tin bài" if source else metadata.kind,
        issuer=source,
        issued_on=metadata.issued_on,
        province=metadata.province,
        district=metadata.district,
    )


def read_identity(
    text: str, metadata: DocumentMetadata, file_type: str = "txt"
) -> DocumentIdentity:
    """The identity of a document from its cleaned text (and what metadata already read)."""
    paragraphs = _header_columns_apart([p.strip() for p in text.split("\n\n") if p.strip()])
    header = _header(paragraphs)
    if header is None:
        identity = _news_identity(paragraphs, metadata)
        return _with_references(_with_info_table(identity, paragraphs), text)
    at, number, issued_on = header
    kind, subject = _kind_and_subject(paragraphs[at + 1 :], number)
    signer, signer_title = _signing_block(paragraphs)
    if signer is None:  # the signature in the right column of a table beside "Nơi nhận"
        signer, signer_title = _signing_block(_right_column(paragraphs[-SIGNING_TAIL:]))
    identity = DocumentIdentity(
        kind=kind or metadata.kind,
        number=number,
        issuer=_issuer(paragraphs, at, signer_title),
        issued_on=issued_on or metadata.issued_on,
        signer=signer,
        signer_title=signer_title,
        subject=subject,
        province=metadata.province,
        district=metadata.district,
    )
    if identity.signer is None:  # a portal page may give the signer in its attribute table
        identity = replace(identity, signer=_with_info_table(identity, paragraphs).signer)
    return _with_references(identity, text)


def _info_label(label: str) -> str:
    """An attribute's label read folded, without its marks: "Số, ký hiệu" is "so ky hieu"."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(label).lower()).split())


# A legal portal's table of a document's attributes ("Số ký hiệu | 06/2022/NQ-HĐND",
# "Ngày ban hành | 08/7/2022", "Người ký | Nguyễn Văn A"); a council's resolution is
# issued the day it is passed ("Ngày thông qua").
_INFO_FIELDS = {
    _info_label(label): field
    for label, field in (
        ("Số ký hiệu", "number"),
        ("Số hiệu", "number"),
        ("Số văn bản", "number"),
        ("Ngày ban hành", "issued_on"),
        ("Ngày thông qua", "issued_on"),
        ("Cơ quan ban hành", "issuer"),
        ("Người ký", "signer"),
    )
}
_INFO_ROW_RE = re.compile(r"^\|?\s*([^|]{2,30}?)\s*\|\s*([^|]{2,120}?)\s*\|?$")


def _with_info_table(identity: DocumentIdentity, paragraphs: list[str]) -> DocumentIdentity:
    """A page carrying a document's attribute table is that document: its number, date,
    issuing body and signer fill what no official header gave."""
    found: dict[str, str] = {}
    for paragraph in paragraphs[:_INFO_PARAGRAPHS]:
        for line in paragraph.split("\n"):
            row = _INFO_ROW_RE.match(line.strip())
            field = _INFO_FIELDS.get(_info_label(row.group(1))) if row else None
            if row and field and field not in found:
                found[field] = row.group(2)
    numbers = find_directive_numbers(found.get("number", ""))
    issued_on = find_date(found.get("issued_on", ""))
    if not numbers and issued_on is None:
        return identity  # not a document's attribute table
    # "Người ký | Chủ tịch HĐND tỉnh Hồ Văn Khải": the name its last capitalised words give.
    signer = _NAME_END_RE.search(found.get("signer", ""))
    named = signer.group() if signer else None
    return DocumentIdentity(
        **{
            **identity.__dict__,
            # its kind as its number's code says ("06/2022/NQ-HĐND": a resolution)
            "kind": _kind_and_subject([], numbers[0])[0] if numbers else identity.kind,
            "number": identity.number or (numbers[0] if numbers else None),
            "issued_on": issued_on or identity.issued_on,
            "issuer": found.get("issuer") or identity.issuer,
            "signer": identity.signer or named,
        }
    )


_INFO_PARAGRAPHS = 60
_NAME_END_RE = re.compile(rf"(?<![^\s|:]){NAME_RE.pattern}$")


def _with_references(identity: DocumentIdentity, text: str) -> DocumentIdentity:
    references = read_references(text, identity.number)
    return DocumentIdentity(**{**identity.__dict__, "references": references})
