"""A season the question names by the words before its year ("mùa du lịch hè 2031") is
answered by the sentence singling it out ("Riêng mùa du lịch hè xảy ra 33 vụ"), though its
paragraph tells nine months and it sets last year's figure beside it in brackets ("(hè năm
2030: 39 vụ)"); a death by drowning is counted however it is told (invented reports)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from tests.assistant.one_document import invented_passage

REPORT = invented_passage(
    "1. Phòng ngừa tội phạm xâm hại khách du lịch\n\n"
    "9 tháng năm 2031 xảy ra 96 vụ phạm pháp hình sự có nạn nhân là khách du lịch (giảm 08 "
    "vụ so với cùng kỳ); đã điều tra làm rõ 81 vụ. Cơ cấu: trộm cắp tài sản 52 vụ, lừa đảo "
    "chiếm đoạt tài sản 17 vụ, các tội khác 27 vụ. Riêng mùa du lịch hè xảy ra 33 vụ (hè năm "
    "2030: 39 vụ).",
    "bc.md",
    title="Báo cáo công tác bảo đảm an ninh, trật tự du lịch 9 tháng năm 2031",
    kind="báo cáo",
    province="Quảng Ninh",
    year=2031,
)


def test_a_season_named_as_the_question_names_it_is_answered() -> None:
    for question in (
        "Riêng mùa du lịch hè 2031, Quảng Ninh xảy ra bao nhiêu vụ phạm pháp hình sự mà nạn "
        "nhân là khách du lịch?",
        "mua du lich he 2031 Quang Ninh bao nhieu vu pham phap hinh su nan nhan la khach du lich",
    ):
        answer = ExtractiveAnswerer().build(question, [REPORT])
        assert "33 vụ" in answer.answer.split("[1]")[0], (question, answer.answer)


def test_drowned_is_said_as_died_of_drowning() -> None:
    """ "trẻ em chết đuối" are counted as "trẻ em tử vong do đuối nước"."""
    report = invented_passage(
        "Năm 2030, toàn huyện phát hiện 09 vụ xâm hại trẻ em. Toàn huyện có 41 cặp tảo hôn; "
        "05 trẻ em tử vong do đuối nước trên sông Đà và các suối.",
        "ct.md",
        title="Chỉ thị về phòng, chống xâm hại trẻ em năm 2031",
        kind="chỉ thị",
        province="Lai Châu",
        year=2031,
    )
    for question in (
        "Năm 2030 có bao nhiêu trẻ em chết đuối?",
        "nam 2030 bao nhieu tre em chet duoi",
    ):
        answer = ExtractiveAnswerer().build(question, [report])
        assert "05 trẻ em tử vong do đuối nước" in answer.answer, (question, answer.answer)
