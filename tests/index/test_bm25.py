import pickle

import numpy as np
import pytest

from index import bm25
from index.bm25 import Bm25Postings


def _replace_the_row(postings: Bm25Postings, words: list[str]) -> Bm25Postings:
    """The next postings of a one-row index whose row was replaced (a re-uploaded file)."""
    return postings.derive(np.array([-1]), [words], np.array([0]))


def test_terms_of_dropped_rows_do_not_pile_up_between_full_rebuilds() -> None:
    postings = Bm25Postings.build([["công", "an", "xã"]])
    for n in range(1, 301):
        previous = postings
        postings = _replace_the_row(postings, ["công", "an", f"số {n}", f"năm {n}"])
        # A reader still holding the previous postings keeps finding its own terms.
        assert previous.scores([f"số {n - 1}" if n > 1 else "xã"])[0] > 0
    assert postings.columns < 20  # the 4 terms it holds, not the 600 ever seen
    fresh = Bm25Postings.build([["công", "an", "số 300", "năm 300"]])
    for term in ("số 300", "công", "số 299", "xã"):
        assert np.allclose(postings.scores([term]), fresh.scores([term]))


def _corpus(rows: int, seed: int) -> list[list[str]]:
    """Invented rows: a few words in most rows, many rarer ones, repeats within a row."""
    rng = np.random.default_rng(seed)
    common = ["công", "an", "xã", "của", "và"]
    rare = [f"từ{i}" for i in range(300)]
    return [
        [w for w in common if rng.random() < 0.6]
        + [rare[i] for i in rng.integers(0, len(rare), rng.integers(1, 12))]
        for _ in range(rows)
    ]


QUERIES = [["công", "an", "từ7", "từ42"], ["của", "và", "xã"], ["từ3"], ["không có", "an"]]


def test_frequent_terms_scored_from_dense_columns_give_the_same_scores_bit_for_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = _corpus(400, seed=1)
    sparse = Bm25Postings.build(documents)
    monkeypatch.setattr(bm25, "DENSE_MIN_ROWS", 1)
    dense = Bm25Postings.build(documents)
    assert dense.dense_slot  # the common words are scored from dense columns
    for query in QUERIES:
        assert np.array_equal(dense.scores(query), sparse.scores(query))
        assert np.array_equal(pickle.loads(pickle.dumps(dense)).scores(query), sparse.scores(query))


def test_derived_postings_score_as_postings_built_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _corpus(300, seed=2)
    monkeypatch.setattr(bm25, "DENSE_MIN_ROWS", 1)
    postings = Bm25Postings.build(documents)
    # Every third row dropped, 40 rows added between the others (rows follow the sources'
    # order, so a new document lands in the middle), some with words never seen.
    added = [[*row, "mới", f"mới{i}"] for i, row in enumerate(_corpus(40, seed=3))]
    kept = [documents[i] for i in range(300) if i % 3]
    result = kept[:100] + added[:20] + kept[100:150] + added[20:] + kept[150:]
    new_rows = np.r_[100:120, 170:190]
    new_row_of = np.full(300, -1)
    new_row_of[[i for i in range(300) if i % 3]] = [r for r in range(240) if r not in new_rows]
    derived = postings.derive(new_row_of, added, new_rows)
    fresh = Bm25Postings.build(result)
    assert derived.dense_slot
    for query in [*QUERIES, ["mới", "từ5"], ["mới7"]]:
        assert np.array_equal(derived.scores(query), fresh.scores(query))
    again = derived.derive(np.arange(240), [["mới"]], np.array([240]))  # added, none dropped
    assert np.array_equal(
        again.scores(["mới", "an"]), Bm25Postings.build([*result, ["mới"]]).scores(["mới", "an"])
    )


def test_dense_columns_survive_compacting_the_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bm25, "DENSE_MIN_ROWS", 1)
    postings = Bm25Postings.build([["cũ", "công", "an", "an"]] * 4)
    for n in range(30):  # each replacement leaves the old rows' terms unused
        before = postings.columns
        row = ["công", "an", "an", f"số {n}"]
        postings = postings.derive(np.full(4, -1), [row] * 4, np.arange(4))
        if postings.columns < before:
            break  # renumbered: "công" and "an" moved to other columns
    assert postings.columns < before and postings.dense_slot
    fresh = Bm25Postings.build([row] * 4)
    for term in ("công", "an", row[-1], "cũ"):
        assert np.array_equal(postings.scores([term]), fresh.scores([term]))


@pytest.mark.parametrize("splice_loop_max", [0, 10_000])  # np.insert, or slice by slice
def test_postings_derived_in_blocks_have_the_weights_of_postings_built_afresh(
    monkeypatch: pytest.MonkeyPatch, splice_loop_max: int
) -> None:
    monkeypatch.setattr(bm25, "WEIGHT_BLOCK", 7)  # blocks cut through columns' postings
    monkeypatch.setattr(bm25, "SPLICE_LOOP_MAX", splice_loop_max)
    documents = _corpus(120, seed=4)
    postings = Bm25Postings.build(documents)
    # A document of 3 rows lands in the middle (a new file named between others), none go.
    added = [[*row, "mới", f"mới{i}"] for i, row in enumerate(_corpus(3, seed=5))]
    new_row_of = np.r_[0:60, 63:123]
    derived = postings.derive(new_row_of, added, np.r_[60:63])
    monkeypatch.setattr(bm25, "WEIGHT_BLOCK", 1 << 20)
    fresh = Bm25Postings.build(documents[:60] + added + documents[60:])
    for term in fresh.vocabulary.ids:  # every weight, term by term, bit for bit
        assert np.array_equal(derived.scores([term]), fresh.scores([term])), term
    for query in [*QUERIES, ["mới", "từ5"], ["mới1"]]:
        assert np.array_equal(derived.scores(query), fresh.scores(query))
