"""Periods a sentence speaks of, questions asked of two places or two documents, and names
read as typed: a year told bare, a stock at a date, "cùng kỳ" opening a sentence, a report
asked by its number and period, a commune typed before an app's name, a price searched for,
an officer's account of a ring's ways (invented documents; real place names, which the gazetteer
reads)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import place_labels, split_places
from assistant.extractive.bodies import tasked_body
from assistant.extractive.documents import partial_keys
from assistant.extractive.former_rates import split_former
from assistant.extractive.periods import periods_in
from assistant.extractive.question import QuestionType, analyse, communes_in
from assistant.extractive.row_naming import asked_row, naming
from assistant.extractive.years import years_in
from tests.assistant.one_document import first_quote, invented_passage

FRAUD_NEWS = invented_passage(
    "## 61 vụ lừa đảo qua không gian mạng trong năm 2030\n\n"
    "Năm 2030 (từ ngày 15/12/2029 đến ngày 14/12/2030), toàn tỉnh xảy ra 61 vụ lừa đảo "
    "chiếm đoạt tài sản qua không gian mạng, thiệt hại 21,4 tỷ đồng. Riêng tháng 12/2030 "
    "xảy ra 7 vụ.",
    "tin.html",
    title="Cảnh báo lừa đảo qua không gian mạng",
    kind="tin bài",
    province="Vĩnh Long",
)


def test_a_year_told_bare_answers_no_month_of_it() -> None:
    """ "61 vụ ... trong năm 2030" is the year's figure: asked of October, the documents
    have none (only December's is told apart)."""
    answer = ExtractiveAnswerer().build(
        "Vĩnh Long tháng 10/2030 có mấy vụ lừa đảo qua không gian mạng?", [FRAUD_NEWS]
    )
    assert answer.refused, answer.answer


RESIDENCE = invented_passage(
    "Công an tỉnh báo cáo kết quả năm 2030 (số liệu từ ngày 15/12/2029 đến ngày 14/11/2030) "
    "như sau:\n\n"
    "Lũy kế đến ngày 14/11/2030, toàn tỉnh đã kích hoạt 812.400 tài khoản định danh điện tử "
    "mức 2. Phát hiện 55 vụ vi phạm quy định về cư trú, tăng 9 vụ so với cùng kỳ.",
    "bc.md",
    title="Kết quả công tác quản lý cư trú, căn cước năm 2030",
    kind="báo cáo",
    province="Bến Tre",
)


def test_a_stock_told_at_a_date_does_not_date_the_figures_after_it() -> None:
    """ "Lũy kế đến ngày 14/11/2030, ... kích hoạt 812.400 tài khoản." says where accounts
    stand; the cases told next are still the year's."""
    quote = first_quote(
        "Năm 2030 Bến Tre phát hiện bao nhiêu vụ vi phạm quy định về cư trú?", RESIDENCE
    )
    assert "55 vụ" in quote


def test_a_sentence_opening_with_the_same_period_speaks_of_that_year() -> None:
    assert years_in("Cùng kỳ năm 2029, lực lượng chức năng kiểm tra 1.206 lượt xe.") == {2029}
    assert years_in("Kiểm tra 1.480 lượt xe, tăng 274 lượt so với cùng kỳ năm 2029.") == set()


REPORT = invented_passage(
    "CÔNG AN TỈNH NINH BÌNH\n"
    "CÔNG AN HUYỆN YÊN KHÁNH\n"
    "Số: 77/BC-CAH\n\n"
    "BÁO CÁO\n"
    "Kết quả công tác bảo đảm an ninh, trật tự 9 tháng năm 2030\n\n"
    "9 tháng xảy ra 31 vụ phạm pháp hình sự, giảm 4 vụ so với cùng kỳ.",
    "bc-yen-khanh.txt",
    title="Kết quả công tác bảo đảm an ninh, trật tự 9 tháng năm 2030",
    kind="báo cáo",
    province="Ninh Bình",
    district="Yên Khánh",
    directive_numbers=("77/BC-CAH",),
)


def test_a_report_asked_by_number_is_answered_with_its_issuer_and_period() -> None:
    """ "Báo cáo số X là của CA huyện nào, kỳ nào?": its header names the district's
    police, its title the months it covers."""
    answer = (
        ExtractiveAnswerer()
        .build("Báo cáo 77/BC-CAH là của CA huyện nào, kỳ nào?", [REPORT])
        .answer
    )
    assert "CÔNG AN HUYỆN YÊN KHÁNH" in answer and "9 tháng năm 2030" in answer


def test_bodies_named_by_abbreviation_are_spelled_out() -> None:
    """ "Cục QLTT", "NHNN chi nhánh" name the bodies a plan writes out in full."""
    assert tasked_body("Cục QLTT tỉnh có được giao chủ trì kiểm tra không?") == (
        "cuc quan li thi truong"
    )
    assert tasked_body("NHNN chi nhanh tinh co duoc giao chu tri khong") == (
        "ngan hang nha nuoc chi nhanh"
    )


def test_a_commune_s_name_ends_before_an_app_s_name() -> None:
    assert communes_in("xa Tan Lap VNeID muc 2 dat bao nhieu phan tram") == ("tan lap",)
    assert communes_in("Xã Tân Lập ANTT thế nào?") == ("tan lap",)


DISTRICT = invented_passage(
    "Toàn huyện kích hoạt 41.200 tài khoản định danh điện tử mức 2, đạt 66,1% công dân đủ "
    "điều kiện.\n\n"
    "| Xã, thị trấn | Trộm cắp (vụ) | TNGT (vụ) |\n"
    "|---|---|---|\n"
    "| Xã Lộc Bắc | 6 | 2 |\n"
    "| Xã Tam Bố | 4 | 1 |",
    "bc-bao-lam.txt",
    title="Báo cáo kết quả công tác năm 2030 của Công an huyện Bảo Lâm",
    kind="báo cáo",
    province="Lâm Đồng",
    district="Bảo Lâm",
)


def test_a_commune_s_share_is_not_read_in_its_district_s_sentence() -> None:
    """ "tỷ lệ ... xã A": a share is a figure, told with the commune's name, not the
    district's sentence above a table that names the commune in a row."""
    answer = ExtractiveAnswerer().build(
        "tỷ lệ kích hoạt định danh điện tử xã Lộc Bắc năm 2030", [DISTRICT]
    )
    assert answer.refused, answer.answer


def test_a_price_searched_for_is_read_as_an_amount() -> None:
    analysis = analyse("Giá mua vào và giá bán ra gỗ lậu của nhóm?")
    assert analysis.type == QuestionType.COUNT and analysis.counted.unit == "đồng"
    news = invented_passage(
        "Nhóm đối tượng mua gỗ lậu tại rừng với giá 510.000 đồng/kg rồi bán lại cho xưởng "
        "với giá từ 1.100.000 đến 1.250.000 đồng/kg.",
        "tin.html",
        title="Bắt nhóm buôn gỗ lậu",
        kind="tin bài",
        province="Lạng Sơn",
    )
    quote = first_quote("gia mua ban go lau cua nhom", news)
    assert "510.000 đồng/kg" in quote and "1.250.000 đồng/kg" in quote


def test_a_former_rate_asked_after_a_comma_is_compared() -> None:
    assert split_former("Phụ cấp tổ trưởng hiện nay, trước đây là bao nhiêu?") == (
        "Phụ cấp tổ trưởng hiện nay?"
    )


LODGINGS = invented_passage(
    "Toàn tỉnh hiện có 5.910 nhà trọ với 64.200 phòng, chủ yếu ở các huyện có khu công nghiệp.",
    "kh.md",
    title="Kế hoạch bảo đảm an toàn PCCC nhà trọ năm 2030",
    kind="kế hoạch",
    province="Long An",
)


def test_a_district_asked_with_its_province_is_not_answered_by_the_province() -> None:
    """ "Huyện A, tỉnh B có bao nhiêu ...?" asks A; B's "toàn tỉnh" figure is not A's."""
    answer = ExtractiveAnswerer().build("Huyện Cần Đước, Long An có bao nhiêu nhà trọ?", [LODGINGS])
    assert answer.refused, answer.answer


def test_drugs_typed_without_marks_are_one_counted_noun() -> None:
    """Typed without marks "ma" is also "mà" (a word a noun stops at): "vu ma tuy" is one."""
    assert analyse("bao nhieu vu ma tuy bi phat hien o xa Tam Bo").counted.unit == "vu ma tuy"


def test_a_question_of_two_places_is_split_whatever_its_framing() -> None:
    """A kind of list asked without "các", a question mark after the last place, the topic
    before a colon, a district's police as a side."""
    assert split_places("Thủ đoạn lừa đảo ở tỉnh Trà Vinh và ở xã Long Hữu?") == [
        "Thủ đoạn lừa đảo ở tỉnh Trà Vinh",
        "Thủ đoạn lừa đảo ở xã Long Hữu",
    ]
    assert split_places("Tổ bảo vệ ANTT: huyện Hàm Yên và xã Tân Phước mỗi nơi có mấy tổ?") == [
        "Tổ bảo vệ ANTT: huyện Hàm Yên có mấy tổ?",
        "Tổ bảo vệ ANTT: xã Tân Phước có mấy tổ?",
    ]
    assert split_places("cao điểm Tết của CA tỉnh Bạc Liêu và CAH Nho Quan bắt đầu ngày nào") == [
        "cao điểm Tết của CA tỉnh Bạc Liêu bắt đầu ngày nào",
        "cao điểm Tết của CAH Nho Quan bắt đầu ngày nào",
    ]


def test_a_question_of_two_documents_is_asked_of_each() -> None:
    parts = split_places(
        "Cơ quan nào chỉ được đề nghị phối hợp trong KH 41 Gia Lai và CV 905 Kon Tum?"
    )
    assert parts == [
        "Cơ quan nào chỉ được đề nghị phối hợp trong KH 41 Gia Lai?",
        "Cơ quan nào chỉ được đề nghị phối hợp trong CV 905 Kon Tum?",
    ]
    assert place_labels(parts) == ["KH 41 Gia Lai", "CV 905 Kon Tum"]
    # A letter's number carries its issuer's code ("905/UBND-NC"), not the kind's.
    assert partial_keys("CV 905 Kon Tum") == {"905"}


LETTER = invented_passage(
    "Số: 905/UBND-NC\n\n"
    "1. Công an tỉnh chủ trì kiểm tra an toàn PCCC các khu nhà trọ.\n\n"
    "2. Đề nghị Tỉnh đoàn, Liên đoàn Lao động tỉnh phối hợp tuyên truyền cho công nhân.",
    "cv-905.txt",
    title="Tăng cường bảo đảm an toàn PCCC nhà trọ",
    kind="công văn",
    province="Kon Tum",
    directive_numbers=("905/UBND-NC",),
)
COMMUNE = invented_passage(
    "1. Đề nghị Công an tỉnh bổ sung 01 xuồng máy phục vụ tuần tra trên lòng hồ.",
    "bc-xa.txt",
    title="Báo cáo kết quả công tác năm 2030 của Công an xã Đắk Rơ Wa",
    kind="báo cáo",
    province="Kon Tum",
)


def test_the_bodies_only_proposed_a_task_are_those_of_the_letter_named() -> None:
    """ "trong CV 905": the letter's "Đề nghị" items, not a commune report's proposal."""
    answer = (
        ExtractiveAnswerer()
        .build("Cơ quan nào chỉ được đề nghị phối hợp trong CV 905 Kon Tum?", [LETTER, COMMUNE])
        .answer
    )
    assert "Liên đoàn Lao động" in answer and "xuồng máy" not in answer, answer


FIREWORKS = invented_passage(
    "Công an huyện Đà Bắc vừa triệt phá đường dây buôn bán pháo nổ, bắt giữ 04 đối tượng, "
    "thu giữ 210 kg pháo nổ các loại.\n\n"
    "Tang vật gồm 210 kg pháo nổ, 03 điện thoại di động và 01 xe ô tô.\n\n"
    'Trung tá Đinh Văn Sơn cho biết: "Các đối tượng rao bán qua mạng xã hội, giấu hàng '
    "trong bao gạo rồi gửi theo xe khách. Mỗi người mua chỉ được bán từ 2 đến 3 kg để tránh "
    'bị phát hiện."',
    "tin-pháo.html",
    title="Triệt phá đường dây buôn bán pháo nổ",
    kind="tin bài",
    province="Hòa Bình",
)


def test_a_ring_s_methods_are_the_officer_s_account_of_them_whole() -> None:
    """ "Thủ đoạn của đường dây ...": what the quoted officer says the offenders do, to the
    end of the quotation, not the arrest that repeats more of the question's words."""
    answer = (
        ExtractiveAnswerer()
        .build("Thủ đoạn của đường dây pháo nổ huyện Đà Bắc?", [FIREWORKS])
        .answer
    )
    assert "bao gạo" in answer.split("[1]")[0] and "từ 2 đến 3 kg" in answer, answer


BETTING = invented_passage(
    "Đường dây cá độ bóng đá qua mạng ở huyện Phú Bình hoạt động theo 3 tầng. Người giữ "
    "sổ được trả 0,4% số tiền cược, các đại lý cấp 1 được 0,25%.\n\n"
    "6 tháng đầu năm 2030, toàn tỉnh phát hiện 31 vụ/170 đối tượng đánh bạc. Riêng trong mùa "
    "World Cup (từ 14/6 đến 15/7/2030), lực lượng Công an phát hiện 12 vụ/88 đối tượng.\n\n"
    "Các vụ việc xảy ra ở TP Thái Nguyên, TP Phổ Yên, huyện Đại Từ, huyện Đồng Hỷ, huyện Định "
    "Hóa, huyện Võ Nhai và TP Sông Công.",
    "tin-ca-do.html",
    title="Triệt phá đường dây cá độ bóng đá qua mạng",
    kind="tin bài",
    province="Thái Nguyên",
)


def test_a_tournament_s_days_are_no_month_of_the_year() -> None:
    """ "từ 14/6 đến 15/7" (32 days) is the tournament's, asked by its name: no July's."""
    quote = first_quote(
        "Thái Nguyên trong mùa World Cup 2030 phát hiện bao nhiêu vụ đánh bạc?", BETTING
    )
    assert "12 vụ/88 đối tượng" in quote


def test_a_share_asked_of_someone_in_one_ring_is_told_of_the_ring() -> None:
    """ "... trong đường dây cá độ ở huyện A được trả bao nhiêu %": the place says which ring,
    whose news goes on to name many districts."""
    quote = first_quote(
        "Người giữ sổ trong đường dây cá độ ở Phú Bình được trả bao nhiêu %?", BETTING
    )
    assert "0,4%" in quote


FORMER_UNITS = invented_passage(
    "Từ 01/7/2030 đến nay, toàn xã tiếp nhận 1.204 hồ sơ cấp căn cước.\n\n"
    "| Khu vực | Vụ TNGT | Hồ sơ căn cước | Camera an ninh |\n"
    "|---|---|---|---|\n"
    "| Khu vực xã Hải Lộc cũ | 2 | 412 | 18 |\n"
    "| Khu vực xã Minh Lộc cũ | 5 | 337 | 9 |\n"
    "| Khu vực xã Hưng Lộc cũ | 1 | 455 | 14 |",
    "bc-xa.txt",
    title="Báo cáo kết quả công tác từ khi thực hiện chính quyền địa phương hai cấp",
    kind="báo cáo",
    province="Thanh Hóa",
)


def test_a_row_is_named_without_its_unit_word() -> None:
    """ "Khu vực Minh Lộc cũ" (typed without "xã") names the row "Khu vực xã Minh Lộc cũ"."""
    quote = first_quote("Khu vực Minh Lộc cũ có bao nhiêu camera an ninh?", FORMER_UNITS)
    assert "| 9 |" in quote and "1.204" not in quote


def test_a_township_s_row_is_not_named_by_its_district_s_name() -> None:
    """ "Thị trấn A" without its unit words is "A", the district's name too: a question of
    district A names no township's row."""
    asked = asked_row(analyse("so vu trom cap huyen Gia Loc nam 2030"))
    assert naming(asked, "Thị trấn Gia Lộc") is None
    assert naming(
        asked_row(analyse("khu vuc Hai Loc cu co bao nhieu camera")), "Khu vực xã Hải Lộc cũ"
    )


def test_the_period_a_report_reports_on_is_its_title_s() -> None:
    """ "Báo cáo X báo cáo kết quả trong giai đoạn nào?": the months its title names, not the
    report's first figure."""
    answer = ExtractiveAnswerer().build(
        "BC 77/BC-CAH của CA huyện Yên Khánh báo cáo kết quả ANTT trong giai đoạn nào?", [REPORT]
    )
    assert "9 tháng năm 2030" in answer.answer.split("[1]")[0], answer.answer
    assert "31 vụ" not in answer.answer


def test_a_month_typed_with_its_year_after_a_space_is_that_month() -> None:
    """ "thang 11 2031 xa A co may vu" is typed fast for "tháng 11/2031": the month asked."""
    assert periods_in("thang 11 2031 xa Tan My co may vu TNGT") == {"month-11"}
    assert analyse("thang 11 2031 xa Tan My co may vu TNGT").period == "month-11"
    assert periods_in("11 thang 2031 xa Tan My") != {"month-11"}  # eleven months, not November
