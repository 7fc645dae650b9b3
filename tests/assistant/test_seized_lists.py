"""What was seized, listed as a web page lists it (short lines with no marker), when the
chunking cut the list after its first item: the rest is read in the next passage
(invented news page)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

PARTS = [
    "Sáng 12/3/2027, Công an tỉnh Hà Nam kiểm tra 03 địa điểm của đường dây mua bán tài "
    "khoản ngân hàng.\n\nTang vật thu giữ gồm:\n\n212 thẻ ngân hàng mang tên người khác;",
    "1.180 SIM điện thoại đã kích hoạt sẵn;\n\n31 điện thoại di động;\n\n"
    "02 xe máy và 96 triệu đồng tiền mặt.\n\nCơ quan điều tra đã khởi tố vụ án.",
]


def test_a_seized_list_cut_after_its_first_item_goes_on_in_the_next_passage() -> None:
    metadata = DocumentMetadata(title="Triệt phá đường dây", year=2027, province="Hà Nam")
    library = document_in_parts("tin.html", PARTS, metadata, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Đường dây mua bán tài khoản ngân hàng ở Hà Nam bị thu giữ những gì?",
        [library.passages[0]],
    )
    assert "212 thẻ ngân hàng" in answer.answer, answer.answer
    assert "1.180 SIM" in answer.answer and "02 xe máy" in answer.answer, answer.answer
