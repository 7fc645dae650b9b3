"""The lines of a signature block below its title: the mark a copy carries where the
signature stands, and the signer's name with the rank before it. Read by cleaning (two
blocks laid side by side) and by extraction (who signed)."""

from __future__ import annotations

import re

from index.vietnamese import UPPER_LETTERS

# The mark a copy carries where the signature stands: "(Đã ký)", "(ký tên)".
SIGNED_MARK_RE = re.compile(r"\(?\s*(?:đã|Đã|ĐÃ)\s+(?:ký|kí|KÝ|KÍ)\s*\)?|\(?(?:Ký|Kí) tên\)?")
# A police or army rank before a signer's name: "Đại tá Nguyễn Văn A".
RANK_RE = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+")
# A person's name: two to five capitalised words ("Vàng A Sử", "Nguyễn Thị Thanh Hương").
NAME_RE = re.compile(rf"[{UPPER_LETTERS}][^\W\d_]*(?: [{UPPER_LETTERS}][^\W\d_]*){{1,4}}")


def is_signer_line(line: str) -> bool:
    """The line is a signature's mark or a signer's name (a rank before it or not); not a
    title in capitals ("ĐỒN TRƯỞNG")."""
    line = line.strip()
    if SIGNED_MARK_RE.fullmatch(line):
        return True
    return not line.isupper() and NAME_RE.fullmatch(RANK_RE.sub("", line)) is not None
