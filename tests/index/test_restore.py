"""Diacritic restoration of questions typed without diacritics, from a corpus's own usage."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from index.restore import DiacriticRestorer
from index.vietnamese import WORD_RE, canonical_syllable

CORPUS = [
    "Tỉnh Điện Biên có 1.814 tổ hòa giải và 244 tổ bảo vệ dân phố.",
    "Lực lượng dân phòng, công an xã đã phối hợp bảo vệ an ninh trật tự ở cơ sở.",
    "UBND tỉnh Điện Biên chỉ đạo báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc.",
    "Công an huyện tiếp nhận nhiều tin báo của người dân; các tin báo đều được xác minh.",
    "Đội dân phòng ở các phường được tập huấn nghiệp vụ phòng cháy chữa cháy.",
    "HĐND tỉnh ban hành nghị quyết về quản lý lực lượng công an xã.",
    "Người dân ở huyện Tuyên Hóa tham gia nhiều mô hình tự quản về an ninh trật tự.",
    "Báo cáo nêu khó khăn của lực lượng bảo vệ dân phố và công an viên.",
    "Tổng số đội dân phòng của tỉnh là 120; các đội gặp nhiều khó khăn về kinh phí.",
]


@pytest.fixture(scope="module")
def restorer() -> DiacriticRestorer:
    return DiacriticRestorer.from_texts(CORPUS)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("so doi dan phong o dien bien", "số đội dân phòng ở điện biên"),
        ("tinh dien bien co bao nhieu to hoa giai", "tỉnh điện biên có bao nhiêu tổ hòa giải"),
        ("luc luong bao ve dan pho gap kho khan gi", "lực lượng bảo vệ dân phố gặp khó khăn gì"),
        ("cong an huyen tiep nhan bao nhieu tin bao", "công an huyện tiếp nhận bao nhiêu tin báo"),
        (
            "nguoi dan o tuyen hoa tham gia mo hinh nao",
            "người dân ở tuyên hóa tham gia mô hình nào",
        ),
    ],
)
def test_restores_typical_unaccented_questions(
    restorer: DiacriticRestorer, typed: str, expected: str
) -> None:
    assert restorer.restore(typed) == expected


def test_context_decides_between_spellings_of_one_syllable(restorer: DiacriticRestorer) -> None:
    # "bao" is "bảo" before "vệ" and "báo" before "cáo"; "nhieu" is "nhiều" or "nhiêu".
    assert restorer.restore("bao ve dan pho") == "bảo vệ dân phố"
    assert restorer.restore("bao cao ket qua") == "báo cáo kết quả"
    assert restorer.restore("nhieu tin bao") == "nhiều tin báo"
    assert restorer.restore("co bao nhieu to") == "có bao nhiêu tổ"


def test_keeps_the_case_the_user_typed(restorer: DiacriticRestorer) -> None:
    assert restorer.restore("Dien Bien co bao nhieu to hoa giai?") == (
        "Điện Biên có bao nhiêu tổ hòa giải?"
    )


def test_keeps_numbers_punctuation_and_abbreviations(restorer: DiacriticRestorer) -> None:
    typed = "Nam 2019, UBND tinh Dien Bien (ANTQ) co 1.814 to hoa giai?!"
    assert restorer.restore(typed) == "Năm 2019, UBND tỉnh Điện Biên (ANTQ) có 1.814 tổ hòa giải?!"


def test_typed_diacritics_are_kept_as_typed_and_used_as_context(
    restorer: DiacriticRestorer,
) -> None:
    # "Hoà" keeps the user's tone placement; "vệ" / "cáo" typed with marks steer "bao".
    assert restorer.restore("to Hoà giai") == "tổ Hoà giải"
    assert restorer.restore("bao vệ") == "bảo vệ"
    assert restorer.restore("bao cáo") == "báo cáo"


def test_unknown_syllables_stay_as_typed(restorer: DiacriticRestorer) -> None:
    assert restorer.restore("zalo va facebook o dien bien") == "zalo và facebook ở điện biên"


def test_abbreviation_typed_without_the_bar_of_d(restorer: DiacriticRestorer) -> None:
    assert restorer.restore("HDND tinh ban hanh nghi quyet") == "HĐND tỉnh ban hành nghị quyết"
    assert restorer.restore("CA tinh, NQ/TW") == "CA tỉnh, NQ/TW"


def test_shows_the_corpus_spelling_not_the_canonical_form(restorer: DiacriticRestorer) -> None:
    # Canonically "lý" is "lí"; users should see what the documents write.
    assert restorer.restore("quan ly luc luong") == "quản lý lực lượng"


def test_question_words_come_from_the_prior_without_any_corpus() -> None:
    restorer = DiacriticRestorer.from_texts([])
    assert restorer.restore("la gi, o dau, khi nao, nhu the nao") == (
        "là gì, ở đâu, khi nào, như thế nào"
    )


def test_comparison_words_come_from_the_prior_over_the_corpus_number_word(
    restorer: DiacriticRestorer,
) -> None:
    # The corpus writes "số" (number) often and never "so sánh": a question still compares.
    assert restorer.restore("so sanh so doi dan phong").startswith("so sánh số đội")


def test_a_rate_asked_per_month_is_each_month_not_new() -> None:
    # A corpus of news says "mới" (new) far more often than "mỗi" (each).
    restorer = DiacriticRestorer.from_texts(["Mức hỗ trợ mới được áp dụng từ tháng 7."] * 3)
    assert restorer.restore("duoc ho tro bao nhieu moi thang").endswith("mỗi tháng")


@pytest.mark.parametrize("how", ["bytes", "pickle"])
def test_round_trip_for_the_disk_cache(restorer: DiacriticRestorer, how: str) -> None:
    if how == "bytes":
        reloaded = DiacriticRestorer.from_bytes(restorer.to_bytes())
    else:
        reloaded = pickle.loads(pickle.dumps(restorer))
    assert reloaded.restore("So doi dan phong") == "Số đội dân phòng"
    for typed in ["so doi dan phong o dien bien", "quan ly luc luong", "HDND tinh"]:
        assert reloaded.restore(typed) == restorer.restore(typed)


def test_restores_only_questions_that_look_unaccented(restorer: DiacriticRestorer) -> None:
    assert restorer.restore_if_unaccented("Điện Biên có bao nhiêu tổ hòa giải?") is None
    assert restorer.restore_if_unaccented("dien bien co bao nhieu to hoa giai?") == (
        "điện biên có bao nhiêu tổ hòa giải?"
    )


def test_text_without_words_is_returned_unchanged(restorer: DiacriticRestorer) -> None:
    assert restorer.restore("") == ""
    assert restorer.restore("  2019 ... ?") == "  2019 ... ?"


ALQAC = Path(__file__).resolve().parents[3] / "shared" / "bench" / "alqac2022"


@pytest.mark.skipif(not ALQAC.is_dir(), reason="the ALQAC benchmark is not beside the project")
def test_alqac_questions_restored_almost_syllable_for_syllable() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ALQAC / "documents").glob("*.txt"))]
    restorer = DiacriticRestorer.from_texts(texts)

    def questions(name: str) -> list[str]:
        lines = (ALQAC / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["question"] for line in lines[:150]]

    right = total = 0
    for gold, typed in zip(
        questions("questions.jsonl"), questions("questions-unaccented.jsonl"), strict=True
    ):
        pairs = zip(WORD_RE.findall(gold), WORD_RE.findall(restorer.restore(typed)), strict=True)
        hits = [canonical_syllable(g) == canonical_syllable(r) for g, r in pairs]
        right, total = right + sum(hits), total + len(hits)
    assert right / total >= 0.98


def test_from_a_month_is_from_not_self() -> None:
    corpus = ["Tổ tự quản hoạt động tự giác. Tự nguyện tham gia."] * 3
    restorer = DiacriticRestorer.from_texts(corpus)
    assert restorer.restore("buon lau tu thang 7 den thang 9").endswith("từ tháng 7 đến tháng 9")


def test_a_place_no_document_names_is_written_as_the_gazetteer_spells_it() -> None:
    # The corpus never names these districts; typed without marks they stay places.
    restorer = DiacriticRestorer.from_texts(["Công an huyện có 12 vụ trộm cắp tài sản."] * 3)
    assert "huyện Sông Hinh" in restorer.restore("huyen Song Hinh co bao nhieu vu")
    assert "CAH Vị Thủy" in restorer.restore("CAH Vi Thuy co bao nhieu vu")
    assert restorer.restore("o dien bien").endswith("điện biên")  # in the case typed


def test_of_two_places_spelled_alike_the_one_the_documents_name_is_kept() -> None:
    # "Thanh Tri" folds both Thạnh Trị (a district of Sóc Trăng) and Thanh Trì (of Hà Nội):
    # the documents name the first, so the restorer's choice stands; a place they never
    # name is still written as the gazetteer spells it.
    corpus = ["Công an huyện Thạnh Trị xử lý 12 vụ vi phạm; huyện Thạnh Trị có 10 xã."] * 3
    restorer = DiacriticRestorer.from_texts(corpus)
    assert "huyện Thạnh Trị" in restorer.restore("quy II huyen Thanh Tri co bao nhieu vu")
    assert "huyện Sông Hinh" in restorer.restore("huyen Song Hinh co bao nhieu vu")


def test_a_district_typed_as_a_name_or_after_at_is_the_place() -> None:
    # "Song Hinh" without "huyện" is read as a place when typed with capitals or after "ở";
    # "song hinh" alone, with neither, is left to the corpus ("hình" of "hình ảnh").
    corpus = ["Công an huyện có 12 vụ trộm cắp bên sông; hình ảnh từ camera."] * 3
    restorer = DiacriticRestorer.from_texts(corpus)
    assert "Sông Hinh" in restorer.restore("trom cap o Song Hinh bao nhieu vu")
    assert "ở sông hinh" in restorer.restore("trom cap o song hinh bao nhieu vu")
    assert "hình" in restorer.restore("trom cap song hinh bao nhieu vu")


def test_a_name_the_documents_write_keeps_their_spelling() -> None:
    # "Phu My" folds the district Phù Mỹ and the town Phú Mỹ: documents writing "Phú Mỹ"
    # keep it however the user types the name.
    restorer = DiacriticRestorer.from_texts(
        ["Công an thị xã Phú Mỹ bắt 12 vụ; Phú Mỹ có 8 phường."] * 3
    )
    assert restorer.restore("Phu My co bao nhieu vu").startswith("Phú Mỹ")
    assert "ở phú mỹ" in restorer.restore("o phu my co bao nhieu vu")


def test_measures_asked_are_measures_though_the_corpus_speaks_of_borders() -> None:
    # Border reports write "biên" (border) far more often than "biện pháp" (measure).
    restorer = DiacriticRestorer.from_texts(["Tuần tra biên giới, bảo vệ đường biên."] * 3)
    assert restorer.restore("bien phap gi de phong ngua").startswith("biện pháp gì")


def test_a_deadline_searched_for_is_a_deadline_though_the_corpus_speaks_of_posts() -> None:
    # Reports write "chốt" (a checkpoint) far more often than "hạn chót" (a deadline).
    restorer = DiacriticRestorer.from_texts(["Lập chốt kiểm soát tại ngã ba, chốt trực."] * 3)
    assert restorer.restore("han chot bao cao ket qua").startswith("hạn chót")


def test_a_name_typed_without_its_unit_is_the_province_it_names() -> None:
    # "Phu Yen" folds both the province Phú Yên and the district Phù Yên (Sơn La). Documents
    # naming only the district lead the restorer to it; without "huyện" the province is read.
    corpus = ["Công an huyện Phù Yên tuần tra; huyện Phù Yên có 27 xã, Phù Yên giáp Yên Châu."] * 3
    restorer = DiacriticRestorer.from_texts(corpus)
    assert "Phú Yên" in restorer.restore("Phu Yen co bao nhieu tau ca")
    assert "huyện Phù Yên" in restorer.restore("huyen Phu Yen co bao nhieu xa")


def test_a_count_asked_with_may_is_how_many_though_the_corpus_speaks_of_machines() -> None:
    # Reports write "máy" (a machine: "xuồng máy", "máy bơm") far more than "mấy" (how many).
    corpus = ["Thu giữ xuồng máy, máy bơm, máy cắt; tàu hút cát và máy xúc. Xảy ra vụ cháy máy."]
    restorer = DiacriticRestorer.from_texts(corpus * 3)
    assert "xảy ra mấy vụ" in restorer.restore("thang 10 xay ra may vu chay")


def test_now_and_before_are_asked_though_the_corpus_speaks_of_this_and_full() -> None:
    # Reports write "này" (this) and "đầy" (full) where questions ask "hiện nay", "trước đây".
    corpus = ["Báo cáo này nêu rõ; kế hoạch này đầy đủ, hồ sơ đầy đủ. Nghị quyết này thay thế."]
    restorer = DiacriticRestorer.from_texts(corpus * 3)
    assert "hiện nay trước đây thuộc" in restorer.restore("xa A hien nay truoc day thuoc tinh nao")


def test_a_price_asked_is_a_price_though_the_corpus_speaks_of_families_and_boards() -> None:
    # Reports write "gia đình" and "Ban chỉ đạo" far more than "giá" and "bán" asked of.
    corpus = ["Ban chỉ đạo thăm gia đình; ban công tác mặt trận và gia đình chính sách."]
    restorer = DiacriticRestorer.from_texts(corpus * 3)
    assert "giá bao nhiêu, bán bao nhiêu" in restorer.restore("mua gia bao nhieu, ban bao nhieu")


def test_the_most_asked_is_most_though_the_corpus_speaks_of_updates() -> None:
    # Reports write "cập nhật" (to update) far more than "nhiều nhất" a ranking asks.
    corpus = ["Cập nhật dữ liệu dân cư; cập nhật hồ sơ, cập nhật thông tin cư trú hằng ngày."]
    restorer = DiacriticRestorer.from_texts(corpus * 3)
    assert restorer.restore("huyen nao co nhieu vu nhat").endswith("nhiều vụ nhất")


def test_a_share_asked_is_a_percentage_though_the_corpus_speaks_of_stations() -> None:
    # Reports write "phân" and "trạm" (to assign, a station) where a question asks "phần trăm".
    corpus = ["Phân công trạm kiểm soát; trạm y tế, phân loại, phân cấp quản lý trạm bơm."]
    restorer = DiacriticRestorer.from_texts(corpus * 3)
    assert restorer.restore("dat bao nhieu phan tram").endswith("bao nhiêu phần trăm")


def test_how_many_cases_arrested_is_asked_though_the_corpus_speaks_of_reports() -> None:
    # Reports write "báo cáo", "tin báo" and "nhiều" far more than a count's "bao nhiêu".
    corpus = ["Bắt báo cáo kịp thời; tin báo, thông báo nhiều lần. Báo nhiều nơi, bắt báo về."]
    restorer = DiacriticRestorer.from_texts(corpus * 3)
    assert "bắt bao nhiêu vụ" in restorer.restore("quy III bat bao nhieu vu trom cap")


def test_a_report_s_period_asked_is_restored_as_asked() -> None:
    """ "ky nao" after a report's number asks its period ("kỳ"), though "ký" (signed) is the
    corpus's commoner spelling."""
    corpus = [
        *CORPUS,
        *["Báo cáo đã được ký ngày 12 và gửi các đơn vị; người ký là Trưởng Công an."] * 3,
    ]
    restorer = DiacriticRestorer.from_texts(corpus)
    assert restorer.restore("bao cao 12 thuoc ky nao").endswith("kỳ nào")


def test_whether_a_target_was_reached_is_asked_not_the_land() -> None:
    # A corpus of land records says "đất" (land) far more often than "đạt" (reached).
    restorer = DiacriticRestorer.from_texts(
        ["Chỉ tiêu giao đất ở chưa hoàn thành, đất chưa cấp."] * 3
    )
    assert restorer.restore("chi tieu lam ro dat chua").endswith("đạt chưa")


def test_a_district_the_restorer_cannot_read_is_the_place() -> None:
    """Typed bare in lower case, a district whose syllables the documents never write is
    left half-restored by the model ("muong nhé"): it is the place, written as a name."""
    restorer = DiacriticRestorer.from_texts(["Công an huyện có 12 vụ trộm cắp tài sản."] * 3)
    assert restorer.restore("muong nhe 9 thang co bao nhieu vu").startswith("Mường Nhé ")


def test_nhung_closed_by_an_asking_word_is_the_plural() -> None:
    """ "qua nhung cua khau nao": a corpus where "nhưng" ("but") outnumbers "những" still
    reads the plural before a short noun phrase that "nào"/"gì" closes; "but" opening a
    clause stays."""
    restorer = DiacriticRestorer.from_texts(
        [
            "Số vụ giảm nhưng tính chất phức tạp, nhưng lực lượng còn mỏng.",
            "Tình hình ổn định nhưng còn tiềm ẩn nhiều nguy cơ.",
            "Người dân được đưa về qua cửa khẩu quốc tế.",
            "Có những khó khăn về kinh phí.",
        ]
    )
    assert restorer.restore("dua ve qua nhung cua khau nao") == "đưa về qua những cửa khẩu nào"
    said = "tinh hinh on dinh nhung con tiem an nguy co gi"
    assert restorer.restore(said) == "tình hình ổn định nhưng còn tiềm ẩn nguy cơ gì"
