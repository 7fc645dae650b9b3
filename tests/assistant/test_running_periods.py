"""A period counted from a date with no end ("từ 01/7/2026", a merged commune's figures since
its founding), a police month given by its dates, and an item counting the months its
report's title spans (invented reports)."""

from __future__ import annotations

import pytest

from assistant.answers import Answer
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.periods import (
    counted_months_period,
    names_asked,
    period_of,
    periods_in,
)
from assistant.extractive.question import QuestionType, analyse, communes_as_written
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import OneDocument, document_in_parts


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Từ 01/7/2026 phát hiện 12 vụ vận chuyển hàng lậu", "since-7-1"),
        ("lũy kế từ ngày 01/7/2026 đến nay tiếp nhận 310 hồ sơ", "since-7-1"),
        ("tu 1/7/2026 xa A bat may vu", "since-7-1"),
        ("Nghị quyết có hiệu lực từ ngày 01/01/2026", None),  # a validity, not a period
        ("tháng 3 (từ ngày 15/02/2026 đến ngày 14/3/2026)", "month-3"),  # a police month
        ("từ ngày 01/7/2026 đến ngày 20/9/2026", "range"),
        ("từ ngày 25/01/2026 đến hết ngày 20/02/2026", "range"),  # an operation's days
        ("TNGT xa A tu khi van hanh chinh quyen dia phuong hai cap", "since-7-1"),
        ("từ khi thực hiện mô hình chính quyền 02 cấp, xã xảy ra 3 vụ", "since-7-1"),
    ],
)
def test_a_period_running_from_a_date_is_read(text: str, period: str | None) -> None:
    assert period_of(text) == period


def test_a_month_is_named_before_whatever_happened_in_it_not_before_a_count() -> None:
    assert periods_in("tháng 11 tiếp nhận 12 người") == {"month-11"}
    assert periods_in("tháng 11 tổ chức 14 cuộc tuần tra") == {"month-11"}
    assert periods_in("tổ tuần tra mỗi tháng 2 lần") == set()
    assert periods_in("tập huấn hằng tháng 1 buổi") == set()


def test_a_range_is_also_the_period_running_from_its_start() -> None:
    assert {"range", "since-7-1"} <= periods_in("lũy kế từ ngày 01/7/2026 đến ngày 14/11/2026")


def test_an_item_counting_months_speaks_of_the_range_its_title_spans() -> None:
    title = "Báo cáo tháng 9 và 03 tháng (từ ngày 01/7/2026 đến ngày 30/9/2026)"
    assert counted_months_period("- 03 tháng: xảy ra 8 vụ", title) == {"quarter-3", "since-7-1"}
    assert counted_months_period("- 05 tháng: xảy ra 8 vụ", title) == set()
    assert counted_months_period("Trong tháng 9 xảy ra 2 vụ", title) == set()


# A merged commune's report: a month's figure, then the figure since the commune was founded,
# each an item under the heading that says what they count. Chunking cut between the items.
REPORT = [
    "BÁO CÁO kết quả công tác tháng 10 và từ ngày 01/7/2026\n\n"
    "1. An ninh chính trị: ổn định.\n\n2. Phạm pháp hình sự\n\n"
    "- Tháng 10: xảy ra 03 vụ (02 vụ trộm cắp tài sản, 01 vụ cố ý gây thương tích), "
    "làm rõ 02 vụ.\n\n",
    "- Từ 01/7/2026: xảy ra 15 vụ, trong đó 9 vụ trộm cắp tài sản; làm rõ 12 vụ/16 đối tượng.\n\n"
    "3. Tai nạn giao thông\n\n- Tháng 10: xảy ra 01 vụ, chết 01 người.",
]


def _report() -> OneDocument:
    metadata = DocumentMetadata(
        title="Báo cáo kết quả công tác tháng 10 và từ ngày 01/7/2026 của Công an xã Đông Sơn",
        year=2026,
        province="Thanh Hóa",
        kind="báo cáo",
    )
    return document_in_parts("bc.txt", REPORT, metadata)


def _ask_one_passage(text: str, title: str, question: str) -> Answer:
    """The answer to the question over a document of one passage."""
    metadata = DocumentMetadata(title=title, year=2026, province="Thanh Hóa")
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    return ExtractiveAnswerer().build(question, [passage])


def test_a_figure_since_a_date_answers_the_question_asking_it_not_the_months() -> None:
    library = _report()
    passages = library.passages
    answerer = ExtractiveAnswerer(library=library)
    answer = answerer.build(
        "Từ 01/7/2026 xã Đông Sơn xảy ra bao nhiêu vụ phạm pháp hình sự?", passages
    )
    assert answer.answer.startswith("- Từ 01/7/2026: xảy ra 15 vụ"), answer.answer
    answer = answerer.build(
        "Tháng 10/2026 xã Đông Sơn xảy ra bao nhiêu vụ phạm pháp hình sự?", passages
    )
    assert answer.answer.startswith("- Tháng 10: xảy ra 03 vụ"), answer.answer


def test_the_heading_above_the_items_before_a_chunk_names_what_it_counts() -> None:
    """The passage opens at the second item: "Phạm pháp hình sự" is two lines above it."""
    library = _report()
    answer = ExtractiveAnswerer(library=library).build(
        "tu 01/7/2026 xa Dong Son xay ra bao nhieu vu pham phap hinh su", [library.passages[1]]
    )
    assert not answer.refused and "15 vụ" in answer.answer, answer.answer


def test_the_second_part_of_a_double_question_keeps_the_firsts_commune_and_period() -> None:
    library = _report()
    question = "tu 01/7/2026 xa Dong Son xay ra bao nhieu vu pham phap hinh su, lam ro bao nhieu"
    assert len(split_asks(question)) == 2
    answer = ExtractiveAnswerer(library=library).build(question, library.passages)
    assert "15 vụ" in answer.answer and "12 vụ/16 đối tượng" in answer.answer, answer.answer
    assert "03 vụ" not in answer.answer  # the month's figure answers neither part


def test_a_commune_typed_without_marks_but_with_capitals_is_read_as_written() -> None:
    assert communes_as_written("Cả năm 2026 xa Dong Son bat bao nhieu vu") == ("xa Dong Son",)
    assert analyse("buon lau xa Dong Son tu 01/7/2026 bao nhieu vu").communes == ("dong son",)


def test_a_search_for_a_communes_figure_since_a_date_is_a_count() -> None:
    assert analyse("vu pham phap hinh su xa Dong Son tu 01/7/2026").type == QuestionType.COUNT
    # ... or since the two-tier local government began, the day it began
    since = analyse("TNGT xa Dong Son tu khi van hanh chinh quyen hai cap")
    assert since.type == QuestionType.COUNT and since.period == "since-7-1"


def test_an_items_figure_counts_what_the_heading_over_the_items_names() -> None:
    """In one passage: "2. Phạm pháp hình sự" heads the month's item and the running one;
    the second item's clause tells neither the noun nor the commune."""
    answer = _ask_one_passage(
        "".join(REPORT),
        "Báo cáo công tác tháng 10 và từ ngày 01/7/2026 của Công an xã Đông Sơn",
        "tu 01/7/2026 den nay xa Dong Son xay ra bao nhieu vu pham phap hinh su",
    )
    assert not answer.refused and "15 vụ" in answer.answer, answer.answer


def test_a_cumulative_count_is_the_running_period_a_question_asks() -> None:
    assert period_of("- Lũy kế: xảy ra 19 vụ, làm rõ 16 vụ") == "cumulative"
    assert names_asked("since-7-1", {"cumulative"})
    assert not names_asked("since-7-1", {"cumulative", "months-9"})  # "lũy kế 9 tháng"
    assert names_asked("cumulative", {"since-7-1"})
    text = (
        "2. Phạm pháp hình sự\n\n- Tháng 10: xảy ra 03 vụ, làm rõ 02 vụ.\n\n"
        "- Lũy kế: xảy ra 15 vụ, làm rõ 12 vụ."
    )
    answer = _ask_one_passage(
        text, "Báo cáo tháng 10 và lũy kế", "Từ 01/7/2026 xảy ra bao nhiêu vụ phạm pháp hình sự?"
    )
    assert answer.answer.startswith("- Lũy kế: xảy ra 15 vụ"), answer.answer


def test_a_commune_is_a_condition_of_a_figure_asked_not_words_to_find() -> None:
    counted = analyse("phuong Dong Son thang 10/2026 xay ra bao nhieu vu pham phap hinh su")
    assert counted.communes == ("dong son",)
    assert not {"dong", "son"} & set(counted.terms)
    # ... but the topic of a question about the commune itself
    assert {"dong", "son"} <= set(analyse("xa Dong Son truoc sap xep thuoc tinh nao").terms)


def test_a_year_compared_with_answers_only_for_the_figure_it_gives() -> None:
    """ "so với cùng kỳ năm 2025 (135 vụ)" tells 2025's cases, not 2025's damages."""
    text = (
        "9 tháng đầu năm 2026, trên địa bàn tỉnh xảy ra 158 vụ lừa đảo qua mạng, thiệt hại "
        "96,4 tỷ đồng, tăng 23 vụ so với cùng kỳ năm 2025 (135 vụ)."
    )
    meta = DocumentMetadata(title="Tin Công an tỉnh", year=2026, province="Lai Châu")
    passage = Passage("tin.txt#0", "tin.txt", text, 0, len(text), 0.5, meta)
    answerer = ExtractiveAnswerer()
    cases = answerer.build("9 tháng năm 2025 Lai Châu có bao nhiêu vụ lừa đảo qua mạng?", [passage])
    assert "135 vụ" in cases.answer and not cases.refused
    damages = answerer.build(
        "9 tháng năm 2025 Lai Châu thiệt hại bao nhiêu tiền vì lừa đảo?", [passage]
    )
    assert damages.refused, damages.answer
