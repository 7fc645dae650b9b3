"""Figures read out of invented sentences: values, counted nouns, place, period, comparison."""

import time

import pytest

from index.extraction.figures import read_figures
from index.extraction.records import DocumentIdentity, Figure


def figures(text: str, identity: DocumentIdentity | None = None) -> list[Figure]:
    found = list(read_figures(text, identity))
    for figure in found:
        assert text[figure.start : figure.end] == figure.value_text
    return found


def values(text: str) -> list[tuple[str, str]]:
    return [(f.value_text, f.noun) for f in figures(text)]


def test_thousands_dots_and_decimal_commas() -> None:
    found = figures("Huyện có 2.345 hộ dân, tuyến đê dài 12,75 km và 1.050.000 cây xanh.")
    assert [(f.value_text, f.value) for f in found] == [
        ("2.345", 2345.0),
        ("12,75", 12.75),
        ("1.050.000", 1050000.0),
    ]
    assert [f.noun for f in found] == ["hộ dân", "km", "cây xanh"]
    assert found[1].unit == "km"


def test_a_part_of_a_whole() -> None:
    (figure,) = figures("Đã có 45/45 thôn ra mắt mô hình tự quản.")
    assert (figure.value_text, figure.value, figure.total, figure.noun) == ("45/45", 45, 45, "thôn")


def test_percentages_count_the_noun_after_them_or_stand_alone() -> None:
    found = figures("Phấn đấu 95% trường học có tổ tư vấn; tỷ lệ giải quyết tin báo đạt 87,5%.")
    assert [(f.value_text, f.value, f.noun, f.unit) for f in found] == [
        ("95%", 95.0, "trường học", "%"),
        ("87,5%", 87.5, "%", "%"),
    ]


def test_money_keeps_its_scale_in_the_unit() -> None:
    found = figures("Mỗi thành viên nhận 1,5 triệu đồng, tổ trưởng thêm 300.000 đồng/tháng.")
    assert [(f.value_text, f.value, f.noun, f.unit) for f in found] == [
        ("1,5", 1.5, "triệu đồng", "triệu đồng"),
        ("300.000", 300000.0, "đồng/tháng", "đồng/tháng"),
    ]


def test_a_change_against_the_same_period() -> None:
    text = "Quý này xảy ra 40 vụ cháy, giảm 6 vụ (13%) so với cùng kỳ năm 2021."
    found = figures(text)
    assert [(f.value_text, f.comparison) for f in found] == [
        ("40", None),
        ("6", "giảm"),
        ("13%", "giảm"),
    ]
    assert found[1].compared_to == "cùng kỳ năm 2021"


def test_a_change_stated_after_the_noun_it_counts() -> None:
    found = figures("So với năm trước, số người bị thương tăng 9, số vụ giảm 2.")
    assert [(f.value_text, f.noun, f.comparison) for f in found] == [
        ("9", "người", "tăng"),
        ("2", "vụ", "giảm"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hàng trăm người dân và hàng nghìn học sinh đã tham gia buổi diễn tập.",
        "Ngày 15/3/2022 và ngày 4/7, đoàn kiểm tra làm việc tại xã.",
        "Năm 2024, đơn vị tổ chức sơ kết 6 tháng đầu năm và báo cáo trong 10 ngày.",
        "Thực hiện Chỉ thị số 12/CT-UBND và Nghị quyết 45/2020/NQ-HĐND của tỉnh.",
        "Theo khoản 3 Điều 14 và điểm b khoản 2 Điều 7 của Luật.",
        "1. Công an huyện chủ trì tuần tra.",
        "Đường dây nóng 0987654321 hoạt động từ 7 giờ đến 22 giờ.",
        "Mô hình ở thôn Nà Hẩu 2 do Ban Chỉ đạo 35 theo dõi, tại kỳ họp thứ 8.",
        "Mục 2.1.3 nêu nội dung phối hợp.",
    ],
)
def test_what_is_not_a_figure(text: str) -> None:
    assert figures(text) == []


def test_the_counted_noun_ends_at_a_verb_or_preposition() -> None:
    assert values("Xã có 37 cán bộ chuyên trách được tập huấn tại huyện.") == [
        ("37", "cán bộ chuyên trách")
    ]
    assert values("Lực lượng bắt 5 đối tượng với 120 gam ma túy.") == [
        ("5", "đối tượng"),
        ("120", "gam"),
    ]
    assert values("Thành lập 210 Tổ bảo vệ an ninh, trật tự ở các thôn.") == [
        ("210", "Tổ bảo vệ an ninh, trật tự")
    ]
    assert values("Khởi tố 3 bị can và xử phạt 2 người.") == [("3", "bị can"), ("2", "người")]


def test_the_noun_before_a_bare_number() -> None:
    text = "Chỉ số | Kết quả\nSố cuộc tuần tra | 64\nTổng số đảng viên của chi bộ là 52."
    assert values(text) == [("64", "Số cuộc tuần tra"), ("52", "đảng viên")]


def test_a_scale_word_opens_the_noun() -> None:
    found = figures("Năm qua có 2,5 triệu lượt khách và 40 tỷ đồng đầu tư.")
    assert [(f.value, f.noun, f.unit) for f in found] == [
        (2.5, "triệu lượt khách", "triệu"),
        (40.0, "tỷ đồng", "tỷ đồng"),
    ]


def test_the_noun_of_the_nearest_count_before_a_bare_number() -> None:
    assert values("Số vụ không đổi nhưng số người bị hại giảm 4.") == [("4", "người bị hại")]


def test_a_range_counts_the_noun_of_its_upper_bound() -> None:
    assert values("Thôn có từ 300 đến dưới 600 nhân khẩu thì lập 2 tổ.") == [
        ("300", "nhân khẩu"),
        ("600", "nhân khẩu"),
        ("2", "tổ"),
    ]


def test_place_is_the_nearest_named_before_else_the_document() -> None:
    identity = DocumentIdentity(province="Quảng Trị")
    found = figures(
        "Toàn tỉnh có 90 tổ hòa giải. Riêng tỉnh Quảng Bình có 41 tổ hòa giải.", identity
    )
    assert [f.place for f in found] == ["Quảng Trị", "Quảng Bình"]


def test_period_is_the_sentence_s_else_the_heading_s() -> None:
    text = (
        "BÁO CÁO\nKết quả công tác 9 tháng năm 2021\n"
        "Phát hiện 12 vụ buôn lậu.\nTrong quý III/2021 xử lý 4 vụ, tăng 1 vụ so với quý II/2021."
    )
    found = figures(text)
    assert [(f.value_text, f.period) for f in found] == [
        ("12", "9 tháng năm 2021"),
        ("4", "quý III/2021"),
        ("1", "quý III/2021"),
    ]


def test_sentence_offsets_enclose_the_figure() -> None:
    text = "Mở đầu hội nghị. Huyện có 18 xã biên giới. Kết thúc."
    (figure,) = figures(text)
    assert text[figure.sentence_start : figure.sentence_end] == "Huyện có 18 xã biên giới."


@pytest.mark.parametrize("unit", ["1.", "1 ", "1/", "0", "5 vụ tăng 2% "])
def test_adversarial_text_is_read_in_linear_time(unit: str) -> None:
    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        started = time.perf_counter()
        read_figures(text)
        return time.perf_counter() - started

    seconds(1_000)  # warm caches
    # The best of two runs: other work on the machine only ever adds time.
    small = min(seconds(50_000) for _ in range(2))
    large = min(seconds(100_000) for _ in range(2))
    # Twice the text may take about twice the time; a quadratic scan would take four times.
    assert large < 3.2 * small + 0.05
