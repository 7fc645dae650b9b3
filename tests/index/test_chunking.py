from index.chunking import chunk_document, embedding_text
from index.records import CleanDocument, DocumentMetadata
from index.sentences import sentence_spans
from tests.conftest import ALQAC, SEEDS


def _document(text: str, source: str = "doc.txt") -> CleanDocument:
    return CleanDocument(source=source, sha256="0" * 64, file_type="txt", text=text)


def test_chunks_point_at_their_exact_text_in_every_seed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chunks = chunk_document(_document(text, path.name), chunk_chars=600)
        assert chunks, path.name
        for chunk in chunks:
            assert text[chunk.start : chunk.end] == chunk.text
        assert [c.ordinal for c in chunks] == list(range(len(chunks)))


def test_no_sentence_is_cut_in_two() -> None:
    text = (ALQAC / "documents" / "01-vbhn-vpqh__dieu-51.txt").read_text(encoding="utf-8")
    document = _document(text)
    sentences = {text[s:e] for s, e in sentence_spans(text)}
    for chunk in chunk_document(document, chunk_chars=300):
        # Every chunk starts and ends on a sentence boundary.
        starts = {text[s:e] for s, e in sentence_spans(text, chunk.start, chunk.end)}
        assert starts <= sentences


def test_numbers_and_abbreviations_do_not_end_sentences() -> None:
    text = "Tại TP. Điện Biên Phủ có 1.908 Đội Dân phòng. Tháng 3/2019 có thêm 2.000 người."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Tại TP. Điện Biên Phủ có 1.908 Đội Dân phòng.",
        "Tháng 3/2019 có thêm 2.000 người.",
    ]


def test_an_article_always_starts_a_chunk_and_names_its_heading() -> None:
    text = (
        "Điều 1. Phạm vi điều chỉnh\n\nLuật này quy định về công an xã.\n\n"
        "Điều 2. Đối tượng áp dụng\n\nLuật này áp dụng với công an xã chính quy."
    )
    chunks = chunk_document(_document(text), chunk_chars=2000)
    assert [c.text.split("\n")[0] for c in chunks] == [
        "Điều 1. Phạm vi điều chỉnh",
        "Điều 2. Đối tượng áp dụng",
    ]
    assert chunks[1].heading == "Điều 2. Đối tượng áp dụng"


def test_long_paragraphs_split_at_sentences_near_the_target_size() -> None:
    sentence = "Công an xã tổ chức trực ban 24/24 giờ tại trụ sở để tiếp nhận tin báo. "
    text = sentence * 40
    chunks = chunk_document(_document(text.strip()), chunk_chars=500)
    assert len(chunks) > 4
    assert all(len(c.text) <= 500 for c in chunks)
    assert all(c.text.endswith("tin báo.") for c in chunks)


def test_embedding_text_adds_title_place_and_heading_only_when_missing() -> None:
    text = "Điều 9. Tên điều\n\n" + "Câu một của điều. " * 60 + "\n\nCâu cuối của điều."
    chunks = chunk_document(_document(text), chunk_chars=400)
    first, later = chunks[0], chunks[-1]
    law = DocumentMetadata(title="Bộ luật X")
    assert embedding_text(first, law).startswith("Bộ luật X\nĐiều 9. Tên điều")
    assert embedding_text(first, law).count("Điều 9.") == 1
    assert embedding_text(later, law).startswith("Bộ luật X\nĐiều 9. Tên điều\n")
    assert embedding_text(later, law, with_context=False) == later.text
    report = DocumentMetadata(title="Báo cáo", province="Điện Biên", district="Điện Biên Đông")
    assert embedding_text(later, report).startswith("Báo cáo\nĐiện Biên Đông, Điện Biên\n")


def test_points_cut_off_from_their_clause_carry_its_lead_in() -> None:
    text = (
        "Điều 418. Tội chiếm đoạt di vật của tử sỹ\n\n"
        "1. Người nào chiếm đoạt di vật của tử sỹ, thì bị phạt tù từ 06 tháng đến 03 năm.\n\n"
        "2. Phạm tội thuộc một trong các trường hợp sau đây, "
        "thì bị phạt tù từ 02 năm đến 07 năm:\n\n"
        + "\n\n".join(f"{p}) Trường hợp {p} " + "rất dài " * 12 for p in "abcd")
    )
    chunks = chunk_document(_document(text), chunk_chars=250)
    points = [c for c in chunks if c.text.startswith(("b)", "c)", "d)"))]
    assert points
    for chunk in points:
        assert chunk.heading.startswith("Điều 418.")
        assert chunk.heading.endswith("thì bị phạt tù từ 02 năm đến 07 năm:")
    assert chunks[0].heading == "Điều 418. Tội chiếm đoạt di vật của tử sỹ"
