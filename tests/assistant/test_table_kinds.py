"""Which column of a table a question asks: a kind beside the sum of all kinds, a part of
the column it names, a deed named with its unit (invented reports)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.tables import with_parent_columns
from assistant.passages import Passage
from index.records import DocumentMetadata


def _report(text: str) -> Passage:
    metadata = DocumentMetadata(
        year=2024,
        title="Kế hoạch kiểm tra cơ sở kinh doanh có điều kiện năm 2024",
        province="Gia Lai",
    )
    return Passage("kh.md#0", "kh.md", text, 0, len(text), 0.5, metadata)


def _first_quote(question: str, passage: Passage) -> str:
    answer = ExtractiveAnswerer().build(question, [passage])
    assert not answer.refused, question
    return answer.answer.split("[1]")[0]


BUSINESSES = (
    "Số liệu theo địa bàn (năm 2023):\n\n"
    "| Địa phương | Nhà nghỉ | Quán bar, vũ trường | Cầm đồ | Cộng số cơ sở | Kiểm tra (lượt) |\n"
    "|---|---|---|---|---|---|\n"
    "| Huyện Đông An | 31 | 12 | 8 | 51 | 140 |\n"
    "| Huyện Tây An | 64 | 5 | 9 | 78 | 96 |\n"
    "| Thị xã Nam An | 22 | 27 | 30 | 79 | 210 |\n"
    "| **Cộng toàn tỉnh** | **117** | **44** | **47** | **208** | **446** |"
)


def test_a_kind_is_read_in_its_own_column_not_in_the_sum_beside_it() -> None:
    """The sum column names the counted noun ("cơ sở"), the kind's column only the kind: a
    question naming both asks the kind."""
    report = _report(BUSINESSES)
    most = _first_quote("Địa phương nào có nhiều cơ sở kinh doanh nhà nghỉ nhất năm 2023?", report)
    assert "Huyện Tây An = 64" in most
    assert "= 79" not in most
    cell = _first_quote("so co so nha nghi huyen Dong An", report)
    assert "= 31" in cell
    accented = _first_quote("Số cơ sở quán bar, vũ trường ở huyện Đông An?", report)
    assert "= 12" in accented
    whole = _first_quote("Địa phương nào có nhiều cơ sở nhất?", report)
    assert "Thị xã Nam An = 79" in whole  # no kind named: the sum


def test_a_part_naming_its_own_noun_is_of_the_column_counting_it() -> None:
    """ "Trong đó số đội ở xã biên giới" is part of "Số đội", though it stands after the
    members' column."""
    header = ["Đơn vị", "Số đội", "Số đội viên (người)", "Trong đó số đội ở xã biên giới"]
    assert with_parent_columns(header)[3] == "Số đội Trong đó số đội ở xã biên giới"
    after = ["Đơn vị", "Số tổ tự quản", "Trong đó ở thôn đặc biệt khó khăn"]
    assert with_parent_columns(after)[2] == "Số tổ tự quản Trong đó ở thôn đặc biệt khó khăn"
    table = (
        "Phụ lục: lực lượng theo đơn vị\n\n"
        "| Đơn vị | Số đội | Số đội viên (người) | Trong đó số đội ở xã biên giới |\n"
        "|---|---|---|---|\n"
        "| Huyện Đông An | 21 | 310 | 40 |\n"
        "| Huyện Tây An | 18 | 402 | 9 |"
    )
    most = _first_quote("huyen nao co nhieu doi vien doi tu quan nhat", _report(table))
    assert "Huyện Tây An = 402" in most


def test_a_deed_names_its_column_without_the_unit_it_counts_in() -> None:
    """ "khởi tố nhiều vụ nhất" ranks by "Khởi tố (vụ/bị can)", not by the cases found."""
    table = (
        "Kết quả theo đơn vị:\n\n"
        "| Đơn vị | Vụ phát hiện | Khởi tố (vụ/bị can) | Xử phạt hành chính (vụ) |\n"
        "|---|---|---|---|\n"
        "| Phòng Cảnh sát kinh tế | 19 | 11/25 | 6 |\n"
        "| Công an huyện Đông An | 42 | 4/6 | 30 |"
    )
    most = _first_quote("Đơn vị nào khởi tố nhiều vụ án kinh tế nhất năm 2024?", _report(table))
    assert "Phòng Cảnh sát kinh tế = 11/25" in most


def test_a_folded_noun_whose_word_folds_as_a_stop_word_is_read_whole() -> None:
    """Typed without marks, "trọ" folds as "trở" and "cơ" as "có": "phong tro", "co so"
    are still the nouns counted."""
    from assistant.extractive.question import analyse

    assert analyse("thi xa Tay An co bao nhieu phong tro").counted.unit == "phong tro"
    assert analyse("so nha tro thi xa Tay An").counted.unit == "nha tro"
    assert analyse("so co so karaoke thi xa Tay An").counted.unit == "co so karaoke"


def test_roads_numbered_in_a_tables_rows_are_no_stages() -> None:
    """ "các quốc lộ" asked with a deadline: the task's deadline, not each road's row."""
    plan = (
        "Số liệu TNGT theo tuyến (năm 2026):\n\n"
        "| Tuyến | Số vụ | Người chết |\n|---|---|---|\n"
        "| Quốc lộ 4D | 41 | 17 |\n| Quốc lộ 32 | 23 | 9 |\n\n"
        "a) Chủ trì khắc phục 12 điểm đen trên các tuyến quốc lộ, hoàn thành trước ngày "
        "30/6/2027."
    )
    question = "Khi nào phải khắc phục xong 12 điểm đen trên các quốc lộ?"
    assert "30/6/2027" in _first_quote(question, _report(plan))


def test_the_merged_units_row_is_their_sum_not_one_of_them() -> None:
    table = (
        "Các đơn vị hợp thành xã Tân Hòa:\n\n"
        "| Đơn vị | Diện tích (km2) | Dân số (người) |\n|---|---|---|\n"
        "| Xã Tân Lập | 31,5 | 9.120 |\n| Xã Tân Phong | 40,2 | 7.450 |\n"
        "| Xã Tân Hòa (sau sắp xếp) | 71,7 | 16.570 |"
    )
    most = _first_quote(
        "Đơn vị nào có diện tích lớn nhất trong các xã hợp thành xã Tân Hòa?", _report(table)
    )
    assert "Xã Tân Phong = 40,2" in most


def test_what_a_cause_names_is_no_deeds_column() -> None:
    """ "người chết vì TNGT cao nhất" ranks the dead, not "TNGT (vụ)", which the cause
    names whole once its unit is set aside."""
    table = (
        "Kết quả theo địa bàn năm 2027:\n\n"
        "| Đơn vị | TNGT (vụ) | Người chết | Người bị thương |\n|---|---|---|---|\n"
        "| Huyện Đông An | 30 | 9 | 25 |\n| Huyện Tây An | 22 | 14 | 12 |"
    )
    most = _first_quote("Huyện nào có số người chết vì TNGT cao nhất năm 2027?", _report(table))
    assert "Huyện Tây An = 14" in most
