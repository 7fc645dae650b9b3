"""Methods searched for with no asking word ("Thủ đoạn ...?"), an officer's account quoted
from its opening mark, and an amount named bare before a part that asks (invented
documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.quotes import quotation_opening
from tests.assistant.one_document import invented_passage

NEWS = invented_passage(
    "Công an huyện Krông Pắc vừa triệt phá nhóm trộm cắp máy bơm nước, bắt 05 đối tượng.\n\n"
    'Trung tá Lê Văn Hùng, Đội trưởng Đội Cảnh sát hình sự cho biết: "Các đối tượng đi xe '
    "máy không biển số, chọn các rẫy xa nhà dân, dùng kìm cộng lực cắt khóa trong vài phút. "
    'Sau khi trộm, chúng giấu máy trong vườn cà phê rồi bán cho các tiệm phế liệu."\n\n'
    "Vụ án đang được mở rộng điều tra.",
    "tin.html",
    year=2031,
    title="Triệt phá nhóm trộm cắp máy bơm nước",
    kind="tin bài",
    province="Đắk Lắk",
)


def test_methods_searched_for_are_a_manner_and_motorbikes_no_count() -> None:
    for question in (
        "Thủ đoạn nhóm trộm máy bơm ở Krông Pắc?",
        "thu doan nhom trom xe may o Krong Pac",
    ):
        assert analyse(question).type == QuestionType.MANNER, question
    assert analyse("Thủ đoạn gì được dùng?").type == QuestionType.WHICH
    assert analyse("xa A co may vu trom xe may").type == QuestionType.COUNT


def test_an_account_is_quoted_from_its_opening_mark() -> None:
    """Chosen at the account's second sentence, the quotation is read back to its opening
    mark ("Các đối tượng ... kìm cộng lực ..."); chosen at a sentence outside any, nothing."""
    (view,) = read_passages(analyse("Thủ đoạn nhóm trộm máy bơm ở Krông Pắc?"), [NEWS])
    texts = [clause.text for clause in view.clauses]
    second = next(i for i, text in enumerate(texts) if text.startswith("Sau khi trộm"))
    opened = quotation_opening(view, [second])
    assert opened and "kìm cộng lực" in " ".join(texts[i] for i in opened)
    assert all(i < second for i in opened)
    assert quotation_opening(view, [0]) == []
    answer = ExtractiveAnswerer().build("Thủ đoạn nhóm trộm máy bơm ở Krông Pắc?", [NEWS])
    assert "kìm cộng lực" in answer.answer and "phế liệu" in answer.answer, answer.answer


def test_an_amount_named_bare_before_a_part_that_asks_is_asked_too() -> None:
    assert split_asks(
        "Kinh phí lắp camera năm 2031 của xã A, ngân sách tỉnh hỗ trợ mấy phần trăm?"
    ) == [
        "Kinh phí lắp camera năm 2031 của xã A là bao nhiêu?",
        "ngân sách tỉnh hỗ trợ mấy phần trăm?",
    ]
    assert split_asks("kinh phi lap camera xa A, tinh ho tro may phan tram") == [
        "kinh phi lap camera xa A la bao nhieu?",
        "tinh ho tro may phan tram",
    ]
    assert split_asks("Thiệt hại do cháy năm 2031 bao nhiêu?") == [
        "Thiệt hại do cháy năm 2031 bao nhiêu?"
    ]
