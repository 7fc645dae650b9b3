"""Where and when a figure holds: the place and the period of the text around it.

The place is the district or province named nearest before the figure in its sentence, else
earlier in its paragraph, else the document's (its identity, or a district named in an
upper-case organ header such as "CÔNG AN HUYỆN X"). The period is the one named nearest the
figure in its sentence, else the one a short heading line near the top names.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from index.extraction.records import DocumentIdentity
from index.gazetteer import Locality, find_localities

# "(?<!\d)": no attempt starts inside a run of digits, so a long run is read once.
_PERIOD_RE = re.compile(
    r"(?<!\d)\d+(?: tháng (?:đầu|cuối) năm(?: \d{4})?| tháng(?: năm |/)\d{4}|T/\d{4})"
    r"|quý [IV]+(?:/| năm )\d{4}|giai đoạn \d{4} ?[-–] ?\d{4}"
    r"|(?:từ )?năm \d{4}(?: đến (?:nay|năm \d{4}))?",
    re.I,
)
# A period that is a date's tail or the other side of a comparison is not the figure's.
_NOT_OWN_PERIOD_RE = re.compile(r"(?:tháng \d+|so với|cùng kỳ) $", re.I)
_HEAD_LINES = 8  # the lines that can hold a document's heading (organ, number, title)
_HEADING_CHARS = 160  # longer lines are paragraphs, not headings
_WINDOW = 300  # how far from a figure its place and period are looked for
_PARAGRAPH_SENTENCES = 5  # how many earlier sentences of its paragraph can name its place


def _head_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the first non-empty lines of a text."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            lines.append(match.span())
            if len(lines) == _HEAD_LINES:
                break
    return lines


class PeriodFinder:
    """The periods a text names, and the one nearest a figure."""

    def __init__(self, text: str) -> None:
        self.periods = [
            (m.start(), m.group())
            for m in _PERIOD_RE.finditer(text)
            if not _NOT_OWN_PERIOD_RE.search(text[max(0, m.start() - 12) : m.start()])
        ]
        self.offsets = [offset for offset, _ in self.periods]
        self.document_period = self._heading_period(text)

    def _heading_period(self, text: str) -> str | None:
        """The first period a short heading line names, its year completed from the first date."""
        lines = _head_lines(text)
        for start, end in lines:
            if end - start > _HEADING_CHARS:
                continue
            i = bisect_left(self.offsets, start)
            if i < len(self.offsets) and self.offsets[i] < end:
                period = self.periods[i][1]
                if not re.search(r"\d{4}", period):
                    year = re.search(r"năm ((?:19|20)\d\d)", text[: lines[-1][1]], re.I)
                    period = f"{period} {year.group(1)}" if year else period
                return period
        return None

    def period_at(self, start: int, sentence: tuple[int, int]) -> str | None:
        """The period named nearest `start` within its sentence, else the document's."""
        low = bisect_left(self.offsets, max(sentence[0], start - _WINDOW))
        high = bisect_left(self.offsets, min(sentence[1], start + _WINDOW))
        inside = [(abs(self.offsets[i] - start), self.periods[i][1]) for i in range(low, high)]
        return min(inside)[1] if inside else self.document_period


def _localities(window: str) -> list[Locality]:
    # Written with diacritics, a place name is capitalised: most windows need no lookup.
    if window.isascii() or any(ch.isupper() for ch in window):
        return find_localities(window)
    return []


def _header_district(text: str, identity: DocumentIdentity) -> str | None:
    """A district an upper-case header line names: "CÔNG AN HUYỆN X" issued the document."""
    for start, end in _head_lines(text):
        line = text[start:end]
        if line != line.upper():
            continue
        for locality in find_localities(line):
            if locality.level == "district" and locality.province in (None, identity.province):
                return locality.name
    return None


class PlaceFinder:
    """The place a figure is about; each sentence is looked up once for the paragraph."""

    def __init__(self, text: str, spans: list[tuple[int, int]], identity: DocumentIdentity) -> None:
        self.text = text
        self.spans = spans
        self.document_place = (
            identity.district or _header_district(text, identity) or identity.province
        )
        self._sentence_place: dict[int, str | None] = {}

    def _last_in_sentence(self, index: int) -> str | None:
        if index not in self._sentence_place:
            start, end = self.spans[index]
            found = _localities(self.text[max(start, end - _WINDOW) : end])
            self._sentence_place[index] = found[-1].name if found else None
        return self._sentence_place[index]

    def place_at(self, start: int, index: int) -> str | None:
        """The place named nearest before `start` (sentence `index`), else the paragraph's."""
        sentence_start = self.spans[index][0] if index >= 0 else 0
        found = _localities(self.text[max(sentence_start, start - _WINDOW) : start])
        if found:
            return found[-1].name
        for earlier in range(index - 1, max(index - 1 - _PARAGRAPH_SENTENCES, -1), -1):
            if "\n" in self.text[self.spans[earlier][1] : self.spans[earlier + 1][0]]:
                break  # the paragraph starts at sentence `earlier + 1`
            place = self._last_in_sentence(earlier)
            if place:
                return place
        return self.document_place
