"""Which row of a table a question names: "tổ phó được hỗ trợ bao nhiêu" names the row
"Tổ phó" word for word; "mức hỗ trợ tổ phó tổ tự quản" names "Tổ phó Tổ tự quản về an ninh,
trật tự" by most of its words, once the words the table's title already says ("tổ tự quản")
are set aside; "bị thương từ 21% đến 40%" names the row of those figures.

One reading serves every table a row is picked from by what it is (a rate's, a count's), so a
row is named the same way whatever the table counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from assistant.extractive.counting import near_pairs, pairs, qualifying
from assistant.extractive.entities import places_named
from assistant.extractive.former_rates import RATE_WORDS
from assistant.extractive.lexicon import STOP_WORDS
from assistant.extractive.question import QuestionAnalysis
from index.abbreviations import spell_out
from index.vietnamese import fold

# A row is named by two of its words at least: "Tổ phó", not a bare "Khác" that a question
# could hold by chance.
MIN_LABEL_WORDS = 2
MIN_ROW_SHARE = 0.5  # of the asked thing's words, the row's label names at least this
MAX_UNSAID_WORDS = 1  # of the asked thing's words, the table may leave this many unsaid
# Function words in both forms, as a question may be typed.
_STOPS = STOP_WORDS | {fold(w) for w in STOP_WORDS}
_Row = TypeVar("_Row")


def phrase(text: str) -> str:
    """The text's words folded, abbreviations spelled out, one space apart; a number typed
    against its unit ("12m", "200kg") apart from it, as a header writes "12 m"."""
    folded = fold(spell_out(text)).lower()
    return " ".join(re.findall(r"\w+", re.sub(r"(?<=\d)(?=[^\W\d_])", " ", folded)))


@dataclass(frozen=True)
class AskedRow:
    """What a question names a row by."""

    said: str  # the question's phrase, padded: " to pho duoc ho tro bao nhieu "
    asked: frozenset[str]  # its own words: no function, asking or rate words, places, numbers
    typed: frozenset[str]  # of its words, those typed in lower case (no names, abbreviations)
    figures: frozenset[str]  # the numbers it gives: "21", "40"
    folded: bool  # typed without marks: words are compared folded
    joined: bool = False  # it joins two things: "tổ trưởng, tổ phó ...", "A và B"

    def words_of(self, text: str) -> set[str]:
        """The words of a text in the question's form, abbreviations spelled out."""
        spelled = spell_out(text).lower()
        return set(re.findall(r"\w+", fold(spelled) if self.folded else spelled))


def asked_row(analysis: QuestionAnalysis) -> AskedRow:
    """The words and figures the question may name a row by."""
    # Compared in the question's form: "ban đêm" is not the "bàn" of "địa bàn".
    folded = analysis.form == "folded"
    blank = AskedRow("", frozenset(), frozenset(), frozenset(), folded)
    places = blank.words_of(
        " ".join((*analysis.provinces, *analysis.localities, *places_named(analysis.text)))
    )
    # Its abbreviations spelled out ("CA, QS" are "Công an, Quân sự").
    said_words = {w for w in blank.words_of(analysis.text) if w.isalpha()}
    asked = {w for w in said_words if fold(w) not in RATE_WORDS} - places - _STOPS
    # Names and abbreviations a table may well leave to its title ("Thừa Thiên Huế", "QS").
    typed = blank.words_of(" ".join(w for w in analysis.text.split() if w[:1].islower()))
    return AskedRow(
        said=f" {phrase(analysis.text)} ",
        asked=frozenset(asked),
        typed=frozenset(typed),
        figures=frozenset(re.findall(r"\d+", analysis.text)),
        folded=folded,
        joined=_JOINS_RE.search(fold(analysis.text).lower()) is not None,
    )


# Two things joined (folded): "súng săn và lựu đạn", or two of one kind listed, "tổ trưởng,
# tổ phó", "trưởng ban, phó ban" (not any comma: "Theo NQ X, mức hỗ trợ ...").
_JOINS_RE = re.compile(r"\bva\b|\b(\w+) (\w+), (?:\1 \w+|\w+ \2)\b")


# Two things of one kind joined before what is asked of them (folded): "súng săn và lựu đạn
# được hỗ trợ bao nhiêu" asks the rate of each.
_JOINED_RE = re.compile(r"\sva\s")


def joined_rows(analysis: QuestionAnalysis) -> tuple[AskedRow, AskedRow] | None:
    """What each of two things joined by "và" names a row by: the words before the joint,
    and those after it (with the rest of the question); None when nothing is joined."""
    folded = fold(analysis.text).lower()
    joints = list(_JOINED_RE.finditer(folded))
    if len(joints) != 1:
        return None
    joint = joints[0]
    first, second = analysis.text[: joint.start()], analysis.text[joint.end() :]
    return (
        asked_row(replace(analysis, text=first)),
        asked_row(replace(analysis, text=second)),
    )


# How strongly a row is named, compared in this order: the figures the question gives that
# the label has, whether the label is named word for word (where the question joins no two
# things), the question's own words the label names beyond the table's title, all the
# words it names; and for a row named word for word only, the label's words (the longest
# label named). Named by share, "tổ trưởng, tổ phó tổ bảo vệ" names the rows "Tổ trưởng Tổ
# bảo vệ" and "Tổ phó Tổ bảo vệ" alike, though only the second word for word.
Naming = tuple[int, int, int, int, int, int]


_BRACKETED_RE = re.compile(r"\([^()]*\)")
# The unit words of a place's name, in a phrase: "xã", "phường", "thị trấn" (a row's label
# may write them where a question leaves them out).
_UNIT_WORDS_RE = re.compile(r"(?<= )(?:xa|phuong|thi tran)(?= )|^(?:xa|phuong|thi tran) ")


def naming(
    asked: AskedRow,
    label: str,
    table_text: str = "",
    context: str = "",
    by_share: bool = False,
    others: Sequence[str] = (),
) -> Naming | None:
    """How strongly the row labelled `label` is named, or None when it is not.

    A row is named by its label word for word (two words at least). With `by_share`, as a
    rate's row is (a title or a degree the question paraphrases: "tổ phó tổ tự quản", "bị
    thương 21% - 40%"), also by half the asked words, by two of those beyond the table's
    `context` (its title and heading) or all of them, or by a figure the question gives;
    first by the asked words beyond the table's context that no other row of its table
    (`others`, their labels) says: "ban đêm" tells "Bồi dưỡng ... tuần tra ban đêm" from
    "... tuần tra ... biên giới ban ngày", which shares as many words with "tuần tra biên
    giới ban đêm"; and not for what the table leaves unsaid (`table_text`, its header and
    rows: "ban đêm" asked of a table with no night rate; one word may go unsaid). A
    count's row names a place or a unit, which a share of words does not name: "Công an
    tỉnh" is not "Các phòng nghiệp vụ Công an tỉnh", and a count's question holds many
    words its table has no need to say."""
    size = len(phrase(label).split())
    whole = size >= MIN_LABEL_WORDS and f" {phrase(label)} " in asked.said
    # ... or without what its brackets add: "Cao tốc Bắc - Nam (đoạn qua tỉnh)"; or without
    # its unit words, as a place is typed ("khu vực A cũ" names "Khu vực xã A cũ").
    bare = phrase(_BRACKETED_RE.sub(" ", label))
    whole = whole or (
        len(bare.split()) >= MIN_LABEL_WORDS and bare != phrase(label) and f" {bare} " in asked.said
    )
    # (more than a bare name: "Thị trấn A" is not named by "A", its district's name too)
    unitless = _UNIT_WORDS_RE.sub(" ", phrase(label)).split()
    whole = whole or (
        len(unitless) > MIN_LABEL_WORDS
        and len(unitless) < size
        and f" {' '.join(unitless)} " in _UNIT_WORDS_RE.sub(" ", asked.said).replace("  ", " ")
    )
    if not by_share:
        return (0, 0, 0, 0, 0, size) if whole else None
    context_words = asked.words_of(context)
    if len(asked.typed & asked.asked - asked.words_of(table_text) - context_words) > (
        MAX_UNSAID_WORDS
    ):
        return None
    words = asked.words_of(label)
    own = asked.asked - context_words
    shared = len(asked.asked & words)
    shared_own = len(own & words)
    given = len(asked.figures & set(re.findall(r"\d+", label)))
    by_share = shared >= MIN_LABEL_WORDS and shared >= MIN_ROW_SHARE * len(asked.asked)
    # Every word the question says beyond the table's title, the row says: "tổ viên" of a
    # table of rates for "Tổ bảo vệ" names the row "Hỗ trợ hằng tháng đối với Tổ viên".
    all_own = bool(own) and own <= words and shared >= MIN_LABEL_WORDS
    if not (whole or by_share or shared_own >= MIN_LABEL_WORDS or all_own or (given and shared)):
        return None
    said_elsewhere = set().union(*(asked.words_of(other) for other in others))
    distinct = len(own & words - said_elsewhere)
    # A row named word for word goes first: "Súng săn" in "... nộp một khẩu súng săn", not
    # "Súng kíp, súng tự chế ... tương tự súng săn", which holds more of the question's words
    # (the "tự" of "tự nguyện" among them); unless the question joins two ("tổ trưởng, tổ
    # phó tổ bảo vệ" names both rows, one of them word for word).
    return given, int(whole and not asked.joined), distinct, shared_own, shared, 0


def best_named(named: Sequence[tuple[Naming, _Row]]) -> list[_Row]:
    """The rows named most strongly: several when they are named alike ("tổ trưởng, tổ
    phó" names each)."""
    if not named:
        return []
    best = max(key for key, _ in named)
    return [row for key, row in named if key == best]


# Words of a rate's period or measure, which name no one it is paid to: "hằng tháng",
# "mỗi người", "một ngày".
_PER_WORDS = frozenset(
    re.findall(r"\w+", "hang moi mot thang ngay nam nguoi luot ca buoi gio tuan quy")
)
# Fewer words than this name the payee too loosely to refuse a rate on ("trực đêm" is
# when, not whom).
MIN_PAYEE_WORDS = 3
# Of the payee's pairs of words, the text read up to a rate says at least this share:
# "Tổ trưởng Tổ bảo vệ ANTT" under a paragraph on "Tổ bảo vệ an ninh, trật tự ở cơ sở".
MIN_PAYEE_SHARE = 0.5


def names_payee(analysis: QuestionAnalysis, text: str) -> bool:
    """Whether the text read up to a rate names whom the question asks it for: "Mức hỗ trợ
    Đội trưởng Đội dân phòng" is not answered by "Tổ trưởng 900.000 đồng/tháng" of a
    report on another team. The payee is the question's own words in order (no asking,
    rate or period words, no places), compared pair by pair as a counted noun is: those
    the question says side by side."""
    own = {fold(word) for word in asked_row(analysis).asked} - _PER_WORDS
    # Runs of the payee's words as the question says them: "dân phòng (tỉnh A) đi chữa
    # cháy ban đêm" pairs "dân phòng" and "chữa cháy", not "phòng" with "đi".
    runs = " ".join(w if w in own else "|" for w in phrase(analysis.text).split()).split("|")
    asked = set().union(*(pairs(run.split()) for run in runs))
    if len(own) < MIN_PAYEE_WORDS or not asked:
        return True
    return len(asked & near_pairs(qualifying(spell_out(text)))) >= MIN_PAYEE_SHARE * len(asked)


# A team's role (folded): "tổ trưởng", "đội phó", "tổ viên".
_TEAM_ROLE_RE = re.compile(r"\b(?:to|doi) (?:truong|pho|vien)\b")


def names_other_role(analysis: QuestionAnalysis, text: str) -> bool:
    """Whether the text gives rates of a team's other roles only: "Tổ trưởng 700.000 đồng"
    answers no "tổ viên được hỗ trợ bao nhiêu"."""
    asked = set(_TEAM_ROLE_RE.findall(phrase(analysis.text)))
    told = set(_TEAM_ROLE_RE.findall(phrase(text)))
    return bool(asked and told) and not asked & told
