"""A rate asked beside the one it replaced, read from a table that gives both (a column for
the new resolution, one for the old) in a part retrieval did not bring (invented
resolution)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

SOURCE = "nq-muc-ho-tro-bao-ve-dan-pho.md"
PARTS = [
    "HĐND tỉnh đã thông qua Nghị quyết quy định mức hỗ trợ đối với Tổ trưởng, Tổ phó và "
    "thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở, thay thế các mức áp dụng từ năm 2027.",
    "Điều 2. Mức hỗ trợ\n\n"
    "| STT | Nội dung | Mức theo Nghị quyết này | Mức theo Nghị quyết số 04/2027/NQ-HĐND |\n"
    "|---|---|---|---|\n"
    "| 1 | Hỗ trợ thường xuyên đối với Tổ trưởng | 910.000 đồng/người/tháng | "
    "650.000 đồng/người/tháng |\n"
    "| 2 | Hỗ trợ thường xuyên đối với Tổ phó | 840.000 đồng/người/tháng | "
    "570.000 đồng/người/tháng |\n"
    "| 3 | Hỗ trợ thường xuyên đối với thành viên | 720.000 đồng/người/tháng | "
    "480.000 đồng/người/tháng |",
    "Điều 4. Hiệu lực thi hành\n\n"
    "Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2031 và thay thế Nghị quyết số "
    "04/2027/NQ-HĐND ngày 10 tháng 7 năm 2027 của Hội đồng nhân dân tỉnh quy định mức hỗ trợ "
    "đối với Tổ bảo vệ an ninh, trật tự ở cơ sở.",
]
META = DocumentMetadata(
    title="Nghị quyết số 15/2030/NQ-HĐND mức hỗ trợ Tổ bảo vệ an ninh, trật tự ở cơ sở",
    year=2030,
    province="Lai Châu",
)


def test_a_rate_beside_the_replaced_one_is_read_from_the_table_retrieval_left() -> None:
    library = document_in_parts(SOURCE, PARTS, META, gap="\n\n")
    retrieved = [library.passages[0], library.passages[2]]  # (not the table)
    answer = ExtractiveAnswerer(library=library).build(
        "Mức hỗ trợ Tổ phó Lai Châu mới so với nghị quyết cũ năm 2027 thay đổi ra sao?",
        retrieved,
    )
    assert "840.000" in answer.answer and "570.000" in answer.answer, answer.answer


def test_a_rate_compared_with_the_former_one_however_it_is_asked() -> None:
    from assistant.extractive.former_rates import split_former

    cases = {
        # asked apart: "..., trước đây bao nhiêu?"
        "Tổ trưởng tổ tự quản giờ được hỗ trợ bao nhiêu, trước đây bao nhiêu?": (
            "Tổ trưởng tổ tự quản giờ được hỗ trợ bao nhiêu?"
        ),
        # both named, then how they differ
        "Mức bồi dưỡng tuần tra đêm theo nghị quyết mới và cũ khác nhau thế nào?": (
            "Mức bồi dưỡng tuần tra đêm?"
        ),
        "muc phu cap to pho cu va moi chenh nhau bao nhieu": "muc phu cap to pho?",
        # before and after the new resolution, named by its number
        "Mức hỗ trợ tổ viên trước và sau NQ 08/2030 khác nhau thế nào?": (
            "Mức hỗ trợ tổ viên theo NQ 08/2030?"
        ),
        # risen from what to what
        "phu cap cuu ho vien tang tu bao nhieu len bao nhieu": "phu cap cuu ho vien?",
        # the comparison put first
        "So với NQ 05/2027, mức bồi dưỡng người tố giác thay đổi thế nào?": (
            "mức bồi dưỡng người tố giác?"
        ),
        "So với nghị quyết cũ thì mức hỗ trợ camera tăng ra sao?": "mức hỗ trợ camera?",
    }
    for question, current in cases.items():
        assert split_former(question) == current, question
    for question in (
        "So với năm 2029, số vụ cháy năm 2030 thay đổi thế nào?",  # years, no rate
        "Số vụ trộm tăng từ bao nhiêu lên bao nhiêu?",  # a count, not a rate
        "Mức hỗ trợ tổ trưởng và tổ phó khác nhau thế nào?",  # nothing former
    ):
        assert split_former(question) is None, question


def test_a_sentence_calling_the_rate_old_but_giving_the_new_one_is_no_former_rate() -> None:
    """ "mức hỗ trợ cũ quá thấp; việc nâng mức lên 45.000 đồng ..." tells the new rate."""
    parts = [
        "Điều 1. Mức hỗ trợ\n\n"
        "| STT | Nội dung | Mức hỗ trợ |\n"
        "|---|---|---|\n"
        "| 1 | Hỗ trợ tiền ăn cho người cai nghiện tự nguyện tại cộng đồng | "
        "45.000 đồng/người/ngày |",
        "Theo Giám đốc Sở Y tế, mức hỗ trợ cũ quá thấp nên nhiều người cai nghiện tự nguyện "
        "tại cộng đồng bỏ dở; việc nâng mức tiền ăn lên 45.000 đồng/người/ngày sẽ khuyến khích "
        "người nghiện tự nguyện cai nghiện. Theo Nghị quyết số 09/2026/NQ-HĐND, mức hỗ trợ "
        "tiền ăn là 30.000 đồng/người/ngày.",
    ]
    library = document_in_parts("nq-cai-nghien.md", parts, META, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "Tiền ăn hỗ trợ người cai nghiện tự nguyện tại cộng đồng ở Lai Châu mới và cũ khác "
        "nhau thế nào?",
        library.passages,
    )
    assert "45.000" in answer.answer and "30.000" in answer.answer, answer.answer
