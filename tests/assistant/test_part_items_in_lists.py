"""A list item singling out a part of the year ("- Quý III xảy ra 05 vụ") under one telling
the whole period ("- 9 tháng xảy ra 14 vụ") is a breakout of that item: the items after it
go on with the whole period (invented report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from tests.assistant.one_document import invented_passage

REPORT = invented_passage(
    "Công an huyện Mường Tè báo cáo kết quả công tác bảo đảm an ninh, trật tự 9 tháng đầu "
    "năm 2030 như sau:\n\n"
    "II. TRẬT TỰ AN TOÀN GIAO THÔNG\n"
    "- 9 tháng xảy ra 14 vụ tai nạn giao thông, làm chết 09 người; so với cùng kỳ giảm 02 "
    "vụ.\n"
    "- Quý III xảy ra 05 vụ, làm chết 03 người.\n"
    "- Xử lý 2.140 trường hợp vi phạm trật tự, an toàn giao thông, phạt tiền 3,2 tỷ đồng; "
    "tạm giữ 410 phương tiện, tước giấy phép lái xe 118 trường hợp.",
    "bc.md",
    title="Báo cáo kết quả công tác bảo đảm an ninh, trật tự 9 tháng đầu năm 2030",
    kind="báo cáo",
    province="Lai Châu",
)


def test_an_item_after_a_quarter_s_breakout_tells_the_whole_period() -> None:
    for question in (
        "CAH Mường Tè tước GPLX bao nhiêu trường hợp trong 9 tháng?",
        "9 thang 2030 huyen Muong Te tam giu bao nhieu phuong tien",
    ):
        answer = ExtractiveAnswerer().build(question, [REPORT])
        assert not answer.refused, (question, answer.answer)
        assert "2.140 trường hợp" in answer.answer, (question, answer.answer)
