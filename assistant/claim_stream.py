"""Streamed answer text cut into claims: a sentence with the [n] markers that close it.

The guard judges whole sentences, so a sentence is released only when the text after it
shows it is over; the markers a model writes after the full stop ("... xã. [1]") stay with
the sentence they cite. Cutting the same text in any chunks gives the same claims.
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.citations import MARKER_RE
from index.sentences import sentence_spans

_LEADING_MARKERS_RE = re.compile(rf"(?:\s*{MARKER_RE.pattern})+")
# What a marker looks like before its "]" arrives: the text after it is not yet known.
_OPEN_MARKER_RE = re.compile(r"\s*\[[\d\s,;]*")


def _cuts(text: str) -> list[int]:
    """Offsets where one claim ends and the next begins, each certain whatever follows."""
    cuts = []
    for start, end in sentence_spans(text)[1:]:
        markers = _LEADING_MARKERS_RE.match(text, start)
        cut = markers.end() if markers else start
        rest = text[cut:end]
        if not rest.strip() or _OPEN_MARKER_RE.fullmatch(rest):
            continue  # only markers so far: they belong to the claim before
        cuts.append(cut)
    return cuts


class ClaimBuffer:
    """Collects streamed text and hands out the claims that are complete."""

    def __init__(self) -> None:
        self._text = ""
        self._released = 0  # where `_text` starts in the whole stream

    def feed(self, text: str) -> list[str]:
        """The claims completed by this piece of text, in order."""
        self._text += text
        cuts = _cuts(self._text)
        if not cuts:
            return []
        bounds = [0, *cuts]
        claims = [self._text[a:b] for a, b in pairwise(bounds)]
        self._text = self._text[cuts[-1] :]
        self._released += cuts[-1]
        return claims

    def truncate(self, end: int) -> None:
        """Forget what was fed past offset `end` of the whole stream, unless released."""
        self._text = self._text[: max(0, end - self._released)]

    def finish(self) -> list[str]:
        """The last claim, whatever state it is in."""
        rest, self._text = self._text, ""
        return [rest] if rest.strip() else []


def split_claims(text: str) -> list[str]:
    """A whole text's claims, as streaming it would give them."""
    buffer = ClaimBuffer()
    return buffer.feed(text) + buffer.finish()
