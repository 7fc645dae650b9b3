"""Questions as officers type them: "CA tỉnh" (the province's police, not "cả tỉnh"), a
search for the place with the most, a unit of volume, a district without its unit word,
a figure of one case (invented documents; real district names, which the gazetteer reads)."""

from __future__ import annotations

from assistant.extractive.district_units import with_district_units
from assistant.extractive.question import QuestionType, analyse
from assistant.passages import Passage
from tests.assistant.one_document import first_quote, invented_passage


def _passage(text: str, source: str = "bc.md", **meta: object) -> Passage:
    return invented_passage(text, source, **{"province": "Ninh Thuận", **meta})


_answer = first_quote


DISTRICTS = _passage(
    "Kết quả phát hiện, xử lý năm 2029 theo địa bàn cấp huyện:\n\n"
    "| Đơn vị | Số vụ | Cát thu giữ (m3) |\n"
    "|---|---|---|\n"
    "| Huyện Ninh Sơn | 31 | 1.635 |\n"
    "| Huyện Bác Ái | 12 | 420 |\n"
    "| Toàn tỉnh | 146 | 4.620 |\n\n"
    "Năm 2029, toàn tỉnh thu giữ 4.620 m3 cát.",
    "ct.txt",
    title="Chỉ thị về tăng cường quản lý khai thác cát, sỏi năm 2030",
    kind="chỉ thị",
    district="Phan Rang - Tháp Chàm",
)


def test_a_district_typed_without_its_unit_word_is_read_as_the_documents_name_it() -> None:
    """ "Ninh Sơn" alone is also a commune's name; a passage naming "Huyện Ninh Sơn" says
    the question means the district."""
    question = "Ninh Sơn thu giữ bao nhiêu m3 cát năm 2029?"
    assert analyse(question).localities == ()
    completed = with_district_units(question, [DISTRICTS])
    assert completed == "huyện Ninh Sơn thu giữ bao nhiêu m3 cát năm 2029?"
    assert analyse(completed).localities == ("Ninh Sơn",)
    assert with_district_units("xã Ninh Sơn có mấy tổ", [DISTRICTS]) == "xã Ninh Sơn có mấy tổ"
    searched = "trộm cắp gia súc Ninh Sơn năm 2029"  # keywords: the place after the noun
    assert with_district_units(searched, [DISTRICTS]) == "trộm cắp gia súc huyện Ninh Sơn năm 2029"
    # ... but not a feature named after it, nor a name inside a province's
    assert with_district_units("cầu Ninh Sơn", [DISTRICTS]) == "cầu Ninh Sơn"
    assert "= 1.635" in _answer(question, DISTRICTS)


def test_a_unit_of_volume_is_counted() -> None:
    assert analyse("thu giữ bao nhiêu m3 cát").counted.unit == "m3 cát"


def test_ca_tinh_is_the_provinces_police_not_the_whole_province() -> None:
    from assistant.extractive.years import _asks_whole_province

    assert not _asks_whole_province("Quý IV/2030 CA tỉnh Ninh Thuận bắt bao nhiêu vụ ma túy?")
    assert _asks_whole_province("Cả tỉnh có bao nhiêu vụ?")
    assert _asks_whole_province("toan tinh co bao nhieu vu")


def test_a_search_for_the_place_with_the_most_asks_a_place() -> None:
    analysis = analyse("noi thu giu nhieu ma tuy tong hop nhat Ninh Thuan 2030")
    assert analysis.type == QuestionType.PLACE


def test_a_figure_of_one_case_is_told_where_the_case_is() -> None:
    """ "Ổ nhóm ... ở Phan Rang" names where the ring was, not whose count it is: the
    clause of the story tells it, though it names the province's police."""
    news = _passage(
        "Phòng Cảnh sát hình sự Công an tỉnh Ninh Thuận vừa triệt phá ổ nhóm cho vay lãi "
        "nặng qua 05 ứng dụng trên điện thoại, bắt giữ 09 đối tượng; ổ nhóm đã giải ngân cho "
        "2.146 người vay với tổng số tiền khoảng 38,6 tỷ đồng.\n\n"
        "Cầm đầu ổ nhóm là Lê Văn Phúc (SN 1991), thuê nhà tại thành phố Phan Rang - Tháp Chàm "
        "làm nơi điều hành.",
        "tin.html",
        title="Triệt phá ổ nhóm cho vay lãi nặng qua ứng dụng",
        kind="tin bài",
        district=None,
    )
    answer = _answer(
        "Ổ nhóm cho vay qua app ở Phan Rang - Tháp Chàm đã giải ngân cho bao nhiêu người vay?",
        news,
    )
    assert "2.146 người vay" in answer


def test_a_kind_written_before_its_bare_count_is_what_it_counts() -> None:
    """ "874 vụ phạm pháp hình sự, trong đó trộm cắp tài sản 537 vụ": the thefts, not a
    number of another kind carried on from the first count."""
    report = _passage(
        "Năm 2029, toàn tỉnh xảy ra 874 vụ phạm pháp hình sự, trong đó trộm cắp tài sản 537 "
        "vụ, chiếm 61,44%.\n\nLực lượng Công an đã làm rõ 421 vụ/596 đối tượng trộm cắp tài "
        "sản, đạt 78,40%.",
        title="Kế hoạch phòng, chống trộm cắp tài sản năm 2030",
        kind="kế hoạch",
        district=None,
    )
    assert "537 vụ" in _answer("Ninh Thuận năm 2029 có bao nhiêu vụ trộm cắp tài sản?", report)


def test_a_former_rate_asked_apart_is_asked_beside_the_rate() -> None:
    from assistant.extractive.former_rates import split_former

    question = "Đội trưởng dân phòng được hỗ trợ mỗi tháng bao nhiêu, mức cũ là bao nhiêu?"
    assert split_former(question) == "Đội trưởng dân phòng được hỗ trợ mỗi tháng bao nhiêu?"
    assert split_former("Số vụ năm 2030, mức cũ") is None  # no rate asked


def test_a_deadline_asked_beside_a_target_asks_no_verdict() -> None:
    from assistant.extractive.tables import asked_verdict

    assert asked_verdict(analyse("Tỷ lệ kích hoạt so với chỉ tiêu và hạn hoàn thành?")) is None
    assert asked_verdict(analyse("Những chỉ tiêu nào chưa hoàn thành?")) is not None
