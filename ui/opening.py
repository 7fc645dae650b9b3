"""What the chat page opens with: its header with the document count, the filters' choices
read from the index, and the browser's kept conversations in the sidebar.

When reading needs no key, each visitor's page carries the header with the count in its
HTML (`Overview.opening_values`, set by `ui.page_html`), so the page is drawn with it.
The sidebar and the filters' choices come from one request made once the page is drawn:
what a visitor picks in them is checked by the server against the choices it sent that
visitor, which a page's HTML cannot tell it. (The filters are folded and a new browser's
list is empty: neither is on screen before they come.) When reading needs a key, the
count is a read too and comes with them, for the key the browser kept. After each change
to the documents, `Overview.refresh` brings the count and the choices up to date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.documents_view import key_ok
from ui.html_text import esc

if TYPE_CHECKING:
    from starlette.requests import HTTPConnection

    from assistant.server_services import Services

TITLE = "Trợ lý tra cứu văn bản"
SUBTITLE = (
    "Chỉ thị, nghị quyết, báo cáo về công an xã và an ninh trật tự ở cơ sở. "
    "Câu trả lời chỉ lấy từ tài liệu đã nạp và luôn ghi rõ nguồn."
)


def header_html(document_count: int | None) -> str:
    count = "" if document_count is None else f"{document_count} tài liệu trong chỉ mục"
    return (
        f'<div class="pa-header"><div><h1>{TITLE}</h1><p>{esc(SUBTITLE)}</p></div>'
        f'<div class="pa-count" id="pa-count">{count}</div></div>'
    )


@dataclass(frozen=True)
class Overview:
    """The document count in the header and the filters' choices, read from the index."""

    services: Services
    header: Any  # gr.Markdown
    picks: Any  # filters.FilterControls
    read_key: list[Any]  # the key field, when reading needs one

    @property
    def inputs(self) -> list[Any]:
        return [*self.picks.inputs, *self.read_key]

    @property
    def outputs(self) -> list[Any]:
        """What `refresh` fills: the header, then the four picks."""
        return [self.header, *self.picks.inputs]

    def refresh(self, *values: str | None) -> list[Any]:
        """The count and the choices (inputs: the four picks, then the key if any)."""
        import gradio as gr

        from ui import filters

        picked, key = values[:4], (values[4] if len(values) > 4 else None)
        if not key_ok(self.services.settings, key, "read"):
            return [gr.skip()] * 5  # document names are reads too
        documents = self.services.documents()
        return [header_html(len(documents)), *filters.choice_updates(documents, picked)]

    def opening_values(self, connection: HTTPConnection) -> dict[int, dict[str, Any]]:
        """The header's props for a visitor's page (by component id), when reading needs
        no key."""
        return {self.header._id: {"value": header_html(len(self.services.documents()))}}
