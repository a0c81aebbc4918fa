"""Protection: security headers, the --lan access code, and CSRF tokens on every change."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "tg_session"
ACCESS_COOKIE = "tg_access"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Everything is served from this origin: no outside script, style, font or connection.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class Guard:
    """Per-app secrets: the CSRF key, and the access code a phone needs under --lan."""

    def __init__(self, access_code: str | None = None, key: bytes | None = None) -> None:
        # Hosted instances share one key (from the secret) so any of them accepts a token.
        self.key = key or secrets.token_bytes(32)
        self.access_code = access_code

    def csrf_token(self, session: str) -> str:
        """The synchronizer token for one browser session (an HMAC, so no server-side table)."""
        return hmac.new(self.key, session.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, session: str | None, token: str | None) -> bool:
        if not session or not token:
            return False
        return hmac.compare_digest(self.csrf_token(session), token)

    def access_ok(self, code: str | None) -> bool:
        if self.access_code is None:
            return True
        return code is not None and hmac.compare_digest(code, self.access_code)


def new_access_code() -> str:
    return secrets.token_urlsafe(18)


def cookies_of(scope: Scope) -> dict[str, str]:
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is treated as none
                return {}
            return {key: morsel.value for key, morsel in jar.items()}
    return {}


def _cookie(name: str, value: str, max_age: int | None = None, secure: bool = False) -> bytes:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if secure:
        parts.append("Secure")
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    return "; ".join(parts).encode()


_LOCKED_PAGE = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    b"<meta name='viewport' content='width=device-width, initial-scale=1'>"
    b"<title>Twitchguide: open the link from the computer</title></head><body><main>"
    b"<h1>Open the link shown on the computer</h1>"
    b"<p>Twitchguide is running on a computer on this Wi-Fi. To keep your diary private it "
    b"needs the access link that the computer shows in its terminal, as a link and a QR code. "
    b"Scan the QR code with this phone's camera, or type the link.</p></main></body></html>"
)


class GuardMiddleware:
    """Adds the security headers, issues the session cookie, and enforces the --lan code.

    Plain ASGI (not BaseHTTPMiddleware) so it costs microseconds on every request.
    """

    def __init__(self, app: ASGIApp, guard: Guard, hosted: bool = False) -> None:
        self.app = app
        self.guard = guard
        self.hosted = hosted  # served by name behind a proxy: the loopback Host check is off

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = cookies_of(scope)
        set_cookies: list[bytes] = []
        session = cookies.get(SESSION_COOKIE, "")
        if not (16 <= len(session) <= 64 and session.replace("-", "").replace("_", "").isalnum()):
            session = secrets.token_urlsafe(24)
            secure = self.hosted and scope.get("scheme") == "https"
            set_cookies.append(_cookie(SESSION_COOKIE, session, secure=secure))
        scope.setdefault("state", {})["session"] = session

        if not self.hosted and _from_this_machine(scope) and not _names_this_machine(scope):
            # A page elsewhere can point its own name at 127.0.0.1 (DNS rebinding) and read
            # what it loads as same-origin; a browser here always says 127.0.0.1 or localhost.
            await _refuse(send, 421, b"This address is not Twitchguide's; open http://127.0.0.1")
            return

        if self.guard.access_code is not None and not _from_this_machine(scope):
            code = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("access")
            if code and self.guard.access_ok(code[0]):
                # The code moves into a cookie and out of the address bar (and history).
                await _redirect(send, scope.get("path", "/"), [*set_cookies, _cookie(
                    ACCESS_COOKIE, code[0], max_age=30 * 86400)])  # fmt: skip
                return
            if not self.guard.access_ok(cookies.get(ACCESS_COOKIE)):
                await _locked(send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                own_policy = any(name == b"content-security-policy" for name, _ in headers)
                headers.extend(
                    h
                    for h in SECURITY_HEADERS
                    if not (own_policy and h[0] == b"content-security-policy")
                )  # a response with its own (stricter for scripts) policy keeps it
                if not scope.get("path", "").startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                headers.extend((b"set-cookie", c) for c in set_cookies)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _from_this_machine(scope: Scope) -> bool:
    client = scope.get("client")
    return client is not None and client[0] in ("127.0.0.1", "::1")


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def _names_this_machine(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"host":
            host = value.decode("latin-1").lower()
            hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            return hostname in LOOPBACK_NAMES
    return True  # HTTP/1.0 without a Host header names nothing else


async def _refuse(send: Send, status: int, text: bytes) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text})


async def _redirect(send: Send, location: str, cookies: list[bytes]) -> None:
    headers = [(b"location", location.encode()), *SECURITY_HEADERS]
    headers.extend((b"set-cookie", c) for c in cookies)
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def _locked(send: Send) -> None:
    headers = [(b"content-type", b"text/html; charset=utf-8"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": _LOCKED_PAGE})
