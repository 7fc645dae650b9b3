"""Vietnamese sentences with exact character offsets, for chunking and quoting alike.

A cut must never fall inside "1.908", "3/2019", "TP. Điện Biên Phủ", "v.v." or after the
label of "Điều 12."; a line break always ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from index.vietnamese import UPPER_LETTERS

# A sentence may end at . ! ? … (closed by a quote or bracket) before a space and
# something that can open a sentence. "1.908" and "3/2019" never match: no space follows.
_SENTENCE_END_RE = re.compile(rf"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[{UPPER_LETTERS}0-9])")
# Words after which a full stop does not end the sentence.
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:TP|Tp|TX|Q|P|ThS|Th\.S|TS|PGS|GS|Tr|St|Ts|Đ/c|Đc|BS|KS|CN|Mr|Mrs|Dr|v\.v)"
    r"|\b[A-ZĐ]|\.\.\.?)\.$"
)
# "Điều 12." / "Chương II." / a bare clause number "1.": a label, not a sentence end.
_LABEL_RE = re.compile(
    r"(?:\b(?:Điều|Khoản|Chương|Mục|Phần|Phụ lục)\s+[\dIVXLC]+[a-zđ]?|^\s*\d+)\.$"
)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its leading and trailing white space."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def _is_false_end(head: str) -> bool:
    """True when the full stop ending `head` belongs to an abbreviation or a label."""
    return bool(_ABBREVIATION_RE.search(head) or _LABEL_RE.search(head))


def _line_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        head = text[cursor : match.start() + len(match.group().rstrip())].rstrip("\"'”’)]")
        if _is_false_end(head.rstrip("!?…")) and head.endswith("."):
            continue
        yield strip_span(text, cursor, match.end())
        cursor = match.end()
    if text[cursor:end].strip():
        yield strip_span(text, cursor, end)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text[start:end]`, in document offsets."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[:end]):
        if line.end() > start and line.group().strip():
            spans.extend(_line_sentences(text, max(line.start(), start), line.end()))
    return spans
