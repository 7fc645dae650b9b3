"""A rate asked beside the rate it replaced: "mức hỗ trợ X theo nghị quyết mới so với nghị
quyết cũ".

A resolution that raises an allowance gives the new rate in its table and the old one in
prose, where it repeals its predecessor ("thay thế Nghị quyết số 05/2019/NQ-HĐND, theo đó
mức hỗ trợ ... là 100.000 đồng/người/ngày"). The question is answered in two parts: the new
rate (the question without its comparison, answered as any rate is) and the sentence that
states the former rate of the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.extractive.counting import AMOUNT_WORDS
from assistant.extractive.question import MAX_QUESTION_CHARS, QuestionAnalysis
from assistant.extractive.sentences import Clause
from index.vietnamese import fold

if TYPE_CHECKING:
    from assistant.extractive.passage_views import PassageView

# "..., so với nghị quyết cũ", "so với mức cũ thế nào", "so với NQ 05/2019 cũ", "so với phụ
# cấp ... trước đây", "so với NQ 05/2019" (folded): the comparison with what was in force
# before, called old or named by its number.
_COMPARED_WITH_FORMER_RE = re.compile(
    r"\s*[,;:]?\s*(?:so (?:voi|sanh voi)|con) "
    r"(?P<former>(?:(?!\bso voi\b)[^?])*?(?:\b(?:cu|truoc day|truoc kia)\b"
    r"|\b(?:nghi quyet|nq|quyet dinh|qd)(?: so)? \d+/(?:19|20)\d{2}\b))[^?]*"
)
# ... or asked apart after the rate: "..., mức cũ là bao nhiêu?", "..., còn mức trước đây?".
_FORMER_ASKED_APART_RE = re.compile(
    r"\s*[,;:]\s*(?:con |va )?(?P<former>(?:muc|nghi quyet|nq) (?:cu|truoc day|truoc kia)"
    # "..., trước đây là bao nhiêu?", "..., trước đây bao nhiêu?"
    r"|truoc (?:day|kia) (?:la|duoc|thi|(?=bao nhieu)))\b[^?]*"
)
# How two rates differ, asked after naming both (folded): "khác nhau thế nào", "chênh nhau
# bao nhiêu", "thay đổi ra sao".
_DIFFER = r"(?:\s+(?:khac nhau|chenh(?: lech)?(?: nhau)?|thay doi))?"
_ASKING = r"(?:\s+(?:la |deu )?(?:bao nhieu|the nao|ra sao|nhu the nao))?\W*$"
# ... or both asked together at the end: "mức chi ... mới và cũ", "... cũ và mới", "...: mức
# mới, mức cũ?".
# (the rate or the resolution named: "theo nghị quyết mới và nghị quyết cũ")
_EITHER = r"(?:theo )?(?:(?:muc|nq|nghi quyet|quy dinh) )?"
_NEW_AND_OLD_RE = re.compile(
    rf"\s*[,;:]?\s+(?P<former>{_EITHER}"
    rf"(?:moi (?:va |, ?){_EITHER}cu|cu (?:va |, ?){_EITHER}moi))"
    # ... and the asking words after it: "... mới và cũ là bao nhiêu", "... cũ và mới
    # chênh nhau thế nào"
    rf"{_DIFFER}{_ASKING}"
)
# ... or before and after the new resolution, named by its number: "mức X trước và sau NQ
# 08/2030 khác nhau thế nào" (the rate asked is the one it set).
_BEFORE_AND_AFTER_RE = re.compile(
    r"\s+truoc va sau (?P<former>(?P<new>(?:nghi quyet|nq|quyet dinh|qd)(?: so)? \d+/(?:19|20)\d{2}"
    rf"[\w/-]*)){_DIFFER}{_ASKING}"
)
# ... or how it rose: "mức X tăng từ bao nhiêu lên bao nhiêu".
_RISEN_RE = re.compile(
    r"\s+(?P<former>(?:tang|giam|nang) tu bao nhieu (?:len|xuong) bao nhieu)\W*$"
)
# ... or the comparison put first: "So với NQ 05/2027, mức X thay đổi thế nào?", "So với
# nghị quyết cũ thì mức X tăng ra sao?" (the rest asks the rate, then how it changed).
_FRONTED_FORMER_RE = re.compile(
    r"^\W*so (?:voi|sanh voi) (?P<former>[^,?]*?(?:\b(?:cu|truoc day|truoc kia)\b"
    r"|\b(?:nghi quyet|nq|quyet dinh|qd)(?: so)? \d+/(?:19|20)\d{2}\b)[^,?]*?)(?:\s*,\s*|\s+thi\s+)"
)
_CHANGE_ASKED_RE = re.compile(
    r"\s+(?:da |duoc )?(?:thay doi|tang|giam|khac(?: nhau)?|chenh(?: lech)?(?: nhau)?)"
    r"(?:\s+(?:the nao|ra sao|nhu the nao|bao nhieu))?\W*$"
)
# What the former thing must be for a rate to be compared: a resolution, a rate, an allowance.
_FORMER_RATE_RE = re.compile(r"\b(?:nq|nghi quyet|muc|quy dinh|phu cap|che do|dinh muc)\b")
# A rate asked (folded): "mức hỗ trợ", "được bồi dưỡng", "phụ cấp" (not "mức 2", a level).
RATE_ASKED_RE = re.compile(r"\b(?:muc(?! \d)|ho tro|boi duong|phu cap|tro cap)\b")
# A sentence repealing the former resolution (folded), after which the next may give its
# rates: "thay thế Nghị quyết số ...", "bãi bỏ Quyết định ...", "bãi bỏ điểm a khoản 2 Điều
# 1 Nghị quyết ...", "hết hiệu lực".
_REPEALS = (
    r"\b(?:thay the|bai bo) (?:cac )?(?:(?:diem|khoan|dieu) \w+ )*(?:nghi quyet|nq|quyet dinh)\b"
    r"|\bhet hieu luc\b"
)
_REPEALS_RE = re.compile(_REPEALS)
# A sentence telling what was in force before: it repeals the old resolution, names it
# ("Theo Nghị quyết số ...", "So với Nghị quyết số ..."), or calls a rate old (read with its
# marks: "cư trú" is no "cũ").
_FORMER_RE = re.compile(
    rf"\b(?:truoc day|truoc kia)\b|\b(?:theo|so voi) nghi quyet so\b|{_REPEALS}"
)
_OLD_RE = re.compile(r"(?<!\w)cũ(?!\w)")
# An amount of money (folded): "900.000 đồng", "1,5 triệu", "2 tỷ".
MONEY_RE = re.compile(rf"\d[\d.,]*\s*{AMOUNT_WORDS}\b")
# ... or a share: "100.000 đ", "30% giá mua".
_AMOUNT_RE = re.compile(rf"{MONEY_RE.pattern}|\d[\d.,]*\s*(?:d\b|%)")
# Words every rate question has, which name no row nor tell one rate from another.
RATE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "muc ho tro boi duong phu cap tro cap chi theo nghi quyet nq moi cu hien hanh so voi "
        "la bao nhieu duoc nao the ra sao chenh",
    )
)


def split_former(question: str) -> str | None:
    """The question without its comparison with the former rate, or None when it does not
    compare a rate with the one in force before."""
    if len(question) > MAX_QUESTION_CHARS:
        return None
    folded = fold(question).lower()
    found = _FRONTED_FORMER_RE.match(folded)
    if found is not None:
        changed = _CHANGE_ASKED_RE.search(folded, found.end())
        end = changed.start() if changed is not None else len(question)
        head = question[found.end() : end].rstrip(" ?.!")
    else:
        found = (
            _COMPARED_WITH_FORMER_RE.search(folded)
            or _FORMER_ASKED_APART_RE.search(folded)
            or _NEW_AND_OLD_RE.search(folded)
            or _BEFORE_AND_AFTER_RE.search(folded)
            or _RISEN_RE.search(folded)
        )
        if found is None:
            return None
        head = question[: found.start()].rstrip(" ,;:")
        if "new" in found.re.groupindex:  # "trước và sau NQ 08/2030": the rate it set
            head += " theo " + question[found.start("new") : found.end("new")]
    asked = fold(head).lower()
    # A rate asked is compared with what was paid before, however that is named ("so với
    # tổ viên bảo vệ dân phố trước đây"); "được bao nhiêu" only with a former rate named.
    named = _FORMER_RATE_RE.search(found["former"]) is not None
    if not (RATE_ASKED_RE.search(asked) or ("duoc bao nhieu" in asked and named)):
        return None
    return head + "?"


def former_sentences(clauses: Sequence[Clause]) -> list[list[int]]:
    """The sentences (as their clauses' indices) that tell a rate in force before: they
    hold an amount and name the former resolution or rate, or follow the sentence that
    repeals it ("... thay thế Nghị quyết số 05/2019/NQ-HĐND. Theo đó, mức ...")."""
    sentences: dict[int, list[int]] = {}
    for index, clause in enumerate(clauses):
        sentences.setdefault(clause.sentence_start, []).append(index)
    found = []
    previous = ""
    for _, indices in sorted(sentences.items()):
        written = " ".join(clauses[i].text for i in indices)
        text = fold(written).lower()
        if "|" in text:  # a table's row gives the rates in force
            previous = ""
            continue
        former = _FORMER_RE.search(text) or _OLD_RE.search(written.lower())
        if _AMOUNT_RE.search(text) and (former or _REPEALS_RE.search(previous)):
            found.append(indices)
        previous = text
    return found


def former_rate_clauses(
    analysis: QuestionAnalysis,
    views: Sequence[PassageView],
    source: str,
    current: str = "",
) -> list[tuple[PassageView, int]]:
    """The sentence of the document `source` telling the former rate of what the question
    asks, as its clauses: of the sentences telling a former rate, the one sharing most of
    the asked thing's words ("tổ phó", "tuần tra ban đêm"), or the only one when none
    shares any. A sentence whose every amount is one of the `current` answer's tells the
    new rate ("mức cũ quá thấp; việc nâng mức lên 40.000 đồng ..."), not the former. Empty
    when there is none."""
    asked = {fold(term).lower() for term in analysis.terms} - RATE_WORDS
    new_amounts = set(MONEY_RE.findall(fold(current).lower()))
    found: list[tuple[bool, int, int, list[tuple[PassageView, int]]]] = []
    for view in views:
        if view.passage.source != source:
            continue
        for indices in former_sentences(view.clauses):
            text = fold(" ".join(view.clauses[i].text for i in indices)).lower()
            amounts = set(MONEY_RE.findall(text))
            if amounts and amounts <= new_amounts:
                continue
            shared = len(asked & set(re.findall(r"\w+", text)))
            # An allowance is paid in money: a sentence giving only a share ("1.486 người
            # trước đây là ... (chiếm 66,67%)") tells who served before, not what they got.
            paid = MONEY_RE.search(text) is not None
            start = -view.clauses[indices[0]].start
            found.append((paid, shared, start, [(view, i) for i in indices]))
    if not found:
        return []
    _, shared, _, clauses = max(found, key=lambda f: f[:3])
    if shared == 0 and len(found) > 1:
        return []
    return clauses
