"""Ratings from the chat: which answer a click is about, and one stored row per rating."""

from __future__ import annotations

from pathlib import Path

from assistant.feedback import FeedbackStore
from ui.feedback import add_comment, rating_of, record_click, turn_of

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


def test_a_click_is_stored_at_once_and_the_comment_added_later(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    stored = record_click(store, None, [None, ANSWER], 1, "down")
    assert stored is not None
    [item] = store.export()
    assert (item["rating"], item["question"], item["comment"]) == (
        "down", ANSWER["question"], "",
    )  # fmt: skip
    assert item["citations"] == ANSWER["citations"]
    assert add_comment(store, stored, "  thiếu số liệu  ")
    assert [i["comment"] for i in store.export()] == ["thiếu số liệu"]
    store.close()


def test_the_other_thumb_changes_the_row_and_the_same_thumb_takes_it_back(
    tmp_path: Path,
) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    first = record_click(store, None, [ANSWER], 0, "up")
    changed = record_click(store, first, [ANSWER], 0, "down")
    assert changed is not None and [i["rating"] for i in store.export()] == ["down"]
    assert record_click(store, changed, [ANSWER], 0, None) is None
    assert store.export() == []
    store.close()


def test_another_answer_gets_its_own_row(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    first = record_click(store, None, [ANSWER, None, ANSWER], 0, "up")
    record_click(store, first, [ANSWER, None, ANSWER], 2, "down")
    assert [i["rating"] for i in store.export()] == ["up", "down"]
    store.close()


def test_nothing_is_stored_for_a_question_a_failed_reply_or_a_cleared_chat(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    assert record_click(store, None, [ANSWER], None, "up") is None  # a question, not an answer
    assert record_click(store, None, [None], 0, "up") is None  # a failed reply
    assert record_click(store, None, [ANSWER], 4, "up") is None  # from a cleared chat
    assert not add_comment(store, None, "góp ý")  # no rating to add it to
    assert store.export() == []
    store.close()
