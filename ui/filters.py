"""The filter column beside the chat: locality, document kind, year range.

Choices come from the indexed documents, so an officer only picks what exists. The pure
helpers (choices, `SearchFilters` from the picked values, the scope line) are tested
without gradio; `build_filters` imports it when the page is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.filters import SearchFilters
from index.catalog import DocumentRecord
from ui.html_text import format_kind

if TYPE_CHECKING:
    import gradio as gr

ANY = ""  # the dropdown value meaning "no restriction"
Choices = list[tuple[str, str]]


@dataclass(frozen=True)
class FilterChoices:
    localities: Choices
    kinds: Choices
    years: Choices


def filter_choices(documents: Sequence[DocumentRecord]) -> FilterChoices:
    """Dropdown choices (label, value) for the localities, kinds and years present."""
    provinces: set[str] = set()
    districts: dict[str, str] = {}  # district -> its province, shown to tell them apart
    kinds: set[str] = set()
    years: set[int] = set()
    for document in documents:
        meta = document.metadata
        if meta.province:
            provinces.add(meta.province)
        if meta.district:
            districts[meta.district] = meta.province or ""
        if meta.kind:
            kinds.add(meta.kind)
        if meta.year:
            years.add(meta.year)
    localities = [(f"Tỉnh {p}", p) for p in sorted(provinces)]
    localities += [(f"Huyện {d} ({p})" if p else d, d) for d, p in sorted(districts.items())]
    return FilterChoices(
        localities=[("Tất cả địa bàn", ANY), *localities],
        kinds=[("Tất cả loại", ANY)] + [(format_kind(k), k) for k in sorted(kinds)],
        years=[("Bất kỳ", ANY)] + [(str(y), str(y)) for y in sorted(years)],
    )


def search_filters(
    locality: str | None, kind: str | None, year_from: str | None, year_to: str | None
) -> SearchFilters | None:
    """The filters the picked values describe; None when nothing is picked.

    A reversed year range is read the way it was meant (from the earlier to the later).
    """
    first, last = _year(year_from), _year(year_to)
    if first and last and first > last:
        first, last = last, first
    filters = SearchFilters(
        locality=locality or None, kind=kind or None, year_from=first, year_to=last
    )
    return None if filters.is_empty() else filters


def _year(value: str | int | None) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() else None


def scope_text(filters: SearchFilters | None) -> str | None:
    """A short Vietnamese description of the active filters, for the answer's header."""
    if filters is None:
        return None
    parts = []
    if filters.locality:
        parts.append(filters.locality)
    if filters.kind:
        parts.append(format_kind(filters.kind).lower())
    if filters.year_from and filters.year_to:
        years = (
            f"năm {filters.year_from}"
            if filters.year_from == filters.year_to
            else f"năm {filters.year_from}–{filters.year_to}"
        )
        parts.append(years)
    elif filters.year_from:
        parts.append(f"từ năm {filters.year_from}")
    elif filters.year_to:
        parts.append(f"đến năm {filters.year_to}")
    return ", ".join(parts)


@dataclass
class FilterControls:
    locality: gr.Dropdown
    kind: gr.Dropdown
    year_from: gr.Dropdown
    year_to: gr.Dropdown
    clear: gr.Button

    @property
    def inputs(self) -> list[Any]:
        return [self.locality, self.kind, self.year_from, self.year_to]


def build_filters() -> FilterControls:
    """The filter controls, rendered where called; choices are filled on page load."""
    import gradio as gr

    gr.Markdown("### Lọc tài liệu", elem_classes="pa-side-title")
    locality = gr.Dropdown([("Tất cả địa bàn", ANY)], value=ANY, label="Địa bàn")
    kind = gr.Dropdown([("Tất cả loại", ANY)], value=ANY, label="Loại văn bản")
    with gr.Row(equal_height=True):
        year_from = gr.Dropdown([("Bất kỳ", ANY)], value=ANY, label="Từ năm", min_width=90)
        year_to = gr.Dropdown([("Bất kỳ", ANY)], value=ANY, label="Đến năm", min_width=90)
    clear = gr.Button("Bỏ lọc", size="sm", variant="secondary")
    return FilterControls(locality, kind, year_from, year_to, clear)


def choice_updates(documents: Sequence[DocumentRecord], picked: Sequence[str | None]) -> list[Any]:
    """New choices for the four dropdowns, keeping what is picked where it still exists."""
    import gradio as gr

    choices = filter_choices(documents)
    lists = [choices.localities, choices.kinds, choices.years, choices.years]
    updates = []
    for options, value in zip(lists, picked, strict=True):
        keep = value if value in {v for _, v in options} else ANY
        updates.append(gr.Dropdown(choices=options, value=keep))
    return updates


def cleared() -> list[Any]:
    return [ANY, ANY, ANY, ANY]
