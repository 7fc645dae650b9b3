"""The chat page in chromium: first load and each answer, as an officer waits for them.

    .venv/bin/python bench/page_bench.py --url http://127.0.0.1:8000   # a running server
    .venv/bin/python bench/page_bench.py --url ... --phone              # at 390 x 844

"First load" is a fresh browser profile opening the page until the question box and the
document count are on screen (the page's scripts cached after a first visit, as a second
visit of the day is); "answer" is Enter until the complete answer with its sources and
"Sao chép" is on screen, for each question of the seed set (`../shared/eval/dev.jsonl`),
each in a new conversation. Needs Debian's chromium (`make browser`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from typing import Any

from common import REPO, percentiles
from playwright.sync_api import sync_playwright

QUESTIONS = REPO.parent / "shared" / "eval" / "dev.jsonl"
DONE = (
    "Array.from(document.querySelectorAll('#pa-chat .pa-msg'))"
    ".filter(m => !m.classList.contains('pa-pending') && !m.querySelector('.pa-cursor'))"
    ".length"
)


def load_once(page: Any, url: str) -> float:
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#pa-question textarea", state="visible")
    page.wait_for_function("document.querySelector('#pa-count').textContent.trim() !== ''")
    return time.perf_counter() - started


def answer_once(page: Any, url: str, question: str, phone: bool) -> float:
    if phone:  # the conversation list is folded away: a reload starts over as well
        load_once(page, url)
    else:
        page.get_by_role("button", name="Cuộc trò chuyện mới").click()
    page.wait_for_function("document.querySelectorAll('#pa-chat .pa-msg').length === 0")
    box = page.locator("#pa-question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(f"({DONE}) === 1", timeout=120_000)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--questions", type=int, default=20, help="how many of the seed set")
    parser.add_argument("--phone", action="store_true", help="390 x 844 instead of 1366 x 900")
    args = parser.parse_args()
    url = args.url.rstrip("/") + "/"
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    viewport = {"width": 390, "height": 844} if args.phone else {"width": 1366, "height": 900}
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, viewport=viewport,  # type: ignore[arg-type]
            args=["--no-sandbox", "--disable-gpu"], locale="vi-VN",
        )  # fmt: skip
        page = context.pages[0] if context.pages else context.new_page()
        first_visit = load_once(page, url)
        loads = [load_once(page, url) for _ in range(args.loads)]
        answers = [answer_once(page, url, q, args.phone) for q in questions[: args.questions]]
        context.close()
    print(f"page {url} at {viewport['width']}x{viewport['height']}")
    print(f"first visit (nothing cached): {first_visit:.2f} s")
    for name, values in (("load", loads), ("answer", answers)):
        p50, p95 = percentiles(values)
        print(f"{name:6s} n={len(values):3d}  p50 {p50:.2f} s  p95 {p95:.2f} s"
              f"  max {max(values):.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
