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
        ("chi thi do yeu cau gi?", "Chỉ thị số 31-CT/TU yeu cau gi?"),
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
    ],
)
def test_a_question_that_stands_alone_is_unchanged(question: str) -> None:
    assert condense_rules(question, [(POLICE, POLICE_ANSWER)]) == question


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
