"""Questions that ask two things at once, read as two questions.

"Kế hoạch X ban hành ngày nào, chủ đề năm là gì?" or "Tỉnh A có bao nhiêu tổ và bao nhiêu
thành viên?": each part is answered on its own (the second keeps the document, places and
years the first names) and the answers are put together, each quote cited.
"""

from __future__ import annotations

import itertools
import re

from assistant.answers import Answer, Citation
from assistant.extractive.lexicon import PLACE_UNITS
from assistant.extractive.periods import first_period_at
from assistant.extractive.question import MAX_QUESTION_CHARS
from index.gazetteer import place_spans
from index.vietnamese import UPPER_LETTERS, fold, has_diacritics

# The words that ask, on the folded question: each part of a double question has one.
# "gì" and "nào" ask after any noun ("về tội gì", "ngân sách cấp nào"), but "nào" after a
# negation does not ("không để xảy ra vụ nào").
_ASKING = re.compile(
    r"\b(?:bao nhieu|bao lau|may|(?<!khong )(?<!khong co )(?<!chua )\w+ nao"
    r"|(?:la|cua) ai|nhu the nao|the nao|ra sao|(?:o|thuoc|la) dau|(?:do|ai) (?:ai|ky|ki)|\w+ gi"
    r"|ai (?!nao\b)\w+"  # "..., ai chủ trì hội nghị?"
    r"|tang hay giam|(?:vi|tai) sao"
    # "..., đạt chỉ tiêu chưa, vì sao?", "A có X không? B bao nhiêu?": a yes or no first
    r"|(?:chua|khong)(?=\s*(?:[,;]|\?\s+\S))"
    # ... or a yes or no closing the question: "X bao nhiêu, xã A có được thêm không?" (not
    # whether the figure asked met its target: "đạt bao nhiêu, có đạt chỉ tiêu không?" is
    # read whole, from the target's row or sentence)
    r"|co(?! (?:dat|vuot|hoan thanh)\b)(?: \w+){1,8}? (?:hay )?khong(?=\W*$))\b"
)
# Where a question may be cut in two: ", ", "; ", " và ", ", và ", ", trong đó ", "? ".
_JOINT = re.compile(r"\s*(?:,\s*(?:va |con |trong do )?|;\s*|\?\s+|\s+va\s+)")
# A second part asking only how the first's figure changed: "tăng hay giảm (so với ...)".
_CHANGE_OF_FIRST_RE = re.compile(r"^(?:so voi [^,]*?,?\s*)?tang hay giam\b[^,]*$")
# A second part asked by its noun alone: "..., hạn hoàn thành", "..., tổng thiệt hại",
# "..., chỉ tiêu năm 2025" (read folded): a deadline is asked when, anything else how much.
_BARE_ASK_RE = re.compile(
    r"^(?:(?P<when>(?:thoi )?han(?: hoan thanh| chot)?|thoi gian hoan thanh)"
    r"|tong thiet hai|thiet hai|(?:tong )?(?:so )?tien(?: (?:xu )?phat)?|t[iy] le\b.*|kinh phi"
    r"|(?:chi|muc) tieu\b.*)\W*$"
)
MAX_BARE_ASK_WORDS = 6
# A second part asking only the rate of what the first names (folded): "..., mức bao
# nhiêu?", "và mức hỗ trợ là bao nhiêu", "được bao nhiêu tiền"; a table's row tells both.
_RATE_OF_FIRST_RE = re.compile(
    r"^(?:(?:muc (?:ho tro|chi|boi duong|phu cap|thuong)|muc)(?: la)? bao nhieu"
    r"|(?:duoc )?bao nhieu tien)\W*$"
)
# ... when the first asks which kinds (folded): "những loại X nào", "các X nào" (not a count
# or a yes or no, whose rate is then a second question: "Thôn B có được hỗ trợ không, mức
# bao nhiêu?").
_KINDS_ASKED_RE = re.compile(r"\b(?:nhung|cac|loai)\b[^,?]*\bnao\b")
# The capacity a signer signed in, asked after who signed (folded): "..., chức vụ gì?".
_SIGNED_AS_RE = re.compile(r"^(?:voi |o |giu )?(?:chuc vu|chuc danh|cuong vi)\b")
_SIGNED_RE = re.compile(r"\b(?:ai|nguoi nao) (?:ky|ki)\b|\b(?:ky|ki) boi\b")


def split_asks(question: str) -> list[str]:
    """The parts of a question asking two things, or the question alone. The cut is the
    last joint before the second asking phrase, and only where both sides ask."""
    folded = _asking_form(question)
    asks = list(_ASKING.finditer(folded))
    if len(asks) == 1:
        parts = _with_bare_ask(question, folded, asks[0].end())
        return parts if len(parts) > 1 else _with_bare_head(question, folded, asks[0].start())
    if len(asks) < 2:
        return [question]
    # The first joint standing between two asking phrases ("cho thuê xe máy ... phải làm
    # gì, hạn khi nào": "máy" is no ask of its own there, the joint after "làm gì" is).
    cuts = (
        list(_JOINT.finditer(folded, before.end(), after.start()))
        for before, after in itertools.pairwise(asks)
    )
    joints = next((found for found in cuts if found), None)
    if not joints:
        return [question]
    cut = joints[-1]
    head, tail = question[: cut.start()].strip(), question[cut.end() :].strip()
    folded_tail = fold(tail).lower()
    if not head or not tail or not _ASKING.search(folded_tail):
        return [question]
    if re.search(r"\bhon\b", folded_tail):  # "..., tỉnh nào cao hơn?" compares the first's
        return [question]
    if _CHANGE_OF_FIRST_RE.match(folded_tail):  # "... bao nhiêu vụ, tăng hay giảm?": the
        return [question]  # first's figure and its change, told by one clause
    if _SIGNED_AS_RE.match(folded_tail) and _SIGNED_RE.search(fold(head).lower()):
        return [question]  # "Ai ký ..., chức vụ gì?": the signature block tells both
    if _RATE_OF_FIRST_RE.match(folded_tail) and _KINDS_ASKED_RE.search(fold(head).lower()):
        return [question]  # "Những loại X nào được hỗ trợ, mức bao nhiêu?": X's rate row
    return [head, tail]


# The asking words `_ASKING` reads folded, as written with their marks: a word typed with
# other marks that folds the same asks nothing ("máy" of "xuồng máy" is no "mấy", "đầu" of
# "đầu năm" no "đâu"); typed bare, "may" is either.
_ASKING_WORDS = frozenset(("mấy", "nào", "gì", "ai", "đâu", "sao"))
_FOLDED_ASKING_WORDS = frozenset(fold(word) for word in _ASKING_WORDS)


def _asking_form(question: str) -> str:
    """The question folded, as `_ASKING` reads it, with the words typed with marks that only
    fold as asking words set apart (same length, so places in it are the question's)."""

    def asking_or_not(match: re.Match[str]) -> str:
        word = match.group()
        lowered = word.lower()
        asks = lowered in _ASKING_WORDS or fold(lowered) not in _FOLDED_ASKING_WORDS
        return word if asks or not has_diacritics(word) else "_" * len(word)

    return fold(re.sub(r"\w+", asking_or_not, question)).lower()


# A first part naming an amount and no asking word, before a part that asks (folded):
# "Kinh phí ... hằng năm cho tổ A ở tỉnh B, ngân sách tỉnh chịu mấy phần trăm?"; or a
# target: "Chỉ tiêu cấp thẻ cho xã A năm 2030, đến nay được bao nhiêu thẻ?".
# ... or a rate: "Mức bồi dưỡng mỗi lần giao nộp ở tỉnh A, ở huyện B được thêm bao nhiêu?".
_BARE_HEAD_RE = re.compile(
    r"^(?:tong )?(?:kinh phi|so tien|thiet hai|(?:chi|muc) tieu"
    r"|muc (?:ho tro|chi|boi duong|phu cap|thuong|phat|tro cap))\b"
)
MAX_BARE_HEAD_WORDS = 16
# A comma inside a name (folded): "phòng, chống ...", "an ninh, trật tự"; an "và" joining
# the two sides of "giữa A và B", one thing asked of both.
_WITHIN_NAME_RE = re.compile(r"\b(?:phong, chong|an ninh, trat tu|giua (?:\w+ ){1,5}?va)\b")


def _with_bare_head(question: str, folded: str, asked_start: int) -> list[str]:
    """ "Kinh phí X, ngân sách tỉnh chịu mấy phần trăm?": the first part, an amount named
    bare, asked in full ("Kinh phí X là bao nhiêu?"), then the second."""
    # (not inside a name: "mức chi cho công tác phòng, chống mua bán người")
    names = [(m.start(), m.end()) for m in _WITHIN_NAME_RE.finditer(folded)]
    joints = [
        j
        for j in _JOINT.finditer(folded, 0, asked_start)
        if not any(start <= j.start() < end for start, end in names)
    ]
    if not joints or not _BARE_HEAD_RE.match(folded):
        return [question]
    head = question[: joints[-1].start()].strip()
    tail = question[joints[-1].end() :].strip()
    if not tail or len(head.split()) > MAX_BARE_HEAD_WORDS or _ASKING.search(fold(head).lower()):
        return [question]
    asking = "là bao nhiêu" if has_diacritics(question) else "la bao nhieu"
    return [f"{head.rstrip(' ?.!')} {asking}?", tail]


def _with_bare_ask(question: str, folded: str, asked_end: int) -> list[str]:
    """ "Huyện A lập bao nhiêu tổ, hạn hoàn thành": the second part, which names what it
    asks and no asking word, asked in full ("hạn hoàn thành khi nào")."""
    # The joint may follow a list the first part asks of ("bao nhiêu trường hợp vi phạm cư
    # trú, lưu trú, tổng tiền phạt"): the last one before the bare noun is cut at.
    found = next(
        (
            (joint, bare)
            for joint in _JOINT.finditer(folded, asked_end)
            if (bare := _BARE_ASK_RE.match(folded[joint.end() :].strip())) is not None
        ),
        None,
    )
    if found is None:
        return [question]
    joint, bare = found
    tail = question[joint.end() :].strip()
    if len(tail.split()) > MAX_BARE_ASK_WORDS:
        return [question]
    head = question[: joint.start()].strip()
    folded_tail = fold(tail) == tail  # typed without marks: asked so too
    if bare["when"]:
        asking = "khi nao" if folded_tail else "khi nào"
    else:
        asking = "la bao nhieu" if folded_tail else "là bao nhiêu"
    return [head, f"{tail.rstrip(' ?.!')} {asking}?"]


# "X năm 2024 so với năm 2022 thế nào?": the comparison, and what closes the question.
_YEAR_COMPARED_RE = re.compile(
    r"^(?P<head>.*?\b(?:năm|nam) (?P<year>(?:19|20)\d{2})\b.*?)\s*,?\s*"
    r"(?:so với|so voi)\s+(?:cùng k[ỳì] |cung k[iy] )?(?:năm|nam) (?P<other>(?:19|20)\d{2})"
    r"\s*(?:thì |thi )?(?:như thế nào|nhu the nao|thế nào|the nao|ra sao|tăng hay giảm"
    r"|tang hay giam|thì sao|thi sao)?\W*$",
    re.IGNORECASE,
)
_CHANGE_RE = re.compile(r"\b(?:tăng|giảm|tang|giam|chênh lệch|chenh lech)\b", re.IGNORECASE)


def split_years(question: str) -> list[str]:
    """ "Số vụ cháy năm 2024 so với năm 2022 thế nào?" read as the figure of each year: the
    question itself (its first year, with the change asked) and the other year's figure;
    a question asking the change alone ("giảm bao nhiêu so với năm 2022") is left whole."""
    if len(question) > MAX_QUESTION_CHARS:  # pasted text, not a question: the regex is not linear
        return [question]
    match = _YEAR_COMPARED_RE.match(question.strip())
    if match is None or match["year"] == match["other"] or _CHANGE_RE.search(match["head"]):
        return [question]
    head = match["head"].strip()
    year_at = match.start("year") - match.start("head")
    other = head[:year_at] + match["other"] + head[year_at + 4 :]
    # The first year's part is the question itself: its report may tell the change in words
    # ("So với năm 2030: giảm 06 vụ"), where the other year's figure is not given.
    return [question.strip(), other]


# "So sánh X của A (...) và B (...)": X asked of each place, each part on its own.
_PLACES_COMPARED_RE = re.compile(
    r"^\W*(?:so sánh|so sanh)\s+(?P<what>.+?)\s+(?P<prep>của|ở|tại|giữa|cua|o|tai|giua)\s+"
    r"(?P<a>.+?)\s+(?:và|va|với|voi)\s+(?P<b>.+?)[\s?.!]*$",
    re.IGNORECASE,
)
# "So sánh X: A ở tỉnh B và C ở tỉnh D": X of two who are each at a place of their own.
_AT_PLACE = r"\s(?:ở|tại|của|o|tai|cua)\s+(?P<{side}_place>[^,;:]+?)"
_SUBJECTS_COMPARED_RE = re.compile(
    r"^\W*(?:so sánh|so sanh)\s+(?P<what>[^:?]+?)\s*:\s*"
    rf"(?P<a>.+?{_AT_PLACE.format(side='a')})\s+(?:và|va|với|voi)\s+"
    rf"(?P<b>.+?{_AT_PLACE.format(side='b')})[\s?.!]*$",
    re.IGNORECASE,
)
# What is compared is a figure: each part asks how much it is (a target's too: "chỉ tiêu").
_FIGURE_RE = re.compile(
    r"^(?:tỷ lệ|tỉ lệ|ty le|số|so|mức|muc|tổng|tong|chỉ tiêu|chi tieu)\b", re.IGNORECASE
)
# What a list asks of each place: "các thủ đoạn ...", "những biện pháp ...".
# ... or by its kind alone: "Thủ đoạn ... ở tỉnh A và ở xã B?".
_LISTED_WHAT_RE = re.compile(
    r"^(?:các|cac|những|nhung)\s|^(?:thủ đoạn|thu doan|phương thức|phuong thuc|biện pháp"
    r"|bien phap|nguyên nhân|nguyen nhan)\b",
    re.IGNORECASE,
)
# A place named by its unit ("huyện A", "phuong B"), read folded; not "địa bàn", "nơi".
_PLACE_UNIT_RE = re.compile(r"\b(?:" + "|".join(fold(kind) for kind in PLACE_UNITS) + r")\b")


# "Huyện A và xã B mỗi nơi có bao nhiêu X?": the places first, then what each has.
# ... after what they are asked of: "Tổ bảo vệ ANTT: huyện A và xã B mỗi nơi có mấy tổ?".
_EACH_PLACE_RE = re.compile(
    r"^\W*(?:(?P<topic>[^:?]{3,80}):\s*)?(?P<a>.+?)\s+(?:và|va)\s+(?P<b>.+?),?\s+"
    r"(?:mỗi nơi|moi noi|mỗi địa phương|moi dia phuong|từng nơi|tung noi|lần lượt|lan luot)"
    r"\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


# "X của huyện A (2024), xã B và xã C (2025) lần lượt là bao nhiêu?": where what each place
# is asked begins (read folded), the places listed before it ...
_ASKED_OF_EACH_RE = re.compile(
    r"(?:,?\s*(?:lan luot|moi noi|tung noi)\b\s*)?(?:(?:la|dat|co|duoc)\s+)?(?:bao nhieu|may)\b.*$"
)
# ... each after a preposition, the later ones after ", " or " và " (which may repeat it) ...
_PLACE_PREP_RE = re.compile(r"\s(?:cua|o|tai)\s+")
_NEXT_PLACE_RE = re.compile(r"\s*,\s*(?:va\s+)?|\s+va\s+")
# ... a side's own preposition, folded or as written ("và ở xã B"), matched where it starts
_SIDE_PREP_RE = re.compile(r"(?:của|ở|tại|cua|o|tai)\s+", re.IGNORECASE)
_EACH_WORD_RE = re.compile(r"^,?\s*(?:lan luot|moi noi|tung noi)\b\s*")
# ... the last one up to its period, what follows being asked of each ("ở xã B tháng 11/2025
# gây thiệt hại bao nhiêu").
_LAST_PLACE_RE = re.compile(
    r"(?P<place>.*?(?:\([^()]*\)|\b(?:nam|thang|quy)\s+[0-9ivx]+(?:/\d{4})?(?:\s+nam\s+\d{4})?))"
    r"\s+(?P<more>[^\W\d].*)$"
)
MAX_LISTED_PLACES = 3
# "So sánh X của A năm 2024 và B năm 2025": each place asked with its own period.
_COMPARING_RE = re.compile(r"(?:so sánh|so sanh)\s+", re.IGNORECASE)
# A period closing a side ("huyện B năm 2024", "xã C (tháng 11/2025)"): shared by the sides
# naming none when only the last names it ("ở huyện A và huyện B năm 2024").
_SIDE_PERIOD_RE = re.compile(
    r"\s(?:\([^()]*\)|(?:\d{1,2} thang (?:dau nam )?)?(?:nam|thang|quy)\s+[0-9ivx]+(?:/\d{4})?"
    r"(?:\s+nam\s+\d{4})?)$"
)


# A place's police or council before its unit: "Công an huyện A", "UBND xã B".
_PLACE_BODY_RE = re.compile(r"^(?:(?:cong an|ca[htxp]?|ubnd|uy ban nhan dan) )?")
_SIDE_ASKS_RE = re.compile(r"\b(?:nao|gi|ai|dau|nhat|hon)\b")
MAX_NAME_WORDS = 4


def _without_prep(side: str) -> str:
    """The side without the preposition it opens with ("ở Hải Dương" -> "Hải Dương")."""
    opening = _SIDE_PREP_RE.match(side)
    return side[opening.end() :] if opening else side


# A site's place in brackets closing a side: "chùa Hương (Mỹ Đức)", "cửa khẩu A (tỉnh B)".
_LOCATED_RE = re.compile(r"\((?P<place>[^()]{2,40})\)\s*$")


def _is_place(side: str) -> bool:
    """A side of a list names a place and nothing more: by its unit ("huyện A", "Công an xã
    B"), or a name with capitals ("Thuận Nam"), before its period if any ("(9 tháng
    2024)", "năm 2024"); not "HĐND tỉnh A" (a body) nor "Tổ trưởng ... được hỗ trợ"."""
    located = _LOCATED_RE.search(side)
    if located is not None and located.start() > 0 and _is_place(located["place"]):
        return True  # "chùa Hương (Mỹ Đức)": a site, where its place in brackets says
    folded = fold(side).lower()
    period = _SIDE_PERIOD_RE.search(folded)
    name = side[: period.start()] if period else side
    folded_name = folded[: len(name)]
    if not name.strip() or _SIDE_ASKS_RE.search(folded_name):
        return False
    body = _PLACE_BODY_RE.match(folded_name)
    unit = _PLACE_UNIT_RE.match(folded_name, body.end() if body else 0)
    words = name.split()
    named = len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    return unit is not None or named


# The difference asked after the figures (folded): "..., khác nhau thế nào?", "..., chênh
# lệch bao nhiêu?", "..., nơi nào cao hơn?".
_DIFFERENCE_TAIL_RE = re.compile(
    r"\s*[,;]\s*(?:khac nhau|chenh lech|hon kem|noi nao|ben nao|dia phuong nao)\b.*$"
)


# When each place's part ran, asked after the places (folded): "... kéo dài từ ngày nào
# đến ngày nào", "... diễn ra khi nào".
_WHEN_OF_EACH_RE = re.compile(r"\b(?:tu ngay nao|ngay nao|khi nao|bao gio|thoi gian nao)\b")


def _named_place_end(side: str) -> int | None:
    """Where the place a side opens with ends, as the gazetteer reads it ("Đắk Nông kéo
    dài ..." -> after "Đắk Nông"); None when it opens with none."""
    spans = place_spans(side)
    first = spans[0] if spans else None
    # ... or its police or people's committee: "CAH A bắt đầu ...", "CA tỉnh B bắt đầu ..."
    opening = _PLACE_BODY_RE.match(fold(side).lower()) if first is not None else None
    if first is None:
        return None
    between = fold(side[opening.end() if opening else 0 : first.start]).lower().strip()
    if between and not _PLACE_UNIT_RE.fullmatch(between):
        return None
    return first.end


def _listed_places(question: str) -> list[str]:
    """ "Tỷ lệ X ở huyện A (9 tháng 2024) và ở xã B (tháng 11/2025) lần lượt là bao nhiêu?"
    read as X of each place, each with its own period; the question alone unless every
    side of the list names a place."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return [question]
    asked = _ASKED_OF_EACH_RE.search(folded)
    end = asked.start() if asked else len(folded)
    if asked is not None and not _PLACE_PREP_RE.search(folded, 0, end):
        # "... lắp thêm bao nhiêu camera ở quận A và xã B?": asked before the places
        return _asked_before_places(question, folded, asked.start())
    for prep in _PLACE_PREP_RE.finditer(folded, 0, end):
        listed = folded[prep.end() : end]
        cut = _list_spans(listed)
        if cut is None:
            continue
        spans = []
        for start, stop in cut:
            opening = _SIDE_PREP_RE.match(listed, start)
            spans.append((opening.end() if opening else start, stop))
        more = _LAST_PLACE_RE.match(listed, spans[-1][0], spans[-1][1])
        if more is not None:  # "... xã B tháng 11/2025 gây thiệt hại": asked of each
            spans[-1] = (spans[-1][0], more.end("place"))
        else:  # "... ở huyện A và ở tỉnh B kéo dài từ ngày nào": the last up to its name
            named = _named_place_end(
                question[prep.end() + spans[-1][0] : prep.end() + spans[-1][1]]
            )
            if named is not None:
                spans[-1] = (spans[-1][0], spans[-1][0] + named)
        offset = prep.end()
        sides = [question[offset + a : offset + b].strip(" ?.!") for a, b in spans]
        if not all(side and _is_place(side) for side in sides):
            continue
        periods = [_SIDE_PERIOD_RE.search(fold(side).lower()) for side in sides]
        shared = periods[-1]
        if shared is not None and not any(periods[:-1]):
            sides = [
                *(f"{side} {sides[-1][shared.start() :].strip()}" for side in sides[:-1]),
                sides[-1],
            ]
        what = question[: prep.start()].strip()
        compared = _COMPARING_RE.match(what)
        if compared is not None:
            if not any(periods):
                return [question]  # compared across documents, each labelled by its place
            what = what[compared.end() :]
        rest_at = offset + spans[-1][1]
        rest = question[rest_at:]
        rest = rest[len(rest) - len(_EACH_WORD_RE.sub("", fold(rest).lower())) :].strip()
        difference = _DIFFERENCE_TAIL_RE.search(fold(rest).lower())
        if difference is not None:  # "..., khác nhau thế nào?": the parts' figures tell it
            rest = rest[: difference.start()].strip()
        asks_each = _ASKED_OF_EACH_RE.search(fold(rest).lower()) or _WHEN_OF_EACH_RE.search(
            fold(rest).lower()
        )
        said = rest.strip(" ?.!")  # (a question mark alone asks nothing more)
        if not said or asks_each is None:
            searched = not _ASKING.search(folded) and not _FIGURE_RE.match(what)
            if not said and (_LISTED_WHAT_RE.match(what) or searched):
                # "các thủ đoạn lừa đảo ở tỉnh A và ở xã B": what is listed of each place;
                # so is what a search names ("cam kết của cơ sở X ở huyện A và tỉnh B")
                return [
                    f"{what} {question[prep.start() : prep.end()].strip()} {side}" for side in sides
                ]
            if said or not _FIGURE_RE.match(what):
                return [question]
            rest = "là bao nhiêu" if has_diacritics(question) else "la bao nhieu"
        written = question[prep.start() : prep.end()].strip()
        return [f"{what} {written} {side} {rest}" for side in sides]
    return [question]


def _list_spans(listed: str) -> list[tuple[int, int]] | None:
    """Where each item of a short list of places starts and ends in `listed` (folded: "huyện
    a, xã b và xã c"); None when it lists one or too many."""
    cuts = list(_NEXT_PLACE_RE.finditer(listed))
    if not cuts or len(cuts) >= MAX_LISTED_PLACES:
        return None
    starts = [0, *(cut.end() for cut in cuts)]
    ends = [*(cut.start() for cut in cuts), len(listed)]
    return list(zip(starts, ends, strict=True))


def _asked_before_places(question: str, folded: str, asked_at: int) -> list[str]:
    """ "Đề xuất lắp thêm bao nhiêu camera ở quận A và xã B?" read as the same asked of
    each place; the question alone unless it ends with a list of places after a
    preposition."""
    prep = next(_PLACE_PREP_RE.finditer(folded, asked_at), None)
    if prep is None:
        return [question]
    spans = _list_spans(folded[prep.end() :].rstrip(" ?.!"))
    if spans is None:
        return [question]
    offset = prep.end()
    sides = [question[offset + a : offset + b].strip(" ,?.!") for a, b in spans]
    if not all(side and _is_place(side) for side in sides):
        return [question]
    what = question[: prep.start()].strip()
    written = question[prep.start() : prep.end()].strip()
    return [f"{what} {written} {side}?" for side in sides]


# A document named by its kind and number, and the place that issued it: "KH 12 tỉnh A",
# "CV 34/UBND-NC B", "Chỉ thị số 36-CT/TU" (a kind's code in capitals only: typed in lower
# case, "ct" or "bc" may be a word of the question).
_DOCUMENT_NAMED = (
    r"(?:KH|CT|NQ|CV|QĐ|QD|BC|TB|[Cc]hỉ thị|[Kk]ế hoạch|[Nn]ghị quyết|[Cc]ông văn|[Qq]uyết định"
    r"|[Bb]áo cáo|[Tt]hông báo|chi thi|ke hoach|nghi quyet|cong van|quyet dinh|bao cao|thong bao)"
    r"(?: (?:số|so))? ?\d+(?:[/-][\w.-]*\w)*"
    r"(?: (?:(?:tỉnh|tinh|TP|thành phố|thanh pho|huyện|huyen|quận|quan|thị xã|thi xa"
    r"|xã|xa|phường|phuong|thị trấn|thi tran) )?"
    rf"[{UPPER_LETTERS}]\w*(?: [{UPPER_LETTERS}]\w*){{0,3}})?"
)
_TWO_DOCUMENTS_RE = re.compile(
    rf"(?P<a>{_DOCUMENT_NAMED}),?\s+(?:và|va)\s+(?P<b>{_DOCUMENT_NAMED})"
)


_DOCUMENT_NAMED_RE = re.compile(_DOCUMENT_NAMED)


def names_document(part: str) -> bool:
    """The part names a document by its kind and number ("KH 152 đặt chỉ tiêu bao nhiêu"):
    the document sets its own time, which the first part's year does not."""
    return _DOCUMENT_NAMED_RE.search(part) is not None


def subject_terms(part: str, terms: dict[str, float]) -> int:
    """How many of a part's terms name what it asks of, not the document it names: "KH 152
    đặt chỉ tiêu bao nhiêu" asks of no subject ("kh", "152" name the plan)."""
    named = _DOCUMENT_NAMED_RE.search(part)
    document = set(named.group().lower().split()) if named else set()
    return sum(1 for term in terms if term not in document)


def _two_documents(question: str) -> list[str]:
    """ "Những cơ quan chỉ được đề nghị phối hợp trong KH 12 tỉnh A và CV 34 tỉnh B" read as
    the same thing asked of each document; the question alone unless it names two so."""
    match = _TWO_DOCUMENTS_RE.search(question)
    if match is None:
        return [question]
    before, after = question[: match.start()], question[match.end() :]
    return [f"{before}{match[side]}{after}" for side in ("a", "b")]


# "X: huyện A 9 tháng 2024 và xã B từ 01/7/2025?", "mức thưởng: chỉ thị A và quy chế B": one
# thing asked, after a colon, of two places or documents.
_TOPIC_OF_TWO_RE = re.compile(
    r"^\W*(?P<topic>[^:?]{3,80}?)\s*:\s*(?P<a>[^,;:?]+?)\s+(?:và|va)\s+(?P<b>[^,;:?]+?)[\s?.!]*$",
    re.IGNORECASE,
)
# "X ở xã A và Y ở tỉnh B là gì?": two things asked alike, each of a place of its own.
_AT_PLACE_PART = r".+?\s(?:ở|tại|của|o|tai|cua)\s+(?P<{side}_place>[^,;:?]+?)"
_TWO_AT_PLACES_RE = re.compile(
    rf"^\W*(?P<a>{_AT_PLACE_PART.format(side='a')})\s+(?:và|va)\s+"
    rf"(?P<b>{_AT_PLACE_PART.format(side='b')})\s+"
    r"(?P<rest>(?:là|la) (?:gì|gi|những gì|nhung gi|bao nhiêu|bao nhieu)|ra sao"
    r"|(?:như )?thế nào|(?:nhu )?the nao)[\s?.!]*$",
    re.IGNORECASE,
)
# ... asked by any words after the second place: "Vụ X ở huyện A và vụ Y ở tỉnh B bị khởi tố
# theo những điều nào?" (the place told from the asking words by `_is_place`).
_TWO_AT_PLACES_ASKED_RE = re.compile(
    rf"^\W*(?P<a>{_AT_PLACE_PART.format(side='a')})\s+(?:và|va)\s+"
    r"(?P<b>.+?\s(?:ở|tại|của|o|tai|cua)\s+)(?P<tail>[^,;:?]+?)[\s?.!]*$",
    re.IGNORECASE,
)
# A side naming a document by its kind: "chỉ thị ... A", "quy chế ... B" (read folded).
_DOCUMENT_KIND_RE = re.compile(
    r"^(?:chi thi|ke hoach|nghi quyet|quy che|quyet dinh|bao cao|cong van|thong bao"
    r"|ct|kh|nq|qd|bc|cv|tb)\b"
)


# "X ở A (mùa vải 2024) và ở B (sau sáp nhập) là gì?": one thing asked at two places, the
# second side opening with its preposition, each side with words of its own after the place.
_SAME_AT_TWO_PLACES_RE = re.compile(
    r"^\W*(?P<what>.+?)\s(?P<prep>ở|tại|o|tai)\s+(?P<a>[^,;:?]+?)\s+(?:và|va)\s+(?P=prep)\s+"
    r"(?P<b>[^,;:?]+?)\s+(?P<rest>(?:là|la) (?:gì|gi|những gì|nhung gi|bao nhiêu|bao nhieu)"
    r"|ra sao|(?:như )?thế nào|(?:nhu )?the nao|bằng cách nào|bang cach nao)[\s?.!]*$",
    re.IGNORECASE,
)
_COMPARED_SIDE_RE = re.compile(r"\b(?:khac nhau|giong nhau|chenh lech|hon kem|so voi)\b")
# "Công an tỉnh A và Công an xã B đề xuất trang bị gì?": two places' bodies, each named with
# its unit and a name in capitals, then what both are asked.
_PLACE_BODY_NAMED = (
    r"(?:[Cc]ông an|CA|UBND|[Uu]ỷ ban nhân dân|[Ủủ]y ban nhân dân) (?:tỉnh|thành phố|TP|huyện|quận"
    rf"|thị xã|xã|phường|thị trấn) [{UPPER_LETTERS}]\w*(?: [{UPPER_LETTERS}]\w*){{0,3}}"
)
_TWO_BODIES_ASKED_RE = re.compile(
    rf"^\W*(?P<a>{_PLACE_BODY_NAMED})\s+và\s+(?P<b>{_PLACE_BODY_NAMED})\s+"
    r"(?P<rest>[^,;:?]*\b(?:gì|nào|bao nhiêu|mấy)\b.*)$"
)


def _opens_with_place(side: str) -> bool:
    """The side opens with a place ("Lục Ngạn mùa vải 2024", "xã Ba Bể sau sáp nhập"), by
    its unit or as the gazetteer reads it, its period or state after it."""
    return _is_place(side) or _named_place_end(side) is not None


def _same_at_two_places(question: str) -> list[str]:
    """One thing asked at two places, each with its own words after it (`_SAME_AT_TWO_PLACES_RE`
    and `_TWO_BODIES_ASKED_RE`): that thing asked of each; the question alone otherwise."""
    same = _SAME_AT_TWO_PLACES_RE.match(question)
    # (not the two compared: "... ở A và ở B khác nhau thế nào" is read whole, each cited)
    compared = same is not None and _COMPARED_SIDE_RE.search(fold(same["b"]).lower())
    if same is not None and not compared and all(_opens_with_place(same[side]) for side in "ab"):
        return [f"{same['what']} {same['prep']} {same[side]} {same['rest']}?" for side in "ab"]
    bodies = _TWO_BODIES_ASKED_RE.match(question)
    if bodies is None:
        return [question]
    rest = bodies["rest"].rstrip(" ?.!")
    return [f"{bodies[side]} {rest}?" for side in "ab"]


def _of_two(question: str) -> list[str]:
    """ "X: A và B" and "X ở A và Y ở B là gì?" read as a question of each side, when each
    side names a place or a document of its own; else the question alone."""
    same = _same_at_two_places(question)
    if len(same) > 1:
        return same
    topic = _TOPIC_OF_TWO_RE.match(question)
    if topic is not None:
        sides = [topic[side].strip() for side in ("a", "b")]
        named = all(
            _is_place(_without_prep(side)) or _DOCUMENT_KIND_RE.match(fold(side).lower())
            for side in sides
        )
        if named and fold(sides[0]).lower() != fold(sides[1]).lower():
            asked = " là bao nhiêu" if has_diacritics(question) else " la bao nhieu"
            asking = asked if _FIGURE_RE.match(topic["topic"].strip()) else ""
            return [f"{topic['topic'].strip()}: {side}{asking}?" for side in sides]
    at_places = _TWO_AT_PLACES_RE.match(question)
    if at_places is not None and all(_is_place(at_places[f"{side}_place"]) for side in ("a", "b")):
        return [f"{at_places[side]} {at_places['rest']}?" for side in ("a", "b")]
    asked_after = _two_asked_at_places(question)
    return asked_after if len(asked_after) > 1 else _two_subjects_at_places(question)


# A plural's opening word (folded): "Các vụ án ...", "những đường dây ...".
_LIST_OPENING_RE = re.compile(r"^\W*(?:cac|nhung)\s")


def _two_asked_at_places(question: str) -> list[str]:
    """ "Vụ X ở A và vụ Y ở B bị khởi tố theo những điều nào?": the asking words after the
    second place (its name the longest run of words that is one), asked of each side when
    both sides open alike."""
    match = _TWO_AT_PLACES_ASKED_RE.match(question)
    if match is None or not _is_place(match["a_place"]):
        return [question]
    # ... two things of one kind, each named whole ("vụ X ... và vụ Y"): not the second
    # left short of the first's words ("cao điểm bảo vệ mùa X ở A và mùa Y ở B").
    # (a plural's "các", "những" before the first is no head: "Các vụ án A ... và vụ B")
    heads = [_LIST_OPENING_RE.sub("", fold(match[side]).lower()).split()[:1] for side in "ab"]
    if heads[0] != heads[1]:
        return [question]
    words = match["tail"].split()
    for size in range(min(len(words) - 1, MAX_NAME_WORDS), 0, -1):
        place, rest = " ".join(words[:size]), " ".join(words[size:])
        if _is_place(place) and _ASKING.search(fold(rest).lower()):
            return [f"{match['a']} {rest}?", f"{match['b']}{place} {rest}?"]
    return [question]


# What a side of "X của A ở P và B ở Q" is asked of opens after: "thủ đoạn của", "áp dụng
# với" (read folded; the first such word after the asking ones).
_SUBJECT_PREP_RE = re.compile(r"\s(?:doi voi|voi|cua)\s")
# A place a side ends with, written after "ở"/"tại" with capitals: "... ở Tân Hòa".
_PLACE_ENDING_RE = re.compile(
    rf"\s(?:ở|tại|o|tai)\s+[{UPPER_LETTERS}]\w*(?: [{UPPER_LETTERS}]\w*){{0,3}}$"
)


def _ends_with_place(side: str) -> bool:
    """The side closes with a place's name: one the gazetteer reads, or a name with
    capitals after "ở"/"tại"."""
    spans = place_spans(side)
    return bool(spans and spans[-1].end == len(side)) or bool(_PLACE_ENDING_RE.search(side))


def _two_subjects_at_places(question: str) -> list[str]:
    """ "Thủ đoạn của nhóm A ở P và đường dây B ở Q là gì?" shaped as "Các thủ đoạn của
    nhóm A ở P và đường dây ở Q?": what is asked, then two subjects each closing with a
    place of its own, read as that asked of each; the question alone unless both sides
    end with a place and the asking words stand before the first subject."""
    stripped = question.strip().rstrip(" ?.!")
    for joint in re.finditer(r"\s+(?:và|va)\s+", stripped):
        first, second = stripped[: joint.start()], stripped[joint.end() :]
        if len(second.split()) < 2 or _is_place(second):
            continue  # "... ở P và Q": two places, read by the list's own readers
        if not (_ends_with_place(first) and _ends_with_place(second)):
            continue
        prep = _SUBJECT_PREP_RE.search(fold(first).lower())
        if prep is None:
            continue
        head = first[: prep.end()]
        folded_head = fold(head).lower()
        if not (_ASKING.search(folded_head) or _LIST_OPENING_RE.match(folded_head)):
            continue
        return [f"{first}?", f"{head}{second}?"]
    return [question]


def split_places(question: str) -> list[str]:
    """ "So sánh tỷ lệ X của huyện A (2024) và phường B (2025)" read as X of each place,
    each asked on its own (with its own period), as "Huyện A và xã B mỗi nơi có bao nhiêu
    X?" and "X của huyện A, xã B và xã C lần lượt là bao nhiêu?" are, and a question of two
    documents named by number ("... trong KH 12 tỉnh A và CV 34 tỉnh B"); left whole unless
    each side names a place or a document."""
    if len(question) > MAX_QUESTION_CHARS:
        return [question]
    each = _EACH_PLACE_RE.match(question.strip())
    if each is not None and all(  # each side opens with its place: "Huyện A và xã B mỗi nơi"
        # ... or the place's own body: "CA huyện A và UBND xã B mỗi nơi"
        _PLACE_UNIT_RE.match(_PLACE_BODY_RE.sub("", fold(each[side]).lower(), count=1))
        for side in ("a", "b")
    ):
        topic = f"{each['topic'].strip()}: " if each["topic"] else ""
        return [f"{topic}{each[side]} {each['rest']}" for side in ("a", "b")]
    subjects = _SUBJECTS_COMPARED_RE.match(question.strip())
    if subjects is not None and all(_is_place(subjects[f"{side}_place"]) for side in "ab"):
        # "So sánh mức X: tổ trưởng ở tỉnh A và đội trưởng ở tỉnh B": X of each one, each
        # at its place
        asked = " là bao nhiêu" if has_diacritics(question) else " la bao nhieu"
        asking = asked if _FIGURE_RE.match(subjects["what"]) else ""
        return [f"{subjects['what']} {subjects[side].rstrip(' ?.!')}{asking}" for side in "ab"]
    match = _PLACES_COMPARED_RE.match(question.strip())
    if match is None or not all(_is_place(_without_prep(match[side])) for side in ("a", "b")):
        listed = _listed_places(question.strip())
        if len(listed) > 1:
            return listed
        documents = _two_documents(question.strip())
        return documents if len(documents) > 1 else _of_two(question.strip())
    what, prep = match["what"], match["prep"]
    if prep.lower() in ("giữa", "giua"):
        prep = "của"
    asking = " là bao nhiêu" if _FIGURE_RE.match(what) else ""
    sides = (_without_prep(match[side]).rstrip(" ?.!") for side in ("a", "b"))
    return [f"{what} {prep} {side}{asking}" for side in sides]


def place_labels(parts: list[str]) -> list[str]:
    """What tells the parts of a question split by place apart, as each part's label: the
    words the parts do not share, without a period ("huyện A (2024)" -> "huyện A")."""
    split = [part.split() for part in parts]
    shortest = min(len(words) for words in split)
    head = next((i for i in range(shortest) if len({w[i] for w in split}) > 1), shortest)
    tail = next((i for i in range(shortest - head) if len({w[-1 - i] for w in split}) > 1), 0)
    labels = []
    for words in split:
        side = " ".join(words[head : len(words) - tail])
        # ... one named as a part of a year too: "xã A từ 01/7/2025", "huyện B 9 tháng 2024"
        named_at = first_period_at(side)
        side = side[:named_at] if named_at and side[:named_at].strip(" ,?") else side
        period = _SIDE_PERIOD_RE.search(fold(side).lower())
        labels.append(side[: period.start()].strip(" ,?") if period else side.strip(" ,?"))
    return labels


def standalone_tail(tail: str, context: str, unit: str | None = None) -> str:
    """The second part of a double question, with what the first names ("Kế hoạch số
    12/KH-UBND, tỉnh A, 2024") put before it so that it stands alone, and the first part's
    counted or compared noun when the second names none ("huyện nào nhiều tổ nhất và huyện
    nào ít nhất": "huyện nào ít tổ nhất")."""
    if unit and re.search(r"\b(?:nhất|hơn|nhat|hon)\b", tail):
        tail = re.sub(r"\b(nhất|hơn|nhat|hon)\b", rf"{unit} \1", tail, count=1)
    elif unit:  # "..., riêng quý II bao nhiêu?": "riêng quý II bao nhiêu trường hợp ..."
        tail = _BARE_QUANTITY_RE.sub(rf"\1 {unit}", tail, count=1)
    return f"{context}, {tail}" if context else tail


# A quantity asked with no noun after it, at the end of a part.
_BARE_QUANTITY_RE = re.compile(r"\b(bao nhiêu|bao nhieu|mấy|may)(?=\W*$)", re.IGNORECASE)


# A double question asking two quantities: "Chỉ tiêu X là bao nhiêu, năm trước đạt bao
# nhiêu?". The first part's asking words and the words setting it as a target are cut from
# it when the second part borrows its subject.
_ASKED_END_RE = re.compile(r"\s*(?:là |la )?(?:bao nhiêu|bao nhieu)\W*$", re.IGNORECASE)
_WHAT_END_RE = re.compile(r"\s*(?:là|la) (?:gì|gi)\W*$", re.IGNORECASE)
_QUANTITY_ASKED_RE = re.compile(r"\b(?:bao nhiêu|bao nhieu|mấy|may)\b", re.IGNORECASE)
_TARGET_OPENING_RE = re.compile(r"^\W*(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu)\s+", re.IGNORECASE)
# The target's deadline ("đến 2030", "năm 2029", "đến cuối 2031"), not a year inside a number
# ("12/2029/NQ").
_YEAR_PHRASE_RE = re.compile(
    r"(?:^|\s)(?:(?:đến|den)\s+(?:(?:hết|het|cuối|cuoi)\s+)?)?(?:(?:năm|nam)\s+)?"
    r"(?:19|20)\d{2}(?![\w/-])",
    re.IGNORECASE,
)
# A span of years a target is set for (read as written): "năm học 2024-2025", "2025 - 2027".
_YEAR_SPAN_RE = re.compile(
    r"(?:\b(?:năm học|nam hoc|niên vụ|nien vu|giai đoạn|giai doan)\s+)?"
    r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
# Where a target is set, after what it is of (read as written): "trong KH 915", "của Chỉ
# thị 05": what was reached is told elsewhere (a report), not in the plan.
_SET_IN_RE = re.compile(
    r"\b(?:trong|của|cua|theo)\s+(?:KH|CT|NQ|QĐ|kế hoạch|ke hoach|chỉ thị|chi thi|nghị quyết"
    r"|nghi quyet)\b\.?\s*(?:số\s+|so\s+)?[\w/-]*\d[\w/-]*",
    re.IGNORECASE,
)
BARE_TAIL_TERMS = 4  # a second part of this few content words names no subject of its own
# A share's unit, asked in after "bao nhiêu" ("đạt bao nhiêu %"): no subject of its own.
_SHARE_UNIT_RE = re.compile(r"\s*(?:%|ph[aầ]n tr[aă]m)", re.IGNORECASE)


def with_subject(head: str, tail: str, tail_terms: int) -> str:
    """The second part with the first's subject when both ask a quantity and the second
    names no subject of its own: "Chỉ tiêu tỷ lệ X đến 2030 là bao nhiêu, cuối 2027 đạt bao
    nhiêu?" asks "tỷ lệ X cuối 2027 đạt bao nhiêu" (the target, its deadline and the asking
    words left with the first part); so does "Kế hoạch A đặt mục tiêu xử lý X mỗi năm là bao
    nhiêu, năm 2026 xử lý được mấy vụ?", whose target is set inside the sentence."""
    asked = _ASKED_END_RE.search(head)
    if asked is None and _TARGET_OPENING_RE.match(head):
        asked = _WHAT_END_RE.search(head)  # "Chỉ tiêu X là gì, nay đạt bao nhiêu?"
    if tail_terms > BARE_TAIL_TERMS or not _QUANTITY_ASKED_RE.search(tail):
        return tail
    if asked is None:
        # "A đặt mục tiêu bao nhiêu % xã an toàn về ANTT đến 2031, nay được mấy?": the
        # subject follows the asking words (and their unit), the deadline left with them
        inside = _QUANTITY_ASKED_RE.search(head)
        after = head[inside.end() :] if inside is not None else ""
        unit = _SHARE_UNIT_RE.match(after)  # (the unit right after them: "bao nhiêu % xã")
        after = _YEAR_SPAN_RE.sub(" ", after[unit.end() :] if unit else after)
        after = _YEAR_PHRASE_RE.sub(" ", _SET_IN_RE.sub(" ", after))
        subject = re.sub(r"\s+", " ", after).strip(" ,?")
        return f"{subject} {tail}" if subject else tail
    subject = _TARGET_OPENING_RE.sub("", head[: asked.start()])
    subject = _TARGET_SET_RE.sub(" ", subject)
    subject = _YEAR_SPAN_RE.sub(" ", subject)  # "năm học 2024-2025": the target's, too
    subject = _SET_IN_RE.sub(" ", subject)  # "trong KH 915": where the target is set
    subject = _YEAR_PHRASE_RE.sub(" ", subject)
    subject = re.sub(r"\s+", " ", subject).strip(" ,")
    return f"{subject} {tail}" if subject else tail


# A target set inside the first part (its setting verb and period go with it): "đặt mục
# tiêu", "đề ra chỉ tiêu", "... mỗi năm" (read as written, marks or none).
_TARGET_SET_RE = re.compile(
    r"\b(?:(?:đặt|dat|đề ra|de ra)\s+)?(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu)\b"
    r"|\b(?:mỗi|moi|hằng|hang|hàng)\s+(?:năm|nam)\b",
    re.IGNORECASE,
)
# A target named anywhere in a part: "KH 2025 đặt chỉ tiêu mấy %?".
_TARGET_NAMED_RE = re.compile(r"\b(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu)\b", re.IGNORECASE)
# What closes a first part's subject before its asking words: "... năm 2024 được", "đạt".
_SUBJECT_END_RE = re.compile(r"(?:\s+(?:là|la|được|duoc|đạt|dat|có|co))+\s*$", re.IGNORECASE)


def with_target_subject(head: str, tail: str, tail_terms: int) -> str:
    """The second part asking the target with no subject of its own, given the first's:
    "A đã có bao nhiêu cơ sở ký cam kết? Chỉ tiêu đặt ra thế nào?" asks the target about
    "cơ sở ký cam kết" (the words after the first part's asking words)."""
    if tail_terms > BARE_TAIL_TERMS or not _TARGET_NAMED_RE.search(tail):
        return tail
    if _TARGET_NAMED_RE.search(head):  # the first part asked a target too: its own subject
        return tail
    asked = _QUANTITY_ASKED_RE.search(head)
    subject = head[asked.end() :].strip(" ,?") if asked is not None else ""
    if _SHARE_UNIT_RE.fullmatch(subject):
        subject = ""  # "... đạt bao nhiêu %": the unit asked in, no subject
    if asked is not None and not subject:
        # "Tỷ lệ X năm 2024 được bao nhiêu, KH 2025 đặt chỉ tiêu mấy %?": what is asked
        # stands before the asking words, without its year; named after the target word
        # ("chỉ tiêu tỷ lệ X mấy %"), as the target is of it
        before = _SUBJECT_END_RE.sub("", head[: asked.start()])
        subject = re.sub(r"\s+", " ", _YEAR_PHRASE_RE.sub(" ", before)).strip(" ,")
        named = _TARGET_NAMED_RE.search(tail)
        if subject and named is not None:
            return f"{tail[: named.end()]} {subject}{tail[named.end() :]}"
    return f"{tail.rstrip(' ?')} về {subject}?" if subject else tail


def _holds(earlier: Citation, later: Citation) -> bool:
    """The earlier quote says all the later one does, in the same document."""
    return earlier.document == later.document and later.quote.strip() in earlier.quote


def joined(question: str, answers: list[Answer]) -> Answer:
    """The answers to the parts as one answer: citations renumbered in order, a quote two
    parts share cited once; a refused part is left out unless every part is refused."""
    answered = [answer for answer in answers if not answer.refused]
    if not answered:
        return answers[0].model_copy(update={"question": question})
    texts: list[str] = []
    citations: list[Citation] = []
    seen: dict[tuple[str, int, int], int] = {}
    said: list[str] = []  # the quotes' texts so far
    for answer in answered:
        numbers: dict[int, int] = {}
        quoted = set()  # this part's citations an earlier part already quoted
        for citation in answer.citations:
            key = (citation.document, citation.start, citation.end)
            # Chunks overlap: an earlier part's quote from the next chunk may hold this one.
            holding = next((c.n for c in citations if _holds(c, citation)), None)
            if key not in seen and holding is not None:
                seen[key] = holding
                quoted.add(citation.n)
            elif key in seen:
                quoted.add(citation.n)
            else:
                seen[key] = len(citations) + 1
                citations.append(citation.model_copy(update={"n": seen[key]}))
            numbers[citation.n] = seen[key]
        if not answer.citations:
            texts.append(answer.answer)
            continue
        # Each quote once: "A [1]" answers both "bao nhiêu vụ" and "chết bao nhiêu người",
        # also where a part quotes it with the sentence before it ("B A [2]" reads "B [2]").
        fresh = []
        for segment in _QUOTED_SEGMENT_RE.findall(answer.answer):
            if {int(n) for n in re.findall(r"\[(\d+)\]", segment)} <= quoted:
                continue
            for earlier in said:
                segment = segment.replace(earlier, " ")
            if re.search(r"\w", _MARKERS_RE.sub("", segment)):
                fresh.append(re.sub(r"\s+", " ", segment).strip())
        said += [q for q in (_MARKERS_RE.sub("", x).strip() for x in fresh) if len(q) > 20]
        if fresh:
            texts.append(_renumbered(" ".join(fresh), numbers))
    return answered[0].model_copy(
        update={"question": question, "answer": " ".join(texts), "citations": citations}
    )


# A quote with its markers ("... 11 vụ. [1]", "... [2][3]"), or text after the last marker.
_QUOTED_SEGMENT_RE = re.compile(r".*?(?:\[\d+\])+\.?|.+$", re.DOTALL)
_MARKERS_RE = re.compile(r"\s*(?:\[\d+\])+\.?$")


def _renumbered(text: str, numbers: dict[int, int]) -> str:
    """The answer text with its "[n]" markers renumbered."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{numbers.get(int(m[1]), int(m[1]))}]", text)


def sets_target(part: str) -> bool:
    """ "Kế hoạch A đặt mục tiêu ... là bao nhiêu", "Mục tiêu X đến 2027 là bao nhiêu": the
    part asks a target, and a second part asking a count asks what was reached of the same
    thing."""
    return _TARGET_NAMED_RE.search(part) is not None


# A loss asked with no subject (folded): "..., mất bao nhiêu tiền?", "thiệt hại bao nhiêu?".
_LOSS_ASKED_RE = re.compile(
    r"^\W*(?:(?:mat|thiet hai|chiem doat|bi chiem doat)\b.*\bbao nhieu\b|bao nhieu tien\b)"
)
# The counters of cases a first part counts (folded): "vụ lừa đảo" is of "lừa đảo".
_CASE_COUNTER_RE = re.compile(r"^(?:vu|truong hop)\s+(?=\w)")


def with_event(counted: str | None, tail: str, tail_terms: int) -> str:
    """ "Xã A có mấy vụ lừa đảo qua mạng, mất bao nhiêu tiền?": the second part asks the
    loss of the cases the first counts, "lừa đảo qua mạng mất bao nhiêu tiền"."""
    if not counted or tail_terms > BARE_TAIL_TERMS:
        return tail
    folded = fold(counted).lower()
    cases = _CASE_COUNTER_RE.match(folded)
    if cases is None or not _LOSS_ASKED_RE.match(fold(tail).lower()):
        return tail
    return f"{counted[cases.end() :]} {tail}"
