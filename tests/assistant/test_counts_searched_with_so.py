"""A count typed as a search with "số" after its place and period ("quý I/2031 huyện A số
vụ X"): the count named, as "bao nhiêu vụ X" names it; a period compared with, no period a
paragraph tells (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import QuestionType, analyse
from tests.assistant.one_document import invented_passage


def test_so_typed_after_the_place_names_the_count() -> None:
    analysis = analyse("quý I/2031 huyện Lục Yên số vụ khai thác cát trái phép")
    assert analysis.type == QuestionType.COUNT and analysis.counted.unit is not None
    assert (analysis.counted.unit or "").startswith("vụ khai thác cát")
    report = invented_passage(
        "Năm 2030 phát hiện 41 vụ khai thác cát trái phép trên sông Chảy. Riêng quý I/2031 "
        "đã phát hiện 12 vụ/15 đối tượng, tăng 04 vụ so với cùng kỳ năm 2030.",
        title="Chỉ thị về tăng cường quản lý khai thác cát trên sông Chảy giai đoạn 2031 - 2032",
        kind="chỉ thị",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "quy I/2031 huyen Luc Yen so vu khai thac cat trai phep", [report]
    )
    assert "12 vụ/15 đối tượng" in answer.answer.split("[1]")[0], answer.answer


def test_a_period_compared_with_is_no_period_the_paragraph_tells() -> None:
    report = invented_passage(
        "**4. Người nước ngoài tạm trú.** 9 tháng có 3.826 lượt người nước ngoài khai báo tạm "
        "trú. Quý III có 1.463 lượt, tăng 338 lượt so với quý II/2031. Phát hiện 11 trường hợp "
        "người nước ngoài vi phạm quy định về cư trú.",
        title="Báo cáo kết quả quản lý cư trú 9 tháng năm 2031",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Yên Bái quý II/2031 phát hiện bao nhiêu trường hợp người nước ngoài vi phạm cư trú?",
        [report],
    )
    assert answer.refused, answer.answer
