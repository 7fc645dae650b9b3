"""An amount typed as a search, a change told by the sentence after its figures, an
operation's own figure in a report of its year, and a year after "bao nhiêu" (invented
documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import QuestionType, analyse
from tests.assistant.one_document import invented_passage

PLAN = invented_passage(
    "II. MỤC TIÊU\n\n"
    "1. Ngăn chặn tình trạng đánh bắt thủy sản bằng xung điện; xử lý nghiêm các trường hợp "
    "vi phạm trên sông Cầu.\n\n"
    "III. KINH PHÍ\n\n"
    "Kinh phí thực hiện khoảng 2,35 tỷ đồng từ ngân sách tỉnh, bố trí trong dự toán năm 2031.",
    "kh.md",
    title="Kế hoạch chống đánh bắt thủy sản trái phép trên sông Cầu năm 2031",
    kind="kế hoạch",
    province="Bắc Ninh",
    year=2031,
)


def test_an_amount_typed_as_a_search_is_asked_in_dong() -> None:
    """ "kinh phi ke hoach ..." (no asking word) asks the amount, as "... là bao nhiêu" does;
    "1. Ngăn chặn" (folded "1 ngan") is no amount in thousands."""
    asked = analyse("kinh phi ke hoach chong danh bat thuy san Bac Ninh 2031")
    assert asked.type == QuestionType.COUNT and asked.counted.unit == "dong"
    answer = ExtractiveAnswerer().build(
        "kinh phi ke hoach chong danh bat thuy san Bac Ninh 2031", [PLAN]
    )
    assert answer.answer.startswith("Kinh phí thực hiện khoảng 2,35 tỷ đồng"), answer.answer


def test_a_price_typed_as_a_search_is_an_amount() -> None:
    asked = analyse("gia nhap va gia ban phao no cua duong day")
    assert asked.type == QuestionType.COUNT


TRAFFIC = invented_passage(
    "1. Tai nạn giao thông\n\n"
    "Năm 2031, trên địa bàn tỉnh xảy ra 141 vụ TNGT, làm chết 77 người, bị thương 120 người. "
    "So với cùng kỳ năm 2030: giảm 09 vụ (-6%), giảm 04 người chết (-4,94%).",
    "bc.md",
    title="Báo cáo TTATGT năm 2031",
    kind="báo cáo",
    province="Hà Nam",
    year=2031,
)


def test_a_change_told_after_its_figures_is_quoted_with_them() -> None:
    """ "So với cùng kỳ năm 2030: giảm 09 vụ" compares the figures of the sentence before."""
    answer = ExtractiveAnswerer().build(
        "TNGT Hà Nam năm 2031 so với cùng kỳ: số vụ, số người chết tăng giảm thế nào?",
        [TRAFFIC],
    )
    assert "141 vụ" in answer.answer and "giảm 09 vụ" in answer.answer, answer.answer


FIRES = invented_passage(
    "1. Tình hình cháy, nổ\n\n"
    "Năm 2031, trên địa bàn tỉnh xảy ra 39 vụ cháy, tăng 04 vụ so với cùng kỳ. Riêng đợt "
    "cao điểm cuối năm (từ ngày 15/11 đến ngày 14/12/2031) xảy ra 11 vụ cháy.",
    "bc.md",
    title="Báo cáo công tác PCCC năm 2031",
    kind="báo cáo",
    province="Gia Lai",
    year=2031,
)


def test_an_operation_asked_by_its_name_and_year_is_its_own_figure() -> None:
    """ "đợt cao điểm cuối năm 2031": the operation's figure the report gives beside the
    year's, not the year's ("cuối năm" is no half of the year here)."""
    answer = ExtractiveAnswerer().build(
        "Đợt cao điểm cuối năm 2031 Gia Lai có bao nhiêu vụ cháy?", [FIRES]
    )
    assert "11 vụ" in answer.answer.split("[1]")[0], answer.answer


def test_a_year_after_how_many_is_the_year_asked_of_not_years_counted() -> None:
    assert analyse("Tổ an toàn PCCC xây mới bao nhiêu năm 2031?").counted.unit != "năm"
    assert analyse("Bị phạt tù bao nhiêu năm?").counted.unit == "năm"
