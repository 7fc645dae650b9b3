"""Months labelling an item, "trật tự xã hội" in a search, and a target asked of two
places (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_places
from assistant.extractive.periods import names_whole_year, periods_in
from assistant.extractive.question import QuestionType, analyse
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

COMMUNE = DocumentMetadata(
    year=2031,
    title="Báo cáo kết quả công tác tháng 11 và 11 tháng năm 2031 của Công an xã Ia Băng",
    province="Gia Lai",
    kind="báo cáo",
    issued_on="2031-11-16",
)


def test_months_labelling_an_item_are_the_year_s_months() -> None:
    assert periods_in("- 11 tháng: xảy ra 21 vụ") == {"months-11"}
    assert periods_in("- Tháng 11: xảy ra 02 vụ") == {"month-11"}
    assert periods_in("bị phạt tù 11 tháng: chấp hành xong") == set()
    assert periods_in("- 03 tháng: xảy ra 13 vụ") == set()  # may run from a merger on 1/7
    assert names_whole_year("- Năm 2031: xảy ra 14 vụ", (2031,))  # an item labelled a year
    # A search for the figure: "xã hội" is no commune's unit word cutting it in two.
    searched = analyse("Tội phạm trật tự xã hội 11 tháng năm 2031 xã Ia Băng")
    assert searched.type == QuestionType.COUNT
    library = document_in_parts(
        "bc.txt",
        [
            "Công an xã Ia Băng báo cáo kết quả công tác như sau:\n\n1. Tội phạm về trật tự xã "
            "hội\n\n- Tháng 11: xảy ra 02 vụ trộm cắp tài sản.",
            "- 11 tháng: xảy ra 21 vụ, giảm 04 vụ so với cùng kỳ năm 2030.",
        ],
        COMMUNE,
        gap="\n",
    )
    answer = ExtractiveAnswerer(library=library).build(
        "Tội phạm trật tự xã hội 11 tháng năm 2031 xã Ia Băng", library.passages
    )
    assert "21 vụ" in answer.answer.split("[1]")[0], answer.answer


def test_a_target_asked_of_two_places_is_asked_of_each() -> None:
    assert split_places("Chỉ tiêu tiêm phòng dại năm 2031 của Chư Păh và Đak Đoa") == [
        "Chỉ tiêu tiêm phòng dại năm 2031 của Chư Păh là bao nhiêu",
        "Chỉ tiêu tiêm phòng dại năm 2031 của Đak Đoa là bao nhiêu",
    ]
