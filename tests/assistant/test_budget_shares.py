"""How a budget is shared between levels ("chia giữa ngân sách tỉnh và huyện theo tỷ lệ
nào?") is told by the clause giving each level's share, not by the total or the clause naming
"các cấp"; "giữa A và B" asks one thing (invented resolution)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.preferences import asks_share, states_share
from assistant.extractive.question import analyse
from tests.assistant.one_document import invented_passage

RESOLUTION = invented_passage(
    "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng\n\n"
    "1. Nghị quyết này quy định mức hỗ trợ lắp đặt đèn chiếu sáng tại các chốt an ninh, trật "
    "tự trên địa bàn tỉnh.\n\n"
    "2. Đối tượng áp dụng: UBND các cấp; Công an các cấp; thôn, bản, tổ dân phố; tổ chức, "
    "cá nhân có liên quan.\n\n"
    "Điều 2. Mức hỗ trợ\n\n"
    "| TT | Nội dung | Mức hỗ trợ |\n"
    "|---|---|---|\n"
    "| 1 | Lắp đặt mới đèn chiếu sáng tại chốt | 70% chi phí, tối đa 6.000.000 đồng/chốt |\n"
    "| 2 | Duy trì hoạt động đèn chiếu sáng | 400.000 đồng/chốt/năm |\n\n"
    "Điều 3. Kinh phí thực hiện\n\n"
    "1. Tổng kinh phí dự kiến giai đoạn 2030 - 2032 khoảng 18,4 tỷ đồng.\n\n"
    "2. Ngân sách tỉnh bảo đảm 60%, ngân sách cấp huyện bảo đảm 40% kinh phí hỗ trợ; riêng "
    "các xã biên giới do ngân sách tỉnh bảo đảm 100%.\n\n"
    "3. Đối với thành phố Điện Biên Phủ, ngân sách tỉnh và ngân sách thành phố mỗi cấp bảo "
    "đảm 50%.",
    "nq.md",
    title="Nghị quyết quy định mức hỗ trợ đèn chiếu sáng tại chốt an ninh, trật tự",
    kind="nghị quyết",
    province="Điện Biên",
)


def test_a_share_between_levels_is_asked_and_stated() -> None:
    assert asks_share(analyse("Kinh phí hỗ trợ đèn chốt chia giữa tỉnh và huyện thế nào?"))
    assert asks_share(analyse("kinh phi den chot chia giua ngan sach cac cap ra sao"))
    assert not asks_share(analyse("Tổng kinh phí hỗ trợ đèn chốt là bao nhiêu?"))
    assert states_share("Ngân sách tỉnh bảo đảm 60%, ngân sách cấp huyện bảo đảm 40%.")
    assert states_share("Ngân sách tỉnh và ngân sách cấp huyện mỗi cấp bảo đảm 50%.")
    assert not states_share("Lắp đặt mới đèn chiếu sáng tại chốt | 70% chi phí")


def test_between_two_levels_is_one_ask() -> None:
    question = (
        "Kinh phí hỗ trợ đèn chốt ở Điện Biên chia giữa ngân sách tỉnh và huyện theo tỷ lệ nào?"
    )
    assert split_asks(question) == [question]


def test_the_shares_answer_how_the_budget_is_shared() -> None:
    for question in (
        "Kinh phí hỗ trợ đèn chiếu sáng chốt ANTT Điện Biên chia giữa ngân sách các cấp thế nào?",
        "Kinh phí hỗ trợ đèn chốt ở Điện Biên chia giữa ngân sách tỉnh và huyện theo tỷ lệ nào?",
        "kinh phi ho tro den chieu sang chot Dien Bien chia giua tinh va huyen ra sao",
    ):
        answer = ExtractiveAnswerer().build(question, [RESOLUTION]).answer
        assert "60%" in answer and "40%" in answer, (question, answer)


def test_the_share_of_the_city_asked_is_its_own() -> None:
    answer = (
        ExtractiveAnswerer()
        .build(
            "Ở TP Điện Biên Phủ, kinh phí hỗ trợ chia giữa ngân sách tỉnh và ngân sách cấp huyện "
            "thế nào?",
            [RESOLUTION],
        )
        .answer
    )
    assert "mỗi cấp bảo đảm 50%" in answer, answer
