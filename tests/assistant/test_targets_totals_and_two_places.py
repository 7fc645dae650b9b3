"""A target asked beside a figure, a part's sum row, a measure's "xa nhất", a second part
after a list, a law's year, a holiday compared with, a unit's name holding "phòng, chống",
"đạt không" as yes or no, a part of a year opening a later part, a district deciding a
document's number, two things asked at two places, and a rule's own verb telling what it
is about (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks, split_places
from assistant.extractive.bodies import owns
from assistant.extractive.documents import tells_subject
from assistant.extractive.entities import directive_keys_in
from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.tables import _is_total, asked_extreme
from assistant.extractive.years import years_in
from index.extraction.records import DocumentIdentity, Extraction
from tests.assistant.one_document import OneDocument, invented_passage

PLEDGES = invented_passage(
    "I. TÌNH HÌNH\n\n"
    "Năm 2030, toàn huyện bắt giữ 27 vụ đốt pháo nổ trái phép. Có 201/214 thôn, tổ dân phố "
    "(93,93%) và 30.412 hộ gia đình đã ký cam kết không đốt pháo nổ; 100% trường học ký cam "
    "kết với học sinh.\n\n"
    "II. MỤC TIÊU\n\n"
    "Phấn đấu dịp Tết không để xảy ra tình trạng đốt pháo nổ trái phép tập trung đông người; "
    "giảm ít nhất 15% số vụ vi phạm về pháo nổ; 100% thôn, tổ dân phố và 100% hộ gia đình ký "
    "cam kết trước ngày 31/12/2030; không để xảy ra tai nạn do pháo tự chế.",
    "ct.txt",
    title="Chỉ thị số 07-CT/HU về phòng, chống pháo nổ dịp Tết",
    kind="chỉ thị",
    province="Yên Bái",
    district="Lục Yên",
    directive_numbers=("07-CT/HU",),
)


def test_a_target_asked_beside_a_count_is_the_target_set() -> None:
    """ "..., chỉ tiêu là gì?": what the aims section sets, not the figure reached again."""
    answer = ExtractiveAnswerer().build(
        "bao nhiêu thôn, tổ dân phố ở Lục Yên đã ký cam kết không đốt pháo, chỉ tiêu là gì?",
        [PLEDGES],
    )
    assert "201/214" in answer.answer, answer.answer
    assert "trước ngày 31/12/2030" in answer.answer, answer.answer


def test_a_part_summed_under_its_marked_cong_is_a_total() -> None:
    """ "Cộng miền Tây (11 đơn vị)" sums the rows above it; "Cộng đồng", "Công an" do not."""
    assert _is_total("**Cộng miền Tây (11 đơn vị)**")
    assert _is_total("Cộng khu vực biên giới")
    assert not _is_total("Cộng đồng dân cư thôn Nà Hẩu")
    assert not _is_total("Công an huyện Lục Yên")
    table = invented_passage(
        "Bảng 1. Các điểm thi khu vực phía Tây\n\n"
        "| Đơn vị | Thí sinh | Cán bộ Công an bố trí |\n|---|---|---|\n"
        "| Huyện Lục Yên | 1.204 | 48 |\n| Huyện Văn Chấn | 987 | 61 |\n"
        "| Huyện Trạm Tấu | 402 | 39 |\n| **Cộng phía Tây (3 đơn vị)** | **2.593** | **148** |",
        "kh.md",
        title="Kế hoạch bảo đảm an ninh kỳ thi năm 2030",
        kind="kế hoạch",
        province="Yên Bái",
    )
    answer = ExtractiveAnswerer().build(
        "Huyện nào của Yên Bái bố trí nhiều cán bộ Công an nhất cho kỳ thi 2030?", [table]
    )
    assert "Văn Chấn" in answer.answer.split("[1]")[0], answer.answer


def test_the_farthest_is_ranked_as_the_highest() -> None:
    """ "xa nhất", "dài nhất", "rộng nhất" rank a measure's column; "xa" typed bare is "xã"."""
    assert asked_extreme(analyse("Huyện nào có quãng đường vận chuyển đề thi xa nhất?")) == "max"
    assert asked_extreme(analyse("Tuyến đường nào dài nhất?")) == "max"
    assert asked_extreme(analyse("xa nao co ket qua tot nhat")) is None


def test_a_bare_amount_after_a_list_is_a_second_part() -> None:
    """ "... bao nhiêu trường hợp vi phạm cư trú, lưu trú, tổng tiền phạt?": the list stays
    in the first part; the amount, named bare, is asked on its own."""
    assert split_asks(
        "9 tháng năm 2030 xử phạt bao nhiêu trường hợp vi phạm cư trú, lưu trú, tổng tiền phạt?"
    ) == [
        "9 tháng năm 2030 xử phạt bao nhiêu trường hợp vi phạm cư trú, lưu trú",
        "tổng tiền phạt là bao nhiêu?",
    ]
    assert split_asks("xã A có bao nhiêu vụ trộm, cướp, lừa đảo?") == [
        "xã A có bao nhiêu vụ trộm, cướp, lừa đảo?"
    ]


def test_a_laws_year_is_no_period() -> None:
    """ "(ngày Luật Trật tự, an toàn giao thông đường bộ năm 2030 có hiệu lực)" names the
    law, not the year its figures are of; "vi phạm pháp luật năm 2031" is a period."""
    told = (
        "Từ ngày 01/7/2031 (ngày Luật Trật tự, an toàn giao thông đường bộ năm 2030 có hiệu "
        "lực) đến ngày 30/9/2031, xử lý 1.204 trường hợp."
    )
    assert years_in(told) == {2031}
    assert years_in("Theo Bộ luật Hình sự năm 2015, năm 2031 khởi tố 12 vụ") == {2031}
    assert years_in("số vụ vi phạm pháp luật năm 2031") == {2031}


def test_the_holiday_compared_with_need_not_be_named_as_the_figures() -> None:
    """ "Số vụ dịp Tết A so với Tết B tăng hay giảm?": the figure of Tết A, compared."""
    report = invented_passage(
        "1. Dịp Tết Nguyên đán Canh Tuất 2030 (từ 15/01/2030 đến 20/02/2030), toàn huyện bắt "
        "giữ 31 vụ/44 đối tượng tàng trữ, đốt pháo nổ trái phép; so với dịp Tết Kỷ Dậu 2029 "
        "tăng 04 vụ (+14,81%).",
        title="Báo cáo tình hình pháo nổ dịp Tết Nguyên đán Canh Tuất 2030",
        province="Yên Bái",
        district="Lục Yên",
    )
    answer = ExtractiveAnswerer().build(
        "Số vụ pháo nổ ở huyện Lục Yên dịp Tết Canh Tuất so với Tết Kỷ Dậu tăng hay giảm?",
        [report],
    )
    assert "tăng 04 vụ" in answer.answer, answer.answer


def test_a_unit_named_with_phong_chong_owns_its_item() -> None:
    """ "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05)": the
    comma inside its name still makes it the item's owner."""
    item = (
        "c) Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05) theo dõi "
        "không gian mạng, gỡ bỏ thông tin sai sự thật về kỳ thi."
    )
    assert owns("phong pa05", item)
    assert not owns(
        "phong pa05", "3. Sở Thông tin và Truyền thông phối hợp với PA05 xử lý tin giả."
    )


def test_reached_or_not_is_asked_yes_or_no() -> None:
    """ "Chỉ tiêu X năm 2030 đạt không?" asks whether it was met."""
    assert analyse("Chỉ tiêu kiểm tra 100% cơ sở cầm đồ năm 2030 đạt không?").type == (
        QuestionType.YES_NO
    )
    assert analyse("chi tieu kiem tra 100% co so cam do nam 2030 dat khong").type == (
        QuestionType.YES_NO
    )


def test_a_part_of_a_year_opening_a_later_part_dates_that_part() -> None:
    """ "năm 2030 ... 702 người ...; 6 tháng đầu năm 2031 tiếp nhận 387 người": asked of
    the first half of 2031, the later part answers."""
    page = invented_passage(
        "Theo Tờ trình của Ủy ban nhân dân tỉnh, năm 2030 toàn tỉnh tiếp nhận 702 người chấp "
        "hành xong án phạt tù trở về địa phương, trong đó 61 người tái phạm tội (chiếm 8,69%); 6 "
        "tháng đầu năm 2031 tiếp nhận 387 người, có 29 người tái phạm. Nhiều người sau khi ra "
        "trại không có việc làm, không có giấy tờ tùy thân.",
        "nq.html",
        title="Nghị quyết hỗ trợ người chấp hành xong án phạt tù",
        kind="nghị quyết",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "6 tháng đầu năm 2031 Yên Bái tiếp nhận bao nhiêu người chấp hành xong án phạt tù trở về?",
        [page],
    )
    assert "387 người" in answer.answer.split("[1]")[0], answer.answer
    assert "702" not in answer.answer, answer.answer


def test_a_district_typed_bare_decides_which_document_a_number_is() -> None:
    """Two districts' party committees both issued "Chỉ thị 21-CT/HU": asked of one typed
    bare, its report on its own directive answers, not the other's directive."""
    other = invented_passage(
        "Dọc tuyến biên giới còn 21 lối mở, đường mòn; toàn huyện có 02 xã biên giới.",
        "ct.txt",
        title="Chỉ thị số 21-CT/HU về phòng, chống buôn lậu qua biên giới",
        kind="chỉ thị",
        province="Hà Giang",
        district="Yên Minh",
        year=2031,
        directive_numbers=("21-CT/HU",),
    )
    report = invented_passage(
        "Thực hiện Chỉ thị số 21-CT/HU ngày 10/02/2030 của Ban Thường vụ Huyện ủy Lục Yên về "
        "vận động giao nộp vũ khí, công an huyện Lục Yên báo cáo kết quả.\n\n"
        "5. Kết quả thực hiện chỉ tiêu của Chỉ thị số 21-CT/HU\n\n"
        "- Số vũ khí thu hồi tăng ít nhất 20%: tăng 41% - Đạt.\n"
        "- 100% hộ dân ký cam kết: 5.012/5.730 hộ (87,47%) - Chưa đạt.",
        "bc.txt",
        title="Báo cáo kết quả vận động giao nộp vũ khí năm 2030",
        kind="báo cáo",
        province="Yên Bái",
        district="Lục Yên",
        directive_numbers=("21-CT/HU",),
    )
    answer = ExtractiveAnswerer().build(
        "Lục Yên thực hiện các chỉ tiêu của CT 21-CT/HU năm 2030 đạt hay chưa?", [other, report]
    )
    assert "Chưa đạt" in answer.answer, answer.answer
    assert "lối mở" not in answer.answer, answer.answer


def test_two_things_asked_at_two_places_are_each_asked_of_its_place() -> None:
    """ "Vụ X ở A và vụ Y ở B bị khởi tố theo những điều nào?": each at its own place."""
    assert split_places(
        "Vụ pháo nổ ở Lục Yên và vụ buôn bán động vật hoang dã ở Hà Giang bị khởi tố theo "
        "những điều nào của Bộ luật Hình sự?"
    ) == [
        "Vụ pháo nổ ở Lục Yên bị khởi tố theo những điều nào của Bộ luật Hình sự?",
        "vụ buôn bán động vật hoang dã ở Hà Giang bị khởi tố theo những điều nào của Bộ "
        "luật Hình sự?",
    ]
    # ... not where the second side is left short of the first's words
    elliptical = "Cao điểm bảo vệ mùa chè ở Văn Chấn và mùa quế ở Văn Yên từ ngày nào?"
    assert split_places(elliptical) == [elliptical]


def test_the_methods_asked_at_two_districts_typed_bare_are_each_ones_own() -> None:
    """ "Thủ đoạn ... ở A và ở B?" with A and B typed bare: B's methods from B's document."""
    first = invented_passage(
        "Hàng hóa qua biên giới huyện Đồng Văn chủ yếu là pháo nổ. Thủ đoạn vận chuyển pháo "
        'nổ qua biên giới: thuê người dân làm "cửu vạn" cõng hàng qua đường mòn ban đêm; cất '
        "giấu pháo trong xe chở nông sản.",
        "ct.txt",
        title="Chỉ thị về phòng, chống vận chuyển pháo nổ qua biên giới",
        kind="chỉ thị",
        province="Hà Giang",
        district="Đồng Văn",
    )
    second = invented_passage(
        "Năm 2030, huyện Văn Yên phát hiện 12 vụ tàng trữ pháo nổ. Thủ đoạn của các đối "
        'tượng: đặt mua pháo qua mạng xã hội với các từ lóng như "bánh", "đồ chơi"; '
        "giao hàng qua xe khách.",
        "bc.txt",
        title="Báo cáo công tác phòng, chống pháo nổ huyện Văn Yên",
        province="Yên Bái",
        district="Văn Yên",
    )
    answer = ExtractiveAnswerer().build(
        "Thủ đoạn vận chuyển pháo nổ qua biên giới ở Đồng Văn và ở Văn Yên?", [first, second]
    )
    assert "cửu vạn" in answer.answer and "từ lóng" in answer.answer, answer.answer


def test_a_rules_own_verb_tells_what_it_is_about() -> None:
    """ "Nghị quyết số X quy định mức ..." tells its subject, as "... về ..." does; "theo
    quy định của Nghị quyết số X" does not."""
    keys = set(directive_keys_in("05/2031/NQ-HĐND"))
    assert tells_subject(
        "Nghị quyết số 05/2031/NQ-HĐND quy định mức hỗ trợ người bị thương khi bảo vệ an "
        "ninh, trật tự trên địa bàn tỉnh Yên Bái",
        keys,
    )
    assert not tells_subject("Nghị quyết số 05/2031/NQ-HĐND quy định tại Điều 2", keys)


def test_a_search_for_accidents_counts_them() -> None:
    """ "tai nạn giao thông xã A tháng 11/2030" searches a figure as "số vụ tai nạn giao
    thông" does: "tai" is no "tại" there, as "xã" of "trật tự xã hội" is no commune's."""
    searched = analyse("tai nạn giao thông xã Phước Lâm tháng 11/2030")
    assert searched.type == QuestionType.COUNT
    assert searched.counted.unit == "vụ tai nạn giao thông"
    report = invented_passage(
        "- Tháng 10/2030: xảy ra 01 vụ tai nạn giao thông đường bộ làm 01 người chết.",
        title="Báo cáo tình hình an ninh, trật tự tháng 10/2030 của Công an xã Phước Lâm",
        province="Yên Bái",
    )
    answer = ExtractiveAnswerer().build("tai nạn giao thông xã Phước Lâm tháng 11/2030", [report])
    assert answer.refused, answer.answer


class _NumberedDecision(OneDocument):
    """The library of one decision whose extraction read its own number."""

    def extraction_of(self, source: str) -> Extraction:
        return Extraction(DocumentIdentity(kind="quyết định", number="88/QĐ-UBND"))


def test_a_document_naming_itself_is_said_by_its_number_when_another_is_asked() -> None:
    """Asked whether decision 20 still applies, the quote of decision 88 ("Quyết định này
    ... thay thế Quyết định số 20/QĐ-UBND") is said with 88's number."""
    text = (
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số "
        "20/QĐ-UBND ngày 05 tháng 3 năm 2027 của Ủy ban nhân dân huyện Lục Yên ban hành Quy "
        "chế phối hợp bảo vệ khu du lịch."
    )
    decision = invented_passage(
        text,
        "qd.txt",
        title="Quyết định ban hành Quy chế phối hợp bảo vệ khu du lịch",
        kind="quyết định",
        province="Yên Bái",
        district="Lục Yên",
    )
    library = _NumberedDecision([decision], text)
    answer = ExtractiveAnswerer(library=library).build(
        "Quyết định 20/QĐ-UBND năm 2027 của UBND huyện Lục Yên còn áp dụng không?", [decision]
    )
    assert answer.answer.startswith("Quyết định số 88/QĐ-UBND: Điều 3."), answer.answer
