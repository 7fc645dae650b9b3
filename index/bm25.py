"""BM25 postings that a new snapshot derives from the last one's instead of from all text.

Rebuilding the keyword index from the text of every chunk took minutes at 100k passages
(tokenising is pure Python), so a document added to a large index waited that long to be
answerable. Here each term keeps its postings (row, term count); the next snapshot
renumbers the rows it keeps, drops the rows it lost, tokenises only new chunks, merges
their postings in, and recomputes every weight in a few vectorised passes.

Scores are those of bm25s's default "lucene" BM25 (k1 1.5, b 0.75), which this replaces:
idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part = tf / (tf + k1 (1 - b + b dl / avgdl)).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

K1 = 1.5
B = 0.75
# A term found in more than this share of the rows is scored from a dense column of its
# weights: adding 100k floats in one pass is several times quicker than scattering 25k+
# postings, and such terms ("của", "và", "được") were three quarters of the postings a
# question touched at 100k passages. They are few (~110 at 100k), so the columns cost
# ~40 MB a form there.
DENSE_SHARE = 0.25
DENSE_MIN_ROWS = 20_000  # below this, scattering every posting takes well under a millisecond
# Weights are computed this many postings at a time, so that no pass needs a temporary as
# large as the postings (88 MB a form at 100k passages): fresh memory was most of a
# derive's cost there (its first touch, ~10x the arithmetic).
WEIGHT_BLOCK = 1 << 20
# A derive inserting postings at more places than this uses `np.insert` (one vectorised
# pass) rather than copying the slices between them one by one.
SPLICE_LOOP_MAX = 4096


class Vocabulary:
    """Term -> column, append-only and shared by the snapshots derived from one another.

    Appending never moves a term, so an older snapshot reading while a newer one adds
    terms still finds its own; it ignores columns beyond its postings. Terms whose rows
    were all dropped stay, until they are most of it (`Bm25Postings.derive`).
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def add(self, terms: Sequence[str]) -> np.ndarray:
        ids = self.ids
        return np.fromiter((ids.setdefault(t, len(ids)) for t in terms), np.int64, len(terms))

    def known(self, terms: Sequence[str], columns: int) -> list[int]:
        found = (self.ids.get(t) for t in terms)
        return [i for i in found if i is not None and i < columns]


class Bm25Postings:
    """Per term: the rows containing it, its count in each, and the BM25 weight there.

    Ten bytes a posting (row, count, weight), with the postings of one term contiguous.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        frequency: np.ndarray,
        rows: np.ndarray,
        counts: np.ndarray,
        lengths: np.ndarray,
    ) -> None:
        """Postings given as parallel arrays ordered by column (term id), with the number
        of postings of each column (shorter than the vocabulary: the rest have none)."""
        self.vocabulary = vocabulary
        self.size = len(lengths)
        self.columns = len(vocabulary.ids)
        self.indptr = np.zeros(self.columns + 1, dtype=np.int64)
        np.cumsum(frequency, out=self.indptr[1 : len(frequency) + 1])
        self.indptr[len(frequency) + 1 :] = self.indptr[len(frequency)]
        self.rows = rows.astype(np.int32, copy=False)
        if counts.dtype != np.uint16:
            counts = np.minimum(counts, np.iinfo(np.uint16).max).astype(np.uint16)
        self.counts = counts
        self.lengths = lengths.astype(np.float32, copy=False)
        self.weights = self._weights()
        self._densify()

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the dense columns: they are derived, and rebuilt in ~0.1 s."""
        state = dict(self.__dict__)
        state.pop("dense", None)
        state.pop("dense_slot", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._densify()

    @classmethod
    def build(cls, documents: Sequence[Sequence[str]]) -> Bm25Postings:
        vocabulary = Vocabulary()
        columns, rows, counts, lengths = _count(vocabulary, documents)
        return cls(vocabulary, np.bincount(columns), rows, counts, lengths)

    def derive(
        self, new_row_of: np.ndarray, new: Sequence[Sequence[str]], new_rows: np.ndarray
    ) -> Bm25Postings:
        """The postings of the next row set.

        Args:
            new_row_of: for each row here, its row in the result, or -1 if dropped.
            new: tokenised documents the result adds.
            new_rows: the result's row of each of `new`.
        """
        kept_rows = new_row_of >= 0
        size = int(np.count_nonzero(kept_rows)) + len(new)
        lookup: np.ndarray | None = new_row_of.astype(np.int32)
        old_rows, frequency, old_counts = self.rows, np.diff(self.indptr), self.counts
        if not kept_rows.all():  # rows dropped: their postings go (adding drops none)
            renumbered = new_row_of.astype(np.int32)[self.rows]
            dropped = np.flatnonzero(renumbered < 0)
            lost = np.searchsorted(self.indptr, dropped, side="right") - 1  # their columns
            frequency = frequency - np.bincount(lost, minlength=len(frequency))
            kept = np.ones(len(renumbered), dtype=bool)
            kept[dropped] = False
            old_rows, old_counts, lookup = renumbered[kept], old_counts[kept], None
        columns, rows, counts, lengths = _count(self.vocabulary, new)
        all_lengths = np.zeros(size, dtype=np.float32)
        all_lengths[new_row_of[kept_rows]] = self.lengths[kept_rows]
        all_lengths[new_rows] = lengths
        # Each new posting goes after its column's old ones, in the order given (by
        # column): one copy of the arrays, where sorting them all took seconds.
        ends = np.cumsum(frequency)  # where each column's old postings end
        at = np.full(len(columns), len(old_rows), dtype=np.int64)  # new terms: last
        here = columns < len(frequency)
        at[here] = ends[columns[here]]
        renumbered = _spliced(old_rows, at, new_rows[rows].astype(np.int32), lookup)
        counts = np.minimum(counts, np.iinfo(np.uint16).max).astype(np.uint16)
        old_counts = _spliced(old_counts, at, counts)
        if len(columns):
            added = np.bincount(columns, minlength=len(self.vocabulary.ids))
            added[: len(frequency)] += frequency
            frequency = added
        derived = Bm25Postings(self.vocabulary, frequency, renumbered, old_counts, all_lengths)
        return derived._without_unused_terms()

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every row for the (distinct) query terms; 0 where none matches."""
        scores = np.zeros(self.size, dtype=np.float32)
        for column in self.vocabulary.known(terms, len(self.indptr) - 1):
            slot = self.dense_slot.get(column)
            if slot is not None:  # 0 where the term is absent: the same sums, bit for bit
                scores += self.dense[slot]
                continue
            start, end = self.indptr[column], self.indptr[column + 1]
            scores[self.rows[start:end]] += self.weights[start:end]
        return scores

    def _densify(self) -> None:
        """Dense weight columns of the terms in more than `DENSE_SHARE` of the rows."""
        frequency = np.diff(self.indptr)
        columns = np.flatnonzero(frequency > DENSE_SHARE * self.size)
        if self.size < DENSE_MIN_ROWS:
            columns = columns[:0]
        self.dense_slot = {int(column): slot for slot, column in enumerate(columns)}
        self.dense = np.zeros((len(columns), self.size), dtype=np.float32)
        for slot, column in enumerate(columns):
            start, end = self.indptr[column], self.indptr[column + 1]
            self.dense[slot, self.rows[start:end]] = self.weights[start:end]

    def _without_unused_terms(self) -> Bm25Postings:
        """These postings over a vocabulary of their own terms only, once most are unused.

        Every document ever added leaves its terms in the shared vocabulary (and a column
        in `indptr`), so a server taking uploads and deletes for months would grow until
        its next full rebuild. Renumbering keeps the columns' order, so postings stay
        sorted and weights unchanged; older snapshots keep the vocabulary they share.
        """
        frequency = np.diff(self.indptr)
        used = frequency > 0
        if self.columns - int(np.count_nonzero(used)) <= self.columns // 2:
            return self  # renumbered only once unused terms are most: one pass, and rare
        vocabulary = Vocabulary()
        terms = list(self.vocabulary.ids)[: self.columns]  # in column order
        vocabulary.add([term for term, kept in zip(terms, used, strict=True) if kept])
        compact = object.__new__(Bm25Postings)
        compact.vocabulary, compact.size = vocabulary, self.size
        compact.columns = len(vocabulary.ids)
        compact.indptr = np.zeros(compact.columns + 1, dtype=np.int64)
        np.cumsum(frequency[used], out=compact.indptr[1:])
        compact.rows, compact.counts = self.rows, self.counts
        compact.lengths, compact.weights = self.lengths, self.weights
        renumbered = np.cumsum(used) - 1  # a dense column's term is used by definition
        compact.dense_slot = {int(renumbered[c]): s for c, s in self.dense_slot.items()}
        compact.dense = self.dense
        return compact

    def _weights(self) -> np.ndarray:
        if self.size == 0:
            return np.zeros(0, dtype=np.float32)
        frequency = np.diff(self.indptr).astype(np.float64)
        idf = np.log1p((self.size - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
        average = float(self.lengths.mean()) or 1.0
        norm = (K1 * (1 - B + B * self.lengths / average)).astype(np.float32)
        weights = np.empty(len(self.rows), dtype=np.float32)
        for start in range(0, len(weights), WEIGHT_BLOCK):
            end = min(start + WEIGHT_BLOCK, len(weights))
            block = weights[start:end]
            np.take(norm, self.rows[start:end], out=block)
            tf = self.counts[start:end].astype(np.float32)
            block += tf
            np.divide(tf, block, out=block)
            # The columns this block's postings belong to, each clipped to the block.
            first = int(np.searchsorted(self.indptr, start, side="right")) - 1
            last = int(np.searchsorted(self.indptr, end - 1, side="right")) - 1
            starts = np.maximum(self.indptr[first : last + 1], start)
            ends = np.minimum(self.indptr[first + 1 : last + 2], end)
            block *= np.repeat(idf[first : last + 1], ends - starts)
        return weights


def _spliced(
    old: np.ndarray, at: np.ndarray, values: np.ndarray, lookup: np.ndarray | None = None
) -> np.ndarray:
    """`np.insert(lookup[old] if lookup else old, at, values)` for ascending `at`, with
    the slices of `old` between insertion points copied (and looked up) straight into the
    result: no temporary as large as `old`."""
    if not len(at) and lookup is None:
        return old
    if len(np.unique(at)) > SPLICE_LOOP_MAX:
        return np.insert(old if lookup is None else lookup[old], at, values)
    out = np.empty(len(old) + len(at), dtype=old.dtype if lookup is None else lookup.dtype)
    out[at + np.arange(len(at))] = values
    bounds = np.unique(at)
    shifts = np.searchsorted(at, bounds)  # values inserted before each bound
    start = 0
    for end, shift in zip([*bounds.tolist(), len(old)], [*shifts.tolist(), len(at)], strict=True):
        if end > start:
            if lookup is None:
                out[start + shift : end + shift] = old[start:end]
            else:
                np.take(lookup, old[start:end], out=out[start + shift : end + shift])
        start = end
    return out


def _count(
    vocabulary: Vocabulary, documents: Sequence[Sequence[str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Postings (column, row, count), ordered by column, and the length of each document."""
    lengths = np.fromiter((len(d) for d in documents), np.int64, len(documents))
    columns = vocabulary.add([term for document in documents for term in document])
    rows = np.repeat(np.arange(len(documents), dtype=np.int64), lengths)
    # One posting per (column, row): sort by that pair and count the runs.
    pairs = columns * max(len(documents), 1) + rows
    unique, counts = np.unique(pairs, return_counts=True)
    return unique // max(len(documents), 1), unique % max(len(documents), 1), counts, lengths
