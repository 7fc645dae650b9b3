"""Cut a cleaned document into passages along paragraphs and whole sentences.

Every chunk keeps its character offsets in the cleaned text (`text[start:end]`), so a
citation can point at the exact words. A line opening an article ("Điều 12. ...") always
starts a new chunk: legal questions are asked about one article at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from index.records import Chunk, CleanDocument, DocumentMetadata
from index.sentences import sentence_spans

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_POINT_RE = re.compile(r"\s*[a-zđ]\)\s")  # "a) ", "đ) ": lettered points of a clause
_ARTICLE_RE = re.compile(r"\s*Điều\s+\d+[a-zđ]?\s*[.:]", re.IGNORECASE)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for match in _PARAGRAPH_RE.finditer(text):
        if match.group().strip():
            yield match.start(), match.end()


def _units(text: str, limit: int) -> Iterator[tuple[int, int, bool]]:
    """Paragraphs small enough to keep whole, else their sentences; flag = opens an article."""
    for p_start, p_end in _paragraphs(text):
        opens_article = bool(_ARTICLE_RE.match(text, p_start))
        if p_end - p_start <= limit:
            yield p_start, p_end, opens_article
            continue
        for i, (s_start, s_end) in enumerate(sentence_spans(text, p_start, p_end)):
            yield s_start, s_end, opens_article and i == 0


def chunk_document(document: CleanDocument, chunk_chars: int = 900) -> list[Chunk]:
    """Pack paragraphs (or, when too long, sentences) into chunks of about `chunk_chars`."""
    text = document.text
    chunks: list[Chunk] = []
    heading = ""
    chunk_start = chunk_end = -1
    chunk_heading = ""

    def flush() -> None:
        if chunk_start >= 0:
            chunks.append(
                Chunk(
                    source=document.source,
                    ordinal=len(chunks),
                    text=text[chunk_start:chunk_end],
                    start=chunk_start,
                    end=chunk_end,
                    heading=chunk_heading,
                )
            )

    lead_in = ""
    for start, end, opens_article in _units(text, chunk_chars):
        unit = text[start:end]
        if opens_article:
            heading, lead_in = unit.split("\n", 1)[0].strip()[:200], ""
        too_long = chunk_start >= 0 and end - chunk_start > chunk_chars
        if chunk_start < 0 or opens_article or too_long:
            flush()
            chunk_start, chunk_heading = start, heading
            if lead_in and _POINT_RE.match(unit):
                # Points "a)", "b)" cut off from the clause that introduces them would lose
                # what they are points of ("... thì bị phạt tù từ 02 năm đến 07 năm:").
                chunk_heading = f"{heading}\n{lead_in}".strip()
        if not _POINT_RE.match(unit):
            lead_in = unit.strip()[:300] if unit.rstrip().endswith(":") else ""
        chunk_end = end
    flush()
    return chunks


def chunk_context(text: str, heading: str, metadata: DocumentMetadata) -> list[str]:
    """What a passage cut out of its document no longer says: the title, the place the
    document is about, the article it belongs to (each only if the passage lacks it)."""
    place = ", ".join(p for p in (metadata.district, metadata.province) if p)
    parts = (metadata.title, place, heading)
    return [part for part in dict.fromkeys(parts) if part and part not in text]


def embedding_text(chunk: Chunk, metadata: DocumentMetadata, with_context: bool = True) -> str:
    """What the embedder sees: the passage, prefixed by its context.

    The prefix gives a passage cut from the middle of a long article or report the
    context a question names ("Bộ luật Hình sự", "Điều 418", "Điện Biên").
    """
    if not with_context:
        return chunk.text
    return "\n".join([*chunk_context(chunk.text, chunk.heading, metadata), chunk.text])
