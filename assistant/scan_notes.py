"""What an answer quoting a scan must say: that the words were read by OCR and from which
page, when the engine was unsure of them. The chat page's source card says "văn bản quét,
trang N" for every scanned citation; this note is for the answer text itself, which API
clients and the OpenAI-compatible endpoint pass on without the cards.
"""

from __future__ import annotations

from assistant.answers import Answer, SourceRef

LOW_OCR_CONFIDENCE = 0.90
"""Below this OCR confidence a quoted scan is flagged. In bench/ocr_bench.py good scans
(200 dpi, up to 2% speckle: 99.9% of characters right, every figure exact) read at page
confidence 0.953-0.958; a poor one (150 dpi, 4% speckle, blurred: 85% right, 17 of 210
figures wrong) at 0.780-0.875. 0.90 lies in the gap; a passage of a good scan made mostly
of short header lines can fall under it, and is then flagged to be checked: the safe side."""


def doubtful_scan(source: SourceRef) -> bool:
    """True for a citation or passage of scanned text the OCR engine was unsure of."""
    return source.ocr_confidence is not None and source.ocr_confidence < LOW_OCR_CONFIDENCE


def scan_note(answer: Answer) -> str:
    """The sentence appended to an answer that quotes doubtful scanned text ("" if none)."""
    flagged = [c for c in answer.citations if doubtful_scan(c)]
    if answer.refused or not flagged:
        return ""
    where = ", ".join(f"[{c.n}] {c.pages_label}".rstrip() for c in flagged)
    return (
        f"\n\n(Lưu ý: {where} trích từ văn bản quét, chữ do máy nhận dạng có thể sai;"
        " đồng chí hãy đối chiếu bản gốc.)"
    )
