"""Thumbs up/down on each answer, with an optional comment, kept by the `FeedbackStore`.

A thumbs click opens a comment box and holds the rating as pending; it is stored once,
with or without a comment, when the officer sends or skips the comment, rates another
answer, asks the next question or starts a new chat. One click is one stored rating.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.feedback import FeedbackStore, Rating

if TYPE_CHECKING:
    import gradio as gr

MAX_COMMENT_CHARS = 2000
Answers = list[dict[str, Any] | None]  # each reply's Answer.model_dump(); None if it failed


@dataclass(frozen=True)
class PendingRating:
    turn: int  # which answer of the conversation, from 0
    rating: Rating


def rating_of(liked: object) -> Rating | None:
    """The rating a thumbs click gives; None when it gives none (a rating taken back)."""
    if liked is True or liked == "Like":
        return "up"
    if liked is False or liked == "Dislike":
        return "down"
    return None


def turn_of(index: object) -> int | None:
    """Which answer a clicked chat message is: replies are messages 1, 3, 5, ..."""
    if isinstance(index, list | tuple):
        index = index[0] if index else None
    return index // 2 if isinstance(index, int) and index % 2 == 1 else None


def store_rating(
    store: FeedbackStore,
    pending: PendingRating | None,
    answers: Answers,
    comment: str = "",
) -> int | None:
    """Store a pending rating with its answer; returns the stored id, None if nothing to do."""
    if pending is None or not 0 <= pending.turn < len(answers):
        return None
    answer = answers[pending.turn]
    if answer is None:
        return None
    text = comment.strip()[:MAX_COMMENT_CHARS]
    return store.add(pending.rating, str(answer.get("question", "")), answer, text)


def prompt_text(pending: PendingRating) -> str:
    verdict = "hữu ích" if pending.rating == "up" else "chưa đúng hoặc chưa đủ"
    return (
        f"**Đánh giá câu trả lời số {pending.turn + 1}: {verdict}.** "
        "Đồng chí có thể ghi thêm góp ý (không bắt buộc), rồi bấm *Gửi đánh giá*."
    )


@dataclass
class FeedbackControls:
    panel: gr.Column
    prompt: gr.Markdown
    comment: gr.Textbox
    send: gr.Button
    skip: gr.Button
    pending: gr.State  # PendingRating | None
    status: gr.Markdown


def build_feedback() -> FeedbackControls:
    """The comment box shown after a thumbs click, rendered where called."""
    import gradio as gr

    with gr.Column(visible=False, elem_id="pa-feedback", variant="panel") as panel:
        prompt = gr.Markdown()
        comment = gr.Textbox(
            placeholder="Ví dụ: số liệu chưa đúng, thiếu văn bản mới nhất…",
            show_label=False,
            lines=2,
            max_lines=6,
            max_length=MAX_COMMENT_CHARS,
        )
        with gr.Row():
            send = gr.Button("Gửi đánh giá", variant="primary", size="sm")
            skip = gr.Button("Bỏ qua góp ý", variant="secondary", size="sm")
    status = gr.Markdown(elem_classes="pa-hint")
    return FeedbackControls(panel, prompt, comment, send, skip, gr.State(None), status)


@dataclass(frozen=True)
class FeedbackHandlers:
    on_like: Callable[..., tuple[Any, ...]]  # (pending, answers, LikeData) -> like outputs
    submit: Callable[[PendingRating | None, Answers, str], tuple[Any, ...]]
    skip: Callable[[PendingRating | None, Answers], tuple[Any, ...]]
    flush: Callable[[PendingRating | None, Answers], tuple[Any, ...]]


def make_handlers(store: FeedbackStore) -> FeedbackHandlers:
    """The feedback events' handlers, bound to the store."""
    import gradio as gr

    def on_like(pending: PendingRating | None, answers: Answers, data: Any) -> tuple[Any, ...]:
        turn, rating = turn_of(data.index), rating_of(data.liked)
        if pending is not None and (pending.turn != turn or rating is None):
            store_rating(store, pending, answers)  # the earlier click is kept as it was
        if turn is None or rating is None or turn >= len(answers) or answers[turn] is None:
            return None, gr.Column(visible=False), gr.Markdown(), "", ""
        chosen = PendingRating(turn, rating)
        return chosen, gr.Column(visible=True), prompt_text(chosen), "", ""

    # Gradio passes the click's data to a parameter annotated LikeData; gradio is imported
    # here, not at module level, so the annotation is set now rather than written above.
    on_like.__annotations__["data"] = gr.LikeData

    def submit(pending: PendingRating | None, answers: Answers, comment: str) -> tuple[Any, ...]:
        stored = store_rating(store, pending, answers, comment)
        note = "Đã ghi nhận đánh giá. Cảm ơn đồng chí!" if stored is not None else ""
        return None, gr.Column(visible=False), "", note

    def skip(pending: PendingRating | None, answers: Answers) -> tuple[Any, ...]:
        return submit(pending, answers, "")

    def flush(pending: PendingRating | None, answers: Answers) -> tuple[Any, ...]:
        store_rating(store, pending, answers)
        return None, gr.Column(visible=False), "", ""

    return FeedbackHandlers(on_like, submit, skip, flush)
