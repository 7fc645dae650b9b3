"""Parsing an LLM's [n] markers into citations with exact document offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.citations import (
    MarkerRewriter,
    best_supporting_sentence,
    parse_citations,
    rewrite_markers,
)
from assistant.passages import Passage
from index.records import DocumentMetadata

DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"
DIEN_BIEN = "000_cec6d9babd0036f1.txt"


def paragraph_passage(source: str, needle: str, score: float = 0.8) -> tuple[str, Passage]:
    """The document's text and the paragraph holding `needle`, as retrieval would return it."""
    text = (DOCUMENTS / source).read_text(encoding="utf-8")
    at = text.index(needle)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end == -1 else end
    meta = DocumentMetadata(
        title="Lực lượng trị an cơ sở", issued_on="2019-04-23", province="Điện Biên"
    )
    passage = Passage(f"{source}#{start}", source, text[start:end], start, end, score, meta)
    return text, passage


def tiny(text: str, source: str = "a.txt") -> Passage:
    return Passage(source, source, text, 0, len(text), 0.5)


class TestRewriteMarkers:
    @pytest.mark.parametrize(
        ("reply", "expected", "numbering"),
        [
            ("A có 5 tổ [3]. B có 7 đội [1].", "A có 5 tổ [1]. B có 7 đội [2].", {3: 1, 1: 2}),
            ("A có 5 tổ [2]. Lại [2].", "A có 5 tổ [1]. Lại [1].", {2: 1}),
            ("Có 5 tổ [1, 3].", "Có 5 tổ [1][2].", {1: 1, 3: 2}),
            ("Có 5 tổ [3][1].", "Có 5 tổ [1][2].", {3: 1, 1: 2}),
        ],
    )
    def test_renumbers_in_order_of_first_appearance(
        self, reply: str, expected: str, numbering: dict[int, int]
    ) -> None:
        assert rewrite_markers(reply, passage_count=3) == (expected, numbering)

    @pytest.mark.parametrize(
        ("reply", "expected"),
        [
            ("Có 5 tổ [7].", "Có 5 tổ."),
            ("Có 5 tổ [7] và 3 đội [2].", "Có 5 tổ và 3 đội [1]."),
            ("Có 5 tổ [2][7].", "Có 5 tổ [1]."),
            ("Có 5 tổ [0, 2, 9].", "Có 5 tổ [1]."),
            ("[9] Có 5 tổ [1].", "Có 5 tổ [1]."),
        ],
    )
    def test_drops_passages_that_were_not_given(self, reply: str, expected: str) -> None:
        assert rewrite_markers(reply, passage_count=3)[0] == expected

    def test_brackets_that_are_not_markers_stay(self) -> None:
        reply = "Điều [a] và mục [2 nói [1]."
        assert rewrite_markers(reply, passage_count=2)[0] == "Điều [a] và mục [2 nói [1]."

    def test_any_chunking_gives_the_same_text(self) -> None:
        reply = "  Điện Biên có 2.000 công an xã [3] , [9] 1.814 tổ [1, 3][2]. Hết [4 [1"
        whole = rewrite_markers(reply, passage_count=3)[0]
        for size in (1, 2, 3, 5):
            rewriter = MarkerRewriter(3)
            pieces = [rewriter.feed(reply[i : i + size]) for i in range(0, len(reply), size)]
            assert "".join(pieces) + rewriter.finish() == whole
        assert whole == "Điện Biên có 2.000 công an xã [1] , 1.814 tổ [2][1][3]. Hết [4 [1"


class TestSupportingSentence:
    def test_picks_the_sentence_with_the_claimed_number(self) -> None:
        _, passage = paragraph_passage(DIEN_BIEN, "2.000 đồng chí")
        start, end = best_supporting_sentence(["Điện Biên có trên 2.000 công an xã."], passage.text)
        assert (
            passage.text[start:end]
            == "Tính đến hết tháng 3/2019, toàn tỉnh đã có trên 2.000 đồng chí Công an xã."
        )

    def test_claim_typed_without_diacritics_still_matches(self) -> None:
        _, passage = paragraph_passage(DIEN_BIEN, "1.814 tổ")
        start, end = best_supporting_sentence(["co 1.814 to hoa giai"], passage.text)
        assert "1.814 tổ hoà giải" in passage.text[start:end]


class TestParseCitations:
    def test_citation_quotes_the_document_at_exact_offsets(self) -> None:
        text, commune_police = paragraph_passage(DIEN_BIEN, "2.000 đồng chí")
        _, mediation = paragraph_passage(DIEN_BIEN, "1.814 tổ")
        reply = "Điện Biên có 1.814 tổ hoà giải [2] và trên 2.000 đồng chí Công an xã [1]."

        answer, citations = parse_citations(reply, [commune_police, mediation])

        assert answer == "Điện Biên có 1.814 tổ hoà giải [1] và trên 2.000 đồng chí Công an xã [2]."
        assert [(c.n, c.passage_start) for c in citations] == [
            (1, mediation.start),
            (2, commune_police.start),
        ]
        for citation in citations:
            assert text[citation.start : citation.end] == citation.quote
            assert citation.passage_start <= citation.start < citation.end <= citation.passage_end
        assert "1.814 tổ hoà giải" in citations[0].quote
        assert "2.000 đồng chí" in citations[1].quote
        assert citations[0].locality == "Điện Biên" and citations[0].date == "2019-04-23"

    def test_marker_after_the_full_stop_cites_the_sentence_before(self) -> None:
        passage = tiny("Xã A có 12 tổ. Xã B có 30 đội. Xã C có 7 nhóm.")
        answer, citations = parse_citations("Xã B có 30 đội. [1]", [passage])
        assert answer == "Xã B có 30 đội. [1]"
        assert citations[0].quote == "Xã B có 30 đội."

    def test_one_passage_cited_twice_is_one_citation(self) -> None:
        passage = tiny("Xã A có 12 tổ. Xã B có 30 đội.")
        answer, citations = parse_citations("Xã A có 12 tổ [1]. Xã B có 30 đội [1].", [passage])
        assert answer.count("[1]") == 2
        assert [c.n for c in citations] == [1]

    def test_no_valid_marker_gives_no_citation(self) -> None:
        answer, citations = parse_citations("Có 12 tổ [5].", [tiny("Xã A có 12 tổ.")])
        assert (answer, citations) == ("Có 12 tổ.", [])
