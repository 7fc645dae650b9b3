"""The Documents tab: the documents as cards, upload with indexing progress, one document
re-indexed or deleted, a full rebuild, and the latest jobs (kept across restarts).

When the server has API keys (`PA_API_KEYS`), the tab opens only with one of them, and
every action checks the key again on the server: hiding the controls is not protection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.jobs import Job
from ui.documents_view import (
    document_cards,
    document_choices,
    job_html,
    jobs_html,
    key_ok,
    keys_required,
    read_upload,
    upload_error_text,
    upload_label,
)
from ui.html_text import esc

if TYPE_CHECKING:
    import gradio as gr

    from assistant.server_services import Services

logger = logging.getLogger(__name__)

POLL_S = 0.5  # how often a running job's progress is redrawn
WRONG_KEY = "Khóa truy cập không đúng."
PRIVATE: dict[str, Any] = {"api_visibility": "private"}  # the HTTP API is the public one


@dataclass
class KeyBox:
    """Where the officer types the access key, and the button that checks it."""

    key: gr.Textbox
    check: gr.Button


def build_key_box(visible: bool = True) -> KeyBox:
    """The key field, rendered where called."""
    import gradio as gr

    with gr.Column(visible=visible):
        gr.Markdown("**Khóa truy cập**: quản lý tài liệu cần khóa do quản trị viên cấp.")
        with gr.Row(equal_height=True):
            key = gr.Textbox(
                label="Khóa truy cập", show_label=False, type="password", scale=4,
                placeholder="Nhập khóa truy cập (PA_API_KEYS)", container=False,
            )  # fmt: skip
            check = gr.Button("Xác nhận khóa", variant="primary", scale=1, min_width=150)
    return KeyBox(key, check)


@dataclass
class DocumentsTab:
    key: gr.Textbox
    table: gr.HTML  # the documents as cards
    picker: gr.Dropdown
    jobs: gr.HTML
    progress: gr.HTML
    refresh: Callable[[str | None], list[Any]]  # the listing for a key (skipped if wrong)
    # The events after which the documents may have changed (page.py refreshes filters).
    changes: list[Any] = field(default_factory=list)

    @property
    def listing(self) -> list[Any]:
        """What `refresh` fills: the cards, the picker, the jobs."""
        return [self.table, self.picker, self.jobs]


@dataclass
class _Panels:
    """The tab's controls below the key field."""

    manage: gr.Column
    status: gr.Markdown
    table: gr.HTML
    progress: gr.HTML
    upload: gr.UploadButton
    picker: gr.Dropdown
    reindex: gr.Button
    delete: gr.Button
    confirm_row: gr.Row
    confirm_text: gr.Markdown
    confirm: gr.Button
    cancel: gr.Button
    rebuild: gr.Button
    jobs: gr.HTML


def build_documents_tab(
    services: Services, box: KeyBox | None = None, typed_key: str | None = None
) -> DocumentsTab:
    """The tab's controls and their events, rendered where called (inside a gr.Tab), and
    filled with the documents and jobs when `typed_key` may see them.

    Args:
        services: the server's services.
        box: the page's key field when it has one (reads need a key too); else the tab
            shows its own when writes need a key.
        typed_key: what the page's key field holds now.
    """
    locked = keys_required(services.settings)
    box = box or build_key_box(visible=locked)
    handlers = _Handlers(services)
    shown = handlers.listed() if key_ok(services.settings, typed_key) else None
    panels = _build_panels(locked, services.settings.documents.max_upload_mb, shown)
    return _wire(handlers, box, panels)


Listed = tuple[str, list[tuple[str, str]], str]  # the cards, the picker's choices, the jobs


def _build_panels(locked: bool, max_mb: float, shown: Listed | None) -> _Panels:
    import gradio as gr

    cards, choices, jobs_now = shown or ("", [], "")
    open_note = "Máy chủ chưa đặt khóa truy cập: ai mở trang này cũng quản lý được tài liệu."
    status = gr.Markdown("" if locked else open_note, elem_classes="pa-hint")
    with gr.Column(visible=not locked) as manage:
        gr.Markdown("### Tài liệu đã nạp")
        table = gr.HTML(cards, elem_id="pa-docs", max_height=520)
        progress = gr.HTML(elem_id="pa-job")
        with gr.Row(equal_height=False):
            with gr.Column(variant="panel"):
                gr.Markdown(
                    "**Thêm tài liệu**: tệp .txt, .md, .html, .pdf hoặc .docx, tối đa"
                    f" {max_mb:g} MB. Tài liệu được lập chỉ mục ngay sau khi tải lên."
                )
                # No file_types: Gradio would refuse other files with an English toast;
                # the server refuses them itself, saying why in Vietnamese.
                upload = gr.UploadButton(
                    "Chọn tệp và tải lên", file_count="multiple", variant="primary",
                    elem_id="pa-upload",
                )  # fmt: skip
            with gr.Column(variant="panel"):
                gr.Markdown("**Một tài liệu**: lập chỉ mục lại, hoặc xóa khỏi thư mục và chỉ mục")
                picker = gr.Dropdown(label="Chọn tài liệu", choices=choices, value=None)
                with gr.Row():
                    reindex = gr.Button("Lập chỉ mục lại tài liệu này", variant="secondary")
                    delete = gr.Button("Xóa tài liệu", variant="stop")
                with gr.Row(visible=False) as confirm_row:
                    confirm_text = gr.Markdown()
                    confirm = gr.Button("Xác nhận xóa", variant="stop", size="sm")
                    cancel = gr.Button("Hủy", size="sm")
            with gr.Column(variant="panel"):
                gr.Markdown(
                    "**Lập chỉ mục lại toàn bộ** khi đổi cấu hình hoặc chỉ mục có lỗi. "
                    "Trong lúc chạy vẫn hỏi đáp bình thường."
                )
                rebuild = gr.Button("Lập chỉ mục lại", variant="secondary")
        gr.Markdown("### Việc gần đây")
        jobs = gr.HTML(jobs_now, elem_id="pa-jobs-list")
    return _Panels(manage, status, table, progress, upload, picker, reindex, delete,
                   confirm_row, confirm_text, confirm, cancel, rebuild, jobs)  # fmt: skip


def _wire(handlers: _Handlers, box: KeyBox, p: _Panels) -> DocumentsTab:
    import gradio as gr

    key, listing = box.key, [p.table, p.picker, p.jobs]
    unlocked = gr.on([box.check.click, key.submit], handlers.unlock, [key],
                     [p.manage, p.status, *listing], **PRIVATE)  # fmt: skip
    uploaded = p.upload.upload(handlers.upload, [key, p.upload], [p.progress, *listing], **PRIVATE)
    p.delete.click(handlers.ask_delete, [key, p.picker], [p.confirm_row, p.confirm_text], **PRIVATE)

    def hide() -> Any:  # the confirmation row closes whichever button was pressed
        return gr.Row(visible=False)

    p.cancel.click(hide, None, [p.confirm_row], **PRIVATE)
    p.confirm.click(hide, None, [p.confirm_row], **PRIVATE)
    deleted = p.confirm.click(handlers.delete, [key, p.picker], [p.progress, *listing], **PRIVATE)
    rebuilt = p.rebuild.click(handlers.rebuild, [key], [p.progress, *listing], **PRIVATE)
    reindexed = p.reindex.click(
        handlers.reindex, [key, p.picker], [p.progress, *listing], **PRIVATE
    )
    changes = [unlocked, uploaded, deleted, rebuilt, reindexed]
    return DocumentsTab(key, p.table, p.picker, p.jobs, p.progress, handlers.refresh, changes)


class _Handlers:
    """The tab's event handlers, bound to the services."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def _check(self, key: str | None) -> None:
        import gradio as gr

        if not key_ok(self.services.settings, key):
            raise gr.Error(WRONG_KEY, title="Lỗi")

    def listed(self) -> Listed:
        documents = self.services.documents()
        return (document_cards(documents), document_choices(documents),
                jobs_html(self.services.jobs.list()))  # fmt: skip

    def listing(self) -> list[Any]:
        import gradio as gr

        cards, choices, jobs = self.listed()
        return [cards, gr.Dropdown(choices=choices, value=None), jobs]

    def refresh(self, key: str | None) -> list[Any]:
        import gradio as gr

        return self.listing() if key_ok(self.services.settings, key) else [gr.skip()] * 3

    def unlock(self, key: str | None) -> list[Any]:
        import gradio as gr

        if not key_ok(self.services.settings, key):
            return [gr.Column(visible=False), f"**{WRONG_KEY}**", *[gr.skip()] * 3]
        return [gr.Column(visible=True), "Đã mở quản lý tài liệu.", *self.listing()]

    def _follow(self, jobs: list[tuple[Job, str]], lines: list[str]) -> Iterator[list[Any]]:
        """Progress of each job in turn (all lines kept), then the refreshed listing."""
        import gradio as gr

        for job, label in jobs:
            lines.append("")
            while True:
                job = self.services.jobs.wait(job.id, timeout=POLL_S)
                lines[-1] = job_html(job, label)
                yield ["".join(lines), gr.skip(), gr.skip(), gr.skip()]
                if job.finished:
                    break
        yield ["".join(lines), *self.listing()]

    def upload(self, key: str | None, paths: list[str] | None) -> Iterator[list[Any]]:
        import gradio as gr

        self._check(key)
        if not paths:
            raise gr.Error("Chưa chọn tệp để tải lên.", title="Lỗi")
        jobs, refused = [], []
        for path in paths:
            label = upload_label(path)
            try:
                jobs.append((self.services.upload(*read_upload(path)), label))
            except Exception as error:  # noqa: BLE001 - each refusal is shown, the rest go on
                logger.info("upload of %s refused: %s", path, error)
                max_mb = self.services.settings.documents.max_upload_mb
                text = f"✖ {label}: {upload_error_text(error, max_mb)}"
                refused.append(f'<div class="pa-job pa-job-failed">{esc(text)}</div>')
        yield from self._follow(jobs, refused)

    def ask_delete(self, key: str | None, source: str | None) -> list[Any]:
        import gradio as gr

        self._check(key)
        if not source:
            raise gr.Error("Chưa chọn tài liệu cần xóa.", title="Lỗi")
        document = self.services.document(source)
        title = document.metadata.title if document and document.metadata.title else source
        text = f"Xóa **{esc(title)}** ({esc(source)})? Không thể hoàn tác."
        return [gr.Row(visible=True), text]

    def delete(self, key: str | None, source: str | None) -> Iterator[list[Any]]:
        import gradio as gr

        self._check(key)
        if not source:
            raise gr.Error("Chưa chọn tài liệu cần xóa.", title="Lỗi")
        try:
            job = self.services.delete_document(source)
        except LookupError as error:
            raise gr.Error(f"Không tìm thấy tài liệu {source}.", title="Lỗi") from error
        yield from self._follow([(job, "Xóa tài liệu")], [])

    def reindex(self, key: str | None, source: str | None) -> Iterator[list[Any]]:
        import gradio as gr

        self._check(key)
        if not source:
            raise gr.Error("Chưa chọn tài liệu cần lập chỉ mục lại.", title="Lỗi")
        try:
            job = self.services.reindex_document(source)
        except LookupError as error:
            raise gr.Error(f"Không tìm thấy tài liệu {source}.", title="Lỗi") from error
        yield from self._follow([(job, f"Lập chỉ mục lại {source}")], [])

    def rebuild(self, key: str | None) -> Iterator[list[Any]]:
        self._check(key)
        yield from self._follow([(self.services.rebuild(), "Lập chỉ mục lại")], [])
