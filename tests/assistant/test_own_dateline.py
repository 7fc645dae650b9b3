"""When a document was issued, asked by its own number, is read from its own header (its
dateline), not from the caption of its appendix naming it with a date; a count asked of a
report's period asks the figure, not the period (invented plan and report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import OneDocument

TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nSố: 17/KH-UBND\n\nLai Châu, ngày 12 tháng 3 năm 2031\n\n"
    "KẾ HOẠCH\n\nPhòng ngừa thanh, thiếu niên tụ tập đua xe trái phép năm 2031\n\n"
    "Xét đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 402/TTr-CAT ngày 05/3/2031, Ủy "
    "ban nhân dân tỉnh ban hành Kế hoạch phòng ngừa thanh, thiếu niên tụ tập đua xe như sau:"
    "\n\n1. Công an tỉnh chủ trì tuần tra ban đêm tại các tuyến trọng điểm.\n\n"
    "PHỤ LỤC\n\n(Kèm theo Kế hoạch số 17/KH-UBND ngày 12/3/2031 của UBND tỉnh Lai Châu)\n\n"
    "Danh sách tuyến tuần tra trọng điểm."
)
PLAN = Passage(
    "kh.md#0",
    "kh.md",
    TEXT,
    0,
    len(TEXT),
    0.5,
    DocumentMetadata(
        title="Kế hoạch số 17/KH-UBND phòng ngừa thanh, thiếu niên đua xe trái phép năm 2031",
        province="Lai Châu",
        year=2031,
        kind="kế hoạch",
        directive_numbers=("17/KH-UBND",),
        issued_on="2031-03-12",
    ),
)


def test_a_document_s_own_issue_date_is_its_dateline() -> None:
    library = OneDocument([PLAN], TEXT)
    for question in ("KH 17/KH-UBND ban hành ngày nào?", "ke hoach 17/KH-UBND ban hanh ngay nao"):
        answer = ExtractiveAnswerer(library=library).build(question, [PLAN])
        # (the day as dates are typed first, as the document writes it in its appendix)
        assert answer.answer.startswith("12/3/2031. Lai Châu, ngày 12 tháng 3 năm 2031")


def test_a_count_of_a_report_s_period_asks_the_figure_not_the_period() -> None:
    """ "Kỳ báo cáo năm 2031 ... bao nhiêu người": the period names the figure's time."""
    text = (
        "CÔNG AN TỈNH LAI CHÂU\n\nSố: 88/BC-CAT\n\nLai Châu, ngày 05 tháng 10 năm 2031\n\n"
        "BÁO CÁO\n\nKết quả tái hòa nhập cộng đồng năm 2031 (Kỳ báo cáo từ ngày 01/10/2030 "
        "đến ngày 30/9/2031)\n\n"
        "Trong kỳ báo cáo năm 2031, toàn tỉnh tiếp nhận 142 người chấp hành xong án phạt tù "
        "trở về địa phương, tăng 11 người so với cùng kỳ."
    )
    report = Passage(
        "bc.md#0",
        "bc.md",
        text,
        0,
        len(text),
        0.5,
        DocumentMetadata(
            title="Kết quả tái hòa nhập cộng đồng năm 2031",
            province="Lai Châu",
            year=2031,
            kind="báo cáo",
            directive_numbers=("88/BC-CAT",),
        ),
    )
    answer = ExtractiveAnswerer().build(
        "Kỳ báo cáo năm 2031 Lai Châu tiếp nhận bao nhiêu người chấp hành xong án phạt tù trở "
        "về địa phương?",
        [report],
    )
    assert "142 người" in answer.answer, answer.answer
