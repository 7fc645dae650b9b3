"""A period asked by its range of dates ("từ 01/10/2028 đến 30/9/2029") asks the years it is
of: a report of another range's figures does not answer it (invented report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.periods import range_years
from tests.assistant.one_document import invented_passage

REPORT = invented_passage(
    "Trong kỳ báo cáo năm 2031 (từ 01/10/2030 đến 30/9/2031), toàn tỉnh tiếp nhận 142 người "
    "chấp hành xong án phạt tù trở về địa phương, tăng 11 người so với cùng kỳ năm 2030; 06 "
    "người tái phạm.",
    "bc.md",
    title="Báo cáo kết quả tái hòa nhập cộng đồng năm 2031",
    kind="báo cáo",
    province="Lai Châu",
    year=2031,
)


def test_a_range_is_of_the_years_holding_its_days() -> None:
    assert range_years("từ 01/10/2028 đến 30/9/2029") == [2028, 2029]
    assert range_years("từ 15/12/2030 đến 14/6/2031") == [2031]  # (a police half year)
    assert range_years("từ 15/12/2030 đến 28/02/2031") == [2030, 2031]


def test_another_range_s_figures_do_not_answer() -> None:
    asked = "Từ 01/10/2028 đến 30/9/2029, Lai Châu có bao nhiêu người chấp hành án xong tái phạm?"
    assert ExtractiveAnswerer().build(asked, [REPORT]).refused
    told = "Từ 01/10/2030 đến 30/9/2031, Lai Châu có bao nhiêu người chấp hành án xong tái phạm?"
    assert "06 người tái phạm" in ExtractiveAnswerer().build(told, [REPORT]).answer
