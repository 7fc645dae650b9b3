"""A unit asked by its code owns the item of the body whose parenthesis names it (invented
plan)."""

from __future__ import annotations

from assistant.extractive.bodies import owns


def test_a_code_closing_a_bodys_parenthesis_names_the_items_owner() -> None:
    item = "1. Công an tỉnh (Phòng Cảnh sát PCCC và CNCH - PC07) chủ trì, phối hợp với các sở:"
    assert owns("pc07 cong an", item)
    partner = (
        "2. Sở Xây dựng chủ trì, phối hợp với Công an tỉnh (Phòng Cảnh sát PCCC và CNCH - "
        "PC07) hướng dẫn cải tạo lối thoát nạn cho các khu nhà trọ trên địa bàn toàn tỉnh."
    )
    assert not owns("pc07 cong an", partner)


def test_a_partner_asked_as_the_lead_gets_its_part_and_who_leads() -> None:
    """ "Đồn Biên phòng có phải là đơn vị chủ trì thực hiện Chỉ thị không?": its own part
    (a heading over its paragraph) and the body that is the standing one."""
    from assistant.extractive.answerer import ExtractiveAnswerer
    from assistant.extractive.question import analyse
    from assistant.passages import Passage
    from index.records import DocumentMetadata

    assert analyse("Đồn Biên phòng có phải là đơn vị chủ trì không?").body == "don bien phong"
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Đảng ủy Công an huyện\n\n"
        "a) Lãnh đạo Công an huyện nắm chắc tình hình khu vực biên giới.\n"
        "b) Là cơ quan thường trực, giúp Ban Thường vụ Huyện ủy theo dõi, tổng hợp kết quả "
        "thực hiện Chỉ thị.\n\n"
        "2. Đề nghị Đảng ủy các Đồn Biên phòng trên địa bàn huyện\n\n"
        "Phối hợp với Công an huyện duy trì tuần tra song phương, trao đổi thông tin về "
        "công dân xuất cảnh trái phép.\n\n"
        "3. Ban Tuyên giáo Huyện ủy\n\n"
        "Chủ trì, phối hợp với Trung tâm Văn hóa huyện tuyên truyền bằng tiếng dân tộc."
    )
    meta = DocumentMetadata(year=2027, title="Chỉ thị về biên giới", province="Lai Châu")
    passage = Passage("ct.txt#0", "ct.txt", text, 0, len(text), 0.5, meta)
    answer = (
        ExtractiveAnswerer()
        .build("Đồn Biên phòng có phải là đơn vị chủ trì thực hiện Chỉ thị không?", [passage])
        .answer
    )
    assert "tuần tra song phương" in answer and "cơ quan thường trực" in answer, answer
    assert "tiếng dân tộc" not in answer


def test_two_bodies_asked_together_are_each_named() -> None:
    from assistant.extractive.bodies import names_body

    both = "vien kiem sat nhan dan va toa an nhan dan"
    assert names_body(both, "9. Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh")
    assert not names_body(both, "9. Đề nghị Viện Kiểm sát nhân dân tỉnh phối hợp")
    one = "so lao dong thuong binh va xa hoi"  # one body whose name holds "và"
    assert names_body(one, "4. Sở Lao động - Thương binh và Xã hội chủ trì")
