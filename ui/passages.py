"""A passage around its cited sentence: the sentence marked, the context cut at words.

Pure functions of `Citation` data, shared by the chat's source cards and the register's
duties.
"""

from __future__ import annotations

from assistant.answers import Citation
from ui.html_text import esc

CONTEXT_CHARS = 320  # of passage shown either side of the cited sentence


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
        return quoted + clip(text, 0, len(text), CONTEXT_CHARS)
    start, end = span
    before = _clip_before(text[:start], CONTEXT_CHARS)
    after = _clip_after(text[end:], CONTEXT_CHARS)
    return f'{before}<mark class="pa-quote">{esc(text[start:end])}</mark>{after}'


def clip(text: str, start: int, end: int, context: int) -> str:
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
