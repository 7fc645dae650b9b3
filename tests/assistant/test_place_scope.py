"""Whose figure a clause gives: the whole province's, a district's or a commune's (invented
reports)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata


def _passage(text: str, **meta: object) -> Passage:
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    return Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)


DISTRICT_REPORT = (
    "CÔNG AN HUYỆN BẢO LẠC\n\n"
    "1. Tai nạn giao thông: 6 tháng xảy ra 12 vụ, làm chết 07 người, bị thương 09 người."
)


def test_the_whole_province_asked_is_not_answered_by_a_district_reports_own_count() -> None:
    report = _passage(
        DISTRICT_REPORT,
        title="Báo cáo 6 tháng đầu năm 2024",
        year=2024,
        province="Cao Bằng",
        district="Bảo Lạc",
    )
    answerer = ExtractiveAnswerer()
    asked = "6 tháng đầu năm 2024 toàn tỉnh Cao Bằng có bao nhiêu vụ TNGT?"
    whole = answerer.build(asked, [report])
    assert whole.refused, whole.answer
    own = answerer.build("6 tháng đầu năm 2024 huyện Bảo Lạc có bao nhiêu vụ TNGT?", [report])
    assert "12 vụ" in own.answer, own.answer
    # ... and a district report telling the province's count says so: that one answers.
    told = _passage(
        DISTRICT_REPORT + " Toàn tỉnh 6 tháng xảy ra 88 vụ tai nạn giao thông.",
        title="Báo cáo 6 tháng đầu năm 2024",
        year=2024,
        province="Cao Bằng",
        district="Bảo Lạc",
    )
    said = answerer.build(asked, [told])
    assert "88 vụ" in said.answer, said.answer


def test_a_former_districts_name_after_the_merger_is_the_commune_named_so() -> None:
    """After 1 July 2025 no district is left: "Bảo Lạc" asked of a report of then is "xã Bảo
    Lạc"; asked as "huyện Bảo Lạc" it is the district, which that report is not about."""
    text = (
        "CÔNG AN XÃ BẢO LẠC\n\n"
        "- Từ 01/7/2025: tiếp nhận 812 hồ sơ cấp căn cước, kích hoạt định danh điện tử mức 2 "
        "đạt 71,4% (chỉ tiêu 80%)."
    )
    report = _passage(
        text,
        title="Báo cáo tháng 10 năm 2025 của Công an xã Bảo Lạc",
        issued_on="2025-10-20",
        year=2025,
        province="Cao Bằng",
    )
    answerer = ExtractiveAnswerer()
    commune = answerer.build("Bảo Lạc kích hoạt định danh điện tử mức 2 đạt bao nhiêu %?", [report])
    assert "71,4%" in commune.answer, commune.answer
    district = answerer.build(
        "Huyện Bảo Lạc kích hoạt định danh điện tử mức 2 đạt bao nhiêu %?", [report]
    )
    assert district.refused, district.answer


def test_a_town_named_after_its_district_is_not_the_district_asked() -> None:
    """ "Thị trấn Nông trường A" is a town of huyện A: its row is not the district's figure,
    which the sentence before the table gives."""
    text = (
        "Năm 2025, trên địa bàn huyện Mường Lát xảy ra 48 vụ phạm pháp hình sự, tăng 03 vụ so "
        "với năm 2024.\n\n"
        "Tình hình tại các địa bàn du lịch năm 2025:\n\n"
        "| Địa bàn | Lượt khách | Vụ phạm pháp hình sự | Vụ TNGT |\n"
        "| --- | --- | --- | --- |\n"
        "| Thị trấn Nông trường Mường Lát | 312 | 11 | 4 |\n"
        "| Xã Tam Chung | 95 | 5 | 2 |"
    )
    report = _passage(
        text, title="Chỉ thị về an ninh, trật tự khu du lịch", year=2026, province="Thanh Hóa"
    )
    asked = "Năm 2025 huyện Mường Lát có bao nhiêu vụ phạm pháp hình sự?"
    answer = ExtractiveAnswerer().build(asked, [report])
    assert answer.answer.startswith("Năm 2025, trên địa bàn huyện Mường Lát"), answer.answer
    town = ExtractiveAnswerer().build(
        "Năm 2025 thị trấn Nông trường Mường Lát có bao nhiêu vụ phạm pháp hình sự?", [report]
    )
    assert "11" in town.answer, town.answer


def test_a_commune_lumped_in_a_table_is_not_answered_by_the_districts_row_below() -> None:
    """Xã Phú Lạc is only among "Các xã còn lại": the district's comparison row after the
    table ("| Trộm cắp tài sản (vụ) | 30 | 26 | giảm 04 vụ |") is not its figure."""
    text = (
        "9. Kết quả theo xã (9 tháng đầu năm 2024)\n\n"
        "| Xã | Trộm cắp tài sản (vụ) | Ma túy (vụ) |\n\n"
        "| Xã Vĩnh Hảo | 14 | 3 |\n\n| Xã Hòa Minh | 9 | 2 |\n\n"
        "| Các xã còn lại (Phú Lạc, Phan Dũng) | 3 | 1 |\n\n| Cộng | 26 | 6 |\n\n"
        "10. So sánh với cùng kỳ năm 2023\n\n"
        "| Nội dung | 9 tháng 2023 | 9 tháng 2024 | Tăng, giảm |\n\n"
        "| Trộm cắp tài sản (vụ) | 30 | 26 | giảm 04 vụ (-13,3%) |\n\n"
        "| Ma túy (vụ) | 5 | 6 | tăng 01 vụ |"
    )
    metadata = DocumentMetadata(
        year=2024,
        province="Bình Thuận",
        district="Tuy Phong",
        title="Báo cáo kết quả công tác 9 tháng đầu năm 2024",
    )
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    answer = ExtractiveAnswerer().build(
        "Xã Phú Lạc có bao nhiêu vụ trộm cắp tài sản trong 9 tháng 2024?", [passage]
    )
    assert answer.refused, answer.answer


def test_a_passage_of_a_districts_own_document_answers_for_it_though_it_names_it_not() -> None:
    """A meeting's minutes, issued by a steering board, are the district's (named in their
    opening lines, read into the metadata): its table by commune answers "xã nào ở huyện A"
    though the passage holding the table names no district."""
    text = (
        "Bảng 1. Tổ bảo vệ an ninh, trật tự 9 tháng năm 2024 theo xã\n\n"
        "| TT | Đơn vị | Tổ (tổ) | Thành viên (người) |\n\n"
        "| 1 | Xã Đức Lợi | 8 | 24 |\n\n| 2 | Xã Đức Thạnh | 10 | 37 |\n\n"
        "| 3 | Xã Đức Chánh | 9 | 27 |\n\n| | Cộng | 27 | 88 |"
    )
    metadata = DocumentMetadata(
        year=2024, province="Quảng Ngãi", district="Mộ Đức", title="Biên bản hội nghị sơ kết"
    )
    passage = Passage("bb.txt#3", "bb.txt", text, 0, len(text), 0.5, metadata)
    answer = ExtractiveAnswerer().build(
        "xa nao o Mo Duc co nhieu thanh vien to bao ve ANTT nhat", [passage]
    )
    assert "Xã Đức Thạnh = 37" in answer.answer


def test_a_facility_asked_is_answered_only_by_a_sentence_naming_it() -> None:
    """ "KCN Phúc Điền xảy ra mấy vụ cháy?": not the province's count over its industrial
    zones, in a passage that names no such zone; the sentence naming the zone answers."""
    text = (
        "4. Về PCCC: xảy ra 21 vụ cháy, thiệt hại 4,8 tỷ đồng; trong đó 04 vụ cháy tại các"
        " khu công nghiệp.\n\n"
        "Riêng KCN Lai Cách xảy ra 02 vụ cháy kho hàng."
    )
    metadata = DocumentMetadata(year=2024, province="Hải Dương", title="Báo cáo 9 tháng năm 2024")
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    absent = ExtractiveAnswerer().build("KCN Phúc Điền xảy ra mấy vụ cháy năm 2024?", [passage])
    assert absent.refused, absent.answer
    named = ExtractiveAnswerer().build("KCN Lai Cách xảy ra mấy vụ cháy năm 2024?", [passage])
    assert "02 vụ cháy" in named.answer.split("[1]")[0]


def test_an_event_asked_by_its_facility_is_answered_by_its_story() -> None:
    """ "Vụ cháy kho ở KCN A có mấy người bị thương?": the facility names the event, and the
    passage telling its toll need not repeat it."""
    text = "Đám cháy bùng phát lúc 2 giờ sáng tại kho hàng; 03 công nhân bị thương nhẹ."
    metadata = DocumentMetadata(year=2024, province="Hải Dương", title="Cháy kho hàng ở Cẩm Giàng")
    passage = Passage("tin.html#1", "tin.html", text, 0, len(text), 0.5, metadata)
    question = "Vụ cháy kho ở KCN Phúc Điền có mấy công nhân bị thương?"
    answer = ExtractiveAnswerer().build(question, [passage])
    assert "03 công nhân" in answer.answer, answer.answer


def test_a_communes_whole_is_not_the_provinces_whole() -> None:
    """ "Toàn tỉnh A có bao nhiêu tổ": not "toàn xã có 23 tổ" of a commune's report."""
    report = "- Sau sắp xếp, toàn xã có 23 tổ bảo vệ an ninh, trật tự với 69 thành viên."
    passage = _passage(report, year=2025, province="An Giang", title="Báo cáo Công an xã")
    asked = "Toàn tỉnh An Giang có bao nhiêu tổ bảo vệ ANTT?"
    assert ExtractiveAnswerer().build(asked, [passage]).refused
    own = ExtractiveAnswerer().build("Xã có bao nhiêu tổ bảo vệ ANTT?", [passage])
    assert "23 tổ" in own.answer
