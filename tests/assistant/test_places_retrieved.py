"""A question asked of two places finds each place's passages (invented reports)."""

from __future__ import annotations

from assistant.conversation import RuleCondenser
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.filters import SearchFilters
from assistant.passages import Passage
from assistant.pipeline import Assistant
from assistant.retrieval import SearchResult
from index.records import DocumentMetadata


def _report(source: str, text: str, district: str) -> Passage:
    meta = DocumentMetadata(
        title=f"Báo cáo năm 2024 của Công an {district}", year=2024, province="Nghệ An"
    )
    return Passage(f"{source}#0", source, text, 0, len(text), 0.5, meta)


A = _report(
    "a.txt", "Năm 2024, huyện Anh Sơn duy trì 120 Tổ bảo vệ an ninh, trật tự.", "huyện Anh Sơn"
)
B = _report("b.txt", "Năm 2024, xã Môn Sơn duy trì 14 Tổ bảo vệ an ninh, trật tự.", "xã Môn Sơn")
NOISE = [_report(f"n{i}.txt", f"Năm 2024, huyện Anh Sơn tuần tra {i} đêm.", "huyện Anh Sơn")
         for i in range(5)]  # fmt: skip


class _Searcher:
    """Finds, as a ranked index would, the passages naming the places a query names; the
    district's fill the list, so the commune's are found only when asked alone."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def search(
        self, query: str, filters: SearchFilters | None = None, top_k: int | None = None
    ) -> SearchResult:
        self.queries.append(query)
        if "Anh Sơn" in query:
            return SearchResult(query, [A, *NOISE])
        return SearchResult(query, [B] if "Môn Sơn" in query else [])


def test_each_place_of_a_question_asked_of_two_is_searched_and_answered() -> None:
    searcher = _Searcher()
    assistant = Assistant(searcher, ExtractiveAnswerer(), RuleCondenser())  # type: ignore[arg-type]
    answer = assistant.ask("Huyện Anh Sơn và xã Môn Sơn mỗi nơi có bao nhiêu Tổ bảo vệ ANTT?")
    assert "120 Tổ" in answer.answer and "14 Tổ" in answer.answer, answer.answer
    assert len(searcher.queries) == 3  # the whole question, then each place's part
    one = Assistant(_Searcher(), ExtractiveAnswerer(), RuleCondenser())  # type: ignore[arg-type]
    assert "14 Tổ" not in one.ask("Huyện Anh Sơn có bao nhiêu Tổ bảo vệ ANTT?").answer


class _CrowdingSearcher:
    """Ranks the district's passages first for any query naming the offence, the commune's
    below them: the commune's part finds its own only past the ones already found."""

    def search(
        self, query: str, filters: SearchFilters | None = None, top_k: int | None = None
    ) -> SearchResult:
        found = [A, *NOISE]
        alone = "Môn Sơn" in query and "Anh Sơn" not in query
        return SearchResult(query, [*found, B] if alone else found)


def test_each_place_adds_the_passages_the_whole_question_did_not_find() -> None:
    assistant = Assistant(_CrowdingSearcher(), ExtractiveAnswerer(), RuleCondenser())  # type: ignore[arg-type]
    answer = assistant.ask("Huyện Anh Sơn và xã Môn Sơn mỗi nơi có bao nhiêu Tổ bảo vệ ANTT?")
    assert "14 Tổ" in answer.answer, answer.answer


SAND = _report(
    "c.txt",
    "9 tháng năm 2024, huyện Anh Sơn phát hiện 06 vụ khai thác cát trái phép.",
    "huyện Anh Sơn",
)


class _FirstPartSearcher:
    """Ranks the passages of the question's first thing first; the second's are found only
    by a query asking it alone."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def search(
        self, query: str, filters: SearchFilters | None = None, top_k: int | None = None
    ) -> SearchResult:
        self.queries.append(query)
        if "Tổ" in query:
            return SearchResult(query, [A, *NOISE])
        return SearchResult(query, [SAND] if "khai thác cát" in query else [])


def test_each_thing_a_question_asks_is_searched_on_its_own() -> None:
    """ "huyện A: năm 2024 bao nhiêu X, 9 tháng 2024 bao nhiêu Y": the second thing's
    passages may lie past the first's; its part, read with the first's place, finds them.
    A bare follow-on ("..., chức vụ gì?") is not searched alone."""
    searcher = _FirstPartSearcher()
    assistant = Assistant(searcher, ExtractiveAnswerer(), RuleCondenser())  # type: ignore[arg-type]
    asked = (
        "huyện Anh Sơn: năm 2024 bao nhiêu Tổ bảo vệ ANTT, 9 tháng 2024 bao nhiêu vụ khai thác "
        "cát trái phép"
    )
    answer = assistant.ask(asked)
    assert "120 Tổ" in answer.answer and "06 vụ" in answer.answer, answer.answer
    assert any("Anh Sơn" in q and "khai thác cát" in q and "Tổ" not in q for q in searcher.queries)
    bare = _FirstPartSearcher()
    Assistant(bare, ExtractiveAnswerer(), RuleCondenser()).ask(  # type: ignore[arg-type]
        "Huyện Anh Sơn năm 2024 có bao nhiêu Tổ bảo vệ ANTT, thành lập khi nào?"
    )
    assert len(bare.queries) == 1
