"""The chat's HTML: escaping of document and user text, the highlighted sentence, refusals."""

from __future__ import annotations

import re
from typing import Any

from assistant.answers import Answer, Citation, RelatedPassage
from ui import html_text, messages, passages, source_cards

PASSAGE = (
    "Tiếp tục xây dựng, củng cố 1.908 đội dân phòng. "
    "Toàn tỉnh có 1.814 tổ hoà giải, 30 nhóm nòng cốt. "
    "Nhiều mô hình đã phát huy hiệu quả."
)
PASSAGE_START = 1000  # where the passage sits in its cleaned document
QUOTE = "Toàn tỉnh có 1.814 tổ hoà giải, 30 nhóm nòng cốt."


def citation(**changes: Any) -> Citation:
    at = PASSAGE.index(QUOTE)
    fields: dict[str, Any] = {
        "n": 1,
        "document": "000_cec6d9babd0036f1.txt",
        "title": "Không ngừng xây dựng, củng cố các lực lượng trị an cơ sở",
        "date": "2019-04-23",
        "locality": "Điện Biên",
        "kind": "tin bài",
        "passage": PASSAGE,
        "passage_start": PASSAGE_START,
        "passage_end": PASSAGE_START + len(PASSAGE),
        "score": 0.9,
        "quote": QUOTE,
        "start": PASSAGE_START + at,
        "end": PASSAGE_START + at + len(QUOTE),
    }
    return Citation(**{**fields, **changes})


def answer(**changes: Any) -> Answer:
    fields: dict[str, Any] = {
        "question": "Điện Biên có bao nhiêu tổ hòa giải?",
        "answer": "Toàn tỉnh có 1.814 tổ hoà giải [1].",
        "refused": False,
        "citations": [citation()],
    }
    return Answer(**{**fields, **changes})


def related(text: str = "Một đoạn gần với câu hỏi.", **changes: Any) -> RelatedPassage:
    fields: dict[str, Any] = {
        "document": "003_3be63105880f2b6a.txt",
        "title": "Nhiều chuyển biến tích cực qua thực hiện đề án công an xã chính quy",
        "locality": "Sóc Trăng",
        "kind": "tin bài",
        "passage": text,
        "passage_start": 0,
        "passage_end": len(text),
        "score": 0.5,
    }
    return RelatedPassage(**{**fields, **changes})


def marked(html: str) -> list[str]:
    return re.findall(r'<mark class="pa-quote">(.*?)</mark>', html)


class TestHighlight:
    def test_the_cited_sentence_is_marked_from_its_offsets(self) -> None:
        html = passages.highlighted_passage(citation())
        assert marked(html) == [QUOTE]
        assert html.startswith("Tiếp tục xây dựng") and html.endswith("phát huy hiệu quả.")

    def test_offsets_not_the_quote_text_decide_what_is_marked(self) -> None:
        # The same words twice: the offsets say which occurrence is cited.
        text = "Có 5 tổ. Sau đó: Có 5 tổ."
        second = text.rindex("Có 5 tổ.")
        cite = citation(
            passage=text, quote="Có 5 tổ.", start=PASSAGE_START + second,
            end=PASSAGE_START + second + len("Có 5 tổ."),
        )  # fmt: skip
        html = passages.highlighted_passage(cite)
        assert html.index("<mark") > html.index("Sau đó")

    def test_offsets_off_the_passage_fall_back_to_finding_the_quote(self) -> None:
        html = passages.highlighted_passage(citation(start=5, end=40))
        assert marked(html) == [QUOTE]

    def test_whitespace_at_the_edges_stays_outside_the_mark(self) -> None:
        at = PASSAGE.index(QUOTE)
        html = passages.highlighted_passage(
            citation(start=PASSAGE_START + at - 1, end=PASSAGE_START + at + len(QUOTE) + 1)
        )
        assert marked(html) == [QUOTE]

    def test_a_quote_that_is_not_in_the_passage_is_shown_beside_it(self) -> None:
        html = passages.highlighted_passage(citation(quote="Câu khác hẳn.", start=0, end=0))
        assert "<mark" not in html
        assert "«Câu khác hẳn.»" in html

    def test_a_long_passage_is_cut_around_the_cited_sentence(self) -> None:
        filler = "Một câu dài về công tác bảo đảm an ninh trật tự ở cơ sở. " * 30
        text = filler + QUOTE + " " + filler
        at = text.index(QUOTE)
        cite = citation(passage=text, start=PASSAGE_START + at, end=PASSAGE_START + at + len(QUOTE))
        html = passages.highlighted_passage(cite)
        assert marked(html) == [QUOTE]
        assert html.startswith("… ") and html.endswith(" …")
        assert len(html) < len(text) / 2


class TestEscaping:
    def test_document_text_cannot_inject_markup(self) -> None:
        evil = '<img src=x onerror="alert(1)"> Có 3 tổ <b>x</b>.'
        cite = citation(
            passage=evil, quote="Có 3 tổ <b>x</b>.", start=PASSAGE_START + evil.index("Có"),
            end=PASSAGE_START + len(evil), title="<script>alert(1)</script>",
            locality='"><i>', document="a<b>.txt",
        )  # fmt: skip
        html = messages.answer_message(answer(citations=[cite], answer="<i>Có</i> 3 tổ [1]."), 0)
        for raw in ("<img", "<script", "<b>", "<i>"):
            assert raw not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
        assert "&lt;script&gt;" in html and "&quot;&gt;&lt;i&gt;" in html

    def test_the_question_is_shown_as_typed_not_rendered(self) -> None:
        html = messages.user_message("Có <b>bao nhiêu</b> *tổ*?")
        assert "&lt;b&gt;bao nhiêu&lt;/b&gt;" in html and "<b>" not in html

    def test_streamed_text_is_escaped(self) -> None:
        assert "<u>" not in messages.streaming_message("Có <u>3</u> tổ")

    def test_no_blank_line_ends_the_html_block_early(self) -> None:
        # The chat's Markdown renderer ends an HTML block at a blank line.
        cite = citation(passage="Đoạn một.\n\nĐoạn hai có 5 tổ.", quote="Đoạn hai có 5 tổ.",
                        start=PASSAGE_START + 11, end=PASSAGE_START + 28)  # fmt: skip
        html = messages.answer_message(answer(citations=[cite], answer="Dòng 1.\n\nDòng 2 [1]."), 0)
        assert "\n" not in html
        assert "Đoạn một.<br>" in html


class TestMarkers:
    def test_each_marker_opens_its_document_at_the_sentence_and_names_its_card(self) -> None:
        second = citation(n=2, title="Văn bản thứ hai", document="b c.txt", start=40, end=52)
        html = messages.answer_message(
            answer(answer="A [1]. B [2].", citations=[citation(), second]), 3
        )
        assert 'name="pa-src-3-1"' in html and 'name="pa-src-3-2"' in html
        assert 'id="pa-src-3-1"' in html and 'id="pa-src-3-2"' in html
        assert 'href="/view/b%20c.txt?start=40&amp;end=52#pa-cited"' in html

    def test_hovering_a_marker_previews_its_sentence_escaped(self) -> None:
        cite = citation(quote="Thành lập <b>5</b> tổ\nhòa giải.")
        text = messages.link_markers(answer(answer="Có 5 tổ [1].", citations=[cite]), 0)
        assert 'title="Thành lập &lt;b&gt;5&lt;/b&gt; tổ hòa giải."' in text

    def test_a_card_says_when_its_document_was_added_in_vietnam_time(self) -> None:
        cite = citation()
        added = {cite.document: "2026-12-03T02:15:09+00:00"}
        html = messages.answer_message(answer(citations=[cite]), 0, added=added)
        assert "Nạp vào hệ thống:</span> 03/12/2026 09:15" in html
        assert "Nạp vào hệ thống" not in messages.answer_message(answer(citations=[cite]), 0)

    def test_grouped_markers_become_one_link_each(self) -> None:
        cites = [citation(), citation(n=3)]
        text = messages.link_markers(answer(answer="Có 5 tổ [1, 3].", citations=cites), 0)
        assert text.count('class="pa-cite"') == 2

    def test_spaces_around_markers_are_kept(self) -> None:
        cites = [citation(), citation(n=2)]
        text = messages.link_markers(answer(answer="Có 5 tổ [1] và 3 đội [2].", citations=cites), 0)
        assert re.sub(r"<a [^>]*>(\[\d\])</a>", r"\1", text) == "Có 5 tổ [1] và 3 đội [2]."

    def test_a_marker_without_a_citation_stays_plain_text(self) -> None:
        text = messages.link_markers(answer(answer="Có 5 tổ [7]."), 0)
        assert "pa-cite" not in text and "[7]" in text

    def test_a_card_shows_title_date_locality_and_kind(self) -> None:
        html = source_cards.citation_card(citation(), 0)
        for shown in ("Không ngừng xây dựng", "23/04/2019", "Điện Biên", "Tin bài", "[1]"):
            assert shown in html


class TestRefusal:
    def test_a_refusal_says_so_and_lists_the_related_passages(self) -> None:
        refused = answer(
            answer="Các tài liệu đã lập chỉ mục không có thông tin này.", refused=True,
            citations=[], related=[related("Đoạn về công an xã chính quy.")],
        )  # fmt: skip
        html = messages.answer_message(refused, 0)
        assert messages.REFUSAL_LINE in html
        assert html.index(messages.REFUSAL_LINE) < html.index("Đoạn về công an xã chính quy.")
        assert html.count("không có thông tin này") == 1  # the stock sentence is not repeated
        assert "pa-cite" not in html and "<mark" not in html

    def test_an_explanation_from_the_model_is_kept(self) -> None:
        refused = answer(answer="Văn bản chỉ nói về Sóc Trăng.", refused=True, citations=[])
        assert "Văn bản chỉ nói về Sóc Trăng." in messages.answer_message(refused, 0)

    def test_a_refusal_with_nothing_related_says_that(self) -> None:
        html = messages.answer_message(answer(refused=True, citations=[], related=[]), 0)
        assert "Không tìm thấy đoạn nào liên quan" in html


class TestUnderstood:
    def test_the_rewritten_question_is_shown(self) -> None:
        html = messages.answer_message(
            answer(
                question="Còn Sóc Trăng thì sao?", standalone_question="Sóc Trăng có bao nhiêu tổ?"
            ),
            0,
        )
        assert "Hiểu là: <q>Sóc Trăng có bao nhiêu tổ?</q>" in html

    def test_the_restored_question_wins_over_the_rewritten_one(self) -> None:
        html = messages.answer_message(
            answer(question="con soc trang?", standalone_question="soc trang co bao nhieu to?",
                   restored_question="Sóc Trăng có bao nhiêu tổ?"), 0,
        )  # fmt: skip
        assert "Sóc Trăng có bao nhiêu tổ?" in html and "soc trang co" not in html

    def test_nothing_is_shown_when_the_question_stood_as_asked(self) -> None:
        assert "Hiểu là" not in messages.answer_message(answer(), 0)

    def test_active_filters_are_named(self) -> None:
        assert "Phạm vi tìm: Hà Tĩnh, năm 2023" in messages.answer_message(
            answer(), 0, "Hà Tĩnh, năm 2023"
        )


def test_dates_are_written_the_vietnamese_way() -> None:
    assert html_text.format_date("2019-04-23") == "23/04/2019"
    assert html_text.format_date("2023-03") == "03/2023"
    assert html_text.format_date("2021") == "2021"
    assert html_text.format_date(None) == "không rõ"
