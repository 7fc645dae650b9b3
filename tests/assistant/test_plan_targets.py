"""A plan's targets for its year against the figures reached in part of it, and a question
asking for the target itself (invented plans and directives)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.near_miss import _as_asked
from assistant.extractive.question import analyse
from index.records import DocumentMetadata
from tests.assistant.one_document import OneDocument, document_in_parts

# A plan: the quarter's figures, then its targets for the year as a list, which chunking
# cut from the line leading it in.
PLAN = [
    "KẾ HOẠCH bảo đảm an ninh, trật tự vùng trồng thanh long năm 2026\n\n"
    "I. TÌNH HÌNH\n\n"
    "Quý I/2026 (từ ngày 15/12/2025 đến ngày 14/3/2026), trên địa bàn tỉnh xảy ra 09 vụ trộm "
    "cắp nông sản, giảm 03 vụ (-25%) so với cùng kỳ năm 2025, thiệt hại khoảng 210 triệu "
    "đồng; chủ yếu xảy ra ban đêm tại các vườn xa khu dân cư, đối tượng là lao động thời vụ.\n\n"
    "II. MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU\n\n"
    "2. Chỉ tiêu năm 2026:\n\n",
    "- Giảm ít nhất 15% số vụ trộm cắp nông sản so với năm 2025.\n"
    "- Tỷ lệ điều tra, làm rõ các vụ trộm cắp nông sản đạt trên 80%.",
]


def _plan() -> OneDocument:
    metadata = DocumentMetadata(
        title="Kế hoạch bảo đảm an ninh, trật tự vùng trồng thanh long năm 2026",
        year=2026,
        province="Bình Thuận",
        kind="kế hoạch",
    )
    return document_in_parts("kh.md", PLAN, metadata)


def test_a_quarters_figure_is_not_answered_by_the_years_target() -> None:
    library = _plan()
    answerer = ExtractiveAnswerer(library=library)
    searched = answerer.build("trom cap nong san binh thuan quy 1 nam 2026", library.passages)
    assert searched.answer.startswith("Quý I/2026"), searched.answer
    reached = answerer.build(
        "Kết thúc năm 2026 Bình Thuận giảm được bao nhiêu % vụ trộm cắp nông sản?",
        library.passages,
    )
    assert reached.refused, reached.answer


def test_a_refusal_of_the_very_year_asked_does_not_say_only_that_year_is_there() -> None:
    asked = analyse("Kết thúc năm 2026 tỉnh A giảm được bao nhiêu % vụ trộm cắp?")
    assert _as_asked(asked, "năm 2026")
    assert not _as_asked(asked, "quý I năm 2026")  # a part of it: worth saying
    assert not _as_asked(asked, "năm 2025")


# A directive: its target with a deadline inside a long sentence of aims, and how far the
# communes had come by the quarter's end.
DIRECTIVE = (
    "Mục tiêu đến hết năm 2027: giảm ít nhất 20% số công dân xuất cảnh trái phép so với năm "
    "2025; giảm ít nhất 15% số công dân đang lưu trú bất hợp pháp ở nước ngoài; không để phát "
    "sinh đường dây đưa người xuất cảnh trái phép; 100% hộ có người trong độ tuổi lao động ở "
    "19 xã trọng điểm ký cam kết trước ngày 31/12/2026.\n\n"
    "Đến hết quý I/2026, mới có 5.120/9.400 hộ có người trong độ tuổi lao động ở các xã trọng "
    "điểm ký cam kết không để người thân xuất cảnh trái phép."
)


def test_a_target_asked_is_the_one_set_not_the_figure_reached() -> None:
    metadata = DocumentMetadata(
        title="Chỉ thị về phòng, chống xuất cảnh trái phép",
        year=2026,
        province="Nghệ An",
        kind="chỉ thị",
    )
    library = document_in_parts("ct.txt", [DIRECTIVE], metadata)
    answerer = ExtractiveAnswerer(library=library)
    answer = answerer.build(
        "Chỉ thị đặt chỉ tiêu gì về ký cam kết của hộ dân ở xã trọng điểm?", library.passages
    )
    assert "31/12/2026" in answer.answer.split("[2]")[0], answer.answer
    both = answerer.build(
        "Chỉ thị đặt chỉ tiêu gì về ký cam kết của hộ dân ở xã trọng điểm, đến hết quý I/2026 "
        "được bao nhiêu hộ?",
        library.passages,
    )
    assert "31/12/2026" in both.answer and "5.120/9.400" in both.answer, both.answer


# A directive: how far the province has come so far, and the targets it sets.
PAWNSHOPS = (
    "Công tác quản lý các ngành nghề kinh doanh có điều kiện liên quan đến tiêu thụ tài sản "
    "do phạm tội mà có còn sơ hở: qua kiểm tra phát hiện 38 cơ sở kinh doanh dịch vụ cầm đồ, "
    "mua bán xe cũ, điện thoại di động cũ vi phạm, xử phạt hành chính 245 triệu đồng; đến nay "
    "mới có 612/905 cơ sở ký cam kết không mua bán, cầm cố tài sản không rõ nguồn gốc.\n\n"
    "Ban Thường vụ Tỉnh ủy đề ra mục tiêu đến năm 2027:\n\n"
    "- 100% cơ sở kinh doanh dịch vụ cầm đồ, mua bán xe cũ ký cam kết trong năm 2026.\n\n"
    "- 100% khu nhà trọ có từ 10 phòng trở lên lắp đặt camera an ninh trước ngày 31/12/2026."
)


def test_what_has_been_reached_and_the_target_are_each_answered() -> None:
    """ "đã có bao nhiêu" asks what has been reached, not the target; "Chỉ tiêu đặt ra thế
    nào?" after it asks the target of the same thing."""
    metadata = DocumentMetadata(
        title="Chỉ thị về phòng, chống tội phạm xâm phạm sở hữu",
        year=2026,
        province="Tây Ninh",
        kind="chỉ thị",
    )
    library = document_in_parts("ct.txt", [PAWNSHOPS], metadata)
    answerer = ExtractiveAnswerer(library=library)
    reached = answerer.build(
        "Tây Ninh đã có bao nhiêu cơ sở cầm đồ, mua bán xe cũ ký cam kết?", library.passages
    )
    assert "612/905" in reached.answer, reached.answer
    both = answerer.build(
        "Tây Ninh đã có bao nhiêu cơ sở cầm đồ, mua bán xe cũ ký cam kết? Chỉ tiêu đặt ra thế nào?",
        library.passages,
    )
    assert "612/905" in both.answer and "trong năm 2026" in both.answer, both.answer


def test_why_a_target_was_missed_is_a_cause_not_the_target() -> None:
    text = (
        "1. Tỷ lệ kích hoạt tài khoản định danh điện tử mức độ 2 chưa đạt chỉ tiêu.\n\n"
        "2. Nguyên nhân: nhiều công nhân làm ca, không bố trí được thời gian đến làm thủ tục; "
        "quân số Công an xã còn mỏng."
    )
    metadata = DocumentMetadata(
        title="Báo cáo của Công an xã Tân Lập", year=2026, province="Phú Thọ"
    )
    library = document_in_parts("bc.txt", [text], metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "Vì sao xã Tân Lập chưa đạt chỉ tiêu kích hoạt định danh điện tử mức 2?", library.passages
    )
    assert "làm ca" in answer.answer.split("[2]")[0], answer.answer


DRUG_FREE = (
    "1. Kết quả năm 2025\n\n"
    "- Có 37/98 xã, phường được công nhận không ma túy (37,76%).\n\n"
    "II. MỤC TIÊU\n\n"
    "3. Đến hết năm 2027 có ít nhất 60% số xã, phường được công nhận không ma túy."
)


def test_a_targets_deadline_does_not_date_what_is_asked_of_now() -> None:
    metadata = DocumentMetadata(
        title="Chỉ thị về phòng, chống ma túy", year=2026, province="Lai Châu", kind="chỉ thị"
    )
    library = document_in_parts("ct.txt", [DRUG_FREE], metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "Theo chỉ thị của Lai Châu, đến 2027 phải có bao nhiêu % xã không ma túy? Hiện nay được "
        "mấy xã?",
        library.passages,
    )
    assert "60%" in answer.answer and "37/98" in answer.answer, answer.answer
