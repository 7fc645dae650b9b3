"""Whom a rate is paid to, and which body leads a plan (invented documents): a rate asked
for one team's leader is not another team's; "Hội B có phải đơn vị chủ trì ... không" is
answered with Hội B's own part, then the body that does lead."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import analyse
from assistant.extractive.row_naming import names_other_role, names_payee
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

NOTICE = (
    "I. KẾT QUẢ\n\n"
    "1. Toàn tỉnh đã thành lập 964 Tổ bảo vệ an ninh, trật tự ở cơ sở với 2.907 thành viên.\n\n"
    "2. Mức hỗ trợ hằng tháng được chi trả theo nghị quyết của HĐND tỉnh: Tổ trưởng 1.250.000 "
    "đồng/tháng, Tổ phó 1.100.000 đồng/tháng."
)


def _built(question: str, text: str = NOTICE) -> str:
    metadata = DocumentMetadata(year=2024, title="Thông báo kết luận sơ kết", province="Gia Lai")
    passage = Passage("tb.txt#0", "tb.txt", text, 0, len(text), 0.5, metadata)
    answer = ExtractiveAnswerer().build(question, [passage])
    return "" if answer.refused else answer.answer


def test_a_rate_is_answered_for_the_team_the_report_speaks_of() -> None:
    assert "1.250.000" in _built("Mức hỗ trợ tổ trưởng tổ bảo vệ ANTT ở cơ sở Gia Lai?")
    assert "1.250.000" in _built("muc ho tro hang thang to truong to bao ve an ninh trat tu")


def test_a_rate_asked_for_another_teams_leader_is_refused() -> None:
    assert _built("Mức hỗ trợ Đội trưởng đội dân phòng ở Gia Lai là bao nhiêu?") == ""


def test_a_rate_asked_for_a_role_the_text_does_not_pay_is_not_another_roles() -> None:
    asked = analyse("Tổ viên tổ bảo vệ ANTT được hỗ trợ bao nhiêu mỗi tháng?")
    assert names_other_role(asked, "Tổ trưởng 1.250.000 đồng/tháng, Tổ phó 1.100.000 đồng")
    assert not names_other_role(asked, "Tổ viên 950.000 đồng/tháng")
    # ... a rate naming no role is every member's.
    assert not names_other_role(asked, "Bồi dưỡng khi được huy động: 150.000 đồng/người/ngày")


def test_a_payee_is_read_in_pairs_of_the_words_the_question_says_side_by_side() -> None:
    # "dân phòng (Kon Tum) đi chữa cháy ban đêm": "dân phòng", "chữa cháy", "ban đêm".
    asked = analyse("dan phong Kon Tum di chua chay ban dem duoc boi duong bao nhieu tien")
    rate = (
        "Đội viên đội dân phòng khi được huy động trực tiếp tham gia chữa cháy được bồi "
        "dưỡng: ban ngày 160.000 đồng/người/ngày; ban đêm 230.000 đồng/người/ngày."
    )
    assert names_payee(asked, rate)
    assert not names_payee(asked, "Tổ trưởng Tổ bảo vệ rừng 500.000 đồng/tháng.")
    # Too few words name no payee to refuse on: "trực đêm" is when, not whom.
    assert names_payee(analyse("Trực đêm được hỗ trợ bao nhiêu?"), "150.000 đồng/người/ngày")


PLAN_PARTS = [
    "IV. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Công an tỉnh (cơ quan thường trực)\n\n"
    "a) Chủ trì, phối hợp với các sở, ngành, địa phương triển khai thực hiện Kế hoạch; "
    "chỉ đạo kiểm tra các điểm thu mua phế liệu, đấu tranh với trộm cắp cáp viễn thông.\n\n"
    "b) Tổng hợp, báo cáo kết quả trước ngày 20/11/2031.",
    "2. Sở Công Thương\n\n"
    "Chủ trì hướng dẫn các chợ đầu mối niêm yết nguồn gốc hàng hóa; phối hợp với Công an tỉnh "
    "kiểm tra điểm thu mua phế liệu.\n\n"
    "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Nông dân tỉnh\n\n"
    "Phối hợp tuyên truyền, vận động hội viên cất giữ tài sản, báo tin khi gặp người lạ.",
]


def test_whether_a_partner_leads_is_answered_with_the_body_that_leads() -> None:
    metadata = DocumentMetadata(
        year=2024, title="Kế hoạch phòng, chống trộm cắp tài sản năm 2024", province="Kon Tum"
    )
    library = document_in_parts("kh.md", PLAN_PARTS, metadata, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Hội Nông dân tỉnh có phải đơn vị chủ trì KH chống trộm cắp không?",
        [library.passages[1]],  # the partner's item; the lead body's part was not brought
    )
    first, _, rest = answer.answer.partition("[1]")
    assert "Phối hợp tuyên truyền" in first
    assert "Công an tỉnh" in rest and "Chủ trì, phối hợp" in rest


PAGE = (
    "Ngày 12/9/2024, Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05) "
    "Công an tỉnh chủ trì, phối hợp Phòng Cảnh sát hình sự và Sở Du lịch kiểm tra 05 địa "
    "điểm, bắt giữ 07 đối tượng lừa đảo đặt phòng khách sạn.\n\n"
    "Sở Du lịch tỉnh đã phối hợp với Công an tỉnh công khai danh sách 418 cơ sở lưu trú được "
    "cấp phép trên cổng thông tin của Sở.\n\n"
    "Khuyến cáo của Công an tỉnh\n\n"
    "Không chuyển tiền đặt cọc vào tài khoản cá nhân khi chưa xác minh."
)


def test_on_a_news_page_the_partners_paragraph_and_the_body_leading_are_quoted() -> None:
    """The leading unit names the partner in its own sentence ("PA05 chủ trì, phối hợp ...
    Sở Du lịch"): it is still the holder. The partner's part is its paragraph, not the
    page's paragraphs after it."""
    metadata = DocumentMetadata(year=2024, title="Triệt phá đường dây lừa đảo", province="Phú Yên")
    passage = Passage("tin.html#0", "tin.html", PAGE, 0, len(PAGE), 0.5, metadata)
    answer = (
        ExtractiveAnswerer()
        .build("Sở Du lịch Phú Yên có chủ trì triệt phá đường dây lừa đặt phòng không?", [passage])
        .answer
    )
    assert "418 cơ sở lưu trú" in answer and "(PA05) Công an tỉnh chủ trì" in answer
    assert "Khuyến cáo" not in answer


def test_a_tables_column_named_for_the_lead_body_is_no_body_leading() -> None:
    """ "| Giai đoạn | ... | Đơn vị chủ trì |" names a column, not the body that leads."""
    table = (
        "III. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN\n\n"
        "| Giai đoạn | Thời gian | Nội dung chính | Đơn vị chủ trì |\n|---|---|---|---|\n"
        "| 1 | Quý I/2024 | Rà soát cơ sở | Công an tỉnh |\n\n"
    )
    parts = [table + PLAN_PARTS[0], PLAN_PARTS[1]]
    metadata = DocumentMetadata(year=2024, title="Kế hoạch năm 2024", province="Kon Tum")
    library = document_in_parts("kh.md", parts, metadata, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Hội Nông dân tỉnh có phải đơn vị chủ trì không?", [library.passages[1]]
    )
    assert "Đơn vị chủ trì |" not in answer.answer
    assert "Chủ trì" in answer.answer  # an item giving the role to a body
