"""What "Sao chép" puts on the clipboard: the answer, then each source as a report cites it."""

from __future__ import annotations

import html
import re

from tests.ui.test_sources import answer, citation
from ui.answer_text import copy_button, plain_text
from ui.times import added_text


def test_the_copy_is_the_answer_then_its_sources_in_plain_text() -> None:
    text = plain_text(answer())
    assert text.splitlines() == [
        "Toàn tỉnh có 1.814 tổ hoà giải [1].",
        "",
        "Nguồn:",
        "[1] Không ngừng xây dựng, củng cố các lực lượng trị an cơ sở"
        " (ngày 23/04/2019, Điện Biên, Tin bài)",
        f"    «{citation().quote}»",
        "    Tệp: 000_cec6d9babd0036f1.txt",
    ]


def test_a_refusal_copies_as_the_refusal() -> None:
    assert plain_text(answer(refused=True, citations=[])) == "Tài liệu không có thông tin này."


def test_the_button_carries_the_text_on_one_line_escaped() -> None:
    button = copy_button(answer(answer="Có <b>5</b> tổ [1]."))
    assert "\n" not in button and "&#10;" in button and "<b>" not in button
    carried = re.search(r'value="([^"]*)"', button)
    assert carried is not None
    assert html.unescape(carried.group(1)) == plain_text(answer(answer="Có <b>5</b> tổ [1]."))


def test_times_are_shown_in_vietnam_time_day_first() -> None:
    assert added_text("2026-12-03T20:30:00+00:00") == "04/12/2026 03:30"
    assert added_text("2026-12-03T20:30:00") == "04/12/2026 03:30"  # UTC when unmarked
    assert added_text(None) is None and added_text("hôm qua") is None
