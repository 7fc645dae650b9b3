"""A comparison with the target given is no body, a resolution's term told after its
passing with its kind alone, a plan's "chỉ tiêu cụ thể" section sets targets, another
year's figure in brackets dates nothing, a counter opening a column names no other matter,
and a person's birth year is no period (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import QuestionType, analyse
from tests.assistant.one_document import invented_passage


def test_a_share_compared_with_the_target_given_asks_no_body() -> None:
    asked = analyse("Tỷ lệ làm rõ vụ trộm cắp huyện Yên Lập năm 2031, so với chỉ tiêu được giao?")
    assert asked.type != QuestionType.DUTY and asked.body is None


def test_a_resolution_named_by_its_kind_alone_before_its_passing_tells_its_term() -> None:
    resolution = invented_passage(
        "Điều 3. Tổ chức thực hiện\n\nNghị quyết đã được HĐND tỉnh Phú Thọ khóa XX, Kỳ họp thứ "
        "8 thông qua ngày 26 tháng 8 năm 2031 và có hiệu lực từ ngày 05 tháng 9 năm 2031.",
        "nq.html",
        title="Nghị quyết quy định mức hỗ trợ lực lượng bảo vệ an ninh ở cơ sở",
        kind="nghị quyết",
        province="Phú Thọ",
        year=2031,
        directive_numbers=("21/2031/NQ-HĐND",),
    )
    answer = ExtractiveAnswerer().build(
        "NQ 21/2031/NQ-HĐND Phú Thọ có hiệu lực từ ngày nào?", [resolution]
    )
    assert answer.answer.startswith("05/09/2031. "), answer.answer
    # ... as the document writes that day in figures elsewhere
    noted = invented_passage(
        resolution.text + "\n\nNgày có hiệu lực: 05/9/2031",
        "nq.html",
        **{key: getattr(resolution.metadata, key) for key in ("title", "kind", "province", "year")},
        directive_numbers=("21/2031/NQ-HĐND",),
    )
    answer = ExtractiveAnswerer().build(
        "NQ 21/2031/NQ-HĐND Phú Thọ có hiệu lực từ ngày nào?", [noted]
    )
    assert answer.answer.startswith("05/9/2031. "), answer.answer


def test_a_plans_targets_section_tells_no_result() -> None:
    plan = invented_passage(
        "III. CHỈ TIÊU CỤ THỂ\n\n1. Kéo giảm tội phạm về vũ khí.\n\n"
        "2. Vận động giao nộp ít nhất 45 khẩu súng tự chế trong đợt cao điểm.",
        "kh.md",
        title="Kế hoạch cao điểm vận động thu hồi vũ khí dịp Tết năm 2032",
        kind="kế hoạch",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Kết quả vận động giao nộp súng dịp Tết 2032 ở Phú Thọ được bao nhiêu khẩu?", [plan]
    )
    assert answer.refused, answer.answer


def test_another_years_figure_in_brackets_dates_nothing() -> None:
    fires = invented_passage(
        "6 tháng đầu năm 2031 toàn tỉnh xảy ra 48 vụ cháy, làm chết 02 người (cả năm 2030 "
        "xảy ra 97 vụ cháy).",
        "nq.html",
        title="Nghị quyết quy định mức hỗ trợ đội dân phòng",
        kind="nghị quyết",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("Cả năm 2031 Phú Thọ xảy ra bao nhiêu vụ cháy?", [fires])
    assert answer.refused, answer.answer


def test_a_counter_opening_a_column_names_no_other_matter() -> None:
    """ "Số Đội dân phòng" counts the teams; "Lượt Đội dân phòng tham gia chữa cháy" counts
    what they did, though the caption above names that too."""
    teams = invented_passage(
        "Phụ lục. Lực lượng dân phòng và kết quả tham gia chữa cháy năm 2031\n\n"
        "Năm 2031, lực lượng dân phòng tham gia chữa cháy 83 lượt.\n\n"
        "| Đơn vị | Số Đội dân phòng | Số vụ cháy | Lượt Đội dân phòng tham gia chữa cháy |\n"
        "|---|---:|---:|---:|\n| Huyện Hạ Hòa | 212 | 7 | 31 |\n"
        "| Huyện Cẩm Khê | 245 | 5 | 12 |\n| Huyện Đoan Hùng | 198 | 9 | 40 |",
        "nq.html",
        title="Nghị quyết quy định mức hỗ trợ đội dân phòng",
        kind="nghị quyết",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Huyện nào của Phú Thọ có nhiều Đội dân phòng nhất?", [teams]
    )
    assert answer.answer.startswith("Số Đội dân phòng, Huyện Cẩm Khê = 245"), answer.answer


def test_a_persons_birth_year_is_no_period() -> None:
    raid = invented_passage(
        "Phòng PC04 phát hiện nhóm đối tượng do Hà Văn K. (SN 1996, trú xã Tân Lập) cầm đầu "
        "tổ chức sử dụng trái phép chất ma túy tại một quán karaoke.\n\n"
        "Tại hiện trường, lực lượng chức năng bắt quả tang 9 đối tượng, phát hiện 23 người "
        "dương tính với chất ma túy.",
        "tin.html",
        title="Triệt xóa ổ nhóm sử dụng ma túy trong quán karaoke",
        kind="tin bài",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Vụ triệt xóa ổ ma túy trong quán karaoke ở Phú Thọ năm 2031: bao nhiêu người dương "
        "tính ma túy?",
        [raid],
    )
    assert "23 người dương tính" in answer.answer, answer.answer
