"""The chat page in a real browser against a real server, as an officer uses it.

The tests run in order on one page (a conversation has a history): ask, follow up, rate,
be refused, filter, unlock the Documents tab, upload a directive and ask about it,
delete it, and finally check that nothing was fetched from outside the server.
Full-page screenshots of each step go to test-artifacts/ui/.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from tests.conftest import SHARED
from tests.servers import ServerProcess as Server
from tests.ui.conftest import API_KEY, ARTIFACTS, Browser

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.server]

ANSWER_TIMEOUT_MS = 90_000
JOB_TIMEOUT_MS = 180_000
DEV = {
    question["id"]: question
    for question in map(json.loads, (SHARED / "eval" / "dev.jsonl").read_text().splitlines())
}
# Replies complete on screen: neither the "searching" line nor a streaming cursor.
FINAL_REPLIES = """() => Array.from(document.querySelectorAll('#pa-chat .pa-msg'))
  .filter(m => !m.classList.contains('pa-pending') && !m.querySelector('.pa-cursor')).length"""
WATCH_STREAMING = """() => { window.__paStreamed = false; new MutationObserver(() => {
  if (document.querySelector('#pa-chat .pa-cursor')) window.__paStreamed = true;
}).observe(document.body, {subtree: true, childList: true, characterData: true}); }"""
MUONG_NHE_DIRECTIVE = """\
ỦY BAN NHÂN DÂN HUYỆN MƯỜNG NHÉ

Số: 07/CT-UBND

Mường Nhé, ngày 15 tháng 12 năm 2023

CHỈ THỊ

Về tăng cường tuần tra, kiểm soát bảo đảm an ninh trật tự dịp Tết Nguyên đán Giáp Thìn năm 2024

Để bảo đảm an ninh trật tự trên địa bàn huyện Mường Nhé, tỉnh Điện Biên trong dịp Tết Nguyên \
đán Giáp Thìn năm 2024, Chủ tịch Ủy ban nhân dân huyện chỉ thị như sau.

1. Công an huyện chủ trì, phối hợp với Ủy ban nhân dân các xã thành lập 37 tổ tuần tra lưu \
động, hoạt động từ ngày 25/01/2024 đến hết ngày 20/02/2024.

2. Công an các xã bố trí lực lượng trực ban 24/24 giờ, kịp thời tiếp nhận và xử lý tin báo của \
Nhân dân; báo cáo kết quả về Công an huyện trước ngày 25/02/2024.

3. Chỉ thị này có hiệu lực kể từ ngày ký.
"""
UPLOAD_NAME = "chi-thi-07-ct-ubnd-muong-nhe.txt"


# The documents' file names, from the last line of each document card.
TABLE_FILES = """() => Array.from(document.querySelectorAll('#pa-doc-cards .pa-doc-file'))
  .map(line => line.innerText.replace(/^Tệp:\\s*/, '').trim())"""


def shot(browser: Browser, name: str) -> None:
    browser.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def ask(browser: Browser, question: str) -> Any:
    """Type a question, send it, wait for the complete reply; returns the reply's locator."""
    page: Any = browser.page
    before = page.evaluate(FINAL_REPLIES)
    box = page.locator("#pa-question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(f"({FINAL_REPLIES})() > {before}", timeout=ANSWER_TIMEOUT_MS)
    return page.locator("#pa-chat .pa-msg").last


def test_the_page_is_in_vietnamese_with_questions_to_start_from(browser: Browser) -> None:
    page: Any = browser.page
    page.wait_for_selector("#pa-question textarea", timeout=60_000)
    page.wait_for_function("document.querySelector('#pa-count').textContent.includes('5 tài liệu')")
    assert page.title() == "Trợ lý tra cứu văn bản"
    for label in ("Hỏi đáp", "Tài liệu"):
        assert page.get_by_role("tab", name=label).is_visible()
    assert page.get_by_role("button", name="Gửi câu hỏi").is_visible()
    assert page.get_by_role("button", name="Cuộc trò chuyện mới").is_visible()
    assert page.get_by_text("Tỉnh Điện Biên có bao nhiêu tổ hòa giải?").first.is_visible()
    shot(browser, "01_start")


def test_the_first_view_is_fetched_as_the_page_names_it(browser: Browser, server: Server) -> None:
    """Every script and stylesheet the chat needed before it showed was named in the page's
    HTML, so all were fetched at once rather than one import after another, and each
    once (the hints are the files Gradio's script then uses); the theme's stylesheet too."""
    html = httpx.get(server.url + "/").text
    named = set(re.findall(r'(?:href|src)="\./assets/([\w.-]+)"', html))
    fetched = [url.split("/assets/")[1] for url in browser.requests if "/assets/" in url]
    assert len(named) > 30 and fetched
    assert sorted(set(fetched) - named) == []
    assert len(fetched) == len(set(fetched))
    theme = re.findall(r'<link rel="preload" as="style" href="\./(theme\.css\?v=\w+)"', html)
    assert [url for url in browser.requests if "/theme.css" in url] == [f"{server.url}/{theme[0]}"]
    # The count comes with the page, drawn with it rather than filled in once drawn.
    assert "5 tài liệu trong chỉ mục" in html


def test_an_answer_gives_the_number_and_its_highlighted_source(browser: Browser) -> None:
    page: Any = browser.page
    question = DEV["d05"]
    page.evaluate(WATCH_STREAMING)
    reply = ask(browser, question["question"])
    assert page.evaluate("window.__paStreamed"), "the answer did not stream in"
    text = reply.locator(".pa-text").inner_text()
    assert question["answer_contains"][0] in text  # "1.814"
    card = reply.locator(".pa-card").first
    assert "1.814" in card.locator("mark.pa-quote").inner_text()
    meta = card.locator(".pa-meta").inner_text()
    assert "Điện Biên" in meta and "23/04/2019" in meta and question["sources"][0] in meta
    # [1] in the text names card [1]: clicking it opens the document and flashes the card.
    link = reply.locator("a.pa-cite").first
    assert link.get_attribute("name") == card.get_attribute("id")
    shot(browser, "02_answer_with_source")
    link.click()
    page.wait_for_function(
        "document.querySelector('#pa-chat .pa-card.pa-flash') !== null", timeout=5_000
    )
    page.locator("#pa-viewer").get_by_role("button", name="Đóng").click()


def test_a_follow_up_is_understood_from_the_conversation(browser: Browser) -> None:
    reply = ask(browser, "Còn huyện Điện Biên Đông thì sao?")
    understood = reply.locator(".pa-understood").inner_text()
    assert "Điện Biên Đông" in understood and "tổ hòa giải" in understood
    assert "243" in reply.locator(".pa-text").inner_text()
    assert "Điện Biên Đông" in reply.locator(".pa-card .pa-meta").first.inner_text()
    shot(browser, "03_follow_up")


def test_a_rating_with_a_comment_is_stored_with_the_answer(
    browser: Browser, server: Server
) -> None:
    page: Any = browser.page
    page.get_by_role("button", name="Câu trả lời chưa tốt", exact=True).last.click()
    panel = page.locator("#pa-feedback")
    panel.wait_for(state="visible")
    assert "câu trả lời số 2" in panel.inner_text()
    panel.locator("textarea").fill("Cần thêm số liệu năm 2023")
    shot(browser, "04_feedback")
    page.get_by_role("button", name="Gửi góp ý").click()
    page.get_by_text("Đã lưu góp ý").wait_for()
    exported = httpx.get(f"{server.url}/v1/feedback", headers={"X-API-Key": API_KEY}).json()
    [item] = exported["items"]
    assert item["rating"] == "down" and item["comment"] == "Cần thêm số liệu năm 2023"
    assert item["question"] == "Còn huyện Điện Biên Đông thì sao?"
    assert "243" in item["answer"] and item["citations"][0]["document"]


def test_an_unanswerable_question_is_refused_with_related_passages(browser: Browser) -> None:
    page: Any = browser.page
    page.get_by_role("button", name="Cuộc trò chuyện mới").click()
    page.wait_for_function("document.querySelectorAll('#pa-chat .pa-msg').length === 0")
    reply = ask(browser, DEV["d28"]["question"])  # "Lương cơ sở năm 2024 là bao nhiêu?"
    assert reply.locator(".pa-refusal").inner_text().strip() == "Tài liệu không có thông tin này."
    assert reply.locator(".pa-card-related").count() >= 1
    assert reply.locator("a.pa-cite").count() == 0 and reply.locator("mark").count() == 0
    shot(browser, "05_refusal")


def test_a_rating_left_without_comment_is_kept_when_the_chat_moves_on(
    browser: Browser, server: Server
) -> None:
    page: Any = browser.page
    page.get_by_role("button", name="Câu trả lời tốt", exact=True).last.click()
    page.locator("#pa-feedback").wait_for(state="visible")
    page.get_by_role("button", name="Cuộc trò chuyện mới").click()
    page.wait_for_function("document.querySelectorAll('#pa-chat .pa-msg').length === 0")
    items = httpx.get(f"{server.url}/v1/feedback", headers={"X-API-Key": API_KEY}).json()["items"]
    assert [(i["rating"], i["question"], i["refused"]) for i in items[1:]] == [
        ("up", DEV["d28"]["question"], True)
    ]


def test_filters_narrow_the_search_to_one_province(browser: Browser) -> None:
    page: Any = browser.page
    page.get_by_role("button", name="Bộ lọc tìm kiếm").click()
    page.get_by_role("combobox", name="Địa bàn").click()
    page.get_by_role("option", name="Tỉnh Hà Tĩnh").click()
    reply = ask(browser, "Công an xã được bố trí những gì?")
    assert "Phạm vi tìm: Hà Tĩnh" in reply.locator(".pa-scope").inner_text()
    metas = reply.locator(".pa-card .pa-meta").all_inner_texts()
    assert metas and all("Hà Tĩnh" in meta for meta in metas)
    shot(browser, "06_filtered")
    page.get_by_role("button", name="Bỏ lọc").click()
    page.wait_for_function(
        "document.querySelector('input[aria-label=\"Địa bàn\"]').value === 'Tất cả địa bàn'"
    )


def test_the_documents_tab_opens_only_with_the_key(browser: Browser, server: Server) -> None:
    page: Any = browser.page
    page.get_by_role("tab", name="Tài liệu").click()
    table = page.locator("#pa-docs")
    assert not table.is_visible()
    key = page.get_by_label("Khóa truy cập")
    key.fill("khoa-sai")
    page.get_by_role("button", name="Xác nhận khóa").click()
    page.get_by_text("Khóa truy cập không đúng.").wait_for()
    assert not table.is_visible()
    key.fill(API_KEY)
    page.get_by_role("button", name="Xác nhận khóa").click()
    table.wait_for(state="visible")
    page.wait_for_function(f"({TABLE_FILES})().length > 0")
    assert sorted(page.evaluate(TABLE_FILES)) == sorted(p.name for p in server.documents.iterdir())
    assert "Hà Tĩnh" in table.inner_text() and "Chỉ thị" in table.inner_text()
    shot(browser, "07_documents")


def test_an_uploaded_directive_is_indexed_and_answered_with_a_citation(
    browser: Browser, tmp_path: Any
) -> None:
    page: Any = browser.page
    upload = tmp_path / UPLOAD_NAME
    upload.write_text(MUONG_NHE_DIRECTIVE, encoding="utf-8")
    # The upload button's file input (the register's tables have their own).
    page.locator("#pa-upload").locator("xpath=..").locator("input[type=file]").set_input_files(
        str(upload)
    )
    page.wait_for_selector("#pa-job .pa-job-ok, #pa-job .pa-job-failed", timeout=JOB_TIMEOUT_MS)
    assert "đã lập chỉ mục" in page.locator("#pa-job").inner_text()
    page.wait_for_function(f"({TABLE_FILES})().includes({json.dumps(UPLOAD_NAME)})")
    assert len(page.evaluate(TABLE_FILES)) == 6
    assert "Chỉ thị về tăng cường tuần tra" in page.locator("#pa-docs").inner_text()
    shot(browser, "08_uploaded")
    page.get_by_role("tab", name="Hỏi đáp").click()
    reply = ask(browser, "Huyện Mường Nhé thành lập bao nhiêu tổ tuần tra lưu động dịp Tết 2024?")
    assert "37" in reply.locator(".pa-text").inner_text()
    card = reply.locator(".pa-card").first
    assert "tuần tra" in card.locator(".pa-title").inner_text()
    assert UPLOAD_NAME in card.locator(".pa-meta").inner_text()
    assert "37 tổ tuần tra" in card.locator("mark.pa-quote").inner_text()
    shot(browser, "09_uploaded_answer")


def test_a_document_is_deleted_after_confirmation(browser: Browser, server: Server) -> None:
    page: Any = browser.page
    page.get_by_role("tab", name="Tài liệu").click()
    page.get_by_role("combobox", name="Chọn tài liệu").click()
    page.get_by_role("option", name=UPLOAD_NAME, exact=False).click()
    page.get_by_role("button", name="Xóa tài liệu").click()
    page.get_by_role("button", name="Xác nhận xóa").click()
    page.locator("#pa-job").get_by_text(f"đã xóa {UPLOAD_NAME}").wait_for(timeout=JOB_TIMEOUT_MS)
    page.wait_for_function(f"({TABLE_FILES})().length === 5")
    assert not (server.documents / UPLOAD_NAME).exists()
    shot(browser, "10_deleted")


def test_a_rebuild_reports_what_it_did(browser: Browser) -> None:
    page: Any = browser.page
    page.get_by_role("button", name="Lập chỉ mục lại", exact=True).click()
    page.locator("#pa-job").get_by_text("chỉ mục mới có 5 tài liệu").wait_for(
        timeout=JOB_TIMEOUT_MS
    )
    assert len(page.evaluate(TABLE_FILES)) == 5
    shot(browser, "11_rebuilt")


def test_nothing_was_fetched_from_outside_the_server(browser: Browser, server: Server) -> None:
    assert len(browser.requests) > 20  # the page's scripts, styles, fonts and calls
    outside = [
        url for url in browser.requests
        if not url.startswith((server.url + "/", "data:", "blob:"))
    ]  # fmt: skip
    assert outside == []
