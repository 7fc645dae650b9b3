"""A day told after a few words leading it on from the sentence before ("Tiếp đó, ngày
2/12/2031, ...", "Mở rộng điều tra, ngày ...") dates its clause as a day fronting it does:
asked of another month, the clause is no answer, and the refusal names its month (invented
news)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.periods import periods_in
from tests.assistant.one_document import invented_passage

NEWS = invented_passage(
    "Ngày 28/11/2031, tổ công tác Công an huyện Hòa Vang bắt quả tang 02 đối tượng vận "
    "chuyển pháo.\n\n"
    "Mở rộng điều tra, ngày 02/12/2031, công an khám xét kho hàng của Trần Văn Hải, thu giữ "
    "thêm 215 kg pháo nổ.",
    "tin.html",
    title="Hòa Vang: thu giữ 215 kg pháo nổ",
    kind="tin bài",
    province="Đà Nẵng",
    year=2031,
)


def test_a_day_after_words_leading_it_on_dates_its_clause() -> None:
    assert periods_in("Mở rộng điều tra, ngày 02/12/2031, công an khám xét") == {"day-12"}
    assert periods_in("Tiếp đó, ngày 3/10, bắt 02 đối tượng") == {"day-10"}
    asked = "Tháng 10/2031 công an Hòa Vang thu giữ bao nhiêu kg pháo nổ?"
    answer = ExtractiveAnswerer().build(asked, [NEWS])
    # ... refused, saying the month the documents do have
    assert answer.refused and "tháng 12 năm 2031" in answer.answer, answer.answer
    answer = ExtractiveAnswerer().build(
        "Tháng 12/2031 công an Hòa Vang thu giữ bao nhiêu kg pháo nổ?", [NEWS]
    )
    assert not answer.refused and "215 kg" in answer.answer, answer.answer
