"""An officer's account announced by "cho biết:", a former province's part that counts
another thing, and the subject a target's second part borrows (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import with_subject, with_target_subject
from assistant.extractive.preferences import tells_offenders_doing
from assistant.passages import Passage
from index.records import DocumentMetadata
from tests.assistant.one_document import invented_passage

CROSSINGS = invented_passage(
    "Đường dây đưa người xuất cảnh trái phép sang Lào vừa bị triệt phá, bắt 06 đối tượng.\n\n"
    "Trao đổi với phóng viên, Thượng tá Vi Văn Tám, Phó Trưởng phòng PC02 cho biết: "
    '"Các đối tượng chia thành nhiều khâu: tuyển người qua mạng, đón ở bến xe, đưa qua '
    'đường mòn vào ban đêm. Tiền được chuyển qua tài khoản thuê của người khác."\n\n'
    "Vụ án đang được mở rộng điều tra.",
    "tin.html",
    title="Triệt phá đường dây đưa người xuất cảnh trái phép",
    kind="tin bài",
    province="Nghệ An",
)


def test_an_account_announced_by_cho_biet_is_quoted_with_it() -> None:
    """ "... cho biết:" says who speaks; the quotation after it says how the ring works."""
    answer = (
        ExtractiveAnswerer()
        .build(
            "Đường dây đưa người xuất cảnh trái phép sang Lào hoạt động bằng cách nào?", [CROSSINGS]
        )
        .answer
    )
    assert "đường mòn vào ban đêm" in answer, answer


def test_a_former_province_s_part_counting_another_thing_is_no_figure_of_it() -> None:
    """ "Toàn tỉnh có 42 trạm cân ..., trong đó khu vực A cũ có 131 cầu yếu" tells no
    weighing stations of A."""
    text = (
        "Toàn tỉnh có 42 trạm cân tải trọng và 190 cầu yếu, trong đó khu vực tỉnh Hải Dương "
        "cũ có 131 cầu yếu."
    )
    metadata = DocumentMetadata(
        province="Hải Phòng", year=2025, issued_on="2025-10-02", title="Báo cáo TTATGT đường bộ"
    )
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    answerer = ExtractiveAnswerer()
    assert answerer.build(
        "Khu vực Hải Dương cũ có bao nhiêu trạm cân tải trọng?", [passage]
    ).refused
    told = answerer.build("Khu vực Hải Dương cũ có bao nhiêu cầu yếu?", [passage])
    assert "131 cầu yếu" in told.answer, told.answer


def test_a_target_asked_after_a_share_borrows_what_the_share_is_of() -> None:
    """ "X đạt bao nhiêu %, mục tiêu đến 2031 là bao nhiêu?": the target of X, not of "%"."""
    tail = with_target_subject(
        "Tàu cá ở Bình Định lắp thiết bị giám sát hành trình đạt bao nhiêu %",
        "mục tiêu đến 2031 là bao nhiêu?",
        2,
    )
    assert "thiết bị giám sát hành trình" in tail and "về %" not in tail


def test_a_result_asked_after_a_target_borrows_the_target_s_subject() -> None:
    """ "A đặt mục tiêu bao nhiêu % xã an toàn về ANTT đến 2031, nay được mấy?": what
    the target is of, without its deadline."""
    tail = with_subject(
        "CT 15 đặt mục tiêu bao nhiêu % xã an toàn về ANTT đến 2031", "nay được bao nhiêu?", 1
    )
    assert tail == "xã an toàn về ANTT nay được bao nhiêu?"


def test_a_ring_acted_upon_is_no_account_of_its_doings() -> None:
    assert not tells_offenders_doing(
        "Đường dây đưa người sang Lào vừa bị triệt phá, bắt 06 đối tượng."
    )
    assert tells_offenders_doing(
        "Từ tháng 3/2030 đến khi bị phát hiện, đường dây này sử dụng 4 tàu cá hoán cải."
    )


def test_a_result_borrows_no_target_s_school_year() -> None:
    tail = with_subject(
        "Tỉnh đặt mục tiêu bao nhiêu trường có mô hình cổng trường ATGT năm học 2030-2031",
        "năm học trước có bao nhiêu?",
        2,
    )
    assert tail == "trường có mô hình cổng trường ATGT năm học trước có bao nhiêu?"
