"""Running the app with uvicorn: the address, the --lan access link and QR code, a clean stop."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import Any

import click

LOCAL_HOST = "127.0.0.1"


def lan_address() -> str | None:
    """This machine's address on the local network, found without sending anything."""
    candidates: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        candidates = [str(info[4][0]) for info in infos]
    except OSError:
        pass
    for address in candidates:
        if not address.startswith("127."):
            return address
    return None


def run_server(
    database: str | None, user_name: str, *, host: str | None, port: int, lan: bool
) -> None:
    """Serve until Ctrl-C. Under --lan other devices need the access code printed here."""
    import uvicorn

    from twitchguide.settings import Settings
    from twitchguide.web.app import create_app
    from twitchguide.web.security import new_access_code

    settings = Settings.load(database)
    code = new_access_code() if lan else None
    bind = host or ("0.0.0.0" if lan else LOCAL_HOST)
    app = create_app(settings.database_url, user_name, access_code=code)
    config = uvicorn.Config(app, host=bind, port=port, log_level="warning", access_log=False)
    shown_host = bind
    if bind in ("0.0.0.0", "::"):
        shown_host = lan_address() or LOCAL_HOST
    address = f"http://{shown_host}:{port}/"

    def announce() -> None:
        click.echo(f"Twitchguide is running at {address}")
        if code is not None:
            link = f"{address}?access={code}"
            click.echo("")
            click.echo("On your phone (on the same Wi-Fi), scan this code or open this link:")
            click.echo(f"  {link}")
            _print_qr(link)
            click.echo("The link holds a private access code: share it with no one.")
            click.echo(f"On this computer, http://{LOCAL_HOST}:{port}/ needs no code.")
        click.echo("Your diary stays on this computer. Press Ctrl-C to stop.")

    server = _AnnouncingServer(config, announce)
    freeze_what_start_made()
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn stops cleanly; nothing to report
        server.run()
    click.echo("Stopped.")


def freeze_what_start_made() -> None:
    """Keep the objects made at start (app, routes, models, guide) out of every later GC pass.

    They live as long as the process, yet each full collection walked them all: ~17 ms during
    which no request moved. Under 16 clients that was the tail: create p99 43-63 ms, and 23-25
    ms once frozen (bench_web_load.py, same minutes).
    """
    import gc

    gc.collect()
    gc.freeze()


class _AnnouncingServer:
    """uvicorn's server, saying where it is only once it really listens there."""

    def __new__(cls, config: Any, announce: Callable[[], None]) -> Any:
        import uvicorn

        class Server(uvicorn.Server):
            async def startup(self, sockets: Any = None) -> None:
                await super().startup(sockets)
                if not self.should_exit:
                    announce()

        return Server(config)


def _print_qr(link: str) -> None:
    import io

    import segno

    buffer = io.StringIO()
    segno.make(link, error="m").terminal(out=buffer, compact=True, border=2)
    click.echo(buffer.getvalue())
