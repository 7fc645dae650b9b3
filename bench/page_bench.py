"""The chat page in chromium: first load and each answer, as an officer waits for them.

    .venv/bin/python bench/page_bench.py --url http://127.0.0.1:8000   # a running server
    .venv/bin/python bench/page_bench.py --url ... --phone              # at 390 x 844
    .venv/bin/python bench/page_bench.py --url ... --trace              # what a first visit fetched
    .venv/bin/python bench/page_bench.py --url NEW --against OLD --first 8  # in turns
    .venv/bin/python bench/page_bench.py --url ... --floor --first 8   # against a bare page

"First visit" is a fresh browser profile (nothing cached) opening the page until the
question box and the document count are on screen, repeated `--first` times, each in a new
profile; "load" is the same page opened again in the last profile (its files cached, as a
second visit of the day); "answer" is Enter until the complete answer with its sources and
"Sao chép" is on screen, for each question of the seed set (`../shared/eval/dev.jsonl`),
each in a new conversation. A first visit or load is timed twice: "first" / "load", the
wall time from `page.goto` until Playwright has seen the box and the count (as before:
it includes Playwright's own waits and the script it injects into the page, 0.1-0.3 s on
these cores), and "on screen", the page's own clock from the start of navigation to the
first frame drawn with both (`ON_SCREEN_JS`, installed before the page's own scripts).
`--trace` prints, for one more first visit, every request (start, end, bytes on the wire,
from the DevTools protocol) and the browser's main-thread time. `--against` compares first
visits only, to two servers taking turns (on a machine shared with other work the load
drifts; turns expose both servers to the same drift), with the main thread's CPU time
beside the wall time. `--floor` does the same against a bare Gradio page served here (one
Markdown with the count, one Textbox, Gradio's files through `ui.assets` as ours): the
least a Gradio page takes on the machine at that moment.
Needs Debian's chromium (`make browser`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from common import REPO, percentiles
from playwright.sync_api import sync_playwright

QUESTIONS = REPO.parent / "shared" / "eval" / "dev.jsonl"
DONE = (
    "Array.from(document.querySelectorAll('#pa-chat .pa-msg'))"
    ".filter(m => !m.classList.contains('pa-pending') && !m.querySelector('.pa-cursor'))"
    ".length"
)


# The first frame with the question box visible and the count filled, on the page's clock
# (ms from the start of navigation): checked once a frame, from before the page's scripts.
ON_SCREEN_JS = """
(() => {
  const shown = () => {
    const box = document.querySelector('#pa-question textarea');
    const count = document.querySelector('#pa-count');
    const rect = box && box.getBoundingClientRect();
    return rect && rect.width > 0 && rect.height > 0 && box.checkVisibility()
      && count && count.textContent.trim() !== '';
  };
  const frame = () => {
    if (shown()) window.__paOnScreen = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"""


@contextmanager
def fresh_page(playwright: Any, viewport: dict[str, int]) -> Iterator[Any]:
    """A page of a headless chromium with a new, empty profile."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, viewport=viewport,
            args=["--no-sandbox", "--disable-gpu"], locale="vi-VN",
        )  # fmt: skip
        context.add_init_script(ON_SCREEN_JS)
        yield context.pages[0] if context.pages else context.new_page()
        context.close()


def load_once(page: Any, url: str) -> float:
    """Wall seconds until Playwright has seen the box and the count (see `on_screen`)."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#pa-question textarea", state="visible")
    page.wait_for_function("document.querySelector('#pa-count').textContent.trim() !== ''")
    return time.perf_counter() - started


def on_screen(page: Any) -> float:
    """Seconds from the start of the last navigation to the first frame showing the box and
    the count, on the page's clock: Playwright's waits are not in it."""
    page.wait_for_function("window.__paOnScreen !== undefined", polling=50)
    return float(page.evaluate("window.__paOnScreen")) / 1000


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


def trace_first_visit(page: Any, url: str) -> None:
    """Print each request of a first visit and where the browser's main thread went."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Performance.enable")
    requests: dict[str, dict[str, Any]] = {}
    cdp.on("Network.requestWillBeSent", lambda e: requests.__setitem__(
        e["requestId"], {"url": e["request"]["url"], "start": e["timestamp"]}))  # fmt: skip
    cdp.on("Network.loadingFinished", lambda e: requests.get(e["requestId"], {}).update(
        end=e["timestamp"], bytes=e["encodedDataLength"]))  # fmt: skip
    seconds = load_once(page, url)
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    rows = sorted(requests.values(), key=lambda r: r["start"])
    origin = rows[0]["start"]
    for row in rows:
        start, end = row["start"] - origin, row.get("end", row["start"]) - origin
        name = row["url"].removeprefix(url.rstrip("/"))[:90]
        print(f"  {start:6.2f} {end:6.2f} s {row.get('bytes', 0) / 1024:7.1f} KiB  {name}")
    wire = sum(row.get("bytes", 0) for row in rows) / 1024
    print(f"first visit {seconds:.2f} s: {len(rows)} requests, {wire:.0f} KiB on the wire")
    print("main thread: " + ", ".join(f"{name.removesuffix('Duration').lower()} "
          f"{metrics[name]:.2f} s" for name in ("TaskDuration", "ScriptDuration",
          "LayoutDuration", "RecalcStyleDuration") if name in metrics))  # fmt: skip


def compare_first_visits(playwright: Any, viewport: dict[str, int], urls: list[str],
                         visits: int) -> None:  # fmt: skip
    """First visits to each server in turn: wall time and the page's main-thread CPU time
    (p50, min, max), with the load. CPU time moves less with the load than wall time."""
    seconds: dict[str, list[float]] = {url: [] for url in urls}
    shown: dict[str, list[float]] = {url: [] for url in urls}
    cpu: dict[str, list[float]] = {url: [] for url in urls}
    loads = []
    for _ in range(visits):
        for url in urls:
            with fresh_page(playwright, viewport) as page:
                cdp = page.context.new_cdp_session(page)
                cdp.send("Performance.enable")
                seconds[url].append(load_once(page, url))
                metrics = cdp.send("Performance.getMetrics")["metrics"]
                cpu[url].append(next(m["value"] for m in metrics if m["name"] == "ThreadTime"))
                shown[url].append(on_screen(page))
            loads.append(os.getloadavg()[0])
    print(f"load average {min(loads):.1f}-{max(loads):.1f} during the visits")
    for url in urls:
        for name, values in (("first", seconds[url]), ("screen", shown[url]), ("cpu", cpu[url])):
            p50, _ = percentiles(values)
            print(f"{name:6s} {url}  n={len(values)}  p50 {p50:.2f} s  min {min(values):.2f} s"
                  f"  max {max(values):.2f} s")  # fmt: skip


@contextmanager
def bare_gradio_page() -> Iterator[str]:
    """A bare Gradio page (the count in a Markdown, one Textbox), its files served as ours
    are (`ui.assets.PageAssets`), on a free port in this process; yields its address."""
    import socket
    import threading

    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr
    import uvicorn
    from fastapi import FastAPI

    from ui.assets import PageAssets

    app = FastAPI()
    app.add_middleware(PageAssets)
    with gr.Blocks(analytics_enabled=False) as blocks:
        gr.Markdown('<div id="pa-count">5 tài liệu trong chỉ mục</div>')
        gr.Textbox(elem_id="pa-question", show_label=False)
    app = gr.mount_gradio_app(app, blocks, path="/", footer_links=[])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--first", type=int, default=3, help="first visits, each a new profile")
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--questions", type=int, default=20, help="how many of the seed set")
    parser.add_argument("--phone", action="store_true", help="390 x 844 instead of 1366 x 900")
    parser.add_argument("--trace", action="store_true", help="one first visit, request by request")
    parser.add_argument("--against", help="another server: first visits to both, taking turns")
    parser.add_argument("--floor", action="store_true", help="--against a bare Gradio page")
    args = parser.parse_args()
    url = args.url.rstrip("/") + "/"
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    viewport = {"width": 390, "height": 844} if args.phone else {"width": 1366, "height": 900}
    print(f"page {url} at {viewport['width']}x{viewport['height']}, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    with sync_playwright() as playwright:
        if args.trace:
            with fresh_page(playwright, viewport) as page:
                trace_first_visit(page, url)
            return
        if args.floor:
            with bare_gradio_page() as floor:
                compare_first_visits(playwright, viewport, [url, floor], args.first)
            return
        if args.against:
            compare_first_visits(playwright, viewport, [url, args.against.rstrip("/") + "/"],
                                 args.first)  # fmt: skip
            return
        first_visits, first_shown, loads, loads_shown = [], [], [], []
        for visit in range(args.first):
            with fresh_page(playwright, viewport) as page:
                first_visits.append(load_once(page, url))
                first_shown.append(on_screen(page))
                if visit == args.first - 1:  # the last profile goes on: cached, then asking
                    for _ in range(args.loads):
                        loads.append(load_once(page, url))
                        loads_shown.append(on_screen(page))
                    asked = questions[: args.questions]
                    answers = [answer_once(page, url, q, args.phone) for q in asked]
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    rows = (("first", first_visits), ("screen", first_shown), ("load", loads),
            ("screen", loads_shown), ("answer", answers))  # fmt: skip
    for name, values in rows:
        p50, p95 = percentiles(values)
        print(f"{name:6s} n={len(values):3d}  p50 {p50:.2f} s  p95 {p95:.2f} s"
              f"  max {max(values):.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
