"""`/docs` (Swagger UI) and `/redoc` served from files a package ships, so the API's
documentation works offline: no CDN, no web fonts."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

_ASSETS = "/docs-assets"
# ReDoc links its makers' logo from a CDN: the browser is told to fetch nothing from afar.
_LOCAL_ONLY = {
    "Content-Security-Policy": "img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
}


def mount_docs(app: FastAPI) -> None:
    """Serve the documentation pages from the fastapi-offline package's files."""
    folder = resources.files("fastapi_offline") / "static"
    app.mount(_ASSETS, StaticFiles(directory=str(folder)), name="docs-assets")
    title = f"{app.title} API"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=title,
            swagger_js_url=f"{_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{_ASSETS}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from afar
        )
        page.headers.update(_LOCAL_ONLY)
        return page

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=title,
            redoc_js_url=f"{_ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{_ASSETS}/favicon.png",
            with_google_fonts=False,
        )
        page.headers.update(_LOCAL_ONLY)
        return page
