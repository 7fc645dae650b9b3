"""A document two bodies sign: both signers are the answer, each with the capacity they
signed in; a body's name read as the signer is no name (invented documents)."""

from __future__ import annotations

from dataclasses import replace

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.structured import signer_clause
from assistant.passages import Passage
from index.records import DocumentMetadata

META = DocumentMetadata(
    year=2027,
    title="Quy chế phối hợp giữa Công an tỉnh và Sở Giao thông vận tải",
    province="Lai Châu",
)


def _signed(text: str) -> str:
    passage = Passage("qc.txt#0", "qc.txt", text, 0, len(text), 0.5, META)
    answer = ExtractiveAnswerer().build(
        "Quy chế phối hợp Công an tỉnh - Sở Giao thông vận tải do ai ký?", [passage]
    )
    assert not answer.refused, answer.answer
    return answer.answer


BODY = (
    "Điều 9. Hiệu lực\n\nQuy chế có hiệu lực kể từ ngày ký. Trong quá trình thực hiện, nếu có "
    "vướng mắc, hai cơ quan trao đổi để sửa đổi, bổ sung.\n\n"
)


def test_two_signers_side_by_side_are_both_named() -> None:
    """Laid out as two columns, the blocks come one above the other, the first signer's
    name on the line of the second's title."""
    text = BODY + (
        "GIÁM ĐỐC\n\nSỞ GIAO THÔNG VẬN TẢI\n\n(đã ký)\n\nPhạm Văn Khải | GIÁM ĐỐC\n\n"
        "CÔNG AN TỈNH\n\n(đã ký)\n\nĐại tá Lò Văn Thắm"
    )
    answer = _signed(text)
    assert "Phạm Văn Khải" in answer and "Lò Văn Thắm" in answer


def test_two_names_on_one_line_keep_both_blocks_titles() -> None:
    text = BODY + (
        "GIÁM ĐỐC\n\nSỞ GIAO THÔNG VẬN TẢI\n\n(đã ký)\n\nKT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\n"
        "CÔNG AN TỈNH\n\n(đã ký)\n\nPhạm Văn Khải Đại tá Lò Văn Thắm"
    )
    answer = _signed(text)
    assert "Phạm Văn Khải Đại tá Lò Văn Thắm" in answer and "PHÓ GIÁM ĐỐC" in answer


def test_one_signer_is_quoted_alone() -> None:
    text = BODY + "KT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\n(đã ký)\n\nĐại tá Lò Văn Thắm"
    answer = _signed(text)
    assert "Lò Văn Thắm" in answer and "Quy chế có hiệu lực" not in answer


def test_a_body_read_as_the_signer_is_no_name() -> None:
    """Extraction may take a body's line ("CÔNG AN TỈNH") for the signer: the name under
    the signing lines is read instead."""
    from assistant.extractive.passage_views import read_passages
    from assistant.extractive.question import analyse

    text = BODY + "KT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\nCÔNG AN TỈNH\n\n(đã ký)\n\nĐại tá Lò Văn Thắm"
    passage = Passage("qc.txt#0", "qc.txt", text, 0, len(text), 0.5, META)
    views = read_passages(analyse("ai ký quy chế"), [passage], lambda source: "")
    found = signer_clause(views, "CÔNG AN TỈNH")
    assert found is not None
    view, index = found
    assert view.clauses[index].text == "Đại tá Lò Văn Thắm"


def test_the_day_signed_is_read_in_a_portals_attribute_row() -> None:
    """ "ký ngày nào" of a page whose attribute table gives "Ngày ban hành": that row, not
    the row of its number."""
    text = (
        "Số ký hiệu | 07/QCPH-CAT-SGTVT\n\nNgày ban hành | 03/05/2027\n\n"
        "Người ký | Lò Văn Thắm\n\n" + BODY
    )
    meta = replace(META, directive_numbers=("07/QCPH-CAT-SGTVT",))
    passage = Passage("qc.html#0", "qc.html", text, 0, len(text), 0.5, meta)
    answer = ExtractiveAnswerer().build("Quy chế 07/QCPH-CAT-SGTVT ký ngày nào?", [passage])
    assert "03/05/2027" in answer.answer.split("[1]")[0], answer.answer


def test_a_signer_below_the_recipients_list_laid_out_beside_the_block() -> None:
    """The "Nơi nhận:" items stand between the signing lines and the name: they are passed
    over, not counted as lines of the block's reach."""
    text = BODY + (
        "Nơi nhận:                                   KT. TRƯỞNG CÔNG AN HUYỆN\n"
        "- Công an tỉnh (PV01, PC02);                PHÓ TRƯỞNG CÔNG AN HUYỆN\n"
        "- Thường trực Huyện ủy;\n"
        "- Thường trực HĐND, UBND huyện;                      (đã ký)\n"
        "- Viện kiểm sát nhân dân huyện;\n"
        "- Đồn Biên phòng Pa Tần;\n"
        "- Lưu: VT, Đội TH.\n"
        "                                            Thiếu tá Lò Văn Thắm"
    )
    assert "Lò Văn Thắm" in _signed(text)


def test_a_qualified_kind_line_and_its_wrapped_subject_tell_what_it_is_about() -> None:
    """The header's motto is no title, though the metadata read it as one; "QUY CHẾ PHỐI
    HỢP giữa ... trong thực hiện" goes on to its next line."""
    text = (
        "CÔNG AN TỈNH        SỞ GIAO THÔNG VẬN TẢI        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 07/QCPH-CAT-SGTVT        Lai Châu, ngày 03 tháng 5 năm 2027\n\n"
        "QUY CHẾ PHỐI HỢP giữa Công an tỉnh và Sở Giao thông vận tải trong thực hiện\n"
        "Đề án kiểm soát tải trọng xe trên các tuyến quốc lộ\n\n"
        "Căn cứ Luật Trật tự, an toàn giao thông đường bộ năm 2024;"
    )
    meta = replace(
        META,
        title="CÔNG AN TỈNH SỞ GIAO THÔNG VẬN TẢI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        directive_numbers=("07/QCPH-CAT-SGTVT",),
    )
    passage = Passage("qc.txt#0", "qc.txt", text, 0, len(text), 0.5, meta)
    answer = ExtractiveAnswerer().build("quy che 07/QCPH-CAT-SGTVT quy dinh ve viec gi", [passage])
    assert "kiểm soát tải trọng" in answer.answer, answer.answer


def test_a_plan_asked_as_a_communes_is_not_the_provinces_of_that_number() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nSố: 40/KH-UBND\n\nKẾ HOẠCH\n\nBảo đảm an toàn PCCC "
        "nhà trọ năm 2027\n\n" + BODY + "KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n(đã ký)\n\nLò Văn Thắm"
    )
    meta = replace(META, title="Kế hoạch bảo đảm an toàn PCCC nhà trọ năm 2027")
    passage = Passage("kh.txt#0", "kh.txt", text, 0, len(text), 0.5, meta)
    answerer = ExtractiveAnswerer()
    asked = "ai ky ke hoach bao dam an toan PCCC nha tro"
    assert answerer.build(f"{asked} cua UBND xa Tan An", [passage]).refused
    assert "Lò Văn Thắm" in answerer.build(asked, [passage]).answer
