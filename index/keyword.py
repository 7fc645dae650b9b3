"""The keyword side of hybrid search: BM25 over syllables and syllable pairs.

Vietnamese writes words as space-separated syllables ("phòng cháy chữa cháy"), so pairs of
neighbouring syllables stand in for words. Two indexes are kept: one over the canonical
accented form and one over the folded form, so a question typed without diacritics still
matches (with less precision: "bao", "báo", "bảo" fold together).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

import numpy as np

from index.bm25 import Bm25Postings
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
    """BM25 over the chunks of one index snapshot, accented and folded.

    `derive` makes the next snapshot's index from this one, tokenising only new chunks.
    """

    def __init__(self, texts: Sequence[str], keys: Sequence[str] | None = None) -> None:
        self.size = len(texts)
        # Which chunk each row is (chunk ids), so that a later index can reuse the row.
        self.keys = list(keys) if keys is not None else [str(i) for i in range(len(texts))]
        self._accented = Bm25Postings.build([keyword_tokens(t) for t in texts])
        self._folded = Bm25Postings.build([keyword_tokens(t, folded=True) for t in texts])

    def scores(self, query: str, folded: bool = False) -> np.ndarray:
        """BM25 score of every chunk for the query (0 where nothing matches)."""
        if self.size == 0:
            return np.zeros(0, dtype=np.float32)
        index = self._folded if folded else self._accented
        return index.scores(list(dict.fromkeys(keyword_tokens(query, folded))))

    def derive(self, keys: Sequence[str], text_of: Callable[[int], str]) -> Bm25KeywordIndex:
        """The index of chunks `keys` (in that order), reusing the rows this one has.

        Args:
            keys: the next snapshot's chunk ids, in its row order.
            text_of: the keyword text of the next snapshot's row i (only asked for new ones).
        """
        position = {key: row for row, key in enumerate(keys)}
        new_row_of = np.array([position.get(key, -1) for key in self.keys], dtype=np.int64)
        known = set(self.keys)
        new_rows = np.array([i for i, key in enumerate(keys) if key not in known], dtype=np.int64)
        texts = [text_of(int(i)) for i in new_rows]
        derived = object.__new__(Bm25KeywordIndex)
        derived.size, derived.keys = len(keys), list(keys)
        derived._accented = self._accented.derive(
            new_row_of, [keyword_tokens(t) for t in texts], new_rows
        )
        derived._folded = self._folded.derive(
            new_row_of, [keyword_tokens(t, folded=True) for t in texts], new_rows
        )
        return derived
