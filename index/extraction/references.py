"""The other documents a text names ("thực hiện Chỉ thị số 31-CT/TU ..."), with the relation."""

from __future__ import annotations

import re

from index.extraction.records import DocumentReference
from index.metadata import directive_key, find_directive_numbers
from index.vietnamese import canonical

_KINDS = (
    "chỉ thị|nghị quyết|quyết định|kế hoạch|kết luận|thông tư|nghị định|công văn|thông báo"
    "|chương trình hành động|chương trình|hướng dẫn|báo cáo|luật|quy định|đề án|văn bản"
)
# The kind written right before a number: "Chỉ thị số 31-CT/TU", "Thông báo kết luận số 34".
_KIND_BEFORE_RE = re.compile(rf"\b({_KINDS})(?: [^\W\d_]+){{0,2}} (?:số\s*:?\s*)?$")
_IMPLEMENTS_RE = re.compile(r"\b(?:thực hiện|triển khai|căn cứ|cụ thể hóa|theo|quán triệt)\b")
_REPLACES_RE = re.compile(r"\b(?:thay thế|bãi bỏ|hủy bỏ|hết hiệu lực)\b")
# A relation holds within the clause or "Căn cứ ..." list the number stands in.
_CLAUSE_START_RE = re.compile(r"[.!?]\s|\n")


def _relation(text: str, start: int) -> str:
    """The relation of the cue nearest before `start` in its sentence."""
    window_start = max(0, start - 400)
    window = text[window_start:start]
    cut = max((m.end() for m in _CLAUSE_START_RE.finditer(window)), default=0)
    sentence = canonical(window[cut:])
    cues = [(m.end(), "implements") for m in _IMPLEMENTS_RE.finditer(sentence)]
    cues += [(m.end(), "replaces") for m in _REPLACES_RE.finditer(sentence)]
    return max(cues)[1] if cues else "mentions"


def read_references(text: str, own_number: str | None = None) -> tuple[DocumentReference, ...]:
    """Every mention of another document's number, with its kind and relation."""
    own = directive_key(own_number) if own_number else None
    references = []
    for number in find_directive_numbers(text):
        if directive_key(number) == own:
            continue
        for match in re.finditer(rf"(?<![\w/.-]){re.escape(number)}(?![\w/])", text):
            before = canonical(text[max(0, match.start() - 50) : match.start()])
            kind = _KIND_BEFORE_RE.search(before)
            references.append(
                DocumentReference(
                    kind=kind.group(1) if kind else None,
                    number=number,
                    relation=_relation(text, match.start()),
                    start=match.start(),
                    end=match.end(),
                )
            )
    return tuple(sorted(references, key=lambda reference: reference.start))
