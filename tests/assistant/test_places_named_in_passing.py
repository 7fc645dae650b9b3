"""A district named only in brackets saying where part of a province's figure fell ("cháy rừng
9 vụ (diện tích 21,6 ha, chủ yếu tại huyện A, B)") is no count of that district's; a bracket
giving the district's own figure ("(huyện A: 3 vụ)") is (invented report)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from tests.assistant.one_document import invented_passage


def _report(sentence: str) -> object:
    return invented_passage(
        "I. TÌNH HÌNH CHÁY, NỔ NĂM 2031\n\n" + sentence,
        title="Báo cáo công tác phòng cháy, chữa cháy năm 2031",
        province="Ninh Thuận",
        year=2031,
    )


def test_a_district_named_where_the_province_s_figure_fell_is_refused() -> None:
    report = _report(
        "Toàn tỉnh xảy ra 38 vụ cháy, trong đó cháy rừng 9 vụ (diện tích bị cháy 21,6 ha, chủ "
        "yếu tại huyện Ninh Sơn, Bác Ái)."
    )
    answer = ExtractiveAnswerer().build("huyen Bac Ai nam 2031 xay ra may vu chay", [report])
    assert answer.refused, answer.answer


def test_a_district_s_own_figure_in_brackets_answers() -> None:
    report = _report("Toàn tỉnh xảy ra 38 vụ cháy (huyện Bác Ái: 6 vụ, huyện Ninh Sơn: 5 vụ).")
    answer = ExtractiveAnswerer().build("huyen Bac Ai nam 2031 xay ra may vu chay", [report])
    assert not answer.refused and "6 vụ" in answer.answer, answer.answer
