"""Which page of a scanned file a passage lies on, and how sure OCR was of its words.

A scan is loaded with one `PageSpan` per OCR line (offsets into the loaded text). Cleaning
rewrites whitespace and drops lines, so the spans are found again in the cleaned text, in
order; a passage (cleaned-text offsets) then reads its page and confidence from them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from index.records import PageSpan

# How far past the last line found the next one is looked for. A line the cleaner dropped
# is skipped, and the search must not jump ahead to a later line with the same words.
_SEARCH_SLACK = 400


def spans_in_cleaned(text: str, spans: Sequence[PageSpan], cleaned: str) -> tuple[PageSpan, ...]:
    """The spans of the loaded `text` placed in its cleaned form (lost lines left out)."""
    placed: list[PageSpan] = []
    cursor = 0
    for span in spans:
        line = " ".join(text[span.start : span.end].split())
        if not line:
            continue
        found = cleaned.find(line, cursor, cursor + len(line) + _SEARCH_SLACK)
        if found < 0:
            continue
        placed.append(PageSpan(span.page, found, found + len(line), span.confidence))
        cursor = found + len(line)
    return tuple(placed)


def page_at(spans: Sequence[PageSpan], offset: int) -> int | None:
    """The page holding the cleaned-text `offset` (the last page begun before it)."""
    if not spans:
        return None
    index = bisect.bisect_right([span.start for span in spans], offset) - 1
    return spans[max(index, 0)].page


def confidence_of(spans: Sequence[PageSpan], start: int, end: int) -> float | None:
    """OCR confidence of the text in [start, end): line confidences weighted by the
    characters of each line inside it; None when no OCR'd line overlaps it."""
    weighted = total = 0.0
    for span in spans:
        if span.confidence is None or span.end <= start or span.start >= end:
            continue
        overlap = min(span.end, end) - max(span.start, start)
        weighted += overlap * span.confidence
        total += overlap
    return round(weighted / total, 3) if total else None
