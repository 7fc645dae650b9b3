"""Kept conversations in the page's sidebar: list, open, new, rename, delete, export.

A conversation belongs to the browser: a random id in a cookie the server sets with the
page (`ui.browser_cookie`, signed with a secret kept in the data folder so it still reads
after a restart), joined with the key's id when reading needs a key. Each conversation is
saved whole after each answer (`assistant.conversation_store`).
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.audit import key_id
from assistant.conversation_store import Conversation, ConversationStore, title_of
from ui.browser_cookie import browser_id
from ui.documents_view import key_ok, keys_required
from ui.times import added_text

if TYPE_CHECKING:
    import gradio as gr

    from assistant.server_services import Services

NEW_TITLE = "Cuộc trò chuyện mới"
Messages = list[dict[str, str]]
Answers = list[dict[str, Any] | None]


def page_secret(data_root: Path) -> str:
    """The secret the browser's id is signed with, made once per data folder."""
    path = data_root / "page_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def owner_of(services: Services, browser_id: str | None, key: str | None) -> str | None:
    """Whose conversations these are; None when there is no browser id or no valid key."""
    if not browser_id:
        return None
    settings = services.settings
    if not keys_required(settings, "read"):
        return browser_id
    return f"{browser_id}|{key_id(key.strip())}" if key and key_ok(settings, key, "read") else None


def question_of(message_html: str) -> str:
    """The question a user message shows (`ui.messages.user_message`), as typed."""
    text = re.sub(r"<br\s*/?>", "\n", message_html)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def choice_label(title: str, updated_at: str) -> str:
    when = added_text(updated_at)
    return f"{title} · {when[:10]}" if when else title


@dataclass
class SidebarControls:
    current: gr.State  # the open conversation's id, None before its first answer
    listing: gr.Radio
    title: gr.Textbox
    new: gr.Button
    rename: gr.Button
    delete: gr.Button
    export: gr.Button


def build_sidebar() -> SidebarControls:
    """The sidebar's controls, rendered where called (inside a gr.Sidebar)."""
    import gradio as gr

    new = gr.Button(NEW_TITLE, variant="primary", elem_id="pa-new-chat")
    listing = gr.Radio([], label="Cuộc trò chuyện đã lưu", elem_id="pa-convs")
    title = gr.Textbox(label="Tên cuộc trò chuyện", elem_id="pa-conv-title", max_length=80)
    with gr.Row():
        rename = gr.Button("Đổi tên", size="sm", min_width=80)
        delete = gr.Button("Xóa", size="sm", variant="stop", min_width=60)
    export = gr.Button("Tải về (Markdown)", size="sm", elem_id="pa-export")
    return SidebarControls(gr.State(None), listing, title, new, rename, delete, export)


@dataclass(frozen=True)
class SidebarHandlers:
    """The sidebar's handlers; each is given the Gradio request (whose cookie names the
    browser) and, when reading needs one, the key typed, as its last input."""

    start: Callable[..., Any]  # on opening -> listing
    save: Callable[..., tuple[Any, ...]]  # after an answer -> current, listing, title
    open: Callable[..., tuple[Any, ...]]  # a picked conversation -> the chat's states
    rename: Callable[..., Any]
    delete: Callable[..., tuple[Any, ...]]
    switch: Callable[..., tuple[Any, ...]]  # another key typed -> the chat's states, listing


def make_handlers(services: Services, store: ConversationStore) -> SidebarHandlers:
    import gradio as gr

    secret = page_secret(services.index.data.root)

    def owner(request: Any, key: str | None) -> str | None:
        return owner_of(services, browser_id(request, secret), key)

    def listing(owner: str | None, current: str | None) -> Any:
        kept = store.list(owner) if owner else []
        choices = [(choice_label(c.title, c.updated_at), c.id) for c in kept]
        return gr.Radio(choices=choices, value=current if current else None)

    def start(request: Any, key: str | None = None) -> Any:
        return listing(owner(request, key), None)

    def save(
        request: Any, current: str | None, messages: Messages, answers: Answers,
        key: str | None = None,
    ) -> tuple[Any, ...]:  # fmt: skip
        saver = owner(request, key)
        if saver is None or not messages:
            return gr.skip(), gr.skip(), gr.skip()
        title = title_of(question_of(messages[0]["content"]))
        saved = store.save(saver, current, messages, answers, title)
        kept = store.get(saver, saved)
        return saved, listing(saver, saved), kept.title if kept else title

    def open_(request: Any, picked: str | None, key: str | None = None) -> tuple[Any, ...]:
        reader = owner(request, key)
        kept = store.get(reader, picked) if reader and picked else None
        if kept is None:
            return (gr.skip(),) * 6
        return _shown(kept)

    def rename(request: Any, title: str, current: str | None, key: str | None = None) -> Any:
        renamer = owner(request, key)
        if renamer is None or current is None or not store.rename(renamer, current, title or ""):
            raise gr.Error(
                "Chưa đổi được tên: hãy mở một cuộc trò chuyện đã lưu và nhập tên mới.", title="Lỗi"
            )
        return listing(renamer, current)

    def delete(request: Any, current: str | None, key: str | None = None) -> tuple[Any, ...]:
        deleter = owner(request, key)
        if deleter is not None and current is not None:
            store.delete(deleter, current)
        return (*_shown(None), listing(deleter, None))

    def switch(request: Any, current: str | None, key: str | None = None) -> tuple[Any, ...]:
        """After a key is typed: that key's list; the open conversation stays only if the
        key may see it (another key's conversation leaves the screen)."""
        reader = owner(request, key)
        if current is None or (reader and store.get(reader, current) is not None):
            return (*(gr.skip(),) * 6, listing(reader, current))
        return (*_shown(None), listing(reader, None))

    handlers = (start, save, open_, rename, delete, switch)
    for handler in handlers:  # gradio passes the request to a parameter annotated so
        handler.__annotations__["request"] = gr.Request
    return SidebarHandlers(*handlers)


def _shown(kept: Conversation | None) -> tuple[Any, ...]:
    """The chat's states for a conversation (an empty one for None): chatbot, messages,
    history, answers, the open conversation's id, its title."""
    if kept is None:
        return [], [], [], [], None, ""
    return kept.messages, kept.messages, kept.history, kept.answers, kept.id, kept.title
