"""What a report's headings, captions and paragraphs tell of the figures under them: a
lettered point heading bullets names their period or their offence, a table's caption its
year, a holiday named in the paragraph its dates; and the words a question uses for the
counting body or the ring's leader (invented reports)."""

from __future__ import annotations

from assistant.answers import Answer
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.passage_views import heading_over_items
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata


def _built(text: str, question: str, year: int = 2024, title: str = "") -> Answer:
    metadata = DocumentMetadata(year=year, title=title or f"Báo cáo 9 tháng năm {year}")
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    return ExtractiveAnswerer().build(question, [passage])


def _first_quote(text: str, question: str, **meta: object) -> str:
    answer = _built(text, question, **meta)  # type: ignore[arg-type]
    assert not answer.refused, question
    return answer.answer.split("[1]")[0]


def test_a_short_lettered_point_over_bullets_is_their_heading() -> None:
    above = "2. Tội phạm về trật tự xã hội\n\na) Quý III năm 2024\n\n- Xảy ra 12 vụ.\n"
    assert heading_over_items(above, bulleted=True) == "a) Quý III năm 2024"
    assert heading_over_items("2. Ma túy\n\nb) Quý III năm 2024\n", bulleted=True) == (
        "b) Quý III năm 2024"
    )
    # ... not one over another lettered item ("b) Sở Y tế ..." after "a) ..."): an item
    assert heading_over_items("2. Ma túy\n\nb) Quý III năm 2024\n") == "2. Ma túy"
    assert heading_over_items("Nhiệm vụ\n\na) Sở Y tế chủ trì.\n", bulleted=True) == "Nhiệm vụ"


SPLIT_PERIODS = (
    "2. Tình hình tội phạm về trật tự xã hội\n\n"
    "a) 9 tháng đầu năm 2024\n\n"
    "- Xảy ra 58 vụ phạm pháp hình sự, giảm 04 vụ so với cùng kỳ.\n"
    "- Trộm cắp gia súc xảy ra 23 vụ, thiệt hại khoảng 640 triệu đồng.\n\n"
    "b) Quý III năm 2024\n\n"
    "- Xảy ra 19 vụ phạm pháp hình sự, tăng 02 vụ so với cùng kỳ.\n"
    "- Trộm cắp gia súc vào mùa mưa: 08 vụ, chủ yếu ban đêm."
)


def test_a_quarters_figure_under_its_lettered_heading_answers_for_the_quarter() -> None:
    quarter = _first_quote(SPLIT_PERIODS, "Quý III năm 2024 có bao nhiêu vụ trộm cắp gia súc?")
    assert "08 vụ" in quarter
    months = _first_quote(SPLIT_PERIODS, "9 tháng năm 2024 xảy ra mấy vụ trộm cắp gia súc?")
    assert "23 vụ" in months


OFFENCE_POINTS = (
    "2. Tội phạm và vi phạm pháp luật\n\n"
    "a) Phạm pháp hình sự\n\n"
    "- Tháng 10: xảy ra 06 vụ (04 vụ trộm cắp tài sản, 02 vụ cướp giật), làm rõ 05/06 vụ.\n"
    "- Lũy kế: xảy ra 31 vụ, làm rõ 27/31 vụ.\n\n"
    "b) Đánh bạc\n\n"
    "- Tháng 10: bắt 03 vụ/14 đối tượng đánh bạc.\n"
    "- Lũy kế: bắt 09 vụ/52 đối tượng."
)


def test_a_months_count_under_the_offence_its_lettered_heading_names_is_answered() -> None:
    answer = _first_quote(
        OFFENCE_POINTS,
        "Tháng 10/2025 CAX ghi nhận mấy vụ phạm pháp hình sự?",
        year=2025,
        title="Báo cáo tháng 10 năm 2025",
    )
    assert "06 vụ" in answer and "đánh bạc" not in answer


def test_a_table_row_is_dated_by_its_caption_over_a_units_line() -> None:
    # A directive of 2025 telling 2024's figures in a table: its caption dates the rows.
    text = (
        "I. TÌNH HÌNH\n\n"
        "2. Tai nạn đuối nước năm 2024 theo địa bàn\n\n"
        "Đơn vị tính: vụ, người\n\n"
        "| STT | Địa phương | Số vụ | Người chết |\n\n|---|---|---|---|\n\n"
        "| 1 | Huyện Thạch Thành | 6 | 7 |\n\n| 2 | Huyện Ngọc Lặc | 4 | 5 |\n\n"
        "| | Toàn tỉnh | 10 | 12 |\n\n"
        "(Số liệu từ 15/12/2023 đến 14/12/2024)"
    )
    title = "Chỉ thị về phòng, chống đuối nước giai đoạn 2025 - 2027"
    question = "Năm 2024 huyện Ngọc Lặc có bao nhiêu người chết do đuối nước?"
    assert "Người chết, Huyện Ngọc Lặc = 5" in _first_quote(text, question, year=2025, title=title)
    refused = _built(text, question.replace("2024", "2022"), year=2025, title=title)
    assert refused.refused


def test_a_police_years_dates_in_a_caption_do_not_date_it_by_its_first_year() -> None:
    text = (
        "Bảng 2. Kết quả theo đơn vị (15/12/2023 - 14/12/2024)\n\n"
        "| Đơn vị | Vụ | Đối tượng |\n\n|---|---|---|\n\n"
        "| Huyện Vĩnh Thạnh | 17 | 25 |\n\n| Huyện Tây Sơn | 22 | 30 |"
    )
    title = "Báo cáo kết quả phòng, chống tội phạm về ma túy năm 2024"
    assert _built(text, "so vu ma tuy huyen Tay Son nam 2023", title=title).refused


def test_a_holidays_figure_is_dated_by_the_holiday_its_paragraph_names() -> None:
    text = (
        "Dịp Tết Nguyên đán Quý Mão 2023 (từ ngày 15/01/2023 đến ngày 14/02/2023, tức từ ngày "
        "19 tháng Chạp năm Nhâm Dần đến ngày 15 tháng Giêng năm Quý Mão), tình hình "
        "cơ bản ổn định. Xảy ra 05 vụ cháy, thiệt hại 210 triệu đồng. Lực lượng chức năng "
        "phát hiện 06 vụ vận chuyển pháo nổ, thu giữ 31,5 kg pháo nổ."
    )
    title = "Công văn về bảo đảm an ninh, trật tự dịp Tết Nguyên đán Giáp Thìn 2024"
    answer = _first_quote(text, "Tết Quý Mão 2023 thu giữ bao nhiêu kg pháo nổ", title=title)
    assert "31,5 kg" in answer


def test_a_counting_bodys_abbreviation_ends_the_counted_noun() -> None:
    analysis = analyse("số vụ cướp giật CA tỉnh phát hiện 10 tháng năm 2024")
    assert analysis.counted.unit == "vụ cướp giật"
    # ... not a fish typed without marks: "tàu ca" may be "tàu cá"
    assert "tau ca" in str(analyse("so vu khai thac tau ca trai phep").counted.unit)


def test_the_boss_of_a_ring_is_its_leader() -> None:
    text = (
        "Công an tỉnh vừa triệt phá đường dây đánh bạc qua mạng, bắt 9 đối tượng. "
        "Cầm đầu đường dây là Lương Văn Khởi (SN 1988, trú tại thị trấn Đồng Mỏ). "
        "Khởi khai nhận đã thu lợi khoảng 2 tỷ đồng."
    )
    answer = _first_quote(text, "trum duong day danh bac qua mang la ai", title="Tin")
    assert "Lương Văn Khởi" in answer


def test_a_persons_column_beside_the_events_column_counts_that_events_people() -> None:
    text = (
        "Kết quả xử lý năm 2024 theo địa bàn:\n\n"
        "| STT | Huyện | Vụ trộm cắp có người chưa thành niên (vụ) | Đối tượng (người) |\n\n"
        "|---|---|---|---|\n\n"
        "| 1 | Huyện Bắc Quang | 9 | 14 |\n\n| 2 | Huyện Vị Xuyên | 12 | 13 |\n\n"
        "| 3 | Huyện Quang Bình | 7 | 19 |"
    )
    question = "Năm 2024 huyện nào có nhiều đối tượng chưa thành niên trộm cắp nhất?"
    assert "Đối tượng (người), Huyện Quang Bình = 19" in _first_quote(text, question)


def test_a_police_years_dates_date_it_in_the_year_holding_nearly_all_its_days() -> None:
    from assistant.extractive.years import years_in

    assert years_in("9 tháng năm 2024 (từ 15/12/2023 đến 14/9/2024)") == {2024}
    assert years_in("(15/12/2022 - 14/12/2023)") == {2023}
    # ... a campaign over the new year is of both; a range of no real day is left as written.
    assert years_in("từ 15/12/2024 đến 15/02/2025") == {2024, 2025}
    assert years_in("từ 31/02/2023 đến 14/9/2024") == {2023, 2024}
    text = (
        "9 tháng năm 2024 (từ 15/12/2023 đến 14/9/2024), phong trào được triển khai sâu rộng:\n"
        "- Quần chúng Nhân dân cung cấp 1.734 tin có giá trị, giúp phát hiện 58 vụ việc."
    )
    title = "Thông báo kết luận sơ kết phong trào Toàn dân bảo vệ ANTQ"
    assert "1.734 tin" in _first_quote(text, "Năm 2024 có bao nhiêu tin có giá trị?", title=title)
    assert _built(
        text, "Năm 2023 quần chúng cung cấp bao nhiêu tin có giá trị?", title=title
    ).refused


def test_a_heading_a_chunks_cut_left_above_dates_the_paragraphs_under_it() -> None:
    from tests.assistant.one_document import document_in_parts

    parts = [
        "I. TÌNH HÌNH\n\n1. Kết quả năm 2023\n\nNăm 2023, toàn tỉnh xảy ra 96 vụ TNGT.",
        "Trên tuyến Quốc lộ 279 xảy ra 27 vụ TNGT, làm chết 15 người, bị thương 19 người.",
    ]
    metadata = DocumentMetadata(year=2024, title="Chỉ thị về bảo đảm trật tự, an toàn giao thông")
    library = document_in_parts("ct.txt", parts, metadata, gap="\n\n")
    answerer = ExtractiveAnswerer(library=library)
    brought = [library.passages[1]]  # retrieval brought the paragraph, not its heading
    asked = answerer.build("Năm 2023 Quốc lộ 279 xảy ra bao nhiêu vụ TNGT?", brought)
    assert "27 vụ TNGT" in asked.answer.split("[1]")[0]
    assert answerer.build("6 tháng đầu năm 2024 Quốc lộ 279 có bao nhiêu vụ TNGT?", brought).refused


def test_the_last_numbered_heading_is_read_wrapped_and_a_numbered_paragraph_heads_nothing() -> None:
    from assistant.extractive.passage_views import last_heading

    wrapped = (
        "1. Kết quả năm 2023\n\nNăm 2023 xảy ra 12 vụ.\n\n"
        "2. Kết quả 6 tháng đầu năm 2024 (từ ngày 01/01/2024 đến ngày 30/6/2024, so với\n"
        "cùng kỳ năm 2023)\n\n- Phát hiện 31 trường hợp"
    )
    assert last_heading(wrapped) == (
        "2. Kết quả 6 tháng đầu năm 2024 (từ ngày 01/01/2024 đến ngày 30/6/2024, so với "
        "cùng kỳ năm 2023)"
    )
    assert last_heading("### 1. Kết quả năm 2023\n\n- Bắt 9 vụ") == "1. Kết quả năm 2023"
    assert last_heading("1. Kết quả năm 2023\n\n2. Đã tổ chức 214 lớp tập huấn.\n\n- Cấp") == ""
    assert last_heading("Năm 2023 xảy ra 12 vụ.\n\n- Bắt 9 vụ") is None
