"""Turning chosen clauses into quotes: merged when they follow each other in the document,
trimmed to the part that holds the answer when too long, and written out with [n] markers.

A quote is always a verbatim span of the cleaned document, so its citation's
`quote == document[start:end]` and every number in the answer is copied, never re-typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.candidates import PassageView
from assistant.sentences import trim_points

ELLIPSIS = "…"


@dataclass(frozen=True)
class Quote:
    """A verbatim span of one passage's document, with whether it was cut short."""

    view: PassageView
    start: int  # document offsets
    end: int
    cut_head: bool = False
    cut_tail: bool = False

    @property
    def text(self) -> str:
        passage = self.view.passage
        return passage.text[self.start - passage.start : self.end - passage.start]


def merge_clauses(chosen: Sequence[tuple[PassageView, int]]) -> list[Quote]:
    """One quote per run of clauses that follow each other in a passage.

    Quotes come in the order their clauses were chosen (the answering clause first), each
    quote reading in document order.
    """
    rank = {item: i for i, item in reversed(list(enumerate(chosen)))}
    quotes: list[tuple[int, Quote]] = []
    previous: tuple[PassageView, int] | None = None
    for view, index in sorted(rank, key=lambda item: (id(item[0]), item[1])):
        clause = view.clauses[index]
        if previous and previous[0] is view and index == previous[1] + 1:
            first, quote = quotes[-1]
            quotes[-1] = (min(first, rank[(view, index)]), Quote(view, quote.start, clause.end))
        else:
            quotes.append((rank[(view, index)], Quote(view, clause.start, clause.end)))
        previous = (view, index)
    return [quote for _, quote in sorted(quotes, key=lambda pair: pair[0])]


def trim(quote: Quote, limit: int, value: Callable[[str], float]) -> Quote:
    """The best-valued run of the quote's ", "/"; "-separated pieces within `limit` chars.

    Args:
        quote: the quote to shorten; returned as is when it fits.
        limit: most characters the trimmed quote may have.
        value: how much a piece of text answers the question (higher is better).
    """
    text = quote.text
    if len(text) <= limit:
        return quote
    cuts = [0, *trim_points(text), len(text)]
    best: tuple[float, int, int, int, int] | None = None
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            piece = text[cuts[i] : cuts[j]].strip()
            if len(piece) > limit:
                break
            # Most value; on a tie the earlier start (where the subject is), then the longer.
            candidate = (value(piece), -cuts[i], len(piece), cuts[i], cuts[j])
            if best is None or candidate[:3] > best[:3]:
                best = candidate
    if best is None:  # not one piece fits: keep the head, cut at a word boundary
        head = text[:limit].rsplit(" ", 1)[0]
        return Quote(quote.view, quote.start, quote.start + len(head), quote.cut_head, True)
    begin, finish = best[3], best[4]
    piece = text[begin:finish]
    begin += len(piece) - len(piece.lstrip())
    finish -= len(piece) - len(piece.rstrip())
    return Quote(
        quote.view,
        quote.start + begin,
        quote.start + finish,
        cut_head=quote.cut_head or begin > 0,
        cut_tail=quote.cut_tail or finish < len(text),
    )


def render(quotes: Sequence[Quote]) -> list[str]:
    """The answer text as pieces, one per quote: the quote verbatim, then its "[n]".

    A quote keeps its own full stop ("... 21.023 đội viên. [1]") so that the sentence reads
    exactly as in the document; a clause cut at ";" or "," ends with "[n]." instead, and
    "…" marks where a quote was cut short.
    """
    pieces = []
    for n, quote in enumerate(quotes, start=1):
        body = quote.text.rstrip()
        if quote.cut_head:
            body = ELLIPSIS + body
        if quote.cut_tail:
            body = re.sub(r"[\s;:,]+$", "", body) + ELLIPSIS
        if body.endswith((".", "!", "?", "…")):
            pieces.append(f"{body} [{n}]")
        else:
            pieces.append(re.sub(r"[\s;:,]+$", "", body) + f" [{n}].")
    return [piece if i == 0 else " " + piece for i, piece in enumerate(pieces)]
