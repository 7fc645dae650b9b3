"""A row named bare under a header of communes, goods "nhập lậu" asked "lậu", a share read
from its column, a body asked before its role, a document's term in force, the column
counting the ranked noun, a search compared "so cùng kỳ", a share of a noun that is no
number of it, the labelled item of the kind asked, methods asked "diễn ra thế nào", rates
"theo NQ mới và NQ cũ" and the police departments asked together (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.bodies import names_body
from assistant.extractive.former_rates import split_former
from assistant.extractive.labels import METHODS, asked_label
from assistant.extractive.question import QuestionType, analyse
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts, invented_passage

CAGES = invented_passage(
    "PHỤ LỤC. Bè nuôi cá và tàu thuyền trên sông theo xã (tháng 6/2031)\n\n"
    "| Xã | Bè nuôi cá (bè) | Tàu thuyền (chiếc) |\n|---|---:|---:|\n"
    "| Hương Nộn | 1.420 | 31 |\n| Dị Nậu | 875 | 12 |\n| Thượng Nông | 2.310 | 46 |\n"
    "| Cộng | 4.605 | 89 |",
    "qc.md",
    title="Quy chế phối hợp quản lý trật tự trên sông năm 2031 của huyện Tam Nông",
    kind="quy chế",
    province="Phú Thọ",
    district="Tam Nông",
    year=2031,
)


def test_a_commune_named_with_its_district_is_a_row_named_bare_under_a_header_of_communes() -> None:
    answer = ExtractiveAnswerer().build("Số bè nuôi cá xã Dị Nậu huyện Tam Nông", [CAGES])
    assert "875" in answer.answer.split("[1]")[0], answer.answer


def test_goods_brought_in_unlawfully_are_the_goods_asked_lau() -> None:
    seized = invented_passage(
        "Từ đầu năm 2031, Công an xã phát hiện 6 vụ, thu giữ 1.150 kg đường cát Thái nhập "
        "lậu, 300 lít rượu không rõ nguồn gốc; xử phạt 41 triệu đồng.",
        "bc.txt",
        title="Báo cáo công tác năm 2031 của Công an xã Tân Lập",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Công an xã Tân Lập thu giữ bao nhiêu đường cát lậu năm 2031?", [seized]
    )
    assert "1.150 kg" in answer.answer, answer.answer


SOLVED = invented_passage(
    "| Đơn vị | Số vụ (vụ) | Tỷ lệ làm rõ (%) | Chỉ tiêu năm 2031 (%) |\n"
    "|---|---:|---:|---:|\n| Huyện Thanh Sơn | 2.104 | 61,3 | 80 |\n"
    "| Huyện Yên Lập | 1.877 | 57,9 | 80 |\n| Huyện Tân Sơn | 1.402 | 49,6 | 75 |",
    "kh.md",
    title="Báo cáo kết quả điều tra, làm rõ tội phạm năm 2031",
    province="Phú Thọ",
    year=2031,
)


def test_a_share_asked_of_a_row_is_read_in_the_column_of_shares() -> None:
    answer = ExtractiveAnswerer().build("Tỷ lệ làm rõ của huyện Yên Lập là bao nhiêu?", [SOLVED])
    assert answer.answer.startswith("Tỷ lệ làm rõ (%), Huyện Yên Lập = 57,9"), answer.answer


def test_a_body_asked_whether_it_leads_is_the_one_before_given() -> None:
    asked = analyse("Đồn Biên phòng A Pa Chải có được giao chủ trì tuần tra không, làm những gì?")
    assert asked.body is not None and asked.body.startswith("don bien phong"), asked.body
    # ... and traffic is given nothing: "bị thương do tai nạn giao thông" names no body
    hurt = analyse("Số người bị thương do tai nạn giao thông năm 2031 tăng hay giảm, bao nhiêu?")
    assert hurt.type != QuestionType.DUTY and hurt.body is None


RESOLUTION = {
    "title": "Nghị quyết quy định mức hỗ trợ lực lượng bảo vệ an ninh ở cơ sở",
    "kind": "nghị quyết",
    "province": "Phú Thọ",
    "year": 2031,
}


def test_until_when_a_resolution_applies_is_its_end_in_force_as_dates_are_typed() -> None:
    text = (
        "Điều 4. Hiệu lực thi hành\n\nNghị quyết này có hiệu lực từ ngày 15 tháng 8 năm 2031 "
        "đến hết ngày 31 tháng 12 năm 2033."
    )
    resolution = invented_passage(text, "nq.html", **RESOLUTION)
    answer = ExtractiveAnswerer().build(
        "NQ hỗ trợ lực lượng bảo vệ của HĐND Phú Thọ áp dụng đến khi nào?", [resolution]
    )
    assert answer.answer.startswith("31/12/2033. Nghị quyết này"), answer.answer
    # ... and its start, told after its passing
    passed = text.replace(
        "Nghị quyết này có hiệu lực",
        "Nghị quyết này được HĐND tỉnh khóa XX, Kỳ họp thứ 9 thông qua ngày 20 tháng 7 năm "
        "2031 và có hiệu lực",
    )
    answer = ExtractiveAnswerer().build(
        "NQ hỗ trợ lực lượng bảo vệ của HĐND Phú Thọ có hiệu lực từ ngày nào?",
        [invented_passage(passed, "nq.html", **RESOLUTION)],
    )
    assert answer.answer.startswith("15/08/2031. "), answer.answer


def test_the_column_counting_the_ranked_noun_wins_a_tie_of_words() -> None:
    fires = invented_passage(
        "| Đơn vị | Vụ cháy nhà (vụ) | Nhà bị cháy (căn) |\n|---|---:|---:|\n"
        "| Huyện Hạ Hòa | 9 | 11 |\n| Huyện Cẩm Khê | 12 | 13 |\n| Huyện Đoan Hùng | 7 | 19 |",
        "bc.md",
        title="Báo cáo công tác phòng cháy năm 2031",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Ở Phú Thọ địa bàn nào có số nhà bị cháy nhiều nhất năm 2031?", [fires]
    )
    assert answer.answer.startswith("Nhà bị cháy (căn), Huyện Đoan Hùng = 19"), answer.answer


def test_a_search_compared_with_the_same_period_asks_the_figure_and_its_change() -> None:
    assert analyse("ma tuy huyen Ha Hoa 9 thang 2031 so cung ky").type == QuestionType.COUNT
    drugs = invented_passage(
        "9 tháng năm 2031, Công an huyện Hạ Hòa phát hiện 18 vụ phạm tội về ma túy, bắt "
        "27 đối tượng, thu giữ 41 gam heroin; tăng 04 vụ (+28,6%) so với cùng kỳ năm 2030.",
        "bc.txt",
        title="Báo cáo công tác 9 tháng năm 2031 của Công an huyện Hạ Hòa",
        province="Phú Thọ",
        district="Hạ Hòa",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Ma túy huyện Hạ Hòa 9 tháng 2031 phát hiện bao nhiêu vụ, so cùng kỳ?", [drugs]
    )
    assert "tăng 04 vụ (+28,6%)" in answer.answer.split("[1]")[0], answer.answer


def test_a_share_of_a_noun_is_no_number_of_it() -> None:
    targets = invented_passage(
        "2. Chỉ tiêu năm 2031:\n\n- Giảm ít nhất 10% số vụ đuối nước so với năm 2030; 100% "
        "vụ đuối nước được thông tin kịp thời về xã.",
        "kh.md",
        title="Kế hoạch phòng, chống đuối nước năm 2031",
        kind="kế hoạch",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("Số vụ đuối nước tỉnh Phú Thọ cả năm 2031", [targets])
    assert answer.refused, answer.answer


def test_of_labelled_items_under_a_heading_the_one_of_the_asked_kind() -> None:
    """The heading ends one passage and its items, each labelled, fill the next."""
    metadata = DocumentMetadata(
        title="Báo cáo tình hình tội phạm xâm phạm sở hữu năm 2031",
        province="Phú Thọ",
        year=2031,
    )
    document = document_in_parts(
        "bc.md",
        [
            "Năm 2031 xảy ra 214 vụ xâm phạm sở hữu.\n\n3. Phương thức, thủ đoạn.",
            "\n- Trộm cắp xe máy: đối tượng dùng vam phá khóa xe dựng ở chợ, bến xe.\n"
            "- Lừa đảo qua mạng: đối tượng giả nhân viên ngân hàng nhắn tin mời vay, "
            "yêu cầu nộp phí hồ sơ trước.\n"
            "- Cướp giật: hai đối tượng đi xe máy giật túi xách của người đi bộ.\n\n"
            "4. Nguyên nhân. Người dân còn chủ quan.",
        ],
        metadata,
    )
    answer = ExtractiveAnswerer(library=document).build(
        "Thủ đoạn cướp giật ở Phú Thọ năm 2031 là gì?", document.passages[:1]
    )
    assert "giật túi xách" in answer.answer, answer.answer
    assert "vam phá khóa" not in answer.answer, answer.answer


def test_how_an_offence_goes_on_asks_its_methods_not_how_things_stand() -> None:
    how = asked_label(analyse("Trộm cắp xe máy ở huyện Hạ Hòa diễn ra thế nào?"))
    assert how is not None and how.words == METHODS
    assert asked_label(analyse("Tình hình trộm cắp ở huyện Hạ Hòa diễn ra thế nào?")) is None


def test_rates_asked_by_the_new_and_the_old_resolution() -> None:
    assert split_former("muc ho tro to truong to bao ve theo nghi quyet moi va nghi quyet cu") == (
        "muc ho tro to truong to bao ve?"
    )


def test_the_police_departments_asked_together_are_each_one_named_with_its_code() -> None:
    asked = "phong nghiep vu cong an"
    assert names_body(asked, "b) Phòng Cảnh sát kinh tế (PC03) kiểm tra các cơ sở cầm đồ;")
    assert names_body(
        asked,
        "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (PC07) kiểm tra các cơ "
        "sở karaoke.",
    )
    assert not names_body(asked, "c) Sở Tài chính bố trí kinh phí cho đợt cao điểm.")
    assert not names_body(asked, "Đề nghị Phòng Tư pháp huyện phối hợp (PC03 chủ trì).")


def test_a_lead_in_over_labelled_items_is_no_item_of_its_own() -> None:
    """ "- Nguyên nhân chủ yếu:" over "+ X: 12 vụ;" items: all its items, not the lead-in
    alone for holding the asked words, nor the item "các nguyên nhân khác" for holding the
    label's."""
    fires = invented_passage(
        "Năm 2031 toàn tỉnh xảy ra 64 vụ cháy.\n\n- Nguyên nhân chủ yếu:\n\n"
        "+ sự cố hệ thống điện: 31 vụ;\n\n+ sơ suất khi đun nấu: 18 vụ;\n\n"
        "+ các nguyên nhân khác: 15 vụ.",
        "bc.txt",
        title="Báo cáo công tác phòng cháy năm 2031",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("nguyen nhan chu yeu gay chay o Phu Tho nam 2031", [fires])
    assert "sự cố hệ thống điện" in answer.answer and "sơ suất" in answer.answer, answer.answer


def test_a_former_rate_told_as_risen_from_it_is_the_old_rate() -> None:
    """ "So với Nghị quyết số ..., mức ... tăng từ X lên Y" tells the old rate; a person
    "cư trú" (living) somewhere is no "cũ" (old) rate."""
    resolution = invented_passage(
        "| STT | Nội dung chi | Mức chi |\n|---|---|---:|\n"
        "| 1 | Hỗ trợ tổ viên tổ tự quản về an ninh | 250.000 đồng/người/tháng |\n\n"
        "2. Tổ viên cư trú tại các xã biên giới được hỗ trợ thêm 20% so với mức quy định "
        "tại khoản 1.\n\n"
        "3. So với Nghị quyết số 05/2028/NQ-HĐND, mức hỗ trợ tổ viên tổ tự quản tăng từ "
        "150.000 đồng/người/tháng lên 250.000 đồng/người/tháng.",
        "nq.html",
        **RESOLUTION,
    )
    answer = ExtractiveAnswerer().build(
        "Theo NQ mới của HĐND Phú Thọ, tổ viên tổ tự quản được hỗ trợ bao nhiêu một tháng, "
        "so với mức cũ?",
        [resolution],
    )
    assert "150.000 đồng/người/tháng" in answer.answer, answer.answer
