"""Whether a sentence holds what a question asks for: a number of the asked unit, a date,
a person's name, a body's name, a definition, a list.

Each check returns a strength in [0, 1]; 0 means the sentence cannot be the answer of that
type, which is what lets the answerer say "the documents do not say" rather than quote a
sentence that merely shares words with the question.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.extractive.lexicon import (
    ARTICLE_NUMBER_RE,
    AUTHORITY_ASKED,
    AUTHORITY_RE,
    BODY_RE,
    CLASSIFIERS,
    CONDITION_MARKER,
    CONSEQUENCE_MARKER,
    DEFINITION_RE,
    FULL_DATE_RE,
    LIST_RE,
    MEASURE_ASKED,
    MINISTRY_RE,
    MOMENT,
    NUMBER_WORDS,
    PARTIAL_DATE_RE,
    PENALTY_ASKED,
    PENALTY_RE,
    PERCENT_RE,
    PERSON_RE,
    PLACE_NOUNS,
    PLACES_LISTED_RE,
    ROLE_RE,
    STATED_BOUNDS,
    STOP_WORDS,
    TARGET_NAMED_RE,
    TASK_VERBS,
    TIME_WORDS_RE,
)
from assistant.extractive.question import QuestionAnalysis, QuestionType, comparable
from assistant.extractive.scoring import PARAMETERS
from assistant.extractive.sentences import ITEM_MARKER_RE
from index.vietnamese import NUMBER_RE, TOKEN_RE, canonical, fold, fold_syllable

FORMULA = ("theo tỉ lệ", "tương ứng", "bằng")
STRENGTH = PARAMETERS.evidence  # the graded strengths below 1, each documented there


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
    for gap in range(STRENGTH.max_classifier_gap + 1):
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
            share = 1.0 if matched == len(unit) or matched >= 2 else STRENGTH.unit_head_share
            best = max(best, share * (1.0 - STRENGTH.classifier_gap_cost * gap))
    return best


def count_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """A number followed by the counted unit (1.0), a number near it, or any number; a bit
    more when the clause states the bound asked for ("tối đa", "không quá", "ít nhất")."""
    text = ITEM_MARKER_RE.sub("", text, count=1)  # "2." numbers a clause, counts nothing
    evidence = _count_evidence(analysis, text)
    if evidence < STRENGTH.formula and _states_formula(analysis, text):
        evidence = STRENGTH.formula
    stated = STATED_BOUNDS.get(analysis.bound or "")
    if evidence and stated and re.search(stated, canonical(text)):
        evidence = min(1.0, evidence + STRENGTH.stated_bound_bonus)
    return evidence


def _states_formula(analysis: QuestionAnalysis, text: str) -> bool:
    """The clause gives the asked amount as a rule rather than a number: "số ngày nghỉ hằng
    năm theo tỷ lệ tương ứng với số tháng làm việc", "mức lương bằng ..."."""
    if not analysis.unit:
        return False
    folded = analysis.form == "folded"
    words = " ".join(clause_tokens(text, folded).compared)
    form = fold if folded else str
    rule = "|".join(form(words) for words in FORMULA)
    pattern = rf"\b(?:{form('số')}|{form('mức')}) {re.escape(analysis.unit)}\b.* (?:{rule})\b"
    return re.search(pattern, words) is not None


def _count_evidence(analysis: QuestionAnalysis, text: str) -> float:
    target = TARGET_NAMED_RE.search(fold(analysis.text).lower())
    if analysis.unit and "%" not in analysis.unit_alternatives and target is None:
        # "100% vụ cháy được phát hiện", "giảm 20% số vụ": a share of the noun counted, no
        # number of it (but what a target asks: "mục tiêu 100% xã có tổ"; nor what was
        # reached asked with no noun: "đạt được bao nhiêu")
        text = PERCENT_RE.sub(" ", text)
    tokens = clause_tokens(text, analysis.form == "folded")
    if analysis.unit_before_number:
        pattern = rf"\b{re.escape(analysis.unit_before_number)} \d+"
        return 1.0 if re.search(pattern, " ".join(tokens.compared)) else 0.0
    units = [
        u.split() for u in ((analysis.unit,) if analysis.unit else ()) + analysis.unit_alternatives
    ]
    if "%" in analysis.unit_alternatives and PERCENT_RE.search(text):
        return 1.0
    runs = [r for r in _number_runs(tokens.canonical) if not _is_label(tokens.canonical, r)]
    if not runs:
        return 0.0
    if not units:
        return STRENGTH.any_number
    best = max(
        (_unit_match(tokens, end, unit) for _, end in runs for unit in units if unit), default=0.0
    )
    if best == 0.0 and any(u and u[0] in tokens.compared for u in units):
        return STRENGTH.number_apart_from_unit
    return best if best else STRENGTH.number_without_unit


def unit_values(analysis: QuestionAnalysis, text: str) -> list[float]:
    """Values of the numbers written in digits that the asked unit follows ("07 năm" -> 7)."""
    text = ITEM_MARKER_RE.sub("", text, count=1)
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


# An hour of the day: "6 giờ 30", "16h30", "22 giờ".
_HOUR_RE = re.compile(r"\b\d{1,2} ?(?:giờ|h)(?: ?\d{2})?\b")
_ASKS_HOUR_RE = re.compile(r"\bgio nao\b")


def time_evidence(analysis: QuestionAnalysis, text: str) -> float:
    if _ASKS_HOUR_RE.search(fold(analysis.text).lower()):  # "vào khung giờ nào": an hour
        if _HOUR_RE.search(text):
            return 1.0
        return STRENGTH.partial_date if FULL_DATE_RE.search(text) else 0.0
    if FULL_DATE_RE.search(text):
        return 1.0
    if PARTIAL_DATE_RE.search(canonical(text)):
        return STRENGTH.partial_date
    # "khi"/"thời điểm" also open conditions ("khi có yêu cầu"): weak evidence of a time.
    return STRENGTH.time_word if TIME_WORDS_RE.search(canonical(text)) else 0.0


def person_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """A named person (1.0), a body ("Nhà nước", "Tòa án"), a role ("người", "cha, mẹ")."""
    if PERSON_RE.search(text):
        return 1.0
    if BODY_RE.search(text):
        return STRENGTH.body
    return STRENGTH.role if ROLE_RE.search(canonical(text)) else 0.0


def which_evidence(analysis: QuestionAnalysis, text: str) -> float:
    noun = analysis.asked_noun
    if not noun:
        return 0.0
    if fold(noun) == "dieu":
        return 1.0 if ARTICLE_NUMBER_RE.search(text) else 0.0
    if fold(noun) == "bo":  # "Bộ nào": a ministry by its name, "Bộ Quốc phòng"
        return 1.0 if MINISTRY_RE.search(text) else STRENGTH.unnamed_kind
    if _asks_for(noun, AUTHORITY_ASKED):
        return 1.0 if AUTHORITY_RE.search(text) else STRENGTH.unnamed_kind
    if _asks_for(noun, PENALTY_ASKED):
        return penalty_evidence(analysis, text)
    if _asks_for(noun, MEASURE_ASKED):
        return measure_evidence(text)
    # "Đề án nào ...?" is answered by an item that names one: "a) Đề án nâng cấp ...".
    opening = clause_tokens(ITEM_MARKER_RE.sub("", text, count=1)[:60], analysis.form == "folded")
    names = " ".join(opening.compared).startswith(noun)
    return STRENGTH.item_naming_noun if names else 0.0


_TASK_OPENING_RE = re.compile(rf"\b(?:{'|'.join(TASK_VERBS)})\b")
TASK_OPENING_WORDS = 6  # "Các sở, ngành tăng cường ...": the verb comes within a few words


def measure_evidence(text: str) -> float:
    """The clause is a task ("Tăng cường tuần tra, ..."): a measure, where a clause telling
    the situation it answers ("tình trạng X vẫn phức tạp") is not."""
    opening = " ".join(
        canonical(ITEM_MARKER_RE.sub("", text.strip(), count=1)).split()[:TASK_OPENING_WORDS]
    )
    return 1.0 if _TASK_OPENING_RE.search(opening.lower()) else STRENGTH.unnamed_kind


def asks_measure(analysis: QuestionAnalysis) -> bool:
    """ "biện pháp gì", "những giải pháp nào": the question asks for measures."""
    return bool(analysis.asked_noun) and _asks_for(analysis.asked_noun or "", MEASURE_ASKED)


def _asks_for(noun: str, kinds: frozenset[str]) -> bool:
    """The asked noun is one of `kinds` or starts with one: "cơ quan nhà nước" -> "cơ quan"."""
    noun = fold(noun)
    return any(noun == fold(kind) or noun.startswith(fold(kind) + " ") for kind in kinds)


def penalty_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """The clause states a penalty: "phạt tù từ 01 năm đến 05 năm", "cảnh cáo"."""
    return 1.0 if PENALTY_RE.search(canonical(text)) else 0.0


def definition_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """The clause defines the asked term: "X là ..." with X the question's subject."""
    match = DEFINITION_RE.match(text)
    if not match:
        return STRENGTH.loose_definition if " là " in text else 0.0
    if not analysis.subject:
        return STRENGTH.definition_of_unknown_subject
    folded = analysis.form == "folded"
    defined = " ".join(clause_tokens(match.group(1), folded).compared)
    subject = " ".join(clause_tokens(analysis.subject, folded).compared)
    if defined == subject:
        return 1.0
    related = subject in defined or defined in subject
    return STRENGTH.definition_of_related_term if related else STRENGTH.loose_definition


def list_evidence(analysis: QuestionAnalysis, text: str) -> float:
    if analysis.asked_noun in PLACE_NOUNS:  # "tập trung ở những phường nào": places, listed
        listed = PLACES_LISTED_RE.search(text) or (
            text.endswith(":") and fold(analysis.asked_noun or "") in fold(text).lower()
        )
        return 1.0 if listed else 0.0
    if text.endswith(":"):
        return 1.0
    if analysis.asked_noun and names_several(analysis.asked_noun, text):
        return 1.0  # "những tuyến sông nào": "các tuyến sông Đáy, sông Hoàng Long"
    if _ROAD_ASKED_RE.match(fold(analysis.asked_noun or "").lower()):
        # "những tuyến đường nào": a clause naming a road ("trên đường tỉnh 258")
        return 1.0 if names_road(text) else 0.0
    return STRENGTH.list_word if LIST_RE.search(text) else 0.0


_ROAD_ASKED_RE = re.compile(r"(?:tuyen )?(?:duong|quoc lo)\b|tuyen$")
# A road by its number ("Quốc lộ 21A", "QL.6", "đường tỉnh 258", "ĐT.741") or its name
# ("đường Hồ Chí Minh", "đại lộ Thăng Long"), folded.
_ROAD_NUMBERED_RE = re.compile(
    r"\b(?:quoc lo|ql|tinh lo|duong tinh|dt|duong huyen|dh|cao toc)\s*\.?\s*\d+[a-z]?\b"
)
_ROAD_NAMED_RE = re.compile(r"\b(?:duong|dai lo|cao toc) (\w)")


def names_road(text: str) -> bool:
    """The text names a road, by its number or by its name (told by its capital)."""
    folded = fold(text).lower()
    if _ROAD_NUMBERED_RE.search(folded):
        return True
    return len(folded) == len(text) and any(
        text[m.start(1)].isupper() for m in _ROAD_NAMED_RE.finditer(folded)
    )


MIN_NAMED = 2  # "sông A, sông B": a list of the asked noun's names


def names_several(noun: str, text: str) -> bool:
    """The text names two or more of the asked noun, each with its name: "sông A, sông B"
    for "tuyến sông", "mô hình A và mô hình B" (the noun compared folded, a name told by
    its capital)."""
    folded = fold(text).lower()
    if len(folded) != len(text):  # offsets of one are not the other's
        return False
    last = re.escape(fold(noun).lower().split()[-1])
    names = [m for m in re.finditer(rf"\b{last} (\w)", folded) if text[m.start(1)].isupper()]
    # ... or the noun once before its names: "các cảng cá A, B và C".
    return len(names) >= MIN_NAMED or any(
        len(_names_in_a_row(text[m.start(1) :])) >= MIN_NAMED for m in names
    )


def _names_in_a_row(text: str) -> list[str]:
    """The names opening a text, one after another, parted by commas or "và", each of
    words opening with a capital: "Cửa Hội, Lạch Quèn và Lạch Vạn cơ bản ổn định" -> the
    three names."""
    names: list[str] = []
    for part in re.split(r", | và ", text):
        words = part.split(" ")
        named = list(itertools.takewhile(lambda word: word[:1].isupper(), words))
        if not named:
            break
        names.append(" ".join(named))
        if len(named) < len(words):  # the row ends inside this part
            break
    return names


def topic_evidence(analysis: QuestionAnalysis, text: str) -> float:
    about = re.search(r"\b(?:về|nhằm|để|mục đích)\b", canonical(text))
    return STRENGTH.topic_word if about else 0.0


# A cause stated: "nguyên nhân chính vẫn là ...", "là do ...", "do ... nên ...", "bởi vì".
CAUSE_STATED = (
    r"\b(?:nguyên nhân|lí do)\b[^.;]{0,40}?\b(?:là|do|vì|gồm)\b"
    r"|\b(?:nguyên nhân|lí do)\b[^.;:]{0,40}:"
    r"|\blà (?:do|vì)\b|\bbởi vì\b|\bxuất phát từ\b|\b(?:do|vì)\b[^.;]{3,120}\bnên\b"
    r"|\b(?:chủ yếu|phần lớn|đều|một phần) (?:là )?(?:do|vì)\b"  # "..., chủ yếu do lấn làn"
    r"|\b(?:tăng|giảm|cao|thấp)(?: \w+){0,2} (?:là )?do\b"  # "thiệt hại tăng do một vụ cháy xưởng"
)
# Only a word of cause: "bị thương do tai nạn", "làm rõ nguyên nhân các vụ".
CAUSE_WORD = r"\b(?:do|vì|bởi|nguyên nhân|lí do)\b"


def reason_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """The clause states a cause (1), or only has a word of cause (a smaller strength)."""
    normal = canonical(text)
    if re.search(CAUSE_STATED, normal):
        return 1.0
    return STRENGTH.cause_word if re.search(CAUSE_WORD, normal) else 0.0


# "X hoạt động (như) thế nào / ra sao": the verb asked about stands right before.
_MANNER_ASKED_RE = re.compile(r"((?:\w+ ){1,2})(?:như |bằng cách )?(?:thế nào|ra sao)\b")
_MANNER_ASKED_FOLDED_RE = re.compile(r"((?:\w+ ){1,2})(?:nhu |bang cach )?(?:the nao|ra sao)\b")
# Not the verb asked about: auxiliaries, and a document's reporting verbs ("Bộ luật quy định
# thế nào về X" asks what it says of X, which any clause of the law "quy định").
_MANNER_SKIP = frozenset(
    {"được", "bị", "như", "là", "thì", "sẽ", "đã", "phải", "có", "làm"}
    | {"quy", "định", "nói", "nêu", "đề", "cập", "hướng", "dẫn"}
)


# "Làm thế nào (để) X được Y?", "bằng cách nào": the means, in the clause's own words.
MEANS_ASKED = r"\blàm (?:thế|cách) nào\b|\bbằng cách nào\b"
MEANS_STATED = (
    r"\bnhờ\b|\bbằng cách\b|\bbằng việc\b|\bthông qua\b|\bđể [^.;]{3,80}?\b(?:thì|phải|cần)\b"
)


def means_evidence(text: str) -> float:
    """The clause says by what means (1), or only what was done (a smaller strength)."""
    return 1.0 if re.search(MEANS_STATED, canonical(text)) else STRENGTH.means_unstated


def asks_means(analysis: QuestionAnalysis) -> bool:
    """ "Làm thế nào … được?", "bằng cách nào": the question asks by what means."""
    folded = analysis.form == "folded"
    question = (fold(analysis.text) if folded else canonical(analysis.text)).lower()
    return re.search(fold(MEANS_ASKED) if folded else MEANS_ASKED, question) is not None


def manner_evidence(analysis: QuestionAnalysis, text: str) -> float | None:
    """The clause says how the asked verb is done: it holds that verb ("Mô hình hoạt động
    với khẩu hiệu ..." for "mô hình ... hoạt động thế nào"), or for "Làm thế nào ...
    được?" the means; None when the question names neither."""
    if asks_means(analysis):
        return means_evidence(text)
    folded = analysis.form == "folded"
    question = (fold(analysis.text) if folded else canonical(analysis.text)).lower()
    match = (_MANNER_ASKED_FOLDED_RE if folded else _MANNER_ASKED_RE).search(question)
    if match is None:
        return None
    skip = {fold(w) for w in _MANNER_SKIP} if folded else _MANNER_SKIP
    asked = " ".join(w for w in match.group(1).split() if w not in skip)
    if not asked:
        return None
    said = " ".join(clause_tokens(text, folded).compared)
    return 1.0 if re.search(rf"\b{re.escape(asked)}\b", said) else 0.0


_CHECKS: dict[QuestionType, Callable[[QuestionAnalysis, str], float | None]] = {
    QuestionType.MANNER: manner_evidence,
    QuestionType.REASON: reason_evidence,
    QuestionType.COUNT: count_evidence,
    QuestionType.TIME: time_evidence,
    QuestionType.PERSON: person_evidence,
    QuestionType.WHICH: which_evidence,
    QuestionType.DEFINITION: definition_evidence,
    QuestionType.LIST: list_evidence,
    QuestionType.TOPIC: topic_evidence,
}


def condition_evidence(analysis: QuestionAnalysis, text: str) -> float:
    """The clause states the condition asked about: a list of cases ("... trong các trường hợp
    sau đây:"), or a condition ("nếu ...", "khi ...", "trường hợp ...") that says something the
    question does not, rather than one that only restates the question's own condition."""
    normal = canonical(text)
    markers = list(re.finditer(CONDITION_MARKER, normal))
    if not markers:
        return STRENGTH.moment if re.search(MOMENT, normal) else STRENGTH.no_condition
    if text.endswith(":"):
        return 1.0
    then = re.compile(CONSEQUENCE_MARKER)
    newest = 0.0
    for marker in markers:
        stop = then.search(normal, marker.end())
        condition = normal[marker.end() : stop.start() if stop else len(normal)]
        newest = max(newest, novelty(analysis, condition))
    return 1.0 if newest >= STRENGTH.new_condition_share else STRENGTH.restated_condition


def novelty(analysis: QuestionAnalysis, text: str) -> float:
    """Share of the content words of `text` the question does not have."""
    folded = analysis.form == "folded"
    stops = {fold(w) if folded else w for w in STOP_WORDS}
    words = [w for w in clause_tokens(text, folded).compared if w not in stops]
    return sum(w not in analysis.terms for w in words) / len(words) if words else 0.0


def asked_evidence(analysis: QuestionAnalysis, text: str) -> float | None:
    """Strength of what the question type asks for in `text`; None when the type has no check."""
    if analysis.asks_condition and analysis.type in (QuestionType.TIME, QuestionType.WHICH):
        dated = time_evidence(analysis, text) if analysis.type == QuestionType.TIME else 0.0
        return max(dated, condition_evidence(analysis, text))
    check = _CHECKS.get(analysis.type)
    return None if check is None else check(analysis, text)
