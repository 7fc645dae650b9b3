"""Which row, column and item answer: a table of two years' columns, a commune's row in a
district's table, a rate's row told by the words no other row says, a superlative read
from a table before the prose filed under its label, a list item opening with its period,
a number asked with a district of another province, what was seized from a named person's
ring, and a list asked of two places (invented documents; real district names, since
the gazetteer reads them)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_places
from assistant.passages import Passage
from tests.assistant.one_document import first_quote, invented_passage


def _passage(text: str, source: str = "bc.md", **meta: object) -> Passage:
    return invented_passage(text, source, **{"province": "Hà Giang", **meta})


_answer = first_quote


def test_a_table_of_a_years_results_and_the_next_years_targets_is_of_both_years() -> None:
    """Columns of two years ("(2029)" beside "Chỉ tiêu năm 2030") date no column of the
    other: the table is of each year, and its undated columns of the one its caption says."""
    plan = _passage(
        "**Bảng 1. Kết quả năm 2029 và chỉ tiêu năm 2030 của các huyện biên giới**\n\n"
        "| Đơn vị | Vụ bắt giữ | Đối tượng | Xã đạt tiêu chí (2029) | Chỉ tiêu năm 2030 (xã) |\n"
        "|---|---:|---:|---:|---:|\n"
        "| Huyện Mèo Vạc | 87 | 139 | 04 | 06 |\n"
        "| Huyện Đồng Văn | 61 | 83 | 02 | 03 |\n"
        "| **Cộng** | **148** | **222** | **06** | **09** |",
        title="Kế hoạch phòng, chống ma túy năm 2030",
        kind="kế hoạch",
    )
    assert "= 139" in _answer("Huyện Mèo Vạc năm 2029 bắt bao nhiêu đối tượng ma túy?", plan)


def test_a_commune_asked_with_its_district_is_read_in_the_communes_row() -> None:
    """ "Xã Pả Vi (Mèo Vạc)": the row labelled with the commune, not the district's."""
    report = _passage(
        "Bảng kết quả theo địa bàn (năm 2030):\n\n"
        "| Đơn vị | Vụ trộm cắp | Cơ sở lưu trú |\n"
        "|---|---|---|\n"
        "| Thị trấn Mèo Vạc | 11 | 96 |\n"
        "| Xã Pả Vi | 6 | 182 |\n"
        "| Các xã còn lại (15 xã) | 9 | 67 |\n"
        "| Cộng | 26 | 345 |",
        title="Báo cáo năm 2030 của Công an huyện Mèo Vạc",
        district="Mèo Vạc",
    )
    answer = _answer("Xã Pả Vi (Mèo Vạc) quản lý bao nhiêu cơ sở lưu trú?", report)
    assert "Xã Pả Vi = 182" in answer


def test_a_rates_row_is_told_apart_by_the_asked_words_no_other_row_says() -> None:
    """ "tuần tra biên giới ban đêm" shares as many words with the day shift's row ("...
    tuần tra, kiểm soát tuyến biên giới ban ngày"); "đêm" is said by the night's only."""
    resolution = _passage(
        "Điều 2. Mức chi\n\n"
        "| STT | Nội dung | Mức chi |\n"
        "|---|---|---|\n"
        "| 1 | Bồi dưỡng người tham gia tuần tra, kiểm soát tuyến biên giới ban ngày | "
        "120.000 đồng/người/ca |\n"
        "| 2 | Bồi dưỡng người tham gia tuần tra ban đêm (từ 22 giờ đến 06 giờ) | "
        "180.000 đồng/người/ca |\n"
        "| 3 | Khen thưởng tố giác vụ vận chuyển trái phép hàng hóa qua biên giới | "
        "2.000.000 đồng/vụ |",
        title="Nghị quyết quy định một số mức chi năm 2030",
        kind="nghị quyết",
    )
    night = _answer("Mức bồi dưỡng tuần tra biên giới ban đêm theo nghị quyết?", resolution)
    assert "180.000" in night and "120.000" not in night
    day = _answer("Mức bồi dưỡng tuần tra biên giới ban ngày?", resolution)
    assert "120.000" in day and "180.000" not in day


def test_a_superlative_is_read_in_the_table_before_the_prose_filed_under_its_label() -> None:
    report = _passage(
        "**Bảng 2. Phương thức, thủ đoạn chủ yếu**\n\n"
        "| Phương thức, thủ đoạn | Số vụ | Thiệt hại (tỷ đồng) |\n"
        "|---|---|---|\n"
        "| Giả danh cơ quan Công an yêu cầu cài ứng dụng giả | 41 | 9,7 |\n"
        "| Tuyển cộng tác viên làm nhiệm vụ online | 58 | 12,4 |\n"
        "| Mời đầu tư tiền ảo qua sàn giao dịch giả | 23 | 26,8 |\n\n"
        "Thủ đoạn làm nhiệm vụ thường bắt đầu bằng nhiệm vụ nhỏ được trả thưởng thật, sau đó "
        "yêu cầu nạp số tiền ngày càng lớn để chiếm đoạt.",
        title="Báo cáo tình hình lừa đảo chiếm đoạt tài sản trên không gian mạng năm 2030",
    )
    most = _answer("Thủ đoạn lừa đảo nào gây thiệt hại nhiều tiền nhất năm 2030?", report)
    assert "Mời đầu tư tiền ảo" in most and "= 26,8" in most


def test_an_item_opening_with_its_period_counts_what_its_lists_first_item_names() -> None:
    report = _passage(
        "2. Tội phạm về trật tự xã hội\n"
        "- 9 tháng: xảy ra 53 vụ phạm pháp hình sự, giảm 06 vụ so với cùng kỳ; điều tra làm "
        "rõ 47 vụ, bắt 71 đối tượng. Trong đó trộm cắp tài sản 29 vụ (07 vụ trộm gia súc), "
        "thiệt hại khoảng 1,26 tỷ đồng.\n"
        "- Quý III: xảy ra 17 vụ, tăng 03 vụ so với cùng kỳ, chủ yếu trộm cắp tài sản.\n"
        "3. Ma túy: phát hiện 12 vụ/19 đối tượng.",
        title="Báo cáo 9 tháng năm 2030 của Công an huyện Đồng Văn",
        district="Đồng Văn",
    )
    answer = _answer("pham phap hinh su quy III/2030 huyen Dong Van", report)
    assert "17 vụ" in answer


def test_a_number_asked_with_a_district_of_another_province_is_not_that_documents() -> None:
    """ "Chỉ thị 07-CT/HU của Huyện ủy Mèo Vạc" (Hà Giang): the one directive numbered so
    is a district's of Cà Mau; its signer answers nothing."""
    text = (
        "HUYỆN ỦY U MINH\nU Minh, ngày 18 tháng 4 năm 2030\nSố 07-CT/HU\n\nCHỈ THỊ\n"
        "về tăng cường phòng, chống trộm cắp tài sản trên địa bàn huyện U Minh\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n(đã ký)\n\nLê Văn Khánh"
    )
    directive = _passage(
        text,
        "ct.txt",
        title="Chỉ thị về phòng, chống trộm cắp tài sản",
        province="Cà Mau",
        district="U Minh",
        kind="chỉ thị",
        directive_numbers=("07-CT/HU",),
    )
    answer = ExtractiveAnswerer().build(
        "Ai ký Chỉ thị 07-CT/HU của Ban Thường vụ Huyện ủy Mèo Vạc?", [directive]
    )
    # a refusal saying whose document the number is
    assert answer.refused and "Cà Mau" in answer.answer and "Lê Văn Khánh" not in answer.answer


def test_what_was_seized_is_told_of_the_ring_of_the_person_asked() -> None:
    news = _passage(
        "Theo tài liệu điều tra, Hoàng Văn Sơn (SN 1990, trú tại phường A) thuê tài khoản "
        "quản trị từ các trang cá độ ở nước ngoài rồi bán cho người chơi.\n\n"
        "Ngày 16/7/2030, Công an tỉnh kiểm tra 05 địa điểm, bắt giữ 11 đối tượng, thu giữ 14 "
        "điện thoại di động, 02 xe ô tô, 436 triệu đồng tiền mặt.\n\n"
        "Tại huyện Đồng Văn, thực hiện đợt cao điểm phòng, chống cá độ bóng đá, Công an huyện "
        "triệt xóa 02 ổ nhóm cá độ bóng đá, thu giữ 846 triệu đồng.",
        "tin.html",
        title="Triệt phá đường dây cá độ bóng đá qua mạng",
        kind="tin bài",
    )
    seized = _answer("Tang vật thu giữ trong đường dây cá độ bóng đá của Hoàng Văn Sơn", news)
    assert "14 điện thoại di động" in seized and "846" not in seized


def test_a_list_asked_of_two_places_is_asked_of_each() -> None:
    assert split_places("cac thu doan lua dao qua mang o Ha Giang 2030 va o xa Lung Cu") == [
        "cac thu doan lua dao qua mang o Ha Giang 2030",
        "cac thu doan lua dao qua mang o xa Lung Cu",
    ]


def test_a_list_closed_by_its_last_item_with_a_stop_is_read_whole() -> None:
    """A web page's list ("...:" / "a;" / "b;" / "c."): the last item closes with a stop."""
    news = _passage(
        "Ngày 27/9/2030, Công an huyện bắt quả tang nhóm đối tượng, thu giữ:\n"
        "09 điện thoại di động, 02 máy tính xách tay;\n"
        "126 SIM điện thoại và 38 thẻ ngân hàng;\n"
        "480 triệu đồng tiền mặt và 01 xe ô tô.\n"
        "Thượng tá Nguyễn Văn A cho biết: các đối tượng nhắm vào người cao tuổi.",
        "tin.html",
        title="Triệt phá nhóm giả danh công an lừa đảo",
        kind="tin bài",
    )
    answer = ExtractiveAnswerer().build("Tang vật thu giữ của nhóm đối tượng gồm những gì?", [news])
    assert "480 triệu đồng" in answer.answer and "người cao tuổi" not in answer.answer


def test_a_part_figure_in_brackets_does_not_date_its_sentence() -> None:
    """ "31 vụ (riêng 6 tháng cuối năm 19 vụ), ...; phát hiện 126 lượt" tells the year."""
    report = _passage(
        "Năm 2029, trên tuyến biên giới có 21 đường mòn, lối mở. Hai lực lượng đã phát hiện 31 "
        "vụ buôn lậu (riêng 6 tháng cuối năm 19 vụ), thu giữ 326 kg pháo nổ; phát hiện 126 "
        "lượt người xuất cảnh trái phép, tiếp nhận 94 lượt công dân do phía bạn trao trả.",
        title="Quy chế phối hợp bảo đảm an ninh, trật tự khu vực biên giới năm 2030",
        kind="quy chế",
    )
    answer = _answer("Năm 2029 phát hiện bao nhiêu lượt người xuất cảnh trái phép?", report)
    assert "126 lượt" in answer


def test_items_under_a_heading_giving_a_body_its_part_are_its_duties() -> None:
    """ "Điều 9. Trách nhiệm của Đồn Biên phòng" / "a) ...": the body's own items, before
    a title naming it among others."""
    rules = _passage(
        "Phối hợp giữa Công an huyện Mèo Vạc và Đồn Biên phòng cửa khẩu Săm Pun trong công tác "
        "bảo đảm an ninh, trật tự khu vực biên giới\n\n"
        "Điều 8. Trách nhiệm của Công an huyện\n"
        "a) Chủ trì điều tra, xử lý các vụ án về buôn lậu thuộc thẩm quyền;\n"
        "b) Chủ trì tổ chức sơ kết 6 tháng vào tháng 6/2030.\n\n"
        "Điều 9. Trách nhiệm của Đồn Biên phòng\n"
        "a) Chủ trì quản lý, bảo vệ đường biên, mốc giới tại cửa khẩu Săm Pun;\n"
        "b) Chủ trì tổ chức tổng kết năm trước ngày 10/12/2030.",
        "qc.txt",
        title="Quy chế phối hợp bảo đảm an ninh, trật tự khu vực biên giới",
        kind="quy chế",
    )
    duties = _answer(
        "Đồn Biên phòng cửa khẩu Săm Pun có trách nhiệm gì theo quy chế phối hợp?", rules
    )
    assert "đường biên, mốc giới" in duties and "10/12/2030" in duties
    assert "điều tra, xử lý" not in duties


def test_a_deed_column_opening_with_its_count_is_named_by_the_deed() -> None:
    """ "làm rõ nhiều vụ nhất" ranks by "Số vụ làm rõ", not by the cases found."""
    table = _passage(
        "Kết quả năm 2029 theo địa bàn:\n\n"
        "| Đơn vị | Vụ trộm cắp tài sản | Số vụ làm rõ | Cơ sở cầm đồ |\n"
        "|---|---|---|---|\n"
        "| Huyện Mèo Vạc | 98 | 71 | 48 |\n"
        "| Huyện Đồng Văn | 79 | 73 | 30 |",
        title="Kế hoạch phòng, chống trộm cắp tài sản năm 2030",
        kind="kế hoạch",
    )
    most = _answer("Huyện nào làm rõ nhiều vụ trộm cắp tài sản nhất năm 2029?", table)
    assert "Huyện Đồng Văn = 73" in most


def test_every_row_counting_none_answers_which_counted_none() -> None:
    table = _passage(
        "Số liệu năm 2029 theo từng huyện:\n\n"
        "| Đơn vị | Số vụ phát hiện | Khởi tố (vụ) |\n"
        "|---|---|---|\n"
        "| Huyện Mèo Vạc | 21 | 1 |\n"
        "| Huyện Đồng Văn | 6 | 0 |\n"
        "| Huyện Yên Minh | 9 | 0 |\n"
        "| Huyện Quản Bạ | 7 | 0 |\n"
        "| Huyện Bắc Mê | 8 | 0 |\n"
        "| Toàn tỉnh | 51 | 1 |",
        title="Báo cáo công tác phòng, chống vi phạm về khoáng sản năm 2029",
        year=2029,
    )
    question = "Những huyện nào không khởi tố vụ nào về khoáng sản năm 2029?"
    none = ExtractiveAnswerer().build(question, [table]).answer
    for district in ("Đồng Văn", "Yên Minh", "Quản Bạ", "Bắc Mê"):
        assert district in none, district
    assert "Mèo Vạc" not in none
