"""Read a document file into text. What a file is comes from its bytes, not its name.

A PDF renamed ``.txt`` is read as a PDF; a GIF renamed ``.txt`` is refused. The extension only
tells Markdown from plain text. A scan (a PNG, JPEG or TIFF page, or PDF pages that are images
with no text layer) raises `ScannedDocumentError` here: reading it takes OCR, which runs in the
bounded worker (`index.safe_parse.load_scanned_untrusted`, `index.scanned`).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from index.markup import MarkupTooDeepError, html_to_text, markdown_to_text
from index.page_images import page_has_images
from index.records import LoadedFile
from index.vietnamese import nfc

SUPPORTED = ".txt, .md, .html, .pdf, .docx, ảnh quét .png/.jpg/.tif"
# Scanned page images read by OCR, by the type `detect_file_type` gives them.
SCAN_IMAGE_TYPES: dict[str, tuple[bytes | tuple[bytes, ...], str]] = {
    "png": (b"\x89PNG", "ảnh PNG"),
    "jpeg": (b"\xff\xd8\xff", "ảnh JPEG"),
    "tiff": ((b"II*\x00", b"MM\x00*"), "ảnh TIFF"),
}
NO_TEXT_LAYER = "PDF không có lớp chữ (có thể là bản quét)"

# Other formats people upload by mistake, named in the error message.
_KNOWN_BINARIES = (
    (b"GIF8", "ảnh GIF"),
    (b"RIFF", "tệp âm thanh/ảnh RIFF"),
    (b"\xd0\xcf\x11\xe0", "tệp Office cũ (.doc/.xls): hãy lưu lại dạng .docx"),
    (b"\x1f\x8b", "tệp nén gzip"),
    (b"Rar!", "tệp nén RAR"),
    (b"7z\xbc\xaf", "tệp nén 7z"),
    (b"\x7fELF", "tệp chương trình"),
    (b"{\\rtf", "tệp RTF: hãy lưu lại dạng .docx"),
)
_HTML_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"<(?:p|div|br|h[1-6]|table|span|a)[\s>/]", re.IGNORECASE)
_CHARSET_RE = re.compile(rb"charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class ReadLimits:
    """How much a document may unpack to before it is refused unread (a zip bomb)."""

    max_unpacked_bytes: int = 160 << 20
    """All members of a .docx together, once unpacked (python-docx holds them all)."""
    max_ratio: float = 100.0
    """Unpacked over packed size of one member larger than `ratio_floor_bytes`."""
    ratio_floor_bytes: int = 2 << 20
    """Members smaller than this unpack to little whatever their ratio."""
    max_members: int = 5000
    """Files inside one .docx."""
    max_pdf_pages: int = 3000
    """Pages of one PDF."""


LIMITS = ReadLimits()


class UnsupportedDocumentError(ValueError):
    """A file that cannot be read as a document; the message names the file and why."""

    def __init__(self, filename: str, reason: str) -> None:
        super().__init__(f"{filename}: {reason}")
        self.filename = filename
        self.reason = reason


class ScannedDocumentError(UnsupportedDocumentError):
    """A scan: its text must be read by OCR (`index.scanned.load_scanned`), not here."""


def detect_file_type(data: bytes, filename: str) -> str:
    """ "pdf", "docx", "html", "md", "txt" or a scan image type ("png", "jpeg", "tiff"),
    from the content; raises if it is none of them."""
    name = PurePath(filename).name or filename
    if not data.strip():
        raise UnsupportedDocumentError(name, "tệp rỗng, không có nội dung")
    if _is_pdf(data):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data, name)
    for file_type, (magic, _) in SCAN_IMAGE_TYPES.items():
        if data.startswith(magic):
            return file_type
    for magic, what in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise UnsupportedDocumentError(name, f"không hỗ trợ {what}; chỉ nhận {SUPPORTED}")
    text = _decode(data, name)
    if _HTML_RE.search(text[:4096]) or (
        PurePath(name).suffix.lower() in {".html", ".htm"} and _HTML_TAG_RE.search(text)
    ):
        return "html"
    return "md" if PurePath(name).suffix.lower() in {".md", ".markdown"} else "txt"


def _is_pdf(data: bytes) -> bool:
    # The header may follow a little junk, but then the file must also end like a PDF.
    return data.lstrip().startswith(b"%PDF-") or (
        b"%PDF-" in data[:1024] and b"%%EOF" in data[-1024:]
    )


def _zip_type(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise UnsupportedDocumentError(name, f"tệp zip/.docx bị hỏng ({exc})") from exc
    _check_unpacked_size(members, name)
    names = {member.filename for member in members}
    if "word/document.xml" not in names:
        raise UnsupportedDocumentError(
            name, f"tệp nén zip không phải văn bản Word; chỉ nhận {SUPPORTED}"
        )
    return "docx"


def _check_unpacked_size(members: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse an archive that would unpack to too much, from its directory alone.

    The sizes are the archive's own claims; `zipfile` never inflates a member past its
    claimed size, so a lying directory only makes the read fail.
    """
    if len(members) > LIMITS.max_members:
        raise UnsupportedDocumentError(name, f"tệp nén có quá nhiều tệp con ({len(members)})")
    total = sum(member.file_size for member in members)
    bomb = any(
        member.file_size > LIMITS.ratio_floor_bytes
        and member.file_size > LIMITS.max_ratio * max(member.compress_size, 1)
        for member in members
    )
    # Deflate never grows data by more than a few bytes a block: a larger packed size is
    # a directory that lies about what a member unpacks to.
    if any(m.compress_size > m.file_size * 1.01 + 1024 for m in members):
        raise UnsupportedDocumentError(name, "tệp zip/.docx bị hỏng (khai báo sai kích thước)")
    if total > LIMITS.max_unpacked_bytes or bomb:
        raise UnsupportedDocumentError(
            name, f"tệp nén giải ra quá lớn ({total / (1 << 20):.0f} MB): có thể là bom nén"
        )


def _decode(data: bytes, name: str) -> str:
    """Text bytes as str: UTF-8 (BOM allowed), UTF-16 with a BOM, or an HTML page's charset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_declared(data, name)
    if "\x00" in text:
        raise UnsupportedDocumentError(name, "tệp nhị phân, không phải văn bản")
    return text


def _decode_declared(data: bytes, name: str) -> str:
    declared = _CHARSET_RE.search(data[:4096])
    if declared and _HTML_RE.search(data[:4096].decode("ascii", "replace")):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise UnsupportedDocumentError(
        name, "không phải văn bản UTF-8 (tệp nhị phân hoặc bảng mã khác)"
    )


def load_bytes(data: bytes, filename: str) -> LoadedFile:
    """Read uploaded bytes; `filename` is kept as the document's source name.

    Raises:
        ScannedDocumentError: a page image or a PDF with scanned pages (OCR reads it).
        UnsupportedDocumentError: not a readable document.
    """
    file_type = detect_file_type(data, filename)
    name = PurePath(filename).name or filename
    if file_type in SCAN_IMAGE_TYPES:
        what = SCAN_IMAGE_TYPES[file_type][1]
        raise ScannedDocumentError(name, f"{what}: văn bản quét, cần nhận dạng chữ (OCR)")
    if file_type == "pdf":
        text = _pdf_text(data, name)
    elif file_type == "docx":
        text = _docx_text(data, name)
    else:
        text = _markup_text(_decode(data, name), file_type, name)
    text = nfc(text).strip()
    if not text:
        raise UnsupportedDocumentError(name, "không trích được chữ nào từ tệp")
    return LoadedFile(filename, file_type, text, hashlib.sha256(data).hexdigest())


def _markup_text(raw: str, file_type: str, name: str) -> str:
    if file_type == "md":
        return markdown_to_text(raw)
    if file_type != "html":
        return raw
    try:
        return html_to_text(raw)
    except MarkupTooDeepError as error:
        reason = f"các thẻ HTML lồng nhau quá sâu (hơn {error.args[0]} tầng)"
        raise UnsupportedDocumentError(name, reason) from None


def load_file(path: Path, source: str | None = None) -> LoadedFile:
    """Read a file from disk; `source` defaults to its name."""
    return load_bytes(Path(path).read_bytes(), source or Path(path).name)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        if not locked and len(reader.pages) > LIMITS.max_pdf_pages:
            raise UnsupportedDocumentError(name, f"PDF quá nhiều trang ({len(reader.pages)})")
        pages = [] if locked else [page.extract_text() or "" for page in reader.pages]
        scanned = [
            page_has_images(page)
            for page, text in zip(reader.pages, pages, strict=True)
            if not text.strip()
        ]
    except UnsupportedDocumentError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise UnsupportedDocumentError(name, f"PDF bị hỏng hoặc không đọc được ({exc})") from exc
    if locked:
        raise UnsupportedDocumentError(name, "PDF có mật khẩu")
    if any(scanned):  # a page with no text but a picture on it: a scanned page
        raise ScannedDocumentError(name, NO_TEXT_LAYER)
    if not any(page.strip() for page in pages):
        raise UnsupportedDocumentError(name, NO_TEXT_LAYER)
    return "\n\n".join(page.strip() for page in pages)


def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs and tables in document order; a table row is one line, cells split by " | "."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                blocks.append(item.text)
            elif isinstance(item, Table):
                blocks.append("\n".join(_row_text(row.cells) for row in item.rows))
    except Exception as exc:  # bad zip, bad XML, missing part: all mean a damaged file
        raise UnsupportedDocumentError(name, f".docx bị hỏng hoặc không đọc được ({exc})") from exc
    return "\n\n".join(block for block in blocks if block.strip())


def _row_text(cells: list[Any]) -> str:
    texts: list[str] = []
    for cell in cells:
        text = " ".join(cell.text.split())
        if text and (not texts or texts[-1] != text):  # a merged cell repeats itself
            texts.append(text)
    return " | ".join(texts)
