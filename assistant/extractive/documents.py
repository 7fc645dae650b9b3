"""The document a question pins, and the whole of it for the answerer to read.

A question that names a document by number ("Chỉ thị 06/CT-UBND năm 2021 của tỉnh A giao
Sở B nhiệm vụ gì?") is about that document only, however retrieval ranked its chunks: the
duty, deadline or signer asked for may sit in a chunk no keyword of the question reaches.
Numbers repeat across provinces and years, so the place and year the question gives
decide between documents of one number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from assistant.extractive.entities import directive_keys_in
from assistant.extractive.question import QuestionAnalysis
from assistant.passages import Passage
from index.extraction.records import Extraction
from index.metadata import find_date, find_directive_numbers, find_localities, find_provinces
from index.vietnamese import fold

# "kế hoạch 61", "chi thi 13": a number with its kind but without its issuer's code.
_KIND_CODES = {
    "chi thi": "CT",
    "ke hoach": "KH",
    "nghi quyet": "NQ",
    "quyet dinh": "QD",
    "thong bao": "TB",
    "cong van": "CV",
    "thong tu": "TT",
    "kh": "KH",
    "ct": "CT",
    "nq": "NQ",
    "qd": "QD",
    "cv": "CV",
}
# ... and back: the kind a code stands for, folded ("NQ" is "nghi quyet").
_KIND_OF_CODE = {code: kind for kind, code in _KIND_CODES.items() if " " in kind}
# ("Thông báo kết luận số 205": a notice of conclusions is numbered as a notice)
_BARE_NUMBER_RE = re.compile(
    r"\b(" + "|".join(sorted(_KIND_CODES, key=len, reverse=True)) + r")(?: ket luan)?(?: so)? "
    r"(\d{1,4})\b(?![/-])"
)


class DocumentLibrary(Protocol):
    """Whole documents of the index the answerer reads from (a read-only snapshot)."""

    def passages_of(self, source: str) -> list[Passage]:
        """Every chunk of a document as a passage, in document order."""
        ...

    def extraction_of(self, source: str) -> Extraction:
        """What extraction read out of a document (identity, duties, figures)."""
        ...

    def text_of(self, source: str) -> str:
        """A document's whole cleaned text ("" when it is not indexed)."""
        ...


def kinds_numbered(analysis: QuestionAnalysis) -> set[str]:
    """The kinds of the documents the question gives a number of, folded: "NQ 19/2024/NQ-HĐND"
    names a "nghi quyet"."""
    codes = {part for key in analysis.directive_keys for part in key.split("/") if part.isalpha()}
    return {_KIND_OF_CODE[code] for code in codes if code in _KIND_OF_CODE}


def bare_numbers(question: str) -> set[str]:
    """Numbers the question gives as part of a document's name ("chỉ thị 06", "kh 33"), as
    typed and without leading zeros: they name a document, they are not values to find."""
    folded = fold(question).lower()
    numbers = {number for _, number in _BARE_NUMBER_RE.findall(folded)}
    # ... or with its year: "NQ 17/2024" gives "17/2024" and "17"
    for _, number, year in _YEARED_NUMBER_RE.findall(folded):
        numbers |= {number, f"{number}/{year}"}
    return numbers | {number.lstrip("0") or "0" for number in numbers}


# A resolution's number typed with its year and kind only: "NQ 17/2024" for
# "17/2024/NQ-HĐND".
_YEARED_NUMBER_RE = re.compile(
    r"\b(" + "|".join(sorted(_KIND_CODES, key=len, reverse=True)) + r")(?: so)? (\d{1,4})/"
    r"((?:19|20)\d{2})\b(?![/-])"
)


def partial_keys(question: str) -> set[str]:
    """Comparable prefixes of numbers given with their kind only: "kế hoạch 61" -> "61/KH",
    "NQ 17/2024" -> "17/2024/NQ"."""
    bare = {
        _bare_key(number.lstrip("0") or "0", _KIND_CODES[kind])
        for kind, number in _BARE_NUMBER_RE.findall(fold(question).lower())
    }
    return bare | yeared_keys(question)


def _bare_key(number: str, code: str) -> str:
    """ "61/KH" for "kế hoạch 61"; a letter's number carries its issuer's code, not its
    kind's ("Công văn số 905/UBND-NC"), so "CV 905" is "905" of any code."""
    return number if code == "CV" else f"{number}/{code}"


def yeared_keys(question: str) -> set[str]:
    """Comparable prefixes of numbers given with their year and kind: "NQ 17/2024" ->
    "17/2024/NQ" (as specific as a whole number: a document must carry it)."""
    return {
        f"{number.lstrip('0') or '0'}/{year}/{_KIND_CODES[kind]}"
        for kind, number, year in _YEARED_NUMBER_RE.findall(fold(question).lower())
    }


def document_keys(passage: Passage, extraction: Extraction | None = None) -> set[str]:
    """The numbers a document carries: its own (from extraction) and those its metadata read."""
    keys = directive_keys_in(" ".join(passage.metadata.directive_numbers))
    if extraction is not None and extraction.identity.number:
        keys |= directive_keys_in(extraction.identity.number)
    return keys


def own_keys(passage: Passage, extraction: Extraction | None = None) -> set[str]:
    """The document's own number: extraction's, else the one its title names."""
    if extraction is not None and extraction.identity.number:
        return directive_keys_in(extraction.identity.number)
    return directive_keys_in(passage.metadata.title)


def matches_number(keys: set[str], analysis: QuestionAnalysis) -> bool:
    """The document carries a number the question names (fully or by kind and number)."""
    if analysis.directive_keys & keys:
        return True
    return any(extends(key, partial_keys(analysis.text)) for key in keys)


def extends(key: str, prefixes: set[str]) -> bool:
    """A whole number's key is one of the partial ones, or goes on from one ("61/KH" of
    "61/KH/UBND", "17/2024/NQ" of "17/2024/NQ/HDND")."""
    return any(key == p or key.startswith(f"{p}/") for p in prefixes)


def asks_document(analysis: QuestionAnalysis) -> bool:
    """The question names a document by its number."""
    return bool(analysis.directive_keys or partial_keys(analysis.text))


def pinned_document(
    analysis: QuestionAnalysis,
    passages: Sequence[Passage],
    library: DocumentLibrary | None,
) -> str | None:
    """The source of the one document the question names by number, if any retrieved
    document carries that number: of the place the question gives (a news page about tỉnh
    B's "Chỉ thị 05" before tỉnh A's own "Chỉ thị 05"), its own number before one it only
    cites, then the year the question gives, then retrieval's order. A district the question
    gives decides as its province does ("Chỉ thị 21-CT/HU" of the district asked, not another
    district's party committee's of that number)."""
    if not asks_document(analysis):
        return None
    districts = {fold(place).lower() for place in analysis.localities}
    best: tuple[int, int, int, int, int, int] | None = None
    chosen: str | None = None
    for rank, passage in enumerate(passages):
        extraction = library.extraction_of(passage.source) if library else None
        if not matches_number(document_keys(passage, extraction), analysis):
            continue
        meta = passage.metadata
        key = (
            int(not analysis.provinces or meta.province in analysis.provinces),
            int(not districts or fold(meta.district or "").lower() in districts),
            int(matches_number(own_keys(passage, extraction), analysis)),
            int(not analysis.years or meta.year in analysis.years),
            int(bool(meta.kind) and meta.kind != "tin bài"),
            -rank,
        )
        if best is None or key > best:
            best, chosen = key, passage.source
    return chosen


# Issuers whose numbers are national ("12-NQ/TW", "100/2019/NĐ-CP"): every province cites
# them, so provinces citing one do not make it ambiguous.
NATIONAL_ISSUERS = frozenset({"TW", "CP", "TTG", "BCA", "QH", "CTN", "BQP", "BTP", "UBTVQH"})


def provinces_sharing(
    analysis: QuestionAnalysis,
    passages: Sequence[Passage],
    library: DocumentLibrary | None,
    cited: bool = False,
) -> list[str]:
    """The provinces whose own document (or a news page about it) carries the local number
    a question names without a place: "Chỉ thị số 05/CT-UBND" of tỉnh A and of tỉnh B are two
    documents, and the question may mean either; a year it gives only leaves out those of
    other years. With `cited`, a document only cited by another counts too ("Thực hiện Chỉ
    thị số 05/CT-UBND ngày ... của UBND tỉnh B về ..." in tỉnh B's report): asked what the
    number is about, both are. Retrieval's order."""
    if analysis.provinces or analysis.localities:
        return []
    if any(set(key.split("/")) & NATIONAL_ISSUERS for key in analysis.directive_keys):
        return []
    found: list[str] = []
    for passage in passages:
        meta = passage.metadata
        extraction = library.extraction_of(passage.source) if library else None
        whose: tuple[str | None, int | None] | None = None
        if matches_number(own_keys(passage, extraction), analysis) or (
            meta.kind == "tin bài" and matches_number(document_keys(passage), analysis)
        ):
            whose = (meta.province, meta.year)
        elif cited:
            whose = cited_issuer(passage.text, analysis, meta.province)
        if whose is None:
            continue
        province, year = whose
        if province is None or province in found:
            continue
        if analysis.years and year is not None and year not in analysis.years:
            continue
        found.append(province)
    return found


# Where a citation's issuer is named: after the number, before what it is about ("... về
# ...", or a rule's own verb: "Nghị quyết số 05/2025/NQ-HĐND quy định mức chi ...", "Quyết
# định số X phê duyệt Đề án ..."; not "... theo quy định của Luật ...").
_CITATION_REACH = 120
_ABOUT_RE = re.compile(r"\s(?:về|v/v|nhằm|quy định(?! (?:của|tại))|phê duyệt)\s")
_DATE_REACH = (
    32  # a citation's date follows its number: " ngày 09 tháng 8 năm 2023", " (20/5/2024)"
)


def _after_number(text: str, number: str) -> str:
    """What a citation says after the number: its date, issuer and subject."""
    return text[text.index(number) + len(number) :][:_CITATION_REACH]


def tells_subject(text: str, keys: set[str]) -> bool:
    """The text cites one of the numbers with what it is about after it: "Kế hoạch số X ngày
    ... của UBND tỉnh A về ...", not a heading naming it bare."""
    return any(
        directive_keys_in(number) & keys and _ABOUT_RE.search(_after_number(text, number))
        for number in find_directive_numbers(text)
    )


def cited_issuer(
    text: str, analysis: QuestionAnalysis, province: str | None
) -> tuple[str | None, int | None] | None:
    """The province and year of a document a text cites by the number asked: the place
    named after the number ("... ngày 09/8/2023 của UBND tỉnh B về ...", "(20/5/2024) của
    Tỉnh ủy B"), else the citing document's own `province`; None when the text does not
    cite the number."""
    for number in find_directive_numbers(text):
        if not matches_number(directive_keys_in(number), analysis):
            continue
        after = _after_number(text, number)
        about = _ABOUT_RE.search(after)
        issuer = after[: about.start()] if about else after
        named = find_provinces(issuer) or [
            loc.province for loc in find_localities(issuer) if loc.province
        ]
        dated = find_date(issuer[:_DATE_REACH])
        year = int(dated[:4]) if dated else None
        return (named[0] if named else province), year
    return None


# Kinds a question names a document by ("kế hoạch ... của tỉnh A năm 2019"), folded.
_KINDS = {"chi thi": "chỉ thị", "ke hoach": "kế hoạch", "nghi quyet": "nghị quyết",
          "quyet dinh": "quyết định", "bao cao": "báo cáo",
          # ... typed short, as a document's number writes its kind ("NQ của HĐND tỉnh A")
          "ct": "chỉ thị", "kh": "kế hoạch", "nq": "nghị quyết", "qd": "quyết định",
          "bc": "báo cáo"}  # fmt: skip
_KIND_RE = re.compile(r"\b(" + "|".join(_KINDS) + r")\b")


def described_document(analysis: QuestionAnalysis, passages: Sequence[Passage]) -> str | None:
    """The document a question describes without its number ("Kế hoạch bảo đảm an toàn giao
    thông năm 2019 của tỉnh A"): retrieval's first document, when it is of the kind named and
    of the place and year given, and no other retrieved document of that kind is."""
    kinds = {_KINDS[k] for k in _KIND_RE.findall(fold(analysis.text).lower())}
    if not kinds or not passages:
        return None

    def fits(passage: Passage) -> bool:
        meta = passage.metadata
        return (
            meta.kind in kinds
            and (not analysis.provinces or meta.province in analysis.provinces)
            and (not analysis.years or meta.year in analysis.years)
        )

    fitting = {p.source for p in passages if fits(p)}
    first = passages[0]
    return first.source if fitting == {first.source} else None


def whole_document(
    source: str, passages: Sequence[Passage], library: DocumentLibrary | None
) -> list[Passage]:
    """The pinned document's chunks: the retrieved ones first (with their scores), then
    the rest of the document in order, scored as its lowest retrieved chunk."""
    retrieved = [p for p in passages if p.source == source]
    if library is None:
        return retrieved
    seen = {p.chunk_id for p in retrieved}
    floor = min((p.score for p in retrieved), default=0.0)
    rest = [replace(p, score=floor) for p in library.passages_of(source) if p.chunk_id not in seen]
    return retrieved + rest
