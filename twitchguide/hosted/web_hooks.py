"""How a hosted app differs from the local one: who a request belongs to, and what else it serves.

The local app's routes are reused as they are; the dependency that gives a route its diary
(`web.app.open_context`) gives the signed-in person's instead, on the app role.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from twitchguide.hosted.site import HostedSite, SignInNeeded, bearer_token, site_of


def install(app: FastAPI, site: HostedSite) -> None:
    from twitchguide.hosted.routes import router
    from twitchguide.web.app import error_body

    app.include_router(router)

    @app.exception_handler(SignInNeeded)
    async def sign_in(request: Request, _error: SignInNeeded) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                error_body("authorization", "sign in, or send a live API token as Bearer"),
                status_code=401,
                headers={"www-authenticate": "Bearer"},
            )
        return RedirectResponse("/login", status_code=303)


async def bearer_ok(request: Request) -> bool:
    """True when the request carries a live API token; a dead or unknown one is a 401."""
    token = bearer_token(request)
    if token is None:
        return False
    if await site_of(request).who_of(request) is None:
        raise SignInNeeded()
    return True
