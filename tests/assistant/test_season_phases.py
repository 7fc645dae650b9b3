"""A phase of one season ("Riêng giai đoạn cao điểm chính vụ xảy ra 9 vụ") is no figure summed
over years as "giai đoạn 2026 - 2030" is: asked in the season's year, the phase's clause is
of that year (invented report)."""

from __future__ import annotations

from assistant.extractive.candidates import score_candidates
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import analyse
from assistant.extractive.years import year_agrees
from tests.assistant.one_document import invented_passage

REPORT = invented_passage(
    "II. KẾT QUẢ\n\n"
    "- Trong mùa thu hoạch cà phê năm 2031 xảy ra 17 vụ trộm cắp tài sản.\n\n"
    "Riêng giai đoạn cao điểm chính vụ xảy ra 9 vụ.\n\n"
    "Giai đoạn 2026 - 2030 xảy ra 212 vụ trộm cắp tài sản.",
    title="Báo cáo kết quả bảo đảm an ninh, trật tự mùa thu hoạch cà phê năm 2031",
    province="Đắk Lắk",
    year=2031,
)


def test_a_phase_of_the_season_is_of_the_season_s_year() -> None:
    analysis = analyse("Cao điểm chính vụ cà phê 2031 xảy ra mấy vụ trộm cắp tài sản?")
    ranking = score_candidates(analysis, read_passages(analysis, [REPORT]))
    agrees = {c.clause.text: year_agrees(analysis, c) for c in ranking.candidates}
    assert agrees["Riêng giai đoạn cao điểm chính vụ xảy ra 9 vụ."]
    assert not agrees["Giai đoạn 2026 - 2030 xảy ra 212 vụ trộm cắp tài sản."]
