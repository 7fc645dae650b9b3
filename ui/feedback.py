"""Thumbs up/down on each answer, stored when clicked; a comment can be added afterwards.

A thumbs click stores the rating at once (a rating is never lost because a button was not
pressed) and opens a comment box. "Gửi góp ý" adds the comment to that stored rating; a
comment typed but not sent is added when the chat moves on. Clicking the other thumb
changes the stored rating; clicking the same thumb again takes it back (the row goes).
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
SAVED = "Đã lưu đánh giá. Cảm ơn đồng chí!"
COMMENT_SAVED = "Đã lưu góp ý. Cảm ơn đồng chí!"
TAKEN_BACK = "Đã bỏ đánh giá."


@dataclass(frozen=True)
class StoredRating:
    """The rating last clicked in this chat, as stored."""

    turn: int  # which answer of the conversation, from 0
    rating: Rating
    feedback_id: int


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


def record_click(
    store: FeedbackStore, current: StoredRating | None, answers: Answers, turn: int | None,
    rating: Rating | None,
) -> StoredRating | None:  # fmt: skip
    """Store what a thumbs click says; returns the rating now stored for that answer.

    A click on the answer rated last changes or takes back that row; a click on another
    answer adds a row (the earlier one stays as it was).
    """
    if turn is None or not 0 <= turn < len(answers) or answers[turn] is None:
        return None
    if current is not None and current.turn == turn:
        if rating is None:
            store.remove(current.feedback_id)
            return None
        store.set_rating(current.feedback_id, rating)
        return StoredRating(turn, rating, current.feedback_id)
    if rating is None:
        return None
    answer = answers[turn] or {}
    feedback_id = store.add(rating, str(answer.get("question", "")), answer)
    return StoredRating(turn, rating, feedback_id)


def add_comment(store: FeedbackStore, current: StoredRating | None, comment: str) -> bool:
    """Add a comment to the stored rating; False when there is nothing to add it to."""
    text = (comment or "").strip()[:MAX_COMMENT_CHARS]
    if current is None or not text:
        return False
    store.set_comment(current.feedback_id, text)
    return True


def prompt_text(current: StoredRating) -> str:
    verdict = "hữu ích" if current.rating == "up" else "chưa đúng hoặc chưa đủ"
    return (
        f"**Đã lưu đánh giá câu trả lời số {current.turn + 1}: {verdict}.** "
        "Đồng chí có thể ghi thêm góp ý (không bắt buộc), rồi bấm *Gửi góp ý*."
    )


@dataclass
class FeedbackControls:
    panel: gr.Column
    prompt: gr.Markdown
    comment: gr.Textbox
    send: gr.Button
    skip: gr.Button
    pending: gr.State  # StoredRating | None: the rating a comment would go to
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
            send = gr.Button("Gửi góp ý", variant="primary", size="sm")
            skip = gr.Button("Đóng", variant="secondary", size="sm")
    status = gr.Markdown(elem_classes="pa-hint", elem_id="pa-feedback-status")
    return FeedbackControls(panel, prompt, comment, send, skip, gr.State(None), status)


@dataclass(frozen=True)
class FeedbackHandlers:
    on_like: Callable[..., tuple[Any, ...]]  # (current, answers, LikeData) -> like outputs
    submit: Callable[[StoredRating | None, Answers, str], tuple[Any, ...]]
    skip: Callable[[StoredRating | None, Answers], tuple[Any, ...]]
    flush: Callable[[StoredRating | None, Answers, str], tuple[Any, ...]]


def make_handlers(store: FeedbackStore) -> FeedbackHandlers:
    """The feedback events' handlers, bound to the store."""
    import gradio as gr

    def on_like(current: StoredRating | None, answers: Answers, data: Any) -> tuple[Any, ...]:
        turn, rating = turn_of(data.index), rating_of(data.liked)
        stored = record_click(store, current, answers, turn, rating)
        if stored is None:
            note = TAKEN_BACK if current is not None and current.turn == turn else ""
            return None, gr.Column(visible=False), gr.Markdown(), "", note
        kept_comment = gr.skip() if current is not None and current.turn == turn else ""
        return stored, gr.Column(visible=True), prompt_text(stored), kept_comment, SAVED

    # Gradio passes the click's data to a parameter annotated LikeData; gradio is imported
    # here, not at module level, so the annotation is set now rather than written above.
    on_like.__annotations__["data"] = gr.LikeData

    def submit(current: StoredRating | None, answers: Answers, comment: str) -> tuple[Any, ...]:
        note = COMMENT_SAVED if add_comment(store, current, comment) else SAVED
        return None, gr.Column(visible=False), "", note if current is not None else ""

    def skip(current: StoredRating | None, answers: Answers) -> tuple[Any, ...]:
        return None, gr.Column(visible=False), "", ""

    def flush(current: StoredRating | None, answers: Answers, comment: str) -> tuple[Any, ...]:
        add_comment(store, current, comment)  # typed, not sent: still worth keeping
        return None, gr.Column(visible=False), "", ""

    return FeedbackHandlers(on_like, submit, skip, flush)
