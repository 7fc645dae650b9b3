"""A ward named by its number alone ("Phường 7"), as cities name many: asked of its row, a
table of wards answers with that row's figure, not another ward's (invented table)."""

from __future__ import annotations

import pytest

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import analyse
from tests.assistant.one_document import invented_passage

WARDS = invented_passage(
    "Kết quả năm học 2030 - 2031 theo từng phường\n\n"
    "| Phường | Học sinh vi phạm TTATGT (lượt) | Buổi tuyên truyền |\n"
    "|---|---|---|\n"
    "| Phường 2 | 131 | 6 |\n"
    "| Phường 7 | 245 | 11 |\n"
    "| Phường An Hòa | 58 | 4 |",
    title="Báo cáo kết quả bảo đảm an ninh trường học năm học 2030 - 2031",
    province="Vĩnh Long",
    year=2031,
)


@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        ("Phường 7 TP Vĩnh Long có bao nhiêu lượt học sinh vi phạm TTATGT?", "245", "131"),
        ("phuong 2 thanh pho Vinh Long co bao nhieu luot hoc sinh vi pham TTATGT", "131", "245"),
    ],
)
def test_a_numbered_ward_s_row_answers(question: str, figure: str, other: str) -> None:
    answer = ExtractiveAnswerer().build(question, [WARDS])
    assert not answer.refused, answer.answer
    assert figure in answer.answer and other not in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "wards"),
    [
        ("Phường 12 quận 8 có bao nhiêu vụ trộm cắp?", ("12",)),
        ("Phường 3 hay Phường 5 có nhiều vụ hơn?", ("3", "5")),
        ("Các phường 1, 2 có bao nhiêu vụ?", ()),  # wards listed together: no one of them
        ("Có 12 xã, phường 4 vụ?", ()),  # a figure of another kind after the word
        ("phường 4 tháng đầu năm có mấy vụ?", ()),
    ],
)
def test_which_numbers_name_a_ward(question: str, wards: tuple[str, ...]) -> None:
    assert analyse(question).communes == wards
