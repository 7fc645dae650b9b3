"""A period a figure is compared with, a paragraph's frame set by its first sentence, people
counted beside their cases, a school year searched for with its change, and a rate named
bare before what is added to it (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.tables import _noun_column
from tests.assistant.one_document import invented_passage


def test_a_period_compared_with_is_not_the_figures_own() -> None:
    """Under "2. Quý III năm 2031", "Phát hiện 14 vụ, giảm 03 vụ so với quý II năm 2031;
    xảy ra nhiều trong thời gian nghỉ hè (tháng 6 và tháng 7)" is the third quarter's."""
    report = invented_passage(
        "### 1. Tình hình chung\n\nChín tháng năm 2031, toàn tỉnh phát hiện 41 vụ xâm hại trẻ "
        "em.\n\n### 2. Quý III năm 2031\n\nPhát hiện 14 vụ/15 đối tượng xâm hại trẻ em, giảm "
        "03 vụ so với quý II năm 2031; xảy ra nhiều trong thời gian nghỉ hè (tháng 6 và tháng "
        "7).",
        title="Báo cáo kết quả phòng, chống xâm hại trẻ em 9 tháng năm 2031",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Quý III năm 2031 Yên Bái phát hiện bao nhiêu vụ xâm hại trẻ em?", [report]
    )
    assert not answer.refused and "14 vụ/15 đối tượng" in answer.answer, answer.answer


def test_a_paragraphs_frame_is_set_by_its_first_sentence() -> None:
    """ "Quý III/2031 tiếp nhận 05 nạn nhân." closing a paragraph of the nine months tells of
    that quarter only: the next paragraph goes on with the nine months."""
    report = invented_passage(
        "Trong 9 tháng, phát hiện 04 vụ/09 đối tượng mua bán người.\n\n"
        "Đã giải cứu, tiếp nhận 17 nạn nhân, trong đó 11 người bị lừa sang nước ngoài làm "
        "việc. Quý III/2031 tiếp nhận 05 nạn nhân.\n\n"
        "Về di cư trái phép: phát hiện 31 trường hợp xuất cảnh trái phép và tiếp nhận 22 công "
        "dân được trao trả.",
        title="Báo cáo kết quả phòng, chống mua bán người 9 tháng năm 2031",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "9 tháng 2031 Yên Bái có bao nhiêu trường hợp xuất cảnh trái phép?", [report]
    )
    assert not answer.refused and "31 trường hợp" in answer.answer, answer.answer


def test_people_asked_are_read_in_their_column_not_their_cases() -> None:
    analysis = analyse("Quận nào có số học sinh vi phạm pháp luật cao nhất năm học 2030-2031?")
    header = ["Địa phương", "Vụ xâm hại trẻ em", "Vụ học sinh vi phạm pháp luật"]
    header.append("Học sinh vi phạm")
    assert _noun_column(analysis, analysis.counted.unit, header, "Số liệu năm học") == 3


def test_a_school_year_searched_with_its_change_asks_the_count() -> None:
    question = "Số vụ xâm hại trẻ em ở Yên Bái năm học 2030-2031 so với năm học trước thế nào?"
    assert analyse(question).type == QuestionType.COUNT


def test_a_rate_named_bare_before_what_is_added_to_it() -> None:
    """ "Mức bồi dưỡng mỗi lần giao nộp ở tỉnh A, giao nộp ở huyện B được thêm bao nhiêu":
    the rate, then what is added where the second part says (not the first's words)."""
    question = (
        "muc boi duong moi lan giao nop vu khi o Yen Bai, giao nop o Luc Yen duoc them bao nhieu"
    )
    assert split_asks(question) == [
        "muc boi duong moi lan giao nop vu khi o Yen Bai la bao nhieu?",
        "giao nop o Luc Yen duoc them bao nhieu",
    ]
    # ... a comma inside a name is no joint: "phòng, chống"
    whole = "Mức chi cho công tác phòng, chống mua bán người theo NQ 11/2031 là bao nhiêu?"
    assert split_asks(whole) == [whole]
    rule = invented_passage(
        "Điều 3. Mức chi\n\nTổng mức chi bồi dưỡng cho một tổ chức, cá nhân không quá "
        "15.000.000 đồng cho mỗi lần giao nộp. Tổ chức, cá nhân giao nộp tại các xã thuộc huyện "
        "Lục Yên được chi thêm 25% so với mức quy định tại khoản này.\n\nĐiều 4. Nguồn kinh "
        "phí\n\nNgân sách tỉnh bảo đảm 70%, ngân sách cấp huyện bảo đảm 30%.",
        "nq.html",
        title="Nghị quyết số 11/2031/NQ-HĐND quy định mức chi bồi dưỡng giao nộp vũ khí",
        kind="nghị quyết",
        province="Yên Bái",
        year=2031,
        directive_numbers=("11/2031/NQ-HĐND",),
    )
    answer = ExtractiveAnswerer().build(question, [rule])
    assert "15.000.000 đồng" in answer.answer and "thêm 25%" in answer.answer, answer.answer


def test_a_body_asked_what_it_is_responsible_for_asks_its_duties() -> None:
    for question in (
        "Trong quy chế phối hợp, Đồn Biên phòng Cửa Lò chịu trách nhiệm những gì?",
        "so du lich Yen Bai co trach nhiem gi trong quy che phoi hop",
    ):
        analysis = analyse(question)
        assert analysis.type == QuestionType.DUTY and analysis.body, question
