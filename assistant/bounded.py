"""Bounded generation: a model's streamed text is cut at a length limit or a repeated n-gram.

A small or confused model loops ("[1] [1] [1] ...", the same clause again and again) until
its token limit; what it writes after the loop begins is never worth the wait, so the
stream is stopped there and the loop's repeat is not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.citations import MARKER_RE
from index.vietnamese import TOKEN_RE

# Words, numbers and whole [n] markers: a looping model repeats markers as often as words.
_TOKEN_RE = re.compile(rf"{MARKER_RE.pattern}|{TOKEN_RE.pattern}")


@dataclass(frozen=True)
class GenerationLimits:
    """How much a model may write before its stream is stopped."""

    max_chars: int = 1200
    """Longest answer text kept, in characters."""

    ngram: int = 4
    """Length, in words, numbers and [n] markers, of the n-grams watched for repetition."""

    repeats: int = 3
    """An n-gram seen this many times ends the stream; only its first occurrence is kept."""


class BoundedText:
    """Accepts streamed text until a limit is reached; `stop_reason` then says which.

    On a loop, `text` ends where the loop's first repeat begins; text already handed out
    past that point is for the caller to drop (`ClaimBuffer.truncate`).
    """

    def __init__(self, limits: GenerationLimits) -> None:
        self.limits = limits
        self.text = ""
        self.stop_reason: str | None = None
        self._starts: dict[tuple[str, ...], list[int]] = {}
        self._tokens: list[re.Match[str]] = []

    @property
    def stopped(self) -> bool:
        return self.stop_reason is not None

    def feed(self, chunk: str) -> str:
        """The part of `chunk` kept; nothing once stopped."""
        if self.stopped or not chunk:
            return ""
        before = len(self.text)
        self.text += chunk
        cut = self._repeat_start()
        if cut is not None:
            self.stop_reason = f"repeated {self.limits.ngram}-gram"
        elif len(self.text) > self.limits.max_chars:
            cut, self.stop_reason = self.limits.max_chars, f"{self.limits.max_chars} characters"
        if cut is None:
            return chunk
        kept = self.text[before:cut] if cut > before else ""
        self.text = self.text[:cut]
        return kept

    def _repeat_start(self) -> int | None:
        """Where the first repeat of an n-gram seen `repeats` times starts, among the
        tokens now complete."""
        done = _complete_end(self.text)
        start = self._tokens[-1].end() if self._tokens else 0
        n = self.limits.ngram
        for match in _TOKEN_RE.finditer(self.text, start, done):
            self._tokens.append(match)
            if len(self._tokens) < n:
                continue
            gram = tuple(m.group() for m in self._tokens[-n:])
            starts = self._starts.setdefault(gram, [])
            starts.append(self._tokens[-n].start())
            if len(starts) >= self.limits.repeats:
                return starts[1]
        return None


def _complete_end(text: str) -> int:
    """Where the tokens certain so far end: a last word or an open "[" may still grow."""
    end = len(text)
    opened = text.rfind("[", max(0, end - 40))
    if opened != -1 and "]" not in text[opened:]:
        end = opened
    growing = re.search(r"[\w.,/]+$", text[:end])
    return growing.start() if growing else end
