"""A part counted inside a whole, places a lead-in says have many, a body named with a word
or two more than asked, a body ending in its unit word, "Cần Thơ" read as no need, and a
body typed without marks holding "an" (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.bodies import names_body
from assistant.extractive.counting import counts_a_part
from assistant.extractive.question import QuestionType, analyse
from tests.assistant.one_document import invented_passage


def test_a_part_counted_inside_the_whole_is_no_figure_of_the_whole() -> None:
    """ "Trong 52 vụ TNGT có 19 vụ liên quan đến nồng độ cồn, giảm 04 vụ so với cùng kỳ":
    asked how all accidents changed, the part's change does not answer."""
    asked = analyse("TNGT 6 tháng đầu năm 2030 tỉnh Yên Bái so với cùng kỳ ra sao?")
    part = (
        "Trong 52 vụ TNGT có 19 vụ liên quan đến người điều khiển phương tiện có nồng độ cồn, "
        "giảm 04 vụ (-17,39%) so với cùng kỳ."
    )
    assert counts_a_part(asked, part)
    assert not counts_a_part(analyse("Bao nhiêu vụ TNGT liên quan đến nồng độ cồn?"), part)
    # ... nor is a period a whole: "Trong 9 tháng năm 2030, ... có 386 vụ"
    period = "Trong 9 tháng năm 2030, toàn tỉnh có 386 vụ phạm tội về ma túy, thu giữ 12,4 kg."
    assert not counts_a_part(asked, period)
    report = invented_passage(
        "I. TÌNH HÌNH TRẬT TỰ, AN TOÀN GIAO THÔNG 6 THÁNG ĐẦU NĂM 2030\n\n"
        "Trên địa bàn tỉnh xảy ra 52 vụ tai nạn giao thông (TNGT), làm chết 41 người, bị thương "
        "30 người. So với cùng kỳ năm 2029: giảm 07 vụ (-11,86%), giảm 03 người chết.\n\n"
        f"{part}",
        title="Báo cáo kết quả bảo đảm trật tự, an toàn giao thông 6 tháng đầu năm 2030",
        province="Yên Bái",
    )
    answer = ExtractiveAnswerer().build(
        "TNGT 6 tháng đầu năm 2030 tỉnh Yên Bái so với cùng kỳ ra sao?", [report]
    )
    assert "giảm 07 vụ" in answer.answer.split("[1]")[0], answer.answer


def test_the_places_a_lead_in_says_have_many_are_each_listed() -> None:
    """ "Các địa bàn phát hiện nhiều vụ việc:" ranks the places it lists: asked "những địa
    bàn nào ... nhiều ... nhất", each of them, not only the first."""
    page = invented_passage(
        "Các địa bàn phát hiện nhiều vụ việc trong 11 tháng:\n\n"
        "- Huyện Lục Yên: 9 vụ;\n- Huyện Văn Chấn: 7 vụ;\n- Huyện Trạm Tấu: 5 vụ.\n\n"
        "Công an tỉnh khuyến cáo người dân không mua bán pháo nổ.",
        "tin.html",
        title="Triệt phá đường dây vận chuyển pháo nổ",
        kind="tin bài",
        province="Yên Bái",
    )
    answer = ExtractiveAnswerer().build(
        "Ở Yên Bái 11 tháng năm 2030, những địa bàn nào phát hiện nhiều vụ pháo nổ nhất?", [page]
    )
    for place in ("Lục Yên: 9 vụ", "Văn Chấn: 7 vụ", "Trạm Tấu: 5 vụ"):
        assert place in answer.answer, answer.answer


def test_a_body_named_fuller_in_the_text_is_still_named() -> None:
    """ "Ban Quản lý Khu bảo tồn thiên nhiên Nà Hẩu" is the "Ban quản lý Khu bảo tồn Nà Hẩu"
    a question names; a short name is named whole ("Sở Y tế" is no "Sở ... y tế")."""
    item = (
        "5. Đề nghị Ban Quản lý Khu bảo tồn thiên nhiên Nà Hẩu phối hợp tuần tra chung tại các "
        "khu vực giáp ranh."
    )
    asked = analyse("Ban quản lý Khu bảo tồn Nà Hẩu có được giao nhiệm vụ không?").body
    assert asked is not None and names_body(asked, item), asked
    assert not names_body("so y te", "Sở Giao thông vận tải và Y tế dự phòng")
    directive = invented_passage(
        f"III. TỔ CHỨC THỰC HIỆN\n\n{item}",
        "ct.txt",
        title="Chỉ thị về phòng, chống săn bắt động vật hoang dã",
        kind="chỉ thị",
        province="Yên Bái",
        district="Văn Yên",
    )
    answer = ExtractiveAnswerer().build(
        "Ban quản lý Khu bảo tồn Nà Hẩu có được giao nhiệm vụ trong chỉ thị của Huyện ủy Văn "
        "Yên không?",
        [directive],
    )
    assert "Nà Hẩu phối hợp tuần tra" in answer.answer, answer.answer


def test_a_town_police_asked_without_marks_is_that_body() -> None:
    """ "Cong an thi xa A": the town's police (its "an thi" is no district "Ân Thi", its
    closing "thị xã" no place), its duties asked."""
    for question in (
        "trach nhiem cua Cong an thi xa Nghia Lo trong quy che phoi hop voi don bien phong",
        "trách nhiệm của Công an thị xã Nghĩa Lộ trong quy chế phối hợp với đồn biên phòng",
    ):
        assert analyse(question).body == "cong an thi xa", question


def test_the_city_can_tho_asks_no_need() -> None:
    """ "mức hỗ trợ ... theo NQ 20/2030 Cần Thơ" asks an amount: "Cần" is the city's name,
    not "cần" (must) giving a body a task."""
    for question in (
        "muc ho tro tim kiem cuu nan ban dem theo NQ 20/2030 Can Tho",
        "mức hỗ trợ tìm kiếm cứu nạn ban đêm theo NQ 20/2030 Cần Thơ",
    ):
        assert analyse(question).type == QuestionType.COUNT, question
    assert analyse("Theo KH 12, Sở Y tế cần làm gì?").type == QuestionType.DUTY
