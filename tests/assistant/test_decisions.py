"""A decision awarding certificates of merit: its articles told whole on their own line, and
what it is about told by its title, not by the line that attaches its list to it (an
invented decision)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import OneDocument

HEADER = (
    "ỦY BAN NHÂN DÂN TỈNH LONG AN\n\n"
    "Số: 512/QĐ-UBND\n\n"
    "QUYẾT ĐỊNH\n\n"
    "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, cá nhân có "
    "thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026\n\n"
)
ARTICLE_1 = (
    "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 12 tập thể và 20 cá nhân "
    "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026.\n\n"
)
ARTICLE_2 = (
    "Điều 2. Mỗi tập thể được tặng Bằng khen kèm theo tiền thưởng 4.680.000 đồng (bằng 2,0 lần "
    "mức lương cơ sở); mỗi cá nhân được tặng Bằng khen kèm theo tiền thưởng 2.340.000 đồng "
    "(bằng 1,0 lần mức lương cơ sở).\n\n"
)
LIST = (
    "DANH SÁCH (Kèm theo Quyết định số 512/QĐ-UBND ngày 20/8/2026 của Chủ tịch UBND tỉnh)\n\n"
    "I. TẬP THỂ (12 tập thể)\n\n1. Công an xã Phú Mỹ\n\nII. CÁ NHÂN (20 cá nhân)\n\n"
    "1. Ông Trần Văn Bình, Tổ trưởng Tổ bảo vệ an ninh, trật tự ấp 3, xã Phú Mỹ"
)


def _decision() -> OneDocument:
    """One passage per part; an article's passage is headed by its own line, as chunking
    heads a chunk by the article it is in."""
    metadata = DocumentMetadata(
        title="Quyết định 512/QĐ-UBND về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh "
        "cho các tập thể, cá nhân có thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ "
        "quốc năm 2026",
        year=2026,
        province="Long An",
        kind="quyết định",
        directive_numbers=("512/QĐ-UBND",),
    )
    passages, start = [], 0
    for n, text in enumerate((HEADER, ARTICLE_1, ARTICLE_2, LIST)):
        heading = text.strip() if text.startswith("Điều") else ""
        end = start + len(text)
        passages.append(
            Passage(f"qd.txt#{n}", "qd.txt", text, start, end, 0.5, metadata, heading=heading)
        )
        start = end
    return OneDocument(passages, HEADER + ARTICLE_1 + ARTICLE_2 + LIST)


def test_an_article_told_whole_on_its_line_answers() -> None:
    library = _decision()
    answerer = ExtractiveAnswerer(library=library)
    counted = answerer.build(
        "QĐ 512/QĐ-UBND tặng bằng khen cho bao nhiêu tập thể, cá nhân?", library.passages
    )
    assert counted.answer.startswith("Điều 1."), counted.answer
    assert "12 tập thể và 20 cá nhân" in counted.answer, counted.answer
    paid = answerer.build(
        "moi tap the, moi ca nhan duoc thuong bao nhieu tien theo QD 512 Long An", library.passages
    )
    assert "4.680.000 đồng" in paid.answer and "2.340.000 đồng" in paid.answer, paid.answer


def test_a_decision_is_about_what_its_title_says_not_its_lists_attaching_line() -> None:
    library = _decision()
    answer = ExtractiveAnswerer(library=library).build(
        "QĐ 512/QĐ-UBND về việc gì?", library.passages
    )
    assert "tặng Bằng khen" in answer.answer, answer.answer
    assert "Kèm theo" not in answer.answer, answer.answer


LETTER = (
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "TỈNH LẠNG SƠN\n\n"
    "Số: 812/UBND-NC\n\n"
    "V/v tăng cường bảo đảm an ninh, trật tự;\n\n"
    "phòng, chống cháy nổ dịp Tết Nguyên đán\n\n"
    "Lạng Sơn, ngày 12 tháng 01 năm 2026\n\n"
    "Kính gửi: Công an tỉnh\n\n"
    "Để bảo đảm an ninh, trật tự dịp Tết, Ủy ban nhân dân tỉnh yêu cầu Công an tỉnh tăng "
    "cường tuần tra, kiểm soát."
)


def test_a_letter_is_about_its_subject_line() -> None:
    metadata = DocumentMetadata(
        title="Công văn về việc tăng cường bảo đảm an ninh, trật tự; phòng, chống cháy nổ dịp "
        "Tết Nguyên đán",
        year=2026,
        province="Lạng Sơn",
        directive_numbers=("812/UBND-NC",),
    )
    passage = Passage("cv.txt#0", "cv.txt", LETTER, 0, len(LETTER), 0.5, metadata)
    library = OneDocument([passage], LETTER)
    answer = ExtractiveAnswerer(library=library).build(
        "Công văn 812/UBND-NC của UBND Lạng Sơn về việc gì?", [passage]
    )
    assert "V/v tăng cường bảo đảm an ninh, trật tự;" in answer.answer, answer.answer
    assert "phòng, chống cháy nổ" in answer.answer, answer.answer


REPORT_HEAD = (
    "CÔNG AN TỈNH NINH BÌNH\n\n"
    "CÔNG AN HUYỆN YÊN MÔ\n\n"
    "Số: 286/BC-CAH\n\n"
    "BÁO CÁO\n\n"
    "Kết quả công tác bảo đảm an ninh, trật tự 9 tháng đầu năm 2026;\n\n"
    "phương hướng, nhiệm vụ 3 tháng cuối năm 2026\n\n"
    "I. TÌNH HÌNH\n\n"
    "Tình hình an ninh chính trị trên địa bàn huyện ổn định."
)


def test_a_title_over_two_lines_is_quoted_whole() -> None:
    metadata = DocumentMetadata(
        title="Báo cáo Kết quả công tác bảo đảm an ninh, trật tự 9 tháng đầu năm 2026; "
        "phương hướng, nhiệm vụ 3 tháng cuối năm 2026",
        year=2026,
        province="Ninh Bình",
        district="Yên Mô",
        directive_numbers=("286/BC-CAH",),
    )
    passage = Passage("bc.txt#0", "bc.txt", REPORT_HEAD, 0, len(REPORT_HEAD), 0.5, metadata)
    library = OneDocument([passage], REPORT_HEAD)
    answer = ExtractiveAnswerer(library=library).build("BC 286/BC-CAH là báo cáo gì?", [passage])
    assert "Kết quả công tác bảo đảm an ninh, trật tự 9 tháng" in answer.answer, answer.answer
    assert "phương hướng, nhiệm vụ 3 tháng cuối năm 2026" in answer.answer, answer.answer
