"""How a ring works is told by what its members do, not by the tally of what they did
("đường dây đã cho 1.500 lượt người vay"), nor by what the police say they did ("Chúng tôi
đã lập 03 chốt") (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.preferences import tells_offenders_doing, tells_tally
from tests.assistant.one_document import invented_passage

LENDERS = invented_passage(
    "Phòng PC02 Công an tỉnh vừa triệt phá đường dây cho vay lãi nặng do Lò Văn Kiên cầm "
    "đầu. Trong hơn 2 năm, đường dây này đã cho hơn 1.540 lượt người vay với tổng số tiền "
    "hơn 41,2 tỷ đồng.\n\n"
    "Sáng 12/3/2031, lực lượng chức năng khám xét 05 địa điểm, tạm giữ 11 đối tượng.\n\n"
    "Trao đổi với phóng viên, Thượng tá Hà Văn Lực, Phó Trưởng phòng PC02 cho biết: "
    '"Các đối tượng chia khoản vay thành nhiều kỳ góp theo ngày, giữ lại giấy đăng ký xe của '
    'người vay và thu trước một phần tiền lãi ngay khi giải ngân."',
    "tin.html",
    title="Triệt phá đường dây cho vay lãi nặng",
    kind="tin bài",
    province="Sơn La",
)


def test_a_tally_of_what_a_ring_did_tells_not_how() -> None:
    assert tells_tally("Trong hơn 2 năm, đường dây này đã cho hơn 1.540 lượt người vay.")
    assert tells_tally("Đến khi bị bắt, các đối tượng đã bán khoảng 300 khẩu súng.")
    # ... unlike what they use or when they act, which are their ways
    assert not tells_tally("Các đối tượng lập 12 trang Facebook giả mạo để nhận tiền cọc.")
    assert not tells_tally("Chúng thường ra tay từ 1 giờ đến 3 giờ sáng.")
    assert not tells_tally("Đến khi bị phát hiện, đường dây đã sử dụng 6 tàu cá hoán cải.")


def test_the_police_speaking_are_no_offenders() -> None:
    assert not tells_offenders_doing('"Chúng tôi đã lập 03 chốt kiểm soát trên tuyến đê."')
    assert tells_offenders_doing('"Chúng thường chọn đoạn đê vắng, ra tay lúc rạng sáng."')


def test_a_ring_s_ways_are_answered_before_its_tally() -> None:
    for question in (
        "Đường dây cho vay lãi nặng do Lò Văn Kiên cầm đầu hoạt động ra sao?",
        "thu doan cua duong day cho vay lai nang o Son La the nao",
    ):
        answer = ExtractiveAnswerer().build(question, [LENDERS]).answer
        assert "nhiều kỳ góp theo ngày" in answer, (question, answer)
