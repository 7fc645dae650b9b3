"""Read a scanned file (page images, or a PDF with scanned pages) into a `LoadedFile` by OCR.

The text is laid out as a text PDF's is: a line a line, a blank line between the paragraphs
Tesseract finds and between pages; cleaning joins a paragraph's wrapped lines as it does for
any PDF, and reads the header's place-and-date line and number on lines of their own. Every OCR line
keeps a `PageSpan`: its page and how sure the engine was of it. A PDF mixing text pages and
scanned ones keeps its text layer where it has one (spans without a confidence).

Runs only in the bounded worker (`index.safe_parse.load_scanned_untrusted`).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from index.loaders import (
    LIMITS,
    SCAN_IMAGE_TYPES,
    UnsupportedDocumentError,
    detect_file_type,
    load_bytes,
)
from index.ocr import OcrConfig, OcrPage, limit_engine, read_page
from index.page_images import image_file_pages, pdf_page_image
from index.records import LoadedFile, PageSpan
from index.vietnamese import nfc

MAX_SCANNED_PAGES = 60
"""Pages OCR reads in one file: at ~3-5 s a page on a shared core, 60 pages is minutes."""


@dataclass
class _Text:
    """The loaded text as it is assembled, with the page span of each line."""

    parts: list[str] = field(default_factory=list)
    spans: list[PageSpan] = field(default_factory=list)
    length: int = 0

    def add(self, piece: str, page: int | None = None, confidence: float | None = None) -> None:
        if page is not None:
            self.spans.append(PageSpan(page, self.length, self.length + len(piece), confidence))
        self.parts.append(piece)
        self.length += len(piece)

    def add_ocr_page(self, page: OcrPage) -> None:
        for i, line in enumerate(page.lines):
            if i:
                self.add("\n\n" if line.paragraph_start else "\n")
            self.add(nfc(line.text), page.number, line.confidence)

    def add_text_page(self, number: int, text: str) -> None:
        lines = [line.strip() for line in nfc(text).splitlines() if line.strip()]
        for i, line in enumerate(lines):
            if i:
                self.add("\n")
            self.add(line, number)

    def end_page(self) -> None:
        if self.length:
            self.add("\n\n")


def load_scanned(data: bytes, filename: str, config: OcrConfig | None = None) -> LoadedFile:
    """Read a scan by OCR; a file that is not one is read as `load_bytes` reads it.

    Raises:
        UnsupportedDocumentError: damaged, too many pages, or no text recognised.
    """
    config = config or OcrConfig()
    name = PurePath(filename).name or filename
    file_type = detect_file_type(data, filename)
    if file_type != "pdf" and file_type not in SCAN_IMAGE_TYPES:
        return load_bytes(data, filename)
    limit_engine()
    text = _Text()
    if file_type == "pdf":
        _read_pdf(data, name, config, text)
    else:
        _read_images(data, name, file_type, config, text)
    content = "".join(text.parts)
    if not content.strip():
        raise UnsupportedDocumentError(name, "không nhận dạng được chữ nào trên bản quét")
    return LoadedFile(
        filename, file_type, content, hashlib.sha256(data).hexdigest(), tuple(text.spans)
    )


def _read_images(data: bytes, name: str, file_type: str, config: OcrConfig, text: _Text) -> None:
    what = SCAN_IMAGE_TYPES[file_type][1]
    try:
        for page in _capped(image_file_pages(data), name):
            text.add_ocr_page(read_page(page.image, page.number, page.dpi, config))
            text.end_page()
    except UnsupportedDocumentError:
        raise
    except Exception as exc:  # Pillow raises many kinds of error on a damaged image
        if type(exc).__name__ == "DecompressionBombError":
            raise UnsupportedDocumentError(name, f"{what} quá lớn để là một trang quét") from exc
        raise UnsupportedDocumentError(name, f"{what} bị hỏng hoặc không đọc được ({exc})") from exc


def _read_pdf(data: bytes, name: str, config: OcrConfig, text: _Text) -> None:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnsupportedDocumentError(name, "PDF có mật khẩu")
        if len(reader.pages) > LIMITS.max_pdf_pages:
            raise UnsupportedDocumentError(name, f"PDF quá nhiều trang ({len(reader.pages)})")
        scanned = 0
        for number, page in enumerate(reader.pages, start=1):
            layer = page.extract_text() or ""
            if layer.strip():
                text.add_text_page(number, layer)
            elif (image := pdf_page_image(page, number)) is not None:
                scanned += 1
                if scanned > MAX_SCANNED_PAGES:
                    raise _too_many_pages(name)
                text.add_ocr_page(read_page(image.image, number, image.dpi, config))
            text.end_page()
    except UnsupportedDocumentError:
        raise
    except Exception as exc:  # pypdf and Pillow raise many kinds of error on a damaged file
        raise UnsupportedDocumentError(name, f"PDF bị hỏng hoặc không đọc được ({exc})") from exc


def _capped(pages: Iterator, name: str) -> Iterator:
    for page in pages:
        if page.number > MAX_SCANNED_PAGES:
            raise _too_many_pages(name)
        yield page


def _too_many_pages(name: str) -> UnsupportedDocumentError:
    return UnsupportedDocumentError(
        name, f"bản quét quá nhiều trang (quá {MAX_SCANNED_PAGES} trang): hãy tách thành nhiều tệp"
    )
