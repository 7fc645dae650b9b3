"""A part of a whole the question qualifies its noun by, an abbreviated counted noun, a
document named with its commune, "ban hành gì", a commune's whole name (and one ending in
a number), a named resolution's own number, every point of a body's item, and two
subjects each at its place (invented documents)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_places
from assistant.extractive.documents import bare_numbers
from assistant.extractive.question import QuestionType, analyse
from assistant.passages import Passage
from index.extraction.duties import read_duties
from index.extraction.records import Extraction
from index.records import DocumentMetadata
from tests.assistant.one_document import invented_passage


def test_a_part_of_the_whole_counted_before_is_the_count_the_question_qualifies() -> None:
    """ "bao nhiêu vụ trộm cắp mà đối tượng là người nghiện": the "Trong đó có ..." after
    the whole names that part, though the words after its counter are no theft's."""
    report = invented_passage(
        "1. Năm 2030, trên địa bàn huyện xảy ra 64 vụ trộm cắp tài sản, giảm 5 vụ so với năm "
        "2029; thu hồi tài sản trị giá 1,2 tỷ đồng. Trong đó có 23 vụ đối tượng là người "
        "nghiện ma túy, chiếm 35,9% tổng số vụ.",
        province="Yên Bái",
        district="Văn Chấn",
    )
    asked = "Năm 2030 Văn Chấn có bao nhiêu vụ trộm cắp mà đối tượng là người nghiện ma túy?"
    answer = ExtractiveAnswerer().build(asked, [report])
    assert "23 vụ" in answer.answer, answer.answer
    # ... while the whole is asked, the whole's count answers first
    whole = ExtractiveAnswerer().build("Năm 2030 Văn Chấn có bao nhiêu vụ trộm cắp?", [report])
    assert "64 vụ" in whole.answer.split("[1]")[0], whole.answer


def test_a_counted_noun_abbreviated_in_the_report_is_the_asked_one() -> None:
    """ "bố trí bao nhiêu CBCS": "bố trí 85 CBCS" counts them as much as a clause writing
    "cán bộ, chiến sĩ (CBCS)" out."""
    report = invented_passage(
        "1. Kỳ thi vào lớp 10: Công an tỉnh huy động 140 lượt cán bộ, chiến sĩ (CBCS) bảo vệ "
        "18 điểm thi.\n\n"
        "2. Kỳ thi tốt nghiệp THPT năm 2030: Công an tỉnh bố trí 85 CBCS trực tiếp bảo vệ tại "
        "các điểm thi, tổng cộng huy động 310 lượt CBCS.",
        province="Yên Bái",
    )
    asked = "CA tỉnh bố trí bao nhiêu CBCS trực tiếp bảo vệ tại các điểm thi tốt nghiệp THPT?"
    answer = ExtractiveAnswerer().build(asked, [report])
    assert "85 CBCS" in answer.answer.split("[1]")[0], answer.answer


def test_two_documents_named_with_their_communes_are_asked_apart() -> None:
    """ "QĐ 12 xã A và KH 34 phường B": each document with its own commune, as "KH 12 tỉnh A"."""
    parts = split_places("QĐ 12 xã Tân Lập và KH 34 phường Hòa Bình thay thế những văn bản nào?")
    assert parts == [
        "QĐ 12 xã Tân Lập thay thế những văn bản nào?",
        "KH 34 phường Hòa Bình thay thế những văn bản nào?",
    ]


def test_what_a_named_decision_issues_is_what_it_is_about() -> None:
    """ "Quyết định 15/QĐ-UBND ban hành cái gì?" asks the decision's subject."""
    assert analyse("Quyết định 15/QĐ-UBND năm 2030 ban hành cái gì?").type == QuestionType.TOPIC
    assert analyse("qd 15 ban hanh gi").type == QuestionType.TOPIC
    assert analyse("UBND xã ban hành những quy chế nào?").type != QuestionType.TOPIC


def test_a_commune_is_named_by_its_whole_name() -> None:
    """ "xã Tân Hà" is not "xã Tân Hải", whose name starts alike: a neighbour's report is
    no answer, and the question is refused."""
    report = invented_passage(
        "Năm 2030, số người đăng ký tạm trú trên địa bàn xã là 1.204 người, tăng 96 người.",
        title="Báo cáo Công an xã Tân Hải năm 2030",
        province="Yên Bái",
    )
    asked = "Năm 2030 xã Tân Hà có bao nhiêu người đăng ký tạm trú?"
    assert ExtractiveAnswerer().build(asked, [report]).refused
    own = "Năm 2030 xã Tân Hải có bao nhiêu người đăng ký tạm trú?"
    assert "1.204 người" in ExtractiveAnswerer().build(own, [report]).answer


def test_a_commune_named_with_a_number_keeps_it() -> None:
    """ "CAX Tân Phước 1": the number is the commune's; a period after the name is not."""
    asked = "Tỷ lệ làm rõ 10 tháng 2030 của CAX Tân Phước 1 so với chỉ tiêu?"
    assert analyse(asked).communes == ("tan phuoc 1",)
    assert analyse("xã Tân Phước 1, huyện A có mấy vụ").communes == ("tan phuoc 1",)
    assert analyse("Xã Tân Lập 9 tháng 2030 có bao nhiêu vụ").communes == ("tan lap",)


def test_a_resolution_named_with_its_year_is_no_figure_to_find() -> None:
    """ "NQ 17/2030 tỉnh A thay thế văn bản nào": "17/2030" names the resolution, as "KH 33"
    names a plan; the clause that answers need not repeat it."""
    assert bare_numbers("NQ 17/2030 Yên Bái thay thế những văn bản nào?") == {"17", "17/2030"}
    assert bare_numbers("nghi quyet so 05/2030 quy dinh gi") >= {"05/2030", "5"}
    assert bare_numbers("Năm 2030 có 17/20 xã đạt chuẩn") == set()


PLAN = (
    "IV. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Công Thương chủ trì, theo dõi việc thực hiện Kế hoạch.\n\n"
    "2. Công an tỉnh:\n"
    "a) Chỉ đạo Phòng Cảnh sát hình sự đấu tranh với tội phạm trộm cắp dây điện.\n"
    "b) Chỉ đạo Phòng Cảnh sát giao thông xử lý xe quá khổ trong hành lang lưới điện.\n"
    "c) Chỉ đạo Công an cấp xã tuyên truyền trong tổ an ninh, trật tự.\n"
    "d) Báo cáo kết quả về Sở Công Thương trước ngày 10/12/2030.\n\n"
    "3. Sở Xây dựng không cấp phép công trình trong hành lang lưới điện."
)


@dataclass
class _Plan:
    """The plan as the index holds it: its passages and the duties read from its text."""

    passages: list[Passage]

    def passages_of(self, source: str) -> list[Passage]:
        return self.passages

    def extraction_of(self, source: str) -> Extraction:
        return Extraction(duties=read_duties(PLAN))

    def text_of(self, source: str) -> str:
        return PLAN


def test_every_point_of_a_body_s_own_item_is_its_answer() -> None:
    """ "Công an tỉnh có nhiệm vụ gì": all four points under "2. Công an tỉnh:", in order,
    not the best three of them."""
    meta = DocumentMetadata(title="Kế hoạch số 96/KH-UBND năm 2030", kind="kế hoạch", year=2030)
    passage = Passage("kh.md#0", "kh.md", PLAN, 0, len(PLAN), 0.5, meta)
    answer = ExtractiveAnswerer(library=_Plan([passage])).build(
        "Công an tỉnh có nhiệm vụ gì trong kế hoạch 96?", [passage]
    )
    points = ["a) Chỉ đạo", "b) Chỉ đạo", "c) Chỉ đạo", "d) Báo cáo"]
    at = [answer.answer.find(point) for point in points]
    assert -1 not in at and at == sorted(at), answer.answer
    assert "Sở Xây dựng" not in answer.answer, answer.answer


def test_two_subjects_each_at_its_place_are_asked_apart() -> None:
    """ "Thủ đoạn của nhóm A ở P và đường dây ở Q": the asked thing of each subject, each
    with its place; a question of one subject, or of two places only, stays whole."""
    assert split_places(
        "Các thủ đoạn của nhóm cho vay với công nhân ở Tân Lập và đường dây ở Lục Yên?"
    ) == [
        "Các thủ đoạn của nhóm cho vay với công nhân ở Tân Lập?",
        "Các thủ đoạn của đường dây ở Lục Yên?",
    ]
    assert split_places(
        "toi danh nao ap dung voi nhom bao ke o Van Chan va duong day tin dung o Luc Yen"
    ) == [
        "toi danh nao ap dung voi nhom bao ke o Van Chan?",
        "toi danh nao ap dung voi duong day tin dung o Luc Yen?",
    ]
    kept = "Số vụ cháy ở huyện Văn Chấn và số vụ TNGT ở huyện Lục Yên"
    assert split_places(kept) == [kept]
