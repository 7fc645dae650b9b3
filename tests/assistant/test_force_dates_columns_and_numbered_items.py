"""A resolution's own date in force told bare, months counted bare past the half, both
signers of a joint rule, people counted by their deed's column, a commune named as its
district, "this year", a management board's duties, a numbered list's year, a yes or no
asked before a second question, a page's list of what was seized and the means a ring used
(invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.bodies import body_of
from assistant.extractive.periods import periods_in
from assistant.extractive.question import analyse
from assistant.extractive.tables import _noun_column
from index.extraction.duties import read_duties
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts, invented_passage


def _resolution(text: str) -> object:
    return invented_passage(
        text,
        "nq.html",
        title="Nghị quyết số 21/2031/NQ-HĐND quy định mức hỗ trợ lực lượng cứu hộ",
        kind="nghị quyết",
        province="Yên Bái",
        year=2031,
        directive_numbers=("21/2031/NQ-HĐND",),
    )


def test_a_resolutions_own_date_in_force_told_bare_is_given_in_figures() -> None:
    bare = _resolution(
        "Điều 4. Hiệu lực thi hành\n\nNghị quyết có hiệu lực từ ngày 05 tháng 11 năm 2031."
    )
    answer = ExtractiveAnswerer().build(
        "NQ 21/2031/NQ-HĐND Yên Bái có hiệu lực từ ngày nào?", [bare]
    )
    assert answer.answer.startswith("05/11/2031. "), answer.answer
    # ... its own date, not the one of the resolution it replaces
    replacing = _resolution(
        "Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2032 và thay thế Nghị quyết số "
        "08/2026/NQ-HĐND ngày 10/7/2026 của Hội đồng nhân dân tỉnh."
    )
    answer = ExtractiveAnswerer().build(
        "NQ 21/2031/NQ-HĐND Yên Bái có hiệu lực từ ngày nào?", [replacing]
    )
    assert answer.answer.startswith("01/01/2032. "), answer.answer


def test_months_counted_bare_past_the_half_are_that_part_of_the_year() -> None:
    assert periods_in("10 tháng xảy ra 41 vụ, giảm 05 vụ") == {"months-10"}
    assert periods_in("trong 10 tháng tới, phấn đấu") == set()
    assert periods_in("bị phạt tù 10 tháng") == set()


def test_both_signers_of_a_joint_rule_are_named() -> None:
    rule = invented_passage(
        "Điều 12. Hiệu lực thi hành\n\nQuy chế có hiệu lực kể từ ngày ký.\n\n"
        "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\n\n(Đã ký)\n\nĐoàn Văn Hậu\n\n"
        "GIÁM ĐỐC CÔNG AN TỈNH\n\n(Đã ký)\n\nĐại tá Lý Minh Tuấn\n\nNơi nhận:\n\n- Lưu: VT.",
        "qc.txt",
        title="Quy chế phối hợp số 04/QCPH-CAT-BQL giữa Công an tỉnh và Ban Quản lý",
        kind="quy chế",
        province="Yên Bái",
        year=2031,
        directive_numbers=("04/QCPH-CAT-BQL",),
    )
    answer = ExtractiveAnswerer().build("Quy chế 04/QCPH-CAT-BQL Yên Bái do những ai ký?", [rule])
    assert "Đoàn Văn Hậu" in answer.answer and "Lý Minh Tuấn" in answer.answer, answer.answer


def test_people_counted_by_their_deed_are_read_in_its_column() -> None:
    """Under a caption naming the deed ("3. Tái phạm" / "Bảng: ..."), "người tái phạm" is
    the column "Tái phạm", not another column of people the caption's words also fit."""
    analysis = analyse("Năm 2031 ở Lục Yên, xã hay thị trấn nào có nhiều người tái phạm nhất?")
    header = ["TT", "Đơn vị", "Người về địa phương", "Đã có việc làm", "Tái phạm"]
    header.append("Người chấp hành án treo, CTKGG")
    caption = "3. Tái phạm Bảng: Kết quả quản lý người chấp hành xong án phạt tù năm 2031"
    assert _noun_column(analysis, analysis.counted.unit, header, caption) == 4


def test_a_commune_named_as_its_district_is_no_answer_for_the_district() -> None:
    report = invented_passage(
        "Năm 2031 toàn huyện xảy ra 06 vụ đuối nước, làm chết 07 người.\n\n"
        "| Xã, thị trấn | Lượt khách (nghìn lượt) | Vụ đuối nước (vụ) |\n|---|---|---|\n"
        "| Lục Yên | 120 | 0 |\n| Khánh Hòa | 85 | 2 |",
        title="Báo cáo kết quả bảo đảm an ninh du lịch năm 2031",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("Năm 2031 Lục Yên có bao nhiêu vụ đuối nước?", [report])
    assert "06 vụ đuối nước" in answer.answer.split("[1]")[0], answer.answer


def test_this_year_is_the_reports_year_not_a_part_told_before() -> None:
    news = invented_passage(
        "6 tháng đầu năm 2031, PA05 phát hiện 12 trang mạng rao bán thiết bị gian lận. Trong "
        "kỳ thi năm nay, toàn tỉnh có 04 thí sinh bị đình chỉ thi (năm 2030: 06 thí sinh).",
        "tin.html",
        title="Yên Bái bảo đảm an ninh kỳ thi tốt nghiệp năm 2031",
        kind="tin",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Kỳ thi 2031 Yên Bái bao nhiêu thí sinh bị đình chỉ, so với năm 2030?", [news]
    )
    assert "04 thí sinh" in answer.answer, answer.answer


def test_a_management_board_is_a_body_given_duties() -> None:
    assert body_of("trách nhiệm của Ban Quản lý các khu công nghiệp trong quy chế phối hợp")
    text = (
        "Điều 10. Trách nhiệm của Ban Quản lý\n"
        "a) Giao Phòng Quản lý lao động làm đầu mối phối hợp với Công an tỉnh;\n"
        "b) Thông báo cho Công an tỉnh các dự án có lao động nước ngoài.\n\n"
        "Điều 11. Hiệu lực\n"
    )
    assert [(d.body, d.section) for d in read_duties(text)] == [
        ("Ban Quản lý", "Điều 10.a"),
        ("Ban Quản lý", "Điều 10.b"),
    ]


def test_a_numbered_lists_first_item_dates_the_items_after_it() -> None:
    directive = invented_passage(
        "Tuy nhiên, tình hình còn tiềm ẩn phức tạp:\n\n"
        "1. Năm 2030, toàn huyện phát hiện 12 hộ theo đạo lạ, tăng 03 hộ so với năm 2029.\n\n"
        "2. Có 05 hộ di cư tự do, giảm 02 hộ so với năm 2029;\n\n"
        "09 người xuất cảnh trái phép, tăng 04 người so với năm 2029;",
        "ct.txt",
        title="Chỉ thị về bảo đảm an ninh vùng đồng bào dân tộc thiểu số giai đoạn 2031 - 2033",
        kind="chỉ thị",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Năm 2030 Lục Yên có bao nhiêu người xuất cảnh trái phép?", [directive]
    )
    assert not answer.refused and "09 người" in answer.answer, answer.answer


def test_a_yes_or_no_asked_before_a_second_question() -> None:
    assert split_asks("Xã miền núi có được chi thêm không? Mỗi điểm thi được chi bao nhiêu?") == [
        "Xã miền núi có được chi thêm không",
        "Mỗi điểm thi được chi bao nhiêu?",
    ]


def test_what_was_seized_is_the_pages_list_not_its_headline() -> None:
    metadata = DocumentMetadata(
        title="Yên Bái: triệt phá đường dây buôn bán động vật hoang dã, thu giữ hơn 3 kg vảy tê tê",
        kind="tin",
        province="Yên Bái",
        year=2031,
    )
    parts = [
        "Yên Bái: triệt phá đường dây buôn bán động vật hoang dã, thu giữ hơn 3 kg vảy tê tê",
        "Ngày 12/3/2031, Phòng PC05 Công an tỉnh Yên Bái bắt quả tang nhóm đối tượng vận "
        "chuyển động vật hoang dã trên Quốc lộ 70.",
        "Khám xét khẩn cấp 02 địa điểm, cơ quan công an thu giữ:\n\n14 cá thể rùa núi;\n\n"
        "3,2 kg vảy tê tê;\n\n02 xe máy.",
    ]
    news = document_in_parts("tin.html", parts, metadata, "\n\n")
    answerer = ExtractiveAnswerer(library=news)
    answer = answerer.build(
        "Đường dây buôn bán động vật hoang dã ở Yên Bái thu giữ những gì?", news.passages[:2]
    )
    assert "14 cá thể rùa núi" in answer.answer and "02 xe máy" in answer.answer, answer.answer


def test_the_way_asked_as_what_means_a_ring_used() -> None:
    news = invented_passage(
        "Công an tỉnh Yên Bái vừa triệt phá đường dây buôn bán thú rừng do Hà Văn Tùng cầm "
        "đầu.\n\nTheo Thiếu tá Lò Văn Minh, thủ đoạn của các đối tượng rất tinh vi: nhận tiền "
        "qua tài khoản thuê của người khác, giấu hàng trong thùng rau củ để tránh bị phát hiện.",
        "tin.html",
        title="Yên Bái triệt phá đường dây buôn bán thú rừng",
        kind="tin",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Đường dây của Hà Văn Tùng dùng cách gì để tránh bị phát hiện?", [news]
    )
    assert "thùng rau củ" in answer.answer.split("[1]")[0], answer.answer
