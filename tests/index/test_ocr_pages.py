"""Scans without the OCR engine: how a scan is recognised, where its lines land after
cleaning, which page and confidence a passage gets, and the skew search."""

from __future__ import annotations

import pytest

from index.loaders import ScannedDocumentError, detect_file_type, load_bytes
from index.pages import confidence_of, page_at, spans_in_cleaned
from index.records import DocumentMetadata, PageSpan
from tests.index.test_loaders import make_pdf
from tests.scans import ScanStyle, font_path, pages_pdf, png_bytes, render_page, wrap_lines

needs_font = pytest.mark.skipif(
    font_path() is None, reason="no TrueType font with Vietnamese letters to render a scan"
)


def test_a_page_image_is_a_scan_whatever_its_name() -> None:
    assert detect_file_type(b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "chi-thi.txt") == "png"
    assert detect_file_type(b"\xff\xd8\xff\xe0" + b"\x00" * 8, "anh.pdf") == "jpeg"
    assert detect_file_type(b"II*\x00" + b"\x00" * 8, "trang.tif") == "tiff"
    with pytest.raises(ScannedDocumentError, match="ảnh PNG"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "chi-thi.png")


@needs_font
def test_a_pdf_of_page_images_needs_ocr_but_a_blank_pdf_is_refused() -> None:
    page = render_page(["Chỉ thị số 09/CT-UBND"], ScanStyle(noise=0))
    with pytest.raises(ScannedDocumentError, match="lớp chữ"):
        load_bytes(pages_pdf([page]), "scan.pdf")
    with pytest.raises(ValueError, match="lớp chữ") as refused:
        load_bytes(make_pdf([[""]]), "trang.pdf")
    assert not isinstance(refused.value, ScannedDocumentError)  # nothing there to read
    assert png_bytes(page).startswith(b"\x89PNG")


def test_ocr_lines_are_found_again_in_the_cleaned_text() -> None:
    loaded = "Menu | Trang chủ\nSố 09/CT-UBND\n\nCông an xã   giải quyết 1.530 vụ\nviệc."
    spans = [
        PageSpan(1, 0, 16, 0.4),  # page furniture the cleaner drops
        PageSpan(1, 17, 30, 0.9),
        PageSpan(2, 32, 64, 0.95),
        PageSpan(2, 65, 70, 0.5),
    ]
    cleaned = "Số 09/CT-UBND\n\nCông an xã giải quyết 1.530 vụ việc."
    placed = spans_in_cleaned(loaded, spans, cleaned)
    assert [(s.page, cleaned[s.start : s.end]) for s in placed] == [
        (1, "Số 09/CT-UBND"),
        (2, "Công an xã giải quyết 1.530 vụ"),
        (2, "việc."),
    ]
    assert page_at(placed, cleaned.index("1.530")) == 2
    assert page_at(placed, 0) == 1
    whole = confidence_of(placed, 0, len(cleaned))
    assert whole is not None and 0.85 < whole < 0.95  # weighted by characters
    assert confidence_of([PageSpan(1, 0, 10, None)], 0, 10) is None  # a text layer


def test_a_scans_pages_go_to_the_catalog_but_not_to_every_passage() -> None:
    metadata = DocumentMetadata(title="Chỉ thị", pages=(PageSpan(3, 0, 7, 0.91),))
    assert "pages" not in metadata.to_dict()
    stored = metadata.to_dict(with_pages=True)
    assert DocumentMetadata.from_dict(stored) == metadata
    assert metadata.scanned and not DocumentMetadata().scanned


@needs_font
@pytest.mark.parametrize("skew", [1.5, -2.0, 0.0])
def test_the_skew_of_a_page_is_found(skew: float) -> None:
    from index.page_images import skew_angle

    style = ScanStyle(skew_degrees=skew, noise=0.01)
    lines = wrap_lines(["Công an xã giải quyết 1.530 vụ việc trên địa bàn. " * 30], style)
    page = render_page(lines, style)
    assert skew_angle(page, 5.0) == pytest.approx(-skew, abs=0.3)


def test_a_scanned_chunk_carries_its_page_and_confidence_into_the_vector_store() -> None:
    from index.builder import chunk_metadata
    from index.records import Chunk, CleanDocument

    text = "Trang một.\n\nTrang hai có 1.530 vụ."
    spans = (PageSpan(1, 0, 10, 0.9), PageSpan(2, 12, len(text), 0.7))
    document = CleanDocument("s.pdf", "ab" * 32, "pdf", text, DocumentMetadata(pages=spans))
    chunk = Chunk("s.pdf", 1, text[12:], 12, len(text))
    stored = chunk_metadata(document, chunk)
    assert (stored["page"], stored["ocr_confidence"]) == (2, 0.7)
    typed = CleanDocument("a.txt", "cd" * 32, "txt", text, DocumentMetadata())
    assert "page" not in chunk_metadata(typed, chunk)


@needs_font
def test_a_scanned_page_is_given_back_as_an_image_to_show_beside_its_sentence() -> None:
    import io

    from PIL import Image

    from index.safe_parse import page_image_untrusted

    pages = [render_page([f"Trang {n}"], ScanStyle(noise=0)) for n in (1, 2)]
    pdf = pages_pdf(pages)
    second = page_image_untrusted(pdf, "scan.pdf", 2)
    assert second is not None
    shown = Image.open(io.BytesIO(second))
    assert shown.format == "PNG" and shown.width <= 1240
    assert page_image_untrusted(pdf, "scan.pdf", 3) is None
    assert page_image_untrusted(png_bytes(pages[0]), "anh.png", 1) is not None
    assert page_image_untrusted(b"Chi thi so 09.", "a.txt", 1) is None


def test_a_speck_read_as_a_mark_inside_a_document_number_is_dropped() -> None:
    from index.ocr import mend_numbers

    assert mend_numbers("Số: 09/CT-.UBND; 25/.2024/NQ-HĐND; 236./KH-CAH") == (
        "Số: 09/CT-UBND; 25/2024/NQ-HĐND; 236/KH-CAH"
    )
    kept = "giải quyết 1.530 vụ, đạt 79,3%, ngày 30/6/2024. Hà Nội - Lai Châu."
    assert mend_numbers(kept) == kept
