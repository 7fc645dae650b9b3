"""A district typed without its unit word, read as the documents name it.

Many district names are also communes' or everyday words ("Ninh Sơn", "Châu Thành"), so the
gazetteer reads them only after "huyện", "thị xã", ... An officer types them bare all the
same ("Ninh Sơn thu giữ bao nhiêu m3 cát"): where a passage retrieved for the question
names that district with its unit word ("Huyện Ninh Sơn | 31 | ..."), or the name is a
district of the province the retrieved documents are of, the question is read with the
unit word written in, so the place conditions apply to it (and a figure of the province's
other districts is not its figure).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.extractive.question import QuestionType
from assistant.passages import Passage
from index.gazetteer import PlaceSpan, bare_districts, find_localities, place_spans
from index.vietnamese import fold, has_diacritics

# A feature named after a place (folded): "sân bay Long Thành", "cảng Phú Quý", "cầu Cần
# Thơ"; the name is the feature's, not a district asked about.
_FEATURE_BEFORE_RE = re.compile(
    r"\b(?:san bay|cang|cho|ben|ben xe|cau|duong|pho|song|deo|tuyen|quoc lo|kenh|nui|dao"
    # ... an industrial zone or a port's authority: "KCN Đức Hòa", "Cảng vụ Hàng hải A"
    r"|kcn|ccn|khu cong nghiep|cum cong nghiep|khu kinh te|hang hai)\s*$"
)
# A unit word just before a name (folded): the question already says what the name is.
_UNIT_BEFORE_RE = re.compile(
    r"(?:\b(?:huyen|quan|thi xa|thanh pho|tp|tx|cah|tinh|xa|phuong|thi tran|cax|ap|khom|thon"
    r"|ban|xom|khu pho|to dan pho|tieu khu)|[.])\s*$"
)


# Questions a place is a condition of: a figure, a list, a place, a search, a signer (the
# document's own); not those whose place only tells which event (who, when, why, how,
# yes or no), where a clause need not name it.
_PLACED_TYPES = frozenset(
    (
        QuestionType.COUNT,
        QuestionType.WHICH,
        QuestionType.LIST,
        QuestionType.PLACE,
        QuestionType.OTHER,
        QuestionType.SIGNER,
        QuestionType.MANNER,  # "Thủ đoạn ... ở A và ở B?": each place's own
    )
)
# ... and whether a document named by number says so: the district decides which one ("A
# thực hiện các chỉ tiêu của CT 21-CT/HU đạt hay chưa?", two districts having a CT 21).
_PLACED_WITH_NUMBER = frozenset((QuestionType.YES_NO,))


def with_district_units(
    question: str,
    passages: Sequence[Passage],
    asked: QuestionType | None = None,
    numbered: bool = False,
) -> str:
    """The question with "huyện" written before each district it names bare that a
    passage names with its unit word (for a question of the `asked` type, where a place is
    a condition, or naming a document by number); the question itself when there is none."""
    placed = asked in _PLACED_TYPES or (numbered and asked in _PLACED_WITH_NUMBER)
    if asked is not None and not placed:
        return question
    folded = fold(question).lower()
    if len(folded) != len(question):
        return question  # offsets of the folded form would not be the question's
    # The places it names, read as typed and as typed without marks (a question restored
    # in lower case, "huyện cao phong hòa bình", names Hòa Bình as "hoa binh" does), and
    # not inside one of them: "Bà Rịa" of "Bà Rịa - Vũng Tàu".
    forms = (question, folded)
    named = {loc.name for text in forms for loc in find_localities(text)}
    taken = [(span.start, span.end) for text in forms for span in place_spans(text)]
    units: dict[int, str] = {}
    for span in (span for text in forms for span in bare_districts(text)):
        inside = any(start < span.end and span.start < end for start, end in taken)
        before = folded[: span.start]
        bare = not (_FEATURE_BEFORE_RE.search(before) or _UNIT_BEFORE_RE.search(before))
        unit = _meant(span, passages) if span.name not in named and not inside and bare else None
        if unit is not None:
            units[span.start] = unit
    marked = has_diacritics(question)
    for start, unit in sorted(units.items(), reverse=True):
        written = _UNIT_NAMES[unit] if marked else unit
        question = f"{question[:start]}{written} {question[start:]}"
    return question


# A district's unit word before its name (folded): "Huyện Ninh Sơn", "TP. Bà Rịa".
_UNIT_WORDS = r"\b(huyen(?: dao)?|quan|thi xa|thanh pho|tp|tx)\.?\s+"


# Each unit word as a passage may write it (folded), the unit it is, and that unit written
# out: "TP. Thuận An" is "thành phố Thuận An", which a row "Thành phố Thuận An" names.
_UNITS = {
    "huyen": "huyen", "huyen dao": "huyen", "quan": "quan", "thi xa": "thi xa",
    "tx": "thi xa", "thanh pho": "thanh pho", "tp": "thanh pho",
}  # fmt: skip
_UNIT_NAMES = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố"}


def _meant(span: PlaceSpan, passages: Sequence[Passage]) -> str | None:
    """The unit (folded) the bare name is meant with, None when it is no district: the one
    a passage names it after, or "huyen" when it is a district (of one province only) of a
    province whose documents were retrieved ("Xuân Lộc" asked of Đồng Nai's reports, which
    may not name it: then they lack its figure)."""
    unit = _named_with_unit(span, passages)
    if unit is not None:
        return unit
    provinces = {loc.province for loc in find_localities(f"huyện {span.name}")}
    meant = None not in provinces and bool(
        provinces & {passage.metadata.province for passage in passages}
    )
    return "huyen" if meant else None


def _named_with_unit(span: PlaceSpan, passages: Sequence[Passage]) -> str | None:
    """The unit word (folded, written out) a passage names the district after."""
    written = re.compile(rf"{_UNIT_WORDS}{re.escape(fold(span.name).lower())}(?!\w)")
    for passage in passages:
        found = written.search(_folded(passage.text))
        if found is not None:
            return _UNITS[re.sub(r"[.\s]+", " ", found.group(1)).strip()]
    return None


@lru_cache(maxsize=4096)  # the same passages come back for question after question
def _folded(text: str) -> str:
    return fold(text).lower()
