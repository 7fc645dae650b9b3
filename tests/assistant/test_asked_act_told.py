"""Asked how offenders do one act ("... ngụy trang hàng bằng cách nào?"), the sentence saying
how that very act is done ("..., ngụy trang là thùng sữa, bánh kẹo") answers, though it
names a person rather than "các đối tượng", over an officer's account of their ways in
general (invented news)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.preferences import states_asked_manner
from assistant.extractive.question import analyse
from index.records import DocumentMetadata
from tests.assistant.one_document import document_in_parts

NEWS = document_in_parts(
    "tin.html",
    [
        "(ANTĐ) - Công an tỉnh Lạng Sơn vừa triệt phá đường dây buôn lậu thuốc lá điếu qua "
        "biên giới, bắt giữ 05 đối tượng, thu giữ 12.000 bao thuốc lá.",
        "Từ tháng 3/2031, Nông Văn Khải thuê người gùi thuốc lá qua đường mòn, chở về xuôi "
        "bằng xe tải, ngụy trang là thùng sữa, bánh kẹo, rồi bán cho các đại lý.",
        'Trung tá Hoàng Văn Phúc cho biết: "Các đối tượng liên lạc qua mạng xã hội, liên tục '
        'thay đổi số điện thoại, chỉ giao hàng vào ban đêm".',
    ],
    DocumentMetadata(
        title="Lạng Sơn: triệt phá đường dây buôn lậu thuốc lá điếu",
        kind="tin bài",
        province="Lạng Sơn",
        year=2031,
    ),
    gap="\n\n",
)


def test_the_sentence_telling_the_asked_act_answers() -> None:
    asked = "Đường dây buôn lậu thuốc lá ở Lạng Sơn ngụy trang hàng bằng cách nào?"
    answer = ExtractiveAnswerer(library=NEWS).build(asked, NEWS.passages)
    assert "thùng sữa" in answer.answer.split("[1]")[0], answer.answer


def test_the_asked_act_is_read_with_the_manner_said_after_it() -> None:
    asked = analyse("Cac doi tuong nguy trang hang bang cach nao")
    assert states_asked_manner(asked, "Hắn ngụy trang là thùng sữa, bánh kẹo.")
    assert not states_asked_manner(asked, "Các đối tượng ngụy trang rất tinh vi.")
    # the question's frame ("các đối tượng", "bằng cách nào") is no act of its own
    assert not states_asked_manner(asked, "Các đối tượng là người địa phương.")
    # ... nor asked by the ways' label, which asks how they work at large
    label = analyse("Thủ đoạn ngụy trang hàng của các đối tượng là gì?")
    assert not states_asked_manner(label, "Hắn ngụy trang là thùng sữa, bánh kẹo.")
    # ... and, read with marks, "thuốc lá" is no "là"
    marked = analyse("Đường dây buôn lậu thuốc lá ngụy trang hàng thế nào?")
    assert not states_asked_manner(marked, "Nhóm buôn lậu thuốc lá điếu qua biên giới.")
