"""Strip the clutter of saved web pages from an article, keeping every paragraph of it.

Each line is judged on its own first:

* chrome: breadcrumbs, polls, visitor counters, pagination, related-news items (a title that
  ends in its date), lines in another script or with no words;
* toolbar: the dateline, view counter, print, share and font-size buttons;
* heading: a box title ("Tin mới nhất", "Các tin khác", "Bình chọn", ...);
* body: a long line that ends like a sentence;
* other: the title, captions, short headings, bylines.

Then by where it stands: a box heading takes with it the list-like lines that follow, up to the
next sentence; the page header (everything before the last chrome line above the title) goes; a
run of menu-like lines after the article goes. Article text is never rewritten: only whitespace
is normalised and a missing space after a full stop is restored ("mới.Trước").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from index.aligned_tables import aligned_tables
from index.document_kinds import is_kind_line
from index.signatures import is_signer_line
from index.vietnamese import WORD_RE, fold, nfc

BLANK, CHROME, TOOLBAR, HEADING, BODY, OTHER = (
    "blank",
    "chrome",
    "toolbar",
    "heading",
    "body",
    "other",
)

_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SCRAPED_DATE_RE = re.compile(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s+")  # " date 2023-03 Title"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_UPPER = _LOWER.upper()
_GLUED_SENTENCE_RE = re.compile(rf"(?<=[{_LOWER}]{{2}})\.(?=[{_UPPER}][{_LOWER}])")
_LIST_MARKER_RE = re.compile(rf"^[{_LOWER}]\)")
_ENDS_SENTENCE = tuple(".!;:…")
_CLOSERS = "\"”’')]»"

_HEADING_RE = re.compile(
    r"(?:cac |nhung )?(?:tin|bai|bai viet|tin tuc) (?:moi|moi nhat|moi cap nhat|khac|lien quan"
    r"|cung chuyen muc|cung loai|da dua|noi bat|doc nhieu|doc nhieu nhat|xem nhieu|xem nhieu nhat"
    r"|tieu diem|tiep theo)|(?:doc|xem) nhieu(?: nhat)?|website lien ket|lien ket website|lien ket"
    r"|binh chon|tham do y kien|thong ke truy cap|binh luan|y kien ban doc|gui y kien"
    r"|gui binh luan|tu khoa|tags?|chia se"
)
_HEADING_TAIL_WORDS = ("ngay dang", "xem them", "xem tat ca", ":", "»", ">", "|")
_TEASER_RE = re.compile(
    r"^(?:cac )?(?:tin|bai|bai viet) (?:lien quan|khac|cung chuyen muc)\s*[:»>]\s*\S"
)
_COUNTER_RE = re.compile(
    r"(?:online|dang truy cap|dang online|hom nay|hom qua|tuan nay|tuan truoc|thang nay"
    r"|thang truoc|nam nay|tong|tong so|tong luot truy cap|luot truy cap|truy cap|khach"
    r"|thanh vien)\s*:?\s*[\d.,]+"
)
_POLL_RE = re.compile(r"^[\d.,]+ (?:nguoi|luot) (?:da )?(?:tham gia )?binh chon|^theo ban\b.*\?$")
_PAGINATION_RE = re.compile(r"(?:[<>«»‹›]+|\d{1,3}|\.{2,}|…)(?:\s+(?:[<>«»‹›]+|\d{1,3}|\.{2,}|…))*")
_PAGE_OF_RE = re.compile(r"trang \d+\s*/\s*\d+|page \d+ of \d+|\d{1,3}\s?%")
_LIST_DATE_RE = re.compile(
    r"(?:\(\s*\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?:\s*(?:SA|CH|AM|PM))?)?\s*\)"
    r"|\s\d{1,2}/\d{1,2}/\d{4})$"
)
_TOOLBAR_RE = re.compile(
    r"back to top|len dau trang|ve dau trang|dau trang|in bai viet|in bai|ban in|in trang"
    r"|gui email|gui bai viet|chia se|gui cho ban be|luu bai viet|tro ve|quay lai|xem them|doc tiep"
    r"|dong|like|share|tweet|print|email|xem voi co chu.*|co chu.*|luot xem\s*:?\s*[\d.,]+"
)
# A portal's top bar: "Thứ Hai, 18/07/2022 Liên hệ | Sơ đồ trang | English" (read folded).
_TODAY_BAR_RE = re.compile(
    r"^(?=.{0,160}$)(?=.*(?:\||dang nhap|duong day nong|lien he))"
    r".*\b(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat),? \d{1,2}/\d{1,2}/\d{4}\b"
)
# Labels of an article's own dateline: "Ngày đăng: 28/12/2024", "Cập nhật: 05/3/2024".
_DATELINE_LABELS = ("ngay", "ngay dang", "dang ngay", "cap nhat", "ngay cap nhat", "thoi gian")
_DATE_RE = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}|\d{4}-\d{2}-\d{2}")
_DATELINE_NOISE_RE = re.compile(
    r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|\d{4}-\d{2}(?:-\d{2})?|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\bthu (?:hai|ba|tu|nam|sau|bay)\b|\bchu nhat\b|\b(?:dang|cap nhat|ngay|luc|sa|ch|am|pm)\b"
    r"|\bgmt\s*\+?\s*\d*|\bluot xem\s*:?\s*[\d.,]+|\bin bai viet\b|[-|,:()/]"
)
_LEGAL_HEADING_RE = re.compile(r"^(?:Phần|Chương|Mục|Điều|Khoản|Phụ lục)\b")


@dataclass(frozen=True)
class _Page:
    lines: list[str]
    kinds: list[str]
    keep: list[bool]
    head_start: int  # first line of the article's head (title, dateline)
    first_body: int


def _normalise_lines(text: str) -> list[str]:
    text = _INVISIBLE_RE.sub("", nfc(text).replace("\r\n", "\n").replace("\r", "\n"))
    raw = [line.expandtabs() for line in text.split("\n")]
    raw = _unfold_columns(_unfold_header_cells(aligned_tables(raw)))
    lines = [_SPACES_RE.sub(" ", line).strip() for line in raw]
    full = _full_width(lines)
    joined: list[str] = []
    last = ""  # the last line as written, before joining
    for line in lines:
        previous = joined[-1] if joined else ""
        if previous and (_continues(previous, line) or _wrapped_at(last, line, full)):
            joined[-1] = f"{previous} {line}"  # a hard-wrapped line (PDF, plain text)
        else:
            joined.append(line)
        last = line
    return [_GLUED_SENTENCE_RE.sub(". ", line) for line in joined]


# Two columns laid side by side in plain text: an official header ("ỦY BAN NHÂN DÂN ...
# CỘNG HÒA XÃ HỘI ..."), or "Nơi nhận:" beside the signature block. A column starts after a
# gap this wide, at nearly the same place on each line of the block (or centred nearly
# where the block's first one is: `_in_column`).
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=\S)")
_COLUMN_DRIFT = 8
_MIN_COLUMN_LINES = 2


def _centre(line: str, column: int) -> float:
    """Where the right column's text on a line is centred: a signature block centres each
    of its lines, so a long title starts well left of the "(đã ký)" under it."""
    return column + len(line[column:].rstrip()) / 2


def _in_column(line: str, column: int, at: int, centre: float) -> bool:
    """The right column on `line` (from `column`) is the block's: it starts near where the
    block's first one did, or is centred where that one was."""
    return abs(column - at) <= _COLUMN_DRIFT or abs(_centre(line, column) - centre) <= _COLUMN_DRIFT


# An official header laid out as a table (Markdown, or an HTML page's cells read as
# "a | b"): the issuing body and the number in one column, the motto and the dateline in the
# other. Each cell is read on a line of its own, as a header typed in plain text is.
_HEADER_ROWS = 20
_HEADER_CELL_RE = re.compile(
    r"CỘNG H[OÒ]A XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do|^Số\s*:"
    r"|ngày \d{1,2} tháng \d{1,2} năm \d{4}",
    re.IGNORECASE,
)
_CELL_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _unfold_header_cells(lines: list[str]) -> list[str]:
    out: list[str] = []
    for at, line in enumerate(lines):
        row = _CELL_BREAK_RE.sub("|", line).strip().strip("|")
        parts = [cell for cell in (c.strip(" *_") for c in row.split("|")) if cell]
        heads = at < _HEADER_ROWS and "|" in line and len(parts) >= 2
        if heads and any(_HEADER_CELL_RE.search(part) for part in parts):
            for part in parts:
                out += [part, ""]
        else:
            out.append(line)
    return out


def _right_column_at(line: str) -> int | None:
    if "|" in line:  # a table row's cells are not columns of text
        return None
    gap = _COLUMN_GAP_RE.search(line)
    return gap.end() if gap else None


def _unfold_columns(lines: list[str]) -> list[str]:
    """Each block of two side-by-side columns as its left column's lines, then its right
    column's: "Nơi nhận: ... KT. CHỦ TỊCH" becomes the recipients, then the signer's
    title and name on lines of their own."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        at = _right_column_at(lines[i])
        if at is None:
            out.append(lines[i])
            i += 1
            continue
        centre = _centre(lines[i], at)
        left: list[str] = []
        right: list[str] = []
        split = 0
        j = i
        while j < len(lines):
            line = lines[j]
            if not line.strip():
                # One blank line between rows of the same two columns goes on with the
                # block: a signature block's titles, then "(đã ký)", then the names.
                if not _same_columns(lines, j + 1, at, centre):
                    break
                left.append("")
                right.append("")
                j += 1
                continue
            column = _right_column_at(line)
            if column is not None and _in_column(line, column, at, centre):
                left.append(line[:column].rstrip())
                right.append(line[column:])
                split += 1
            elif len(line) - len(line.lstrip()) >= at - _COLUMN_DRIFT:
                right.append(line.strip())  # the right column alone on its line
            elif len(line.rstrip()) < at:
                left.append(line)  # the left column alone on its line
            else:
                break  # text across both columns: the block has ended
            j += 1
        if split < _MIN_COLUMN_LINES:
            out.append(lines[i])
            i += 1
            continue
        # The block's first lines may hold one column only: the signer's title over "Nơi
        # nhận:", the name beside the recipients below.
        above_left: list[str] = []
        above_right: list[str] = []
        while out and out[-1].strip() and _right_column_at(out[-1]) is None:
            line = out.pop()
            # ... centred over the name, so left of where the name's column starts
            if len(line) - len(line.lstrip()) >= at // 2:
                above_right.insert(0, line.strip())
            elif len(line.rstrip()) < at:
                above_left.insert(0, line)
            else:
                out.append(line)  # text across both columns: not the block's
                break
        out.extend([*above_left, *left, "", *above_right, *right])
        i = j
    return out


def _same_columns(lines: list[str], index: int, at: int, centre: float) -> bool:
    """The line at `index` is a row of two signature blocks side by side ("(đã ký)   (đã
    ký)", "Thiếu tá A   Thượng tá B"), the right one in the block's column (`_in_column`):
    not an official header's, whose rows a blank line ends."""
    column = _right_column_at(lines[index]) if index < len(lines) else None
    if column is None or not _in_column(lines[index], column, at, centre):
        return False
    cells = (lines[index][:column], lines[index][column:])
    return all(is_signer_line(cell) for cell in cells)


# A wrapped line may open with a quote or bracket before its word ('"bảo kê" cho ...'), or
# with a figure when the line before broke inside a phrase ("từ 2,5 -" / "3 triệu đồng").
_OPENERS = "\"“‘'(«"
_MID_PHRASE_RE = re.compile(rf"(?:[{_LOWER}]|[,\-–])$")
_NUMBERED_RE = re.compile(r"^\d{1,2}[.)](?:\s|$)")
# ... and only after a line as long as wrapped prose is: a short one may be a menu's item
# ("Back To Top" over "100%").
MIN_WRAPPED_CHARS = 50


def _continues(previous: str, line: str) -> bool:
    if not line or previous.rstrip(_CLOSERS).endswith((*_ENDS_SENTENCE, "?")):
        return False
    word = line.lstrip(_OPENERS)
    if word != line or word[:1].isdigit():  # only inside a phrase: not "(đã ký)" under a title
        mid_phrase = len(previous) >= MIN_WRAPPED_CHARS and bool(_MID_PHRASE_RE.search(previous))
        return (
            mid_phrase
            and (word[:1].islower() or word[:1].isdigit())
            and not _NUMBERED_RE.match(line)
        )
    cut = _NAME_CUT_RE.search(previous[-_NAME_REACH:])
    if cut and _NAME_GOES_ON_RE.match(line) and not _LABEL_LINE_RE.match(line):
        # "... thuộc khu vực tỉnh Lai" / "Châu cũ, trên cơ sở ...": a name the wrap cut
        return len(previous) >= MIN_WRAPPED_CHARS and (
            len(line) >= MIN_WRAPPED_CHARS or line.rstrip(_CLOSERS).endswith((".", "…"))
        )
    return word[:1].islower() and not _LIST_MARKER_RE.match(line)


# A text wrapped at a width: most of its long lines end within a few characters of it.
WRAP_MARGIN = 0.15  # a line this close to the width (its share) filled it
MIN_WRAPPED_SHARE = 0.4  # ... as at least this share of the lines of wrapped prose do
MIN_WRAPPED_LINES = 8
_WIDTH_PERCENTILE = 0.95  # the width: what nearly every line stays within
# What opens a line of its own, though the line before filled the width: an item's marker
# ("2.", "II.", "a)", "- "), a table's row, a heading in capitals.
_OWN_LINE_RE = re.compile(
    rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s|[IVX]{{1,4}}\.\s|[{_LOWER}]\)|[-+•–*]\s|\|)"
)

# ... or a label's line: "Ngày đăng: 21/10/2025" under a headline, "Nguồn: ...".
_LABEL_LINE_RE = re.compile(r"^[^\W\d][^\W\d]*(?: [^\W\d]+){0,3}:\s")


def _full_width(lines: list[str]) -> int | None:
    """The width a plain text was wrapped at ("... so với cùng kỳ năm" / "2024 (31 vụ); ..."),
    below which a line is full; None for a text of paragraphs, one per line. Only lines
    another line goes on from are read: a title over its first line is no wrap."""
    long = sorted(
        len(line) for line, after in pairwise(lines) if len(line) >= MIN_WRAPPED_CHARS and after
    )
    if len(long) < MIN_WRAPPED_LINES:
        return None
    width = long[int(_WIDTH_PERCENTILE * (len(long) - 1))]
    full = int(width * (1 - WRAP_MARGIN))
    filled = sum(full <= size <= width for size in long)
    return full if filled >= MIN_WRAPPED_SHARE * len(long) else None


def _wrapped_at(last: str, line: str, full: int | None) -> bool:
    """The line before filled the text's width without ending a sentence: the wrap broke a
    sentence, whatever the next line opens with ("năm 2024" / "(31 vụ)", "Khu di tích Đền Hùng và" /
    "Đồi Thông"), but an item, a table row, a label or a heading in capitals; after a ";",
    only a line going on in lower case."""
    if full is None or not line or len(last) < full or "|" in last:
        return False
    if _OWN_LINE_RE.match(line) or _LABEL_LINE_RE.match(line) or line.isupper():
        return False
    ended = last.rstrip(_CLOSERS)
    if ended.endswith(";"):  # "... 12,5 triệu đồng;" / "khởi tố 1 vụ ...": one sentence
        return line[:1].islower()
    return not ended.endswith((*_ENDS_SENTENCE, "?"))


# A prose line ending in a capitalised word ("tỉnh Lai"), and a line going on with one
# ("Châu cũ, ..."): neither all capitals, as a header's lines are.
_NAME_CUT_RE = re.compile(rf"[{_LOWER}] [{_UPPER}][{_LOWER}]*$")
_NAME_REACH = 40  # the paragraph's end, not all of it: a long paragraph is read once
_NAME_GOES_ON_RE = re.compile(rf"[{_UPPER}][{_LOWER}]+\b(?! *[:.)])")


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_ENDS_SENTENCE)


def _is_chrome(line: str, key: str) -> bool:
    if not any(ch.isalnum() for ch in line):
        return True
    letters = [ch for ch in line if ch.isalpha()] if len(line) <= 40 else []
    if letters and not any(unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
        return True  # a short label in another script: a stray button ("חזרה")
    if _PAGINATION_RE.fullmatch(key) or _PAGE_OF_RE.fullmatch(key) or _COUNTER_RE.fullmatch(key):
        return True
    if ("->" in line or "»" in line or " > " in line or "›" in line) and not _ends_sentence(line):
        return len(line) <= 200  # a breadcrumb
    if "truy cap" in key and "luot" in key and len(key) <= 60:
        return True
    if (_POLL_RE.search(key) and len(key) <= 100) or _TEASER_RE.search(key):
        return True
    if "|" in line:  # a table's row ("Ngày ban hành | 28/06/2024"), not a dated headline
        return False
    match = _LIST_DATE_RE.search(line)
    # "Ngày đăng: 28/12/2024", "Cập nhật: ..." is the article's own dateline, not a related
    # article's date closing its headline.
    label = fold(line[: match.start()]).lower().rstrip(" :") if match else ""
    # "... từ năm 2021 đến 30/6/2024": a date the sentence or heading tells, not one
    # closing a headline.
    told = re.search(r"\b(?:den|tu|ngay|truoc|sau)$", label) is not None
    return match is not None and not label.endswith(_DATELINE_LABELS) and not told


def _is_rule(line: str) -> bool:
    """A line drawn with dashes, underscores, stars or equals signs only; or the lone star a
    Party document sets under its issuing body ("TỈNH ỦY A" / "*")."""
    stripped = line.strip()
    return (len(stripped) >= 3 or stripped == "*") and not stripped.strip("-_=*–—~. ")


def _is_dateline(key: str) -> bool:
    """ "Đăng ngày 19/07/2031 08:40 | Lượt xem: 1.204 | Chia sẻ | In trang" (folded): a
    date with its labels and the page's buttons beside it, nothing else."""
    if not _DATE_RE.search(key):
        return False
    told = (part for part in key.split("|") if not _TOOLBAR_RE.fullmatch(part.strip()))
    return not _DATELINE_NOISE_RE.sub("", "|".join(told)).strip()


def _without_heading_tail(key: str) -> str:
    """ "tin moi nhat xem them »" -> "tin moi nhat": spaces, then marks with none between.

    A loop from the end rather than a regular expression: tried at every position, one
    ending in "$" is quadratic on a long run of marks.
    """
    key = key.rstrip()
    while tail := next((w for w in _HEADING_TAIL_WORDS if key.endswith(w)), None):
        key = key[: -len(tail)]
    return key.rstrip()


def classify(line: str) -> str:
    """What a (normalised) line of a page is: body, other, or one of the kinds of clutter."""
    if not line:
        return BLANK
    key = fold(line).lstrip("•·*+-–— ")
    if _TODAY_BAR_RE.match(key):  # a portal's top bar: its date may be the page's own
        return TOOLBAR
    if _is_chrome(line, key):
        return CHROME
    if _HEADING_RE.fullmatch(_without_heading_tail(key)):
        return HEADING
    if _TOOLBAR_RE.fullmatch(key) or _is_dateline(key):
        return TOOLBAR
    if (len(line) >= 80 and _ends_sentence(line)) or len(line) >= 200:
        return BODY
    return OTHER


def _is_menu_like(line: str) -> bool:
    """A site-menu entry: a few words in sentence case, no digits, no closing punctuation;
    not a table's row (a signature table: "| - Các sở, ban, ngành; | Nguyễn Văn A |")."""
    if "|" in line:
        return False
    words = WORD_RE.findall(line)
    if not 2 <= len(words) <= 10 or any(ch.isdigit() for ch in line) or _ends_sentence(line):
        return False
    if not words[0][0].isupper() or line.isupper() or _LEGAL_HEADING_RE.match(line):
        return False
    return sum(w[0].islower() for w in words[1:]) * 3 >= 2 * (len(words) - 1)


def _drop_boxes(page: _Page, title: int | None) -> None:
    """A box heading takes the list-like lines after it, up to the next sentence or the title."""
    i = 0
    while i < len(page.lines):
        if page.kinds[i] != HEADING:
            i += 1
            continue
        i += 1
        while i < len(page.lines) and i != title and page.kinds[i] != BODY:
            if page.kinds[i] == OTHER and _ends_sentence(page.lines[i]):
                break
            if _opens_document(page.lines[i]):
                break
            page.keep[i] = False
            i += 1


# What a box of links never holds: a table's row ("Số ký hiệu | 21/2024/NQ-HĐND"), an
# official header's line in capitals ("HỘI ĐỒNG NHÂN DÂN TỈNH ..."), a document's number.
_DOCUMENT_NUMBER_LINE_RE = re.compile(r"^Số\s*:\s*\d")


def _opens_document(line: str) -> bool:
    if "|" in line or _DOCUMENT_NUMBER_LINE_RE.match(line):
        return True
    return line.isupper() and len(WORD_RE.findall(line)) >= 3


def _drop_trailing_menus(page: _Page) -> None:
    """After the last paragraph, three or more menu-like lines in a row are a site menu."""
    last_body = max((i for i, k in enumerate(page.kinds) if k == BODY), default=-1)
    run: list[int] = []
    for i in range(last_body + 1, len(page.lines) + 1):
        if i < len(page.lines) and page.kinds[i] == BLANK:
            continue
        if i < len(page.lines) and page.keep[i] and _is_menu_like(page.lines[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                page.keep[j] = False
        run = []


def _keep_subjects(lines: list[str], kinds: list[str]) -> None:
    """The subject under a document's kind line ("BÁO CÁO" / "Kết quả công tác ... từ khi
    vận hành chính quyền hai cấp (01/7/2025)") is its title, not a headline its date ends."""
    previous = ""
    for i, line in enumerate(lines):
        if kinds[i] == BLANK:
            continue
        if kinds[i] == CHROME and is_kind_line(previous) and any(ch.isalpha() for ch in line):
            kinds[i] = OTHER
        previous = line


@lru_cache(maxsize=4)  # clean_text and head_lines of the same text share one pass
def _analyse(text: str) -> _Page:
    lines = _normalise_lines(text)
    kinds = [classify(line) for line in lines]
    _keep_subjects(lines, kinds)
    keep = [k in (BODY, OTHER) for k in kinds]
    first_body = next((i for i, k in enumerate(kinds) if k == BODY), len(kinds))
    title = max((i for i in range(first_body) if kinds[i] == OTHER), default=None)
    boundary = first_body if title is None else title
    # The page header: menus, polls and counters above the article; its last chrome line ends it.
    # A rule ("-------") is not one: official documents draw them under the issuing body and
    # the motto, above their number and dateline.
    head_start = 1 + max(
        (i for i in range(boundary) if kinds[i] in (CHROME, HEADING) and not _is_rule(lines[i])),
        default=-1,
    )
    for i in range(head_start):
        keep[i] = False
    page = _Page(lines, kinds, keep, head_start, first_body)
    _drop_boxes(page, title)
    _drop_trailing_menus(page)
    return page


def clean_text(text: str) -> str:
    """The article without the page around it: one paragraph a line, a blank line between."""
    page = _analyse(text)
    kept = (line for line, keep in zip(page.lines, page.keep, strict=True) if keep)
    return "\n\n".join(_SCRAPED_DATE_RE.sub("", line) for line in kept)


def head_lines(text: str) -> list[str]:
    """The article's head as written: title and dateline lines before its first paragraph.

    Cleaning drops the dateline; metadata reads the date from here, so that dates of
    related-news lists and of the site header are never taken.
    """
    page = _analyse(text)
    return [
        page.lines[i]
        for i in range(page.head_start, page.first_body)
        if page.kinds[i] in (TOOLBAR, OTHER) and (page.keep[i] or page.kinds[i] == TOOLBAR)
    ]
