"""Whose conversations a page lists: the browser's, and the key's too when reads need one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.settings import APISettings, Settings
from ui.conversations import owner_of, page_secret, question_of
from ui.messages import user_message


@dataclass
class FakeServices:  # owner_of reads the settings only
    settings: Settings


def services(keys: str = "", reads: bool = False) -> Any:
    api = APISettings(api_keys=keys, require_key_for_read=reads)
    return FakeServices(Settings().model_copy(update={"api": api}))


def test_without_read_keys_the_browser_alone_owns_its_conversations() -> None:
    assert owner_of(services(), "trinh-duyet-a", None) == "trinh-duyet-a"
    assert owner_of(services("k1"), "trinh-duyet-a", None) == "trinh-duyet-a"  # writes only
    assert owner_of(services(), "", None) is None


def test_with_read_keys_each_key_has_its_own_list_and_no_key_has_none() -> None:
    keyed = services("k1, k2", reads=True)
    first, second = owner_of(keyed, "b", "k1"), owner_of(keyed, "b", "k2")
    assert first and second and first != second and first.startswith("b|key:")
    assert "k1" not in first  # the key's id, never the key
    assert owner_of(keyed, "b", None) is None and owner_of(keyed, "b", "sai") is None


def test_the_question_is_read_back_from_its_message_as_typed() -> None:
    typed = "Điện Biên có <b>bao nhiêu</b>\ntổ hòa giải?"
    assert question_of(user_message(typed)) == typed


def test_the_page_secret_is_made_once_per_data_folder(tmp_path: Path) -> None:
    first = page_secret(tmp_path)
    assert len(first) >= 24 and page_secret(tmp_path) == first
    assert (tmp_path / "page_secret").stat().st_mode & 0o077 == 0
