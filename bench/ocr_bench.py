"""OCR of scanned directives: character accuracy, exact figures and seconds per A4 page.

    .venv/bin/python bench/ocr_bench.py [--pages N] [--documents DIR]

Pages are rendered from the opening of real directives, plans and reports (police-dev by
default: 8 documents, text never seen by the OCR settings), one A4 page each at 200 dpi,
tilted 1-2 degrees either way, speckled and blurred as a scanner does, saved as an
image-only PDF and read through `index.scanned.load_scanned` (Tesseract, Vietnamese, one
thread, niced) in this process. Printed per condition: character accuracy (1 - edits /
characters), figures and document numbers read exactly, seconds per page, and how the OCR
line confidence separates wholly right lines from lines with a misread character (what
`assistant.scan_notes.LOW_OCR_CONFIDENCE` is chosen from).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.scan_notes import LOW_OCR_CONFIDENCE  # noqa: E402
from index.loaders import load_file  # noqa: E402
from index.metadata import prepare_document  # noqa: E402
from index.pages import confidence_of  # noqa: E402
from index.scanned import load_scanned  # noqa: E402
from tests.scans import (  # noqa: E402
    ScanStyle,
    character_accuracy,
    exact_tokens,
    ocr_missing_reason,
    pages_pdf,
    render_page,
    wrap_lines,
)

DOCUMENTS = REPO.parent / "shared" / "bench" / "police-dev" / "documents"
LINES_PER_PAGE = 38  # 13-point text on A4 with 2 cm margins at 1.5 line spacing
SKEWS = (1.5, -2.0, 1.0, -1.5, 2.0, -1.0, 1.8, -1.2)
CONDITIONS = {
    "200 dpi, 1% speckle, blur 0.6": {"noise": 0.01, "blur": 0.6},
    "200 dpi, 2% speckle, blur 1.0": {"noise": 0.02, "blur": 1.0},
    # A poor scan, beyond the targets: where misread lines appear, to see what the line
    # confidence says about them.
    "150 dpi, 4% speckle, blur 1.4": {"noise": 0.04, "blur": 1.4, "dpi": 150},
}


@dataclass
class PageResult:
    accuracy: float
    tokens: int
    tokens_exact: int
    seconds: float
    cpu_seconds: float  # this process and the tesseract processes it ran
    confidence: float  # the page's OCR confidence, lines weighted by length
    right_lines: list[float]  # OCR confidences of lines found verbatim in the page
    wrong_lines: list[float]  # ... of lines with at least one misread character


def page_paragraphs(path: Path) -> list[str]:
    """The opening paragraphs of a document, as the indexer cleans it."""
    document = prepare_document(load_file(path, path.name))
    return [p for p in document.text.split("\n\n") if p.strip()][:40]


def read_page(paragraphs: list[str], style: ScanStyle) -> PageResult:
    lines = wrap_lines(paragraphs, style)[:LINES_PER_PAGE]
    reference = " ".join(lines)
    pdf = pages_pdf([render_page(lines, style)], style.dpi)
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    loaded = load_scanned(pdf, "trang.pdf")
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    expected = exact_tokens(reference)
    flat_reference = " ".join(reference.split())
    right: list[float] = []
    wrong: list[float] = []
    for span in loaded.pages:
        line = " ".join(loaded.text[span.start : span.end].split())
        confidence = span.confidence if span.confidence is not None else 1.0
        (right if line in flat_reference else wrong).append(confidence)
    return PageResult(
        accuracy=character_accuracy(reference, loaded.text),
        tokens=len(expected),
        tokens_exact=sum(token in loaded.text for token in expected),
        seconds=seconds,
        cpu_seconds=cpu,
        confidence=confidence_of(loaded.pages, 0, len(loaded.text)) or 0.0,
        right_lines=right,
        wrong_lines=wrong,
    )


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: a page's cost on an idle core,
    whatever else the shared machine is running."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def report(condition: str, results: list[PageResult]) -> None:
    chars = statistics.mean(r.accuracy for r in results)
    worst = min(r.accuracy for r in results)
    tokens = sum(r.tokens for r in results)
    exact = sum(r.tokens_exact for r in results)
    seconds = [r.seconds for r in results]
    right = [c for r in results for c in r.right_lines]
    wrong = [c for r in results for c in r.wrong_lines]
    print(f"\n{condition}: {len(results)} pages")
    print(f"  character accuracy  mean {chars:.4f}  worst page {worst:.4f}")
    print(f"  figures/doc numbers {exact}/{tokens} exact")
    cpu = [r.cpu_seconds for r in results]
    print(
        f"  seconds per page    wall mean {statistics.mean(seconds):.2f} max {max(seconds):.2f};"
        f" CPU mean {statistics.mean(cpu):.2f} max {max(cpu):.2f}"
    )
    pages = [r.confidence for r in results]
    print(f"  page confidence     {min(pages):.3f} .. {max(pages):.3f}")
    if right and wrong:
        flagged_wrong = sum(c < LOW_OCR_CONFIDENCE for c in wrong) / len(wrong)
        flagged_right = sum(c < LOW_OCR_CONFIDENCE for c in right) / len(right)
        print(
            f"  line confidence     right lines {statistics.mean(right):.3f} (n={len(right)}),"
            f" lines with an error {statistics.mean(wrong):.3f} (n={len(wrong)})"
        )
        print(
            f"  below {LOW_OCR_CONFIDENCE}: {flagged_wrong:.0%} of lines with an error,"
            f" {flagged_right:.0%} of right lines"
        )
    elif right:
        print(f"  line confidence     every line right, mean {statistics.mean(right):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=Path, default=DOCUMENTS)
    parser.add_argument("--pages", type=int, default=8, help="pages (documents) per condition")
    args = parser.parse_args()
    if missing := ocr_missing_reason():
        print(f"OCR bench skipped: {missing}")
        return 0
    kinds = ("chi-thi", "ke-hoach", "bao-cao")  # official documents, not news pages
    names = sorted(p for p in args.documents.iterdir() if p.name.startswith(kinds))
    names = names[: args.pages]
    sources = [page_paragraphs(path) for path in names]
    print(f"{len(sources)} pages from {args.documents}: {', '.join(p.name for p in names)}")
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for condition, degradation in CONDITIONS.items():
        results = []
        for i, paragraphs in enumerate(sources):
            style = ScanStyle(skew_degrees=SKEWS[i % len(SKEWS)], seed=i, **degradation)  # type: ignore[arg-type]
            results.append(read_page(paragraphs, style))
        report(condition, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
