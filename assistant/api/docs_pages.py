"""/redoc with ReDoc's script from this server and no request anywhere else.

`fastapi-offline` serves Swagger UI and ReDoc's assets from the package; its /docs is used
as it is. ReDoc's sidebar still shows a logo from the vendor's CDN, which an offline
browser tries to fetch: here a Content-Security-Policy limits images to this server and
inline data, so the logo fails at once (ReDoc then hides it) and nothing leaves the
machine.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse

STATIC_URL = "/static-offline-docs"  # where fastapi-offline mounts its assets
REDOC_URL = "/redoc"
IMAGES_FROM_HERE = "img-src 'self' data:"


def install_redoc(app: FastAPI) -> None:
    """Serve ReDoc at /redoc from the assets `fastapi-offline` mounted."""

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{STATIC_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = IMAGES_FROM_HERE
        return page
