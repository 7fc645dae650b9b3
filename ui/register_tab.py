"""The "Văn bản" tab: the register of documents, and one directive's duties by body.

The rows and the HTML are plain functions of `assistant.register` results (no gradio), so
they are unit-tested directly; `build_register_tab` makes the controls. Each duty is shown
the way the chat shows a cited sentence: highlighted in its passage, with its file and
offsets, so the officer reads it in context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.answers import Citation
from assistant.register import DirectiveDetail, DirectiveEntry, Duty, Register
from ui.documents_view import key_ok
from ui.html_text import esc, format_date, format_kind
from ui.passages import highlighted_passage

if TYPE_CHECKING:
    import gradio as gr

    from assistant.server_services import Services

COLUMNS = ["Loại", "Số", "Ngày", "Cơ quan ban hành", "Địa bàn", "Trích yếu"]
ANY = ""  # the dropdown value meaning "every kind"
PICK_HINT = "Chọn một dòng trong bảng để xem nhiệm vụ của từng cơ quan, đơn vị."
CONTEXT_CHARS = 160  # of document text shown either side of a duty
_RELATIONS = {"implements": "thực hiện", "replaces": "thay thế", "mentions": "nhắc đến"}
PRIVATE: dict[str, Any] = {"api_visibility": "private"}
# The page's stylesheet dresses the Documents table; the register's tables alike.
TABLE_CSS = """
#pa-register table, #pa-register th, #pa-register td, #pa-register span,
#pa-figures table, #pa-figures th, #pa-figures td, #pa-figures span {
  font-family: var(--font) !important; font-size: 0.92rem;
}
#pa-register th, #pa-figures th { font-weight: 700; }
.gradio-container .pa-register-detail h3 { margin: 10px 0 2px; color: var(--pa-ink); }
.gradio-container .pa-register-subject { margin: 0 0 6px; font-weight: 600; }
.gradio-container .pa-duty-body { margin: 16px 0 6px; color: var(--pa-ink); }
.gradio-container .pa-referrers { margin: 4px 0 0 18px; }
"""
# At phone width the tables keep readable columns and scroll sideways in their frame
# (squeezed to the screen, a header broke one letter a line); rem, one per column.
PHONE_WIDTHS_REM = (5.5, 7.5, 6.5, 8.5, 7.5, 14)


def phone_table_css(table_id: str, widths_rem: Sequence[float]) -> str:
    """CSS giving a Gradio table fixed column widths at phone width.

    Gradio sizes each column with an inline style from `column_widths` (percentages of
    the frame), on the header cell and again on each row's cell, so both are overridden.
    """
    size = f"{sum(widths_rem):g}rem !important"
    rules = [f"#{table_id} .header-table, #{table_id} .virtual-body {{ width: {size}; }}"]
    for column, width in enumerate(widths_rem):
        fixed = f"{width:g}rem !important"
        rules.append(
            f'#{table_id} th[data-heading="{column}"], #{table_id} .body-cell[data-col="{column}"]'
            f" {{ width: {fixed}; min-width: {fixed}; max-width: {fixed}; flex: 0 0 {fixed}; }}"
        )
    return "@media (max-width: 640px) {\n" + "\n".join(rules) + "\n}\n"


# In the page's <head> (`ui.page.page_options`): in the tab's own style it came after
# the table was first drawn squeezed.
PHONE_CSS = phone_table_css("pa-register", PHONE_WIDTHS_REM)


def directive_rows(entries: Sequence[DirectiveEntry]) -> list[list[str]]:
    """One row per document: kind, number, date, issuer, place, subject (or title)."""
    return [
        [
            format_kind(e.kind),
            e.number or "—",
            format_date(e.issued_on),
            e.issuer or "—",
            e.place or "không rõ",
            e.subject or e.title,
        ]
        for e in entries
    ]


def kind_choices(entries: Sequence[DirectiveEntry]) -> list[tuple[str, str]]:
    kinds = sorted({e.kind for e in entries if e.kind})
    return [("Tất cả", ANY), *((format_kind(kind), kind) for kind in kinds)]


def parse_year(typed: str | None) -> int | None:
    """A typed year, or None when the field holds no four-digit year."""
    text = (typed or "").strip()
    return int(text) if len(text) == 4 and text.isdigit() else None


def detail_html(detail: DirectiveDetail, text: str) -> str:
    """A directive's identity, its duties grouped by body, and who carries it out."""
    d = detail.directive
    name = " ".join(p for p in (format_kind(d.kind), d.number or "") if p).strip()
    facts = [
        ("Ngày", format_date(d.issued_on)),
        ("Cơ quan ban hành", d.issuer or "không rõ"),
        ("Địa bàn", d.place or "không rõ"),
        ("Người ký", _signer(d)),
        ("Tệp", d.document),
    ]
    parts = [
        f'<div class="pa-register-detail"><h3>{esc(name)}</h3>',
        f'<p class="pa-register-subject">{esc(d.subject or d.title)}</p>',
        _meta(facts),
    ]
    if not detail.duties:
        parts.append('<p class="pa-hint">Không tìm thấy nhiệm vụ giao cho cơ quan nào.</p>')
    for group in detail.duties:
        parts.append(f'<h4 class="pa-duty-body">{esc(group.body)} ({len(group.duties)})</h4>')
        parts.extend(duty_card(duty, text, d) for duty in group.duties)
    if detail.referenced_by:
        items = "".join(
            f"<li>{esc(_RELATIONS.get(r.relation, r.relation))}: "
            f"{esc(format_kind(r.directive.kind))} {esc(r.directive.number or '')} — "
            f"{esc(r.directive.title)} ({esc(r.directive.document)})</li>"
            for r in detail.referenced_by
        )
        parts.append(f'<h4>Văn bản liên quan</h4><ul class="pa-referrers">{items}</ul>')
    parts.append("</div>")
    return "".join(parts)


def duty_card(duty: Duty, text: str, directive: DirectiveEntry) -> str:
    """A duty highlighted in its passage, as the chat shows a cited sentence."""
    start, end = context_span(text, duty.start, duty.end)
    citation = Citation(
        document=duty.document, title=directive.title, date=directive.issued_on,
        locality=directive.place, kind=directive.kind, passage=text[start:end],
        passage_start=start, passage_end=end, score=1.0, n=1, quote=duty.text,
        start=duty.start, end=duty.end,
    )  # fmt: skip
    notes = [("Mục", duty.section), ("Thời hạn", duty.deadline or ""),
             ("Cùng thực hiện", ", ".join(duty.co_bodies)),
             ("Vị trí", f"{duty.document}, ký tự {duty.start}–{duty.end}")]  # fmt: skip
    return (
        f'<div class="pa-card pa-duty">{_meta([(k, v) for k, v in notes if v])}'
        f'<div class="pa-passage">{highlighted_passage(citation)}</div></div>'
    )


def context_span(text: str, start: int, end: int) -> tuple[int, int]:
    """About CONTEXT_CHARS either side of text[start:end], cut at line starts and ends
    where there are some, else between words: never inside a word."""
    low, high = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    if low > 0:
        line = text.find("\n", low, start)
        has_line = line >= 0 and bool(text[line + 1 : start].strip())
        low = line + 1 if has_line else text.find(" ", low, start) + 1 or start
    if high < len(text):
        line = text.rfind("\n", end, high)
        has_line = line >= 0 and bool(text[end:line].strip())
        high = line if has_line else max(text.rfind(" ", end, high), end)
    return low, high


def _signer(entry: DirectiveEntry) -> str:
    signer = " ".join(p for p in (entry.signer_title, entry.signer) if p)
    return signer or "không rõ"


def _meta(items: Sequence[tuple[str, str]]) -> str:
    spans = "".join(
        f'<span class="pa-meta-item"><span class="pa-meta-label">{esc(label)}:</span>'
        f" {esc(value)}</span>"
        for label, value in items
    )
    return f'<div class="pa-meta">{spans}</div>'


def build_register_tab(
    services: Services, tab: Any, key: gr.Textbox | None = None, typed_key: str | None = None
) -> None:
    """The tab's controls and events, rendered where called (inside `tab`, a gr.Tab), and
    filled with the whole register.

    Args:
        services: the server's services.
        tab: the tab itself: the register is read afresh each time it is opened.
        key: the page's key field when reads need a key.
        typed_key: what that field holds now (the first listing checks it).
    """
    import gradio as gr

    first = listing(services, ANY, "", "", "", "", typed_key)
    kinds, counted, rows, sources = first or ([("Tất cả", ANY)], "", [], [])
    with gr.Row(equal_height=True):
        kind = gr.Dropdown(label="Loại văn bản", choices=kinds, value=ANY, scale=1)
        place = gr.Textbox(label="Địa bàn", placeholder="Ví dụ: Hà Giang", scale=1,
                           elem_id="pa-register-place")  # fmt: skip
        year = gr.Textbox(label="Năm ban hành", placeholder="Ví dụ: 2024", scale=1)
        issuer = gr.Textbox(label="Cơ quan ban hành", placeholder="Ví dụ: UBND tỉnh", scale=1)
        words = gr.Textbox(label="Số hoặc từ khóa", placeholder="Ví dụ: 07/CT-UBND", scale=2)
        search = gr.Button("Lọc", variant="primary", scale=0, min_width=100,
                           elem_id="pa-register-search")  # fmt: skip
    count = gr.Markdown(counted, elem_classes="pa-hint")
    table = gr.Dataframe(
        rows or None, headers=COLUMNS, interactive=False, wrap=True, elem_id="pa-register",
        buttons=[], column_widths=["9%", "12%", "10%", "19%", "15%", "35%"], max_height=380,
    )  # fmt: skip
    shown = gr.State(sources)  # the file names of the rows, in table order
    detail = gr.HTML(f'<p class="pa-hint">{PICK_HINT}</p>', elem_id="pa-register-detail",
                     head=f"<style>{TABLE_CSS}</style>")  # fmt: skip
    _wire(services, tab, [kind, place, year, issuer, words], search, key, count, table, shown,
          detail)  # fmt: skip


Listing = tuple[list[tuple[str, str]], str, list[list[str]], list[str]]


def listing(
    services: Services, kind: str | None, place: str, year: str, issuer: str, words: str,
    typed_key: str | None = None,
) -> Listing | None:  # fmt: skip
    """The kinds to choose from, the count, the rows and their files; None without the key."""
    if not key_ok(services.settings, typed_key, "read"):
        return None
    register = Register.of(services.index.snapshot())
    entries = register.directives(kind or None, place.strip() or None, parse_year(year),
                                  issuer.strip() or None, words.strip() or None)  # fmt: skip
    return (kind_choices(register.entries), f"{len(entries)} văn bản", directive_rows(entries),
            [e.document for e in entries])  # fmt: skip


def _wire(
    services: Services, tab: Any, filters: list[Any], search: Any, key: Any, count: Any,
    table: Any, shown: Any, detail: Any,
) -> None:  # fmt: skip
    import gradio as gr

    read_key = [key] if key is not None else []

    def relist(kind: str | None, place: str, year: str, issuer: str, words: str,
               typed_key: str | None = None) -> list[Any]:  # fmt: skip
        found = listing(services, kind, place, year, issuer, words, typed_key)
        if found is None:
            return [gr.skip()] * 4
        choices, counted, rows, sources = found
        return [gr.Dropdown(choices=choices), counted, rows, sources]

    def show(sources: list[str], typed_key: str | None, evt: Any) -> str:
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        if not key_ok(services.settings, typed_key, "read") or not 0 <= row < len(sources):
            return f'<p class="pa-hint">{PICK_HINT}</p>'
        snapshot = services.index.snapshot()
        found = Register.of(snapshot).detail(sources[row])
        if found is None:
            return '<p class="pa-hint">Văn bản này không còn trong chỉ mục.</p>'
        return detail_html(found, snapshot.documents[sources[row]].text)

    show.__annotations__["evt"] = gr.SelectData  # gradio passes the selection by annotation
    inputs, outputs = [*filters, *read_key], [filters[0], count, table, shown]
    triggers = [tab.select, search.click, *(f.submit for f in filters[1:])]
    gr.on(triggers, relist, inputs, outputs, **PRIVATE)
    key_input = read_key or [gr.State(None)]
    table.select(show, [shown, *key_input], detail, **PRIVATE)
