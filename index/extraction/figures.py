"""Figures stated in a text: the value as written and as a number, with what it counts.

"Toàn tỉnh có 1.908 Đội Dân phòng" gives value 1908 counting "Đội Dân phòng". The counted
noun is the phrase after the number, up to punctuation or a verb, preposition or
conjunction ("được", "với", "tại", "và" ...); with no noun after it ("số vụ tăng 07",
"Tin báo tiếp nhận | 22") it is the noun before. Place and period come from the sentence
(the nearest mention before the figure) or else from the document. Rules and examples:
tests/fixtures/extraction/GUIDE-figures.md.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from index.extraction.figure_context import PeriodFinder, PlaceFinder
from index.extraction.numbers import (
    MEASURE_UNITS,
    NUMBER_RE,
    SCALE_WORDS,
    Number,
    is_counted_noun,
    is_figure_context,
    parse_number,
    word_set,
)
from index.extraction.records import DocumentIdentity, Figure
from index.sentences import sentence_spans
from index.vietnamese import nfc

# A word of a noun phrase; "/" joins a rate ("đồng/người/tháng").
_WORD_RE = re.compile(r"[ \t]*([^\W\d_]+(?:/[^\W\d_]+)*)")
# Words that end a counted noun phrase: verbs, prepositions, conjunctions, quantifiers.
_NOUN_STOP = word_set(
    """
    được đã đang sẽ bị với tại trên của và hoặc là có so trong ở từ đến tới cho do theo để
    về thuộc gồm nhưng song thì mà khi nếu cùng vào ra lên xuống này đó kể như làm khiến
    giảm tăng đạt chiếm vượt trở mỗi các những nhiều bằng hơn dưới đều vẫn còn chưa không
    cũng tương sau trước dự nên vì bởi phải cần
    """
)
# Fixed phrases written with a comma inside a name: "Tổ bảo vệ an ninh, trật tự".
_COMMA_PHRASES = {"an ninh": "trật tự", "phòng cháy": "chữa cháy", "cứu nạn": "cứu hộ"}
_STOP_WORD_NOUNS = frozenset({("bị", "can"), ("bị", "cáo"), ("bị", "hại")})
_MAX_NOUN_WORDS = 6
# "số X" before a bare number: what "số vụ tăng 07" counts.
_COUNT_OF_RE = re.compile(r"\b[sS][ốỐ]\s+((?:(?!\b[sS][ốỐ]\s)[^\d,;:(|])*)")
_COMPARISON_WORDS = frozenset({"tăng", "giảm"})
_QUALIFIERS = word_set("thêm khoảng hơn gần trên được là còn có đạt")
_COMPARED_TO_RE = re.compile(r"so với\s+((?:cùng kỳ|năm|quý|tháng|kỳ)[^,;.()|\n]{0,40})", re.I)
_RANGE_RE = re.compile(r"[ \t]*(?:đến|tới|-|–)[ \t]*(?:dưới |trên |hơn |khoảng )?")
# How far from a figure its comparison and noun are looked for: bounded, so linear.
_WINDOW = 300
_CLAUSE_WINDOW = 120
# Between a change and its percentage: "giảm 03 vụ (1,6%)", "tăng 15 vụ, tương ứng 4,95%".
_PERCENT_OF_CHANGE_RE = re.compile(r"[^\d;.()]{0,25}[(,]\s*(?:tương ứng\s*)?", re.I)


def _noun_words(text: str, pos: int) -> tuple[list[str], int]:
    """The words of the noun phrase starting at `pos`, and where it ends."""
    words: list[str] = []
    end = pos
    while len(words) < _MAX_NOUN_WORDS:
        match = _WORD_RE.match(text, end)
        if match is None:
            tail = " ".join(words[-2:]).lower()
            follow = _COMMA_PHRASES.get(tail)
            if follow and text[end : end + len(follow) + 2].lower() == ", " + follow:
                words.append(", " + follow)
                end += len(follow) + 2
                continue
            break
        word = match.group(1)
        if word.lower() in _NOUN_STOP and not _is_compound(text, match.end(), word):
            break
        words.append(word)
        end = match.end()
    return words, end


def _is_compound(text: str, end: int, word: str) -> bool:
    """A noun that opens with a stop word: "bị can", "bị hại"."""
    follow = _WORD_RE.match(text, end)
    return follow is not None and (word.lower(), follow.group(1).lower()) in _STOP_WORD_NOUNS


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" , ", ", ")


def _noun_after(text: str, end: int) -> tuple[str, str | None]:
    """(noun, unit) written after a number: "vụ", ("triệu đồng", "triệu đồng"), ("", None)."""
    if text.startswith("%", end):
        words, _ = _noun_words(text, end + 1)
        return (_join(words), "%") if words else ("%", "%")
    words, _ = _noun_words(text, end)
    if not words:
        return "", None
    first = words[0].lower()
    if first in SCALE_WORDS:  # "2,4 tỷ đồng", "3 triệu lượt người": the scale stays a word
        unit = " ".join(words[:2]) if len(words) > 1 and words[1].lower() == "đồng" else words[0]
        return (unit if unit.endswith("đồng") else _join(words)), unit
    if first.split("/")[0] in MEASURE_UNITS:
        return words[0], words[0]
    return _join(words), None


def _noun_before(text: str, start: int, sentence_start: int) -> str:
    """The noun a number without one after it counts: a table label, "số X tăng N", "X: N"."""
    window = max(sentence_start, start - _CLAUSE_WINDOW)
    line_start = text.rfind("\n", window, start) + 1
    line = text[line_start or window : start]
    if "|" in line:
        label = line.split("|")[0].strip()
        return label if re.search(r"[^\W\d_]", label) else ""
    clause_start = max(window, *(text.rfind(c, window, start) + 1 for c in ",;:("))
    clause = text[clause_start:start]
    # The last "số" of the clause: "số vụ tăng 07 nhưng số đối tượng giảm 05".
    counted = _COUNT_OF_RE.findall(clause) if "ố" in clause or "Ố" in clause else []
    if counted:
        words, _ = _noun_words(counted[-1], 0)
        return _join(words)
    if text[clause_start - 1 : clause_start] == ":" and not clause.strip():
        words = text[max(sentence_start, clause_start - 60) : clause_start - 1].split()
        return " ".join(words[-_MAX_NOUN_WORDS:]).strip(",;-– ")
    return ""


def _range_noun(text: str, end: int) -> tuple[str, str | None]:
    """The noun of "từ 800 đến 1.000 hộ": the one after the range's upper bound."""
    gap = _RANGE_RE.match(text, end)
    if gap is None or gap.end() == end:
        return "", None
    upper = NUMBER_RE.match(text, gap.end())
    if upper is None:
        return "", None
    return _noun_after(text, upper.end())


def _comparison(text: str, start: int, sentence_start: int) -> str | None:
    """ "tăng"/"giảm" when the number is a change: "giảm 03 vụ", "số vụ tăng 07"."""
    words = re.findall(r"[^\W\d_]+", text[max(sentence_start, start - 40) : start])
    for word in reversed(words[-3:]):
        lower = word.lower()
        if lower in _COMPARISON_WORDS:
            return lower
        if lower not in _QUALIFIERS:
            return None
    return None


def _counted(
    text: str, number: Number, start: int, end: int, sentence_start: int
) -> tuple[str, str | None, int]:
    """(noun, unit, end of the value) for a number, ("", None, end) when it counts nothing."""
    value_end = end + 1 if text.startswith("%", end) else end
    noun, unit = _noun_after(text, end)
    if not noun:
        noun, unit = _range_noun(text, end)
    if not noun and number.total is None:
        noun = _noun_before(text, start, sentence_start)
    return noun, unit, value_end


def _comparison_of(
    text: str, start: int, sentence: tuple[int, int], unit: str | None, previous: Figure | None
) -> tuple[str | None, str | None]:
    """(comparison, compared_to): "giảm 03 vụ (1,6%) so với cùng kỳ" -> ("giảm", "cùng kỳ")."""
    comparison = _comparison(text, start, sentence[0])
    if (
        comparison is None
        and unit == "%"
        and previous is not None
        and _PERCENT_OF_CHANGE_RE.fullmatch(text, previous.end, start)
    ):
        comparison = previous.comparison
    if comparison is None:
        return None, None
    window = (max(sentence[0], start - _WINDOW), min(sentence[1], start + _WINDOW))
    compared = _COMPARED_TO_RE.search(text, *window)
    return comparison, compared.group(1).strip() if compared else None


def read_figures(text: str, identity: DocumentIdentity | None = None) -> tuple[Figure, ...]:
    """Every figure of a text with its counted noun, place, period and comparison."""
    text = nfc(text)
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    periods = PeriodFinder(text)
    places = PlaceFinder(text, spans, identity or DocumentIdentity())
    figures: list[Figure] = []
    for match in NUMBER_RE.finditer(text):
        start, end = match.span()
        number = parse_number(match.group())
        if number is None or not is_figure_context(text, start, end):
            continue
        index = bisect_right(starts, start) - 1
        sentence = spans[index] if index >= 0 else (0, len(text))
        noun, unit, value_end = _counted(text, number, start, end, sentence[0])
        if not noun or not is_counted_noun(noun):
            continue
        previous = figures[-1] if figures else None
        comparison, compared_to = _comparison_of(text, start, sentence, unit, previous)
        figures.append(
            Figure(
                value_text=text[start:value_end],
                value=number.value,
                noun=noun,
                start=start,
                end=value_end,
                unit=unit,
                total=number.total,
                place=places.place_at(start, index),
                period=periods.period_at(start, sentence),
                comparison=comparison,
                compared_to=compared_to,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
            )
        )
    return tuple(figures)
