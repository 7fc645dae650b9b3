"""Turning an LLM's [n] markers back into citations that point at exact document offsets.

The model numbers passages as it was shown them; the answer numbers citations 1..k in the
order a reader meets them. Markers to passages that were never given are invented and are
dropped, text and all, so every [n] a reader sees has a `Citation` with that `n`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers import Citation, source_ref_fields
from assistant.passages import Passage
from index.sentences import sentence_spans
from index.vietnamese import NUMBER_RE, TOKEN_RE, fold

# "[1]", "[1, 3]", "[2;4]"; adjacent markers "[1][2]" are two matches.
MARKER_RE = re.compile(r"\[\s*\d{1,3}(?:\s*[,;]\s*\d{1,3})*\s*\]")
# What a marker can look like before its "]" has streamed in.
_PARTIAL_MARKER_RE = re.compile(r"\[\s*(?:\d{1,3}(?:\s*[,;]\s*(?:\d{1,3})?)*\s*)?")
_MAX_MARKER_CHARS = 40
_NUMBER_WEIGHT = 3  # a shared "1.814" says far more about support than a shared "công"


class MarkerRewriter:
    """Renumbers [n] markers in order of first appearance and drops invalid ones, as text streams.

    Feeding the text in any chunking gives the same output, so the streamed deltas add up
    to exactly the final answer text.
    """

    def __init__(self, passage_count: int) -> None:
        self.passage_count = passage_count
        self.numbering: dict[int, int] = {}  # passage number the model wrote -> citation n
        self._held_space = ""  # whitespace that goes if an invalid marker follows
        self._marker = ""  # an open "[..." not yet closed
        self._started = False

    def feed(self, text: str) -> str:
        """The rewritten text that is certain so far."""
        out: list[str] = []
        for char in text:
            out.append(self._feed_char(char))
        return "".join(out)

    def finish(self) -> str:
        """What is still held back at the end (an unclosed "[" is plain text)."""
        tail = ""
        while self._marker:  # each pass emits at least the marker's "["
            tail += self._not_a_marker()
        self._held_space = ""  # trailing whitespace is stripped
        return tail

    def _feed_char(self, char: str) -> str:
        if self._marker:
            self._marker += char
            if char == "]" and MARKER_RE.fullmatch(self._marker):
                return self._close_marker()
            if _PARTIAL_MARKER_RE.fullmatch(self._marker) and len(self._marker) < _MAX_MARKER_CHARS:
                return ""
            return self._not_a_marker()
        if char == "[":
            self._marker = char
            return ""
        if char.isspace():
            if self._started:
                self._held_space += char
            return ""
        return self._emit(char)

    def _not_a_marker(self) -> str:
        """Plain text after all; a later "[" in it may still open a marker."""
        text, self._marker = self._marker, ""
        cut = text.find("[", 1)
        if cut == -1:
            return self._emit(text)
        return self._emit(text[:cut]) + "".join(self._feed_char(c) for c in text[cut:])

    def _emit(self, text: str) -> str:
        self._started = True
        out, self._held_space = self._held_space + text, ""
        return out

    def _close_marker(self) -> str:
        marker, self._marker = self._marker, ""
        numbers: list[int] = []
        for given in (int(n) for n in re.findall(r"\d+", marker)):
            if not 1 <= given <= self.passage_count:
                continue  # a passage the model was never shown
            n = self.numbering.setdefault(given, len(self.numbering) + 1)
            if n not in numbers:
                numbers.append(n)
        if not numbers:
            self._held_space = ""
            return ""
        return self._emit("".join(f"[{n}]" for n in numbers))


def rewrite_markers(text: str, passage_count: int) -> tuple[str, dict[int, int]]:
    """The text with markers renumbered 1..k and invalid ones removed, and the numbering used."""
    rewriter = MarkerRewriter(passage_count)
    rewritten = rewriter.feed(text) + rewriter.finish()
    return rewritten, rewriter.numbering


def _weighted_tokens(text: str) -> dict[str, int]:
    return {
        token: _NUMBER_WEIGHT if NUMBER_RE.fullmatch(token) else 1
        for token in TOKEN_RE.findall(fold(text))
    }


def best_supporting_sentence(claims: Sequence[str], passage_text: str) -> tuple[int, int]:
    """Span of the passage sentence sharing the most words (numbers count more) with a claim."""
    spans = sentence_spans(passage_text) or [(0, len(passage_text))]
    claim_tokens = [_weighted_tokens(claim) for claim in claims]

    def support(span: tuple[int, int]) -> tuple[int, int]:
        sentence = _weighted_tokens(passage_text[span[0] : span[1]])
        shared = max(sum(w for t, w in claim.items() if t in sentence) for claim in claim_tokens)
        return shared, -(span[1] - span[0])  # ties go to the shorter, more precise sentence

    return max(spans, key=support)


def _claims(text: str) -> dict[int, list[str]]:
    """For each citation n, the answer sentences its markers close."""
    claims: dict[int, list[str]] = {}
    for marker in MARKER_RE.finditer(text):
        # Markers stripped first so "... 2.000 công an xã. [1]" claims the sentence before.
        head = MARKER_RE.sub(" ", text[: marker.start()]).rstrip()
        spans = sentence_spans(head)
        claim = head[spans[-1][0] : spans[-1][1]] if spans else ""
        n = int(marker.group()[1:-1])
        claims.setdefault(n, []).append(claim)
    return claims


def build_citations(
    answer_text: str, passages: Sequence[Passage], numbering: dict[int, int]
) -> list[Citation]:
    """Citations for an answer whose markers `rewrite_markers` already renumbered."""
    claims = _claims(answer_text)
    citations = []
    for given, n in sorted(numbering.items(), key=lambda item: item[1]):
        passage = passages[given - 1]
        start, end = best_supporting_sentence(claims.get(n, [""]), passage.text)
        citations.append(
            Citation.model_validate(
                {
                    **source_ref_fields(passage),
                    "n": n,
                    "quote": passage.text[start:end],
                    "start": passage.start + start,
                    "end": passage.start + end,
                }
            )
        )
    return citations


def parse_citations(text: str, passages: Sequence[Passage]) -> tuple[str, list[Citation]]:
    """The cleaned answer text and its citations, numbered as the text shows them."""
    rewritten, numbering = rewrite_markers(text, len(passages))
    return rewritten, build_citations(rewritten, passages, numbering)
