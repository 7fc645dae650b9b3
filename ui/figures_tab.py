"""The "Số liệu" tab: figures the documents state, filtered, charted and downloadable.

The rows, the chart's data and the CSV file are plain functions of `assistant.register`
results (no gradio), so they are unit-tested directly; `build_figures_tab` makes the
controls. The chart compares one counted noun across places or across periods.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from assistant.register import FigureEntry, Register, figures_csv
from ui.documents_view import key_ok
from ui.html_text import esc
from ui.register_tab import TABLE_CSS, phone_table_css

if TYPE_CHECKING:
    import gradio as gr

    from assistant.server_services import Services

COLUMNS = ["Số liệu", "Đối tượng", "Địa bàn", "Kỳ", "So sánh", "Tài liệu", "Câu trích"]
PHONE_WIDTHS_REM = (5.5, 9, 7.5, 5.5, 6, 9, 16)  # see ui.register_tab.phone_table_css
PHONE_CSS = phone_table_css("pa-figures", PHONE_WIDTHS_REM)  # in the page's <head>
BY_PLACE, BY_PERIOD = "Địa bàn", "Kỳ"
CHART_X, CHART_Y = "Nhóm", "Giá trị"
CHART_HINT = "Chọn một đối tượng (ví dụ: tổ xung kích) để vẽ biểu đồ so sánh."
CSV_NAME = "so-lieu.csv"
PRIVATE: dict[str, Any] = {"api_visibility": "private"}


def figure_rows(figures: Sequence[FigureEntry]) -> list[list[str]]:
    """One row per figure: value (unit), noun, place, period, comparison, the document's
    title (its file name when it has none), sentence."""
    return [
        [
            f"{f.value_text} {f.unit}" if f.unit and f.unit not in f.value_text else f.value_text,
            f.noun,
            f.place or "không rõ",
            f.period or "không rõ",
            " ".join(p for p in (f.comparison, f.compared_to) if p),
            f.title or f.document,
            f.sentence,
        ]
        for f in figures
    ]


def chart_frame(figures: Sequence[FigureEntry], by: str = BY_PLACE) -> pd.DataFrame:
    """One bar per place (or period): the first figure stated for it, in document order.

    Figures of different places or periods are not added up: "1.908 đội" of 2019 and of
    2023 are two counts of the same thing, not parts of one.
    """
    bars: dict[str, float] = {}
    for figure in figures:
        label = figure.place if by == BY_PLACE else figure.period
        if label and label not in bars:
            bars[label] = figure.value
    # Typed columns even when empty: the chart keeps the kind of axis it was first drawn
    # with, and an untyped empty column would make the places a numeric axis.
    return pd.DataFrame(
        {CHART_X: pd.Series(list(bars), dtype=str), CHART_Y: pd.Series(bars.values(), dtype=float)}
    )


def write_csv(figures: Sequence[FigureEntry], folder: Path) -> Path:
    """The figures as a CSV file to download (UTF-8 with BOM, which spreadsheets expect).

    One file per content, in a folder named by its hash: two sessions never overwrite
    each other's download, and asking for the same table again writes nothing new.
    """
    content = figures_csv(figures)
    path = folder / hashlib.sha256(content.encode()).hexdigest()[:16] / CSV_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8-sig")
    return path


def summary(figures: Sequence[FigureEntry], noun: str | None) -> str:
    if not figures:
        return "Không có số liệu nào khớp bộ lọc."
    about = f" về «{esc(noun)}»" if noun else ""
    return f"{len(figures)} số liệu{about}"


def build_figures_tab(
    services: Services, tab: Any, key: gr.Textbox | None = None, typed_key: str | None = None
) -> None:
    """The tab's controls and events, rendered where called (inside `tab`, a gr.Tab), and
    filled with every figure.

    Args:
        services: the server's services.
        tab: the tab itself: the figures are read afresh each time it is opened.
        key: the page's key field when reads need a key.
        typed_key: what that field holds now (the first listing checks it).
    """
    import gradio as gr

    folder = Path(tempfile.mkdtemp(prefix="pa-figures-"))
    first = listing(services, folder, None, "", "", BY_PLACE, typed_key)
    nouns, counted, rows, frame, csv = first or ([], "", [], chart_frame([]), None)
    with gr.Row(equal_height=True):
        noun = gr.Dropdown(label="Đối tượng", choices=nouns, value=None, allow_custom_value=True,
                           scale=2, elem_id="pa-figures-noun")  # fmt: skip
        place = gr.Textbox(label="Địa bàn", placeholder="Ví dụ: Hà Giang", scale=1,
                           elem_id="pa-figures-place")  # fmt: skip
        period = gr.Textbox(label="Kỳ", placeholder="Ví dụ: 2024", scale=1,
                            elem_id="pa-figures-period")  # fmt: skip
        by = gr.Radio([BY_PLACE, BY_PERIOD], value=BY_PLACE, label="So sánh theo", scale=1)
        search = gr.Button("Lọc", variant="primary", scale=0, min_width=100,
                           elem_id="pa-figures-search")  # fmt: skip
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            count = gr.Markdown(counted, elem_classes="pa-hint")
            table = gr.Dataframe(
                rows or None, headers=COLUMNS, interactive=False, wrap=True,
                elem_id="pa-figures", buttons=[], max_height=420,
                column_widths=["9%", "16%", "12%", "12%", "10%", "14%", "27%"],
            )  # fmt: skip
        with gr.Column(scale=2):
            # No fixed height: Gradio 6 then cuts the place names off the axis.
            chart = gr.BarPlot(frame, x=CHART_X, y=CHART_Y, y_lim=[0, None],
                               label="Biểu đồ so sánh", x_title="", y_title="",
                               elem_id="pa-figures-chart")  # fmt: skip
            # The hint also carries the tables' style into the page.
            gr.HTML(f'<p class="pa-hint">{CHART_HINT}</p>', head=f"<style>{TABLE_CSS}</style>")
            download = gr.DownloadButton("Tải bảng số liệu (CSV)", value=csv,
                                         elem_id="pa-figures-csv", variant="secondary")  # fmt: skip
    filters = [noun, place, period, by]
    outputs = [noun, count, table, chart, download]
    _wire(services, tab, folder, filters, search, key, outputs)


Listing = tuple[list[str], str, list[list[str]], pd.DataFrame, str]


def listing(
    services: Services, folder: Path, noun: str | None, place: str, period: str, by: str,
    typed_key: str | None = None,
) -> Listing | None:  # fmt: skip
    """The nouns to choose from, the count, the rows, the chart's bars and the CSV file;
    None without the key."""
    if not key_ok(services.settings, typed_key, "read"):
        return None
    register = Register.of(services.index.snapshot())
    wanted = (noun or "").strip() or None
    figures = register.figures(wanted, place.strip() or None, period.strip() or None)
    frame = chart_frame(figures, by) if wanted else chart_frame([], by)
    return (register.nouns()[:200], summary(figures, wanted), figure_rows(figures), frame,
            str(write_csv(figures, folder)))  # fmt: skip


def _wire(
    services: Services, tab: Any, folder: Path, filters: list[Any], search: Any, key: Any,
    outputs: list[Any],
) -> None:  # fmt: skip
    import gradio as gr

    def relist(noun: str | None, place: str, period: str, by: str,
               typed_key: str | None = None) -> list[Any]:  # fmt: skip
        found = listing(services, folder, noun, place, period, by, typed_key)
        if found is None:
            return [gr.skip()] * len(outputs)
        nouns, counted, rows, frame, csv = found
        return [gr.Dropdown(choices=nouns), counted, rows, frame, gr.DownloadButton(value=csv)]

    read_key = [key] if key is not None else []
    triggers = [tab.select, search.click, filters[0].change, filters[3].change,
                filters[1].submit, filters[2].submit]  # fmt: skip
    gr.on(triggers, relist, [*filters, *read_key], outputs, **PRIVATE)
