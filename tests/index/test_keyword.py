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
