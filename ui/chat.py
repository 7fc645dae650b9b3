"""The chat: question box, streamed answers rendered with their sources, a new-chat button.

Imported by `ui.page.build_page` only, so gradio is loaded when the page is built.

The conversation lives in three per-session states: what the chat shows (HTML messages),
the (question, answer text) pairs the assistant reads follow-ups against, and each
answer's full record, which feedback stores with its rating.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.answers import Answer, AnswerDelta
from assistant.filters import SearchFilters
from assistant.grounding import grounding_label
from ui.answer_text import copy_button
from ui.conversations import question_of
from ui.documents_view import key_ok
from ui.examples import EXAMPLE_QUESTIONS, PLACEHOLDER
from ui.filters import scope_text, search_filters
from ui.messages import (
    answer_message,
    error_message,
    pending_message,
    streaming_message,
    user_message,
)

if TYPE_CHECKING:
    from assistant.server_services import Services

logger = logging.getLogger(__name__)

Message = dict[str, str]
NOT_READY = "Hệ thống đang nạp tài liệu, đồng chí vui lòng hỏi lại sau ít phút."
READY_WAIT_S = 20.0  # a question asked while the index loads waits this long before giving up
STREAM_EVERY_S = 0.15  # the shortest pause between two redraws of a streaming answer


@dataclass
class ChatControls:
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    messages: gr.State  # list[Message]: what the chat shows
    history: gr.State  # list[tuple[str, str]]: (question, answer text) for follow-ups
    # list[dict | None]: Answer.model_dump() of each reply, None where answering failed, so
    # reply k is always chat message 2k + 1 (what a thumbs click reports).
    answers: gr.State

    @property
    def conversation(self) -> list[Any]:
        return [self.messages, self.history, self.answers]


def build_chat() -> ChatControls:
    """The chat area, rendered where called."""
    chatbot = gr.Chatbot(
        label="Hỏi đáp",
        show_label=False,
        height="62vh",
        min_height=420,
        elem_id="pa-chat",
        placeholder=PLACEHOLDER,
        examples=[{"text": question} for question in EXAMPLE_QUESTIONS],
        latex_delimiters=[],  # "$" is money in reports, not mathematics
        buttons=[],  # Gradio's copy button copies HTML: each answer carries its own "Sao chép"
        layout="panel",
        autoscroll=False,  # the page script scrolls: the answer's top, not its last source
    )
    with gr.Row(equal_height=True, elem_id="pa-ask-row"):
        question = gr.Textbox(
            placeholder="Nhập câu hỏi, ví dụ: Tỉnh Điện Biên có bao nhiêu tổ hòa giải?",
            label="Câu hỏi",
            show_label=False,
            lines=1,
            max_lines=4,
            scale=8,
            autofocus=True,
            elem_id="pa-question",
        )
        send = gr.Button(
            "Gửi câu hỏi", variant="primary", scale=0, min_width=140, elem_id="pa-send"
        )
    return ChatControls(chatbot, question, send, gr.State([]), gr.State([]), gr.State([]))


Outputs = tuple[
    str, list[Message], list[Message], list[tuple[str, str]], list[dict[str, Any] | None]
]


def make_respond(
    services: Services, added: Callable[[], Mapping[str, str]] | None = None
) -> Callable[..., Iterator[Outputs]]:
    """The handler answering one question, streaming into the chat.

    `added` tells when each document entered the index, for the source cards.
    """

    def respond(
        question: str,
        messages: list[Message],
        history: list[tuple[str, str]],
        answers: list[dict[str, Any] | None],
        locality: str | None,
        kind: str | None,
        year_from: str | None,
        year_to: str | None,
        key: str | None = None,
    ) -> Iterator[Outputs]:
        question = (question or "").strip()
        if not question:
            return
        filters = search_filters(locality, kind, year_from, year_to)
        # Each update is a new list: what was yielded may still be on its way to the page.
        shown = [*messages, _user(question), _assistant(pending_message())]
        yield "", shown, shown, history, answers
        refusal = _cannot_ask(services, question, key)
        if refusal:
            shown = [*shown[:-1], _assistant(f'<div class="pa-msg pa-note">{refusal}</div>')]
            yield question, shown, shown, history, [*answers, None]
            return
        final: Answer | None = None
        last_shown = 0.0
        for update in _answer_updates(services, question, history, filters):
            if isinstance(update, Answer):
                final = update
                break
            shown = [*shown[:-1], _assistant(update)]
            # Every update costs Gradio a full pass over the chat: the text is redrawn at
            # most every STREAM_EVERY_S (the extractive answer, all at once, is drawn once).
            if time.monotonic() - last_shown >= STREAM_EVERY_S:
                last_shown = time.monotonic()
                yield "", shown, shown, history, answers
        if final is None:  # the error is on screen; the reply still takes its place
            yield "", shown, shown, history, [*answers, None]
            return
        # The final answer replaces the streamed text: an LLM answer may end as a refusal.
        shown = [
            *shown[:-1],
            _assistant(
                _grounding_note(final)
                + answer_message(
                    final, len(answers), scope_text(filters), added() if added else None
                )
                + copy_button(final)
            ),
        ]
        history = [*history, (question, final.answer)]
        answers = [*answers, final.model_dump()]
        yield "", shown, shown, history, answers

    return respond


def _answer_updates(
    services: Services,
    question: str,
    history: list[tuple[str, str]],
    filters: SearchFilters | None,
) -> Iterator[str | Answer]:
    """The streamed text as HTML, then the final `Answer`; or, on failure, an error as HTML."""
    text = ""
    try:
        for event in services.assistant.stream(question, history or None, filters):
            if isinstance(event, AnswerDelta):
                text += event.text
                yield streaming_message(text)
            else:
                yield event
                return
    except Exception as error:  # shown in the chat, logged in full
        logger.exception("answering %r failed", question)
        yield error_message(str(error) or type(error).__name__)
        return
    yield error_message("không nhận được câu trả lời hoàn chỉnh")


def _cannot_ask(services: Services, question: str, key: str | None) -> str | None:
    """Why this question cannot be answered now (the same limits as the HTTP API), if so."""
    settings = services.settings
    if not key_ok(settings, key, "read"):
        return "Máy chủ yêu cầu khóa truy cập để hỏi: nhập khóa ở ô phía trên rồi hỏi lại."
    if len(question) > settings.api.max_question_chars:
        return f"Câu hỏi quá dài: tối đa {settings.api.max_question_chars} ký tự."
    if not services.ready and not services.wait_ready(READY_WAIT_S):
        return NOT_READY
    return None


def pick_example(selection: gr.SelectData) -> str:
    """The text of the example question the officer clicked."""
    value = selection.value
    return str(value.get("text", "")) if isinstance(value, dict) else str(value)


def new_conversation() -> tuple[str, list[Message], list[Message], list[Any], list[Any]]:
    return "", [], [], [], []


def take_back_last(
    messages: list[Message], history: list[tuple[str, str]], answers: list[dict[str, Any] | None]
) -> tuple[Any, ...]:
    """The chat without its last question and answer, that question back in the box (to be
    asked again); nothing changes when there is no answer yet."""
    if len(messages) < 2 or not answers:
        raise gr.Error("Chưa có câu hỏi nào để hỏi lại.", title="Lỗi")
    question = question_of(messages[-2]["content"])
    kept_history = history[:-1] if answers[-1] is not None and history else history
    shown = messages[:-2]
    return question, shown, shown, kept_history, answers[:-1]


def _grounding_note(answer: Answer) -> str:
    """How a language model's answer was checked against its sources (nothing otherwise)."""
    label = grounding_label(answer.grounding)
    if label is None:
        return ""
    return (
        f'<div class="pa-note pa-grounding" data-grounding="{answer.grounding}">'
        f"{html.escape(label)}</div>"
    )


def _user(question: str) -> Message:
    return {"role": "user", "content": user_message(question)}


def _assistant(html: str) -> Message:
    return {"role": "assistant", "content": html}
