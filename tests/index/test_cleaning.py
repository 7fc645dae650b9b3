"""Cleaning keeps every paragraph of an article and none of the web page around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text, head_lines

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "documents"
ALQAC = ROOT.parent / "shared" / "bench" / "alqac2022" / "documents"

# The start of every paragraph of each seed's article, in order (title first, byline last),
# written by hand from reading the saved pages.
ARTICLES = {
    "000_cec6d9babd0036f1.txt": [
        "VPUB - Không ngừng xây dựng, củng cố các",
        "Dienbien.gov.vn - Trong những năm qua, v",
        "Lực lượng cứu hỏa và dân phòng nỗ lực dậ",  # image caption
        "Theo đồng chí Mùa A Sơn - Phó Bí thư Tỉn",
        "Kết quả, trong công tác xây dựng lực lượ",
        "Đối với công tác củng cố, xây dựng lực l",
        "Đối với lực lượng bảo vệ dân phố; bảo vệ",
        "Kết quả trong việc thực hiện chức năng, ",
        "Tiếp tục xây dựng, củng cố 1.908 đội dân",
        "Bên cạnh đó, hằng năm, UBND tỉnh đã chỉ ",
        "Tuy nhiên việc thi hành các văn bản về l",
        "Trong thời gian tới, để các lực lượng tr",
        "Lan Phương",
    ],
    "001_9c2018fcc353a387.txt": [
        "Xây dựng thế trận an ninh nhân dân vững ",
        "ĐBP - Với vai trò là lực lượng nòng cốt ",
        "Công an huyện Điện Biên Đông kiểm tra kh",  # image caption
        "Trao đổi với chúng tôi về công tác xây d",
        "Phát huy vai trò của quần chúng nhân dân",
        "Để xây dựng các tổ chức quần chúng và lự",
        "Phạm Dương",
    ],
    "002_bae18dc72671c5b8.txt": [
        "KẾT QUẢ CÔNG TÁC XÂY DỰNG PHONG TRÀO TOÀ",
        "Năm 2021, tình hình thế giới, khu vực ti",
        "Ban chỉ đạo 138 huyện đã đề ra nhiều giả",
        "Bên cạnh đó, Ban chỉ đạo 138 huyện luôn ",
        "Quan tâm chỉ đạo công tác xây dựng, củng",
        "Lực lượng nòng cốt làm công tác ANTT luô",
        "Duy trì thực hiện nghiêm túc, có hiệu qu",
        "Tuy vậy, bên cạnh những kết quả đã đạt đ",
        "Để thực hiện có hiệu quả công tác xây dự",
        "Tiếp tục xây dựng, nhân rộng mô hình tự ",
        "Quan tâm xây dựng lực lượng nòng cốt làm",
        "Tiếp tục tham mưu thực hiện nghiêm túc Q",
        "Hà Thuỷ",
    ],
    "003_3be63105880f2b6a.txt": [
        "Nhiều chuyển biến tích cực qua thực hiện",
        "STO - Với mục đích nâng cao chất lượng, ",
        "Lễ trao quyết định điều động công an chí",  # image caption
        "Những ngày cuối tháng 9-2020, Công an tỉ",
        "Có thể thấy, việc điều động công an chín",
        "Theo đại tá Phạm Quốc Việt – Phó Giám đố",
        "Đặc biệt trong công tác phòng, chống dịc",
        "Bên cạnh những thuận lợi trong xây dựng ",
        "Cũng theo đại tá Phạm Quốc Việt, từ đây ",
        "Nguồn: baosoctrang.org.vn",
    ],
    "004_ce0963b2a695d143.txt": [
        "Xây dựng lực lượng công an xã, thị trấn ",
        "Theo chỉ thị của BTV Tỉnh ủy Hà Tĩnh, cô",
        "Thay mặt BTV Tỉnh ủy, Phó Bí thư Thường ",
        "Thượng tá Nguyễn Hồng Phong - Giám đốc C",  # image caption
        "Thời gian qua, bám sát chủ trương của Bộ",
        "Tuy vậy, vẫn còn một số cấp ủy, chính qu",
        "Cán bộ Công an xã Lưu Vĩnh Sơn (Thạch Hà",  # image caption
        "Để tiếp tục đẩy mạnh xây dựng lực lượng ",
        "1. Tiếp tục quán triệt, triển khai thực ",
        "2. Tăng cường sự lãnh đạo của cấp ủy, tổ",
        "3. Củng cố, nâng cao chất lượng tổ chức,",
        "Đổi mới, nâng cao chất lượng, hiệu quả c",
        "2 cán bộ Công an xã Xuân Lộc (Can Lộc) k",  # image caption
        "4. Ban cán sự đảng UBND tỉnh chỉ đạo cơ ",
        "Đảng đoàn HĐND tỉnh chỉ đạo HĐND tỉnh bố",
        "5. Đảng ủy Công an tỉnh chủ trì, phối hợ",
        "Rà soát nghiên cứu, đề xuất cấp có thẩm ",
        "Tăng cường ứng dụng công nghệ thông tin,",
        "Chỉ đạo xây dựng ban hành, bổ sung hoàn ",
        "6. Ban Tuyên giáo Tỉnh ủy chỉ đạo, hướng",
        "7. Cấp ủy, chính quyền các cấp, các sở, ",
        "Giao Đảng ủy Công an tỉnh chủ trì, phối ",
        "P.V",
    ],
}

# Page clutter named in each seed; none of it may reach the cleaned text.
CLUTTER = {
    "000_cec6d9babd0036f1.txt": [
        "Đăng ngày", "100%", "Tin mới nhất", "Hội nghị phổ biến ý định diễn tập", "11:37 CH",
        "138/CP", "Mường Chà", "<<", "Chỉ đạo điều hành", "Công khai gửi nhận văn bản",
        "Tình hình giải quyết hồ sơ", "°",
    ],
    "001_9c2018fcc353a387.txt": [
        "09:27", "Lượt xem", "9618", "In bài viết", "Bình luận", "Back To Top",
    ],
    "002_bae18dc72671c5b8.txt": [
        "ĐẤU THẦU - MUA SẮM CÔNG", "Bình chọn", "Theo bạn", "Phong phú đa dạng", "Dễ sử dụng",
        "Hữu ích", "người đã tham gia bình chọn", "Thống kê truy cập", "lượt người truy cập",
        "Online 2", "Hôm nay 2008", "6.264.528", "Xem với cỡ chữ", "A+", "Các tin khác", "•",
    ],
    "003_3be63105880f2b6a.txt": [
        "TIN TỨC", "BÌNH LUẬN", "->", "חזרה", "Các tin liên quan", "Ngày đăng", "99,92",
        "03/11/2020", "Sở Tư pháp Sóc Trăng", "Vĩnh Châu kiểm tra", "Trang 1/8", "Website liên kết",
    ],
    "004_ce0963b2a695d143.txt": [
        "date 2023-03", "Tin liên quan", "Mỗi cán bộ, chiến sĩ Công an Hà Tĩnh phải",
    ],
}  # fmt: skip


def _clean(name: str) -> str:
    return clean_text((DOCUMENTS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_article_paragraph_and_nothing_else_is_kept(name: str) -> None:
    paragraphs = _clean(name).split("\n\n")
    starts = [p[: len(start)] for p, start in zip(paragraphs, ARTICLES[name], strict=False)]
    assert starts == ARTICLES[name]
    assert len(paragraphs) == len(ARTICLES[name])


@pytest.mark.parametrize("name", sorted(CLUTTER))
def test_named_clutter_is_gone(name: str) -> None:
    cleaned = _clean(name)
    assert [c for c in CLUTTER[name] if c in cleaned] == []


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_paragraphs_are_separated_by_one_blank_line(name: str) -> None:
    cleaned = _clean(name)
    assert "\n\n\n" not in cleaned
    assert all(line == line.strip() for line in cleaned.split("\n"))
    assert all(line for line in cleaned.split("\n\n"))
    assert "\xa0" not in cleaned
    assert clean_text(cleaned) == cleaned  # chunk offsets stay valid if cleaned twice


def test_article_text_is_kept_verbatim() -> None:
    cleaned = _clean("000_cec6d9babd0036f1.txt")
    for figure in (
        "1.908 Đội Dân phòng với tổng số 21.023 đội viên",
        "kiểm tra 5568 lượt",
        "1.814 tổ hoà giải",
    ):
        assert figure in cleaned
    assert "phát huy tính hiệu quả" in cleaned
    assert "tổ chức trực ban 24/24 giờ" in _clean("003_3be63105880f2b6a.txt")
    # "100%" inside a sentence is article text, unlike the page's stray "100%" line.
    assert "với 100% các xã đăng ký thi đua" in _clean("001_9c2018fcc353a387.txt")


def test_missing_space_after_full_stop_is_restored_and_nothing_else_is_rewritten() -> None:
    cleaned = _clean("002_bae18dc72671c5b8.txt")
    assert "trong tình hình mới. Trước tình hình tội phạm" in cleaned
    assert "nòng cốttrong" in cleaned  # a glued word that cannot be split safely stays as written
    assert "TP. Điện Biên Phủ" in _clean("000_cec6d9babd0036f1.txt")
    assert (
        clean_text("Xem tại Dienbien.gov.vn và TP.Hồ Chí Minh.")
        == "Xem tại Dienbien.gov.vn và TP.Hồ Chí Minh."
    )


def test_title_stays_at_the_top() -> None:
    assert _clean("004_ce0963b2a695d143.txt").startswith(
        "Xây dựng lực lượng công an xã, thị trấn ở Hà Tĩnh vững mạnh toàn diện\n\n"
    )
    assert _clean("002_bae18dc72671c5b8.txt").startswith("KẾT QUẢ CÔNG TÁC")


def test_head_lines_hold_title_and_dateline_but_not_site_clutter() -> None:
    raw = (DOCUMENTS / "001_9c2018fcc353a387.txt").read_text(encoding="utf-8")
    assert head_lines(raw) == [
        "Xây dựng thế trận an ninh nhân dân vững chắc trên địa bàn Điện Biên Đông",
        "09:27 - Thứ Hai, 19/06/2017 Lượt xem: 9618 In bài viết",
    ]
    raw = (DOCUMENTS / "002_bae18dc72671c5b8.txt").read_text(encoding="utf-8")
    assert not any("2008" in line or "Bình chọn" in line for line in head_lines(raw))


def test_a_labelled_dateline_under_the_title_keeps_the_title() -> None:
    raw = (
        "Công an huyện tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025\n"
        "Ngày đăng: 28/12/2024\n"
        "Nguồn: Báo điện tử tỉnh\n\n"
        "Sáng 27/12/2024, Công an huyện tổ chức hội nghị tổng kết công tác năm 2024, với sự "
        "tham dự của lãnh đạo các đơn vị nghiệp vụ và các xã trên địa bàn."
    )
    assert clean_text(raw).startswith("Công an huyện tổng kết công tác năm 2024")
    assert "Ngày đăng: 28/12/2024" in head_lines(raw)


OFFICIAL_HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ\n-------\nSố: 07/CT-UBND\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "An Phú, ngày 12 tháng 3 năm 2025\n\nCHỈ THỊ\nVề tăng cường phòng cháy, chữa cháy\n\n"
    "Thời gian qua, trên địa bàn tỉnh xảy ra nhiều vụ cháy nhà ở kết hợp kinh doanh, gây thiệt "
    "hại lớn về người và tài sản.\n"
)


def test_an_official_header_under_rule_lines_is_kept() -> None:
    """The rules under the issuing body and the motto are a document's layout, not the end of
    a web page's header: the number and the issuing body above them stay."""
    cleaned = clean_text(OFFICIAL_HEADER)
    assert "Số: 07/CT-UBND" in cleaned and "TỈNH AN PHÚ" in cleaned
    assert "---" not in cleaned
    assert cleaned.endswith("gây thiệt hại lớn về người và tài sản.")


def test_a_party_documents_star_under_its_issuer_keeps_the_issuer() -> None:
    header = (
        "TỈNH ỦY AN PHÚ                              ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "      *\n"
        "Số 12-CT/TU                                 An Phú, ngày 02 tháng 4 năm 2031\n\n"
        "Thời gian qua, các cấp ủy, chính quyền đã tập trung lãnh đạo công tác bảo đảm an "
        "ninh, trật tự ở cơ sở và đạt nhiều kết quả quan trọng."
    )
    cleaned = clean_text(header).split("\n\n")
    assert cleaned[:2] == ["TỈNH ỦY AN PHÚ", "Số 12-CT/TU"]
    assert "*" not in cleaned


ARTICLE_BODY = (
    "Sáng 12/5, Công an tỉnh tổ chức hội nghị sơ kết công tác xây dựng lực lượng công an xã "
    "chính quy trên địa bàn, với sự tham dự của lãnh đạo các đơn vị nghiệp vụ."
)
LATER_BODY = (
    "Hội nghị cũng đề ra nhiệm vụ trọng tâm cho 6 tháng cuối năm, trong đó chú trọng "
    "công tác nắm tình hình và giải quyết vụ việc ngay từ cơ sở."
)


def test_other_sites_clutter_is_recognised_by_its_shape() -> None:
    page = "\n".join(
        [
            "Thứ Năm, 23/11/2023",  # today's date in the site header
            "Trang chủ » Tin tức » An ninh trật tự",
            "Hội nghị sơ kết công an xã chính quy",
            "Cập nhật lúc 10:05 ngày 12/05/2023",
            "Chia sẻ",
            ARTICLE_BODY,
            "Bài viết liên quan:",
            "Khai mạc hội thao công an xã",  # related titles without dates
            "Trao quyết định bổ nhiệm trưởng công an xã",
            LATER_BODY,
            "Ngọc Lan",
            "Đọc nhiều nhất",
            "Giá vàng hôm nay tăng mạnh (12/05/2023 09:00)",
            "Giới thiệu chung",
            "Liên hệ quảng cáo",
            "Sơ đồ cổng thông tin",
        ]
    )
    assert clean_text(page).split("\n\n") == [
        "Hội nghị sơ kết công an xã chính quy",
        ARTICLE_BODY,
        LATER_BODY,
        "Ngọc Lan",
    ]


def test_a_heading_ending_in_the_date_of_its_period_is_no_dated_headline() -> None:
    appendix = "PHỤ LỤC: Kết quả thu hồi vũ khí từ năm 2020 đến 31/12/2024"
    page = "\n".join([ARTICLE_BODY, appendix, "Huyện A | 12 | 40", "Tin cũ hơn 02/01/2025"])
    assert clean_text(page).split("\n\n")[:3] == [ARTICLE_BODY, appendix, "Huyện A | 12 | 40"]
    assert "Tin cũ hơn" not in clean_text(page)  # a headline closed by its date still goes


def test_footer_menu_without_heading_is_dropped_but_a_signature_is_not() -> None:
    directive = "\n\n".join(
        [
            "CHỈ THỊ",
            "Về tiếp tục đẩy mạnh xây dựng công an xã",
            ARTICLE_BODY,
            "Nơi nhận:",
            "- Ban Thường vụ Tỉnh ủy;",
            "TM. BAN THƯỜNG VỤ",
            "PHÓ BÍ THƯ THƯỜNG TRỰC",
            "Trần Thế Dũng",
        ]
    )
    assert clean_text(directive) == directive
    page = "\n\n".join([directive, "Giới thiệu chung", "Liên hệ quảng cáo", "Sơ đồ cổng thông tin"])
    assert clean_text(page) == directive


def test_hard_wrapped_lines_are_joined_into_their_paragraph() -> None:
    wrapped = (
        "Công an huyện tổ chức 17 diễn đàn\nlắng nghe ý kiến nhân dân;\na) Tiếp nhận 265 ý kiến."
    )
    assert clean_text(wrapped).split("\n\n") == [
        "Công an huyện tổ chức 17 diễn đàn lắng nghe ý kiến nhân dân;",
        "a) Tiếp nhận 265 ý kiến.",
    ]


def test_a_wrapped_line_opening_with_a_quote_or_a_figure_is_still_joined() -> None:
    wrapped = (
        "Nguyên nhân: một số chủ bến còn tâm lý chủ quan, trông chờ vào sự bảo vệ của\n"
        '"bảo kê" và giá thu mua chênh lệch khá lớn (từ khoảng 2,5 -\n'
        "3 triệu đồng/tấn) so với hàng hợp pháp.\n"
        "Bình luận (0)\n"
        "(đã ký)"
    )
    assert clean_text(wrapped).split("\n\n") == [
        'Nguyên nhân: một số chủ bến còn tâm lý chủ quan, trông chờ vào sự bảo vệ của "bảo kê"'
        " và giá thu mua chênh lệch khá lớn (từ khoảng 2,5 - 3 triệu đồng/tấn) so với hàng"
        " hợp pháp.",
        "Bình luận (0)",
        "(đã ký)",  # a short line is no wrapped prose
    ]


def test_a_name_the_wrap_cut_in_two_is_joined_again() -> None:
    """ "tỉnh Lai" / "Châu cũ": the next line opens with a capital, yet goes on the name; a
    heading in capitals or a short line under prose does not."""
    wrapped = (
        "Từ ngày 01/7/2025, xã Phong Thổ được thành lập, thuộc khu vực tỉnh Lai\n"
        "Châu cũ, trên cơ sở sắp xếp thị trấn Phong Thổ và các xã Mường So, Khổng Lào.\n"
        "II. KẾT QUẢ CÔNG TÁC"
    )
    assert clean_text(wrapped).split("\n\n") == [
        "Từ ngày 01/7/2025, xã Phong Thổ được thành lập, thuộc khu vực tỉnh Lai Châu cũ, trên"
        " cơ sở sắp xếp thị trấn Phong Thổ và các xã Mường So, Khổng Lào.",
        "II. KẾT QUẢ CÔNG TÁC",
    ]
    signed = "Công an xã báo cáo để Thường trực Đảng ủy, UBND xã biết, chỉ đạo Nam\nNơi nhận:"
    assert clean_text(signed).split("\n\n")[-1] == "Nơi nhận:"


# An invented report wrapped at about 90 characters, as a plain-text copy is.
WRAPPED_REPORT = """2. Tội phạm về trật tự xã hội
6 tháng xảy ra 28 vụ phạm tội về trật tự xã hội, giảm 3 vụ (-9,68%) so với cùng kỳ năm
2024 (31 vụ); đã điều tra làm rõ 25 vụ/33 đối tượng, đạt tỷ lệ 89,29%. Riêng quý II xảy ra
11 vụ, tăng 1 vụ so với cùng kỳ, do mùa lễ hội lượng khách đến Khu di tích Đền Hùng và
Đồi Thông tăng cao; các vụ việc tập trung ở các xã ven Quốc lộ 2 và thị trấn Hùng Sơn
Ghi chú: số liệu tính đến ngày 14/6/2025.
3. Tệ nạn cờ bạc
Phát hiện, bắt giữ 4 vụ/19 đối tượng đánh bạc (cùng kỳ 3 vụ/14 đối tượng), thu giữ 12,5
triệu đồng; khởi tố 1 vụ/5 bị can, xử phạt vi phạm hành chính 14 đối tượng trong 6 tháng;
không có điểm nóng về cờ bạc kéo dài, tụ tập đông người trên địa bàn các xã, thị trấn ven
- Tuần tra lưu động 36 lượt tại các điểm có nguy cơ tụ tập cờ bạc trong các dịp lễ, Tết.
4. Trật tự an toàn giao thông
6 tháng xảy ra 9 vụ tai nạn giao thông, làm chết 6 người, bị thương 7 người; so với cùng
kỳ giảm 2 vụ, giảm 1 người chết. Lực lượng Cảnh sát giao thông kiểm tra, xử lý 1.204 trường
hợp vi phạm, phạt tiền 1,86 tỷ đồng, tạm giữ 96 phương tiện các loại trong 6 tháng đầu năm."""


def test_a_line_filling_the_texts_wrap_width_goes_on_whatever_opens_the_next() -> None:
    """In a text wrapped at a width, a line reaching it without ending its sentence goes on
    in the next line, also one opening with a bracket, a capital or after a ";"; an item, a
    heading and a label open lines of their own."""
    paragraphs = clean_text(WRAPPED_REPORT).split("\n\n")
    assert paragraphs[0] == "2. Tội phạm về trật tự xã hội"
    assert paragraphs[1].startswith("6 tháng xảy ra 28 vụ")
    assert "so với cùng kỳ năm 2024 (31 vụ)" in paragraphs[1]
    assert "Khu di tích Đền Hùng và Đồi Thông tăng cao" in paragraphs[1]
    assert paragraphs[2] == "Ghi chú: số liệu tính đến ngày 14/6/2025."
    assert paragraphs[3] == "3. Tệ nạn cờ bạc"
    assert "14 đối tượng trong 6 tháng; không có điểm nóng" in paragraphs[4]
    assert paragraphs[5].startswith("- Tuần tra lưu động")
    # A text of paragraphs, one per line: no width to fill, each line its own paragraph.
    one_per_line = WRAPPED_REPORT.replace("\n", " ").replace(". ", ".\n")
    assert clean_text(one_per_line).split("\n\n") == [
        line.strip() for line in one_per_line.split("\n")
    ]


def test_text_is_nfc_and_whitespace_is_normalised() -> None:
    decomposed = "Đie\u0302\u0323n Bie\u0302n\u00a0\u00a0 Đông  \r\n\r\n\r\n\tCông an xã.  "
    assert clean_text(decomposed) == "Điện Biên Đông\n\nCông an xã."


@pytest.mark.skipif(not ALQAC.is_dir(), reason="ALQAC benchmark not beside the project")
def test_law_articles_pass_through_unchanged_apart_from_whitespace() -> None:
    changed = []
    for path in sorted(ALQAC.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        if clean_text(raw).split("\n\n") != lines:
            changed.append(path.name)
    assert changed == []
    signed = (ALQAC / "01-vbhn-vpqh__dieu-426.txt").read_text(encoding="utf-8")
    assert clean_text(signed).endswith("CHỦ TỊCH QUỐC HỘI\n\nNguyễn Sinh Hùng")


def test_two_columns_side_by_side_are_read_one_after_the_other() -> None:
    # A directive saved as plain text: the header's two columns, and "Nơi nhận:" beside the
    # signature block, whose title and name must stay on lines of their own.
    text = (
        "ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÀ NAM                            Độc lập - Tự do - Hạnh phúc\n"
        "Số: 05/CT-UBND                    Hà Nam, ngày 02 tháng 3 năm 2023\n\n"
        "CHỈ THỊ\nVề bảo đảm trật tự an toàn giao thông\n\n"
        "Các sở, ngành triển khai thực hiện nghiêm túc Chỉ thị này.\n\n"
        "Nơi nhận:                                       TM. ỦY BAN NHÂN DÂN\n"
        "- Bộ Công an (b/c);                             CHỦ TỊCH\n"
        "- Các sở, ngành;\n"
        "- Lưu: VT.                                      Trần Văn Hải\n"
    )
    lines = clean_text(text).split("\n\n")
    assert "Số: 05/CT-UBND" in lines and "Hà Nam, ngày 02 tháng 3 năm 2023" in lines
    assert lines[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Hải"]
    assert "- Lưu: VT." in lines and "- Các sở, ngành;" in lines
    # Cells of a table padded with spaces are no columns of text.
    table = "| Địa bàn      | Số vụ    |\n|---|---|\n| Huyện A      | 12       |\n"
    assert clean_text(table).split("\n\n")[-1] == "| Huyện A | 12 |"


def test_a_signers_title_over_the_recipients_is_read_with_the_name_beside_them() -> None:
    # The title, centred, stands above "Nơi nhận:"; the name beside the recipients below.
    text = (
        "Chỉ thị này được phổ biến đến chi bộ.\n\n"
        "                                          T/M BAN THƯỜNG VỤ\n"
        "                                          BÍ THƯ\n"
        "Nơi nhận:\n"
        "- Ban Bí thư Trung ương Đảng,                               (đã ký)\n"
        "- Các ban đảng Tỉnh ủy,\n"
        "- Các huyện ủy, thành ủy,                             Vương Đình Thạc\n"
        "- Lưu Văn phòng Tỉnh ủy.\n"
    )
    lines = clean_text(text).split("\n\n")
    assert lines[-4:] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "(đã ký)", "Vương Đình Thạc"]
    assert lines[0] == "Chỉ thị này được phổ biến đến chi bộ." and lines[1] == "Nơi nhận:"


def test_a_box_of_links_ends_where_an_official_documents_header_begins() -> None:
    # A provincial portal's page: a "Liên kết" box, then the document's info table and its
    # own header. The table's dated rows are no related headlines, and none of it is the box.
    page = (
        "Danh mục văn bản\n\nLiên kết\n\nHệ thống văn bản\n\nCông báo tỉnh\n\n"
        "Số ký hiệu | 15/2023/NQ-HĐND\n\nNgày ban hành | 12/07/2023\n\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE\n\nSố: 15/2023/NQ-HĐND\n\nNGHỊ QUYẾT\n\n"
        "Quy định mức hỗ trợ đối với lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
        "Nghị quyết này quy định mức hỗ trợ thường xuyên hằng tháng đối với Tổ trưởng, Tổ phó "
        "và Tổ viên Tổ bảo vệ an ninh, trật tự trên địa bàn tỉnh."
    )
    lines = clean_text(page).split("\n\n")
    assert "Số: 15/2023/NQ-HĐND" in lines and "NGHỊ QUYẾT" in lines
    assert "Ngày ban hành | 12/07/2023" in lines
    assert "Công báo tỉnh" not in lines
