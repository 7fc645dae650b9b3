"""Page images out of scanned files (image-only PDF pages, PNG/JPEG/TIFF uploads), made
ready for OCR: grey, at a resolution the model reads well, speckle removed, turned straight.

Pillow decodes untrusted data here: run it only inside the bounded worker.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

    from index.ocr import OcrConfig

A4_WIDTH_INCHES = 8.27
# A4 at 600 dpi is 35 Mpx. Pillow refuses an image of over twice this (a decompression
# bomb: a few kilobytes of PNG that decode to gigabytes), before decoding it.
MAX_PAGE_PIXELS = 40_000_000
_SKEW_SAMPLE_WIDTH = 700  # pixels the skew search looks at: enough to see text lines


@dataclass(frozen=True)
class PageImage:
    number: int  # 1-based page of the file
    image: Image.Image
    dpi: float


def _pillow() -> Any:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS  # beyond it Pillow refuses to decode
    return Image


def image_file_pages(data: bytes) -> Iterator[PageImage]:
    """The pages of an image file (a multi-page TIFF has several)."""
    from PIL import ImageSequence

    image = _pillow().open(io.BytesIO(data))
    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        page = frame.copy()
        declared = page.info.get("dpi", (0, 0))[0]
        # A photo or scan that does not say its resolution is taken to be an A4 page wide.
        dpi = float(declared) if declared and declared > 30 else page.width / A4_WIDTH_INCHES
        yield PageImage(number, page, dpi)


def pdf_page_image(page: Any, number: int) -> PageImage | None:
    """The scan on a pypdf page: its largest image (None when the page has none)."""
    _pillow()
    largest = None
    for embedded in page.images:
        image = embedded.image
        if image is not None and (largest is None or _area(image) > _area(largest)):
            largest = image
    if largest is None:
        return None
    width_inches = float(page.mediabox.width) / 72 or A4_WIDTH_INCHES
    rotation = page.get("/Rotate", 0) or 0
    if rotation in (90, 270):
        width_inches = float(page.mediabox.height) / 72 or A4_WIDTH_INCHES
    return PageImage(number, largest, largest.width / width_inches)


def page_has_images(page: Any) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # noqa: BLE001 - a damaged resource dictionary: no scan to read
        return False


def _area(image: Image.Image) -> int:
    return image.width * image.height


def prepare_for_ocr(image: Image.Image, dpi: float, config: OcrConfig) -> Image.Image:
    """Grey, rescaled to `config.read_dpi` when outside the model's range, speckle removed."""
    from PIL import ImageFilter

    grey = image.convert("L")
    if dpi and not config.min_dpi <= dpi <= config.max_dpi:
        scale = config.read_dpi / dpi
        size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
        grey = grey.resize(size, _pillow().Resampling.LANCZOS)
    return grey.filter(ImageFilter.MedianFilter(3))


def deskew(image: Image.Image, max_degrees: float) -> tuple[Image.Image, float]:
    """The page turned so its text lines run level, and the angle it was turned by."""
    angle = skew_angle(image, max_degrees)
    if abs(angle) < 0.2:  # Tesseract reads that little tilt as well as none
        return image, 0.0
    resample = _pillow().Resampling.BICUBIC
    return image.rotate(angle, resample=resample, expand=True, fillcolor=255), angle


def skew_angle(image: Image.Image, max_degrees: float) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines level.

    Text lines turned level make the ink's row profile peaky: rows of letters, then white
    gaps. The angle with the sharpest profile (sum of squared row-to-row changes) wins, in
    a coarse search and then a fine one around the best coarse angle.
    """
    import numpy as np

    scale = min(1.0, _SKEW_SAMPLE_WIDTH / max(image.width, 1))
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    ink = image.resize(size).point(lambda value: 255 if value < 140 else 0)

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle), dtype=np.float64).sum(axis=1)
        return float(np.sum(np.diff(rows) ** 2))

    coarse = max(np.arange(-max_degrees, max_degrees + 0.01, 0.5), key=sharpness)
    fine = np.arange(coarse - 0.5, coarse + 0.51, 0.1)
    return round(float(max(fine, key=sharpness)), 2)


def page_png(data: bytes, file_type: str, page: int, max_width: int = 1240) -> bytes | None:
    """Page `page` (1-based) of a scan as a grey PNG at most `max_width` wide, to show beside
    the sentence read from it; None when that page is not an image (or does not exist)."""
    image = _page_image(data, file_type, page)
    if image is None:
        return None
    grey = image.image.convert("L")
    if grey.width > max_width:
        height = max(1, round(grey.height * max_width / grey.width))
        grey = grey.resize((max_width, height), _pillow().Resampling.LANCZOS)
    out = io.BytesIO()
    grey.save(out, "PNG", optimize=True)
    return out.getvalue()


def _page_image(data: bytes, file_type: str, page: int) -> PageImage | None:
    if page < 1:
        return None
    if file_type != "pdf":
        return next((p for p in image_file_pages(data) if p.number == page), None)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if page > len(reader.pages):
        return None
    return pdf_page_image(reader.pages[page - 1], page)
