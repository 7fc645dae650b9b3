"""Police news and reports as officers ask about them: who led a ring, what was seized,
what a report numbered so is about (invented articles and reports)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from assistant.extractive.answerer import (
    ExtractiveAnswerer,
    _place_items,
    _read_up_to,
    _title_lines,
)
from assistant.extractive.asks import split_places
from assistant.extractive.candidates import score_candidates
from assistant.extractive.counting import qualifier_share
from assistant.extractive.leaders import asked_role
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.seized import asks_seized
from assistant.extractive.years import place_agrees
from assistant.passages import Passage
from index.extraction.duties import read_duties
from index.extraction.records import DocumentIdentity, Extraction
from index.records import DocumentMetadata


@dataclass
class Library:
    """Whole documents, with what extraction read from their heads."""

    documents: dict[str, list[Passage]] = field(default_factory=dict)
    identities: dict[str, DocumentIdentity] = field(default_factory=dict)

    def passages_of(self, source: str) -> list[Passage]:
        return self.documents.get(source, [])

    def extraction_of(self, source: str) -> Extraction:
        return Extraction(identity=self.identities.get(source, DocumentIdentity()))

    def text_of(self, source: str) -> str:
        return " ".join(p.text for p in self.documents.get(source, []))


def _passage(source: str, text: str, **meta: object) -> Passage:
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    return Passage(f"{source}#0", source, text, 0, len(text), 0.5, metadata)


def _document(source: str, parts: list[str], **meta: object) -> list[Passage]:
    """A document's passages, one per part, each at its offset in the whole text."""
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    passages, start = [], 0
    for n, text in enumerate(parts):
        passages.append(
            Passage(f"{source}#{n}", source, text, start, start + len(text), 0.5, metadata)
        )
        start += len(text)
    return passages


RING = (
    "(CATQ) - Công an tỉnh Tuyên Quang vừa triệt phá đường dây mua bán gỗ lậu qua biên "
    "giới, bắt giữ 6 đối tượng, thu giữ 38 m³ gỗ nghiến tại huyện Lâm Bình.\n\n"
    "Khoảng 2 giờ ngày 05/3/2024, tổ công tác phát hiện xe tải do Ma Văn Sử (SN 1992, trú xã "
    "Thượng Lâm) điều khiển chở gỗ không có giấy tờ.\n\n"
    "Tại cơ quan Công an, Sử khai nhận được Hoàng Văn Tình (SN 1981, trú xã Lăng Can) thuê "
    "chở gỗ với giá 2 triệu đồng/chuyến. Tình khai nhận là người cầm đầu, đứng ra thu mua "
    "gỗ của người dân rồi thuê xe chở đi tiêu thụ."
)


def test_who_led_is_the_clause_saying_so_with_the_full_name_told_before() -> None:
    assert asked_role(analyse("ai cam dau duong day go lau o Lam Binh")) == "cam dau"
    assert asked_role(analyse("Ai ký kế hoạch này?")) is None
    article = _passage("tin.txt", RING, province="Tuyên Quang", year=2024, kind="tin bài")
    answer = ExtractiveAnswerer().build("ai cam dau duong day go lau o Lam Binh", [article])
    first = answer.answer.split("[1]")[0]
    assert "Hoàng Văn Tình" in first, answer.answer  # not Ma Văn Sử, the driver
    assert "người cầm đầu" in answer.answer
    # ... asked by name as well
    named = "Đối tượng cầm đầu đường dây gỗ lậu ở Lâm Bình tên là gì?"
    assert asked_role(analyse(named)) == "cam dau"
    by_name = ExtractiveAnswerer().build(named, [article])
    assert "Hoàng Văn Tình" in by_name.answer.split("[1]")[0], by_name.answer


def test_a_former_province_is_told_of_by_the_new_province_it_is_part_of() -> None:
    """After the 2025 merger an article on "khu vực Hà Nam cũ" names the new Ninh Bình: not
    another province (a count of the whole new province is still no count of the old)."""
    text = (
        "Ngày 18/10/2025, Phòng Cảnh sát hình sự Công an tỉnh Ninh Bình triệt phá đường dây "
        "cá độ bóng đá qua mạng, bắt giữ 9 đối tượng.\n\n"
        "Công an tỉnh Ninh Bình khuyến cáo người dân không tham gia cá độ qua mạng."
    )
    article = _passage(
        "tin.txt", text, province="Ninh Bình", year=2025, issued_on="2025-10-20", kind="tin bài",
        title="Khu vực Hà Nam cũ: triệt phá đường dây cá độ bóng đá qua mạng",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Đường dây cá độ bóng đá qua mạng ở khu vực Hà Nam cũ bị triệt phá ngày nào?", [article]
    )
    assert "18/10/2025" in answer.answer, answer.answer


def test_a_former_provinces_figure_is_its_own_clause_not_the_whole_provinces_before_it() -> None:
    text = (
        "Theo thống kê của Công an tỉnh Ninh Bình, từ ngày 01/7 đến ngày 15/10/2025, toàn tỉnh "
        "phát hiện 41 vụ/180 đối tượng đánh bạc, tổ chức đánh bạc; riêng khu vực Hà Nam cũ xảy "
        "ra 16 vụ/75 đối tượng, tăng 04 vụ so với cùng kỳ năm 2024 của tỉnh Hà Nam cũ."
    )
    article = _passage(
        "tin.txt", text, province="Ninh Bình", year=2025, issued_on="2025-10-05", kind="tin bài",
        title="Ninh Bình: đấu tranh với tội phạm đánh bạc",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "tu 01/7 den 15/10/2025 khu vuc Ha Nam cu co bao nhieu vu danh bac", [article]
    )
    assert "16 vụ/75 đối tượng" in answer.answer.split("[1]")[0], answer.answer
    # the whole province's clause is no answer however it ranks
    analysis = analyse("tu 01/7 den 15/10/2025 khu vuc Ha Nam cu co bao nhieu vu danh bac")
    ranked = score_candidates(analysis, read_passages(analysis, [article])).candidates
    whole = next(c for c in ranked if "toàn tỉnh" in c.clause.text)
    assert not place_agrees(analysis, whole)


def test_the_places_asked_are_the_items_of_a_list_of_that_kind_of_place() -> None:
    text = (
        "Từ đầu năm 2031, lực lượng Công an phát hiện 19 vụ khai thác cát trái phép.\n\n"
        "Các vụ khai thác cát trái phép được phát hiện tại:\n- xã Tân An: 8 vụ;\n"
        "- xã Phú Lộc: 6 vụ;\n- xã Hòa Bình: 3 vụ;\n- các xã khác: 2 vụ."
    )
    article = _passage("tin.txt", text, province="Vĩnh Long", year=2031, kind="tin bài")
    answer = ExtractiveAnswerer().build(
        "Các vụ khai thác cát trái phép xảy ra ở những xã nào?", [article]
    )
    for place in ("Tân An: 8 vụ", "Phú Lộc: 6 vụ", "Hòa Bình: 3 vụ"):
        assert place in answer.answer, answer.answer
    # read as a list of the kind of place asked, whatever else outranks its items
    analysis = analyse("Các vụ khai thác cát trái phép xảy ra ở những xã nào?")
    views = read_passages(analysis, [article])
    items = _place_items(analysis, views, score_candidates(analysis, views))
    assert [views[0].clauses[i].text for _, i in items][:3] == [
        "- xã Tân An: 8 vụ;", "- xã Phú Lộc: 6 vụ;", "- xã Hòa Bình: 3 vụ;",
    ]  # fmt: skip


SEIZURES = (
    "2. Tội phạm về ma túy\n\n"
    "6 tháng phát hiện 12 vụ, 15 đối tượng; thu giữ 31,6 gam heroin, 240 viên ma túy tổng "
    "hợp.\n\n"
    "3. Buôn lậu, gian lận thương mại\n\n"
    "6 tháng phát hiện 27 vụ, 30 đối tượng. Thu giữ 1.150 kg đường cát, 96 chai rượu "
    "ngoại, 3.400 bao thuốc lá, trị giá khoảng 420 triệu đồng.\n\n"
    "4. Trật tự an toàn giao thông\n\n"
    "Lực lượng CSGT lập biên bản 812 trường hợp vi phạm, tạm giữ 64 xe mô tô."
)


def test_what_was_seized_is_told_by_the_clause_of_the_asked_kind_of_case() -> None:
    assert asks_seized(analyse("Tang vật buôn lậu thu giữ gồm những gì?"))
    assert asks_seized(analyse("vu ma tuy thu giu nhung gi"))
    assert not asks_seized(analyse("Thu giữ bao nhiêu kg đường cát?"))  # a count
    report = _passage(
        "bc.txt", SEIZURES, province="Lạng Sơn", district="Tràng Định", year=2024,
        title="Báo cáo công tác 6 tháng đầu năm 2024 của Công an huyện Tràng Định",
    )  # fmt: skip
    smuggled = ExtractiveAnswerer().build(
        "Tang vật buôn lậu thu giữ 6 tháng 2024 ở Tràng Định gồm những gì?", [report]
    )
    first = smuggled.answer.split("[1]")[0]
    assert "1.150 kg đường cát" in first and "96 chai rượu" in first, smuggled.answer
    drugs = ExtractiveAnswerer().build("Ma túy thu giữ 6 tháng 2024 gồm những gì?", [report])
    assert "31,6 gam heroin" in drugs.answer.split("[1]")[0], drugs.answer


def test_what_was_seized_under_a_lead_in_is_read_as_its_list() -> None:
    text = (
        "Chuyên án 317C do Phòng Cảnh sát kinh tế chủ trì, xác lập từ tháng 3/2024.\n\n"
        "Tang vật thu giữ gồm:\n\n- Tiền mặt: 640 triệu đồng\n\n- Điện thoại di động: 14 chiếc"
    )
    article = _passage("tin.txt", text, province="Hòa Bình", year=2024, kind="tin bài")
    answer = ExtractiveAnswerer().build("Trong chuyên án 317C thu giữ những gì?", [article])
    assert "640 triệu đồng" in answer.answer and "14 chiếc" in answer.answer, answer.answer


def test_a_report_asked_by_number_is_told_with_the_body_that_issued_it() -> None:
    assert analyse("52/BC-CAX la bao cao gi").type == QuestionType.TOPIC
    assert analyse("Số 14/KH-UBND là kế hoạch gì?").type == QuestionType.TOPIC
    text = (
        "CÔNG AN HUYỆN BẢO LẠC\n\nCÔNG AN XÃ CỐC PÀNG\n\nSố: 52/BC-CAX\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "BÁO CÁO\n\nKết quả công tác quý III năm 2024\n\n"
        "I. TÌNH HÌNH\n\nTình hình an ninh trên địa bàn xã ổn định."
    )
    report = _passage(
        "bc.txt", text, province="Cao Bằng", district="Bảo Lạc", year=2024, kind="báo cáo",
        directive_numbers=("52/BC-CAX",), title="Báo cáo kết quả công tác quý III năm 2024",
    )  # fmt: skip
    library = Library(
        {"bc.txt": [report]}, {"bc.txt": DocumentIdentity(issuer="Công an xã Cốc Pàng")}
    )
    answerer = ExtractiveAnswerer(library=library)
    for question in ("52/BC-CAX la bao cao gi", "Báo cáo số 52/BC-CAX nói về nội dung gì?"):
        answer = answerer.build(question, [report])
        first = answer.answer.split("[1]")[0]
        assert first.startswith("Công an xã Cốc Pàng:"), answer.answer
        assert "Kết quả công tác quý III năm 2024" in first


def test_a_long_title_the_metadata_cut_short_is_still_the_documents_topic() -> None:
    subject = (
        "CHỈ THỊ của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác "
        "phòng ngừa, đấu tranh với hoạt động khai thác, vận chuyển, kinh doanh cát sỏi trái phép "
        "trên các tuyến sông của tỉnh giai đoạn 2031 - 2033"
    )
    text = f"TỈNH ỦY AN PHÚ\n\nSố 08-CT/TU\n\n{subject}\n\nThời gian qua, tình hình ổn định."
    directive = _passage(
        "ct.txt", text, province="Hà Giang", year=2031, kind="chỉ thị",
        directive_numbers=("08-CT/TU",), title=subject.title()[:150],
    )  # fmt: skip
    library = Library({"ct.txt": [directive]}, {"ct.txt": DocumentIdentity()})
    answer = ExtractiveAnswerer(library=library).build("Chỉ thị 08-CT/TU nói về gì?", [directive])
    assert "cát sỏi trái phép" in answer.answer.split("[1]")[0], answer.answer
    # read as the title, not found by chance among the clauses
    views = read_passages(analyse("Chỉ thị 08-CT/TU nói về gì?"), [directive])
    assert [views[0].clauses[i].text for _, i in _title_lines("ct.txt", views)] == [subject]


def test_a_kind_line_over_its_subject_is_the_topic_where_no_line_is_the_title_as_read() -> None:
    """The metadata's title ("Kế hoạch bảo đảm ...", or a copy's own label) matches no line:
    the "KẾ HOẠCH" line and the subject under it, or "CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY
    về ..." are what the document says it is about."""
    for heading, subject, number in (
        ("KẾ HOẠCH", "Bảo đảm an toàn giao thông đường thủy mùa lũ năm 2031", "41/KH-UBND"),
        ("CHỈ THỊ", "CỦA BAN THƯỜNG VỤ TỈNH ỦY về phòng, chống buôn lậu qua biên giới", "07-CT/TU"),
    ):
        text = (
            f"ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n\nSố: {number}\n\n{heading}\n\n{subject}\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n\nI. MỤC ĐÍCH"
        )
        document = _passage(
            "kh.txt", text, province="Lạng Sơn", year=2031, kind=heading.lower(),
            directive_numbers=(number,), title="Nguồn: Văn phòng UBND tỉnh Lạng Sơn",
        )  # fmt: skip
        library = Library({"kh.txt": [document]}, {"kh.txt": DocumentIdentity()})
        answer = ExtractiveAnswerer(library=library).build(f"{number} về việc gì?", [document])
        assert subject in answer.answer.split("[1]")[0], answer.answer


def test_a_document_only_citing_the_number_is_quoted_where_it_tells_what_it_is_about() -> None:
    """A report names the asked plan in its heading and, further on, with what the plan is
    about: that mention is the one quoted for "về việc gì", not the heading naming it bare
    (as a number two provinces share is asked of the one whose plan is only cited)."""
    text = (
        "BÁO CÁO\n\n"
        "Kết quả công tác phòng, chống cháy rừng năm 2031 và thực hiện Kế hoạch số 19/KH-UBND "
        "của UBND tỉnh\n\n"
        "Thực hiện Kế hoạch số 19/KH-UBND ngày 02/3/2031 của UBND tỉnh Cao Bằng về phòng, "
        "chống cháy rừng mùa khô, Công an tỉnh báo cáo như sau."
    )
    report = _passage(
        "bc.txt", text, province="Cao Bằng", year=2031, kind="báo cáo",
        directive_numbers=("88/BC-CAT",), title="Báo cáo kết quả công tác năm 2031",
    )  # fmt: skip
    library = Library({"bc.txt": [report]}, {"bc.txt": DocumentIdentity()})
    asked = analyse("KH 19/KH-UBND về việc gì?")
    ranking = score_candidates(asked, read_passages(asked, [report]))
    # ... whichever of the two mentions the scores put first
    for order in (ranking.candidates, ranking.candidates[::-1]):
        mention = ExtractiveAnswerer(library=library)._own_mention(
            "bc.txt", replace(ranking, candidates=order), asked=asked.directive_keys
        )
        assert mention is not None and "cháy rừng mùa khô" in mention.clause.text


def test_a_heading_a_chunk_cut_left_just_above_names_what_the_passage_counts() -> None:
    """What a reader has been told of a count includes the heading the chunking left at the
    end of the passage before: "2. Tội phạm về trật tự xã hội" / "9 tháng xảy ra 40 vụ"."""
    parts = [
        "BÁO CÁO kết quả 9 tháng năm 2031\n\n1. An ninh chính trị: ổn định.\n\n"
        "2. Tội phạm về trật tự xã hội\n\n",
        "9 tháng xảy ra 40 vụ, giảm 03 vụ so với cùng kỳ; làm rõ 35 vụ.",
    ]
    passages = _document("bc.txt", parts, province="Tây Ninh", year=2031, kind="báo cáo")
    whole = Library({"bc.txt": passages}).text_of
    analysis = analyse("9 tháng năm 2031 xảy ra bao nhiêu vụ phạm tội về trật tự xã hội?")
    views = read_passages(analysis, [passages[1]], document_text=whole)
    counted = score_candidates(analysis, views).candidates[0]
    assert "Tội phạm về trật tự xã hội" in _read_up_to(counted)
    assert qualifier_share(analysis, _read_up_to(counted)) > qualifier_share(
        analysis, counted.clause.text
    )


def test_a_figure_retrieval_did_not_bring_is_read_in_the_asked_wards_report() -> None:
    """Retrieval brought the ward report's opening and another district's report; the
    count asked lies further on in the ward's report."""
    parts = [
        "CÔNG AN PHƯỜNG SÔNG HIẾN\n\nBÁO CÁO\n\nKết quả công tác tháng 10 năm 2025\n\n",
        "Phường có 12 tổ dân phố, 21.400 nhân khẩu.\n\n",
        "II. KẾT QUẢ\n\nTháng 10 năm 2025, trên địa bàn phường xảy ra 03 vụ cháy nhà dân, "
        "thiệt hại khoảng 120 triệu đồng.",
    ]
    ward = _document(
        "bc.txt", parts, province="Cao Bằng", year=2025, kind="báo cáo",
        title="Báo cáo công tác tháng 10 năm 2025 của Công an phường Sông Hiến",
    )  # fmt: skip
    other = _passage(
        "khac.txt", "Tháng 10 năm 2025, huyện Hòa An xảy ra 05 vụ tai nạn giao thông.",
        province="Cao Bằng", district="Hòa An", year=2025, title="Báo cáo của huyện Hòa An",
    )  # fmt: skip
    library = Library({"bc.txt": ward, "khac.txt": [other]})
    answer = ExtractiveAnswerer(library=library).build(
        "phường Sông Hiến tháng 10/2025 xảy ra bao nhiêu vụ cháy", [ward[0], other]
    )
    assert "03 vụ cháy" in answer.answer, answer.answer
    # ... also when another document, of no place asked, was retrieved above it.
    answer = ExtractiveAnswerer(library=library).build(
        "phường Sông Hiến tháng 10/2025 xảy ra bao nhiêu vụ cháy", [other, ward[0]]
    )
    assert "03 vụ cháy" in answer.answer, answer.answer


def test_methods_are_told_by_what_the_suspects_usually_do() -> None:
    text = (
        "(CAPT) - Công an tỉnh Phú Thọ vừa bắt nhóm 4 đối tượng trộm dây điện tại các trạm "
        "bơm nông nghiệp ở huyện Tam Nông.\n\n"
        "Theo cơ quan điều tra, các đối tượng thường ra tay lúc nửa đêm, cắt khóa tủ điện, "
        "dùng kìm cộng lực cắt dây rồi đốt lấy lõi đồng bán cho vựa phế liệu.\n\n"
        "Công an huyện đã khởi tố vụ án."
    )
    article = _passage("tin.txt", text, province="Phú Thọ", year=2024, kind="tin bài")
    answer = ExtractiveAnswerer().build("Thủ đoạn trộm dây điện ở Tam Nông?", [article])
    assert "kìm cộng lực" in answer.answer.split("[1]")[0], answer.answer


def test_a_heading_ending_a_passage_is_answered_by_the_text_it_heads() -> None:
    """The page's subheading "Thủ đoạn ngày càng tinh vi" closes the passage retrieval
    brought; what it heads opens the next one."""
    first = (
        "Công an huyện Mèo Vạc bắt 2 đối tượng vận chuyển 60 kg pháo nổ qua biên giới.\n\n"
        "Thủ đoạn ngày càng tinh vi\n\n"
    )
    second = (
        "Các đối tượng chia nhỏ pháo, giấu trong bao phân bón rồi gửi theo xe khách về "
        "trung tâm huyện.\n\nCông an khuyến cáo người dân không mua pháo."
    )
    passages = _document(
        "tin.txt", [first, second], province="Hà Giang", year=2024, kind="tin bài",
        title="Bắt pháo lậu",
    )  # fmt: skip
    library = Library({"tin.txt": passages})
    answer = ExtractiveAnswerer(library=library).build(
        "Đối tượng vận chuyển pháo ở Mèo Vạc dùng thủ đoạn gì?", [passages[0]]
    )
    assert "bao phân bón" in answer.answer.split("[1]")[0], answer.answer


def test_whether_a_partner_was_given_a_task_is_told_by_the_item_naming_it() -> None:
    """ "có được giao ... không": a plan only asks the Front ("Đề nghị ..."); the item says
    so, where a bare Có/Không would not."""
    asked = analyse("MTTQ tinh Lang Son co duoc giao chu tri nhiem vu nao trong KH 21 khong")
    assert asked.type == QuestionType.DUTY and asked.body == "mat tran to quoc"
    assert analyse("Người dân có được giao đất không?").type == QuestionType.YES_NO
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Công an tỉnh chủ trì triển khai Kế hoạch; báo cáo kết quả trước ngày 15/12/2024.\n\n"
        "2. Sở Văn hóa, Thể thao và Du lịch phối hợp kiểm tra các cơ sở lưu trú.\n\n"
        "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động Nhân dân tham gia giữ "
        "gìn an ninh, trật tự tại các điểm du lịch."
    )
    plan = _passage(
        "kh.txt", text, province="Lạng Sơn", year=2024, kind="kế hoạch",
        directive_numbers=("21/KH-UBND",), title="Kế hoạch số 21/KH-UBND",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"kh.txt": [plan]})).build(
        "MTTQ tinh Lang Son co duoc giao chu tri nhiem vu nao trong KH 21 khong", [plan]
    )
    assert "Đề nghị Ủy ban Mặt trận Tổ quốc" in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Sở Du lịch tỉnh Lạng Sơn có phải chủ trì xử lý phản ánh về giá dịch vụ không?",
        "So Du lich co bi giao nhiem vu chu tri kiem tra gia dich vu khong",
        "Sở Du lịch có phải là cơ quan chủ trì kiểm tra giá dịch vụ trong KH 21 không?",
        "UBND tinh Lang Son co giao So Du lich chu tri kiem tra gia dich vu khong",
        "Sở Du lịch có phải đơn vị chủ trì nhiệm vụ nào trong KH 21 không?",
    ],
)
def test_whether_a_body_leads_a_task_is_told_by_the_item_naming_it(question: str) -> None:
    """ "Sở B có (phải là cơ quan) chủ trì ... không": the item naming Sở B says what it was
    given ("phối hợp", not "chủ trì"), where a Có/Không read off another body's item would
    answer for the wrong body."""
    assert analyse(question).type == QuestionType.DUTY, question
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Công an tỉnh chủ trì kiểm tra giá dịch vụ, xử lý phản ánh của du khách.\n\n"
        "2. Sở Du lịch phối hợp kiểm tra các cơ sở lưu trú, niêm yết giá công khai."
    )
    plan = _passage(
        "kh.txt", text, province="Lạng Sơn", year=2024, kind="kế hoạch",
        directive_numbers=("21/KH-UBND",), title="Kế hoạch số 21/KH-UBND",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"kh.txt": [plan]})).build(question, [plan])
    assert "Sở Du lịch phối hợp" in answer.answer.split("[1]")[0], answer.answer


@dataclass
class PlanLibrary(Library):
    """A plan's passages, with the duties extraction reads from its whole text."""

    def extraction_of(self, source: str) -> Extraction:
        return Extraction(duties=read_duties("".join(p.text for p in self.passages_of(source))))


def test_a_partner_asked_of_in_a_heading_is_told_by_the_heading_over_its_task() -> None:
    """The heading naming the partners ("5. Đề nghị ... và Hiệp hội Doanh nghiệp tỉnh")
    closes one passage, their task opens the next: asked whether the association was given a task
    ("có giao nhiệm vụ cho ... không", or "..., X có được giao ... không" after what the
    question opens with), the answer quotes the heading, then the task."""
    for question in (
        "KH 30/KH-UBND Gia Lai co giao nhiem vu cho Hiep hoi Doanh nghiep tinh khong",
        "Trong KH 30 của Gia Lai, Hiệp hội Doanh nghiệp tỉnh có được giao nhiệm vụ nào không?",
    ):
        assert analyse(question).body == "hiep hoi doanh nghiep", question
    head = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n4. Sở Giao thông vận tải chủ trì kiểm tra bến xe khách.\n\n"
        "5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Nông dân tỉnh và Hiệp hội "
        "Doanh nghiệp tỉnh\n\n"
    )
    task = "Phối hợp tuyên truyền để hội viên và Nhân dân chấp hành quy định về tải trọng."
    passages = _document(
        "kh.txt", [head, task], province="Gia Lai", year=2024, kind="kế hoạch",
        directive_numbers=("30/KH-UBND",), title="Kế hoạch bảo đảm trật tự vận tải",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=PlanLibrary({"kh.txt": passages})).build(
        "KH 30/KH-UBND Gia Lai co giao nhiem vu cho Hiep hoi Doanh nghiep tinh khong", [passages[1]]
    )
    first, _, rest = answer.answer.partition("[1]")
    assert "Đề nghị Ủy ban Mặt trận Tổ quốc" in first, answer.answer
    assert "Phối hợp tuyên truyền" in rest, answer.answer


def test_a_bodys_task_in_the_passage_after_its_heading_is_read_there() -> None:
    """ "5. Sở B" ends the passage retrieval brought, the task under it opens the next one it
    did not: the task is read there, not the heading alone."""
    head = (
        "II. NHIỆM VỤ\n\n4. Sở Y tế chủ trì kiểm tra cơ sở cai nghiện.\n\n"
        "5. Sở Tài nguyên và Môi trường\n\n"
    )
    task = "Kiểm tra các điểm khai thác cát trên sông Lô, báo cáo trước ngày 20/11/2031."
    passages = _document(
        "tb.txt", [head, task], province="Tuyên Quang", year=2031, kind="thông báo",
        title="Thông báo kết luận hội nghị giao ban quý III năm 2031",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=PlanLibrary({"tb.txt": passages})).build(
        "Sở Tài nguyên và Môi trường được giao việc gì sau hội nghị giao ban?", [passages[0]]
    )
    assert "khai thác cát trên sông Lô" in answer.answer, answer.answer


def test_a_search_for_what_was_seized_reads_the_list_on_in_the_next_passage() -> None:
    """ "tang vat chuyen an 208K" asks what was seized; its lead-in closes one passage and
    the page's items (no markers) open the next."""
    assert asks_seized(analyse("tang vat chuyen an 208K"))
    first = (
        "Công an tỉnh Yên Bái vừa kết thúc Chuyên án 208K, bắt giữ 5 đối tượng đánh bạc qua "
        "mạng.\n\nTang vật thu giữ gồm:\n\n"
    )
    second = (
        "14 điện thoại di động, 02 máy tính xách tay;\n\n"
        "186 triệu đồng tiền mặt.\n\n"
        "Thượng tá Hà Văn Lực, Phó Trưởng phòng Cảnh sát hình sự cho biết các đối tượng tổ "
        "chức cá độ qua nhiều trang mạng đặt máy chủ ở nước ngoài."
    )
    passages = _document(
        "tin.txt", [first, second], province="Yên Bái", year=2024, kind="tin bài",
        title="Chuyên án 208K",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"tin.txt": passages})).build(
        "tang vat chuyen an 208K", [passages[0]]
    )
    assert "14 điện thoại" in answer.answer and "186 triệu đồng" in answer.answer, answer.answer


def test_a_resolution_asked_by_number_and_year_must_be_that_one() -> None:
    """ "NQ 17/2024" names a resolution as surely as "17/2024/NQ-HĐND": another year's or
    number's rates do not answer it."""
    text = (
        "NGHỊ QUYẾT số 16/2024/NQ-HĐND quy định mức hỗ trợ lực lượng tuần tra biên giới.\n\n"
        "Điều 2. Thành viên Tổ bảo vệ an ninh, trật tự tham gia tuần tra được hỗ trợ "
        "150.000 đồng/người/ca."
    )
    resolution = _passage(
        "nq.txt", text, province="Điện Biên", year=2024, kind="nghị quyết",
        directive_numbers=("16/2024/NQ-HĐND",), title="Nghị quyết số 16/2024/NQ-HĐND",
    )  # fmt: skip
    answerer = ExtractiveAnswerer(library=Library({"nq.txt": [resolution]}))
    other = answerer.build(
        "muc ho tro thanh vien to bao ve ANTT tuan tra theo NQ 17/2024 la bao nhieu", [resolution]
    )
    assert other.refused, other.answer
    own = answerer.build(
        "muc ho tro thanh vien to bao ve ANTT tuan tra theo NQ 16/2024 la bao nhieu", [resolution]
    )
    assert "150.000" in own.answer, own.answer


def test_a_comparison_of_two_places_is_each_places_figure_cited() -> None:
    """ "So sánh X của huyện A (2024) và phường B (2025)": X of each, each from its report."""
    assert split_places("So sánh số vụ cháy của huyện A và phường B?") == [
        "số vụ cháy của huyện A là bao nhiêu",
        "số vụ cháy của phường B là bao nhiêu",
    ]
    assert split_places("So sánh mức phạt A và B") == ["So sánh mức phạt A và B"]
    assert split_places("Huyện A và phường B mỗi nơi có bao nhiêu vụ cháy?") == [
        "Huyện A có bao nhiêu vụ cháy?",
        "phường B có bao nhiêu vụ cháy?",
    ]
    assert split_places("Công an tỉnh và Sở Y tế mỗi nơi làm gì?") == [
        "Công an tỉnh và Sở Y tế mỗi nơi làm gì?"  # bodies, not places
    ]
    district = _passage(
        "a.txt", "Năm 2024, huyện Bảo Yên có 27 vụ cháy, thiệt hại khoảng 1,2 tỷ đồng.",
        province="Lào Cai", district="Bảo Yên", year=2024, title="Báo cáo của huyện Bảo Yên",
    )  # fmt: skip
    ward = _passage(
        "b.txt", "Từ 01/7/2025 đến nay, phường Cam Đường xảy ra 4 vụ cháy, không ai bị thương.",
        province="Lào Cai", year=2025, issued_on="2025-11-20",
        title="Báo cáo của Công an phường Cam Đường",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "So sánh số vụ cháy của huyện Bảo Yên (2024) và phường Cam Đường (từ 01/7/2025)",
        [district, ward],
    )
    assert "27 vụ cháy" in answer.answer and "4 vụ cháy" in answer.answer, answer.answer


def test_a_deadline_asked_of_a_numbered_directive_is_read_in_its_item() -> None:
    """ "UBND tỉnh phải xây dựng KH thực hiện CT 09-CT/TU trước ngày nào": the item never
    repeats the directive's number, which the question spends most of its words on; the
    number is the whole document's, so the item covers the question."""
    text = (
        "TỈNH ỦY CÀ MAU\n\nSố 09-CT/TU\n\nCHỈ THỊ\n\nVề tăng cường phòng, chống cháy rừng\n\n"
        "3. Ban cán sự đảng lãnh đạo chính quyền tỉnh:\n\n"
        "a) Xây dựng kế hoạch triển khai thực hiện Chỉ thị, hoàn thành trước ngày 20/5/2031;\n\n"
        "b) Bố trí kinh phí cho lực lượng bảo vệ rừng chuyên trách."
    )
    directive = _passage(
        "ct.txt", text, province="Cà Mau", year=2031, kind="chỉ thị",
        directive_numbers=("09-CT/TU",), title="Chỉ thị về tăng cường phòng, chống cháy rừng",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"ct.txt": [directive]})).build(
        "UBND tỉnh phải xây dựng KH thực hiện CT 09-CT/TU trước ngày nào", [directive]
    )
    assert "20/5/2031" in answer.answer.split("[1]")[0], answer.answer


def test_measures_announced_at_a_passages_end_are_quoted_with_the_items_after_it() -> None:
    """ "Các biện pháp của CA tỉnh ... ": the sentence announcing them ("... triển khai các
    biện pháp:") closes one passage and the measures open the next; both are quoted."""
    first = (
        "Trong 9 tháng, trên Quốc lộ 279 xảy ra 14 vụ tai nạn giao thông.\n\n"
        "Để kéo giảm tai nạn trên Quốc lộ 279 đến cuối năm, Công an tỉnh triển khai các biện pháp:"
    )
    second = (
        "- Duy trì 3 tổ tuần tra cơ động trên đèo Khau Co;\n\n"
        "- Lắp đặt 24 camera giám sát tại các điểm đen;\n\n"
        "- Phối hợp Sở Xây dựng cắm biển cảnh báo.\n\n"
        "Người dân địa phương phấn khởi trước các biện pháp trên."
    )
    passages = _document(
        "tin.txt", [first, second], province="Tuyên Quang", year=2031, kind="tin bài",
        title="Kéo giảm tai nạn trên Quốc lộ 279",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"tin.txt": passages})).build(
        "Các biện pháp của CA tỉnh Tuyên Quang để kéo giảm TNGT trên QL279", [passages[0]]
    )
    assert "3 tổ tuần tra" in answer.answer and "24 camera" in answer.answer, answer.answer
    # ... and where the items run on from one passage into the next
    head, _, rest = second.partition("\n\n")
    passages = _document(
        "tin.txt", [f"{first}\n\n{head}", rest], province="Tuyên Quang", year=2031,
        kind="tin bài", title="Kéo giảm tai nạn trên Quốc lộ 279",
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"tin.txt": passages})).build(
        "CA tỉnh Tuyên Quang có những biện pháp gì cho đèo Khau Co trên QL279?", [passages[0]]
    )
    assert "3 tổ tuần tra" in answer.answer and "24 camera" in answer.answer, answer.answer


def test_a_communes_count_is_its_item_not_the_provinces_figure_beside_it() -> None:
    """ "xa Tan Lap Phu Tho ...": the commune's name ends where the province's begins; the
    province's figure ("của tỉnh ... 412 vụ") is not the commune's, its list item is."""
    assert analyse("xã Tân Lập Phú Thọ bắt bao nhiêu vụ trộm").communes == ("tan lap",)
    text = (
        "Từ ngày 01/7/2025, các lực lượng chức năng của tỉnh đã bắt giữ 412 vụ trộm cắp, "
        "tăng 12 vụ so với cùng kỳ.\n\n"
        "Các địa bàn phát hiện nhiều vụ việc:\n\n"
        "- Xã Tân Lập: 19 vụ;\n\n- Xã Thanh Sơn: 11 vụ;\n\n- Phường Âu Cơ: 8 vụ."
    )
    news = _passage("tin.txt", text, province="Phú Thọ", year=2025, kind="tin bài",
                    title="Phú Thọ: bắt giữ 412 vụ trộm cắp sau sắp xếp")  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"tin.txt": [news]})).build(
        "xã Tân Lập Phú Thọ bắt bao nhiêu vụ trộm cắp từ 01/7/2025", [news]
    )
    assert "Xã Tân Lập: 19 vụ" in answer.answer, answer.answer
    assert "412" not in answer.answer.split("[1]")[0], answer.answer
    # ... also where the larger figure does not say whose it is: the clause naming the
    # commune is preferred
    unsaid = replace(news, text=text.replace(" của tỉnh", ""))
    answer = ExtractiveAnswerer(library=Library({"tin.txt": [unsaid]})).build(
        "xã Tân Lập Phú Thọ bắt bao nhiêu vụ trộm cắp từ 01/7/2025", [unsaid]
    )
    assert "Xã Tân Lập: 19 vụ" in answer.answer.split("[1]")[0], answer.answer
    # A clause naming several districts' police is no province-wide figure: it may tell of
    # the commune.
    raid = replace(
        news, text="- Ngày 2/3/2025, tại xã Tân Lập: Công an các huyện Thanh Sơn, Tân Sơn "
        "chủ trì bắt 2 đối tượng trộm cắp 14 con trâu."
    )  # fmt: skip
    answer = ExtractiveAnswerer(library=Library({"tin.txt": [raid]})).build(
        "Vụ bắt trộm trâu ở xã Tân Lập do lực lượng nào chủ trì?", [raid]
    )
    assert "Công an các huyện Thanh Sơn" in answer.answer, answer.answer
