"""Metadata: title, date, place, kind and cited document numbers of each document."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.document_kinds import names_motto
from index.gazetteer import Locality
from index.loaders import UnsupportedDocumentError, load_bytes, load_file
from index.markup import markdown_to_text
from index.metadata import (
    directive_key,
    extract_metadata,
    find_directive_numbers,
    find_localities,
    find_provinces,
    prepare_document,
)
from index.records import DocumentMetadata, LoadedFile

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "documents"
ALQAC = ROOT.parent / "shared" / "bench" / "alqac2022" / "documents"

SEEDS = {
    "000_cec6d9babd0036f1.txt": DocumentMetadata(
        # The portal's "VPUB - " tag is not part of the title.
        title="Không ngừng xây dựng, củng cố các lực lượng trị an cơ sở",
        issued_on="2019-04-23",  # "Đăng ngày 23 - 04 - 2019", not a related item's 16/08/2019
        year=2019,
        province="Điện Biên",
        district=None,  # province-wide; "TP. Điện Biên Phủ" is only in a caption
        kind="tin bài",
        directive_numbers=(),  # "Ban Chỉ đạo 138/CP" is in the related-news list, and a committee
    ),
    "001_9c2018fcc353a387.txt": DocumentMetadata(
        title="Xây dựng thế trận an ninh nhân dân vững chắc trên địa bàn Điện Biên Đông",
        issued_on="2017-06-19",  # "09:27 - Thứ Hai, 19/06/2017"
        year=2017,
        province="Điện Biên",
        district="Điện Biên Đông",
        kind="tin bài",
        directive_numbers=("25-NQ/TW", "236/KH-CAH"),
    ),
    "002_bae18dc72671c5b8.txt": DocumentMetadata(
        title=(
            "KẾT QUẢ CÔNG TÁC XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ ANTQ "
            "TRÊN ĐỊA BÀN HUYỆN TUYÊN HÓA NĂM 2021"
        ),
        issued_on="2021",  # only the title's "NĂM 2021"; "Hôm nay 2008" is a visitor counter
        year=2021,
        province="Quảng Bình",  # not written: Tuyên Hóa is a district of Quảng Bình
        district="Tuyên Hóa",
        kind="báo cáo",
        directive_numbers=("01/BCĐ", "11/2021/NQ-HĐND", "23/2012/TT-BCA", "521/TTg"),
    ),
    "003_3be63105880f2b6a.txt": DocumentMetadata(
        title="Nhiều chuyển biến tích cực qua thực hiện đề án công an xã chính quy",
        issued_on=None,  # the page shows no date of its own; 03/11/2020 dates related news
        year=None,
        province="Sóc Trăng",
        district=None,
        kind="tin bài",
        directive_numbers=(),
    ),
    "004_ce0963b2a695d143.txt": DocumentMetadata(
        title="Xây dựng lực lượng công an xã, thị trấn ở Hà Tĩnh vững mạnh toàn diện",
        issued_on="2023-03",
        year=2023,
        province="Hà Tĩnh",
        district=None,
        # A news page that carries the directive's own text ("thực hiện Chỉ thị này", points
        # 1-7): it is filed as the directive, so a question about Chỉ thị 31-CT/TU finds it.
        kind="chỉ thị",
        directive_numbers=("31-CT/TU", "22-NQ/TW", "12-NQ/TW", "12-NQ/ĐUCA", "19-CTr/TU"),
    ),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_metadata(name: str) -> None:
    text = (DOCUMENTS / name).read_text(encoding="utf-8")
    assert extract_metadata(text, name) == SEEDS[name]


def test_prepare_document_cleans_and_reads_metadata_once() -> None:
    loaded = load_file(DOCUMENTS / "001_9c2018fcc353a387.txt")
    document = prepare_document(loaded)
    assert document.source == "001_9c2018fcc353a387.txt"
    assert (document.sha256, document.file_type) == (loaded.sha256, "txt")
    assert document.text.startswith("Xây dựng thế trận an ninh nhân dân")
    assert "Back To Top" not in document.text
    assert document.metadata == SEEDS["001_9c2018fcc353a387.txt"]


def test_a_page_of_clutter_only_is_refused() -> None:
    loaded = LoadedFile("menu.txt", "txt", "Bình luận\nBack To Top\n100%", "0" * 64)
    with pytest.raises(UnsupportedDocumentError, match=r"menu\.txt"):
        prepare_document(loaded)


@pytest.mark.skipif(not ALQAC.is_dir(), reason="ALQAC benchmark not beside the project")
def test_law_article_metadata() -> None:
    name = "01-vbhn-vpqh__dieu-418.txt"
    metadata = extract_metadata((ALQAC / name).read_text(encoding="utf-8"), name)
    assert metadata.title.startswith(
        "Bộ luật Hình sự (văn bản hợp nhất) (01/VBHN-VPQH) – Điều 418. Tội chiếm đoạt"
    )
    assert (metadata.kind, metadata.issued_on, metadata.province) == ("luật", None, None)
    assert metadata.directive_numbers[0] == "01/VBHN-VPQH"
    name = "91-2015-qh13__dieu-641.txt"
    metadata = extract_metadata((ALQAC / name).read_text(encoding="utf-8"), name)
    assert metadata.title == "Bộ luật Dân sự 2015 (91/2015/QH13) – Điều 641. Gửi giữ di chúc"
    assert (metadata.kind, metadata.issued_on, metadata.year) == ("luật", "2015", 2015)


def test_official_document_title_kind_and_date() -> None:
    text = "\n\n".join(
        [
            "TỈNH ỦY HÀ TĨNH",
            "Số: 31-CT/TU",
            "Hà Tĩnh, ngày 06 tháng 3 năm 2023",
            "CHỈ THỊ",
            "Về tiếp tục đẩy mạnh xây dựng công an xã, thị trấn",
            "Thời gian qua, công tác xây dựng công an xã, thị trấn trên địa bàn tỉnh "
            "được triển khai đồng bộ, đạt được những kết quả quan trọng.",
        ]
    )
    metadata = extract_metadata(text, "ct31.docx")
    assert metadata.title == "Chỉ thị về tiếp tục đẩy mạnh xây dựng công an xã, thị trấn"
    assert (metadata.issued_on, metadata.kind, metadata.province) == (
        "2023-03-06",
        "chỉ thị",
        "Hà Tĩnh",
    )
    assert metadata.directive_numbers == ("31-CT/TU",)


def test_the_issuing_body_and_dateline_place_outweigh_a_district_in_the_title() -> None:
    """After the 2025 merger a province's documents name places of the one it absorbed: the
    header says whose document it is ("Quy Nhơn" was Bình Định's, the plan is Gia Lai's)."""
    text = "\n".join(
        [
            "CÔNG AN TỈNH GIA LAI",
            "-------",
            "Số: 88/KH-CAT-PC06",
            "*Gia Lai, ngày 03 tháng 11 năm 2025*",
            "",
            "KẾ HOẠCH",
            "Kiểm tra cư trú tại thành phố Quy Nhơn cũ dịp cuối năm 2025",
            "",
            "Sau khi hợp nhất tỉnh Bình Định vào tỉnh Gia Lai, Công an tỉnh xây dựng kế hoạch "
            "kiểm tra cư trú tại các phường thuộc thành phố Quy Nhơn cũ như sau.",
        ]
    )
    metadata = extract_metadata(markdown_to_text(text), "kh88.md")
    assert metadata.province == "Gia Lai"
    assert metadata.issued_on == "2025-11-03"
    assert metadata.directive_numbers[0] == "88/KH-CAT-PC06"


def test_a_district_bodys_document_is_of_its_district_though_the_title_names_none() -> None:
    """ "CÔNG AN HUYỆN A" above a title naming no place: the district's report. A province's
    document dated from a city ("Tuy Hòa, ngày ...") is not that city's."""
    district = "\n".join(
        [
            "CÔNG AN TỈNH HÀ GIANG              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CÔNG AN HUYỆN MÈO VẠC                  Độc lập - Tự do - Hạnh phúc",
            "Số: 41/BC-CAH                      Mèo Vạc, ngày 20 tháng 6 năm 2024",
            "",
            "BÁO CÁO",
            "Kết quả công tác bảo đảm an ninh, trật tự 6 tháng đầu năm 2024",
            "",
            "Trong 6 tháng, tình hình an ninh, trật tự trên địa bàn cơ bản ổn định; lực lượng "
            "công an đã bám sát cơ sở, nắm chắc tình hình.",
        ]
    )
    metadata = extract_metadata(district, "bc41.txt")
    assert (metadata.province, metadata.district) == ("Hà Giang", "Mèo Vạc")
    province = district.replace("CÔNG AN HUYỆN MÈO VẠC", "PHÒNG THAM MƯU").replace(
        "Mèo Vạc, ngày", "Hà Giang, ngày"
    )
    province = province.replace("CÔNG AN TỈNH HÀ GIANG", "CÔNG AN TỈNH PHÚ YÊN").replace(
        "Hà Giang, ngày", "Tuy Hòa, ngày"
    )
    metadata = extract_metadata(province, "bc42.txt")
    assert (metadata.province, metadata.district) == ("Phú Yên", None)


def test_a_saved_copys_source_label_is_no_title() -> None:
    """ "Nguồn: Văn phòng Tỉnh ủy" above a saved directive says where the copy came from; the
    "CHỈ THỊ" line carrying its subject is the title."""
    text = "\n\n".join(
        [
            "Nguồn: Văn phòng Tỉnh ủy Lai Châu (bản sao gửi các huyện ủy)",
            "ĐẢNG BỘ TỈNH LAI CHÂU",
            "Số 09-CT/TU",
            "Lai Châu, ngày 11 tháng 3 năm 2024",
            "CHỈ THỊ của Ban Thường vụ Tỉnh ủy về phòng, chống mua bán người",
            "Những năm qua, tình hình mua bán người trên địa bàn tỉnh còn diễn biến phức tạp.",
        ]
    )
    metadata = extract_metadata(text, "ct09.txt")
    assert metadata.title == "Chỉ thị của Ban Thường vụ Tỉnh ủy về phòng, chống mua bán người"


def test_a_kind_line_that_carries_its_subject_is_the_title() -> None:
    text = "\n\n".join(
        [
            "Số 12-CT/TU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Cao Bằng, ngày 02 tháng 4 năm 2024",
            "CHỈ THỊ của Ban Thường vụ Tỉnh ủy về công tác bảo đảm an ninh nông thôn",
            "Những năm qua, tình hình an ninh, trật tự ở nông thôn cơ bản ổn định, song còn "
            "tiềm ẩn nhiều yếu tố phức tạp.",
        ]
    )
    metadata = extract_metadata(text, "ct12.txt")
    assert metadata.title == (
        "Chỉ thị của Ban Thường vụ Tỉnh ủy về công tác bảo đảm an ninh nông thôn"
    )
    assert (metadata.kind, metadata.issued_on) == ("chỉ thị", "2024-04-02")


@pytest.mark.parametrize(
    ("kind_line", "title"),
    [
        ("THÔNG BÁO", "Thông báo kết luận của Phó Chủ tịch UBND tỉnh tại hội nghị giao ban"),
        ("BIÊN BẢN", "Biên bản kết luận của Phó Chủ tịch UBND tỉnh tại hội nghị giao ban"),
    ],
)
def test_an_administrative_kind_line_heads_the_title(kind_line: str, title: str) -> None:
    # A notice or a minute under a centred header: its kind line and the subject under it,
    # not the issuing body's first line.
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "  TỈNH LẠNG SƠN                       Độc lập - Tự do - Hạnh phúc",
            "Số: 75/TB-UBND                  Lạng Sơn, ngày 14 tháng 3 năm 2030",
            "",
            f"                          {kind_line}",
            "   Kết luận của Phó Chủ tịch UBND tỉnh tại hội nghị giao ban",
            "",
            "Ngày 12/3/2030, Phó Chủ tịch UBND tỉnh chủ trì hội nghị giao ban công tác bảo đảm "
            "an ninh, trật tự quý I năm 2030.",
        ]
    )
    assert extract_metadata(text, "tb75.txt").title == title


@pytest.mark.parametrize(
    ("lead", "issued_on"),
    [
        ("Cà Mau, ngày 05/8/2024 – Sáng 04/8, Công an tỉnh tổ chức hội nghị sơ kết.", "2024-08-05"),
        ("HUẾ, 12/3/2025 - Công an thành phố vừa triệt phá một đường dây cá độ.", "2025-03-12"),
    ],
)
def test_a_news_lead_opening_with_place_and_date_dates_the_article(
    lead: str, issued_on: str
) -> None:
    text = f"Kéo giảm tai nạn giao thông trên các tuyến quốc lộ\n\n{lead} " + "Nội dung. " * 12
    metadata = extract_metadata(text, "tin.html")
    assert (metadata.issued_on, metadata.kind) == (issued_on, "tin bài")


@pytest.mark.parametrize(
    ("byline", "issued_on"),
    [
        ("Thu Hà - Quốc Bảo | 21/3/2031 17:05 (GMT+7)", "2031-03-21"),
        ("08:15 ngày 03/02/2031 | Thu Hà", "2031-02-03"),
    ],
)
def test_a_byline_time_stamp_dates_the_article_and_the_sites_today_does_not(
    byline: str, issued_on: str
) -> None:
    page = (
        "<html><body><div class='top-bar'><span>Thứ Tư, ngày 20/11/2031</span></div>"
        "<h1>Kéo giảm tai nạn giao thông trên các tuyến quốc lộ</h1>"
        f"<div class='byline'>{byline}</div>"
        "<p>" + "Công an tỉnh tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ. " * 4 + "</p>"
        "</body></html>"
    )
    metadata = prepare_document(load_bytes(page.encode(), "tin.html")).metadata
    assert metadata.issued_on == issued_on


def test_dates_in_the_body_are_not_the_documents_date() -> None:
    text = "Một tiêu đề\n\n" + "Ngày 21/12/2021, Ban chỉ đạo ban hành Kế hoạch số 01/BCĐ. " * 3
    assert extract_metadata(text, "x.txt").issued_on is None
    assert extract_metadata("Untitled\n\n31/02/2019 10:00", "x.txt").issued_on is None


def test_title_falls_back_to_the_file_name() -> None:
    assert extract_metadata("", "bao-cao-2021.txt").title == "bao-cao-2021"


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Chỉ thị số 31-CT/TU ngày 6/3/2023, Nghị quyết 12-NQ/ĐUCA", ["31-CT/TU", "12-NQ/ĐUCA"]),
        (
            "Chương trình hành động số 19-CTr/TU; Thông tư 23/2012/TT-BCA.",
            ["19-CTr/TU", "23/2012/TT-BCA"],
        ),
        ("Kế hoạch số 236/KH-CAH, ngày 13/3/2017", ["236/KH-CAH"]),
        ("Quyết định 521/TTg của Thủ tướng; Kế hoạch số 01/BCĐ", ["521/TTg", "01/BCĐ"]),
        ("(01/VBHN-VPQH) và Luật số 37/2009/QH12", ["01/VBHN-VPQH", "37/2009/QH12"]),
        ("Ban Chỉ đạo 138/CP và Ban Chỉ đạo 389 quốc gia", []),  # committees, not documents
        ("Nghị định số 138/CP về trật tự", ["138/CP"]),
        ("trực ban 24/24 giờ, 80/80 xã, ngày 3/6/2013, HIV/AIDS, 195/195 chi bộ", []),
        ("Nghị quyết 12-NQ/TW; thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022", ["12-NQ/TW"]),
        # typed fast, in lower case: a number only after the kind of document it numbers
        ("chi thi 08/ct-ubnd cua tinh a giao gi", ["08/ct-ubnd"]),
        ("theo ke hoach so 214/kh-cat, nghi quyet 12-nq/tw", ["214/kh-cat", "12-nq/tw"]),
        # ... or its short form: "kh 152/kh-ubnd", "ct so 08/ct-tu"
        ("kh 152/kh-ubnd cua ubnd tinh a do ai ky", ["152/kh-ubnd"]),
        ("ct so 08/ct-tu giao gi", ["08/ct-tu"]),
        ("ty le 12/ct-xa va thon 5/ab-cd", []),  # no kind before: not a document number
        ("Kế hoạch 05/kh-CAT", []),  # mixed case is not how either is written
        ("Số: 16418/UBND-NC", ["16418/UBND-NC"]),  # a large province's letters: five digits
        ("mã 123456/UBND-NC", []),
    ],
)
def test_find_directive_numbers(text: str, numbers: list[str]) -> None:
    assert find_directive_numbers(text) == numbers


def test_directive_key_matches_how_people_type_numbers() -> None:
    assert {directive_key(n) for n in ("31-CT/TU", "31/CT-TU", "31 CT/TU", "31-ct/tu")} == {
        "31/CT/TU"
    }
    assert directive_key("12-NQ/DUCA") == directive_key("12-NQ/ĐUCA")
    assert directive_key("1/BCĐ") == directive_key("01/BCĐ")
    assert directive_key("12-NQ/TW") != directive_key("12-NQ/ĐUCA")
    assert directive_key("23/2012/TT-BCA") != directive_key("23/2013/TT-BCA")


@pytest.mark.parametrize(
    ("text", "provinces"),
    [
        ("dien bien co bao nhieu to hoa giai", ["Điện Biên"]),
        ("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?", ["Điện Biên"]),
        ("Huyện Điện Biên Đông duy trì bao nhiêu tổ?", []),  # a district, not the province
        ("thành phố Điện Biên Phủ", []),
        ("Công an xã Thanh Hóa, huyện Tuyên Hóa", []),  # a commune named like a province
        ("ha tinh va soc trang", ["Hà Tĩnh", "Sóc Trăng"]),
        ("KẾT QUẢ CÔNG TÁC Ở ĐÀ NẴNG", ["Đà Nẵng"]),
        ("TP.HCM, TPHCM và thành phố Hồ Chí Minh", ["Hồ Chí Minh"]),
        ("học tập tư tưởng Hồ Chí Minh vì hòa bình", []),  # a person and a common word
        ("Khánh Hoà và Hòa Bình", ["Khánh Hòa", "Hòa Bình"]),
    ],
)
def test_find_provinces(text: str, provinces: list[str]) -> None:
    assert find_provinces(text) == provinces


def test_find_localities_tells_districts_from_provinces() -> None:
    assert find_localities("Công an huyện Điện Biên Đông và TP. Điện Biên Phủ, tỉnh Điện Biên") == [
        Locality("Điện Biên Đông", "district", "Điện Biên"),
        Locality("Điện Biên Phủ", "district", "Điện Biên"),
        Locality("Điện Biên", "province", "Điện Biên"),
    ]
    assert find_localities("tuyen hoa") == [Locality("Tuyên Hóa", "district", "Quảng Bình")]
    # "huyện Quảng Ninh" is in Quảng Bình; "tỉnh Quảng Ninh" is the province.
    assert find_localities("huyện Quảng Ninh, tỉnh Quảng Ninh") == [
        Locality("Quảng Ninh", "district", "Quảng Bình"),
        Locality("Quảng Ninh", "province", "Quảng Ninh"),
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Kế hoạch tuyên truyền phòng, chống tội phạm năm 2024", "kế hoạch"),
        ("NGHỊ QUYẾT về phát triển lực lượng công an xã", "nghị quyết"),
        ("Sơ kết 6 tháng thực hiện Đề án 06", "báo cáo"),
        ("Luật sư tư vấn miễn phí cho người dân", None),  # "Luật sư" is not a law
        ("Kết quả xổ số miền Bắc", None),
    ],
)
def test_kind_from_the_title_opening(title: str, kind: str | None) -> None:
    assert extract_metadata(f"{title}\n\nMột đoạn ngắn.", "x.txt").kind == kind


def test_a_document_number_in_a_news_title_is_not_its_year() -> None:
    text = "Triển khai Nghị định 100/2019/NĐ-CP trên địa bàn\n\nMột đoạn ngắn."
    metadata = extract_metadata(text, "x.txt")
    assert (metadata.issued_on, metadata.directive_numbers) == (None, ("100/2019/NĐ-CP",))


def test_site_address_and_header_date_of_another_page() -> None:
    page = "\n".join(
        [
            "Thứ Năm, 23/11/2023",  # the site's today, above the article
            "Công an Thạch Hà ra quân trấn áp tội phạm",
            "Cập nhật: 08:15 ngày 12/05/2023",
            "Sáng 12/5, Công an huyện Thạch Hà tổ chức lễ ra quân tấn công trấn áp tội phạm, "
            "bảo đảm an ninh trật tự trên địa bàn.",
            "Nguồn: www.baohatinh.vn",
        ]
    )
    metadata = extract_metadata(page, "x.html")
    assert (metadata.issued_on, metadata.kind) == ("2023-05-12", "tin bài")
    assert (metadata.province, metadata.district) == ("Hà Tĩnh", "Thạch Hà")


def test_html_page_end_to_end() -> None:
    document = prepare_document(load_file(ROOT / "tests" / "fixtures" / "page.html"))
    assert document.file_type == "html"
    assert document.text.startswith("Công an xã chính quy ở Hà Tĩnh\n\nBan Thường vụ Tỉnh ủy")
    assert document.metadata == DocumentMetadata(
        title="Công an xã chính quy ở Hà Tĩnh",
        issued_on="2023-03-06",
        year=2023,
        province="Hà Tĩnh",
        district=None,
        kind="tin bài",
        directive_numbers=("31-CT/TU",),
    )


def test_a_district_missing_from_the_gazetteer_is_read_from_its_unit_word() -> None:
    text = (
        "Báo cáo công tác hòa giải huyện Hải Lăng năm 2022\n\n"
        "Huyện Hải Lăng, tỉnh Quảng Trị hiện có 97 tổ hòa giải ở cơ sở, hoạt động đều đặn."
    )
    meta = extract_metadata(text, "hai-lang.txt")
    assert (meta.province, meta.district) == ("Quảng Trị", "Hải Lăng")


def test_a_party_directives_title_leaves_out_its_issuer_in_capitals() -> None:
    text = (
        "TỈNH ỦY BẮC KẠN ĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Số 07-CT/TU Bắc Kạn, ngày 02 tháng 3 năm 2031\n\n"
        "CHỈ THỊ\n\nCỦA BAN THƯỜNG VỤ TỈNH ỦY về phòng, chống cháy rừng mùa khô\n\n"
        "Thời gian qua, tình hình cháy rừng trên địa bàn tỉnh diễn biến phức tạp."
    )
    metadata = extract_metadata(text, "ct.txt")
    assert metadata.title == "Chỉ thị về phòng, chống cháy rừng mùa khô"
    assert metadata.issued_on == "2031-03-02"  # the header's dateline, beside the number


def test_a_letters_subject_line_is_its_title() -> None:
    """A công văn names no kind line: its "V/v ..." line, wrapped, says what it is about."""
    text = "\n\n".join(
        [
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH LẠNG SƠN",
            "Số: 812/UBND-NC",
            "V/v tăng cường bảo đảm an ninh, trật tự;",
            "phòng, chống cháy nổ dịp Tết Nguyên đán",
            "Lạng Sơn, ngày 12 tháng 01 năm 2026",
            "Kính gửi: Công an tỉnh",
        ]
    )
    metadata = extract_metadata(text, "cv812.txt")
    assert metadata.title == (
        "Công văn về việc tăng cường bảo đảm an ninh, trật tự; phòng, chống cháy nổ dịp Tết "
        "Nguyên đán"
    )


def test_a_subject_wrapped_over_lines_is_the_whole_title() -> None:
    """ "... trong phong trào" / ""Toàn dân bảo vệ an ninh Tổ quốc" năm 2026": the year the
    title names is on its second line."""
    text = "\n\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
            "Số: 77/QĐ-UBND",
            "QUYẾT ĐỊNH",
            "Về việc tặng Bằng khen cho các tập thể có thành tích trong phong trào",
            '"Toàn dân bảo vệ an ninh Tổ quốc" năm 2026',
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        ]
    )
    metadata = extract_metadata(text, "qd77.txt")
    assert metadata.title == (
        "Quyết định về việc tặng Bằng khen cho các tập thể có thành tích trong phong trào "
        '"Toàn dân bảo vệ an ninh Tổ quốc" năm 2026'
    )


def test_a_subject_ending_in_a_bracketed_date_is_the_title_not_a_headline() -> None:
    """ "BÁO CÁO" / "Kết quả công tác ... từ khi vận hành chính quyền hai cấp (01/7/2031)":
    the date in brackets closes the subject, as a related headline's date closes it, yet the
    header above it (issuer, number, dateline) and the subject are the document's own."""
    text = "\n".join(
        [
            "CÔNG AN TỈNH CÀ MAU                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CÔNG AN XÃ NĂM CĂN                           Độc lập - Tự do - Hạnh phúc",
            "                                         ---------------------------------",
            "Số: 88/BC-CAX                                Năm Căn, ngày 16 tháng 10 năm 2031",
            "",
            "                                   BÁO CÁO",
            "          Kết quả công tác bảo đảm an ninh, trật tự tháng 10 năm 2031",
            "         và từ khi vận hành chính quyền địa phương hai cấp (01/7/2031)",
            "",
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "",
            "Xã Năm Căn được thành lập trên cơ sở nhập thị trấn Năm Căn và xã Hàm Rồng.",
        ]
    )
    metadata = extract_metadata(text, "bc88.txt")
    assert metadata.title == (
        "Báo cáo kết quả công tác bảo đảm an ninh, trật tự tháng 10 năm 2031 và từ khi vận "
        "hành chính quyền địa phương hai cấp (01/7/2031)"
    )
    assert (metadata.kind, metadata.issued_on) == ("báo cáo", "2031-10-16")
    assert "CÔNG AN XÃ NĂM CĂN" in clean_text(text)


def test_a_kind_qualified_in_capitals_heads_the_title() -> None:
    """ "QUY CHẾ PHỐI HỢP giữa A và B ...": the kind and its qualifier, then the subject,
    not the issuing bodies' lines above it."""
    text = "\n\n".join(
        [
            "CÔNG AN TỈNH YÊN BÁI",
            "CÔNG AN HUYỆN VĂN CHẤN",
            "BAN CHỈ HUY QUÂN SỰ HUYỆN VĂN CHẤN",
            "Số: 02/QCPH-CAH-BCHQS Văn Chấn, ngày 04 tháng 3 năm 2030",
            "QUY CHẾ PHỐI HỢP giữa Công an huyện và Ban Chỉ huy quân sự huyện trong bảo đảm "
            "an ninh, trật tự mùa thu hoạch chè",
            "Hai bên thống nhất ban hành Quy chế phối hợp như sau.",
        ]
    )
    metadata = extract_metadata(text, "qc02.txt")
    assert metadata.title.startswith("Quy chế phối hợp giữa Công an huyện và Ban Chỉ huy")


def test_the_issuers_own_lines_outweigh_a_province_the_title_is_about() -> None:
    """A district Party committee's directive on the area bordering another province's city
    names that city in its title and lead: the lines of its issuer above say whose it is,
    and "HUYỆN ỦY A" names its district."""
    text = "\n\n".join(
        [
            "ĐẢNG BỘ TỈNH BẮC NINH",
            "HUYỆN ỦY TIÊN DU",
            "Số 07-CT/HU",
            "Tiên Du, ngày 11 tháng 3 năm 2030",
            "CHỈ THỊ của Ban Thường vụ Huyện ủy về bảo đảm an ninh, trật tự địa bàn giáp ranh "
            "thành phố Hà Nội",
            "Huyện giáp ranh các quận, huyện Long Biên, Gia Lâm của thành phố Hà Nội; tình hình "
            "an ninh, trật tự vùng giáp ranh còn phức tạp.",
        ]
    )
    metadata = extract_metadata(text, "ct07.txt")
    assert (metadata.province, metadata.district) == ("Bắc Ninh", "Tiên Du")


def test_a_dateline_in_a_cell_of_a_header_laid_out_as_a_table_dates_the_document() -> None:
    """A Markdown plan's header as a table, its dateline in italics beside an emptied cell:
    the plan's date, not the year its title names of a law it carries out."""
    text = markdown_to_text(
        "| ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "|---|---|\n"
        "| Số: 41/KH-UBND | Độc lập - Tự do - Hạnh phúc |\n"
        "| | *Phú Thọ, ngày 12 tháng 5 năm 2031* |\n\n"
        "# KẾ HOẠCH\n\n"
        "## Triển khai Luật Trật tự, an toàn giao thông đường bộ năm 2029 trên địa bàn tỉnh\n\n"
        "Căn cứ Luật Trật tự, an toàn giao thông đường bộ năm 2029;\n"
    )
    metadata = extract_metadata(text, "kh41.md")
    assert (metadata.issued_on, metadata.year) == ("2031-05-12", 2031)


def test_a_letters_own_number_after_so_is_a_document_number() -> None:
    """ "Số: 2107/UBND" in a letter's header numbers it, though no kind stands before."""
    header = (
        "ỦY BAN NHÂN DÂN\nHUYỆN HẠ HÒA\n  Số: 2107/UBND            Hạ Hòa, ngày 3 tháng 9 năm 2031"
    )
    assert find_directive_numbers(header) == ["2107/UBND"]
    assert find_directive_numbers("Ban Chỉ đạo 138/CP họp bàn") == []


def test_a_title_under_a_two_column_header_with_the_motto_beside_a_body() -> None:
    """A two-column header set with spaces puts the motto beside a body's line ("PHÒNG
    GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc"): still the header, and the title is
    the kind's line with its subject, not the first body's name."""
    text = (
        "CÔNG AN TỈNH YÊN BÁI              UBND HUYỆN LỤC YÊN             CỘNG HÒA XÃ HỘI CHỦ "
        "NGHĨA VIỆT NAM\n"
        "CÔNG AN HUYỆN LỤC YÊN         PHÒNG GIÁO DỤC VÀ ĐÀO TẠO            Độc lập - Tự do - "
        "Hạnh phúc\n\n"
        "Số: 07/QCPH-CAH-PGDĐT                                     Lục Yên, ngày 30 tháng 8 "
        "năm 2030\n\n"
        "                                        QUY CHẾ PHỐI HỢP\n"
        "        giữa Công an huyện Lục Yên và Phòng Giáo dục và Đào tạo huyện Lục Yên\n"
        "     trong công tác bảo đảm an ninh, trật tự trường học\n\n"
        "Căn cứ Luật Công an nhân dân năm 2018; Luật Giáo dục năm 2019.\n"
    )
    metadata = extract_metadata(text, "quy-che.txt")
    assert metadata.title.startswith("Quy chế phối hợp giữa Công an huyện Lục Yên"), metadata.title


def test_the_motto_is_known_marked_or_not() -> None:
    """The header's motto is no document's title, however the document is typed."""
    assert names_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert names_motto("Doc lap - Tu do - Hanh phuc")
    assert names_motto("UBND TỈNH A   Độc lập – Tự do – Hạnh phúc")
    assert not names_motto("Kế hoạch bảo đảm an ninh, trật tự năm 2030")
