"""Whether a clause states a number of the very thing a count question asks about.

"Có bao nhiêu loa truyền thanh?" is answered by "14 loa", "bao nhiêu thành viên tổ X" by
"tổng số thành viên của các tổ là 2.315 người", "bao nhiêu tiền" by an amount in đồng and
"bao nhiêu phần trăm" by a percentage; a number of another noun ("90 vụ vi phạm pháp
luật" for "bao nhiêu vụ phạm tội") answers a different question.
"""

from __future__ import annotations

import re

from assistant.extractive.question import QuestionAnalysis
from index.vietnamese import fold

# A number as written in Vietnamese text: "1.908", "12,5", "80/80", "30%".
_NUMBER = r"\d+(?:[.,]\d+)*(?:/\d+)?"
# Words between a noun and its number: "tổng số thành viên là 2.315", "tỷ lệ đạt 87%".
_LINK = r"(?:\w+ ){0,4}?(?:la|dat|co|gom|len|tang|giam|xay ra|ghi nhan|con|chi|voi|:)\s*"
NOUN_WINDOW = 3  # words after a number that may carry the counted noun's head
MONEY = ("dong", "trieu", "ty", "nghin", "ngan")


def _words(text: str) -> str:
    return " ".join(re.findall(r"\d+(?:[.,/]\d+)*%?|[^\W\d_]+|:", fold(text).lower()))


def unit_head(analysis: QuestionAnalysis) -> str | None:
    """The first word of the counted noun, folded ("loa", "thanh", "nguoi")."""
    unit = analysis.counted.unit
    return fold(unit).lower().split()[0] if unit else None


def states_count(analysis: QuestionAnalysis, text: str) -> bool:
    """The text gives a number of the asked noun (its head right after the number, or
    the noun before "là"/"đạt"/":" and a number), of money or of a percentage as asked."""
    head = unit_head(analysis)
    if head is None:
        return False
    words = _words(text)
    if head in ("phan", "ty") or "%" in analysis.counted.alternatives:
        return re.search(rf"{_NUMBER}\s*%|{_NUMBER} phan tram", words) is not None
    if head in ("dong", "tien"):
        return re.search(rf"{_NUMBER} (?:{'|'.join(MONEY)})\b", words) is not None
    after = rf"{_NUMBER} (?:[^\W\d]+ ){{0,{NOUN_WINDOW - 1}}}{re.escape(head)}\b"
    before = rf"\b{re.escape(head)} {_LINK}{_NUMBER}"
    return re.search(after, words) is not None or re.search(before, words) is not None


def unit_share(analysis: QuestionAnalysis, text: str) -> float:
    """Share of the counted noun's words the text holds: "vụ phạm tội về trật tự xã hội"
    is better matched by "42 vụ phạm tội về trật tự xã hội" than by "90 vụ vi phạm"."""
    unit = analysis.counted.unit
    if not unit:
        return 0.0
    head = unit_head(analysis)
    if head in ("phan", "ty", "dong", "tien") or "%" in analysis.counted.alternatives:
        return 1.0 if states_count(analysis, text) else 0.0  # the unit is the number's own
    asked = set(fold(unit).lower().split())
    return len(asked & set(_words(text).split())) / len(asked)
