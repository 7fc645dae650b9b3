"""A police month given by its days in brackets, a cited document's date, a target asked
"có đạt chỉ tiêu X không", a share searched for, the column named by a deed, a campaign's
weeks, a count standing at a day, a bare second part after a refused first, and the
officer's account of the offenders' ways (invented documents)."""

from __future__ import annotations

from assistant.answers import Answer, Citation
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import joined
from assistant.extractive.periods import periods_in
from assistant.extractive.question import QuestionType, analyse
from assistant.passages import Passage
from tests.assistant.one_document import invented_passage


def _report(text: str, **meta: object) -> Passage:
    fields: dict[str, object] = {
        "title": "Báo cáo kết quả công tác bảo đảm trật tự năm 2031",
        "kind": "báo cáo",
        "province": "Phú Thọ",
        "year": 2031,
        **meta,
    }
    return invented_passage(text, "bc.md", **fields)


def test_a_police_month_is_named_with_its_days_in_brackets() -> None:
    report = _report(
        "**1. Kỳ báo cáo 9 tháng** (15/12/2030 - 14/9/2031): toàn tỉnh xảy ra 61 vụ cháy.\n\n"
        "**2. Riêng tháng 9** (15/8 - 14/9/2031): xảy ra 07 vụ cháy, làm chết 02 người; so "
        "với tháng 8 giảm 03 vụ."
    )
    answer = ExtractiveAnswerer().build("thang 9/2031 Phu Tho xay ra bao nhieu vu chay", [report])
    assert not answer.refused and "07 vụ cháy" in answer.answer.split("[1]")[0], answer.answer


def test_a_cited_documents_date_is_no_year_the_clause_tells_of() -> None:
    rule = invented_passage(
        "Điều 14. Hiệu lực thi hành\n\nQuy chế có hiệu lực kể từ ngày ký, thay thế Quy chế "
        "phối hợp số 02/QCPH-CAH-BCH ngày 12/5/2026 giữa hai đơn vị.",
        "qc.txt",
        title="Quy chế phối hợp giữa Công an huyện Yên Lập và Ban Chỉ huy Quân sự huyện",
        kind="quy chế",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Quy chế phối hợp Yên Lập 2031 có thay thế quy chế nào trước đó không?", [rule]
    )
    assert answer.answer.startswith("Có. ") and "02/QCPH-CAH-BCH" in answer.answer, answer.answer
    # ... unless the question asks of the document cited, by its year
    resolution = invented_passage(
        "Nghị quyết có hiệu lực từ ngày 01/8/2031 và thay thế Nghị quyết số 05/2026/NQ-HĐND "
        "ngày 12/7/2026 (theo đó mức thưởng tố giác là 1.500.000 đồng/vụ).",
        "nq.html",
        title="Nghị quyết quy định mức thưởng tố giác tội phạm",
        kind="nghị quyết",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Theo nghị quyết cũ năm 2026 của Phú Thọ, tố giác được thưởng bao nhiêu?", [resolution]
    )
    assert "1.500.000 đồng/vụ" in answer.answer, answer.answer


def test_whether_a_target_was_met_asked_with_the_verb_first() -> None:
    report = _report(
        "IV. ĐÁNH GIÁ THỰC HIỆN CHỈ TIÊU\n\n"
        "| Chỉ tiêu năm 2031 | Kết quả 9 tháng | Đánh giá |\n|---|---|---|\n"
        "| Giảm ít nhất 5% số vụ cháy | Giảm 8,2% | Đạt |\n"
        "| Giảm ít nhất 5% số người bị thương | Tăng 4,1% | Chưa đạt |"
    )
    answer = ExtractiveAnswerer().build(
        "Phú Thọ có đạt chỉ tiêu giảm người bị thương do cháy nổ năm 2031 không?", [report]
    )
    assert answer.answer.startswith("Không. ") and "Tăng 4,1%" in answer.answer, answer.answer


def test_a_share_searched_for_asks_a_percentage() -> None:
    asked = analyse("ty le ngan sach tinh, huyen chi cho loa truyen thanh thon")
    assert asked.type == QuestionType.COUNT and asked.counted.alternatives == ("%",)
    resolution = invented_passage(
        "Nghị quyết này quy định mức hỗ trợ lắp đặt loa truyền thanh tại các thôn trên địa "
        "bàn tỉnh Phú Thọ.\n\nĐiều 3. Nguồn kinh phí\n\n1. Ngân sách tỉnh bảo đảm 70%, ngân "
        "sách huyện bảo đảm 20%, ngân sách xã bảo đảm 10% kinh phí lắp đặt loa tại các thôn.",
        "nq.html",
        title="Nghị quyết hỗ trợ lắp đặt loa truyền thanh thôn",
        kind="nghị quyết",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(asked.text, [resolution])
    assert "70%" in answer.answer.split("[1]")[0], answer.answer


def test_the_column_named_by_what_is_done_to_the_ranked_noun() -> None:
    table = _report(
        "Hộ nghèo được hỗ trợ nước sạch năm 2031 theo xã:\n\n"
        "| Xã | Hộ nghèo trong xã (hộ) | Được hỗ trợ (hộ) | Chưa được hỗ trợ (hộ) |\n"
        "|---|---|---|---|\n| Xã Minh Hòa | 412 | 96 | 316 |\n| Xã Đồng Thịnh | 287 | 141 | 146 |"
    )
    answer = ExtractiveAnswerer().build(
        "Xã nào có nhiều hộ nghèo trong xã được hỗ trợ nhất năm 2031?", [table]
    )
    assert "Đồng Thịnh" in answer.answer.split("[1]")[0], answer.answer


def test_a_campaigns_weeks_are_asked_as_a_period_of_their_own() -> None:
    report = _report(
        "Năm 2031, toàn tỉnh phát hiện 186 vụ buôn lậu, gian lận thương mại, tăng 12 vụ.\n\n"
        "Trong đó, riêng 02 tháng cao điểm (từ 15/10 đến 14/12/2031) phát hiện 41 vụ/57 "
        "đối tượng."
    )
    answer = ExtractiveAnswerer().build(
        "2 thang cao diem cuoi nam 2031 Phu Tho phat hien bao nhieu vu buon lau", [report]
    )
    first = answer.answer.split("[1]")[0]
    assert "41 vụ/57 đối tượng" in first and "186 vụ" not in first, answer.answer
    # ... and rush hour is no campaign, nor a plan's subject
    assert analyse("gio cao diem Phu Tho 2031 bao nhieu vu TNGT").period is None
    assert not periods_in("Thực hiện Kế hoạch số 46/KH-CAT về cao điểm tấn công tội phạm ma túy")


def test_a_search_running_to_now_is_a_count() -> None:
    asked = analyse("trom cap xa Tam Nong tu 1/7/2025 den nay")
    assert asked.type == QuestionType.COUNT and asked.period == "since-7-1", asked


def test_a_count_standing_at_a_day_is_no_part_of_the_year() -> None:
    directive = invented_passage(
        "Quý I/2031, toàn huyện phát hiện 12 vụ tàng trữ trái phép chất ma túy. Qua rà soát, "
        "còn 14 tụ điểm phức tạp về ma túy. Đến ngày 30/6/2031 mới triệt xóa được 05/14 tụ "
        "điểm.\n\n- Đến ngày 31/12/2031, triệt xóa ít nhất 09/14 tụ điểm.",
        "ct.txt",
        title="Chỉ thị về tăng cường phòng, chống ma túy",
        kind="chỉ thị",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Chỉ tiêu triệt xóa tụ điểm ma túy đến cuối 2031 và đến 30/6/2031 đã triệt xóa được mấy "
        "tụ điểm?",
        [directive],
    )
    assert "09/14" in answer.answer and "05/14" in answer.answer, answer.answer


def test_a_bare_second_part_after_a_refused_first_is_refused() -> None:
    """The plan asked is only cited by a report: its tasks are refused, and "hạn nào" with
    them, though the citing sentence holds the plan's number."""
    report = _report(
        "Thực hiện Kế hoạch số 77/KH-UBND ngày 02/3/2031 của UBND huyện Tam Nông về bảo đảm "
        "trật tự mùa lễ hội, Công an huyện đã triển khai đồng bộ các biện pháp.",
        directive_numbers=("77/KH-UBND",),
    )
    answer = ExtractiveAnswerer().build(
        "KH 77/KH-UBND cua UBND huyen Tam Nong giao Cong an huyen nhiem vu gi, han nao", [report]
    )
    assert answer.refused, answer.answer


def test_the_officers_opening_of_the_offenders_ways_comes_first() -> None:
    news = invented_passage(
        "Ngày 12/3/2031, Công an huyện Tam Nông triệt phá đường dây mua bán ma túy do Lê Văn "
        'K. cầm đầu.\n\nTheo Trung tá Hà Văn M., các đối tượng hoạt động rất tinh vi: "K. '
        'đặt hàng qua ứng dụng Zalo, giấu trong hộp sữa rồi gửi theo xe khách".\n\n'
        "Tang vật thu giữ gồm 42 gam ma túy đá, 3 điện thoại di động.\n\n"
        "Cơ quan CSĐT đã khởi tố vụ án, khởi tố 06 bị can.\n\n"
        "Nhóm này còn mua bán ma túy cho khách tại các quán karaoke ở huyện Tam Nông.",
        "tin.html",
        title="Triệt phá đường dây mua bán ma túy ở Tam Nông",
        kind="tin bài",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("thu doan duong day mua ban ma tuy Tam Nong", [news])
    assert "hộp sữa" in answer.answer.split("[1]")[0], answer.answer


def _cited(n: int, quote: str, start: int) -> Citation:
    return Citation(
        n=n,
        quote=quote,
        document="bc.md",
        start=start,
        end=start + len(quote),
        passage=quote,
        passage_start=start,
        passage_end=start + len(quote),
        score=0.5,
    )


def test_a_quote_an_earlier_part_holds_is_not_said_again() -> None:
    """Chunks overlap: the second part's quote, from the next chunk, is inside the first's."""
    sentence = "Riêng tháng 9 xảy ra 07 vụ cháy, làm chết 02 người."
    longer = f"{sentence} Cháy xảy ra chủ yếu ở khu dân cư."
    first = Answer(
        question="a", refused=False, answer=f"{longer} [1]", citations=[_cited(1, longer, 0)]
    )
    second = Answer(
        question="b", refused=False, answer=f"{sentence} [1]", citations=[_cited(1, sentence, 0)]
    )
    both = joined("a, b", [first, second])
    assert both.answer.count("07 vụ cháy") == 1 and len(both.citations) == 1, both


def test_a_place_closing_a_when_question_is_no_deed_a_dateline_does() -> None:
    directive = invented_passage(
        "Tam Nông, ngày 14 tháng 3 năm 2031\n\nCHỈ THỊ\n\nvề đấu tranh với khai thác cát trái "
        "phép\n\n2. Công an huyện chủ trì mở đợt cao điểm tấn công khai thác cát trái phép "
        "từ ngày 01/4/2031 đến ngày 30/6/2031.",
        "ct.txt",
        title="Chỉ thị về đấu tranh với khai thác cát trái phép",
        kind="chỉ thị",
        province="Phú Thọ",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "cao diem tan cong khai thac cat trai phep Tam Nong tu ngay nao den ngay nao", [directive]
    )
    assert "01/4/2031" in answer.answer.split("[1]")[0], answer.answer


def test_a_result_told_against_its_target_answers_a_part_of_the_year() -> None:
    report = _report(
        "6 tháng đầu năm 2031 xảy ra 41 vụ cháy.\n\nThu nhận 3.120 hồ sơ cấp căn cước; kích "
        "hoạt 41.207 tài khoản định danh điện tử mức độ 2, đạt 61,2% số công dân từ 14 tuổi "
        "trở lên, chưa đạt chỉ tiêu 70% UBND tỉnh giao đến ngày 30/6/2031.",
        title="Báo cáo kết quả công tác 6 tháng đầu năm 2031",
    )
    answer = ExtractiveAnswerer().build(
        "VNeID mức 2 tỉnh Phú Thọ 6 tháng 2031 đạt bao nhiêu?", [report]
    )
    assert "61,2%" in answer.answer.split("[1]")[0], answer.answer


def test_a_number_typed_against_its_unit_names_the_column_written_apart() -> None:
    table = _report(
        "Tàu cá theo xã năm 2031:\n\n"
        "| Xã | Tàu cá (chiếc) | Tàu từ 12 m trở lên |\n|---|---|---|\n"
        "| Xã Hùng Lô | 214 | 38 |\n| Xã Kim Đức | 163 | 71 |"
    )
    answer = ExtractiveAnswerer().build(
        "xa nao o Phu Tho co nhieu tau ca tu 12m tro len nhat nam 2031", [table]
    )
    assert "Kim Đức" in answer.answer.split("[1]")[0], answer.answer
