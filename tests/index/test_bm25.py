import numpy as np

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
