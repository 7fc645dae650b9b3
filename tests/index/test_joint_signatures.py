"""A joint rule's two signature blocks laid side by side with blank lines between their rows,
and a signer's title running over two lines in capitals (invented documents)."""

from __future__ import annotations

from index.cleaning import clean_text
from index.extraction.identity import read_identity
from index.records import DocumentMetadata

JOINT = (
    "CÔNG AN HUYỆN BẢO THẮNG                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "ĐỒN BIÊN PHÒNG BẢO THẮNG                 Độc lập - Tự do - Hạnh phúc\n"
    "Số: 03/QCPH-CAH-ĐBP                      Bảo Thắng, ngày 12 tháng 6 năm 2031\n\n"
    "QUY CHẾ\nPhối hợp bảo đảm an ninh, trật tự khu vực biên giới\n\n"
    "Điều 14. Hiệu lực thi hành\n"
    "Quy chế này có hiệu lực từ ngày ký.\n\n"
    "ĐỒN TRƯỞNG                                       TRƯỞNG CÔNG AN HUYỆN\n"
    "ĐỒN BIÊN PHÒNG BẢO THẮNG                         BẢO THẮNG\n\n"
    "(đã ký)                                          (đã ký)\n\n"
    "Thiếu tá Lò Văn Toàn                             Thượng tá Vàng A Sử\n\n"
    "Nơi nhận:\n"
    "- Công an tỉnh;\n"
    "- Lưu: hai bên.\n"
)


def test_two_signature_blocks_with_blank_lines_between_rows_are_read_apart() -> None:
    lines = clean_text(JOINT).split("\n\n")
    left = ["ĐỒN TRƯỞNG", "ĐỒN BIÊN PHÒNG BẢO THẮNG", "(đã ký)", "Thiếu tá Lò Văn Toàn"]
    right = ["TRƯỞNG CÔNG AN HUYỆN", "BẢO THẮNG", "(đã ký)", "Thượng tá Vàng A Sử"]
    start = lines.index("ĐỒN TRƯỞNG")
    assert lines[start : start + 8] == left + right, lines


def test_a_signing_title_on_two_lines_is_no_signers_name() -> None:
    """ "TRƯỞNG CÔNG AN HUYỆN" / "BẢO THẮNG" / "(đã ký)" / "Thượng tá Vàng A Sử": the
    district's name in capitals goes on the title; the name is the one under the mark."""
    identity = read_identity(clean_text(JOINT), DocumentMetadata(province="Lào Cai"))
    assert identity.signer == "Vàng A Sử"
    assert identity.signer_title == "TRƯỞNG CÔNG AN HUYỆN BẢO THẮNG"


CENTRED = (
    "Điều 9. Hiệu lực\n"
    "Quy chế này có hiệu lực từ ngày ký.\n\n"
    "GIÁM ĐỐC TRUNG TÂM Y TẾ HUYỆN                  TRƯỞNG CÔNG AN HUYỆN\n"
    "         (đã ký)                                          (đã ký)\n\n"
    "    Nguyễn Thị Lan Anh                              Thượng tá Hà Văn Bình\n\n"
    "Nơi nhận:\n"
    "- Lưu: hai bên.\n"
)


def test_centred_signature_blocks_are_read_apart_though_their_lines_start_apart() -> None:
    """Each block centres its lines: the right one's long title starts well left of the
    "(đã ký)" under it, yet the three rows are one block of two columns."""
    lines = clean_text(CENTRED).split("\n\n")
    left = ["GIÁM ĐỐC TRUNG TÂM Y TẾ HUYỆN", "(đã ký)", "Nguyễn Thị Lan Anh"]
    right = ["TRƯỞNG CÔNG AN HUYỆN", "(đã ký)", "Thượng tá Hà Văn Bình"]
    start = lines.index(left[0])
    assert lines[start : start + 6] == left + right, lines
