"""A clause going on from a paragraph about another province, parts asked before their
places or as "đạt chưa, vì sao", a year's change told in the next sentence, and a signer
whose name opens the passage after its titles (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks, split_places, split_years
from assistant.extractive.question import QuestionType, analyse
from index.extraction.records import DocumentIdentity, Extraction
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts, invented_passage


def test_a_clause_going_on_from_another_province_s_paragraph_is_of_that_province() -> None:
    news = invented_passage(
        "Theo Công an tỉnh Phú Yên, năm 2031 toàn tỉnh xảy ra 205 vụ trộm cắp tài sản. Lực "
        "lượng Công an đã điều tra làm rõ 160 vụ, đạt 78,05%. Tài sản trộm được đưa sang "
        "tỉnh Ninh Thuận tiêu thụ.",
        "tin.html",
        year=2031,
        title="Triệt phá băng nhóm trộm cắp liên tỉnh",
        kind="tin bài",
    )
    answer = ExtractiveAnswerer().build("Năm 2031 Ninh Thuận làm rõ bao nhiêu vụ trộm cắp?", [news])
    assert answer.refused, answer.answer
    told = ExtractiveAnswerer().build("Năm 2031 Phú Yên làm rõ bao nhiêu vụ trộm cắp?", [news])
    assert "160 vụ" in told.answer, told.answer


def test_officers_abbreviated_cbcs_are_counted() -> None:
    plan = invented_passage(
        "1. Bố trí 85 cán bộ, chiến sĩ bảo đảm an ninh, trật tự tại lễ hội đua thuyền.",
        "kh.md",
        year=2031,
        title="Kế hoạch bảo đảm ANTT lễ hội đua thuyền năm 2031",
        kind="kế hoạch",
        province="Quảng Ngãi",
    )
    answer = ExtractiveAnswerer().build("Lễ hội đua thuyền bố trí bao nhiêu CBCS?", [plan])
    assert "85 cán bộ, chiến sĩ" in answer.answer, answer.answer


def test_parts_asked_before_their_places_or_as_met_and_why() -> None:
    assert split_places("đề xuất lắp thêm bao nhiêu camera ở phường Ninh Hiệp và xã Yên Viên?") == [
        "đề xuất lắp thêm bao nhiêu camera ở phường Ninh Hiệp?",
        "đề xuất lắp thêm bao nhiêu camera ở xã Yên Viên?",
    ]
    assert split_places(
        "Đợt cao điểm của CA huyện Gia Lâm và CA tỉnh Bắc Ninh bắt đầu ngày nào?"
    ) == [
        "Đợt cao điểm của CA huyện Gia Lâm bắt đầu ngày nào?",
        "Đợt cao điểm của CA tỉnh Bắc Ninh bắt đầu ngày nào?",
    ]
    assert split_asks("Tỷ lệ tiêm phòng xã A đạt chỉ tiêu chưa, vì sao?") == [
        "Tỷ lệ tiêm phòng xã A đạt chỉ tiêu chưa",
        "vì sao?",
    ]
    assert split_asks("Thôn B có được hỗ trợ camera không, mức bao nhiêu?") == [
        "Thôn B có được hỗ trợ camera không",
        "mức bao nhiêu?",
    ]
    assert analyse("chi tieu khoi to toi pham moi truong nam 2031 dat chua").type == (
        QuestionType.YES_NO
    )


def test_a_year_s_change_told_in_the_next_sentence_is_quoted_with_its_figure() -> None:
    question = "Số vụ cháy năm 2031 tỉnh Phú Yên so với năm 2030 thế nào?"
    assert split_years(question)[0] == question
    report = invented_passage(
        "Năm 2031, trên địa bàn tỉnh xảy ra 48 vụ cháy, thiệt hại 12 tỷ đồng. So với năm "
        "2030: giảm 06 vụ (-11,11%), giảm 3 tỷ đồng.",
        "bc.md",
        year=2031,
        title="Báo cáo công tác PCCC năm 2031",
        province="Phú Yên",
    )
    answer = ExtractiveAnswerer().build(question, [report]).answer
    assert "48 vụ cháy" in answer and "giảm 06 vụ (-11,11%)" in answer, answer


def test_a_signer_s_name_opening_its_passage_is_told_with_the_titles_above_it() -> None:
    meta = DocumentMetadata(
        year=2031, title="Kế hoạch bảo đảm ANTT năm 2031", province="Phú Yên", kind="kế hoạch"
    )
    library = document_in_parts(
        "kh.md",
        [
            "VI. CHẾ ĐỘ BÁO CÁO\n\nCác sở báo cáo định kỳ hằng quý.\n\n"
            "| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n|---|---|\n"
            "| - Bộ Công an; | KT. CHỦ TỊCH |\n| - TT Tỉnh ủy; | PHÓ CHỦ TỊCH |\n"
            "| - Các sở, ngành; | |",
            "| - Lưu: VT, NC. | **Trần Văn Bình** |",
        ],
        meta,
        gap="\n",
    )
    # What extraction read of the document: the signer's name (the block split by the cut).
    extraction = Extraction(identity=DocumentIdentity(signer="Trần Văn Bình"))
    library.extraction_of = lambda source: extraction  # type: ignore[method-assign]
    answer = ExtractiveAnswerer(library=library).build(
        "Ai ký kế hoạch bảo đảm ANTT năm 2031 của Phú Yên, chức vụ gì?", library.passages
    )
    assert "Trần Văn Bình" in answer.answer and "PHÓ CHỦ TỊCH" in answer.answer, answer.answer
