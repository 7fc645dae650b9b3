"""The chat handler with a chat-model backend: the final answer replaces what streamed.

A real `Assistant` over the seed index, its LLM answer builder talking to the fake
OpenAI-compatible server (the one thing that cannot run here). A model scripted to state
a number without citing it must never get that number onto the screen: the guard holds
each sentence back until it is checked, and the chat ends on the extractive answer, saying
so; a faithful answer is shown as checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from assistant.live_index import IndexService
from assistant.pipeline import Assistant, build_assistant
from assistant.settings import Settings
from tests.fakes import FakeOpenAIServer, running_server
from tests.fakes.openai_server import MODEL

pytestmark = [pytest.mark.slow, pytest.mark.server]

UNCITED = "Toàn tỉnh có 9.999 tổ hòa giải."


@dataclass
class ChatServices:
    """What the chat handler reads from the server's `Services`."""

    settings: Settings
    assistant: Assistant
    ready: bool = True

    def wait_ready(self, timeout: float) -> bool:
        return self.ready


@pytest.fixture(scope="module")
def model_server() -> Iterator[FakeOpenAIServer]:
    with running_server() as server:
        yield server


@pytest.fixture
def services(seed_service: IndexService, model_server: FakeOpenAIServer) -> ChatServices:
    llm = {"backend": "openai", "llm_model": MODEL, "llm_base_url": model_server.base_url,
           "llm_timeout_s": 10}  # fmt: skip
    settings = seed_service.settings.with_overrides(llm=llm)
    return ChatServices(settings, build_assistant(settings, seed_service))


def run(services: ChatServices, question: str, **state: Any) -> list[Any]:
    from ui.chat import make_respond

    respond = make_respond(services)  # type: ignore[arg-type]
    history, answers = state.get("history", []), state.get("answers", [])
    return list(respond(question, [], history, answers, "", "", "", ""))


def test_an_invented_figure_never_reaches_the_screen(
    services: ChatServices, model_server: FakeOpenAIServer
) -> None:
    model_server.reset(UNCITED)
    updates = run(services, "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
    assert not any("9.999" in shown[-1]["content"] for _, shown, *_ in updates)
    _, final_shown, _, history, answers = updates[-1]
    final_html = final_shown[-1]["content"]
    # Nothing the model wrote held: the quoted answer is shown, saying so.
    assert 'data-grounding="fallback"' in final_html and "không khớp với tài liệu" in final_html
    assert "1.814" in final_html and answers[-1]["grounding"] == "fallback"
    assert "9.999" not in history[-1][1]


def cite_the_block_with(figure: str) -> Callable[[list[dict[str, Any]]], str]:
    """A faithful model: states the figure, citing the passage block that holds it."""

    def reply(messages: list[dict[str, Any]]) -> str:
        blocks = re.findall(r'<tai_lieu id="(\d+)"[^>]*>\n(.*?)\n</tai_lieu>',
                            str(messages[-1]["content"]), flags=re.S)  # fmt: skip
        n = next(n for n, text in blocks if figure in text)
        return f"Toàn tỉnh có {figure} tổ hòa giải [{n}]."

    return reply


def test_a_checked_answer_says_it_was_checked(
    services: ChatServices, model_server: FakeOpenAIServer
) -> None:
    model_server.reset(cite_the_block_with("1.814"))
    *_, (_, shown, _, _, answers) = run(services, "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
    assert 'data-grounding="verified"' in shown[-1]["content"]
    assert "Toàn tỉnh có 1.814 tổ hòa giải [1]." in shown[-1]["content"]
    assert answers[-1]["grounding"] == "verified"


def script(messages: list[dict[str, Any]]) -> str:
    """The model's part: rewrite the follow-up when asked to, else answer."""
    if "Câu hỏi độc lập" in str(messages[-1].get("content", "")):
        return "Huyện Điện Biên Đông có bao nhiêu tổ hòa giải?"
    return "Tài liệu không có thông tin này."


def test_a_follow_up_is_rewritten_with_the_conversation_and_shown(
    services: ChatServices, model_server: FakeOpenAIServer
) -> None:
    model_server.reset(script)
    history = [("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?", "Có 1.814 tổ hoà giải [1].")]
    updates = run(services, "Còn huyện Điện Biên Đông thì sao?", history=history, answers=[{}])
    condense = model_server.requests[0].content("user")
    assert "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?" in condense
    assert "Còn huyện Điện Biên Đông thì sao?" in condense
    _, shown, _, new_history, answers = updates[-1]
    assert "Hiểu là: <q>Huyện Điện Biên Đông có bao nhiêu tổ hòa giải?</q>" in shown[-1]["content"]
    assert [question for question, _ in new_history][-1] == "Còn huyện Điện Biên Đông thì sao?"
    assert len(answers) == 2


def test_reads_need_the_key_when_the_server_says_so(seed_service: IndexService) -> None:
    api = {"api_keys": "khoa-1", "require_key_for_read": True, "max_question_chars": 40}
    settings = seed_service.settings.with_overrides(api=api)
    services = ChatServices(settings, build_assistant(settings, seed_service))
    from ui.chat import make_respond

    respond = make_respond(services)  # type: ignore[arg-type]
    question = "Điện Biên có bao nhiêu tổ hòa giải?"
    *_, (box, shown, _, history, answers) = respond(question, [], [], [], "", "", "", "", "sai")
    assert "yêu cầu khóa truy cập" in shown[-1]["content"]
    assert box == question and history == [] and answers == [None]  # the question is kept
    *_, (_, shown, *_) = respond(
        question + " " * 3 + "x" * 20, [], [], [], "", "", "", "", "khoa-1"
    )
    assert "Câu hỏi quá dài: tối đa 40 ký tự" in shown[-1]["content"]
    *_, (_, shown, _, history, _) = respond(question, [], [], [], "", "", "", "", "khoa-1")
    assert "1.814" in shown[-1]["content"] and len(history) == 1
