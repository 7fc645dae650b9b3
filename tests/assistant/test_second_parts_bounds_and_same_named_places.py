"""Second parts asked bare or of their own document, things counted under a classifier,
figures told with where most of them fell, a town and a district of one name, a bound that
names a column, a search split by place, the year so far told by its dates, offences
counted bare, a ranking's list asked in the plural, and folded patterns that meet "kỳ",
"lý" as folding writes them (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_places, subject_terms
from assistant.extractive.district_units import with_district_units
from assistant.extractive.entities import named_as_another_unit
from assistant.extractive.periods import periods_in
from assistant.extractive.question import analyse
from assistant.extractive.tables import _noun_column
from tests.assistant.one_document import invented_passage

RATES = invented_passage(
    "Điều 2. Mức hỗ trợ\n\n"
    "1. Chi bồi dưỡng người trực tiếp tháo gỡ, tiêu hủy bom, mìn: 250.000 đồng/người/ngày.\n\n"
    "2. Đối với các xã biên giới, mức chi tại khoản 1 Điều này được tăng thêm 20%.\n\n"
    "Điều 3. Kinh phí\n\nKinh phí dự kiến giai đoạn 2031 - 2033 là 4.100 triệu đồng.",
    "nq.html",
    title="Nghị quyết số 09/2031/NQ-HĐND quy định mức chi tháo gỡ bom mìn",
    kind="nghị quyết",
    province="Yên Bái",
    year=2031,
    directive_numbers=("09/2031/NQ-HĐND",),
)


def test_a_second_amount_is_read_as_asked_not_in_dong() -> None:
    """What is added to a rate may be a share: "tăng thêm bao nhiêu" is not read as "bao
    nhiêu đồng", which a budget's "(triệu đồng)" fits."""
    answer = ExtractiveAnswerer().build(
        "mức chi bồi dưỡng người tiêu hủy bom mìn ở Yên Bái là bao nhiêu, xã biên giới tăng "
        "thêm bao nhiêu?",
        [RATES],
    )
    assert "250.000 đồng/người/ngày" in answer.answer, answer.answer
    assert "tăng thêm 20%" in answer.answer, answer.answer


def test_a_second_part_naming_its_own_document_asks_of_that_document() -> None:
    """ "..., KH 40 đặt chỉ tiêu bao nhiêu?": the plan's target, with the first part's
    subject; not of the year the first part's figure is of."""
    assert (
        subject_terms(
            "KH 40 đặt chỉ tiêu bao nhiêu?", analyse("KH 40 đặt chỉ tiêu bao nhiêu?").terms
        )
        == 3
    )
    report = invented_passage(
        "Năm 2030, toàn tỉnh phát hiện 31 vụ xâm hại trẻ em; tỷ lệ điều tra làm rõ đạt 87,1%.",
        title="Báo cáo công tác phòng, chống xâm hại trẻ em năm 2030",
        province="Yên Bái",
        year=2030,
    )
    plan = invented_passage(
        "II. CHỈ TIÊU\n\n1. 100% vụ xâm hại trẻ em được xác minh, xử lý; tỷ lệ điều tra làm "
        "rõ đạt trên 92%.",
        "kh.md",
        title="Kế hoạch số 40/KH-UBND phòng, chống xâm hại trẻ em năm 2031",
        kind="kế hoạch",
        province="Yên Bái",
        year=2031,
        directive_numbers=("40/KH-UBND",),
    )
    answer = ExtractiveAnswerer().build(
        "Tỷ lệ điều tra làm rõ vụ xâm hại trẻ em năm 2030 ở Yên Bái đạt bao nhiêu, KH 40 đặt "
        "chỉ tiêu bao nhiêu?",
        [report, plan],
    )
    assert "87,1%" in answer.answer and "trên 92%" in answer.answer, answer.answer


def test_a_thing_counted_under_a_classifier_is_read_under_another() -> None:
    """ "bao nhiêu con rùa" counts what a page writes "07 cá thể rùa núi vàng"."""
    news = invented_passage(
        "Ngày 12/4, Công an huyện Lục Yên bắt 02 đối tượng, thu giữ 07 cá thể rùa núi vàng còn "
        "sống và 2,1 kg vảy tê tê.",
        "tin.html",
        title="Lục Yên: bắt đối tượng buôn bán động vật hoang dã",
        kind="tin",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("Lục Yên thu giữ bao nhiêu con rùa núi vàng?", [news])
    assert not answer.refused and "07 cá thể" in answer.answer, answer.answer


def test_where_most_of_a_figure_fell_is_no_period_of_it() -> None:
    """ "thu giữ 52 kg pháo, chủ yếu trong đợt cao điểm trước Tết" is the quarter's figure."""
    report = invented_passage(
        "Quý I/2031, phát hiện, bắt giữ 18 vụ/21 đối tượng buôn lậu, tăng 04 vụ (+28,57%) so "
        "với cùng kỳ năm 2030; thu giữ 52 kg pháo nổ, chủ yếu trong đợt cao điểm trước và sau "
        "Tết; xử phạt vi phạm hành chính 11 vụ, số tiền 96.500.000 đồng.",
        title="Báo cáo công tác phòng, chống buôn lậu quý I năm 2031",
        province="Yên Bái",
        district="Văn Chấn",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("Quý I/2031 Văn Chấn thu bao nhiêu kg pháo nổ?", [report])
    assert "52 kg" in answer.answer.split("[1]")[0], answer.answer


def test_a_town_and_a_district_of_one_name_are_two_places() -> None:
    question = "Thị xã Kỳ Anh năm 2031 có bao nhiêu vụ cháy?"
    assert named_as_another_unit(question, ("Kỳ Anh",), "| Huyện Kỳ Anh | 7 | 3 |")
    assert not named_as_another_unit(question, ("Kỳ Anh",), "| Thị xã Kỳ Anh | 4 | 1 |")
    assert not named_as_another_unit(question, ("Kỳ Anh",), "Kỳ Anh xảy ra 4 vụ cháy")
    assert not named_as_another_unit("Kỳ Anh có bao nhiêu vụ?", ("Kỳ Anh",), "Huyện Kỳ Anh: 7")
    report = invented_passage(
        "Số vụ cháy năm 2031 theo địa bàn:\n\n| Địa bàn | Vụ cháy | Thiệt hại (triệu đồng) |\n"
        "|---|---|---|\n| Huyện Kỳ Anh | 7 | 310 |\n| Huyện Cẩm Xuyên | 5 | 120 |",
        title="Báo cáo công tác phòng cháy, chữa cháy năm 2031",
        province="Hà Tĩnh",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(question, [report])
    assert "= 7" not in answer.answer and "| 7 |" not in answer.answer, answer.answer
    answer = ExtractiveAnswerer().build("Huyện Kỳ Anh năm 2031 có bao nhiêu vụ cháy?", [report])
    assert "7" in answer.answer.split("[1]")[0], answer.answer


FLEET = invented_passage(
    "Số liệu tàu cá năm 2031 theo địa bàn:\n\n"
    "| Địa bàn | Tàu cá đăng ký | Tàu từ 12 m trở lên | Vụ vi phạm |\n|---|---|---|---|\n"
    "| Thị trấn Bến Lạch | 410 | 96 | 8 |\n| Xã Hoàng Châu | 150 | 21 | 2 |",
    title="Báo cáo công tác quản lý tàu cá năm 2031",
    province="Hải Phòng",
    district="Cát Hải",
    year=2031,
)


def test_a_bound_the_question_sets_names_the_column_giving_it() -> None:
    analysis = analyse("Xã A có bao nhiêu tàu cá dài từ 12m trở lên?")
    header = ["Địa bàn", "Tàu cá đăng ký", "Tàu từ 12 m trở lên", "Vụ vi phạm"]
    assert _noun_column(analysis, analysis.counted.unit, header, "Số liệu tàu cá") == 2
    # ... a town typed short is the town a row names in full
    answer = ExtractiveAnswerer().build(
        "TT Bến Lạch có bao nhiêu tàu cá dài từ 12m trở lên?", [FLEET]
    )
    assert "96" in answer.answer.split("[1]")[0] and "410" not in answer.answer.split("|")[0]


def test_what_a_search_names_at_two_places_is_read_at_each() -> None:
    assert split_places("cam ket cua co so cam do o Luc Yen va Van Chan") == [
        "cam ket cua co so cam do o Luc Yen",
        "cam ket cua co so cam do o Van Chan",
    ]


def test_the_year_so_far_told_by_its_dates_is_the_year_so_far() -> None:
    assert periods_in("Từ ngày 01/01/2031 đến ngày 10/3/2031, đã xử phạt 14 vụ") >= {"ytd-2"}
    assert periods_in("từ đầu năm 2031 đến 10/3") == {"ytd-2"}
    report = invented_passage(
        "Từ ngày 01/01/2031 đến ngày 10/3/2031, đã xử phạt 12 vụ vi phạm khai thác hải sản "
        "với số tiền 240.000.000 đồng.",
        title="Kế hoạch chống khai thác hải sản bất hợp pháp năm 2031",
        kind="kế hoạch",
        province="Hải Phòng",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "tu dau nam 2031 den 10/3 Hai Phong xu phat bao nhieu vu", [report]
    )
    assert not answer.refused and "12 vụ" in answer.answer, answer.answer


def test_an_offence_counted_bare_after_its_name_is_counted() -> None:
    """ "Xảy ra 40 vụ phạm pháp hình sự ... Quý II xảy ra 17 vụ, giảm 02 vụ": the quarter's
    figure of the same offence."""
    report = invented_passage(
        "Xảy ra 40 vụ phạm pháp hình sự, giảm 05 vụ so với cùng kỳ. Quý II/2031 xảy ra 17 "
        "vụ, giảm 02 vụ so với quý I/2031 (19 vụ).",
        title="Báo cáo kết quả công tác 6 tháng đầu năm 2031",
        province="Yên Bái",
        district="Văn Chấn",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "PPHS quý II/2031 ở Văn Chấn so với quý I thế nào?", [report]
    )
    assert not answer.refused and "17 vụ" in answer.answer, answer.answer


def test_a_ranking_asked_in_the_plural_is_answered_by_each_ranked_place() -> None:
    news = invented_passage(
        "Năm 2031, toàn tỉnh phát hiện 21 vụ vi phạm về động vật hoang dã.\n\n"
        "Các địa bàn phát hiện nhiều vụ việc nhất năm 2031:\n\n"
        "- Huyện Lục Yên: 06 vụ\n- Huyện Văn Chấn: 05 vụ\n- Huyện Trấn Yên: 03 vụ\n\n"
        "Khuyến cáo người dân\n\nNgười dân không mua bán động vật hoang dã.",
        "tin.html",
        title="Yên Bái tăng cường phòng, chống buôn bán động vật hoang dã",
        kind="tin",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "nhung huyen nao o Yen Bai phat hien nhieu vu vi pham dong vat hoang da nhat nam 2031",
        [news],
    )
    for place in ("Lục Yên: 06 vụ", "Văn Chấn: 05 vụ", "Trấn Yên: 03 vụ"):
        assert place in answer.answer, answer.answer
    assert "Khuyến cáo" not in answer.answer, answer.answer


def test_a_search_closing_with_the_same_period_compared_asks_the_change() -> None:
    """ "X 11 tháng 2031 xã A so với cùng kỳ 2030" (typed without marks: "kỳ" folds to
    "ki") is answered by the clause telling the change, not by a note on the figures."""
    meta = {
        "title": "Báo cáo kết quả công tác 11 tháng năm 2031 của Công an xã Tân Phong",
        "province": "Yên Bái",
        "year": 2031,
    }
    note = invented_passage(
        "Ghi chú: số liệu 11 tháng tính từ ngày 15/12/2030 đến ngày 14/11/2031; số liệu cùng "
        "kỳ năm 2030 được tổng hợp từ Công an 03 xã cũ và Công an xã Tân Phong.",
        "ghi-chu.md",
        **meta,
    )
    figures = invented_passage(
        "1. Phạm pháp hình sự:\n\n- Tháng 11: xảy ra 01 vụ trộm cắp tài sản.\n\n- 11 tháng: "
        "xảy ra 15 vụ, đã làm rõ 13 vụ; so với cùng kỳ năm 2030 (18 vụ) giảm 03 vụ (-16,67%).",
        "so-lieu.md",
        **meta,
    )
    answer = ExtractiveAnswerer().build(
        "11 thang 2031 pham phap hinh su xa Tan Phong so voi cung ky 2030", [note, figures]
    )
    assert "giảm 03 vụ" in answer.answer.split("[1]")[0], answer.answer


def test_a_purpose_after_the_counted_noun_is_no_kind_of_it() -> None:
    assert analyse("Tháng 11/2031 xã A di dời bao nhiêu hộ dân tránh lũ?").counted.unit == "hộ dân"
    assert analyse("bao nhiêu buổi phòng tránh đuối nước").counted.unit == (
        "buổi phòng tránh đuối nước"
    )
    assert analyse("bao nhieu vu tranh chap dat dai").counted.unit == "vu tranh chap dat dai"
    report = invented_passage(
        "- Tháng 11: mưa lũ gây ngập nhiều thôn; Công an xã phối hợp di dời 204 hộ/731 nhân khẩu "
        "đến nơi an toàn; cứu nạn 03 người.",
        title="Báo cáo kết quả công tác tháng 11 năm 2031",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Tháng 11/2031 Lục Yên di dời bao nhiêu hộ dân tránh lũ?", [report]
    )
    assert not answer.refused and "204 hộ" in answer.answer, answer.answer


def test_a_district_typed_bare_is_read_with_the_unit_its_documents_give_it() -> None:
    """ "Thuan An co bao nhieu phong tro" of a table naming "Thành phố Thuận An": the city,
    not a "huyện" of that name (which would be another place)."""
    table = invented_passage(
        "| Địa phương | Nhà trọ (cơ sở) | Phòng trọ |\n|---|---|---|\n"
        "| Thành phố Thuận An | 9.120 | 101.300 |\n| Thành phố Dĩ An | 8.050 | 96.240 |",
        title="Kế hoạch bảo đảm an toàn PCCC nhà trọ năm 2031",
        kind="kế hoạch",
        province="Bình Dương",
        year=2031,
    )
    assert with_district_units("Thuan An co bao nhieu phong tro", [table]) == (
        "thanh pho Thuan An co bao nhieu phong tro"
    )
    assert with_district_units("Thuận An có bao nhiêu phòng trọ", [table]) == (
        "thành phố Thuận An có bao nhiêu phòng trọ"
    )
    answer = ExtractiveAnswerer().build("Thuan An co bao nhieu phong tro", [table])
    assert "101.300" in answer.answer.split("[1]")[0], answer.answer
