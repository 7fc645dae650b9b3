"""BM25 over a term-count matrix that a new snapshot derives from the last one's rows.

Rebuilding the keyword index from the text of every chunk took minutes at 100k passages
(tokenising is pure Python), so a document added to a large index waited that long to be
answerable. Here the counts of each chunk are a row of a sparse matrix: the next snapshot
keeps the rows of the chunks it still has, tokenises only the new chunks, and recomputes
the BM25 weights from the counts in a few vectorised passes.

Scores are those of bm25s's default "lucene" BM25 (k1 1.5, b 0.75), which this replaces:
idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part = tf / (tf + k1 (1 - b + b dl / avgdl)).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

K1 = 1.5
B = 0.75


class Vocabulary:
    """Term -> column, append-only and shared by the snapshots derived from one another.

    Appending never moves a term, so an older snapshot reading while a newer one adds
    terms still finds its own; it ignores columns beyond its matrix.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def add(self, terms: Sequence[str]) -> np.ndarray:
        ids = self.ids
        return np.fromiter((ids.setdefault(t, len(ids)) for t in terms), np.int64, len(terms))

    def known(self, terms: Sequence[str], columns: int) -> list[int]:
        found = (self.ids.get(t) for t in terms)
        return [i for i in found if i is not None and i < columns]


def count_rows(vocabulary: Vocabulary, documents: Sequence[Sequence[str]]) -> sparse.csr_array:
    """Term counts of tokenised documents, one row each, columns from the vocabulary."""
    lengths = np.fromiter((len(d) for d in documents), np.int64, len(documents))
    columns = vocabulary.add([term for document in documents for term in document])
    rows = np.repeat(np.arange(len(documents)), lengths)
    shape = (len(documents), len(vocabulary.ids))
    counts = sparse.csr_array((np.ones(len(columns), np.float32), (rows, columns)), shape=shape)
    counts.sum_duplicates()
    return counts


class Bm25Postings:
    """BM25 weights by term (CSC) of one set of rows; the counts are kept to derive from."""

    def __init__(self, vocabulary: Vocabulary, counts: sparse.csr_array) -> None:
        self.vocabulary = vocabulary
        self.counts = counts
        self.size, columns = counts.shape
        self.columns = int(columns)
        self.weights = _weights(counts)

    @classmethod
    def build(cls, documents: Sequence[Sequence[str]]) -> Bm25Postings:
        vocabulary = Vocabulary()
        return cls(vocabulary, count_rows(vocabulary, documents))

    def derive(
        self, kept: np.ndarray, new: Sequence[Sequence[str]], order: np.ndarray
    ) -> Bm25Postings:
        """The postings of rows `kept` (of these) followed by `new` documents, in `order`.

        Args:
            kept: rows of this index that the next one keeps.
            new: tokenised documents the next one adds.
            order: row i of the result is row order[i] of kept-then-new.
        """
        fresh = count_rows(self.vocabulary, new)
        columns = max(fresh.shape[1], self.columns)
        old = self.counts[kept] if len(kept) else sparse.csr_array((0, columns), dtype=np.float32)
        stacked = sparse.vstack([_widen(old, columns), _widen(fresh, columns)], format="csr")
        return Bm25Postings(self.vocabulary, sparse.csr_array(stacked[order]))

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every row for the (distinct) query terms; 0 where none matches."""
        scores = np.zeros(self.size, dtype=np.float32)
        weights = self.weights
        for column in self.vocabulary.known(terms, self.columns):
            start, end = weights.indptr[column], weights.indptr[column + 1]
            scores[weights.indices[start:end]] += weights.data[start:end]
        return scores


def _widen(counts: sparse.csr_array, columns: int) -> sparse.csr_array:
    """The same rows with room for terms added to the vocabulary since they were counted."""
    if counts.shape[1] == columns:
        return counts
    return sparse.csr_array((counts.data, counts.indices, counts.indptr),
                            shape=(counts.shape[0], columns))  # fmt: skip


def _weights(counts: sparse.csr_array) -> sparse.csc_array:
    rows, columns = counts.shape
    if rows == 0:
        return sparse.csc_array((0, columns), dtype=np.float32)
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    average = float(lengths.mean()) or 1.0
    frequency = np.bincount(counts.indices, minlength=columns).astype(np.float64)
    idf = np.log1p((rows - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
    row_of_entry = np.repeat(np.arange(rows), np.diff(counts.indptr))
    norm = (K1 * (1 - B + B * lengths / average)).astype(np.float32)[row_of_entry]
    tf = counts.data
    data = tf / (tf + norm) * idf[counts.indices]
    weighted = sparse.csr_array((data.astype(np.float32), counts.indices, counts.indptr),
                                shape=counts.shape)  # fmt: skip
    return sparse.csc_array(weighted)
