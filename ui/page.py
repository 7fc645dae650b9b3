"""The chat page mounted at `/` by `create_app`: kept conversations in a sidebar, chat with
sources, filters, feedback, the register, figures and documents.

Gradio and the page's modules are imported inside `build_page`, so importing this module
(as `create_app` does) costs nothing and the core never pulls gradio in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.documents_view import key_ok, keys_required
from ui.html_text import esc

if TYPE_CHECKING:
    from assistant.server_services import Services

TITLE = "Trợ lý tra cứu văn bản"
SUBTITLE = (
    "Chỉ thị, nghị quyết, báo cáo về công an xã và an ninh trật tự ở cơ sở. "
    "Câu trả lời chỉ lấy từ tài liệu đã nạp và luôn ghi rõ nguồn."
)
FILTER_HINT = (
    "Bộ lọc áp dụng cho câu hỏi tiếp theo. Bấm số **[1]** trong câu trả lời để mở toàn văn"
    " tài liệu tại câu được trích (tô vàng); rê chuột lên số để xem nhanh câu đó. Bấm biểu"
    " tượng ngón tay cái dưới câu trả lời để đánh giá."
)
PRIVATE: dict[str, Any] = {"api_visibility": "private"}  # the HTTP API is the public one


def header_html(document_count: int | None) -> str:
    count = "" if document_count is None else f"{document_count} tài liệu trong chỉ mục"
    return (
        f'<div class="pa-header"><div><h1>{TITLE}</h1><p>{esc(SUBTITLE)}</p></div>'
        f'<div class="pa-count" id="pa-count">{count}</div></div>'
    )


def build_page(services: Services) -> Any:
    """The whole page: the sidebar of kept conversations, the header, the chat tab (filters
    folded above it), the register of documents, the figures, and the documents tab."""
    import gradio as gr

    from ui import (
        chat,
        conversations,
        documents_tab,
        feedback,
        figures_tab,
        filters,
        register_tab,
    )
    from ui.page_script import page_js
    from ui.styles import head_html

    secret = conversations.page_secret(services.index.data.root)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as page:
        with gr.Sidebar(label="Cuộc trò chuyện", elem_id="pa-sidebar"):
            side = conversations.build_sidebar(secret)
        script = page_js(services.settings.documents.max_upload_mb)
        header = gr.HTML(header_html(None), head=head_html(), js_on_load=script)
        # When reading needs a key too, one key field above the tabs serves both.
        box = documents_tab.build_key_box() if keys_required(services.settings, "read") else None
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                with gr.Accordion("Bộ lọc tìm kiếm", open=False, elem_id="pa-filters"):
                    picks = filters.build_filters()
                    gr.Markdown(FILTER_HINT, elem_classes="pa-hint")
                talk = chat.build_chat()
                retry = gr.Button("Hỏi lại câu cuối", size="sm", elem_id="pa-retry")
                rating = feedback.build_feedback()
            with gr.Tab("Văn bản", id="register") as register_page:
                register_tab.build_register_tab(services, register_page, box.key if box else None)
            with gr.Tab("Số liệu", id="figures") as figures_page:
                figures_tab.build_figures_tab(services, figures_page, box.key if box else None)
            with gr.Tab("Tài liệu", id="documents") as documents_page:
                docs = documents_tab.build_documents_tab(services, box)
        read_key = [box.key] if box else []
        _wire_chat(services, talk, rating, picks, side, retry, read_key)
        _wire_sidebar(services, page, talk, rating, side, read_key)
        _wire_overview(services, header, picks, docs, documents_page, page, read_key)
    return page


def _wire_chat(
    services: Services, talk: Any, rating: Any, picks: Any, side: Any, retry: Any,
    read_key: list[Any],
) -> None:  # fmt: skip
    import gradio as gr

    from ui import chat, conversations, feedback, filters

    handlers = feedback.make_handlers(services.feedback)
    saver = conversations.make_handlers(services, services.conversations)
    flush_in = [rating.pending, talk.answers, rating.comment]
    flush_out = [rating.pending, rating.panel, rating.comment, rating.status]
    ask_in = [talk.question, *talk.conversation, *picks.inputs, *read_key]
    ask_out = [talk.question, talk.chatbot, *talk.conversation]
    save_in = [side.browser_id, side.current, talk.messages, talk.answers, *read_key]
    save_out = [side.current, side.listing, side.title]

    def added() -> dict[str, str]:
        return {record.source: record.indexed_at for record in services.documents()}

    respond = chat.make_respond(services, added)
    # A comment typed for the last rating is stored before the chat moves on; each answer
    # is then kept with its conversation.
    # The flush is a short write: straight through, not behind the queue (saves a round
    # trip before every answer).
    asked = gr.on([talk.question.submit, talk.send.click], handlers.flush, flush_in, flush_out,
                  queue=False, **PRIVATE)  # fmt: skip
    asked.then(respond, ask_in, ask_out, concurrency_limit=2, **PRIVATE).then(
        saver.save, save_in, save_out, **PRIVATE
    )
    picked = talk.chatbot.example_select(chat.pick_example, None, talk.question, **PRIVATE)
    picked.then(handlers.flush, flush_in, flush_out, **PRIVATE).then(
        respond, ask_in, ask_out, concurrency_limit=2, **PRIVATE
    ).then(saver.save, save_in, save_out, **PRIVATE)
    # "Hỏi lại": the last question is asked again and its answer replaced.
    retried = retry.click(handlers.flush, flush_in, flush_out, **PRIVATE).then(
        chat.take_back_last, talk.conversation, [talk.question, talk.chatbot, *talk.conversation],
        **PRIVATE,
    )  # fmt: skip
    retried.then(respond, ask_in, ask_out, concurrency_limit=2, **PRIVATE).then(
        saver.save, save_in, save_out, **PRIVATE
    )
    like_out = [rating.pending, rating.panel, rating.prompt, rating.comment, rating.status]
    talk.chatbot.like(handlers.on_like, flush_in[:2], like_out, **PRIVATE)
    rating.send.click(handlers.submit, flush_in, flush_out, **PRIVATE)
    rating.skip.click(handlers.skip, flush_in[:2], flush_out, **PRIVATE)
    picks.clear.click(filters.cleared, None, picks.inputs, **PRIVATE)


def _wire_sidebar(
    services: Services, page: Any, talk: Any, rating: Any, side: Any, read_key: list[Any]
) -> None:
    """The sidebar: the browser's kept conversations, opened, started, renamed, deleted."""
    import gradio as gr

    from ui import conversations, feedback
    from ui.page_script import EXPORT_JS

    handlers = feedback.make_handlers(services.feedback)
    sidebar = conversations.make_handlers(services, services.conversations)
    flush_in = [rating.pending, talk.answers, rating.comment]
    flush_out = [rating.pending, rating.panel, rating.comment, rating.status]
    chat_out = [talk.chatbot, *talk.conversation, side.current, side.title]
    owner_in = [side.browser_id, *read_key]
    page.load(sidebar.start, owner_in, [side.browser_id, side.listing], **PRIVATE)
    if read_key:  # the list is the key's too: shown once a valid key is typed
        gr.on([read_key[0].submit, read_key[0].blur], sidebar.switch,
              [side.browser_id, side.current, *read_key], [*chat_out, side.listing],
              **PRIVATE)  # fmt: skip
    side.listing.input(handlers.flush, flush_in, flush_out, **PRIVATE).then(
        sidebar.open, [side.listing, *owner_in], chat_out, **PRIVATE
    )
    gr.on([side.new.click, talk.chatbot.clear], handlers.flush, flush_in, flush_out,
          **PRIVATE).then(sidebar.delete, [gr.State(None), *owner_in],
                          [*chat_out, side.listing], **PRIVATE)  # fmt: skip
    side.rename.click(sidebar.rename, [side.title, side.current, *owner_in], side.listing,
                      **PRIVATE)  # fmt: skip
    side.title.submit(sidebar.rename, [side.title, side.current, *owner_in], side.listing,
                      **PRIVATE)  # fmt: skip
    side.delete.click(handlers.flush, flush_in, flush_out, **PRIVATE).then(
        sidebar.delete, [side.current, *owner_in], [*chat_out, side.listing], **PRIVATE
    )
    side.export.click(None, None, None, js=EXPORT_JS)


def _wire_overview(
    services: Services, header: Any, picks: Any, docs: Any, documents_page: Any, page: Any,
    read_key: list[Any],
) -> None:  # fmt: skip
    """Keep the document count, filter choices and document list in step with the index."""
    from ui import filters

    def refresh_overview(*values: str | None) -> list[Any]:
        import gradio as gr

        picked, key = values[:4], (values[4] if len(values) > 4 else None)
        if not key_ok(services.settings, key, "read"):
            return [gr.skip()] * 5  # document names are reads too
        documents = services.documents()
        return [header_html(len(documents)), *filters.choice_updates(documents, picked)]

    overview_in, overview_out = [*picks.inputs, *read_key], [header, *picks.inputs]
    page.load(refresh_overview, overview_in, overview_out, **PRIVATE)
    for event in docs.changes:
        event.then(refresh_overview, overview_in, overview_out, **PRIVATE)
    page.load(docs.refresh, [docs.key], docs.listing, **PRIVATE)
    documents_page.select(docs.refresh, [docs.key], docs.listing, **PRIVATE)
