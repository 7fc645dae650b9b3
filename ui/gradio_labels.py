"""Gradio's own words on the page (its buttons, menus, upload box, toasts) in Vietnamese.

Gradio translates its built-in labels by the browser's language, but it has no Vietnamese:
a Vietnamese browser falls back to English. The page's translations therefore go under
"en" (the fallback every language without its own Gradio translation ends up in) and under
"vi" (for a Gradio that adds one). The keys are Gradio's (its frontend's `lang/en.json`),
flattened with dots, which is the form `gr.I18n` merges over the built-in ones.

A few labels Gradio writes without translating them (the chat log's, the table's and the
chart's names for screen readers) are replaced by the page script (`ui.page_script`).
"""

from __future__ import annotations

from typing import Any

LABELS: dict[str, str] = {
    # Shared words: toasts ("Lỗi"), the loading screen, the settings panel.
    "common.built_with": "xây dựng bằng",
    "common.built_with_gradio": "Xây dựng bằng Gradio",
    "common.clear": "Xóa",
    "common.download": "Tải về",
    "common.download_all": "Tải về tất cả",
    "common.edit": "Sửa",
    "common.empty": "Trống",
    "common.error": "Lỗi",
    "common.hosted_on": "Chạy trên",
    "common.loading": "Đang tải",
    "common.logo": "biểu trưng",
    "common.or": "hoặc",
    "common.remove": "Bỏ",
    "common.settings": "Cài đặt",
    "common.share": "Chia sẻ",
    "common.submit": "Gửi",
    "common.undo": "Hoàn tác",
    "common.language": "Ngôn ngữ",
    "common.display_theme": "Giao diện",
    "common.progress": "Tiến độ",
    "common.run": "Chạy",
    "common.complete": "Xong",  # the tables' filter button (a key Gradio's English lacks)
    "common.runs": "Các lần chạy",
    "common.runs_description": "Các lần chạy lưu trong trình duyệt này",
    "common.back_to_app": "Trang chính",
    "common.back_to_app_description": "Quay lại trang chính",
    # The chat: the rating thumbs under each answer, and the button that empties the chat
    # (a new conversation begins; the kept one stays in the list).
    "chatbot.like": "Câu trả lời tốt",
    "chatbot.dislike": "Câu trả lời chưa tốt",
    "chatbot.clear": "Làm trống khung hỏi đáp",
    "chatbot.copy_message": "Sao chép tin nhắn",
    "chatbot.copied_message": "Đã sao chép tin nhắn",
    "chatbot.retry": "Hỏi lại",
    "chatbot.undo": "Hoàn tác",
    "chatbot.edit": "Sửa",
    "chatbot.submit": "Gửi",
    "chatbot.cancel": "Hủy",
    "chatbot.complete": "Xong",
    "chat_interface.chatbot": "Hỏi đáp",
    "chat_interface.conversation": "Cuộc trò chuyện",
    "chat_interface.new_chat": "Cuộc trò chuyện mới",
    "chat_interface.message_placeholder": "Nhập câu hỏi...",
    # The register's and figures' tables (read-only: sorting and filtering menus).
    "dataframe.sort_column": "Sắp xếp cột",
    "dataframe.sort_ascending": "Sắp xếp tăng dần",
    "dataframe.sort_descending": "Sắp xếp giảm dần",
    "dataframe.clear_sort": "Bỏ sắp xếp",
    "dataframe.filter": "Lọc",
    "dataframe.clear_filter": "Bỏ lọc",
    "dataframe.new_column": "Thêm cột",
    "dataframe.new_row": "Thêm dòng",
    "dataframe.add_row_above": "Thêm dòng phía trên",
    "dataframe.add_row_below": "Thêm dòng phía dưới",
    "dataframe.delete_row": "Xóa dòng",
    "dataframe.delete_column": "Xóa cột",
    "dataframe.add_column_left": "Thêm cột bên trái",
    "dataframe.add_column_right": "Thêm cột bên phải",
    "dataframe.drop_to_upload": "Thả tệp CSV hoặc TSV vào đây để nhập dữ liệu",
    "dataframe.incorrect_format": "Sai định dạng: chỉ nhận tệp CSV và TSV",
    # Upload: the Documents tab's button and any drop zone.
    "file.uploading": "Đang tải lên...",
    "upload_text.click_to_upload": "Bấm để tải lên",
    "upload_text.drop_file": "Thả tệp vào đây",
    "upload_text.drop_csv": "Thả tệp CSV vào đây",
    "upload_text.drop_image": "Thả ảnh vào đây",
    "upload_text.paste_clipboard": "Dán từ bộ nhớ tạm",
    # The queue and the connection.
    "status.queue_position": "Đang chờ: thứ {position}/{size}",
    "blocks.lost_connection": "Mất kết nối vì đã rời trang. Đang kết nối lại...",
    "blocks.waiting_for_inputs": "Đang chờ tải tệp lên xong, đồng chí thử lại sau giây lát.",
    "blocks.connection_can_break": (
        "Trên điện thoại, kết nối có thể ngắt khi chuyển sang thẻ khác hoặc máy tắt màn hình."
    ),
    "blocks.long_requests_queue": "Đang có nhiều yêu cầu chờ xử lý, đồng chí vui lòng đợi.",
    # Error pages and the (hidden) footer's API link.
    "errors.use_via_api": "Dùng qua API",
    "errors.use_via_api_or_mcp": "Dùng qua API hoặc MCP",
    "errors.contact_page_author": "Đồng chí vui lòng báo cho quản trị viên.",
    "errors.runtime_error": "có lỗi khi chạy",
    "errors.config_error": "có lỗi cấu hình",
    "errors.build_error": "có lỗi khi dựng trang",
    # Components' default names (read by screen readers when a control has no label).
    "dropdown.dropdown": "Danh sách chọn",
    "radio.radio": "Lựa chọn",
    "checkbox.checkbox": "Ô đánh dấu",
    "plot.plot": "Biểu đồ",
}


def gradio_i18n() -> Any:
    """The `gr.I18n` to mount the page with: Gradio's labels in Vietnamese."""
    import gradio as gr

    return gr.I18n(en=LABELS, vi=LABELS)
