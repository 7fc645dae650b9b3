"""A meeting notice's signer and chair asked together, a new commune's origin, the lines a
report is addressed to, and a table's row in a duty question (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer, _merged_count
from assistant.extractive.asks import split_asks
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata

NOTICE = (
    "THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh tại Hội nghị sơ kết công tác bảo đảm trật "
    "tự, an toàn giao thông 9 tháng năm 2024\n\n"
    "Ngày 08/10/2024, tại trụ sở UBND tỉnh, đồng chí Phạm Quang Vinh, Phó Chủ tịch UBND "
    "tỉnh, Trưởng Ban An toàn giao thông tỉnh chủ trì Hội nghị sơ kết công tác bảo đảm trật "
    "tự, an toàn giao thông 9 tháng năm 2024.\n\n"
    "Sau khi nghe báo cáo và ý kiến các đại biểu, đồng chí Phó Chủ tịch UBND tỉnh kết luận "
    "như sau: tiếp tục xử lý nghiêm vi phạm nồng độ cồn.\n\n"
    "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\n(đã ký)\n\nVũ Thị Lan Anh"
)


def test_who_signed_and_who_chaired_are_two_parts_each_answered() -> None:
    question = "Thông báo 305/TB-UBND do ai ký, ai chủ trì hội nghị?"
    assert split_asks(question) == ["Thông báo 305/TB-UBND do ai ký", "ai chủ trì hội nghị?"]
    assert split_asks("tb 305 ai ky, ai chu tri hoi nghi") == [
        "tb 305 ai ky",
        "ai chu tri hoi nghi",
    ]
    # ... "ai" asking no one ("ai nào" is no Vietnamese) and one ask alone stay whole.
    assert split_asks("Ai ký quyết định, chức vụ gì?") == ["Ai ký quyết định, chức vụ gì?"]
    metadata = DocumentMetadata(year=2024, title="Thông báo kết luận", province="Hòa Bình")
    passage = Passage("tb.txt#0", "tb.txt", NOTICE, 0, len(NOTICE), 0.5, metadata)
    answer = ExtractiveAnswerer().build(
        "Thông báo kết luận do ai ký, ai chủ trì hội nghị?", [passage]
    )
    assert "Vũ Thị Lan Anh" in answer.answer and "Phạm Quang Vinh" in answer.answer


REPORT = (
    "Kính gửi: - Công an tỉnh Lâm Đồng (qua Phòng Tham mưu);\n"
    "          - Đảng ủy, Ủy ban nhân dân xã Đức Trọng.\n\n"
    "I. ĐẶC ĐIỂM TÌNH HÌNH\n\n"
    "Từ ngày 01/7/2025, khi không tổ chức cấp huyện, xã Đức Trọng là đơn vị hành chính cấp xã "
    "trực thuộc tỉnh Lâm Đồng (mới) - tỉnh được hợp nhất từ tỉnh Lâm Đồng, tỉnh Đắk Nông và "
    "tỉnh Bình Thuận. Xã Đức Trọng được thành lập trên cơ sở sắp xếp toàn bộ diện tích của "
    "thị trấn Liên Nghĩa, xã Hiệp An và xã Liên Hiệp thuộc huyện Đức Trọng, tỉnh Lâm Đồng (cũ)."
    "\n\nII. KẾT QUẢ\n\n6. Phòng cháy, chữa cháy\n- Tháng 10: không xảy ra cháy, nổ."
)


def _first(question: str) -> str:
    metadata = DocumentMetadata(
        year=2025, title="Báo cáo Công an xã Đức Trọng", province="Lâm Đồng"
    )
    passage = Passage("x.txt#0", "x.txt", REPORT, 0, len(REPORT), 0.5, metadata)
    return ExtractiveAnswerer().build(question, [passage]).answer.split("[1]")[0]


def test_a_new_communes_origin_is_the_communes_merged_not_the_provinces() -> None:
    """ "Xã A mới được sắp xếp từ những đơn vị nào?": the town and communes it was made of,
    not the provinces its new province was made of."""
    question = "Xã Đức Trọng mới được sắp xếp từ những đơn vị nào?"
    assert "thị trấn Liên Nghĩa, xã Hiệp An" in _first(question)
    provinces = "tỉnh được hợp nhất từ tỉnh Lâm Đồng, tỉnh Đắk Nông và tỉnh Bình Thuận"
    assert _merged_count(analyse(question), provinces) == 0
    assert _merged_count(analyse("Tỉnh Lâm Đồng mới hợp nhất từ những tỉnh nào?"), provinces) == 3


def test_the_lines_a_report_is_addressed_to_answer_nothing() -> None:
    """ "Kính gửi: - Công an tỉnh ...; - Đảng ủy, UBND xã A." are labels, never quoted."""
    question = "Tháng 10/2025 xã Đức Trọng có vụ cháy nào không?"
    metadata = DocumentMetadata(year=2025, title="Báo cáo Công an xã Đức Trọng")
    passage = Passage("x.txt#0", "x.txt", REPORT, 0, len(REPORT), 0.5, metadata)
    (view,) = read_passages(analyse(question), [passage])
    addressed = [
        c for c in view.clauses if "Công an tỉnh Lâm Đồng" in c.text or "Đảng ủy" in c.text
    ]
    assert addressed and all(clause.label for clause in addressed)
    answer = _first(question)
    assert "Đảng ủy" not in answer and "Kính gửi" not in answer


def test_a_tables_row_naming_a_commune_gives_it_no_task() -> None:
    minutes = (
        "II. KẾT QUẢ THEO ĐỊA BÀN\n\n"
        "| Đơn vị | Tin báo | Vụ việc |\n|---|---|---|\n| Xã Phước Hòa | 14 | 10 |\n\n"
        "III. KẾT LUẬN CỦA CHỦ TRÌ\n\n"
        "- Xã Phước Hòa tổng kết, nhân rộng mô hình camera an ninh trước ngày 31/12/2024."
    )
    metadata = DocumentMetadata(year=2024, title="Biên bản hội nghị sơ kết 9 tháng")
    passage = Passage("bb.txt#0", "bb.txt", minutes, 0, len(minutes), 0.5, metadata)
    answer = ExtractiveAnswerer().build("Hội nghị giao xã Phước Hòa làm gì?", [passage]).answer
    assert "nhân rộng mô hình" in answer and "| 14 |" not in answer
