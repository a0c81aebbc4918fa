"""The app factory: one FastAPI app with the pages, the JSON API, static files and protection."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from starlette.exceptions import HTTPException as StarletteHTTPException

from twitchguide.errors import InvalidInput, NotFound, TwitchguideError
from twitchguide.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    SAFE_METHODS,
    Guard,
    GuardMiddleware,
)
from twitchguide.web.steps import Context

if TYPE_CHECKING:
    from twitchguide.hosted.config import HostedConfig
    from twitchguide.hosted.site import HostedSite

HERE = Path(__file__).parent
# Health data never leaves the machine: every telemetry switch FastAPI has, off, whatever the
# environment says.
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
    "exclude": lambda scope: True,
}


class AppState:
    """What every request needs: where the diary is, whose it is, and the app's secrets."""

    def __init__(
        self, database_url: str, user_name: str, guard: Guard, hosted: HostedSite | None = None
    ) -> None:
        self.database_url = database_url
        self.user_name = user_name
        self.guard = guard
        self.hosted = hosted


def create_app(
    database_url: str,
    user_name: str,
    access_code: str | None = None,
    *,
    hosted: HostedConfig | None = None,
) -> FastAPI:
    """The whole web app for one diary. `access_code`: required of other devices (--lan).

    `hosted`: many people on one PostgreSQL instead (`serve --hosted`); then the database URL
    and user name are ignored, and each request is the signed-in person's.
    """
    site: HostedSite | None = None
    if hosted is not None:
        from twitchguide.hosted.database import prepare
        from twitchguide.hosted.site import HostedSite

        prepare(hosted)  # migrate and grant, once per process; safe beside other instances
        site = HostedSite(hosted)
        guard = Guard(key=site.csrf_key())
    else:
        from twitchguide.actions.context import open_context as open_diary

        # Connect, migrate and create the person once, before the first request.
        open_diary(database_url, user_name).close()
        guard = Guard(access_code)
    app = FastAPI(
        title="Twitchguide API",
        version="1",
        summary="Your twitch diary, the guide, triage and insights, on this computer only.",
        docs_url=None,  # FastAPI's own pages load scripts from a CDN: blank offline
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(check_csrf)],
        # FastAPI's own OpenTelemetry hooks (on when a provider is configured in the process,
        # or FASTAPI_OTEL_AUTO_CONFIGURE=true) can record request bodies: health data. Off.
        telemetry=NO_TELEMETRY,
    )
    app.state.tg = AppState(database_url, user_name, guard, site)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from twitchguide.web import api, pages

    if site is not None:
        from twitchguide.hosted.web_hooks import install

        install(app, site)
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_error_handlers(app)
    if database_url.startswith("sqlite"):
        from twitchguide.web.writes import GroupCommit, diary_writer

        # Changes wait for one shared commit (one fsync) instead of a commit each.
        app.add_middleware(GroupCommit, writer=diary_writer(database_url))
    app.add_middleware(GuardMiddleware, guard=guard, hosted=site is not None)
    return app


async def open_context(request: Request) -> AsyncIterator[Context]:
    """The person's diary for one request (the store is opened in the thread that uses it).

    Hosted, the signed-in person's: chosen here, not by FastAPI's dependency_overrides, which
    re-reads the signature of every dependency of every route on every request."""
    state: AppState = request.app.state.tg
    if state.hosted is not None:
        from twitchguide.hosted.site import signed_in_diary

        async with signed_in_diary(request) as hosted:
            yield hosted
        return
    context = Context(state.database_url, state.user_name)
    request.state.diary = context  # for the page footer's emergency number
    yield context


async def form_data(request: Request) -> dict[str, Any]:
    """The submitted form's text fields (read here, on the event loop, for sync routes)."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def csrf_token(request: Request) -> str:
    state: AppState = request.app.state.tg
    return state.guard.csrf_token(request.scope["state"]["session"])


async def check_csrf(request: Request) -> None:
    """Every state-changing request carries the token: a form field or the X-CSRF-Token header."""
    if request.method in SAFE_METHODS:
        return
    token = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if token is None and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    state: AppState = request.app.state.tg
    if state.hosted is not None and token is None:
        from twitchguide.hosted.web_hooks import bearer_ok

        # A program with an API token sends no cookies, so no other site can forge its calls.
        if await bearer_ok(request):
            return
    if not state.guard.csrf_ok(request.scope.get("state", {}).get("session"), token):
        raise CSRFRejected()


class CSRFRejected(Exception):
    """A change without this browser's token: another site may be trying to post."""


def error_body(field: str, problem: str) -> dict[str, Any]:
    """The one error shape of the API: which field, and what is allowed."""
    return {"error": {"field": field, "problem": problem, "message": f"{field}: {problem}"}}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at this path (Starlette names only the first route's)."""
    from starlette.routing import Match, Route

    from twitchguide.web import api, pages

    methods: set[str] = set()
    for route in [*api.router.routes, *pages.router.routes]:
        if isinstance(route, Route) and route.methods:
            match, _ = route.matches({**request.scope, "method": "GET", "type": "http"})
            if match is not Match.NONE:
                methods |= route.methods
    return sorted(methods)


def _install_error_handlers(app: FastAPI) -> None:
    from twitchguide.web.pages import error_page

    @app.exception_handler(InvalidInput)
    async def invalid(request: Request, error: InvalidInput) -> Response:
        if _wants_html(request):
            return error_page(request, 422, "That could not be saved", error.user_message())
        return JSONResponse(error_body(error.field, error.problem), status_code=422)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        if _wants_html(request):
            return error_page(request, 404, "Not found", error.user_message())
        return JSONResponse(error_body("id", error.user_message()), status_code=404)

    @app.exception_handler(TwitchguideError)
    async def other(request: Request, error: TwitchguideError) -> Response:
        from twitchguide.errors import ImportRejected

        status = 422 if isinstance(error, ImportRejected) else 503
        if _wants_html(request):
            return error_page(request, status, "That did not work", error.user_message())
        return JSONResponse(error_body("request", error.user_message()), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def unparsed(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {"loc": ("body",), "msg": "invalid"}
        location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query")]
        field = ".".join(location) or "body"
        problem = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        if _wants_html(request):
            return error_page(request, 422, "That could not be saved", f"{field}: {problem}")
        return JSONResponse(error_body(field, problem), status_code=422)

    @app.exception_handler(CSRFRejected)
    async def csrf(request: Request, error: CSRFRejected) -> Response:
        problem = "missing or out of date; reload the page and try again"
        if _wants_html(request):
            return error_page(request, 403, "Please reload the page", "The form was " + problem)
        return JSONResponse(error_body("csrf_token", problem), status_code=403)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        detail = str(error.detail)
        page: Response
        if _wants_html(request):
            title = "Not found" if error.status_code == 404 else "That did not work"
            page = error_page(request, error.status_code, title, detail)
        else:
            page = JSONResponse(error_body("path", detail), status_code=error.status_code)
        page.headers.update(error.headers or {})
        if error.status_code == 405:
            page.headers["allow"] = ", ".join(_allowed_methods(request))
        return page
