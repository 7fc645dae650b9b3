"""Whether a clause speaks of the year, the part of it and the place a question asks about.

"Năm 2023 tỉnh A có bao nhiêu vụ ...?" is not answered by a figure of 2022: a clause that
names years must name the asked one; a clause that names none speaks of its document's
year (a report's period, a news page's date), or of a year its heading or lead-in gives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from assistant.extractive import patterns
from assistant.extractive.asks import sets_target
from assistant.extractive.candidates import Candidate
from assistant.extractive.counting import asks_share, states_count, unit_head
from assistant.extractive.entities import named_as_another_unit, places_named
from assistant.extractive.lexicon import FULL_DATE_RE, PLACE_NOUNS
from assistant.extractive.passage_views import (
    PassageView,
    heading_over_items,
    is_heading_line,
    is_lettered,
    last_heading,
    section_before,
    starts_bullet,
)
from assistant.extractive.periods import (
    CUMULATIVE,
    UNTIL,
    counted_months_period,
    dated_ranges,
    first_period_at,
    names_asked,
    names_whole_year,
    parts_of_year,
    period_of,
    periods_agree,
    periods_in,
)
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.sentences import ITEM_MARKER_RE
from assistant.extractive.tables import RULE_RE, SHARE_ASKED_RE, cells, has_figures
from index.gazetteer import (
    CENTRAL_CITIES,
    LIST_GAP_RE,
    MERGED_2025,
    PROVINCE_NAMES,
    after_merger,
    place_spans,
    province_on,
)
from index.sentences import sentence_spans
from index.vietnamese import UPPER_LETTERS, fold, has_diacritics

_PROVINCE_SET = frozenset(PROVINCE_NAMES)
# A province named as it was before the 2025 merger: "khu vực Hà Giang cũ", "tinh Bac Lieu cu",
# "tỉnh Bình Định (cũ)".
_FOLDED_PROVINCES = sorted((re.escape(fold(p).lower()) for p in PROVINCE_NAMES), key=len)
_FORMER_RE = re.compile(
    rf"\b({'|'.join(reversed(_FOLDED_PROVINCES))}) (?:\(?cu\b\)?|truoc day\b)"  # "A (cũ)" too
)


def former_provinces(text: str) -> set[str]:
    """The provinces a text names as before the merger ("khu vực A cũ"), folded."""
    return set(_FORMER_RE.findall(fold(text).lower()))


def asks_former_province(analysis: QuestionAnalysis) -> bool:
    """The question asks about a province as it was before the merger ("khu vực A cũ")."""
    return bool(former_provinces(analysis.text))


# A document naming this many other districts (or more) reports on its province's districts.
MANY_DISTRICTS = 2

# A year, alone or closing a date ("25/01/2024", "12/2023"); not a part of a longer number.
_YEAR_RE = re.compile(r"(?<![\d.,-])((?:19|20)\d{2})(?![\d/])")


_COMPARED_YEAR_RE = re.compile(patterns.COMPARED_YEAR, re.IGNORECASE)
# ... though a sentence opening with it speaks of that year: "Cùng kỳ năm 2030, kiểm tra
# 1.200 lượt" is the earlier year's figure, no comparison.
_FRONTED_SAME_PERIOD_RE = re.compile(
    r"(^|[.;:]\s*)cùng k[ìỳ]((?: [\w/]+){0,3}? (?:19|20)\d{2}\s*,)", re.IGNORECASE
)


# A figure summed over years: "qua 30 năm", "trong 5 năm qua", "giai đoạn 2016-2020" (not a
# phase of one season: "giai đoạn cao điểm chính vụ xảy ra 14 vụ").
_SPAN_RE = re.compile(
    r"\b(?:qua|trong|sau) \d+ năm\b|\b\d+ năm (?:qua|gần đây)\b"
    r"|\bgiai đoạn\b(?! (?:cao điểm|chính vụ|đầu|cuối|1|2|3|I|II|III)\b)",
    re.IGNORECASE,
)


_FIGURE_AFTER_RE = re.compile(r"\s*(?:là|:|\(|có)?\s*\d")


def compared_years_told(text: str) -> set[int]:
    """Years compared with whose own figure the text gives ("so với cả năm 2023 là 12 vụ",
    "so với năm 2022 (488 vụ)"): the text answers for them too."""
    return set(compared_figures(text))


COMPARED_FIGURE_CHARS = 40  # how far the figure of a year compared with runs, at most


# Another year's figure in brackets after a figure: "(hè năm 2030: 39 vụ)", "(quý III năm
# 2030 là 12 vụ)".
_BRACKETED_YEAR_FIGURE_RE = re.compile(
    r"\((?:[^\W\d_]+ ){0,3}?năm (?:19|20)\d{2}\s*(?::|là)\s*\d[^()]*\)", re.IGNORECASE
)


def compared_figures(text: str) -> dict[int, str]:
    """Each year compared with whose figure the text gives, and that figure as written:
    "so với cùng kỳ năm 2023 (135 vụ)" -> {2023: "135 vụ"}."""
    found = {}
    for match in _COMPARED_YEAR_RE.finditer(text):
        if _FIGURE_AFTER_RE.match(text, match.end()):
            figure = text[match.end() : match.end() + COMPARED_FIGURE_CHARS]
            found[int(match.group(1))] = re.split(r"[);,]", figure.lstrip(" (:"), maxsplit=1)[0]
    return found


_BIRTH_YEAR_RE = re.compile(r"\b(?:SN|sinh năm)\s*(?:19|20)\d{2}\b", re.IGNORECASE)
# A document cited by its number and date ("thay thế Quy chế số 02/QC-UBND ngày 5/6/2019"):
# the day it was signed, not a year the clause tells of.
_CITED_DATE_RE = re.compile(
    r"(?<=\d[/-][A-Za-zĐđ])[\w&/.-]*,?\s+(?:ngày|ngay)\s+\d{1,2}"
    r"(?:/\d{1,2}/|\s+(?:tháng|thang)\s+\d{1,2}\s+(?:năm|nam)\s+)(?:19|20)\d{2}\b"
)


# A law named with its year ("Luật Cư trú năm 2020", "Bộ luật Hình sự năm 2015"): its name,
# up to eight words after the capital, not "vi phạm pháp luật năm 2024".
_LAW_YEAR_RE = re.compile(
    rf"(?<!pháp )\b(?:Bộ luật|Luật)\s+[{UPPER_LETTERS}][^\W\d_]*(?:,?\s+[^\W\d_]+){{0,8}}?"
    r"\s+năm\s+(?:19|20)\d{2}\b"
)


def years_in(text: str) -> set[int]:
    """Years a text names, not those inside document numbers nor the ones it compares with
    ("tăng 5% so với năm 2022"); a month's year counts ("12/2023"); a range of dates is of
    the year nearly all its days fall in ("từ 15/12/2030 đến 14/6/2031": 2031)."""
    text = _FRONTED_SAME_PERIOD_RE.sub(r"\1\2", text)
    text = _BIRTH_YEAR_RE.sub(" ", text)  # "(SN 1996, trú ...)": a person's, no period's
    text = _LAW_YEAR_RE.sub(" ", text)  # "Luật Căn cước năm 2023": a law's name, no period
    text = dated_ranges(_COMPARED_YEAR_RE.sub(" ", text))
    return {int(year) for year in _YEAR_RE.findall(re.sub(r"\S*\d+/\d+/?[A-ZĐ]\S*", " ", text))}


_YEAR_SPAN_RE = re.compile(r"(?<![\d/])((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?![\d/])")


def year_spans(text: str) -> set[tuple[int, int]]:
    """The spans of years a text names: "niên vụ 2022 - 2023", "giai đoạn 2021-2025"."""
    return {(int(a), int(b)) for a, b in _YEAR_SPAN_RE.findall(text) if int(a) < int(b)}


# A header cell's bracket: "Bến khách ngang sông (bến, 2024)" dates that column only.
_HEADER_BRACKET_RE = re.compile(r"\([^()|]*\)")


def _header_years(text: str, planned: bool = False) -> set[int]:
    """The years a header row dates its table by. Columns of two or more years ("Kết quả
    (2023)" beside "Chỉ tiêu năm 2024") make a table of each of them; one column's bracket
    ("Bến khách ngang sông (bến, 2024)") dates that column only, as a planned column's
    years do ("Kinh phí dự kiến 2024 - 2026"), unless what is planned is asked."""
    row = _told_cells(text, planned)
    dated = set().union(*(years_in(cell) for cell in row[1:]))
    return dated if len(dated) > 1 else years_in(_HEADER_BRACKET_RE.sub(" ", " | ".join(row)))


# A column of what is planned (folded): "Kinh phí dự kiến 2024 - 2026" beside the figures of
# the years before: its years date no other column (unless what is planned is asked).
_PLANNED_CELL_RE = re.compile(r"\b(?:du kien|ke hoach)\b")


@lru_cache(maxsize=256)
def _asks_planned(question: str) -> bool:
    """The question asks what is planned ("dự kiến", "kế hoạch"), read once per question."""
    return _PLANNED_CELL_RE.search(fold(question).lower()) is not None


def _told_cells(text: str, planned: bool = False) -> list[str]:
    """A header row's cells but those of what is planned, unless `planned` is asked."""
    row = cells(text) or []
    return row if planned else [c for c in row if not _PLANNED_CELL_RE.search(fold(c).lower())]


def _header_spans(text: str, planned: bool = False) -> set[tuple[int, int]]:
    """The spans of years a header row dates its table by: not a planned column's own
    ("Kinh phí dự kiến 2024 - 2026")."""
    return year_spans(" | ".join(_told_cells(text, planned)[1:]))


def _is_table_row(text: str) -> bool:
    """A table's row of figures."""
    row = cells(text)
    return row is not None and has_figures(row)


def _is_header_row(text: str) -> bool:
    """A table's header row: cells, none a figure."""
    row = cells(text)
    return row is not None and not has_figures(row)


def year_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause (with its lead-in and heading) names an asked year, or names none and its
    document is of an asked year; without a known document year, its passage decides."""
    if not analysis.years:
        return True
    asked = set(analysis.years)
    view = candidate.view
    clause = candidate.clause
    sentence = sentence_of(candidate)  # "Từ năm 2020 đến nay, ...; thu 12 kg": the period
    spans = _SPAN_RE.search(sentence) and not _SPAN_RE.search(analysis.text)
    if spans and not years_in(sentence) & asked:
        return False  # "Qua 30 năm, ... 900 vụ": a figure of many years, not of one asked
    compared = compared_figures(clause.text)  # "(so với cả năm 2023 là 12 vụ)"
    if analysis.period == "whole-year" and re.search(r"\bcung k[iy]\b", fold(clause.text).lower()):
        compared = {}  # "cùng kỳ năm 2023 (109 vụ)" is of the same months, not "cả năm 2023"
    # ... of the counted noun: "(135 vụ)" tells no damages of that year.
    if any(
        year in asked and (unit_head(analysis) is None or states_count(analysis, figure))
        for year, figure in compared.items()
    ):
        return True
    # A span of two years is one period: "niên vụ 2023 - 2024" is not "niên vụ 2022 - 2023",
    # though both name 2023.
    asked_spans = year_spans(analysis.text)
    planned = _asks_planned(analysis.text)
    # ... not a span set beside a figure to compare: "(năm học 2021 - 2022: 08 vụ)".
    told_spans = (
        _header_spans(sentence, planned)
        if _is_header_row(sentence)
        else year_spans(_COMPARED_YEAR_RE.sub(" ", sentence))
    )
    if asked_spans and told_spans and not asked_spans & told_spans:
        return False
    said = _without_later_years(sentence, clause.text)
    # A document cited by its number and date is of the year asked when the question asks of
    # it ("theo nghị quyết cũ năm 2026 ..."); else that date is no year the clause tells of.
    cited = " ".join(match.group() for match in _CITED_DATE_RE.finditer(said))
    if years_in(cited) & asked:
        return True
    own = (
        _header_years(sentence, planned)
        if _is_header_row(sentence)
        # (not another year's figure set beside it: "... 33 vụ (hè năm 2030: 39 vụ)")
        else years_in(_BRACKETED_YEAR_FIGURE_RE.sub(" ", _CITED_DATE_RE.sub(" ", said)))
    )
    if clause.lead_in is not None:
        own |= years_in(view.clauses[clause.lead_in].text)
    if own and analysis.type == QuestionType.REASON and max(own) < min(asked):
        own = set()  # a cause lies before its effect: "do ... sau giãn cách năm 2021"
    if own:
        return bool(own & asked)
    if _SAME_YEAR_RE.match(sentence):  # "Trong năm, ... xử phạt 112 trường hợp"
        told = last_year_before(candidate)
        if told is not None:
            return told in asked
    # "1. Tội phạm: năm 2023, ... 412 vụ. Đã điều tra làm rõ 389 vụ": the paragraph's year,
    # then its section's ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"), then the passage's.
    # A figure in a paragraph naming no year goes on telling the one before it ("Trong dịp
    # Tết Nhâm Dần năm 2022, ... 31 vụ phạm pháp hình sự." / "Tai nạn giao thông xảy ra 11
    # vụ ..."); a task after a figures paragraph does not ("Để kéo giảm ..., yêu cầu: ...").
    said = fold(clause.text).lower()
    figure = bool(re.search(r"\d", said)) and not _TASK_CUE_RE.search(said)
    # A table's header row is dated by its caption: "Số liệu năm 2023 theo huyện:".
    figure = figure or said.count("|") >= 2
    # ... the year it told of, not the date of an event it told ("Từ ngày 01/3/2023 Công an
    # xã tiếp nhận hồ sơ." then "Quý II tiếp nhận 96 hồ sơ").
    contexts = (
        _undated(paragraph_before(candidate)),
        _undated(previous_paragraph(candidate)) if figure else "",
        _undated(table_caption(candidate)),  # a row: "3. Tình hình TNGT năm 2023 theo địa bàn"
        earlier_item(candidate) if figure else "",
        earlier_numbered_item(candidate) if figure else "",
        section_heading(candidate),
        # ... the numbered heading over it, in the passage or above the chunk's cut ("1. Kết
        # quả năm 2030"; one too long to be read as a clause heading, wrapped over lines).
        heading_over(candidate),
        section_of(candidate),
        view.passage.heading,
    )
    for text in contexts:
        context = years_in(text)
        if context:
            stated = year_spans(text)
            if asked_spans and stated and not asked_spans & stated:
                return False
            return bool(context & asked)
    # The period a document's title names ("tổng kết năm 2022", "dịp Tết năm 2024") before
    # the year it was signed or published in; "..., phương hướng, nhiệm vụ năm 2024" is the
    # year it plans for, which only its tasks section (named above) speaks of.
    period = years_in(_PLANNED_RE.split(view.passage.metadata.title or "", maxsplit=1)[0])
    if period:
        return bool(period & asked)
    year = view.passage.metadata.year
    if year is not None:
        return year in asked
    return bool(years_in(view.about) & asked)


# A part of a sentence opening with its own year (folded): "; năm 2022 thu hồi 158 khẩu",
# "; cùng kỳ năm 2022 là 9 vụ".
_YEAR_OPENED_RE = re.compile(r"^\W*(?:(?:so voi|cung k[iy]|trong)\s+)?nam\s+(?:19|20)\d{2}\b")
# ... or with a part of a year, after the clause ("...; 6 tháng đầu năm 2031 tiếp nhận 387
# người"; a clause holding both, "năm 2030 đạt 2.316 lượt; quý I/2031 đạt 512 lượt", tells
# both).
_PART_OPENED_RE = re.compile(
    r"^\W*(?:rieng\s+)?(?:\d{1,2} thang(?: dau| cuoi)?|quy [ivx\d]+|thang \d{1,2})"
    r"(?: nam)?\s*/?\s*(?:19|20)\d{2}\b"
)


def _without_later_years(sentence: str, clause: str) -> str:
    """The sentence up to a later part telling another year: "Giao nộp 186 khẩu súng; năm
    2022 thu hồi 158 khẩu" dates the 158, not the 186, which its heading's year dates. A
    year opening an earlier part goes on (``Năm 2023, phát hiện 12 vụ; thu giữ 3 kg``)."""
    parts = sentence.split(";")
    at = next((i for i, part in enumerate(parts) if clause.strip()[:40] in part), None)
    if at is None:
        return sentence
    later = [
        part
        for part in parts[at + 1 :]
        if _YEAR_OPENED_RE.match(fold(part).lower())
        or (_PART_OPENED_RE.match(fold(part).lower()) and part.strip() not in clause)
    ]
    if not later:
        return sentence
    return ";".join(part for part in parts if part not in later)


# A date that bounds the period a figure is counted to: "(đến 31/12/2023)", "tính đến ngày
# 30/6/2024", "tính đến hết 31/12/2023".
_BOUND_DATE_RE = re.compile(
    rf"\b(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?({FULL_DATE_RE.pattern})", re.IGNORECASE
)


def _undated(text: str) -> str:
    """The text without the dates of the events it tells ("Từ ngày 01/3/2023 Công an xã
    tiếp nhận hồ sơ" tells no year of the figures after it); a date the figures are counted
    to leaves its year ("Kết quả (đến 31/12/2023)" tells 2023's)."""
    text = _BOUND_DATE_RE.sub(lambda m: " ".join(_YEAR_RE.findall(m.group(1))) or " ", text)
    return FULL_DATE_RE.sub(" ", text)


# Where a report's title turns from the period reported to the one planned for
# ("…năm 2023, phương hướng, nhiệm vụ năm 2024"); a title that opens with "Kế hoạch …" is
# all the plan's.
_PLANNED_RE = re.compile(r"[,;]\s*(?:phương hướng|nhiệm vụ|kế hoạch|mục tiêu)\b", re.IGNORECASE)


# A sentence telling of the year just spoken of: "Trong năm, ...", "Cũng trong năm, ...".
_SAME_YEAR_RE = re.compile(r"\W*(?:cũng )?trong năm\b(?! \d)(?! (?:19|20)\d{2})", re.IGNORECASE)


def last_year_before(candidate: Candidate) -> int | None:
    """The year named last before the clause, in its passage or the text retrieval cut
    before it: the year "Trong năm, ..." goes on speaking of."""
    passage = candidate.view.passage
    head = passage.text[: max(candidate.clause.start - passage.start, 0)]
    for text in (head, candidate.view.preceding):
        text = _COMPARED_YEAR_RE.sub(" ", text)
        years = _YEAR_RE.findall(re.sub(r"\S*\d+/\d+/?[A-ZĐ]\S*", " ", text))
        if years:
            return int(years[-1])
    return None


def paragraph_before(candidate: Candidate) -> str:
    """The clause's paragraph up to it."""
    passage = candidate.view.passage
    head = passage.text[: max(candidate.clause.start - passage.start, 0)]
    return head[head.rfind("\n") + 1 :]


def _list_above(candidate: Candidate) -> tuple[list[str], str]:
    """The items of the clause's list above it, nearest first, and the line leading the
    list in ("Tình hình còn phức tạp:", "1. Kết quả năm 2023"; empty when the list opens
    no such line). The list ends where a line opens without the item's mark; it may begin
    above the passage."""
    passage = candidate.view.passage
    # The document's text runs on from what lies above the passage.
    head = candidate.view.above + passage.text[: max(candidate.clause.start - passage.start, 0)]
    start = head.rfind("\n") + 1
    marker = ITEM_MARKER_RE.match(head[start:] + candidate.clause.text)
    bullet = marker.group(3) if marker is not None else None  # "- ", "+ ", "• "
    if bullet is None:
        return [], ""
    items: list[str] = []
    for line in reversed(head[:start].split("\n")):
        if not line.strip():
            continue
        if not line.startswith(bullet):
            leads_in = line.rstrip().endswith(":") or is_heading_line(line)
            return items, line if leads_in else ""
        items.append(line)
    return items, ""


def first_item(candidate: Candidate) -> str:
    """The first item of the clause's list above it: what an item singling out a part
    ("- Riêng quý IV: phát hiện 118 vụ") narrows, naming what the list counts ("- Toàn
    tỉnh phát hiện 412 vụ buôn lậu ...")."""
    items, _ = _list_above(candidate)
    return items[-1] if items else ""


_NUMBERED_LINE_RE = re.compile(r"^\s*(\d{1,2})[.)]\s")


def earlier_numbered_item(candidate: Candidate) -> str:
    """For a clause of a numbered item (its own line or one it runs on to), the nearest
    earlier item of that list opening with its year: "1. Năm 2023, toàn huyện phát hiện
    ..." dates "2. Có 09 hộ di cư ..." / "17 người xuất cảnh ..."; empty when none does."""
    passage = candidate.view.passage
    head = candidate.view.above + passage.text[: max(candidate.clause.start - passage.start, 0)]
    lines = [line for line in head.split("\n") if line.strip()]
    own = head[head.rfind("\n") + 1 :] + candidate.clause.text
    at = _NUMBERED_LINE_RE.match(own)
    if at is None and lines and not head.endswith(("\n", "\n ")):
        lines = lines[:-1]  # (the clause's own line, begun before it)
    if at is None:  # ... or the item line it runs on from
        item = next((line for line in reversed(lines[-2:]) if _NUMBERED_LINE_RE.match(line)), None)
        at = _NUMBERED_LINE_RE.match(item) if item is not None else None
    if at is None or int(at.group(1)) <= 1:
        return ""
    number = int(at.group(1))
    for line in reversed(lines):
        earlier = _NUMBERED_LINE_RE.match(line)
        if earlier is None or int(earlier.group(1)) >= number:
            continue
        # (an item opening with its year: "1. Năm 2023, ..."; not one whose deadline or
        # target names a year, "3. ... đạt 80% trước ngày 31/12/2024")
        if _YEAR_OPENED_RE.match(fold(line[earlier.end() :]).lower()):
            return _BRACKETED_RE.sub(" ", _undated(line))
        if int(earlier.group(1)) == 1:
            break
    return ""


def earlier_item(candidate: Candidate) -> str:
    """The nearest earlier item of the clause's list that names a year: under "Tình hình
    còn phức tạp:", "- Năm 2023, xảy ra 64 vụ ..." then "- Xảy ra 38 vụ TNGT ..." tells
    2023's figures too; else the line leading the list in ("Năm học 2022 - 2023, ... còn
    phức tạp:", "1. Kết quả năm 2023"), when it names one: it dates all its items."""
    items, leading = _list_above(candidate)
    for line in [*items, leading]:
        # Not a year compared in brackets: "- Xảy ra 11 vụ (năm học 2021 - 2022: 08 vụ)".
        undated = _BRACKETED_RE.sub(" ", _undated(line))
        if years_in(undated):
            return undated
    return ""


def list_lead_in(candidate: Candidate) -> str:
    """The line leading in the clause's list, read across a chunk's cut: "2. Chỉ tiêu năm
    2024:" over "- Giảm ít nhất 15% số vụ ...". Empty when the clause is no list item."""
    return _list_above(candidate)[1]


# Lines above a lettered point searched for the numbered heading over it (past its siblings
# "a) ..." and their few bullets).
LETTERED_REACH = 16


def item_heading(candidate: Candidate, nearest: bool = False) -> str:
    """The heading over the list item the clause is in ("1. Tội phạm về trật tự xã hội" over
    "- Tháng 10: ..." and "- Từ 01/7: ..."), in the passage or just above it. A lettered
    point heading bullets is read after the heading over it ("2. Tội phạm ... a) Phạm pháp
    hình sự"), unless only the `nearest` is asked."""
    passage = candidate.view.passage
    start = max(candidate.clause.start - passage.start, 0)
    head = passage.text[:start]
    head = head[: head.rfind("\n") + 1]  # the lines above the clause's
    over = heading_over_items(head, starts_bullet(passage.text[len(head) :]))
    if over is None:
        return candidate.view.heading_above
    if over and is_lettered(over) and not nearest:
        above = head[: head.rfind(over)].splitlines()[-LETTERED_REACH:]
        numbered = next((line.strip() for line in reversed(above) if is_heading_line(line)), "")
        return f"{numbered} {over}".strip()
    return over


# A line between a table's caption and its header that names no period: "Đơn vị tính: vụ,
# người", "(Đơn vị: vụ)".
_UNIT_LINE_RE = re.compile(r"^\W*đơn vị(?: tính)?\s*:", re.IGNORECASE)


def table_caption(candidate: Candidate) -> str:
    """The caption of the table a row clause is in: the line above the table's rows, past a
    line giving only its units or a note in brackets; "" for a clause that is no row, or
    whose table opens above the passage and the text retrieval cut before it."""
    if cells(candidate.clause.text) is None:
        return ""
    view = candidate.view
    head = view.passage.text[: max(candidate.clause.start - view.passage.start, 0)]
    # (the text above the passage, past a note under the caption: "(Kèm theo ...)")
    above = view.above or view.preceding
    lines = [line.strip() for line in f"{above}\n{head}".split("\n") if line.strip()]
    while lines and (cells(lines[-1]) is not None or RULE_RE.match(lines[-1])):
        lines.pop()
    while lines and _is_caption_note(lines[-1]):
        lines.pop()
    return lines[-1] if lines else ""


def _is_caption_note(line: str) -> bool:
    """A line under a caption that only notes something of it: "(Kèm theo Tờ trình ...)",
    "Đơn vị tính: vụ, người"."""
    line = line.strip()
    return bool(_BRACKETED_RE.fullmatch(line) or _UNIT_LINE_RE.match(line))


# What a figure is compared with, to the end of its phrase: "so với quý II/2024", "so với 6
# tháng đầu năm 2023".
_COMPARED_PERIOD_RE = re.compile(r"\bso (?:với|voi)\b[^,;.()]*", re.IGNORECASE)


def _above_lead_in(candidate: Candidate) -> str:
    """For an item of a list, the paragraph above the line leading it in: "Sáng 12/3/2031,
    ... bắt quả tang ..." / "Tang vật thu giữ gồm:" / "- 120 kg pháo" tells when the items
    were seized. Empty when no line leads the clause in (or none stands above it)."""
    view, lead_in = candidate.view, candidate.clause.lead_in
    if lead_in is None or cells(candidate.clause.text) is not None:
        return ""  # (a table's caption closes the item above, which tells of no row)
    passage = view.passage
    head = passage.text[: max(view.clauses[lead_in].start - passage.start, 0)]
    lines = [line for line in head.split("\n")[:-1] if line.strip()]
    # ... a paragraph telling what happened, not an item of another part ("7. Về ...")
    return lines[-1] if lines and not ITEM_MARKER_RE.match(lines[-1].strip()) else ""


def _without_closing_parts(text: str) -> str:
    """The paragraph without the sentences closing it that open with a part of the year
    ("..., 23 nạn nhân. Quý III/2024 tiếp nhận 09 nạn nhân."), its first kept."""
    spans = sentence_spans(text)
    while len(spans) > 1 and first_period_at(text[spans[-1][0] : spans[-1][1]]) == 0:
        spans.pop()
    return text[: spans[-1][1]] if spans else text


# A list item opening with a part of the year, maybe singled out (folded): "- Quý III xảy
# ra 05 vụ", "- Riêng tháng 9: ...".
_PART_ITEM_RE = re.compile(r"^\W*(?:rieng\s+)?")


def _paragraph_gone_on_from(candidate: Candidate) -> str:
    """The paragraph whose period the clause's goes on with: the one before it, but for a
    list item singling out a part of the year ("- Quý III xảy ra 05 vụ.") under one telling
    another period ("- 9 tháng xảy ra 14 vụ ..."): a breakout of that item, after which the
    list goes on with the item above it."""
    before = previous_paragraph(candidate)
    items, _ = _list_above(candidate)
    if len(items) < 2 or items[0].strip() != before.strip():
        return before
    if first_period_at(_PART_ITEM_RE.sub("", fold(items[0]).lower(), count=1)) != 0:
        return before
    above = _COMPARED_PERIOD_RE.sub(" ", fold(items[1]).lower())
    return items[1] if periods_in(above) else before


def previous_paragraph(candidate: Candidate) -> str:
    """The paragraph before the clause's own: in the passage, else the document's last one
    before the passage (the caption, when the passage opens inside a table). A note in
    brackets or of units under a caption ("(Kèm theo Tờ trình ...)", "Đơn vị tính: vụ") is
    passed over for the caption above it."""
    passage = candidate.view.passage
    head = passage.text[: max(candidate.clause.start - passage.start, 0)]
    if "\n" not in head:
        # A passage opening inside a table: its first row stands under the table's caption
        # ("Bảng: kết quả năm 2023 theo huyện"), the header row between them.
        table_head = candidate.view.table_head
        return table_head[0] if table_head is not None else candidate.view.preceding
    before = head[: head.rfind("\n") + 1].rstrip()
    found = before[before.rfind("\n") + 1 :]
    if _is_caption_note(found) and "\n" in before:
        above = before[: before.rfind("\n")].rstrip()
        found = above[above.rfind("\n") + 1 :] or found
    return found


# Read on folded lower-case text, so a question typed without diacritics reads alike.
# A target set, not a figure reached: "Phấn đấu đến hết năm 2025 đạt 85%", "chỉ tiêu", and
# whatever a plan's section of aims and tasks ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025") lists.
_TASK_CUE_RE = re.compile(r"\b(?:yeu cau|de nghi|chi dao|phan dau|chi tieu|muc tieu)\b|:\s*$")
_TARGET_RE = re.compile(r"\b(?:phan dau|chi tieu|muc tieu|du kien|phai dat|can dat)\b")
_BRACKETED_RE = re.compile(r"\([^()]*\)")
_AGAINST_TARGET_RE = re.compile(r"\bso voi (?:chi|muc) tieu\b")
_VERDICT_RE = re.compile(r"\b(?:chua|khong|da) dat\W*$|\bvuot\W*$")
# A figure told: "96/235", "40,5%", "1.240" (not a level's "mức 2")
_TOLD_FIGURE_RE = re.compile(r"\d+/\d+|\d[\d.,]*\s*%|\d{2,}")
_REACHED_FIGURE_RE = re.compile(r"\bdat (?:duoc )?\d")  # "đạt 81,5%", "đạt được 3.104" (folded)
# What was reached, asked (read folded): "đã đạt", "đã thực hiện", "đã có" ...
_REACHED_RE = re.compile(r"\bda (?:dat|duoc|lam|thuc hien|co)\b")
# ... "hiện mới đạt", "đạt bao nhiêu", read folded (a question restored from one typed without
# marks may read "đặt"); not "lắp đặt bao nhiêu".
_REACHED_NOW_RE = re.compile(
    r"\b(?:moi|hien|hien nay|thuc te) (?:\w+ )?dat\b"
    r"|(?<!lap )(?<!cai )(?<!phai )(?<!can )\bdat (?:duoc )?bao nhieu\b"  # "phải đạt": a target
)
# A result asked outright: "kết quả ... giảm được bao nhiêu", "đã giảm được", "kết thúc năm
# 2027 ... đạt được", "đã có bao nhiêu" (read folded): not what a plan aims at.
_RESULT_ASKED_RE = re.compile(
    r"\bket qua\b|\bket thuc\b|\bda (?:\w+ )?(?:dat|duoc)\b|\b(?:giam|tang|dat) duoc\b|\bda co\b"
    r"|\b(?:so|tong) ket\b"  # "sơ kết 6 tháng thực hiện KH A": its results
)
# The results of carrying a plan out, asked (folded): "sơ kết (6 tháng) thực hiện KH A",
# "kết quả thực hiện Kế hoạch A".
_IMPLEMENTED_RE = re.compile(r"\b(?:(?:so|tong) ket|ket qua)\b(?: \w+){0,4}? thuc hien\b")
_PLANNED_SECTION_RE = re.compile(
    r"\b(?:phuong huong|nhiem vu|muc tieu|giai phap)\b"
    # "III. CHỈ TIÊU CỤ THỂ" sets targets; "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" tells results
    r"|^(?!.*\b(?:ket qua|thuc hien|danh gia)\b).*\b(?:muc dich|chi tieu)\b"
)
# A question about a plan or directive itself: what it sets is what is asked.
_ASKS_DOCUMENT_RE = re.compile(r"\b(?:ke hoach|chi thi|nghi quyet|de an|chuong trinh)\b")


_PLANNING_KINDS = frozenset(("kế hoạch", "chỉ thị", "nghị quyết", "đề án", "chương trình"))


def plan_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """A figure reached in a year or period ("Năm 2024 điều tra làm rõ bao nhiêu vụ?") is
    not answered by a report's target for it ("phấn đấu ...", its section of tasks), unless
    the question asks for the target or about a plan or directive; a plan's or directive's
    own targets are what it says of the year it is for."""
    asked = fold(analysis.text).lower()
    if _asks_part_of_year(analysis) and _target_for_year(candidate, analysis):
        return False  # "quý I/2024 ... bao nhiêu": not "2. Chỉ tiêu năm 2024: - Giảm 15% ..."
    now = _REACHED_NOW_RE.search(asked)  # "hiện mới đạt bao nhiêu": what was reached
    reached = now or _REACHED_RE.search(asked)  # ... or "đã đạt"
    if analysis.type != QuestionType.COUNT or not (analysis.years or analysis.period or reached):
        return True
    result = now or _RESULT_ASKED_RE.search(asked)
    meta = candidate.view.passage.metadata  # a plan's targets are what it says of its year,
    planning = meta.kind in _PLANNING_KINDS or _ASKS_DOCUMENT_RE.match(
        fold(meta.title or "").lower()
    )
    if planning and _IMPLEMENTED_RE.search(asked) and not _TARGET_RE.search(asked):
        return False  # "Sơ kết 6 tháng thực hiện KH A, ...": a plan tells no results of itself
    # "đạt bao nhiêu so với chỉ tiêu" asks what was reached, the target beside it
    against = now is not None and _AGAINST_TARGET_RE.search(asked) is not None
    target_asked = _TARGET_RE.search(asked) is not None and not against
    if analysis.directive_keys or target_asked or _ASKS_DOCUMENT_RE.search(asked):
        return True
    if planning and not result:  # ... not what was reached in it
        return True
    text = _with_lead_in(candidate)
    # A target told in brackets beside what was reached ("đạt 91% (chỉ tiêu trên 85%)"), or
    # after it ("đạt 81,5% ..., chỉ tiêu Công an tỉnh giao là 92%"), leaves the clause a result.
    unbracketed = fold(_BRACKETED_RE.sub(" ", text)).lower()
    target = _TARGET_RE.search(unbracketed)
    if target and not _REACHED_FIGURE_RE.search(unbracketed[: target.start()]):
        told = ITEM_MARKER_RE.sub("", unbracketed[: target.start()].lstrip())
        # ... asked against the target: a figure or a verdict told before it is a result
        # ("có 96/235 xã ..., trong khi chỉ tiêu là 110", "chưa đạt chỉ tiêu"), not a task
        if not (against and (_TOLD_FIGURE_RE.search(told) or _VERDICT_RE.search(told))):
            return False
    if _REACHED_SO_FAR_RE.search(unbracketed):
        return True  # "Đến ngày 20/4/2031 mới có 40/52 xã ...", told under the targets
    return not _PLANNED_SECTION_RE.search(fold(section_of(candidate)).lower())


# A target asked outright ("chỉ tiêu là gì", "mục tiêu đặt ra thế nào", `sets_target`);
# not whether it was met ("đạt chỉ tiêu không", "hoàn thành mục tiêu chưa", folded) nor a
# result against it.
_MET_ASKED_RE = re.compile(
    r"\b(?:dat|hoan thanh|vuot)\b(?: \w+){0,2}? (?:chi|muc) tieu\b"
    r"|\b(?:dat|hoan thanh) (?:hay|chua|khong)\b"
)

# A figure aimed at by its bound (folded): "triệt xóa ít nhất 09/14 tụ điểm", "không dưới
# 150 khẩu" (a deadline alone sets a task: "báo cáo trước ngày 10/6").
_AIMED_AT_RE = re.compile(r"\b(?:it nhat|toi thieu|khong duoi)\b")
_DONE_ASKED_RE = re.compile(r"\b(?:da|moi)\b(?: \w+){0,3}? (?:duoc|dat)\b")


@lru_cache(maxsize=256)
def _asks_target_only(question: str) -> bool:
    """The question asks a target and not what was reached of it (read once per question,
    not per clause judged)."""
    asked = fold(question).lower()
    return sets_target(question) and not (
        _MET_ASKED_RE.search(asked)
        or _DONE_ASKED_RE.search(asked)  # "..., đã triệt xóa được mấy": what was reached too
        or _AGAINST_TARGET_RE.search(asked)
        or _REACHED_NOW_RE.search(asked)
        or _RESULT_ASKED_RE.search(asked)
    )


def target_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """A target asked outright ("A ký cam kết được bao nhiêu, chỉ tiêu là gì?") is answered by
    what sets one: a clause telling a target ("phấn đấu", "chỉ tiêu", "dự kiến"), or one under
    a section of aims ("II. MỤC TIÊU" / "- 100% thôn ký cam kết trước ngày 31/12/2030"); not
    by a figure reached ("Có 176/183 thôn đã ký cam kết"), unless the question asks that too."""
    if analysis.type == QuestionType.YES_NO or not _asks_target_only(analysis.text):
        return True
    if cells(candidate.clause.text) is not None:
        return True  # a table's row: its columns tell the target beside the result
    text = fold(_with_lead_in(candidate)).lower()
    if _TARGET_RE.search(text) or _TASK_CUE_RE.search(text) or _AIMED_AT_RE.search(text):
        return True
    return _PLANNED_SECTION_RE.search(fold(section_of(candidate)).lower()) is not None


# What was reached by a day past, told where targets are (folded): "đến ngày 20/4/2031 mới
# có", "đến nay đã đạt", "hiện mới có".
_REACHED_SO_FAR_RE = re.compile(
    r"\b(?:den (?:nay|ngay \d{1,2}/\d{1,2}(?:/\d{4})?)|hien(?: nay)?),? (?:moi|da|chi) "
    r"(?:co|dat|duoc)\b"
)


def _asks_part_of_year(analysis: QuestionAnalysis) -> bool:
    """A figure of a part of a year asked ("quý I/2024", "tháng 5"), not a target."""
    if analysis.period is None or analysis.period == "whole-year":
        return False
    if analysis.type not in (QuestionType.COUNT, QuestionType.OTHER):
        return False  # "cao điểm quý IV diễn ra từ ngày nào": a plan's dates are its own
    return not _TARGET_RE.search(fold(analysis.text).lower())


def _target_for_year(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """The clause sets a target (it or its lead-in says so) and names not the part of
    the year asked: a plan's targets are for its year or years."""
    text = _with_lead_in(candidate)
    if analysis.period in periods_in(text):
        return False
    unbracketed = fold(_BRACKETED_RE.sub(" ", text)).lower()
    target = _TARGET_RE.search(unbracketed)
    # ... not a result told against its target: "đạt 61,2%, chưa đạt chỉ tiêu 70%"
    return target is not None and not _REACHED_FIGURE_RE.search(unbracketed[: target.start()])


def read_with_lead_in(candidate: Candidate) -> str:
    """The clause read after its lead-in in the passage, when it has one."""
    clause = candidate.clause
    if clause.lead_in is None:
        return clause.text
    return f"{candidate.view.clauses[clause.lead_in].text} {clause.text}"


def _with_lead_in(candidate: Candidate) -> str:
    """The clause read after its lead-in, in the passage or above a chunk's cut ("2. Chỉ
    tiêu năm 2024:" over "- Giảm ít nhất 15% ...")."""
    if candidate.clause.lead_in is not None:
        return read_with_lead_in(candidate)
    return f"{list_lead_in(candidate)} {candidate.clause.text}"


def section_of(candidate: Candidate) -> str:
    """The report's or plan's section heading the clause is under ("I. KẾT QUẢ NĂM 2024"):
    the last one in its passage before it, else the document's last before the passage."""
    passage = candidate.view.passage
    within = section_before(passage.text, max(candidate.clause.start - passage.start, 0))
    return within or candidate.view.section


def heading_over(candidate: Candidate) -> str:
    """The heading of the numbered item or section the clause is under: the last one in
    its passage before it, else the one a chunk's cut left above the passage."""
    passage = candidate.view.passage
    found = last_heading(passage.text[: max(candidate.clause.start - passage.start, 0)])
    return candidate.view.heading_before if found is None else found


def section_heading(candidate: Candidate) -> str:
    """The heading of the section the clause is in, when the passage holds it."""
    view = candidate.view
    return next((c.text for c in reversed(view.clauses[: candidate.index]) if c.heading), "")


# Questions whose answer is no figure: a period they name tells which event or document,
# and only the clause's own sentence can contradict it.
_EVENT_TYPES = frozenset(
    (
        QuestionType.PERSON,
        QuestionType.TIME,
        QuestionType.REASON,
        QuestionType.MANNER,
        QuestionType.ACTION,
        QuestionType.DUTY,
    )
)


# A part's figure set beside the clause's own: in brackets, "(quý II: 17 vụ)", "(riêng
# tháng 3: 174 hồ sơ)", "(riêng 6 tháng cuối năm 19 vụ)", or after it, "...; riêng quý
# III bắt 12 vụ".
_BRACKETED_PART = (
    r"\((?:riêng |rieng )?(?:quý|quy|tháng|thang|\d+ tháng|\d+ thang)[^():]{0,20}:\s*\d[^()]*\)"
    r"|\((?:riêng|rieng) (?:quý|quy|tháng|thang|\d+ tháng|\d+ thang)[^()]*\d[^()]*\)"
)
_BRACKETED_PART_RE = re.compile(_BRACKETED_PART, re.IGNORECASE)
# Where most of a figure fell, to its clause's end: "chủ yếu vào dịp Tết", "phần lớn trong
# quý IV", "nhất là trong đợt cao điểm", "xảy ra nhiều trong tháng 6 và tháng 7" (as
# written, marks or none).
_MOSTLY_IN_RE = re.compile(
    r"\b(?:chủ yếu|chu yeu|phần lớn|phan lon|nhất là|nhat la|tập trung (?:vào|vao|trong)"
    r"|(?:xảy ra|xay ra) nhiều (?:nhất |nhat )?(?:trong|vào|vao))\b"
    r"(?:[^;.()]|\([^()]*\))*",  # (through its brackets: "(tháng 6 và tháng 7)")
    re.IGNORECASE,
)
_PART_FIGURE_RE = re.compile(
    rf"{_BRACKETED_PART}|;\s*(?:riêng|rieng) (?:quý|quy|tháng|thang)\b[^;()]*$", re.IGNORECASE
)


def _names_other_year(analysis: QuestionAnalysis, text: str) -> bool:
    """The text names a year, and none of those asked."""
    named = {int(year) for year in re.findall(r"\b(?:19|20)\d{2}\b", text)}
    return bool(named) and bool(analysis.years) and not named & set(analysis.years)


def period_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause speaks of the part of the year asked ("6 tháng đầu năm", "cả năm"): the
    period its sentence, lead-in, section heading, passage heading or document title names
    first decides. A year asked with no part of it ("Năm 2024 ... bao nhiêu vụ?") is not
    answered by a sentence giving only a part's figure."""
    if analysis.period is None:
        return not _part_of_asked_year(analysis, candidate)
    view, clause = candidate.view, candidate.clause
    if analysis.period == "whole-year" and _FRONTED_SAME_PERIOD_RE.match(sentence_of(candidate)):
        return False  # "Cùng kỳ năm 2029, kiểm tra 1.200 lượt": the report's months, not a year
    lead_in = view.clauses[clause.lead_in].text if clause.lead_in is not None else ""
    section = section_heading(candidate)  # "III. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023" over its items
    # The clause before its sentence, and any period either names: "6 tháng đầu năm xảy ra
    # 61 vụ; riêng quý IV xảy ra 34 vụ" answers for both.
    title = view.passage.metadata.title or ""
    for text in (clause.text, sentence_of(candidate)):
        # A part's figure beside the clause's own is not the clause's period: "6 tháng xảy
        # ra 38 vụ (quý II: 17 vụ)" is the half year's, and the quarter's too when asked.
        outside = _PART_FIGURE_RE.sub(" ", text)
        # ... nor another year's figure in brackets: "(cả năm 2030 xảy ra 97 vụ)"
        outside = _BRACKETED_RE.sub(
            lambda m: " " if _names_other_year(analysis, m.group()) else m.group(), outside
        )
        # ... nor the time most of it fell in: "thu giữ 46 kg pháo, chủ yếu trong đợt cao
        # điểm trước Tết" is the quarter's figure, the campaign a part of it
        outside = _MOSTLY_IN_RE.sub(" ", outside)
        # ... nor a period it is compared with, unless that one is asked: "Quý III phát hiện
        # 17 vụ, giảm 02 vụ so với quý II" tells of the third quarter
        compared = _COMPARED_PERIOD_RE.findall(outside)
        if compared and not names_asked(analysis.period, periods_in(" ".join(compared))):
            outside = _COMPARED_PERIOD_RE.sub(" ", outside)
        named = periods_in(outside) or counted_months_period(outside, title)
        if not named and analysis.type == QuestionType.COUNT:
            # "61 vụ ... trong năm 2030" is the year's figure, not the month asked of it
            named = {"whole-year"} if names_whole_year(outside, analysis.years) else set()
        if named and analysis.type == QuestionType.TIME and "range" in named:
            return True  # "cao điểm quý IV diễn ra từ ngày nào": its dates are the answer
        inside = periods_in(" ".join(_PART_FIGURE_RE.findall(text)))
        if inside and names_asked(analysis.period, inside):
            return True
        if named:
            return names_asked(analysis.period, named)
    if analysis.type in _EVENT_TYPES:
        return True  # "Ai chủ trì hội nghị sơ kết 6 tháng?": the next paragraph's plans for
        # "6 tháng cuối năm" do not date the meeting told here
    for text in (lead_in, section):
        stated = period_of(text)
        if stated is not None:
            return periods_agree(analysis.period, stated)
    # A paragraph that names none goes on from the one before: "6 tháng đầu năm, toàn tỉnh
    # xảy ra 61 vụ." then "Huyện A xảy ra nhiều nhất với 15 vụ."
    for text in (
        paragraph_before(candidate),
        # (not its closing sentences singling out a part: "Quý III/2024 tiếp nhận 09 nạn
        # nhân." tells of that part only)
        _without_closing_parts(_paragraph_gone_on_from(candidate)),
        _above_lead_in(candidate),
    ):
        # (not a period compared with: "Quý III có 14.630 lượt, tăng ... so với quý II/2024."
        # tells of the third quarter only)
        named = periods_in(_COMPARED_PERIOD_RE.sub(" ", text))
        if named:
            return names_asked(analysis.period, named)
    # ... then the heading over its items ("b) Quý III năm 2024" / "- Xảy ra 26 vụ"), its
    # section's, the passage's, the document's title
    headings = (item_heading(candidate), section_of(candidate), view.passage.heading)
    for text in (*headings, view.passage.metadata.title):
        named = periods_in(text or "")
        if named:
            return names_asked(analysis.period, named)
    if year_report(view.passage.metadata.kind, view.passage.metadata.title):
        return names_asked(analysis.period, {"whole-year"})
    return True


_TITLE_YEAR_RE = re.compile(r"\bnăm (?:19|20)\d{2}\b", re.IGNORECASE)


def year_report(kind: str | None, title: str) -> bool:
    """A report titled with a year and no part of it ("Kết quả công tác ... năm 2024") tells
    the year's figures: where a clause names no period, it is not a quarter's or a month's."""
    return kind == "báo cáo" and bool(_TITLE_YEAR_RE.search(title)) and not periods_in(title)


# An operation named by its words (folded): "đợt cao điểm cuối ...", "đợt tổng kiểm tra
# ...", "chiến dịch ra quân ..." (not "đốt pháo", which folds as "đợt" does).
_OPERATION_RE = re.compile(
    r"\b(?:dot|chien dich) (?:cao diem|tong kiem tra|ra quan|truy quet|tan cong) [a-z]+"
)


# A count asked as it stands at a day (folded): "đến ngày 30/6/2031", "tính đến 15/3/2031",
# "đến giữa năm 2031".
_STANDING_AT_RE = re.compile(
    r"\b(?:den|toi) (?:het )?(?:ngay )?\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b|\b(?:den|toi) giua nam\b"
)


@lru_cache(maxsize=256)
def _asks_standing_at(question: str) -> bool:
    """The question asks a count as it stands at a day (read once per question, not per
    clause judged)."""
    return _STANDING_AT_RE.search(fold(question).lower()) is not None


# How far a target has been reached, asked (folded): "chỉ tiêu X năm 2031 đạt được bao
# nhiêu phần trăm", "kế hoạch năm đạt mấy %".
_TARGET_REACHED_RE = re.compile(
    r"\b(?:chi tieu|ke hoach|muc tieu)\b.*\bdat(?: duoc)? (?:bao nhieu|may)\b"
)


def _part_of_asked_year(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """ "Năm 2024 có bao nhiêu vụ?" asks the year's figure: a sentence giving the figure
    of only a part of it ("9 tháng xảy ra 07 vụ", "quý III ...") is not that."""
    if analysis.type != QuestionType.COUNT or not analysis.years:
        return False
    if _asks_standing_at(analysis.text):
        return False  # "đến 30/6/2031 đã lắp được mấy camera": where a count stands that day
    if _TARGET_REACHED_RE.search(fold(analysis.text).lower()):
        return False  # "chỉ tiêu năm 2031 đạt được bao nhiêu %": the year is the target's,
        # and what a report of its first months has reached answers
    # "năm 2024 ... thiệt hại 11,2 tỷ đồng; riêng quý IV/2024 xảy ra 14 vụ" gives the
    # year's figure before a part's.
    # A date range no question names ("từ ngày 25/01 đến 20/02/2024": an operation's
    # days) is no part of the year that the question's year could be asking past.
    sentence = sentence_of(candidate)
    # ... nor an operation the question names as the sentence does: "đợt cao điểm cuối năm
    # 2031 ... bao nhiêu vụ" is answered by "Riêng đợt cao điểm cuối năm (từ ... ) ...".
    operation = _OPERATION_RE.search(fold(analysis.text).lower())
    if operation and operation.group() in fold(sentence).lower():
        return False
    named = parts_of_year(_BRACKETED_PART_RE.sub(" ", sentence))  # not "(riêng quý IV: 9 vụ)"
    years = "|".join(str(year) for year in analysis.years)
    # ... or as "this year" ("Trong kỳ thi năm nay, ... 03 thí sinh"): the report's year
    whole = re.search(rf"\bnăm (?:{years}|nay)\b", sentence, re.IGNORECASE)
    # ... or the year named as the question names it: "Dịp Tết 2027 ... bao nhiêu vụ cháy?" asks
    # the holiday's figure, which "Dịp Tết 2027, ...; riêng ngày 01/02/2027 ..." gives first.
    said = re.search(rf"(\w+ \w+) (?:{years})\b", analysis.text)
    unit = said[1].split()[-1].lower() if said is not None else ""
    named_as_asked = None
    if whole is None and said is not None and unit not in ("năm", "nam", "tháng", "quý"):
        # ... by the name the year closes ("mùa EURO 2024" asked, "dịp EURO 2024 (từ ngày
        # 14/6 đến ngày 14/7/2024)" told): the event's figure, its dates no part asked past
        # ... or with its dates after it: "mùa World Cup (từ 10/6 đến 12/7/2030)"
        named_as_asked = re.compile(
            rf"\b{re.escape(said[1].split()[-1])} (?:(?:{years})\b|\((?:từ|tu) )", re.I
        )
        if named_as_asked.search(sentence):
            return False
        # ... or singled out by it: "mùa du lịch hè 2031" asked, "Riêng mùa du lịch hè xảy ra
        # 33 vụ" told (a part of the paragraph's nine months, the one asked)
        singled_out = re.compile(rf"\brieng\s+(?:\w+\s+){{0,3}}?{re.escape(fold(unit))}\b")
        if singled_out.search(fold(sentence).lower()):
            return False
    if asks_share(analysis):
        named.discard(CUMULATIVE)  # "lũy kế đạt 64,3%": where a share stands, no part's sum
    first = first_period_at(sentence)
    if named and whole is None and _singles_out_part(analysis, candidate, sentence, first):
        named = set()  # the figure before "riêng" is the period its paragraph tells
    if not named:  # "9 tháng xảy ra 07 vụ ... Đã điều tra làm rõ 06/07 vụ": its paragraph's
        if whole is not None:  # ... unless it names the year itself: "Đến cuối năm 2023 ..."
            return False
        paragraph = paragraph_before(candidate)
        if named_as_asked is not None and named_as_asked.search(paragraph):
            return False  # ... or the event asked: "Dịp Tết Giáp Thìn 2024 (từ ...), ... ."
        told = _BRACKETED_PART_RE.sub(" ", paragraph)
        before = parts_of_year(told)
        if any(period.startswith(UNTIL) for period in periods_in(told)):
            # "Lũy kế đến ngày 14/11/2030, ... kích hoạt 812.400 tài khoản." says where a
            # stock stands at a date; the figures told after it are still the report's.
            before.discard(CUMULATIVE)
        return bool(before) and "whole-year" not in before
    if "whole-year" in named:
        return False
    if whole is None or first is None or whole.start() > first:
        return True
    # ... when the year's own part holds the asked figure, not only the part's: "năm 2024
    # các vụ cháy làm chết 02 người ...; riêng quý IV xảy ra 14 vụ cháy" counts no vụ cháy
    # for the year.
    year_part = sentence[whole.end() : first]
    if _BOUNDS_OPENING_RE.fullmatch(year_part):
        return False  # "năm 2026 (tính từ 15/12/2025 đến 14/11/2026)": the year, as counted
    if unit_head(analysis) is not None:
        return not states_count(analysis, year_part)
    return not re.search(r"\d", year_part)


# What sets a part apart from the figure told before it, in the clause that names the part:
# "riêng", "trong đó" ("...; riêng đợt nắng nóng (từ ... đến ...) xảy ra 8 vụ").
_SINGLING_OUT_RE = re.compile(r"\b(?:rieng|trong do)\b[^;]*$")


def _singles_out_part(
    analysis: QuestionAnalysis, candidate: Candidate, sentence: str, first: int | None
) -> bool:
    """The sentence's first part of the year is set apart after the asked figure, and the
    clause is not that part's: "Xảy ra 30 vụ cháy nhà, tăng 4 vụ; riêng quý I xảy ra 12 vụ"
    tells the paragraph's period (its year) first, then the quarter's."""
    if first is None:
        return False
    singled = _SINGLING_OUT_RE.search(fold(sentence[:first]).lower())
    if singled is None:
        return False
    opens_at = candidate.clause.start - candidate.clause.sentence_start
    before = sentence[: singled.start()]
    if opens_at >= singled.start() or not states_count(analysis, before):
        return False
    # The figure before is of the year its own words or, naming none, its document tells,
    # not of a year only the part's dates name ("(từ 15/12/2030 đến 14/3/2031)") nor one it
    # is compared with ("tăng 4 vụ so với năm 2030").
    told = years_in(before)
    year = candidate.view.passage.metadata.year
    if not told and year is not None:
        told = {year}
    return bool(told & set(analysis.years))


# What opens the bounds a document gives its year in (read as written): "năm 2026 (tính từ
# ngày ... đến ngày ...)", its figures to the report's day, still the year's.
_BOUNDS_OPENING_RE = re.compile(r"\s*\(\s*(?:tính|tinh)?\s*", re.IGNORECASE)


def sentence_of(candidate: Candidate) -> str:
    """The whole sentence a clause is cut from: its period may stand in another clause."""
    clause, passage = candidate.clause, candidate.view.passage
    start = max(clause.sentence_start - passage.start, 0)
    end = max(clause.sentence_end - passage.start, start)
    return passage.text[start:end] or clause.text


def _named_in_passing(analysis: QuestionAnalysis, text: str, asked: set[str]) -> bool:
    """The asked place is named only in brackets that count none of the asked noun: "9 vụ
    (diện tích 21,6 ha, chủ yếu tại huyện A, B)" says where the figure outside fell, and
    is no figure of A's own (as "(huyện A: 3 vụ)" is)."""
    if places_named(_BRACKETED_RE.sub(" ", text)) & asked:
        return False
    brackets = [b for b in _BRACKETED_RE.findall(text) if places_named(b) & asked]
    # (a bracket naming where something is, "xã A (huyện B)", is no place a part fell in)
    fell = [b for b in brackets if _FELL_AT_RE.search(fold(b).lower())]
    return bool(fell) and not any(states_count(analysis, b) for b in brackets)


# Where part of a figure fell, told in its bracket (folded): "chủ yếu tại huyện A, B".
_FELL_AT_RE = re.compile(
    r"\b(?:tai|o|chu yeu|tap trung)\b[^()]*\b(?:huyen|thi xa|thanh pho|quan)\b"
)


def place_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """A question about a district is answered by a clause naming it or by a document about
    it, not by a province-wide figure; a clause naming only other places of the asked level
    ("Ở tỉnh B, ...") speaks of them, not of the asked one."""
    numbered = numbered_places_asked(analysis)
    if numbered:  # "Quận 3", "Phường 12": no gazetteer name; the clause names it, or its row
        said = fold(read_with_lead_in(candidate)).lower()
        return any(re.search(rf"\b{place}\b", said) for place in numbered)
    asked = set(analysis.localities or analysis.provinces)
    if not asked:
        return True
    # "Huyện A, tỉnh B có bao nhiêu ...?" asks the district: B only says where A is, and a
    # figure of B's (its own "toàn tỉnh" or its document's) is not A's.
    asked = {place for place in asked if place not in _PROVINCE_SET} or asked
    view = candidate.view
    text = read_with_lead_in(candidate)
    towns = towns_asked(analysis)
    if towns:  # "thị xã A" of tỉnh A: its own clause, or its own report, not the province's
        said = fold(text).lower()
        own = fold(view.passage.metadata.district or "").lower()
        return any(_town_pattern(town).search(said) or fold(town).lower() == own for town in towns)
    named = places_named(text)
    issued = view.passage.metadata.issued_on
    # After the merger, "hai tỉnh A và B" that became the asked one are one place, not a list.
    provinces = named & _PROVINCE_SET
    merged = len(provinces) > 1 and {province_on(p, issued) for p in provinces} <= asked
    listed = _listed_together(text, asked) and not merged
    if named & asked and analysis.type == QuestionType.COUNT and listed:
        return False  # "1.900 tài khoản ở Bình Định, Quảng Ngãi, Gia Lai": no one's own
    former = _own_former(fold(analysis.text).lower())
    if (
        former
        and analysis.type == QuestionType.COUNT
        and not _told_own(former, candidate, analysis)
    ):
        return False  # "trên địa bàn tỉnh (tính cả khu vực tỉnh A cũ) xảy ra 152 vụ"
    if named & asked and named_as_another_unit(analysis.text, analysis.localities, text):
        return False  # "Huyện A" when "thị xã A" is asked: two places of one name
    if (
        named & asked
        and analysis.type == QuestionType.COUNT
        and _named_in_passing(analysis, text, asked)
    ):
        return False  # "cháy rừng 9 vụ (chủ yếu tại huyện A, B)": where the province's fell
    if named & asked:
        return True
    said = fold(text).lower()  # "xã Tây Cốc" asked with its district: the clause naming it
    if analysis.communes and all(says_name(said, name) for name in analysis.communes):
        return True
    if (
        not analysis.localities
        and analysis.type == QuestionType.COUNT
        and _asks_whole_province(analysis.text)
        and (view.passage.metadata.district is not None or _WHOLE_UNIT_RE.search(text))
        and not _PROVINCE_WIDE_RE.search(text)
    ):
        return False  # "toàn tỉnh A có bao nhiêu vụ": not a district's or commune's own count
    if analysis.localities and _describes_event(analysis):
        # "Vụ ghe ... ở Cái Bè, chủ ghe bị khởi tố tội gì?": the place tells which event; a
        # clause of the document naming it, and no other district, tells of that event.
        if named - asked - _PROVINCE_SET:
            return False
        return bool(asked & (places_named(view.about) | view.document_places))
    if analysis.localities and view.commune_named:
        return True
    if analysis.localities:
        return _about_district(asked, text, named, view)
    # A province named is read as of the document's date: after 2025, old provinces' names
    # are wards', their places the new province's. One in brackets after a name only says
    # where that is ("qua cửa khẩu Mộc Bài (Tây Ninh)"): the clause is not of it.
    located = places_named(_LOCATOR_RE.sub(r"\g<name>", text)) if "(" in text else named
    others = {province_on(p, issued) for p in located if p in _PROVINCE_SET} - asked
    # "Tuyên Quang cũ" asked: the figure of "khu vực Hà Giang cũ" in the new Tuyên Quang's
    # document is of another former province, though both are now one.
    # It must be of the asked one: named so in its passage, or a document of that province
    # from before the merger.
    former = former_provinces(analysis.text)
    if former:
        if former_provinces(text) - former:
            return False
        # The new province a former one is part of ("tỉnh B" for "khu vực A cũ") is its
        # own place: a count of the new province's was refused above.
        others -= {MERGED_2025.get(p, p) for p in asked if fold(p).lower() in former}
        meta = view.passage.metadata
        before = bool(meta.issued_on) and not after_merger(meta.issued_on)
        told = f"{meta.title} {view.about} {view.preceding} {view.passage.text}"
        if not (
            former <= former_provinces(told)
            or (before and fold(meta.province or "").lower() in former)
        ):
            return False
    if not named and not others:
        # A clause naming no place goes on from its paragraph: "Theo Công an tỉnh B, ... xảy
        # ra 205 vụ. Lực lượng Công an đã làm rõ 160 vụ" tells of B, not the asked one.
        prior = places_named(paragraph_before(candidate))
        # ... and where that names none either, is its own document's province's, as of its
        # date: a 2024 seizure told by A's news is no figure of B, which A became part of in
        # 2025 (a former province asked is the new one's part in a document after it).
        home = view.passage.metadata.province
        ours = asked | {province_on(p, issued) for p in asked}
        foreign = home in _PROVINCE_SET and province_on(home or "", issued) not in ours
        if foreign and not former and not prior & _PROVINCE_SET:
            return False
        # (after the merger, the province a former one became is its own: "Công an tỉnh
        # B" for "A cũ")
        merged = bool(issued) and after_merger(issued)
        merged_into = {MERGED_2025.get(p, p) for p in asked} if merged else set()
        earlier = {province_on(p, issued) for p in prior if p in _PROVINCE_SET}
        earlier -= asked | merged_into
        return not earlier or bool(prior & asked)
    return not others


# A place in brackets after a capitalised name, locating it: "cửa khẩu Hoa Lư (Bình Phước)".
_LOCATOR_RE = re.compile(
    rf"(?P<name>\b[{UPPER_LETTERS}]\w*) ?\((?:tỉnh |huyện |TP |thành phố )?"
    rf"[{UPPER_LETTERS}][^()\d]{{0,30}}\)"
)


# "(tính cả khu vực tỉnh A cũ)", "bao gồm tỉnh A cũ": the whole new province's figure.
_INCLUDING_RE = re.compile(r"\b(?:tinh ca|ke ca|bao gom|gom ca)\b[^.;)]{0,30}$")


def _told_own(former: set[str], candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """A figure of a former province asked: in a document from after the merger, the
    clause's sentence (or lead-in, or the paragraph before it) names that former province
    as having it, not as included in the whole."""
    view, clause = candidate.view, candidate.clause
    meta = view.passage.metadata
    if not meta.issued_on or not after_merger(meta.issued_on):
        return True  # a document of before the merger is the old province's own
    own = fold(clause.text).lower()
    if _PROVINCE_WIDE_RE.search(clause.text):
        # "toàn tỉnh phát hiện 41 vụ; riêng khu vực A cũ 16 vụ": the whole's, unless A's own
        # part counts the asked noun ("toàn tỉnh có 42 trạm cân ..., trong đó khu vực A cũ
        # có 131 cầu yếu" tells A no weighing stations)
        named = [m for m in _FORMER_RE.finditer(own) if m.group(1) in former & _own_former(own)]
        part = clause.text[named[0].start() :] if named and len(own) == len(clause.text) else ""
        return bool(named) and (not part or states_count(analysis, part))
    lead_in = view.clauses[clause.lead_in].text if clause.lead_in is not None else ""
    if not lead_in and ITEM_MARKER_RE.match(clause.text):  # "- Lập thêm 36 tổ ..." under the
        lead_in = previous_paragraph(candidate)  # paragraph announcing it, passage cut or not
    told = fold(f"{lead_in} {paragraph_before(candidate)} {sentence_of(candidate)}").lower()
    return bool(former & _own_former(told))


def _own_former(folded: str) -> set[str]:
    """The former provinces a folded text names as themselves, not as included in the
    whole ("toàn tỉnh (tính cả tỉnh A cũ)")."""
    return {
        match.group(1)
        for match in _FORMER_RE.finditer(folded)
        if not _INCLUDING_RE.search(folded[: match.start()])
    }


def _listed_together(text: str, asked: set[str]) -> bool:
    """An asked province is one of a list of provinces sharing one figure ("ở A, B và C"),
    some of them not asked ("Gia Lai và Bình Định" asked together is their own)."""
    spans = [place for place in place_spans(text) if place.name in _PROVINCE_SET]
    for first, second in pairwise(spans):
        together = LIST_GAP_RE.fullmatch(text[first.end : second.start]) is not None
        names = {first.name, second.name}
        if together and names & asked and not names <= asked:
            return True
    return False


def _describes_event(analysis: QuestionAnalysis) -> bool:
    """The question asks no figure and no place, or a figure of one case it opens with
    ("Ổ nhóm cho vay qua app ở Sa Đéc giải ngân cho bao nhiêu người?"): its place only
    tells which event."""
    if analysis.compares or analysis.asked_noun in PLACE_NOUNS:
        return False
    return analysis.type in (QuestionType.WHICH, *_EVENT_TYPES) or _of_one_case(analysis)


# A question opening with one case or ring (folded): "Ổ nhóm ...", "Đường dây ...", "Vụ ...";
# or asking of someone in one: "Người giữ sổ trong đường dây lô đề ở A được trả bao nhiêu?".
_ONE_CASE_RE = re.compile(
    r"^\W*(?:o nhom|bang nhom|nhom|duong day|vu)\s+(?!viec\b)\w"
    r"|\b(?:trong|cua|thuoc) (?:duong day|o nhom|bang nhom)\s+\w"
)


def _of_one_case(analysis: QuestionAnalysis) -> bool:
    """A count asked of one case or ring, not of cases: "Vụ buôn lậu ... thu giữ bao nhiêu
    lít" (not "Vụ ... bao nhiêu vụ", whose cases are what is counted)."""
    if analysis.type != QuestionType.COUNT or not _ONE_CASE_RE.search(fold(analysis.text).lower()):
        return False
    head = unit_head(analysis)
    return head is not None and head not in ("vu", "nhom", "duong")  # (its first word)


def commune_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """A question naming a commune ("xã Lũng Cú") is answered from a passage or document
    that names it, not by another commune's or the province's figure (a clause saying
    "toàn tỉnh", "của tỉnh")."""
    if not analysis.communes:
        return True
    if analysis.type == QuestionType.COUNT and _WHOLE_PROVINCE_RE.search(candidate.clause.text):
        return False  # "các lực lượng của tỉnh đã bắt giữ 612 vụ": not the commune's own
    view = candidate.view  # its `about` holds the document's issuer: "CÔNG AN XÃ A"
    # A table's row tells of the place its label, its heading or its document names, not of
    # a commune a row further down names ("| Tội phạm TTXH | 62 | 57 |" is the district's).
    # (`document_about` holds the title; `about`, the passage's text with it.)
    if _is_table_row(candidate.clause.text):
        heading = f"{view.passage.heading or ''} {section_of(candidate)}"
        told = f"{view.document_about} {heading} {candidate.clause.text}"
        said = fold(told).lower()
        return all(says_name(said, name) for name in analysis.communes)
    # Named anywhere in what the document is about (its issuer "CÔNG AN XÃ A", its place)
    # or in the clause's sentence, or in the passage as a commune.
    own = fold(f"{view.document_about} {sentence_of(candidate)}").lower()
    said = fold(view.about).lower()
    figure = analysis.type == QuestionType.COUNT or (
        analysis.type == QuestionType.OTHER and SHARE_ASKED_RE.search(fold(analysis.text).lower())
    )  # "tỷ lệ ... xã A": a share is a figure too
    if figure and "|" not in candidate.clause.text:
        # ... but a commune's count in a district's report is told with its name: in the
        # sentence, the paragraph or the heading over it, not by another paragraph of the
        # passage naming it ("Hai xã xếp loại Trung bình là xã A và xã B").
        near = (paragraph_before(candidate), item_heading(candidate), previous_paragraph(candidate))
        said = fold(" ".join(near)).lower()
    return all(says_name(own, name) or names_commune(said, name) for name in analysis.communes)


def says_name(folded: str, name: str) -> bool:
    """The folded text holds the name as whole words: "xã Thanh Hải" names no "Thanh Hà"."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) is not None


# A commune's name written as one: after its kind ("xã A", "Công an phường A"), or in a
# list the kind opens ("các xã B, C và A"); read folded.
_COMMUNE_KIND = r"\b(?:xa|phuong|thi tran|thon|ap|ban|khom|cax|cap)"
_LISTED_NAME = r"[a-z]+(?: [a-z]+){0,3}"


def names_commune(folded: str, name: str) -> bool:
    """The folded text names the commune `name` as a commune: not a road, a company or a
    river that shares its name ("tuyến đường A - Tân Tiến", "Công ty Tân Tiến")."""
    listed = rf"(?:{_LISTED_NAME}(?:, | va (?:{_COMMUNE_KIND} )?)){{0,8}}"
    named = re.compile(rf"{_COMMUNE_KIND} {listed}{re.escape(name)}\b")
    return named.search(folded) is not None


# "toàn tỉnh có 412 tổ", "của tỉnh": a figure of the whole province ...
_WHOLE_PROVINCE = r"toàn tỉnh|cả tỉnh|của tỉnh|trên địa bàn tỉnh|toan tinh|ca tinh|cua tinh"
_WHOLE_PROVINCE_RE = re.compile(rf"\b(?:{_WHOLE_PROVINCE})\b", re.IGNORECASE)
# ... or of its districts together, not of one of them ("các huyện"; a commune may still be
# told of by "Công an các huyện A, B").
_PROVINCE_WIDE_RE = re.compile(rf"\b(?:{_WHOLE_PROVINCE}|các huyện)\b", re.IGNORECASE)


# A whole smaller than a province a clause counts in: "toàn xã có 31 tổ", "toàn huyện".
_WHOLE_UNIT_RE = re.compile(r"\btoàn (?:xã|phường|thị trấn|huyện|quận|thị xã)\b", re.IGNORECASE)
# A figure asked of the whole province (read folded).
_WHOLE_PROVINCE_ASKED_RE = re.compile(r"\b(?:toan|ca) tinh\b|\btren dia ban tinh\b")


def _asks_whole_province(question: str) -> bool:
    """ "toàn tỉnh", "cả tỉnh": not "CA tỉnh", the province's police, as officers type it."""
    folded = fold(question).lower()
    return any(
        len(folded) != len(question) or question[m.start() : m.start() + 2] != "CA"
        for m in _WHOLE_PROVINCE_ASKED_RE.finditer(folded)
    )


def _about_district(asked: set[str], text: str, named: set[str], view: PassageView) -> bool:
    """A clause answers a district question when its document is about the district, or
    it names no other place and is not about the whole province while its passage or its
    document names the district."""
    # ... the document's own district: its issuer's, or named in its title or opening lines
    # ("Hội trường UBND huyện A" in a meeting's minutes whose issuer is a steering board).
    if places_named(view.document_about) & asked or view.passage.metadata.district in asked:
        return True
    # ... or its title names it bare, as a district needing its unit word is named in a
    # heading ("Phú Quý: Giữ bình yên cho huyện đảo ...").
    title = fold(view.passage.metadata.title or "").lower()
    if any(re.search(rf"(?<!\w){re.escape(fold(place).lower())}(?!\w)", title) for place in asked):
        return True
    if named or _PROVINCE_WIDE_RE.search(text):
        return False
    if view.passage.metadata.district is not None:
        return False  # another district's report: a clause naming none speaks of its own
    # Named elsewhere in the passage, or in the document: the clause is the district's when
    # the text is about few places, not when it goes through the province's districts one
    # by one (a provincial report's table): its clauses naming none speak of the province.
    # Both must be about few: a provincial report names the district in one passage and
    # goes through the others in the rest.
    naming = [places for places in (places_named(view.about), view.document_places) if places]
    if not any(places & asked for places in naming):
        return False
    others = ({p for p in places if p not in _PROVINCE_SET} - asked for places in naming)
    return all(len(other) < MANY_DISTRICTS for other in others)


# The unit words of a town, folded: "thị xã A", "thành phố A", "TP. A", "TX A".
_TOWN_UNIT = r"\b(?:thi xa|thanh pho|tp|tx)\W{0,2}"


def _town_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"{_TOWN_UNIT}{re.escape(fold(name).lower())}\b")


def towns_asked(analysis: QuestionAnalysis) -> set[str]:
    """The towns a question names as their provinces are named, with their unit ("thị xã
    Quảng Trị", "TP Hà Tĩnh"): not the province, whose figures are not theirs. A
    centrally-run city ("TP Cần Thơ") is its province."""
    folded = fold(analysis.text).lower()
    return {
        name
        for name in analysis.localities
        if name in _PROVINCE_SET
        and name not in CENTRAL_CITIES
        and _town_pattern(name).search(folded)
    }


# A place named by its unit and a number (folded): "quận 3", "phường 12"; not "tổ 5" or
# "ấp 1" (hamlets a district's figures seldom name).
# Read as written: "quận" with its marks (typed without them, "Nho Quan 9 tháng" is a
# district's name and a period), folded only before what is no period.
_NUMBERED_PLACE_RE = re.compile(r"\b(quận|phường) 0?(\d{1,2})\b", re.IGNORECASE)
_FOLDED_NUMBERED_RE = re.compile(
    r"\b(quan|phuong) 0?(\d{1,2})\b(?! (?:thang|nam|quy|ngay|tuan)\b)", re.IGNORECASE
)
_NAME_WORD_BEFORE_RE = re.compile(r"\b[A-ZĐ]\w*\s+$")  # "Nho Quan", "Hớn Quản": a name's end


def numbered_places_asked(analysis: QuestionAnalysis) -> list[str]:
    """The places the question names by unit and number, as a clause would name them
    ("quan 0?3", folded, for a pattern); typed without marks, not where a capitalised word
    before makes it a name ("Nho Quan 9 tháng")."""
    text = analysis.text
    if has_diacritics(text):
        found = _NUMBERED_PLACE_RE.findall(text)
    else:
        found = [
            (m[1], m[2])
            for m in _FOLDED_NUMBERED_RE.finditer(text)
            if not _NAME_WORD_BEFORE_RE.search(text[: m.start()])
        ]
    return [f"{fold(unit).lower()} 0?{number}" for unit, number in found]
