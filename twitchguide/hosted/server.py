"""`serve --hosted`: migrate once, then several uvicorn worker processes, none holding state."""

from __future__ import annotations

import os
from typing import Any

import click

from twitchguide.hosted.config import ENV_PREFIX, load_config


def make_app() -> Any:
    """The app factory each worker process calls (its settings come from the environment)."""
    from twitchguide.web.app import create_app
    from twitchguide.web.server import freeze_what_start_made

    app = create_app("", "", hosted=load_config())
    freeze_what_start_made()  # each worker's start-up objects stay out of its GC passes
    return app


def run_hosted(
    config_path: str | None, database: str | None, *, host: str | None, port: int
) -> None:
    """Check the settings, migrate (safe beside other instances), then serve until stopped."""
    import uvicorn

    from twitchguide.hosted.database import prepare

    if database:
        os.environ[ENV_PREFIX + "DATABASE_URL"] = database
    if config_path:
        os.environ[ENV_PREFIX + "HOSTED_CONFIG"] = os.path.abspath(config_path)
    config = load_config()  # raises one clear line when the URL or the secret is missing
    prepare(config)
    bind = host or "127.0.0.1"
    click.echo(
        f"Twitchguide (hosted, {config.workers} workers) is starting at http://{bind}:{port}/ "
        "- put a TLS reverse proxy in front of it. Ctrl-C stops it."
    )
    uvicorn.run(
        "twitchguide.hosted.server:make_app",
        factory=True,
        host=bind,
        port=port,
        workers=config.workers,
        proxy_headers=True,  # the client's address and https, from the proxy on this machine
        forwarded_allow_ips="127.0.0.1",
        log_level="warning",
        access_log=False,
    )
    click.echo("Stopped.")
