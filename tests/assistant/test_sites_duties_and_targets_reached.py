"""A site located by a province in brackets, a body's duties asked as "trách nhiệm của
X ... là gì", a site with its place in brackets as one side of two, a target's progress
in a report of the year's first months, two cases of one kind at two places, and a
portal's attribute table read with its punctuation (invented documents)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.extractive.answerer import ExtractiveAnswerer, two_parts
from assistant.extractive.asks import split_places
from assistant.extractive.question import QuestionType, analyse
from assistant.passages import Passage
from index.extraction.identity import read_identity
from index.extraction.records import Extraction
from index.records import DocumentMetadata
from tests.assistant.one_document import invented_passage


def test_a_province_in_brackets_after_a_site_only_locates_it() -> None:
    """ "qua cửa khẩu A (tỉnh B)": the clause is still the asked province's report."""
    report = invented_passage(
        "2. Tiếp nhận 15 trường hợp trình báo mất liên lạc; trong đó tiếp nhận 09 người từ "
        "Campuchia trở về qua cửa khẩu quốc tế Mộc Bài (Tây Ninh) và cửa khẩu quốc tế Hoa Lư "
        "(Bình Phước).\n\n3. Phấn đấu 100% nạn nhân được tiếp nhận, hỗ trợ.",
        province="Yên Bái",
    )
    asked = "Yên Bái tiếp nhận nạn nhân từ Campuchia về qua cửa khẩu nào?"
    answer = ExtractiveAnswerer().build(asked, [report])
    assert "Mộc Bài" in answer.answer.split("[1]")[0], answer.answer


def test_a_body_s_responsibility_asked_as_what_it_is_is_its_duties() -> None:
    """ "Trách nhiệm của Công an huyện A trong quy chế là gì?" asks the body's items; a
    law's "trách nhiệm của người lao động là gì" is still a term defined."""
    asked = analyse("Trách nhiệm của CA huyện Lục Yên trong quy chế phối hợp với Điện lực là gì?")
    assert asked.type == QuestionType.DUTY and asked.body == "cong an"
    assert analyse("Nhiệm vụ của Sở Y tế trong kế hoạch là gì?").body == "so y te"
    assert analyse("Trách nhiệm của người sử dụng lao động là gì?").type == (
        QuestionType.DEFINITION
    )


def test_a_site_with_its_place_in_brackets_is_one_side_of_two() -> None:
    """ "... ở đền A (huyện B) và ở xã C là bao nhiêu?": asked of each side."""
    assert split_places(
        "Số camera đề xuất ở đền Đông Cuông (Văn Yên) và ở xã Tân Lập là bao nhiêu?"
    ) == [
        "Số camera đề xuất ở đền Đông Cuông (Văn Yên) là bao nhiêu?",
        "Số camera đề xuất ở xã Tân Lập là bao nhiêu?",
    ]
    kept = "Số vụ trộm (năm 2030) và số vụ cướp là bao nhiêu?"
    assert split_places(kept) == [kept]


def test_a_target_s_progress_is_what_the_report_of_its_first_months_reached() -> None:
    """ "chỉ tiêu X năm 2030 đạt được bao nhiêu %": the year is the target's; a 9-month
    report's "9 tháng đạt ..." answers it, not another target's line."""
    report = invented_passage(
        "III. KẾT QUẢ THỰC HIỆN CHỈ TIÊU\n\n"
        "- Chỉ tiêu 100% thôn được tuyên truyền trong năm 2030: đạt 41/52 thôn (78,85%).\n"
        "- Chỉ tiêu tháo gỡ 2.000 bẫy thú/năm: 9 tháng đạt 1.374 bẫy (68,70%).",
        title="Báo cáo kết quả công tác 9 tháng năm 2030",
        province="Yên Bái",
        district="Mù Cang Chải",
    )
    asked = "chi tieu thao go bay thu nam 2030 dat duoc bao nhieu phan tram"
    answer = ExtractiveAnswerer().build(asked, [report])
    assert "68,70%" in answer.answer.split("[1]")[0], answer.answer


def test_two_cases_of_one_kind_at_two_places_are_asked_apart() -> None:
    """ "Các vụ án X ở A và vụ Y ở B bị khởi tố theo điều nào": a plural's "các" opening
    the first side is no other kind of thing."""
    asked = (
        "Các vụ án về gỗ lậu ở Văn Chấn và vụ cướp tài sản ở Lục Yên bị khởi tố theo những "
        "điều nào?"
    )
    assert split_places(asked) == [
        "Các vụ án về gỗ lậu ở Văn Chấn bị khởi tố theo những điều nào?",
        "vụ cướp tài sản ở Lục Yên bị khởi tố theo những điều nào?",
    ]


def test_a_portal_s_attribute_labels_are_read_without_their_marks() -> None:
    """ "Số, ký hiệu | ...", "Ngày thông qua | ...", "Người ký | Chủ tịch ... A": the page
    carries that resolution, signed by A."""
    page = (
        "HĐND tỉnh thông qua nghị quyết hỗ trợ người giao nộp vũ khí\n\n"
        "Số, ký hiệu | 17/2030/NQ-HĐND\n\n"
        "Ngày thông qua | 06/12/2030\n\n"
        "Người ký | Chủ tịch HĐND tỉnh Hoàng Văn Sơn\n\n"
        "Nội dung nghị quyết quy định mức hỗ trợ."
    )
    identity = read_identity(page, DocumentMetadata(title="Tin tức"), "html")
    assert identity.signer == "Hoàng Văn Sơn"
    assert identity.number == "17/2030/NQ-HĐND"
    assert identity.issued_on == "2030-12-06"


def test_what_a_target_has_reached_is_asked_of_the_target_s_subject() -> None:
    """ "Chỉ tiêu X ở A là gì và đến cuối tháng 4 đạt được bao nhiêu?": the second part
    asks how far X has come, not a bare "đạt được bao nhiêu"."""
    first, second = two_parts(
        "Chỉ tiêu đăng ký tạm trú qua VNeID ở Lục Yên là gì và đến cuối tháng 4/2030 đạt được "
        "bao nhiêu?"
    )
    assert first.startswith("Chỉ tiêu đăng ký tạm trú")
    assert "đăng ký tạm trú qua VNeID" in second and "đạt được bao nhiêu" in second, second


def test_what_a_named_resolution_is_about_typed_bare() -> None:
    """ "nghi quyet 16/2030 quy dinh ve cai gi": "cai" is "cái" typed without marks (and may be
    restored as typed, "cai" being a word of its own): the resolution's subject is asked."""
    assert analyse("nghị quyết 16/2030/NQ-HĐND quy định về cai gì").type == QuestionType.TOPIC
    assert analyse("Nghị quyết 16/2030 quy định về cái gì?").type == QuestionType.TOPIC
    assert analyse("quyết định 15 ban hành cai gì").type == QuestionType.TOPIC


@dataclass
class _Library:
    """Whole documents as lists of passages, as the index snapshot gives them."""

    documents: dict[str, list[Passage]]

    def passages_of(self, source: str) -> list[Passage]:
        return self.documents.get(source, [])

    def extraction_of(self, source: str) -> Extraction:
        return Extraction()

    def text_of(self, source: str) -> str:
        return "\n\n".join(p.text for p in self.documents.get(source, []))


def _passages(source: str, parts: list[str], **meta: object) -> list[Passage]:
    metadata = DocumentMetadata(**meta)  # type: ignore[arg-type]
    found, start = [], 0
    for n, text in enumerate(parts):
        found.append(
            Passage(f"{source}#{n}", source, text, start, start + len(text), 0.5, metadata)
        )
        start += len(text) + 2
    return found


def test_a_commune_s_own_report_is_read_whole_beside_the_district_of_its_name() -> None:
    """ "xã A hiện có bao nhiêu tổ ...": of the district "huyện A" (before the merger) and
    the commune "xã A" (after it), both with a document, the commune's report is the one
    read whole for the figure retrieval did not bring."""
    district = _passages(
        "ct.txt",
        [
            "Chỉ thị của Ban Thường vụ Huyện ủy Văn Chấn về phòng, chống thiên tai năm 2024.",
            "Các tổ bảo vệ an ninh, trật tự tham gia sơ tán dân khi có bão.",
        ],
        title="Chỉ thị số 21-CT/HU huyện Văn Chấn",
        year=2024,
        kind="chỉ thị",
    )
    commune = _passages(
        "bc.txt",
        [
            "CÔNG AN XÃ VĂN CHẤN\n\nBáo cáo kết quả công tác quý I năm 2031.",
            "Xã Văn Chấn được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp thị trấn Sơn Thịnh.",
            "Toàn xã duy trì 38 tổ bảo vệ an ninh, trật tự ở cơ sở với 114 thành viên.",
        ],
        title="Báo cáo Công an xã Văn Chấn quý I năm 2031",
        year=2031,
        kind="báo cáo",
    )
    library = _Library({"ct.txt": district, "bc.txt": commune})
    retrieved = [district[1], commune[0], commune[1]]
    asked = "xa Van Chan hien co bao nhieu to bao ve ANTT co so"
    answer = ExtractiveAnswerer(library=library).build(asked, retrieved)
    assert "38 tổ" in answer.answer, answer.answer
