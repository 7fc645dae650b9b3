"""What a report files under a label ("thủ đoạn", "khó khăn", "kiến nghị", "tội"), asked
for as such (invented reports)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.labels import asked_label
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.extraction.records import Extraction
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

META = {"province": "Tuyên Quang", "year": 2024, "title": "Báo cáo công tác năm 2024"}

REPORT = (
    "BÁO CÁO\nKết quả công tác bảo đảm an ninh, trật tự năm 2024\n\n"
    "I. KẾT QUẢ\n\nNăm 2024, Công an huyện phát hiện 41 vụ đánh bạc, bắt 212 đối tượng.\n\n"
    "II. KHÓ KHĂN, VƯỚNG MẮC\n\n"
    "- Địa bàn đồi núi, các tụ điểm đánh bạc di chuyển liên tục nên khó vây bắt.\n"
    "- Người dân còn ngại tố giác vì sợ bị trả thù.\n\n"
    "III. ĐỀ XUẤT, KIẾN NGHỊ\n\n"
    "1. Đề nghị Công an tỉnh hỗ trợ 02 thiết bị bay không người lái.\n"
    "2. Đề nghị Ủy ban nhân dân huyện bố trí kinh phí khen thưởng người tố giác.\n\n"
    "IV. PHƯƠNG HƯỚNG NĂM 2025\n\n- Tiếp tục tấn công, trấn áp tội phạm cờ bạc."
)


@dataclass
class Library:
    documents: dict[str, list[Passage]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def passages_of(self, source: str) -> list[Passage]:
        return self.documents.get(source, [])

    def extraction_of(self, source: str) -> Extraction:
        return Extraction()

    def text_of(self, source: str) -> str:
        return self.texts.get(source, "")


def _passage(text: str, document: str, ordinal: int = 0, source: str = "bc.txt") -> Passage:
    start = document.index(text)
    return Passage(
        f"{source}#{ordinal}", source, text, start, start + len(text), 0.5,
        DocumentMetadata(**META),  # type: ignore[arg-type]
    )  # fmt: skip


def _cut_in_two(document: str, at: int) -> tuple[Passage, Library]:
    """The document's first passage, retrieval's, and the library holding both halves."""
    first = _passage(document[:at].strip(), document)
    second = _passage(document[at:], document, 1)
    return first, Library({"bc.txt": [first, second]}, {"bc.txt": document})


def _answer(question: str, passages: list[Passage], library: Library | None = None) -> str:
    answer = ExtractiveAnswerer(library=library).build(question, passages)
    assert not answer.refused, question
    return answer.answer


def test_the_items_under_the_asked_heading_answer_and_no_others() -> None:
    whole = _passage(REPORT, REPORT)
    hard = _answer("Công an huyện gặp những khó khăn gì năm 2024?", [whole])
    assert "di chuyển liên tục" in hard and "sợ bị trả thù" in hard
    assert "thiết bị bay" not in hard and "41 vụ" not in hard
    asked = _answer("cong an huyen kien nghi nhung gi", [whole])
    assert "thiết bị bay" in asked and "khen thưởng người tố giác" in asked
    assert "sợ bị trả thù" not in asked


def test_a_heading_left_above_the_retrieved_passage_still_labels_its_items() -> None:
    items = REPORT[REPORT.index("- Địa bàn đồi núi") : REPORT.index("III.")].strip()
    head = REPORT[: REPORT.index(items)].strip()
    library = Library({"bc.txt": [_passage(head, REPORT), _passage(items, REPORT, 1)]},
                      {"bc.txt": REPORT})  # fmt: skip
    answer = _answer(
        "Khó khăn, vướng mắc trong đấu tranh với cờ bạc là gì?",
        [_passage(items, REPORT, 1)],
        library,
    )
    assert "di chuyển liên tục" in answer and "sợ bị trả thù" in answer


NEWS = (
    "Lợi dụng đêm tối, nhóm đối tượng dùng xuồng máy chở gỗ lậu xuôi sông Lô.\n\n"
    "Thủ đoạn của các đối tượng là chia nhỏ gỗ thành từng bó; giấu dưới lớp tre nứa; "
    "thuê người cảnh giới ở các bến đò. Khi bị phát hiện, chúng đẩy gỗ xuống sông để phi tang.\n\n"
    "Cơ quan điều tra đã khởi tố 03 bị can về tội “Vi phạm quy định về khai thác, bảo vệ "
    "rừng và lâm sản” theo Điều 232 Bộ luật Hình sự."
)


def test_the_sentence_naming_the_label_answers_with_the_rest_of_its_paragraph() -> None:
    news = _passage(NEWS, NEWS, source="tin.txt")
    ways = _answer("Nhóm chở gỗ lậu trên sông Lô dùng thủ đoạn gì?", [news])
    assert "chia nhỏ gỗ" in ways and "cảnh giới" in ways and "phi tang" in ways
    searched = _answer("thu doan cho go lau tren song lo", [news])
    assert "giấu dưới lớp tre nứa" in searched


def test_a_charge_is_the_clause_naming_it_and_a_dark_night_is_no_charge() -> None:
    news = _passage(NEWS, NEWS, source="tin.txt")
    charge = _answer("Các đối tượng chở gỗ lậu bị khởi tố tội gì?", [news])
    assert charge.startswith("Cơ quan điều tra") and "Điều 232" in charge


def test_a_list_cut_by_retrieval_goes_on_from_the_next_passage() -> None:
    document = (
        "Năm 2024 phát hiện 60 vụ. Các thủ đoạn chủ yếu gồm:\n"
        "(1) Khai khống số lượng hàng hóa: 21 vụ;\n(2) Lập công ty ma để bán hóa đơn: 17 vụ;\n"
        "(3) Giả mạo chứng từ xuất xứ: 12 vụ;\n(4) Chuyển tiền qua tài khoản thuê mướn: 10 vụ.\n\n"
        "Quý I năm 2025 phát hiện thêm 14 vụ."
    )
    first, library = _cut_in_two(document, document.index("(3)"))
    answer = _answer("Các thủ đoạn gian lận phổ biến năm 2024 là gì?", [first], library)
    assert "Khai khống" in answer and "tài khoản thuê mướn" in answer
    assert "Quý I năm 2025" not in answer


def test_only_a_label_asked_as_such_is_read_as_one() -> None:
    assert asked_label(analyse("Tỉnh A gặp những khó khăn gì?")) is not None
    assert asked_label(analyse("Bộ Chỉ huy BĐBP được đề nghị phối hợp việc gì?")) is None
    assert asked_label(analyse("Tội phạm ma túy ở huyện A có đặc điểm gì?")) is None
    assert asked_label(analyse("Năm 2024 có bao nhiêu kiến nghị?")) is None
    # A law's words, not a report's labels.
    assert asked_label(analyse("Pháp nhân chấm dứt tồn tại trong trường hợp nào?")) is None
    assert asked_label(analyse("Phương thức thanh toán do ai quyết định?")) is None


def test_a_charge_asked_in_a_law_is_not_read_from_a_clause_saying_what_an_act_is() -> None:
    law = (
        "Tự ý nửa chừng chấm dứt việc phạm tội là tự mình không thực hiện tội phạm đến cùng. "
        "Người tự ý nửa chừng chấm dứt việc phạm tội được miễn trách nhiệm hình sự về tội "
        "định phạm."
    )
    answer = _answer(
        "Người tự ý nửa chừng chấm dứt việc phạm tội được miễn trách nhiệm hình sự về tội nào?",
        [_passage(law, law, source="luat.txt")],
    )
    assert "về tội định phạm" in answer.split("[1]")[0]


def test_a_photo_caption_and_a_tag_list_are_not_what_is_quoted() -> None:
    page = (
        "Công an tỉnh triệt phá chuyên án 815B về đánh bạc qua mạng.\n\n"
        "Tang vật thu giữ trong chuyên án 815B.\nẢnh: CA cung cấp\n\n"
        "Tang vật thu giữ gồm:\nTiền mặt: 1,4 tỷ đồng\nĐiện thoại di động: 12 chiếc\n"
        "Ô tô: 2 chiếc\n\nTags: đánh bạc qua mạng chuyên án 815B"
    )
    answer = _answer("Trong chuyên án 815B công an thu giữ những gì?", [_passage(page, page)])
    assert "1,4 tỷ đồng" in answer and "12 chiếc" in answer
    assert "Tags" not in answer and "Ảnh" not in answer


def test_who_leads_a_ring_is_the_person_named_beside_a_leaders_word() -> None:
    news = (
        "Ngày 12/8, Công an tỉnh Tuyên Quang cho biết đã triệt phá đường dây cá độ bóng đá qua "
        "mạng do Công an huyện Sơn Dương phát hiện, bắt 11 đối tượng.\n\n"
        "Đứng đầu đường dây cá độ là Hoàng Văn Lực (SN 1990, trú xã Hợp Thành), cấp tài khoản."
    )
    answer = _answer(
        "ke cam dau duong day ca do bong da qua mang o Tuyen Quang la ai",
        [_passage(news, news, source="tin.txt")],
    )
    assert "Đứng đầu đường dây cá độ là Hoàng Văn Lực" in answer


def test_a_bodys_duty_item_that_leads_in_points_is_quoted_with_them() -> None:
    directive = (
        "Ủy ban nhân dân tỉnh yêu cầu:\n\n"
        "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n\n"
        "2. Sở Y tế chỉ đạo các bệnh viện:\n"
        "a) Bố trí kíp trực cấp cứu 24/24 giờ tại các tuyến quốc lộ;\n"
        "b) Lập danh sách người bị thương do tai nạn giao thông gửi Công an tỉnh;\n"
        "c) Tập huấn sơ cứu cho lực lượng dân phòng.\n\n"
        "3. Sở Giáo dục và Đào tạo tuyên truyền cho học sinh về an toàn giao thông."
    )
    first, library = _cut_in_two(directive, directive.index("b) Lập"))
    answer = _answer("Sở Y tế Tuyên Quang phải làm gì?", [first], library)
    assert "kíp trực" in answer and "danh sách" in answer and "sơ cứu" in answer
    assert "Sở Giáo dục" not in answer


def test_short_bullets_under_a_heading_are_its_items_not_headings() -> None:
    report = (
        "III. KHÓ KHĂN, VƯỚNG MẮC\n\n- Thiếu kinh phí mua sắm camera\n- Lực lượng mỏng\n\n"
        "IV. PHƯƠNG HƯỚNG\n\n- Tăng cường tuần tra"
    )
    answer = _answer("Công an huyện gặp những khó khăn gì?", [_passage(report, report)])
    assert "Thiếu kinh phí" in answer and "Lực lượng mỏng" in answer
    assert "tuần tra" not in answer


def test_a_title_cut_over_lines_is_quoted_whole() -> None:
    directive = (
        "CHỈ THỊ\nVề tăng cường phòng ngừa, xử lý tình trạng tụ tập đua xe trái phép,\n"
        "“bão đường” và thanh, thiếu niên vi phạm trật tự, an toàn giao thông\n\n"
        "Thời gian qua, tình hình trật tự, an toàn giao thông cơ bản được kiểm soát."
    )
    metadata = DocumentMetadata(
        **{**META, "kind": "chỉ thị", "directive_numbers": ("12/CT-UBND",),
           "title": "Chỉ thị về tăng cường phòng ngừa, xử lý tình trạng tụ tập đua xe trái phép,"},
    )  # type: ignore[arg-type]  # fmt: skip
    passage = Passage("ct.txt#0", "ct.txt", directive, 0, len(directive), 0.5, metadata)
    answer = _answer("Chỉ thị 12/CT-UBND nói về vấn đề gì?", [passage])
    assert "bão đường" in answer and "Thời gian qua" not in answer


def test_what_was_proposed_to_a_named_body_is_the_proposals_naming_it() -> None:
    """ "đề nghị UBND huyện làm gì để ..." asks the proposal made to that body (read as its
    task), "kiến nghị Công an tỉnh những gì" the one made to the other: each
    only its own item."""
    whole = _passage(REPORT, REPORT)
    to_district = _answer("CA huyen de nghi UBND huyen lam gi de khen thuong", [whole])
    assert "khen thưởng người tố giác" in to_district and "thiết bị bay" not in to_district
    to_province = _answer("Công an huyện kiến nghị Công an tỉnh những gì?", [whole])
    assert "thiết bị bay" in to_province and "khen thưởng" not in to_province
    # A body no proposal names is not answered with the others' proposals.
    nobody = ExtractiveAnswerer().build("Công an huyện đề nghị Sở Y tế làm gì?", [whole])
    assert "thiết bị bay" not in nobody.answer and "khen thưởng" not in nobody.answer


def test_a_label_asked_as_a_manner_is_answered_by_the_items_under_it() -> None:
    """ "hoạt động với phương thức, thủ đoạn ra sao": the items under the heading "4.
    Phương thức, thủ đoạn", which ends the retrieved passage, not the heading alone."""
    document = (
        "3. Kết quả xử lý\n\nNăm 2024 phát hiện 41 vụ khai thác cát trái phép.\n\n"
        "4. Phương thức, thủ đoạn của đối tượng\n\n"
        "- Khai thác cát: dùng tàu hút tự chế, hoạt động vào ban đêm hoặc rạng sáng.\n"
        "- Vận chuyển: chia nhỏ hàng, ghép vào xe tải đông lạnh.\n\n"
        "5. Nguyên nhân\n\nLực lượng mỏng."
    )
    first, library = _cut_in_two(document, document.index("- Khai thác cát"))
    answer = _answer("Cát tặc hoạt động với phương thức, thủ đoạn ra sao?", [first], library)
    assert "tàu hút tự chế" in answer.split("[1]")[0]


def test_the_causes_under_their_lead_in_answer_why_with_each_item() -> None:
    """ "Vì sao ..., nguyên nhân chính là gì?": the items the lead-in "có nhiều nguyên nhân,
    chủ yếu là:" announces (in the next passage where chunking cut them off), not the
    lead-in alone."""
    directive = (
        "Tình trạng lấn chiếm đất rừng diễn biến phức tạp, kéo dài.\n\n"
        "Tình hình trên có nhiều nguyên nhân, chủ yếu là:\n"
        "- Giá đất nông nghiệp tăng nhanh khiến nhiều hộ phá rừng để trồng cây ăn quả.\n"
        "- Mốc giới giữa đất rừng và đất sản xuất chưa được cắm đủ.\n"
        "- Việc kiểm tra của chính quyền cơ sở còn thưa, xử lý chậm.\n\n"
        "1. Các cấp ủy tập trung lãnh đạo giải quyết dứt điểm các vụ tranh chấp."
    )
    first, library = _cut_in_two(directive, directive.index("- Giá đất nông nghiệp"))
    answer = _answer(
        "Vì sao tình trạng lấn chiếm đất rừng phức tạp, nguyên nhân chính là gì?", [first], library
    )
    assert "Giá đất nông nghiệp tăng nhanh" in answer and "chưa được cắm đủ" in answer, answer


def test_who_chaired_a_meeting_is_the_person_after_the_chairs_label() -> None:
    """ "Ai chủ trì hội nghị?", "Ai làm thư ký?": the minutes' "- Chủ trì: ông A", "- Thư ký
    hội nghị: bà B", not the attendance items nor the chair's opening speech."""
    minutes = (
        "BIÊN BẢN HỘI NGHỊ sơ kết phong trào toàn dân bảo vệ ANTQ huyện Tân Biên\n\n"
        "3. Thành phần:\n"
        "- Chủ trì: ông Lê Văn Phúc, Phó Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo phong trào.\n"
        "- Đại biểu dự:\n"
        "  + Thượng tá Phạm Minh Tâm, Trưởng Công an huyện, Phó Trưởng Ban Thường trực;\n"
        "  + Đại diện Ban Chỉ huy Quân sự huyện;\n"
        "- Thư ký hội nghị: bà Trần Thị Mai, chuyên viên Văn phòng UBND huyện.\n\n"
        "II. NỘI DUNG HỘI NGHỊ\n\n"
        "1. Đồng chí chủ trì phát biểu khai mạc hội nghị sơ kết phong trào.\n\n"
        "2. Phòng Tư pháp chủ trì rà soát quy chế phối hợp."
    )
    chaired = _answer(
        "Ai chủ trì hội nghị sơ kết phong trào toàn dân bảo vệ ANTQ huyện Tân Biên tháng 10/2029?",
        [_passage(minutes, minutes)],
    )
    assert "Lê Văn Phúc" in chaired.split("[1]")[0], chaired
    clerk = _answer("Ai làm thư ký hội nghị sơ kết?", [_passage(minutes, minutes)])
    assert "Trần Thị Mai" in clerk.split("[1]")[0], clerk


def test_how_a_ring_works_is_what_the_report_files_as_its_methods() -> None:
    """ "... bằng cách nào?", "... hoạt động thế nào?": the methods under their heading,
    not the story's opening that repeats the question's words."""
    news = (
        "Công an tỉnh vừa triệt phá đường dây cá độ bóng đá qua mạng do Trần Văn Khải cầm đầu, "
        "tổng số tiền giao dịch hơn 126 tỷ đồng.\n\n"
        "Thủ đoạn ghi nợ theo mật danh, mượn tài khoản người thân\n\n"
        "Các đối tượng cho người chơi đặt cược theo mật danh, ghi nợ trong sổ tay; tiền thắng "
        "thua được chuyển qua tài khoản ngân hàng mượn của người thân để che giấu dòng tiền."
    )
    for question in (
        "Đường dây cá độ che giấu dòng tiền bằng cách nào?",
        "duong day ca do bong da qua mang hoat dong the nao",
    ):
        answer = _answer(question, [_passage(news, news)])
        assert "mượn của người thân" in answer.split("[1]")[0], answer


def test_the_measures_a_report_files_as_such_answer_what_measures() -> None:
    """ "có biện pháp gì để ...?": each item under the heading "III. CÁC BIỆN PHÁP TRIỂN
    KHAI", not the few the question's words fill most."""
    report = (
        "Năm 2029, Công an tỉnh phát hiện, bắt giữ 46 đối tượng truy nã, trong đó có 12 đối "
        "tượng truy nã đặc biệt nguy hiểm; vận động 9 đối tượng truy nã ra đầu thú.\n\n"
        "| Đơn vị | Truy nã bắt được |\n|---|---:|\n| Công an huyện A | 7 |\n\n"
        "III. CÁC BIỆN PHÁP TRIỂN KHAI\n\n"
        "1. Đối chiếu dữ liệu lưu trú hằng đêm tại các nhà nghỉ, nhà trọ với danh sách đối tượng "
        "truy nã.\n\n"
        "2. Lắp đặt camera tại các bến đò, chợ đầu mối, bắt giữ 03 đối tượng.\n\n"
        "3. Phát động quần chúng tố giác qua đường dây nóng của Công an huyện.\n\n"
        "4. Gặp gỡ thân nhân của đối tượng truy nã, vận động đối tượng truy nã ra đầu thú; niêm "
        "yết quyết định truy nã đối tượng tại trụ sở Công an xã.\n\n"
        "III. PHƯƠNG HƯỚNG NĂM 2030"
    )
    answer = _answer(
        "Công an tỉnh dùng biện pháp gì để phát hiện đối tượng truy nã?", [_passage(report, report)]
    )
    assert "Đối chiếu dữ liệu lưu trú" in answer and "đường dây nóng" in answer, answer
    assert "46 đối tượng" not in answer, answer  # the year's result is no measure


FRAUD_PARTS = [
    "I. KẾT QUẢ CÔNG TÁC\n\n1. Phạm pháp hình sự\n\n- Tháng 11: xảy ra 02 vụ trộm cắp tài sản."
    "\n\n2. Ma túy\n\n- Tháng 11: bắt 01 vụ/02 đối tượng.\n\n",
    "3. Lừa đảo chiếm đoạt tài sản trên không gian mạng\n\n- Tháng 11: tiếp nhận 04 tin báo, "
    "thiệt hại 310 triệu đồng.\n- Phương thức, thủ đoạn: giả danh cán bộ thuế yêu cầu cài ứng "
    "dụng giả mạo; mời làm nhiệm vụ đặt đơn hàng ảo.\n\n4. Quản lý cư trú\n\n"
    "- Đăng ký thường trú 58 trường hợp.",
]


def test_methods_filed_in_a_part_retrieval_did_not_bring_are_read_there() -> None:
    """The report labels the methods ("- Phương thức, thủ đoạn: ...") in a passage retrieval
    ranked low (it names the offence its own way): they are read there, and the next part's
    heading is not one of them."""
    metadata = DocumentMetadata(
        province="Hưng Yên", year=2025, title="Báo cáo tháng 11 năm 2025 của Công an xã Văn Lâm"
    )
    library = document_in_parts("bc.txt", FRAUD_PARTS, metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "Kẻ lừa đảo qua mạng ở Hưng Yên dùng những thủ đoạn gì?", library.passages[:1]
    )
    first = answer.answer.split("[1]")[0]
    assert "đơn hàng ảo" in first and "Quản lý cư trú" not in answer.answer, answer.answer


def test_methods_written_as_a_label_come_before_a_habit_told_in_passing() -> None:
    """In one passage, "- Phương thức, thủ đoạn: ..." is what the report files as the
    methods; "đối tượng cầm đầu thường ở nơi khác" only says where the leader is."""
    text = (
        "II. TỒN TẠI\n\n1. Buôn lậu qua biên giới còn phức tạp; đối tượng cầm đầu thường ở bên "
        "kia biên giới, khó xử lý.\n\n2. Kết quả\n\n- 9 tháng phát hiện 41 vụ buôn lậu.\n"
        "- Phương thức, thủ đoạn: thuê người mang vác hàng qua đường mòn ban đêm; dùng xuồng "
        "máy chở hàng trên sông."
    )
    answer = _answer(
        "Bọn buôn lậu qua biên giới ở huyện dùng những thủ đoạn gì?", [_passage(text, text)]
    )
    assert "xuồng máy" in answer.split("[1]")[0], answer


def test_difficulties_filed_in_a_part_retrieval_did_not_bring_are_read_there() -> None:
    """ "gặp những khó khăn gì": the items under "III. KHÓ KHĂN, VƯỚNG MẮC" in a passage
    retrieval did not bring, up to the next part's bare marker a chunk cut from its heading."""
    parts = [
        "I. KẾT QUẢ CÔNG TÁC\n\n1. Tháng 3 xảy ra 01 vụ trộm cắp tài sản.\n\n"
        "2. Lũy kế cấp 1.220 thẻ căn cước.\n\n",
        "III. KHÓ KHĂN, VƯỚNG MẮC\n\n1. Địa bàn rộng, khu vực Nà Nhạn cũ cách trụ sở 9 km.\n\n"
        "2. Chưa có phòng tiếp công dân riêng.\n\nIV.",
    ]
    metadata = DocumentMetadata(
        province="Điện Biên", year=2032, title="Báo cáo tháng 3 năm 2032 của Công an xã Nà Tấu"
    )
    library = document_in_parts("bc.txt", parts, metadata)
    answer = ExtractiveAnswerer(library=library).build(
        "Công an xã Nà Tấu đang gặp những khó khăn gì?", library.passages[:1]
    )
    assert "cách trụ sở 9 km" in answer.answer and "phòng tiếp công dân" in answer.answer
    assert "IV." not in answer.answer, answer.answer


def test_a_trick_asked_with_chieu_is_what_the_report_labels_methods() -> None:
    """ "dùng chiêu gì để dụ người đi" asks the methods: the sentence the report labels so
    ("Thủ đoạn phổ biến: ..."), not the one before it telling the cases."""
    report = (
        "Năm 2024, các lực lượng tiếp nhận 85 lượt công dân xuất cảnh trái phép do phía bạn "
        "trao trả; khởi tố 04 vụ/09 bị can. Thủ đoạn phổ biến: đăng tin tuyển người làm "
        '"việc nhẹ lương cao" trên mạng xã hội, thu tiền "dẫn đường", đưa người đi theo '
        "đường mòn, lối mở."
    )
    answer = _answer(
        "Bọn tổ chức xuất cảnh trái phép dùng chiêu gì để dụ người đi?", [_passage(report, report)]
    )
    assert "việc nhẹ lương cao" in answer.split("[1]")[0], answer
