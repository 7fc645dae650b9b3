"""Kept conversations: saved whole, listed newest first, renamed, deleted, per owner."""

from __future__ import annotations

from pathlib import Path

from assistant.conversation_store import ConversationStore, title_of

ANSWER = {"question": "Điện Biên có bao nhiêu tổ hòa giải?", "answer": "Có 1.814 tổ [1]."}
MESSAGES = [
    {"role": "user", "content": "<div>Điện Biên có bao nhiêu tổ hòa giải?</div>"},
    {"role": "assistant", "content": "<div>Có 1.814 tổ [1].</div>"},
]


def test_a_conversation_comes_back_after_the_store_is_reopened(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "conversations.sqlite")
    kept = store.save("browser-a", None, MESSAGES, [ANSWER], title="Tổ hòa giải")
    store.close()
    again = ConversationStore(tmp_path / "conversations.sqlite")
    conversation = again.get("browser-a", kept)
    assert conversation is not None and conversation.title == "Tổ hòa giải"
    assert conversation.messages == MESSAGES and conversation.answers == [ANSWER]
    assert conversation.history == [(ANSWER["question"], ANSWER["answer"])]
    again.close()


def test_saving_again_updates_in_place_and_moves_it_to_the_top(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "c.sqlite")
    first = store.save("b", None, MESSAGES, [ANSWER], title="Một")
    second = store.save("b", None, MESSAGES, [None], title="Hai")
    assert [c.id for c in store.list("b")] == [second, first]
    assert store.save("b", first, MESSAGES * 2, [ANSWER, None]) == first
    assert [c.title for c in store.list("b")] == ["Một", "Hai"]
    conversation = store.get("b", first)
    assert conversation is not None and conversation.history == [
        (ANSWER["question"], "Có 1.814 tổ [1].")
    ]


def test_one_owner_never_sees_or_changes_another_owners_conversations(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "c.sqlite")
    mine = store.save("browser-a", None, MESSAGES, [ANSWER], title="Của tôi")
    assert store.list("browser-b") == [] and store.get("browser-b", mine) is None
    assert not store.rename("browser-b", mine, "Đổi") and not store.delete("browser-b", mine)
    # Saving under another owner with a known id starts a new conversation instead.
    theirs = store.save("browser-b", mine, [], [])
    assert theirs != mine and store.get("browser-a", mine) is not None


def test_rename_and_delete(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "c.sqlite")
    kept = store.save("b", None, MESSAGES, [ANSWER], title="Cũ")
    assert store.rename("b", kept, "  Tổ hòa giải   Điện Biên ")
    assert store.list("b")[0].title == "Tổ hòa giải Điện Biên"
    assert not store.rename("b", kept, "   ")  # an empty title is refused
    assert store.delete("b", kept) and store.list("b") == []


def test_a_title_is_the_first_question_on_one_line_cut_at_a_word() -> None:
    assert title_of("  Điện Biên\ncó bao nhiêu   tổ? ") == "Điện Biên có bao nhiêu tổ?"
    long = title_of("Công an xã " * 20)
    assert long.endswith("…") and len(long) <= 81 and not long[:-1].endswith(" ")
