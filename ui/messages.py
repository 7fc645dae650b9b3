"""HTML for chat messages: the question, the answer with clickable [n] markers and its
source cards (`ui.source_cards`), refusals, errors.

Pure functions of `Answer` data (no gradio), so they are unit-tested directly. Every piece
of document or user text is escaped. The HTML is emitted on one line with no blank lines,
because the chat component runs it through a Markdown renderer that ends an HTML block at
a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.answers import Answer, Citation, RelatedPassage
from ui.html_text import esc
from ui.source_cards import card_id, citation_card, related_card, viewer_url

REFUSAL_LINE = "Tài liệu không có thông tin này."
PENDING_TEXT = "Đang tìm trong tài liệu…"
# Same shapes as the core's marker parser: "[1]", "[1, 3]", "[2;4]".
MARKER_RE = re.compile(r"\[\s*\d{1,3}(?:\s*[,;]\s*\d{1,3})*\s*\]")
PREVIEW_CHARS = 300  # of the cited sentence previewed on hovering [n]
RELATED_SHOWN = 3  # related passages shown; more only push the answer out of view
_REFUSAL_WORDS = ("không có thông tin", "khong co thong tin")


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
