"""Question analysis: type, counted unit, bound, entities and content words."""

from __future__ import annotations

import pytest

from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.totals import asks_total


class TestType:
    @pytest.mark.parametrize(
        ("question", "expected"),
        [
            ("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?", QuestionType.COUNT),
            ("Thời hạn cấm cư trú là mấy năm?", QuestionType.COUNT),
            ("Thời hiệu yêu cầu bồi thường thiệt hại là bao lâu?", QuestionType.COUNT),
            ("Chương trình hành động số 19-CTr/TU được ban hành ngày nào?", QuestionType.TIME),
            ("Di chúc có hiệu lực khi nào?", QuestionType.TIME),
            ("Báo cáo tổng kết năm 2030 do đồng chí nào ký?", QuestionType.SIGNER),
            ("Ai đứng tên ký báo cáo 12/BC-CAX?", QuestionType.SIGNER),
            ("CSGT điều tiết ở cổng trường vào khung giờ nào?", QuestionType.TIME),
            ("Hạn chót UBND huyện nộp báo cáo sơ kết", QuestionType.TIME),  # a deadline searched
            ("ke hoach 12/KH-UBND do lanh dao nao ky", QuestionType.SIGNER),
            ("Chủ tịch UBND nào ký Kế hoạch 12/KH-UBND?", QuestionType.SIGNER),  # a post asked
            ("Phó Giám đốc Công an tỉnh Sóc Trăng là ai?", QuestionType.PERSON),
            ("Hồ sơ được nộp ở đâu?", QuestionType.PLACE),
            ("Cơ quan nào có thẩm quyền tuyên bố thỏa ước vô hiệu?", QuestionType.WHICH),
            ("Nghị quyết 25-NQ/TW ngày 3/6/2013 nói về vấn đề gì?", QuestionType.TOPIC),
            ("Kế hoạch số 01/BCĐ nhằm mục đích gì?", QuestionType.TOPIC),
            ("CT 07-CT/TU nội dung là gì?", QuestionType.TOPIC),
            ("Công an xã tổ chức trực ban như thế nào?", QuestionType.MANNER),
            ("Lực lượng bảo vệ dân phố được tập huấn ra sao?", QuestionType.MANNER),
            ("Những khó khăn của lực lượng trị an cơ sở là gì?", QuestionType.LIST),
            ("Bất động sản bao gồm những gì?", QuestionType.LIST),
            ("Phòng vệ chính đáng có phải là tội phạm không?", QuestionType.YES_NO),
            ("Việc làm là gì?", QuestionType.DEFINITION),
            ("Người bắt được gia súc bị thất lạc phải làm gì?", QuestionType.ACTION),
        ],
    )
    def test_type_of_accented_questions(self, question: str, expected: QuestionType) -> None:
        assert analyse(question).type == expected

    @pytest.mark.parametrize(
        ("typed", "restored"),
        [
            (
                "tuyen hoa co bao nhieu mo hinh phong trao hoat dong hieu qua",
                "Tuyên Hóa có bao nhiêu mô hình phong trào hoạt động hiệu quả",
            ),
            ("giam doc cong an tinh ha tinh la ai", "Giám đốc Công an tỉnh Hà Tĩnh là ai"),
            ("nghi quyet 22-NQ/TW ve noi dung gi", "Nghị quyết 22-NQ/TW về nội dung gì"),
        ],
    )
    def test_unaccented_and_restored_forms_read_alike(self, typed: str, restored: str) -> None:
        plain, accented = analyse(typed), analyse(restored)
        assert plain.form == "folded" and accented.form == "canonical"
        assert plain.type == accented.type
        assert plain.localities == accented.localities
        assert plain.provinces == accented.provinces


class TestCountedUnit:
    @pytest.mark.parametrize(
        ("question", "unit"),
        [
            ("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?", "tổ hòa giải"),
            ("Chiếm đoạt di vật của tử sĩ có thể bị phạt tù lên đến bao nhiêu năm?", "năm"),
            (
                "Cuối tháng 9/2020 điều động bao nhiêu đồng chí làm phó trưởng công an xã?",
                "đồng chí",
            ),
            ("Có bao nhiêu lượt cơ sở, địa bàn trọng điểm được kiểm tra?", "lượt cơ sở"),
            ("Trong thời hạn bao nhiêu ngày phải thông báo kết quả?", "ngày"),
        ],
    )
    def test_the_unit_is_the_noun_after_bao_nhieu(self, question: str, unit: str) -> None:
        analysis = analyse(question)
        assert analysis.unit == unit and analysis.counted.written

    def test_an_unaccented_unit_is_kept_folded(self) -> None:
        unit = analyse("tuyen hoa co bao nhieu mo hinh hoat dong").unit
        assert unit is not None and unit.startswith("mo hinh")

    def test_money_is_counted_in_dong_when_no_unit_is_written(self) -> None:
        analysis = analyse("Người phạm tội còn có thể bị phạt tiền từ bao nhiêu đến bao nhiêu?")
        assert analysis.unit == "đồng" and not analysis.counted.written
        assert analysis.bound == "range"

    def test_how_long_accepts_any_duration(self) -> None:
        analysis = analyse("Thời hiệu yêu cầu bồi thường thiệt hại là bao lâu?")
        assert analysis.unit is None and {"năm", "tháng", "ngày"} <= set(analysis.unit_alternatives)

    def test_an_article_number_is_counted_before_the_number(self) -> None:
        assert analyse("Quy định này nằm tại điều mấy của Bộ luật?").unit_before_number == "điều"

    @pytest.mark.parametrize(
        ("question", "bound"),
        [
            ("Bị phạt tù lên đến bao nhiêu năm?", "max"),
            ("Bị phạt tù tối thiểu bao nhiêu năm?", "min"),
            ("Bị phạt tù từ bao nhiêu đến bao nhiêu năm?", "range"),
            ("Có bao nhiêu tổ hòa giải?", None),
            ("Gây thiệt hại bao nhiêu thì bị phạt tù lên đến 05 năm?", None),  # a given value
        ],
    )
    def test_bound(self, question: str, bound: str | None) -> None:
        assert analyse(question).bound == bound

    @pytest.mark.parametrize(
        ("question", "asks"),
        [
            ("Bên bán không phải bồi thường thiệt hại khi nào?", True),
            ("Lao động nữ được đơn phương chấm dứt hợp đồng trong trường hợp nào?", True),
            ("Cần điều kiện gì để di chúc có hiệu lực?", True),
            ("Chỉ thị số 05-CT/TU được ban hành ngày nào?", False),
        ],
    )
    def test_a_question_may_ask_for_the_condition(self, question: str, asks: bool) -> None:
        assert analyse(question).asks_condition is asks


class TestEntities:
    def test_province_and_district(self) -> None:
        assert analyse("Đà Nẵng có bao nhiêu công an xã chính quy?").provinces == ("Đà Nẵng",)
        district = analyse("Huyện Điện Biên Đông duy trì bao nhiêu tổ an ninh nhân dân?")
        assert district.localities == ("Điện Biên Đông",)

    def test_directive_numbers_are_compared_by_key(self) -> None:
        assert (
            analyse("Nghị quyết 25-NQ/TW nói về gì?").directive_keys
            == analyse("Nghị quyết 25/NQ-TW nói về gì?").directive_keys
            != frozenset()
        )

    def test_a_law_s_year_is_not_a_year_asked_about(self) -> None:
        assert analyse("Theo Bộ luật Hình sự năm 2017, người dưới bao nhiêu tuổi?").years == ()
        assert analyse("Lương cơ sở năm 2024 là bao nhiêu?").years == (2024,)

    def test_article_number_and_definition_subject(self) -> None:
        analysis = analyse("Theo Điều 16, Bộ luật dân sự 2015, năng lực pháp luật dân sự là gì?")
        assert analysis.article_numbers == ("16",)
        assert analysis.subject == "năng lực pháp luật dân sự"
        assert (
            analyse('Định nghĩa của "Người sử dụng lao động"?').subject == "người sử dụng lao động"
        )


class TestContentWords:
    def test_question_and_function_words_are_not_content(self) -> None:
        terms = analyse("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?").terms
        assert {"tổ", "hòa", "giải"} <= set(terms)
        assert not {"có", "bao", "nhiêu"} & set(terms)

    def test_places_are_entities_not_content_words(self) -> None:
        # "Điện Biên" would otherwise match inside "Điện Biên Đông", another place.
        analysis = analyse("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
        assert analysis.provinces == ("Điện Biên",) and not {"điện", "biên"} & set(analysis.terms)

    def test_names_weigh_more_and_common_words_less(self) -> None:
        terms = analyse("Người lao động được HĐND tạm ứng tiền lương không?").terms
        assert terms["hđnd"] > terms["lao"] > terms["người"]

    def test_a_negation_inside_the_question_counts_but_the_closing_particle_does_not(self) -> None:
        assert "không" in analyse("Trường hợp nào thì không được tạm ứng tiền lương?").terms
        assert "không" not in analyse("Người lao động có được tạm ứng tiền lương không?").terms

    def test_the_longest_marker_phrase_is_taken_out_whole(self) -> None:
        terms = analyse("Bộ luật Dân sự quy định như thế nào về việc hủy bỏ quyết định?").terms
        assert "hủy" in terms and not {"quy", "thế", "nào"} & set(terms)

    def test_law_in_general_is_not_a_law_s_name(self) -> None:
        question = "Nghĩa vụ của người chiếm hữu mà không có căn cứ pháp luật và không ngay tình?"
        assert {"căn", "tình"} <= set(analyse(question).terms)

    def test_a_value_the_question_gives_weighs_more(self) -> None:
        terms = analyse("Trồng bao nhiêu cây thì bị phạt tù đến 07 năm?").terms
        assert terms["7"] > terms["phạt"]

    def test_the_cited_law_is_not_content(self) -> None:
        terms = analyse("Theo Bộ luật Hình sự năm 2017, người dưới bao nhiêu tuổi bị phạt?").terms
        assert "hình" not in terms and "tuổi" in terms


@pytest.mark.parametrize("piece", ["nhiều ", "giao ", "yeu cau ", "bao nhiêu , ", "chỉ thị "])
def test_reading_a_question_takes_no_longer_for_a_longer_paste(piece: str) -> None:
    """Text pasted after a question is not read: time does not grow with its length."""
    import time

    def seconds(chars: int) -> float:
        text = piece * (chars // len(piece))
        started = time.perf_counter()
        analyse(text)
        return time.perf_counter() - started

    short, long = min(seconds(5_000) for _ in range(3)), min(seconds(20_000) for _ in range(3))
    assert long < 3 * short + 0.01


def test_a_question_typed_as_a_search_for_a_number_counts_its_noun() -> None:
    asked = analyse("Số đội dân phòng ở Điện Biên năm 2023")
    assert asked.type == QuestionType.COUNT and asked.counted.unit == "đội dân phòng"
    assert analyse("Số 125/KH-UBND do ai ký?").type != QuestionType.COUNT
    # the noun ends where its period begins; a duration asked is still counted in years
    assert analyse("Số vụ cháy năm 2024 ở tỉnh A tăng hay giảm?").counted.unit == "vụ cháy"
    assert analyse("Bị phạt tù bao nhiêu năm?").counted.unit == "năm"
    # typed without "ở": the noun ends where the place it is counted in begins
    assert analyse("số tổ hòa giải quảng trị").counted.unit == "tổ hòa giải"


def test_a_follow_up_typed_as_a_search_counts_its_noun() -> None:
    asked = analyse("Thế còn số hộ tham gia mô hình ở huyện B năm 2024?")
    assert asked.type == QuestionType.COUNT and asked.counted.unit == "hộ tham gia mô hình"


def test_a_counted_noun_opening_with_a_word_that_ends_nouns_is_kept_whole() -> None:
    # "đối" ends a noun in "bao nhiêu tiền đối với ...", but "đối tượng" is the noun itself.
    assert analyse("Công an huyện bắt bao nhiêu đối tượng?").counted.unit == "đối tượng"
    assert analyse("thu giu bao nhieu kg can sa").counted.unit == "kg can sa"
    assert analyse("Bao nhiêu người cần hỗ trợ?").counted.unit == "người"


@pytest.mark.parametrize(
    ("question", "years", "period"),
    [
        ("Quảng Bình 6 tháng 2024 xảy ra bao nhiêu vụ TNGT?", (2024,), "first-half"),
        ("9 thang 2023 co bao nhieu vu chay", (2023,), "months-9"),
        ("6 tháng đầu 2022 bắt bao nhiêu đối tượng?", (2022,), "first-half"),
        ("Số vụ cháy tăng so với năm 2021 ở những huyện nào?", (), None),
        # "cùng kỳ" (canonical text spells it "kì"), and words before it.
        ("Vì sao số vụ trộm tăng so với cùng kỳ 2029?", (), None),
        ("vi sao so vu trom tang so voi cung ky 2029", (), None),
        ("Năm 2030 bắt bao nhiêu vụ, so với đợt cao điểm cùng kỳ năm 2029?", (2030,), None),
        ("Tết 2030 có bao nhiêu vụ cháy, tăng so với Tết Kỷ Dậu năm 2029?", (2030,), None),
        ("6 tháng đầu năm 2030 thu giữ nhiều hơn hay ít hơn cùng kỳ 2029?", (2030,), "first-half"),
        # Months in words.
        ("Hai tháng đầu năm 2030 phát hiện bao nhiêu vụ?", (2030,), "months-2"),
        ("ba thang dau nam 2030 co bao nhieu vu chay", (2030,), "quarter-1"),
        ("Mười một tháng năm 2030 bắt bao nhiêu đối tượng?", (2030,), "months-11"),
    ],
)
def test_a_year_right_after_a_period_is_asked_and_a_year_compared_with_is_not(
    question: str, years: tuple[int, ...], period: str | None
) -> None:
    analysis = analyse(question)
    assert analysis.years == years and analysis.period == period


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        (
            "Số điểm ùn tắc giao thông ở Hà Nội giảm từ bao nhiêu còn bao nhiêu?",
            "điểm ùn tắc giao thông",
        ),
        ("so tau ca mat ket noi giam tu bao nhieu xuong bao nhieu", "tau ca mat ket noi"),
        ("Số vụ cháy năm 2024 là bao nhiêu?", "vụ cháy"),
    ],
)
def test_a_count_asked_after_its_noun_counts_the_noun_after_so(question: str, unit: str) -> None:
    # "giảm từ bao nhiêu còn bao nhiêu": "còn" opens no noun; the noun stands after "Số".
    assert analyse(question).counted.unit == unit


def test_a_commune_opening_the_question_is_named() -> None:
    assert analyse("Xã Giao An có bao nhiêu camera?").communes == ("giao an",)
    assert analyse("Phường Tân Phong, thôn Nà Tăm có mấy tổ?").communes == ("tan phong", "na tam")
    # A name's syllable may open with a marked capital.
    assert analyse("Xã Ea Ô huyện Cư Jút có mấy tổ?").communes == ("ea o",)
    assert analyse("Phường Ấp Bắc có bao nhiêu camera?").communes == ("ap bac",)


def test_a_commune_asked_whether_a_thing_happened_is_no_word_the_answer_must_hold() -> None:
    # A commune's own report does not repeat its name beside "không xảy ra cháy, nổ".
    asked = analyse("Tháng 10 xã Tân Mỹ có xảy ra vụ cháy nào không?")
    assert asked.communes and not {"tân", "mỹ", "mĩ"} & set(asked.terms)


@pytest.mark.parametrize(
    ("question", "communes"),
    [
        ("xa giao an co bao nhieu camera", ("giao an",)),
        ("cong an phuong tan phong bat bao nhieu doi tuong", ("tan phong",)),
        ("xã nà tăm có mấy tổ tự quản", ("na tam",)),  # restored: accents, no capitals
        ("trat tu xa hoi nam 2024 the nao", ()),  # "xã hội" is no commune
        ("cac xa bien gioi co bao nhieu chot", ()),
        ("xa nao co nhieu vu nhat", ()),
        ("cong an xa chinh quy co bao nhieu nguoi", ()),
        ("huyen nao nhieu vu trom cap nhat nam 2024", ()),  # "cắp" is no CAP (ward police)
        ("muc ho tro nguoi dan cung cap hinh anh vi pham", ()),  # "cung cấp": to provide
        ("nghi quyet phan cap quan ly cang ca cho ai", ()),  # "phân cấp": to delegate
    ],
)
def test_a_commune_typed_in_lower_case_is_named_by_the_two_words_after_its_kind(
    question: str, communes: tuple[str, ...]
) -> None:
    assert analyse(question).communes == communes


def test_what_a_document_is_about_is_a_topic_question() -> None:
    assert analyse("ke hoach 152/KH-CAT la ke hoach ve gi").type.value == "topic"
    assert analyse("Chỉ thị này về việc gì?").type.value == "topic"
    # ... and what a named document rules, which its title tells; not what a law rules of
    # one matter, a list of its rules.
    assert analyse("NQ 21/2026/NQ-HĐND tỉnh A quy định những gì?").type.value == "topic"
    assert analyse("nghi quyet 21/2026 quy dinh nhung gi").type.value == "topic"
    assert analyse("Luật này quy định những gì về người gác?").type.value != "topic"


def test_the_counted_noun_ends_where_a_region_is_named() -> None:
    """ "số vụ cháy khu vực A cũ" counts "vụ cháy": the region is where, not what."""
    assert analyse("số vụ cháy khu vực bình định cũ 6 tháng 2025").counted.unit == "vụ cháy"
    assert analyse("bao nhieu vu trom tren dia ban huyen").counted.unit == "vu trom"
    assert analyse("Tỉnh có bao nhiêu khu vực trọng điểm?").counted.unit == "khu vực trọng điểm"


def test_a_counted_noun_may_take_six_words() -> None:
    """ "tin báo lừa đảo qua mạng" is one noun: cut at five words it counts "... qua"."""
    asked = analyse("Tháng 3/2027 xã A tiếp nhận mấy tin báo lừa đảo qua mạng?")
    assert asked.counted.unit == "tin báo lừa đảo qua mạng"


@pytest.mark.parametrize(
    ("text", "communes"),
    [
        ("Thị xã Sơn Tây có mấy vụ cháy năm 2024?", ()),  # a district-level town
        ("thi xa Ba Don nam 2024 co bao nhieu vu", ()),
        ("Xã Sơn Đông có mấy vụ cháy năm 2024?", ("son dong",)),
    ],
)
def test_a_town_of_district_rank_is_no_commune(text: str, communes: tuple[str, ...]) -> None:
    assert analyse(text).communes == communes


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("tong so doi dan phong toan tinh Phu Tho la bao nhieu", "doi dan phong"),
        ("Tổng số đội dân phòng toàn tỉnh Phú Thọ là bao nhiêu?", "đội dân phòng"),
        ("co bao nhieu vu doi voi tre em", "vu"),
    ],
)
def test_a_counted_noun_typed_without_marks_may_open_with_doi(text: str, unit: str) -> None:
    """Typed without marks "doi" is "đội" (a team) as often as the "đối" of "đối với", which
    alone ends the noun; "toàn tỉnh" ends it too."""
    assert analyse(text).counted.unit == unit


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Tổng cộng hai huyện có bao nhiêu tổ tự quản?", True),
        ("tong so to tu quan hai huyen la bao nhieu", True),
        ("Huyện A thu giữ bao nhiêu viên ma túy tổng hợp?", False),
        ("Tại cộng đồng có bao nhiêu người cai nghiện?", False),
        ("cong an huyen A bat bao nhieu vu ma tuy", False),  # "công an", typed without marks
    ],
)
def test_a_total_is_asked_by_its_words_not_by_words_folding_alike(text: str, total: bool) -> None:
    assert asks_total(analyse(text)) is total


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("khoi to 9 thang 2024 bao nhieu vu bao nhieu bi can", "vu"),
        ("Khởi tố bao nhiêu vụ mấy bị can?", "vụ"),
        ("bao nhieu xe may bi tam giu", "xe may"),  # "máy", typed without marks
        ("xuat nhap canh trai phep quy III 2024 huyen Muong Te", "vu xuat nhap canh trai phep"),
    ],
)
def test_a_counted_noun_ends_where_the_next_part_is_asked(text: str, unit: str) -> None:
    """The second "bao nhiêu" (or "mấy") asks another part; an illegal crossing searched for
    is counted in cases, as reports count it ("phát hiện 23 vụ/71 người")."""
    assert analyse(text).counted.unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đường dây buôn lậu mua vào giá bao nhiêu, bán ra bao nhiêu?", "đồng"),
        ("nhom trom ban ca phe voi gia bao nhieu", "dong"),
        ("Có bao nhiêu người tham gia tuần tra?", "người tham gia"),
        ("tham gia bao nhieu vu chua chay", "vu chua chay"),  # "gia" of "tham gia"
        ("Tang vật có giá trị bao nhiêu?", "đồng"),
        ("Nhóm này bán lại ở thành phố giá nào?", "đồng"),  # "giá nào": how much
        ("ban lai gia nao", "dong"),
        ("Tổng tin báo có giá trị của huyện A năm 2031 là bao nhiêu?", None),  # valuable tips
        ("tong tin bao co gia tri cua huyen A la bao nhieu", None),
    ],
)
def test_a_price_asked_is_an_amount_in_dong(text: str, unit: str | None) -> None:
    assert analyse(text).counted.unit == unit
