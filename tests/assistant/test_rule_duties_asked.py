"""A body's tasks asked of a rule with their deadlines ("Theo quy chế phối hợp ..., Ban Quản
lý Khu kinh tế A phải làm gì, hạn khi nào?"): one question of the body's items, each with
its deadline, not a task and a date asked apart (invented rule)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.question import QuestionType, analyse
from index.extraction.duties import read_duties
from index.extraction.records import Extraction
from tests.assistant.one_document import OneDocument, invented_passage


class ExtractedDocument(OneDocument):
    """One document with its duties read as indexing reads them."""

    def extraction_of(self, source: str) -> Extraction:
        return Extraction(duties=read_duties(self.text))


RULE = invented_passage(
    "Điều 8. Trách nhiệm của Công an huyện Tĩnh Gia\n"
    "1. Tuần tra, kiểm soát các tuyến đường trong khu kinh tế.\n\n"
    "Điều 9. Trách nhiệm của Ban Quản lý Khu kinh tế Nghi Sơn\n"
    "1. Cung cấp danh sách doanh nghiệp cho Công an huyện trước ngày 31/3/2031.\n"
    "2. Chỉ đạo lắp camera tại cổng các khu công nghiệp, hoàn thành trước ngày 30/6/2031.\n\n"
    "Điều 10. Hiệu lực thi hành\n"
    "Quy chế có hiệu lực kể từ ngày ký.",
    "qc.txt",
    title="Quy chế phối hợp bảo đảm an ninh, trật tự khu kinh tế Nghi Sơn",
    kind="quy chế",
    province="Thanh Hóa",
    year=2031,
)


def test_a_body_s_tasks_and_deadlines_in_a_rule_are_its_items() -> None:
    asked = (
        "Theo quy chế phối hợp với Công an huyện Tĩnh Gia, Ban Quản lý Khu kinh tế Nghi Sơn "
        "phải làm gì, hạn khi nào?"
    )
    assert analyse(asked).type == QuestionType.DUTY
    library = ExtractedDocument([RULE], RULE.text)
    answer = ExtractiveAnswerer(library=library).build(asked, [RULE])
    assert "31/3/2031" in answer.answer and "30/6/2031" in answer.answer, answer.answer
    assert "Tuần tra" not in answer.answer  # the police's own article
