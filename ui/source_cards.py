"""A source card: which document, when, where, what kind, the passage with the cited
sentence marked, and a link to the whole document there.

The HTML is emitted on one line with no blank lines, because the chat component runs it
through a Markdown renderer that ends an HTML block at a blank line.
"""

from __future__ import annotations

from urllib.parse import quote

from assistant.answers import Citation, RelatedPassage, SourceRef
from assistant.scan_notes import doubtful_scan
from ui.html_text import esc, format_date, format_kind
from ui.passages import clip, highlighted_passage
from ui.times import added_text

RELATED_CHARS = 420  # of a related passage shown on a refusal
VIEWER_PATH = "/view/"  # the document viewer, mounted beside the chat page
SCAN_PAGE_PATH = "/scan-page/"  # a scanned page's image (api.routers.viewer)


def card_id(turn: int, n: int) -> str:
    """The DOM id of source card n of answer `turn`; [n] links point here."""
    return f"pa-src-{turn}-{n}"


def viewer_url(citation: Citation) -> str:
    """Where the whole document opens, scrolled to the cited sentence (see api.routers.viewer)."""
    where = f"?start={citation.start}&end={citation.end}#pa-cited"
    return f"{VIEWER_PATH}{quote(citation.document)}{where}"


def citation_card(citation: Citation, turn: int, added_at: str | None = None) -> str:
    """A source card: number, title, date/locality/kind, when the document was added, the
    passage with the cited sentence marked, and a link to the whole document there."""
    passage = highlighted_passage(citation)
    head = f'<span class="pa-num">[{citation.n}]</span>{_title(citation)}'
    added = added_text(added_at)
    when = (
        f'<div class="pa-added"><span class="pa-meta-label">Nạp vào hệ thống:</span>'
        f" {esc(added)}</div>"
        if added
        else ""
    )
    whole = (
        f'<a class="pa-open" href="{esc(viewer_url(citation))}" target="_blank"'
        f' name="{card_id(turn, citation.n)}">Xem toàn văn tại câu trích</a>'
    )
    return (
        f'<div class="pa-card" id="{card_id(turn, citation.n)}">'
        f'<div class="pa-card-head">{head}</div>{_meta(citation)}{when}'
        f'<div class="pa-passage">{passage}</div>{whole}</div>'
    )


def related_card(passage: RelatedPassage) -> str:
    """A passage close to the question but not cited: no number, no highlight."""
    text = clip(passage.passage, 0, len(passage.passage), RELATED_CHARS // 2)
    return (
        f'<div class="pa-card pa-card-related"><div class="pa-card-head">{_title(passage)}</div>'
        f'{_meta(passage)}<div class="pa-passage">{text}</div></div>'
    )


def _title(source: SourceRef) -> str:
    title = source.title.strip() or source.document
    return f'<span class="pa-title">{esc(title)}</span>'


def _meta(source: SourceRef) -> str:
    items = [
        ("Ngày", format_date(source.date)),
        ("Địa bàn", source.locality or "không rõ"),
        ("Loại", format_kind(source.kind)),
        ("Tệp", source.document),
    ]
    spans = "".join(
        f'<span class="pa-meta-item"><span class="pa-meta-label">{label}:</span>'
        f" {esc(value)}</span>"
        for label, value in items
    )
    return f'<div class="pa-meta">{spans}{_page(source)}</div>'


def _page(source: SourceRef) -> str:
    """Where in the file the text is: "văn bản quét, trang N" for a scan, warning when OCR
    was unsure of the words (the officer should check them against the paper)."""
    if source.page is None:
        return ""
    where = f"văn bản quét, {source.pages_label}" if source.scanned else source.pages_label
    if doubtful_scan(source):
        where += " (chữ nhận dạng có thể sai, đối chiếu bản gốc)"
    image = ""
    if source.scanned:  # the page itself, to check the recognised words against
        url = f"{SCAN_PAGE_PATH}{quote(source.document)}?page={source.page}"
        image = f' <a class="pa-page-image" href="{esc(url)}" target="_blank">ảnh trang</a>'
    return f'<span class="pa-meta-item pa-page">{esc(where)}{image}</span>'
