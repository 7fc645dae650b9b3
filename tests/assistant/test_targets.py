"""What was reached against a target, and a target's figure asked with what was reached
(invented reports)."""

from __future__ import annotations

from assistant.extractive.answerer import _TARGET_ASKED_RE, ExtractiveAnswerer, _sets_target
from assistant.extractive.asks import split_asks, with_subject, with_target_subject
from assistant.extractive.candidates import Candidate
from assistant.extractive.passage_views import read_passages
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata
from index.vietnamese import fold

REPORT = (
    "II. KẾT QUẢ\n\n"
    "Năm 2024, Công an huyện tiếp nhận 5.210 hồ sơ cấp căn cước; tỷ lệ kích hoạt tài khoản "
    "VNeID mức 2 trên số công dân đủ điều kiện đạt 64,7%, chưa đạt chỉ tiêu 72% Công an tỉnh "
    "giao.\n\n"
    "- Tỷ lệ kích hoạt tài khoản định danh điện tử mức 2 chưa đạt chỉ tiêu do nhiều thanh niên "
    "đi làm ăn xa.\n\n"
    "Trong 02 tháng đầu năm 2025, toàn huyện tiếp nhận 610 hồ sơ. "
    "Đến cuối năm 2024 mới có 7/19 xã, thị trấn đạt tiêu chí an toàn về ANTT.\n\n"
    "III. NHIỆM VỤ NĂM 2025\n\n"
    "1. Đến ngày 30/6/2025 tỷ lệ kích hoạt định danh điện tử mức 2 đạt 72%.\n"
    "2. Phấn đấu đến hết năm 2028 có ít nhất 40% xã, thị trấn đạt tiêu chí an toàn về ANTT."
)
META = DocumentMetadata(
    title="Báo cáo tổng kết năm 2024", year=2024, province="Lào Cai", district="Mường Khương"
)


def _first_quote(question: str) -> str:
    passage = Passage("bc.txt#0", "bc.txt", REPORT, 0, len(REPORT), 0.5, META)
    answer = ExtractiveAnswerer().build(question, [passage])
    assert not answer.refused, question
    return answer.answer.split("[1]")[0]


def test_what_was_reached_against_a_target_is_the_figure_beside_the_target() -> None:
    """ "đạt bao nhiêu so với chỉ tiêu", "có đạt chỉ tiêu không, đạt bao nhiêu": the clause
    giving the figure reached with its target, not the task setting the target nor the
    cause of missing it."""
    for question in (
        "ty le kich hoat dinh danh dien tu muc 2 o muong khuong dat bao nhieu so voi chi tieu",
        "Huyện có đạt chỉ tiêu kích hoạt định danh điện tử mức 2 không, đạt bao nhiêu?",
    ):
        first = _first_quote(question)
        assert "64,7%" in first and "72%" in first, question


def test_the_second_of_two_quantities_borrows_the_firsts_subject() -> None:
    """ "Chỉ tiêu X đến 2028 là bao nhiêu, cuối 2024 đạt bao nhiêu?": the second part asks
    how much of X was reached by the end of 2024, without the target's year."""
    question = (
        "Chỉ tiêu xã, thị trấn đạt tiêu chí an toàn về ANTT đến năm 2028 là bao nhiêu, "
        "cuối năm 2024 đạt bao nhiêu?"
    )
    head, tail = split_asks(question)
    borrowed = with_subject(head, tail, len(analyse(tail).terms))
    assert borrowed.startswith("xã, thị trấn đạt tiêu chí an toàn về ANTT cuối năm 2024")
    answer = ExtractiveAnswerer().build(
        question, [Passage("bc.txt#0", "bc.txt", REPORT, 0, len(REPORT), 0.5, META)]
    )
    assert "40%" in answer.answer and "7/19" in answer.answer
    # A part asking no quantity, or naming its own subject, is left as asked.
    assert with_subject("Nghị quyết 12/2024 ban hành ngày nào", "áp dụng từ ngày nào?", 2) == (
        "áp dụng từ ngày nào?"
    )


def test_a_result_asked_of_a_plan_is_not_its_target() -> None:
    """A plan says what it aims at: "kết quả ... giảm được bao nhiêu" asks what was reached,
    which the plan does not tell; its target answers the target asked."""
    plan = (
        "KẾ HOẠCH phòng cháy, chữa cháy rừng mùa khô năm 2027\n\n"
        "3. Chỉ tiêu mùa khô năm 2027:\n\n"
        "- Giảm ít nhất 25% số vụ cháy rừng so với mùa khô năm 2026.\n\n"
        "- 100% xã có rừng kiện toàn Ban Chỉ huy phòng cháy, chữa cháy rừng."
    )
    meta = DocumentMetadata(
        title="Kế hoạch PCCCR 2027", year=2027, province="Kon Tum", kind="kế hoạch"
    )
    passage = Passage("kh.txt#0", "kh.txt", plan, 0, len(plan), 0.5, meta)
    answerer = ExtractiveAnswerer()
    reached = answerer.build(
        "Kết quả mùa khô 2027 Kon Tum giảm được bao nhiêu % số vụ cháy rừng?", [passage]
    )
    assert "25%" not in reached.answer, reached.answer
    aimed = answerer.build(
        "chi tieu mua kho 2027 kon tum giam bao nhieu phan tram so vu chay rung", [passage]
    )
    assert "Giảm ít nhất 25%" in aimed.answer, aimed.answer


def test_what_reached_asked_with_the_target_by_its_noun_alone_is_not_the_task() -> None:
    """ "... đạt bao nhiêu %, chỉ tiêu năm 2027": two parts (the second asked by its noun
    alone), and "đạt bao nhiêu" asks what was reached, not a task's "đạt 70%"."""
    assert split_asks("ty le kich hoat dinh danh muc 2 dat bao nhieu, chi tieu 2027") == [
        "ty le kich hoat dinh danh muc 2 dat bao nhieu",
        "chi tieu 2027 la bao nhieu?",
    ]
    assert analyse("Tỷ lệ kích hoạt đạt bao nhiêu %?").counted.unit == "phần trăm"
    report = (
        "1. Quản lý hành chính\n\n"
        "9 tháng cấp 4.120 thẻ căn cước; kích hoạt 3.900 tài khoản VNeID mức 2, đạt 61,5% số "
        "công dân đủ điều kiện (chỉ tiêu năm 2027 là 70%).\n\n"
        "2. Nhiệm vụ quý IV\n\n"
        "3. Phấn đấu tỷ lệ kích hoạt tài khoản định danh điện tử mức 2 trên ứng dụng VNeID đạt "
        "70% trước ngày 31/12/2027."
    )
    meta = DocumentMetadata(title="Báo cáo 9 tháng năm 2027", year=2027, province="Lào Cai")
    passage = Passage("bc.txt#0", "bc.txt", report, 0, len(report), 0.5, meta)
    for question in (
        "ty le kich hoat tai khoan dinh danh dien tu muc 2 dat bao nhieu, chi tieu 2027",
        "Tỷ lệ kích hoạt tài khoản định danh điện tử mức 2 đạt bao nhiêu %, chỉ tiêu là bao nhiêu?",
    ):
        answer = ExtractiveAnswerer().build(question, [passage])
        first = answer.answer.split("[1]")[0]
        assert "61,5%" in first and "70%" in first, (question, answer.answer)


def test_a_target_asked_after_a_count_is_of_the_counts_subject() -> None:
    """ "A đã có bao nhiêu cơ sở ký cam kết? Chỉ tiêu đặt ra thế nào?": the second part asks
    the target of the same thing; a part with a subject of its own is left as asked."""
    head, tail = split_asks(
        "Tỉnh A đã có bao nhiêu cơ sở cầm đồ ký cam kết? Chỉ tiêu đặt ra thế nào?"
    )
    assert with_target_subject(head, tail, len(analyse(tail).terms)) == (
        "Chỉ tiêu đặt ra thế nào về cơ sở cầm đồ ký cam kết?"
    )
    own = "Chỉ tiêu kích hoạt định danh điện tử mức 2 của các xã là bao nhiêu?"
    assert with_target_subject(head, own, len(analyse(own).terms)) == own


def test_a_target_asked_prefers_the_clause_setting_it() -> None:
    """Of two clauses on the same thing, "đặt chỉ tiêu gì" asks the one setting the target,
    not the one telling how far it has been reached; "vì sao chưa đạt chỉ tiêu" asks a
    cause, not the target."""
    assert _TARGET_ASKED_RE.search(fold("Chỉ thị đặt chỉ tiêu gì về ký cam kết?").lower())
    assert _TARGET_ASKED_RE.search(fold("mục tiêu đến 2027 là bao nhiêu").lower())
    assert not _TARGET_ASKED_RE.search(fold("Vì sao xã A chưa đạt chỉ tiêu mức 2?").lower())
    text = (
        "Mục tiêu đến hết năm 2027: giảm ít nhất 20% số vụ; 100% hộ ở các xã trọng điểm ký cam "
        "kết trước ngày 31/12/2026.\n\n"
        "Đến hết quý I/2026, mới có 5.120/9.400 hộ ở các xã trọng điểm ký cam kết."
    )
    view = read_passages(
        analyse("Chỉ thị đặt chỉ tiêu gì về ký cam kết?"),
        [Passage("ct.txt#0", "ct.txt", text, 0, len(text), 0.5, META)],
    )[0]

    def sets_target(said: str) -> bool:
        index = next(i for i, c in enumerate(view.clauses) if said in c.text)
        return _sets_target(Candidate(view, index, 0.0, 0.0, None, 0.0))

    assert sets_target("31/12/2026")
    assert not sets_target("5.120/9.400")
    # ... nor a clause telling what was reached beside the target in its sentence.
    beside = "Chỉ tiêu năm 2026 là 100% cơ sở ký cam kết; đến nay mới có 61/90 cơ sở ký cam kết."
    view = read_passages(
        analyse("Chỉ tiêu đặt ra thế nào?"),
        [Passage("ct.txt#0", "ct.txt", beside, 0, len(beside), 0.5, META)],
    )[0]
    assert not sets_target("61/90")


def test_a_figure_told_with_its_targets_figure_is_preferred_to_a_bare_verdict() -> None:
    """ "đạt bao nhiêu % so với chỉ tiêu": "đạt 71,2% (chỉ tiêu tỉnh giao: 80%)" over a
    summary's "mới đạt 71,2%, chưa đạt chỉ tiêu", which names no target."""
    text = (
        "III. HẠN CHẾ\n\n3. Tỷ lệ kích hoạt tài khoản VNeID mức độ 2 mới đạt 71,2%, chưa đạt "
        "chỉ tiêu.\n\nII. KẾT QUẢ\n\n- Tỷ lệ công dân đủ điều kiện đã kích hoạt tài khoản VNeID "
        "mức độ 2 đạt 71,2% (chỉ tiêu Công an tỉnh giao: 80% trước ngày 31/12/2024)."
    )
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, META)
    question = "VNeID mức 2 ở Mường Khương đến tháng 9/2024 đạt bao nhiêu % so với chỉ tiêu?"
    answer = ExtractiveAnswerer().build(question, [passage])
    assert "80%" in answer.answer.split("[1]")[0]


def test_a_rate_reached_with_its_target_after_it_is_a_result() -> None:
    """ "... đạt 83,6% công dân ..., chỉ tiêu Công an tỉnh giao là 92%": the target named
    after what was reached leaves the clause a result, as one in brackets does."""
    text = (
        "- Từ ngày 01/7/2025: thu nhận 1.920 hồ sơ cấp căn cước. Hết tháng 10/2025, tỷ lệ kích "
        "hoạt tài khoản định danh mức 2 của người dân trong xã đạt 83,6%, chỉ tiêu Công an tỉnh "
        "giao là 92% trong năm 2025."
    )
    meta = DocumentMetadata(
        title="Báo cáo của Công an xã Thuận Thành tháng 11 năm 2025", year=2025, province="Bắc Ninh"
    )
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, meta)
    answer = ExtractiveAnswerer().build(
        "xa Thuan Thanh kich hoat VNeID muc 2 nam 2025 dat bao nhieu phan tram", [passage]
    )
    assert "83,6%" in answer.answer.split("[1]")[0], answer.answer


def test_a_figure_asked_of_what_was_done_is_the_one_reached_not_the_one_striven_for() -> None:
    """ "xã A kích hoạt được bao nhiêu %": the figure reached ("đạt 81,5%"), over the task
    striving for another ("Phấn đấu đạt 90% ..."), which a plan's words may match better; a
    budget "dự kiến" is no target."""
    report = (
        "II. KẾT QUẢ\n\n- Lũy kế đến ngày 14/3/2032, toàn xã có 4.310 tài khoản định danh điện "
        "tử mức độ 2 được kích hoạt, đạt 81,5% số công dân thuộc diện.\n\n"
        "III. NHIỆM VỤ\n\n3. Phấn đấu đạt chỉ tiêu kích hoạt VNeID mức 2 (90%) trước ngày "
        "31/12/2032; tổ chức kích hoạt lưu động tại các bản."
    )
    metadata = DocumentMetadata(
        title="Báo cáo tháng 3 năm 2032 của Công an xã Tà Hừa", year=2032, province="Lai Châu"
    )
    passage = Passage("bc.txt#0", "bc.txt", report, 0, len(report), 0.5, metadata)
    answer = ExtractiveAnswerer().build(
        "Xã Tà Hừa kích hoạt VNeID mức 2 được bao nhiêu %?", [passage]
    )
    assert "81,5%" in answer.answer.split("[1]")[0], answer.answer
