"""A report filing its shortcomings and their causes under one heading ("III. TỒN TẠI, HẠN
CHẾ VÀ NGUYÊN NHÂN") with no item of its own for the causes: asked the causes of those
shortcomings, its items answer (invented report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from tests.assistant.one_document import invented_passage

REPORT = invented_passage(
    "II. KẾT QUẢ\n\n"
    "Năm 2031, phát hiện 42 vụ buôn lậu qua biên giới, tăng 06 vụ so với năm 2030.\n\n"
    "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n\n"
    "- Số vụ buôn lậu còn tăng; hàng lậu chủ yếu đi qua đường mòn, khó phát hiện.\n"
    "- Lực lượng tuần tra mỏng, cả huyện chỉ có 02 xe chuyên dùng.\n"
    "- Một bộ phận người dân còn tiếp tay, nhận vận chuyển thuê.\n\n"
    "IV. PHƯƠNG HƯỚNG NĂM 2032\n\n"
    "1. Mở đợt cao điểm chống buôn lậu dịp Tết.",
    title="Báo cáo kết quả chống buôn lậu năm 2031 huyện Mường Lát",
    province="Thanh Hóa",
    district="Mường Lát",
    year=2031,
)


def test_the_causes_of_shortcomings_are_the_items_filed_with_them() -> None:
    answer = ExtractiveAnswerer().build(
        "nguyen nhan han che trong chong buon lau o Muong Lat", [REPORT]
    )
    assert "02 xe chuyên dùng" in answer.answer and "tiếp tay" in answer.answer, answer.answer
    assert "Mở đợt cao điểm" not in answer.answer  # the part after, no cause
