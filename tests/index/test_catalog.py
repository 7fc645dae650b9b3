from pathlib import Path

from index.catalog import Catalog
from index.records import Chunk, CleanDocument, DocumentMetadata


def _document(source: str, sha: str, text: str = "Câu một. Câu hai.") -> CleanDocument:
    return CleanDocument(source, sha, "txt", text, DocumentMetadata(title="T", province="Hà Tĩnh"))


def _chunks(source: str, sha: str, count: int) -> list[tuple[str, Chunk]]:
    return [(f"{sha}-{i}", Chunk(source, i, "Câu một.", 0, 8)) for i in range(count)]


def test_a_document_is_committed_with_its_chunks_and_metadata(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.mark_pending(["a-0", "a-1"])
    catalog.commit_document(_document("x.txt", "a"), _chunks("x.txt", "a", 2), 10, 1)
    record = catalog.document("x.txt")
    assert record is not None and record.metadata.province == "Hà Tĩnh"
    assert record.chunk_count == 2
    assert catalog.chunk_ids("x.txt") == ["a-0", "a-1"]
    assert catalog.pending() == []  # the committed ids are owned by the catalog now
    assert catalog.version == 1


def test_replacing_a_document_leaves_its_old_vectors_to_sweep(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.commit_document(_document("x.txt", "a"), _chunks("x.txt", "a", 2), 10, 1)
    replaced = catalog.commit_document(_document("x.txt", "b"), _chunks("x.txt", "b", 1), 11, 2)
    assert replaced == ["a-0", "a-1"]
    assert sorted(catalog.pending()) == ["a-0", "a-1"]
    assert catalog.chunk_ids("x.txt") == ["b-0"]
    assert catalog.version == 2


def test_removing_a_document_forgets_it_and_marks_its_vectors(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.commit_document(_document("x.txt", "a"), _chunks("x.txt", "a", 1), 10, 1)
    assert catalog.remove_document("x.txt") == ["a-0"]
    assert catalog.document("x.txt") is None and catalog.chunks() == []
    assert catalog.pending() == ["a-0"]
    version = catalog.version
    catalog.remove_document("x.txt")  # removing twice changes nothing
    assert catalog.version == version


def test_the_catalog_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    catalog = Catalog(path)
    catalog.commit_document(_document("x.txt", "a"), _chunks("x.txt", "a", 1), 10, 1)
    catalog.set_meta({"embedder": "e5"})
    catalog.close()
    reopened = Catalog(path)
    assert reopened.get_meta("embedder") == "e5"
    assert [d.source for d in reopened.documents()] == ["x.txt"]
