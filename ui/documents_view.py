"""What the Documents tab shows, as plain data and HTML: rows, choices, job progress, keys.

No gradio here, so it is unit-tested directly; `ui.documents_tab` builds the controls.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from assistant.job_store import INTERRUPTED
from assistant.jobs import CANCELLED, Job
from assistant.settings import Settings
from index.catalog import DocumentRecord
from ui.html_text import esc, format_date, format_kind
from ui.times import added_text

_JOB_WORDS = {
    "upload": "Tải lên",
    "delete": "Xóa tài liệu",
    "reindex": "Lập chỉ mục lại một tài liệu",
    "rebuild": "Lập chỉ mục lại toàn bộ",
    "sync": "Cập nhật theo thư mục",
}
_FAILURES = {  # the core's reasons a job did not finish, as officers read them
    INTERRUPTED: "máy chủ đã dừng trước khi việc này xong",
    CANCELLED: "đã hủy vì máy chủ dừng",
}
JOBS_SHOWN = 8
_STATE_WORDS = {
    "queued": "Đang chờ lượt",
    "running": "Đang lập chỉ mục",
    "succeeded": "Xong",
    "failed": "Không thành công",
}


def keys_required(settings: Settings, access: Literal["read", "write"] = "write") -> bool:
    """Whether the server wants a key for this access, as the HTTP API does."""
    api = settings.api
    return bool(api.api_keys) and (access == "write" or api.require_key_for_read)


def key_ok(settings: Settings, key: str | None, access: Literal["read", "write"] = "write") -> bool:
    """Whether `key` allows the access: anything when no key is needed, else a server key."""
    if not keys_required(settings, access):
        return True
    given = (key or "").strip().encode()
    # Compare with every key, each in constant time, so timing tells nothing.
    matches = [
        hmac.compare_digest(given, k.get_secret_value().encode()) for k in settings.api.api_keys
    ]
    return bool(given) and any(matches)


def document_rows(documents: Sequence[DocumentRecord]) -> list[list[Any]]:
    """One table row per document, newest first."""
    ordered = sorted(documents, key=lambda d: (d.metadata.issued_on or "", d.source), reverse=True)
    return [
        [
            d.metadata.title or d.source,
            format_date(d.metadata.issued_on),
            ", ".join(p for p in (d.metadata.district, d.metadata.province) if p) or "không rõ",
            format_kind(d.metadata.kind),
            d.chunk_count,
            d.source,
        ]
        for d in ordered
    ]


def document_choices(documents: Sequence[DocumentRecord]) -> list[tuple[str, str]]:
    """(label, file name) for the picker: the title first, the date, then the file."""
    return [
        (f"{d.metadata.title or d.source} ({format_date(d.metadata.issued_on)}) · {d.source}",
         d.source)
        for d in sorted(documents, key=lambda d: (d.metadata.title or d.source).casefold())
    ]  # fmt: skip


def document_cards(documents: Sequence[DocumentRecord]) -> str:
    """The documents as cards, newest first: title, kind, date, place, passages, when added
    and (small, last) the file name. Cards wrap into one column on a phone."""
    if not documents:
        return '<div class="pa-hint">Chưa có tài liệu nào.</div>'
    cards = []
    for title, date, place, kind, chunks, source in document_rows(documents):
        added = next((added_text(d.indexed_at) for d in documents if d.source == source), None)
        cards.append(
            f'<div class="pa-doc-card" data-source="{esc(source)}">'
            f'<div class="pa-doc-title">{esc(str(title))}</div>'
            f'<div class="pa-meta"><span>{esc(kind)}</span><span>Ngày: {esc(date)}</span>'
            f"<span>Địa bàn: {esc(place)}</span><span>{chunks} đoạn</span></div>"
            f'<div class="pa-meta">Nạp vào hệ thống: {esc(added or "không rõ")}</div>'
            f'<div class="pa-doc-file">Tệp: {esc(source)}</div></div>'
        )
    return f'<div class="pa-doc-grid" id="pa-doc-cards">{"".join(cards)}</div>'


def jobs_html(jobs: Sequence[Job]) -> str:
    """The latest index jobs (kept across restarts), newest first, one line each."""
    if not jobs:
        return '<div class="pa-hint">Chưa có việc nào.</div>'
    lines = []
    for job in jobs[:JOBS_SHOWN]:
        label = _JOB_WORDS.get(job.kind, job.kind)  # a finished job's outcome names the file
        when = added_text(job.created_at) or ""
        lines.append(f'<div class="pa-job-line"><span class="pa-hint">{esc(when)}</span>'
                     f" {job_html(job, label)}</div>")  # fmt: skip
    return f'<div id="pa-jobs">{"".join(lines)}</div>'


def failure_text(message: str) -> str:
    return _FAILURES.get(message, message or "lỗi không rõ")


def job_html(job: Job, label: str) -> str:
    """A job's state as a line and a progress bar, in Vietnamese."""
    state = job.state.value
    words = _STATE_WORDS.get(state, state)
    if state == "succeeded":
        return f'<div class="pa-job pa-job-ok">✔ {esc(label)}: {esc(outcome_text(job))}</div>'
    if state == "failed":
        detail = esc(failure_text(job.message))
        return (
            f'<div class="pa-job pa-job-failed">✖ {esc(label)}: {words}. Chi tiết: {detail}</div>'
        )
    share = int(100 * job.done / job.total) if job.total else 0
    counted = f" ({job.done}/{job.total} tài liệu)" if job.total else "…"
    return (
        f'<div class="pa-job">{esc(label)}: {words}{counted}'
        f'<div class="pa-job-bar"><span style="width:{share}%"></span></div></div>'
    )


def outcome_text(job: Job) -> str:
    """What a finished job did, said in Vietnamese from its result."""
    result = job.result
    if job.kind == "upload":
        if result.get("duplicate_of") and "chunk_count" not in result:
            return f"nội dung đã có trong tài liệu {result['duplicate_of']}, không cần nạp lại"
        replaced = "thay bản cũ, " if result.get("replaced") else ""
        chunks = result.get("chunk_count", 0)
        return f"{replaced}đã lập chỉ mục {result.get('source', '')} ({chunks} đoạn)"
    if job.kind == "delete":
        return f"đã xóa {result.get('source', '')} khỏi chỉ mục"
    if job.kind == "reindex":
        chunks = result.get("chunk_count", 0)
        return f"đã lập chỉ mục lại {result.get('source', '')} ({chunks} đoạn)"
    failed = len(result.get("failed") or {})
    not_read = f"; {failed} tệp không đọc được" if failed else ""
    if job.kind == "rebuild":  # built aside from scratch: every document counts as added
        indexed = len(result.get("added") or []) + len(result.get("updated") or [])
        return f"chỉ mục mới có {indexed + result.get('unchanged', 0)} tài liệu{not_read}"
    counts = [("thêm", "added"), ("cập nhật", "updated"), ("xóa", "removed")]
    changed = ", ".join(f"{word} {len(result.get(key) or [])}" for word, key in counts)
    return f"{changed}, giữ nguyên {result.get('unchanged', 0)}{not_read}"


def upload_label(path: str) -> str:
    return f"Tải lên {Path(path).name}"


def read_upload(path: str) -> tuple[str, bytes]:
    """The original file name (Gradio keeps it as the temp file's name) and the bytes."""
    file = Path(path)
    return file.name, file.read_bytes()


def upload_error_text(error: Exception, max_mb: float | None = None) -> str:
    """Why an upload was refused, in Vietnamese only (the core's English reason is logged)."""
    name = type(error).__name__
    if name == "DocumentTooLargeError":
        limit = f" (tối đa {max_mb:g} MB)" if max_mb else ""
        return f"tệp quá lớn{limit}"
    if name == "UnsupportedDocumentError":
        return (
            "không đọc được nội dung: chỉ nhận văn bản .txt, .md, .html, .pdf, .docx"
            " (có chữ hoặc bản quét rõ nét)"
        )
    return "không nạp được tệp này"
