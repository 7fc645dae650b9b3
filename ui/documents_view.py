"""What the Documents tab shows, as plain data and HTML: rows, choices, job progress, keys.

No gradio here, so it is unit-tested directly; `ui.documents_tab` builds the controls.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from assistant.jobs import Job
from assistant.settings import Settings
from index.catalog import DocumentRecord
from ui.sources import esc, format_date, format_kind

COLUMNS = ["Tiêu đề", "Ngày", "Địa bàn", "Loại", "Số đoạn", "Tệp"]
FILE_TYPES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"]
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
    """(label, file name) for the delete picker."""
    return [(f"{d.metadata.title or d.source} — {d.source}", d.source) for d in documents]


def job_html(job: Job, label: str) -> str:
    """A job's state as a line and a progress bar, in Vietnamese."""
    state = job.state.value
    words = _STATE_WORDS.get(state, state)
    if state == "succeeded":
        return f'<div class="pa-job pa-job-ok">✔ {esc(label)}: {esc(outcome_text(job))}</div>'
    if state == "failed":
        detail = esc(job.message or "lỗi không rõ")
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


def upload_error_text(error: Exception) -> str:
    """Why an upload was refused, in Vietnamese; the core's message is kept as detail."""
    name = type(error).__name__
    if name == "DocumentTooLargeError":
        reason = "tệp quá lớn"
    elif name == "UnsupportedDocumentError":
        reason = "không đọc được nội dung (chỉ nhận .txt, .md, .html, .pdf, .docx có chữ)"
    else:
        reason = "không nạp được tệp"
    return f"{reason}. Chi tiết: {error}"
