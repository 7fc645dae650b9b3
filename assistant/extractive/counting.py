"""Whether a clause states a number of the very thing a count question asks about.

"Có bao nhiêu loa truyền thanh?" is answered by "14 loa", "bao nhiêu thành viên tổ X" by
"tổng số thành viên của các tổ là 2.315 người", "bao nhiêu tiền" by an amount in đồng and
"bao nhiêu phần trăm" by a percentage; a number of another noun ("90 vụ vi phạm pháp
luật" for "bao nhiêu vụ phạm tội") answers a different question.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

from assistant.extractive.lexicon import SQUARED_UNIT
from assistant.extractive.question import QuestionAnalysis
from index.abbreviations import expand_abbreviations, spell_out
from index.vietnamese import fold, has_diacritics, nfc

# A number as written in Vietnamese text: "1.908", "12,5", "80/80", "30%".
_NUMBER = r"\d+(?:[.,]\d+)*(?:/\d+)?"
# Words between a noun and its number: "tổng số thành viên là 2.315", "tỷ lệ đạt 87%".
_LINK = r"(?:\w+ ){0,4}?(?:la|dat|co|gom|len|tang|giam|xay ra|ghi nhan|con|chi|voi|:)\s*"
NOUN_WINDOW = 3  # words after a number that may carry the counted noun's head
MONEY = ("dong", "trieu", "ty", "ti", "nghin", "ngan")  # "tỷ" is folded from either spelling
# An amount's words after its number (folded): "ngàn"/"nghìn" only before "đồng", as "1.
# Ngăn chặn ..." folds to "1 ngan" too.
AMOUNT_WORDS = r"(?:dong|trieu|ty|ti|(?:nghin|ngan) dong)"
# Words of a counted noun that qualify nothing: "vụ phạm tội *về* ...", "số *các* tổ".
MIN_QUALIFIER_WORDS = 2
QUALIFIER_FILLERS = frozenset(
    ("về", "của", "các", "những", "được", "đã", "do", "ở", "tại", "trên", "và")
)


# Counters of events, whose following words say what happened ("vụ cháy", "vụ TNGT",
# "trường hợp vi phạm"): another qualifier there is another count, while a thing's
# qualifier only describes it ("camera giám sát" is still a camera), folded.
EVENT_COUNTERS = frozenset(("vu", "truong", "luot", "cuoc"))
# (a unit of area or volume is one word: "96,3 m3 gỗ" counts in "m3", not in "m")
_TOKEN_RE = re.compile(rf"\d+(?:[.,/]\d+)*%?|{SQUARED_UNIT}|[^\W\d_]+|[^\w\s]")
# Words that open the next phrase after a counted noun, not qualify it ("12 vụ và 3 người",
# "12 vụ làm chết 2 người"), compared as written: folded "va" is also "va chạm".
_PHRASE_OPENERS = frozenset(
    (*QUALIFIER_FILLERS, "làm", "gây", "xảy", "bị", "trong", "so", "tăng", "giảm", "với", "là",
     "thì", "còn", "chỉ", "từ", "đến", "năm", "tháng", "quý", "khi", "nhưng", "song")
)  # fmt: skip


# Kinds of person a text counts in "người" once it has named them (folded).
PERSON_KINDS = frozenset(
    ("cong dan", "nguoi dan", "hoc sinh", "sinh vien", "thanh nien", "lao dong", "nan nhan",
     "thuyen vien", "du khach", "benh nhan", "tre em", "nguoi lao", "phu nu", "thi sinh")
)  # fmt: skip


# Words of a noun that say only "a breach of" what follows "về": "vụ vi phạm về buôn lậu".
_GENERIC_NOUN_WORDS = frozenset(("vi", "phạm", "việc"))


def _words(text: str) -> str:
    return " ".join(
        re.findall(rf"\d+(?:[.,/]\d+)*%?|{SQUARED_UNIT}|[^\W\d_]+|:", fold(text).lower())
    )


# Words that only classify the thing counted ("bao nhiêu con trâu", "mấy chiếc xe", "05 cá
# thể rùa", folded): the noun after one is what a report counts, under any of them.
_THING_CLASSIFIERS = (("con",), ("cai",), ("chiec",), ("ca", "the"))


def unit_head(analysis: QuestionAnalysis) -> str | None:
    """The first word of the counted noun, folded ("loa", "thanh", "nguoi"); past a word
    that only classifies it ("con trâu" -> "trau")."""
    unit = analysis.counted.unit
    if not unit:
        return None
    words = fold(unit).lower().split()
    for classifier in _THING_CLASSIFIERS:
        if tuple(words[: len(classifier)]) == classifier and len(words) > len(classifier):
            return words[len(classifier)]
    return words[0]


def counts_beings(analysis: QuestionAnalysis) -> bool:
    """The question counts people, households or cases by name right after its asking word
    ("hỗ trợ bao nhiêu thí sinh", "bao nhiêu hộ"): a number of them, no rate paid to them."""
    unit = fold(analysis.counted.unit or "").lower()
    if not analysis.counted.written or not unit:
        return False
    head = unit.split()[0]
    return head in ("nguoi", "ho") or head in EVENT_COUNTERS or unit.startswith(tuple(PERSON_KINDS))


def asks_share(analysis: QuestionAnalysis) -> bool:
    """ "Bao nhiêu phần trăm", "tỷ lệ bao nhiêu": a percentage ("tỷ" alone is money)."""
    unit = fold(analysis.counted.unit or "").lower()
    return unit.startswith(("phan", "ty le", "ti le")) or "%" in analysis.counted.alternatives


def states_count(analysis: QuestionAnalysis, text: str) -> bool:
    """The text gives a number of the asked noun (its head right after the number, or
    the noun before "là"/"đạt"/":" and a number), of money or of a percentage as asked."""
    head = unit_head(analysis)
    if head is None:
        return False
    # (the asked noun is read spelled out: "120 CBCS" are "cán bộ, chiến sĩ")
    words = _words(spell_out(text))
    if asks_share(analysis):
        return re.search(rf"{_NUMBER}\s*%|{_NUMBER} phan tram", words) is not None
    if head in ("dong", "tien"):
        return re.search(rf"{_NUMBER} {AMOUNT_WORDS}\b", words) is not None
    after = rf"{_NUMBER} (?:[^\W\d]+ ){{0,{NOUN_WINDOW - 1}}}{re.escape(head)}\b"
    before = rf"\b{re.escape(head)} {_LINK}{_NUMBER}"
    if re.search(before, words) is not None:
        return True
    kind = " ".join(fold(analysis.counted.unit or "").lower().split()[:2])
    if kind in PERSON_KINDS and f"{kind} " in words and re.search(rf"{_NUMBER} nguoi\b", words):
        return True  # "Tiếp nhận công dân ... trao trả: tháng 11 tiếp nhận 12 người"
    if head not in EVENT_COUNTERS:
        return re.search(after, words) is not None
    asked = qualifying(expand_abbreviations(analysis.counted.unit or ""), drop_head=True)
    tails = _effective_tails(text, head, asked)
    return any(not _another_noun(analysis, tail) for tail in tails)


def counts_head(analysis: QuestionAnalysis, text: str) -> bool:
    """The text gives a number of the counted noun's head, a measure word at most between
    ("215 vụ ...", "12 bánh heroin"; not "150.000 đồng/người", a rate per person), or an
    amount or a share where one is asked."""
    head = unit_head(analysis)
    if head is None:
        return False
    if head in ("dong", "tien") or asks_share(analysis):
        return states_count(analysis, text)
    between = rf"(?:(?!(?:{'|'.join(MONEY)})\b)[^\W\d]+ ){{0,{NOUN_WINDOW - 1}}}"
    pattern = rf"(?<![\d.,/]){_NUMBER} {between}{re.escape(head)}\b"
    return re.search(pattern, _words(text)) is not None


def counts_another_noun(analysis: QuestionAnalysis, text: str) -> bool:
    """Every number of the counted event in the text is of another kind of it: "214 vụ
    TNGT … giảm 19 vụ" when "vụ cháy" is asked."""
    head = unit_head(analysis)
    if head not in EVENT_COUNTERS or asks_share(analysis):
        return False
    asked = qualifying(expand_abbreviations(analysis.counted.unit or ""), drop_head=True)
    tails = _effective_tails(text, head, asked)
    return bool(tails) and all(_another_noun(analysis, tail) for tail in tails)


def _effective_tails(text: str, head: str, asked: Collection[str] = ()) -> list[list[str]]:
    """`_after_head`, a bare "vụ" going on from the last one the text qualified: "xảy ra
    214 vụ TNGT, …; giảm 19 vụ" counts traffic accidents twice; unless the words before
    its number, back to a mark, name the `asked` kind (folded qualifying words): "874 vụ
    phạm pháp hình sự, trong đó trộm cắp tài sản 537 vụ" counts thefts the second time."""
    current: list[str] = []
    tails = []
    for tail, before in _after_head(text, head):
        if not tail and {fold(word) for word in before} & set(asked):
            tail = before
        current = tail or current
        tails.append(current)
    return tails


def _after_head(text: str, head: str) -> list[tuple[list[str], list[str]]]:
    """For each number followed (within the noun window) by the counted noun's head, the
    words written right after the head, up to the first mark or phrase-opening word:
    "51 vụ TNGT, làm chết" -> ["tai", "nạn", "giao"]; "12 vụ, làm chết" -> []; with the
    words before the number back to a mark ("trong đó trộm cắp tài sản 537 vụ")."""
    tokens = _TOKEN_RE.findall(nfc(spell_out(text)).lower())
    tails = []
    for i, token in enumerate(tokens):
        if not token[:1].isdigit() or token.endswith("%"):  # "giảm 5% số vụ": a share
            continue
        for j in range(i + 1, min(i + 1 + NOUN_WINDOW, len(tokens))):
            if fold(tokens[j]) == head:
                tail: list[str] = []
                k, reach = j + 1, j + 1 + NOUN_WINDOW
                while k < min(reach, len(tokens)):
                    word = tokens[k]
                    k += 1
                    if word == "về" and tail and set(tail) <= _GENERIC_NOUN_WORDS:
                        # "vụ vi phạm về buôn lậu" counts what follows "về"
                        tail, reach = [], k + NOUN_WINDOW
                        continue
                    if not word[:1].isalpha() or word in _PHRASE_OPENERS:
                        break
                    tail.append(word)
                tails.append((tail, _words_before(tokens, i)))
                break
            if not tokens[j][:1].isalpha():
                break
    return tails


MAX_WORDS_BEFORE = 6  # words before a bare count that may name its kind


def _words_before(tokens: list[str], index: int) -> list[str]:
    """The words before token `index`, back to a mark (at most `MAX_WORDS_BEFORE`)."""
    words: list[str] = []
    for token in reversed(tokens[max(0, index - MAX_WORDS_BEFORE) : index]):
        if not token[:1].isalpha():
            break
        words.insert(0, token)
    return words


def counts_only_the_whole(analysis: QuestionAnalysis, text: str, read: str = "") -> bool:
    """Every number of the counted event counts the whole class the asked kind is part of,
    and nothing read up to it (`read`, the text by default: its heading may name the kind)
    names that kind: "xử lý 146 trường hợp vi phạm" when "trường hợp vi phạm nồng độ cồn"
    is asked."""
    head = unit_head(analysis)
    if head not in EVENT_COUNTERS or asks_share(analysis):
        return False
    asked = _past_counter(qualifying(expand_abbreviations(analysis.counted.unit or ""), True))
    tails = [_past_counter([fold(w) for w in tail]) for tail in _effective_tails(text, head)]
    # (a bare count, "xử lý 812 trường hợp.", goes on from what was said before it)
    if not tails or not all(tail and len(tail) < len(asked) for tail in tails):
        return False
    if not all(asked[: len(tail)] == tail for tail in tails):
        return False
    said = set(qualifying(spell_out(f"{read} {text}")))
    rest = set(asked[max(len(tail) for tail in tails) :])
    return not rest & said


# A part counted inside a whole told first (folded): "Trong 47 vụ TNGT có 17 vụ liên quan
# đến nồng độ cồn": what follows the part's number says which part.
# (a number of things, not of a period: "Trong 9 tháng năm 2030, ..." is no whole)
_PART_OF_WHOLE_RE = re.compile(
    r"^\W*trong (?:tong so |so )?\d[\d.,]*\s(?!(?:thang|nam|quy|ngay|tuan)\b)[^,;:]*?,?\s*"
    r"co \d[\d.,]*\s+(?P<part>[^,;:()]+)"
)


def counts_a_part(analysis: QuestionAnalysis, text: str) -> bool:
    """The clause counts a part of a whole it names first ("Trong 47 vụ TNGT có 17 vụ liên
    quan đến nồng độ cồn, giảm 05 vụ"), and the question names nothing of that part: its
    figures are not the whole's asked ("TNGT 6 tháng so với cùng kỳ ra sao")."""
    if not text.lstrip(" -*+•").lower().startswith("trong"):
        return False  # (most clauses: not folded at all)
    match = _PART_OF_WHOLE_RE.match(fold(text).lower())
    if match is None:
        return False
    part = set(qualifying(match["part"], drop_head=True))
    asked = set(qualifying(fold(spell_out(analysis.text)).lower()))
    return bool(part) and not part & asked


# A part of the whole the text before counted (folded): "Trong đó có 97 vụ ...", "trong
# số đó, 12 vụ ...".
_PART_OF_LAST_RE = re.compile(r"^\W*trong (?:do|so do)\b")


def counts_asked_part(analysis: QuestionAnalysis, text: str, before: str) -> bool:
    """The clause counts a part of the whole the text `before` it counts, the part the
    question qualifies its noun by after it: "... xảy ra 30 vụ TNGT. Trong đó có 11 vụ người
    lái xe có nồng độ cồn" for "bao nhiêu vụ TNGT mà tài xế có nồng độ cồn". Its number is
    of the asked noun, whatever words follow the counter."""
    if not text.lstrip(" -*+•").lower().startswith("trong"):
        return False  # (most clauses: not folded at all)
    if _PART_OF_LAST_RE.match(fold(text).lower()) is None or not analysis.counted.as_typed:
        return False
    question = fold(analysis.text).lower()
    at = question.find(fold(analysis.counted.as_typed).lower())
    if at < 0:
        return False
    qualifier = qualifying(spell_out(question[at + len(analysis.counted.as_typed) :]))
    if not pairs(qualifier) & near_pairs(qualifying(spell_out(text))):
        return False
    return states_count(analysis, before)


def _past_counter(words: list[str]) -> list[str]:
    """The words after a counter's own second word: "hợp" of "trường hợp" says nothing of
    what is counted."""
    return words[1:] if words[:1] == ["hop"] else words


def _another_noun(analysis: QuestionAnalysis, tail: list[str]) -> bool:
    """The words after a number's head name another thing than the asked noun does: "vụ
    TNGT" for "vụ cháy". Words the asked noun does not qualify are never another noun."""
    asked = set(qualifying(expand_abbreviations(analysis.counted.unit or ""), drop_head=True))
    return bool(asked and tail) and not asked & {fold(w) for w in tail}


# What a counted noun is counted for, after it: "hộ dân | vì bão lũ", "người chết | do
# đuối nước". "do" with marks only (typed bare it is also "độ" of "nồng độ"); "vì" typed
# bare (or left bare by the restorer) too, which is no "vi phạm", "vi bằng".
_BARE_BECAUSE = r"vi\s(?!ph[aạ]m\b|b[aằ]ng\b|m[aạ]ch\b)"
_CAUSE_MARKED_RE = re.compile(rf"\s(?:vì\s|do\s|bởi\s|{_BARE_BECAUSE})")
_CAUSE_BARE_RE = re.compile(rf"\s{_BARE_BECAUSE}")


def without_cause(unit: str) -> str:
    """The counted noun without the cause said after it: "hộ dân vì bão lũ" -> "hộ dân".
    A report says why once, for a whole passage ("Mùa mưa bão năm 2031, ... sơ tán 512
    hộ"); the number stands beside the noun alone."""
    padded = f"{unit.lower()} "
    cause = (_CAUSE_MARKED_RE if has_diacritics(unit) else _CAUSE_BARE_RE).search(padded)
    return unit[: cause.start()] if cause and cause.start() > 0 else unit


def qualifier_share(analysis: QuestionAnalysis, text: str) -> float:
    """Share of the counted noun's qualifying words (all but its head) the text holds: a
    clause counting "vụ" without any of "tai nạn giao thông" counts other cases. The text
    is what the reader has read up to the number: "… 1.482 Tổ bảo vệ an ninh, trật tự. …
    Cao Phong có 88 Tổ" counts the same tổ."""
    unit, head = analysis.counted.unit, unit_head(analysis)
    if not unit or head in ("dong", "tien") or asks_share(analysis):
        return 1.0
    # "ANTT" is read as the words it stands for, which is how reports write it.
    words = qualifying(expand_abbreviations(without_cause(unit)), drop_head=True)
    if len(words) < MIN_QUALIFIER_WORDS:  # one word may be said otherwise: chết, tử vong
        return 1.0
    # Pairs, not single words ("giao thông" alone is not "tai nạn giao thông"), in either
    # order ("tội phạm ma túy" is "phạm tội về ma túy").
    asked = pairs(words)
    return len(asked & near_pairs(qualifying(spell_out(text)))) / len(asked)


def qualifying(text: str, drop_head: bool = False) -> list[str]:
    """The text's words without fillers, folded. Fillers are dropped as written ("về", not
    "ve", which is also "vệ" in "bảo vệ"), or folded when the text has no diacritics."""
    fillers = QUALIFIER_FILLERS if has_diacritics(text) else {fold(w) for w in QUALIFIER_FILLERS}
    words = re.findall(r"\d+(?:[.,/]\d+)*%?|[^\W\d_]+", nfc(text).lower())
    kept = [fold(w) for w in words if w not in fillers]
    # "trộm" is "trộm cắp" said short: "vụ trộm lúa" counts the "trộm cắp lúa, ngô" cases.
    kept = [w for i, w in enumerate(kept) if not (w == "cap" and kept[i - 1 : i] == ["trom"])]
    # ... as "lừa đảo qua mạng" is "lừa đảo chiếm đoạt tài sản qua không gian mạng", the
    # offence's legal name and the network's long name said short.
    kept = _said_short(kept)
    return kept[1:] if drop_head else kept


# Long names said short (folded): the offence's legal name, the network's long name and
# the way it is reached ("qua mạng", "trên không gian mạng" are one place), goods brought
# in unlawfully ("rượu lậu" are "rượu ngoại nhập lậu"; "buôn lậu" is no such goods).
_SAID_SHORT = (
    (re.compile(r"\blua dao chiem doat(?: tai(?: san)?)?\b"), "lua dao"),  # (a cut noun too)
    (re.compile(r"\b(?:qua )?(?:khong gian )?mang\b"), "mang"),
    (re.compile(r"\bnhap lau\b"), "lau"),
    # ... and a death by drowning, however it is told ("tử vong do đuối nước")
    (re.compile(r"\b(?:tu vong|chet)(?: do)? duoi(?: nuoc)?\b"), "chet duoi"),
)


def _said_short(words: list[str]) -> list[str]:
    """The words as the short forms say them."""
    text = " ".join(words)
    for long, short in _SAID_SHORT:
        text = long.sub(short, text)
    return text.split()


def pairs(words: list[str]) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in pairwise(words)}


def near_pairs(words: list[str]) -> set[frozenset[str]]:
    """Pairs of words side by side or one word apart: "hồ sơ cấp thẻ căn cước" holds the
    "cấp căn cước" of "hồ sơ cấp căn cước"."""
    return pairs(words) | {frozenset(pair) for pair in zip(words, words[2:], strict=False)}


def unit_share(analysis: QuestionAnalysis, text: str) -> float:
    """Share of the counted noun's words the text holds: "vụ phạm tội về trật tự xã hội"
    is better matched by "42 vụ phạm tội về trật tự xã hội" than by "90 vụ vi phạm"."""
    unit = analysis.counted.unit
    if not unit:
        return 0.0
    head = unit_head(analysis)
    if head in ("dong", "tien") or asks_share(analysis):
        return 1.0 if states_count(analysis, text) else 0.0  # the unit is the number's own
    asked = set(fold(without_cause(unit)).lower().split())
    # "190 vụ TNGT" holds all of "vụ tai nạn giao thông", as the question's unit is spelled.
    return len(asked & set(_words(spell_out(text)).split())) / len(asked)


# What a report does to what it counts, folded: "khám phá 42 vụ", "bắt giữ 18 vụ/31 đối
# tượng", "thu giữ 46 kg". A count asked with one of these ("khám phá được bao nhiêu vụ?")
# is the number after it, not the one after "xảy ra" in the sentence before.
COUNTING_VERBS = (
    "kham pha", "lam ro", "bat giu", "bat", "phat hien", "thu giu", "xu ly", "xu phat",
    "khoi to", "triet pha", "triet xoa", "tiep nhan", "giai quyet", "kiem tra", "thu hoi",
    "van dong", "tuan tra", "dua di cai nghien", "tam giu", "truy bat", "dau thu",
)  # fmt: skip
_VERB_RE = re.compile(rf"\b({'|'.join(COUNTING_VERBS)})\b")
# Words between the verb and its number: "khám phá được 42", "đầu thú và thanh loại 112".
VERB_REACH = 3


def counting_verbs(analysis: QuestionAnalysis) -> set[str]:
    """The counting verbs a count question names ("khám phá được bao nhiêu" -> "kham pha")."""
    return set(_VERB_RE.findall(fold(analysis.text).lower()))


def counts_by_verb(verbs: set[str], text: str) -> bool:
    """The text gives a number right after one of the verbs: "Điều tra, khám phá 42 vụ"."""
    said = fold(text).lower()
    return any(re.search(rf"\b{verb}\b(?:\W+\w+){{0,{VERB_REACH}}}?\W+\d", said) for verb in verbs)


def counts_noun_as_asked(analysis: QuestionAnalysis, text: str) -> bool:
    """The text gives a number followed by the counted noun as asked, word for word with
    abbreviations spelled out: "142 vụ TNGT" for "vụ tai nạn giao thông", not "612 vụ va
    chạm giao thông ... 04 vụ tai nạn" that holds its words apart."""
    unit = analysis.counted.unit
    if not unit or len(unit.split()) < 2:
        return False
    said = _words(spell_out(without_item_number(text)))
    return re.search(rf"\b{_NUMBER}\s+{re.escape(_words(unit))}\b", said) is not None


_ITEM_NUMBER_RE = re.compile(r"^\W*\d{1,2}[.)]\s")


def without_item_number(text: str) -> str:
    """The text without the number opening it as an item ("1. Hình phạt ..."), which counts
    nothing."""
    return _ITEM_NUMBER_RE.sub("", text, count=1)
