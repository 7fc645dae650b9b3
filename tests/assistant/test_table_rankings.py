"""Places ranked or compared by a table's figures, however the table is laid out and
however the question names the figure (invented reports)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import analyse
from assistant.extractive.rankings import ranks_places
from assistant.extractive.tables import _done_column, asked_change, asked_extreme, heads_table
from assistant.passages import Passage
from index.cleaning import clean_text
from index.records import DocumentMetadata
from tests.assistant.one_document import OneDocument, document_in_parts


def _report(text: str, **meta: object) -> Passage:
    metadata = DocumentMetadata(**{"year": 2024, "title": "Báo cáo năm 2024", **meta})  # type: ignore[arg-type]
    return Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)


def _first_quote(question: str, passage: Passage) -> str:
    answer = ExtractiveAnswerer().build(question, [passage])
    assert not answer.refused, question
    return answer.answer.split("[1]")[0]


def _table(caption: str, header: str, *rows: str) -> str:
    """A Markdown table under its caption, one paragraph per row: "Xã | Vụ" -> "| Xã | Vụ |"."""
    cells = len(header.split("|"))
    lines = [f"| {header} |", "|" + "---|" * cells, *(f"| {row} |" for row in rows)]
    return caption + "\n\n" + "\n\n".join(lines)


DISTRICT_REPORT = (
    "2. Tội phạm về trật tự xã hội: 6 tháng xảy ra 20 vụ, giảm 03 vụ so với cùng kỳ.\n\n"
    "Theo loại tội: trộm cắp tài sản 11 vụ, cố ý gây thương tích 05 vụ, khác 04 vụ.\n\n"
    "Phân bố theo địa bàn (số vụ 6 tháng | số vụ quý II):\n\n"
    "Xã Tịnh Hà | 4 | 1\n\nXã Tịnh Sơn | 9 | 3\n\nThị trấn Tịnh Hà Đông | 7 | 4\n\n"
    "Cộng | 20 | 8"
)


def test_a_header_naming_only_the_value_columns_still_reads_each_row() -> None:
    """The header sits in the caption's parenthesis, one cell short of the rows, and the
    counted noun is named by the numbered item above it, not by "số vụ"."""
    report = _report(DISTRICT_REPORT, district="Sơn Tịnh", province="Quảng Ngãi")
    most = _first_quote("xa nao nhieu vu trat tu xa hoi nhat 6 thang dau nam 2024", report)
    assert "Xã Tịnh Sơn = 9" in most
    quarter = _first_quote("Xã nào nhiều vụ trật tự xã hội nhất quý II năm 2024?", report)
    assert "Thị trấn Tịnh Hà Đông = 4" in quarter


def test_a_folded_kind_of_place_is_the_noun_asked() -> None:
    """ "thi tran nao": "thi" may be "thì", yet the place kind is read whole."""
    assert analyse("o huyen A thi tran nao nhieu vu nhat").asked_noun == "thi tran"
    assert analyse("thi xa nao co nhieu vu chay nhat").asked_noun == "thi xa"


def test_a_long_ranked_noun_is_still_a_rank() -> None:
    """What is ranked may take a dozen words between "nhiều" and "nhất"."""
    question = "xa nao co nhieu nguoi du tieu chuan tham gia to tu quan ve ANTT o khu dan cu nhat"
    assert asked_extreme(analyse(question)) == "max"
    # ... and some of them quoted: "nhiều xã xây dựng "không ma túy" nhất".
    quoted = 'Huyện nào đăng ký nhiều xã xây dựng "không ma túy" năm 2026 nhất?'
    assert asked_extreme(analyse(quoted)) == "max"


TRAFFIC_TABLE = (
    "Bảng 2. Tai nạn giao thông năm 2024 theo địa bàn\n\n"
    "| Địa bàn | Số vụ | Người chết | Người bị thương |\n\n|---|---|---|---|\n\n"
    "| Huyện Lộc Ninh | 14 | 6 | 11 |\n\n| Huyện Bù Đốp | 9 | 8 | 4 |\n\n"
    "| Thị xã Bình Long | 12 | 5 | 13 |\n\n| Toàn tỉnh | 35 | 19 | 28 |"
)


def test_the_figure_named_before_its_rank_picks_the_column() -> None:
    """ "số người chết ... cao nhất" ranks by deaths, though it counts with no "nhiều"."""
    report = _report(TRAFFIC_TABLE, province="Bình Phước")
    dead = "Năm 2024 huyện nào ở Bình Phước có số người chết vì TNGT cao nhất?"
    assert analyse(dead).counted.unit == "người chết vì tai nạn giao thông"
    assert "Người chết, Huyện Bù Đốp = 8" in _first_quote(dead, report)
    hurt = "đơn vị nào có số người bị thương do TNGT thấp nhất năm 2024"
    assert "Người bị thương, Huyện Bù Đốp = 4" in _first_quote(hurt, report)


def test_a_ranking_counting_no_noun_reads_the_column_its_words_name() -> None:
    report = _report(
        "| Địa bàn | Công dân đủ điều kiện | Đã kích hoạt | Tỷ lệ |\n\n|---|---|---|---|\n\n"
        "| Huyện Hòa Vang | 81.200 | 40.310 | 49,6% |\n\n"
        "| Huyện Hoàng Sa | 310 | 298 | 96,1% |\n\n| Toàn thành phố | 81.510 | 40.608 | 49,8% |",
        province="Đà Nẵng",
    )
    least = _first_quote("huyen nao kich hoat tai khoan dinh danh thap nhat", report)
    assert "Đã kích hoạt, Huyện Hoàng Sa = 298" in least


def test_a_ranked_noun_is_read_in_the_column_naming_its_head_and_the_question() -> None:
    """ "nhiều gỗ lậu nhất" ranks by "Gỗ thu giữ (m3)", not by the cases counted under a
    caption that names the wood; "người chết" is the column headed "Chết"."""
    report = _report(
        "Kết quả xử lý vi phạm về gỗ năm 2024 theo địa bàn:\n\n"
        "| Địa bàn | Số vụ | Số đối tượng | Gỗ thu giữ (m3) | Chết | Bị thương |\n\n"
        "|---|---|---|---|---|---|\n\n"
        "| Huyện Kon Plông | 31 | 40 | 85,2 | 1 | 0 |\n\n"
        "| Huyện Đăk Glei | 22 | 25 | 140,6 | 3 | 2 |\n\n"
        "| Toàn tỉnh | 53 | 65 | 225,8 | 4 | 2 |",
        province="Kon Tum",
    )
    wood = _first_quote("Năm 2024 huyện nào thu giữ nhiều gỗ lậu nhất?", report)
    assert "Gỗ thu giữ (m3), Huyện Đăk Glei = 140,6" in wood
    dead = _first_quote("Huyện nào có nhiều người chết nhất năm 2024?", report)
    assert "Chết, Huyện Đăk Glei = 3" in dead


def test_a_table_is_dated_by_its_caption_above_a_bracketed_note() -> None:
    report = _report(
        "PHỤ LỤC: Kết quả vận động giao nộp vũ khí năm 2022\n\n"
        "(Kèm theo Tờ trình số 15/TTr-UBND; số liệu của Công an tỉnh)\n\n"
        "| Đơn vị | Súng (khẩu) | Đạn (viên) |\n\n|---|---|---|\n\n"
        "| Huyện Mèo Vạc | 41 | 120 |\n\n| Huyện Đồng Văn | 52 | 95 |\n\n| Cộng | 93 | 215 |",
        province="Hà Giang",
    )  # the document is of 2024; its appendix tells 2022
    most = _first_quote("huyen nao nop nhieu sung nhat nam 2022", report)
    assert "Súng (khẩu), Huyện Đồng Văn = 52" in most


def test_a_table_of_other_kinds_of_place_does_not_rank_communes() -> None:
    """Asked which commune has most teams, a table of former provinces is no answer; the
    sentence naming the commune is."""
    report = _report(
        "| Khu vực | Số tổ bảo vệ an ninh | Thành viên |\n\n|---|---|---|\n\n"
        "| Khu vực tỉnh Hà Nam cũ | 1.210 | 3.630 |\n\n"
        "| Khu vực tỉnh Ninh Bình cũ | 1.540 | 4.620 |\n\n"
        "Xã có nhiều tổ nhất toàn tỉnh là xã Gia Viễn với 88 tổ.",
        province="Ninh Bình",
        year=2025,
    )
    answer = _first_quote("Xã nào ở Ninh Bình có nhiều tổ bảo vệ an ninh nhất?", report)
    assert "Gia Viễn" in answer and "Ninh Bình cũ = " not in answer


FIRE_TABLE = (
    "Bảng 1. Cháy theo địa bàn\n\n"
    "| Địa bàn | Số vụ cháy năm 2024 | Số vụ cháy năm 2023 | Thiệt hại (triệu đồng) |\n\n"
    "|---|---|---|---|\n\n"
    "| Huyện Mai Sơn | 5 | 3 | 410 |\n\n| Huyện Yên Châu | 2 | 2 | 95 |\n\n"
    "| Huyện Mộc Châu | 4 | 6 | 780 |\n\n| Toàn tỉnh | 11 | 11 | 1.285 |"
)


def test_places_rising_or_not_falling_are_read_from_a_column_for_each_year() -> None:
    report = _report(FIRE_TABLE, province="Sơn La")
    not_falling = (
        ExtractiveAnswerer()
        .build(
            "Những huyện nào của Sơn La có số vụ cháy năm 2024 không giảm so với 2023?", [report]
        )
        .answer
    )
    assert "Mai Sơn" in not_falling and "Yên Châu" in not_falling
    assert "Mộc Châu" not in not_falling and "Toàn tỉnh" not in not_falling
    rising = (
        ExtractiveAnswerer()
        .build("Huyện nào có số vụ cháy năm 2024 tăng so với năm 2023?", [report])
        .answer
    )
    assert "Mai Sơn" in rising and "Yên Châu" not in rising and "Mộc Châu" not in rising


def test_the_ranked_figure_may_be_a_list_and_a_rise_may_be_denied() -> None:
    assert asked_extreme(analyse("Phường nào phát hiện nhiều nhóm đua xe, bão đường nhất?"))
    assert asked_change(analyse("Huyện nào có số vụ không tăng so với năm trước?")) == "khong tang"


INSPECTIONS = (
    "| Đơn vị | Lượt kiểm tra | Cơ sở vi phạm | Tiền phạt (triệu đồng) |\n\n|---|---|---|---|\n\n"
    "| TP. Vĩnh Yên | 1.240 | 96 | 310,5 |\n\n| Huyện Tam Dương | 2.015 | 88 | 402,0 |\n\n"
    "| Huyện Lập Thạch | 980 | 131 | 275,2 |"
)


def test_the_head_of_the_ranked_noun_picks_the_column_over_other_words_of_the_question() -> None:
    report = _report(INSPECTIONS, province="Vĩnh Phúc")
    fined = _first_quote("don vi nao bi phat tien nhieu nhat khi kiem tra co so nam 2024", report)
    assert "Tiền phạt (triệu đồng), Huyện Tam Dương = 402,0" in fined
    checked = _first_quote("Đơn vị nào có nhiều cơ sở vi phạm nhất khi kiểm tra năm 2024?", report)
    assert "Cơ sở vi phạm, Huyện Lập Thạch = 131" in checked


def test_of_columns_naming_the_noun_the_one_naming_more_of_the_question_is_read() -> None:
    report = _report(
        "| Tuyến | Lối đi tự mở | Lối đi đã rào chắn năm 2024 |\n\n|---|---|---|\n\n"
        "| Tuyến A - B | 120 | 8 |\n\n| Tuyến C - D | 64 | 21 |",
        province="Lạng Sơn",
    )
    fenced = _first_quote("tuyến nào rào chắn được nhiều lối đi tự mở nhất năm 2024?", report)
    assert "Tuyến C - D = 21" in fenced
    assert "Tuyến A - B = 120" in _first_quote("Tuyến nào có nhiều lối đi tự mở nhất?", report)


def test_the_best_documents_table_is_read_when_retrieval_brought_only_its_prose() -> None:
    prose = "Năm 2024, toàn tỉnh kiểm tra 4.235 lượt cơ sở kinh doanh có điều kiện về ANTT."
    text = f"{prose}\n\n{INSPECTIONS}"
    meta = DocumentMetadata(year=2024, title="Báo cáo năm 2024", province="Vĩnh Phúc")
    first = Passage("bc.txt#0", "bc.txt", prose, 0, len(prose), 0.5, meta)
    table = Passage("bc.txt#1", "bc.txt", INSPECTIONS, len(prose) + 2, len(text), 0.5, meta)

    answer = ExtractiveAnswerer(library=OneDocument([first, table], text)).build(
        "Đơn vị nào của Vĩnh Phúc có nhiều cơ sở vi phạm nhất năm 2024?", [first]
    )
    assert "Huyện Lập Thạch = 131" in answer.answer.split("[1]")[0]


def test_a_merger_is_no_rank_and_a_list_of_places_figures_is() -> None:
    report = _report(
        "Mùa hè đầu tiên sau khi hợp nhất tỉnh Quảng Bình và tỉnh Quảng Trị, lực lượng cứu "
        "hộ các phường đã cứu được nhiều người gặp nạn.\n\n"
        "Lực lượng cứu hộ đã cứu sống 120 người, trong đó:\n\n"
        "Phường Đồng Sơn: 41 người;\n\nPhường Nam Lý: 52 người;\n\nXã Bảo Ninh: 27 người.",
        province="Quảng Bình",
        year=2025,
    )
    most = _first_quote("phuong nao cuu duoc nhieu nguoi nhat nam 2025", report)
    assert "Nam Lý: 52 người" in most
    assert not ranks_places("Sau khi hợp nhất tỉnh Quảng Bình và tỉnh Quảng Trị, ...")
    assert ranks_places("Xã có nhiều tổ nhất là xã Bảo Ninh với 88 tổ.")
    assert not ranks_places("Khó khăn lớn nhất là bãi tắm tự phát ở các xã ven biển.")


def test_a_span_asked_about_is_answered_by_the_clause_speaking_of_that_span() -> None:
    report = _report(
        "Từ năm 2021 đến hết năm 2023, phát hiện 310 vụ vi phạm về môi trường. Các địa "
        "phương phát hiện nhiều vi phạm nhất trong giai đoạn này là huyện Lý Nhân (61 vụ), "
        "huyện Bình Lục (55 vụ).",
        province="Hà Nam",
    )
    most = _first_quote(
        "Giai đoạn 2021-2023 địa phương nào có nhiều vụ vi phạm môi trường nhất?", report
    )
    assert "Lý Nhân (61 vụ)" in most


def test_targets_missed_or_met_are_the_rows_judged_so() -> None:
    report = _report(
        "| Chỉ tiêu năm 2024 | Kết quả | Đánh giá |\n\n|---|---|---|\n\n"
        "| Kiểm tra 100% cơ sở karaoke | 212/212 cơ sở | Đạt |\n\n"
        "| Lắp 80 camera tại nút giao | 64 camera | Không đạt |\n\n"
        "| Giảm ít nhất 5% số vụ cháy | Giảm 11% | Vượt |\n\n"
        "| Tập huấn 30 đội dân phòng | 27 đội | Chưa đạt |",
        province="Cao Bằng",
    )
    missed = ExtractiveAnswerer().build("Năm 2024 có chỉ tiêu nào không đạt?", [report]).answer
    assert "64 camera" in missed and "27 đội" in missed
    assert "212/212" not in missed and "Giảm 11%" not in missed
    met = ExtractiveAnswerer().build("nhung chi tieu nao da dat nam 2024", [report]).answer
    assert "212/212" in met and "Giảm 11%" in met and "64 camera" not in met


def test_whether_a_target_was_met_is_answered_by_the_figure_reached() -> None:
    report = _report(
        "- Kích hoạt tài khoản định danh điện tử mức độ 2: lũy kế đạt 5.120 tài khoản, đạt "
        "71,4%; chưa đạt chỉ tiêu 80% Công an huyện giao.\n\n"
        "- Tỷ lệ kích hoạt định danh điện tử mức độ 2 chưa đạt chỉ tiêu do nhiều công nhân làm "
        "ca, không bố trí được thời gian.\n\n"
        "- Phấn đấu đến ngày 30/9/2024 tỷ lệ kích hoạt định danh điện tử mức độ 2 đạt 85%.",
        province="Vĩnh Phúc",
    )
    question = "Công an xã đã đạt chỉ tiêu kích hoạt định danh điện tử mức 2 chưa?"
    assert analyse(question).type.value == "yes_no"
    first = _first_quote(question, report)
    assert "71,4%" in first and "80%" in first


def test_the_nearest_rank_word_decides_not_a_place_named_before_it() -> None:
    """ "Tháp" and "Cao" begin place names ("Tháp Mười", "Cao Bằng"); the rank is the word
    nearest "nhất": "Tháp Mười có nhiều ... nhất" asks the most, "Cao Bằng ... ít ... nhất"
    the fewest."""
    assert asked_extreme(analyse("Huyện nào ở Tháp Mười có nhiều vụ trộm cắp nhất?")) == "max"
    assert asked_extreme(analyse("huyen nao o dong thap co nhieu vu chay nhat")) == "max"
    assert asked_extreme(analyse("Xã nào của Cao Bằng có ít vụ tai nạn nhất?")) == "min"
    assert asked_extreme(analyse("Huyện nào thấp nhất?")) == "min"
    table = (
        "Huyện Tháp Mười, năm 2024:\n\n"
        "| Xã | Số vụ | Người bị thương |\n\n|---|---|---|\n\n| Thị trấn Mỹ An | 12 | 3 |\n\n"
        "| Xã Mỹ Hòa | 7 | 1 |\n\n| Xã Thạnh Lợi | 9 | 6 |"
    )
    report = _report(table, province="Đồng Tháp", district="Tháp Mười")
    most = _first_quote("Xã nào ở Tháp Mười có nhiều người bị thương nhất năm 2024?", report)
    assert "Xã Thạnh Lợi = 6" in most


def test_a_bare_case_column_counts_what_the_reports_title_names() -> None:
    """A report on smuggling tabulates "Số vụ" by district: asked "nhiều vụ buôn lậu nhất",
    its title names what the cases are; a report titled otherwise does not rank them."""
    table = (
        "Kết quả theo đơn vị (6 tháng):\n\n| Đơn vị | Số vụ | Số đối tượng |\n\n|---|---|---|\n\n"
        "| Huyện Tân Biên | 14 | 20 |\n\n| Huyện Châu Thành | 21 | 17 |\n\n"
        "| Thị xã Trảng Bàng | 9 | 30 |"
    )
    question = "huyen nao o tay ninh co nhieu vu buon lau nhat 6 thang 2024"
    smuggling = _report(table, province="Tây Ninh", title="Báo cáo phòng, chống buôn lậu 2024")
    assert "Huyện Châu Thành = 21" in _first_quote(question, smuggling)
    other = _report(table, province="Tây Ninh", title="Báo cáo công tác 6 tháng năm 2024")
    answer = ExtractiveAnswerer().build(question, [other])
    assert "Huyện Châu Thành = 21" not in answer.answer


def test_the_rest_lumped_in_one_row_is_no_place_of_the_ranking() -> None:
    """ "Các phường còn lại" sums the places not listed: it is not the place with the most."""
    table = (
        "| Địa bàn | Vụ cháy | Vụ cứu nạn |\n\n|---|---|---|\n\n| Phường Hải Châu | 8 | 11 |\n\n"
        "| Phường Sơn Trà | 5 | 14 |\n\n| Các phường còn lại | 40 | 52 |\n\n"
        "| Đơn vị khác | 30 | 60 |\n\n| Toàn thành phố | 83 | 137 |"
    )
    report = _report(table, province="Đà Nẵng", year=2025, title="Báo cáo năm 2025")
    most = _first_quote("phuong nao o da nang co nhieu vu cuu nan nhat 2025", report)
    assert "Phường Sơn Trà = 14" in most


def test_a_table_cut_in_passages_is_ranked_whole_even_without_its_outer_bars() -> None:
    """A plain-text table ("Xã A | 12 | 3", no outer bars) cut by the chunker: retrieval
    brought the part with the header, the most is in the part it did not bring. And "người
    chết do TNGT" is read in "Người chết" (what caused the deaths is the table's subject)."""
    head = (
        "Số liệu 6 tháng theo địa bàn:\n\nĐơn vị | Vụ TNGT | Người chết | Người bị thương\n"
        "Phường Long Tâm | 9 | 2 | 7\nPhường Long Hương | 6 | 1 | 5"
    )
    tail = "Xã Hòa Long | 4 | 5 | 2\nXã Long Phước | 3 | 0 | 4\nCộng | 22 | 8 | 18"
    text = f"{head}\n{tail}"
    meta = DocumentMetadata(
        year=2024, title="Báo cáo 6 tháng đầu năm 2024", province="Bà Rịa - Vũng Tàu"
    )
    first = Passage("bc.txt#0", "bc.txt", head, 0, len(head), 0.5, meta)
    second = Passage("bc.txt#1", "bc.txt", tail, len(head) + 1, len(text), 0.5, meta)

    answer = ExtractiveAnswerer(library=OneDocument([first, second], text)).build(
        "Phường, xã nào có nhiều người chết do TNGT nhất 6 tháng đầu năm 2024?", [first]
    )
    assert "Người chết, Xã Hòa Long = 5" in answer.answer.split("[1]")[0]


def test_a_year_asked_of_a_table_whose_rows_are_years_is_the_row_with_the_most() -> None:
    """ "Năm nào từ 2020 đến 2022 ... nhiều ... nhất": each row is its own year, every year of
    the span is compared, and the total row is none of them."""
    table = (
        "Kết quả kiểm tra nồng độ cồn:\n\n"
        "| Năm | Lượt kiểm tra | Vụ vi phạm nồng độ cồn |\n\n|---|---|---|\n\n"
        "| 2019 | 9.000 | 9.999 |\n\n| 2020 | 12.410 | 5.120 |\n\n| 2021 | 14.006 | 7.384 |\n\n"
        "| 2022 | 15.220 | 6.915 |\n\n| Cộng | 41.636 | 19.419 |"
    )
    report = _report(table, province="Hưng Yên", title="Báo cáo tổng kết giai đoạn 2019-2022")
    most = _first_quote(
        "Năm nào từ 2020 đến 2022 Hưng Yên có nhiều vụ vi phạm nồng độ cồn nhất?", report
    )
    assert "2021 = 7.384" in most


def test_the_places_counting_none_answer_which_had_none() -> None:
    """ "Huyện nào không có vụ ... nào?": the rows whose figure in the column is 0."""
    report = _report(
        TRAFFIC_TABLE.replace("| Huyện Bù Đốp | 9 | 8 | 4 |", "| Huyện Bù Đốp | 9 | 0 | 4 |")
    )
    none = _first_quote("Huyện nào không có người chết vì tai nạn giao thông nào năm 2024?", report)
    assert "Người chết, Huyện Bù Đốp = 0" in none
    assert asked_extreme(analyse("Xã nào không xảy ra vụ cháy nào?")) == "zero"
    assert asked_extreme(analyse("Xã nào không có nhiều vụ cháy nhất?")) == "max"


def test_the_kind_of_place_set_apart_is_ranked_on_its_own() -> None:
    """ "Trong các huyện ..., huyện nào ...": the city's row is not one of the districts';
    "đơn vị cấp huyện nào" takes every place of that tier."""
    table = (
        "| Địa bàn | Vụ cháy rừng |\n\n|---|---|\n\n| Thành phố Tuy Hòa | 6 |\n\n"
        "| Huyện Tuy An | 4 |\n\n| Huyện Đông Hòa | 2 |\n\n| Toàn tỉnh | 12 |"
    )
    report = _report(table, province="Phú Yên")
    districts = _first_quote(
        "Trong các huyện của Phú Yên, huyện nào có nhiều vụ cháy rừng nhất?", report
    )
    assert "Huyện Tuy An = 4" in districts
    tier = _first_quote("Đơn vị cấp huyện nào của Phú Yên có nhiều vụ cháy rừng nhất?", report)
    assert "Thành phố Tuy Hòa = 6" in tier


def test_a_place_set_aside_is_neither_asked_about_nor_ranked() -> None:
    """ "Ngoài thành phố A, huyện nào ... nhiều nhất?": the city set aside is not the place
    the question is about, and the answer is the second place; "Ngoài ra, ..." sets none
    aside."""
    table = (
        "| Địa bàn | Cơ sở karaoke phải kiểm tra |\n\n|---|---|\n\n| Thành phố Bảo Lộc | 318 |\n\n"
        "| Huyện Di Linh | 205 |\n\n| Huyện Bảo Lâm | 162 |\n\n| Tổng cộng | 685 |"
    )
    report = _report(table, province="Lâm Đồng")
    aside = (
        "Ngoài Bảo Lộc, huyện nào ở Lâm Đồng có nhiều cơ sở karaoke phải kiểm tra nhất năm 2024?"
    )
    assert analyse(aside).localities == ()
    assert "Huyện Di Linh = 205" in _first_quote(aside, report)
    besides = "Ngoài ra, huyện nào ở Lâm Đồng có nhiều cơ sở karaoke phải kiểm tra nhất năm 2024?"
    assert "Thành phố Bảo Lộc = 318" in _first_quote(besides, report)


FORCES_TABLE = (
    "Lực lượng huy động cho ngày hội đua thuyền:\n\n"
    "| Lực lượng | Ngày hội (người) | Ngày thường (người/ngày) |\n\n|---|---|---|\n\n"
    "| Công an huyện Na Hang | 64 | 12 |\n\n| Dân quân xã Thượng Lâm | 40 | 8 |\n\n"
    "| Đoàn thanh niên Na Hang | 35 | 6 |\n\n| **Cộng toàn huyện** | **139** | **26** |"
)


def test_a_total_asked_is_the_tables_total_row_and_no_ranking_takes_it() -> None:
    """ "Tổng ... là bao nhiêu" is the "Cộng" row, though the question also names a place
    that labels another row; "Cộng toàn huyện" is no unit to rank."""
    report = _report(FORCES_TABLE, district="Na Hang", province="Tuyên Quang")
    total = _first_quote(
        "Tổng lực lượng huy động ngày hội đua thuyền Na Hang năm 2024 là bao nhiêu người?", report
    )
    assert "= 139" in total, total
    most = _first_quote("Lực lượng nào huy động nhiều người nhất cho ngày hội năm 2024?", report)
    assert "Công an huyện Na Hang = 64" in most, most


def test_a_table_is_dated_by_its_caption_not_by_the_document() -> None:
    """A directive of 2025 tells 2024's figures in a table whose caption closes the passage
    before the one retrieval brings."""
    caption = "Số liệu năm 2024 theo đơn vị hành chính cấp huyện:\n\n"
    table = (
        "| Đơn vị | Số vụ trộm cắp | Số vụ cho vay lãi nặng |\n\n|---|---|---|\n\n"
        "| Thành phố Hòa Bình | 31 | 7 |\n\n| Huyện Lạc Sơn | 45 | 2 |\n\n"
        "| Huyện Mai Châu | 12 | 4 |\n\n| Toàn tỉnh | 88 | 13 |"
    )
    metadata = DocumentMetadata(province="Hòa Bình", year=2025, title="Chỉ thị năm 2025")
    start = len(caption)
    passage = Passage("ct.txt#1", "ct.txt", table, start, start + len(table), 0.5, metadata)
    answerer = ExtractiveAnswerer(library=OneDocument([passage], caption + table))
    thefts = answerer.build("Huyện nào nhiều vụ trộm cắp nhất năm 2024?", [passage])
    assert "Huyện Lạc Sơn = 45" in thefts.answer, thefts.answer
    # "địa phương" is any place, not a ward ("phường"): the districts are ranked.
    usury = answerer.build("dia phuong nao nhieu vu cho vay lai nang nhat nam 2024", [passage])
    assert "Thành phố Hòa Bình = 7" in usury.answer, usury.answer


def test_a_district_lumped_with_others_in_one_row_has_no_figure_of_its_own() -> None:
    text = (
        "Tình hình tội phạm đợt cao điểm Tết năm 2025 theo địa bàn:\n\n"
        "| Địa bàn | Phạm pháp hình sự (vụ) | Ma túy (vụ) |\n\n|---|---|---|\n\n"
        "| Thành phố Tuyên Quang | 21 | 9 |\n\n| Huyện Yên Sơn | 14 | 6 |\n\n"
        "| Các huyện còn lại (Hàm Yên, Chiêm Hóa, Na Hang) | 19 | 7 |\n\n"
        "| Toàn tỉnh | 54 | 22 |"
    )
    report = _report(text, province="Tuyên Quang", year=2025, title="Báo cáo Tết năm 2025")
    lumped = ExtractiveAnswerer().build(
        "Huyện Chiêm Hóa có bao nhiêu vụ phạm pháp hình sự dịp Tết năm 2025?", [report]
    )
    assert lumped.refused, lumped.answer
    own = _first_quote("Huyện Yên Sơn có bao nhiêu vụ phạm pháp hình sự dịp Tết năm 2025?", report)
    assert "= 14" in own, own
    # ... also when the row just names them together, with no "còn lại"
    together = text.replace("còn lại (Hàm Yên, Chiêm Hóa, Na Hang)", "Hàm Yên, Na Hang")
    listed = _report(together, province="Tuyên Quang", year=2025, title="Báo cáo Tết năm 2025")
    asked = "Huyện Na Hang có bao nhiêu vụ phạm pháp hình sự dịp Tết năm 2025?"
    assert ExtractiveAnswerer().build(asked, [listed]).refused


def test_a_bare_district_name_two_provinces_share_is_the_asked_districts_row() -> None:
    """Under a "Huyện" column the rows name districts bare; "Tam Nông" is a district of two
    provinces, so no gazetteer names it alone: the row reading the asked name is its row."""
    text = _table(
        "Kết quả năm 2024 tại huyện Tam Nông và huyện Thanh Sơn:",
        "Huyện | Vụ trộm cắp | Người nghiện có hồ sơ",
        "Tam Nông | 17 | 212",
        "Thanh Sơn | 9 | 340",
        "Cộng | 26 | 552",
    )
    report = _report(text, province="Phú Thọ")
    own = _first_quote("Số người nghiện có hồ sơ huyện Tam Nông năm 2024?", report)
    assert "Tam Nông = 212" in own, own
    assert "340" not in own, own
    # ... but the district's town, named as the district is, is not the district.
    towns = _table(
        "Kết quả năm 2024 của các xã, thị trấn huyện Tam Nông:",
        "Xã, thị trấn | Vụ trộm cắp | Người nghiện có hồ sơ",
        "Thị trấn Tam Nông | 5 | 30",
        "Xã Hùng Đô | 2 | 11",
    )
    district = ExtractiveAnswerer().build(
        "Số người nghiện có hồ sơ huyện Tam Nông năm 2024?", [_report(towns, province="Phú Thọ")]
    )
    assert "= 30" not in district.answer, district.answer


def test_defendants_are_counted_though_their_noun_opens_like_a_passive() -> None:
    """ "bao nhiêu bị can": "bị" opens the noun, not a passive ending it."""
    assert analyse("Huyện A có bao nhiêu bị can bị khởi tố?").counted.unit == "bị can"
    assert analyse("khoi to bao nhieu bi can").counted.unit == "bi can"
    assert analyse("bao nhiêu vụ bị phát hiện").counted.unit == "vụ"
    text = (
        "Kết quả theo địa bàn năm 2024:\n\n"
        "| Đơn vị | Tin báo | Khởi tố (vụ) | Bị can |\n\n|---|---|---|---|\n\n"
        "| Thành phố Tam Kỳ | 41 | 5 | 8 |\n\n| Huyện Núi Thành | 23 | 3 | 6 |"
    )
    report = _report(text, province="Quảng Nam")
    found = _first_quote("Huyện Núi Thành năm 2024 có bao nhiêu bị can bị khởi tố?", report)
    assert "Bị can, Huyện Núi Thành = 6" in found, found


# A provincial department's own row beside the districts', and a part column ("Trong đó")
# naming what the column before it counts.
UNITS_TABLE = (
    "Bảng 1. Kết quả theo đơn vị năm 2027\n\n"
    "| Đơn vị | Số tổ tự quản | Trong đó ở thôn đặc biệt khó khăn | Tiền phạt (triệu đồng) |\n\n"
    "|---|---|---|---|\n\n"
    "| Phòng PC06 (trực tiếp) | 0 | 0 | 7.410 |\n\n"
    "| Huyện Mèo Vạc | 121 | 37 | 1.905 |\n\n| Huyện Đồng Văn | 88 | 52 | 2.640 |\n\n"
    "| Huyện Yên Minh | 140 | 29 | 1.180 |\n\n| Toàn tỉnh | 349 | 118 | 13.135 |"
)


def test_a_place_asked_is_ranked_among_places_not_a_departments_own_row() -> None:
    report = _report(UNITS_TABLE, province="Hà Giang")
    most = _first_quote("Huyện nào của Hà Giang thu tiền phạt nhiều nhất năm 2027?", report)
    assert "Huyện Đồng Văn = 2.640" in most


def test_a_part_column_counts_the_noun_of_the_column_it_is_part_of() -> None:
    report = _report(UNITS_TABLE, province="Hà Giang")
    most = _first_quote("Huyện nào có nhiều tổ tự quản ở thôn đặc biệt khó khăn nhất?", report)
    assert "Trong đó ở thôn đặc biệt khó khăn, Huyện Đồng Văn = 52" in most


def test_the_noun_ranked_runs_from_the_place_asked_across_bi() -> None:
    """ "bị" inside the ranked noun ("diện tích đất bị lấn chiếm") does not cut it: cut, its
    head would be "lấn", which the cases' column names as much as the area's."""
    table = (
        "| Xã | Diện tích đất công (ha) | Vụ lấn chiếm đất đợt cao điểm "
        "| Diện tích đất bị lấn chiếm (ha) |\n\n"
        "|---|---|---|---|\n\n| Xã Đồng Văn | 120 | 6 | 4,1 |\n\n"
        "| Xã Lũng Cú | 95 | 3 | 7,8 |\n\n| Cộng | 215 | 9 | 11,9 |"
    )
    report = _report(table, province="Hà Giang", year=2027, title="Báo cáo năm 2027")
    most = _first_quote("xa nao dien tich dat bi lan chiem lon nhat dot cao diem 2027", report)
    assert "Xã Lũng Cú = 7,8" in most


def test_a_row_not_counted_may_be_set_aside_with_khong_tinh() -> None:
    assert analyse("Không tính Phòng PC06, huyện nào thu nhiều nhất?").set_aside == "phong pc06"


def test_district_police_abbreviated_ca_are_ranked_not_read_as_a_total() -> None:
    """ "CA huyện A" is the district police (its row ranks), though folded it reads as "Cả
    huyện A", a total row."""
    text = _table(
        "Kết quả theo đơn vị năm 2024:",
        "Đơn vị | Số vụ | Số đối tượng",
        "Phòng PC02 | 14 | 20",
        "CA huyện Kỳ Sơn | 31 | 33",
        "CA huyện Tương Dương | 9 | 47",
        "Cả tỉnh | 54 | 100",
    )
    report = _report(text, province="Nghệ An")
    most = _first_quote("Đơn vị nào ở Nghệ An phát hiện nhiều vụ nhất năm 2024?", report)
    assert "CA huyện Kỳ Sơn = 31" in most, most
    people = _first_quote("don vi nao nhieu doi tuong nhat nam 2024", report)
    assert "CA huyện Tương Dương = 47" in people, people


def test_cases_asked_are_read_in_the_column_naming_the_event_alone() -> None:
    """ "bao nhiêu vụ trộm cắp" is counted under "Trong đó trộm cắp" (the report's table
    names the event, not its counter); "Đối tượng cướp giật" measures people, not cases."""
    text = _table(
        "Phân bố theo địa bàn năm 2024:",
        "Xã | Phạm pháp hình sự | Trong đó trộm cắp | Đối tượng cướp giật",
        "Xã Kim Sơn | 12 | 4 | 9",
        "Xã Lũng Cú | 8 | 7 | 1",
        "Cộng | 20 | 11 | 10",
    )
    report = _report(text, province="Hà Giang")
    thefts = _first_quote("xa nao co nhieu vu trom cap nhat nam 2024", report)
    assert "Xã Lũng Cú = 7" in thefts, thefts
    crimes = _first_quote("Xã nào nhiều vụ phạm pháp hình sự nhất năm 2024?", report)
    assert "Xã Kim Sơn = 12" in crimes, crimes
    snatching = ExtractiveAnswerer().build("xa nao nhieu vu cuop giat nhat nam 2024", [report])
    assert "= 9" not in snatching.answer, snatching.answer


def test_a_crowded_rank_is_read_in_the_column_it_names_not_in_a_place_name() -> None:
    """ "đông thành viên nhất" ranks by the members' column, the most; "Đồng Tháp" folds to
    "thấp" (lowest) and is no rank word."""
    text = _table(
        "Số tổ an toàn theo địa bàn năm 2024:",
        "Đơn vị | Tổ an toàn | Thành viên",
        "Huyện Tháp Mười | 14 | 40",
        "Huyện Tam Nông | 9 | 61",
        "Huyện Cao Lãnh | 3 | 12",
        "Toàn tỉnh | 26 | 113",
    )
    report = _report(text, province="Đồng Tháp")
    crowded = _first_quote("Ở Đồng Tháp địa phương nào có tổ an toàn đông thành viên nhất?", report)
    assert "Thành viên, Huyện Tam Nông = 61" in crowded, crowded


def test_a_two_word_counter_is_named_whole_in_the_column() -> None:
    """ "bao nhiêu bị can": not the "bị" of "Rừng bị thiệt hại (ha)"; a table with no
    defendants' column has no such count."""
    text = _table(
        "Kết quả năm 2024 theo địa bàn:",
        "Địa bàn | Vụ vi phạm | Rừng bị thiệt hại (ha)",
        "Huyện Sa Thầy | 12 | 4,5",
        "Huyện Kon Rẫy | 7 | 1,2",
    )
    report = _report(text, province="Kon Tum")
    answer = ExtractiveAnswerer().build(
        "huyen Sa Thay khoi to bao nhieu bi can pha rung nam 2024", [report]
    )
    assert "4,5" not in answer.answer, answer.answer


def test_the_ranked_words_do_not_run_across_another_rank_word() -> None:
    """ "Đợt cao điểm, xã nào kiểm tra nhiều nhất?": "cao" opens "cao điểm", no rank; what is
    ranked is "kiểm tra", not "điểm"."""
    text = _table(
        "Kết quả đợt cao điểm năm 2024:",
        "Xã | Lượt kiểm tra | Điểm nóng phát hiện",
        "Xã Đông Sơn | 40 | 2",
        "Xã Tây Sơn | 25 | 6",
    )
    report = _report(text, province="Bắc Giang")
    most = _first_quote("Đợt cao điểm năm 2024 xã nào kiểm tra nhiều nhất?", report)
    assert "Lượt kiểm tra, Xã Đông Sơn = 40" in most, most


def test_a_place_named_inside_the_ranked_words_leaves_the_rank_whole() -> None:
    """ "nhiều tàu cá ở tỉnh A nhất": the province named between the rank word and "nhất"
    is left out, and the rank still reads; before, the gap it left broke the words apart."""
    text = _table(
        "Tàu cá đăng ký trên sông năm 2024:",
        "Đơn vị | Bến neo đậu | Tàu cá",
        "Huyện Ba Tơ | 9 | 31",
        "Huyện Sơn Hà | 4 | 78",
        "Cộng | 13 | 109",
    )
    report = _report(text, province="Quảng Ngãi")
    most = _first_quote("Huyện nào có nhiều tàu cá ở tỉnh Quảng Ngãi nhất năm 2024?", report)
    assert "Tàu cá, Huyện Sơn Hà = 78" in most, most


def test_a_table_whose_header_ends_the_passage_is_dated_by_its_caption() -> None:
    """The chunker cut after the header row: the rows open the next passage, and the year
    they are of is the caption's ("năm 2023" in a document of 2024), two lines above them."""
    head = (
        "Tình hình năm 2024 tiếp tục phức tạp.\n\n"
        "Bảng: kết quả phòng, chống trộm cắp năm 2023 theo xã\n\n"
        "| Xã | Vụ trộm cắp | Đối tượng |"
    )
    tail = "| Xã Phú Lộc | 12 | 30 |\n\n| Xã Phú Hòa | 19 | 21 |\n\n| Cộng | 31 | 51 |"
    meta = DocumentMetadata(year=2024, title="Chỉ thị năm 2024", province="Tây Ninh")
    library = document_in_parts("ct.txt", [head, tail], meta, gap="\n\n")

    answer = ExtractiveAnswerer(library=library).build(
        "Năm 2023 xã nào có nhiều vụ trộm cắp nhất?", library.passages[:1]
    )
    assert "Vụ trộm cắp, Xã Phú Hòa = 19" in answer.answer.split("[1]")[0], answer.answer


def test_a_search_naming_a_row_and_a_column_is_answered_by_their_cell() -> None:
    """ "lượt khách Bãi Rạng 2024", a keyword search: the row its label names, the column
    its name names (the unit in brackets left out); of another year, not that table's."""
    text = _table(
        "Mùa du lịch năm 2024 tại các bãi biển:",
        "Bãi biển | Địa phương | Lượt khách (người) | Vụ đuối nước",
        "Bãi Rạng | huyện Phù Mỹ | 412.000 | 2",
        "Bãi Xép | thành phố Quy Nhơn | 95.000 | 1",
        "Cộng | | 507.000 | 3",
    )
    report = _report(text, province="Bình Định")
    visitors = _first_quote("luot khach Bai Rang 2024", report)
    assert "Lượt khách (người), Bãi Rạng = 412.000" in visitors, visitors
    earlier = ExtractiveAnswerer().build("luot khach Bai Rang 2022", [report])
    assert "412.000" not in earlier.answer, earlier.answer
    # A long column name is named by its words with others between ("tờ rơi quảng cáo cho vay
    # bóc xóa" for "Tờ rơi, quảng cáo bóc, xóa").
    flyers = _table(
        "Kết quả năm 2024 theo địa bàn:",
        "Địa bàn | Vụ phát hiện | Tờ rơi, quảng cáo bóc, xóa",
        "Huyện Tuy Phước | 4 | 1.250",
        "Huyện Phù Cát | 7 | 830",
    )
    found = _first_quote("to roi quang cao cho vay boc xoa huyen Phu Cat 2024", _report(flyers))
    assert "Huyện Phù Cát = 830" in found, found


def test_cases_counted_in_truong_hop_are_read_in_the_column_naming_the_event() -> None:
    """ "nhiều trường hợp tảo hôn nhất": the counter is "trường hợp", the column is named by
    the event alone ("Tảo hôn"), not the one counting another event's cases."""
    text = _table(
        "Kết quả năm 2024 theo địa bàn:",
        "Địa bàn | Vụ mua bán người | Nạn nhân | Tảo hôn",
        "Huyện Mường Nhé | 5 | 9 | 12",
        "Huyện Nậm Pồ | 2 | 3 | 31",
        "Cộng | 7 | 12 | 43",
    )
    report = _report(text, province="Điện Biên")
    most = _first_quote("Địa bàn nào nhiều trường hợp tảo hôn nhất năm 2024?", report)
    assert "Tảo hôn, Huyện Nậm Pồ = 31" in most, most


def test_what_was_seized_most_is_a_ranking_not_a_list_of_what_was_seized() -> None:
    """ "pháo thu giữ nhiều nhất 2024 huyện nào": "thu giữ" here ranks the places by what
    they seized, read in the table; it is not asking what was seized."""
    text = "Năm 2024 phát hiện, thu giữ 310,5 kg pháo nổ các loại.\n\n" + _table(
        "Kết quả thu hồi theo đơn vị năm 2024:",
        "Đơn vị | Súng (khẩu) | Pháo thu giữ (kg)",
        "Huyện Sìn Hồ | 12 | 94,5",
        "Huyện Mường Tè | 31 | 216",
        "Toàn tỉnh | 43 | 310,5",
    )
    report = _report(text, province="Lai Châu")
    most = _first_quote("pháo thu giữ nhiều nhất Lai Châu 2024 huyện nào", report)
    assert "Pháo thu giữ (kg), Huyện Mường Tè = 216" in most, most


def test_a_districts_count_is_read_in_the_table_retrieval_did_not_bring() -> None:
    """ "Huyện B bị xử lý bao nhiêu trường hợp vi phạm ... năm 2023?": retrieval brought the
    province's prose; the district's row stands in the document's table further on."""
    prose = "Năm 2023, toàn tỉnh xử lý 1.204 trường hợp vi phạm trật tự giao thông đường thủy."
    table = _table(
        "Vi phạm năm 2023 theo địa bàn:",
        "Địa bàn | Bến khách | Trường hợp vi phạm bị xử lý",
        "Huyện Thới Bình | 14 | 380",
        "Huyện U Minh | 9 | 824",
        "Toàn tỉnh | 23 | 1.204",
    )
    meta = DocumentMetadata(year=2024, title="Kế hoạch năm 2024", province="Cà Mau")
    library = document_in_parts("kh.txt", [prose, table], meta, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Huyện Thới Bình bị xử lý bao nhiêu trường hợp vi phạm đường thủy năm 2023?",
        library.passages[:1],
    )
    assert "Huyện Thới Bình = 380" in answer.answer.split("[1]")[0], answer.answer


def test_a_search_for_a_total_reads_the_total_row_of_a_table_cut_in_two() -> None:
    """ "tổng lượt tuần tra toàn tỉnh năm 2023": the "Cộng" row of the column named, in the
    passage the chunker cut from the table's head; its year is the caption's, read from
    the passage's first row (not from the total row's own place in the passage)."""
    head = (
        "Số lượt tuần tra năm 2023 theo địa phương:\n\n"
        "| Địa phương | Lượt tuần tra | Lượt kiểm tra |\n\n|---|---|---|\n\n"
        "| Huyện Phong Điền | 120 | 45 |"
    )
    tail = "| Huyện Quảng Điền | 96 | 30 |\n\n| Huyện Phú Vang | 88 | 27 |\n\n| Cộng | 304 | 102 |"
    meta = DocumentMetadata(year=2024, title="Nghị quyết năm 2024", province="Thừa Thiên Huế")
    library = document_in_parts("nq.txt", [head, tail], meta, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "tổng lượt tuần tra toàn tỉnh năm 2023", library.passages[::-1]
    )
    assert "Lượt tuần tra, Cộng = 304" in answer.answer.split("[1]")[0], answer.answer


def test_cases_of_a_violation_are_read_in_the_column_naming_its_kind_alone() -> None:
    """ "nhiều vụ vi phạm (về) lâm sản nhất": the table heads the column "Lâm sản" under a
    caption counting "vụ"; "vi phạm" folded is no "vì" (because) cutting the noun short,
    nor is the column "Phạm pháp hình sự" its kind."""
    text = (
        "Kết quả theo địa bàn (6 tháng đầu năm 2024, đơn vị: vụ):\n\n"
        "  Xã                Phạm pháp     Trong đó     Ma túy     Lâm sản     Tai nạn\n"
        "                    hình sự       trộm cắp                            giao thông\n"
        "  -----------------------------------------------------------------------------\n"
        "  Xã Hợp Thành         06            03          02         01          03\n"
        "  Xã Tú Thịnh          02            01          01         05          00\n"
        "  Xã Kháng Nhật        04            02          03         02          01\n"
    )
    report = _report(clean_text(text), province="Tuyên Quang", district="Sơn Dương")
    for question in (
        "Xã nào ở Sơn Dương có nhiều vụ vi phạm lâm sản nhất 6 tháng đầu năm 2024?",
        "xa nao o Son Duong nhieu vu vi pham ve lam san nhat 6 thang dau nam 2024",
    ):
        assert "Tú Thịnh" in _first_quote(question, report), question


def test_a_total_row_counting_its_units_is_no_place_ranked() -> None:
    """ "Cộng 03 huyện biên giới" sums the rows above it: it is never the place with most."""
    text = _table(
        "Kết quả năm 2023 của các huyện biên giới:",
        "Đơn vị | Vụ ma túy | Đối tượng",
        "Huyện Mường Khương | 21 | 30",
        "Huyện Bát Xát | 34 | 41",
        "Huyện Si Ma Cai | 9 | 12",
        "Cộng 03 huyện biên giới | 64 | 83",
    )
    report = _report(text, province="Lào Cai", year=2023)
    first = _first_quote(
        "Huyện biên giới nào của Lào Cai có nhiều vụ ma túy nhất năm 2023?", report
    )
    assert "Bát Xát" in first and "Cộng" not in first


ACCOUNTS = _table(
    "Kết quả kích hoạt tài khoản định danh (đến 31/12/2023) và chỉ tiêu năm 2024 như sau.",
    "Đơn vị | Công dân đủ 14 tuổi | Tài khoản định danh đã kích hoạt | Tỷ lệ đạt",
    "Huyện Tủa Chùa | 40.120 | 22.510 | 56,11%",
    "Huyện Mường Chà | 35.300 | 24.006 | 68,01%",
    "Huyện Nậm Pồ | 42.800 | 21.004 | 49,07%",
    "Toàn tỉnh | 118.220 | 67.520 | 57,11%",
)


def test_a_share_ranked_is_read_in_the_column_of_shares() -> None:
    """ "tỷ lệ kích hoạt tài khoản": the column "Tỷ lệ đạt", though the column of accounts
    names more of the question's words."""
    report = _report(ACCOUNTS, province="Điện Biên")
    share = _first_quote("Huyện nào có tỷ lệ kích hoạt tài khoản định danh cao nhất?", report)
    assert "Huyện Mường Chà = 68,01%" in share
    count = _first_quote("Huyện nào kích hoạt nhiều tài khoản định danh nhất?", report)
    assert "Huyện Mường Chà = 24.006" in count


def test_a_table_counted_to_the_end_of_a_year_is_that_years() -> None:
    """A caption bounding the figures by a date ("đến 31/12/2023") dates the table in a plan
    of the next year."""
    report = _report(ACCOUNTS, province="Điện Biên", title="Kế hoạch năm 2024")
    most = _first_quote("Huyện nào kích hoạt nhiều tài khoản định danh nhất năm 2023?", report)
    assert "Huyện Mường Chà = 24.006" in most


def test_a_pair_of_counts_is_read_by_its_first_and_a_share_is_no_count() -> None:
    """ "6/9" under "(vụ/đối tượng)" is 6 cases; "75/75" under "Kết quả" is a target met,
    and "63,98%" no count: a targets table read first holds no value of a damage ranked."""
    targets = _table(
        "Kết quả thực hiện chỉ tiêu năm 2024:",
        "Chỉ tiêu | Kết quả năm 2024",
        "Xã có tổ tuyên truyền chống lừa đảo | 75/75",
        "Tỷ lệ làm rõ vụ lừa đảo | 63,98%",
    )
    table = _table(
        "Kết quả theo địa bàn năm 2024:",
        "Xã | Ma túy (vụ/đối tượng) | Thiệt hại do lừa đảo (triệu đồng)",
        "Xã Mường Phăng | 6/9 | 40",
        "Xã Thanh Nưa | 8/8 | 12",
        "Xã Nà Tấu | 3/5 | 55",
    )
    report = _report(targets + "\n\n" + table, district="Điện Biên", province="Điện Biên")
    assert "Xã Thanh Nưa = 8/8" in _first_quote("Xã nào nhiều vụ ma túy nhất?", report)
    damage = _first_quote("Xã nào bị thiệt hại lớn nhất do lừa đảo năm 2024?", report)
    assert "Xã Nà Tấu = 55" in damage


def test_a_commune_asked_is_not_answered_by_its_districts_row() -> None:
    """ "xã Mường Mươn huyện Mường Chà": the district's row of a province's table is no
    figure of the commune, which the report names nowhere."""
    table = _table(
        "Số tổ bảo vệ an ninh, trật tự theo huyện năm 2024:",
        "Đơn vị | Tổ bảo vệ ANTT (tổ) | Thành viên (người)",
        "Huyện Mường Chà | 176 | 574",
        "Huyện Tủa Chùa | 120 | 390",
    )
    report = _report(table, province="Điện Biên")
    question = "xa Muong Muon huyen Muong Cha co bao nhieu to bao ve ANTT"
    assert ExtractiveAnswerer().build(question, [report]).refused
    district = _first_quote("huyen Muong Cha co bao nhieu to bao ve ANTT", report)
    assert "Huyện Mường Chà = 176" in district


# One report, three tables: by district, by road, by quarter (its year's row sums them).
THREE_TABLES = "\n\n".join(
    (
        _table(
            "Bảng 1. Tai nạn giao thông năm 2024 theo địa phương",
            "TT | Địa phương | Số vụ | Số người chết",
            "1 | Thành phố Sầm Sơn | 12 | 5",
            "2 | Huyện Tĩnh Gia | 9 | 11",
            " | Toàn tỉnh | 21 | 16",
        ),
        _table(
            "Bảng 2. Tai nạn giao thông năm 2024 theo tuyến",
            "Tuyến | Số vụ | Số người chết",
            "Quốc lộ 47 | 4 | 3",
            "Đường liên xã | 17 | 13",
            "Cộng | 21 | 16",
        ),
        _table(
            "Bảng 3. Tai nạn giao thông năm 2024 theo quý",
            "Quý | Số vụ | Số người chết",
            "Quý I | 6 | 3",
            "Quý II | 5 | 6",
            "Quý III | 4 | 2",
            "Quý IV | 6 | 5",
            "Năm 2024 | 21 | 16",
        ),
    )
)


def test_each_table_ranks_its_own_kind_of_row() -> None:
    """A place asked is ranked in the table of places, not over the roads beside it nor the
    quarters (whose year's row sums them); a road asked, in the table of roads; a quarter
    asked, among the quarters, not the year's row."""
    report = _report(THREE_TABLES, province="Thanh Hóa")
    place = _first_quote("Địa phương nào có số người chết do TNGT năm 2024 cao nhất?", report)
    assert "Huyện Tĩnh Gia = 11" in place
    road = _first_quote("tuyen nao xay ra nhieu vu tai nan giao thong nhat nam 2024", report)
    assert "Đường liên xã = 17" in road
    quarter = _first_quote("Quý nào năm 2024 có nhiều người chết do TNGT nhất?", report)
    assert "Quý II = 6" in quarter
    # ... and the quarters' table coming first does not answer for the places.
    by_quarter, _, by_place = THREE_TABLES.split("\n\nBảng ")[::-1]
    report = _report(f"Bảng {by_quarter}\n\n{by_place}", province="Thanh Hóa")
    place = _first_quote("Huyện nào có số người chết do TNGT năm 2024 cao nhất?", report)
    assert "Huyện Tĩnh Gia = 11" in place


def test_a_column_is_named_by_the_question_under_a_caption_naming_what_it_counts() -> None:
    """ "nhiều camera đã kết nối nhất": the column "Đã kết nối" of a table whose caption says
    it counts cameras, not the one of all cameras."""
    table = _table(
        "Số điểm camera theo đơn vị (đến 30/6/2024)",
        "Đơn vị | Tổng số điểm | Đã kết nối trung tâm",
        "Thành phố Sầm Sơn | 310 | 120",
        "Huyện Tĩnh Gia | 280 | 190",
        "Toàn tỉnh | 590 | 310",
    )
    report = _report(table, province="Thanh Hóa")
    linked = _first_quote("don vi nao co nhieu camera da ket noi trung tam nhat", report)
    assert "Huyện Tĩnh Gia = 190" in linked


def test_a_year_in_one_columns_bracket_does_not_date_the_table() -> None:
    """ "Bến đò (bến, 2024)" counts that column in 2024; the table, captioned 2023, still
    answers for 2023."""
    table = _table(
        "Số liệu mùa mưa bão năm 2023 theo địa phương",
        "Địa phương | Đuối nước (vụ) | TNGT đường thủy (vụ) | Bến đò (bến, 2024)",
        "Huyện Bá Thước | 2 | 1 | 14",
        "Huyện Quan Hóa | 1 | 3 | 9",
        "Toàn tỉnh | 3 | 4 | 23",
    )
    report = _report(
        table, province="Thanh Hóa", year=2024, title="Công văn về phòng, chống đuối nước"
    )
    most = _first_quote("dia phuong nao xay ra nhieu vu TNGT duong thuy nhat nam 2023", report)
    assert "Huyện Quan Hóa = 3" in most


def test_a_place_asked_is_not_ranked_in_a_table_of_goods() -> None:
    """ "Huyện nào ... nhiều vụ nhất": the table by kind of goods ranks no place; the sentence
    naming the districts with their counts answers."""
    text = "\n\n".join(
        (
            _table(
                "Kết quả 9 tháng năm 2024 theo nhóm hàng",
                "Nhóm hàng hóa | Số vụ",
                "Gia cầm, sản phẩm động vật | 63",
                "Thuốc lá điếu | 40",
                "Cộng | 103",
            ),
            "Các địa bàn phát hiện nhiều vụ nhất là huyện Trùng Khánh (41 vụ), huyện Thạch An"
            " (30 vụ) và huyện Hà Quảng (22 vụ).",
        )
    )
    report = _report(text, province="Cao Bằng", title="Công an tỉnh chống buôn lậu 9 tháng 2024")
    most = _first_quote(
        "Huyện nào của Cao Bằng phát hiện nhiều vụ buôn lậu nhất 9 tháng 2024?", report
    )
    assert "huyện Trùng Khánh (41 vụ)" in most


def test_the_column_naming_the_nouns_head_as_written_ranks_it() -> None:
    """ "nhiều đội viên dân phòng nhất": "Đội viên (người)" names the noun's head, "Số đội dân
    phòng" more of its words but another noun (the teams)."""
    text = _table(
        "Lực lượng dân phòng theo địa bàn:",
        "Huyện, thị xã | Số đội dân phòng | Đội trưởng, đội phó (người) | Đội viên (người)",
        "Huyện Lộc Ninh | 61 | 180 | 906",
        "Huyện Hớn Quản | 44 | 132 | 1.015",
    )
    quote = _first_quote("Huyện nào có nhiều đội viên dân phòng nhất?", _report(text))
    assert "Huyện Hớn Quản = 1.015" in quote, quote


CRASH_TABLE = _table(
    "Tai nạn giao thông đường bộ năm 2024 theo đơn vị:",
    "TT | Đơn vị | Số vụ TNGT | Người chết",
    "1 | Huyện Sông Lô | 21 | 17",
    "2 | Huyện Lập Thạch | 26 | 14",
    "3 | Các huyện còn lại (05 huyện) | 58 | 40",
    " | **Cộng (cấp huyện)** | **105** | **71**",
    " | **Toàn tỉnh** | **105** | **71**",
)


def test_a_sum_labelled_with_its_scope_in_brackets_is_no_ranked_unit() -> None:
    """ "Cộng (cấp huyện)" sums the rows above it as "Cộng" does: the most is a
    district's, not the sum's, nor that of the districts lumped together."""
    report = _report(CRASH_TABLE, province="Vĩnh Phúc")
    most = _first_quote("Năm 2024 huyện nào có số người chết vì TNGT cao nhất?", report)
    assert "Huyện Sông Lô = 17" in most, most


def test_a_head_of_two_words_names_the_column_ranked() -> None:
    """ "đông tổ viên tổ tự quản nhất" ranks by "Tổ viên (người)", though "Số tổ tự quản"
    holds more of the question's words."""
    table = _table(
        "Tổ tự quản về an ninh, trật tự theo đơn vị (số liệu đến ngày 30/9/2024):",
        "TT | Đơn vị | Số tổ tự quản | Tổ viên (người)",
        "1 | Huyện Tam Nông | 64 | 702",
        "2 | Huyện Thanh Ba | 71 | 655",
        " | Cộng | 135 | 1.357",
    )
    report = _report(table, province="Phú Thọ")
    most = _first_quote("Huyện nào của Phú Thọ có đông tổ viên tổ tự quản nhất?", report)
    assert "Huyện Tam Nông = 702" in most, most


def test_a_total_asked_is_read_in_the_part_of_the_table_retrieval_did_not_bring() -> None:
    """A long table is cut into passages: asked for the whole ("tổng số ... toàn tỉnh"), the
    answer is its "Cộng" row in the last part, not a clause of the passage brought."""
    parts = [
        _table(
            "Số đội dân phòng theo đơn vị:",
            "TT | Đơn vị | Số đội dân phòng | Đội viên (người)",
            "1 | Huyện Tam Nông | 64 | 702",
        ),
        "\n\n| 2 | Huyện Thanh Ba | 71 | 655 |\n\n|  | **Cộng** | **135** | **1.357** |",
    ]
    metadata = DocumentMetadata(province="Phú Thọ", year=2024, title="Báo cáo năm 2024")
    library = document_in_parts("bc.txt", parts, metadata)
    answerer = ExtractiveAnswerer(library=library)
    for question in (
        "Tổng số đội dân phòng toàn tỉnh Phú Thọ là bao nhiêu?",
        "tong so doi dan phong toan tinh Phu Tho la bao nhieu",
    ):
        answer = answerer.build(question, library.passages[:1])
        assert "Cộng = 135" in answer.answer.split("[1]")[0], answer.answer


def test_a_total_told_in_words_is_quoted_over_the_tables_sum() -> None:
    """A report tells the whole in a sentence and breaks it down in a table: asked for the
    total, the sentence (what it counts, how it changed) is quoted, not the sum of whichever
    column names most of the question's words."""
    text = (
        "Năm 2024, toàn tỉnh phát hiện, xử lý 215 vụ vi phạm về môi trường, tài nguyên (tăng "
        "12 vụ so với năm 2023).\n\n"
        + _table(
            "Kết quả theo đơn vị:",
            "Đơn vị | Môi trường (vụ) | Tài nguyên (vụ) | Tổng (vụ)",
            "Phòng PC04 | 61 | 40 | 101",
            "Công an các huyện | 70 | 44 | 114",
            "Cộng | 131 | 84 | 215",
        )
    )
    report = _report(text, province="Phú Thọ")
    total = _first_quote(
        "Tổng số vụ vi phạm môi trường, tài nguyên năm 2024 của Phú Thọ là bao nhiêu?", report
    )
    assert "215 vụ vi phạm" in total, total


def test_a_districts_subtotal_among_its_communes_is_no_ranked_unit() -> None:
    """ "Cộng huyện A" sums the communes above it: the commune with the most is asked."""
    table = _table(
        "Tổ tuần tra biên giới theo xã (6 tháng đầu năm 2024):",
        "Đơn vị | Tổ tuần tra (tổ) | Thành viên (người)",
        "Xã Thanh Lâm | 6 | 41",
        "Xã Thanh Thủy | 5 | 37",
        "Cộng huyện Bình Liêu | 11 | 78",
    )
    report = _report(table, province="Quảng Ninh", year=2024)
    most = _first_quote("Xã nào có đông thành viên tổ tuần tra nhất?", report)
    assert "Xã Thanh Lâm = 41" in most, most


def test_a_parts_column_is_told_by_its_own_name_not_its_wholes() -> None:
    """ "Trong đó: nhà trọ" after "Tổng số cơ sở kinh doanh nhà trọ, karaoke" counts the
    lodgings: asked which ward has most, its column ranks, not another naming fewer other
    words."""
    table = _table(
        "Cơ sở kinh doanh nhà trọ, karaoke và kết quả kiểm tra năm 2024:",
        "Đơn vị | Tổng số cơ sở kinh doanh nhà trọ, karaoke | Trong đó: nhà trọ | Lượt kiểm "
        "tra | Nhà trọ vi phạm | Tiền phạt (triệu đồng)",
        "Quận Cẩm Lệ | 912 | 301 | 640 | 88 | 312",
        "Quận Liên Chiểu | 874 | 455 | 702 | 61 | 290",
    )
    report = _report(table, province="Đà Nẵng", year=2024)
    most = _first_quote("quận nào ở Đà Nẵng có nhiều nhà trọ nhất năm 2024", report)
    assert "Quận Liên Chiểu = 455" in most, most


def test_a_sentence_quoted_over_the_sum_is_one_giving_the_sums_figure() -> None:
    """Over a table's "Cộng" row a sentence is quoted only when it gives one of that row's
    figures, an amount read at its scale ("45,45 tỷ đồng" is 45.450 in a column "(triệu
    đồng)"); a rule's number ("bố trí 05 thành viên") leaves the row its answer."""
    rule = (
        "1. Số lượng thành viên Tổ bảo vệ ANTT ở cơ sở: tổ dân phố từ 500 hộ trở lên bố trí "
        "05 thành viên.\n\n"
        + _table(
            "Phụ lục: Số Tổ và thành viên Tổ bảo vệ ANTT dự kiến theo đơn vị:",
            "Đơn vị | Số Tổ | Thành viên Tổ bảo vệ ANTT (dự kiến)",
            "Huyện Phong Điền | 112 | 351",
            "Huyện Quảng Điền | 98 | 302",
            "Cộng | 210 | 653",
        )
    )
    report = _report(rule, province="Thừa Thiên Huế", year=2024)
    members = _first_quote(
        "Tổng số thành viên Tổ bảo vệ ANTT dự kiến toàn tỉnh là bao nhiêu?", report
    )
    assert "Cộng = 653" in members, members
    budget = "3. Tổng kinh phí dự kiến giai đoạn 2024 - 2026 khoảng 12,35 tỷ đồng.\n\n" + _table(
        "Phụ lục: Kinh phí dự kiến theo đơn vị:",
        "Đơn vị | Số camera | Kinh phí dự kiến (triệu đồng)",
        "Thành phố Nha Trang | 210 | 7.350",
        "Thành phố Cam Ranh | 143 | 5.000",
        "Cộng | 353 | 12.350",
    )
    report = _report(budget, province="Khánh Hòa", year=2024)
    total = _first_quote("Tổng kinh phí dự kiến giai đoạn 2024 - 2026 là bao nhiêu?", report)
    assert "12,35 tỷ đồng" in total, total


def test_the_ranked_noun_is_what_the_place_has_not_where_it_is_counted() -> None:
    """ "nơi nào có số người X tại cơ sở Y nhiều nhất": "có" opens what is ranked (folded it
    reads "cơ", as in "Cơ sở Y"), and "tại cơ sở Y" says where, not what."""
    report = _report(
        _table(
            "Kết quả kiểm tra năm 2024:",
            "TT | Địa phương | Cơ sở kinh doanh | Lượt kiểm tra | Số người vi phạm",
            "1 | Huyện Văn Chấn | 310 | 520 | 14",
            "2 | Huyện Trạm Tấu | 95 | 160 | 41",
        ),
        province="Yên Bái",
    )
    ranked = _first_quote(
        "Năm 2024 địa phương nào của Yên Bái có số người vi phạm tại cơ sở kinh doanh nhiều nhất?",
        report,
    )
    assert "Số người vi phạm, Huyện Trạm Tấu = 41" in ranked
    most = _first_quote("Địa phương nào có nhiều cơ sở kinh doanh nhất năm 2024?", report)
    assert "Huyện Văn Chấn = 310" in most


def test_a_ranked_abbreviation_is_read_in_the_column_it_heads() -> None:
    """ "TNGT nhiều nhất xã nào": the column headed "TNGT (vụ)" (read spelled out, as the
    question's "TNGT" is)."""
    report = _report(
        _table(
            "Số liệu theo đơn vị năm 2024:",
            "STT | Đơn vị | Phạm pháp hình sự (vụ) | Ma túy (vụ) | TNGT (vụ)",
            "1 | Xã Mường Bú | 9 | 4 | 1",
            "2 | Xã Chiềng Lao | 2 | 1 | 6",
        ),
        province="Sơn La",
        district="Mường La",
    )
    ranked = _first_quote("TNGT nhiều nhất xã nào Mường La năm 2024", report)
    assert "TNGT (vụ), Xã Chiềng Lao = 6" in ranked


def test_a_tables_header_row_answers_nothing_on_its_own() -> None:
    """ "| STT | Huyện | Số xã biên giới |" names what the columns count: no answer."""
    report = _report(
        "Các huyện biên giới của tỉnh:\n\n"
        + _table(
            "", "STT | Huyện | Số xã biên giới", "1 | Huyện Sìn Hồ | 4", "2 | Huyện Phong Thổ | 6"
        )
        + "\n\nCác huyện biên giới đã lập 31 tổ tự quản đường biên, cột mốc.",
        province="Lai Châu",
    )
    view = read_passages(analyse("Các huyện biên giới gồm những huyện nào?"), [report])[0]
    headers = [i for i in range(len(view.clauses)) if heads_table(view, i)]
    assert [view.clauses[i].text.strip() for i in headers] == ["| STT | Huyện | Số xã biên giới |"]


def test_what_is_done_to_the_ranked_noun_may_name_its_column_whole() -> None:
    """ "phải tuyển chọn mới nhiều thành viên nhất" ranks by "Tuyển chọn mới", not by the
    column naming the members ("Số thành viên dự kiến")."""
    report = _report(
        _table(
            "Dự kiến số thành viên Tổ bảo vệ ANTT năm 2024:",
            "Huyện | Số thành viên dự kiến | Chuyển tiếp | Tuyển chọn mới",
            "Huyện Mù Cang Chải | 980 | 900 | 80",
            "Huyện Trạm Tấu | 620 | 310 | 310",
        ),
        province="Yên Bái",
    )
    ranked = _first_quote(
        "Huyện nào phải tuyển chọn mới nhiều thành viên Tổ bảo vệ ANTT nhất năm 2024?", report
    )
    assert "Tuyển chọn mới, Huyện Trạm Tấu = 310" in ranked, ranked
    most = _first_quote("Huyện nào có nhiều thành viên dự kiến nhất năm 2024?", report)
    assert "Huyện Mù Cang Chải = 980" in most, most


def test_only_a_verbs_words_name_the_column_whole() -> None:
    """ "bị đình chỉ nhiều cơ sở nhất" names "Đình chỉ" (not "Tạm đình chỉ"); the people who
    act ("người có uy tín cung cấp nhiều tin nhất") name no column ranked."""
    header = ["Huyện", "Người có uy tín", "Cơ sở vi phạm", "Tạm đình chỉ", "Đình chỉ"]
    suspended = analyse("Huyện nào ở Lai Châu bị đình chỉ hoạt động nhiều cơ sở nhất?")
    assert _done_column(suspended, header) == 4
    tipped = analyse("huyen nao nguoi co uy tin cung cap nhieu tin nhat nam 2024")
    assert _done_column(tipped, header) is None
