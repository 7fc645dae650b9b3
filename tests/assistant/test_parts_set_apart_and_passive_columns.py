"""A year's figure told before a part set apart with "riêng", a column naming the ranked noun
with what is done to it in the passive, a table's span over several years asked as one
half-year, and a recipients list laid out as a table beside the signature (invented
documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.periods import periods_in
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts, invented_passage

FIRES = invented_passage(
    "2. Tình hình cháy nổ\n\n"
    "Toàn tỉnh xảy ra 38 vụ cháy, giảm 05 vụ so với cùng kỳ, thiệt hại ước 4,2 tỷ đồng. "
    "Cháy nhà xưởng xảy ra 17 vụ, tăng 03 vụ so với cùng kỳ, thiệt hại 2,9 tỷ đồng; riêng "
    "6 tháng đầu năm xảy ra 08 vụ cháy nhà xưởng.",
    "bc.md",
    title="Báo cáo tổng kết công tác phòng cháy, chữa cháy năm 2031",
    kind="báo cáo",
    province="Bắc Kạn",
    year=2031,
)


def test_the_figure_before_a_part_set_apart_is_the_years() -> None:
    """ "X xảy ra 17 vụ ...; riêng 6 tháng đầu năm xảy ra 08 vụ": the 17 is
    the year's (the report's period), not the half year's."""
    answer = ExtractiveAnswerer().build("Cháy nhà xưởng ở Bắc Kạn năm 2031 bao nhiêu vụ?", [FIRES])
    assert "17 vụ" in answer.answer.split("[1]")[0], answer.answer
    # ... and a year the figure is compared with is not its own
    compared = invented_passage(
        FIRES.text.replace("tăng 03 vụ so với cùng kỳ", "tăng 03 vụ so với năm 2030"),
        "bc.md",
        title="Báo cáo tổng kết công tác phòng cháy, chữa cháy năm 2031",
        kind="báo cáo",
        province="Bắc Kạn",
        year=2031,
    )
    again = ExtractiveAnswerer().build(
        "Cháy nhà xưởng ở Bắc Kạn năm 2031 bao nhiêu vụ?", [compared]
    )
    assert "17 vụ" in again.answer.split("[1]")[0], again.answer
    # ... of the report's year, not of one only the part's dates name
    spring = invented_passage(
        FIRES.text.replace("6 tháng đầu năm", "mùa khô (từ ngày 15/12/2030 đến ngày 14/3/2031)"),
        "bc.md",
        title="Báo cáo tổng kết công tác phòng cháy, chữa cháy năm 2031",
        kind="báo cáo",
        province="Bắc Kạn",
        year=2031,
    )
    earlier = ExtractiveAnswerer().build(
        "Cháy nhà xưởng ở Bắc Kạn năm 2030 bao nhiêu vụ?", [spring]
    )
    assert "17 vụ" not in earlier.answer, earlier.answer


HERDS = invented_passage(
    "Bảng: Kết quả phòng, chống trộm cắp tài sản năm 2031 theo đơn vị\n\n"
    "| Đơn vị | Vụ trộm cắp xe máy | Xe máy bị mất (chiếc) | Đối tượng bị bắt |\n"
    "|---|---|---|---|\n"
    "| Huyện Ba Bể | 12 | 15 | 9 |\n"
    "| Huyện Chợ Đồn | 18 | 11 | 14 |\n"
    "| Huyện Na Rì | 9 | 21 | 6 |",
    "bc.md",
    title="Báo cáo kết quả công tác bảo đảm an ninh, trật tự năm 2031",
    kind="báo cáo",
    province="Bắc Kạn",
    year=2031,
)


def test_a_deed_done_to_the_ranked_noun_names_its_passive_column() -> None:
    """ "huyện nào mất nhiều xe máy nhất": "Xe máy bị mất", not the cases of theft ("Vụ
    trộm cắp xe máy"), which names the noun too."""
    answer = ExtractiveAnswerer().build(
        "huyen nao o Bac Kan mat nhieu xe may nhat nam 2031", [HERDS]
    )
    assert "Na Rì" in answer.answer and "21" in answer.answer, answer.answer
    cases = ExtractiveAnswerer().build(
        "Huyện nào ở Bắc Kạn có nhiều vụ trộm cắp xe máy nhất năm 2031?", [HERDS]
    )
    assert "Chợ Đồn" in cases.answer, cases.answer


ARMS = invented_passage(
    "Bảng: Kết quả thu hồi vũ khí từ năm 2027 đến ngày 30/6/2031\n\n"
    "| Đơn vị | Súng các loại (khẩu) | Kíp nổ (cái) |\n"
    "|---|---|---|\n"
    "| Huyện Pác Nặm | 41 | 120 |\n"
    "| Huyện Ngân Sơn | 26 | 75 |",
    "nq.md",
    title="Nghị quyết quy định mức chi hỗ trợ thu hồi vũ khí",
    kind="nghị quyết",
    province="Bắc Kạn",
    year=2031,
)


def test_a_span_over_several_years_is_no_half_year_of_one() -> None:
    """A table summed from 2027 to mid-2031 does not give the first half of 2031."""
    assert periods_in("từ năm 2027 đến ngày 30/6/2031") == {"years-span"}
    assert periods_in("từ 2029 đến nay") == {"years-span"}
    assert periods_in("từ tháng 3/2029 đến tháng 8/2030") == {"years-span"}
    assert periods_in("từ năm 2031 đến năm 2031") == set()
    # ... not a police year's months, nor a season's from one year to the next
    assert "years-span" not in periods_in("từ ngày 15/12/2030 đến ngày 14/9/2031")
    assert periods_in("từ tháng 12/2030 đến tháng 5/2031") == set()
    answer = ExtractiveAnswerer().build(
        "Pac Nam 6 thang dau nam 2031 thu hoi bao nhieu sung", [ARMS]
    )
    assert answer.refused, answer.answer
    whole = ExtractiveAnswerer().build(
        "Huyện Pác Nặm thu hồi bao nhiêu súng từ năm 2027 đến ngày 30/6/2031?", [ARMS]
    )
    assert "41" in whole.answer, whole.answer


PROPOSALS = invented_passage(
    "V. ĐỀ XUẤT, KIẾN NGHỊ\n\n"
    "- Đề nghị Bộ Công an trang bị bổ sung 02 xuồng cứu nạn.\n"
    "- Đề nghị UBND tỉnh bố trí 3,4 tỷ đồng sửa chữa trụ sở đội chữa cháy.\n\n"
    "| Nơi nhận: | KT. GIÁM ĐỐC |\n"
    "|---|---|\n"
    "| - Bộ Công an; | PHÓ GIÁM ĐỐC |\n"
    "| - Lưu: VT. | (đã ký) |",
    "bc.md",
    title="Báo cáo tổng kết công tác phòng cháy, chữa cháy năm 2031",
    kind="báo cáo",
    province="Bắc Kạn",
    year=2031,
)


def test_a_recipients_list_laid_out_as_a_table_is_not_quoted_with_the_items() -> None:
    answer = ExtractiveAnswerer().build(
        "Công an tỉnh Bắc Kạn kiến nghị bổ sung những gì?", [PROPOSALS]
    )
    assert "02 xuồng" in answer.answer, answer.answer
    assert "Nơi nhận" not in answer.answer, answer.answer


def test_the_item_filed_as_the_cause_after_a_shortcoming_answers_why() -> None:
    """ "Vì sao X còn thấp?": the "- Nguyên nhân: ..." item right after the item telling X
    (in the next passage, where a chunk's cut fell between them), not X's own item, which
    gives another shortfall's cause with "do"."""
    metadata = DocumentMetadata(
        title="Báo cáo kết quả công tác quản lý cư trú năm 2031",
        kind="báo cáo",
        province="Lai Châu",
        year=2031,
    )
    document = document_in_parts(
        "bc.md",
        [
            "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n\n"
            "- Tỷ lệ cấp thẻ căn cước cho người cao tuổi ở huyện Mường Tè (61,2%) còn thấp; "
            "còn 0,4% hồ sơ trễ hạn do máy chủ gián đoạn.",
            "\n- Nguyên nhân: bản làng cách xa trung tâm, nhiều người già không đi lại được.",
        ],
        metadata,
    )
    answer = ExtractiveAnswerer().build(
        "Vì sao tỷ lệ cấp thẻ căn cước cho người cao tuổi ở Lai Châu còn thấp?",
        document.passages,
    )
    assert answer.answer.startswith("- Nguyên nhân: bản làng"), answer.answer
