import sqlite3
from pathlib import Path

from index.catalog import _SCHEMA, Catalog, CommittedFile
from index.extraction import DocumentIdentity, DocumentReference, DutyItem, Extraction, Figure
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


def _extraction(number: str) -> Extraction:
    identity = DocumentIdentity(
        kind="chỉ thị",
        number=number,
        province="Hà Giang",
        references=(DocumentReference("chỉ thị", "31-CT/TU", "implements", 40, 60),),
    )
    duty = DutyItem("Công an tỉnh", "Công an tỉnh chỉ đạo tuần tra.", 10, 40, "2", ("Sở Y tế",))
    figure = Figure("147", 147.0, "tổ xung kích", 5, 8, place="Hà Giang", period="năm 2024")
    return Extraction(identity, (duty,), (figure,))


def test_a_document_is_committed_with_its_extraction(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    file = CommittedFile(_document("x.txt", "a"), _chunks("x.txt", "a", 1), 10, 1, _extraction("7"))
    catalog.commit_documents([file])
    assert catalog.extraction("x.txt") == _extraction("7")
    assert catalog.extractions() == {"x.txt": _extraction("7")}


def test_an_extraction_is_replaced_and_removed_with_its_document(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    for sha, number in (("a", "7/CT-UBND"), ("b", "8/CT-UBND")):
        chunks = _chunks("x.txt", sha, 1)
        catalog.commit_documents(
            [CommittedFile(_document("x.txt", sha), chunks, 10, 1, _extraction(number))]
        )
    stored = catalog.extraction("x.txt")
    assert stored is not None and stored.identity.number == "8/CT-UBND"
    catalog.remove_document("x.txt")
    assert catalog.extraction("x.txt") is None and catalog.extractions() == {}


def test_extractions_read_again_are_one_new_version(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.commit_document(_document("x.txt", "a"), _chunks("x.txt", "a", 1), 10, 1)
    assert catalog.extractions() == {}  # committed without one (an older builder)
    version = catalog.version
    fresh = {"x.txt": _extraction("7"), "gone.txt": _extraction("9")}
    catalog.replace_extractions(fresh, {"extraction": "v2"})
    assert catalog.extractions() == {"x.txt": _extraction("7")}  # not for unknown documents
    assert catalog.version == version + 1 and catalog.get_meta("extraction") == "v2"


def test_a_catalog_made_before_extraction_gains_the_table(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    old = sqlite3.connect(path)
    old.executescript(_SCHEMA.split("CREATE TABLE IF NOT EXISTS extractions")[0])
    old.close()
    catalog = Catalog(path)
    catalog.commit_documents(
        [CommittedFile(_document("x.txt", "a"), _chunks("x.txt", "a", 1), 1, 1, _extraction("7"))]
    )
    assert catalog.extractions() == {"x.txt": _extraction("7")}


def test_an_empty_catalog_takes_new_extraction_code_without_a_new_version(
    tmp_path: Path,
) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.replace_extractions({}, {"extraction": "v1"})
    assert catalog.version == 0 and catalog.get_meta("extraction") == "v1"


def test_documents_are_found_by_the_sha256_of_their_file(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite")
    for source, sha in (("b.txt", "same"), ("a.txt", "same"), ("c.txt", "other")):
        catalog.commit_document(_document(source, sha), _chunks(source, source, 1), 10, 1)
    assert catalog.sources_with("same") == ["a.txt", "b.txt"]
    catalog.remove_document("a.txt")
    assert catalog.sources_with("same") == ["b.txt"] and catalog.sources_with("none") == []
    plan = catalog._db.execute(
        "EXPLAIN QUERY PLAN SELECT source FROM documents WHERE sha256 = ?", ("same",)
    ).fetchall()
    assert "documents_by_sha256" in str(plan)  # one lookup, not a read of every document
