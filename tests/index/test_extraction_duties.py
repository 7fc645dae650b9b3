"""Duty items of invented directives and plans: owners, hand-down, co-owners, deadlines."""

from __future__ import annotations

from index.extraction.bodies import body_key, read_owners
from index.extraction.duties import read_deadline, read_duties

PLAN = """KẾ HOẠCH

Phòng ngừa đuối nước cho học sinh dịp hè năm 2030

I. MỤC ĐÍCH

1. Nâng cao kỹ năng bơi an toàn cho học sinh tiểu học.

II. NHIỆM VỤ

1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Công an tỉnh tổ chức lớp dạy bơi; \
báo cáo kết quả trước ngày 20/8/2030.

2. Các sở, ban, ngành:

a) Rà soát ao, hồ, sông suối nguy hiểm trong phạm vi quản lý.

b) Sở Y tế hướng dẫn sơ cứu người đuối nước hằng tháng.

3. Đề nghị Ủy ban MTTQ tỉnh, Tỉnh đoàn vận động phụ huynh trông giữ trẻ.

4. UBND các huyện, thị xã cắm biển cảnh báo tại điểm nước sâu, xong trong tháng 6/2030.

III. TỔ CHỨC THỰC HIỆN

Giao Sở Giáo dục và Đào tạo theo dõi, tổng hợp định kỳ 6 tháng."""


def _by_body(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for duty in read_duties(text):
        assert text[duty.start : duty.end] == duty.text
        found.setdefault(duty.body, []).append(duty.text)
    return found


def test_items_opening_with_a_body_are_duties_and_targets_are_not() -> None:
    bodies = [duty.body for duty in read_duties(PLAN)]
    assert bodies == [
        "Sở Giáo dục và Đào tạo",
        "Các sở, ban, ngành",  # handed down to item a), which names no body of its own
        "Sở Y tế",
        "Ủy ban MTTQ tỉnh",
        "UBND các huyện, thị xã",
        "Sở Giáo dục và Đào tạo",  # "Giao ..." in the closing section
    ]


def test_a_heading_item_hands_its_body_to_its_sub_items_only() -> None:
    duties = read_duties(PLAN)
    handed = next(d for d in duties if d.text.startswith("Rà soát ao"))
    assert handed.body == "Các sở, ban, ngành"
    assert handed.section == "II.2.a"
    assert not any(d.text.startswith("Các sở, ban, ngành") for d in duties)


def test_a_body_asked_to_help_is_not_an_owner() -> None:
    first = read_duties(PLAN)[0]
    assert first.body == "Sở Giáo dục và Đào tạo"
    assert first.co_bodies == ()  # "phối hợp với Công an tỉnh"


def test_several_owners_of_one_item() -> None:
    item = next(d for d in read_duties(PLAN) if d.body == "Ủy ban MTTQ tỉnh")
    assert item.co_bodies == ("Tỉnh đoàn",)
    assert item.text.startswith("Đề nghị Ủy ban MTTQ tỉnh")


def test_deadlines_as_written() -> None:
    deadlines = {d.text[:12]: d.deadline for d in read_duties(PLAN)}
    assert deadlines["Sở Giáo dục "] == "trước ngày 20/8/2030"
    assert deadlines["Sở Y tế hướn"] == "hằng tháng"
    assert deadlines["UBND các huy"] == "xong trong tháng 6/2030"
    assert deadlines["Giao Sở Giáo"] == "định kỳ 6 tháng"
    assert read_deadline("hoàn thành trong quý III năm 2031 và báo cáo hằng năm") == (
        "hoàn thành trong quý III năm 2031"
    )
    assert read_deadline("tuyên truyền sâu rộng trong Nhân dân") is None


def test_a_comma_inside_one_name_does_not_split_it() -> None:
    text = "Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh kiểm tra các cơ sở lưu trú."
    owners = read_owners(text, 0, len(text))
    assert owners is not None
    assert (owners.body, owners.co_bodies) == ("Sở Văn hóa, Thể thao và Du lịch", ("Công an tỉnh",))


def test_a_plain_report_has_no_duties() -> None:
    report = """BÁO CÁO

Kết quả công tác quý I năm 2031

1. Tình hình chung

Công an huyện đã tiếp nhận 12 tin báo, giải quyết 10 tin.

2. Phương hướng

- Tăng cường tuần tra ban đêm tại các thôn vùng giáp ranh.

- Phối hợp với các ngành kiểm tra cơ sở kinh doanh có điều kiện."""
    assert read_duties(report) == ()


def test_a_news_story_quoting_bodies_has_no_duties() -> None:
    news = (
        "Sáng nay, Công an tỉnh tổ chức hội nghị tổng kết.\n\n"
        "Sở Y tế cho biết sẽ bổ sung hai xe cứu thương cho vùng cao."
    )
    assert read_duties(news) == ()


def test_body_key_compares_spelled_out_and_abbreviated_names() -> None:
    assert body_key("UBND các huyện, thành phố") == body_key("Ủy ban nhân dân các huyện thành phố")
    assert body_key("Ủy ban MTTQ tỉnh") == body_key("ủy ban mặt trận tổ quốc tỉnh")


def test_a_bare_heading_hands_down_and_parenthesised_numbers_are_items() -> None:
    text = (
        "2. Công an tỉnh\n\n"
        "(1) Tuần tra các tuyến đường ven sông vào ban đêm.\n\n"
        "(2) Trong quý II/2031 lập danh sách điểm nóng.\n\n"
        "3. Tòa án xét xử theo quy định."
    )
    duties = read_duties(text)
    assert [(d.body, d.section, d.deadline) for d in duties] == [
        ("Công an tỉnh", "2.1", None),
        ("Công an tỉnh", "2.2", "Trong quý II/2031"),
    ]  # "Tòa án" alone is a head word, not a named body


def test_a_body_named_alone_owns_the_unnumbered_paragraph_under_it() -> None:
    text = (
        "II. NHIỆM VỤ\n\n"
        "1. Công an tỉnh\n\n"
        "Tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ vào dịp lễ; xử lý nghiêm "
        "người điều khiển phương tiện vi phạm nồng độ cồn.\n\n"
        "2. Sở Y tế\n\n"
        "Chỉ đạo các bệnh viện tuyến huyện nâng cao năng lực cấp cứu người bị tai nạn; báo "
        "cáo kết quả trước ngày 30/6/2031.\n\n"
        "3. Sở Tài chính bố trí kinh phí thực hiện."
    )
    duties = read_duties(text)
    assert [(d.body, d.section, d.deadline) for d in duties] == [
        ("Công an tỉnh", "II.1", None),
        ("Sở Y tế", "II.2", "trước ngày 30/6/2031"),
        ("Sở Tài chính", "II.3", None),
    ]
    assert duties[1].text.startswith("Chỉ đạo các bệnh viện")


def test_a_heading_asking_several_bodies_hands_them_all_to_the_paragraph_under_it() -> None:
    """ "5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, ... và Hiệp hội Vận tải tỉnh":
    "Mặt trận Tổ quốc" is one name (not "Ủy ban Mặt"), "Hiệp hội" opens a body, and the
    paragraph under the heading is each one's task."""
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "4. Sở Giao thông vận tải chủ trì kiểm tra bến xe khách.\n\n"
        "5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Nông dân tỉnh và Hiệp hội "
        "Vận tải tỉnh\n\n"
        "Phối hợp tuyên truyền để hội viên và Nhân dân chấp hành quy định về tải trọng."
    )
    duties = read_duties(text)
    assert [(d.body, d.co_bodies, d.section) for d in duties] == [
        ("Sở Giao thông vận tải", (), "IV.4"),
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            ("Hội Nông dân tỉnh", "Hiệp hội Vận tải tỉnh"),
            "IV.5",
        ),
    ]
    assert duties[1].text.startswith("Phối hợp tuyên truyền")


def test_a_customs_office_named_alone_on_its_line_owns_the_paragraph_under_it() -> None:
    """ "Hải quan" is one name ("quan" carried after "Hải"), so the line names the body
    alone and hands it down; "quan tâm" after a name is a verb, not part of the name."""
    text = (
        "6. Cục Hải quan tỉnh\n\n"
        "Phối hợp với Bộ đội Biên phòng kiểm soát người, phương tiện qua cửa khẩu.\n\n"
        "7. Sở Y tế quan tâm bố trí thuốc cắt cơn cho người nghiện.\n"
    )
    duties = read_duties(text)
    assert [(d.body, d.text[:8]) for d in duties] == [
        ("Cục Hải quan tỉnh", "Phối hợp"),
        ("Sở Y tế", "Sở Y tế "),
    ]


def test_an_article_headed_by_whose_duties_it_lists_owns_its_items() -> None:
    """ "Điều 8. Trách nhiệm của Công ty Cấp nước A": its items name no body, the heading
    does; the next article ends it."""
    text = (
        "Điều 8. Trách nhiệm của Công ty Cấp nước Yên Bái\n"
        "1. Cung cấp sơ đồ đường ống, trụ nước chữa cháy cho Công an tỉnh trước ngày 31/3/2031.\n"
        "2. Bảo đảm áp lực nước tại các trụ nước chữa cháy trong khu dân cư.\n\n"
        "Điều 9. Hiệu lực thi hành\n"
        "1. Quy chế có hiệu lực kể từ ngày ký.\n"
    )
    duties = read_duties(text)
    assert [(d.body, d.section) for d in duties] == [
        ("Công ty Cấp nước Yên Bái", "Điều 8.1"),
        ("Công ty Cấp nước Yên Bái", "Điều 8.2"),
    ]
    assert duties[0].deadline == "trước ngày 31/3/2031"


def test_the_recipients_of_a_document_are_given_no_task() -> None:
    """ "Nơi nhận:" closes a directive with the bodies it is sent to, which it tasks no
    more than the others."""
    text = (
        "3. Công an huyện chủ trì tuần tra, kiểm soát các tuyến đường mòn biên giới.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNơi nhận:\n"
        "- Công an tỉnh, Bộ Chỉ huy BĐBP tỉnh,\n- Sở Công Thương,\n- Lưu VT.\n"
    )
    assert [d.body for d in read_duties(text)] == ["Công an huyện"]


def test_an_article_headed_by_a_body_alone_owns_its_plain_paragraph() -> None:
    """ "Điều 9. Sở Du lịch" then its tasks as a paragraph (no numbered items)."""
    text = (
        "Điều 9. Sở Du lịch\n"
        "Chủ trì kiểm tra các cơ sở kinh doanh dịch vụ du lịch; báo cáo trước ngày 31/12/2031.\n\n"
        "Điều 10. Hiệu lực thi hành\n"
        "Quy chế có hiệu lực kể từ ngày ký.\n"
    )
    duties = read_duties(text)
    assert [(d.body, d.section) for d in duties] == [("Sở Du lịch", "Điều 9")]


def test_a_decisions_recipients_end_where_its_attached_rule_begins() -> None:
    text = (
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh chịu trách nhiệm thi hành "
        "Quyết định này.\n\nNơi nhận:\n- Như Điều 3;\n- Sở Tư pháp;\n- Lưu: VT.\n\n"
        "QUY CHẾ PHỐI HỢP\n\n"
        "1. Sở Tư pháp hướng dẫn thủ tục xử phạt vi phạm hành chính.\n"
    )
    assert [(d.body, d.section) for d in read_duties(text)] == [("Sở Tư pháp", "1")]
    assert "Sở Tư pháp;" not in [d.text for d in read_duties(text)]


def test_a_signature_set_beside_the_recipients_ends_nothing() -> None:
    """ "CHÁNH VĂN PHÒNG" in capitals, the signer's title set beside "Nơi nhận:" (cleaning
    puts it on lines of its own), ends no block: the lines after it are no duty."""
    text = (
        "9. Đề nghị Ủy ban Mặt trận Tổ quốc huyện\n"
        "Phối hợp vận động Nhân dân tố giác tội phạm.\n\n"
        "Nơi nhận:\n- TT. Huyện ủy;\n- Công an huyện;\n- Lưu: VT.\n"
        "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n(đã ký)\nLò Văn Tùng\n"
    )
    assert all("Lò Văn Tùng" not in d.text for d in read_duties(text)), read_duties(text)


def test_an_item_naming_its_body_and_opening_a_list_hands_the_body_down() -> None:
    """ "2. Sở A chủ trì, phối hợp:" with its points under it: the points are Sở A's tasks
    (its own line is one too), however the points open."""
    text = (
        "III. NHIỆM VỤ\n\n"
        "1. Sở Du lịch tổ chức tập huấn cho hướng dẫn viên.\n\n"
        "2. Đảng ủy Công an thành phố lãnh đạo Công an thành phố:\n"
        "  a) Thành lập 02 tổ tuần tra trên sông, hoàn thành trước ngày 15/3/2030;\n"
        "  b) Duy trì đường dây nóng 24/24 giờ;\n"
        "  c) Báo cáo kết quả trước ngày 25 hằng tháng.\n\n"
        "3. UBND các phường rà soát bến thủy nội địa.\n"
    )
    owned = [(d.section, d.body) for d in read_duties(text)]
    party = [section for section, body in owned if body == "Đảng ủy Công an thành phố"]
    assert party == ["III.2", "III.2.a", "III.2.b", "III.2.c"], owned
    # ... and the item after the list has its own body again
    assert ("III.3", "UBND các phường") in owned, owned


def test_a_body_named_by_an_abbreviation_joined_with_ampersand_owns_its_article() -> None:
    """ "Phòng VH&TT", "Sở LĐ-TB&XH": the joined abbreviation is one word of the name, so the
    article headed with it lists that body's duties."""
    text = (
        "Điều 6. Trách nhiệm của Phòng VH&TT\n"
        "1. Kiểm tra các điểm karaoke trên địa bàn trước ngày 30/6/2031.\n"
        "2. Tuyên truyền phòng, chống bạo lực gia đình.\n\n"
        "Điều 7. Hiệu lực thi hành\n"
        "Quy chế có hiệu lực kể từ ngày ký.\n"
    )
    assert [(d.body, d.section) for d in read_duties(text)] == [
        ("Phòng VH&TT", "Điều 6.1"),
        ("Phòng VH&TT", "Điều 6.2"),
    ]
    owners = read_owners("Sở LĐ-TB&XH tỉnh chủ trì hỗ trợ nạn nhân.", 0, 40)
    assert owners is not None and owners.body == "Sở LĐ-TB&XH tỉnh"


def test_an_economic_zone_s_board_owns_its_article() -> None:
    """ "Ban Quản lý Khu kinh tế A": "kinh tế" goes on the name, as "Y tế" does."""
    text = (
        "Điều 9. Trách nhiệm của Ban Quản lý Khu kinh tế Nghi Sơn\n"
        "1. Cung cấp danh sách doanh nghiệp trong khu kinh tế trước ngày 31/3/2031.\n\n"
        "Điều 10. Hiệu lực thi hành\n"
        "Quy chế có hiệu lực kể từ ngày ký.\n"
    )
    assert [(d.body, d.section) for d in read_duties(text)] == [
        ("Ban Quản lý Khu kinh tế Nghi Sơn", "Điều 9.1"),
    ]


def test_an_item_requiring_others_to_act_is_the_task_of_the_body_over_it() -> None:
    """ "3. Ban Quản lý Khu kinh tế tỉnh:" over "a) Yêu cầu các doanh nghiệp cung cấp ...":
    requiring it is the board's task, not the companies' own."""
    text = (
        "3. Ban Quản lý Khu kinh tế tỉnh:\n"
        "a) Yêu cầu các doanh nghiệp cung cấp danh sách lao động nước ngoài trước ngày 10 "
        "hằng tháng.\n"
        "b) Bố trí khu nhà ở tập trung cho chuyên gia nước ngoài.\n"
        "4. Yêu cầu Sở Tư pháp rà soát hồ sơ lý lịch.\n"
    )
    assert [(d.body, d.section) for d in read_duties(text)] == [
        ("Ban Quản lý Khu kinh tế tỉnh", "3.a"),
        ("Ban Quản lý Khu kinh tế tỉnh", "3.b"),
        ("Sở Tư pháp", "4"),
    ]
