"""Untrusted files: zip bombs are refused unread, a reading worker cannot exhaust the
server, and no loader or cleaner takes super-linear time on crafted text."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest

from assistant.extractive.tables import cells
from index.cleaning import _analyse, clean_text, head_lines
from index.loaders import UnsupportedDocumentError, load_bytes
from index.markup import html_to_text, markdown_to_text
from index.metadata import extract_metadata
from index.safe_parse import (
    MAX_WORKERS,
    ParserBusyError,
    WorkerLimits,
    prepare_untrusted,
    run_bounded,
)

BODY_OPEN = b'<w:body><w:p><w:r><w:t xml:space="preserve">'
BODY_CLOSE = b"</w:t></w:r></w:p></w:body>"


def docx_with_text_node(size: int) -> bytes:
    """A real .docx whose one paragraph holds `size` bytes of text: a bomb when large."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as template:
        parts = {name: template.read(name) for name in template.namelist()}
    document = parts["word/document.xml"]
    head = document[: document.index(b"<w:body>")]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head + BODY_OPEN)
            block = b"a" * (1 << 20)
            for _ in range(size >> 20):
                member.write(block)
            member.write(BODY_CLOSE + b"</w:document>")
    return out.getvalue()


def test_a_small_docx_with_text_is_read() -> None:
    assert load_bytes(docx_with_text_node(1 << 20), "ok.docx").text.startswith("aaaa")


@pytest.mark.parametrize("unpacked_mb", [200, 1024], ids=["200MB", "1GB"])
def test_a_zip_bomb_docx_is_refused_without_unpacking(unpacked_mb: int) -> None:
    bomb = docx_with_text_node(unpacked_mb << 20)
    assert len(bomb) < 5 << 20
    started = time.perf_counter()
    with pytest.raises(UnsupportedDocumentError, match="bom nén"):
        load_bytes(bomb, "bom.docx")
    assert time.perf_counter() - started < 1  # the directory alone decides: nothing inflated


def test_one_huge_text_node_is_refused_by_its_ratio() -> None:
    node = docx_with_text_node(64 << 20)  # under the total limit, but 64 MB from ~70 KB
    with pytest.raises(UnsupportedDocumentError, match="bom nén"):
        load_bytes(node, "node.docx")


def test_a_docx_whose_directory_lies_about_its_size_is_refused() -> None:
    honest = docx_with_text_node(4 << 20)
    claimed = (4 << 20) + len(BODY_OPEN)  # patch the sizes the directory claims: tiny
    lying = bytearray(honest)
    with zipfile.ZipFile(io.BytesIO(honest)) as archive:
        info = archive.getinfo("word/document.xml")
    assert info.file_size > claimed  # (a sanity check of the fixture)
    directory = lying.rindex(b"PK\x01\x02", 0, lying.rindex(b"word/document.xml"))
    lying[directory + 24 : directory + 28] = (1000).to_bytes(4, "little")
    with pytest.raises(UnsupportedDocumentError):
        load_bytes(bytes(lying), "lying.docx")


def test_html_nested_without_end_is_refused() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "Chỉ thị số 07." + "</div>" * 100_000
    with pytest.raises(UnsupportedDocumentError, match="lồng nhau quá sâu"):
        load_bytes(page.encode(), "sau.html")


# --- the worker ---------------------------------------------------------------------------
def _hog_memory(megabytes: int) -> int:
    blocks = [bytearray(1 << 20) for _ in range(megabytes)]
    return len(blocks)


def _spin() -> None:
    while True:
        pass


def test_the_worker_reads_a_document_and_returns_it() -> None:
    document = prepare_untrusted("Chỉ thị số 07 về công an xã.\n".encode(), "a.txt")
    assert document.file_type == "txt"
    assert "công an xã" in document.text


def test_the_worker_passes_a_refusal_on_with_its_reason() -> None:
    with pytest.raises(UnsupportedDocumentError, match="PNG"):
        prepare_untrusted(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "anh.txt")


def test_a_worker_over_its_memory_limit_is_stopped() -> None:
    limits = WorkerLimits(memory_bytes=256 << 20)
    assert run_bounded(_hog_memory, (64,), "x", limits) == 64
    with pytest.raises(UnsupportedDocumentError, match="quá nặng"):
        run_bounded(_hog_memory, (2048,), "x.docx", limits)


def test_a_worker_over_its_cpu_time_is_stopped() -> None:
    started = time.perf_counter()
    with pytest.raises(UnsupportedDocumentError, match="quá nặng"):
        run_bounded(_spin, (), "x.md", WorkerLimits(cpu_seconds=1, wall_seconds=20))
    assert time.perf_counter() - started < 15


def test_a_worker_over_its_wall_time_is_killed() -> None:
    started = time.perf_counter()
    with pytest.raises(UnsupportedDocumentError, match="quá nặng"):
        run_bounded(time.sleep, (30,), "x.md", WorkerLimits(wall_seconds=1))
    assert time.perf_counter() - started < 10


def test_a_reader_waits_for_a_free_slot_no_longer_than_its_wall_time() -> None:
    slow = WorkerLimits(wall_seconds=10)
    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        busy = [pool.submit(run_bounded, time.sleep, (3,), "x", slow) for _ in range(MAX_WORKERS)]
        time.sleep(1)
        with pytest.raises(ParserBusyError, match="busy"):
            run_bounded(time.sleep, (0,), "y", WorkerLimits(wall_seconds=0.5))
        assert [future.result() for future in busy] == [None] * MAX_WORKERS


# --- linear time ----------------------------------------------------------------------------
# Pieces that trip backtracking regexes and parsers, repeated on one line and one per line.
ADVERSARIAL = ["**a ", "__a ", "![", "[", "](", "[a](", "# ", " ", "\t", ":", "»", "|", "-",
               "|---", " |", "<div>", "</span>", "<p ", "<a href='", "<!--", "&#", "1/1/2020 ",
               "(1/1/2020) ", "a.", "Tin ", "xem them ", ". ", "-> ", "Điều 1. ", "**",
               "<table><tr><td>", '<tr><th rowspan="50" colspan="50">a</th>',
               "<tr><td>", "x  y  z\n---  ---  ---\n", "---  "]  # fmt: skip


def _clean(text: str) -> object:
    _analyse.cache_clear()
    return clean_text(text)


def _head(text: str) -> object:
    _analyse.cache_clear()
    return head_lines(text)


def _as_file(suffix: str) -> Callable[[str], object]:
    def load(text: str) -> object:
        try:
            return load_bytes(text.encode(), f"x{suffix}")
        except UnsupportedDocumentError:
            return None

    return load


READERS: dict[str, Callable[[str], object]] = {
    "markdown_to_text": markdown_to_text,
    "html_to_text": lambda text: _as_file(".html")(text),
    "clean_text": _clean,
    "head_lines": _head,
    "load .md": _as_file(".md"),
    "load .txt": _as_file(".txt"),
    "extract_metadata": lambda text: extract_metadata(text, "x.txt"),
}


def _seconds(read: Callable[[str], object], text: str, repeats: int = 2) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        read(text)
        best = min(best, time.perf_counter() - started)
    return best


def _inputs(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size] + "x!"


@pytest.mark.slow
@pytest.mark.parametrize("reader", list(READERS))
def test_time_grows_linearly_on_adversarial_input(reader: str) -> None:
    """100 KB takes about twice 50 KB (a quadratic rule takes four times)."""
    read = READERS[reader]
    slow = []
    for piece in ADVERSARIAL:
        for unit in (piece, piece + "\n"):
            for repeats in (1, 3, 5):  # closer looks before blaming (the CPUs are shared)
                small = _seconds(read, _inputs(unit, 50_000), repeats)
                large = _seconds(read, _inputs(unit, 100_000), repeats)
                if large <= 3.0 * max(small, 0.05):
                    break
            else:
                slow.append(f"{unit!r}: 50 KB {small:.3f}s, 100 KB {large:.3f}s")
    assert not slow, slow


def test_the_markdown_that_froze_the_server_is_read_at_once() -> None:
    text = "Chỉ thị về công an xã. " + "**a " * 16_000
    started = time.perf_counter()
    assert markdown_to_text(text).startswith("Chỉ thị")
    assert time.perf_counter() - started < 1


def test_markdown_keeps_what_it_kept() -> None:
    markdown = (
        "---\ntitle: x\n---\n# Chỉ thị số 07 ##\n\n**Điều 1.** Công an __xã__ "
        "[trực](https://vi.wikipedia.org/wiki/X_(Y)) ![ảnh](a.png)\n\n| a | b |\n|---|:---:|\n"
        "| 1 | 2 |\n\n* * *\n"
    )
    assert markdown_to_text(markdown) == (
        "Chỉ thị số 07\n\nĐiều 1. Công an xã trực ảnh\n\n| a | b |\n\n| 1 | 2 |\n\n\n"
    )


def test_html_escapes_only_what_opens_no_tag() -> None:
    page = "<p>a < b và <b>c</b></p><!-- <p>ẩn</p> --><pre>x<y</pre>"
    assert html_to_text(page) == "a < b và c\n\nx<y"


def test_an_html_rows_empty_first_or_last_cell_keeps_its_place() -> None:
    """A total row with no ordinal ("<td></td><td>Cộng</td>") keeps as many cells as its
    header, so its figures stay under their columns."""
    page = (
        "<table><tr><th>TT</th><th>Đơn vị</th><th>Số đội</th></tr>"
        "<tr><td>1</td><td>Xã A</td><td>5</td></tr>"
        "<tr><td></td><td><b>Cộng</b></td><td><b>9</b></td></tr>"
        "<tr><td>2</td><td>Xã B</td><td></td></tr></table><p>Hết |</p>"
    )
    rows = [cells(line) for line in html_to_text(page).split("\n\n")]
    assert rows[:4] == [
        ["TT", "Đơn vị", "Số đội"],
        ["1", "Xã A", "5"],
        ["", "Cộng", "9"],
        ["2", "Xã B", ""],
    ]
    assert html_to_text(page).endswith("\n\nHết")
