"""The document viewer's page: the whole text, the cited span marked, everything escaped."""

from __future__ import annotations

from tests.ui.test_documents_view import record
from ui.document_html import document_page, marked_text

TEXT = "Chỉ thị số 07.\n\nCông an huyện thành lập 37 tổ <tuần tra>.\n\nHiệu lực từ ngày ký."


def test_the_cited_span_is_marked_whole_and_escaped() -> None:
    start = TEXT.index("Công an")
    end = TEXT.index("\n\nHiệu lực")
    html = marked_text(TEXT, start, end)
    assert '<mark id="pa-cited">Công an huyện thành lập 37 tổ &lt;tuần tra&gt;.</mark>' in html
    assert html.count("<mark") == 1 and "Hiệu lực từ ngày ký." in html


def test_a_span_outside_the_text_marks_nothing_but_shows_it() -> None:
    for start, end in ((None, None), (5, 5), (10, len(TEXT) + 1), (-1, 3)):
        html = marked_text(TEXT, start, end)
        assert "<mark" not in html and "Hiệu lực từ ngày ký." in html


def test_the_page_names_the_document_and_when_it_was_added() -> None:
    page = document_page(record("a.txt", "2023-12-15", title="Chỉ thị <07>"), 0, 4)
    assert "<title>Chỉ thị &lt;07&gt;</title>" in page and "15/12/2023" in page
    assert "Nạp vào hệ thống:</b> 01/01/2024 07:00" in page and '<mark id="pa-cited">' in page
