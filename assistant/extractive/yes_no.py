""" "… có giảm không?": "Có" or "Không" only when the quoted clause says so.

The question's predicate is the word it asks about, right after "có" ("có giảm", "có yêu
cầu"), with the next one after an auxiliary ("có được hưởng", "có bị phạt"). The first quote
answers "Có" when it states that predicate, "Không" when it states it negated ("không giảm",
"chưa yêu cầu"); when it does neither the quote stands alone: a verdict the clause does not
state would be the assistant's, not the document's.

Asked whether something happened at all ("có vụ cháy nào không"), the predicate is the
thing counted: "Không" where the clause says it did not happen ("không xảy ra cháy, nổ"),
"Có" where it counts it ("xảy ra 01 vụ cháy").
"""

from __future__ import annotations

import re

from assistant.extractive.question import QuestionAnalysis, QuestionType
from index.vietnamese import fold

_PREDICATE_RE = re.compile(r"\bco (?:phai )?(\w+)(?: (\w+))?\b.*\bkhong\W*$")
# Words that only carry the predicate after them: "có được hưởng", "có bị phạt".
_AUXILIARIES = frozenset({"duoc", "bi", "can", "nen", "the", "phai"})
_NEGATION = r"(?:khong|chua|chang)"
# Where the asked object ends ("nào", "không", a place or a time), and words inside it that
# only count or particle the verb ("xảy ra vụ cháy"), folded.
_OBJECT_END = frozenset(
    ("nao", "gi", "khong", "chua", "trong", "tai", "o", "tren", "so", "voi", "nam", "quy",
     "thang", "dip", "khi", "hay", "hoac", "theo", "cua")
)  # fmt: skip
_OBJECT_FILLERS = frozenset(("ra", "len", "vu", "cac", "nhung", "mot", "duoc", "bi"))
NEGATION_REACH = 2  # words between a negation and the predicate it negates ("không được giảm")


def _object_of(rest: str) -> str | None:
    """The last word of what the predicate is asked of, up to "nào"/"không" or a phrase of
    place or time: "xảy ra vụ cháy nào" -> "chay"; None when nothing follows."""
    words = []
    for word in re.findall(r"\w+", rest):
        if word in _OBJECT_END or word[:1].isdigit():
            break
        if word not in _OBJECT_FILLERS:
            words.append(word)
    return words[-1] if words else None


def verdict(analysis: QuestionAnalysis, clause: str, of_asked: bool = False) -> str | None:
    """ "Có", "Không" or None for the first quoted clause of a yes/no question. `of_asked`:
    the clause is known to be of what the predicate is asked of (a targets table's verdict
    cell in the row naming the target: "có đạt chỉ tiêu X không" -> "Chưa đạt")."""
    if analysis.type != QuestionType.YES_NO:
        return None
    match = _PREDICATE_RE.search(fold(analysis.text).lower())
    if match is None:
        return None
    first, second = match.groups()
    predicate = f"{first} {second}" if first in _AUXILIARIES and second else first
    said = " ".join(re.findall(r"\w+", fold(clause).lower()))
    if first in _COUNTERS:
        return _happened(fold(analysis.text).lower()[match.start(1) :], said)
    if not re.search(rf"\b{predicate}\b", said):
        return None
    thing = _object_of(fold(analysis.text).lower()[match.end(2 if second else 1) :])
    if thing is not None and not of_asked and not re.search(rf"\b{thing}\b", said):
        return None  # "có xảy ra vụ cháy": a clause where a TNGT "xảy ra" does not say
    negated = rf"\b{_NEGATION}(?: \w+){{0,{NEGATION_REACH - 1}}} {predicate}\b"
    return "Không" if re.search(negated, said) else "Có"


def asks_happened(analysis: QuestionAnalysis) -> bool:
    """ "Tháng 10 xã A có vụ cháy nào không?": whether something happened at all."""
    if analysis.type != QuestionType.YES_NO:
        return False
    match = _PREDICATE_RE.search(fold(analysis.text).lower())
    return match is not None and match.group(1) in _COUNTERS


# Counters after "có" ask whether something happened at all: "có vụ cháy nào không", "có
# trường hợp nào vi phạm không" (folded).
# (Not "có ai chết ... không", "có người ...": a report tells deaths of many periods, and
# which one the question's occasion is, is not read here.)
_COUNTERS = frozenset(("vu", "truong", "doi", "diem"))
HAPPENED_REACH = 4  # words between a negation and the thing ("không xảy ra vụ cháy")


def _happened(rest: str, said: str) -> str | None:
    """ "Không" when the clause says the thing asked did not happen ("không xảy ra cháy,
    nổ"), "Có" when it counts it ("xảy ra 01 vụ cháy"), None when it does not name it."""
    counted = re.sub(r"^(?:\w+ )?(?:hop |tuong )?(?:nao )?", "", rest)  # "vụ (nào)", "trường hợp"
    thing = _object_of(counted)
    if thing is None or not re.search(rf"\b{thing}\b", said):
        return None
    # ("chưa" folds as the "chữa" of "chữa cháy": a negation of happening only)
    denied = rf"\b{_NEGATION} (?:xay ra|co|phat sinh|phat hien)\b(?: \w+){{0,{HAPPENED_REACH}}}"
    if re.search(rf"{denied} {thing}\b", said):
        return "Không"
    return "Có" if re.search(r"\d", re.sub(r"^\d+ ", "", said)) else None  # (not "6. Phòng cháy")
