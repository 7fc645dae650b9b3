import unicodedata

import pytest

from index.vietnamese import canonical, fold, has_diacritics, looks_unaccented, words


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [("hoà giải", "hòa giải"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoà Bình", "Hòa Bình")],
)
def test_both_tone_placements_read_the_same(old_style: str, new_style: str) -> None:
    assert canonical(old_style) == canonical(new_style)


def test_closed_syllables_keep_their_tone_on_the_last_vowel() -> None:
    assert canonical("hoàng khuyến tuyển") == "hoàng khuyến tuyển"
    assert canonical("người hưu giữa quý") == "người hưu giữa quý"


def test_i_and_y_after_a_consonant_are_one_spelling() -> None:
    assert canonical("tử sỹ") == canonical("tử sĩ")
    assert canonical("kỹ thuật") == canonical("kĩ thuật")
    assert canonical("quý") != canonical("quí")  # "qu" + y is another syllable


def test_decomposed_input_matches_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Điện Biên")
    assert canonical(decomposed) == canonical("Điện Biên")
    assert fold(decomposed) == "dien bien"


def test_fold_removes_every_mark_including_d_bar() -> None:
    assert fold("Đội Dân phòng ĐIỆN BIÊN") == "doi dan phong dien bien"
    assert fold("sỹ") == fold("si")


def test_numbers_stay_whole_as_written() -> None:
    assert words("thành lập 1.908 Đội với 21.023 đội viên, tháng 3/2019") == [
        "thành",
        "lập",
        "1.908",
        "Đội",
        "với",
        "21.023",
        "đội",
        "viên",
        "tháng",
        "3/2019",
    ]


def test_unaccented_questions_are_told_from_accented_ones() -> None:
    assert looks_unaccented("so doi dan phong dien bien")
    assert looks_unaccented("tuyen hoa co bao nhieu mo hinh bao ve ANTQ")
    assert not looks_unaccented("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
    assert not looks_unaccented("ANTT")  # too short to tell
    assert has_diacritics("ăn") and not has_diacritics("an")
