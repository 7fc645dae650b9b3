"""The filter column: choices from the documents, the SearchFilters they make, the scope line."""

from __future__ import annotations

from index.catalog import DocumentRecord
from index.records import DocumentMetadata
from ui.filters import ANY, filter_choices, scope_text, search_filters


def record(source: str, **metadata: object) -> DocumentRecord:
    meta = DocumentMetadata(**metadata)  # type: ignore[arg-type]
    return DocumentRecord(source, "sha", "txt", 1, 1, meta, "text", 3, "2024-01-01T00:00:00")


DOCUMENTS = [
    record("a.txt", province="Điện Biên", kind="tin bài", year=2019),
    record("b.txt", province="Điện Biên", district="Điện Biên Đông", kind="tin bài", year=2017),
    record("c.txt", province="Hà Tĩnh", kind="chỉ thị", year=2023),
    record("d.txt"),  # nothing known: adds no choice
]


def test_choices_are_the_places_kinds_and_years_present() -> None:
    choices = filter_choices(DOCUMENTS)
    assert choices.localities == [
        ("Tất cả địa bàn", ANY),
        ("Tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("Tỉnh Điện Biên", "Điện Biên"),
        ("Huyện Điện Biên Đông (Điện Biên)", "Điện Biên Đông"),
    ]
    assert choices.kinds == [("Tất cả loại", ANY), ("Chỉ thị", "chỉ thị"), ("Tin bài", "tin bài")]
    assert [value for _, value in choices.years] == [ANY, "2017", "2019", "2023"]


def test_nothing_picked_means_no_filters() -> None:
    assert search_filters(ANY, ANY, ANY, ANY) is None
    assert search_filters(None, None, None, None) is None


def test_picked_values_become_search_filters() -> None:
    filters = search_filters("Hà Tĩnh", "chỉ thị", "2019", "2023")
    assert filters is not None
    assert (filters.locality, filters.kind, filters.year_from, filters.year_to) == (
        "Hà Tĩnh", "chỉ thị", 2019, 2023,
    )  # fmt: skip
    assert filters.admits(DOCUMENTS[2]) and not filters.admits(DOCUMENTS[0])


def test_a_reversed_year_range_is_read_as_meant() -> None:
    filters = search_filters(ANY, ANY, "2023", "2017")
    assert filters is not None and (filters.year_from, filters.year_to) == (2017, 2023)


def test_the_scope_line_names_the_filters() -> None:
    assert scope_text(None) is None
    assert scope_text(search_filters("Hà Tĩnh", ANY, "2023", "2023")) == "Hà Tĩnh, năm 2023"
    assert scope_text(search_filters(ANY, "chỉ thị", "2017", ANY)) == "chỉ thị, từ năm 2017"
    assert scope_text(search_filters(ANY, ANY, "2017", "2019")) == "năm 2017–2019"
