"""`twitchguide admin`: a hosted server's accounts: create people and invites, reset tokens,
export or delete one person's data. Runs as the database owner, on the server's settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click


@click.group()
@click.option(
    "--config",
    "config_path",
    default=None,
    metavar="FILE",
    help="the hosted server's TOML settings (else TWITCHGUIDE_DATABASE_URL and friends)",
)
@click.pass_context
def admin(ctx: click.Context, config_path: str | None) -> None:
    """Manage the accounts of a hosted server (serve --hosted); see docs/hosting.md.

    Example: twitchguide admin create-user sam
    """
    ctx.ensure_object(dict)
    ctx.obj["hosted_config"] = config_path


@contextmanager
def _owner(ctx: click.Context) -> Iterator[Any]:
    """The database as its owner, migrated; closed afterwards."""
    from twitchguide.hosted.config import load_config
    from twitchguide.store.database import connect
    from twitchguide.store.migrations import migrate

    root = ctx.find_root().obj or {}
    config = load_config(
        ctx.obj.get("hosted_config"), database_url=root.get("database"), need_secret=False
    )
    database = connect(config.database_url)
    try:
        migrate(database)  # the owner's work only; the server makes the app role at its start
        yield database
    finally:
        database.close()


@admin.command("create-user")
@click.argument("name")
@click.option("--admin", "is_admin", is_flag=True, help="mark the account as an administrator")
@click.option("--timezone", default="UTC", show_default=True, help="e.g. Europe/London")
@click.password_option(envvar="TWITCHGUIDE_NEW_PASSWORD", help="asked for (twice) when not given")
@click.pass_context
def create_user(
    ctx: click.Context, name: str, is_admin: bool, timezone: str, password: str
) -> None:
    """Make an account (the person can change the password once signed in).

    Example: twitchguide admin create-user sam --timezone Europe/London
    """
    from twitchguide.hosted import accounts

    with _owner(ctx) as db:
        accounts.create_account(db, name, password, timezone=timezone, is_admin=is_admin)
    click.echo(f"Made the account '{name.strip().lower()}'.")


@admin.command()
@click.pass_context
def invite(ctx: click.Context) -> None:
    """Make a one-time invite code (valid 7 days) for an invite-only server."""
    from twitchguide.hosted import accounts

    with _owner(ctx) as db:
        code = accounts.create_invite(db)
    click.echo(code)
    click.echo(f"Give it to one person: they open /signup?invite={code}", err=True)


@admin.command("reset-token")
@click.argument("name")
@click.pass_context
def reset_token(ctx: click.Context, name: str) -> None:
    """Make a one-time password reset code (valid a day) for one person to use at /reset."""
    from twitchguide.hosted import accounts

    with _owner(ctx) as db:
        code = accounts.issue_reset_token(db, name)
    click.echo(code)


@admin.command("export")
@click.argument("name")
@click.option("--output", type=click.Path(path_type=Path), default=None, help="file to write")
@click.pass_context
def export_user(ctx: click.Context, name: str, output: Path | None) -> None:
    """One person's whole diary as the JSON export (the same format as local mode)."""
    from twitchguide.actions import backup
    from twitchguide.actions.context import ActionContext
    from twitchguide.hosted import accounts
    from twitchguide.store.diary_store import DiaryStore
    from twitchguide.store.user_store import UserStore

    with _owner(ctx) as db:
        accounts.account_id(db, name)  # NotFound for someone with no account
        store = DiaryStore(db)
        actions = ActionContext(UserStore(store, store.user(name.strip().lower(), create=False)))
        if output is None:
            click.echo(backup.export_json(actions), nl=False)
        else:
            backup.write_json_export(actions, output)
            click.echo(f"Wrote {output}", err=True)


@admin.command("delete-user")
@click.argument("name")
@click.option("--yes", is_flag=True, help="do not ask; delete at once")
@click.pass_context
def delete_user(ctx: click.Context, name: str, yes: bool) -> None:
    """Delete one person and all their data (export it first). This cannot be undone."""
    from twitchguide.hosted import accounts

    if not yes:
        click.confirm(f"Delete '{name}' and every record of theirs?", abort=True)
    with _owner(ctx) as db:
        accounts.delete_account(db, accounts.account_id(db, name))
    click.echo(f"Deleted '{name.strip().lower()}' and all their data.")
