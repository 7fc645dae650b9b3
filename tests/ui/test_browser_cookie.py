"""The browser's id for its kept conversations: a signed cookie set with the page."""

from __future__ import annotations

from types import SimpleNamespace

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

from ui.browser_cookie import COOKIE, BrowserCookie, browser_id, signed_id, verified_id

SECRET = "bi-mat-cua-trang-thu-nghiem"


def page_app() -> TestClient:
    app = FastAPI()
    app.add_middleware(BrowserCookie, secret=SECRET)
    app.get("/", response_class=HTMLResponse)(lambda: "<html>trang</html>")
    app.get("/data")(lambda: {"ok": True})
    return TestClient(app)


def test_a_new_browser_gets_an_id_that_lasts_and_no_script_can_read() -> None:
    response = page_app().get("/")
    header = response.headers["set-cookie"]
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Max-Age=34560000" in header
    assert verified_id(response.cookies[COOKIE], SECRET)


def test_a_browser_keeps_its_id_on_each_visit() -> None:
    client = page_app()
    first = client.get("/").cookies[COOKIE]
    again = client.get("/")  # the client sends the cookie back
    assert again.cookies[COOKIE] == first


def test_an_id_the_server_did_not_sign_is_replaced() -> None:
    client = page_app()
    client.cookies.set(COOKIE, "trinh-duyet-cua-nguoi-khac.0000")
    given = client.get("/").cookies[COOKIE]
    assert not given.startswith("trinh-duyet-cua-nguoi-khac")
    assert verified_id(given, SECRET)


def test_only_the_page_sets_it() -> None:
    assert "set-cookie" not in page_app().get("/data").headers


def test_handlers_read_the_id_only_when_signed_with_this_secret() -> None:
    value = signed_id("abc", SECRET)
    assert browser_id(SimpleNamespace(cookies={COOKIE: value}), SECRET) == "abc"
    assert browser_id(SimpleNamespace(cookies={COOKIE: value}), "bi-mat-khac") is None
    assert browser_id(SimpleNamespace(cookies={COOKIE: "abc"}), SECRET) is None
    assert browser_id(SimpleNamespace(cookies={}), SECRET) is None
    assert browser_id(None, SECRET) is None
