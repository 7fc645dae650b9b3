"""Who led it, in police news: "Ai cầm đầu đường dây ...?" is answered by the clause
saying who led ("... do Trần Văn A cầm đầu"), with the person's full name where that
clause gives only the given name ("A khai nhận là người cầm đầu" after "Trần Văn A (SN
1990, ...)"): the clause scoring would rather quote the article's opening, which repeats
more of the question's words.
"""

from __future__ import annotations

import re

from assistant.extractive.lexicon import NAME_WORD, NAMED_PERSON_RE, PERSON_RE
from assistant.extractive.passage_views import PassageView
from assistant.extractive.question import QuestionAnalysis, QuestionType
from index.vietnamese import fold

# The roles asked of one person (folded): who led, masterminded or ran it.
LEADING_ROLES = ("cam dau", "chu muu", "dung dau", "cam trich", "dieu hanh")
# ... or a meeting: who chaired it, who took the minutes ("- Chủ trì: ông A, ...").
MEETING_ROLES = ("chu tri", "chu toa", "thu ky")
_ROLES = (*LEADING_ROLES, *MEETING_ROLES)
_ROLE_ASKED_RE = re.compile(rf"\bai (?:la |lam )?(?:nguoi )?({'|'.join(_ROLES)})\b")
# ... or the one in the role asked by name: "Đối tượng cầm đầu ... tên là gì?", "người chủ
# mưu ... là ai".
_ROLE_NAMED_RE = re.compile(
    rf"\b(?:doi tuong|nguoi|ke|tay) ({'|'.join(LEADING_ROLES)})\b.*\b(?:ten (?:la )?gi|la ai)\b"
)
# A person named by the given name alone, as news goes on after the first mention:
# "Hùng khai nhận ...", "... đối tượng Hùng".
_GIVEN_NAME_RE = re.compile(rf"(?:^|\bđối tượng\s+)({NAME_WORD})\b(?!\s+{NAME_WORD})")

ClauseRef = tuple[PassageView, int]


def asked_role(analysis: QuestionAnalysis) -> str | None:
    """The role a "who" question asks ("cam dau" for "Ai cầm đầu ...?", "Đối tượng cầm đầu
    ... tên gì?"), folded."""
    folded = fold(analysis.text).lower()
    named = _ROLE_NAMED_RE.search(folded)
    if named is not None:
        return named.group(1)
    if analysis.type != QuestionType.PERSON:
        return None
    match = _ROLE_ASKED_RE.search(folded)
    return match.group(1) if match else None


def _names_someone(text: str) -> bool:
    return bool(PERSON_RE.search(text) or NAMED_PERSON_RE.search(text))


def leader_clauses(role: str, views: list[PassageView]) -> list[ClauseRef]:
    """The first clause (in rank order) holding the role and a person: with a full name,
    that clause; with a given name alone, the clause first naming that person in full
    before it. Else the first clause holding the role; empty when none does."""
    holding: list[ClauseRef] = []
    for view in views:
        if not view.eligible:
            continue
        for index, clause in enumerate(view.clauses):
            if role not in fold(clause.text).lower():
                continue
            if _names_someone(clause.text):
                return [(view, index)]
            if role in MEETING_ROLES:
                continue  # "Sở A chủ trì ...": a body leading a task, no person in the chair
            holding.append((view, index))
            given = _GIVEN_NAME_RE.search(clause.text.strip())
            first = _first_full_mention(given.group(1), (view, index), views) if given else None
            if first is not None:
                return [first, (view, index)]
    return holding[:1]


def _first_full_mention(given: str, told: ClauseRef, views: list[PassageView]) -> ClauseRef | None:
    """The clause of the same document naming in full a person of this given name, the
    earliest before the clause `told`."""
    source, start = told[0].passage.source, told[0].clauses[told[1]].start
    found: list[tuple[int, ClauseRef]] = []
    for view in views:
        if view.passage.source != source:
            continue
        for index, clause in enumerate(view.clauses):
            if clause.start >= start:
                continue
            for match in NAMED_PERSON_RE.finditer(clause.text):
                if (match.group(1) or match.group(2)).split()[-1] == given:
                    found.append((clause.start, (view, index)))
    return min(found, key=lambda item: item[0])[1] if found else None
