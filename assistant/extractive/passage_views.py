"""A retrieved passage as the answerer reads it: cut into clauses, with the words of its
heading and title, and whether it can answer the question at all (it names the place and the
directive the question names).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from assistant.extractive.documents import extends, yeared_keys
from assistant.extractive.entities import directive_keys_in, places_named
from assistant.extractive.evidence import clause_tokens
from assistant.extractive.question import QuestionAnalysis
from assistant.extractive.sentences import (
    ITEM_MARKER_RE,
    Clause,
    article_told_whole,
    heading_lead_in,
    split_clauses,
)
from assistant.passages import Passage
from index.gazetteer import after_merger
from index.vietnamese import fold

FRAGMENT_CHARS = 100  # a title or caption is shorter than this and has no final punctuation
PRECEDING_REACH = 2000  # how far back a passage's preceding paragraph is looked for
MAX_TABLE_ROWS = 500  # how far back a continued table's header is looked for, in rows
TABLE_REACH = 100_000  # ... and in characters
# A document's number or motto on a line of its own, above its dateline and title.
_HEADER_LINE_RE = re.compile(r"Số:?\s*\S+|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc")
_RECIPIENTS = ("Nơi nhận", "NƠI NHẬN", "Kính gửi")
_ADDRESSED = ("Kính gửi", "KÍNH GỬI")  # "Kính gửi: - Công an tỉnh A;" names its first addressee
# "II. KẾT QUẢ ...", "A. TÌNH HÌNH", "Phần thứ hai", "Chương III": a section's numbered heading.
_SECTION_RE = re.compile(r"^(?:[IVXLC]+|[A-ZĐ])\.\s+\S|^(?:Phần|Chương|Mục)\s+\S")
SECTION_HEADING_CHARS = 160  # a heading line is shorter than this
SECTION_REACH = 20_000  # how far back a passage's section heading is looked for, in characters
_LAW_NAME_RE = re.compile(r"^(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Hiến pháp)\b")


@dataclass(eq=False)  # compared and hashed by identity: one view per retrieved passage
class PassageView:
    """A passage cut into clauses, and whether it can answer the question at all."""

    passage: Passage
    rank: int
    clauses: list[Clause]
    context: frozenset[str]  # the heading's and title's words, in the question's form
    eligible: bool = True
    about: str = ""  # the passage's text with its title and locality, where names are looked up
    document_about: str = ""  # the document's title, locality and issuer: what it is about
    document_places: set[str] = field(default_factory=set)  # places the document names
    # The document's paragraph just before the passage, when the passage does not hold it:
    # the period a report's figures go on from ("6 tháng đầu năm, …" then "Huyện A …").
    preceding: str = ""
    # The document's text just before the passage (within PRECEDING_REACH), where an item of
    # a list the chunk's cut split is read on from the items above it.
    above: str = ""
    # The heading line a chunk's cut left above the passage ("2. Tội phạm về TTXH"): what
    # its figures count, when only list items stand between ("- Tháng 11: ..." / "- Từ ...").
    heading_above: str = ""
    # When the passage opens inside a table: the line above the table and its header row.
    table_head: tuple[str, str] | None = None
    # The heading of the document's section the passage starts in, when the passage does not
    # hold it: "I. TÌNH HÌNH VÀ KẾT QUẢ NĂM 2024" dates the figures below it.
    section: str = ""
    # The nearest heading above the passage, numbered or a section's ("1. Kết quả năm 2030"),
    # when the passage does not hold it: it dates the paragraphs under it as the section does.
    heading_before: str = ""
    # The district asked is, after the 2025 merger, the commune named so whose document this
    # is (see `_commune_so_named`): read once for the passage, not for each of its clauses.
    commune_named: bool = False


def read_passages(
    analysis: QuestionAnalysis,
    passages: Sequence[Passage],
    document_about: Callable[[str], str] | None = None,
    document_places: Callable[[str], set[str]] | None = None,
    document_text: Callable[[str], str] | None = None,
) -> list[PassageView]:
    """Cut each passage into clauses and tell whether it names what the question names.

    `document_about(source)` gives what is known of the whole document beyond its metadata
    (its issuer, "Công an huyện X", names the district a report is about), and
    `document_places(source)` the places it names anywhere: a passage of a document that
    names the asked place elsewhere may still answer ("Trưởng Công an xã ... là ai?");
    `document_text(source)` the document's cleaned text, for the paragraph before a passage."""
    views = []
    folded = analysis.form == "folded"
    for rank, passage in enumerate(passages):
        meta = passage.metadata
        heading = passage.heading.partition("\n")[0]  # its lead-in line is the points' own
        context_text = " ".join(part for part in (heading, meta.title) if part)
        context = frozenset(clause_tokens(context_text, folded).compared)
        whole = " ".join(
            part
            for part in (
                meta.title,
                meta.province or "",
                meta.district or "",
                document_about(passage.source) if document_about else "",
            )
            if part
        )
        clauses = _captions_marked(
            _recipients_marked(
                split_clauses(
                    passage.text, passage.start, carried_lead_in=heading_lead_in(passage.heading)
                )
            ),
            passage,
        )
        view = PassageView(passage, rank, clauses, context)
        view.about = f"{passage.text} {whole}"
        view.document_about = whole
        view.document_places = document_places(passage.source) if document_places else set()
        if document_text is not None and passage.start > 0:
            text = document_text(passage.source)
            view.above = text[max(0, passage.start - PRECEDING_REACH) : passage.start]
            view.preceding = _paragraph_before(text, passage.start)
            view.heading_above = _heading_above(text, passage.start)
            view.section = section_before(text, passage.start)
            view.heading_before = heading_before(text, passage.start)
            if _is_table_line(passage.text.lstrip().split("\n", 1)[0]):
                view.table_head = _table_head(text, passage.start)
        view.commune_named = _commune_so_named(analysis, passage, whole)
        view.eligible = _names_what_question_names(analysis, view, passage)
        views.append(view)
    return views


def one_paragraph(view: PassageView, one: int, other: int) -> bool:
    """Whether two clauses of the passage stand in one paragraph (no line break between)."""
    first, last = sorted((view.clauses[one], view.clauses[other]), key=lambda c: c.start)
    start = view.passage.start
    return "\n" not in view.passage.text[first.end - start : last.start - start]


def _recipients_marked(clauses: list[Clause]) -> list[Clause]:
    """The items of a "Nơi nhận:" or "Kính gửi:" list marked as labels: who receives a
    document is not what it says."""
    marked, addressed = [], False
    for clause in clauses:
        # "Kính gửi: - Công an tỉnh A;" then "- Đảng ủy, UBND xã B.": the lines it opens.
        addressed = clause.text.startswith(_ADDRESSED) or (
            addressed and clause.text.lstrip().startswith("-")
        )
        listed = clause.lead_in is not None and clauses[clause.lead_in].text.startswith(_RECIPIENTS)
        # ... and the list's own opening where a table lays it beside the signature ("| Nơi
        # nhận: | KT. GIÁM ĐỐC |"): a row no item above it runs on into.
        opening = clause.text.startswith("|") and clause.text.lstrip("| ").startswith(_RECIPIENTS)
        marked.append(replace(clause, label=True) if addressed or listed or opening else clause)
    return marked


# A photo's caption on a page: its line ends with who took the photo ("Lực lượng chức năng
# kiểm tra hiện trường. Ảnh: T.H"); it names what the article tells, and tells nothing.
_CAPTION_LINE_RE = re.compile(r"[.!]\s*\(?(?:Ảnh|Nguồn ảnh|Video)\s*:\s*[^.\n]{0,60}\)?\s*$")


_CREDIT_LINE_RE = re.compile(r"\s*\(?(?:Ảnh|Nguồn ảnh)\s*:\s*[^.\n]{0,60}\)?\s*$")
# A page's tag list: "Tags: đánh bạc qua mạng ...", "Từ khóa: ...".
_TAGS_LINE_RE = re.compile(r"\s*(?:Tags?|Từ khóa|Thẻ)\s*:", re.IGNORECASE)


def _captions_marked(clauses: list[Clause], passage: Passage) -> list[Clause]:
    """The clauses of a photo caption's line, or of a page's tag list, marked as labels."""
    marked = []
    for clause in clauses:
        start = clause.start - passage.start
        line_start = passage.text.rfind("\n", 0, max(start, 0)) + 1
        line_end = passage.text.find("\n", start)
        line = passage.text[line_start : line_end if line_end >= 0 else len(passage.text)]
        following = (
            passage.text[line_end + 1 :].lstrip(" ").partition("\n")[0] if line_end >= 0 else ""
        )
        caption = (
            _CAPTION_LINE_RE.search(line) is not None
            or _CREDIT_LINE_RE.match(line) is not None
            or _CREDIT_LINE_RE.match(following) is not None  # the credit on the next line
            or _TAGS_LINE_RE.match(line) is not None
        )
        marked.append(replace(clause, label=True) if caption else clause)
    return marked


def _paragraph_before(text: str, start: int) -> str:
    """The last paragraph of `text` before offset `start` (bounded: one paragraph's reach)."""
    head = text[max(0, start - PRECEDING_REACH) : start].rstrip()
    return head[head.rfind("\n") + 1 :]


MAX_ITEMS_ABOVE = 4  # list items between a heading and the chunk its next item opens
# A bulleted or lettered item; not a numbered line, which is the heading ("2. Phạm pháp hình sự").
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-+•*]|[a-zđ]\))\s")
_BULLET_RE = re.compile(r"^\s*[-+•*]\s")
_LETTERED_HEADING_RE = re.compile(r"^\s*[a-zđ]\)\s")


def _heading_above(text: str, start: int) -> str:
    """The heading line just above offset `start`, or above the list items just above it."""
    above = text[max(0, start - PRECEDING_REACH) : start]
    return heading_over_items(above, starts_bullet(text[start:])) or ""


def is_lettered(line: str) -> bool:
    """A lettered point: "b) Quý III năm 2024"."""
    return _LETTERED_HEADING_RE.match(line) is not None


def starts_bullet(text: str) -> bool:
    """The text opens with a bullet ("- Xảy ra 26 vụ ...")."""
    return _BULLET_RE.match(text) is not None


def heading_over_items(text: str, bulleted: bool = False) -> str | None:
    """The heading line ending the text, or ending it above a few list items ("2. Phạm pháp
    hình sự" / "- Tháng 11: ..."); "" when prose ends it, None when list items fill it.

    A short lettered point over bullets heads them too ("b) Quý III năm 2024" / "- Xảy ra 26
    vụ"): `bulleted` says the text's next line (the clause's) is a bullet, as such a point's
    items are."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in reversed(lines[-MAX_ITEMS_ABOVE - 1 :]):
        if is_heading_line(line):
            return line.strip()
        lettered = _LETTERED_HEADING_RE.match(line)
        if bulleted and lettered and is_heading_line(line[lettered.end() :]):
            return line.strip()
        if not _LIST_ITEM_RE.match(line):
            return ""
        bulleted = _BULLET_RE.match(line) is not None
    return None if len(lines) <= MAX_ITEMS_ABOVE else ""


HEADING_LINE_CHARS = 80  # "1. Phạm pháp hình sự", "**4. Khó khăn**": a short line


def is_heading_line(text: str, lead_in: bool = False) -> bool:
    """A line heading what follows it, numbered or not: short, with no sentence's final
    stop (nor a lead-in's colon, unless `lead_in`: "Các hành vi chủ yếu gồm:" heads its
    items too), and not a bullet or a lettered point ("- Thiếu kinh phí" is an item however
    short)."""
    text = text.strip().strip("*#").strip()
    marker = ITEM_MARKER_RE.match(text)
    if marker and (marker.group(2) or marker.group(3)):
        return False
    stops = (".", ";", ",") if lead_in else (".", ";", ",", ":")
    return 0 < len(text) < HEADING_LINE_CHARS and not text.endswith(stops)


def is_section_heading(line: str) -> bool:
    """A report's or plan's section heading on a line of its own: "II. KẾT QUẢ NĂM 2024",
    "Phần thứ hai", "A. TÌNH HÌNH": numbered with a Roman numeral or a capital, or in capitals."""
    line = line.strip()
    if not line or len(line) > SECTION_HEADING_CHARS or line[-1:] in ".;,":
        return False
    return bool(_SECTION_RE.match(line)) or (line.isupper() and len(line.split()) >= 2)


def section_before(text: str, start: int) -> str:
    """The last section heading of `text` before offset `start` (within a bounded reach)."""
    head = text[max(0, start - SECTION_REACH) : start]
    for line in reversed(head.split("\n")):
        if is_section_heading(line):
            return line.strip()
    return ""


def heading_before(text: str, start: int) -> str:
    """The heading of the last numbered item or section of `text` before offset `start`,
    within a bounded reach (see `last_heading`); "" when there is none or it heads nothing."""
    return last_heading(text[max(0, start - SECTION_REACH) : start]) or ""


def last_heading(text: str) -> str | None:
    """The heading of the text's last numbered item or section ("1. Kết quả năm 2030",
    "### 2. Tồn tại", one wrapped over two lines); "" when that item is a paragraph ("2. Đã
    mở 12 lớp ..."), which heads nothing after it; None when the text has neither."""
    for paragraph in reversed(re.split(r"\n\s*\n", text)):
        lines = [line.strip().strip("*#").strip() for line in paragraph.strip().split("\n")]
        marker = ITEM_MARKER_RE.match(lines[0])
        if not (is_section_heading(lines[0]) or (marker and marker.group(1))):
            continue
        whole = " ".join(lines)
        if len(whole) < SECTION_HEADING_CHARS and not whole.endswith((".", ";", ",", ":")):
            return whole  # ... a heading wrapped over lines: "2. Kết quả quý I ... (so với\n..."
        return lines[0] if is_heading_line(lines[0]) else ""  # ... its text on the next line
    return None


def _is_table_line(line: str) -> bool:
    """A table's row: "| A | 1 |" as Markdown writes it, or "Xã A | 12 | 3" without the
    outer bars as plain-text reports do."""
    line = line.strip()
    return line.startswith("|") or line.count(" | ") >= 2


def _table_head(text: str, start: int) -> tuple[str, str] | None:
    """The caption and header row of the table a passage starting at `start` continues:
    the first of the table rows just before it, and the line above them."""
    lines = [line for line in text[max(0, start - TABLE_REACH) : start].split("\n") if line.strip()]
    first = len(lines)
    while first > 0 and _is_table_line(lines[first - 1]):
        first -= 1
        if len(lines) - first > MAX_TABLE_ROWS:
            return None
    if first == len(lines) or (first == 0 and start > TABLE_REACH):
        return None  # no table above, or its start is out of reach
    return (lines[first - 1] if first > 0 else "", lines[first])


def _names_what_question_names(
    analysis: QuestionAnalysis, view: PassageView, passage: Passage
) -> bool:
    """A passage about another province, or not naming the asked directive, cannot answer."""
    # The most specific place asked about must be named: a district before its province.
    places = analysis.localities or analysis.provinces
    if places:
        named = places_named(view.about) | {passage.metadata.district, passage.metadata.province}
        named |= view.document_places
        if not named & set(places) and not view.commune_named:
            return False
    yeared = yeared_keys(analysis.text)  # "NQ 17/2024": its number, year and kind
    if analysis.directive_keys or yeared:
        keys = directive_keys_in(passage.text) | directive_keys_in(
            " ".join(passage.metadata.directive_numbers)
        )
        if analysis.directive_keys and not analysis.directive_keys & keys:
            return False
        if yeared and not any(extends(key, yeared) for key in keys):
            return False
    return True


def _commune_so_named(analysis: QuestionAnalysis, passage: Passage, about: str) -> bool:
    """ "Tam Đường" asked, with no unit, of a document from after the 2025 merger, when no
    district is left: the commune named so ("xã Tam Đường", where the district was), whose
    document it is (its title or what else is known of it, `about`)."""
    meta = passage.metadata
    if not analysis.localities or not meta.issued_on or not after_merger(meta.issued_on):
        return False
    asked = fold(analysis.text).lower()
    told = fold(f"{meta.title} {about}").lower()
    for name in analysis.localities:
        folded = re.escape(fold(name).lower())
        if re.search(rf"\b(?:huyen|quan|thi xa) {folded}\b", asked):
            continue  # the district asked by its unit
        if re.search(rf"\b(?:xa|phuong|dac khu) {folded}\b", told):
            return True
    return False


def quotable(clause: Clause, passage: Passage) -> bool:
    """A clause of the passage's own text that says something (not a heading or a label)."""
    return (
        not clause.heading
        and not clause.carried
        and not clause.label
        and not _is_label(clause, passage)
    )


def _is_label(clause: Clause, passage: Passage) -> bool:
    """The passage's heading or title, a law's name line, or a line of an official header
    (the issuing body or motto in capitals, "Số: 05/CT-UBND"): names a text, says nothing."""
    text = clause.text.strip()
    if text == passage.metadata.title.strip():
        return True
    if text == passage.heading.partition("\n")[0].strip() and not article_told_whole(text):
        return True  # ... but an article told whole on its name's line says what it says
    if text.startswith(_RECIPIENTS):  # the list of who receives the document
        return True
    if not is_fragment(clause):
        return False
    return bool(_LAW_NAME_RE.match(text) or _HEADER_LINE_RE.fullmatch(text) or text.isupper())


def is_fragment(clause: Clause) -> bool:
    """A title, a caption or a law's name line: short and without final punctuation."""
    return len(clause.text) < FRAGMENT_CHARS and clause.text[-1:] not in '.;:!?…"”)'
