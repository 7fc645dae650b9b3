"""Citations of scanned documents: the page of the quoted sentence, OCR confidence, the
note an answer quoting doubtful OCR text carries, and the source card's "văn bản quét"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.answers import Answer, AnswerDelta, AnswerEvent, Citation, source_ref_fields
from assistant.passages import Passage
from assistant.pipeline import Assistant
from assistant.retrieval import SearchResult
from assistant.scan_notes import LOW_OCR_CONFIDENCE, scan_note
from index.records import DocumentMetadata, PageSpan
from ui.source_cards import citation_card

# A passage that starts at the foot of page 1 of a scan and runs onto page 2.
PAGE_ONE_TAIL = "Năm 2023 Công an xã giải quyết 1.530 vụ việc."
PAGE_TWO_HEAD = "Sở Tài chính bố trí kinh phí 12.500 triệu đồng."
TEXT = f"{PAGE_ONE_TAIL} {PAGE_TWO_HEAD}"


def _passage(confidence_two: float) -> Passage:
    two = len(PAGE_ONE_TAIL) + 1
    spans = (
        PageSpan(1, 0, len(PAGE_ONE_TAIL), 0.95),
        PageSpan(2, two, len(TEXT), confidence_two),
    )
    metadata = DocumentMetadata(title="Chỉ thị 09/CT-UBND", kind="chỉ thị", pages=spans)
    return Passage("c1", "chi-thi-09.pdf", TEXT, 0, len(TEXT), 0.8, metadata)


def _citation(passage: Passage, quote: str, n: int = 1) -> Citation:
    start = passage.text.index(quote)
    fields = source_ref_fields(passage)
    return Citation(n=n, quote=quote, start=start, end=start + len(quote), **fields)  # type: ignore[arg-type]


def test_a_citation_names_the_page_of_its_sentence_not_of_its_passage() -> None:
    passage = _passage(0.6)
    first, second = _citation(passage, PAGE_ONE_TAIL), _citation(passage, PAGE_TWO_HEAD, 2)
    assert (first.page, first.last_page, first.ocr_confidence) == (1, 1, 0.95)
    assert (second.page, second.last_page, second.ocr_confidence) == (2, 2, 0.6)
    both = _citation(passage, TEXT)
    assert both.pages_label == "trang 1-2" and both.ocr_confidence is not None
    dumped = second.model_dump(mode="json")
    assert dumped["page"] == 2 and "page_spans" not in dumped
    assert "page_spans" not in str(Answer.model_json_schema())


def test_a_typed_document_has_no_page_and_no_scan_note() -> None:
    passage = Passage("c2", "a.txt", TEXT, 0, len(TEXT), 0.8, DocumentMetadata(title="A"))
    citation = _citation(passage, PAGE_TWO_HEAD)
    assert citation.page is None and not citation.scanned
    answer = Answer(
        question="?", answer=f"{PAGE_TWO_HEAD} [1]", refused=False, citations=[citation]
    )
    assert scan_note(answer) == ""
    assert "quét" not in citation_card(citation, 0)


def test_quoting_doubtful_ocr_text_the_answer_says_it_comes_from_a_scan() -> None:
    passage = _passage(LOW_OCR_CONFIDENCE - 0.2)
    sure, unsure = _citation(passage, PAGE_ONE_TAIL), _citation(passage, PAGE_TWO_HEAD, 2)
    answer = Answer(question="?", answer="... [1] ... [2]", refused=False, citations=[sure, unsure])
    note = scan_note(answer)
    assert "[2] trang 2" in note and "văn bản quét" in note and "[1]" not in note
    assert scan_note(answer.model_copy(update={"citations": [sure]})) == ""


class _QuotingAnswerer:
    """Streams an answer quoting the scanned page-2 sentence, as an answer builder does."""

    name = "fake"

    def build(self, question: str, passages: Sequence[Passage]) -> Answer:
        *_, answer = self.stream(question, passages)
        assert isinstance(answer, Answer)
        return answer

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[AnswerEvent]:
        text = f"{PAGE_TWO_HEAD} [1]"
        yield AnswerDelta(text)
        citation = _citation(passages[0], PAGE_TWO_HEAD)
        yield Answer(question=question, answer=text, refused=False, citations=[citation])


def test_the_streamed_note_adds_up_to_the_final_answer() -> None:
    assistant = Assistant(None, _QuotingAnswerer(), None)  # type: ignore[arg-type]
    result = SearchResult("kinh phí?", [_passage(0.5)])
    events = list(assistant.respond("kinh phí?", result))
    final = events[-1]
    assert isinstance(final, Answer)
    streamed = "".join(e.text for e in events if isinstance(e, AnswerDelta))
    assert streamed == final.answer
    assert "văn bản quét" in final.answer and "trang 2" in final.answer


def test_the_source_card_says_scanned_document_and_page() -> None:
    passage = _passage(0.95)
    card = citation_card(_citation(passage, PAGE_TWO_HEAD), 0)
    assert "văn bản quét, trang 2" in card
    assert "có thể sai" not in card
    assert "/scan-page/" in card and "?page=2" in card and "ảnh trang" in card  # the page
    doubtful = citation_card(_citation(_passage(0.5), PAGE_TWO_HEAD), 0)
    assert "văn bản quét, trang 2 (chữ nhận dạng có thể sai" in doubtful


def test_an_uploaded_scan_keeps_a_suffix_of_its_image_type() -> None:
    from assistant.intake import safe_filename

    assert safe_filename("Chỉ thị 09.txt", "jpeg") == "Chỉ thị 09.jpg"
    assert safe_filename("trang-1.JPEG", "jpeg") == "trang-1.jpeg"
    assert safe_filename("bản quét.TIF", "tiff") == "bản quét.tif"
    assert safe_filename("anh", "png") == "anh.png"
