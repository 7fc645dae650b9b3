"""Expansion of public-security and administration abbreviations in questions and chunks."""

from __future__ import annotations

import pytest

from index.abbreviations import (
    ABBREVIATIONS,
    abbreviations_in,
    expand_abbreviations,
    spelled_out_in,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bảo vệ ANTQ", "bảo vệ ANTQ (an ninh Tổ quốc)"),
        ("UBND tỉnh Hà Tĩnh", "UBND (Ủy ban nhân dân) tỉnh Hà Tĩnh"),
        ("HĐND tỉnh", "HĐND (Hội đồng nhân dân) tỉnh"),
        ("công tác PCCC và CNCH", "công tác PCCC (phòng cháy chữa cháy) và CNCH (cứu nạn cứu hộ)"),
        ("đảm bảo TTATXH.", "đảm bảo TTATXH (trật tự an toàn xã hội)."),
        ("phát triển KT-XH", "phát triển KT-XH (kinh tế - xã hội)"),
        ("BCĐ 138 huyện", "BCĐ (Ban Chỉ đạo) 138 huyện"),
        ("(CAX)", "(CAX (công an xã))"),
        ("Trưởng CA huyện", "Trưởng CA (công an) huyện"),
        ("chứng thực (PKI/CA)", "chứng thực (PKI/CA)"),  # a part of a name, not an abbreviation
        ("Sở KH&CN tỉnh", "Sở KH&CN (Khoa học và Công nghệ) tỉnh"),  # provincial departments
        ("Sở LĐ-TB&XH", "Sở LĐ-TB&XH (Lao động - Thương binh và Xã hội)"),
        ("23 vụ PPHS", "23 vụ PPHS (phạm pháp hình sự)"),  # a report's counts
        ("11 công dân XCTP", "11 công dân XCTP (xuất cảnh trái phép)"),
        ("buôn lậu, GLTM", "buôn lậu, GLTM (gian lận thương mại)"),
        ("lừa đảo XKLĐ", "lừa đảo XKLĐ (xuất khẩu lao động)"),
    ],
)
def test_writes_the_expansion_after_the_abbreviation(text: str, expected: str) -> None:
    assert expand_abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hdnd tinh ha tinh", "hdnd (Hội đồng nhân dân) tinh ha tinh"),
        ("HDND tỉnh", "HDND (Hội đồng nhân dân) tỉnh"),
        ("dam bao antt o co so", "dam bao antt (an ninh trật tự) o co so"),
        ("Ubnd xã", "Ubnd (Ủy ban nhân dân) xã"),
        ("tp dien bien phu", "tp (thành phố) dien bien phu"),
        ("Đồn Biên phòng CKQT Tây Trang", "Đồn Biên phòng CKQT (Cửa khẩu quốc tế) Tây Trang"),
    ],
)
def test_recognises_forms_users_type(text: str, expected: str) -> None:
    assert expand_abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở TN-MT tỉnh", "Sở TN-MT (Tài nguyên và Môi trường) tỉnh"),
        ("Sở NN-PTNT", "Sở NN-PTNT (Nông nghiệp và Phát triển nông thôn)"),
        ("Sở LĐ,TB&XH", "Sở LĐ,TB&XH (Lao động - Thương binh và Xã hội)"),
        ("so khcn tinh", "so khcn (Khoa học và Công nghệ) tinh"),
    ],
)
def test_a_departments_initials_count_with_any_separators(text: str, expected: str) -> None:
    assert expand_abbreviations(text) == expected


def test_short_initials_keep_their_listed_form() -> None:
    # Three letters or fewer are too short to be read across a separator: "C-A" is no "CA".
    assert expand_abbreviations("mục C-A") == "mục C-A"


def test_leaves_ordinary_words_that_look_like_abbreviations() -> None:
    # "cat", "cap" are syllables ("cát", "cấp") when not written in capitals.
    assert expand_abbreviations("cat va cap do") == "cat va cap do"
    assert expand_abbreviations("CAT tỉnh") == "CAT (công an tỉnh) tỉnh"


@pytest.mark.parametrize(
    "number",
    ["31-CT/TU", "11/2021/NQ-HĐND", "23/2012/TT-BCA", "236/KH-CAH", "01/BCĐ", "QĐ-UBND", "TP.HCM"],
)
def test_never_touches_document_numbers(number: str) -> None:
    text = f"Theo văn bản {number} ngày 21/12/2021"
    assert expand_abbreviations(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Phòng cháy chữa cháy (PCCC) được chú trọng",
        "PCCC (phòng cháy chữa cháy) được chú trọng",
        "phong chay chua chay (PCCC)",
        "Ủy ban nhân dân (UBND) tỉnh",
    ],
)
def test_leaves_an_abbreviation_already_spelled_out(text: str) -> None:
    assert expand_abbreviations(text) == text


def test_expanding_twice_changes_nothing_more() -> None:
    once = expand_abbreviations("UBND, HĐND và MTTQ xã phối hợp giữ ANTT.")
    assert once == (
        "UBND (Ủy ban nhân dân), HĐND (Hội đồng nhân dân) và MTTQ (Mặt trận Tổ quốc) xã"
        " phối hợp giữ ANTT (an ninh trật tự)."
    )
    assert expand_abbreviations(once) == once


def test_every_abbreviation_is_expanded_where_it_stands_alone() -> None:
    for short, expansion in ABBREVIATIONS.items():
        assert expand_abbreviations(f"về {short} ở") == f"về {short} ({expansion}) ở"


def test_a_command_written_short_is_spelled_out() -> None:
    from index.abbreviations import spell_out

    assert spell_out("Bộ CH BĐBP tỉnh") == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"
    # The province's military command is a "Bộ", a district's or a commune's a "Ban".
    assert spell_out("BCHQS tỉnh") == "Bộ Chỉ huy quân sự tỉnh"
    assert spell_out("BCHQS huyện A") == "Ban Chỉ huy quân sự huyện A"
    assert spell_out("bchqs cac xa") == "Ban Chỉ huy quân sự cac xa"
    assert expand_abbreviations("Lưu: BCHQS.") == "Lưu: BCHQS (Bộ Chỉ huy quân sự)."


def test_the_abbreviations_a_text_uses_or_spells_out() -> None:
    used = abbreviations_in("số vụ TNGT, tàu ca, CA tỉnh")  # "ca" in lower case is a word
    assert used == [("TNGT", "tai nạn giao thông"), ("CA", "công an")]
    spelled = dict(spelled_out_in("Tai nạn giao thông và công an xã"))
    assert spelled["TNGT"] == "tai nạn giao thông" and spelled["CAX"] == "công an xã"
    assert "CA" not in spelled  # reads as a word once lower-cased: no clause's "cá" is it
