"""A second part borrowing what the first asks of, a year told only of a later part, a
year given with the bounds it is counted in, and offences said short (invented
documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks, with_event, with_subject, with_target_subject
from assistant.extractive.counting import qualifier_share
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata


def _answer(question: str, text: str, **meta: object) -> str:
    metadata = DocumentMetadata(**{"year": 2027, "title": "Báo cáo năm 2027", **meta})  # type: ignore[arg-type]
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    answer = ExtractiveAnswerer().build(question, [passage])
    assert not answer.refused, (question, answer.answer)
    return answer.answer


def test_a_count_asked_after_a_target_set_inside_the_first_part_is_of_its_subject() -> None:
    head, tail = split_asks(
        "Kế hoạch 31 đặt mục tiêu giải tán nhóm đua xe mỗi năm là bao nhiêu, "
        "năm 2027 giải tán được mấy nhóm?"
    )
    borrowed = with_subject(head, tail, len(analyse(tail).terms))
    assert borrowed == "Kế hoạch 31 giải tán nhóm đua xe năm 2027 giải tán được mấy nhóm?"
    # ... without where the target is set, and the span of years it is set for: what was
    # reached is told by a report, not by the plan
    head, tail = split_asks(
        "Chỉ tiêu tỷ lệ khám phá án trộm cắp trong KH 31 năm học 2026-2027 là bao nhiêu, "
        "năm học trước đạt bao nhiêu?"
    )
    borrowed = with_subject(head, tail, len(analyse(tail).terms))
    assert borrowed == "tỷ lệ khám phá án trộm cắp năm học trước đạt bao nhiêu?"


def test_a_target_asked_inside_the_second_part_is_of_the_firsts_subject() -> None:
    head, tail = split_asks(
        "Tỷ lệ hộ kinh doanh dùng camera năm 2026 được bao nhiêu, KH 2027 đặt chỉ tiêu mấy %?"
    )
    assert with_target_subject(head, tail, len(analyse(tail).terms)) == (
        "KH 2027 đặt chỉ tiêu Tỷ lệ hộ kinh doanh dùng camera mấy %?"
    )
    # ... not where the first part asked a target of its own
    own = "Chỉ tiêu tỷ lệ A là bao nhiêu"
    assert with_target_subject(own, tail, len(analyse(tail).terms)) == tail


def test_a_loss_asked_after_a_count_is_of_the_cases_counted() -> None:
    head, tail = split_asks("Xã Tân An có mấy vụ trộm cắp xe máy, mất bao nhiêu tiền?")
    counted = analyse(head).counted.as_typed
    assert with_event(counted, tail, len(analyse(tail).terms)) == (
        "trộm cắp xe máy mất bao nhiêu tiền?"
    )
    assert with_event("đối tượng", tail, 1) == tail  # people counted: no cases to lose money


def test_a_year_told_of_a_later_part_does_not_date_the_first() -> None:
    """ "1. Kết quả năm 2027 (so với năm 2026)" dates the items; "; năm 2026 thu hồi 80
    khẩu" dates only what it says."""
    report = (
        "1. Kết quả năm 2027 (so với năm 2026)\n\n"
        "- Phát hiện 12 vụ/19 người xuất cảnh trái phép.\n"
        "- Vận động giao nộp 95 khẩu súng tự chế, 4 kg thuốc nổ; năm 2026 thu hồi 80 khẩu súng."
    )
    answer = _answer(
        "Năm 2027 huyện Mường Tè thu hồi bao nhiêu khẩu súng?", report, district="Mường Tè"
    )
    assert "95 khẩu" in answer.split("[1]")[0]


def test_a_year_given_with_its_bounds_is_the_years_figure() -> None:
    """ "năm 2027 (tính từ ngày 15/12/2026 đến ngày 14/11/2027)": the year as the report
    counts it, not eleven months of it."""
    report = (
        "Theo Tờ trình số 88/TTr-UBND, năm 2027 (tính từ ngày 15/12/2026 đến ngày "
        "14/11/2027) toàn tỉnh xảy ra 31 vụ cháy, thiệt hại 4,2 tỷ đồng."
    )
    answer = _answer("Năm 2027 tỉnh Kon Tum xảy ra bao nhiêu vụ cháy?", report, province="Kon Tum")
    assert "31 vụ cháy" in answer


def test_an_offence_said_short_is_its_long_name() -> None:
    """ "lừa đảo qua mạng" is "lừa đảo chiếm đoạt tài sản trên không gian mạng"."""
    item = "3. Lừa đảo chiếm đoạt tài sản trên không gian mạng\n- Tháng 5: xảy ra 04 vụ."
    assert qualifier_share(analyse("Tháng 5 có mấy vụ lừa đảo qua mạng?"), item) == 1.0
    assert qualifier_share(analyse("bao nhiêu vụ lừa đảo chiếm đoạt tài sản?"), item) == 1.0
    other = "3. Trộm cắp tài sản\n- Tháng 5: xảy ra 04 vụ."
    assert qualifier_share(analyse("Tháng 5 có mấy vụ lừa đảo qua mạng?"), other) == 0.0


def test_a_counter_typed_short_is_spelled_out() -> None:
    unit = analyse("Huyện Mường Tè năm 2027 xử lý bao nhiêu TH vi phạm nồng độ cồn?").counted.unit
    assert unit == "trường hợp vi phạm nồng độ cồn"


def test_a_change_asked_as_a_search_asks_by_how_much() -> None:
    """ "X 2027 so voi 2026", no "thế nào": a change asked, told by a clause saying by how
    much, as "X 2027 so với 2026 thế nào?" is."""
    from assistant.extractive.answerer import _CHANGE_ASKED_RE

    for asked in ("chay rung lai chau 2027 so voi 2026", "chay rung 2027 so voi cung ky"):
        assert _CHANGE_ASKED_RE.search(asked), asked
    assert not _CHANGE_ASKED_RE.search("so vu chay rung 2027 so voi 2026 tang bao nhieu vu")
    # ... told by how much, or by the figure compared with beside the one asked
    from assistant.extractive.quotes import tells_change

    assert tells_change("Xảy ra 54 vụ cháy rừng, tăng 9 vụ (+20%).")
    assert tells_change("Phạt 1,2 tỷ đồng (cùng kỳ năm 2026 là 0,9 tỷ đồng).")
    assert not tells_change("Số vụ cháy rừng tăng, thiệt hại lớn.")


def test_causes_in_a_part_retrieval_did_not_bring_are_read() -> None:
    """Asked why, where no brought clause gives a cause in words: the causes the report
    files further on ("Nguyên nhân của tình hình trên: ...")."""
    from tests.assistant.one_document import document_in_parts

    meta = DocumentMetadata(year=2027, title="Chỉ thị về phòng cháy rừng", province="Lai Châu")
    parts = [
        "1. Tình hình\n\nNăm 2027, huyện Tam Đường xảy ra 14 vụ cháy rừng, tăng 5 vụ so với năm "
        "2026, thiệt hại 21 ha rừng trồng.",
        "Nguyên nhân của tình hình trên: người dân đốt nương rẫy không có người trông coi; "
        "lực lượng bảo vệ rừng mỏng, địa bàn rộng.",
        "2. Nhiệm vụ\n\nCác xã tổ chức trực 24/24 giờ trong mùa khô.",
    ]
    library = document_in_parts("ct.txt", parts, meta, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Vì sao cháy rừng ở huyện Tam Đường tăng?", library.passages[:1]
    )
    assert "đốt nương rẫy" in answer.answer, answer.answer


def test_an_item_singling_out_a_part_counts_what_its_lists_first_item_names() -> None:
    report = (
        "2. Kết quả năm 2027\n\n"
        "- Toàn tỉnh phát hiện 210 vụ khai thác cát trái phép với 250 đối tượng, so với cùng "
        "kỳ tăng 12 vụ.\n"
        "- Kết quả xử lý: khởi tố 20 vụ/31 bị can; xử phạt hành chính 150 vụ, thu 3,2 tỷ đồng.\n"
        "- Riêng quý IV/2027 (từ 15/9 đến 14/12/2027): phát hiện 61 vụ/70 đối tượng."
    )
    answer = _answer(
        "Riêng quý IV/2027 tỉnh Lai Châu phát hiện bao nhiêu vụ khai thác cát trái phép?",
        report,
        province="Lai Châu",
        kind="báo cáo",
    )
    assert "61 vụ/70 đối tượng" in answer.split("[1]")[0]


def test_a_count_of_the_whole_class_is_no_count_of_the_kind_asked() -> None:
    from assistant.extractive.counting import counts_only_the_whole

    asked = analyse("Tháng 5 xã Tân An xử lý bao nhiêu trường hợp vi phạm nồng độ cồn?")
    assert counts_only_the_whole(
        asked, "- Tháng 5: xử lý 88 trường hợp vi phạm, phạt 96 triệu đồng."
    )
    assert not counts_only_the_whole(
        asked, "- Tháng 5: xử lý 88 trường hợp vi phạm, trong đó 21 trường hợp nồng độ cồn."
    )
    assert not counts_only_the_whole(asked, "- Tháng 5: xử lý 21 trường hợp vi phạm nồng độ cồn.")
    # a bare count goes on from the sentence before it, which may name the kind
    assert not counts_only_the_whole(asked, "Riêng tháng 5 xử lý 88 trường hợp.")
    whole = analyse("Tháng 5 xã Tân An xử lý bao nhiêu trường hợp vi phạm?")
    assert not counts_only_the_whole(whole, "- Tháng 5: xử lý 88 trường hợp vi phạm.")


def test_a_bodys_task_asked_with_its_deadline_is_a_duty() -> None:
    """ "Sở B làm gì, hạn chót bao giờ?": the body's item, which carries its deadline; a
    task asked of no body stays asked by when."""
    asked = analyse("ke hoach 12 giao so y te lam gi, han chot bao gio")
    assert asked.type.value == "duty" and asked.body == "so y te"
    assert analyse("UBND huyện phải ban hành kế hoạch khi nào?").type.value == "time"


def test_when_asked_of_two_places_is_asked_of_each() -> None:
    from assistant.extractive.asks import split_places

    assert split_places(
        "Đợt cao điểm dịp Tết 2027 ở Mường Tè và ở Điện Biên kéo dài từ ngày nào?"
    ) == [
        "Đợt cao điểm dịp Tết 2027 ở Mường Tè kéo dài từ ngày nào?",
        "Đợt cao điểm dịp Tết 2027 ở Điện Biên kéo dài từ ngày nào?",
    ]


def test_an_officers_account_is_quoted_to_its_closing_mark() -> None:
    """ "Thủ đoạn gì?" answered by a quoted statement: the statement whole, not its first
    sentence only."""
    page = (
        "Trao đổi với phóng viên, Trung tá Lò Văn Thắm, Phó Trưởng phòng PC04 cho biết: "
        '"Các đối tượng thường liên lạc qua tài khoản ảo để giao dịch. Ma túy được giấu trong '
        "thùng hàng nông sản rồi gửi qua xe khách đường dài; khi nhận hàng chúng thay đổi địa "
        'điểm liên tục để tránh bị phát hiện".\n\nVụ án đang được mở rộng điều tra.'
    )
    answer = _answer(
        "Các đối tượng buôn ma túy ở Lai Châu dùng thủ đoạn gì?", page, province="Lai Châu"
    )
    assert "tài khoản ảo" in answer and "xe khách đường dài" in answer, answer
    assert "mở rộng điều tra" not in answer


def test_a_holidays_figure_is_told_where_the_holiday_is_named() -> None:
    """A passage naming "Tết Giáp Thìn" only to compare with it tells no figure of that
    holiday; a sentence of the holiday does."""
    page = (
        "Trong dịp Tết Ất Tỵ (từ ngày 25/01 đến ngày 03/02/2025), Công an huyện Mường Tè đã "
        "giải tán 06 nhóm đua xe, so với Tết Giáp Thìn năm 2024 giảm 04 nhóm. Từ khi thực "
        "hiện Chỉ thị số 12-CT/HU ngày 18/3/2024 đến hết tháng 01/2025, toàn huyện đã tạm giữ "
        "52 xe mô tô."
    )
    question = "Tết Giáp Thìn 2024 Công an Mường Tè tạm giữ bao nhiêu xe mô tô đua xe?"
    metadata = DocumentMetadata(year=2025, title="Tin Mường Tè", district="Mường Tè")
    passage = Passage("tin.txt#0", "tin.txt", page, 0, len(page), 0.5, metadata)
    assert ExtractiveAnswerer().build(question, [passage]).refused
    told = page + " Dịp Tết Giáp Thìn năm 2024, huyện tạm giữ 31 xe mô tô đua xe."
    passage = Passage("tin.txt#0", "tin.txt", told, 0, len(told), 0.5, metadata)
    assert "31 xe" in ExtractiveAnswerer().build(question, [passage]).answer


def test_a_holiday_named_by_a_letters_wrapped_subject_dates_its_items() -> None:
    """ "V/v bảo đảm ANTT ... / dịp Tết Giáp Thìn 2024": the letter's tasks are of that
    holiday, though its title was read from the subject's first line only."""
    from tests.assistant.one_document import document_in_parts

    meta = DocumentMetadata(
        year=2024, title="Công văn về việc triển khai các biện pháp bảo đảm", province="Lai Châu"
    )
    parts = [
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nSố: 77/UBND-NC\n\nV/v triển khai các biện pháp bảo "
        "đảm\nANTT dịp Tết Giáp Thìn 2024",
        "2. Bộ Chỉ huy Quân sự tỉnh\n\nChủ trì tổ chức bắn pháo hoa đêm Giao thừa tại 04 điểm; "
        "phối hợp với Công an tỉnh bảo vệ các mục tiêu trọng điểm.",
    ]
    library = document_in_parts("cv.txt", parts, meta, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Lai Châu bắn pháo hoa đêm Giao thừa Tết Giáp Thìn ở mấy điểm?", library.passages[1:]
    )
    assert "04 điểm" in answer.answer, answer.answer
