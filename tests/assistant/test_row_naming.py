"""Which row of a table a question names (invented rows and questions)."""

from assistant.extractive.question import analyse
from assistant.extractive.row_naming import asked_row, best_named, naming


def _named(
    question: str, labels: list[str], context: str = "", by_share: bool = False
) -> list[str]:
    asked = asked_row(analyse(question))
    header = "Chức danh | Mức (đồng/người/tháng)"
    keys = [
        (naming(asked, label, " ".join((header, *labels)), context, by_share=by_share), label)
        for label in labels
    ]
    return best_named([(key, label) for key, label in keys if key is not None])


def test_a_rate_row_is_named_by_most_of_its_words_beyond_the_table_title() -> None:
    labels = ["Trưởng ban bảo vệ dân phố", "Phó trưởng ban bảo vệ dân phố", "Bảo vệ viên"]
    question = "mức phụ cấp phó trưởng ban bảo vệ dân phố là bao nhiêu?"
    assert _named(question, labels, "Mức phụ cấp ban bảo vệ dân phố", by_share=True) == [
        "Phó trưởng ban bảo vệ dân phố"
    ]


def test_two_rates_asked_together_name_both_rows_alike() -> None:
    labels = ["Trưởng ban bảo vệ dân phố", "Phó ban bảo vệ dân phố", "Bảo vệ viên"]
    question = "phụ cấp hằng tháng của trưởng ban, phó ban bảo vệ dân phố?"
    assert _named(question, labels, by_share=True) == labels[:2]


def test_a_word_said_in_another_row_of_the_table_is_said() -> None:
    # "phó" is not in the first row, "trưởng" not in the second, "hằng" in neither: the
    # table says the first two, so only one word is left unsaid.
    labels = ["Trưởng ban bảo vệ dân phố", "Phó ban bảo vệ dân phố"]
    question = "phụ cấp hằng tháng trưởng ban và phó ban bảo vệ dân phố?"
    assert _named(question, labels[:1], by_share=True) == []  # a table of one row
    assert _named(question, labels, by_share=True) == labels


def test_a_rate_row_is_not_read_for_what_the_table_leaves_unsaid() -> None:
    # The table has no holiday rate: the question asks one.
    labels = ["Dân quân trực chốt", "Dân quân tuần tra"]
    question = "mức bồi dưỡng dân quân trực chốt ngày lễ tết?"
    assert _named(question, labels, by_share=True) == []


def test_the_figures_a_question_gives_name_their_row_first() -> None:
    labels = [
        "Suy giảm khả năng lao động từ 5% đến 20%",
        "Suy giảm khả năng lao động từ 21% đến 40%",
    ]
    question = "suy giảm khả năng lao động từ 21% đến 40% được trợ cấp bao nhiêu?"
    assert _named(question, labels, by_share=True) == [labels[1]]


def test_a_count_row_is_named_word_for_word_not_by_a_share_of_its_words() -> None:
    # "Công an huyện" is no share of "Các đội nghiệp vụ Công an huyện": the question asks the
    # whole district police, the row counts some of its teams.
    labels = ["Các đội nghiệp vụ Công an huyện", "Công an các xã, thị trấn"]
    assert _named("CA huyện tiếp nhận bao nhiêu tin báo năm 2024?", labels) == []
    assert _named("Các đội nghiệp vụ Công an huyện tiếp nhận mấy tin báo?", labels) == [labels[0]]


def test_of_count_rows_named_word_for_word_the_longest_label_is_read() -> None:
    labels = ["Đồn Biên phòng", "Đồn Biên phòng cửa khẩu Tây Trang"]
    question = "Đồn Biên phòng cửa khẩu Tây Trang bắt mấy vụ?"
    assert _named(question, labels) == [labels[1]]
