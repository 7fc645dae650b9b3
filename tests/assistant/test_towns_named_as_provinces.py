"""A town named as its province is ("thị xã Kon Tum" of tỉnh Kon Tum): its own figures
only, never the province's nor another district's row (invented report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import analyse
from assistant.extractive.years import towns_asked
from assistant.passages import Passage
from index.records import DocumentMetadata

REPORT = (
    "1. Tai nạn giao thông\n\n"
    "Năm 2027, trên địa bàn tỉnh xảy ra 140 vụ tai nạn giao thông, làm chết 61 người.\n\n"
    "Số liệu theo địa bàn (năm 2027):\n\n"
    "| Đơn vị | Số vụ TNGT | Người chết |\n|---|---|---|\n"
    "| Huyện Đắk Hà | 31 | 12 |\n| Huyện Sa Thầy | 22 | 9 |\n"
    "| Các huyện còn lại (06 huyện) | 87 | 40 |\n| Toàn tỉnh | 140 | 61 |"
)
META = DocumentMetadata(year=2027, title="Báo cáo năm 2027", province="Kon Tum")


def _answer(question: str) -> tuple[bool, str]:
    passage = Passage("bc.md#0", "bc.md", REPORT, 0, len(REPORT), 0.5, META)
    answer = ExtractiveAnswerer().build(question, [passage])
    return answer.refused, answer.answer


def test_a_town_asked_is_not_its_province() -> None:
    assert towns_asked(analyse("Thành phố Kon Tum năm 2027 có bao nhiêu vụ TNGT?")) == {"Kon Tum"}
    assert towns_asked(analyse("tp kon tum nam 2027 bao nhieu vu tngt")) == {"Kon Tum"}
    assert not towns_asked(analyse("Tỉnh Kon Tum năm 2027 có bao nhiêu vụ TNGT?"))
    assert not towns_asked(analyse("TP Cần Thơ năm 2027 có bao nhiêu vụ TNGT?"))  # a province
    refused, said = _answer("Thành phố Kon Tum năm 2027 xảy ra bao nhiêu vụ TNGT?")
    assert refused, said  # inside "Các huyện còn lại": no figure of its own
    refused, said = _answer("Tỉnh Kon Tum năm 2027 xảy ra bao nhiêu vụ TNGT?")
    assert not refused and "140 vụ" in said
    refused, said = _answer("Huyện Sa Thầy năm 2027 xảy ra bao nhiêu vụ TNGT?")
    assert not refused and "22" in said


def test_a_place_named_by_number_is_answered_by_a_clause_naming_it() -> None:
    """ "Quận 3" or "Phường 12" (no gazetteer name): a city-wide figure is not its own."""
    city = (
        "Toàn thành phố còn 46 tuyến, điểm thường xuyên xảy ra tụ tập đua xe.\n\n"
        "Riêng Quận 5 có 04 tuyến, điểm."
    )
    meta = DocumentMetadata(year=2027, title="Báo cáo năm 2027", province="Hồ Chí Minh")
    passage = Passage("bc.md#0", "bc.md", city, 0, len(city), 0.5, meta)
    answerer = ExtractiveAnswerer()
    assert answerer.build("Quận 3 có mấy tuyến, điểm tụ tập đua xe năm 2027?", [passage]).refused
    five = answerer.build("Quận 5 có mấy tuyến, điểm tụ tập đua xe năm 2027?", [passage])
    assert not five.refused and "04 tuyến" in five.answer


def test_a_name_ending_in_quan_before_a_period_is_no_numbered_place() -> None:
    from assistant.extractive.years import numbered_places_asked

    assert numbered_places_asked(analyse("quan 3 co may tuyen dua xe")) == ["quan 0?3"]
    assert not numbered_places_asked(analyse("TNGT xa nao Nho Quan 9 thang 2027"))
    assert not numbered_places_asked(analyse("Hớn Quản 9 tháng đầu 2027 có cháy không?"))
