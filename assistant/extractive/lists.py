""" "Những mô hình nào ...?": a list of named things, each from the clause that names it.

A list question about things that have names ("mô hình “Vì bình yên biên giới”", "phong trào
“Ngày hội toàn dân”") is answered by the clauses that name one each, not by the sentence
saying there are many: the listed noun is read from the question (the words after "những"),
and every clause giving that noun a quoted name is a part of the answer, best first, one per
name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.extractive.candidates import Candidate
from assistant.extractive.question import QuestionAnalysis, QuestionType
from index.vietnamese import canonical, fold

# "những mô hình tự quản nào", "các phong trào gì": the listed noun's first two words.
_LISTED_RE = re.compile(r"\b(?:những|các) (\w+(?: \w+)?)")
_LISTED_FOLDED_RE = re.compile(r"\b(?:nhung|cac) (\w+(?: \w+)?)")
# A name in quotes after the noun: mô hình "Họ Đặng tự quản", mô hình “Tiếng kẻng an ninh”.
NAME_REACH = 4  # words between the noun and its quoted name ("mô hình tự quản “…”")
_QUOTED = r"[\"“]([^\"“”]{3,80})[\"”]"


def listed_noun(analysis: QuestionAnalysis) -> str | None:
    """The noun a list question lists, in the question's form: "mô hình"."""
    if analysis.type != QuestionType.LIST:
        return None
    normal = fold(analysis.text) if analysis.form == "folded" else canonical(analysis.text)
    pattern = (
        _LISTED_RE if analysis.form != "folded" else re.compile(r"\b(?:nhung|cac) (\w+(?: \w+)?)")
    )
    match = pattern.search(normal.lower())
    return match.group(1) if match else None


def named_parts(
    analysis: QuestionAnalysis,
    candidates: Sequence[Candidate],
    allowed: Callable[[Candidate], bool],
    limit: int,
) -> list[Candidate]:
    """The best clause naming each distinct thing of the listed noun, best first; empty
    when fewer than two are named (the question is then answered as any other)."""
    noun = listed_noun(analysis)
    if noun is None:
        return []
    form = fold if analysis.form == "folded" else canonical
    naming = re.compile(
        rf"\b{re.escape(noun)}\b(?: \w+){{0,{NAME_REACH}}}? ?{_QUOTED}", re.IGNORECASE
    )
    parts: dict[str, Candidate] = {}
    for candidate in candidates:
        match = naming.search(form(candidate.clause.text))
        if match is None or not allowed(candidate):
            continue
        name = fold(match.group(1)).lower().strip()
        parts.setdefault(name, candidate)
    return list(parts.values())[:limit] if len(parts) >= 2 else []
