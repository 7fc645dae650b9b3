"""The kinds of official documents, as their own heading line names them ("CHỈ THỊ")."""

from __future__ import annotations

from index.vietnamese import canonical

# An official document's own heading line ("CHỈ THỊ") above its subject (the answerer reads
# the same lines as a document's title where its metadata's title matches no line).
DOCUMENT_KINDS = frozenset(
    {
        "nghị quyết", "quyết định", "chỉ thị", "kế hoạch", "báo cáo", "thông tư", "luật",
        "kết luận", "đề án", "chương trình",
    }
)  # fmt: skip


def is_kind_line(line: str) -> bool:
    """A document's heading line in capitals: "BÁO CÁO", "KẾ HOẠCH"."""
    line = line.strip()
    return line.isupper() and canonical(line) in DOCUMENT_KINDS
