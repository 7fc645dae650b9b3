"""What a question asks: its type, the unit it counts, the entities it names, its content words.

Every pattern is written once in canonical Vietnamese (`patterns`) and matched on the
canonical form of an accented question or on the folded form of one typed without diacritics,
so "bao nhieu" and "bao nhiêu" are read alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from assistant.extractive import patterns
from assistant.extractive.bodies import body_of, tasked_body
from assistant.extractive.entities import (
    directive_keys_in,
    districts_in,
    name_syllables,
    named_units,
    provinces_in,
)
from assistant.extractive.lexicon import (
    ASKED_NOUN_SKIP,
    DURATION_UNITS,
    LOW_WEIGHT_WORDS,
    MONEY_CUES,
    PLACE_KINDS,
    PLACE_NOUNS,
    PLACE_UNITS,
    SQUARED_UNIT,
    STOP_WORDS,
    UNIT_STOP_NOUNS,
    UNIT_STOPS,
)
from assistant.extractive.periods import asked_period, period_of, range_years, without_periods
from index.abbreviations import ABBREVIATIONS, spell_out
from index.gazetteer import PROVINCES, PROVINCES_2025, PlaceSpan, place_spans
from index.vietnamese import (
    TOKEN_RE,
    UPPER_LETTERS,
    WORD_RE,
    canonical,
    fold,
    has_diacritics,
    nfc,
)

NEGATION_WEIGHT = 1.2  # "không được tạm ứng": the negation is what sets the clause apart
ASKED_NOUN_WEIGHT = 0.4  # "điều kiện" in "điều kiện nào": the slot asked about, not a clue
LOW_WEIGHT = 0.4  # words every law or report is full of: "người", "quy định", "tỉnh"
NAME_WEIGHT = 1.5  # capitalised names: "Sóc Trăng", "HĐND"
VALUE_WEIGHT = 2.0  # a number the question gives ("bị phạt tù đến 07 năm"): a sharp condition
MAX_QUESTION_CHARS = 1000  # a question is read from its first this many characters
MAX_UNIT_WORDS = 6  # "bao nhiêu tin báo lừa đảo qua mạng": 6 words at most


class QuestionType(StrEnum):
    COUNT = "count"  # bao nhiêu, mấy, bao lâu
    TIME = "time"  # khi nào, ngày nào, năm nào, thời điểm nào
    PERSON = "person"  # ai, là ai
    PLACE = "place"  # ở đâu, nơi nào
    LIST = "list"  # những ... nào, gồm những gì, liệt kê
    DEFINITION = "definition"  # là gì, được gọi là gì, được hiểu như thế nào
    TOPIC = "topic"  # về vấn đề gì, nội dung gì, nhằm mục đích gì
    YES_NO = "yes_no"  # có ... không, hay không
    MANNER = "manner"  # như thế nào, ra sao
    DUTY = "duty"  # giao Sở X nhiệm vụ gì, Sở X phải làm gì (a named body's tasks)
    SIGNER = "signer"  # ai ký, do ai ký (who signed a document)
    ACTION = "action"  # phải làm gì
    WHICH = "which"  # cơ quan nào, quyền gì
    REASON = "reason"  # vì sao, tại sao, nguyên nhân ... là gì
    OTHER = "other"


# Types a question about a named body's tasks is read as before its body is found: not a
# count, a date or a person asked for ("phải đạt bao nhiêu" asks a number, not a task).
_DUTY_SHAPED = frozenset(
    {
        QuestionType.ACTION,
        QuestionType.WHICH,
        QuestionType.OTHER,
        QuestionType.LIST,
        QuestionType.TOPIC,
        QuestionType.MANNER,
    }
)


# A body's duties asked as what they are (folded): "Nhiệm vụ của Sở A ... là gì?".
_DUTIES_OF_RE = re.compile(r"^\W*(?:trach nhiem|nhiem vu)(?:, quyen han)?(?: cu the)? cua\s")
# A deadline asked after what is asked first (folded): "..., hạn chót bao giờ?".
_DEADLINE_TAIL_RE = re.compile(
    r",\s*(?:thoi )?han(?: chot| hoan thanh| cuoi)?\s+(?:la )?(?:bao gio|khi nao|ngay nao)\W*$"
)


@dataclass(frozen=True)
class CountedUnit:
    """What a "bao nhiêu"/"mấy"/"bao lâu" question counts."""

    unit: str | None = None  # "tổ hòa giải", "năm", "đồng"
    alternatives: tuple[str, ...] = ()  # năm/tháng/ngày... for "bao lâu", "%" for "phần trăm"
    before_number: str | None = None  # "điều" in "điều mấy", "tháng thứ" in "tháng thứ mấy"
    written: bool = False  # the unit is written after "bao nhiêu", not guessed from context
    as_typed: str | None = None  # the unit before abbreviations were spelled out: "vụ tngt"


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks for and what it names.

    `terms` maps each content syllable to its weight, `phrases` holds pairs of adjacent content
    syllables and `trigrams` runs of three words as asked; all are in `form` ("canonical" for an
    accented question, "folded" for one typed without diacritics), the form passages are
    compared in.
    """

    text: str
    type: QuestionType
    form: str  # "canonical" | "folded"
    counted: CountedUnit = field(default_factory=CountedUnit)
    bound: str | None = None  # "max" | "min" | "range": which end of "từ ... đến ..." is asked
    compares: bool = False  # "tỉnh nào có nhiều tổ tự quản hơn": figures compared
    asks_condition: bool = False  # "khi nào", "trong trường hợp nào": the condition is asked
    asked_noun: str | None = None  # "cơ quan" in "cơ quan nào", "quyền" in "có quyền gì"
    subject: str | None = None  # what a definition question defines: "người sử dụng lao động"
    body: str | None = None  # the body a duty question names, folded: "so y te"
    set_aside: str | None = None  # "Ngoài A, huyện nào ...": the place left out, folded
    provinces: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()  # districts: "Điện Biên Đông", "Tuyên Hóa"
    directive_keys: frozenset[str] = frozenset()
    years: tuple[int, ...] = ()
    article_numbers: tuple[str, ...] = ()  # "36" in "Theo Điều 36, ..."
    named_units: tuple[str, ...] = ()  # capitalised names: "Ban Chỉ đạo", "Công an tỉnh"
    terms: dict[str, float] = field(default_factory=dict)
    phrases: tuple[str, ...] = ()
    trigrams: frozenset[str] = frozenset()
    # Phrases the question quotes ("tình trạng “xe dù, bến cóc”"), in `form`: a clause that
    # holds one verbatim is about what was asked, however the rest of it scores.
    quoted: tuple[str, ...] = ()
    period: str | None = None  # the part of a year asked about: "first-half", "whole-year"
    # Communes and villages the question names ("xã Lũng Cú"), folded: the gazetteer knows
    # provinces and districts only, so these are checked as words of the document.
    communes: tuple[str, ...] = ()

    @property
    def unit(self) -> str | None:
        return self.counted.unit

    @property
    def unit_alternatives(self) -> tuple[str, ...]:
        return self.counted.alternatives

    @property
    def unit_before_number(self) -> str | None:
        return self.counted.before_number


@lru_cache(maxsize=512)
def _compiled(pattern: str, folded: bool) -> re.Pattern[str]:
    return re.compile(fold(pattern) if folded else pattern)


def finds(pattern: str, text: str, folded: bool) -> bool:
    """A pattern written in canonical Vietnamese found in a text in canonical or folded form."""
    return _compiled(pattern, folded).search(text) is not None


def comparable(token: str) -> str:
    """A token as compared: numbers without leading zeros ("02" and "2" are one number)."""
    return (token.lstrip("0") or "0") if token.isdigit() else token


def _syllables(text: str) -> list[str]:
    return [comparable(token) for token in TOKEN_RE.findall(text)]


# "Ngoài thành phố A, ...", "tru B, ...": a place the question sets aside, with its kind.
_SET_ASIDE_RE = re.compile(
    r"\b(?:ngoài|ngoai|trừ|tru|không tính|khong tinh|không kể|khong ke)\s+(?!ra\b)"
    r"(?:(?:thành phố|thanh pho|tp\.?|huyện|huyen|thị xã|thi xa|quận|quan|xã|xa|phường|phuong)\s+)?"
    r"(?P<place>[^,;?]{1,40}),",
    re.IGNORECASE,
)


# "nhập về (với) giá nào" asks a price as "giá bao nhiêu" does (not "tham gia nào").
_PRICE_WHICH_RE = re.compile(r"(?<![Tt]ham )\b(giá|gia) (nào|nao)\b")


def _price_asked(match: re.Match[str]) -> str:
    return f"{match.group(1)} {'bao nhiêu' if match.group(2) == 'nào' else 'bao nhieu'}"


# A town named by its abbreviation before its capitalised name: "TT Cửa Việt", "TT. Gio
# Linh" (not a circular's "TT 58/2020", nor another abbreviation: "TT ANTT")
# ... nor "Sở TT&TT", nor "TT Huế" (the province Thừa Thiên Huế).
_TOWN_SHORT_RE = re.compile(
    rf"(?<![\w&])TT\.?\s+(?!Huế\b|Hue\b)(?=[{UPPER_LETTERS}](?![{UPPER_LETTERS}])[^\W\d_])"
)


def analyse(question: str) -> QuestionAnalysis:
    """Read a (standalone) question: its type, counted unit, entities and content words."""
    # Longer text is pasted context, not the question; reading a bounded prefix keeps every
    # pattern below in bounded time on untrusted input.
    text = nfc(question).strip()[:MAX_QUESTION_CHARS]
    text = _PRICE_WHICH_RE.sub(_price_asked, text)  # "nhập về giá nào": how much
    # "So với năm 2029, số vụ cháy năm 2030 ra sao?" asks as "Số vụ cháy năm 2030 so với năm
    # 2029 ra sao?" does: the figure, with its change.
    text = _COMPARED_FIRST_RE.sub(lambda m: f"{m[2]} {m[1].lower()} {m[3]}", text)
    # "TT Cửa Việt" is the town (thị trấn) a table's row names in full, in the form the
    # question is typed in.
    town = "thị trấn " if has_diacritics(text) else "thi tran "
    text = _TOWN_SHORT_RE.sub(town, text)
    folded = not has_diacritics(text)
    normal = fold(text) if folded else canonical(text)
    question_type = _question_type(normal, folded)
    deadline = _DEADLINE_TAIL_RE.search(fold(text).lower())
    if question_type == QuestionType.TIME and deadline is not None:
        # "Sở B phải làm gì, hạn chót bao giờ?": a body's task, its item carrying its
        # deadline (a task asked of no body is still asked by when)
        asked = _question_type(normal[: deadline.start()], folded)
        if asked in _DUTY_SHAPED and finds(patterns.DUTY_CUE, normal, folded):
            question_type = asked if body_of(text) is not None else question_type
    body = None
    if question_type == QuestionType.DEFINITION and _DUTIES_OF_RE.match(fold(text).lower()):
        # "Trách nhiệm của Công an huyện A trong quy chế ... là gì?": a body's tasks, when a
        # body is named (not "trách nhiệm của người lao động", a term a law defines)
        body = body_of(text, bodies_only=True)
    elif question_type in _DUTY_SHAPED and finds(patterns.DUTY_CUE, normal, folded):
        # "giao Sở X nhiệm vụ gì", "Sở X phải làm gì"; "Sở X có được giao chủ trì không,
        # làm những gì": the body before "được ... giao", not the role after it
        body = tasked_body(text) or body_of(text)
    elif question_type in _DUTY_SHAPED and finds(patterns.WHAT_TO_DO, normal, folded):
        body = body_of(text, bodies_only=True)  # "Phòng PC08 làm gì", not "người dân"
    elif question_type == QuestionType.YES_NO:
        # "Sở B có được giao nhiệm vụ ... không?": the items naming it tell (a partner is
        # only asked, "Đề nghị Sở B ..."), not a Có/Không the documents never state.
        body = tasked_body(text)
    if body is not None:
        question_type = QuestionType.DUTY
    # "Ngoài thành phố A, huyện nào ...": the place set aside is not the place asked about.
    aside = _SET_ASIDE_RE.search(text)
    placed = text if aside is None else f"{text[: aside.start()]} {text[aside.end() :]}"
    places = (*provinces_in(placed), *districts_in(placed))
    spans = place_spans(text)  # ... as written: "TP.HCM", "Thừa Thiên Huế" of the city "Huế"
    mentions = tuple(text[span.start : span.end] for span in spans if span.name in places)
    communes = communes_as_written(placed)  # "xã A", "phuong B": not in the gazetteer
    # Typed as a search for a statistic: "TNGT huyện A 9 tháng 2024" asks the figure, as
    # "số TNGT huyện A 9 tháng 2024" would.
    searched = None
    if question_type == QuestionType.OTHER:
        searched = _searched_unit(text, normal, folded, (*places, *communes), mentions)
        amount = "?" not in text and _AMOUNT_SEARCHED_RE.match(fold(normal).lower())
        if searched is None and (_RATE_SEARCHED_RE.match(fold(normal).lower()) or amount):
            # "mức hỗ trợ người báo tin A": the rate, as "... là bao nhiêu" asks it
            searched = _counted_unit(
                f"{normal} {'la' if folded else 'là'} {_HOW_MUCH[folded]}", folded
            )
        if searched is not None:
            question_type = QuestionType.COUNT
    manner = question_type == QuestionType.MANNER
    compared = _compiled(_COMPARED_TAIL, folded).search(normal) if manner else None
    typed_search = question_type == QuestionType.OTHER and searched is None
    if typed_search:
        # ... typed as a search, with no asking word: "tội phạm ma túy huyện A 2029 so cùng kỳ"
        # (read folded, one letter for one: "so cung ky" may be restored "sổ cùng kỳ")
        compared = _compiled(_SEARCH_COMPARED_TAIL, True).search(fold(normal))
    if compared is not None:
        # "Tội phạm ma túy 9 tháng 2024 huyện A so với cùng kỳ thế nào?": the figure searched
        # for, with its change ("tăng 06 vụ"), as the words before the comparison ask it.
        head = _compiled(r"^\W*số\s+", folded).sub("", normal[: compared.start()])
        searched = _searched_unit(head, head, folded, (*places, *communes), mentions)
        # (searched, the cases of an offence: "hút cát trái phép sông B" names no counted
        # noun, and is read as the words it is)
        cases = searched is not None and fold(searched.unit or "").lower().startswith("vu ")
        if searched is not None and (cases or not typed_search):
            question_type = QuestionType.COUNT
        elif typed_search:
            searched = None
    asked_noun = _asked_noun(normal, folded)
    if question_type == QuestionType.OTHER and asked_noun is None:
        # Typed as a search for what a list names: "các cảng cá tỉnh A trong chỉ thị" asks
        # which ones, as "những cảng cá nào ..." does.
        asked_noun = _listed_noun(normal, folded)
        question_type = QuestionType.LIST if asked_noun else question_type
    # ... and, for a figure asked (or whether a thing happened there), the communes it names:
    # a commune's own report does not repeat its name beside each figure (the commune is
    # checked for on its own).
    counting = question_type in (QuestionType.COUNT, QuestionType.YES_NO)
    named_communes = tuple(fold(w) if folded else canonical(w) for w in communes if counting)
    content = _content_part(
        _without_place_mentions(text, normal, spans, places), folded, (*places, *named_communes)
    )
    terms, phrases = _content_terms(text, content, folded, asked_noun)
    if not terms:  # "Bộ luật Lao động quy định điều gì?": the law's name is the topic
        content = _compiled(patterns.TRAILING_PARTICLE, folded).sub(" ", normal)
        terms, phrases = _content_terms(text, content, folded, asked_noun)
    words = _syllables(content)
    period = asked_period(text)
    return QuestionAnalysis(
        text=text,
        type=question_type,
        form="folded" if folded else "canonical",
        counted=_spelled_out(
            _without_places(
                searched
                if searched is not None
                else _counted_unit(normal, folded, communes)
                if question_type == QuestionType.COUNT
                else _compared_unit(normal, folded),
                (*places, *mentions),
                folded,
            ),
            folded,
        ),
        compares=finds(patterns.COMPARISON, normal, folded),
        bound=_bound(normal, folded),
        asks_condition=finds(patterns.CONDITION_ASKED, normal, folded),
        asked_noun=asked_noun,
        subject=_subject(normal, folded) if question_type == QuestionType.DEFINITION else None,
        body=body,
        provinces=tuple(provinces_in(placed)),
        localities=tuple(districts_in(placed)),
        set_aside=fold(aside["place"]).lower().strip() if aside else None,
        directive_keys=frozenset(directive_keys_in(text)),
        years=_asked_years(content, normal, period, folded),
        article_numbers=tuple(_compiled(patterns.ARTICLE_REFERENCE, folded).findall(normal)),
        named_units=tuple(named_units(text)),
        terms=terms,
        phrases=phrases,
        trigrams=frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2)),
        period=period,
        communes=communes_in(text),
        quoted=tuple(m.strip() for m in re.findall(patterns.SUBJECT_QUOTED, normal) if m.strip()),
    )


def _asked_years(content: str, normal: str, period: str | None, folded: bool) -> tuple[int, ...]:
    """The years the question asks about: named bare, or by a range of dates ("từ
    01/10/2030 đến 30/9/2031": the years it is of)."""
    # "386/2024/NQ-HĐND" names a document, not a year asked about ("tháng 7/2025" is the
    # month of one); "tăng so với năm 2023" the year compared with, not the one asked.
    bare = _compiled(patterns.YEAR, folded).findall(
        _compiled(patterns.COMPARED_YEAR, folded).sub(
            " ", re.sub(r"\S*\d/\S*", " ", _with_month_years(content, period))
        )
    )
    years = [int(year) for year in bare]
    return tuple(years + [year for year in range_years(normal) if year not in years])


_MONTH_OF_YEAR_RE = re.compile(r"\b(th[aá]ng \d{1,2})/(\d{4})\b")


def _with_month_years(content: str, period: str | None) -> str:
    """ "tháng 7/2025" as "tháng 7 năm 2025" when that month is the period asked about: its
    year is asked too. A month bounding a time ("đến tháng 9/2023", "cuối tháng 9/2020")
    asks no year's figure."""
    if period is None or not period.startswith("month-"):
        return content
    return _MONTH_OF_YEAR_RE.sub(r"\1 năm \2", content)


# "xã Lũng Cú", "phường Tân Phong", "thôn Nà Tăm": a place below the district, which the
# gazetteer does not hold, read when written with capitals (in lower case "xã chính quy",
# "phường ở" read the same).
# ... its police by their abbreviation too: "CAX Hải Đông", "CAP An Lạc" (commune, ward).
# A name may open with a marked capital: "xã Ẳng Tở", "xã Ô Loan".
# A syllable of a commune's name: capitalised, no capital after ("xã Tân Lập VNeID" names
# "Tân Lập"; an app's or an abbreviation's name is no part of it).
_NAME_SYLLABLE = rf"[{UPPER_LETTERS}](?:(?![{UPPER_LETTERS}])[^\W\d_])*(?![^\W\d_])"
# ... with the number some names end in ("xã Tân Phước 1"), where no figure or period
# follows it ("xã A 9 tháng 2024", "xã A 12 vụ" go on with what is asked).
_NAME_NUMBER = r"(?: \d{1,2}(?=\s*$|\s*[,.;:?!()]|\s+(?:so|có|co|là|la|và|va|thì|thi)\b))?"
_COMMUNE_RE = re.compile(
    r"(?<![Tt]hị )(?<![Tt]hi )"  # "thị xã A" is a district-level town, no commune
    r"\b(?:[Xx][ãa]|[Pp]h(?:ường|uong)|[Tt]h(?:ị trấn|i tran)|[Tt]h[ôo]n|bản|CAX|CAP)"
    rf" ({_NAME_SYLLABLE}(?: {_NAME_SYLLABLE}){{0,2}}{_NAME_NUMBER})"
)


# The same typed fast in lower case ("xa tan lap co bao nhieu camera"): the two words
# after the kind, a commune's name as most are written, when neither is a word of the
# question's own ("xã nào", "xã có") nor makes another word with the kind ("xã hội").
_LOWER_COMMUNE_RE = re.compile(
    r"(?<!\bcac )(?<!\bnhung )(?<!\bmoi )(?<!\btung )(?<!\bcap )(?<!\btrom )"  # "trộm cắp"
    r"(?<!\bcung )(?<!\bphan )(?<!\bthi )"  # "cung cấp", "phân cấp", "thị xã"
    r"\b(?:xa|phuong|thi tran|thon|cax|cap) ([a-z]+ [a-z]+)\b"
)
# A ward named by its number alone, as cities name many ("Phường 4", "phuong 12"): no
# figure of another kind ("phường 4 vụ" is no name), nor one of a list ("các phường 1, 2").
_NUMBERED_WARD_RE = re.compile(
    r"(?<!\bcác )(?<!\bcac )(?<!\bnhững )(?<!\bnhung )"
    r"\b[Pp]h(?:ường|uong) (\d{1,2})(?![\d/]|[.,]?\s*\d)"
    r"(?!\s*(?:tháng|thang|năm|nam|quý|quy|vụ|vu|người|nguoi|lượt|luot|xã|xa|phường|phuong)\b)"
)
_NOT_NAME_WORDS = frozenset((
    "nao", "co", "duoc", "da", "la", "nay", "do", "o", "trong", "thuoc", "va", "voi", "cung",
    "tren", "tai", "khac", "dang", "se", "bi", "hoi", "vien", "bien", "gioi", "ven", "vung",
    "dac", "khu", "xa", "phuong", "so", "chinh", "quy", "tu", "doi", "moi", "nhieu", "it",
    "cao", "thap",
))  # fmt: skip


# Provinces' names, folded, longest first: where a commune's name written before one ends.
PROVINCE_NAMES_FOLDED = sorted(
    {fold(name).lower() for name in (*PROVINCES, *PROVINCES_2025)}, key=len, reverse=True
)


def _without_province(text: str, match: re.Match[str]) -> tuple[str, str]:
    """The commune a match names, as written and folded, up to a province's name written
    after it with no "tỉnh" ("xã Tân Lập Phú Thọ" is "xã Tân Lập")."""
    words = match.group(1).split()
    for cut in range(1, len(words)):
        rest = fold(" ".join(words[cut:]) + text[match.end() :]).lower() + " "
        if any(
            rest.startswith(name) and not rest[len(name)].isalnum()
            for name in PROVINCE_NAMES_FOLDED
        ):
            name = " ".join(words[:cut])
            written = match.group(0)[: match.start(1) - match.start()] + name
            return written, fold(name).lower()
    return match.group(0), fold(match.group(1)).lower()


def _commune_mentions(text: str) -> list[tuple[str, str]]:
    """Each commune or village the text names: as written with its kind ("xã Lũng Cú"), and
    its name folded ("lung cu")."""
    found = [_without_province(text, m) for m in _COMMUNE_RE.finditer(text)]
    found += [(m.group(0), m.group(1)) for m in _NUMBERED_WARD_RE.finditer(text)]
    if found or any(ch.isupper() for ch in text[1:]):
        return found
    folded = fold(text).lower()
    return [
        (text[m.start() : m.end()] if len(folded) == len(text) else m.group(0), m.group(1))
        for m in _LOWER_COMMUNE_RE.finditer(folded)
        if not set(m.group(1).split()) & _NOT_NAME_WORDS
    ]


def communes_in(text: str) -> tuple[str, ...]:
    """Names of the communes or villages a question names, folded: "xã Lũng Cú" -> "lung cu"."""
    return tuple(name for _, name in _commune_mentions(text))


def communes_as_written(text: str) -> tuple[str, ...]:
    """The communes or villages a question names, with their kind, as written ("xã Lũng Cú",
    "xa tan lap"): what a second question part borrows from the first."""
    return tuple(written for written, _ in _commune_mentions(text))


# A search for a rate (read folded): "mức hỗ trợ ...", "mức chi ...", "mức phạt ...", a share
# ("tỷ lệ ngân sách tỉnh chi cho A"), or a
# price: "giá mua (vào) và giá bán ...", "giá thu mua ...", "giá nhập" (not "giả danh", which
# folds alike but never goes on with a word of buying or selling).
_RATE_SEARCHED_RE = re.compile(
    r"^\W*(?:muc (?:ho tro|chi|boi duong|phu cap|thuong|phat|tien|tro cap)|lai suat|t[yi] le"
    r"|gia (?:mua|ban|thu mua|nhap))\b"
)
# ... or an amount searched for, keywords only (no "?"): the cost of a named plan ("kinh phí
# kế hoạch A", "kinh phi KH 12"), a fine, a loss ("tiền phạt ...", "thiệt hại do ...").
_AMOUNT_SEARCHED_RE = re.compile(
    r"^\W*(?:(?:tong )?kinh phi (?:thuc hien )?(?:ke hoach|kh|de an|chuong trinh)"
    r"|tien (?:phat|xu phat)|so tien phat|(?:tong )?thiet hai)\b"
)
_HOW_MUCH = {False: "bao nhiêu", True: "bao nhieu"}
# A figure's change asked after it: ", so với cùng kỳ thế nào?", "so với năm 2023 ra sao".
_COMPARED_TAIL = r",?\s*\bso với\b[^,?]{0,40}?\b(?:thế nào|ra sao)\W*$"
# ("kỳ" as typed or as canonical text spells it, "kì")
_SEARCH_COMPARED_TAIL = r",?\s*\bso (?:với )?(?:cùng k[ỳìyi]|năm trước)(?: năm \d{4})?[\s.?!]*$"
# (The comparison ends at ",", at "thì", or after the year it names: "so voi 2029 so vu ...".)
_COMPARED_FIRST_RE = re.compile(
    r"^\W*((?:so với|so voi)\b"
    r"(?:[^,?]{0,40}?(?=,|\s+(?:thì|thi)\s)|[^,?\d]{0,30}?(?:19|20)\d{2}\b))"
    r"(?:,\s*)?(?:\s*(?:thì|thi)\s+|\s+)"
    r"([^?]+?)\s*((?:như |nhu )?(?:thế nào|the nao|ra sao)\W*)$",
    re.IGNORECASE,
)
# A search names a period ("9 tháng", "quý III", "năm 2024") or a year.
_SEARCHED_YEAR_RE = re.compile(r"(?<![/\d])(?:19|20)\d{2}(?![/\d])")
# Nouns holding a word that frames a search, folded: "xã hội" a commune's unit word
# ("trật tự xã hội" is one noun), "tai nạn" the "tại" of a place ("tai nạn giao thông xã
# A"), "trọng điểm" the "trong" of a period, "quý hiếm" a quarter's "quý".
_FRAMING_NOUN_RE = re.compile(r"\b(?:xa hoi|tai nan|trong diem|quy hiem)\b")
# Words that only frame a search's noun with its place and period: "TNGT ở huyện A năm 2024".
_SEARCH_FRAME = frozenset(
    ("o", "tai", "cua", "trong", "nam", "thang", "quy", "dau", "cuoi", "tp", "tx")
) | {fold(kind) for kind in PLACE_KINDS}
# "số" typed before the searched noun, after its place or period (folded): "... số vụ ...",
# "... số trường hợp ..." (cases; a search for people, "số người X", is read as its words,
# the column of a table naming them otherwise: "Người vi phạm").
_COUNTED_NAMED_RE = re.compile(r"(?<=\s)(?:tong )?so (?=(?:vu|truong hop|luot)\b)")
MAX_SEARCHED_WORDS = 6  # keywords are few: "tiền phạt vi phạm thủy sản", not a sentence
# A searched noun that asks something other than a figure (read folded): "hạn ...", "chỉ
# tiêu ...", "biện pháp ...".
_NOT_A_FIGURE_RE = re.compile(
    r"^(?:(?:thoi )?han|chi tieu|muc tieu|bien phap|giai phap|nguyen nhan|thu doan|tang vat"
    r"|nhiem vu|noi dung)\b"
)


_YEARS_SPAN_NAMED_RE = re.compile(
    r"\b(?:(?:năm học|nam hoc|niên vụ|nien vu|giai đoạn|giai doan)\s+)?"
    r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b",
    re.IGNORECASE,
)


def _searched_unit(
    text: str, normal: str, folded: bool, places: tuple[str, ...], mentions: tuple[str, ...] = ()
) -> CountedUnit | None:
    """What a search for a figure counts: keywords naming one thing, a known place and a
    period or year, and nothing else. "vi phạm nồng độ cồn TP A năm 2024" counts "vi phạm nồng độ
    cồn" as "số vi phạm ..." would; "chỉ tiêu X năm 2025 của công an tỉnh A" or "X 9 tháng
    tăng hay giảm" ask something more. None when the words are no such search, or when
    "số ..." reads less than the searched words as its noun ("thiệt hại do cháy")."""
    if "?" in text or directive_keys_in(text) or not places:
        return None
    if period_of(text) is None and not _SEARCHED_YEAR_RE.search(normal):
        return None
    # ... with "số" before the noun, where typed: "quý I/2031 huyện A số vụ cháy"
    counted_at = _COUNTED_NAMED_RE.search(fold(normal).lower())
    named = normal[: counted_at.start()] + normal[counted_at.end() :] if counted_at else normal
    # ... a span of years is a period too: "năm học 2023-2024", "giai đoạn 2021 - 2025"
    named = _YEARS_SPAN_NAMED_RE.sub(" ", named)
    rest = fold(without_periods(re.sub(r"\([^()]*\)", " ", named))).lower()
    for place in (*places, *mentions):  # ... as written too: "TP.HCM", "TT-Huế"
        rest = re.sub(rf"\b{re.escape(fold(place).lower())}\b", " | ", rest)
    # The words left, the frame's marked: the thing searched is one run of words.
    rest = _FRAMING_NOUN_RE.sub(lambda m: m.group().replace(" ", "_"), rest)
    marks = "".join(
        "f" if word == "|" or word in _SEARCH_FRAME or word[:1].isdigit() else "w"
        for word in re.findall(r"\||[^\W]+", rest)
    )
    searched = " ".join(w for w in re.findall(r"[^\W\d]+", rest) if w not in _SEARCH_FRAME)
    searched = searched.replace("_", " ")
    if (
        re.fullmatch(r"f*w+f*", marks) is None
        or (len(searched.split()) > MAX_SEARCHED_WORDS and counted_at is None)
        or _NOT_A_FIGURE_RE.match(searched)
    ):
        return None
    # (The place ends the noun as `analyse` reads it: "ma túy bắc ninh" typed in lower case.)
    asked = normal[counted_at.start() :] if counted_at else f"{'so' if folded else 'số'} {normal}"
    counted = _without_places(
        _counted_unit(asked, folded),
        (*places, *mentions),
        folded,
    )
    if counted.unit is None:
        return None
    if counted_at is not None:
        return counted  # "số vụ X" typed: the count named, as "bao nhiêu vụ X" names it
    # An amount ("tiền phạt ...": đồng) counts; else the noun read must be the words searched.
    whole = not counted.written or fold(counted.unit).lower() == searched
    if whole and counted.written and _CASE_NOUN_RE.match(searched):
        # "phạm pháp hình sự quý III huyện A": an offence or incident is counted in cases
        # ("xảy ra 9 vụ"), its counter left unsaid.
        counter = "vu" if folded else "vụ"
        return replace(counted, unit=f"{counter} {counted.unit}")
    return counted if whole else None


# Offences and incidents, which reports count in cases ("vụ"), read folded. Not "vi phạm"
# (counted in "trường hợp") nor what is seized ("thu giữ ma túy": grams).
_CASE_NOUN_RE = re.compile(
    r"^(?:pham phap|toi pham|tai nan|tngt|chay|trom|cuop|lua dao|ma tuy|buon lau|danh bac|"
    r"co bac|gay roi|giet nguoi|co y gay thuong tich|duoi nuoc|mua ban nguoi|"
    r"to chuc xuat canh|xuat nhap canh|xuat canh|nhap canh|tin dung den|cho vay lai nang|"
    r"dua xe)\b"
)


def _question_type(normal: str, folded: bool) -> QuestionType:
    for name, pattern in patterns.TYPE_PATTERNS:
        if finds(pattern, normal, folded):
            return QuestionType(name)
    return QuestionType.OTHER


# A unit word before a place that weighs as a content word ("thành phố", "thị xã"; "tỉnh" and
# "huyện" weigh little): part of the place's name, as the gazetteer reads it.
_CITY_UNIT_RE = re.compile(r"(?:\bthanh pho|\btp|\bthi xa|\btx|\bquan)[.\s]*$")


def _without_place_mentions(
    text: str, normal: str, spans: list[PlaceSpan], places: tuple[str, ...]
) -> str:
    """The question (`normal`, the text's normal form) with the places it names blanked out
    as written ("TP.HCM", "Kontum", "thành phố A"): an abbreviated name is no word a passage
    must hold (the places are checked on their own)."""
    if len(normal) != len(text):  # the spans are the text's
        return normal
    for span in reversed(spans):
        if span.name not in places:
            continue
        start = span.start
        unit = _CITY_UNIT_RE.search(fold(normal[:start]).lower())
        if unit is not None:
            start = unit.start()
        normal = f"{normal[:start]}{' ' * (span.end - start)}{normal[span.end :]}"
    return normal


def _content_part(normal: str, folded: bool, places: tuple[str, ...] = ()) -> str:
    """The question without the law it cites, the article it names, its closing "không",
    the places and the periods it names (which passages are checked for separately: a
    district's name holds its province's, "Điện Biên Đông")."""
    for pattern in (patterns.LAW_REFERENCE, patterns.ARTICLE_REFERENCE, patterns.TRAILING_PARTICLE):
        normal = _compiled(pattern, folded).sub(" ", normal)
    for place in sorted(places, key=len, reverse=True):
        normal = re.sub(
            rf"\b{re.escape(fold(place) if folded else canonical(place))}\b", " ", normal
        )
    return without_periods(normal)


# "nguồn tin có giá trị": a valuable tip, no amount ("có giá trị bao nhiêu" asks one).
_VALUED = r"\bcó giá trị\b(?! (?:là )?bao nhiêu)"


def _avoids(words: list[str], i: int, form: Callable[[str], str]) -> bool:
    """Word i opens what the counted are moved or kept from ("tránh lũ", "tránh bão"): a
    purpose, not their kind; not "phòng tránh" (a kind of class or talk) nor, typed without
    marks, "tranh chấp" (a dispute)."""
    if words[i] != form("tránh"):
        return False
    after = words[i + 1 : i + 2]
    return words[i - 1 : i] != [form("phòng")] and after != [form("chấp")]


def _counted_unit(normal: str, folded: bool, names: Sequence[str] = ()) -> CountedUnit:
    """What is counted: the words after "bao nhiêu"/"mấy", or what the context implies.
    `names` (communes as written) are no words of money: "xã Lương Điền đạt bao nhiêu"
    asks no salary ("lương")."""
    form: Callable[[str], str] = fold if folded else str
    unit, before = _unit_after_marker(normal, folded, form)
    written = unit is not None
    unnamed = normal
    for name in names:
        unnamed = re.sub(re.escape(form(name).lower()), " ", unnamed, flags=re.IGNORECASE)
    alternatives: tuple[str, ...] = ()
    if unit is None and finds(r"\bbao nhiêu\s*%", normal, folded):
        unit, written = form("phần trăm"), True  # "đạt bao nhiêu %": a percentage
    elif unit is None and finds(r"\b(?:tỷ|tỉ) lệ\b.*\bbao nhiêu\b", normal, folded):
        unit, written = form("phần trăm"), False  # "tỷ lệ ... đạt bao nhiêu": one too
    elif unit is None and finds(r"\blãi suất\b.*\bbao nhiêu\b", normal, folded):
        # "lãi suất ... bao nhiêu": a share a year, or đồng a day on each million lent
        return CountedUnit(form("phần trăm"), ("%", form("đồng")), before, False)
    # "chỉ tiêu tập huấn, cấp phát công cụ hỗ trợ đạt bao nhiêu": how far a target is
    # reached, a share or a count as the target is set, not an amount of the money its
    # words name ("hỗ trợ").
    reached = unit is None and finds(
        r"\b(?:chỉ|mục) tiêu\b.*\bđạt (?:được )?bao nhiêu\b", normal, folded
    )
    if unit is None and finds(r"\bbao lâu\b", normal, folded):
        alternatives = tuple(form(u) for u in DURATION_UNITS)
    elif (
        not reached
        and (unit is None or _names_amount(unit, form))
        and any(
            finds(rf"\b{c}\b", _compiled(_VALUED, folded).sub(" ", unnamed), folded)
            for c in MONEY_CUES
        )
    ):
        unit, written = form("đồng"), False  # "phạt tiền từ bao nhiêu": an amount in đồng
    if unit and unit.startswith(form("phần trăm")):
        alternatives = ("%",)
    return CountedUnit(unit, alternatives, before, written)


def _names_amount(unit: str, form: Callable[[str], str]) -> bool:
    """ "tiền phạt ...", "thiệt hại do cháy", "kinh phí ...": an amount, counted in đồng."""
    return any(unit == form(cue) or unit.startswith(f"{form(cue)} ") for cue in MONEY_CUES)


def _without_places(counted: CountedUnit, places: tuple[str, ...], folded: bool) -> CountedUnit:
    """The counted noun up to a place the question names: typed as a search without "ở",
    "số đội dân phòng điện biên" counts "đội dân phòng"; "vụ cháy ở Gò Công Đông" counts
    "vụ cháy", also where the noun's words ran out inside the name ("vụ cháy ở gò")."""
    unit = counted.unit
    if not unit:
        return counted
    names = {(fold(place) if folded else canonical(place)).lower() for place in places}
    for name in sorted(names, key=len, reverse=True):
        match = re.search(rf"\s\b{re.escape(name)}\b", unit.lower())
        if match:
            unit = unit[: match.start()]
            continue
        words = name.split()
        for size in range(len(words) - 1, 0, -1):
            opening = re.search(
                rf"\s(?:ở|tại|o|tai)\s{re.escape(' '.join(words[:size]))}$", unit.lower()
            )
            if opening:
                unit = unit[: opening.start()]
                break
    unit = re.sub(r"\s+(?:ở|tại|o|tai)\s*$", "", unit)  # "vụ cháy ở | huyện A"
    return replace(counted, unit=unit.strip() or None)


_COUNTER_SHORT_RE = re.compile(r"^th\b", re.IGNORECASE)


def _spelled_out(counted: CountedUnit, folded: bool) -> CountedUnit:
    """ "bao nhiêu vụ TNGT" counts "vụ tai nạn giao thông", as the documents write it."""
    if not counted.unit:
        return counted
    # A counter typed short: "bao nhiêu TH vi phạm" counts "trường hợp" (a report's "TH"
    # elsewhere is an office, "Lưu: VT, TH": read so only as the counted noun's first word).
    spelled = spell_out(_COUNTER_SHORT_RE.sub("trường hợp", counted.unit))
    unit = (fold(spelled) if folded else canonical(spelled)).lower()
    return replace(counted, unit=unit, as_typed=counted.unit)


# A body's abbreviation ending a counted noun ("CA", "CAH", "UBND" ...: those spelling out
# a police, a people's committee or council), read in a question with its marks (typed
# without them, "ca" may be "cá": "tàu cá").
_BODY_SHORTS = frozenset(
    canonical(short).lower()
    for short, spelled in ABBREVIATIONS.items()
    if re.match(r"(?:công an|ủy ban|hội đồng)\b", canonical(spelled).lower())
)


# What a size is told by ("dài", "nặng") and the bound or figure that follows it ("từ 15 m",
# "trên 10 tấn", "12 m"), in both forms.
_MEASURES = ("dài", "rộng", "cao", "nặng", "sâu")
_BOUND_RE = re.compile(r"(?:từ|tu|trên|tren|dưới|duoi|hơn|hon) \d|\d", re.IGNORECASE)


# A unit of area or volume: "m3", "m2", "km2" ("bao nhiêu m3 cát").
_SQUARED_UNIT_RE = re.compile(SQUARED_UNIT, re.IGNORECASE)


def _unit_after_marker(
    normal: str, folded: bool, form: Callable[[str], str]
) -> tuple[str | None, str | None]:
    """The noun phrase after the first "bao nhiêu"/"mấy" that has one, and the noun standing
    before a bare one ("điều mấy", "tháng thứ bao nhiêu")."""
    stops = {form(word) for word in UNIT_STOPS}
    nouns = {form(noun) for noun in UNIT_STOP_NOUNS}
    periods = {form(word) for word in ("năm", "tháng", "quý", "ngày", "tuần")}
    regions = {form(word) for word in ("khu vực", "địa bàn")}
    # "số vụ TNGT huyện A", "gỗ thu giữ TX B": the noun ends where a place is named.
    kinds = {form(kind) for kind in PLACE_UNITS} | {"tp", "tx"}
    society = {form("xã hội")}  # "trật tự xã hội" names no commune
    located = {form("ở"), form("tại")}
    measures = {form(word) for word in _MEASURES}
    not_located = {form(w) for w in ("đâu", "các", "những", "mỗi", "từng", "địa", "khu", "cấp")}
    unit: str | None = None
    before: str | None = None
    markers = list(_compiled(r"\bbao nhiêu\b|\bmấy\b", folded).finditer(normal))
    asking = [form("bao"), form("nhiêu")]
    # "số vụ tai nạn giao thông năm 2024 ở tỉnh A", "Số điểm ùn tắc giảm từ bao nhiêu còn bao
    # nhiêu": the noun after "Số" when no asking word is followed by one.
    markers += list(_compiled(patterns.COUNT_PHRASE, folded).finditer(normal))
    for marker in markers:
        clause = re.split(r"[,.?;:!()]", normal[marker.end() :], maxsplit=1)[0]
        following: list[str] = []
        words = clause.split()[:MAX_UNIT_WORDS]
        whole = -1  # the second word of a noun opening with a stop word ("bị can")
        for i, word in enumerate(words):
            noun = " ".join(words[i : i + 2]) in nouns
            if noun:
                whole = i + 1
            # "vụ trộm ở nhà trọ": where the noun is counted qualifies it, unless a
            # place ("ở huyện A", "tại các xã", cut with the places named: `_without_places`)
            following_word = " ".join(words[i + 1 : i + 2])
            if (
                following
                and word in located
                and following_word
                and following_word not in kinds | not_located
                and " ".join(words[i + 1 : i + 3]) not in regions | kinds
            ):
                following.append(word)
                continue
            # "đối" stops as "đối với" only: typed without marks "doi" is also "đội".
            towards = word != form("đối") or words[i + 1 : i + 2] == [form("với")]
            stop = word in stops and towards and not noun and i != whole
            if stop or not (WORD_RE.fullmatch(word) or _SQUARED_UNIT_RE.fullmatch(word)):
                break
            # "bao nhiêu vụ bao nhiêu bị can", "... vụ mấy người": the next part asked
            if words[i : i + 2] == asking or (not folded and word == "mấy"):
                break  # (typed without marks "may" is also the "máy" of "xe máy")
            if following and word in periods:  # "số vụ TNGT năm 2024": the noun ends there
                break
            if (
                not following
                and word == form("năm")
                and _SEARCHED_YEAR_RE.fullmatch(following_word)
            ):
                break  # "xây mới bao nhiêu năm 2030": the year asked of, no count of years
            if following and " ".join(words[i : i + 2]) in regions:  # "vụ cháy | khu vực A"
                break
            pair = " ".join(words[i : i + 2])
            if following and (pair in kinds or (word in kinds and pair not in society)):
                break
            whole_of = (" ".join(words[i + 1 : i + 1 + n]) for n in (1, 2))
            if following and word == form("toàn") and any(w in kinds for w in whole_of):
                break  # "số đội dân phòng toàn tỉnh (thành phố)": the noun ends at the whole
            if following and not folded and word in _BODY_SHORTS:
                break  # "số vụ ma túy CA tỉnh phát hiện": the noun ends at the body counting
            if following and word in measures and _BOUND_RE.match(" ".join(words[i + 1 : i + 3])):
                break  # "bao nhiêu xe tải nặng trên 10 tấn": a size of the noun, not its name
            if following and _avoids(words, i, form):
                break  # "di dời bao nhiêu hộ dân tránh lũ": what for, no kind of household
            following.append(word)
        while following and following[-1] in located:
            following.pop()
        if following:
            unit = unit or " ".join(following)
            continue
        preceding = normal[: marker.start()].split()[-2:]
        if preceding and preceding[-1] in {form("điều"), form("khoản"), form("thứ")}:
            before = " ".join(preceding if preceding[-1] == form("thứ") else preceding[-1:])
    return unit, before


def _compared_unit(normal: str, folded: bool) -> CountedUnit:
    """What a comparison counts: "nhiều tổ tự quản hơn" -> "tổ tự quản", "số người chết
    cao nhất" -> "người chết", "trị giá hàng lậu lớn nhất" -> "trị giá hàng lậu", "số hộ ...
    khác nhau thế nào" -> "hộ"."""
    match = (
        _compiled(patterns.COMPARED_UNIT, folded).search(normal)
        or _compiled(patterns.VALUED_UNIT, folded).search(normal)
        or _compiled(patterns.RATED_UNIT, folded).search(normal)
    )
    if not match:
        contrasted = _compiled(patterns.CONTRASTED_UNIT, folded).search(normal) or _compiled(
            patterns.CONTRASTED_UNIT_BEFORE, folded
        ).search(normal)
        return CountedUnit(contrasted.group(1), written=True) if contrasted else CountedUnit()
    ranked = re.split(r"[,.?;:!()]", match.group(1), maxsplit=1)[0]
    # "nhiều người bị thương khi tham gia bắt giữ nhất": when they were hurt is no part of
    # the noun ranked (typed bare, "khi" is also the "khí" of "vũ khí")
    ranked = _compiled(r"\s(?<!vũ )(?<!vu )khi\s.*$", folded).sub("", f"{ranked} ")
    words = ranked.split()[:MAX_UNIT_WORDS]
    return CountedUnit(" ".join(words), written=True) if words else CountedUnit()


def _subject(normal: str, folded: bool) -> str | None:
    """The term a definition question is about: quoted, or standing before "là gì"."""
    if finds(patterns.GIVEN_DEFINITION, normal, folded):
        return None
    match = re.search(patterns.SUBJECT_QUOTED, normal) or _compiled(
        patterns.SUBJECT_BEFORE, folded
    ).search(normal)
    if not match:
        return None
    lead = _compiled(patterns.DEFINITION_LEAD, folded)
    return lead.sub("", match.group(1).strip()) or None


def _bound(normal: str, folded: bool) -> str | None:
    for bound, pattern in (
        ("range", patterns.RANGE_BOUND),
        ("max", patterns.MAX_BOUND),
        ("min", patterns.MIN_BOUND),
    ):
        if finds(pattern, normal, folded):
            return bound
    return None


# Nouns a "X nào" question asks for whose syllables a folded stop word may spell ("thi
# tran nao": "thì" and "thị" are both "thi"); the kinds of place are among them.
KNOWN_ASKED_NOUNS = PLACE_NOUNS | frozenset(
    f(noun) for noun in ("văn bản", "cơ quan", "đơn vị", "lực lượng") for f in (canonical, fold)
)


def _asked_noun(normal: str, folded: bool) -> str | None:
    """The noun a "X nào" / "X gì" question asks about: "cơ quan", "trường hợp", "quyền"."""
    if finds(r"\b(?:như|ra|làm) (?:thế )?(?:nào|gì|sao)\b", normal, folded):
        return None
    match = _compiled(r"((?:\w+ ){1,2})(?:nào|gì)\b", folded).search(normal)
    if not match:
        # "Các huyện xảy ra nhiều vụ cháy nhất": the places the question opens with.
        ranked = _compiled(r"^(?:các|những) (\w+(?: \w+)?)", folded).search(normal)
        if ranked and finds(patterns.RANKED, normal, folded):
            for kind in (ranked.group(1), ranked.group(1).split()[0]):
                if kind in PLACE_NOUNS:
                    return kind
        return None
    skip = {fold(w) if folded else w for w in STOP_WORDS | ASKED_NOUN_SKIP}
    words: list[str] = []
    for word in reversed(match.group(1).split()):
        # Folded, a stop word can spell a noun's syllable ("vẫn" and "văn" are both "van"):
        # a known asked noun is kept whole.
        if word in skip and " ".join([word, *words]) not in KNOWN_ASKED_NOUNS:
            break
        words.insert(0, word)
    # "Thường Tín và Chương Mỹ nơi nào": the kind of place, not the name before it.
    if len(words) > 1 and " ".join(words) not in PLACE_NOUNS and words[-1] in PLACE_NOUNS:
        return words[-1]
    return " ".join(words) or None


def _listed_noun(normal: str, folded: bool) -> str | None:
    """The noun a search opening with "các" or "những" lists: "cảng cá" of "các cảng cá
    tỉnh A", "xã" of "các xã biên giới" (a kind of place is one word)."""
    opening = _compiled(r"^(?:các|những) (\w+)(?: (\w+))?", folded).search(normal)
    if opening is None:
        return None
    first, second = opening.groups()
    if first in {fold(w) if folded else w for w in STOP_WORDS | ASKED_NOUN_SKIP}:
        return None
    # The noun's second word is any but a word joining what follows ("các vụ ở A"); not
    # the stop words, which folded spell nouns' syllables too ("cá" of "cảng cá" is "ca").
    joining = {fold(w) if folded else w for w in _JOINING_WORDS}
    if first in PLACE_NOUNS or second is None or second in joining:
        return first
    return f"{first} {second}"


_JOINING_WORDS = frozenset(
    (
        *("ở", "của", "tại", "trong", "có", "là", "được", "và", "các", "những", "về", "theo"),
        *("đã", "bị", "do", "cho", "với", "từ", "trên", "thuộc"),
    )
)


def _content_terms(
    text: str, content: str, folded: bool, asked_noun: str | None
) -> tuple[dict[str, float], tuple[str, ...]]:
    """Weighted content syllables of the question and its adjacent content pairs."""
    form: Callable[[str], str] = fold if folded else str
    stops = {form(w) for w in STOP_WORDS}
    names = {form(canonical(w)) for w in name_syllables(text)}
    for phrase in sorted(patterns.MARKER_PHRASES, key=len, reverse=True):  # longest first
        content = _compiled(rf"\b{phrase}\b", folded).sub(" ", content)
    terms: dict[str, float] = {}
    phrases: list[str] = []
    previous: str | None = None
    for token in _syllables(content):
        if token in stops or _compiled(patterns.YEAR, folded).fullmatch(token):
            previous = None
            continue
        terms[token] = max(_weight(token, names, form, asked_noun), terms.get(token, 0.0))
        if previous is not None:
            phrases.append(f"{previous} {token}")
        previous = token
    return terms, tuple(dict.fromkeys(phrases))


def _weight(
    token: str, names: set[str], form: Callable[[str], str], asked_noun: str | None
) -> float:
    if token in (form("không"), form("chưa")):
        return NEGATION_WEIGHT
    if token[:1].isdigit():
        return VALUE_WEIGHT
    if asked_noun and token in asked_noun.split():
        return ASKED_NOUN_WEIGHT
    if token in {form(w) for w in LOW_WEIGHT_WORDS}:
        return LOW_WEIGHT
    return NAME_WEIGHT if token in names else 1.0
