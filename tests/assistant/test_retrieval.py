"""Hybrid retrieval over a real seed index (real Chroma, real bundled embedder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.filters import SearchFilters
from assistant.live_index import IndexService
from assistant.retrieval import HybridRetriever, HybridSearcher
from index.chroma_store import ChromaChunkStore
from tests.conftest import make_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def searcher(seed_service: IndexService) -> HybridSearcher:
    return HybridSearcher(
        seed_service.snapshot, seed_service.embedder, seed_service.settings.retrieval
    )


@pytest.fixture(scope="module")
def always_dense(seed_service: IndexService) -> HybridSearcher:
    """A searcher that asks the dense side even when the keywords alone are decisive."""
    settings = seed_service.settings.retrieval.model_copy(update={"dense_skip_margin": 0.0})
    return HybridSearcher(seed_service.snapshot, seed_service.embedder, settings)


def _top_source(searcher: HybridSearcher, query: str, **filters: object) -> str:
    result = searcher.search(query, SearchFilters(**filters) if filters else None)  # type: ignore[arg-type]
    assert result.passages, query
    return result.passages[0].source


def test_passages_quote_the_cleaned_document_exactly(
    searcher: HybridSearcher, seed_service: IndexService
) -> None:
    result = searcher.search("lực lượng công an xã chính quy trực ban")
    snapshot = seed_service.snapshot()
    assert len(result.passages) == seed_service.settings.retrieval.top_k
    for passage in result.passages:
        document = snapshot.documents[passage.source]
        assert document.text[passage.start : passage.end] == passage.text
        assert 0 <= passage.score <= 1
        assert passage.metadata.title == document.metadata.title


@pytest.mark.parametrize("sides", ["default", "always dense"])
def test_a_question_without_diacritics_finds_what_the_accented_one_finds(
    searcher: HybridSearcher, always_dense: HybridSearcher, sides: str
) -> None:
    chosen = always_dense if sides == "always dense" else searcher
    accented = chosen.search("Công an xã chính quy tổ chức trực ban như thế nào?")
    typed = chosen.search("cong an xa chinh quy to chuc truc ban nhu the nao")
    assert typed.restored_query is not None and "trực ban" in typed.restored_query
    assert accented.restored_query is None
    assert typed.passages[0].source == accented.passages[0].source
    if chosen is always_dense:  # the dense side read the restored question
        assert typed.passages[0].dense_score is not None


def test_numbers_match_with_or_without_thousands_separator(searcher: HybridSearcher) -> None:
    for query in ("21.023 đội viên", "21023 đội viên"):
        assert "21.023" in searcher.search(query).passages[0].text


def test_abbreviations_match_their_spelled_out_form(searcher: HybridSearcher) -> None:
    passage = searcher.search("kiểm tra PCCC và vật liệu nổ").passages[0]
    assert "vật liệu nổ" in passage.text


def test_filters_restrict_documents(searcher: HybridSearcher, seed_service: IndexService) -> None:
    documents = seed_service.snapshot().documents

    def sources(**filters: object) -> set[str]:
        result = searcher.search("công an xã", SearchFilters(**filters), top_k=20)  # type: ignore[arg-type]
        return {p.source for p in result.passages}

    assert {documents[s].metadata.province for s in sources(locality="ha tinh")} == {"Hà Tĩnh"}
    assert {documents[s].metadata.kind for s in sources(kind="báo cáo")} == {"báo cáo"}
    years = {documents[s].metadata.year for s in sources(year_from=2019, year_to=2021)}
    assert years and all(y is not None and 2019 <= y <= 2021 for y in years)
    cited = sources(directive="31/CT-TU")
    assert cited and all("31-CT/TU" in documents[s].metadata.directive_numbers for s in cited)
    assert sources(locality="Đà Nẵng") == set()


def test_unknown_or_inconsistent_filters_are_refused() -> None:
    with pytest.raises(ValidationError):
        SearchFilters(region="Bắc")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        SearchFilters(year_from=2022, year_to=2020)


def test_the_dense_side_is_skipped_only_when_keywords_are_decisive(
    searcher: HybridSearcher,
) -> None:
    # One document alone holds these words, many times over: the query is not embedded.
    decisive = searcher.search("trực ban 24/24 giờ")
    assert all(p.dense_score is None for p in decisive.passages)
    assert "embed" not in decisive.timings_ms
    # Words every report uses: the dense side is asked and its scores reach the passages.
    common = searcher.search("công an xã")
    assert all(p.dense_score is not None for p in common.passages)


def test_vectors_the_snapshot_does_not_own_are_never_returned(
    always_dense: HybridSearcher, seed_service: IndexService
) -> None:
    snapshot = seed_service.snapshot()
    assert snapshot.store is not None
    store = ChromaChunkStore(snapshot.store.client, snapshot.store.name)
    query = "trực ban 24/24 giờ"
    vector = seed_service.embedder.embed_query(query)
    # A vector as a half-indexed document would leave it: in Chroma, not committed.
    store.upsert(["uncommitted-0000"], [vector], ["trực ban 24/24 giờ"], [{"source": "x.txt"}])
    try:
        assert store.query(vector, 1)[0].chunk_id == "uncommitted-0000"  # the nearest vector
        result = always_dense.search(query)
        assert all(p.chunk_id in snapshot.row_of for p in result.passages)
        assert result.passages[0].dense_score is not None  # the dense side was asked
    finally:
        store.delete(["uncommitted-0000"])


def test_the_searcher_is_a_langchain_retriever(searcher: HybridSearcher) -> None:
    retriever = HybridRetriever(searcher=searcher, top_k=3)
    documents = retriever.invoke("Giám đốc Công an tỉnh Hà Tĩnh")
    assert len(documents) == 3
    assert documents[0].metadata["province"] == "Hà Tĩnh"
    assert {"source", "start", "end", "score", "title"} <= set(documents[0].metadata)


PLACES = {
    "tinh.txt": "Báo cáo công tác hòa giải năm 2022 của Hà Tĩnh\n\n"
    "Toàn tỉnh hiện có 1.204 tổ hòa giải ở cơ sở.",
    "huyen.txt": "Báo cáo công tác hòa giải huyện Can Lộc, tỉnh Hà Tĩnh năm 2022\n\n"
    "Huyện hiện có 97 tổ hòa giải ở cơ sở.",
    "khac.txt": "Báo cáo công tác hòa giải tỉnh Nghệ An năm 2022\n\n"
    "Toàn tỉnh hiện có 3.310 tổ hòa giải ở cơ sở.",
}


def test_the_place_a_question_names_decides_between_similar_reports(
    tmp_path: Path, embedding_cache: Path
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    for name, text in PLACES.items():
        (documents / name).write_text(text, encoding="utf-8")
    service = IndexService(make_settings(tmp_path / "data", documents, embedding_cache))
    service.sync()
    searcher = HybridSearcher(service.snapshot, service.embedder, service.settings.retrieval)
    # The province's own figure, not that of one of its districts that says "tỉnh" more.
    assert _top_source(searcher, "Tỉnh Hà Tĩnh có bao nhiêu tổ hòa giải?") == "tinh.txt"
    assert _top_source(searcher, "Huyện Can Lộc có bao nhiêu tổ hòa giải?") == "huyen.txt"
    assert _top_source(searcher, "Nghệ An có bao nhiêu tổ hòa giải?") == "khac.txt"
    service.close()


def test_a_place_typed_without_diacritics_is_restored_as_the_place(
    searcher: HybridSearcher,
) -> None:
    result = searcher.search("so doi dan phong dien bien")
    assert result.restored_query == "số đội dân phòng điện biên"
    assert "1.908" in " ".join(p.text for p in result.passages[:2])


def test_each_of_two_places_asked_about_keeps_a_passage_among_the_top(
    tmp_path: Path, embedding_cache: Path
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    paragraphs = [
        f"Tại huyện thứ {i} của tỉnh Gia Lai, mức hỗ trợ hằng tháng cho Tổ trưởng Tổ bảo vệ "
        f"an ninh, trật tự ở cơ sở được chi trả đúng hạn, đủ {i} tháng liền. " * 6
        for i in range(1, 9)
    ]
    (documents / "gia-lai.txt").write_text(
        "Gia Lai chi trả mức hỗ trợ Tổ bảo vệ an ninh, trật tự\n\n" + "\n\n".join(paragraphs),
        encoding="utf-8",
    )
    (documents / "quang-binh.txt").write_text(
        "Quảng Bình ra mắt lực lượng bảo vệ an ninh, trật tự ở cơ sở\n\n"
        "Lễ ra mắt diễn ra tại 151 xã, phường, thị trấn của tỉnh Quảng Bình.\n\n"
        "Cũng trong tháng 7, tỉnh Kon Tum quy định mức hỗ trợ Tổ trưởng là 1.300.000 đồng.",
        encoding="utf-8",
    )
    service = IndexService(make_settings(tmp_path / "data", documents, embedding_cache))
    service.sync()
    searcher = HybridSearcher(service.snapshot, service.embedder, service.settings.retrieval)
    result = searcher.search("Mức hỗ trợ Tổ trưởng ở Gia Lai và ở Kon Tum là bao nhiêu?")
    texts = [p.text for p in result.passages]
    assert len(texts) == service.settings.retrieval.top_k
    assert any("Kon Tum" in t for t in texts) and any("Gia Lai" in t for t in texts)
    service.close()


def test_the_library_finds_every_document_carrying_or_citing_a_number(
    seed_service: IndexService,
) -> None:
    """A number asked with no place may be carried by one document and cited by another,
    one retrieval did not bring: the library answers from the whole snapshot."""
    from assistant.library import SnapshotLibrary
    from index.metadata import directive_key

    library = SnapshotLibrary(seed_service.snapshot)
    citing = library.sources_citing(directive_key("31-CT/TU"))
    assert "004_ce0963b2a695d143.txt" in citing
    assert library.sources_citing(directive_key("999/CT-UBND")) == []
    assert library.sources_citing(directive_key("31-CT/TU")) == citing  # asked again: the same
