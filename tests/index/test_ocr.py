"""Scans read through the real Tesseract engine, on pages the tests render themselves:
an invented directive, tilted 1-2 degrees and speckled, saved as an image-only PDF or PNG."""

from __future__ import annotations

import io
import os

import pytest

from index import safe_parse
from index.loaders import UnsupportedDocumentError
from index.ocr import limit_engine
from index.pages import confidence_of, page_at
from index.safe_parse import ParserBusyError, WorkerLimits, prepare_untrusted, run_bounded
from tests.scans import (
    HEADER,
    PAGE_ONE,
    PAGE_TWO,
    ScanStyle,
    character_accuracy,
    directive_scan_pdf,
    exact_tokens,
    ocr_missing_reason,
    png_bytes,
    render_page,
    wrap_lines,
)

MISSING = ocr_missing_reason()
if MISSING:  # said once on the terminal as well as in the skip summary
    print(f"\nOCR tests skipped: {MISSING}")
pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"OCR tests need: {MISSING}")


def _scan(paragraphs: list[str], skew: float, seed: int) -> tuple[bytes, str]:
    style = ScanStyle(skew_degrees=skew, noise=0.01, seed=seed)
    page = render_page(wrap_lines(paragraphs, style), style)
    return png_bytes(page), " ".join(paragraphs)


@pytest.fixture(scope="module")
def two_page_scan() -> bytes:
    return directive_scan_pdf()


@pytest.fixture(scope="module")
def read_scan(two_page_scan: bytes):  # type: ignore[no-untyped-def]
    return prepare_untrusted(two_page_scan, "chi-thi-09.pdf")


def test_a_tilted_noisy_scan_reads_nearly_every_character(read_scan) -> None:  # type: ignore[no-untyped-def]
    reference = " ".join(PAGE_ONE + PAGE_TWO)
    accuracy = character_accuracy(reference, read_scan.text)
    assert accuracy >= 0.98, f"{accuracy:.4f}\n{read_scan.text}"


def test_every_figure_date_and_document_number_survives(read_scan) -> None:  # type: ignore[no-untyped-def]
    expected = exact_tokens(" ".join(PAGE_ONE + PAGE_TWO))
    assert "09/CT-UBND" in expected and "1.530" in expected and "25/2024/NQ-HĐND" in expected
    assert [token for token in expected if token not in read_scan.text] == []


def test_a_scan_is_indexed_like_a_typed_directive(read_scan) -> None:  # type: ignore[no-untyped-def]
    metadata = read_scan.metadata
    assert read_scan.file_type == "pdf"
    assert metadata.kind == "chỉ thị" and metadata.issued_on == "2024-05-12"
    assert metadata.province == "Lai Châu"
    assert "09/CT-UBND" in metadata.directive_numbers


def test_each_passage_knows_its_page_and_ocr_confidence(read_scan) -> None:  # type: ignore[no-untyped-def]
    text, spans = read_scan.text, read_scan.metadata.pages
    figures = text.index("1.530")
    funding = text.index("12.500")
    assert page_at(spans, figures) == 1
    assert page_at(spans, funding) == 2
    confidence = confidence_of(spans, funding, funding + 60)
    assert confidence is not None and 0.7 < confidence <= 1.0
    assert {span.page for span in spans} == {1, 2}


def test_a_photographed_page_uploaded_as_png_is_read() -> None:
    data, reference = _scan(PAGE_TWO, skew=1.0, seed=5)
    document = prepare_untrusted(data, "trang-2.png")
    assert document.file_type == "png"
    assert character_accuracy(reference, document.text) >= 0.98
    assert "236/KH-CAH" in document.text
    assert document.metadata.scanned


def test_a_multi_page_tiff_is_read_page_by_page() -> None:
    style = ScanStyle(skew_degrees=-1.0, noise=0.01, seed=8)
    first, second = (render_page(wrap_lines(p, style), style) for p in (PAGE_ONE, PAGE_TWO))
    out = io.BytesIO()
    first.save(out, "TIFF", save_all=True, append_images=[second], dpi=(200, 200))
    document = prepare_untrusted(out.getvalue(), "chi-thi.tif")
    assert document.file_type == "tiff"
    spans = document.metadata.pages
    assert page_at(spans, document.text.index("1.530")) == 1
    assert page_at(spans, document.text.index("12.500")) == 2


def test_a_pdf_mixing_text_and_scanned_pages_reads_both(two_page_scan: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    from tests.index.test_loaders import make_pdf

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf([["Phụ lục: danh sách xã."]]))))
    scanned = PdfReader(io.BytesIO(two_page_scan))
    writer.add_page(scanned.pages[1])
    out = io.BytesIO()
    writer.write(out)
    document = prepare_untrusted(out.getvalue(), "hon-hop.pdf")
    assert "Phụ lục: danh sách xã." in document.text
    assert "12.500" in document.text
    spans = document.metadata.pages
    assert {(s.page, s.confidence is None) for s in spans} == {(1, True), (2, False)}


def test_a_two_column_header_keeps_its_number_and_place_and_date_line() -> None:
    style = ScanStyle(skew_degrees=1.5, noise=0.01, seed=6)
    page = render_page(wrap_lines(PAGE_ONE[3:], style), style, header=HEADER)
    document = prepare_untrusted(png_bytes(page), "chi-thi-09.png")
    lines = document.text.splitlines()
    assert "Lai Châu, ngày 12 tháng 5 năm 2024" in lines  # not run into the issuer's line
    assert document.metadata.issued_on == "2024-05-12"
    assert document.metadata.kind == "chỉ thị"
    assert "09/CT-UBND" in document.metadata.directive_numbers


def test_a_page_fed_upside_down_is_turned_and_read() -> None:
    from index.ocr import OcrConfig, read_page

    style = ScanStyle(skew_degrees=1.0, noise=0.01, seed=4)
    upside_down = render_page(wrap_lines(PAGE_TWO, style), style).rotate(180)
    page = read_page(upside_down, 1, style.dpi, OcrConfig())
    assert page.rotated == 180
    assert character_accuracy(" ".join(PAGE_TWO), " ".join(ln.text for ln in page.lines)) >= 0.98


def test_an_unreadable_image_is_refused_naming_it() -> None:
    with pytest.raises(UnsupportedDocumentError, match="ảnh PNG bị hỏng"):
        prepare_untrusted(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "anh.png")


def test_a_decompression_bomb_image_is_refused_before_it_is_decoded() -> None:
    from PIL import Image

    bomb = io.BytesIO()
    Image.new("1", (10_000, 10_000), 1).save(bomb, "PNG")  # 100 Mpx in about 20 kB
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(UnsupportedDocumentError, match="ảnh PNG quá lớn"):
        prepare_untrusted(bomb.getvalue(), "bom.png")


def test_without_the_engine_a_scan_is_refused_saying_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import index.ocr

    monkeypatch.setattr(index.ocr, "engine_missing_reason", lambda: "tesseract missing")
    data, _ = _scan(PAGE_TWO, skew=0.0, seed=1)
    with pytest.raises(UnsupportedDocumentError, match=r"chưa cài OCR.*tesseract missing"):
        prepare_untrusted(data, "trang.png")


def test_only_one_scan_is_read_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_parse, "OCR_LIMITS", WorkerLimits(wall_seconds=0.3))
    data, _ = _scan(PAGE_TWO, skew=0.0, seed=9)
    with safe_parse._ocr_lock, pytest.raises(ParserBusyError):  # another scan is being read
        prepare_untrusted(data, "cho.png")


def _engine_limits() -> tuple[int, str | None]:
    limit_engine()
    return os.nice(0), os.environ.get("OMP_THREAD_LIMIT")


def test_the_ocr_worker_runs_single_threaded_at_low_priority() -> None:
    niceness, threads = run_bounded(_engine_limits, (), "x", WorkerLimits())
    assert niceness >= min(os.nice(0) + 10, 19)
    assert threads == "1"
