"""The faithfulness guard: invented passages, and LangChain's fake chat model writing over them.

The fake model speaks LangChain's `BaseChatModel` interface and streams word by word, so the
answerer's real streaming, bounding and guarding run without any model or server.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGenerationChunk

from assistant.answers import Answer, AnswerDelta, AnswerEvent
from assistant.bounded import BoundedText, GenerationLimits
from assistant.claim_stream import ClaimBuffer, split_claims
from assistant.grounding import PassageFacts, check_sentence, figures, grounding_label
from assistant.llm_answerer import REFUSAL, LLMAnswerer
from assistant.passages import Passage
from index.records import DocumentMetadata

SECURITY_TEAMS = (
    "Đến ngày 15/8/2024, toàn tỉnh Lào Cai đã thành lập 1.245 tổ bảo vệ an ninh, trật tự ở "
    "cơ sở với 4.980 thành viên. Ủy ban nhân dân tỉnh giao Công an tỉnh hướng dẫn hoạt động "
    "của các tổ; kinh phí hỗ trợ năm 2024 là 12,5 tỷ đồng."
)
DIRECTIVE = (
    "Ngày 03/4/2023, Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 18-CT/TU về tăng cường "
    "phòng cháy, chữa cháy. Đồng chí Nguyễn Văn Bình, Phó Bí thư Tỉnh ủy, ký ban hành."
)


def passage(text: str, source: str, province: str = "Lào Cai") -> Passage:
    meta = DocumentMetadata(title="Báo cáo công tác", issued_on="2024-08-20", province=province)
    return Passage(f"{source}#0", source, text, 0, len(text), 0.7, meta)


PASSAGES = [passage(SECURITY_TEAMS, "teams.txt"), passage(DIRECTIVE, "directive.txt")]


def facts(text: str) -> list[PassageFacts]:
    return [PassageFacts(text)]


class TestFigures:
    @pytest.mark.parametrize(
        ("written", "same_as"),
        [
            ("1.245 tổ", "1245 tổ"),
            ("ngày 03/4/2023", "ngày 3 tháng 4 năm 2023"),
            ("ngày 3-4-2023", "3/4/2023"),
            ("tháng 8 năm 2024", "tháng 08/2024"),
            ("12,5 tỷ", "12.5 tỷ"),
        ],
    )
    def test_forms_of_one_figure_compare_equal(self, written: str, same_as: str) -> None:
        assert figures(written) == figures(same_as)

    def test_a_decimal_is_not_a_thousands_group(self) -> None:
        assert figures("12,5 tỷ") != figures("125 tỷ")

    def test_a_list_item_number_is_not_a_figure(self) -> None:
        assert figures("1. Công an tỉnh chủ trì") == []


class TestCheckSentence:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Lào Cai có 1245 tổ bảo vệ an ninh, trật tự ở cơ sở [1].",
            "Tính đến ngày 15 tháng 8 năm 2024, toàn tỉnh có 1.245 tổ với 4.980 thành viên [1].",
            "Kinh phí hỗ trợ năm 2024 là 12,5 tỷ đồng [1].",
            "UBND tỉnh giao Công an tỉnh hướng dẫn hoạt động của các tổ [1].",
            "Theo báo cáo, tháng 8/2024 toàn tỉnh có 1.245 tổ bảo vệ an ninh [1].",
        ],
    )
    def test_a_faithful_rewording_stands(self, sentence: str) -> None:
        verdict = check_sentence(sentence, facts(SECURITY_TEAMS))
        assert verdict.supported, verdict

    @pytest.mark.parametrize(
        ("sentence", "reason", "missing"),
        [
            ("Lào Cai có 1.254 tổ bảo vệ an ninh, trật tự ở cơ sở [1].", "figure", ("1254",)),
            ("Kinh phí hỗ trợ năm 2024 là 125 tỷ đồng [1].", "figure", ("125",)),
            ("Đến ngày 16/8/2024 toàn tỉnh có 1.245 tổ bảo vệ an ninh [1].", "figure", None),
            ("Yên Bái có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở [1].", "name", ("Yên Bái",)),
            ("Công an tỉnh phối hợp với Bộ Quốc phòng hướng dẫn các tổ [1].", "name", None),
            ("Thực hiện Chỉ thị 21-CT/TU, toàn tỉnh có 1.245 tổ bảo vệ [1].", "figure", None),
            ("Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở.", "uncited", ()),
            ("The province has many security teams working hard [1].", "wording", ()),
            ("Lào Cai đã thành lập bao nhiêu tổ bảo vệ an ninh [1]?", "question", ()),
            ("<cau_hoi>Lào Cai có 1.245 tổ bảo vệ an ninh</cau_hoi> [1]", "markup", ()),
        ],
    )
    def test_an_invented_fact_is_caught(
        self, sentence: str, reason: str, missing: tuple[str, ...] | None
    ) -> None:
        cited = facts(SECURITY_TEAMS) if "[1]" in sentence else []
        verdict = check_sentence(sentence, cited)
        assert not verdict.supported and verdict.reason == reason
        if missing is not None:
            assert verdict.missing == missing

    def test_a_document_number_is_read_in_any_spelling(self) -> None:
        cited = facts(DIRECTIVE)
        assert check_sentence("Tỉnh ủy ban hành Chỉ thị 18/CT-TU ngày 3/4/2023 [1].", cited)
        verdict = check_sentence("Tỉnh ủy ban hành Chỉ thị 18-CT/TW ngày 3/4/2023 [1].", cited)
        assert not verdict.supported and verdict.missing == ("18-CT/TW",)

    def test_a_name_with_other_diacritics_placement_is_the_same_name(self) -> None:
        cited = [PassageFacts("Công an huyện Hoà Bình có 12 tổ.")]
        assert check_sentence("Huyện Hòa Bình có 12 tổ [1].", cited).supported

    def test_the_place_of_the_passage_block_may_be_named(self) -> None:
        # The model saw dia_phuong="Lào Cai" beside a passage that does not name the province.
        from assistant.grounding import Guard

        text = "Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở."
        guard = Guard([passage(text, "a.txt")])
        assert guard.check("Tỉnh Lào Cai có 1.245 tổ bảo vệ an ninh, trật tự [1].").supported
        assert not guard.check("Tỉnh Hà Giang có 1.245 tổ bảo vệ an ninh [1].").supported


class TestClaims:
    ANSWER = (
        "Đến ngày 15/8/2024, toàn tỉnh có 1.245 tổ. [1] Tại TP. Lào Cai có 310 tổ [1][2].\n"
        "Chỉ thị số 18-CT/TU ngày 03/4/2023 [2]; kinh phí là 12,5 tỷ đồng [1]. Hết [1"
    )

    def test_markers_after_the_full_stop_stay_with_their_sentence(self) -> None:
        assert split_claims(self.ANSWER) == [
            "Đến ngày 15/8/2024, toàn tỉnh có 1.245 tổ. [1]",
            " Tại TP. Lào Cai có 310 tổ [1][2].\n",
            "Chỉ thị số 18-CT/TU ngày 03/4/2023 [2]; kinh phí là 12,5 tỷ đồng [1]. ",
            "Hết [1",
        ]

    @pytest.mark.parametrize("seed", range(5))
    def test_any_chunking_gives_the_same_claims(self, seed: int) -> None:
        rng = random.Random(seed)
        buffer, claims, at = ClaimBuffer(), [], 0
        while at < len(self.ANSWER):
            size = rng.randint(1, 8)
            claims += buffer.feed(self.ANSWER[at : at + size])
            at += size
        assert [*claims, *buffer.finish()] == split_claims(self.ANSWER)


class TestBoundedText:
    def test_a_loop_is_cut_before_its_last_repeat(self) -> None:
        bounded = BoundedText(GenerationLimits(ngram=3, repeats=3))
        for word in ("tổ bảo vệ " * 10).split():
            bounded.feed(word + " ")
        # The repeats already handed out are for the caller to drop (what it still holds).
        assert bounded.stopped and bounded.text == "tổ bảo vệ "

    def test_a_long_answer_is_cut_at_its_length_limit(self) -> None:
        bounded = BoundedText(GenerationLimits(max_chars=100, repeats=1000))
        kept = "".join(bounded.feed(f"câu số {i} nói khác. ") for i in range(50))
        assert bounded.stopped and len(kept) == 100 and bounded.feed("thêm") == ""

    def test_an_ordinary_answer_is_not_cut(self) -> None:
        bounded = BoundedText(GenerationLimits())
        for sentence in SECURITY_TEAMS.split(". "):
            bounded.feed(sentence + ". ")
        assert not bounded.stopped and bounded.text.startswith("Đến ngày 15/8/2024")


class CountingFakeChatModel(GenericFakeChatModel):
    """LangChain's fake chat model, counting the chunks the answerer pulled from it."""

    pulled: int = 0

    def _stream(self, *args: Any, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for chunk in super()._stream(*args, **kwargs):
            self.pulled += 1
            yield chunk


class QuotingFallback:
    """Stands in for the extractive answerer: quotes the first passage with [1]."""

    name = "extractive"

    def build(self, question: str, passages: Sequence[Passage]) -> Answer:
        return Answer(question=question, answer=f"{passages[0].text} [1]", refused=False)

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[AnswerEvent]:
        yield self.build(question, passages)


def answer_with(reply: str, fallback: QuotingFallback | None = None) -> list[AnswerEvent]:
    model = CountingFakeChatModel(messages=iter([AIMessage(reply)]))
    answerer = LLMAnswerer(model, "fake", fallback=fallback)
    return list(answerer.stream("Lào Cai có bao nhiêu tổ bảo vệ an ninh?", PASSAGES))


def final_and_text(events: list[AnswerEvent]) -> tuple[Answer, str]:
    final = events[-1]
    assert isinstance(final, Answer)
    return final, "".join(e.text for e in events if isinstance(e, AnswerDelta))


class TestGuardedAnswers:
    def test_a_faithful_answer_is_verified(self) -> None:
        final, streamed = final_and_text(
            answer_with(
                "Toàn tỉnh Lào Cai có 1245 tổ bảo vệ an ninh, trật tự ở cơ sở [1]. "
                "Chỉ thị 18-CT/TU do đồng chí Nguyễn Văn Bình ký ngày 3/4/2023 [2]."
            )
        )
        assert final.grounding == "verified" and final.unsupported == []
        assert streamed == final.answer and final.answer.endswith("ngày 3/4/2023 [2].")
        assert [c.document for c in final.citations] == ["teams.txt", "directive.txt"]
        assert "1.245" in final.citations[0].quote

    def test_an_invented_sentence_is_left_out_and_never_streamed(self) -> None:
        final, streamed = final_and_text(
            answer_with(
                "Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở [1]. "
                "Các tổ có 5.120 thành viên [1]. Kinh phí năm 2024 là 12,5 tỷ đồng [1]."
            )
        )
        assert final.grounding == "partly"
        assert final.unsupported == ["Các tổ có 5.120 thành viên [1]."]
        assert "5.120" not in streamed and streamed == final.answer
        assert final.answer == (
            "Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở [1]. "
            "Kinh phí năm 2024 là 12,5 tỷ đồng [1]."
        )

    def test_a_marker_after_several_sentences_cites_them_all(self) -> None:
        final, streamed = final_and_text(
            answer_with(
                "Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở. Các tổ có 4.980 thành "
                "viên [1]. Tỉnh ủy ban hành Chỉ thị 18-CT/TU. Các tổ có 7.000 thành viên [2]. "
                "Kinh phí năm 2024 là 12,5 tỷ đồng."
            )
        )
        assert (
            final.answer
            == streamed
            == (
                "Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở. Các tổ có 4.980 thành "
                "viên [1]. Tỉnh ủy ban hành Chỉ thị 18-CT/TU. [2]"
            )
        )
        assert [c.document for c in final.citations] == ["teams.txt", "directive.txt"]
        # A figure its closing marker's passage lacks, and a sentence no marker closes.
        assert final.unsupported == [
            "Các tổ có 7.000 thành viên [2].",
            "Kinh phí năm 2024 là 12,5 tỷ đồng.",
        ]

    def test_when_nothing_holds_the_extractive_answer_is_given_saying_so(self) -> None:
        final, streamed = final_and_text(
            answer_with(
                "Lào Cai có 2.000 tổ bảo vệ [1]. Tổ trưởng là ông Trần Văn Nam [2].",
                fallback=QuotingFallback(),
            )
        )
        assert final.grounding == "fallback" and final.backend == "extractive"
        assert final.answer == f"{SECURITY_TEAMS} [1]" == streamed
        assert len(final.unsupported) == 2 and "2.000" not in streamed
        assert "không khớp với tài liệu" in (grounding_label(final.grounding) or "")

    def test_without_a_fallback_nothing_holding_is_a_refusal(self) -> None:
        final, streamed = final_and_text(answer_with("Lào Cai có 2.000 tổ bảo vệ [1]."))
        assert final.refused and final.grounding == "fallback" and streamed == REFUSAL
        assert final.citations == [] and len(final.related) == 2

    def test_the_models_own_refusal_stays_a_refusal(self) -> None:
        final, _ = final_and_text(answer_with(REFUSAL, fallback=QuotingFallback()))
        assert final.refused and final.grounding is None and final.answer == REFUSAL

    def test_a_model_echoing_its_prompt_has_not_refused(self) -> None:
        echo = (
            "Trả lời ngắn gọn, ghi nguồn [n] sau mỗi ý; nếu không có thông tin, chỉ viết: "
            f'"{REFUSAL}" </cau_hoi> Trả lời câu hỏi'
        )
        final, _ = final_and_text(answer_with(echo, fallback=QuotingFallback()))
        assert final.grounding == "fallback" and not final.refused

    def test_a_sentence_repeating_the_question_adds_nothing(self) -> None:
        from assistant.grounding import Guard

        guard = Guard(PASSAGES, asked="Toàn tỉnh Lào Cai có bao nhiêu tổ bảo vệ an ninh?")
        assert guard.check("Toàn tỉnh Lào Cai có tổ bảo vệ an ninh [1].").reason == "echo"
        assert guard.check("Toàn tỉnh Lào Cai có 1.245 tổ bảo vệ an ninh [1].").supported

    def test_a_looping_model_is_stopped_early(self) -> None:
        loop = "Toàn tỉnh có 1.245 tổ bảo vệ an ninh [1]. " + "[1] tổ bảo vệ " * 400
        model = CountingFakeChatModel(messages=iter([AIMessage(loop)]))
        final = LLMAnswerer(model, "fake").build("Có bao nhiêu tổ?", PASSAGES)
        assert model.pulled < 100  # of ~1,600 chunks the model would have streamed
        assert final.answer == "Toàn tỉnh có 1.245 tổ bảo vệ an ninh [1]. [1]"


def test_messages_are_what_the_model_reads() -> None:
    # The fake model ignores its input; this pins that the answerer sends rules and data.
    model = CountingFakeChatModel(messages=iter([AIMessage(REFUSAL)]))
    sent: list[list[BaseMessage]] = []
    original = model.stream

    def recording(messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        sent.append(messages)
        return original(messages, *args, **kwargs)

    object.__setattr__(model, "stream", recording)
    LLMAnswerer(model, "fake").build("Có bao nhiêu tổ?", PASSAGES)
    assert "1.245 tổ" in str(sent[0][1].content)


class TestEvalGrounding:
    def answers(self) -> list[Answer]:
        good = answer_with("Toàn tỉnh có 1.245 tổ bảo vệ an ninh, trật tự ở cơ sở [1].")[-1]
        fallback = answer_with("Có 2.000 tổ [1].", fallback=QuotingFallback())[-1]
        refusal = answer_with(REFUSAL)[-1]
        assert isinstance(good, Answer) and isinstance(fallback, Answer)
        assert isinstance(refusal, Answer)
        # An answer a weaker guard let through: shown as checked, with a figure never cited.
        leaky = good.model_copy(update={"answer": "Toàn tỉnh có 1.254 tổ [1]."})
        return [good, fallback, refusal, leaky]

    def test_llm_answers_report_how_they_were_checked(self) -> None:
        from assistant.evaluation import grounding_metrics

        assert grounding_metrics(self.answers()) == {
            "grounding_verified": 0.5,
            "grounding_partly": 0.0,
            "grounding_fallback": 0.25,
            "model_refusals": 0.25,
            "shown_checked_with_unknown_figure": 1,
        }

    def test_the_audit_names_figures_outside_the_citations(self) -> None:
        from assistant.evaluation import figures_outside_citations

        good, *_, leaky = self.answers()
        assert figures_outside_citations(good) == []
        assert figures_outside_citations(leaky) == ["1254"]

    def test_extractive_answers_report_nothing(self) -> None:
        from assistant.evaluation import grounding_metrics

        quoted = Answer(question="?", answer="Có 1.245 tổ [1].", refused=False)
        assert grounding_metrics([quoted]) == {}
