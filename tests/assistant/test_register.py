"""The register over hand-made extractions: filters, lookups by number, duties, figures."""

from __future__ import annotations

import csv
import io

from assistant.register import CSV_COLUMNS, Register, figures_csv
from index.catalog import DocumentRecord
from index.extraction import DocumentIdentity, DocumentReference, DutyItem, Extraction, Figure
from index.records import DocumentMetadata

HA_GIANG_TEXT = (
    "Công an tỉnh tuần tra rừng. Sở Y tế, Công an tỉnh bố trí 12 tổ cấp cứu. "
    "Toàn tỉnh có 147 tổ xung kích."
)
PLAN_TEXT = "Thực hiện Chỉ thị số 07/CT-UBND, huyện thành lập 20 tổ xung kích năm 2024."


def record(source: str, text: str, **metadata: object) -> DocumentRecord:
    meta = DocumentMetadata(**metadata)  # type: ignore[arg-type]
    return DocumentRecord(source, "sha", "txt", 1, 1, meta, text, 1, "2024-01-01T00:00:00")


def directive(province: str, issued_on: str, issuer: str) -> DocumentIdentity:
    return DocumentIdentity(
        kind="chỉ thị", number="07/CT-UBND", issuer=issuer, issued_on=issued_on,
        subject="Về phòng cháy, chữa cháy rừng", province=province,
    )  # fmt: skip


def register() -> Register:
    text = HA_GIANG_TEXT
    duties = (
        DutyItem("Công an tỉnh", "Công an tỉnh tuần tra rừng.", 0, 27, "1"),
        DutyItem("Sở Y tế", text[28:72], 28, 72, "2", co_bodies=("Công an tỉnh",)),
    )
    at_12, at_147, last = text.index("12"), text.index("147"), text.index("Toàn")
    figures = (
        Figure("12", 12.0, "tổ cấp cứu", at_12, at_12 + 2, sentence_start=28, sentence_end=72),
        Figure("147", 147.0, "tổ xung kích", at_147, at_147 + 3, sentence_start=last,
               sentence_end=len(text)),
    )  # fmt: skip
    reference = DocumentReference("chỉ thị", "07/CT-UBND", "implements", 10, 30)
    plan = DocumentIdentity(
        kind="kế hoạch", number="15/KH-UBND", issued_on="2024-04-01", province="Hà Giang",
        district="Vị Xuyên", references=(reference, reference),
    )  # fmt: skip
    plan_figure = Figure("20", 20.0, "tổ xung kích", 46, 48, place="Vị Xuyên", period="năm 2024")
    documents = {
        "ha-giang.txt": record("ha-giang.txt", text, title="Chỉ thị Hà Giang", year=2024),
        "quang-binh.txt": record("quang-binh.txt", "Chỉ thị.", title="Chỉ thị Quảng Bình"),
        "plan.txt": record("plan.txt", PLAN_TEXT, title="Kế hoạch Vị Xuyên"),
        "news.txt": record("news.txt", "Tin.", title="Tin", kind="tin bài", province="Điện Biên"),
    }
    extractions = {
        "ha-giang.txt": Extraction(
            directive("Hà Giang", "2024-03-15", "UBND tỉnh Hà Giang"), duties, figures
        ),
        "quang-binh.txt": Extraction(directive("Quảng Bình", "2023-08-02", "UBND tỉnh Quảng Bình")),
        "plan.txt": Extraction(plan, figures=(plan_figure,)),
    }  # news.txt has none stored: its metadata stands in
    return Register(documents, extractions)


class TestDirectives:
    def test_filters_ignore_diacritics_and_case(self) -> None:
        found = register().directives(kind="chi thi", place="ha giang")
        assert [e.document for e in found] == ["ha-giang.txt"]

    def test_a_district_document_is_found_by_its_province(self) -> None:
        found = register().directives(place="Hà Giang")
        assert [e.document for e in found] == ["plan.txt", "ha-giang.txt"]  # newest first
        assert [e.document for e in register().directives(place="huyện Vị Xuyên")] == ["plan.txt"]

    def test_year_issuer_and_words(self) -> None:
        reg = register()
        assert [e.document for e in reg.directives(year=2023)] == ["quang-binh.txt"]
        assert [e.document for e in reg.directives(issuer="ubnd tinh quang binh")] == [
            "quang-binh.txt"
        ]
        assert {e.document for e in reg.directives(text="chay rung")} == {
            "ha-giang.txt", "quang-binh.txt"
        }  # fmt: skip

    def test_a_document_without_extraction_keeps_its_metadata(self) -> None:
        (news,) = register().directives(kind="tin bài")
        assert news.province == "Điện Biên" and news.number is None


class TestLookup:
    def test_a_number_shared_by_two_provinces_is_narrowed_by_place_and_year(self) -> None:
        reg = register()
        both = reg.lookup("07/ct-ubnd")
        assert {d.directive.province for d in both} == {"Hà Giang", "Quảng Bình"}
        assert [d.directive.province for d in reg.lookup("7/CT-UBND", place="quang binh")] == [
            "Quảng Bình"
        ]
        assert [d.directive.year for d in reg.lookup("07/CT-UBND", year=2024)] == [2024]
        assert reg.lookup("99/CT-UBND") == [] and reg.lookup("07/CT-UBND", year=2020) == []

    def test_duties_are_grouped_by_body_with_offsets_to_cite(self) -> None:
        (detail,) = register().lookup("07/CT-UBND", place="Hà Giang")
        groups = {group.body: group.duties for group in detail.duties}
        assert list(groups) == ["Công an tỉnh", "Sở Y tế"]
        police = groups["Công an tỉnh"]  # its own item and the one it shares
        assert [d.section for d in police] == ["1", "2"]
        assert all(HA_GIANG_TEXT[d.start : d.end] == d.text for d in police)
        assert police[0].document == "ha-giang.txt"

    def test_documents_carrying_a_directive_out_are_listed_once(self) -> None:
        (detail,) = register().lookup("07/CT-UBND", place="Hà Giang")
        assert [(r.directive.document, r.relation) for r in detail.referenced_by] == [
            ("plan.txt", "implements")
        ]

    def test_a_reference_means_the_namesake_of_its_own_province(self) -> None:
        (other,) = register().lookup("07/CT-UBND", place="Quảng Bình")
        assert other.referenced_by == ()  # the Hà Giang plan carries out Hà Giang's


class TestFigures:
    def test_noun_matches_whole_words_without_diacritics(self) -> None:
        reg = register()
        assert {f.document for f in reg.figures(noun="to xung kich")} == {
            "ha-giang.txt", "plan.txt"
        }  # fmt: skip
        assert reg.figures(noun="ung kich") == []  # not whole words of it
        assert [f.value for f in reg.figures(noun="cấp cứu")] == [12.0]

    def test_a_figure_takes_its_documents_place_and_year_when_it_states_none(self) -> None:
        reg = register()
        (figure,) = reg.figures(noun="tổ xung kích", place="Hà Giang", period="2024")[:1]
        assert figure.place == "Hà Giang" and figure.sentence == "Toàn tỉnh có 147 tổ xung kích."
        assert [f.place for f in reg.figures(place="vi xuyen")] == ["Vị Xuyên"]
        by_province = reg.figures(noun="tổ xung kích", place="Hà Giang")
        assert [f.place for f in by_province] == ["Hà Giang", "Vị Xuyên"]  # its district too
        assert [f.value for f in reg.figures(period="năm 2024", source="plan.txt")] == [20.0]

    def test_csv_has_a_header_and_one_row_per_figure(self) -> None:
        figures = register().figures(noun="tổ xung kích")
        rows = list(csv.reader(io.StringIO(figures_csv(figures))))
        assert rows[0] == list(CSV_COLUMNS)
        assert [row[CSV_COLUMNS.index("value_text")] for row in rows[1:]] == ["147", "20"]
        assert rows[2][CSV_COLUMNS.index("unit")] == ""  # None is an empty cell
