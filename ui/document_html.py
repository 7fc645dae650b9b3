"""The whole cleaned document as one HTML page, the cited sentence marked and scrolled to.

Opened by [n] in the chat (inside the page, beside the conversation) or in a tab of its
own. A pure function of the catalog's record; every piece of document text is escaped.
The browser scrolls to the sentence by itself: the link ends in `#pa-cited`.
"""

from __future__ import annotations

import html

from index.catalog import DocumentRecord
from ui.html_text import esc, format_date, format_kind
from ui.styles import FONT_STACK
from ui.times import added_text

CITED_ID = "pa-cited"

_CSS = """
body { font-family: __FONT__; font-size: 16px; line-height: 1.65; color: #1f2933;
       margin: 0; background: #fff; }
header { position: sticky; top: 0; background: #f4f7f5; border-bottom: 3px solid #1e5b46;
         padding: 10px 18px; }
h1 { font-size: 1.15rem; margin: 0 0 4px; color: #1e5b46; }
.meta { font-size: 0.88rem; color: #5b6670; display: flex; flex-wrap: wrap; gap: 2px 14px; }
main { padding: 8px 18px 40vh; max-width: 52rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #fff0a6; box-shadow: inset 0 -2px 0 #e0b400; padding: 1px 0;
       scroll-margin-top: 35vh; }
""".replace("__FONT__", FONT_STACK)


def document_page(record: DocumentRecord, start: int | None, end: int | None) -> str:
    """The page: title, date/place/kind/file/added, then the whole text."""
    meta = record.metadata
    title = meta.title or record.source
    place = ", ".join(p for p in (meta.district, meta.province) if p) or "không rõ"
    items = [
        ("Ngày", format_date(meta.issued_on)),
        ("Địa bàn", place),
        ("Loại", format_kind(meta.kind)),
        ("Tệp", record.source),
        ("Nạp vào hệ thống", added_text(record.indexed_at) or "không rõ"),
    ]
    spans = "".join(f"<span><b>{label}:</b> {esc(value)}</span>" for label, value in items)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{esc(title)}</h1><div class="meta">{spans}</div></header>'
        f"<main>{marked_text(record.text, start, end)}</main></body></html>"
    )


def marked_text(text: str, start: int | None, end: int | None) -> str:
    """The escaped text with the span [start, end) in <mark>; white space is kept by CSS
    (one block, so a span across paragraphs is still marked whole).

    A span outside the text, or empty, marks nothing: the page still shows the document.
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        return f'<div class="text">{_esc(text)}</div>'
    cited = f'<mark id="{CITED_ID}">{_esc(text[start:end])}</mark>'
    return f'<div class="text">{_esc(text[:start])}{cited}{_esc(text[end:])}</div>'


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
