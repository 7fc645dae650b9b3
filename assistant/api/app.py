"""`create_app(settings)`: the one place the server is wired together.

The services are wired when the app is made (cheap: nothing is loaded) and started in
the lifespan: the process becomes the index's only writer and indexes the documents
folder as a background job, so `/healthz` answers at once and `/readyz` says when the
index is loaded. /docs and /redoc come with their assets (`fastapi-offline`, `docs_pages`).
The Gradio chat page is mounted at `/` after the API routes, so `/v1`, `/docs`,
`/openapi.json`, `/healthz` and `/readyz` stay reachable beside it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from assistant.api.admission import AskGate, FifoGate, ask_slots
from assistant.api.docs_pages import STATIC_URL, install_redoc
from assistant.api.errors import install_error_handlers
from assistant.api.guards import KEY_COOKIE_SCRIPT, install_guards
from assistant.api.routers import (
    ask,
    audit,
    chat_completions,
    documents,
    feedback,
    health,
    jobs,
    register,
    search,
)
from assistant.server_services import Services, build_services
from assistant.settings import Settings, get_settings

logger = logging.getLogger(__name__)

DESCRIPTION = """
Cited answers from Vietnamese policy documents (directives, resolutions, reports).

* **Ask**: `POST /v1/ask` answers a question with numbered citations; `POST /v1/search`
  returns passages. OpenAI clients can use `POST /v1/chat/completions`, model
  `policy-assistant`.
* **Documents**: upload, list, delete; writes return a job (`GET /v1/jobs/{id}`) and the
  index is updated in the background while questions keep being answered.
* **Register**: `GET /v1/directives` lists documents by kind, place, year, issuer;
  `GET /v1/directives/{number}` gives a directive's duties by body and who carries it
  out; `GET /v1/figures` lists stated figures (`format=csv` for a spreadsheet).
* **Keys**: when the server has keys (`PA_API_KEYS`), writes need
  `Authorization: Bearer <key>` or `X-API-Key: <key>` (reads too with
  `PA_REQUIRE_KEY_FOR_READ=true`).
* **Audit**: `GET /v1/audit` (a write key) lists every write with its time, key id (never
  the key), file name and sha256.
"""

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]
ROUTERS = (health, ask, search, documents, jobs, chat_completions, feedback, register, audit)


def create_app(
    settings: Settings | None = None,
    *,
    with_ui: bool = True,
    watch: bool | None = None,
    catch_up: bool = True,
) -> FastAPI:
    """The API and chat page on one app, sharing one set of services.

    Args:
        settings: the configuration (default: from the environment).
        with_ui: mount the Gradio chat page at `/` (tests of the API alone skip it).
        watch: poll the documents folder for changes (default: `settings.documents.watch`).
        catch_up: index what changed in the documents folder at start; False serves the
            index as it is (see `Services.start`).
    """
    settings = settings or get_settings()
    services = build_services(settings)
    # /docs and /redoc load Swagger UI and ReDoc from this server, not a CDN: the people
    # reading them often work offline. The validator badge would call swagger.io.
    app = FastAPIOffline(
        title="Policy assistant",
        version="1",
        description=DESCRIPTION,
        lifespan=_lifespan(services, watch, catch_up),
        swagger_ui_parameters={"validatorUrl": None},
        redoc_url=None,  # ours: see docs_pages
        static_url=STATIC_URL,
    )
    install_redoc(app)
    app.state.services = services
    install_error_handlers(app)
    if slots := ask_slots(settings):  # innermost: a refused body never waits its turn
        app.state.ask_gate = FifoGate(slots)
        app.add_middleware(AskGate, gate=app.state.ask_gate)
    install_guards(app, settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.api.cors_origins,
        allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "X-API-Key", "Content-Type"],
    )
    for module in ROUTERS:
        app.include_router(module.router)
    return mount_ui(app, services) if with_ui else app


def _lifespan(services: Services, watch: bool | None, catch_up: bool) -> Lifespan:
    """Start the services when the server starts; stop them when it stops."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            await run_in_threadpool(services.start, watch, catch_up)
        except BaseException:
            await run_in_threadpool(services.close)
            raise
        logger.info("serving %s; indexing in the background", services.intake.documents_dir)
        try:
            yield
        finally:
            await run_in_threadpool(services.close)

    return lifespan


def mount_ui(app: FastAPI, services: Services) -> FastAPI:
    """Mount the chat page at `/`, after every API route so those keep matching first."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported
    import gradio as gr

    from assistant.api.routers import viewer
    from ui.assets import PageAssets
    from ui.page import build_page, page_options

    app.include_router(viewer.router)  # before the page's catch-all mount at "/"
    # Outermost: the page's ~80 script and style files skip every other middleware.
    app.add_middleware(PageAssets)
    page = build_page(services)
    options = page_options(services, page)
    options["head"] = KEY_COOKIE_SCRIPT + options["head"]
    return gr.mount_gradio_app(app, page.blocks, path="/", footer_links=[], **options)
