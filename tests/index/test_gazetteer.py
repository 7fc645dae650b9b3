"""Places named in a text: every province and district of the country, before and after 2025."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.gazetteer import (
    MERGED_2025,
    PROVINCE_NAMES,
    PROVINCES,
    PROVINCES_2025,
    Locality,
    find_localities,
    find_provinces,
)

ALQAC = Path(__file__).resolve().parents[3] / "shared" / "bench" / "alqac2022" / "documents"


def test_the_provinces_of_both_periods() -> None:
    assert len(PROVINCES) == 63 and len(PROVINCES_2025) == 34
    assert set(PROVINCES_2025) <= set(PROVINCES)  # the 34 kept a name of the 63
    assert MERGED_2025["Hà Giang"] == "Tuyên Quang"
    assert MERGED_2025["Bà Rịa - Vũng Tàu"] == "Hồ Chí Minh"
    assert "Nghệ An" not in MERGED_2025  # unchanged
    assert PROVINCE_NAMES["Thừa Thiên Huế"] == "Huế"


@pytest.mark.parametrize(
    ("text", "localities"),
    [
        # Districts of provinces the seed documents never mention.
        (
            "Công an huyện Con Cuông ra quân trấn áp tội phạm",
            [Locality("Con Cuông", "district", "Nghệ An")],
        ),
        (
            "Đoàn kiểm tra làm việc tại Hữu Lũng và Tràng Định",
            [
                Locality("Hữu Lũng", "district", "Lạng Sơn"),
                Locality("Tràng Định", "district", "Lạng Sơn"),
            ],
        ),
        ("TP. Vinh và thị xã Hoàng Mai", [Locality("Vinh", "district", "Nghệ An")]),
        # Typed without diacritics.
        ("huu lung co bao nhieu to bao ve an ninh", [Locality("Hữu Lũng", "district", "Lạng Sơn")]),
        ("cong an tp vinh", [Locality("Vinh", "district", "Nghệ An")]),
        ("cong an tinh lang son", [Locality("Lạng Sơn", "province", "Lạng Sơn")]),
    ],
)
def test_districts_of_every_province(text: str, localities: list[Locality]) -> None:
    found = find_localities(text)
    assert found[: len(localities)] == localities


def test_a_name_several_provinces_share_takes_the_province_named_beside_it() -> None:
    assert find_localities("huyện Châu Thành, tỉnh Hậu Giang") == [
        Locality("Châu Thành", "district", "Hậu Giang"),
        Locality("Hậu Giang", "province", "Hậu Giang"),
    ]
    assert find_localities("huyện Châu Thành") == [Locality("Châu Thành", "district", None)]


def test_provinces_after_the_2025_merger_and_before_it() -> None:
    text = "Từ tháng 7/2025, tỉnh Tuyên Quang mới gồm cả địa bàn tỉnh Hà Giang cũ."
    assert find_provinces(text) == ["Tuyên Quang", "Hà Giang"]
    assert find_provinces("Công an thành phố Huế") == ["Huế"]  # a centrally-run city
    assert find_provinces("Công an tỉnh Thừa Thiên Huế năm 2023") == ["Huế"]
    assert find_provinces("TP.HCM, TPHCM và Kontum") == ["Hồ Chí Minh", "Kon Tum"]


def test_a_district_merged_away_is_still_found_after_its_unit_word() -> None:
    assert find_localities("Công an thị xã Cửa Lò tuần tra bãi biển") == [
        Locality("Cửa Lò", "district", "Nghệ An")
    ]
    assert find_localities("Cửa Lò đón khách") == []  # a former name needs its unit word


@pytest.mark.parametrize(
    "text",
    [
        "Văn bản này quy định mức phạt tương đương.",
        "van ban nay quy dinh muc phat tuong duong",  # "Văn Bàn", "Tương Dương" without accents
        "Còn có ba tổ hòa giải hoạt động thống nhất.",
        "THỐNG NHẤT Ý CHÍ VÀ HÀNH ĐỘNG",  # "Thống Nhất" is a district only after "huyện"
        "Ông Nguyễn Đức Thọ phát biểu tại hội nghị.",  # a person, not huyện Đức Thọ
        "Đến Vinh, đoàn nghỉ lại.",  # one syllable: only "thành phố Vinh"
    ],
)
def test_everyday_words_and_names_of_people_are_not_places(text: str) -> None:
    assert find_localities(text) == []


def test_an_everyday_name_counts_after_its_unit_word() -> None:
    assert find_localities("huyen van ban") == [Locality("Văn Bàn", "district", "Lào Cai")]
    assert find_localities("huyện Thống Nhất") == [Locality("Thống Nhất", "district", "Đồng Nai")]
    assert find_localities("Tại Đức Thọ, công an xã") == [
        Locality("Đức Thọ", "district", "Hà Tĩnh")
    ]


def test_a_list_of_districts_shares_its_unit_word() -> None:
    # "Kế Sách" (a strategy) and "Long Phú" (a commune elsewhere) need a unit word: the list's.
    assert find_localities("Các huyện Mỹ Tú, Kế Sách và Long Phú đã hoàn thành") == [
        Locality("Mỹ Tú", "district", "Sóc Trăng"),
        Locality("Kế Sách", "district", "Sóc Trăng"),
        Locality("Long Phú", "district", "Sóc Trăng"),
    ]
    assert find_localities("Kế Sách phù hợp, Long Phú") == []


@pytest.mark.skipif(not ALQAC.is_dir(), reason="ALQAC benchmark not beside the project")
def test_law_articles_name_no_place() -> None:
    named = [p.name for p in sorted(ALQAC.glob("*.txt")) if find_localities(p.read_text("utf-8"))]
    assert named == []


def test_an_unmarked_name_of_a_province_and_a_district_is_the_province() -> None:
    assert find_provinces("o quang ngai va thanh hoa co bao nhieu to") == [
        "Quảng Ngãi",
        "Thanh Hóa",
    ]


def test_a_long_province_name_by_its_initials() -> None:
    assert find_provinces("HĐND tỉnh BR-VT thông qua nghị quyết") == ["Bà Rịa - Vũng Tàu"]
    assert find_provinces("Công an BRVT") == ["Bà Rịa - Vũng Tàu"]
    # two letters name several provinces; "HCM" is the city only after "TP"
    assert find_provinces("tỉnh QN") == [] and find_provinces("tư tưởng HCM") == []


def test_a_road_bridge_or_river_named_after_places_names_no_place() -> None:
    # "tuyến A - B" runs between two places; the text speaks of the road, not of them.
    assert find_localities("khắc phục điểm đen trên Quốc lộ 1 và tuyến Long Mỹ - Vị Thanh") == []
    assert find_localities("ùn tắc trên cầu Cần Thơ và đường Hà Nội") == []
    assert find_localities("Tại huyện Long Mỹ có 3 vụ; tỉnh Cần Thơ") == [
        Locality("Long Mỹ", "district", "Hậu Giang"),
        Locality("Cần Thơ", "province", "Cần Thơ"),
    ]


def test_a_name_after_its_unit_word_is_read_even_with_a_wrong_mark() -> None:
    # "huyen Song Hinh" restored as "huyện Sông Hình"; a name written right still wins.
    assert find_localities("huyện Sông Hình") == [Locality("Sông Hinh", "district", "Phú Yên")]
    assert find_localities("Sông Hình") == []
    assert find_localities("huyện Thạnh Hóa") == [Locality("Thạnh Hóa", "district", "Long An")]
    # ... and a name of three syllables written as people spell it, without its unit word
    spelled = find_localities("Hoàng Su Phí năm 2031 có bao nhiêu tổ tự quản")
    assert spelled == [Locality("Hoàng Su Phì", "district", "Hà Giang")]


def test_a_town_after_tx_is_a_district() -> None:
    assert find_localities("TX Sông Cầu có bao nhiêu") == [
        Locality("Sông Cầu", "district", "Phú Yên")
    ]
    assert find_localities("nước sông Cầu dâng cao") == []  # the river


def test_a_district_the_library_spells_the_old_way_is_found_as_written_today() -> None:
    """The library writes "Phú Quí"; documents and officers write "Phú Quý"."""
    for text in ("huyện Phú Quý", "huyen Phu Quy"):
        assert [p.name for p in find_localities(text)] == ["Phú Quý"], text


def test_a_district_needing_its_unit_word_is_read_before_its_own_province() -> None:
    """ "Châu Thành" names districts of several provinces (and communes): alone it is no
    place, but followed by its own province it is that province's district."""
    tay_ninh = [
        Locality("Châu Thành", "district", "Tây Ninh"),
        Locality("Tây Ninh", "province", "Tây Ninh"),
    ]
    for text in ("Châu Thành Tây Ninh năm 2023", "chau thanh tay ninh", "Châu Thành (Tây Ninh)"):
        assert find_localities(text) == tay_ninh, text
    assert find_localities("Châu Thành, tỉnh Tây Ninh")[0] == tay_ninh[0]
    assert find_localities("Châu Thành Long An")[0] == Locality("Châu Thành", "district", "Long An")
    # ... not before a province it is no district of, nor alone
    assert find_localities("Châu Thành Hà Nội") == [Locality("Hà Nội", "province", "Hà Nội")]
    assert find_localities("chau thanh co bao nhieu") == []


def test_a_district_shortened_to_h_or_named_an_island_district_is_read() -> None:
    nghia_hanh = [Locality("Nghĩa Hành", "district", "Quảng Ngãi")]
    assert find_localities("H. Nghĩa Hành tạm giữ bao nhiêu m3 cát") == nghia_hanh
    phu_quy = [Locality("Phú Quý", "district", "Bình Thuận")]
    assert find_localities("huyện đảo Phú Quý có mấy tổ") == phu_quy
    assert find_localities("huyen dao Phu Quy co may to") == phu_quy
    # ... not a person's initial before a province's name
    assert find_localities("Nguyễn Văn H. Long An") == [Locality("Long An", "province", "Long An")]


def test_a_name_typed_without_marks_opens_at_its_capital() -> None:
    """ "giao cho Don Bien phong" typed fast: "cho" ("for") is no part of a name the typist
    starts with a capital, though "cho don" folds as "Chợ Đồn"; in lower case, or after its
    unit word, the district is read as before."""
    assert find_localities("co giao nhiem vu cho Don Bien phong Cat Ba khong") == []
    assert [p.name for p in find_localities("xe cho gao")] == ["Chợ Gạo"]
    assert [p.name for p in find_localities("Cho Gao co bao nhieu vu")] == ["Chợ Gạo"]
    assert [p.name for p in find_localities("huyen cho Don co bao nhieu vu")] == ["Chợ Đồn"]
