"""A former province's own figure, asked after the 2025 merger: not the whole new
province's figure that only includes it (invented reports)."""

from __future__ import annotations

import pytest

from assistant.extractive.across import asks_places
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

WHOLE = (
    "Trong 8 tháng đầu năm 2025, trên địa bàn tỉnh (tính cả khu vực tỉnh Hà Nam cũ) xảy ra "
    "152 vụ tai nạn giao thông, làm chết 97 người."
)
OWN = "Riêng khu vực tỉnh Hà Nam trước đây xảy ra 41 vụ tai nạn giao thông, làm chết 26 người."


def _ask(question: str, text: str, province: str = "Ninh Bình") -> str:
    metadata = DocumentMetadata(
        province=province, year=2025, issued_on="2025-09-10", title="Báo cáo 8 tháng 2025"
    )
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    answer = ExtractiveAnswerer().build(question, [passage])
    return "" if answer.refused else answer.answer


def test_a_former_provinces_count_is_its_own_and_not_the_whole_including_it() -> None:
    asked = "khu vuc Ha Nam cu 8 thang dau 2025 xay ra bao nhieu vu TNGT"
    assert "41 vụ" in _ask(asked, f"{WHOLE} {OWN}")
    assert _ask(asked, WHOLE) == ""


def test_the_whole_including_a_former_province_is_asked_as_the_whole() -> None:
    whole = "8 tháng đầu 2025 toàn tỉnh Ninh Bình (tính cả Hà Nam cũ) xảy ra bao nhiêu vụ TNGT?"
    assert "152 vụ" in _ask(whole, f"{WHOLE} {OWN}")


def test_a_former_provinces_row_in_the_new_provinces_table_is_its_own_figure() -> None:
    """After the merger the new province's report tabulates its former provinces: asked for
    one of them, its row answers though the header names no province."""
    table = (
        "Kết quả quý III năm 2025 theo khu vực:\n\n| Khu vực | TNGT (vụ) | Người chết |\n\n"
        "|---|---|---|\n\n| Gia Lai cũ | 210 | 95 |\n\n| Bình Định cũ | 180 | 77 |\n\n"
        "| Toàn tỉnh | 390 | 172 |"
    )
    meta = DocumentMetadata(
        title="Báo cáo quý III năm 2025", year=2025, issued_on="2025-10-10", province="Gia Lai"
    )
    passage = Passage("bc.md#0", "bc.md", table, 0, len(table), 0.5, meta)
    answer = ExtractiveAnswerer().build(
        "Khu vực Bình Định cũ có bao nhiêu vụ TNGT trong quý III năm 2025?", [passage]
    )
    assert "Bình Định cũ = 180" in answer.answer


def test_a_former_province_named_with_its_new_one_is_one_place_not_two_compared() -> None:
    """ "Công an Ninh Bình có những biện pháp gì ở khu vực Hà Nam cũ?": one place asked, its
    new province and its former name; only two provinces named as such are compared."""
    one = analyse("Công an Ninh Bình có những biện pháp gì ở khu vực Hà Nam cũ?")
    assert len(one.provinces) == 2 and not asks_places(one)
    assert asks_places(analyse("Ninh Bình và Hà Nam, tỉnh nào có nhiều vụ TNGT hơn năm 2024?"))


def test_an_item_under_a_paragraph_naming_the_former_province_is_its_figure() -> None:
    """ "Công an tỉnh chỉ đạo Công an các xã khu vực Hà Nam cũ:" / "- Thành lập 36 tổ ...":
    the item is the former province's own, as the paragraph over it says."""
    head = "Để giữ an ninh vùng bãi bồi, Công an tỉnh chỉ đạo Công an các xã khu vực Hà Nam cũ:"
    items = (
        "- Thành lập thêm tổ tự quản ven sông, nâng tổng số lên 36 tổ với 290 thành viên;\n\n"
        "- Lắp 54 camera tại các bến đò."
    )
    metadata = DocumentMetadata(
        province="Ninh Bình", year=2025, issued_on="2025-09-10", title="Tin an ninh ven sông"
    )
    # The chunker cut between the paragraph and its items; retrieval brought the items.
    library = document_in_parts("tin.txt", [head, items], metadata, gap="\n\n")
    answer = ExtractiveAnswerer(library=library).build(
        "khu vuc Ha Nam cu co bao nhieu to tu quan ven song", [library.passages[1]]
    )
    assert "36 tổ" in answer.answer, answer.answer


COMMUNE_REPORT = (
    "I. ĐẶC ĐIỂM TÌNH HÌNH\n\n"
    "Công an xã Yên Lạc được tổ chức trên cơ sở hợp nhất Công an thị trấn Yên Lạc, Công an xã"
    " Đồng Cương, Công an xã Tam Hồng và một bộ phận của Công an huyện Yên Lạc, hiện có 31 cán"
    " bộ, chiến sĩ.\n\n"
    "Từ ngày 01/7/2025, xã Yên Lạc thuộc tỉnh Phú Thọ được thành lập trên cơ sở sắp xếp toàn bộ"
    " diện tích tự nhiên, quy mô dân số của thị trấn Yên Lạc, xã Đồng Cương và xã Tam Hồng"
    " thuộc huyện Yên Lạc, tỉnh Vĩnh Phúc (cũ)."
)


def test_a_new_communes_origin_is_the_clause_naming_the_units_merged() -> None:
    """ "Xã A được nhập từ những đơn vị nào?": the clause naming each unit merged, in its own
    words ("trên cơ sở sắp xếp ... của"), not the one forming the commune's police from the
    police of those units."""
    metadata = DocumentMetadata(year=2025, province="Phú Thọ", title="Báo cáo Công an xã Yên Lạc")
    passage = Passage("x.txt#0", "x.txt", COMMUNE_REPORT, 0, len(COMMUNE_REPORT), 0.5, metadata)
    for question in (
        "Xã Yên Lạc mới sau 1/7/2025 được nhập từ những đơn vị nào?",
        "xa Yen Lac moi duoc lap tu nhung don vi nao",
    ):
        answer = ExtractiveAnswerer().build(question, [passage])
        assert "xã Đồng Cương và xã Tam Hồng" in answer.answer.split("[1]")[0], question


def test_what_a_commune_belonged_to_before_the_merger_is_told_by_its_origin() -> None:
    """ "Xã A trước đây thuộc huyện, tỉnh nào?", "... được thành lập từ những xã, thị trấn
    nào?": the clause naming the units merged with their district and former province, even
    where it opens with the resolution "của tỉnh B" (no figure of the whole province)."""
    text = (
        "Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính "
        "cấp xã của tỉnh Cà Mau năm 2025, từ ngày 01/7/2025 xã Cái Nước được thành lập trên cơ "
        "sở nhập thị trấn Cái Nước, xã Tân Hưng Đông và xã Trần Thới thuộc huyện Cái Nước, tỉnh "
        "Cà Mau cũ.\n\n"
        "Công an xã Cái Nước có 24 cán bộ, chiến sĩ; trụ sở đặt tại Công an thị trấn Cái Nước "
        "cũ, có 02 điểm tiếp dân tại xã Tân Hưng Đông cũ và xã Trần Thới cũ."
    )
    metadata = DocumentMetadata(year=2025, province="Cà Mau", title="Báo cáo Công an xã Cái Nước")
    passage = Passage("x.txt#0", "x.txt", text, 0, len(text), 0.5, metadata)
    for question in (
        "Xã Cái Nước hiện nay trước đây thuộc huyện, tỉnh nào?",
        "Xã Cái Nước được thành lập từ những xã, thị trấn nào?",
    ):
        answer = ExtractiveAnswerer().build(question, [passage])
        assert "thuộc huyện Cái Nước, tỉnh Cà Mau cũ" in answer.answer.split("[1]")[0], question


MERGED_COMMUNE = (
    "Từ ngày 01/7/2025, xã Phù Cát được thành lập trên cơ sở nhập thị trấn Ngô Mây, xã Cát "
    "Trinh và xã Cát Tân thuộc huyện Phù Cát, tỉnh Bình Định (cũ). Sau khi tỉnh Bình Định và "
    "tỉnh Gia Lai hợp nhất thành tỉnh Gia Lai, xã Phù Cát là đơn vị hành chính cấp xã trực "
    "thuộc tỉnh Gia Lai, không còn cấp huyện."
)


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("xa Phu Cat truoc 1/7/2025 thuoc tinh nao", "tỉnh Bình Định (cũ)"),
        ("Trước sáp nhập, xã Phù Cát thuộc tỉnh nào?", "tỉnh Bình Định (cũ)"),
        ("Xã Phù Cát nay thuộc tỉnh nào?", "trực thuộc tỉnh Gia Lai"),
        ("xa Phu Cat hien thuoc tinh nao", "trực thuộc tỉnh Gia Lai"),
    ],
)
def test_where_a_commune_was_before_the_merger_is_the_clause_naming_the_former(
    question: str, told: str
) -> None:
    """Asked where a commune was before 1 July 2025, the clause naming its province as it was
    ("tỉnh B (cũ)"); asked where it is now, the one naming the province it is in."""
    metadata = DocumentMetadata(year=2025, province="Gia Lai", title="Báo cáo Công an xã Phù Cát")
    passage = Passage("x.txt#0", "x.txt", MERGED_COMMUNE, 0, len(MERGED_COMMUNE), 0.5, metadata)
    answer = ExtractiveAnswerer().build(question, [passage])
    assert told in answer.answer.split("[1]")[0], answer.answer


def test_the_provinces_a_merged_province_is_made_of_are_told_by_its_origin() -> None:
    """ "tỉnh A mới sau sáp nhập gồm những tỉnh nào": the clause naming the provinces merged,
    however few of the question's words it holds."""
    text = (
        "Xã Phù Cừ được thành lập trên cơ sở sắp xếp thị trấn Trần Cao và xã Tống Phan. "
        "Từ ngày 01/7/2025, tỉnh Hưng Yên (mới) được hình thành trên cơ sở hợp nhất tỉnh "
        "Thái Bình và tỉnh Hưng Yên cũ."
    )
    answer = _ask("tinh Hung Yen moi sau sap nhap gom nhung tinh nao", text)
    assert "tỉnh Thái Bình và tỉnh Hưng Yên cũ" in answer, answer


def test_where_a_commune_is_now_is_the_clause_naming_the_new_province() -> None:
    """ "Xã A hiện thuộc tỉnh nào?": the clause naming the province the merger made, not the
    one telling the commune's origin in the former province, which names more of the
    question's words."""
    text = (
        "Thực hiện Nghị quyết về sắp xếp các đơn vị hành chính cấp xã năm 2025, từ ngày "
        "01/7/2025, tỉnh Bình Thuận, tỉnh Đắk Nông và tỉnh Lâm Đồng hợp nhất thành tỉnh Lâm "
        "Đồng; không tổ chức cấp huyện. Xã Liên Hương được thành lập trên cơ sở sắp xếp toàn bộ "
        "diện tích của thị trấn Liên Hương, xã Bình Thạnh và xã Phước Thể (thuộc huyện Tuy "
        "Phong, tỉnh Bình Thuận cũ)."
    )
    for question in ("Xã Liên Hương hiện thuộc tỉnh nào?", "xa Lien Huong hien thuoc tinh nao"):
        answer = _ask(question, text, province="Lâm Đồng")
        assert "hợp nhất thành tỉnh Lâm Đồng" in answer.split("[1]")[0], question
