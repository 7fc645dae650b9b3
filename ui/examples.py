"""Questions an officer can start from, shown in the empty chat.

They are about the topics the documents cover (forces at commune level, mass movements for
security, regular commune police), phrased the way officers ask.
"""

from __future__ import annotations

EXAMPLE_QUESTIONS = (
    "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?",
    "Công an xã chính quy ở Sóc Trăng tổ chức trực ban như thế nào?",
    "Tuyên Hóa có bao nhiêu mô hình phong trào toàn dân bảo vệ ANTQ hoạt động hiệu quả?",
    "HĐND tỉnh Hà Tĩnh được yêu cầu làm gì để đảm bảo cơ sở vật chất cho công an xã?",
)

PLACEHOLDER = (
    "**Hỏi về chỉ thị, nghị quyết, báo cáo công tác bảo đảm an ninh trật tự ở cơ sở.**\n\n"
    "Mỗi câu trả lời đều dẫn nguồn: tên văn bản, ngày, địa bàn và câu được trích (tô vàng). "
    "Có thể hỏi tiếp, ví dụ *“Còn huyện Điện Biên Đông thì sao?”*. Chọn một câu hỏi mẫu để bắt đầu:"
)
