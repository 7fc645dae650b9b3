"""Asked how a figure stands against its target ("... đạt bao nhiêu so với chỉ tiêu?"), the
answer gives the figure reached and the report's verdict on that target, written after a
dash as often as after a colon ("...: đạt 91,20% - chưa đạt.") (invented report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from tests.assistant.one_document import invented_passage

REPORT = invented_passage(
    "I. KẾT QUẢ\n\n"
    "Đến ngày 15/12/2031, có 228/250 cơ sở kinh doanh có điều kiện về ANTT đã lắp camera giám "
    "sát (đạt 91,20%); 22 cơ sở còn lại cam kết lắp trong quý I/2032.\n\n"
    "II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU\n\n"
    "- 100% cơ sở kinh doanh có điều kiện về ANTT lắp camera giám sát: đạt 91,20% - chưa đạt.\n"
    "- Giảm 10% số vụ trộm cắp tài sản: giảm 12,5% - đạt.",
    title="Báo cáo kết quả công tác quản lý ngành nghề kinh doanh có điều kiện năm 2031",
    province="Quảng Trị",
    district="Gio Linh",
    year=2031,
)


def test_the_figure_comes_with_the_target_s_verdict() -> None:
    asked = (
        "ty le co so kinh doanh co dieu kien lap camera o Gio Linh dat bao nhieu so voi chi tieu"
    )
    answer = ExtractiveAnswerer().build(asked, [REPORT])
    assert "228/250" in answer.answer and "chưa đạt" in answer.answer, answer.answer
    assert "trộm cắp" not in answer.answer  # another target's verdict
