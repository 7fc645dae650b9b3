"""Read a scanned page image with Tesseract (Vietnamese): lines of text, each with the
engine's confidence in it.

The wrapper is `pytesseract`, not `ocrmypdf`. ocrmypdf's job is to write a searchable
PDF/A: it needs Ghostscript, qpdf and pikepdf besides Tesseract, renders every page again and
hands back a PDF whose text layer would still have to be read out, with no word confidences.
We need only the words, their lines and how sure the engine is of them, which Tesseract's
TSV output gives; pytesseract is a small, kept wrapper around exactly that call.

Before Tesseract sees a page it is made grey, brought to a resolution the Vietnamese model
reads well, cleaned of scanner speckle (a 3x3 median: speckle next to a digit turns "1.530"
into "1: 530") and turned straight (a projection-profile search: Tesseract copes with a
degree or two itself, but the lines of a page fed further askew run into each other). A
page that still reads badly is asked for its orientation (a scan fed upside down or
sideways) and read again turned the right way.

Call this only inside the bounded worker (`index.safe_parse`): it runs the `tesseract`
program, and Pillow decodes untrusted image data.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["OcrConfig", "OcrLine", "OcrPage", "engine_missing_reason", "read_page"]

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie; pip install pytesseract"


@dataclass(frozen=True)
class OcrConfig:
    """How pages are read."""

    language: str = "vie"
    """Tesseract language model (Debian package tesseract-ocr-vie)."""
    page_segmentation: int = 3
    """Tesseract --psm: 3 lays the page out itself (blocks, paragraphs, lines); header
    columns it runs into one line are parted again by `column_gap`."""
    min_dpi: int = 180
    """A coarser scan is enlarged to `read_dpi` first: diacritics need pixels."""
    max_dpi: int = 320
    """A finer scan is reduced to `read_dpi`: more pixels only cost time."""
    read_dpi: int = 200
    """At 200 dpi a 13-point A4 page reads fully (bench/ocr_bench.py), faster than at 300."""
    max_skew_degrees: float = 5.0
    """Skew searched for; scanners feed pages a few degrees askew at most."""
    column_gap: float = 2.5
    """A gap between two words of one line wider than this many letter heights parts the
    line in two (columns); a justified line's widest space is about one height."""
    retry_below: float = 0.60
    """A page whose mean word confidence is below this is checked for orientation."""


@dataclass(frozen=True)
class OcrLine:
    """One line as Tesseract read it."""

    text: str
    confidence: float  # mean word confidence, 0..1
    paragraph_start: bool  # the first line of a paragraph Tesseract found


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based, in the file
    lines: tuple[OcrLine, ...]
    skew_degrees: float = 0.0  # the correction applied
    rotated: int = 0  # degrees the page was turned to read upright

    @property
    def confidence(self) -> float:
        """Mean line confidence weighted by length (0 for a page with no text)."""
        total = sum(len(line.text) for line in self.lines)
        return sum(len(ln.text) * ln.confidence for ln in self.lines) / total if total else 0.0


@cache
def engine_missing_reason() -> str | None:
    """Why OCR cannot run on this machine (None when it can)."""
    try:
        import pytesseract
    except ImportError:
        return f"pytesseract is not installed ({INSTALL_HINT})"
    if shutil.which("tesseract") is None:
        return f"the tesseract program is not installed ({INSTALL_HINT})"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception as error:  # noqa: BLE001 - a broken install says so in many ways
        return f"tesseract does not run: {error}"
    if OcrConfig().language not in languages:
        return f"Tesseract has no Vietnamese model ({INSTALL_HINT})"
    return None


def limit_engine() -> None:
    """Make this process a polite OCR worker: one thread, low priority (both inherited by
    the tesseract processes it starts), so questions keep their CPU while a scan is read."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with contextlib.suppress(OSError):  # already as low as allowed
        os.nice(10)


def read_page(image: Image.Image, number: int, dpi: float, config: OcrConfig) -> OcrPage:
    """Read one page image scanned at `dpi`."""
    from index.page_images import deskew, prepare_for_ocr

    prepared = prepare_for_ocr(image, dpi, config)
    straight, skew = deskew(prepared, config.max_skew_degrees)
    page = OcrPage(number, _read_lines(straight, config), skew)
    if page.confidence >= config.retry_below:
        return page
    turn = _orientation(straight)
    if not turn:
        return page
    turned = OcrPage(number, _read_lines(straight.rotate(-turn, expand=True), config), skew, turn)
    return turned if turned.confidence > page.confidence else page


def _read_lines(image: Image.Image, config: OcrConfig) -> tuple[OcrLine, ...]:
    import pytesseract

    data = pytesseract.image_to_data(
        image,
        lang=config.language,
        config=f"--psm {config.page_segmentation}",
        output_type=pytesseract.Output.DICT,
    )
    grouped: dict[tuple[int, int, int], list[_Word]] = {}
    for i, word in enumerate(data["text"]):
        line_key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        words = grouped.setdefault(line_key, [])
        if word.strip() and float(data["conf"][i]) >= 0:  # -1: a block, not a word
            left, height = int(data["left"][i]), int(data["height"][i])
            confidence = float(data["conf"][i]) / 100
            words.append(
                _Word(word.strip(), confidence, left, left + int(data["width"][i]), height)
            )
    lines: list[OcrLine] = []
    previous_paragraph: tuple[int, int] | None = None
    for (block, paragraph, _), words in grouped.items():
        for i, cell in enumerate(_cells(words, config.column_gap)):
            lines.append(_line(cell, i > 0 or (block, paragraph) != previous_paragraph))
            previous_paragraph = (block, paragraph)
    return tuple(line for line in lines if line.text)


@dataclass(frozen=True)
class _Word:
    text: str
    confidence: float
    left: int
    right: int
    height: int


def _cells(words: list[_Word], column_gap: float) -> list[list[_Word]]:
    """A line's words parted where a gap is far wider than a space: the two columns of a
    directive's header ("ỦY BAN NHÂN DÂN ... CỘNG HÒA XÃ HỘI ...") that Tesseract read as
    one line each must stay two lines, or the place-and-date line and the number are lost."""
    if not words:
        return []
    heights = sorted(word.height for word in words)
    widest = column_gap * heights[len(heights) // 2]
    cells = [[words[0]]]
    for before, word in itertools.pairwise(words):
        if word.left - before.right > widest:
            cells.append([])
        cells[-1].append(word)
    return cells


# A speck read as a dot or comma beside the "-" or "/" of a document number: "09/CT-.UBND",
# "25/.2024/NQ-HĐND". No Vietnamese text puts one there, so it goes.
_STRAY_MARK_RE = re.compile(r"(?<=\w[-/])[.,'`·](?=\w)|(?<=\w)[.,'`·](?=[-/]\w)")


def mend_numbers(text: str) -> str:
    """Text without specks read as marks inside document numbers."""
    return _STRAY_MARK_RE.sub("", text)


def _line(words: list[_Word], paragraph_start: bool) -> OcrLine:
    text = mend_numbers(" ".join(word.text for word in words))
    weights = [len(word.text) for word in words]
    confidence = sum(w * word.confidence for w, word in zip(weights, words, strict=True))
    return OcrLine(text, round(confidence / sum(weights), 3), paragraph_start)


_ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")


def _orientation(image: Image.Image) -> int:
    """Degrees (clockwise) the page must turn to stand upright; 0 when unknown."""
    import pytesseract

    try:
        report = pytesseract.image_to_osd(image, config="--psm 0")
    except pytesseract.TesseractError:  # too little text to tell
        return 0
    match = _ROTATE_RE.search(report)
    return int(match.group(1)) % 360 if match else 0
