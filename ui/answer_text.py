"""An answer as plain text, for "Sao chép" (officers paste answers into reports).

Pure functions of `Answer` data. The text is the answer, then each source on its own
lines: number, title, date, place and kind, the quoted sentence, the file. `copy_button`
carries it as the button's `value` (the chat's sanitizer keeps that, not data-*), line
breaks as character references: the chat's Markdown renderer ends an HTML block at a raw
blank line.
"""

from __future__ import annotations

import html

from assistant.answers import Answer, Citation
from ui.html_text import format_date, format_kind
from ui.messages import REFUSAL_LINE


def source_lines(citation: Citation) -> list[str]:
    """One source as the report would quote it."""
    where = ", ".join(
        part
        for part in (
            f"ngày {format_date(citation.date)}" if citation.date else "",
            citation.locality or "",
            format_kind(citation.kind) if citation.kind else "",
        )
        if part
    )
    title = citation.title.strip() or citation.document
    lines = [f"[{citation.n}] {title}" + (f" ({where})" if where else "")]
    if citation.quote.strip():
        lines.append(f"    «{' '.join(citation.quote.split())}»")
    lines.append(f"    Tệp: {citation.document}")
    return lines


def plain_text(answer: Answer) -> str:
    """The answer and its sources as plain text."""
    if answer.refused:
        return REFUSAL_LINE
    lines = [answer.answer.strip()]
    if answer.citations:
        lines += ["", "Nguồn:"]
        for citation in answer.citations:
            lines += source_lines(citation)
    return "\n".join(lines)


def copy_button(answer: Answer) -> str:
    """The answer's action bar: "Sao chép" with its plain text (the page script copies it)."""
    text = html.escape(plain_text(answer), quote=True).replace("\n", "&#10;")
    return (
        '<div class="pa-actions"><button type="button" class="pa-copy" '
        f'value="{text}" title="Sao chép câu trả lời và nguồn">Sao chép</button></div>'
    )
