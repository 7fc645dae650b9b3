"""A commune's row is labelled with its district in brackets ("Xã A (huyện B)"); a question
naming the commune and its district asks that row, not another commune's of the district
(invented table)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from tests.assistant.one_document import invented_passage


def _report(rows: str) -> object:
    return invented_passage(
        "Phụ lục: Tình hình buôn lậu trên tuyến biên giới 9 tháng năm 2031\n\n"
        "| Địa bàn | Vụ buôn lậu | Thuốc lá lậu thu giữ (bao) |\n"
        "|---|---|---|\n" + rows,
        "nq.md",
        title="Nghị quyết hỗ trợ chốt chống buôn lậu biên giới huyện Tri Tôn",
        kind="nghị quyết",
        province="An Giang",
        year=2031,
    )


def test_the_commune_s_row_is_read_with_its_district_in_brackets() -> None:
    report = _report(
        "| Xã Tân Mỹ (huyện Tri Tôn) | 12 | 4.100 |\n| Xã Lạc Quới (huyện Tri Tôn) | 9 | 2.750 |"
    )
    answer = ExtractiveAnswerer().build(
        "9 thang nam 2031 xa Lac Quoi huyen Tri Ton thu giu bao nhieu bao thuoc la lau", [report]
    )
    assert "2.750" in answer.answer and "4.100" not in answer.answer, answer.answer
