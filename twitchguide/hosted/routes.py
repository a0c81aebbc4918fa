"""Hosted mode's own pages: sign up, sign in and out, the account page, reset, share links."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from twitchguide.errors import InvalidInput
from twitchguide.hosted import accounts, shares
from twitchguide.hosted.site import LOGIN_COOKIE, HostedContext, hosted_context, site_of
from twitchguide.web.app import form_data
from twitchguide.web.render import page
from twitchguide.web.security import SESSION_COOKIE
from twitchguide.web.steps import Context

router = APIRouter(include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(form_data)]
Ctx = Annotated[Context, Depends(hosted_context)]

# The shared report is a whole document with its own inline style and no script at all.
SHARE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def _signed_in(request: Request, user_id: int) -> Response:
    """Into the app with fresh ids: a new sign-in token and a new browser session (and so a
    new CSRF token), so nothing fixed before sign-in carries over."""
    import secrets

    with site_of(request).pools.owner() as db:
        token = accounts.new_session(db, user_id)
    response = RedirectResponse("/", status_code=303)
    secure = request.url.scheme == "https"
    days = accounts.SESSION_DAYS * 86400
    response.set_cookie(
        LOGIN_COOKIE, token, max_age=days, httponly=True, samesite="lax", secure=secure
    )
    response.set_cookie(
        SESSION_COOKIE, secrets.token_urlsafe(24), httponly=True, samesite="strict", secure=secure
    )
    return response


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return page(request, "hosted_login.html", title="Sign in", error=None, name="")


@router.post("/login")
def login(request: Request, form: Form) -> Response:
    name = form.get("name", "")
    try:
        with site_of(request).pools.owner() as db:
            user_id = accounts.authenticate(db, name, form.get("password", ""), _address(request))
    except InvalidInput as error:
        return page(
            request, "hosted_login.html", 401, title="Sign in", error=error.problem, name=name
        )
    return _signed_in(request, user_id)


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, invite: str = "") -> HTMLResponse:
    config = site_of(request).config
    return page(
        request,
        "hosted_signup.html",
        title="Sign up",
        invite_only=config.invite_only,
        invite=invite,
        error=None,
    )


@router.post("/signup")
def signup(request: Request, form: Form) -> Response:
    config = site_of(request).config
    try:
        with site_of(request).pools.owner() as db:
            user_id = accounts.create_account(
                db,
                form.get("name", ""),
                form.get("password", ""),
                timezone=form.get("timezone") or "UTC",
                invite=form.get("invite"),
                invite_only=config.invite_only,
            )
    except InvalidInput as error:
        return page(
            request,
            "hosted_signup.html",
            422,
            title="Sign up",
            invite_only=config.invite_only,
            invite=form.get("invite", ""),
            error=error.user_message(),
        )
    return _signed_in(request, user_id)


@router.post("/logout")
def logout(request: Request) -> Response:
    with site_of(request).pools.owner() as db:
        accounts.end_session(db, request.cookies.get(LOGIN_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(LOGIN_COOKIE)
    response.delete_cookie(SESSION_COOKIE)
    return response


# --- the account page -------------------------------------------------------------------------


def _account(request: Request, ctx: Context, status: int = 200, **shown: Any) -> HTMLResponse:
    assert isinstance(ctx, HostedContext)
    db = ctx.actions.store.whole_store.database  # the app role: these reads see own rows only
    tokens = db.query(
        "SELECT id, label, created_at, revoked_at FROM api_tokens WHERE owner_id = ? "
        "ORDER BY id DESC",
        (ctx.user_id,),
    )
    today = ctx.today()
    values: dict[str, Any] = {
        "shares": shares.shares_of(db, ctx.user_id),
        "tokens": tokens,
        "audit": shares.audit_of(db, ctx.user_id),
        "zone": ctx.user.zone,
        "default_from": date.fromordinal(today.toordinal() - 90).isoformat(),
        "default_to": today.isoformat(),
        "new_token": None,
        "new_share": None,
        "error": None,
        "done": None,
    }
    values.update(shown)
    return page(request, "hosted_account.html", status, title="Account", **values)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, ctx: Ctx) -> HTMLResponse:
    return _account(request, ctx)


@router.post("/account/password", response_class=HTMLResponse)
def change_password(request: Request, ctx: Ctx, form: Form) -> Response:
    assert isinstance(ctx, HostedContext)
    try:
        with site_of(request).pools.owner() as db:
            accounts.change_password(
                db, ctx.user_id, form.get("current_password", ""), form.get("new_password", "")
            )
    except InvalidInput as error:
        return _account(request, ctx, 422, error=error.user_message())
    return _signed_in(request, ctx.user_id)  # every old session ended; this one starts anew


@router.post("/account/tokens", response_class=HTMLResponse)
def new_api_token(request: Request, ctx: Ctx, form: Form) -> HTMLResponse:
    assert isinstance(ctx, HostedContext)
    with site_of(request).pools.owner() as db:
        token = accounts.create_api_token(db, ctx.user_id, form.get("label", ""))
    return _account(request, ctx, new_token=token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_api_token(request: Request, ctx: Ctx, token_id: int) -> Response:
    assert isinstance(ctx, HostedContext)
    with site_of(request).pools.owner() as db:
        accounts.revoke_api_token(db, ctx.user_id, token_id)
    return RedirectResponse("/account", status_code=303)


@router.post("/account/shares", response_class=HTMLResponse)
def new_share(request: Request, ctx: Ctx, form: Form) -> HTMLResponse:
    assert isinstance(ctx, HostedContext)
    from twitchguide.diary.timewords import parse_date

    today = ctx.today()
    try:
        start = parse_date(form.get("from", ""), today, "from")
        end = parse_date(form.get("to", ""), today, "to")
        days = form.get("days") or str(shares.DEFAULT_DAYS)
        if not days.isdigit():
            raise InvalidInput("days", f"a whole number of days, 1 to {shares.MAX_DAYS}")
        with site_of(request).pools.owner() as db:
            token = shares.create_share(db, ctx.user_id, start, end, int(days))
    except InvalidInput as error:
        return _account(request, ctx, 422, error=error.user_message())
    link = f"{request.base_url}share/{token}"
    return _account(request, ctx, new_share=link)


@router.post("/account/shares/{share_id}/revoke")
def revoke_share(request: Request, ctx: Ctx, share_id: int) -> Response:
    assert isinstance(ctx, HostedContext)
    with site_of(request).pools.owner() as db:
        shares.revoke_share(db, ctx.user_id, share_id)
    return RedirectResponse("/account", status_code=303)


@router.post("/account/delete")
def delete_account(request: Request, ctx: Ctx, form: Form) -> Response:
    """Deletes the person and all their data, once they confirm with their password."""
    assert isinstance(ctx, HostedContext)
    from twitchguide.hosted import passwords

    with site_of(request).pools.owner() as db:
        rows = db.query("SELECT password_hash FROM accounts WHERE owner_id = ?", (ctx.user_id,))
        if form.get("confirm") != "delete" or not (
            rows and passwords.verify_password(rows[0]["password_hash"], form.get("password", ""))
        ):
            return _account(
                request,
                ctx,
                422,
                error="password: type your password and tick the box to delete everything",
            )
        ctx.close()  # give the app-role connection back before the rows go
        accounts.delete_account(db, ctx.user_id)
    response = page(request, "hosted_deleted.html", title="Account deleted")
    response.delete_cookie(LOGIN_COOKIE)
    response.delete_cookie(SESSION_COOKIE)
    return response


# --- reset with an administrator's token ----------------------------------------------------


@router.get("/reset", response_class=HTMLResponse)
def reset_page(request: Request) -> HTMLResponse:
    return page(request, "hosted_reset.html", title="Choose a new password", error=None)


@router.post("/reset")
def reset(request: Request, form: Form) -> Response:
    try:
        with site_of(request).pools.owner() as db:
            user_id = accounts.use_reset_token(
                db, form.get("token", "").strip(), form.get("new_password", "")
            )
    except InvalidInput as error:
        return page(
            request,
            "hosted_reset.html",
            422,
            title="Choose a new password",
            error=error.user_message(),
        )
    return _signed_in(request, user_id)


# --- a clinician's view of a share link -----------------------------------------------------


@router.get("/share/{token}")
def shared_report(request: Request, token: str) -> Response:
    """The report (with its insights) for the link's period, read-only; the view is logged."""
    from twitchguide.actions.report import render_report, report_options

    site = site_of(request)
    with site.pools.owner() as db:
        share = shares.open_share(db, token)
    context = HostedContext(site.pools, share.owner_id, share.owner_name, read_only=True)
    try:
        options = report_options(
            context.actions,
            start=share.period_start.isoformat(),
            end=min(share.period_end, context.today()).isoformat(),
            format_="html",
        )
        rendered = render_report(context.actions, options)
    finally:
        context.close()
    banner = (
        '<div style="border:2px solid #1d5c63;padding:0.6em 1em;margin:0 0 1em;'
        'font-family:sans-serif">'
        f"Shared read-only by <strong>{_escape(share.owner_name)}</strong> on "
        f"{share.created_at:%d %B %Y}, for {share.period_start:%d %b %Y} to "
        f"{share.period_end:%d %b %Y}. This link stops working on "
        f"{share.expires_at:%d %B %Y}.</div>"
    ).encode()
    body = rendered.content.replace(b"<body>", b"<body>" + banner, 1)
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={"content-security-policy": SHARE_POLICY},
    )


def _escape(text: str) -> str:
    import html

    return html.escape(text)
