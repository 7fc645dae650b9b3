"""Two things joined asked their rates, a yes or no closing a question, a size that
qualifies a counted noun, a day's event and a year's figure so far asked of a month, a
cited document's targets, the places a lead-in names as the most, one thing asked of two
places or documents, a reward asked, and a body's own article of duties (invented
documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import place_labels, split_asks, split_places
from assistant.extractive.candidates import score_candidates
from assistant.extractive.passage_views import read_passages
from assistant.extractive.periods import periods_in
from assistant.extractive.question import analyse
from assistant.extractive.structured import register_duty_clauses
from index.extraction.duties import read_duties
from tests.assistant.one_document import invented_passage

RATES = invented_passage(
    "Điều 2. Mức hỗ trợ\n\n"
    "| TT | Loại vũ khí, vật liệu nổ | Mức hỗ trợ |\n|---|---|---|\n"
    "| 1 | Súng săn, súng tự chế | 800.000 đồng/khẩu |\n"
    "| 2 | Lựu đạn, mìn, đạn pháo | 300.000 đồng/quả |\n"
    "| 3 | Đạn các loại | 2.000 đồng/viên |\n\n"
    "Người giao nộp cư trú tại các xã biên giới được hỗ trợ thêm 15% so với mức quy định "
    "tại bảng trên.",
    "nq.html",
    title="Nghị quyết quy định mức hỗ trợ giao nộp vũ khí, vật liệu nổ",
    kind="nghị quyết",
    province="Yên Bái",
    year=2031,
)


def test_two_things_joined_are_each_read_from_their_own_row() -> None:
    answer = ExtractiveAnswerer().build(
        "Giao nộp súng săn và lựu đạn ở Yên Bái được hỗ trợ bao nhiêu tiền?", [RATES]
    )
    assert "800.000 đồng/khẩu" in answer.answer, answer.answer
    assert "300.000 đồng/quả" in answer.answer, answer.answer


def test_a_yes_or_no_closing_the_question_is_a_second_part() -> None:
    question = "Giao nộp súng săn ở Yên Bái được bao nhiêu, xã biên giới có được cộng thêm không?"
    assert split_asks(question) == [
        "Giao nộp súng săn ở Yên Bái được bao nhiêu",
        "xã biên giới có được cộng thêm không?",
    ]
    answer = ExtractiveAnswerer().build(question, [RATES])
    assert "800.000 đồng/khẩu" in answer.answer and "15%" in answer.answer, answer.answer
    # ... typed without marks too
    assert len(split_asks("muc ho tro la bao nhieu, xa bien gioi co duoc them khong")) == 2


def test_a_size_qualifies_the_counted_noun_without_naming_it() -> None:
    assert analyse("Xã A có bao nhiêu tàu cá dài từ 12 m trở lên?").counted.unit == "tàu cá"
    assert analyse("co bao nhieu xe khach nang tren 10 tan").counted.unit == "xe khach"
    report = invented_passage(
        "Toàn xã có 230 tàu cá đăng ký, trong đó 48 tàu có chiều dài từ 12 m trở lên phải lắp "
        "thiết bị giám sát hành trình.",
        title="Báo cáo công tác quản lý tàu cá năm 2031",
        province="Cà Mau",
        district="Trần Văn Thời",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Trần Văn Thời có bao nhiêu tàu cá dài từ 12 m trở lên phải lắp thiết bị giám sát?",
        [report],
    )
    assert not answer.refused and "48 tàu" in answer.answer, answer.answer


NEWS = invented_passage(
    "Ngày 20/3, Công an tỉnh Yên Bái cho biết đã bắt 03 đối tượng, thu giữ 450 kg pháo nổ.\n\n"
    "Từ đầu năm 2031 đến ngày 20/3/2031, toàn tỉnh thu giữ 910 kg pháo các loại.",
    "tin.html",
    title="Yên Bái: bắt nhóm đối tượng buôn bán pháo nổ",
    kind="tin",
    province="Yên Bái",
    year=2031,
)


def test_a_days_event_and_a_years_figure_so_far_are_no_other_months() -> None:
    assert periods_in("Ngày 20/3, Công an tỉnh cho biết") == {"day-3"}
    assert periods_in("Khoảng 2 giờ sáng 20/3/2031, tổ công tác") == {"day-3"}
    assert periods_in("từ đầu năm 2031 đến ngày 30/9/2031, thu giữ") == {"ytd-9"}
    answer = ExtractiveAnswerer().build("thang 2/2031 Yen Bai thu giu bao nhieu kg phao", [NEWS])
    assert answer.refused and "tháng 3 năm 2031" in answer.answer, answer.answer
    answer = ExtractiveAnswerer().build("Tháng 3/2031 Yên Bái thu giữ bao nhiêu kg pháo?", [NEWS])
    assert not answer.refused and "450 kg" in answer.answer, answer.answer


def test_items_led_in_keep_the_day_told_above_their_lead_in() -> None:
    news = invented_passage(
        "Tháng 2/2031, Công an huyện Lục Yên phát hiện nhóm đối tượng thu mua thuốc pháo.\n\n"
        "Khoảng 2 giờ sáng 20/3/2031, tổ công tác bắt quả tang 04 đối tượng đang đóng gói "
        "pháo.\n\nTang vật thu giữ gồm:\n\n450 kg pháo nổ thành phẩm;\n\n02 xe ô tô bán tải.",
        "tin.html",
        title="Lục Yên: triệt phá nhóm sản xuất pháo nổ",
        kind="tin",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build("thang 2/2031 Yen Bai thu giu bao nhieu kg phao", [news])
    assert answer.refused, answer.answer


def test_what_a_document_only_cited_sets_is_not_its_citers() -> None:
    directive = invented_passage(
        "Thời gian qua, thực hiện Chỉ thị số 03-CT/HU ngày 05/4/2026 của Ban Thường vụ Huyện "
        "ủy về bảo đảm an ninh nông thôn, các cấp ủy, chính quyền đã có nhiều cố gắng; tình "
        "hình an ninh nông thôn cơ bản ổn định.\n\n"
        "Mục tiêu đến năm 2032: giảm 10% số vụ trộm cắp tài sản.",
        "ct.txt",
        title="Chỉ thị số 12-CT/HU về tăng cường bảo đảm an ninh nông thôn",
        kind="chỉ thị",
        province="Yên Bái",
        district="Lục Yên",
        year=2031,
        directive_numbers=("12-CT/HU", "03-CT/HU"),
    )
    answer = ExtractiveAnswerer().build(
        "Chỉ thị 03-CT/HU năm 2026 về an ninh nông thôn đặt ra chỉ tiêu gì?", [directive]
    )
    assert answer.refused, answer.answer


def test_places_asked_as_many_are_the_items_of_a_lead_in_naming_the_most() -> None:
    news = invented_passage(
        "Kỳ thi năm 2031, tỉnh Yên Bái có 31 điểm thi.\n\n"
        "Các địa phương có nhiều điểm thi nhất gồm:\n\n"
        "Thành phố Yên Bái: 08 điểm thi\n\nHuyện Văn Yên: 05 điểm thi\n\n"
        "Huyện Trấn Yên: 04 điểm thi",
        "tin.html",
        title="Yên Bái bảo đảm an ninh kỳ thi năm 2031",
        kind="tin",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Kỳ thi 2031 ở Yên Bái, những địa phương nào có nhiều điểm thi nhất?", [news]
    )
    for place in ("Thành phố Yên Bái: 08", "Huyện Văn Yên: 05", "Huyện Trấn Yên: 04"):
        assert place in answer.answer, answer.answer


def test_a_number_of_people_helped_is_no_rate_read_from_a_table() -> None:
    report = invented_passage(
        "Lực lượng CSGT bố trí 40 điểm chốt phân luồng; hỗ trợ 17 thí sinh gặp sự cố trên "
        "đường đến điểm thi.\n\n"
        "| Chỉ tiêu | Kết quả | Đánh giá |\n|---|---|---|\n"
        "| 100% thí sinh được hướng dẫn đường đến điểm thi | 98,5% | Chưa đạt |",
        title="Báo cáo kết quả bảo đảm an ninh kỳ thi năm 2031",
        province="Yên Bái",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Kỳ thi 2031 Yên Bái CSGT hỗ trợ bao nhiêu thí sinh?", [report]
    )
    assert "17 thí sinh" in answer.answer.split("[1]")[0], answer.answer


def test_one_thing_asked_of_two_places_or_documents_after_a_colon() -> None:
    assert split_places("Số vụ cháy: huyện Lục Yên 9 tháng 2031 và xã Khánh Hòa từ 01/7/2031?") == [
        "Số vụ cháy: huyện Lục Yên 9 tháng 2031 là bao nhiêu?",
        "Số vụ cháy: xã Khánh Hòa từ 01/7/2031 là bao nhiêu?",
    ]
    assert split_places("muc thuong to giac: chi thi san bat thu rung va quy che bao ve de") == [
        "muc thuong to giac: chi thi san bat thu rung la bao nhieu?",
        "muc thuong to giac: quy che bao ve de la bao nhieu?",
    ]
    assert split_places("Thủ đoạn: lừa đảo và trộm cắp") == ["Thủ đoạn: lừa đảo và trộm cắp"]
    # ... each labelled by its place, without its period
    assert place_labels(
        [
            "Số vụ cháy: huyện Lục Yên 9 tháng 2031 là bao nhiêu?",
            "Số vụ cháy: xã Khánh Hòa từ 01/7/2031 là bao nhiêu?",
        ]
    ) == ["huyện Lục Yên", "xã Khánh Hòa"]


def test_two_things_each_asked_of_a_place_of_its_own() -> None:
    assert split_places(
        "Thủ đoạn lừa đảo mới ở xã Khánh Hòa và chiêu dụ lao động ở tỉnh Yên Bái là gì?"
    ) == [
        "Thủ đoạn lừa đảo mới ở xã Khánh Hòa là gì?",
        "chiêu dụ lao động ở tỉnh Yên Bái là gì?",
    ]


def test_a_reward_asked_is_an_amount() -> None:
    assert analyse("Mức thưởng tố giác săn bắt thú rừng là bao nhiêu?").counted.unit == "đồng"
    assert analyse("bao nhieu nguoi bi thuong").counted.unit != "dong"


RULE = (
    "QUY CHẾ PHỐI HỢP\ngiữa Công an huyện Vị Xuyên và Công ty Thủy điện Thanh Thủy trong bảo "
    "vệ an toàn hồ chứa, đập tràn\n\n"
    "Căn cứ Luật Công an nhân dân năm 2018; Luật Thủy lợi năm 2017, Công an huyện Vị Xuyên và "
    "Công ty Thủy điện Thanh Thủy thống nhất ban hành Quy chế phối hợp như sau:\n\n"
    "Điều 4. Tuần tra chung\n"
    "1. Hai bên tuần tra chung mỗi tháng một lần trên tuyến biên giới.\n"
    "2. Công ty Thủy điện Thanh Thủy cử người dẫn đường cho tổ tuần tra chung; Công an huyện "
    "bố trí lực lượng tham gia.\n\n"
    "Điều 9. Trách nhiệm của Công ty Thủy điện Thanh Thủy\n"
    "a) Lắp camera giám sát tại đập tràn và hành lang an toàn hồ chứa;\n"
    "b) Bố trí nơi ăn nghỉ cho lực lượng tham gia tuần tra chung;\n"
    "c) Báo cáo kết quả phối hợp trước ngày 10/12/2031.\n\n"
    "Điều 10. Hiệu lực thi hành\n"
    "Quy chế có hiệu lực kể từ ngày ký."
)


def test_a_bodys_own_article_comes_before_an_item_naming_it_elsewhere() -> None:
    """ "Điều 9. Trách nhiệm của Công ty A" / "a) ..." lists the body's own duties; the item
    of another article that names it among others ("2. Công ty A cử người ...") follows."""
    passage = invented_passage(
        RULE,
        "qc.txt",
        title="Quy chế phối hợp giữa Công an huyện Vị Xuyên và Công ty Thủy điện Thanh Thủy",
        kind="quy chế",
        province="Hà Giang",
        year=2031,
    )
    analysis = analyse("Công ty Thủy điện Thanh Thủy có trách nhiệm gì theo quy chế phối hợp?")
    views = read_passages(analysis, [passage])
    groups = register_duty_clauses(
        analysis, views, score_candidates(analysis, views), lambda _: read_duties(RULE)
    )
    told = [view.clauses[index].text for group in groups for view, index in group]
    assert "dẫn đường" not in " ".join(told[:3]), told
    assert any("đập tràn" in text for text in told[:3]), told
