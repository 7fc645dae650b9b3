"""One thing asked at two places, each side with words of its own after the place ("... ở
Phù Yên mùa lễ hội 2031 và ở xã Tân Mỹ sau sáp nhập là gì?"), or of two places' bodies
named before what both are asked ("Công an tỉnh A và Công an xã B đề xuất trang bị gì?"):
each place is asked on its own, and each answers from its own document (invented reports)."""

from __future__ import annotations

import pytest

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_places
from tests.assistant.one_document import invented_passage


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Thủ đoạn trộm cắp ở Phù Yên mùa lễ hội 2031 và ở xã Tân Mỹ sau sáp nhập là gì?",
            [
                "Thủ đoạn trộm cắp ở Phù Yên mùa lễ hội 2031 là gì?",
                "Thủ đoạn trộm cắp ở xã Tân Mỹ sau sáp nhập là gì?",
            ],
        ),
        (
            "Công an tỉnh Sơn La và Công an xã Tân Mỹ đề xuất trang bị những phương tiện gì?",
            [
                "Công an tỉnh Sơn La đề xuất trang bị những phương tiện gì?",
                "Công an xã Tân Mỹ đề xuất trang bị những phương tiện gì?",
            ],
        ),
        # (not two things at one place, nor a body with no place of its own, nor the two
        # compared, which one answer cites each of)
        ("Thủ đoạn ở đây và ở kia là gì?", ["Thủ đoạn ở đây và ở kia là gì?"]),
        (
            "Mức hỗ trợ ở Phù Yên và ở Tân Mỹ khác nhau thế nào?",
            ["Mức hỗ trợ ở Phù Yên và ở Tân Mỹ khác nhau thế nào?"],
        ),
        (
            "Công an huyện và Phòng GD&ĐT phải làm gì?",
            ["Công an huyện và Phòng GD&ĐT phải làm gì?"],
        ),
    ],
)
def test_one_thing_asked_at_two_places_is_asked_of_each(question: str, parts: list[str]) -> None:
    assert split_places(question) == parts


def test_each_body_s_proposal_answers_from_its_own_report() -> None:
    province = invented_passage(
        "IV. ĐỀ XUẤT, KIẾN NGHỊ\n\n- Đề nghị Bộ Công an trang bị cho Công an tỉnh 02 xuồng "
        "cứu nạn cao tốc.",
        "bc-tinh.md",
        title="Báo cáo công tác cứu nạn, cứu hộ năm 2031",
        province="Sơn La",
        year=2031,
    )
    commune = invented_passage(
        "III. KIẾN NGHỊ\n\n- Đề nghị Công an tỉnh trang bị cho Công an xã 30 áo phao và 01 "
        "máy bộ đàm.",
        "bc-xa.txt",
        title="Báo cáo kết quả công tác tháng 11 năm 2031 của Công an xã Tân Mỹ",
        province="Sơn La",
        year=2031,
    )
    asked = "Công an tỉnh Sơn La và Công an xã Tân Mỹ đề xuất trang bị những phương tiện gì?"
    answer = ExtractiveAnswerer().build(asked, [province, commune])
    assert "02 xuồng" in answer.answer and "30 áo phao" in answer.answer, answer.answer
