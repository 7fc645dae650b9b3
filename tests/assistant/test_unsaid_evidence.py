"""Questions about something the evidence names but does not tell: a document only cited
by its number, a quarter of a year's report, a commune that shares its name with a road, a
named village or border post a table does not list, an event no column counts. Each is
refused (with what the documents do have, where that helps), and the question the
documents do answer still is (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts


def _passage(source: str, text: str, metadata: DocumentMetadata) -> Passage:
    return Passage(f"{source}#0", source, text, 0, len(text), 0.5, metadata)


AWARD = (
    "Số: 512/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nVề việc tặng Bằng khen\n\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n\n"
    "Căn cứ Quyết định số 21/2029/QĐ-UBND ngày 03 tháng 4 năm 2029 của Ủy ban nhân dân tỉnh "
    "ban hành Quy chế về công tác thi đua, khen thưởng trên địa bàn tỉnh;\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Tặng Bằng khen cho 12 tập thể và 25 cá nhân có thành tích trong phong trào.\n\n"
    "Điều 2. Mức tiền thưởng\n\n"
    "1. Mỗi tập thể được tặng Bằng khen kèm theo tiền thưởng 4.500.000 đồng; mỗi cá nhân "
    "được tặng Bằng khen kèm theo tiền thưởng 2.250.000 đồng."
)


def test_what_a_document_only_cited_lays_down_is_not_the_citing_ones() -> None:
    """ "Theo Quyết định số X, cá nhân được thưởng bao nhiêu?" where X is only the legal
    basis of another decision: that decision's own reward is no answer (the test below is
    the other side: a paragraph telling what X lays down)."""
    metadata = DocumentMetadata(
        title="Quyết định về việc tặng Bằng khen", year=2029,
        directive_numbers=("512/QĐ-UBND", "21/2029/QĐ-UBND"),  # its own first, as read
    )  # fmt: skip
    library = document_in_parts("qd.txt", [AWARD], metadata)
    answerer = ExtractiveAnswerer(library=library)
    question = "Theo Quyết định 21/2029/QĐ-UBND, mỗi cá nhân được thưởng bao nhiêu tiền?"
    answer = answerer.build(question, library.passages)
    assert answer.refused, answer.answer
    assert "21/2029/QĐ-UBND" in answer.answer  # what the documents do have: its mention
    own = answerer.build("Mỗi cá nhân được tặng Bằng khen thưởng bao nhiêu tiền?", library.passages)
    assert "2.250.000 đồng" in own.answer, own.answer


def test_a_document_only_cited_answers_where_its_paragraph_tells_of_it() -> None:
    """ "UBND tỉnh ban hành Quyết định số X ... Theo quyết định, tỉnh có 1.204 Tổ": the
    paragraph citing it tells what it lays down."""
    news = (
        "Lễ ra mắt lực lượng bảo vệ an ninh, trật tự ở cơ sở diễn ra sáng 1-7.\n\n"
        "Ngày 18-6, HĐND tỉnh thông qua Nghị quyết số 27/2029/NQ-HĐND về mức hỗ trợ.\n\n"
        "Tiếp đó, UBND tỉnh ban hành Quyết định số 21/2029/QĐ-UBND ngày 27/6/2029 về số "
        "lượng Tổ và thành viên. Theo quyết định, toàn tỉnh có 1.204 Tổ bảo vệ an ninh, trật "
        "tự với tổng số 3.612 thành viên."
    )
    metadata = DocumentMetadata(
        title="Ra mắt lực lượng bảo vệ ANTT ở cơ sở", year=2029, kind="tin bài",
        directive_numbers=("27/2029/NQ-HĐND", "21/2029/QĐ-UBND"),
    )  # fmt: skip
    library = document_in_parts("tin.txt", [news], metadata)
    question = "Theo Quyết định 21/2029/QĐ-UBND, tỉnh có tổng số bao nhiêu thành viên Tổ?"
    answer = ExtractiveAnswerer(library=library).build(question, library.passages)
    assert "3.612 thành viên" in answer.answer, answer.answer


YEAR_REPORT = (
    "1. Đấu tranh, bắt giữ\n\n"
    "Toàn lực lượng đã phát hiện, bắt giữ 212 vụ/305 đối tượng phạm tội về ma túy, tăng 14 "
    "vụ so với cùng kỳ."
)


def test_a_quarter_is_not_answered_by_a_year_report_figure() -> None:
    """A report of a year's results names no part of the year where it gives a figure: the
    figure is the year's, not a quarter's asked of; the near miss says so."""
    metadata = DocumentMetadata(
        title="Báo cáo kết quả công tác phòng, chống ma túy năm 2029", year=2029, kind="báo cáo"
    )
    passage = _passage("bc.md", YEAR_REPORT, metadata)
    answerer = ExtractiveAnswerer()
    quarter = answerer.build("Quý III/2029 bắt được bao nhiêu vụ ma túy?", [passage])
    assert quarter.refused, quarter.answer
    assert "cả năm 2029" in quarter.answer
    year = answerer.build("Năm 2029 bắt được bao nhiêu vụ ma túy?", [passage])
    assert "212 vụ" in year.answer, year.answer


def test_a_commune_sharing_a_road_name_is_not_named_by_the_road() -> None:
    """ "Tuyến đường Cái Nước - Tân Hưng" names no commune Tân Hưng: a district's figure in
    the passage is not the commune's."""
    text = (
        "- Giải quyết 05 vụ khiếu kiện liên quan đến giải phóng mặt bằng tuyến đường Cái Nước "
        "- Tân Hưng.\n\n"
        "- 9 tháng đầu năm 2029 xảy ra 38 vụ phạm tội về trật tự xã hội, giảm 04 vụ so với "
        "cùng kỳ."
    )
    metadata = DocumentMetadata(title="Báo cáo 9 tháng năm 2029", year=2029, kind="báo cáo")
    passage = _passage("bc.txt", text, metadata)
    question = "xa Tan Hung 9 thang 2029 xay ra bao nhieu vu pham toi ve trat tu xa hoi"
    answer = ExtractiveAnswerer().build(question, [passage])
    assert answer.refused, answer.answer
    named = text.replace("tuyến đường Cái Nước - Tân Hưng", "xã Phú Mỹ và xã Tân Hưng")
    named = named.replace("- 9 tháng đầu năm 2029 xảy ra", "- Riêng xã Tân Hưng 9 tháng xảy ra")
    answer = ExtractiveAnswerer().build(question, [_passage("bc.txt", named, metadata)])
    assert "38 vụ" in answer.answer, answer.answer


COASTAL = (
    "Kết quả phát hiện, xử lý năm 2029 theo địa phương:\n\n"
    "| Địa phương | Buôn lậu trên biển (vụ) | Ma túy (vụ) | Khai thác cát trái phép (vụ) |\n"
    "|---|---:|---:|---:|\n"
    "| Huyện Vân Đồn | 41 | 9 | 6 |\n"
    "| Huyện Cô Tô | 12 | 2 | 1 |\n"
    "| **Toàn tỉnh** | **53** | **11** | **7** |"
)


def test_an_event_no_column_counts_is_not_read_in_one_sharing_its_qualifier() -> None:
    """ "vụ xuất nhập cảnh trái phép": "Khai thác cát trái phép (vụ)" shares "vụ" and "trái
    phép", not the event; the event a column names is still read in it without its verb."""
    metadata = DocumentMetadata(title="Chỉ thị về vùng biển, đảo", year=2030, province="Quảng Ninh")
    passage = _passage("ct.md", COASTAL, metadata)
    answerer = ExtractiveAnswerer()
    absent = answerer.build(
        "Huyện Vân Đồn năm 2029 có bao nhiêu vụ xuất nhập cảnh trái phép?", [passage]
    )
    assert absent.refused, absent.answer
    column = answerer.build(
        "Huyện Vân Đồn năm 2029 có bao nhiêu vụ khai thác cát trái phép?", [passage]
    )
    assert "Huyện Vân Đồn = 6" in column.answer, column.answer


CRAFT_VILLAGES = (
    "- Lực lượng Cảnh sát PCCC đã kiểm tra 1.726 lượt cơ sở tại các làng nghề, phát hiện 409 "
    "cơ sở chưa bảo đảm điều kiện an toàn PCCC.\n\n"
    "Kết quả kiểm tra an toàn PCCC tại các làng nghề năm 2029:\n\n"
    "| TT | Làng nghề | Cơ sở sản xuất (cơ sở) | Cơ sở chưa bảo đảm PCCC |\n"
    "|---|---|---:|---:|\n"
    "| 1 | Làng gỗ Đồng Kỵ | 1.240 | 312 |\n"
    "| 2 | Làng giấy Phong Khê | 486 | 97 |\n"
    "| | Cộng | 1.726 | 409 |"
)


def test_a_named_village_the_passage_does_not_name_is_not_answered_by_its_total() -> None:
    """ "Làng gốm A có bao nhiêu cơ sở chưa bảo đảm PCCC?" over a report of other villages:
    the count over all of them is no answer; a listed village is answered from its row."""
    metadata = DocumentMetadata(title="Kế hoạch PCCC làng nghề", year=2029, province="Bắc Ninh")
    passage = _passage("kh.md", CRAFT_VILLAGES, metadata)
    answerer = ExtractiveAnswerer()
    absent = answerer.build("Làng gốm Bát Tràng có bao nhiêu cơ sở chưa bảo đảm PCCC?", [passage])
    assert absent.refused, absent.answer
    listed = answerer.build("Làng giấy Phong Khê có bao nhiêu cơ sở chưa bảo đảm PCCC?", [passage])
    assert "97" in listed.answer, listed.answer


def test_a_district_named_with_a_facility_word_is_no_facility() -> None:
    """ "huyện Chợ Đồn", "Sông Mã": a district whose name opens with "chợ", "sông" is asked
    of as a place, and answered from its row (a guard on the facilities' reading above)."""
    text = (
        "| Đơn vị | Tổ bảo vệ ANTT ở cơ sở (tổ) |\n|---|---:|\n"
        "| Huyện Chợ Đồn | 187 |\n| Huyện Ba Bể | 145 |"
    )
    metadata = DocumentMetadata(title="Báo cáo năm 2029", year=2029, province="Bắc Kạn")
    passage = _passage("bc.md", text, metadata)
    question = "Số tổ bảo vệ ANTT ở cơ sở huyện Chợ Đồn Bắc Kạn là bao nhiêu?"
    answer = ExtractiveAnswerer().build(question, [passage])
    assert "187" in answer.answer, answer.answer


def test_a_counter_asked_alone_is_not_read_in_another_events_column() -> None:
    """ "TNGT hè 2029 ở TP A bao nhiêu vụ?": the counter stands alone, the event was named
    before it; "Đuối nước (vụ)" counts another event, "Số vụ" under a caption naming the
    event asked counts it."""
    beaches = (
        "| Địa bàn | Bãi tắm | Lượt khách hè 2029 (nghìn lượt) | Đuối nước (vụ) |\n"
        "|---|---:|---:|---:|\n"
        "| Huyện Xuyên Mộc | 6 | 1.240 | 2 |\n| Huyện Đất Đỏ | 3 | 515 | 1 |"
    )
    metadata = DocumentMetadata(title="Báo cáo hè 2029", year=2029, province="Bà Rịa - Vũng Tàu")
    answerer = ExtractiveAnswerer()
    question = "TNGT hè 2029 riêng huyện Xuyên Mộc bao nhiêu vụ?"
    absent = answerer.build(question, [_passage("bc.md", beaches, metadata)])
    assert absent.refused, absent.answer
    crashes = (
        "Tai nạn giao thông hè 2029 theo địa bàn:\n\n"
        "| Địa bàn | Số vụ | Người chết |\n|---|---:|---:|\n"
        "| Huyện Xuyên Mộc | 15 | 6 |\n| Huyện Đất Đỏ | 4 | 1 |"
    )
    counted = answerer.build(question, [_passage("bc.md", crashes, metadata)])
    assert "Huyện Xuyên Mộc = 15" in counted.answer, counted.answer


def test_a_lunar_new_year_asked_is_answered_only_by_a_passage_naming_it() -> None:
    """ "Dịp Tết Ất Tỵ ... bao nhiêu vụ?" over a report of the Tết Giáp Thìn campaign, or of
    the months after 1 July: their figures are not that holiday's."""
    text = (
        "Trong đợt cao điểm dịp Tết Nguyên đán Giáp Thìn, toàn tỉnh xảy ra 14 vụ tai nạn giao "
        "thông, làm chết 9 người.\n\n"
        "- Từ 01/7/2029: xảy ra 06 vụ tai nạn giao thông, chết 04 người."
    )
    metadata = DocumentMetadata(
        title="Báo cáo công tác bảo đảm TTATGT", year=2029, province="Lâm Đồng"
    )
    passage = _passage("bc.txt", text, metadata)
    answerer = ExtractiveAnswerer()
    other = answerer.build(
        "Dịp Tết Ất Tỵ Lâm Đồng xảy ra bao nhiêu vụ tai nạn giao thông?", [passage]
    )
    assert other.refused, other.answer
    named = answerer.build(
        "Dịp Tết Giáp Thìn Lâm Đồng xảy ra bao nhiêu vụ tai nạn giao thông?", [passage]
    )
    assert "14 vụ" in named.answer.split("[1]")[0], named.answer


def test_people_counted_by_what_marks_them_are_not_read_in_another_column_of_people() -> None:
    """ "bao nhiêu người nghiện ma túy": "Lượt người XNC trái phép" counts people too, under a
    caption naming the drugs, but not the addicts; "Người nghiện có hồ sơ" does."""
    border = (
        "Kết quả phòng, chống ma túy trên tuyến biên giới năm 2029 theo đơn vị:\n\n"
        "| Đơn vị | Vụ ma túy | Đối tượng | Lượt người XNC trái phép |\n|---|---:|---:|---:|\n"
        "| Huyện An Phú | 48 | 77 | 205 |\n| Thành phố Long Xuyên | 39 | 64 | 112 |"
    )
    metadata = DocumentMetadata(title="Chỉ thị về ma túy", year=2030, province="An Giang")
    answerer = ExtractiveAnswerer()
    question = "Huyện An Phú có bao nhiêu người nghiện ma túy năm 2029?"
    absent = answerer.build(question, [_passage("ct.md", border, metadata)])
    assert absent.refused, absent.answer
    addicts = border.replace("Lượt người XNC trái phép", "Người nghiện có hồ sơ")
    named = answerer.build(question, [_passage("ct.md", addicts, metadata)])
    assert "Huyện An Phú = 205" in named.answer, named.answer
