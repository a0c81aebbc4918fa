"""`export` and `import`: a whole diary out as JSON or CSV, and back in all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import click

from twitchguide.cli.context import open_session
from twitchguide.diary.records import DAILY_FACTORS, RECORD_KINDS, RecordKind
from twitchguide.errors import InvalidInput
from twitchguide.wording import counted


@click.command()
@click.option(
    "--format",
    "format_",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: one document with everything (for backups); csv: one file per record kind",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="file (json) or folder (csv); json goes to standard output without it",
)
@click.pass_context
def export(ctx: click.Context, format_: str, output: Path | None) -> None:
    """Export the whole diary as JSON or CSV.

    Example: twitchguide export --format json > backup.json
    """
    from twitchguide.store.backup import export_csv, export_json

    session = open_session(ctx)
    if format_ == "json":
        text = export_json(session.store, session.user)
        if output is None:
            click.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
            click.echo(f"Wrote {output}", err=True)
        return
    if output is None:
        raise InvalidInput("output", "CSV export needs a folder, e.g. --output twitch-csv")
    for path in export_csv(session.store, session.user, output):
        click.echo(f"Wrote {path}", err=True)


@click.command(name="import")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def import_(ctx: click.Context, path: Path) -> None:
    """Import a JSON export: all records or none.

    Example: twitchguide import backup.json
    """
    from twitchguide.store.backup import import_file

    session = open_session(ctx)
    counts = import_file(session.store, session.user, path)
    total = sum(counts.values())
    detail = ", ".join(
        _how_many(kind, counts[kind.table]) for kind in RECORD_KINDS if counts[kind.table]
    )
    click.echo(f"Imported {counted(total, 'record')}" + (f": {detail}." if detail else "."))


def _how_many(kind: RecordKind, count: int) -> str:
    """'1 twitch episode', '3 days of factors'."""
    if kind is DAILY_FACTORS:
        return counted(count, "day of factors", "days of factors")
    return counted(count, kind.singular)
