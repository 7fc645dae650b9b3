"""The kinds of official documents, as their own heading line names them ("CHỈ THỊ")."""

from __future__ import annotations

import re

from index.vietnamese import canonical, fold

# An official document's own heading line ("CHỈ THỊ") above its subject (the answerer reads
# the same lines as a document's title where its metadata's title matches no line): the
# kinds of administrative documents Nghị định 30/2020/NĐ-CP lists (Điều 7), the Party's
# own (thông tri, kết luận) and legal ones (luật, thông tư). "Công văn" has none; its
# subject is a "V/v" line.
DOCUMENT_KINDS = frozenset(
    {
        "nghị quyết", "quyết định", "chỉ thị", "kế hoạch", "báo cáo", "thông tư", "luật",
        "kết luận", "đề án", "chương trình", "thông báo", "thông tri", "thông cáo",
        "hướng dẫn", "quy chế", "quy định", "phương án", "dự án", "tờ trình", "biên bản",
        "công điện",
    }
)  # fmt: skip


def is_kind_line(line: str) -> bool:
    """A document's heading line in capitals: "BÁO CÁO", "KẾ HOẠCH"."""
    line = line.strip()
    return line.isupper() and canonical(line) in DOCUMENT_KINDS


# The national motto and the Party's heading, which open every official document's header
# (set beside the issuing body's lines in a two-column header): never its title.
MOTTO_RE = re.compile(
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc",
    re.IGNORECASE,
)
# ... as a document typed without marks writes it ("Doc lap - Tu do - Hanh phuc").
_FOLDED_MOTTO_RE = re.compile(fold(MOTTO_RE.pattern), re.IGNORECASE)


def names_motto(text: str) -> bool:
    """The text holds the national motto or the Party's heading, marked or not."""
    return bool(MOTTO_RE.search(text) or _FOLDED_MOTTO_RE.search(fold(text)))
