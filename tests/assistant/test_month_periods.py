"""One month asked about ("tháng 5/2024") is a period of its own: a quarter's, a half
year's or a date range's figure does not answer for it (invented reports)."""

from __future__ import annotations

import pytest

from assistant.answers import Answer
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.periods import period_of
from assistant.extractive.question import QuestionType, analyse
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Tháng 5/2024 Công an xã đăng ký bao nhiêu xe?", "month-5"),
        ("rieng thang 7/2025 xay ra may vu", "month-7"),
        ("Báo cáo công tác bảo đảm an ninh, trật tự tháng 9 và 03 tháng", "month-9"),
        ("Trong tháng 10, xảy ra 04 vụ cháy", "month-10"),
        ("ban hành ngày 15 tháng 7 năm 2025", None),  # a date's month
        ("đến hết tháng 6/2024 đạt 80%", None),  # a deadline
        # a range's ends are no months of their own; over two years, it is a span of years
        ("từ tháng 01/2022 đến tháng 02/2024", "years-span"),
        ("từ tháng 01/2022 đến tháng 02/2022", None),
        ("Cuối tháng 9/2020, Công an tỉnh điều động", None),
        ("6 tháng đầu năm 2024", "first-half"),
    ],
)
def test_a_single_month_is_read_as_a_period_and_a_bound_is_not(
    text: str, period: str | None
) -> None:
    assert period_of(text) == period


def test_the_year_of_an_asked_month_is_asked_and_a_deadlines_is_not() -> None:
    assert analyse("Riêng tháng 7/2025 tỉnh A xảy ra mấy vụ?").years == (2025,)
    assert analyse("Đến tháng 9/2023 tỷ lệ kích hoạt đạt bao nhiêu?").years == ()


REPORT = (
    "Quý II, Công an xã đăng ký, cấp biển số cho 118 xe mô tô; 6 tháng là 240 xe.\n\n"
    "Riêng từ ngày 01/7/2024 đến ngày 20/8/2024 xảy ra 05 vụ trộm cắp tài sản."
)


def _ask(question: str) -> str:
    metadata = DocumentMetadata(year=2024, title="Báo cáo công tác quý II năm 2024")
    passage = Passage("bc.txt#0", "bc.txt", REPORT, 0, len(REPORT), 0.5, metadata)
    answer = ExtractiveAnswerer().build(question, [passage])
    return "" if answer.refused else answer.answer


def test_a_months_count_is_refused_when_only_a_quarter_or_a_range_has_one() -> None:
    assert _ask("Tháng 5/2024 Công an xã đăng ký bao nhiêu xe mô tô?") == ""
    assert _ask("Riêng tháng 7/2024 xảy ra mấy vụ trộm cắp tài sản?") == ""
    assert "118 xe" in _ask("Quý II năm 2024 Công an xã đăng ký bao nhiêu xe mô tô?")


def _built(text: str, year: int, title: str, question: str) -> Answer:
    metadata = DocumentMetadata(year=year, title=title)
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    return ExtractiveAnswerer().build(question, [passage])


def test_the_date_of_an_event_told_before_a_figure_is_not_the_figures_year() -> None:
    text = (
        "2. Tiếp nhận hồ sơ\n\n- Từ ngày 01/3/2023, Công an xã được giao tiếp nhận hồ sơ cư "
        "trú trực tuyến. Quý II đã tiếp nhận 96 hồ sơ cư trú; 6 tháng là 181 hồ sơ."
    )
    answer = _built(
        text, 2024, "Báo cáo quý II và 6 tháng đầu năm 2024",
        "6 thang dau nam 2024 cong an xa tiep nhan bao nhieu ho so cu tru",
    )  # fmt: skip
    assert "181 hồ sơ" in answer.answer


def test_when_an_event_of_an_asked_quarter_ran_is_answered_by_its_dates() -> None:
    text = (
        "Kết quả 9 tháng: tiếp nhận 12 khẩu súng tự chế.\n\n1. Mở đợt tuyên truyền vận động "
        "giao nộp vũ khí từ ngày 05/10/2022 đến ngày 20/11/2022, phấn đấu thu hồi 20 khẩu."
    )
    answer = _built(
        text, 2022, "Báo cáo 9 tháng năm 2022",
        "Đợt vận động giao nộp vũ khí quý IV/2022 diễn ra từ ngày nào đến ngày nào?",
    )  # fmt: skip
    assert not answer.refused
    assert "05/10/2022" in answer.answer and "20/11/2022" in answer.answer


def test_a_quarters_figure_after_the_half_years_counts_what_the_paragraph_named() -> None:
    """ "Riêng quý II xảy ra 11 vụ" counts the crashes named two sentences before it, with a
    comparison between: asked for quý II, it answers, and the half year's figure does not."""
    text = (
        "1. Tai nạn giao thông\n\n6 tháng đầu năm 2024, toàn tỉnh xảy ra 21 vụ TNGT, làm chết "
        "9 người, bị thương 14 người. So với cùng kỳ năm 2023 giảm 03 vụ, giảm 02 người chết. "
        "Riêng quý II xảy ra 11 vụ, làm chết 5 người."
    )
    meta = DocumentMetadata(title="Báo cáo 6 tháng đầu năm 2024", year=2024, province="Phú Thọ")
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, meta)
    answer = ExtractiveAnswerer().build("Quý II/2024 tỉnh Phú Thọ có bao nhiêu vụ TNGT?", [passage])
    assert not answer.refused
    assert answer.answer.startswith("Riêng quý II xảy ra 11 vụ")


def test_a_quarters_figure_counts_the_spelled_out_noun_the_question_abbreviates() -> None:
    """ "TNGT quý III 2024 huyện A" (a keyword search): the paragraph spells the noun out
    ("tai nạn giao thông") and the quarter's sentence names none; the abbreviation is read
    in the spelled-out words the quarter's figure goes on from."""
    text = (
        "5. Bảo đảm trật tự, an toàn giao thông\n\n9 tháng xảy ra 19 vụ tai nạn giao thông, "
        "làm chết 11 người; so với cùng kỳ giảm 02 vụ. Tai nạn tập trung trên Quốc lộ 12. "
        "Quý III xảy ra 7 vụ, làm chết 4 người."
    )
    meta = DocumentMetadata(
        title="Báo cáo 9 tháng đầu năm 2024 của Công an huyện Sìn Hồ",
        year=2024,
        province="Lai Châu",
        district="Sìn Hồ",
    )
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, meta)
    answer = ExtractiveAnswerer().build("TNGT quy III 2024 huyen Sin Ho", [passage])
    assert not answer.refused, answer.answer
    assert answer.answer.startswith("Quý III xảy ra 7 vụ"), answer.answer


def test_a_season_asked_is_answered_by_its_figure_before_a_months() -> None:
    """ "Dịp Tết 2027 ... bao nhiêu vụ cháy?" asks the holiday's figure, which the sentence
    gives first ("Dịp Tết 2027, ... 14 vụ cháy; riêng tháng 02/2027 ...")."""
    text = (
        "Dịp Tết 2027, toàn tỉnh xảy ra 14 vụ cháy, thiệt hại khoảng 2,1 tỷ đồng; "
        "riêng tháng 02/2027 xảy ra 5 vụ cháy."
    )
    meta = DocumentMetadata(title="Báo cáo công tác dịp Tết 2027", year=2027, province="Thanh Hóa")
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, meta)
    answer = ExtractiveAnswerer().build(
        "Dịp Tết 2027 Thanh Hóa xảy ra bao nhiêu vụ cháy?", [passage]
    )
    assert not answer.refused and "14 vụ cháy" in answer.answer


def test_an_event_named_with_its_year_is_answered_by_its_figure_and_dates() -> None:
    """ "mùa EURO 2032 ... mấy vụ" asks the tournament's figure: "dịp EURO 2032 (từ ngày
    11/6 đến ngày 11/7/2032)" gives it, its dates reading as a police month no question
    asked past."""
    text = (
        "Năm 2032, Công an tỉnh phát hiện 23 vụ tổ chức đánh bạc qua mạng. Riêng dịp EURO 2032 "
        "(từ ngày 15/6 đến ngày 14/7/2032), phát hiện 05 vụ/31 đối tượng cá độ bóng đá."
    )
    answer = _built(
        text,
        2032,
        "Triệt phá đường dây cá độ bóng đá",
        "rieng mua EURO 2032 phat hien may vu ca do",
    )
    assert "05 vụ/31 đối tượng" in answer.answer.split("[1]")[0], answer.answer


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("Tỷ lệ cấp căn cước đến giữa tháng 10/2024 đạt bao nhiêu?", "months-10"),
        ("tinh den het thang 6/2024 xay ra bao nhieu vu chay", "first-half"),
        ("Từ tháng 7 đến tháng 9/2025 mặt hàng nào bị thu giữ nhiều?", None),
        ("Riêng tháng 9/2024 xảy ra mấy vụ?", "month-9"),
    ],
)
def test_a_count_asked_up_to_a_month_asks_the_months_before_it(
    question: str, period: str | None
) -> None:
    """ "đến giữa tháng 10/2024" counts the (police) year's months up to October, as a
    report of "10 tháng đầu năm" does; a range's end ("từ tháng 7 đến tháng 9") does not."""
    assert analyse(question).period == period


def test_a_rate_asked_up_to_a_month_is_answered_by_the_months_report() -> None:
    text = (
        "Kết quả 10 tháng đầu năm 2024 (từ ngày 15/12/2023 đến ngày 14/10/2024):\n\n"
        "- Tỷ lệ cấp căn cước đạt 91,2% số công dân đủ điều kiện (12.480 công dân)."
    )
    answer = _built(
        text, 2024, "Báo cáo kết quả công tác 10 tháng đầu năm 2024",
        "Tỷ lệ cấp căn cước đến giữa tháng 10/2024 đạt bao nhiêu?",
    )  # fmt: skip
    assert "91,2%" in answer.answer.split("[1]")[0], answer.answer


TRAFFIC_PARTS = [
    "5. Bảo đảm trật tự, an toàn giao thông\n\na) 9 tháng xảy ra 27 vụ tai nạn giao thông "
    "(TNGT), làm chết 16 người, bị thương 21 người; so với cùng kỳ giảm 04 vụ.",
    "Trên tuyến Quốc lộ 32 đoạn qua huyện xảy ra 06 vụ, làm chết 04 người. Quý III xảy ra 09 "
    "vụ, làm chết 05 người.\n\nb) Lực lượng Cảnh sát giao thông xử lý 1.342 trường hợp vi phạm.",
]
TRAFFIC_META = DocumentMetadata(
    title="Báo cáo 9 tháng đầu năm 2024 của Công an huyện Than Uyên",
    year=2024,
    province="Lai Châu",
    district="Than Uyên",
)


@pytest.mark.parametrize("brought", [0, 1])
def test_a_quarters_figure_cut_from_its_paragraphs_start_still_counts_what_it_named(
    brought: int,
) -> None:
    """A chunk's cut falls inside the paragraph: "9 tháng xảy ra 27 vụ tai nạn giao thông"
    closes one passage, "Quý III xảy ra 09 vụ" is in the next. Brought the second, it is read
    after the paragraph's start; brought only the first (the 9 months' figure, a near miss
    for the quarter), the document is read whole before refusing."""
    library = document_in_parts("bc.txt", TRAFFIC_PARTS, TRAFFIC_META, gap=" ")
    answerer = ExtractiveAnswerer(library=library)
    answer = answerer.build("TNGT huyen Than Uyen quy III 2024", [library.passages[brought]])
    assert answer.answer.startswith("Quý III xảy ra 09 vụ"), answer.answer
    whole = answerer.build("TNGT huyen Than Uyen 9 thang 2024", [library.passages[0]])
    assert "27 vụ tai nạn giao thông" in whole.answer.split("[1]")[0], whole.answer


def test_a_directive_numbers_tu_opens_no_running_period() -> None:
    """ "Chỉ thị số 05-CT/TU ngày 12/3/2024" (Tỉnh ủy) is no "từ 12/3", the start of a
    running count: the report's items under it are of the period its title names."""
    assert period_of("Thực hiện Chỉ thị số 05-CT/TU ngày 12/3/2024 của Ban Thường vụ") is None
    assert period_of("lũy kế từ ngày 01/7/2025 đến nay") == "since-7-1"


def test_a_figures_change_asked_after_it_is_a_count_with_its_part_set_aside() -> None:
    """ "Tội phạm ma túy 9 tháng 2024 huyện A so với cùng kỳ thế nào?" asks the 9 months'
    figure with its change; "; riêng quý III bắt 11 vụ" after it is a part, not the clause's
    period, and answers for that part when it is asked."""
    asked = analyse("Tội phạm ma túy 9 tháng 2024 huyện Đức Thọ so với cùng kỳ thế nào?")
    assert asked.type == QuestionType.COUNT and asked.counted.unit == "vụ tội phạm ma túy"
    text = (
        "2. Tội phạm về ma túy\n\n- Phát hiện, bắt giữ 31 vụ/40 đối tượng phạm tội về ma túy "
        "(cùng kỳ 25 vụ/33 đối tượng), tăng 06 vụ; riêng quý III bắt 12 vụ/15 đối tượng."
    )
    meta = DocumentMetadata(
        title="Báo cáo 9 tháng đầu năm 2024 của Công an huyện Đức Thọ",
        year=2024,
        province="Hà Tĩnh",
        district="Đức Thọ",
    )
    for question in (
        "Tội phạm ma túy 9 tháng 2024 huyện Đức Thọ so với cùng kỳ thế nào?",
        "Quý III/2024 huyện Đức Thọ bắt bao nhiêu vụ ma túy?",
    ):
        passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, meta)
        answer = ExtractiveAnswerer().build(question, [passage])
        assert "31 vụ/40 đối tượng" in answer.answer.split("[1]")[0], (question, answer.answer)
