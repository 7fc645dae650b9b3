"""Loading files: the type comes from the content, the text is NFC, bad files are refused."""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from index.loaders import UnsupportedDocumentError, detect_file_type, load_bytes, load_file
from index.markup import markdown_to_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "documents" / "000_cec6d9babd0036f1.txt"


def make_pdf(pages: list[list[str]], *, decomposed: bool = False) -> bytes:
    """A small valid PDF: one line of text per string, Vietnamese through a ToUnicode map."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    codes = {ch: 0x21 + i for i, ch in enumerate(chars)}

    def unicode_hex(ch: str) -> str:
        text = unicodedata.normalize("NFD", ch) if decomposed else ch
        return text.encode("utf-16-be").hex().upper()

    mapping = "\n".join(f"<{codes[ch]:02X}> <{unicode_hex(ch)}>" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{mapping}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    for i, page in enumerate(pages):
        shown = [("".join(f"{codes[ch]:02X}" for ch in line)).encode() for line in page]
        content = (
            b"BT /F1 12 Tf 16 TL 72 720 Td " + b" T* ".join(b"<%s> Tj" % s for s in shown) + b" ET"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Kế hoạch số 236/KH-CAH", level=1)
    document.add_paragraph("Huấn luyện công an viên huyện Điện Biên Đông năm 2017.")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Đơn vị", "Số lượt"), ("Mường Luân", "23")], strict=True):
        row.cells[0].text, row.cells[1].text = cells
    document.add_paragraph("Phạm Dương")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_plain_text_seed() -> None:
    loaded = load_file(SEED)
    data = SEED.read_bytes()
    assert (loaded.source, loaded.file_type) == ("000_cec6d9babd0036f1.txt", "txt")
    assert loaded.sha256 == hashlib.sha256(data).hexdigest()
    assert loaded.text == data.decode("utf-8").strip()
    assert load_file(SEED, source="sub/000.txt").source == "sub/000.txt"


def test_text_comes_out_nfc_whatever_the_input_form() -> None:
    decomposed = unicodedata.normalize("NFD", "Tỉnh Điện Biên có 1.814 tổ hoà giải.")
    loaded = load_bytes(decomposed.encode("utf-8"), "nfd.txt")
    assert loaded.text == "Tỉnh Điện Biên có 1.814 tổ hoà giải."
    assert loaded.sha256 == hashlib.sha256(decomposed.encode("utf-8")).hexdigest()
    pdf = load_bytes(make_pdf([["Điện Biên Đông"]], decomposed=True), "nfd.pdf")
    assert pdf.text == "Điện Biên Đông"


def test_utf8_bom_and_utf16_are_read() -> None:
    assert load_bytes("\ufeffCông an xã".encode(), "bom.txt").text == "Công an xã"
    assert load_bytes("Công an xã".encode("utf-16"), "u16.txt").text == "Công an xã"


def test_markdown_is_told_from_text_by_extension_and_loses_its_markup() -> None:
    loaded = load_file(FIXTURES / "note.md")
    assert loaded.file_type == "md"
    paragraphs = loaded.text.split("\n\n")
    assert paragraphs[0] == "Kế hoạch tuyên truyền năm 2024"
    assert paragraphs[1] == "Căn cứ Kế hoạch số 236/KH-CAH của Công an huyện, xem văn bản gốc."
    assert "author:" not in loaded.text
    assert "---" not in loaded.text
    same_bytes = load_bytes((FIXTURES / "note.md").read_bytes(), "note.txt")
    assert same_bytes.file_type == "txt"


def test_a_line_in_italics_loses_its_stars_and_a_bullet_keeps_its_own() -> None:
    text = markdown_to_text(
        "*Hòa An, ngày 02 tháng 5 năm 2025*\n_Nguồn: Cổng thông tin_\n* mục một\n"
        "Tăng 3*4 lần, *một phần* giữ nguyên."
    )
    assert text.split("\n") == [
        "Hòa An, ngày 02 tháng 5 năm 2025",
        "Nguồn: Cổng thông tin",
        "* mục một",
        "Tăng 3*4 lần, *một phần* giữ nguyên.",
    ]


def test_html_keeps_article_blocks_and_drops_page_furniture() -> None:
    loaded = load_file(FIXTURES / "page.html")
    assert loaded.file_type == "html"
    paragraphs = loaded.text.split("\n\n")
    assert paragraphs[0] == "Công an xã chính quy ở Hà Tĩnh"
    assert (
        "Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 31-CT/TU ngày 6/3/2023 về tiếp tục đẩy mạnh "
        "xây dựng công an xã, thị trấn & lực lượng cơ sở."
    ) in paragraphs
    assert "Đức Thọ | 16" in paragraphs
    assert "Cán bộ công an xã hướng dẫn người dân." in paragraphs
    for furniture in ("tracking", "color", "Trang chủ", "BÁO HÀ TĨNH", "Tin liên quan",
                      "Một bài khác", "Quảng cáo", "Bản quyền", "console", "»"):  # fmt: skip
        assert furniture not in loaded.text


def test_html_is_recognised_by_content_even_when_named_txt() -> None:
    html = "<!DOCTYPE html><html><body><h1>Tin</h1><p>Công an xã.</p></body></html>"
    loaded = load_bytes(html.encode(), "saved.txt")
    assert (loaded.file_type, loaded.text) == ("html", "Tin\n\nCông an xã.")
    no_h1 = b"<html><head><title>Tieu de</title></head><body><p>Noi dung.</p></body></html>"
    assert load_bytes(no_h1, "x.htm").text == "Tieu de\n\nNoi dung."


def test_an_html_table_with_merged_cells_keeps_a_cell_under_each_header() -> None:
    # A header over two rows ("Số vụ" over "Năm 2023" and "Năm 2024") and a label merged down
    # two rows: each row is written whole, the header as one row of whole names; an empty
    # last cell keeps its place, so the row has as many cells as the header.
    page = (
        "<html><body><table>"
        '<tr><th rowspan="2">Huyện</th><th colspan="2">Số vụ cháy</th>'
        '<th rowspan="2">Ghi chú</th></tr>'
        "<tr><th>Năm 2023</th><th>Năm 2024</th></tr>"
        '<tr><td rowspan="2">Huyện Mường Lát</td><td>4</td><td>7</td><td>rừng</td></tr>'
        "<tr><td>1</td><td>2</td><td>nhà</td></tr>"
        "<tr><td>Huyện Quan Sơn</td><td>3</td><td>5</td><td></td></tr>"
        "</table></body></html>"
    )
    assert load_bytes(page.encode(), "t.html").text.split("\n\n") == [
        "Huyện | Số vụ cháy Năm 2023 | Số vụ cháy Năm 2024 | Ghi chú",
        "Huyện Mường Lát | 4 | 7 | rừng",
        "Huyện Mường Lát | 1 | 2 | nhà",
        "Huyện Quan Sơn | 3 | 5 | |",
    ]


def test_odd_spans_count_as_one_and_a_skipped_inner_table_does_not_end_the_outer() -> None:
    # "²" and a thousand digits are no span (int() refuses both); a side box's table inside a
    # cell is page furniture, and the merged cell of the table around it still goes down.
    odd = '<table><tr><td colspan="²">a</td><td rowspan="' + "9" * 5000 + '">b</td></tr></table>'
    assert load_bytes(odd.encode(), "t.html").text == "a | b"
    page = (
        "<table><tr><th>Xã</th><th>Số vụ</th></tr>"
        '<tr><td>Xã Hòa Minh<table class="sidebar"><tr><td>Tin liên quan</td></tr></table></td>'
        '<td rowspan="2">5</td></tr><tr><td>Xã Phong Phú</td></tr></table>'
    )
    text = load_bytes(page.encode(), "t.html").text
    assert "Tin liên quan" not in text and "Xã Phong Phú | 5" in text


def test_legacy_html_with_declared_charset_is_decoded() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café</p></body></html>'
    assert load_bytes(page.encode("cp1252"), "old.html").text == "Café"


def test_docx_paragraphs_and_table_rows_in_order() -> None:
    data = make_docx()
    loaded = load_bytes(data, "ke-hoach.docx")
    assert loaded.file_type == "docx"
    assert loaded.text.split("\n\n") == [
        "Kế hoạch số 236/KH-CAH",
        "Huấn luyện công an viên huyện Điện Biên Đông năm 2017.",
        "Đơn vị | Số lượt\nMường Luân | 23",
        "Phạm Dương",
    ]
    assert loaded.sha256 == hashlib.sha256(data).hexdigest()
    assert detect_file_type(data, "renamed.txt") == "docx"


def test_pdf_pages_are_read_even_when_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "chi-thi.txt"
    path.write_bytes(make_pdf([["Chỉ thị số 31-CT/TU", "về công an xã"], ["Trang hai: 1.908 đội"]]))
    loaded = load_file(path)
    assert loaded.file_type == "pdf"
    assert loaded.text == "Chỉ thị số 31-CT/TU\nvề công an xã\n\nTrang hai: 1.908 đội"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "anh.txt", "PNG"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 32, "scan.pdf", "JPEG"),
        (_zip({"data.csv": b"a,b"}), "bang.txt", "không phải văn bản Word"),
        (b"PK\x03\x04 truncated", "hong.docx", "bị hỏng"),
        (_zip({"word/document.xml": b"<not xml"}), "hong2.docx", "bị hỏng"),
        (b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "hong.pdf", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "cu.doc", ".docx"),
        (b"C\xf4ng an x\xe3 (TCVN3, Latin-1...)", "latin.txt", "UTF-8"),
        (b"abc\x00\x01\x02binary", "blob.txt", "nhị phân"),
        (b"", "rong.txt", "rỗng"),
        (b" \n\t\n", "trang.md", "rỗng"),
    ],
)
def test_unreadable_files_are_refused_naming_file_and_reason(
    data: bytes, filename: str, reason: str
) -> None:
    with pytest.raises(UnsupportedDocumentError) as caught:
        load_bytes(data, filename)
    message = str(caught.value)
    assert message.startswith(f"{filename}: ")
    assert reason in message
    assert "\n" not in message
    assert isinstance(caught.value, ValueError)


def test_a_pdf_without_text_is_refused() -> None:
    with pytest.raises(UnsupportedDocumentError, match="lớp chữ"):
        load_bytes(make_pdf([[""]]), "scan.pdf")


def test_detect_file_type_from_bytes() -> None:
    assert detect_file_type(make_pdf([["A"]]), "a.docx") == "pdf"
    assert detect_file_type(b"# Tieu de\n", "a.md") == "md"
    assert detect_file_type(b"# Tieu de\n", "a") == "txt"
    assert detect_file_type(b"<p>Mot doan</p>", "a.html") == "html"
    assert detect_file_type(b"1 < 2 and <p> in prose", "a.txt") == "txt"


def test_text_that_mentions_a_pdf_header_is_still_text() -> None:
    note = "Tệp hỏng bắt đầu bằng %PDF-1.4 nhưng đây là ghi chú.".encode()
    assert load_bytes(note, "ghi-chu.txt").file_type == "txt"
