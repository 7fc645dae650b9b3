"""The Gradio chat page (placeholder until the chat-page work lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.services import Services


def build_page(services: Services) -> Any:
    """The page mounted at `/` by `create_app`; gradio is imported here, not at module import."""
    import gradio as gr

    with gr.Blocks(title="Trợ lý văn bản") as page:
        gr.Markdown("# Trợ lý văn bản chính sách")
    return page
