"""Whether a sentence holds what a question asks for: a number of the asked unit, a date,
a person's name, a body's name, a definition, a list.

Each check returns a strength in [0, 1]; 0 means the sentence cannot be the answer of that
type, which is what lets the answerer say "the documents do not say" rather than quote a
sentence that merely shares words with the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon import AUTHORITY_ASKED, CLASSIFIERS, NAME_WORD, NUMBER_WORDS, PERSON_TITLES
from assistant.question import QuestionAnalysis, QuestionType, comparable
from assistant.sentences import ITEM_MARKER_RE
from index.vietnamese import NUMBER_RE, TOKEN_RE, canonical, fold, fold_syllable

_PERSON_RE = re.compile(
    rf"\b(?i:{'|'.join(sorted(PERSON_TITLES, key=len, reverse=True))})\s+"
    rf"({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
)
_AUTHORITY_RE = re.compile(
    r"\b(?:Bộ(?! luật)|Chính phủ|Thủ tướng|Tòa án|Toà án|Ủy ban|Uỷ ban|Ban|Quốc hội|Nhà nước|"
    r"Viện kiểm sát|Hội đồng|Công an|Sở|Cục|Công chứng viên|Người đứng đầu|Lực lượng)\b"
    r"|\b(?:cơ quan|tổ chức|người|lực lượng|chủ sở hữu|bên)\s+\w+"
)
_FULL_DATE_RE = re.compile(
    r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}\b|\bngày \d{1,2} tháng \d{1,2}"
)
_PARTIAL_DATE_RE = re.compile(r"\btháng \d{1,2}\s*[/-]\s*\d{4}\b|\b(?:năm|quý [IV]+ ?-?) ?\d{4}\b")
_TIME_WORDS_RE = re.compile(
    r"\b(?:kể từ|từ) (?:ngày|thời điểm|khi)\b|\bthời điểm\b|\btrước khi\b|\bsau khi\b|\bkhi\b"
)
_ARTICLE_NUMBER_RE = re.compile(
    r"\b(?:điều|khoản|điểm|chương|mục)\s+\d+|\bthứ \d+|^\d+\.", re.IGNORECASE
)
_PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s?%")
MAX_CLASSIFIER_GAP = 2  # words allowed between a number and its unit: "30 đồng chí cán bộ"
_DEFINITION_RE = re.compile(r"^(?:\d+\.\s*|[a-zđ]\)\s*)?([^,;:]{2,90}?)\s+là\s+")
_LIST_RE = re.compile(r"\b(?:bao gồm|gồm|sau đây|như sau|như:)", re.IGNORECASE)


@dataclass(frozen=True)
class ClauseTokens:
    """A clause's syllables in canonical form and in the question's form, aligned."""

    canonical: tuple[str, ...]
    compared: tuple[str, ...]  # canonical, or folded for a question typed without diacritics


@lru_cache(maxsize=8192)
def clause_tokens(text: str, folded: bool) -> ClauseTokens:
    words = tuple(TOKEN_RE.findall(canonical(text)))
    compared = tuple(comparable(fold_syllable(w) if folded else w) for w in words)
    return ClauseTokens(words, compared)


def _number_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) token ranges of numbers: "1.908", "03", "ba mươi", "một phần hai"."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if NUMBER_RE.fullmatch(words[i]):
            runs.append((i, i + 1))
            i += 1
            continue
        j = i
        while j < len(words) and words[j] in NUMBER_WORDS:
            j += 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _unit_match(tokens: ClauseTokens, after: int, unit: Sequence[str]) -> float:
    """How much of `unit` follows the number ending at `after`; a classifier may stand
    between ("2.000 đồng chí Công an xã"), at a small cost."""
    best = 0.0
    for gap in range(MAX_CLASSIFIER_GAP + 1):
        start = after + gap
        if start >= len(tokens.compared) or (
            gap and tokens.canonical[start - 1] not in CLASSIFIERS
        ):
            break
        matched = 0
        while matched < len(unit) and start + matched < len(tokens.compared):
            if tokens.compared[start + matched] != unit[matched]:
                break
            matched += 1
        if matched:
            # The head of a long counted phrase is enough: "46 mô hình" for "mô hình phong trào".
            share = 1.0 if matched == len(unit) or matched >= 2 else 0.5
            best = max(best, share * (1.0 - 0.15 * gap))
    return best


def count_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """A number followed by the counted unit (1.0), a number near it, or any number."""
    tokens = clause_tokens(text, analysis.form == "folded")
    if analysis.unit_before_number:
        pattern = rf"\b{re.escape(analysis.unit_before_number)} \d+"
        return 1.0 if re.search(pattern, " ".join(tokens.compared)) else 0.0
    units = [
        u.split() for u in ((analysis.unit,) if analysis.unit else ()) + analysis.unit_alternatives
    ]
    if "%" in analysis.unit_alternatives and _PERCENT_RE.search(text):
        return 1.0
    runs = [r for r in _number_runs(tokens.canonical) if not _is_label(tokens.canonical, r)]
    if not runs:
        return 0.0
    if not units:
        return 0.6
    best = max(
        (_unit_match(tokens, end, unit) for _, end in runs for unit in units if unit), default=0.0
    )
    if best == 0.0 and any(u and u[0] in tokens.compared for u in units):
        return 0.25  # a number and the unit, not together
    return best if best else 0.1


def unit_values(analysis: QuestionAnalysis, text: str) -> list[float]:
    """Values of the numbers written in digits that the asked unit follows ("07 năm" -> 7)."""
    tokens = clause_tokens(text, analysis.form == "folded")
    units = [
        u.split() for u in ((analysis.unit,) if analysis.unit else ()) + analysis.unit_alternatives
    ]
    values = []
    for start, end in _number_runs(tokens.canonical):
        word = tokens.canonical[start]
        digits = end - start == 1 and re.fullmatch(r"\d+(?:\.\d{3})*", word)
        if digits and any(unit and _unit_match(tokens, end, unit) > 0 for unit in units):
            values.append(float(word.replace(".", "")))
    return values


def _is_label(words: Sequence[str], run: tuple[int, int]) -> bool:
    """True for "Điều 12", "khoản 2", "năm 2019", "3/2019": numbers that count nothing."""
    start, end = run
    previous = words[start - 1] if start else ""
    if previous in {"điều", "khoản", "điểm", "chương", "mục", "năm", "tháng", "ngày", "số", "thứ"}:
        return True
    return bool(end - start == 1 and re.fullmatch(r"\d+/\d{4}|\d+/\d+/\d+", words[start]))


def time_evidence(analysis: QuestionAnalysis, text: str) -> float:
    if _FULL_DATE_RE.search(text):
        return 1.0
    if _PARTIAL_DATE_RE.search(canonical(text)):
        return 0.8
    # "khi"/"thời điểm" also open conditions ("khi có yêu cầu"): weak evidence of a time.
    return 0.1 if _TIME_WORDS_RE.search(canonical(text)) else 0.0


def person_evidence(analysis: QuestionAnalysis, text: str) -> float:
    if _PERSON_RE.search(text):
        return 1.0
    return 0.5 if re.search(r"\blà người\b|\bngười\b", canonical(text)) else 0.0


def which_evidence(analysis: QuestionAnalysis, text: str) -> float:
    noun = analysis.asked_noun
    if not noun:
        return 0.0
    if fold(noun) == "dieu":
        return 1.0 if _ARTICLE_NUMBER_RE.search(text) else 0.0
    if fold(noun) in {fold(n) for n in AUTHORITY_ASKED}:
        return 1.0 if _AUTHORITY_RE.search(text) else 0.2
    # "Đề án nào ...?" is answered by an item that names one: "a) Đề án nâng cấp ...".
    opening = clause_tokens(ITEM_MARKER_RE.sub("", text, count=1)[:60], analysis.form == "folded")
    return 0.7 if " ".join(opening.compared).startswith(noun) else 0.0


def definition_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """The clause defines the asked term: "X là ..." with X the question's subject."""
    match = _DEFINITION_RE.match(text)
    if not match:
        return 0.2 if " là " in text else 0.0
    if not analysis.subject:
        return 0.6
    folded = analysis.form == "folded"
    defined = " ".join(clause_tokens(match.group(1), folded).compared)
    subject = " ".join(clause_tokens(analysis.subject, folded).compared)
    if defined == subject:
        return 1.0
    return 0.5 if subject in defined or defined in subject else 0.2


def list_evidence(analysis: QuestionAnalysis, text: str) -> float:
    if text.endswith(":"):
        return 1.0
    return 0.7 if _LIST_RE.search(text) else 0.0


def topic_evidence(analysis: QuestionAnalysis, text: str) -> float:
    return 0.5 if re.search(r"\b(?:về|nhằm|để|mục đích)\b", canonical(text)) else 0.0


_CHECKS: dict[QuestionType, Callable[[QuestionAnalysis, str], float]] = {
    QuestionType.COUNT: count_evidence,
    QuestionType.TIME: time_evidence,
    QuestionType.PERSON: person_evidence,
    QuestionType.WHICH: which_evidence,
    QuestionType.DEFINITION: definition_evidence,
    QuestionType.LIST: list_evidence,
    QuestionType.TOPIC: topic_evidence,
}


def asked_evidence(analysis: QuestionAnalysis, text: str) -> float | None:
    """Strength of what the question type asks for in `text`; None when the type has no check."""
    check = _CHECKS.get(analysis.type)
    return None if check is None else check(analysis, text)
