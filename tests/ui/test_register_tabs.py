"""The "Văn bản" and "Số liệu" tabs: pure rows and chart data, then a real browser.

The browser tests run in order on one page against a real server over the seeds plus
the invented directives of `tests.api.directives` (two share the number 07/CT-UBND; a
Vị Xuyên plan carries the Hà Giang one out). Screenshots go to test-artifacts/ui/.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.register import DirectiveEntry, FigureEntry
from tests.api.directives import REGISTER_DOCUMENTS
from tests.conftest import SEEDS
from tests.servers import ServerProcess, running_server, server_env
from tests.ui.conftest import ARTIFACTS, PHONE, READY_TIMEOUT_S, Browser, another_window
from ui.figures_tab import BY_PERIOD, CHART_X, CHART_Y, chart_frame, figure_rows
from ui.figures_tab import COLUMNS as FIGURE_COLUMNS
from ui.register_tab import COLUMNS as REGISTER_COLUMNS
from ui.register_tab import CONTEXT_CHARS, context_span, directive_rows, parse_year

HEADERS = {"pa-register": REGISTER_COLUMNS, "pa-figures": FIGURE_COLUMNS}
IN_BROWSER = [pytest.mark.browser, pytest.mark.slow, pytest.mark.server]
TIMEOUT_MS = 60_000
# Each header and shown cell of a table: its text, its words, the lines it takes, its width.
WRAPPED = """(id) => Array.from(document.querySelectorAll(
    `#${id} th .header, #${id} .virtual-row .body-cell span`)).map(s => {
  const range = document.createRange();
  range.selectNodeContents(s);
  const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0)
    .map(r => Math.round(r.top)));
  const text = s.innerText.trim();
  return {text, words: text.split(/\\s+/).length, lines: tops.size,
          width: s.closest('th, .body-cell').getBoundingClientRect().width};
})"""
# Cells of a Gradio table, as "cell-<row>-<column>" test ids.
CELLS = """(id) => Array.from(document.querySelectorAll(`#${id} [data-testid^="cell-"]`))
  .filter(c => /^cell-\\d+-\\d+$/.test(c.dataset.testid)).map(c => c.innerText.trim())"""


def entry(**fields: Any) -> DirectiveEntry:
    blank = dict.fromkeys(DirectiveEntry.__dataclass_fields__)
    return DirectiveEntry(**{**blank, "document": "x.txt", "title": "Tiêu đề", **fields})


def figure(value: float, place: str | None, period: str | None) -> FigureEntry:
    return FigureEntry("x.txt", "T", f"{value:g}", value, "tổ", None, None, place, period,
                       None, None, 0, 1, "Câu.", 0, 4)  # fmt: skip


def test_a_row_shows_kind_number_date_issuer_place_subject() -> None:
    full = entry(kind="chỉ thị", number="07/CT-UBND", issued_on="2024-03-15",
                 issuer="UBND tỉnh Hà Giang", province="Hà Giang", subject="Về rừng")  # fmt: skip
    assert directive_rows([full, entry()]) == [
        ["Chỉ thị", "07/CT-UBND", "15/03/2024", "UBND tỉnh Hà Giang", "Hà Giang", "Về rừng"],
        ["không rõ", "—", "không rõ", "—", "không rõ", "Tiêu đề"],
    ]
    assert parse_year(" 2024 ") == 2024 and parse_year("năm") is None


def test_the_chart_has_one_bar_per_place_or_period_never_a_sum() -> None:
    figures = [figure(5, "Hà Giang", "2023"), figure(7, "Hà Giang", "2024"),
               figure(3, "Lai Châu", "2024")]  # fmt: skip
    by_place = chart_frame(figures)
    assert list(zip(by_place[CHART_X], by_place[CHART_Y], strict=True)) == [
        ("Hà Giang", 5), ("Lai Châu", 3)
    ]  # fmt: skip
    assert list(chart_frame(figures, BY_PERIOD)[CHART_X]) == ["2023", "2024"]
    assert figure_rows(figures)[0][:4] == ["5", "tổ", "Hà Giang", "2023"]
    assert figure_rows(figures)[0][5] == "T"  # the document's title, not its file name


def test_a_duty_is_shown_in_whole_lines_or_words_of_context() -> None:
    before, duty = "Để chủ động phòng ngừa, yêu cầu:\n", "2. Công an tỉnh tuần tra rừng."
    text = "x" * CONTEXT_CHARS + " " + before + duty + "\n3. Sở Y tế bố trí." + " y" * 200
    start = text.index(duty)
    low, high = context_span(text, start, start + len(duty))
    assert text[low:high].startswith(before) and "3. Sở Y tế bố trí." in text[low:high]
    assert text[high] == " " and not text[low:high].endswith(" ")  # cut between words


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path
) -> Iterator[ServerProcess]:
    """A server over the seeds and the register's invented documents (reads need no key)."""
    root = tmp_path_factory.mktemp("register-server")
    documents = root / "documents"
    shutil.copytree(SEEDS, documents)
    for name, text in REGISTER_DOCUMENTS.items():
        (documents / name).write_text(text, encoding="utf-8")
    env = server_env(embedding_cache)
    with running_server(documents, root / "data", env, ready_timeout_s=READY_TIMEOUT_S) as process:
        yield process


def shot(browser: Browser, name: str) -> None:
    browser.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def cells(page: Any, table: str) -> list[str]:
    return list(page.evaluate(CELLS, table))


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.server
def test_the_register_lists_documents_and_shows_a_directives_duties(browser: Browser) -> None:
    page: Any = browser.page
    page.get_by_role("tab", name="Văn bản").click()
    page.wait_for_function(f"({CELLS})('pa-register').length >= 6 * 8", timeout=TIMEOUT_MS)
    assert cells(page, "pa-register").count("07/CT-UBND") == 2  # Hà Giang and Lai Châu
    shot(browser, "register_01_list")

    page.locator("#pa-register-place textarea, #pa-register-place input").fill("ha giang")
    page.locator("#pa-register-search").click()
    page.wait_for_function(f"!({CELLS})('pa-register').includes('Lai Châu')", timeout=TIMEOUT_MS)
    row = cells(page, "pa-register")[1::6].index("07/CT-UBND")
    page.locator(f'#pa-register [data-testid="cell-{row}-1"]').click()
    detail = page.locator("#pa-register-detail")
    detail.locator("mark.pa-quote").first.wait_for(timeout=TIMEOUT_MS)
    bodies = detail.locator("h4.pa-duty-body").all_inner_texts()
    assert any(body.startswith("Công an tỉnh") for body in bodies)
    quotes = detail.locator("mark.pa-quote").all_inner_texts()
    assert any("sử dụng lửa gần rừng" in quote for quote in quotes)
    assert "ke-hoach-45-vi-xuyen.txt" in detail.locator(".pa-referrers").inner_text()
    shot(browser, "register_02_duties")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.server
def test_a_tables_column_menu_and_filter_box_speak_vietnamese(browser: Browser) -> None:
    page: Any = browser.page
    page.get_by_role("tab", name="Văn bản").click()
    page.wait_for_function(f"({CELLS})('pa-register').length >= 6", timeout=TIMEOUT_MS)
    kinds = cells(page, "pa-register")[0::6]
    page.locator("#pa-register th").first.hover()
    page.locator("#pa-register th button").first.click()
    page.get_by_role("menuitem", name="Sắp xếp tăng dần").wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Lọc", exact=True).last.click()
    box = page.locator(".filter-menu")
    box.get_by_text("Lọc theo").wait_for(timeout=TIMEOUT_MS)
    assert "Có chứa" in box.inner_text() and "Contains" not in box.inner_text()
    box.locator("input").fill("Chỉ thị")
    box.locator(".check-button").click()
    page.wait_for_function(
        f"({CELLS})('pa-register').filter((_, i) => i % 6 === 0).every(k => k === 'Chỉ thị')",
        timeout=TIMEOUT_MS,
    )
    assert 0 < len(cells(page, "pa-register")) // 6 < len(kinds)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.server
def test_figures_are_filtered_charted_and_downloaded(browser: Browser) -> None:
    page: Any = browser.page
    page.get_by_role("tab", name="Số liệu").click()
    page.wait_for_function(f"({CELLS})('pa-figures').length >= 7", timeout=TIMEOUT_MS)
    every = len(cells(page, "pa-figures"))
    noun = page.locator("#pa-figures-noun input")
    noun.fill("tổ xung kích")
    noun.press("Enter")
    page.locator("#pa-figures-search").click()
    page.wait_for_function(
        f"({CELLS})('pa-figures').length < {every} && ({CELLS})('pa-figures').includes('147')",
        timeout=TIMEOUT_MS,
    )
    shown = cells(page, "pa-figures")
    assert "21" in shown and "56" not in shown  # Hà Giang's forest teams, not Lai Châu's crashes
    chart = page.locator("#pa-figures-chart")
    chart.locator(".mark-rect path").first.wait_for(timeout=TIMEOUT_MS)  # a bar is drawn
    assert "Hà Giang" in chart.locator("svg.marks").text_content()  # and named by its place
    shot(browser, "figures_01_chart")

    with page.expect_download(timeout=TIMEOUT_MS) as download:
        page.locator("#pa-figures-csv").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert rows and {"noun", "value_text", "place", "period", "sentence"} <= set(rows[0])
    assert {row["value_text"] for row in rows} >= {"147", "21"}
    assert all("xung kích" in row["noun"] for row in rows)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.server
def test_at_phone_width_the_tables_keep_whole_words_and_scroll_sideways(
    browser: Browser, server: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> None:
    profile = tmp_path_factory.mktemp("phone-tables")
    with another_window(browser.playwright, profile, server.url + "/", PHONE) as phone:
        page: Any = phone.page
        page.wait_for_selector("#pa-question textarea")
        for tab, table in (("Văn bản", "pa-register"), ("Số liệu", "pa-figures")):
            page.get_by_role("tab", name=tab).click()
            page.wait_for_function(f"({CELLS})('{table}').length >= 6", timeout=TIMEOUT_MS)
            shown = page.evaluate(WRAPPED, table)
            headers = shown[: len(HEADERS[table])]
            assert [cell["text"] for cell in headers] == HEADERS[table]
            assert min(cell["width"] for cell in headers) >= 80, headers  # ~5 rem
            broken = [cell for cell in shown if cell["text"] and cell["lines"] > cell["words"]]
            assert not broken, broken  # no word split over lines (was: one letter a line)
            frame = page.evaluate(
                f"(() => {{ const v = document.querySelector('#{table} .virtual-table-viewport');"
                " return [v.scrollWidth, v.clientWidth]; })()"
            )
            assert frame[0] > frame[1]  # the table scrolls sideways in its frame...
            assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
            page.locator(f"#{table}").scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"{table[3:]}_phone.png"))  # ...not the page
