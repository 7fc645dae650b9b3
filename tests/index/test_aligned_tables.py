"""Tables laid out with spaces in plain-text reports are read as table rows (invented)."""

from __future__ import annotations

from index.aligned_tables import aligned_tables
from index.cleaning import clean_text

REPORT = """BÁO CÁO
Kết quả công tác 6 tháng đầu năm 2024

3. Kết quả theo địa bàn (6 tháng năm 2024)

  Xã, thị trấn          Vụ trộm cắp    Vụ ma túy    Người vi phạm
                        tài sản                     giao thông
  Thị trấn Mường Tè          7             3             412
  Xã Ka Lăng                 2             -             1.058
  Xã Pa Ủ                    4             5              96
  Cộng                      13             8             1.566

4. Phương hướng 6 tháng cuối năm
"""


def test_a_space_aligned_table_keeps_each_figure_with_its_row_and_column() -> None:
    cleaned = clean_text(REPORT)
    header = "| Xã, thị trấn | Vụ trộm cắp tài sản | Vụ ma túy | Người vi phạm giao thông |"
    assert header in cleaned
    assert "| Xã Ka Lăng | 2 | - | 1.058 |" in cleaned  # a dash is an empty cell
    assert "| Cộng | 13 | 8 | 1.566 |" in cleaned
    assert "4. Phương hướng 6 tháng cuối năm" in cleaned


def test_a_header_whose_last_line_names_one_column_is_still_the_header() -> None:
    lines = [
        "  Phường              Vụ cháy    Người bị",
        "                                 thương",
        "  Phường Tân An           3          2",
        "  Phường Hòa Bình         1          0",
        "  Cộng                    4          2",
    ]
    assert aligned_tables(lines)[0] == "| Phường | Vụ cháy | Người bị thương |"


def test_a_header_line_running_on_past_a_column_is_cut_where_that_column_begins() -> None:
    lines = [
        "  Huyện           Cơ sở kinh doanh   Cơ sở đã      Đạt",
        "                  có điều kiện       được cấp phép tỷ lệ (%)",
        "  Huyện Bắc Yên          120              96        80,0",
        "  Huyện Mai Sơn          214             150        70,1",
        "  Cộng                   334             246        73,7",
    ]
    header = "| Huyện | Cơ sở kinh doanh có điều kiện | Cơ sở đã được cấp phép | Đạt tỷ lệ (%) |"
    assert aligned_tables(lines)[0] == header


def test_rules_drawn_with_dashes_are_no_header_words_and_do_not_end_the_table() -> None:
    lines = [
        "  Phường              Vụ cháy   Người bị thương",
        "  ------------------  --------  ---------------",
        "  Phường Tân An              3                2",
        "  Phường Hòa Bình            1                0",
        "  Phường Quyết Thắng         2                1",
        "  ------------------  --------  ---------------",
        "  Cộng                       6                3",
        "  ------------------  --------  ---------------",
        "Ghi chú: số liệu đến ngày 14/6.",
    ]
    assert aligned_tables(lines) == [
        "| Phường | Vụ cháy | Người bị thương |",
        "| Phường Tân An | 3 | 2 |",
        "| Phường Hòa Bình | 1 | 0 |",
        "| Phường Quyết Thắng | 2 | 1 |",
        "| Cộng | 6 | 3 |",
        "Ghi chú: số liệu đến ngày 14/6.",
    ]


def test_prose_with_figures_and_short_runs_are_left_as_they_are() -> None:
    prose = [
        "Năm 2024 xảy ra 12 vụ, làm chết 3 người.",
        "  Xã A    4    5",
        "  Xã B    2    1",  # two aligned lines are not a table
        "",
        "Số điện thoại   0214   3888",
    ]
    assert aligned_tables(prose) == prose


def test_headers_written_from_the_left_over_figures_to_the_right_keep_their_columns() -> None:
    """Each header starts at its column's left edge; each figure ends at its right edge, so
    a header's middle is nearer the figures of the column before."""
    lines = [
        "Xã                 Vụ cháy      Trong đó     Người",
        "                   nhà ở        (vụ)         bị thương",
        "                   (vụ)",
        "-----------------  -----------  -----------  -----------",
        "Xã Đồng Tâm                  4            3            1",
        "Xã Hòa Phú                   7            2            0",
        "Xã Minh Lộc                  2            2            5",
        "-----------------  -----------  -----------  -----------",
        "Cộng                        13            7            6",
    ]
    rows = aligned_tables(lines)
    assert rows[0] == "| Xã | Vụ cháy nhà ở (vụ) | Trong đó (vụ) | Người bị thương |"
    assert "| Xã Minh Lộc | 2 | 2 | 5 |" in rows


def test_a_pair_of_counts_in_one_cell_is_one_figure() -> None:
    lines = [
        "  Xã            Trộm cắp   Ma túy              Cháy",
        "                (vụ)       (vụ/đối tượng)      (vụ)",
        "  Xã Ka Lăng        4          3/5               1",
        "  Xã Pa Ủ           2          0/0               0",
        "  Xã Mù Cả          1          2/2               0",
    ]
    assert aligned_tables(lines) == [
        "| Xã | Trộm cắp (vụ) | Ma túy (vụ/đối tượng) | Cháy (vụ) |",
        "| Xã Ka Lăng | 4 | 3/5 | 1 |",
        "| Xã Pa Ủ | 2 | 0/0 | 0 |",
        "| Xã Mù Cả | 1 | 2/2 | 0 |",
    ]


def test_a_row_label_wrapped_over_lines_is_one_label_and_the_table_goes_on() -> None:
    lines = [
        "  Xã                        Vụ cháy   Người bị thương",
        "  Xã Ka Lăng                    3                2",
        "  Xã Pa Ủ                       1                0",
        "  Các xã còn lại (Mù Cả,        2                1",
        "  Tà Tổng, Bum Nưa)",
        "  -----------------------  --------  ---------------",
        "  Cộng                          6                3",
        "",
        "Các vụ cháy chủ yếu do chập điện.",
    ]
    assert aligned_tables(lines) == [
        "| Xã | Vụ cháy | Người bị thương |",
        "| Xã Ka Lăng | 3 | 2 |",
        "| Xã Pa Ủ | 1 | 0 |",
        "| Các xã còn lại (Mù Cả, Tà Tổng, Bum Nưa) | 2 | 1 |",
        "| Cộng | 6 | 3 |",
        "",
        "Các vụ cháy chủ yếu do chập điện.",
    ]


def test_a_short_line_after_the_table_is_not_taken_for_a_wrapped_label() -> None:
    lines = [
        "  Xã                  Vụ cháy   Người bị thương",
        "  Xã Ka Lăng              3                2",
        "  Xã Pa Ủ                 1                0",
        "  Xã Mù Cả                2                1",
        "  Ghi chú: số liệu",
        "  đến ngày 14/6.",
    ]
    assert aligned_tables(lines)[-2:] == ["  Ghi chú: số liệu", "  đến ngày 14/6."]


def test_a_numbered_table_keeps_its_numbers_apart_and_its_narrow_rule_is_a_rule() -> None:
    lines = [
        "  TT  Xã                  Trộm cắp   Cháy     Người",
        "                          (vụ)       (vụ)     bị thương",
        "  --  ------------------  --------   ------   ---------",
        "   1  Xã Ka Lăng              4         1          2",
        "   2  Xã Pa Ủ                 2         0          5",
        "   3  Xã Mù Cả                1         3          0",
        "   4  Các xã còn lại (Tà      2         0          1",
        "      Tổng, Bum Nưa)",
        "  --  ------------------  --------   ------   ---------",
        "      Cộng                    9         4          8",
    ]
    assert aligned_tables(lines) == [
        "| TT | Xã | Trộm cắp (vụ) | Cháy (vụ) | Người bị thương |",
        "| 1 | Xã Ka Lăng | 4 | 1 | 2 |",
        "| 2 | Xã Pa Ủ | 2 | 0 | 5 |",
        "| 3 | Xã Mù Cả | 1 | 3 | 0 |",
        "| 4 | Các xã còn lại (Tà Tổng, Bum Nưa) | 2 | 0 | 1 |",
        "|  | Cộng | 9 | 4 | 8 |",
    ]


def test_a_table_of_words_is_cut_where_the_rule_under_its_header_begins_each_column() -> None:
    lines = [
        "                 THỜI HẠN THỰC HIỆN",
        "",
        "  STT  Nội dung                        Cơ quan chủ trì     Thời hạn",
        "  ---  ------------------------------  ------------------  ------------",
        "   1   Tuyên truyền phòng, chống        Sở Giáo dục và      Trước 05/9/2024",
        "       đuối nước cho học sinh          Đào tạo",
        "   2   Rà soát bến khách ngang sông    Sở Giao thông vận   Trước 15/9/2024",
        "                                       tải",
        "  ---  ------------------------------  ------------------  ------------",
        "",
        "  Nơi nhận: như trên.",
    ]
    assert aligned_tables(lines) == [
        "                 THỜI HẠN THỰC HIỆN",
        "",
        "| STT | Nội dung | Cơ quan chủ trì | Thời hạn |",
        "| 1 | Tuyên truyền phòng, chống đuối nước cho học sinh | Sở Giáo dục và Đào tạo"
        " | Trước 05/9/2024 |",
        "| 2 | Rà soát bến khách ngang sông | Sở Giao thông vận tải | Trước 15/9/2024 |",
        "",
        "  Nơi nhận: như trên.",
    ]


def test_a_label_wrapped_before_its_figures_opens_the_next_row() -> None:
    """ "Các huyện còn lại (09 huyện," has no figures: its row's figures stand on its last
    line ("thị xã)   17   32"), so it opens that row, not the row above it."""
    lines = [
        "Địa bàn                                   Bến khách     Phương tiện",
        "                                          (bến)         (chiếc)",
        "-" * 70,
        "Huyện Sơn Tịnh                            21            33",
        "Huyện Bình Sơn                             9            24",
        "Các huyện còn lại (09 huyện,",
        "thị xã)                                   17            32",
        "-" * 70,
        "Cộng                                      47            89",
    ]
    rows = aligned_tables(lines)
    assert "| Huyện Bình Sơn | 9 | 24 |" in rows, rows
    assert "| Các huyện còn lại (09 huyện, thị xã) | 17 | 32 |" in rows, rows


def test_a_header_wrapped_over_four_lines_names_every_column_whole() -> None:
    """A long column name over three lines and its unit on a fourth: the first line is as
    much the header's as the unit under it."""
    lines = [
        "  Đơn vị                    Vượt biên     Tổ tuần tra",
        "                            trái phép     đường biên,",
        "                            (vụ)          mốc giới",
        "                                          (tổ)",
        "  " + "-" * 56,
        "  Xã Na Sang                    4             6",
        "  Xã Mường Mươn                 7             3",
        "  Xã Huổi Lèng                  2             5",
    ]
    rows = aligned_tables(lines)
    assert "| Đơn vị | Vượt biên trái phép (vụ) | Tổ tuần tra đường biên, mốc giới (tổ) |" in (
        rows
    ), rows
