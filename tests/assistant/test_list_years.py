"""Whose year a list item's figure is: the year an earlier item of the same list names, or
the paragraph leading the list in; a year set beside a figure in brackets is compared with,
not spoken of (invented directives)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from index.records import DocumentMetadata
from tests.assistant.one_document import OneDocument, document_in_parts

# A district directive of 2026 telling the year before in a list whose first item names the
# year; the quarter's figures stand in a later paragraph. Chunking cut inside the list.
DIRECTIVE = [
    "CHỈ THỊ về bảo đảm an ninh, trật tự tại khu du lịch huyện Tam Sơn\n\n"
    "Tuy nhiên, tình hình an ninh, trật tự tại các điểm du lịch còn phức tạp:\n\n"
    "- Năm 2025, trên địa bàn huyện xảy ra 52 vụ phạm pháp hình sự, tăng 04 vụ so với "
    "năm 2024.\n\n"
    "- Lực lượng chức năng phát hiện 31 vụ/44 đối tượng phạm tội về ma túy.\n\n",
    "- Xảy ra 27 vụ tai nạn giao thông, làm chết 11 người; so với năm 2024 giảm 03 vụ.\n\n"
    "Quý I/2026, huyện đón 210.000 lượt khách; xảy ra 06 vụ tai nạn giao thông, làm chết "
    "04 người.",
]


def _directive() -> OneDocument:
    metadata = DocumentMetadata(
        title="Chỉ thị về bảo đảm an ninh, trật tự tại khu du lịch huyện Tam Sơn",
        year=2026,
        province="Lào Cai",
        district="Tam Sơn",
        kind="chỉ thị",
    )
    return document_in_parts("ct.txt", DIRECTIVE, metadata)


def test_an_item_tells_the_year_an_earlier_item_of_its_list_names() -> None:
    library = _directive()
    answerer = ExtractiveAnswerer(library=library)
    quarter = answerer.build(
        "TNGT huyen Tam Son quy I/2026 bao nhieu vu, chet may nguoi", library.passages
    )
    assert quarter.answer.startswith("Quý I/2026"), quarter.answer
    other = answerer.build(
        "Quý II/2026 huyện Tam Sơn xảy ra bao nhiêu vụ tai nạn giao thông?", library.passages
    )
    assert other.refused, other.answer
    year = answerer.build(
        "Năm 2025 huyện Tam Sơn xảy ra bao nhiêu vụ tai nạn giao thông?", library.passages
    )
    assert "27 vụ" in year.answer, year.answer


# A province's directive, issued the year after, whose lead-in paragraph names the school
# year its items tell; the first item sets the year before beside its figure, in brackets.
SCHOOLS = (
    "Năm học 2025 - 2026, công tác bảo đảm an ninh trường học được quan tâm. Tuy nhiên, "
    "tình hình còn phức tạp:\n\n"
    "- Xảy ra 09 vụ học sinh đánh nhau, liên quan 41 học sinh (năm học 2024 - 2025: 06 vụ, "
    "25 học sinh).\n\n"
    "- Xảy ra 03 vụ học sinh tụ tập cổ vũ đua xe trái phép với 17 học sinh."
)


def _schools() -> OneDocument:
    metadata = DocumentMetadata(
        title="Chỉ thị về bảo đảm an ninh, trật tự trường học",
        year=2027,
        province="Lào Cai",
        kind="chỉ thị",
    )
    return document_in_parts("ct.txt", [SCHOOLS], metadata)


def test_the_paragraph_leading_a_list_in_dates_its_items() -> None:
    library = _schools()
    answerer = ExtractiveAnswerer(library=library)
    later = answerer.build(
        "Năm học 2026-2027 tỉnh Lào Cai có mấy vụ học sinh tụ tập cổ vũ đua xe?", library.passages
    )
    assert later.refused, later.answer


def test_a_year_in_brackets_beside_a_figure_is_compared_with_not_told() -> None:
    library = _schools()
    answerer = ExtractiveAnswerer(library=library)
    told = answerer.build(
        "Năm học 2025-2026 Lào Cai có bao nhiêu vụ học sinh đánh nhau?", library.passages
    )
    assert not told.refused and "09 vụ" in told.answer, told.answer


# A directive of 2026 whose numbered heading dates the items under it; the items compare
# with the year before it.
RESULTS = (
    "1. Kết quả năm 2025\n\n"
    "- Toàn tỉnh có 6.210 tàu cá đăng ký, đã lắp thiết bị giám sát hành trình 6.190 tàu.\n\n"
    "- Xảy ra 09 vụ/12 tàu/71 ngư dân bị nước ngoài bắt giữ, giảm 04 vụ so với năm 2024 "
    "(13 vụ/17 tàu/98 ngư dân)."
)


def test_the_heading_over_a_list_dates_its_items() -> None:
    metadata = DocumentMetadata(
        title="Chỉ thị về chống khai thác hải sản bất hợp pháp", year=2026, province="Cà Mau"
    )
    library = document_in_parts("ct.txt", [RESULTS], metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "Năm 2025 Cà Mau bị nước ngoài bắt giữ bao nhiêu vụ tàu cá, ngư dân?", library.passages
    )
    assert not answer.refused and "09 vụ/12 tàu/71 ngư dân" in answer.answer, answer.answer


def test_the_same_months_of_a_year_compared_are_not_that_whole_year() -> None:
    """ "cùng kỳ năm 2025 (88 vụ)" beside a figure from January to October is the same
    months of 2025: "cả năm 2025" is not told."""
    text = (
        "Từ đầu năm 2026 đến ngày 15/10/2026, Công an tỉnh tiếp nhận 97 vụ lừa đảo qua không "
        "gian mạng, tăng 09 vụ so với cùng kỳ năm 2025 (88 vụ)."
    )
    metadata = DocumentMetadata(title="Tin an ninh", year=2026, province="Cà Mau")
    library = document_in_parts("tin.html", [text], metadata)
    answerer = ExtractiveAnswerer(library=library)
    whole = answerer.build("Cả năm 2025 Cà Mau có bao nhiêu vụ lừa đảo qua mạng?", library.passages)
    assert whole.refused, whole.answer
