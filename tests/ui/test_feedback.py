"""Ratings from the chat: which answer a click is about, and one stored row per rating."""

from __future__ import annotations

from pathlib import Path

from assistant.feedback import FeedbackStore
from ui.feedback import PendingRating, rating_of, store_rating, turn_of

ANSWER = {
    "question": "Điện Biên có bao nhiêu tổ hòa giải?",
    "answer": "Có 1.814 tổ hoà giải [1].",
    "refused": False,
    "backend": "extractive",
    "citations": [{"n": 1, "document": "000.txt", "quote": "1.814 tổ hoà giải"}],
}


def test_a_click_names_up_or_down_or_a_taken_back_rating() -> None:
    assert rating_of(True) == "up" and rating_of("Like") == "up"
    assert rating_of(False) == "down" and rating_of("Dislike") == "down"
    assert rating_of(None) is None


def test_replies_are_the_odd_messages() -> None:
    assert turn_of(1) == 0 and turn_of(5) == 2 and turn_of([3]) == 1
    assert turn_of(0) is None and turn_of(None) is None  # a question, not an answer


def test_a_rating_is_stored_with_question_answer_citations_and_comment(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    stored = store_rating(store, PendingRating(1, "down"), [None, ANSWER], "  thiếu số liệu  ")
    assert stored is not None
    [item] = store.export()
    assert (item["rating"], item["question"], item["comment"]) == (
        "down", ANSWER["question"], "thiếu số liệu",
    )  # fmt: skip
    assert item["citations"] == ANSWER["citations"]
    store.close()


def test_nothing_is_stored_without_a_pending_rating_or_an_answer(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    assert store_rating(store, None, [ANSWER]) is None
    assert store_rating(store, PendingRating(0, "up"), [None]) is None  # a failed reply
    assert store_rating(store, PendingRating(4, "up"), [ANSWER]) is None  # from a cleared chat
    assert store.export() == []
    store.close()
