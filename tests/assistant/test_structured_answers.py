"""Answers read from a document's structure: duties of a named body, the pinned document,
its signer, the counted noun and the asked year. Every document here is invented."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks, standalone_tail
from assistant.extractive.bodies import body_of, owns
from assistant.extractive.counting import qualifier_share, states_count, unit_share
from assistant.extractive.documents import partial_keys
from assistant.extractive.periods import period_of, periods_in
from assistant.extractive.question import QuestionType, analyse
from assistant.extractive.structured import names_person
from assistant.passages import Passage
from index.extraction.records import DocumentIdentity, Extraction
from index.metadata import directive_key
from index.records import DocumentMetadata

PLAN_HEAD = (
    "KẾ HOẠCH số 45/KH-UBND ngày 10/02/2024 của UBND tỉnh Quảng Trị về phòng, chống "
    "đuối nước cho trẻ em năm 2024.\n\n"
    "Ngày 10/02/2024, UBND tỉnh Quảng Trị ban hành Kế hoạch số 45/KH-UBND về phòng, chống "
    "đuối nước cho trẻ em."
)
PLAN_DUTIES = (
    "IV. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Công an tỉnh tổ chức lớp "
    "dạy bơi an toàn cho trẻ em vào dịp hè.\n\n"
    "2. Sở Giáo dục và Đào tạo chỉ đạo các trường lồng ghép kỹ năng phòng tránh đuối nước "
    "vào giờ sinh hoạt ngoại khóa; báo cáo kết quả trước ngày 15/12/2024.\n\n"
    "3. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh vận động các gia đình trông giữ trẻ.\n\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Minh Khoa"
)
OTHER_PLAN = (
    "Ngày 03/3/2019, UBND tỉnh Bình Định ban hành Kế hoạch số 45/KH-UBND về phòng cháy "
    "rừng. Sở Giáo dục và Đào tạo tuyên truyền cho học sinh về phòng cháy rừng."
)


@dataclass
class Library:
    """Whole documents as lists of passages, as the index snapshot gives them."""

    documents: dict[str, list[Passage]] = field(default_factory=dict)

    def passages_of(self, source: str) -> list[Passage]:
        return self.documents.get(source, [])

    def extraction_of(self, source: str) -> Extraction:
        return Extraction()

    def text_of(self, source: str) -> str:
        return " ".join(p.text for p in self.documents.get(source, []))


def _passage(source: str, text: str, start: int, ordinal: int, **meta: object) -> Passage:
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    return Passage(f"{source}#{ordinal}", source, text, start, start + len(text), 0.5, metadata)


@pytest.fixture
def library() -> Library:
    meta = {
        "title": "Kế hoạch số 45/KH-UBND phòng, chống đuối nước",
        "province": "Quảng Trị",
        "year": 2024,
        "kind": "kế hoạch",
        "directive_numbers": ("45/KH-UBND",),
    }
    head = _passage("quang-tri.txt", PLAN_HEAD, 0, 0, **meta)
    duties = _passage("quang-tri.txt", PLAN_DUTIES, len(PLAN_HEAD) + 2, 1, **meta)
    other = _passage(
        "binh-dinh.txt",
        OTHER_PLAN,
        0,
        0,
        title="Kế hoạch số 45/KH-UBND phòng cháy rừng",
        province="Bình Định",
        year=2019,
        kind="kế hoạch",
        directive_numbers=("45/KH-UBND",),
    )
    return Library({"quang-tri.txt": [head, duties], "binh-dinh.txt": [other]})


def _ask(library: Library, question: str, retrieved: list[Passage]) -> tuple[str, list[str]]:
    answer = ExtractiveAnswerer(library=library).build(question, retrieved)
    return ("" if answer.refused else answer.answer), [c.document for c in answer.citations]


def test_body_is_read_where_the_question_puts_it() -> None:
    assert body_of("Kế hoạch 12/KH-UBND giao Sở Tư pháp nhiệm vụ gì?") == "so tu phap"
    assert body_of("Theo Chỉ thị 3/CT-UBND, Sở Nội vụ phải làm gì?") == "so noi vu"
    # the document named by its abbreviated kind ("CT", "KH", "NQ") cues a duty all the same
    assert analyse("Theo CT 3-CT/TU, Sở Nội vụ phải chỉ đạo những gì?").body == "so noi vu"
    assert body_of("ke hoach 12 giao so tu phap nhiem vu gi") == "so tu phap"
    # The document named by its abbreviation between the body and what it gives.
    assert body_of("Sở Nội vụ được NQ 05/2024 giao nhiệm vụ gì?") == "so noi vu"
    # a list of levels is one body, and the place after it is not part of it
    assert body_of("Chủ tịch UBND các xã, thị trấn ở Kon Tum được giao nhiệm vụ gì?") == (
        "chu tich uy ban nhan dan cac xa thi tran"
    )
    assert body_of("Chỉ thị 3/CT-UBND giao cơ quan nào chủ trì?") is None
    # a place abbreviated after the body is not part of it either
    assert body_of("Liên đoàn Lao động TP.HCM làm gì theo Chỉ thị 5/CT-UBND?") == (
        "lien doan lao dong"
    )
    assert body_of("so tu phap tinh BR-VT duoc giao nhiem vu gi") == "so tu phap"
    # a body only asked ("được đề nghị") is named as plainly
    assert body_of("Hội LHPN tỉnh Lai Châu được đề nghị làm gì?") == "hoi lien hiep phu nu"
    assert body_of("Sở Y tế tỉnh Lai Châu được giao gì trong chỉ thị?") == "so y te"
    # bodies that are no office of the state's ranks: a social insurer, a power company
    assert body_of("BHXH tỉnh Lai Châu làm gì?", bodies_only=True) == "bao hiem xa hoi"
    assert body_of("Điện lực Lai Châu làm gì theo kế hoạch?", bodies_only=True) == "dien luc"
    # an abbreviation typed in lower case, apart, is spelled out all the same
    assert body_of("so gd dt lai chau duoc giao gi") == "so giao duc va dao tao"
    # "được giao nhiệm vụ gì" with more after it: the body before it, not "nhiệm vụ gì ..."
    asked = "Sở Nội vụ được giao nhiệm vụ gì khi thực hiện NQ về hỗ trợ dân quân?"
    assert body_of(asked) == "so noi vu"
    # a search for a body's tasks, by its kind or its code; not "nhiệm vụ trọng tâm"
    assert analyse("Nhiệm vụ của Sở Tư pháp trong KH 12/KH-UBND").body == "so tu phap"
    assert analyse("nhiem vu cua pc02 theo chi thi 7").body == "pc02"
    assert analyse("Nhiệm vụ trọng tâm năm 2031 của xã").body is None
    # "có bị giao nhiệm vụ ... không hay chỉ được đề nghị": the body before the verb
    asked = "Hội Nông dân tỉnh có bị giao nhiệm vụ trong CT 5 không hay chỉ được đề nghị?"
    assert analyse(asked).body == "hoi nong dan"
    # ... but "Chỉ thị A có giao ... cho B" gives the task to B, not to the directive
    given = "CT 5-CT/TU Thái Bình có giao nhiệm vụ cho Hội Nông dân tỉnh không, Hội làm gì?"
    assert (analyse(given).body or "").startswith("hoi"), analyse(given).body
    # "bàn giao hồ sơ, vụ việc": a handing over, no body given a task
    assert analyse("Hạn bàn giao hồ sơ, vụ việc khi sáp nhập Công an huyện?").body is None
    assert owns("so noi vu", "2. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát.")
    assert not owns("so tu phap", "2. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát.")


def test_a_unit_named_by_its_code_is_the_body_asked() -> None:
    """ "PC08 làm gì": a unit code names a body, written alone ("Phòng PC08") or after its
    full name ("Phòng Cảnh sát giao thông (PC08)")."""
    asked = "Phòng PC08 Công an tỉnh Hậu Giang làm gì trong đợt cao điểm?"
    assert body_of(asked) == "phong pc08 cong an"
    assert analyse("pc06 lam gi theo ke hoach 12").body == "pc06"
    # a unit's full name may hold commas before its code
    item = "b) Chỉ đạo Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (PC07) trực 24/24."
    assert owns("pc07", item)
    assert not owns("pc07", item.replace("Chỉ đạo", "Phối hợp với"))
    assert analyse("Người dân làm gì khi phát hiện cháy?").body is None  # not a body
    assert analyse("Trong trường hợp bị mất giấy tờ thì bỏ qua bước nào, làm gì?").body is None
    assert owns("pc08", "3. Phòng Cảnh sát giao thông (PC08): kiểm tra nồng độ cồn.")
    assert owns("phong pc08 cong an", "3. Phòng PC08 – kiểm tra nồng độ cồn trên quốc lộ.")
    assert not owns("pc08", "3. Phòng PC06: rà soát cư trú; phối hợp với PC08.")
    # A long full name puts the code far in: the name opens where the owner stands.
    long_name = "Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06)"
    assert owns("pc06", f"b) Chỉ đạo {long_name} kiểm tra các cơ sở kinh doanh có điều kiện.")
    assert not owns("pc06", f"c) Sở Du lịch phối hợp với {long_name} kiểm tra khách sạn.")


def test_a_units_duties_are_answered_when_asked_by_its_code() -> None:
    plan = (
        "IV. PHÂN CÔNG NHIỆM VỤ\n\n"
        "1. Phòng Cảnh sát hình sự (PC02): chủ trì đấu tranh với các băng nhóm trộm cắp.\n\n"
        "2. Phòng Cảnh sát giao thông (PC08): kiểm tra nồng độ cồn trên Quốc lộ 91 mỗi tuần."
    )
    passage = _passage(
        "kh.txt", plan, 0, 0, title="Kế hoạch cao điểm", province="Cần Thơ", year=2025,
        kind="kế hoạch",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("PC08 Cần Thơ làm gì trong kế hoạch cao điểm?", [passage])
    assert "Quốc lộ 91" in answer.answer and "trộm cắp" not in answer.answer


def test_a_bodys_duty_item_is_quoted_with_all_its_points() -> None:
    # A Party directive gives the police four points under one item; the deadline asked
    # about stands in the third, past the first two points' length.
    points = [
        "a) Chỉ đạo Phòng Cảnh sát kinh tế (PC03) chủ trì điều tra các vụ buôn bán hàng giả, "
        "hàng kém chất lượng qua sàn thương mại điện tử; xử lý nghiêm các kho hàng không rõ "
        "nguồn gốc tại khu vực cửa khẩu và các chợ đầu mối trên địa bàn.",
        "b) Chỉ đạo Phòng An ninh kinh tế (PA04) nắm tình hình các doanh nghiệp logistics, "
        "phát hiện sớm các đường dây nhập lậu hàng hóa qua đường chính ngạch, lối mở; kịp "
        "thời tham mưu biện pháp phòng ngừa, không để hình thành điểm nóng.",
        "c) Chỉ đạo Công an các huyện, thị xã, thành phố rà soát, lập danh sách các cơ sở "
        "kinh doanh trực tuyến có dấu hiệu vi phạm, hoàn thành trước ngày 15/8/2025.",
        "d) Định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.",
    ]
    text = "4. Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh:\n\n" + "\n\n".join(points)
    directive = _passage(
        "ct.txt", text, 0, 0, title="Chỉ thị về phòng, chống buôn lậu, hàng giả",
        province="Lạng Sơn", year=2025, kind="chỉ thị",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Đảng ủy Công an tỉnh Lạng Sơn được giao những nhiệm vụ gì?", [directive]
    )
    assert "PC03" in answer.answer and "15/8/2025" in answer.answer, answer.answer


def test_a_number_given_with_its_kind_only_is_a_prefix() -> None:
    assert partial_keys("ke hoach 45 quang tri giao so y te nhiem vu gi") == {"45/KH"}
    assert partial_keys("Chỉ thị số 7 năm 2020") == {"7/CT"}


def test_duties_come_from_the_pinned_document_however_retrieval_ranked_it(
    library: Library,
) -> None:
    head = library.documents["quang-tri.txt"][0]
    other = library.documents["binh-dinh.txt"][0]
    # Retrieval found only the opening of the plan, and another province's plan of one number.
    text, cited = _ask(
        library,
        "Kế hoạch 45/KH-UBND năm 2024 của Quảng Trị giao Sở GD&ĐT nhiệm vụ gì?",
        [other, head],
    )
    assert "lồng ghép kỹ năng phòng tránh đuối nước" in text
    assert cited == ["quang-tri.txt"]


def test_the_asked_province_picks_a_page_citing_its_number_over_another_own_document(
    library: Library,
) -> None:
    """Tỉnh B's directive is known only through a news page that cites it; tỉnh A's own
    directive has the same number. Asked about tỉnh B's, the page answers."""
    own = library.documents["quang-tri.txt"][0]
    news = _passage(
        "tin-binh-dinh.txt",
        "Bình Định, ngày 12/02/2024 – UBND tỉnh vừa ban hành Kế hoạch số 45/KH-UBND; Sở Y tế "
        "được giao kiểm tra an toàn thực phẩm tại các bếp ăn tập thể trước ngày 30/3/2024.",
        0,
        0,
        title="Bình Định siết chặt an toàn thực phẩm",
        province="Bình Định",
        year=2024,
        kind="tin bài",
        directive_numbers=("45/KH-UBND",),
    )
    library.documents["tin-binh-dinh.txt"] = [news]
    question = "Kế hoạch 45/KH-UBND của Bình Định yêu cầu kiểm tra bếp ăn tập thể trước ngày nào?"
    text, cited = _ask(library, question, [own, news])
    assert "30/3/2024" in text
    assert cited == ["tin-binh-dinh.txt"]


def test_a_body_the_document_gives_no_task_is_refused(library: Library) -> None:
    head = library.documents["quang-tri.txt"][0]
    text, _ = _ask(library, "Kế hoạch 45/KH-UBND của Quảng Trị giao Sở Tài chính làm gì?", [head])
    assert text == ""


def test_a_body_only_asked_to_help_is_not_the_owner(library: Library) -> None:
    head = library.documents["quang-tri.txt"][0]
    text, _ = _ask(library, "Kế hoạch 45/KH-UBND của Quảng Trị giao Công an tỉnh làm gì?", [head])
    assert text == ""


def test_the_signer_is_read_from_the_signature_block(library: Library) -> None:
    head = library.documents["quang-tri.txt"][0]
    text, _ = _ask(library, "Ai ký Kế hoạch 45/KH-UBND của Quảng Trị?", [head])
    assert "Lê Minh Khoa" in text


def test_names_of_people_are_told_from_names_of_bodies() -> None:
    assert names_person("Đại tá Hoàng Văn Nam, Giám đốc Công an tỉnh, phát biểu.")
    assert names_person("Lê Minh Khoa")
    assert not names_person("Công an tỉnh Quảng Trị tổ chức hội nghị.")
    # news cuts a suspect's given name to its initial
    assert names_person("Kẻ cầm đầu là Trần Văn K. (SN 1990), trú tại xã Hòa Bình.")
    assert names_person("Thiếu tá Giàng A Lử cho biết")  # a one-letter middle name
    # titles and a unit are no name: "Phó Trưởng Công an xã"
    assert not names_person("Đơn vị có 01 Trưởng Công an xã, 02 Phó Trưởng Công an xã.")


def test_a_count_is_of_the_noun_asked() -> None:
    question = analyse("Tỉnh A có bao nhiêu camera an ninh?")
    assert states_count(question, "Khu dân cư đã lắp 12 camera giám sát.")
    assert not states_count(question, "Khu dân cư có 12 tổ tự quản.")
    members = analyse("Tỉnh A có bao nhiêu thành viên tổ tự quản?")
    assert states_count(members, "tổng số thành viên của các tổ là 2.315 người")
    money = analyse("Tổ trưởng được hỗ trợ bao nhiêu tiền một tháng?")
    assert states_count(money, "Tổ trưởng được hỗ trợ 900.000 đồng/tháng.")
    crimes = analyse("Tỉnh A xảy ra bao nhiêu vụ phạm tội về ma túy?")
    assert unit_share(crimes, "42 vụ phạm tội về ma túy") > unit_share(crimes, "90 vụ vi phạm")
    # A kind of person, once named, is counted in "người"; not "người" of another kind.
    citizens = analyse("Tháng 3 xã A tiếp nhận mấy công dân do nước bạn trao trả?")
    assert states_count(citizens, "Tiếp nhận công dân bị trao trả: tháng 3 tiếp nhận 7 người.")
    assert not states_count(citizens, "Tháng 3 xảy ra 2 vụ TNGT, làm chết 3 người.")


def test_a_number_whose_own_noun_is_another_is_not_a_count_of_the_asked_one() -> None:
    """ "vụ cháy" asked: "xảy ra 51 vụ TNGT" counts traffic accidents, but "xảy ra 12 vụ,
    làm chết 2 người" after a sentence about fires may count them."""
    fires = analyse("Quý I tỉnh A xảy ra bao nhiêu vụ cháy?")
    assert not states_count(fires, "Quý I, toàn tỉnh xảy ra 51 vụ TNGT, làm chết 20 người.")
    assert not states_count(fires, "Xảy ra 51 vụ TNGT; so với cùng kỳ giảm 9 vụ (-15%).")
    assert not states_count(fires, "Quý I xảy ra 9 vụ trộm cắp tài sản và 3 vụ đánh bạc.")
    assert states_count(fires, "Quý I, xảy ra 12 vụ cháy nhà dân, thiệt hại 2 tỷ đồng.")
    assert states_count(fires, "Về cháy, nổ: xảy ra 12 vụ, làm chết 2 người.")
    assert states_count(fires, "xảy ra 12 vụ và 3 người bị thương do cháy")
    # "vụ vi phạm về X" counts X: a breach of fire rules is no traffic case, nor the reverse
    assert states_count(fires, "Phát hiện 12 vụ vi phạm về cháy, nổ tại các chợ.")
    assert not states_count(fires, "Phát hiện 40 vụ vi phạm về trật tự giao thông.")
    accidents = analyse("Quý I tỉnh A có bao nhiêu vụ TNGT?")
    assert states_count(accidents, "Quý I xảy ra 51 vụ tai nạn giao thông, làm chết 20 người.")
    assert states_count(accidents, "Quý I xảy ra 51 vụ TNGT.")
    assert unit_share(accidents, "Quý I xảy ra 51 vụ TNGT.") == 1.0
    assert qualifier_share(accidents, "Quý I xảy ra 51 vụ TNGT.") == 1.0
    # a word set between the noun's words ("cấp thẻ căn cước") still says them
    records = analyse("Tháng 3 xã A nhận bao nhiêu hồ sơ cấp căn cước?")
    assert qualifier_share(records, "Tháng 3 tiếp nhận 210 hồ sơ đề nghị cấp thẻ căn cước.") > 0.5
    assert qualifier_share(records, "Tháng 3 tiếp nhận 35 hồ sơ đăng ký thường trú.") == 0.0
    assert states_count(analyse("Có bao nhiêu vụ?"), "Xảy ra 51 vụ TNGT.")  # no noun asked
    report = _passage(
        "bao-cao.txt",
        "Quý I/2025, trên địa bàn tỉnh xảy ra 51 vụ TNGT, làm chết 20 người; so với cùng kỳ "
        "giảm 9 vụ. Xảy ra 12 vụ cháy, làm chết 2 người, thiệt hại 3 tỷ đồng.",
        0, 0, title="Báo cáo quý I/2025", province="Long An", year=2025,
    )  # fmt: skip
    question = "Quý I năm 2025 Long An xảy ra bao nhiêu vụ cháy?"
    answer = ExtractiveAnswerer().build(question, [report])
    assert "12 vụ cháy" in answer.answer and "51" not in answer.answer


def test_a_figure_of_another_year_is_not_an_answer() -> None:
    report = _passage(
        "bao-cao.txt",
        "Trong năm, toàn tỉnh xảy ra 57 vụ cháy, giảm 4 vụ so với năm trước.",
        0,
        0,
        title="Báo cáo tổng kết công tác năm 2021",
        province="Quảng Trị",
        year=2021,
    )
    answerer = ExtractiveAnswerer()
    assert answerer.build("Năm 2023 Quảng Trị xảy ra bao nhiêu vụ cháy?", [report]).refused
    answer = answerer.build("Năm 2021 Quảng Trị xảy ra bao nhiêu vụ cháy?", [report])
    assert "57 vụ cháy" in answer.answer


def test_duty_questions_are_typed_as_such() -> None:
    assert analyse("Kế hoạch 12/KH-UBND giao Sở Tư pháp nhiệm vụ gì?").type == QuestionType.DUTY
    assert analyse("Ai ký Chỉ thị 3/CT-UBND?").type == QuestionType.SIGNER
    assert analyse("Tổ trưởng phải nộp bao nhiêu tiền?").type == QuestionType.COUNT
    # the city's youth union, as the province's and district's ("Tỉnh Đoàn", "Huyện Đoàn")
    assert analyse("Thành Đoàn làm gì theo KH 86/KH-UBND?").body == "thanh doan"


def test_a_double_question_is_read_as_two() -> None:

    assert split_asks("Tỉnh A lập bao nhiêu tổ và tổng cộng bao nhiêu thành viên?") == [
        "Tỉnh A lập bao nhiêu tổ",
        "tổng cộng bao nhiêu thành viên?",
    ]
    assert split_asks("Kế hoạch 9/KH-UBND ban hành ngày nào, chủ đề là gì?")[1] == "chủ đề là gì?"
    assert split_asks("Người từ đủ bao nhiêu tuổi thì phải chịu trách nhiệm?") == [
        "Người từ đủ bao nhiêu tuổi thì phải chịu trách nhiệm?"
    ]


def test_a_second_part_asked_by_any_noun_or_after_a_question_mark_is_its_own_ask() -> None:
    assert split_asks("Vụ án ở xã A khởi tố bao nhiêu bị can, về tội gì?")[1] == "về tội gì?"
    assert split_asks("Kinh phí lấy từ ngân sách cấp nào, mỗi năm bao nhiêu?") == [
        "Kinh phí lấy từ ngân sách cấp nào",
        "mỗi năm bao nhiêu?",
    ]
    assert split_asks("Quý II xã B xảy ra bao nhiêu vụ? So với cùng kỳ ra sao?")[1] == (
        "So với cùng kỳ ra sao?"
    )
    assert len(split_asks("Huyện nào không để xảy ra vụ cháy nào?")) == 1


def test_a_second_part_asking_how_many_of_a_part_borrows_the_counted_noun() -> None:
    tail = standalone_tail("riêng quý II bao nhiêu?", "Huyện A 2025", "trường hợp xuất cảnh")
    assert tail == "Huyện A 2025, riêng quý II bao nhiêu trường hợp xuất cảnh?"
    assert standalone_tail("hạn khi nào?", "Huyện A", "tổ") == "Huyện A, hạn khi nào?"


def test_a_second_part_naming_only_what_it_asks_is_asked_in_full() -> None:
    """ "..., hạn hoàn thành": when; "..., tổng thiệt hại": how much; typed as the rest."""
    assert split_asks("xa C lap bao nhieu to tu quan, han hoan thanh") == [
        "xa C lap bao nhieu to tu quan",
        "han hoan thanh khi nao?",
    ]
    assert split_asks("Năm 2024 tỉnh D nhận bao nhiêu tin báo lừa đảo, tổng thiệt hại?") == [
        "Năm 2024 tỉnh D nhận bao nhiêu tin báo lừa đảo",
        "tổng thiệt hại là bao nhiêu?",
    ]
    assert len(split_asks("Tỉnh D nhận bao nhiêu tin báo, trong đó có nhiều vụ lừa đảo")) == 1


def test_both_parts_of_a_double_question_are_answered_and_cited() -> None:
    report = _passage(
        "bao-cao.txt",
        "Toàn tỉnh thành lập 412 tổ tự quản. Các tổ có tổng cộng 1.236 thành viên.",
        0,
        0,
        title="Báo cáo công tác năm 2024",
        province="Quảng Trị",
        year=2024,
    )
    answer = ExtractiveAnswerer().build(
        "Quảng Trị thành lập bao nhiêu tổ tự quản và có tổng cộng bao nhiêu thành viên?", [report]
    )
    assert "412 tổ" in answer.answer and "1.236 thành viên" in answer.answer
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_the_year_compared_with_is_not_the_year_spoken_of() -> None:
    from assistant.extractive.years import years_in

    assert years_in("Giảm 8% số vụ so với năm 2022.") == set()
    assert years_in("Năm 2024 giảm 3 vụ so với cùng kỳ năm 2023.") == {2024}
    # ... nor the one set beside its figure in parentheses; a year in parentheses alone is told.
    assert years_in("Xảy ra 9 vụ đánh nhau (năm 2022: 4 vụ, 11 đối tượng).") == set()
    assert years_in("Lễ hội chùa Hương (năm 2023) đón 1,2 triệu lượt khách.") == {2023}
    # ... nor a part of it compared with: "so với quý III/2023", "so với tháng 10/2024".
    assert years_in("Quý III xảy ra 17 vụ, tăng 02 vụ so với quý III/2023.") == set()
    assert years_in("Xảy ra 08 vụ; cùng kỳ quý IV năm 2023 là 11 vụ.") == set()
    assert years_in("Tháng 11/2024 giảm 2 vụ so với tháng 10/2024.") == {2024}
    assert years_in("Tháng 11 giảm 2 vụ so với tháng 10/2023.") == set()


def test_places_compared_are_each_answered_from_their_own_document() -> None:
    first = _passage(
        "a.txt", "Tỉnh Quảng Trị có 412 tổ tự quản.", 0, 0, province="Quảng Trị", year=2024
    )
    second = _passage(
        "b.txt", "Tỉnh Kon Tum có 305 tổ tự quản.", 0, 0, province="Kon Tum", year=2024
    )
    answer = ExtractiveAnswerer().build(
        "Quảng Trị và Kon Tum, tỉnh nào có nhiều tổ tự quản hơn?", [first, second]
    )
    assert "412 tổ" in answer.answer and "305 tổ" in answer.answer
    assert {c.document for c in answer.citations} == {"a.txt", "b.txt"}


def test_a_deadline_is_answered_by_the_clause_that_sets_one(library: Library) -> None:
    head = library.documents["quang-tri.txt"][0]
    text, _ = _ask(
        library, "Kế hoạch 45/KH-UBND của Quảng Trị: hạn báo cáo kết quả là ngày nào?", [head]
    )
    assert "trước ngày 15/12/2024" in text


def test_a_document_described_without_its_number_is_read_whole(library: Library) -> None:
    head = library.documents["quang-tri.txt"][0]
    text, cited = _ask(
        library,
        "Kế hoạch phòng, chống đuối nước năm 2024 của Quảng Trị đặt hạn báo cáo kết quả "
        "là ngày nào?",
        [head],
    )
    assert "15/12/2024" in text and set(cited) == {"quang-tri.txt"}


def test_a_figure_summed_over_many_years_does_not_answer_for_one() -> None:
    report = _passage(
        "tong-ket.txt",
        "Hội nghị tổng kết công tác diễn ra sáng 10/01. Qua 30 năm, lực lượng đã triệt phá "
        "900 vụ buôn lậu.",
        0,
        0,
        title="Báo cáo tổng kết công tác năm 2024",
        province="Quảng Trị",
        year=2024,
    )
    answerer = ExtractiveAnswerer()
    assert answerer.build("Năm 2024 Quảng Trị triệt phá bao nhiêu vụ buôn lậu?", [report]).refused
    answer = answerer.build("Quảng Trị đã triệt phá bao nhiêu vụ buôn lậu?", [report])
    assert "900 vụ" in answer.answer


def test_a_signer_is_read_from_the_first_document_when_none_is_named(library: Library) -> None:
    passages = library.documents["quang-tri.txt"]
    text, _ = _ask(library, "Ai ký kế hoạch phòng, chống đuối nước của Quảng Trị?", passages)
    assert "Lê Minh Khoa" in text


def test_an_answer_carries_its_learned_confidence_and_a_threshold_refuses() -> None:
    report = _passage(
        "bao-cao.txt",
        "Toàn tỉnh thành lập 412 tổ tự quản về an ninh, trật tự.",
        0,
        0,
        province="Quảng Trị",
        year=2024,
    )
    question = "Quảng Trị thành lập bao nhiêu tổ tự quản?"
    answer = ExtractiveAnswerer().build(question, [report])
    assert answer.confidence is not None and 0.0 < answer.confidence < 1.0
    strict = ExtractiveAnswerer(min_confidence=min(1.0, answer.confidence + 0.01))
    assert strict.build(question, [report]).refused


def test_which_things_a_plan_lists_is_read_as_a_list_question() -> None:
    assert analyse("Quảng Trị có những giải pháp gì để phòng chống đuối nước?").type == (
        QuestionType.LIST
    )
    assert analyse("quang tri co nhung giai phap gi").type == QuestionType.LIST


def test_which_documents_ask_for_a_quoted_phrase_names_every_document_quoting_it() -> None:
    long_item = (
        "1. Công an tỉnh xây dựng kế hoạch tuần tra, kiểm soát dịp cuối năm, tập trung vào xe "
        "tải chở quá khổ, người điều khiển mô tô không đội mũ bảo hiểm, xe chở vật liệu rơi "
        "vãi, phương tiện hết hạn kiểm định; kiên quyết xử lý tình trạng "
        '"xe dù, bến cóc" trên các tuyến quốc lộ và tỉnh lộ qua địa bàn các huyện miền núi.'
    )
    plan = _passage(
        "ke-hoach.txt",
        "Kế hoạch số 21/KH-UBND về trật tự giao thông.\n\n" + long_item,
        0, 0, province="Gia Lai", directive_numbers=("21/KH-UBND",), title="Kế hoạch số 21/KH-UBND",
    )  # fmt: skip
    directive = _passage(
        "chi-thi.txt",
        "Chỉ thị số 04/CT-UBND về bảo đảm an ninh dịp Tết.\n\n"
        "3. Sở Xây dựng chỉ đạo doanh nghiệp vận tải tăng chuyến dịp Tết, bảo đảm đủ chỗ "
        "cho Nhân dân về quê, kiểm tra giá vé tại các bến xe trên địa bàn tỉnh; xử lý "
        'tình trạng "xe dù, bến cóc" ở các điểm đón trả khách tự phát.',
        0, 0, province="Kon Tum", directive_numbers=("04/CT-UBND",), title="Chỉ thị số 04/CT-UBND",
    )  # fmt: skip
    for question in (
        'Văn bản nào yêu cầu xử lý tình trạng "xe dù, bến cóc"?',
        'van ban nao yeu cau xu ly "xe du, ben coc"?',
    ):
        answer = ExtractiveAnswerer().build(question, [plan, directive])
        assert {c.document for c in answer.citations} == {"ke-hoach.txt", "chi-thi.txt"}
        assert "21/KH-UBND" in answer.answer and "04/CT-UBND" in answer.answer


def test_a_count_of_another_kind_of_the_counted_noun_does_not_answer() -> None:
    from assistant.extractive.counting import qualifier_share

    analysis = analyse("Năm 2023 tỉnh Kon Tum xảy ra bao nhiêu vụ tai nạn giao thông?")
    assert qualifier_share(analysis, "Bảo đảm trật tự an toàn giao thông; xử lý 350 vụ.") < 0.5
    assert qualifier_share(analysis, "Toàn tỉnh xảy ra 41 vụ tai nạn giao thông.") == 1.0
    drugs = analyse("Huyện Sa Thầy phát hiện bao nhiêu vụ phạm tội về ma túy?")
    assert qualifier_share(drugs, "2. Phòng, chống tội phạm ma túy: phát hiện 9 vụ") >= 0.5
    teams = analyse("Kon Tum có bao nhiêu tổ bảo vệ ANTT?")  # the abbreviation, spelled out
    assert qualifier_share(teams, "có 702 Tổ bảo vệ an ninh, trật tự") >= 0.5
    passage = _passage(
        "kon-tum.txt",
        "Năm 2023, toàn tỉnh Kon Tum xử lý 350 vụ vi phạm về trật tự an toàn giao thông; "
        "phát hiện 86 vụ phạm pháp hình sự.",
        0, 0, province="Kon Tum", year=2023,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Năm 2023 tỉnh Kon Tum xảy ra bao nhiêu vụ tai nạn giao thông?", [passage]
    )
    assert answer.refused


def test_a_why_question_is_answered_by_the_clause_giving_the_cause() -> None:
    assert analyse("Vì sao tai nạn giao thông ở Kon Tum tăng?").type == QuestionType.REASON
    assert analyse("Nguyên nhân chủ yếu của các vụ cháy là gì?").type == QuestionType.REASON
    report = _passage(
        "kon-tum.txt",
        "Năm 2023, công tác phòng cháy được triển khai đồng bộ ở các huyện.\n\n"
        "Tuy vậy, tình hình cháy rừng ở Kon Tum vẫn diễn biến phức tạp, thiệt hại lớn. "
        "Nguyên nhân chủ yếu là người dân đốt nương làm rẫy không có biện pháp phòng cháy; "
        "một số chủ rừng còn lơ là. Số người bị thương do cháy rừng là 3 người.",
        0, 0, province="Kon Tum", year=2023,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Nguyên nhân khiến tình hình cháy rừng ở Kon Tum diễn biến phức tạp là gì?", [report]
    )
    first = answer.answer.split("[1]")[0]
    assert "Nguyên nhân chủ yếu là người dân đốt nương" in first
    assert "bị thương" not in answer.answer  # a word of cause, not the cause asked


def test_a_figure_of_another_part_of_the_year_is_a_near_miss_refused_with_what_is_there() -> None:
    from assistant.extractive.periods import period_of

    assert period_of("6T đầu năm 2024") == period_of("sáu tháng đầu năm") == "first-half"
    assert period_of("cả năm 2023") == "whole-year" and period_of("trong năm 2023") is None
    report = _passage(
        "kon-tum.txt",
        "Toàn tỉnh xảy ra 21 vụ tai nạn giao thông, làm chết 15 người.",
        0, 0, province="Kon Tum", year=2023,
        title="Báo cáo tình hình trật tự an toàn giao thông 6 tháng đầu năm 2023",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    asked_half = answerer.build(
        "6 tháng đầu năm 2023 Kon Tum có bao nhiêu vụ tai nạn giao thông?", [report]
    )
    assert not asked_half.refused and "21 vụ" in asked_half.answer
    whole = answerer.build("Cả năm 2023 Kon Tum có bao nhiêu vụ tai nạn giao thông?", [report])
    assert whole.refused
    assert "Tài liệu chỉ có số liệu 6 tháng đầu năm 2023 [1]" in whole.answer
    assert whole.citations[0].quote.startswith("Toàn tỉnh xảy ra 21 vụ")
    other_year = answerer.build("Năm 2021 Kon Tum có bao nhiêu vụ tai nạn giao thông?", [report])
    assert other_year.refused and "2023" in other_year.answer and "21 vụ" not in other_year.answer


def test_the_period_asked_is_a_condition_not_words_an_answer_must_repeat() -> None:
    analysis = analyse("6 tháng đầu năm 2024, Kon Tum có bao nhiêu vụ cháy rừng?")
    assert analysis.period == "first-half" and analysis.years == (2024,)
    assert "6" not in analysis.terms and "tháng" not in analysis.terms


def test_most_and_least_are_two_asks_and_the_second_keeps_the_compared_noun() -> None:
    question = "Ở Kon Tum, huyện nào có nhiều tổ tự quản nhất và huyện nào ít nhất?"
    assert split_asks(question) == [
        "Ở Kon Tum, huyện nào có nhiều tổ tự quản nhất",
        "huyện nào ít nhất?",
    ]
    assert split_asks("Mức hỗ trợ ở tỉnh A và ở tỉnh B là bao nhiêu, tỉnh nào cao hơn?") == [
        "Mức hỗ trợ ở tỉnh A và ở tỉnh B là bao nhiêu, tỉnh nào cao hơn?"
    ]  # the comparison is of the first part's figures
    report = _passage(
        "kon-tum.txt",
        "Huyện Sa Thầy có nhiều tổ tự quản nhất với 96 tổ. "
        "Ngược lại, huyện Ia H'Drai có ít tổ tự quản nhất, chỉ 12 tổ.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(question, [report])
    assert "Sa Thầy" in answer.answer and "Ia H'Drai" in answer.answer


def test_an_amount_in_ty_answers_how_much_money_and_ty_le_asks_a_percentage() -> None:
    money = analyse("Các đối tượng chiếm đoạt tổng cộng bao nhiêu tiền?")
    assert states_count(money, "tổng số tiền chiếm đoạt trên 2,4 tỷ đồng")
    assert states_count(money, "thiệt hại khoảng 600 triệu đồng")
    share = analyse("Bao nhiêu tỷ lệ hộ dân được tuyên truyền?")
    assert states_count(share, "đạt 96,28%") and not states_count(share, "2,4 tỷ đồng")


def test_a_list_of_named_things_quotes_the_clause_naming_each() -> None:
    story = _passage(
        "tin-kon-tum.txt",
        "Các xã vùng biên Kon Tum đã xây dựng nhiều mô hình tự quản về an ninh, trật tự.\n\n"
        'Xã Mô Rai triển khai mô hình "Tiếng kẻng an ninh" ở 6 thôn.\n\n'
        'Tại xã Ia Tơi, mô hình "Dòng họ tự quản" giúp hòa giải 12 vụ mâu thuẫn.\n\n'
        'Thị trấn Sa Thầy duy trì mô hình "Camera an ninh" ở các tổ dân phố.',
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("Kon Tum có những mô hình tự quản nào?", [story])
    for name in ("Tiếng kẻng an ninh", "Dòng họ tự quản", "Camera an ninh"):
        assert name in answer.answer
    assert "xây dựng nhiều mô hình" not in answer.answer  # says there are many, names none


def test_yes_or_no_only_as_the_quoted_clause_says_it() -> None:
    from assistant.extractive.yes_no import verdict

    fell = analyse("Năm 2024 số vụ cháy ở Kon Tum có giảm so với năm trước không?")
    assert verdict(fell, "Số vụ cháy | 21 | giảm 04 vụ") == "Có"
    assert verdict(fell, "Số vụ cháy không giảm mà tăng 3 vụ.") == "Không"
    assert verdict(fell, "Toàn tỉnh xảy ra 21 vụ cháy.") is None  # the clause does not say
    fires = analyse("Quý I xã A có xảy ra vụ cháy nào không?")  # the verb's object counts too
    assert verdict(fires, "Quý I xảy ra 1 vụ TNGT, làm chết 1 người.") is None
    assert verdict(fires, "Quý I không xảy ra cháy.") == "Không"
    assert verdict(fires, "Quý I xảy ra 2 vụ cháy nhà dân.") == "Có"
    allowed = analyse("Người lao động có được hưởng trợ cấp không?")
    assert verdict(allowed, "Người lao động được nghỉ ba ngày.") is None  # "được" alone
    assert verdict(allowed, "Người lao động không được hưởng trợ cấp.") == "Không"
    report = _passage(
        "kon-tum.txt", "Năm 2024, số vụ cháy rừng ở Kon Tum giảm 4 vụ so với năm 2023.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Năm 2024 số vụ cháy rừng ở Kon Tum có giảm so với năm 2023 không?", [report]
    )
    assert answer.answer.startswith("Có. Năm 2024, số vụ cháy rừng")


def test_how_something_works_is_answered_by_the_clause_with_the_asked_verb() -> None:
    from assistant.extractive.evidence import manner_evidence

    asked = analyse('Mô hình "Tiếng kẻng an ninh" ở xã Mô Rai hoạt động như thế nào?')
    assert manner_evidence(asked, "Mô hình hoạt động theo nguyên tắc gõ kẻng báo động.") == 1.0
    assert manner_evidence(asked, "Xã Mô Rai chọn thôn 3 làm điểm mô hình.") == 0.0
    means = analyse("Làm thế nào để giảm tai nạn?")  # no verb asked: the means is
    assert manner_evidence(means, "Nhờ tuần tra ban đêm, tai nạn giảm 3 vụ.") == 1.0
    assert (manner_evidence(means, "Tai nạn giảm 3 vụ.") or 0.0) < 1.0
    assert manner_evidence(analyse("Việc đó phải làm ra sao?"), "Ổn định.") is None
    story = _passage(
        "tin-kon-tum.txt",
        'Xã Mô Rai chọn thôn 3 làm điểm mô hình "Tiếng kẻng an ninh" từ năm 2020. '
        "Mô hình hoạt động theo nguyên tắc: khi có vụ việc, người dân gõ kẻng báo động "
        "và cùng nhau giữ người vi phạm.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        'Mô hình "Tiếng kẻng an ninh" ở xã Mô Rai hoạt động như thế nào?', [story]
    )
    assert "Mô hình hoạt động theo nguyên tắc: khi có vụ việc" in answer.answer


def test_places_compared_as_higher_or_lower_are_each_answered_with_a_figure() -> None:
    first = _passage(
        "a.txt",
        "Nghị quyết số 05/2024/NQ-HĐND quy định mức hỗ trợ hằng tháng cho Tổ bảo vệ. "
        "Tổ trưởng được hỗ trợ 1.100.000 đồng/tháng.",
        0, 0, province="Quảng Trị", year=2024,
    )  # fmt: skip
    second = _passage(
        "b.txt", "Ở Kon Tum, Tổ trưởng được hỗ trợ 1.300.000 đồng/tháng.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Mức hỗ trợ tổ trưởng ở Quảng Trị và Kon Tum, nơi nào cao hơn?", [first, second]
    )
    assert "1.100.000" in answer.answer and "1.300.000" in answer.answer


def test_what_a_law_says_of_something_is_not_a_question_about_its_verb() -> None:
    from assistant.extractive.evidence import manner_evidence

    asked = analyse("Bộ luật Dân sự quy định thế nào về nơi cư trú của cá nhân?")
    assert manner_evidence(asked, "Luật này quy định về quyền của cá nhân.") is None


def test_a_number_naming_a_document_is_not_a_value_the_answer_must_hold() -> None:
    from assistant.extractive.documents import bare_numbers

    assert bare_numbers("nguyên nhân chính theo chỉ thị 06 là gì") == {"06", "6"}
    assert bare_numbers("kh 33 có chủ đề gì") == {"33"}
    directive = _passage(
        "chi-thi.txt",
        "Ngày 02/3/2024, UBND tỉnh Kon Tum ban hành Chỉ thị số 06/CT-UBND về trật tự giao "
        "thông. Tình hình tai nạn giao thông diễn biến phức tạp; nguyên nhân chính là ý thức "
        "chấp hành của người tham gia giao thông chưa cao.",
        0, 0, province="Kon Tum", year=2024, directive_numbers=("06/CT-UBND",),
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Theo chỉ thị 06, nguyên nhân chính gây tai nạn giao thông ở Kon Tum là gì?", [directive]
    )
    assert answer.citations[0].quote.startswith("Tình hình tai nạn giao thông")


def test_a_total_is_only_the_sum_of_cited_parts_shown_with_them() -> None:
    first = _passage(
        "a.txt", "Tỉnh Quảng Trị có 412 tổ tự quản.", 0, 0, province="Quảng Trị", year=2024
    )
    second = _passage(
        "b.txt", "Tỉnh Kon Tum có 1.305 tổ tự quản với 3.900 thành viên.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    question = "Quảng Trị và Kon Tum tổng cộng có bao nhiêu tổ tự quản?"
    answer = ExtractiveAnswerer().build(question, [first, second])
    assert answer.answer.startswith("Tổng: 1.717 tổ tự quản = 412 [1] + 1.305 [2].")
    assert [c.document for c in answer.citations] == ["a.txt", "b.txt"]
    two_figures = _passage(
        "c.txt", "Tỉnh Kon Tum có 305 tổ tự quản, trong đó 40 tổ tự quản ở vùng biên.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    unsure = ExtractiveAnswerer().build(question, [first, two_figures])
    assert "Tổng" not in unsure.answer and "412" in unsure.answer  # parts only, no sum


def test_how_two_places_differ_quotes_what_each_place_sets() -> None:
    first = _passage(
        "a.txt",
        "Tỉnh Quảng Trị quy định Đội xung kích có 5 thành viên. "
        "Thôn có từ 400 hộ trở lên thì Đội có 7 thành viên.",
        0, 0, province="Quảng Trị", year=2024,
    )  # fmt: skip
    second = _passage(
        "b.txt",
        "Tại Kon Tum, Đội xung kích ở thôn có từ 600 hộ trở lên được bố trí 7 thành viên.",
        0, 0, province="Kon Tum", year=2024,
    )  # fmt: skip
    for question in (
        "Số hộ để Đội xung kích có 7 thành viên ở Quảng Trị và ở Kon Tum khác nhau thế nào?",
        "So sánh số hộ để Đội xung kích có 7 thành viên ở Quảng Trị và Kon Tum",
    ):
        assert analyse(question).type != QuestionType.MANNER
        answer = ExtractiveAnswerer().build(question, [first, second])
        assert "400 hộ" in answer.answer and "600 hộ" in answer.answer, question
        assert "Quảng Trị:" in answer.answer and "Kon Tum:" in answer.answer
        assert {c.document for c in answer.citations} == {"a.txt", "b.txt"}


def test_how_something_was_achieved_is_answered_by_the_clause_giving_the_means() -> None:
    story = _passage(
        "c.txt",
        "Thôn Đồng Tâm, xã Yên Lạc đã lắp 120 camera an ninh do người dân góp tiền. "
        "Trưởng thôn cho biết hệ thống camera được nối về trụ sở Công an xã. "
        "Để người dân đồng thuận thì mọi khoản đóng góp đều được công khai, có sổ sách rõ ràng.",
        0, 0, province="Phú Thọ", year=2024,
    )  # fmt: skip
    for question in (
        "Làm thế nào thôn Đồng Tâm vận động được người dân góp tiền lắp camera?",
        "lam the nao thon dong tam van dong duoc nguoi dan gop tien lap camera",
    ):
        answer = ExtractiveAnswerer().build(question, [story])
        assert "công khai" in answer.answer.split("[1]")[0], question


def test_what_measures_is_answered_by_a_task_not_by_the_situation_it_answers() -> None:
    report = _passage(
        "d.txt",
        "II. ĐÁNH GIÁ CHUNG\n"
        "Tình hình cơ bản ổn định; tuy vậy, tình trạng đua xe trái phép và buôn lậu qua biên "
        "giới vẫn còn phức tạp.\n\n"
        "III. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024\n"
        "1. Chỉ đạo các lực lượng phối hợp phòng ngừa tội phạm trộm cắp tài sản.\n"
        "2. Tăng cường tuần tra, xử lý nghiêm tình trạng đua xe trái phép; giao Công an các "
        "huyện lập chốt kiểm soát vào ban đêm.",
        0, 0, province="Thái Bình", year=2024,
        title="Báo cáo 6 tháng đầu năm 2024; nhiệm vụ 6 tháng cuối năm 2024",
    )  # fmt: skip
    for question in (
        "Thái Bình đề ra biện pháp gì với tình trạng đua xe trái phép?",
        "thai binh co giai phap gi voi tinh trang dua xe trai phep",
    ):
        answer = ExtractiveAnswerer().build(question, [report])
        assert "Tăng cường tuần tra" in answer.answer.split("[1]")[0], question


def test_whom_a_task_is_done_for_is_not_the_body_given_it() -> None:
    assert body_of("Chỉ thị 12 yêu cầu vận động người dân làm gì để phòng đuối nước?") is None
    assert body_of("Chỉ thị 12 yêu cầu Công an xã làm gì?") == "cong an xa"


def test_the_years_a_report_plans_for_are_not_the_years_its_figures_are_of() -> None:
    report = _passage(
        "tong-ket.txt",
        "I. KẾT QUẢ\n\n"
        "1. Tội phạm về trật tự xã hội: năm 2023, toàn tỉnh xảy ra 210 vụ. Đã điều tra làm "
        "rõ 198 vụ, 305 đối tượng.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n\n"
        "1. Phấn đấu điều tra làm rõ trên 90% số vụ phạm tội.",
        0, 0, province="Quảng Trị", year=2023,
        title="Tổng kết công tác công an năm 2023, phương hướng, nhiệm vụ năm 2024",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    assert answerer.build("Năm 2024 Quảng Trị điều tra làm rõ bao nhiêu vụ?", [report]).refused
    answer = answerer.build("Năm 2023 Quảng Trị điều tra làm rõ bao nhiêu vụ?", [report])
    assert "198 vụ" in answer.answer


def test_a_counted_noun_written_as_an_abbreviation_is_counted_spelled_out() -> None:
    assert analyse("Năm 2023 có bao nhiêu vụ TNGT?").counted.unit == "vụ tai nạn giao thông"
    assert analyse("nam 2023 co bao nhieu vu tngt").counted.unit == "vu tai nan giao thong"


def test_capitals_only_in_an_abbreviation_leave_a_lower_case_question_lower_case() -> None:
    assert analyse("quảng ninh năm 2024 có bao nhiêu vụ TNGT").provinces == ("Quảng Ninh",)


def test_how_much_funding_is_an_amount_in_dong() -> None:
    assert analyse("Kinh phí thực hiện kế hoạch là bao nhiêu?").counted.unit == "đồng"


def test_a_document_number_of_another_province_is_refused_saying_whose_it_is(
    library: Library,
) -> None:
    retrieved = library.documents["quang-tri.txt"]
    answer = ExtractiveAnswerer(library=library).build(
        "Ai ký Kế hoạch số 45/KH-UBND của UBND tỉnh Gia Lai?", retrieved
    )
    assert answer.refused
    assert "Quảng Trị" in answer.answer and answer.citations


def test_any_number_of_first_months_is_a_period_of_its_own() -> None:
    from assistant.extractive.periods import periods_in

    assert periods_in("7 tháng đầu năm 2025") == {"months-7"}
    assert periods_in("10 tháng năm 2023") == {"months-10"}
    assert periods_in("3 tháng đầu năm") == {"quarter-1"}
    # A report's bare "9 tháng" is the nine months; a sentence's duration is no period.
    assert periods_in("Quý III tiếp nhận 5 tin; 9 tháng tiếp nhận 21 tin") == {
        "quarter-3",
        "months-9",
    }
    assert periods_in("bị phạt tù từ 6 tháng đến 3 năm; thời hạn 9 tháng") == set()
    report = _passage(
        "bao-cao.txt",
        "7 tháng đầu năm 2024, toàn tỉnh xảy ra 142 vụ phạm pháp hình sự.",
        0, 0, province="Ninh Thuận", year=2024, title="Báo cáo công tác công an",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    asked_seven = "7 tháng đầu năm 2024 Ninh Thuận có bao nhiêu vụ phạm pháp hình sự?"
    assert "142 vụ" in answerer.build(asked_seven, [report]).answer
    asked_half = "6 tháng đầu năm 2024 Ninh Thuận có bao nhiêu vụ phạm pháp hình sự?"
    refused = answerer.build(asked_half, [report])
    assert refused.refused and "7 tháng đầu năm 2024" in refused.answer


def test_a_years_figure_is_not_answered_by_a_part_of_the_year() -> None:
    report = _passage(
        "bc.txt",
        "Quý III xảy ra 03 vụ phạm pháp hình sự; 9 tháng xảy ra 07 vụ, giảm 02 vụ so với "
        "cùng kỳ năm 2023.",
        0, 0, province="Phú Yên", year=2024, title="Báo cáo công tác quý III năm 2024",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    assert answerer.build("Năm 2024 xảy ra bao nhiêu vụ phạm pháp hình sự?", [report]).refused
    nine = answerer.build("9 tháng năm 2024 xảy ra bao nhiêu vụ phạm pháp hình sự?", [report])
    assert "07 vụ" in nine.answer


def test_a_sections_heading_dates_the_figures_under_it() -> None:
    """A plan of 2025 reports 2024's results in its first section: a passage cut below the
    section's heading still speaks of 2024, read from the document."""
    text = (
        "KẾ HOẠCH phòng, chống ma túy năm 2025\n\n"
        "I. KẾT QUẢ NĂM 2024\n\n"
        "Tình hình tội phạm về ma túy trên tuyến biên giới diễn biến phức tạp.\n\n"
        "Toàn tỉnh đã bắt giữ 215 vụ, 288 đối tượng phạm tội về ma túy.\n\n"
        "II. MỤC TIÊU NĂM 2025\n\n"
        "Số vụ bắt giữ tăng ít nhất 5%."
    )
    start = text.index("Toàn tỉnh")
    meta = {"province": "Điện Biên", "year": 2025, "title": "Kế hoạch phòng, chống ma túy năm 2025"}
    cut = _passage("kh.md", text[start : text.index("II.")].strip(), start, 1, **meta)
    library = Library({"kh.md": [_passage("kh.md", text, 0, 0, **meta)]})
    answerer = ExtractiveAnswerer(library=library)
    answer = answerer.build("Năm 2024 Điện Biên bắt giữ bao nhiêu vụ phạm tội về ma túy?", [cut])
    assert "215 vụ" in answer.answer
    assert answerer.build("Năm 2023 Điện Biên bắt giữ bao nhiêu vụ ma túy?", [cut]).refused


def test_a_reports_target_is_not_the_figure_reached() -> None:
    report = _passage(
        "bao-cao.txt",
        "I. KẾT QUẢ 9 THÁNG NĂM 2024\n\n"
        "Công an xã đã kích hoạt 1.240 tài khoản định danh điện tử mức độ 2.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2024\n\n"
        "1. Phấn đấu đến hết năm 2024 kích hoạt thêm 400 tài khoản định danh điện tử mức độ 2.",
        0, 0, province="Gia Lai", year=2024, kind="báo cáo",
        title="Báo cáo kết quả công tác công an xã 9 tháng năm 2024",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    reached = answerer.build(
        "Năm 2024 công an xã kích hoạt bao nhiêu tài khoản định danh điện tử mức độ 2?", [report]
    )
    assert "1.240" in reached.answer and "400" not in reached.answer
    # "đã đạt" asks what was reached, with no year named
    done = answerer.build("Tỷ lệ kích hoạt tài khoản định danh đã đạt bao nhiêu?", [report])
    assert "400" not in done.answer
    aimed = answerer.build(
        "Đến hết năm 2024 công an xã phấn đấu kích hoạt thêm bao nhiêu tài khoản định danh?",
        [report],
    )
    assert "400" in aimed.answer.split("[1]")[0]


def test_a_result_with_its_target_in_brackets_is_still_the_figure_reached() -> None:
    report = _passage(
        "bao-cao.txt",
        "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
        "Xảy ra 12 vụ phạm pháp hình sự, giảm 02 vụ; điều tra làm rõ 11 vụ, đạt 91,7% (chỉ "
        "tiêu được giao trên 85%).",
        0, 0, province="Lai Châu", year=2025, kind="báo cáo",
        title="Báo cáo kết quả công tác 6 tháng đầu năm 2025",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "6 tháng đầu năm 2025 xảy ra bao nhiêu vụ phạm pháp hình sự?", [report]
    )
    assert "12 vụ phạm pháp hình sự" in answer.answer


def test_a_change_asked_is_answered_by_the_clause_telling_its_size() -> None:
    report = _passage(
        "bao-cao.txt",
        "I. KẾT QUẢ 9 THÁNG NĂM 2025\n\n"
        "9 tháng xảy ra 40 vụ phạm pháp hình sự. Trong đó: trộm cắp tài sản 25 vụ, tăng 04 vụ "
        "(+19,0%), chủ yếu trộm xe máy.\n\n"
        "II. TỒN TẠI\n\n"
        "- Trộm cắp tài sản tăng so với cùng kỳ, nhất là trộm xe máy tại khu dân cư.",
        0, 0, province="Bình Phước", year=2025, kind="báo cáo",
        title="Báo cáo kết quả công tác 9 tháng năm 2025",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Trộm cắp tài sản 9 tháng 2025 tăng hay giảm so với cùng kỳ?", [report]
    )
    assert "tăng 04 vụ (+19,0%)" in answer.answer.split("[1]")[0]


def test_the_period_of_a_clause_is_read_before_its_sentences_first_period() -> None:
    from assistant.extractive.periods import period_of

    assert period_of("Tổng kết công tác công an năm 2023") == "whole-year"
    report = _passage(
        "nam.txt",
        "Năm 2023, toàn tỉnh xảy ra 118 vụ tai nạn giao thông, làm chết 97 người. Trong đó, "
        "6 tháng đầu năm 2023 xảy ra 61 vụ, làm chết 49 người; riêng quý IV năm 2023 xảy ra "
        "34 vụ tai nạn giao thông, làm chết 27 người và bị thương 12 người, giảm so với quý III.",
        0, 0, province="Quảng Trị", year=2023,
        title="Báo cáo tổng kết công tác công an năm 2023",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Quý IV năm 2023 tai nạn giao thông ở Quảng Trị làm chết bao nhiêu người?", [report]
    )
    assert "27 người" in answer.answer.split("[1]")[0]


TABLE_REPORT = (
    "Bảng số vụ tai nạn giao thông theo địa bàn 6 tháng đầu năm 2024:\n\n"
    "| Địa bàn | Số vụ TNGT | Số người chết |\n\n"
    "|---|---|---|\n\n"
    "| Huyện Quảng Trạch | 14 | 9 |\n\n"
    "| Huyện Bố Trạch | 21 | 12 |\n\n"
    "| Thành phố Đồng Hới | 9 | 4 |\n\n"
    "| Toàn tỉnh | 44 | 25 |"
)


def test_a_districts_count_and_the_most_are_read_from_a_tables_column() -> None:
    report = _passage(
        "quang-binh.txt", TABLE_REPORT, 0, 0, province="Quảng Bình", year=2024,
        title="Báo cáo 6 tháng đầu năm 2024",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    count = answerer.build("Huyện Bố Trạch 6 tháng đầu năm 2024 có bao nhiêu vụ TNGT?", [report])
    assert "Số vụ TNGT, Huyện Bố Trạch = 21" in count.answer.split("[1]")[0]
    dead = answerer.build(
        "huyen quang trach 6 thang dau nam 2024 tngt lam chet bao nhieu nguoi", [report]
    )
    assert "Số người chết, Huyện Quảng Trạch = 9" in dead.answer.split("[1]")[0]
    most = answerer.build("Huyện nào ở Quảng Bình có nhiều vụ tai nạn giao thông nhất?", [report])
    assert "Bố Trạch" in most.answer.split("[1]")[0] and "Toàn tỉnh" not in most.answer
    least = answerer.build("Huyện nào có ít vụ tai nạn giao thông nhất?", [report])
    assert "Đồng Hới" in least.answer.split("[1]")[0]
    other_year = "Huyện Bố Trạch năm 2023 có bao nhiêu vụ TNGT?"
    assert answerer.build(other_year, [report]).refused


def test_a_tables_column_counts_the_noun_asked_and_no_other() -> None:
    report = _passage(
        "quang-binh.txt", TABLE_REPORT, 0, 0, province="Quảng Bình", year=2024,
        title="Báo cáo 6 tháng đầu năm 2024",
    )  # fmt: skip
    fires = "Huyện Bố Trạch 6 tháng đầu năm 2024 xảy ra bao nhiêu vụ cháy?"
    assert "= 21" not in ExtractiveAnswerer().build(fires, [report]).answer
    # Of two columns counting "đối tượng phạm tội về ...", the one of the crime asked.
    crimes = _passage(
        "dak-lak.txt",
        "Tội phạm theo địa bàn năm 2024:\n\n"
        "| Đơn vị | Đối tượng phạm tội về trật tự xã hội | Đối tượng phạm tội về ma túy |\n\n"
        "|---|---|---|\n\n| Huyện Krông Búk | 64 | 29 |\n\n| Toàn tỉnh | 702 | 355 |",
        0, 0, province="Đắk Lắk", year=2024, title="Báo cáo năm 2024",
    )  # fmt: skip
    drugs = ExtractiveAnswerer().build(
        "Huyện Krông Búk năm 2024 có bao nhiêu đối tượng phạm tội về ma túy?", [crimes]
    )
    assert "Huyện Krông Búk = 29" in drugs.answer


def test_a_provincial_reports_unplaced_figure_is_not_a_districts() -> None:
    """A report going through the province's districts in a table: its sentence naming no
    place speaks of the province, not of one district the table names."""
    meta = {"province": "Quảng Bình", "year": 2024, "title": "Báo cáo 6 tháng đầu năm 2024"}
    fires = "6 tháng đầu năm 2024 xảy ra 12 vụ cháy, thiệt hại 2,1 tỷ đồng."
    text = f"{TABLE_REPORT}\n\n{fires}"
    whole = _passage("quang-binh.txt", text, 0, 0, **meta)
    cut = _passage("quang-binh.txt", fires, text.index(fires), 1, **meta)
    library = Library({"quang-binh.txt": [whole]})
    question = "Huyện Bố Trạch 6 tháng đầu năm 2024 xảy ra bao nhiêu vụ cháy?"
    assert ExtractiveAnswerer(library=library).build(question, [cut]).refused
    # ... nor when the passage holds the table too.
    assert ExtractiveAnswerer(library=library).build(question, [whole]).refused


def test_the_most_is_read_over_a_whole_table_retrieval_cut_in_two() -> None:
    meta = {"province": "Quảng Bình", "year": 2024, "title": "Báo cáo 6 tháng đầu năm 2024"}
    cut_at = TABLE_REPORT.index("| Thành phố Đồng Hới")
    first = _passage("qb.txt", TABLE_REPORT[:cut_at].rstrip(), 0, 0, **meta)
    bigger = TABLE_REPORT.replace(
        "| Thành phố Đồng Hới | 9 | 4 |", "| Thành phố Đồng Hới | 30 | 4 |"
    )
    second = _passage("qb.txt", bigger[cut_at:], cut_at, 1, **meta)
    library = Library({"qb.txt": [_passage("qb.txt", bigger, 0, 0, **meta)]})
    answer = ExtractiveAnswerer(library=library).build(
        "6 tháng đầu năm 2024 ở Quảng Bình, đơn vị cấp huyện nào có nhiều vụ tai nạn giao "
        "thông nhất?",
        [first, second],
    )
    assert "Đồng Hới = 30" in answer.answer.split("[1]")[0]


def test_a_numbered_stage_is_read_from_its_row_and_an_absent_one_refused() -> None:
    plan = _passage(
        "kh.md",
        "III. CÁC GIAI ĐOẠN THỰC HIỆN\n\n"
        "| Giai đoạn | Thời gian | Nội dung |\n\n|---|---|---|\n\n"
        "| Giai đoạn 1 | Từ ngày 01/3/2025 đến ngày 30/4/2025 | Rà soát, lập danh sách |\n\n"
        "| Giai đoạn 2 | Từ ngày 01/5/2025 đến ngày 15/9/2025 | Tổng kiểm tra |\n\n"
        "| Giai đoạn 3 | Từ ngày 16/9/2025 đến ngày 15/12/2025 | Sơ kết |",
        0, 0, province="Phú Yên", year=2025, title="Kế hoạch cao điểm năm 2025",
        kind="kế hoạch", directive_numbers=("12/KH-CAT-PC08",),
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    second = answerer.build("Giai đoạn 2 của kế hoạch kéo dài đến ngày nào?", [plan])
    assert "15/9/2025" in second.answer.split("[1]")[0]
    assert answerer.build("Giai đoạn 4 của kế hoạch do ai chủ trì?", [plan]).refused
    # Asked what a stage does: the stage's row, or none for a stage the plan lacks.
    stage = answerer.build("Giai đoạn 2 của kế hoạch 12/KH-CAT-PC08 làm gì?", [plan])
    assert "Tổng kiểm tra" in stage.answer, stage.answer
    assert answerer.build("Giai đoạn 4 của kế hoạch 12/KH-CAT-PC08 làm gì?", [plan]).refused
    # The stages asked together: each stage's row.
    every = answerer.build("cac giai doan cua KH 12 keo dai tu ngay nao den ngay nao", [plan])
    assert all(f"[{n}]" in every.answer for n in (1, 2, 3)), every.answer
    assert "15/12/2025" in every.answer


def test_an_office_holder_is_not_answered_by_the_deputys_name() -> None:
    news = _passage(
        "tin.txt",
        "Thượng tá Trần Thị Hà, Phó Trưởng phòng PC07 Công an tỉnh Gia Lai, cho biết toàn tỉnh "
        "đã kiểm tra 1.204 cơ sở.",
        0, 0, province="Gia Lai", year=2025, title="Gia Lai kiểm tra an toàn PCCC",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    assert answerer.build("Trưởng phòng PC07 Công an tỉnh Gia Lai là ai?", [news]).refused
    assert answerer.build("truong phong PC07 cong an gia lai la ai", [news]).refused
    deputy = answerer.build("Phó Trưởng phòng PC07 Công an tỉnh Gia Lai là ai?", [news])
    assert "Trần Thị Hà" in deputy.answer


def test_a_clause_naming_the_asked_commune_is_of_its_district() -> None:
    news = _passage(
        "tin.txt",
        "Mô hình đã được nhân rộng ở các huyện Tuy An, Sơn Hòa và Đồng Xuân. Thượng úy Lê "
        "Văn Phúc, Trưởng Công an xã An Ninh Đông, cho biết xã có 12 camera an ninh.",
        0, 0, province="Phú Yên", year=2024, title="Phú Yên nhân rộng mô hình camera an ninh",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Trưởng Công an xã An Ninh Đông, huyện Tuy An là ai?", [news]
    )
    assert "Lê Văn Phúc" in answer.answer.split("[1]")[0]


def test_the_causes_are_read_when_retrieval_cut_their_paragraph_after_the_effect() -> None:
    """One dense paragraph: the situation, then "Nguyên nhân: ...". Retrieval cut it in two;
    the causes still answer "nguyên nhân gì khiến ... tăng": the effect is told before them."""
    text = (
        "Thời gian qua, tình hình trật tự an toàn giao thông trên các tuyến quốc lộ còn diễn "
        "biến phức tạp, số vụ tai nạn tăng so với cùng kỳ. Nguyên nhân: ý thức chấp hành "
        "pháp luật của một bộ phận người tham gia giao thông còn kém; hạ tầng nhiều tuyến "
        "đường xuống cấp; lực lượng tuần tra còn mỏng."
    )
    cut = text.index("Nguyên nhân")
    meta = {
        "province": "Ninh Thuận", "year": 2024, "kind": "chỉ thị",
        "title": "Chỉ thị về tăng cường bảo đảm trật tự an toàn giao thông",
        "directive_numbers": ("09-CT/TU",),
    }  # fmt: skip
    causes = _passage("ct.txt", text[cut:], cut, 1, **meta)
    library = Library({"ct.txt": [_passage("ct.txt", text, 0, 0, **meta)]})
    answer = ExtractiveAnswerer(library=library).build(
        "Ninh Thuận nêu nguyên nhân gì khiến tai nạn trên các tuyến quốc lộ tăng?",
        [causes],
    )
    assert "ý thức chấp hành" in answer.answer.split("[1]")[0]


def test_a_document_naming_itself_is_the_one_its_title_describes() -> None:
    resolution = _passage(
        "nq.html",
        "Điều 5. Hiệu lực thi hành\n\n"
        "Nghị quyết này được Hội đồng nhân dân tỉnh Khóa X thông qua ngày 08 tháng 7 năm 2024 "
        "và có hiệu lực từ ngày 20 tháng 7 năm 2024.",
        0, 0, province="Ninh Thuận", year=2024, kind="nghị quyết",
        title="Nghị quyết quy định mức hỗ trợ, bồi dưỡng, trang phục đối với đội dân phòng, "
        "tổ bảo vệ dân phố và công an viên thường trực",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Nghị quyết của HĐND về mức hỗ trợ, bồi dưỡng, trang phục cho đội dân phòng, tổ bảo "
        "vệ dân phố có hiệu lực từ ngày nào?",  # (the clause names none of what it is about)
        [resolution],
    )
    assert "20 tháng 7 năm 2024" in answer.answer.split("[1]")[0]


def test_when_a_document_was_issued_is_read_beside_its_number_or_from_its_dateline() -> None:
    directive = _passage(
        "ct.txt",
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 17/CT-UBND\n\nGia Lai, ngày 03 tháng 10 năm 2025\n\n"
        "CHỈ THỊ về tăng cường phòng cháy trong mùa khô\n\n"
        "Chỉ thị số 17/CT-UBND được ban hành để các cấp, các ngành triển khai ngay; giao "
        "Công an tỉnh tổng hợp, báo cáo kết quả trước ngày 15 tháng 12 năm 2025.",
        0, 0, province="Gia Lai", year=2025, kind="chỉ thị",
        title="CHỈ THỊ về tăng cường phòng cháy trong mùa khô",
        directive_numbers=("17/CT-UBND",),
    )  # fmt: skip
    news = _passage(
        "tin.txt",
        "Theo Chỉ thị số 21/CT-UBND được ban hành, các lực lượng tuần tra từ ngày 01/12/2024. "
        "Thực hiện "
        "Chỉ thị số 21/CT-UBND ngày 25/11/2024 của UBND tỉnh Lạng Sơn, lực lượng biên phòng "
        "đã bắt giữ 9 vụ vận chuyển pháo.",
        0, 0, province="Lạng Sơn", year=2025, kind="tin bài",
        title="Lạng Sơn ngăn chặn pháo nổ qua biên giới",
    )  # fmt: skip
    library = Library({"ct.txt": [directive], "tin.txt": [news]})
    answerer = ExtractiveAnswerer(library=library)
    issued = answerer.build("chi thi 17/CT-UBND ban hanh ngay nao", [directive])
    assert "ngày 03 tháng 10 năm 2025" in issued.answer.split("[1]")[0]
    retold = answerer.build("Chỉ thị số 21/CT-UBND ban hành ngày nào?", [news])
    assert "25/11/2024" in retold.answer.split("[1]")[0]


def test_by_when_a_directive_asks_a_plan_issued_is_its_deadline_not_its_own_date() -> None:
    directive = _passage(
        "ct.txt",
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI\n\nSố: 17/CT-UBND\n\nGia Lai, ngày 03 tháng 10 năm 2025\n\n"
        "CHỈ THỊ về tăng cường phòng cháy trong mùa khô\n\n"
        "1. Sở Công Thương xây dựng, ban hành kế hoạch kiểm tra chợ, hoàn thành trước ngày "
        "30/11/2025.",
        0, 0, province="Gia Lai", year=2025, kind="chỉ thị",
        title="CHỈ THỊ về tăng cường phòng cháy trong mùa khô",
        directive_numbers=("17/CT-UBND",),
    )  # fmt: skip
    answerer = ExtractiveAnswerer(library=Library({"ct.txt": [directive]}))
    question = "Hạn chót Sở Công Thương ban hành kế hoạch thực hiện CT 17 là khi nào?"
    assert "30/11/2025" in answerer.build(question, [directive]).answer.split("[1]")[0]


def test_an_office_holder_is_read_under_the_office_in_the_signature_block() -> None:
    report = _passage(
        "bc.txt",
        "Công an xã hiện có 08 cán bộ, chiến sĩ (01 Trưởng Công an xã, 02 Phó Trưởng Công an "
        "xã).\n\nNơi nhận:\n- Công an huyện;\n- Lưu: VT.\n\nTRƯỞNG CÔNG AN XÃ\n\n"
        "Thiếu tá Đinh Văn Lộc",
        0, 0, province="Phú Yên", district="Tuy An", year=2024, kind="báo cáo",
        title="Báo cáo công tác Công an xã An Ninh Đông 9 tháng năm 2024",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    head = answerer.build("Trưởng Công an xã An Ninh Đông, huyện Tuy An là ai?", [report])
    assert "Đinh Văn Lộc" in head.answer
    assert answerer.build("Phó Trưởng Công an xã An Ninh Đông là ai?", [report]).refused
    # The office abbreviated as officers type it: "CA" is "Công an".
    assert "Đinh Văn Lộc" in answerer.build("Trưởng CA xã An Ninh Đông là ai?", [report]).answer


def test_two_districts_compared_are_each_read_from_their_row() -> None:
    report = _passage(
        "quang-binh.txt", TABLE_REPORT, 0, 0, province="Quảng Bình", year=2024,
        title="Báo cáo 6 tháng đầu năm 2024",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "6 tháng đầu năm 2024 huyện Quảng Trạch hay huyện Bố Trạch xảy ra nhiều vụ TNGT hơn?",
        [report],
    )
    assert "Huyện Quảng Trạch = 14" in answer.answer
    assert "Huyện Bố Trạch = 21" in answer.answer


# A web page's table as the loader writes it: one "a | b" line a row.
ALLOWANCES = (
    "Điều 3. Mức hỗ trợ hằng tháng\n\n"
    "Chức danh | Mức hỗ trợ (đồng/người/tháng)\n\n"
    "Đội trưởng | 2.100.000\n\n"
    "Đội phó | 1.900.000\n\n"
    "Đội viên | 1.700.000\n\n"
    "Điều 4. Bồi dưỡng khi được huy động làm nhiệm vụ: 120.000 đồng/người/ngày."
)


def test_a_named_rows_value_is_read_from_a_two_column_table_of_a_web_page() -> None:
    resolution = _passage(
        "nq.html", ALLOWANCES, 0, 0, province="Phú Yên", year=2024,
        title="Nghị quyết quy định mức hỗ trợ Đội dân phòng",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    deputy = answerer.build(
        "Ở Phú Yên đội phó đội dân phòng được hỗ trợ bao nhiêu một tháng?", [resolution]
    )
    assert "Đội phó = 1.900.000" in deputy.answer.split("[1]")[0]
    # A rate per day is not read in a column of rates per month.
    daily = answerer.build("Đội viên được bồi dưỡng bao nhiêu một ngày khi huy động?", [resolution])
    assert "120.000" in daily.answer and "1.700.000" not in daily.answer


def test_a_rate_asked_is_no_counted_noun() -> None:
    assert analyse("Đội viên được hỗ trợ bao nhiêu mỗi tháng?").counted.unit == "đồng"


def test_which_places_is_answered_by_the_clause_listing_places() -> None:
    report = _passage(
        "bao-cao.txt",
        "Trong quý III/2024, toàn tỉnh xảy ra 11 vụ cháy, thiệt hại 3,2 tỷ đồng. Người dân còn "
        "chủ quan trong sử dụng điện, nhiều vụ cháy do chập điện. Các vụ cháy tập trung ở "
        "thị xã Sông Cầu, huyện Tuy An và huyện Đồng Xuân.",
        0, 0, province="Phú Yên", year=2024, title="Báo cáo công tác PCCC quý III/2024",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Quý III/2024 cháy ở Phú Yên tập trung ở những địa bàn nào?", [report]
    )
    first = answer.answer.split("[1]")[0]
    assert "Sông Cầu" in first and "Tuy An" in first


def test_a_merged_provinces_old_name_is_a_ward_of_the_new_one_after_the_merger() -> None:
    # After 1 July 2025 "phường Hải Dương" is in Hải Phòng: naming it is no other province.
    text = (
        "Từ đầu năm đến nay, lừa đảo qua mạng xảy ra 41 vụ, tập trung ở các phường "
        "Lê Chân, Hải Dương và Ngô Quyền."
    )
    merged = _passage(
        "tin.txt", text, 0, 0, province="Hải Phòng", year=2025, issued_on="2025-10-02",
        title="Công an thành phố cảnh báo lừa đảo qua mạng",
    )  # fmt: skip
    question = "Lừa đảo qua mạng ở Hải Phòng tập trung ở những phường nào?"
    answer = ExtractiveAnswerer().build(question, [merged])
    assert "Lê Chân" in answer.answer
    before = _passage(
        "tin.txt", text, 0, 0, province="Hải Phòng", year=2025, issued_on="2025-03-02",
        title="Công an thành phố cảnh báo lừa đảo qua mạng",
    )  # fmt: skip
    # Before the merger, Hải Dương was another province: its figure is not Hải Phòng's.
    assert ExtractiveAnswerer().build(question, [before]).refused


def test_a_list_of_causes_answers_why_over_a_clause_sharing_more_words() -> None:
    resolution = _passage(
        "nq.txt",
        "Thời gian qua, tình hình an ninh, trật tự khu vực biên giới còn tiềm ẩn nguy cơ.\n\n"
        "Nguyên nhân của tình hình trên: địa hình biên giới hiểm trở, nhiều đường mòn, lối mở; "
        "đời sống một bộ phận Nhân dân còn khó khăn; một số cấp ủy, chính quyền cơ sở chưa "
        "quan tâm đúng mức; sự phối hợp giữa các lực lượng có lúc chưa chặt chẽ.\n\n"
        "3. Định hướng đến năm 2030: khu vực biên giới cơ bản không còn điểm phức tạp về an "
        "ninh, trật tự; 100% thôn, bản biên giới có mô hình tự quản.",
        0, 0, province="Lai Châu", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Nguyên nhân tình hình ANTT khu vực biên giới Lai Châu còn phức tạp là gì?",
        [resolution],
    )
    assert "đường mòn" in answer.answer.split("[1]")[0]


def test_who_chaired_is_the_person_named_beside_the_verb_not_the_body_holding_it() -> None:
    story = _passage(
        "tin.txt",
        "Ngày 12/3/2025, UBND tỉnh Hà Nam tổ chức hội nghị sơ kết 6 tháng công tác bảo đảm an "
        "ninh, trật tự ở cơ sở quý I năm 2025 tại trụ sở UBND tỉnh Hà Nam. Bà Trần Thị Hạnh, "
        "Phó Chủ tịch UBND tỉnh, chủ trì hội nghị.",
        0, 0, province="Hà Nam", year=2025,
    )  # fmt: skip
    for question in (
        "Hội nghị sơ kết 6 tháng công tác bảo đảm an ninh, trật tự ở cơ sở của Hà Nam do ai "
        "chủ trì?",
        "hoi nghi so ket 6 thang cong tac bao dam an ninh trat tu o co so cua ha nam do ai chu tri",
    ):
        answer = ExtractiveAnswerer().build(question, [story])
        assert "Trần Thị Hạnh" in answer.answer.split("[1]")[0], question


def test_when_and_who_are_read_beside_the_asked_verb_or_role() -> None:
    story = _passage(
        "nq.txt",
        "Ngày 10/6/2024, HĐND tỉnh Lai Châu ban hành Nghị quyết số 09/2024/NQ-HĐND quy định "
        "mức hỗ trợ cho lực lượng bảo vệ an ninh, trật tự ở cơ sở của tỉnh. Nghị quyết có "
        "hiệu lực từ ngày 01/7/2024. Ông Lò Văn Pó, Bí thư Chi bộ bản Nà Tăm, cho biết bà con "
        "rất phấn khởi. Thiếu tá Vàng A Dình, Trưởng Công an xã Bản Hon, cho hay lực lượng đã "
        "ra mắt đủ 12 tổ.",
        0, 0, province="Lai Châu", year=2024,
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    for question in (
        "Nghị quyết mức hỗ trợ của Lai Châu có hiệu lực từ ngày nào?",
        "nghi quyet muc ho tro luc luong bao ve an ninh trat tu o co so cua lai chau co hieu "
        "luc tu ngay nao",
    ):
        when = answerer.build(question, [story])
        assert "01/7/2024" in when.answer.split("[1]")[0], question
    for question in (
        "Trưởng Công an xã Bản Hon, Lai Châu là ai?",
        "truong cong an xa ban hon la ai",
    ):
        who = answerer.build(question, [story])
        assert "Vàng A Dình" in who.answer.split("[1]")[0], question


def test_a_commune_asked_about_must_be_named_where_the_answer_is_read() -> None:
    province = _passage(
        "tinh.txt", "Năm 2024, Công an tỉnh thu giữ 2,1 kg ma túy đá và 3 kg heroin.",
        0, 0, province="Hà Giang", year=2024,
    )  # fmt: skip
    commune = _passage(
        "xa.txt", "Công an xã Lũng Cú bắt 2 đối tượng, thu giữ 1 bánh heroin.",
        0, 0, province="Hà Giang", year=2024,
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    question = "Công an xã Lũng Cú thu giữ bao nhiêu kg ma túy đá?"
    assert answerer.build(question, [province, commune]).refused
    assert analyse("Công an xã chính quy có bao nhiêu người?").communes == ()
    assert (
        "2,1 kg"
        in answerer.build("Công an tỉnh thu giữ bao nhiêu kg ma túy đá?", [province]).answer
    )


def test_a_figure_of_one_year_compared_with_another_gives_each_years_figure() -> None:
    older = _passage(
        "ct.txt", "Năm 2022, trên địa bàn tỉnh xảy ra 61 vụ cháy, làm 2 người chết.",
        0, 0, province="Quảng Bình", year=2023,
    )  # fmt: skip
    newer = _passage(
        "tin.txt", "Năm 2024, toàn tỉnh xảy ra 48 vụ cháy, không có người chết.",
        0, 0, province="Quảng Bình", year=2024,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Số vụ cháy ở Quảng Bình năm 2024 so với năm 2022 thế nào?", [older, newer]
    )
    assert "48 vụ cháy" in answer.answer and "61 vụ cháy" in answer.answer
    assert {c.document for c in answer.citations} == {"ct.txt", "tin.txt"}


def test_a_task_opens_with_a_verb_and_traffic_is_not_the_verb_giao() -> None:
    from assistant.extractive.evidence import measure_evidence

    assert measure_evidence("Giao Công an tỉnh lập chốt kiểm soát.") == 1.0
    assert measure_evidence("Tai nạn giao thông vẫn còn phức tạp.") < 1.0
    assert body_of("Kế hoạch yêu cầu đề nghị Ủy ban MTTQ tỉnh làm gì?") is not None


def test_a_plans_title_year_is_its_year_though_the_title_opens_with_ke_hoach() -> None:
    plan = _passage(
        "kh.txt", "Toàn tỉnh phấn đấu lắp đặt 320 camera an ninh tại các xã.",
        0, 0, province="Quảng Bình", year=2024,
        title="Kế hoạch bảo đảm an ninh, trật tự năm 2025",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("Năm 2025 Quảng Bình lắp đặt bao nhiêu camera?", [plan])
    assert "320 camera" in answer.answer


def test_pasted_text_is_not_read_as_two_years_compared() -> None:
    from assistant.extractive.asks import split_years

    pasted = "năm 2024 " * 3000 + "so với năm 2022 thế nào?"
    assert split_years(pasted) == [pasted]  # bounded like `analyse`: no regex over 27 KB
    assert len(split_years("Số vụ cháy năm 2024 so với năm 2022 thế nào?")) == 2


def test_a_paragraph_naming_no_period_goes_on_from_the_one_before() -> None:
    news = _passage(
        "tin.txt",
        "Quý I/2025, toàn tỉnh xảy ra 20 vụ cháy, làm bị thương 3 người.\n\n"
        "Huyện Tam Nông là địa bàn xảy ra nhiều vụ cháy nhất với 7 vụ.",
        0,
        0,
        title="Tỉnh Đồng Tháp: cháy nổ giảm",
        province="Đồng Tháp",
        year=2025,
        kind="tin bài",
    )
    answerer = ExtractiveAnswerer()
    asked = answerer.build("Quý I năm 2025 huyện Tam Nông xảy ra bao nhiêu vụ cháy?", [news])
    assert "7 vụ" in asked.answer
    assert answerer.build("Cả năm 2025 huyện Tam Nông xảy ra bao nhiêu vụ cháy?", [news]).refused


def test_a_table_cut_by_retrieval_is_read_with_the_header_above_the_passage() -> None:
    """Retrieval returned only the rows: the column is told from the header row and the
    caption the document has above them ("Số vụ" under "Phạm pháp hình sự theo địa bàn")."""
    head = (
        "Năm 2024, tình hình an ninh, trật tự trên địa bàn tỉnh ổn định.\n\n"
        "1. Phạm pháp hình sự theo địa bàn\n\n"
        "| Địa bàn | Số vụ | Số đối tượng bị bắt |\n|---|---|---|\n| Huyện Thủ Thừa | 57 | 72 |"
    )
    rows = "| Huyện Cần Giuộc | 121 | 158 |\n| Huyện Đức Huệ | 25 | 33 |"
    meta = {"title": "Báo cáo tổng kết năm 2024", "province": "Long An", "year": 2024}
    first = _passage("long-an.md", head, 0, 0, **meta)
    second = _passage("long-an.md", rows, len(head) + 1, 1, **meta)

    class WholeText(Library):
        def text_of(self, source: str) -> str:
            return f"{head}\n{rows}"

    answerer = ExtractiveAnswerer(library=WholeText({"long-an.md": [first, second]}))
    question = "Năm 2024 huyện Cần Giuộc có bao nhiêu vụ phạm pháp hình sự?"
    answer = answerer.build(question, [second])
    assert answer.answer.startswith("Số vụ, Huyện Cần Giuộc = 121")
    assert "| Huyện Cần Giuộc | 121 | 158 |" in answer.answer


def test_the_lines_of_an_official_header_are_not_quoted() -> None:
    from assistant.extractive.passage_views import quotable, read_passages

    text = (
        "ỦY BAN NHÂN DÂN\n\nTỈNH HẬU GIANG\n\nSố: 07/CT-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Hậu Giang, ngày 12 tháng 3 năm 2025\n\n"
        "Thời gian qua, trên địa bàn tỉnh xảy ra nhiều vụ cháy nhà ở kết hợp kinh doanh.\n\n"
        "Nơi nhận:\n- Bộ Công an;\n- Sở Tư pháp tỉnh;\n- Lưu: VT."
    )
    passage = _passage("ct.txt", text, 0, 0, title="Chỉ thị về phòng cháy", province="Hậu Giang")
    view = read_passages(analyse("Chỉ thị 07/CT-UBND nói về gì?"), [passage])[0]
    quoted = [c.text for c in view.clauses if quotable(c, passage)]
    assert quoted[0].startswith("Hậu Giang, ngày 12 tháng 3 năm 2025")
    assert any("nhiều vụ cháy" in c for c in quoted)
    header = ("Số:", "ỦY BAN", "CỘNG HÒA", "Độc lập", "Nơi nhận", "- ")
    assert not any(c.startswith(header) for c in quoted)


def test_a_number_two_provinces_share_asked_with_neither_is_answered_for_each(
    library: Library,
) -> None:
    """ "Kế hoạch 45/KH-UBND nói về gì?": Quảng Trị's and Bình Định's plans both carry it;
    each is answered and cited, not one of them at random."""
    head = library.documents["quang-tri.txt"][0]
    other = library.documents["binh-dinh.txt"][0]
    answer = ExtractiveAnswerer(library=library).build(
        "Kế hoạch số 45/KH-UBND là kế hoạch về vấn đề gì?", [head, other]
    )
    assert "đuối nước" in answer.answer and "phòng cháy rừng" in answer.answer
    assert answer.answer.startswith("Quảng Trị: ") and " Bình Định: " in answer.answer
    assert {c.document for c in answer.citations} == {"quang-tri.txt", "binh-dinh.txt"}
    asked = ExtractiveAnswerer(library=library).build(
        "Kế hoạch số 45/KH-UBND của Bình Định là kế hoạch về vấn đề gì?", [head, other]
    )
    assert "đuối nước" not in asked.answer


def test_a_number_a_city_shares_is_answered_for_it_too() -> None:
    """A centrally-run city is named with its unit ("thành phố Hồ Chí Minh"), so the part asked
    for it is read as asked for that city, and never split by province again."""
    meta = {"year": 2024, "kind": "chỉ thị", "directive_numbers": ("07/CT-UBND",)}
    city = _passage(
        "hcm.txt",
        "Ngày 02/5/2024, UBND Thành phố Hồ Chí Minh ban hành Chỉ thị số 07/CT-UBND về phòng, "
        "chống đuối nước.",
        0, 0, province="Hồ Chí Minh", title="Chỉ thị số 07/CT-UBND phòng, chống đuối nước", **meta,
    )  # fmt: skip
    province = _passage(
        "kon-tum.txt",
        "Ngày 09/3/2024, UBND tỉnh Kon Tum ban hành Chỉ thị số 07/CT-UBND về phòng cháy rừng.",
        0, 0, province="Kon Tum", title="Chỉ thị số 07/CT-UBND phòng cháy rừng", **meta,
    )  # fmt: skip
    library = Library({"hcm.txt": [city], "kon-tum.txt": [province]})
    answer = ExtractiveAnswerer(library=library).build(
        "Chỉ thị số 07/CT-UBND về vấn đề gì?", [city, province]
    )
    assert "đuối nước" in answer.answer and "phòng cháy rừng" in answer.answer
    assert {c.document for c in answer.citations} == {"hcm.txt", "kon-tum.txt"}


def test_a_number_another_provinces_report_cites_is_answered_for_both() -> None:
    """ "Kế hoạch số 30/KH-UBND năm 2024 về gì?": tỉnh A's own plan carries the number and
    tỉnh B's police report cites B's plan of the same number and year; asked with neither
    place, both are answered, each cited. A citation of A's own plan in B's page, or of a
    plan of another year, is no second plan."""
    own = _passage(
        "ninh-binh.txt",
        "KẾ HOẠCH\n\nBảo đảm an ninh, trật tự Lễ hội chùa Bái Đính năm 2024\n\n"
        "1. Công an tỉnh bố trí lực lượng tại các bãi đỗ xe.",
        0, 0, province="Ninh Bình", year=2024, kind="kế hoạch",
        title="Kế hoạch số 30/KH-UBND lễ hội", directive_numbers=("30/KH-UBND",),
    )  # fmt: skip
    cites = _passage(
        "bao-cao-ha-giang.txt",
        "Thực hiện Kế hoạch số 30/KH-UBND ngày 14/3/2024 của UBND tỉnh Hà Giang về phòng, "
        "chống buôn lậu qua biên giới, Công an huyện đã kiểm tra 12 lượt điểm tập kết hàng.",
        0, 0, province="Hà Giang", year=2024, kind="báo cáo",
        title="Báo cáo 6 tháng đầu năm 2024", directive_numbers=("30/KH-UBND", "118/BC-CAH"),
    )  # fmt: skip
    library = Library({"ninh-binh.txt": [own], "bao-cao-ha-giang.txt": [cites]})
    answerer = ExtractiveAnswerer(library=library)
    for question in (
        "Kế hoạch số 30/KH-UBND năm 2024 là kế hoạch về vấn đề gì?",
        "ke hoach 30/KH-UBND ve viec gi",
    ):
        answer = answerer.build(question, [own, cites])
        assert "chùa Bái Đính" in answer.answer and "buôn lậu qua biên giới" in answer.answer
        assert {c.document for c in answer.citations} == {"ninh-binh.txt", "bao-cao-ha-giang.txt"}
    other_year = answerer.build("Kế hoạch số 30/KH-UBND năm 2023 về vấn đề gì?", [own, cites])
    assert "chùa Bái Đính" not in other_year.answer
    retold = _passage(
        "bao-cao-ha-giang.txt",
        "Thực hiện Kế hoạch số 30/KH-UBND ngày 14/3/2024 của UBND tỉnh Ninh Bình về lễ hội chùa "
        "Bái Đính, Công an huyện cử 20 cán bộ hỗ trợ.",
        0, 0, province="Hà Giang", year=2024, kind="báo cáo",
        title="Báo cáo 6 tháng đầu năm 2024", directive_numbers=("30/KH-UBND", "118/BC-CAH"),
    )  # fmt: skip
    library.documents["bao-cao-ha-giang.txt"] = [retold]
    answer = answerer.build("Kế hoạch số 30/KH-UBND là kế hoạch về vấn đề gì?", [own, retold])
    assert "Hà Giang" not in answer.answer.split(":")[0]
    assert [c.document for c in answer.citations][:1] == ["ninh-binh.txt"]


def test_a_document_citing_the_number_is_read_though_retrieval_did_not_bring_it() -> None:
    """Retrieval brought only tỉnh A's resolution "số 21/2024/NQ-HĐND"; the library knows
    tỉnh B's plan cites B's own resolution of that number: asked with neither place, both
    are answered. A national number every province cites is not looked up."""
    own = _passage(
        "nq-yen-bai.html",
        "Nghị quyết số 21/2024/NQ-HĐND quy định mức chi hỗ trợ lực lượng dân phòng.",
        0, 0, province="Yên Bái", year=2024, kind="nghị quyết",
        title="Nghị quyết số 21/2024/NQ-HĐND", directive_numbers=("21/2024/NQ-HĐND",),
    )  # fmt: skip
    cites = _passage(
        "kh-ca-mau.md",
        "Thực hiện Nghị quyết số 21/2024/NQ-HĐND ngày 02/7/2024 của HĐND tỉnh Cà Mau về hỗ "
        "trợ trang bị bình chữa cháy cho hộ kinh doanh, UBND tỉnh ban hành Kế hoạch.",
        0, 0, province="Cà Mau", year=2024, kind="kế hoạch",
        title="Kế hoạch kiểm tra PCCC", directive_numbers=("21/2024/NQ-HĐND", "88/KH-UBND"),
    )  # fmt: skip

    class Citing(Library):
        def sources_citing(self, key: str) -> list[str]:
            asked = directive_key("21/2024/NQ-HĐND")
            return ["nq-yen-bai.html", "kh-ca-mau.md"] if key == asked else []

    library = Citing({"nq-yen-bai.html": [own], "kh-ca-mau.md": [cites]})
    answer = ExtractiveAnswerer(library=library).build(
        "Nghị quyết số 21/2024/NQ-HĐND quy định về gì?", [own]
    )
    assert "dân phòng" in answer.answer and "bình chữa cháy" in answer.answer
    assert {c.document for c in answer.citations} == {"nq-yen-bai.html", "kh-ca-mau.md"}


def test_places_ranked_in_prose_answer_which_places_had_the_most() -> None:
    # The ranking follows the sentence telling what it counts; the total sits before it and
    # another ranking (of forest fires) after it.
    report = _passage(
        "tin.html",
        "Năm 2023, toàn tỉnh xảy ra 38 vụ trộm cắp tài sản, tăng 4 vụ so với năm 2022. Các vụ "
        "trộm tập trung ở huyện Ea Kar (11 vụ), huyện Krông Pắc (9 vụ) và huyện Cư M'gar "
        "(6 vụ).\n\nCũng trong năm 2023, toàn tỉnh xảy ra 5 vụ cướp giật, chủ yếu tại "
        "thành phố Buôn Ma Thuột.",
        0, 0, province="Đắk Lắk", year=2023, title="Công an tỉnh tổng kết năm 2023",
    )  # fmt: skip
    for question in (
        "Những huyện nào ở Đắk Lắk có nhiều vụ trộm cắp tài sản nhất năm 2023?",
        "cac huyen xay ra nhieu vu trom cap tai san nhat o dak lak nam 2023",
    ):
        analysis = analyse(question)
        assert analysis.type == QuestionType.LIST and analysis.asked_noun in ("huyện", "huyen")
        answer = ExtractiveAnswerer().build(question, [report])
        assert "Ea Kar (11 vụ)" in answer.answer.split("[1]")[0], answer.answer
        assert "cướp giật" not in answer.answer


def test_places_whose_change_column_moves_the_asked_way_are_read_from_their_rows() -> None:
    # Two tables in one passage, each with its change column: the question's noun picks the
    # table ("cháy", not "trộm cắp"), and "so với năm 2022" is no year asked about.
    report = _passage(
        "bc.md",
        "1. Trộm cắp tài sản\n\n"
        "| Địa bàn | Số vụ trộm cắp | Trộm cắp so với năm 2022 |\n|---|---|---|\n"
        "| Huyện Mường Khương | 12 | tăng 3 vụ |\n| Huyện Bát Xát | 9 | giảm 2 vụ |\n"
        "| Toàn tỉnh | 21 | tăng 1 vụ |\n\n"
        "2. Cháy, nổ\n\n"
        "| Địa bàn | Số vụ cháy | Số vụ cháy so với năm 2022 |\n|---|---|---|\n"
        "| Huyện Mường Khương | 4 | giảm 1 vụ |\n| Huyện Bát Xát | 7 | tăng 2 vụ |\n"
        "| Huyện Bảo Yên | 5 | tăng 1 vụ |\n| Toàn tỉnh | 16 | tăng 2 vụ |",
        0, 0, province="Lào Cai", year=2023, title="Báo cáo tổng kết công tác năm 2023",
    )  # fmt: skip
    for question in (
        "Những huyện nào ở Lào Cai có số vụ cháy tăng so với năm 2022?",
        "nhung huyen nao o lao cai co so vu chay tang so voi nam 2022",
    ):
        assert analyse(question).years == ()
        answer = ExtractiveAnswerer().build(question, [report]).answer
        assert "Bát Xát = tăng 2 vụ" in answer and "Bảo Yên = tăng 1 vụ" in answer, answer
        assert "Mường Khương" not in answer and "Toàn tỉnh" not in answer


def test_trong_nam_speaks_of_the_year_named_before_it_not_the_publication_year() -> None:
    # A news page published in 2024 reviews 2023; "Trong năm," goes on about 2023.
    page = _passage(
        "tin.html",
        "Năm 2023, toàn tỉnh xảy ra 31 vụ cháy, giảm 4 vụ so với năm 2022.\n\n"
        "Ảnh: Lực lượng chữa cháy tại hiện trường.\n\n"
        "Trong năm, lực lượng Cảnh sát PCCC đã xử phạt vi phạm hành chính 64 trường hợp "
        "với tổng số tiền 212.000.000 đồng.",
        0, 0, province="Yên Bái", year=2024, issued_on="2024-01-20",
        title="Yên Bái tổng kết công tác phòng cháy, chữa cháy",
    )  # fmt: skip
    asked = "Năm 2023 Yên Bái xử phạt vi phạm hành chính về PCCC tổng số tiền bao nhiêu?"
    assert "212.000.000 đồng" in ExtractiveAnswerer().build(asked, [page]).answer
    assert ExtractiveAnswerer().build(asked.replace("2023", "2024"), [page]).refused


def test_a_years_figure_told_before_a_parts_answers_for_the_year() -> None:
    report = _passage(
        "tin.txt",
        "Năm 2023, các vụ cháy trên địa bàn tỉnh làm chết 03 người, thiệt hại tài sản ước "
        "tính 7,4 tỷ đồng; riêng quý IV/2023 xảy ra 9 vụ cháy, tăng 2 vụ so với quý III/2023.",
        0, 0, province="Hà Tĩnh", year=2024, title="Công an tỉnh tổng kết công tác PCCC",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Năm 2023 Hà Tĩnh cháy thiệt hại tài sản bao nhiêu?", [report]
    )
    assert "7,4 tỷ đồng" in answer.answer
    # ... but the number of fires of the year is not the quarter's.
    counted = ExtractiveAnswerer().build("Năm 2023 Hà Tĩnh xảy ra bao nhiêu vụ cháy?", [report])
    assert counted.refused


def test_a_cause_told_with_an_earlier_year_answers_why() -> None:
    report = _passage(
        "tin.txt",
        "Số người chết do TNGT giảm so với cùng kỳ, nhưng số vụ TNGT và số người bị thương "
        "tăng. Nguyên nhân số vụ tăng là do lượng phương tiện tăng mạnh sau thời gian giãn "
        "cách năm 2021.",
        0, 0, province="Nghệ An", year=2022, title="Sơ kết TTATGT 6 tháng đầu năm 2022",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Vì sao số vụ TNGT ở Nghệ An 6 tháng đầu năm 2022 tăng?", [report]
    )
    assert "giãn cách" in answer.answer, answer.answer


def test_a_commune_named_first_ranks_the_communes() -> None:
    # The gazetteer lists no communes: "Xã A ... nhiều nhất" ranks places all the same, over
    # another report's ranking of districts by all cases.
    district = _passage(
        "tin.txt",
        "Huyện Na Hang là địa bàn xảy ra nhiều vụ nhất với 6 vụ, tiếp đến là huyện Lâm Bình "
        "(4 vụ) và huyện Chiêm Hóa (3 vụ).",
        0, 0, province="Tuyên Quang", year=2024, title="Tuần tra trên các cung đường đèo",
    )  # fmt: skip
    commune = _passage(
        "bc.txt",
        "Tội phạm trộm cắp tài sản xảy ra 21 vụ. Xã Phú Lâm là địa bàn xảy ra nhiều vụ trộm "
        "cắp nhất (7 vụ).",
        0, 1, province="Tuyên Quang", year=2024, title="Báo cáo 6 tháng đầu năm 2024",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("xa nao xay ra nhieu vu trom cap nhat", [district, commune])
    assert "Phú Lâm" in answer.answer.split("[1]")[0], answer.answer


def test_a_period_naming_the_meeting_does_not_date_the_person_who_chaired_it() -> None:
    # The paragraph before the chair's speaks of the next half-year's plans: that is no
    # period of the meeting the question names.
    story = _passage(
        "tin.txt",
        "Sáng 8/7, Công an tỉnh Nam Định tổ chức hội nghị sơ kết công tác 6 tháng đầu năm "
        "2023.\n\nPhát biểu tại hội nghị, Trưởng phòng PC08 cho biết 6 tháng cuối năm 2023 "
        "đơn vị tập trung xử lý vi phạm nồng độ cồn.\n\nĐại tá Trần Văn Sơn, Giám đốc Công an "
        "tỉnh, chủ trì hội nghị và yêu cầu các đơn vị quyết liệt kéo giảm TNGT.",
        0, 0, province="Nam Định", year=2023, title="Sơ kết công tác 6 tháng đầu năm 2023",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Giám đốc CA tỉnh Nam Định chủ trì hội nghị sơ kết 6 tháng 2023 là ai?", [story]
    )
    assert "Trần Văn Sơn" in answer.answer, answer.answer


def test_a_sentence_saying_when_a_document_was_issued_answers_over_its_dateline() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 05/CT-UBND\n\nHà Nam, ngày 02 tháng 3 năm 2023\n\n"
        "CHỈ THỊ\n\nVề bảo đảm trật tự an toàn giao thông năm 2023\n\n"
        "Ngày 28/02/2023, UBND tỉnh Hà Nam ban hành Chỉ thị số 05/CT-UBND về bảo đảm trật tự "
        "an toàn giao thông năm 2023, sau khi lấy ý kiến các sở, ngành."
    )
    directive = _passage(
        "ct.txt", text, 0, 0, province="Hà Nam", year=2023, issued_on="2023-03-02",
        kind="chỉ thị", directive_numbers=("05/CT-UBND",),
        title="Chỉ thị về bảo đảm trật tự an toàn giao thông năm 2023",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("Chỉ thị 05/CT-UBND Hà Nam ban hành ngày nào?", [directive])
    assert answer.answer.startswith("Ngày 28/02/2023"), answer.answer


def test_a_rows_label_is_its_first_cell_that_is_no_number() -> None:
    # A resolution's table numbers its rows ("STT"): the row is named by its title.
    text = (
        "Điều 3. Mức hỗ trợ thường xuyên hằng tháng\n\n"
        "| STT | Chức danh | Mức hỗ trợ (đồng/người/tháng) |\n|---|---|---|\n"
        "| 1 | Tổ trưởng Tổ bảo vệ ANTT | 1.500.000 |\n| 2 | Tổ phó Tổ bảo vệ ANTT | 1.300.000 |\n"
        "| 3 | Tổ viên Tổ bảo vệ ANTT | 1.100.000 |"
    )
    resolution = _passage(
        "nq.md", text, 0, 0, province="Bến Tre", year=2024, kind="nghị quyết",
        title="Nghị quyết quy định mức hỗ trợ lực lượng bảo vệ ANTT ở cơ sở",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "ben tre to vien to bao ve ANTT duoc ho tro bao nhieu mot thang", [resolution]
    )
    assert "1.100.000" in answer.answer.split("[1]")[0], answer.answer
    assert "1.300.000" not in answer.answer


def test_which_place_had_most_of_an_event_is_read_in_its_cases_column_under_a_cut_caption() -> None:
    # Retrieval cut the page before the table: its caption names the event ("TNGT"), the
    # header only "Số vụ"; "Địa bàn nào" and "nơi nào" ask places as "huyện nào" does.
    caption = "Các địa bàn xảy ra nhiều TNGT nhất trong năm 2023:\n\n"
    table = (
        "Địa bàn | Số vụ | Số người chết\n\nHuyện Lục Nam | 18 | 9\n\n"
        "Huyện Lục Ngạn | 25 | 7\n\nHuyện Sơn Động | 21 | 12"
    )
    meta = {"province": "Bắc Giang", "year": 2023, "title": "Sơ kết TTATGT năm 2023"}
    first = _passage("tin.html", caption, 0, 0, **meta)
    second = _passage("tin.html", table, len(caption), 1, **meta)
    library = Library({"tin.html": [first, second]})
    most = ExtractiveAnswerer(library=library).build(
        "Địa bàn nào ở Bắc Giang nhiều TNGT nhất năm 2023?", [second]
    )
    assert most.answer.startswith("Số vụ, Huyện Lục Ngạn = 25"), most.answer
    compared = ExtractiveAnswerer(library=library).build(
        "Lục Nam và Sơn Động nơi nào có nhiều người chết do TNGT hơn năm 2023?", [second]
    )
    assert "Sơn Động = 12" in compared.answer and "Lục Nam = 9" in compared.answer


def test_the_signer_is_quoted_with_the_capacity_signed_in(library: Library) -> None:
    head = library.documents["quang-tri.txt"][0]
    text, _ = _ask(library, "Kế hoạch 45/KH-UBND của Quảng Trị do ai ký, chức vụ gì?", [head])
    assert "PHÓ CHỦ TỊCH" in text and "Lê Minh Khoa" in text, text


def test_a_signer_laid_out_in_a_two_column_table_is_quoted_with_the_capacity() -> None:
    """A Markdown report puts "Nơi nhận" and the signature side by side: the capacity is the
    right column of the rows above the name, an empty row between them included."""
    text = (
        "Đề nghị Công an các huyện triển khai thực hiện.\n\n"
        "| Nơi nhận: | KT. GIÁM ĐỐC |\n|---|---|\n| - Như trên; | PHÓ GIÁM ĐỐC |\n"
        "| - Lưu: VT. | |\n| | Thượng tá Phạm Quang Vinh |"
    )
    meta = {"province": "Sơn La", "year": 2024, "kind": "báo cáo", "title": "Báo cáo 88/BC-PC06"}
    report = _passage("bc.md", text, 0, 0, directive_numbers=("88/BC-PC06",), **meta)
    answer = ExtractiveAnswerer(library=Library({"bc.md": [report]})).build(
        "Báo cáo 88/BC-PC06 do ai ký?", [report]
    )
    assert "PHÓ GIÁM ĐỐC" in answer.answer
    assert "Phạm Quang Vinh" in answer.answer


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # The signature block tells who signed and in what capacity: one question.
        ("Chỉ thị 05-CT/TU do ai ký, chức vụ gì?", 1),
        ("Cơ sở cho thuê xe máy phải làm gì, hạn khi nào?", 2),
        ("chi thi ve mua ban nguoi ky ngay nao, ai ky", 2),
        ("Nghị quyết 36/2030 ban hành hôm nào và áp dụng từ ngày nào?", 2),
        ("Tỉnh A có bao nhiêu xã biên giới?", 1),
    ],
)
def test_a_double_question_is_cut_between_its_two_asking_phrases(question: str, parts: int) -> None:
    # "máy" (mấy) is no asking phrase of its own before "làm gì".
    assert len(split_asks(question)) == parts


def test_trafficking_in_persons_is_no_signer() -> None:
    assert analyse("Chỉ thị về phòng, chống mua bán người ký ngày nào?").type == QuestionType.TIME
    assert analyse("Người ký chỉ thị là ai?").type == QuestionType.SIGNER


def test_a_share_of_the_cases_is_no_count_of_them() -> None:
    asked = analyse("Quý I/2024 tỉnh A xảy ra bao nhiêu vụ TNGT?")
    assert not states_count(asked, "Phấn đấu giảm ít nhất 5% số vụ TNGT so với cùng kỳ.")
    assert states_count(asked, "Quý I/2024 xảy ra 21 vụ TNGT, giảm 5% so với cùng kỳ.")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("từ ngày 01/01/2024 đến ngày 30/6/2024", "first-half"),
        ("từ ngày 15/12/2023 đến ngày 14/6/2024", "first-half"),  # a report's shifted half
        ("từ 01/10 đến hết 31/12/2024", "quarter-4"),
        ("từ ngày 01/7/2025 đến ngày 20/9/2025", "range"),
    ],
)
def test_a_date_range_is_the_part_of_the_year_it_covers(text: str, period: str) -> None:
    # ... and the period running from its start ("since-..."), nothing else
    assert period_of(text) == period
    assert {p for p in periods_in(text) if not p.startswith("since-")} == {period}


def test_a_figure_of_a_date_range_does_not_answer_for_a_half_year() -> None:
    story = _passage(
        "tin.txt",
        "Từ ngày 01/7/2025 đến ngày 15/9/2025, toàn tỉnh xảy ra 52 vụ TNGT, làm chết 30 người.",
        0, 0, province="Lâm Đồng", year=2025, title="Tăng cường tuần tra trên các cung đường đèo",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Lâm Đồng 6 tháng đầu năm 2025 xảy ra bao nhiêu vụ TNGT?", [story]
    )
    assert answer.refused and "từ ngày 01/7/2025 đến ngày 15/9/2025" in answer.answer


def test_a_provincial_reports_unplaced_figure_is_no_districts() -> None:
    # The passage names the asked district once (a table row), the report goes through all
    # districts: its sentence naming none is the province's, and a row read outside its
    # column ("| Huyện B | 96 | ...", of another noun) answers no count.
    meta = {"province": "Tây Ninh", "year": 2023, "title": "Báo cáo tổng kết công tác năm 2023"}
    crimes = _passage(
        "bc.md",
        "| Địa bàn | Vụ phạm tội về TTXH | So với năm 2022 |\n|---|---|---|\n"
        "| Thị xã Trảng Bàng | 96 | giảm 8 vụ |\n| Huyện Gò Dầu | 71 | tăng 2 vụ |\n"
        "| Huyện Bến Cầu | 40 | giảm 1 vụ |\n\n4. Phòng cháy, chữa cháy\n\n"
        "Xảy ra 19 vụ cháy, làm chết 1 người, thiệt hại tài sản ước tính 9,2 tỷ đồng.",
        0, 0, **meta,
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Thị xã Trảng Bàng năm 2023 có bao nhiêu vụ cháy?", [crimes]
    )
    assert answer.refused, answer.answer


def test_a_cause_opening_its_paragraph_answers_why_of_the_effect_told_before_it() -> None:
    directive = _passage(
        "ct.txt",
        "CHỈ THỊ CỦA BAN THƯỜNG VỤ TỈNH ỦY về phòng cháy tại nhà trọ và chung cư mini\n\n"
        "Thời gian qua, tình hình cháy tại nhà trọ và chung cư mini trên địa bàn tỉnh vẫn diễn "
        "biến phức tạp, xảy ra nhiều vụ cháy.\n\n"
        "Nguyên nhân của tình hình trên chủ yếu là do chủ cơ sở sử dụng điện thiếu an toàn, bịt "
        "kín lối thoát nạn; lực lượng dân phòng còn thiếu phương tiện.",
        0, 0, province="Hà Tĩnh", year=2024, kind="chỉ thị",
        title="Chỉ thị về phòng cháy tại nhà trọ và chung cư mini",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Vì sao cháy ở nhà trọ, chung cư mini tại Hà Tĩnh xảy ra nhiều?", [directive]
    )
    assert answer.answer.startswith("Nguyên nhân của tình hình trên"), answer.answer


def test_a_figure_after_a_parts_figure_in_its_paragraph_is_of_that_part() -> None:
    report = _passage(
        "bc.txt",
        "- Phạm pháp hình sự: quý III xảy ra 02 vụ; 9 tháng xảy ra 06 vụ, giảm 01 vụ so với "
        "cùng kỳ. Đã phối hợp Công an huyện điều tra làm rõ 05/06 vụ, đạt 83,3%.",
        0, 0, province="Sóc Trăng", year=2024, title="Báo cáo công tác quý III năm 2024",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Năm 2024 Sóc Trăng điều tra làm rõ bao nhiêu vụ phạm pháp hình sự?", [report]
    )
    assert answer.refused, answer.answer


def test_a_report_asked_by_number_tells_its_issuer_and_subject_from_its_head() -> None:
    text = (
        "CÔNG AN TỈNH KON TUM\n\nSố: 912/BC-CAT-PV01\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nKon Tum, ngày 10 tháng 12 năm 2023\n\n"
        "BÁO CÁO\n\nTổng kết công tác bảo đảm an ninh, trật tự năm 2023\n\n"
        "I. TÌNH HÌNH AN NINH, TRẬT TỰ\n\nTình hình an ninh chính trị cơ bản ổn định."
    )
    report = _passage(
        "bc.txt", text, 0, 0, province="Kon Tum", year=2023, kind="báo cáo",
        directive_numbers=("912/BC-CAT-PV01",),
        title="Báo cáo tổng kết công tác bảo đảm an ninh, trật tự năm 2023",
    )  # fmt: skip
    library = Library({"bc.txt": [report]})
    answer = ExtractiveAnswerer(library=library).build(
        "Báo cáo số 912/BC-CAT-PV01 là của cơ quan nào, về nội dung gì?", [report]
    )
    assert "CÔNG AN TỈNH KON TUM" in answer.answer, answer.answer
    assert "Tổng kết công tác bảo đảm an ninh, trật tự năm 2023" in answer.answer


def test_a_report_citing_another_plan_tells_when_that_plan_was_issued_not_its_own_date() -> None:
    text = (
        "CÔNG AN TỈNH TIỀN GIANG\n\nSố: 1190/BC-CAT-PV01\n\n"
        "Tiền Giang, ngày 14 tháng 12 năm 2024\n\nBÁO CÁO\n\nTổng kết công tác năm 2024\n\n"
        "Thực hiện Kế hoạch số 88/KH-CAT ngày 05/3/2024 của Công an tỉnh về cao điểm tấn công "
        "tội phạm ma túy, đã triệt phá 4 đường dây."
    )
    report = _passage(
        "bc.txt", text, 0, 0, province="Tiền Giang", year=2024, kind="báo cáo",
        directive_numbers=("1190/BC-CAT-PV01",),
        title="Báo cáo tổng kết công tác năm 2024",
    )  # fmt: skip
    library = Library({"bc.txt": [report]})
    answer = ExtractiveAnswerer(library=library).build(
        "ke hoach 88/KH-CAT ve ma tuy ban hanh ngay nao", [report]
    )
    assert "05/3/2024" in answer.answer and "14 tháng 12" not in answer.answer, answer.answer


def test_an_office_holder_is_the_person_beside_that_units_office() -> None:
    story = _passage(
        "tin.txt",
        '"Chúng tôi tăng cường tuần tra ban đêm", Thượng tá Lê Văn Hòa, Trưởng phòng CSGT '
        "(PC08) Công an tỉnh chia sẻ.\n\nThành lập Ban Chỉ đạo do Đại tá Trần Minh Khoa, Phó "
        "Giám đốc Công an tỉnh làm Trưởng ban; Trưởng phòng Cảnh sát cơ động làm Phó Trưởng ban.",
        0, 0, province="Sóc Trăng", year=2024, title="Kéo giảm TNGT vào buổi tối",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    assert (
        "Lê Văn Hòa"
        in answerer.build("Trưởng phòng PC08 Công an tỉnh Sóc Trăng là ai?", [story]).answer
    )
    # Another unit's head, and a head named only in a list of roles: not in the documents.
    assert answerer.build("Trưởng phòng PC07 Công an tỉnh Sóc Trăng là ai?", [story]).refused
    assert answerer.build("Trưởng phòng Cảnh sát cơ động Sóc Trăng tên gì?", [story]).refused


def test_an_operations_days_do_not_refuse_a_question_about_its_year() -> None:
    # "dịp Tết 2024" names the operation; its date range is no part of the year asked past.
    directive = _passage(
        "ct.txt",
        "1. Công an huyện phối hợp Ủy ban nhân dân các xã thành lập 21 tổ tuần tra lưu động, "
        "hoạt động từ ngày 25/01/2024 đến hết ngày 20/02/2024.",
        0, 0, province="Lai Châu", year=2023, title="Chỉ thị về tuần tra dịp Tết 2024",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Lai Châu thành lập bao nhiêu tổ tuần tra lưu động dịp Tết 2024?", [directive]
    )
    assert "21 tổ tuần tra" in answer.answer, answer.answer


def test_a_documents_signer_is_read_from_its_end_when_retrieval_missed_it(
    library: Library,
) -> None:
    # Only the head was retrieved; the signature closes the document's other passage. The
    # question names no kind of document, so nothing pins it.
    head = library.documents["quang-tri.txt"][0]
    question = "Văn bản về phòng, chống đuối nước cho trẻ em năm 2024 của Quảng Trị do ai ký?"
    text, cited = _ask(library, question, [head])
    assert "Lê Minh Khoa" in text and cited == ["quang-tri.txt"], text
    # Another year's plan is not this one: its signer is not told.
    text, _ = _ask(library, question.replace("2024", "2023"), [head])
    assert text == ""


@dataclass
class IssuedLibrary(Library):
    """A library whose documents' issuers extraction has read."""

    issuers: dict[str, str] = field(default_factory=dict)

    def extraction_of(self, source: str) -> Extraction:
        return Extraction(identity=DocumentIdentity(issuer=self.issuers.get(source)))


def test_a_commune_polices_report_speaks_of_its_commune_where_a_section_names_none() -> None:
    meta = {"province": "Nam Định", "year": 2030, "title": "Báo cáo kết quả công tác 9 tháng"}
    section = _passage(
        "bc-cax.txt",
        "5. Phong trào toàn dân bảo vệ an ninh Tổ quốc: lắp đặt mới 12 camera an ninh, nâng "
        "tổng số camera trên địa bàn lên 58 camera.",
        900, 3, **meta,
    )  # fmt: skip
    other = _passage(
        "tin.txt",
        "Xã Giao Hải hiện có 30 camera an ninh do nhân dân đóng góp.",
        0, 0, province="Nam Định", year=2030, title="Camera an ninh ở Giao Thủy",
    )  # fmt: skip
    library = IssuedLibrary(
        documents={"bc-cax.txt": [section], "tin.txt": [other]},
        issuers={"bc-cax.txt": "Công an xã Giao An"},
    )
    answer = ExtractiveAnswerer(library=library).build(
        "Hiện nay xã Giao An có tổng cộng bao nhiêu camera an ninh?", [section, other]
    )
    assert not answer.refused and "58 camera" in answer.answer, answer.answer
    assert "30 camera" not in answer.answer  # another commune's figure is no close second


def test_a_former_province_asked_is_answered_only_by_its_own_figure() -> None:
    # After the 2025 merger a document of the new province tells each former one's figure.
    story = _passage(
        "tin.txt",
        "Từ đầu năm 2030 đến nay, trên các quốc lộ thuộc khu vực Hà Giang cũ xảy ra 41 vụ TNGT. "
        "Ngoài ra còn xảy ra 23 vụ trộm cắp tài sản của du khách.",
        0, 0, province="Tuyên Quang", year=2030, issued_on="2030-10-01",
        title="Bảo đảm an toàn giao thông mùa du lịch",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    asked = answerer.build("khu vực Hà Giang cũ năm 2030 xảy ra bao nhiêu vụ TNGT?", [story])
    assert not asked.refused and "41 vụ TNGT" in asked.answer, asked.answer
    other = answerer.build("khu vực Tuyên Quang cũ năm 2030 xảy ra bao nhiêu vụ TNGT?", [story])
    assert other.refused, other.answer


def test_a_paragraph_opening_with_a_figure_is_of_the_year_told_just_before_it() -> None:
    # A directive for next year's Tết recalls last Tết's figures over two paragraphs; the
    # second names no year (only the one compared with) and the title names the next one.
    directive = _passage(
        "ct.txt",
        "Trong dịp Tết Nguyên đán năm 2030, toàn tỉnh xảy ra 31 vụ phạm pháp hình sự (giảm 9 vụ "
        "so với Tết năm 2029), làm chết 02 người.\n\nTai nạn giao thông xảy ra 11 vụ, làm chết "
        "09 người; so với Tết Kỷ Dậu năm 2029 tăng 02 vụ.",
        0, 0, province="Bình Phước", year=2030, title="Chỉ thị về dịp Tết Nguyên đán năm 2031",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Tết năm 2030 ở Bình Phước có bao nhiêu vụ TNGT, chết bao nhiêu người?", [directive]
    )
    assert not answer.refused and "xảy ra 11 vụ" in answer.answer, answer.answer
    # The two asks share that sentence: it is quoted once.
    assert answer.answer.count("Tai nạn giao thông xảy ra 11 vụ") == 1, answer.answer


def test_a_year_compared_with_is_answered_where_its_own_figure_is_given() -> None:
    story = _passage(
        "tin.txt",
        "Trong 10 tháng năm 2030, lực lượng chức năng phát hiện 14 vụ mua bán người (so với cả "
        "năm 2029 là 12 vụ). Số vụ trộm cắp giảm 5% so với năm 2029.",
        0, 0, province="Điện Biên", year=2030, title="Phòng, chống mua bán người",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Điện Biên năm 2029 có bao nhiêu vụ mua bán người?", [story]
    )
    assert not answer.refused and "12 vụ" in answer.answer, answer.answer


def test_a_list_question_answered_by_a_numbered_item_gets_the_whole_list() -> None:
    resolution = _passage(
        "nq.txt",
        "Điều 2. Đối tượng áp dụng\n\n1. Người cai nghiện tự nguyện tại cơ sở công lập.\n\n"
        "2. Người cai nghiện tại gia đình, cộng đồng.\n\n3. Người làm công tác cai nghiện ở "
        "cấp xã.\n\nĐiều 3. Mức hỗ trợ\n\n1. Tiền ăn 1.350.000 đồng/người/tháng.",
        0, 0, province="Cao Bằng", year=2030, title="Nghị quyết hỗ trợ cai nghiện ma túy",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Nghị quyết hỗ trợ cai nghiện ở Cao Bằng áp dụng với những đối tượng nào?", [resolution]
    )
    for item in ("cơ sở công lập", "gia đình, cộng đồng", "công tác cai nghiện"):
        assert item in answer.answer, answer.answer
    assert "Tiền ăn" not in answer.answer  # the next article's list is another list


def test_the_place_with_most_is_read_from_a_list_of_places_with_their_figures() -> None:
    story = _passage(
        "tin.txt",
        "Số hộ phải di dời theo địa bàn:\n\nHuyện Sơn Hòa: 640 hộ\n\nHuyện Tây Hòa: 1.105 hộ\n\n"
        "Thành phố Tuy Hòa: 987 hộ\n\nHuyện Phú Hòa: 696 hộ",
        0, 0, province="Phú Yên", year=2030, title="Di dời dân trong mưa lũ",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Đợt lũ năm 2030 huyện nào ở Phú Yên phải di dời nhiều hộ nhất?", [story]
    )
    assert answer.answer.startswith("Huyện Tây Hòa: 1.105 hộ"), answer.answer


def test_a_tables_bare_total_row_is_not_a_place_compared() -> None:
    table = _passage(
        "bc.txt",
        "Kết quả thu hồi theo địa bàn (Xã | Súng (khẩu) | Công cụ hỗ trợ (chiếc)):\n"
        "Xã A | 9 | 4\nXã B | 2 | 9\nXã C | 1 | 5\nCộng | 12 | 18",
        0, 0, province="Bắc Giang", district="Yên Thế", year=2030, title="Báo cáo thu hồi vũ khí",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Xã nào ở Yên Thế nộp nhiều công cụ hỗ trợ nhất năm 2030?", [table]
    )
    assert "Xã B" in answer.answer and "Cộng" not in answer.answer.split("[1]")[0], answer.answer


def test_an_hour_asked_is_answered_by_the_clause_giving_hours_not_dates() -> None:
    plan = _passage(
        "kh.txt",
        "| 2 | 01/10/2030 – 15/01/2031 | Cao điểm xử lý học sinh vi phạm | PC08 |\n\n"
        "- Bố trí lực lượng điều tiết giao thông tại cổng trường vào giờ học sinh đến trường "
        "(6 giờ 30 – 7 giờ 15) và tan học (16 giờ 30 – 17 giờ 15).",
        0, 0, province="Lâm Đồng", year=2030, title="Kế hoạch bảo đảm an ninh trường học",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "CSGT Lâm Đồng điều tiết giao thông ở cổng trường vào khung giờ nào?", [plan]
    )
    assert answer.answer.startswith("- Bố trí lực lượng"), answer.answer


def test_a_body_another_directs_owns_the_task_it_is_directed_to() -> None:
    item = (
        "bốn là, Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chỉ đạo Liên đoàn Lao động "
        "tỉnh thành lập công đoàn cơ sở tại các doanh nghiệp trong khu công nghiệp"
    )
    assert owns(body_of("Liên đoàn Lao động tỉnh được giao nhiệm vụ gì?") or "", item)
    partner = "Sở Công Thương chủ trì, phối hợp với Liên đoàn Lao động tỉnh kiểm tra doanh nghiệp"
    assert not owns(body_of("Liên đoàn Lao động tỉnh được giao nhiệm vụ gì?") or "", partner)


def test_a_body_given_a_task_by_its_verb_is_the_body_asked() -> None:
    # "giao Sở X kiểm tra những gì": the task's own verb, not "nhiệm vụ", follows the body.
    assert body_of("Chỉ thị 23 giao Sở VHTTDL kiểm tra những gì quanh trường học?") == (
        "so van hoa the thao va du lich"
    )
    assert body_of("ke hoach giao phong PC08 xu ly nhung gi") == "phong pc08"
    assert body_of("Kế hoạch giao cơ quan nào kiểm tra gì?") is None


def test_a_figure_beside_the_same_period_a_year_before_is_of_the_asked_year() -> None:
    story = _passage(
        "tin.txt",
        "Theo Ban Chỉ đạo 389 tỉnh, 6 tháng đầu năm 2030, các lực lượng phát hiện 214 vụ buôn "
        "lậu.\n\nTrong 6 tháng, các lực lượng đã thu giữ 41.860 bao thuốc lá điếu nhập lậu (cùng "
        "kỳ năm 2029 là 36.120 bao).",
        0, 0, province="Tiền Giang", year=2030, title="Chống buôn lậu trên sông",
    )  # fmt: skip
    answer = ExtractiveAnswerer().build(
        "Thuốc lá lậu thu giữ 6 tháng đầu năm 2030 ở Tiền Giang nhiều hơn hay ít hơn cùng kỳ 2029?",
        [story],
    )
    assert answer.answer.startswith("Trong 6 tháng, các lực lượng đã thu giữ"), answer.answer


def test_a_figure_several_provinces_share_is_no_one_provinces_own() -> None:
    story = _passage(
        "tin.txt",
        "Đường dây phát triển khoảng 1.900 tài khoản người chơi ở Bình Định, Quảng Ngãi, Gia "
        "Lai và Phú Yên. Riêng Bình Định có 1.100 tài khoản.",
        0, 0, province="Bình Định", year=2030, title="Triệt phá đường dây đánh bạc qua mạng",
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    shared = answerer.build("Đường dây có bao nhiêu tài khoản người chơi ở Quảng Ngãi?", [story])
    assert shared.refused, shared.answer
    own = answerer.build("Đường dây có bao nhiêu tài khoản người chơi ở Bình Định?", [story])
    assert "1.100 tài khoản" in own.answer, own.answer
    together = "Đường dây có bao nhiêu tài khoản ở Bình Định, Quảng Ngãi, Gia Lai và Phú Yên?"
    assert "1.900 tài khoản" in answerer.build(together, [story]).answer  # all four asked
    # After the merger, two former provinces now the asked one are one place, not a list.
    merged = _passage(
        "tin2.txt",
        "Từ ngày 01/7/2031 đến ngày 31/10/2031, Công an tỉnh Gia Lai tiếp nhận 57 tố giác lừa "
        "đảo tuyển dụng, tăng 9 tin so với cùng kỳ của hai tỉnh Gia Lai và Bình Định.",
        0, 0, province="Gia Lai", year=2031, issued_on="2031-11-05", title="Lừa đảo tuyển dụng",
    )  # fmt: skip
    asked = "Công an tỉnh Gia Lai tiếp nhận bao nhiêu tố giác lừa đảo tuyển dụng từ 01/7/2031?"
    assert "57 tố giác" in answerer.build(asked, [merged]).answer


def test_a_span_of_two_years_is_one_period_not_either_year() -> None:
    """A plan for "niên vụ 2023 - 2024" tells the figures of "niên vụ 2022 - 2023": asked for
    the season it plans, they are not its figures (in the sentence or the one after it),
    though both spans name 2023."""
    text = (
        "Mùa thu hoạch niên vụ 2022 - 2023, trên địa bàn tỉnh xảy ra 96 vụ trộm cắp nông sản.\n"
        "Lực lượng Công an đã điều tra làm rõ 71 vụ trộm cắp nông sản, bắt 88 đối tượng."
    )
    title = "Kế hoạch bảo đảm an ninh, trật tự mùa thu hoạch niên vụ 2023 - 2024"
    report = _passage("kh.md", text, 0, 0, province="Gia Lai", year=2023, title=title)
    for question in (
        "Niên vụ 2023 - 2024 Gia Lai xảy ra bao nhiêu vụ trộm cắp nông sản?",
        "Niên vụ 2023 - 2024 Gia Lai điều tra làm rõ bao nhiêu vụ trộm cắp nông sản?",
    ):
        assert ExtractiveAnswerer().build(question, [report]).refused, question
    asked = ExtractiveAnswerer().build(
        "Niên vụ 2022 - 2023 Gia Lai xảy ra bao nhiêu vụ trộm cắp nông sản?", [report]
    )
    assert "96 vụ" in asked.answer


def test_a_signature_laid_out_beside_the_recipients_is_read_with_its_capacity() -> None:
    """The two columns of "Nơi nhận:" and the signature come out of the cleaner interleaved
    ("- Như trên;" between the title lines and the name): the name and the title lines are
    both quoted, and "..., chức vụ gì?" is no second question."""
    report = _passage(
        "bc.txt",
        "Đề nghị UBND huyện bố trí kinh phí lắp camera.\n\nNơi nhận:\n- Như trên;\nKT.\n"
        "TRƯỞNG CÔNG AN HUYỆN\nPHÓ TRƯỞNG CÔNG AN HUYỆN\n- Công an các xã; (đã ký)\n"
        "- Lưu: VT, TH.\nThiếu tá Lò Văn Tuấn",
        0, 0, province="Sơn La", district="Mai Sơn", year=2024, kind="báo cáo",
        title="Báo cáo số 318/BC-CAH kết quả công tác 6 tháng năm 2024",
        directive_numbers=("318/BC-CAH",),
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("Báo cáo 318/BC-CAH do ai ký, chức vụ gì?", [report])
    assert "Lò Văn Tuấn" in answer.answer.split("[1]")[0]
    assert "PHÓ TRƯỞNG CÔNG AN HUYỆN" in answer.answer
    assert "camera" not in answer.answer


def test_the_signer_of_a_document_only_cited_is_not_the_citing_documents_signer() -> None:
    report = _passage(
        "bc.txt",
        "Thực hiện Kế hoạch số 77/KH-UBND ngày 02/3/2024 của UBND tỉnh về phòng, chống ma "
        "túy, Công an huyện báo cáo kết quả như sau.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
        "TRƯỞNG CÔNG AN HUYỆN\n\nThượng tá Hoàng Văn Chung",
        0, 0, province="Lai Châu", district="Phong Thổ", year=2024, kind="báo cáo",
        title="Báo cáo số 205/BC-CAH kết quả phòng, chống ma túy năm 2024",
        directive_numbers=("205/BC-CAH", "77/KH-UBND"),
    )  # fmt: skip
    answerer = ExtractiveAnswerer()
    assert "Hoàng Văn Chung" in answerer.build("Ai ký Báo cáo 205/BC-CAH?", [report]).answer
    assert answerer.build("Kế hoạch 77/KH-UBND do ai ký?", [report]).refused


def test_the_signer_of_a_document_only_cited_is_read_where_a_clause_tells_it() -> None:
    news = _passage(
        "tin.txt",
        "HĐND tỉnh vừa thông qua Nghị quyết số 19/2024/NQ-HĐND về mức hỗ trợ Tổ bảo vệ an "
        "ninh, trật tự. Nghị quyết do Chủ tịch HĐND tỉnh Lường Văn Hặc ký ban hành.\n\n"
        "Tác giả: Minh Châu (đã ký)",
        0, 0, province="Sơn La", year=2024, kind="tin bài",
        title="Sơn La nâng mức hỗ trợ Tổ bảo vệ ANTT",
        directive_numbers=("19/2024/NQ-HĐND",),
    )  # fmt: skip
    answer = ExtractiveAnswerer().build("Nghị quyết 19/2024/NQ-HĐND do ai ký?", [news])
    assert "Lường Văn Hặc" in answer.answer.split("[1]")[0]


def test_whether_a_target_was_met_is_its_row_of_the_targets_table_with_the_verdict() -> None:
    """The row judging the target asked, from the rest of the table where retrieval brought
    only its first rows; "Không" as the row says "Chưa đạt"."""
    meta = {"province": "Lai Châu", "year": 2024, "kind": "báo cáo", "title": "Báo cáo năm 2024"}
    first = _passage(
        "bc.md",
        "Kết quả thực hiện chỉ tiêu năm 2024:\n\n"
        "| Chỉ tiêu | Kế hoạch | Kết quả | Đánh giá |\n\n|---|---|---|---|\n\n"
        "| Kéo giảm số vụ tai nạn giao thông | 5% | 7,2% | Đạt |",
        0, 0, **meta,
    )  # fmt: skip
    rest = _passage(
        "bc.md",
        "| Tổ chức tuần tra ban đêm trên quốc lộ | 240 cuộc | 198 cuộc | Chưa đạt |\n\n"
        "| Xây dựng mô hình camera an ninh | 20 mô hình | 23 mô hình | Vượt |",
        len(first.text) + 2, 1, **meta,
    )  # fmt: skip
    answerer = ExtractiveAnswerer(library=Library({"bc.md": [first, rest]}))
    answer = answerer.build(
        "Chỉ tiêu tuần tra ban đêm trên quốc lộ năm 2024 của tỉnh Lai Châu có đạt không?", [first]
    ).answer
    assert answer.startswith("Không.") and "198 cuộc" in answer.split("[1]")[0], answer


def test_when_a_resolution_takes_effect_is_its_own_clause_not_a_law_or_a_repealed_one() -> None:
    resolution = _passage(
        "nq.txt",
        "Căn cứ Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở ngày 28 tháng 11 năm "
        "2023 (có hiệu lực từ ngày 01/7/2024);\n\n"
        "Điều 5. Hiệu lực thi hành\n\n"
        "1. Nghị quyết này có hiệu lực từ ngày 20 tháng 8 năm 2024.\n\n"
        "2. Nghị quyết số 03/2020/NQ-HĐND ngày 10/7/2020 của HĐND tỉnh quy định mức phụ cấp "
        "Bảo vệ dân phố hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực.",
        0, 0, province="Lai Châu", year=2024, kind="nghị quyết",
        title="Nghị quyết số 09/2024/NQ-HĐND", directive_numbers=("09/2024/NQ-HĐND",),
    )  # fmt: skip
    answerer = ExtractiveAnswerer(library=Library({"nq.txt": [resolution]}))
    question = "NQ 09/2024/NQ-HĐND của HĐND tỉnh về mức phụ cấp có hiệu lực khi nào?"
    answer = answerer.build(question, [resolution]).answer
    assert "20 tháng 8 năm 2024" in answer.split("[1]")[0], answer


def test_a_unit_code_inside_a_document_number_names_no_body() -> None:
    """ "Tờ trình số 845/TTr-CAT-PC07" was drafted by PC07 and gives it no task: the item
    giving PC07 its task answers "PC07 có nhiệm vụ gì"."""
    plan = (
        "Xét đề nghị của Công an tỉnh tại Tờ trình số 845/TTr-CAT-PC07 ngày 12/3/2029, Ủy "
        "ban nhân dân tỉnh ban hành Kế hoạch bảo đảm an toàn PCCC tại các làng nghề như sau:\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Công an tỉnh\n\n"
        "a) Chỉ đạo Phòng Cảnh sát PCCC và CNCH (PC07) chủ trì kiểm tra an toàn PCCC tại 5 làng "
        "nghề trọng điểm, hoàn thành trước ngày 30/9/2029.\n\n"
        "2. Sở Công Thương: rà soát quy hoạch cụm công nghiệp làng nghề."
    )
    passage = _passage(
        "kh.txt", plan, 0, 0, title="Kế hoạch PCCC làng nghề", province="Bắc Ninh", year=2029,
        kind="kế hoạch",
    )  # fmt: skip
    assert not owns("pc07", plan.split("\n\n")[0])
    answer = ExtractiveAnswerer().build(
        "PC07 có nhiệm vụ gì trong kế hoạch PCCC làng nghề?", [passage]
    )
    assert "30/9/2029" in answer.answer.split("[1]")[0], answer.answer
