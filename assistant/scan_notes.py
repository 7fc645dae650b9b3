"""What an answer quoting a scan must say: that the words were read by OCR and from which
page, when the engine was unsure of them. The chat page's source card says "văn bản quét,
trang N" for every scanned citation; this note is for the answer text itself, which API
clients and the OpenAI-compatible endpoint pass on without the cards.
"""

from __future__ import annotations

from assistant.answers import Answer, SourceRef

LOW_OCR_CONFIDENCE = 0.85
"""Below this mean word confidence a quoted scan is flagged. On bench/ocr_bench.py's
rendered pages the lines Tesseract got wholly right averaged 0.93-0.96 and every line with
a misread letter was under 0.90; 0.85 flags the passages most likely to hold one."""


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
