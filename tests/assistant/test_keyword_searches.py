"""Questions typed as searches, and abbreviations read both ways (invented reports)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import QuestionType, analyse
from assistant.passages import Passage
from index.records import DocumentMetadata

DISTRICT_REPORT = (
    "Báo cáo kết quả công tác bảo đảm an ninh, trật tự 9 tháng năm 2025 của Công an huyện "
    "Tân Kỳ\n\n"
    "| Xã | Phạm pháp hình sự (vụ) | Ma túy (vụ) | TNGT (vụ) | Người chết do TNGT |\n\n"
    "| Xã Nghĩa Đồng | 4 | 2 | 3 | 1 |\n\n| Xã Kỳ Sơn | 6 | 1 | 5 | 2 |\n\n"
    "| Cộng | 10 | 3 | 8 | 3 |\n\n"
    "3. Trật tự an toàn giao thông: 9 tháng xảy ra 27 vụ tai nạn giao thông, làm chết 11 "
    "người, bị thương 19 người; so với cùng kỳ giảm 04 vụ.\n\n"
    "4. Công tác phòng cháy: 9 tháng xảy ra 02 vụ cháy nhà dân, không có thiệt hại về người."
)


def _report(text: str) -> Passage:
    metadata = DocumentMetadata(
        title="Báo cáo 9 tháng năm 2025 của Công an huyện Tân Kỳ",
        year=2025,
        district="Tân Kỳ",
        province="Nghệ An",
    )
    return Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.9, metadata)


def test_a_search_for_a_figure_of_a_place_and_period_is_a_count() -> None:
    searched = analyse("TNGT huyen Tan Ky 9 thang 2025")
    assert searched.type == QuestionType.COUNT
    assert searched.counted.unit == "vu tai nan giao thong"  # an incident: counted in cases
    assert analyse("vi pham nong do con TP Vinh nam 2025").counted.unit == "vi pham nong do con"
    # an amount searched is counted in đồng
    assert analyse("tien phat vi pham huyen Tan Ky nam 2025").counted.unit == "dong"


def test_a_searched_offence_is_counted_in_cases_its_counter_left_unsaid() -> None:
    """ "phạm pháp hình sự quý III ...": the report tells it under its heading as "xảy ra
    13 vụ", not with the offence's name beside the figure."""
    assert analyse("pham phap hinh su quy III 2025 huyen Tan Ky").counted.unit == (
        "vu pham phap hinh su"
    )
    assert analyse("doi dan phong huyen Tan Ky nam 2025").counted.unit != "vu doi dan phong"
    text = (
        "2. Phạm pháp hình sự\n\n"
        "9 tháng xảy ra 30 vụ, giảm 4 vụ so với cùng kỳ; riêng quý III xảy ra 11 vụ, tăng 1 "
        "vụ. Số vụ phạm pháp hình sự quý III tăng so với cùng kỳ, chủ yếu trộm cắp."
    )
    answer = ExtractiveAnswerer().build(
        "pham phap hinh su quy III 2025 huyen Tan Ky", [_report(text)]
    )
    assert "11 vụ" in answer.answer.split("[1]")[0], answer.answer


def test_keywords_asking_more_than_a_figure_are_no_count() -> None:
    for question in (
        "chi tieu kich hoat dinh danh nam 2025 cua cong an huyen Tan Ky",  # two runs of words
        "han hoan thanh camera huyen Tan Ky nam 2025",  # a deadline
        "Ke ten cac thu doan lua dao qua mang hay gap o huyen Tan Ky nam 2025",  # too long
        "TNGT huyen Tan Ky 9 thang 2025 tang hay giam",  # asks the change
        "luot khach bien Xuan Thanh 2025",  # names no place the gazetteer knows
    ):
        assert analyse(question).type != QuestionType.COUNT, question


def test_a_searched_figure_is_the_sentence_spelling_out_the_abbreviation() -> None:
    """The header row writes "TNGT" as typed; the answer spells it out with its figures."""
    answer = ExtractiveAnswerer().build(
        "TNGT huyen Tan Ky 9 thang 2025", [_report(DISTRICT_REPORT)]
    )
    assert not answer.refused
    first = answer.answer.split("[1]")[0]
    assert "27 vụ tai nạn giao thông" in first


def test_a_counted_noun_ends_where_a_place_is_named() -> None:
    assert analyse("so vu TNGT huyen Tan Ky nam 2025").counted.unit == "vu tai nan giao thong"
    assert analyse("Số vụ trật tự xã hội huyện A năm 2025").counted.unit == "vụ trật tự xã hội"


def test_an_amount_searched_by_its_noun_is_counted_in_dong() -> None:
    assert analyse("Thiệt hại do cháy ở huyện Tân Kỳ năm 2025").counted.unit == "đồng"


def test_a_commune_named_by_its_police_abbreviation_is_the_commune() -> None:
    assert analyse("Quý II CAX Nghĩa Đồng xử lý bao nhiêu trường hợp?").communes == ("nghia dong",)
    assert analyse("cap hoa binh thang 5 co bao nhieu vu").communes == ("hoa binh",)


def test_a_rate_searched_is_the_amount_not_the_sentence_repeating_its_words() -> None:
    """ "mức hỗ trợ người dân cung cấp hình ảnh vi phạm": the rate, as "... là bao nhiêu"
    asks it; not the sentence telling that the resolution sets such a rate."""
    assert analyse("muc chi boi duong dan quan Ha Giang").type == QuestionType.COUNT
    text = (
        "Nghị quyết mới nâng mức bồi dưỡng và lần đầu quy định mức chi cho người dân cung cấp "
        "hình ảnh vi phạm giao thông.\n\n"
        "1. Người dân cung cấp hình ảnh, video về hành vi vi phạm giao thông, nếu vi phạm bị xử "
        "phạt, được hỗ trợ 150.000 đồng/vụ việc."
    )
    metadata = DocumentMetadata(title="Nghị quyết quy định mức chi", year=2029, province="Nghệ An")
    passage = Passage("nq.txt#0", "nq.txt", text, 0, len(text), 0.9, metadata)
    answer = ExtractiveAnswerer().build(
        "mức hỗ trợ người dân cung cấp hình ảnh vi phạm giao thông Nghệ An", [passage]
    )
    assert "150.000 đồng/vụ việc" in answer.answer.split("[1]")[0], answer.answer
