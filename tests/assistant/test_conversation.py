"""Follow-up questions rewritten to stand alone: by rules, and by a chat model over HTTP."""

from __future__ import annotations

import pytest

from assistant.conversation import (
    CONDENSE_PROMPT,
    LLMCondenser,
    RuleCondenser,
    condense_rules,
    exchanges,
)
from index.restore import DiacriticRestorer
from index.vietnamese import fold_syllable, has_diacritics
from tests.fakes import FakeOpenAIServer
from tests.fakes.openai_server import Messages

POLICE = "Điện Biên có bao nhiêu công an xã?"
POLICE_ANSWER = "Tính đến hết tháng 3/2019, toàn tỉnh đã có trên 2.000 đồng chí Công an xã [1]."
DIRECTIVE_ANSWER = "Ngày 6/3/2023, Hà Tĩnh ban hành Chỉ thị số 31-CT/TU về công an xã [1]."


@pytest.mark.parametrize(
    ("previous", "follow_up", "standalone"),
    [
        (POLICE, "Còn Sóc Trăng thì sao?", "Sóc Trăng có bao nhiêu công an xã?"),
        (POLICE, "Thế còn Hà Tĩnh?", "Hà Tĩnh có bao nhiêu công an xã?"),
        (POLICE, "Hà Tĩnh thì sao?", "Hà Tĩnh có bao nhiêu công an xã?"),
        (POLICE, "Ở Sóc Trăng thì thế nào?", "Sóc Trăng có bao nhiêu công an xã?"),
        (POLICE, "Còn ở Hà Tĩnh?", "Hà Tĩnh có bao nhiêu công an xã?"),
        (POLICE, "Vậy Sóc Trăng thì sao", "Sóc Trăng có bao nhiêu công an xã?"),
        (POLICE, "con soc trang thi sao", "Sóc Trăng có bao nhiêu công an xã?"),
        (POLICE, "The con Ha Tinh?", "Hà Tĩnh có bao nhiêu công an xã?"),
        (POLICE, "Ở Hà Tĩnh?", "Hà Tĩnh có bao nhiêu công an xã?"),
        (POLICE, "Còn huyện Tuyên Hóa?", "Huyện Tuyên Hóa có bao nhiêu công an xã?"),
        (
            "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?",
            "Còn tỉnh Sóc Trăng thì sao?",
            "Tỉnh Sóc Trăng có bao nhiêu tổ hòa giải?",
        ),
        ("Có bao nhiêu công an xã?", "Còn Sóc Trăng?", "Có bao nhiêu công an xã ở Sóc Trăng?"),
        (
            "Năm 2021 huyện Tuyên Hóa có bao nhiêu vụ phạm pháp hình sự?",
            "Còn năm 2020?",
            "Năm 2020 huyện Tuyên Hóa có bao nhiêu vụ phạm pháp hình sự?",
        ),
        (POLICE, "Còn năm 2020?", "Điện Biên có bao nhiêu công an xã năm 2020?"),
        (
            "Điện Biên có bao nhiêu tổ bảo vệ dân phố?",
            "còn tổ hòa giải?",
            "Điện Biên có bao nhiêu tổ hòa giải?",
        ),
        (
            "Đến hết tháng 3/2019 toàn tỉnh Điện Biên có bao nhiêu công an xã?",
            "Thế còn đội dân phòng?",
            "Đến hết tháng 3/2019 toàn tỉnh Điện Biên có bao nhiêu đội dân phòng?",
        ),
    ],
)
def test_follow_up_takes_the_rest_of_the_previous_question(
    previous: str, follow_up: str, standalone: str
) -> None:
    assert condense_rules(follow_up, [(previous, POLICE_ANSWER)]) == standalone


@pytest.mark.parametrize(
    ("follow_up", "standalone"),
    [
        ("Chỉ thị này yêu cầu gì về trụ sở?", "Chỉ thị số 31-CT/TU yêu cầu gì về trụ sở?"),
        ("Văn bản đó do ai ký?", "Chỉ thị số 31-CT/TU do ai ký?"),
        # typed without diacritics, it stays so (a mix would defeat restoring it)
        ("chi thi do yeu cau gi?", "Chi thi so 31-CT/TU yeu cau gi?"),
    ],
)
def test_pointer_to_a_directive_takes_its_number(follow_up: str, standalone: str) -> None:
    history = [("Hà Tĩnh có văn bản nào về công an xã?", DIRECTIVE_ANSWER)]
    assert condense_rules(follow_up, history) == standalone


def test_pointer_takes_the_number_of_the_kind_it_names() -> None:
    history = [
        {"role": "user", "content": "Chỉ thị 31-CT/TU dựa trên những văn bản nào?"},
        {"role": "assistant", "content": "Trọng tâm là Nghị quyết số 12-NQ/TW ngày 16/3/2022 [1]."},
    ]
    assert (
        condense_rules("Nghị quyết đó ban hành ngày nào?", history)
        == "Nghị quyết số 12-NQ/TW ban hành ngày nào?"
    )


def test_a_pointer_without_a_number_takes_what_the_question_said_of_it() -> None:
    history = [("Quyết định nào thành lập đội dân phòng ở Quảng Trị?", "Quyết định do ... [1].")]
    assert (
        condense_rules("Quyết định đó do ai ký?", history)
        == "Quyết định thành lập đội dân phòng ở Quảng Trị do ai ký?"
    )


FIRE = "Quảng Trị có bao nhiêu đội dân phòng?"
DIRECTIVE_DUTY = "Kế hoạch 12/KH-UBND của Quảng Trị giao Sở Y tế việc gì?"


@pytest.mark.parametrize(
    ("previous", "follow_up", "standalone"),
    [
        # "thì bao nhiêu" asks the previous question's figure again
        (FIRE, "Ở Quảng Bình thì bao nhiêu?", "Quảng Bình có bao nhiêu đội dân phòng?"),
        (FIRE, "o quang binh thi co bao nhieu?", "Quảng Bình có bao nhiêu đội dân phòng?"),
        # a new place and a new period, both kept
        (
            "Năm 2020 huyện Gio Linh có bao nhiêu vụ cháy?",
            "Còn huyện Cam Lộ 9 tháng đầu năm 2021 thì sao?",
            "9 tháng đầu năm 2021 huyện Cam Lộ có bao nhiêu vụ cháy?",
        ),
        (
            "Quảng Trị có bao nhiêu vụ cháy trong 6 tháng đầu năm 2021?",
            "Còn Quảng Bình năm 2019?",
            "Quảng Bình có bao nhiêu vụ cháy trong năm 2019?",
        ),
        # another document: its kind, number and place replace the previous one's
        (
            DIRECTIVE_DUTY,
            "Còn Chỉ thị 05/CT-UBND của Quảng Bình thì sao?",
            "Chỉ thị 05/CT-UBND của Quảng Bình giao Sở Y tế việc gì?",
        ),
        (DIRECTIVE_DUTY, "Còn kế hoạch 40?", "Kế hoạch 40 giao Sở Y tế việc gì?"),
        # a sibling of what was asked about ("Đội phó" after "Đội trưởng")
        (
            "Mức phụ cấp của Đội trưởng đội dân phòng ở Quảng Trị là bao nhiêu?",
            "Còn Đội phó thì sao?",
            "Mức phụ cấp của Đội phó đội dân phòng ở Quảng Trị là bao nhiêu?",
        ),
        (
            "Chỉ thị 8 yêu cầu công an xã làm gì?",
            "còn công an huyện?",
            "Chỉ thị 8 yêu cầu công an huyện làm gì?",
        ),
        # a commune the place list does not hold, named with its unit word
        (
            "Tuyến đê của Quảng Trị dài bao nhiêu km?",
            "Còn xã Triệu An thì sao?",
            "Tuyến đê của xã Triệu An dài bao nhiêu km?",
        ),
        # "bao nhiêu" already asks the number of what "số ..." names
        (
            "Quảng Trị có bao nhiêu vụ cháy năm 2020?",
            "còn số người bị thương?",
            "Quảng Trị có bao nhiêu người bị thương năm 2020?",
        ),
        # typed without diacritics, a name shared by a district and a province is the province
        (FIRE, "con thanh hoa thi sao", "Thanh Hóa có bao nhiêu đội dân phòng?"),
    ],
)
def test_follow_up_keeps_what_it_names_anew(previous: str, follow_up: str, standalone: str) -> None:
    assert condense_rules(follow_up, [(previous, "")]) == standalone


@pytest.mark.parametrize(
    ("previous", "follow_up", "standalone"),
    [
        (
            "quang tri co bao nhieu doi dan phong?",
            "con huyen Cam Lo thi sao?",
            "Huyện Cam Lộ có bao nhiêu đội dân phòng?",
        ),
        ("Quảng Trị có bao nhiêu tổ hòa giải?", "con doi dan phong?", FIRE),
    ],
)
class TestTypedWithoutDiacritics:
    """A conversation partly typed without diacritics gives a standalone question written
    one way: restored when a restorer is at hand, else without diacritics throughout."""

    @pytest.fixture(scope="class")
    def restorer(self) -> DiacriticRestorer:
        return DiacriticRestorer.from_texts(
            [
                "Tỉnh Quảng Trị có 1.200 đội dân phòng và 300 tổ hòa giải.",
                "Huyện Cam Lộ có 95 đội dân phòng tuần tra hằng đêm.",
            ]
        )

    def test_restored_with_the_restorer(
        self, restorer: DiacriticRestorer, previous: str, follow_up: str, standalone: str
    ) -> None:
        condenser = RuleCondenser(restore=restorer.restore)
        assert condenser.condense(follow_up, [(previous, "")]) == standalone

    def test_without_diacritics_throughout_without_it(
        self, previous: str, follow_up: str, standalone: str
    ) -> None:
        result = condense_rules(follow_up, [(previous, "")])
        assert result == fold_keeping_case(standalone)
        assert not has_diacritics(result)


def fold_keeping_case(text: str) -> str:
    return "".join(
        fold_syllable(c).upper() if c.isupper() else fold_syllable(c) if c.isalpha() else c
        for c in text
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hà Tĩnh có bao nhiêu chi bộ công an xã?",
        "Còn bao nhiêu xã chưa có công an chính quy?",
        "Sóc Trăng thực hiện đề án công an xã chính quy như thế nào?",
        "Nghị quyết đó ban hành ngày nào?",  # no directive number to point at
        "Thế trận an ninh nhân dân?",
        "Công an xã Hà Tĩnh hoạt động thế nào?",
        "Vậy lực lượng dân phòng làm nhiệm vụ gì?",
        "Còn xã nào chưa có đội dân phòng?",
        "Còn 6 tháng đầu năm có bao nhiêu vụ cháy?",
    ],
)
def test_a_question_that_stands_alone_is_unchanged(question: str) -> None:
    assert condense_rules(question, [(POLICE, POLICE_ANSWER)]) == question


def test_a_phrase_sharing_only_a_common_word_is_no_sibling() -> None:
    history = [("Chỉ thị 8 yêu cầu công an xã làm gì?", "")]
    assert condense_rules("Còn xã hội thì sao?", history) == "Còn xã hội thì sao?"


def test_without_history_nothing_changes() -> None:
    assert condense_rules("Còn Sóc Trăng thì sao?", []) == "Còn Sóc Trăng thì sao?"


def test_a_chain_of_follow_ups_resolves_in_order() -> None:
    history = [(POLICE, POLICE_ANSWER), ("Còn Sóc Trăng thì sao?", "...")]
    assert (
        condense_rules("Thế còn năm 2020?", history)
        == "Sóc Trăng có bao nhiêu công an xã năm 2020?"
    )


def test_both_history_shapes_are_the_same_exchanges() -> None:
    messages = [
        {"role": "system", "content": "ignored"},
        {"role": "user", "content": POLICE},
        {"role": "assistant", "content": POLICE_ANSWER},
        {"role": "user", "content": "Còn Sóc Trăng thì sao?"},
    ]
    assert exchanges(messages) == [(POLICE, POLICE_ANSWER), ("Còn Sóc Trăng thì sao?", "")]
    assert RuleCondenser().condense("Còn Hà Tĩnh?", messages) == "Hà Tĩnh có bao nhiêu công an xã?"


@pytest.mark.server
class TestLLMCondenser:
    def test_sends_the_history_and_returns_the_models_question(
        self, chat_model, openai_server: FakeOpenAIServer
    ) -> None:
        openai_server.reset("Câu hỏi độc lập: Sóc Trăng có bao nhiêu công an xã chính quy?\n")
        condenser = LLMCondenser(chat_model)

        standalone = condenser.condense("Còn Sóc Trăng thì sao?", [(POLICE, POLICE_ANSWER)])

        assert standalone == "Sóc Trăng có bao nhiêu công an xã chính quy?"
        request = openai_server.requests[0]
        assert request.content("system") == CONDENSE_PROMPT
        user = request.content("user")
        assert f"<lich_su>\nCán bộ: {POLICE}\nTrợ lý: {POLICE_ANSWER}\n</lich_su>" in user
        assert user.rstrip().endswith(
            "Câu hỏi tiếp theo: Còn Sóc Trăng thì sao?\n\nCâu hỏi độc lập:"
        )

    def test_keeps_only_the_last_exchanges(self, chat_model, openai_server) -> None:
        openai_server.reset("Hà Tĩnh có bao nhiêu công an xã?")
        history = [(f"Câu hỏi số {i}?", f"Trả lời {i}.") for i in range(6)]
        LLMCondenser(chat_model, max_exchanges=2).condense("Còn Hà Tĩnh?", history)
        user = openai_server.requests[0].content("user")
        assert "Câu hỏi số 4?" in user and "Câu hỏi số 5?" in user and "Câu hỏi số 3?" not in user

    def test_no_history_needs_no_call(self, chat_model, openai_server) -> None:
        assert LLMCondenser(chat_model).condense("Còn Sóc Trăng?", []) == "Còn Sóc Trăng?"
        assert openai_server.requests == []

    @pytest.mark.parametrize("reply", ["", "   \n"])
    def test_empty_reply_falls_back_to_the_rules(self, chat_model, openai_server, reply) -> None:
        openai_server.reset(reply)
        standalone = LLMCondenser(chat_model).condense("Còn Sóc Trăng thì sao?", [(POLICE, "")])
        assert standalone == "Sóc Trăng có bao nhiêu công an xã?"

    def test_server_failure_falls_back_to_the_rules(self, chat_model, openai_server) -> None:
        def broken(messages: Messages) -> str:
            raise RuntimeError("model crashed")

        openai_server.reset(broken)
        standalone = LLMCondenser(chat_model).condense("Còn Sóc Trăng thì sao?", [(POLICE, "")])
        assert standalone == "Sóc Trăng có bao nhiêu công an xã?"
        assert len(openai_server.requests) >= 1


def test_a_follow_up_naming_its_own_unit_replaces_the_unit_too() -> None:
    previous = [("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?", "1.814 tổ hòa giải [1].")]
    assert (
        condense_rules("Còn huyện Điện Biên Đông thì sao?", previous)
        == "Huyện Điện Biên Đông có bao nhiêu tổ hòa giải?"
    )
    assert (
        condense_rules("Còn Sóc Trăng thì sao?", previous)
        == "Tỉnh Sóc Trăng có bao nhiêu tổ hòa giải?"
    )
