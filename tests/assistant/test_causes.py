"""A cause asked ("Nguyên nhân nào khiến X vẫn phức tạp?") is answered by the clause giving
the cause, or by the items a lead-in announces as the causes, not by the sentences telling
the situation that repeat the question's words (invented directive)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata

DIRECTIVE = (
    "CHỈ THỊ về tăng cường lãnh đạo công tác phòng, chống khai thác cát trái phép trên sông "
    "Lam\n\n"
    "Những năm qua, tình trạng khai thác cát trái phép trên sông Lam đã được kiềm chế. Tuy "
    "nhiên, tình trạng khai thác cát trái phép trên sông Lam vẫn diễn biến phức tạp, nhất là "
    "ban đêm. Người đứng đầu cấp ủy, chính quyền xã để tình trạng khai thác cát trái phép "
    "diễn biến phức tạp kéo dài phải kiểm điểm trách nhiệm. Năm 2026, toàn tỉnh phát hiện 64 "
    "vụ khai thác cát trái phép, tăng 9 vụ so với năm 2025. Tình trạng khai thác cát trái "
    "phép ở các xã ven sông Lam của tỉnh Nghệ An còn phức tạp. Tình trạng khai thác cát trái "
    "phép gây sạt lở bờ sông ở nhiều nơi của tỉnh Nghệ An. Ban Thường vụ Tỉnh ủy Nghệ An yêu "
    "cầu xử lý nghiêm tình trạng khai thác cát trái phép phức tạp kéo dài. Tình trạng khai "
    "thác cát trái phép trên sông Lam, tỉnh Nghệ An vẫn phức tạp vào mùa khô.\n\n"
    "Nguyên nhân của tình hình trên chủ yếu là: giá cát xây dựng tăng cao, lợi nhuận lớn, "
    "nhiều công trình trong tỉnh thiếu vật liệu san lấp; các đối tượng dùng tàu hút công suất "
    "lớn, thay đổi thời gian, địa điểm hoạt động liên tục để đối phó lực lượng chức năng; một "
    "số chính quyền cơ sở chưa quyết liệt, còn coi đây là việc của lực lượng Công an.\n\n"
    "1. Các cấp ủy, chính quyền xác định đây là nhiệm vụ trọng tâm."
)


def test_the_causes_a_lead_in_announces_answer_a_cause_asked() -> None:
    metadata = DocumentMetadata(title="Chỉ thị về khai thác cát", year=2026, province="Nghệ An")
    passage = Passage("ct.txt#0", "ct.txt", DIRECTIVE, 0, len(DIRECTIVE), 0.5, metadata)
    answer = ExtractiveAnswerer().build(
        "Nguyên nhân nào khiến tình trạng khai thác cát trái phép ở Nghệ An vẫn phức tạp?",
        [passage],
    )
    assert "giá cát xây dựng tăng cao" in answer.answer.split("[1]")[0], answer.answer
