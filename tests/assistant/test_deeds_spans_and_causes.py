"""People ranked by their last deed, a rate row named whole beside one sharing a stray
word, a resolution's whole time in force, a counted noun with its cause, kinds listed before
what the table counts, a rate asked after the kinds, a change against the year before, a
news page's dateline with its buttons, people hurt while doing something, a table dated past
the note under its caption, whether something happened, a task given directly, a month
singled out of its section and the bodies a plan proposes tasks to (invented
documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.counting import without_cause
from assistant.extractive.question import analyse
from index.cleaning import clean_text
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts, invented_passage

RETURNEES = invented_passage(
    "Phụ lục: Người mãn hạn tù trở về địa phương năm 2031\n\n"
    "| Địa phương | Số người trở về | Đã có việc làm | Tái phạm |\n"
    "|---|---|---|---|\n"
    "| Huyện Văn Yên | 310 | 150 | 12 |\n"
    "| Huyện Trấn Yên | 205 | 120 | 31 |\n"
    "| Thị xã Nghĩa Lộ | 180 | 95 | 9 |",
    "nq.md",
    title="Nghị quyết hỗ trợ người mãn hạn tù tái hòa nhập cộng đồng",
    kind="nghị quyết",
    province="Yên Bái",
    year=2031,
)


def test_people_ranked_by_their_last_deed_are_read_in_its_column() -> None:
    """ "nhiều người mãn hạn tù tái phạm nhất": the column "Tái phạm", not "Số người trở
    về", which shares the head "người" only."""
    answer = ExtractiveAnswerer().build(
        "Ở Yên Bái địa phương nào có nhiều người mãn hạn tù tái phạm nhất?", [RETURNEES]
    )
    assert "Trấn Yên" in answer.answer.split("[1]")[0], answer.answer
    returned = ExtractiveAnswerer().build(
        "Ở Yên Bái địa phương nào có nhiều người mãn hạn tù trở về nhất?", [RETURNEES]
    )
    assert "Văn Yên" in returned.answer.split("[1]")[0], returned.answer


RATES = invented_passage(
    "Điều 2. Mức hỗ trợ\n\n"
    "| TT | Loại | Mức hỗ trợ |\n"
    "|---|---|---|\n"
    "| 1 | Súng săn | 1.500.000 đồng/khẩu |\n"
    "| 2 | Súng hơi, súng tự chế có tính năng tương tự súng săn | 700.000 đồng/khẩu |\n"
    "| 3 | Công cụ hỗ trợ (roi điện, bình xịt hơi cay) | 250.000 đồng/chiếc |",
    "nq.html",
    title="Nghị quyết số 09/2031/NQ-HĐND quy định mức hỗ trợ người dân tự nguyện giao nộp vũ khí",
    kind="nghị quyết",
    province="Yên Bái",
    year=2031,
    directive_numbers=("09/2031/NQ-HĐND",),
)


def test_a_rate_row_named_whole_outranks_one_sharing_a_stray_word() -> None:
    """The "tự" of "tự nguyện" names no "tự chế" nor "tương tự": "Súng săn", named word
    for word, is the row."""
    answer = ExtractiveAnswerer().build(
        "Ở Yên Bái người dân tự nguyện nộp một khẩu súng săn được hỗ trợ bao nhiêu tiền?",
        [RATES],
    )
    first = answer.answer.split("[1]")[0]
    assert "1.500.000" in first and "700.000" not in answer.answer, answer.answer


def test_kinds_asked_with_their_rate_are_one_question() -> None:
    """ "những loại công cụ hỗ trợ nào ... và mức bao nhiêu": the row of those kinds gives
    both, the rate of what the first part names (a count asked first is a question of its
    own)."""
    question = (
        "Theo NQ 09/2031 tỉnh Yên Bái, những loại công cụ hỗ trợ nào được hỗ trợ và mức bao nhiêu?"
    )
    assert split_asks(question) == [question]
    assert len(split_asks("Tỉnh A có bao nhiêu tổ, mức hỗ trợ bao nhiêu?")) == 2
    answer = ExtractiveAnswerer().build(question, [RATES])
    assert "roi điện" in answer.answer and "250.000" in answer.answer, answer.answer


def test_both_ends_of_a_resolutions_time_in_force_are_given_when_asked() -> None:
    resolution = invented_passage(
        "Điều 5. Hiệu lực thi hành\n\nNghị quyết này có hiệu lực từ ngày 01 tháng 9 năm 2031 "
        "đến hết ngày 31 tháng 12 năm 2034.",
        "nq.html",
        title="Nghị quyết số 11/2031/NQ-HĐND hỗ trợ người mãn hạn tù",
        kind="nghị quyết",
        province="Yên Bái",
        year=2031,
        directive_numbers=("11/2031/NQ-HĐND",),
    )
    span = ExtractiveAnswerer().build(
        "NQ 11/2031/NQ-HĐND Yên Bái áp dụng từ ngày nào đến ngày nào?", [resolution]
    )
    assert span.answer.startswith("01/09/2031 - 31/12/2034. "), span.answer
    start = ExtractiveAnswerer().build("NQ 11/2031 Yen Bai ap dung tu ngay nao", [resolution])
    assert start.answer.startswith("01/09/2031. "), start.answer


def test_a_counted_noun_is_matched_without_its_cause() -> None:
    assert without_cause("hộ dân vì bão lũ") == "hộ dân"
    assert without_cause("ho dan vi bao lu") == "ho dan"
    assert without_cause("hộ dân vi bao lũ") == "hộ dân"  # "vì" the restorer left bare
    assert without_cause("người vi phạm nồng độ cồn") == "người vi phạm nồng độ cồn"
    assert without_cause("nguoi vi pham nong do con") == "nguoi vi pham nong do con"
    storm = invented_passage(
        "Mùa mưa bão năm 2031, Ban Chỉ huy huyện đã huy động 900 lượt cán bộ, chiến sĩ; tổ "
        "chức sơ tán 1.312 hộ/4.020 nhân khẩu đến nơi an toàn; cứu được 17 người.",
        "ct.txt",
        title="Chỉ thị về phòng, chống thiên tai năm 2032",
        kind="chỉ thị",
        province="Yên Bái",
        district="Văn Chấn",
        year=2032,
    )
    answer = ExtractiveAnswerer().build(
        "năm 2031 huyện Văn Chấn phải sơ tán bao nhiêu hộ dân vì bão lũ?", [storm]
    )
    assert "1.312 hộ" in answer.answer.split("[1]")[0], answer.answer


def test_kinds_listed_before_what_a_column_counts_rank_by_it() -> None:
    """ "nhiều ghe, xuồng máy chở khách nhất": one question (the "máy" of "xuồng máy" asks
    nothing), ranked by "Phương tiện thủy chở khách", which alone holds its words."""
    question = "Ở Lục Yên xã nào có nhiều ghe, xuồng máy chở khách nhất?"
    assert split_asks(question) == [question]
    boats = invented_passage(
        "Số liệu năm 2031 theo địa bàn:\n\n"
        "| Địa bàn | Cơ sở lưu trú (cơ sở) | Phương tiện thủy chở khách (chiếc) | Lượt kiểm tra |\n"
        "|---|---|---|---|\n"
        "| Xã Vĩnh Kiên | 40 | 12 | 30 |\n"
        "| Xã Tân Lĩnh | 9 | 35 | 4 |\n"
        "| Toàn huyện | 49 | 47 | 34 |",
        "qc.txt",
        title="Quy chế phối hợp bảo đảm an ninh, trật tự du lịch hồ Thác Bà",
        kind="quy chế",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(question, [boats])
    assert "Tân Lĩnh" in answer.answer.split("[1]")[0], answer.answer


def test_a_change_against_the_year_before_is_told_by_the_account_not_a_verdict() -> None:
    report = invented_passage(
        "1. Kết quả: phát hiện 44 vụ/50 đối tượng sử dụng xung điện (kích điện) đánh bắt cá "
        "trên đồng ruộng ngập, tăng 9 vụ (+25,71%) so với năm 2030; thu giữ 31 bộ xung điện."
        "\n\n2. Chỉ tiêu:\n\n- Giảm 10% số vụ đánh bắt cá bằng kích điện: chưa đạt (tăng "
        "25,71%).",
        "bc.txt",
        title="Báo cáo kết quả bảo đảm an ninh, trật tự mùa lũ năm 2031 huyện Yên Bình",
        province="Yên Bái",
        district="Yên Bình",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Đánh bắt cá bằng kích điện ở Yên Bình mùa lũ 2031 so với năm trước thế nào?", [report]
    )
    assert "44 vụ/50 đối tượng" in answer.answer.split("[1]")[0], answer.answer


def test_a_dateline_with_the_pages_buttons_is_dropped() -> None:
    page = (
        "Tỉnh thông qua nghị quyết hỗ trợ người mãn hạn tù\n\n"
        "Đăng ngày 02/08/2031 09:15 | Lượt xem: 1.204 | Chia sẻ | In trang | Gửi email\n\n"
        "Tại kỳ họp thứ Mười, HĐND tỉnh đã thông qua Nghị quyết số 11/2031/NQ-HĐND quy định "
        "chính sách hỗ trợ người mãn hạn tù trở về địa phương giai đoạn 2031 - 2034."
    )
    cleaned = clean_text(page)
    assert "Lượt xem" not in cleaned and "Tại kỳ họp thứ Mười" in cleaned, cleaned


ARRESTS = invented_passage(
    "| Địa bàn | Vụ người dân tham gia bắt giữ | Đối tượng bị bắt giữ | Người được khen thưởng "
    "| Người bị thương |\n"
    "|---|---|---|---|---|\n"
    "| Thành phố Lào Cai | 40 | 52 | 80 | 2 |\n"
    "| Huyện Bát Xát | 12 | 15 | 20 | 6 |\n"
    "| Huyện Sa Pa | 25 | 30 | 41 | 1 |",
    "nq.html",
    title="Nghị quyết số 14/2032/NQ-HĐND hỗ trợ người dân tham gia bắt giữ tội phạm",
    kind="nghị quyết",
    province="Lào Cai",
    year=2032,
)


def test_people_hurt_while_doing_something_rank_by_the_column_of_those_hurt() -> None:
    """ "nhiều người dân bị thương khi tham gia bắt giữ nhất": when they were hurt is no part
    of the noun ranked, and people are counted in "Người bị thương", not in the column of
    cases their head words open ("Vụ người dân tham gia bắt giữ")."""
    answer = ExtractiveAnswerer().build(
        "Ở Lào Cai địa bàn nào có nhiều người dân bị thương khi tham gia bắt giữ tội phạm nhất?",
        [ARRESTS],
    )
    assert "Bát Xát" in answer.answer.split("[1]")[0], answer.answer
    assert analyse("xã nào thu hồi nhiều vũ khí nhất").counted.unit == "vũ khí"


def test_a_table_under_a_note_is_dated_by_the_caption_above_the_note() -> None:
    """ "PHỤ LỤC: Số liệu năm 2031" / "(Kèm theo Tờ trình ...)" / the table cut into its own
    passage: its rows are of 2031, though the resolution is of 2032."""
    caption = (
        "Điều 5. Hiệu lực thi hành\n\nNghị quyết có hiệu lực từ ngày 01/01/2033.\n\n"
        "PHỤ LỤC: Số liệu người dân tham gia bắt giữ tội phạm năm 2031\n\n"
        "(Kèm theo Tờ trình số 77/TTr-UBND ngày 02/10/2032 của UBND tỉnh)\n\n"
    )
    library = document_in_parts("nq.html", [caption, ARRESTS.text], ARRESTS.metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "Năm 2031 ở Lào Cai địa bàn nào có nhiều người được khen thưởng nhất?",
        library.passages[1:],
    )
    assert "Thành phố Lào Cai" in answer.answer.split("[1]")[0], answer.answer


def test_whether_something_happened_is_told_by_the_clause_naming_it() -> None:
    """ "có vụ cháy nào không": "Không" from "không xảy ra cháy, nổ", not "Có" from a table
    row of the month's other cases ("vụ" is the counter, not what is asked)."""
    report = invented_passage(
        "| Nội dung | Tháng 10/2031 | Từ đầu năm |\n|---|---|---|\n"
        "| Phạm pháp hình sự (vụ) | 04 | 19 |\n| Ma túy (vụ/đối tượng) | 01/02 | 07/09 |\n\n"
        "5. Phòng cháy, chữa cháy\n\n- Tháng 10: không xảy ra cháy, nổ.\n\n"
        "- Từ đầu năm: xảy ra 02 vụ cháy nhà dân, thiệt hại khoảng 40 triệu đồng.",
        "bc.txt",
        title="Báo cáo công tác bảo đảm an ninh, trật tự tháng 10 năm 2031 xã Bảo Hà",
        province="Lào Cai",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("Tháng 10/2031 xã Bảo Hà có vụ cháy nào không?", [report])
    assert answer.answer.startswith("Không. - Tháng 10: không xảy ra cháy"), answer.answer


def test_a_task_given_directly_to_a_body_names_the_body() -> None:
    """ "có giao nhiệm vụ trực tiếp cho MTTQ tỉnh không": how it is given, said between,
    leaves the body asked of."""
    for asked in (
        "Chỉ thị 08-CT/TU Lào Cai có giao nhiệm vụ trực tiếp cho MTTQ tỉnh không?",
        "ct 08 co giao nhiem vu truc tiep cho mttq tinh khong",
    ):
        assert analyse(asked).body == "mat tran to quoc", asked


def test_a_month_singled_out_counts_what_its_section_counts() -> None:
    """ "Riêng tháng 12/2031 xảy ra 17 vụ" opening its paragraph counts the section's traffic
    accidents ("I. TÌNH HÌNH TAI NẠN GIAO THÔNG"), not the holiday's figure that names them."""
    parts = [
        "BÁO CÁO\n\nKết quả công tác năm 2031 của Phòng PC08\n\n"
        "I. TÌNH HÌNH TAI NẠN GIAO THÔNG\n\n"
        "Năm 2031, trên địa bàn tỉnh xảy ra 140 vụ tai nạn giao thông (TNGT), làm chết 98 "
        "người, bị thương 77 người.\n\nTrong 07 ngày nghỉ Tết Nguyên đán xảy ra 05 vụ TNGT, "
        "làm chết 04 người.\n\nTrong đó:\n\n- Đường bộ: 135 vụ, chết 95 người.\n\n"
        "- Đường sắt: 3 vụ, chết 2 người.\n\n- Đường thủy nội địa: 2 vụ, chết 1 người.\n\n",
        "Riêng tháng 12/2031 (từ ngày 15/11 đến ngày 14/12/2031) xảy ra 17 vụ, làm chết 12 "
        "người, bị thương 9 người; so với cùng kỳ tăng 02 vụ.",
    ]
    metadata = DocumentMetadata(
        title="Báo cáo kết quả công tác năm 2031 của Phòng PC08",
        kind="báo cáo",
        province="Lào Cai",
        year=2031,
    )
    library = document_in_parts("bc.md", parts, metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "TNGT Lao Cai thang 12/2031", library.passages
    )
    assert "17 vụ" in answer.answer.split("[1]")[0], answer.answer


def test_a_documents_proposals_asked_of_it_are_its_proposed_bodies() -> None:
    """ "KH 21 đề nghị những tổ chức nào phối hợp?": the plan's "Đề nghị ..." item, not a
    clause quoting a proposal made to the body that issued it ("xét đề nghị của ...")."""
    plan = invented_passage(
        "Căn cứ Luật Trẻ em năm 2016; Luật Tổ chức chính quyền địa phương năm 2015; xét đề "
        "nghị của Giám đốc Công an tỉnh tại Tờ trình số 88/TTr-CAT về phối hợp tổ chức thực "
        "hiện, Ủy ban nhân dân tỉnh ban hành Kế hoạch phòng, chống xâm hại trẻ em như sau:\n\n"
        "6. Công an tỉnh chủ trì, phối hợp với Sở Giáo dục và Đào tạo, các tổ chức chính trị "
        "- xã hội tổ chức tuyên truyền phòng, chống xâm hại trẻ em; phối hợp với các tổ chức "
        "đoàn thể xử lý nghiêm các vụ việc.\n\n"
        "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh Đoàn, Hội Liên hiệp Phụ nữ "
        "tỉnh phối hợp tuyên truyền, vận động hội viên tham gia bảo vệ trẻ em.",
        "kh.md",
        title="Kế hoạch số 21/KH-UBND phòng, chống xâm hại trẻ em năm 2031",
        kind="kế hoạch",
        province="Lào Cai",
        year=2031,
        directive_numbers=("21/KH-UBND",),
    )
    answer = ExtractiveAnswerer().build(
        "KH 21 của Lào Cai đề nghị những tổ chức nào phối hợp?", [plan]
    )
    assert answer.answer.split("[1]")[0].lstrip().startswith("7. Đề nghị"), answer.answer
