"""Sentence and clause splitting: exact offsets, numbers and abbreviations kept whole."""

from __future__ import annotations

import pytest

from assistant.extractive.sentences import Clause, heading_lead_in, split_clauses
from index.sentences import sentence_spans

REPORT = (
    "Đến nay, toàn tỉnh đã thành lập 1.908 Đội Dân phòng với 21.023 đội viên. "
    "Tính đến hết tháng 3/2019, toàn tỉnh đã có trên 2.000 đồng chí Công an xã. "
    "Lực lượng dập lửa tại phường Mường Thanh, TP. Điện Biên Phủ, v.v. trong đêm.\n"
    "Công an xã trực ban 24/24 giờ; tỷ lệ đạt 99,92%."
)

ARTICLE = (
    "Điều 12. Tuổi chịu trách nhiệm hình sự\n\n"
    "1. Người từ đủ 16 tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm.\n\n"
    "2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 03 năm đến 10 năm:\n\n"
    "a) Làm chết người;\n\n"
    "b) Thu lợi bất chính 200.000.000 đồng trở lên.\n\n"
    "3. Người phạm tội còn có thể bị phạt tiền."
)


def texts(clauses: list[Clause]) -> list[str]:
    return [c.text for c in clauses]


class TestOffsets:
    @pytest.mark.parametrize("text", [REPORT, ARTICLE])
    def test_every_clause_is_the_exact_slice_of_the_document(self, text: str) -> None:
        offset = 1234
        document = "x" * offset + text
        clauses = split_clauses(text, offset)
        assert clauses
        for clause in clauses:
            assert document[clause.start : clause.end] == clause.text
            assert clause.text == clause.text.strip()
            assert clause.sentence_start <= clause.start < clause.end <= clause.sentence_end

    def test_sentence_spans_cover_the_text_in_order(self) -> None:
        spans = sentence_spans(REPORT)
        assert [s for s, _ in spans] == sorted(s for s, _ in spans)
        assert REPORT[spans[0][0] : spans[0][1]].startswith("Đến nay")


class TestWholeNumbersAndAbbreviations:
    def test_numbers_dates_and_abbreviations_stay_inside_one_sentence(self) -> None:
        sentences = texts(split_clauses(REPORT))
        assert sentences == [
            "Đến nay, toàn tỉnh đã thành lập 1.908 Đội Dân phòng với 21.023 đội viên.",
            "Tính đến hết tháng 3/2019, toàn tỉnh đã có trên 2.000 đồng chí Công an xã.",
            "Lực lượng dập lửa tại phường Mường Thanh, TP. Điện Biên Phủ, v.v. trong đêm.",
            "Công an xã trực ban 24/24 giờ; tỷ lệ đạt 99,92%.",
        ]

    def test_an_article_heading_is_one_sentence(self) -> None:
        first = split_clauses(ARTICLE)[0]
        assert first.text == "Điều 12. Tuổi chịu trách nhiệm hình sự" and first.heading

    def test_a_line_break_always_ends_a_sentence(self) -> None:
        assert texts(split_clauses("Tin bài không dấu chấm\nCâu tiếp theo.")) == [
            "Tin bài không dấu chấm",
            "Câu tiếp theo.",
        ]


class TestLegalStructure:
    def test_numbered_clauses_and_lettered_points_are_separate(self) -> None:
        found = texts(split_clauses(ARTICLE))
        assert "a) Làm chết người;" in found
        assert "b) Thu lợi bất chính 200.000.000 đồng trở lên." in found
        assert "3. Người phạm tội còn có thể bị phạt tiền." in found

    def test_points_know_the_lead_in_that_states_their_penalty(self) -> None:
        clauses = split_clauses(ARTICLE)
        point = next(c for c in clauses if c.text.startswith("a)"))
        assert point.lead_in is not None
        assert clauses[point.lead_in].text.endswith("từ 03 năm đến 10 năm:")
        after = next(c for c in clauses if c.text.startswith("3."))
        assert after.lead_in is None  # clause 3 closes the list of points

    def test_a_long_list_sentence_is_cut_at_semicolons(self) -> None:
        items = "; ".join(
            f"kiểm tra {n} lượt cơ sở thuộc địa bàn trọng điểm số {n}" for n in range(8)
        )
        clauses = split_clauses(f"Kết quả như sau: {items}.")
        assert len(clauses) == 9
        assert all(c.sentence_start == clauses[0].sentence_start for c in clauses)
        assert all(c.lead_in == 0 for c in clauses[1:])

    def test_a_short_sentence_with_a_semicolon_stays_whole(self) -> None:
        assert len(split_clauses("Công an xã trực ban 24/24 giờ; tỷ lệ đạt 99,92%.")) == 1


class TestPointsCutOffFromTheirClause:
    LEAD_IN = (
        "2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 02 năm đến 07 năm:"
    )
    CHUNK = (
        "b) Lợi dụng chức vụ, quyền hạn;\n\nc) Tái phạm nguy hiểm.\n\n"
        "3. Người phạm tội còn có thể bị phạt tiền."
    )

    def test_the_heading_s_second_line_is_the_lead_in(self) -> None:
        assert heading_lead_in(f"Điều 388. Tội vi phạm quy định về giam giữ\n{self.LEAD_IN}") == (
            self.LEAD_IN
        )
        assert heading_lead_in("Điều 388. Tội vi phạm quy định về giam giữ") == ""

    def test_the_points_a_chunk_starts_with_belong_to_the_carried_lead_in(self) -> None:
        offset = 500
        document = "x" * offset + self.CHUNK
        clauses = split_clauses(self.CHUNK, offset, carried_lead_in=self.LEAD_IN)
        carried, *own = clauses
        assert carried.carried and carried.text == self.LEAD_IN and carried.start == carried.end
        assert [c.lead_in for c in own] == [0, 0, None]  # clause 3 closes the list
        assert all(document[c.start : c.end] == c.text for c in own)

    def test_a_chunk_that_does_not_start_with_a_point_carries_nothing(self) -> None:
        clauses = split_clauses(
            "3. Người phạm tội còn có thể bị phạt tiền.", carried_lead_in=self.LEAD_IN
        )
        assert not any(c.carried for c in clauses)


def test_unmarked_list_lines_after_a_lead_in_are_its_items() -> None:
    """A web page's list comes without markers, one item a line; a sentence ends it."""
    text = (
        "Tang vật thu giữ gồm:\nTiền mặt: 1,4 tỷ đồng\nĐiện thoại di động: 12 chiếc\n"
        "Ô tô: 2 chiếc\nCơ quan điều tra đã khởi tố 9 bị can về tội đánh bạc."
    )
    clauses = split_clauses(text)
    assert [c.lead_in for c in clauses] == [None, 0, 0, 0, None]


def test_a_joint_inside_brackets_cuts_no_clause() -> None:
    """ "(chỉ tiêu giao: 72%)" is read with the figure it qualifies."""
    text = (
        "1. Căn cước, định danh điện tử: tiếp nhận 1.204 hồ sơ cấp thẻ căn cước; thu nhận "
        "6.315 hồ sơ kích hoạt tài khoản định danh điện tử mức độ 2, lũy kế đạt 58,2% số "
        "công dân đủ điều kiện (chỉ tiêu năm 2024 của Công an tỉnh giao: 72%)."
    )
    clauses = [c.text for c in split_clauses(text)]
    assert any("58,2%" in c and "72%" in c for c in clauses), clauses
    assert len(clauses) > 1  # the joints outside the brackets still cut
