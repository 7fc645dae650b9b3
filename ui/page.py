"""The chat page mounted at `/` by `create_app`: chat with sources, filters, feedback, documents.

Gradio and the page's modules are imported inside `build_page`, so importing this module
(as `create_app` does) costs nothing and the core never pulls gradio in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.documents_view import key_ok, keys_required
from ui.sources import esc

if TYPE_CHECKING:
    from assistant.server_services import Services

TITLE = "Trợ lý tra cứu văn bản"
SUBTITLE = (
    "Chỉ thị, nghị quyết, báo cáo về công an xã và an ninh trật tự ở cơ sở. "
    "Câu trả lời chỉ lấy từ tài liệu đã nạp và luôn ghi rõ nguồn."
)
FILTER_HINT = (
    "Bộ lọc áp dụng cho câu hỏi tiếp theo. Bấm số **[1]** trong câu trả lời để xem đoạn văn bản"
    " được trích; câu được trích tô vàng. Bấm biểu tượng ngón tay cái dưới câu trả lời để"
    " đánh giá."
)
PRIVATE: dict[str, Any] = {"api_visibility": "private"}  # the HTTP API is the public one


def header_html(document_count: int | None) -> str:
    count = "" if document_count is None else f"{document_count} tài liệu trong chỉ mục"
    return (
        f'<div class="pa-header"><div><h1>{TITLE}</h1><p>{esc(SUBTITLE)}</p></div>'
        f'<div class="pa-count" id="pa-count">{count}</div></div>'
    )


def build_page(services: Services) -> Any:
    """The whole page: header, the chat tab (with filters beside it), the register of
    documents, the figures, and the documents tab."""
    import gradio as gr

    from ui import chat, documents_tab, feedback, figures_tab, filters, register_tab
    from ui.styles import PAGE_JS, head_html

    with gr.Blocks(title=TITLE, analytics_enabled=False) as page:
        header = gr.HTML(header_html(None), head=head_html(), js_on_load=PAGE_JS)
        # When reading needs a key too, one key field above the tabs serves both.
        box = documents_tab.build_key_box() if keys_required(services.settings, "read") else None
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=4, min_width=480):
                    talk = chat.build_chat()
                    rating = feedback.build_feedback()
                with gr.Column(scale=1, min_width=250):
                    new_chat = gr.Button("Cuộc trò chuyện mới", variant="secondary")
                    picks = filters.build_filters()
                    gr.Markdown(FILTER_HINT, elem_classes="pa-hint")
            with gr.Tab("Văn bản", id="register") as register_page:
                register_tab.build_register_tab(services, register_page, box.key if box else None)
            with gr.Tab("Số liệu", id="figures") as figures_page:
                figures_tab.build_figures_tab(services, figures_page, box.key if box else None)
            with gr.Tab("Tài liệu", id="documents") as documents_page:
                docs = documents_tab.build_documents_tab(services, box)
        read_key = [box.key] if box else []
        _wire_chat(services, talk, rating, picks, new_chat, read_key)
        _wire_overview(services, header, picks, docs, documents_page, page, read_key)
    return page


def _wire_chat(
    services: Services, talk: Any, rating: Any, picks: Any, new_chat: Any, read_key: list[Any]
) -> None:
    import gradio as gr

    from ui import chat, feedback, filters

    handlers = feedback.make_handlers(services.feedback)
    flush_in = [rating.pending, talk.answers]
    flush_out = [rating.pending, rating.panel, rating.comment, rating.status]
    ask_in = [talk.question, *talk.conversation, *picks.inputs, *read_key]
    ask_out = [talk.question, talk.chatbot, *talk.conversation]
    respond = chat.make_respond(services)
    # A rating still waiting for its comment is stored before the chat moves on.
    gr.on([talk.question.submit, talk.send.click], handlers.flush, flush_in, flush_out,
          **PRIVATE).then(respond, ask_in, ask_out, concurrency_limit=2, **PRIVATE)  # fmt: skip
    talk.chatbot.example_select(chat.pick_example, None, talk.question, **PRIVATE).then(
        handlers.flush, flush_in, flush_out, **PRIVATE
    ).then(respond, ask_in, ask_out, concurrency_limit=2, **PRIVATE)
    # The chat's own clear (bin) icon starts over too, so the states never outlive the view.
    gr.on([new_chat.click, talk.chatbot.clear], handlers.flush, flush_in, flush_out,
          **PRIVATE).then(chat.new_conversation, None, ask_out, **PRIVATE)  # fmt: skip
    like_out = [rating.pending, rating.panel, rating.prompt, rating.comment, rating.status]
    talk.chatbot.like(handlers.on_like, flush_in, like_out, **PRIVATE)
    rating.send.click(handlers.submit, [*flush_in, rating.comment], flush_out, **PRIVATE)
    rating.skip.click(handlers.skip, flush_in, flush_out, **PRIVATE)
    picks.clear.click(filters.cleared, None, picks.inputs, **PRIVATE)


def _wire_overview(
    services: Services, header: Any, picks: Any, docs: Any, documents_page: Any, page: Any,
    read_key: list[Any],
) -> None:  # fmt: skip
    """Keep the document count, filter choices and document list in step with the index."""
    import gradio as gr

    from ui import filters

    def refresh_overview(*values: str | None) -> list[Any]:
        picked, key = values[:4], (values[4] if len(values) > 4 else None)
        if not key_ok(services.settings, key, "read"):
            return [gr.skip()] * 5  # document names are reads too
        documents = services.documents()
        return [header_html(len(documents)), *filters.choice_updates(documents, picked)]

    overview_in, overview_out = [*picks.inputs, *read_key], [header, *picks.inputs]
    page.load(refresh_overview, overview_in, overview_out, **PRIVATE)
    for event in docs.changes:
        event.then(refresh_overview, overview_in, overview_out, **PRIVATE)
    page.load(docs.refresh, [docs.key], [docs.table, docs.picker], **PRIVATE)
    documents_page.select(docs.refresh, [docs.key], [docs.table, docs.picker], **PRIVATE)
