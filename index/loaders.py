"""Read a document file into text. What a file is comes from its bytes, not its name.

A PDF renamed ``.txt`` is read as a PDF; an image renamed ``.txt`` is refused. The extension only
tells Markdown from plain text.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import Any

from index.records import LoadedFile
from index.vietnamese import nfc

SUPPORTED = ".txt, .md, .html, .pdf, .docx"

# Other formats people upload by mistake, named in the error message.
_KNOWN_BINARIES = (
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
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


class UnsupportedDocumentError(ValueError):
    """A file that cannot be read as a document; the message names the file and why."""

    def __init__(self, filename: str, reason: str) -> None:
        super().__init__(f"{filename}: {reason}")
        self.filename = filename
        self.reason = reason


def detect_file_type(data: bytes, filename: str) -> str:
    """ "pdf", "docx", "html", "md" or "txt", from the content; raises if it is none of them."""
    name = PurePath(filename).name or filename
    if not data.strip():
        raise UnsupportedDocumentError(name, "tệp rỗng, không có nội dung")
    if _is_pdf(data):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data, name)
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
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise UnsupportedDocumentError(name, f"tệp zip/.docx bị hỏng ({exc})") from exc
    if "word/document.xml" not in names:
        raise UnsupportedDocumentError(
            name, f"tệp nén zip không phải văn bản Word; chỉ nhận {SUPPORTED}"
        )
    return "docx"


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
    """Read uploaded bytes; `filename` is kept as the document's source name."""
    file_type = detect_file_type(data, filename)
    name = PurePath(filename).name or filename
    if file_type == "pdf":
        text = _pdf_text(data, name)
    elif file_type == "docx":
        text = _docx_text(data, name)
    else:
        raw = _decode(data, name)
        text = html_to_text(raw) if file_type == "html" else raw
        text = markdown_to_text(text) if file_type == "md" else text
    text = nfc(text).strip()
    if not text:
        raise UnsupportedDocumentError(name, "không trích được chữ nào từ tệp")
    return LoadedFile(filename, file_type, text, hashlib.sha256(data).hexdigest())


def load_file(path: Path, source: str | None = None) -> LoadedFile:
    """Read a file from disk; `source` defaults to its name."""
    return load_bytes(Path(path).read_bytes(), source or Path(path).name)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = [] if locked else [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise UnsupportedDocumentError(name, f"PDF bị hỏng hoặc không đọc được ({exc})") from exc
    if locked:
        raise UnsupportedDocumentError(name, "PDF có mật khẩu")
    if not any(page.strip() for page in pages):
        raise UnsupportedDocumentError(name, "PDF không có lớp chữ (có thể là bản quét)")
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


# class/id words of page furniture; "header" is left out: an article's header holds its title.
_FURNITURE_RE = re.compile(
    r"sidebar|related|comment|breadcrumb|share|social|banner|advert|navbar|poll|cookie"
    r"|(?:^|[\s_-])(?:menu|ads?|footer|widget)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name in ("class", "id") and value and _FURNITURE_RE.search(value)):
            return True
    return False


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


class _HtmlText(HTMLParser):
    """Visible text of a page, a block element per paragraph, page furniture left out."""

    SKIP = _tags(
        "script style nav header footer aside noscript template svg iframe button select head"
    )
    BLOCK = _tags(
        "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr blockquote pre"
        " figure figcaption address hr form fieldset legend caption"
    )
    VOID = _tags("area base br col embed hr img input link meta param source track wbr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.skip_depth: int | None = None  # stack depth where a skipped element opened
        self.title = ""
        self.in_title = self.has_h1 = self.in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        self.has_h1 = self.has_h1 or tag == "h1"
        if tag in self.VOID:
            if tag in ("br", "hr") and self.skip_depth is None:
                self.parts.append("\n" if tag == "br" else "\n\n")
            return
        self.stack.append(tag)
        if self.skip_depth is None and (tag in self.SKIP or _is_furniture(attrs)):
            self.skip_depth = len(self.stack)
        if self.skip_depth is not None:
            pass
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
        self.in_pre = self.in_pre or tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            if self.skip_depth is not None and len(self.stack) <= self.skip_depth:
                self.skip_depth = None
            if self.stack.pop() == tag:
                break
        if tag in self.BLOCK:
            self.parts.append("\n\n")
        self.in_pre = self.in_pre and tag != "pre"

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif self.skip_depth is None:
            self.parts.append(data if self.in_pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """An HTML page as paragraphs separated by blank lines."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    paragraphs = []
    for block in "".join(parser.parts).split("\n\n"):
        lines = [line.strip().strip("|").strip() for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    title = " ".join(parser.title.split())
    if title and not parser.has_h1 and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)  # the page's only title
    return "\n\n".join(paragraphs)


_MD_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_MD_RULES = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: keep the words
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"^ {0,3}(?:[-*_] ?){3,}$", re.MULTILINE), ""),  # horizontal rules
    # table rules ("|---|---|")
    (re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.MULTILINE), ""),
)


def markdown_to_text(markdown: str) -> str:
    """Markdown with its markup removed where it would show up in a quotation."""
    text = _MD_FRONT_MATTER_RE.sub("", markdown.replace("\r\n", "\n"))
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text
