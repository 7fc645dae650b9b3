import numpy as np

from index.keyword import Bm25KeywordIndex, keyword_tokens

PASSAGES = [
    "Toàn tỉnh đã thành lập 1.908 Đội Dân phòng với 21.023 đội viên.",
    "Huyện duy trì 243 tổ hòa giải và 233 tổ an ninh nhân dân.",
    "Công an huyện báo cáo kết quả bảo vệ an ninh Tổ quốc.",
    "Nghị quyết số 11/2021/NQ-HĐND ngày 29/10/2021 về công an xã bán chuyên trách.",
    "Nghị quyết số 12-NQ/TW về xây dựng lực lượng Công an nhân dân. Nghị quyết nghị quyết.",
]


def _best(index: Bm25KeywordIndex, query: str, folded: bool = False) -> int:
    return int(np.argmax(index.scores(query, folded=folded)))


def test_syllable_pairs_and_numbers_are_tokens() -> None:
    tokens = keyword_tokens("Đội Dân phòng 1.908")
    assert {"đội", "dân_phòng", "1908"} <= set(tokens)


def test_old_and_new_tone_marks_match() -> None:
    index = Bm25KeywordIndex(PASSAGES)
    assert _best(index, "tổ hoà giải") == 1


def test_a_question_typed_without_diacritics_matches_through_the_folded_index() -> None:
    index = Bm25KeywordIndex(PASSAGES)
    assert _best(index, "doi dan phong", folded=True) == 0
    assert index.scores("doi dan phong").max() == 0  # the accented index cannot see it


def test_a_number_typed_without_thousands_separator_matches() -> None:
    index = Bm25KeywordIndex(PASSAGES)
    assert _best(index, "1908 đội") == 0


def test_a_cited_document_number_beats_frequent_generic_words() -> None:
    index = Bm25KeywordIndex(PASSAGES)
    assert _best(index, "Nghị quyết 11/2021/NQ-HĐND liên quan đến lực lượng nào") == 3
    assert _best(index, "nghi quyet 11/2021/nq-hdnd", folded=True) == 3


def test_an_empty_index_and_unknown_words_score_nothing() -> None:
    assert Bm25KeywordIndex([]).scores("bất kỳ").size == 0
    assert not Bm25KeywordIndex(PASSAGES).scores("xyzzy").any()


def test_an_index_derived_from_the_last_one_scores_as_one_built_afresh() -> None:
    keys = [f"chunk-{i}" for i in range(len(PASSAGES))]
    afresh = Bm25KeywordIndex(PASSAGES, keys)
    # The last snapshot lacked two chunks and held one since removed.
    last = Bm25KeywordIndex([*PASSAGES[1:-1], "Một đoạn đã bị xóa về thuế."], [*keys[1:-1], "gone"])
    asked: list[int] = []

    def text_of(row: int) -> str:
        asked.append(row)
        return PASSAGES[row]

    derived = last.derive(keys, text_of)
    assert sorted(asked) == [0, len(PASSAGES) - 1]  # only the new chunks were read
    for query in ("đội dân phòng", "chỉ thị 31-CT/TU", "thue", "xyzzy"):
        for folded in (False, True):
            expected = afresh.scores(query, folded)
            assert np.allclose(derived.scores(query, folded), expected, atol=1e-5)
    assert derived.scores("thuế").max() == 0  # the removed chunk's words score nothing
