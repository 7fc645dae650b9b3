"""One contract for the chunk store, run against embedded Chroma and a real `chroma run`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.live_index import IndexService
from assistant.retrieval import HybridSearcher
from index.chroma_store import ChromaChunkStore, make_chroma_client
from tests import backing_servers
from tests.conftest import SEEDS, make_settings


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server on a loopback port, as `chroma run` serves it in production."""
    with backing_servers.chroma_server(tmp_path_factory.mktemp("chroma-server")) as url:
        yield url


class ChunkStoreContract:
    """What every chunk store must do; subclasses provide the `client` fixture."""

    @pytest.fixture
    def store(self, client: object, request: pytest.FixtureRequest) -> ChromaChunkStore:
        name = f"test-{request.node.name[-40:]}-{time.time_ns() % 10**9}".replace("[", "-")
        return ChromaChunkStore(client, name.replace("]", ""))  # type: ignore[arg-type]

    def test_nearest_vectors_come_first_with_cosine_similarity(
        self, store: ChromaChunkStore
    ) -> None:
        store.upsert(
            ["a", "b", "c"],
            [[1, 0, 0], [0, 1, 0], [0.7, 0.7, 0]],
            ["đội dân phòng", "tổ hòa giải", "cả hai"],
            [{"source": "x.txt"}, {"source": "y.txt"}, {"source": "z.txt"}],
        )
        hits = store.query([1, 0.1, 0], k=2)
        assert [h.chunk_id for h in hits] == ["a", "c"]
        assert 0.99 < hits[0].similarity <= 1.0

    def test_upserting_the_same_id_twice_keeps_one_vector(self, store: ChromaChunkStore) -> None:
        for _ in range(2):
            store.upsert(["a"], [[1, 0, 0]], ["x"], [{"source": "x.txt"}])
        assert store.count() == 1

    def test_search_can_be_restricted_to_ids_and_metadata(self, store: ChromaChunkStore) -> None:
        store.upsert(
            ["a", "b"],
            [[1, 0, 0], [0.9, 0.1, 0]],
            ["x", "y"],
            [{"province": "Hà Tĩnh", "year": 2023}, {"province": "Sóc Trăng", "year": 2020}],
        )
        assert [h.chunk_id for h in store.query([1, 0, 0], k=5, ids=["b"])] == ["b"]
        hits = store.query([1, 0, 0], k=5, where={"year": {"$lte": 2021}})
        assert [h.chunk_id for h in hits] == ["b"]

    def test_deleted_vectors_are_gone(self, store: ChromaChunkStore) -> None:
        store.upsert(["a", "b"], [[1, 0, 0], [0, 1, 0]], ["x", "y"], [{"s": 1}, {"s": 2}])
        store.delete(["a"])
        assert store.count() == 1
        assert [h.chunk_id for h in store.query([1, 0, 0], k=5)] == ["b"]

    def test_it_is_also_a_langchain_vector_store(self, store: ChromaChunkStore) -> None:
        from langchain_core.embeddings import FakeEmbeddings

        store.upsert(["a"], [[1.0, 0.0, 0.0]], ["đội dân phòng"], [{"source": "x.txt"}])
        vectorstore = store.as_vectorstore(FakeEmbeddings(size=3))
        documents = vectorstore.similarity_search_by_vector([1.0, 0.0, 0.0], k=1)
        assert documents[0].page_content == "đội dân phòng"
        assert documents[0].metadata["source"] == "x.txt"


class TestEmbeddedChroma(ChunkStoreContract):
    @pytest.fixture(scope="class")
    def client(self, tmp_path_factory: pytest.TempPathFactory) -> object:
        return make_chroma_client(tmp_path_factory.mktemp("chroma"), None)


@pytest.mark.server
class TestChromaServer(ChunkStoreContract):
    @pytest.fixture(scope="class")
    def client(self, chroma_server: str, tmp_path_factory: pytest.TempPathFactory) -> object:
        return make_chroma_client(tmp_path_factory.mktemp("unused"), chroma_server)


@pytest.mark.server
@pytest.mark.slow
def test_the_whole_index_can_live_in_a_chroma_server(
    chroma_server: str, tmp_path: Path, embedding_cache: Path
) -> None:
    settings = make_settings(tmp_path / "data", SEEDS, embedding_cache)
    settings = settings.with_overrides(
        index={"chroma_url": chroma_server},
        retrieval={"dense_skip_margin": 0},  # always ask the server's dense side
    )
    service = IndexService(settings)
    report = service.sync()
    assert len(report.added) == 5
    assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally
    searcher = HybridSearcher(service.snapshot, service.embedder, settings.retrieval)
    passage = searcher.search("Giám đốc Công an tỉnh Hà Tĩnh là ai?").passages[0]
    assert passage.dense_score is not None  # the dense side answered from the server
    assert passage.metadata.province == "Hà Tĩnh"


def test_a_malformed_server_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="PA_CHROMA_URL"):
        make_chroma_client(tmp_path, "http://")
