"""The extractive answerer: the right clause quoted verbatim, exact citations, plain refusals."""

from __future__ import annotations

import re

import pytest

from assistant.answers import Answer, AnswerDelta
from assistant.extractive.answerer import REFUSAL_TEXT, ExtractiveAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.test_llm_answerer import AnswerBuilderContract, passages  # noqa: F401

DIEN_BIEN_REPORT = (
    "Kết quả công tác xây dựng lực lượng năm 2018.\n\n"
    "Đến nay, trên địa bàn tỉnh đã thành lập được 1.908 Đội Dân phòng với tổng số 21.023 "
    "đội viên đi vào hoạt động. Tính đến hết tháng 3/2019, toàn tỉnh đã có trên 2.000 đồng chí "
    "Công an xã. Toàn tỉnh hiện có 14 Ban, 244 tổ bảo vệ dân phố với 705 thành viên.\n\n"
    "Công tác tuyên truyền được chú trọng, đã phát trên 1.000 tin, bài về lực lượng trị an."
)
PENAL_ARTICLE = (
    "Điều 320. Tội hành nghề mê tín, dị đoan\n\n"
    "1. Người nào dùng bói toán, đồng bóng hoặc các hình thức mê tín, dị đoan khác đã bị xử "
    "phạt vi phạm hành chính về hành vi này mà còn vi phạm, thì bị phạt tiền từ 10.000.000 đồng "
    "đến 100.000.000 đồng, phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng "
    "đến 03 năm.\n\n"
    "2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 03 năm đến 10 năm:\n\n"
    "a) Làm chết người;\n\n"
    "b) Thu lợi bất chính 200.000.000 đồng trở lên.\n\n"
    "3. Người phạm tội còn có thể bị phạt tiền từ 10.000.000 đồng đến 50.000.000 đồng."
)
LIST_ARTICLE = (
    "Điều 107. Bất động sản và động sản\n\n"
    "1. Bất động sản bao gồm:\n\n"
    "a) Đất đai;\n\n"
    "b) Nhà, công trình xây dựng gắn liền với đất đai;\n\n"
    "c) Tài sản khác theo quy định của pháp luật.\n\n"
    "2. Động sản là những tài sản không phải là bất động sản."
)
PREFIX = "Tiêu đề trang và các phần khác của tài liệu.\n\n"  # passages start inside documents


def passage_of(text: str, source: str, score: float = 0.8, **meta: object) -> Passage:
    """A passage that starts `len(PREFIX)` characters into its document."""
    start = len(PREFIX)
    heading = text.split("\n", 1)[0] if text.startswith("Điều") else ""
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    return Passage(f"{source}#0", source, text, start, start + len(text), score, metadata, heading)


@pytest.fixture
def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer()


@pytest.fixture
def dien_bien() -> Passage:
    return passage_of(
        DIEN_BIEN_REPORT, "dien_bien.txt", title="Lực lượng trị an", province="Điện Biên"
    )


@pytest.fixture
def penal_code() -> Passage:
    return passage_of(PENAL_ARTICLE, "bo_luat_hinh_su.txt", title="Bộ luật Hình sự")


def assert_citations_exact(answer: Answer, given: list[Passage]) -> None:
    by_source = {p.source: PREFIX + p.text for p in given}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for citation in answer.citations:
        assert by_source[citation.document][citation.start : citation.end] == citation.quote
        assert f"[{citation.n}]" in answer.answer


class TestExtractiveAnswererContract(AnswerBuilderContract):
    @pytest.fixture
    def builder(self) -> ExtractiveAnswerer:
        return ExtractiveAnswerer()


class TestCounting:
    def test_the_number_is_copied_with_its_unit_and_cited_exactly(
        self, answerer, dien_bien
    ) -> None:
        answer = answerer.build("Điện Biên đã thành lập bao nhiêu Đội Dân phòng?", [dien_bien])
        assert not answer.refused and answer.backend == "extractive"
        assert "1.908 Đội Dân phòng" in answer.answer and "21.023" in answer.answer
        assert answer.answer.startswith("Đến nay") and "[1]" in answer.answer
        assert "1.908" in answer.citations[0].quote
        assert answer.citations[0].start >= len(PREFIX)  # document offsets, not passage ones
        assert_citations_exact(answer, [dien_bien])

    def test_the_sentence_with_the_asked_unit_is_chosen(self, answerer, dien_bien) -> None:
        answer = answerer.build("Tỉnh Điện Biên có bao nhiêu tổ bảo vệ dân phố?", [dien_bien])
        assert "244 tổ bảo vệ dân phố" in answer.citations[0].quote
        assert "1.908" not in answer.answer

    def test_a_question_typed_without_diacritics_is_answered(self, answerer, dien_bien) -> None:
        answer = answerer.build("dien bien co bao nhieu to bao ve dan pho", [dien_bien])
        assert not answer.refused and "244 tổ bảo vệ dân phố" in answer.answer

    def test_the_highest_penalty_is_quoted_for_len_den(self, answerer, penal_code) -> None:
        question = "Hành nghề mê tín, dị đoan có thể bị phạt tù lên đến bao nhiêu năm?"
        answer = answerer.build(question, [penal_code])
        assert "từ 03 năm đến 10 năm" in answer.answer
        assert_citations_exact(answer, [penal_code])


class TestLegalClauses:
    def test_an_aggravating_condition_leads_to_its_penalty(self, answerer, penal_code) -> None:
        question = (
            "Người dùng bói toán, đồng bóng đã bị xử phạt vi phạm hành chính mà còn vi phạm "
            "và làm chết người thì bị phạt như thế nào?"
        )
        answer = answerer.build(question, [penal_code])
        first = answer.citations[0].quote
        assert "thì bị phạt tù từ 03 năm đến 10 năm:" in first and "a) Làm chết người" in first

    def test_the_clause_with_the_question_s_own_words_wins(self, answerer, penal_code) -> None:
        question = "Người phạm tội hành nghề mê tín còn có thể bị phạt tiền từ bao nhiêu?"
        answer = answerer.build(question, [penal_code])
        assert answer.citations[0].quote.startswith("3. Người phạm tội còn có thể")

    def test_a_short_list_is_quoted_whole_with_its_lead_in(self, answerer) -> None:
        article = passage_of(LIST_ARTICLE, "bo_luat_dan_su.txt", title="Bộ luật Dân sự")
        answer = answerer.build("Bất động sản bao gồm những gì?", [article])
        assert "1. Bất động sản bao gồm:\n\na) Đất đai;" in answer.answer
        assert "c) Tài sản khác theo quy định của pháp luật." in answer.answer
        assert len(answer.citations) == 1  # one contiguous quote
        assert_citations_exact(answer, [article])


class TestLength:
    def test_at_most_three_quotes_of_about_500_characters(self, answerer) -> None:
        sentences = " ".join(
            f"Năm {2010 + n}, huyện {n} đã kiểm tra {100 + n} lượt cơ sở về phòng cháy chữa cháy."
            for n in range(30)
        )
        report = passage_of(sentences, "bao_cao.txt", province="Điện Biên")
        answer = answerer.build(
            "Đã kiểm tra bao nhiêu lượt cơ sở về phòng cháy chữa cháy?", [report]
        )
        assert 1 <= len(answer.citations) <= 3
        assert sum(len(c.quote) for c in answer.citations) <= 520
        assert_citations_exact(answer, [report])

    def test_a_very_long_sentence_is_trimmed_to_the_part_that_answers(self, answerer) -> None:
        filler = ", ".join(f"tăng cường công tác tuyên truyền ở bản {n}" for n in range(40))
        text = f"Trong năm qua, {filler}, duy trì 233 tổ an ninh nhân dân, {filler}."
        report = passage_of(text, "bao_cao.txt", province="Điện Biên")
        answer = answerer.build("Điện Biên duy trì bao nhiêu tổ an ninh nhân dân?", [report])
        quote = answer.citations[0].quote
        assert "233 tổ an ninh nhân dân" in quote and len(quote) <= 520
        assert "…" in answer.answer
        assert_citations_exact(answer, [report])


class TestRefusal:
    def test_a_province_no_passage_is_about_is_refused(self, answerer, dien_bien) -> None:
        answer = answerer.build("Đà Nẵng có bao nhiêu tổ bảo vệ dân phố?", [dien_bien])
        assert answer.refused and answer.answer == REFUSAL_TEXT and answer.citations == []
        assert [r.document for r in answer.related] == ["dien_bien.txt"]

    def test_no_number_of_the_asked_unit_is_refused(self, answerer, dien_bien) -> None:
        answer = answerer.build("Tỉnh Điện Biên có bao nhiêu xe chữa cháy?", [dien_bien])
        assert answer.refused and answer.citations == [] and answer.related

    def test_a_year_no_passage_mentions_is_refused(self, answerer, dien_bien) -> None:
        answer = answerer.build("Năm 2024 Điện Biên có bao nhiêu tổ bảo vệ dân phố?", [dien_bien])
        assert answer.refused

    def test_a_directive_no_passage_cites_is_refused(self, answerer, dien_bien) -> None:
        answer = answerer.build("Chỉ thị 31-CT/TU ngày 5/1/2023 nói về vấn đề gì?", [dien_bien])
        assert answer.refused

    def test_a_question_about_something_else_is_refused(self, answerer, dien_bien) -> None:
        answer = answerer.build(
            "Thủ tục đăng ký tạm trú trực tuyến gồm những bước nào?", [dien_bien]
        )
        assert answer.refused and answer.related


class TestChoiceAmongPassages:
    def test_the_passage_about_the_asked_district_is_cited(self, answerer, dien_bien) -> None:
        district_text = "Công an huyện Mường Chà duy trì 57 tổ bảo vệ dân phố ở các xã, thị trấn."
        district = passage_of(
            district_text, "muong_cha.txt", province="Điện Biên", district="Mường Chà"
        )
        answer = answerer.build(
            "Huyện Mường Chà duy trì bao nhiêu tổ bảo vệ dân phố?", [dien_bien, district]
        )
        assert answer.citations[0].document == "muong_cha.txt" and "57" in answer.answer
        assert [r.document for r in answer.related] == ["dien_bien.txt"]


class TestStream:
    def test_deltas_spell_the_answer_then_the_answer_comes_last(self, answerer, dien_bien) -> None:
        question = "Đến hết tháng 3/2019 Điện Biên có bao nhiêu công an xã?"
        events = list(answerer.stream(question, [dien_bien]))
        deltas = [e for e in events if isinstance(e, AnswerDelta)]
        assert len(deltas) > 1 and isinstance(events[-1], Answer)
        assert all(isinstance(e, AnswerDelta) for e in events[:-1])
        assert "".join(d.text for d in deltas) == events[-1].answer
        assert re.search(r"2\.000 đồng chí Công an xã\. \[1\]$", events[-1].answer)


def test_a_count_asked_with_its_change_is_quoted_with_the_clause_giving_the_change() -> None:
    """ "bao nhiêu vụ, so với cùng kỳ?": the change stands in the next clause of the figure's
    sentence; a count asked alone is still the figure's clause alone."""
    text = (
        "Năm 2024, lực lượng Công an các xã, thị trấn phối hợp Đội Cảnh sát hình sự phát hiện, "
        "bắt giữ 58 vụ đánh bạc, tổ chức đánh bạc dưới hình thức ghi lô đề, đá gà, xóc đĩa tại "
        "khu vực chợ đầu mối và các bãi đất trống ven sông, thu giữ 214 triệu đồng cùng nhiều "
        "tang vật liên quan; so với cùng kỳ giảm 6 vụ (-9,38%). Các tụ điểm chủ yếu ở khu vực chợ."
    )
    meta = DocumentMetadata(title="Báo cáo năm 2024", year=2024, province="Hà Nam")
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, meta)
    answerer = ExtractiveAnswerer()
    compared = answerer.build(
        "Năm 2024 phát hiện bao nhiêu vụ đánh bạc, so với cùng kỳ?", [passage]
    )
    assert "58 vụ" in compared.answer and "giảm 6 vụ" in compared.answer
    alone = answerer.build("Năm 2024 phát hiện bao nhiêu vụ đánh bạc?", [passage])
    assert "58 vụ" in alone.answer and "giảm 6 vụ" not in alone.answer
