"""A rate read from a resolution's table row, and asked beside the rate it replaced
(invented resolution)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.former_rates import split_former
from assistant.passages import Passage
from index.records import DocumentMetadata

from .one_document import document_in_parts

SOURCE = "nq-ho-tro-to-tu-quan.md"
PARTS = [
    "HĐND tỉnh đã thông qua Nghị quyết quy định mức hỗ trợ đối với Tổ trưởng, Tổ phó Tổ tự "
    "quản về an ninh, trật tự và người tham gia tuần tra ban đêm, nâng mức hỗ trợ so với "
    "trước đây.",
    "Điều 2. Mức hỗ trợ\n\n"
    "| TT | Chức danh, nội dung | Mức hỗ trợ |\n"
    "|---|---|---|\n"
    "| 1 | Tổ trưởng Tổ tự quản về an ninh, trật tự | 820.000 đồng/người/tháng |\n"
    "| 2 | Tổ phó Tổ tự quản về an ninh, trật tự | 640.000 đồng/người/tháng |\n"
    "| 3 | Sửa chữa, thay thế đèn chiếu sáng tại chốt | 50% chi phí, tối đa 3.000.000 đồng |\n"
    "| 4 | Người tham gia tuần tra ban đêm | 130.000 đồng/người/đêm |",
    "Điều 4. Hiệu lực thi hành\n\n"
    "Nghị quyết này có hiệu lực từ ngày 01 tháng 9 năm 2024 và thay thế Nghị quyết số "
    "07/2019/NQ-HĐND của HĐND tỉnh. Theo Nghị quyết số 07/2019/NQ-HĐND, Tổ trưởng được hỗ trợ "
    "500.000 đồng/người/tháng, Tổ phó 380.000 đồng/người/tháng và người tham gia tuần tra ban "
    "đêm 90.000 đồng/người/đêm.",
]
META = DocumentMetadata(
    title="Nghị quyết số 21/2024/NQ-HĐND mức hỗ trợ Tổ tự quản về an ninh, trật tự",
    year=2024,
    province="Yên Bái",
)


def _answer(question: str) -> str:
    library = document_in_parts(SOURCE, PARTS, META, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(question, library.passages)
    assert not answer.refused, question
    return answer.answer


def test_a_rate_compared_with_the_former_one_is_read_as_the_rate_asked() -> None:
    assert split_former("Mức hỗ trợ tổ phó theo nghị quyết mới so với nghị quyết cũ?") == (
        "Mức hỗ trợ tổ phó theo nghị quyết mới?"
    )
    assert split_former("muc boi duong dan quan ca dem, so voi muc cu") == (
        "muc boi duong dan quan ca dem?"
    )
    # The former thing named as an office paid before, not as a rate.
    assert split_former("mức hỗ trợ tổ viên so với bảo vệ dân phố trước đây") == (
        "mức hỗ trợ tổ viên?"
    )
    for question in (
        "Số vụ trộm cắp năm 2024 so với năm 2023 thế nào?",  # years compared, no rate
        "Mức hỗ trợ tổ trưởng so với tổ phó chênh bao nhiêu?",  # nothing former
        "Số vụ cháy so với cùng kỳ năm cũ tăng hay giảm?",  # a count, not a rate
    ):
        assert split_former(question) is None, question


def test_a_rate_asked_is_the_row_naming_it_not_the_former_rate() -> None:
    """The row of the asked office, not its neighbour's row nor the repealed resolution's
    rate the prose gives."""
    answer = _answer("Mức hỗ trợ tổ phó tổ tự quản ANTT Yên Bái theo nghị quyết mới?")
    first = answer.split("[1]")[0]
    assert "640.000" in first
    assert "820.000" not in first and "380.000" not in answer


def test_a_rate_and_its_former_rate_are_both_quoted() -> None:
    answer = _answer("muc ho tro nguoi tham gia tuan tra ban dem theo NQ moi so voi NQ cu")
    assert "130.000 đồng/người/đêm" in answer.split("[1]")[0]
    assert "90.000 đồng/người/đêm" in answer  # the sentence after the repeal gives it
    # A row that replaces a lamp ("thay thế đèn") repeals no resolution.
    assert "3.000.000" not in answer


def test_the_rows_of_a_table_for_one_group_are_told_apart_by_what_else_is_asked() -> None:
    """The table is about "Tổ tự quản" throughout (its title says so): the question's
    other words pick the row."""
    passage = Passage(f"{SOURCE}#1", SOURCE, PARTS[1], 0, len(PARTS[1]), 0.5, META)
    answer = ExtractiveAnswerer().build(
        "Tổ tự quản về an ninh, trật tự được hỗ trợ sửa chữa đèn chiếu sáng bao nhiêu?", [passage]
    )
    assert "3.000.000" in answer.answer.split("[1]")[0]


def test_the_figures_a_question_gives_pick_the_row_that_holds_them() -> None:
    table = (
        "Điều 2. Mức hỗ trợ người tham gia phòng, chống tội phạm\n\n"
        "| STT | Nội dung hỗ trợ | Mức hỗ trợ |\n|---|---|---|\n"
        "| 1 | Người bị thương có tỷ lệ tổn thương cơ thể dưới 21% | 8.000.000 đồng/người |\n"
        "| 2 | Người bị thương có tỷ lệ tổn thương cơ thể từ 31% đến 60% "
        "| 25.000.000 đồng/người |\n"
        "| 3 | Bồi dưỡng người trực tiếp bắt giữ người phạm tội quả tang | 1.500.000 đồng/vụ |"
    )
    meta = DocumentMetadata(
        title="Nghị quyết hỗ trợ người dân tham gia bắt giữ tội phạm", year=2024, province="Cà Mau"
    )
    passage = Passage("nq.html#0", "nq.html", table, 0, len(table), 0.5, meta)
    answer = ExtractiveAnswerer().build(
        "mức hỗ trợ người dân bị thương từ 31% đến 60% khi bắt tội phạm", [passage]
    )
    assert "25.000.000" in answer.answer.split("[1]")[0]


def test_a_rate_reckoned_in_words_and_compared_with_another_office_paid_before() -> None:
    """The amount follows how it is reckoned ("Hệ số 0,5 ... (1.170.000 đồng ...)"); "tổ
    viên" is all the question says beyond the table's title; the former rate compared is
    another office's ("phụ cấp công an viên trước đây"), told in money, not the sentence
    of who served before."""
    parts = [
        "Toàn tỉnh kiện toàn 412 Tổ với 1.300 thành viên; trong đó 870 người trước đây là Công "
        "an viên, bảo vệ dân phố tham gia tổ (chiếm 66,9%).",
        "Điều 3. Mức hỗ trợ Tổ bảo vệ an ninh, trật tự\n\n"
        "| TT | Nội dung | Mức hỗ trợ |\n|---|---|---|\n"
        "| 1 | Hỗ trợ hằng tháng đối với Tổ trưởng | Hệ số 0,7 mức lương cơ sở "
        "(1.638.000 đồng/người/tháng) |\n"
        "| 2 | Hỗ trợ hằng tháng đối với Tổ viên | Hệ số 0,5 mức lương cơ sở "
        "(1.170.000 đồng/người/tháng) |",
        "Nghị quyết này thay thế Nghị quyết số 05/2021/NQ-HĐND (theo đó Công an viên được phụ "
        "cấp hệ số 0,8 mức lương cơ sở, tương đương 1.192.000 đồng/tháng).",
    ]
    meta = DocumentMetadata(
        title="Nghị quyết hỗ trợ Tổ bảo vệ an ninh, trật tự ở cơ sở", year=2024, province="Sơn La"
    )
    library = document_in_parts("nq-to-bao-ve.md", parts, meta, gap="\n\n")
    answer = (
        ExtractiveAnswerer(library=library)
        .build(
            "muc ho tro to vien to bao ve ANTT so voi phu cap cong an vien truoc day",
            library.passages,
        )
        .answer
    )
    assert "1.170.000" in answer.split("[1]")[0]
    assert "1.192.000" in answer and "66,9%" not in answer


def test_a_former_resolution_named_by_its_number_is_the_one_compared() -> None:
    assert split_former("muc ho tro to pho theo NQ moi so voi NQ 07/2019 la bao nhieu") == (
        "muc ho tro to pho theo NQ moi?"
    )
    answer = _answer("muc ho tro nguoi tham gia tuan tra ban dem theo NQ moi so voi NQ 07/2019")
    assert "130.000 đồng/người/đêm" in answer.split("[1]")[0]
    assert "90.000 đồng/người/đêm" in answer


CROSSING_PARTS = [
    "Điều 1. Mức hỗ trợ\n\n"
    "| STT | Nội dung | Đơn vị tính | Mức hỗ trợ, mức chi (đồng) |\n"
    "|---|---|---|---|\n"
    "| 1 | Hỗ trợ người gác đường ngang dân sinh, lối đi tự mở qua đường sắt do UBND cấp xã "
    "bố trí | đồng/người/tháng | 3.900.000 |\n"
    "| 2 | Chi xây dựng mô hình tuyến đường tự quản | đồng/tuyến | 12.000.000 |",
    "Điều 3. Hiệu lực thi hành\n\n"
    "1. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2027.\n\n"
    "2. Nghị quyết số 04/2021/NQ-HĐND ngày 09 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh quy "
    "định mức hỗ trợ người gác đường ngang dân sinh và mô hình tự quản về trật tự an toàn giao "
    "thông hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực.\n\n"
    "Theo Nghị quyết số 04/2021/NQ-HĐND, người gác được hỗ trợ 2.300.000 đồng/người/tháng.",
]


def test_the_rate_asked_is_a_rate_not_the_clause_repealing_the_old_resolution() -> None:
    """Read alone, "mức hỗ trợ người gác ... theo NQ mới?" finds the clause that repeals the
    old resolution, which gives no rate; the rate is the table's."""
    meta = DocumentMetadata(
        title="Nghị quyết số 30/2026/NQ-HĐND mức hỗ trợ người gác đường ngang",
        year=2026,
        province="Hải Dương",
    )
    library = document_in_parts("nq30.html", CROSSING_PARTS, meta, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "muc ho tro nguoi gac duong ngang Hai Duong theo NQ moi so voi NQ 04/2021",
        library.passages,
    )
    assert "3.900.000" in answer.answer.split("[2]")[0], answer.answer
    assert "2.300.000" in answer.answer, answer.answer


def test_a_rate_asked_by_its_level_is_the_row_naming_it() -> None:
    """ "được hỗ trợ mức nào" asks the rate as "bao nhiêu" does."""
    answer = _answer("Tổ phó tổ tự quản ANTT ở Yên Bái được hỗ trợ mức nào?")
    assert "640.000" in answer.split("[1]")[0], answer
