"""A table's "Cộng các ..." row in a superlative, a count of months after a place's name,
a former rate stated where it is repealed, a commune's name that is a word of money, and
a body asked whether it bears a task it is only proposed (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.former_rates import former_sentences, split_former
from assistant.extractive.periods import asked_period
from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.sentences import split_clauses
from tests.assistant.one_document import invented_passage

ROADS = invented_passage(
    "Bảng: Kết quả 10 tháng năm 2031 trên các tuyến\n\n"
    "| Tuyến | TNGT (vụ) | Người chết | Xử lý vi phạm (trường hợp) |\n"
    "|---|---|---|---|\n"
    "| Quốc lộ 91 | 14 | 9 | 310 |\n"
    "| Quốc lộ 45 | 11 | 12 | 205 |\n"
    "| Quốc lộ 30 | 6 | 3 | 388 |\n"
    "| Cộng các tuyến quốc lộ | 31 | 24 | 903 |",
    "bc.md",
    title="Báo cáo TTATGT 10 tháng năm 2031",
    kind="báo cáo",
    province="Đồng Tháp",
    year=2031,
)


def test_a_row_summing_the_roads_is_no_road_of_a_superlative() -> None:
    """ "Cộng các tuyến ..." sums the rows above; the road with most deaths is a row."""
    answer = ExtractiveAnswerer().build(
        "Tuyến quốc lộ nào ở Đồng Tháp có nhiều người chết nhất?", [ROADS]
    )
    assert "Quốc lộ 45" in answer.answer and "24" not in answer.answer, answer.answer


def test_months_counted_after_a_place_folding_like_thang_are_no_month() -> None:
    """ "xã Chiến Thắng 6 tháng đầu năm": "Thắng 6" folds as "tháng 6", yet the six months
    are asked."""
    assert asked_period("Số vụ cháy xã Chiến Thắng 6 tháng đầu năm 2031") == "first-half"
    assert asked_period("so vu chay xa chien thang 9 thang dau nam 2031") == "months-9"
    assert asked_period("Số vụ cháy tháng 6 năm 2031 ở xã A") == "month-6"


def test_new_and_old_rates_asked_together_and_a_former_rate_stated_where_it_is_repealed() -> None:
    assert split_former("Trợ cấp mai táng cho thành viên tổ: mức mới và mức cũ?") == (
        "Trợ cấp mai táng cho thành viên tổ?"
    )
    clauses = split_clauses(
        "Nghị quyết có hiệu lực từ ngày 01/3/2031. Bãi bỏ điểm b khoản 2 Điều 1 Nghị quyết số "
        "07/2027/NQ-HĐND quy định mức trợ cấp mai táng là 3.000.000 đồng/người."
    )
    found = former_sentences(clauses)
    assert len(found) == 1
    assert "3.000.000" in " ".join(clauses[i].text for i in found[0])


def test_a_commune_named_like_a_word_of_money_asks_no_amount() -> None:
    """ "xã Lương Điền" holds "lương" (salary): the share asked is no amount in đồng."""
    asked = analyse("Tỷ lệ tiêm phòng dại xã Lương Điền đạt bao nhiêu?")
    assert asked.counted.unit == "phần trăm"
    named_only = analyse("Mô hình camera xã Lương Điền đạt bao nhiêu?")
    assert named_only.counted.unit != "đồng"
    assert analyse("Lương cơ sở là bao nhiêu?").counted.unit == "đồng"


PLAN = invented_passage(
    "IV. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Công an tỉnh chủ trì bảo đảm an ninh, trật tự tại các điểm thi.\n\n"
    "2. Sở Y tế bố trí 04 tổ cấp cứu tại các điểm thi.\n\n"
    "3. Đề nghị Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh vận động tăng ni, phật tử "
    "tham gia giữ gìn trật tự tại chùa Phước Long.\n\n"
    "4. Đề nghị Hội Chữ thập đỏ tỉnh cử tình nguyện viên hỗ trợ thí sinh.",
    "kh.md",
    title="Kế hoạch bảo đảm ANTT kỳ thi năm 2031",
    kind="kế hoạch",
    province="Phú Yên",
    year=2031,
)


def test_a_body_asked_whether_it_bears_a_task_is_answered_by_the_item_naming_it() -> None:
    """ "X có phải chịu trách nhiệm ... không", "X có phải là một bên ..." ask whether X
    was given a task: the item naming X tells (here only a proposal, "Đề nghị")."""
    for question in (
        "Hội Chữ thập đỏ tỉnh Phú Yên có phải chịu trách nhiệm theo kế hoạch kỳ thi không?",
        "Hội Chữ thập đỏ Phú Yên có phải là một bên thực hiện kế hoạch kỳ thi không?",
    ):
        assert analyse(question).type == QuestionType.DUTY, question
        answer = ExtractiveAnswerer().build(question, [PLAN]).answer
        assert "Đề nghị Hội Chữ thập đỏ" in answer, answer
    asked = "Ban Trị sự GHPGVN tỉnh Phú Yên có được giao chủ trì giữ trật tự tại chùa không?"
    assert analyse(asked).body is not None
    answer = ExtractiveAnswerer().build(asked, [PLAN]).answer
    assert "Đề nghị Ban Trị sự" in answer, answer
