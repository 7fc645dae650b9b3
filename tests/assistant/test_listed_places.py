"""Questions naming several places (each asked on its own, each answer labelled by its
place), places written in short ("TP.HCM"), where a count is made ("ở chung cư mini"), a
running count standing at a date, a body named "giáo dục" and a figure's change asked
beside another figure (invented documents)."""

from __future__ import annotations

import pytest

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import place_labels, split_asks, split_places
from assistant.extractive.bodies import body_of, tasked_body
from assistant.extractive.periods import asked_period, names_asked, periods_in
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata


def _passage(source: str, text: str, **meta: object) -> Passage:
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    return Passage(f"{source}#0", source, text, 0, len(text), 0.5, metadata)


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Tỷ lệ cấp thẻ ở Phù Yên (6 tháng 2031) và ở xã Tân Mỹ (tháng 3/2032) lần lượt là "
            "bao nhiêu?",
            [
                "Tỷ lệ cấp thẻ ở Phù Yên (6 tháng 2031) là bao nhiêu?",
                "Tỷ lệ cấp thẻ ở xã Tân Mỹ (tháng 3/2032) là bao nhiêu?",
            ],
        ),
        (
            "Chỉ tiêu cấp thẻ của Công an huyện Phù Yên và của xã Tân Mỹ là bao nhiêu?",
            [
                "Chỉ tiêu cấp thẻ của Công an huyện Phù Yên là bao nhiêu?",
                "Chỉ tiêu cấp thẻ của xã Tân Mỹ là bao nhiêu?",
            ],
        ),
        (  # what follows the last place is asked of each; the place's own period stays
            "Các vụ lừa đảo ở Sơn La năm 2031 và ở xã Tân Mỹ tháng 3/2032 gây thiệt hại bao nhiêu?",
            [
                "Các vụ lừa đảo ở Sơn La năm 2031 gây thiệt hại bao nhiêu?",
                "Các vụ lừa đảo ở xã Tân Mỹ tháng 3/2032 gây thiệt hại bao nhiêu?",
            ],
        ),
        (  # a period only the last names is every side's
            "Số vụ cháy ở huyện A và huyện B năm 2031 là bao nhiêu?",
            [
                "Số vụ cháy ở huyện A năm 2031 là bao nhiêu?",
                "Số vụ cháy ở huyện B năm 2031 là bao nhiêu?",
            ],
        ),
        (  # the difference asked after the figures is told by the parts' figures
            "Chỉ tiêu cấp thẻ của CAH Phù Yên và CAX Tân Mỹ là bao nhiêu, khác nhau thế nào?",
            [
                "Chỉ tiêu cấp thẻ của CAH Phù Yên là bao nhiêu",
                "Chỉ tiêu cấp thẻ của CAX Tân Mỹ là bao nhiêu",
            ],
        ),
        (  # a search typed without marks, three places
            "so to tu quan cua huyen A, xa B va xa C",
            [
                "so to tu quan cua huyen A la bao nhieu",
                "so to tu quan cua xa B la bao nhieu",
                "so to tu quan cua xa C la bao nhieu",
            ],
        ),
    ],
)
def test_a_figure_asked_of_listed_places_is_asked_of_each(question: str, parts: list[str]) -> None:
    assert split_places(question) == parts


@pytest.mark.parametrize(
    "question",
    [
        "Số vụ cháy ở nhà dân và ở chợ là bao nhiêu?",  # no places
        "Tổng số vụ TNGT của tỉnh A và số người chết là bao nhiêu?",  # two things asked
        "Huyện A có bao nhiêu tổ và bao nhiêu thành viên?",
        "Số vụ cháy ở huyện A và huyện B, nơi nào nhiều hơn?",  # compared, not listed
        # a council is a body, the second side what is asked
        "Theo Nghị quyết 31 của HĐND tỉnh Sơn La, Tổ phó Tổ bảo vệ ANTT được hỗ trợ bao nhiêu?",
        "Số vụ trộm năm 2031 ở Sơn La cao nhất thuộc huyện, xã nào?",  # the second side asks
        # compared across documents, each labelled by its place: no side has its own period
        "So sánh số hộ của mỗi tổ ở Sơn La và Lai Châu",
    ],
)
def test_a_list_that_is_no_list_of_places_is_left_whole(question: str) -> None:
    assert split_places(question) == [question]


def test_each_listed_place_is_answered_from_its_own_report_with_its_own_period() -> None:
    district = _passage(
        "a.txt",
        "6 tháng đầu năm 2031, toàn huyện Phù Yên cấp 4.120 thẻ, đạt 71,4% số công dân thuộc diện.",
        province="Sơn La", district="Phù Yên", year=2031,
        title="Báo cáo 6 tháng đầu năm 2031 của Công an huyện Phù Yên",
    )  # fmt: skip
    commune = _passage(
        "b.txt",
        "Lũy kế đến ngày 14/3/2032, toàn xã cấp 2.905 thẻ, đạt 83,6% số công dân thuộc diện.",
        province="Sơn La", year=2032, issued_on="2032-03-16",
        title="Báo cáo tháng 3 năm 2032 của Công an xã Tân Mỹ",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Tỷ lệ cấp thẻ ở huyện Phù Yên (6 tháng 2031) và ở xã Tân Mỹ (đến giữa tháng 3/2032) "
        "lần lượt là bao nhiêu?",
        [district, commune],
    )
    assert "71,4%" in answer.answer and "83,6%" in answer.answer, answer.answer


def test_a_running_count_standing_at_a_date_answers_up_to_its_month() -> None:
    """ "đến giữa tháng 3/2032" asks the figure a report gives "lũy kế đến ngày 14/3/2032";
    a question's own "tính đến 30/6" asks no part of a year."""
    named = periods_in("Lũy kế đến ngày 14/3/2032, toàn xã cấp 2.905 thẻ")
    assert names_asked("quarter-1", named) and names_asked("cumulative", named)
    assert not names_asked("first-half", named)
    assert names_asked("first-half", periods_in("Tính đến hết tháng 6/2031, có 12 tổ"))
    assert asked_period("Tỷ lệ đến giữa tháng 3/2032 là bao nhiêu?") == "quarter-1"
    assert asked_period("Huyện A có bao nhiêu tổ (tính đến 30/6/2031)?") is None


def test_a_place_written_short_is_no_word_the_answer_must_hold() -> None:
    """ "TP.HCM", "thành phố A": the place is checked on its own, not as words to cover."""
    short = analyse("Tổng số vụ cháy toàn TP.HCM năm 2031?")
    assert short.counted.unit == "vụ cháy" and not {"tp", "hcm"} & set(short.terms)
    whole = analyse("Tổng số vụ cháy toàn thành phố Hồ Chí Minh năm 2031?")
    assert whole.counted.unit == "vụ cháy" and not {"thành", "phố"} & set(whole.terms)


def test_where_a_count_is_made_qualifies_the_counted_noun_unless_it_is_a_place() -> None:
    assert analyse("Tỉnh A năm 2031 có bao nhiêu vụ cháy ở nhà trọ?").counted.unit == (
        "vụ cháy ở nhà trọ"
    )
    assert analyse("Có bao nhiêu vụ cháy ở Hương Khê năm 2031?").counted.unit == "vụ cháy"
    assert analyse("bao nhiêu vụ cháy tại các xã").counted.unit == "vụ cháy"
    answer = ExtractiveAnswerer().build(
        "Tỉnh Sơn La năm 2031 có bao nhiêu vụ cháy ở nhà trọ?",
        [
            _passage(
                "a.txt",
                "Năm 2031, toàn tỉnh xảy ra 48 vụ cháy, giảm 5 vụ so với năm 2030.",
                province="Sơn La",
                year=2031,
                title="Báo cáo công tác PCCC năm 2031",
            )
        ],
    )
    assert answer.refused, answer.answer


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        # the noun's words run out inside the place's name
        ("Số người chết do cháy ở Mường La 9 tháng 2031 so với cùng kỳ ra sao?", (
            "người chết do cháy"
        )),
        # a province named as written before the 2025 merger, not as the gazetteer names it
        ("Số vụ cháy ở Thừa Thiên Huế từ đầu năm 2031 tăng hay giảm?", "vụ cháy"),
    ],
)  # fmt: skip
def test_a_place_after_o_ends_the_counted_noun(question: str, unit: str) -> None:
    assert analyse(question).counted.unit == unit


def test_a_search_naming_its_province_in_lower_case_is_a_count_with_its_change() -> None:
    analysis = analyse("tội phạm ma túy sơn la 9 tháng 2031 so với cùng kỳ ra sao")
    assert analysis.type == "count" and analysis.counted.unit == "vụ tội phạm ma túy"


@pytest.mark.parametrize(
    "question",
    [
        "Sở GD&ĐT tỉnh Sơn La được giao nhiệm vụ gì trong kế hoạch?",
        "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?",
        "so giao duc va dao tao phai lam gi",
    ],
)
def test_the_giao_of_giao_duc_gives_no_task(question: str) -> None:
    assert body_of(question) == "so giao duc va dao tao"


def test_whether_the_education_department_leads_is_asked_of_it() -> None:
    assert tasked_body("Kế hoạch có giao Sở GD&ĐT chủ trì tuyên truyền không?") == (
        "so giao duc va dao tao"
    )


def test_each_places_answer_is_labelled_by_its_place() -> None:
    parts = split_places("So sánh số tổ tự quản ở Sơn La năm 2031 và ở xã Tân Mỹ năm 2032")
    assert place_labels(parts) == ["Sơn La", "xã Tân Mỹ"]
    first = _passage(
        "a.txt", "Năm 2031, toàn tỉnh Sơn La có 1.204 tổ tự quản về an ninh, trật tự.",
        province="Sơn La", year=2031, title="Báo cáo năm 2031 của Công an tỉnh Sơn La",
    )  # fmt: skip
    second = _passage(
        "b.txt", "Năm 2032, toàn xã Tân Mỹ có 37 tổ tự quản về an ninh, trật tự.",
        province="Sơn La", year=2032, title="Báo cáo năm 2032 của Công an xã Tân Mỹ",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "So sánh số tổ tự quản ở Sơn La năm 2031 và ở xã Tân Mỹ năm 2032", [first, second]
    )
    assert answer.answer.startswith("Sơn La: ") and "xã Tân Mỹ: " in answer.answer, answer.answer
    assert "1.204 tổ" in answer.answer and "37 tổ" in answer.answer


def test_a_second_part_is_cut_where_it_asks_on_its_own() -> None:
    """ "X tăng hay giảm, tỷ lệ Y mấy %?" asks two things; "có bao nhiêu X, tăng hay giảm?"
    asks one figure and its change, which one clause tells."""
    assert split_asks("9 tháng 2031 huyện A trộm cắp tăng hay giảm, tỷ lệ làm rõ mấy %?") == [
        "9 tháng 2031 huyện A trộm cắp tăng hay giảm",
        "tỷ lệ làm rõ mấy %?",
    ]
    whole = "Năm 2031 có bao nhiêu vụ cháy, tăng hay giảm so với cùng kỳ?"
    assert split_asks(whole) == [whole]
    # "của ai" asks as "là ai" does: whose conclusions, then who signed
    assert split_asks("Thông báo 31/TB-UBND là kết luận của ai và ai ký ban hành?") == [
        "Thông báo 31/TB-UBND là kết luận của ai",
        "ai ký ban hành?",
    ]
