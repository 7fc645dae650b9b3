"""What a question asks for, read from its words: a day, the time of year a table's row
names, the names a list gives, a road, an interest rate, an issuer, the bodies only
proposed a task, a district's military command (invented documents; real place names,
which the gazetteer reads)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.bodies import names_body
from assistant.extractive.district_units import with_district_units
from assistant.extractive.question import QuestionType, analyse
from tests.assistant.one_document import first_quote, invented_passage

PATROLS = invented_passage(
    "Điều 3. Kinh phí\n\n"
    "Đề nghị UBND huyện bố trí kinh phí cho tổ tuần tra liên ngành mùa thu hoạch cà phê.\n\n"
    "Điều 4. Tuần tra liên ngành mùa thu hoạch cà phê\n\n"
    "1. Thời gian: từ ngày 01/10/2030 đến ngày 31/01/2031.\n\n"
    "2. Thành lập 08 tổ tuần tra liên ngành tại các vùng cà phê trọng điểm.\n\n"
    "4. Ban Chỉ huy quân sự huyện bố trí dân quân trực tại các điểm thu mua cà phê.\n\n"
    "Kết quả phối hợp năm 2029:\n\n"
    "| Thời điểm năm 2029 | Buổi tuần tra chung | Lượt người tham gia |\n"
    "|---|---|---|\n"
    "| Dịp Tết Nguyên đán | 31 | 210 |\n"
    "| Mùa thu hoạch cà phê | 64 | 390 |\n"
    "| Mùa mưa lũ | 22 | 515 |\n"
    "| Cộng | 117 | 1.115 |\n\n"
    "Nơi nhận: Bộ Chỉ huy quân sự tỉnh (b/c); Lưu: VT.",
    "qc.txt",
    title="Quy chế phối hợp bảo đảm an ninh, trật tự mùa thu hoạch cà phê năm 2030",
    kind="quy chế",
    province="Gia Lai",
)


def test_a_day_asked_is_answered_by_a_clause_naming_one() -> None:
    """ "từ ngày nào đến ngày nào": the item giving the dates, under the heading naming the
    patrols, not a clause repeating the question's words with no date."""
    quote = first_quote(
        "Tuần tra liên ngành mùa thu hoạch cà phê từ ngày nào đến ngày nào?", PATROLS
    )
    assert "01/10/2030" in quote and "31/01/2031" in quote


def test_the_time_of_year_with_the_most_is_read_in_the_table_s_rows() -> None:
    """ "Thời điểm nào ... nhiều lượt người nhất": the rows are times of the year, and the
    column of those taking part ("Lượt người tham gia") counts the patrols' people."""
    question = "Thời điểm nào năm 2029 huy động nhiều lượt người tuần tra chung nhất?"
    assert "Mùa mưa lũ" in first_quote(question, PATROLS)


def test_a_districts_military_command_is_given_its_items() -> None:
    """ "BCHQS huyện" is the district's "Ban Chỉ huy quân sự", not the province's "Bộ" the
    recipients' list names."""
    quote = first_quote("BCHQS huyện có trách nhiệm gì trong mùa thu hoạch cà phê?", PATROLS)
    assert "bố trí dân quân" in quote


PORTS = invented_passage(
    "Thời gian qua, công tác chống khai thác hải sản bất hợp pháp có chuyển biến.\n\n"
    "Tình hình an ninh, trật tự tại các cảng cá Cửa Hội, Lạch Quèn và Lạch Vạn cơ bản ổn "
    "định.\n\n"
    "Mục tiêu đến năm 2031:\n\n"
    "- 100% tàu cá ra, vào cảng được kiểm soát.",
    "ct.txt",
    title="Chỉ thị về chống khai thác hải sản bất hợp pháp tại các cảng cá",
    kind="chỉ thị",
    province="Nghệ An",
)


def test_a_list_of_named_things_is_the_clause_naming_them() -> None:
    """ "Những cảng cá nào" (or typed as a search, "cac cang ca ..."): the clause naming
    several after the noun ("các cảng cá A, B và C"), not a lead-in of other items."""
    for question in (
        "Những cảng cá nào được nêu trong chỉ thị chống khai thác hải sản bất hợp pháp?",
        "cac cang ca duoc neu trong chi thi chong khai thac hai san bat hop phap",
    ):
        assert analyse(question).type == QuestionType.LIST
        assert "Lạch Quèn" in first_quote(question, PORTS)


def test_a_list_of_roads_is_of_clauses_naming_roads() -> None:
    roads = invented_passage(
        "6 tháng đầu năm 2030 xảy ra 19 vụ TNGT, làm chết 9 người.\n\n"
        "TNGT tập trung trên đường tỉnh 291 và Quốc lộ 3.\n\n"
        "Tình hình TNGT còn diễn biến phức tạp tại các khu dân cư.",
        province="Thái Nguyên",
    )
    assert "đường tỉnh 291" in first_quote("Những tuyến đường nào hay xảy ra TNGT?", roads)


def test_a_district_of_the_documents_province_they_do_not_name_is_refused() -> None:
    """ "Xuân Lộc" typed bare (also a commune's name elsewhere) is a district of Đồng Nai,
    whose report was retrieved: the report of another district's ring has no figure of
    it."""
    ring = invented_passage(
        "Đường dây đã cho 1.460 lượt công nhân các khu công nghiệp huyện Nhơn Trạch vay với "
        "lãi suất 5.000 đồng/1 triệu đồng/ngày (tương đương 182,5%/năm).\n\n"
        "Công an huyện giới thiệu gói vay lãi suất thấp cho công nhân.",
        "tin.html",
        province="Đồng Nai",
        district="Nhơn Trạch",
        title="Triệt phá đường dây tín dụng đen cho công nhân vay",
    )
    question = "tin dung den Xuan Loc 2030 bao nhieu luot cong nhan vay"
    assert with_district_units(question, [ring]) == question.replace("Xuan", "huyen Xuan")
    assert ExtractiveAnswerer().build(question, [ring]).refused
    # ... and an interest rate is asked as a share a year or đồng a day, not any clause
    # naming "lãi suất"
    assert "182,5%" in first_quote("Lãi suất đường dây cho công nhân vay là bao nhiêu?", ring)
    assert "182,5%" in first_quote("lai suat duong day cho cong nhan vay", ring)


def test_an_industrial_zone_typed_in_lower_case_is_named() -> None:
    """ "kcn A": a zone by its name, whose figure the province's total over its zones is not."""
    zones = invented_passage(
        "Trên địa bàn tỉnh có 7 KCN đã đi vào hoạt động với 315 doanh nghiệp, 124.720 lao "
        "động.\n\nRiêng KCN Sông Công I có 112 doanh nghiệp, 41.300 lao động.",
        province="Thái Nguyên",
    )
    assert ExtractiveAnswerer().build("kcn Yen Binh bao nhieu lao dong", [zones]).refused
    assert "41.300" in first_quote("kcn Song Cong I bao nhieu lao dong", zones)


def test_bodies_read_as_typed() -> None:
    """A province written in full beside the body ("tỉnh Thừa Thiên Huế"), a district typed
    bare after "CA", a yes/no asked with its other way ("không hay chỉ đề nghị")."""
    asked = analyse("MTTQ tỉnh Thừa Thiên Huế có được giao chủ trì thực hiện chỉ thị không?")
    assert (asked.type, asked.body) == (QuestionType.DUTY, "mat tran to quoc")
    assert analyse("CA Xuân Lộc đã làm gì để chống trộm cắp?").body == "cong an"
    other_way = analyse("Kế hoạch có giao nhiệm vụ cho Hội Nông dân tỉnh không hay chỉ đề nghị?")
    assert (other_way.type, other_way.body) == (QuestionType.DUTY, "hoi nong dan")
    # ... up to what the task is about, the giver named between, "Việt Nam" or not
    about = analyse("UBND tỉnh có giao nhiệm vụ cho Tỉnh Đoàn trong chống đua xe không?")
    assert about.body == "tinh doan"
    given = analyse("Ngân hàng Nhà nước chi nhánh tỉnh có bị UBND tỉnh giao nhiệm vụ không?")
    assert (given.type, given.body) == (QuestionType.DUTY, "ngan hang nha nuoc chi nhanh")
    assert names_body(given.body, "3. Đề nghị Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh ...")


def test_a_lead_in_opening_with_what_it_carries_out_owns_its_items() -> None:
    """ "Thực hiện Chỉ thị ..., Công an huyện A đã triển khai các biện pháp:" and its items
    answer what the police did, before a sentence that only names the police."""
    news = invented_passage(
        "Công an huyện Xuân Lộc vừa triệt phá nhóm 07 đối tượng trộm cắp cáp điện tại các "
        "trạm biến áp.\n\n"
        "Phát biểu tại hội nghị, Phó Trưởng Công an huyện cho biết:\n\n"
        '"Các đối tượng thường lợi dụng đêm mưa để cắt hàng rào trạm biến áp."\n\n'
        "Thực hiện Chỉ thị số 09-CT/HU ngày 01/3/2030 của Ban Thường vụ Huyện ủy về bảo vệ "
        "các công trình năng lượng, Công an huyện Xuân Lộc đã triển khai các biện pháp:\n\n"
        "- Thành lập 04 tổ công tác tuần tra ban đêm;\n\n"
        "- Kiểm tra 16 cơ sở thu mua phế liệu.",
        "tin.html",
        province="Đồng Nai",
        title="Bắt nhóm trộm cắp cáp điện tại các trạm biến áp",
    )
    answer = ExtractiveAnswerer().build(
        "CA Xuân Lộc đã làm gì để chống trộm cắp cáp điện ở trạm biến áp?", [news]
    )
    assert "Thực hiện Chỉ thị" in answer.answer and "04 tổ công tác" in answer.answer


DIRECTIVE = invented_passage(
    "ĐẢNG BỘ TỈNH BẮC NINH\n\nHUYỆN ỦY TIÊN DU\n\nSố 07-CT/HU\n\n"
    "Tiên Du, ngày 11 tháng 3 năm 2030\n\n"
    "CHỈ THỊ của Ban Thường vụ Huyện ủy về bảo đảm an ninh, trật tự vùng giáp ranh\n\n"
    "5. UBND các xã lập danh sách người đi khỏi địa phương.\n\n"
    "6. Đề nghị Ủy ban MTTQ huyện, Hội Liên hiệp Phụ nữ huyện phối hợp tuyên truyền, vận "
    "động hội viên.\n\n"
    "7. Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện Chỉ thị.",
    "ct07.txt",
    title="Chỉ thị của Ban Thường vụ Huyện ủy về bảo đảm an ninh, trật tự vùng giáp ranh",
    kind="chỉ thị",
    province="Bắc Ninh",
    district="Tiên Du",
    directive_numbers=("07-CT/HU",),
)


def test_whose_a_numbered_document_is_is_its_header() -> None:
    """ "Số 07-CT/HU" (a Party document writes no colon) closes the header naming its
    issuer; "của huyện ủy nào" asks it."""
    quote = first_quote("07-CT/HU la chi thi cua huyen uy nao", DIRECTIVE)
    assert "HUYỆN ỦY TIÊN DU" in quote


def test_the_bodies_only_proposed_a_task_are_its_proposal_items() -> None:
    """ "Cơ quan nào chỉ được đề nghị phối hợp": the item proposing ("Đề nghị Ủy ban MTTQ
    tỉnh, ... phối hợp"), though it repeats few of the question's words."""
    plan = invented_passage(
        "5. UBND các huyện, thị xã lập danh sách người đi khỏi địa phương không rõ lý do; báo "
        "cáo kết quả về Công an tỉnh.\n\n"
        "6. Đề nghị Ủy ban MTTQ tỉnh, Hội Liên hiệp Phụ nữ tỉnh phối hợp tuyên truyền, vận động "
        "hội viên cảnh giác.\n\n"
        "7. Công an tỉnh tổng hợp, báo cáo UBND tỉnh trước ngày 20/12 hằng năm.",
        "kh45.md",
        title="Kế hoạch phòng, chống mua bán người năm 2030",
        kind="kế hoạch",
        province="Bắc Ninh",
        directive_numbers=("45/KH-UBND",),
    )
    quote = first_quote("Cơ quan nào chỉ được đề nghị phối hợp trong KH 45 Bắc Ninh?", plan)
    assert "Đề nghị Ủy ban MTTQ tỉnh" in quote


def test_methods_told_after_their_label_and_a_colon() -> None:
    """ "Thủ đoạn của đường dây ..." searched: an officer's words "thủ đoạn của các đối tượng
    rất tinh vi: ..." file the methods, not the headline repeating the question's words."""
    news = invented_passage(
        "Triệt phá đường dây cá độ bóng đá qua mạng, giao dịch hơn 300 tỷ đồng\n\n"
        "Phòng PC02 Công an tỉnh vừa triệt phá đường dây cá độ bóng đá qua mạng với 14 đại lý "
        "và tổng số tiền giao dịch hơn 300 tỷ đồng.\n\n"
        "Trung tá Lê Văn Nam, Phó Trưởng phòng PC02 cho biết, thủ đoạn của các đối tượng rất "
        "tinh vi: dùng tài khoản ngân hàng thuê để nhận tiền; thường xuyên thay đổi tên miền "
        "để tránh bị chặn.",
        "tin.html",
        province="Phú Thọ",
        title="Triệt phá đường dây cá độ bóng đá qua mạng",
    )
    quote = first_quote("Thủ đoạn của đường dây cá độ bóng đá qua mạng ở Phú Thọ", news)
    assert "tài khoản ngân hàng thuê" in quote


def test_a_table_s_rows_are_no_list_of_the_places_asked() -> None:
    """ "Những xã nào được công nhận ...": the sentence naming them, not the rows of a table
    of communes under a caption that shares the question's words."""
    report = invented_passage(
        "Đến nay đã có 02 xã được công nhận xã không ma túy là xã Tà Xùa và xã Háng Đồng.\n\n"
        "Kết quả một số mặt công tác năm 2030 theo địa bàn:\n\n"
        # (a table read from a text file: its rows apart, without a rule)
        "| Xã, thị trấn | Ma túy (vụ) | TNGT (vụ) |\n\n"
        "| Xã Phiêng Ban | 04 | 05 |\n\n"
        "| Xã Tà Xùa | 03 | 03 |\n\n"
        "| Xã Hồng Ngài | 02 | 02 |",
        province="Sơn La",
        district="Bắc Yên",
    )
    quote = first_quote("Những xã nào của Bắc Yên được công nhận xã không ma túy?", report)
    assert "Háng Đồng" in quote


def test_every_proposal_item_answers_which_bodies_are_only_proposed_tasks() -> None:
    """Items headed "7. Đề nghị B" (the task under them): all of them, though a figure of
    the plan repeats more of the question's words."""
    plan = invented_passage(
        "- Kích hoạt 612.540 tài khoản định danh điện tử, đạt 42,64%, thấp hơn chỉ tiêu được "
        "giao tại Kế hoạch số 46/KH-UBND của Ủy ban nhân dân tỉnh.\n\n"
        "6. Sở Tư pháp\n\nChủ trì rà soát thủ tục hành chính.\n\n"
        "7. Đề nghị Ngân hàng Nhà nước - Chi nhánh tỉnh\n\nChỉ đạo các ngân hàng đối chiếu "
        "sinh trắc học.\n\n"
        "8. Đề nghị Ủy ban MTTQ Việt Nam tỉnh\n\nVận động Nhân dân cài đặt ứng dụng.",
        "kh117.md",
        title="Kế hoạch triển khai Đề án 06 năm 2030",
        kind="kế hoạch",
        province="Long An",
        directive_numbers=("117/KH-UBND",),
    )
    question = (
        "Trong KH 117/KH-UBND Long An, những cơ quan nào chỉ được đề nghị phối hợp chứ không "
        "được giao nhiệm vụ?"
    )
    answer = ExtractiveAnswerer().build(question, [plan]).answer
    assert "Ngân hàng Nhà nước" in answer and "Ủy ban MTTQ Việt Nam tỉnh" in answer


def test_a_rate_asked_new_and_old_gives_the_one_it_replaced_too() -> None:
    """ "mức chi ... mới và cũ": the rate, then the sentence giving the one it replaced."""
    resolution = invented_passage(
        "Điều 2. Mức chi\n\n"
        "| TT | Nội dung | Mức chi |\n"
        "|---|---|---|\n"
        "| 1 | Người trực tiếp giám sát, giáo dục người được hưởng án treo | 250.000 "
        "đồng/người/tháng |\n"
        "| 2 | Hỗ trợ một lần cho người chấp hành xong án phạt tù | 1.000.000 đồng/người |\n\n"
        "Điều 3. Hiệu lực\n\n"
        "Nghị quyết này thay thế Nghị quyết số 05/2027/NQ-HĐND. Theo Nghị quyết số "
        "05/2027/NQ-HĐND, mức chi cho người trực tiếp giám sát, giáo dục người được hưởng án "
        "treo là 150.000 đồng/người/tháng.",
        "nq.html",
        title="Nghị quyết quy định mức chi giám sát, giáo dục người được hưởng án treo",
        kind="nghị quyết",
        province="Hậu Giang",
    )
    question = "muc chi giam sat, giao duc nguoi duoc huong an treo moi va cu"
    answer = ExtractiveAnswerer().build(question, [resolution]).answer
    assert "250.000" in answer and "150.000" in answer


CASUALTIES = invented_passage(
    "Tình hình TNGT năm 2029 theo địa bàn:\n\n"
    "| Địa phương | TNGT năm 2029 (vụ) | Người chết năm 2029 |\n"
    "|---|---|---|\n"
    "| Huyện Gia Bình | 16 | 8 |\n"
    "| Huyện Thuận Thành | 21 | 11 |\n\n"
    "Tình hình TNGT năm 2029 theo tuyến đường:\n\n"
    "| Tuyến đường | Số vụ (vụ) | Số người bị thương (người) |\n"
    "|---|---|---|\n"
    "| Quốc lộ 17 | 12 | 15 |\n"
    "| Cao tốc Hà Nội - Hải Phòng (đoạn qua tỉnh) | 9 | 34 |",
    province="Bắc Ninh",
)


def test_the_injured_are_counted_in_their_own_column_never_the_dead() -> None:
    """ "bao nhiêu người bị thương": the casualties' noun whole, so a table with only "Người
    chết" has no figure of them; a row is named without what its brackets add."""
    question = "Huyện Gia Bình năm 2029 có bao nhiêu người bị thương vì TNGT?"
    assert analyse(question).counted.unit == "người bị thương vì tai nạn giao thông"
    assert " 8 " not in ExtractiveAnswerer().build(question, [CASUALTIES]).answer
    road = "Cao tốc Hà Nội - Hải Phòng năm 2029 có bao nhiêu người bị thương do TNGT?"
    assert "= 34" in first_quote(road, CASUALTIES)
