"""HTML for chat messages: answers with clickable [n] markers, source cards, refusals.

Pure functions of `Answer` data (no gradio), so they are unit-tested directly. Every piece
of document or user text goes through `html.escape`: documents are uploaded by people and
the chat renders HTML. The HTML is emitted on one line with no blank lines, because the
chat component runs it through a Markdown renderer that ends an HTML block at a blank line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from assistant.answers import Answer, Citation, RelatedPassage, SourceRef
from assistant.scan_notes import doubtful_scan
from ui.times import added_text

REFUSAL_LINE = "Tài liệu không có thông tin này."
PENDING_TEXT = "Đang tìm trong tài liệu…"
# Same shapes as the core's marker parser: "[1]", "[1, 3]", "[2;4]".
MARKER_RE = re.compile(r"\[\s*\d{1,3}(?:\s*[,;]\s*\d{1,3})*\s*\]")
CONTEXT_CHARS = 320  # of passage shown either side of the cited sentence
RELATED_CHARS = 420  # of a related passage shown on a refusal
PREVIEW_CHARS = 300  # of the cited sentence previewed on hovering [n]
VIEWER_PATH = "/view/"  # the document viewer, mounted beside the chat page
SCAN_PAGE_PATH = "/scan-page/"  # a scanned page's image (api.routers.viewer)
RELATED_SHOWN = 3  # related passages shown; more only push the answer out of view
_REFUSAL_WORDS = ("không có thông tin", "khong co thong tin")


def esc(text: str) -> str:
    """Text made safe to place inside HTML, line breaks kept as <br>.

    Spaces at the ends are kept: a fragment between two [n] links needs them.
    """
    escaped = html.escape(text, quote=True)
    return re.sub(r"[ \t]*\n\s*", "<br>", escaped)


def card_id(turn: int, n: int) -> str:
    """The DOM id of source card n of answer `turn`; [n] links point here."""
    return f"pa-src-{turn}-{n}"


def format_date(date: str | None) -> str:
    """ISO date as Vietnamese write it: "2019-04-23" -> "23/04/2019", "2023-03" -> "03/2023"."""
    if not date:
        return "không rõ"
    parts = date.split("-")
    return "/".join(reversed(parts)) if all(p.isdigit() for p in parts) else date


def format_kind(kind: str | None) -> str:
    return kind[:1].upper() + kind[1:] if kind else "không rõ"


def user_message(question: str) -> str:
    """The officer's question as shown in the chat (escaped, never rendered as Markdown)."""
    return f'<div class="pa-q">{esc(question.strip())}</div>'


def pending_message() -> str:
    return f'<div class="pa-msg pa-pending"><span class="pa-spinner"></span>{PENDING_TEXT}</div>'


def streaming_message(text: str) -> str:
    """The answer as it streams in: plain text, markers not yet linked."""
    cursor = '<span class="pa-cursor"></span>'
    return f'<div class="pa-msg"><div class="pa-text">{esc(text.strip())}{cursor}</div></div>'


def error_message(detail: str) -> str:
    return (
        '<div class="pa-msg pa-error"><div class="pa-refusal">Không trả lời được câu hỏi do lỗi'
        f' hệ thống.</div><div class="pa-note">{esc(detail.strip())}</div></div>'
    )


def answer_message(
    answer: Answer, turn: int, scope: str | None = None, added: Mapping[str, str] | None = None
) -> str:
    """The final answer: what was understood, the text with linked [n], then its sources.

    Args:
        answer: the assistant's final answer (it replaces any streamed text).
        turn: the answer's position in the conversation, which keeps card ids unique.
        scope: a description of the active search filters, shown when set.
        added: when each document entered the index (UTC ISO times by file name).
    """
    parts = ['<div class="pa-msg">', _understood(answer, scope)]
    if answer.refused:
        parts.append(_refusal(answer))
    else:
        parts.append(f'<div class="pa-text">{link_markers(answer, turn)}</div>')
        if answer.citations:
            parts.append(_citation_cards(answer.citations, turn, added or {}))
        else:
            parts.append(
                '<div class="pa-note">Câu trả lời này không kèm trích dẫn; đồng chí hãy đối chiếu'
                " với tài liệu gốc.</div>"
            )
            parts.append(_related_cards(answer.related, "Các đoạn tài liệu gần nhất"))
    parts.append("</div>")
    return "".join(parts)


def link_markers(answer: Answer, turn: int) -> str:
    """The escaped answer text with each [n] turned into a link to source card n."""
    known = {citation.n: citation for citation in answer.citations}
    text = answer.answer.strip()
    pieces, last = [], 0
    for match in MARKER_RE.finditer(text):
        pieces.append(esc(text[last : match.start()]))
        numbers = [int(n) for n in re.findall(r"\d+", match.group())]
        pieces.append(
            "".join(_marker_link(known[n], turn) if n in known else f"[{n}]" for n in numbers)
        )
        last = match.end()
    pieces.append(esc(text[last:]))
    return "".join(pieces)


def viewer_url(citation: Citation) -> str:
    """Where the whole document opens, scrolled to the cited sentence (see api.routers.viewer)."""
    where = f"?start={citation.start}&end={citation.end}#pa-cited"
    return f"{VIEWER_PATH}{quote(citation.document)}{where}"


def _marker_link(citation: Citation, turn: int) -> str:
    """[n]: a click opens the document at the sentence (the page script shows it beside the
    chat; without the script the link still opens it); hovering previews the sentence.

    The chat's sanitizer drops data-* attributes: the card to flash goes in `name`, the
    sentence in `title` (the page script turns it into a styled preview)."""
    n, preview = citation.n, esc(" ".join(citation.quote.split())[:PREVIEW_CHARS])
    return (
        f'<a class="pa-cite" href="{esc(viewer_url(citation))}" target="_blank"'
        f' name="{card_id(turn, n)}" title="{preview}">[{n}]</a>'
    )


def _understood(answer: Answer, scope: str | None) -> str:
    # The restored question (diacritics added) is the fuller reading of a rewritten one.
    reading = answer.restored_question or answer.standalone_question
    lines = []
    if reading and reading.strip() != answer.question.strip():
        lines.append(f'<div class="pa-understood">Hiểu là: <q>{esc(reading)}</q></div>')
    if scope:
        lines.append(f'<div class="pa-scope">Phạm vi tìm: {esc(scope)}</div>')
    return "".join(lines)


def _refusal(answer: Answer) -> str:
    parts = [f'<div class="pa-refusal">{REFUSAL_LINE}</div>']
    text = answer.answer.strip()
    # An LLM may explain why; the extractive builder's stock sentence would repeat the line.
    if text and not any(word in text.lower() for word in _REFUSAL_WORDS):
        parts.append(f'<div class="pa-note">{esc(text)}</div>')
    heading = "Các đoạn gần nhất với câu hỏi, để đồng chí tham khảo"
    parts.append(_related_cards(answer.related, heading))
    return "".join(parts)


def _citation_cards(citations: Sequence[Citation], turn: int, added: Mapping[str, str]) -> str:
    cards = "".join(
        citation_card(citation, turn, added.get(citation.document)) for citation in citations
    )
    return (
        f'<div class="pa-sources"><div class="pa-sources-head">Nguồn trích dẫn</div>{cards}</div>'
    )


def _related_cards(related: Sequence[RelatedPassage], heading: str) -> str:
    if not related:
        return '<div class="pa-note">Không tìm thấy đoạn nào liên quan.</div>'
    cards = "".join(related_card(passage) for passage in related[:RELATED_SHOWN])
    return (
        f'<div class="pa-sources pa-related"><div class="pa-sources-head">{heading}</div>'
        f"{cards}</div>"
    )


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
    text = _clip(passage.passage, 0, len(passage.passage), RELATED_CHARS // 2)
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


def quote_span(citation: Citation) -> tuple[int, int] | None:
    """Where the cited sentence lies in the passage, from the document offsets.

    Falls back to finding the quote's text when the offsets do not land on it (e.g. a
    sentence that runs past the passage's end), and to None when it is not there at all.
    Whitespace at the span's edges is left out of it.
    """
    span = _raw_quote_span(citation)
    if span is None:
        return None
    start, end = span
    text = citation.passage
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _raw_quote_span(citation: Citation) -> tuple[int, int] | None:
    start = citation.start - citation.passage_start
    end = citation.end - citation.passage_start
    text = citation.passage
    if 0 <= start < end <= len(text) and (
        not citation.quote or text[start:end].strip() == citation.quote.strip()
    ):
        return start, end
    found = text.find(citation.quote.strip()) if citation.quote.strip() else -1
    if found >= 0:
        return found, found + len(citation.quote.strip())
    if 0 <= start < len(text) and end > start:
        return start, min(end, len(text))  # the part of the sentence inside the passage
    return None


def highlighted_passage(citation: Citation) -> str:
    """The passage around the cited sentence, the sentence wrapped in <mark>."""
    text = citation.passage
    span = quote_span(citation)
    if span is None:
        quoted = (
            f'<div class="pa-quote-alone">«{esc(citation.quote)}»</div>' if citation.quote else ""
        )
        return quoted + _clip(text, 0, len(text), CONTEXT_CHARS)
    start, end = span
    before = _clip_before(text[:start], CONTEXT_CHARS)
    after = _clip_after(text[end:], CONTEXT_CHARS)
    return f'{before}<mark class="pa-quote">{esc(text[start:end])}</mark>{after}'


def _clip(text: str, start: int, end: int, context: int) -> str:
    """Escaped text[start:end] cut to about 2*context characters at word boundaries."""
    piece = text[start:end].strip()
    if len(piece) <= 2 * context:
        return esc(piece)
    return _clip_after(piece, 2 * context)


def _clip_before(text: str, limit: int) -> str:
    """The end of `text`, at most `limit` characters, cut at a word boundary."""
    if len(text) <= limit:
        return _keep_edges(text)
    cut = text[-limit:]
    cut = cut[cut.find(" ") + 1 :] if " " in cut else cut
    return "… " + _keep_edges(cut.lstrip())


def _clip_after(text: str, limit: int) -> str:
    """The start of `text`, at most `limit` characters, cut at a word boundary."""
    if len(text) <= limit:
        return _keep_edges(text)
    cut = text[:limit]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return _keep_edges(cut.rstrip()) + " …"


def _keep_edges(text: str) -> str:
    """Escaped text keeping its edge whitespace, which separates it from the cited sentence."""
    stripped = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{_edge(lead)}{esc(stripped)}{_edge(trail)}"


def _edge(space: str) -> str:
    return "<br>" if "\n" in space else (" " if space else "")
