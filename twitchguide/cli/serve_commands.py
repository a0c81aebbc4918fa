"""`twitchguide serve`: the web app on this computer, or for a phone on the same Wi-Fi (--lan)."""

from __future__ import annotations

import click

from twitchguide.cli.context import action_context

DEFAULT_PORT = 8765


@click.command()
@click.option("--host", default=None, help="address to listen on (default 127.0.0.1)")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--lan",
    is_flag=True,
    help="let a phone on the same Wi-Fi open it: listens on this machine's network address "
    "and asks for an access code shown here as a link and a QR code",
)
@click.option(
    "--hosted",
    is_flag=True,
    help="many people with accounts on one PostgreSQL (docs/hosting.md); needs "
    "TWITCHGUIDE_DATABASE_URL and TWITCHGUIDE_SECRET_KEY, or --config",
)
@click.option(
    "--config",
    "config_path",
    default=None,
    metavar="FILE",
    help="with --hosted: a TOML file with database_url, secret_key, signup, workers",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str | None,
    port: int,
    lan: bool,
    hosted: bool,
    config_path: str | None,
) -> None:
    """Start the web app. Open the address it prints; Ctrl-C stops it.

    Example: twitchguide serve        (this computer only)

    Example: twitchguide serve --lan  (a phone on the same Wi-Fi scans the QR code)
    """
    root = ctx.find_root()
    database = root.obj.get("database") if isinstance(root.obj, dict) else None
    if hosted:
        from twitchguide.errors import InvalidInput
        from twitchguide.hosted.server import run_hosted

        if lan:
            raise InvalidInput("--lan", "is for one person's diary; leave it out with --hosted")

        run_hosted(config_path, database, host=host, port=port)
        return
    # The web stack is imported here only, so `twitchguide log` never pays for it.
    from twitchguide.web.server import run_server

    diary = action_context(ctx)  # opens (and migrates) the diary before the first request
    run_server(database, diary.user.name, host=host, port=port, lan=lan)
