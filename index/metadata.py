"""What a document says about itself: title, date, place, kind and the documents it cites.

`extract_metadata` takes the raw text. The date is read from the article's head in the raw text
(cleaning drops the dateline); everything else is read from the cleaned text, so that the dates,
places and document numbers of related-news lists and page furniture are never taken.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise
from pathlib import PurePath

from index.cleaning import HEADING, OTHER, TOOLBAR, classify, clean_text, head_lines
from index.document_kinds import DOCUMENT_KINDS, MOTTO_RE, is_kind_line
from index.gazetteer import (
    MERGED_2025,
    PROVINCE_NAMES,
    after_merger,
    find_localities,
    find_provinces,
    locality_mentions,
)
from index.loaders import UnsupportedDocumentError
from index.pages import spans_in_cleaned
from index.records import CleanDocument, DocumentMetadata, LoadedFile
from index.vietnamese import canonical, fold

__all__ = [
    "directive_key",
    "extract_metadata",
    "find_date",
    "find_directive_numbers",
    "find_localities",
    "find_provinces",
    "prepare_document",
]

# Document numbers: "31-CT/TU", "23/2012/TT-BCA", "16418/UBND-NC" (a large province's letters
# run to five digits); "521/TTg" only after a kind.
_SEG = r"[^\W\d_][^\W_]*"
_NUMBER_RE = re.compile(
    rf"(?<![\w/.-])\d{{1,5}}(?:-{_SEG}/{_SEG}(?:-{_SEG})*|/\d{{4}}/{_SEG}(?:-{_SEG})*"
    rf"|/{_SEG}(?:-{_SEG})+|/{_SEG})(?![\w/])"
)
_BARE_NUMBER_RE = re.compile(rf"\d+/{_SEG}")
_OWN_NUMBER_LINE_RE = re.compile(r"(?:^|\n)[ \t|*]*Số\s*:\s*$")
_KIND_BEFORE_RE = re.compile(
    r"(?:quyet dinh|ke hoach|nghi quyet|chi thi|thong tu|cong van|nghi dinh|van ban|huong dan"
    r"|thong bao|chuong trinh|bao cao|to trinh|luat|phap lenh|ket luan|quy dinh"
    # ... or its short form, typed fast: "kh 152/kh-ubnd", "ct so 08/ct-tu"
    r"|(?<!\w)(?:kh|ct|nq|qd|cv|bc|tb))"
    r"\s*(?:so\s*:?\s*)?$"
)

_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
_WORDY_DATE_RE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_ISO_RE = re.compile(r"(?<![\d/])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d/])")
# The place-and-date line of an official document: "Hà Tĩnh, ngày 06 tháng 3 năm 2023".
# ... also as a cell of the header laid out as a table, in italics: "| | *A, ngày 3 tháng 11
# năm 2031* |" (the cells beside it emptied by cleaning).
_PLACE_DATE_RE = re.compile(
    r"^[\s|*_]*[^\d,|*_]{2,40},\s*ngày \d{1,2} tháng \d{1,2} năm \d{4}\.?[\s|*_]*$"
)
_LEAD_DATELINE_RE = re.compile(
    r"([^\W\d][^\d,]{1,39},\s*(?:ngày\s*)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\s*[-–—]"
)
_TITLE_YEAR_RE = re.compile(r"\bnăm (\d{4})\b")
_LAW_YEAR_RE = re.compile(r"\d+/(\d{4})/")

_ARTICLE_RE = re.compile(r"^Điều \d+[a-zđ]?\.")
_LAW_NAME_RE = re.compile(r"^(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Hiến pháp)\b")
_SITE_TAG_RE = re.compile(r"^[A-ZĐ]{2,6}\s+[-–]\s+")  # "VPUB - " before a portal's titles
_LEAD_TAG_RE = re.compile(r"^\(?([\w.]{2,30})\)?\s*[-–]\s")  # "ĐBP - ", "Dienbien.gov.vn - "
# Bounded as DNS bounds names (labels of 63, a few levels): unbounded, "a.a.a..." with no
# ".vn" is quadratic.
_DOMAIN_RE = re.compile(r"\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.vn\b", re.IGNORECASE)
_GENERIC_LABELS = frozenset({"www", "gov", "org", "com", "net", "edu", "info", "vn"})
# Province names as a web address writes them ("baosoctrang", "thuathienhue"); not "hue",
# which is in every "thue" (tax) address.
_COMPACT_PROVINCES = sorted(
    (
        (key, province)
        for name, province in PROVINCE_NAMES.items()
        if len(key := re.sub(r"[\W_]", "", fold(name))) >= 5
    ),
    key=lambda x: -len(x[0]),
)

# Title openings and the kind they make.
_KIND_OPENING_RE = re.compile(
    r"(nghị quyết|quyết định|chỉ thị|kế hoạch|báo cáo|thông tư|bộ luật"
    r"|luật(?! sư| gia| pháp| học| lệ)"  # "Luật sư ..." is about lawyers, not a law
    r"|kết quả công tác|kết quả thực hiện|sơ kết|tổng kết)\b"
)
_REPORT_OPENINGS = ("kết quả công tác", "kết quả thực hiện", "sơ kết", "tổng kết")
_KIND_OF_OPENING = {"bộ luật": "luật"} | dict.fromkeys(_REPORT_OPENINGS, "báo cáo")
_KIND_WITH_SUBJECT_RE = re.compile(
    "(" + "|".join(kind.upper() for kind in sorted(DOCUMENT_KINDS)) + r") (\S.*)"
)
_SELF_REFERENCE_RE = re.compile(r"\b(nghị quyết|quyết định|chỉ thị|kế hoạch|thông tư|luật) này\b")
_NEWS_LINE_RE = re.compile(r"^nguồn:|(?:^|[.(]\s*)ảnh:|đăng ngày|ngày đăng|lượt xem|cập nhật:")


def find_directive_numbers(text: str) -> list[str]:
    """Document numbers cited in a text, as written, first mention first, without repeats."""
    found: dict[str, str] = {}
    for match in _NUMBER_RE.finditer(text):
        number = match.group()
        kind_before = _KIND_BEFORE_RE.search(
            fold(text[max(0, match.start() - 30) : match.start()]).lower().rstrip()
        )
        segments = re.findall(r"[^\W\d_]+", number)
        if any(seg[0].islower() for seg in segments) and not (
            # "chi thi 08/ct-ubnd", typed fast: all in lower case, after the kind it numbers
            kind_before and number == number.lower()
        ):
            continue
        # (a header's "Số: 2107/UBND" numbers its own document, a letter's)
        numbered = _OWN_NUMBER_LINE_RE.search(text[max(0, match.start() - 12) : match.start()])
        if _BARE_NUMBER_RE.fullmatch(number) and not (kind_before or numbered):
            continue  # "Ban Chỉ đạo 138/CP" is a committee, "Quyết định 521/TTg" a document
        found.setdefault(directive_key(number), number)
    return list(found.values())


def directive_key(number: str) -> str:
    """One comparable form of a document number: "31-ct/tu", "31/CT-TU" -> "31/CT/TU"."""
    parts = re.findall(r"\d+|[A-Z]+", fold(number).upper())
    return "/".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def _valid(year: str, month: str, day: str | None = None) -> str | None:
    try:
        when = date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    if not 1945 <= when.year <= 2100:
        return None
    return when.isoformat() if day else when.isoformat()[:7]


def _date_in(line: str) -> str | None:
    for match in _ISO_RE.finditer(line):
        if found := _valid(*match.groups()):
            return found
    for pattern in (_DMY_RE, _WORDY_DATE_RE):
        for match in pattern.finditer(line):
            day, month, year = match.groups()
            if found := _valid(year, month, day):
                return found
    return None


def find_date(line: str) -> str | None:
    """The first valid date written in a line ("20/9/2023", "ngày 20 tháng 9 năm 2023"), ISO."""
    return _date_in(line)


# A news page's labelled dateline, when cleaning took it for page furniture.
_LABELLED_DATELINE_RE = re.compile(r"^[^\S\n]*(?:ngày đăng|đăng ngày)\s*:?(.*)$", re.I | re.M)
# A publication label in a page's meta line: "Cập nhật: 14/07/2031 08:30 | Nguồn: Báo X".
_PUBLISHED_LABEL_RE = re.compile(
    r"(?:^|\|)\s*(?:ngày đăng|đăng ngày|đăng lúc|ngày cập nhật|cập nhật|ngày xuất bản|xuất bản)\b",
    re.I,
)


# A publication time stamp, as bylines write it: "Minh Anh | 21/3/2031 17:05 (GMT+7)",
# "08:15 ngày 03/02/2031": a date with its clock time is when the page was published.
_TIMESTAMP_RE = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{4},?\s*(?:-\s*)?\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}:\d{2}(?:\s*(?:SA|CH|AM|PM))?,?\s+(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}\b",
    re.I,
)


def _labelled_dateline(raw: str, cleaned: str) -> str | None:
    """The date of a "Ngày đăng: ..." line above the article's first paragraph."""
    first = cleaned.split("\n\n", 1)[0][:60]
    cut = raw.find(first) if first else -1
    for match in _LABELLED_DATELINE_RE.finditer(raw, 0, cut if cut > 0 else 2000):
        if found := _date_in(match.group(1)):
            return found
    return None


def _head_date(head: list[str]) -> str | None:
    """The date of the article's dateline or title."""
    kinds = [classify(line) for line in head]
    start = kinds.index(OTHER) if OTHER in kinds else 0
    # Title first, then the datelines under it, and only then a date above it (the site's today).
    for i in [*range(start, len(head)), *range(start)]:
        is_dateline = (
            i == start
            or kinds[i] == TOOLBAR
            or _PLACE_DATE_RE.match(head[i])
            or _PUBLISHED_LABEL_RE.search(head[i])
            or _TIMESTAMP_RE.search(head[i])
        )
        if is_dateline and (found := _date_in(head[i])):
            return found
    return None


# An official header's dateline, alone or after the number on its line ("Số: 07/CT-UBND
# Kiên Giang, ngày 17 tháng 3 năm 2023"), among the header's first paragraphs.
_OFFICIAL_HEAD = 12
_NUMBERED_DATELINE_RE = re.compile(
    r"^Số\s*:?\s*\S+\s+([^\d,]{2,40},\s*ngày \d{1,2} tháng \d{1,2} năm \d{4})"
)


def _official_dateline(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:_OFFICIAL_HEAD]:
        numbered = _NUMBERED_DATELINE_RE.match(paragraph)
        if numbered or _PLACE_DATE_RE.match(paragraph):
            return _date_in(numbered.group(1) if numbered else paragraph)
    return None


def _lead_date(paragraphs: list[str]) -> str | None:
    """The date a news lead opens with: "Cà Mau, ngày 05/8/2024 – Sáng 04/8, …"."""
    for paragraph in paragraphs[1:3]:
        if match := _LEAD_DATELINE_RE.match(paragraph):
            return _date_in(match.group(1))
    return None


def _title_year(title: str) -> str | None:
    """A year the title names ("năm 2021"), or a law's year in its number."""
    match = _TITLE_YEAR_RE.search(canonical(title))
    if match is None and _LAW_NAME_RE.match(title):  # "Bộ luật Dân sự 2015 (91/2015/QH13) – ..."
        match = _LAW_YEAR_RE.search(title)
    year = match and match.group(1)
    return year if year and 1945 <= int(year) <= 2100 else None


# A label a saved copy carries above the document: "Nguồn: ...", "Ngày ban hành: ...".
_SAVED_LABEL_RE = re.compile(r"^(?:Nguồn|Ngày ban hành|Ngày đăng|Cập nhật|Tác giả)\s*:", re.I)


def _title(paragraphs: list[str], source: str) -> str:
    if not paragraphs or not paragraphs[0]:
        return PurePath(source).stem
    first = paragraphs[0]
    if len(paragraphs) > 1 and _ARTICLE_RE.match(first) and _LAW_NAME_RE.match(paragraphs[1]):
        return f"{paragraphs[1]} – {first}"  # a law article: "Bộ luật ... – Điều 418. ..."
    # An official document: a "CHỈ THỊ" line, then its subject ("Về tiếp tục ...").
    for index, (paragraph, subject) in enumerate(pairwise(paragraphs[:16])):
        if is_kind_line(paragraph):
            subject = " ".join([subject, *_subject_goes_on(paragraphs[index + 2 : 16])])
            # "CỦA BAN THƯỜNG VỤ TỈNH ỦY về ...": the issuer in capitals is no part of it.
            words = subject.split(" ")
            capitals = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
            if words[0] == "CỦA" and words[capitals : capitals + 1] == ["về"]:
                subject = " ".join(words[capitals:])
            return f"{paragraph.capitalize()} {subject[:1].lower()}{subject[1:]}"[:200]
    # ... or both on one line under the header: "CHỈ THỊ của Ban Thường vụ Tỉnh ủy về ...".
    for paragraph in paragraphs[:16]:
        if paragraph.isupper() or paragraph.startswith("Số") or _PLACE_DATE_RE.match(paragraph):
            continue  # the issuing body, the motto, the number, the place and date
        if MOTTO_RE.search(paragraph):
            continue  # ... the motto beside a body's line ("PHÒNG GD&ĐT Độc lập - Tự do - ...")
        if _SAVED_LABEL_RE.match(paragraph):
            continue  # "Nguồn: Văn phòng Tỉnh ủy": where a saved copy came from
        match = _KIND_WITH_SUBJECT_RE.fullmatch(paragraph)
        if match:
            # ... the kind qualified in capitals: "QUY CHẾ PHỐI HỢP giữa A và B ...".
            words = match.group(2).split(" ")
            qualified = next((i for i, word in enumerate(words) if not word.isupper()), 0)
            kind = " ".join([match.group(1), *words[:qualified]])
            subject = " ".join(words[qualified:])
            if subject[:1].islower():
                return f"{kind.capitalize()} {subject}"[:200]
        break
    letter = _letter_subject(paragraphs[:16])
    if letter:
        return letter
    if _SAVED_LABEL_RE.match(first) and len(paragraphs) > 1:
        first = paragraphs[1]
    first = _SITE_TAG_RE.sub("", first)
    return first if len(first) <= 200 else first[:200].rsplit(" ", 1)[0] + "…"


def _subject_goes_on(paragraphs: list[str]) -> list[str]:
    """The lines a wrapped subject goes on in: "... trong phong trào" / ""Toàn dân bảo vệ an
    ninh Tổ quốc" năm 2024" (opening lower-case or with a quote), up to the next block; a
    note in brackets under it ("(Số liệu tính từ ...)") is none of them."""
    lines = []
    for paragraph in paragraphs:
        if not (paragraph[:1].islower() or paragraph[:1] in '"“'):
            break
        lines.append(paragraph)
    return lines


# An official letter's subject under its number: "V/v triển khai ...", wrapped over lines.
LETTER_SUBJECT_RE = re.compile(r"V/v\.?\s+(\S.*)")


def _letter_subject(head: list[str]) -> str | None:
    """A letter (công văn) names no kind line; its "V/v ..." line says what it is about:
    "Công văn về việc triển khai ...", with the lines its wrapping cut from it."""
    for index, paragraph in enumerate(head):
        match = LETTER_SUBJECT_RE.match(paragraph)
        if match is None:
            continue
        parts = [match.group(1), *_subject_goes_on(head[index + 1 :])]
        return f"Công văn về việc {' '.join(parts)}"[:200]
    return None


def _kind(title: str, text: str, head: list[str], lead: str) -> str | None:
    opening = _KIND_OPENING_RE.match(canonical(title))
    if opening:
        return _KIND_OF_OPENING.get(opening.group(1), opening.group(1))
    # A text that calls itself "Chỉ thị này" is that document, even inside a news page.
    mentions = Counter(_SELF_REFERENCE_RE.findall(canonical(text)))
    if mentions:
        return mentions.most_common(1)[0][0]
    if _is_news(text, head, lead):
        return "tin bài"
    return None


def _is_news(text: str, head: list[str], lead: str) -> bool:
    if _LEAD_TAG_RE.match(lead) or _LEAD_DATELINE_RE.match(lead):
        return True
    if any(_SITE_TAG_RE.match(line) for line in head[:1]):
        return True
    lines = [*head, *text.split("\n\n")]
    # A dateline, share buttons or a news box around the title: a news page.
    return any(_NEWS_LINE_RE.search(canonical(line)) for line in lines) or any(
        classify(line) in (HEADING, TOOLBAR) for line in head
    )


def _site_provinces(text: str) -> list[str]:
    """Provinces named by a web address ("baosoctrang.org.vn")."""
    found = []
    for match in _DOMAIN_RE.finditer(text):
        labels = match.group().lower().replace("-", "").split(".")
        name = "".join(label for label in labels if label not in _GENERIC_LABELS)
        found += [p for key, p in _COMPACT_PROVINCES if key in name][:1]
    return found


def _place(
    title: str, lead: str, text: str, header: Sequence[str] = (), merged: bool = False
) -> tuple[str | None, str | None]:
    """The dominant province (header, title and lead first, then frequency) and a district in
    title and lead. In a document written after the 2025 merger (`merged`), a place of a
    province merged away counts for the province it is now part of."""
    in_title, in_lead = list(locality_mentions(title)), list(locality_mentions(lead))
    scores: Counter[str] = Counter()
    # Named in the title counts most, and as much in the header above it (the issuing body,
    # the dateline's place): whose document it is. A district counts a little less than its
    # province named.
    # The issuing body's own lines, in capitals above the title ("ĐẢNG BỘ TỈNH A" / "HUYỆN
    # ỦY B"), count again: a title may name another province it is about ("... địa bàn
    # giáp ranh thành phố C").
    issuer = [line for line in header if line.isupper()]
    for mentions, named, via_district in (
        (locality_mentions("\n".join(header)), 10, 8),
        (locality_mentions("\n".join(issuer)), 10, 8),
        (in_title, 10, 8),
        (in_lead, 6, 4),
        (locality_mentions(text), 2, 1),
    ):
        for loc in mentions:
            if loc.province:
                owner = MERGED_2025.get(loc.province, loc.province) if merged else loc.province
                scores[owner] += named if loc.level == "province" else via_district
    for site_province in _site_provinces(text):
        scores[site_province] += 6
    province = scores.most_common(1)[0][0] if scores else None
    districts = [
        loc
        for loc in in_title + in_lead
        if loc.level == "district" and loc.province in (None, province)
    ]
    # ... else the district of the issuing body above the title ("CÔNG AN HUYỆN A", "UBND
    # HUYỆN B"); not the dateline's place ("B, ngày ..."), where a province's office stands.
    issuers = [_PARTY_COMMITTEE_RE.sub(_unit_of_committee, line) for line in header]
    issuers = [line for line in issuers if _DISTRICT_ISSUER_RE.search(line)]
    districts += [
        loc
        for loc in locality_mentions("\n".join(issuers))
        if loc.level == "district" and loc.province in (None, province)
    ]
    if districts:
        return province, districts[0].name
    return province, _unlisted_district(title) or _unlisted_district(lead)


# A header line naming a district-level body, not a dateline: "CÔNG AN HUYỆN MÈO VẠC".
_DISTRICT_ISSUER_RE = re.compile(
    r"^(?!.*\bngày\b).*\b(?:huyện|quận|thị xã|thành phố)\s+\w", re.IGNORECASE
)


# A district's Party committee names its district: "HUYỆN ỦY A" is of "huyện A", "THỊ ỦY B"
# of "thị xã B".
_PARTY_COMMITTEE_RE = re.compile(r"\b(huyện|quận|thị|thành) ủy\b", re.IGNORECASE)
_COMMITTEE_UNITS = {"huyện": "huyện", "quận": "quận", "thị": "thị xã", "thành": "thành phố"}


def _unit_of_committee(match: re.Match[str]) -> str:
    return _COMMITTEE_UNITS[canonical(match.group(1)).lower()]


# "huyện Mường Nhé", "thị xã Ba Đồn": a district-level unit the gazetteer does not list,
# told by its unit word and its capitalised name (up to three syllables).
_UNIT_NAME_RE = re.compile(
    r"\b(?:huyện|quận|thị xã)\s+((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,2})"
)


def _unlisted_district(text: str) -> str | None:
    match = _UNIT_NAME_RE.search(text)
    return match.group(1) if match else None


def extract_metadata(text: str, source: str, *, cleaned: str | None = None) -> DocumentMetadata:
    """Metadata of a document from its raw text (pass `cleaned` if it is already cleaned)."""
    cleaned = clean_text(text) if cleaned is None else cleaned
    paragraphs = cleaned.split("\n\n") if cleaned else []
    head = head_lines(text)
    title = _title(paragraphs, source)
    lead = next((p for p in paragraphs[1:] if len(p) >= 80), "")
    issued_on = (
        _head_date(head)
        or _official_dateline(paragraphs)
        or _labelled_dateline(text, cleaned)
        or _lead_date(paragraphs)
        or _title_year(title)
    )
    header = [line for line in head if canonical(line).lower() not in canonical(title).lower()]
    merged = after_merger(issued_on)
    province, district = _place(title, lead, cleaned, header, merged)
    return DocumentMetadata(
        title=title,
        issued_on=issued_on,
        year=int(issued_on[:4]) if issued_on else None,
        province=province,
        district=district,
        kind=_kind(title, cleaned, head, lead),
        directive_numbers=tuple(find_directive_numbers(cleaned)),
    )


def prepare_document(loaded: LoadedFile) -> CleanDocument:
    """Clean a loaded file and read its metadata; refuses a file that is all clutter."""
    cleaned = clean_text(loaded.text)
    if not cleaned:
        raise UnsupportedDocumentError(loaded.source, "không còn nội dung sau khi làm sạch")
    metadata = extract_metadata(loaded.text, loaded.source, cleaned=cleaned)
    if loaded.pages:  # a scan: each line keeps its page and OCR confidence
        metadata = replace(metadata, pages=spans_in_cleaned(loaded.text, loaded.pages, cleaned))
    return CleanDocument(loaded.source, loaded.sha256, loaded.file_type, cleaned, metadata)
