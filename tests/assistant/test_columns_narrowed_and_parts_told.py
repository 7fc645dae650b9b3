"""A superlative over a table whose columns share the ranked noun's head, a count narrowed by
what is done to it, a part of the year told in its own sentence, a target asked with what
was reached, both sides of a cause, a body's place asked "mỗi nơi" and a holiday named in
the section above the passage (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks, split_places
from assistant.extractive.periods import asked_period
from assistant.extractive.question import analyse
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts, invented_passage

SHOPS = invented_passage(
    "Bảng: Kết quả quản lý ngành nghề năm 2031 theo đơn vị\n\n"
    "| Đơn vị | Hộ kinh doanh karaoke (hộ) | Kiểm tra (lượt) | Hộ bị xử phạt | Hội viên mới |\n"
    "|---|---|---|---|---|\n"
    "| Huyện Tân Phước | 212 | 640 | 9 | 31 |\n"
    "| Huyện Cái Bè | 148 | 512 | 27 | 12 |\n"
    "| Thị xã Cai Lậy | 95 | 300 | 14 | 45 |",
    "bc.md",
    title="Báo cáo quản lý ngành nghề kinh doanh có điều kiện năm 2031",
    kind="báo cáo",
    province="Tiền Giang",
    year=2031,
)


def test_the_column_of_the_noun_narrowed_by_its_last_words_ranks() -> None:
    """ "nhiều hộ kinh doanh karaoke bị xử phạt nhất": "Hộ bị xử phạt", not the column
    naming more of the noun's words ("Hộ kinh doanh karaoke")."""
    answer = ExtractiveAnswerer().build(
        "Huyện nào ở Tiền Giang nhiều hộ kinh doanh karaoke bị xử phạt nhất năm 2031?", [SHOPS]
    )
    assert "Cái Bè" in answer.answer and "27" in answer.answer, answer.answer
    widest = ExtractiveAnswerer().build(
        "Huyện nào ở Tiền Giang nhiều hộ kinh doanh karaoke nhất năm 2031?", [SHOPS]
    )
    assert "Tân Phước" in widest.answer, widest.answer


TEAMS = invented_passage(
    "Bảng: Cấp thẻ căn cước theo đơn vị\n\n"
    "| Đơn vị | Số khóm | Thẻ căn cước đã cấp | Thẻ cấp mới 2031 | Tổ bị giải thể |\n"
    "|---|---|---|---|---|\n"
    "| Huyện Mỏ Cày Nam | 80 | 61 | 40 | 7 |\n"
    "| Huyện Ba Tri | 95 | 44 | 73 | 19 |\n"
    "| Thành phố Bến Tre | 50 | 90 | 22 | 4 |",
    "nq.md",
    title="Báo cáo cấp thẻ căn cước năm 2031",
    kind="báo cáo",
    province="Bến Tre",
    year=2031,
)


def test_a_deed_before_the_rank_word_names_the_column_after_the_noun() -> None:
    """ "cấp mới nhiều thẻ căn cước nhất": "Thẻ cấp mới ...", the noun it opens with set
    aside, not "Thẻ căn cước đã cấp", which names the whole noun."""
    answer = ExtractiveAnswerer().build(
        "huyen nao Ben Tre cap moi nhieu the can cuoc nhat nam 2031", [TEAMS]
    )
    assert "Ba Tri" in answer.answer and "73" in answer.answer, answer.answer


YOUTH = invented_passage(
    "Bảng: NCTN vi phạm năm 2030 theo đơn vị\n\n"
    "| Đơn vị | Vụ NCTN vi phạm | Đối tượng | Trong đó học sinh | Vụ đua xe |\n"
    "|---|---|---|---|---|\n"
    "| Huyện Mỏ Cày Nam | 30 | 41 | 9 | 2 |\n"
    "| Huyện Ba Tri | 22 | 57 | 14 | 1 |\n"
    "| Thành phố Bến Tre | 26 | 33 | 20 | 6 |",
    "ct.txt",
    title="Chỉ thị về phòng, chống tội phạm người chưa thành niên",
    kind="chỉ thị",
    province="Bến Tre",
    year=2031,
)


def test_people_breaking_the_law_are_counted_in_their_own_column() -> None:
    """ "vi phạm pháp luật" names no kind of case: the people are counted in "Đối tượng"
    beside the cases' column, not in "Vụ NCTN vi phạm"."""
    answer = ExtractiveAnswerer().build(
        "Huyện nào của Bến Tre có nhiều đối tượng NCTN vi phạm pháp luật nhất năm 2030?", [YOUTH]
    )
    assert "Ba Tri" in answer.answer and "57" in answer.answer, answer.answer


def test_a_count_narrowed_by_what_is_done_to_it_is_no_column_of_all() -> None:
    """ "thẻ căn cước bị thu hồi": no column says so; "Thẻ căn cước đã cấp" counts all."""
    answer = ExtractiveAnswerer().build(
        "Huyện Ba Tri có bao nhiêu thẻ căn cước bị thu hồi?", [TEAMS]
    )
    assert "44" not in answer.answer, answer.answer
    kept = ExtractiveAnswerer().build("Huyện Ba Tri có bao nhiêu thẻ căn cước đã cấp?", [TEAMS])
    assert "44" in kept.answer, kept.answer


FRAUD = invented_passage(
    "1. Tình hình lừa đảo trên không gian mạng\n\n"
    "9 tháng năm 2031 (từ ngày 15/12/2030 đến ngày 14/9/2031), trên địa bàn tỉnh xảy ra 120 vụ "
    "lừa đảo chiếm đoạt tài sản trên không gian mạng, tăng 10 vụ (+9,09%) so với cùng kỳ năm "
    "2030, gây thiệt hại 21,4 tỷ đồng; riêng quý III (từ ngày 15/6 đến ngày 14/9/2031) xảy ra "
    "52 vụ, thiệt hại 9,1 tỷ đồng. Cơ quan Cảnh sát điều tra đã khởi tố 35 vụ/41 bị can về "
    'tội "Lừa đảo chiếm đoạt tài sản" (Điều 174 Bộ luật Hình sự); thu hồi, trả lại cho bị hại '
    "2,1 tỷ đồng.\n\nCác thủ đoạn chủ yếu:\n\n"
    "- Giả danh công an yêu cầu cài ứng dụng giả: 31 vụ, thiệt hại 6,2 tỷ đồng;\n"
    "- Mời đầu tư tiền ảo: 17 vụ, thiệt hại 8,8 tỷ đồng.",
    "tb.txt",
    title="Thông báo kết luận về phòng, chống lừa đảo chiếm đoạt tài sản trên không gian mạng "
    "9 tháng năm 2031",
    kind="thông báo",
    province="Yên Bái",
    year=2031,
)


def test_a_quarter_asked_is_read_where_its_own_sentence_names_it() -> None:
    """The sentence after "riêng quý III ..." goes on with the nine months (its cases
    prosecuted): the quarter's figure is the one its own clause names."""
    answer = ExtractiveAnswerer().build(
        "Lừa đảo chiếm đoạt tài sản Yên Bái quý III/2031 bao nhiêu vụ?", [FRAUD]
    )
    assert "52 vụ" in answer.answer.split("[1]")[0], answer.answer


TARGETS = invented_passage(
    "Kết quả thực hiện các chỉ tiêu năm 2031: cấp phát áo phản quang cho các tổ đạt 71,2% "
    "(chỉ tiêu 90%, chưa đạt); tập huấn luật cho thành viên đạt 93,5% (chỉ tiêu 100%, chưa "
    "đạt). Kinh phí hỗ trợ đã chi là 4.120 triệu đồng.",
    "tb.txt",
    title="Thông báo kết luận sơ kết tổ an ninh cơ sở năm 2031",
    kind="thông báo",
    province="Lạng Sơn",
    year=2031,
)


def test_a_target_reached_is_asked_as_a_share_not_as_money() -> None:
    """ "chỉ tiêu ... hỗ trợ đạt bao nhiêu" asks how far the target is reached, not an
    amount of the support ("hỗ trợ" is a word of money elsewhere)."""
    assert analyse("chi tieu cap phat ao ho tro cho to dat bao nhieu").counted.unit != "dong"
    answer = ExtractiveAnswerer().build(
        "chi tieu cap phat ao phan quang, tap huan luat cho to Lang Son nam 2031 dat bao nhieu",
        [TARGETS],
    )
    assert "71,2%" in answer.answer and "93,5%" in answer.answer, answer.answer


def test_a_target_named_bare_before_what_was_reached_is_asked_in_two() -> None:
    parts = split_asks("Chỉ tiêu cấp thẻ cho xã A năm 2031, đến nay được bao nhiêu thẻ?")
    assert parts == [
        "Chỉ tiêu cấp thẻ cho xã A năm 2031 là bao nhiêu?",
        "đến nay được bao nhiêu thẻ?",
    ]


CAUSES = invented_passage(
    "Tình hình trên có nguyên nhân khách quan: địa bàn giáp ranh ba tỉnh, nhiều bến đò ngang "
    "không người quản lý; thời tiết mưa bão kéo dài. Nguyên nhân chủ quan là chủ yếu: một số "
    "xã chưa quyết liệt; lực lượng mỏng, nhiều tổ viên lớn tuổi.",
    "ct.txt",
    title="Chỉ thị về phòng, chống đuối nước năm 2031",
    kind="chỉ thị",
    province="Hà Giang",
    year=2031,
)


def test_both_sides_of_a_cause_answer_why() -> None:
    answer = ExtractiveAnswerer().build(
        "Vì sao đuối nước ở Hà Giang tăng? nguyên nhân theo chỉ thị", [CAUSES]
    )
    assert "bến đò ngang" in answer.answer and "lớn tuổi" in answer.answer, answer.answer


def test_each_place_asked_after_its_police_is_asked_on_its_own() -> None:
    parts = split_places("CA huyện Tân Phước và UBND xã Mỹ Long mỗi nơi đề xuất mấy tổ?")
    assert len(parts) == 2 and "Tân Phước" in parts[0] and "Mỹ Long" in parts[1], parts


def test_since_a_commune_was_formed_is_since_the_merger() -> None:
    """Communes and wards of the two-tier government were formed on 01/7/2025."""
    assert asked_period("Xã A bao nhiêu vụ kể từ khi thành lập xã?") == "since-7-1"
    assert asked_period("phuong B tu khi thanh lap phuong xay ra bao nhieu vu chay") == (
        "since-7-1"
    )


def test_a_holiday_named_by_the_section_above_the_passage_holds() -> None:
    """The holiday a count is asked of is named by the section heading the passage lies
    under, above the cut chunking made ("I. TÌNH HÌNH DỊP TẾT ..."), not by the plan's title
    (next year's Tết)."""
    meta = DocumentMetadata(
        year=2031,
        title="Kế hoạch cao điểm dịp Tết Nguyên đán Nhâm Tý 2032",
        province="Cà Mau",
        kind="kế hoạch",
    )
    library = document_in_parts(
        "kh.md",
        [
            "ỦY BAN NHÂN DÂN TỈNH CÀ MAU\nSố: 17/KH-UBND\n\nKẾ HOẠCH\n"
            "Cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh, trật tự, trật tự an toàn "
            "giao thông và phòng cháy, chữa cháy dịp Tết Nguyên đán Nhâm Tý 2032\n\n"
            "Căn cứ Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở năm 2023; Luật Trật "
            "tự, an toàn giao thông đường bộ năm 2024; Ủy ban nhân dân tỉnh ban hành Kế hoạch "
            "như sau:\n\n"
            "I. TÌNH HÌNH DỊP TẾT TÂN HỢI 2031\n\n"
            "Trong đợt cao điểm Tết Tân Hợi 2031, toàn tỉnh xảy ra 150 vụ phạm pháp hình sự."
            "\n\nLực lượng chức năng phát hiện 12 vụ đánh bạc, 40 đối tượng.",
            "Về trật tự an toàn giao thông, xảy ra 31 vụ tai nạn giao thông, làm chết 20 người. "
            "Riêng 06 ngày nghỉ Tết (từ ngày 27/01 đến ngày 01/02/2031) xảy ra 04 vụ tai nạn "
            "giao thông, làm chết 03 người.",
        ],
        meta,
        gap="\n\n",
    )
    answer = ExtractiveAnswerer(library=library).build(
        "6 ngày nghỉ Tết Tân Hợi 2031 ở Cà Mau xảy ra bao nhiêu vụ TNGT?", library.passages[1:]
    )
    assert "04 vụ" in answer.answer, answer.answer


NOTICE = invented_passage(
    "5. Đề nghị các cơ quan, đơn vị phối hợp\n"
    "- Đề nghị Kho bạc Nhà nước tỉnh hướng dẫn các xã thanh toán kinh phí hỗ trợ tổ viên "
    "đúng hạn, không để nợ đọng quá 02 tháng; phối hợp Sở Tài chính rà soát dự toán.\n"
    "- Đề nghị Bưu điện tỉnh chuyển phát hồ sơ đăng ký tạm trú của người dân vùng sâu về "
    "Công an xã trong 02 ngày làm việc, không thu phí của hộ nghèo.\n"
    "- Đề nghị Hội Nông dân tỉnh lồng ghép tuyên truyền phòng, chống lừa đảo trong các buổi "
    "sinh hoạt chi hội, nhất là ở các xã vùng cao biên giới.",
    "tb.txt",
    title="Thông báo kết luận về bảo đảm an ninh, trật tự ở cơ sở năm 2031",
    kind="thông báo",
    province="Lào Cai",
    year=2031,
)


def test_bodies_only_proposed_are_each_item_whole_not_their_heading() -> None:
    """ "5. Đề nghị các cơ quan ... phối hợp" heads the items and names no body; each item
    is quoted whole, the three fitting beside one another."""
    answer = ExtractiveAnswerer().build(
        "Những cơ quan nào chỉ được đề nghị phối hợp trong thông báo của Lào Cai năm 2031?",
        [NOTICE],
    )
    for body in ("Kho bạc Nhà nước", "Bưu điện tỉnh", "Hội Nông dân"):
        assert body in answer.answer, answer.answer
    assert "các cơ quan, đơn vị phối hợp" not in answer.answer, answer.answer


WAYS = invented_passage(
    "II. KẾT QUẢ\n\nToàn tỉnh cấp 41.200 thẻ căn cước, đạt 96% kế hoạch.\n\n"
    "III. CÁCH LÀM, GIẢI PHÁP ĐÃ ÁP DỤNG\n\n"
    "- Lập 30 tổ lưu động đến bản, trường học để thu nhận hồ sơ.\n"
    "- Bố trí điểm thu nhận tại các chợ phiên vùng cao vào ngày họp chợ cho người dân tộc "
    "thiểu số.\n"
    "- Cho mượn máy tính bảng tại nhà văn hóa thôn cho người cao tuổi chưa có điện thoại.",
    "bc.md",
    title="Báo cáo kết quả cấp căn cước năm 2031",
    kind="báo cáo",
    province="Hà Giang",
    year=2031,
)


def test_how_something_was_done_for_someone_is_what_the_report_files_as_its_ways() -> None:
    """ "làm thế nào để cấp thẻ cho ..." asks what was done: the items under "Cách làm,
    giải pháp", not the clause repeating most of the question's words."""
    answer = ExtractiveAnswerer().build(
        "Hà Giang làm thế nào để cấp căn cước cho người dân tộc thiểu số, người cao tuổi?",
        [WAYS],
    )
    assert "chợ phiên" in answer.answer and "máy tính bảng" in answer.answer, answer.answer


def test_two_people_compared_each_at_a_place_of_their_own_are_asked_apart() -> None:
    parts = split_places(
        "So sánh mức phụ cấp: tổ trưởng tổ tự quản ở Hà Giang và đội phó ở Lào Cai"
    )
    assert parts == [
        "mức phụ cấp tổ trưởng tổ tự quản ở Hà Giang là bao nhiêu",
        "mức phụ cấp đội phó ở Lào Cai là bao nhiêu",
    ], parts
    folded = split_places("so sanh muc phu cap: to truong o Ha Giang va doi pho o Lao Cai")
    assert folded[1] == "muc phu cap doi pho o Lao Cai la bao nhieu", folded


def test_offenders_asked_with_what_was_done_to_them_are_counted_in_their_column() -> None:
    """ "người vi phạm ... bị lập biên bản": a table of offenders counts those recorded."""
    report = invented_passage(
        "Bảng: Kết quả năm 2031 theo đơn vị\n\n"
        "| Đơn vị | Số chợ | Người vi phạm an toàn thực phẩm (trường hợp) |\n"
        "|---|---|---|\n"
        "| Huyện Chợ Mới | 12 | 48 |\n"
        "| Huyện Phú Tân | 9 | 30 |",
        "bc.md",
        title="Báo cáo kết quả kiểm tra an toàn thực phẩm năm 2031",
        kind="báo cáo",
        province="An Giang",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "Huyện Phú Tân có bao nhiêu người vi phạm an toàn thực phẩm bị lập biên bản năm 2031?",
        [report],
    )
    assert "30" in answer.answer and not answer.refused, answer.answer


def test_a_figure_reached_by_a_day_past_is_a_result_under_the_targets() -> None:
    """A target named bare is asked in two ("mục tiêu X là bao nhiêu?", then "X đến
    20/4/2031 đạt bao nhiêu", its places kept in the form typed): "Đến ngày 20/4/2031 mới có
    40/52 trường ..." is told under "II. MỤC TIÊU", yet it is what was reached."""
    directive = invented_passage(
        "II. MỤC TIÊU\n\nPhấn đấu đến hết năm 2032: 100% trường THCS, THPT tổ chức cho học "
        "sinh ký cam kết không đốt pháo. Đến ngày 20/4/2031 mới có 40/52 trường THCS, THPT "
        "trên địa bàn tỉnh tổ chức ký cam kết (đạt 76,92%).",
        "ct.txt",
        title="Chỉ thị về phòng, chống pháo nổ trong học sinh",
        kind="chỉ thị",
        province="Bắc Ninh",
        year=2031,
    )
    answer = ExtractiveAnswerer().build(
        "muc tieu cam ket khong dot phao o cac truong Bac Ninh, den 20/4/2031 dat bao nhieu",
        [directive],
    )
    assert "100%" in answer.answer and "40/52" in answer.answer, answer.answer
