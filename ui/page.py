"""The chat page mounted at `/` by `create_app`: kept conversations in a sidebar, chat with
sources, filters, feedback, the register, figures and documents.

Gradio and the page's modules are imported inside `build_page`, so importing this module
(as `create_app` does) costs nothing and the core never pulls gradio in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from ui.documents_view import keys_required
from ui.opening import TITLE, Overview, header_html

if TYPE_CHECKING:
    from assistant.server_services import Services
    from ui.page_html import Values

FILTER_HINT = (
    "Bộ lọc áp dụng cho câu hỏi tiếp theo. Bấm số **[1]** trong câu trả lời để mở toàn văn"
    " tài liệu tại câu được trích (tô vàng); rê chuột lên số để xem nhanh câu đó. Bấm biểu"
    " tượng ngón tay cái dưới câu trả lời để đánh giá."
)
PRIVATE: dict[str, Any] = {"api_visibility": "private"}  # the HTTP API is the public one


@dataclass(frozen=True)
class Page:
    """The page's blocks, and the props each visitor's page opens with (None when reading
    needs a key: then the page asks for them once drawn)."""

    blocks: Any  # gr.Blocks
    opening: Values | None


def page_options(services: Services, page: Page) -> dict[str, Any]:
    """What `gr.mount_gradio_app` mounts the page with: the page's stylesheet (the tables'
    phone widths too) and script for its <head>, the theme on system fonts, Gradio's own
    labels in Vietnamese, the middleware giving each browser the id its conversations are
    kept under, and the one sending the page's HTML compressed, with what it opens with
    and its first view's files named up front (`ui.page_html`)."""
    from starlette.middleware import Middleware

    from ui import figures_tab, register_tab
    from ui.browser_cookie import BrowserCookie
    from ui.conversations import page_secret
    from ui.first_view import first_view_files
    from ui.gradio_labels import gradio_i18n
    from ui.page_html import PageHtml
    from ui.page_script import page_js
    from ui.styles import head_html, theme

    def files() -> list[str]:  # asked at the first page, once the page's config is made
        return first_view_files({c["type"] for c in page.blocks.config["components"]})

    script = page_js(services.settings.documents.max_upload_mb)
    tables = f"<style>{register_tab.PHONE_CSS}{figures_tab.PHONE_CSS}</style>"
    cookie = Middleware(BrowserCookie, secret=page_secret(services.index.data.root))
    html = Middleware(PageHtml, files=files, values=page.opening)
    return {"head": f"{head_html()}{tables}<script>{script}</script>", "theme": theme(),
            "i18n": gradio_i18n(), "app_kwargs": {"middleware": [cookie, html]}}  # fmt: skip


def build_page(services: Services) -> Page:
    """The whole page: the sidebar of kept conversations, the header, the chat tab (filters
    folded above it), the register of documents, the figures (both built when first
    opened), and the documents tab."""
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

    with gr.Blocks(title=TITLE, analytics_enabled=False) as page:
        with gr.Sidebar(label="Cuộc trò chuyện", elem_id="pa-sidebar"):
            side = conversations.build_sidebar()
        header = gr.Markdown(header_html(None), elem_id="pa-header-box")
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
            key = box.key if box else None
            with gr.Tab("Văn bản", id="register") as register_page:
                _when_opened(register_page, key, partial(
                    register_tab.build_register_tab, services, register_page, key))  # fmt: skip
            with gr.Tab("Số liệu", id="figures") as figures_page:
                _when_opened(figures_page, key, partial(
                    figures_tab.build_figures_tab, services, figures_page, key))  # fmt: skip
            with gr.Tab("Tài liệu", id="documents") as documents_page:
                overview = Overview(services, header, picks, [box.key] if box else [])
                _when_opened(documents_page, key, partial(
                    _documents, services, box, documents_page, overview))  # fmt: skip
        read_key = [box.key] if box else []
        _wire_chat(services, talk, rating, picks, side, retry, read_key)
        _wire_sidebar(services, page, talk, rating, side, read_key)
        opening = _wire_opening(services, page, side, overview)
    return Page(page, opening)


def _when_opened(tab: Any, key: Any, build: Callable[[str | None], None]) -> None:
    """Build a tab's content the first time it is opened, not with the page.

    Gradio fetches the code of every kind of component on the page before it shows any:
    the tables and the chart of these tabs would delay the chat. `build` gets the key typed
    (None when the page has no key field)."""
    import gradio as gr

    opened = gr.State(False)
    # Through the queue: a change made outside it would not reach the render.
    tab.select(lambda: True, None, opened, **PRIVATE)

    @gr.render(inputs=[opened, *([key] if key is not None else [])], triggers=[opened.change])
    def content(is_open: bool, typed_key: str | None = None) -> None:
        if is_open:
            build(typed_key)


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
    save_in = [side.current, talk.messages, talk.answers, *read_key]
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
    if read_key:  # the list is the key's too: shown once a valid key is typed
        gr.on([read_key[0].submit, read_key[0].blur], sidebar.switch,
              [side.current, *read_key], [*chat_out, side.listing],
              **PRIVATE)  # fmt: skip
    side.listing.input(handlers.flush, flush_in, flush_out, **PRIVATE).then(
        sidebar.open, [side.listing, *read_key], chat_out, **PRIVATE
    )
    gr.on([side.new.click, talk.chatbot.clear], handlers.flush, flush_in, flush_out,
          **PRIVATE).then(sidebar.delete, [gr.State(None), *read_key],
                          [*chat_out, side.listing], **PRIVATE)  # fmt: skip
    side.rename.click(sidebar.rename, [side.title, side.current, *read_key], side.listing,
                      **PRIVATE)  # fmt: skip
    side.title.submit(sidebar.rename, [side.title, side.current, *read_key], side.listing,
                      **PRIVATE)  # fmt: skip
    side.delete.click(handlers.flush, flush_in, flush_out, **PRIVATE).then(
        sidebar.delete, [side.current, *read_key], [*chat_out, side.listing], **PRIVATE
    )
    side.export.click(None, None, None, js=EXPORT_JS)


def _documents(
    services: Services, box: Any, tab: Any, overview: Overview, typed_key: str | None
) -> None:
    """The Documents tab (built when first opened): after each change to the documents the
    count and the filters follow; the list is read again each time the tab is opened."""
    from ui import documents_tab

    docs = documents_tab.build_documents_tab(services, box, typed_key)
    for event in docs.changes:
        event.then(overview.refresh, overview.inputs, overview.outputs, **PRIVATE)
    tab.select(docs.refresh, [docs.key], docs.listing, **PRIVATE)


def _wire_opening(services: Services, page: Any, side: Any, overview: Overview) -> Values | None:
    """What the page opens with (see `ui.opening`): the header with the count is set in each
    visitor's HTML when reading needs no key; one request once the page is drawn fills the
    sidebar and the filters' choices (and the count, when reading needs a key, with the key
    the browser kept)."""
    import gradio as gr

    from ui import conversations

    start = conversations.make_handlers(services, services.conversations).start
    in_html = not overview.read_key
    filled = overview.outputs[1:] if in_html else overview.outputs

    def opened(request: Any, *values: str | None) -> list[Any]:
        key = values[4] if len(values) > 4 else None
        refreshed = overview.refresh(*values)
        return [start(request, key), *(refreshed[1:] if in_html else refreshed)]

    opened.__annotations__["request"] = gr.Request  # resolved here: gradio is imported late

    # Straight through rather than behind the queue: the first thing the officer waits for.
    page.load(opened, overview.inputs, [side.listing, *filled], queue=False, **PRIVATE)
    return overview.opening_values if in_html else None
