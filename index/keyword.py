"""The keyword side of hybrid search: BM25 over syllables and syllable pairs.

Vietnamese writes words as space-separated syllables ("phòng cháy chữa cháy"), so pairs of
neighbouring syllables stand in for words. Two indexes are kept: one over the canonical
accented form and one over the folded form, so a question typed without diacritics still
matches (with less precision: "bao", "báo", "bảo" fold together).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from index.metadata import directive_key, find_directive_numbers
from index.vietnamese import TOKEN_RE, canonical_syllable, fold_syllable, nfc

_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def _syllables(text: str, folded: bool) -> list[str]:
    out = []
    for token in TOKEN_RE.findall(nfc(text)):
        if token[0].isdigit():
            # "1.908" and "1908" are the same number to someone typing a question.
            out.append(token.replace(".", "") if _THOUSANDS_RE.match(token) else token)
            continue
        syllable = canonical_syllable(token)
        out.append(fold_syllable(syllable) if folded else syllable)
    return out


def keyword_tokens(text: str, folded: bool = False) -> list[str]:
    """Syllables, neighbouring-syllable pairs and cited document numbers of a text.

    A document number ("11/2021/NQ-HĐND") becomes one rare token, so a question citing it
    finds the documents citing it rather than those that merely say "nghị quyết" often.
    Numbers are looked for in upper case too: people type "31-ct/tu".
    """
    syllables = _syllables(text, folded)
    pairs = [f"{a}_{b}" for a, b in pairwise(syllables)]
    numbers = dict.fromkeys(find_directive_numbers(text) + find_directive_numbers(text.upper()))
    return syllables + pairs + [f"#{directive_key(n)}" for n in numbers]


class Bm25KeywordIndex:
    """BM25 (bm25s) over the chunks of one index snapshot, accented and folded."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._accented = _build([keyword_tokens(t) for t in texts])
        self._folded = _build([keyword_tokens(t, folded=True) for t in texts])

    def scores(self, query: str, folded: bool = False) -> np.ndarray:
        """BM25 score of every chunk for the query (0 where nothing matches)."""
        if self.size == 0:
            return np.zeros(0, dtype=np.float32)
        index = self._folded if folded else self._accented
        tokens = [t for t in dict.fromkeys(keyword_tokens(query, folded)) if t in index.vocab_dict]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(index.get_scores(tokens), dtype=np.float32)


def _build(corpus: list[list[str]]) -> Any:
    import bm25s

    index = bm25s.BM25()
    if corpus:
        index.index(corpus, show_progress=False)
    return index
