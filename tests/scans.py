"""Scanned pages the OCR tests and bench make themselves: Vietnamese text rendered onto an A4
page image with a font the system has, then tilted and dirtied as a scanner would, and saved
as an image-only PDF (or a PNG) that has no text layer to fall back on.
"""

from __future__ import annotations

import functools
import io
import random
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

# Official documents are set in a Times-like serif; the first of these that draws Vietnamese
# letters is used (Debian's Liberation Serif 2.1 has no "ự": it would draw empty boxes).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
_VIETNAMESE_PROBE = "ựữẫỡđ"
A4_INCHES = (8.27, 11.69)


@functools.cache
def font_path() -> str | None:
    """A TrueType font with Vietnamese letters, or None when the system has none."""
    return next((path for path in FONT_CANDIDATES if _draws_vietnamese(path)), None)


def _draws_vietnamese(path: str) -> bool:
    """True when no probe letter comes out as the font's missing-glyph box."""
    if not Path(path).exists():
        return False
    font = ImageFont.truetype(path, 24)
    missing = bytes(font.getmask("\uffff"))
    return all(bytes(font.getmask(letter)) != missing for letter in _VIETNAMESE_PROBE)


def ocr_missing_reason() -> str | None:
    """Why OCR tests cannot run here, or None when they can."""
    from index.ocr import engine_missing_reason

    if font_path() is None:
        return "no TrueType font with Vietnamese letters (apt-get install fonts-dejavu-core)"
    return engine_missing_reason()


@dataclass(frozen=True)
class ScanStyle:
    """How a rendered page is made to look scanned."""

    dpi: int = 200
    font_points: float = 13.0
    skew_degrees: float = 1.5
    noise: float = 0.01  # share of pixels flipped to black or white (salt and pepper)
    blur: float = 0.6  # Gaussian radius in pixels: a slightly soft scan
    seed: int = 7


def wrap_lines(paragraphs: Sequence[str], style: ScanStyle) -> list[str]:
    """The paragraphs wrapped to the text width of an A4 page with 2 cm margins."""
    font = _font(style)
    width_px = (A4_INCHES[0] - 2 * 0.79) * style.dpi
    average = font.getlength("abcdefghij klmnopqrstuvwxyz ăâêôơư") / 34
    columns = max(20, int(width_px / average))
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, columns) or [""])
    return lines


def render_page(
    lines: Sequence[str],
    style: ScanStyle | None = None,
    header: Sequence[tuple[str, str]] = (),
) -> Image.Image:
    """One A4 page of text lines as a grayscale scan: skewed, noisy and a little blurred.

    `header` rows are set in two columns above the lines, as an official document's
    issuer and number (left) face the national motto and place-and-date line (right).
    """
    style = style or ScanStyle()
    font = _font(style)
    size = (int(A4_INCHES[0] * style.dpi), int(A4_INCHES[1] * style.dpi))
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    margin = int(0.79 * style.dpi)
    step = int(style.font_points / 72 * style.dpi * 1.5)
    right_column = int(size[0] * 0.45)
    for i, (left, right) in enumerate(header):
        draw.text((margin, margin + i * step), left, font=font, fill=0)
        draw.text((right_column, margin + i * step), right, font=font, fill=0)
    top = margin + (len(header) + 1) * step if header else margin
    for i, line in enumerate(lines):
        draw.text((margin, top + i * step), line, font=font, fill=0)
    page = page.rotate(style.skew_degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if style.blur:
        page = page.filter(ImageFilter.GaussianBlur(style.blur))
    return _salt_and_pepper(page, style.noise, style.seed)


def pages_pdf(pages: Sequence[Image.Image], dpi: int = 200) -> bytes:
    """Page images as an image-only PDF (no text layer), as a scanner writes one."""
    out = io.BytesIO()
    first, *rest = pages
    first.save(out, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return out.getvalue()


def png_bytes(page: Image.Image, dpi: int = 200) -> bytes:
    out = io.BytesIO()
    page.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _font(style: ScanStyle) -> ImageFont.FreeTypeFont:
    path = font_path()
    if path is None:
        raise RuntimeError("no Vietnamese font to render test pages with")
    return ImageFont.truetype(path, round(style.font_points / 72 * style.dpi))


def _salt_and_pepper(page: Image.Image, share: float, seed: int) -> Image.Image:
    if share <= 0:
        return page
    rng = random.Random(seed)
    pixels = page.load()
    assert pixels is not None
    width, height = page.size
    for _ in range(int(width * height * share)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    return page


def character_accuracy(reference: str, read: str) -> float:
    """1 - (character edits from `reference` to `read`) / len(reference), whitespace runs
    counted as one space (a scan's line breaks are layout, not text)."""
    expected, got = " ".join(reference.split()), " ".join(read.split())
    previous = list(range(len(got) + 1))
    for i, char in enumerate(expected, start=1):
        current = [i]
        for j, other in enumerate(got, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return 1 - previous[-1] / max(len(expected), 1)


# Figures as Vietnamese write them ("1.530", "79,3%", "30/6/2024") and document numbers
# ("09/CT-UBND", "25/2024/NQ-HĐND"): the tokens that must survive OCR exactly.
EXACT_TOKEN_RE = re.compile(r"\d+(?:[.,/-]\d+)*(?:/[A-ZĐ]+(?:-[A-ZĐ]+)*)*(?:%)?")


def exact_tokens(text: str) -> list[str]:
    return EXACT_TOKEN_RE.findall(text)


# An invented directive: figures with the thousands dot and decimal comma, dates, numbers.
HEADER = [
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TỈNH LAI CHÂU", "Độc lập - Tự do - Hạnh phúc"),
    ("Số: 09/CT-UBND", "Lai Châu, ngày 12 tháng 5 năm 2024"),
]
PAGE_ONE = [
    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
    "Số: 09/CT-UBND",
    "Lai Châu, ngày 12 tháng 5 năm 2024",
    "CHỈ THỊ",
    "Về tăng cường công tác bảo đảm an ninh trật tự ở cơ sở",
    "Năm 2023, lực lượng Công an xã trên địa bàn tỉnh đã giải quyết 1.530 vụ việc, hòa giải "
    "thành 1.214 vụ, đạt tỷ lệ 79,3%. Toàn tỉnh có 2.046 tổ bảo vệ an ninh trật tự với 6.138 "
    "thành viên.",
    "Để khắc phục hạn chế, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban "
    "nhân dân các huyện, thành phố thực hiện tốt các nhiệm vụ sau:",
]
PAGE_TWO = [
    "1. Công an tỉnh chủ trì, phối hợp với Sở Nội vụ hoàn thành việc bố trí Công an chính quy "
    "về xã trước ngày 30/6/2024; bảo đảm mỗi xã có ít nhất 05 cán bộ.",
    "2. Sở Tài chính bố trí kinh phí 12.500 triệu đồng cho lực lượng tham gia bảo vệ an ninh "
    "trật tự ở cơ sở theo Nghị quyết số 25/2024/NQ-HĐND và Kế hoạch số 236/KH-CAH.",
]


def directive_scan_pdf() -> bytes:
    """The invented directive as a two-page scan: tilted 1.5 and -2 degrees, speckled."""
    pages = []
    for paragraphs, skew, seed in ((PAGE_ONE, 1.5, 1), (PAGE_TWO, -2.0, 2)):
        style = ScanStyle(skew_degrees=skew, noise=0.01, seed=seed)
        pages.append(render_page(wrap_lines(paragraphs, style), style))
    return pages_pdf(pages)
