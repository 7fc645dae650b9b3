"""A value ranked ("xã nào có trị giá hàng buôn lậu lớn nhất") is read from the column naming
the value ("Trị giá hàng (triệu đồng)"), not from the column of cases, which names more of
the question's other words (invented table)."""

from __future__ import annotations

import pytest

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import analyse
from tests.assistant.one_document import invented_passage

TABLE = invented_passage(
    "Phụ lục: Kết quả chống buôn lậu theo địa bàn năm 2031\n\n"
    "| Địa bàn | Vụ buôn lậu | Trị giá hàng (triệu đồng) |\n"
    "|---|---|---|\n"
    "| Xã Thông Lưu | 31 | 640 |\n"
    "| Xã Bình Hòa | 18 | 1.920 |\n"
    "| Xã Tân Phước | 9 | 210 |",
    title="Báo cáo kết quả chống buôn lậu năm 2031 huyện Hồng Ngự",
    province="Đồng Tháp",
    district="Hồng Ngự",
    year=2031,
)


@pytest.mark.parametrize(
    "question",
    [
        "Xã nào ở Hồng Ngự có trị giá hàng buôn lậu lớn nhất năm 2031?",
        "xa nao Hong Ngu tri gia hang buon lau lon nhat nam 2031",
    ],
)
def test_the_value_s_column_ranks_the_rows(question: str) -> None:
    assert analyse(question).counted.unit in ("trị giá hàng buôn lậu", "tri gia hang buon lau")
    answer = ExtractiveAnswerer().build(question, [TABLE])
    assert "Bình Hòa" in answer.answer.split("[1]")[0], answer.answer
