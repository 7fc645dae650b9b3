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
from assistant.extractive.question import MAX_QUESTION_CHARS
from index.vietnamese import fold

# The words that ask, on the folded question: each part of a double question has one.
# "gì" and "nào" ask after any noun ("về tội gì", "ngân sách cấp nào"), but "nào" after a
# negation does not ("không để xảy ra vụ nào").
_ASKING = re.compile(
    r"\b(?:bao nhieu|bao lau|may|(?<!khong )(?<!khong co )(?<!chua )\w+ nao"
    r"|la ai|nhu the nao|the nao|ra sao|(?:o|thuoc) dau|(?:do|ai) (?:ai|ky|ki)|\w+ gi)\b"
)
# Where a question may be cut in two: ", ", "; ", " và ", ", và ", ", trong đó ", "? ".
_JOINT = re.compile(r"\s*(?:,\s*(?:va |con |trong do )?|;\s*|\?\s+|\s+va\s+)")
# A second part asked by its noun alone: "..., hạn hoàn thành", "..., tổng thiệt hại",
# "..., chỉ tiêu năm 2025" (read folded): a deadline is asked when, anything else how much.
_BARE_ASK_RE = re.compile(
    r"^(?:(?P<when>(?:thoi )?han(?: hoan thanh| chot)?|thoi gian hoan thanh)"
    r"|tong thiet hai|thiet hai|tong so tien|so tien|ty le\b.*|kinh phi|(?:chi|muc) tieu\b.*)\W*$"
)
MAX_BARE_ASK_WORDS = 6
# The capacity a signer signed in, asked after who signed (folded): "..., chức vụ gì?".
_SIGNED_AS_RE = re.compile(r"^(?:voi |o |giu )?(?:chuc vu|chuc danh|cuong vi)\b")
_SIGNED_RE = re.compile(r"\b(?:ai|nguoi nao) (?:ky|ki)\b|\b(?:ky|ki) boi\b")


def split_asks(question: str) -> list[str]:
    """The parts of a question asking two things, or the question alone. The cut is the
    last joint before the second asking phrase, and only where both sides ask."""
    folded = fold(question).lower()
    asks = list(_ASKING.finditer(folded))
    if len(asks) == 1:
        return _with_bare_ask(question, folded, asks[0].end())
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
    if _SIGNED_AS_RE.match(folded_tail) and _SIGNED_RE.search(fold(head).lower()):
        return [question]  # "Ai ký ..., chức vụ gì?": the signature block tells both
    return [head, tail]


def _with_bare_ask(question: str, folded: str, asked_end: int) -> list[str]:
    """ "Huyện A lập bao nhiêu tổ, hạn hoàn thành": the second part, which names what it
    asks and no asking word, asked in full ("hạn hoàn thành khi nào")."""
    joint = _JOINT.search(folded, asked_end)
    if joint is None:
        return [question]
    tail = question[joint.end() :].strip()
    bare = _BARE_ASK_RE.match(fold(tail).lower())
    if bare is None or len(tail.split()) > MAX_BARE_ASK_WORDS:
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
    r"(?:so với|so voi)\s+(?:cùng k[ỳì] |cung ky )?(?:năm|nam) (?P<other>(?:19|20)\d{2})"
    r"\s*(?:thì |thi )?(?:như thế nào|nhu the nao|thế nào|the nao|ra sao|tăng hay giảm"
    r"|tang hay giam|thì sao|thi sao)?\W*$",
    re.IGNORECASE,
)
_CHANGE_RE = re.compile(r"\b(?:tăng|giảm|tang|giam|chênh lệch|chenh lech)\b", re.IGNORECASE)


def split_years(question: str) -> list[str]:
    """ "Số vụ cháy năm 2024 so với năm 2022 thế nào?" read as the figure of each year,
    each asked on its own; a question asking the change itself ("giảm bao nhiêu so với năm
    2022") is left whole."""
    if len(question) > MAX_QUESTION_CHARS:  # pasted text, not a question: the regex is not linear
        return [question]
    match = _YEAR_COMPARED_RE.match(question.strip())
    if match is None or match["year"] == match["other"] or _CHANGE_RE.search(match["head"]):
        return [question]
    head = match["head"].strip()
    year_at = match.start("year") - match.start("head")
    other = head[:year_at] + match["other"] + head[year_at + 4 :]
    return [head, other]


# "So sánh X của A (...) và B (...)": X asked of each place, each part on its own.
_PLACES_COMPARED_RE = re.compile(
    r"^\W*(?:so sánh|so sanh)\s+(?P<what>.+?)\s+(?P<prep>của|ở|tại|giữa|cua|o|tai|giua)\s+"
    r"(?P<a>.+?)\s+(?:và|va|với|voi)\s+(?P<b>.+?)[\s?.!]*$",
    re.IGNORECASE,
)
# What is compared is a figure: each part asks how much it is.
_FIGURE_RE = re.compile(r"^(?:tỷ lệ|tỉ lệ|ty le|số|so|mức|muc|tổng|tong)\b", re.IGNORECASE)
# A place named by its unit ("huyện A", "phuong B"), read folded; not "địa bàn", "nơi".
_PLACE_UNIT_RE = re.compile(r"\b(?:" + "|".join(fold(kind) for kind in PLACE_UNITS) + r")\b")


# "Huyện A và xã B mỗi nơi có bao nhiêu X?": the places first, then what each has.
_EACH_PLACE_RE = re.compile(
    r"^\W*(?P<a>.+?)\s+(?:và|va)\s+(?P<b>.+?),?\s+"
    r"(?:mỗi nơi|moi noi|mỗi địa phương|moi dia phuong|từng nơi|tung noi|lần lượt|lan luot)"
    r"\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def split_places(question: str) -> list[str]:
    """ "So sánh tỷ lệ X của huyện A (2024) và phường B (2025)" read as X of each place,
    each asked on its own (with its own period), as "Huyện A và xã B mỗi nơi có bao nhiêu
    X?" is; left whole unless each side names a place by its unit ("huyện", "phường" ...)."""
    if len(question) > MAX_QUESTION_CHARS:
        return [question]
    each = _EACH_PLACE_RE.match(question.strip())
    if each is not None and all(
        _PLACE_UNIT_RE.search(fold(each[side]).lower()) for side in ("a", "b")
    ):
        return [f"{each[side]} {each['rest']}" for side in ("a", "b")]
    match = _PLACES_COMPARED_RE.match(question.strip())
    if match is None:
        return [question]
    if not all(_PLACE_UNIT_RE.search(fold(match[side]).lower()) for side in ("a", "b")):
        return [question]
    what, prep = match["what"], match["prep"]
    if prep.lower() in ("giữa", "giua"):
        prep = "của"
    asking = " là bao nhiêu" if _FIGURE_RE.match(what) else ""
    return [f"{what} {prep} {match[side]}{asking}" for side in ("a", "b")]


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
_QUANTITY_ASKED_RE = re.compile(r"\b(?:bao nhiêu|bao nhieu|mấy|may)\b", re.IGNORECASE)
_TARGET_OPENING_RE = re.compile(r"^\W*(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu)\s+", re.IGNORECASE)
# The target's deadline ("đến 2030", "năm 2029"), not a year inside a number ("12/2029/NQ").
_YEAR_PHRASE_RE = re.compile(
    r"(?:^|\s)(?:(?:đến|den)\s+(?:(?:hết|het)\s+)?)?(?:(?:năm|nam)\s+)?(?:19|20)\d{2}(?![\w/-])",
    re.IGNORECASE,
)
BARE_TAIL_TERMS = 4  # a second part of this few content words names no subject of its own


def with_subject(head: str, tail: str, tail_terms: int) -> str:
    """The second part with the first's subject when both ask a quantity and the second
    names no subject of its own: "Chỉ tiêu tỷ lệ X đến 2030 là bao nhiêu, cuối 2027 đạt bao
    nhiêu?" asks "tỷ lệ X cuối 2027 đạt bao nhiêu" (the target, its deadline and the asking
    words left with the first part)."""
    asked = _ASKED_END_RE.search(head)
    if asked is None or tail_terms > BARE_TAIL_TERMS or not _QUANTITY_ASKED_RE.search(tail):
        return tail
    subject = _TARGET_OPENING_RE.sub("", head[: asked.start()])
    subject = _YEAR_PHRASE_RE.sub(" ", subject).strip(" ,")
    return f"{subject} {tail}" if subject else tail


def with_target_subject(head: str, tail: str, tail_terms: int) -> str:
    """The second part asking the target with no subject of its own, given the first's:
    "A đã có bao nhiêu cơ sở ký cam kết? Chỉ tiêu đặt ra thế nào?" asks the target about
    "cơ sở ký cam kết" (the words after the first part's asking words)."""
    if tail_terms > BARE_TAIL_TERMS or not _TARGET_OPENING_RE.match(tail):
        return tail
    asked = _QUANTITY_ASKED_RE.search(head)
    subject = head[asked.end() :].strip(" ,?") if asked is not None else ""
    return f"{tail.rstrip(' ?')} về {subject}?" if subject else tail


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
            if key in seen:
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
