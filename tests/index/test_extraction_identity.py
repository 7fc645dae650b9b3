"""Identity of invented documents: header, signing block, news pages, references."""

from __future__ import annotations

from pathlib import Path

from index.extraction.identity import read_identity
from index.extraction.references import read_references
from index.loaders import load_file
from index.metadata import prepare_document
from index.records import DocumentMetadata

DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH BẮC KẠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 09/CT-UBND Bắc Kạn, ngày 05 tháng 4 năm 2031

CHỈ THỊ

Về việc phòng ngừa đuối nước cho trẻ em dịp hè

Thực hiện Chỉ thị số 31-CT/TU ngày 02/01/2031 của Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh yêu cầu:

1. Sở Giáo dục và Đào tạo tổ chức dạy bơi cho học sinh.

Chỉ thị này thay thế Chỉ thị số 04/CT-UBND ngày 10/5/2029 của UBND tỉnh.

KT. CHỦ TỊCH

PHÓ CHỦ TỊCH

Nguyễn Văn A"""

NEWS_WITH_DIRECTIVE = (
    "Nguồn: Báo Sông Cầu điện tử\n\n"
    "Ngày 05/4/2031, UBND tỉnh ban hành Chỉ thị số 09/CT-UBND. Toàn văn Chỉ thị như sau.\n\n"
    + DIRECTIVE
)

NEWS = (
    "Nguồn: Báo Sông Cầu điện tử\n\n"
    "Chiều 12/7, Công an huyện tổ chức ra mắt 40 tổ tự quản. "
    "Theo Kế hoạch số 77/KH-UBND của UBND huyện, mỗi thôn có một tổ."
)


def test_a_directive_header_gives_number_date_issuer_and_signer() -> None:
    identity = read_identity(DIRECTIVE, DocumentMetadata(province="Bắc Kạn"))
    assert identity.kind == "chỉ thị"
    assert identity.number == "09/CT-UBND"
    assert identity.issuer == "UBND tỉnh Bắc Kạn"
    assert identity.issued_on == "2031-04-05"
    assert identity.signer == "Nguyễn Văn A"
    assert identity.signer_title == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    assert identity.subject == "Về việc phòng ngừa đuối nước cho trẻ em dịp hè"
    assert identity.province == "Bắc Kạn"


def test_a_news_page_carrying_a_directive_is_that_directive() -> None:
    metadata = DocumentMetadata(kind="tin bài", issued_on="2031-04-07")
    identity = read_identity(NEWS_WITH_DIRECTIVE, metadata)
    assert (identity.kind, identity.number) == ("chỉ thị", "09/CT-UBND")
    assert identity.issued_on == "2031-04-05"  # signed, not published
    assert identity.issuer == "UBND tỉnh Bắc Kạn"


def test_a_news_story_is_a_news_story_of_its_outlet_and_publication_date() -> None:
    identity = read_identity(NEWS, DocumentMetadata(kind="kế hoạch", issued_on="2031-07-13"))
    assert identity.kind == "tin bài"
    assert identity.number is None
    assert identity.issuer == "Báo Sông Cầu điện tử"
    assert identity.issued_on == "2031-07-13"
    assert identity.signer is None


def test_a_signature_without_a_name_gives_no_signer() -> None:
    unsigned = DIRECTIVE.replace("Nguyễn Văn A", "(Đã ký)")
    assert read_identity(unsigned, DocumentMetadata()).signer is None


def test_a_party_committee_directive_is_its_standing_committee() -> None:
    text = (
        "TỈNH ỦY BẮC KẠN ĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 31-CT/TU Bắc Kạn, ngày 02 tháng 01 năm 2031"
        "\n\nCHỈ THỊ của Ban Thường vụ Tỉnh ủy về công tác dân vận\n\n1. Các cấp ủy quán triệt."
        "\n\nT/M BAN THƯỜNG VỤ\n\nBÍ THƯ\n\nTrần Thị B"
    )
    identity = read_identity(text, DocumentMetadata())
    assert identity.issuer == "Ban Thường vụ Tỉnh ủy Bắc Kạn"
    assert identity.subject == "về công tác dân vận"
    assert identity.signer == "Trần Thị B"


def test_references_carry_kind_and_relation_but_not_the_document_itself() -> None:
    identity = read_identity(DIRECTIVE, DocumentMetadata())
    found = {(r.kind, r.number, r.relation) for r in identity.references}
    assert found == {
        ("chỉ thị", "31-CT/TU", "implements"),
        ("chỉ thị", "04/CT-UBND", "replaces"),
    }
    for reference in identity.references:
        assert DIRECTIVE[reference.start : reference.end] == reference.number


def test_a_news_mention_is_a_mention() -> None:
    (reference,) = read_references(NEWS)
    assert (reference.kind, reference.number, reference.relation) == (
        "kế hoạch",
        "77/KH-UBND",
        "implements",  # "Theo Kế hoạch ..." : the teams are set up under the plan
    )


def test_an_issuer_written_on_two_header_lines() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\n\nHUYỆN NA RÌ\n\nSố: 12/KH-UBND\n\nNa Rì, ngày 3 tháng 2 năm 2031"
        "\n\nKẾ HOẠCH\n\nTuần tra bảo vệ rừng mùa khô"
    )
    identity = read_identity(text, DocumentMetadata())
    assert identity.issuer == "UBND huyện Na Rì"
    assert (identity.kind, identity.issued_on) == ("kế hoạch", "2031-02-03")
    assert identity.subject == "Tuần tra bảo vệ rừng mùa khô"


def test_a_sentence_opening_with_so_is_not_a_header() -> None:
    text = "Nguồn: Báo Sông Cầu\n\nSố 3 đường Trần Phú là trụ sở mới của công an phường."
    assert read_identity(text, DocumentMetadata()).number is None


def test_a_news_pages_meta_line_gives_its_outlet_and_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "tin-bac-kan.html"
    page.write_text(
        "<html><head><title>Bắc Kạn ra mắt 40 tổ tự quản</title></head><body>"
        '<nav><a href="/">Trang chủ</a> | <a href="/an-ninh">An ninh</a></nav>'
        "<h1>Bắc Kạn ra mắt 40 tổ tự quản</h1>"
        "<p>Cập nhật: 14/07/2031 08:30 | Nguồn: Báo Sông Cầu điện tử</p>"
        "<p>Chiều 12/7, Công an huyện Chợ Mới tổ chức ra mắt 40 tổ tự quản về an ninh, trật tự "
        "ở các thôn trên địa bàn.</p>"
        "<p>Theo Kế hoạch số 77/KH-UBND của UBND huyện, mỗi thôn có một tổ.</p></body></html>",
        encoding="utf-8",
    )
    document = prepare_document(load_file(page))
    assert document.metadata.issued_on == "2031-07-14"
    identity = read_identity(document.text, document.metadata)
    assert (identity.kind, identity.issuer, identity.issued_on) == (
        "tin bài",
        "Báo Sông Cầu điện tử",
        "2031-07-14",
    )


# A commune police report typed in two columns: three issuing levels on the left, the motto
# on the right; the number line below; the signature with "(đã ký)" and a rank.
COMMUNE_REPORT = """CÔNG AN TỈNH NAM ĐỊNH                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CÔNG AN HUYỆN GIAO THỦY                          Độc lập - Tự do - Hạnh phúc
CÔNG AN XÃ GIAO AN

Số: 12/BC-CAX                                 Giao An, ngày 10 tháng 9 năm 2031

                                   BÁO CÁO
        Kết quả công tác bảo đảm an ninh, trật tự 9 tháng năm 2031

Công an xã Giao An báo cáo kết quả công tác 9 tháng năm 2031 như sau.

1. Lắp đặt mới 12 camera an ninh tại các trục đường liên thôn.

Nơi nhận:                                           TRƯỞNG CÔNG AN XÃ
- Công an huyện;                                        (đã ký)
- Lưu: CAX.
                                                 Thiếu tá Phạm Văn Bình
"""

# A Markdown file whose official header is a table, cells broken with <br> (dated before
# the 2025 merger, so the province is still Yên Bái).
TABLE_HEADED_PLAN = (
    (
        "| BỘ CÔNG AN<br>**CÔNG AN TỈNH YÊN BÁI** "
        "| **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |\n"
    )
    + """|---|---|
| Số: 77/KH-CAT | *Yên Bái, ngày 02 tháng 3 năm 2024* |

# KẾ HOẠCH
## Bảo đảm trật tự, an toàn giao thông mùa lễ hội năm 2024

Công an tỉnh xây dựng Kế hoạch bảo đảm trật tự, an toàn giao thông mùa lễ hội năm 2024.

KT. GIÁM ĐỐC

PHÓ GIÁM ĐỐC

Đại tá Lò Văn Sơn
"""
)


def test_a_three_level_header_in_columns_names_the_lowest_level_and_the_ranked_signer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bao-cao-cax.txt"
    path.write_text(COMMUNE_REPORT, encoding="utf-8")
    document = prepare_document(load_file(path))
    identity = read_identity(document.text, document.metadata)
    assert identity.issuer == "Công an xã Giao An"  # the motto read after it is skipped
    assert identity.number == "12/BC-CAX"
    assert identity.issued_on == "2031-09-10"
    assert identity.signer == "Phạm Văn Bình"  # not "(đã ký)", and without "Thiếu tá"
    assert identity.signer_title == "TRƯỞNG CÔNG AN XÃ"
    assert document.metadata.issued_on == "2031-09-10"


def test_an_official_header_laid_out_as_a_table_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.md"
    path.write_text(TABLE_HEADED_PLAN, encoding="utf-8")
    document = prepare_document(load_file(path))
    identity = read_identity(document.text, document.metadata)
    assert identity.number == "77/KH-CAT"
    assert identity.issuer == "Công an tỉnh Yên Bái"
    assert identity.issued_on == "2024-03-02"
    assert identity.signer == "Lò Văn Sơn"
    assert document.metadata.issued_on == "2024-03-02"
    assert document.metadata.province == "Yên Bái"  # before the merger into Lào Cai
    assert "<br>" not in document.text


# A legal portal's page: a top bar with today's date, the site's banner as <h1>, the
# document's attribute table, then its text. Its <title> names the document and the site.
PORTAL_PAGE = """<html><head><title>Nghị quyết số 09/2024/NQ-HĐND quy định mức hỗ trợ tổ bảo vệ
an ninh, trật tự tỉnh Bà Rịa - Vũng Tàu - Cổng thông tin điện tử HĐND tỉnh</title></head><body>
<div><span>Thứ Hai, 22/07/2024</span> <a href="/">Liên hệ</a> | <a href="/en">English</a></div>
<h1>HỘI ĐỒNG NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU</h1>
<table>
<tr><td>Số ký hiệu</td><td>09/2024/NQ-HĐND</td></tr>
<tr><td>Ngày ban hành</td><td>12/7/2024</td></tr>
<tr><td>Cơ quan ban hành</td><td>Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu</td></tr>
<tr><td>Người ký</td><td>Phạm Viết Thanh</td></tr>
</table>
<p>Điều 1. Phạm vi điều chỉnh. Nghị quyết này quy định mức hỗ trợ hằng tháng đối với tổ
bảo vệ an ninh, trật tự ở cơ sở trên địa bàn tỉnh.</p>
</body></html>"""


def test_a_portal_page_is_the_document_its_attribute_table_names(tmp_path: Path) -> None:
    path = tmp_path / "nghi-quyet.html"
    path.write_text(PORTAL_PAGE, encoding="utf-8")
    document = prepare_document(load_file(path))
    # The <title> without the site's name, a province's dash kept; no top bar as title.
    assert document.metadata.title == (
        "Nghị quyết số 09/2024/NQ-HĐND quy định mức hỗ trợ tổ bảo vệ an ninh, trật tự tỉnh "
        "Bà Rịa - Vũng Tàu"
    )
    assert "Thứ Hai, 22/07/2024" not in document.text
    identity = read_identity(document.text, document.metadata)
    assert identity.number == "09/2024/NQ-HĐND"
    assert identity.issued_on == "2024-07-12"
    assert identity.issuer == "Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu"
    assert identity.signer == "Phạm Viết Thanh"


def test_a_title_that_only_names_the_site_is_not_the_pages_title(tmp_path: Path) -> None:
    page = tmp_path / "tin.html"
    page.write_text(
        "<html><head><title>Cổng thông tin điện tử Công an tỉnh Phú Yên</title></head><body>"
        "<h2>Ra quân bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán năm 2030</h2>"
        "<p>Sáng 20/1/2030, Công an tỉnh tổ chức lễ ra quân bảo đảm an toàn giao thông.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    title = prepare_document(load_file(page)).metadata.title
    assert title.startswith("Ra quân bảo đảm trật tự"), title


def test_a_signature_above_a_long_appendix_still_names_the_signer() -> None:
    appendix = "\n\n".join(f"Huyện {n} | {n * 3} tổ | {n * 9} thành viên" for n in range(1, 12))
    signed = DIRECTIVE.replace("Nguyễn Văn A", "(Đã ký)\n\nNguyễn Văn A")
    text = f"{signed}\n\nPHỤ LỤC\n\nSố tổ dự kiến theo huyện\n\n{appendix}"
    identity = read_identity(text, DocumentMetadata(province="Bắc Kạn"))
    assert identity.signer == "Nguyễn Văn A"
    assert identity.signer_title == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"


def test_a_signer_given_with_a_title_in_a_portal_table_is_the_name() -> None:
    """An official header above, no signature block, the portal's table names the signer
    after the office held ("Chủ tịch HĐND tỉnh Lò Văn Bình")."""
    header, _, _ = DIRECTIVE.partition("KT. CHỦ TỊCH")
    table = (
        "Số ký hiệu | 09/CT-UBND\n\nNgày ban hành | 05/04/2031\n\n"
        "Người ký | Chủ tịch UBND tỉnh Lò Văn Bình"
    )
    identity = read_identity(f"{table}\n\n{header}", DocumentMetadata(province="Bắc Kạn"))
    assert identity.signer == "Lò Văn Bình"
    assert identity.issuer == "UBND tỉnh Bắc Kạn"  # the header's, as before


def test_an_issuer_beside_the_motto_on_its_line() -> None:
    """A two-column header read line by line: "CÔNG AN XÃ A   Độc lập - Tự do - Hạnh phúc"
    holds the issuer left of the motto."""
    text = (
        "CÔNG AN TỈNH BẮC NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "CÔNG AN XÃ GIA BÌNH Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 41/BC-CAX Gia Bình, ngày 17 tháng 11 năm 2031\n\nBÁO CÁO\n\n"
        "Kết quả công tác bảo đảm an ninh, trật tự tháng 11 năm 2031"
    )
    identity = read_identity(text, DocumentMetadata())
    assert identity.issuer == "Công an xã Gia Bình"
    assert (identity.number, identity.issued_on) == ("41/BC-CAX", "2031-11-17")


def test_a_signature_in_a_tables_right_column_names_the_signer(tmp_path: Path) -> None:
    """A Markdown plan closing with "| Nơi nhận: | KT. CHỦ TỊCH |" ... "| - Lưu: VT. |
    **Nguyễn Văn A** |": the rows are the document's (no site menu), the right column signs."""
    path = tmp_path / "kh31.md"
    path.write_text(
        "| ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| Số: 31/KH-UBND | *Lào Cai, ngày 12 tháng 4 năm 2031* |\n\n# KẾ HOẠCH\n\n"
        "## Bảo đảm trật tự, an toàn giao thông năm 2031\n\n"
        "1. Công an tỉnh chủ trì tuần tra, kiểm soát trên các tuyến quốc lộ và cao tốc.\n\n"
        "| Nơi nhận: | KT. CHỦ TỊCH |\n|---|---|\n"
        "| - Ủy ban ATGT Quốc gia (b/c); | PHÓ CHỦ TỊCH |\n"
        "| - Chủ tịch, các PCT UBND tỉnh; | *(đã ký)* |\n"
        "| - Các sở, ban, ngành (thực hiện); | |\n"
        "| - UBND các huyện, thị xã, thành phố; | **Hoàng Thị Quyên** |\n"
        "| - Lưu: VT, NC. | |\n",
        encoding="utf-8",
    )
    document = prepare_document(load_file(path))
    assert "Các sở, ban, ngành" in document.text
    identity = read_identity(document.text, document.metadata)
    assert identity.signer == "Hoàng Thị Quyên"


def test_a_header_whose_columns_are_joined_by_a_long_dash_is_read_as_two_columns() -> None:
    """A converted page writes each header row on one line: "ỦY BAN NHÂN DÂN TỈNH A — Số:
    ..."; the number is the document's own, its signer read below "(đã ký)"."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN — Số: 41/KH-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc\n\n"
        "Phú Yên, ngày 03 tháng 3 năm 2031\n\nKẾ HOẠCH\n\n"
        "Bảo đảm an ninh, trật tự mùa du lịch biển năm 2031\n\n"
        "1. Công an tỉnh chủ trì tuần tra các bãi tắm.\n\n"
        "Nơi nhận:\n- Bộ Công an;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(đã ký)\n\n"
        "Trần Thị Bích"
    )
    identity = read_identity(text, DocumentMetadata(province="Phú Yên"))
    assert identity.number == "41/KH-UBND"
    assert identity.issuer == "UBND tỉnh Phú Yên"
    assert identity.signer == "Trần Thị Bích"
    assert identity.issued_on == "2031-03-03"
    # ... not a sentence with a dash in it: "Theo Chỉ thị — số 09 ..." is no header
    body = read_identity(
        "Theo kế hoạch — Số: 12/KH-UBND của tỉnh.\n\nNội dung.", DocumentMetadata()
    )
    assert body.number is None
